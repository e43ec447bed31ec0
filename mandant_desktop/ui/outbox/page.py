"""The outbox (SPEC U4): every mail the program sent or kept, newest first, with its text.

Without an e-mail server the activation mails stay here, and the operator can pass the link on
by another way; with one, failed mails show why and can be sent again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.services.mail import MailStatus, OutboxRow
from mandant_desktop.ui import formats, tasks
from mandant_desktop.ui.copy_rows import copy_rows_action
from mandant_desktop.ui.errors import run_action
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.keyboard import enter_opens_detail
from mandant_desktop.ui.layout_memory import remember
from mandant_desktop.ui.page import Page, PageContext
from mandant_desktop.ui.page_parts import (
    page_heading,
    popup_actions,
    search_edit,
    set_column_widths,
    text_column_width,
)

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
PAGE_SIZE = 200
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_TEXTS = {
    MailStatus.QUEUED: QT_TRANSLATE_NOOP("OutboxModel", "Waiting to be sent"),
    MailStatus.SENT: QT_TRANSLATE_NOOP("OutboxModel", "Sent"),
    MailStatus.FAILED: QT_TRANSLATE_NOOP("OutboxModel", "Failed"),
    MailStatus.OUTBOX: QT_TRANSLATE_NOOP("OutboxModel", "Kept (no e-mail server)"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("OutboxModel", "Created"),
    QT_TRANSLATE_NOOP("OutboxModel", "Recipient"),
    QT_TRANSLATE_NOOP("OutboxModel", "Subject"),
    QT_TRANSLATE_NOOP("OutboxModel", "Status"),
)
CREATED, RECIPIENT, SUBJECT, STATUS = range(len(COLUMNS))
#: the language a mail is written in, in the operator's language
LANGUAGE_NAMES = {
    "de": QT_TRANSLATE_NOOP("OutboxPage", "German"),
    "en": QT_TRANSLATE_NOOP("OutboxPage", "English"),
}
#: an address of the usual length, for the recipient column's starting width (never shown)
USUAL_ADDRESS = "firstname.lastname@department.example.com"


class OutboxModel(QAbstractTableModel):
    def __init__(self, fetch: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._rows: list[OutboxRow] = []
        self._more = False

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._fetch(0, PAGE_SIZE)
        self._more = len(self._rows) == PAGE_SIZE
        self.endResetModel()

    def canFetchMore(self, parent: Index = NO_PARENT) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = NO_PARENT) -> None:
        if parent.isValid() or not self._more:
            return
        rows = self._fetch(len(self._rows), PAGE_SIZE)
        self._more = len(rows) == PAGE_SIZE
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def row_at(self, row: int) -> OutboxRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        mail = self.row_at(index.row()) if index.isValid() else None
        if mail is None:
            return None
        if role == ROW_ROLE:
            return mail
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == CREATED:
                return formats.date_time_text(mail.created_at)
            if column == RECIPIENT:
                return mail.recipient
            if column == SUBJECT:
                return mail.subject
            if column == STATUS:
                return self.tr(STATUS_TEXTS[mail.status])
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == STATUS and mail.error:
            return mail.error
        return None


class OutboxPage(Page):
    page_id: ClassVar[str] = "outbox"
    object_name: ClassVar[str] = "page.outbox"
    permission: ClassVar[str] = "mail.view"
    icon_name: ClassVar[str] = "outbox"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Outbox")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._mail = context.app.services.mail
        self.heading = page_heading()
        self.note = QLabel()
        self.note.setObjectName("outboxNote")
        self.note.setWordWrap(True)
        # E2: Ctrl+F comes here; the list narrows to the mails whose recipient or subject holds the text.
        self.search, self._search_timer = search_edit(self, "outboxSearch", self.apply_search)
        #: the search the list shows
        self._searched = ""
        self.send_task: tasks.Task[int] | None = None
        self.model = OutboxModel(self._fetch, self)
        self.table = QTableView()
        self.table.setObjectName("outboxTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(SUBJECT, QHeaderView.ResizeMode.Stretch)
        set_column_widths(self.table.horizontalHeader(), self._fitting_widths())
        self.body = QPlainTextEdit()
        self.body.setObjectName("outboxBody")
        self.body.setReadOnly(True)
        self.send_button = QPushButton()
        self.send_button.setObjectName("outboxSendButton")
        self.send_button.clicked.connect(self.send_again)
        self.count_label = QLabel()
        # E2: right click and the Menu key offer what the button does, and copying the mail (the
        # activation link to pass on another way) or the rows.
        self.send_action = QAction(self)
        self.send_action.setObjectName("outboxSendAction")
        self.send_action.triggered.connect(self.send_again)
        self.copy_text_action = QAction(self)
        self.copy_text_action.setObjectName("outboxCopyTextAction")
        self.copy_text_action.triggered.connect(self.copy_mail_text)
        self.copy_rows_action = copy_rows_action(self.table, context.shell.show_status)
        # E2: Enter goes into the selected mail's text (to read or copy its link), Esc back.
        self.read_action = enter_opens_detail(self.table, self.body, "outboxReadAction")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.show_context_menu)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("outboxSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.body)
        splitter.setSizes([400, 220])
        for remembered in (splitter, self.table):  # E4
            remember(context.settings, self.page_id, remembered)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        layout.addLayout(bar)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.retranslateUi()
        self.refresh()
        if self.model.rowCount() > 0:
            self.table.selectRow(0)

    def _fitting_widths(self) -> dict[int, int]:
        """Starting widths: the date and the status as wide as their longest text in this language,
        the recipient room for a usual address; the subject takes the rest of the table's width."""
        # Two-digit months, days and hours, morning and evening: the longest a moment is written.
        moments = [dt.datetime(2026, 12, 28, hour, 58).astimezone() for hour in (10, 22)]
        return {
            CREATED: text_column_width(self.table, [formats.date_time_text(moment) for moment in moments]),
            RECIPIENT: text_column_width(self.table, [USUAL_ADDRESS]),
            STATUS: text_column_width(self.table, [self.model.tr(text) for text in STATUS_TEXTS.values()]),
        }

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            # Dates and statuses are longer in the other language: widen what would cut them off
            # (a remembered width that still shows them stays as it is).
            header = self.table.horizontalHeader()
            for column in (CREATED, STATUS):
                header.resizeSection(column, max(header.sectionSize(column), self._fitting_widths()[column]))
            self._selected()  # "To:", "Subject:", "Language:" above the mail in the new language

    def _fetch(self, offset: int, limit: int) -> list[OutboxRow]:
        rows = run_action(self, self._mail.outbox_page, self.operator(), offset, limit, search=self._searched)
        return rows if rows is not None else []

    def search_field(self) -> QLineEdit:
        return self.search

    def apply_search(self) -> None:
        """The list for the text in the search field, once typing pauses (or at once on Enter)."""
        self._search_timer.stop()
        if self.search.text().strip() != self._searched:
            self.refresh()

    def refresh(self) -> bool:
        self._searched = self.search.text().strip()
        total = run_action(self, self._mail.outbox_count, self.operator(), search=self._searched)
        if total is None:
            return False
        self.model.reload()
        self.count_label.setText(self.tr("%Ln mail(s)", None, total))
        self._selected()
        return True

    def selected_mails(self) -> list[OutboxRow]:
        result = []
        for index in self.table.selectionModel().selectedRows():
            row = index.data(ROW_ROLE)
            if isinstance(row, OutboxRow):
                result.append(row)
        return result

    def _selected(self, *_args: QItemSelection) -> None:
        mails = self.selected_mails()
        if len(mails) == 1:
            mail = mails[0]
            header = self.tr("To: %1\nSubject: %2").replace("%1", mail.recipient).replace("%2", mail.subject)
            if mail.language:
                # Written in the language of the operator who sent it, which may not be this one's.
                name = LANGUAGE_NAMES.get(mail.language)
                header += "\n" + self.tr("Language: %1").replace("%1", self.tr(name) if name else mail.language)
            if mail.error:
                header += "\n" + self.tr("Error: %1").replace("%1", mail.error)
            self.body.setPlainText(header + "\n\n" + mail.body)
        else:
            self.body.clear()
        self.send_button.setEnabled(
            self.context.operator.can("mail.view")
            and any(m.status in (MailStatus.FAILED, MailStatus.OUTBOX) for m in mails)
        )
        self.send_action.setEnabled(self.send_button.isEnabled())
        self.copy_text_action.setEnabled(len(mails) == 1)
        self.read_action.setEnabled(len(mails) == 1)

    def show_context_menu(self, pos: QPoint) -> None:
        """A row under the pointer that is not selected becomes the selection first."""
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        popup_actions(
            self,
            self.table,
            pos,
            (self.read_action, self.send_action, self.copy_text_action, self.copy_rows_action),
        )

    def copy_mail_text(self) -> None:
        """The selected mail as shown below the list (recipient, subject, text with its link)."""
        if len(self.selected_mails()) != 1:
            return
        QGuiApplication.clipboard().setText(self.body.toPlainText())
        self.context.shell.show_status(self.tr("The mail is on the clipboard."))

    def send_again(self) -> None:
        mails = [m for m in self.selected_mails() if m.status in (MailStatus.FAILED, MailStatus.OUTBOX)]
        if not mails:
            return
        if self.send_task is not None:
            return  # the mails sent a moment ago are still on their way
        # On a worker with a progress note (S5, E3): each mail waits for the server, a server that
        # does not answer up to the mail service's timeout, and the window stayed frozen that long.
        self.send_task = tasks.run_with_progress(
            self,
            self.tr("Send again"),
            self.tr("Sending %Ln mail(s)…", None, len(mails)),
            self._mail.retry_failed,
            self.operator(),
            [m.id for m in mails],
            on_done=lambda sent: self.context.shell.show_status(self.tr("%Ln mail(s) sent.", None, sent)),
            writes=True,
            reports=False,
        )
        self.send_task.finished.connect(self._sent_again)

    def _sent_again(self) -> None:
        self.send_task = None
        self.refresh()

    def retranslateUi(self) -> None:
        self.heading.setText(self.title())
        self.note.setText(
            self.tr(
                "Every mail the program sends is listed here. Without an e-mail server (Settings) mails are "
                "kept here instead: you can pass an activation link on another way. Links are valid once."
            )
        )
        self.search.setPlaceholderText(self.tr("Search recipient and subject (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the outbox"))
        self.send_button.setText(self.tr("&Send again"))
        self.send_action.setText(self.tr("&Send again"))
        self.copy_text_action.setText(self.tr("Copy &mail text"))
        self.read_action.setText(self.tr("&Read mail"))
        self.read_action.setStatusTip(self.tr("Go to the text of the mail to read or copy it; Esc goes back (Enter)"))
        self.send_button.setToolTip(self.tr("Send the selected kept or failed mails through the e-mail server"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
