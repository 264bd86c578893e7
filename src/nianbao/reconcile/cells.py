"""The cells of 表二/表三/表四 in printed order, with the Chinese names a report author knows.

Cell ids are TABLES.md's ``t<table>.<row>.<column>``; messages and the evidence page name
a cell the way the table prints it (表三“本年新收”总计).
"""
from __future__ import annotations

TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}
TABLE_TITLES = {
    "t2": "表二 主动公开政府信息情况",
    "t3": "表三 收到和处理政府信息公开申请情况",
    "t4": "表四 政府信息公开行政复议、行政诉讼情况",
}

_T2_2019_ROWS = {
    "regulations": "规章",
    "normative_docs": "规范性文件",
    "licensing": "行政许可",
    "other_services": "其他对外管理服务事项",
    "punishment": "行政处罚",
    "coercion": "行政强制",
    "fees": "行政事业性收费",
    "procurement": "政府集中采购",
}
_T2_2021_ROWS = {
    "regulations": "规章",
    "normative_docs": "行政规范性文件",
    "licensing": "行政许可",
    "punishment": "行政处罚",
    "coercion": "行政强制",
    "fees": "行政事业性收费",
}
T2_COLUMNS = {
    "2019": {
        "regulations": ("new_made", "new_published", "total_published"),
        "normative_docs": ("new_made", "new_published", "total_published"),
        "licensing": ("prev_items", "change", "decisions"),
        "other_services": ("prev_items", "change", "decisions"),
        "punishment": ("prev_items", "change", "decisions"),
        "coercion": ("prev_items", "change", "decisions"),
        "fees": ("prev_items", "change"),
        "procurement": ("projects", "amount"),
    },
    "2021": {
        "regulations": ("issued", "repealed", "in_force"),
        "normative_docs": ("issued", "repealed", "in_force"),
        "licensing": ("decisions",),
        "punishment": ("decisions",),
        "coercion": ("decisions",),
        "fees": ("amount",),
    },
}
T2_ROWS = {"2019": _T2_2019_ROWS, "2021": _T2_2021_ROWS}

T3_COLUMNS = {
    "natural_person": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "social_org": "社会公益组织",
    "legal_service": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
}
T3_ORGANISATIONS = ("commercial", "research", "social_org", "legal_service", "other_org")
T3_ROWS = {
    "new_received": "本年新收",
    "carried_over": "上年结转",
    "granted": "予以公开",
    "partial": "部分公开",
    "denied.state_secret": "不予公开：属于国家秘密",
    "denied.law_forbidden": "不予公开：其他法律行政法规禁止公开",
    "denied.three_safety": "不予公开：危及“三安全一稳定”",
    "denied.third_party": "不予公开：保护第三方合法权益",
    "denied.internal_affairs": "不予公开：属于三类内部事务信息",
    "denied.process_info": "不予公开：属于四类过程性信息",
    "denied.enforcement_file": "不予公开：属于行政执法案卷",
    "denied.admin_query": "不予公开：属于行政查询事项",
    "unable.not_held": "无法提供：本机关不掌握相关政府信息",
    "unable.needs_creation": "无法提供：没有现成信息需要另行制作",
    "unable.unclear": "无法提供：补正后申请内容仍不明确",
    "not_processed.complaint": "不予处理：信访举报投诉类申请",
    "not_processed.duplicate": "不予处理：重复申请",
    "not_processed.publication": "不予处理：要求提供公开出版物",
    "not_processed.excessive": "不予处理：无正当理由大量反复申请",
    "not_processed.confirm_info": "不予处理：要求行政机关确认或重新出具已获取信息",
    "other": "其他处理",
    "other.no_correction": "其他处理：申请人逾期不补正",
    "other.no_fee": "其他处理：申请人逾期未缴费",
    "other.other": "其他处理：其他",
    "total_processed": "办理结果总计",
    "carried_forward": "结转下年度继续办理",
}

T4_ROWS = {"review": "行政复议", "litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}
T4_COLUMNS = {"upheld": "结果维持", "corrected": "结果纠正", "other": "其他结果", "pending": "尚未审结", "total": "总计"}

_T2_COLUMN_NAMES = {
    "new_made": "本年新制作数量",
    "new_published": "本年新公开数量",
    "total_published": "对外公开总数量",
    "prev_items": "上一年项目数量",
    "change": "本年增/减",
    "decisions": "处理决定数量",
    "projects": "采购项目数量",
    "amount": "采购总金额",
    "issued": "本年制发件数",
    "repealed": "本年废止件数",
    "in_force": "现行有效件数",
}


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
        return _T2_2019_ROWS.get(row) or _T2_2021_ROWS.get(row, row)
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
