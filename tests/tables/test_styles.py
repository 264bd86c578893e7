"""Small synthetic snippets of every printed style the table reader handles."""
from __future__ import annotations

from nianbao.tables import parse
from nianbao.tables.ids import T3_COLUMNS, T3_ROW_ORDER, T4_CELL_IDS

LABELS = {  # 表三 row labels as the 2021 template prints them
    "new_received": "一、本年新收政府信息公开申请数量", "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开", "partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "denied.state_secret": "1.属于国家秘密", "denied.law_forbidden": "2.其他法律行政法规禁止公开",
    "denied.three_safety": "3.危及“三安全一稳定”", "denied.third_party": "4.保护第三方合法权益",
    "denied.internal_affairs": "5.属于三类内部事务信息", "denied.process_info": "6.属于四类过程性信息",
    "denied.enforcement_file": "7.属于行政执法案卷", "denied.admin_query": "8.属于行政查询事项",
    "unable.not_held": "1.本机关不掌握相关政府信息", "unable.needs_creation": "2.没有现成信息需要另行制作",
    "unable.unclear": "3.补正后申请内容仍不明确", "not_processed.complaint": "1.信访举报投诉类申请",
    "not_processed.duplicate": "2.重复申请", "not_processed.publication": "3.要求提供公开出版物",
    "not_processed.excessive": "4.无正当理由大量反复申请",
    "not_processed.confirm_info": "5.要求行政机关确认或重新出具已获取信息",
    "other.no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other.no_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other.other": "3.其他", "total_processed": "（七）总计", "carried_forward": "四、结转下年度继续办理",
}
ORDER = T3_ROW_ORDER["2021"]
# a consistent table: 5 new, 1 carried over; 3 granted, 1 partial, 1 not held; 1 carried forward
VALUES = {row: ["0"] * 7 for row in ORDER}
VALUES.update({
    "new_received": ["4", "1", "0", "0", "0", "0", "5"], "carried_over": ["1", "0", "0", "0", "0", "0", "1"],
    "granted": ["2", "1", "0", "0", "0", "0", "3"], "partial": ["1", "0", "0", "0", "0", "0", "1"],
    "unable.not_held": ["1", "0", "0", "0", "0", "0", "1"], "total_processed": ["4", "1", "0", "0", "0", "0", "5"],
    "carried_forward": ["1", "0", "0", "0", "0", "0", "1"],
})
HEAD = "三、收到和处理政府信息公开申请情况\n"
T3_HEADER = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "总计"]
T4_HEAD = "四、政府信息公开行政复议、行政诉讼情况\n"
T4_HEADER = "行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
TAIL = "五、存在的主要问题及改进情况\n无。\n"


def as_read(text: str) -> dict[str, list]:
    t3 = parse(text)["t3"]
    return {row: [_shown(t3.cells.get(f"t3.{row}.{c}")) for c in T3_COLUMNS] for row in ORDER}


def _shown(cell):
    return "missing" if cell is None else (cell.raw if cell.kind != "empty" else "")


def test_tab_separated_rows_with_blank_rowspan_cells():
    lines = ["\t".join(T3_HEADER)] + [f"\t{LABELS[r]}\t" + "\t".join(VALUES[r]) for r in ORDER]
    text = HEAD + "\n".join(lines) + "\n" + TAIL
    assert as_read(text) == VALUES
    assert parse(text)["t3"].complete


def test_one_cell_per_line_with_blank_lines_between_rows():
    rows = ["\t" + "\n\t".join(T3_HEADER)]
    rows += ["\t\n\t" + LABELS[r] + "\n\t" + "\n\t".join(v if v != "0" else "\u3000" for v in VALUES[r]) for r in ORDER]
    text = HEAD + "\n\n".join(rows) + "\n\n" + TAIL
    expected = {r: [v if v != "0" else "" for v in vals] for r, vals in VALUES.items()}
    assert as_read(text) == expected


def test_a_label_broken_over_two_lines_in_one_cell_per_line_style():
    text = (HEAD + "\t申请人情况\n\n\t一、本年新收政府信息公开\n申请数量\n\t1\n\t0\n\t0\n\t0\n\t0\n\t0\n\t1\n\n" + TAIL)
    assert as_read(text)["new_received"] == ["1", "0", "0", "0", "0", "0", "1"]


def test_markdown_pipe_rows():
    lines = ["| " + " | ".join(T3_HEADER) + " |", "|---|---|---|"]
    lines += [f"| {LABELS[r]} | " + " | ".join(VALUES[r]) + " |" for r in ORDER]
    text = HEAD + "\n".join(lines) + "\n\n" + TAIL
    assert as_read(text) == VALUES


def test_plain_pipe_rows_keep_a_blank_last_cell():
    lines = [" | ".join(T3_HEADER)] + [f" | {LABELS[r]} | " + " | ".join(VALUES[r]) for r in ORDER]
    lines[-1] = lines[-1][: -len(" | 1")] + " | "  # 结转下年度 prints no total
    text = HEAD + "\n".join(lines) + "\n" + TAIL
    got = as_read(text)
    assert got["carried_forward"] == ["1", "0", "0", "0", "0", "0", ""]
    assert got["granted"] == VALUES["granted"]


def test_flattened_text_runs_are_cut_by_the_identities():
    body = "".join(LABELS[r] + "".join(VALUES[r]) for r in ORDER)
    text = "正文 " + HEAD.strip() + "".join(T3_HEADER) + body + T4_HEAD.strip() + TAIL
    assert as_read(text) == VALUES


def test_flattened_run_with_two_readings_that_both_add_up_is_left_out():
    # 110000011 reads 11|0|…|11 or 1|10|…|11 in the three rows below, and either way
    # every row and column adds up: the identities cannot tell, so neither is taken
    runs = {row: "0000000" for row in ORDER}
    runs.update(new_received="110000011", granted="110000011", total_processed="110000011")
    body = "".join(LABELS[r] + runs[r] for r in ORDER)
    text = HEAD.strip() + "".join(T3_HEADER) + body + T4_HEAD.strip() + TAIL
    t3 = parse(text)["t3"]
    assert not t3.complete
    assert any("本年新收" in note and "种拆分" in note for note in t3.notes)
    for row in ("new_received", "granted", "total_processed"):
        assert t3.cells[f"t3.{row}.total"].value == 11  # the same in both readings
        assert f"t3.{row}.natural_person" not in t3.cells
        assert f"t3.{row}.commercial" not in t3.cells
    assert t3.cells["t3.partial.total"].value == 0


def test_value_rows_detached_from_their_labels_fill_the_gap_in_order():
    labelled = ["new_received", "carried_over", "granted"]
    lines = ["| " + " | ".join(T3_HEADER) + " |", "|---|---|---|"]
    lines += [f"| {LABELS[r]} | " + " | ".join(VALUES[r]) + " |" for r in labelled]
    lines += ["（二）部分公开", "| " + " | ".join(VALUES["partial"]) + " |", "|---|"]
    lines += [f"| {LABELS[r]} | " + " | ".join(VALUES[r]) + " |" for r in ORDER[4:]]
    text = HEAD + "\n".join(lines) + "\n\n" + TAIL
    assert as_read(text) == VALUES
    assert any("按表格顺序归位" in n for n in parse(text)["t3"].notes)


def test_page_number_lines_inside_a_table_are_not_values():
    lines = ["\t".join(T3_HEADER)] + [f"{LABELS[r]}\t" + "\t".join(VALUES[r]) for r in ORDER]
    lines.insert(8, "-2-")
    t4 = T4_HEADER + "-3-\n" + "\t".join(["1", "0", "0", "0", "1"] + ["0"] * 10) + "\n"
    text = HEAD + "\n".join(lines) + "\n" + T4_HEAD + t4 + TAIL
    assert as_read(text) == VALUES
    tables = parse(text)
    assert [tables["t4"].cells[c].raw for c in T4_CELL_IDS] == ["1", "0", "0", "0", "1"] + ["0"] * 10


def test_table_four_as_three_small_tables():
    block = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n| {} |\n\n"
    rows = [["2", "0", "1", "0", "3"], ["0", "0", "0", "1", "1"], ["/", "/", "/", "/", "/"]]
    text = T4_HEAD + "### 行政复议\n" + "".join(block.format(" | ".join(r)) for r in rows) + TAIL
    t4 = parse(text)["t4"]
    assert [t4.cells[c].raw for c in T4_CELL_IDS] == sum(rows, [])
    assert t4.cells["t4.litigation_after_review.total"].kind == "na"


def test_table_four_run_of_digits_split_where_each_row_adds_up():
    text = T4_HEAD.strip() + T4_HEADER.replace("\t", "").replace("\n", "") + "10203120001200000" + TAIL
    t4 = parse(text)["t4"]
    assert [t4.cells[c].value for c in T4_CELL_IDS] == [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]


def test_table_two_layouts_by_header_words():
    t2019 = ("二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
             "规章\t1\t2\t3\n规范性文件\t/\t无\t\n第二十条第（八）项\n信息内容\t上一年项目数量\t本年增/减\n"
             "行政事业性收费\t5\t-15\n" + HEAD)
    t2 = parse(t2019)["t2"]
    assert t2.layout == "2019"
    assert [t2.cells[f"t2.regulations.{c}"].value for c in ("new_made", "new_published", "total_published")] == [1, 2, 3]
    assert [t2.cells[f"t2.normative_docs.{c}"].kind for c in ("new_made", "new_published", "total_published")] == [
        "na", "na", "empty"]
    assert t2.cells["t2.fees.change"].value == -15
    assert not t2.complete  # 行政许可 … 政府集中采购 are not printed
    t2021 = ("第二十条第（一）项\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
             "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 6 | 1 | 32 |\n"
             "| 行政许可 | 517645 |\n| 行政处罚 | 693957 |\n| 行政强制 | 2154 |\n"
             "| 信息内容 | 本年收费金额（单位：万元） |\n| 行政事业性收费 | 4068.208 |\n\n" + HEAD)
    t2 = parse(t2021)["t2"]
    assert t2.layout == "2021" and t2.complete
    assert t2.cells["t2.normative_docs.in_force"].value == 32
    assert t2.cells["t2.fees.amount"].value == 4068.208


def test_a_report_without_tables_gives_none():
    assert parse("二、主动公开政府信息情况\n本年度主动公开信息98条。\n三、收到和处理政府信息公开申请情况\n无。\n") == {}


def test_table_two_header_word_broken_over_two_lines_still_tells_the_layout():
    text = ("第二十条第（一）项\n\n\t信息内容\n\t本年制\n发件数\n\t本年废\n止件数\n\t现行有\n效件数\n\n"
            "\t规章\n\t3\n\t0\n\t5\n\n" + HEAD)
    t2 = parse(text)["t2"]
    assert t2.layout == "2021"
    assert [t2.cells[f"t2.regulations.{c}"].value for c in ("issued", "repealed", "in_force")] == [3, 0, 5]


def test_table_four_printed_one_row_per_case_kind_with_its_label():
    rows = ["行政复议\t2\t0\t1\t0\t3", "未经复议直接起诉\t0\t0\t0\t1\t1", "复议后起诉\t0\t0\t0\t0\t0"]
    text = T4_HEAD + "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n" + "\n".join(rows) + "\n" + TAIL
    t4 = parse(text)["t4"]
    assert [t4.cells[c].value for c in T4_CELL_IDS] == [2, 0, 1, 0, 3, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]


def test_table_two_found_by_its_header_words_when_article_twenty_is_not_printed():
    text = "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t4\n" + HEAD
    t2 = parse(text)["t2"]
    assert t2.layout == "2021" and t2.cells["t2.regulations.in_force"].value == 4


def test_published_total_printed_in_a_table_row_of_its_own():
    text = ("第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n"
            "2020年本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息类）\t1,048条\n" + HEAD)
    cell = parse(text)["t2"].cells["t2.published_total"]
    assert (cell.raw, cell.value, cell.unit) == ("1,048条", 1048, "条")
