"""Model output for one window → facts (no torch here: decoding is tested without a model).

Builds on the shared tag decoder `nianbao.facts.decode` (lenient BIO, value
normalisation, the joint facts of one span) and adds what is particular to the windowed
model:

* only spans that **start in the window's core** are kept, so a mention seen by two
  overlapping windows is reported once (see `nianbao.tagger.data.merge_windows`);
* a span the model cut a little wrong (``98件，`` or ``收到98``) is **trimmed** to its
  longest sub-span that parses as a quantity; a span with no quantity is dropped.

* **candidate decoding** (the default): each candidate mention in the core gets the
  label whose B+I probability, averaged over the mention's characters, beats ``O`` and
  every other label; the fact takes the candidate's boundaries.  Per-character BIO
  reading splits a number when two of its digits disagree (``197条`` → ``1`` + ``97条``);
  pooling over the mention cannot.  `window_facts` (plain BIO) remains for text without
  candidates.

A count the model tags in an average's or a maximum's clause (平均阅读量800次, 最高日阅读量5万次)
or a rate's (每周报送3篇) is dropped when the document's facts are put together
(`nianbao.facts.decode.joint_facts`, shared with the CRF): FACTS.md §5 counts only the year's
totals, and the rules' check (`nianbao.facts.rules.no_total_of_the_year`) decides it.

Multi-label zero claims are a **rule**, not a second head: the tagger gives the cue
``未`` one label, and `nianbao.facts.decode.joint_facts` adds the partner when the
cue governs both 复议 and 诉讼 (``未发生行政复议和行政诉讼`` → REVIEW_CASES 0 and
LITIGATION_CASES 0); it likewise gives a count of applications received and handled at once
(``收到并办理申请6件``) both APP_RECEIVED and APP_PROCESSED.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from nianbao.facts.decode import fact_from_span, joint_facts, spans_from_tags
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


def candidate_facts(text: str, window: Window, mentions: Sequence[tuple[int, int]], probs, tag_names: Sequence[str],
                    extractor: str = "model") -> list[Fact]:
    """One fact per candidate mention whose pooled label is not O.

    `probs` is a (characters × tags) array of tag probabilities for
    ``text[window.start:window.end]``; `mentions` are (start, end) candidates; only those
    starting in the window's core are read.
    """
    import numpy as np

    probs = np.asarray(probs, dtype=np.float64)
    labels, to_labels, o_col = _label_pooling(tuple(tag_names))
    facts = []
    for s, e in mentions:
        if not window.core_start <= s < window.core_end or s < window.start or e > window.end:
            continue
        rows = probs[s - window.start:e - window.start]
        mean = rows.mean(axis=0)
        scores = mean @ to_labels  # per label: B + I probability, averaged over the mention
        best = int(scores.argmax())
        if scores[best] <= mean[o_col]:
            continue
        fact = trimmed_fact(text, s, e, labels[best], float(scores[best]), extractor)
        if fact is not None:
            facts.append(fact)
    return facts


@lru_cache(maxsize=4)
def _label_pooling(tag_names: tuple[str, ...]):
    """(labels sorted, tags × labels 0/1 matrix summing B and I columns, index of O)."""
    import numpy as np

    labels = sorted({n[2:] for n in tag_names if n != "O"})
    index = {label: i for i, label in enumerate(labels)}
    to_labels = np.zeros((len(tag_names), len(labels)))
    for t, name in enumerate(tag_names):
        if name != "O":
            to_labels[t, index[name[2:]]] = 1.0
    return labels, to_labels, tag_names.index("O")


def document_facts(text: str, facts: list[Fact]) -> list[Fact]:
    """A document's facts from all its windows, in text order, as `joint_facts` puts them together."""
    unique = {(f.start, f.end, f.label): f for f in facts}
    return joint_facts(text, sorted(unique.values(), key=lambda f: (f.start, f.end, f.label)))
