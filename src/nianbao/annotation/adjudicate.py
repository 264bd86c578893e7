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


def _placed(folder: Path | None) -> set[str]:
    """The pages a pass placed: its gold files' ids (none where there is no folder)."""
    return {p.stem for p in folder.glob("*.json")} if folder and folder.is_dir() else set()


def _span_keys(doc) -> set[tuple[str, int, int]]:
    return {(s.label, s.start, s.end) for s in doc.spans}


def merge_final_gold(first: str | Path, second: str | Path, adjudicated: str | Path | None,
                     gold_dir: str | Path, second_dir: str | Path, *, replace: bool = False) -> dict:
    """Write the final gold of two blind passes: for every page the first pass placed, the
    adjudicated file where there is one, else the first pass's, into `gold_dir`; the second
    pass's file, where it placed the page, into `second_dir` (the pass agreement is scored on).

    Every problem is named before anything is written, and any problem writes nothing: a page the
    passes disagree on with no adjudicated file (its disagreement is undecided), an adjudicated file
    that drops a fact both passes share or that names no page of the first pass, a page only the
    second pass placed, a file that does not load against its page, and (without `replace`) a
    destination file that already holds something else. Returns what was written."""
    from nianbao.annotation.gold import load_gold
    from nianbao.evaluate.agreement import second_pass_agreement

    first, second = Path(first) / "gold", Path(second) / "gold"
    adjudicated = Path(adjudicated) / "gold" if adjudicated else None
    pages, seconds, decided = _placed(first), _placed(second), _placed(adjudicated)
    if not pages:
        raise InputError(str(first), "the first pass placed no page")
    problems = [f"{second / doc}.json: placed by the second pass only" for doc in sorted(seconds - pages)]
    problems += [f"{adjudicated / doc}.json: no page of the first pass" for doc in sorted(decided - pages)]
    both = pages & seconds
    disputed = {row["doc"] for row in second_pass_agreement(first, second, docs=both)["disagreements"]} if both else set()
    writes: list[tuple[bytes, Path]] = []  # each file's bytes, read once, and where they go
    for doc in sorted(pages):
        try:
            first_pass = load_gold(first / f"{doc}.json")
            final = first / f"{doc}.json"
            if doc in decided:
                final = adjudicated / f"{doc}.json"
                decision = load_gold(final, text=first_pass.text)
                shared = _span_keys(first_pass) & _span_keys(load_gold(second / f"{doc}.json", text=first_pass.text)) \
                    if doc in both else set()
                dropped = shared - _span_keys(decision)
                if dropped:
                    problems.append(f"{final}: drops {len(dropped)} facts both passes share "
                                    f"({', '.join(f'{label} at {a}-{b}' for label, a, b in sorted(dropped, key=lambda k: k[1]))})")
            elif doc in disputed:
                problems.append(f"{final}: the passes disagree on this page and no adjudicated file decides it")
        except InputError as err:
            problems.append(str(err))
            continue
        writes.append((final.read_bytes(), Path(gold_dir) / f"{doc}.json"))
        if doc in both:
            writes.append(((second / f"{doc}.json").read_bytes(), Path(second_dir) / f"{doc}.json"))
    for data, target in writes:
        if not replace and target.is_file() and target.read_bytes() != data:
            problems.append(f"{target}: already holds another annotation (replace it on purpose with --replace)")
    if problems:
        raise InputError(str(first.parent), f"{len(problems)} problems, nothing written:\n" + "\n".join(problems))
    for data, target in writes:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return {"pages": len(pages), "adjudicated": len(pages & decided), "second_pass": len(both),
            "disputed": len(disputed), "written": len(writes)}
