"""What a review is keyed by: a finding's evidence in a canonical form, its hash, and its
place (locus). Computed where a report's findings are stored (`batch.db`, `batch.links`),
kept as rows of ``finding_keys``, and again from the stored report when one report is shown
(`review.store.findings` with a doc_id): both read the same JSON, so both give the same key.
"""
from __future__ import annotations

import hashlib
import json
from typing import Any

REVIEWED_STATUSES = ("FAIL", "UNCERTAIN")


def evidence_of(facts: list[dict | None], cells: list[tuple[str, str | None, float | None]],
                stored_evidence: dict[str, Any]) -> dict[str, Any]:
    """The part of a finding its review depends on, in a canonical form (as JSON reads it
    back: what a finding computed in memory hashes to is what its stored report hashes to)."""
    previous = stored_evidence.get("previous") if isinstance(stored_evidence, dict) else None
    evidence = {
        "facts": [None if f is None else [f["label"], f["start"], f["end"], f["text"], f["value"]] for f in facts],
        "cells": [[cell_id, raw, value] for cell_id, raw, value in cells],
        "previous": previous,
    }
    return json.loads(json.dumps(evidence, ensure_ascii=False))


def evidence_hash(evidence: dict[str, Any]) -> str:
    blob = json.dumps(evidence, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def locus_of(source: str, rule: str, cells: list[str], fact_labels: list[str | None]) -> str:
    return json.dumps([source, rule, sorted(cells), fact_labels], ensure_ascii=False)


def cell_texts(report: dict[str, Any]) -> dict[str, tuple[str | None, float | None]]:
    """cell id -> (printed text, value) of a stored report (an OUTPUT.md object)."""
    return {cell_id: (c.get("raw"), c.get("value"))
            for table in report["tables"].values() for cell_id, c in table["cells"].items()}


def finding_key(finding: dict[str, Any], facts: list[dict], cells: dict[str, tuple], source: str
                ) -> tuple[dict[str, Any], str, str]:
    """(evidence, its sha256, locus) of one finding (an OUTPUT.md finding object) of the report
    whose `facts` and `cells` (`cell_texts`) are given; empty for a finding nobody reviews."""
    if finding["status"] not in REVIEWED_STATUSES:
        return {}, "", ""
    fact_rows = [_fact_row(facts[i]) if 0 <= i < len(facts) else None for i in finding["facts"]]
    cell_rows = [(c, *cells.get(c, (None, None))) for c in finding["cells"]]
    evidence = evidence_of(fact_rows, cell_rows, finding["evidence"] or {})
    locus = locus_of(source, finding["rule"], list(finding["cells"]), [r["label"] if r else None for r in fact_rows])
    return evidence, evidence_hash(evidence), locus


def key_rows(findings: list[dict[str, Any]], facts: list[dict], cells: dict[str, tuple], source: str,
             first_idx: int = 0) -> list[tuple]:
    """The ``finding_keys`` rows (idx, cells_json, facts_json, evidence_json, evidence_sha256,
    locus) of the FAIL and UNCERTAIN ones among `findings`, numbered from `first_idx`."""
    rows = []
    for idx, f in enumerate(findings, first_idx):
        if f["status"] in REVIEWED_STATUSES:
            evidence, sha, locus = finding_key(f, facts, cells, source)
            rows.append((idx, json.dumps(list(f["cells"]), ensure_ascii=False), json.dumps(list(f["facts"])),
                         json.dumps(evidence, ensure_ascii=False), sha, locus))
    return rows


def _fact_row(fact: dict) -> dict:
    return {"label": fact["label"], "start": fact["start"], "end": fact["end"], "text": fact["text"],
            "value": fact["value"]}
