"""Every printed shape of the tables as web pages print them, each from a small page written
here (made-up township, made-up numbers): the shape is found, never configured."""
from __future__ import annotations

from nianbao.identities import check
from nianbao.ingest import convert
from nianbao.report import Table
from nianbao.tables import parse
from nianbao.tables.ids import T3_COLUMNS, T3_ROW_ORDER, T4_CELL_IDS
from tests.tables.test_styles import LABELS, VALUES

ORDER = T3_ROW_ORDER["2021"]
PREAMBLE = "青石镇人民政府2022年政府信息公开工作年度报告\n\n一、总体情况\n本镇全年主动公开信息86条。\n\n"
TAIL = "五、存在的主要问题及改进情况\n公开栏目更新不够及时。\n"
T2_2021 = {"regulations": ["0", "0", "0"], "normative_docs": ["3", "1", "17"], "licensing": ["214"],
           "punishment": ["58"], "coercion": ["6"], "fees": ["1203.5万元"]}


def t2_values(table: Table) -> dict[str, list]:
    out: dict[str, list] = {}
    for cell_id, cell in table.cells.items():
        out.setdefault(cell_id.split(".")[1], []).append(cell.raw)
    return out


def one_per_line(cells: list[str], indent: str = "  ") -> str:
    """Cells one to a line, indented, a blank line between cells (a page copied as text)."""
    return "\n\n".join(indent + c for c in cells) + "\n\n"


def t3_cells_one_per_line(rows=ORDER) -> list[str]:
    cells = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业\n企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    for row in rows:
        cells.append(LABELS[row])
        cells += VALUES[row]
    return cells


def t3_read(table: Table) -> dict[str, list]:
    return {row: [table.cells[f"t3.{row}.{c}"].raw if f"t3.{row}.{c}" in table.cells else "missing"
                  for c in T3_COLUMNS] for row in ORDER}


# --- one cell per line ---------------------------------------------------------------

def test_table_two_one_cell_per_line_with_half_width_punctuation_and_a_unit():
    cells = ["第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
             "规章", "0", "0", "0", "行政规范性文件", "3", "1", "17",
             "第二十条第(五)项", "信息内容", "本年处理决定数量", "行政许可", "214",
             "第二十条第(六)项", "信息内容", "本年处理决定数量", "行政处罚", "58", "行政强制", "6",
             "第二十条第(八)项", "信息内容", "本年收费金额(单位:万元)", "行政事业性收费", "1203.5万元"]
    text = PREAMBLE + "二、主动公开政府信息情况\n\n" + one_per_line(cells) + "三、收到和处理政府信息公开申请情况\n"
    t2 = parse(text)["t2"]
    assert t2.layout == "2021" and t2.complete
    assert t2_values(t2) == T2_2021
    fee = t2.cells["t2.fees.amount"]
    assert (fee.value, fee.unit) == (1203.5, "万元")
    assert t2.shape == "one_cell_per_line"
    for cell in t2.cells.values():
        assert text[cell.start:cell.end] == cell.raw


def test_table_two_2019_one_cell_per_line_headers_broken_over_lines_and_signed_changes():
    cells = ["第二十条第（一）项", "信息内容", "本年新\n  制作数量", "本年新\n  公开数量", "对外公开\n  总数量",
             "规章", "0", "0", "0", "规范性文件", "2", "2", "9",
             "第二十条第（五）项", "信息内容", "上一年\n  项目数量", "本年增/减", "处理决定数量",
             "行政许可", "40", "+7", "312", "其他对外管理服务事项", "5", "-3", "18"]
    text = PREAMBLE + "二、主动公开政府信息情况\n\n" + one_per_line(cells) + "三、收到和处理政府信息公开申请情况\n"
    t2 = parse(text)["t2"]
    assert t2.layout == "2019"
    assert t2.cells["t2.licensing.change"].value == 7
    assert t2.cells["t2.other_services.change"].value == -3
    assert [t2.cells[f"t2.normative_docs.{c}"].value for c in ("new_made", "new_published", "total_published")] == [
        2, 2, 9]


def test_table_three_and_four_one_cell_per_line_with_a_label_broken_over_lines():
    cells = t3_cells_one_per_line()
    partial = cells.index(LABELS["partial"])
    cells[partial] = "(二)部分公开(区分处理的,只计这一情形,\n  不计其他情形)"
    total = cells.index(LABELS["total_processed"])
    cells[total] = "(七)总计"
    t4 = ["行政复议", "行政诉讼", "结果\n  维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉",
          "1", "0", "0", "0", "1"] + ["0"] * 10
    text = (PREAMBLE + "三、收到和处理政府信息公开申请情况\n\n" + one_per_line(cells)
            + "四、政府信息公开行政复议、行政诉讼情况\n\n" + one_per_line(t4) + TAIL)
    tables = parse(text)
    assert t3_read(tables["t3"]) == VALUES
    assert tables["t3"].complete and tables["t3"].shape == "one_cell_per_line"
    assert [tables["t4"].cells[c].raw for c in T4_CELL_IDS] == ["1", "0", "0", "0", "1"] + ["0"] * 10
    assert tables["t4"].shape == "one_cell_per_line"
    assert all(f.status == "PASS" for f in check(tables))


def test_a_row_printed_as_one_line_of_run_together_digits_among_one_cell_lines_is_cut():
    cells = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
             "规章", "0", "0", "0", "行政规范性文件", "3", "1", "17", "第二十条第（五）项", "行政许可", "214"]
    cells[5:9] = ["规章", "000"]
    text = PREAMBLE + one_per_line(cells) + "三、收到和处理政府信息公开申请情况\n"
    t2 = parse(text)["t2"]
    assert [t2.cells[f"t2.regulations.{c}"].raw for c in ("issued", "repealed", "in_force")] == ["0", "0", "0"]


def test_prose_lines_are_not_read_as_one_cell_per_line():
    text = (PREAMBLE + "二、主动公开政府信息情况\n第二十条第（一）项\n"
            "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t4\n\n"
            "本年共发布规范性文件3件。\n\n其中涉及民生的2件。\n\n全年1次。\n\n三、收到和处理政府信息公开申请情况\n")
    t2 = parse(text)["t2"]
    assert t2.shape == "tsv"
    assert [t2.cells[f"t2.regulations.{c}"].value for c in ("issued", "repealed", "in_force")] == [1, 0, 4]


# --- pipe rows, OCR markdown, space-aligned text, HTML -------------------------------------

def test_pipe_rows_with_empty_trailing_cells_and_empty_pipe_lines():
    rows = ["第二十条第(一)项 | | | |", "| |||", "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            "规章 | 0 | 0 | 0 | |", "行政规范性文件 | 3 | 1 | 17 | |", "| |||", "第二十条第(五)项 | | | |",
            "信息内容 | 本年处理决定数量 | | |", "行政许可 | 214 | | |", "第二十条第(六)项 | | | |",
            "行政处罚 | 58 | | |", "行政强制 | 6 | | |", "第二十条第(八)项 | | | |",
            "信息内容 | 本年收费金额(单位:万元) | | |", "行政事业性收费 | 1203.5万元 | | |"]
    t3 = ["| 申请人情况 | | | | | | | |", "| |||"]
    t3 += [f"{LABELS[r]} | " + " | ".join(VALUES[r]) + " | |" for r in ORDER]
    text = PREAMBLE + "\n".join(rows) + "\n三、收到和处理政府信息公开申请情况\n" + "\n".join(t3) + "\n" + TAIL
    tables = parse(text)
    assert t2_values(tables["t2"]) == T2_2021 and tables["t2"].shape == "pipe_rows"
    assert t3_read(tables["t3"]) == VALUES


def test_ocr_markdown_table_two_whose_columns_shift():
    text = (PREAMBLE + "二、主动公开政府信息情况\n\n| 第二十条第（一）项 | | | | |\n|---|---|---|---|---|\n"
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | |\n| 规章 | | 0 | 0 | 0 |\n"
            "| 行政规范性文件 | 3 | 1 | 17 | |\n| 第二十条第（五）项 | | | | |\n| 行政许可 | | 214 | | |\n"
            "| 行政处罚 | 58 | | | |\n| 行政强制 | | | 6 | |\n| 行政事业性收费 | | 1203.5万元 | | |\n\n"
            "三、收到和处理政府信息公开申请情况\n")
    t2 = parse(text)["t2"]
    assert t2_values(t2) == T2_2021
    assert t2.shape == "markdown"


def test_space_aligned_pdf_text_of_table_two():
    text = (PREAMBLE + "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容   本年制发件数   本年废止件数   现行有效件数\n"
            "规章        0        0        0\n行政规范性文件    3    1    17\n第二十条第（五）项\n行政许可    214\n"
            "第二十条第（六）项\n行政处罚    58\n行政强制    6\n第二十条第（八）项\n行政事业性收费    1203.5万元\n"
            "三、收到和处理政府信息公开申请情况\n")
    t2 = parse(text)["t2"]
    assert t2_values(t2) == T2_2021
    assert t2.shape == "text_rows"


def test_html_table_two_with_spanning_section_title_rows_and_table_three_with_rowspans(tmp_path):
    def tr(*cells: str) -> str:
        return "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>"

    t2 = ["<table>", tr('<td colspan="4">第二十条第(一)项</td>'),
          tr("信息内容", "本年<br>制发件数", "本年废止件数", "现行有效件数"), tr("规章", "0", "0", "0"),
          tr("行政规范性文件", "3", "1", "17"), tr('<td colspan="4">第二十条第(五)项</td>'),
          tr("信息内容", '<td colspan="3">本年处理决定数量</td>'), tr("行政许可", '<td colspan="3">214</td>'),
          tr('<td colspan="4">第二十条第(六)项</td>'), tr("行政处罚", '<td colspan="3">58</td>'),
          tr("行政强制", '<td colspan="3">6</td>'), tr('<td colspan="4">第二十条第(八)项</td>'),
          tr("行政事业性收费", '<td colspan="3">1203.5万元</td>'), "</table>"]
    head = [tr('<td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>',
               '<td colspan="7">申请人情况</td>'),
            tr('<td rowspan="2">自然人</td>', '<td colspan="5">法人或其他组织</td>', '<td rowspan="2">总计</td>'),
            tr("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")]
    body = []
    spans = {"granted": ("三、本年度办理结果", 22), "denied.state_secret": ("（三）不予公开", 8),
             "unable.not_held": ("（四）无法提供", 3), "not_processed.complaint": ("（五）不予处理", 5),
             "other.no_correction": ("（六）其他处理", 3)}
    for row in ORDER:
        values = [f"<td>{v}</td>" for v in VALUES[row]]
        if row in ("new_received", "carried_over", "carried_forward"):
            body.append(tr(f'<td colspan="3">{LABELS[row]}</td>', *values))
            continue
        lead = []
        if row == "granted":
            lead.append(f'<td rowspan="22">{spans[row][0]}</td>')
        if row in spans and row != "granted":
            lead.append(f'<td rowspan="{spans[row][1]}">{spans[row][0]}</td>')
        if row in ("granted", "partial", "total_processed"):
            lead.append(f'<td colspan="2">{LABELS[row]}</td>')
        else:
            lead.append(f"<td>{LABELS[row]}</td>")
        body.append(tr(*lead, *values))
    html = ("<html><body><div class='crumb'>首页 &gt; 政务公开 &gt; 年报</div>"
            f"<h1>{PREAMBLE.splitlines()[0]}</h1><p>二、主动公开政府信息情况</p>" + "".join(t2)
            + "<p>三、收到和处理政府信息公开申请情况</p><table>" + "".join(head + body) + "</table>"
            + f"<p>{TAIL}</p></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    report = convert(str(path))
    tables = parse(report.text)
    assert t2_values(tables["t2"]) == T2_2021 and tables["t2"].layout == "2021"
    assert t3_read(tables["t3"]) == VALUES
    assert tables["t3"].shape == "tsv"


# --- name variants -------------------------------------------------------------------

def test_table_two_name_variants_pages_print():
    cells = ["第二十条第（一）项", "信息内容", "本年制发\n  数量", "本年废止\n  数量", "现行有效\n  数量",
             "规章", "0", "0", "0", "行政规范性文件", "3", "1", "17", "第二十条第（八）项", "信息内容", "本年收费金额",
             "行政事业收费", "12.5"]
    text = PREAMBLE + one_per_line(cells) + "三、收到和处理政府信息公开申请情况\n"
    t2 = parse(text)["t2"]
    assert t2.layout == "2021"
    assert t2.cells["t2.normative_docs.in_force"].value == 17
    assert t2.cells["t2.fees.amount"].value == 12.5
    text2019 = ("第二十条第（一）项\n信息内容\t本年制作数量\t本年新公开数量\t对外公开总数\n规章\t0\t0\t1\n"
                "第二十条第（五）项\n信息内容\t上一年项目数量\t本年增减\t处理决定数量\n其他对外管理服务\t4\t+1\t77\n"
                "第二十条第（十）项\n信息内容\t采购项目数量\t采购总金额\n政府采购\t9\t350万元\n"
                "三、收到和处理政府信息公开申请情况\n")
    t2 = parse(text2019)["t2"]
    assert t2.layout == "2019"
    assert [t2.cells[f"t2.other_services.{c}"].value for c in ("prev_items", "change", "decisions")] == [4, 1, 77]
    assert (t2.cells["t2.procurement.amount"].value, t2.cells["t2.procurement.amount"].unit) == (350, "万元")


# --- cut short -------------------------------------------------------------------------

def test_table_three_cut_short_one_cell_per_line_keeps_every_cell_printed():
    cells = t3_cells_one_per_line(ORDER[:4])
    text = PREAMBLE + "三、收到和处理政府信息公开申请情况\n\n" + one_per_line(cells)
    text += "  " + LABELS["denied.state_secret"] + "\n\n  0\n\n  0\n\n  1"  # the excerpt stops inside a number
    t3 = parse(text)["t3"]
    assert not t3.complete
    read = t3_read(t3)
    assert all(read[row] == VALUES[row] for row in ORDER[:4])
    assert read["denied.state_secret"] == ["0", "0"] + ["missing"] * 5  # "1" may be the start of "15"
    assert any("中断" in note for note in t3.notes)


def test_table_three_cut_short_never_fails_an_identity_on_a_cell_it_could_not_read():
    rows = [f"{LABELS[r]}\t" + "\t".join(VALUES[r]) for r in ORDER[:4]]
    # the page stops inside 予以公开's neighbour: a row with its total lost
    rows.append(LABELS["denied.state_secret"] + "\t0\t0\t0")
    text = PREAMBLE + "三、收到和处理政府信息公开申请情况\n申请人情况\t自然人\t总计\n" + "\n".join(rows)
    tables = parse(text)
    t3 = tables["t3"]
    assert [t3.cells[f"t3.denied.state_secret.{c}"].raw for c in T3_COLUMNS[:3]] == ["0", "0", "0"]
    assert "t3.denied.state_secret.total" not in t3.cells
    findings = {f.rule: f.status for f in check(tables)}
    assert "FAIL" not in findings.values()
    assert findings["t3.col_sum.granted"] == "PASS"
    assert findings["t3.col_sum.denied.state_secret"] == "NOT_ASSESSABLE"
    assert findings["t3.results_total.total"] == "NOT_ASSESSABLE"
    assert findings["t3.balance.total"] == "NOT_ASSESSABLE"


def test_a_zero_at_the_cut_is_kept_and_glued_digits_at_the_cut_are_not_read():
    head = PREAMBLE + "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
    t2 = parse(head + "规章\t0\t0\t0\n行政规范性文件\t3\t0")["t2"]
    assert [t2.cells[f"t2.normative_docs.{c}"].raw for c in ("issued", "repealed")] == ["3", "0"]
    assert "t2.normative_docs.in_force" not in t2.cells and not t2.complete
    assert any("中断" in note for note in t2.notes)
    glued = parse(PREAMBLE + "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
                  "规章000行政规范性文件317")["t2"]
    assert glued.cells["t2.regulations.in_force"].value == 0
    assert not any(k.startswith("t2.normative_docs") for k in glued.cells)  # 317 may be 3|1|17 cut short


def test_table_four_cut_short_keeps_the_values_before_the_cut():
    text = (PREAMBLE + "四、政府信息公开行政复议、行政诉讼情况\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
            "2\t0\t1\t0\t3\t0\t0\t1")
    t4 = parse(text)["t4"]
    assert [t4.cells[c].raw for c in T4_CELL_IDS[:7]] == ["2", "0", "1", "0", "3", "0", "0"]
    assert len(t4.cells) == 7 and not t4.complete
    findings = {f.rule: f.status for f in check({"t4": t4})}
    assert findings["t4.sum.review"] == "PASS"
    assert findings["t4.sum.litigation_direct"] == "NOT_ASSESSABLE"


def test_the_shape_goes_into_the_json_form_and_reads_back():
    table = Table(id="t2", layout="2021", shape="one_cell_per_line")
    d = table.to_dict()
    assert d["shape"] == "one_cell_per_line"
    assert Table.from_dict("t2", d) == table
    assert "shape" not in Table(id="t2").to_dict()


def test_published_total_printed_one_cell_per_line():
    cells = ["第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "规章", "0", "0", "0",
             "2020年本部门政府信息公开发布总数量（非新闻类、消息类）", "1,260条"]
    text = PREAMBLE + one_per_line(cells) + "三、收到和处理政府信息公开申请情况\n"
    cell = parse(text)["t2"].cells["t2.published_total"]
    assert (cell.value, cell.unit) == (1260, "条") and text[cell.start:cell.end] == cell.raw


def test_cell_pipe_lines_whose_last_cell_closes_the_row_with_empty_cells():
    def row(cells: list[str], width: int) -> list[str]:
        return [c + " |" for c in cells[:-1]] + [cells[-1] + " |" + " |" * (width - len(cells)), "|"]

    lines = ["第二十条第(一)项 | ||||", "|"] + row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], 5)
    lines += row(["规章", "0", "0", "0"], 5) + row(["行政规范性文件", "3", "1", "17"], 5)
    lines += ["第二十条第(五)项 | ||||", "|"] + row(["信息内容", "本年处理决定数量"], 5) + row(["行政许可", "214"], 5)
    t3 = ["申请人情况 |", "||||||||"] + sum((row([LABELS[r], *VALUES[r]], 9) for r in ORDER[:3]), [])
    text = (PREAMBLE + "二、主动公开政府信息情况\n" + "\n".join(lines) + "\n三、收到和处理政府信息公开申请情况\n"
            + "\n".join(t3))
    tables = parse(text)
    assert t2_values(tables["t2"]) == {k: T2_2021[k] for k in ("regulations", "normative_docs", "licensing")}
    assert tables["t2"].shape == "pipe_cells"
    assert all(t3_read(tables["t3"])[r] == VALUES[r] for r in ORDER[:3])


def test_one_cell_per_line_with_a_pipe_line_between_cells():
    cells = ["第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
             "规章", "0", "0", "0", "行政规范性文件", "3", "1", "17", "第二十条第(五)项", "信息内容", "本年处理决定数量",
             "行政许可", "214"]
    text = PREAMBLE + "二、主动公开政府信息情况\n" + "\n|\n".join(cells) + "\n|\n三、收到和处理政府信息公开申请情况\n"
    t2 = parse(text)["t2"]
    assert t2_values(t2) == {k: T2_2021[k] for k in ("regulations", "normative_docs", "licensing")}
    assert t2.shape == "one_cell_per_line"


def test_a_row_cut_short_after_a_closed_cell_keeps_that_cell():
    rows = [f"{LABELS[r]} | " + " | ".join(VALUES[r]) + " |" for r in ORDER[:3]]
    rows.append(LABELS["partial"] + " | 1 | 0 | 0 | 0 | 0 | 0 |")  # the page stops before its total
    text = PREAMBLE + "三、收到和处理政府信息公开申请情况\n申请人情况 | 自然人 | 总计 |\n" + "\n".join(rows)
    t3 = parse(text)["t3"]
    assert [t3.cells[f"t3.partial.{c}"].raw for c in T3_COLUMNS[:6]] == ["1", "0", "0", "0", "0", "0"]
    assert "t3.partial.total" not in t3.cells


def test_pipe_only_lines_inside_a_row_of_cell_pipe_lines_are_empty_cells():
    lines = ["第二十条第(一)项 |", "||||", "信息内容 |", "本年新制作数量 |", "本年新公开数量 |", "对外公开总数量 |", "|",
             "规章 |", "2 |", "2 |", "|", "|",  # 对外公开总数量 printed blank, then the row's end
             "规范性文件 |", "1 |", "1 | |", "|",  # its last cell blank on the line of the one before
             "第二十条第(五)项 |", "||||", "信息内容 |", "上一年项目数量 |", "本年增/减 |", "处理决定数量 |", "|",
             "行政许可 |", "31 |", "|", "409 |", "|",  # 本年增/减 printed blank
             "第二十条第(八)项 |", "||||", "行政事业型收费 |", "6 |", "-2 | ||"]
    text = PREAMBLE + "二、主动公开政府信息情况\n" + "\n".join(lines) + "\n三、收到和处理政府信息公开申请情况\n"
    t2 = parse(text)["t2"]

    def shown(cell_id):
        cell = t2.cells.get(cell_id)
        return "missing" if cell is None else (cell.value if cell.kind == "number" else cell.kind)

    assert [shown(f"t2.regulations.{c}") for c in ("new_made", "new_published", "total_published")] == [2, 2, "empty"]
    assert [shown(f"t2.normative_docs.{c}") for c in ("new_made", "new_published", "total_published")] == [
        1, 1, "empty"]
    assert [shown(f"t2.licensing.{c}") for c in ("prev_items", "change", "decisions")] == [31, "empty", 409]
    assert [shown(f"t2.fees.{c}") for c in ("prev_items", "change")] == [6, -2]
    for cell in t2.cells.values():
        assert text[cell.start:cell.end] == cell.raw


def test_a_page_cut_two_cells_into_table_two_printed_one_cell_per_line():
    text = PREAMBLE + "二、主动公开政府信息情况\n\n第二十条第（一）项\n\n信息内容\n\n本年制发件数\n\n本年废止件数\n\n现行有效件数\n\n规章\n\n0\n\n2"
    t2 = parse(text)["t2"]
    assert t2.cells["t2.regulations.issued"].value == 0
    assert "t2.regulations.repealed" not in t2.cells  # "2" may be the start of "25"
    assert not t2.complete


def test_ocr_markdown_cell_holding_two_numbers_is_split_when_the_row_is_a_cell_short():
    lines = ["| 申请人情况 | 自然人 | 总计 |", "|---|---|---|"]
    lines += [f"| {LABELS[r]} | " + " | ".join(VALUES[r]) + " |" for r in ORDER]
    granted = ORDER.index("granted") + 2
    lines[granted] = f"| {LABELS['granted']} | 2 1 | 0 | 0 | 0 | 0 | 3 |"  # the rule between 2 and 1 lost
    text = PREAMBLE + "三、收到和处理政府信息公开申请情况\n" + "\n".join(lines) + "\n\n" + TAIL
    t3 = parse(text)["t3"]
    assert t3_read(t3) == VALUES
    assert t3.cells["t3.granted.commercial"].value == 1
    assert text[t3.cells["t3.granted.commercial"].start] == "1"
