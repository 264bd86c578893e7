"""`run_batch`: a resumable batch job into the results database.

Documents whose content hash is already stored are skipped (``force`` redoes them);
each document is committed on its own, so a killed job loses nothing already done and a
restart completes it. Work is spread over worker processes (``engine="local"``) or a Ray
cluster (``engine="ray"``); the database is written by this process only.
"""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from nianbao.batch import db
from nianbao.batch.inputs import expand_inputs
from nianbao.batch.worker import DocResult, init_worker, limit_threads, process_group, run_group_in_worker
from nianbao.pipeline import CheckOptions
from nianbao.report import Report


@dataclass
class BatchOptions:
    check: CheckOptions = field(default_factory=CheckOptions)
    workers: int = max(1, os.cpu_count() or 1)
    engine: str = "local"  # "local" | "ray"
    ray_address: str | None = None  # None: start a local Ray instance; "auto" or "ray://host:10001": a cluster
    force: bool = False
    group_size: int = 8  # documents per task: the model batches windows across them


@dataclass
class BatchSummary:
    n_inputs: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, problem) of this run
    worker_peak_rss_mb: dict[int, float] = field(default_factory=dict)  # pid -> peak RSS

    @property
    def reports_per_second(self) -> float:
        return (self.ok + self.failed) / self.seconds if self.seconds else 0.0


ProgressFn = Callable[[str, DocResult | None], None]  # event ("start:<n>", "doc", "skip"), result


def run_batch(inputs: list[str], db_path: str | Path, options: BatchOptions | None = None,
              progress: ProgressFn | None = None) -> BatchSummary:
    options = options or BatchOptions()
    progress = progress or (lambda event, result: None)
    started = time.perf_counter()
    paths, missing = expand_inputs(inputs)
    con = db.connect(db_path)
    summary = BatchSummary(n_inputs=len(paths) + len(missing))
    run_id = db.start_run(con, options.engine, options.workers, summary.n_inputs)
    for source, problem in missing:
        summary.failed += 1
        summary.errors.append((source, problem))
        db.write_error(con, source, "missing:" + hashlib.sha256(source.encode()).hexdigest(), problem)

    done = set() if options.force else db.stored_hashes(con)
    pending: list[tuple[str, str]] = []
    for path in paths:
        try:
            sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError as err:
            summary.failed += 1
            summary.errors.append((path, f"cannot read file ({err.strerror})"))
            continue
        if sha in done:
            summary.skipped += 1
            progress("skip", None)
            continue
        done.add(sha)  # the same content twice in one run is processed once
        pending.append((path, sha))

    progress(f"start:{len(pending)}", None)
    groups = [pending[i:i + options.group_size] for i in range(0, len(pending), options.group_size)]
    engine = {"local": _run_local, "ray": _run_ray}[options.engine]
    for result in engine(groups, options):
        if result.report is not None:
            db.write_report(con, Report.from_dict(result.report), result.content_sha256)
            summary.ok += 1
        else:
            db.write_error(con, result.source, result.content_sha256, result.error or "unknown error")
            summary.failed += 1
            summary.errors.append((result.source, result.error or "unknown error"))
        summary.worker_peak_rss_mb[result.worker_pid] = result.worker_peak_rss_mb
        progress("doc", result)

    if options.check.reconcile:
        update_cross_year_findings(con)
    summary.seconds = time.perf_counter() - started
    db.finish_run(con, run_id, summary.ok, summary.failed, summary.skipped)
    con.close()
    return summary


def update_cross_year_findings(con) -> None:
    """Recompute cross-year findings over every report in the database (idempotent)."""
    from nianbao.pipeline import add_cross_year_findings

    reports = list(db.iter_reports(con))
    for report in reports:
        report.findings = [f for f in report.findings if f.kind != "cross_year"]
    add_cross_year_findings(reports)
    for report in reports:
        db.replace_cross_year_findings(con, report.doc_id, [f for f in report.findings if f.kind == "cross_year"])


def _run_local(groups, options: BatchOptions) -> Iterator[DocResult]:
    items = [[(path, sha, None) for path, sha in group] for group in groups]
    if options.workers <= 1:
        for group in items:
            yield from process_group(group, options.check)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    threads = max(1, (os.cpu_count() or 1) // options.workers)
    ctx = multiprocessing.get_context("spawn")  # no inherited torch/thread state
    with ProcessPoolExecutor(options.workers, mp_context=ctx, initializer=init_worker,
                             initargs=(options.check, threads)) as pool:
        futures = [pool.submit(run_group_in_worker, group) for group in items]
        for future in as_completed(futures):
            yield from future.result()


def _run_ray(groups, options: BatchOptions) -> Iterator[DocResult]:
    from nianbao.batch.ray_engine import run_groups

    # the documents travel with the task, so workers need no shared filesystem
    items = ([(path, sha, Path(path).read_bytes()) for path, sha in group] for group in groups)
    yield from run_groups(items, options.check, options.workers, options.ray_address)


__all__ = ["BatchOptions", "BatchSummary", "run_batch", "update_cross_year_findings", "limit_threads"]
