"""Checks across consecutive years of one issuer (TABLES.md identities):

* `cross_year.carry` — last year's ``t3.carried_forward.total`` equals this year's
  ``t3.carried_over.total``;
* `cross_year.in_force.<row>` — 2021 layout, rows 规章 and 规范性文件: last year's
  ``in_force`` + this year's ``issued`` − ``repealed`` equals this year's ``in_force``.

A report is linked to last year's when both are in the same run (or, in a batch job, the
same results database) and name one body: their issuers (read from the report by the
sections stage) have the same `issuer_key`, the `nianbao.issuer.normalise_issuer` key
(××县人民政府办公室 = ××县政府办, ××街道办事处 = ××街道), in `nianbao check` and in the batch
database alike. Findings go on this year's report; the previous report's cells travel in
``evidence["previous"]``.

`NEEDED_CELLS` names every cell the rules read, so a caller holding many reports (the batch
database) can load just those cells of a pair and call `pair_findings`.
"""
from __future__ import annotations

from nianbao.issuer import normalise_issuer, placeless
from nianbao.reconcile.cells import cell_name
from nianbao.reconcile.messages import number
from nianbao.report import Finding, Report

IN_FORCE_ROWS = ("regulations", "normative_docs")
CARRY_LAST, CARRY_THIS = "t3.carried_forward.total", "t3.carried_over.total"
# every cell a rule reads, of last year's or this year's report
NEEDED_CELLS = (CARRY_LAST, CARRY_THIS) + tuple(
    f"t2.{row}.{col}" for row in IN_FORCE_ROWS for col in ("issued", "repealed", "in_force"))


def issuer_key(issuer: str | None) -> str | None:
    """The issuer as compared across years (`normalise_issuer`); None when there is none, or
    when the name has no place of its own (`nianbao.issuer.placeless`: it links no years). The
    one place that decides which reports are the same issuer's (the batch database indexes it)."""
    key = normalise_issuer(issuer)
    return key if key and not placeless(key) else None


def findings(reports: list[Report]) -> list[tuple[Report, list[Finding]]]:
    by_year: dict[int, dict[str, Report]] = {}
    for report in reports:
        key = _key(report)
        if key is not None:
            by_year.setdefault(key[1], {}).setdefault(key[0], report)
    out = []
    for report in reports:
        key = _key(report)
        if key is None:
            continue
        previous = by_year.get(key[1] - 1, {}).get(key[0])
        if previous is None:
            continue
        out.append((report, pair_findings(previous, report)))
    return out


def pair_findings(previous: Report, report: Report) -> list[Finding]:
    """Every cross-year finding of `report` against last year's `previous`."""
    return [carry(previous, report)] + in_force(previous, report)


def _key(report: Report) -> tuple[str, int] | None:
    issuer = issuer_key(report.issuer)
    if issuer is None or not report.year:
        return None
    return issuer, int(report.year)


def carry(previous: Report, report: Report) -> Finding:
    last_id, this_id = CARRY_LAST, CARRY_THIS
    last, this = previous.table_cell(last_id), report.table_cell(this_id)
    base = _base("cross_year.carry", previous, report, {last_id: last}, {this_id: this})
    said = f"上年（{previous.year}年）{cell_name(last_id)}"
    here = f"本年{cell_name(this_id)}"
    missing = _missing(previous, [last_id], "上年") or _missing(report, [this_id], "本年")
    if missing:
        return Finding(status="NOT_ASSESSABLE", message=missing + "，无法核对跨年结转", **base)
    if not _readable(last) or not _readable(this):
        return Finding(status="UNCERTAIN", message=f"{said}为“{last.raw}”，{here}为“{this.raw}”，无法比较", **base)
    text = f"{said}为{number(last.value)}，{here}为{number(this.value)}"
    if last.value == this.value:
        return Finding(status="PASS", message=text + "，一致", text_value=last.value, table_value=this.value, **base)
    return Finding(status="FAIL", message=text + "，两者应相等", text_value=last.value, table_value=this.value, **base)


def in_force(previous: Report, report: Report) -> list[Finding]:
    this_t2, last_t2 = report.tables.get("t2"), previous.tables.get("t2")
    if this_t2 is None or last_t2 is None or this_t2.layout != "2021" or last_t2.layout != "2021":
        return []
    out = []
    for row in IN_FORCE_ROWS:
        last_id = f"t2.{row}.in_force"
        ids = [f"t2.{row}.issued", f"t2.{row}.repealed", f"t2.{row}.in_force"]
        last = previous.table_cell(last_id)
        cells = {c: report.table_cell(c) for c in ids}
        base = _base(f"cross_year.in_force.{row}", previous, report, {last_id: last}, cells)
        missing = _missing(previous, [last_id], "上年") or _missing(report, ids, "本年")
        if missing:
            out.append(Finding(status="NOT_ASSESSABLE", message=missing + "，无法核对现行有效件数", **base))
            continue
        unreadable = [c for c in [last, *cells.values()] if not _readable(c)]
        if unreadable:
            shown = "、".join(f"“{c.raw}”" for c in unreadable)
            out.append(Finding(status="UNCERTAIN", message=f"{cell_name(last_id)[:2]}有空白或无法读取的数（{shown}），"
                                                             "无法核对现行有效件数", **base))
            continue
        issued, repealed, now = (cells[c].value for c in ids)
        expected = last.value + issued - repealed
        text = (f"上年（{previous.year}年）{cell_name(last_id)}为{number(last.value)}，本年制发{number(issued)}件、"
                f"废止{number(repealed)}件，应为{number(expected)}，本年表中为{number(now)}")
        status = "PASS" if abs(expected - now) < 1e-9 else "FAIL"
        out.append(Finding(status=status, message=text + ("，一致" if status == "PASS" else "，不一致"),
                           text_value=expected, table_value=now, **base))
    return out


def _missing(report: Report, ids: list[str], which: str) -> str | None:
    table = report.tables.get("t3" if ids[0].startswith("t3") else "t2")
    if table is None:
        return f"{which}报告缺少{cell_name(ids[0])[:2]}"
    absent = [c for c in ids if c not in table.cells]
    if absent:
        why = "未能完整读取" if not table.complete else "没有"
        return f"{which}{cell_name(absent[0])[:2]}{why}{cell_name(absent[0])[2:]}"
    return None


def _readable(cell) -> bool:
    return cell is not None and cell.kind == "number" and cell.value is not None


def _base(rule: str, previous: Report, report: Report, last_cells: dict, this_cells: dict) -> dict:
    return dict(
        rule=rule, kind="cross_year", cells=list(this_cells),
        evidence={
            "previous": {"doc_id": previous.doc_id, "source": previous.source, "year": previous.year,
                         "cells": {c: (cell.raw if cell is not None else None) for c, cell in last_cells.items()}},
            "cells": {c: (cell.raw if cell is not None else None) for c, cell in this_cells.items()},
        },
    )
