"""`run_batch`: a resumable batch job into the results database.

Documents whose content hash is already stored are skipped (``force`` redoes them).
Documents are committed in batches (`db.Writer`); a killed job loses at most the open
batch and a restart completes it to the same database. Work is spread over worker
processes (``engine="local"``) or a Ray cluster (``engine="ray"``) with a bounded number
of groups in flight, so this process holds a window of reports, never the whole input;
the database is written by this process only. Cross-year findings are linked as each
batch is committed, by query, for the new reports and their next years only.
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


@dataclass
class BatchOptions:
    check: CheckOptions = field(default_factory=CheckOptions)
    workers: int = max(1, os.cpu_count() or 1)
    engine: str = "local"  # "local" | "ray"
    ray_address: str | None = None  # None: start a local Ray instance; "auto" or "ray://host:10001": a cluster
    force: bool = False
    group_size: int = 8  # documents per task: the model batches windows across them
    commit_every: int = 128  # documents per transaction (and at most every 10 s)


@dataclass
class BatchSummary:
    n_inputs: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, problem) of this run
    worker_peak_rss_mb: dict[int, float] = field(default_factory=dict)  # pid -> peak RSS
    cross_year_linked: int = 0  # reports whose cross-year findings this run computed

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
    if missing:
        writer = db.Writer(con)
        for source, problem in missing:
            summary.failed += 1
            summary.errors.append((source, problem))
            writer.add_error(source, "missing:" + hashlib.sha256(source.encode()).hexdigest(), problem)
        writer.commit()

    pending: list[tuple[str, str]] = []
    this_run: set[str] = set()
    for path in paths:
        try:
            sha = _sha256(path)
        except OSError as err:
            summary.failed += 1
            summary.errors.append((path, f"cannot read file ({err.strerror})"))
            continue
        if sha in this_run or (not options.force and db.is_stored(con, sha)):
            summary.skipped += 1  # the same content twice in one run is processed once
            progress("skip", None)
            continue
        this_run.add(sha)
        pending.append((path, sha))
    del this_run

    progress(f"start:{len(pending)}", None)
    groups = (pending[i:i + options.group_size] for i in range(0, len(pending), options.group_size))
    engine = {"local": _run_local, "ray": _run_ray}[options.engine]
    writer = db.Writer(con, batch_docs=options.commit_every, link_cross_year=options.check.reconcile)
    writing = False
    try:
        for result in engine(groups, options):
            writing = True
            if result.stored is not None:
                writer.add_report(result.stored)
                summary.ok += 1
            else:
                writer.add_error(result.source, result.content_sha256, result.error or "unknown error")
                summary.failed += 1
                summary.errors.append((result.source, result.error or "unknown error"))
            writing = False
            summary.worker_peak_rss_mb[result.worker_pid] = result.worker_peak_rss_mb
            progress("doc", result)
            del result  # the window holds the reports in flight, nothing more
    except BaseException:
        # stopped between documents (a worker failed, Ctrl-C): keep the whole documents of the
        # open batch; stopped while writing one: drop the batch. A re-run redoes the rest.
        writer.rollback() if writing else writer.commit()
        raise
    writer.commit()
    summary.cross_year_linked = writer.relinked
    summary.seconds = time.perf_counter() - started
    db.finish_run(con, run_id, summary.ok, summary.failed, summary.skipped)
    con.close()
    return summary


def _sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _run_local(groups, options: BatchOptions) -> Iterator[DocResult]:
    items = ([(path, sha, None) for path, sha in group] for group in groups)
    if options.workers <= 1:
        for group in items:
            yield from process_group(group, options.check)
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    threads = max(1, (os.cpu_count() or 1) // options.workers)
    ctx = multiprocessing.get_context("spawn")  # no inherited torch/thread state
    window = 2 * options.workers  # groups in flight: each worker busy with one and one queued
    with ProcessPoolExecutor(options.workers, mp_context=ctx, initializer=init_worker,
                             initargs=(options.check, threads)) as pool:
        in_flight: set = set()
        for group in items:
            in_flight.add(pool.submit(run_group_in_worker, group))
            if len(in_flight) >= window:
                done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    yield from future.result()
        while in_flight:
            done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                yield from future.result()


def _run_ray(groups, options: BatchOptions) -> Iterator[DocResult]:
    from nianbao.batch.ray_engine import run_groups

    # the documents travel with the task, so workers need no shared filesystem
    items = ([(path, sha, Path(path).read_bytes()) for path, sha in group] for group in groups)
    yield from run_groups(items, options.check, options.workers, options.ray_address)


__all__ = ["BatchOptions", "BatchSummary", "run_batch", "limit_threads"]
