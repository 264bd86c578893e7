"""Shapes a web page's text copy gives the tables, probed with small pages written here (a
made-up township, 柳溪乡, and made-up numbers): a whole table on one line, table 四's values
printed after the words naming them, row labels broken over two printed lines, table 三's
columns in another order or only its 总计 column."""
from __future__ import annotations

from nianbao.identities import check
from nianbao.tables import parse
from nianbao.tables.ids import T3_COLUMNS, T3_ROW_ORDER, T4_CELL_IDS
from tests.tables.test_styles import LABELS

PREAMBLE = "柳溪乡人民政府2021年政府信息公开工作年度报告\n\n一、总体情况\n本乡全年主动公开信息37条。\n\n"
T2_HEAD = "二、主动公开政府信息情况\n"
T3_HEAD = "三、收到和处理政府信息公开申请情况\n"
T4_HEAD = "四、政府信息公开行政复议、行政诉讼情况\n"
TAIL = "\n五、存在的主要问题及改进情况\n信息更新不够及时。\n"
ORDER = T3_ROW_ORDER["2021"]
# a table 三 that adds up: 9 new, 1 carried over; 5 granted, 3 not held, 1 duplicate; 1 carried forward
ROWS = {row: ["0"] * 7 for row in ORDER}
ROWS.update({
    "new_received": ["7", "1", "0", "0", "1", "0", "9"], "carried_over": ["1", "0", "0", "0", "0", "0", "1"],
    "granted": ["4", "1", "0", "0", "0", "0", "5"], "unable.not_held": ["2", "0", "0", "0", "1", "0", "3"],
    "not_processed.duplicate": ["1", "0", "0", "0", "0", "0", "1"],
    "total_processed": ["7", "1", "0", "0", "1", "0", "9"], "carried_forward": ["1", "0", "0", "0", "0", "0", "1"],
})
T4 = ["1", "0", "0", "1", "2", "0", "1", "0", "0", "1", "0", "0", "0", "1", "1"]
T4_COLUMN_WORDS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
T4_ROW_WORDS = ["行政复议", "未经复议直接起诉", "复议后起诉"]


def raw(table, cell_id):
    cell = table.cells.get(cell_id)
    return "missing" if cell is None else cell.raw


def t3_read(table, columns=T3_COLUMNS):
    return {row: [raw(table, f"t3.{row}.{c}") for c in columns] for row in ORDER}


def t3_page(lines: list[str]) -> str:
    return PREAMBLE + T3_HEAD + "\n".join(lines) + "\n" + T4_HEAD + "本年度无行政复议和行政诉讼。" + TAIL


# --- a whole table on one line ----------------------------------------------------------

def test_a_whole_table_two_on_one_line_with_tabs_or_pipes_reads_every_row():
    cells = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "0", "0", "0",
             "行政规范性文件", "4", "1", "26", "第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可", "318",
             "第二十条第（六）项", "信息内容", "本年处理决定数量", "行政处罚", "40", "行政强制", "2",
             "第二十条第（八）项", "信息内容", "本年收费金额（单位：万元）", "行政事业性收费", "12.5"]
    expected = {"regulations": ["0", "0", "0"], "normative_docs": ["4", "1", "26"], "licensing": ["318"],
                "punishment": ["40"], "coercion": ["2"], "fees": ["12.5"]}
    for line in ("\t".join(cells), "| " + " | ".join(cells) + " |"):
        text = PREAMBLE + T2_HEAD + line + "\n" + T3_HEAD
        t2 = parse(text)["t2"]
        read: dict[str, list[str]] = {}
        for cell_id, cell in t2.cells.items():
            read.setdefault(cell_id.split(".")[1], []).append(cell.raw)
        assert read == expected
        assert t2.complete
        for cell in t2.cells.values():
            assert text[cell.start:cell.end] == cell.raw


# --- table 四: values after the words naming them ---------------------------------------

def test_table_four_values_printed_one_to_a_line_after_the_words_naming_them():
    for sep in (" ", "：", "  "):
        lines = []
        for i, name in enumerate(T4_ROW_WORDS):
            lines.append(name)
            lines += [f"{word}{sep}{value}" for word, value in zip(T4_COLUMN_WORDS, T4[5 * i:5 * i + 5])]
        text = PREAMBLE + T4_HEAD + "\n".join(lines) + TAIL
        t4 = parse(text)["t4"]
        assert [raw(t4, c) for c in T4_CELL_IDS] == T4
        assert t4.complete and t4.shape == "text_rows"
        assert {f.rule: f.status for f in check({"t4": t4})}["t4.sum.review"] == "PASS"


def test_table_four_rows_printed_with_their_names_and_blank_separated_values():
    lines = ["行政复议 " + " ".join(T4_COLUMN_WORDS)]
    lines += [name + " " + " ".join(T4[5 * i:5 * i + 5]) for i, name in enumerate(T4_ROW_WORDS)]
    t4 = parse(PREAMBLE + T4_HEAD + "\n".join(lines) + TAIL)["t4"]
    assert [raw(t4, c) for c in T4_CELL_IDS] == T4


def test_table_four_rows_in_another_order_are_placed_by_their_names():
    lines = ["\t".join([""] + T4_COLUMN_WORDS)]
    for i in (2, 0, 1):  # 复议后起诉 first
        lines.append("\t".join([T4_ROW_WORDS[i]] + T4[5 * i:5 * i + 5]))
    t4 = parse(PREAMBLE + T4_HEAD + "\n".join(lines) + TAIL)["t4"]
    assert [raw(t4, c) for c in T4_CELL_IDS] == T4


def test_table_four_printed_transposed_is_read_by_its_row_and_column_names():
    for sep in ("\t", " "):
        lines = [sep.join(["类别"] + T4_ROW_WORDS)]
        for j, word in enumerate(T4_COLUMN_WORDS):  # one line per result, the three kinds across
            lines.append(sep.join([word] + [T4[5 * i + j] for i in range(3)]))
        t4 = parse(PREAMBLE + T4_HEAD + "\n".join(lines) + TAIL)["t4"]
        assert [raw(t4, c) for c in T4_CELL_IDS] == T4
        assert t4.complete and t4.notes
        assert all(f.status == "PASS" for f in check({"t4": t4}) if f.rule.startswith("t4."))


def test_table_four_printed_transposed_and_cut_short_places_what_it_printed():
    lines = ["\t".join(["类别"] + T4_ROW_WORDS)]
    for j, word in enumerate(T4_COLUMN_WORDS[:3]):  # the page stops after 其他结果's line
        lines.append("\t".join([word] + [T4[5 * i + j] for i in range(3)]))
    t4 = parse(PREAMBLE + T4_HEAD + "\n".join(lines))["t4"]
    printed = {T4_CELL_IDS[5 * i + j]: T4[5 * i + j] for j in range(3) for i in range(3)}
    assert {c: cell.raw for c, cell in t4.cells.items()} == printed  # a 0 at the cut cannot have lost digits
    t4 = parse(PREAMBLE + T4_HEAD + "\n".join(lines[:-1]) + "\n其他结果\t0\t0\t3")["t4"]
    assert "t4.litigation_after_review.other" not in t4.cells  # a 3 at the cut may be 3x
    assert not t4.complete
    assert {f.rule: f.status for f in check({"t4": t4})}["t4.sum.review"] == "NOT_ASSESSABLE"


def test_table_four_values_apart_that_do_not_come_to_fifteen_are_not_placed():
    lines = [f"{word} {value}" for word, value in zip(T4_COLUMN_WORDS, T4[:5])]  # one row of three printed
    t4 = parse(PREAMBLE + T4_HEAD + "行政复议\n" + "\n".join(lines) + TAIL)["t4"]
    assert not t4.cells and t4.notes


# --- a row label broken over two printed lines -------------------------------------------

def _halves(label: str) -> tuple[str, str]:
    cut = max(2, len(label) // 2)
    return label[:cut], label[cut:]


def test_a_row_label_broken_over_two_printed_lines_is_joined_back():
    header = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    styles = {
        "tsv": lambda cells: "\t".join(cells),
        "pipe_rows": lambda cells: "| " + " | ".join(cells) + " |",
        "text_rows": lambda cells: " ".join(cells),
    }
    for shape, row in styles.items():
        lines = [row(header)]
        for r in ORDER:
            first, rest = _halves(LABELS[r])
            lines += [row([first]), row([rest] + ROWS[r])]
        t3 = parse(t3_page(lines))["t3"]
        assert t3_read(t3) == ROWS, shape
        assert t3.shape == shape


def test_a_label_printed_alone_is_not_joined_to_the_numbered_row_after_it():
    lines = ["申请人情况\t自然人\t法人或其他组织\t总计\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"]
    for r in ORDER:
        if r == "denied.enforcement_file":
            lines.append(LABELS[r])  # its cells dropped from the copy: the label alone, on a line of its own
        else:
            lines.append("\t".join([LABELS[r]] + ROWS[r]))
    t3 = parse(t3_page(lines))["t3"]
    assert t3_read(t3)["denied.admin_query"] == ROWS["denied.admin_query"]
    assert t3_read(t3)["denied.enforcement_file"] == ["missing"] * 7


# --- table 三: the columns the header prints ---------------------------------------------

PRINTED = ("total", "natural_person", "commercial", "research", "social_org", "legal_service", "other_org")
WORDS = {"natural_person": "自然人", "commercial": "商业企业", "research": "科研机构", "social_org": "社会公益组织",
         "legal_service": "法律服务机构", "other_org": "其他", "total": "总计"}


def _in_printed_order(row: str, printed=PRINTED) -> list[str]:
    return [ROWS[row][T3_COLUMNS.index(c)] for c in printed]


def test_table_three_columns_read_in_the_order_a_one_level_header_prints_them():
    legal_first = ("commercial", "research", "social_org", "legal_service", "other_org", "natural_person", "total")
    for printed in (PRINTED, legal_first):
        head = ["申请人情况"] + [WORDS[c] for c in printed]
        tsv = ["\t".join(head)] + ["\t".join([LABELS[r]] + _in_printed_order(r, printed)) for r in ORDER]
        per_line = [c for r in ORDER for c in [LABELS[r]] + _in_printed_order(r, printed)]
        for text in (t3_page(tsv), t3_page(head + per_line)):
            t3 = parse(text)["t3"]
            assert t3_read(t3) == ROWS
            assert t3.complete
            findings = [f for f in check({"t3": t3}) if f.rule.startswith("t3.")]
            assert findings and all(f.status == "PASS" for f in findings)


def test_table_three_columns_read_in_the_grid_order_of_a_two_level_header():
    head = ["申请人情况\t总计\t自然人\t法人或其他组织\t\t\t\t", "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"]
    lines = head + ["\t".join([LABELS[r]] + _in_printed_order(r)) for r in ORDER]
    assert t3_read(parse(t3_page(lines))["t3"]) == ROWS
    # the template's header, 总计 printed in its first row: read in the template's order
    head = ["申请人情况\t\t\t\t\t\t\t总计", "\t自然人\t法人或其他组织\t\t\t\t\t", "\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t"]
    lines = head + ["\t".join([LABELS[r]] + ROWS[r]) for r in ORDER]
    assert t3_read(parse(t3_page(lines))["t3"]) == ROWS


def test_a_two_level_header_read_as_a_stream_of_cells_keeps_the_template_order():
    # one cell per line, 总计 read before 自然人: its reading order is not its column order
    cells = ["申请人情况", "总计", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    cells += [c for r in ORDER for c in [LABELS[r]] + ROWS[r]]
    assert t3_read(parse(t3_page(cells))["t3"]) == ROWS


def test_table_three_printing_only_its_total_column():
    totals = {r: ROWS[r][-1] for r in ORDER}
    pages = {
        "tsv": ["申请人情况\t总计"] + [f"{LABELS[r]}\t{totals[r]}" for r in ORDER],
        "markdown": ["| 申请人情况 | 总计 |", "|---|---|"] + [f"| {LABELS[r]} | {totals[r]} |" for r in ORDER],
        "one_cell_per_line": ["申请人情况", "总计"] + [c for r in ORDER for c in (LABELS[r], totals[r])],
    }
    for shape, lines in pages.items():
        t3 = parse(t3_page(lines))["t3"]
        assert t3.shape == shape
        assert {r: raw(t3, f"t3.{r}.total") for r in ORDER} == totals
        assert not any(k.endswith(".natural_person") for k in t3.cells)
        assert not t3.complete
        statuses = {f.rule: f.status for f in check({"t3": t3})}
        assert statuses["t3.balance.total"] == "PASS"
        assert statuses["t3.results_total.total"] == "PASS"
        assert "FAIL" not in statuses.values()


# --- flattened rows (blank-separated values): the values as pages print them -----------

T2_2019 = [("第二十条第（一）项", "信息内容 本年新制作数量 本年新公开数量 对外公开总数量"),
           ("规章", ["0", "0", "0"]), ("规范性文件", ["3", "3", "28"]),
           ("第二十条第（五）项", "信息内容 上一年项目数量 本年增/减 处理决定数量"),
           ("行政许可", ["19", "+1", "2,046"]), ("其他对外管理服务事项", ["6", "-2", "130"])]
T2_2019_VALUES = {"regulations": [0, 0, 0], "normative_docs": [3, 3, 28], "licensing": [19, 1, 2046],
                  "other_services": [6, -2, 130]}


def _t2_2019_values(text):
    t2 = parse(text)["t2"]
    read: dict[str, list] = {}
    for cell_id, cell in t2.cells.items():
        read.setdefault(cell_id.split(".")[1], []).append(cell.value)
    return t2, read


def _t2_2019_page(value, sep=" ", after_label=" "):
    lines = []
    for label, cells in T2_2019:
        lines.append(label + "\n" + cells if isinstance(cells, str) else
                     label + after_label + sep.join(value(c) for c in cells))
    return PREAMBLE + T2_HEAD + "\n".join(lines) + "\n" + T3_HEAD


def test_flattened_rows_read_thousands_commas_as_one_number():
    t2, read = _t2_2019_values(_t2_2019_page(lambda c: c))
    assert read == T2_2019_VALUES  # 2,046 was read as 2 before
    assert t2.shape == "text_rows"


def test_flattened_rows_read_full_width_digits_and_signs():
    full = str.maketrans("0123456789+-", "０１２３４５６７８９＋－")
    _, read = _t2_2019_values(_t2_2019_page(lambda c: c.translate(full), sep="\u3000"))
    assert read == T2_2019_VALUES


def test_flattened_rows_read_a_unit_printed_after_each_value():
    text = _t2_2019_page(lambda c: c if c.startswith(("+", "-")) else c + "件")
    t2, read = _t2_2019_values(text)
    assert read == T2_2019_VALUES
    assert t2.cells["t2.licensing.decisions"].unit == "件"
    for cell in t2.cells.values():
        assert text[cell.start:cell.end] == cell.raw


def test_flattened_rows_whose_label_ends_in_a_colon():
    _, read = _t2_2019_values(_t2_2019_page(lambda c: c, after_label="："))
    assert read == T2_2019_VALUES
    lines = [f"{LABELS[r]}：" + " ".join(ROWS[r]) for r in ORDER]
    assert t3_read(parse(t3_page(lines))["t3"]) == ROWS  # 3.其他： too


def test_flattened_rows_read_a_change_written_in_words_before_its_number():
    words = {"+1": "增加1", "-2": "减少2"}
    t2, read = _t2_2019_values(_t2_2019_page(lambda c: words.get(c, c)))
    assert read == T2_2019_VALUES
    assert t2.cells["t2.other_services.change"].raw == "减少2"


def test_table_two_rows_printed_as_a_label_line_then_a_line_of_values():
    lines = []
    for label, cells in T2_2019:
        lines += [label, cells if isinstance(cells, str) else " ".join(cells)]
    _, read = _t2_2019_values(PREAMBLE + T2_HEAD + "\n".join(lines) + "\n" + T3_HEAD)
    assert read == T2_2019_VALUES


# --- markdown ----------------------------------------------------------------------------

def test_markdown_labels_broken_with_br_name_their_rows():
    lines = ["| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |", "|---" * 8 + "|"]
    for r in ORDER:
        label = LABELS[r] if len(LABELS[r]) < 10 else LABELS[r][:6] + "<br>" + LABELS[r][6:]
        lines.append("| " + " | ".join([label] + ROWS[r]) + " |")
    t3 = parse(t3_page(lines))["t3"]
    assert t3_read(t3) == ROWS
    assert t3.complete


# --- header words in prose ---------------------------------------------------------------

def test_table_four_header_words_in_a_sentence_are_no_table():
    prose = "（二）依申请公开情况。本年度因信息公开引发行政复议3件，结果维持2件，尚未审结1件；行政诉讼0件。\n"
    assert "t4" not in parse(PREAMBLE + prose + TAIL)
    table = T4_HEAD + "行政复议\n" + "\n".join(f"{w} {v}" for w, v in zip(T4_COLUMN_WORDS, T4[:5]))
    table += "\n" + "\n".join(f"{name} " + " ".join(T4[5 * i:5 * i + 5]) for i, name in enumerate(T4_ROW_WORDS[1:], 1))
    t4 = parse(PREAMBLE + prose + table + TAIL)["t4"]
    assert [raw(t4, c) for c in T4_CELL_IDS] == T4



def test_table_four_header_words_in_a_sentence_broken_over_lines_are_no_table():
    prose = T4_HEAD + "本年度共发生行政复议2件，\n其中结果维持1件，\n尚未审结1件。\n"
    assert "t4" not in parse(PREAMBLE + prose + TAIL)


# --- tables found by what they print -----------------------------------------------------

def test_table_two_found_by_header_word_variants_when_no_section_row_is_printed():
    rows = ["规章\t0\t0\t0", "行政规范性文件\t4\t1\t26", "信息内容\t本年处理决定数量", "行政许可\t318"]
    for words in (("本年新制发件数", "本年废止件数", "现行有效件数"), ("本年制发数量", "本年废止数量", "现行有效数量")):
        text = PREAMBLE + "信息内容\t" + "\t".join(words) + "\n" + "\n".join(rows) + "\n" + T3_HEAD
        t2 = parse(text)["t2"]
        assert t2.layout == "2021"
        assert [raw(t2, f"t2.normative_docs.{c}") for c in ("issued", "repealed", "in_force")] == ["4", "1", "26"]
        assert raw(t2, "t2.licensing.decisions") == "318"


def test_table_three_found_by_its_first_numbered_row_when_no_header_is_printed():
    short = {"new_received": "一、本年新收申请", "carried_over": "二、上年结转申请"}
    lines = ["\t".join([short.get(r, LABELS[r])] + ROWS[r]) for r in ORDER]
    text = PREAMBLE + "\n".join(lines) + "\n" + T4_HEAD + "本年度无行政复议和行政诉讼。" + TAIL
    assert t3_read(parse(text)["t3"]) == ROWS
    # the same words in a sentence open no table
    assert "t3" not in parse(PREAMBLE + "本年新收申请9件，上年结转1件。\n" + TAIL)


def test_table_four_found_by_a_header_that_drops_the_word_for_result():
    words = ["维持", "纠正", "其他", "尚未审结", "总计"]
    head = ["| 行政复议 | | | | | 行政诉讼 |", "| " + " | ".join(words + ["未经复议直接起诉", "复议后起诉"]) + " |",
            "| " + " | ".join(words * 2) + " |"]
    t4 = parse(PREAMBLE + T4_HEAD + "\n".join(head) + "\n| " + " | ".join(T4) + " |" + TAIL)["t4"]
    assert [raw(t4, c) for c in T4_CELL_IDS] == T4


# --- label wordings ----------------------------------------------------------------------

def test_table_three_label_wordings_pages_print():
    wordings = {"new_received": "一、本年度新收政府信息公开申请数量", "carried_over": "二、上年度结转政府信息公开申请数量",
                "total_processed": "（七）合计", "carried_forward": "四、结转下一年度继续办理"}
    lines = ["\t".join(["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])]
    lines += ["\t".join([wordings.get(r, LABELS[r])] + ROWS[r]) for r in ORDER]
    t3 = parse(t3_page(lines))["t3"]
    assert t3_read(t3) == ROWS
    assert all(f.status == "PASS" for f in check({"t3": t3}) if f.rule.startswith("t3."))


def test_a_bare_total_label_with_values_is_the_total_row_and_the_header_total_is_not():
    lines = ["申请人情况 自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"]
    lines += [" ".join(["总计" if r == "total_processed" else LABELS[r]] + ROWS[r]) for r in ORDER]
    assert t3_read(parse(t3_page(lines))["t3"]) == ROWS
    tsv = ["\t".join(["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])]
    tsv += ["\t".join(["总计" if r == "total_processed" else LABELS[r]] + ROWS[r]) for r in ORDER]
    assert t3_read(parse(t3_page(tsv))["t3"]) == ROWS
