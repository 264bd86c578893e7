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
    """复议 and 诉讼 (either order) named together: 复议、行政诉讼, 行政复议申请和行政诉讼; not each with its own
    count between them (行政复议0件、行政诉讼0件)."""
    joined = r"[^，,。；;\n0-9０-９]{0,4}?(?:和|及|、|或|与|以及)[^，,。；;\n0-9０-９]{0,%d}?" % gap
    return f"(?:复议{joined}诉讼|诉讼{joined}复议)"


# one span, two facts: (the two labels, the words right before the count that make it both, zero counts only)
_SPANS_OF_TWO_FACTS = (
    # 产生行政复议及行政诉讼0件: a zero count after both, named together, counts both
    (("REVIEW_CASES", "LITIGATION_CASES"), re.compile(_review_and_litigation(6) + r"[^，,。；;\n]{0,8}$"), True),
    # 收到并办理申请6件, 收到和处理申请9件, 受理答复申请3件: one count of the applications received and of
    # those handled (annotation guide)
    (("APP_RECEIVED", "APP_PROCESSED"),
     re.compile(r"(?:收到|受理|接收)(?:并|及|和|与)?(?:妥善|按时|依法)?(?:办理|处理|答复|办结)[^，,。；;！!？?\n0-9０-９]{0,24}$"), False),
)


def _partner_of_count(text: str, fact: Fact) -> list[str]:
    """The second label of a count that the words before it make two facts (`_SPANS_OF_TWO_FACTS`)."""
    for labels, before, zero_only in _SPANS_OF_TWO_FACTS:
        if fact.label in labels and (fact.value == 0 or not zero_only) and \
                before.search(text, max(0, fact.start - 40), fact.start):
            return [label for label in labels if label != fact.label]
    return []


def joint_facts(text: str, facts: list[Fact]) -> list[Fact]:
    """A document's (or window's) facts as every tagger gives them: drop a count in an average's,
    a maximum's or a rate's clause or one that counts all the years together (平均阅读量800次,
    每周报送3篇, 历年累计295条; `nianbao.facts.rules.no_total_of_the_year`, FACTS.md §5) and a zero
    claim that denies an incident, not a count, or only things no label counts, and a count of the
    applications a fee was charged for (`nianbao.facts.rules.applications_charged`), and a count whose
    clause says it counts nothing a label counts, as the rules read it (`nianbao.facts.rules.counts_nothing`:
    依申请公开信息0条, 历年…其中, 新增政务新媒体1个; 协助调查5件, whichever label it was given); add the partner
    facts of a zero claim whose cue governs both 复议 and 诉讼, or several labels its clause names
    together (`nianbao.facts.rules.zero_claim_reading`: 未制定规章、行政规范性文件, each zero cue's clause
    read once), of a zero count after 复议 and 诉讼 named together (行政复议及行政诉讼0件), and of a
    count of applications received and handled at once (收到并办理申请6件)."""
    from nianbao.facts.rules import applications_charged, counts_nothing, no_total_of_the_year, zero_claim_reading

    facts = [f for f in facts if f.label == "RATE" or f.qualifier == "zero_claim" or not no_total_of_the_year(text, f.start)]
    facts = [f for i, f in enumerate(facts) if not (f.label.startswith("APP_") and i and
                                                    applications_charged(text, facts[i - 1], f.start))]
    facts = [f for f in facts if f.qualifier == "zero_claim" or not counts_nothing(text, f)]
    readings = {id(f): zero_claim_reading(text, f.end) for f in facts if f.qualifier == "zero_claim"}
    # 确保无泄密事件发生; 未制定规章制度
    facts = [f for f in facts if f.qualifier != "zero_claim" or readings[id(f)] is not None]

    def partners_of(f: Fact) -> list[str]:  # a tagger gives one label per character: a cue's other facts
        if f.qualifier != "zero_claim":
            return _partner_of_count(text, f)
        together = readings[id(f)]
        return [label for label in together if f.label in together and label != f.label]

    return sorted(facts + _partners(facts, partners_of), key=lambda x: (x.start, x.end, x.label))


def count_partners(text: str, counts: list[Fact]) -> list[Fact]:
    """The second facts of `counts` that the words before them make two (收到并办理申请6件,
    行政复议及行政诉讼0件), those not among `counts` already: what the rules add to counts whose
    clauses (averages, zero cues) they have read themselves."""
    return _partners(counts, lambda f: _partner_of_count(text, f))


def _partners(facts: list[Fact], partners_of) -> list[Fact]:
    """The facts of the labels `partners_of(fact)` gives, on each fact's span: none twice, none
    that `facts` holds already."""
    have = {(f.start, f.end, f.label) for f in facts}
    out: list[Fact] = []
    for f in facts:
        for partner in partners_of(f):
            if (f.start, f.end, partner) not in have:
                out.append(_with_label(f, partner))
                have.add((f.start, f.end, partner))
    return out


def _with_label(fact: Fact, label: str) -> Fact:
    return Fact(label=label, text=fact.text, start=fact.start, end=fact.end, value=fact.value, unit=fact.unit,
                qualifier=fact.qualifier, section=fact.section, score=fact.score, extractor=fact.extractor)


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
