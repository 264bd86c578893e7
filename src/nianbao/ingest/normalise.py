"""The normalised text every converter produces, and that every offset points into.

The rule is deliberately small so offsets stay stable (gold annotations depend on it):
a byte-order mark is dropped and line ends become ``\\n``.  Nothing else changes:
full-width digits, ideographic spaces, tabs and no-break spaces stay as printed.

Tables that a format carries as structure (HTML ``<table>``, DOCX tables, PDF tables) are
written into the text as one line per table row with the cells separated by a tab
(``\\t``); a cell covered by a rowspan or colspan is written as an empty string, and line
breaks inside a cell become a space.  The table parser then reads every format from text.
"""
from __future__ import annotations

import re

_LINE_ENDS = re.compile(r"\r\n?")


def normalise_text(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return _LINE_ENDS.sub("\n", text)


def table_rows_to_text(rows: list[list[str]]) -> str:
    """Render a table grid (rows of cell strings) as tab-separated lines."""
    out = []
    for row in rows:
        cells = [re.sub(r"\s*\n\s*", " ", c.replace("\t", " ")).strip() for c in row]
        out.append("\t".join(cells))
    return "\n".join(out)


_CJK_CHARS = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_LINE_BREAK = re.compile(rf"(?<=[{_CJK_CHARS}])[ \t]*\n\s*(?=[{_CJK_CHARS}])")


def join_cjk_cell_lines(cell: str) -> str:
    """Inside a table cell, a line break between two CJK characters is wrapping, not a word
    break: drop it (``商业\\n企业`` → ``商业企业``, a vertical label ``三\\n、\\n本…`` → ``三、本…``).
    Other line breaks stay for `table_rows_to_text`, which writes them as a space."""
    return _CJK_LINE_BREAK.sub("", cell)
