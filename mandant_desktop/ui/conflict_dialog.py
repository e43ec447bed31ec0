"""The dialog for a save over someone else's change (SPEC S4).

A :class:`~mandant_desktop.domain.errors.ConflictError` says who changed the object and when. The
dialog shows that, lists what the user typed (so that nothing typed is lost and it can be compared
with the reloaded page), and offers "Reload": the page behind reads the data again. The form the
user was typing in stays open; nothing is ever saved over the other change.

It is shown through the interaction service (:func:`ask_conflict`), so tests answer it without a
modal dialog. :func:`mandant_desktop.ui.errors.run_action` calls it for every ConflictError, and the
form dialogs call it with their input.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.domain.errors import ConflictError, InUseError
from mandant_desktop.ui import interaction
from mandant_desktop.ui.forms import open_at_least

#: (label, value) pairs of what the user typed
Inputs = Sequence[tuple[str, str]]


class InputsModel(QAbstractTableModel):
    """The user's input as read-only columns: field and value, and with ``stored`` (one value per
    input row, as saved now by the other workstation) a third column beside it."""

    def __init__(self, rows: Inputs, parent: QWidget | None = None, stored: Sequence[str] | None = None) -> None:
        super().__init__(parent)
        self._rows = [(label.replace("&", "").rstrip(":"), value) for label, value in rows]
        self._stored = list(stored) if stored is not None else None
        self.headers = ["", "", ""]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (2 if self._stored is None else 3)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.FontRole:
            # Side by side: a row whose input differs from what is stored now stands out in bold.
            if self._stored is None or self._stored[index.row()] == self._rows[index.row()][1]:
                return None
            font = QFont()
            font.setBold(True)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if index.column() == 2:
            return self._stored[index.row()] if self._stored is not None else None
        return self._rows[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.columnCount():
            return self.headers[section]
        return None

    def set_headers(self, field: str, value: str, stored: str = "") -> None:
        self.headers = [field, value, stored]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)


def is_concurrent_change(exc: ConflictError) -> bool:
    """A ConflictError about someone else's change (the conflict dialog), not an "in use" refusal."""
    return not isinstance(exc, InUseError)


class ConflictDialog(QDialog):
    """Who changed it and when, the user's input, and "Reload" or "Keep my input"."""

    def __init__(
        self, message: str, inputs: Inputs = (), parent: QWidget | None = None, stored: Sequence[str] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.reload_chosen = False
        icon = QLabel()
        style = self.style()
        icon.setPixmap(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel()
        self.heading.setObjectName("conflictHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.message = QLabel(message)
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.inputs_label = QLabel()
        self.inputs_label.setWordWrap(True)
        self.inputs_model = InputsModel(inputs, self, stored)
        self.inputs_view = QTableView()
        self.inputs_view.setObjectName("conflictInputs")
        self.inputs_view.setModel(self.inputs_model)
        self.inputs_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Read only: Tab leaves the table for the buttons instead of walking its cells (E2).
        self.inputs_view.setTabKeyNavigation(False)
        self.inputs_view.verticalHeader().hide()
        self.inputs_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.inputs_view.horizontalHeader().setStretchLastSection(True)
        self.inputs_view.setWordWrap(False)
        if stored is not None:
            # Input and stored value side by side, equally wide.
            for column in (1, 2):
                self.inputs_view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.inputs_view.setAlternatingRowColors(True)
        self.inputs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        rows_height = self.inputs_view.verticalHeader().defaultSectionSize() * max(1, len(inputs))
        header_height = self.inputs_view.horizontalHeader().sizeHint().height()
        self.inputs_view.setMinimumHeight(min(320, rows_height + header_height + 2 * self.inputs_view.frameWidth()))
        self.inputs_label.setVisible(bool(inputs))
        self.inputs_view.setVisible(bool(inputs))
        self.buttons = QDialogButtonBox()
        self.reload_button = QPushButton()
        self.reload_button.setObjectName("conflictReload")
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("conflictKeep")
        self.buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.reload_button.setDefault(True)
        self.reload_button.clicked.connect(self._reload)
        self.keep_button.clicked.connect(self.reject)
        text = QVBoxLayout()
        text.addWidget(self.heading)
        text.addWidget(self.message)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(icon)
        row.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.inputs_label)
        layout.addWidget(self.inputs_view)
        layout.addWidget(self.buttons)
        self.retranslateUi()
        open_at_least(self, 93 if stored is None else 120)
        self.reload_button.setFocus()

    def _reload(self) -> None:
        self.reload_chosen = True
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Changed on another workstation"))
        self.heading.setText(self.tr("Your change was not saved."))
        self.inputs_label.setText(
            self.tr("Your input is kept (the form stays open) so that you can compare it with the reloaded data:")
        )
        self.inputs_model.set_headers(self.tr("Field"), self.tr("Your input"), self.tr("Saved now"))
        self.reload_button.setText(self.tr("&Reload"))
        self.keep_button.setText(self.tr("&Keep my input"))


def form_inputs(form: QFormLayout) -> list[tuple[str, str]]:
    """What the user typed in a form, as (label, value); password fields never show."""
    rows: list[tuple[str, str]] = []
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = label_item.widget() if label_item is not None else None
        widget = field_item.widget() if field_item is not None else None
        if widget is None or widget.isHidden():
            continue
        value = _value_of(widget)
        if value is None:
            continue
        title = label.text() if isinstance(label, QLabel) else ""
        if isinstance(widget, QCheckBox) and not title:
            title = widget.text()
        rows.append((title.replace("&", "").rstrip(":"), value))
    return rows


def dialog_inputs(dialog: QWidget) -> list[tuple[str, str]]:
    """What the user typed in every form of a dialog."""
    rows: list[tuple[str, str]] = []
    for form in dialog.findChildren(QFormLayout):
        rows.extend(form_inputs(form))
    return rows


def _value_of(widget: QWidget) -> str | None:
    if isinstance(widget, QLineEdit):
        if widget.echoMode() != QLineEdit.EchoMode.Normal:
            return None
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QCheckBox):
        return "✓" if widget.isChecked() else "–"
    if isinstance(widget, QSpinBox):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    return None


def ask_conflict(
    parent: QWidget | None, exc: ConflictError, inputs: Inputs = (), stored: Sequence[str] | None = None
) -> bool:
    """Show the conflict; True when the user chose Reload, and then the page behind reloads.
    ``stored`` (one per input row) is what is saved now, when the form read it itself; otherwise
    it comes from the service's ``exc.current``."""
    from mandant_desktop.ui.errors import message_for

    service = interaction.get()
    ask = getattr(service, "conflict", None)
    if ask is None:
        # An interaction service without the conflict question (an older test double): say it.
        title = QCoreApplication.translate("ConflictDialog", "Changed on another workstation")
        service.error(parent, title, message_for(exc))
        return False
    if stored is None:
        stored = stored_beside(inputs, exc.current)
    if stored is None:
        reload_chosen = bool(ask(parent, message_for(exc), list(inputs)))
    else:
        reload_chosen = bool(ask(parent, message_for(exc), list(inputs), stored=list(stored)))
    if reload_chosen:
        reload_page_of(parent)
    return reload_chosen


def stored_beside(inputs: Inputs, current: dict[str, str]) -> list[str] | None:
    """The stored value beside each input row (matched by the field's name as the service and the
    form's label say it), or None when the service sent no stored values."""
    if not current:
        return None
    by_label: dict[str, str] = {}
    for name, value in current.items():
        by_label[name.casefold()] = value
        by_label[QCoreApplication.translate("fields", name).casefold()] = value
    return [by_label.get(label.replace("&", "").rstrip(":").casefold(), "") for label, _ in inputs]


def reload_page_of(widget: QWidget | None) -> None:
    """Refresh the page ``widget`` belongs to (a dialog belongs to the page that opened it)."""
    from mandant_desktop.ui.page import Page

    current = widget
    while current is not None:
        if isinstance(current, Page):
            current.refresh()
            return
        current = current.parentWidget()


def report_stale_save(
    dialog: QWidget,
    show_error: Callable[[str], object],
    exc: ConflictError,
    *,
    compared: Callable[[], tuple[Inputs, Sequence[str] | None]] | None = None,
) -> bool:
    """A form's save refused as a conflict (S4): the message in the form, and for a change made on
    another workstation the dialog that compares the input kept in the form with what is saved now
    ("Reload" refreshes the page behind). True when the user chose Reload.

    ``compared`` gives (input rows, stored value per row) for a form that reads what is saved now
    itself (the settings sections); by default the input is every form of ``dialog`` and the stored
    values are those the service sent with the conflict."""
    from mandant_desktop.ui.errors import message_for

    show_error(message_for(exc))
    if not is_concurrent_change(exc):
        return False
    if compared is None:
        return ask_conflict(dialog, exc, dialog_inputs(dialog))
    inputs, stored = compared()
    return ask_conflict(dialog, exc, inputs, stored)
