"""Reviewing in real headless Chromium (as the evidence pages are tested): dismiss one
FAIL with a reason, confirm another, reload, re-run the batch with --force, change the
report's table; and two browsers reviewing one report at once."""
from __future__ import annotations

import pytest

from nianbao.review.app import ReviewServer
from tests.render.test_browser import browser  # noqa: F401  (the evidence-page tests' Chromium fixture)
from tests.review.reports import check_into, doc_ids, write_report

pytestmark = pytest.mark.slow


@pytest.fixture
def served(tmp_path):
    path = write_report(tmp_path)
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, path)
    server = ReviewServer(db_path, port=0).start()
    yield server, db_path, path
    server.stop()


def open_page(context, server, doc_id):
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("request", lambda r: None if r.url.startswith(server.url) else problems.append(f"request: {r.url}"))
    page.goto(f"{server.url}/report/{doc_id}")
    page.wait_for_load_state("load")
    return page, problems


def review_cell(page, rule):
    return page.locator("tr.finding", has=page.locator(".rule", has_text=rule)).locator("td.review")


def decide(page, rule, state, reason="", note=""):
    cell = review_cell(page, rule)
    cell.locator("select.review-choice").select_option(state)
    if reason:
        cell.locator("select.review-reason").select_option(reason)
    if note:
        cell.locator("input.review-note").fill(note)
    cell.locator("button.review-save").click()
    cell.locator(".review-msg", has_text="已保存").wait_for(timeout=15_000)


def states(page) -> dict[str, str]:
    return {rule: review_cell(page, rule).get_attribute("data-state")
            for rule in ("text.APP_RECEIVED", "t3.col_sum.carried_forward")}


def test_reviews_are_kept_on_reload_across_a_forced_rerun_and_shown_changed_when_the_table_changes(
        browser, served, tmp_path):  # noqa: F811
    server, db_path, path = served
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page, problems = open_page(context, server, doc_ids(db_path)[str(path)])
    page.fill("#reviewer", "李审核")
    decide(page, "text.APP_RECEIVED", "dismissed", "text_reading", "“5件”含两件咨询")
    decide(page, "t3.col_sum.carried_forward", "confirmed", note="结转行总计漏填")
    assert states(page) == {"text.APP_RECEIVED": "dismissed", "t3.col_sum.carried_forward": "confirmed"}
    page.select_option("#review-filter", "confirmed")  # only the findings confirmed as errors
    assert page.locator("tr.finding:visible").count() == 1
    assert review_cell(page, "t3.col_sum.carried_forward").is_visible()
    page.select_option("#review-filter", "")

    page.reload()
    page.wait_for_load_state("load")
    assert states(page) == {"text.APP_RECEIVED": "dismissed", "t3.col_sum.carried_forward": "confirmed"}
    received = review_cell(page, "text.APP_RECEIVED")
    assert received.locator("select.review-reason").input_value() == "text_reading"
    assert received.locator("input.review-note").input_value() == "“5件”含两件咨询"
    assert page.input_value("#reviewer") == "李审核"  # remembered by the browser

    assert check_into(db_path, path, force=True).ok == 1
    page.reload()
    page.wait_for_load_state("load")
    assert states(page) == {"text.APP_RECEIVED": "dismissed", "t3.col_sum.carried_forward": "confirmed"}

    write_report(tmp_path, received=4)  # 表三 now prints 4 received
    check_into(db_path, path)
    page.goto(f"{server.url}/report/{doc_ids(db_path)[str(path)]}")
    page.wait_for_load_state("load")
    assert states(page) == {"text.APP_RECEIVED": "changed", "t3.col_sum.carried_forward": "confirmed"}
    changed = review_cell(page, "text.APP_RECEIVED")
    assert "证据已变" in changed.locator(".rstate").inner_text()
    assert "原复核为已驳回，文字读取错误" in changed.locator(".changed").inner_text()
    page.screenshot(path=str(tmp_path / "review.png"))
    assert (tmp_path / "review.png").stat().st_size > 20_000

    page.goto(server.url + "/?review=changed")
    page.wait_for_load_state("load")
    assert page.locator("#count-changed").inner_text() == "1"
    assert page.locator("tr.report").count() == 1
    assert problems == []
    context.close()


def test_two_browsers_reviewing_one_report_lose_nothing(browser, served):  # noqa: F811
    server, db_path, path = served
    doc_id = doc_ids(db_path)[str(path)]
    first, second = browser.new_context(), browser.new_context()
    page_a, problems_a = open_page(first, server, doc_id)
    page_b, problems_b = open_page(second, server, doc_id)
    page_a.fill("#reviewer", "甲")
    page_b.fill("#reviewer", "乙")
    decide(page_a, "text.APP_RECEIVED", "confirmed")
    decide(page_b, "t3.col_sum.carried_forward", "dismissed", "scope_difference")
    # the second browser, loaded before the first saved, cannot overwrite that decision unseen
    stale = review_cell(page_b, "text.APP_RECEIVED")
    stale.locator("select.review-choice").select_option("dismissed")
    stale.locator("select.review-reason").select_option("rule_not_applicable")
    stale.locator("button.review-save").click()
    stale.locator(".review-msg.error", has_text="meanwhile").wait_for(timeout=15_000)

    fresh, problems_c = open_page(browser.new_context(), server, doc_id)
    assert states(fresh) == {"text.APP_RECEIVED": "confirmed", "t3.col_sum.carried_forward": "dismissed"}
    assert "甲" in review_cell(fresh, "text.APP_RECEIVED").locator(".review-who").inner_text()
    assert "乙" in review_cell(fresh, "t3.col_sum.carried_forward").locator(".review-who").inner_text()
    # the refused save shows as a failed request in the console; nothing else went wrong
    assert [p for p in problems_b if "409" not in p] == [] and problems_a == [] and problems_c == []
    first.close()
    second.close()
