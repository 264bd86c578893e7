"""Totals and their parts (FACTS.md §4, v1.2): which earlier fact each fact breaks down.

``全年共发布信息86条（其中通知公告12条、人事信息3条）``, ``主动公开政府信息230条，其中网站150条、
政务微信80条``, ``收到申请81件，其中自然人80件、商业企业1件``: every part is a fact whose
``part_of`` is the index of its total in the report's facts (a part of a part points at that
part). Read conservatively from where the facts sit:

* a **bracketed list** right after a total: the facts inside the brackets;
* a **marked list** after a total in the same sentence: after 其中, 包括, 分别, 主要有, 涵盖 or a
  colon, the run of facts that follows, up to the first fact that cannot be a part of that
  total (a second count of the same thing, ``受理98件，办结98件``, has no marker and is no part);
  or in the next sentence when the total ends its own and the next opens by referring back
  to it (``全年主动公开信息500条。其中政务动态类信息300条``, ``在主动公开的信息中，…``);
* a second marker right after a part that names a channel of its total breaks down that
  part (``公开信息114条，其中网站72条，其中包括机构职能类3条、…``: the topics are the website's),
  as it does after a part with its total's label that names the places that published it
  (``其中，通过门户网站及其他公开平台公开信息500条，包含…``).

A part either keeps its total's label (a topic or kind: 通知公告 of published information) or
carries a label that can break its total down (`PART_LABELS`: 网站 and 政务微信 of published
information, 自然人 of applications). Zero claims and rates are never totals or parts.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from nianbao.report import Fact
from nianbao.scan import first_of, last_of

SENTENCE_ENDS = "。！？；;!?\n"
FULL_STOPS = "。！？!?\n"  # a sentence's end, past its semicolons
PARAGRAPH_BREAK = re.compile(r"[。！？!?][ \u3000]*\n|\n[ \u3000]*\n")  # a line that ends a sentence, or a blank line
OPEN, CLOSE = "(（", ")）"
MARKERS = ("其中", "包括", "包含", "分别", "主要有", "涵盖", "含")
WHOLE_MARKERS = ("分别",)  # the list claims to be the whole total
PARTIAL_WORDS = ("其中", "含", "包括", "包含", "主要有", "涵盖")  # a list of some kinds unless 其他 closes it
PERCENT = ("%", "％")

# total label → labels of parts that carry their own label (FACTS.md §4 rule 1)
_PUBLISHED_KINDS = frozenset({"REGULATIONS", "NORMATIVE_DOCS", "POLICY_INTERPRETATIONS", "ADMIN_DECISIONS",
                              "PROCUREMENT", "NPC_SUGGESTIONS"})  # kinds a list of published items names
OUTCOMES = frozenset({"APP_GRANTED", "APP_PARTIAL", "APP_DENIED", "APP_UNABLE", "APP_NOT_PROCESSED",
                      "APP_CARRIED_FORWARD"})  # what became of the applications
_APPLICATIONS = frozenset({"APP_RECEIVED", "APP_PROCESSED"})  # totals of applications an outcome list breaks down
PART_LABELS: dict[str, frozenset[str]] = {
    "INFO_PUBLISHED": frozenset({"WEBSITE_POSTS", "WECHAT_POSTS", "WEIBO_POSTS", "OTHER_MEDIA_POSTS"}) | _PUBLISHED_KINDS,
    "APP_RECEIVED": frozenset({"APP_NATURAL_PERSON", "APP_ORGANIZATION"}) | OUTCOMES,
    "APP_PROCESSED": OUTCOMES - {"APP_CARRIED_FORWARD"},
    "SERVICE_ITEMS": frozenset({"ONLINE_ITEMS", "ONE_VISIT_ITEMS"}),
    "OTHER_MEDIA_POSTS": frozenset({"WECHAT_POSTS", "WEIBO_POSTS"}),
    "WEBSITE_POSTS": _PUBLISHED_KINDS,
    "NPC_SUGGESTIONS": frozenset(),
}


# where items are put up off the web (公示栏, 电子显示屏, 执法公示平台) or by other ways: a channel of no
# posts label (what it publishes is INFO_PUBLISHED)
OFFLINE = re.compile(r"公示栏|公开栏(?!目)|宣传栏|公告栏|公示板|显示屏|电子屏|大喇叭|实体|现场|其他方式|其它方式|"
                     r"公示平台|其他形式|其它形式|传统")
PUBLISHING_VERBS = "公开|发布|公布|推送|更新|刊发"  # the verbs a channel or a publisher publishes with
# a clause that opens with its own publisher, no channel, and its publishing verb (县政府公报公开60条,
# 各区县主动公开信息1500条): the channel of a clause before it does not carry over (a quoted name, “某某”发布,
# is most often an account of new media, which a clause before may name)
OWN_PUBLISHER = re.compile(r"^\s*(?:《[^》]{1,20}》|[\u4e00-\u9fff]{0,10}?(?:公报|问政|部门|单位|县区|区县|"
                           rf"乡镇|街道|镇|乡|区|县|市))(?:主动|累计|共|先后)?(?:{PUBLISHING_VERBS})")
_PUBLISHES = re.compile(rf"{PUBLISHING_VERBS}|公示|张贴|发稿|编发")  # a channel that publishes the list
# counts of published items: a topic part of any of them keeps its total's label (rule 2); a
# part that names its own channel (网站150条 of published information) keeps its own (rule 1)
POSTS = frozenset({"INFO_PUBLISHED", "WEBSITE_POSTS", "WECHAT_POSTS", "WEIBO_POSTS", "OTHER_MEDIA_POSTS"})
_SEPARATORS = "、，,；;：:（(）)。\n"


@dataclass(frozen=True)
class PartList:
    """One list of parts of one total: indices into the facts, and how it was marked."""

    total: int
    parts: tuple[int, ...]
    bracketed: bool  # ``19个(微博2个、微信15个)``
    marker: str | None  # 其中 / 分别 / … for a marked list
    partial: bool  # the list says it names only some kinds (其中, 含, 包括, …等)
    summed: bool = False  # no marker: its counts add up to the total (`_adds_up`)


def countable(fact: Fact) -> bool:
    """A count that can be a total or a part: a number, not a rate, not a zero claim."""
    return fact.value is not None and fact.unit not in PERCENT and fact.qualifier != "zero_claim"


def can_be_part(total: Fact, part: Fact) -> bool:
    if not countable(part):
        return False
    if total.label in POSTS and part.label in POSTS:  # a channel's topics, or channels of a total
        return True
    if total.label == "APP_PROCESSED" and part.label == "APP_RECEIVED":  # 处理申请60件（网络申请45件…）
        return True
    return part.label == total.label or part.label in PART_LABELS.get(total.label, ())


def find_part_lists(text: str, facts: list[Fact]) -> list[PartList]:
    """Every list of parts in the narrative, in text order (facts sorted by offset)."""
    lists: list[PartList] = []
    in_marked: set[int] = set()  # a marked list belongs to the first total of its sentence
    owner_of: dict[int, int] = {}  # part → its total, for every list so far
    for i, total in enumerate(facts):
        if not countable(total):
            continue
        bracketed = _bracketed(text, facts, i)
        if bracketed is not None:
            lists.append(bracketed)
            owner_of.update((j, i) for j in bracketed.parts)
        marked = _marked(text, facts, i)
        if bracketed is None and not marked:  # 行政复议6件，结果维持1件…: what became of them; or parts by their sum
            marked = _paired_cases(text, facts, i) or _case_outcomes(text, facts, i) or _adds_up(text, facts, i, owner_of)
        for found in marked:
            if not in_marked.intersection(found.parts):
                found = _beyond_its_total(text, facts, found, owner_of)
                lists.append(found)
                in_marked.update(found.parts)
                owner_of.update((j, found.total) for j in found.parts)
    return lists


def _beyond_its_total(text: str, facts: list[Fact], found: PartList, owner_of: dict[int, int]) -> PartList:
    """A list opening the sentence after its total, whose parts add up to more than that total, which
    is itself a part of a total they do not exceed, belongs to that total (``主动公开信息512条，网站公开117条，
    微信公开379条，其他形式公开16条。其中规范性文件3条，政策解读4条，公告公示76条``: a breakdown of the 512,
    not of the 16)."""
    above = owner_of.get(found.total)
    if above is None or not any(ch in FULL_STOPS for ch in text[facts[found.total].end:facts[found.parts[0]].start]):
        return found
    sum_of = sum(facts[j].value for j in found.parts if countable(facts[j]))
    if sum_of <= facts[found.total].value or sum_of > facts[above].value:
        return found
    return replace(found, total=above)


def link_parts(text: str, facts: list[Fact]) -> None:
    """Set ``part_of`` on every fact that is a part of an earlier fact (the nearest list wins
    when two could claim it: a bracketed list inside a marked one breaks down that part),
    then give each topic part of published items its total's label, and each part of the applications
    processed that names how they came in the processed label (FACTS.md §4 rule 2:
    工作动态40条 under 网站公开信息64条 is WEBSITE_POSTS, whatever the extractor said), or the
    label of the channel an earlier part of the same list names as what publishes (其中，网页发布
    简介类信息32条，公开征求意见稿3条: both on the web page; not 其中网站150条、工作动态60条).

    A count of 其他处理 that closes a list of outcomes is a part of the applications the list
    breaks down, with their label; one whose list hangs off no stated total counts nothing the
    catalogue names and is dropped (``facts`` is changed in place)."""
    outcomes_of = {id(f): _outcomes_total(text, facts, i) for i, f in enumerate(facts) if _other_outcome(text, f)}
    outcomes_of = {key: None if j is None else facts[j] for key, j in outcomes_of.items()}  # the total, as a fact
    facts[:] = [f for f in facts if id(f) not in outcomes_of or outcomes_of[id(f)] is not None]
    position = {id(f): k for k, f in enumerate(facts)}
    for fact in facts:
        fact.part_of = None
    respective: set[int] = set()  # 微信和微博分别发布200条、90条: each part already has its own channel
    list_start: dict[int, int] = {}  # part → where its list's first part starts
    summed: set[int] = set()  # parts of lists found by their sum: each names its own channel or none
    for found in sorted(find_part_lists(text, facts), key=lambda p: facts[p.total].start):
        for j in found.parts:
            facts[j].part_of = found.total
            list_start[j] = facts[found.parts[0]].start
        if found.summed:
            summed.update(found.parts)
        labels = [facts[j].label for j in found.parts]
        opened = text[facts[found.total].end:facts[found.parts[0]].start]
        if "分别" in opened and len(set(labels)) == len(labels) and set(labels) <= set(POSTS) - {"INFO_PUBLISHED"}:
            respective.update(found.parts)
    for fact in facts:
        if fact.part_of is None and outcomes_of.get(id(fact)) is not None:
            total = position[id(outcomes_of[id(fact)])]
            while facts[total].part_of is not None and facts[facts[total].part_of].label == facts[total].label:
                total = facts[total].part_of  # 收到13件，其中系统收到11件、信箱收到2件；予以公开2件…: of the 13
            fact.part_of, fact.label = total, facts[total].label
    named: dict[int, str] = {}  # list total → the channel its last part so far named in its own words
    for i, fact in enumerate(facts):
        if fact.part_of is None or i in respective:
            continue
        total = facts[fact.part_of]
        if (total.label, fact.label) == ("APP_PROCESSED", "APP_RECEIVED"):
            fact.label = total.label  # the applications processed, by the way they came in
            continue
        if total.label not in POSTS or fact.label not in POSTS or past_a_semicolon(text, list_start[i], fact.start):
            continue  # after a semicolon in its list, a part's own reading stands
        own_channel = _channel_publishing(text[max(facts[i - 1].end if i else 0, fact.start - 40):fact.start], fact)
        # (a part of a list found by its sum names no channel for the parts after it, nor takes one)
        if own_channel is not None:  # 其中通过区政府网站公开政策文件20条、工作动态50条: both on the website
            fact.label = own_channel
            if i not in summed:
                named[fact.part_of] = own_channel
        elif _names_channel(text, fact):
            if i not in summed and _PUBLISHES.search(_own_words(text, fact)):  # 网页全年发布简介类信息32条, not 网站150条
                named[fact.part_of] = fact.label
        elif OWN_PUBLISHER.search(_own_words(text, fact)):  # 网站公开900条，各区县主动公开1500条: none of the website's
            fact.label = total.label
            named.pop(fact.part_of, None)
        else:
            fact.label = total.label if i in summed else named.get(fact.part_of, total.label)


def _other_outcome(text: str, fact: Fact) -> bool:
    """Is the fact a count of applications 其他处理 (handled otherwise than the named outcomes:
    表三's （六）其他处理) in its own words?"""
    return fact.label in _APPLICATIONS and countable(fact) and "其他处理" in _own_words(text, fact)


def _outcomes_total(text: str, facts: list[Fact], i: int) -> int | None:
    """The applications whose outcomes a 其他处理 count `i` closes the list of: the count of
    received or processed applications right before the run of outcomes (rates and bracketed
    asides between them allowed), in the same paragraph; None when the list hangs off no stated
    total (``上年结转2件。所有办结的申请中同意公开9件…其他处理14件``)."""
    j = i - 1
    while j >= 0 and (facts[j].label in OUTCOMES or not countable(facts[j]) or _other_outcome(text, facts[j])
                      or enclosed(text[facts[j].end:facts[i].start])):
        j -= 1
    if j < 0 or facts[j].label not in _APPLICATIONS or not countable(facts[j]):
        return None
    if facts[i].start - facts[j].end > LIST_REACH or PARAGRAPH_BREAK.search(text, facts[j].end, facts[i].start):
        return None
    return j


def enclosed(between: str) -> bool:
    """Does a bracket close in `between` that opened before it (the fact just before `between`
    is an aside: ``办理56件（含上年结转6件），其中…``)?"""
    depth = 0
    for ch in between:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth -= 1
            if depth < 0:
                return True
    return False


def paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph around `pos` starts: after the last line that ends a sentence, or
    the last blank line, before it; at most LIST_REACH characters before it."""
    floor = max(0, pos - LIST_REACH)
    starts = [m.end() for m in PARAGRAPH_BREAK.finditer(text, floor, pos)]
    return starts[-1] if starts else floor


def same_label_parts(facts: list[Fact]) -> set[int]:
    """Indices of parts that keep their total's label (FACTS.md §4 rule 2): never compared
    with the table cell of that label, which counts the whole."""
    return {i for i, f in enumerate(facts)
            if f.part_of is not None and 0 <= f.part_of < len(facts) and facts[f.part_of].label == f.label}


def _names_channel(text: str, fact: Fact) -> bool:
    """Does the part's own words (since the previous separator) name its label's channel (for
    INFO_PUBLISHED: a place off the web or another way)?"""
    from nianbao.facts.catalogue import catalogue

    own = _own_words(text, fact)
    if fact.label == "INFO_PUBLISHED":
        return bool(OFFLINE.search(own))  # 通过公示栏等途径发布信息60条: off the web, named as such
    return any(cue in own for cue in catalogue()[fact.label].cues)


def _channel_publishing(words: str, fact: Fact) -> str | None:
    """The one channel the words between a part and the fact before it name as publishing it
    (其中通过门户网站公开政策文件20条; 通过本局的微信公众号、“某某发布”、公开政务信息30条), None
    when they name none, several, or a channel without a publishing verb (网站150条)."""
    from nianbao.facts.rules import UNITS_OK, channels_named

    named = channels_named(words)
    if len(named) != 1 or not _PUBLISHES.search(words) or OFFLINE.search(words):
        return None
    (channel,) = named
    return channel if fact.unit in UNITS_OK.get(channel, ()) else None


def _own_words(text: str, fact: Fact) -> str:
    """The words before a fact since the previous separator (20 characters at most)."""
    return words_before(text, fact.start)


def words_before(text: str, pos: int, separators: str = _SEPARATORS) -> str:
    """The words before `pos` since the previous of `separators` (20 characters at most)."""
    left = last_of(text, separators, pos) + 1
    return text[max(left, pos - 20):pos]


def past_a_semicolon(text: str, start: int, end: int) -> bool:
    """Is there a semicolon in `text[start:end]` (a list's parts after one keep their own readings)?"""
    return "；" in text[start:end] or ";" in text[start:end]


def _sentence_end(text: str, start: int, ends: str = SENTENCE_ENDS) -> int:
    right = first_of(text, ends, start)
    return right if right != -1 else len(text)


def _closing(text: str, opened: int, limit: int) -> int | None:
    """The bracket closing the one at `opened` (nesting respected), before `limit`."""
    depth = 0
    for k in range(opened, min(limit, len(text))):
        if text[k] in OPEN:
            depth += 1
        elif text[k] in CLOSE:
            depth -= 1
            if depth == 0:
                return k
    return None


def _bracketed(text: str, facts: list[Fact], i: int) -> PartList | None:
    total = facts[i]
    after = text[total.end:total.end + 3]
    stripped = after.lstrip(" \u3000")
    if not stripped or stripped[0] not in OPEN:
        return None
    opened = total.end + len(after) - len(stripped)
    closed = _closing(text, opened, opened + 400)
    if closed is None:
        return None
    inside = [j for j in range(i + 1, len(facts)) if opened < facts[j].start and facts[j].end <= closed]
    top = _outside_brackets(text, opened + 1, facts, inside)
    parts = [j for j in top if can_be_part(total, facts[j]) or _carried_over_in(total, facts[j])]
    if not parts or len(parts) != len([j for j in top if countable(facts[j])]):
        return None
    content = text[opened + 1:closed].strip()
    partial = content.startswith(PARTIAL_WORDS) and "其他" not in content or content.rstrip("。 ").endswith("等")
    marker = next((m for m in MARKERS if content.startswith(m)), None)
    return PartList(total=i, parts=tuple(parts), bracketed=True, marker=marker, partial=partial)


def _another_channel(total: Fact, part: Fact) -> bool:
    """Is `part` a count of a channel that the channel `total` counts does not hold (a website holds no WeChat
    posts; only new media hold them)?"""
    return total.label in POSTS and part.label in POSTS and "INFO_PUBLISHED" not in (total.label, part.label) \
        and part.label != total.label and part.label not in PART_LABELS.get(total.label, ())


def _carried_over_in(total: Fact, part: Fact) -> bool:
    """Is `part` the applications carried over from last year that a count of applications received or
    processed says in brackets it includes (``答复458件（含上年结转8件）``)?"""
    return total.label in _APPLICATIONS and part.label == "APP_CARRIED_OVER" and countable(part)


def _marked(text: str, facts: list[Fact], i: int) -> list[PartList]:
    """Marked lists after total `i` in its sentence; a second marker starts a second list of
    the same total (``收到申请20件，其中网上12件、信函8件，其中自然人18件、法人2件``)."""
    total = facts[i]
    end = _sentence_end(text, total.end)
    following = _within(facts, i, total.end, end)
    referred = None
    if all(facts[j].unit in PERCENT for j in following):  # the total ends its sentence (or a rate after it
        # does: 公开信息193条，全文电子化率达100%。其中…): the next may open on its parts
        referred = REFERS_BACK.match(text, end + 1)
        aside = _sentence_end(text, end + 1)  # or the one after a short remark that counts nothing
        if referred is None and aside - end < ASIDE_CHARS and not _starts_between(facts, i, end, aside):
            referred = REFERS_BACK.match(text, aside + 1)
        if referred is None:
            return []
        end = _sentence_end(text, referred.end(), FULL_STOPS)  # on over semicolons, as below
        following = _within(facts, i, referred.end(), end)
    outside = _outside_brackets(text, total.end, facts, following)
    if not outside:
        return []
    # a rate or a zero claim before the first part does not end the lead to it, unless the rate is the
    # total's own share (任务数120条的147.5%，其中…: the 120 is no total of what follows)
    first = next((j for j in outside if countable(facts[j])), None)
    if first is None or _own_share(text, total, facts[outside[0]]):
        first = outside[0]
    lead = text[total.end:facts[first].start]
    marker = "其中" if referred is not None else _marker(lead)
    if marker is None and not any(colon in unbracketed(lead) for colon in "：:"):
        return []  # no marker and no colon between the total and its first part
    if referred is None:  # a marked list runs on over semicolons (其中：网站120条；微信80条；…)
        end = _sentence_end(text, total.end, FULL_STOPS)
        outside = _outside_brackets(text, total.end, facts, _within(facts, i, total.end, end))
    runs: list[tuple[str | None, int, list[int]]] = [(marker, i, [])]  # marker, whose parts, parts
    previous = total.end
    nested_until = None  # the part that completes the breakdown of a part (its counts add up to it)
    for n, j in enumerate(outside):
        if not countable(facts[j]):
            continue
        if not can_be_part(total, facts[j]) or _received_instead(total, facts[j], text) or \
                _another_channel(total, facts[j]) and past_a_semicolon(text, facts[first].start, facts[j].start):
            break  # past a semicolon, another channel than the total's is no part of it (网站发布713条，其中…；微信…)
        again = _marker(text[previous:facts[j].start])
        if again is not None and runs[-1][2] and past_a_semicolon(text, facts[first].start, facts[j].start):
            break  # a marker past a semicolon opens the list of another total (…623条；公开文件991件，其中…)
        mark, owner, parts = runs[-1]
        if owner != i and facts[j].label in POSTS and facts[j].label != facts[owner].label and \
                _names_channel(text, facts[j]):
            runs.append((None, i, []))  # another channel of the total after a channel's topics
        elif parts and again is not None:
            completes = _breakdown_end(text, total, facts, parts[-1], outside[n:])
            if completes is not None:  # 其中网站公开200条，分别为概况类50条、动态150条: the 200's parts
                nested_until = completes
            runs.append((again, parts[-1] if completes is not None or _breaks_down(total, facts[parts[-1]], text)
                         else i, []))
        elif nested_until is not None and previous == facts[nested_until].end:
            runs.append((None, i, []))  # the total's parts go on after the part's breakdown
        runs[-1][2].append(j)
        previous = facts[j].end
    lists = []
    for k, (mark, owner, parts) in enumerate(runs):
        if not parts:
            continue
        stop = facts[runs[k + 1][2][0]].start if k + 1 < len(runs) and runs[k + 1][2] else end
        listed = text[facts[parts[0]].start:facts[parts[-1]].end]
        partial = mark in PARTIAL_WORDS and "其他" not in listed or text[facts[parts[-1]].end:stop].lstrip().startswith("等")
        lists.append(PartList(total=owner, parts=tuple(parts), bracketed=False, marker=mark, partial=partial))
    return lists


CASES = ("REVIEW_CASES", "LITIGATION_CASES")
# what became of an appeal or a lawsuit, said before or after its count (维持12件, 3件维持, 1件尚未审结)
CASE_OUTCOME = re.compile(r"维持|驳回|撤诉|撤回|纠正|纠错|确认违法|撤销|审结|胜诉|败诉|其他结果|终止|重新作出|调解|和解")


def _case_outcomes(text: str, facts: list[Fact], i: int) -> list[PartList]:
    """The outcomes of the appeals or lawsuits counted by total `i`, listed after it without a
    marker in its sentence (``行政复议6件，结果维持1件，结果纠正2件，其他结果3件``; ``行政诉讼2件，
    1件维持；1件尚未审结``): each a count of the same label whose own stretch (its clause, up to the
    clause of the next count) names an outcome, up to the first count that names none, counts more
    than the total or counts something else (``…；行政诉讼4件``). The list may leave outcomes out: its
    sum may only not exceed the total."""
    total = facts[i]
    if total.label not in CASES or not countable(total):
        return []
    end = _sentence_end(text, total.end, FULL_STOPS)
    following = _within(facts, i, total.end, end)
    parts = []
    for n, j in enumerate(following):
        part = facts[j]
        if part.label != total.label or not countable(part) or part.value > total.value:
            break
        left = max([facts[j - 1].end] + [text.rfind(ch, facts[j - 1].end, part.start) + 1 for ch in "，,；;、"])
        if n + 1 < len(following):  # up to the clause of the next count (已办结30件，撤回申请9件: 撤回 is the 9's)
            after = facts[following[n + 1]].start
            cut = max(text.rfind(ch, part.end, after) for ch in "，,；;、")
            right = after if cut == -1 else cut
        else:  # the last may name its outcome a clause later (1件因…，要求重新作出答复)
            right = end
        right = min([right, *(k for k in (text.find(ch, part.end, end) for ch in "；;") if k != -1)])
        if not CASE_OUTCOME.search(text, left, right):
            break
        parts.append(j)
    return [PartList(total=i, parts=tuple(parts), bracketed=False, marker=None, partial=True)] if parts else []


def _paired_cases(text: str, facts: list[Fact], i: int) -> list[PartList]:
    """A marked list after a count of appeals `i` and a count of lawsuits right after it (or of lawsuits,
    then appeals), whose parts name their own kind (``行政复议192件，行政诉讼73件，其中140件行政复议、49件
    行政诉讼获维持，8件行政复议结果纠正``): each part belongs to the count of its own kind, a list for each."""
    total = facts[i]
    if total.label not in CASES or not countable(total) or i + 1 >= len(facts):
        return []
    other = facts[i + 1]
    between = text[total.end:other.start]
    if other.label not in CASES or other.label == total.label or not countable(other) or len(between) > 12 or \
            any(ch in between for ch in SENTENCE_ENDS):
        return []
    following = _within(facts, i + 1, other.end, _sentence_end(text, other.end, FULL_STOPS))
    marker = _marker(text[other.end:facts[following[0]].start]) if following else None
    if marker is None:
        return []
    parts: dict[int, list[int]] = {i: [], i + 1: []}
    for j in following:
        owner = next((k for k in parts if facts[k].label == facts[j].label), None)
        if owner is None or not countable(facts[j]) or facts[j].value > facts[owner].value:
            break
        parts[owner].append(j)
    return [PartList(total=k, parts=tuple(found), bracketed=False, marker=marker, partial=True)
            for k, found in parts.items() if found]


_BLANKS = re.compile(r"[ \u3000\n]*")


def _adds_up(text: str, facts: list[Fact], i: int, owner_of: dict[int, int]) -> list[PartList]:
    """The counts right after total `i`, with no marker, that add up exactly to it (``主动公开信息512条，
    通过门户网站公开117条，政务微信公开379条，其他形式公开16条``; ``通过区政府网站公开信息30条。概况2条，计划3条，
    预决算25条。``): two or more, in its sentence (or, when it ends its sentence, in the next one, a line
    break between them or not), each one that can be a part of it, the first the next count after it;
    counts of 0 that close the sentence of the last one belong to the list too. The total is the first
    count of its sentence, and no part is one of a list already (`owner_of`): in a run of peers (``工作会议
    4条，重大项目2条，发展规划2条``) one count adding up to the next ones is chance. A whole list: its sum is
    checked with =."""
    total = facts[i]
    if not countable(total) or total.qualifier != "exact" or not total.value:
        return []
    opened = max(text.rfind(ch, max(0, total.start - LIST_REACH), total.start) for ch in SENTENCE_ENDS) + 1
    for j in range(i - 1, -1, -1):
        if facts[j].start < opened:
            break
        if countable(facts[j]) and facts[j].start < total.start:
            return []  # a count of a run of peers, not the total of what follows
    end = _sentence_end(text, total.end, FULL_STOPS)
    if not _within(facts, i, total.end, end):  # it ends its sentence: the next one may list its parts
        end = _sentence_end(text, _BLANKS.match(text, end + 1).end(), FULL_STOPS)
    following = _within(facts, i, total.end, end)
    twin = facts[i + 1] if i + 1 < len(facts) and facts[i + 1].start == total.start else None
    if twin is not None and following and facts[following[0]].label == twin.label != total.label:
        return []  # one span, two counts (收到及办理申请5件): the list is the one its parts' label names
    counts = [j for j in following if facts[j].unit not in PERCENT]  # not the shares said beside them (占比20%)
    if not counts or _marker(text[total.end:facts[counts[0]].start]) is not None:
        return []
    fits = lambda j: (countable(facts[j]) and facts[j].qualifier == "exact" and  # noqa: E731
                      can_be_part(total, facts[j]) and j not in owner_of)
    parts = _adding_up(text, facts, counts, total, fits)
    if parts is None:
        return []
    closing = _sentence_end(text, facts[parts[-1]].end)
    for j in counts[len(parts):]:  # counts of 0 that close the last part's sentence
        if facts[j].value != 0 or closing < facts[j].start or not fits(j) or \
                _marker(text[facts[parts[-1]].end:facts[j].start]) is not None:
            break
        parts.append(j)
    return [PartList(total=i, parts=tuple(parts), bracketed=False, marker=None, partial=False, summed=True)]


# the next sentence opens on parts of the total that ended the one before (or the one after a
# remark of at most ASIDE_CHARS characters that counts nothing)
ASIDE_CHARS = 40
REFERS_BACK = re.compile(r"[ \u3000\n]*(?:其中|在(?:主动)?公开的(?:政府)?信息中|具体(?:为|是|包括|如下)|"
                          r"主要(?:类别|内容)?(?:是|有|包括|为))[，,：:]?")

# a part starts at most this far after the end of its total (the farthest of the 7,391 parts in the
# real-page gold starts 489 characters after it): a sentence that runs on for pages with hundreds of
# counts (a table printed without line ends) is read in time linear in its length
LIST_REACH = 1500


def _starts_between(facts: list[Fact], i: int, start: int, end: int) -> bool:
    """Does a fact start strictly between `start` and `end`, both after fact `i` starts (facts sorted
    by offset, so only the facts after `i` can)?"""
    for j in range(i + 1, len(facts)):
        if facts[j].start >= end:
            return False
        if facts[j].start > start:
            return True
    return False


def _within(facts: list[Fact], i: int, start: int, end: int) -> list[int]:
    """The facts after fact `i` (facts sorted by offset) that lie between `start` and `end`, and
    start at most LIST_REACH characters after fact `i` ends."""
    limit = min(end, facts[i].end + LIST_REACH)
    found = []
    for j in range(i + 1, len(facts)):
        if facts[j].start > limit:
            break
        if facts[j].start >= start and facts[j].end <= end:
            found.append(j)
    return found


RECEIVED = "收到|受理|接收|接到"  # verbs of something received (a regex alternation)


def _received_instead(total: Fact, part: Fact, text: str) -> bool:
    """Is `part` a catalogued kind of its own (not a channel) that its own words say was received, after a
    total of published items (信息122条，其中专栏74条、…，共收到建议提案4件): a count of something else,
    where the list has run on?"""
    return total.label in POSTS and part.label not in POSTS and \
        re.search(RECEIVED, words_before(text, part.start, "，,；;。\n")) is not None


def _own_share(text: str, total: Fact, fact: Fact) -> bool:
    """Is `fact` a share said right after `total` (120条的147.5%, 24条，占9%)?"""
    between = text[total.end:fact.start]
    return fact.unit in PERCENT and re.fullmatch(r"\s*(?:的|[，,]?\s*约?占(?:比)?(?:为)?)\s*", between) is not None


def _breakdown_end(text: str, total: Fact, facts: list[Fact], part: int, following: list[int]) -> int | None:
    """The last of two or more counts from `following` on, in one run with no marker between them, that add
    up exactly to `part` (a part of `total` whose breakdown a marker opens right after it): None when they
    do not (``其中网上12件、信函8件，其中自然人18件、法人2件`` breaks down the 20, not the 8)."""
    run = _adding_up(text, facts, following, facts[part],
                     lambda j: countable(facts[j]) and can_be_part(total, facts[j]))
    return run[-1] if run else None


def _adding_up(text: str, facts: list[Fact], following: list[int], whole: Fact,
               fits: Callable[[int], bool]) -> list[int] | None:
    """The counts of `following` from the first on, up to the first at which they add up exactly to
    `whole` (two or more, each one that `fits`, no list marker between two of them); None when they
    do not (a count that does not fit, or the sum passing the whole, ends the run)."""
    running, previous, run = 0.0, whole.end, []
    for j in following:
        if not fits(j) or (run and _marker(text[previous:facts[j].start])):
            return None
        running += facts[j].value
        run.append(j)
        if len(run) > 1 and abs(running - whole.value) < 1e-9:
            return run
        if running > whole.value:
            return None
        previous = facts[j].end
    return None


def _breaks_down(total: Fact, part: Fact, text: str) -> bool:
    """Is `part` a channel of published items `total` (a label of its own, named in its words; or the
    total's label, with the places that published it named in its words: 其中，通过门户网站及其他公开平台
    公开信息500条，包含…), so that a list marked right after it lists that channel's topics?"""
    if total.label not in POSTS or part.label not in POSTS:
        return False
    if part.label != total.label:
        return _names_channel(text, part)
    from nianbao.facts.rules import channels_named

    return bool(channels_named(_own_words(text, part)))


def _marker(between: str) -> str | None:
    """The list marker in the words between a total (or a part) and the next fact, outside any
    bracketed remark (``机关简介3条（其中简介1条…），预算说明3条``: no list after the remark); 含 only
    right at the start (含上年结转…, not 包含 inside a noun)."""
    between = unbracketed(between)
    found = next((m for m in MARKERS if m in between and m != "含"), None)
    if found is None and between.lstrip(" \u3000，,").startswith("含"):
        return "含"
    return found


def unbracketed(words: str) -> str:
    """`words` without what brackets enclose (an unclosed bracket encloses the rest)."""
    depth, kept = 0, []
    for ch in words:
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
        elif not depth:
            kept.append(ch)
    return "".join(kept)


def _outside_brackets(text: str, start: int, facts: list[Fact], indices: list[int]) -> list[int]:
    """The facts of `indices` (in text order) that no bracket opened after `start` encloses,
    read in one pass over the text (a sentence may hold hundreds of counts)."""
    depth, at, kept = 0, start, []
    for j in indices:
        for ch in text[at:facts[j].start]:
            if ch in OPEN:
                depth += 1
            elif ch in CLOSE and depth:
                depth -= 1
        at = max(at, facts[j].start)
        if depth == 0:
            kept.append(j)
    return kept
