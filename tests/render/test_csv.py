"""Findings as CSV: one row per finding with both sides and their evidence."""
from __future__ import annotations

import csv

from nianbao.render.csv import COLUMNS, write_findings_csv

from tests.render.pages import sample_report


def test_one_row_per_finding_with_cells_and_fact_offsets(tmp_path):
    r = sample_report()
    path = write_findings_csv([r, sample_report("b" * 16, received="1")], tmp_path / "findings.csv")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 2 * len(r.findings)
    (fail,) = [row for row in rows if row["status"] == "FAIL"]
    fact = r.facts[0]
    assert fail["rule"] == "text.APP_RECEIVED" and fail["doc_id"] == r.doc_id
    assert (fail["text_value"], fail["table_value"]) == ("1", "0")
    assert fail["cells"] == "t3.new_received.total"
    assert fail["fact_offsets"] == f"{fact.start}-{fact.end}"
    assert "自然人一栏为1" in fail["message"]
    sums = [row for row in rows if row["rule"] == "text.sum.NEW_MEDIA_ACCOUNTS"]
    assert sums[0]["facts"] == "3;4;5;6" and sums[0]["cells"] == ""


def test_the_file_starts_with_a_byte_order_mark_for_spreadsheets(tmp_path):
    path = write_findings_csv([sample_report()], tmp_path / "f.csv")
    assert path.read_bytes().startswith("\ufeffdoc_id,".encode("utf-8"))
