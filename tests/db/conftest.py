"""Fixtures of the schema tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine

from mandant_desktop.db.engine import create_engine_for


@pytest.fixture
def engines() -> Iterator[Callable[[str], Engine]]:
    """Engines opened by a test, disposed after it (a dangling connection would block DROP DATABASE)."""
    opened: list[Engine] = []

    def open_engine(url: str) -> Engine:
        engine = create_engine_for(url)
        opened.append(engine)
        return engine

    yield open_engine
    for engine in opened:
        engine.dispose()
