"""The review app's pages and API (through Starlette's test client): filters and counts,
review controls on FAIL/UNCERTAIN rows only, clear JSON errors that write nothing."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from starlette.testclient import TestClient

from nianbao.review import store
from nianbao.review.app import make_app
from nianbao.review.store import ReviewError
from tests.review.reports import check_into, doc_ids, write_report
from tests.review.test_store import file_state


@pytest.fixture
def site(tmp_path):
    a = write_report(tmp_path, "bailu2023.md")
    b = write_report(tmp_path, "xiangshan2022.md", year=2022, issuer="青禾县香山乡人民政府", received=5)
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, a, b)
    client = TestClient(make_app(db_path), base_url="http://127.0.0.1")
    ids = doc_ids(db_path)
    return client, db_path, ids[str(a)], ids[str(b)]


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.text
    return BeautifulSoup(response.text, "lxml")


def review_cells(page: BeautifulSoup) -> dict[str, dict]:
    cells = {}
    for row in page.select("tr.finding"):
        td = row.select_one("td.review")
        if td is not None:
            cells[row.select_one(".rule").get_text()] = td
    return cells


def post(client, **body):
    return client.post("/api/review", json=body)


def test_every_fail_row_has_review_controls_and_pass_rows_have_none(site):
    client, _, bailu, _ = site
    page = soup(client.get(f"/report/{bailu}"))
    cells = review_cells(page)
    assert set(cells) == {"text.APP_RECEIVED", "t3.col_sum.carried_forward"}
    td = cells["text.APP_RECEIVED"]
    assert td["data-state"] == "open" and td["data-version"] == "0" and len(td["data-evidence"]) == 64
    reasons = [o["value"] for o in td.select("select.review-reason option")][1:]
    assert reasons == ["scope_difference", "text_reading", "table_reading", "rule_not_applicable"]
    passing = page.select("tr.finding[data-status='PASS']")
    assert passing and all(r.select_one("td.review") is None for r in passing)
    assert page.select_one("#reviewer") is not None
    # the evidence page is render's: fact and cell anchors are there
    assert page.select_one("[id='cell-t3.new_received.total']") is not None


def test_a_saved_review_shows_on_the_page_and_in_the_summary_counts(site):
    client, db_path, bailu, _ = site
    td = review_cells(soup(client.get(f"/report/{bailu}")))["text.APP_RECEIVED"]
    answer = post(client, doc_id=bailu, idx=int(td["data-idx"]), state="dismissed", reason="text_reading",
                  note="“5件”含咨询", reviewer="李审核", evidence_sha256=td["data-evidence"], version=0)
    assert answer.status_code == 200, answer.text
    assert answer.json()["review"]["version"] == 1
    td = review_cells(soup(client.get(f"/report/{bailu}")))["text.APP_RECEIVED"]
    assert td["data-state"] == "dismissed" and td["data-version"] == "1"
    assert td.select_one("select.review-reason option[selected]")["value"] == "text_reading"
    assert td.select_one("input.review-note")["value"] == "“5件”含咨询"
    summary = soup(client.get("/"))
    assert summary.select_one("#count-dismissed").get_text() == "1"
    assert summary.select_one("#count-open").get_text() == "2"  # of 3: 香山乡 has one FAIL
    listed = soup(client.get("/?review=dismissed"))
    assert [a["href"] for a in listed.select("tr.report a")] == [f"/report/{bailu}"]


def test_summary_filters_by_issuer_year_rule_and_status(site):
    client, _, bailu, xiangshan = site
    links = lambda q: sorted(a["href"] for a in soup(client.get("/" + q)).select("tr.report a"))  # noqa: E731
    assert links("") == sorted([f"/report/{bailu}", f"/report/{xiangshan}"])
    assert links("?year=2022") == [f"/report/{xiangshan}"]
    assert links("?issuer=青禾县白鹭镇人民政府") == [f"/report/{bailu}"]
    # 香山乡 prints 5 received, as its text says: its text.APP_RECEIVED passes
    assert links("?rule=text.APP_RECEIVED&status=FAIL") == [f"/report/{bailu}"]
    assert links("?rule=text.APP_RECEIVED&status=PASS") == [f"/report/{xiangshan}"]
    page = soup(client.get("/?issuer=青禾县香山乡人民政府"))
    assert page.select_one("#f-issuer option[selected]")["value"] == "青禾县香山乡人民政府"
    assert page.select_one("#count-reviewable").get_text() == "1"


@pytest.mark.parametrize("body, status, match", [
    ({"doc_id": "ffffffffffffffff", "idx": 0}, 404, "no report"),
    ({"idx": 999}, 404, "no finding number 999"),
    ({"idx": "0"}, 400, "doc_id .text. and idx .a number."),
    ({"state": "dismissed"}, 400, "needs a reason"),
    ({"reviewer": ""}, 400, "name is missing"),
    ({"version": "x"}, 400, "version must be a number"),
])
def test_bad_reviews_get_a_clear_json_error_and_write_nothing(site, body, status, match):
    client, db_path, bailu, _ = site
    before = file_state(db_path)
    full = {"doc_id": bailu, "idx": 0, "state": "confirmed", "reviewer": "李审核", **body}
    answer = post(client, **full)
    assert answer.status_code == status
    assert re.search(match, answer.json()["error"])
    assert file_state(db_path) == before


def test_a_review_must_come_as_json_and_to_a_loopback_host_name(site):
    client, db_path, bailu, _ = site
    before = file_state(db_path)
    answer = client.post("/api/review", content="doc_id=x", headers={"content-type": "text/plain"})
    assert answer.status_code == 415
    answer = client.post("/api/review", content="{not json", headers={"content-type": "application/json"})
    assert answer.status_code == 400 and "not valid JSON" in answer.json()["error"]
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    assert file_state(db_path) == before


def test_an_unknown_report_page_is_a_404_naming_it(site):
    client, _, _, _ = site
    answer = client.get("/report/0123456789abcdef")
    assert answer.status_code == 404 and "0123456789abcdef" in answer.text
    assert client.get("/api/findings/0123456789abcdef").status_code == 404


def test_the_findings_api_gives_each_finding_its_review_state(site):
    client, _, bailu, _ = site
    rows = client.get(f"/api/findings/{bailu}").json()["findings"]
    states = {r["rule"]: r["review_state"] for r in rows if r["status"] == "FAIL"}
    assert states == {"text.APP_RECEIVED": "open", "t3.col_sum.carried_forward": "open"}
    assert all(r["review_state"] is None for r in rows if r["status"] == "PASS")


def test_the_app_refuses_a_missing_database_before_serving(tmp_path):
    with pytest.raises(ReviewError, match="no such results database"):
        make_app(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()


def test_opening_the_pages_writes_nothing(site):
    client, db_path, bailu, _ = site
    before = file_state(db_path)
    client.get("/")
    client.get(f"/report/{bailu}")
    assert file_state(db_path) == before
    con = store.open_db(db_path)
    assert not store.has_reviews(con)
    con.close()
