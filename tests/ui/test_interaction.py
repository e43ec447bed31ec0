"""The real interaction service: message boxes and the one-line question (SPEC S6)."""

from __future__ import annotations

import keyring.backends.fail
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from mandant_desktop.services.secrets import KeyringSecretStore
from mandant_desktop.ui.interaction import MessageBoxInteraction


def test_ask_text_wraps_a_long_explanation_and_returns_the_answer(qtbot: QtBot) -> None:
    """S6: the password question carries the reason there is no keyring; it wraps instead of
    stretching the box across the screen, and the typed password comes back."""
    reason = KeyringSecretStore(backend=keyring.backends.fail.Keyring()).reason
    seen: list[tuple[int, QLineEdit.EchoMode]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, answer)
            return
        seen.append((dialog.width(), dialog.textEchoMode()))
        dialog.setTextValue("Geheim!42")
        dialog.accept()

    QTimer.singleShot(0, answer)
    value = MessageBoxInteraction().ask_text(None, "Database password", reason + "\n\nPassword:", password=True)
    assert value == "Geheim!42"
    [(width, echo)] = seen
    assert width < 600
    assert echo == QLineEdit.EchoMode.Password


def test_ask_text_cancelled_is_none(qtbot: QtBot) -> None:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            dialog.reject()
        else:
            QTimer.singleShot(10, cancel)

    QTimer.singleShot(0, cancel)
    assert MessageBoxInteraction().ask_text(None, "Name", "Name:", text="vorher") is None
