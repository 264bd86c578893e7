"""The unit of batch work: read, tag and reconcile a small group of documents.

Runs in a worker process (local engine) or a Ray actor; the extractor (the model) is
loaded once per worker and reused for every group. Each report leaves the worker as the
rows the database stores (compressed JSON included), so the process that writes the
database only inserts.
"""
from __future__ import annotations

import os
import resource
import tempfile
from dataclasses import dataclass
from pathlib import Path

from nianbao.batch.db import StoredReport, stored_report
from nianbao.errors import InputError
from nianbao.pipeline import CheckOptions, add_facts_and_findings, read_or_error
from nianbao.report import Report


@dataclass
class DocResult:
    source: str
    content_sha256: str
    stored: StoredReport | None  # the report's rows when it was read
    error: str | None  # the one-line problem when it was not
    worker_pid: int
    worker_peak_rss_mb: float


def limit_threads(n: int) -> None:
    """Give each worker its share of the cores (`nianbao.tagger.base.default_threads` reads
    NIANBAO_THREADS; the OMP/MKL variables cover libraries that read their own)."""
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "NIANBAO_THREADS"):
        os.environ[var] = str(max(1, n))


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM belongs to the running program;
    `ru_maxrss` also keeps the peak of the process that started it (it survives exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def process_group(items: list[tuple[str, str, bytes | None]], options: CheckOptions) -> list[DocResult]:
    """Process (source, content_sha256, bytes-or-None) items; bytes are given when the worker
    cannot see the caller's files (Ray on a cluster) and are read from a temporary copy."""
    with tempfile.TemporaryDirectory(prefix="nianbao-") as tmp:
        loaded: list[tuple[str, str, Report | str]] = []  # a report, or the problem reading it
        for i, (source, sha, data) in enumerate(items):
            path = source
            if data is not None:
                path = str(Path(tmp) / f"{i}{Path(source).suffix}")
                Path(path).write_bytes(data)
            result = read_or_error(path)
            if isinstance(result, Report):
                result.source = source
                loaded.append((source, sha, result))
            else:
                loaded.append((source, sha, result.problem if isinstance(result, InputError) else str(result)))
        reports = [r for _, _, r in loaded if isinstance(r, Report)]
        failure = None
        try:
            add_facts_and_findings(reports, options)
        except Exception as err:  # the group's documents are recorded as failed; the job goes on
            failure = f"fact extraction failed ({type(err).__name__}: {err})"
    rss = peak_rss_mb()
    out = []
    for source, sha, r in loaded:
        if isinstance(r, Report) and failure is None:
            out.append(DocResult(source, sha, stored_report(r, sha), None, os.getpid(), rss))
        else:
            out.append(DocResult(source, sha, None, failure if isinstance(r, Report) else r, os.getpid(), rss))
    return out


_worker_options: CheckOptions | None = None


def init_worker(options: CheckOptions, threads: int) -> None:
    """ProcessPoolExecutor initializer: remember the options, cap threads."""
    global _worker_options
    limit_threads(threads)
    _worker_options = options


def run_group_in_worker(items: list[tuple[str, str, bytes | None]]) -> list[DocResult]:
    assert _worker_options is not None, "init_worker was not called"
    return process_group(items, _worker_options)
