"""A readable terminal summary of a checked report."""
from __future__ import annotations

from collections import Counter

from nianbao.report import Report


def summary_lines(report: Report) -> list[str]:
    lines = [f"{report.source}  [{report.format}]  {report.title or '(no title)'}  year={report.year or '?'}"]
    lines.append("  sections: " + (", ".join(s.id for s in report.sections) or "none found"))
    for tid in ("t2", "t3", "t4"):
        table = report.tables.get(tid)
        if table is None:
            lines.append(f"  {tid}: absent")
            continue
        numbers = sum(1 for c in table.cells.values() if c.kind == "number")
        state = "complete" if table.complete else "INCOMPLETE"
        layout = f" layout {table.layout}" if table.layout else ""
        lines.append(f"  {tid}:{layout} {len(table.cells)} cells ({numbers} numbers), {state}")
    lines.append(f"  facts: {len(report.facts)}")
    counts = Counter(f.status for f in report.findings)
    lines.append("  findings: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"))
    for f in report.findings:
        if f.status in ("FAIL", "UNCERTAIN"):
            lines.append(f"    {f.status:<9} {f.rule}: {f.message}")
    for w in report.warnings:
        lines.append(f"  warning: {w}")
    return lines
