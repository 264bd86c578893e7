"""`nianbao batch --html` writes each report's page as the report is read: one report in
memory at a time, whatever the number of reports."""
from __future__ import annotations

import gc
import weakref

from nianbao.batch import db, export_html
from tests.review.reports import check_into, write_report


def test_the_html_export_keeps_no_report_once_its_page_is_written(tmp_path, monkeypatch):
    paths = [write_report(tmp_path, f"town{i}.md", issuer=f"青禾县第{i}镇人民政府") for i in range(4)]
    missing = tmp_path / "gone.md"
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, *paths, missing)
    read_so_far: list[weakref.ref] = []
    alive_when_read = []
    stored_reports = db.iter_reports

    def watched(con):
        for report in stored_reports(con):
            gc.collect()
            alive_when_read.append(sum(ref() is not None for ref in read_so_far))
            read_so_far.append(weakref.ref(report))
            yield report

    monkeypatch.setattr(db, "iter_reports", watched)
    index = export_html(db_path, tmp_path / "html")
    # when a report is read, of the earlier ones at most the one just written is still held
    # (by a loop variable); all of them at once would be [0, 1, 2, 3]
    assert len(alive_when_read) == 4 and max(alive_when_read) <= 1
    pages = sorted(p.name for p in (tmp_path / "html").glob("*.html"))
    assert len(pages) == 5 and "index.html" in pages
    summary = index.read_text(encoding="utf-8")
    assert summary.count('<tr class="report"') == 5 and "gone.md" in summary  # the missing input is listed
