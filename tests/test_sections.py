"""Section segmentation, title, year and issuer: pinned on the seeds and the real corpus."""
from __future__ import annotations

import pytest

from nianbao.ingest import convert
from nianbao.report import SECTION_IDS
from nianbao.sections import find_subheadings, segment
from tests.conftest import real_path, seed_path

# (doc, title, year, issuer, [(section id, start, heading as printed)]) — checked by hand
PINNED = [
    ("000", "会展街道2020年政府信息公开工作报告", 2020, "会展街道",
     [("overview", 238, "一、总体情况"), ("proactive", 2625, "2、 主动公开政府信息情况"),
      ("applications", 2778, "三、收到和处理政府信息公开申请情况"),
      ("review_litigation", 3836, "四、政府信息公开行政复议、行政诉讼情况"),
      ("problems", 4031, "五、存在的主要问题及改进情况"), ("other", 4385, "六、其他需要报告的事项")]),
    ("001", "绿园区同心街道2020年政府信息公开工作年度报告", 2020, "绿园区同心街道",
     [("overview", 28, "一、总体情况"), ("proactive", 495, "二、主动公开政府信息情况"),
      ("applications", 913, "三、收到和处理政府信息公开申请情况"),
      ("review_litigation", 1970, "四、政府信息公开行政复议、行政诉讼情况"),
      ("problems", 2165, "五、存在的主要问题及改进情况"), ("other", 2570, "六、其他需要报告的事项")]),
    ("002", "临清市大辛庄街道办事处2020年政府信息公开工作年度报告", 2020, "临清市大辛庄街道办事处",
     [("overview", 184, "一、总体情况"), ("proactive", 3570, "二、主动公开政府信息情况"),
      ("applications", 3945, "三、收到和处理政府信息公开申请情况"),
      ("review_litigation", 5006, "四、政府信息公开行政复议、行政诉讼情况"),
      ("problems", 5225, "五、存在的主要问题及改进情况"), ("other", 5412, "六、其他需要报告的事项")]),
    ("003", "芝罘区只楚街道办事处 2020 年政府信息公开工作年度报告", 2020, "芝罘区只楚街道办事处",
     [("overview", 262, "一、总体情况"), ("proactive", 2359, "二、主动公开政府信息情况"),
      ("applications", 2658, "三、收到和处理政府信息公开申请情况"),
      ("review_litigation", 3600, "四、政府信息公开行政复议、行政诉讼情况"),
      ("problems", 3777, "五、存在的主要问题及改进情况"), ("other", 4199, "六、其他需要报告的事项")]),
    ("004", None, 2020, None,  # starts mid-report: no title, no 一/二 headings
     [("applications", 1840, "三、收到和处理政府信息公开申请情况"),
      ("review_litigation", 1965, "四、政府信息公开行政复议、行政诉讼情况"),
      ("problems", 1985, "五、存在的主要问题及改进情况"), ("other", 3205, "六、其他需要报告的事项")]),
    # pt2019/pt2020: the report's own title line, not the scraper's 标题: header (which adds 度)
    ("pt2019", "平潭综合实验区2019年政府信息公开工作年度报告", 2019, "平潭综合实验区",
     [("overview", 743, "一、总体情况"), ("proactive", 4579, "二、主动公开政府信息情况"),
      ("applications", 4833, "三、收到和处理政府信息公开申请情况"),
      ("review_litigation", 5423, "四、政府信息公开行政复议、行政诉讼情况"),
      ("problems", 5533, "五、存在的主要问题及改进情况"), ("other", 6284, "六、其他需要报告的事项")]),
    ("pt2020", "平潭综合实验区2020年政府信息公开工作年度报告", 2020, "平潭综合实验区",
     [("overview", 805, "一、总体情况"), ("proactive", 4890, "二、主动公开政府信息情况"),
      ("applications", 5152, "三、收到和处理政府信息公开申请情况"),
      ("review_litigation", 5743, "四、政府信息公开行政复议、行政诉讼情况"),
      ("problems", 5853, "五、存在的主要问题及改进情况"), ("other", 6196, "六、其他需要报告的事项")]),
    ("pt2021", "平潭综合实验区2021年度政府信息公开工作年度报告", 2021, "平潭综合实验区",
     [("overview", 797, "一、总体情况"), ("proactive", 2356, "二、主动公开政府信息情况"),
      ("applications", 2531, "三、收到和处理政府信息公开申请情况"),
      ("review_litigation", 3191, "四、政府信息公开行政复议、行政诉讼情况"),
      ("problems", 3303, "五、存在的主要问题及改进情况"), ("other", 3614, "六、其他需要报告的事项")]),
    ("pt2022", "平潭综合实验区2022年度政府信息公开工作年度报告", 2022, "平潭综合实验区",
     [("overview", 555, "一、总体情况"), ("proactive", 2598, "二、主动公开政府信息情况"),
      ("applications", 2770, "三、收到和处理政府信息公开申请情况"),
      ("review_litigation", 3469, "四、政府信息公开行政法复议、行政诉讼情况"),
      ("problems", 3600, "五、存在的主要问题及改进情况"), ("other", 3964, "六、其他需要报告的事项")]),
    ("shuyang2025", "沐阳县人民政府 2025 年 政府信息公开工作年度报告", 2025, "沐阳县人民政府",
     [("overview", 202, "一、总体情况"), ("proactive", 3018, "二、主动公开政府信息情况"),
      ("applications", 3363, "三、收到和处理政府信息公开申请情况"),
      ("review_litigation", 5759, "四、政府信息公开行政复议、行政诉讼情况"),
      ("problems", 6165, "五、政府信息公开工作存在的主要问题及改进情况"),
      ("other", 6599, "六、其他需要报告的事项")]),
    ("kewei2024", "2024 年上海市科委政府信息公开工作年度报告", 2024, "上海市科委",
     [("overview", 279, "一、总体情况"), ("proactive", 1747, "一、主动公开政府信息情况"),
      ("applications", 1991, "二、收到和处理政府信息公开申请情况"),
      ("review_litigation", 3879, "三、政府信息公开行政复议、行政诉讼情况"),
      ("problems", 4193, "（一）主要问题"), ("other", 4445, "五、其他需要报告的事项")]),
    ("hongze2024", "淮安市洪泽区人民政府2024 年政府信息公开工作年度报告", 2024, "淮安市洪泽区人民政府",
     [("overview", 218, "一、总体情况"), ("proactive", 984, "二、主动公开政府信息情况"),
      ("applications", 1186, "三、收到和处理政府信息公开申请情况"),
      ("review_litigation", 2013, "四、政府信息公开行政复议、行政诉讼情况"),
      ("problems", 2183, "五、存在的主要问题及改进情况"), ("other", 2574, "六、其他需要报告的事项")]),
]


def _text(doc: str) -> str:
    path = seed_path(doc) if doc.isdigit() else real_path(doc)
    return convert(str(path)).text


@pytest.mark.parametrize("doc, title, year, issuer, expected", PINNED, ids=[p[0] for p in PINNED])
def test_sections_title_year_and_issuer_of_every_known_report(doc, title, year, issuer, expected):
    text = _text(doc)
    outline = segment(text)
    assert (outline.title, outline.year, outline.issuer) == (title, year, issuer)
    assert [(s.id, s.start, s.title) for s in outline.sections] == expected
    for i, s in enumerate(outline.sections):
        assert text[s.start:s.start + len(s.title)] == s.title
        assert s.end == (outline.sections[i + 1].start if i + 1 < len(outline.sections) else len(text))


def test_pingtan_issuer_is_the_same_every_year():
    issuers = {segment(_text(doc)).issuer for doc in ("pt2019", "pt2020", "pt2021", "pt2022")}
    assert issuers == {"平潭综合实验区"}


def test_seed_000_misnumbered_heading_inside_overview_is_not_a_section():
    text = _text("000")
    outline = segment(text)
    overview = outline.sections[0]
    assert "五、提升工作质量" in text[overview.start:overview.end]


def test_absent_sections_stay_absent_and_are_warned():
    outline = segment(_text("004"))
    assert "overview" not in [s.id for s in outline.sections]
    assert "sections: no heading found for overview, proactive" in outline.warnings


# --- small texts for one behaviour each ------------------------------------------------------

INTRO = ("本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
         "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况和其他需要报告的事项六部分。")


def test_intro_sentence_listing_the_six_names_is_not_a_heading():
    text = f"某区2021年政府信息公开工作年度报告\n{INTRO}\n一、总体情况\n正文。\n六、其他需要报告的事项\n无。"
    outline = segment(text)
    assert [(s.id, s.start) for s in outline.sections] == [
        ("overview", text.index("一、总体情况")), ("other", text.index("六、其他需要报告的事项"))]


def test_heading_glued_to_the_text_before_and_after_it_is_found():
    text = ("标题: 平潭综合实验区2019年度政府信息公开工作年度报告\n正文\n" + INTRO +
            "可在网站下载。一、总体情况2019年，我区……宣传。二、主动公开政府信息情况 第二十条"
            "政府集中采购13575394432.52元三、收到和处理政府信息公开申请情况（本列数据）"
            "总计000 四、政府信息公开行政法复议、行政诉讼情况行政复议"
            "总计10203五、存在的主要问题及改进情况（一）问题。六、其他需要报告的事项 无")
    outline = segment(text)
    assert [s.title for s in outline.sections] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政法复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    assert outline.title == "平潭综合实验区2019年度政府信息公开工作年度报告"


def test_markdown_heading_starts_at_its_number_not_at_the_hashes():
    text = "# 某县 2022 年政府信息公开工作年度报告\n\n## 一、总体情况\n\n正文\n\n#### 四、因政府信息公开申请行政复议、提起行政诉讼的情况\n"
    outline = segment(text)
    assert [(s.id, s.title, s.start) for s in outline.sections] == [
        ("overview", "一、总体情况", text.index("一、")),
        ("review_litigation", "四、因政府信息公开申请行政复议、提起行政诉讼的情况", text.index("四、"))]
    assert (outline.title, outline.year, outline.issuer) == ("某县 2022 年政府信息公开工作年度报告", 2022, "某县")


def test_restarted_numbering_and_problems_without_heading():
    text = ("2024 年上海市科委政府信息公开工作\n年度报告\n一、总体情况\n概况。\n二、工作机制保障\n……\n"
            "三、主动公开工作情况\n……\n一、主动公开政府信息情况\n表\n二、收到和处理政府信息公开申请情况\n表\n"
            "三、政府信息公开行政复议、行政诉讼情况\n表\n（一）主要问题\n问题。\n（二）改进情况\n改进。\n"
            "五、其他需要报告的事项\n无。")
    outline = segment(text)
    assert [s.id for s in outline.sections] == list(SECTION_IDS)
    assert outline.sections[1].title == "一、主动公开政府信息情况"
    assert outline.sections[4].title == "（一）主要问题"


def test_unnumbered_heading_alone_on_a_line_counts():
    text = "某镇2020年政府信息公开年报\n总体情况\n正文。\n其他需要报告的事项：\n无"
    assert [s.id for s in segment(text).sections] == ["overview", "other"]


def test_section_name_inside_a_sentence_is_not_a_heading():
    text = "某镇2020年政府信息公开年报\n一、总体情况\n今年主动公开政府信息情况良好，其他需要报告的事项均已说明。"
    assert [s.id for s in segment(text).sections] == ["overview"]


def test_year_from_the_statistics_period_when_the_title_has_none():
    text = "某某街道政府信息公开工作年度报告\n本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。\n一、总体情况"
    outline = segment(text)
    assert (outline.title, outline.year, outline.issuer) == ("某某街道政府信息公开工作年度报告", 2021, "某某街道")


def test_issuer_on_its_own_line_above_the_title_joins_it():
    text = "临清市大辛庄街道办事处\n\n2020年政府信息公开工作年度报告\n\n一、总体情况\n"
    outline = segment(text)
    assert (outline.title, outline.issuer) == ("临清市大辛庄街道办事处2020年政府信息公开工作年度报告", "临清市大辛庄街道办事处")


def test_text_without_headings_has_no_sections():
    outline = segment("政府信息公开年报：今年无事可报。")
    assert outline.sections == [] and outline.title is None


@pytest.mark.parametrize("heading, section_id", [
    ("四、因政府信息公开申请提起行政复议、行政诉讼的情况", "review_litigation"),
    ("四、政府信息公开行政复议和行政诉讼情况", "review_litigation"),
    ("五、存在问题及改进措施", "problems"),
    ("五、政府信息公开工作存在的主要问题及整改情况", "problems"),
    ("六、其他需要报告事项", "other"),
    ("一、2020年政务公开工作总体情况", "overview"),
    ("二、主动公开政府信息的情况", "proactive"),
])
def test_heading_wording_variants_are_recognised(heading, section_id):
    text = f"某局2020年政府信息公开工作年度报告\n{heading}\n正文。"
    assert [(s.id, s.title) for s in segment(text).sections] == [(section_id, heading)]


@pytest.mark.parametrize("title, issuer", [
    ("2020年政府信息公开工作年度报告", None),
    ("2024 年上海市科委政府信息公开工作年度报告", "上海市科委"),
    ("2020年度某市统计局年度报告", "某市统计局"),
    ("会展街道2020年政府信息公开工作报告", "会展街道"),
])
def test_issuer_is_the_body_named_before_or_right_after_the_year(title, issuer):
    assert segment(f"{title}\n一、总体情况\n").issuer == issuer


def test_stray_space_inside_a_pdf_heading_is_tolerated():
    text = "某区2022年政府信息公开工作年度报告\n一、总体情况\n正文9116.36 三、收到和处理政 府信息公开申请情况（本列）"
    assert [(s.id, s.title) for s in segment(text).sections] == [
        ("overview", "一、总体情况"), ("applications", "三、收到和处理政 府信息公开申请情况")]


def test_subheadings_of_every_level_are_found_at_line_starts_and_after_sentence_ends():
    text = ("## 一、总体情况\n### （一）主动公开\n全年公开信息1.5万条。(二)依申请公开。收到申请3件。\n"
            "2、“一窗受理”：办理事项35项\n")
    titles = [h.title for h in find_subheadings(text)]
    assert titles == ["总体情况", "主动公开", "依申请公开", "“一窗受理”"]
    first = find_subheadings(text)[0]
    assert text[first.start:first.end] == "一、总体情况"


def test_numbers_inside_sentences_and_table_rows_are_not_subheadings():
    text = "依据第（一）项规定，完成1.5万条。\n（一）予以公开\t3\n"
    table = (text.index("（一）予以"), len(text))
    assert find_subheadings(text, [table]) == []
    assert [h.start for h in find_subheadings(text)] == [table[0]]  # the region is what keeps it out
