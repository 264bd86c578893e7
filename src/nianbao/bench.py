"""`nianbao bench`: speed and peak memory of each way of tagging facts, on the same documents,
and of reading them (the ``read`` row: the format converters alone).

Each system runs in its own child process (so peak memory is its own): the documents are
checked end to end (ingest, sections, tables, facts, findings) once to warm up, then
`repeat` more times; throughput is reports per second over the timed passes, and the
extractor's load time is reported apart.  The ``check`` row is the whole command as a
user runs it: ``nianbao check --json`` over all the documents in a fresh process, timed
from spawn to exit (interpreter start, imports, model load, every report, the output),
median of `repeat` runs.  Results are printed as ratios to the fastest.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

# key (for --systems) -> (name in the tables, extractor name for CheckOptions, extra ModelExtractor settings)
SYSTEMS: dict[str, tuple[str, str, dict | None]] = {
    "read": ("reading the files (ingest only)", "none", None),
    "rules": ("rules", "rules", None),
    "crf": ("crf", "crf", None),
    "whole": ("model (whole narrative)", "model", {"mode": "whole", "backend": "torch"}),
    "windows": ("model (candidate windows)", "model", {"mode": "windows", "backend": "torch"}),
    "onnx": ("model (windows, fp32 onnxruntime)", "model", {"mode": "windows", "backend": "onnx"}),
    "optimised": ("model (windows, int8 onnxruntime)", "model", {"mode": "windows", "backend": "optimised"}),
    "check": ("`nianbao check`, whole command", "model", None),
}
COMMAND = "check"  # the key measured as a whole process by `measure_command`
READ = "read"  # the key that times the format converters alone (`ingest.convert`: txt, html, docx, pdf…)


def system_keys(text: str | None) -> list[str]:
    """`--systems` ("windows,optimised") as keys of SYSTEMS; every one when empty."""
    keys = [k.strip() for k in (text or "").split(",") if k.strip()] or list(SYSTEMS)
    unknown = [k for k in keys if k not in SYSTEMS]
    if unknown:
        raise ValueError(f"unknown system(s) {', '.join(unknown)}: choose from {', '.join(SYSTEMS)}")
    return keys


@dataclass
class BenchResult:
    system: str
    reports: int
    seconds: float
    reports_per_second: float
    load_seconds: float | None  # None: included in `seconds` (the whole command)
    peak_rss_mb: float


def measure_in_this_process(system: str, paths: list[str], repeat: int) -> BenchResult:
    title, name, settings = SYSTEMS[system]
    started = time.perf_counter()  # what the timed passes need loads once, outside them
    one_pass = _read_files(paths) if system == READ else _check_files(paths, name, settings)
    load = time.perf_counter() - started
    one_pass()  # warm-up
    t0 = time.perf_counter()
    for _ in range(repeat):
        one_pass()
    seconds = time.perf_counter() - t0
    n = len(paths) * repeat
    return BenchResult(title, n, round(seconds, 3), round(n / seconds, 2), round(load, 2),
                       round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))


def _check_files(paths: list[str], extractor_name: str, settings: dict | None) -> Callable[[], None]:
    """One pass of checking every file end to end, its extractor loaded now."""
    from nianbao.pipeline import CheckOptions, add_cross_year_findings, add_facts_and_findings, read_structure, \
        tag_reports

    if settings is None:
        from nianbao.facts.extractors import get_extractor

        extractor = get_extractor(extractor_name)
    else:
        from nianbao.tagger.predict import ModelExtractor

        extractor = ModelExtractor(None, **settings)
    reconcile_only = CheckOptions(extractor="none")

    def one_pass():
        reports = [read_structure(p) for p in paths]
        tag_reports(reports, extractor)
        add_facts_and_findings(reports, reconcile_only)
        add_cross_year_findings(reports)
    return one_pass


def _read_files(paths: list[str]) -> Callable[[], None]:
    """One pass of reading every file to its normalised text and no further, the converters'
    libraries (pdfplumber and PDFium, python-docx, …) loaded now."""
    import importlib

    from nianbao.ingest import FORMATS, convert

    for fmt in FORMATS:
        importlib.import_module(f"nianbao.ingest.{fmt.module}")

    def one_pass():
        for path in paths:
            convert(path)
    return one_pass


def measure(paths: list[str], systems: list[str] | None = None, repeat: int = 3) -> list[BenchResult]:
    """Run each system in a child process and collect its result."""
    results = []
    for system in systems or list(SYSTEMS):
        if system == COMMAND:
            results.append(measure_command(paths, repeat))
            continue
        out = subprocess.run(
            [sys.executable, "-c", "import sys, json; from nianbao.bench import _child; _child()"],
            input=json.dumps({"system": system, "paths": paths, "repeat": repeat}),
            capture_output=True, text=True,
        )
        if out.returncode != 0:
            raise RuntimeError(f"bench of {system!r} failed:\n{out.stderr[-2000:]}")
        results.append(BenchResult(**json.loads(out.stdout.strip().splitlines()[-1])))
    return results


def measure_command(paths: list[str], repeat: int) -> BenchResult:
    """`nianbao check --json PATHS` in a fresh process, `repeat` times: median wall seconds
    from spawn to exit, and that process's own peak memory (`os.wait4`)."""
    import os
    import statistics

    walls, peaks = [], []
    for _ in range(repeat):
        with tempfile.TemporaryFile() as err:
            started = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", "from nianbao.cli import main; main()", "check", "--json",
                                     *paths], stdout=subprocess.DEVNULL, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            walls.append(time.perf_counter() - started)
            proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
            if proc.returncode not in (0, 1):  # 1: some file could not be read
                err.seek(0)
                raise RuntimeError(f"`nianbao check` failed:\n{err.read().decode(errors='replace')[-2000:]}")
        peaks.append(usage.ru_maxrss / 1024)
    wall = statistics.median(walls)
    return BenchResult(SYSTEMS[COMMAND][0], len(paths), round(wall, 3), round(len(paths) / wall, 2), None,
                       round(max(peaks), 1))


def _child() -> None:
    job = json.loads(sys.stdin.read())
    result = measure_in_this_process(job["system"], job["paths"], job["repeat"])
    print(json.dumps(asdict(result)))


@dataclass
class BatchBenchResult:
    engine: str
    workers: int
    reports: int
    seconds: float
    reports_per_second: float
    peak_rss_mb_per_worker: float


def measure_batch(inputs: list[str], extractor: str = "model", configs=(("local", 1), ("local", 2), ("ray", 2)),
                  ) -> list[BatchBenchResult]:
    """The batch job on the same inputs with 1 and 2 local workers and with Ray."""
    from nianbao.batch import BatchOptions, run_batch
    from nianbao.pipeline import CheckOptions

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, (engine, workers) in enumerate(configs):
            summary = run_batch(inputs, Path(tmp) / f"{i}.sqlite",
                                BatchOptions(check=CheckOptions(extractor=extractor), workers=workers, engine=engine))
            results.append(BatchBenchResult(engine, workers, summary.ok + summary.failed, round(summary.seconds, 2),
                                            round(summary.reports_per_second, 2),
                                            round(max(summary.worker_peak_rss_mb.values(), default=0.0), 1)))
    return results


def ratio_table(rows: list, name_of, rate_of, columns: list[tuple[str, callable]]) -> str:
    """A Markdown table with each row's throughput as a ratio to the fastest."""
    fastest = max(rate_of(r) for r in rows)
    head = ["system", "reports/s", "× fastest"] + [c for c, _ in columns]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [name_of(r), f"{rate_of(r):.2f}", f"{rate_of(r) / fastest:.3f}"] + [str(fn(r)) for _, fn in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


@dataclass
class ScaleResult:
    reports: int
    seconds: float
    reports_per_second: float
    main_peak_rss_mb: float  # the process that writes the database, workers not included
    main_cpu_ms_per_report: float  # that process's CPU time (reading results, writing, linking)
    cpu_ms_per_report: float  # CPU time of the main process and its workers: the rate without the other load
    db_kb_per_report: float
    rerun_seconds: float  # the same inputs again, all skipped: the whole command, spawn to exit


_SCALE_CHILD = """
import json, resource, sys
from nianbao.batch import BatchOptions, run_batch
from nianbao.batch.worker import peak_rss_mb
from nianbao.pipeline import CheckOptions
if __name__ == "__main__":
    job = json.loads(sys.argv[1])
    s = run_batch(job["inputs"], job["db"], BatchOptions(check=CheckOptions(extractor=job["extractor"]),
                  workers=job["workers"]))
    print(json.dumps({"ok": s.ok, "failed": s.failed, "skipped": s.skipped, "seconds": s.seconds,
                      "rate": s.reports_per_second, "linked": s.cross_year_linked,
                      "rss_mb": peak_rss_mb(), "cpu_s": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
                      "children_cpu_s": sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2])}))
"""


def _batch_child(inputs: list[str], db_path: Path, extractor: str, workers: int) -> tuple[dict, float]:
    job = json.dumps({"inputs": inputs, "db": str(db_path), "extractor": extractor, "workers": workers})
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _SCALE_CHILD, job], capture_output=True, text=True)
    wall = time.perf_counter() - started
    if out.returncode != 0:
        raise RuntimeError(f"batch bench failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1]), wall


def measure_scale(sizes: list[int], extractor: str = "model", workers: int | None = None, seed: int = 123,
                  work_dir: str | Path | None = None) -> list[ScaleResult]:
    """The batch job on the first n generated reports (`nianbao.synth`, `seed`) for each n, in
    a fresh database each time: rate, the main process's peak RSS, database bytes per report,
    then the same run again (everything skipped)."""
    import os

    from nianbao.synth import write_corpus

    workers = workers or max(1, os.cpu_count() or 1)
    results = []
    with tempfile.TemporaryDirectory(dir=work_dir) as tmp:
        # report i depends only on (seed, i): the first n of the largest corpus are the corpus of n
        paths = write_corpus(Path(tmp) / "reports", max(sizes), seed)
        for n in sizes:
            listing = Path(tmp) / f"first-{n}.txt"
            listing.write_text("".join(f"{p}\n" for p in paths[:n]), encoding="utf-8")
            db_path = Path(tmp) / f"{n}.sqlite"
            first, _ = _batch_child(["@" + str(listing)], db_path, extractor, workers)
            size = sum(p.stat().st_size for p in Path(tmp).glob(f"{n}.sqlite*"))
            again, wall = _batch_child(["@" + str(listing)], db_path, extractor, workers)
            if again["skipped"] != n:
                raise RuntimeError(f"the re-run of {n} reports did not skip them all: {again}")
            done = max(1, first["ok"])
            results.append(ScaleResult(n, round(first["seconds"], 2), round(first["rate"], 2), round(first["rss_mb"], 1),
                                       round(1000 * first["cpu_s"] / done, 2),
                                       round(1000 * (first["cpu_s"] + first["children_cpu_s"]) / done, 2),
                                       round(size / 1024 / done, 1),
                                       round(wall, 2)))
    return results


def scale_table(rows: list[ScaleResult]) -> str:
    head = ["reports", "seconds", "reports/s", "× rate at smallest", "main peak RSS MB", "main CPU ms / report",
            "all CPU ms / report", "DB KB / report", "re-run, all skipped (s)"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    base = rows[0].reports_per_second or 1.0
    for r in rows:
        lines.append(f"| {r.reports} | {r.seconds:.1f} | {r.reports_per_second:.2f} | {r.reports_per_second / base:.3f}"
                     f" | {r.main_peak_rss_mb:.1f} | {r.main_cpu_ms_per_report:.1f} | {r.cpu_ms_per_report:.0f}"
                     f" | {r.db_kb_per_report:.1f}"
                     f" | {r.rerun_seconds:.2f} |")
    return "\n".join(lines) + "\n"


def plot_scale(rows: list[ScaleResult], out: str | Path) -> Path:
    """Rate, main-process peak RSS and database size per report against the number of reports."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = [r.reports for r in rows]
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.6))
    for ax, values, title in zip(axes, ([r.reports_per_second for r in rows], [r.main_peak_rss_mb for r in rows],
                                        [r.db_kb_per_report for r in rows]),
                                 ("reports / s", "main process peak RSS (MB)", "database KB / report")):
        ax.plot(n, values, marker="o")
        ax.set_xscale("log")
        ax.set_xticks(n, [str(x) for x in n])
        ax.minorticks_off()
        ax.set_xlabel("reports in the run")
        ax.set_title(title)
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return Path(out)


@dataclass
class ReviewScaleResult:
    reports: int
    reviewable: int  # FAIL and UNCERTAIN findings listed
    list_seconds: float  # `review.store.findings(con, reviewable=True)`: what the review app's lists read
    summary_page_seconds: float  # the review app's summary page (GET /), median of 3
    html_seconds: float  # `nianbao batch --html`, in its own process
    html_peak_rss_mb: float
    db_kb_per_report: float


_HTML_CHILD = """
import json, sys, time
from nianbao.batch import export_html
from nianbao.batch.worker import peak_rss_mb
started = time.perf_counter()
export_html(sys.argv[1], sys.argv[2])
print(json.dumps({"seconds": time.perf_counter() - started, "rss_mb": peak_rss_mb()}))
"""


def copied_database(samples: Sequence[str | Path], n: int, out: str | Path) -> Path:
    """A results database of `n` reports: the `samples` files and folders checked once (rules extractor), then their
    rows copied, each copy with its own doc_id, content hash and source (written into its
    stored report too), as `nianbao batch` would store that many distinct reports."""
    import hashlib
    import zlib

    from nianbao.batch import BatchOptions, db, run_batch
    from nianbao.pipeline import CheckOptions

    out = Path(out)
    base = out.with_name(out.stem + "-base.sqlite")
    run_batch([str(s) for s in samples], base, BatchOptions(check=CheckOptions(extractor="rules"), workers=1))
    con = db.connect(out)
    con.execute("ATTACH ? AS base", (str(base),))
    columns = {t: [r[1] for r in con.execute(f"PRAGMA base.table_info({t})")]
               for (t,) in con.execute("SELECT name FROM base.sqlite_master WHERE type = 'table'")}
    # the review keys quote the source: each copy's are computed from its own stored report below
    children = {t: cols for t, cols in columns.items() if t not in ("documents", "finding_keys") and "doc_no" in cols}
    docs = [dict(zip(columns["documents"], row)) for row in con.execute("SELECT * FROM base.documents")]
    con.execute("BEGIN")
    for k in range(n):
        d = dict(docs[k % len(docs)])
        old = d.pop("doc_no")
        d["content_sha256"] = hashlib.sha256(f"{d['content_sha256']}:{k}".encode()).hexdigest()
        d["doc_id"], d["source"] = d["content_sha256"][:16], f"copy{k // len(docs):05d}/{d['source']}"
        report = json.loads(zlib.decompress(d["report_z"]))
        report["doc_id"], report["source"] = d["doc_id"], d["source"]
        d["report_z"] = zlib.compress(json.dumps(report, ensure_ascii=False).encode("utf-8"), 6)
        new = con.execute(f"INSERT INTO documents ({','.join(d)}) VALUES ({','.join('?' * len(d))})",
                          list(d.values())).lastrowid
        for table, cols in children.items():
            picked = ",".join("?" if c == "doc_no" else f'"{c}"' for c in cols)
            rows = con.execute(f"SELECT {picked} FROM base.{table} WHERE doc_no = ?", (new, old)).fetchall()
            con.executemany(f"INSERT INTO main.{table} VALUES ({','.join('?' * len(cols))})", rows)
        con.executemany("INSERT INTO finding_keys VALUES (?,?,?,?,?,?,?)",
                        [(new, *r) for r in db.report_keys(db.report_dict(con, new), d["source"])])
    con.execute("COMMIT")
    con.execute("DETACH base")
    con.close()
    for path in base.parent.glob(base.name + "*"):
        path.unlink()
    return out


def measure_review(n: int, samples: Sequence[str | Path], work_dir: str | Path | None = None) -> ReviewScaleResult:
    """The review app's lists and the HTML export over a database of `n` copies of the
    `samples` reports (`copied_database`), one review on every 7th FAIL/UNCERTAIN finding."""
    from statistics import median

    from starlette.testclient import TestClient

    from nianbao.review import store
    from nianbao.review.app import make_app

    with tempfile.TemporaryDirectory(dir=work_dir) as tmp:
        db_path = copied_database(samples, n, Path(tmp) / "review.sqlite")
        size = sum(p.stat().st_size for p in Path(tmp).glob("review.sqlite*"))
        con = store.open_db(db_path)
        try:
            for i, r in enumerate(store.findings(con, reviewable=True)):
                if i % 7 == 0:
                    store.save_review(con, r.doc_id, r.idx, "confirmed", "bench")
            started = time.perf_counter()
            listed = store.findings(con, reviewable=True)
            list_seconds = time.perf_counter() - started
        finally:
            con.close()
        client = TestClient(make_app(db_path), base_url="http://127.0.0.1")
        page_times = []
        for _ in range(3):
            started = time.perf_counter()
            client.get("/").raise_for_status()
            page_times.append(time.perf_counter() - started)
        out = subprocess.run([sys.executable, "-c", _HTML_CHILD, str(db_path), str(Path(tmp) / "html")],
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(f"html export bench failed:\n{out.stderr[-2000:]}")
        html = json.loads(out.stdout.strip().splitlines()[-1])
    return ReviewScaleResult(n, len(listed), round(list_seconds, 3), round(median(page_times), 3),
                             round(html["seconds"], 2), round(html["rss_mb"], 1), round(size / 1024 / n, 1))


def review_table(rows: list[ReviewScaleResult]) -> str:
    head = ["reports", "FAIL/UNCERTAIN listed", "listing (s)", "summary page (s)", "`--html` (s)",
            "`--html` peak RSS MB", "DB KB / report"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        lines.append(f"| {r.reports} | {r.reviewable} | {r.list_seconds:.2f} | {r.summary_page_seconds:.2f}"
                     f" | {r.html_seconds:.1f} | {r.html_peak_rss_mb:.0f} | {r.db_kb_per_report:.1f} |")
    return "\n".join(lines) + "\n"
