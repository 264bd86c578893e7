"""Who and when, read from the report itself: issuer from the title, preamble, signature or
contact line, normalised for cross-year links; year from the title or the statistics period."""
from __future__ import annotations

import pytest

from nianbao.issuer import find_issuer, normalise_issuer, same_issuer
from nianbao.sections import segment

HEAD = "2022年政府信息公开工作年度报告\n"
SECTIONS = "一、总体情况\n全年公开信息52条。\n六、其他需要报告的事项\n无。\n"


def _issuer(text: str) -> str | None:
    return segment(text).issuer


def test_issuer_from_the_title():
    assert _issuer("湖溪县白沙街道办事处2022年政府信息公开工作年度报告\n" + SECTIONS) == "湖溪县白沙街道办事处"


@pytest.mark.parametrize("preamble, issuer", [
    ("现公布白沙街道办事处2022年政府信息公开工作年度报告。", "白沙街道办事处"),
    ("现公开钢岭村街道办事处2022年度政府信息公开工作年度报告如下。", "钢岭村街道办事处"),
    ("根据《条例》规定，现向社会公布 2022 年度白沙镇人民政府信息公开工作报告。", "白沙镇人民政府"),
    ("本年度报告由湖溪县白沙街道依据《中华人民共和国政府信息公开条例》编制而成。", "湖溪县白沙街道"),
    ("本报告汇总白沙街道办事处的政府信息公开统计数据编制而成。", "白沙街道办事处"),
    ("现对2022年湖溪县水利局政府信息公开工作情况报告如下。", "湖溪县水利局"),
    ("对2022年以来湖溪县水利局制作与发布的信息进行梳理。", "湖溪县水利局"),
    ("根据《条例》要求，白沙乡人民政府编制了本报告。", "白沙乡人民政府"),
    ("根据《条例》要求，由湖溪县人民政府办公室编制本报告。", "湖溪县人民政府办公室"),
    ("（一）组织领导。湖溪县档案馆高度重视政府信息公开工作。", "湖溪县档案馆"),  # a sentence opening on it
    ("2022年，湖溪县民族和宗教事务局贯彻落实《条例》。", "湖溪县民族和宗教事务局"),  # 和 inside the name
])
def test_issuer_from_the_preamble_when_the_title_names_no_body(preamble, issuer):
    assert _issuer(HEAD + preamble + "\n" + SECTIONS) == issuer


def test_issuer_from_the_signature_over_the_closing_date():
    text = HEAD + "本报告依据《条例》编制。\n" + SECTIONS + "\n湖溪县水利局\n2023年1月31日\n"
    assert _issuer(text) == "湖溪县水利局"


def test_issuer_from_the_signature_on_a_page_run_together_on_one_line():
    text = HEAD + "本报告依据《条例》编制。一、总体情况 全年公开信息52条。六、其他需要报告的事项 无。 湖溪县水利局 2023年1月31日"
    assert _issuer(text) == "湖溪县水利局"


@pytest.mark.parametrize("contact, issuer", [
    ("如对本报告有疑问，请联系湖溪县白沙街道办事处，电话：0551-6123456。", "湖溪县白沙街道办事处"),
    ("如有疑问，请与白沙街道办事处党政办公室联系。", "白沙街道办事处"),
    ("联系单位：湖溪县人民政府办公室（地址：湖溪县府前路1号）。", "湖溪县人民政府"),  # the office answers for it
    ("如有疑问，请与湖溪县白沙镇人民政府党政综合办公室联系。", "湖溪县白沙镇人民政府"),
    ("如有疑问，可直接与湖溪县水利局办公室联系。", "湖溪县水利局"),
    ("如有疑问，请与将乐县卫生健康局办公室联系。", "将乐县卫生健康局"),  # a place opening on 将, 本, 无, 全…
    ("如有疑问，请与本溪市水利局联系。", "本溪市水利局"),
    ("如有疑问，请与湖溪县人民政府办公室政府信息公开办联系。", "湖溪县人民政府办公室"),
])
def test_issuer_from_the_contact_line(contact, issuer):
    text = HEAD + "本报告依据《条例》编制。\n" + SECTIONS.replace("无。", "无。" + contact)
    assert _issuer(text) == issuer


@pytest.mark.parametrize("text", [
    HEAD + "本报告依据《条例》编制。\n" + SECTIONS,
    HEAD + "我区现公布本年度报告。如有疑问请与我们联系。\n" + SECTIONS,
    HEAD + "本报告由本机关依据《条例》编制。\n" + SECTIONS + "\n2023年1月31日\n",
    HEAD + "本报告依据《条例》编制。\n" + SECTIONS.replace("无。", "无。如有疑问，可与全县政务服务中心联系。"),
    HEAD + "本报告依据《条例》编制。\n" + SECTIONS.replace("无。", "无。如有疑问，可通过市政府办公室联系。"),
])
def test_no_issuer_is_invented_when_the_report_names_none(text):
    assert _issuer(text) is None


def test_title_never_comes_from_page_chrome_nor_the_issuer_from_the_site_footer():
    text = ("首页 > 湖溪县水利局 > 政府信息公开年报\n" + HEAD + "本报告依据《条例》编制。\n" + SECTIONS +
            "主办单位：湖溪县水利局 版权所有\n")
    outline = segment(text)
    assert (outline.title, outline.issuer) == ("2022年政府信息公开工作年度报告", None)


@pytest.mark.parametrize("field, issuer", [
    ("发布机构：湖溪县水利局", "湖溪县水利局"),
    ("发布时间：2023-01-20 信息来源：湖溪县水利局", "湖溪县水利局"),
    ("来 源: | 湖溪县水利局 | 发布机构: | 湖溪县水利局 |", "湖溪县水利局"),
    ("发文机关白沙镇人民政府 主题词", "白沙镇人民政府"),
    ("发布机构：县政府办公室", None),  # no name of its own
    ("来源：湖溪日报", None),  # a newspaper, no body
    ("发布机构 | 政府办公室", None),
])
def test_issuer_from_the_publisher_field_when_the_report_names_none(field, issuer):
    assert _issuer("首页 > 政务公开\n" + field + "\n" + HEAD + "本报告依据《条例》编制。\n" + SECTIONS) == issuer


def test_the_report_naming_its_body_outranks_the_publisher_field():
    text = "发布机构：湖溪县人民政府办公室\n" + HEAD + "现公布白沙街道办事处2022年政府信息公开工作年度报告。\n" + SECTIONS
    assert _issuer(text) == "白沙街道办事处"


def test_breadcrumb_printed_one_crumb_per_line_is_not_the_title():
    text = "首页\n>\n政务公开\n>\n政府信息公开\n>\n政府信息公开年报\n白沙镇2021年政府信息公开工作年度报告\n" + SECTIONS
    outline = segment(text)
    assert (outline.title, outline.year, outline.issuer) == ("白沙镇2021年政府信息公开工作年度报告", 2021, "白沙镇")


def test_year_is_the_reporting_year_not_the_publication_date():
    text = ("发布日期：2024年01月20日\n湖溪县水利局2023年政府信息公开工作年度报告\n" + SECTIONS +
            "湖溪县水利局\n2024年1月20日\n")
    assert segment(text).year == 2023


def test_year_from_the_statistics_period_inside_the_body_not_the_chrome():
    text = ("发布时间：2022年02月03日\n政府信息公开工作年度报告\n"
            "本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。\n" + SECTIONS)
    assert segment(text).year == 2021


@pytest.mark.parametrize("preamble", ["现公布白沙镇2020年度政府信息公开工作年度报告。",
                                      "现发布《白沙镇2020年政府信息公开工作年度报告》。"])
def test_year_from_the_preamble_naming_the_report(preamble):
    text = "湖溪县白沙镇政府信息公开工作年度报告\n" + preamble + "2021年1月起在2021年新版网站上。\n" + SECTIONS
    assert segment(text).year == 2020


def test_a_dated_site_header_and_its_menu_are_never_joined_to_a_title_without_a_year():
    text = ("湖溪县人民政府 2019年12月3日星期二\n\n简体 | 繁体 长者模式\n\n区政务服务办政府信息公开工作年度报告\n"
            "来源：区政务服务办公室\n数据统计期限为2025年1月1日至12月31日。\n" + SECTIONS)
    outline = segment(text)
    assert (outline.title, outline.year) == ("区政务服务办政府信息公开工作年度报告", 2025)


@pytest.mark.parametrize("a, b", [
    ("湖溪县人民政府办公室", "湖溪县政府办"),
    ("白沙 街道", "白沙街道办事处"),
    ("白沙街道办", "白沙街道办事处"),
    ("湖溪县人民政府", "湖溪县"),
    ("白沙镇人民政府", "白沙镇"),
    ("湖溪经济开发区管理委员会", "湖溪经济开发区管委会"),
    ("芦山区只桥园（街道）办事处", "芦山区只桥园办事处"),
    ("胡桥园街", "胡桥园街道"),
    ("江淮省人力资源社会保障厅", "江淮省人力资源和社会保障厅"),
    ("湖溪县人社局", "湖溪县人力资源和社会保障局"),  # the short forms a body goes by
    ("湖溪县发改局", "湖溪县发展和改革局"),
    ("湖溪县科技局", "湖溪县科学技术局"),
    ("湖溪县教体局", "湖溪县教育体育局"),
    ("湖溪县城管执法局", "湖溪县城市管理行政执法局"),
    ("湖溪县经信局", "湖溪县经济和信息化局"),
    ("湖溪县退役军人局", "湖溪县退役军人事务局"),
])
def test_names_of_one_body_normalise_alike(a, b):
    assert normalise_issuer(a) == normalise_issuer(b)


@pytest.mark.parametrize("a, b", [
    ("湖溪县人民政府", "湖溪县政府办"),  # the government and its office are two bodies
    ("白沙街道", "白沙镇"),
    ("湖溪县水利局", "湖溪县民政局"),
])
def test_names_of_different_bodies_stay_apart(a, b):
    assert normalise_issuer(a) != normalise_issuer(b) and not same_issuer(a, b)


def test_a_name_with_the_region_above_it_is_the_same_body():
    assert same_issuer("绿湖区同心街道", "同心街道办事处")
    assert same_issuer("江淮省湖溪县水利局", "湖溪县水利局")
    assert not same_issuer("湖溪县水利局", "局")
    assert not same_issuer(None, "湖溪县水利局")
    assert same_issuer("绿湖区人民政府同心街道办事处", "同心办事处")  # the government above it
    assert not same_issuer("绿湖区人民政府同心街道办事处", "同心镇")


@pytest.mark.parametrize("head, title", [
    ("附件：湖溪县水利局2022年政府信息公开工作年度报告\n", "湖溪县水利局2022年政府信息公开工作年度报告"),
    ("湖溪县水利局政府信息公开工作2022年度报告 二维码\n", "湖溪县水利局政府信息公开工作2022年度报告"),
    ("Page 3 - 湖溪县水利局2022年政府信息公开工作年度报告\n", "湖溪县水利局2022年政府信息公开工作年度报告"),
    ("标   题 湖溪县水利局2022年政府信息公开工作年度报告\n湖溪县水利局2022年政府信息公开工作年度报告\n",
     "湖溪县水利局2022年政府信息公开工作年度报告"),
])
def test_title_and_issuer_without_the_page_or_notice_around_them(head, title):
    outline = segment(head + SECTIONS)
    assert (outline.title, outline.issuer, outline.year) == (title, "湖溪县水利局", 2022)


@pytest.mark.parametrize("preamble, issuer", [
    ("根据《条例》要求，现发布《湖溪县白沙镇2022年政府信息公开工作年度报告》。", "湖溪县白沙镇"),
    ("根据《条例》等规定，编制湖溪县白沙乡2022年政府信息公开工作年度报告。", "湖溪县白沙乡"),
    ("根据《条例》和上级部署，市城市管理局认真梳理了2022年度政府信息公开工作情况。", "市城市管理局"),
    ("2022年，湖溪县白沙街以公开促落实，持续推进政务公开。", "湖溪县白沙街"),
    ("本报告由湖溪县白沙乡人民政府党建办编制。", "湖溪县白沙乡人民政府"),
    ("2022年，湖溪经济开发区管委会政务信息工作紧紧围绕中心工作开展。", "湖溪经济开发区管委会"),
])
def test_issuer_from_more_preamble_and_overview_phrasings(preamble, issuer):
    assert _issuer(HEAD + preamble + "\n" + SECTIONS) == issuer


@pytest.mark.parametrize("sentence", [
    "强化组织统筹，由镇长牵头统筹全镇信息公开工作。",
    "2022年，在区委、区政府的领导下，政务公开工作稳步推进。",
    "本年度规范性文件由司法分局审核备案。",
    "2022年，未发生涉及本机关的行政复议。",
    "2022年，中心深入推进政务公开，立足中心职能职责开展工作。",
])
def test_words_after_a_lead_that_name_no_body_are_no_issuer(sentence):
    assert _issuer(HEAD + "本报告依据《条例》编制。\n一、总体情况\n" + sentence + "\n") is None


def test_a_title_naming_the_body_wins_over_a_page_heading_naming_none():
    text = "2022年信息公开年报\n湖溪县白沙镇2022年政府信息公开工作年度报告\n" + SECTIONS
    assert (segment(text).title, segment(text).issuer) == ("湖溪县白沙镇2022年政府信息公开工作年度报告", "湖溪县白沙镇")


def test_a_body_name_under_an_empty_date_box_is_not_its_value():
    text = "更新时间：\n湖溪县水利局\n2022年政府信息公开工作年度报告\n" + SECTIONS
    assert segment(text).issuer == "湖溪县水利局"


@pytest.mark.parametrize("a, b", [
    ("湖溪市市场监督管理局", "湖溪市市场监管局"),
    ("湖溪市人力资源和社会保障局", "湖溪市人力社保局"),
    ("湖溪市卫生健康委员会", "湖溪市卫健委"),
    ("湖溪市发展和改革委员会", "湖溪市发改委"),
])
def test_common_short_forms_of_a_body_normalise_alike(a, b):
    assert normalise_issuer(a) == normalise_issuer(b)


def test_a_local_bureau_of_a_national_administration_is_the_same_body_with_or_without_it():
    assert same_issuer("国家税务总局湖溪市税务局", "湖溪市税务局")


def test_a_sumu_government_is_the_sumu():
    assert same_issuer("某某苏木人民政府", "某某苏木")


def test_the_contact_line_names_the_body_before_its_address_in_brackets():
    text = "一、总体情况\n如有疑问请与某某县政务服务和大数据管理局(地址:某某县政务服务中心501室)联系。\n"
    assert find_issuer(text, None) == "某某县政务服务和大数据管理局"


def test_a_disclosure_office_in_the_contact_line_gives_its_body():
    text = "一、总体情况\n如对本报告有疑问，请与某某市发展和改革委员会政府信息公开办公室联系。\n"
    assert find_issuer(text, None) == "某某市发展和改革委员会"


def test_the_first_sentence_after_a_heading_run_into_one_line_names_the_body():
    text = "全文包括六个部分。 一、总体情况 2022年,某某区人民政府坚持推进政务公开,全年公开信息120条。\n"
    assert find_issuer(text, None) == "某某区人民政府"


def test_a_report_whose_first_sentence_opens_on_its_own_name_names_the_body():
    text = "某某县行政审批局2022年政府信息公开工作年度报告(以下简称年报)是根据《条例》编制的。\n一、总体情况\n"
    assert find_issuer(text, None) == "某某县行政审批局"


@pytest.mark.parametrize("sentence, issuer", [
    ("2021年，某某县人民政府办公室代表某某县人民政府共受理申请12件。", "某某县人民政府"),
    ("2021年，市政府办公室代表市政府共受理申请12件。", None),
])
def test_an_office_acting_for_a_government_gives_the_government(sentence, issuer):
    assert find_issuer("本报告依据《条例》编制。\n一、总体情况\n" + sentence + "\n", None) == issuer


@pytest.mark.parametrize("title, issuer", [
    ("2022年某某市人民政府信息公开工作年度报告", "某某市人民政府"),
    ("2022年某某县卫生健康委员会信息公开年报", "某某县卫生健康委员会"),
])
def test_a_title_with_the_year_first_names_the_whole_body(title, issuer):
    assert _issuer(title + "\n" + SECTIONS) == issuer


@pytest.mark.parametrize("title, issuer", [
    ("某某镇人民政府信息公开2022年度报告", "某某镇人民政府"),  # the year after the disclosure words
    ("某某县2020政府信息公开工作年度报告", "某某县"),  # a year that lost its 年
    ("某某市民政局信息公开工作年度报告(2020年度)", "某某市民政局"),  # the year in brackets after it
    ("某某县某某镇人民政府信息公开工作年度报告", "某某县某某镇人民政府"),  # no year at all
])
def test_a_title_with_the_year_after_the_name_names_the_whole_body(title, issuer):
    assert _issuer(title + "\n" + SECTIONS) == issuer


@pytest.mark.parametrize("chrome", ["全文检索", "无障碍浏览"])
def test_a_page_tool_on_the_title_line_is_no_issuer(chrome):
    text = f"{chrome}\n2022年青石镇政府信息公开工作年度报告\n" + SECTIONS
    assert _issuer(text) == "青石镇"


def test_a_title_that_opens_on_guanyu_takes_the_body_named_on_the_line_above():
    text = "关于2021年度政府信息公开工作的年度报告\n\n某县青石镇人民政府\n\n关于2021年度政府信息公开工作的年度报告\n" + SECTIONS
    assert _issuer(text) == "某县青石镇人民政府"


@pytest.mark.parametrize("sentence, issuer", [
    ("根据《条例》特编制2023年度某县青石乡人民政府信息公开年度报告。", "某县青石乡人民政府"),
    ("根据《条例》，向社会公布2021年度某市住房公积金管理中心信息公开年度报告。", "某市住房公积金管理中心"),
    ("本报告由某县青石镇政府综合督考办公室编制。", "某县青石镇政府"),
    # the report naming itself before the sentence its body starts on (本报告…)
    ("湖溪高新区管委会住建局向社会公布2022年度信息公开年度报告。本报告全文由六个部分组成。", "湖溪高新区管委会住建局"),
])
def test_the_preamble_names_the_body_in_more_wordings(sentence, issuer):
    assert _issuer(sentence + "\n" + SECTIONS) == issuer


def test_a_service_centre_named_by_its_kind_alone_is_no_issuer():
    assert _issuer("一、总体情况\n2025年度，服务中心在区委区政府的领导下，做好政府信息公开工作。\n" + SECTIONS) is None


@pytest.mark.parametrize("sentence, issuer", [
    ("本报告涵盖青石乡人民政府2024年政府信息公开工作情况。", "青石乡人民政府"),
    ("本报告全面总结某县青石街道办事处2025年政府信息公开工作。", "某县青石街道办事处"),
    ("本报告汇总2021年度青石镇人民政府的政务公开工作编制而成。", "青石镇人民政府"),
    ("本报告总结梳理某市水务局2023年政务公开任务落实情况。", "某市水务局"),
    ("根据上级要求，现就某县交通运输局2023年度政府信息公开工作报告如下。", "某县交通运输局"),
    ("按照上级要求，发布《某市审计局2021年政府信息公开工作年度报告》。", "某市审计局"),
    ("本年报由某县供销合作总社编制而成。", "某县供销合作总社"),
    ("根据《条例》要求，编制发布某市体育局2021年政府信息公开工作年度报告。", "某市体育局"),
])
def test_the_preamble_names_the_body_in_yet_more_wordings(sentence, issuer):
    assert _issuer(sentence + "\n" + SECTIONS) == issuer


@pytest.mark.parametrize("sentence", [
    "我镇汇总了全镇政务公开工作情况，编制了本报告。",  # 全镇 is no body
    "本报告涵盖某市各县(市)区政府和市政府各部门的政府信息公开工作情况。",  # many bodies, none the issuer
    "2022年7月我局在门户网站公开了主动公开清单。",  # a month is no body's name
    "结合人社工作制定发布了两项措施。",  # a line of work ending in 社 is no body
    "结合街道工作实际，推进政务公开。",  # a body's kind alone names none
    "今年以来，镇政府认真开展政府信息公开工作。",
])
def test_more_words_after_a_lead_that_name_no_body_are_no_issuer(sentence):
    assert _issuer(HEAD + "本报告依据《条例》编制。\n一、总体情况\n" + sentence + "\n") is None


@pytest.mark.parametrize("contact, issuer", [
    ("如有疑问，可与某县商务局办公室联系（地址：某县府前路1号）。", "某县商务局"),
    ("如有疑问，请与某盟卫生健康委信息公开领导小组办公室联系。", "某盟卫生健康委"),
    ("如有疑问，可致电某县青石镇人民政府党政综合办，电话：0551-6123456。", "某县青石镇人民政府"),
])
def test_the_contact_line_names_the_body_in_more_wordings(contact, issuer):
    text = HEAD + "本报告依据《条例》编制。\n" + SECTIONS.replace("无。", "无。" + contact)
    assert _issuer(text) == issuer


@pytest.mark.parametrize("head", [
    "内容概述: 青石街道2025年政府信息公开工作年度报告\n",
    "点击查看PDF版:青石街道2025年度政府信息公开工作年度报告.pdf\n",
    "当前栏目:县市区\n2025年青石街道政府信息公开工作年度报告\n",
])
def test_a_field_label_or_column_before_the_title_is_no_part_of_the_issuer(head):
    assert _issuer(head + SECTIONS) == "青石街道"


def test_a_year_that_lost_its_nian_is_no_part_of_the_issuer():
    assert _issuer("2022度某区青石街道信息公开工作年度报告\n" + SECTIONS) == "某区青石街道"


@pytest.mark.parametrize("head, title", [
    ("名称 某市青石区2021年政府信息公开工作年度报告\n", "某市青石区2021年政府信息公开工作年度报告"),
    ("[ 名 称 ] 某县文化和旅游局2021年度政府信息公开工作年度报告\n", "某县文化和旅游局2021年度政府信息公开工作年度报告"),
])
def test_a_pages_name_box_is_no_part_of_the_title_or_the_issuer(head, title):
    outline = segment(head + SECTIONS)
    assert (outline.title, outline.issuer) == (title, title.split("20")[0])


def test_a_quote_mark_after_the_body_in_a_title_is_no_part_of_the_issuer():
    assert _issuer("2020年某市“政府信息公开工作年度报告”专题\n" + SECTIONS) == "某市"


def test_a_name_without_its_place_gives_way_to_the_same_name_with_it_printed_later():
    text = (HEAD + "现公布区统计局2022年政府信息公开工作年度报告。\n" +
            SECTIONS.replace("无。", "无。如有疑问，请与湖溪市硚口区统计局联系。"))
    assert _issuer(text) == "湖溪市硚口区统计局"
    alone = HEAD + "现公布区统计局2022年政府信息公开工作年度报告。\n" + SECTIONS
    assert _issuer(alone) == "区统计局"  # kept when nothing names its place
    other = HEAD + "现公布区统计局2022年政府信息公开工作年度报告。\n" + SECTIONS.replace("无。", "无。如有疑问，请与硚口区民政局联系。")
    assert _issuer(other) == "区统计局"  # another body is no place for it


@pytest.mark.parametrize("sentence, issuer", [
    ("2022年，在县委县政府的正确领导下，湖溪县水利局结合工作实际推进政务公开。", "湖溪县水利局"),
    ("按照区委、区政府有关要求，区政府政务服务办进一步完善公开制度。", "区政府政务服务办"),
    ("2023年，在县委、县政府的坚强领导下，县教育局按照要求做好公开工作。", "县教育局"),
])
def test_the_body_after_the_leadership_or_the_requirements_it_follows_is_the_issuer(sentence, issuer):
    assert _issuer(HEAD + "本报告依据《条例》编制。\n一、总体情况\n" + sentence + "\n") == issuer


@pytest.mark.parametrize("sentence", [
    "在县委的坚强领导下，县指挥部的指导帮助下，结合全县实际推进公开。",  # a body that helps is no issuer
    "按照上级部署，充分利用湖溪县人民政府门户网站发布信息。",  # a verb, then the portal it used
])
def test_a_body_after_the_leadership_that_does_not_report_is_no_issuer(sentence):
    assert _issuer(HEAD + "本报告依据《条例》编制。\n一、总体情况\n" + sentence + "\n") is None


@pytest.mark.parametrize("title, issuer", [
    ("湖溪县人民政府机关2020年政府信息公开工作年度报告", "湖溪县人民政府机关"),
    ("青石园艺场2020年政府信息公开工作年度报告", "青石园艺场"),
])
def test_a_government_organ_or_a_farm_in_the_title_is_the_issuer(title, issuer):
    assert _issuer(title + "\n" + SECTIONS) == issuer


def test_a_title_with_guanyu_inside_the_name_names_no_body():
    assert _issuer("湖溪县关于信访局2023年信息公开工作年度报告\n" + SECTIONS) is None


def test_an_office_cut_from_a_name_with_brackets_keeps_the_brackets():
    text = HEAD + "本报告依据《条例》编制。\n" + SECTIONS.replace("无。", "无。如有疑问，请与湖溪高新区(科技城)管委会办公室联系。")
    assert _issuer(text) == "湖溪高新区(科技城)管委会"


@pytest.mark.parametrize("sentence, issuer", [
    ("青石街道办事处本年新收政府信息公开申请3件。", "青石街道办事处"),
    ("截至2021年12月31日，青石镇政府未收到公开申请。", "青石镇政府"),
    ("青石镇2022年未收到依申请公开申请。", "青石镇"),
    ("2025年青石镇没有收到依申请公开的政府信息公开申请。", "青石镇"),
])
def test_the_subject_of_the_reports_count_of_applications_is_the_issuer(sentence, issuer):
    text = HEAD + "本报告依据《条例》编制。\n一、总体情况\n全年公开信息52条。\n（二）依申请公开\n" + sentence + "\n"
    assert _issuer(text) == issuer


@pytest.mark.parametrize("sentence, issuer", [
    ("我局在湖溪县投资促进局网站公开信息45条。", "湖溪县投资促进局"),
    ("我局编制了《湖溪市统计局政府信息公开指南》。", "湖溪市统计局"),
    ("我厅通过省网上办事大厅和湖溪省农业农村厅门户网站公开办事指南。", "湖溪省农业农村厅"),
    ("我局通过湖溪县人民政府门户网站公开信息45条。", None),  # the government's portal, not the body's
    ("通过湖溪县统计局网站公开信息45条。", None),  # the report never calls itself 我局
    ("我局通过“湖溪市生态环境局青石分局”微信公众号发布信息197条。", "湖溪市生态环境局青石分局"),
    ("我镇修订了《湖溪县青石镇人民政府信息公开指南》。", "湖溪县青石镇人民政府"),
    ("我局认真做好局网站管理和政府信息公开工作。", None),  # a name opens on its place, not a verb
    ("我局其中局门户网站发布信息3046条。", None),
])
def test_the_bodys_own_website_account_or_guide_names_it_when_it_calls_itself_by_its_kind(sentence, issuer):
    assert _issuer(HEAD + "本报告依据《条例》编制。\n一、总体情况\n" + sentence + "\n") == issuer


@pytest.mark.parametrize("contact, issuer", [
    ("如有疑问，请联系：湖溪(青石)试验区管理委员会(湖溪港区管理委员会)政府信息公开办公室，地址：湖溪路1号。",
     "湖溪(青石)试验区管理委员会(湖溪港区管理委员会)"),
    ("如有疑问，请与湖溪县医疗保障局政府信息公开申请受理机构联系。", "湖溪县医疗保障局"),
    ("如有疑问，请联系湖溪市卫生健康委员会政务公开工作领导小组办公室，电话：0551-6123456。", "湖溪市卫生健康委员会"),
    ("如有疑问，请与湖溪区人民政府青石街道办事处党政综合与社区建设办公室联系。", "湖溪区人民政府青石街道办事处"),
])
def test_the_contact_line_names_a_body_with_brackets_or_inside_one_of_its_offices(contact, issuer):
    text = HEAD + "本报告依据《条例》编制。\n" + SECTIONS.replace("无。", "无。" + contact)
    assert _issuer(text) == issuer


@pytest.mark.parametrize("a, b", [
    ("市城管执法委", "湖溪市城市管理执法委员会"),  # 委员会 and its short 委
    ("湖溪高新区", "湖溪高新技术产业开发区管理委员会"),  # a zone and its committee
    ("经开区", "湖溪经济技术开发区"),  # a zone's short name without its place
    ("湖溪市长乐区吴航街道办事处", "湖溪市长乐区人民政府吴航街道办事处"),  # a street office with its district's government
])
def test_more_short_forms_of_a_body_are_one_issuer(a, b):
    assert same_issuer(a, b)


def test_the_pages_title_field_is_the_title_and_names_the_body_when_the_page_shows_no_title():
    head = ("索 引 号: | 000014349/2020-1 | ||\n文 号: | 发文日期: | ||\n"
            "名 称: | 青石镇人民政府2019年政府信息公开工作年度报告 | ||\n")
    outline = segment(head + "一、总体情况\n2019年，我镇公开信息52条。\n六、其他需要报告的事项\n无。\n")
    assert outline.issuer == "青石镇人民政府"
    assert outline.title == "青石镇人民政府2019年政府信息公开工作年度报告"


def test_a_department_that_is_an_office_of_the_government_is_a_body_of_its_own():
    assert _issuer(HEAD + "本年度报告由湖溪市人民政府外事办公室根据《条例》编制。\n" + SECTIONS) == "湖溪市人民政府外事办公室"
