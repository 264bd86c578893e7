"""Helpers to state expected table cells compactly (expectations are written by hand)."""
from __future__ import annotations

from functools import lru_cache

from nianbao.ingest import convert
from nianbao.report import Report, Table
from nianbao.tables import parse
from nianbao.tables.ids import T3_COLUMNS, T3_ROW_ORDER
from tests.conftest import real_path, seed_path

ZERO = [0] * 7
E = "empty"  # a cell printed blank


@lru_cache(maxsize=None)
def report(doc: str) -> Report:
    """A seed ('002') or real document ('pt2021'), converted and its tables parsed."""
    path = seed_path(doc) if doc.isdigit() else real_path(doc)
    rep = convert(str(path))
    rep.tables = parse(rep.text)
    return rep


def shown(table: Table, cell_id: str):
    """A cell as the expectations write it: its value, or its kind when it has none."""
    cell = table.cells.get(cell_id)
    if cell is None:
        return "missing"
    return cell.value if cell.kind == "number" else cell.kind


def t3_rows(table: Table, variant: str) -> dict[str, list]:
    return {row: [shown(table, f"t3.{row}.{c}") for c in T3_COLUMNS] for row in T3_ROW_ORDER[variant]}


def t3_expected(variant: str, **rows: list) -> dict[str, list]:
    """Every row zeros except the ones given (dots in row ids written as __)."""
    given = {k.replace("__", "."): v for k, v in rows.items()}
    return {row: given.get(row, ZERO) for row in T3_ROW_ORDER[variant]}
