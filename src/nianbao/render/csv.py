"""Findings as CSV, one row per finding, for spreadsheets (UTF-8 with a byte-order mark so
Excel reads the Chinese; cells and fact offsets joined by ``;``)."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from nianbao.report import Report

# the review columns are filled from the results database's reviews (`nianbao.review`);
# empty for a finding nobody reviewed, and for reports checked outside a database
REVIEW_COLUMNS = ("review", "review_reason", "review_note", "reviewer", "reviewed_at")
COLUMNS = ("doc_id", "source", "rule", "status", "kind", "text_value", "table_value", "cells", "facts",
           "fact_offsets", "message", *REVIEW_COLUMNS)


def finding_rows(report: Report, reviews=None) -> list[dict[str, str]]:
    """One row per finding; ``reviews`` maps (doc_id, finding index) to the review columns."""
    rows = []
    reviews = reviews or {}
    for k, f in enumerate(report.findings):
        offsets = [f"{report.facts[i].start}-{report.facts[i].end}" for i in f.facts if 0 <= i < len(report.facts)]
        rows.append({
            "doc_id": report.doc_id, "source": report.source, "rule": f.rule, "status": f.status, "kind": f.kind,
            "text_value": _number(f.text_value), "table_value": _number(f.table_value),
            "cells": ";".join(f.cells), "facts": ";".join(str(i) for i in f.facts),
            "fact_offsets": ";".join(offsets), "message": f.message,
            **{c: "" for c in REVIEW_COLUMNS}, **reviews.get((report.doc_id, k), {}),
        })
    return rows


def write_findings_csv(reports: Iterable[Report], path: str | Path, reviews=None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        for report in reports:
            writer.writerows(finding_rows(report, reviews))
    return path


def _number(value) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))
