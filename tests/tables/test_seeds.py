"""The five seed reports, cell by cell as read from the files by hand."""
from __future__ import annotations

from nianbao.tables.ids import T4_CELL_IDS
from tests.tables.expect import E, ZERO, report, shown, t3_expected, t3_rows


def t2_cells(doc: str) -> dict:
    t2 = report(doc).tables["t2"]
    return {k[3:]: shown(t2, k) for k in t2.cells}


def test_seed_000_blank_cells_are_empty_not_zero_and_only_totals_print_0():
    t3 = report("000").tables["t3"]
    assert t3.complete
    blank_row = [E] * 6 + [0]
    assert t3_rows(t3, "2019") == {row: blank_row for row in t3_expected("2019")}
    t4 = report("000").tables["t4"]
    assert [shown(t4, c) for c in T4_CELL_IDS] == [E, E, E, E, 0] * 3


def test_seed_000_table_two_lacks_its_lower_rows_and_says_so():
    t2 = report("000").tables["t2"]
    assert t2.layout == "2019" and not t2.complete
    assert t2_cells("000") == {f"{r}.{c}": E for r in ("regulations", "normative_docs")
                               for c in ("new_made", "new_published", "total_published")}
    assert any("行政许可" in note for note in t2.notes)


def test_seed_001_blank_total_of_enforcement_file_is_empty():
    t3 = report("001").tables["t3"]
    cell = t3.cells["t3.denied.enforcement_file.total"]
    assert (cell.kind, cell.value, cell.raw) == ("empty", None, "")
    assert t3_rows(t3, "2019") == t3_expected("2019", denied__enforcement_file=[0] * 6 + [E])
    assert [shown(report("001").tables["t4"], c) for c in T4_CELL_IDS] == [0] * 15


def test_seed_001_table_two_with_published_total():
    t2 = report("001").tables["t2"]
    assert t2.complete and t2.layout == "2019"
    cells = t2_cells("001")
    assert cells["regulations.new_made"] == 3 and cells["normative_docs.new_made"] == 2
    assert cells["procurement.projects"] == 10 and cells["procurement.amount"] == 117058
    assert cells["published_total"] == 61
    assert sum(1 for v in cells.values() if v == 0) == 18  # every other cell prints 0


def test_seed_002_new_received_has_one_person_but_total_zero():
    t3 = report("002").tables["t3"]
    assert t3.cells["t3.new_received.natural_person"].value == 1
    assert t3.cells["t3.new_received.total"].value == 0
    one = [1, 0, 0, 0, 0, 0, 0]
    assert t3_rows(t3, "2019") == t3_expected("2019", new_received=one, granted=one, total_processed=one)


def test_seed_002_cells_padded_with_ideographic_spaces_read_as_numbers():
    t2 = report("002").tables["t2"]
    assert t2.complete
    assert set(t2_cells("002").values()) == {0}
    assert len(t2.cells) == 22
    assert [shown(report("002").tables["t4"], c) for c in T4_CELL_IDS] == [0] * 15


def test_seed_003_table_three_is_read_whole_across_the_page_split():
    t3 = report("003").tables["t3"]
    assert t3.complete and not t3.notes
    assert t3_rows(t3, "2019") == t3_expected(
        "2019", new_received=[4, 0, 0, 0, 0, 0, 4], granted=[3, 0, 0, 0, 0, 0, 3],
        partial=[1, 0, 0, 0, 0, 0, 1], total_processed=[4, 0, 0, 0, 0, 0, 4])
    assert t3_rows(t3, "2019")["carried_over"] == ZERO
    assert [shown(report("003").tables["t4"], c) for c in T4_CELL_IDS] == [0] * 15
    assert report("003").tables["t2"].complete


def test_seed_004_has_no_table_three_or_four():
    assert set(report("004").tables) == {"t2"}


def test_seed_004_pipe_cells_keep_units_and_signs():
    t2 = report("004").tables["t2"]
    assert t2.complete and t2.layout == "2019"
    amount = t2.cells["t2.procurement.amount"]
    assert (amount.raw, amount.value, amount.unit) == ("人民币2.9亿元", 2.9, "亿元")
    projects = t2.cells["t2.procurement.projects"]
    assert (projects.value, projects.unit) == (156, "个")
    assert t2_cells("004") == {
        "regulations.new_made": 0, "regulations.new_published": 0, "regulations.total_published": 0,
        "normative_docs.new_made": 2, "normative_docs.new_published": 2, "normative_docs.total_published": 22,
        "licensing.prev_items": 531, "licensing.change": 8, "licensing.decisions": 5702,
        "other_services.prev_items": 405, "other_services.change": 38, "other_services.decisions": 383586,
        "punishment.prev_items": 1158, "punishment.change": 27, "punishment.decisions": 301,
        "coercion.prev_items": 48, "coercion.change": 2, "coercion.decisions": 0,
        "fees.prev_items": 5, "fees.change": 2, "procurement.projects": 156, "procurement.amount": 2.9,
        "published_total": 1048,
    }
    assert t2.cells["t2.licensing.change"].raw == "+8"
