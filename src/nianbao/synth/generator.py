"""Assemble one synthetic report: issuer, tables, planted disagreements, the six sections,
and the ground truth that goes with them."""
from __future__ import annotations

import html
import random
from typing import Any

from nianbao.synth import narrative as nar
from nianbao.synth import narrative_apps as apps
from nianbao.synth import tables as tb
from nianbao.synth import values as vals
from nianbao.synth.checks import (cell_in_base_units, cross_year_expectations, identity_expectations,
                                  text_expectations)
from nianbao.synth.issuers import Issuer, draw_issuer
from nianbao.synth.phrases import Ctx
from nianbao.synth.truth import SyntheticReport, TextBuilder

FORMATS = (("txt", 0.55), ("md", 0.25), ("html", 0.2))
TXT_STYLES = (("tsv", 0.3), ("cells", 0.3), ("pipe", 0.25), ("flat", 0.15))
TEXT_PLANTS = ("APP_RECEIVED", "APP_RECEIVED", "APP_PROCESSED", "APP_GRANTED", "APP_CARRIED_FORWARD",
               "APP_NATURAL_PERSON", "REVIEW_CASES", "LITIGATION_CASES", "NORMATIVE_DOCS", "ADMIN_DECISIONS",
               "INFO_PUBLISHED", "PROCUREMENT", "ADMIN_FEES")
SECTION_TITLES = (
    ("overview", ("一、总体情况", "一、总体情况：", "一、总体情况")),
    ("proactive", ("二、主动公开政府信息情况",)),
    ("applications", ("三、收到和处理政府信息公开申请情况",)),
    ("review_litigation", ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议和行政诉讼情况")),
    ("problems", ("五、存在的主要问题及改进情况",)),
    ("other", ("六、其他需要报告的事项", "六、其他需要报告的事项：")),
)


def draw_year(rng: random.Random) -> int:
    return rng.choice((2019, 2020, 2020, 2021, 2022, 2023, 2024, 2025))


def _weighted(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([o for o, _ in options], [w for _, w in options])[0]


def build_report(rng: random.Random, report_id: str, prev: SyntheticReport | None = None,
                 fmt: str | None = None, plan: list[str] | None = None, year: int | None = None,
                 issuer: Issuer | None = None) -> SyntheticReport:
    """One report. `prev` makes it next year's report of the same issuer; `plan` forces the
    planted disagreements (labels, "t3_total", "t3_cell", "t4_total", "text.share",
    "text.sum.NEW_MEDIA_ACCOUNTS", "cross_year"); None draws them (most reports get none)."""
    if prev is not None:
        issuer, year = prev.issuer_info, prev.year + 1
    issuer = issuer or draw_issuer(rng)
    year = year or draw_year(rng)
    layout = "2019" if year <= 2020 else "2021"
    split_other = layout == "2021" and rng.random() < 0.85
    fmt = fmt or _weighted(rng, FORMATS)
    style = {"txt": lambda: _weighted(rng, TXT_STYLES), "md": lambda: "md", "html": lambda: "html"}[fmt]()
    plan = _draw_plan(rng, prev is not None) if plan is None else list(plan)

    # ---- tables
    both_2021 = prev is not None and prev.layout == "2021" and layout == "2021"
    in_force = {r: prev.drawn[f"t2.{r}.in_force"] for r in ("regulations", "normative_docs")} if both_2021 else None
    t2v = vals.draw_t2(rng, layout, in_force)
    carried = None
    if prev is not None:
        carried = {c: prev.drawn[f"t3.carried_forward.{c}"] for c in vals.APPLICANT_COLS}
        if "cross_year" in plan:
            carried["natural_person"] += rng.randint(1, 5)
    t3v = vals.draw_t3(rng, split_other, carried)
    t4v = vals.draw_t4(rng)
    cells = vals.t2_cells(t2v, layout, rng)
    blank = 0.25 if rng.random() < 0.1 else 0.0  # a few reports leave zero cells blank
    cells.update(vals.grid_cells("t3", t3v, rng, blank_zero=blank))
    cells.update(vals.grid_cells("t4", t4v, rng, blank_zero=blank))
    truth: dict[str, Any] = {f"t2.{k}": v for k, v in t2v.items()}
    truth.update({f"t3.{r}.{c}": v for r, cols in t3v.items() for c, v in cols.items()})
    truth.update({f"t4.{r}.{c}": v for r, cols in t4v.items() for c, v in cols.items()})
    if "t2.procurement.amount" in cells:
        truth["t2.procurement.amount_yuan"] = cell_in_base_units("t2.procurement.amount", cells["t2.procurement.amount"])
    _plant_tables(rng, plan, cells, truth, split_other)

    # ---- text
    b = TextBuilder()
    ctx = Ctx(rng, b, year, layout, issuer.name, rng.choice(issuer.me), issuer.kind, truth, cells, fmt=fmt,
              plant={p for p in plan if not p.startswith(("t3_", "t4_", "cross"))}, big=issuer.big,
              domain=issuer.domain)
    tables_at: list[tuple[int, int, list]] = []
    sections = _write(ctx, issuer, style, split_other, cells, tables_at)
    text = b.text()
    markup = None
    if fmt == "html":  # converted structure is lines joined by "\n", with no final newline
        text = text.rstrip("\n")
        for section in sections:
            section["end"] = min(section["end"], len(text))
        markup = _html(text, tables_at)

    # ---- truth
    checks = text_expectations(b.facts, cells) + ctx.arithmetic
    checks += identity_expectations(vals.identity_results(cells, split_other))
    if prev is not None:
        checks += cross_year_expectations(prev.cells, cells, both_2021)
    planted = [c for c in checks if c.status == "FAIL"]
    if not plan:
        assert not planted, (report_id, planted)
    for i in ctx.planted_facts:
        assert any(i in c.facts for c in planted), (report_id, b.facts[i])
    return SyntheticReport(report_id, text, fmt, issuer.name, year, layout, style, b.facts, cells, sections,
                           planted, checks, markup, prev.id if prev else None, truth, tables_at, issuer)


def _draw_plan(rng: random.Random, has_prev: bool) -> list[str]:
    roll = rng.random()
    if has_prev and roll < 0.3:
        return ["cross_year"]
    if roll < 0.7:
        return []
    kind = rng.choices(("text", "table", "arith", "two"), (0.45, 0.3, 0.15, 0.1))[0]
    if kind == "text":
        return [rng.choice(TEXT_PLANTS)]
    if kind == "table":
        return [rng.choice(("t3_total", "t3_total", "t3_cell", "t4_total"))]
    if kind == "arith":
        return [rng.choice(("text.share", "text.sum.NEW_MEDIA_ACCOUNTS"))]
    return [rng.choice(TEXT_PLANTS), rng.choice(("t3_total", "t3_cell", "text.share"))]


def _plant_tables(rng: random.Random, plan: list[str], cells: dict, truth: dict, split_other: bool) -> None:
    def bump(cid: str) -> None:
        cell = cells[cid]
        old = cell["value"] if cell["value"] is not None else 0
        new = old + rng.choice((1, 1, 2, 3, 10)) if old < 3 or rng.random() < 0.5 else old - rng.choice((1, 2))
        cells[cid] = {"raw": str(new), "value": new, "unit": None, "kind": "number"}
        if rng.random() < 0.5:
            truth[cid] = new  # the narrative follows the printed (wrong) cell

    if "t3_total" in plan:
        bump(f"t3.{rng.choice(vals.t3_rows(split_other))}.total")
    if "t3_cell" in plan:
        row = rng.choice(["new_received", "granted", "unable.not_held", "total_processed", "partial"])
        bump(f"t3.{row}.{rng.choice(vals.APPLICANT_COLS)}")
    if "t4_total" in plan:
        bump(f"t4.{rng.choice(vals.T4_ROWS)}.total")


# ---------------------------------------------------------------- writing

def _wants(ctx: Ctx, p: float, *labels: str) -> bool:
    return ctx.chance(p) or any(label in ctx.plant for label in labels)


def _write(ctx: Ctx, issuer: Issuer, style: str, split_other: bool, cells: dict,
           tables_at: list) -> list[dict[str, Any]]:
    rng = ctx.rng
    _title(ctx, issuer)
    _preamble(ctx)
    sections: list[dict[str, Any]] = []
    review_done = False
    for sid, titles in SECTION_TITLES:
        ctx.b.section = sid
        title = rng.choice(titles)
        ctx.heading(title, 1)
        start = ctx.b.offset - len(title) - 1  # at the title itself, after any Markdown "## "
        if sid == "overview":
            review_done = _overview(ctx)
        elif sid == "proactive":
            _table(ctx, tb.t2_grid(cells, ctx.layout, ctx.year), style, tables_at)
        elif sid == "applications":
            if ctx.chance(0.2):
                ctx.line("本年度收到和处理政府信息公开申请的具体情况见下表：")
            _table(ctx, tb.t3_grid(cells, split_other), style, tables_at)
        elif sid == "review_litigation":
            if not review_done and _wants(ctx, 0.6, "REVIEW_CASES", "LITIGATION_CASES"):
                apps.review_litigation(ctx)
                ctx.line()
            _table(ctx, tb.t4_grid(cells), style, tables_at)
        elif sid == "problems":
            apps.problems(ctx)
        else:
            _other(ctx)
        sections.append({"id": sid, "title": title, "start": start, "end": ctx.b.offset})
    for section, following in zip(sections, sections[1:]):
        section["end"] = following["start"]  # contiguous, as sections.segment reports them
    return sections


def _title(ctx: Ctx, issuer: Issuer) -> None:
    y = ctx.year
    title = ctx.pick((f"{issuer.name}{y}年政府信息公开工作年度报告", f"{issuer.name}\n{y}年政府信息公开工作年度报告",
                      f"{issuer.name}{y}年度政府信息公开工作年度报告", f"{issuer.name}{y}年政府信息公开\n工作年度报告"))
    if ctx.fmt == "md":
        title = "# " + title.replace("\n", "")
    ctx.line(title)
    if ctx.fmt != "html" and ctx.chance(0.5):
        ctx.line()


def _preamble(ctx: Ctx) -> None:
    doc = "国办公开办函〔2019〕60号" if ctx.layout == "2019" else "国办公开办函〔2021〕30号"
    ctx.say(ctx.pick((
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（"
        + doc + "）要求编制。",
        "根据《中华人民共和国政府信息公开条例》第五十条规定，现向社会公布{y}年度{name}政府信息公开工作年度报告。",
        "本年度报告由{name}依据《中华人民共和国政府信息公开条例》编制而成。")), y=str(ctx.year), name=ctx.issuer)
    ctx.say("全文由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
            "存在的主要问题及改进情况、其他需要报告的事项六部分组成。")
    ctx.say("本报告所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。", y=str(ctx.year))
    if ctx.chance(0.6):
        ctx.say("本报告电子版可在门户网站（www.{d}.gov.cn）下载。", d=ctx.domain)
    if ctx.chance(0.4):
        nar.contact_distractor(ctx)
    ctx.line()


def _sub(ctx: Ctx, i: int, title: str) -> None:
    marker = ctx.pick(("（{}）", "({})"))
    ctx.heading(marker.format("一二三四五六"[i]) + title, 2)


def _overview(ctx: Ctx) -> bool:
    """The 总体情况 section; returns whether review/litigation was already written."""
    rng = ctx.rng
    ctx.line(f"{ctx.year}年，{ctx.me}" + ctx.pick(("认真贯彻落实《条例》和上级关于政务公开工作的部署要求，",
                                                 "紧紧围绕中心工作，") ) + ctx.pick(nar.FILLER))
    # (一) 主动公开
    _sub(ctx, 0, ctx.pick(("主动公开", "主动公开情况", "全力推动主动公开更加及时")))
    for fn, p, labels in ((nar.info_published, 0.6, ("INFO_PUBLISHED",)), (nar.website_posts, 0.45, ()),
                          (nar.normative_docs, 0.5, ("NORMATIVE_DOCS",)), (nar.regulations, 0.3, ()),
                          (nar.interpretations, 0.5, ()), (nar.press_conferences, 0.35, ()),
                          (nar.admin_decisions, 0.35, ("ADMIN_DECISIONS",)), (nar.procurement, 0.25, ("PROCUREMENT",)),
                          (nar.admin_fees, 0.2, ("ADMIN_FEES",))):
        if _wants(ctx, p, *labels):
            fn(ctx)
    if ctx.chance(0.35):
        nar.dated_event(ctx)
    if ctx.chance(0.4):
        nar.non_facts(ctx)
    if "INFO_PUBLISHED" in ctx.plant and "t2.published_total" not in ctx.truth:
        ctx.plant.discard("INFO_PUBLISHED")
    nar.filler(ctx)
    ctx.line()
    # (二) 依申请公开
    _sub(ctx, 1, ctx.pick(("依申请公开", "依申请公开情况", "规范程序，全力推动公开申请更加规范")))
    if ctx.chance(0.5):
        ctx.say("严格按照《条例》规定的时限和程序办理依申请公开事项。")
    apps.applications(ctx)
    review = _wants(ctx, 0.45, "REVIEW_CASES", "LITIGATION_CASES") and ctx.chance(0.7)
    if review:
        apps.review_litigation(ctx)
    ctx.line()
    # (三) 政府信息管理
    _sub(ctx, 2, ctx.pick(("政府信息管理", "政府信息管理情况")))
    for fn, p in ((nar.training, 0.55), (nar.inspections, 0.5), (nar.dated_event, 0.3), (nar.non_facts, 0.4)):
        if ctx.chance(p):
            fn(ctx)
    nar.filler(ctx)
    ctx.line()
    # (四) 平台建设
    _sub(ctx, 3, ctx.pick(("政府信息公开平台建设", "平台建设", "持续优化，全力推动平台建设更加融合")))
    for fn, p, labels in ((nar.wechat, 0.55, ()), (nar.weibo, 0.3, ()),
                          (nar.new_media_accounts, 0.35, ("text.sum.NEW_MEDIA_ACCOUNTS",)),
                          (nar.other_media, 0.35, ()), (nar.public_messages, 0.5, ()), (nar.services, 0.5, ("text.share",)),
                          (nar.non_facts, 0.4, ())):
        if _wants(ctx, p, *labels):
            fn(ctx)
    nar.filler(ctx)
    ctx.line()
    # (五) 监督保障
    _sub(ctx, 4, ctx.pick(("监督保障", "监督保障情况", "强化培训宣传，营造良好氛围")))
    for fn, p in ((nar.npc_suggestions, 0.25), (nar.training, 0.2), (nar.inspections, 0.3), (nar.non_facts, 0.3)):
        if ctx.chance(p):
            fn(ctx)
    nar.filler(ctx)
    ctx.line()
    return review


def _other(ctx: Ctx) -> None:
    wrote = False
    if ctx.chance(0.7):
        apps.fees(ctx)
        wrote = True
    if ctx.chance(0.15):
        nar.npc_suggestions(ctx)
        wrote = True
    if not wrote:
        ctx.say(ctx.pick(("无。", "本年度无其他需要报告的事项。", "无")))
    ctx.line()


def _table(ctx: Ctx, grid: list, style: str, tables_at: list) -> None:
    start = ctx.b.offset
    ctx.b.add(tb.render(grid, "tsv" if style == "html" else style))
    tables_at.append((start, ctx.b.offset, grid))
    ctx.line()
    if ctx.fmt != "html":
        ctx.line()


def _html(text: str, tables_at: list) -> str:
    """The .html file: a <p> (or <h1> for the first line) per line, real tables in place."""
    out = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\"><title></title></head><body>"]
    pos = 0
    first = True
    for start, end, grid in tables_at + [(len(text), len(text), None)]:
        for line in text[pos:start].split("\n"):
            if line:
                tag = "h1" if first else "p"
                out.append(f"<{tag}>{html.escape(line)}</{tag}>")
                first = False
        if grid is not None:
            out.append(tb.html_table(grid))
        pos = end
    out.append("</body></html>")
    return "\n".join(out) + "\n"
