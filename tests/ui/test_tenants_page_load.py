"""The tenants page's first load at a start, begun on the log-in's worker (issue 8): handed to
the page once, and only for exactly the load it asks for; else the page loads as always."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from types import SimpleNamespace
from typing import Any

import pytest

from mandant_desktop.services.operator import Operator
from mandant_desktop.ui.tenants import page_load


class _Services:
    def __init__(self, remembered: frozenset[int] | None) -> None:
        self.remembered = remembered
        self.loads: list[Operator] = []
        self.tenants = SimpleNamespace(load_filter=lambda _operator: self.remembered)
        self.access = SimpleNamespace(load_with_tenants=self._load)

    def _load(self, operator: Operator, cells_of: Any, first_users: int | None = None) -> tuple[list[Any], str]:
        self.loads.append(operator)
        tenants = [SimpleNamespace(id=1, parent_id=None), SimpleNamespace(id=2, parent_id=1)]
        return tenants, f"matrix of {cells_of(tenants)} for {len(self.loads)}"


OPERATOR = Operator(7, "anna", permissions=frozenset({"tenants.view"}))


@pytest.fixture
def started() -> Any:
    services = _Services(frozenset({1}))
    app = SimpleNamespace(services=services, display_url=object())
    with ThreadPoolExecutor(max_workers=1) as pool:
        page_load.begin(pool, app, OPERATOR, 2)  # type: ignore[arg-type]
    yield app, services
    page_load.discard()


def test_the_start_load_is_taken_once_for_the_load_the_page_asks_for(started: Any) -> None:
    app, services = started
    filtered = replace(OPERATOR, tenant_filter=frozenset({1}))
    remembered = page_load.take_filter(app, OPERATOR)
    assert remembered is not None and remembered.result() == frozenset({1})
    load = page_load.take(app, filtered, 2, False)
    assert load is not None
    result = load(services, filtered, 2, False)
    assert result.selected == 2 and result.loaded == [2] and len(services.loads) == 1  # not read again
    assert page_load.take(app, filtered, 2, False) is None  # once only
    assert page_load.take_filter(app, OPERATOR) is None


@pytest.mark.parametrize(
    ("other_database", "keep", "everything"),
    [(True, 2, False), (False, 1, False), (False, 2, True)],
    ids=["another database", "another tenant", "every tenant"],
)
def test_another_load_is_not_served_from_the_start(
    started: Any, other_database: bool, keep: int, everything: bool
) -> None:
    app, _services = started
    asked = SimpleNamespace(display_url=object()) if other_database else app
    filtered = replace(OPERATOR, tenant_filter=frozenset({1}))
    assert page_load.take(asked, filtered, keep, everything) is None


def test_a_start_load_for_another_filter_is_read_anew(started: Any) -> None:
    app, services = started
    unfiltered = replace(OPERATOR, tenant_filter=None)
    load = page_load.take(app, unfiltered, 2, False)
    assert load is not None
    load(services, unfiltered, 2, False)
    assert services.loads == [replace(OPERATOR, tenant_filter=frozenset({1})), unfiltered]


def test_what_the_window_did_not_take_is_dropped(started: Any) -> None:
    app, _services = started
    page_load.discard()
    assert page_load.take_filter(app, OPERATOR) is None
    assert page_load.take(app, replace(OPERATOR, tenant_filter=frozenset({1})), 2, False) is None


def test_a_start_load_for_the_remembered_whole_view_serves_that_view() -> None:
    """E4, issue 8: when the page will open on by user or the matrix (its remembered tab), the
    start reads every tenant's cells, and the page takes that load instead of reading again; a
    by-tenant load is not served from it."""
    filtered = replace(OPERATOR, tenant_filter=frozenset({1}))
    for asked_everything in (False, True):
        services = _Services(frozenset({1}))
        app = SimpleNamespace(services=services, display_url=object())
        with ThreadPoolExecutor(max_workers=1) as pool:
            page_load.begin(pool, app, OPERATOR, 2, everything=True)  # type: ignore[arg-type]
        try:
            load = page_load.take(app, filtered, 2, asked_everything)
            if not asked_everything:
                assert load is None
                continue
            assert load is not None
            result = load(services, filtered, 2, True)
            assert result.loaded is None and services.loads == [filtered]  # read once, at the start
        finally:
            page_load.discard()


@pytest.mark.parametrize(
    ("view", "everything"),
    [("", False), ("accessTable", False), ("accessByUserSplitter", True), ("accessMatrix", True), ("gone", False)],
)
def test_the_remembered_view_decides_what_the_start_reads(view: str, everything: bool) -> None:
    """E4: an unknown or missing name is the first tab's (by tenant), as the page restores it."""
    assert page_load.shows_every_tenant(view) is everything
