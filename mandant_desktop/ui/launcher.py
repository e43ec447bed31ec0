"""The GUI run behind ``mandant-desktop``: open the database, log in, show (or render) the main window.

Which database: ``--db`` (or ``--demo``) > ``MANDANT_DB_URL`` > the last used connection profile >
the SQLite file in the user data directory. Who: ``MANDANT_USER``/``MANDANT_PASSWORD`` when set
(for automation; a wrong pair is refused like a typed one), the demo operator for a ``--demo``
screenshot, the log-in dialog otherwise.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from mandant_desktop import bootstrap
from mandant_desktop.domain.errors import AuthenticationError, DatabaseUnavailableError, DomainError
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui import settings as ui_settings
from mandant_desktop.ui import tasks
from mandant_desktop.ui.app import GuiRuntime, start_gui
from mandant_desktop.ui.connections import Connections, upgrade_notice
from mandant_desktop.ui.errors import message_for, report_error
from mandant_desktop.ui.session import SessionController, log_in

if TYPE_CHECKING:
    from mandant_desktop.services.password_check import PasswordCheck
    from mandant_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_SCHEMA = 4
EXIT_FILE = 5

ENV_USER = bootstrap.ENV_USER
ENV_PASSWORD = bootstrap.ENV_PASSWORD
SCREENSHOT_SIZE = (1280, 800)
#: how long a screenshot waits at most for the page's loads (a loaded machine takes seconds)
SCREENSHOT_SETTLE_S = 30.0


class LaunchError(Exception):
    """Ends the run with ``code`` after ``message`` went to stderr."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _exit_code(exc: DomainError) -> int:
    if isinstance(exc, AuthenticationError | DatabaseUnavailableError):
        return EXIT_REFUSED
    return EXIT_SCHEMA


def run(args: argparse.Namespace, *, precheck: PasswordCheck | None = None) -> int:
    """``precheck``: the verification of MANDANT_PASSWORD, started at launch (``__main__``)."""
    with tempfile.TemporaryDirectory(prefix="mandant-shot-") as scratch:
        # A screenshot must neither depend on nor change the user's window layout and last page.
        store = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat) if args.screenshot else None
        runtime = start_gui(
            [sys.argv[0]], language=args.lang, scheme=getattr(args, "scheme", None), settings_store=store
        )
        try:
            code = _run(args, runtime, precheck)
            # An error that reached the hook of a run without a display (a screenshot's) fails the run.
            return code or runtime.hook.exit_code
        except LaunchError as exc:
            print(f"mandant-desktop: {exc.message}", file=sys.stderr)
            return exc.code
        finally:
            runtime.close()


def _run(args: argparse.Namespace, runtime: GuiRuntime, precheck: PasswordCheck | None = None) -> int:
    # Before the first task: no call imports the ORM while the warm-up does (bootstrap.OrmWarmUpGate).
    tasks.set_call_gate(bootstrap.orm_gate.work)
    automated = bool(args.screenshot) or _env_credentials() is not None
    connections = Connections(bootstrap.make_profile_store())
    #: the database while this function owns it; the session controller takes it over at the end
    owned: bootstrap.AppContext | None = _open_initial(args, connections, automated=automated)
    try:
        assert owned is not None
        if args.demo:
            from mandant_desktop.ui.demo_progress import fill_demo_database

            fill_demo_database(owned)
        operator = _automatic_operator(args, owned, runtime, precheck)
        if operator is None:
            if automated:
                raise LaunchError(
                    EXIT_USAGE,
                    QCoreApplication.translate(
                        "Launcher",
                        "--screenshot needs MANDANT_USER and MANDANT_PASSWORD (or --demo for the demo operator).",
                    ),
                )
            candidate, owned = owned, None  # log_in owns it now and closes it when the user gives up
            bootstrap.warm_up_orm(candidate)  # while the dialog waits for the user
            result = log_in(candidate, connections)
            if result is None:
                return EXIT_OK
            owned, operator = result
        from mandant_desktop.ui.main_window import MainWindow

        window = MainWindow(owned, operator, settings=runtime.settings, language=runtime.language, theme=runtime.theme)
        _discard_start_load()
        if args.page and not window.show_page(args.page):
            message = QCoreApplication.translate("Launcher", "The page {page} is not available to {user}.").format(
                page=args.page, user=operator.username
            )
            if automated:
                raise LaunchError(EXIT_USAGE, message)
            window.show_status(message, 10000)
        if args.screenshot:
            return _screenshot(window, Path(args.screenshot))
        controller = SessionController(window, owned, operator, connections)
        owned = None
        window.show()
        _FinalFirstFrame(window)
        # What the start created lives as long as the program: keep it out of every later collection.
        QTimer.singleShot(0, gc.freeze)
        # Then the ORM's imports, and the icons other versions rendered leave the disk cache.
        _StartPageSettled(window, lambda: _after_start(controller.app))
        notice = upgrade_notice(controller.app)
        if notice:
            window.show_status(notice, 15000)
        code = runtime.app.exec()
        controller.close()  # waits for the workers, then disposes the engine
        return code
    finally:
        if owned is not None:
            owned.close()


class _FinalFirstFrame(QObject):
    """Makes the window's first paint its final frame when the page shown has its data by then
    (issue 8). The page's load usually returns while the window is built, and its answer is
    delivered in the event loop's first pass, just before the window's Expose (Qt delivers posted
    events before the window system's). What that answer asks for (labels' sizes, the splitter,
    the access table's columns and scroll bars) would be delivered in the next pass, after the
    paint, and the page laid out and painted a second time. On the first Expose this lets the page
    lay out first (:meth:`Page.settle_layout`); a page still loading is left alone, it shows
    "Loading…" at once as before. Watches the window's QWindow for that one event, then stops."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._handle = window.windowHandle()
        if self._handle is not None:
            self._handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and self._handle is not None and self._handle.isExposed():
            self._handle.removeEventFilter(self)
            page = self._window.current_page()
            if page is not None and not getattr(page, "busy", False):
                page.settle_layout()
        return False


#: how long the start page must have been painted and not busy before :class:`_StartPageSettled` calls back
SETTLE_MS = 100


class _StartPageSettled(QObject):
    """Calls ``then`` once, when the page shown has its data and the window has painted it: the
    page has not been busy (loading on a worker) since a repaint that ended :data:`SETTLE_MS`
    ago, what it still had queued having gone first; after ``limit_ms`` at the latest. Work that can wait (the
    ORM's imports, issue 8) then does not compete with the start page for the interpreter, and
    nobody acts on a window that fast."""

    def __init__(self, window: MainWindow, then: Callable[[], object], *, limit_ms: int = 3000) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], object] | None = then
        self._deadline = time.monotonic() + limit_ms / 1000
        #: when the window's first repaint since the page stopped being busy ended
        self._painted_at: float | None = None
        self._painting = False
        self._watching = False
        self._poll = QTimer(self)
        self._poll.setInterval(10)
        self._poll.timeout.connect(self._check)
        self._poll.start()

    def _check(self) -> None:
        now = time.monotonic()
        page = self._window.current_page()
        if now >= self._deadline:
            self._fire()
        elif page is not None and getattr(page, "busy", False):
            self._painted_at = None
            self._watch(False)
        elif self._painted_at is None:
            self._watch(not self._painting)  # paints are noticed only while the page is not busy
        elif now - self._painted_at >= SETTLE_MS / 1000:
            self._fire()

    def _watch(self, on: bool) -> None:
        """Watch the window's repaints: Qt paints a window's dirty widgets all at once, inside its
        UpdateRequest (or, the first time, its QWindow's Expose). Not a filter on the whole
        application: that sees every event of every object, and PySide wraps each object one goes
        to, making the enum classes of every lazily loaded QObject subclass on the way (75 of
        them, about 11 ms of the GUI thread) just as the start page repaints with its data."""
        if on == self._watching:
            return
        self._watching = on
        handle = self._window.windowHandle()
        for watched in (self._window, handle):
            if watched is None:
                continue
            if on:
                watched.installEventFilter(self)
            else:
                watched.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self._painting and (kind == QEvent.Type.UpdateRequest or kind == QEvent.Type.Expose):
            self._painting = True
            self._watch(False)
            QTimer.singleShot(0, self, self._painted)  # once the whole repaint is done
        return False

    def _painted(self) -> None:
        self._painting = False
        self._painted_at = time.monotonic()

    def _fire(self) -> None:
        self._poll.stop()
        self._watch(False)
        then, self._then = self._then, None
        if then is not None:
            then()
        self.deleteLater()


def _env_credentials() -> tuple[str, str] | None:
    return bootstrap.credentials_from_environment()


def _automatic_operator(
    args: argparse.Namespace, app: bootstrap.AppContext, runtime: GuiRuntime, precheck: PasswordCheck | None = None
) -> Operator | None:
    credentials = _env_credentials()
    if credentials is None and args.screenshot and args.demo:
        from mandant_desktop.services.demo import ADMIN_PASSWORD, ADMIN_USERNAME

        credentials = (ADMIN_USERNAME, ADMIN_PASSWORD)
    if credentials is None:
        return None
    # The log-in runs on a worker while this thread imports the main window and the page it will
    # show; its password check (argon2, a fifth of a second that holds no Python lock) began at
    # launch when it could (``precheck``), else it runs now (issue 8).
    # Once logged in, the same worker reads the tenants page's first load when that page comes
    # first, while this thread still builds the window (ui.tenants.page_load). The pool is not
    # waited for here: the page waits for that load on a worker of its own.
    page_id = args.page or runtime.settings.value(ui_settings.LAST_PAGE)
    first_tenants = page_id in (None, "", "tenants")
    keep = runtime.settings.last_tenant(app.display_url) if first_tenants else None
    # The access view the page shows first (it remembers its tab, E4) decides which cells it reads.
    view = runtime.settings.value(ui_settings.tab_setting("tenants", "accessViews")) if first_tenants else ""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="login")

    def log_in() -> Operator:
        operator = app.services.auth.login(*credentials, precheck=precheck)
        if first_tenants and operator.can("tenants.view"):
            from mandant_desktop.ui.tenants import page_load

            try:
                page_load.begin(pool, app, operator, keep, page_load.shows_every_tenant(view))
            except RuntimeError:  # the pool is shut down already: the start failed meanwhile
                log.debug("no start load of the tenants page", exc_info=True)
        return operator

    try:
        checked = pool.submit(log_in)
        _import_window_modules(page_id)
        try:
            return checked.result()
        except DomainError as exc:
            raise LaunchError(EXIT_REFUSED, message_for(exc)) from None
    finally:
        pool.shutdown(wait=False)


def _discard_start_load() -> None:
    """The window is built: a start load of the tenants page that it did not take is dropped."""
    page_load = sys.modules.get("mandant_desktop.ui.tenants.page_load")
    if page_load is not None:
        page_load.discard()


def _import_window_modules(page_id: object) -> None:
    """Import the main window and the module of the page it is likely to show first."""
    import mandant_desktop.ui.main_window  # noqa: F401 - imported for its side effect: loaded now
    from mandant_desktop.ui.pages import PAGES

    entry = next((page for page in PAGES if page.page_id == page_id), PAGES[0])
    entry.load()


def _open_initial(args: argparse.Namespace, connections: Connections, *, automated: bool) -> bootstrap.AppContext:
    """The database to start on; interactively a failure offers the connection dialog.

    The demo's filling (``ui.demo_progress``) and the profile names (``ui.profile_model``) are
    imported where a start needs them, not by every start (issue 8)."""
    try:
        if args.demo:
            from mandant_desktop.ui.profile_model import demo_profile_name

            return connections.open_url(bootstrap.demo_database_url(), profile_name=demo_profile_name())
        url = bootstrap.database_url_from_environment(args.db)
        if url:
            return connections.open_url(url)
        profile = connections.profiles.last_used()
        if profile is None:
            from mandant_desktop.ui.profile_model import default_profile_name

            return connections.open_url(bootstrap.default_database_url(), profile_name=default_profile_name())
        if automated and profile.needs_password and not connections.profiles.password_for(profile):
            raise LaunchError(
                EXIT_REFUSED,
                QCoreApplication.translate(
                    "Launcher", "The profile {profile} has no saved password; set MANDANT_DB_URL for automation."
                ).format(profile=profile.name),
            )
        opened = connections.open_profile(profile)
        if opened is not None:
            return opened
        if automated:
            raise LaunchError(EXIT_REFUSED, QCoreApplication.translate("Launcher", "No password given."))
    except DomainError as exc:
        log.info("cannot open the start database: %s", exc.template)  # the user is told in words
        if automated:
            raise LaunchError(_exit_code(exc), message_for(exc)) from None
        report_error(None, exc, title=QCoreApplication.translate("Launcher", "Cannot open the database"))
    # Interactive: let the user pick another database, or give up.
    chosen = connections.choose(None)
    if chosen is None:
        raise LaunchError(EXIT_REFUSED, QCoreApplication.translate("Launcher", "No database was opened."))
    return chosen


def _after_start(app: bootstrap.AppContext) -> None:
    """What waits until the start page shows its data: each on a thread of its own."""
    from mandant_desktop.ui import icons  # loaded long before: the window's icons come from it

    bootstrap.warm_up_orm(app)
    icons.prune_later()


def _settle(page: QWidget | None = None, timeout_s: float = 5.0) -> None:
    """Let the page finish what it loads on workers (a lazy tree asks level after level), so that
    the picture shows data rather than an empty view; at most ``timeout_s``.

    A page that loads late (the roles page counts a role's holders after a short timer, when no
    worker runs yet) says so with its ``busy``; the picture waits for that too, as the benchmarks'
    ``until_painted`` does (bench/qt.py)."""
    deadline = time.monotonic() + timeout_s
    idle = 0
    while idle < 3 and time.monotonic() < deadline:
        QApplication.processEvents()
        loading = tasks.runner().active() > 0 or bool(getattr(page, "busy", False))
        idle = 0 if loading else idle + 1
        if idle == 0:
            time.sleep(0.01)


def _screenshot(window: MainWindow, target: Path) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    _settle(window.current_page(), SCREENSHOT_SETTLE_S)
    pixmap = window.grab()
    page = window.current_page()
    window.close()
    window.deleteLater()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LaunchError(EXIT_FILE, str(exc)) from None
    if not pixmap.save(str(target), "PNG"):
        raise LaunchError(EXIT_FILE, QCoreApplication.translate("Launcher", "Cannot write {file}.").format(file=target))
    log.info("screenshot of %s written to %s", page.objectName() if page is not None else "?", target)
    return EXIT_OK
