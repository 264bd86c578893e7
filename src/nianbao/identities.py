"""The identities 表三 and 表四 must satisfy (TABLES.md), checked cell by cell.

One finding per row, column or identity, each naming every cell it used:

* ``t3.col_sum.<row>``: the six applicant columns add up to 总计;
* ``t3.results_total.<col>``: the result rows (予以公开 … 其他处理) add up to （七）总计;
* ``t3.balance.<col>``: 本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理;
* ``t4.sum.<row>``: 维持 + 纠正 + 其他 + 尚未审结 = 总计.

A printed total is never repaired: the finding shows the computed sum (`text_value`)
next to the printed value (`table_value`).  Statuses follow OUTPUT.md: PASS / FAIL when
every cell is a number; UNCERTAIN when one is empty, ``na`` or unreadable; NOT_ASSESSABLE
when the table or a cell is missing.
"""
from __future__ import annotations

from nianbao.report import Finding, Table
from nianbao.tables.ids import (T3_COLUMN_NAMES, T3_COLUMNS, T3_RESULT_ROWS, T3_ROW_ORDER, T3_ROWS, T4_COLUMNS,
                                T4_ROW_NAMES, T4_ROWS)

_EPS = 1e-9


def check(tables: dict[str, Table]) -> list[Finding]:
    """Every table identity finding for the report's tables."""
    t3, t4 = tables.get("t3"), tables.get("t4")
    variant = _t3_variant(tables)
    findings: list[Finding] = []
    for row in T3_ROW_ORDER[variant]:
        findings.append(_identity(
            t3, "表三", f"t3.col_sum.{row}", [f"t3.{row}.{c}" for c in T3_COLUMNS[:-1]], [f"t3.{row}.total"],
            subject=f"表三“{T3_ROWS[row].name}”行", left="各申请人类别之和", right="总计栏"))
    for col in T3_COLUMNS:
        findings.append(_identity(
            t3, "表三", f"t3.results_total.{col}", [f"t3.{row}.{col}" for row in T3_RESULT_ROWS[variant]],
            [f"t3.total_processed.{col}"],
            subject=f"表三“{T3_COLUMN_NAMES[col]}”栏", left="各办理结果之和", right="“（七）总计”行"))
    for col in T3_COLUMNS:
        findings.append(_identity(
            t3, "表三", f"t3.balance.{col}", [f"t3.new_received.{col}", f"t3.carried_over.{col}"],
            [f"t3.total_processed.{col}", f"t3.carried_forward.{col}"],
            subject=f"表三“{T3_COLUMN_NAMES[col]}”栏", left="本年新收加上年结转", right="办理总计加结转下年度"))
    for row in T4_ROWS:
        findings.append(_identity(
            t4, "表四", f"t4.sum.{row}", [f"t4.{row}.{c}" for c in T4_COLUMNS[:-1]], [f"t4.{row}.total"],
            subject=f"表四“{T4_ROW_NAMES[row]}”", left="各结果之和", right="总计栏"))
    return findings


def _t3_variant(tables: dict[str, Table]) -> str:
    """Which 其他处理 rows 表三 has: one row ("2019") or three ("2021")."""
    t3 = tables.get("t3")
    if t3 is not None:
        if any(k.startswith("t3.other.") and k.count(".") == 3 for k in t3.cells):
            return "2021"
        if any(k.startswith("t3.other.") and k.count(".") == 2 for k in t3.cells):
            return "2019"
    t2 = tables.get("t2")
    return "2021" if t2 is not None and t2.layout == "2021" else "2019"


def _identity(table: Table | None, table_name: str, rule: str, parts: list[str], totals: list[str], *,
              subject: str, left: str, right: str) -> Finding:
    """sum(parts) == sum(totals); `subject`, `left` and `right` word the message."""
    cells = parts + totals
    finding = Finding(rule=rule, status="", kind="table_identity", message="", cells=cells)
    if table is None:
        finding.status = "NOT_ASSESSABLE"
        finding.message = f"报告缺少{table_name}，无法核对{subject}{left}与{right}"
        return finding
    finding.evidence["raw"] = {c: table.cells[c].raw for c in cells if c in table.cells}
    missing = [c for c in cells if c not in table.cells]
    if missing:
        finding.status = "NOT_ASSESSABLE"
        finding.evidence["missing"] = missing
        finding.message = f"{subject}有{len(missing)}个所需单元格未能读出，无法核对{left}与{right}"
        return finding
    unusable = [c for c in cells if table.cells[c].kind != "number"]
    if unusable:
        finding.status = "UNCERTAIN"
        finding.evidence["not_numbers"] = {c: table.cells[c].kind for c in unusable}
        shown = "、".join(f"“{table.cells[c].raw}”" if table.cells[c].raw else "空白" for c in unusable[:3])
        finding.message = f"{subject}有{len(unusable)}个所需单元格不是数字（{shown}），无法核对{left}与{right}"
        return finding
    lhs = _num(sum(table.cells[c].value for c in parts))
    rhs = _num(sum(table.cells[c].value for c in totals))
    ok = abs(lhs - rhs) < _EPS
    finding.status = "PASS" if ok else "FAIL"
    finding.text_value, finding.table_value = lhs, rhs
    finding.evidence.update(sum=lhs, total=rhs)
    finding.message = (f"{subject}{left}为{lhs}，与{right}{rhs}一致" if ok
                       else f"{subject}{left}为{lhs}，但{right}为{rhs}")
    return finding


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 6)
