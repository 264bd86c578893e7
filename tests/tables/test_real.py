"""The seven real reports in shared/corpus/real, cell by cell as read from the files by hand."""
from __future__ import annotations

import pytest

from nianbao.tables import parse
from nianbao.tables.ids import T4_CELL_IDS
from tests.conftest import real_path
from tests.tables.expect import E, report, shown, t3_expected, t3_rows

T3 = {
    "pt2019": ("2019", t3_expected(
        "2019", new_received=[23, 0, 0, 0, 0, 0, 23], granted=[7, 0, 0, 0, 0, 0, 7], partial=[1, 0, 0, 0, 0, 0, 1],
        unable__not_held=[7, 0, 0, 0, 0, 0, 7], unable__unclear=[5, 0, 0, 0, 0, 0, 5],
        not_processed__duplicate=[3, 0, 0, 0, 0, 0, 3], total_processed=[23, 0, 0, 0, 0, 0, 23])),
    "pt2020": ("2019", t3_expected(
        "2019", new_received=[20, 0, 0, 0, 0, 1, 21], granted=[6, 0, 0, 0, 0, 1, 7], partial=[6, 0, 0, 0, 0, 0, 6],
        unable__not_held=[4, 0, 0, 0, 0, 0, 4], unable__unclear=[3, 0, 0, 0, 0, 0, 3],
        not_processed__duplicate=[3, 0, 0, 0, 0, 0, 3], other=[4, 0, 0, 0, 0, 0, 4],
        total_processed=[20, 0, 0, 0, 0, 1, 21])),
    "pt2021": ("2021", t3_expected(
        "2021", new_received=[64, 0, 0, 2, 0, 4, 70], granted=[27, 0, 0, 2, 0, 1, 30], partial=[5, 0, 0, 0, 0, 0, 5],
        denied__internal_affairs=[1, 0, 0, 0, 0, 0, 1], denied__enforcement_file=[6, 0, 0, 0, 0, 0, 6],
        denied__admin_query=[1, 0, 0, 0, 0, 0, 1], unable__not_held=[22, 0, 0, 0, 0, 3, 25],
        other__other=[1, 0, 0, 0, 0, 0, 1], total_processed=[63, 0, 0, 2, 0, 4, 69],
        carried_forward=[1, 0, 0, 0, 0, 0, 1])),
    "pt2022": ("2021", t3_expected(
        "2021", new_received=[71, 3, 0, 0, 0, 0, 74], carried_over=[1, 0, 0, 0, 0, 0, 1],
        granted=[21, 0, 0, 0, 0, 0, 21], partial=[8, 1, 0, 0, 0, 0, 9], denied__internal_affairs=[1, 0, 0, 0, 0, 0, 1],
        denied__process_info=[2, 0, 0, 0, 0, 0, 2], denied__enforcement_file=[1, 0, 0, 0, 0, 0, 1],
        unable__not_held=[37, 0, 0, 0, 0, 0, 37], other__no_correction=[2, 0, 0, 0, 0, 0, 2],
        other__other=[0, 2, 0, 0, 0, 0, 2], total_processed=[72, 3, 0, 0, 0, 0, 75])),
    "shuyang2025": ("2021", t3_expected(
        "2021", new_received=[705, 3, 0, 0, 5, 0, 713], carried_over=[36, 0, 0, 0, 0, 0, 36],
        granted=[290, 1, 0, 0, 3, 0, 294], partial=[99, 0, 0, 0, 2, 0, 101],
        denied__three_safety=[2, 0, 0, 0, 0, 0, 2], denied__third_party=[2, 0, 0, 0, 0, 0, 2],
        denied__internal_affairs=[13, 0, 0, 0, 0, 0, 13], denied__process_info=[2, 0, 0, 0, 0, 0, 2],
        denied__enforcement_file=[4, 0, 0, 0, 0, 0, 4], denied__admin_query=[9, 0, 0, 0, 0, 0, 9],
        unable__not_held=[111, 0, 0, 0, 0, 0, 111], unable__needs_creation=[2, 0, 0, 0, 0, 0, 2],
        not_processed__complaint=[12, 0, 0, 0, 0, 0, 12], not_processed__duplicate=[6, 1, 0, 0, 0, 0, 7],
        other__no_correction=[9, 0, 0, 0, 0, 0, 9], other__no_fee=[7, 0, 0, 0, 0, 0, 7],
        other__other=[142, 1, 0, 0, 0, 0, 143], total_processed=[710, 3, 0, 0, 5, 0, 718],
        carried_forward=[31, 0, 0, 0, 0, 0, 31])),
    "kewei2024": ("2021", t3_expected(
        "2021", new_received=[32, 2, 0, 0, 0, 0, 34], carried_over=[2, 0, 0, 0, 0, 0, 2],
        granted=[9, 0, 0, 0, 0, 0, 9], denied__internal_affairs=[1, 0, 0, 0, 0, 0, 1],
        denied__process_info=[1, 0, 0, 0, 0, 0, 1], unable__not_held=[4, 0, 0, 0, 0, 0, 4],
        unable__needs_creation=[6, 0, 0, 0, 0, 0, 6], other__no_correction=[8, 2, 0, 0, 0, 0, 10],
        other__other=[4, 0, 0, 0, 0, 0, 4], total_processed=[33, 2, 0, 0, 0, 0, 35],
        carried_forward=[1, 0, 0, 0, 0, 0, E])),
    "hongze2024": ("2019", t3_expected(  # a 2021 report that prints 其他处理 as one row
        "2019", new_received=[95, 0, 0, 0, 0, 0, 95], granted=[50, 0, 0, 0, 0, 0, 50], partial=[9, 0, 0, 0, 0, 0, 9],
        denied__three_safety=[1, 0, 0, 0, 0, 0, 1], denied__process_info=[1, 0, 0, 0, 0, 0, 1],
        denied__enforcement_file=[1, 0, 0, 0, 0, 0, 1], unable__not_held=[31, 0, 0, 0, 0, 0, 31],
        unable__needs_creation=[1, 0, 0, 0, 0, 0, 1], not_processed__complaint=[1, 0, 0, 0, 0, 0, 1],
        total_processed=[95, 0, 0, 0, 0, 0, 95])),
}

T4 = {
    "pt2019": [0] * 15,
    "pt2020": [0] * 15,
    "pt2021": [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0],
    "pt2022": [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
    "shuyang2025": [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10],
    "kewei2024": [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    "hongze2024": [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3],
}

_2021_DOCS = ("issued", "repealed", "in_force")
T2 = {
    # flattened 2019-layout rows such as 规范性文件898989 have many readings: left out
    "pt2019": ("2019", {"regulations.new_made": 0, "regulations.new_published": 0,
                        "regulations.total_published": 0}),
    "pt2020": ("2019", {"regulations.new_made": 0, "regulations.new_published": 0,
                        "regulations.total_published": 7, "fees.prev_items": 35, "fees.change": -15}),
    "pt2021": ("2021", {"regulations.issued": 0, "regulations.repealed": 0, "regulations.in_force": 0,
                        "licensing.decisions": 2293, "punishment.decisions": 1282, "coercion.decisions": 42,
                        "fees.amount": 24252.311082}),
    "pt2022": ("2021", {"regulations.issued": 0, "regulations.repealed": 0, "regulations.in_force": 0,
                        "licensing.decisions": 10690, "punishment.decisions": 2113, "coercion.decisions": 0,
                        "fees.amount": 9116.36}),
    "shuyang2025": ("2021", {**dict(zip((f"regulations.{c}" for c in _2021_DOCS), (0, 0, 0))),
                             **dict(zip((f"normative_docs.{c}" for c in _2021_DOCS), (6, 1, 32))),
                             "licensing.decisions": 517645, "punishment.decisions": 693957,
                             "coercion.decisions": 2154, "fees.amount": 4068.208}),
    "kewei2024": ("2021", {**dict(zip((f"regulations.{c}" for c in _2021_DOCS), (0, 0, 0))),
                           **dict(zip((f"normative_docs.{c}" for c in _2021_DOCS), (13, 0, 55))),
                           "licensing.decisions": 97, "punishment.decisions": 0, "coercion.decisions": 0,
                           "fees.amount": 0}),
    "hongze2024": ("2021", {**dict(zip((f"regulations.{c}" for c in _2021_DOCS), (0, 0, 0))),
                            **dict(zip((f"normative_docs.{c}" for c in _2021_DOCS), (3, 0, 8))),
                            "licensing.decisions": 9487, "punishment.decisions": 2776, "coercion.decisions": 84,
                            "fees.amount": 7545}),
}
COMPLETE_T2 = {"shuyang2025", "kewei2024", "hongze2024"}


@pytest.mark.parametrize("doc", sorted(T3))
def test_table_three_cells_as_printed(doc):
    variant, expected = T3[doc]
    t3 = report(doc).tables["t3"]
    assert t3_rows(t3, variant) == expected
    assert t3.complete


@pytest.mark.parametrize("doc", sorted(T4))
def test_table_four_fifteen_values_in_order(doc):
    t4 = report(doc).tables["t4"]
    assert [shown(t4, c) for c in T4_CELL_IDS] == T4[doc]
    assert t4.complete


@pytest.mark.parametrize("doc", sorted(T2))
def test_table_two_layout_and_the_cells_that_have_one_reading(doc):
    layout, expected = T2[doc]
    t2 = report(doc).tables["t2"]
    assert t2.layout == layout
    assert {k[3:]: shown(t2, k) for k in t2.cells} == expected
    assert t2.complete == (doc in COMPLETE_T2)


def test_flattened_table_two_says_why_cells_are_left_out():
    t2 = report("pt2019").tables["t2"]
    assert any("898989" in note for note in t2.notes)
    assert any("13575394432.52元" in note for note in t2.notes)


def test_pt2021_table_four_seventeen_digits_split_by_row_sums():
    t4 = report("pt2021").tables["t4"]
    assert [t4.cells[c].raw for c in T4_CELL_IDS] == "1 0 2 0 3 12 0 0 0 12 0 0 0 0 0".split()


def test_pt2020_other_row_is_four():
    t3 = report("pt2020").tables["t3"]
    assert t3.cells["t3.other.total"].value == 4


def test_kewei_detached_value_rows_fill_the_unlabelled_rows_in_order():
    t3 = report("kewei2024").tables["t3"]
    assert t3.cells["t3.new_received.total"].value == 34
    assert t3.cells["t3.carried_forward.total"].kind == "empty"
    assert any("按表格顺序归位" in note for note in t3.notes)


def test_shuyang_stray_header_row_does_not_relabel_the_last_rows():
    t3 = report("shuyang2025").tables["t3"]
    totals = {row: t3.cells[f"t3.{row}.total"].value
              for row in ("new_received", "carried_over", "total_processed", "carried_forward")}
    assert totals == {"new_received": 713, "carried_over": 36, "total_processed": 718, "carried_forward": 31}


def test_hongze_pdf_table_three_total_with_page_numbers_and_vertical_label():
    t3 = report("hongze2024").tables["t3"]
    assert t3.cells["t3.total_processed.total"].value == 95
    assert t3.cells["t3.denied.law_forbidden.total"].value == 0  # printed 2.其他法律行政止公开


@pytest.mark.parametrize("doc", sorted(T3) + ["000", "001", "002", "003", "004"])
def test_every_cell_offset_points_at_its_raw_text(doc):
    rep = report(doc)
    for table in rep.tables.values():
        assert table.start is not None and 0 <= table.start < table.end <= len(rep.text)
        for cell_id, cell in table.cells.items():
            assert cell.start is not None, cell_id
            assert rep.text[cell.start:cell.end] == cell.raw, cell_id
            assert table.start <= cell.start <= table.end, cell_id


def test_hongze_pdf_text_layer_with_page_numbers_and_detached_rows_reads_the_same():
    """The PDF's plain text layer (no table structure): page numbers "- 3 -" sit inside
    表三, the vertical label comes out one character a line, and some rows print their
    values on a line apart from their label."""
    import pdfplumber

    with pdfplumber.open(str(real_path("hongze2024"))) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "- 3 -" in text
    tables = parse(text)
    variant, expected = T3["hongze2024"]
    assert t3_rows(tables["t3"], variant) == expected
    assert [shown(tables["t4"], c) for c in T4_CELL_IDS] == T4["hongze2024"]
    for cell in tables["t3"].cells.values():
        assert text[cell.start:cell.end] == cell.raw
