"""Write gold files in the one canonical form that `load_gold` reads."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from nianbao.annotation.gold import GoldDoc, text_sha256


def gold_to_dict(gold: GoldDoc) -> dict:
    """The JSON form: offsets, labels and the hash of the text; never the text itself."""
    spans = sorted(gold.spans, key=lambda s: (s.start, s.end, s.label))
    return {"doc": gold.doc, "source": gold.source, "text_sha256": text_sha256(gold.text),
            "catalogue_version": gold.catalogue_version, "annotator": gold.annotator,
            "table_regions": [list(r) for r in gold.table_regions],
            "spans": [asdict(s) for s in spans]}


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
