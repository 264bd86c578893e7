"""The evidence and summary pages in real headless Chromium (Debian's /usr/bin/chromium,
driven by Playwright): no console errors, finding links land on the fact span and the cell,
the filters work, and a screenshot is produced."""
from __future__ import annotations

import pytest

from nianbao.facts.extractors import get_extractor
from nianbao.pipeline import read_structure
from nianbao.reconcile import text_findings
from nianbao.render import write_report_pages

from tests.browser import chromium
from tests.conftest import seed_path
from tests.render.pages import sample_report


pytestmark = pytest.mark.slow


def seed_report(prefix: str):
    report = read_structure(str(seed_path(prefix)))
    (report.facts,) = get_extractor("rules").extract([report])
    report.findings.extend(text_findings(report))
    return report


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    seed = seed_report("002")
    write_report_pages([seed, sample_report()], folder)
    return folder, seed


def open_page(browser, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith("file:") else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems


def in_viewport(page, element_id: str) -> bool:
    return page.evaluate("""id => { const r = document.getElementById(id).getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0; }""", element_id)


def test_finding_links_land_on_the_fact_and_the_cell(browser, site, tmp_path):
    folder, seed = site
    page, problems = open_page(browser, folder / f"{seed.doc_id}.html")
    row = page.locator("tr.finding[data-status='FAIL']", has_text="text.APP_RECEIVED")
    assert row.count() == 1

    row.locator("a.to-fact").click()
    target = page.evaluate("document.querySelector(':target').id")
    (finding,) = [f for f in seed.findings if f.rule == "text.APP_RECEIVED"]
    assert target == f"fact-{finding.facts[0]}"
    assert "1件" in page.locator(f"[id='{target}']").inner_text()
    assert in_viewport(page, target)

    row.locator("a.to-cell").click()
    assert page.evaluate("document.querySelector(':target').id") == "cell-t3.new_received.total"
    cell = page.locator("[id='cell-t3.new_received.total']")
    assert cell.inner_text().strip() == "0" and "st-FAIL" in cell.get_attribute("class")
    assert in_viewport(page, "cell-t3.new_received.total")

    shot = tmp_path / "evidence.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    page.goto((folder / f"{seed.doc_id}.html").as_uri())
    page.screenshot(path=str(tmp_path / "evidence-top.png"))
    assert problems == []


def test_status_filters_hide_and_show_findings(browser, site):
    folder, seed = site
    page, problems = open_page(browser, folder / f"{seed.doc_id}.html")
    fail_rows = page.locator("tr.finding[data-status='FAIL']")
    pass_rows = page.locator("tr.finding[data-status='PASS']")
    assert fail_rows.first.is_visible() and not pass_rows.first.is_visible()  # PASS starts hidden
    page.check("input.status-filter[value='PASS']")
    page.uncheck("input.status-filter[value='FAIL']")
    assert pass_rows.first.is_visible() and not fail_rows.first.is_visible()
    assert problems == []


def test_summary_page_filters_reports_by_rule_and_status(browser, site, tmp_path):
    folder, seed = site
    page, problems = open_page(browser, folder / "index.html")
    assert page.locator("tr.report").count() == 2
    page.select_option("#rule-filter", "text.sum.NEW_MEDIA_ACCOUNTS")
    assert page.locator("#shown").inner_text() == "1"
    page.select_option("#rule-filter", "")
    page.select_option("#status-filter", "FAIL")
    assert page.locator("#shown").inner_text() == "2"
    page.screenshot(path=str(tmp_path / "summary.png"), full_page=True)
    page.locator("tr.report a").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(".html") and "index" not in page.url
    assert problems == []
