"""Human-facing output of checked reports: an HTML evidence page per report, a batch
summary page, and the findings as CSV.

>>> write_html([report], "report.html")        # one report: one page
>>> write_html(reports, "out/html")             # several: one page each + out/html/index.html
>>> write_findings_csv(reports, "findings.csv")
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

from nianbao.render.csv import write_findings_csv
from nianbao.render.html import report_html, write_report_html
from nianbao.render.summary_page import page_name, write_summary_html
from nianbao.report import Report

__all__ = ["write_html", "write_report_pages", "write_report_html", "write_summary_html", "write_findings_csv"]


def write_report_pages(reports: Iterable[Report], folder: str | Path, failed: Iterable[dict[str, Any]] = ()) -> Path:
    """One evidence page per report (``<doc_id>.html``) and ``index.html`` linking them and
    listing the `failed` inputs (``source``, ``error``). Each page is written as its report
    comes and only its summary row is kept: `reports` may be a stream of any length."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)

    def written():
        for report in reports:
            (folder / page_name(report.doc_id)).write_text(report_html(report, back_link="index.html"),
                                                           encoding="utf-8")
            yield report

    return write_summary_html(chain(written(), failed), folder / "index.html")


def write_html(reports: Sequence[Report], out: str | Path, folder: bool | None = None) -> Path:
    """A file for one report; a folder of pages plus a summary for several (or when `folder`)."""
    if folder is None:
        folder = len(reports) != 1 or Path(out).is_dir()
    if not folder:
        return write_report_html(reports[0], out)
    return write_report_pages(reports, out)
