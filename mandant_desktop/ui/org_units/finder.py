"""Finding a unit deep in the lazy tree and revealing it (SPEC A4: "Organisationseinheit suchen").

The service answers a search with the id path of every match; the model loads the levels along a
path one after the other, and the view then expands them, selects the unit and scrolls to it.
Enter in the search field starts the search, Enter again (or F3) goes to the next match.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView

from mandant_desktop.ui import tasks
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.org_units.tree_model import ROOT, OrgUnitTreeModel

#: the id paths (top level first) of the units whose name contains the text, on a worker
SearchFn = Callable[[str], list[tuple[int, ...]]]


class Revealer(QObject):
    """Loads the levels of a path in ``model`` one after the other, then shows the unit in ``view``."""

    revealed = Signal(int)

    def __init__(self, model: OrgUnitTreeModel, view: QTreeView) -> None:
        super().__init__(view)
        self._model = model
        self._view = view
        self._path: tuple[int, ...] | None = None
        model.children_loaded.connect(lambda _unit: self._step())
        model.modelReset.connect(self._forget)

    def reveal(self, path: tuple[int, ...]) -> None:
        self._path = path
        self._step()

    def pending(self) -> bool:
        return self._path is not None

    def _forget(self) -> None:
        self._path = None

    def _step(self) -> None:
        path = self._path
        if not path:
            return
        parent = ROOT
        for unit_id in path:
            if not self._model.is_fetched(parent):
                index = self._model.index_of(parent)
                if self._model.canFetchMore(index):
                    self._model.fetchMore(index)
                return  # goes on when the level has arrived
            if not self._model.index_of(unit_id).isValid():
                self._path = None  # gone meanwhile
                return
            parent = unit_id
        self._path = None
        self.show(path[-1])

    def show(self, unit_id: int) -> None:
        index = self._model.index_of(unit_id)
        if not index.isValid():
            return
        ancestor = index.parent()
        while ancestor.isValid():
            self._view.expand(ancestor)
            ancestor = ancestor.parent()
        self._view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self._view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.revealed.emit(unit_id)


class UnitFinder(QObject):
    """Drives a search field over a lazy unit tree: Enter searches, Enter again / F3 goes on."""

    #: "3 of 12" or "no match", for a label beside the field
    status_changed = Signal(str)

    def __init__(self, field: QLineEdit, revealer: Revealer, search: SearchFn) -> None:
        super().__init__(field)
        self._field = field
        self._revealer = revealer
        self._search = search
        self._matches: list[tuple[int, ...]] = []
        self._text = ""
        self._position = -1
        self.loader: tasks.Latest[list[tuple[int, ...]]] = tasks.Latest(self)
        field.returnPressed.connect(self.next)
        field.textEdited.connect(self._edited)
        next_match = QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), field)
        next_match.setContext(Qt.ShortcutContext.WidgetShortcut)
        next_match.activated.connect(self.next)

    def next(self) -> None:
        text = self._field.text().strip()
        if not text:
            return
        if text == self._text and self._matches:
            self._position = (self._position + 1) % len(self._matches)
            self._show()
            return
        self._text = text
        self.loader.run(self._search, text, on_done=self._found)

    def _edited(self, _text: str) -> None:
        self._matches, self._text, self._position = [], "", -1
        self.status_changed.emit("")

    def _found(self, matches: list[tuple[int, ...]]) -> None:
        self._matches = matches
        self._position = 0
        if not matches:
            self.status_changed.emit(self.tr("No org unit matches."))
            return
        self._show()

    def _show(self) -> None:
        self.status_changed.emit(
            self.tr("%1 of %2")
            .replace("%1", number_text(self._position + 1))
            .replace("%2", number_text(len(self._matches)))
        )
        self._revealer.reveal(self._matches[self._position])


def current_unit_id(view: QTreeView) -> int | None:
    """The unit of the view's current row, or None."""
    index: QModelIndex = view.currentIndex()
    model = view.model()
    if not index.isValid() or not isinstance(model, OrgUnitTreeModel):
        return None
    unit = model.unit(index)
    return unit.id if unit is not None else None
