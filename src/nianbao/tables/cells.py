"""Raw cell text → `Cell`: what kind of cell it is, its value and its unit, as printed.

>>> make_cell("156个").value, make_cell("156个").unit
(156, '个')
>>> make_cell("人民币2.9亿元").value, make_cell("-15").value, make_cell("　").kind
(2.9, -15, 'empty')
>>> make_cell("减少8").value, make_cell("增3").value   # 本年增/减 written out in words
(-8, 3)
"""
from __future__ import annotations

import re
import unicodedata

from nianbao.report import Cell

BLANKS = " \t\n\r\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"
NA_TEXTS = frozenset({"/", "／", "-", "－", "—", "——", "--", "–", "无", "不适用", "暂无"})
UNITS = ("亿元", "万元", "元", "个", "件", "条", "项", "次", "人次", "%")
_UNIT_RE = "|".join(sorted(UNITS, key=len, reverse=True))
NUMBER = re.compile(
    rf"^(?:人民币|约)?\s*(?:(?P<word>增加|增|减少|减)\s*)?(?P<num>[+\-]?\d+(?:,\d{{3}})*(?:\.\d+)?)\s*(?P<unit>{_UNIT_RE})?$"
)


def make_cell(raw: str, start: int | None = None) -> Cell:
    """Classify `raw` (already located at `start` in the report text, if known).

    Surrounding blanks (spaces, U+3000, no-break spaces) are not part of the cell: a
    blank-only cell is ``empty`` with ``raw == ""``, never 0.
    """
    stripped = raw.strip(BLANKS)
    if start is not None:
        start += len(raw) - len(raw.lstrip(BLANKS))
    end = None if start is None else start + len(stripped)
    kind, value, unit = classify(stripped)
    return Cell(raw=stripped, value=value, unit=unit, kind=kind, start=start, end=end)


def classify(text: str) -> tuple[str, float | int | None, str | None]:
    """(kind, value, unit) of already-stripped cell text."""
    if not text:
        return "empty", None, None
    if text in NA_TEXTS:
        return "na", None, None
    m = NUMBER.match(unicodedata.normalize("NFKC", text).replace(" ", ""))
    if m is None:
        return "text", None, None
    value = parse_number(m["num"])
    if m["word"] and m["word"].startswith("减") and not m["num"].startswith(("+", "-")):
        value = -value  # 减少8: the change column's decrease written as a word
    return "number", value, m["unit"]


def parse_number(num: str) -> float | int:
    """'+8' → 8, '-15' → -15, '2.9' → 2.9, '1,048' → 1048."""
    num = num.replace(",", "").lstrip("+")
    return float(num) if "." in num else int(num)


def is_value(cell: Cell) -> bool:
    """A cell that can sit in a value column (anything but prose)."""
    return cell.kind != "text"
