"""Arithmetic inside the narrative: `text.sum.<LABEL>` and `text.share`.

Read conservatively from the facts and where they sit:

* a whole followed by its parts in parentheses — ``政务新媒体19个(微博2个、微信15个、小程序2个)``
  — or after 其中 in the same sentence — ``共收到申请N件，其中自然人a件、法人或其他组织b件``.
  The parts must add up to the whole when they cover it (a parenthesised list of the same
  label, or 自然人 + 法人或其他组织); a partial list (其中, 含, 等, or only some kinds) can
  only be wrong by adding up to more than the whole.
* a share ``占比r%`` after a part: r must equal part ÷ whole within the rounding of r,
  the whole being the nearest earlier total (not itself a 其中 part) in the same or the
  previous sentence.
"""
from __future__ import annotations

import re

from nianbao.reconcile import messages as msg
from nianbao.reconcile.context import lead, scope_word, sentence_span
from nianbao.reconcile.readings import MONEY_UNITS, PERCENT, Reading, near_cues, readings
from nianbao.report import Fact, Finding, Report

# whole label → labels of its parts besides its own
PART_LABELS = {
    "APP_RECEIVED": {"APP_NATURAL_PERSON", "APP_ORGANIZATION"},
    "APP_PROCESSED": {"APP_GRANTED", "APP_PARTIAL", "APP_DENIED", "APP_UNABLE", "APP_NOT_PROCESSED"},
}
# part label → labels its whole may carry in a share
WHOLE_LABELS = {
    "ONLINE_ITEMS": ("SERVICE_ITEMS",),
    "ONE_VISIT_ITEMS": ("SERVICE_ITEMS",),
    "APP_NATURAL_PERSON": ("APP_RECEIVED",),
    "APP_ORGANIZATION": ("APP_RECEIVED",),
    "APP_GRANTED": ("APP_PROCESSED", "APP_RECEIVED"),
    "APP_PARTIAL": ("APP_PROCESSED", "APP_RECEIVED"),
    "APP_DENIED": ("APP_PROCESSED", "APP_RECEIVED"),
    "APP_UNABLE": ("APP_PROCESSED", "APP_RECEIVED"),
    "APP_NOT_PROCESSED": ("APP_PROCESSED", "APP_RECEIVED"),
}
SHARE_CUES = ("占比", "占")
PARTIAL_WORDS = ("其中", "含", "包括")
_OPEN, _CLOSE = "(（", ")）"


def check(report: Report) -> list[Finding]:
    return sum_findings(report) + share_findings(report)


# --- sums -------------------------------------------------------------------------------

def sum_findings(report: Report) -> list[Finding]:
    findings = []
    facts = report.facts
    for i, whole in enumerate(facts):
        if not _countable(whole):
            continue
        listed = _parenthesised_parts(report, i)
        found = listed or _qizhong_parts(report, i)
        if found is None:
            continue
        parts, covers, included = found
        finding = _sum_finding(report, i, parts, covers, included, scoped=listed is None)
        if finding is not None:
            findings.append(finding)
    return findings


def sub_counts(report: Report) -> set[int]:
    """Indices of facts that are parts of an earlier fact with the same label in the same
    sentence, after 其中/含/包括 (``全年公开信息2000条，其中通知公告35条``): the annotation
    guide keeps the parent's label on them, but a part is not the total a table prints."""
    text, facts = report.text, report.facts
    parts: set[int] = set()
    for i, whole in enumerate(facts):
        if i in parts or not _countable(whole):
            continue
        _, right = sentence_span(text, whole.start, whole.end)
        for j in range(i + 1, len(facts)):
            part = facts[j]
            if part.start >= right:
                break
            if part.label == whole.label and part.start >= whole.end and _countable(part) \
                    and any(w in text[whole.end:part.start] for w in PARTIAL_WORDS):
                parts.add(j)
    return parts


def _countable(fact: Fact) -> bool:
    return fact.value is not None and fact.unit not in PERCENT and fact.qualifier != "zero_claim"


def _allowed(whole: Fact, part: Fact) -> bool:
    return part.label == whole.label or part.label in PART_LABELS.get(whole.label, ())


def _same_measure(facts: list[Fact]) -> bool:
    money = {f.unit in MONEY_UNITS for f in facts}
    return len(money) == 1


def _parenthesised_parts(report: Report, i: int) -> tuple[list[int], bool, list[int]] | None:
    text, whole = report.text, report.facts[i]
    after = text[whole.end:whole.end + 3]
    stripped = after.lstrip(" \u3000")
    if not stripped or stripped[0] not in _OPEN:
        return None
    opened = whole.end + (len(after) - len(stripped))
    closes = [p for p in (text.find(c, opened) for c in _CLOSE) if p != -1]
    if not closes:
        return None
    closed = min(closes)
    inside = [j for j, f in enumerate(report.facts) if opened < f.start and f.end <= closed]
    if len(inside) < 2 or not all(_allowed(whole, report.facts[j]) and _countable(report.facts[j]) for j in inside):
        return None
    content = text[opened + 1:closed].strip()
    partial = content.startswith(PARTIAL_WORDS) or content.rstrip("。 ").endswith("等")
    same_label = all(report.facts[j].label == whole.label for j in inside)
    return inside, (same_label and not partial) or _covers_by_kind(report, whole, inside), []


def _qizhong_parts(report: Report, i: int) -> tuple[list[int], bool, list[int]] | None:
    """Parts after 其中; also the 上年结转 a parenthesis says the whole includes
    (``受理申请242例（含上年结转17例），其中自然人170例、法人和其他组织33例``)."""
    text, facts, whole = report.text, report.facts, report.facts[i]
    _, right = sentence_span(text, whole.start, whole.end)
    following = [j for j in range(i + 1, len(facts)) if facts[j].start >= whole.end and facts[j].end <= right]
    nested = [j for j in following if _depth(text[whole.end:facts[j].start]) > 0]
    outside = [j for j in following if j not in nested]
    if not outside or "其中" not in text[whole.end:facts[outside[0]].start]:
        return None
    included = [j for j in nested if j < outside[0] and facts[j].label == "APP_CARRIED_OVER"
                and "含" in text[whole.end:facts[j].start] and _countable(facts[j])]
    parts = []
    for j in outside:  # nested facts after a part break that part down (预决算公开197条（政府预决算32条…）)
        if not _allowed(whole, facts[j]) or not _countable(facts[j]):
            break
        parts.append(j)
    if len(parts) < 2:
        return None
    return parts, _covers_by_kind(report, whole, parts), included


def _depth(text: str) -> int:
    """How many parentheses are open at the end of `text`."""
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
    return depth


def _covers_by_kind(report: Report, whole: Fact, parts: list[int]) -> bool:
    """自然人 + 法人或其他组织 cover all applications; other kinds of part never do for sure."""
    if whole.label != "APP_RECEIVED":
        return False
    labels = [report.facts[j].label for j in parts]
    if sorted(labels) != ["APP_NATURAL_PERSON", "APP_ORGANIZATION"]:
        return False
    org = report.facts[parts[labels.index("APP_ORGANIZATION")]]
    found = readings(report, org)
    return isinstance(found, list) and len(found) == 1 and isinstance(found[0], Reading) and len(found[0].cells) == 5


def _sum_finding(report: Report, i: int, parts: list[int], covers: bool, included: list[int],
                 scoped: bool) -> Finding | None:
    """`included`: facts the whole says it includes besides the parts (含上年结转).
    `scoped`: a scope word in the sentence (代表, 全市 …) may mean the whole counts a wider
    body than its 其中 breakdown, so a disagreement is UNCERTAIN; a parenthesised list is not."""
    whole = report.facts[i]
    members = [report.facts[j] for j in parts]
    if not _same_measure([whole, *members]):
        return None
    total = sum(f.value for f in members)
    named = "、".join(_named(report, f) for f in members)
    base = dict(rule=f"text.sum.{whole.label}", kind="text_arithmetic", facts=[i, *parts],
                text_value=whole.value, table_value=None,
                evidence={"whole": _fact_evidence(whole), "parts": [_fact_evidence(f) for f in members],
                          "parts_sum": total, "parts_cover_whole": covers})
    claim = f"正文称{_named(report, whole)}"
    scope = scope_word(report, whole) if scoped else None
    exact = all(f.qualifier == "exact" for f in [whole, *members]) and scope is None
    doubt = msg.scope_note(scope) if scope else ""
    if abs(total - whole.value) < 1e-9:
        return Finding(status="PASS", message=f"{claim}，所列分项{named}合计{msg.number(total)}，一致", **base)
    if covers and included:
        extra = sum(report.facts[j].value for j in included)
        if _within(whole, total + extra):
            base["facts"] = [i, *parts, *included]
            return Finding(status="PASS", message=f"{claim}，所列分项{named}合计{msg.number(total)}，"
                                                  f"加上年结转{msg.number(extra)}为{msg.number(total + extra)}，一致",
                           **base)
    if covers:
        agrees = _within(whole, total)
        if agrees:
            return Finding(status="PASS", message=f"{claim}，所列分项{named}合计{msg.number(total)}，在约数范围内",
                           **base)
        status = "FAIL" if exact else "UNCERTAIN"
        return Finding(status=status, message=f"{claim}，但所列分项{named}合计为{msg.number(total)}{doubt}", **base)
    if whole.qualifier in ("exact", "approx") and total > _upper(whole):
        status = "FAIL" if exact else "UNCERTAIN"
        return Finding(status=status, message=f"{claim}，但其中所列分项{named}合计已达{msg.number(total)}，"
                                               f"超过总数{doubt}", **base)
    return None


def _within(whole: Fact, total: float) -> bool:
    if whole.qualifier == "approx":
        return abs(total - whole.value) <= 0.1 * abs(whole.value)
    if whole.qualifier == "at_least":
        return total >= whole.value
    if whole.qualifier == "more_than":
        return total > whole.value
    return abs(total - whole.value) < 1e-9


def _upper(whole: Fact) -> float:
    return whole.value * 1.1 if whole.qualifier == "approx" else whole.value


# --- shares -----------------------------------------------------------------------------

def share_findings(report: Report) -> list[Finding]:
    findings = []
    for k, rate in enumerate(report.facts):
        if rate.unit not in PERCENT or rate.value is None:
            continue
        if not any(cue in near_cues(report, rate) for cue in SHARE_CUES):
            continue
        part_index = _part_before(report, k)
        if part_index is None:
            continue
        whole_index = _whole_before(report, part_index)
        if whole_index is None:
            continue
        findings.append(_share_finding(report, k, part_index, whole_index))
    return findings


def _part_before(report: Report, k: int) -> int | None:
    rate = report.facts[k]
    left, _ = sentence_span(report.text, rate.start)
    for j in range(k - 1, -1, -1):
        fact = report.facts[j]
        if fact.end <= left:
            return None
        if _countable(fact) and fact.value and fact.end <= rate.start:
            between = report.text[fact.end:rate.start]
            return j if not re.search(r"\d", between) else None
    return None


def _whole_before(report: Report, part_index: int) -> int | None:
    part = report.facts[part_index]
    labels = (part.label, *WHOLE_LABELS.get(part.label, ()))
    this_left, _ = sentence_span(report.text, part.start)
    window_left, _ = sentence_span(report.text, max(this_left - 1, 0))
    for j in range(part_index - 1, -1, -1):
        fact = report.facts[j]
        if fact.start < window_left:
            return None
        if fact.label in labels and _countable(fact) and fact.value and "其中" not in lead(report.text, fact):
            return j
    return None


def _share_finding(report: Report, k: int, p: int, w: int) -> Finding:
    rate, part, whole = report.facts[k], report.facts[p], report.facts[w]
    computed = part.value / whole.value * 100
    decimals = len(rate.text.split(".", 1)[1]) - len(rate.text.split(".", 1)[1].lstrip("0123456789")) \
        if "." in rate.text else 0
    tolerance = 10 ** (-decimals)
    if rate.qualifier == "approx":
        tolerance = max(tolerance, 0.1 * rate.value)
    if rate.qualifier in ("at_least", "more_than"):
        agrees = computed >= rate.value - tolerance
    else:
        agrees = abs(computed - rate.value) <= tolerance + 1e-9
    shown = f"{computed:.{max(decimals, 2)}f}%"
    base = dict(rule="text.share", kind="text_arithmetic", facts=[k, p, w], text_value=rate.value,
                table_value=round(computed, 4),
                evidence={"rate": _fact_evidence(rate), "part": _fact_evidence(part), "whole": _fact_evidence(whole)})
    claim = f"正文称{_named(report, part)}，占比{rate.text}"
    arithmetic = f"{msg.number(part.value)}÷{msg.number(whole.value)}={shown}（总数取自“{_named(report, whole)}”）"
    if agrees:
        return Finding(status="PASS", message=f"{claim}，与{arithmetic}一致", **base)
    exact = all(f.qualifier == "exact" for f in (part, whole))
    return Finding(status="FAIL" if exact else "UNCERTAIN", message=f"{claim}，但{arithmetic}", **base)


# --- helpers ----------------------------------------------------------------------------

def _named(report: Report, fact: Fact) -> str:
    """The words naming a fact plus its span: 微博2个, 共有政务服务事项958个."""
    cue = near_cues(report, fact).strip(" 、，,（(）)：:\u3000")
    cue = cue.removeprefix("其中")
    return f"{'…' + cue[-10:] if len(cue) > 12 else cue}{fact.text}"


def _fact_evidence(fact: Fact) -> dict:
    return {"label": fact.label, "text": fact.text, "start": fact.start, "end": fact.end,
            "value": fact.value, "qualifier": fact.qualifier}
