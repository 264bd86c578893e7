"""Turn a table's region of the report text into blocks of cell tokens, whatever the print style.

Every printed style comes down to cells in reading order:

* one cell per line, led by a tab (Word/HTML copied as text); a blank line ends a table
  row and a line without the tab continues the cell above (``本年新\\n制作数量``);
* tab-separated rows (the ingest convention for HTML/DOCX/PDF tables, and TSV text);
* pipe rows, markdown (``| 规章 | 0 | 0 | 0 |``) or plain (``规章 | 0 |  | 3``, blanks kept),
  and one-cell lines ending in `` |`` that run on with no row boundaries, a row's last cell
  closed by empty cells (``9 | |``, ``合计 | ||||``), blanks after the pipe allowed; ``|``
  lines right after a row's label are its first cells printed empty, and a lone value with
  no pipe (a page whose last closing pipe was cut off) continues the stream;
* PDF text lines: a line of nothing but values is a row (its label may be printed on
  another line), and page numbers (``- 3 -``) are skipped;
* flattened web text where labels and values run together (``规范性文件898989``): the
  labels are found with the row cues, and the run of digits after each label is one
  token marked ``run`` for `digits.splits` to cut;
* one cell per line with no tab (a web page copied as text): each cell on a line of its
  own, often indented and with blank lines (or lines of nothing but ``|``) between cells,
  so such a line is no row boundary; a pipe may stand in front of a cell (``| 规章``).  The region is read this way when most lines that
  carry a value carry a lone value (`one_cell_per_line`); a label broken over lines
  (``（二）部分公开（区分处理的，`` / ``不计其他情形）``) is joined back when the joined lines
  name a row and the last alone does not.  A label's bracketed note (``规范性文件（行政机关
  制定发布的…）``) may make its line long: only the text outside the note counts.

In every printed-row shape (tab, pipe, flattened rows) a row label broken over two lines
(``（一）予以`` alone on a line, then ``公开 | 6 | 1 | …``) is joined back
(`_join_split_labels`).

A `Block` is a physical table row (``stream=False``), or a stream of cells with no row
boundaries (one-cell-per-pipe lines, one cell per line, a flattened line) that the reader
splits at labels.  Each block records the printed `shape` it was read as (`SHAPES`), which
the table reports as its own (`table_shape`).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from nianbao.body import PAGE_NUMBER
from nianbao.tables.cells import BLANKS, classify, make_cell
from nianbao.tables.ids import RowSpec, match_row, squash
from nianbao.report import Cell

_CELL_LINE = re.compile(r"^[ \u3000\xa0]*\t")
_NUMBERING_AFTER = re.compile(r"[.．、][^\d]")  # "2.重复申请": the digit before numbers a row
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_ROW_END = re.compile(r"^[^|]*\|[|\s\u3000\xa0]*$")  # one cell, then only pipes: "9 | |", "合计 | ||||"
_INNER_BLANK = re.compile(r"[\s\u3000\xa0]")
_PROSE = re.compile(r"[。；;！？]")
_TRAILING_VALUE = re.compile(r"\d\s*(?:亿元|万元|元|个|件|条)?$|[\d/／—][\s\u3000\xa0]+[+\-]?\d")
_NOTE = re.compile(r"[（(][^（()）]{4,}[)）]")  # a bracketed note: longer than a numbering such as （七）
_LABEL_COLON = re.compile(r"[ \u3000\xa0]*[:：]")
_MAX_CELL_LINE = 60  # a one-cell line longer than this is prose (the longest 表三 label is ~40)
_MAX_LABEL_LINES = 3
_BARE_LINES = 4  # short lines a region with no value needs to be read as one cell per line  # a label broken over at most this many lines is joined back
_ROW_SHAPES = ("pipe_rows", "markdown", "tsv", "text_rows")  # a printed line is a table row
_ROW_NUMBERING = re.compile(r"^(?:[（(]\s*[一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*、|\d+\s*[.．、])")
# the printed shapes, as `Block.shape` and `Table.shape` name them
SHAPES = ("tab_cells", "one_cell_per_line", "pipe_cells", "pipe_rows", "markdown", "tsv", "text_rows",
          "run_together", "bare_values")  # bare_values: values alone under a heading (`nianbao.tables.bare`)
# a run of printed values in flattened text: digits with signs, decimals, blanks, a unit
# (full-width signs and digits, thousands commas "1,385", a unit after each value "0件 0件 3件",
# a change in words inside the run)
_RUN_UNIT = r"(?:亿元|万元|元|个|件|条)"
_CHANGE_WORD = r"(?:增加|减少|增|减)"  # 本年增/减 written in words before its number ("27 增加2 1385")
RUN = re.compile(rf"(?:[+\-＋－]?\d|[—/／](?=[\d\s—/／-]))"
                 rf"(?:[\d\s\u3000\xa0.．+\-＋－—/／]|,(?=\d{{3}})|{_RUN_UNIT}(?=[\s\u3000\xa0]+[+\-＋－]?\d)"
                 rf"|(?<=[\s\u3000\xa0]){_CHANGE_WORD}(?=\d))*{_RUN_UNIT}?")


@dataclass
class Tok:
    text: str  # as printed, blanks included
    start: int  # offsets into the report text
    end: int
    run: bool = False  # glued digits that `digits.splits` must cut
    spec: RowSpec | None = None  # the row this token labels, if it is a label
    shape: str = ""  # the printed shape of the block it was read from (`SHAPES`)

    @cached_property
    def cell(self) -> Cell:
        return make_cell(self.text, self.start)

    @property
    def kind(self) -> str:
        return "number" if self.run else self.cell.kind


@dataclass
class Block:
    toks: list[Tok]
    stream: bool
    shape: str = ""

    def __post_init__(self) -> None:
        for tok in self.toks:
            tok.shape = self.shape


def blocks(text: str, start: int, end: int, specs: tuple[RowSpec, ...]) -> list[Block]:
    """The region text[start:end] as blocks of tokens; label tokens carry their `RowSpec`."""
    out: list[Block] = []
    group: list[Tok] = []  # cell lines of the current tab-led one-cell-per-line row
    pipes: list[Tok] = []  # consecutive "cell |" lines
    cells: list[Tok] = []  # one cell per line, no tab: one stream until something else is printed
    one_cell = one_cell_per_line(text, start, end)
    markdown = any(_MD_RULE.match(line) and "-" in line for line, _ in _lines(text, start, end))

    def flush() -> None:
        if group:
            out.append(Block([_label(t, specs) for t in group], stream=False, shape="tab_cells"))
            group.clear()
        if pipes:
            out.append(Block([_label(t, specs) for t in pipes], stream=True, shape="pipe_cells"))
            pipes.clear()
        if cells:
            out.append(Block([_label(t, specs) for t in cells], stream=True, shape="one_cell_per_line"))
            cells.clear()

    for line, at in _lines(text, start, end):
        stripped = line.strip(BLANKS)
        if _CELL_LINE.match(line) and "\t" not in line.lstrip(" \u3000\xa0")[1:]:
            if pipes or cells:
                flush()
            tab = line.index("\t")
            group.append(Tok(line[tab + 1:], at + tab + 1, at + len(line)))
        elif group and stripped and "|" not in stripped and "\t" not in line:
            last = group[-1]  # a continuation of the cell above
            group[-1] = Tok(text[last.start:at + len(line)], last.start, at + len(line))
        elif not stripped:
            if not cells:  # one cell per line: blank lines sit between cells, not rows
                flush()
        elif pipes and "|" not in stripped and _lone_value(stripped):
            pipes.append(Tok(line, at, at + len(line)))  # a value whose closing "|" was lost (a page's last line)
        elif "|" in stripped:
            if cells and set(stripped) <= set("|" + BLANKS):
                continue  # one cell per line with a "|" line between cells
            if one_cell and not pipes and stripped.startswith("|") and stripped.count("|") == 1 \
                    and _cell_line(stripped[1:].strip(BLANKS)):
                if group:
                    flush()
                bar = line.index("|") + 1  # "| 规章": one cell per line, a pipe in front of the cell
                tok = Tok(line[bar:], at + bar, at + len(line))
                if tok.cell.kind != "text":
                    _join_broken_label(text, cells, specs)
                cells.append(tok)
                continue
            if pipes and set(stripped) <= set("|" + BLANKS) and _in_row(pipes, specs):
                pipes.extend(_empty_cells(line, at))  # "|" lines inside a row of "cell |" lines: empty cells
            elif set(stripped) <= set("|" + BLANKS) or _MD_RULE.match(line):
                flush()  # a rule or an empty pipe row breaks the stream of cells
            elif stripped.count("|") == 1 and stripped.endswith("|"):
                if group or cells:
                    flush()
                bar = line.rindex("|")
                pipes.append(Tok(line[:bar], at, at + bar))  # seed-004 style "cell |"
            elif pipes and _labelled_last(pipes, specs) and (values := _line_of_values(line, at)):
                pipes.extend(values)  # "规章 |" then "0 | 0 | 0 |": the row's values on one line after its label
            elif pipes and not stripped.startswith("|") and _ROW_END.match(stripped):
                bar = line.index("|")  # "cell | ||": the last cell of a row of "cell |" lines, then empty ones
                pipes.append(Tok(line[:bar], at, at + bar))
                pipes.extend(_empty_cells(line, at, after=bar + 1))
                flush()
            else:
                flush()
                out.append(Block([_label(t, specs) for t in _split(line, at, "|", edges=True)], stream=False,
                                 shape="markdown" if markdown else "pipe_rows"))
        elif "\t" in line:
            flush()
            out.append(Block([_label(t, specs) for t in _split(line, at, "\t")], stream=False, shape="tsv"))
        elif PAGE_NUMBER.match(line):
            continue  # "- 3 -" printed at the foot of a PDF page, inside the table
        elif one_cell and _cell_line(stripped):
            if group or pipes:
                flush()
            tok = Tok(line, at, at + len(line))
            if tok.cell.kind != "text":
                _join_broken_label(text, cells, specs)
            cells.append(tok)
        else:
            flush()
            toks = list(_flat(line, at, specs))
            # a line of nothing but values (PDF text of a row whose label sits elsewhere) is a row
            glued = any(t.run and not _INNER_BLANK.search(t.text) and len(t.text) > 1 for t in toks)
            out.append(Block(toks, stream=not all(t.run for t in toks),
                             shape="run_together" if glued else "text_rows"))
    flush()
    return _bare_total(_join_split_labels(text, out, specs), specs)


def _bare_total(out: list[Block], specs: tuple[RowSpec, ...]) -> list[Block]:
    """A printed row whose label is a bare ``总计`` (or ``合计``) and which carries values is
    表三's （七）总计 row printed without its numbering; the header's 总计 cell carries none."""
    total = next((spec for spec in specs if spec.id == "total_processed"), None)
    if total is None:
        return out
    for block in out:
        if block.shape not in _ROW_SHAPES:
            continue
        filled = [t for t in block.toks if t.kind != "empty"]
        if len(filled) >= 2 and filled[0].spec is None and squash(filled[0].text) in ("总计", "合计") \
                and all(t.kind != "text" for t in filled[1:]):
            filled[0].spec = total
    return out


def attach_value_lines(out: list[Block]) -> list[Block]:
    """A row printed as its label on a line of its own and its values on the next line
    (``规章`` / ``0 0 0``), label and values alternating: the two lines are one row (for table
    二, which has no template order to place label-less rows by, as 表三 does).  Labels printed
    together and values after them (a column of labels, then one of values) are left apart."""
    joined: list[Block] = []
    i = 0
    while i < len(out):
        block = out[i]
        if (i + 1 < len(out) and _label_only(block) and _values_only_row(out[i + 1])
                and not (joined and _label_only(joined[-1]))
                and not (i + 2 < len(out) and _values_only_row(out[i + 2]))):
            joined.append(Block(block.toks + out[i + 1].toks, stream=True, shape=out[i + 1].shape))
            i += 2
            continue
        joined.append(block)
        i += 1
    return joined


def _label_only(block: Block) -> bool:
    """A printed line naming one row and carrying no value."""
    return block.shape in _ROW_SHAPES and sum(t.spec is not None for t in block.toks) == 1 \
        and all(t.kind in ("text", "empty") for t in block.toks)


def _values_only_row(block: Block) -> bool:
    """A printed line of nothing but values."""
    return block.shape in _ROW_SHAPES and not block.stream and any(t.kind not in ("text", "empty") for t in block.toks) \
        and all(t.kind != "text" for t in block.toks)


def _join_split_labels(text: str, out: list[Block], specs: tuple[RowSpec, ...]) -> list[Block]:
    """A row's label broken over two printed lines (``（一）予以`` on a line of its own, then
    ``公开 | 6 | 1 | …``): a line of nothing but short text before a row is joined to the row's
    leading text when together they name a row that neither names otherwise: the line names
    no row or the same one, the row's own text names no row or the same one, and the row's
    text opens with no numbering of its own (``2.重复申请`` starts a row, it continues none)."""
    if not specs:
        return out
    joined: list[Block] = []
    for block in out:
        head = _lone_text(text, joined[-1]) if joined and joined[-1].shape in _ROW_SHAPES else None
        lead = _leading_text(block) if head is not None and block.shape in _ROW_SHAPES else None
        if lead is not None:
            first, last = block.toks[lead[0]], block.toks[lead[1] - 1]
            label = text[head.start:last.end]
            spec = match_row(label, specs)
            own = match_row(text[first.start:last.end], specs)
            if spec is not None and match_row(head.text, specs) in (None, spec) and own in (None, spec) \
                    and not _ROW_NUMBERING.match(text[first.start:last.end].strip(BLANKS)):
                toks = block.toks[:lead[0]] + [Tok(label, head.start, last.end, spec=spec)] + block.toks[lead[1]:]
                joined[-1] = Block(toks, stream=block.stream, shape=block.shape)
                continue
        joined.append(block)
    return joined


def _lone_text(text: str, block: Block) -> Tok | None:
    """A printed line of nothing but short text (one cell, or a flattened line's words), as one token."""
    filled = [t for t in block.toks if t.kind != "empty"]
    if not filled or any(t.kind != "text" for t in filled) or (len(filled) > 1 and block.shape != "text_rows"):
        return None
    tok = Tok(text[filled[0].start:filled[-1].end], filled[0].start, filled[-1].end)
    return tok if "\n" not in tok.text and _cell_line(tok.text.strip(BLANKS)) else None


def _leading_text(block: Block) -> tuple[int, int] | None:
    """(first, end) indexes of the text that opens a row with values: its first filled cell, or
    a flattened line's words before its first value; None for a row with no value after it."""
    filled = [i for i, t in enumerate(block.toks) if t.kind != "empty"]
    if len(filled) < 2 or block.toks[filled[0]].kind != "text":
        return None
    end = filled[0] + 1
    if block.shape == "text_rows":
        while end < len(block.toks) and block.toks[end].kind == "text":
            end += 1
    return (filled[0], end) if any(t.kind != "text" for t in block.toks[end:]) else None


def _in_row(pipes: list[Tok], specs: tuple[RowSpec, ...] = ()) -> bool:
    """Whether a stream of "cell |" lines is inside a table row: a value follows its last
    text, or its last text is a row's label (the row's first cells printed empty)."""
    for tok in reversed(pipes):
        if tok.cell.kind == "text":
            return bool(specs) and match_row(tok.text, specs) is not None
        if tok.cell.kind != "empty":
            return True
    return False


def _labelled_last(pipes: list[Tok], specs: tuple[RowSpec, ...]) -> bool:
    """Whether the last of a stream of "cell |" lines is a row's label."""
    return bool(specs) and pipes[-1].cell.kind == "text" and match_row(pipes[-1].text, specs) is not None


def _line_of_values(line: str, at: int) -> list[Tok]:
    """The cells of a pipe-separated line of nothing but values (numbers, not-applicable marks;
    blanks dropped), two at least; [] for any other line."""
    cells = [t for t in _split(line, at, "|", edges=True) if t.text.strip(BLANKS)]
    return cells if len(cells) >= 2 and all(_lone_value(t.text.strip(BLANKS)) for t in cells) else []


def _empty_cells(line: str, at: int, after: int = 0) -> list[Tok]:
    """One empty cell for each "|" of the line from `after` on (at the pipe's offset)."""
    return [Tok("", at + i, at + i) for i, ch in enumerate(line) if ch == "|" and i >= after]


def one_cell_per_line(text: str, start: int, end: int) -> bool:
    """Whether the region prints its cells one to a line without tabs: of the plain lines
    (no tab, no pipe) that carry a value, at least two and most carry a lone value.  A region
    printed with no value at all (a page that dropped every blank cell, so only the labels
    and headings are left, one to a line) reads so too when it has at least `_BARE_LINES`
    short cell lines and no line of values (a tab or pipe row of values is one: the short
    lines are then labels broken off their rows)."""
    lone = other = cell_lines = 0
    valued = False
    for line, _ in _lines(text, start, end):
        stripped = line.strip(BLANKS)
        if "\t" in line or "|" in stripped:  # a row of cells: values on it are no bare region's
            valued = valued or any(ch.isdigit() for ch in stripped)
            continue
        if not stripped or PAGE_NUMBER.match(line):
            continue
        if _lone_value(stripped):
            lone += 1
        elif any(ch.isdigit() for ch in stripped):
            other += 1
        if _cell_line(stripped):
            cell_lines += 1
        else:
            valued = valued or any(ch.isdigit() for ch in stripped)
    return (lone >= 2 and lone > other) or (lone == 0 and not valued and cell_lines >= _BARE_LINES)


def _lone_value(stripped: str) -> bool:
    """A line that is one value cell: a number (with its sign or unit) or a not-applicable mark."""
    return not _INNER_BLANK.search(stripped) and classify(stripped)[0] in ("number", "na")


def _cell_line(stripped: str) -> bool:
    """A line that can be one cell: a lone value, or short text that is no sentence and
    carries no values (``规章 0 0 0`` and ``行政许可214`` are rows, not cells)."""
    if _lone_value(stripped):
        return True
    label = _NOTE.sub("", stripped)  # a label's note in brackets (规范性文件（…）) is no prose of the page
    return 0 < len(label) <= _MAX_CELL_LINE and not _PROSE.search(label) and not _TRAILING_VALUE.search(stripped)


def _join_broken_label(text: str, cells: list[Tok], specs: tuple[RowSpec, ...]) -> None:
    """Before a value: join the last text lines into one label when together they name a
    row and the last line alone does not (a label broken over lines)."""
    if not specs:
        return
    texts = 0
    while texts < len(cells) and cells[-1 - texts].cell.kind == "text":
        texts += 1
    if not texts or match_row(cells[-1].text, specs):
        return
    for m in range(2, min(texts, _MAX_LABEL_LINES) + 1):
        first, last = cells[-m], cells[-1]
        joined = text[first.start:last.end]
        if match_row(joined, specs):
            del cells[-m:]
            cells.append(Tok(joined, first.start, last.end))
            return


def table_shape(toks: Iterable[Tok], empty_rows: Iterable[str] = ()) -> str | None:
    """The shape most of a table's value tokens were printed in; when it read none, the shape
    of its rows printed empty (`empty_rows`); None when it read neither."""
    counts = Counter(t.shape for t in toks if t.shape and t.kind != "text") or Counter(s for s in empty_rows if s)
    return counts.most_common(1)[0][0] if counts else None


def _lines(text: str, start: int, end: int) -> Iterator[tuple[str, int]]:
    at = start
    for line in text[start:end].split("\n"):
        yield line, at
        at += len(line) + 1


def _split(line: str, at: int, sep: str, edges: bool = False) -> list[Tok]:
    parts, toks, pos = line.split(sep), [], at
    for part in parts:
        toks.append(Tok(part, pos, pos + len(part)))
        pos += len(part) + 1
    if edges:  # markdown "| a | b |": nothing lies outside the outer pipes; "a |  | c" keeps its blanks
        if toks and line.endswith("|") and not toks[-1].text:
            toks = toks[:-1]
        if toks and line.startswith("|") and not toks[0].text:
            toks = toks[1:]
    return toks


def _label(tok: Tok, specs: tuple[RowSpec, ...]) -> Tok:
    if specs and tok.cell.kind == "text":
        tok.spec = match_row(tok.text, specs)
    return tok


def _flat(line: str, at: int, specs: tuple[RowSpec, ...]) -> Iterator[Tok]:
    """Labels, runs of values and prose of a flattened line, in reading order."""
    labels = _find_labels(line, specs)
    pos = 0
    for a, b, spec in labels + [(len(line), len(line), None)]:
        yield from _span(line, at, pos, a)
        if spec is not None:
            yield Tok(line[a:b], at + a, at + b, spec=spec)
        pos = b


def _span(line: str, at: int, a: int, b: int) -> Iterator[Tok]:
    """The text between two labels: prose and runs of values."""
    pos = a
    for m in RUN.finditer(line, a, b):
        run = m.group().rstrip(BLANKS)
        after = line[m.start() + len(run):m.start() + len(run) + 2]
        if _NUMBERING_AFTER.match(after):
            run = re.sub(r"[1-9]$", "", run).rstrip(BLANKS)  # "…0003.其他": the 3 numbers the next row
        if not run.strip(".") or run.endswith("."):
            continue
        if line[pos:m.start()].strip(BLANKS):
            yield Tok(line[pos:m.start()], at + pos, at + m.start())
        yield Tok(run, at + m.start(), at + m.start() + len(run), run=True)
        pos = m.start() + len(run)
    if line[pos:b].strip(BLANKS):
        yield Tok(line[pos:b], at + pos, at + b)


def _find_labels(line: str, specs: tuple[RowSpec, ...]) -> list[tuple[int, int, RowSpec]]:
    """Non-overlapping label matches, earliest first, the longer one where two overlap; none
    inside a label's bracketed note (``其他对外管理服务事项（指行政许可以外的…）`` names no 行政许可)."""
    notes = [m.span() for m in _NOTE.finditer(line)]
    found = [(m.start(), m.end(), spec) for spec in specs for m in spec.cue.finditer(line)
             if not any(a < m.start() < b for a, b in notes)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, RowSpec]] = []
    for a, b, spec in found:
        if out and a < out[-1][1]:
            continue
        note = _NOTE.match(line, b)
        b = note.end() if note else b  # the label's note goes with it, and a colon after it ("规章：0 0 0")
        colon = _LABEL_COLON.match(line, b)
        out.append((a, colon.end() if colon else b, spec))
    return out
