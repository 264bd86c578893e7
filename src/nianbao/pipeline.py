"""The stage order, wired in one place: ingest → sections → tables → facts → findings.

Each stage is a small function in its own module that returns its layer; this module
assigns the layer to the `Report` and never lets a stage rewrite an earlier one.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from nianbao.errors import InputError, NianbaoError
from nianbao.report import Report


@dataclass
class CheckOptions:
    extractor: str = "model"  # "model" | "rules" | "crf" | "none"
    model_dir: str | None = None  # a trained tagger folder; None = the shipped default
    reconcile: bool = True


def read_structure(path: str) -> Report:
    """Ingest, sections and tables: everything that needs no fact extractor."""
    from nianbao import identities, ingest, sections, tables

    report = ingest.convert(path)
    outline = sections.segment(report.text)
    report.title, report.year, report.issuer = outline.title, outline.year, outline.issuer
    report.sections = outline.sections
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
    in its section."""
    for report, facts in zip(reports, extractor.extract(reports)):
        for fact in facts:
            fact.section = report.section_at(fact.start)
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

    Results come back in input order. Facts are extracted in one batch across all
    readable reports so the model sees full batches; cross-year findings link reports
    of the same issuer within the run.
    """
    options = options or CheckOptions()
    results: list[Report | NianbaoError] = []
    for path in paths:
        results.append(read_or_error(path))
    reports = [r for r in results if isinstance(r, Report)]
    add_facts_and_findings(reports, options)
    if options.reconcile:
        add_cross_year_findings(reports)
    yield from results


def check_file(path: str, options: CheckOptions | None = None) -> Report:
    """Check one file; raises `InputError` naming the file when it cannot be read."""
    (result,) = check_paths([path], options)
    if isinstance(result, NianbaoError):
        raise result
    return result
