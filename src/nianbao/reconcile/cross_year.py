"""Checks across consecutive years of one issuer (TABLES.md identities):

* `cross_year.carry` — last year's ``t3.carried_forward.total`` equals this year's
  ``t3.carried_over.total``;
* `cross_year.in_force.<row>` — 2021 layout, rows 规章 and 规范性文件: last year's
  ``in_force`` + this year's ``issued`` − ``repealed`` equals this year's ``in_force``.

A report is linked to last year's when both are in the same run and their issuers (read
from the report by the sections stage) name one body: `nianbao.issuer.same_issuer`, which
compares `normalise_issuer` keys (××县人民政府办公室 = ××县政府办, ××街道办事处 = ××街道) and
lets a name carry the region above it (绿园区同心街道 = 同心街道). Findings go on this year's report; the
previous report's cells travel in ``evidence["previous"]``.
"""
from __future__ import annotations

from nianbao.issuer import normalise_issuer, same_issuer
from nianbao.reconcile.cells import cell_name
from nianbao.reconcile.messages import number
from nianbao.report import Finding, Report

IN_FORCE_ROWS = ("regulations", "normative_docs")


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
        previous = _previous(by_year.get(key[1] - 1, {}), key[0])
        if previous is None:
            continue
        found = [carry(previous, report)] + in_force(previous, report)
        out.append((report, found))
    return out


def _key(report: Report) -> tuple[str, int] | None:
    issuer = normalise_issuer(report.issuer)
    if not issuer or not report.year:
        return None
    return issuer, int(report.year)


def _previous(last_year: dict[str, Report], issuer: str) -> Report | None:
    """Last year's report of `issuer` (a normalised key): the same key, else the one key that
    names the same body with or without its region in front."""
    if issuer in last_year:
        return last_year[issuer]
    alike = [r for k, r in last_year.items() if same_issuer(k, issuer)]
    return alike[0] if len(alike) == 1 else None


def carry(previous: Report, report: Report) -> Finding:
    last_id, this_id = "t3.carried_forward.total", "t3.carried_over.total"
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
