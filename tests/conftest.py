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
