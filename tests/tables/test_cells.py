"""Raw cell text → kind, value and unit, exactly as printed."""
from __future__ import annotations

import pytest

from nianbao.tables.cells import make_cell


@pytest.mark.parametrize("raw, kind, value, unit", [
    ("98", "number", 98, None),
    ("156个", "number", 156, "个"),
    ("人民币2.9亿元", "number", 2.9, "亿元"),
    ("13575394432.52元", "number", 13575394432.52, "元"),
    ("40.19万元", "number", 40.19, "万元"),
    ("1048条", "number", 1048, "条"),
    ("+8", "number", 8, None),
    ("-15", "number", -15, None),
    ("１２", "number", 12, None),  # full-width digits read, raw kept
    ("", "empty", None, None),
    ("\u3000\u3000", "empty", None, None),
    ("\xa0", "empty", None, None),
    ("  ", "empty", None, None),
    ("/", "na", None, None),
    ("-", "na", None, None),
    ("—", "na", None, None),
    ("无", "na", None, None),
    ("不适用", "na", None, None),
    ("数据1", "text", None, None),
    ("见附件", "text", None, None),
])
def test_cell_kind_value_and_unit(raw, kind, value, unit):
    cell = make_cell(raw)
    assert (cell.kind, cell.value, cell.unit) == (kind, value, unit)
    assert type(cell.value) is type(value)


def test_blank_only_cell_is_empty_never_zero():
    cell = make_cell("\u3000")
    assert cell.kind == "empty" and cell.value is None and cell.value != 0


def test_raw_drops_the_padding_and_offsets_point_at_what_is_left():
    text = "规章\t\u30000 \n"
    cell = make_cell("\u30000 ", start=3)
    assert cell.raw == "0" and text[cell.start:cell.end] == "0"


def test_full_width_digits_keep_their_raw_text():
    assert make_cell("１２").raw == "１２"
