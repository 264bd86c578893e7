"""`text.<LABEL>`: every narrative fact with a table counterpart against its cell(s).

One finding per fact. The fact's qualifier decides what agreeing means (FACTS.md §2):
exact equal, approx within 10 %, at_least table ≥ text, more_than table > text,
zero_claim table = 0. A fact may have several readings (APP_RECEIVED: 新收 alone, or
新收 + 上年结转); the first that agrees wins and the message names it. Scope words in the
fact's clause and combined counts turn a disagreement into UNCERTAIN; agreement stays PASS.
So does a reading left unread because its table was read only in part (a page cut short
inside it): a partial table never gives a FAIL from a cell it could not read.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from nianbao.reconcile import messages as msg
from nianbao.reconcile.arithmetic import sub_counts
from nianbao.reconcile.cells import T3_COLUMNS, split_cell_id
from nianbao.reconcile.context import other_year, printed_number, scope_word
from nianbao.reconcile.readings import MONEY_UNITS, NoColumn, Reading, readings
from nianbao.report import Fact, Finding, Report

_MONEY_CELLS = ("t2.fees.amount", "t2.procurement.amount")


@dataclass
class TableSide:
    """What one reading found in the tables."""

    reading: Reading
    state: str  # "number" | "unreadable" | "missing_table" | "missing_cell" | "incomplete"
    raws: dict[str, str] = field(default_factory=dict)
    value: float | None = None  # sum as printed (in the cells' own unit)
    candidates: list[float] = field(default_factory=list)  # the sum in the comparison unit
    unit_known: bool = True
    bad: dict[str, tuple[str, str]] = field(default_factory=dict)  # unreadable cells: id → (kind, raw)
    absent: list[str] = field(default_factory=list)
    table: str = ""


def check(report: Report) -> list[Finding]:
    """One finding per fact with a table side; a sub-count of an earlier same-label fact
    (`arithmetic.sub_counts`) has none: the table prints the whole, not the part."""
    parts = sub_counts(report)
    findings = [f for f in (check_fact(report, i) for i in range(len(report.facts)) if i not in parts)
                if f is not None]
    if any(f.rule == "text.APP_RECEIVED" and f.status == "PASS" and "t3.carried_over.total" in f.cells
           for f in findings):  # 受理 counted with 上年结转: read the applicant breakdown that way too
        findings = [check_fact(report, f.facts[0], with_carried_over=True)
                    if f.rule in ("text.APP_NATURAL_PERSON", "text.APP_ORGANIZATION") else f for f in findings]
    return findings


def check_fact(report: Report, index: int, with_carried_over: bool = False) -> Finding | None:
    fact = report.facts[index]
    found = readings(report, fact, with_carried_over)
    if found is None:
        return None
    claim = msg.claim(report.text, fact)
    base = dict(rule=f"text.{fact.label}", kind="text_vs_table", facts=[index], text_value=fact.value)
    evidence = {"fact": _fact_evidence(fact)}
    if isinstance(found, NoColumn):
        table = report.tables.get(found.table)
        reason = msg.missing_table(found.table) if table is None else found.reason + "，无法核对"
        return Finding(status="NOT_ASSESSABLE", message=f"{claim}，但{reason}", evidence=evidence, **base)
    if fact.value is None:
        return Finding(status="UNCERTAIN", message=f"{claim}，但未能读出正文的数值", cells=list(found[0].cells),
                       evidence=evidence, **base)
    money = any(c in _MONEY_CELLS for r in found for c in r.cells)
    text_value, tolerance = _text_in_unit(fact, money)
    sides = [_table_side(report, reading, money) for reading in found]
    numbers = [s for s in sides if s.state == "number"]
    evidence["readings"] = [list(s.reading.cells) for s in sides]

    if sides[0].state == "unreadable":  # the main reading's cell is empty or na: no fallback
        numbers = []
    for side in numbers:
        if any(_agrees(text_value, fact.qualifier, v, tolerance) for v in side.candidates):
            return _finding("PASS", claim, side, sides, fact, base, evidence, report)
    if numbers:
        side = numbers[0]
        doubt = _doubt(report, fact, side) or _unread_reading(sides)
        return _finding("UNCERTAIN" if doubt else "FAIL", claim, side, sides, fact, base, evidence, report, doubt)
    unreadable = [s for s in sides if s.state == "unreadable"]
    if unreadable:
        side = unreadable[0]
        evidence["cells"] = side.raws
        return Finding(status="UNCERTAIN", message=f"{claim}，但{msg.unreadable_cells(side.bad)}",
                       cells=list(side.reading.cells), evidence=evidence, **base)
    side = sides[0]
    if side.state == "missing_table":
        reason = msg.missing_table(side.table)
    elif side.state == "incomplete":
        reason = msg.incomplete_table(side.table, side.absent)
    else:
        reason = msg.missing_cell(side.absent)
    evidence["cells"] = side.raws
    return Finding(status="NOT_ASSESSABLE", message=f"{claim}，但{reason}", cells=list(side.reading.cells),
                   evidence=evidence, **base)


def _finding(status, claim, side, sides, fact, base, evidence, report, doubt: str = "") -> Finding:
    evidence["cells"] = side.raws
    evidence["reading"] = list(side.reading.cells)
    table_text = msg.table_side(list(side.reading.cells), side.value, side.raws, side.reading.name)
    if status == "PASS":
        message = f"{claim}，{table_text}，一致"
        first = sides[0]
        if side is not first and first.state == "number":  # agrees only under the second reading: say so
            first_text = msg.table_side(list(first.reading.cells), first.value, first.raws, first.reading.name)
            message = f"{claim}，与{first_text}不同，但{table_text}，一致"
        message += msg.QUALIFIER_RULES.get(fact.qualifier, "")
    else:
        message = f"{claim}，但{table_text}" + _columns_note(report, side)
        others = [s for s in sides if s is not side and s.state == "number" and s.value != side.value]
        for other in others:
            message += "；按" + (other.reading.name or "另一口径") + f"合计为{msg.number(other.value)}，也不一致"
        message += msg.QUALIFIER_RULES.get(fact.qualifier, "") + doubt
    # in the fact's unit (元 for money: 人民币2.9亿元 → 290000000) unless the table names no unit
    table_value = side.candidates[0] if side.unit_known and side.candidates else side.value
    if isinstance(table_value, float) and table_value.is_integer():
        table_value = int(table_value)
    return Finding(status=status, message=message, cells=list(side.reading.cells), table_value=table_value,
                   evidence=evidence, **base)


def _doubt(report: Report, fact: Fact, side: TableSide) -> str:
    """Why a disagreement is doubtful rather than a FAIL ('' when it is not)."""
    if side.reading.combined:
        return msg.COMBINED_NOTE
    if not side.unit_known:
        return msg.UNKNOWN_UNIT_NOTE
    word = scope_word(report, fact)
    if word:
        return msg.scope_note(word)
    year = other_year(report, fact)
    return msg.other_year_note(year, report.year) if year else ""


def _unread_reading(sides: list[TableSide]) -> str:
    """A reading that may agree lies in cells a table read only in part (a page cut short):
    the disagreement of the others is no FAIL, for the cells it needs were not read."""
    for side in sides:
        if side.state == "incomplete":
            return msg.unread_reading_note(side.reading.name, side.table, side.absent)
    return ""


def _columns_note(report: Report, side: TableSide) -> str:
    """For a 表三 总计 that disagrees with its own row: which applicant columns hold numbers."""
    if len(side.reading.cells) != 1:
        return ""
    table, row, column = split_cell_id(side.reading.cells[0])
    if table != "t3" or column != "total":
        return ""
    columns = []
    for col, name in T3_COLUMNS.items():
        cell = report.table_cell(f"t3.{row}.{col}")
        if col != "total" and cell is not None and cell.kind == "number" and cell.value:
            columns.append((name, cell.value))
    if sum(v for _, v in columns) == side.value:
        return ""
    return msg.columns_note(columns)


def _table_side(report: Report, reading: Reading, money: bool) -> TableSide:
    table_id = reading.cells[0].split(".", 1)[0]
    side = TableSide(reading=reading, state="number", table=table_id)
    table = report.tables.get(table_id)
    if table is None:
        side.state = "missing_table"
        return side
    cells = {c: table.cells.get(c) for c in reading.cells}
    side.raws = {c: cell.raw for c, cell in cells.items() if cell is not None}
    side.absent = [c for c, cell in cells.items() if cell is None]
    if side.absent:
        side.state = "missing_cell" if table.complete else "incomplete"
        return side
    side.bad = {c: (cell.kind, cell.raw) for c, cell in cells.items() if cell.kind != "number" or cell.value is None}
    if side.bad:
        side.state = "unreadable"
        return side
    side.value = sum(cell.value for cell in cells.values())
    if not money:
        side.candidates = [float(side.value)]
        return side
    totals = [0.0]
    for cell_id, cell in cells.items():
        factors = _cell_money_factors(cell_id, cell.unit, cell.raw)
        side.unit_known = side.unit_known and len(factors) == 1
        totals = [t + cell.value * f for t in totals for f in factors]
    side.candidates = totals
    return side


def _cell_money_factors(cell_id: str, unit: str | None, raw: str) -> list[float]:
    """Yuan per printed unit of a money cell; two guesses when the table names no unit."""
    if unit in MONEY_UNITS:
        return [MONEY_UNITS[unit]]
    for word, factor in (("亿", 1e8), ("万", 1e4), ("元", 1.0)):
        if word in raw:
            return [factor]
    if cell_id == "t2.fees.amount":
        return [1e4]  # the 2021 template prints 本年收费金额（万元）
    return [1.0, 1e4]


def _text_in_unit(fact: Fact, money: bool) -> tuple[float, float]:
    """The fact's value in the comparison unit (yuan for money) and the rounding tolerance."""
    value = float(fact.value)
    if not money:
        return value, 1e-9
    factor = 1.0
    for word, f in (("亿", 1e8), ("万", 1e4)):
        if word in fact.text or fact.unit == f"{word}元":
            factor = f
            break
    printed = printed_number(fact.text)
    if printed is not None and math.isclose(printed, value) and factor != 1.0:
        value = value * factor  # the extractor kept the printed number; scale it here
    decimals = 0
    digits = fact.text.split(".", 1)
    if len(digits) == 2:
        decimals = len(digits[1]) - len(digits[1].lstrip("0123456789"))
    tolerance = 0.5 * factor * 10 ** (-decimals) if factor != 1.0 else 0.5
    return value, tolerance


def _agrees(text_value: float, qualifier: str, table_value: float, tolerance: float = 1e-9) -> bool:
    if qualifier == "zero_claim":
        return abs(table_value) <= 1e-9
    if qualifier == "approx":
        return abs(table_value - text_value) <= max(0.1 * abs(text_value), tolerance)
    if qualifier == "at_least":
        return table_value >= text_value - tolerance
    if qualifier == "more_than":
        return table_value > text_value
    return abs(table_value - text_value) <= tolerance


def _fact_evidence(fact: Fact) -> dict:
    return {"text": fact.text, "start": fact.start, "end": fact.end, "value": fact.value,
            "unit": fact.unit, "qualifier": fact.qualifier}

