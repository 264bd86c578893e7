"""Table cell accuracy (and finding accuracy) on real pages against hand-made cell gold.

A cell gold file ``annotation/real-pages-cells/<id>.json`` holds facts and figures, never
the page text::

    {"sha256": "<sha256 of the page text>", "source": "<address>",
     "cells": {"t3.new_received.total": 12, "t2.regulations.issued": null, ...},
     "findings": [{"rule": "t3.balance.total", "status": "PASS"}, ...]}   # optional

A value is the number as printed, in the cell's printed unit (TABLES.md: ``1203.5万元`` →
1203.5); ``null`` is a cell printed empty or not applicable (``/``, ``—``, ``无``).  The
page text lives outside the repository in a cache folder, one ``<sha256>.txt`` per page
(`nianbao.annotation.realpages.pages_dir`: ``$NIANBAO_REAL_PAGES`` or
``~/.cache/nianbao/real-pages``); it is read as
bytes and its sha256 checked before use, and read as its manifest row's format (a whole
report kept as HTML goes through the HTML converter).  The pipeline's structure step
(`nianbao.pipeline.read_structure`) reads the tables, and each gold cell is scored:

* a number is right when the table has that cell as a number of the same value;
* ``null`` is right when the table has that cell printed empty or ``na``;
* a cell the reader left out (table not found, row not read, cut short) is wrong.

Each cell counts under the printed shape its table was read as (`Table.shape`), or
``not read`` when the table was not found.  Gold findings (optional, a list of
``{"rule", "status"[, "cells"]}`` or a mapping rule → status) are matched to the report's
findings by rule (and cells when given); the identity findings need no facts, the
``text.*`` ones need the fact extractor named by `extractor`.  Pages whose text is missing
or altered are listed under ``errors`` and scored nowhere.

**Findings against the page as printed.**  With the manifest, a page that also has narrative
gold (``annotation/real-pages/<id>.json``) is checked twice: once as `nianbao check` reads it
(its tables read, its facts from `extractor`), once as it is printed (`reference_findings`:
the gold cells as its tables, the gold facts as its narrative, the same identity and
reconciliation rules).  Every assessable reference finding (PASS, FAIL or UNCERTAIN) is
right when the check gives the same rule on the same cells, for an overlapping fact, the
same status (``reference``); and of the FAIL findings the check raises, ``fail_precision``
counts those the printed page also fails.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from nianbao.annotation.realpages import CELL_GOLD_DIR as DEFAULT_GOLD
from nianbao.annotation.realpages import load_manifest, page_format, pages_dir, read_page
from nianbao.errors import InputError, NianbaoError
from nianbao.report import Cell, Fact, Finding, Report, Table

NOT_READ = "not read"
_CELL_ID = re.compile(r"^t[234]\.[a-z_.]+$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_STATUSES = ("PASS", "FAIL", "UNCERTAIN", "NOT_ASSESSABLE")


@dataclass
class CellGold:
    id: str
    sha256: str
    source: str
    cells: dict[str, float | int | None]
    findings: list[dict] = field(default_factory=list)


def load_cell_gold(path: str | Path) -> CellGold:
    """One gold file, checked: a sha256, cell ids of TABLES.md's form, numbers or null."""
    path = Path(path)
    try:
        d = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise InputError(str(path), f"not a readable cell gold file ({err})") from None
    sha = d.get("sha256")
    if not isinstance(sha, str) or not _SHA256.match(sha):
        raise InputError(str(path), "sha256 must be the 64 hex digits of the page text's sha256")
    cells = d.get("cells")
    if not isinstance(cells, dict) or not cells:
        raise InputError(str(path), "cells must be a non-empty mapping of cell id to value")
    for cell_id, value in cells.items():
        if not _CELL_ID.match(cell_id):
            raise InputError(str(path), f"{cell_id!r} is not a cell id (t2/t3/t4.<row>.<column>)")
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise InputError(str(path), f"{cell_id}: the value must be a number or null, not {value!r}")
    findings = d.get("findings", [])
    if isinstance(findings, dict):
        findings = [{"rule": rule, "status": status} for rule, status in findings.items()]
    for finding in findings:
        if finding.get("status") not in _STATUSES or not isinstance(finding.get("rule"), str):
            raise InputError(str(path), f"a gold finding needs a rule and a status in {_STATUSES}: {finding!r}")
    return CellGold(id=path.stem, sha256=sha, source=str(d.get("source", "")), cells=dict(cells),
                    findings=list(findings))


def cell_right(gold: float | int | None, cell: Cell | None) -> bool:
    if cell is None:
        return False
    if gold is None:
        return cell.kind in ("empty", "na")
    return cell.kind == "number" and cell.value is not None and \
        abs(cell.value - gold) <= 1e-9 * max(1.0, abs(gold))


def score_cells(gold: CellGold, report: Report) -> list[dict]:
    """One row per gold cell: id, gold value, what was read, right or not, the table's shape."""
    rows = []
    for cell_id, value in gold.cells.items():
        table = report.tables.get(cell_id.split(".", 1)[0])
        cell = table.cells.get(cell_id) if table is not None else None
        shape = (table.shape or NOT_READ) if table is not None else NOT_READ
        read = None if cell is None else (cell.value if cell.kind == "number" else cell.kind)
        rows.append({"cell": cell_id, "gold": value, "read": read, "right": cell_right(value, cell),
                     "shape": shape})
    return rows


def score_findings(gold: CellGold, findings: list[Finding]) -> list[dict]:
    rows = []
    for g in gold.findings:
        cells = set(g.get("cells") or ())
        same = [f for f in findings if f.rule == g["rule"] and (not cells or set(f.cells) == cells)]
        got = same[0].status if same else None
        rows.append({"rule": g["rule"], "gold": g["status"], "read": got, "right": got == g["status"]})
    return rows


def gold_tables(gold: CellGold) -> dict[str, Table]:
    """The tables as the page prints them: each gold cell a number, or an empty cell for null."""
    tables: dict[str, Table] = {}
    for cell_id, value in gold.cells.items():
        table = tables.setdefault(cell_id[:2], Table(id=cell_id[:2]))
        table.cells[cell_id] = (Cell(raw=str(value), value=value, unit=None, kind="number") if value is not None
                                else Cell(raw="", value=None, unit=None, kind="empty"))
    return tables


def reference_findings(report: Report, gold: CellGold, facts: list[Fact]) -> list[Finding]:
    """The assessable findings of the page as printed: its gold cells as the tables, its gold
    facts as the narrative, checked by the same identities and reconciliation as a report."""
    from dataclasses import replace

    from nianbao import identities, reconcile

    printed = replace(report, tables=gold_tables(gold), facts=[replace(f) for f in facts], findings=[])
    found = identities.check(printed.tables) + reconcile.text_findings(printed)
    for finding in found:  # the facts a finding names, as spans: the two reports number facts apart
        finding.evidence["spans"] = [(printed.facts[i].start, printed.facts[i].end) for i in finding.facts]
    return [f for f in found if f.status != "NOT_ASSESSABLE"]


def _matches(finding: Finding, report: Report, ref: Finding) -> bool:
    """The check's `finding` (of `report`) is the reference's: same rule, same cells, and a fact
    overlapping the reference's (or neither names a fact)."""
    own, printed = [(report.facts[i].start, report.facts[i].end) for i in finding.facts], ref.evidence["spans"]
    return finding.rule == ref.rule and sorted(finding.cells) == sorted(ref.cells) and (
        not own and not printed or any(s < e2 and s2 < e for s, e in own for s2, e2 in printed))


def score_reference(reference: list[Finding], report: Report) -> list[dict]:
    """One row per reference finding: the status the check gave it, None when it gave none."""
    rows = []
    for ref in reference:
        same = [f for f in report.findings if _matches(f, report, ref)]
        got = same[0].status if same else None
        rows.append({"rule": ref.rule, "cells": sorted(ref.cells), "gold": ref.status, "read": got,
                     "right": got == ref.status})
    return rows


def fail_rows(reference: list[Finding], report: Report) -> list[dict]:
    """One row per FAIL the check raised: does the page as printed fail there too?"""
    printed_fails = [r for r in reference if r.status == "FAIL"]
    return [{"rule": f.rule, "cells": sorted(f.cells), "right": any(_matches(f, report, r) for r in printed_fails)}
            for f in report.findings if f.status == "FAIL"]


def evaluate_cells(gold_dir: str | Path | None = None, folder: str | Path | None = None,
                   extractor: str = "model", manifest: str | Path | None = None,
                   splits: tuple[str, ...] = ()) -> dict:
    """Score every gold file in `gold_dir` against its cached page in `folder`.

    With a `manifest` (corpus/real-pages/MANIFEST.tsv) each page is scored under its split
    too (``by_split``), and `splits` keeps only the pages of those splits (a page the
    manifest does not list is then left out and counted in ``unlisted``)."""
    from nianbao.pipeline import CheckOptions, add_facts_and_findings

    gold_dir = Path(gold_dir) if gold_dir is not None else DEFAULT_GOLD
    folder = Path(folder) if folder is not None else pages_dir()
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError(str(gold_dir), "no cell gold files (<id>.json) in this folder")
    listed = {e.sha256: e for e in load_manifest(manifest)} if manifest is not None else {}
    split_of = {sha: e.split for sha, e in listed.items()}
    if splits and manifest is None:
        raise InputError(str(gold_dir), "choosing splits needs the page manifest")
    read, errors, unlisted = [], [], 0  # (gold, split, report, reference findings or None)
    for path in files:
        try:
            gold = load_cell_gold(path)
            split = split_of.get(gold.sha256, "")
            if splits and split not in splits:
                unlisted += split == ""
                continue
            fmt = listed[gold.sha256].format if gold.sha256 in listed else page_format(gold.sha256)
            report = read_page(gold.sha256, fmt=fmt, folder=folder)
            facts = _narrative_gold(listed.get(gold.sha256), report) if extractor != "none" else None
        except NianbaoError as err:
            errors.append(str(err))
            continue
        read.append((gold, split, report, None if facts is None else reference_findings(report, gold, facts)))
    tagged = [report for gold, _, report, reference in read
              if reference is not None or any(g["rule"].startswith("text.") for g in gold.findings)]
    if tagged and extractor != "none":
        add_facts_and_findings(tagged, CheckOptions(extractor=extractor))
    pages = [{"id": gold.id, "source": gold.source, "split": split,
              "cells": score_cells(gold, report), "findings": score_findings(gold, report.findings),
              "reference": score_reference(reference, report) if reference is not None else [],
              "fails": fail_rows(reference, report) if reference is not None else [],
              "shapes": {t: table.shape or NOT_READ for t, table in report.tables.items()}}
             for gold, split, report, reference in read]
    results = summarise(pages, errors)
    if split_of:
        seen = sorted({p["split"] for p in pages})
        for key, rows in (("by_split", "cells"), ("reference_by_split", "reference")):
            results[key] = {sp: _accuracy([r for p in pages if p["split"] == sp for r in p[rows]]) for sp in seen}
        results["unlisted"] = unlisted
    return results


def _narrative_gold(entry, report: Report) -> list[Fact] | None:
    """The page's gold facts (annotation/real-pages), None when the page has none."""
    from nianbao.annotation.gold import load_gold
    from nianbao.annotation.realpages import gold_path

    if entry is None or not gold_path(entry).is_file():
        return None
    return load_gold(gold_path(entry), text=report.text).to_facts()


def _accuracy(rows: list[dict]) -> dict:
    right = sum(r["right"] for r in rows)
    return {"n": len(rows), "right": right, "accuracy": right / len(rows) if rows else None}


def summarise(pages: list[dict], errors: list[str]) -> dict:
    acc = _accuracy
    cells = [r for p in pages for r in p["cells"]]
    by_shape: dict[str, list[dict]] = defaultdict(list)
    by_table: dict[str, list[dict]] = defaultdict(list)
    for r in cells:
        by_shape[r["shape"]].append(r)
        by_table[r["cell"][:2]].append(r)
    findings = [r for p in pages for r in p["findings"]]
    return {
        "pages": len(pages),
        "cells": acc(cells),
        "by_shape": {shape: acc(rows) for shape, rows in sorted(by_shape.items())},
        "by_table": {table: acc(rows) for table, rows in sorted(by_table.items())},
        "findings": acc(findings),
        "reference": acc([r for p in pages for r in p["reference"]]),
        "reference_by_status": {status: acc([r for p in pages for r in p["reference"] if r["gold"] == status])
                                for status in ("PASS", "FAIL", "UNCERTAIN")},
        "fail_precision": acc([r for p in pages for r in p["fails"]]),
        "misses": [{"page": p["id"], **r} for p in pages for r in p["cells"] if not r["right"]],
        "finding_misses": [{"page": p["id"], **r} for p in pages for r in p["findings"] if not r["right"]],
        "reference_misses": [{"page": p["id"], **r} for p in pages for r in p["reference"] if not r["right"]],
        "fail_misses": [{"page": p["id"], **r} for p in pages for r in p["fails"] if not r["right"]],
        "errors": errors,
        "per_page": [{"id": p["id"], "source": p["source"], "shapes": p["shapes"], **acc(p["cells"])}
                     for p in pages],
    }


def cells_markdown(results: dict) -> str:
    def line(name: str, a: dict) -> str:
        shown = "–" if a["accuracy"] is None else f"{a['accuracy']:.3f}"
        return f"| {name} | {a['n']} | {a['right']} | {shown} |"

    lines = [f"Pages scored: {results['pages']}" + (f"; {len(results['errors'])} skipped (see errors)"
                                                    if results["errors"] else ""),
             "", "| cells | gold | right | accuracy |", "|---|---|---|---|", line("all", results["cells"])]
    lines += [line(f"shape: {s}", a) for s, a in results["by_shape"].items()]
    lines += [line(f"table: {t}", a) for t, a in results["by_table"].items()]
    lines += [line(f"split: {sp or 'unlisted'}", a) for sp, a in results.get("by_split", {}).items()]
    if results["findings"]["n"]:
        lines += ["", "| findings | gold | right | accuracy |", "|---|---|---|---|",
                  line("all", results["findings"])]
    if results["reference"]["n"]:
        lines += ["", "Findings against the page as printed (its gold cells and gold facts checked the same way):",
                  "", "| findings | printed | same status | accuracy |", "|---|---|---|---|",
                  line("all", results["reference"])]
        lines += [line(f"printed {status}", a) for status, a in results["reference_by_status"].items() if a["n"]]
        lines += [line(f"split: {sp or 'unlisted'}", a) for sp, a in results.get("reference_by_split", {}).items()
                  if a["n"]]
        lines.append(line("FAIL raised, printed page fails too", results["fail_precision"]))
    for err in results["errors"]:
        lines.append(f"- skipped: {err}")
    return "\n".join(lines) + "\n"
