"""Plain text: the decoded text, normalised (BOM dropped, CR/CRLF → LF) and nothing else.

Gold annotations point into this text, so the converter must never change it further:
pipe tables, tab-separated rows and one-cell-per-line tables stay as printed.
"""
from __future__ import annotations

from nianbao.ingest.encoding import decode
from nianbao.ingest.normalise import normalise_text
from nianbao.report import Report


def convert(path: str, data: bytes, doc_id: str, fmt: str = "txt") -> Report:
    decoded = decode(data, path)
    return Report(doc_id=doc_id, source=path, format=fmt, text=normalise_text(decoded.text),
                  encoding=decoded.encoding, warnings=list(decoded.warnings))
