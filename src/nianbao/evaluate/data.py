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

    The report text must be the very text the annotations were made on: the pipeline reads
    each source once, and the gold loader checks that text against the annotated text's hash.
    """
    from nianbao.annotation.gold import gold_files, gold_source, load_gold, shared_dir
    from nianbao.pipeline import read_structure

    docs = []
    for path in gold_files(gold_dir):
        report = read_structure(str(shared_dir() / gold_source(path)))
        gold = load_gold(path, text=report.text)
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


def load_page_docs(splits: tuple[str, ...] = ("test",), manifest: str | Path | None = None,
                   gold_dir: str | Path | None = None) -> list[EvalDoc]:
    """The annotated real pages of the given splits (`annotation.realpages`): each page read
    from the cache (checked by sha256) through the pipeline's structure step, paired with its
    gold facts (``part_of`` included). Pages of the manifest not annotated yet are skipped."""
    from nianbao.annotation.gold import load_gold
    from nianbao.annotation.realpages import gold_path, load_manifest, read_page

    docs = []
    for entry in load_manifest(manifest):
        path = gold_path(entry, gold_dir)
        if entry.split not in splits or not path.is_file():
            continue
        report = read_page(entry.sha256, entry.chars, entry.format)
        gold = load_gold(path, text=report.text)
        docs.append(EvalDoc(entry.doc, report, gold.to_facts()))
    return docs
