"""The evidence page as HTML: anchors for every fact and cell, status marks, offline, escaped."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

from nianbao.render.html import report_html, write_report_html
from nianbao.render.style import FONT_STACK

from tests.render.pages import sample_report


def page(r=None) -> BeautifulSoup:
    return BeautifulSoup(report_html(r or sample_report()), "lxml")


def test_every_fact_has_an_anchor_on_its_own_words():
    r = sample_report()
    soup = page(r)
    for i, fact in enumerate(r.facts):
        anchor = soup.find(id=f"fact-{i}")
        assert anchor is not None, i
        mark = anchor if anchor.name == "mark" else anchor.find_parent("mark")
        assert fact.text in mark.get_text()


def test_one_zero_claim_stating_two_facts_is_one_highlight_with_both_labels():
    soup = page()
    mark = soup.find(id="fact-1")
    assert mark.name == "mark" and mark["data-label"] == "REVIEW_CASES+LITIGATION_CASES"
    assert mark.find(id="fact-2") is not None


def test_every_finding_link_lands_on_an_element_of_the_page():
    soup = page()
    links = soup.select("tr.finding a[href^='#']")
    assert links
    for link in links:
        assert soup.find(id=link["href"][1:]) is not None, link["href"]


def test_a_failing_cell_is_marked_with_its_status_and_rules():
    soup = page()
    cell = soup.find(id="cell-t3.new_received.total")
    assert "st-FAIL" in cell["class"]
    assert "text.APP_RECEIVED: FAIL" in cell["title"]
    assert "st-PASS" in soup.find(id="cell-t4.review.total")["class"]
    assert "st-FAIL" in soup.find(id="fact-0")["class"]


def test_the_failing_finding_comes_first_with_its_chinese_message():
    soup = page()
    first = soup.select("tr.finding")[0]
    assert first["data-status"] == "FAIL"
    assert "正文称收到申请1件" in first.get_text() and "自然人一栏为1" in first.get_text()


def test_an_absent_table_is_named_as_absent():
    soup = page()
    assert "报告缺少此表" in soup.find(id="table-t2").find_next("p").get_text()


def test_the_page_is_offline_with_a_cjk_font_stack():
    html = report_html(sample_report())
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert FONT_STACK in html and '"Noto Sans CJK SC"' in FONT_STACK and "SimSun" in FONT_STACK


def test_report_text_is_escaped():
    html = report_html(sample_report())
    assert "<b>不是标签</b>" not in html and "&lt;b&gt;不是标签&lt;/b&gt;" in html


def test_tables_with_a_known_region_are_drawn_where_they_are_printed(tmp_path):
    r = sample_report()
    start = r.text.index("规范管理")
    r.tables["t3"].start, r.tables["t3"].end = start, start  # a zero-width region before the sum sentence
    soup = page(r)
    inline = soup.select(".narrative .inline-table table[data-table='t3']")
    assert len(inline) == 1
    assert len(soup.select("table[data-table='t3']")) == 1
    out = write_report_html(r, tmp_path / "sub" / "page.html")
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_evidence_pages_are_drawn_without_importing_torch(tmp_path):
    import subprocess
    import sys

    from tests.conftest import seed_path

    page = tmp_path / "page.html"
    code = ("import atexit, sys; atexit.register(lambda: print('torch loaded:', 'torch' in sys.modules)); "
            "from nianbao.cli import main; main()")
    out = subprocess.run([sys.executable, "-c", code, "check", str(seed_path("002")), "--extractor", "rules",
                          "--html", str(page)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert 'class="entities"' in page.read_text()  # displaCy drew the narrative's facts
    assert out.stdout.strip().endswith("torch loaded: False")
