"""The fact catalogue (FACTS.md §3) as data: one source of truth for the model, the
reconciler, Label Studio's labelling config and the docs."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class LabelInfo:
    label: str
    family: str
    zh: str
    counts: str
    cues: tuple[str, ...]
    cells: tuple[tuple[str, ...], ...]  # alternative readings; each a tuple of cell ids summed


@lru_cache(maxsize=1)
def _load() -> dict:
    return json.loads(resources.files("nianbao.facts").joinpath("catalogue.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def catalogue() -> dict[str, LabelInfo]:
    return {
        d["label"]: LabelInfo(
            label=d["label"], family=d["family"], zh=d["zh"], counts=d["counts"],
            cues=tuple(d.get("cues", ())), cells=tuple(tuple(c) for c in d.get("cells", ())),
        )
        for d in _load()["labels"]
    }


def labels() -> list[str]:
    """Fact labels in catalogue order."""
    return list(catalogue())


def families() -> dict[str, dict]:
    return dict(_load()["families"])


def version() -> int:
    return int(_load()["version"])
