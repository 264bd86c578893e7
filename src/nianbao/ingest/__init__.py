"""Ingest: any input format → one `Report` holding the normalised text all offsets point into.

`convert(path)` reads the file, picks its converter from the one table `FORMATS` (content
sniffing first, then the extension), and checks that the text looks like a government
information-disclosure annual report.  Every problem is an `InputError(path, problem)`.

>>> report = convert("report.pdf")            # doctest: +SKIP
>>> report.format, report.text[:20]           # doctest: +SKIP
"""
from __future__ import annotations

import hashlib
import importlib
import io
import os
import zipfile
from dataclasses import dataclass

from nianbao.errors import InputError
from nianbao.report import Report


@dataclass(frozen=True)
class Format:
    name: str  # Report.format
    module: str  # nianbao.ingest.<module> exposes convert(path, data, doc_id) -> Report
    extensions: tuple[str, ...]
    slow: bool = False  # needs its reading libraries loaded first (~0.2 s): `check` reads it in a helper process


FORMATS = (
    Format("txt", "txt", (".txt", ".text")),
    Format("md", "md", (".md", ".markdown")),
    Format("html", "html", (".html", ".htm", ".shtml", ".xhtml")),
    Format("docx", "docx", (".docx",)),
    Format("pdf", "pdf", (".pdf",), slow=True),
)
SUPPORTED = ", ".join(ext for f in FORMATS for ext in f.extensions[:2])
REPORT_CUES = ("政府信息公开", "年度报告", "年报", "政府資訊公開", "年度報告", "年報")  # Simplified and Traditional script
_HTML_MARKS = (b"<html", b"<!doctype html", b"<table", b"<body", b"<head", b"<p>", b"<p ", b"<div", b"<br", b"<meta")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls


def convert(path: str, fmt: str | None = None) -> Report:
    """Read `path` into a `Report` (doc_id, source, format, text, encoding, warnings).

    `fmt` names the format (``txt``, ``md``, ``html``, …) when the file's name cannot say it
    (a cached report page stored as ``<sha256>.txt``); otherwise the content and the
    extension decide (`choose_format`)."""
    data = _read(path)
    fmt = _named_format(path, fmt) if fmt else choose_format(path, data)
    doc_id = hashlib.sha256(data).hexdigest()[:16]
    module = importlib.import_module(f"nianbao.ingest.{fmt.module}")
    report = module.convert(path, data, doc_id)
    if not report.text.strip():
        raise InputError(path, f"no text found in this {fmt.name} file")
    if not looks_like_report(report.text):
        raise InputError(path, "does not look like a government information-disclosure annual report "
                               "(no 政府信息公开 / 年度报告 / 年报 in its text)")
    return report


def _named_format(path: str, name: str) -> Format:
    for f in FORMATS:
        if f.name == name:
            return f
    raise InputError(path, f"unknown format {name!r}: the formats are {', '.join(f.name for f in FORMATS)}")


def looks_like_report(text: str) -> bool:
    """Names the report (政府信息公开, 年度报告, 年报), or, for an excerpt that starts at its first
    section, holds its 总体情况 heading and a section's own words (主动公开, 依申请); in Simplified or
    Traditional script (a page read through a site's big5 gateway: 政府資訊公開工作年度報告)."""
    if any(cue in text for cue in REPORT_CUES):
        return True
    return any(heading in text for heading in ("总体情况", "總體情況")) and \
        any(words in text for words in ("主动公开", "依申请", "主動公開", "依申請"))


def choose_format(path: str, data: bytes) -> Format:
    """The converter for these bytes: what the content is decides (``%PDF``, a zip holding
    word/document.xml, HTML markup), then the extension; an .html file without any markup
    is read as plain text."""
    by_name = {f.name: f for f in FORMATS}
    ext = os.path.splitext(path)[1].lower()
    if data.startswith(b"%PDF"):
        return by_name["pdf"]
    if data.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            return by_name["docx"]
        if ext == ".docx":
            raise InputError(path, "corrupt docx: the zip archive has no word/document.xml")
        raise InputError(path, f"a zip archive, not a report: supported formats are {SUPPORTED}")
    if data.startswith(_OLE_MAGIC):
        raise InputError(path, "a legacy Word/Excel (.doc/.xls) file is not supported: save it as .docx or PDF")
    if ext == ".pdf":
        raise InputError(path, "corrupt PDF: it does not start with %PDF")
    if ext == ".docx":
        raise InputError(path, "corrupt docx: it is not a zip archive")
    for fmt in FORMATS:
        if ext in fmt.extensions:
            if fmt.name == "html" and not _looks_like_html(data):
                return by_name["txt"]  # plain text saved as .html: no markup to read
            return fmt
    if _looks_like_html(data):
        return by_name["html"]
    shown = f"'{ext}'" if ext else "a file without an extension"
    raise InputError(path, f"unsupported format ({shown}): supported formats are {SUPPORTED}")


def slow_to_read(path: str) -> bool:
    """Whether `path`'s extension names a slow format (by name only: for scheduling, never for
    choosing the converter, which `choose_format` does from the content)."""
    ext = os.path.splitext(str(path))[1].lower()
    return any(f.slow and ext in f.extensions for f in FORMATS)


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file (`nianbao batch` checks every report in a folder)") from None
    except PermissionError:
        raise InputError(path, "permission denied: the file cannot be read") from None
    if not data.strip():
        raise InputError(path, "empty file")
    return data


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lower()
    return any(mark in head for mark in _HTML_MARKS)
