"""The dialogs "Select agency" (SPEC C9) and "Agency information" (C11)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from mandant_desktop.services.customers import AgencyRow
from mandant_desktop.ui.customers.common import Actor, CustomerDialog
from mandant_desktop.ui.customers.row_model import RowTableModel
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import open_at_least, text_width
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.page_parts import set_column_widths

_HEADERS = (
    QT_TRANSLATE_NOOP("AgencyListModel", "Number"),
    QT_TRANSLATE_NOOP("AgencyListModel", "Name"),
    QT_TRANSLATE_NOOP("AgencyListModel", "Short name"),
    QT_TRANSLATE_NOOP("AgencyListModel", "Tenant"),
)


class AgencyListModel(RowTableModel):
    """A short list of customers (agencies, or an agency's clients)."""

    headers = _HEADERS

    def row_at(self, row: int) -> AgencyRow | None:
        found: AgencyRow | None = super().row_at(row)
        return found

    def cells(self, row: AgencyRow) -> tuple[str, ...]:
        return (row.number, row.name, row.short_name, row.tenant)


def _table(model: AgencyListModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # E2: Tab leaves the table, the arrow keys move in it
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    set_column_widths(header, [text_width(view, characters) for characters in (13, 43, 23, 27)])
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return view


class SelectAgencyDialog(CustomerDialog):
    """Every agency customer, searchable by name, number and short name."""

    def __init__(self, actor: Actor, exclude: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(actor, "selectAgencyDialog", parent)
        self._exclude = exclude
        self.selected: AgencyRow | None = None
        self.search = QLineEdit()
        self.search.setObjectName("agencySearch")
        self.search.setClearButtonEnabled(True)
        self.model = AgencyListModel(self)
        self.table = _table(self.model, "agencyTable")
        self.table.doubleClicked.connect(lambda _index: self.save())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.load)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.hint = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslateUi()
        open_at_least(self, 117, 31)
        self.load()

    def load(self) -> None:
        self._timer.stop()
        ok, rows = self.attempt(self.actor.services.customers.agencies, self.actor.operator, self.search.text())
        if ok and rows is not None:
            self.model.set_rows([r for r in rows if r.id != self._exclude])
            if self.model.rowCount():
                self.table.selectRow(0)

    def save(self) -> None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None:
            self.message.show_error(self.tr("Select an agency in the list."))
            return
        self.selected = row
        self.accept()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Select agency"))
        self.search.setPlaceholderText(self.tr("Search by name, number or short name"))
        self.hint.setText(self.tr("Customers marked as agency in their properties appear here."))


class AgencyInfoDialog(CustomerDialog):
    """For one agency, the customers for which it is the default agency (C11)."""

    def __init__(self, actor: Actor, agency_id: int, agency_label: str, parent: QWidget | None = None) -> None:
        super().__init__(actor, "agencyInfoDialog", parent)
        self._label = agency_label
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.model = AgencyListModel(self)
        self.table = _table(self.model, "agencyClientTable")
        self.buttons.setStandardButtons(self.buttons.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        _ok, rows = self.attempt(actor.services.customers.agency_clients, actor.operator, agency_id)
        self.model.set_rows(rows or [])
        self.retranslateUi()
        open_at_least(self, 117, 29)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Agency information"))
        count = self.model.rowCount()
        if count:
            text = self.tr("%1 is the default agency of these customers (%2):").replace("%1", self._label)
            self.heading.setText(text.replace("%2", number_text(count)))
        else:
            self.heading.setText(self.tr("%1 is the default agency of no customer.").replace("%1", self._label))
