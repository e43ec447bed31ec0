"""Questions and messages to the user behind one replaceable service (git-cola's ``Interaction``).

Widgets never call QMessageBox directly; they call :func:`get` and ask the service. Tests install a
scripted service with :func:`install` so that no modal box ever blocks a test run and every
message can be asserted on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QLineEdit, QWidget

from mandant_desktop.ui.mnemonics import escaped, mnemonic, with_mnemonic

if TYPE_CHECKING:
    # Imported where a box is shown: PySide creates a class's enum classes when it is first
    # imported, and the start shows no box (issue 8).
    from PySide6.QtWidgets import QInputDialog, QMessageBox


class Interaction(Protocol):
    def confirm(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        ok_text: str = "",
        destructive: bool = False,
    ) -> bool:
        """Ask a yes/no question; True when the user agreed. ``ok_text`` names the action."""
        ...

    def information(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def warning(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def error(self, parent: QWidget | None, title: str, text: str) -> None: ...

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, *, text: str = "", password: bool = False
    ) -> str | None:
        """A line of text, or None when the user cancelled."""
        ...


class MessageBoxInteraction:
    """The real service: modal message boxes."""

    def confirm(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        *,
        ok_text: str = "",
        destructive: bool = False,
    ) -> bool:
        box, ok = question_box(parent, title, text, ok_text=ok_text, destructive=destructive)
        box.exec()
        return box.clickedButton() is ok

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(parent, title, text)

    def conflict(
        self, parent: QWidget | None, text: str, inputs: list[tuple[str, str]], *, stored: list[str] | None = None
    ) -> bool:
        """A save met someone else's change (S4): show who and when and the user's input (beside
        it what is ``stored`` now, when known); True when the user chose Reload."""
        from mandant_desktop.ui.conflict_dialog import ConflictDialog

        dialog = ConflictDialog(text, inputs, parent, stored)
        dialog.exec()
        return dialog.reload_chosen

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, *, text: str = "", password: bool = False
    ) -> str | None:
        dialog = text_dialog(parent, title, label, text=text, password=password)
        try:
            return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def question_box(
    parent: QWidget | None, title: str, text: str, *, ok_text: str = "", destructive: bool = False
) -> tuple[QMessageBox, QAbstractButton]:
    """The box :meth:`MessageBoxInteraction.confirm` shows, and its OK button."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question, title, text)
    box.setObjectName("questionBox")
    box.setParent(parent, box.windowFlags())
    ok = box.addButton(QMessageBox.StandardButton.Ok)
    if ok_text:
        ok.setText(ok_text)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    # A destructive question defaults to the harmless answer, so Enter cannot destroy anything.
    box.setDefaultButton(cancel if destructive else ok)
    box.setEscapeButton(cancel)
    return box, ok


def text_dialog(
    parent: QWidget | None, title: str, label: str, *, text: str = "", password: bool = False
) -> QInputDialog:
    """The prompt :meth:`MessageBoxInteraction.ask_text` shows."""
    from PySide6.QtWidgets import QInputDialog

    dialog = QInputDialog(parent)
    dialog.setObjectName("textPrompt")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal)
    dialog.setTextValue(text)
    if mnemonic(label) is None:
        # E2: the label names the field (its buddy): Alt+letter comes back to it from the buttons.
        # The label is a sentence with data in it ("Password of postgres@db…"), so its letter is
        # one OK and Cancel do not have.
        used = {letter for b in dialog.findChildren(QAbstractButton) if (letter := mnemonic(b.text()))}
        dialog.setLabelText(with_mnemonic(escaped(label), used))
    # A label with an explanation (e.g. why no keyring is used) wraps instead of widening the box
    # to the length of its longest sentence.
    for caption in dialog.findChildren(QLabel):
        caption.setWordWrap(True)
    return dialog


_current: Interaction = MessageBoxInteraction()


def get() -> Interaction:
    return _current


def install(service: Interaction) -> Interaction:
    """Make ``service`` the one everybody uses; returns the previous one."""
    global _current
    previous, _current = _current, service
    return previous


@contextmanager
def installed(service: Interaction) -> Iterator[Interaction]:
    previous = install(service)
    try:
        yield service
    finally:
        install(previous)
