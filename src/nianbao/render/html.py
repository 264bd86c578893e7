"""One evidence page per report: the findings, the narrative with its facts highlighted, and
the three tables with every checked cell marked by status.

Each finding links to its fact spans (``#fact-<index>``) and its cells (``#cell-<cell id>``).
The page is one self-contained file: inline CSS, a few lines of inline JS for the filters,
no external fonts or scripts.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from html import escape
from pathlib import Path

from nianbao.facts.catalogue import families as families_of_labels
from nianbao.reconcile.cells import TABLE_TITLES, cell_name, column_name, grid, split_cell_id
from nianbao.render.narrative import highlight
from nianbao.render.style import FAMILY_COLOURS, FILTER_JS, STATUS_ORDER, STATUS_ZH, css, rule_family, worst
from nianbao.report import Finding, Report, Table

TABLE_IDS = ("t2", "t3", "t4")


def write_report_html(report: Report, path: str | Path) -> Path:
    """Write the evidence page of one checked report to `path` (UTF-8)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report_html(report), encoding="utf-8")
    return path


def report_html(report: Report, back_link: str | None = None, finding_extra=None, before_findings: str = "",
                script: str = "") -> str:
    """The page as a string. ``finding_extra(index, finding)`` (optional) returns one more
    ``<td>`` for each finding's row (the review app's controls), ``before_findings`` goes
    above the findings and ``script`` is added after the filter script."""
    cell_status, cell_rules = _cell_marks(report.findings)
    fact_status = _fact_marks(report.findings)
    title = report.title or Path(report.source).name
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} · nianbao</title><style>{css()}</style></head><body>",
        _header(report, title, back_link),
        "<main>",
        before_findings,
        _findings_section(report, finding_extra),
        '<h2 id="narrative">正文（事实按标签着色）</h2>',
        _legend(),
        _narrative(report, fact_status, cell_status, cell_rules),
        "</main>",
        f"<script>{FILTER_JS}</script>",
        f"<script>{script}</script>" if script else "",
        "</body></html>",
    ]
    return "\n".join(parts)


def _header(report: Report, title: str, back_link: str | None) -> str:
    counts = Counter(f.status for f in report.findings)
    badges = "".join(f'<span><span class="badge st-{s}">{STATUS_ZH[s]} {s}</span> {counts.get(s, 0)}</span>'
                     for s in STATUS_ORDER)
    back = f'<a href="{escape(back_link, quote=True)}">← 汇总</a> · ' if back_link else ""
    meta = (f"{back}来源 {escape(report.source)} · 格式 {escape(report.format)} · 年度 {report.year or '?'}"
            f" · 发布机关 {escape(report.issuer or '?')} · doc_id {escape(report.doc_id)}"
            f" · 事实 {len(report.facts)} 处 · 核对 {len(report.findings)} 项")
    warnings = "".join(f'<div class="note">⚠ {escape(w)}</div>' for w in report.warnings)
    return (f"<header><h1>{escape(title)}</h1><div class=\"meta\">{meta}</div>"
            f'<div class="counts">{badges}</div>{warnings}</header>')


def _legend() -> str:
    families = "".join(f'<span class="swatch" style="background:{FAMILY_COLOURS[k]}">{escape(v["zh"])}</span>'
                       for k, v in families_of_labels().items() if k in FAMILY_COLOURS)
    statuses = "".join(f'<span class="badge st-{s}">{STATUS_ZH[s]}</span> ' for s in STATUS_ORDER)
    return f'<p class="note legend">标签类别：{families}　核对状态（事实与表格单元格的边框）：{statuses}</p>'


def _findings_section(report: Report, finding_extra=None) -> str:
    families = sorted({rule_family(f.rule) for f in report.findings})
    # PASS starts hidden when there is anything else to look at
    hide_pass = any(f.status != "PASS" for f in report.findings)
    checkboxes = "".join(
        f'<label><input type="checkbox" class="status-filter" value="{s}"'
        f'{"" if s == "PASS" and hide_pass else " checked"}> '
        f'<span class="badge st-{s}">{STATUS_ZH[s]}</span></label>' for s in STATUS_ORDER)
    options = '<option value="">全部规则</option>' + "".join(
        f'<option value="{escape(f)}">{escape(f)}</option>' for f in families)
    rows = [_finding_row(report, k, report.findings[k], finding_extra) for k in sorted(range(len(report.findings)),
                                                                     key=lambda k: _order(report.findings[k]))]
    columns = 4 if finding_extra else 3
    extra_head = "<th>复核</th>" if finding_extra else ""
    body = "".join(rows) or f'<tr><td colspan="{columns}" class="note">没有核对结果</td></tr>'
    return (f'<h2 id="findings">核对结果</h2><div class="filters">状态：{checkboxes} 规则：'
            f'<select id="family-filter">{options}</select></div>'
            f'<table class="findings"><thead><tr><th>状态</th><th>规则与说明</th><th>证据</th>{extra_head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


KIND_ORDER = ("text_vs_table", "text_arithmetic", "cross_year", "table_identity")


def _order(f: Finding) -> tuple[int, int, str]:
    status = STATUS_ORDER.index(f.status) if f.status in STATUS_ORDER else len(STATUS_ORDER)
    kind = KIND_ORDER.index(f.kind) if f.kind in KIND_ORDER else len(KIND_ORDER)
    return status, kind, f.rule


def _finding_row(report: Report, k: int, f: Finding, finding_extra=None) -> str:
    links = []
    for i in f.facts:
        if 0 <= i < len(report.facts):
            fact = report.facts[i]
            links.append(f'<a class="to-fact" href="#fact-{i}" title="正文第{fact.start}–{fact.end}字">'
                         f"正文“{escape(fact.text)}”</a>")
    last_row = None
    for cell_id in f.cells:
        cell = report.table_cell(cell_id)
        shown = f"：{escape(cell.raw.strip())}" if cell is not None and cell.raw.strip() else ""
        table, row, _ = split_cell_id(cell_id)
        name = cell_name(cell_id) if (table, row) != last_row else column_name(cell_id)  # a row is named once
        last_row = (table, row)
        links.append(f'<a class="to-cell" href="#cell-{escape(cell_id, quote=True)}" title="{escape(cell_id)}">'
                     f"{escape(name)}{shown}</a>")
    previous = f.evidence.get("previous") if isinstance(f.evidence, dict) else None
    if previous:
        cells = "，".join(f"{escape(cell_name(c))}：{escape(str(v))}" for c, v in previous.get("cells", {}).items())
        links.append(f'<span class="note">上年（{previous.get("year")}年）报告 {escape(str(previous.get("source")))}：'
                     f"{cells}</span>")
    status = escape(f.status)
    return (f'<tr class="finding st-{status}" id="finding-{k}" data-status="{status}" '
            f'data-family="{escape(rule_family(f.rule))}">'
            f'<td><span class="badge st-{status}">{STATUS_ZH.get(f.status, status)}</span></td>'
            f'<td><div class="rule">{escape(f.rule)}</div>{escape(f.message)}</td>'
            f'<td class="links">{"".join(links)}</td>{finding_extra(k, f) if finding_extra else ""}</tr>')


def _narrative(report: Report, fact_status, cell_status, cell_rules) -> str:
    """The text in order, each table that can be placed shown as a grid where it is printed."""
    inline, after = _place_tables(report)
    out, pos = ['<div class="narrative">'], 0
    for table in inline:
        out.append(highlight(report, pos, table.start, fact_status))
        out.append(f'<div class="inline-table">{_table_html(report, table.id, cell_status, cell_rules)}</div>')
        pos = table.end
    out.append(highlight(report, pos, len(report.text), fact_status))
    out.append("</div>")
    out.append('<h2 id="tables">表格</h2>')
    for table_id in after:
        out.append(_table_html(report, table_id, cell_status, cell_rules))
    return "\n".join(out)


def _place_tables(report: Report) -> tuple[list[Table], list[str]]:
    """Tables with a known region holding no fact go inline; the rest (and absent ones) after."""
    inline, after, pos = [], [], 0
    placed = sorted((t for t in report.tables.values() if t.start is not None and t.end is not None),
                    key=lambda t: t.start)
    for table in placed:
        overlaps = table.start < pos or table.end > len(report.text)
        holds_fact = any(table.start < f.end and f.start < table.end for f in report.facts)
        if overlaps or holds_fact:
            continue
        inline.append(table)
        pos = table.end
    inline_ids = {t.id for t in inline}
    after = [t for t in TABLE_IDS if t not in inline_ids]
    return inline, after


def _table_html(report: Report, table_id: str, cell_status, cell_rules) -> str:
    table = report.tables.get(table_id)
    title = TABLE_TITLES[table_id]
    if table is None:
        return f'<h3 id="table-{table_id}">{escape(title)}</h3><p class="note">报告缺少此表。</p>'
    notes = "" if table.complete else '<p class="note">此表未能完整读取，只列出读到的格。</p>'
    notes += "".join(f'<p class="note">{escape(n)}</p>' for n in table.notes)
    layout = f"（{table.layout}年版式）" if table.layout else ""
    rows, shown, columns_above = [], set(), None
    for row_name, cells in grid(table_id, table.layout):
        if table_id == "t3" and row_name == "其他处理" and f"t3.other.total" not in table.cells:
            continue
        if table_id == "t3" and row_name.startswith("其他处理：") and not any(c in table.cells for _, c in cells):
            continue
        columns = tuple(c for c, _ in cells)
        if columns != columns_above:  # a header row wherever the printed columns change (表二)
            rows.append("<tr><th></th>" + "".join(f"<th>{escape(c)}</th>" for c in columns) + "</tr>")
            columns_above = columns
        tds = []
        for heading, cell_id in cells:
            shown.add(cell_id)
            tds.append(_cell_td(table, cell_id, heading, cell_status, cell_rules))
        rows.append(f'<tr><th class="row">{escape(row_name)}</th>{"".join(tds)}</tr>')
    extra = [c for c in table.cells if c not in shown]
    for cell_id in extra:
        rows.append(f'<tr><th class="row">{escape(cell_name(cell_id))}</th>'
                    f'{_cell_td(table, cell_id, cell_id, cell_status, cell_rules)}</tr>')
    return (f'<h3 id="table-{table_id}">{escape(title)}{layout}</h3>{notes}'
            f'<table class="grid" data-table="{table_id}">{"".join(rows)}</table>')


def _cell_td(table: Table, cell_id: str, heading: str, cell_status, cell_rules) -> str:
    cell = table.cells.get(cell_id)
    status = cell_status.get(cell_id)
    rules = "；".join(cell_rules.get(cell_id, []))
    tip = f"{cell_id}（{heading}）" + (f"\n{rules}" if rules else "")
    if cell is None:
        return f'<td class="cell absent" id="cell-{escape(cell_id, quote=True)}" title="{escape(tip)}">·</td>'
    cls = f"cell st-{status}" if status else "cell"
    shown = escape(cell.raw.strip()) if cell.raw.strip() else "&nbsp;"
    return (f'<td class="{cls}" id="cell-{escape(cell_id, quote=True)}" data-kind="{escape(cell.kind)}" '
            f'title="{escape(tip, quote=True)}">{shown}</td>')


def _cell_marks(findings: list[Finding]) -> tuple[dict[str, str], dict[str, list[str]]]:
    statuses, rules = defaultdict(list), defaultdict(list)
    for f in findings:
        for cell_id in f.cells:
            statuses[cell_id].append(f.status)
            rules[cell_id].append(f"{f.rule}: {f.status}")
    return {c: worst(s) for c, s in statuses.items()}, dict(rules)


def _fact_marks(findings: list[Finding]) -> dict[int, str]:
    statuses = defaultdict(list)
    for f in findings:
        for i in f.facts:
            statuses[i].append(f.status)
    return {i: worst(s) for i, s in statuses.items()}
