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


def read_page_ids(path: str | Path) -> set[str]:
    """Page ids listed in a file: the first word of each line (a 16-hex id, as `add-pages` prints
    it); empty lines and lines starting with ``#`` are skipped."""
    from nianbao.errors import InputError

    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), f"cannot read the page list ({err})") from None
    ids = {line.split()[0] for line in lines if line.strip() and not line.lstrip().startswith("#")}
    if not ids:
        raise InputError(str(path), "lists no page")
    return ids


def held_out_pages(ids: set[str], splits: tuple[str, ...] = ("train", "dev"), manifest: str | Path | None = None,
                   gold_dir: str | Path | None = None) -> tuple[list[EvalDoc], list[EvalDoc]]:
    """The annotated pages of `splits`, divided into those named in `ids` (to score, held out)
    and the others (to fit on): a check on pages no rule or recipe was chosen on, made before any
    model is trained on them. A named page that is not an annotated page of `splits` raises
    `InputError`; a test page above all, which only the final measurement reads."""
    from nianbao.annotation.realpages import MANIFEST, gold_path, load_manifest
    from nianbao.errors import InputError

    entries = {e.doc: e for e in load_manifest(manifest)}
    where = str(manifest or MANIFEST)
    for doc in sorted(ids):
        entry = entries.get(doc)
        if entry is None:
            raise InputError(where, f"no page {doc!r} in the manifest")
        if entry.split not in splits:
            raise InputError(where, f"page {doc} is in the {entry.split} split, not in {', '.join(splits)}: "
                                    "pages held out this way come from the splits systems are fitted on")
        if not gold_path(entry, gold_dir).is_file():
            raise InputError(where, f"page {doc} has no gold file yet")
    pages = load_page_docs(splits, manifest, gold_dir)
    return [d for d in pages if d.doc in ids], [d for d in pages if d.doc not in ids]
