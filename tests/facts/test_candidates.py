import pytest

from nianbao.facts.candidates import find_candidates, narrative_exclusions
from nianbao.facts.normalise import parse_quantity
from nianbao.report import Report, Table
from tests.conftest import real_path, seed_path


def spans(text, **kw):
    return [(c.text, c.kind) for c in find_candidates(text, **kw)]


def test_quantities_come_with_exact_offsets():
    text = "2020年通过“大辛庄阳光政务”公众号发布信息635条，通过临清市人民政府网站发布政务公开信息153条，发布镇街动态59条。"
    found = find_candidates(text)
    assert [c.text for c in found if c.kind == "quantity"] == ["635条", "153条", "59条"]
    for c in found:
        assert text[c.start:c.end] == c.text


def test_qualifiers_and_spaces_stay_inside_the_span():
    text = "在政府门户网上主动公开政府信息 180 余条，信息涉及工作"
    assert spans(text) == [("180 余条", "quantity")]
    assert spans("微博粉丝近45.9万，") == [("近45.9万", "quantity")]


def test_views_followers_and_percentages_are_quantities():
    text = "我办微信公众号关注量5948人，2020年度累计发稿191篇，浏览量达356415次，朋友圈分享8951人次"
    assert spans(text) == [("5948人", "quantity"), ("2020年", "year"), ("191篇", "quantity"),
                           ("356415次", "quantity"), ("8951人次", "quantity")]
    assert spans("进网厅事项958个,占比50.98%,") == [("958个", "quantity"), ("50.98%", "quantity")]


def test_a_number_followed_by_qian_wan_or_bai_wan_is_one_span_of_its_whole_magnitude():
    found = find_candidates("节目上线以来观看超过3千万人次，网站访问量4百万次。")
    assert [(c.text, c.quantity.value) for c in found if c.kind == "quantity"] == [
        ("超过3千万人次", 30_000_000), ("4百万次", 4_000_000)]


def test_chinese_numerals_need_a_measure_word():
    assert spans("举办培训两场，一是加强学习，进一步规范") == [("两场", "quantity")]
    assert spans("收到申请十二个、一千二百件") == [("十二个", "quantity"), ("一千二百件", "quantity")]


def test_full_width_digits_and_thousands_separators():
    assert spans("共收到申请９８件，发布1,048条、1，048条") == [
        ("９８件", "quantity"), ("1,048条", "quantity"), ("1，048条", "quantity")]


def test_money_with_magnitude_is_one_span():
    text = "政府集中采购项目156个，采购总金额人民币2.9亿元。"
    assert spans(text) == [("156个", "quantity"), ("2.9亿元", "quantity")]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("报告中所列数据的统计期限自2020年1月1日起", ["year", "date", "date"]),
        ("联系电话：0535-6877711", ["phone", "phone"]),
        ("如有疑问请致电0471--6654321。", ["phone", "phone"]),
        ("联系电话（0123）6654321、6654322。", ["doc_number", "phone", "phone"]),
        ("根据《国务院办公厅关于印发〔2020〕80号》", ["doc_number", "doc_number"]),
        ("第二十条第（九）项", ["article"]),
        ("1.深入推进决策公开", ["list_marker"]),
        ("“12345”政务服务热线", ["name"]),
        ("答复区长信箱来信3件、12345工单7件", ["quantity", "name", "quantity"]),
        ("高效办成一件事", ["idiom"]),
        ("按照《通知》（办函〔201960）要求", ["doc_number"]),
        ("严格审核发布的每一条信息", ["idiom"]),
    ],
)
def test_obvious_non_facts_are_marked_not_dropped(text, kind):
    assert [k for _, k in spans(text)] == kind


def test_zero_claim_cue_is_the_span():
    text = "要求依规完成答复，暂未收到行政复议和行政诉讼事项。"
    (c,) = find_candidates(text)
    assert (c.text, c.kind, text[c.start:c.end]) == ("未", "zero_claim", "未")
    assert spans("2020年办事处无现场申请、书面申请") == [("2020年", "year"), ("无", "zero_claim")]
    assert spans("信息公开工作没有发生泄密事件") == [("没有", "zero_claim")]


@pytest.mark.parametrize("text", ["（四）无法提供", "无正当理由大量反复申请", "未能及时跟进全面掌握", "未经复议直接起诉",
                                  "并通过小程序实现“无纸化办理”", "未进行规范管理"])
def test_negations_that_claim_no_count_are_not_candidates(text):
    assert [c for c in find_candidates(text) if c.kind == "zero_claim"] == []


def test_excluded_regions_yield_no_candidates():
    text = "收到申请1件。\n项目\t数量\n予以公开\t1\n办结1件。"
    table_start = text.index("项目")
    table_end = text.index("办结")
    found = find_candidates(text, exclude=[(table_start, table_end)])
    assert [c.text for c in found] == ["1件", "1件"]
    assert found[1].start == table_end + 2


def test_narrative_exclusions_are_the_located_tables():
    report = Report(doc_id="x", source="x.txt", format="txt", text="x" * 50,
                    tables={"t2": Table(id="t2", start=10, end=20), "t3": Table(id="t3")})
    assert narrative_exclusions(report) == [(10, 20)]


@pytest.mark.parametrize("path", [seed_path("003"), seed_path("004"), real_path("pt2021"), real_path("kewei2024")])
def test_every_candidate_in_a_real_report_parses_and_points_at_its_text(path):
    text = path.read_text("utf-8")
    found = find_candidates(text)
    assert len(found) > 20
    for c in found:
        assert text[c.start:c.end] == c.text
        parse_quantity(c.text)


def test_candidates_cover_the_gold_spans():
    from nianbao.annotation.gold import iter_gold

    docs = list(iter_gold())
    assert docs, "annotation/gold has no documents"
    gold = covered = 0
    for doc in docs:
        found = {(c.start, c.end) for c in find_candidates(doc.text, list(doc.table_regions)) if c.may_be_fact}
        spans = {(s.start, s.end) for s in doc.spans}
        gold += len(spans)
        covered += len(spans & found)
    assert covered / gold >= 0.97, f"{covered}/{gold} gold spans are exact candidates"


def test_bare_magnitudes_after_a_qualifier_are_quantities():
    text = "其中1条播放量破亿、2条破千万、49条破百万"
    assert [c.text for c in find_candidates(text)] == ["1条", "破亿", "2条", "破千万", "49条", "破百万"]
    assert parse_quantity("破千万").value == 10_000_000


def test_a_line_break_between_number_and_unit_stays_in_the_span():
    text = "不予公开答复 2\n件，无法提供"
    (c,) = find_candidates(text)
    assert (c.text, c.kind) == ("2\n件", "quantity")
    assert parse_quantity(c.text).unit == "件"


def test_a_sentence_caught_inside_a_table_region_stays_narrative():
    text = ("四、政府信息公开行政复议、行政诉讼情况\n全年无政府信息公开行政复议和行政诉讼情况。\n"
            "行政复议\t\t\t\t\t行政诉讼\n0\t0\t0\t0\t0\t0\n")
    region_start = text.index("四")
    # a table parser that starts t4 at its heading, or at 行政复议 inside the sentence
    for start in (region_start, text.index("行政复议")):
        report = Report(doc_id="x", source="x.txt", format="txt", text=text,
                        tables={"t4": Table(id="t4", start=start, end=len(text))})
        found = find_candidates(text, narrative_exclusions(report))
        assert [(c.text, c.kind) for c in found] == [("无", "zero_claim")]


def test_the_next_or_last_year_written_in_chinese_numerals_is_no_count():
    from nianbao.facts.candidates import find_candidates

    kinds = {c.text: c.kind for c in find_candidates("办结20件，结转下一年办理3件，上一年结转1件。")}
    assert kinds["一年"] == "year" and kinds["3件"] == "quantity"


def test_digits_inside_a_web_address_are_no_quantity():
    text = "报告全文见本镇网站（https://www.example.gov.cn/zwgk_70039/nb_70056/），全年公开信息45条。"
    assert [c.text for c in find_candidates(text) if c.may_be_fact] == ["45条"]


def test_addresses_and_idioms_are_told_apart_as_far_into_a_long_volume_as_at_its_start():
    report = "报告全文见本镇网站（https://www.example.gov.cn/zwgk_70039/），全年公开信息45条，高效办成一件事。\n"
    found = find_candidates(report * 300)
    assert {(c.text, c.kind) for c in found} == {("70039", "code"), ("45条", "quantity"), ("一件", "idiom")}
    assert len(found) == 900


def test_a_number_inside_a_short_quoted_name_is_a_name():
    kinds = {c.text: c.kind for c in find_candidates("印发“惠企十条”等政策文件12份。")}
    assert (kinds["十条"], kinds["12份"]) == ("name", "quantity")


def test_an_earlier_years_figure_a_count_is_compared_with_is_no_count():
    found = [(c.text, c.kind) for c in find_candidates("收到申请22件，比2022年（31件）下降29%，较去年的20件有所增加。")]
    assert found[0] == ("22件", "quantity")
    assert ("31件", "past") in found and ("20件", "past") in found


def excluded(text):
    report = Report(doc_id="x", source="x.txt", format="txt", text=text)
    return [c.text for c in find_candidates(text, narrative_exclusions(report))]


def test_a_table_no_reader_took_in_printed_one_cell_per_line_gives_no_candidates():
    text = "收到申请3件。\n信息内容\n\n本年新制作数量\n\n规章\n\n0\n\n2\n\n15\n\n规范性文件\n\n1\n\n1\n\n4\n本年办结3件。"
    assert excluded(text) == ["3件", "3件"]


def test_rows_of_numbers_split_by_tabs_or_bars_give_no_candidates_but_their_sentences_do():
    text = "规章\t2\t2\t12\n| 行政许可 | 35 | - | 310 |\n行政处罚\t全年作出处罚决定6件\t—\n"
    assert excluded(text) == ["6件"]


def test_a_counts_number_alone_on_its_line_is_still_a_candidate():
    text = "本年度共收到政府信息公开申请\n12\n件，均已按时答复。"
    assert excluded(text) == ["12\n件"]
