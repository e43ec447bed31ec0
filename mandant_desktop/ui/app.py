"""Application set-up: QApplication, names for QSettings, icon, translators, logging, exception hook."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from mandant_desktop import __version__, bootstrap
from mandant_desktop.ui import icons
from mandant_desktop.ui.collector import GuiThreadCollector
from mandant_desktop.ui.excepthook import ExceptionHook, has_display
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.settings import Settings
from mandant_desktop.ui.theme import ThemeManager

log = logging.getLogger(__name__)

ORGANIZATION = "mandant_desktop"
APPLICATION = "mandant_desktop"
DISPLAY_NAME = "Mandant Desktop"
#: the ID of packaging/linux/*.desktop and *.metainfo.xml (reverse DNS, as AppStream asks)
DESKTOP_FILE_NAME = "de.mandant_desktop.MandantDesktop"
LOG_FILE_NAME = "mandant_desktop.log"
_HANDLER_MARK = "_mandant_desktop_handler"


def log_file_path() -> Path:
    return bootstrap.data_dir() / "logs" / LOG_FILE_NAME


def setup_logging(log_file: Path | None = None, *, level: int = logging.INFO) -> Path | None:
    """Log the ``mandant_desktop`` loggers to a rotating file (and warnings to stderr).

    Calling it again replaces the handlers it installed before, so tests can call ``main`` often.
    Returns the log file, or None when it cannot be written (the program runs on without it).
    """
    root = logging.getLogger("mandant_desktop")
    for handler in [h for h in root.handlers if getattr(h, _HANDLER_MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    path = log_file or log_file_path()
    formatter = logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    handlers: list[logging.Handler] = [console]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"))
    except OSError as exc:
        print(f"mandant-desktop: cannot write the log file {path}: {exc}", file=sys.stderr)
    for handler in handlers:
        handler.setFormatter(formatter)
        setattr(handler, _HANDLER_MARK, True)
        root.addHandler(handler)
    return path if len(handlers) > 1 else None


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names, version and icon; an existing one (tests) is reused."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    app.setApplicationDisplayName(DISPLAY_NAME)
    # The desktop entry and AppStream ID of packaging/linux: docks match the window to its icon by it.
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(icons.icon(icons.APP_ICON))
    return app


@dataclass
class GuiRuntime:
    """What ``main`` sets up once per run, and takes down again at the end."""

    app: QApplication
    settings: Settings
    language: LanguageManager
    theme: ThemeManager
    hook: ExceptionHook
    log_file: Path | None
    collector: GuiThreadCollector

    def close(self) -> None:
        self.collector.stop()
        self.hook.uninstall()
        self.language.shutdown()
        self.theme.shutdown()
        self.settings.sync()
        self.language.deleteLater()
        self.theme.deleteLater()
        self.hook.deleteLater()


def start_gui(
    argv: list[str] | None = None,
    *,
    language: str | None = None,
    scheme: str | None = None,
    settings_store: QSettings | None = None,
) -> GuiRuntime:
    log_file = setup_logging()
    app = create_application(argv)
    settings = Settings(settings_store)
    settings.upgrade()
    languages = LanguageManager(settings, parent=app)
    languages.start(language)
    theme = ThemeManager(settings, parent=app)
    theme.start(scheme)
    # Without a display an error is logged and ends the run: a dialog there would wait for nobody.
    hook = ExceptionHook(log_file, parent=app, interactive=has_display())
    hook.install()
    collector = GuiThreadCollector(app)
    collector.start()
    log.info("mandant_desktop %s starting (log: %s)", __version__, log_file)
    return GuiRuntime(
        app=app,
        settings=settings,
        language=languages,
        theme=theme,
        hook=hook,
        log_file=log_file,
        collector=collector,
    )
