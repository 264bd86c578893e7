"""Tables printed as bare values under their section heading, the header words lost (a web
page copied as text that drops a table's header cells), probed with small pages written here
(a made-up township, 柳溪乡, and made-up numbers).  Read in the template's order only when the
values come to the template's count; numbers in sentences are never such a table."""
from __future__ import annotations

from nianbao.identities import check
from nianbao.ingest import convert
from nianbao.tables import parse
from nianbao.tables.ids import T2_ROWS, T3_COLUMNS, T3_ROW_ORDER, T4_CELL_IDS
from tests.tables.test_styles import LABELS
from tests.tables.test_text_copy_shapes import PREAMBLE, ROWS, T2_HEAD, T3_HEAD, T4, T4_HEAD, TAIL, t3_read

T4_OLD_HEAD = "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n"
ORDER = T3_ROW_ORDER["2021"]
# 表二, 2021 layout: 规章 0 0 0, 行政规范性文件 4 1 26, 许可 318, 处罚 40, 强制 2, 收费 12.5
T2_2021 = [["0", "0", "0"], ["4", "1", "26"], ["318"], ["40"], ["2"], ["12.5"]]
# 表二, 2019 layout (a 2020 report): eight rows of 3, 3, 3, 3, 3, 3, 2, 2 values
T2_2019 = [["0", "0", "0"], ["3", "3", "19"], ["21", "+1", "806"], ["2", "0", "35"], ["6", "-1", "44"],
           ["1", "0", "7"], ["1", "0"], ["9", "173.5"]]


def t4_page(body: str, head: str = T4_HEAD, tail: str = TAIL) -> str:
    return PREAMBLE + T3_HEAD + "本年度未收到政府信息公开申请。\n" + head + body + tail


def t4_read(table) -> list[str]:
    return [table.cells[c].raw if c in table.cells else "missing" for c in T4_CELL_IDS]


def t2_read(table) -> dict[str, list[str]]:
    read: dict[str, list[str]] = {}
    for cell_id, cell in table.cells.items():
        read.setdefault(cell_id.split(".")[1], []).append(cell.raw)
    return read


def t2_expected(layout: str, values: list[list[str]]) -> dict[str, list[str]]:
    return {spec.id: row for spec, row in zip(T2_ROWS[layout], values)}


# --- table 四 ---------------------------------------------------------------------------

def test_table_four_printed_as_fifteen_bare_values_under_its_heading_is_read_in_template_order():
    bodies = {
        "one per line": "\n".join(T4) + "\n",
        "one per line, blank lines and indents": "\n\n".join("  " + v for v in T4) + "\n",
        "one line, blanks": " ".join(T4) + "\n",
        "one line, tabs": "\t".join(T4) + "\n",
        "one line, pipes": "| " + " | ".join(T4) + " |\n",
        "three lines of five": "\n".join(" ".join(T4[i:i + 5]) for i in (0, 5, 10)) + "\n",
        "with a unit": "\n".join(v + "件" for v in T4) + "\n",
    }
    for shape, body in bodies.items():
        for head in (T4_HEAD, T4_OLD_HEAD):
            t4 = parse(t4_page(body, head))["t4"]
            assert [t4.cells[c].value for c in T4_CELL_IDS] == [int(v) for v in T4], shape
            assert t4.complete and t4.shape == "bare_values", shape
            assert any("按模板顺序推定" in n for n in t4.notes), shape
            assert all(f.status == "PASS" for f in check({"t4": t4}) if f.rule.startswith("t4.")), shape


def test_table_four_bare_values_after_header_words_kept_or_a_sentence_without_numbers():
    for lead in ("行政复议\n行政诉讼\n", "本年度行政复议、行政诉讼情况见下表。\n"):
        t4 = parse(t4_page(lead + "\n".join(T4) + "\n"))["t4"]
        assert t4_read(t4) == T4 and t4.shape == "bare_values"


def test_table_four_bare_values_followed_by_a_sentence_end_at_the_sentence():
    t4 = parse(t4_page("\n".join(T4) + "\n上述案件均已办结，共计2件。\n"))["t4"]
    assert t4_read(t4) == T4


def test_table_four_bare_values_cut_short_keep_what_was_printed_and_not_the_number_at_the_cut():
    values = ["1", "0", "0", "1", "2", "0", "1", "0", "0", "1", "0", "0", "12"]
    for body in ("\n".join(values), " ".join(values)):
        t4 = parse(PREAMBLE + T4_HEAD + body)["t4"]
        assert t4_read(t4) == values[:-1] + ["missing"] * 3  # 12 may have been 120 before the cut
        assert not t4.complete and any("中断" in n for n in t4.notes)
        statuses = {f.rule: f.status for f in check({"t4": t4})}
        assert statuses["t4.sum.review"] == "PASS" and statuses["t4.sum.litigation_direct"] == "PASS"
        assert statuses["t4.sum.litigation_after_review"] == "NOT_ASSESSABLE"


def test_a_heading_followed_by_a_sentence_with_numbers_is_no_table():
    for body in ("本年度行政复议0件，行政诉讼0件。\n",
                 "本年度行政复议2件，行政诉讼3件。\n" + "\n".join(T4) + "\n"):  # values after narrative: no table
        assert "t4" not in parse(t4_page(body))
    assert "t3" not in parse(PREAMBLE + T3_HEAD + "本年度新收申请9件，予以公开5件，结转下年度1件。\n" + T4_HEAD + TAIL)
    assert "t2" not in parse(PREAMBLE + T2_HEAD + "本年制发规范性文件4件，废止1件，现行有效26件。\n" + T3_HEAD)


def test_bare_values_that_do_not_come_to_the_template_count_are_no_table():
    assert "t4" not in parse(t4_page("\n".join(T4[:11]) + "\n"))  # not cut short: eleven values fit nothing
    assert "t4" not in parse(t4_page("1\n2\n3\n"))
    # lines of three are no row of 表四 (the table printed transposed, its names lost): not guessed
    assert "t4" not in parse(t4_page("\n".join(" ".join(T4[i::5]) for i in range(5)) + "\n"))


def test_bare_values_under_words_that_are_no_heading_line_are_no_table():
    text = PREAMBLE + "本年度行政复议、行政诉讼情况如下：\n" + " ".join(T4) + "\n" + TAIL
    assert "t4" not in parse(text)


# --- table 三 ---------------------------------------------------------------------------

def t3_bare_page(body: str) -> str:
    return PREAMBLE + T3_HEAD + body + T4_HEAD + "本年度无行政复议和行政诉讼。" + TAIL


def test_table_three_printed_as_rows_of_values_without_labels_is_read_in_template_row_order():
    bodies = {
        "rows, blanks": "\n".join(" ".join(ROWS[r]) for r in ORDER) + "\n",
        "rows, tabs": "\n".join("\t".join(ROWS[r]) for r in ORDER) + "\n",
        "one per line": "\n".join(v for r in ORDER for v in ROWS[r]) + "\n",
        "column header kept": "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
                              + "\n".join(" ".join(ROWS[r]) for r in ORDER) + "\n",
    }
    for shape, body in bodies.items():
        t3 = parse(t3_bare_page(body))["t3"]
        assert t3_read(t3) == ROWS, shape
        assert t3.complete and t3.shape == "bare_values", shape
        assert all(f.status == "PASS" for f in check({"t3": t3}) if f.rule.startswith("t3.")), shape


def test_table_three_bare_rows_in_the_2019_variant_read_its_single_other_row():
    order = T3_ROW_ORDER["2019"]
    rows = {r: ROWS.get(r, ["0"] * 7) for r in order}
    t3 = parse(t3_bare_page("\n".join(" ".join(rows[r]) for r in order) + "\n"))["t3"]
    assert {r: [t3.cells[f"t3.{r}.{c}"].raw for c in T3_COLUMNS] for r in order} == rows
    assert "t3.other.natural_person" in t3.cells and t3.complete


def test_table_three_bare_rows_cut_short_keep_the_rows_printed():
    lines = [" ".join(ROWS[r]) for r in ORDER[:3]] + ["0 0 1"]  # cut inside （二）部分公开
    t3 = parse(PREAMBLE + T3_HEAD + "\n".join(lines))["t3"]
    read = t3_read(t3)
    assert [read[r] for r in ORDER[:3]] == [ROWS[r] for r in ORDER[:3]]
    assert read["partial"] == ["0", "0"] + ["missing"] * 5  # the 1 the text stops in is left out
    assert not t3.complete
    statuses = {f.rule: f.status for f in check({"t3": t3})}
    assert statuses["t3.col_sum.new_received"] == "PASS" and statuses["t3.balance.total"] == "NOT_ASSESSABLE"


def test_table_three_bare_rows_cut_past_the_rows_both_variants_share_read_those_rows_only():
    lines = [" ".join(ROWS[r]) for r in ORDER[:22]]
    t3 = parse(PREAMBLE + T3_HEAD + "\n".join(lines) + "\n")["t3"]
    assert {k.rsplit(".", 1)[0] for k in t3.cells} == {f"t3.{r}" for r in ORDER[:20]}
    assert not t3.complete


# --- table 二 ---------------------------------------------------------------------------

def test_table_two_printed_as_rows_of_values_without_labels_is_read_by_its_layout_count():
    for layout, values, year in (("2021", T2_2021, "2021"), ("2019", T2_2019, "2020")):
        preamble = PREAMBLE.replace("2021", year)
        for body in ("\n".join(" ".join(v) for v in values), "\n".join("\t".join(v) for v in values),
                     "\n".join(x for v in values for x in v)):
            t2 = parse(preamble + T2_HEAD + body + "\n" + T3_HEAD)["t2"]
            assert t2.layout == layout and t2_read(t2) == t2_expected(layout, values)
            assert t2.complete and t2.shape == "bare_values"


def test_table_two_bare_values_cut_short_take_the_layout_of_the_report_year():
    values = ["0", "0", "0", "4", "1", "26"]
    t2 = parse(PREAMBLE + T2_HEAD + "\n".join(values[:5]) + "\n1")["t2"]  # cut inside 26
    assert t2.layout == "2021" and t2_read(t2) == {"regulations": ["0", "0", "0"], "normative_docs": ["4", "1"]}
    assert not t2.complete
    assert "t2" not in parse(PREAMBLE.replace("2021年", "") + T2_HEAD + "\n".join(values[:5]) + "\n1")


def test_a_table_found_by_its_header_words_ends_where_a_bare_table_heading_starts():
    lines = ["申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计"]
    lines += [f"{LABELS[r]}\t" + "\t".join(ROWS[r]) for r in ORDER]
    tables = parse(PREAMBLE + T3_HEAD + "\n".join(lines) + "\n" + T4_HEAD + "\n".join(T4) + TAIL)
    assert t3_read(tables["t3"]) == ROWS and tables["t3"].shape == "tsv"
    assert t4_read(tables["t4"]) == T4 and tables["t4"].start == tables["t3"].end


# --- headings as pages print them, and what a copy puts among the values ---------------

def test_table_four_bare_values_under_its_heading_as_pages_print_it():
    heads = ["4、政府信息公开行政复议、行政诉讼情况\n", "四、政府信息公开行政复议、行政诉讼情况：\n",
             "## 四、政府信息公开行政复议、行政诉讼情况\n", "**四、政府信息公开行政复议、行政诉讼情况**\n",
             "（四）政府信息公开行政复议、行政诉讼情况\n", "四、因政府信息公开申请行政复议、行政诉讼情况\n",
             "四、政府信息公开行政复议和行政诉讼情况\n", "四、因政府信息公开被申请行政复议、提起行政诉讼情况\n"]
    for head in heads:
        t4 = parse(t4_page("\n".join(T4) + "\n", head))["t4"]
        assert t4_read(t4) == T4, head
    t4 = parse(t4_page(" ".join(T4) + "\n", T4_HEAD.strip() + " "))["t4"]  # the values on the heading's line
    assert t4_read(t4) == T4


def test_table_four_bare_values_with_marks_page_numbers_and_full_width_digits():
    marks = ["/"] * 5 + T4[5:]
    t4 = parse(t4_page("\n".join(marks) + "\n"))["t4"]
    assert t4_read(t4) == marks and t4.cells["t4.review.total"].kind == "na"
    t4 = parse(t4_page("\n".join(T4[:7]) + "\n- 3 -\n" + "\n".join(T4[7:]) + "\n"))["t4"]
    assert t4_read(t4) == T4
    t4 = parse(t4_page("\n".join(chr(ord(v) + 0xFEE0) for v in T4) + "\n"))["t4"]
    assert [c.value for c in t4.cells.values()] == [int(v) for v in T4]


def test_table_three_header_kept_with_its_row_labels_lost_is_read_in_template_row_order():
    header = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    bodies = {
        "header one cell per line, values one per line": "\n".join(header) + "\n"
                                                          + "\n".join(v for r in ORDER for v in ROWS[r]) + "\n",
        "header tab row, rows of values": "\t".join(header) + "\n" + "\n".join("\t".join(ROWS[r]) for r in ORDER) + "\n",
    }
    for shape, body in bodies.items():
        t3 = parse(t3_bare_page(body))["t3"]
        assert t3_read(t3) == ROWS and t3.shape == "bare_values", shape


def test_table_two_header_kept_with_its_row_labels_lost_is_read_in_template_row_order():
    body = "信息内容 本年制发件数 本年废止件数 现行有效件数\n" + "\n".join(" ".join(v) for v in T2_2021) + "\n"
    t2 = parse(PREAMBLE + T2_HEAD + body + T3_HEAD)["t2"]
    assert t2_read(t2) == t2_expected("2021", T2_2021) and t2.shape == "bare_values"


def test_a_heading_running_on_into_a_sentence_is_no_heading_line():
    text = PREAMBLE + "四、政府信息公开行政复议、行政诉讼情况本年度无。\n" + " ".join(T4) + "\n" + TAIL
    assert "t4" not in parse(text)


def test_an_html_table_of_values_only_under_the_heading_is_read_as_bare_values(tmp_path):
    empty = "<tr>" + "<td></td>" * 15 + "</tr>"  # header cells printed as images: empty in the text
    for rows in ("<tr>" + "".join(f"<td>{v}</td>" for v in T4) + "</tr>",
                 empty + "<tr>" + "".join(f"<td>{v}</td>" for v in T4) + "</tr>",
                 "".join("<tr>" + "".join(f"<td>{v}</td>" for v in T4[i:i + 5]) + "</tr>" for i in (0, 5, 10))):
        path = tmp_path / "page.html"
        path.write_text("<html><body><h1>柳溪乡人民政府2021年政府信息公开工作年度报告</h1>"
                        f"<p>{T4_HEAD.strip()}</p><table>{rows}</table><p>{TAIL.strip()}</p></body></html>",
                        encoding="utf-8")
        t4 = parse(convert(str(path)).text)["t4"]
        assert t4_read(t4) == T4 and t4.shape == "bare_values"
