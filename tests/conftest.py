"""Shared test fixtures: where the third-party data lives, and skipping where it is absent."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


def store_rows(db_path) -> dict:
    """Every row of every table of a store, sorted: two stores hold the same when equal."""
    connection = sqlite3.connect(db_path)
    try:
        return {table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall())
                for table in ("articles", "stories", "postings", "terms", "bands", "meta")}
    finally:
        connection.close()


def require(path: Path) -> Path:
    """Return ``path``, or skip the test with a clear message where it is absent."""
    if not path.exists():
        pytest.skip(f"third-party data not found at {path} (it lives beside the checkout in ../shared)")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return require(SEEDS)


@pytest.fixture
def data_dir() -> Path:
    return require(DATA)
