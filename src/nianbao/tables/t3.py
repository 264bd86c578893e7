"""表三 收到和处理政府信息公开申请情况: 25 rows (or 27 with 其他处理 split) × 7 columns.

Rows are found by their labels.  Rows of values printed without a label (PDF text that
detached them) fill the rows left without values between the labelled rows around them,
in template order, when the counts match.  Runs of glued digits are cut by the table's
own identities: each row's six applicant columns add up to its 总计 (`t3.col_sum`), and
across rows the results add up to （七）总计 and 新收 + 结转 = 总计 + 结转下年度.  When
the identities leave one reading it is taken; when they leave several, the cells they
disagree on are left out and the table says so.

The applicant columns are read in the order the header prints them (`_printed_columns`):
the template's, unless a one-level header names the seven in another order, a two-level
header of grid rows puts them in other columns, or the header names 总计 alone over rows of
one value (a table printing only its total column; its other cells are not read).

A page excerpt that stops inside the table gives the rows before the cut and the cells
printed of the row it stops in (`rows.leading_cells`); glued digits at the cut are only
read when a reading adds up (the cut may have taken digits off their end).
"""
from __future__ import annotations

import itertools
import re

from nianbao.report import Cell, Table
from nianbao.tables.ids import (T3_COLUMN_NAMES, T3_COLUMNS, T3_CUES, T3_RESULT_ROWS, T3_ROW_ORDER, T3_ROWS,
                                squash)
from nianbao.tables.rows import RowRead, agree, at_cut, cut_row, leading_cells, read_rows, readings, truncated
from nianbao.tables.tokens import Block, blocks, table_shape

N = len(T3_COLUMNS)
_ORGANISATIONS = "法人或其他组织"  # the header's group over the five organisation columns
_COLUMN_BY_NAME = {name: column for column, name in T3_COLUMN_NAMES.items()}
_COLUMN_NAME = re.compile("|".join(T3_COLUMN_NAMES.values()))
MAX_COMBINATIONS = 200_000


def parse(text: str, start: int, end: int) -> Table:
    grid = blocks(text, start, end, T3_CUES)
    labelled, unlabelled = read_rows(grid, at_cut(text, end))
    variant = _variant(labelled, text[start:end])
    order = T3_ROW_ORDER[variant]
    table = Table(id="t3", start=start, end=end)
    printed = _printed_columns(text, start, grid)
    if printed == ("total",) and any(readings(read, N) for read in labelled if not read.printed_empty):
        printed = T3_COLUMNS  # a header that names 总计 alone over rows of seven values
    if printed != T3_COLUMNS:
        table.notes.append("表三的申请人栏按表头所印顺序读取：" + "、".join(T3_COLUMN_NAMES[c] for c in printed))
    rows = _best_reads(labelled, order, len(printed))
    _place_unlabelled(rows, unlabelled, order, table.notes, len(printed))
    headers = _total_columns(grid) if printed == T3_COLUMNS else []
    options = {row_id: [_in_template_order(o, printed) for o in readings(read, len(printed), _last_header(headers, read.at))]
               for row_id, read in rows.items()}
    partial = _cut_short(text, end, rows, options, table.notes)
    chosen = _solve(options, variant, table.notes)
    for row_id, cells in partial.items():
        chosen[row_id] = _in_template_order(cells + [None] * (len(printed) - len(cells)), printed)
    for row_id in order:
        cells = chosen.get(row_id, [None] * N)
        for column, cell in zip(T3_COLUMNS, cells):
            if cell is not None:
                table.cells[f"t3.{row_id}.{column}"] = cell
    missing = [r for r in order if r not in rows]
    if missing:
        table.notes.append("未读到以下各行：" + "、".join(T3_ROWS[r].name for r in missing))
    table.complete = len(table.cells) == len(order) * N
    if not table.complete and at_cut(text, end):
        table.notes.append("表三在文本末尾中断（页面摘录不全），只取已印出的单元格")
    table.shape = table_shape((tok for read in rows.values() for tok in read.toks),
                              (read.shape for read in rows.values() if read.printed_empty))
    return table


def _printed_columns(text: str, start: int, grid: list[Block]) -> tuple[str, ...]:
    """The applicant columns in the order the header prints them: `T3_COLUMNS` unless the header
    says otherwise, by a line naming the seven columns in another order (``总计 | 自然人 | 商业企业
    …``; a one-level header printed one cell per line, too), by grid rows whose columns put them
    in another order (a two-level header of tab or pipe rows), or by naming 总计 alone (a table
    printing only its total column: `_total_only`).  A header naming the columns in any other way
    (some missing, some twice, a two-level header printed as a stream of cells, whose reading
    order is not its column order) is read as the template's."""
    first = min((t.start for block in grid for t in block.toks if t.spec), default=None)
    if first is None:
        return T3_COLUMNS
    names: list[tuple[int, int, int, str]] = []  # (block, grid column, offset, column or "group")
    for b, block in enumerate(grid):
        for i, tok in enumerate(block.toks):
            if tok.start >= first or tok.kind != "text":
                continue
            words = squash(tok.text)
            group = words.find(_ORGANISATIONS)
            if group >= 0:
                names.append((b, i, tok.start + group, "group"))
                words = words.replace(_ORGANISATIONS, "#" * len(_ORGANISATIONS))  # its 其他 is no column
            names += [(b, i, tok.start + m.start(), _COLUMN_BY_NAME[m.group()]) for m in _COLUMN_NAME.finditer(words)]
    columns = [n[3] for n in names if n[3] != "group"]
    grouped = len(columns) < len(names)
    if columns == ["total"] and not grouped:
        return ("total",)
    if sorted(columns) != sorted(T3_COLUMNS) or len(names) - len(columns) > 1:
        return T3_COLUMNS
    if not grouped and (len({n[0] for n in names}) == 1 or all(grid[n[0]].stream for n in names)):
        return tuple(n[3] for n in sorted(names, key=lambda n: n[2]))  # a one-level header, in reading order
    if not grouped or len({n[0] for n in names}) == 1 or any(grid[n[0]].stream for n in names):
        return T3_COLUMNS
    at = {n[3]: n[1] for n in names}  # grid rows: the column each name is printed in
    if len({at[c] for c in T3_COLUMNS}) < len(T3_COLUMNS):
        return T3_COLUMNS
    return tuple(sorted(T3_COLUMNS, key=lambda c: at[c]))


def _in_template_order(cells: list[Cell | None], printed: tuple[str, ...]) -> list[Cell | None]:
    """A row's cells read in the printed column order, put in `T3_COLUMNS` order (None where the
    table prints no such column)."""
    if printed == T3_COLUMNS:
        return cells
    by_column = dict(zip(printed, cells))
    return [by_column.get(c) for c in T3_COLUMNS]


def _cut_short(text: str, end: int, rows: dict[str, RowRead], options: dict[str, list[list[Cell]]],
               notes: list[str]) -> dict[str, list[Cell]]:
    """The row the text stops in, if the table is cut short: its options narrowed to what
    the cut cannot have changed, or {row id: the cells it printed} when it is partial."""
    if not at_cut(text, end):
        return {}
    cut = cut_row(list(rows.values()), text)
    if cut is None:
        return {}
    row_id = next(k for k, read in rows.items() if read is cut)
    opts = options[row_id]
    if any(t.run for t in cut.toks):
        options[row_id] = [o for o in opts if _col_sum_holds(o)]
        if not options[row_id]:
            del options[row_id]
            notes.append(f"“{T3_ROWS[row_id].name}”行的连写数字在文本末尾中断，未取值")
        return {}
    last = max((c for c in opts[0] if c is not None), key=lambda c: c.end or -1) if opts else None
    if opts and not (last is not None and truncated(last, text)):
        return {}
    del options[row_id]
    cells = leading_cells(cut, N, text)
    notes.append(f"“{T3_ROWS[row_id].name}”行在文本末尾中断，只读出{len(cells)}个单元格")
    return {row_id: cells} if cells else {}


def _total_columns(grid: list[Block]) -> list[tuple[int, int]]:
    """(offset, grid column) of every header row's 总计, to align rows padded with blanks."""
    out = []
    for block in grid:
        if block.stream or any(t.spec for t in block.toks):
            continue
        for i, tok in enumerate(block.toks):
            if squash(tok.text) == "总计":
                out.append((tok.start, i))
    return out


def _last_header(headers: list[tuple[int, int]], at: int) -> int | None:
    before = [col for offset, col in headers if offset < at]
    return before[-1] if before else None


def _variant(labelled: list[RowRead], region: str) -> str:
    ids = {r.spec.id for r in labelled if r.spec}
    if ids & {"other.no_correction", "other.no_fee", "other.other"}:
        return "2021"
    if "other" in ids:
        return "2019"
    return "2021" if "逾期不补正" in region or "收费通知" in region else "2019"


def _best_reads(labelled: list[RowRead], order: tuple[str, ...], n: int = N) -> dict[str, RowRead]:
    """One read per row id: the first that reads as its `n` printed cells with values, else the
    first that reads as `n` cells (a row printed empty), else the first."""
    rows: dict[str, RowRead] = {}

    def rank(read: RowRead) -> tuple[bool, bool]:
        return bool(readings(read, n)), not read.printed_empty

    for read in labelled:
        row_id = read.spec.id if read.spec else None
        if row_id not in order:
            continue
        if row_id not in rows or rank(read) > rank(rows[row_id]):
            rows[row_id] = read
    return rows


def _place_unlabelled(rows: dict[str, RowRead], unlabelled: list[RowRead], order: tuple[str, ...],
                      notes: list[str], n: int = N) -> None:
    """Give each run of label-less value rows the empty template rows between its neighbours."""
    candidates = [r for r in unlabelled if readings(r, n)]
    if not candidates:
        return
    anchors = sorted(rows.values(), key=lambda r: r.at)
    gaps: dict[tuple[int, int], list[RowRead]] = {}
    for read in candidates:
        before = [order.index(a.spec.id) for a in anchors if a.at < read.at]
        after = [order.index(a.spec.id) for a in anchors if a.at > read.at]
        key = (max(before) if before else -1, min(after) if after else len(order))
        gaps.setdefault(key, []).append(read)
    for (lo, hi), reads in gaps.items():
        slots = [row_id for row_id in order[lo + 1:hi] if row_id not in rows]
        if len(slots) == len(reads):
            for row_id, read in zip(slots, reads):
                rows[row_id] = read
            notes.append("以下各行的数值与行名分离，按表格顺序归位：" + "、".join(T3_ROWS[s].name for s in slots))
        else:
            notes.append(f"有{len(reads)}行数值未印行名，但其位置对应{len(slots)}个空行，无法归位")


def _solve(options: dict[str, list[list[Cell]]], variant: str, notes: list[str]) -> dict[str, list[Cell | None]]:
    """Pick each row's reading; rows with several use the identities, and agreement."""
    chosen: dict[str, list[Cell | None]] = {}
    open_rows: dict[str, list[list[Cell]]] = {}
    for row_id, opts in options.items():
        if len(opts) > 1:
            summing = [o for o in opts if _col_sum_holds(o)]
            opts = summing or opts
        if len(opts) == 1:
            chosen[row_id] = list(opts[0])
        elif opts:
            open_rows[row_id] = opts
        else:
            notes.append(f"“{T3_ROWS[row_id].name}”行的数值无法读成7个单元格")
    if not open_rows:
        return chosen
    ids = list(open_rows)
    total = 1
    for row_id in ids:
        total *= len(open_rows[row_id])
    best: list[tuple[list[Cell], ...]] = []
    if total <= MAX_COMBINATIONS:
        best_score = -1
        for combo in itertools.product(*(open_rows[r] for r in ids)):
            trial = {**chosen, **dict(zip(ids, combo))}
            score = _column_score(trial, variant)
            if score > best_score:
                best, best_score = [combo], score
            elif score == best_score:
                best.append(combo)
    for i, row_id in enumerate(ids):
        picks = [combo[i] for combo in best] if best else open_rows[row_id]
        cells = agree(picks)
        chosen[row_id] = cells
        if any(c is None for c in cells):
            run = next((c.raw for c in cells if c is not None), "")
            notes.append(f"“{T3_ROWS[row_id].name}”行的数字连在一起，有{len(picks)}种拆分都符合表内关系，"
                         f"未能确定的单元格未取值{('（' + run + '…）') if run else ''}")
    return chosen


def _col_sum_holds(cells: list[Cell]) -> bool:
    values = [c.value for c in cells]
    return all(isinstance(v, (int, float)) for v in values) and abs(sum(values[:-1]) - values[-1]) < 1e-9


def _column_score(rows: dict[str, list[Cell | None]], variant: str) -> int:
    """How many column identities (results add up, balance holds) these readings satisfy."""
    def value(row_id: str, col: int) -> float | None:
        cells = rows.get(row_id)
        cell = cells[col] if cells else None
        return cell.value if cell is not None and cell.kind == "number" else None

    score = 0
    for col in range(N):
        parts = [value(r, col) for r in T3_RESULT_ROWS[variant]]
        total = value("total_processed", col)
        if total is not None and None not in parts and abs(sum(parts) - total) < 1e-9:
            score += 1
        ends = [value(r, col) for r in ("new_received", "carried_over", "total_processed", "carried_forward")]
        if None not in ends and abs(ends[0] + ends[1] - ends[2] - ends[3]) < 1e-9:
            score += 1
    return score
