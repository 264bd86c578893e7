"""Chinese messages for findings, written for the people who write and audit the reports.

A message names what the text says, what the table says, and (for a FAIL) both sides:
``正文称收到申请1件，但表三“本年新收”总计为0（自然人一栏为1）``.
"""
from __future__ import annotations

from nianbao.facts.catalogue import catalogue
from nianbao.reconcile.cells import TABLE_NAMES, cell_name
from nianbao.reconcile.context import tail
from nianbao.report import Fact

QUALIFIER_RULES = {
    "exact": "",
    "approx": "（正文为约数，按相差不超过10%比较）",
    "at_least": "（正文称“余/多/以上”，表中数应不少于此数）",
    "more_than": "（正文称“超过”，表中数应大于此数）",
    "zero_claim": "",
}


def number(value: float | int | None) -> str:
    if value is None:
        return "（空）"
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.4f}".rstrip("0").rstrip(".")


def claim(text: str, fact: Fact) -> str:
    """正文称收到申请98个 / 正文称“未收到政府信息公开申请”（即收到申请为0）."""
    info = catalogue().get(fact.label)
    zh = info.zh if info else fact.label
    if fact.qualifier == "zero_claim":
        rest = tail(text, fact, max_chars=16)
        phrase = fact.text + rest + ("…" if len(rest) == 16 else "")
        return f"正文称“{phrase}”（即{zh}为0）"
    return f"正文称{zh}{fact.text}"


def table_side(cells: list[str], total: float | int | None, raws: dict[str, str], name: str | None) -> str:
    """表三“本年新收”总计为0 / 表三“不予公开”各项总计合计为3."""
    if len(cells) == 1:
        raw = (raws.get(cells[0]) or "").strip()
        shown = raw if raw and raw != number(total) else number(total)
        return f"{cell_name(cells[0])}为{shown}"
    table = TABLE_NAMES[cells[0].split(".", 1)[0]]
    return f"{table}{name or '、'.join(cell_name(c) for c in cells)}合计为{number(total)}"


def missing_table(table_id: str) -> str:
    return f"报告缺少{TABLE_NAMES[table_id]}，无法核对"


def incomplete_table(table_id: str, cells: list[str]) -> str:
    names = "、".join(cell_name(c) for c in cells[:2]) + ("等" if len(cells) > 2 else "")
    return f"{TABLE_NAMES[table_id]}未能完整读取，缺少{names}，无法核对"


def unread_reading_note(name: str | None, table_id: str, cells: list[str]) -> str:
    """A disagreement that another reading, in cells a partial table lacks, might settle."""
    names = "、".join(cell_name(c) for c in cells[:2]) + ("等" if len(cells) > 2 else "")
    return f"；按{name or '另一口径'}需要的{names}，{TABLE_NAMES[table_id]}未能完整读取（如页面不全），无法核对，请人工核对"


def missing_cell(cells: list[str]) -> str:
    names = "、".join(cell_name(c) for c in cells[:2]) + ("等" if len(cells) > 2 else "")
    return f"表中没有{names}，无法核对"


def unreadable_cells(cells: dict[str, tuple[str, str]]) -> str:
    """cells: id → (kind, raw)."""
    parts = []
    for cell_id, (kind, raw) in list(cells.items())[:3]:
        shown = "空白" if kind == "empty" or not raw.strip() else f"“{raw.strip()}”"
        parts.append(f"{cell_name(cell_id)}为{shown}")
    return "、".join(parts) + "，无法比较"


def columns_note(columns: list[tuple[str, float | int]]) -> str:
    """（自然人一栏为1）: the applicant columns of a row whose 总计 disagrees with them."""
    if not columns:
        return ""
    return "（" + "，".join(f"{name}一栏为{number(v)}" for name, v in columns) + "）"


def scope_note(word: str) -> str:
    return f"；句中有“{word}”，正文与表格的统计范围可能不同，请人工核对"


def other_year_note(year: int, report_year: int) -> str:
    return f"；句中所说为{year}年，而表格为{report_year}年，请人工核对"


COMBINED_NOTE = "；正文为“予以公开”与“部分公开”的合并数，口径可能不同，请人工核对"
UNKNOWN_UNIT_NOTE = "；表中金额未注明单位，按元和万元都不一致，请人工核对"
