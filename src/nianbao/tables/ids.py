"""TABLES.md row and column ids, and the label cues that recognise each row as printed.

A cue is a regular expression searched in a label cell (or in flattened text) after
blanks are removed; it may take the row's numbering (``2.``, ``（七）``) with it so the
numbering is never read as a value.  Cues are tried in order, so the specific come first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = r"(?:[1-9]\s*[.．、]\s*)?"  # a sub-row number such as "2." printed before the label


@dataclass(frozen=True)
class RowSpec:
    id: str
    name: str  # the short Chinese name used in messages
    cue: re.Pattern[str]
    columns: tuple[str, ...] = ()


def _row(row_id: str, name: str, cue: str, columns: tuple[str, ...] = ()) -> RowSpec:
    return RowSpec(row_id, name, re.compile(cue), columns)


# 表二 ---------------------------------------------------------------------------------
T2_2019_MADE = ("new_made", "new_published", "total_published")
T2_2019_ITEMS = ("prev_items", "change", "decisions")
T2_2021_DOCS = ("issued", "repealed", "in_force")

_T2_SERVICES = r"其他对外管理服务(?:事项)?"
_T2_FEES = r"行政(?:性)?事业[性型]?收费(?:项目)?"
T2_ROWS = {
    "2019": (
        _row("regulations", "规章", r"规章", T2_2019_MADE),
        _row("normative_docs", "规范性文件", r"(?:行政)?规范性文件", T2_2019_MADE),
        _row("licensing", "行政许可", r"行政许可", T2_2019_ITEMS),
        _row("other_services", "其他对外管理服务事项", _T2_SERVICES, T2_2019_ITEMS),
        _row("punishment", "行政处罚", r"行政处罚", T2_2019_ITEMS),
        _row("coercion", "行政强制", r"行政强制", T2_2019_ITEMS),
        _row("fees", "行政事业性收费", _T2_FEES, ("prev_items", "change")),
        _row("procurement", "政府集中采购", r"政府(?:集中)?采购", ("projects", "amount")),
    ),
    "2021": (
        _row("regulations", "规章", r"规章", T2_2021_DOCS),
        _row("normative_docs", "行政规范性文件", r"(?:行政)?规范性文件", T2_2021_DOCS),
        _row("licensing", "行政许可", r"行政许可", ("decisions",)),
        _row("punishment", "行政处罚", r"行政处罚", ("decisions",)),
        _row("coercion", "行政强制", r"行政强制", ("decisions",)),
        _row("fees", "行政事业性收费", _T2_FEES, ("amount",)),
    ),
}
# header words that tell the layout, as the template and the pages that vary it print them
# (searched after blanks are removed, so a header broken over lines still counts)
T2_LAYOUT_CUES = {
    "2021": tuple(re.compile(c) for c in (r"(?:本年)?制发(?:件数|数量|件)", r"废止(?:件数|数量|件)", r"现行有效",
                                          r"收费金额", r"本年处理决定数")),
    "2019": tuple(re.compile(c) for c in (r"新?制作数量", r"新公开数量", r"对外公开总数", r"上一?年(?:度)?项目数",
                                          r"增\s*[/／、]?\s*减", r"采购(?:项目|总金额)")),
}
# after a colon, a tab or pipe, or on the next line (one cell per line)
T2_PUBLISHED_TOTAL = re.compile(r"发布总数量[^:：\d\n]{0,20}(?:[:：\t|]|\n)\s*(?P<raw>\d[\d,]*\s*条?)")

# 表三 ---------------------------------------------------------------------------------
T3_COLUMNS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
T3_COLUMN_NAMES = dict(zip(T3_COLUMNS, ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")))

_T3 = (
    # the exact "3.其他" first: every other cue that contains 其他 is longer
    _row("other.other", "其他处理：其他", r"3\s*[.．、]\s*其他(?=$|[\d\s·/／—\-:：]|[（(]?[+\-]?\d)"),
    _row("other.no_correction", "其他处理：申请人逾期不补正", _NUM + r"(?:申请人)?(?:无正当理由)?逾期不补正[^\d]{0,30}?(?:申请|$)|不补正"),
    _row("other.no_fee", "其他处理：申请人逾期未缴费", _NUM + r"(?:申请人)?逾期未按收费通知[^\d]{0,30}?(?:申请|$)|缴纳费用"),
    _row("other", "其他处理", r"[（(]\s*六\s*[)）]\s*其他处理"),
    # (本年度新收, 上年度结转 / 上一年结转, 结转下一年度, （七）合计: wordings pages print)
    _row("new_received", "本年新收", r"(?:一\s*、\s*)?本年度?新收(?:政府信息公开)?申请(?:数量|数)?|本年度?新收"),
    _row("carried_over", "上年结转", r"(?:二\s*、\s*)?上一?年度?结转(?:政府信息公开)?申请(?:数量|数)?|上一?年度?结转"),
    _row("carried_forward", "结转下年度继续办理", r"(?:四\s*、\s*)?结转下一?年度继续办理|结转下一?年度"),
    _row("total_processed", "办理结果总计", r"[（(]\s*七\s*[)）]\s*[总合]\s*计|七\s*、\s*总计"),
    _row("granted", "予以公开", r"(?:[（(]\s*一\s*[)）]\s*)?(?<!不)予以公开"),
    _row("partial", "部分公开", r"(?:[（(]\s*二\s*[)）]\s*)?部分公开(?:[（(][^)）]*[)）])?"),
    _row("denied.state_secret", "不予公开：属于国家秘密", _NUM + r"(?:属于)?国家秘密"),
    _row("denied.law_forbidden", "不予公开：其他法律行政法规禁止公开",
         _NUM + r"其他法律[^\d]{0,8}?公开|" + _NUM + r"法律行政法规禁止公开"),
    _row("denied.three_safety", "不予公开：危及“三安全一稳定”", _NUM + r"危及[“\"]?三安全一稳定[”\"]?|三安全一稳定[”\"]?"),
    _row("denied.third_party", "不予公开：保护第三方合法权益", _NUM + r"保护第三方合法权益|第三方合法权益"),
    _row("denied.internal_affairs", "不予公开：属于三类内部事务信息", _NUM + r"(?:属于)?三类内部事务信息|内部事务"),
    _row("denied.process_info", "不予公开：属于四类过程性信息", _NUM + r"(?:属于)?四类过程性信息|过程性信息"),
    _row("denied.enforcement_file", "不予公开：属于行政执法案卷", _NUM + r"(?:属于)?行政执法案卷|执法案卷"),
    _row("denied.admin_query", "不予公开：属于行政查询事项", _NUM + r"(?:属于)?行政查询事项|查询事项"),
    _row("unable.not_held", "无法提供：本机关不掌握相关政府信息", _NUM + r"本机关不掌握相关政府信息|不掌握相关"),
    _row("unable.needs_creation", "无法提供：没有现成信息需要另行制作", _NUM + r"没有现成信息需要另行制作|另行制作"),
    _row("unable.unclear", "无法提供：补正后申请内容仍不明确", _NUM + r"补正后申请内容仍不明确|仍不明确"),
    _row("not_processed.complaint", "不予处理：信访举报投诉类申请", _NUM + r"信访举报投诉类申请|信访举报投诉"),
    _row("not_processed.duplicate", "不予处理：重复申请", _NUM + r"重复申请"),
    _row("not_processed.publication", "不予处理：要求提供公开出版物", _NUM + r"要求提供公开出版物|公开出版物"),
    _row("not_processed.excessive", "不予处理：无正当理由大量反复申请", _NUM + r"无正当理由大量反复申请|大量反复申请"),
    _row("not_processed.confirm_info", "不予处理：要求行政机关确认或重新出具已获取信息",
         _NUM + r"要求行政机关确认或重新出具已获取信息|重新出具已获取信息"),
)
T3_ROWS = {r.id: r for r in _T3}
T3_CUES = _T3  # in matching order
_RESULTS_HEAD = ("granted", "partial", "denied.state_secret", "denied.law_forbidden", "denied.three_safety",
                 "denied.third_party", "denied.internal_affairs", "denied.process_info", "denied.enforcement_file",
                 "denied.admin_query", "unable.not_held", "unable.needs_creation", "unable.unclear",
                 "not_processed.complaint", "not_processed.duplicate", "not_processed.publication",
                 "not_processed.excessive", "not_processed.confirm_info")
T3_RESULT_ROWS = {"2019": _RESULTS_HEAD + ("other",),
                  "2021": _RESULTS_HEAD + ("other.no_correction", "other.no_fee", "other.other")}
T3_ROW_ORDER = {v: ("new_received", "carried_over") + rows + ("total_processed", "carried_forward")
                for v, rows in T3_RESULT_ROWS.items()}

# 表四 ---------------------------------------------------------------------------------
T4_ROWS = ("review", "litigation_direct", "litigation_after_review")
T4_ROW_NAMES = dict(zip(T4_ROWS, ("行政复议", "未经复议直接起诉", "复议后起诉")))
T4_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
T4_COLUMN_NAMES = dict(zip(T4_COLUMNS, ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")))
T2_COLUMN_NAMES = {
    "new_made": "本年新制作数量", "new_published": "本年新公开数量", "total_published": "对外公开总数量",
    "prev_items": "上一年项目数量", "change": "本年增/减", "decisions": "处理决定数量",
    "projects": "采购项目数量", "amount": "采购总金额",
    "issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
}
T4_CELL_IDS = tuple(f"t4.{r}.{c}" for r in T4_ROWS for c in T4_COLUMNS)


_NOTE = re.compile(r"[（(][^（()）]{4,}[)）]")  # a bracketed note; a numbering such as （七） is shorter


def squash(text: str) -> str:
    """Label text with blanks, the markdown bold/heading marks and line breaks written as
    ``<br>`` (a markdown cell's label broken over lines) removed, for matching."""
    return re.sub(r"[\s\u3000\xa0*#|]+|<br\s*/?>", "", text)


def match_row(text: str, specs: tuple[RowSpec, ...]) -> RowSpec | None:
    """The row a label cell names, or None.  A bracketed note after the label (``其他对外管理服务事项
    （指行政许可以外的…行政处罚、行政强制…）``) names no row: only the text outside it is matched."""
    text = _NOTE.sub("", squash(text))
    for spec in specs:
        if spec.cue.search(text):
            return spec
    return None
