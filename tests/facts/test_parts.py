"""Totals and their parts (FACTS.md §4–5, v1.2): `part_of` from where the facts sit."""
import pytest

from nianbao.facts.parts import LIST_REACH, find_part_lists, link_parts, same_label_parts
from tests.reconcile.build import fact


def linked(text, *facts):
    facts = sorted(facts, key=lambda f: (f.start, f.label))
    link_parts(text, facts)
    return [(f.text, f.label, None if f.part_of is None else facts[f.part_of].text) for f in facts]


def test_topic_parts_in_brackets_keep_the_total_label_and_point_at_it():
    text = "全年共发布信息86条（其中通知公告12条、人事信息3条）。"
    got = linked(text, fact(text, "86条", "INFO_PUBLISHED", 86), fact(text, "12条", "INFO_PUBLISHED", 12),
                 fact(text, "3条", "INFO_PUBLISHED", 3))
    assert got == [("86条", "INFO_PUBLISHED", None), ("12条", "INFO_PUBLISHED", "86条"),
                   ("3条", "INFO_PUBLISHED", "86条")]


def test_channel_parts_of_published_information_take_their_own_labels():
    text = "主动公开政府信息230条，其中网站150条、政务微信80条。"
    got = linked(text, fact(text, "230条", "INFO_PUBLISHED", 230), fact(text, "150条", "WEBSITE_POSTS", 150),
                 fact(text, "80条", "WECHAT_POSTS", 80))
    assert [g[2] for g in got] == [None, "230条", "230条"]


def test_kinds_of_applicant_are_parts_of_the_applications_received():
    text = "收到申请81件，其中自然人80件、商业企业1件。"
    got = linked(text, fact(text, "81件", "APP_RECEIVED", 81), fact(text, "80件", "APP_NATURAL_PERSON", 80),
                 fact(text, "1件", "APP_ORGANIZATION", 1, nth=1))
    assert [g[2] for g in got] == [None, "81件", "81件"]


def test_one_kind_of_service_item_after_qizhong_is_a_part():
    text = "共有政务服务事项958个，其中行政许可事项541个。"
    got = linked(text, fact(text, "958个", "SERVICE_ITEMS", 958), fact(text, "541个", "SERVICE_ITEMS", 541))
    assert got[1][2] == "958个"


def test_new_media_accounts_in_brackets_are_parts_of_the_count_before():
    text = "政务新媒体19个(微博2个、微信15个、小程序2个)。"
    facts = [fact(text, "19个", "NEW_MEDIA_ACCOUNTS", 19), fact(text, "2个", "NEW_MEDIA_ACCOUNTS", 2),
             fact(text, "15个", "NEW_MEDIA_ACCOUNTS", 15), fact(text, "2个", "NEW_MEDIA_ACCOUNTS", 2, nth=1)]
    link_parts(text, facts)
    assert [f.part_of for f in facts] == [None, 0, 0, 0]
    assert same_label_parts(facts) == {1, 2, 3}


def test_fenbie_list_claims_to_be_the_whole():
    text = "网站公开信息64条，分别为工作动态40条、政策文件9条。"
    facts = [fact(text, "64条", "WEBSITE_POSTS", 64), fact(text, "40条", "WEBSITE_POSTS", 40),
             fact(text, "9条", "WEBSITE_POSTS", 9)]
    (found,) = find_part_lists(text, facts)
    assert found.parts == (1, 2) and found.marker == "分别" and not found.partial


def test_a_second_count_of_the_same_thing_is_not_a_part():
    text = "全年收到信息公开申请98个,办理98件。"
    got = linked(text, fact(text, "98个", "APP_RECEIVED", 98), fact(text, "98件", "APP_PROCESSED", 98))
    assert [g[2] for g in got] == [None, None]


def test_a_topic_count_after_no_total_stands_alone():
    text = "公开财政资金信息9条。"
    assert linked(text, fact(text, "9条", "INFO_PUBLISHED", 9)) == [("9条", "INFO_PUBLISHED", None)]


def test_a_total_broken_down_twice_has_two_lists():
    text = "收到申请20件，其中网上申请12件、信函申请8件，其中自然人18件、法人2件。"
    facts = [fact(text, "20件", "APP_RECEIVED", 20), fact(text, "12件", "APP_RECEIVED", 12),
             fact(text, "8件", "APP_RECEIVED", 8), fact(text, "18件", "APP_NATURAL_PERSON", 18),
             fact(text, "2件", "APP_ORGANIZATION", 2)]
    lists = find_part_lists(text, facts)
    assert [found.parts for found in lists] == [(1, 2), (3, 4)]
    link_parts(text, facts)
    assert [f.part_of for f in facts] == [None, 0, 0, 0, 0]


def test_a_part_broken_down_in_brackets_is_the_total_of_its_own_parts():
    text = "发布信息100条，其中预决算信息30条（部门预算20条、部门决算10条）、工作动态70条。"
    facts = [fact(text, "100条", "INFO_PUBLISHED", 100), fact(text, "30条", "INFO_PUBLISHED", 30),
             fact(text, "20条", "INFO_PUBLISHED", 20), fact(text, "10条", "INFO_PUBLISHED", 10),
             fact(text, "70条", "INFO_PUBLISHED", 70)]
    link_parts(text, facts)
    assert [f.part_of for f in facts] == [None, 0, 1, 1, 0]


@pytest.mark.parametrize("text, counts, part_of", [
    # counts a marker opens right after a part, adding up to it, are its parts; the total's go on after them
    ("全年公开信息300条，其中通过目录系统公开信息200条，分别为概况类50条、工作动态150条，通过简报公开信息100条。",
     [("300条", "INFO_PUBLISHED"), ("200条", "INFO_PUBLISHED"), ("50条", "INFO_PUBLISHED"),
      ("150条", "INFO_PUBLISHED"), ("100条", "INFO_PUBLISHED")], [None, 0, 1, 1, 0]),
    # a catalogued kind that completes the part's breakdown belongs to it
    ("全年公开信息300条，其中通过目录系统公开信息200条，分别为工作动态190条、人大建议办理结果10条，通过简报公开信息100条。",
     [("300条", "INFO_PUBLISHED"), ("200条", "INFO_PUBLISHED"), ("190条", "INFO_PUBLISHED"),
      ("10条", "NPC_SUGGESTIONS"), ("100条", "INFO_PUBLISHED")], [None, 0, 1, 1, 0]),
    # counts that exceed the part stay parts of the total
    ("全年公开信息300条，其中通过目录系统公开信息200条，分别为概况类50条、工作动态180条。",
     [("300条", "INFO_PUBLISHED"), ("200条", "INFO_PUBLISHED"), ("50条", "INFO_PUBLISHED"),
      ("180条", "INFO_PUBLISHED")], [None, 0, 0, 0]),
])
def test_counts_a_marker_opens_after_a_part_are_its_breakdown_only_when_they_add_up_to_it(text, counts, part_of):
    facts = [fact(text, span, label, int(span[:-1])) for span, label in counts]
    link_parts(text, facts)
    assert [f.part_of for f in facts] == part_of


def test_a_marker_inside_a_bracketed_remark_opens_no_list_after_it():
    text = "网站公开信息14条，机关简介3条（其中简介1条、联系方式1条、机构调整1条），预算说明2条，领导信息5条。"
    facts = [fact(text, "14条", "WEBSITE_POSTS", 14), fact(text, "3条", "WEBSITE_POSTS", 3),
             fact(text, "1条", "WEBSITE_POSTS", 1), fact(text, "1条", "WEBSITE_POSTS", 1, nth=1),
             fact(text, "1条", "WEBSITE_POSTS", 1, nth=2), fact(text, "2条", "WEBSITE_POSTS", 2),
             fact(text, "5条", "WEBSITE_POSTS", 5)]
    link_parts(text, facts)
    assert [f.part_of for f in facts] == [None, None, 1, 1, 1, None, None]


def test_a_list_of_parts_goes_on_past_a_bracketed_remark_that_holds_a_marker():
    text = "全年公开信息40条，其中工作动态20条（含转载5条），通知公告12条，财政信息8条。"
    facts = [fact(text, "40条", "INFO_PUBLISHED", 40), fact(text, "20条", "INFO_PUBLISHED", 20),
             fact(text, "5条", "INFO_PUBLISHED", 5), fact(text, "12条", "INFO_PUBLISHED", 12),
             fact(text, "8条", "INFO_PUBLISHED", 8)]
    lists = find_part_lists(text, facts)
    assert sorted((found.total, found.parts) for found in lists) == [(0, (1, 3, 4)), (1, (2,))]


def test_a_catalogued_kind_said_to_be_received_ends_a_list_of_published_items():
    text = "全年公开信息30条，其中专栏20条、政策解读10条，共收到人大代表建议4件。"
    facts = [fact(text, "30条", "INFO_PUBLISHED", 30), fact(text, "20条", "INFO_PUBLISHED", 20),
             fact(text, "10条", "POLICY_INTERPRETATIONS", 10), fact(text, "4件", "NPC_SUGGESTIONS", 4)]
    link_parts(text, facts)
    assert [f.part_of for f in facts] == [None, 0, 0, None]


def test_baohan_opens_a_list_of_parts_like_baokuo():
    text = "全年公开信息600条，其中通过网站公开信息500条，包含通知公告200条、工作动态250条，通过微信公众号发布100条。"
    got = linked(text, fact(text, "600条", "INFO_PUBLISHED", 600), fact(text, "500条", "WEBSITE_POSTS", 500),
                 fact(text, "200条", "WEBSITE_POSTS", 200), fact(text, "250条", "WEBSITE_POSTS", 250),
                 fact(text, "100条", "WECHAT_POSTS", 100))
    assert [g[2] for g in got] == [None, "600条", "500条", "500条", "600条"]


def test_a_rate_between_a_total_and_its_marked_parts_does_not_hide_the_marker():
    text = "主动公开政府信息60条，全文电子化率达100%，其中：机构职能类信息12条、规划计划类信息5条。"
    got = linked(text, fact(text, "60条", "INFO_PUBLISHED", 60), fact(text, "100%", "RATE", 100, "%"),
                 fact(text, "12条", "INFO_PUBLISHED", 12), fact(text, "5条", "INFO_PUBLISHED", 5))
    assert [g[2] for g in got] == [None, None, "60条", "60条"]


def test_a_count_with_its_own_share_is_no_total_of_the_marked_list_after_the_share():
    text = "全年公开信息170条，完成任务数120条的141.7%，其中动态类信息94条、财政类信息11条。"
    got = linked(text, fact(text, "170条", "INFO_PUBLISHED", 170), fact(text, "120条", "INFO_PUBLISHED", 120),
                 fact(text, "141.7%", "RATE", 141.7, "%"), fact(text, "94条", "INFO_PUBLISHED", 94),
                 fact(text, "11条", "INFO_PUBLISHED", 11))
    assert [g[2] for g in got][3:] == [None, None]


def test_a_marked_list_runs_on_over_semicolons_and_its_parts_there_keep_their_own_labels():
    text = "全年公开信息500条，其中工作动态300条；通知公告150条；网站专栏50条。"
    got = linked(text, fact(text, "500条", "INFO_PUBLISHED", 500), fact(text, "300条", "INFO_PUBLISHED", 300),
                 fact(text, "150条", "INFO_PUBLISHED", 150), fact(text, "50条", "WEBSITE_POSTS", 50))
    assert got == [("500条", "INFO_PUBLISHED", None), ("300条", "INFO_PUBLISHED", "500条"),
                   ("150条", "INFO_PUBLISHED", "500条"), ("50条", "WEBSITE_POSTS", "500条")]


def test_a_marker_past_a_semicolon_opens_the_list_of_another_total():
    text = "发布信息900条，其中网站100条，公众号800条；公开文件90件，其中通知类文件60件，公示公告30件。"
    got = linked(text, fact(text, "900条", "INFO_PUBLISHED", 900), fact(text, "100条", "WEBSITE_POSTS", 100),
                 fact(text, "800条", "WECHAT_POSTS", 800), fact(text, "60件", "INFO_PUBLISHED", 60),
                 fact(text, "30件", "INFO_PUBLISHED", 30))
    assert [g[1:] for g in got] == [("INFO_PUBLISHED", None), ("WEBSITE_POSTS", "900条"), ("WECHAT_POSTS", "900条"),
                                    ("INFO_PUBLISHED", None), ("INFO_PUBLISHED", None)]


def test_a_colon_between_a_total_and_its_first_part_opens_a_list():
    text = "全年累计发布政府信息90条，具体分类如下：本级政府文件20条、会议信息70条。"
    got = linked(text, fact(text, "90条", "INFO_PUBLISHED", 90), fact(text, "20条", "INFO_PUBLISHED", 20),
                 fact(text, "70条", "INFO_PUBLISHED", 70))
    assert [g[2] for g in got] == [None, "90条", "90条"]


def test_zero_claims_and_rates_are_never_parts():
    text = "办理政务服务事项200件，其中网上办理180件，占比90%。"
    facts = [fact(text, "200件", "SERVICES_HANDLED", 200), fact(text, "180件", "SERVICES_HANDLED", 180),
             fact(text, "90%", "RATE", 90, unit="%")]
    link_parts(text, facts)
    assert [f.part_of for f in facts] == [None, 0, None]


def test_a_topic_part_takes_the_label_of_its_channel_total():
    text = "网站公开信息64条，分别为工作动态40条、政策文件9条。"
    got = linked(text, fact(text, "64条", "WEBSITE_POSTS", 64), fact(text, "40条", "INFO_PUBLISHED", 40),
                 fact(text, "9条", "INFO_PUBLISHED", 9))
    assert [(g[1], g[2]) for g in got] == [("WEBSITE_POSTS", None), ("WEBSITE_POSTS", "64条"), ("WEBSITE_POSTS", "64条")]


def test_a_part_that_names_its_own_channel_keeps_its_label_and_one_that_does_not_takes_the_totals():
    text = "主动公开政府信息230条，其中网站150条、工作动态60条。"
    got = linked(text, fact(text, "230条", "INFO_PUBLISHED", 230), fact(text, "150条", "WEBSITE_POSTS", 150),
                 fact(text, "60条", "WEBSITE_POSTS", 60))
    assert [g[1] for g in got] == ["INFO_PUBLISHED", "WEBSITE_POSTS", "INFO_PUBLISHED"]


def test_topics_listed_after_a_channel_part_are_that_channels_parts():
    text = "全镇公开信息114条，其中通过政府网站公开信息72条，其中包括机构职能类3条、政务动态类36条，通过微信公众号发布42条。"
    got = linked(text, fact(text, "114条", "INFO_PUBLISHED", 114), fact(text, "72条", "WEBSITE_POSTS", 72),
                 fact(text, "3条", "INFO_PUBLISHED", 3), fact(text, "36条", "INFO_PUBLISHED", 36),
                 fact(text, "42条", "WECHAT_POSTS", 42))
    assert got == [("114条", "INFO_PUBLISHED", None), ("72条", "WEBSITE_POSTS", "114条"),
                   ("3条", "WEBSITE_POSTS", "72条"), ("36条", "WEBSITE_POSTS", "72条"),
                   ("42条", "WECHAT_POSTS", "114条")]


def test_topics_after_a_part_whose_channel_publishes_them_are_that_channels():
    text = "通过网站和微信公众号发布信息90条。其中，局网页全年发布机构信息30条，通知公告20条，通过公示栏张贴信息25条，工作动态15条。"
    got = linked(text, fact(text, "90条", "INFO_PUBLISHED", 90), fact(text, "30条", "WEBSITE_POSTS", 30),
                 fact(text, "20条", "INFO_PUBLISHED", 20), fact(text, "25条", "INFO_PUBLISHED", 25),
                 fact(text, "15条", "WEBSITE_POSTS", 15))
    assert got == [("90条", "INFO_PUBLISHED", None), ("30条", "WEBSITE_POSTS", "90条"),
                   ("20条", "WEBSITE_POSTS", "90条"), ("25条", "INFO_PUBLISHED", "90条"),
                   ("15条", "INFO_PUBLISHED", "90条")]


def test_parts_in_the_next_sentence_that_refers_back_to_the_total():
    text = "主动在门户网站公开政府信息50条。在主动公开的信息中，政策法规类4条，业务工作类10条。"
    got = linked(text, fact(text, "50条", "WEBSITE_POSTS", 50), fact(text, "4条", "INFO_PUBLISHED", 4),
                 fact(text, "10条", "INFO_PUBLISHED", 10))
    assert got == [("50条", "WEBSITE_POSTS", None), ("4条", "WEBSITE_POSTS", "50条"), ("10条", "WEBSITE_POSTS", "50条")]


def test_a_next_sentence_that_does_not_refer_back_lists_no_parts():
    text = "主动公开政府信息50条。政策法规类4条。"
    got = linked(text, fact(text, "50条", "INFO_PUBLISHED", 50), fact(text, "4条", "INFO_PUBLISHED", 4))
    assert [g[2] for g in got] == [None, None]


def test_parts_given_their_channels_by_fenbie_keep_them():
    text = "全年发布信息100条，其中网站和微信分别发布60条、40条。"
    got = linked(text, fact(text, "100条", "INFO_PUBLISHED", 100), fact(text, "60条", "WEBSITE_POSTS", 60),
                 fact(text, "40条", "WECHAT_POSTS", 40))
    assert got == [("100条", "INFO_PUBLISHED", None), ("60条", "WEBSITE_POSTS", "100条"),
                   ("40条", "WECHAT_POSTS", "100条")]


def test_a_part_whose_words_name_the_channel_publishing_it_takes_that_channel_and_so_do_the_topics_after_it():
    text = "通过网站、微信等渠道公开信息90条，其中通过区政府网站公开政策文件20条、工作动态50条，通过本局微信公众号公开信息20条。"
    got = linked(text, *(fact(text, span, "INFO_PUBLISHED", int(span[:-1]), "条", nth=nth)
                         for span, nth in (("90条", 0), ("20条", 0), ("50条", 0), ("20条", 1))))
    assert got == [("90条", "INFO_PUBLISHED", None), ("20条", "WEBSITE_POSTS", "90条"),
                   ("50条", "WEBSITE_POSTS", "90条"), ("20条", "WECHAT_POSTS", "90条")]


def test_parts_of_the_applications_processed_by_how_they_came_in_are_processed_applications():
    text = "共处理政府信息公开申请40件（网上申请30件、信函申请10件），均按时答复。"
    got = linked(text, fact(text, "40件", "APP_PROCESSED", 40, "件"), fact(text, "30件", "APP_RECEIVED", 30, "件"),
                 fact(text, "10件", "APP_RECEIVED", 10, "件"))
    assert got == [("40件", "APP_PROCESSED", None), ("30件", "APP_PROCESSED", "40件"), ("10件", "APP_PROCESSED", "40件")]


def test_kinds_with_labels_of_their_own_keep_a_channels_list_of_topics_going():
    text = "通过区政府网站公开信息40条，其中机构职能2条，建议提案办理3条，行政处罚15条，其他信息20条。"
    got = linked(text, fact(text, "40条", "WEBSITE_POSTS", 40), fact(text, "2条", "WEBSITE_POSTS", 2),
                 fact(text, "3条", "NPC_SUGGESTIONS", 3), fact(text, "15条", "ADMIN_DECISIONS", 15),
                 fact(text, "20条", "WEBSITE_POSTS", 20))
    assert [g[2] for g in got] == [None, "40条", "40条", "40条", "40条"]


def test_what_became_of_the_applications_received_are_its_parts():
    text = "收到公开申请7件，其中予以公开4件，不予公开1件，本机关不掌握相关信息2件。"
    got = linked(text, fact(text, "7件", "APP_RECEIVED", 7), fact(text, "4件", "APP_GRANTED", 4),
                 fact(text, "1件", "APP_DENIED", 1), fact(text, "2件", "APP_UNABLE", 2))
    assert [g[2] for g in got] == [None, "7件", "7件", "7件"]


@pytest.mark.parametrize("text", [
    "本局全年公开信息26条。\n\n具体包括通知公告5条、工作动态21条。",  # after a paragraph break
    "本局全年公开信息26条。在主动公开的信息中，通知公告5条；工作动态21条。",  # on over semicolons
])
def test_parts_in_a_sentence_that_refers_back_to_the_total(text):
    got = linked(text, fact(text, "26条", "INFO_PUBLISHED", 26), fact(text, "5条", "INFO_PUBLISHED", 5),
                 fact(text, "21条", "INFO_PUBLISHED", 21))
    assert [g[2] for g in got] == [None, "26条", "26条"]


def test_parts_after_a_short_remark_between_them_and_their_total():
    text = "全年公开信息24条。工作平稳有序。在主动公开的信息中，通知公告9条，工作动态15条。"
    got = linked(text, fact(text, "24条", "INFO_PUBLISHED", 24), fact(text, "9条", "INFO_PUBLISHED", 9),
                 fact(text, "15条", "INFO_PUBLISHED", 15))
    assert [g[2] for g in got] == [None, "24条", "24条"]


def test_a_part_starts_within_a_lists_reach_of_its_total():
    """A sentence that runs on for pages (a table printed without line ends) is not read as one
    list: a count farther than LIST_REACH after the total is no part of it."""
    for gap, expected in ((LIST_REACH - 40, "230条"), (LIST_REACH + 40, None)):
        text = "主动公开政府信息230条，其中" + "工作" * (gap // 2) + "网站150条。"
        got = linked(text, fact(text, "230条", "INFO_PUBLISHED", 230), fact(text, "150条", "WEBSITE_POSTS", 150))
        assert got[1][2] == expected



def test_a_count_handled_otherwise_closing_a_list_of_outcomes_is_a_part_of_its_applications():
    """其他处理 across semicolons and rates: a part of the applications processed, never a
    second count of them."""
    text = "全年办结申请40件。其中予以公开20件，占50%；无法提供12件，占30%；其他处理8件，占20%。"
    got = linked(text, fact(text, "40件", "APP_PROCESSED", 40), fact(text, "20件", "APP_GRANTED", 20),
                 fact(text, "50%", "RATE", 50, unit="%"), fact(text, "12件", "APP_UNABLE", 12),
                 fact(text, "30%", "RATE", 30, unit="%"), fact(text, "8件", "APP_PROCESSED", 8),
                 fact(text, "20%", "RATE", 20, unit="%"))
    assert got[5] == ("8件", "APP_PROCESSED", "40件")


def test_a_count_handled_otherwise_takes_the_label_of_the_applications_received_it_breaks_down():
    text = "共收到申请15件（其中网上申请9件，信函申请6件）。经审慎办理，予以公开7件，无法提供5件，其他处理3件。"
    facts = sorted([fact(text, "15件", "APP_RECEIVED", 15), fact(text, "9件", "APP_RECEIVED", 9),
                    fact(text, "6件", "APP_RECEIVED", 6), fact(text, "7件", "APP_GRANTED", 7),
                    fact(text, "5件", "APP_UNABLE", 5), fact(text, "3件", "APP_PROCESSED", 3)], key=lambda f: f.start)
    link_parts(text, facts)
    assert (facts[5].label, facts[5].part_of) == ("APP_RECEIVED", 0)
    assert 5 in same_label_parts(facts)


def test_a_count_handled_otherwise_after_a_part_of_a_total_points_at_the_whole():
    text = "收到申请13件，其中网上收到10件，信箱收到3件；予以公开6件，其他处理7件。"
    got = linked(text, fact(text, "13件", "APP_RECEIVED", 13), fact(text, "10件", "APP_RECEIVED", 10),
                 fact(text, "3件", "APP_RECEIVED", 3), fact(text, "6件", "APP_GRANTED", 6),
                 fact(text, "7件", "APP_PROCESSED", 7))
    assert got[4] == ("7件", "APP_RECEIVED", "13件")


def test_a_count_handled_otherwise_with_no_stated_total_is_no_fact():
    """kewei2024's shape: the outcomes follow a count carried over and name their base
    (所有办结的申请) without a number, so the 其他处理 count is no count the catalogue names."""
    text = "收到申请30件，上年结转申请3件。在全部办结的申请中，同意公开10件，无法提供8件，其他处理15件。"
    got = linked(text, fact(text, "30件", "APP_RECEIVED", 30), fact(text, "3件", "APP_CARRIED_OVER", 3),
                 fact(text, "10件", "APP_GRANTED", 10), fact(text, "8件", "APP_UNABLE", 8),
                 fact(text, "15件", "APP_PROCESSED", 15))
    assert [g[0] for g in got] == ["30件", "3件", "10件", "8件"]


def test_a_count_handled_otherwise_does_not_reach_back_over_a_paragraph():
    text = "办结申请20件。\n本年度予以公开5件，其他处理2件。"
    got = linked(text, fact(text, "20件", "APP_PROCESSED", 20), fact(text, "5件", "APP_GRANTED", 5),
                 fact(text, "2件", "APP_PROCESSED", 2))
    assert [g[0] for g in got] == ["20件", "5件"]


@pytest.mark.parametrize("text, counts, part_of", [
    ("全年审结行政复议案件6件，结果维持1件，结果纠正2件，其他结果3件。",
     [("6件", 6), ("1件", 1), ("2件", 2), ("3件", 3)], [None, "6件", "6件", "6件"]),
    ("引起行政复议3件，2件维持原决定；1件已撤回。", [("3件", 3), ("2件", 2), ("1件", 1)], [None, "3件", "3件"]),
    # a count that names no outcome ends the run, and so does a larger one
    ("发生行政复议4件，3件维持，复议机关受理5件。", [("4件", 4), ("3件", 3), ("5件", 5)], [None, "4件", None]),
    ("本年度行政复议2件，行政复议1件尚未审结，行政复议决定3件。", [("2件", 2), ("1件", 1), ("3件", 3)],
     [None, "2件", None]),
    # the outcome in the next count's clause is that count's: the concluded 30 break down, not the 45
    ("收到行政复议申请45件，已办结30件，撤回申请9件，维持21件。", [("45件", 45), ("30件", 30), ("9件", 9), ("21件", 21)],
     [None, None, "30件", "30件"]),
    # the last count may name its outcome a clause later
    ("引起行政复议3件，2件维持；1件因逾期提交，要求重新作出答复。", [("3件", 3), ("2件", 2), ("1件", 1)],
     [None, "3件", "3件"]),
])
def test_what_became_of_the_appeals_just_counted_are_its_parts(text, counts, part_of):
    got = linked(text, *(fact(text, span, "REVIEW_CASES", value) for span, value in counts))
    assert [g[2] for g in got] == part_of


def test_outcomes_of_lawsuits_after_the_appeals_belong_to_the_lawsuits():
    text = "发生行政复议2件，1件维持，1件撤诉；发生行政诉讼1件，结果维持1件。"
    got = linked(text, fact(text, "2件", "REVIEW_CASES", 2), fact(text, "1件", "REVIEW_CASES", 1),
                 fact(text, "1件", "REVIEW_CASES", 1, nth=1), fact(text, "1件", "LITIGATION_CASES", 1, nth=2),
                 fact(text, "1件", "LITIGATION_CASES", 1, nth=3))
    assert [g[2] for g in got] == [None, "2件", "2件", None, "1件"]


@pytest.mark.parametrize("text, part_of", [
    ("行政复议30件，行政诉讼12件，其中20件行政复议、9件行政诉讼获维持，4件行政复议结果纠正。",
     [None, None, "30件", "12件", "30件"]),
    ("行政诉讼12件，行政复议30件，其中9件行政诉讼、20件行政复议获维持，4件行政复议结果纠正。",
     [None, None, "12件", "30件", "30件"]),
])
def test_parts_naming_their_kind_after_counts_of_appeals_and_lawsuits_belong_to_their_own_kind(text, part_of):
    spans = [("30件", "REVIEW_CASES", 30), ("12件", "LITIGATION_CASES", 12), ("20件", "REVIEW_CASES", 20),
             ("9件", "LITIGATION_CASES", 9), ("4件", "REVIEW_CASES", 4)]
    got = linked(text, *(fact(text, span, label, value) for span, label, value in spans))
    assert [g[2] for g in got] == part_of


@pytest.mark.parametrize("text, counts, part_of", [
    # channels, one after another in the total's sentence, adding up to it
    ("主动公开政府信息300条，通过门户网站公开115条，政务微信公开163条，其他方式公开22条。",
     [("300条", "INFO_PUBLISHED", 300), ("115条", "WEBSITE_POSTS", 115), ("163条", "WECHAT_POSTS", 163),
      ("22条", "INFO_PUBLISHED", 22)], [None, "300条", "300条", "300条"]),
    # the sentence after a total that ends its own
    ("通过区政府网站公开信息46条。机构概况7条，工作动态28条，财政预决算11条。",
     [("46条", "WEBSITE_POSTS", 46), ("7条", "INFO_PUBLISHED", 7), ("28条", "INFO_PUBLISHED", 28),
      ("11条", "INFO_PUBLISHED", 11)], [None, "46条", "46条", "46条"]),
    # the next sentence after a line break
    ("全年主动公开信息44条。\n从公开渠道看，政府网站公开信息3条，公示栏公开41条。",
     [("44条", "INFO_PUBLISHED", 44), ("3条", "WEBSITE_POSTS", 3), ("41条", "INFO_PUBLISHED", 41)],
     [None, "44条", "44条"]),
    # a count of 0 closing the sentence of the last part belongs to the list
    ("受理申请6件，予以公开4件，无法提供2件，不予公开0件。",
     [("6件", "APP_RECEIVED", 6), ("4件", "APP_GRANTED", 4), ("2件", "APP_UNABLE", 2), ("0件", "APP_DENIED", 0)],
     [None, "6件", "6件", "6件"]),
])
def test_counts_right_after_a_total_that_add_up_to_it_are_its_parts(text, counts, part_of):
    got = linked(text, *(fact(text, span, label, value) for span, label, value in counts))
    assert [g[2] for g in got] == part_of


def test_topics_adding_up_to_a_website_total_take_its_label():
    text = "通过区政府网站公开信息46条。机构概况7条，工作动态28条，财政预决算11条。"
    got = linked(text, fact(text, "46条", "WEBSITE_POSTS", 46), fact(text, "7条", "INFO_PUBLISHED", 7),
                 fact(text, "28条", "INFO_PUBLISHED", 28), fact(text, "11条", "INFO_PUBLISHED", 11))
    assert [g[1] for g in got] == ["WEBSITE_POSTS"] * 4


@pytest.mark.parametrize("text, counts", [
    # they do not add up
    ("主动公开政府信息300条，网站公开120条，政务微信公开150条。", [("300条", 300), ("120条", 120), ("150条", 150)]),
    # a run of peers: one count adding up to the next ones is chance
    ("发布机构概况3条，工作会议信息4条，重大项目信息2条，发展规划信息2条。", [("3条", 3), ("4条", 4), ("2条", 2), ("2条", 2)]),
    # they add up only over two sentences after the total
    ("通过区政府网站公开信息46条。机构概况7条，工作动态28条。财政预决算11条。",
     [("46条", 46), ("7条", 7), ("28条", 28), ("11条", 11)]),
    # an approximate total
    ("主动公开政府信息300余条，网站公开120条，政务微信公开180条。", [("300余条", 300), ("120条", 120), ("180条", 180)]),
])
def test_counts_after_a_count_that_do_not_add_up_to_it_in_one_sentence_stand_alone(text, counts):
    seen: dict[str, int] = {}
    facts = []
    for span, value in counts:
        facts.append(fact(text, span, "INFO_PUBLISHED", value, nth=seen.get(span, 0),
                          qualifier="approx" if "余" in span else "exact"))
        seen[span] = seen.get(span, 0) + 1
    assert [g[2] for g in linked(text, *facts)] == [None] * len(counts)


def test_parts_adding_up_to_one_of_two_counts_on_one_span_belong_to_the_count_of_their_label():
    text = "共收到并办结申请5件，4件为网上申请，1件为信函申请。"
    got = linked(text, fact(text, "5件", "APP_PROCESSED", 5), fact(text, "5件", "APP_RECEIVED", 5),
                 fact(text, "4件", "APP_RECEIVED", 4), fact(text, "1件", "APP_RECEIVED", 1))
    assert got[2:] == [("4件", "APP_RECEIVED", "5件"), ("1件", "APP_RECEIVED", "5件")]
    facts = sorted([fact(text, "5件", "APP_PROCESSED", 5), fact(text, "5件", "APP_RECEIVED", 5),
                    fact(text, "4件", "APP_RECEIVED", 4), fact(text, "1件", "APP_RECEIVED", 1)],
                   key=lambda f: (f.start, f.label))
    link_parts(text, facts)
    assert [f.part_of for f in facts] == [None, None, 1, 1]


def test_a_list_opening_the_next_sentence_that_exceeds_the_part_before_it_belongs_to_that_parts_total():
    text = "主动公开信息200条，通过门户网站公开85条，政务微信公开107条，其他形式公开8条。其中规范性文件6条，通知公告43条。"
    got = linked(text, fact(text, "200条", "INFO_PUBLISHED", 200), fact(text, "85条", "WEBSITE_POSTS", 85),
                 fact(text, "107条", "WECHAT_POSTS", 107), fact(text, "8条", "INFO_PUBLISHED", 8),
                 fact(text, "6条", "NORMATIVE_DOCS", 6), fact(text, "43条", "INFO_PUBLISHED", 43))
    assert [g[2] for g in got] == [None, "200条", "200条", "200条", "200条", "200条"]
    assert [g[1] for g in got][4:] == ["NORMATIVE_DOCS", "INFO_PUBLISHED"]


def test_applications_carried_over_that_a_count_says_in_brackets_it_includes_are_its_part():
    text = "全年答复申请45件（含上年结转6件），结转下年度办理3件。"
    got = linked(text, fact(text, "45件", "APP_PROCESSED", 45), fact(text, "6件", "APP_CARRIED_OVER", 6),
                 fact(text, "3件", "APP_CARRIED_FORWARD", 3))
    assert got == [("45件", "APP_PROCESSED", None), ("6件", "APP_CARRIED_OVER", "45件"),
                   ("3件", "APP_CARRIED_FORWARD", None)]


def test_parts_in_the_next_sentence_after_a_rate_that_ends_the_totals_sentence():
    text = "全年主动公开政府信息48条，全文电子化率达100%。其中机构职能类信息6条，工作动态类信息30条。"
    got = linked(text, fact(text, "48条", "INFO_PUBLISHED", 48), fact(text, "100%", "RATE", 100, unit="%"),
                 fact(text, "6条", "INFO_PUBLISHED", 6), fact(text, "30条", "INFO_PUBLISHED", 30))
    assert [g[2] for g in got] == [None, None, "48条", "48条"]


def test_another_channel_past_a_semicolon_is_no_part_of_a_channels_list():
    text = "通过门户网站发布信息60条，其中概况类信息8条，工作动态52条；微信公众号发布信息90条。"
    got = linked(text, fact(text, "60条", "WEBSITE_POSTS", 60), fact(text, "8条", "WEBSITE_POSTS", 8),
                 fact(text, "52条", "WEBSITE_POSTS", 52), fact(text, "90条", "WECHAT_POSTS", 90))
    assert [g[2] for g in got] == [None, "60条", "60条", None]


def test_a_channel_in_a_list_found_by_its_sum_gives_no_channel_to_the_topics_of_its_total():
    text = "主动公开信息200条，通过政务微信公开150条，门户网站公开50条。其中规范性文件6条，通知公告73条。"
    got = linked(text, fact(text, "200条", "INFO_PUBLISHED", 200), fact(text, "150条", "WECHAT_POSTS", 150),
                 fact(text, "50条", "WEBSITE_POSTS", 50, nth=1), fact(text, "6条", "NORMATIVE_DOCS", 6),
                 fact(text, "73条", "INFO_PUBLISHED", 73))
    assert got[3:] == [("6条", "NORMATIVE_DOCS", "200条"), ("73条", "INFO_PUBLISHED", "200条")]


def test_a_part_published_by_its_own_publisher_does_not_take_the_channel_of_the_part_before():
    text = "全市累计主动公开政府信息3000条，其中市政府门户网站主动公开信息900条，各区县主动公开信息1500条，各部门主动公开信息600条。"
    got = linked(text, fact(text, "3000条", "INFO_PUBLISHED", 3000), fact(text, "900条", "WEBSITE_POSTS", 900),
                 fact(text, "1500条", "INFO_PUBLISHED", 1500), fact(text, "600条", "INFO_PUBLISHED", 600))
    assert got == [("3000条", "INFO_PUBLISHED", None), ("900条", "WEBSITE_POSTS", "3000条"),
                   ("1500条", "INFO_PUBLISHED", "3000条"), ("600条", "INFO_PUBLISHED", "3000条")]


def test_a_part_that_names_the_places_that_published_it_is_broken_down_by_the_list_after_it():
    text = "全年公开政府信息700条。其中，通过门户网站及其他政府公开平台公开信息500条，包含政府采购类20条、工程信息80条等；通过两级媒体公开信息200条。"
    got = linked(text, fact(text, "700条", "INFO_PUBLISHED", 700), fact(text, "500条", "INFO_PUBLISHED", 500),
                 fact(text, "20条", "INFO_PUBLISHED", 20), fact(text, "80条", "INFO_PUBLISHED", 80),
                 fact(text, "200条", "OTHER_MEDIA_POSTS", 200))
    assert [g[2] for g in got] == [None, "700条", "500条", "500条", "700条"]
