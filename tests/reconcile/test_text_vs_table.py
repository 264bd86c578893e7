"""text.<LABEL>: narrative facts against their table cells, one rule and qualifier at a time."""
from __future__ import annotations

from nianbao.reconcile import text_findings
from nianbao.reconcile.text_vs_table import check

from tests.reconcile.build import fact, report, t3_row

RECEIVED = "2020年度，本单位共收到政府信息公开申请1件，严格按有关规定和程序进行了答复。"


def only(r):
    found = check(r)
    assert len(found) == 1, [f.message for f in found]
    return found[0]


def received_report(text, span, value, qualifier="exact", new=("0",) * 7, carried=("0",) * 7, **kw):
    tables = {"t3": {**t3_row("new_received", *new), **t3_row("carried_over", *carried)}}
    return report(text, [fact(text, span, "APP_RECEIVED", value, "件", qualifier)], tables, **kw)


def test_received_one_against_total_zero_fails_and_points_at_the_natural_person_column():
    r = received_report(RECEIVED, "1件", 1, new=("1", "0", "0", "0", "0", "0", "0"))
    f = only(r)
    assert (f.status, f.rule, f.kind) == ("FAIL", "text.APP_RECEIVED", "text_vs_table")
    assert f.text_value == 1 and f.table_value == 0
    assert f.cells == ["t3.new_received.total"] and f.facts == [0]
    assert "正文称收到申请1件" in f.message and "表三“本年新收”总计为0" in f.message
    assert "自然人一栏为1" in f.message
    assert f.evidence["cells"] == {"t3.new_received.total": "0"}
    assert f.evidence["fact"]["start"] == RECEIVED.index("1件")


def test_received_equal_to_new_received_passes():
    f = only(received_report(RECEIVED, "1件", 1, new=("1", "0", "0", "0", "0", "0", "1")))
    assert f.status == "PASS" and "一致" in f.message


def test_received_passing_only_with_carried_over_says_which_reading_matched():
    f = only(received_report(RECEIVED, "1件", 1, new=("0",) * 7, carried=("1", "0", "0", "0", "0", "0", "1")))
    assert f.status == "PASS"
    assert f.cells == ["t3.new_received.total", "t3.carried_over.total"]
    assert "上年结转" in f.message and "本年新收" in f.message


def test_received_failing_both_readings_names_both():
    f = only(received_report(RECEIVED, "1件", 1, new=("3",) + ("0",) * 5 + ("3",),
                             carried=("2",) + ("0",) * 5 + ("2",)))
    assert f.status == "FAIL" and "总计为3" in f.message and "合计为5" in f.message


def test_approx_within_ten_percent_passes_and_beyond_fails():
    text = "全年收到申请约100件。"
    assert only(received_report(text, "约100件", 100, "approx", new=("0",) * 6 + ("108",))).status == "PASS"
    assert only(received_report(text, "约100件", 100, "approx", new=("0",) * 6 + ("115",))).status == "FAIL"


def test_at_least_needs_table_not_below_the_stated_number():
    text = "全年收到申请100余件。"
    assert only(received_report(text, "100余件", 100, "at_least", new=("0",) * 6 + ("100",))).status == "PASS"
    assert only(received_report(text, "100余件", 100, "at_least", new=("0",) * 6 + ("99",))).status == "FAIL"


def test_more_than_needs_table_strictly_above():
    text = "全年收到申请超100件。"
    assert only(received_report(text, "超100件", 100, "more_than", new=("0",) * 6 + ("100",))).status == "FAIL"
    assert only(received_report(text, "超100件", 100, "more_than", new=("0",) * 6 + ("101",))).status == "PASS"


def test_zero_claim_passes_against_zero_and_fails_against_a_count():
    text = "2020年办事处无现场申请、书面申请等其他形式的申请公开政府信息情况。"
    zero = fact(text, "无", "APP_RECEIVED", 0, None, "zero_claim")
    ok = report(text, [zero], {"t3": t3_row("new_received", *"0000000")})
    assert only(ok).status == "PASS"
    bad = report(text, [zero], {"t3": {**t3_row("new_received", *"2000002"), **t3_row("carried_over", *"0000000")}})
    f = only(bad)
    assert f.status == "FAIL" and "即收到申请为0" in f.message and "为2" in f.message


def test_scope_word_turns_a_disagreement_uncertain_but_not_an_agreement():
    text = "区政府办代表区政府受理政府信息公开申请17件。"
    kw = dict(carried=("0",) * 7)
    assert only(received_report(text, "17件", 17, new=("0",) * 6 + ("20",), **kw)).status == "UNCERTAIN"
    assert only(received_report(text, "17件", 17, new=("0",) * 6 + ("17",), **kw)).status == "PASS"
    f = only(received_report("全市共收到申请17件。", "17件", 17, new=("0",) * 6 + ("20",), **kw))
    assert f.status == "UNCERTAIN" and "全市" in f.message


def test_own_body_word_is_a_scope_word_only_for_a_whole_region_report():
    text = "本机关共收到申请17件。"
    region = received_report(text, "17件", 17, new=("0",) * 6 + ("20",), issuer="某某县人民政府")
    bureau = received_report(text, "17件", 17, new=("0",) * 6 + ("20",), issuer="某某县教育局")
    town = received_report(text, "17件", 17, new=("0",) * 6 + ("20",), issuer="某某县光明镇人民政府")
    assert only(region).status == "UNCERTAIN"
    assert only(bureau).status == "FAIL"
    assert only(town).status == "FAIL"
    department = received_report("本部门共收到申请17件。", "17件", 17, new=("0",) * 6 + ("20",), issuer="某某县教育局")
    assert only(department).status == "UNCERTAIN"


def test_a_count_said_of_another_year_than_the_reports_turns_a_disagreement_uncertain():
    text = "我办2020年收到申请17件，本年度情况见下表。"
    disagree = dict(new=("0",) * 6 + ("20",), carried=("0",) * 7)
    f = only(received_report(text, "17件", 17, year=2021, **disagree))
    assert f.status == "UNCERTAIN" and "2020年" in f.message and "2021年" in f.message
    assert only(received_report(text, "17件", 17, year=2020, **disagree)).status == "FAIL"
    assert only(received_report(text, "17件", 17, year=2021, new=("0",) * 6 + ("17",))).status == "PASS"


def test_combined_granted_and_partial_count_is_compared_with_their_sum():
    text = "其中予以公开及部分公开208件。"
    tables = {"t3": {"t3.granted.total": "200", "t3.partial.total": "8"}}
    ok = report(text, [fact(text, "208件", "APP_GRANTED", 208, "件")], tables)
    f = only(ok)
    assert f.status == "PASS" and f.cells == ["t3.granted.total", "t3.partial.total"]
    tables["t3"]["t3.partial.total"] = "5"
    bad = only(report(text, [fact(text, "208件", "APP_GRANTED", 208, "件")], tables))
    assert bad.status == "UNCERTAIN" and "合并数" in bad.message


def test_granted_alone_is_not_mistaken_for_a_combined_count():
    text = "办结申请中部分公开3件、予以公开10件。"
    tables = {"t3": {"t3.granted.total": "10", "t3.partial.total": "3"}}
    f = only(report(text, [fact(text, "10件", "APP_GRANTED", 10, "件")], tables))
    assert f.status == "PASS" and f.cells == ["t3.granted.total"]


def test_policy_documents_are_not_linked_to_normative_documents():
    text = "全年印发政策性文件11件。"
    r = report(text, [fact(text, "11件", "NORMATIVE_DOCS", 11, "件")],
               {"t2": {"t2.normative_docs.new_made": "2", "t2.normative_docs.new_published": "2"}}, layout="2019")
    assert check(r) == []


def test_information_processing_fees_have_no_table_counterpart():
    text = "全年未收取信息处理费，行政事业性收费3.5万元。"
    facts = [fact(text, "未", "FEE_COLLECTED", 0, None, "zero_claim"),
             fact(text, "3.5万元", "ADMIN_FEES", 35000, "元")]
    r = report(text, facts, {"t2": {"t2.fees.amount": "3.5"}}, layout="2021")
    (f,) = check(r)
    assert f.rule == "text.ADMIN_FEES" and f.status == "PASS"
    mislabelled = report("收取信息处理费200元。", [fact("收取信息处理费200元。", "200元", "ADMIN_FEES", 200, "元")],
                         {"t2": {"t2.fees.amount": "3.5"}}, layout="2021")
    assert check(mislabelled) == []


def test_normative_documents_column_follows_the_cue_and_layout():
    t2019 = {"t2.normative_docs.new_made": "3", "t2.normative_docs.new_published": "2",
             "t2.normative_docs.total_published": "22"}
    text = "全年公开规范性文件2个。"
    f = only(report(text, [fact(text, "2个", "NORMATIVE_DOCS", 2, "个")], {"t2": t2019}, layout="2019"))
    assert f.status == "PASS" and f.cells == ["t2.normative_docs.new_published"]
    text = "对外公开规范性文件总数量22件。"
    f = only(report(text, [fact(text, "22件", "NORMATIVE_DOCS", 22, "件")], {"t2": t2019}, layout="2019"))
    assert f.cells == ["t2.normative_docs.total_published"]

    t2021 = {"t2.normative_docs.issued": "88", "t2.normative_docs.repealed": "55", "t2.normative_docs.in_force": "698"}
    text = "集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。"
    facts = [fact(text, "698件", "NORMATIVE_DOCS", 698, "件"), fact(text, "88件", "NORMATIVE_DOCS", 88, "件")]
    first, second = check(report(text, facts, {"t2": t2021}, layout="2021"))
    assert (first.status, first.cells) == ("PASS", ["t2.normative_docs.in_force"])
    assert (second.status, second.cells) == ("PASS", ["t2.normative_docs.issued"])


def test_zero_claim_takes_its_cue_words_from_after_the_negation():
    text = "本年度未作出行政强制决定。我镇本年度没有制发规章。"
    facts = [fact(text, "未", "ADMIN_DECISIONS", 0, None, "zero_claim"),
             fact(text, "没有", "REGULATIONS", 0, None, "zero_claim")]
    t2 = {"t2.licensing.decisions": "5", "t2.coercion.decisions": "0", "t2.regulations.issued": "0",
          "t2.regulations.in_force": "34"}
    coercion, regulations = check(report(text, facts, {"t2": t2}, layout="2021"))
    assert (coercion.status, coercion.cells) == ("PASS", ["t2.coercion.decisions"])
    assert (regulations.status, regulations.cells) == ("PASS", ["t2.regulations.issued"])


def test_cumulative_count_of_normative_documents_is_the_total_published_column():
    text = "本年度共累计对外公开规范性文件62份。"
    t2019 = {"t2.normative_docs.new_made": "3", "t2.normative_docs.new_published": "2",
             "t2.normative_docs.total_published": "62"}
    f = only(report(text, [fact(text, "62份", "NORMATIVE_DOCS", 62, "份")], {"t2": t2019}, layout="2019"))
    assert (f.status, f.cells) == ("PASS", ["t2.normative_docs.total_published"])


def test_in_force_claim_against_the_2019_layout_is_not_assessable():
    text = "现行有效规范性文件22件。"
    f = only(report(text, [fact(text, "22件", "NORMATIVE_DOCS", 22, "件")],
                    {"t2": {"t2.normative_docs.total_published": "22"}}, layout="2019"))
    assert f.status == "NOT_ASSESSABLE" and "现行有效" in f.message


def test_admin_decisions_pick_their_row_by_cue():
    text = "全年作出行政许可决定5702件、行政处罚决定301件。"
    t2 = {"t2.licensing.decisions": "5702", "t2.punishment.decisions": "300", "t2.coercion.decisions": "0"}
    facts = [fact(text, "5702件", "ADMIN_DECISIONS", 5702, "件"), fact(text, "301件", "ADMIN_DECISIONS", 301, "件")]
    lic, pun = check(report(text, facts, {"t2": t2}, layout="2019"))
    assert (lic.status, lic.cells) == ("PASS", ["t2.licensing.decisions"])
    assert (pun.status, pun.cells) == ("FAIL", ["t2.punishment.decisions"])
    assert "行政处罚" in pun.message and "300" in pun.message


def test_procurement_amount_compares_in_yuan_across_units():
    text = "政府集中采购项目156个，采购总金额2.9亿元。"
    facts = [fact(text, "156个", "PROCUREMENT", 156, "个"), fact(text, "2.9亿元", "PROCUREMENT", 290000000, "元")]
    t2 = {"t2.procurement.projects": "156个", "t2.procurement.amount": "人民币2.9亿元"}
    projects, amount = check(report(text, facts, {"t2": t2}, layout="2019"))
    assert (projects.status, projects.cells) == ("PASS", ["t2.procurement.projects"])
    assert (amount.status, amount.cells) == ("PASS", ["t2.procurement.amount"])
    assert amount.table_value == 290000000 and amount.evidence["cells"] == {"t2.procurement.amount": "人民币2.9亿元"}
    t2["t2.procurement.amount"] = "28956.3万元"
    assert check(report(text, facts, {"t2": t2}, layout="2019"))[1].status == "PASS"
    t2["t2.procurement.amount"] = "35000万元"
    assert check(report(text, facts, {"t2": t2}, layout="2019"))[1].status == "FAIL"


def test_money_in_a_cell_with_no_unit_is_uncertain_when_no_unit_fits():
    text = "采购总金额2.9亿元。"
    facts = [fact(text, "2.9亿元", "PROCUREMENT", 290000000, "元")]
    f = only(report(text, facts, {"t2": {"t2.procurement.amount": "2.9"}}, layout="2019"))
    assert f.status == "UNCERTAIN" and "单位" in f.message
    ok = only(report(text, facts, {"t2": {"t2.procurement.amount": "29000"}}, layout="2019"))
    assert ok.status == "PASS"


def test_admin_fees_in_wan_yuan_match_the_2021_amount_column():
    text = "全年行政事业性收费24252.31万元。"
    f = only(report(text, [fact(text, "24252.31万元", "ADMIN_FEES", 242523100, "元")],
                    {"t2": {"t2.fees.amount": "24252.31"}}, layout="2021"))
    assert f.status == "PASS"
    f = only(report(text, [fact(text, "24252.31万元", "ADMIN_FEES", 242523100, "元")],
                    {"t2": {"t2.fees.prev_items": "5"}}, layout="2019"))
    assert f.status == "NOT_ASSESSABLE"


def test_organisation_count_sums_five_columns_or_takes_the_named_one():
    text = "其中自然人80件、法人或其他组织18件、商业企业10件。"
    t3 = t3_row("new_received", "80", "10", "2", "3", "1", "2", "98")
    facts = [fact(text, "80件", "APP_NATURAL_PERSON", 80, "件"), fact(text, "18件", "APP_ORGANIZATION", 18, "件"),
             fact(text, "10件", "APP_ORGANIZATION", 10, "件")]
    person, orgs, commercial = check(report(text, facts, {"t3": t3}))
    assert (person.status, person.cells) == ("PASS", ["t3.new_received.natural_person"])
    assert orgs.status == "PASS" and len(orgs.cells) == 5 and orgs.table_value == 18
    assert (commercial.status, commercial.cells) == ("PASS", ["t3.new_received.commercial"])


def test_litigation_sums_direct_and_after_review():
    text = "发生行政诉讼3件。"
    t4 = {"t4.litigation_direct.total": "1", "t4.litigation_after_review.total": "1"}
    f = only(report(text, [fact(text, "3件", "LITIGATION_CASES", 3, "件")], {"t4": t4}))
    assert f.status == "FAIL" and f.table_value == 2


def test_missing_table_is_not_assessable():
    text = "全年收到信息公开申请98个。"
    f = only(report(text, [fact(text, "98个", "APP_RECEIVED", 98, "个")]))
    assert f.status == "NOT_ASSESSABLE"
    assert f.message == "正文称收到申请98个，但报告缺少表三，无法核对"


def test_missing_cell_of_an_incomplete_table_says_it_could_not_be_read_whole():
    text = "全年收到信息公开申请98个。"
    r = report(text, [fact(text, "98个", "APP_RECEIVED", 98, "个")],
               {"t3": {"t3.granted.total": "5"}}, complete={"t3": False})
    f = only(r)
    assert f.status == "NOT_ASSESSABLE" and "未能完整读取" in f.message


def test_empty_or_na_cell_is_uncertain():
    text = "全年收到信息公开申请98个。"
    for raw in ("", "/"):
        r = report(text, [fact(text, "98个", "APP_RECEIVED", 98, "个")],
                   {"t3": {**t3_row("new_received", "", "", "", "", "", "", raw),
                           **t3_row("carried_over", *"0000000")}})
        assert only(r).status == "UNCERTAIN"


def test_labels_without_table_counterpart_get_no_text_finding():
    text = "通过公众号发布信息635条。"
    r = report(text, [fact(text, "635条", "WECHAT_POSTS", 635, "条")], {"t2": {}})
    assert text_findings(r) == []


def test_published_total_is_checked_only_where_the_report_prints_it():
    text = "全年主动公开政府信息1048条。"
    facts = [fact(text, "1048条", "INFO_PUBLISHED", 1048, "条")]
    assert check(report(text, facts, {"t2": {"t2.regulations.new_made": "0"}}, layout="2019")) == []
    f = only(report(text, facts, {"t2": {"t2.published_total": "1048条"}}, layout="2019"))
    assert f.status == "PASS"


def test_applicant_breakdown_counts_carried_over_when_the_received_count_does():
    text = "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件。"
    t3 = {**t3_row("new_received", "71", "3", "0", "0", "0", "0", "74"),
          **t3_row("carried_over", "1", "0", "0", "0", "0", "0", "1")}
    facts = [fact(text, "75件", "APP_RECEIVED", 75, "件"), fact(text, "72件", "APP_NATURAL_PERSON", 72, "件"),
             fact(text, "3件", "APP_ORGANIZATION", 3, "件")]
    received, person, commercial = check(report(text, facts, {"t3": t3}))
    assert received.status == "PASS" and "上年结转" in received.message
    assert person.status == "PASS"
    assert person.cells == ["t3.new_received.natural_person", "t3.carried_over.natural_person"]
    assert commercial.status == "PASS" and commercial.cells == ["t3.new_received.commercial"]
    # without 上年结转 in the received count, 72 against 71 stays a disagreement
    alone = report(text, facts[1:], {"t3": t3})
    assert check(alone)[0].status == "FAIL"


def test_a_sub_count_with_its_parents_label_is_not_compared_with_the_tables_total():
    text = "全年收到申请20件，其中网上申请12件、信函申请3件。"
    facts = [fact(text, "20件", "APP_RECEIVED", 20, "件"), fact(text, "12件", "APP_RECEIVED", 12, "件"),
             fact(text, "3件", "APP_RECEIVED", 3, "件")]
    r = report(text, facts, {"t3": {**t3_row("new_received", *("0",) * 6, "20"), **t3_row("carried_over", *("0",) * 7)}})
    f = only(r)
    assert (f.status, f.facts) == ("PASS", [0])


def test_the_same_count_in_a_new_sentence_is_compared_again():
    text = "全年收到申请20件。其中包括的情况另述。本年度共受理申请12件。"
    facts = [fact(text, "20件", "APP_RECEIVED", 20, "件"), fact(text, "12件", "APP_RECEIVED", 12, "件")]
    r = report(text, facts, {"t3": {**t3_row("new_received", *("0",) * 6, "20"), **t3_row("carried_over", *("0",) * 7)}})
    assert [(f.status, f.facts) for f in check(r)] == [("PASS", [0]), ("FAIL", [1])]


def test_a_part_with_its_own_label_is_compared_with_its_own_cell():
    text = "收到申请81件，其中自然人80件、商业企业1件。"
    facts = [fact(text, "81件", "APP_RECEIVED", 81, "件"), fact(text, "80件", "APP_NATURAL_PERSON", 80, "件"),
             fact(text, "1件", "APP_ORGANIZATION", 1, "件", nth=1)]
    cells = {**t3_row("new_received", "79", "1", "0", "0", "0", "0", "80"), **t3_row("carried_over", *("0",) * 7)}
    found = {f.rule: f.status for f in check(report(text, facts, {"t3": cells}))}
    assert found == {"text.APP_RECEIVED": "FAIL", "text.APP_NATURAL_PERSON": "FAIL", "text.APP_ORGANIZATION": "PASS"}


def test_a_part_of_given_by_the_annotation_is_respected():
    text = "全年收到申请20件，网上申请12件。"  # no marker: only the annotation says it is a part
    facts = [fact(text, "20件", "APP_RECEIVED", 20, "件"), fact(text, "12件", "APP_RECEIVED", 12, "件")]
    facts[1].part_of = 0
    r = report(text, facts, {"t3": {**t3_row("new_received", *("0",) * 6, "20"), **t3_row("carried_over", *("0",) * 7)}})
    assert [(f.status, f.facts) for f in check(r)] == [("PASS", [0])]


def test_what_became_of_the_appeals_is_not_compared_with_the_appeals_total():
    text = "发生行政复议3件，2件维持，1件尚未审结。"
    spans = [("3件", 3, 0), ("2件", 2, 0), ("1件", 1, 0)]
    facts = [fact(text, s, "REVIEW_CASES", v, "件", nth=n) for s, v, n in spans]
    f = only(report(text, facts, {"t4": {"t4.review.total": "3"}}))
    assert (f.status, f.facts, f.table_value) == ("PASS", [0], 3)
