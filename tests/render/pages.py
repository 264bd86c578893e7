"""A small checked report for the page tests: one FAIL, a zero claim stating two facts,
a parenthesised sum, and tables 三 and 四 (表二 absent)."""
from __future__ import annotations

from nianbao.reconcile import text_findings

from tests.reconcile.build import fact, report, t3_row

TEXT = ("临清市大辛庄街道办事处2020年政府信息公开工作年度报告\n"
        "2020年度，本单位共收到政府信息公开申请1件，严格按有关规定和程序进行了答复。"
        "未发生行政复议和行政诉讼。\n"
        "规范管理政务新媒体19个(微博2个、微信15个、小程序2个)，<b>不是标签</b>。\n")


def sample_report(doc_id: str = "00000000000000aa", received: str = "0"):
    facts = [
        fact(TEXT, "1件", "APP_RECEIVED", 1, "件"),
        fact(TEXT, "未", "REVIEW_CASES", 0, None, "zero_claim"),
        fact(TEXT, "未", "LITIGATION_CASES", 0, None, "zero_claim"),
        fact(TEXT, "19个", "NEW_MEDIA_ACCOUNTS", 19, "个"),
        fact(TEXT, "2个", "NEW_MEDIA_ACCOUNTS", 2, "个"),
        fact(TEXT, "15个", "NEW_MEDIA_ACCOUNTS", 15, "个"),
        fact(TEXT, "2个", "NEW_MEDIA_ACCOUNTS", 2, "个", nth=1),
    ]
    t3 = {**t3_row("new_received", "1", "0", "0", "0", "0", "0", received), **t3_row("carried_over", *"0000000")}
    t4 = {f"t4.{row}.{col}": "0" for row in ("review", "litigation_direct", "litigation_after_review")
          for col in ("upheld", "corrected", "other", "pending", "total")}
    r = report(TEXT, facts, {"t3": t3, "t4": t4}, title="临清市大辛庄街道办事处2020年政府信息公开工作年度报告",
               year=2020, issuer="临清市大辛庄街道办事处", doc_id=doc_id)
    r.findings = text_findings(r)
    return r
