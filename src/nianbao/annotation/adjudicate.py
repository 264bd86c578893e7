"""Adjudication packets: where two blind passes over the same pages disagree, one file per page
for an adjudicator, who must not know which pass was the first.

Each pass folder holds the annotators' fact lists (``facts/<doc>.json``, `nianbao.annotation.place`)
and the gold files placed from them (``gold/<doc>.json``). On the pages both passes placed,
`adjudication_packets` scores the second against the first (`second_pass_agreement`) and writes,
for every page with facts the passes do not share at value level, ``<out>/<doc>.json``::

    {"doc": "…", "reading_X": [fact list], "reading_Y": [fact list],
     "not_shared": [{"label", "start", "end", "span", "value", "only_in": "X" | "Y"}, …]}

Which pass is X is fixed by a hash of the page id (`first_is_x`), so it differs from page to page
and the packet does not say it. The adjudicator writes the page's whole fact list after deciding,
placed as any other (`nianbao annotate place`).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from nianbao.annotation.place import parse_fact_list, read_json
from nianbao.errors import InputError


def first_is_x(doc: str) -> bool:
    """Whether the first pass is shown as reading X on page `doc` (by a hash of its id)."""
    return int(hashlib.sha256(doc.encode("utf-8")).hexdigest(), 16) % 2 == 0


def _listed(path: Path) -> list[dict]:
    """A fact list's facts as the annotator wrote them, the file read once and checked."""
    data = read_json(path)
    parse_fact_list(data, str(path))
    return data["facts"]


def adjudication_packets(first: str | Path, second: str | Path, out: str | Path) -> dict:
    """Write one packet per page the two passes disagree on; return the agreement on the pages
    both placed (as `second_pass_agreement` gives it) with ``packets``: the pages written."""
    from nianbao.evaluate.agreement import second_pass_agreement

    first, second, out = Path(first), Path(second), Path(out)
    both = {p.stem for p in (first / "gold").glob("*.json")} & {p.stem for p in (second / "gold").glob("*.json")}
    if not both:
        raise InputError(str(second), f"no page placed in both {first / 'gold'} and {second / 'gold'}")
    result = second_pass_agreement(first / "gold", second / "gold", docs=both)
    by_page: dict[str, list[dict]] = {}
    for row in result["disagreements"]:
        by_page.setdefault(row["doc"], []).append(row)
    out.mkdir(parents=True, exist_ok=True)
    for doc, rows in sorted(by_page.items()):
        x_is_first = first_is_x(doc)
        readings = _listed(first / "facts" / f"{doc}.json"), _listed(second / "facts" / f"{doc}.json")
        x, y = readings if x_is_first else readings[::-1]
        not_shared = [{key: row[key] for key in ("label", "start", "end", "span", "value")}
                      | {"only_in": "X" if (row["kind"] == "first_only") == x_is_first else "Y"} for row in rows]
        packet = {"doc": doc, "reading_X": x, "reading_Y": y, "not_shared": not_shared}
        (out / f"{doc}.json").write_text(json.dumps(packet, ensure_ascii=False, indent=1), "utf-8")
    return result | {"packets": sorted(by_page)}
