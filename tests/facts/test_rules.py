import pytest

from nianbao.facts.rules import RulesExtractor, extract_facts
from nianbao.report import Report, Table
from tests.conftest import seed_path


def labelled(text):
    return [(f.label, f.text) for f in extract_facts(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全年收到信息公开申请98个,办理98件", [("APP_RECEIVED", "98个"), ("APP_PROCESSED", "98件")]),
        ("2020年，我办收到4例信息公开申请，与往年相比数量增加了3例。", [("APP_RECEIVED", "4例")]),
        ("其中自然人80件、商业企业1件", [("APP_NATURAL_PERSON", "80件"), ("APP_ORGANIZATION", "1件")]),
        ("共有政务服务事项958个，其中行政许可事项541个", [("SERVICE_ITEMS", "958个"), ("SERVICE_ITEMS", "541个")]),
        ("进网厅事项958个,占比50.98%,", [("ONLINE_ITEMS", "958个"), ("RATE", "50.98%")]),
        ("政务新媒体19个(微博2个、微信15个、小程序2个)", [("NEW_MEDIA_ACCOUNTS", "19个"), ("NEW_MEDIA_ACCOUNTS", "2个"),
                                            ("NEW_MEDIA_ACCOUNTS", "15个"), ("NEW_MEDIA_ACCOUNTS", "2个")]),
        ("通过“大辛庄阳光政务”公众号发布信息635条", [("WECHAT_POSTS", "635条")]),
        ("通过临清市人民政府网站发布政务公开信息153条", [("WEBSITE_POSTS", "153条")]),
        ("全年发布信息635条。", [("INFO_PUBLISHED", "635条")]),
        ("制定政策性文件11件。", []),
        ("全年制发规范性文件3件。", [("NORMATIVE_DOCS", "3件")]),
        ("予以公开及部分公开208件", [("APP_GRANTED", "208件")]),
        ("设立6个综合窗口，编制了街道及2个重点领域的目录", []),
    ],
)
def test_facts_md_hard_cases(text, expected):
    assert labelled(text) == expected


def test_one_zero_claim_gives_review_and_litigation():
    facts = extract_facts("本年度未发生行政复议和行政诉讼。")
    assert [(f.label, f.text, f.start, f.value, f.qualifier) for f in facts] == [
        ("REVIEW_CASES", "未", 3, 0, "zero_claim"), ("LITIGATION_CASES", "未", 3, 0, "zero_claim")]


@pytest.mark.parametrize(
    "text, label",
    [("本年度未收到政府信息公开申请。", "APP_RECEIVED"), ("2021年，无收取信息处理费情况。", "FEE_COLLECTED"),
     ("全部未向申请人收取费用。", "FEE_COLLECTED")],
)
def test_zero_claims_take_the_label_of_what_follows(text, label):
    assert [f.label for f in extract_facts(text)] == [label]


def test_negations_with_nothing_countable_after_them_are_not_facts():
    assert labelled("信息公开工作没有发生泄密事件和责任追究情况。") == []


def test_years_dates_phones_and_articles_are_never_facts():
    text = "根据第二十条，2020年1月1日起，联系电话：0535-6877711，邮编264000。"
    assert labelled(text) == []


def test_values_come_from_the_normaliser():
    (f,) = extract_facts("微博粉丝近45.9万")
    assert (f.label, f.value, f.unit, f.qualifier, f.extractor) == ("FOLLOWERS", 459000, None, "approx", "rules")
    (f,) = extract_facts("政府集中采购金额2.9亿元")
    assert (f.label, f.value, f.unit) == ("PROCUREMENT", 290000000, "元")


def test_channel_counts_follow_their_account():
    text = "我办微信公众号关注量5948人，2020年度累计发稿191篇，浏览量达356415次，朋友圈分享8951人次"
    assert labelled(text) == [("FOLLOWERS", "5948人"), ("WECHAT_POSTS", "191篇"), ("VIEWS", "356415次"),
                              ("VIEWS", "8951人次")]


def test_rules_extractor_skips_tables_and_points_into_the_text():
    path = seed_path("002")
    text = path.read_text("utf-8")
    start = text.rfind("\n", 0, text.index("\t")) + 1  # the first table row
    report = Report(doc_id="x", source=str(path), format="txt", text=text,
                    tables={"t3": Table(id="t3", start=start, end=len(text))})
    (facts,) = RulesExtractor().extract([report])
    assert facts and all(f.end <= start for f in facts)
    assert [f.start for f in facts] == sorted(f.start for f in facts)
    for f in facts:
        assert text[f.start:f.end] == f.text
    assert ("APP_RECEIVED", "1件") in [(f.label, f.text) for f in facts]


def test_cues_are_read_across_hard_line_breaks():
    text = "本年度新收政府信息公开申请 34 件，上年结转政府信息公开\n申请 2 件，所有申请均已办结。"
    assert labelled(text) == [("APP_RECEIVED", "34 件"), ("APP_CARRIED_OVER", "2 件")]


def test_carried_forward_wins_over_the_processing_verb_in_its_clause():
    text = "件，无法提供的 10 件，不予处理 0 件，其他处理 14 件，转下一\n年度办理答复的有 1 件。"
    assert labelled(text)[-1] == ("APP_CARRIED_FORWARD", "1 件")


def test_published_items_by_category_are_info_published():
    text = "共公布政府信息2599条，(其中机构职能类信息25条，政策、规范性文件类信息68条，行政许可类信息69条"
    # published licensing information counts decisions (guide §4)
    assert [label for label, _ in labelled(text)] == ["INFO_PUBLISHED"] * 3 + ["ADMIN_DECISIONS"]


def test_timestamps_in_page_chrome_are_not_facts():
    assert labelled("发布时间： 2020-01-20 15:22 文号:") == []


def test_share_in_tenths_is_a_rate():
    (f,) = extract_facts("其中图文及视频类产品共 17 篇，占比超八成。")[-1:]
    assert (f.label, f.text, f.value, f.unit, f.qualifier) == ("RATE", "超八成", 80, "%", "more_than")


def test_changes_are_not_facts_but_levels_reached_are():
    assert labelled("与往年相比数量增加了3例") == []
    assert labelled("群众满意率提升至98%") == [("RATE", "98%")]


def test_internal_rules_are_not_regulations():
    assert labelled("办事处未制定本级规章制度及政策。") == []
    assert labelled("我街道未制定规章。") == [("REGULATIONS", "未")]


def test_a_count_after_several_channels_closed_by_deng_qudao_is_published_information():
    from nianbao.facts.rules import extract_facts

    text = "通过门户网站、微信公众号、政务新媒体等渠道主动公开政府信息960条。"
    assert [(f.text, f.label) for f in extract_facts(text)] == [("960条", "INFO_PUBLISHED")]


def test_new_media_alone_closed_by_deng_qudao_is_other_media():
    assert labelled("通过微信、微博等渠道公开政府信息480余条。") == [("OTHER_MEDIA_POSTS", "480余条")]
    assert labelled("利用微信公众号、微博、某某号等平台发布信息共1350条。") == [("OTHER_MEDIA_POSTS", "1350条")]
    assert labelled("通过某某发布等新媒体平台等渠道公开信息共计920条。") == [("OTHER_MEDIA_POSTS", "920条")]
    # a website, a paper or a board among them, or a channel listed that is no account: no one channel
    assert labelled("通过门户网站、微信等渠道公开信息75条。") == [("INFO_PUBLISHED", "75条")]
    assert labelled("通过《某某新闻》、报纸、微信公众号等方式公开政府信息约3100条。") == [("INFO_PUBLISHED", "约3100条")]
    assert labelled("主要使用短信平台、微信群、朋友圈、公众号等形式发布信息800余条。") == [("INFO_PUBLISHED", "800余条")]
    assert labelled("通过新闻发布会、广播电视、政务新媒体等渠道，主动公开政府信息15万余条。") == [
        ("INFO_PUBLISHED", "15万余条")]


def test_topics_listed_after_a_count_of_published_items_are_its_parts_without_cues_of_their_own():
    from nianbao.facts.rules import extract_facts

    text = "全年通过门户网站发布信息600条，其中财政预决算120条、医疗卫生30条；乡村振兴45条。下一步将继续推进。"
    assert [(f.text, f.label) for f in extract_facts(text)] == [
        ("600条", "WEBSITE_POSTS"), ("120条", "WEBSITE_POSTS"), ("30条", "WEBSITE_POSTS"), ("45条", "WEBSITE_POSTS")]


def test_a_topic_count_in_the_next_sentence_is_not_a_part():
    from nianbao.facts.rules import extract_facts

    text = "全年通过门户网站发布信息600条，其中财政预决算120条。乡村振兴45条。"
    assert [f.text for f in extract_facts(text)] == ["600条", "120条"]


@pytest.mark.parametrize("text, label", [
    ("全年在县政务网发布信息120条。", "WEBSITE_POSTS"),
    ("通过区政务网主动公开政府信息88条。", "WEBSITE_POSTS"),
    ("本年度共在外网公示信息45条。", "WEBSITE_POSTS"),
])
def test_a_site_whose_name_ends_in_wang_is_the_website(text, label):
    assert [f.label for f in extract_facts(text)] == [label]


@pytest.mark.parametrize("text", [
    "在省级以上主流媒体刊发稿件36篇。",
    "在学习强国平台发布稿件5篇。",
])
def test_items_run_by_outside_media_are_other_media_posts(text):
    assert [f.label for f in extract_facts(text)] == ["OTHER_MEDIA_POSTS"]


def test_counts_of_mailbox_letters_and_hotline_cases_are_public_messages_whatever_the_verb():
    text = "县长信箱收到来信120件，办结118件，不予受理2件；受理热线工单300件，已办结300件。"
    assert [f.label for f in extract_facts(text)] == ["PUBLIC_MESSAGES"] * 5


def test_results_of_deputies_suggestions_are_npc_suggestions_not_applications_processed():
    text = "公开人大代表建议办理结果40件、政协委员提案办理结果35件。"
    assert [f.label for f in extract_facts(text)] == ["NPC_SUGGESTIONS", "NPC_SUGGESTIONS"]


def test_an_application_named_after_a_message_channel_is_still_an_application():
    text = "通过市长信箱提交的信息公开申请3件。"
    assert [f.label for f in extract_facts(text)] == ["APP_RECEIVED"]


def test_information_requested_under_yishenqing_is_applications_received():
    assert labelled("本年度共收到依申请公开政府信息7件。") == [("APP_RECEIVED", "7件")]


@pytest.mark.parametrize("text", [
    "全年向上级部门报送信息60条。",
    "编写的稿件被市政府网站采用12篇。",
    "向档案馆移交政府信息纸质全文10件。",
])
def test_items_sent_up_taken_up_or_filed_are_not_published(text):
    assert extract_facts(text) == []


def test_a_column_named_before_a_publishing_verb_is_where_the_items_went():
    assert labelled("通过政务公开专栏主动发布各类政府信息27条。") == [("INFO_PUBLISHED", "27条")]
    assert labelled("设置政务公开专栏3个。") == []


@pytest.mark.parametrize("text", ["通过区政府信息公开网主动公开政府信息88条。", "在县政府信息公开网站公开信息50条。"])
def test_the_disclosure_site_is_the_disclosure_platform_not_the_portal(text):
    assert [f.label for f in extract_facts(text)] == ["INFO_PUBLISHED"]


def test_counts_of_documents_other_than_normative_ones_are_not_facts_but_a_topic_of_documents_is():
    assert labelled("全年主动公开规范性文件20份，其他政府文件19份。") == [("NORMATIVE_DOCS", "20份")]
    assert labelled("主动公开政府信息53条，其中乡镇公告类1条，乡镇文件类43条。") == [
        ("INFO_PUBLISHED", "53条"), ("INFO_PUBLISHED", "1条"), ("INFO_PUBLISHED", "43条")]


def test_the_verb_before_yishenqing_decides_received_or_answered():
    assert labelled("新收到依申请公开政府信息42件，答复依申请公开政府信息39件。") == [
        ("APP_RECEIVED", "42件"), ("APP_PROCESSED", "39件")]


@pytest.mark.parametrize("text", ["全年主动公开各类政府信息共计402条。", "在政府网站公开信息总计108条。", "发布信息累计300条。"])
def test_a_total_led_by_gongji_is_a_fact_but_a_counting_convention_is_not(text):
    assert len(extract_facts(text)) == 1
    assert extract_facts("不同渠道发布的同一信息计为1条。") == []


def test_a_list_of_topics_may_open_the_next_sentence_by_referring_back_to_its_total():
    text = "本年度主动公开政府信息140条。其中，机构概况信息9条、部门文件信息30条、法律法规2条。"
    assert labelled(text) == [("INFO_PUBLISHED", "140条"), ("INFO_PUBLISHED", "9条"),
                              ("INFO_PUBLISHED", "30条"), ("INFO_PUBLISHED", "2条")]


def test_a_topic_named_by_a_noun_that_counts_nothing_itself_keeps_a_list_of_items_going():
    text = "全年公开信息40条，工作动态20条、通知公告10条、社区简介2条、领导简介8条。"
    assert labelled(text) == [("INFO_PUBLISHED", "40条"), ("INFO_PUBLISHED", "20条"), ("INFO_PUBLISHED", "10条"),
                              ("INFO_PUBLISHED", "2条"), ("INFO_PUBLISHED", "8条")]
    assert labelled("全年公开信息40条，工作动态20条、社区2个。") == [("INFO_PUBLISHED", "40条"), ("INFO_PUBLISHED", "20条")]
    text = "全年公开信息30条，规划计划类3条，机构职能类2条，“机构设置”5条，工作动态20条。"
    assert [label for label, _ in labelled(text)] == ["INFO_PUBLISHED"] * 5


def test_posts_named_after_the_count_are_the_posts_of_the_channel_the_sentence_names():
    text = "“某某发布”微信公众号粉丝量12万，全年共推送52篇推文，总阅读量50万。"
    assert ("WECHAT_POSTS", "52篇") in labelled(text)
    assert labelled("全年在各级媒体刊发18篇稿件。") == [("OTHER_MEDIA_POSTS", "18篇")]


def test_topics_listed_after_a_short_remark_that_counts_nothing_still_belong_to_the_total():
    text = "本年度通过区政府网站公开信息24条。工作平稳推进。在主动公开的信息中，通知公告9条，工作动态15条。"
    assert labelled(text) == [("WEBSITE_POSTS", "24条"), ("WEBSITE_POSTS", "9条"), ("WEBSITE_POSTS", "15条")]
    text = "本年度通过区政府网站公开信息24条。另有3个单位未报送。在主动公开的信息中，通知公告9条。"
    assert ("WEBSITE_POSTS", "9条") not in labelled(text)


def test_cases_handled_from_a_mailbox_or_hotline_are_public_messages():
    text = "全年局长信箱办件21件，政务服务热线办件9件。"
    assert labelled(text) == [("PUBLIC_MESSAGES", "21件"), ("PUBLIC_MESSAGES", "9件")]
    assert labelled("政务服务中心全年办件3200件。") == [("SERVICES_HANDLED", "3200件")]


def test_reports_by_outside_media_counted_in_times_are_their_posts_not_views():
    assert labelled("全年省级以上媒体报道120余次。") == [("OTHER_MEDIA_POSTS", "120余次")]


def test_a_count_per_month_or_quarter_is_a_rate_not_a_total():
    assert labelled("各科室每月至少上报3篇信息，宣传栏每季度更新1次。") == []
    assert labelled("在每日头条等媒体发布信息40条。") == [("OTHER_MEDIA_POSTS", "40条")]


def test_an_average_or_a_maximum_is_not_a_total_of_the_year():
    text = "公众号全年阅读量86万次，平均每篇阅读量1200次，单篇最高阅读量3.1万次，日均访问量450人次。"
    assert labelled(text) == [("VIEWS", "86万次")]
    assert labelled("梳理最多跑一次事项320项。") != []  # a reform's name, not a maximum
    assert labelled("全年均在规定时限内办结申请12件。") == [("APP_PROCESSED", "12件")]  # 均: all of them


def test_appeals_and_lawsuits_received_and_closed_are_cases_not_applications():
    text = "全年受理行政复议申请20件，已办结15件。收到以区政府为被告的行政应诉案件9件，已审结7件。"
    assert labelled(text) == [("REVIEW_CASES", "20件"), ("REVIEW_CASES", "15件"),
                              ("LITIGATION_CASES", "9件"), ("LITIGATION_CASES", "7件")]


def test_a_list_opened_by_a_line_that_names_the_website_is_the_websites():
    text = "本局网站公开以下信息：\n（1）通知公告类：规划信息 12条，财政资金 30条。"
    assert labelled(text) == [("WEBSITE_POSTS", "12条"), ("WEBSITE_POSTS", "30条")]


def test_a_quoted_site_name_a_wechat_service_account_and_a_media_account_are_channels():
    assert labelled("在“某某区人民政府”网主动公开政府信息51篇。") == [("WEBSITE_POSTS", "51篇")]
    assert labelled("“某某医保”服务号发布信息40条。") == [("WECHAT_POSTS", "40条")]
    assert labelled("在某某融媒号发布信息18条。") == [("OTHER_MEDIA_POSTS", "18条")]


def test_documents_listed_among_a_websites_topics_are_its_parts_whatever_their_unit():
    text = "全年通过区政府网站公开信息120条，其中政策文件14件、工作动态80条。"
    assert labelled(text) == [("WEBSITE_POSTS", "120条"), ("WEBSITE_POSTS", "14件"), ("WEBSITE_POSTS", "80条")]


def test_what_became_of_appeals_and_lawsuits_takes_the_label_of_the_one_named_last():
    text = "本年度行政复议2件。其中结果维持1件；结果纠正0件；尚未审结1件。"
    assert labelled(text) == [("REVIEW_CASES", "2件"), ("REVIEW_CASES", "1件"), ("REVIEW_CASES", "0件"),
                              ("REVIEW_CASES", "1件")]
    text = "涉及行政复议3件，行政诉讼2件，其中结果维持1件，尚未审结1件。"
    assert labelled(text)[-2:] == [("LITIGATION_CASES", "1件"), ("LITIGATION_CASES", "1件")]


def test_topics_of_a_count_on_the_website_are_website_posts_after_a_paragraph_break():
    text = "本镇通过县政府网站主动公开信息30条。\n\n具体包括机构职能4条，工作动态26条。"
    assert labelled(text) == [("WEBSITE_POSTS", "30条"), ("WEBSITE_POSTS", "4条"), ("WEBSITE_POSTS", "26条")]


def test_topics_of_a_count_on_the_website_are_website_posts_even_in_the_next_sentence():
    text = "全年通过镇政府网站发布政府信息80条，完成年度任务。其中工作动态信息50条，通知公告30条。"
    assert labelled(text) == [("WEBSITE_POSTS", "80条"), ("WEBSITE_POSTS", "50条"), ("WEBSITE_POSTS", "30条")]


def test_a_change_or_a_quoted_name_in_a_topic_list_is_no_part():
    text = "全年发布信息70条。其中，“惠企八条”解读信息较上年增加5条。"
    assert labelled(text) == [("INFO_PUBLISHED", "70条")]


def test_a_noun_that_qualifies_xinxi_does_not_block_the_count():
    assert labelled("全年重点领域信息公开66条。") == [("INFO_PUBLISHED", "66条")]
    assert labelled("开放了3个部门。") == []


def test_a_list_of_kinds_closed_by_deng_xinxi_counts_the_items():
    assert labelled("全年发布会议、规范性文件、政策解读等政务信息310条。") == [("INFO_PUBLISHED", "310条")]


@pytest.mark.parametrize("text, expected", [
    ("全年办理政府信息公开申请40件，办结35件，结转下一年办理5件。",
     [("APP_RECEIVED", "40件"), ("APP_PROCESSED", "35件"), ("APP_CARRIED_FORWARD", "5件")]),
    ("全年共办理政府信息公开申请6件，均已按期答复。", [("APP_PROCESSED", "6件")]),
    ("全年共收到并按时办结11件政府信息公开申请。", [("APP_RECEIVED", "11件"), ("APP_PROCESSED", "11件")]),
    ("收到申请30件，公开答复27件，转下年度办理3件。",
     [("APP_RECEIVED", "30件"), ("APP_PROCESSED", "27件"), ("APP_CARRIED_FORWARD", "3件")]),
    ("收到申请9条，及时回复9条。", [("APP_RECEIVED", "9条"), ("APP_PROCESSED", "9条")]),
    ("收到申请5件，办结3件，另有2件转结下年度办理。",
     [("APP_RECEIVED", "5件"), ("APP_PROCESSED", "3件"), ("APP_CARRIED_FORWARD", "2件")]),
    ("共处理依申请公开政府信息15件，已全部办结。", [("APP_PROCESSED", "15件")]),
    ("收到政府信息公开申请信件12件，其中本年度答复11件。", [("APP_RECEIVED", "12件"), ("APP_PROCESSED", "11件")]),
])
def test_receiving_and_processing_verbs_as_the_annotation_guide_reads_them(text, expected):
    assert labelled(text) == expected


def test_decisions_on_licences_are_admin_decisions_not_applications_processed():
    assert labelled("行政许可处理决定数量120件。") == [("ADMIN_DECISIONS", "120件")]


@pytest.mark.parametrize("text, label", [
    ("通过门户网站、政务新媒体共公开信息900条。", "INFO_PUBLISHED"),
    ("通过微博、微信发送消息600余条。", "OTHER_MEDIA_POSTS"),
])
def test_several_channels_in_one_clause_publish_together(text, label):
    assert [f.label for f in extract_facts(text)] == [label]


@pytest.mark.parametrize("text", [
    "我局依托县政府网站、局政务公开专栏发布信息42条。",
    "全镇经由政府网站和政务公开平台共发布信息95条。",
    "通过本局政务公开专栏、区政府网站公开信息12条。",
    "二是借助市政府网站、本局政务信息公开专栏向社会公布各类政府信息31条。",
    "全街道经区政府门户网站及社区设立的公示栏发布共计18条。",
])
def test_a_disclosure_column_named_beside_the_website_is_a_second_channel(text):
    assert [f.label for f in extract_facts(text)] == ["INFO_PUBLISHED"]


@pytest.mark.parametrize("text", ["通过县政府网站信息公开平台发布信息30条。", "在县政府门户网站民生专栏公开5次。",
                                  "经县政府网、县新闻网发布信息35条。"])
def test_the_websites_own_platform_or_column_and_several_websites_are_the_website(text):
    assert [f.label for f in extract_facts(text)] == ["WEBSITE_POSTS"]


def test_channels_counted_one_by_one_keep_their_own_labels():
    text = "在区政府网站公开信息21条、“某镇发布”微信公众号公开信息40条；通过微博、微信公众号分别发布信息5条、9条。"
    labels = [f.label for f in extract_facts(text)]
    assert labels[:2] == ["WEBSITE_POSTS", "WECHAT_POSTS"] and "OTHER_MEDIA_POSTS" not in labels[2:]


def test_a_website_named_at_the_start_of_a_run_of_clauses_still_publishes_after_a_semicolon():
    text = "依托县政府门户网站公开专栏，主动公开信息70条；专题发布政府信息20条；本级栏目发布政府信息50条。"
    assert [f.label for f in extract_facts(text)] == ["WEBSITE_POSTS"] * 3
    text = "在门户网站公开信息70条；通过微信公众号发布信息20条；发布政府信息50条。"
    assert [f.label for f in extract_facts(text)] == ["WEBSITE_POSTS", "WECHAT_POSTS", "INFO_PUBLISHED"]


def test_the_counting_convention_for_one_item_on_several_channels_is_no_fact():
    assert labelled("主动公开政府信息95条（不同渠道公开的相同信息计1条）。") == [("INFO_PUBLISHED", "95条")]


def test_a_list_after_a_colon_is_read_item_by_item_even_when_its_head_is_no_fact():
    assert labelled("按期更新6个板块：其中公开通知公告7条。") == [("INFO_PUBLISHED", "7条")]


def test_topics_after_the_first_of_a_headless_list_count_published_items_too():
    text = "按期更新6个板块：其中公开通知公告7条、工作动态5条，办事指南2条，图片新闻1条。"
    assert labelled(text) == [("INFO_PUBLISHED", "7条"), ("INFO_PUBLISHED", "5条"),
                              ("INFO_PUBLISHED", "2条"), ("INFO_PUBLISHED", "1条")]


def test_an_item_naming_its_own_kind_or_channel_is_no_topic_of_the_list():
    assert labelled("其中公开通知公告7条、行政处罚类文件3件。") == [("INFO_PUBLISHED", "7条")]
    text = "其中公开通知公告7条，公示栏张贴4条。"
    assert labelled(text) == [("INFO_PUBLISHED", "7条"), ("INFO_PUBLISHED", "4条")]
    assert labelled("全年公开通知公告7条，单位动态5条。") == [("INFO_PUBLISHED", "7条")]


def test_documents_that_are_explained_count_interpretations():
    assert labelled("宣传解读重要政策文件40篇。") == [("POLICY_INTERPRETATIONS", "40篇")]
    assert labelled("全年发布政策解读文件6篇。") == [("POLICY_INTERPRETATIONS", "6篇")]


def test_questions_put_by_the_public_and_answered_are_public_messages():
    assert labelled("全年共回答群众各类问题300个。") == [("PUBLIC_MESSAGES", "300个")]
    assert labelled("梳理出突出问题12个。") == []


def test_a_place_off_the_web_named_after_the_website_publishes_no_website_posts():
    text = "全年通过县政府网站公开信息74条，通过电子公示栏公布政务信息15条。"
    assert [f.label for f in extract_facts(text)] == ["WEBSITE_POSTS", "INFO_PUBLISHED"]


@pytest.mark.parametrize("text", ["以门户网站为主渠道，全年共主动公开政府信息860条。",
                                  "通过县政府网站、镇政务公开子站等多元途径发布政府信息99条。"])
def test_a_main_channel_or_several_ways_publish_information_in_general(text):
    assert [f.label for f in extract_facts(text)] == ["INFO_PUBLISHED"]


def test_a_topic_after_other_channels_of_a_list_does_not_take_the_first_channel():
    text = "其中：通过微信公众平台公开信息20条，通过小程序（社区版）公开信息7条，通过政府网站公开信息48条，其他方式公开信息13条。"
    assert [f.label for f in extract_facts(text)][-1] == "INFO_PUBLISHED"


def test_a_website_and_new_media_named_together_before_the_count_publish_together():
    text = "通过县政府门户网站及各部门政务新媒体账号，主动公开信息900条。"
    assert labelled(text) == [("INFO_PUBLISHED", "900条")]
    respectively = labelled("通过政务微博和微信公众号，分别发布信息30条、70条。")  # each its own channel
    assert [text for _, text in respectively] == ["30条", "70条"] and ("WECHAT_POSTS", "70条") in respectively
    assert all(label != "INFO_PUBLISHED" for label, _ in respectively)
    assert labelled("通过政务新媒体账号，主动公开信息900条。") == [("OTHER_MEDIA_POSTS", "900条")]


def test_a_web_page_of_the_office_is_its_website():
    assert labelled("局网页全年发布通知公告12条。") == [("WEBSITE_POSTS", "12条")]


def test_postings_on_a_board_off_the_web_count_published_items_in_times():
    text = "通过镇政府网站公开信息40条；通过村务公示栏公示共计12次，其中低保公示5次，项目公示7次。"
    assert labelled(text) == [("WEBSITE_POSTS", "40条"), ("INFO_PUBLISHED", "12次"),
                              ("INFO_PUBLISHED", "5次"), ("INFO_PUBLISHED", "7次")]
    assert labelled("全年召开专题会议12次。") == []


def test_the_phrase_for_anyone_who_may_apply_names_no_kind_of_applicant():
    assert labelled("本年度收到公民、法人或其他组织提出的政府信息公开申请3件。") == [("APP_RECEIVED", "3件")]
    assert labelled("其中自然人申请2件。") == [("APP_NATURAL_PERSON", "2件")]


def test_a_count_of_aspects_of_the_work_is_no_count_of_items():
    assert labelled("重点推进五个方面的信息公开。") == []
    assert labelled("全年未发生政府信息管理安全事故。") == []


@pytest.mark.parametrize("text, labels", [
    ("本年度未制定规章、行政规范性文件。", ["REGULATIONS", "NORMATIVE_DOCS"]),
    ("本年度未收到和处理政府信息公开申请。", ["APP_RECEIVED", "APP_PROCESSED"]),
    ("全年未发生有关政府信息公开的举报、投诉、行政复议和行政诉讼。", ["REVIEW_CASES", "LITIGATION_CASES", "PUBLIC_MESSAGES"]),
    ("本年度未收到政府信息公开申请，已处理历年积案。", ["APP_RECEIVED"]),  # 处理 in another clause
])
def test_one_zero_claim_denies_every_label_its_clause_names_together(text, labels):
    assert sorted(f.label for f in extract_facts(text) if f.qualifier == "zero_claim") == sorted(labels)


def test_a_word_that_only_starts_like_a_zero_cue_does_not_end_the_claim_before_it():
    # 无偿 denies nothing (is_zero_cue), so the clause reaches 行政复议、行政诉讼; 无 before 行政事业性收费 is a second claim
    assert sorted(labelled("本年度未发生因无偿提供政府信息引起的行政复议、行政诉讼。")) == [
        ("LITIGATION_CASES", "未"), ("REVIEW_CASES", "未")]
    assert labelled("全年无行政处罚无行政事业性收费。")[0] == ("ADMIN_DECISIONS", "无")


def test_a_zero_count_after_review_and_litigation_named_together_counts_both():
    assert sorted(labelled("本年度产生行政复议及行政诉讼0件。")) == [("LITIGATION_CASES", "0件"), ("REVIEW_CASES", "0件")]
    assert labelled("本年度产生行政复议3件，行政诉讼0件。") == [("REVIEW_CASES", "3件"), ("LITIGATION_CASES", "0件")]


def test_the_reasons_table_three_names_count_their_outcome_in_prose():
    text = "收到申请9件，其中予以公开3件，属于国家秘密1件，本机关不掌握相关政府信息2件，重复申请1件。"
    assert labelled(text) == [("APP_RECEIVED", "9件"), ("APP_GRANTED", "3件"), ("APP_DENIED", "1件"),
                              ("APP_UNABLE", "2件"), ("APP_NOT_PROCESSED", "1件")]


def test_an_outcome_said_right_after_a_count_of_applications_labels_it():
    assert labelled("收到政府信息公开申请7件，其中3件已公开。") == [("APP_RECEIVED", "7件"), ("APP_GRANTED", "3件")]
    assert labelled("共收到申请20件，已办结18件，2件结转下年办理。") == [
        ("APP_RECEIVED", "20件"), ("APP_PROCESSED", "18件"), ("APP_CARRIED_FORWARD", "2件")]
    assert labelled("全年发布信息20条已公开。") != [("APP_GRANTED", "20条")]  # published items, no applications


def test_applications_and_cases_counted_in_times_are_counts():
    assert labelled("全年依申请公开3次，行政复议0次。") == [("APP_RECEIVED", "3次"), ("REVIEW_CASES", "0次")]


def test_a_zero_cue_reaches_what_it_denies_past_a_longer_qualifier():
    assert sorted(labelled("全年没有因政府信息公开工作引起的行政复议和行政诉讼。")) == [
        ("LITIGATION_CASES", "没有"), ("REVIEW_CASES", "没有")]
    assert labelled("对未进行公开属性认定的公文开展审查。") == []


def test_items_counted_in_tiao_ci_are_items():
    text = "全年主动公开政府信息11条次。其中，政府工作报告1条，财政预算类4条。"
    assert labelled(text) == [("INFO_PUBLISHED", "11条次"), ("INFO_PUBLISHED", "1条"), ("INFO_PUBLISHED", "4条")]


def test_a_few_times_on_a_channel_are_no_views():
    assert ("VIEWS", "2次") not in labelled("通过政府网站开展在线访谈2次。")
    assert labelled("政府网站全年访问量达2234399人次。") == [("VIEWS", "2234399人次")]


def test_channels_named_before_fenbie_take_the_counts_after_it_in_order():
    assert labelled("本局官方网站和政务微信公众号分别发布信息120条、85条。") == [
        ("WEBSITE_POSTS", "120条"), ("WECHAT_POSTS", "85条")]
    assert labelled("通过“某县发布”微博、微信公众号全年分别推送信息30条、64条。") == [
        ("WEIBO_POSTS", "30条"), ("WECHAT_POSTS", "64条")]


def test_the_answers_listed_after_a_count_answered_are_each_what_their_words_name():
    assert labelled("答复申请20件。其中公开6件，不属于政府信息3件，告知其他途径2件，信息不存在5件，不予公开4件。") == [
        ("APP_PROCESSED", "20件"), ("APP_GRANTED", "6件"), ("APP_PROCESSED", "3件"), ("APP_PROCESSED", "2件"),
        ("APP_UNABLE", "5件"), ("APP_DENIED", "4件")]
    assert labelled("共办理申请14件，其中9件予以公开，3件区分处理，2件无法提供。") == [
        ("APP_PROCESSED", "14件"), ("APP_GRANTED", "9件"), ("APP_PARTIAL", "3件"), ("APP_UNABLE", "2件")]


def test_applications_listed_by_how_they_came_in_are_no_answers():
    # the ways they came in are parts of the count handled, and keep its label (FACTS.md §4)
    assert labelled("共办理申请23件，其中网上申请22件，书面申请1件。") == [
        ("APP_PROCESSED", "23件"), ("APP_PROCESSED", "22件"), ("APP_PROCESSED", "1件")]


def test_a_topic_of_documents_together_with_their_interpretations_is_no_count_of_interpretations():
    assert labelled("网站公开信息120条，其中工作动态80条、政策文件及解读40条。") == [
        ("WEBSITE_POSTS", "120条"), ("WEBSITE_POSTS", "80条"), ("WEBSITE_POSTS", "40条")]
    assert labelled("全年发布政策文件12件、政策解读8条。")[-1] == ("POLICY_INTERPRETATIONS", "8条")


def test_new_media_named_right_before_the_account_that_is_one_are_that_account():
    assert labelled("街道政务新媒体“某街发布”微信公众号发布信息55条。") == [("WECHAT_POSTS", "55条")]
    assert labelled("通过新媒体公众号推送信息300余条。") == [("OTHER_MEDIA_POSTS", "300余条")]
    assert labelled("通过门户网站、政务新媒体共公开信息440条。") == [("INFO_PUBLISHED", "440条")]


def test_items_published_in_a_daily_paper_are_other_media_posts():
    assert labelled("全年在《某某日报》等市级平台发布信息36条。") == [("OTHER_MEDIA_POSTS", "36条")]


def test_a_kind_named_for_one_item_of_a_published_list_is_not_the_next_items():
    assert labelled("网站公开信息40条，其中行政处罚3条，监督检查5条，工作动态32条。") == [
        ("WEBSITE_POSTS", "40条"), ("ADMIN_DECISIONS", "3条"), ("WEBSITE_POSTS", "5条"), ("WEBSITE_POSTS", "32条")]
    assert labelled("规范性文件发布数量2条、废止数量1条。") == [("NORMATIVE_DOCS", "2条")]  # repealed: no fact


def test_topics_enumerated_after_a_channels_count_are_that_channels():
    assert labelled("通过县政府网站主动公开预算决算4条、政策文件12条、通知公告25条。") == [
        ("WEBSITE_POSTS", "4条"), ("WEBSITE_POSTS", "12条"), ("WEBSITE_POSTS", "25条")]
    assert labelled("通过县政府网站公开预算决算4条，政策文件12条，通知公告25条，访问量3万次。") == [
        ("WEBSITE_POSTS", "4条"), ("WEBSITE_POSTS", "12条"), ("WEBSITE_POSTS", "25条"), ("VIEWS", "3万次")]


def test_applications_of_one_kind_of_applicant_with_no_total_before_are_the_applications_received():
    assert labelled("全年共受理自然人提交的政府信息公开申请3件，均已按时答复。") == [("APP_RECEIVED", "3件")]
    assert labelled("收到申请20件，其中自然人申请18件。")[-1] == ("APP_NATURAL_PERSON", "18件")


def test_a_count_over_all_the_years_is_no_count_of_the_report_year():
    assert labelled("本年度收到申请4件，历年累计受理申请15件。") == [("APP_RECEIVED", "4件")]


def test_applications_counted_again_with_all_answered_are_the_applications_processed():
    assert labelled("共收到申请5件，其中2件为当面申请，3件为网上申请，5件均已答复。")[-1] == ("APP_PROCESSED", "5件")


def test_numbered_lines_under_a_heading_that_names_the_website_are_its_posts():
    text = ("本局门户网站全年公开以下信息：\n（1）通知公告类：招标公告12条，企业资质数据30条，工作动态8条；\n"
            "（2）数据类：项目数据5条，信用信息7条。\n二、依申请公开情况\n1. 收到申请4件。")
    assert labelled(text) == [("WEBSITE_POSTS", "12条"), ("WEBSITE_POSTS", "30条"), ("WEBSITE_POSTS", "8条"),
                              ("WEBSITE_POSTS", "5条"), ("WEBSITE_POSTS", "7条"), ("APP_RECEIVED", "4件")]


def test_a_headed_list_ends_where_the_numbering_changes_style():
    text = "本局门户网站全年公开以下信息：\n1. 工作动态22条。\n2. 人事任免3条。\n三、其他情况\n发布党建活动信息15条。"
    assert labelled(text) == [("WEBSITE_POSTS", "22条"), ("WEBSITE_POSTS", "3条"), ("INFO_PUBLISHED", "15条")]


def test_topics_after_a_colon_mid_line_that_names_no_channel_are_published_information():
    text = "2023年本单位公开的信息按类别分为：机构职能2条，人事信息5条，财政预决算3条，行政处罚结果公示9条。全年组织培训4场。"
    assert labelled(text) == [("INFO_PUBLISHED", "2条"), ("INFO_PUBLISHED", "5条"), ("INFO_PUBLISHED", "3条"),
                              ("ADMIN_DECISIONS", "9条"), ("TRAINING_SESSIONS", "4场")]


def test_items_of_a_headed_list_that_name_their_own_channel_a_change_or_a_rate_keep_their_reading():
    text = "本局门户网站全年公开以下信息：\n（1）工作动态22条，较上年增加6条；\n（2）微信公众号同步推送18条；\n（3）每周发布天气信息1条。"
    assert labelled(text) == [("WEBSITE_POSTS", "22条"), ("WECHAT_POSTS", "18条")]


def test_a_website_named_by_its_own_name_is_the_website():
    assert labelled("全年通过某某市民政网公开信息356篇，其中信息公开专栏41篇。") == \
        [("WEBSITE_POSTS", "356篇"), ("WEBSITE_POSTS", "41篇")]
    assert labelled("某某商务网发布信息420条。") == [("WEBSITE_POSTS", "420条")]


def test_names_ending_in_net_that_are_no_website_of_the_office_name_no_channel():
    assert labelled("通过互联网发布信息12条。") == [("INFO_PUBLISHED", "12条")]
    assert labelled("在县政府信息公开网公开信息308条。") == [("INFO_PUBLISHED", "308条")]
    assert "WEBSITE_POSTS" not in {label for label, _ in labelled("其中主动网上公开事项3件。")}  # online, no site


def test_a_sentence_of_counts_that_add_up_to_the_total_before_it_lists_its_parts():
    text = "本所通过区政府网站主动公开信息30条。 概况2条,计划3条,预决算10条,采购信息2条,项目信息1条,民生信息5条,其他信息7条。"
    assert labelled(text) == [("WEBSITE_POSTS", "30条")] + [("WEBSITE_POSTS", n) for n in
                                                            ("2条", "3条", "10条", "2条", "1条", "5条", "7条")]
    short = text.replace("30条", "31条")  # one short: not shown to be its parts
    assert ("WEBSITE_POSTS", "1条") not in labelled(short)


def test_applications_received_and_handled_at_once_are_both_facts_of_one_span():
    assert labelled("全年共收到并办理政府信息公开申请24件。") == [("APP_RECEIVED", "24件"), ("APP_PROCESSED", "24件")]


def test_items_put_up_through_other_channels_named_before_the_verb_are_published_items():
    text = "通过街道网站发布27条，通过宣传栏、电子屏等线下渠道发布19条。"
    assert labelled(text) == [("WEBSITE_POSTS", "27条"), ("INFO_PUBLISHED", "19条")]


def test_a_count_of_published_items_printed_without_its_unit_is_still_read():
    assert labelled("本年度全镇主动公开政府信息482。") == [("INFO_PUBLISHED", "482")]
    # the words after the bare count open the next sentence, they are not its noun
    assert labelled("全年主动公开政府信息731网站访问量达12万人次。")[0] == ("INFO_PUBLISHED", "731")
    assert labelled("全县主动公开政府信息公开年报3。") == []  # the noun is no item published


def test_items_made_obtained_cleared_or_taken_up_by_others_are_not_published_items():
    assert labelled("本年度共制作、获取政府信息3120条。") == []
    assert labelled("全年清理过期信息46条。") == []
    assert labelled("省级网站采用信息57篇。") == []
    assert labelled("向档案馆送交信息18条。") == []
    assert labelled("全年在公众号发布撰写信息36条。") == [("WECHAT_POSTS", "36条")]  # written and put up
    assert labelled("公开人事任免、招考录用信息5条。") == [("INFO_PUBLISHED", "5条")]  # recruitment, a topic


def test_an_incident_that_did_not_happen_is_no_zero_count_of_published_items():
    assert labelled("全年未发生政府信息泄露的情况。") == []
    assert labelled("本年度没有发生公开虚假信息的问题。") == []
    assert [label for label, _ in labelled("全年未发生行政复议、行政诉讼案件。")] == ["REVIEW_CASES", "LITIGATION_CASES"]


def test_a_count_of_fields_before_the_word_information_counts_fields_not_items():
    assert labelled("梳理预算、人事等16个重点领域信息公开目录。") == []
    assert labelled("发布38条重点领域信息。") == [("INFO_PUBLISHED", "38条")]


def test_withdrawn_applications_are_no_count_of_applications():
    assert labelled("申请人撤销申请3件。") == []
    assert labelled("本年度受理申请14件，办结11件，申请撤回2件。")[:2] == [("APP_RECEIVED", "14件"), ("APP_PROCESSED", "11件")]
    assert ("APP_RECEIVED", "2件") not in labelled("本年度受理申请14件，办结11件，申请撤回2件。")


def test_powers_added_to_the_office_list_are_no_administrative_decisions():
    assert labelled("本年度新增行政处罚42项，新增行政强制2项。") == []
    assert labelled("本局主动公开行政许可19项。") == [("ADMIN_DECISIONS", "19项")]


def test_matters_sorted_into_a_list_are_no_services_offered():
    assert labelled("梳理本镇公共服务事项清单14项。") == []
    assert labelled("全年承接政务服务事项842项。") == [("SERVICE_ITEMS", "842项")]


def test_topics_of_a_website_list_counted_in_items_or_documents_take_the_website():
    text = "全年通过门户网站公开政府信息163条，其中，规范性文件2件，机关简介8项，预决算5项。"
    assert [label for label, _ in labelled(text)][-2:] == ["WEBSITE_POSTS", "WEBSITE_POSTS"]
    text = "全年通过县政府网站发布信息9120条，其中，各类政策文件31个，人事任免12个。"
    assert labelled(text)[1] == ("WEBSITE_POSTS", "31个")
    assert ("WEBSITE_POSTS", "7个") not in labelled("网站发布信息880条，新开设专栏7个。")  # columns, not topics


def test_no_administrative_decisions_said_with_no_count_is_a_zero_claim():
    assert labelled("本年度无行政许可、行政处罚、行政强制事项。") == [("ADMIN_DECISIONS", "无")]
    assert labelled("公开行政处罚84项，无行政强制决定信息。") == [("ADMIN_DECISIONS", "84项"), ("ADMIN_DECISIONS", "无")]
    # two claims in one clause: each denies its own
    assert labelled("全年无行政处罚无行政事业性收费。") == [("ADMIN_DECISIONS", "无"), ("ADMIN_FEES", "无")]


def test_websites_and_their_pages_counted_are_no_new_media_accounts():
    assert labelled("全年通过两个网站平台公开信息。") == []
    assert labelled("局网站页面总数128840个。") == []
    assert labelled("全县共有政务新媒体账号23个。") == [("NEW_MEDIA_ACCOUNTS", "23个")]


def test_documents_withheld_beside_those_disclosed_are_no_applications_refused():
    assert labelled("本年度制发文件96件，其中主动公开21件，不予公开75件。")[-1] != ("APP_DENIED", "75件")
    assert ("APP_DENIED", "2件") in labelled("收到申请9件，其中予以公开7件，不予公开2件。")


def test_applications_listed_by_the_way_they_came_in_are_parts_of_those_received():
    labels = labelled("全年收到申请23件，其中通过网络平台接收19件，信函渠道4件。")
    assert labels == [("APP_RECEIVED", "23件"), ("APP_RECEIVED", "19件"), ("APP_RECEIVED", "4件")]
    assert ("APP_RECEIVED", "3人次") in labelled("全年收到申请8件，其中，信函申请5人次，网页申请3人次。")
    # no list of parts: an answer sent through a platform is no application received
    assert labelled("收到申请6件，予以公开4件，通过网络平台答复2件。")[-1] == ("APP_PROCESSED", "2件")


@pytest.mark.parametrize("verb", ["收到和处理", "收到并处理", "受理答复", "受理并办结", "收到和办理"])
def test_applications_received_and_handled_at_once_are_both(verb):
    assert labelled(f"本年度共{verb}政府信息公开申请11件。") == [("APP_RECEIVED", "11件"), ("APP_PROCESSED", "11件")]


def test_parts_listed_after_a_count_received_and_handled_are_not_both():
    facts = labelled("共受理答复申请9件（3件信函、6件网上申请）。")
    assert ("APP_PROCESSED", "6件") not in facts and ("APP_PROCESSED", "9件") in facts


def test_published_licensing_punishment_and_approval_information_counts_decisions():
    text = "全年公开信息210条。其中，行政许可类信息14条，行政处罚类信息0条，行政审批公示信息37条，其它类信息159条。"
    assert labelled(text) == [("INFO_PUBLISHED", "210条"), ("ADMIN_DECISIONS", "14条"), ("ADMIN_DECISIONS", "0条"),
                              ("ADMIN_DECISIONS", "37条"), ("INFO_PUBLISHED", "159条")]


def test_decisions_named_among_other_topics_or_only_proposed_stay_published_items():
    assert labelled("发布财政预决算、工作动态、行政处罚等信息520条。") == [("INFO_PUBLISHED", "520条")]
    assert labelled("公开环评项目拟审批公示44条。") == [("INFO_PUBLISHED", "44条")]
    assert labelled("公开抽查情况及行政执法决定文书6条。") == [("INFO_PUBLISHED", "6条")]


def test_repealed_or_expired_normative_documents_are_no_fact():
    text = "本年度制定规范性文件4件，废止规范性文件9件，宣布失效规范性文件2件，现行有效规范性文件31件。"
    assert labelled(text) == [("NORMATIVE_DOCS", "4件"), ("NORMATIVE_DOCS", "31件")]


def test_items_of_information_released_on_request_are_no_applications():
    assert labelled("2022年，本局依申请公开政府信息数为0条。") == []
    assert labelled("全年依申请公开信息5条。") == []
    assert labelled("全年收到依申请公开政府信息5件。") == [("APP_RECEIVED", "5件")]


def test_issues_of_a_gazette_and_interviews_held_online_count_nothing():
    assert labelled("在门户网站发布政府公报7期。") == []
    assert labelled("在网站发布政策解读14篇，在线访谈5次。") == [("POLICY_INTERPRETATIONS", "14篇")]
    assert labelled("召开新闻发布会4场，举办在线访谈2场。") == [("PRESS_CONFERENCES", "4场")]
    assert labelled("通过政府公报发布信息12条。") == [("INFO_PUBLISHED", "12条")]  # the gazette as a channel


def test_items_of_meetings_counted_in_times_issues_or_copies_are_published_items():
    assert labelled("公开县政府常务会议信息21次。") == [("INFO_PUBLISHED", "21次")]
    assert labelled("其中政府文件57份，常务会议信息8份。")[-1:] == [("INFO_PUBLISHED", "8份")]
    assert labelled("全年开展政府开放日活动3次。") == []


def test_meetings_disclosed_are_their_items_and_meetings_held_are_nothing():
    assert labelled("公开政策解读9条，公开局长办公会议14次。")[-1:] == [("INFO_PUBLISHED", "14次")]
    assert labelled("专栏公开区政府全体会议2次、常务会议20场次。") == [("INFO_PUBLISHED", "2次"), ("INFO_PUBLISHED", "20场次")]
    assert labelled("全年召开政务公开工作会议3次。") == []


def test_information_counted_in_copies_is_published_items_and_its_documents_listed_are_its_parts():
    text = "全年主动公开各类政务信息2600余份，其中政府文件140份，常务会议信息25份。"
    assert labelled(text) == [("INFO_PUBLISHED", "2600余份"), ("INFO_PUBLISHED", "140份"), ("INFO_PUBLISHED", "25份")]
    text = "全年主动公开信息720条，其中政府文件36份，会议信息15份。"  # documents listed in 份 under items in 条
    assert labelled(text) == [("INFO_PUBLISHED", "720条"), ("INFO_PUBLISHED", "36份"), ("INFO_PUBLISHED", "15份")]
    # copies of something else after the items, and copies of information passed to an archive
    assert labelled("在微信公众号公开信息210条，发放宣传册共2000余份。") == [("WECHAT_POSTS", "210条")]
    assert labelled("定期向档案馆移送纸质政府信息360份。") == []


def test_a_topic_whose_number_leaves_off_the_lists_unit_is_counted_in_it():
    text = "全年在网站发布信息30条，其中统计数据6条、规划计划2条、工作年报1，其余为工作动态。"
    assert labelled(text) == [("WEBSITE_POSTS", "30条"), ("WEBSITE_POSTS", "6条"), ("WEBSITE_POSTS", "2条"),
                              ("WEBSITE_POSTS", "1")]
    assert ("WEBSITE_POSTS", "2023") not in labelled("全年在网站发布信息30条，其中统计数据6条。2023年以来持续更新。")


def test_what_became_of_appeals_and_lawsuits_keeps_their_label():
    text = "全年发生行政复议5件，4件维持，1件撤诉；发生行政诉讼3件，2件胜诉，1件尚未审结。"
    assert labelled(text) == [("REVIEW_CASES", "5件"), ("REVIEW_CASES", "4件"), ("REVIEW_CASES", "1件"),
                              ("LITIGATION_CASES", "3件"), ("LITIGATION_CASES", "2件"), ("LITIGATION_CASES", "1件")]
    assert labelled("受理行政复议申请20件，驳回6件，确认违法2件。") == [
        ("REVIEW_CASES", "20件"), ("REVIEW_CASES", "6件"), ("REVIEW_CASES", "2件")]
    assert ("REVIEW_CASES", "3件") not in labelled("全年发生行政复议5件。维持原有做法的有3件。")  # another sentence


def test_visits_counted_up_to_a_date_since_the_site_opened_are_no_views_of_the_year():
    assert labelled("截至今年年底，本站累计访问量达80万次。") == []
    assert labelled("截止11月，门户网站总访问量52000人次。") == []
    assert labelled("全年网站总访问量52000人次。") == [("VIEWS", "52000人次")]


def test_a_count_of_all_the_years_together_is_no_total_of_the_year():
    text = "2021年本镇主动公开信息数32条，历年累计410条。"
    assert labelled(text) == [("INFO_PUBLISHED", "32条")]


def test_places_set_up_and_open_days_held_count_nothing():
    text = "在便民服务中心设立1个信息公开查阅点、1个申请受理点，组织政府开放日活动3次，召开新闻发布会2场。"
    assert labelled(text) == [("PRESS_CONFERENCES", "2场")]


def test_items_other_sites_took_up_are_not_published_here():
    text = "被省级网站采纳信息16条、市级网站采纳信息41条。"
    assert labelled(text) == []


def test_items_released_on_request_or_withheld_in_an_older_report_are_no_applications():
    text = "全年共公开政府信息90条，其中主动公开84条，依申请公开6条，不予公开信息数3条。"
    assert ("APP_RECEIVED", "6条") not in labelled(text) and ("INFO_PUBLISHED", "3条") not in labelled(text)


def test_documents_made_public_before_their_disclosure_rate_are_no_published_items():
    text = "本年度街道制发公文20件，其中主动公开16件，主动公开率80%。全年主动公开政府信息45条。"
    assert labelled(text) == [("RATE", "80%"), ("INFO_PUBLISHED", "45条")]


def test_interpretations_counted_as_a_kind_of_item_are_interpretations_and_the_topics_after_them_are_not():
    text = "本年度街道栏目发布信息40条，其中工作动态类信息20条、政策解读类信息6条、通知公告类14条。"
    assert labelled(text) == [("INFO_PUBLISHED", "40条"), ("INFO_PUBLISHED", "20条"),
                              ("POLICY_INTERPRETATIONS", "6条"), ("INFO_PUBLISHED", "14条")]


def test_entries_of_a_list_of_powers_and_their_kinds_are_no_facts():
    text = "本局梳理权责事项共计120项，其中：行政许可10项，行政处罚60项。全年公开政府信息30条，其中人事信息4条、权责清单2条。"
    assert labelled(text) == [("INFO_PUBLISHED", "30条"), ("INFO_PUBLISHED", "4条"), ("INFO_PUBLISHED", "2条")]


def test_a_website_said_to_be_the_main_channel_is_not_the_only_one_unless_the_count_names_it():
    text = ("本镇发挥网站在公开工作中的主渠道作用，全年主动公开政府信息80条。"
            "本局发挥网站第一平台作用，全年在区政府门户网站发布信息40条。"
            "本办以门户网站为主要公开平台，主动公开信息25条。")
    assert labelled(text) == [("INFO_PUBLISHED", "80条"), ("WEBSITE_POSTS", "40条"), ("INFO_PUBLISHED", "25条")]


def test_a_disclosure_column_named_beside_an_account_makes_the_count_no_one_channel():
    text = "全年通过县政府信息公开专栏、微信公众号共发布信息90条。"
    assert labelled(text) == [("INFO_PUBLISHED", "90条")]


def test_letters_of_a_mailbox_on_the_website_are_public_messages_not_website_posts():
    text = "全年办理区政府门户网站区长信箱各类信件31件。"
    assert labelled(text) == [("PUBLIC_MESSAGES", "31件")]


def test_applications_carried_over_or_forward_in_other_wordings():
    text = "收到申请40件，结转上年度申请2件；答复39件（含上年结转2件），其中不予公开1件，3件结转2025年度办理。"
    assert labelled(text) == [("APP_RECEIVED", "40件"), ("APP_CARRIED_OVER", "2件"), ("APP_PROCESSED", "39件"),
                              ("APP_CARRIED_OVER", "2件"), ("APP_DENIED", "1件"), ("APP_CARRIED_FORWARD", "3件")]


def test_cases_of_the_hotline_petitions_and_online_questions_are_public_messages():
    text = "本镇办理12345政务服务热线52件、网络问政办件3条，承办市长热线系统信访件40件，回复群工系统90条。"
    assert [label for label, _ in labelled(text)] == ["PUBLIC_MESSAGES"] * 4


def test_a_denied_charge_is_a_zero_fee_wherever_the_fee_is_named():
    for text in ("本年度未向申请人收取任何费用。", "全年本局未收取政府信息公开费用。"):
        assert labelled(text) == [("FEE_COLLECTED", "未")], text


def test_a_topic_after_a_catalogued_item_of_a_list_takes_the_lists_label_not_the_items():
    text = "全年主动公开信息36条，包括建议提案办理5条，工作动态20条，规范性文件3件，人事信息8条。"
    assert labelled(text) == [("INFO_PUBLISHED", "36条"), ("NPC_SUGGESTIONS", "5条"), ("INFO_PUBLISHED", "20条"),
                              ("NORMATIVE_DOCS", "3件"), ("INFO_PUBLISHED", "8条")]


def test_posts_on_the_two_new_media_accounts_together_and_in_newspapers_are_other_media_posts():
    text = "全年通过“两微”平台发布信息300条，在市级报纸发表稿件12篇。"
    assert labelled(text) == [("OTHER_MEDIA_POSTS", "300条"), ("OTHER_MEDIA_POSTS", "12篇")]


def test_documents_or_meetings_interpreted_are_interpretations():
    text = "全年共解读各类政策性文件18件，解读会议6次。"
    assert labelled(text) == [("POLICY_INTERPRETATIONS", "18件"), ("POLICY_INTERPRETATIONS", "6次")]


def test_a_count_whose_own_words_name_a_notice_board_is_not_a_topic_of_the_websites_list():
    text = "累计公开信息300条，其中：通过政府网站公开信息180条（含政策文件4件），通过镇村宣传栏公开信息120条（含低保信息40条）。"
    assert ("INFO_PUBLISHED", "120条") in labelled(text)


def test_a_zero_cue_before_a_receiving_verb_and_complaints_denies_messages_not_applications():
    assert labelled("本年度未收到涉及政府信息公开的投诉举报。") == [("PUBLIC_MESSAGES", "未")]
    assert labelled("全年没有受理群众对信息公开工作的咨询和投诉。") == [("PUBLIC_MESSAGES", "没有")]


def test_comments_received_in_a_consultation_are_public_messages_not_applications():
    assert labelled("开展意见征集2次，共收到网友意见反馈14条。") == [("PUBLIC_MESSAGES", "14条")]


def test_applications_handed_in_through_a_website_or_by_post_are_applications_not_website_posts():
    assert labelled("年内市民经政务网站和邮寄方式提交信息公开申请27件。") == [("APP_RECEIVED", "27件")]
    assert labelled("本年度答复申请15件，其中门户网站申请11件、信函申请4件。") == [
        ("APP_PROCESSED", "15件"), ("APP_PROCESSED", "11件"), ("APP_PROCESSED", "4件")]


def test_replies_to_suggestions_counted_in_pieces_or_cases_are_suggestions():
    assert labelled("公开人大代表建议的办理答复4篇，承办建议提案共9起。") == [
        ("NPC_SUGGESTIONS", "4篇"), ("NPC_SUGGESTIONS", "9起")]


def test_matters_or_cases_applied_for_are_applications_not_services():
    assert labelled("本年度共接到依申请公开办件6件，办理依申请公开事项6件。") == [
        ("APP_RECEIVED", "6件"), ("APP_PROCESSED", "6件")]


def test_requests_received_for_information_are_applications_not_items_published():
    assert labelled("全年本办收到申请公开政府信息的要求5件。") == [("APP_RECEIVED", "5件")]
    assert labelled("本年度镇政府接到3条群众关于公开信息的申请。") == [("APP_RECEIVED", "3条")]


def test_punishment_or_licensing_information_without_the_word_administrative_is_decisions():
    assert labelled("全年公开处罚信息9项，许可公示结果40条。") == [("ADMIN_DECISIONS", "9项"), ("ADMIN_DECISIONS", "40条")]


def test_letters_or_requests_that_are_applications_are_applications_not_messages():
    assert labelled("全年接到依申请公开方面的诉求4件。") == [("APP_RECEIVED", "4件")]
    assert labelled("共收到申请9件，其中来信申请的5件。") == [("APP_RECEIVED", "9件"), ("APP_RECEIVED", "5件")]


def test_a_count_said_to_be_answered_already_is_applications_processed():
    assert labelled("全年受理信息公开申请8件，其中7件已在法定时限内答复。") == [("APP_RECEIVED", "8件"), ("APP_PROCESSED", "7件")]


def test_a_clause_saying_applications_were_completed_counts_applications_processed():
    assert labelled("本年度共受理政府信息公开申请4件，已完成4件。") == [("APP_RECEIVED", "4件"), ("APP_PROCESSED", "4件")]
    assert labelled("受理申请3件，已完成依申请公开申请3件。") == [("APP_RECEIVED", "3件"), ("APP_PROCESSED", "3件")]


def test_service_matters_taken_up_in_cases_are_services_handled_and_those_done_online_are_online_items():
    assert labelled("全年共受理各类政务服务事项3200件。") == [("SERVICES_HANDLED", "3200件")]
    assert labelled("目前可全程在线办理政务服务事项640项。") == [("ONLINE_ITEMS", "640项")]
    assert labelled("提供全流程在线办理政务服务事项95项。") == [("ONLINE_ITEMS", "95项")]
    assert labelled("在办事服务栏目，公开全程在线办理政务服务事项1320条。") == [("ONLINE_ITEMS", "1320条")]


def test_a_website_named_at_the_head_of_a_long_sentence_places_the_items_counted_at_its_end():
    text = ("本局依托县人民政府门户网站平台，围绕乡村振兴、安全生产、民生保障、营商环境、城乡建设、生态环境保护、"
            "教育医疗卫生、财政预算决算、重大项目建设、人事任免等群众关注的领域，及时主动公开各类政府信息共计1520条。")
    assert labelled(text) == [("WEBSITE_POSTS", "1520条")]


def test_items_on_a_disclosure_site_named_after_a_website_or_an_account_are_info_published():
    assert labelled("通过区政府门户网站发布信息120条，通过三务公开网站公开信息45条。") == [
        ("WEBSITE_POSTS", "120条"), ("INFO_PUBLISHED", "45条")]
    assert labelled("本镇微信公众号推送信息60条，在县人民政府公开网站发布信息33条。") == [
        ("WECHAT_POSTS", "60条"), ("INFO_PUBLISHED", "33条")]


def test_items_counted_under_a_heading_that_names_one_channel_are_that_channels_posts():
    text = "（三）门户网站建设情况\n本年度共发布各类信息86条，其中工作动态40条。\n（四）其他\n全年发布信息5条。"
    assert labelled(text) == [("WEBSITE_POSTS", "86条"), ("WEBSITE_POSTS", "40条"), ("INFO_PUBLISHED", "5条")]


def test_budgets_of_the_department_are_a_topic_of_the_items_published():
    assert labelled("全年在政务公开栏公开部门预算12条。") == [("INFO_PUBLISHED", "12条")]


def test_items_said_after_their_count_to_be_all_on_the_website_are_website_posts():
    assert labelled("全年主动公开信息320条，均在区政府门户网站公开。") == [("WEBSITE_POSTS", "320条")]
    assert labelled("全年主动公开信息320条，其中在政务公开栏张贴12条。") == [("INFO_PUBLISHED", "320条"), ("INFO_PUBLISHED", "12条")]


def test_topics_of_a_count_said_after_it_to_be_on_the_website_are_website_posts():
    text = "本年主动公开信息20条（均在区政府网站公开）。在公开的信息中，工作动态8条，通知公告12条。"
    assert labelled(text) == [("WEBSITE_POSTS", "20条"), ("WEBSITE_POSTS", "8条"), ("WEBSITE_POSTS", "12条")]


def test_new_media_named_only_as_the_kind_of_one_wechat_account_are_its_posts():
    assert labelled("通过政务新媒体（微信公众号）发布信息88条。") == [("WECHAT_POSTS", "88条")]
    assert labelled("“某某发布”公众号发挥新媒体传播优势，全年推送信息210条。") == [("WECHAT_POSTS", "210条")]
    assert labelled("通过政务新媒体（微信公众号、微信群）发布信息88条。") == [("OTHER_MEDIA_POSTS", "88条")]


def test_a_zero_claim_naming_information_and_an_application_denies_the_application():
    assert labelled("本单位本年度无政府信息公开申请。") == [("APP_RECEIVED", "无")]
    assert labelled("本年度无上年结转的政府信息公开申请。") == [("APP_CARRIED_OVER", "无")]


def test_a_long_zero_claim_denies_lawsuits_and_complaints_named_after_the_appeals():
    text = "本年度未发生针对本街道有关政府信息公开事务的行政复议案件、行政诉讼案件及举报投诉情况。"
    assert sorted(labelled(text)) == [("LITIGATION_CASES", "未"), ("PUBLIC_MESSAGES", "未"), ("REVIEW_CASES", "未")]


def test_no_new_media_account_opened_is_zero_accounts():
    assert labelled("本镇未开设政务新媒体账号。") == [("NEW_MEDIA_ACCOUNTS", "未")]
    assert labelled("本局无独立网站及政府新媒体。") == [("NEW_MEDIA_ACCOUNTS", "无")]


def test_the_publics_suggestions_beside_its_comments_or_questions_are_messages_not_deputies_suggestions():
    assert labelled("全年办理群众网上留言建议7条，回复网上咨询和建议共12条。") == [
        ("PUBLIC_MESSAGES", "7条"), ("PUBLIC_MESSAGES", "12条")]


def test_posts_through_an_app_or_a_news_client_are_other_media_posts():
    assert labelled("通过“某某发布”APP发布信息120条，在新闻客户端推送稿件45篇。") == [
        ("OTHER_MEDIA_POSTS", "120条"), ("OTHER_MEDIA_POSTS", "45篇")]
    assert labelled("通过“某某交通”微博客户端公开信息98条。") == [("WEIBO_POSTS", "98条")]


def test_a_second_wei_in_the_clause_opens_a_second_zero_claim():
    facts = extract_facts("本局未收到申请也未发生行政复议。")
    assert [(f.label, f.start) for f in facts] == [("APP_RECEIVED", 2), ("REVIEW_CASES", 8)]


def test_appeals_and_lawsuits_each_with_its_own_zero_count_are_one_fact_each():
    assert labelled("本年度行政复议0件、行政诉讼0件。") == [("REVIEW_CASES", "0件"), ("LITIGATION_CASES", "0件")]


def test_granted_or_partly_granted_counts_under_the_first_named():
    assert labelled("予以公开或部分公开12件。") == [("APP_GRANTED", "12件")]


def test_documents_in_force_are_normative_documents():
    assert labelled("本年度制发规范性文件2件，现行有效文件共计31件。") == [("NORMATIVE_DOCS", "2件"), ("NORMATIVE_DOCS", "31件")]


def test_no_refusal_after_no_application_received_is_no_fact():
    assert labelled("本年度本镇未收到政府信息公开申请，未出现不予公开政府信息的情况。") == [("APP_RECEIVED", "未")]
    assert labelled("全年收到申请3件，无不予公开情况。") == [("APP_RECEIVED", "3件"), ("APP_DENIED", "无")]


def test_applications_withdrawn_keep_the_label_of_the_total_they_are_part_of():
    assert labelled("全年收到信息公开申请20件，其中经沟通后申请人主动撤回6件。") == [
        ("APP_RECEIVED", "20件"), ("APP_RECEIVED", "6件")]
    assert labelled("申请人撤销许可9件。") == []


def test_unique_visitors_of_a_site_are_views_in_whatever_unit():
    assert labelled("网站独立用户访问总量11041个，网站总访问量286250次。") == [("VIEWS", "11041个"), ("VIEWS", "286250次")]


def test_topics_listed_under_all_the_years_count_are_no_facts():
    assert labelled("历年主动公开政府信息主要类别情况：机构职能类信息91条，工作动态20条。") == []


def test_accounts_cleared_or_added_are_a_change_not_a_count_of_accounts():
    assert labelled("本年度清理新媒体账号5个，新增政务新媒体1个。") == []


def test_a_website_the_publishing_leans_on_or_a_main_window_is_not_the_only_channel():
    assert labelled("以政府网站为依托，发布政府信息共计1278条。") == [("INFO_PUBLISHED", "1278条")]
    assert labelled("以门户网站为政务公开的主要窗口，全年更新信息120条。") == [("INFO_PUBLISHED", "120条")]


def test_meetings_or_guides_with_their_interpretations_are_a_topic_of_the_list():
    assert labelled("网站公开信息300条，其中局长办公会议及解读12条、工作动态80条。") == [
        ("WEBSITE_POSTS", "300条"), ("WEBSITE_POSTS", "12条"), ("WEBSITE_POSTS", "80条")]


def test_a_wechat_account_named_after_a_site_is_the_account():
    assert labelled("通过“某某县政府网”微信公众号推送信息120条。") == [("WECHAT_POSTS", "120条")]


def test_a_total_after_the_counts_of_two_channels_is_info_published():
    text = "通过县政府网站发布信息1683条，通过微信公众号发布信息1276条，共主动公开政府信息3895条。"
    assert labelled(text) == [("WEBSITE_POSTS", "1683条"), ("WECHAT_POSTS", "1276条"), ("INFO_PUBLISHED", "3895条")]


def test_a_disclosure_column_publishing_in_its_own_clause_after_the_website_is_info_published():
    assert labelled("通过县政府网站发布信息3335条，政府信息公开专栏发布954条。") == [
        ("WEBSITE_POSTS", "3335条"), ("INFO_PUBLISHED", "954条")]
    assert labelled("县政府网站发布信息3335条，其中政府信息公开专栏发布954条。") == [
        ("WEBSITE_POSTS", "3335条"), ("WEBSITE_POSTS", "954条")]


def test_a_clause_of_its_own_publisher_after_the_website_is_none_of_the_websites():
    assert labelled("全年发布信息1800条（其中：政府网站公开1500条，县政府公报公开60条，政务微博公开240条）。") == [
        ("INFO_PUBLISHED", "1800条"), ("WEBSITE_POSTS", "1500条"), ("INFO_PUBLISHED", "60条"), ("WEIBO_POSTS", "240条")]
    assert labelled("全年公开信息300条。其中市政府网发布信息200条，网络问政发布信息100条。") == [
        ("INFO_PUBLISHED", "300条"), ("WEBSITE_POSTS", "200条"), ("INFO_PUBLISHED", "100条")]
    assert labelled("在网站发布工作动态30条、通知公告12条。") == [("WEBSITE_POSTS", "30条"), ("WEBSITE_POSTS", "12条")]


@pytest.mark.parametrize("text", [
    "在市政府门户网站、《某市人民政府公报》等公开会议信息12条。",
    "经区政府网站、区档案馆查阅室公开信息25条。",
    "依托县门户网站以及其他新闻媒介公开信息30余条。",
])
def test_a_bulletin_a_reading_room_or_other_media_beside_the_website_make_it_no_one_channel(text):
    assert [label for label, _ in labelled(text)] == ["INFO_PUBLISHED"]


@pytest.mark.parametrize("text", [
    "本局经县政府网站、某某子站、本局政务公开专栏等公布信息57条。",
    "经门户网站某镇栏目及市政府信息公开目录公开信息830条。",
])
def test_a_disclosure_column_or_catalogue_further_along_the_websites_list_makes_it_no_one_channel(text):
    assert [label for label, _ in labelled(text)] == ["INFO_PUBLISHED"]


def test_documents_a_named_channel_published_are_its_items():
    assert labelled("通过县政府网站公开文件9件。") == [("WEBSITE_POSTS", "9件")]
    assert labelled("某局利用区政府网站，发布动态、法规等内容，公开文件64条。") == [("WEBSITE_POSTS", "64条")]
    assert labelled("依托市门户网站发布主动公开文件40份。") == []
    assert labelled("全年公开文件9件。") == []


def test_a_site_named_after_disclosure_is_a_disclosure_site_even_when_called_a_portal():
    assert labelled("通过区政府信息公开门户网站公开信息45条。") == [("INFO_PUBLISHED", "45条")]
    assert labelled("通过区政府门户网站公开信息45条。") == [("WEBSITE_POSTS", "45条")]


def test_a_list_on_the_website_ends_at_a_clause_of_a_board_off_the_web():
    text = "通过县政府门户网站公开信息16条，其中：领导信息5条，财政预决算2条；通过村务公示栏公示文件30份；便民信息40条；人事任免8条。"
    assert labelled(text) == [("WEBSITE_POSTS", "16条"), ("WEBSITE_POSTS", "5条"), ("WEBSITE_POSTS", "2条"),
                              ("INFO_PUBLISHED", "40条"), ("INFO_PUBLISHED", "8条")]


def test_a_count_of_matters_that_names_no_service_is_no_service_item():
    assert labelled("全年公开重要事项15个。") == []
    assert labelled("共有政务服务事项958个。") == [("SERVICE_ITEMS", "958个")]


def test_licences_granted_are_decisions():
    assert labelled("全年核发林木采伐许可证111件。") == [("ADMIN_DECISIONS", "111件")]


def test_cases_counted_as_banjian_are_those_of_their_subject():
    assert labelled("今年承办人大建议和政协提案，办件共15件。") == [("NPC_SUGGESTIONS", "15件")]
    assert labelled("本年度行政许可办件量236件。") == [("ADMIN_DECISIONS", "236件")]


def test_decisions_among_kinds_of_power_in_a_list_are_no_decisions():
    assert labelled("梳理行政权力事项：行政许可12项、行政确认3项、其他行政权力5项。") == []


def test_suggestions_named_after_their_count_or_denied_are_deputies_suggestions():
    assert labelled("全年承办4件政协委员提案办理工作。") == [("NPC_SUGGESTIONS", "4件")]
    assert labelled("本年度未收到人大建议和政协提案。") == [("NPC_SUGGESTIONS", "未")]


def test_the_kind_of_applicant_said_after_the_count_is_that_kind():
    assert labelled("受理申请5件，其中3件为自然人申请，2件为企业申请。") == [
        ("APP_RECEIVED", "5件"), ("APP_NATURAL_PERSON", "3件"), ("APP_ORGANIZATION", "2件")]


def test_applications_still_in_hand_are_carried_forward_not_processed():
    assert labelled("本年度答复申请6件，另有2件正在办理。") == [("APP_PROCESSED", "6件"), ("APP_CARRIED_FORWARD", "2件")]


def test_applications_a_fee_was_charged_for_are_no_count_but_those_received_after_it_are():
    assert labelled("全年收取信息处理费共计150元，其中档案馆2件。") == [("FEE_COLLECTED", "150元")]
    assert labelled("本年度收费60元，涉及申请3件。") == [("FEE_COLLECTED", "60元")]
    assert labelled("收取信息处理费60元，本年度受理申请5件。") == [("FEE_COLLECTED", "60元"), ("APP_RECEIVED", "5件")]


def test_a_kind_of_power_listed_under_a_count_of_matters_counts_matters_not_decisions():
    assert labelled("本局政务服务事项共计85项已在网上公开，其中行政许可31项。") == [("SERVICE_ITEMS", "85项"),
                                                                   ("SERVICE_ITEMS", "31项")]
    assert labelled("本年度作出行政许可31项。") == [("ADMIN_DECISIONS", "31项")]


def test_information_said_to_contain_something_opens_no_list_of_topics():
    got = labelled("收到申请8件，不予公开2件，申请公开的信息包含了多方面的意思、指向不明确4件。")
    assert ("INFO_PUBLISHED", "4件") not in got and got[0] == ("APP_RECEIVED", "8件")


def test_a_zero_cue_over_a_list_of_kinds_denies_each_kind():
    assert labelled("全年无规章、规范性文件、行政许可。") == [
        ("REGULATIONS", "无"), ("NORMATIVE_DOCS", "无"), ("ADMIN_DECISIONS", "无")]


def test_a_zero_cue_whose_appeals_come_far_after_it_is_a_claim():
    text = "本年度无针对本部门有关政府信息公开事务的行政复议案件。"
    assert labelled(text) == [("REVIEW_CASES", "无")]


def test_a_topic_of_questions_in_a_list_of_published_items_is_the_lists():
    assert labelled("网站公开信息80条，其中工作动态50条、政策咨询问答库12条。") == [
        ("WEBSITE_POSTS", "80条"), ("WEBSITE_POSTS", "50条"), ("WEBSITE_POSTS", "12条")]


def test_events_held_are_no_count_and_press_conferences_named_after_their_count_are():
    assert labelled("开展政策宣讲活动50余次。") == []
    assert labelled("全年举办3场次新闻发布会。") == [("PRESS_CONFERENCES", "3场次")]


def test_documents_printed_in_a_gazette_and_meetings_published_are_items_published():
    assert labelled("全年在区政府公报上刊登区政府文件33件。") == [("INFO_PUBLISHED", "33件")]
    assert labelled("全年发布常务会议13期。") == [("INFO_PUBLISHED", "13期")]
    assert labelled("全年列席常务会议13次。") == []


def test_results_of_handling_published_as_a_topic_are_items_not_applications():
    assert labelled("网站公开信息200条，其中权力事项办理结果35条。") == [("WEBSITE_POSTS", "200条"), ("INFO_PUBLISHED", "35条")]


def test_the_cases_named_right_after_a_count_are_its_cases():
    assert labelled("全年行政复议案件中有140件行政复议、49件行政诉讼获维持。") == [
        ("REVIEW_CASES", "140件"), ("LITIGATION_CASES", "49件")]


def test_ways_applications_came_in_listed_a_few_words_after_the_count_received_are_its_parts():
    assert labelled("全年共收到政府信息公开申请70件（其中网络渠道申请30件，线下提交0件）。") == [
        ("APP_RECEIVED", "70件"), ("APP_RECEIVED", "30件"), ("APP_RECEIVED", "0件")]


def test_grievances_denied_beside_appeals_and_lawsuits_are_zero_messages():
    text = "本年度本局无复议、诉讼和申诉的情形。"
    assert sorted(labelled(text)) == [("LITIGATION_CASES", "无"), ("PUBLIC_MESSAGES", "无"), ("REVIEW_CASES", "无")]
    assert labelled("全年未收到涉及本所信息公开事务的申诉案。") == [("PUBLIC_MESSAGES", "未")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("本年度本乡未收到信息公开申请，无依申请公开事项。", [("APP_RECEIVED", "未")]),
        ("本年度本乡未收到信息公开申请，无依申请公开事项办理记录。", [("APP_RECEIVED", "未"), ("APP_PROCESSED", "无")]),
        ("全年本乡无依申请公开办理事项。", [("APP_PROCESSED", "无"), ("APP_RECEIVED", "无")]),
        ("全年本乡无依申请公开事项。", [("APP_RECEIVED", "无")]),
    ],
)
def test_a_second_claim_that_no_application_came_is_said_once(text, expected):
    assert sorted(labelled(text), key=lambda f: (text.index(f[1]), f[0])) == expected


def test_none_carried_into_next_year_is_zero_carried_forward():
    assert labelled("共办结申请12件，无结转下年度继续办理件。")[-1] == ("APP_CARRIED_FORWARD", "无")
    assert labelled("共办结申请12件，无下年度结转。")[-1] == ("APP_CARRIED_FORWARD", "无")


def test_applications_another_body_asked_help_with_are_no_count():
    text = "全年收到信息公开申请20件；接收市教育局协助调查4件；配合上级办理依申请公开意见征询3件。"
    assert labelled(text) == [("APP_RECEIVED", "20件")]


def test_grievances_received_are_messages():
    assert labelled("本年度受理群众申诉3件，均已按时答复。") == [("PUBLIC_MESSAGES", "3件")]


def test_administrative_disputes_counting_appeals_and_lawsuits_together_are_no_count():
    text = "因信息公开引发行政争议11件，其中行政复议7件、行政诉讼4件。"
    assert labelled(text) == [("REVIEW_CASES", "7件"), ("LITIGATION_CASES", "4件")]
