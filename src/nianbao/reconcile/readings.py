"""Which table cells a narrative fact is compared with: its *readings*.

The catalogue lists each label's cells; some labels need the fact's context to pick among
them (FACTS.md §3): the column of 规章/规范性文件 by cue words (制发, 新公开, 现行有效 …) and
table 二's layout, the row of 行政许可/处罚/强制, 采购 projects vs amount by unit, one
organisation column of 表三 or all five, and a combined 予以公开及部分公开 count.
Look-alikes (政策性文件, 信息处理费) get no reading at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from nianbao.facts.catalogue import catalogue
from nianbao.facts.parts import PERCENT
from nianbao.reconcile.cells import T3_COLUMNS, T3_ORGANISATIONS
from nianbao.reconcile.context import lead, nearest_cue, tail
from nianbao.report import Fact, Report


@dataclass(frozen=True)
class Reading:
    """Cell ids summed for one way of reading a fact; ``name`` is how a message calls it."""

    cells: tuple[str, ...]
    name: str | None = None
    combined: bool = False  # 予以公开及部分公开 compared with granted + partial


@dataclass(frozen=True)
class NoColumn:
    """The fact maps to a table that has no column for it (why, in Chinese)."""

    table: str
    reason: str


MONEY_UNITS = {"元": 1.0, "万元": 1e4, "亿元": 1e8}

_SUM_NAMES = {
    "APP_DENIED": "“不予公开”各项总计",
    "APP_UNABLE": "“无法提供”各项总计",
    "APP_NOT_PROCESSED": "“不予处理”各项总计",
    "LITIGATION_CASES": "“未经复议直接起诉”与“复议后起诉”总计",
}
_RECEIVED_NAMES = ("“本年新收”总计", "“本年新收”与“上年结转”总计")

# cue groups in precedence order (the first group found in the cue words decides), with the
# column each names per table 二 layout; None: that layout prints no such column
_DOC_CUES = (
    (("现行有效", "有效"), {"2019": None, "2021": ("in_force",)}),
    (("废止",), {"2019": None, "2021": ("repealed",)}),
    (("累计", "总数", "对外公开"), {"2019": ("total_published",), "2021": ("in_force",)}),
    (("新制作", "制定"), {"2019": ("new_made",), "2021": ("issued",)}),
    (("制发", "出台", "印发"), {"2019": ("new_made", "new_published"), "2021": ("issued",)}),  # made and issued
    (("新公开", "公开", "发布"), {"2019": ("new_published",), "2021": ("issued",)}),
)
_DOC_DEFAULT = {"2019": ("new_made", "new_published"), "2021": ("issued",)}
_DOC_COLUMN_WORDS = {"in_force": "现行有效", "repealed": "废止"}

_DECISION_CUES = {"许可": "licensing", "处罚": "punishment", "强制": "coercion"}
_ORG_CUES = {
    "法人或其他组织": None, "法人": None, "组织": None,
    "商业企业": "commercial", "科研机构": "research",
    "社会公益组织": "social_org", "公益组织": "social_org", "法律服务机构": "legal_service",
}
_COUNT_BEFORE = re.compile(r"\d+(?:\.\d+)?\s*[件个条项次篇人笔万亿元%]*")


def near_cues(report: Report, fact: Fact) -> str:
    """The lead after the previous fact or number in it: the words naming this fact alone
    (``其中自然人80件、商业企业`` → ``、商业企业``)."""
    start = max(fact.start - len(lead(report.text, fact)), report.fact_end_before(fact.start))
    return _COUNT_BEFORE.split(report.text[start:fact.start])[-1]


def table_layout(report: Report) -> str | None:
    table = report.tables.get("t2")
    if table is None:
        return None
    if table.layout in ("2019", "2021"):
        return table.layout
    ids = table.cells
    return "2021" if any(c.endswith((".issued", ".in_force", ".repealed")) for c in ids) else "2019"


def readings(report: Report, fact: Fact, with_carried_over: bool = False) -> list[Reading] | NoColumn | None:
    """The readings of a fact, a `NoColumn`, or None when the fact has no table counterpart.

    `with_carried_over`: the report counts 上年结转 among the applications it received
    (its APP_RECEIVED agreed only that way), so a 自然人/法人 breakdown may count them too.
    """
    found = _readings(report, fact)
    if with_carried_over and fact.label in ("APP_NATURAL_PERSON", "APP_ORGANIZATION") and isinstance(found, list):
        found = found + [Reading(r.cells + tuple(c.replace(".new_received.", ".carried_over.") for c in r.cells),
                                 "“本年新收”与“上年结转”" + _applicant_names(r.cells)) for r in found]
    return found


def _applicant_names(cells: tuple[str, ...]) -> str:
    return "法人或其他组织五栏" if len(cells) > 1 else T3_COLUMNS[cells[0].rsplit(".", 1)[1]] + "栏"


def _readings(report: Report, fact: Fact) -> list[Reading] | NoColumn | None:
    info = catalogue().get(fact.label)
    if info is None or not info.cells or fact.unit in PERCENT:
        return None
    near = near_cues(report, fact)
    clause = lead(report.text, fact)
    if fact.qualifier == "zero_claim":  # 未作出行政强制决定: the counted words follow the cue
        near = clause = tail(report.text, fact)
    label = fact.label
    if label in ("REGULATIONS", "NORMATIVE_DOCS"):
        return _document_readings(report, fact, near or clause)
    if label == "ADMIN_DECISIONS":
        cue = nearest_cue(near, _DECISION_CUES) or nearest_cue(clause, _DECISION_CUES)
        if cue is None:
            return NoColumn("t2", "正文未说明是行政许可、处罚还是强制决定")
        return [Reading((f"t2.{_DECISION_CUES[cue]}.decisions",))]
    if label == "PROCUREMENT":
        money = fact.unit in MONEY_UNITS or any(m in fact.text for m in ("元", "万", "亿"))
        return [Reading(("t2.procurement.amount",) if money else ("t2.procurement.projects",))]
    if label == "ADMIN_FEES":
        if nearest_cue(clause, ("信息处理费", "行政事业性收费")) == "信息处理费":
            return None  # a look-alike: fees for processing applications, not 行政事业性收费
        if table_layout(report) == "2019":
            return NoColumn("t2", "表二（2019年版式）不列行政事业性收费金额")
        return [Reading(("t2.fees.amount",))]
    if label == "INFO_PUBLISHED":
        if report.table_cell("t2.published_total") is None:
            return None  # checked only where the report prints the total line
        return [Reading(("t2.published_total",))]
    if label == "APP_ORGANIZATION":
        cue = nearest_cue(near, _ORG_CUES) or nearest_cue(clause, _ORG_CUES)
        column = _ORG_CUES.get(cue) if cue else None
        if column:
            return [Reading((f"t3.new_received.{column}",))]
        return [Reading(tuple(f"t3.new_received.{c}" for c in T3_ORGANISATIONS), "“本年新收”法人或其他组织五栏")]
    if label == "APP_GRANTED" and _names_partial_too(near):
        return [Reading(("t3.granted.total", "t3.partial.total"), "“予以公开”与“部分公开”总计", combined=True)]
    if label == "APP_RECEIVED":
        return [Reading(tuple(cells), name) for cells, name in zip(info.cells, _RECEIVED_NAMES)]
    return [Reading(tuple(cells), _SUM_NAMES.get(label)) for cells in info.cells]


def _names_partial_too(near: str) -> bool:
    """予以公开及部分公开 / 全部或部分公开: a cue that names both granted and partial."""
    if "部分公开" not in near:
        return False
    before = near[: near.rfind("部分公开")]
    return any(w in before for w in ("予以公开", "全部公开", "同意公开", "公开", "全部"))


def _document_readings(report: Report, fact: Fact, cues: str) -> list[Reading] | NoColumn | None:
    row = "regulations" if fact.label == "REGULATIONS" else "normative_docs"
    if row == "normative_docs" and nearest_cue(cues, ("政策性文件", "规范性文件")) == "政策性文件":
        return None  # 政策性文件 is not 规范性文件
    layout = table_layout(report)
    if layout is None:  # no table 二: name a cell of it so the finding says the table is missing
        return [Reading((f"t2.{row}.new_published",))]
    for words, columns in _DOC_CUES:
        cue = next((w for w in words if w in cues), None)
        if cue is None:
            continue
        if columns[layout] is None:
            return NoColumn("t2", f"表二（{layout}年版式）不列“{cue}”一栏")
        return [Reading((f"t2.{row}.{column}",)) for column in columns[layout]]
    return [Reading((f"t2.{row}.{col}",)) for col in _DOC_DEFAULT[layout]]
