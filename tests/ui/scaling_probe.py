"""Run by ``test_scaling.py`` in a fresh interpreter, with ``QT_SCALE_FACTOR`` set before Qt starts:
shows every page of a demo database and the main dialogs, and prints one JSON line per piece of
text that does not fit (SPEC E5). Not a test module itself.

Usage: ``[FONT_SCALE=1.5] python scaling_probe.py DATABASE_URL LANGUAGE`` (``FONT_SCALE``: the
application font that many times as large)
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QTabBar,
    QToolBar,
    QWidget,
)

from mandant_desktop import bootstrap
from mandant_desktop.services.demo import ADMIN_PASSWORD, ADMIN_USERNAME
from mandant_desktop.ui import tasks
from mandant_desktop.ui.about_dialog import AboutDialog
from mandant_desktop.ui.app import create_application
from mandant_desktop.ui.connection_dialog import ConnectionDialog
from mandant_desktop.ui.connections import Connections
from mandant_desktop.ui.forms import placeholder_width
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.login_dialog import LoginDialog
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.settings import Settings
from mandant_desktop.ui.theme import ThemeManager

#: buttons (objectName) on a page that open one of its main dialogs
DIALOG_OPENERS = {
    "tenants": ("tenantNewButton",),
    "users": ("userAddButton", "usersImportButton"),
    "customers": ("customerNewButton",),
    "contacts": ("contactNewButton",),
    "assignments": ("assignmentsImportButton",),
}
#: a pixel of slack for rounding at fractional scale factors
SLACK = 1


def visible_widgets(root: QWidget) -> Iterator[QWidget]:
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isVisibleTo(root) and widget.isVisible() and widget.width() > 0:
            yield widget


def problems(where: str, root: QWidget) -> Iterator[dict[str, object]]:
    """Each label, button, combo box, tab, header section, navigation entry and empty line edit's
    placeholder narrower than its text."""
    for widget in visible_widgets(root):
        name = widget.objectName() or type(widget).__name__
        plain_label = isinstance(widget, QLabel) and not widget.wordWrap() and widget.pixmap().isNull()
        if (plain_label or isinstance(widget, QAbstractButton)) and widget.text():  # type: ignore[attr-defined]
            needed = widget.sizeHint().width()
            if widget.width() + SLACK < needed:
                yield _problem(where, name, widget.text(), widget.width(), needed)
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            needed = placeholder_width(widget)
            if widget.width() + SLACK < needed:
                yield _problem(where, name, widget.placeholderText(), widget.width(), needed)
        elif isinstance(widget, QComboBox) and widget.currentText():
            needed = widget.minimumSizeHint().width()
            if widget.width() + SLACK < needed:
                yield _problem(where, name, widget.currentText(), widget.width(), needed)
        elif isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                needed, width = widget.tabSizeHint(tab).width(), widget.tabRect(tab).width()
                if width + SLACK < needed:
                    yield _problem(where, name, widget.tabText(tab), width, needed)
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            yield from _header_problems(where, name, widget)
        elif isinstance(widget, QToolBar):
            extension = widget.findChild(QAbstractButton, "qt_toolbar_ext_button")
            if extension is not None and extension.isVisible():
                yield _problem(where, name, "toolbar overflows", widget.width(), widget.sizeHint().width())
        if isinstance(widget, QListView) and widget.objectName() == "navigation":
            model = widget.model()
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                needed, width = widget.sizeHintForIndex(index).width(), widget.visualRect(index).width()
                if width + SLACK < needed:
                    yield _problem(where, name, str(index.data()), width, needed)


def _header_problems(where: str, name: str, header: QHeaderView) -> Iterator[dict[str, object]]:
    view = header.parent()
    model = header.model()
    if model is None or not isinstance(view, QAbstractItemView):
        return
    last = header.count() - 1
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        if header.stretchLastSection() and section == last:
            continue  # it takes what is left; the user widens the window
        text = model.headerData(section, header.orientation())
        if not text:
            continue
        needed = header.sectionSizeFromContents(section).width()
        width = header.sectionSize(section)
        if width + SLACK < needed:
            yield _problem(where, f"{name} (header)", str(text), width, needed)


def _problem(where: str, name: str, text: str, width: int, needed: int) -> dict[str, object]:
    return {"where": where, "widget": name, "text": text, "width": width, "needed": needed}


def settle(seconds: float = 3.0) -> None:
    deadline = time.monotonic() + seconds
    idle = 0
    while idle < 3 and time.monotonic() < deadline:
        QApplication.processEvents()
        idle = idle + 1 if tasks.runner().active() == 0 else 0
        time.sleep(0.005)


def inspect_dialog(where: str, opener: Callable[[], object], found: list[dict[str, object]]) -> None:
    """Open a dialog with ``opener`` (which may block in ``exec``), check it, and reject it."""
    seen: list[str] = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible():
            QTimer.singleShot(20, check)
            return
        settle(1.0)
        # Posted layout requests are only run once the dialog has been shown for a moment.
        for _ in range(10):
            QApplication.processEvents()
            time.sleep(0.01)
        seen.append(dialog.objectName())
        found.extend(problems(f"{where}: {dialog.objectName() or type(dialog).__name__}", dialog))
        dialog.reject()

    QTimer.singleShot(0, check)
    opener()
    settle(0.5)
    if not seen:
        found.append(_problem(where, "dialog", "did not open", 0, 0))


def main() -> int:
    url, language = sys.argv[1], sys.argv[2]
    app = create_application([sys.argv[0]])
    # A larger text size of the desktop: sizes in characters grow with it, sizes in pixels do not.
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * float(os.environ.get("FONT_SCALE", "1")))
    app.setFont(font)
    scratch = tempfile.mkdtemp(prefix="scaling-probe-")
    settings = Settings(QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat))
    languages = LanguageManager(settings)
    languages.start(language)
    theme = ThemeManager(settings)
    theme.start("light")
    context = bootstrap.open_database(url, profile_name="Demo")
    operator = context.services.auth.login(ADMIN_USERNAME, ADMIN_PASSWORD)
    found: list[dict[str, object]] = []
    window = MainWindow(context, operator, settings=settings, language=languages, theme=theme)
    window.resize(1200, 760)
    window.show()
    settle()
    for page_id in window.navigation_model.page_ids():
        window.show_page(page_id)
        settle()
        found.extend(problems(page_id, window))
        page = window.current_page()
        for opener in DIALOG_OPENERS.get(page_id, ()):
            button = page.findChild(QAbstractButton, opener) if page is not None else None
            if button is None or not button.isEnabled():
                found.append(_problem(page_id, opener, "no such enabled button", 0, 0))
                continue
            inspect_dialog(f"{page_id}/{opener}", button.click, found)
    inspect_dialog("about", lambda: AboutDialog(context, window).exec(), found)
    inspect_dialog("login", lambda: LoginDialog(context, parent=window).exec(), found)
    connections = Connections(bootstrap.make_profile_store())
    inspect_dialog("connection", lambda: ConnectionDialog(connections, window).exec(), found)
    for problem in found:
        print(json.dumps(problem, ensure_ascii=False), flush=True)
    print(f"window {window.width()} x {window.height()}, at least {window.minimumSizeHint().width()}", flush=True)
    window.close()
    tasks.wait_for_all()
    context.close()
    languages.shutdown()
    theme.shutdown()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
