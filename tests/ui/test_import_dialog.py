"""The import dialog, opened from the pages' "Import…" buttons (SPEC S8, S1)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QProgressDialog, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from xlsxhelpers import write_xlsx

from mandant_desktop.db.models import User
from mandant_desktop.services.imports import USER_HEADERS, ImportKind
from mandant_desktop.ui import imports
from mandant_desktop.ui.imports.dialog import ImportDialog
from mandant_desktop.ui.main_window import MainWindow


class Played(list[ImportDialog]):
    """The dialogs the buttons opened, and what the "user" does in them (instead of exec())."""

    def __init__(self) -> None:
        super().__init__()
        self.script: list[Callable[[ImportDialog], None]] = []

    def __call__(self, dialog: QDialog) -> int:
        assert isinstance(dialog, ImportDialog)
        self.append(dialog)
        for step in self.script:
            step(dialog)
        return dialog.result()


@pytest.fixture
def played(monkeypatch: pytest.MonkeyPatch) -> Played:
    fake = Played()
    monkeypatch.setattr(imports, "run_dialog", fake)
    return fake


def _user_count(window: MainWindow) -> int:
    with window.context.app.session_factory() as session:
        return session.scalar(select(func.count()).select_from(User)) or 0


def test_every_import_page_has_the_button(window: MainWindow) -> None:
    """S8: role assignment, users and customers offer "Import…", enabled for the administrator."""
    for page_id, kind in (("assignments", "assignments"), ("users", "users"), ("customers", "customers")):
        assert window.show_page(page_id)
        button = window.current_page().findChild(QPushButton, f"{kind}ImportButton")  # type: ignore[union-attr]
        assert button is not None and button.isEnabled(), page_id


def done(qtbot: QtBot, dialog: ImportDialog) -> None:
    """S5: check and import run on a worker; wait for the answer."""
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)


def test_errors_by_row_then_import(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, played: Played, qtmodeltester: ModelTester
) -> None:
    """S8, S5: the check lists errors by row and column and enables nothing; a good file is checked,
    then imported in one go; the page reloads. Both run on a worker while the dialog waits."""
    bad = users_file(
        tmp_path / "bad.xlsx", [("ok.user", "ok@firma.example", "O", "K", "no"), ("x y", "kaputt", "", "", "")]
    )
    good = users_file(tmp_path / "good.xlsx", [("ok.user", "ok@firma.example", "O", "K", "no")])
    before = _user_count(window)

    def check_bad(dialog: ImportDialog) -> None:
        dialog.path.setText(str(bad))
        dialog.check_button.click()
        assert dialog.busy and not dialog.check_button.isEnabled() and not dialog.buttons.isEnabled()
        done(qtbot, dialog)
        errors = [tuple(dialog.rows_model.text(r, c) for c in range(3)) for r in range(dialog.rows_model.rowCount())]
        assert [(e[0], e[1]) for e in errors] == [("3", "User name"), ("3", "E-mail")]
        assert "kaputt is not a valid e-mail address." in errors[1][2]
        assert not dialog.import_button.isEnabled()
        dialog.choose_file = lambda: str(good)
        dialog.browse_button.click()  # choosing a file checks it at once
        done(qtbot, dialog)
        assert "1 would be added" in dialog.summary.text()
        assert dialog.rows_model.text(0, 2) == "ok.user <ok@firma.example>"
        assert dialog.import_button.isEnabled()
        qtmodeltester.check(dialog.rows_model)
        dialog.import_button.click()
        dialog.reject()  # no closing while the import runs: its answer would be lost
        done(qtbot, dialog)

    played.script.append(check_bad)
    assert window.show_page("users")
    window.current_page().findChild(QPushButton, "usersImportButton").click()  # type: ignore[union-attr]
    assert played and played[0].result() == QDialog.DialogCode.Accepted
    assert _user_count(window) == before + 1


def test_refused_file_is_named(qtbot: QtBot, window: MainWindow, tmp_path: Path, played: Played) -> None:
    """S8: a renamed non-workbook is refused with a clear message; nothing can be imported."""
    fake = tmp_path / "kunden.xlsx"
    fake.write_text("Nummer;Name\n", encoding="utf-8")

    def check(dialog: ImportDialog) -> None:
        assert dialog.kind is ImportKind.CUSTOMERS
        dialog.path.setText(str(fake))
        dialog.check_button.click()
        done(qtbot, dialog)
        assert "refused" in dialog.summary.text() and "is not an Excel workbook" in dialog.summary.text()
        assert not dialog.import_button.isEnabled()
        dialog.reject()

    played.script.append(check)
    assert window.show_page("customers")
    window.current_page().findChild(QPushButton, "customersImportButton").click()  # type: ignore[union-attr]
    assert played[0].result() == QDialog.DialogCode.Rejected


def test_a_cancelled_import_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, played: Played, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E3, S8, S5: Cancel in the import's progress dialog: nothing is written, the dialog says so
    and stays open; the window went on painting meanwhile."""
    good = users_file(tmp_path / "good.xlsx", [("neu.user", "neu@firma.example", "N", "U", "no")])
    before = _user_count(window)
    service = window.context.app.services.imports
    release = threading.Event()
    run = service.run

    def held_back(*args: Any, **kwargs: Any) -> Any:
        if not kwargs.get("dry_run"):
            assert release.wait(10), "the test never let the import go on"
        return run(*args, **kwargs)

    monkeypatch.setattr(service, "run", held_back)

    def cancel_the_import(dialog: ImportDialog) -> None:
        dialog.path.setText(str(good))
        dialog.check_button.click()
        done(qtbot, dialog)
        dialog.import_button.click()
        ticks: list[int] = []
        QTimer.singleShot(0, lambda: ticks.append(1))
        qtbot.waitUntil(lambda: bool(ticks))  # the GUI thread is free while the import waits
        progress = dialog.findChild(QProgressDialog)
        assert progress is not None and progress.labelText() == "Importing…"
        cancel = progress.findChild(QPushButton)
        assert cancel is not None
        cancel.click()
        release.set()
        done(qtbot, dialog)
        assert dialog.summary.text() == "Cancelled; nothing was changed."
        assert not dialog.import_button.isEnabled() and dialog.check_button.isEnabled()
        dialog.reject()

    played.script.append(cancel_the_import)
    assert window.show_page("users")
    window.current_page().findChild(QPushButton, "usersImportButton").click()  # type: ignore[union-attr]
    assert played[0].result() == QDialog.DialogCode.Rejected
    assert _user_count(window) == before


def users_file(path: Path, rows: list[tuple[str, ...]]) -> Path:
    return write_xlsx(path, USER_HEADERS, rows)
