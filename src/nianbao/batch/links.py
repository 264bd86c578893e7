"""Cross-year links in the results database, by query.

For each report a batch adds, the ``(issuer_key, year)`` index finds last year's report
(the first by source path) and the next year's reports; only those pairs are computed,
from the cells the rules read (`cross_year.NEEDED_CELLS`) and the table rows, and written
in the batch's own transaction (`db.Writer.commit`).
"""
from __future__ import annotations

import json
import sqlite3

from nianbao.batch.db import finding_rows, report_json
from nianbao.reconcile.cross_year import NEEDED_CELLS, issuer_key, pair_findings
from nianbao.report import Cell, Report, Table
from nianbao.review.keys import REVIEWED_STATUSES, cell_texts, key_rows


def link_cross_year(con: sqlite3.Connection, new_docs: set[int], next_years: set[tuple[str, int]]) -> int:
    """Compute the cross-year findings of the new reports and of every report in a year whose
    previous year changed, reading only the cells the rules need; returns how many."""
    targets = set(new_docs)
    for key, year in next_years:
        targets.update(r[0] for r in con.execute("SELECT doc_no FROM documents WHERE issuer_key = ? AND year = ?",
                                                 (key, year)))
    for doc_no in sorted(targets):
        _relink(con, doc_no)
    return len(targets)


def relink_all(con: sqlite3.Connection) -> int:
    """Recompute every document's `issuer_key` with the current `cross_year.issuer_key` and
    every cross-year link, in one transaction (after the issuer normalisation changed);
    returns how many reports were linked. Reads the JSON of a report only where a
    cross-year finding of it is FAIL or UNCERTAIN (its review key quotes its cells)."""
    con.execute("BEGIN IMMEDIATE")
    try:
        rows = con.execute("SELECT doc_no, issuer FROM documents").fetchall()
        con.executemany("UPDATE documents SET issuer_key = ? WHERE doc_no = ?",
                        [(issuer_key(issuer), doc_no) for doc_no, issuer in rows])
        n = link_cross_year(con, {doc_no for doc_no, _ in rows}, set())
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return n


def _relink(con: sqlite3.Connection, doc_no: int) -> None:
    row = con.execute("SELECT issuer_key, year, source FROM documents WHERE doc_no = ?", (doc_no,)).fetchone()
    if row is None:
        return
    key, year, source = row
    if key is None or not year:
        previous = None
    else:
        previous = con.execute("SELECT doc_no FROM documents WHERE issuer_key = ? AND year = ?"
                               " ORDER BY source, doc_no LIMIT 1", (key, year - 1)).fetchone()
    found = pair_findings(_pair_side(con, previous[0]), _pair_side(con, doc_no)) if previous else []
    (had,) = con.execute("SELECT COUNT(*) FROM finding_rows WHERE doc_no = ? AND kind = 'cross_year'",
                         (doc_no,)).fetchone()
    if not found and not had:
        return
    con.execute("DELETE FROM finding_rows WHERE doc_no = ? AND kind = 'cross_year'", (doc_no,))
    (first,) = con.execute("SELECT COALESCE(MAX(idx) + 1, 0) FROM finding_rows WHERE doc_no = ?", (doc_no,)).fetchone()
    con.execute("DELETE FROM finding_keys WHERE doc_no = ? AND idx >= ?", (doc_no, first))
    con.executemany("INSERT INTO finding_rows VALUES (?,?,?,?,?,?,?,?)",
                    [(doc_no, *r) for r in finding_rows(found, first)])
    if any(f.status in REVIEWED_STATUSES for f in found):
        # a review key quotes this report's cells as its JSON prints them (5, not 5.0)
        stored = report_json(con, doc_no)
        con.executemany("INSERT INTO finding_keys VALUES (?,?,?,?,?,?,?)", [(doc_no, *r) for r in key_rows(
            [f.to_dict() for f in found], stored["facts"], cell_texts(stored), source, first)])
    details = [[f.cells, f.facts, f.evidence] for f in found]
    con.execute("UPDATE documents SET cross_year_json = ?,"
                " n_findings = (SELECT COUNT(*) FROM finding_rows WHERE doc_no = ?),"
                " n_fail = (SELECT COUNT(*) FROM finding_rows WHERE doc_no = ? AND status = 'FAIL') WHERE doc_no = ?",
                (json.dumps(details, ensure_ascii=False) if details else None, doc_no, doc_no, doc_no))


_NEEDED = ",".join("?" * len(NEEDED_CELLS))


def _pair_side(con: sqlite3.Connection, doc_no: int) -> Report:
    """A report with just what the cross-year rules read: identity, year, tables, needed cells."""
    doc_id, source, year = con.execute("SELECT doc_id, source, year FROM documents WHERE doc_no = ?",
                                       (doc_no,)).fetchone()
    tables = {tid: Table(id=tid, layout=layout, complete=bool(complete)) for tid, layout, complete in con.execute(
        "SELECT table_id, layout, complete FROM table_rows WHERE doc_no = ?", (doc_no,))}
    for cell_id, table_id, raw, value, unit, kind in con.execute(
            f"SELECT cell_id, table_id, raw, value, unit, kind FROM cell_rows"
            f" WHERE doc_no = ? AND cell_id IN ({_NEEDED})",
            (doc_no, *NEEDED_CELLS)):
        tables[table_id].cells[cell_id] = Cell(raw=raw, value=value, unit=unit, kind=kind)
    return Report(doc_id=doc_id, source=source, format="", text="", year=year, tables=tables)
