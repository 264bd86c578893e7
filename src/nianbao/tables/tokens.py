"""Turn a table's region of the report text into blocks of cell tokens, whatever the print style.

Every printed style comes down to cells in reading order:

* one cell per line, led by a tab (Word/HTML copied as text); a blank line ends a table
  row and a line without the tab continues the cell above (``本年新\\n制作数量``);
* tab-separated rows (the ingest convention for HTML/DOCX/PDF tables, and TSV text);
* pipe rows, markdown (``| 规章 | 0 | 0 | 0 |``) or plain (``规章 | 0 |  | 3``, blanks kept),
  and one-cell lines ending in `` |`` that run on with no row boundaries;
* PDF text lines: a line of nothing but values is a row (its label may be printed on
  another line), and page numbers (``- 3 -``) are skipped;
* flattened web text where labels and values run together (``规范性文件898989``): the
  labels are found with the row cues, and the run of digits after each label is one
  token marked ``run`` for `digits.splits` to cut.

A `Block` is a physical table row (``stream=False``), or a stream of cells with no row
boundaries (one-cell-per-pipe lines, a flattened line) that the reader splits at labels.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from nianbao.tables.cells import BLANKS, make_cell
from nianbao.tables.ids import RowSpec, match_row
from nianbao.report import Cell

_CELL_LINE = re.compile(r"^[ \u3000\xa0]*\t")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$")
_NUMBERING_AFTER = re.compile(r"[.．、][^\d]")  # "2.重复申请": the digit before numbers a row
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# a run of printed values in flattened text: digits with signs, decimals, blanks, a unit
RUN = re.compile(r"(?:[+\-]?\d|[—/／](?=[\d\s—/／-]))[\d\s\u3000\xa0.+\-—/／]*(?:亿元|万元|元|个|件|条)?")


@dataclass
class Tok:
    text: str  # as printed, blanks included
    start: int  # offsets into the report text
    end: int
    run: bool = False  # glued digits that `digits.splits` must cut
    spec: RowSpec | None = None  # the row this token labels, if it is a label

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


def blocks(text: str, start: int, end: int, specs: tuple[RowSpec, ...]) -> list[Block]:
    """The region text[start:end] as blocks of tokens; label tokens carry their `RowSpec`."""
    out: list[Block] = []
    group: list[Tok] = []  # cell lines of the current one-cell-per-line row
    pipes: list[Tok] = []  # consecutive "cell |" lines

    def flush() -> None:
        if group:
            out.append(Block([_label(t, specs) for t in group], stream=False))
            group.clear()
        if pipes:
            out.append(Block([_label(t, specs) for t in pipes], stream=True))
            pipes.clear()

    for line, at in _lines(text, start, end):
        stripped = line.strip(BLANKS)
        if _CELL_LINE.match(line) and "\t" not in line.lstrip(" \u3000\xa0")[1:]:
            if pipes:
                flush()
            tab = line.index("\t")
            group.append(Tok(line[tab + 1:], at + tab + 1, at + len(line)))
        elif group and stripped and "|" not in stripped and "\t" not in line:
            last = group[-1]  # a continuation of the cell above
            group[-1] = Tok(text[last.start:at + len(line)], last.start, at + len(line))
        elif not stripped:
            flush()
        elif "|" in stripped:
            if set(stripped) <= set("|" + BLANKS) or _MD_RULE.match(line):
                flush()  # a rule or an empty pipe row breaks the stream of cells
            elif stripped.count("|") == 1 and line.rstrip("\r").endswith("|"):
                if group:
                    flush()
                bar = line.rindex("|")
                pipes.append(Tok(line[:bar], at, at + bar))  # seed-004 style "cell |"
            else:
                flush()
                out.append(Block([_label(t, specs) for t in _split(line, at, "|", edges=True)], stream=False))
        elif "\t" in line:
            flush()
            out.append(Block([_label(t, specs) for t in _split(line, at, "\t")], stream=False))
        elif _PAGE_NUMBER.match(line):
            continue  # "- 3 -" printed at the foot of a PDF page, inside the table
        else:
            flush()
            toks = list(_flat(line, at, specs))
            # a line of nothing but values (PDF text of a row whose label sits elsewhere) is a row
            out.append(Block(toks, stream=not all(t.run for t in toks)))
    flush()
    return out


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
    """Non-overlapping label matches, earliest first, the longer one where two overlap."""
    found = [(m.start(), m.end(), spec) for spec in specs for m in spec.cue.finditer(line)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, RowSpec]] = []
    for a, b, spec in found:
        if out and a < out[-1][1]:
            continue
        out.append((a, b, spec))
    return out
