"""The results database (SQLite): one transaction per document, so a killed job loses
nothing already done and never leaves a document half-written.

Schema (documented for researchers in docs/batch.md):

* ``documents``  one row per successfully read input (content hash, source, format, title,
  year, issuer, counts, and the full OUTPUT.md JSON in ``report_json``)
* ``sections``, ``cells``, ``facts``, ``findings``  the report's layers, keyed by ``doc_id``
* ``errors``     inputs that could not be read, with the one-line problem
* ``runs``       one row per batch run with its counts
"""
from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from nianbao.report import Finding, Report

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,          -- sha256 of the input bytes, first 16 hex chars
    content_sha256 TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,             -- path as given
    format TEXT NOT NULL,
    title TEXT, year INTEGER, issuer TEXT, encoding TEXT,
    n_facts INTEGER NOT NULL, n_findings INTEGER NOT NULL, n_fail INTEGER NOT NULL,
    report_json TEXT NOT NULL,        -- the whole OUTPUT.md object
    processed_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS sections (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    section TEXT NOT NULL, title TEXT, start INTEGER, "end" INTEGER
);
CREATE TABLE IF NOT EXISTS cells (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    table_id TEXT NOT NULL, layout TEXT, table_complete INTEGER NOT NULL,
    cell_id TEXT NOT NULL, raw TEXT, value REAL, unit TEXT, kind TEXT NOT NULL,
    PRIMARY KEY (doc_id, cell_id)
);
CREATE TABLE IF NOT EXISTS facts (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, section TEXT,
    value REAL, unit TEXT, qualifier TEXT, score REAL, extractor TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS findings (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, rule TEXT NOT NULL, status TEXT NOT NULL, kind TEXT NOT NULL,
    message TEXT, text_value REAL, table_value REAL,
    cells_json TEXT NOT NULL, facts_json TEXT NOT NULL, evidence_json TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS errors (
    content_sha256 TEXT PRIMARY KEY,
    source TEXT NOT NULL, error TEXT NOT NULL, at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at REAL NOT NULL, finished_at REAL, engine TEXT, workers INTEGER,
    n_inputs INTEGER, n_ok INTEGER, n_failed INTEGER, n_skipped INTEGER
);
CREATE INDEX IF NOT EXISTS documents_issuer_year ON documents(issuer, year);
CREATE INDEX IF NOT EXISTS cells_cell ON cells(cell_id);
CREATE INDEX IF NOT EXISTS facts_label ON facts(label);
CREATE INDEX IF NOT EXISTS findings_rule_status ON findings(rule, status);
CREATE INDEX IF NOT EXISTS findings_status ON findings(status);
CREATE INDEX IF NOT EXISTS sections_doc ON sections(doc_id);
"""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a results database."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(str(path), timeout=60, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA foreign_keys=ON")
    con.executescript(SCHEMA)
    return con


def stored_hashes(con: sqlite3.Connection) -> set[str]:
    """Content hashes already done: read successfully or recorded as errors."""
    done = {r[0] for r in con.execute("SELECT content_sha256 FROM documents")}
    return done | {r[0] for r in con.execute("SELECT content_sha256 FROM errors")}


def _num(v):
    return None if v is None else float(v)


def _finding_rows(doc_id: str, findings: list[Finding], first_idx: int = 0):
    for i, f in enumerate(findings, first_idx):
        yield (doc_id, i, f.rule, f.status, f.kind, f.message, _num(f.text_value), _num(f.table_value),
               json.dumps(f.cells, ensure_ascii=False), json.dumps(f.facts),
               json.dumps(f.evidence, ensure_ascii=False))


def write_report(con: sqlite3.Connection, report: Report, content_sha256: str) -> None:
    """Store one report and all its layers in a single transaction (replacing an older copy)."""
    d = report.to_dict(with_text=True)  # the text lets evidence pages be rendered from the database
    with _transaction(con):
        con.execute("DELETE FROM documents WHERE doc_id = ? OR content_sha256 = ?", (report.doc_id, content_sha256))
        con.execute("DELETE FROM errors WHERE content_sha256 = ?", (content_sha256,))
        con.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (report.doc_id, content_sha256, report.source, report.format, report.title, report.year,
             report.issuer, report.encoding, len(report.facts), len(report.findings),
             sum(f.status == "FAIL" for f in report.findings), json.dumps(d, ensure_ascii=False), time.time()),
        )
        con.executemany("INSERT INTO sections VALUES (?,?,?,?,?)",
                        [(report.doc_id, s.id, s.title, s.start, s.end) for s in report.sections])
        con.executemany(
            "INSERT INTO cells VALUES (?,?,?,?,?,?,?,?,?)",
            [(report.doc_id, t.id, t.layout, int(t.complete), cid, c.raw, _num(c.value), c.unit, c.kind)
             for t in report.tables.values() for cid, c in t.cells.items()],
        )
        con.executemany(
            "INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(report.doc_id, i, f.label, f.text, f.start, f.end, f.section, _num(f.value), f.unit, f.qualifier,
              f.score, f.extractor) for i, f in enumerate(report.facts)],
        )
        con.executemany("INSERT INTO findings VALUES (?,?,?,?,?,?,?,?,?,?,?)", _finding_rows(report.doc_id, report.findings))


def write_error(con: sqlite3.Connection, source: str, content_sha256: str, error: str) -> None:
    with _transaction(con):
        con.execute("INSERT OR REPLACE INTO errors VALUES (?,?,?,?)", (content_sha256, source, error, time.time()))


def replace_cross_year_findings(con: sqlite3.Connection, doc_id: str, findings: list[Finding]) -> None:
    """Cross-year findings are recomputed over the whole database after each run."""
    with _transaction(con):
        con.execute("DELETE FROM findings WHERE doc_id = ? AND kind = 'cross_year'", (doc_id,))
        (first,) = con.execute("SELECT COALESCE(MAX(idx) + 1, 0) FROM findings WHERE doc_id = ?", (doc_id,)).fetchone()
        con.executemany("INSERT INTO findings VALUES (?,?,?,?,?,?,?,?,?,?,?)", _finding_rows(doc_id, findings, first))
        con.execute(
            "UPDATE documents SET n_findings = (SELECT COUNT(*) FROM findings WHERE doc_id = ?),"
            " n_fail = (SELECT COUNT(*) FROM findings WHERE doc_id = ? AND status = 'FAIL') WHERE doc_id = ?",
            (doc_id, doc_id, doc_id),
        )


def iter_reports(con: sqlite3.Connection) -> Iterator[Report]:
    """Every stored report, with its findings as stored (cross-year ones included)."""
    for doc_id, report_json in con.execute("SELECT doc_id, report_json FROM documents ORDER BY source").fetchall():
        report = Report.from_dict(json.loads(report_json))
        report.findings = [
            Finding(rule=r[0], status=r[1], kind=r[2], message=r[3], text_value=r[4], table_value=r[5],
                    cells=json.loads(r[6]), facts=json.loads(r[7]), evidence=json.loads(r[8]))
            for r in con.execute(
                "SELECT rule, status, kind, message, text_value, table_value, cells_json, facts_json, evidence_json"
                " FROM findings WHERE doc_id = ? ORDER BY idx", (doc_id,))
        ]
        yield report


def iter_errors(con: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    yield from con.execute("SELECT source, error FROM errors ORDER BY source")


def start_run(con: sqlite3.Connection, engine: str, workers: int, n_inputs: int) -> int:
    cur = con.execute("INSERT INTO runs (started_at, engine, workers, n_inputs) VALUES (?,?,?,?)",
                      (time.time(), engine, workers, n_inputs))
    return int(cur.lastrowid)


def finish_run(con: sqlite3.Connection, run_id: int, n_ok: int, n_failed: int, n_skipped: int) -> None:
    con.execute("UPDATE runs SET finished_at = ?, n_ok = ?, n_failed = ?, n_skipped = ? WHERE run_id = ?",
                (time.time(), n_ok, n_failed, n_skipped, run_id))


class _transaction:
    def __init__(self, con: sqlite3.Connection):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb):
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
        return False
