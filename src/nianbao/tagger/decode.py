"""Model output for one window → facts (no torch here: decoding is tested without a model).

Builds on the shared tag decoder `nianbao.facts.decode` (lenient BIO, value
normalisation, the joint zero-claim rule) and adds what is particular to the windowed
model:

* only spans that **start in the window's core** are kept, so a mention seen by two
  overlapping windows is reported once (see `nianbao.tagger.data.merge_windows`);
* a span the model cut a little wrong (``98件，`` or ``收到98``) is **trimmed** to its
  longest sub-span that parses as a quantity; a span with no quantity is dropped.

Multi-label zero claims are a **rule**, not a second head: the tagger gives the cue
``未`` one label, and `nianbao.facts.decode.joint_zero_claims` adds the partner when the
cue governs both 复议 and 诉讼 (``未发生行政复议和行政诉讼`` → REVIEW_CASES 0 and
LITIGATION_CASES 0).
"""
from __future__ import annotations

from collections.abc import Sequence

from nianbao.facts.decode import fact_from_span, joint_zero_claims, spans_from_tags
from nianbao.facts.normalise import parse_quantity
from nianbao.report import Fact
from nianbao.tagger.data import Window


def trimmed_fact(text: str, start: int, end: int, label: str, score: float, extractor: str = "model") -> Fact | None:
    """`fact_from_span`, else the longest sub-span of ``text[start:end]`` that parses; else None."""
    fact = fact_from_span(text, start, end, label, score, extractor)
    if fact is not None:
        return fact
    piece = text[start:end]
    for length in range(len(piece) - 1, 0, -1):
        for i in range(len(piece) - length + 1):
            sub = piece[i:i + length]
            if sub != sub.strip():
                continue
            try:
                parse_quantity(sub)
            except ValueError:
                continue
            return fact_from_span(text, start + i, start + i + length, label, score, extractor)
    return None


def window_facts(text: str, window: Window, tags: Sequence[str], scores: Sequence[float],
                 extractor: str = "model") -> list[Fact]:
    """Facts whose span starts in the window's core; `tags`/`scores` cover ``text[window.start:window.end]``."""
    facts = []
    for s, e, label in spans_from_tags(list(tags)):
        start, end = window.start + s, window.start + e
        if not window.core_start <= start < window.core_end:
            continue
        fact = trimmed_fact(text, start, end, label, sum(scores[s:e]) / (e - s), extractor)
        if fact is not None:
            facts.append(fact)
    return facts


def document_facts(text: str, facts: list[Fact]) -> list[Fact]:
    """A document's facts from all its windows, in text order, with joint zero claims added."""
    unique = {(f.start, f.end, f.label): f for f in facts}
    return joint_zero_claims(text, sorted(unique.values(), key=lambda f: (f.start, f.end, f.label)))
