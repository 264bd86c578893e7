"""The stage order, wired in one place: ingest → sections → tables → facts → findings.

Each stage is a small function in its own module that returns its layer; this module
assigns the layer to the `Report` and never lets a stage rewrite an earlier one.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from nianbao.errors import NianbaoError
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


def add_facts_and_findings(reports: list[Report], options: CheckOptions) -> None:
    """Tag facts in every report (batched across documents) and reconcile them."""
    if options.extractor != "none":
        from nianbao.facts.extractors import get_extractor

        extractor = get_extractor(options.extractor, model_dir=options.model_dir)
        for report, facts in zip(reports, extractor.extract(reports)):
            for fact in facts:
                fact.section = report.section_at(fact.start)
            report.facts = facts
    if options.reconcile:
        from nianbao import reconcile

        for report in reports:
            report.findings.extend(reconcile.text_findings(report))
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
        try:
            results.append(read_structure(path))
        except NianbaoError as err:
            results.append(err)
    add_facts_and_findings([r for r in results if isinstance(r, Report)], options)
    yield from results


def check_file(path: str, options: CheckOptions | None = None) -> Report:
    """Check one file; raises `InputError` naming the file when it cannot be read."""
    (result,) = check_paths([path], options)
    if isinstance(result, NianbaoError):
        raise result
    return result
