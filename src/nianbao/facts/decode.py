"""Character tags → facts. Shared by every tagger (the model, the CRF) so decoding,
offsets and value normalisation are tested without loading torch.

Tags are BIO over consecutive characters (`B-APP_RECEIVED`, `I-APP_RECEIVED`, `O`). An
`I-` that does not continue a span of its label starts one (the lenient reading). A span's
score is the mean of its characters' scores.
"""
from __future__ import annotations

import re

from nianbao.facts.normalise import parse_quantity
from nianbao.report import Fact


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) half-open index spans from BIO tags."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        kind, _, name = tag.partition("-")
        continues = kind == "I" and name == label
        if start is not None and not continues:
            spans.append((start, i, label))
            start, label = None, None
        if kind in ("B", "I") and not continues:
            start, label = i, name
    return spans


def _review_and_litigation(gap: int) -> str:
    """复议 and 诉讼 (either order) named together: 复议、行政诉讼, 行政复议申请和行政诉讼."""
    joined = r"[^，,。；;\n]{0,4}?(?:和|及|、|或|与|以及)[^，,。；;\n]{0,%d}?" % gap
    return f"(?:复议{joined}诉讼|诉讼{joined}复议)"


_JOINT_PAIR = {"REVIEW_CASES": "LITIGATION_CASES", "LITIGATION_CASES": "REVIEW_CASES"}
# 产生行政复议及行政诉讼0件: a zero count after both, named together, counts both
_JOINT_BEFORE = re.compile(_review_and_litigation(6) + r"[^，,。；;\n]{0,8}$")
_RECEIVED_AND_PROCESSED = {"APP_RECEIVED": "APP_PROCESSED", "APP_PROCESSED": "APP_RECEIVED"}
# 收到并办理申请6件: one count of the applications received and of those handled (annotation guide)
_RECEIVED_AND_PROCESSED_BEFORE = re.compile(r"(?:收到|受理|接收)(?:并|及)办理[^，,。；;！!？?\n]{0,24}$")


def joint_facts(text: str, facts: list[Fact]) -> list[Fact]:
    """Add the partner facts of a zero claim whose cue governs both 复议 and 诉讼, or several labels
    its clause names together (`nianbao.facts.rules.zero_claim_labels`: 未制定规章、行政规范性文件),
    of a zero count after 复议 and 诉讼 named together (行政复议及行政诉讼0件), and of a count of
    applications received and handled at once (收到并办理申请6件); drop a zero claim
    that denies an incident, not a count, or only things no label counts (each zero cue's clause is
    read once, `nianbao.facts.rules.zero_claim_reading`)."""
    from nianbao.facts.rules import zero_claim_reading

    readings = {id(f): zero_claim_reading(text, f.end) for f in facts if f.qualifier == "zero_claim"}
    # 确保无泄密事件发生; 未制定规章制度
    facts = [f for f in facts if f.qualifier != "zero_claim" or readings[id(f)] is not None]
    out = list(facts)
    have = {(f.start, f.end, f.label) for f in facts}
    for f in facts:  # a tagger gives one label per character: the other facts of one cue are added here
        if f.qualifier == "zero_claim":
            together = readings[id(f)]
            partners = [label for label in together if f.label in together and label != f.label]
        elif f.value == 0 and f.label in _JOINT_PAIR and _JOINT_BEFORE.search(text, max(0, f.start - 40), f.start):
            partners = [_JOINT_PAIR[f.label]]
        elif f.label in _RECEIVED_AND_PROCESSED and \
                _RECEIVED_AND_PROCESSED_BEFORE.search(text, max(0, f.start - 40), f.start):
            partners = [_RECEIVED_AND_PROCESSED[f.label]]
        else:
            partners = []
        for partner in partners:
            if (f.start, f.end, partner) not in have:
                out.append(Fact(label=partner, text=f.text, start=f.start, end=f.end, value=f.value, unit=f.unit,
                                qualifier=f.qualifier, section=f.section, score=f.score, extractor=f.extractor))
                have.add((f.start, f.end, partner))
    return sorted(out, key=lambda x: (x.start, x.end, x.label))


def fact_from_span(text: str, start: int, end: int, label: str, score: float, extractor: str) -> Fact | None:
    """A fact with its normalised value; None when the span holds no quantity at all."""
    span = text[start:end]
    stripped = span.strip()
    if not stripped:
        return None
    start += len(span) - len(span.lstrip())
    end = start + len(stripped)
    try:
        q = parse_quantity(stripped)
    except ValueError:
        return None
    return Fact(label=label, text=stripped, start=start, end=end, value=q.value, unit=q.unit,
                qualifier=q.qualifier, score=round(float(score), 4), extractor=extractor)


def facts_from_tags(text: str, offset: int, tags: list[str], scores: list[float], extractor: str) -> list[Fact]:
    """Facts from per-character tags of `text[offset:offset+len(tags)]`."""
    facts = []
    for s, e, label in spans_from_tags(tags):
        fact = fact_from_span(text, offset + s, offset + e, label, sum(scores[s:e]) / (e - s), extractor)
        if fact is not None:
            facts.append(fact)
    return joint_facts(text, facts)
