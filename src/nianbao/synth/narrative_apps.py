"""Narrative about applications (依申请公开), review and litigation, fees, and problems.

Sentences read the table-三/四 values from `Ctx.truth`, so what the text states agrees
with the tables unless a disagreement is planted (`Ctx.plant`) or a scope word makes the
comparison doubtful on purpose.
"""
from __future__ import annotations

from nianbao.synth.checks import agrees
from nianbao.synth.phrases import Ctx, Z
from nianbao.synth.truth import Expectation
from nianbao.synth.values import DENIED, NOT_PROCESSED, ORG_COLS, UNABLE

T3 = "t3.{}.total"
RECEIVE_CUES = ("收到", "收到", "新收", "受理", "收办", "共接收", "接收")
APP_UNITS = ("件", "件", "件", "个", "份", "例", "宗")


def _cells(rows: list[str], col: str = "total") -> list[str]:
    return [f"t3.{r}.{col}" for r in rows]


DENIED_CELLS = _cells([f"denied.{r}" for r in DENIED])
UNABLE_CELLS = _cells([f"unable.{r}" for r in UNABLE])
NOT_PROCESSED_CELLS = _cells([f"not_processed.{r}" for r in NOT_PROCESSED])
REVIEW_CELLS = ["t4.review.total"]
LITIGATION_CELLS = ["t4.litigation_direct.total", "t4.litigation_after_review.total"]


def applications(ctx: Ctx) -> None:
    """The yearly summary of applications, in one of several shapes."""
    new, over = ctx.truth[T3.format("new_received")], ctx.truth[T3.format("carried_over")]
    unit = ctx.pick(APP_UNITS)
    y = str(ctx.year)
    if new == 0:
        template, cue = ctx.pick((("{y}年，{me}{z}收到政府信息公开申请", "未"),
                                  ("本年度{z}现场申请、书面申请和网络申请", "无"),
                                  ("全年{me}{z}收到政府信息公开申请", "没有"),
                                  ("{y}年度{me}暂{z}收到政府信息公开申请", "未")))
        ctx.say(template, y=y, me=ctx.me, z=Z(cue, ["APP_RECEIVED"], [[T3.format("new_received")]]))
        if over:
            ctx.say("，上年结转申请{o}", o=ctx.q("APP_CARRIED_OVER", [T3.format("carried_over")], unit))
        ctx.say("。")
        _processed_and_results(ctx, unit)
        return
    roll = ctx.rng.random()
    if over and roll < 0.2:  # 受理 counted as 新收 + 结转
        n = ctx.q("APP_RECEIVED", [T3.format("new_received")], unit, value=new + over, qualifier="exact")
        ctx.say("{y}年，{me}共受理政府信息公开申请{n}（含上年结转{o}），", y=y, me=ctx.me, n=n,
                o=ctx.q("APP_CARRIED_OVER", [T3.format("carried_over")], unit, qualifier="exact"))
    elif roll < 0.3:  # scope word: the office speaks for a wider or narrower body
        scope, template = ctx.pick((("代表", "{office}代表{gov}受理政府信息公开申请{n}，"),
                                    ("全市", "全市各级行政机关共收到政府信息公开申请{n}，"),
                                    ("本部门", "本部门共收到政府信息公开申请{n}，")))
        shown = new if ctx.chance(0.4) else new + ctx.rng.randint(1, 40)
        n = ctx.q("APP_RECEIVED", [T3.format("new_received")], unit, value=shown, scope=scope, qualifier="exact")
        ctx.say(template, office=ctx.pick(("区政府办", "县政府办公室", "办公室")), gov=ctx.pick(("区政府", "县政府")), n=n)
        _processed_and_results(ctx, unit)  # no applicant breakdown under a wider or narrower scope
        return
    else:
        n = ctx.q("APP_RECEIVED", [T3.format("new_received")], unit)
        cue = ctx.pick(RECEIVE_CUES)
        template = ctx.pick(("{y}年，{me}共" + cue + "政府信息公开申请{n}",
                             "全年" + cue + "信息公开申请{n}",
                             "{y}年，{me}" + cue + "{n}信息公开申请",
                             "本年度共" + cue + "依申请公开{n}"))
        ctx.say(template, y=y, me=ctx.me, n=n)
        if ctx.chance(0.15):
            ctx.say("，与往年相比数量增加了{k}例", k=str(ctx.rng.randint(1, 9)))
        ctx.say("，")
        _applicants(ctx, unit)  # right after the total the parts add up to
        if over and ctx.chance(0.6):
            ctx.say(ctx.pick(("上年结转{o}，", "另有上年结转申请{o}，", "上年度结转{o}，")),
                    o=ctx.q("APP_CARRIED_OVER", [T3.format("carried_over")], unit))
        _processed_and_results(ctx, unit)
        return
    _applicants(ctx, unit)
    _processed_and_results(ctx, unit)


def _applicants(ctx: Ctx, unit: str) -> None:
    if not ctx.chance(0.55):
        return
    full = ctx.chance(0.6)  # both parts (they add up to the total) or 自然人 and one kind of organisation
    np_ = ctx.q("APP_NATURAL_PERSON", ["t3.new_received.natural_person"], unit, qualifier="exact")  # parts are exact
    org_cells = [f"t3.new_received.{c}" for c in ORG_COLS]
    if full:
        whole = max(i for i, f in enumerate(ctx.b.facts) if f.label == "APP_RECEIVED")
        first = ctx.fact_index()
        ctx.say(ctx.pick(("其中自然人申请{a}，法人或其他组织申请{b}，", "其中自然人{a}、法人和其他组织{b}，")),
                a=np_, b=ctx.q("APP_ORGANIZATION", org_cells, unit, qualifier="exact"))
        _sum_check(ctx, whole, [first, first + 1])
    else:
        kinds = [("commercial", "商业企业"), ("research", "科研机构"), ("legal_service", "法律服务机构"),
                 ("social_org", "社会公益组织")]
        col, name = ctx.pick([k for k in kinds if ctx.truth[f"t3.new_received.{k[0]}"]] or kinds)
        whole = max(i for i, f in enumerate(ctx.b.facts) if f.label == "APP_RECEIVED")
        first = ctx.fact_index()
        ctx.say("其中自然人{a}、" + name + "{b}，", a=np_,
                b=ctx.q("APP_ORGANIZATION", [f"t3.new_received.{col}"], unit, qualifier="exact"))
        _sum_check(ctx, whole, [first, first + 1], complete=False)


def _sum_check(ctx: Ctx, whole: int, parts: list[int], complete: bool = True) -> None:
    """`text.sum.APP_RECEIVED`: 自然人 + 法人或其他组织 against the stated total (which may
    count 上年结转 too when the sentence says 含上年结转).  Parts that are not the whole
    breakdown (自然人 and one kind of organisation) are checked only for exceeding it."""
    facts = ctx.b.facts
    stated, total = facts[whole], sum(facts[i].value for i in parts)
    if not complete:
        if stated.qualifier in ("exact", "approx") and total > stated.value * (1.1 if stated.qualifier == "approx" else 1):
            ctx.arithmetic.append(Expectation("text.sum.APP_RECEIVED", "FAIL", [whole] + parts, [], stated.value, total,
                                              "parts exceed the total"))
        return
    over = [f for f in facts[whole + 1:parts[0]] if f.label == "APP_CARRIED_OVER"]  # 受理X（含上年结转Y），其中…
    if agrees(stated.value, stated.qualifier, total):
        status, note = "PASS", ""
    elif over and agrees(stated.value, stated.qualifier, total + over[0].value):
        status, note = "PASS", "new_plus_carried"
    else:
        status, note = "FAIL", "parts do not add up"
    ctx.arithmetic.append(Expectation("text.sum.APP_RECEIVED", status, [whole] + parts, [], stated.value, total, note))


def _processed_and_results(ctx: Ctx, unit: str) -> None:
    proc = ctx.truth[T3.format("total_processed")]
    if proc:
        p = ctx.q("APP_PROCESSED", [T3.format("total_processed")], unit)
        ctx.say(ctx.pick(("已办结{p}。", "共办结{p}。", "已按时答复{p}。", "办理完毕{p}。", "办理{p}。")), p=p)
        if ctx.chance(0.75):
            _results(ctx, unit)
    fwd = ctx.truth[T3.format("carried_forward")]
    if fwd:
        f = ctx.q("APP_CARRIED_FORWARD", [T3.format("carried_forward")], unit)
        ctx.say(ctx.pick(("结转下年度继续办理{f}。", "{f}因未到答复期限顺延至下一年度办理。",
                          "结转至" + str(ctx.year + 1) + "年办理{f}。")), f=f)
    elif proc and ctx.chance(0.4):
        ctx.say("{z}结转下年度继续办理的申请。", z=Z("无", ["APP_CARRIED_FORWARD"], [[T3.format("carried_forward")]]))
    if proc and ctx.chance(0.3):
        ctx.say("按时办结率{r}。", r=ctx.free("RATE", 100, "%", qualifier="exact"))


def _results(ctx: Ctx, unit: str) -> None:
    granted, partial = ctx.truth[T3.format("granted")], ctx.truth[T3.format("partial")]
    parts = []
    if ctx.chance(0.15) and granted + partial:
        parts.append(("予以公开及部分公开{x}", ctx.q("APP_GRANTED", [T3.format("granted"), T3.format("partial")], unit,
                                             combined=True, qualifier="exact")))
    else:
        parts.append(("予以公开{x}", ctx.q("APP_GRANTED", [T3.format("granted")], unit)))
        parts.append(("部分公开{x}", ctx.q("APP_PARTIAL", [T3.format("partial")], unit)))
    for label, cells, name in (("APP_DENIED", DENIED_CELLS, "不予公开"), ("APP_UNABLE", UNABLE_CELLS, "无法提供"),
                               ("APP_NOT_PROCESSED", NOT_PROCESSED_CELLS, "不予处理")):
        if ctx.value(cells) or ctx.chance(0.4):
            parts.append((name + "{x}", ctx.q(label, cells, unit)))
    ctx.say("其中")
    for i, (template, slot) in enumerate(parts):
        ctx.say(("，" if i else "") + template, x=slot)
    other = sum(v for k, v in ctx.truth.items() if k.startswith("t3.other") and k.endswith(".total"))
    if other:
        ctx.say("，其他处理{k}{u}", k=str(other), u=unit)
    ctx.say("。")
    if ctx.value(DENIED_CELLS) == 0 and ctx.chance(0.3):
        ctx.say("全年{z}不予公开的情况。", z=Z("无", ["APP_DENIED"], [DENIED_CELLS]))


def review_litigation(ctx: Ctx) -> None:
    review, litigation = ctx.value(REVIEW_CELLS), ctx.value(LITIGATION_CELLS)
    y = str(ctx.year)
    if review == 0 and litigation == 0:
        template, cue = ctx.pick((("{y}年，{me}{z}发生因政府信息公开引起的行政复议和行政诉讼。", "未"),
                                  ("本年度{z}发生行政复议、行政诉讼案件。", "没有"),
                                  ("暂{z}收到行政复议和行政诉讼事项。", "未"),
                                  ("全年{z}政府信息公开行政复议和行政诉讼情况。", "无")))
        ctx.say(template, y=y, me=ctx.me, z=Z(cue, ["REVIEW_CASES", "LITIGATION_CASES"], [REVIEW_CELLS, LITIGATION_CELLS]))
        return
    if review:
        r = ctx.q("REVIEW_CASES", REVIEW_CELLS, ctx.pick(("件", "件", "起", "宗")))
        ctx.say(ctx.pick(("{y}年，{me}发生政府信息公开行政复议案件{r}，", "{y}年{me}有{r}涉及政府信息公开工作的行政复议，",
                          "本年度被申请行政复议{r}，")), y=y, me=ctx.me, r=r)
    else:
        ctx.say("{z}发生行政复议，", z=Z(ctx.pick(("未", "没有")), ["REVIEW_CASES"], [REVIEW_CELLS]))
    if litigation:
        ctx.say(ctx.pick(("行政诉讼案件{l}。", "被提起行政诉讼{l}。", "涉及的行政诉讼数为{l}。")),
                l=ctx.q("LITIGATION_CASES", LITIGATION_CELLS, ctx.pick(("件", "起"))))
    elif ctx.chance(0.5):
        ctx.say("行政诉讼{l}。", l=ctx.q("LITIGATION_CASES", LITIGATION_CELLS, "件", style="digits"))
    else:
        ctx.say("{z}发生行政诉讼。", z=Z("未", ["LITIGATION_CASES"], [LITIGATION_CELLS]))


def fees(ctx: Ctx) -> None:
    roll = ctx.rng.random()
    if roll < 0.4:
        ctx.say("本年度{me}{z}收取信息处理费。", me=ctx.me, z=Z("未", ["FEE_COLLECTED"]))
    elif roll < 0.7:
        ctx.say("{y}年，{z}收取信息处理费情况。", y=str(ctx.year), z=Z("无", ["FEE_COLLECTED"]))
    elif roll < 0.85:
        ctx.say("依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度收取信息处理费{n}。",
                n=ctx.free("FEE_COLLECTED", 0, "元", style="digits", qualifier="exact"))
    else:
        ctx.say("{me}本年度{z}收取信息处理费。", me=ctx.me, z=Z("没有", ["FEE_COLLECTED"]))


PROBLEMS = ("政策解读形式不够丰富，图表图解、音视频等解读方式运用不足", "公开内容的规范性和及时性有待加强",
            "政务公开渠道有限，政务新媒体作用发挥不够充分", "工作人员业务水平有待提升",
            "基层政务公开标准化规范化建设仍需深化", "依申请公开答复的规范性有待提高")
MEASURES = ("丰富政策解读形式，注重对政策背景、出台目的、重要举措等方面进行解读", "加强重点领域信息公开，及时优化调整公开内容",
            "拓宽公开载体和渠道，充分发挥政府网站和政务新媒体作用", "加强业务培训，提升工作人员依法公开意识",
            "完善监督评议机制，推动政府信息公开工作深入开展", "规范依申请公开办理流程，提升答复质量")


def problems(ctx: Ctx) -> None:
    probs = ctx.rng.sample(PROBLEMS, ctx.rng.randint(2, 3))
    measures = ctx.rng.sample(MEASURES, ctx.rng.randint(2, 4))
    style = ctx.rng.random()
    ctx.line("（一）存在的主要问题" if style < 0.5 else "存在的问题：")
    ctx.line("；".join(f"{'一二三'[i]}是{p}" for i, p in enumerate(probs)) + "。")
    ctx.line("（二）改进措施" if style < 0.5 else f"{ctx.year + 1}年，{ctx.me}将从以下几方面加强政府信息公开工作：")
    for i, m in enumerate(measures):
        marker = f"{i + 1}." if style < 0.5 else f"（{'一二三四'[i]}）"
        ctx.line(f"{marker}{m}。")
