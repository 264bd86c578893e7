"""Reviews leave the app: as columns of the batch's findings CSV, and as the confirmed
errors of each issuer (a CSV and a printable letter with both sides' evidence)."""
from __future__ import annotations

import csv

from bs4 import BeautifulSoup

from nianbao.batch import export_csv
from nianbao.render.csv import REVIEW_COLUMNS
from nianbao.review.export import export_confirmed
from tests.review.reports import check_into, doc_ids, write_report
from tests.review.test_store import fails, save


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_the_batch_csv_gains_review_columns(tmp_path):
    path = write_report(tmp_path)
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, path)
    export_csv(db_path, tmp_path / "before.csv")
    rows = read_csv(tmp_path / "before.csv")
    assert tuple(rows[0])[-len(REVIEW_COLUMNS):] == REVIEW_COLUMNS
    assert all(row["review"] == "" for row in rows)  # no reviews table yet: the columns are empty
    found = fails(db_path)
    save(db_path, found["text.APP_RECEIVED"], "dismissed", reason="scope_difference", note="含咨询件")
    export_csv(db_path, tmp_path / "after.csv")
    by_rule = {}
    for row in read_csv(tmp_path / "after.csv"):
        by_rule.setdefault(row["rule"], []).append(row)
    (received,) = by_rule["text.APP_RECEIVED"]
    assert (received["review"], received["review_reason"], received["review_note"], received["reviewer"]) == (
        "dismissed", "scope_difference", "含咨询件", "李审核")
    assert received["reviewed_at"].endswith("Z")
    (carried,) = by_rule["t3.col_sum.carried_forward"]
    assert carried["review"] == "open" and carried["reviewer"] == ""
    assert all(row["review"] == "" for row in by_rule["t3.col_sum.new_received"])  # PASS: not reviewed


def test_confirmed_errors_are_written_per_issuer_with_both_sides_of_the_evidence(tmp_path):
    a = write_report(tmp_path, "bailu2023.md")
    b = write_report(tmp_path, "xiangshan2022.md", year=2022, issuer="青禾县香山乡人民政府")
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, a, b)
    ids = doc_ids(db_path)
    bailu, xiangshan = fails(db_path, ids[str(a)]), fails(db_path, ids[str(b)])
    save(db_path, bailu["text.APP_RECEIVED"], "confirmed", note="请核对表三")
    save(db_path, bailu["t3.col_sum.carried_forward"], "dismissed", reason="table_reading")
    save(db_path, xiangshan["t3.col_sum.carried_forward"], "confirmed")
    result = export_confirmed(db_path, tmp_path / "letters")
    assert result.errors == 2 and result.changed == 0
    assert sorted(result.issuers) == ["青禾县白鹭镇人民政府", "青禾县香山乡人民政府"]
    rows = read_csv(tmp_path / "letters" / "青禾县白鹭镇人民政府.csv")
    assert [r["rule"] for r in rows] == ["text.APP_RECEIVED"]  # the dismissed one is not an error
    (row,) = rows
    assert "“5件”" in row["text_side"] and "本镇共收到政府信息公开申请5件" in row["text_side"]
    assert row["table_side"] == "表三“本年新收”总计：3"
    assert row["note"] == "请核对表三" and row["reviewer"] == "李审核"
    letter = BeautifulSoup((tmp_path / "letters" / "青禾县白鹭镇人民政府.html").read_text("utf-8"), "lxml")
    assert "青禾县白鹭镇人民政府2023年政府信息公开工作年度报告" in letter.h1.get_text()
    (error,) = letter.select("div.error")
    assert error.select_one("mark").get_text() == "5件"
    assert [td.get_text() for td in error.select("td")][-1] == "3"
    assert "请核对表三" in error.get_text() and "@media print" in letter.style.get_text()


def test_a_confirmed_error_whose_evidence_changed_is_left_out_until_reviewed_again(tmp_path):
    path = write_report(tmp_path)
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, path)
    save(db_path, fails(db_path)["text.APP_RECEIVED"], "confirmed")
    write_report(tmp_path, received=4)
    check_into(db_path, path)
    # the old copy of the report is still stored: its confirmed error is exported,
    # the corrected copy's changed finding is counted as left out
    result = export_confirmed(db_path, tmp_path / "letters")
    assert (result.errors, result.changed) == (1, 1)
