"""Variants of the printed shapes that saved report pages show, each from a small page written
here (made-up township, made-up numbers): a change written in words, a page that loses its
last closing pipe, label notes that name other rows, pipes in front of cells, rows printed
empty."""
from __future__ import annotations

from nianbao.tables import parse
from nianbao.tables.ids import T3_COLUMNS
from tests.tables.test_shapes import ORDER, PREAMBLE, one_per_line, t2_values, t3_read
from tests.tables.test_styles import LABELS, VALUES

T2_2019_HEAD = ["第二十条第(一)项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]
T2_2019_ITEMS_HEAD = ["第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
T3_HEAD = "三、收到和处理政府信息公开申请情况\n"


def shown(table, cell_id):
    cell = table.cells.get(cell_id)
    return "missing" if cell is None else (cell.value if cell.kind == "number" else cell.kind)


def test_a_change_written_as_an_increase_or_a_decrease_in_words():
    lines = ["| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |", "|---|---|---|---|",
             "| 行政许可 | 12 | 增4 | 16 |", "| 行政处罚 | 30 | 减少7 | 23 |", "| 行政强制 | 5 | 减 2 | 3 |"]
    text = PREAMBLE + "二、主动公开政府信息情况\n第二十条第（五）项\n" + "\n".join(lines) + "\n\n" + T3_HEAD
    t2 = parse(text)["t2"]
    assert [shown(t2, f"t2.{r}.change") for r in ("licensing", "punishment", "coercion")] == [4, -7, -2]
    cells = T2_2019_ITEMS_HEAD + ["行政许可", "9", "减少3", "6", "其他对外管理服务事项", "2", "增加1", "3"]
    text = PREAMBLE + "二、主动公开政府信息情况\n\n" + one_per_line(cells) + T3_HEAD
    t2 = parse(text)["t2"]
    assert t2.shape == "one_cell_per_line"
    assert [shown(t2, f"t2.licensing.{c}") for c in ("prev_items", "change", "decisions")] == [9, -3, 6]
    assert [shown(t2, f"t2.other_services.{c}") for c in ("prev_items", "change", "decisions")] == [2, 1, 3]


def test_a_page_that_stops_on_a_value_which_lost_its_closing_pipe():
    lines = ["申请人情况 |", "||||||||", "自然人 |", "总计 |"]
    for row in ORDER[:3]:
        lines += [LABELS[row] + " |"] + [v + " |" for v in VALUES[row]]
    lines[-1] = lines[-1].rstrip(" |")  # the excerpt ends on the row's total, its pipe cut off
    text = PREAMBLE + T3_HEAD + "\n".join(lines)
    t3 = parse(text)["t3"]
    assert t3.shape == "pipe_cells"
    assert all(t3_read(t3)[r] == VALUES[r] for r in ORDER[:2])
    # the last row keeps its cells; its total "3" may be the start of "31", so it is left out
    assert t3_read(t3)["granted"] == VALUES["granted"][:6] + ["missing"]


def test_a_label_note_that_names_other_rows_names_no_row():
    note = "其他对外管理服务事项(指行政许可以外的政务服务事项,含行政确认、行政处罚、行政强制和其他类,以及公共服务事项) |"
    lines = [c + " |" for c in T2_2019_ITEMS_HEAD] + ["行政许可 |", "8 |", "0 |", "40 |", note, "3 |", "1 |", "4 |",
                                                      "行政处罚 |", "11 |", "0 |", "7 |"]
    text = PREAMBLE + "二、主动公开政府信息情况\n" + "\n".join(lines) + "\n" + T3_HEAD
    t2 = parse(text)["t2"]
    assert t2_values(t2) == {"licensing": ["8", "0", "40"], "other_services": ["3", "1", "4"],
                             "punishment": ["11", "0", "7"]}


def test_one_cell_per_line_label_with_a_long_bracketed_note():
    long_label = ("规范性文件(行政机关制定发布的决定、公告、通告、意见、通知，以及标题采用“规定”“办法”“细则”等字样的公文，"
                  "一般情况下属于规范性文件)")
    cells = T2_2019_HEAD + ["规章", "0", "0", "0", long_label, "12", "5", "30"]
    text = PREAMBLE + "二、主动公开政府信息情况\n\n" + one_per_line(cells) + T3_HEAD
    t2 = parse(text)["t2"]
    assert t2_values(t2) == {"regulations": ["0", "0", "0"], "normative_docs": ["12", "5", "30"]}


def test_cell_pipe_lines_with_blanks_after_the_pipe():
    lines = [c + "  |  " for c in T2_2019_HEAD] + ["规章  |  ", "  0  |  ", "  1  |  ", "  1  |  ",
                                                   "规范性文件  |  ", "  4  |  ", "  4  |  ", "  20  |  "]
    text = PREAMBLE + "二、主动公开政府信息情况\n" + "\n".join(lines) + "\n" + T3_HEAD
    t2 = parse(text)["t2"]
    assert t2.shape == "pipe_cells"
    assert t2_values(t2) == {"regulations": ["0", "1", "1"], "normative_docs": ["4", "4", "20"]}


def test_one_cell_per_line_with_a_pipe_in_front_of_each_text_cell():
    lines = ["| 第二十条第(一)项", "|", "|||", "| 信息内容", "|", "本年制发件数", "|", "本年废止件数", "|", "现行有效件数",
             "|", "| 规章", "|", "0", "|", "0", "|", "0", "|", "| 行政规范性文件", "|", "6", "|", "2", "|", "31"]
    text = PREAMBLE + "二、主动公开政府信息情况\n" + "\n".join(lines) + "\n" + T3_HEAD
    t2 = parse(text)["t2"]
    assert t2.layout == "2021"
    assert t2_values(t2) == {"regulations": ["0", "0", "0"], "normative_docs": ["6", "2", "31"]}
    for cell in t2.cells.values():
        assert text[cell.start:cell.end] == cell.raw


def test_pipe_only_lines_right_after_a_row_label_are_its_empty_cells():
    lines = ["申请人情况 |", "||||||||", "自然人 |", "总计 |", LABELS["new_received"] + " |"]
    lines += ["|"] * 6 + ["3 |", "||", LABELS["carried_over"] + " |"] + ["|"] * 6 + ["0 |", "||"]
    text = PREAMBLE + T3_HEAD + "\n".join(lines) + "\n\n四、政府信息公开行政复议、行政诉讼情况\n"
    t3 = parse(text)["t3"]
    assert [shown(t3, f"t3.new_received.{c}") for c in T3_COLUMNS] == ["empty"] * 6 + [3]
    assert [shown(t3, f"t3.carried_over.{c}") for c in T3_COLUMNS] == ["empty"] * 6 + [0]


def test_a_label_with_no_value_before_the_next_row_is_a_row_printed_empty():
    cells = ["第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "0",
             "第二十条第(五)项", "信息内容", "本年处理决定数量", "行政许可",  # its cell dropped from the copied page
             "第二十条第(六)项", "信息内容", "本年处理决定数量", "行政处罚", "17", "行政强制",
             "第二十条第(八)项", "信息内容", "本年收费金额(单位:万元)", "行政事业性收费"]
    text = PREAMBLE + "二、主动公开政府信息情况\n\n" + one_per_line(cells) + T3_HEAD + "\n自然人\n\n总计\n"
    t2 = parse(text)["t2"]
    assert t2.shape == "one_cell_per_line"
    assert [shown(t2, f"t2.{r}.decisions") for r in ("licensing", "punishment", "coercion")] == ["empty", 17, "empty"]
    assert shown(t2, "t2.fees.amount") == "empty"
    assert shown(t2, "t2.regulations.in_force") == 0
    for cell in t2.cells.values():
        assert text[cell.start:cell.end] == cell.raw


def test_a_label_the_page_stops_right_after_is_cut_not_printed_empty():
    cells = ["第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "1", "0", "4",
             "行政规范性文件"]
    text = PREAMBLE + "二、主动公开政府信息情况\n\n" + one_per_line(cells)
    t2 = parse(text)["t2"]
    assert shown(t2, "t2.regulations.in_force") == 4
    assert not any(k.startswith("t2.normative_docs") for k in t2.cells)
    assert not t2.complete


def test_a_table_printed_with_every_cell_dropped_reads_its_rows_as_empty():
    cells = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人", "法人或其他组织",
             "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
             LABELS["new_received"], LABELS["carried_over"], "三、本年度办理结果"]
    text = PREAMBLE + T3_HEAD + one_per_line(cells) + "四、政府信息公开行政复议、行政诉讼情况\n"
    t3 = parse(text)["t3"]
    assert t3.shape == "one_cell_per_line"
    assert [shown(t3, f"t3.{r}.{c}") for r in ("new_received", "carried_over") for c in T3_COLUMNS] == ["empty"] * 14
    assert "t3.granted.total" not in t3.cells


def test_a_row_printed_with_values_wins_over_the_same_label_printed_empty():
    cells = T2_2019_HEAD + ["规章", "规范性文件", "第二十条第(五)项", "规章", "2", "1", "5"]
    text = PREAMBLE + "二、主动公开政府信息情况\n\n" + one_per_line(cells) + T3_HEAD
    t2 = parse(text)["t2"]
    assert [shown(t2, f"t2.regulations.{c}") for c in ("new_made", "new_published", "total_published")] == [2, 1, 5]


def test_glued_zeros_at_the_end_of_a_page_are_read():
    lines = ["第二十条(五)项", "信息内容上一年项目数量本年增/减处理决定数量", "行政许可000", "行政处罚000",
             "第二十条(八)项", "信息内容上一年项目数量本年增/减", "行政事业性收费00"]
    text = PREAMBLE + "二、主动公开政府信息情况\n" + "\n".join(lines)
    t2 = parse(text)["t2"]
    assert [shown(t2, f"t2.fees.{c}") for c in ("prev_items", "change")] == [0, 0]
    text = text[:-2] + "30"  # "30" may be the start of "305" or of "3|05…": left out
    t2 = parse(text)["t2"]
    assert not any(k.startswith("t2.fees") for k in t2.cells)


def test_flattened_rows_whose_label_note_names_other_rows():
    lines = ["第二十条第(五)项", "信息内容上一年项目数量本年增/减处理决定数量", "行政许可12012",
             "其他对外管理服务事项(指行政许可以外的政务服务事项,含行政确认、行政处罚、行政强制和其他类)303",
             "第二十条第(六)项", "信息内容上一年项目数量本年增/减处理决定数量", "行政处罚404"]
    text = PREAMBLE + "二、主动公开政府信息情况\n" + "\n".join(lines) + "\n" + T3_HEAD
    t2 = parse(text)["t2"]
    assert [shown(t2, f"t2.other_services.{c}") for c in ("prev_items", "change", "decisions")] == [3, 0, 3]
    assert [shown(t2, f"t2.punishment.{c}") for c in ("prev_items", "change", "decisions")] == [4, 0, 4]


def test_a_row_that_lost_its_blank_cells_in_a_stream_gives_its_first_value_only():
    """One cell per line: 行政事业性收费 prints its 上一年项目数量 and nothing for 本年增/减;
    行政许可 prints two values of three (which one was blank cannot be told)."""
    cells = T2_2019_ITEMS_HEAD + ["行政许可", "6", "14", "其他对外管理服务事项", "2", "1", "5",
                                  "第二十条第(八)项", "信息内容", "上一年项目数量", "本年增/减", "行政事业性收费", "4",
                                  "第二十条第(九)项", "信息内容", "采购项目数量", "采购总金额", "政府集中采购", "3", "27.5"]
    text = PREAMBLE + "二、主动公开政府信息情况\n\n" + one_per_line(cells) + T3_HEAD
    t2 = parse(text)["t2"]
    assert t2.shape == "one_cell_per_line" and not t2.complete
    assert [shown(t2, f"t2.fees.{c}") for c in ("prev_items", "change")] == [4, "missing"]
    assert [shown(t2, f"t2.licensing.{c}") for c in ("prev_items", "change", "decisions")] == [6, "missing", "missing"]
    assert [shown(t2, f"t2.other_services.{c}") for c in ("prev_items", "change", "decisions")] == [2, 1, 5]
    assert [shown(t2, f"t2.procurement.{c}") for c in ("projects", "amount")] == [3, 27.5]
    assert any("行政事业性收费" in note and "只取第一个" in note for note in t2.notes)


def test_table_four_printed_as_cell_pipe_lines_reads_its_fifteen_values():
    """"cell |" lines (a page whose table cells each end with a pipe), with pipe-only filler
    lines in the header and one value printed blank."""
    from nianbao.tables.ids import T4_CELL_IDS

    head = ["行政复议 |", "行政诉讼 |", "||||||||||", "结果维持 |", "结果纠正 |", "其他结果 |", "尚未审结 |", "总计 |",
            "未经复议直接起诉 |", "复议后起诉 |", "|||||"] + ["结果维持 |", "结果纠正 |", "其他结果 |", "尚未审结 |", "总计 |"] * 2
    values = ["3", "1", "0", "1", "5", "2", "0", "", "0", "2", "0", "0", "1", "0", "1"]
    text = (PREAMBLE + "四、政府信息公开行政复议、行政诉讼情况\n" + "\n".join(head) + "\n"
            + "\n".join(f"{v} |" if v else "|" for v in values) + "\n五、存在的主要问题及改进情况\n无。\n")
    t4 = parse(text)["t4"]
    assert t4.shape == "pipe_cells" and t4.complete
    assert [t4.cells[c].raw for c in T4_CELL_IDS] == values
    assert t4.cells["t4.litigation_direct.other"].kind == "empty"


def test_table_two_that_does_not_print_its_first_section_row_starts_at_its_header():
    """The copy lost the 第二十条第（一）项 row: the table opens on 信息内容 and its header words,
    and the first 第二十条 printed is （五）; the rows before it are table 二 all the same."""
    rows = ["信息内容 本年新制作数量 本年新公开数量 对外公开总数量", "规章 0 0 0", "规范性文件 4 4 23",
            "第二十条第（五）项", "信息内容 上一年项目数量 本年增/减 处理决定数量", "行政许可 18 +2 260",
            "第二十条第（六）项", "信息内容 上一年项目数量 本年增/减 处理决定数量", "行政处罚 7 -1 31"]
    text = PREAMBLE.replace("2022", "2020") + "二、主动公开政府信息情况\n" + "\n".join(rows) + "\n" + T3_HEAD
    t2 = parse(text)["t2"]
    assert t2.layout == "2019"
    assert t2_values(t2) == {"regulations": ["0", "0", "0"], "normative_docs": ["4", "4", "23"],
                             "licensing": ["18", "+2", "260"], "punishment": ["7", "-1", "31"]}
    assert text[t2.start:].startswith("信息内容")


def test_a_change_printed_in_signs_and_brackets_keeps_its_column_as_text():
    """本年增/减 printed ``+(0) -(0)`` is no number: it stays a text cell in its column, and
    the row's other cells are read, in "cell |" lines and in pipe rows."""
    head = [c + " |" for c in T2_2019_ITEMS_HEAD]
    lines = head + ["行政许可 |", "27 |", "+(0) -(0) |", "35 |", "其他对外管理服务事项 |", "5 |", "0 |", "2 |"]
    text = PREAMBLE.replace("2022", "2020") + "二、主动公开政府信息情况\n" + "\n".join(lines) + "\n" + T3_HEAD
    t2 = parse(text)["t2"]
    assert [shown(t2, f"t2.licensing.{c}") for c in ("prev_items", "change", "decisions")] == [27, "text", 35]
    assert [shown(t2, f"t2.other_services.{c}") for c in ("prev_items", "change", "decisions")] == [5, 0, 2]
    rows = ["| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |", "| 行政许可 | 27 | (+2) | 35 |"]
    t2 = parse(PREAMBLE.replace("2022", "2020") + "二、主动公开政府信息情况\n第二十条第（五）项\n" + "\n".join(rows)
               + "\n" + T3_HEAD)["t2"]
    assert [shown(t2, f"t2.licensing.{c}") for c in ("prev_items", "change", "decisions")] == [27, "text", 35]


def test_cell_pipe_lines_whose_row_values_follow_the_label_on_one_line():
    head = ["第二十条第(一)项 | |||", "信息内容 |", "本年制发件数 |", "本年废止件数 |", "现行有效件数 |"]
    lines = head + ["规章 |", "0 | 0 | 0 |", "行政规范性文件 |", "3 | 1 | 17 |",
                    "第二十条第(五)项 | |||", "信息内容 |", "本年处理决定数量 | ||", "行政许可 |", "58 | ||"]
    text = PREAMBLE + "二、主动公开政府信息情况\n" + "\n".join(lines) + "\n" + T3_HEAD
    t2 = parse(text)["t2"]
    assert t2.shape == "pipe_cells"
    assert t2_values(t2) == {"regulations": ["0", "0", "0"], "normative_docs": ["3", "1", "17"], "licensing": ["58"]}
