"""Listing the FAIL and UNCERTAIN findings of every report reads the batch's finding_keys
rows, never a compressed report, and gives each finding the key its report gives; a database written before those rows gains
them once, with every review still attached (or flagged changed) as before."""
from __future__ import annotations

import sqlite3

import pytest
from starlette.testclient import TestClient

from nianbao.batch import db
from nianbao.review import store
from nianbao.review.app import make_app
from tests.review.reports import check_into, doc_ids, write_report
from tests.review.test_store import fails, save

BLOBS = ("report_z", "cross_year_json")


def no_report_blobs(action, table, column, _db, _trigger):
    """An SQLite authorizer that refuses to read a stored report."""
    if action == sqlite3.SQLITE_READ and table == "documents" and column in BLOBS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def keyed(records):
    """Each finding as listing and review matching see it (all but its own evidence object)."""
    return {(r.doc_id, r.idx): (r.source, r.rule, r.status, r.kind, r.message, r.text_value, r.table_value, r.cells,
                                r.facts, r.evidence, r.evidence_sha256, r.locus, r.review_state)
            for r in records}


def listed_and_one_by_one(db_path):
    con = store.open_db(db_path)
    try:
        listed = store.findings(con, reviewable=True)
        ids = [d for (d,) in con.execute("SELECT doc_id FROM documents")]
        return keyed(listed), keyed(r for d in ids for r in store.findings(con, d) if r.reviewable)
    finally:
        con.close()


def make_version_2(db_path):
    """The database as a nianbao before finding_keys wrote it: the same tables less that one."""
    con = sqlite3.connect(db_path)
    con.execute("DROP TABLE finding_keys")
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()


@pytest.fixture
def two_years(tmp_path):
    """白鹭镇 2023 and 2024: 2024 says 2 applications were carried over where 2023 carried 0
    forward (a cross-year FAIL); 2023 has its two FAILs, 2024 its 表三 one (5 received is
    3 new plus 2 carried over)."""
    a = write_report(tmp_path, "bailu2023.md")
    b = write_report(tmp_path, "bailu2024.md", year=2024, carried_over=2)
    return tmp_path / "r.sqlite", a, b


def test_listing_findings_reads_no_report_blobs(two_years):
    db_path, a, b = two_years
    check_into(db_path, a, b)
    con = store.open_db(db_path)
    con.set_authorizer(no_report_blobs)
    try:
        records = store.findings(con, reviewable=True)
        assert len({r.doc_id for r in records}) == 2
        assert len(records) == 4 and all(r.reviewable and len(r.evidence_sha256) == 64 for r in records)
        assert store.status_pairs(con)[records[0].doc_id]  # every finding's rule and status, from its row
        with pytest.raises(sqlite3.DatabaseError):  # what one report's page reads is refused, indeed
            store.findings(con, records[0].doc_id)
    finally:
        con.close()


def test_the_summary_page_reads_no_report_blobs(two_years, monkeypatch):
    db_path, a, b = two_years
    check_into(db_path, a, b)
    opened = store.open_db

    def open_without_blobs(path):
        con = opened(path)
        con.set_authorizer(no_report_blobs)
        return con

    monkeypatch.setattr(store, "open_db", open_without_blobs)
    page = TestClient(make_app(db_path), base_url="http://127.0.0.1").get("/")
    assert page.status_code == 200 and 'id="count-reviewable">4<' in page.text


@pytest.mark.parametrize("order", ["in year order", "the earlier year last"])
def test_listed_findings_carry_the_keys_their_reports_give(two_years, order):
    db_path, a, b = two_years
    for path in ([a, b] if order == "in year order" else [b, a]):  # last: 2024's cross-year findings are relinked
        check_into(db_path, path)
    listed, one_by_one = listed_and_one_by_one(db_path)
    assert listed == one_by_one
    carry = [v for v in listed.values() if v[1] == "cross_year.carry"]
    assert [(v[2], v[12]) for v in carry] == [("FAIL", "open")]
    assert len(carry[0][10]) == 64


def test_a_review_of_a_cross_year_finding_stays_attached_after_a_forced_rerun(two_years):
    db_path, a, b = two_years
    check_into(db_path, a, b)
    (carry,) = [r for r in fails(db_path).values() if r.rule == "cross_year.carry"]
    save(db_path, carry, "confirmed", note="上年结转应为0")
    check_into(db_path, a, b, force=True)
    (again,) = [r for r in fails(db_path).values() if r.rule == "cross_year.carry"]
    assert again.review_state == "confirmed" and again.review.note == "上年结转应为0"


def open_through_the_app(db_path):
    make_app(db_path)


def open_through_batch(db_path):
    db.connect(db_path).close()


@pytest.mark.parametrize("first_open", [open_through_the_app, open_through_batch], ids=["serve", "batch"])
def test_a_review_of_changed_evidence_is_flagged_stale_after_migration(tmp_path, first_open):
    path = write_report(tmp_path)
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, path)
    found = fails(db_path)
    save(db_path, found["text.APP_RECEIVED"], "dismissed", reason="table_reading")
    save(db_path, found["t3.col_sum.carried_forward"], "confirmed", note="自然人1件未计入总计")
    write_report(tmp_path, received=4)  # 表三 now prints 4 received: the first FAIL's evidence changed
    check_into(db_path, path)
    expected = listed_and_one_by_one(db_path)[1]
    make_version_2(db_path)
    assert listed_and_one_by_one(db_path)[0] == expected  # not filled yet: listed from the reports

    first_open(db_path)

    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA user_version").fetchone() == (db.SCHEMA_VERSION,)
    assert con.execute("SELECT COUNT(*) FROM finding_keys").fetchone() == \
        con.execute("SELECT COUNT(*) FROM finding_rows WHERE status IN ('FAIL', 'UNCERTAIN')").fetchone() == (4,)
    assert con.execute("SELECT COUNT(*) FROM reviews").fetchone() == (2,)
    con.close()
    listed, one_by_one = listed_and_one_by_one(db_path)
    assert listed == one_by_one == expected
    new = fails(db_path, doc_ids(db_path)[str(path)])
    assert new["text.APP_RECEIVED"].review_state == "changed"
    assert new["text.APP_RECEIVED"].earlier.reason == "table_reading"
    assert new["t3.col_sum.carried_forward"].review_state == "confirmed"
    states = sorted(v[12] for v in listed.values())
    assert states == ["changed", "confirmed", "confirmed", "dismissed"]  # the first report's reviews hold


def test_the_migration_is_done_once_and_a_second_opening_writes_nothing(tmp_path):
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, write_report(tmp_path))
    make_version_2(db_path)
    con = store.open_db(db_path)
    assert store.add_keys(con) is True
    (n,) = con.execute("SELECT COUNT(*) FROM finding_keys").fetchone()
    assert db.add_finding_keys(con) == 0  # already there: nothing read, nothing written
    assert con.execute("SELECT COUNT(*) FROM finding_keys").fetchone() == (n,)
    con.close()
