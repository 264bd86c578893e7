"""Reconciliation: the narrative against the tables, arithmetic inside the narrative, and
one issuer's reports across consecutive years. Rules and statuses: shared/spec/OUTPUT.md.

>>> findings = text_findings(report)            # text.<LABEL>, text.sum.<LABEL>, text.share
>>> for report, found in cross_year_findings(reports): ...   # cross_year.*
"""
from __future__ import annotations

from nianbao.reconcile import arithmetic, cross_year, text_vs_table
from nianbao.report import Finding, Report


def text_findings(report: Report) -> list[Finding]:
    """Every narrative fact against its table cell(s), then the narrative's own arithmetic."""
    return text_vs_table.check(report) + arithmetic.check(report)


def cross_year_findings(reports: list[Report]) -> list[tuple[Report, list[Finding]]]:
    """Findings linking each report to the previous year's report of its issuer in `reports`."""
    return cross_year.findings(reports)
