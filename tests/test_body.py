"""The report body and page chrome: no fact, title, year or issuer comes from the chrome."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nianbao.body import chrome_spans, count_chrome_facts, find_body, in_spans, non_narrative, overlapping
from nianbao.facts.extractors import NarrativeOnly, get_extractor
from nianbao.pipeline import check_file, read_structure
from nianbao.report import Fact, Report
from nianbao.sections import find_sections
from tests import pages


def _page(tmp_path, name: str) -> str:
    ext = ".html" if name.endswith("HTML") else ".txt"
    path = tmp_path / f"{name.lower()}{ext}"
    path.write_text(getattr(pages, name), encoding="utf-8")
    return str(path)


def _chrome_texts(report: Report) -> list[str]:
    return [report.text[s:e] for s, e in report.chrome]


@pytest.mark.parametrize("name, first, last", [
    ("STREET_TXT", *pages.STREET_BODY), ("TOWN_TXT", *pages.TOWN_BODY),
    ("ONE_LINE_TXT", *pages.ONE_LINE_BODY), ("STREET_HTML", *pages.STREET_HTML_BODY),
    ("TOWN_HTML", *pages.TOWN_HTML_BODY)])
def test_body_runs_from_the_title_to_the_closing_signature_and_date(tmp_path, name, first, last):
    report = read_structure(_page(tmp_path, name))
    start, end = report.body
    assert report.text[start:].startswith(first)
    assert report.text[:end].endswith(last)


@pytest.mark.parametrize("name", ["STREET_TXT", "TOWN_TXT", "ONE_LINE_TXT", "STREET_HTML", "TOWN_HTML"])
def test_no_fact_comes_from_page_chrome_with_any_extractor_output(tmp_path, name):
    report = check_file(_page(tmp_path, name), _rules())
    regions = non_narrative(report)
    assert report.facts and not [f for f in report.facts if in_spans(f.start, f.end, regions)]
    texts = {f.text for f in report.facts}
    assert not texts & {"2871", "1520", "563", "1203367", "4201050017", "11420305", "3"}


def _rules():
    from nianbao.pipeline import CheckOptions

    return CheckOptions(extractor="rules")


def test_counters_index_numbers_and_footers_were_facts_without_the_layer(tmp_path):
    paths = [_page(tmp_path, n) for n in ("STREET_TXT", "ONE_LINE_TXT", "STREET_HTML")]
    count = count_chrome_facts(paths, "rules")
    assert count.reports == 3 and count.facts > 0
    assert count.in_chrome == 0 and count.on_chrome_lines == 0
    assert count.without_layer >= 3  # 浏览次数, 本站访问量 … taken as VIEWS/FOLLOWERS before


def test_chrome_lines_above_the_report_are_kept_in_the_text(tmp_path):
    report = read_structure(_page(tmp_path, "STREET_TXT"))
    chrome = _chrome_texts(report)
    assert "| 索引号 | 11420305/2023-00417 | 主题分类 | 政务公开 |" in chrome
    assert "首页 > 政务公开 > 政府信息公开 > 政府信息公开年报" in chrome
    assert "发布时间：2023-01-18 09:30  来源：石桥街道  浏览次数：2871" in chrome
    assert "【字号：大 中 小】" in chrome
    assert report.text.strip() == pages.STREET_TXT.strip()  # nothing removed


def test_key_printed_alone_on_its_line_takes_the_value_line_under_it(tmp_path):
    chrome = _chrome_texts(read_structure(_page(tmp_path, "TOWN_TXT")))
    assert {"索引号：", "11420306/2024-00052", "发布机构：", "枫林镇人民政府", "阅读次数：[ 563 ]", "第3楼"} <= set(chrome)


def test_chrome_run_together_with_the_report_on_one_line_is_cut_out_of_it(tmp_path):
    report = read_structure(_page(tmp_path, "ONE_LINE_TXT"))
    start, end = report.body
    inside = [report.text[s:e] for s, e in report.chrome if start <= s < end]
    assert inside == ["来源：云岭县政府办", "时间：2022-01-25 10:12", "浏览次数：1520", "微信 微博 QQ空间"]
    assert report.text[end:].split() == ["附件下载", "打印本页", "关闭窗口"]


@pytest.mark.parametrize("sentence", [
    "网站总浏览量达356415次，同比增长12%。",
    "全年网站访问量：35万次，较上年有所增加。",
    "如对本报告有疑问，请联系我们。",
    "通过微信、微博等渠道发布信息120条。",
    "本年度发布时间节点信息18条。",
    "在群众所在位置设置公开栏5处，当前位置信息实时更新。",
])
def test_narrative_that_names_chrome_words_is_not_chrome(sentence):
    text = f"某县2022年政府信息公开工作年度报告\n一、总体情况\n{sentence}\n"
    assert chrome_spans(text) == []
    assert find_body(text, find_sections(text), 0) == (0, len(text.rstrip()))


def test_report_without_title_or_preamble_starts_at_its_first_line_that_is_not_chrome():
    text = "发布日期：2021-03-02\n浏览次数：88\n（二）加强解读回应。全年解读政策12篇。\n三、收到和处理政府信息公开申请情况\n收到申请3件。"
    start, end = find_body(text, find_sections(text))
    assert text[start:].startswith("（二）加强解读回应") and end == len(text)


def test_body_without_signature_ends_before_the_footer_and_trailing_chrome():
    text = ("某镇2020年政府信息公开年报\n一、总体情况\n公开信息30条。\n六、其他需要报告的事项\n无。\n"
            "网站地图 | 联系我们\n鲁ICP备05012345号\n")
    start, end = find_body(text, find_sections(text), 0)
    assert text[start:end].endswith("无。")


def test_date_followed_by_more_report_text_does_not_end_the_body():
    text = ("某局2022年政府信息公开工作年度报告\n六、其他需要报告的事项\n2023年1月5日\n"
            "本局于2023年1月5日召开专题会议，通报上述情况。\n")
    start, end = find_body(text, find_sections(text), 0)
    assert text[start:end].endswith("通报上述情况。")


def test_body_and_chrome_round_trip_through_json(tmp_path):
    report = read_structure(_page(tmp_path, "STREET_TXT"))
    d = report.to_dict()
    assert d["body"] == list(report.body) and len(d["chrome"]) == len(report.chrome)
    back = Report.from_dict(d, text=report.text)
    assert back.body == report.body and back.chrome == report.chrome
    old = {k: v for k, v in d.items() if k not in ("body", "chrome")}
    assert Report.from_dict(old, text=report.text).body is None  # output written before the layer


def test_registry_drops_a_fact_any_extractor_places_in_chrome(tmp_path):
    report = read_structure(_page(tmp_path, "STREET_TXT"))
    counter = report.text.index("2871")
    inside = report.text.index("326条")

    class Eager:
        def extract(self, reports):
            return [[Fact("VIEWS", "2871", counter, counter + 4, 2871, None, "exact"),
                     Fact("INFO_PUBLISHED", "326条", inside, inside + 4, 326, "条", "exact")]]

    (facts,) = NarrativeOnly(Eager()).extract([report])
    assert [f.text for f in facts] == ["326条"]


def test_candidates_are_not_even_proposed_in_chrome(tmp_path):
    from nianbao.facts.candidates import find_candidates, narrative_exclusions

    report = read_structure(_page(tmp_path, "STREET_HTML"))
    texts = [c.text for c in find_candidates(report.text, narrative_exclusions(report))]
    assert "2871" not in texts and "1203367" not in texts and "326条" in texts


@pytest.mark.slow
def test_model_takes_no_fact_from_chrome(tmp_path):
    from nianbao.pipeline import CheckOptions

    report = check_file(_page(tmp_path, "STREET_HTML"), CheckOptions(extractor="model"))
    regions = non_narrative(report)
    assert report.facts and not [f for f in report.facts if in_spans(f.start, f.end, regions)]


def test_no_gold_fact_of_the_annotated_reports_falls_in_chrome_or_outside_the_body(shared_dir):
    from nianbao.evaluate.data import load_gold_docs

    docs = load_gold_docs()
    assert len(docs) >= 12
    for doc in docs:
        regions = non_narrative(doc.report)
        assert not [g.text for g in doc.gold if in_spans(g.start, g.end, regions)], doc.doc


def test_rules_registry_is_the_one_used(tmp_path):
    report = read_structure(_page(tmp_path, "ONE_LINE_TXT"))
    (facts,) = get_extractor("rules").extract([report])
    assert [f.text for f in facts] == ["1032条", "未"]


def test_chrome_printed_inside_the_report_is_chrome_but_the_report_goes_on(tmp_path):
    text = ("云岭县林业局2022年政府信息公开工作年度报告\n分享到：微信 微博\n浏览次数：35\n"
            "本报告依据《条例》编制。\n一、总体情况\n全年主动公开政府信息64条。\n")
    path = tmp_path / "inside.txt"
    path.write_text(text, encoding="utf-8")
    report = check_file(str(path), _rules())
    assert report.body == (0, len(text.rstrip()))
    assert _chrome_texts(report) == ["分享到：微信 微博", "浏览次数：35"]
    assert [f.text for f in report.facts] == ["64条"]


def test_box_key_and_value_separated_by_a_space_is_chrome():
    text = "组配分类 政府信息公开年报\n2023年白沙镇政府信息公开工作年度报告\n一、总体情况\n公开信息9条。\n"
    assert chrome_spans(text) == [(0, len("组配分类 政府信息公开年报"))]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=12),
       st.integers(0, 80), st.integers(1, 15))
def test_a_span_overlaps_the_excluded_regions_exactly_when_it_overlaps_one_of_them(regions, start, length):
    regions = [(s, s + n) for s, n in regions]  # empty ones included
    end = start + length
    assert overlapping(regions)(start, end) == any(s < end and start < e for s, e in regions)
