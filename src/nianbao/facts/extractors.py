"""The fact extractors by name: ``get_extractor("rules" | "crf" | "model")``.

An extractor has ``extract(reports: list[Report]) -> list[list[Fact]]``: one list per
report, batched across documents.  Each implementation lives in its own module and is
imported only when asked for (the model pulls in onnxruntime or torch; the rules need nothing), so the
registry maps names to dotted paths.  Whatever the implementation returns, the registry
guarantees the contract: facts sorted by start and none inside a table region, in page
chrome or outside the report body (`narrative_exclusions`).
"""
from __future__ import annotations

from importlib import import_module
from typing import Protocol

from nianbao.body import overlapping
from nianbao.errors import NianbaoError
from nianbao.facts.candidates import narrative_exclusions
from nianbao.report import Fact, Report

EXTRACTORS = {
    "rules": "nianbao.facts.rules:RulesExtractor",
    "crf": "nianbao.baselines.crf:CrfExtractor",
    "model": "nianbao.tagger.predict:ModelExtractor",
}


class Extractor(Protocol):
    def extract(self, reports: list[Report]) -> list[list[Fact]]: ...


def get_extractor(name: str, model_dir: str | None = None) -> Extractor:
    """The extractor called `name`; `model_dir` picks a trained model (ignored by "rules")."""
    if name not in EXTRACTORS:
        raise NianbaoError(f"unknown extractor {name!r}; choose one of: {', '.join(EXTRACTORS)}")
    module, cls = EXTRACTORS[name].split(":")
    factory = getattr(import_module(module), cls)
    return NarrativeOnly(factory() if name == "rules" else factory(model_dir=model_dir))


class NarrativeOnly:
    """Wraps an extractor: drops facts inside table regions, page chrome or outside the report
    body, and sorts the rest by start.

    Other attributes (``version``, ``name`` …) are the wrapped extractor's.
    """

    def __init__(self, inner: Extractor):
        self.inner = inner

    def __getattr__(self, attr: str):
        return getattr(self.inner, attr)

    def extract(self, reports: list[Report]) -> list[list[Fact]]:
        out = []
        for report, facts in zip(reports, self.inner.extract(reports), strict=True):
            excluded = overlapping(narrative_exclusions(report))
            kept = [f for f in facts if not excluded(f.start, f.end)]
            out.append(sorted(kept, key=lambda f: (f.start, f.end)))
        return out
