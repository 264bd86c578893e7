"""Findings on a table read only in part (a page excerpt that stops inside it): a cell the
reader could not read never makes a FAIL."""
from __future__ import annotations

from nianbao.identities import check as identities
from nianbao.reconcile.text_vs_table import check
from nianbao.tables import parse
from tests.reconcile.build import fact, report, t3_row

RECEIVED = "2021年，本镇共收到政府信息公开申请6件，均已按时答复。"


def received(complete: bool):
    tables = {"t3": t3_row("new_received", "5", "0", "0", "0", "0", "0", "5")}
    return report(RECEIVED, [fact(RECEIVED, "6件", "APP_RECEIVED", 6, "件")], tables, complete={"t3": complete})


def test_a_disagreement_another_reading_might_settle_in_cells_a_cut_table_lacks_is_uncertain():
    (found,) = check(received(complete=False))
    assert found.status == "UNCERTAIN"
    assert "表三未能完整读取" in found.message and "上年结转" in found.message


def test_the_same_disagreement_in_a_table_read_whole_still_fails():
    (found,) = check(received(complete=True))
    assert found.status == "FAIL"


def test_a_fact_whose_cells_lie_past_the_cut_is_not_assessable():
    text = "全年不予公开2件。"
    tables = {"t3": t3_row("new_received", "5", "0", "0", "0", "0", "0", "5")}
    r = report(text, [fact(text, "2件", "APP_DENIED", 2, "件")], tables, complete={"t3": False})
    (found,) = check(r)
    assert found.status == "NOT_ASSESSABLE" and "未能完整读取" in found.message


def test_a_page_cut_inside_table_three_gives_no_fail_from_what_it_could_not_read():
    text = ("青石镇人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本镇收到政府信息公开申请6件，其中予以公开4件。\n"
            "三、收到和处理政府信息公开申请情况\n申请人情况\t自然人\t总计\n"
            "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5\n"
            "二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"
            "三、本年度办理结果\t（一）予以公开\t4\t0\t0\t0\t0\t0\t4\n"
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t1\t0\t0\t1")
    tables = parse(text)
    facts = [fact(text, "6件", "APP_RECEIVED", 6, "件"), fact(text, "4件", "APP_GRANTED", 4, "件")]
    r = report(text, facts)
    r.tables = tables
    assert not tables["t3"].complete
    assert "t3.partial.social_org" not in tables["t3"].cells  # "1" may be the start of "12"
    found = identities(tables) + check(r)
    assert "FAIL" not in {f.status for f in found}
    statuses = {f.rule: f.status for f in found}
    assert statuses["text.APP_RECEIVED"] == "PASS"  # 5 new + 1 carried over
    assert statuses["text.APP_GRANTED"] == "PASS"
    assert statuses["t3.col_sum.partial"] == "NOT_ASSESSABLE"
