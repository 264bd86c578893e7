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
