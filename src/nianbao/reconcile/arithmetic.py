"""Arithmetic inside the narrative: `text.sum.<LABEL>` and `text.share`.

Read conservatively from the facts and where they sit:

* a whole followed by its parts in parentheses — ``政务新媒体19个(微博2个、微信15个、小程序2个)``
  — or after 其中 in the same sentence — ``共收到申请N件，其中自然人a件、法人或其他组织b件``.
  The parts must add up to the whole when they cover it (a parenthesised list of the same
  label, or 自然人 + 法人或其他组织); a partial list (其中, 含, 等, or only some kinds) can
  only be wrong by adding up to more than the whole.
* a share ``占比r%`` after a part: r must equal part ÷ whole within the rounding of r. The
  whole is the total the part is linked to, or a total above that, or an earlier count that
  can be a whole in the same or the previous sentence or the paragraph (not another part: no
  count with a share of its own, none after 其中, none smaller than the part). The share
  passes when one of them explains it and fails against the likeliest otherwise.
"""
from __future__ import annotations

import re

from nianbao.facts.parts import (MARKERS, OUTCOMES, PART_LABELS, PERCENT, POSTS, WHOLE_MARKERS, PartList,
                                 countable, enclosed, find_part_lists, paragraph_start, past_a_semicolon,
                                 same_label_parts, unbracketed)
from nianbao.reconcile import messages as msg
from nianbao.reconcile.context import lead, scope_word, sentence_span
from nianbao.reconcile.readings import MONEY_UNITS, Reading, near_cues, readings
from nianbao.report import Fact, Finding, Report

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


def check(report: Report) -> list[Finding]:
    return sum_findings(report) + share_findings(report)


# --- sums -------------------------------------------------------------------------------

def sum_findings(report: Report) -> list[Finding]:
    """`text.sum.<LABEL>` over every list of two or more parts (`facts.parts`): Σ = total
    when the list claims to be whole, Σ ≤ total for a list of some kinds. A list found by its sum
    alone (`PartList.summed`) is not checked by it: it could not fail."""
    findings = []
    for found in find_part_lists(report.text, report.facts):
        if len(found.parts) < 2 or found.summed:
            continue
        parts = _own_parts(report, found.total, _before_a_semicolon(report, found))
        if len(parts) < 2:
            continue
        covers, included = _covers(report, found), _included(report, found)
        finding = _sum_finding(report, found.total, parts, covers, included, scoped=not found.bracketed)
        if finding is not None and finding.status != "PASS":
            for other in _other_readings(report, found.total, parts):  # a FAIL only where no reading agrees
                alternative = _sum_finding(report, found.total, other, covers, included, scoped=not found.bracketed)
                if alternative is None or alternative.status == "PASS":
                    finding = alternative
                    break
        if finding is not None:
            findings.append(finding)
    return findings


def _other_readings(report: Report, i: int, parts: list[int]) -> list[list[int]]:
    """Other ways to read a list of parts of total `i` that does not add up: without its first
    part when that part restates the total in its words (``网站公开信息43条，其中公开信息43条、
    领导信息13条…``), and without a run of parts that add up to the part right before them and
    are marked as its breakdown (``公开信息6250条（网站2581条：其中新闻类299条、公文835条、
    许可决定1447条；微信1616篇…）``)."""
    facts, whole, text = report.facts, report.facts[i], report.text
    readings = []
    first = facts[parts[0]]
    own = _cue(report, first).lstrip(" ，,：:\u3000")
    if len(parts) > 2 and first.value == whole.value and own and own in lead(text, whole):
        readings.append(parts[1:])
    for n in range(len(parts) - 2):
        opened = text[facts[parts[n]].end:facts[parts[n + 1]].start]
        if not any(m in opened for m in MARKERS) and ":" not in opened and "：" not in opened:
            continue  # a breakdown of a part is marked as one (网站2581条：其中新闻类299条…)
        running = 0.0
        for m in range(n + 1, len(parts)):
            running += facts[parts[m]].value
            if m > n + 1 and abs(running - facts[parts[n]].value) < 1e-9:
                readings.append(parts[:n + 1] + parts[m + 1:])
                break
            if running > facts[parts[n]].value:
                break
    return readings


def _before_a_semicolon(report: Report, found: PartList) -> list[int]:
    """The parts of a list up to the first semicolon after its first part: a marked list runs on over
    semicolons for `part_of` (其中：网站120条；微信80条), but what follows one is summed with its total
    only inside brackets."""
    if found.bracketed:
        return list(found.parts)
    start = report.facts[found.parts[0]].start
    return [j for j in found.parts if not past_a_semicolon(report.text, start, report.facts[j].start)]


def _own_parts(report: Report, i: int, parts: list[int]) -> list[int]:
    """The parts of total `i` in a list that may run on past them. The list stops:

    * at another channel's count after a channel's total (a website's count has no WeChat part);
    * at a count of a kind none of the parts before it is (another label) when that count is
      larger than the total (``公开信息162条，其中文件41条，通过公众号发布293篇``) or the parts
      before it already add up to the total (``信息460条，其中网站333条、新媒体127条，发布解读材料3篇``);
    * at any count larger than the total after parts that add up to it
      (``信息16条，其中…其他类13条，累计公开552条``).

    Topics of one kind that add up to more than their total are the page's own error, and stay;
    so do outcomes of applications (``办结20件，其中予以公开12件、部分公开8件、不予公开3件``)."""
    facts, whole = report.facts, report.facts[i]
    running = 0.0
    for n, j in enumerate(parts):
        if facts[j].label not in (whole.label, *PART_LABELS.get(whole.label, ())) and whole.label in POSTS:
            return parts[:n]  # another channel's count after a channel's topics: 网站759条（…），微博和微信分别277条、523条
        larger = whole.qualifier in ("exact", "approx") and facts[j].value > _upper(whole)
        added_up = n > 0 and abs(running - whole.value) < 1e-9
        if added_up and larger or n and _kind(facts[j]) not in {_kind(facts[k]) for k in parts[:n]} and (
                added_up or larger):
            return parts[:n]
        running += facts[j].value
    return parts


def _kind(fact: Fact) -> str:
    """What a part counts, for telling where a list runs on: its label, one for all outcomes
    of applications (予以公开, 不予公开 … are one breakdown)."""
    return "outcome" if fact.label in OUTCOMES else fact.label


def sub_counts(report: Report) -> set[int]:
    """Indices of parts that keep their total's label (``全年公开信息2000条，其中通知公告35条``):
    a part is not the total a table prints."""
    if any(f.part_of is not None for f in report.facts):
        return same_label_parts(report.facts)
    return {j for found in find_part_lists(report.text, report.facts) for j in found.parts
            if report.facts[j].label == report.facts[found.total].label}


def _covers(report: Report, found: PartList) -> bool:
    """Does the list claim to be the whole total? 分别, 包括…其他, a bracketed list of the
    total's own label, or every kind named (自然人 + 法人或其他组织)."""
    whole = report.facts[found.total]
    if not found.partial:
        if found.bracketed and all(report.facts[j].label == whole.label for j in found.parts):
            return True
        if found.marker in WHOLE_MARKERS or found.marker == "包括":
            return True
    return _covers_by_kind(report, whole, list(found.parts))


def _included(report: Report, found: PartList) -> list[int]:
    """The 上年结转 a bracket says the total includes besides a marked list of its parts
    (``受理申请242例（含上年结转17例），其中自然人170例、法人和其他组织33例``)."""
    if found.bracketed:
        return []
    text, facts, whole = report.text, report.facts, report.facts[found.total]
    first = facts[found.parts[0]].start
    return [j for j in range(found.total + 1, found.parts[0])
            if facts[j].label == "APP_CARRIED_OVER" and facts[j].end <= first and countable(facts[j])
            and "含" in text[whole.end:facts[j].start]]


def _same_measure(facts: list[Fact]) -> bool:
    money = {f.unit in MONEY_UNITS for f in facts}
    return len(money) == 1


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
    shares = []  # (rate, its part) for every rate cued as a share
    for k, rate in enumerate(report.facts):
        if rate.unit not in PERCENT or rate.value is None:
            continue
        if not any(cue in near_cues(report, rate) for cue in SHARE_CUES):
            continue
        part_index = _part_before(report, k)
        if part_index is not None:
            shares.append((k, part_index))
    with_share = {p for _, p in shares}
    findings = []
    for k, part_index in shares:
        wholes = _wholes(report, part_index, with_share)
        if wholes:
            findings.append(_share_finding(report, k, part_index, wholes))
    return findings


def _part_before(report: Report, k: int) -> int | None:
    """The count a share `k` is of: the nearest count before it in its sentence with no number
    between them, a remark in brackets passed over (``其他处理177件（其中撤销134件），占13.7%``:
    the 177)."""
    rate = report.facts[k]
    left, _ = sentence_span(report.text, rate.start)
    for j in range(k - 1, -1, -1):
        fact = report.facts[j]
        if fact.end <= left:
            return None
        if countable(fact) and fact.value and fact.end <= rate.start:
            between = report.text[fact.end:rate.start]
            if enclosed(between):
                continue
            return j if not re.search(r"\d", unbracketed(between)) else None
    return None


def _wholes(report: Report, part_index: int, with_share: set[int]) -> list[int]:
    """The counts a share of `part_index` may be taken of, the likeliest first: the total the
    part is linked to (`facts.parts`) and that total's own totals (a share of a part of a part
    may be given of the whole: ``公开信息400条，其中通知公告100条（含人事信息20条，占5%）``: 20 of 400),
    then the earlier counts that can be its whole in the same or the previous sentence or the
    paragraph, nearest first. No whole is smaller than the part, none has a share of its own
    (``公告24条，占9%；文件56条，占21%``: the 24 is another part) and none follows 其中."""
    facts = report.facts
    part = facts[part_index]
    labels = (part.label, *WHOLE_LABELS.get(part.label, ()))

    def can_be_whole(j: int) -> bool:
        return facts[j].label in labels and countable(facts[j]) and bool(facts[j].value) and facts[j].value >= part.value

    wholes, total = [], part.part_of
    while total is not None and 0 <= total < len(facts) and total not in wholes:
        if can_be_whole(total):
            wholes.append(total)
        total = facts[total].part_of
    this_left, _ = sentence_span(report.text, part.start)
    window_left, _ = sentence_span(report.text, max(this_left - 1, 0))
    window_left = min(window_left, paragraph_start(report.text, part.start))
    for j in range(part_index - 1, -1, -1):
        fact = facts[j]
        if fact.start < window_left:
            break
        if can_be_whole(j) and j not in with_share and j not in wholes and "其中" not in lead(report.text, fact):
            wholes.append(j)
    return wholes


def _share_agrees(rate: Fact, computed: float) -> bool:
    """Does `rate` state `computed` (part ÷ whole, in %), within its rounding?"""
    decimals = _decimals(rate)
    tolerance = 10 ** (-decimals)
    if rate.qualifier == "approx":
        tolerance = max(tolerance, 0.1 * rate.value)
    if rate.qualifier in ("at_least", "more_than"):
        return computed >= rate.value - tolerance
    return abs(computed - rate.value) <= tolerance + 1e-9


def _decimals(rate: Fact) -> int:
    """How many decimals the share is printed with (its rounding)."""
    if "." not in rate.text:
        return 0
    fraction = rate.text.split(".", 1)[1]
    return len(fraction) - len(fraction.lstrip("0123456789"))


def _share_finding(report: Report, k: int, p: int, wholes: list[int]) -> Finding:
    """PASS when the share is the part of one of its possible `wholes` (the first that agrees is
    named); otherwise FAIL (UNCERTAIN when a count is not exact) against the likeliest whole."""
    rate, part = report.facts[k], report.facts[p]
    agreeing = [w for w in wholes if _share_agrees(rate, part.value / report.facts[w].value * 100)]
    w = agreeing[0] if agreeing else wholes[0]
    whole = report.facts[w]
    computed = part.value / whole.value * 100
    shown = f"{computed:.{max(_decimals(rate), 2)}f}%"
    base = dict(rule="text.share", kind="text_arithmetic", facts=[k, p, w], text_value=rate.value,
                table_value=round(computed, 4),
                evidence={"rate": _fact_evidence(rate), "part": _fact_evidence(part), "whole": _fact_evidence(whole)})
    claim = f"正文称{_named(report, part)}，占比{rate.text}"
    arithmetic = f"{msg.number(part.value)}÷{msg.number(whole.value)}={shown}（总数取自“{_named(report, whole)}”）"
    if agreeing:
        return Finding(status="PASS", message=f"{claim}，与{arithmetic}一致", **base)
    exact = all(f.qualifier == "exact" for f in (part, whole))
    return Finding(status="FAIL" if exact else "UNCERTAIN", message=f"{claim}，但{arithmetic}", **base)


# --- helpers ----------------------------------------------------------------------------

def _named(report: Report, fact: Fact) -> str:
    """The words naming a fact plus its span: 微博2个, 共有政务服务事项958个."""
    cue = _cue(report, fact)
    return f"{'…' + cue[-10:] if len(cue) > 12 else cue}{fact.text}"


def _cue(report: Report, fact: Fact) -> str:
    """The words naming a fact alone, without the punctuation around them or a leading 其中
    (``其中自然人80件`` → 自然人)."""
    return near_cues(report, fact).strip(" 、，,（(）)：:\u3000").removeprefix("其中")


def _fact_evidence(fact: Fact) -> dict:
    return {"label": fact.label, "text": fact.text, "start": fact.start, "end": fact.end,
            "value": fact.value, "qualifier": fact.qualifier}
