"""cross_year.carry and cross_year.in_force.<row>: one issuer's consecutive reports."""
from __future__ import annotations

from nianbao.reconcile import cross_year_findings

from tests.reconcile.build import report

ISSUER = "平潭综合实验区"


def year_report(year, issuer=ISSUER, layout="2021", carried_over="0", carried_forward="0", docs=("69", "3", "665")):
    t2 = {"t2.normative_docs.issued": docs[0], "t2.normative_docs.repealed": docs[1],
          "t2.normative_docs.in_force": docs[2], "t2.regulations.issued": "0", "t2.regulations.repealed": "0",
          "t2.regulations.in_force": "0"}
    if layout == "2019":
        t2 = {"t2.normative_docs.new_made": "7", "t2.normative_docs.new_published": "7"}
    t3 = {"t3.carried_over.total": carried_over, "t3.carried_forward.total": carried_forward}
    return report(f"{issuer}{year}年政府信息公开工作年度报告", tables={"t2": t2, "t3": t3}, layout=layout,
                  issuer=issuer, year=year, doc_id=f"{issuer}{year}")


def by_rule(findings):
    return {f.rule: f for f in findings}


def test_carried_forward_last_year_must_equal_carried_over_this_year():
    last = year_report(2021, carried_forward="1")
    this = year_report(2022, carried_over="1", docs=("88", "55", "698"))
    ((linked, found),) = cross_year_findings([this, last])
    assert linked is this
    carry = by_rule(found)["cross_year.carry"]
    assert (carry.status, carry.kind, carry.cells) == ("PASS", "cross_year", ["t3.carried_over.total"])
    assert carry.evidence["previous"]["cells"] == {"t3.carried_forward.total": "1"}

    this_wrong = year_report(2022, carried_over="0", docs=("88", "55", "698"))
    ((_, found),) = cross_year_findings([last, this_wrong])
    carry = by_rule(found)["cross_year.carry"]
    assert carry.status == "FAIL"
    assert "2021年" in carry.message and "结转下年度继续办理" in carry.message and "上年结转" in carry.message


def test_in_force_follows_last_year_plus_issued_minus_repealed():
    last = year_report(2021)
    this = year_report(2022, docs=("88", "55", "698"))  # 665 + 88 - 55 = 698
    ((_, found),) = cross_year_findings([last, this])
    rules = by_rule(found)
    assert rules["cross_year.in_force.normative_docs"].status == "PASS"
    assert rules["cross_year.in_force.regulations"].status == "PASS"
    wrong = year_report(2022, docs=("88", "55", "700"))
    ((_, found),) = cross_year_findings([last, wrong])
    f = by_rule(found)["cross_year.in_force.normative_docs"]
    assert f.status == "FAIL" and f.text_value == 698 and f.table_value == 700 and "665" in f.message


def test_the_2019_layout_has_no_in_force_identity():
    ((_, found),) = cross_year_findings([year_report(2019, layout="2019"), year_report(2020, layout="2019")])
    assert [f.rule for f in found] == ["cross_year.carry"]


def test_reports_of_other_issuers_or_non_consecutive_years_are_not_linked():
    assert cross_year_findings([year_report(2021), year_report(2022, issuer="沭阳县人民政府")]) == []
    assert cross_year_findings([year_report(2020), year_report(2022)]) == []
    assert cross_year_findings([year_report(2021, issuer=None), year_report(2022, issuer=None)]) == []


def test_a_missing_table_makes_the_carry_not_assessable():
    last = year_report(2021)
    del last.tables["t3"]
    ((_, found),) = cross_year_findings([last, year_report(2022, docs=("88", "55", "698"))])
    f = by_rule(found)["cross_year.carry"]
    assert f.status == "NOT_ASSESSABLE" and "上年报告缺少表三" in f.message


def test_four_consecutive_years_link_each_to_the_one_before():
    reports = [year_report(y) for y in (2019, 2020, 2021, 2022)]
    linked = [r.year for r, _ in cross_year_findings(reports)]
    assert linked == [2020, 2021, 2022]


def test_issuers_named_differently_in_two_years_are_linked_when_they_normalise_alike():
    last = year_report(2021, issuer="湖溪县人民政府办公室", carried_forward="2")
    this = year_report(2022, issuer="湖溪县政府办", carried_over="2")
    ((linked, found),) = cross_year_findings([last, this])
    assert linked is this and by_rule(found)["cross_year.carry"].status == "PASS"
    street = [year_report(2021, issuer="白沙 街道"), year_report(2022, issuer="白沙街道办事处")]
    assert [r.issuer for r, _ in cross_year_findings(street)] == ["白沙街道办事处"]


def test_a_name_with_its_region_in_front_is_not_linked_to_the_bare_name():
    # the batch database links by the indexed issuer key alone; check links the same way
    reports = [year_report(2021, issuer="绿湖区同心街道"), year_report(2022, issuer="同心街道办事处")]
    assert cross_year_findings(reports) == []


def test_a_government_and_its_office_are_not_linked():
    reports = [year_report(2021, issuer="湖溪县人民政府"), year_report(2022, issuer="湖溪县政府办")]
    assert cross_year_findings(reports) == []


def test_a_name_without_a_place_of_its_own_links_no_years():
    # 区统计局, 县政府办公室, 市城管局, 经开区: every district's, county's or city's body goes by it
    for issuer in ("区统计局", "县政府办公室", "市城市管理局", "经开区"):
        assert cross_year_findings([year_report(2021, issuer=issuer), year_report(2022, issuer=issuer)]) == []
    named = [year_report(2021, issuer="市中区人民政府"), year_report(2022, issuer="市中区政府")]  # a district's name
    assert [r.year for r, _ in cross_year_findings(named)] == [2022]


def test_short_forms_of_one_body_link_its_years():
    reports = [year_report(2021, issuer="湖溪县人力资源和社会保障局"), year_report(2022, issuer="湖溪县人社局")]
    assert [r.year for r, _ in cross_year_findings(reports)] == [2022]
