"""Write gold files in the one canonical form that `load_gold` reads."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from nianbao.annotation.gold import GoldDoc, text_sha256


def gold_to_dict(gold: GoldDoc) -> dict:
    """The JSON form: offsets, labels and the hash of the text; never the text itself."""
    order = sorted(range(len(gold.spans)), key=lambda k: (gold.spans[k].start, gold.spans[k].end, gold.spans[k].label))
    moved = {old: new for new, old in enumerate(order)}  # part_of follows its total to its new place
    spans = [_span_dict(gold.spans[k], moved) for k in order]
    return {"doc": gold.doc, "source": gold.source, "text_sha256": text_sha256(gold.text),
            "catalogue_version": gold.catalogue_version, "annotator": gold.annotator,
            "table_regions": [list(r) for r in gold.table_regions],
            "spans": spans}


def _span_dict(span, moved: dict[int, int]) -> dict:
    """A span's JSON; ``part_of`` only on parts (files made before FACTS.md v1.2 have none)."""
    d = asdict(span)
    d.pop("part_of")
    if span.part_of is not None:
        d["part_of"] = moved[span.part_of]
    return d


def write_gold(gold: GoldDoc, path: str | Path) -> Path:
    """Write `gold` to `path` (UTF-8, one span per line) and return the path."""
    data = gold_to_dict(gold)
    head = {k: v for k, v in data.items() if k != "spans"}
    lines = [json.dumps(s, ensure_ascii=False) for s in data["spans"]]
    body = json.dumps(head, ensure_ascii=False)[:-1]
    body += ', "spans": [\n  ' + ",\n  ".join(lines) + "\n]}\n" if lines else ', "spans": []}\n'
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, "utf-8")
    return path
