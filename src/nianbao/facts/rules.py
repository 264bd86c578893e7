"""The rules baseline: label each candidate mention from keyword cues around it.

A deliberately simple, honest extractor that the trained tagger is compared against.
For every `Candidate` of kind ``quantity`` or ``zero_claim`` (years, dates, phone numbers,
list markers … are never facts):

1. **Zero claims** (未/无/没有) look *right*, to the end of the clause: 复议 and 诉讼 give
   ``REVIEW_CASES`` and ``LITIGATION_CASES`` (both when both are named, FACTS.md §4); else
   a fee cue gives ``FEE_COLLECTED``; else the first catalogue cue (申请 → ``APP_RECEIVED``).
   Nothing countable after the cue (未发生泄密事件) → dropped.
2. **Quantities** look at the noun right after the unit first (``6个综合窗口``: the count
   is of 窗口, which no label counts → dropped; ``129项便民服务事项`` → ``SERVICE_ITEMS``),
   then left, at the catalogue cue nearest the number: first in the clause (since the
   previous mention or comma), then in the rest of the sentence.  Within each, verbs and
   specific nouns (tier 1: 收到, 办结, 自然人, 规范性文件 …) beat generic words (tier 2:
   申请, 事项, 发布, 信息).  Carried-over/forward cues beat a nearer 办理/答复 in their
   clause (转下一年度办理答复的有1件).  Cues are read across line breaks (PDF wraps).
3. **Channels** refine the posts family: a channel word (网站, 公众号, 微博, 政务新媒体 …)
   nearest in the sentence turns a publishing cue into that channel's posts label, a
   count in 个/家 into ``NEW_MEDIA_ACCOUNTS``, in 人/户 into ``FOLLOWERS``, in 次 into
   ``VIEWS`` (FACTS.md §4: 发布信息635条 on a WeChat account is ``WECHAT_POSTS``). A list of
   channels closed by 等渠道/等平台 names no one channel: its count is ``INFO_PUBLISHED``.
   Several channels in the count's own clause publish together (网站、新媒体共公开 →
   ``INFO_PUBLISHED``; 微博、微信 only → ``OTHER_MEDIA_POSTS``).
   A count in a list of topics after a count of published items (``其中概况类1105条；政务动态
   4086条``, also opening the next sentence: ``…252条。其中，机构概况信息11条``) is a part of it
   and takes its label (§4 rule 2) when it names no cue of its own or only 信息. So are the items
   of a list a colon opens after words that publish (``本局网站公开以下信息：`` and numbered lines
   below it; ``全年发布的信息分为：工作动态12条，通知公告5条``): the heading's one channel, else its
   channel's count, else (mid-line) ``INFO_PUBLISHED``.
4. **Units** must fit the label (``RATE`` only in %, money labels in 元, posts in 条/篇 …);
   a cue whose label does not fit is skipped for the next nearest, but a clause that names
   a cue never borrows one from further back (培训251人次 is not a count of sessions).
   Any % (or 成) is a ``RATE``.
   A processing verb counts the applications received when a receiving verb shares its
   clause (收到并办结16件) or 办理 opens the sentence and outcomes are counted after it.
   An application verb counts messages or suggestions when the nearest topic word before it
   says so (市长信箱收到来信238件，办结99件 → ``PUBLIC_MESSAGES``; 建议提案办理结果22条 →
   ``NPC_SUGGESTIONS``). A disclosure site (信息公开网, 三务公开网站) is the disclosure platform:
   its items are ``INFO_PUBLISHED``, whatever channel was named before it.
5. **Dropped**: changes (增加了3例, 同比增长), counts of things no label counts (板块, 窗口,
   领域, 部门, 政策性文件, 文件 …; a column named before a publishing verb is only where the
   items went), items sent up or taken up (报送, 被…采用), bare numbers with no unit unless a
   colon/为/达 leads in.

``Fact.score`` is a fixed confidence per rule path (see `_SCORES`), not a probability.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from operator import attrgetter

from nianbao.facts.candidates import Candidate, find_candidates, is_zero_cue, narrative_exclusions
from nianbao.facts.catalogue import catalogue
from nianbao.facts.decode import count_partners
from nianbao.facts.normalise import parse_quantity
from nianbao.facts.parts import (ASIDE_CHARS, CASE_OUTCOME, CASES, LIST_REACH, MARKERS, OFFLINE, OWN_PUBLISHER,
                                 PUBLISHING_VERBS, RECEIVED, REFERS_BACK, words_before)
from nianbao.report import Fact, Report
from nianbao.scan import first_of, indices_starting_in, last_of, starting_in
from nianbao.sections import NUMBERING, YEAR_NAMED

CHANNEL_POSTS = ("WEBSITE_POSTS", "WECHAT_POSTS", "WEIBO_POSTS", "OTHER_MEDIA_POSTS")
POST = "POST"  # a publishing verb: INFO_PUBLISHED unless a channel is named
BLOCK = "BLOCK"  # a noun no label counts
GENERIC = {"申请": "APP_RECEIVED", "申请件": "APP_RECEIVED", "事项": "SERVICE_ITEMS", "信息": "INFO_PUBLISHED",
           # 收到依申请公开政府信息3件 counts applications, not published items (a verb before it still decides)
           **{cue: "APP_RECEIVED" for cue in ("依申请公开", "依申请公开信息", "依申请公开政府信息")},
           # 接到依申请公开办件18件, 依申请公开事项7项: applications, not services (the verb still decides)
           **{cue: "APP_RECEIVED" for cue in ("依申请公开事项", "依申请公开办件", "依申请公开件")},
           "发布": POST, "发稿": POST, "推送": POST, "刊发": POST, "编发": POST, "更新": POST, "公布": POST,
           "公开": POST, "公示": POST, "报道": POST,
           # 部门预算12条: budgets published, a topic of the items (部门 alone counts departments)
           **{budget: "INFO_PUBLISHED" for budget in ("部门预算", "部门决算", "部门预决算", "部门财政预算", "部门财政决算",
                                                      "部门财政预决算", "部门决算预算")},
           # 推送52篇推文, 刊发8篇稿件: the posts named after the count; the channel of the sentence decides
           **{noun: "INFO_PUBLISHED" for noun in ("推文", "稿件", "文章")},
           # 行政复议2件，其中结果维持1件，尚未审结1件: what became of the appeals (or of the lawsuits, `_by_topic`)
           **{outcome: "REVIEW_CASES" for outcome in ("结果维持", "结果纠正", "其他结果", "尚未审结")}}
# the disclosure site is the disclosure platform, not the portal website (guide §4): a channel of its own
# whose items are INFO_PUBLISHED, so that a website or an account named earlier does not claim them
# (三务公开网站, 某某人民政府公开网站); not 公开网上 nor 公开网络 (online)
DISCLOSURE_SITES = ("信息公开网站", "信息公开网", "政务公开网站", "政务公开网", "公开网站", "公开网",
                    # 政府信息公开门户网站, 政务公开专栏网站, 政务公开官方网站: named after disclosure, a portal or not
                    "公开门户网站", "公开门户网", "公开专栏网站", "公开官方网站")
PUBLISHING = ("发布", "发稿", "推送", "刊发", "编发", "报道")  # 推送短视频1113个 counts posts, not accounts
SPECIFIC = {"类信息": "INFO_PUBLISHED",  # 规范性文件类信息68条 counts published items, not documents
            "文件类": "INFO_PUBLISHED",  # a topic of published items (乡镇文件类43条), not a count of documents
            "会议信息": "INFO_PUBLISHED",
            "信箱": "PUBLIC_MESSAGES",  # 办理门户网站区长信箱信件26件: the letters of a mailbox, wherever it sits
            # the hotline's, petitions' and online questions' cases (受理12345热线工单50件, 办理信访事项12件)
            **{line: "PUBLIC_MESSAGES" for line in ("12345", "信访", "群工系统", "网络问政", "问政")},
            # documents in force after a count of normative documents made (现行有效文件57件): normative documents
            **{in_force: "NORMATIVE_DOCS" for in_force in ("现行有效文件", "现行有效件数")},
            # the public's suggestions beside its comments or questions (群众意见建议, 网上咨询和建议): messages
            **{said: "PUBLIC_MESSAGES" for said in ("意见建议", "意见和建议", "留言建议", "咨询和建议", "咨询建议",
                                                    "投诉建议", "投诉、建议", "意见、建议")}}
# words a cue's own items are counted in besides its label's units, read as items (条) when the count follows
# the cue (常务会议信息21次, 会议信息8份: each meeting's items; 主动公开政务信息3000余份; not 份 further on:
# 公开信息130条，发放宣传册3000余份 are brochures handed out)
ITEM_COUNTS = {"会议信息": ("次", "期", "份"), "信息": ("份",)}
_TOTALLED = "(?:共|共计|合计|累计|总计)?\\s*$"  # what may stand between a cue and its count
# Within one clause these win over a nearer 办理/答复/收到: 转下一年度办理答复的有1件.
PRECEDENCE = ("APP_CARRIED_FORWARD", "APP_CARRIED_OVER")
BLOCKERS = (
    "政策性文件", "政策文件", "文件", "公文", "规章制度", "板块", "窗口", "领域", "栏目", "专栏", "部门", "单位", "镇街", "社区", "乡镇", "街道",
    "村", "会议", "人员", "干部", "问题", "目录", "专题", "试点", "示范点", "场所", "站点", "机构", "阵地",
    "渠道", "方面", "重点", "工作日", "小时", "分钟", "其他处理", "点赞", "系统", "征集",
    "撤销", "撤回",  # withdrawn applications (申请人撤销申请2件): no label counts them
    "公报", "在线访谈",  # issues of a gazette (编发政府公报7期), interviews held online (开展在线访谈5次)
    # places set up to read or hand in requests (设立1个信息公开查阅点), open days held (政府开放日活动2次)
    "查阅点", "受理点", "开放日",
)
# items sent up to, or taken up by, others, or filed away: not published (guide §4)
# 同一信息计为1条, 相同信息计1条: how items are counted
NOT_PUBLISHED = re.compile(r"报送|上报|投递|移送|被[^，,。；]{0,12}(?:采用|采纳|录用)|移交|送交|归档|计为$|(?:相同|同一)[^，,。；（(]{0,8}计$|"
                           # made or obtained, written, cleared away, taken up by others: not published here
                           r"(?<!发布)制作(?![^，,。；]{0,6}(?:发布|推送|上线|公开))|获取|制发(?![^，,。；]{0,4}公开)|(?<!发布)撰写|清理|"
                           r"(?<!招考)(?<!招聘)录用|采用(?![^，,。；]{0,8}(?:形式|方式))|采纳")
POSTS_FAMILY = CHANNEL_POSTS + ("INFO_PUBLISHED",)
PLACES = ("栏目", "专栏", "专题", "目录", "公报")  # blockers that can name where items were published
CHANGE = re.compile(r"(增加|增长|减少|下降|提升|提高|上升|同比|环比|较上年|比上年|较去年|比去年|多出)了?[^，,。；]{0,3}$")
_PER_PERIOD = re.compile(r"每(?:日|天|周|星期|旬|月|季度|季|半年|年度|年)(?![头新电经商])")  # not 每日头条, a paper
_OVER_THE_YEARS = re.compile(r"历年|自(?:19|20)\d\d年(?:以来|起)")
# 平均阅读量800次, 日均访问量450人次, 最高日阅读量5万次: an average or a maximum, not a total of the year
# (FACTS.md §5); not 全年均按时办结 (均, all), 最多跑一次 (a reform's name) nor 最高人民法院
_AVERAGE_OR_MAXIMUM = re.compile(r"平均|均值|峰值|单篇|单日|单条|最高(?!人民|法院|检察)|"
                                 r"(?<![全本当今该同上])[日月周年篇]均(?:阅读|浏览|访问|访客|点击|发布|发文|更新|推送|转发|受理|办理|接听|接待|来电|量|数)")
LEAD_IN = re.compile(r"(：|:|为|达|计|共)\s*$")
# published items counted with the unit left out (主动公开政府信息482): the noun ends the clause
_UNITLESS_ITEMS = re.compile(r"(?:发布|公开|公布|更新|推送)[^，,。；;：:]{0,16}信息(?:数量)?\s*$")
FUNCTION_START = tuple("的了并和及与其均全已较同比占共，,。；;、)）")
STOPS = "。；;！!？?"
# how far back a count's sentence is read for its cue and channel: a website named at the head of a long
# sentence (依托某某门户网站平台，及时公开…等信息4861条) still places the items counted at its end
SENTENCE_REACH = 120
CLAUSE_STOPS = STOPS + "，,\n"

COUNT = {"件", "个", "条", "项", "例", "份", "起", "宗", "件次", None}
POSTS_UNITS = {"条", "篇", "期", "次", "件", "场", "个", None}
UNITS_OK = {
    **{label: COUNT for label in (
        "APP_RECEIVED", "APP_CARRIED_OVER", "APP_PROCESSED", "APP_CARRIED_FORWARD", "APP_GRANTED",
        "APP_PARTIAL", "APP_DENIED", "APP_UNABLE", "APP_NOT_PROCESSED", "APP_NATURAL_PERSON",
        "APP_ORGANIZATION", "REVIEW_CASES", "LITIGATION_CASES", "ADMIN_DECISIONS")},
    # 依申请公开3次, 行政复议0次: times an application or a case was made
    **{label: COUNT | {"次"} for label in ("APP_RECEIVED", "REVIEW_CASES", "LITIGATION_CASES")},
    "FEE_COLLECTED": {"元", None}, "ADMIN_FEES": {"元", None},
    "INFO_PUBLISHED": {"条", "篇", "个", "件", "项", None},
    "REGULATIONS": {"件", "个", "部", "项", "份", "篇", "条", None},
    "NORMATIVE_DOCS": {"件", "个", "部", "项", "份", "篇", "条", None},
    "POLICY_INTERPRETATIONS": {"篇", "条", "期", "个", "件", "次", "份", "项", None},
    "PRESS_CONFERENCES": {"场", "次", "期", "个", "场次", None},
    "PROCUREMENT": {"个", "项", "元", "笔", "批", "批次", "次", None},
    **{label: POSTS_UNITS for label in CHANNEL_POSTS},
    "FOLLOWERS": {"人", "个", "户", "名", "人次", None},
    "VIEWS": {"次", "人次", None},
    "NEW_MEDIA_ACCOUNTS": {"个", "家", None},
    "PUBLIC_MESSAGES": {"件", "条", "个", "次", "人次", "封", "例", "起", "批", "件次", "通", None},
    "SERVICE_ITEMS": {"项", "个", "件", "类", "大项", "小项", None},
    "ONLINE_ITEMS": {"项", "个", "件", "类", "条", None},
    "ONE_VISIT_ITEMS": {"项", "个", "件", "类", None},
    "SERVICES_HANDLED": {"件", "笔", "次", "人次", "个", "项", "件次", None},
    "RATE": {"%", "成"},
    "TRAINING_SESSIONS": {"次", "期", "场", "批次", "个", "场次", "期次", None},
    # 公开人大代表建议的答复5篇, 办理建议提案共17起: replies published, suggestions handled
    "NPC_SUGGESTIONS": {"件", "条", "个", "项", "份", "篇", "起", None},
}
_SCORES = {"clause": 0.9, "right": 0.85, "sentence": 0.7, "clause_generic": 0.6, "sentence_generic": 0.5,
           "zero": 0.8, "rate": 0.9}


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    cue: str
    target: str  # a label, POST or BLOCK
    tier: int  # 1 specific, 2 generic
    channel: str | None  # the posts label when the cue names a channel


class RulesExtractor:
    """`extract(reports)` → one list of facts per report, sorted by start."""

    name = "rules"

    def extract(self, reports: list[Report]) -> list[list[Fact]]:
        return [extract_facts(r.text, narrative_exclusions(r)) for r in reports]


def extract_facts(text: str, exclude: list[tuple[int, int]] | None = None,
                  candidates: list[Candidate] | None = None) -> list[Fact]:
    """Facts the rules find in `text` outside the `exclude` regions, sorted by start
    (`candidates`: `find_candidates(text, exclude)` when the caller has them already)."""
    if candidates is None:
        candidates = find_candidates(text, exclude)
    facts: list[Fact] = []
    prev_end = 0
    for cand in candidates:
        if cand.kind == "zero_claim":
            labels = zero_claim_labels(text, cand.end)
            score = _SCORES["zero"] - 0.05 * (len(labels) > 1)
            facts.extend(_fact(cand, label, score) for label in labels)
        elif cand.kind == "quantity":
            label, score = _count_label(text, cand, prev_end, facts)
            if label is not None:
                facts.append(_fact(cand, label, score))
        if cand.may_be_fact:  # a year or an idiom (只跑一次) does not end a clause
            prev_end = cand.end
    _respective_channels(text, facts)
    _headed_lists(text, facts, candidates)
    _answer_list(text, facts, candidates)
    _headed_channel(text, facts)
    # a count every path above may have read (a second count after the year's, 历年累计295条) is no
    # total of the year when its clause says it is not
    facts = [f for f in facts if f.qualifier == "zero_claim" or not (over_the_years(text, f.start)
                                                                      or counts_nothing(text, f))]
    counts = [f for f in facts if f.qualifier != "zero_claim"]  # the zero cues have their labels already
    facts += count_partners(text, counts)  # 复议及诉讼0件, 收到并办理6件
    return sorted(facts, key=lambda f: (f.start, f.end))


def counts_nothing(text: str, fact: Fact) -> bool:
    """Does the clause of the count `fact` say that, read with its label, it counts nothing a label
    counts (guide §4): items released on request (依申请公开信息0条), documents counted for a rate,
    entries of a list of powers, items listed under all the years' count, accounts that changed,
    applications another body asked help with (whether read as applications or as messages), disputes
    that join appeals and lawsuits? The same for every extractor's count."""
    return (_items_on_request(text, fact) or _disclosed_for_a_rate(text, fact) or _power_list_entry(text, fact)
            or _under_a_running_total(text, fact) or _accounts_changed(text, fact) or _disputes(text, fact)
            or (fact.label.startswith("APP_") or fact.label == "PUBLIC_MESSAGES") and helping_another(text, fact.start))


def _count_label(text: str, cand: Candidate, prev_end: int, facts: list[Fact]) -> tuple[str | None, float]:
    """The label of a count (None: no fact) and its score: its cue's reading (`_quantity_label`), then the
    readings that look past the cue, in this order: the list it sits in, the applications it belongs to,
    the kind of item it names. `facts`: those read before it."""
    label, score = _quantity_label(text, cand, prev_end, _in_published_list(text, cand, facts))
    if _VISITORS.search(text, max(0, cand.start - 20), cand.start):
        label, score = "VIEWS", _SCORES["right"]  # 独立用户访问总量1104110个: visits, in whatever unit
    own = words_before(text, cand.start, "，,；;：:。\n")
    label, score = _listed_reading(text, cand, facts, own, label, score)
    label, score = _application_reading(text, cand, facts, own, label, score)
    label, score = _subject_reading(text, cand, own, label, score)
    label, score = _kind_reading(text, cand, own, label, score)
    listed = _MATTERS_BEFORE.search(text, max(0, cand.start - 80), cand.start) if label == "ADMIN_DECISIONS" else None
    if listed is not None:  # 政务事项共计172项，其中行政许可42项: the matters' label, or none when they are none
        counted = facts and facts[-1].start > listed.start() and facts[-1].unit in ("项", "个")
        label = facts[-1].label if counted else None
    return label, score


# a kind of power listed under a count of matters (公布网上服务事项108项，其中行政许可91项): it counts matters
_MATTERS_BEFORE = re.compile(r"事项[^。；;！？\d]{0,12}?\d+\s*[项个][^。；;！？\d]{0,30}?其中[：:，,]?\s*"
                             r"(?:行政许可|行政处罚|行政强制)(?:事项|类)?\s*$")


# unique visitors of a site (独立用户访问总量, 独立访客, 访客数): its visits, not followers
_VISITORS = re.compile(r"(?:独立(?:用户|访客)|访客|访问用户)[^，,。；;\d]{0,10}?$")


def _listed_reading(text: str, cand: Candidate, facts: list[Fact], own: str, label: str | None,
                    score: float) -> tuple[str | None, float]:
    """A count in a list of topics: the list's label where its own words name no kind of their own."""
    listed_topic = cache(lambda: _listed_topic(text, cand, facts))  # the list's reading, once if needed
    if label is None or label == "INFO_PUBLISHED":  # a topic of a channel's list takes the channel
        listed, listed_score = listed_topic()
        if listed is not None and (label is None or listed in CHANNEL_POSTS):
            label, score = listed, listed_score
    if label in _KINDS_LISTED and not _names_kind(text, cand, label):
        listed, listed_score = listed_topic()  # 建议提案办理5条，工作动态20条: a topic after
        if listed is not None:  # a catalogued item takes the list's label, not the item's before it
            label, score = listed, listed_score
    if label == "POLICY_INTERPRETATIONS" and _MIXED_WITH_INTERPRETATIONS.search(own):
        label, score = listed_topic()  # 政策法规与政策解读12条: a topic of both
        label = label or "INFO_PUBLISHED"
    if label == "PUBLIC_MESSAGES" and not _MESSAGES_HANDLED.search(own):
        listed, listed_score = listed_topic()  # 政策咨询问答库12条 in a list of published
        if listed in POSTS_FAMILY:  # items, nothing received or answered: a topic of the list
            label, score = listed, listed_score
    return label, score


_MESSAGES_HANDLED = re.compile(r"收到|受理|办结|答复|回复|回应|处理|办理|提供|接听|解答|接收|回访|接到|征集|收集")


def _application_reading(text: str, cand: Candidate, facts: list[Fact], own: str, label: str | None,
                         score: float) -> tuple[str | None, float]:
    """A count of appeals, lawsuits or applications read against the counts before it and the way it says
    the applications came: outcomes, parts, carried over or forward, requests, letters."""
    cases = _cases_of_outcome(text, cand, facts) if label in (None,) + CASES else None
    if cases is not None:  # 行政复议4件，3件维持，1件撤诉: what became of the cases counted before
        label, score = cases, score if label is not None else _SCORES["sentence_generic"]
    if label is None and _WITHDRAWN.search(own):
        label, score = _withdrawn_from(text, cand, facts), _SCORES["sentence_generic"]
    if label is None and _by_application_channel(text, cand, facts):
        label, score = "APP_RECEIVED", _SCORES["sentence_generic"]  # 其中信函申请3件、电子邮件2件
    if label in _APPLICANT_KINDS and "申请" in text[max(0, cand.start - 30):cand.end + 12] and not \
            _received_before(text, cand, facts):
        label = "APP_RECEIVED"  # 收到公民申请3件: the applications received, all from one kind
    if label is not None and label.startswith("APP_"):
        label = _carried(text, cand, own) or label  # 结转上年3件, (含上年结转8件), 2件结转2022年度办理
    if label == "APP_RECEIVED" and _COMMENTS_RECEIVED.search(own):
        label = "PUBLIC_MESSAGES"  # 征集意见，收到网民意见反馈16条: comments received, not applications
    if label in CHANNEL_POSTS + ("APP_RECEIVED",) and cand.quantity.unit in COUNT and \
            _APPLIED_THROUGH.search(text, _clause_start(text, cand.start), cand.start):
        label = _applications_total(text, cand, facts)  # 其中网站申请181件: how applications came in
    if label in POSTS_FAMILY and _asks_for_information(text, cand):
        label = "APP_RECEIVED"  # 收到申请公开政府信息的要求31件, 收到2条政府信息公开相关申请: requests, not items
    if label == "PUBLIC_MESSAGES" and _APPLIED_BY_LETTER.search(own):
        label = "APP_RECEIVED"  # 通过市长信箱提交的信息公开申请3件: applications, whichever way they came
    if label is not None and label.startswith("APP_"):  # 其中3件为自然人申请: the kind of applicant, said after
        label = next((kind for pattern, kind in _APPLICANT_AFTER if pattern.match(text, cand.end)), label)
    if label is not None and label.startswith("APP_") and applications_charged(text, facts[-1] if facts else None,
                                                                               cand.start):
        return None, score  # 收取信息处理费380元，其中民政局1件: the applications charged, counted by no label
    if label == "APP_RECEIVED" and _COMPLETED.fullmatch(own):
        label = "APP_PROCESSED"  # 受理申请3件，已完成3件: the applications dealt with
    if label == "APP_PROCESSED" and _STILL_IN_HAND.match(text, cand.end):  # 2件正在办理: not answered yet
        sentence = text[_sentence_start(text, cand.start, SENTENCE_REACH):cand.start]
        label = "PUBLIC_MESSAGES" if _MESSAGE_WORDS.search(sentence) else "APP_CARRIED_FORWARD"
    return label, score


# a clause of its own saying applications were completed (已完成3件, 已完成依申请公开申请1件)
_COMPLETED = re.compile(r"\s*(?:已|均已|全部|已经)?完成(?:办理|答复)?(?:依申请公开|政府信息公开)?(?:申请)?\s*")
# a verb of applications received or handled: a count after it is of those applications, not of the charged
_RECEIVED_OR_HANDLED = re.compile(RECEIVED + "|办理|处理|答复|办结")


def applications_charged(text: str, before: Fact | None, start: int) -> bool:
    """Whether a count of applications at `start` counts those a fee was charged for: said after the fee
    (`before`, the fact before it) in its sentence with no verb of applications received or handled between
    (收取信息处理费共计380元，其中民政局1件; 收费200元，涉及申请2件). No label counts them."""
    if before is None or before.label != "FEE_COLLECTED" or before.qualifier == "zero_claim":
        return False
    between = text[before.end:start]
    return len(between) <= 30 and not any(stop in between for stop in STOPS + "\n") and \
        not _RECEIVED_OR_HANDLED.search(between)


_APPLICANT_AFTER = ((re.compile(r"\s*(?:为|是|系|属于?)(?:自然人|公民)"), "APP_NATURAL_PERSON"),
                    (re.compile(r"\s*(?:为|是|系|属于?)[^，,。；;]{0,4}(?:法人|企业|商业|科研|社会公益|法律服务|其他组织|机构)"),
                     "APP_ORGANIZATION"))
_STILL_IN_HAND = re.compile(r"\s*(?:正在|仍在|尚在|还在)(?:办理|处理)")
# the public's messages named in a sentence: what a count of cases in hand or of 办件 is of (the
# catalogue's cues of PUBLIC_MESSAGES, and where messages come in or what they are about)
_MESSAGE_WORDS = re.compile("|".join(map(re.escape, [*catalogue()["PUBLIC_MESSAGES"].cues,
                                                      "信箱", "12345", "问政", "民生"])))


def _subject_reading(text: str, cand: Candidate, own: str, label: str | None, score: float) -> tuple[str | None, float]:
    """What a count is of when the words around it name its subject: deputies' suggestions named after the
    count (4件政协委员提案办理), the cases a 办件 count belongs to, licences granted, press conferences named
    after the count, events held (no count of any label)."""
    unit = cand.quantity.unit
    if label in (None,) + CASES:  # 140件行政复议、49件行政诉讼: the noun right after the count names its cases
        named = next((case for pattern, case in _CASES_AFTER if pattern.match(text, cand.end)), None)
        if named is not None and unit in UNITS_OK[named]:
            return named, score or _SCORES["right"]
    if label in (None, "APP_PROCESSED", "APP_RECEIVED", "SERVICES_HANDLED") and unit in UNITS_OK["NPC_SUGGESTIONS"] \
            and _SUGGESTIONS_AFTER.match(text, cand.end):
        return "NPC_SUGGESTIONS", score or _SCORES["right"]
    if label in ("SERVICES_HANDLED", "REVIEW_CASES", None) and _CASES_HANDLED.search(own):
        sentence = text[_sentence_start(text, cand.start, SENTENCE_REACH):cand.start]
        for words, subject, pattern_on in _SUBJECTS_OF_CASES:  # 12345热线…办件量236件: the hotline's messages
            if words.search(own if pattern_on == "own" else sentence) and unit in UNITS_OK[subject]:
                return subject, score or _SCORES["sentence_generic"]
    if label in (None, "APP_RECEIVED") and unit in ("件", "个", "处", "份") and _LICENCES.search(own) \
            and not _NO_LICENCE.search(own) and not CHANGE.search(own):
        return "ADMIN_DECISIONS", score or _SCORES["sentence_generic"]  # 核发林木采伐许可证111件: licences granted
    if label is None and unit in ("场", "次", "场次") and _CONFERENCE_AFTER.match(text, cand.end):
        return "PRESS_CONFERENCES", _SCORES["right"]  # 举办3场新闻发布会
    item = words_before(text, cand.start, "，,；;：:。、\n")
    if label is not None and unit in ("次", "场", "场次", "期") and _EVENT.search(item) and not _PUBLISHING_EVENT.search(item):
        return None, 0.0  # 开展政策宣讲活动50余次: events held, no count of any label
    return label, score


_CASES_AFTER = ((re.compile(r"\s*(?:行政诉讼|诉讼)"), "LITIGATION_CASES"), (re.compile(r"\s*(?:行政复议|复议)"), "REVIEW_CASES"))
_SUGGESTIONS_AFTER = re.compile(r"[^，,。；;、\d]{0,6}?(?:人大代表建议|政协委员提案|人大建议|政协提案|建议提案|主办件)")
_CASES_HANDLED = re.compile(r"办件(?:量|数)?(?:共|达|为)?\s*$")
_SUBJECTS_OF_CASES = ((_MESSAGE_WORDS, "PUBLIC_MESSAGES", "sentence"),
                      (re.compile(r"人大|政协|建议|提案"), "NPC_SUGGESTIONS", "sentence"),
                      (re.compile(r"行政许可|行政处罚|行政强制"), "ADMIN_DECISIONS", "own"),
                      (re.compile(r"申请"), "APP_PROCESSED", "sentence"))
_LICENCES = re.compile(r"许可证|审批|核准|准予许可|不予许可|撤销许可|核发")
_NO_LICENCE = re.compile(r"事项|大厅|窗口|申请|受理|中心|流程|材料|时限|环节|指南")
_CONFERENCE_AFTER = re.compile(r"[^，,。；;、\d]{0,10}?(?:发布会|通气会|吹风会|新闻发布活动)")
_EVENT = re.compile(r"(?:活动|宣讲|宣传|服务|直播|访谈|座谈|对接会)[^，,。；;、\d]{0,3}$")
_PUBLISHING_EVENT = re.compile(r"发布|推送|刊发|播发|通气会|吹风会|培训|类解读")


def _kind_reading(text: str, cand: Candidate, own: str, label: str | None, score: float) -> tuple[str | None, float]:
    """The kind of item a count's own words name, whichever step above gave its label (so these sit here,
    not in `_counts_it`, which judges a cue's label only): repealed documents, interpretations, decisions."""
    if label == "NORMATIVE_DOCS" and _REPEALED.search(words_before(text, cand.start, "，,、；;：:。\n及和")):
        label = None  # 废止规范性文件3件: neither made, published nor in force (guide §4)
    if label is None and _INTERPRETS_DOCUMENTS.search(own) and cand.quantity.unit in UNITS_OK["POLICY_INTERPRETATIONS"]:
        label, score = "POLICY_INTERPRETATIONS", _SCORES["clause"]  # 解读文件32件, 解读会议12次: what was interpreted
    if label in POSTS_FAMILY and _INTERPRETATIONS_KIND.search(own) and not _MIXED_WITH_INTERPRETATIONS.search(own):
        label = "POLICY_INTERPRETATIONS"  # 发布政策解读类信息6条: interpretations, counted as a kind of item
    if label in POSTS_FAMILY and _publishes_decisions(text, cand):
        label = "ADMIN_DECISIONS"  # 行政许可类信息8条: published decisions (guide §4)
    if label == "SERVICE_ITEMS" and _bare_matters(text, cand, own):
        label = None  # 公开事项15个, 重要事项3项: matters, no services named
    if label == "ADMIN_DECISIONS" and cand.quantity.unit == "项" and _KINDS_OF_POWER.search(
            text, _sentence_start(text, cand.start, SENTENCE_REACH), _clause_end(text, cand.end, len(text), "。\n")):
        label = None  # 行政许可12项、行政确认3项、其他行政权力5项: kinds of power in a list, no decisions
    if label == "APP_PROCESSED" and _HANDLING_TOPIC.search(own):
        label = "ADMIN_DECISIONS" if _LICENSING_RESULTS.search(own) else "INFO_PUBLISHED"
    if label is None and _published_without_a_cue(text, cand, own):
        label, score = "INFO_PUBLISHED", _SCORES["clause"]  # 刊登区政府文件33件, 发布常务会议信息13期
    return label, score


# results of handling published as a topic (权力事项办理结果35条, “养老服务业务办理”信息44条), no application named;
# 行政许可办理结果 are licensing decisions
_HANDLING_TOPIC = re.compile(r"^(?:(?!申请).)*(?:事项|服务|许可|业务)办理(?:结果)?[”\"」]?(?:信息)?\s*$")
_LICENSING_RESULTS = re.compile(r"行政许可办理结果\s*$")

# documents printed in a gazette (刊登区政府文件33件, 刊载主动公开文件123个)
_PRINTED = re.compile(r"(?:刊登|刊载)[^，,。；;\d]{0,20}?(?:文件|资料)[^，,。；;\d]{0,14}$")
# a meeting's items published (发布常务会议13期, 公开办公会信息31次; guide §4), not interpreted, attended or held
_MEETING = re.compile(r"(?:常务会议|全体会议|办公会议?|专题会议|办公会|党组会议?)(?:信息)?\s*$")
_MEETING_VERB = re.compile(r"公开|发布|公布|刊发|图解|解读|列席|参与|参加|报道|召开|举行|举办|组织|审议|研究|讨论")


def _published_without_a_cue(text: str, cand: Candidate, own: str) -> bool:
    """Is `cand`, which no cue labels, a count of documents printed in a gazette or of a meeting's items
    published (the sentence's last verb publishes: 发布常务会议13期, 公开局长办公会议12次)?"""
    unit = cand.quantity.unit
    if unit in ("件", "个", "份", "篇", "条") and _PRINTED.search(own):
        return True
    if unit not in ("次", "期", "场次", "条", "场", "份", "个") or not _MEETING.search(own):
        return False
    verbs = list(_MEETING_VERB.finditer(text, _sentence_start(text, cand.start, SENTENCE_REACH), cand.start))
    return bool(verbs) and re.fullmatch(PUBLISHING_VERBS, verbs[-1].group()) is not None


_SERVICE_WORDS = re.compile(r"服务|审批|许可|办事|处罚|强制|办理|网办|网上|一次|跑|依申请|办税|通办|快办|确认|给付")
_KINDS_OF_POWER = re.compile(r"行政确认|行政裁决|行政给付|行政奖励|其他行政权力|其他行政职权|其他对外管理服务|行政备案|行政检查|"
                             r"行政监督检查")


def _bare_matters(text: str, cand: Candidate, own: str) -> bool:
    """Does a count of 事项 name no service, approval or handling around it (公开事项, 重要事项)?"""
    right = text[cand.end:cand.end + 12]
    right = right[:min([right.find(ch) for ch in "，,。；;、" if ch in right] or [len(right)])]
    words = own[-14:] + right
    return "事项" in words and not _SERVICE_WORDS.search(words)


_OUTCOME_LABELS = ("APP_GRANTED", "APP_PARTIAL", "APP_DENIED", "APP_UNABLE", "APP_NOT_PROCESSED", "APP_CARRIED_FORWARD")
_GRANTED_ALONE = re.compile(r"(?:予以|同意|依法|已|全部)?公开$")  # 其中公开1件: granted, said short
_ANSWER_LIST_OPENS = re.compile(r"^[，,。：:（(\s]*(?:其中|包括|分别为?|具体(?:为|是|如下))[，,：:]?|^[：:（(]")
_ANSWER_ENDS = "。；;！!？?\n"
_ITEM_GAP = "，,、；;：: \u3000的"


def _answer_list(text: str, facts: list[Fact], candidates: list[Candidate]) -> None:
    """The answers listed after a count of applications answered (答复15件。其中公开6件，不属于政府信息
    2件，告知其他途径1件，信息不存在6件): each item is the outcome its own words name, a bare 公开 is
    granted, and a kind with no label of its own is a part of the answered with their label (FACTS.md
    §4 rule 2; guide). Only when the items, counted in the total's unit, add up to at most the total."""
    at = None  # each fact's place in `facts` by its span, made at the first list
    for total in [f for f in facts if f.label == "APP_PROCESSED" and f.qualifier != "zero_claim" and f.value]:
        after = text[total.end:total.end + 12]
        opened = _ANSWER_LIST_OPENS.match(after)
        if opened is None:
            continue
        start = total.end + opened.end()
        end = first_of(text, _ANSWER_ENDS, start)
        end = end if end != -1 else len(text)
        items = [c for c in starting_in(candidates, start, end, attrgetter("start")) if c.end <= end and c.kind == "quantity"]
        if len(items) < 2 or any(c.quantity.unit != total.unit for c in items):
            continue
        if sum(c.quantity.value for c in items) > total.value:
            continue
        at = at if at is not None else {(f.start, f.end): k for k, f in enumerate(facts)}
        labels, prev = [], start
        follows = not text[start:items[0].start].strip(_ITEM_GAP)  # 其中9件予以公开，3件区分处理
        for n, c in enumerate(items):
            own = text[prev:c.start].strip(_ITEM_GAP)
            if follows:  # the outcome follows the count
                stop = items[n + 1].start if n + 1 < len(items) else end
                own = re.split(r"[，,、；;]", text[c.end:stop].strip(_ITEM_GAP), maxsplit=1)[0]
            prev = c.end
            hits = _hits(own)
            if any(h.target == "APP_RECEIVED" or h.target in CHANNEL_POSTS for h in hits):
                labels = []
                break  # 其中网上申请12件: how they came in, not what became of them
            named = [h.target for h in hits if h.target in _OUTCOME_LABELS]
            if not named and "不存在" in own:
                named = ["APP_UNABLE"]  # 不存在9件: the information does not exist
            if not named and "区分处理" in own:
                named = ["APP_PARTIAL"]  # 2件区分处理: what may be disclosed is, the rest is not
            labels.append(named[-1] if named else "APP_GRANTED" if _GRANTED_ALONE.search(own) else "APP_PROCESSED")
        for c, label in zip(items, labels):
            label = _carried(text, c, words_before(text, c.start, "，,；;：:。\n")) or label  # 3件结转2025年度办理
            k = at.get((c.start, c.end))
            if k is None:
                at[(c.start, c.end)] = len(facts)
                facts.append(_fact(c, label, _SCORES["sentence_generic"]))
            elif facts[k].label != label and facts[k].label not in PRECEDENCE:  # (含上年结转2件) stays carried over
                facts[k] = replace(facts[k], label=label)
    facts.sort(key=lambda f: (f.start, f.end))


_RESPECTIVE_GAP = re.compile(r"[、，,和及与]{1,2}")


def _respective_channels(text: str, facts: list[Fact]) -> None:
    """Channels named in order before 分别 take the counts after it in the same order
    (网站和微信公众号分别发布信息120条、85条: 120 on the website, 85 on WeChat); the facts are
    relabelled in place when as many posting counts follow as channels were named."""
    for m in re.finditer("分别", text):
        opened = max(text.rfind(ch, max(0, m.start() - 60), m.start()) for ch in "，,；;。：:\n") + 1
        channels = [h for h in _channel_hits(text[opened:m.start()], opened)
                    if _quote_opened(text, h.start, opened) == -1]  # not in a quoted name
        if len(channels) < 2 or len({h.channel for h in channels}) < len(channels):
            continue
        after = [k for k in indices_starting_in(facts, m.end(), m.end() + 40, attrgetter("start"))
                 if facts[k].label in POSTS_FAMILY]
        run = after[:1]
        for k in after[1:]:
            if not _RESPECTIVE_GAP.fullmatch(text, facts[run[-1]].end, facts[k].start):
                break
            run.append(k)
        if len(run) != len(channels) or _channel_hits(text[m.end():facts[run[0]].start]):
            continue  # 分别 … 网站发布X条: a channel named after it names the counts itself
        for k, channel in zip(run, channels):
            if facts[k].unit in UNITS_OK.get(channel.channel, ()):
                facts[k] = replace(facts[k], label=channel.channel)


# an item line of a list: (1) （一） 1. 1、 一、; the numbers differ from item to item, the style does not
_ITEM_OPENS = re.compile(r"[ \u3000\t]*" + NUMBERING)
_STYLE = str.maketrans({**{d: "1" for d in "0123456789０１２３４５６７８９"}, **{n: "一" for n in "二三四五六七八九十"},
                        "（": "(", "）": ")", "．": ".", " ": "", "\u3000": "", "\t": ""})
_RELABELLED = ("INFO_PUBLISHED", "APP_NATURAL_PERSON", "APP_ORGANIZATION")  # readings a list's heading overrules (企业名录30条)
_LIST_SENTENCE_ENDS = "。！!？?\n"  # items of a list opened mid-line run on over ；


# a line that is only a numbered heading (三、网站公开情况, （二）政务微博): what the paragraph below is about
_HEADING_LINE = re.compile(r"^[ \t\u3000]*(?:" + NUMBERING + r")[ \t\u3000]*([^\n。；;！!？?]{2,40})$", re.M)


def _headed_channel(text: str, facts: list[Fact]) -> None:
    """Published items counted under a numbered heading that names one channel, in a sentence that
    names none (三、网站公开情况 … 本年共发布信息26条), are that channel's posts (guide §4), in place."""
    if "网" not in text and "微" not in text:
        return
    ends, named = [], []  # each heading's end and the one channel it names (None: none, or several)
    for m in _HEADING_LINE.finditer(text):
        heading = m.group(1)
        channels = {h.channel for h in _channel_hits(heading)} - {"INFO_PUBLISHED"}
        ends.append(m.end())
        named.append(channels.pop() if len(channels) == 1 and not _SEVERAL_CHANNELS.search(heading)
                     and not OFFLINE.search(heading) else None)
    for i, fact in enumerate(facts):
        k = bisect_right(ends, fact.start) - 1  # the last heading before the fact
        channel = named[k] if fact.label == "INFO_PUBLISHED" and k >= 0 else None
        if channel is None:
            continue
        sentence = text[last_of(text, "。；;\n", fact.start) + 1:fact.start]
        if not _channel_hits(sentence) and not OFFLINE.search(sentence) and fact.unit in UNITS_OK[channel]:
            facts[i] = replace(fact, label=channel)


def _headed_lists(text: str, facts: list[Fact], candidates: list[Candidate]) -> None:
    """The items of a list opened by a colon after words that publish (我局网站主动公开以下信息：
    …；全年发布的信息分为：工作动态12条，通知公告5条) are parts of what the heading publishes
    (FACTS.md §4 rule 2): the one channel the heading names, else the channel of the posts it
    counts, else — a list opened mid-line only — information published in general. A colon at a
    line's end opens the numbered lines below it, as long as they keep the first one's numbering
    (1) (2) …; one mid-line opens the rest of its sentence. An item whose own words name a channel,
    a board off the web, a change, a rate or items sent up keeps its reading, and so does a kind
    with a label of its own (政府采购信息20项); the items relabelled are read as published
    information or as applicants (企业名录30条), or not at all when counted in 条/篇."""
    quantities = [c for c in candidates if c.kind == "quantity"]
    for colon in re.finditer(r"[：:]", text):
        at_line_end = text[colon.end():colon.end() + 40].lstrip(" \u3000\t").startswith("\n") or \
            colon.end() == len(text)
        span = _item_lines(text, colon.end()) if at_line_end else \
            (colon.end(), _another_way_after(text, colon.end(), _clause_end(text, colon.end(), 600, _LIST_SENTENCE_ENDS)))
        items = starting_in(quantities, span[0], span[1], attrgetter("start")) if span else []
        if not items:
            continue  # 来源：信息中心, 时间：…: no list of counts, whatever the heading
        opened = _sentence_start(text, colon.start(), 120)
        heading = text[opened:colon.start()]
        if not any(h.target in (POST, "INFO_PUBLISHED") or h.channel for h in _hits(heading)):
            continue
        totals = [f for f in starting_in(facts, opened, colon.start(), attrgetter("start"))
                  if f.end <= colon.start() and f.label in POSTS_FAMILY]
        label = _only_channel(heading) or next((f.label for f in reversed(totals) if f.label in CHANNEL_POSTS), None)
        if label is None and not at_line_end and not totals and not channels_named(heading):
            label = "INFO_PUBLISHED"
        if label is not None:
            _relabel_items(text, facts, items, span[0], label)


def _another_way_after(text: str, start: int, end: int) -> int:
    """Where a list opened mid-line at `start` ends: at its sentence's end, or before a ；-clause that
    names a channel or a board off the web (其中：领导信息5条…；通过公示栏公示文件30份；便民信息40条:
    the board's clause and those after it are no items of the list)."""
    return next(_other_ways(text, start, end), end)


def _other_ways(text: str, start: int, end: int) -> Iterator[int]:
    """Where each ；-clause between `start` and `end` that names a channel or a board off the web opens."""
    for semicolon in re.finditer(r"[；;]", text[start:end]):
        at = start + semicolon.end()
        clause = text[at:_clause_end(text, at, end - at, "；;")]
        if _channel_hits(clause) or OFFLINE.search(clause):
            yield at


def _item_lines(text: str, start: int) -> tuple[int, int] | None:
    """The numbered lines after `start` that keep the numbering style of the first (None when the
    first line is no numbered item)."""
    style, end, pos = None, None, start
    while pos <= len(text):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end == -1 else line_end
        if text[pos:line_end].strip(" \u3000\t"):
            opener = _ITEM_OPENS.match(text, pos, line_end)
            if opener is None or style is not None and opener.group().translate(_STYLE) != style:
                break
            style, end = opener.group().translate(_STYLE), line_end
        pos = line_end + 1
    return None if end is None else (start, end)


def _relabel_items(text: str, facts: list[Fact], items: list[Candidate], opened: int, label: str) -> None:
    """Give `label` to the counts `items` of a list opened at `opened` that are read as `_RELABELLED`
    or, in 条/篇, not read at all, unless their own clause says they are something else
    (`_headed_lists`)."""
    at = {(f.start, f.end): k for k, f in enumerate(facts)}
    for cand in items:
        k = at.get((cand.start, cand.end))
        unit = cand.quantity.unit
        overruled = facts[k].label in _RELABELLED if k is not None else unit in _ITEM_UNITS
        if not overruled or unit not in UNITS_OK.get(label, ()):
            continue
        own = words_before(text, cand.start, "，,；;：:。\n")  # the clause, 、 included: 每月公示A、B信息1条
        item = text[max(opened, text.rfind("\n", 0, cand.start) + 1):cand.start]
        if _channel_hits(own) or OFFLINE.search(own) or CHANGE.search(own) or NOT_PUBLISHED.search(own) or \
                _PER_PERIOD.search(own) or item.rfind("“") > item.rfind("”"):
            continue
        if k is None:
            facts.append(_fact(cand, label, _SCORES["sentence_generic"]))
        else:
            facts[k] = replace(facts[k], label=label)
    facts.sort(key=lambda f: (f.start, f.end))


# published licensing, punishment or coercion information and approvals: decisions (行政许可类信息8条,
# 行政审批公示信息24条, 行政执法决定文书30条); not one topic of several (行政处罚等信息), proposed
# approvals (拟审批) or a topic named after another (抽查情况及执法决定文书)
_DECISIONS_PUBLISHED = re.compile(r"(?<!拟)(?:行政许可|行政处罚|行政强制|行政审批|环评审批|处罚决定|许可决定|执法决定|"
                                  r"(?<!行政)(?:处罚|许可)(?:信息|公示)|查封|扣押)"
                                  r"[^，,、；;。：:0-9０-９等]{0,10}$")
_NAMED_BEFORE = re.compile(r"[及和与]|情况")
# normative documents repealed or expired (废止规范性文件3件, 宣布失效4件): no count of NORMATIVE_DOCS
_REPEALED = re.compile(r"废止|废除|失效")
# items of information counted as released on request or withheld (依申请公开信息0条, 依申请公开12条,
# 不予公开信息数9条), with no word of applications received or handled: no count of applications
_ITEMS_ON_REQUEST = re.compile(r"^(?:(?!收到|受理|办理|接收|处理|答复|申请[^公]).)*(?:依申请|不予以?)公开"
                               r"(?:(?:政府)?信息(?:数量?为?)?)?\s*$")


def _items_on_request(text: str, fact: Fact) -> bool:
    """Is `fact` a count of items of information released on request or withheld (依申请公开信息0条,
    依申请公开6条, 不予公开信息数9条), in a report that counts items, with no word of applications received
    or handled: neither applications nor published items (guide §4)? Not a topic of a list of published
    items (政策解读10条、依申请公开2条)."""
    if fact.label not in ("APP_RECEIVED", "INFO_PUBLISHED", "APP_DENIED", "APP_GRANTED") or fact.unit not in ("条", None):
        return False  # the cheap tests first: this runs on every fact the rules read
    own = words_before(text, fact.start, "，,；;：:。\n")
    return "、" not in own and bool(_ITEMS_ON_REQUEST.search(own))


_HELPING = re.compile(r"协助[^，,；;：:。\n]{0,8}?调查|意见征询")


def helping_another(text: str, start: int) -> bool:
    """Is the count at `start` one of applications another body received and asked this one to help
    with (接收市发改委协助调查5件, 协助上级调查处理政府信息公开申请5件, 配合办理依申请公开意见征询9件):
    none this body received or answered itself (guide §4)?"""
    return bool(_HELPING.search(words_before(text, start, "，,；;：:。\n")))


# 公文16件，其中主动公开13件，主动公开率81.25%: the documents made public, counted for the rate
_DISCLOSED_ALONE = re.compile(r"^(?:其中)?(?:主动)?公开$")
_RATE_FOLLOWS = re.compile(r"^[，,]\s*(?:其中)?(?:主动)?公开(?:率|比例)")


def _disclosed_for_a_rate(text: str, fact: Fact) -> bool:
    """Is `fact` a count of documents made public said with nothing but 主动公开 and followed by the
    disclosure rate (公文18个，主动公开18个，公开率100%): the documents of a rate, not published items
    (guide §4)?"""
    if fact.label != "INFO_PUBLISHED" or not _RATE_FOLLOWS.match(text[fact.end:fact.end + 12]):
        return False
    return bool(_DISCLOSED_ALONE.match(words_before(text, fact.start, _ITEM_SEPARATORS).strip()))


# entries of a list of powers and duties (权责事项461项，其中行政许可25项): neither services, decisions nor items
_POWER_LIST = r"(?:权责(?:清单)?事项|权责清单|权力清单)"
# counted in their own clause, after a verb or with 共 (梳理公布权责清单共162个), not a topic of a list (人事信息8条，权力清单1条)
_POWER_LIST_COUNT = re.compile(r"^[^、]*(?:(?:梳理|公布|公开|调整|更新|编制|明确|确认)[^、]*" + _POWER_LIST + r"[共计达为有总]{0,3}|"
                               + _POWER_LIST + r"[共计达为有总]{1,3})$")
_POWER_LIST_TOTAL = re.compile(_POWER_LIST + r"[共计达为有总]{0,3}\d+\s*[项个条](?=[，,]?\s*(?:其中|包括|分别)[^；;]*$)")


def _power_list_entry(text: str, fact: Fact) -> bool:
    """Is `fact` a count of entries of a list of powers and duties, or of a kind of them listed right
    after it (权责事项共计461项，其中：行政许可25项, 公布权力清单243项): no label counts them (guide §4)?
    Not a topic of published items that names the list (发布权责清单、人事信息等信息418条)."""
    if fact.qualifier == "zero_claim" or "权" not in text[max(0, fact.start - 120):fact.start]:
        return False  # the cheap test first: this runs on every fact the rules read
    if _POWER_LIST_COUNT.search(words_before(text, fact.start, "，,；;。\n")):
        return True
    return bool(_POWER_LIST_TOTAL.search(text, _sentence_start(text, fact.start, 120), fact.start))


def _publishes_decisions(text: str, cand: Candidate) -> bool:
    """Is `cand` a count of published items whose own item names decisions (guide §4: published
    punishment or licensing information is counted as decisions)?"""
    item = words_before(text, cand.start, "，,、；;：:。\n")
    named = _DECISIONS_PUBLISHED.search(item)
    return named is not None and not _NAMED_BEFORE.search(item[:named.start()]) \
        and cand.quantity.unit in UNITS_OK["ADMIN_DECISIONS"] and not NOT_PUBLISHED.search(item)


# applications carried over or forward in wordings the cues do not hold: 结转上年(度), 上年转结 (a slip),
# a bracket inside a count (含上年结转8件, 含2020年未办结结转5件); 结转(至)2022年度办理, 转入下年 before the count,
# or 结转2022年度 right after it (2件结转2022年度办理)
_CARRIED_OVER = re.compile(r"(?:结转上一?年度?|上一?年度?[^，,、；;]{0,4}?转结|(?:含|包括)[^，,、；;）)]{0,14}?结转(?:的)?)[^，,、；;）)]{0,10}$")
_INTO_NEXT_YEAR = r"(?:结转|转结|转入)(?:至|到)?(?:下一?年度?|20\d\d年度?)"  # 结转下年度, 转入2022年
_CARRIED_FORWARD = re.compile(_INTO_NEXT_YEAR + r"[^，,、；;]{0,8}$")
_CARRIED_FORWARD_AFTER = re.compile(r"[^，,、；;。（(]{0,3}" + _INTO_NEXT_YEAR)


def _carried(text: str, cand: Candidate, own: str) -> str | None:
    """APP_CARRIED_OVER or APP_CARRIED_FORWARD when a count of applications is said to be carried over
    from last year or forward into the next in words the cues do not hold; else None."""
    if _CARRIED_FORWARD.search(own) or _CARRIED_FORWARD_AFTER.match(text, cand.end):
        return "APP_CARRIED_FORWARD"
    own = words_before(text, cand.start, "，,；;：:。\n（(")  # inside a bracket: its own words
    return "APP_CARRIED_OVER" if _CARRIED_OVER.search(own) else None


# catalogued kinds a list of published items may hold as parts (FACTS.md §4 rule 1), and what separates its items
_KINDS_LISTED = ("NPC_SUGGESTIONS", "POLICY_INTERPRETATIONS", "ADMIN_DECISIONS", "NORMATIVE_DOCS")
_ITEM_SEPARATORS = "，,、；;：:。\n"


def _names_kind(text: str, cand: Candidate, label: str) -> bool:
    """Does the item of `cand` name its kind `label` in its own words, before the count or right
    after it (建议提案办理5条, 1条政策解读), not only an item before it in the sentence?"""
    after = text[cand.end:cand.end + 12]
    after = after[:min([after.find(ch) for ch in _ITEM_SEPARATORS if ch in after] or [len(after)])]
    own = words_before(text, cand.start, _ITEM_SEPARATORS) + "|" + after
    return any(h.target == label for h in _hits(own))


_COMMENTS_RECEIVED = re.compile(r"收到(?:(?!申请)[^，,。；;]){0,6}(?:意见|留言)(?:(?!申请)[^，,。；;]){0,4}$")
_INTERPRETS_DOCUMENTS = re.compile(r"解读[^，,、；;。0-9０-９发公]{0,8}(?:文件|会议)(?:信息)?$")
_APPLIED_BY_LETTER = re.compile(r"信箱[^，,。；;]*(?<!依)申请[^，,。；;]*$|"
                                 # 依申请公开方面的诉求2件, 申请信件3件, 来信申请的69件: letters that are applications
                                 r"申请[^，,。；;]{0,8}(?:信件|来信|诉求|来件)[^，,。；;]{0,6}$|"
                                 r"(?:信件|来信|诉求|来件)申请[^，,。；;]{0,6}$")
# the count's own words name interpretations as the kind of item (政策解读类信息, 解读类), not a topic that joins
# them with something else (会议、会议解读类信息 is one topic of meetings)
_INTERPRETATIONS_KIND = re.compile(r"(?<!会议)解读类(?:信息)?$")
# a topic that counts documents or rules together with their interpretations is no count of interpretations
# a topic of documents, meetings or guides with their interpretations (政策法规与政策解读, 局长办公会议及解读,
# 常务会议视频及图文解读, 办事指南及政策解读, 政策文件(含转载)及解读): the list's topic, no count of interpretations
_MIXED_WITH_INTERPRETATIONS = re.compile(r"(?:法规|文件|政策|规章|会议|指南)(?:[（(][^）)]{0,6}[）)]|视频)?(?:与|及|和|以及|、)"
                                         r"(?:政策|相关|会议|政策文件|图文)?解读")


# 含 and 包含 mark no topics (申请公开的信息包含了多方面的意思…4件 counts applications)
_LIST_MARK = re.compile("|".join(m for m in MARKERS if m not in ("含", "包含")) + "|[：:（(]")
_TOPIC_UNITS = ("条", "篇", "件", "份", "期", "项", "个")
_LIST_BREAK = re.compile(r"[。！!？?\n][\s\u3000]*")  # a list of topics may run on after ；


def _listed_topic(text: str, cand: Candidate, facts: list[Fact]) -> tuple[str | None, float]:
    """The label of the count of published items whose list of topics `cand` sits in
    (``发布信息6391条，其中概况类1105条；政务动态4086条``; the list may open the next sentence by
    referring back: ``公开信息252条。其中，机构概况信息11条``): a topic is a part with its total's
    label (FACTS.md §4 rule 2). None outside such a list, or for a change or an item sent up."""
    unit = cand.quantity.unit or _unit_left_off(text, cand, facts)
    if unit not in _TOPIC_UNITS:
        return None, 0.0
    if _quote_opened(text, cand.start) != -1:
        return None, 0.0  # inside a quoted name (“惠企十条”)
    own = text[max(0, cand.start - 20):cand.start]
    own = own[max(own.rfind(ch) for ch in "、，,；;：:。\n") + 1:]
    if CHANGE.search(own) or NOT_PUBLISHED.search(own):
        return None, 0.0
    if OFFLINE.search(words_before(text, cand.start, "，,；;。\n")):
        return None, 0.0  # 通过宣传栏公开信息157条 after a website's list: the board's, not a topic of the list
    documents = unit in ("件", "份", "个") and any(h.target == BLOCK and h.cue in _TOPIC_BLOCKERS for h in _hits(own))
    sibling = _sibling_label(text, cand, unit, facts)
    if sibling is not None:
        return sibling, _SCORES["sentence_generic"]
    passed: set[str] = set()
    # where the last ；-clause naming another way opens within the list's reach, once if needed
    last_way = cache(lambda: max(_other_ways(text, max(0, cand.start - LIST_REACH), cand.start), default=-1))
    for total in reversed(facts):  # back over its sibling parts to the total that opened the list
        if cand.start - total.end > LIST_REACH:
            break
        between = text[total.end:cand.start]
        ends = [m.end() for m in _LIST_BREAK.finditer(between)]  # "。\n\n" is one break
        aside = len(ends) == 2 and ends[1] - ends[0] < ASIDE_CHARS and not _COUNTED.search(between, ends[0], ends[1])
        if len(ends) > 1 + aside or ends and not REFERS_BACK.match(between, ends[-1]) and not \
                _adds_up(text, total, cand, unit, total.end + ends[-1]):
            return None, 0.0
        if total.label in CHANNEL_POSTS and last_way() > total.end:
            return None, 0.0  # …预决算2条；通过公示栏公示文件30份；便民信息40条: no topic of the website's list
        marked = _LIST_MARK.search(between)
        # 公开信息281条，其中政策文件29件: documents listed may count in a unit of their own
        same_unit = total.unit == unit or marked and (documents or unit == "项") and total.label in _DOCUMENT_LISTS
        if total.label in POSTS_FAMILY and same_unit and (ends or marked):
            other_channels = passed & set(CHANNEL_POSTS) - {total.label}
            return (None, 0.0) if other_channels else (total.label, _SCORES["sentence_generic"])
        passed.add(total.label)
    return None, 0.0


def _adds_up(text: str, total: Fact, cand: Candidate, unit: str | None, start: int) -> bool:
    """The sentence at `start`, right after the one that ends with `total`, lists parts of it
    with no word that refers back (``公开信息27条。概况1条，规划2条，预决算24条。``): its
    counts in the total's unit, two or more and `cand` among them, add up to the total."""
    if total.unit != unit or cand.start < start:
        return False
    end = _clause_end(text, start, 300, "。\n")
    if end <= cand.start or end == len(text) or text[end] not in "。\n":
        return False
    counts = [q.value for q in map(parse_quantity, _COUNTED.findall(text, start, end)) if q.unit == unit]
    return len(counts) > 1 and sum(counts) == total.value


_DOCUMENT_LISTS = ("INFO_PUBLISHED", "WEBSITE_POSTS")  # totals whose topics may be documents counted in 件/份
# documents published through a channel named before them in their sentence (网站公开文件9件, 利用区政府网站，
# 主动公开政府文件26件; not 发布主动公开文件21份, documents counted in 份 by their kind)
_CHANNEL_PUBLISHES_DOCUMENTS = re.compile(r"(?:网站|门户网|政府网|专栏)[^。；;\d]{0,50}?(?:公开|发布)(?:政府|各类)?文件$")
_TOPIC_BLOCKERS = ("政策文件", "文件", "公文", "会议")  # no count of their own, a topic in a list (政策文件12条、部门文件9条)
_ITEM_UNITS = ("条", "篇")  # count published items only: 、社区简介1条 enumerates a topic, not communities
_NAMED_TOPIC = re.compile(r"(?:类|”)$")  # ，机构职能类1条 and ，“机构设置”7条 name a topic or a column
_SIBLING_GAP = re.compile(r"[、，,；;][^，,。；;！!？?\n、0-9０-９]{1,14}$")


def _unit_left_off(text: str, cand: Candidate, facts: list[Fact]) -> str | None:
    """The unit of the list of topics a bare number sits in, when the number only left it off
    (``统计信息7条，信息公开指南1条，信息公开年报1``): the count right before it, of published items,
    one separator and a topic's name away (`_SIBLING_GAP`)."""
    before = facts[-1] if facts else None
    if before is None or before.label not in POSTS_FAMILY or before.unit not in _TOPIC_UNITS:
        return None
    return before.unit if _sibling_gap(text, before, cand) is not None else None


def _sibling_gap(text: str, before: Fact, cand: Candidate) -> re.Match | None:
    """The words between the count `before` and `cand` when they are one separator and a topic's
    short name (`_SIBLING_GAP`: ``、信息公开年报``), else None."""
    gap = _SIBLING_GAP.search(text, before.end, cand.start)
    return gap if gap is not None and gap.start() == before.end else None


def _sibling_label(text: str, cand: Candidate, unit: str | None, facts: list[Fact]) -> str | None:
    """The label of the count of published items right before `cand` when no total of their list
    was found (``更新9个板块：其中通知公告5条、部门动态2条，工作动态30条``; ``通过县政府网站公开预算决算4条、
    政策文件12条``): a topic named by a short phrase after one separator, no cue in it but a document
    kind, counts in the same unit what the item before it counts."""
    if not facts:
        return None
    before = facts[-1]
    if before.label not in POSTS_FAMILY or before.unit != unit or before.end > cand.start:
        return None
    gap = _sibling_gap(text, before, cand)
    if gap is None:
        return None
    enumerated = unit in _ITEM_UNITS and (gap.group().startswith("、") or _NAMED_TOPIC.search(gap.group()) is not None)
    if OFFLINE.search(gap.group()) or any(
            not (h.target == BLOCK and (h.cue in _TOPIC_BLOCKERS or enumerated)) for h in _hits(gap.group())):
        return None  # the item names what it counts, or where it was posted
    return before.label


def _fact(cand: Candidate, label: str, score: float) -> Fact:
    q = cand.quantity
    return Fact(label=label, text=cand.text, start=cand.start, end=cand.end, value=q.value,
                unit=q.unit, qualifier=q.qualifier, score=round(score, 2), extractor="rules")


# labels one zero cue denies together when the clause names them in one coordinated list
# (未制定规章、行政规范性文件; 未收到和处理政府信息公开申请; 未发生行政复议、行政诉讼和投诉举报)
ZERO_TOGETHER = (("REVIEW_CASES", "LITIGATION_CASES", "PUBLIC_MESSAGES"), ("REGULATIONS", "NORMATIVE_DOCS"),
                 ("APP_RECEIVED", "APP_PROCESSED"))
_COORDINATOR = re.compile(r"[^，,。；;\n]{0,4}?(?:和|及|、|或|与|以及|或者)[^，,。；;\n]{0,4}")


def _coordinated(window: str, a: _Hit, b: _Hit) -> bool:
    """Are the two cue words named in one list (规章、行政规范性文件; 收到和处理)?"""
    first, second = (a, b) if a.end <= b.start else (b, a)
    return first.end <= second.start and _COORDINATOR.fullmatch(window, first.end, second.start) is not None


_NEXT_ZERO = re.compile(r"(?<=[\u4e00-\u9fff])(?:无|没有|未)")  # a second claim in the clause, if `is_zero_cue`
_HAPPENED = re.compile(r"\s*(?:发生|出现)")  # 未发生, 没有出现: what happened, not what was counted
# what a zero cue denies when its clause names one of these: an incident or an adverse outcome, no count
# (未发生失泄密事件, 未被复议机关纠错, 未出现需要责任追究的情况, 未发生行政诉讼败诉情形, 无信息安全事件)
_NO_COUNT_DENIED = ("纠错", "泄密", "追究", "不良影响", "事故", "安全事件", "败诉", "被改变")


def _denied(text: str, cue_end: int, reach: int = 30) -> str:
    """What a zero cue ending at `cue_end` denies: the rest of its clause (`reach` characters at most),
    up to the next zero cue (全年无行政处罚无行政事业性收费: two claims)."""
    window = text[cue_end:_clause_end(text, cue_end, reach)]
    next_cue = next((m for m in _NEXT_ZERO.finditer(window) if is_zero_cue(text, cue_end + m.start())), None)
    return window[:next_cue.start()] if next_cue else window


def zero_claim_reading(text: str, cue_end: int) -> list[str] | None:
    """What a zero cue ending at `cue_end` denies, its clause read once: None when it denies no count
    (an incident or an adverse outcome, 确保无泄密事件发生, or only things no label counts,
    未制定内部规章制度: internal rules, not regulations), else its labels (`zero_claim_labels`;
    empty when the clause names none)."""
    window = _denied(text, cue_end)
    if _NO_ACCOUNTS.match(window):
        return ["NEW_MEDIA_ACCOUNTS"]  # 未开设政务新媒体, 无独立网站及政府新媒体: no account, so none counted
    if any(w in window for w in _NO_COUNT_DENIED):
        return None
    if _FORWARD_DENIED.match(window):
        return ["APP_CARRIED_FORWARD"]  # 无结转下年度继续办理件, 无下年度结转: none carried into next year
    if _FEES_DENIED.match(window) and "行政事业性" not in window:
        return ["FEE_COLLECTED"]  # 未向申请人收取任何费用, 未收取政府信息公开费用: the charge, wherever the fee is named
    hits = [h for h in _hits(window) if h.target != POST]
    if hits and all(h.target == BLOCK for h in hits):
        return None
    if _HAPPENED.match(window) and all(h.target in (BLOCK,) + POSTS_FAMILY for h in hits):
        return None  # 未发生信息泄露, 没有发生公开虚假信息的情况: an incident, not a count of published items
    labels = _denied_labels(window, [h for h in hits if h.target != BLOCK])
    if labels and set(labels) <= {"APP_RECEIVED", "APP_PROCESSED"} and "申请" not in window \
            and _SUGGESTION_WORDS.search(window):
        return ["NPC_SUGGESTIONS"]  # 未收到人大建议和政协提案: the deputies' suggestions, not applications
    if any(label in _ZERO_KINDS for label in labels):  # 全年无规章、规范性文件、行政许可: each kind the cue denies
        labels += [h.target for h in hits if h.target in _ZERO_KINDS + ("SERVICE_ITEMS",) and h.target not in labels
                   and h.cue != "事项"]
        labels = list(dict.fromkeys(labels))
    if labels == ["APP_DENIED"] and (_NOTHING_RECEIVED.search(text, max(0, cue_end - 100), cue_end)
                                     or _SHOULD_BE_DISCLOSED.search(window)):
        return None  # 未收到申请，未出现不予公开政府信息情况: no application, so none refused; an assurance, no count
    if labels == ["APP_RECEIVED"] and _ON_REQUEST.match(window):
        handled = _HANDLED.search(window) is not None  # 无依申请公开办理事项: none received, none handled
        if _NONE_RECEIVED_BEFORE.search(text, max(0, cue_end - 80), cue_end):
            return ["APP_PROCESSED"] if handled else None  # 未收到申请，无依申请公开事项: said once already
        if handled:
            labels = ["APP_RECEIVED", "APP_PROCESSED"]
    if any(label in CASES for label in labels):  # 未发生针对本乡…的行政复议案、行政诉讼案及举报投诉事件:
        longer = _denied(text, cue_end, 60)  # a long claim names the lawsuits and complaints further on
        case = max(longer.rfind("复议"), longer.rfind("诉讼"))
        for label, named in (("LITIGATION_CASES", "诉讼" in longer), ("PUBLIC_MESSAGES", bool(_COMPLAINTS.search(longer, case)))):
            if named and label not in labels:
                labels.append(label)
    return labels


_COMPLAINTS = re.compile(r"投诉|举报|申诉")  # 申诉: a complaint, as 投诉 (未发生行政复议、诉讼和申诉案件)


# a zero cue's clause about applications (无依申请公开事项, 未产生依申请公开信息, 无相关申请处理情况), and
# a claim right before it in its sentence that none was received (未收到政府信息公开申请，无…)
_ON_REQUEST = re.compile(r"(?:产生|发生)?(?:依申请|相关申请)")
_HANDLED = re.compile(r"办理|处理")
_NONE_RECEIVED_BEFORE = re.compile(r"(?:未|没有|无)(?:" + RECEIVED + r")[^。；;\n]{0,40}?申请[^。；;\n，,]{0,6}[，,、]\s*(?:无|未|没有)$")
_CARRIED_WORD = re.compile(r"结转|转结")
_SUGGESTION_WORDS = re.compile(r"人大|政协|提案")
_ZERO_KINDS = ("REGULATIONS", "NORMATIVE_DOCS", "ADMIN_DECISIONS", "ADMIN_FEES", "PROCUREMENT")
_NOTHING_RECEIVED = re.compile(r"(?:未|没有|尚未)(?:" + RECEIVED + ")")
_SHOULD_BE_DISCLOSED = re.compile(r"应(?:当|该)?公开而")
_NO_ACCOUNTS = re.compile(r"[^，,。；;]{0,6}?(?:开设|开通|建立|设立|独立网站及)[^，,。；;]{0,12}?(?:新媒体|公众号|微博|微信)|"
                          r"(?:独立网站及)?(?:政务|政府)?新媒体")
_FORWARD_DENIED = re.compile(r"[^，,。；;]{0,4}?(?:" + _INTO_NEXT_YEAR + r"|下一?年度?(?:结转|转结))")
_FEES_DENIED = re.compile(r"[^，,。；;]{0,24}?收取[^，,。；;]{0,20}?费")


def zero_claim_labels(text: str, cue_end: int) -> list[str]:
    """The labels a zero cue ending at `cue_end` denies: what its clause names first, with the
    labels named together with it (`ZERO_TOGETHER`; 复议 and 诉讼 whenever both are named)."""
    return zero_claim_reading(text, cue_end) or []


def _denied_labels(window: str, hits: list[_Hit]) -> list[str]:
    """The labels of a zero cue's clause `window` from its label `hits`: the first named (复议 and
    诉讼 together), with the labels of its `ZERO_TOGETHER` group coordinated with it."""
    found = [h.target for h in hits]
    if "FEE_COLLECTED" in found or "ADMIN_FEES" in found:
        return ["FEE_COLLECTED" if "FEE_COLLECTED" in found else "ADMIN_FEES"]
    labels = [label for label in CASES if label in found] or found[:1]
    if labels == ["INFO_PUBLISHED"] and "APP_RECEIVED" in found:  # 无政府信息公开申请: the application, not
        labels = ["APP_CARRIED_OVER" if _CARRIED_WORD.search(window) else "APP_RECEIVED"]  # the 信息 before it
    if labels == ["APP_RECEIVED"] and "PUBLIC_MESSAGES" in found and "申请" not in window:
        labels = ["PUBLIC_MESSAGES"]  # 未接到相关投诉举报, 未收到…申诉案: a receiving verb, and complaints, not applications
    group = next((g for g in ZERO_TOGETHER if labels and labels[0] in g), ())
    named = [h for h in hits if h.target in labels]
    grown = True
    while grown:  # a label of the group joins when it is coordinated with one already named, either side
        grown = False
        for hit in hits:
            if hit.target in group and hit.target not in labels and any(_coordinated(window, hit, n) for n in named):
                labels.append(hit.target)
                named.append(hit)
                grown = True
    return labels


_OPENS_LIST = re.compile(r"[，,]?\s*(?:其中|包括|分别为|主要有|[：:（(])")


def _in_published_list(text: str, cand: Candidate, facts: list[Fact]) -> bool:
    """Is `cand` an item of a list opened right after a count of published items in its sentence
    (公开信息20项，其中行政许可3项，行政处罚6项，年度执法计划1项)?"""
    for fact in reversed(facts):
        if cand.start - fact.end > LIST_REACH or any(ch in text[fact.end:cand.start] for ch in "。！!？?\n"):
            return False
        if _OPENS_LIST.match(text, fact.end):
            return fact.label in POSTS_FAMILY
    return False


def _clause_start(text: str, start: int, prev_end: int = 0, sentence_start: int | None = None) -> int:
    """Where the clause of a count starting at `start` opens: after the last comma, colon or sentence
    end (`sentence_start` when the caller has it), the previous count (`prev_end`), or 40 characters back."""
    comma = last_of(text, "，,：:", start) + 1
    if sentence_start is None:
        sentence_start = _sentence_start(text, start, SENTENCE_REACH)
    return max(prev_end, sentence_start, comma, start - 40)


def no_total_of_the_year(text: str, start: int) -> bool:
    """The count starting at `start` is a rate, an average or a maximum (每周报送3篇, 平均阅读量800次,
    最高日阅读量5万次) or counts all the years together (历年累计公开信息295条, 自2008年以来), not a total
    of the reporting year (FACTS.md §5)."""
    clause_start = _clause_start(text, start)
    return _names_rate_or_average(text[clause_start:start]) or over_the_years(text, start, clause_start)


# a list opened by all the years' count or a heading over them (历年主动公开政府信息主要类别情况：…; 历年累计523条，
# 其中：…; 自开通以来…)
_RUNNING_TOTAL_OPENS = re.compile(r"(?:历年|自开通以来)[^。\n；;]{0,40}?(?:[：:]|\d+\s*条[，,。]?\s*其中[：:，,]?)")
# accounts cleared, closed, merged or added (清理新媒体账号5个, 新增政务新媒体1个): a change, no total of the year
_ACCOUNTS_CHANGE = re.compile(r"(?:清理|注销|关停|关闭|整合|新增|新建)[^，,。；;\d]{0,16}$")


def _under_a_running_total(text: str, fact: Fact) -> bool:
    """Is `fact` published items listed under all the years' count, on its line, no year named since?"""
    if fact.label not in POSTS_FAMILY:
        return False
    line = max(text.rfind("\n", 0, fact.start), text.rfind("。", 0, fact.start)) + 1
    opened = None
    for opened in _RUNNING_TOTAL_OPENS.finditer(text, line, fact.start):
        pass
    return opened is not None and not YEAR_NAMED.search(text, opened.end(), fact.start)


def _accounts_changed(text: str, fact: Fact) -> bool:
    """Is `fact` a count of accounts or followers that its clause says changed (新增关注78个)?"""
    if fact.label not in ("NEW_MEDIA_ACCOUNTS", "FOLLOWERS"):
        return False
    clause = last_of(text, "，,。；;\n", fact.start) + 1
    return bool(_ACCOUNTS_CHANGE.search(text, clause, fact.start))


# administrative disputes: appeals and lawsuits counted together (引发行政争议11件，其中行政复议7件、行政诉讼4件),
# which no label counts
_DISPUTES = re.compile(r"行政争议[^，,。；;\d]{0,6}$")


def _disputes(text: str, fact: Fact) -> bool:
    """Is `fact` a count of administrative disputes, appeals and lawsuits together (引发行政争议275件)?"""
    return bool(_DISPUTES.search(words_before(text, fact.start, "，,。；;\n")))


def over_the_years(text: str, start: int, clause_start: int | None = None) -> bool:
    """The count starting at `start` counts all the years together (历年累计公开信息295条)."""
    clause_start = _clause_start(text, start) if clause_start is None else clause_start
    return bool(_OVER_THE_YEARS.search(text, clause_start, start))


def _names_rate_or_average(clause: str) -> bool:
    return bool(_PER_PERIOD.search(clause) or _AVERAGE_OR_MAXIMUM.search(clause))


def _quantity_label(text: str, cand: Candidate, prev_end: int, published_list: bool = False) -> tuple[str | None, float]:
    q = cand.quantity
    sentence_start = _sentence_start(text, cand.start, SENTENCE_REACH)
    clause_start = _clause_start(text, cand.start, prev_end, sentence_start)
    clause = text[clause_start:cand.start]
    if CHANGE.search(clause) and not clause.rstrip().endswith(("至", "到", "为")):
        return None, 0.0  # 增加了3例 is a change; 提升至98% states a level
    if _OVER_THE_YEARS.search(clause):
        return None, 0.0  # 历年累计受理申请15件: all the years together, not the report's year
    if _names_rate_or_average(clause):
        return None, 0.0  # 每周报送3篇, 平均阅读量800次: a rate or an average, not a total of the year (FACTS.md §5)
    if q.unit in ("%", "成"):
        return "RATE", _SCORES["rate"]
    lead_score = 1.0
    unitless_items = q.unit is None and bool(_UNITLESS_ITEMS.search(clause))
    if q.unit is None and q.value < 10_000:
        if not (LEAD_IN.search(clause) or unitless_items):
            return None, 0.0
        lead_score = 0.8
    sentence = text[sentence_start:cand.start]
    left = sorted(_hits(clause, clause_start), key=lambda h: (h.end, h.end - h.start), reverse=True)
    outcome = _outcome_after(text, cand, left)
    if outcome is not None and q.unit in COUNT:
        return outcome, _SCORES["right"] * lead_score  # 其中3条已公开, 17件结转下年办理
    after = text[cand.end:cand.end + 60]
    right = "" if unitless_items else _right_phrase(text, cand.end)  # 信息731网站访问量…: the next sentence
    if right:
        label = _right_label(_hits(right, cand.end), left, q.unit, q.value, sentence, after)
        if label is None or not _counts_it(label, q.unit, clause + right, sentence):
            return None, 0.0  # 梳理出19个试点领域事项; 网站报送23篇信息: sent up, not published
        return label, _SCORES["right"] * lead_score
    far = sorted((h for h in _hits(sentence[: clause_start - sentence_start], sentence_start)
                  if not (published_list and h.target in _ITEM_KINDS and _COUNTED.search(text, h.end, cand.start))),
                 key=lambda h: (h.end, h.end - h.start), reverse=True)
    posting = any(h.target == POST and h.cue in PUBLISHING for h in left)
    tiers = (
        ([h for h in left if h.tier == 1], "clause"),
        ([h for h in left if h.tier == 2], "clause_generic"),
        ([h for h in far if h.tier == 1], "sentence"),
        ([h for h in far if h.tier == 2], "sentence_generic"),
    )
    for hits, how in tiers:
        if how == "sentence" and tiers[0][0]:
            break  # the clause named what it counts (培训251人次): no label from further back
        first_kind = [h for h in hits if h.target in PRECEDENCE]
        hits = first_kind[:1] + [h for h in hits if h not in first_kind[:1]]
        for i, hit in enumerate(hits):
            if hit.target == BLOCK:
                later = [h for h in left if h.start >= hit.end]
                if any(h.target in (POST, "INFO_PUBLISHED") for h in later) and (
                        hit.cue in PLACES or OFFLINE.search(clause, hit.end - clause_start)
                        or hit.cue == "渠道" and how == "clause"):  # 公开栏等其他渠道公开600条
                    continue  # 通过政务公开专栏发布信息27条, 社区公示栏公示30次: where, the items are counted
                if any(h.cue == "信息" for h in later):
                    continue  # 部门动态信息11条, 重点领域信息52条: the word only qualifies the items
                if hit.cue in ("文件", "政策文件", "公文") and any(
                        h.target == "POLICY_INTERPRETATIONS" and h.end <= hit.start for h in left):
                    continue  # 解读重要政策文件82篇, 发布政策解读文件10篇: the documents are what is explained
                if hit.cue == "文件" and q.unit in ("件", "条", "个") and _CHANNEL_PUBLISHES_DOCUMENTS.search(
                        text, max(sentence_start, hit.start - 60), hit.end) and any(
                        h.channel is not None and h.end <= hit.start for h in left + far):
                    continue  # 通过县政府网站公开文件9件: documents a named channel published are its items
                if hit.cue == "问题" and _ANSWERED.search(clause) and q.unit in UNITS_OK["PUBLIC_MESSAGES"]:
                    return "PUBLIC_MESSAGES", _SCORES[how] * lead_score  # 回答各类问题120个
                return None, 0.0
            if hit.channel is None and hit.target != POST and _KINDS_OF_ITEMS.search(text, hit.end, cand.start):
                continue  # 会议、规范性文件、政策解读等政务信息4127条 counts the items, not one kind
            hit = _named_together(hit, hits[i + 1:], text)
            label = _resolve(hit, q.unit, q.value, sentence, posting, _run_on(text, sentence_start), after)
            if label == "APP_PROCESSED" and _received_first(hit, hits[i + 1:], how, text, sentence_start, cand.end):
                label = "APP_RECEIVED"
            if label in _APPLICANT_KINDS and _ANY_APPLICANT.search(text, max(0, hit.start - 4), hit.end + 8):
                label = "APP_RECEIVED"  # 收到公民、法人或其他组织提出的申请3件: who may apply, not one kind
            if label is not None:
                if not _counts_it(label, q.unit, clause, sentence):
                    return None, 0.0
                return _by_topic(label, sentence, q.unit), _SCORES[how] * lead_score
    return None, 0.0


def _counts_it(label: str, unit: str | None, clause: str, sentence: str) -> bool:
    """Does a count labelled `label` by its cue count what the label counts, given the words of its
    `clause` (the count's noun after it included) and of its `sentence` before it?"""
    if label in POSTS_FAMILY and NOT_PUBLISHED.search(clause):
        return False  # 报送信息115条, 被采用11篇: sent up or taken up, not published
    if label == "ADMIN_DECISIONS" and unit == "项" and _POWERS_LISTED.search(sentence):
        return False  # 新增行政处罚42项: kinds of power in the office's list, not decisions
    if label == "APP_DENIED" and _DISCLOSURE_OF_DOCUMENTS.search(sentence) and _WITHHELD.search(clause):
        return False  # 主动公开21件，不予公开75件: documents made and withheld, no applications
    if label == "VIEWS" and _UP_TO_A_DATE.search(sentence) and _RUNNING_TOTAL.search(sentence):
        return False  # 截至目前，网站总访问量43万次: every visit since the site opened, not the year's
    return not (label == "SERVICE_ITEMS" and _ITEMS_SORTED.search(clause))  # 梳理事项清单14项: a list drawn up


# the office's list of powers changed or moved, or last year's (新增行政处罚42项, 进驻大厅行政许可9项)
_POWERS_LISTED = re.compile(r"新增|增加|上年度|上一年度|进驻|缩减|取消|下放")


# documents made, sorted by how they are disclosed: after a count disclosed on the office's own
# initiative, the count withheld (不予公开) is of documents, not of applications refused
_DISCLOSURE_OF_DOCUMENTS = re.compile(r"主动公开[^。；;！!？?\n]{0,12}?[0-9０-９]+\s*(?:条|件|份|个)")
_WITHHELD = re.compile(r"不予公开[^，,、；;]{0,6}$")
# a count up to a date that is a running total (截至2023年底，累计访问量61万次): views since the site opened
_UP_TO_A_DATE = re.compile(r"截至|截止")
_RUNNING_TOTAL = re.compile(r"累计|总访问量")
# matters sorted into lists, cancelled, handed down or overseen: no services offered (梳理事项清单14项);
# powers, matters overseen and entries of a disclosure catalogue (6915项权力事项, 一级事项380项) are no services
_ITEMS_SORTED = re.compile(r"梳理|编制|取消|下放|精简|督办|决策事项|试点|权力事项|监管事项|[一二三]级事项|末级事项")


# kinds a list of published topics names item by item (公开信息20项，其中行政处罚6项，监督检查3项): a kind
# named for one item, a count after it, is that item's, not the next one's
_ITEM_KINDS = ("ADMIN_DECISIONS", "NORMATIVE_DOCS", "REGULATIONS", "POLICY_INTERPRETATIONS", "PROCUREMENT",
               "NPC_SUGGESTIONS")
_COUNTED = re.compile(r"[0-9０-９]+\s*(?:条|件|项|篇|个|份|期)")


# what became of applications, said right after their count (其中3条已公开；17件结转下年办理；14件政府信息
# 公开申请已全部办结)
_OUTCOMES_AFTER = ((re.compile(r"[^，,。；;！!？?\n]{0,10}?(?:结转下|结转至下|转下一?年|转入下年)"), "APP_CARRIED_FORWARD"),
                   (re.compile(r"(?:已|均已|已全部|全部)(?:予以)?公开"), "APP_GRANTED"),
                   (re.compile(r"[^，,。；;！!？?\n]{0,10}?(?:已全部办结|均已办结|已办结|全部办结)|"
                               r"[^，,。；;！!？?\n]{0,4}?(?:均已|均|已全部|全部|已)[^，,。；;！!？?\n]{0,12}?"
                               r"(?:答复|回复|办理完毕|办理完成|办结)"), "APP_PROCESSED"))


def _outcome_after(text: str, cand: Candidate, left: list[_Hit]) -> str | None:
    """The outcome named right after a count of applications whose own clause names nothing
    specific (no cue of its own, no publishing)."""
    if any(h.tier == 1 or h.target in (POST,) + POSTS_FAMILY for h in left):
        return None
    if "申请" not in text[max(0, cand.start - 60):cand.end + 16]:
        return None
    for pattern, label in _OUTCOMES_AFTER:
        if pattern.match(text, cand.end):
            return label
    return None


_APPLICANT_KINDS = ("APP_NATURAL_PERSON", "APP_ORGANIZATION")
_CASE_GAP = re.compile(r"[^。！!？?\n]{0,30}")


def _cases_of_outcome(text: str, cand: Candidate, facts: list[Fact]) -> str | None:
    """The label of the appeals or lawsuits counted right before `cand` in its sentence when `cand`
    counts what became of them (``发生行政复议4件，3件维持，1件撤诉``, ``行政诉讼2起，其中1起胜诉``): an
    outcome word in its own words before it or right after it, the fact before it a count of those
    cases (the total or another outcome). A part keeps its total's label (FACTS.md §4)."""
    if not facts or facts[-1].label not in CASES or cand.quantity.unit not in UNITS_OK[facts[-1].label]:
        return None
    if not _CASE_GAP.fullmatch(text, facts[-1].end, cand.start):
        return None
    own = words_before(text, cand.start, "，,、；;：:。\n")
    after = text[cand.end:cand.end + 8]
    after = after[:min((after.find(ch) for ch in "，,、；;。\n" if ch in after), default=len(after))]
    return facts[-1].label if CASE_OUTCOME.search(own) or CASE_OUTCOME.search(after) else None


# the ways applications come in (FACTS.md: the parts of a count received)
# a list of parts opened by 其中 a few words or one clause after its total (70件（其中…, 47件，较上一年度增加42件。
# 其中…), or by a bracket right after it (247件(网络申请195件…)
_OPENS_PARTS = re.compile(r"[^，,。；;！!？?\n]{0,15}?(?:[，,][^，,。；;！!？?\n]{0,12}?)?[。，,：:\s（(]*其中|\s*[（(]")
_APPLICATION_CHANNEL = re.compile(r"信函|电子邮件|邮件|网络|在线|网上|网页|当面|现场|传真|平台|系统|渠道|邮寄|互联网|线下|线上")


def _by_application_channel(text: str, cand: Candidate, facts: list[Fact]) -> bool:
    """Is `cand` a count of applications that came in one way, in a list opened by 其中 after the count
    received in its sentence (收到申请23件，其中网络平台19件，信函渠道4件; 70件（其中线下提交0件）)?"""
    if cand.quantity.unit not in ("件", "条", "个", "人次", "次"):
        return False
    own = words_before(text, cand.start, "，,；;：:。、\n")
    if not _APPLICATION_CHANNEL.search(own):
        return False
    for fact in reversed(facts):  # back over the list's other parts (and their shares) to the count received
        if fact.label == "RATE":
            continue
        between = text[fact.end:cand.start]
        if fact.label != "APP_RECEIVED" or any(ch in between.replace("。其中", "其中", 1) for ch in "。！!？?\n"):
            return False
        if _OPENS_PARTS.match(text, fact.end):
            return True
    return False


# the way applications were handed in, a website, the post or in person (网站申请181件, 书面申请1件, 通过网站及
# 邮寄方式提交政府信息公开申请55件): the channel says how they came, not where items were published
_APPLIED_THROUGH = re.compile(r"(?:网站|网页|政务网|门户网|网上|网络|邮递|邮寄|信函|书面|当面|现场|传真|电子邮件)[^，,。；;]*?(?:提交|(?<!依)申请)")


# requests for information received, the request named before or after the count
_REQUESTS_BEFORE = re.compile(r"(?:收到|受理|接到|接收)[^，,。；;]{0,10}?(?:申请公开(?:政府)?信息|公开(?:政府)?信息(?:的)?(?:申请|要求))"
                              r"[^，,。；;]{0,4}$")
_RECEIVED_RIGHT_BEFORE = re.compile(r"(?:收到|受理|接到|接收)[^，,。；;]{0,4}$")
_REQUEST_AFTER = re.compile(r"[^，,。；;0-9０-９]{0,12}?申请")


def _asks_for_information(text: str, cand: Candidate) -> bool:
    """Does `cand` count requests received for information (收到申请公开政府信息4件; 收到2件公众关于政府信息
    公开的申请) rather than information published?"""
    start = _clause_start(text, cand.start)
    return bool(_REQUESTS_BEFORE.search(text, start, cand.start) or (
        _RECEIVED_RIGHT_BEFORE.search(text, start, cand.start) and _REQUEST_AFTER.match(text, cand.end)))


def _applications_total(text: str, cand: Candidate, facts: list[Fact]) -> str:
    """The label of a count of applications that came in one way: its total's when a list opened by
    其中 or a bracket after an application count of the sentence holds it (其中网络申请5件、信函申请1件
    under 办理…6件), else APP_RECEIVED."""
    total = _last_count_since(_sentence_start(text, cand.start, SENTENCE_REACH), facts,
                              lambda f: f.label.startswith("APP_") and bool(_OPENS_PARTS.match(text, f.end)))
    return total.label if total is not None else "APP_RECEIVED"


_WITHDRAWN = re.compile(r"(?:撤回|撤销)(?!许可)[^，,。；;]{0,6}$")


def _withdrawn_from(text: str, cand: Candidate, facts: list[Fact]) -> str | None:
    """The label of the applications received or handled counted earlier in the sentence that a count
    withdrawn is a part of (收到申请85件，其中申请人主动撤回39件: APP_RECEIVED; guide §4), else None."""
    total = _last_count_since(_sentence_start(text, cand.start, 200), facts,
                              lambda f: f.label in ("APP_RECEIVED", "APP_PROCESSED"))
    return total.label if total is not None else None


def _last_count_since(start: int, facts: list[Fact], wanted: Callable[[Fact], bool]) -> Fact | None:
    """The last of `facts` (read so far, in order) from `start` on that is a count, not a zero claim, and
    `wanted`: the total a part said later in the sentence belongs to."""
    for fact in reversed(facts):
        if fact.start < start:
            return None
        if fact.qualifier != "zero_claim" and wanted(fact):
            return fact
    return None


def _received_before(text: str, cand: Candidate, facts: list[Fact]) -> bool:
    """Is there a count of applications received earlier in the paragraph (the total a kind of
    applicant is a part of: 收到申请20件，其中自然人18件)?"""
    paragraph = text.rfind("\n", 0, cand.start)
    if "其中" in text[max(paragraph + 1, cand.start - 20):cand.start]:
        return True  # 其中自然人申请2件: a part, its total said before
    return any(f.label == "APP_RECEIVED" and f.end <= cand.start and f.start > paragraph
               and f.qualifier != "zero_claim" for f in facts)
_ANY_APPLICANT = re.compile(r"(?:公民|自然人)[、，,]?(?:或|和|及|与|或者)?(?:法人|其他组织)")
_LATER_OUTCOME = re.compile(r"(?:办结|答复|结转)[^，,。；;]{0,8}?[0-9０-９]+\s*[件宗条个]")


def _received_first(hit: _Hit, earlier: list[_Hit], how: str, text: str, sentence_start: int, end: int) -> bool:
    """Does a processing verb count the applications received? Yes when a receiving verb
    shares its clause (收到并按时办结16件, 受理答复申请22件), or when 办理 is the sentence's first
    word about applications and outcomes are counted after it (全年办理政府信息公开申请61件，
    办结54件，结转下一年办理7件): the year's intake."""
    if how == "clause" and any(h.target == "APP_RECEIVED" and h.tier == 1 and "中" not in text[h.end:hit.start]
                               for h in earlier):
        return True
    if hit.cue != "办理" or "申请" not in text[hit.end:hit.end + 20]:
        return False
    before = text[sentence_start:hit.start]
    after = text[end:_clause_end(text, end, 120, STOPS)]
    return not any(h.target.startswith("APP_") for h in _hits(before)) and bool(_LATER_OUTCOME.search(after))


# questions put by the public and answered: messages (共回答各类问题120个, 收集政策咨询问题40个)
_ANSWERED = re.compile(r"回答|回应|解答|答复|咨询|信箱|热线|留言")


# a list of kinds closed by 等…信息: the count is of the published items (no one kind)
_KINDS_OF_ITEMS = re.compile(r"等[^，,。；;、]{0,6}信息[^，,。；;、]{0,4}$")


# what an application verb counts when the sentence is about messages or deputies' suggestions
# (市长信箱收到来信238件，办结99件; 人大代表建议办理结果103件): the nearest topic word decides
_TOPICS = (("PUBLIC_MESSAGES", re.compile(r"(?<!申请)(?<!申请公开)(?:信箱|留言|来信|信件|来件|热线|工单|诉求|来访|信访|舆情|来电|网民|投诉|咨询|随手拍)")),
           ("NPC_SUGGESTIONS", re.compile(r"(?<![见言询诉和、])建议|提案")),
           # 受理行政复议申请56件，办结38件: appeals, not applications for information
           ("REVIEW_CASES", re.compile(r"行政复议(?:申请)?")),
           ("LITIGATION_CASES", re.compile(r"行政(?:诉讼|应诉)(?:案件)?")),
           (None, re.compile(r"(?<!复议)申请")))


def _by_topic(label: str, before: str, unit: str | None) -> str:
    """`label` becomes the `_TOPICS` label whose word comes nearest before the count (in `before`,
    its sentence so far) when `_BECOMES` lets it and the unit fits: an APP_* count of messages,
    suggestions, appeals or lawsuits, cases handled (SERVICES_HANDLED) of a mailbox, an outcome of
    appeals (结果维持) when a lawsuit was named last."""
    nearest = _nearest_topic(before)
    may_become = _BECOMES.get(label, _ALL_TOPICS if label.startswith("APP_") else ())
    return nearest if nearest in may_become and unit in UNITS_OK[nearest] else label


_ALL_TOPICS = tuple(topic for topic, _ in _TOPICS if topic is not None)
_BECOMES = {
    "SERVICES_HANDLED": ("PUBLIC_MESSAGES",),  # 信箱办件7件: messages; 办件 of services stay services
    "REVIEW_CASES": ("LITIGATION_CASES",),  # an outcome (结果维持) of whichever was named last
}


def _nearest_topic(before: str) -> str | None:
    """The `_TOPICS` label whose word comes last in `before` (None for 申请 or no topic word)."""
    nearest, where = None, -1
    for topic, pattern in _TOPICS:
        found = [m.end() for m in pattern.finditer(before)]
        if found and found[-1] > where:
            nearest, where = topic, found[-1]
    return nearest


def _right_label(right: list[_Hit], left: list[_Hit], unit: str | None, value: float, sentence: str,
                 after: str = "") -> str | None:
    """A count followed by its noun counts that noun: 6个综合窗口 (none), 129项便民服务事项."""
    nouns = [h for h in right if h.target != POST]
    if not nouns or nouns[-1].target == BLOCK:
        return None
    if unit == "个" and nouns[-1].target == "INFO_PUBLISHED" and any(
            h.target == BLOCK or h.channel == "WEBSITE_POSTS" for h in nouns):
        return None  # 20个重点领域信息, 两个网站平台公开信息: the fields or channels are counted, not the items
    head = nouns[-1]  # the head noun comes last: 信息公开申请
    if head.tier == 2:  # 办结98件申请: a generic noun keeps the specific verb before it
        same_family = [h for h in left if h.tier == 1 and _family(h.target) == _family(head.target)]
        received = [h for h in same_family if h.target == "APP_RECEIVED"]  # 收到并办结16件申请
        head = (received or same_family or [head])[0]
    return _resolve(head, unit, value, sentence, after=after)  # 33个政务新媒体: accounts, whatever the verb


def _named_together(hit: _Hit, earlier: list[_Hit], text: str) -> _Hit:
    """``予以公开及部分公开208件`` counts under the first category named (FACTS.md §4)."""
    for other in earlier:
        if other.tier == 1 and other.target not in (BLOCK, POST) and re.fullmatch(
            r"(及|和|与|以及|、|或|或者)", text[other.end:hit.start]
        ):
            if _family(other.target) == _family(hit.target):
                return other
    return hit


# the website named right after the count (发布信息320条，均在区政府门户网站公开; 216条（发布在县政府网站）)
_WEBSITE_AFTER = re.compile(r"[^。；;\n\d]{0,4}?[，,（(]\s*(?:所有信息|上述信息|以上信息)?(?:(?:均|全部|都)(?:已|已经)?(?:在|通过|于)|"
                            r"(?:均|全部|都)?(?:已|已经)?(?:发布在|发布于))[^，,。；;\d]{0,25}?(?:网站|门户网|政府网|官网)")


def _resolve(hit: _Hit, unit: str | None, value: float, sentence: str, posting: bool = False,
             run_on: str = "", after: str = "") -> str | None:
    """The label a cue gives a count with this unit, channels considered; None if none fits.
    `run_on`: the clauses before `sentence` up to the last full stop (……门户网站公开信息173条；
    专题发布信息59条: the website named at the start of the ；-separated run still publishes);
    `after`: the text after the count, where a website may be named when none is before it
    (发布信息320条，均在区政府门户网站公开)."""
    target = hit.target
    if target == BLOCK:
        return None
    if unit in ITEM_COUNTS.get(hit.cue, ()) and re.search(re.escape(hit.cue) + _TOTALLED, sentence):
        unit = "条"
    if target in (POST, "INFO_PUBLISHED") or hit.channel is not None:
        # a board off the web named in the sentence keeps the ；-run's website from claiming its items
        named = hit.channel or _nearest_channel(sentence) or (
            None if OFFLINE.search(sentence) else _only_channel(run_on)) or (
            "WEBSITE_POSTS" if _WEBSITE_AFTER.match(after) else None)
        channel = _joined_channels(sentence, named)
        if channel is None:
            target = "INFO_PUBLISHED"
        elif unit in ("个", "家") and not posting:  # 两个网站平台, 页面6个: websites and their pages are no accounts
            target = "NEW_MEDIA_ACCOUNTS" if channel != "WEBSITE_POSTS" else None
        elif unit in ("人", "户", "名") or (unit is None and value >= 10_000 and target != POST):
            target = "FOLLOWERS"
        elif unit in ("次", "人次") and target != POST and not posting:  # 媒体报道20次 are reports
            target = "VIEWS" if value >= 100 else None  # 访问2234399人次; not 开展在线访谈2次
        else:
            target = channel
    if target == "INFO_PUBLISHED" and unit == "次" and OFFLINE.search(sentence):
        return target  # 通过公示栏公示共计30次: each posting on a board is an item put up
    if target == "WEBSITE_POSTS" and hit.channel is None and _disclosure_place_publishes(sentence, run_on):
        target = "INFO_PUBLISHED"  # 网站发布3335条，政府信息公开专栏发布954条: the disclosure column's own count
    if target in CHANNEL_POSTS and hit.channel is None and _own_publisher(sentence):
        target = "INFO_PUBLISHED"  # 网站公开1500条，县政府公报公开60条: the bulletin's own count
    if target in CHANNEL_POSTS and hit.channel is None and _total_of_channels(sentence, run_on):
        target = "INFO_PUBLISHED"  # …网站…1683条，…公众号…1276条，共主动公开政府信息3895条: all channels together
    if target == "SERVICE_ITEMS" and _ONLINE_SERVICES.search(sentence):
        target = "ONLINE_ITEMS"  # 可全程在线办理政务服务事项1512项: the items one can do online
    elif target == "SERVICE_ITEMS" and unit == "件" and _SERVICES_TAKEN_UP.search(sentence):
        target = "SERVICES_HANDLED"  # 受理各类服务事项144350件: services handled, each a case (件)
    return target if unit in UNITS_OK.get(target, ()) else None


# a disclosure platform, column or catalogue that publishes in the count's own clause
_PLACE_PUBLISHES = re.compile(r"(?:信息公开|政务公开|公开)(?:平台|专栏|目录)[^，,；;、\d]{0,8}?(?:发布|公开|公布|更新)")
_PARTS_FOLLOW = re.compile(r"\d\s*[条篇件个]?[，,。：:]?\s*(?:其中|包括|含)")


def _disclosure_place_publishes(sentence: str, run_on: str) -> bool:
    """Does the count ending `sentence` count what a disclosure place published in its own clause, after a
    website counted on its own (not a column of the website listed under the website's count)?"""
    clause_start = max(sentence.rfind(ch) for ch in "，,；;：:") + 1
    clause = sentence[clause_start:]
    if not _PLACE_PUBLISHES.search(clause) or _channel_hits(clause):
        return False
    before = run_on + sentence
    named = _channel_hits(before)
    return bool(named) and not _PARTS_FOLLOW.search(before, named[-1].end, len(run_on) + clause_start)


def _own_publisher(sentence: str) -> bool:
    """Does a clause of its own publisher (`OWN_PUBLISHER`) stand between the last channel named in
    `sentence` and the count ending it (网站公开1500条，县政府公报公开60条，…: none of the website's)?"""
    channels = _channel_hits(sentence)
    since = sentence[channels[-1].end if channels else 0:]
    return any(OWN_PUBLISHER.search(clause) for clause in re.split(r"[，,；;、：:]", since)[1:])


_TOTAL_OPENS = re.compile(r"^[^\u4e00-\u9fff]*(?:[条篇])?[）)]?[，,；;、]?\s*(?:全年)?(?:共计|总计|合计|共|一共|全年总计)")
_DIGIT = re.compile(r"\d")


def _total_of_channels(sentence: str, run_on: str) -> bool:
    """Does the count ending `sentence` add up what two or more channels named before it published (its
    words since the last number open with 共/共计/合计 and name no channel)?"""
    digits = [m.end() for m in _DIGIT.finditer(sentence)]
    if not digits:
        return False
    since = sentence[digits[-1]:]
    if not _TOTAL_OPENS.search(since) or _channel_hits(since):
        return False
    return len({h.channel for h in _channel_hits(run_on + sentence[:digits[-1]])}) >= 2


_ONLINE_SERVICES = re.compile(r"(?:全程|全流程|可)在线办理[^，,。；;]{0,12}$")
_SERVICES_TAKEN_UP = re.compile(r"(?:办理|受理|办结)[^，,。；;]{0,8}$")


# a list of channels closed by 等渠道/等平台… counts what all of them published: no one channel
_SEVERAL_CHANNELS = re.compile(r"等(?:多种|各类|多个|多元|主要)?(?:渠道|平台|载体|方式|形式|途径|媒体)|多(?:种|个|元)?(?:渠道|平台|载体)|"
                               # 以门户网站为主渠道, 发挥网站的主渠道作用, 以网站作为第一平台: not the only one
                               r"为主(?:要)?(?:渠道|平台|阵地|载体)|(?:主|第一)(?:渠道|平台|阵地)作用|作为第一(?:公开)?平台|"
                               r"为(?:信息公开|政务公开)?主要(?:公开)?(?:平台|途径|渠道|阵地|载体)|"  # 以网站为主要公开平台
                               # 以门户网站为政务公开的主要平台, 以政府网站为依托
                               r"为[^，,。；;]{0,8}?的主要(?:公开)?(?:平台|途径|渠道|阵地|载体|窗口)|为主要窗口|为依托")


_ACCOUNTS = ("微信公众号", "微信", "微博", "抖音", "视频号", "头条号", "今日头条", "快手")
# new media named as the kind of the account right after it: 政务新媒体“某某”微信公众号, 政务新媒体（微信公众号）,
# and before a bare 公众号 only with a quoted name or a bracket (政务新媒体公众号 may be any new media's)
_KIND_OF_ACCOUNT = re.compile(r"(?:平台)?(?:(?:“[^”]{0,16}”|[\s\u3000]){0,2}|[（(])")
_KIND_OF_BARE_ACCOUNT = re.compile(r"(?:平台)?(?:“[^”]{1,16}”|[（(])")
_BRACKET_CLOSES = re.compile(r"[）)]")
# new media named as the reach of the WeChat account right before it, not listed with it
# (“某某发布”微信公众号发挥新媒体传播优势，推送信息210条; not 微信公众号等新媒体)
_REACH_OF_ACCOUNT = re.compile(r"(?:(?![等、和及与])[^，,。；;\d]){0,10}")


def _channel_hits(text: str, offset: int = 0) -> list[_Hit]:
    """The channels `text` names, new media that names one account (`_names_account`) left out."""
    hits = [h for h in _hits(text, offset) if h.channel is not None]
    return [h for i, h in enumerate(hits) if not _names_account(text, offset, hits, i)]


def _names_account(text: str, offset: int, hits: list[_Hit], i: int) -> bool:
    """Is channel hit `i` new media that only names the account next to it: its kind, right before
    it (政务新媒体“某某文旅”微信公众号, 街道政务新媒体微信公众号), or the reach of the WeChat account
    right before (微信公众号发挥新媒体传播优势，…)?"""
    new_media = hits[i]
    if new_media.cue not in ("政务新媒体", "新媒体"):
        return False
    account = hits[i + 1] if i + 1 < len(hits) else None
    kind = None if account is None else _KIND_OF_ACCOUNT if account.cue in _ACCOUNTS else \
        _KIND_OF_BARE_ACCOUNT if account.cue == "公众号" else None
    gap = None if kind is None else kind.fullmatch(text, new_media.end - offset, account.start - offset)
    if gap is not None and (not gap.group().endswith(("（", "(")) or _BRACKET_CLOSES.match(text, account.end - offset)):
        return True  # in a bracket the account stands alone: 新媒体（微信公众号、微信群） names two
    wechat = hits[i - 1] if i > 0 else None
    return wechat is not None and wechat.cue in ("微信公众号", "公众号") and \
        _REACH_OF_ACCOUNT.fullmatch(text, wechat.end - offset, new_media.start - offset) is not None


# the channels of new media, the cues that name new media as a whole, and the items of a list of channels
_MEDIA = {"WECHAT_POSTS", "WEIBO_POSTS", "OTHER_MEDIA_POSTS"}
_MEDIA_AS_A_WHOLE = {"政务新媒体", "新媒体", "媒体", "两微", "双微"}
_LIST_ITEM = re.compile(r"[^、和及与]+")


def _new_media_only(text: str, channels: list[_Hit], closer: int) -> bool:
    """Is the list the channels are named in, up to the 等 at `closer`, new media alone: accounts of two kinds
    or more, or new media by that name (微信、微博等渠道; 某某等新媒体平台等渠道), every item of the list
    new media or a named account (…号): no website, paper, board or meeting among them (短信平台、微信群、
    朋友圈等形式 and 新闻发布会、广播电视、政务新媒体等渠道 name more than new media)?"""
    opened = last_of(text, "，,；;：:。\n", channels[-1].start)
    listed = [h for h in channels if h.start > opened]  # the channels of the list's own clause
    cues = {h.cue for h in listed}
    if not {h.channel for h in listed} <= _MEDIA or len(cues) < 2 and not cues & _MEDIA_AS_A_WHOLE:
        return False
    return all(any(m.start() <= h.start < m.end() for h in listed) or m.group().rstrip().endswith("号")
               for m in _LIST_ITEM.finditer(text, opened + 1, closer))


def _joined_channels(sentence: str, channel: str | None) -> str | None:
    """Several channels named in the count's own clause publish together: with a website or a
    disclosure column among them no one channel (门户网站、政务新媒体共公开44087条 → INFO_PUBLISHED;
    a disclosure column beside a channel is one, `_channels_in`), else new media as a whole
    (通过微博、微信发送消息300余条 → OTHER_MEDIA_POSTS)."""
    if channel is None:
        return None
    clause = sentence[max(sentence.rfind(ch) for ch in "，,；;：:0123456789") + 1:]
    named = _channels_in(clause)
    if len(named) < 2 or "分别" in clause:  # 微博、微信公众号分别发布信息200条、90条
        return channel
    return None if named & {"WEBSITE_POSTS", "INFO_PUBLISHED"} else "OTHER_MEDIA_POSTS"


def _channels_in(clause: str) -> set[str]:
    """The posts labels of the channels `clause` names, and INFO_PUBLISHED for a disclosure column
    or platform named beside a channel, not as its part (`_BESIDE_CHANNEL`, `_BEFORE_CHANNEL`:
    依托县政府网站、局政务公开专栏; 通过区政府信息公开专栏、微信公众号)."""
    hits = _channel_hits(clause)
    named = {h.channel for h in hits}
    if any(_listed_beside(clause, h.end) or _BEFORE_CHANNEL.search(clause, 0, h.start) for h in hits):
        named.add("INFO_PUBLISHED")
    return named


def _listed_beside(clause: str, end: int) -> bool:
    """Is a disclosure column or another place of its kind (`_BESIDE_CHANNEL`) listed after the channel ending
    at `end`, in the same list: right after it, or after a column of it or other places with no publishing
    word or count between (门户网站某某栏目及市政府信息公开目录, 县政府网站、某某子站、单位政务公开专栏等)?"""
    beside = _BESIDE_CHANNEL.search(clause, end)
    return beside is not None and not _PUBLISHING_WORD.search(clause, end, beside.start())


def _run_on(text: str, sentence_start: int) -> str:
    """The ；-separated clauses before a sentence, back to the last full stop (150 chars at most),
    or the line that opens a list with a colon (本局网站公开以下信息：)."""
    lo = max(0, sentence_start - 150)
    opening = text[lo:sentence_start].rstrip()
    if opening.endswith(("：", ":")):  # 本局网站公开以下信息：\n(1)…: the line that opens the list
        return opening[max(opening.rfind(ch) for ch in "。！!？?\n") + 1:]
    if sentence_start == 0 or text[sentence_start - 1] not in "；;":
        return ""
    stop = max(text.rfind(ch, lo, sentence_start) for ch in "。！!？?\n")
    return text[max(stop + 1, lo):sentence_start]


def channels_named(text: str) -> set[str]:
    """The posts labels of the channels `text` names (门户网站 → WEBSITE_POSTS), none for a list
    closed by 等渠道 (`_SEVERAL_CHANNELS`): several named that way publish together."""
    if _SEVERAL_CHANNELS.search(text):
        return set()
    return _channels_in(text)


def _only_channel(text: str) -> str | None:
    """The one channel a run of clauses names, None when it names none or several."""
    named = {h.channel for h in _channel_hits(text)}
    if len(named) != 1 or _SEVERAL_CHANNELS.search(text) or OFFLINE.search(text):
        return None
    return named.pop()


# a second place: a disclosure column, platform or catalogue named beside a channel, not as its part
# (依托县政府网站、局政务公开专栏发布信息42条), or a bulletin, a reading room or other media named there
# (门户网站、《市政府公报》, 网站、档案馆的查阅室, 门户网站以及其他新闻媒介); 通过县政府网站信息公开平台发布
# is the website's own platform
_SECOND_PLACE = (r"[^，,。；;、]{0,12}?(?:(?:公开|公示)(?:专栏|平台|网站?|栏|目录)|公报|查阅(?:室|点|场所|中心)|档案馆|"
                 r"图书馆|媒介|其[他它](?:政府|政务)?(?:公开)?(?:平台|渠道))")
_BESIDE_CHANNEL = re.compile(rf"(?:、|和|及|以及|与){_SECOND_PLACE}")
_PUBLISHING_WORD = re.compile(rf"{PUBLISHING_VERBS}|\d")
_BEFORE_CHANNEL = re.compile(rf"{_SECOND_PLACE}(?:、|和|及|以及|与)[^，,。；;、]{{0,12}}$")
_DIGIT = re.compile(r"\d")


def _nearest_channel(text: str) -> str | None:
    """The channel named last before the count, None when several are named together or a
    place off the web is named after it (通过网站公开信息74条，通过电子公示栏公布信息15条); channels
    named together in that channel's clause publish together (`_joined_channels`)."""
    channels = _channel_hits(text)
    if not channels or OFFLINE.search(text, channels[-1].end):
        return None
    last = channels[-1]
    several = _SEVERAL_CHANNELS.search(text, last.end)
    if several:  # 通过微信、微博等渠道: new media as a whole; with any other channel among them, no one channel
        return "OTHER_MEDIA_POSTS" if _new_media_only(text, channels, several.start()) else None
    if "分别" in text[last_of(text, "，,；;：:", last.start) + 1:]:
        return last.channel  # 通过政务微博和微信公众号，分别发布信息30条、70条: each its own channel
    number = _DIGIT.search(text, last.end)  # the channel's clause, up to the count: 网站、局政务公开专栏发布…
    closed = _clause_end(text, last.end, (number.start() if number else len(text)) - last.end)
    return _joined_channels(text[:closed], last.channel)  # 通过门户网站及政务新媒体，公开信息…


@lru_cache(maxsize=1)
def _cue_table() -> tuple[re.Pattern, dict[str, tuple[str, int, str | None]]]:
    table: dict[str, tuple[str, int, str | None]] = {}
    for word, target in GENERIC.items():
        table[word] = (target, 2, None)
    for word in BLOCKERS:
        table[word] = (BLOCK, 1, None)
    for word, label in SPECIFIC.items():
        table[word] = (label, 1, None)
    for info in catalogue().values():
        for cue in info.cues:
            if info.label in CHANNEL_POSTS:
                table[cue] = (info.label, 1, info.label)
            elif cue not in table or table[cue][1] == 2:
                table[cue] = (info.label, 1, None)
    for site in DISCLOSURE_SITES:
        table[site] = ("INFO_PUBLISHED", 1, "INFO_PUBLISHED")
    pattern = re.compile("|".join(re.escape(w) + ("(?!上|络)" if w in DISCLOSURE_SITES and w.endswith("网") else "")
                                  for w in sorted(table, key=len, reverse=True)))
    return pattern, table


# a website by its own name (通过某某民政网发布, 某某商务网发布信息): a name ending in 网 right after a
# word that places what is published, or opening a clause, and right before publishing words
NAMED_SITE = re.compile(r"(?:^|(?<=通过|依托|利用)|(?<=[在于。；;，,：:]))"
                        r"(?![^网]*(?:互联|服务|公开|一网|上网|其中|主动|全年))[\u4e00-\u9fff]{2,8}?网"
                        r"(?=站?(?:平台)?(?:主动|累计|共|全年)?(?:发布|公开|更新|刊发|推送|编发))")  # not 网上公开: online


def _hits(text: str, offset: int = 0) -> list[_Hit]:
    """Cue words in `text`, read across line breaks (PDF text wraps mid-word: 上年结\n转), and
    websites named by their own name (`NAMED_SITE`) where no cue word stands."""
    pattern, table = _cue_table()
    keep = [i for i, ch in enumerate(text) if ch != "\n"]
    joined = "".join(text[i] for i in keep)
    out = []
    for m in pattern.finditer(joined):
        target, tier, channel = table[m.group()]
        start, end = keep[m.start()] + offset, keep[m.end() - 1] + 1 + offset
        out.append(_Hit(start, end, m.group(), target, tier, channel))
    cues = len(out)
    for m in NAMED_SITE.finditer(joined) if "网" in joined else ():
        start, end = keep[m.start()] + offset, keep[m.end() - 1] + 1 + offset
        if not any(h.start < end and start < h.end for h in out[:cues]):
            out.append(_Hit(start, end, m.group(), "WEBSITE_POSTS", 1, "WEBSITE_POSTS"))
    out = [h for h in out if not (h.channel == "WEBSITE_POSTS" and h.cue.endswith("网")
                                  and _names_an_account(text, h.start - offset, h.end - offset))]
    return out if len(out) == cues else sorted(out, key=lambda h: h.start)


_ACCOUNT_AFTER = re.compile(r"”?\s*(?:微信公众号|微信平台|公众号)")
_ACCOUNT_BEFORE = re.compile(r"(?:微信公众号|公众号)\s*$")


def _quote_opened(text: str, pos: int, since: int = 0) -> int:
    """Where the “…” that `pos` is inside opens, after `since` (-1 when it is in none: the last ”
    before it is later than the last “)."""
    opened = text.rfind("“", since, pos)
    return opened if opened > text.rfind("”", since, pos) else -1


def _names_an_account(text: str, start: int, end: int) -> bool:
    """Is the site name ending in 网 at `start`:`end` the name of a WeChat account (“某某政府网”微信公众号,
    微信公众号“某某政府网”)?"""
    if _ACCOUNT_AFTER.match(text, end):
        return True
    opened = _quote_opened(text, start)
    return opened != -1 and text.startswith("”", end) and bool(_ACCOUNT_BEFORE.search(text, 0, opened))


def _family(label: str) -> str | None:
    info = catalogue().get(label)
    return info.family if info else None


def _sentence_start(text: str, pos: int, limit: int) -> int:
    lo = max(0, pos - limit)
    for i in range(pos - 1, lo - 1, -1):
        if text[i] in STOPS or text[i] == "\n" and not _soft_wrap(text, i):
            return i + 1
    return lo


def _soft_wrap(text: str, i: int) -> bool:
    """A line break inside a sentence (hard-wrapped PDF text), not a paragraph end or heading."""
    before, after = text[i - 1:i], text[i + 1:i + 2]
    line = i - (text.rfind("\n", 0, i) + 1)
    return line >= 20 and (_is_cjk(before) or before.isalnum() or before == " ") and (
        _is_cjk(after) or after.isalnum())


def _clause_end(text: str, pos: int, limit: int, stops: str = CLAUSE_STOPS) -> int:
    """Where the clause (or, with `stops` = STOPS, the sentence) at `pos` ends, `limit` at most."""
    hi = min(len(text), pos + limit)
    return next((i for i in range(pos, hi) if text[i] in stops), hi)


def _right_phrase(text: str, pos: int) -> str:
    """The noun right after a count (``6个综合窗口`` → 综合窗口), '' when none follows."""
    if text.startswith("次", pos):
        pos += 1  # 12份次: the count's unit, not its noun
    if pos >= len(text) or text[pos].startswith(FUNCTION_START) or not _is_cjk(text[pos]):
        return ""
    end = pos
    while end < len(text) and end - pos < 8 and _is_cjk(text[end]) and text[end] != "的":
        end += 1  # 五个方面的信息公开: the count's noun ends at 的
    return text[pos:end]


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
