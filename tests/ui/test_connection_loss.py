"""A lost database server on PostgreSQL and MariaDB: banner, no crash, no traceback dialog, unsaved
input kept, background retry with back-off, recovery when the server is back (SPEC S5)."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from dbhelpers import _admin_engine, database_at_head
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.engine import make_url
from uihelpers import ADMIN, FakeInteraction

from mandant_desktop import bootstrap
from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.services.tenants import TenantInput
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.settings import Settings
from mandant_desktop.ui.tenants.page import TenantsPage


@dataclass
class Outage:
    """Cuts the application off its database and lets it back in, without stopping the shared server."""

    url: str
    cut: Callable[[], None]
    restore: Callable[[], None]


def _sql(backend: str, *statements: str) -> None:
    engine = _admin_engine(backend)
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


@contextmanager
def _postgres_outage(tmp_path: Path) -> Iterator[Outage]:
    """PostgreSQL: the database refuses new connections and the app's backends are terminated."""
    with database_at_head("postgresql", tmp_path) as url:
        name = make_url(url).database

        def cut() -> None:
            _sql(
                "postgresql",
                f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false',
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' "
                "AND pid <> pg_backend_pid()",
            )

        def restore() -> None:
            _sql("postgresql", f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')

        try:
            yield Outage(url, cut, restore)
        finally:
            restore()


@contextmanager
def _mariadb_outage(tmp_path: Path) -> Iterator[Outage]:
    """MariaDB: a dedicated login for the test is locked and its connections are killed."""
    with database_at_head("mariadb", tmp_path) as url:
        name = make_url(url).database
        login = f"mcl_{uuid.uuid4().hex[:10]}"
        _sql("mariadb", f"CREATE USER '{login}'@'%'", f"GRANT ALL ON `{name}`.* TO '{login}'@'%'")
        app_url = make_url(url).set(username=login).render_as_string(hide_password=False)

        def cut() -> None:
            _sql("mariadb", f"ALTER USER '{login}'@'%' ACCOUNT LOCK")
            engine = _admin_engine("mariadb")
            try:
                with engine.connect() as conn:
                    ids = conn.execute(
                        text("SELECT id FROM information_schema.processlist WHERE user = :u"), {"u": login}
                    ).scalars()
                    for thread_id in list(ids):
                        conn.execute(text(f"KILL {int(thread_id)}"))
            finally:
                engine.dispose()

        def restore() -> None:
            _sql("mariadb", f"ALTER USER '{login}'@'%' ACCOUNT UNLOCK")

        try:
            yield Outage(app_url, cut, restore)
        finally:
            _sql("mariadb", f"DROP USER IF EXISTS '{login}'@'%'")


@pytest.fixture(params=["postgresql", "mariadb"])
def outage(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Outage]:
    factory = _postgres_outage if request.param == "postgresql" else _mariadb_outage
    with factory(tmp_path) as value:
        yield value


def test_losing_the_server_shows_the_banner_keeps_input_and_recovers(
    qtbot: QtBot,
    outage: Outage,
    settings: Settings,
    language: LanguageManager,
    interactions: FakeInteraction,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """S5: banner instead of a dialog or a traceback; staged edits and typed text survive; the
    monitor retries with back-off and the page reloads by itself once the server answers."""
    hooked: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, _exc, _tb: hooked.append(kind))
    app = bootstrap.open_database(outage.url, profile_name="Server")
    try:
        admin = app.services.auth.create_first_admin(ADMIN)
        tenant = app.services.tenants.create_tenant(admin, TenantInput(name="Mandant Nord"))
        window = MainWindow(app, admin, settings=settings, language=language)
        qtbot.addWidget(window)
        window.show()
        window.show_page("tenants")
        page = window.current_page()
        assert isinstance(page, TenantsPage)
        qtbot.waitUntil(lambda: not page.busy)  # the matrix loads on a worker
        page.search.setText("Nord")
        assert page.state.set_level([(tenant, admin.id or 0)], Level.READ_ONLY) == 1

        outage.cut()
        # Saving now fails (off the GUI thread): the staged edit must stay, and only the banner speaks.
        page.save()
        qtbot.waitUntil(window.banner.isVisible, timeout=10000)
        qtbot.waitUntil(lambda: not page.saving, timeout=10000)
        assert window.monitor is not None and window.monitor.is_lost
        first = window.monitor.interval_ms
        qtbot.waitUntil(lambda: window.monitor is not None and window.monitor.interval_ms > first, timeout=15000)
        assert interactions.messages == [], "no message box on a lost connection"
        assert page.state.is_dirty() and page.search.text() == "Nord"

        outage.restore()
        with qtbot.waitSignal(window.monitor.restored, timeout=10000):
            window.banner.retry_button.click()
        assert not window.banner.isVisible()
        assert page.state.is_dirty(), "unsaved edits are not thrown away by the recovery"
        assert page.save() is True
        qtbot.waitUntil(lambda: not page.saving and not page.busy, timeout=10000)  # saved, then reloaded
        assert not page.state.is_dirty()
        assert hooked == [], "no traceback dialog"
        window.close()
    finally:
        app.close()


def test_while_lost_the_gui_thread_does_not_wait_for_the_connect_timeout(
    qtbot: QtBot, admin_app: tuple[bootstrap.AppContext, object]
) -> None:
    """S5: once the monitor knows the connection is lost, a connect attempt from the GUI thread (a
    lazy model's window fetch) fails at once; work off the GUI thread (the probe) still connects."""
    import threading
    import time

    from mandant_desktop.domain.errors import DatabaseUnavailableError
    from mandant_desktop.ui.connection_monitor import ConnectionMonitor

    app, _operator = admin_app
    monitor = ConnectionMonitor(app.ping)
    monitor.guard(app.services.connection_guard.install)
    try:
        monitor.report_lost()
        app.engine.dispose()  # no pooled connection left: the next use must connect
        started = time.monotonic()
        with pytest.raises(DatabaseUnavailableError):
            app.engine.connect()
        assert time.monotonic() - started < 0.5
        answers: list[bool] = []
        worker = threading.Thread(target=lambda: answers.append(app.ping() is None))
        worker.start()
        worker.join(10)
        assert answers == [True]
        with qtbot.waitSignal(monitor.restored, timeout=5000):
            monitor.probe_now()
        with app.engine.connect():
            pass  # back: the GUI thread connects again
    finally:
        monitor.stop()
        monitor.deleteLater()


def test_a_failed_window_fetch_shows_the_banner_and_an_empty_row(qtbot: QtBot) -> None:
    """S5: a customers window that cannot be fetched is no traceback: the rows stay empty, the
    connection-lost handler is told, and the next look asks again."""
    from mandant_desktop.domain.errors import DatabaseUnavailableError
    from mandant_desktop.services.customers import CustomerQuery
    from mandant_desktop.ui.customers.model import CustomerTableModel
    from mandant_desktop.ui.errors import set_connection_lost_handler

    attempts: list[int] = []

    def load(_query: CustomerQuery, offset: int, _limit: int) -> list[object]:
        attempts.append(offset)
        raise DatabaseUnavailableError("The connection to the database was lost.")

    lost: list[bool] = []
    set_connection_lost_handler(lambda: lost.append(True))
    model = CustomerTableModel(lambda _q: 1000, load)  # type: ignore[arg-type]
    model.set_query(CustomerQuery())
    assert model.rowCount() == 1000
    assert model.data(model.index(500, 0)) is None
    assert model.data(model.index(501, 0)) is None
    assert lost and len(attempts) >= 2, "not cached: asked again"
