"""Printed table styles and the identities of the drawn values."""
from __future__ import annotations

import random

from nianbao.synth.tables import G, expand, html_table, render, t3_grid, t4_grid
from nianbao.synth.values import draw_t3, draw_t4, grid_cells, identity_failures, identity_results

GRID = [[G("行政复议", colspan=2), G("总计", rowspan=2)],
        [G("维持"), G("纠正")],
        [G("1"), G("0"), G("1")]]


def test_tsv_leaves_every_covered_position_empty():
    assert render(GRID, "tsv").split("\n") == ["行政复议\t\t总计", "维持\t纠正\t", "1\t0\t1"]


def test_word_export_style_writes_merged_across_once_and_down_as_continuation_cells():
    rows = render(GRID, "cells").split("\n\n")
    assert rows[0] == "\t行政复议\n\t总计"
    assert rows[1] == "\t维持\n\t纠正\n\t"


def test_html_table_keeps_rowspan_and_colspan():
    html = html_table(GRID)
    assert '<td colspan="2">行政复议</td>' in html and '<td rowspan="2">总计</td>' in html


def test_markdown_table_has_a_separator_and_equal_widths():
    lines = render(GRID, "md").split("\n")
    assert lines[1] == "|---|---|---|"
    assert {line.count("|") for line in lines} == {4}


def _cells(seed: int, split_other: bool):
    rng = random.Random(seed)
    return {**grid_cells("t3", draw_t3(rng, split_other), rng), **grid_cells("t4", draw_t4(rng), rng)}


def test_drawn_tables_satisfy_every_identity():
    for seed in range(50):
        for split_other in (False, True):
            assert identity_failures(_cells(seed, split_other), split_other) == []


def test_a_wrong_total_breaks_its_row_sum_and_the_column_identities():
    cells = _cells(3, True)
    cells["t3.granted.total"] = {"raw": "999", "value": 999, "unit": None, "kind": "number"}
    assert {f["rule"] for f in identity_failures(cells, True)} == {"t3.col_sum.granted", "t3.results_total.total"}


def test_an_empty_cell_makes_its_identities_uncertain_not_fail():
    cells = _cells(4, False)
    cells["t4.review.upheld"] = {"raw": "", "value": None, "unit": None, "kind": "empty"}
    status = {r["rule"]: r["status"] for r in identity_results(cells, False)}
    assert status["t4.sum.review"] == "UNCERTAIN" and status["t4.sum.litigation_direct"] == "PASS"


def test_table_three_grid_has_the_template_rows_in_both_layouts():
    for split_other, rows in ((False, 26), (True, 28)):  # 3 header rows + 23 or 25
        cells = _cells(5, split_other)
        text = render(t3_grid(cells, split_other), "tsv")
        assert len(text.split("\n")) == rows
        assert ("1.申请人无正当理由逾期不补正" in text) == split_other
    assert render(t4_grid(_cells(5, False)), "tsv").count("\n") == 3
