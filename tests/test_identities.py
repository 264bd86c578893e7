"""Table identity findings: one per row, column or identity, with statuses per OUTPUT.md."""
from __future__ import annotations

from collections import Counter

import pytest

from nianbao.identities import check
from nianbao.report import Table
from nianbao.tables.cells import make_cell
from nianbao.tables.ids import T3_COLUMNS, T3_ROW_ORDER, T4_CELL_IDS
from tests.tables.expect import report


def by_rule(findings):
    return {f.rule: f for f in findings}


def t3_table(rows: dict[str, list[str]], variant: str = "2019") -> Table:
    """A 表三 of zeros with the given rows' raw cells."""
    table = Table(id="t3")
    for row in T3_ROW_ORDER[variant]:
        for col, raw in zip(T3_COLUMNS, rows.get(row, ["0"] * 7)):
            table.cells[f"t3.{row}.{col}"] = make_cell(raw)
    return table


def t4_table(raws: list[str]) -> Table:
    return Table(id="t4", cells={c: make_cell(r) for c, r in zip(T4_CELL_IDS, raws)})


def test_one_finding_per_row_column_and_identity():
    findings = check({"t3": t3_table({}), "t4": t4_table(["0"] * 15)})
    rules = [f.rule for f in findings]
    assert len(rules) == len(set(rules)) == 23 + 7 + 7 + 3
    assert "t3.col_sum.denied.state_secret" in rules and "t3.results_total.total" in rules
    assert "t3.balance.natural_person" in rules and "t4.sum.litigation_after_review" in rules
    assert all(f.kind == "table_identity" and f.status == "PASS" for f in findings)


def test_2021_rows_of_other_are_checked_one_by_one():
    table = t3_table({}, "2021")
    rules = by_rule(check({"t3": table}))
    assert "t3.col_sum.other.no_fee" in rules and "t3.col_sum.other" not in rules
    assert "t3.other.other.total" in rules["t3.results_total.total"].cells


def test_row_that_does_not_add_up_fails_naming_both_sides():
    f = by_rule(check({"t3": t3_table({"new_received": ["1", "0", "0", "0", "0", "0", "0"]})}))[
        "t3.col_sum.new_received"]
    assert f.status == "FAIL" and (f.text_value, f.table_value) == (1, 0)
    assert f.message == "表三“本年新收”行各申请人类别之和为1，但总计栏为0"
    assert f.cells == [f"t3.new_received.{c}" for c in T3_COLUMNS]
    assert f.evidence["raw"]["t3.new_received.natural_person"] == "1"


def test_empty_or_na_cell_makes_the_identity_uncertain_not_zero():
    table = t3_table({"granted": ["0", "0", "0", "0", "0", "0", "\u3000"], "partial": ["/", "0", "0", "0", "0", "0", "0"]})
    rules = by_rule(check({"t3": table}))
    assert rules["t3.col_sum.granted"].status == "UNCERTAIN"
    assert rules["t3.col_sum.partial"].status == "UNCERTAIN"
    assert rules["t3.results_total.total"].status == "UNCERTAIN"
    assert rules["t3.results_total.commercial"].status == "PASS"
    assert rules["t3.col_sum.granted"].evidence["not_numbers"] == {"t3.granted.total": "empty"}


def test_missing_cell_or_table_is_not_assessable():
    table = t3_table({})
    del table.cells["t3.carried_over.total"]
    rules = by_rule(check({"t3": table}))
    assert rules["t3.col_sum.carried_over"].status == "NOT_ASSESSABLE"
    assert rules["t3.col_sum.carried_over"].evidence["missing"] == ["t3.carried_over.total"]
    assert rules["t3.balance.total"].status == "NOT_ASSESSABLE"
    assert rules["t4.sum.review"].status == "NOT_ASSESSABLE"
    assert "缺少表四" in rules["t4.sum.review"].message


def test_balance_compares_received_with_processed_and_carried_forward():
    table = t3_table({"new_received": ["3", "0", "0", "0", "0", "0", "3"], "granted": ["2", "0", "0", "0", "0", "0", "2"],
                      "total_processed": ["2", "0", "0", "0", "0", "0", "2"]})
    rules = by_rule(check({"t3": table}))
    f = rules["t3.balance.total"]
    assert f.status == "FAIL" and (f.text_value, f.table_value) == (3, 2)
    assert f.cells == ["t3.new_received.total", "t3.carried_over.total", "t3.total_processed.total",
                       "t3.carried_forward.total"]


def test_table_four_rows_add_up_to_their_total():
    rules = by_rule(check({"t4": t4_table(["1", "0", "2", "0", "3", "12", "0", "0", "0", "11"] + ["0"] * 5)}))
    assert rules["t4.sum.review"].status == "PASS"
    f = rules["t4.sum.litigation_direct"]
    assert f.status == "FAIL" and (f.text_value, f.table_value) == (12, 11)
    assert f.message == "表四“未经复议直接起诉”各结果之和为12，但总计栏为11"


# the real documents: statuses read off the tables by hand
FAILS = {
    "002": {"t3.col_sum.new_received", "t3.col_sum.granted", "t3.col_sum.total_processed"},
    "pt2020": {"t3.results_total.natural_person", "t3.results_total.total"},
}
UNCERTAIN = {
    "001": {"t3.col_sum.denied.enforcement_file", "t3.results_total.total"},
    "kewei2024": {"t3.col_sum.carried_forward", "t3.balance.total"},
}


@pytest.mark.parametrize("doc", ["001", "002", "003", "pt2019", "pt2020", "pt2021", "pt2022", "shuyang2025",
                                 "kewei2024", "hongze2024"])
def test_documents_pass_every_identity_but_the_ones_they_break(doc):
    findings = check(report(doc).tables)
    assert {f.rule for f in findings if f.status == "FAIL"} == FAILS.get(doc, set())
    assert {f.rule for f in findings if f.status == "UNCERTAIN"} == UNCERTAIN.get(doc, set())
    assert not [f for f in findings if f.status == "NOT_ASSESSABLE"]


def test_seed_002_new_received_fails_one_against_zero():
    f = by_rule(check(report("002").tables))["t3.col_sum.new_received"]
    assert f.status == "FAIL" and (f.text_value, f.table_value) == (1, 0)


def test_seed_001_blank_total_is_uncertain():
    f = by_rule(check(report("001").tables))["t3.col_sum.denied.enforcement_file"]
    assert f.status == "UNCERTAIN" and "空白" in f.message


def test_pt2020_results_add_to_27_but_total_prints_21():
    f = by_rule(check(report("pt2020").tables))["t3.results_total.total"]
    assert f.status == "FAIL" and (f.text_value, f.table_value) == (27, 21)


def test_seed_000_blank_applicant_cells_leave_only_the_total_column_checkable():
    findings = check(report("000").tables)
    assert Counter(f.status for f in findings) == {"UNCERTAIN": 23 + 6 + 6 + 3, "PASS": 2}
    rules = by_rule(findings)
    assert rules["t3.results_total.total"].status == rules["t3.balance.total"].status == "PASS"


def test_seed_004_without_tables_three_and_four_is_not_assessable():
    findings = check(report("004").tables)
    assert {f.status for f in findings} == {"NOT_ASSESSABLE"}
    assert len(findings) == 23 + 7 + 7 + 3
