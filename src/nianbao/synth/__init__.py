"""Synthetic annual reports with ground truth: narrative with gold fact spans, the three
tables in several printed styles, and deliberately planted disagreements.

    from nianbao.synth import generate, write_corpus
    reports = generate(200, seed=7)          # list[SyntheticReport], deterministic by seed
    write_corpus("build/synth", 200, seed=7)  # <id>.txt|.md|.html + <id>.truth.json

Synthetic data is for training and for testing the checks; it never goes into the real
evaluation sets (write it under its own folder).
"""
from __future__ import annotations

import random
from pathlib import Path

from nianbao.synth.generator import build_report, draw_year
from nianbao.synth.issuers import draw_issuer
from nianbao.synth.truth import Expectation, GoldFact, SyntheticReport

__all__ = ["generate", "write_corpus", "SyntheticReport", "GoldFact", "Expectation"]

_SUFFIX = {"txt": ".txt", "md": ".md", "html": ".html"}


def generate(n: int, seed: int, formats: tuple[str, ...] | None = None) -> list[SyntheticReport]:
    """`n` reports, deterministic by `seed`; report i depends only on (seed, i) and the
    reports before it (its issuer's last year, names already taken), never on `n`.
    `formats` limits the file formats."""
    reports: list[SyntheticReport] = []
    years: dict[str, set[int]] = {}  # issuer → years generated, so only linked reports look consecutive
    for i in range(n):
        rng = random.Random(f"nianbao-synth/{seed}/{i}")
        fmt = rng.choice(formats) if formats else None
        prev = reports[-1] if reports and reports[-1].year < 2025 and rng.random() < 0.15 else None
        if prev is not None and (prev.previous is not None or any(p.rule.startswith("t3.") for p in prev.planted)
                                 or years[prev.issuer] & {prev.year + 1, prev.year + 2}):
            prev = None  # at most two years per issuer, no neighbour year taken; a wrong table 三 starts no series
        issuer = year = None
        if prev is None:  # a new issuer, never one already reporting a year next to this one
            for _ in range(100):
                issuer, year = draw_issuer(rng), draw_year(rng)
                if not years.get(issuer.name, set()) & {year - 1, year, year + 1}:
                    break
        report = build_report(rng, f"synth-{seed}-{i:05d}", prev=prev, fmt=fmt, year=year, issuer=issuer)
        years.setdefault(report.issuer, set()).add(report.year)
        reports.append(report)
    return reports


def write_corpus(out_dir: str | Path, n: int, seed: int, formats: tuple[str, ...] | None = None) -> list[Path]:
    """Write `n` reports as `<id>.<txt|md|html>` plus `<id>.truth.json`; returns the report paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for report in generate(n, seed, formats):
        path = out / (report.id + _SUFFIX[report.format])
        path.write_text(report.file_text(), encoding="utf-8", newline="\n")
        (out / (report.id + ".truth.json")).write_text(report.to_json(file=path.name), encoding="utf-8", newline="\n")
        paths.append(path)
    return paths
