"""Other workstations' changes appear without F5: LISTEN/NOTIFY on PostgreSQL, a periodic check
on SQLite and MariaDB; a page with unsaved changes keeps them and says so (SPEC E8, S4)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from dbhelpers import BACKENDS, database_at_head
from pytestqt.qtbot import QtBot
from uihelpers import ADMIN

from mandant_desktop import bootstrap
from mandant_desktop.services.changes import ChangePoller, Changes
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenants import TenantInput
from mandant_desktop.ui import live_refresh
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.settings import Settings
from mandant_desktop.ui.tenants.page import TenantsPage


@dataclasses.dataclass
class TwoDesks:
    window: MainWindow
    here: bootstrap.AppContext
    there: bootstrap.AppContext  # the other workstation: its own engine and pool
    admin: Operator
    elsewhere: Operator
    tenant: int


@pytest.fixture(params=BACKENDS)
def desks(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    qtbot: QtBot,
    settings: Settings,
    language: LanguageManager,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[TwoDesks]:
    monkeypatch.setattr(live_refresh, "POLL_INTERVAL_MS", 300)
    with database_at_head(request.param, tmp_path) as url:
        here = bootstrap.open_database(url, profile_name="Büro")
        there = bootstrap.open_database(url, profile_name="Filiale")
        try:
            admin = here.services.auth.create_first_admin(ADMIN)
            tenant = here.services.tenants.create_tenant(admin, TenantInput(name="Mandant Nord"))
            window = MainWindow(here, admin, settings=settings, language=language)
            qtbot.addWidget(window)
            window.show()
            window.show_page("tenants")
            page = window.current_page()
            assert isinstance(page, TenantsPage)
            qtbot.waitUntil(lambda: not page.busy)
            assert window.change_watcher is not None
            if window.change_watcher.uses_notify:
                listener = window.change_watcher._listener
                assert listener is not None and listener.listening.wait(5)
            else:
                qtbot.wait(400)  # the first poll sets the mark
            yield TwoDesks(window, here, there, admin, dataclasses.replace(admin, workstation="Filiale-PC"), tenant)
            window.close()
        finally:
            there.close()
            here.close()


def _names(page: TenantsPage) -> list[str]:
    return [row.name for row in page.tenant_model.tenants()]


def _rename(desks: TwoDesks, name: str) -> None:
    service = desks.there.services.tenants
    row = next(t for t in service.list_tenants(desks.elsewhere) if t.id == desks.tenant)
    service.update_tenant(desks.elsewhere, row.id, row.version, TenantInput(name=name))


def test_a_change_on_another_workstation_appears_without_refresh(qtbot: QtBot, desks: TwoDesks) -> None:
    """E8: the tenants page shows the other workstation's rename by itself."""
    page = desks.window.current_page()
    assert isinstance(page, TenantsPage)
    assert _names(page) == ["Mandant Nord"]
    _rename(desks, "Mandant Nord-Ost")
    qtbot.waitUntil(lambda: _names(page) == ["Mandant Nord-Ost"], timeout=8000)


def test_a_page_with_unsaved_changes_is_not_reloaded(
    qtbot: QtBot, desks: TwoDesks, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E8, S4: unsaved input stays; the status says that the data changed elsewhere."""
    page = desks.window.current_page()
    assert isinstance(page, TenantsPage)
    monkeypatch.setattr(page, "has_unsaved_changes", lambda: True)
    _rename(desks, "Mandant Süd")
    status = desks.window.statusBar()
    qtbot.waitUntil(lambda: "another workstation" in status.currentMessage(), timeout=8000)
    assert _names(page) == ["Mandant Nord"]
    monkeypatch.setattr(page, "has_unsaved_changes", lambda: False)
    desks.window.refresh_page()
    qtbot.waitUntil(lambda: not page.busy)  # S5: the reload runs on a worker
    assert _names(page) == ["Mandant Süd"]


def test_own_changes_do_not_count_as_changes_elsewhere(desks: TwoDesks) -> None:
    """E8: the periodic check leaves this workstation's own changes out."""
    poller = ChangePoller(desks.here.session_factory, desks.admin)
    assert poller.poll() is None  # sets the mark
    desks.here.services.tenants.create_tenant(desks.admin, TenantInput(name="Eigener Mandant"))
    assert poller.poll() is None
    _rename(desks, "Fremd umbenannt")
    changes = poller.poll()
    assert changes is not None and "tenant" in changes.tables


def test_nothing_reloads_while_paused_and_one_refresh_follows(qtbot: QtBot, desks: TwoDesks) -> None:
    """E8, S5: a paused watcher (the connection is lost and being probed) reloads nothing, on
    every backend — also not on a PostgreSQL NOTIFY; what arrived meanwhile is not lost but makes
    exactly one refresh when it resumes."""
    watcher = desks.window.change_watcher
    assert watcher is not None
    page = desks.window.current_page()
    assert isinstance(page, TenantsPage)
    emitted: list[object] = []
    watcher.changed.connect(emitted.append)
    watcher.set_paused(True)
    arrived: list[object] = []
    if watcher.uses_notify:
        watcher._from_listener.connect(arrived.append)
    _rename(desks, "Mandant West")
    _rename(desks, "Mandant Ost")
    if watcher.uses_notify:
        qtbot.waitUntil(lambda: len(arrived) == 2, timeout=8000)  # both notifications are here
    qtbot.wait(1000)  # more than three poll intervals
    assert emitted == []
    assert _names(page) == ["Mandant Nord"]
    watcher.set_paused(False)
    qtbot.waitUntil(lambda: _names(page) == ["Mandant Ost"], timeout=8000)
    qtbot.wait(1000)
    assert len(emitted) == 1
    assert "tenant" in emitted[0].tables  # type: ignore[attr-defined]


def test_changes_kept_while_paused_merge_and_unknown_wins() -> None:
    """E8: two batches kept during a pause are one refresh of both; "unknown" (no tables) stays unknown."""
    a, b = Changes(frozenset({"tenant"})), Changes(frozenset({"customer"}))
    assert live_refresh._merged(a, b) == Changes(frozenset({"tenant", "customer"}))
    assert live_refresh._merged(a, Changes(frozenset())) == Changes(frozenset())
