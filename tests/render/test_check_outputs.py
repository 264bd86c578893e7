"""`nianbao check --html/--csv` on seed reports (rules extractor: no model)."""
from __future__ import annotations

import csv

from click.testing import CliRunner

from nianbao.cli.check import command

from tests.conftest import seed_path


def test_one_report_writes_one_page_and_the_csv(tmp_path):
    page, table = tmp_path / "report.html", tmp_path / "findings.csv"
    result = CliRunner().invoke(command, [str(seed_path("002")), "--extractor", "rules",
                                          "--html", str(page), "--csv", str(table)])
    assert result.exit_code == 0, result.output
    html = page.read_text("utf-8")
    assert "正文称收到申请1件" in html and 'id="cell-t3.new_received.total"' in html
    with table.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert any(r["rule"] == "text.APP_RECEIVED" and r["status"] == "FAIL" for r in rows)


def test_several_reports_write_a_folder_of_pages_and_an_index(tmp_path):
    out = tmp_path / "html"
    result = CliRunner().invoke(command, [str(seed_path("002")), str(seed_path("003")), "--extractor", "rules",
                                          "--html", str(out)])
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in out.iterdir())
    assert "index.html" in pages and len(pages) == 3
    index = (out / "index.html").read_text("utf-8")
    for name in pages:
        if name != "index.html":
            assert f'href="{name}"' in index
