"""The searchable user field of the hierarchical view (SPEC A4; "Das Feld „Benutzer“ funktioniert
auch als Suchfeld"): type part of a name, user name or e-mail, pick from the list that drops down.

The list comes from the service (at most 50 matches, on a worker) as the user types, so ten
thousand users cost nothing until asked for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from mandant_desktop.services.assignments import GridUser
from mandant_desktop.ui import icons, tasks

#: users matching a text, on a worker
UserSearch = Callable[[str], list[GridUser]]
SEARCH_DELAY_MS = 200


def user_text(user: GridUser) -> str:
    return f"{user.display_name} ({user.username})"


class UserPicker(QLineEdit):
    #: the chosen user (a GridUser), or None when the field was cleared
    user_chosen = Signal(object)
    #: a search answered; for tests and the busy state
    searched = Signal()

    def __init__(self, search: UserSearch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignmentUserPicker")
        self.setClearButtonEnabled(True)
        self.addAction(icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._search = search
        self._found: dict[str, GridUser] = {}
        self.user: GridUser | None = None
        self.list_model = QStringListModel(self)
        self.completer_ = QCompleter(self.list_model, self)
        # The service has filtered already (name, user name, e-mail): show its answer as it is.
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._activated)
        self.loader: tasks.Latest[list[GridUser]] = tasks.Latest(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._edited)
        self.installEventFilter(self)

    def _edited(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self._popup_hide()
            self.choose(None)
            return
        self._timer.start()

    def search_now(self) -> None:
        self.loader.run(self._search, self.text().strip(), on_done=self._answered)

    def _answered(self, users: list[GridUser]) -> None:
        self._found = {user_text(user): user for user in users}
        self.list_model.setStringList(list(self._found))
        if users:  # the answer to what was just typed (or to the arrow key)
            self.completer_.complete()
        self.searched.emit()

    def _activated(self, text: str) -> None:
        user = self._found.get(text)
        if user is not None:
            self.choose(user)

    def choose(self, user: GridUser | None) -> None:
        """Make ``user`` the chosen one (the tree then shows their roles)."""
        if user is not None:
            self.setText(user_text(user))
        if user != self.user:
            self.user = user
            self.user_chosen.emit(user)

    def _popup_visible(self) -> bool:
        popup = self.completer_.popup()
        return popup is not None and popup.isVisible()

    def _popup_hide(self) -> None:
        popup = self.completer_.popup()
        if popup is not None:
            popup.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Arrow down in the field opens the list, as in a combo box.
        if (
            watched is self
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and not self._popup_visible()
        ):
            self.search_now()
            return True
        return super().eventFilter(watched, event)
