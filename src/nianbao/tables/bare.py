"""Tables printed as bare values right under their section heading, their header words lost.

A web page copied as text often drops a table's header cells (or prints them as images), so
all that is left of 表二, 表三 or 表四 is its heading and its values::

    四、因政府信息公开工作被申请行政复议、提起行政诉讼情况
    0
    0
    …                      (15 values, or the 15 on one line, or three lines of five)

Such a table is read only when nothing but values stands between its heading and the next
section heading (a few lines of words without digits may come first: header words kept, or
a sentence such as ``…情况见下表``), and only when the values come to exactly the count the
template's layout has: 15 for 表四; 表三 by rows of seven (25 rows, or 23 with 其他处理 printed
as one row); 表二 ten values (2021 layout) or 22 (2019 layout).  A line holding several values
must hold whole rows of the template (``0 0 0 0 0`` is 表四's 行政复议 row; ``0 0 0`` is no row
of it).  The values are read in the template's order (TABLES.md), and the table says that its
column names were inferred from that order.  Numbers inside sentences
(``行政复议0件，行政诉讼0件。``) are narrative, never such a table.

The heading is found as pages print it (``四、`` / ``（四）`` / ``4、``, a colon after it,
markdown ``##`` or ``**`` around it), the values under it or on its own line; a page number
(``- 3 -``) among the values is skipped.  A table found by its header words whose reader
reads no cell because its row labels were lost (``申请人情况 … 总计`` then 25 rows of values)
is read the same way over its region (`within`).

A page excerpt that stops inside the values (nothing but blanks after them) keeps the values
printed, in order, `complete=False`, not the number the text stops inside (`rows.truncated`);
where the template's rows differ between layouts past the cut, only the rows both layouts
share are read (表三: the first 20 rows; 表二: the layout of the report's year).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from nianbao.body import PAGE_NUMBER  # "- 3 -" at a PDF page's foot
from nianbao.report import Cell, Table
from nianbao.tables.cells import BLANKS, classify, make_cell
from nianbao.tables.ids import T2_ROWS, T3_COLUMNS, T3_ROW_ORDER, T4_CELL_IDS
from nianbao.tables.rows import at_cut, truncated

SHAPE = "bare_values"
_B = r"[ \t\u3000\xa0]"
# a heading's numbering (四、 / （四） / 4、), markdown marks around it (## / **), a colon after it
_NUMBERING = (rf"[#*]*{_B}*(?:[一二三四五六七八九十]+{_B}*[、.．]|[（(]{_B}*[一二三四五六七八九十]+{_B}*[)）]"
              rf"|[1-9]{_B}*[、．]|[1-9]\.(?!\d))?{_B}*")
_HEADING_END = rf"{_B}*[:：]?[*]*"
# each table's own section heading, opening its line; what follows it on the line is `rest`
_HEADINGS = {
    "t2": re.compile(rf"(?m)^{_NUMBERING}主动公开政府信息(?:情况)?{_HEADING_END}(?P<rest>[^\n]*)$"),
    "t3": re.compile(rf"(?m)^{_NUMBERING}收到和处理政府信息公开申请(?:情况)?{_HEADING_END}(?P<rest>[^\n]*)$"),
    # (因)政府信息公开(工作)(被)申请行政复议、(提起)行政诉讼(情况): the wordings pages print
    "t4": re.compile(rf"(?m)^{_NUMBERING}(?:因?政府信息公开(?:工作)?被?(?:申请)?)?行政复议[、和及与]?"
                     rf"{_B}*(?:提起)?行政诉讼(?:情况)?{_HEADING_END}(?P<rest>[^\n]*)$"),
}
# the heading of any next section, which ends a table's values
_SECTION = re.compile(r"^[ \t\u3000\xa0#*]*(?:[一二三四五六七八九十]+[ \u3000\xa0]*、|[（(][ \u3000\xa0]*[一二三四五六七八九十]+[ \u3000\xa0]*[)）])")
_MAX_LEAD_LINES = 12  # lines of words (no digit) allowed between the heading and the values: header
_MAX_LEAD_CHARS = 200  # words kept one to a line (自然人 / 商业企业 …) or a sentence (…情况见下表)

# cell ids in template order, cut into the template's rows, for each layout a table can have
_LAYOUTS: dict[str, dict[str, list[list[str]]]] = {
    "t4": {"": [list(T4_CELL_IDS[i:i + 5]) for i in range(0, len(T4_CELL_IDS), 5)]},
    "t3": {v: [[f"t3.{r}.{c}" for c in T3_COLUMNS] for r in order] for v, order in T3_ROW_ORDER.items()},
    "t2": {layout: [[f"t2.{s.id}.{c}" for c in s.columns] for s in specs] for layout, specs in T2_ROWS.items()},
}
_SHARED_ROWS = {"t3": 20}  # 表三's rows both variants share (up to the result rows before 其他处理)
_YEAR = re.compile(r"(20[1-3]\d)[ \u3000\xa0]*年")
_NOTE = {"t2": "表二", "t3": "表三", "t4": "表四"}

Lines = list[list[Cell]]


class Printed(NamedTuple):
    """A table printed as bare values: where it is, its value lines, and the template layout
    they fit (`ids`: cell ids in template order; `whole`: the count is the layout's; `cut`: the
    text stops inside the values)."""
    start: int
    end: int
    lines: Lines
    layout: str
    ids: list[str]
    whole: bool
    cut: bool


def find(text: str, taken: dict[str, tuple[int, int]]) -> dict[str, Printed]:
    """{table id: printed values} for each table not in `taken` that the text prints as bare
    values under its heading (or after it on the heading's line): from the heading's start to
    where its values end."""
    out = {}
    for table_id, heading in _HEADINGS.items():
        if table_id in taken:
            continue
        for m in heading.finditer(text):
            rest = m.group("rest")
            first = _value_line(rest, m.start("rest")) if rest.strip(BLANKS) else None
            if rest.strip(BLANKS) and first is None:
                continue  # the heading's words run on into a sentence: no heading line
            body = _values_under(text, m.end(), first)
            if body is None:
                continue
            printed = _fit(table_id, text, m.start(), *body)
            if printed is not None:
                out[table_id] = printed
                break
    return out


def within(table_id: str, text: str, start: int, end: int) -> Printed | None:
    """The values of a region found by its header words whose table reader read no cell,
    when it holds nothing but lines of words without digits (its heading and header words: the
    row labels lost) and then bare values that come to the template's count; None otherwise."""
    line_start = text.rfind("\n", 0, start) + 1
    heading = _HEADINGS[table_id].match(text, line_start)
    pos = heading.end() if heading and not heading.group("rest").strip(BLANKS) else line_start - 1
    body = _values_under(text, pos, None, lead_lines=40, lead_chars=2000, stop=end)
    if body is None or any(ch.isdigit() for ch in text[body[0]:end]):
        return None
    printed = _fit(table_id, text, start, *body)
    return printed._replace(end=end) if printed else None  # the table keeps the whole region


def parse(table_id: str, text: str, printed: Printed) -> Table:
    """The table read from its bare values, in the template's order."""
    values = [c for line in printed.lines for c in line]
    name = _NOTE[table_id]
    table = Table(id=table_id, layout=printed.layout if table_id == "t2" else None,
                  start=printed.start, end=printed.end, shape=SHAPE)
    if printed.cut and values and truncated(values[-1], text):
        values.pop()
    for cell_id, cell in zip(printed.ids, values):
        table.cells[cell_id] = cell
    table.notes.append(f"{name}只印出数值（表头或行名文字缺失），各单元格的行列名按模板顺序推定")
    table.complete = printed.whole and len(table.cells) == len(printed.ids)
    if not table.complete:
        table.notes.append(f"{name}在文本末尾中断（页面摘录不全），只读出{len(table.cells)}个单元格")
    if len(table.cells) < len(values):
        table.notes.append(f"{name}中断处已超出两种模板共有的行，其后{len(values) - len(table.cells)}个数值未取")
    return table


def _fit(table_id: str, text: str, start: int, end: int, lines: Lines) -> Printed | None:
    """The values printed from `start` to `end` with the layout they fit, or None."""
    cut = at_cut(text, end)
    fit = _layout(table_id, text, start, lines, cut)
    return Printed(start, end, lines, *fit, cut) if fit else None


def _values_under(text: str, pos: int, first: list[Cell] | None, lead_lines: int = _MAX_LEAD_LINES,
                  lead_chars: int = _MAX_LEAD_CHARS, stop: int | None = None) -> tuple[int, Lines] | None:
    """(end, value lines) of what follows a heading line ending at `pos` (`first`: values on the
    heading's own line): up to a few lines of words without digits, then lines of nothing but
    values, up to the next line that is not one (blank lines and page numbers are skipped);
    None when a line before the values carries a digit (a sentence with numbers is narrative)
    or when no value follows."""
    stop = len(text) if stop is None else stop
    lines: Lines = [first] if first else []
    lead = chars = 0
    end = pos
    at = pos + 1
    while at <= stop:
        nl = text.find("\n", at, stop)
        line_end = nl if nl >= 0 else stop
        line = text[at:line_end]
        stripped = line.strip(BLANKS + "|")
        if stripped and not PAGE_NUMBER.match(line):
            values = _value_line(line, at)
            if values is not None:
                lines.append(values)
                end = line_end
            elif lines or _SECTION.match(line) or any(ch.isdigit() for ch in stripped):
                break
            else:
                lead, chars = lead + 1, chars + len(stripped)
                if lead > lead_lines or chars > lead_chars:
                    return None
        if nl < 0:
            break
        at = nl + 1
    return (end, lines) if lines else None


def _value_line(line: str, at: int) -> list[Cell] | None:
    """The cells of a line of nothing but values (numbers with their unit, not-applicable marks)
    separated by blanks, tabs or pipes; None for any other line."""
    cells = []
    for m in re.finditer(r"[^\s\u3000\xa0|]+", line):
        if classify(m.group())[0] not in ("number", "na"):
            return None
        cells.append(make_cell(m.group(), at + m.start()))
    return cells or None


def _layout(table_id: str, text: str, start: int, lines: Lines, cut: bool) -> tuple[str, list[str], bool] | None:
    """(layout, cell ids in template order, whether the table is whole) the value lines fit, or
    None.  Whole: the count is the layout's, and each line holds one value or whole rows.  Cut
    short (`cut`: the text stops inside the values): fewer values than every layout (at least
    two), read over the rows the possible layouts share."""
    count = sum(len(line) for line in lines)
    fits = [(name, rows) for name, rows in _LAYOUTS[table_id].items()
            if count == sum(len(r) for r in rows) and _whole_rows(lines, rows)]
    if fits:
        name, rows = fits[0]
        return name, [c for r in rows for c in r], True
    if not cut or count < 2 or any(count >= sum(len(r) for r in rows) for rows in _LAYOUTS[table_id].values()):
        return None
    options = _LAYOUTS[table_id]
    if table_id == "t2":  # the two layouts name their columns apart: the report's year tells them
        year = _YEAR.search(text, 0, start)
        if year is None:
            return None
        name = "2021" if int(year.group(1)) >= 2021 else "2019"
        rows = options[name]
    else:
        name = next(iter(options))
        rows = options[name]
    if not _whole_rows(lines[:-1], rows):
        return None
    return name, [c for r in rows[:_SHARED_ROWS.get(table_id, len(rows))] for c in r], False


def _whole_rows(lines: Lines, rows: list[list[str]]) -> bool:
    """Whether every line holding several values ends where a template row ends (lines of one
    value each fit any layout)."""
    if all(len(line) == 1 for line in lines):
        return True
    ends, total = set(), 0
    for r in rows:
        total += len(r)
        ends.add(total)
    at = 0
    for line in lines:
        at += len(line)
        if at not in ends:
            return False
    return True
