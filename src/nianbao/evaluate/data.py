"""Evaluation and training documents: gold facts paired with the report they annotate."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nianbao.report import Fact, Report


@dataclass
class EvalDoc:
    doc: str
    report: Report  # structure read by the pipeline (tables located, so narrative is known)
    gold: list[Fact]


def load_gold_docs(gold_dir: str | Path | None = None) -> list[EvalDoc]:
    """The gold-annotated corpus (default: annotation/gold), each with its report's structure.

    The report text must be the very text the annotations were made on; the loader checks
    the hash, and this checks the pipeline reads the same text.
    """
    from nianbao.annotation.gold import iter_gold, shared_dir
    from nianbao.pipeline import read_structure

    docs = []
    for gold in iter_gold(Path(gold_dir)) if gold_dir else iter_gold():
        path = shared_dir() / gold.source
        report = read_structure(str(path))
        if report.text != gold.text:
            raise ValueError(f"{path}: the pipeline's text differs from the annotated text of {gold.doc}")
        docs.append(EvalDoc(gold.doc, report, gold.to_facts()))
    return docs


def synthetic_docs(n: int, seed: int) -> list[EvalDoc]:
    """Generated reports with their gold spans (training data only, never evaluation)."""
    from nianbao import sections, tables
    from nianbao.report import Report
    from nianbao.synth import generate

    docs = []
    for s in generate(n, seed):
        report = Report(doc_id=s.id, source=s.id, format=s.format, text=s.text)
        report.sections = sections.segment(s.text).sections
        report.tables = tables.parse(s.text, report.sections)
        gold = [Fact(label=g.label, text=g.text, start=g.start, end=g.end, value=g.value, unit=g.unit,
                     qualifier=g.qualifier, extractor="gold") for g in s.facts]
        docs.append(EvalDoc(s.id, report, gold))
    return docs
