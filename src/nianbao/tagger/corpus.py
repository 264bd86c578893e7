"""Training documents: synthetic reports (`nianbao.synth`) and the real gold corpus
(`nianbao.annotation.gold`) as `Doc`s, and the candidate windows the model reads.

Both come through the evaluation loaders (`nianbao.evaluate.data`), which read each text's
structure the way `nianbao check` does."""
from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

from nianbao.tagger.data import Doc, GoldSpan, Window, WindowConfig, merge_windows


def synthetic_docs(n: int, seed: int) -> list[Doc]:
    """`n` synthetic reports, their narrative bounded as `nianbao check` bounds it.

    Cached per (n, seed) within a process: cross-validation folds reuse them."""
    return list(_synthetic_docs(n, seed))


@lru_cache(maxsize=2)
def _synthetic_docs(n: int, seed: int) -> tuple[Doc, ...]:
    from nianbao.evaluate.data import synthetic_docs as synthetic_eval_docs

    return tuple(as_doc(d, source="synth") for d in synthetic_eval_docs(n, seed))


def gold_docs(names: Sequence[str] | None = None) -> list[Doc]:
    """The hand-annotated real documents (all of them, or those named)."""
    from nianbao.evaluate.data import load_gold_docs

    return [as_doc(d) for d in load_gold_docs() if names is None or d.doc in names]


def page_docs(splits: tuple[str, ...], manifest: str | os.PathLike | None = None) -> list[Doc]:
    """The annotated real pages of these splits (`nianbao.annotation.realpages`), as `manifest`
    lists them (default: the repository's)."""
    from nianbao.evaluate.data import load_page_docs

    return [as_doc(d) for d in load_page_docs(splits, manifest)]


def as_doc(d, source: str = "gold") -> Doc:
    """A `Doc` from a `Doc` or an evaluation document (``.doc``, ``.report``, ``.gold`` facts).

    Its exclusions are `narrative_exclusions` of the report, exactly what inference reads
    around, so training and `nianbao check` see the same narrative."""
    if isinstance(d, Doc):
        return d
    from nianbao.facts.candidates import narrative_exclusions

    return Doc(doc_id=d.doc, text=d.report.text, spans=tuple(GoldSpan(f.start, f.end, f.label) for f in d.gold),
               exclusions=tuple(narrative_exclusions(d.report)), source=source)


def mention_spans(candidates) -> list[tuple[int, int, bool]]:
    """The candidates (`facts.candidates.find_candidates`) that may be facts: (start, end, is_zero_cue)."""
    return [(c.start, c.end, c.kind == "zero_claim") for c in candidates if c.may_be_fact]


def doc_windows(docs: Sequence[Doc], config: WindowConfig) -> list[Window]:
    from nianbao.facts.candidates import find_candidates

    windows: list[Window] = []
    for i, doc in enumerate(docs):
        found = mention_spans(find_candidates(doc.text, list(doc.exclusions)))
        windows.extend(merge_windows(len(doc.text), found, doc.exclusions, config, doc=i))
    return windows
