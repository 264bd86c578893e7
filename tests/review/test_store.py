"""Reviews in the results database: kept across re-runs, shown as changed when the
evidence changed, one transaction each, and bad input writes nothing."""
from __future__ import annotations

import hashlib
import sqlite3
import threading

import pytest

from nianbao.review import store
from nianbao.review.store import ReviewError
from tests.review.reports import check_into, doc_ids, write_report


@pytest.fixture
def checked(tmp_path):
    path = write_report(tmp_path)
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, path)
    return db_path, path


def fails(db_path, doc_id=None):
    con = store.open_db(db_path)
    try:
        return {r.rule: r for r in store.findings(con, doc_id) if r.status == "FAIL"}
    finally:
        con.close()


def save(db_path, record, state, **kw):
    con = store.open_db(db_path)
    try:
        return store.save_review(con, record.doc_id, record.idx, state, kw.pop("reviewer", "李审核"), **kw)
    finally:
        con.close()


def file_state(db_path):
    """What a write would change: the main file's bytes and the list of tables."""
    con = sqlite3.connect(db_path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        tables = sorted(r[0] for r in con.execute("SELECT name FROM sqlite_master"))
    finally:
        con.close()
    return hashlib.sha256(db_path.read_bytes()).hexdigest(), tables


def test_the_fixture_report_has_the_two_fails_the_tests_review(checked):
    db_path, _ = checked
    assert set(fails(db_path)) == {"text.APP_RECEIVED", "t3.col_sum.carried_forward"}


def test_reviews_survive_a_forced_rerun_of_the_batch(checked):
    db_path, path = checked
    found = fails(db_path)
    save(db_path, found["text.APP_RECEIVED"], "dismissed", reason="text_reading", note="正文另有口径")
    save(db_path, found["t3.col_sum.carried_forward"], "confirmed")
    forced = check_into(db_path, path, force=True)
    assert forced.ok == 1
    again = fails(db_path)
    assert again["text.APP_RECEIVED"].review.state == "dismissed"
    assert again["text.APP_RECEIVED"].review.reason == "text_reading"
    assert again["text.APP_RECEIVED"].review.note == "正文另有口径"
    assert again["t3.col_sum.carried_forward"].review_state == "confirmed"


def test_a_finding_whose_evidence_changed_is_shown_as_changed_since_review(checked, tmp_path):
    db_path, path = checked
    found = fails(db_path)
    save(db_path, found["text.APP_RECEIVED"], "dismissed", reason="table_reading")
    save(db_path, found["t3.col_sum.carried_forward"], "confirmed")
    write_report(tmp_path, received=4)  # 表三 now prints 4 received: still a FAIL, on other evidence
    check_into(db_path, path)
    new = fails(db_path, doc_ids(db_path)[str(path)])
    received = new["text.APP_RECEIVED"]
    assert received.review is None and received.review_state == "changed"
    assert received.earlier.state == "dismissed" and received.earlier.reason == "table_reading"
    # the other FAIL's cells print what they printed: its review holds for the corrected report
    assert new["t3.col_sum.carried_forward"].review_state == "confirmed"
    # reviewing it again makes it current
    save(db_path, received, "confirmed")
    assert fails(db_path, received.doc_id)["text.APP_RECEIVED"].review_state == "confirmed"


def test_each_save_is_logged_and_a_page_seen_before_another_save_cannot_overwrite_it(checked):
    db_path, _ = checked
    record = fails(db_path)["text.APP_RECEIVED"]
    first = save(db_path, record, "confirmed", version=0, evidence_sha256=record.evidence_sha256)
    assert first.version == 1
    with pytest.raises(ReviewError, match="meanwhile") as err:
        save(db_path, record, "dismissed", reason="scope_difference", version=0, reviewer="张复核")
    assert err.value.status == 409
    second = save(db_path, record, "dismissed", reason="scope_difference", version=1, reviewer="张复核")
    assert second.version == 2
    con = sqlite3.connect(db_path)
    log = con.execute("SELECT state, reviewer FROM review_log ORDER BY rowid").fetchall()
    assert log == [("confirmed", "李审核"), ("dismissed", "张复核")]
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_evidence_the_reviewer_did_not_see_is_not_reviewed(checked):
    db_path, _ = checked
    record = fails(db_path)["text.APP_RECEIVED"]
    with pytest.raises(ReviewError, match="evidence changed") as err:
        save(db_path, record, "confirmed", evidence_sha256="0" * 64)
    assert err.value.status == 409


@pytest.mark.parametrize("doc_id, idx, match", [("ffffffffffffffff", 0, "no report"), (None, 999, "no finding")])
def test_unknown_finding_ids_are_refused_and_nothing_is_written(checked, doc_id, idx, match):
    db_path, _ = checked
    record = fails(db_path)["text.APP_RECEIVED"]
    before = file_state(db_path)
    con = store.open_db(db_path)
    with pytest.raises(ReviewError, match=match) as err:
        store.save_review(con, doc_id or record.doc_id, idx, "confirmed", "李审核")
    con.close()
    assert err.value.status == 404
    assert file_state(db_path) == before
    assert "reviews" not in before[1]


@pytest.mark.parametrize("state, kw, match", [
    ("dismissed", {}, "needs a reason"),
    ("dismissed", {"reason": "because"}, "needs a reason"),
    ("accepted", {}, "unknown review state"),
    ("confirmed", {"reviewer": "  "}, "name is missing"),
])
def test_bad_review_values_are_refused_before_anything_is_written(checked, state, kw, match):
    db_path, _ = checked
    before = file_state(db_path)
    with pytest.raises(ReviewError, match=match):
        save(db_path, fails(db_path)["text.APP_RECEIVED"], state, **kw)
    assert file_state(db_path) == before


def test_only_fail_and_uncertain_findings_are_reviewed(checked):
    db_path, _ = checked
    con = store.open_db(db_path)
    passing = next(r for r in store.findings(con) if r.status == "PASS")
    with pytest.raises(ReviewError, match="only FAIL and UNCERTAIN"):
        store.save_review(con, passing.doc_id, passing.idx, "confirmed", "李审核")
    assert con.execute("SELECT COUNT(*) FROM reviews").fetchone() == (0,)


def test_a_missing_database_is_a_clear_error_and_is_not_created(tmp_path):
    with pytest.raises(ReviewError, match="no such results database") as err:
        store.open_db(tmp_path / "nope.sqlite")
    assert "nianbao batch" in str(err.value)
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_is_not_a_results_database_is_named_in_the_error(tmp_path):
    (tmp_path / "notes.sqlite").write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(ReviewError, match="notes.sqlite: not a results database"):
        store.open_db(tmp_path / "notes.sqlite")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE things (x)").connection.commit()
    with pytest.raises(ReviewError, match="not a nianbao results database"):
        store.open_db(other)


def test_a_database_from_an_older_batch_schema_is_a_clear_error_and_left_alone(tmp_path):
    old = tmp_path / "old.sqlite"
    con = sqlite3.connect(old)
    con.executescript("""
        CREATE TABLE documents (doc_id TEXT PRIMARY KEY, content_sha256 TEXT, source TEXT, title TEXT, year INTEGER,
                                issuer TEXT, report_json TEXT);
        CREATE TABLE findings (doc_id TEXT, idx INTEGER, rule TEXT, status TEXT, kind TEXT, message TEXT,
                               cells_json TEXT, facts_json TEXT);
        CREATE TABLE facts (doc_id TEXT, idx INTEGER, label TEXT, text TEXT, start INTEGER, "end" INTEGER, value REAL);
        CREATE TABLE cells (doc_id TEXT, cell_id TEXT, raw TEXT, value REAL);
    """)
    con.close()
    before = old.read_bytes()
    with pytest.raises(ReviewError, match=r"older nianbao \(documents lacks doc_no, report_z\)"):
        store.open_db(old)
    assert old.read_bytes() == before


def make_earlier_reviews_table(db_path):
    """A reviews table as a first version had it: no locus, note, evidence or version."""
    con = sqlite3.connect(db_path)
    con.executescript("""
        CREATE TABLE reviews (review_id INTEGER PRIMARY KEY AUTOINCREMENT, content_sha256 TEXT NOT NULL,
            rule TEXT NOT NULL, evidence_sha256 TEXT NOT NULL, state TEXT NOT NULL, reason TEXT,
            reviewer TEXT NOT NULL, reviewed_at REAL NOT NULL, UNIQUE (content_sha256, rule, evidence_sha256));
    """)
    con.close()


def test_a_reviews_table_of_an_earlier_layout_is_migrated_on_first_save(checked):
    db_path, _ = checked
    make_earlier_reviews_table(db_path)
    record = fails(db_path)["text.APP_RECEIVED"]
    assert record.review is None
    saved = save(db_path, record, "confirmed", note="表三漏填")
    assert (saved.state, saved.version) == ("confirmed", 1)
    again = fails(db_path)["text.APP_RECEIVED"]
    assert again.review.note == "表三漏填"


@pytest.mark.parametrize("earlier_layout", [False, True], ids=["new table", "table to migrate"])
def test_reviewers_saving_different_findings_at_once_lose_nothing(tmp_path, earlier_layout):
    paths = [write_report(tmp_path, f"town{i}.md", issuer=f"青禾县第{i}镇人民政府") for i in range(6)]
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, *paths)
    if earlier_layout:
        make_earlier_reviews_table(db_path)
    con = store.open_db(db_path)
    records = [r for r in store.findings(con) if r.reviewable]
    con.close()
    assert len(records) == 12
    start = threading.Barrier(len(records))
    problems = []

    def review(i, record):
        con = store.open_db(db_path)
        try:
            start.wait()
            store.save_review(con, record.doc_id, record.idx, "confirmed" if i % 2 else "dismissed",
                              f"审核员{i % 2}", reason=None if i % 2 else "scope_difference", version=0)
        except Exception as err:  # collected: a thread's failure must fail the test
            problems.append(err)
        finally:
            con.close()

    threads = [threading.Thread(target=review, args=(i, r)) for i, r in enumerate(records)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert problems == []
    con = store.open_db(db_path)
    states = [r.review_state for r in store.findings(con) if r.reviewable]
    assert sorted(states) == ["confirmed"] * 6 + ["dismissed"] * 6
    assert con.execute("SELECT COUNT(*) FROM review_log").fetchone() == (12,)


def test_a_database_whose_path_has_spaces_and_uri_characters_opens(tmp_path):
    folder = tmp_path / "审核 #1?"
    folder.mkdir()
    path = write_report(folder)
    db_path = folder / "结果 v2#.sqlite"
    check_into(db_path, path)
    record = fails(db_path)["text.APP_RECEIVED"]
    assert save(db_path, record, "confirmed").state == "confirmed"
    assert fails(db_path)["text.APP_RECEIVED"].review_state == "confirmed"
