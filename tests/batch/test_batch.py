"""Batch jobs: every layer stored, resumable, robust to bad files, same results on Ray."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nianbao.batch import BatchOptions, db, export_csv, export_html, export_jsonl, run_batch
from nianbao.batch.inputs import expand_inputs
from nianbao.pipeline import CheckOptions
from tests.conftest import REAL, SEEDS

RULES = CheckOptions(extractor="rules")


def _rows(db_path, sql):
    con = sqlite3.connect(db_path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _stored_reports(db_path):
    """Each stored report's OUTPUT.md object (with text), read back from its compressed copy."""
    con = db.connect(db_path)
    try:
        return [db.report_dict(con, doc_no) for doc_no in db.doc_numbers(con)]
    finally:
        con.close()


def _snapshot(db_path):
    """What a finished job must contain, independent of order and timing."""
    docs = {r[0]: r[1:] for r in _rows(db_path, "SELECT doc_id, source, n_facts, n_findings FROM documents")}
    facts = _rows(db_path, "SELECT doc_id, COUNT(*) FROM facts GROUP BY doc_id")
    findings = _rows(db_path, "SELECT doc_id, rule, status FROM findings ORDER BY doc_id, idx")
    cells = _rows(db_path, "SELECT doc_id, cell_id, raw, kind FROM cells ORDER BY doc_id, cell_id")
    errors = _rows(db_path, "SELECT source, error FROM errors ORDER BY source")
    return docs, sorted(facts), findings, cells, errors


def test_batch_stores_every_layer_of_each_seed(tmp_path):
    db_path = tmp_path / "r.sqlite"
    summary = run_batch([str(SEEDS)], db_path, BatchOptions(check=RULES, workers=1))
    assert (summary.ok, summary.failed, summary.skipped) == (5, 0, 0)
    (n_docs,) = _rows(db_path, "SELECT COUNT(*) FROM documents")[0]
    assert n_docs == 5
    # seed 002's printed total contradicts its 自然人 column: the identity is stored as FAIL
    rows = _rows(db_path, "SELECT f.status FROM findings f JOIN documents d USING (doc_id)"
                          " WHERE d.source LIKE '%002_%' AND f.rule = 't3.col_sum.new_received'")
    assert rows == [("FAIL",)]
    # seed 001's empty 总计 cell is stored as empty, never as 0
    rows = _rows(db_path, "SELECT c.kind, c.value FROM cells c JOIN documents d USING (doc_id)"
                          " WHERE d.source LIKE '%001_%' AND c.cell_id = 't3.denied.enforcement_file.total'")
    assert rows == [("empty", None)]
    # every stored fact points at its text in the stored report
    for d in _stored_reports(db_path):
        doc_id, text = d["doc_id"], d["text"]
        for start, end, span in _rows(db_path, f"SELECT start, \"end\", text FROM facts WHERE doc_id = '{doc_id}'"):
            assert text[start:end] == span


def test_rerun_skips_documents_already_stored_and_force_redoes_them(tmp_path):
    db_path = tmp_path / "r.sqlite"
    run_batch([str(SEEDS)], db_path, BatchOptions(check=RULES, workers=1))
    before = _snapshot(db_path)
    again = run_batch([str(SEEDS)], db_path, BatchOptions(check=RULES, workers=1))
    assert (again.ok, again.skipped) == (0, 5)
    forced = run_batch([str(SEEDS)], db_path, BatchOptions(check=RULES, workers=1, force=True))
    assert (forced.ok, forced.skipped) == (5, 0)
    assert _snapshot(db_path) == before


def test_a_corrupt_file_in_a_folder_is_recorded_and_the_job_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for src in sorted(SEEDS.iterdir())[:2]:
        (folder / src.name).write_bytes(src.read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n this is not really a pdf")
    (folder / "empty.txt").write_bytes(b"")
    db_path = tmp_path / "r.sqlite"
    summary = run_batch([str(folder), str(tmp_path / "missing.txt")], db_path, BatchOptions(check=RULES, workers=1))
    assert (summary.ok, summary.failed) == (2, 3)
    errors = dict(_rows(db_path, "SELECT source, error FROM errors"))
    assert set(errors) == {str(folder / "broken.pdf"), str(folder / "empty.txt"), str(tmp_path / "missing.txt")}
    assert all(problem.strip() for problem in errors.values())


def test_list_file_inputs_are_read_relative_to_the_list(tmp_path):
    (tmp_path / "a.txt").write_bytes((SEEDS / sorted(os.listdir(SEEDS))[0]).read_bytes())
    (tmp_path / "list.txt").write_text("# reports\na.txt\n\n", encoding="utf-8")
    summary = run_batch(["@" + str(tmp_path / "list.txt")], tmp_path / "r.sqlite", BatchOptions(check=RULES, workers=1))
    assert summary.ok == 1


def test_two_workers_store_the_same_results_as_one(tmp_path):
    inputs = [str(SEEDS), str(REAL)]
    run_batch(inputs, tmp_path / "one.sqlite", BatchOptions(check=RULES, workers=1))
    run_batch(inputs, tmp_path / "two.sqlite", BatchOptions(check=RULES, workers=2, group_size=2))
    assert _snapshot(tmp_path / "one.sqlite") == _snapshot(tmp_path / "two.sqlite")


def test_cross_year_findings_link_consecutive_reports_of_one_issuer(tmp_path):
    db_path = tmp_path / "r.sqlite"
    run_batch([str(REAL / d) for d in ("pt2021", "pt2022")], db_path, BatchOptions(check=RULES, workers=1))
    rows = _rows(db_path, "SELECT d.year, f.rule, f.status FROM findings f JOIN documents d USING (doc_id)"
                          " WHERE f.rule = 'cross_year.carry'")
    # pt2021 carried 1 application forward; pt2022 says 1 was carried over
    assert rows == [(2022, "cross_year.carry", "PASS")]
    run_batch([str(REAL / "pt2022")], db_path, BatchOptions(check=RULES, workers=1, force=True))
    assert len(_rows(db_path, "SELECT 1 FROM findings WHERE rule = 'cross_year.carry'")) == 1


def test_exports_read_the_database_back(tmp_path):
    db_path = tmp_path / "r.sqlite"
    run_batch([str(SEEDS)], db_path, BatchOptions(check=RULES, workers=1))
    assert export_jsonl(db_path, tmp_path / "out.jsonl") == 5
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["doc_id"] for line in lines} == {r[0] for r in _rows(db_path, "SELECT doc_id FROM documents")}
    export_csv(db_path, tmp_path / "findings.csv")
    assert "t3.col_sum.new_received" in (tmp_path / "findings.csv").read_text(encoding="utf-8")
    index = export_html(db_path, tmp_path / "html")
    assert index.is_file() and len(list((tmp_path / "html").glob("*.html"))) == 6


def _generated_corpus(folder: Path, n: int) -> None:
    from nianbao.synth import write_corpus

    write_corpus(folder, n=n, seed=7)


@pytest.mark.slow
def test_killed_job_resumes_to_a_complete_consistent_database(tmp_path):
    gen = tmp_path / "generated"
    _generated_corpus(gen, 300)
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / "broken.docx").write_bytes(b"PK\x03\x04 not a docx")
    inputs = [str(SEEDS), str(REAL), str(gen), str(corrupt)]
    cmd = [sys.executable, "-m", "nianbao", "batch", *inputs, "--extractor", "rules", "--workers", "2"]

    killed_db = tmp_path / "killed.sqlite"
    proc = subprocess.Popen([*cmd, "--db", str(killed_db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.time() + 300
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.5)
        if killed_db.exists():
            try:
                stored = _rows(killed_db, "SELECT COUNT(*) FROM documents")[0][0]
            except sqlite3.OperationalError:
                continue
            if stored >= 60:
                break
    assert proc.poll() is None, "the job finished before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < _rows(killed_db, "SELECT COUNT(*) FROM documents")[0][0] < 300

    resumed = subprocess.run([*cmd, "--db", str(killed_db)], capture_output=True, text=True, timeout=600)
    assert "skipped" in resumed.stdout
    clean_db = tmp_path / "clean.sqlite"
    subprocess.run([*cmd, "--db", str(clean_db)], capture_output=True, text=True, timeout=600)

    assert _snapshot(killed_db) == _snapshot(clean_db)
    n_inputs = len(expand_inputs(inputs)[0])
    assert n_inputs > 300
    assert _rows(killed_db, "SELECT COUNT(*) FROM documents")[0][0] + len(_snapshot(killed_db)[4]) == n_inputs
    # every document's rows agree with its stored JSON: nothing half-written
    n_facts = dict(_rows(killed_db, "SELECT doc_id, n_facts FROM documents"))
    for d in _stored_reports(killed_db):
        doc_id = d["doc_id"]
        assert len(d["facts"]) == n_facts[doc_id]
        (n_cells,) = _rows(killed_db, f"SELECT COUNT(*) FROM cells WHERE doc_id = '{doc_id}'")[0]
        assert n_cells == sum(len(t["cells"]) for t in d["tables"].values())


@pytest.mark.slow
def test_ray_engine_writes_the_same_results_as_the_local_engine(tmp_path):
    inputs = [str(SEEDS), str(REAL / "pt2021"), str(REAL / "pt2022")]
    run_batch(inputs, tmp_path / "local.sqlite", BatchOptions(check=RULES, workers=1))
    summary = run_batch(inputs, tmp_path / "ray.sqlite", BatchOptions(check=RULES, workers=2, engine="ray", group_size=2))
    assert summary.ok == 7
    assert len(summary.worker_peak_rss_mb) == 2
    assert _snapshot(tmp_path / "local.sqlite") == _snapshot(tmp_path / "ray.sqlite")


def test_a_folders_readme_is_not_taken_for_a_report(tmp_path):
    from tests.conftest import seed_path

    (tmp_path / "README.md").write_text("# 政府信息公开工作年度报告样本\n这些是样本。\n", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(seed_path("002").read_bytes())
    paths, _ = expand_inputs([str(tmp_path)])
    assert paths == [str(tmp_path / "a.txt")]
