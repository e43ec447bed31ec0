"""The real program, started in its own interpreter, imports no heavy module before its main window
is usable (issue 8: ``startup``; SPEC section 9 start-up, S1 log-in through the environment).

openpyxl (with lxml and defusedxml) belongs to exports and imports, Alembic to schema upgrades,
keyring to saved passwords, smtplib to mail; the pages not shown first are imported when opened, and
so are the dialogs (about, connection, log-in) when a start does not show them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from uihelpers import ADMIN

HEAVY = (
    "openpyxl",
    "lxml",
    "defusedxml",
    "alembic",
    "keyring",
    "smtplib",
    "casbin",
    "PySide6.QtSvg",
    "sqlalchemy.dialects.postgresql",
    "mandant_desktop.services.imports",
    "mandant_desktop.services.exports",
    "mandant_desktop.ui.assignments.page",
    "mandant_desktop.ui.org_units.page",
    "mandant_desktop.ui.customers.page",
    "mandant_desktop.ui.audit.page",
    # dialogs a start without the log-in dialog does not show
    "mandant_desktop.ui.about_dialog",
    "mandant_desktop.ui.connection_dialog",
    "mandant_desktop.ui.login_dialog",
    "mandant_desktop.ui.first_admin_dialog",
    # the ORM and the declarative models: the log-in and the start page work on Core, the ORM
    # loads on a thread of its own once the page has painted its data
    "sqlalchemy.orm",
    "mandant_desktop.db.models",
)

# Replaces QApplication.exec: once the main window has painted and the page shown has finished its
# background load (its data is there: the window is usable), print which of the heavy modules are
# loaded and the page shown, then quit.
_PROBE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

HEAVY = {heavy!r}


def exec_until_usable(*_args):
    qt = QApplication.instance()

    def report():
        window = next(w for w in qt.topLevelWidgets() if w.objectName() == "mainWindow")
        page = window.current_page()
        if page is None or getattr(page, "busy", False):
            QTimer.singleShot(5, report)
            return
        loaded = [m for m in HEAVY if m in sys.modules]
        print("page=" + (page.objectName() if page else "") + " loaded=" + ",".join(loaded), flush=True)
        qt.exit(0)

    class Painted(QObject):
        seen = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not self.seen and obj.isWidgetType():
                if obj.window().objectName() == "mainWindow":
                    self.seen = True
                    QTimer.singleShot(0, report)
            return False

    watch = Painted()
    qt.installEventFilter(watch)
    return original_exec()


original_exec = QApplication.exec
QApplication.exec = exec_until_usable
from mandant_desktop.__main__ import main
sys.exit(main(["--db", sys.argv[1], "--page", "tenants", "--lang", "en"]))
"""


def test_the_main_window_is_usable_before_any_heavy_module_is_imported(admin_url: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "MANDANT_USER": ADMIN.username,
        "MANDANT_PASSWORD": ADMIN.password,
    }
    code = _PROBE.format(heavy=HEAVY)
    done = subprocess.run(
        [sys.executable, "-c", code, admin_url], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("page="))
    page, loaded = line.removeprefix("page=").split(" loaded=")
    assert page == "page.tenants"
    assert loaded.split(",") == [""], f"imported before the main window was usable: {loaded}"


#: what the early password check (``bootstrap.start_password_check``) must not wait for
_BEFORE_THE_CHECK = ("sqlalchemy.orm", "mandant_desktop.db.models", "PySide6")

_EARLY = """
import sys
from mandant_desktop import bootstrap
import mandant_desktop.services.password_check
print("loaded=" + ",".join(m for m in {modules!r} if m in sys.modules), flush=True)
"""


def test_the_password_check_starts_before_the_orm_is_imported() -> None:
    """Issue 8 ``startup``, S1: the log-in's argon2 check can begin at launch, because bootstrap,
    the engine set-up and the early hash read import neither the ORM nor the models (nor Qt)."""
    done = subprocess.run(
        [sys.executable, "-c", _EARLY.format(modules=_BEFORE_THE_CHECK)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "loaded=", done.stdout
