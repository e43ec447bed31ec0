"""Shared fixtures: fresh databases on every backend, migrated or empty (see ``dbhelpers``)."""

from __future__ import annotations

import os

# Before anything imports Qt: widget tests must run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from dbhelpers import BACKENDS, MigratedDatabase, fresh_database, migrated_database

from mandant_desktop.ui.collector import collect_due


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """URL of a fresh, empty database on each backend (ids: sqlite, postgresql, mariadb)."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> Iterator[str]:
    """URL of a fresh, empty SQLite file, for tests that need only one backend."""
    with fresh_database("sqlite", tmp_path) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def migrated_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[MigratedDatabase]:
    """A database at head with the catalogue synced, on each backend: ``.url``, ``.engine``,
    ``.session_factory``."""
    with migrated_database(request.param, tmp_path) as db:
        yield db


@pytest.fixture
def migrated_sqlite(tmp_path: Path) -> Iterator[MigratedDatabase]:
    """Like ``migrated_db``, SQLite only."""
    with migrated_database("sqlite", tmp_path) as db:
        yield db


@pytest.fixture(autouse=True)
def collect_garbage_between_tests() -> Iterator[None]:
    """Widget tests switch Python's automatic collection off (it must run on the GUI thread, see
    ``ui/collector.py``); here, between two tests and on the main thread, what is due is collected."""
    yield
    collect_due()
