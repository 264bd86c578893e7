"""Issuer and year accuracy against a manifest that names them (`nianbao evaluate --issuers`).

The manifest is a TSV with at least the columns ``sha256``, ``issuer`` and ``year`` (the
real-page manifest ``corpus/real-pages/MANIFEST.tsv`` has source, query, sha256, chars,
issuer, year, level, split); each page's text is ``<pages>/<sha256>.txt`` where ``<pages>``
is ``$NIANBAO_REAL_PAGES``, else ``~/.cache/nianbao/real-pages``.  An empty issuer (or
``-``) in the manifest means the page names no issuer.

Counting, per page, the issuer `sections.segment` reads from the text:

* **named** — the gold issuer is printed in the page text (as written, or in its
  `normalise_issuer` form); the target is the share of these that are **right**
  (`issuer.same_issuer` with the gold);
* **invented** — an issuer found where the text names none (gold empty or not printed), or
  a name the text does not hold at all: the target is 0;
* **year** — right when equal to the manifest's year.
"""
from __future__ import annotations

import csv
import os
import re
from collections import Counter
from dataclasses import dataclass, field

from nianbao.annotation.realpages import page_path
from nianbao.issuer import normalise_issuer, same_issuer


@dataclass
class PageResult:
    sha256: str
    gold_issuer: str | None
    gold_year: int | None
    issuer: str | None
    year: int | None
    named: bool  # the gold issuer is printed in the text
    in_text: bool  # the issuer found is printed in the text
    level: str = ""
    error: str | None = None  # the page could not be read

    @property
    def issuer_right(self) -> bool:
        return self.named and same_issuer(self.issuer, self.gold_issuer)

    @property
    def invented(self) -> bool:
        if self.issuer is None:
            return False
        return not self.in_text or not self.named and not same_issuer(self.issuer, self.gold_issuer)


@dataclass
class IssuerScore:
    pages: list[PageResult] = field(default_factory=list)

    @property
    def named(self) -> int:
        return sum(p.named for p in self.pages)

    @property
    def right(self) -> int:
        return sum(p.issuer_right for p in self.pages)

    @property
    def invented(self) -> int:
        return sum(p.invented for p in self.pages)

    @property
    def with_year(self) -> int:
        return sum(p.gold_year is not None for p in self.pages)

    @property
    def year_right(self) -> int:
        return sum(p.gold_year is not None and p.year == p.gold_year for p in self.pages)

    def by_level(self) -> dict[str, tuple[int, int]]:
        """level → (issuer right, pages that name their issuer)."""
        right, named = Counter(), Counter()
        for p in self.pages:
            named[p.level] += p.named
            right[p.level] += p.issuer_right
        return {level: (right[level], named[level]) for level in sorted(named)}

    def summary(self) -> str:
        def share(a: int, b: int) -> str:
            return f"{a}/{b} ({100 * a / b:.1f} %)" if b else f"{a}/0"

        lines = [f"pages: {len(self.pages)}" + (f" ({sum(p.error is not None for p in self.pages)} unreadable)"
                                                  if any(p.error for p in self.pages) else ""),
                 f"issuer right: {share(self.right, self.named)} of the pages whose text names it",
                 f"issuer invented: {self.invented} (found where the text names none, or not printed in it)",
                 f"year right: {share(self.year_right, self.with_year)}"]
        levels = self.by_level()
        if len(levels) > 1:
            lines.append("issuer right by level: " + ", ".join(
                f"{level or '-'} {share(r, n)}" for level, (r, n) in levels.items()))
        return "\n".join(lines)


def manifest_pages(manifest: str | os.PathLike, folder: str | os.PathLike | None = None) -> list[str]:
    """The page files a manifest lists (``<folder>/<sha256>.txt``)."""
    with open(manifest, encoding="utf-8", newline="") as f:
        return [str(page_path(row["sha256"], folder)) for row in csv.DictReader(f, delimiter="\t")]


def chrome_summary(manifest: str | os.PathLike, systems: list[str], folder: str | os.PathLike | None = None) -> str:
    """Facts from page chrome on the manifest's pages, one line per extractor
    (`nianbao.body.count_chrome_facts`)."""
    from nianbao.body import count_chrome_facts

    paths = manifest_pages(manifest, folder)
    lines = []
    for system in systems:
        c = count_chrome_facts(paths, system)
        lines.append(f"{system}: {c.in_chrome} facts from chrome or outside the body of {c.facts} on {c.reports} pages "
                     f"(without the body layer: {c.without_layer}); {c.on_chrome_lines} next to a chrome word, to inspect")
    return "\n".join(lines)


def score_issuers(manifest: str | os.PathLike, folder: str | os.PathLike | None = None) -> IssuerScore:
    """Read every page the manifest lists and score its issuer and year (module docstring)."""
    from nianbao.errors import NianbaoError
    from nianbao.ingest import convert
    from nianbao.sections import segment

    score = IssuerScore()
    with open(manifest, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for row in rows:
        gold_issuer = (row.get("issuer") or "").strip()
        gold_issuer = None if gold_issuer in ("", "-") else gold_issuer
        gold_year = int(row["year"]) if (row.get("year") or "").strip().isdigit() else None
        path = page_path(row["sha256"], folder)
        issuer = year = error = None
        text = ""
        try:
            text = convert(str(path)).text
            outline = segment(text)
            issuer, year = outline.issuer, outline.year
        except NianbaoError as err:
            error = str(err)
        score.pages.append(PageResult(row["sha256"], gold_issuer, gold_year, issuer, year,
                                      named=names(text, gold_issuer), in_text=names(text, issuer),
                                      level=row.get("level") or "", error=error))
    return score


def names(text: str, issuer: str | None) -> bool:
    """Whether `text` prints `issuer`: as written, or under a name that normalises alike
    (湖溪县政府办 for 湖溪县人民政府办公室; a bare 湖溪县 only before a year or a break, not
    inside 湖溪县档案馆)."""
    if not issuer:
        return False
    flat = "".join(text.split())
    written, key = "".join(issuer.split()), normalise_issuer(issuer)
    for variant in set(_variants(issuer)):
        if len(variant) < 2 or normalise_issuer(variant) != key:
            continue
        if variant == key and key != written:  # the bare key: only before a year, a sign or a break
            if re.search(re.escape(variant) + r"(?![\u4e00-\u9fff])", flat):
                return True
        elif variant in flat:
            return True
    return False


def _variants(issuer: str) -> list[str]:
    flat = "".join(issuer.split())
    swaps = [("人民政府", "政府"), ("办公室", "办"), ("街道办事处", "街道"), ("街道办事处", "街道办"), ("管理委员会", "管委会"),
             ("政府办", "人民政府办公室"), ("街道", "街道办事处"), ("管委会", "管理委员会")]
    out = [flat, normalise_issuer(flat)]
    for a, b in swaps:
        out.extend([v.replace(a, b) for v in list(out)])
    return out
