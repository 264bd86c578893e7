"""Findings dismissed in review as a reading error of ours become Label Studio tasks.

`nianbao serve` lets a reviewer dismiss a finding as "reading error of the text" or "of
the table": the checked numbers were right, we read them wrong. Each such finding's
narrative chunk (the one holding its fact) becomes a task in its own project (default
"nianbao reviews"): pre-annotated with the spans the batch stored (the model's, when the
batch ran the model), with the dismissed span highlighted above the text and the
reviewer's reason and note beside it. The tasks carry the same fields as `push`'s, so
`nianbao annotate pull --project "nianbao reviews"` writes the corrections into the
annotation folder like any other.

A finding with no text span (a table identity) has nothing to annotate in the narrative
and is reported, not pushed; so is a report whose source no longer re-reads to the text
the batch checked.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from nianbao.labelstudio.config import label_config
from nianbao.labelstudio.push import find_or_create_project, import_new, source_problem, task_common
from nianbao.labelstudio.spans import SpanProblem, fact_result, span_problem
from nianbao.labelstudio.tasks import MAX_CHARS, facts_by_chunk, narrative_chunks
from nianbao.report import Report
from nianbao.review.store import REASONS, FindingRecord, findings, open_db, stored_report

REVIEW_PROJECT = "nianbao reviews"
READING_ERRORS = ("text_reading", "table_reading")


@dataclass
class ReviewPushResult:
    project: int | None = None
    created: bool = False
    findings: int = 0  # dismissed as a reading error of ours
    imported: int = 0
    already_there: int = 0
    problems: list[SpanProblem] = field(default_factory=list)


def review_label_config() -> str:
    """The catalogue's config with the review (dismissed span marked) shown above the text."""
    return label_config(('<HyperText name="review" value="$review_html" inline="true"/>',))


def build_review_tasks(db_path: str | Path, max_chars: int = MAX_CHARS) -> tuple[list[dict[str, Any]], list[SpanProblem], int]:
    """The tasks for every finding dismissed as a reading error, the findings left out
    and why, and how many findings were so dismissed."""
    con = open_db(db_path)
    try:
        dismissed = [r for r in findings(con, reviewable=True) if r.review is not None and r.review.state == "dismissed"
                     and r.review.reason in READING_ERRORS]
        reports = {}
        for r in dismissed:
            if r.doc_id not in reports:
                reports[r.doc_id] = Report.from_dict(stored_report(con, r.doc_id))
    finally:
        con.close()
    tasks, problems = [], []
    for doc_id, report in reports.items():
        records = [r for r in dismissed if r.doc_id == doc_id]
        doc_tasks, doc_problems = _report_tasks(report, records, max_chars)
        tasks.extend(doc_tasks)
        problems.extend(doc_problems)
    return tasks, problems, len(dismissed)


def _report_tasks(report: Report, records: list[FindingRecord], max_chars: int):
    common = task_common(report)
    doc = common["doc"]
    problem = source_problem(report)
    if problem:
        return [], [SpanProblem(None, doc, None, None, r.rule, None, problem) for r in records]
    chunks = narrative_chunks(report, max_chars)
    grouped, _ = facts_by_chunk(chunks, report.facts)
    marked: dict[int, list[tuple[int, FindingRecord]]] = {}  # chunk -> (fact index, finding)
    problems = []
    for r in records:
        spans = [i for i in r.facts if 0 <= i < len(report.facts)]
        if not spans:
            problems.append(SpanProblem(None, doc, None, None, r.rule, None,
                                        "the finding has no text span to annotate (it compares table cells only)"))
            continue
        for i in spans:
            fact = report.facts[i]
            chunk = next((c for c in chunks if c.contains(fact.start, fact.end)), None)
            if chunk is None:
                problems.append(SpanProblem(None, doc, fact.start, fact.end, fact.label, fact.text,
                                            "the dismissed span lies in no narrative chunk (inside a table)"))
                continue
            marked.setdefault(chunk.index, []).append((i, r))
    tasks = []
    for chunk in chunks:
        if chunk.index not in marked:
            continue
        results, scores = [], []
        for fact in grouped[chunk.index]:
            if span_problem(report.text, fact.start, fact.end, fact.text, [fact.label]) is None:
                results.append(fact_result(fact, chunk.start))
                scores.append(float(fact.score))
        reviews = [{"rule": r.rule, "reason": r.review.reason, "reviewer": r.review.reviewer, "note": r.review.note,
                    "message": r.message, "start": report.facts[i].start - chunk.start,
                    "end": report.facts[i].end - chunk.start} for i, r in marked[chunk.index]]
        version = "+".join(sorted({f.extractor for f in grouped[chunk.index] if f.extractor})) or "batch"
        tasks.append({
            "data": {**common, "text": chunk.text, "chunk": chunk.index, "start": chunk.start, "end": chunk.end,
                     "reviews": reviews, "review_html": _review_html(chunk.text, reviews)},
            "predictions": [{"model_version": version, "score": round(min(scores), 4) if scores else 1.0,
                             "result": results}],
        })
    return tasks, problems


def _review_html(text: str, reviews: list[dict[str, Any]]) -> str:
    """The chunk with each dismissed span marked, under one line per dismissal."""
    lines = "".join(
        f"<p>复核驳回（{escape(REASONS[r['reason']])}，{escape(r['reviewer'])}）：{escape(r['message'])}"
        f"{'；' + escape(r['note']) if r['note'] else ''}</p>" for r in reviews)
    spans = sorted({(r["start"], r["end"]) for r in reviews})
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark style="background:#ffb3b3;outline:2px solid #c62828">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return f'<div>{lines}<p style="white-space:pre-wrap">{"".join(out)}</p></div>'


def push_reviews(client, db_path: str | Path, project_title: str = REVIEW_PROJECT,
                 max_chars: int = MAX_CHARS) -> ReviewPushResult:
    """Create or update ``project_title`` and import a task per chunk holding a dismissed
    span (a chunk already there is not imported again)."""
    tasks, problems, n = build_review_tasks(db_path, max_chars)
    result = ReviewPushResult(findings=n, problems=problems)
    if not tasks:
        return result
    result.project, result.created = find_or_create_project(client, project_title, review_label_config())
    new = import_new(client, result.project, result.created, tasks)
    result.imported, result.already_there = len(new), len(tasks) - len(new)
    return result
