"""Training documents: synthetic reports (`nianbao.synth`) and the real gold corpus
(`nianbao.annotation.gold`) as `Doc`s, and the candidate windows the model reads."""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from nianbao.tagger.data import Doc, GoldSpan, Window, WindowConfig, merge_windows


def synthetic_docs(n: int, seed: int) -> list[Doc]:
    """`n` synthetic reports; their table regions are found the way `nianbao check` finds them.

    Cached per (n, seed) within a process: cross-validation folds reuse them."""
    return list(_synthetic_docs(n, seed))


@lru_cache(maxsize=2)
def _synthetic_docs(n: int, seed: int) -> tuple[Doc, ...]:
    from nianbao.synth import generate

    docs = []
    for rep in generate(n, seed):
        spans = tuple(GoldSpan(f.start, f.end, f.label) for f in rep.facts)
        docs.append(Doc(doc_id=f"synth:{rep.id}", text=rep.text, spans=spans,
                        exclusions=tuple(table_regions(rep.text)), source="synth"))
    return tuple(docs)


def gold_docs(names: Sequence[str] | None = None) -> list[Doc]:
    """The hand-annotated real documents (all of them, or those named)."""
    from nianbao.annotation.gold import iter_gold

    docs = []
    for g in iter_gold():
        if names is not None and g.doc not in names:
            continue
        docs.append(Doc(doc_id=g.doc, text=g.text, spans=tuple(GoldSpan(s.start, s.end, s.label) for s in g.spans),
                        exclusions=tuple(tuple(r) for r in g.table_regions), source="gold"))
    return docs


def table_regions(text: str) -> list[tuple[int, int]]:
    """Where the tables of `text` lie, by the project's table parser (empty if it finds none)."""
    from nianbao import sections, tables

    parsed = tables.parse(text, sections.segment(text).sections)
    return [(t.start, t.end) for t in parsed.values() if t.start is not None]


def mention_spans(text: str, exclusions: Sequence[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Candidate mentions that may be facts: (start, end, is_zero_cue)."""
    from nianbao.facts.candidates import find_candidates

    return [(c.start, c.end, c.kind == "zero_claim") for c in find_candidates(text, list(exclusions)) if c.may_be_fact]


def doc_windows(docs: Sequence[Doc], config: WindowConfig) -> list[Window]:
    windows: list[Window] = []
    for i, doc in enumerate(docs):
        windows.extend(merge_windows(len(doc.text), mention_spans(doc.text, doc.exclusions), doc.exclusions, config, doc=i))
    return windows
