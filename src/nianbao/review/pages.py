"""The review app's pages: the batch summary page and each report's evidence page from
`nianbao.render`, with filters by review state and a review control on every FAIL and
UNCERTAIN finding. Everything inline; no external files, no build step."""
from __future__ import annotations

import json
import time
from collections import Counter
from html import escape
from typing import Any

from nianbao.render.html import report_html
from nianbao.render.style import STATUS_ORDER, STATUS_ZH
from nianbao.render.summary_page import summary_html
from nianbao.report import Finding, Report
from nianbao.review.store import REASONS, STATE_ZH, FindingRecord, Review

REVIEW_FILTERS = ("open", "confirmed", "dismissed", "changed")
FILTERS = ("rule", "status", "issuer", "year", "review")

REVIEW_CSS = """
td.review{min-width:260px;font-size:13px}
td.review select,td.review input{font-size:13px;margin:2px 0;max-width:100%}
td.review input.review-note{width:95%}
.rstate{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:bold;color:#fff;background:#8c959f}
.rstate.rs-confirmed{background:#c62828}.rstate.rs-dismissed{background:#2e7d32}.rstate.rs-changed{background:#9a6700}
.review-msg.error{color:#c62828;font-weight:bold}
.summary-filters select{margin-right:10px}
tr.review-hidden{display:none}
"""

REVIEW_JS = """
(function(){
  var who = document.getElementById('reviewer');
  try { who.value = localStorage.getItem('nianbao-reviewer') || ''; } catch (e) {}
  who.addEventListener('change', function(){ try { localStorage.setItem('nianbao-reviewer', who.value); } catch (e) {} });
  var ZH = __STATE_ZH__;
  function show(td, review, stateName){
    var badge = td.querySelector('.rstate');
    badge.className = 'rstate rs-' + stateName; badge.textContent = ZH[stateName];
    td.setAttribute('data-state', stateName);
    td.querySelector('.review-who').textContent = review ? (review.reviewer + ' · ' + review.when) : '';
  }
  var only = document.getElementById('review-filter');
  function filter(){
    document.querySelectorAll('tr.finding').forEach(function(row){
      var td = row.querySelector('td.review');
      var keep = !only.value || (td !== null && td.getAttribute('data-state') === only.value);
      row.classList.toggle('review-hidden', !keep);
    });
  }
  only.addEventListener('change', filter);
  document.querySelectorAll('td.review button.review-save').forEach(function(button){
    button.addEventListener('click', function(){
      var td = button.closest('td.review'), msg = td.querySelector('.review-msg');
      msg.className = 'review-msg note'; msg.textContent = '';
      if (!who.value.trim()) { msg.className = 'review-msg error'; msg.textContent = '请先填写复核人'; who.focus(); return; }
      var body = {doc_id: td.getAttribute('data-doc'), idx: parseInt(td.getAttribute('data-idx'), 10),
        state: td.querySelector('.review-choice').value, reason: td.querySelector('.review-reason').value,
        note: td.querySelector('.review-note').value, reviewer: who.value,
        evidence_sha256: td.getAttribute('data-evidence'), version: parseInt(td.getAttribute('data-version'), 10)};
      button.disabled = true;
      fetch('/api/review', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)})
        .then(function(r){ return r.json().then(function(j){ return {ok: r.ok, j: j}; }); })
        .then(function(res){
          button.disabled = false;
          if (!res.ok) { msg.className = 'review-msg error'; msg.textContent = res.j.error; return; }
          td.setAttribute('data-version', res.j.review.version);
          show(td, res.j.review, res.j.state);
          msg.textContent = '已保存';
          filter();
        })
        .catch(function(err){ button.disabled = false; msg.className = 'review-msg error'; msg.textContent = String(err); });
    });
  });
})();
"""


def when(t: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(t))


def review_dict(review: Review) -> dict[str, Any]:
    return {**review.to_dict(), "when": when(review.reviewed_at)}


# --------------------------------------------------------------------------- summary


def matches(record: FindingRecord, picked: dict[str, str]) -> bool:
    """Whether a finding passes the finding-level filters (rule, status, review state)."""
    if not pair_matches(record.rule, record.status, picked):
        return False
    if picked.get("review"):
        return record.reviewable and record.review_state == picked["review"]
    return True


def pair_matches(rule: str, status: str, picked: dict[str, str]) -> bool:
    return (not picked.get("rule") or rule == picked["rule"]) and (not picked.get("status") or status == picked["status"])


def summary_page(documents: list[dict[str, Any]], pairs: dict[str, list[tuple[str, str]]],
                 records: list[FindingRecord], picked: dict[str, str]) -> str:
    """The summary: the filter form and review counts above `render`'s summary table of
    the reports that have a finding passing the filters (all reports when none is set).
    `pairs` holds each report's findings as (rule, status) (`store.status_pairs`);
    `records` its reviewable findings with their reviews (`store.findings(reviewable=True)`)."""
    by_doc: dict[str, list[FindingRecord]] = {}
    for r in records:
        by_doc.setdefault(r.doc_id, []).append(r)
    finding_filter = any(picked.get(k) for k in ("rule", "status", "review"))
    rows, shown = [], []
    for doc in documents:
        if picked.get("issuer") and (doc["issuer"] or "") != picked["issuer"]:
            continue
        if picked.get("year") and str(doc["year"] or "") != picked["year"]:
            continue
        reviewable = by_doc.get(doc["doc_id"], [])
        kept_records = [r for r in reviewable if matches(r, picked)]
        if picked.get("review"):  # only reviewable findings have a review state
            kept = [(r.rule, r.status) for r in kept_records]
        else:
            kept = [(rule, status) for rule, status in pairs.get(doc["doc_id"], []) if pair_matches(rule, status, picked)]
        if finding_filter and not kept:
            continue
        shown.extend(kept_records)
        review_counts = Counter(r.review_state for r in reviewable)
        note = " · ".join(f"{STATE_ZH[s]} {review_counts[s]}" for s in REVIEW_FILTERS if review_counts.get(s))
        rows.append({"doc_id": doc["doc_id"], "source": doc["source"], "title": doc["title"], "year": doc["year"],
                     "issuer": doc["issuer"], "pairs": kept,
                     "href": f"/report/{doc['doc_id']}", "error": None,
                     "note_html": f'<div class="note review-counts">复核：{escape(note)}</div>' if note else ""})
    rules = sorted({rule for doc_pairs in pairs.values() for rule, _ in doc_pairs})
    intro = _filter_form(documents, rules, picked) + _review_counts(shown)
    page = summary_html(rows, "年报核对复核", intro=intro)
    return page.replace("</style>", REVIEW_CSS + "</style>", 1)


def _select(name: str, label: str, values: list[tuple[str, str]], picked: dict[str, str]) -> str:
    options = ['<option value="">全部</option>'] + [
        f'<option value="{escape(v, quote=True)}"{" selected" if picked.get(name) == v else ""}>{escape(t)}</option>'
        for v, t in values]
    return f'<label>{label} <select name="{name}" id="f-{name}">{"".join(options)}</select></label>'


def _filter_form(documents, rules, picked) -> str:
    issuers = sorted({d["issuer"] for d in documents if d["issuer"]})
    years = sorted({str(d["year"]) for d in documents if d["year"]})
    fields = [
        _select("rule", "规则", [(r, r) for r in rules], picked),
        _select("status", "状态", [(s, f"{STATUS_ZH[s]} {s}") for s in STATUS_ORDER], picked),
        _select("issuer", "发布机关", [(i, i) for i in issuers], picked),
        _select("year", "年度", [(y, y) for y in years], picked),
        _select("review", "复核", [(s, STATE_ZH[s]) for s in REVIEW_FILTERS], picked),
    ]
    return (f'<form method="get" action="/" class="filters summary-filters" id="filters">{"".join(fields)}'
            '<button type="submit">筛选</button> <a href="/">清除</a></form>')


def _review_counts(reviewable: list[FindingRecord]) -> str:
    counts = Counter(r.review_state for r in reviewable)
    parts = " · ".join(f'<span class="rstate rs-{s}">{STATE_ZH[s]}</span> <span id="count-{s}">{counts.get(s, 0)}</span>'
                       for s in REVIEW_FILTERS)
    return (f'<p class="meta review-summary">筛选出的不一致与存疑 <span id="count-reviewable">{len(reviewable)}</span>'
            f" 项：{parts}</p>")


# --------------------------------------------------------------------------- evidence page


def report_from_records(stored: dict, records: list[FindingRecord]) -> Report:
    report = Report.from_dict(stored)
    report.findings = [Finding(rule=r.rule, status=r.status, kind=r.kind, message=r.message, text_value=r.text_value,
                               table_value=r.table_value, cells=list(r.cells), facts=list(r.facts),
                               evidence=r.stored_evidence) for r in records]
    return report


def evidence_page(stored: dict, records: list[FindingRecord]) -> str:
    """`render`'s evidence page of one report (its stored OUTPUT.md object) with a review
    cell on each finding's row."""
    report = report_from_records(stored, records)

    def review_cell(k: int, _finding: Finding) -> str:
        return review_td(records[k])

    reviewer = ('<div class="filters">复核人：<input id="reviewer" name="reviewer" maxlength="100" '
                'placeholder="姓名" autocomplete="name"> 只看：<select id="review-filter"><option value="">全部</option>'
                + "".join(f'<option value="{k}">{STATE_ZH[k]}</option>' for k in REVIEW_FILTERS)
                + '</select> <span class="note">每项不一致或存疑可确认为报告错误、'
                '注明理由驳回，或留待复核；保存后重新核对也保留。</span></div>')
    script = REVIEW_JS.replace("__STATE_ZH__", json.dumps(STATE_ZH, ensure_ascii=False))
    page = report_html(report, back_link="/", finding_extra=review_cell, before_findings=reviewer, script=script)
    return page.replace("</style>", REVIEW_CSS + "</style>", 1)


def review_td(record: FindingRecord) -> str:
    if not record.reviewable:
        return '<td class="review-none note">—</td>'
    review, state = record.review, record.review_state
    current = review.state if review else "open"
    choices = "".join(f'<option value="{s}"{" selected" if s == current else ""}>{t}</option>'
                      for s, t in (("open", "未复核"), ("confirmed", "确认错误"), ("dismissed", "驳回")))
    reason_now = review.reason if review else None
    reasons = '<option value="">（驳回理由）</option>' + "".join(
        f'<option value="{k}"{" selected" if k == reason_now else ""}>{escape(v)}</option>' for k, v in REASONS.items())
    changed = ""
    if record.earlier is not None:
        e = record.earlier
        why = f"，{REASONS.get(e.reason, e.reason)}" if e.reason else ""
        changed = (f'<div class="note changed">复核后证据已变：原复核为{STATE_ZH.get(e.state, e.state)}{escape(why)}'
                   f"（{escape(e.reviewer)}，{when(e.reviewed_at)}{'：' + escape(e.note) if e.note else ''}），请重新复核</div>")
    who = f"{escape(review.reviewer)} · {when(review.reviewed_at)}" if review else ""
    return (f'<td class="review" data-doc="{escape(record.doc_id, quote=True)}" data-idx="{record.idx}" '
            f'data-evidence="{record.evidence_sha256}" data-version="{review.version if review else 0}" '
            f'data-state="{state}" id="review-{record.idx}">'
            f'<span class="rstate rs-{state}">{STATE_ZH[state]}</span>{changed}<br>'
            f'<select class="review-choice">{choices}</select> <select class="review-reason">{reasons}</select><br>'
            f'<input class="review-note" maxlength="5000" placeholder="备注" '
            f'value="{escape(review.note if review else "", quote=True)}"> '
            f'<button type="button" class="review-save">保存</button>'
            f'<div class="review-who note">{who}</div><div class="review-msg note"></div></td>')
