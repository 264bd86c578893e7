"""Gold documents → windows of character tokens with BIO labels (no torch here).

The model reads only **windows around candidate mentions** (numbers, Chinese numerals,
zero-claim cues), never whole reports: most of a report is prose without a count.  A
window is the mention plus `left` characters before it and `right` after it; windows
that overlap merge while they stay within `max_len` characters.  Each window owns a
**core** (first to last mention it was built for): a span is decoded from the window
whose core contains its start, so overlapping windows never report a mention twice.
Windows never reach into excluded regions (the three tables).

With ``heading`` set, the model also reads the title of the numbered heading the window
sits under (``（五）强化培训宣传…``, cut to ``heading`` characters, then a line break) in
front of the window: a window's dozen characters rarely say whether 申请…许可证783条 sits
under 主动公开 or 依申请公开.  Those characters are context only: labelled `IGNORE`, prior
``O``, never decoded.

Labels: token ``i`` of a window is character ``window.start + i`` (see `chars`).  A gold
span wholly inside a window becomes ``B-X I-X …``; a gold span cut by the window edge is
marked `IGNORE` on its visible part, never ``O``.  A span carrying two labels (one zero
cue for 行政复议 and 行政诉讼) trains on the first label in catalogue order; the decoder's
zero-claim rule restores the second (see `decode.expand_zero_claims`).
"""
from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

IGNORE = -100
QUALIFIER_ROOM = 2  # 超过, 突破: the longest qualifier written before a number


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Doc:
    """A text with its gold spans: the training `Example` (gold travels with the text)."""

    doc_id: str
    text: str
    spans: tuple[GoldSpan, ...] = ()
    exclusions: tuple[tuple[int, int], ...] = ()  # table regions: never windowed
    source: str = "gold"  # "gold" (real, hand-annotated) | "synth"


@dataclass(frozen=True)
class Window:
    doc: int  # index of the document in the list the windows were built from
    start: int
    end: int
    core_start: int
    core_end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class WindowConfig:
    left: int = 24  # characters of context before a mention
    right: int = 8  # after a quantity mention
    zero_right: int = 24  # after a zero-claim cue (未收到…申请: what it denies follows it)
    max_len: int = 64  # characters per window, CLS/SEP not counted
    heading: int = 0  # characters of the nearest sub-heading's title read before the window (0: none)


@dataclass
class TagScheme:
    labels: list[str]
    names: list[str] = field(init=False)
    index: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        self.names = ["O"] + [f"{p}-{label}" for label in self.labels for p in ("B", "I")]
        self.index = {n: i for i, n in enumerate(self.names)}

    def __len__(self) -> int:
        return len(self.names)


def encode_batch(vocab, texts: Sequence[str], labels: Sequence[Sequence[int]] | None = None,
                 priors: Sequence[Sequence[int]] | None = None):
    """Dynamic padding: CLS + characters + SEP, padded to the longest row of this batch.

    Returns int64 numpy arrays ``(ids, mask, tags, prior)`` (`vocab` is a `chars.CharVocab`);
    `tags` is None without `labels`, `prior` (tag ids, ``O`` on CLS/SEP/padding) None without `priors`."""
    import numpy as np

    width = max(len(t) for t in texts) + 2
    ids = np.full((len(texts), width), vocab.pad_id, dtype=np.int64)
    mask = np.zeros((len(texts), width), dtype=np.int64)
    tags = np.full((len(texts), width), IGNORE, dtype=np.int64) if labels is not None else None
    prior = np.zeros((len(texts), width), dtype=np.int64) if priors is not None else None
    for row, text in enumerate(texts):
        n = len(text)
        ids[row, : n + 2] = [vocab.cls_id, *vocab.encode(text), vocab.sep_id]
        mask[row, : n + 2] = 1
        if tags is not None:
            tags[row, 1 : n + 1] = labels[row]
        if prior is not None and n:
            prior[row, 1 : n + 1] = priors[row]
    return ids, mask, tags, prior


def merge_windows(text_len: int, mentions: Iterable[tuple[int, int] | tuple[int, int, bool]], exclusions: Sequence[tuple[int, int]] = (),
                  config: WindowConfig = WindowConfig(), doc: int = 0) -> list[Window]:
    """Windows around `mentions` (character spans), merged and clipped as the module says.

    A mention is ``(start, end)`` or ``(start, end, is_zero_cue)``; a zero cue gets
    `zero_right` characters after it instead of `right`.  Cores tile the windows of one text region: two neighbouring windows split ownership
    `QUALIFIER_ROOM` characters before the later window's first mention, so a qualifier
    written before a number (近, 超过) stays with the number's window.
    """
    regions = _free_regions(text_len, exclusions)
    region_starts = [r[0] for r in regions]  # sorted, and the regions do not overlap
    groups: list[list[int]] = []  # [start, end, first mention start, last mention end, region start]
    for mention in sorted(set(mentions)):
        s, e = mention[0], mention[1]
        at = bisect.bisect_right(region_starts, s) - 1  # the one region that can hold the mention
        if at < 0 or e > regions[at][1]:
            continue
        region = regions[at]
        right = config.zero_right if len(mention) > 2 and mention[2] else config.right
        ws, we = max(region[0], s - config.left), min(region[1], e + right)
        if we - ws > config.max_len:
            ws = max(ws, we - config.max_len)
            if ws > s:
                ws, we = s, s + config.max_len
        cur = groups[-1] if groups else None
        if cur and cur[4] == region[0] and ws < cur[1] and max(we, cur[1]) - cur[0] <= config.max_len:
            cur[1], cur[3] = max(cur[1], we), max(cur[3], e)
        else:
            groups.append([ws, we, s, e, region[0]])
    windows: list[Window] = []
    for i, (ws, we, first, last, region_start) in enumerate(groups):
        core_start = ws
        if i and groups[i - 1][4] == region_start and groups[i - 1][1] > ws:
            core_start = min(max(ws, first - QUALIFIER_ROOM, groups[i - 1][3]), first)
        core_end = we
        if i + 1 < len(groups) and groups[i + 1][4] == region_start and groups[i + 1][0] < we:
            nxt = groups[i + 1]
            core_end = min(max(nxt[0], nxt[2] - QUALIFIER_ROOM, last), nxt[2])
        windows.append(Window(doc, ws, we, core_start, max(core_end, core_start)))
    return windows


def tile_windows(text_len: int, exclusions: Sequence[tuple[int, int]] = (), config: WindowConfig = WindowConfig(),
                 doc: int = 0) -> list[Window]:
    """Whole-narrative mode: windows covering every free region, cores tiling it exactly."""
    step = max(1, config.max_len - config.left - config.right)
    windows = []
    for a, b in _free_regions(text_len, exclusions):
        for core_start in range(a, b, step):
            core_end = min(b, core_start + step)
            windows.append(Window(doc, max(a, core_start - config.left), min(b, core_end + config.right),
                                  core_start, core_end))
    return windows


def _free_regions(text_len: int, exclusions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    regions, pos = [], 0
    for s, e in sorted(exclusions):
        if s > pos:
            regions.append((pos, s))
        pos = max(pos, e)
    if pos < text_len:
        regions.append((pos, text_len))
    return regions


HEADING_BREAK = "\n"


def heading_finder(text: str, exclusions: Sequence[tuple[int, int]], config: WindowConfig):
    """A function from a `Window` of `text` to the context read before it: the title of the
    last sub-heading that starts before the window (`nianbao.sections.find_subheadings`), cut
    to ``config.heading`` characters, and `HEADING_BREAK`; ``""`` with none or ``heading`` 0."""
    if not config.heading:
        return lambda window: ""
    from nianbao.sections import find_subheadings

    headings = find_subheadings(text, exclusions)
    starts = [h.start for h in headings]

    def before(window: Window) -> str:
        i = bisect.bisect_left(starts, window.start) - 1
        return headings[i].title[:config.heading] + HEADING_BREAK if i >= 0 else ""

    return before


def window_labels(doc: Doc, window: Window, scheme: TagScheme) -> list[int]:
    """BIO tag ids for the characters of `window` (IGNORE where a gold span is cut)."""
    order = {label: i for i, label in enumerate(scheme.labels)}
    tags = [scheme.index["O"]] * len(window)
    owner: dict[tuple[int, int], str] = {}
    for span in doc.spans:  # one label per span position: the first in catalogue order
        key = (span.start, span.end)
        if span.label in order and (key not in owner or order[span.label] < order[owner[key]]):
            owner[key] = span.label
    taken = [False] * len(window)
    for (s, e), label in sorted(owner.items()):
        lo, hi = max(s, window.start), min(e, window.end)
        if lo >= hi:
            continue
        idx = range(lo - window.start, hi - window.start)
        clash = any(taken[i] for i in idx)
        inside = s >= window.start and e <= window.end
        for i in idx:
            if clash or not inside:
                tags[i] = IGNORE
            else:
                tags[i] = scheme.index[("B-" if i + window.start == s else "I-") + label]
            taken[i] = True
    return tags


def gold_coverage(docs: Sequence[Doc], windows: Sequence[Window]) -> tuple[int, int]:
    """(gold spans wholly inside some window's text with their start in its core, all gold spans)."""
    by_doc: dict[int, list[Window]] = {}
    for w in windows:
        by_doc.setdefault(w.doc, []).append(w)
    covered = total = 0
    for i, doc in enumerate(docs):
        for span in {(s.start, s.end) for s in doc.spans}:
            total += 1
            covered += any(w.start <= span[0] and span[1] <= w.end and w.core_start <= span[0] < w.core_end
                           for w in by_doc.get(i, ()))
    return covered, total


def data_hash(docs: Iterable[Doc]) -> str:
    """sha256 over the texts and gold spans, order-independent (recorded in the model card)."""
    parts = sorted(
        hashlib.sha256(json.dumps([d.text, sorted((s.start, s.end, s.label) for s in d.spans),
                                   sorted(d.exclusions)], ensure_ascii=False).encode()).hexdigest()
        for d in docs)
    return hashlib.sha256("".join(parts).encode()).hexdigest()
