"""Reviews of findings, kept in the results database beside the batch's own tables.

A person marks a FAIL or UNCERTAIN finding **confirmed** (a real error in the report),
**dismissed** with a reason, or leaves it **open**; with a note, their name and the time.

A review is keyed by what the finding *is*, not by where a run happened to store it:
the document's content hash, the rule, and a hash of the finding's evidence (its facts'
labels, offsets, text and values; its cells' ids, printed text and values; the previous
year's cells of a cross-year finding). A re-run that reproduces the same finding on the
same evidence finds its review again (``--force`` deletes and rewrites the batch's rows,
never this table: it has no foreign key into them); so does a finding whose evidence is
unchanged after its report was edited elsewhere and checked again. When the evidence changed (the
report was corrected, the extractor moved a span) the newest review of the same finding
*place* (the same source, rule, cell ids and fact labels) is shown as "changed since
review" until someone reviews it again.

Tables (created with ``CREATE TABLE IF NOT EXISTS`` the first time a review is written):

* ``reviews``     one row per reviewed finding key, the current decision and its version
* ``review_log``  every decision ever saved, in order (who, when, what)

The batch tables are only read here. Opening a database checks that it is a results
database this version can read; an older one is told apart with a clear error, and
nothing is written unless a review is saved (or `add_keys` fills ``finding_keys`` of a
database written before it, once: the review app does when it starts). Listing the FAIL
and UNCERTAIN findings of every report (``findings(con, reviewable=True)``: the summary page,
the exports, the annotators' feed) reads the batch's ``finding_keys`` rows, never a
compressed report.
"""
from __future__ import annotations

import json
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from nianbao.errors import NianbaoError
from nianbao.review.keys import REVIEWED_STATUSES, cell_texts, finding_key

STATES = ("open", "confirmed", "dismissed")
REASONS = {  # dismissal reason -> what the reviewer reads
    "scope_difference": "口径不同",
    "text_reading": "文字读取错误",
    "table_reading": "表格读取错误",
    "rule_not_applicable": "规则不适用",
}
STATE_ZH = {"open": "未复核", "confirmed": "确认错误", "dismissed": "已驳回", "changed": "证据已变"}

# what this module reads from the batch's tables and views (listings read the finding_keys
# rows; one report's findings, facts and cells come whole from `batch.db.report_dict`)
REQUIRED_COLUMNS = {
    "documents": ("doc_no", "doc_id", "content_sha256", "source", "title", "year", "issuer", "report_z"),
    "findings": ("doc_id", "idx", "rule", "status"),
}

REVIEW_SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
    review_id INTEGER PRIMARY KEY AUTOINCREMENT,
    content_sha256 TEXT NOT NULL,       -- the reviewed document's content
    rule TEXT NOT NULL,
    evidence_sha256 TEXT NOT NULL,      -- hash of the finding's evidence when reviewed
    locus TEXT NOT NULL DEFAULT '',     -- rule + cell ids + fact labels: the finding's place
    source TEXT, issuer TEXT, year INTEGER,
    finding_status TEXT, message TEXT,
    evidence_json TEXT NOT NULL DEFAULT '{}',  -- the evidence as reviewed
    state TEXT NOT NULL,                -- open | confirmed | dismissed
    reason TEXT,                        -- for dismissed: a key of REASONS
    note TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL,
    reviewed_at REAL NOT NULL,
    version INTEGER NOT NULL DEFAULT 1, -- +1 per save: a stale page cannot overwrite
    UNIQUE (content_sha256, rule, evidence_sha256)
);
CREATE TABLE IF NOT EXISTS review_log (
    review_id INTEGER NOT NULL,
    state TEXT NOT NULL, reason TEXT, note TEXT, reviewer TEXT NOT NULL, at REAL NOT NULL
);
"""
# columns a reviews table of an earlier version may lack, added in place (with defaults)
_ADDED_COLUMNS = {
    "locus": "TEXT NOT NULL DEFAULT ''",
    "source": "TEXT", "issuer": "TEXT", "year": "INTEGER",
    "finding_status": "TEXT", "message": "TEXT",
    "evidence_json": "TEXT NOT NULL DEFAULT '{}'",
    "note": "TEXT NOT NULL DEFAULT ''",
    "version": "INTEGER NOT NULL DEFAULT 1",
}
_KEY_COLUMNS = ("review_id", "content_sha256", "rule", "evidence_sha256", "state", "reason", "reviewer",
                "reviewed_at")


class ReviewError(NianbaoError):
    """A review that cannot be read or saved; ``status`` is the HTTP status it maps to."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass
class Review:
    review_id: int
    state: str
    reason: str | None
    note: str
    reviewer: str
    reviewed_at: float
    version: int
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"review_id": self.review_id, "state": self.state, "reason": self.reason, "note": self.note,
                "reviewer": self.reviewer, "reviewed_at": self.reviewed_at, "version": self.version}


@dataclass
class FindingRecord:
    """One stored finding with its document, its evidence, and its review (if any)."""

    doc_id: str
    idx: int
    content_sha256: str
    source: str
    title: str | None
    year: int | None
    issuer: str | None
    rule: str
    status: str
    kind: str
    message: str
    text_value: float | None
    table_value: float | None
    cells: list[str]
    facts: list[int]
    evidence: dict[str, Any]  # what the key hashes: facts, cells, previous (FAIL/UNCERTAIN only)
    stored_evidence: dict[str, Any] | None  # the finding's own evidence object, as stored (None when listed)
    evidence_sha256: str
    locus: str
    review: Review | None = None  # the review of exactly this evidence
    earlier: Review | None = None  # else the newest review of the same place, evidence since changed

    @property
    def reviewable(self) -> bool:
        return self.status in REVIEWED_STATUSES

    @property
    def review_state(self) -> str:
        """open, confirmed, dismissed, or changed (reviewed, but the evidence changed since)."""
        if self.review is not None:
            return self.review.state
        return "changed" if self.earlier is not None else "open"


# --------------------------------------------------------------------------- opening


def open_db(path: str | Path) -> sqlite3.Connection:
    """Open an existing results database for reviews; never creates one. Raises
    `ReviewError` naming the file when it is missing, not SQLite, or not a results
    database this version reads. Writes nothing (the review tables come with the first save)."""
    path = Path(path)
    if not path.is_file():
        raise ReviewError(f"{path}: no such results database (make one with `nianbao batch INPUT... --db {path}`)",
                          404)
    con = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=rw", uri=True, timeout=30, isolation_level=None,
                          check_same_thread=False)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    except sqlite3.DatabaseError as err:
        con.close()
        raise ReviewError(f"{path}: not a results database ({err})", 400) from err
    missing_tables = [t for t in REQUIRED_COLUMNS if t not in tables]
    if missing_tables:
        con.close()
        raise ReviewError(f"{path}: not a nianbao results database (no {', '.join(missing_tables)} table)")
    for table, wanted in REQUIRED_COLUMNS.items():
        have = _columns(con, table)
        lacking = [c for c in wanted if c not in have]
        if lacking:
            con.close()
            raise ReviewError(f"{path}: written by an older nianbao ({table} lacks {', '.join(lacking)}); "
                              "check the reports again into a new database with `nianbao batch`")
    if "reviews" in tables:
        lacking = [c for c in _KEY_COLUMNS if c not in _columns(con, "reviews")]
        if lacking:
            con.close()
            raise ReviewError(f"{path}: its reviews table is of an unknown layout (lacks {', '.join(lacking)})")
    con.execute("PRAGMA busy_timeout = 30000")
    return con


def has_reviews(con: sqlite3.Connection) -> bool:
    return con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reviews'").fetchone() is not None


def ensure_schema(con: sqlite3.Connection) -> None:
    """Create the review tables (or add the columns an earlier version lacked); WAL mode."""
    if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        con.execute("PRAGMA journal_mode=WAL")
    existed = has_reviews(con)
    con.executescript(REVIEW_SCHEMA)
    if existed and any(name not in _columns(con, "reviews") for name in _ADDED_COLUMNS):
        con.execute("BEGIN IMMEDIATE")  # two first saves at once: one migrates, the other sees it done
        try:
            have = _columns(con, "reviews")
            for name, decl in _ADDED_COLUMNS.items():
                if name not in have:
                    con.execute(f"ALTER TABLE reviews ADD COLUMN {name} {decl}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    con.execute("CREATE INDEX IF NOT EXISTS reviews_locus ON reviews(locus)")


def _columns(con: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in con.execute(f'PRAGMA table_info("{table}")')}


# --------------------------------------------------------------------------- reading


def findings(con: sqlite3.Connection, doc_id: str | None = None, reviewable: bool = False) -> list[FindingRecord]:
    """The stored findings (of one document, or all; only the FAIL and UNCERTAIN ones when
    `reviewable`) with their reviews, ordered by source then by the index each report
    stores them under.

    The reviewable findings of all documents are listed from the ``finding_keys`` rows: no
    report is read, and their ``stored_evidence`` is None. Otherwise each report is read
    whole (one document's: what its evidence page shows), and keyed the same way. A
    database written before ``finding_keys`` that `add_keys` could not fill is read whole."""
    from nianbao.batch.db import has_finding_keys

    if reviewable and doc_id is None and has_finding_keys(con):
        out = _from_keys(con)
    else:
        out = [r for r in _from_reports(con, doc_id) if r.reviewable or not reviewable]
    if has_reviews(con):
        _attach_reviews(con, out)
    return out


def status_pairs(con: sqlite3.Connection) -> dict[str, list[tuple[str, str]]]:
    """doc_id -> (rule, status) of each of its findings, in order: what a summary counts."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc_id, rule, status in con.execute("SELECT d.doc_id, f.rule, f.status FROM finding_rows f"
                                            " JOIN documents d USING (doc_no) ORDER BY f.doc_no, f.idx"):
        out[doc_id].append((rule, status))
    return out


def add_keys(con: sqlite3.Connection) -> bool:
    """Fill ``finding_keys`` of a database written before it (once, from every stored
    report; reviews untouched); False when the file cannot be written (listing then reads
    the reports). The review app calls this when it starts."""
    from nianbao.batch.db import add_finding_keys, has_finding_keys

    if not has_finding_keys(con):
        try:
            add_finding_keys(con)
        except sqlite3.OperationalError:  # a read-only file or folder
            return False
    return True


def _from_keys(con: sqlite3.Connection) -> list[FindingRecord]:
    out = []
    for (doc_id, sha, source, title, year, issuer, idx, rule, status, kind, message, text_value, table_value,
         cells_json, facts_json, evidence_json, ev_sha, locus) in con.execute(
            "SELECT d.doc_id, d.content_sha256, d.source, d.title, d.year, d.issuer, f.idx, f.rule, f.status, f.kind,"
            " f.message, f.text_value, f.table_value, k.cells_json, k.facts_json, k.evidence_json, k.evidence_sha256,"
            " k.locus"
            " FROM finding_keys k JOIN finding_rows f USING (doc_no, idx) JOIN documents d USING (doc_no)"
            " ORDER BY d.source, d.doc_id, f.idx"):
        out.append(FindingRecord(
            doc_id=doc_id, idx=idx, content_sha256=sha, source=source, title=title, year=year, issuer=issuer,
            rule=rule, status=status, kind=kind, message=message or "", text_value=text_value,
            table_value=table_value, cells=json.loads(cells_json), facts=json.loads(facts_json),
            evidence=json.loads(evidence_json), stored_evidence=None, evidence_sha256=ev_sha, locus=locus))
    return out


def _from_reports(con: sqlite3.Connection, doc_id: str | None) -> list[FindingRecord]:
    from nianbao.batch.db import report_dict

    where, args = ("WHERE doc_id = ?", (doc_id,)) if doc_id is not None else ("", ())
    docs = con.execute("SELECT doc_no, doc_id, content_sha256, source, title, year, issuer FROM documents"
                       f" {where} ORDER BY source, doc_id", args).fetchall()
    out = []
    for doc_no, d, sha, source, title, year, issuer in docs:
        report = report_dict(con, doc_no)
        cells = cell_texts(report)
        for idx, f in enumerate(report["findings"]):
            evidence, ev_sha, locus = finding_key(f, report["facts"], cells, source)
            out.append(FindingRecord(
                doc_id=d, idx=idx, content_sha256=sha, source=source, title=title, year=year, issuer=issuer,
                rule=f["rule"], status=f["status"], kind=f["kind"], message=f["message"] or "",
                text_value=f["text_value"], table_value=f["table_value"], cells=list(f["cells"]),
                facts=list(f["facts"]), evidence=evidence, stored_evidence=f["evidence"] or {},
                evidence_sha256=ev_sha, locus=locus))
    return out


def stored_report(con: sqlite3.Connection, doc_id: str) -> dict | None:
    """The stored OUTPUT.md object (with text) of one document, or None."""
    from nianbao.batch.db import report_dict

    row = con.execute("SELECT doc_no FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    return None if row is None else report_dict(con, row[0])


def _attach_reviews(con: sqlite3.Connection, records: list[FindingRecord]) -> None:
    exact: dict[tuple[str, str, str], Review] = {}
    by_locus: dict[str, list[tuple[str, Review]]] = defaultdict(list)
    cursor = con.execute("SELECT * FROM reviews ORDER BY reviewed_at, review_id")  # an earlier layout reads too
    names = [d[0] for d in cursor.description]
    for values in cursor:
        row = dict(zip(names, values))
        review = Review(row["review_id"], row["state"], row["reason"], row.get("note") or "", row["reviewer"],
                        row["reviewed_at"], row.get("version") or 1, json.loads(row.get("evidence_json") or "{}"))
        exact[(row["content_sha256"], row["rule"], row["evidence_sha256"])] = review
        if row.get("locus"):
            by_locus[row["locus"]].append((row["evidence_sha256"], review))
    for r in records:
        if not r.reviewable:
            continue
        r.review = exact.get((r.content_sha256, r.rule, r.evidence_sha256))
        if r.review is not None:
            continue
        same_place = by_locus.get(r.locus, [])
        # the report was edited elsewhere: the same finding on the same evidence keeps its review
        same = [rev for ev_sha, rev in same_place if ev_sha == r.evidence_sha256]
        if same:
            r.review = same[-1]
            continue
        earlier = [rev for ev_sha, rev in same_place if rev.state != "open"]
        r.earlier = earlier[-1] if earlier else None


def finding(con: sqlite3.Connection, doc_id: str, idx: int) -> FindingRecord:
    """One stored finding; `ReviewError` (404) when there is none with these ids."""
    if con.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is None:
        raise ReviewError(f"no report with doc_id {doc_id!r} in this database", 404)
    for record in findings(con, doc_id):
        if record.idx == idx:
            return record
    raise ReviewError(f"report {doc_id} has no finding number {idx}", 404)


# --------------------------------------------------------------------------- writing


def save_review(con: sqlite3.Connection, doc_id: str, idx: int, state: str, reviewer: str, reason: str | None = None,
                note: str = "", evidence_sha256: str | None = None, version: int | None = None) -> Review:
    """Save one decision in one transaction and return it.

    ``evidence_sha256`` is the evidence the reviewer saw: when the finding's evidence is
    no longer that, nothing is saved (409). ``version`` is the review's version they saw
    (0 for none): when someone saved another decision meanwhile, nothing is saved (409).
    Bad values raise `ReviewError` before anything is written."""
    state, reviewer, note = (state or "").strip(), (reviewer or "").strip(), (note or "").strip()
    reason = (reason or "").strip() or None
    if state not in STATES:
        raise ReviewError(f"unknown review state {state!r} (one of {', '.join(STATES)})")
    if state == "dismissed" and reason not in REASONS:
        raise ReviewError(f"a dismissal needs a reason, one of {', '.join(REASONS)} (got {reason!r})")
    if state != "dismissed":
        reason = None
    if not reviewer:
        raise ReviewError("the reviewer's name is missing")
    if len(reviewer) > 100 or len(note) > 5000:
        raise ReviewError("the reviewer's name (100 characters) or the note (5000) is too long")
    finding(con, doc_id, idx)  # unknown ids fail here, before anything is created
    ensure_schema(con)
    con.execute("BEGIN IMMEDIATE")
    try:
        record = finding(con, doc_id, idx)
        if not record.reviewable:
            raise ReviewError(f"finding {doc_id}/{idx} is {record.status}: only FAIL and UNCERTAIN findings are reviewed")
        if evidence_sha256 is not None and evidence_sha256 != record.evidence_sha256:
            raise ReviewError("this finding's evidence changed since the page was loaded; reload it", 409)
        current = record.review.version if record.review is not None else 0
        if version is not None and int(version) != current:
            who = record.review.reviewer if record.review is not None else "someone"
            raise ReviewError(f"{who} saved another decision on this finding meanwhile; reload the page", 409)
        now = time.time()
        con.execute(
            "INSERT INTO reviews (content_sha256, rule, evidence_sha256, locus, source, issuer, year, finding_status,"
            " message, evidence_json, state, reason, note, reviewer, reviewed_at, version)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)"
            " ON CONFLICT (content_sha256, rule, evidence_sha256) DO UPDATE SET state = excluded.state,"
            " reason = excluded.reason, note = excluded.note, reviewer = excluded.reviewer,"
            " reviewed_at = excluded.reviewed_at, locus = excluded.locus, finding_status = excluded.finding_status,"
            " message = excluded.message, version = reviews.version + 1",
            (record.content_sha256, record.rule, record.evidence_sha256, record.locus, record.source, record.issuer,
             record.year, record.status, record.message, json.dumps(record.evidence, ensure_ascii=False), state,
             reason, note, reviewer, now))
        (rid, saved_version) = con.execute(
            "SELECT review_id, version FROM reviews WHERE content_sha256 = ? AND rule = ? AND evidence_sha256 = ?",
            (record.content_sha256, record.rule, record.evidence_sha256)).fetchone()
        con.execute("INSERT INTO review_log VALUES (?,?,?,?,?,?)", (rid, state, reason, note, reviewer, now))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return Review(rid, state, reason, note, reviewer, now, saved_version, record.evidence)


# --------------------------------------------------------------------------- exports


def review_columns(con: sqlite3.Connection) -> dict[tuple[str, int], dict[str, str]]:
    """(doc_id, finding index) -> the CSV's review columns, for the reviewable findings;
    empty when the database has no reviews yet."""
    if not has_reviews(con):
        return {}
    out = {}
    for r in findings(con, reviewable=True):
        shown = r.review or r.earlier
        out[(r.doc_id, r.idx)] = {  # idx: the finding's place in its report (what the CSV counts)
            "review": r.review_state,
            "review_reason": (shown.reason or "") if shown else "",
            "review_note": shown.note if shown else "",
            "reviewer": shown.reviewer if shown else "",
            "reviewed_at": _iso(shown.reviewed_at) if shown else "",
        }
    return out


def _iso(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))
