"""The batch summary page: counts by rule and status, most FAILs first, filters, links."""
from __future__ import annotations

from bs4 import BeautifulSoup

from nianbao.render.summary_page import write_summary_html

from tests.render.pages import sample_report


def summary(tmp_path, items) -> BeautifulSoup:
    path = write_summary_html(items, tmp_path / "index.html")
    return BeautifulSoup(path.read_text("utf-8"), "lxml")


def test_reports_with_most_fails_come_first_and_link_to_their_pages(tmp_path):
    passing = sample_report("00000000000000bb", received="1")  # 新收 total agrees with the text
    failing = sample_report("00000000000000aa", received="0")
    soup = summary(tmp_path, [passing, failing])
    rows = soup.select("tr.report")
    assert [r.a["href"] for r in rows] == ["00000000000000aa.html", "00000000000000bb.html"]
    assert "text.APP_RECEIVED|FAIL" in rows[0]["data-pairs"].split()
    assert "text.APP_RECEIVED|PASS" in rows[1]["data-pairs"].split()


def test_counts_by_rule_and_status(tmp_path):
    soup = summary(tmp_path, [sample_report("a" * 16), sample_report("b" * 16, received="1")])
    counts = {}
    for row in soup.select("table.rule-counts tr")[1:]:
        cells = [td.get_text() for td in row.find_all("td")]
        counts[cells[0]] = cells[1:]  # FAIL, UNCERTAIN, NOT_ASSESSABLE, PASS
    assert counts["text.APP_RECEIVED"] == ["1", "0", "0", "1"]
    assert counts["text.sum.NEW_MEDIA_ACCOUNTS"] == ["0", "0", "0", "2"]
    statuses = [o["value"] for o in soup.select("#status-filter option")][1:]
    assert statuses == ["FAIL", "UNCERTAIN", "NOT_ASSESSABLE", "PASS"]
    assert "text.APP_RECEIVED" in [o["value"] for o in soup.select("#rule-filter option")]


def test_rows_in_the_output_json_shape_work_too(tmp_path):
    row = sample_report("c" * 16).to_dict()
    row["href"] = "pages/c.html"
    soup = summary(tmp_path, [row, {"source": "broken.pdf", "error": "broken.pdf: not a PDF", "findings": []}])
    links = [a["href"] for a in soup.select("tr.report a")]
    assert links == ["pages/c.html"]
    assert "broken.pdf: not a PDF" in soup.get_text()
