"""text.sum.<LABEL> and text.share: the narrative's own arithmetic."""
from __future__ import annotations

from nianbao.reconcile.arithmetic import share_findings, sum_findings

from tests.reconcile.build import fact, report

MEDIA = "规范管理全区各级政务新媒体19个(微博2个、微信15个、小程序2个)，指导各级政务新媒体及时开设信息发布功能。"


def media_report(whole="19个", whole_value=19):
    text = MEDIA.replace("19个", whole)
    spans = [(whole, whole_value, 0), ("2个", 2, 0), ("15个", 15, 0), ("2个", 2, 1)]
    return report(text, [fact(text, s, "NEW_MEDIA_ACCOUNTS", v, "个", nth=n) for s, v, n in spans])


def test_parenthesised_parts_adding_up_pass():
    (f,) = sum_findings(media_report())
    assert (f.rule, f.status, f.kind) == ("text.sum.NEW_MEDIA_ACCOUNTS", "PASS", "text_arithmetic")
    assert f.facts == [0, 1, 2, 3]


def test_parenthesised_parts_not_adding_up_fail_and_name_both_sides():
    (f,) = sum_findings(media_report("21个", 21))
    assert f.status == "FAIL"
    assert "政务新媒体21个" in f.message and "微博2个" in f.message and "合计为19" in f.message
    assert f.evidence["parts_sum"] == 19


def applications(text, spans):
    return report(text, [fact(text, s, label, v, "件") for s, label, v in spans])


def test_natural_persons_and_organisations_must_add_up_to_applications():
    text = "全年共收到申请98件，其中自然人80件、法人或其他组织15件。"
    r = applications(text, [("98件", "APP_RECEIVED", 98), ("80件", "APP_NATURAL_PERSON", 80),
                            ("15件", "APP_ORGANIZATION", 15)])
    (f,) = sum_findings(r)
    assert (f.rule, f.status) == ("text.sum.APP_RECEIVED", "FAIL")
    assert "98件" in f.message and "合计为95" in f.message


def test_a_breakdown_of_a_count_made_for_a_wider_body_is_uncertain():
    text = "区政府办代表区政府受理政府信息公开申请129例，其中自然人72例、法人和其他组织26例。"
    r = report(text, [fact(text, "129例", "APP_RECEIVED", 129, "例"), fact(text, "72例", "APP_NATURAL_PERSON", 72, "例"),
                      fact(text, "26例", "APP_ORGANIZATION", 26, "例")])
    (f,) = sum_findings(r)
    assert f.status == "UNCERTAIN" and "代表" in f.message


def test_a_partial_list_of_kinds_below_the_whole_is_not_flagged():
    text = "全年共收到申请98件，其中自然人80件、商业企业10件。"
    r = applications(text, [("98件", "APP_RECEIVED", 98), ("80件", "APP_NATURAL_PERSON", 80),
                            ("10件", "APP_ORGANIZATION", 10)])
    assert sum_findings(r) == []


def test_a_partial_list_adding_up_to_more_than_the_whole_fails():
    text = "全年办结申请20件，其中予以公开15件、部分公开8件。"
    r = applications(text, [("20件", "APP_PROCESSED", 20), ("15件", "APP_GRANTED", 15), ("8件", "APP_PARTIAL", 8)])
    (f,) = sum_findings(r)
    assert (f.rule, f.status) == ("text.sum.APP_PROCESSED", "FAIL") and "超过总数" in f.message


def test_facts_in_another_sentence_that_does_not_refer_back_are_not_parts():
    text = "全年共收到申请98件。自然人80件、法人或其他组织15件。"
    r = applications(text, [("98件", "APP_RECEIVED", 98), ("80件", "APP_NATURAL_PERSON", 80),
                            ("15件", "APP_ORGANIZATION", 15)])
    assert sum_findings(r) == []


SERVICES = "长春新区共有政务服务事项958个，其中行政许可事项541个。进网厅事项958个,占比50.98%,政务服务事项网上可办率达到100%。"


def services_report(rate="50.98%", rate_value=50.98, part="958个", part_value=958):
    text = SERVICES.replace("50.98%", rate).replace("进网厅事项958个", f"进网厅事项{part}")
    facts = [
        fact(text, "958个", "SERVICE_ITEMS", 958, "个"),
        fact(text, "541个", "SERVICE_ITEMS", 541, "个"),
        fact(text, part, "ONLINE_ITEMS", part_value, "个", nth=1 if part == "958个" else 0),
        fact(text, rate, "RATE", rate_value, "%"),
        fact(text, "100%", "RATE", 100, "%"),
    ]
    return report(text, facts)


def test_share_that_is_not_part_over_whole_fails():
    (f,) = share_findings(services_report())
    assert (f.rule, f.status) == ("text.share", "FAIL")
    assert f.facts == [3, 2, 0]
    assert "50.98%" in f.message and "958÷958=100.00%" in f.message


def test_share_within_rounding_passes_and_beyond_it_fails():
    (f,) = share_findings(services_report("50.94%", 50.94, "488个", 488))  # 488 ÷ 958 = 50.939…%
    assert f.status == "PASS"
    (g,) = share_findings(services_report("50.99%", 50.99, "488个", 488))
    assert g.status == "FAIL"


def test_share_of_a_kind_of_applicant_uses_the_applications_received():
    text = "全年收到申请98件，其中自然人80件，占比81.6%。"
    r = report(text, [fact(text, "98件", "APP_RECEIVED", 98, "件"), fact(text, "80件", "APP_NATURAL_PERSON", 80, "件"),
                      fact(text, "81.6%", "RATE", 81.6, "%")])
    (f,) = share_findings(r)
    assert f.status == "PASS" and f.facts == [2, 1, 0]


def test_rate_without_a_share_cue_is_not_checked():
    text = "全年收到申请98件，办结98件，办结率100%。"
    r = report(text, [fact(text, "98件", "APP_RECEIVED", 98, "件"), fact(text, "98件", "APP_PROCESSED", 98, "件", nth=1),
                      fact(text, "100%", "RATE", 100, "%")])
    assert share_findings(r) == []


def test_a_breakdown_of_one_part_in_parentheses_is_not_counted_among_the_parts():
    text = "今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、部门预决算公开165条）、“三公”经费27条、债券发行4条。"
    spans = [("380条", 380), ("152条", 152), ("197条", 197), ("32条", 32), ("165条", 165), ("27条", 27), ("4条", 4)]
    r = report(text, [fact(text, s, "INFO_PUBLISHED", v, "条") for s, v in spans])
    whole, nested = sum_findings(r)
    assert whole.status == "PASS" and whole.facts == [0, 1, 2, 5, 6]
    assert nested.status == "PASS" and nested.facts == [2, 3, 4]  # 197 = 32 + 165


def test_a_whole_that_includes_carried_over_applications_adds_them_to_the_parts():
    text = "2020年，区政府共受理政府信息公开申请242例（含上年结转17例），其中自然人170例、法人和其他组织55例，已办结219例。"
    spans = [("242例", "APP_RECEIVED", 242), ("17例", "APP_CARRIED_OVER", 17), ("170例", "APP_NATURAL_PERSON", 170),
             ("55例", "APP_ORGANIZATION", 55), ("219例", "APP_PROCESSED", 219)]
    r = report(text, [fact(text, s, label, v, "例") for s, label, v in spans])
    (f,) = sum_findings(r)
    assert f.status == "PASS" and f.facts == [0, 2, 3, 1] and "上年结转17" in f.message
    r.facts[3].value = 33  # 170 + 33 + 17 = 220, not 242
    (g,) = sum_findings(r)
    assert g.status == "FAIL" and "合计为203" in g.message


# --- v1.2: lists of parts (FACTS.md §4) ------------------------------------------------------

def website(text, spans):
    return report(text, [fact(text, s, "WEBSITE_POSTS", v, "条") for s, v in spans])


def test_a_fenbie_list_must_add_up_to_its_total():
    text = "网站公开信息64条，分别为工作动态40条、政策文件9条。"
    (f,) = sum_findings(website(text, [("64条", 64), ("40条", 40), ("9条", 9)]))
    assert (f.rule, f.status) == ("text.sum.WEBSITE_POSTS", "FAIL")
    assert f.evidence["parts_cover_whole"] is True and f.evidence["parts_sum"] == 49


def test_a_baokuo_list_closed_by_other_kinds_claims_the_whole():
    text = "网站公开信息64条，包括工作动态40条、政策文件9条及其他信息10条。"
    (f,) = sum_findings(website(text, [("64条", 64), ("40条", 40), ("9条", 9), ("10条", 10)]))
    assert f.status == "FAIL" and f.evidence["parts_sum"] == 59


def test_a_qizhong_list_of_some_kinds_below_its_total_is_not_a_finding():
    text = "网站公开信息64条，其中工作动态40条、政策文件9条。"
    assert sum_findings(website(text, [("64条", 64), ("40条", 40), ("9条", 9)])) == []


def test_a_qizhong_list_of_channels_above_the_published_total_fails():
    text = "主动公开政府信息230条，其中网站150条、政务微信90条。"
    r = report(text, [fact(text, "230条", "INFO_PUBLISHED", 230, "条"), fact(text, "150条", "WEBSITE_POSTS", 150, "条"),
                      fact(text, "90条", "WECHAT_POSTS", 90, "条")])
    (f,) = sum_findings(r)
    assert (f.rule, f.status) == ("text.sum.INFO_PUBLISHED", "FAIL") and f.evidence["parts_sum"] == 240


def test_each_list_of_a_total_broken_down_twice_is_summed_on_its_own():
    text = "收到申请20件，其中网上申请12件、信函申请8件，其中自然人18件、法人或其他组织2件。"
    r = report(text, [fact(text, "20件", "APP_RECEIVED", 20, "件"), fact(text, "12件", "APP_RECEIVED", 12, "件"),
                      fact(text, "8件", "APP_RECEIVED", 8, "件"), fact(text, "18件", "APP_NATURAL_PERSON", 18, "件"),
                      fact(text, "2件", "APP_ORGANIZATION", 2, "件")])
    found = sum_findings(r)
    assert [(f.facts, f.status) for f in found] == [([0, 1, 2], "PASS"), ([0, 3, 4], "PASS")]


def published_by_topic(text, spans):
    """INFO_PUBLISHED counts and RATE shares located in `text`, parts linked as `check` links them."""
    from nianbao.facts.parts import link_parts

    facts = [fact(text, s, "RATE", v, "%") if s.endswith("%") else fact(text, s, "INFO_PUBLISHED", v, "条")
             for s, v in spans]
    link_parts(text, facts)
    return report(text, facts)


def test_a_share_in_a_list_is_of_the_total_not_of_the_part_before_it():
    text = "全年公开信息200条。其中通知公告50条，占25%；政策文件30条，占15%；工作动态120条，占60%。"
    r = published_by_topic(text, [("200条", 200), ("50条", 50), ("25%", 25), ("30条", 30), ("15%", 15),
                                  ("120条", 120), ("60%", 60)])
    found = share_findings(r)
    assert [(f.status, f.facts[2]) for f in found] == [("PASS", 0)] * 3


def test_a_part_without_a_link_to_its_total_is_not_measured_against_another_part_with_a_share():
    text = "全年公开信息200条，工作扎实有序。通知公告50条，占25%；政策文件30条，占15%。"
    r = report(text, [fact(text, "200条", "INFO_PUBLISHED", 200, "条"), fact(text, "50条", "INFO_PUBLISHED", 50, "条"),
                      fact(text, "25%", "RATE", 25, "%"), fact(text, "30条", "INFO_PUBLISHED", 30, "条"),
                      fact(text, "15%", "RATE", 15, "%")])
    assert [(f.status, f.facts) for f in share_findings(r)] == [("PASS", [2, 1, 0]), ("PASS", [4, 3, 0])]


def test_a_share_after_a_remark_in_brackets_is_of_the_count_before_the_remark():
    text = "答复申请200件。其他处理40件（其中申请人撤回30件），占20%。"
    r = report(text, [fact(text, "200件", "APP_PROCESSED", 200, "件"), fact(text, "40件", "APP_PROCESSED", 40, "件"),
                      fact(text, "30件", "APP_PROCESSED", 30, "件"), fact(text, "20%", "RATE", 20, "%")])
    (f,) = share_findings(r)
    assert (f.status, f.facts) == ("PASS", [3, 1, 0])


def test_a_share_of_the_applications_received_two_sentences_back_passes_and_names_them():
    text = "受理申请50件，较上年增加5件。答复申请48件，均按时答复。予以公开20件，占40%。"
    r = report(text, [fact(text, "50件", "APP_RECEIVED", 50, "件"), fact(text, "5件", "APP_RECEIVED", 5, "件"),
                      fact(text, "48件", "APP_PROCESSED", 48, "件"), fact(text, "20件", "APP_GRANTED", 20, "件"),
                      fact(text, "40%", "RATE", 40, "%")])
    (f,) = share_findings(r)
    assert (f.status, f.facts) == ("PASS", [4, 3, 0]) and "受理申请50件" in f.message


def test_a_share_no_whole_explains_fails_against_the_nearest_whole():
    text = "受理申请50件。答复申请48件，予以公开20件，占30%。"
    r = report(text, [fact(text, "50件", "APP_RECEIVED", 50, "件"), fact(text, "48件", "APP_PROCESSED", 48, "件"),
                      fact(text, "20件", "APP_GRANTED", 20, "件"), fact(text, "30%", "RATE", 30, "%")])
    (f,) = share_findings(r)
    assert (f.status, f.facts) == ("FAIL", [3, 2, 1]) and "20÷48=41.67%" in f.message


def test_a_count_smaller_than_the_part_is_no_whole():
    text = "发布通知公告5条，发布政策文件30条，占60%。"
    r = report(text, [fact(text, "5条", "INFO_PUBLISHED", 5, "条"), fact(text, "30条", "INFO_PUBLISHED", 30, "条"),
                      fact(text, "60%", "RATE", 60, "%")])
    assert share_findings(r) == []


def test_a_list_running_on_into_a_larger_count_of_another_kind_stops_before_it():
    text = "全年公开信息160条，其中乡镇文件40条、便民信息30条，通过微信公众号推送信息290篇。"
    r = published_by_topic(text, [("160条", 160), ("40条", 40), ("30条", 30)])
    r.facts.append(fact(text, "290篇", "WECHAT_POSTS", 290, "篇"))
    assert sum_findings(r) == []


def test_parts_adding_up_to_the_total_before_a_count_of_another_kind_pass():
    text = "全年公开信息460条，其中网站330条、新媒体130条，发布解读材料3篇。"
    r = report(text, [fact(text, "460条", "INFO_PUBLISHED", 460, "条"), fact(text, "330条", "WEBSITE_POSTS", 330, "条"),
                      fact(text, "130条", "OTHER_MEDIA_POSTS", 130, "条"),
                      fact(text, "3篇", "POLICY_INTERPRETATIONS", 3, "篇")])
    (f,) = sum_findings(r)
    assert (f.status, f.facts) == ("PASS", [0, 1, 2])


def test_topics_of_one_kind_adding_up_to_more_than_their_total_still_fail():
    text = "全年公开信息20条，其中领导信息5条、便民政策6条、工作动态9条、财政信息2条。"
    r = published_by_topic(text, [("20条", 20), ("5条", 5), ("6条", 6), ("9条", 9), ("2条", 2)])
    (f,) = sum_findings(r)
    assert f.status == "FAIL" and "合计已达22" in f.message


def test_outcomes_of_applications_adding_up_to_more_than_their_total_still_fail():
    text = "全年办结申请20件，其中予以公开12件、部分公开8件、不予公开3件。"
    r = applications(text, [("20件", "APP_PROCESSED", 20), ("12件", "APP_GRANTED", 12), ("8件", "APP_PARTIAL", 8),
                            ("3件", "APP_DENIED", 3)])
    (f,) = sum_findings(r)
    assert f.status == "FAIL" and "合计已达23" in f.message


def test_counts_of_other_channels_after_a_websites_total_are_not_its_parts():
    text = "网站发布信息700条（其中政务动态500条），微博、微信公众号分别发布信息300条、450条。"
    r = report(text, [fact(text, "700条", "WEBSITE_POSTS", 700, "条"), fact(text, "500条", "WEBSITE_POSTS", 500, "条"),
                      fact(text, "300条", "WEIBO_POSTS", 300, "条"), fact(text, "450条", "WECHAT_POSTS", 450, "条")])
    assert [f.status for f in sum_findings(r)] == []


def test_a_count_larger_than_the_total_after_parts_that_add_up_to_it_ends_the_list():
    text = "本年度公开信息16条，其中机构职能类1条、其他类15条，历年累计公开信息550条。"
    r = published_by_topic(text, [("16条", 16), ("1条", 1), ("15条", 15), ("550条", 550)])
    (f,) = sum_findings(r)
    assert (f.status, f.facts) == ("PASS", [0, 1, 2])


def test_a_share_of_a_part_of_a_part_may_be_given_of_the_whole():
    text = "全年公开信息400条，其中通知公告100条（含人事信息20条，占5%），工作动态300条。"
    r = published_by_topic(text, [("400条", 400), ("100条", 100), ("20条", 20), ("5%", 5), ("300条", 300)])
    assert r.facts[2].part_of == 1
    (f,) = share_findings(r)
    assert (f.status, f.facts) == ("PASS", [3, 2, 0]) and "20÷400=5.00%" in f.message


def test_a_first_part_restating_the_total_in_its_words_is_read_as_the_total():
    text = "网站主动公开政府信息40条，其中主动公开政府信息40条、领导信息15条、工作动态25条。"
    r = report(text, [fact(text, "40条", "INFO_PUBLISHED", 40, "条"), fact(text, "40条", "INFO_PUBLISHED", 40, "条", nth=1),
                      fact(text, "15条", "INFO_PUBLISHED", 15, "条"), fact(text, "25条", "INFO_PUBLISHED", 25, "条")])
    (f,) = sum_findings(r)
    assert (f.status, f.facts) == ("PASS", [0, 2, 3])


def test_a_first_part_equal_to_the_total_in_other_words_is_a_part():
    text = "办理来信来访30件，其中政策咨询类30件、信访件0件、转办件2件。"
    r = report(text, [fact(text, "30件", "PUBLIC_MESSAGES", 30, "件"),
                      fact(text, "30件", "PUBLIC_MESSAGES", 30, "件", nth=1),
                      fact(text, "0件", "PUBLIC_MESSAGES", 0, "件"), fact(text, "2件", "PUBLIC_MESSAGES", 2, "件")])
    (f,) = sum_findings(r)
    assert f.status == "FAIL" and "合计已达32" in f.message


def test_a_part_broken_down_after_a_marker_is_counted_once():
    text = "共公开信息6000条（网站2500条：其中新闻类300条、公文800条、许可决定1400条；微信1500篇；微博2000条）。"
    r = report(text, [fact(text, "6000条", "INFO_PUBLISHED", 6000, "条"),
                      fact(text, "2500条", "WEBSITE_POSTS", 2500, "条"), fact(text, "300条", "WEBSITE_POSTS", 300, "条"),
                      fact(text, "800条", "WEBSITE_POSTS", 800, "条"), fact(text, "1400条", "WEBSITE_POSTS", 1400, "条"),
                      fact(text, "1500篇", "WECHAT_POSTS", 1500, "篇"), fact(text, "2000条", "WEIBO_POSTS", 2000, "条")])
    (f,) = [f for f in sum_findings(r) if f.facts[0] == 0]
    assert (f.status, f.facts) == ("PASS", [0, 1, 5, 6])


def test_later_topics_adding_up_to_an_earlier_one_by_chance_still_fail():
    text = "公开信息42条，其中工作动态17条、公告6条、文件11条，总结报告4条，年度报告1条，预算信息6条，其他类5条。"
    spans = [("42条", 42), ("17条", 17), ("6条", 6), ("11条", 11), ("4条", 4), ("1条", 1), ("6条", 6), ("5条", 5)]
    facts = [fact(text, s, "INFO_PUBLISHED", v, "条", nth=1 if (s, v) == ("6条", 6) and k == 6 else 0)
             for k, (s, v) in enumerate(spans)]
    (f,) = sum_findings(report(text, facts))
    assert f.status == "FAIL" and "合计已达50" in f.message


def test_a_list_that_runs_on_over_a_semicolon_is_summed_only_up_to_it():
    text = "全年收到申请20件，其中网上申请12件、信函申请8件；另转来申请5件。"
    facts = [fact(text, "20件", "APP_RECEIVED", 20), fact(text, "12件", "APP_RECEIVED", 12),
             fact(text, "8件", "APP_RECEIVED", 8), fact(text, "5件", "APP_RECEIVED", 5)]
    found = [f for f in sum_findings(report(text, facts)) if f.rule == "text.sum.APP_RECEIVED"]
    assert [f.status for f in found] == ["PASS"]


def test_a_list_found_by_its_sum_alone_gets_no_sum_finding():
    """Counts with no marker are parts only because they add up to the total: checking that sum
    could never fail."""
    text = "主动公开政府信息300条，通过门户网站公开115条，政务微信公开163条，其他方式公开22条。"
    facts = [fact(text, "300条", "INFO_PUBLISHED", 300), fact(text, "115条", "WEBSITE_POSTS", 115),
             fact(text, "163条", "WECHAT_POSTS", 163), fact(text, "22条", "INFO_PUBLISHED", 22)]
    assert sum_findings(report(text, facts)) == []
    marked = text.replace("，通过门户", "，其中通过门户")
    facts = [fact(marked, "300条", "INFO_PUBLISHED", 300), fact(marked, "115条", "WEBSITE_POSTS", 115),
             fact(marked, "163条", "WECHAT_POSTS", 163), fact(marked, "22条", "INFO_PUBLISHED", 22)]
    (f,) = sum_findings(report(marked, facts))
    assert f.status == "PASS"
