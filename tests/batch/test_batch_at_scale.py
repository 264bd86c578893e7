"""Batch at scale: cross-year links by query, flat memory, compact storage, same results as `check`."""
from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

from nianbao.batch import BatchOptions, db, export_jsonl, links, run_batch
from nianbao.batch.inputs import expand_inputs
from nianbao.pipeline import CheckOptions, add_cross_year_findings, check_paths
from nianbao.reconcile.cross_year import issuer_key
from tests.conftest import REAL, SEEDS

RULES = CheckOptions(extractor="rules")


def _generated(folder: Path, n: int, seed: int = 7) -> list[str]:
    from nianbao.synth import write_corpus

    return [str(p) for p in write_corpus(folder, n=n, seed=seed)]


def _cross_year(findings) -> list[dict]:
    return [f.to_dict() for f in findings if f.kind == "cross_year"]


def test_cross_year_links_by_query_equal_the_whole_database_computation(tmp_path):
    files = _generated(tmp_path / "gen", 120) + expand_inputs([str(REAL)])[0]
    random.Random(3).shuffle(files)
    db_path = tmp_path / "r.sqlite"
    # three runs in a shuffled order, small transactions: next years often arrive before last years
    for chunk in (files[:50], files[50:90], files[90:]):
        run_batch(chunk, db_path, BatchOptions(check=RULES, workers=1, commit_every=7))
    # a report redone under another path moves in source order and is replaced in place
    pt2020 = expand_inputs([str(REAL / "pt2020")])[0][0]
    moved = tmp_path / "again" / Path(pt2020).name
    moved.parent.mkdir()
    moved.write_bytes(Path(pt2020).read_bytes())
    run_batch([str(moved)], db_path, BatchOptions(check=RULES, workers=1, force=True))

    # the previous code: every report loaded, every pair recomputed, in source order
    whole = list(_db_reports(db_path))
    for report in whole:
        report.findings = [f for f in report.findings if f.kind != "cross_year"]
    add_cross_year_findings(whole)
    expected = {report.doc_id: _cross_year(report.findings) for report in whole}

    got = {report.doc_id: _cross_year(report.findings) for report in _db_reports(db_path)}
    assert got == expected
    assert sum(bool(found) for found in got.values()) >= 10  # the generated series and pt2019–pt2022 link many
    assert any(f["status"] == "FAIL" for found in got.values() for f in found)
    counts = dict(sqlite3.connect(db_path).execute("SELECT doc_id, n_findings FROM documents"))
    assert counts == {report.doc_id: len(report.findings) for report in _db_reports(db_path)}


def _db_reports(db_path):
    con = db.connect(db_path)
    try:
        yield from db.iter_reports(con)
    finally:
        con.close()


def test_a_run_that_adds_nothing_does_no_cross_year_work_and_one_report_touches_its_next_year(tmp_path):
    years = {d: expand_inputs([str(REAL / d)])[0][0] for d in ("pt2019", "pt2020", "pt2021", "pt2022")}
    db_path = tmp_path / "r.sqlite"
    first = run_batch([years["pt2019"], years["pt2020"], years["pt2022"]], db_path, BatchOptions(check=RULES, workers=1))
    assert first.cross_year_linked == 3
    again = run_batch(list(years.values()), db_path, BatchOptions(check=RULES, workers=1))
    # pt2021 is new: it is linked to pt2020, and pt2022 is relinked to it; nothing else is read
    assert (again.ok, again.skipped, again.cross_year_linked) == (1, 3, 2)
    rerun = run_batch(list(years.values()), db_path, BatchOptions(check=RULES, workers=1))
    assert (rerun.ok, rerun.skipped, rerun.cross_year_linked) == (0, 4, 0)
    rows = sqlite3.connect(db_path).execute(
        "SELECT d.year, COUNT(*) FROM findings f JOIN documents d USING (doc_id)"
        " WHERE f.rule = 'cross_year.carry' GROUP BY d.year ORDER BY d.year").fetchall()
    assert rows == [(2020, 1), (2021, 1), (2022, 1)]


def test_the_issuer_is_compared_by_its_normalised_name():
    assert issuer_key(" 某某市 人民政府\u3000") == issuer_key("某某市人民政府")
    assert issuer_key("某某县人民政府办公室") == issuer_key("某某县政府办")
    assert issuer_key("") is None and issuer_key(None) is None


def test_batch_results_equal_the_unbatched_check(tmp_path):
    files = sorted(expand_inputs([str(SEEDS), str(REAL)])[0] + _generated(tmp_path / "gen", 40))
    db_path = tmp_path / "r.sqlite"
    run_batch(files, db_path, BatchOptions(check=RULES, workers=2, group_size=3, commit_every=5))
    export_jsonl(db_path, tmp_path / "out.jsonl")
    exported = {d["doc_id"]: d for d in map(json.loads, (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines())}
    checked = {r.doc_id: json.loads(json.dumps(r.to_dict(), ensure_ascii=False)) for r in check_paths(files, RULES)}
    assert exported == checked  # numbers compare by value: a finding's 5 is stored as 5.0
    assert sum(f["kind"] == "cross_year" for d in exported.values() for f in d["findings"]) >= 4


def test_each_reports_evidence_is_stored_once_compressed(tmp_path):
    files = _generated(tmp_path / "gen", 30)
    db_path = tmp_path / "r.sqlite"
    run_batch(files, db_path, BatchOptions(check=RULES, workers=1))
    con = sqlite3.connect(db_path)
    columns = {r[1] for r in con.execute("PRAGMA table_info(finding_rows)")}
    assert not {"evidence_json", "cells_json", "facts_json"} & columns
    (raw,) = con.execute("SELECT SUM(LENGTH(report_z)) FROM documents").fetchone()
    con.close()
    exported = export_jsonl(db_path, tmp_path / "out.jsonl")
    assert exported == 30
    # the compressed copies are several times smaller than the JSON they hold
    assert raw * 3 < (tmp_path / "out.jsonl").stat().st_size


_MAIN_RSS = """
import json, sys
from nianbao.batch import BatchOptions, run_batch
from nianbao.batch.worker import peak_rss_mb
from nianbao.pipeline import CheckOptions
s = run_batch([sys.argv[1]], sys.argv[2], BatchOptions(check=CheckOptions(extractor="rules"), workers=2))
print(json.dumps({"ok": s.ok, "rss_mb": peak_rss_mb()}))  # this process only, not the test's
"""


def _main_process_peak_mb(folder: Path, db_path: Path) -> tuple[int, float]:
    out = subprocess.run([sys.executable, "-c", _MAIN_RSS, str(folder), str(db_path)], capture_output=True, text=True,
                         check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return result["ok"], result["rss_mb"]


def test_main_process_memory_does_not_grow_with_the_number_of_reports(tmp_path):
    from nianbao.synth import write_corpus

    write_corpus(tmp_path / "small", n=100, seed=11)
    write_corpus(tmp_path / "large", n=400, seed=11)
    ok_small, small = _main_process_peak_mb(tmp_path / "small", tmp_path / "small.sqlite")
    ok_large, large = _main_process_peak_mb(tmp_path / "large", tmp_path / "large.sqlite")
    assert (ok_small, ok_large) == (100, 400)
    # the previous code held every report until the end: about 0.3 MB more per report
    assert large - small < 30, (small, large)


def test_an_interrupted_run_keeps_its_finished_documents_and_a_rerun_completes_it(tmp_path):
    import pytest

    files = expand_inputs([str(SEEDS), str(REAL)])[0]
    seen = []

    def stop_after_three(event, result):
        if event == "doc":
            seen.append(result.source)
            if len(seen) == 3:
                raise KeyboardInterrupt

    db_path = tmp_path / "r.sqlite"
    options = BatchOptions(check=RULES, workers=1, commit_every=100)
    with pytest.raises(KeyboardInterrupt):
        run_batch(files, db_path, options, progress=stop_after_three)
    assert sorted(r[0] for r in sqlite3.connect(db_path).execute("SELECT source FROM documents")) == sorted(seen)
    rerun = run_batch(files, db_path, options)
    assert (rerun.ok, rerun.skipped) == (len(files) - 3, 3)
    run_batch(files, tmp_path / "clean.sqlite", options)
    export_jsonl(db_path, tmp_path / "a.jsonl")
    export_jsonl(tmp_path / "clean.sqlite", tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_relinking_recomputes_issuer_keys_and_every_cross_year_finding(tmp_path):
    from click.testing import CliRunner

    from nianbao.cli.batch import command

    db_path = tmp_path / "r.sqlite"
    run_batch([str(REAL), str(SEEDS)], db_path, BatchOptions(check=RULES, workers=1))
    query = "SELECT doc_id, idx, rule, status, message FROM findings WHERE kind = 'cross_year' ORDER BY doc_id, idx"
    before = sqlite3.connect(db_path).execute(query).fetchall()
    assert len(before) >= 3
    con = db.connect(db_path)
    with con:  # keys written by another normalisation: no pair matches, the links are dropped
        con.execute("BEGIN")
        con.execute("UPDATE documents SET issuer_key = 'old:' || issuer_key || doc_no")
        links.link_cross_year(con, {r[0] for r in con.execute("SELECT doc_no FROM documents")}, set())
    con.close()
    assert sqlite3.connect(db_path).execute(query).fetchall() == []
    result = CliRunner().invoke(command, ["--db", str(db_path), "--relink"])
    assert result.exit_code == 0 and "recomputed for" in result.output
    assert sqlite3.connect(db_path).execute(query).fetchall() == before
    keys = sqlite3.connect(db_path).execute("SELECT issuer, issuer_key FROM documents").fetchall()
    assert all(key == issuer_key(issuer) for issuer, key in keys)


def test_a_database_of_the_old_layout_is_refused_with_what_to_do(tmp_path):
    import pytest

    old = tmp_path / "old.sqlite"
    con = sqlite3.connect(old)
    con.execute("CREATE TABLE documents (doc_id TEXT PRIMARY KEY, report_json TEXT NOT NULL)")
    con.close()
    from click.testing import CliRunner

    from nianbao.cli.batch import command
    from nianbao.errors import NianbaoError

    with pytest.raises(NianbaoError, match="older nianbao.*new database file"):
        db.connect(old)
    result = CliRunner().invoke(command, [str(SEEDS), "--db", str(old), "--extractor", "rules", "--workers", "1"])
    assert result.exit_code == 1 and "older nianbao" in result.output
