"""Read results back out of the database: JSON Lines, findings CSV, and the HTML pages.

Each streams one report at a time (the HTML summary page keeps a row per report, not the
reports)."""
from __future__ import annotations

import json
from pathlib import Path

from nianbao.batch import db


def export_jsonl(db_path: str | Path, out: str | Path, with_text: bool = False) -> int:
    """One OUTPUT.md object per line (cross-year findings included); returns the count."""
    con = db.connect(db_path)
    n = 0
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        for report in db.iter_reports(con):
            fh.write(json.dumps(report.to_dict(with_text=with_text), ensure_ascii=False) + "\n")
            n += 1
    con.close()
    return n


def export_csv(db_path: str | Path, out: str | Path) -> int:
    """All findings as CSV for spreadsheets, with their reviews, one report at a time;
    returns the number of reports."""
    from nianbao.render.csv import write_findings_csv

    from nianbao.review.store import review_columns

    con = db.connect(db_path)
    reviews = review_columns(con)  # findings -> their reviews, where the database has any
    n = 0

    def reports():
        nonlocal n
        for report in db.iter_reports(con):
            n += 1
            yield report

    try:
        write_findings_csv(reports(), out, reviews)
    finally:
        con.close()
    return n


def export_html(db_path: str | Path, out_dir: str | Path) -> Path:
    """One evidence page per report, written as each is read, plus the batch summary page
    (which lists the inputs that could not be read, too); returns the summary path."""
    from nianbao.render import write_report_pages

    con = db.connect(db_path)
    try:
        failed = [{"source": source, "error": error} for source, error in db.iter_errors(con)]
        return write_report_pages(db.iter_reports(con), out_dir, failed)
    finally:
        con.close()
