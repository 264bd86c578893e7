"""The batch summary page: counts by rule and status, the reports with most FAILs first,
client-side filters by rule and status, and a link to each report's evidence page.

It takes `Report` objects or rows shaped like OUTPUT.md's JSON (``doc_id``, ``source``,
``title``, ``year``, ``findings`` with ``rule``/``status``); a row may carry ``href``, the
link to its page (default ``<doc_id>.html`` beside the summary).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from html import escape
from pathlib import Path
from sys import intern
from typing import Any

from nianbao.render.style import STATUS_ORDER, STATUS_ZH, SUMMARY_JS, css
from nianbao.report import Report


def page_name(doc_id: str) -> str:
    """The file name of a report's evidence page beside the summary."""
    return f"{doc_id}.html"


def write_summary_html(reports_or_rows: Iterable[Report | dict[str, Any]], path: str | Path,
                       title: str = "年报核对汇总") -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(summary_html([_row(r) for r in reports_or_rows], title), encoding="utf-8")
    return path


def _row(item: Report | dict[str, Any]) -> dict[str, Any]:
    if isinstance(item, Report):
        return {"doc_id": item.doc_id, "source": item.source, "title": item.title, "year": item.year,
                "issuer": item.issuer, "href": page_name(item.doc_id), "error": None,
                # interned: a row per report is kept while pages stream, each rule's name once
                "pairs": [(intern(f.rule), intern(f.status)) for f in item.findings]}
    findings = item.get("findings") or []
    return {"doc_id": item.get("doc_id", ""), "source": item.get("source", ""), "title": item.get("title"),
            "year": item.get("year"), "issuer": item.get("issuer"),
            "pairs": [(f["rule"], f["status"]) for f in findings],
            "href": item.get("href") or (page_name(item["doc_id"]) if item.get("doc_id") else None),
            "error": item.get("error")}


def summary_html(rows: list[dict[str, Any]], title: str, intro: str = "") -> str:
    """The page as a string; ``intro`` (HTML) goes first in the main part, and a row's
    ``note_html`` under its report's name (the review app's filters and review counts)."""
    by_rule: dict[str, Counter] = {}
    totals = Counter()
    for row in rows:
        for rule, status in row["pairs"]:
            by_rule.setdefault(rule, Counter())[status] += 1
            totals[status] += 1
    rows = sorted(rows, key=lambda r: (-_count(r, "FAIL"), -_count(r, "UNCERTAIN"), str(r["source"])))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} · nianbao</title><style>{css()}</style></head><body>",
        f"<header><h1>{escape(title)}</h1><div class=\"meta\">报告 {len(rows)} 份 · 核对 {sum(totals.values())} 项 · "
        + " · ".join(f'<span class="badge st-{s}">{STATUS_ZH[s]}</span> {totals.get(s, 0)}' for s in STATUS_ORDER)
        + "</div></header><main>",
        intro,
        _rule_table(by_rule),
        _report_table(rows, sorted(by_rule)),
        "</main>",
        f"<script>{SUMMARY_JS}</script>",
        "</body></html>",
    ]
    return "\n".join(parts)


def _count(row: dict[str, Any], status: str) -> int:
    return sum(1 for _, s in row["pairs"] if s == status)


def _rule_table(by_rule: dict[str, Counter]) -> str:
    head = "<tr><th>规则</th>" + "".join(f'<th><span class="badge st-{s}">{STATUS_ZH[s]}</span></th>'
                                          for s in STATUS_ORDER) + "</tr>"
    body = []
    for rule in sorted(by_rule, key=lambda r: (-by_rule[r].get("FAIL", 0), r)):
        cells = []
        for s in STATUS_ORDER:
            n = by_rule[rule].get(s, 0)
            cells.append(f'<td><a href="#reports" class="pick" data-rule="{escape(rule)}" data-st="{s}">{n}</a></td>'
                         if n else "<td>0</td>")
        body.append(f'<tr><td class="rule">{escape(rule)}</td>{"".join(cells)}</tr>')
    return (f'<h2 id="rules">按规则统计</h2><table class="findings rule-counts">{head}{"".join(body)}</table>'
            '<p class="note">点击数字可筛选下方报告。</p>')


def _report_table(rows: list[dict[str, Any]], rules: list[str]) -> str:
    rule_options = '<option value="">全部规则</option>' + "".join(
        f'<option value="{escape(r)}">{escape(r)}</option>' for r in rules)
    status_options = '<option value="">全部状态</option>' + "".join(
        f'<option value="{s}">{STATUS_ZH[s]} {s}</option>' for s in STATUS_ORDER)
    head = ("<tr><th>报告</th><th>年度</th>" + "".join(f'<th><span class="badge st-{s}">{STATUS_ZH[s]}</span></th>'
                                                       for s in STATUS_ORDER) + "</tr>")
    body = []
    for row in rows:
        name = escape(row["title"] or Path(str(row["source"])).name)
        link = f'<a href="{escape(row["href"], quote=True)}">{name}</a>' if row.get("href") else name
        if row.get("error"):
            link += f'<div class="note">Error: {escape(str(row["error"]))}</div>'
        link += row.get("note_html") or ""
        pairs = " ".join(sorted({f"{rule}|{status}" for rule, status in row["pairs"]}))
        counts = "".join(f"<td>{_count(row, s)}</td>" for s in STATUS_ORDER)
        body.append(f'<tr class="report" data-pairs="{escape(pairs, quote=True)}"><td>{link}'
                    f'<div class="meta">{escape(str(row["source"]))}</div></td>'
                    f'<td>{escape(str(row["year"] or "?"))}</td>{counts}</tr>')
    return (f'<h2 id="reports">报告（不一致多的在前）</h2><div class="filters">规则：<select id="rule-filter">'
            f'{rule_options}</select> 状态：<select id="status-filter">{status_options}</select> '
            f'显示 <span id="shown">{len(rows)}</span> 份</div>'
            f'<table class="findings reports">{head}{"".join(body)}</table>')
