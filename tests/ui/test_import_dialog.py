"""The import dialog, opened from the pages' "Import…" buttons (SPEC S8, S1)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.modeltest import ModelTester
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


def test_errors_by_row_then_import(
    window: MainWindow, tmp_path: Path, played: Played, qtmodeltester: ModelTester
) -> None:
    """S8: the check lists errors by row and column and enables nothing; a good file is checked,
    then imported in one go; the page reloads."""
    bad = users_file(
        tmp_path / "bad.xlsx", [("ok.user", "ok@firma.example", "O", "K", "no"), ("x y", "kaputt", "", "", "")]
    )
    good = users_file(tmp_path / "good.xlsx", [("ok.user", "ok@firma.example", "O", "K", "no")])
    before = _user_count(window)

    def check_bad(dialog: ImportDialog) -> None:
        dialog.path.setText(str(bad))
        dialog.check_button.click()
        errors = [tuple(dialog.rows_model.text(r, c) for c in range(3)) for r in range(dialog.rows_model.rowCount())]
        assert [(e[0], e[1]) for e in errors] == [("3", "User name"), ("3", "E-mail")]
        assert "kaputt is not a valid e-mail address." in errors[1][2]
        assert not dialog.import_button.isEnabled()
        dialog.choose_file = lambda: str(good)
        dialog.browse_button.click()  # choosing a file checks it at once
        assert "1 would be added" in dialog.summary.text()
        assert dialog.rows_model.text(0, 2) == "ok.user <ok@firma.example>"
        assert dialog.import_button.isEnabled()
        qtmodeltester.check(dialog.rows_model)
        dialog.import_button.click()

    played.script.append(check_bad)
    assert window.show_page("users")
    window.current_page().findChild(QPushButton, "usersImportButton").click()  # type: ignore[union-attr]
    assert played and played[0].result() == QDialog.DialogCode.Accepted
    assert _user_count(window) == before + 1


def test_refused_file_is_named(window: MainWindow, tmp_path: Path, played: Played) -> None:
    """S8: a renamed non-workbook is refused with a clear message; nothing can be imported."""
    fake = tmp_path / "kunden.xlsx"
    fake.write_text("Nummer;Name\n", encoding="utf-8")

    def check(dialog: ImportDialog) -> None:
        assert dialog.kind is ImportKind.CUSTOMERS
        dialog.path.setText(str(fake))
        dialog.check_button.click()
        assert "refused" in dialog.summary.text() and "is not an Excel workbook" in dialog.summary.text()
        assert not dialog.import_button.isEnabled()
        dialog.reject()

    played.script.append(check)
    assert window.show_page("customers")
    window.current_page().findChild(QPushButton, "customersImportButton").click()  # type: ignore[union-attr]
    assert played[0].result() == QDialog.DialogCode.Rejected


def users_file(path: Path, rows: list[tuple[str, ...]]) -> Path:
    return write_xlsx(path, USER_HEADERS, rows)
