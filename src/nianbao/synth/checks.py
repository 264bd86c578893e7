"""The verdict each check must reach on a synthetic report (the oracle for the reconciler).

Follows OUTPUT.md: PASS when both sides are numbers and agree within the fact's qualifier;
FAIL when they disagree; UNCERTAIN when a cell is empty/na, or the numbers disagree but a
scope word or a combined count makes the comparison doubtful.  `text.APP_RECEIVED` also
passes under the 新收 + 结转 reading (its note says so).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from nianbao.synth.truth import Expectation, GoldFact

_UNIT_FACTOR = {None: 1, "元": 1, "万元": 10_000, "亿元": 100_000_000}


def cell_in_base_units(cell_id: str, cell: dict[str, Any]) -> float | int | None:
    """A printed cell's value in the unit a fact is normalised to (元 for amounts)."""
    value = cell["value"]
    if value is None:
        return None
    factor = 1
    if cell_id == "t2.fees.amount":  # the column is headed 本年收费金额（单位：万元）
        factor = 10_000
    elif cell_id == "t2.procurement.amount":
        factor = _UNIT_FACTOR.get(cell["unit"], 1)
    exact = Decimal(str(value)) * factor  # decimal, so 9645.46 万元 is 96454600 元 exactly
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def agrees(stated: float, qualifier: str, table: float) -> bool:
    eps = 1e-6 + 1e-12 * abs(stated)  # float noise only
    if qualifier in ("exact", "zero_claim"):
        return abs(table - stated) < eps
    if qualifier == "approx":
        return abs(table - stated) <= 0.1 * abs(stated) + eps
    if qualifier == "at_least":
        return table >= stated - eps
    if qualifier == "more_than":
        return table > stated + eps
    raise ValueError(qualifier)


def fact_expectation(index: int, fact: GoldFact, cells: dict[str, dict[str, Any]]) -> Expectation:
    rule = f"text.{fact.label}"
    values = [cell_in_base_units(c, cells[c]) for c in fact.cells]
    if any(v is None for v in values):
        return Expectation(rule, "UNCERTAIN", [index], list(fact.cells), fact.value, None, "cell empty or na")
    table = sum(values)
    if agrees(fact.value, fact.qualifier, table):
        return Expectation(rule, "PASS", [index], list(fact.cells), fact.value, table)
    if fact.label == "APP_RECEIVED" and fact.cells == ["t3.new_received.total"]:
        over = cells["t3.carried_over.total"]["value"]
        if over is not None and agrees(fact.value, fact.qualifier, table + over):
            return Expectation(rule, "PASS", [index], ["t3.new_received.total", "t3.carried_over.total"],
                               fact.value, table + over, "new_plus_carried")
    if fact.scope or fact.combined:
        why = f"scope word {fact.scope}" if fact.scope else "combined count"
        return Expectation(rule, "UNCERTAIN", [index], list(fact.cells), fact.value, table, why)
    return Expectation(rule, "FAIL", [index], list(fact.cells), fact.value, table)


def text_expectations(facts: list[GoldFact], cells: dict[str, dict[str, Any]]) -> list[Expectation]:
    return [fact_expectation(i, f, cells) for i, f in enumerate(facts) if f.cells]


def identity_expectations(results: list[dict[str, Any]]) -> list[Expectation]:
    """Table identities; `text_value`/`table_value` hold the left and right side. Only a
    FAIL lists its cells (the rule id names them; TABLES.md gives the formula)."""
    return [Expectation(r["rule"], r["status"], [], r["cells"] if r["status"] == "FAIL" else [], r["left"],
                        r["right"], "table identity") for r in results]


def cross_year_expectations(prev_cells: dict[str, dict[str, Any]], cells: dict[str, dict[str, Any]],
                            both_2021: bool) -> list[Expectation]:
    out = []
    last, this = prev_cells["t3.carried_forward.total"]["value"], cells["t3.carried_over.total"]["value"]
    status = "UNCERTAIN" if last is None or this is None else ("PASS" if last == this else "FAIL")
    out.append(Expectation("cross_year.carry", status, [], ["t3.carried_over.total"], last, this,
                           "last year's t3.carried_forward.total vs this year's t3.carried_over.total"))
    if both_2021:
        for row in ("regulations", "normative_docs"):
            ids = [f"t2.{row}.{c}" for c in ("in_force", "issued", "repealed")]
            before = prev_cells[ids[0]]["value"]
            now, issued, repealed = (cells[i]["value"] for i in ids)
            if None in (before, issued, repealed, now):
                status, expected = "UNCERTAIN", None
            else:
                expected = before + issued - repealed
                status = "PASS" if expected == now else "FAIL"
            out.append(Expectation(f"cross_year.in_force.{row}", status, [], ids, expected, now))
    return out
