"""Markdown: read as plain text (headings ``##`` and pipe tables stay as printed).

The section and table readers understand Markdown markup, so nothing is rendered.
"""
from __future__ import annotations

from nianbao.ingest import txt
from nianbao.report import Report


def convert(path: str, data: bytes, doc_id: str) -> Report:
    return txt.convert(path, data, doc_id, fmt="md")
