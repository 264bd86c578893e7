"""Shared fixtures: the real reports live in ../shared beside the checkout (never copied)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
REAL = SHARED / "corpus" / "real"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    assert SHARED.is_dir(), f"../shared must sit beside the checkout (looked in {SHARED})"
    return SHARED


def seed_path(prefix: str) -> Path:
    """A seed report by its number prefix, e.g. seed_path('002')."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def real_path(doc: str) -> Path:
    """A real-corpus report by its MANIFEST doc id, e.g. real_path('pt2021')."""
    (path,) = (REAL / doc).iterdir()
    return path


@pytest.fixture
def page_corpus(tmp_path, monkeypatch):
    """A real-page cache and manifest of the test's own: ``page_corpus([(text, fields), ...])``
    caches each text by its sha256 and writes one manifest row for it (`fields`: the row's
    source, query, issuer, year, level and split); returns the manifest and the rows."""
    from nianbao.annotation.realpages import PageEntry, cache_page, write_manifest

    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("NIANBAO_REAL_PAGES", str(cache))

    def build(pages):
        rows = [PageEntry(sha256=cache_page(text, cache), chars=len(text), **fields) for text, fields in pages]
        return write_manifest(rows, tmp_path / "MANIFEST.tsv"), rows

    return build


def _town_page(town: str, published: int) -> str:
    return (f"{town}人民政府2024年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息{published}条。"
            f"全年收到政府信息公开申请{published % 7 + 1}件，均已按时答复。")


@pytest.fixture
def pages(page_corpus, tmp_path):
    """Four annotated pages: two train, one dev, one test; returns their ids, the manifest and the gold folder."""
    from nianbao.annotation.gold import GoldDoc
    from nianbao.annotation.place import ListedFact, place_facts
    from nianbao.annotation.write import write_gold

    towns = (("甲镇", 41, "train"), ("乙镇", 52, "train"), ("丙镇", 63, "dev"), ("丁镇", 74, "test"))
    texts = [_town_page(town, published) for town, published, _ in towns]
    manifest, rows = page_corpus([(text, dict(source=f"https://www.example.invalid/{town}", query="q",
                                              issuer=f"{town}人民政府", year=2024, level="township", split=split))
                                  for text, (town, _, split) in zip(texts, towns, strict=True)])
    gold_dir = tmp_path / "gold"
    for row, text, (_, published, _) in zip(rows, texts, towns, strict=True):
        spans = place_facts([ListedFact(f"{published}条", "INFO_PUBLISHED", left="政府信息"),
                             ListedFact(f"{published % 7 + 1}件", "APP_RECEIVED", left="申请")], text)
        write_gold(GoldDoc(row.doc, f"real-pages:{row.sha256}", text, spans, catalogue_version="1.2"),
                   gold_dir / f"{row.doc}.json")
    return [r.doc for r in rows], manifest, gold_dir
