"""Narrative of 总体情况: proactive disclosure, platforms, services, management.

Each function writes one sentence (or a short run of them) in the register of real
reports, with its quantities as gold spans and the odd number that is *not* a fact
(years, dates, list counts no label describes, 政策性文件) left as plain text.
"""
from __future__ import annotations

from nianbao.synth.checks import cell_in_base_units
from nianbao.synth.numerals import chinese_numeral, render
from nianbao.synth.phrases import Ctx, Z
from nianbao.synth.truth import Expectation

FILLER = (
    "坚持以公开为常态、不公开为例外，不断提升政务公开质量和实效。",
    "严格落实信息发布审核制度，把好政治关、政策关、保密关和文字关。",
    "聚焦群众关注的热点难点问题，持续加大重点领域信息公开力度。",
    "进一步规范公开流程，确保公开内容及时、准确、全面。",
    "将政务公开工作纳入年度目标考核，压紧压实工作责任。",
    "围绕中心工作和群众关切，及时回应社会关注。",
    "持续优化政务公开专区，为群众提供便捷的查阅服务。",
    "结合疫情防控、安全生产、乡村振兴等重点工作，及时发布工作动态和惠民政策。",
)


def filler(ctx: Ctx) -> None:
    ctx.say(ctx.pick(FILLER))


def _unit(ctx: Ctx, *units: str) -> str:
    return ctx.pick(units)


# ---------------------------------------------------------------- (一) 主动公开

def info_published(ctx: Ctx) -> None:
    cells = ["t2.published_total"] if "t2.published_total" in ctx.truth else []
    value = ctx.truth["t2.published_total"] if cells else ctx.rng.randint(30, 5000 if ctx.big else 400)
    n = ctx.q("INFO_PUBLISHED", cells, _unit(ctx, "条", "条", "条", "篇", "件"), value=value)
    ctx.say(ctx.pick((
        "{y}年，{me}共主动公开政府信息{n}，内容涵盖机构职能、政策文件、财政资金、重点领域等方面。",
        "全年累计主动公开各类政府信息{n}。",
        "{y}年度通过各类渠道发布信息{n}，",
        "本年度共公开政府信息{n}，及时回应社会关切。",
        "全年主动公开政府信息{n}，信息涉及工作动态、便民服务、政策法规、发展规划等多方面。",
        "截至{y}年12月31日，累计公开政府信息{n}，",
        "全年共发布信息{n}，",
    )), y=str(ctx.year), me=ctx.me, n=n)
    if not cells and ctx.chance(0.35):  # only beside an unprinted total, as in the shipped model's corpus
        _sub_counts(ctx, "INFO_PUBLISHED", INFO_KINDS, value)


INFO_KINDS = ("财政预决算信息", "“三公”经费信息", "政府采购项目信息", "重大建设项目信息", "行政许可信息",
              "概况类信息", "政务动态类信息", "专题专栏信息", "通知公告专栏信息", "人事任免信息", "政策解读类信息",
              "行政处罚信息", "安全生产许可证", "施工许可证", "社会救助信息", "食品药品监管信息", "环境监测信息",
              "机构职能类信息", "人事信息", "规划计划信息", "通知公告", "疫情防控信息")
WEBSITE_KINDS = ("工作动态", "通知公告", "人事信息", "回应关切信息", "调查征集信息", "镇街动态")


def _sub_counts(ctx: Ctx, label: str, kinds: tuple[str, ...], whole: int) -> None:
    """`其中…信息N条、…M条`: sub-counts keep their parent's label (annotation guide); together
    they never exceed the whole (the arithmetic check would rightly call that a FAIL)."""
    picked = ctx.rng.sample(kinds, ctx.rng.randint(2, 5))
    if whole < 2 * len(picked):
        return
    budget = ctx.rng.randint(len(picked), whole)
    cuts = sorted(ctx.rng.sample(range(1, budget), len(picked) - 1))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, budget])]
    ctx.say(ctx.pick(("其中，", "其中", "包括", "主要包括")))
    for i, (kind, part) in enumerate(zip(picked, parts)):
        verb = ctx.pick(("", "", "公开", "发布"))
        n = ctx.free(label, part, ctx.pick(("条", "条", "篇")), qualifier="exact")
        ctx.say(("、" if i else "") + verb + kind + "{n}", n=n)
    ctx.say("。")


def website_posts(ctx: Ctx) -> None:
    site = ctx.pick(("政府门户网站", "门户网站", "部门网站", "政府网站", "区政府网站政务公开专栏"))
    n = ctx.free("WEBSITE_POSTS", ctx.rng.randint(20, 6000 if ctx.big else 500), _unit(ctx, "条", "条", "篇", "件"))
    ctx.say(ctx.pick((
        "通过{site}发布政务信息{n}，",
        "在{site}上主动公开政府信息{n}，",
        "{site}全年更新各类信息{n}，",
        "依托{site}发布工作动态{n}，",
    )), site=site, n=n)
    if ctx.chance(0.3):
        ctx.say("其中通知公告{n}。", n=ctx.free("WEBSITE_POSTS", ctx.rng.randint(3, 60), "条"))
    elif ctx.chance(0.25):
        _sub_counts(ctx, "WEBSITE_POSTS", WEBSITE_KINDS, int(n.quantity.value))


def normative_docs(ctx: Ctx) -> None:
    if ctx.layout == "2019":
        col, verb = ctx.pick((("new_made", "制定规范性文件"), ("new_published", "新公开规范性文件"),
                              ("total_published", "累计对外公开规范性文件")))
    else:
        col, verb = ctx.pick((("issued", "制发行政规范性文件"), ("issued", "出台规范性文件"),
                              ("in_force", "现行有效规范性文件")))
    cell = f"t2.normative_docs.{col}"
    value = ctx.truth[cell]
    if value == 0 and col != "total_published" and ctx.chance(0.7):
        cue = ctx.pick(("未", "无"))
        if cue == "未":
            ctx.say("本年度{me}{z}制发规范性文件。", me=ctx.me, z=Z("未", ["NORMATIVE_DOCS"], [[cell]]))
        else:
            ctx.say("本年度{z}新制发的规范性文件。", z=Z("无", ["NORMATIVE_DOCS"], [[cell]]))
        return
    if ctx.chance(0.12):  # scope: 备案 counts a different set of documents
        shown = value + ctx.rng.randint(1, 6)
        n = ctx.q("NORMATIVE_DOCS", [cell], "件", value=shown, scope="备案", qualifier="exact")
        ctx.say("向上级报送备案规范性文件{n}，备案审查率{r}。", n=n, r=ctx.free("RATE", 100, "%", qualifier="exact"))
        return
    n = ctx.q("NORMATIVE_DOCS", [cell], _unit(ctx, "件", "件", "个", "份"))
    ctx.say(ctx.pick(("全年{verb}{n}，均按要求在政府网站公开。", "{verb}{n}，同步做好政策解读。",
                      "本年度共{verb}{n}。")), verb=verb, n=n)
    if ctx.chance(0.3):
        ctx.say("另公开政策性文件{k}件，", k=str(ctx.rng.randint(2, 30)))
        ctx.say("对{k}件主动公开政策性文件进行意见征集并公开征集结果。", k=str(ctx.rng.randint(1, 5)))


def regulations(ctx: Ctx) -> None:
    col = "new_made" if ctx.layout == "2019" else "issued"
    cell = f"t2.regulations.{col}"
    value = ctx.truth[cell]
    if value == 0:
        template, cue = ctx.pick((("{me}{z}制定规章。", "未"), ("本年度{z}新制定规章，", "无"),
                                  ("{me}本年度{z}制发规章。", "没有")))
        ctx.say(template, me=ctx.me, z=Z(cue, ["REGULATIONS"], [[cell]]))
    else:
        ctx.say("制定政府规章{n}，", n=ctx.q("REGULATIONS", [cell], "件"))


def interpretations(ctx: Ctx) -> None:
    total = ctx.rng.randint(8, 300 if ctx.big else 40)
    unit = _unit(ctx, "篇", "条", "期", "份")
    if ctx.chance(0.35):
        part = ctx.rng.randint(1, total)
        _share_sentence(ctx, "全年累计发布解读类信息{whole}，其中图文及视频类解读产品{part}，占比{rate}。",
                        "POLICY_INTERPRETATIONS", total, unit, "POLICY_INTERPRETATIONS", part, unit)
        return
    n = ctx.free("POLICY_INTERPRETATIONS", total, unit)
    ctx.say(ctx.pick(("发布政策解读{n}，", "制作图解、动漫等解读材料{n}，", "围绕重要政策开展解读{n}，",
                      "多种形式的解读信息{n}，")), n=n)
    ctx.say("做到政策文件与解读材料同步起草、同步审签、同步发布。")


def press_conferences(ctx: Ctx) -> None:
    n = ctx.free("PRESS_CONFERENCES", ctx.rng.randint(1, 60 if ctx.big else 6), _unit(ctx, "场", "次", "期"))
    ctx.say(ctx.pick(("召开新闻发布会{n}，", "举办新闻发布会、政策吹风会{n}，", "组织召开政策发布会{n}，")), n=n)
    ctx.say("及时回应社会关切。")


def admin_decisions(ctx: Ctx) -> None:
    row, verb, units = ctx.pick((("licensing", "作出行政许可决定", ("件", "个")), ("licensing", "办结行政许可", ("件",)),
                                 ("punishment", "作出行政处罚决定", ("件", "起")),
                                 ("punishment", "办理行政处罚案件", ("件", "起")),
                                 ("coercion", "实施行政强制措施", ("件", "次"))))
    cell = f"t2.{row}.decisions"
    if ctx.truth[cell] == 0:
        cue = ctx.pick(("未", "没有"))
        label = {"licensing": "行政许可", "punishment": "行政处罚", "coercion": "行政强制"}[row]
        ctx.say("本年度{z}作出{label}决定。", z=Z(cue, ["ADMIN_DECISIONS"], [[cell]]), label=label)
        return
    ctx.say("全年{verb}{n}，相关信息均在“双公示”专栏公开。", verb=verb,
            n=ctx.q("ADMIN_DECISIONS", [cell], _unit(ctx, *units)))


def procurement(ctx: Ctx) -> None:
    if ctx.layout == "2019":
        projects = ctx.q("PROCUREMENT", ["t2.procurement.projects"], _unit(ctx, "个", "项", "批次"))
        amount = ctx.truth.get("t2.procurement.amount_yuan")
        if amount:
            a = ctx.q("PROCUREMENT", ["t2.procurement.amount"], "元", value=amount, style="magnitude",
                      chinese_ok=False)
            ctx.say("完成政府集中采购项目{p}，采购总金额{a}。", p=projects, a=a)
        else:
            ctx.say("完成政府集中采购项目{p}。", p=projects)
    else:
        ctx.say("全年完成政府集中采购{p}，", p=ctx.free("PROCUREMENT", ctx.rng.randint(1, 200), "项"))
        ctx.say("采购信息均在政府采购网公开。")


def admin_fees(ctx: Ctx) -> None:
    if ctx.layout == "2021":
        cell = "t2.fees.amount"
        yuan = cell_in_base_units(cell, {"value": ctx.truth[cell], "unit": None})
        if yuan == 0:
            ctx.say("本年度{z}收取行政事业性收费。", z=Z("未", ["ADMIN_FEES"], [[cell]]))
            return
        a = ctx.q("ADMIN_FEES", [cell], "元", value=yuan, style="magnitude" if yuan >= 10000 else "digits",
                  chinese_ok=False)
    else:
        a = ctx.free("ADMIN_FEES", ctx.rng.randint(1, 900) * 10000, "元", style="magnitude")
    ctx.say("全年收取行政事业性收费{a}，收费项目目录清单已全部公开。", a=a)


# ---------------------------------------------------------------- (四) 平台建设

def wechat(ctx: Ctx) -> None:
    name = ctx.pick(("“凝心聚力新只楚”", "“阳光政务”", "“政务发布”", "“e家通”", ""))
    posts = ctx.free("WECHAT_POSTS", ctx.rng.randint(40, 2000), _unit(ctx, "篇", "条", "期"))
    account = ctx.pick(("微信公众号", "微信公众号", "公众号", "微信公众平台"))
    ctx.say(ctx.pick(("{name}{account}全年{verb}{n}", "通过{name}{account}{verb}{n}", "{y}年度{account}累计{verb}{n}")),
            name=name, account=account, y=str(ctx.year), verb=ctx.pick(("发布信息", "发稿", "推送", "发布")), n=posts)
    if ctx.chance(0.6):
        f = ctx.free("FOLLOWERS", ctx.rng.randint(300, 900000), "人")
        ctx.say(ctx.pick(("，关注量{f}", "，粉丝{f}", "，订阅用户{f}")), f=f)
    if ctx.chance(0.6):
        v = ctx.free("VIEWS", ctx.rng.randint(2000, 5000000), ctx.pick(("次", "人次", "次")))
        ctx.say(ctx.pick(("，浏览量达{v}", "，累计阅读量{v}", "，点击量{v}", "，总阅读量{v}")), v=v)
    if ctx.chance(0.2):
        ctx.say("，朋友圈分享{v}", v=ctx.free("VIEWS", ctx.rng.randint(100, 20000), "人次"))
    ctx.say("。")


def weibo(ctx: Ctx) -> None:
    ctx.say("官方微博发布信息{n}，", n=ctx.free("WEIBO_POSTS", ctx.rng.randint(30, 3000), _unit(ctx, "条", "条", "篇")))
    ctx.say("粉丝{f}。", f=ctx.free("FOLLOWERS", ctx.rng.randint(1000, 2000000), ctx.pick(("人", None))))


def new_media_accounts(ctx: Ctx) -> None:
    parts = [("微博", ctx.rng.randint(0, 5)), ("微信", ctx.rng.randint(1, 20)), ("小程序", ctx.rng.randint(0, 3))]
    parts = [(k, v) for k, v in parts if v]
    true_total = sum(v for _, v in parts)
    planted = "text.sum.NEW_MEDIA_ACCOUNTS" in ctx.plant
    ctx.plant.discard("text.sum.NEW_MEDIA_ACCOUNTS")
    stated = true_total + ctx.rng.choice((1, 2, -1)) if planted and true_total > 1 else true_total
    first = ctx.fact_index()
    open_, close = ctx.pick((("（", "）"), ("(", ")")))
    ctx.say(ctx.pick(("规范管理政务新媒体{n}", "全区各级政务新媒体{n}", "现有政务新媒体账号{n}")) + open_,
            n=ctx.free("NEW_MEDIA_ACCOUNTS", stated, "个", style="digits", qualifier="exact"))
    for i, (kind, v) in enumerate(parts):
        ctx.say(("、" if i else "") + kind + "{n}", n=ctx.free("NEW_MEDIA_ACCOUNTS", v, "个", style="digits",
                                                              qualifier="exact"))
    ctx.say(close + "，")
    if len(parts) > 1:
        status = "FAIL" if stated != true_total else "PASS"
        ctx.arithmetic.append(Expectation("text.sum.NEW_MEDIA_ACCOUNTS", status,
                                          list(range(first, ctx.fact_index())), [], stated, true_total,
                                          "planted" if status == "FAIL" else ""))
    ctx.say("指导各账号及时开设信息发布、政策解读等功能。")


def other_media(ctx: Ctx) -> None:
    channel = ctx.pick(("抖音号", "视频号", "头条号", "政务新媒体", "快手号"))
    verb, unit = ctx.pick((("发布短视频", ("条", "个")), ("推送原创作品", ("个", "篇")), ("发稿", ("篇",)),
                           ("发布信息", ("条", "篇"))))
    ctx.say("通过" + channel + "{verb}{n}，", verb=verb,
            n=ctx.free("OTHER_MEDIA_POSTS", ctx.rng.randint(10, 2000), _unit(ctx, *unit)))
    if ctx.chance(0.4):
        ctx.say("播放量{v}，", v=ctx.free("VIEWS", ctx.rng.randint(10000, 90000000), "次"))
    ctx.say("开设《{c}》等专栏{k}个。", c=ctx.pick(("项目进行时", "乡村梦想家", "政策直通车")),
            k=str(ctx.rng.randint(2, 40)))
    if ctx.chance(0.4):  # placed in outside media (a fact) beside items only sent up (no fact)
        ctx.say(ctx.pick(("在省级以上媒体刊发稿件{m}，", "被中央、省级媒体报道或转载{m}，", "在市级主流媒体发稿{m}，")),
                m=ctx.free("OTHER_MEDIA_POSTS", ctx.rng.randint(3, 300), ctx.pick(("篇", "条", "次"))))
        ctx.say(ctx.pick(("向上级部门报送政务信息{k}条。", "被上级信息刊物采用{k}篇。", "报送工作简报{k}期。")),
                k=str(ctx.rng.randint(5, 400)))


def public_messages(ctx: Ctx) -> None:
    received = ctx.rng.randint(5, 8000)
    n = ctx.free("PUBLIC_MESSAGES", received, _unit(ctx, "件", "条", "件", "封"))
    ctx.say(ctx.pick(("全年接收并办结政策咨询{n}，", "办理网民留言{n}，", "受理群众诉求{n}，",
                      "回复群众来信{n}，", "通过12345政务服务热线、{me}信箱等渠道接收群众咨询{n}，",
                      "承办12345热线转办工单{n}，", "局长信箱收到来信{n}，", "处理群众投诉举报{n}，")), n=n, me=ctx.me)
    if ctx.chance(0.35):  # a second count of the same messages: answered, not applications processed
        done = ctx.free("PUBLIC_MESSAGES", ctx.rng.randint(1, received), _unit(ctx, "件", "条"))
        ctx.say(ctx.pick(("已办结{d}，", "回复{d}，", "按期办结{d}，")), d=done)
    if ctx.chance(0.5):
        ctx.say("按时办结率{r}。", r=ctx.free("RATE", ctx.pick((100, 100, 99.5, 98.6)), "%", style="digits",
                                           qualifier="exact"))
    else:
        ctx.say("均在规定时限内答复。")


# ---------------------------------------------------------------- 政务服务

def services(ctx: Ctx) -> None:
    whole = ctx.rng.randint(60, 1500 if ctx.big else 300)
    unit = _unit(ctx, "个", "项")
    what = ctx.pick(("政务服务事项", "审批事项", "便民服务事项"))
    roll = ctx.rng.random()
    if roll < 0.35:
        part = ctx.rng.randint(whole // 3, whole)
        _share_sentence(ctx, "全部{whole}" + what + "中，能达到只跑一次的有{part}，占比{rate}。",
                        "SERVICE_ITEMS", whole, unit, "ONE_VISIT_ITEMS", part, "项")
    elif roll < 0.65:
        part = ctx.rng.randint(whole // 4, whole)
        ctx.say("共有" + what + "{w}，其中行政许可事项{p}。", w=ctx.free("SERVICE_ITEMS", whole, unit, qualifier="exact"),
                p=ctx.free("SERVICE_ITEMS", part, unit, qualifier="exact"))
        online = ctx.rng.randint(whole // 4, whole)
        _share_sentence(ctx, "进网厅事项{part}，占比{rate}，", "SERVICE_ITEMS", whole, unit, "ONLINE_ITEMS", online,
                        unit, whole_fact=ctx.fact_index() - 2)
        ctx.say("政务服务事项网上可办率达到{r}。", r=ctx.free("RATE", 100, "%", qualifier="exact"))
    else:
        ctx.say(ctx.pick(("梳理公布" + what + "{w}，", "动态调整" + what + "{w}，")),
                w=ctx.free("SERVICE_ITEMS", whole, unit))
        template, label = ctx.pick((("全程网办事项{o}，", "ONLINE_ITEMS"), ("网上可办事项{o}，", "ONLINE_ITEMS"),
                                    ("即办事项{o}，", "ONE_VISIT_ITEMS")))
        ctx.say(template, o=ctx.free(label, ctx.rng.randint(10, whole), unit))
    if ctx.chance(0.6):
        n = ctx.free("SERVICES_HANDLED", ctx.rng.randint(500, 400000), ctx.pick(("笔", "件")))
        ctx.say(ctx.pick(("全年共办理{n}业务，", "全年办件量{n}，", "累计办理各类业务{n}，")), n=n)
        ctx.say("事项办结率{a}，群众满意率{b}。",
                a=ctx.free("RATE", 100, "%", qualifier="exact"),
                b=ctx.free("RATE", ctx.pick((100, 99.8, 99.6, 98)), "%", qualifier="exact"))
    if ctx.chance(0.3):
        ctx.say("大厅设置{k}个综合窗口，推行“一窗受理、集成服务”。", k=str(ctx.rng.randint(3, 30)))
    if ctx.chance(0.35):
        ctx.say(ctx.pick(("推行“马上就办”，即办事项{n}。", "梳理“最多跑一次”事项{n}，", "公布“一次办好”事项清单{n}。",
                          "推出“零跑腿”事项{n}，", "实现“只跑一次”事项{n}。")),
                n=ctx.free("ONE_VISIT_ITEMS", ctx.rng.randint(5, 400), ctx.pick(("项", "个"))))


def _share_sentence(ctx: Ctx, template: str, whole_label: str, whole: int, whole_unit: str,
                    part_label: str, part: int, part_unit: str, whole_fact: int | None = None) -> None:
    """`{whole}`/`{part}`/`{rate}` with rate = part ÷ whole, or a planted wrong rate."""
    decimals = ctx.pick((0, 0, 1, 2))
    true_rate = round(part / whole * 100, decimals)
    rate = true_rate
    planted = "text.share" in ctx.plant
    if planted:
        ctx.plant.discard("text.share")
        rate = round(true_rate + ctx.pick((-1, 1)) * ctx.rng.uniform(5, 15), decimals)
        if not 0 < rate <= 100:
            rate = round(true_rate - 8 if true_rate > 50 else true_rate + 8, decimals)
    if decimals == 0:
        rate = int(rate)
    slots = {"part": ctx.free(part_label, part, part_unit, qualifier="exact", chinese_ok=False),
             "rate": ctx.free("RATE", rate, ctx.pick(("%", "%", "％")), style="digits", qualifier="exact")}
    if "{whole}" in template:
        slots["whole"] = ctx.free(whole_label, whole, whole_unit, qualifier="exact", chinese_ok=False, style="digits")
    first = ctx.fact_index()
    ctx.say(template, **slots)
    idx = list(range(first, ctx.fact_index()))
    if whole_fact is not None:
        idx = [whole_fact] + idx
    status = "FAIL" if planted else "PASS"
    ctx.arithmetic.append(Expectation("text.share", status, idx, [], rate, true_rate,
                                      "planted" if planted else ""))


# ---------------------------------------------------------------- (三)(五) 管理与监督

def training(ctx: Ctx) -> None:
    n = ctx.free("TRAINING_SESSIONS", ctx.rng.randint(1, 30), _unit(ctx, "次", "期", "场"))
    ctx.say(ctx.pick(("组织开展政务公开业务培训{n}，", "举办政务公开专题培训班{n}，", "全年开展《条例》培训{n}，")), n=n)
    if ctx.chance(0.5):
        ctx.say("培训{k}人次，", k=str(ctx.rng.randint(20, 900)))
    ctx.say("切实提升工作人员的公开意识和业务能力。")


def inspections(ctx: Ctx) -> None:
    ctx.say(ctx.pick(("组织{k}次季度政务公开检查，并将检查发现的问题通报全区。",
                      "先后{k}次召开专题工作会议推进相关工作。",
                      "结合安全生产、社会救助、卫生健康等{k}个领域，完成基层政务公开标准目录编制工作。",
                      "政策超市设有“政策解读”“服务指南”等{k}个板块。")), k=str(ctx.rng.randint(2, 26)))


def npc_suggestions(ctx: Ctx) -> None:
    a = ctx.free("NPC_SUGGESTIONS", ctx.rng.randint(1, 200), "件")
    b = ctx.free("NPC_SUGGESTIONS", ctx.rng.randint(1, 200), "件")
    ctx.say(ctx.pick(("全年承办人大代表建议{a}、政协提案{b}，", "办理人大建议{a}、政协提案{b}，",
                      "公开人大代表建议办理结果{a}、政协委员提案办理结果{b}，",  # 办理结果 of suggestions, not applications
                      "认真办理{a}人大代表建议和{b}政协委员提案，", "主动公开建议提案办理复文{a}（人大建议）和{b}（政协提案），")),
            a=a, b=b)
    ctx.say("办结率{r}，办理复文均已公开。", r=ctx.free("RATE", 100, "%", qualifier="exact"))


def dated_event(ctx: Ctx) -> None:
    """Numbers that are not facts: dates, document numbers, article numbers, counts of areas."""
    y = ctx.year
    ctx.say(ctx.pick((
        "{y}年{m}月{d}日，{me}政务公开先进做法被省政府门户网站“政务公开”专区刊登。",
        "按照《{y}年政务公开工作要点》（政办发〔{y}〕{k}号）要求，制定工作任务分工方案。",
        "依据《条例》第二十条、第二十一条规定，全面梳理主动公开事项。",
        "{m}月{d}日全面梳理完成{k}个领域基层政务公开标准目录。",
        "及时更新领导分工{s}次、内设机构信息{s}次。",
        "{y}年{m}月，召开基层政务公开标准化规范化工作推进会。",
    )), y=str(y), m=str(ctx.rng.randint(1, 12)), d=str(ctx.rng.randint(1, 28)), me=ctx.me,
        k=str(ctx.rng.randint(2, 30)), s=str(ctx.rng.randint(1, 3)))


def contact_distractor(ctx: Ctx) -> None:
    ctx.say("如对本报告有疑问，请与{me}办公室联系（电话：0{a}-{b}；邮编：{c}）。", me=ctx.me,
            a=str(ctx.rng.randint(100, 999)), b=str(ctx.rng.randint(82000000, 89999999)),
            c=str(ctx.rng.randint(100000, 899999)))


# ---------------------------------------------------------------- numbers that are no fact

NON_FACTS = (  # counts of things no label describes (annotation guide: "not a count of the labelled thing")
    "累计清理过期、失效信息{n}条，确保公开信息准确有效。",
    "梳理公布权责清单事项{n}项，",
    "共梳理出{k}个部门权责清单事项{n}项，",
    "编制基层政务公开标准目录，包含一级事项{n}项、二级事项{m}项。",
    "完成对接{k}个部门{n}个业务系统，汇聚数据{w}，",
    "累计入库电子证照{n}份，调用{m}次，",
    "全年发出催办提示{n}次，督促相关单位按时更新。",
    "发现并整改错别字、链接失效等问题{n}处。",
    "开设《{c}》栏目，全年制作节目{n}期，",
    "开展线上互动活动{n}场次，",
    "公开政府常务会议{n}期，",
    "通过微信公众号发布{n}批次农产品抽检情况，",
    "出台《关于支持中小微企业应对困难的{cn}条措施》，",
    "发布政策文件{n}件，同时共享上级政策文件{m}件。",
    "集成式推送惠企政策{n}条，",
    "点赞量{n}次，评论{m}条。",
    "全年组织开展{c}活动{n}期，",
    "共有{k}个单位参加年度考核，考核结果{n}个单位为优秀。",
    "办理重点民生实事{n}件，",
    "完成{k}个领域{n}个事项的公开标准梳理。",
)
ZERO_NON_FACTS = (  # negations that state no fact's zero
    "全年{z}发生失泄密事件。",
    "信息公开工作{z}发生泄密事件和责任追究情况。",
    "该行政复议件{z}被复议机关纠错。",
    "{z}出现因信息公开不当引发的负面舆情。",
    "{me}{z}制定本级规章制度及政策。",
    "{z}发现违规公开个人隐私的情况。",
)


def non_facts(ctx: Ctx) -> None:
    """One sentence whose numbers (or negation) are not catalogue facts, written in the same
    forms as facts (qualifiers, Chinese numerals, 万) so that only the words around tell."""
    rng = ctx.rng

    def number(lo: int, hi: int) -> str:
        return render(rng.randint(lo, hi), None, rng).text

    if ctx.chance(0.25):
        ctx.say(ctx.pick(ZERO_NON_FACTS), z=ctx.pick(("未", "没有")), me=ctx.me)
        return
    ctx.say(ctx.pick(NON_FACTS), n=number(1, 5000), m=number(1, 2000), k=str(rng.randint(2, 30)),
            w=render(rng.randint(10, 9000) * 10000, "条", rng, style="magnitude").text,
            cn=chinese_numeral(rng.randint(5, 30)), c=ctx.pick(("问政", "政策直通车", "局长访谈", "公开日")))
