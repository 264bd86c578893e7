"""The results database (SQLite), compact and written in batches.

Researchers query the views ``documents``, ``sections``, ``cells``, ``facts`` and
``findings`` (columns in docs/batch.md); the rows live in compact tables keyed by the
document's row number ``doc_no`` (``section_rows``, ``table_rows``, ``cell_rows``,
``fact_rows``, ``finding_rows``). Each report's whole OUTPUT.md object is stored once,
zlib-compressed, in ``documents.report_z``, its findings' evidence included; the finding
rows carry the queryable columns only. ``finding_keys`` holds, per FAIL or UNCERTAIN finding,
its cell and fact ids and the key its review is found by (`nianbao.review.keys`): the review
app lists these findings from its rows without decompressing any report. ``errors``
lists inputs that could not be read and ``runs`` each batch run.

A database of version 2 (before ``finding_keys``) gains the table, filled from its stored
reports in one transaction, the first time `connect` opens it (or the review app starts on it).

A `Writer` commits many documents per transaction (a killed job loses at most the open
batch, which a re-run redoes) and, in the same transaction, links each new report with the
same issuer's neighbouring years through the (issuer_key, year) index: the database is
always complete and consistent at a commit, whatever the order documents arrive in.
"""
from __future__ import annotations

import json
import sqlite3
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nianbao.errors import NianbaoError
from nianbao.reconcile.cross_year import issuer_key
from nianbao.report import Finding, Report
from nianbao.review.keys import cell_texts, key_rows

SCHEMA_VERSION = 3
FINDING_KEYS = """
CREATE TABLE IF NOT EXISTS finding_keys (          -- FAIL/UNCERTAIN findings: what lists them with their reviews
    doc_no INTEGER NOT NULL, idx INTEGER NOT NULL,
    cells_json TEXT NOT NULL, facts_json TEXT NOT NULL,  -- the finding's cell ids and fact indices
    evidence_json TEXT NOT NULL, evidence_sha256 TEXT NOT NULL, locus TEXT NOT NULL,  -- its review key
    PRIMARY KEY (doc_no, idx)
) WITHOUT ROWID;"""
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_no INTEGER PRIMARY KEY,        -- row number; the layer tables refer to it
    doc_id TEXT NOT NULL UNIQUE,       -- sha256 of the input bytes, first 16 hex chars
    content_sha256 TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,              -- path as given
    format TEXT NOT NULL,
    title TEXT, year INTEGER, issuer TEXT,
    issuer_key TEXT,                   -- the issuer as compared across years
    encoding TEXT,
    n_facts INTEGER NOT NULL, n_findings INTEGER NOT NULL, n_fail INTEGER NOT NULL,
    report_z BLOB NOT NULL,            -- zlib(JSON): the OUTPUT.md object with text; findings as [cells, facts, evidence]
    cross_year_json TEXT,              -- [cells, facts, evidence] of the cross-year findings
    processed_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_issuer_year ON documents(issuer_key, year, source);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE TABLE IF NOT EXISTS section_rows (
    doc_no INTEGER NOT NULL, idx INTEGER NOT NULL,
    section TEXT NOT NULL, title TEXT, start INTEGER, "end" INTEGER,
    PRIMARY KEY (doc_no, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS table_rows (
    doc_no INTEGER NOT NULL, table_id TEXT NOT NULL, layout TEXT, complete INTEGER NOT NULL,
    PRIMARY KEY (doc_no, table_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cell_rows (             -- clustered by cell id: one cell across reports is one range
    cell_id TEXT NOT NULL, doc_no INTEGER NOT NULL, table_id TEXT NOT NULL,
    raw TEXT, value REAL, unit TEXT, kind TEXT NOT NULL,
    PRIMARY KEY (cell_id, doc_no)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fact_rows (
    doc_no INTEGER NOT NULL, idx INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, section TEXT,
    value REAL, unit TEXT, qualifier TEXT, score REAL, extractor TEXT,
    PRIMARY KEY (doc_no, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS fact_rows_label ON fact_rows(label);
CREATE TABLE IF NOT EXISTS finding_rows (
    doc_no INTEGER NOT NULL, idx INTEGER NOT NULL, rule TEXT NOT NULL, status TEXT NOT NULL, kind TEXT NOT NULL,
    message TEXT, text_value REAL, table_value REAL,
    PRIMARY KEY (doc_no, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS finding_rows_rule_status ON finding_rows(rule, status);
""" + FINDING_KEYS + """
CREATE TABLE IF NOT EXISTS errors (
    content_sha256 TEXT PRIMARY KEY,
    source TEXT NOT NULL, error TEXT NOT NULL, at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at REAL NOT NULL, finished_at REAL, engine TEXT, workers INTEGER,
    n_inputs INTEGER, n_ok INTEGER, n_failed INTEGER, n_skipped INTEGER
);
-- what researchers query: each layer with the document's doc_id
CREATE VIEW IF NOT EXISTS sections AS
    SELECT d.doc_id, s.section, s.title, s.start, s."end"
    FROM section_rows s JOIN documents d USING (doc_no);
CREATE VIEW IF NOT EXISTS cells AS
    SELECT d.doc_id, c.table_id, t.layout, t.complete AS table_complete, c.cell_id, c.raw, c.value, c.unit, c.kind
    FROM cell_rows c JOIN documents d USING (doc_no) JOIN table_rows t ON t.doc_no = c.doc_no AND t.table_id = c.table_id;
CREATE VIEW IF NOT EXISTS facts AS
    SELECT d.doc_id, f.idx, f.label, f.text, f.start, f."end", f.section, f.value, f.unit, f.qualifier, f.score,
           f.extractor
    FROM fact_rows f JOIN documents d USING (doc_no);
CREATE VIEW IF NOT EXISTS findings AS
    SELECT d.doc_id, f.idx, f.rule, f.status, f.kind, f.message, f.text_value, f.table_value
    FROM finding_rows f JOIN documents d USING (doc_no);
"""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a results database."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(str(path), timeout=60, isolation_level=None, cached_statements=256)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")  # WAL: a commit survives a killed process (a power cut: maybe not)
    con.execute("PRAGMA cache_size=-32768")  # 32 MB of pages: the open end of every cell's range stays in memory
    con.execute("PRAGMA temp_store=MEMORY")
    (version,) = con.execute("PRAGMA user_version").fetchone()
    if version == 0:
        old = con.execute("SELECT 1 FROM sqlite_schema WHERE name = 'documents' AND sql LIKE '%report_json%'")
        old = old.fetchone()
        if old:
            con.close()
            raise NianbaoError(f"{path}: written by an older nianbao (one JSON text per report); "
                             "run the batch into a new database file")
        con.executescript(SCHEMA)  # the tables, indexes and views, once
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    elif version == 2:
        add_finding_keys(con)
    elif version != SCHEMA_VERSION:
        con.close()
        raise NianbaoError(f"{path}: results database version {version}, this nianbao reads version {SCHEMA_VERSION}")
    return con


def has_finding_keys(con: sqlite3.Connection) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'finding_keys'").fetchone() is not None


def add_finding_keys(con: sqlite3.Connection) -> int:
    """Give a database of version 2 its ``finding_keys`` rows, from each stored report (one
    decompression each, once), and make it version 3, in one transaction (two processes
    opening it at once: one fills, the other finds it done). Reviews are not touched: the
    keys are the ones the reports give, so every review finds its finding as before.
    Returns how many reports were read."""
    con.execute("BEGIN IMMEDIATE")
    try:
        if has_finding_keys(con):
            con.execute("ROLLBACK")
            return 0
        con.execute(FINDING_KEYS)  # one statement: executescript would commit the open transaction
        docs = con.execute("SELECT doc_no, source FROM documents").fetchall()
        for doc_no, source in docs:
            con.executemany("INSERT INTO finding_keys VALUES (?,?,?,?,?,?,?)",
                            [(doc_no, *r) for r in report_keys(report_dict(con, doc_no), source)])
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(docs)


def report_keys(report: dict, source: str) -> list[tuple]:
    """The ``finding_keys`` rows of a report's findings (an OUTPUT.md object)."""
    return key_rows(report["findings"], report["facts"], cell_texts(report), source)


def is_stored(con: sqlite3.Connection, content_sha256: str) -> bool:
    """Whether a content hash is done: read successfully or recorded as an error."""
    return bool(con.execute("SELECT EXISTS (SELECT 1 FROM documents WHERE content_sha256 = ?)"
                            " OR EXISTS (SELECT 1 FROM errors WHERE content_sha256 = ?)",
                            (content_sha256, content_sha256)).fetchone()[0])


def _num(v):
    return None if v is None else float(v)


@dataclass
class StoredReport:
    """A report as rows ready to insert, built where it was read (a worker), so the process
    that writes the database only inserts."""

    document: tuple  # (doc_id, content_sha256, source, format, title, year, issuer, issuer_key, encoding,
    #                   n_facts, n_findings, n_fail, report_z)
    sections: list[tuple]
    tables: list[tuple]
    cells: list[tuple]
    facts: list[tuple]
    findings: list[tuple]
    keys: list[tuple]  # finding_keys rows (`nianbao.review.keys.key_rows`)

    @property
    def doc_id(self) -> str:
        return self.document[0]


def stored_report(report: Report, content_sha256: str) -> StoredReport:
    d = report.to_dict(with_text=True)  # the text lets evidence pages be rendered from the database
    keys = report_keys(d, report.source)
    d["findings"] = [[f["cells"], f["facts"], f["evidence"]] for f in d["findings"]]
    blob = zlib.compress(json.dumps(d, ensure_ascii=False).encode("utf-8"), 6)
    return StoredReport(
        document=(report.doc_id, content_sha256, report.source, report.format, report.title, report.year,
                  report.issuer, issuer_key(report.issuer), report.encoding, len(report.facts),
                  len(report.findings), sum(f.status == "FAIL" for f in report.findings), blob),
        sections=[(i, s.id, s.title, s.start, s.end) for i, s in enumerate(report.sections)],
        tables=[(t.id, t.layout, int(t.complete)) for t in report.tables.values()],
        cells=[(cid, t.id, c.raw, _num(c.value), c.unit, c.kind)
               for t in report.tables.values() for cid, c in t.cells.items()],
        facts=[(i, f.label, f.text, f.start, f.end, f.section, _num(f.value), f.unit, f.qualifier, f.score,
                f.extractor) for i, f in enumerate(report.facts)],
        findings=finding_rows(report.findings),
        keys=keys,
    )


def finding_rows(findings: list[Finding], first_idx: int = 0) -> list[tuple]:
    return [(i, f.rule, f.status, f.kind, f.message, _num(f.text_value), _num(f.table_value))
            for i, f in enumerate(findings, first_idx)]


class Writer:
    """Writes documents and errors in batched transactions and links cross-year pairs
    before each commit (`link_cross_year=False` when reconciling is off)."""

    def __init__(self, con: sqlite3.Connection, batch_docs: int = 128, batch_seconds: float = 10.0,
                 link_cross_year: bool = True):
        self.con = con
        self.batch_docs, self.batch_seconds, self.link = batch_docs, batch_seconds, link_cross_year
        self.in_batch = 0
        self.opened = 0.0
        self.new_docs: set[int] = set()  # doc_no written in the open transaction
        self.next_years: set[tuple[str, int]] = set()  # (issuer_key, year) whose previous year changed
        self.relinked = 0  # reports whose cross-year findings were computed, over the writer's life

    def add_report(self, stored: StoredReport) -> None:
        self._begin()
        con = self.con
        doc_id, sha = stored.document[0], stored.document[1]
        for doc_no, key, year, blob in con.execute(
                "SELECT doc_no, issuer_key, year, report_z FROM documents WHERE doc_id = ? OR content_sha256 = ?",
                (doc_id, sha)).fetchall():
            self._delete_document(doc_no, blob)
            if key is not None and year:
                self.next_years.add((key, year + 1))
        con.execute("DELETE FROM errors WHERE content_sha256 = ?", (sha,))
        cur = con.execute("INSERT INTO documents (doc_id, content_sha256, source, format, title, year, issuer,"
                          " issuer_key, encoding, n_facts, n_findings, n_fail, report_z, processed_at)"
                          " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (*stored.document, time.time()))
        doc_no = cur.lastrowid
        con.executemany("INSERT INTO section_rows VALUES (?,?,?,?,?,?)", [(doc_no, *r) for r in stored.sections])
        con.executemany("INSERT INTO table_rows VALUES (?,?,?,?)", [(doc_no, *r) for r in stored.tables])
        con.executemany("INSERT INTO cell_rows VALUES (?,?,?,?,?,?,?)", [(r[0], doc_no, *r[1:]) for r in stored.cells])
        con.executemany("INSERT INTO fact_rows VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", [(doc_no, *r) for r in stored.facts])
        con.executemany("INSERT INTO finding_rows VALUES (?,?,?,?,?,?,?,?)", [(doc_no, *r) for r in stored.findings])
        con.executemany("INSERT INTO finding_keys VALUES (?,?,?,?,?,?,?)", [(doc_no, *r) for r in stored.keys])
        key, year = stored.document[7], stored.document[5]
        if key is not None and year:
            self.new_docs.add(doc_no)
            self.next_years.add((key, year + 1))
        self._counted()

    def add_error(self, source: str, content_sha256: str, error: str) -> None:
        self._begin()
        self.con.execute("INSERT OR REPLACE INTO errors VALUES (?,?,?,?)", (content_sha256, source, error, time.time()))
        self._counted()

    def commit(self) -> None:
        """Link the open batch's cross-year pairs and commit it."""
        if not self.in_batch:
            return
        if self.link:
            from nianbao.batch.links import link_cross_year

            self.relinked += link_cross_year(self.con, self.new_docs, self.next_years)
        self.con.execute("COMMIT")
        self.in_batch = 0
        self.new_docs, self.next_years = set(), set()

    def rollback(self) -> None:
        """Drop the open batch."""
        if self.con.in_transaction:
            self.con.execute("ROLLBACK")
            self.in_batch = 0
            self.new_docs, self.next_years = set(), set()

    def _begin(self) -> None:
        if not self.con.in_transaction:
            self.con.execute("BEGIN IMMEDIATE")
            self.opened = time.monotonic()

    def _counted(self) -> None:
        self.in_batch += 1
        if self.in_batch >= self.batch_docs or time.monotonic() - self.opened >= self.batch_seconds:
            self.commit()

    def _delete_document(self, doc_no: int, blob: bytes) -> None:
        tables = json.loads(zlib.decompress(blob))["tables"]  # cell rows are found by (cell_id, doc_no)
        self.con.executemany("DELETE FROM cell_rows WHERE cell_id = ? AND doc_no = ?",
                             [(cid, doc_no) for t in tables.values() for cid in t["cells"]])
        for table in ("section_rows", "table_rows", "fact_rows", "finding_rows", "finding_keys", "documents"):
            self.con.execute(f"DELETE FROM {table} WHERE doc_no = ?", (doc_no,))
        self.new_docs.discard(doc_no)


def report_dict(con: sqlite3.Connection, doc_no: int) -> dict:
    """The stored OUTPUT.md object of one document (with text), findings rebuilt from their
    rows and stored evidence, cross-year ones included."""
    (cross_year,) = con.execute("SELECT cross_year_json FROM documents WHERE doc_no = ?", (doc_no,)).fetchone()
    d = report_json(con, doc_no)
    details = d["findings"] + (json.loads(cross_year) if cross_year else [])
    rows = con.execute("SELECT rule, status, kind, message, text_value, table_value FROM finding_rows"
                       " WHERE doc_no = ? ORDER BY idx", (doc_no,)).fetchall()
    d["findings"] = [
        {"rule": r[0], "status": r[1], "kind": r[2], "message": r[3], "facts": facts, "cells": cells,
         "text_value": r[4], "table_value": r[5], "evidence": evidence}
        for r, (cells, facts, evidence) in zip(rows, details)
    ]
    return d


def report_json(con: sqlite3.Connection, doc_no: int) -> dict:
    """The compressed OUTPUT.md object of one document as stored: findings as [cells, facts,
    evidence], cross-year ones not included."""
    (blob,) = con.execute("SELECT report_z FROM documents WHERE doc_no = ?", (doc_no,)).fetchone()
    return json.loads(zlib.decompress(blob))


def doc_numbers(con: sqlite3.Connection) -> list[int]:
    """Every stored document's row number, in source order."""
    return [r[0] for r in con.execute("SELECT doc_no FROM documents ORDER BY source, doc_no")]


def iter_reports(con: sqlite3.Connection) -> Iterator[Report]:
    """Every stored report, with its findings as stored (cross-year ones included), one at a time."""
    for doc_no in doc_numbers(con):
        yield Report.from_dict(report_dict(con, doc_no))


def iter_errors(con: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    yield from con.execute("SELECT source, error FROM errors ORDER BY source")


def start_run(con: sqlite3.Connection, engine: str, workers: int, n_inputs: int) -> int:
    cur = con.execute("INSERT INTO runs (started_at, engine, workers, n_inputs) VALUES (?,?,?,?)",
                      (time.time(), engine, workers, n_inputs))
    return int(cur.lastrowid)


def finish_run(con: sqlite3.Connection, run_id: int, n_ok: int, n_failed: int, n_skipped: int) -> None:
    con.execute("UPDATE runs SET finished_at = ?, n_ok = ?, n_failed = ?, n_skipped = ? WHERE run_id = ?",
                (time.time(), n_ok, n_failed, n_skipped, run_id))
