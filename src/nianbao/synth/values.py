"""The numbers in tables 二, 三 and 四 of a synthetic report, and the cells as printed.

Values are drawn so that every identity of TABLES.md holds; `identity_failures` checks
them (a planted table error is whatever it reports after a cell was changed).
A printed cell is `{"raw", "value", "unit", "kind"}` exactly as TABLES.md describes it.
"""
from __future__ import annotations

import random
from typing import Any

APPLICANT_COLS = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org")
ORG_COLS = APPLICANT_COLS[1:]
T3_COLS = APPLICANT_COLS + ("total",)
DENIED = ("state_secret", "law_forbidden", "three_safety", "third_party", "internal_affairs",
          "process_info", "enforcement_file", "admin_query")
UNABLE = ("not_held", "needs_creation", "unclear")
NOT_PROCESSED = ("complaint", "duplicate", "publication", "excessive", "confirm_info")
OTHER_2021 = ("no_correction", "no_fee", "other")
T4_ROWS = ("review", "litigation_direct", "litigation_after_review")
T4_COLS = ("upheld", "corrected", "other", "pending", "total")


def result_rows(split_other: bool) -> list[str]:
    rows = ["granted", "partial"] + [f"denied.{r}" for r in DENIED] + [f"unable.{r}" for r in UNABLE]
    rows += [f"not_processed.{r}" for r in NOT_PROCESSED]
    rows += [f"other.{r}" for r in OTHER_2021] if split_other else ["other"]
    return rows


def t3_rows(split_other: bool) -> list[str]:
    return ["new_received", "carried_over"] + result_rows(split_other) + ["total_processed", "carried_forward"]


_RESULT_WEIGHTS = {"granted": 34, "partial": 8, "denied.state_secret": 0.3, "denied.law_forbidden": 0.5,
                   "denied.three_safety": 0.6, "denied.third_party": 1, "denied.internal_affairs": 1.2,
                   "denied.process_info": 1.5, "denied.enforcement_file": 0.8, "denied.admin_query": 1.5,
                   "unable.not_held": 25, "unable.needs_creation": 2, "unable.unclear": 1.5,
                   "not_processed.complaint": 3, "not_processed.duplicate": 2, "not_processed.publication": 0.5,
                   "not_processed.excessive": 0.5, "not_processed.confirm_info": 0.5,
                   "other": 6, "other.no_correction": 4, "other.no_fee": 0.5, "other.other": 3}


def _scale(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.12:
        return 0
    if roll < 0.55:
        return rng.randint(1, 20)
    if roll < 0.88:
        return rng.randint(21, 200)
    return rng.randint(201, 1200)


def _split(total: int, weights: list[float], rng: random.Random) -> list[int]:
    """Deal `total` items into bins by weight (a seeded multinomial)."""
    counts = [0] * len(weights)
    for _ in range(total):
        counts[rng.choices(range(len(weights)), weights)[0]] += 1
    return counts


def draw_t3(rng: random.Random, split_other: bool, carried_over: dict[str, int] | None = None) -> dict[str, dict[str, int]]:
    """Table 三 values by row and column; `carried_over` fixes 上年结转 (from last year)."""
    total_new = _scale(rng)
    natural_share = rng.uniform(0.6, 1.0)
    org_weights = [rng.random() ** 2 for _ in ORG_COLS]
    new = [0] * 6
    for _ in range(total_new):
        if rng.random() < natural_share:
            new[0] += 1
        else:
            new[1 + rng.choices(range(5), org_weights)[0]] += 1
    if carried_over is None:
        over = [0] * 6
        if total_new and rng.random() < 0.35:
            over[0] = rng.randint(1, max(1, total_new // 10 + 1))
            if rng.random() < 0.3:
                over[1] = rng.randint(0, 2)
    else:
        over = [carried_over[c] for c in APPLICANT_COLS]
    rows = result_rows(split_other)
    weights = [_RESULT_WEIGHTS[r] * rng.uniform(0.3, 1.7) for r in rows]
    values: dict[str, dict[str, int]] = {r: {} for r in t3_rows(split_other)}
    for i, col in enumerate(APPLICANT_COLS):
        available = new[i] + over[i]
        forward = 0
        if available and rng.random() < 0.3:
            forward = rng.randint(0, max(0, min(available, available // 8 + 1)))
        processed = available - forward
        dealt = _split(processed, weights, rng)
        values["new_received"][col] = new[i]
        values["carried_over"][col] = over[i]
        for r, n in zip(rows, dealt):
            values[r][col] = n
        values["total_processed"][col] = processed
        values["carried_forward"][col] = forward
    for row in values.values():
        row["total"] = sum(row[c] for c in APPLICANT_COLS)
    return values


def draw_t4(rng: random.Random) -> dict[str, dict[str, int]]:
    values = {}
    busy = rng.random() < 0.35
    for row in T4_ROWS:
        counts = [0, 0, 0, 0]
        if busy and rng.random() < (0.8 if row == "review" else 0.45):
            counts = _split(rng.randint(1, 15), [5, 1, 2, 2], rng)
        values[row] = dict(zip(T4_COLS, counts + [sum(counts)]))
    return values


def draw_t2(rng: random.Random, layout: str, in_force_before: dict[str, int] | None = None) -> dict[str, Any]:
    """Table 二 values by cell id suffix (`regulations.new_made` …); amounts are floats."""
    v: dict[str, Any] = {}
    big = rng.random() < 0.4  # a county/city government rather than a street office
    if layout == "2019":
        for row in ("regulations", "normative_docs"):
            made = 0 if row == "regulations" and (not big or rng.random() < 0.7) else rng.randint(0, 30 if big else 5)
            pub = made if rng.random() < 0.7 else rng.randint(0, made)
            v[f"{row}.new_made"], v[f"{row}.new_published"] = made, pub
            v[f"{row}.total_published"] = pub + (rng.randint(0, 120) if rng.random() < 0.6 else 0)
        for row in ("licensing", "other_services", "punishment", "coercion"):
            prev = rng.randint(0, 600) if big else rng.randint(0, 30)
            v[f"{row}.prev_items"] = prev
            v[f"{row}.change"] = rng.randint(-min(prev, 20), 20) if prev else rng.randint(0, 3)
            v[f"{row}.decisions"] = rng.randint(0, 30000 if big else 60) if rng.random() < 0.8 else 0
        v["fees.prev_items"] = rng.randint(0, 40 if big else 3)
        v["fees.change"] = rng.randint(-min(v["fees.prev_items"], 5), 5)
        v["procurement.projects"] = rng.randint(0, 400 if big else 20)
        v["procurement.amount"] = round(rng.uniform(1e4, 2e9 if big else 5e6), rng.choice((0, 2)))
        if rng.random() < 0.45:
            v["published_total"] = rng.randint(20, 60000 if big else 600)
    else:
        for row in ("regulations", "normative_docs"):
            issued = 0 if row == "regulations" and (not big or rng.random() < 0.7) else rng.randint(0, 25 if big else 5)
            repealed = rng.randint(0, 8) if rng.random() < 0.4 else 0
            if in_force_before is not None:
                before = in_force_before[row]
            else:
                before = rng.randint(0, 300 if big else 20)
            repealed = min(repealed, before)
            v[f"{row}.issued"], v[f"{row}.repealed"] = issued, repealed
            v[f"{row}.in_force"] = before + issued - repealed
        for row in ("licensing", "punishment", "coercion"):
            v[f"{row}.decisions"] = rng.randint(0, 600000 if big else 80) if rng.random() < 0.85 else 0
        v["fees.amount"] = round(rng.uniform(0, 30000 if big else 50), rng.choice((0, 2, 3))) if rng.random() < 0.7 else 0
    return v


# ---------------------------------------------------------------- printed cells

def number_cell(value: int | float, rng: random.Random, unit: str | None = None, blank_zero: float = 0.0,
                blank: str | None = None) -> dict[str, Any]:
    """A number as printed; a zero is left blank (or written as `blank`, e.g. "/") with
    probability `blank_zero`."""
    if value == 0 and rng.random() < blank_zero:
        return na_or_empty(rng, blank)
    raw = _plain(value)
    if unit:
        raw += unit
    return {"raw": raw, "value": value, "unit": unit, "kind": "number"}


def signed_cell(value: int, rng: random.Random) -> dict[str, Any]:
    raw = f"+{value}" if value > 0 and rng.random() < 0.6 else str(value)
    return {"raw": raw, "value": value, "unit": None, "kind": "number"}


def blank_token(rng: random.Random) -> str:
    """How one report writes a cell with nothing in it: "" (empty) or an na mark."""
    return rng.choice(("", "", "/", "/", "-", "—", "无"))


def na_or_empty(rng: random.Random, token: str | None = None) -> dict[str, Any]:
    token = blank_token(rng) if token is None else token
    if token == "":
        return {"raw": "", "value": None, "unit": None, "kind": "empty"}
    return {"raw": token, "value": None, "unit": None, "kind": "na"}


def amount_cell(yuan: float, rng: random.Random) -> dict[str, Any]:
    """A procurement amount as printed: plain 元, or 万元 / 亿元 written in the cell."""
    roll = rng.random()
    if yuan >= 1e8 and roll < 0.4:
        value = round(yuan / 1e8, 2)
        prefix = "人民币" if rng.random() < 0.3 else ""
        return {"raw": f"{prefix}{_plain(value)}亿元", "value": value, "unit": "亿元", "kind": "number"}
    if yuan >= 1e4 and roll < 0.7:
        value = round(yuan / 1e4, 2)
        return {"raw": f"{_plain(value)}万元", "value": value, "unit": "万元", "kind": "number"}
    value = int(yuan) if float(yuan).is_integer() else yuan
    return {"raw": _plain(value), "value": value, "unit": None, "kind": "number"}


def _plain(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def t2_cells(values: dict[str, Any], layout: str, rng: random.Random) -> dict[str, dict[str, Any]]:
    cells: dict[str, dict[str, Any]] = {}
    sloppy = rng.random() < 0.3  # some reports leave zero cells blank or write /
    token = blank_token(rng)
    for key, value in values.items():
        cid = f"t2.{key}"
        if key.endswith(".change"):
            cells[cid] = na_or_empty(rng, token) if sloppy and value == 0 and rng.random() < 0.5 else signed_cell(value, rng)
        elif key == "procurement.amount":
            cells[cid] = amount_cell(value, rng) if value else na_or_empty(rng, token)
        elif key == "fees.amount":
            cells[cid] = number_cell(value, rng, blank_zero=0.4 if sloppy else 0.0, blank=token)
        else:
            unit = "个" if key.endswith(".decisions") and rng.random() < 0.05 else None
            cells[cid] = number_cell(value, rng, unit, blank_zero=0.3 if sloppy else 0.0, blank=token)
    return cells


def grid_cells(table: str, values: dict[str, dict[str, int]], rng: random.Random,
               blank_zero: float = 0.0) -> dict[str, dict[str, Any]]:
    token = blank_token(rng)
    return {f"{table}.{row}.{col}": number_cell(v, rng, blank_zero=blank_zero, blank=token)
            for row, cols in values.items() for col, v in cols.items()}


# ---------------------------------------------------------------- identities

def identity_results(cells: dict[str, dict[str, Any]], split_other: bool) -> list[dict[str, Any]]:
    """Every TABLES.md identity of tables 三 and 四 with the verdict it must get:
    PASS / FAIL when all its cells are numbers, UNCERTAIN when one is empty or `na`.

    Returns `{"rule", "status", "left", "right", "cells"}` records (sides None when unreadable)."""
    out: list[dict[str, Any]] = []

    def check(rule: str, left_ids: list[str], right_ids: list[str]) -> None:
        values = [cells[c]["value"] for c in left_ids + right_ids]
        if any(v is None for v in values):
            out.append({"rule": rule, "status": "UNCERTAIN", "left": None, "right": None, "cells": left_ids + right_ids})
            return
        left, right = sum(values[:len(left_ids)]), sum(values[len(left_ids):])
        out.append({"rule": rule, "status": "PASS" if left == right else "FAIL", "left": left, "right": right,
                    "cells": left_ids + right_ids})

    for row in t3_rows(split_other):
        check(f"t3.col_sum.{row}", [f"t3.{row}.{c}" for c in APPLICANT_COLS], [f"t3.{row}.total"])
    for col in T3_COLS:
        check(f"t3.results_total.{col}", [f"t3.{r}.{col}" for r in result_rows(split_other)],
              [f"t3.total_processed.{col}"])
        check(f"t3.balance.{col}", [f"t3.new_received.{col}", f"t3.carried_over.{col}"],
              [f"t3.total_processed.{col}", f"t3.carried_forward.{col}"])
    for row in T4_ROWS:
        check(f"t4.sum.{row}", [f"t4.{row}.{c}" for c in T4_COLS[:4]], [f"t4.{row}.total"])
    return out


def identity_failures(cells: dict[str, dict[str, Any]], split_other: bool) -> list[dict[str, Any]]:
    """The identities that must come out FAIL (all cells numbers, sides unequal)."""
    return [r for r in identity_results(cells, split_other) if r["status"] == "FAIL"]
