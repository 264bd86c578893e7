"""表四 政府信息公开行政复议、行政诉讼情况: the printed row of 15 values, in order.

Lines named by their row (行政复议 / 未经复议直接起诉 / 复议后起诉, five values each, in any
order) or by their column (结果维持 … 总计, three values each: the table printed transposed)
are placed by those names.  Otherwise the values are whatever the region holds after its
header words, in order: one row of 15 cells,
three rows of 5 (one small table per row), a stream of cells one to a line (bare, or each
closed by a pipe: ``0 |``), values printed apart after the words naming them, one or a row
to a line (``结果维持 2``, ``行政复议 2 1 0 1 4``), or a run of glued digits cut so that each
group of five adds up (`t4.sum`).  A page excerpt that stops inside the table gives the
values printed before the cut, in order (`rows.truncated`: not the number it stops inside).
"""
from __future__ import annotations

import re

from nianbao.report import Cell, Table
from nianbao.tables.cells import make_cell
from nianbao.tables.digits import splits
from nianbao.tables.ids import T4_CELL_IDS, squash
from nianbao.tables.rows import CELL_STREAM_SHAPES, agree, at_cut, fit, truncated
from nianbao.tables.tokens import Block, Tok, blocks, table_shape

N = len(T4_CELL_IDS)
# what names a line of the table: its row (the specific first: 未经复议 and 复议后 hold 复议) or its column
_ROW_CUES = (re.compile(r"^(?!.*(?:未经复议|复议后)).*行政复议"), re.compile(r"未经复议"), re.compile(r"复议后"))
_COLUMN_CUES = tuple(re.compile(c) for c in (r"维持", r"纠正", r"其他", r"未审结|尚未", r"总计|合计"))


def parse(text: str, start: int, end: int) -> Table:
    table = Table(id="t4", start=start, end=end)
    cells_toks: list[Tok] = []
    runs: list[Tok] = []
    grid = blocks(text, start, end, ())
    named = _by_name(grid, text, at_cut(text, end))
    if named is not None:  # lines named by their row, or by their column (a table printed transposed)
        cells, toks, transposed = named
        for cell_id, cell in zip(T4_CELL_IDS, cells):
            if cell is not None:
                table.cells[cell_id] = cell
        if transposed:
            table.notes.append("表四按列印出（每行为一种结果，三列为行政复议、未经复议直接起诉、复议后起诉），按行列名读取")
        table.complete = len(table.cells) == N
        if not table.complete:
            table.notes.append(f"表四在文本末尾中断（页面摘录不全），只读出{len(table.cells)}个单元格")
        table.shape = table_shape(toks)
        return table
    for block in grid:
        if block.shape in CELL_STREAM_SHAPES:  # header words and values, one to a line
            cells_toks.extend(t for t in block.toks if t.kind != "text")
            continue
        if block.stream or any(t.run for t in block.toks):
            runs.extend(t for t in block.toks if t.run)
            continue
        toks = block.toks
        while toks and toks[0].kind == "text":  # a row label ("行政复议") printed before its five values
            toks = toks[1:]
        if toks and all(t.kind != "text" for t in toks) and any(t.kind != "empty" for t in toks):
            cells_toks.extend(toks)
    cells: list[Cell | None] | None = None
    if cells_toks:  # rows of cells win over digits in prose around the table
        cells = fit([t.cell for t in cells_toks], N)
        if cells is None and at_cut(text, end):
            cells = [t.cell for t in cells_toks]
            if truncated(cells[-1], text):
                cells.pop()
            table.notes.append(f"表四在文本末尾中断（页面摘录不全），只读出{len(cells)}个单元格")
        elif cells is None:
            table.notes.append(f"表四读到{len(cells_toks)}个单元格，无法对应15个数值")
    elif runs:
        apart = _separate(runs)  # "结果维持 2" / "行政复议 2 1 0 1 4": one value or one row to a line
        if apart:
            cells, runs = apart
        else:
            cells, runs = _cut(runs[-1:], table.notes), runs[-1:]  # the values follow the header words
    for cell_id, cell in zip(T4_CELL_IDS, cells or []):
        if cell is not None:
            table.cells[cell_id] = cell
    table.complete = len(table.cells) == N
    table.shape = table_shape(cells_toks or runs)
    if not table.cells and not table.notes:
        table.notes.append("表四区域内没有读到数值")
    return table


def _by_name(grid: list[Block], text: str, cut: bool) -> tuple[list[Cell | None], list[Tok], bool] | None:
    """(the 15 values in `T4_CELL_IDS` order, their tokens, transposed) when the region's lines
    are named: three lines naming the three rows (行政复议 / 未经复议直接起诉 / 复议后起诉) with
    five values each, in any order, or five lines naming the five columns (结果维持 … 总计) with
    three values each (the table printed transposed).  A region the text stops in (`cut`) may
    hold fewer such lines, its last one short (not the number the text stops inside); cells not
    printed are None.  None when the lines are not named so."""
    named: list[tuple[bool, int, list[Cell], list[Tok]]] = []  # (names a column, which, values, tokens)
    for block in grid:
        line = _named_line(block)
        if line is None:
            continue
        name, values, toks = line
        row = next((i for i, cue in enumerate(_ROW_CUES) if cue.search(name)), None)
        column = next((i for i, cue in enumerate(_COLUMN_CUES) if cue.search(name)), None)
        if (row is None) == (column is None):
            continue
        named.append((column is not None, row if column is None else column, values, toks))
    if len(named) < 2 or len({kind for kind, *_ in named}) != 1:
        return None
    transposed = named[0][0]
    width, lines = (3, 5) if transposed else (5, 3)
    placed: dict[int, list[Cell]] = {}
    for i, (_, which, values, _) in enumerate(named):
        cells = fit(values, width)
        if cut and i == len(named) - 1:  # the line the text stops in
            cells = list(values) if cells is None and len(values) < width else cells
            if cells and truncated(cells[-1], text):
                cells = cells[:-1]
        if cells is None or which in placed:
            return None
        placed[which] = cells
    if len(placed) < lines and not cut:
        return None
    out: list[Cell | None] = [None] * N
    for which, cells in placed.items():
        for k, cell in enumerate(cells):
            out[k * 5 + which if transposed else which * 5 + k] = cell
    return out, [t for *_, toks in named for t in toks], transposed


def _named_line(block: Block) -> tuple[str, list[Cell], list[Tok]] | None:
    """(its words, its values, their tokens) for a printed line (not a stream of cells) that
    opens with words and carries only values after them."""
    if block.shape in CELL_STREAM_SHAPES:
        return None
    toks = block.toks
    i = next((k for k, t in enumerate(toks) if t.kind != "empty"), len(toks))
    words = i
    while words < len(toks) and toks[words].kind == "text":
        words += 1
    if words == i or words == len(toks):
        return None
    values: list[Cell] = []
    for tok in toks[words:]:
        if tok.kind == "text":
            return None
        pieces = _pieces(tok) if tok.run else [tok.cell]
        if pieces is None:
            return None
        values += pieces
    return squash("".join(t.text for t in toks[i:words])), values, toks[words:]


def _pieces(run: Tok) -> list[Cell] | None:
    """The blank-separated values of a run, or None when one of them is no single value."""
    pieces = [make_cell(m.group(), run.start + m.start()) for m in re.finditer(r"[^\s\u3000\xa0]+", run.text)]
    return pieces if all(c.kind == "na" or (c.kind == "number" and splits(c.raw, 1)) for c in pieces) else None


def _separate(runs: list[Tok]) -> tuple[list[Cell], list[Tok]] | None:
    """(the 15 values, the runs they came from) when the region's last runs of values print
    them apart: blank-separated numbers (or not-applicable marks), one or several to a line
    after the words that name them (``结果维持 2``, ``行政复议 2 1 0 1 4``); None when they do
    not come to exactly 15 that way (glued digits are `_cut`)."""
    cells: list[Cell] = []
    for i in range(len(runs) - 1, -1, -1):
        pieces = _pieces(runs[i])
        if pieces is None:
            return None
        cells[:0] = pieces
        if len(cells) >= N:
            return (cells, runs[i:]) if len(cells) == N and i < len(runs) - 1 else None
    return None


def _cut(runs: list[Tok], notes: list[str]) -> list[Cell | None] | None:
    """Cut the glued digits into 15 values, preferring readings where each row adds up."""
    if len(runs) != 1:
        notes.append(f"表四的数值分成{len(runs)}段连写数字，未能读取")
        return None
    run = runs[0]
    options = [[make_cell(run.text[a:b], run.start + a) for a, b in s] for s in splits(run.text, N)]
    if not options:
        notes.append(f"表四的数字“{run.text}”无法拆成15个数值")
        return None
    scored = [(sum(_row_sums(o)), o) for o in options]
    best = max(score for score, _ in scored)
    picks = [o for score, o in scored if score == best]
    cells = agree(picks)
    if any(c is None for c in cells):
        notes.append(f"表四的数字“{run.text}”有{len(picks)}种拆分都符合各行合计，未能确定的单元格未取值")
    return cells


def _row_sums(cells: list[Cell]) -> list[bool]:
    out = []
    for i in range(0, N, 5):
        values = [c.value for c in cells[i:i + 5]]
        out.append(None not in values and abs(sum(values[:4]) - values[4]) < 1e-9)
    return out
