"""Place an annotator's fact list into a real page's text, giving the gold file `load_gold` reads.

An annotator reading a page writes each narrative fact as it is printed, not by offsets::

    {"doc": "0a1b2c3d4e5f6789", "annotator": "A", "facts": [
      {"text": "86条", "left": "全年发布信息", "label": "INFO_PUBLISHED"},
      {"text": "12条", "left": "其中通知公告", "label": "INFO_PUBLISHED", "part_of": 0},
      {"text": "未", "left": "。", "right": "发生行政复议", "label": "REVIEW_CASES"}]}

``text`` is the span (FACTS.md §1: a quantity with its unit, or a zero claim's cue); ``left`` and
``right`` are the characters just before and after it, enough to make the three together occur
once in the page; ``part_of`` is the index in the same list of the total the fact is a part of.
A zero claim denying two facts is two entries with the same text and context. Value, unit and
qualifier are read from the span by the project's normaliser (`parse_quantity`); ``value`` in
an entry overrides a magnitude the normaliser cannot read.

`place_facts` finds every span by its context and names every problem of a list at once (a span
found twice or not at all, an unknown label, a span that is no quantity, a ``part_of`` naming
no other fact), so a list is mended in one go. `place_file` does it for a page of the manifest
and writes the gold file, which is read back with `load_gold` before it counts as placed.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nianbao.annotation.gold import GoldDoc, GoldSpan, load_gold
from nianbao.annotation.realpages import SOURCE_PREFIX, PageEntry, load_manifest, page_text
from nianbao.annotation.write import write_gold
from nianbao.errors import InputError
from nianbao.facts.catalogue import labels
from nianbao.facts.normalise import parse_quantity

CATALOGUE_VERSION = "1.2"


@dataclass(frozen=True)
class ListedFact:
    """One fact as an annotator wrote it: the printed span and the context that places it."""

    text: str
    label: str
    left: str = ""
    right: str = ""
    part_of: int | None = None  # index in the list of this fact's total
    value: float | int | None = None  # only where the normaliser cannot read the magnitude


@dataclass(frozen=True)
class FactList:
    doc: str  # the page's id (16 hex of its sha256) or a longer prefix of the sha256
    annotator: str
    facts: tuple[ListedFact, ...]


class PlacementError(InputError):
    """A fact list that does not place: `problems` names each fact that failed and why."""

    def __init__(self, path: str, problems: list[str]):
        super().__init__(path, f"{len(problems)} problem(s): " + "; ".join(problems))
        self.problems = problems

    def __reduce__(self):
        return type(self), (self.path, self.problems)


def read_json(path: str | Path):
    """A fact list's JSON as written; an unreadable file is named."""
    try:
        return json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(str(path), f"not a readable JSON fact list ({err})") from None


def read_fact_list(path: str | Path) -> FactList:
    """Read an annotator's JSON fact list; a malformed file or entry is named with its index."""
    return parse_fact_list(read_json(path), str(path))


def parse_fact_list(data, path: str) -> FactList:
    """A fact list from its JSON (`path` names it in errors); a malformed entry is named with its index."""
    if not isinstance(data, dict) or not isinstance(data.get("doc"), str) or not isinstance(data.get("facts"), list):
        raise InputError(path, 'needs {"doc": "<page id>", "facts": [...]}')
    facts = []
    for i, raw in enumerate(data["facts"]):
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not isinstance(raw.get("label"), str):
            raise InputError(path, f"fact {i}: needs a text and a label")
        part_of, value = raw.get("part_of"), raw.get("value")
        if part_of is not None and (not isinstance(part_of, int) or isinstance(part_of, bool)):
            raise InputError(path, f"fact {i}: part_of must be an index into the list, not {part_of!r}")
        if value is not None and (not isinstance(value, (int, float)) or isinstance(value, bool)):
            raise InputError(path, f"fact {i}: value must be a number, not {value!r}")
        facts.append(ListedFact(text=raw["text"], label=raw["label"], left=str(raw.get("left", "")),
                                right=str(raw.get("right", "")), part_of=part_of, value=value))
    return FactList(doc=data["doc"], annotator=str(data.get("annotator", "")), facts=tuple(facts))


def occurrences(text: str, needle: str) -> list[int]:
    """Every index where `needle` starts in `text`, overlapping ones included."""
    found, at = [], text.find(needle)
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def place_facts(facts: tuple[ListedFact, ...] | list[ListedFact], text: str, where: str = "facts") -> tuple[GoldSpan, ...]:
    """The gold spans of `facts` in `text`, in list order; `PlacementError` naming every problem."""
    known = set(labels())
    problems: list[str] = []
    spans: list[GoldSpan] = []  # one per fact once every fact places, so part_of indices hold
    for i, fact in enumerate(facts):
        hits = occurrences(text, fact.left + fact.text + fact.right) if fact.text else []
        if len(hits) != 1:
            problems.append(f"fact {i} {fact.text!r} (left {fact.left!r}, right {fact.right!r}) is found "
                            f"{len(hits)} times; its context must make it occur once")
            continue
        if fact.label not in known:
            problems.append(f"fact {i} {fact.text!r}: {fact.label!r} is not a label of the catalogue")
            continue
        try:
            quantity = parse_quantity(fact.text)
        except ValueError as err:
            problems.append(f"fact {i}: {err}")
            continue
        value = quantity.value if fact.value is None else fact.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        start = hits[0] + len(fact.left)
        spans.append(GoldSpan(start, start + len(fact.text), fact.text, fact.label, value, quantity.unit,
                              quantity.qualifier, fact.part_of))
    for i, fact in enumerate(facts):
        if fact.part_of is not None and not (0 <= fact.part_of < len(facts) and fact.part_of != i):
            problems.append(f"fact {i} {fact.text!r}: part_of {fact.part_of} names no other fact of the list")
    if problems:
        raise PlacementError(where, problems)
    return tuple(spans)


def manifest_entry(doc: str, rows: list[PageEntry], where: str = "the page manifest") -> PageEntry:
    """The manifest row of page `doc` (its 16-hex id, or any longer prefix of its sha256) among
    `rows` (`load_manifest`); `where` names the manifest in errors."""
    found = [e for e in rows if e.doc == doc or (len(doc) >= 16 and e.sha256.startswith(doc))]
    if len(found) != 1:
        raise InputError(where, f"no page {doc!r} in the manifest" if not found else f"{len(found)} pages match {doc!r}")
    return found[0]


def place_file(path: str | Path, out_dir: str | Path, manifest: str | Path | None = None,
               rows: list[PageEntry] | None = None) -> GoldDoc:
    """Place the fact list at `path` into its page's cached text, write `out_dir/<doc>.json` and
    return the gold as `load_gold` reads it back. `rows`: the manifest's rows when the caller has
    read them already (placing many files reads the manifest once)."""
    listing = read_fact_list(path)
    rows = rows if rows is not None else load_manifest(manifest)
    entry = manifest_entry(listing.doc, rows, str(manifest or "the page manifest"))
    text = page_text(entry.sha256, entry.chars, entry.format)
    spans = place_facts(listing.facts, text, str(path))
    gold = GoldDoc(doc=entry.doc, source=SOURCE_PREFIX + entry.sha256, text=text, spans=spans,
                   annotator=listing.annotator, catalogue_version=CATALOGUE_VERSION)
    written = write_gold(gold, Path(out_dir) / f"{entry.doc}.json")
    return load_gold(written, text=text)


def numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of `text` with the offset of its first character (what gold offsets count)."""
    at = 0
    for line in text.split("\n"):
        yield at, line
        at += len(line) + 1
