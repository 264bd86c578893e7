"""The cells of 表二/表三/表四 in printed order, with the Chinese names a report author knows.

Cell ids are TABLES.md's ``t<table>.<row>.<column>``; messages and the evidence page name
a cell the way the table prints it (表三“本年新收”总计). The ids and names themselves are
the table parser's (`nianbao.tables.ids`); this module only arranges them for people.
"""
from __future__ import annotations

from nianbao.tables import ids

TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}
TABLE_TITLES = {
    "t2": "表二 主动公开政府信息情况",
    "t3": "表三 收到和处理政府信息公开申请情况",
    "t4": "表四 政府信息公开行政复议、行政诉讼情况",
}

T2_ROWS = {layout: {r.id: r.name for r in specs} for layout, specs in ids.T2_ROWS.items()}
T2_COLUMNS = {layout: {r.id: r.columns for r in specs} for layout, specs in ids.T2_ROWS.items()}
_T2_COLUMN_NAMES = ids.T2_COLUMN_NAMES

T3_COLUMNS = ids.T3_COLUMN_NAMES
T3_ORGANISATIONS = ("commercial", "research", "social_org", "legal_service", "other_org")
# every row either layout prints, in printed order (2019's single 其他处理 before 2021's three)
_T3_ORDER = dict.fromkeys(ids.T3_ROW_ORDER["2019"][:-2] + ids.T3_ROW_ORDER["2021"][-5:])
T3_ROWS = {row: ids.T3_ROWS[row].name for row in _T3_ORDER}

T4_ROWS = ids.T4_ROW_NAMES
T4_COLUMNS = ids.T4_COLUMN_NAMES


def split_cell_id(cell_id: str) -> tuple[str, str, str]:
    """``t3.denied.state_secret.total`` → ("t3", "denied.state_secret", "total")."""
    table, rest = cell_id.split(".", 1)
    if cell_id == "t2.published_total":
        return table, "published_total", ""
    row, _, column = rest.rpartition(".")
    return table, row, column


def row_name(cell_id: str) -> str:
    table, row, _ = split_cell_id(cell_id)
    if table == "t2":
        if row == "published_total":
            return "政府信息公开发布总数量"
        return T2_ROWS["2019"].get(row) or T2_ROWS["2021"].get(row, row)
    if table == "t3":
        return T3_ROWS.get(row, row)
    return T4_ROWS.get(row, row)


def column_name(cell_id: str) -> str:
    table, row, column = split_cell_id(cell_id)
    if table == "t2":
        if row == "fees" and column == "amount":
            return "本年收费金额"
        return _T2_COLUMN_NAMES.get(column, column)
    if table == "t3":
        return T3_COLUMNS.get(column, column)
    return T4_COLUMNS.get(column, column)


def cell_name(cell_id: str) -> str:
    """表三“本年新收”总计, 表二“规范性文件”本年新公开数量."""
    table, row, column = split_cell_id(cell_id)
    if not column:
        return f"{TABLE_NAMES[table]}“{row_name(cell_id)}”"
    return f"{TABLE_NAMES[table]}“{row_name(cell_id)}”{column_name(cell_id)}"


def t3_row_cells(row: str) -> list[str]:
    return [f"t3.{row}.{column}" for column in T3_COLUMNS]


def grid(table_id: str, layout: str | None) -> list[tuple[str, list[tuple[str, str]]]]:
    """The printed grid of a table: [(row label, [(column label, cell id), …]), …]."""
    if table_id == "t3":
        return [(name, [(T3_COLUMNS[c], f"t3.{row}.{c}") for c in T3_COLUMNS]) for row, name in T3_ROWS.items()]
    if table_id == "t4":
        return [(name, [(T4_COLUMNS[c], f"t4.{row}.{c}") for c in T4_COLUMNS]) for row, name in T4_ROWS.items()]
    layout = layout if layout in T2_ROWS else "2019"
    rows = []
    for row, name in T2_ROWS[layout].items():
        cells = [(column_name(f"t2.{row}.{c}"), f"t2.{row}.{c}") for c in T2_COLUMNS[layout][row]]
        rows.append((name, cells))
    return rows
