"""A report's narrative cut into reviewable chunks, and spans mapped between chunk and
document offsets.

A chunk is a half-open region ``[start, end)`` of ``Report.text`` with ``text ==
report.text[start:end]``: whole paragraphs merged up to ``max_chars``, a longer
paragraph cut after sentence ends (。！？；), a sentence longer still cut after a comma,
and only as a last resort at ``max_chars``. No chunk touches a table: the regions the
table parser found (``Table.start``/``end``) and every line holding a tab (the
tab-separated table-row convention of ``ingest/normalise.py``) are left out.
Offsets are code points, so a character outside the basic plane (𠀀) counts as one.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from nianbao.report import Fact, Report

MAX_CHARS = 300
_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*")
_CLAUSE_END = re.compile(r"[，、,：:]")


@dataclass(frozen=True)
class Chunk:
    index: int
    start: int
    end: int
    text: str

    def to_document(self, start: int, end: int) -> tuple[int, int]:
        """Chunk offsets -> document offsets."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}-{end} lies outside chunk {self.index} (length {len(self.text)})")
        return self.start + start, self.start + end

    def to_chunk(self, start: int, end: int) -> tuple[int, int]:
        """Document offsets -> chunk offsets; the span must lie inside the chunk."""
        if not self.contains(start, end):
            raise ValueError(f"span {start}-{end} lies outside chunk {self.index} ({self.start}-{self.end})")
        return start - self.start, end - self.start

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start <= end <= self.end


def table_regions(report: Report) -> list[tuple[int, int]]:
    """Where the tables are: the parser's table regions and every tab-separated line."""
    regions = [(t.start, t.end) for t in report.tables.values() if t.start is not None and t.end is not None]
    regions += tab_lines(report.text)
    return sorted(regions)


def tab_lines(text: str) -> list[tuple[int, int]]:
    """Blocks of tab-separated table rows. Short lines between two tab lines (a cell
    that wrapped onto its own line: ``本年新``, ``0``) belong to the block; a sentence
    (with 。) or a long line ends it."""
    blocks: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]*\t[^\n]*", text):
        if blocks and _only_cell_lines(text[blocks[-1][1]:m.start()]):
            blocks[-1] = (blocks[-1][0], m.end())
        else:
            blocks.append((m.start(), m.end()))
    return blocks


def _only_cell_lines(gap: str) -> bool:
    return all(len(line.strip()) <= 24 and "。" not in line for line in gap.split("\n"))


def narrative_chunks(report: Report, max_chars: int = MAX_CHARS) -> list[Chunk]:
    return chunk_text(report.text, table_regions(report), max_chars)


def chunk_text(text: str, exclude: Iterable[tuple[int, int]] = (), max_chars: int = MAX_CHARS) -> list[Chunk]:
    """Cut ``text`` outside the ``exclude`` regions into chunks of at most ``max_chars``."""
    pieces: list[tuple[int, int, bool]] = []  # (start, end, follows a gap)
    for start, end, after_gap in _paragraphs(text, exclude):
        for i, (s, e) in enumerate(_split_long(text, start, end, max_chars)):
            pieces.append((s, e, after_gap and i == 0))
    chunks: list[Chunk] = []
    current: tuple[int, int] | None = None
    for s, e, after_gap in pieces:
        if current is not None and not after_gap and e - current[0] <= max_chars:
            current = (current[0], e)
            continue
        if current is not None:
            chunks.append(Chunk(len(chunks), current[0], current[1], text[current[0]:current[1]]))
        current = (s, e)
    if current is not None:
        chunks.append(Chunk(len(chunks), current[0], current[1], text[current[0]:current[1]]))
    return chunks


def _paragraphs(text: str, exclude: Iterable[tuple[int, int]]):
    """Non-blank lines outside ``exclude``, stripped; ``after_gap`` when an excluded
    region lies between this paragraph and the previous one (chunks never bridge it)."""
    regions = sorted((max(0, s), min(len(text), e)) for s, e in exclude if e > s)
    allowed: list[tuple[int, int]] = []
    pos = 0
    for s, e in regions:
        if s > pos:
            allowed.append((pos, s))
        pos = max(pos, e)
    if pos < len(text):
        allowed.append((pos, len(text)))
    for n, (a_start, a_end) in enumerate(allowed):
        first = True
        for m in re.finditer(r"[^\n]+", text[a_start:a_end]):
            s, e = _strip(text, a_start + m.start(), a_start + m.end())
            if s < e:
                yield s, e, first and n > 0
                first = False


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """A region cut into pieces of at most ``max_chars`` at the best boundaries."""
    if end - start <= max_chars:
        return [(start, end)]
    out = []
    pos = start
    while end - pos > max_chars:
        window = text[pos:pos + max_chars]
        cut = _last_boundary(_SENTENCE_END, window) or _last_boundary(_CLAUSE_END, window) or _hard_cut(text, pos, max_chars)
        s, e = _strip(text, pos, pos + cut)
        if s < e:
            out.append((s, e))
        pos = pos + cut
    s, e = _strip(text, pos, end)
    if s < e:
        out.append((s, e))
    return out


def _last_boundary(pattern: re.Pattern, window: str) -> int:
    ends = [m.end() for m in pattern.finditer(window)]
    return ends[-1] if ends else 0


def _hard_cut(text: str, pos: int, max_chars: int) -> int:
    """Cut as late as possible but not between two digits (a number stays whole)."""
    cut = pos + max_chars
    while cut > pos + 1 and text[cut - 1].isdigit() and text[cut].isdigit():
        cut -= 1
    return cut - pos


def facts_by_chunk(chunks: list[Chunk], facts: Iterable[Fact]) -> tuple[dict[int, list[Fact]], list[Fact]]:
    """Facts grouped by the chunk that holds them, and those no chunk holds (in a table,
    or across a chunk boundary)."""
    grouped: dict[int, list[Fact]] = {c.index: [] for c in chunks}
    outside: list[Fact] = []
    for fact in facts:
        chunk = next((c for c in chunks if c.contains(fact.start, fact.end)), None)
        if chunk is None:
            outside.append(fact)
        else:
            grouped[chunk.index].append(fact)
    return grouped, outside
