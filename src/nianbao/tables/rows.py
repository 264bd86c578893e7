"""From blocks of tokens to table rows: which label each run of values belongs to.

`read_rows` pairs every label with the values printed after it, and keeps the rows of
values that carry no label (PDF extraction can detach them) for the table to place.
`readings` lists the ways a row's values can be read as its `n` cells: one for cells
the print separates, several when a run of glued digits can be cut more than one way.  A
row one cell short whose cells include one holding two numbers (``| 0 0 |``: OCR that lost
a column rule) is read with that cell split.

A page copied as text drops blank cells: in a stream of cells a label followed by no value
before the next row is a row printed empty (`RowRead.printed_empty`), read as blank cells.

A cell printed in digits and signs that is no number (``+(0) -(0)``) keeps its column as a
text cell; the row's other cells are read.

Text after a row's values ends the row, in a printed row (tab or pipe cells) as in a stream:
a whole table printed on one line carries the next section's header words
(``… | 行政规范性文件 | 4 | 1 | 26 | 第二十条第（五）项 | 信息内容 | …``) after a row's values.

A row of such a stream that prints some values but fewer than its columns lost its blank
cells in the copy, and which of them were blank cannot be told: only its first value is
placed, in the first column (`short_row`).

A page excerpt can stop inside a table (`at_cut`): the row it stops in (`cut_row`) gives
the cells it printed, in column order (`leading_cells`), and a number the text ends inside
is left out, for it may have lost digits (``1`` of ``15``; a ``0`` cannot, as no number is
printed with a leading zero, so glued zeros at the cut are read: `zeros`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from nianbao.report import Cell
from nianbao.tables.cells import BLANKS, make_cell
from nianbao.tables.digits import splits
from nianbao.tables.ids import RowSpec
from nianbao.tables.tokens import Block, Tok


_MERGED = re.compile(r"[+\-]?\d+(?:\.\d+)?(?:[ \u3000\xa0]+[+\-]?\d+(?:\.\d+)?)+")


@dataclass
class RowRead:
    spec: RowSpec | None  # None: a row of values printed without its label
    toks: list[Tok] = field(default_factory=list)
    at: int = 0  # offset of the row in the text, for reading order
    col: int | None = None  # grid column of the first value, when the row is a printed table row
    printed_empty: bool = False  # a label with no value after it before the next row: every cell blank
    end: int = 0  # where the label ends (the offset of a printed-empty row's blank cells)
    shape: str = ""  # the printed shape of the block the label was read from


CELL_STREAM_SHAPES = ("one_cell_per_line", "pipe_cells")  # where a page drops blank cells from the text
# a cell printed in a notation of digits, brackets and signs that is no number (``+(0) -(0)``):
# it holds its column as a text cell instead of ending the row as prose would
_ODD_VALUE = re.compile(r"[\d\s()（）+\-−.,/]*\d[\d\s()（）+\-−.,/]*")


def read_rows(blocks: list[Block], ends_at_cut: bool = False) -> tuple[list[RowRead], list[RowRead]]:
    """(labelled rows that have values, rows of values without a label), in reading order.

    In a stream of cells (one cell per line, "cell |" lines) a page copied as text drops
    blank cells, so a label followed by nothing but text up to the next label (a heading
    such as ``第二十条第（六）项``, or the next label at once) is a row printed empty
    (`RowRead.printed_empty`), unless the region is cut short right after the label
    (`ends_at_cut`: the row's values may be what the cut took)."""
    labelled: list[RowRead] = []
    empty: list[RowRead] = []
    unlabelled: list[RowRead] = []
    last_block = max((i for i, b in enumerate(blocks) if b.toks), default=-1)
    for b, block in enumerate(blocks):
        toks = block.toks
        if not any(t.spec for t in toks):
            if not block.stream and _values_only(toks):
                unlabelled.append(RowRead(None, toks, toks[0].start, 0))
            continue
        current: RowRead | None = None
        for i, tok in enumerate(toks):
            if tok.spec is not None:
                current = RowRead(tok.spec, [], tok.start, None if block.stream else i + 1, end=tok.end,
                                  shape=block.shape)
                labelled.append(current)
                if block.shape in CELL_STREAM_SHAPES and _empty_row(toks, i, ends_at_cut and b == last_block):
                    current.printed_empty = True
                    empty.append(current)
            elif current is not None:
                if tok.kind == "text" and not _odd_value(tok) and (block.stream or _has_value(current.toks)):
                    current = None  # prose ends a row that has no row boundaries; in a printed row,
                    # text after the row's values is the next section's header (a whole table on one line)
                else:
                    current.toks.append(tok)
    return [r for r in labelled if _values_only(r.toks) or r in empty], unlabelled


def _empty_row(toks: list[Tok], i: int, cut: bool) -> bool:
    """Whether the label toks[i] of a stream is followed by no value up to the next label."""
    after = 0
    for tok in toks[i + 1:]:
        if tok.spec is not None:
            return True
        if tok.kind != "text":
            return False
        after += 1
    return bool(after) or not cut


def _has_value(toks: list[Tok]) -> bool:
    return any(t.kind not in ("text", "empty") or _odd_value(t) for t in toks)


def _values_only(toks: list[Tok]) -> bool:
    return bool(toks) and all(t.kind != "text" or _odd_value(t) for t in toks)


def _odd_value(tok: Tok) -> bool:
    """A value cell printed in digits and signs the number reader does not take (``+(0) -(0)``):
    a cell of kind text in its column, never prose."""
    return tok.spec is None and tok.kind == "text" and bool(_ODD_VALUE.fullmatch(tok.text.strip()))


def readings(row: RowRead, n: int, last_col: int | None = None) -> list[list[Cell]]:
    """Every way to read the row's values as `n` cells ([] when there is none).

    `last_col` is the grid column the header prints the last value column in (表三's
    总计): it decides between paddings when blank cells leave several.
    """
    if row.printed_empty:
        return [[make_cell("", row.end) for _ in range(n)]]
    runs = [t for t in row.toks if t.run]
    if not runs and n > 1 and len(row.toks) == 1 and row.toks[0].shape == "one_cell_per_line" \
            and row.toks[0].kind == "number":
        runs = row.toks  # one line holding the row's digits run together
    if runs:
        if len(row.toks) != 1:
            return []
        run = runs[0]
        return [[make_cell(run.text[a:b], run.start + a) for a, b in s] for s in splits(run.text, n)]
    end = None if last_col is None or row.col is None else last_col - row.col + 1
    cells = [t.cell for t in row.toks]
    fitted = fit(cells, n, end)
    if fitted is None and any(_MERGED.fullmatch(c.raw) for c in cells):
        fitted = fit([piece for c in cells for piece in _unmerge(c)], n)  # OCR that merged neighbours
    return [] if fitted is None else [fitted]


def short_row(row: RowRead, n: int) -> list[Cell]:
    """A row of a stream of cells (`CELL_STREAM_SHAPES`) printing fewer separate values than
    its `n` columns (not one run of glued digits that splits into them): its first value,
    in the first column; [] for any other row.  The copy dropped the row's blank cells, most
    often at the end (``行政事业性收费`` printing ``上一年项目数量`` and no change); which
    later column a second value belongs to cannot be told, so it is left out."""
    if row.shape not in CELL_STREAM_SHAPES or row.printed_empty or not 0 < len(row.toks) < n:
        return []
    if len(row.toks) == 1 and row.toks[0].kind == "number" and splits(row.toks[0].text, n):
        return []  # one line holding the row's digits run together: `readings` reads it
    if any(t.run for t in row.toks):
        return []
    first = row.toks[0].cell
    return [first] if first.kind == "number" else []


def _unmerge(cell: Cell) -> list[Cell]:
    """A cell holding several blank-separated numbers (``0 0``, OCR that lost a column rule)
    as the cells it merged; any other cell as itself."""
    if cell.start is None or not _MERGED.fullmatch(cell.raw):
        return [cell]
    return [make_cell(m.group(), cell.start + m.start()) for m in re.finditer(r"\S+", cell.raw)]


def fit(cells: list[Cell], n: int, end: int | None = None) -> list[Cell] | None:
    """`n` consecutive cells holding every non-empty one (padding cells dropped), or None.

    Of several such windows the one ending at `end` is taken when given, else the first.
    """
    if len(cells) < n:
        return None
    filled = [i for i, c in enumerate(cells) if c.kind != "empty"] or [0]
    first, last = filled[0], filled[-1]
    starts = [lo for lo in range(max(0, last - n + 1), min(first, len(cells) - n) + 1)]
    if not starts:
        return None
    lo = end - n if end is not None and end - n in starts else starts[0]
    return cells[lo:lo + n]


def agree(options: list[list[Cell]]) -> list[Cell | None]:
    """Cell by cell, the reading all options share (same text at the same place), else None."""
    if not options:
        return []
    out: list[Cell | None] = []
    for i, cell in enumerate(options[0]):
        same = all((o[i].start, o[i].end, o[i].raw) == (cell.start, cell.end, cell.raw) for o in options)
        out.append(cell if same else None)
    return out


def at_cut(text: str, end: int) -> bool:
    """Whether a table region runs to the end of the text (an excerpt that stops inside it)."""
    return not text[end:].strip(BLANKS)


def cut_row(rows: list[RowRead], text: str) -> RowRead | None:
    """The row the end of the text stops in: the last row, when only blanks (or the pipe
    closing its last cell) follow its values."""
    last = max(rows, key=lambda r: r.at, default=None)
    if last is None or not last.toks or text[last.toks[-1].end:].strip(BLANKS + "|"):
        return None
    return last


def leading_cells(row: RowRead, n: int, text: str) -> list[Cell]:
    """The cells a cut row printed, in column order (at most `n`); none from glued digits,
    whose cut cannot be told, and not the number the text stops inside."""
    if any(t.run for t in row.toks):
        return []
    cells = [t.cell for t in row.toks]
    while cells and cells[-1].kind == "empty":
        cells.pop()
    if cells and truncated(cells[-1], text):
        cells.pop()
    return cells[:n]


def truncated(cell: Cell, text: str) -> bool:
    """A number at the very end of the text may have lost digits; a lone 0 cannot have."""
    return cell.kind == "number" and cell.end == len(text) and cell.raw != "0"


def zeros(cells: list[Cell]) -> bool:
    """Cells that are all a lone 0: glued at the end of the text, no digit can be missing from
    them (a number is never printed with a leading zero)."""
    return bool(cells) and all(c.raw == "0" for c in cells)
