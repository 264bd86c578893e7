"""The stage order, wired in one place: ingest → sections → tables → facts → findings.

Each stage is a small function in its own module that returns its layer; this module
assigns the layer to the `Report` and never lets a stage rewrite an earlier one.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from nianbao.errors import InputError, NianbaoError
from nianbao.report import Report


@dataclass
class CheckOptions:
    extractor: str = "model"  # "model" | "rules" | "crf" | "none"
    model_dir: str | None = None  # a trained tagger folder; None = the shipped default
    reconcile: bool = True
    # read PDFs in a spawned helper process beside the main one (`check_paths`); off for
    # library callers, whose main module a spawned process would import again
    pdf_helper: bool = False


def read_structure(path: str, fmt: str | None = None) -> Report:
    """Ingest, sections (with the report body and its page chrome) and tables: everything that
    needs no fact extractor.  `fmt`: the file's format when its name cannot say it
    (`nianbao.ingest.convert`)."""
    from nianbao import identities, ingest, sections, tables

    report = ingest.convert(path, fmt=fmt)
    outline = sections.segment(report.text)
    report.title, report.year, report.issuer = outline.title, outline.year, outline.issuer
    report.sections = outline.sections
    report.body, report.chrome = outline.body, outline.chrome
    report.warnings.extend(outline.warnings)
    report.tables = tables.parse(report.text, report.sections)
    report.findings.extend(identities.check(report.tables))
    return report


@lru_cache(maxsize=4)
def _extractor(name: str, model_dir: str | None):
    """One extractor (one model load) per process, reused for every batch of reports."""
    from nianbao.facts.extractors import get_extractor

    return get_extractor(name, model_dir=model_dir)


def read_or_error(path: str) -> Report | NianbaoError:
    """`read_structure`, with any failure turned into an error that names the file."""
    try:
        return read_structure(path)
    except NianbaoError as err:
        return err
    except Exception as err:  # a bug must not stop a multi-file run; say what happened
        return InputError(path, f"internal error while reading ({type(err).__name__}: {err}); please report it")


def tag_reports(reports: list[Report], extractor) -> None:
    """The facts layer: `extractor.extract` over all reports in one batch, each fact placed
    in its section and linked to the total it is a part of (`facts.parts`)."""
    from nianbao.facts.parts import link_parts

    for report, facts in zip(reports, extractor.extract(reports)):
        for fact in facts:
            fact.section = report.section_at(fact.start)
        link_parts(report.text, facts)
        report.facts = facts


def add_facts_and_findings(reports: list[Report], options: CheckOptions) -> None:
    """Tag facts in every report (batched across documents) and reconcile them."""
    if options.extractor != "none":
        tag_reports(reports, _extractor(options.extractor, options.model_dir))
    if options.reconcile:
        from nianbao import reconcile

        for report in reports:
            report.findings.extend(reconcile.text_findings(report))


def add_cross_year_findings(reports: list[Report]) -> None:
    """Link reports of the same issuer in consecutive years (last year's 结转 = this year's)."""
    from nianbao import reconcile

    for report, findings in reconcile.cross_year_findings(reports):
        report.findings.extend(findings)


def check_paths(paths: Iterable[str], options: CheckOptions | None = None) -> Iterator[Report | NianbaoError]:
    """Check several files; a file that cannot be read yields its error and the rest go on.

    Results come back in input order. Facts are extracted in batches across the readable
    reports so the model sees full batches; cross-year findings link reports of the same
    issuer within the run.  With `options.pdf_helper`, more than one file and more than one
    core, PDFs are read in a helper process while this one reads, tags and reconciles the
    other files, and are tagged as a second batch when they arrive (same results).
    """
    from nianbao.ingest import slow_to_read

    options = options or CheckOptions()
    paths = list(paths)
    slow = [i for i, p in enumerate(paths) if slow_to_read(p)]
    if not options.pdf_helper or len(paths) < 2 or (os.cpu_count() or 1) < 2:
        slow = []
    results: list[Report | NianbaoError | None] = [None] * len(paths)
    with _reader(bool(slow)) as pool:
        pending = {i: pool.submit(read_or_error, paths[i]) for i in slow}
        for i, path in enumerate(paths):
            if i not in pending:
                results[i] = read_or_error(path)
        add_facts_and_findings([r for r in results if isinstance(r, Report)], options)
        for i, future in pending.items():
            results[i] = _collected(paths[i], future)
        add_facts_and_findings([results[i] for i in pending if isinstance(results[i], Report)], options)
    reports = [r for r in results if isinstance(r, Report)]
    if options.reconcile:
        add_cross_year_findings(reports)
    yield from results


@contextmanager
def _reader(wanted: bool):
    """A one-process pool for reading slow files beside the main process (None when not wanted)."""
    if not wanted:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield pool


def _collected(path: str, future) -> Report | NianbaoError:
    """A helper process's report; read here instead if that process died (a crash is not the file's fault)."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        return read_or_error(path)


def check_file(path: str, options: CheckOptions | None = None) -> Report:
    """Check one file; raises `InputError` naming the file when it cannot be read."""
    (result,) = check_paths([path], options)
    if isinstance(result, NianbaoError):
        raise result
    return result
