"""Gold files: offsets and labels into a report's normalised text, never copies of it.

One JSON file per document in ``annotation/gold/<doc>.json``::

    {"doc": "pt2021", "source": "corpus/real/pt2021/page.txt", "text_sha256": "…",
     "catalogue_version": 1, "annotator": "…", "table_regions": [[2369, 2531], …],
     "spans": [{"start": 1757, "end": 1760, "text": "70件", "label": "APP_RECEIVED",
                "value": 70, "unit": "件", "qualifier": "exact"}, …]}

``source`` is relative to the shared folder (``../shared`` beside the checkout).  Loading
re-reads the source, rebuilds its normalised text, checks the hash and every span against
it, and raises `InputError(gold file, problem)` when anything disagrees.  A zero claim
stating two facts (``未发生行政复议和行政诉讼``) is two spans with the same offsets.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nianbao.annotation.realpages import SOURCE_PREFIX, page_text
from nianbao.errors import InputError
from nianbao.facts.catalogue import labels as catalogue_labels
from nianbao.ingest.normalise import normalise_text
from nianbao.report import QUALIFIERS, Fact

REPO = Path(__file__).resolve().parents[3]
GOLD_DIR = REPO / "annotation" / "gold"
_PLAIN_TEXT = (".txt", ".md")


def shared_dir() -> Path:
    """The shared folder: ``$NIANBAO_SHARED`` if set, else ``../shared`` beside the checkout."""
    return Path(os.environ.get("NIANBAO_SHARED") or REPO.parent / "shared")


@dataclass(frozen=True)
class GoldSpan:
    """One annotated mention: half-open code-point offsets into the normalised text."""

    start: int
    end: int
    text: str
    label: str
    value: float | int
    unit: str | None
    qualifier: str
    part_of: int | None = None  # index (in the file's spans) of the total this is a part of


@dataclass(frozen=True)
class GoldDoc:
    doc: str
    source: str  # relative to the shared folder
    text: str  # the normalised text every offset points into
    spans: tuple[GoldSpan, ...]
    table_regions: tuple[tuple[int, int], ...] = ()
    annotator: str = ""
    catalogue_version: int | str = 1  # the FACTS.md version annotated to (1, "1.2")

    def to_facts(self) -> list[Fact]:
        """The spans as `Fact`s (extractor ``"gold"``), in text order."""
        return [Fact(label=s.label, text=s.text, start=s.start, end=s.end, value=s.value,
                     unit=s.unit, qualifier=s.qualifier, extractor="gold", part_of=s.part_of) for s in self.spans]


def source_text(source: str | Path, shared: Path | None = None) -> str:
    """The normalised text of a shared source: plain text is decoded and normalised here
    (bytes, so line ends are seen as printed); other formats go through `nianbao.ingest`."""
    if str(source).startswith(SOURCE_PREFIX):  # a real page in the cache outside the repository
        return page_text(str(source)[len(SOURCE_PREFIX):])
    path = Path(source)
    if not path.is_absolute():
        path = (shared or shared_dir()) / path
    if not path.is_file():
        raise InputError(str(path), "source of a gold file not found (is ../shared beside the checkout?)")
    if path.suffix.lower() in _PLAIN_TEXT:
        return normalise_text(path.read_bytes().decode("utf-8"))
    from nianbao.ingest import convert

    return convert(str(path)).text


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_gold(doc_or_path: str | Path, *, shared: Path | None = None,
              gold_dir: Path | None = None, text: str | None = None) -> GoldDoc:
    """Load one gold file by doc id (``"pt2021"``, ``"002_bdb01e3489ce1912"``) or path,
    re-read its source and check it; any disagreement raises `InputError`.

    `text`: the source's normalised text when the caller has read it already (a PDF is
    slow to convert); it is checked against the annotated text's hash all the same."""
    path = Path(doc_or_path)
    if path.suffix != ".json":
        path = (gold_dir or GOLD_DIR) / f"{doc_or_path}.json"
    if not path.is_file():
        raise InputError(str(path), "no such gold file")
    try:
        data = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as err:
        raise InputError(str(path), f"not valid JSON ({err})") from None
    if text is None:
        text = source_text(data["source"], shared)
    if text_sha256(text) != data["text_sha256"]:
        raise InputError(str(path), f"the normalised text of {data['source']} no longer matches the "
                                    "annotated text (sha256 differs): re-check the spans before using them")
    spans = tuple(_check_span(path, text, s) for s in data["spans"])
    for i, span in enumerate(spans):
        if span.part_of is not None and not (0 <= span.part_of < len(spans) and span.part_of != i):
            raise InputError(str(path), f"span {i}: part_of {span.part_of} names no other span")
    regions = tuple((int(a), int(b)) for a, b in data.get("table_regions", ()))
    return GoldDoc(doc=data["doc"], source=data["source"], text=text, spans=spans,
                   table_regions=regions, annotator=data.get("annotator", ""),
                   catalogue_version=data.get("catalogue_version", 1))


def gold_files(directory: str | Path | None = None) -> list[Path]:
    """The gold files in `directory` (default ``annotation/gold``), in file-name order."""
    return sorted(Path(directory or GOLD_DIR).glob("*.json"))


def gold_source(path: Path) -> str:
    """The `source` a gold file annotates (relative to ../shared), without checking it."""
    try:
        return json.loads(path.read_text("utf-8"))["source"]
    except (json.JSONDecodeError, KeyError) as err:
        raise InputError(str(path), f"not a gold file ({err})") from None


def iter_gold(directory: str | Path | None = None, *, shared: Path | None = None) -> Iterator[GoldDoc]:
    """Every gold file in `directory` (default ``annotation/gold``), in file-name order."""
    for path in gold_files(directory):
        yield load_gold(path, shared=shared)


def _check_span(path: Path, text: str, raw: dict) -> GoldSpan:
    span = GoldSpan(start=int(raw["start"]), end=int(raw["end"]), text=raw["text"], label=raw["label"],
                    value=raw["value"], unit=raw.get("unit"), qualifier=raw["qualifier"], part_of=raw.get("part_of"))
    where = f"span {span.start}-{span.end} {span.label}"
    if not 0 <= span.start < span.end <= len(text):
        raise InputError(str(path), f"{where}: offsets outside the text (length {len(text)})")
    if text[span.start:span.end] != span.text:
        raise InputError(str(path), f"{where}: text reads {text[span.start:span.end]!r}, "
                                    f"the gold file says {span.text!r}")
    if span.label not in catalogue_labels():
        raise InputError(str(path), f"{where}: label not in the fact catalogue")
    if span.qualifier not in QUALIFIERS:
        raise InputError(str(path), f"{where}: unknown qualifier {span.qualifier!r}")
    return span
