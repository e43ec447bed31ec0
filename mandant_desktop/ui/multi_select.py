"""A multi-select with a search field, as a button that opens a popup list (filters, bulk edit).

Used where the manual says "click into the field, choose one or more entries from the list":
the org-unit and user filters of the role assignment page and the three pickers of its bulk
edit panel. The list is a model (:class:`CheckListModel`) behind a filter proxy, so ten thousand
users cost no widgets.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import open_at_least
from mandant_desktop.ui.search_filter import FoldedFilterProxy

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CheckListModel(QAbstractListModel):
    """(id, text) entries with a tick box each; ``changed`` tells when the ticked set changes."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[int, str, str]] = []
        self._checked: set[int] = set()

    def set_items(self, items: Iterable[tuple[int, str] | tuple[int, str, str]]) -> None:
        """Entries as (id, text) or (id, text, tool tip); ticks of ids that remain are kept."""
        self.beginResetModel()
        self._items = [(item[0], item[1], item[2] if len(item) > 2 else "") for item in items]
        if self._checked:  # 10,000 users: no set of every id when nothing is ticked
            self._checked &= {item[0] for item in self._items}
        self.endResetModel()

    def checked(self) -> list[int]:
        """Ticked ids in list order."""
        if not self._checked:
            return []
        return [item[0] for item in self._items if item[0] in self._checked]

    def set_checked(self, ids: Iterable[int]) -> None:
        wanted = set(ids) & {item[0] for item in self._items}
        if wanted != self._checked:
            self._checked = wanted
            if self._items:
                self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1), [Qt.ItemDataRole.CheckStateRole])
            self.changed.emit()

    def text_of(self, item_id: int) -> str:
        return next((text for i, text, _tip in self._items if i == item_id), "")

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item_id, text, tip = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip or None
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item_id in self._checked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return item_id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        item_id = self._items[index.row()][0]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(item_id)
        else:
            self._checked.discard(item_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.changed.emit()
        return True


class MultiSelectPopup(QFrame):
    """The popup: search field, list with tick boxes, "tick all shown" and "clear"."""

    def __init__(self, model: CheckListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.model = model
        self.proxy = FoldedFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.search = QLineEdit()
        self.search.setObjectName("multiSelectSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.installEventFilter(self)
        self.list = QListView()
        self.list.setObjectName("multiSelectList")
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.all_button = QPushButton()
        self.all_button.setObjectName("multiSelectAll")
        self.all_button.clicked.connect(self.tick_all_shown)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("multiSelectClear")
        self.clear_button.clicked.connect(lambda: self.model.set_checked(()))
        self.hint = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.all_button.setText(self.tr("Tick all shown"))
        self.clear_button.setText(self.tr("Clear"))
        self.search.setPlaceholderText(self.tr("Search…"))
        open_at_least(self, 57, 27)

    def tick_all_shown(self) -> None:
        ids = set(self.model.checked())
        for row in range(self.proxy.rowCount()):
            value = self.proxy.index(row, 0).data(ID_ROLE)
            if isinstance(value, int):
                ids.add(value)
        self.model.set_checked(ids)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Arrow down from the search field goes into the list; Space there ticks.
        key_down = isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
        if watched is self.search and event.type() == QEvent.Type.KeyPress and key_down:
            self.list.setFocus()
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.proxy.index(0, 0))
            return True
        return super().eventFilter(watched, event)


class MultiSelectButton(QToolButton):
    """A button that names what is chosen ("Org units: 3 of 120") and opens the popup list."""

    changed = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.model = CheckListModel(self)
        self.model.changed.connect(self._update_text)
        self.model.changed.connect(self.changed)
        self.model.modelReset.connect(self._update_text)
        self._popup: MultiSelectPopup | None = None
        self.label = ""
        self.none_text = ""
        self.clicked.connect(self.open_popup)

    @property
    def popup(self) -> MultiSelectPopup:
        """The list, made when first opened: a page has up to five of these buttons, and the
        widgets of their lists took a tenth of the assignment page's construction (issue 8)."""
        if self._popup is None:
            self._popup = MultiSelectPopup(self.model, self)
        return self._popup

    def set_label(self, label: str, none_text: str) -> None:
        """``label`` names the list ("Org units"); ``none_text`` says what nothing ticked means."""
        self.label, self.none_text = label, none_text
        self._update_text()

    def open_popup(self) -> None:
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        self.popup.search.setFocus()

    def checked(self) -> list[int]:
        return self.model.checked()

    def _update_text(self) -> None:
        checked = self.model.checked()
        total = self.model.rowCount()
        if not checked:
            summary = self.none_text
        elif len(checked) == 1:
            summary = self.model.text_of(checked[0]).strip()
        else:
            summary = self.tr("%1 of %2").replace("%1", number_text(len(checked))).replace("%2", number_text(total))
        self.setText(f"{self.label}: {summary}" if self.label else summary)
        self.setAccessibleName(self.label)
