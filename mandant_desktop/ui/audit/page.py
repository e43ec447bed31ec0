"""The audit log page: who changed what, filtered and exported (SPEC S3).

Read only for everyone: the page offers no way to change an entry, and the service has none. The
table (``auditTable``) fetches pages lazily after a keyset cursor; the filters (time range,
operator, object type, tenant, free text) and the sort run in the database. The detail pane lists
the changed fields of the current entry, before → after. *Export…* writes the filtered entries to
an Excel file, with progress and cancel (needs ``audit.export``).
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.domain.errors import DomainError
from mandant_desktop.services.audit import AuditQuery, AuditRow, AuditService, Cursor, FieldChange
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui import formats, tasks
from mandant_desktop.ui.audit.fields import (
    entry_label,
    field_name,
    setting_choice_name,
    setting_name,
    setting_part_name,
    summary_text,
    value_name,
)
from mandant_desktop.ui.audit.model import (
    COLUMNS,
    PAGE,
    ROW_ROLE,
    AuditTableModel,
    action_text,
    column_of,
    column_title,
    local_time,
    object_type_text,
)
from mandant_desktop.ui.date_edit import OptionalDateEdit
from mandant_desktop.ui.flow_layout import FlowLayout, group
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import fit_placeholder
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.keyboard import enter_opens_detail
from mandant_desktop.ui.layout_memory import remember
from mandant_desktop.ui.object_names import OBJECT_NAMES
from mandant_desktop.ui.page import Page, PageContext
from mandant_desktop.ui.page_parts import (
    page_heading,
    popup_actions,
    row_table,
    search_edit,
    set_text_column_widths,
)
from mandant_desktop.ui.permission_names import permission_name
from mandant_desktop.ui.text_table import TextTableModel

CONTEXT = "AuditPage"
#: a date edit at this date means "no limit"; it shows the special value text
NO_DATE = QDate(2000, 1, 1)
#: how long the status bar says that a load failed (longer than a plain note: it explains the list)
LOAD_FAILED_NOTE_MS = 15000

#: fixed words of the Excel export, marked for lupdate; the service passes them through ``translate``
EXPORT_WORDS = (
    QT_TRANSLATE_NOOP("AuditExport", "Audit log"),
    QT_TRANSLATE_NOOP("AuditExport", "Time"),
    QT_TRANSLATE_NOOP("AuditExport", "Operator"),
    QT_TRANSLATE_NOOP("AuditExport", "Workstation"),
    QT_TRANSLATE_NOOP("AuditExport", "Tenant"),
    QT_TRANSLATE_NOOP("AuditExport", "Object type"),
    QT_TRANSLATE_NOOP("AuditExport", "Object"),
    QT_TRANSLATE_NOOP("AuditExport", "Action"),
    QT_TRANSLATE_NOOP("AuditExport", "Changes"),
    QT_TRANSLATE_NOOP("AuditExport", "created"),
    QT_TRANSLATE_NOOP("AuditExport", "changed"),
    QT_TRANSLATE_NOOP("AuditExport", "deleted"),
)


def _export_word(text: str) -> str:
    return QCoreApplication.translate("AuditExport", text)


#: fields whose value is a moment (stored as ISO text in UTC) or a calendar date: shown in the
#: operator's locale format like the page's own times (E1)
TIME_FIELD_SUFFIXES = ("_at", "_until")
DATE_FIELDS = frozenset({"birthday"})


def _moment_text(value: str, field: str) -> str | None:
    """An ISO time or date of a time or date field in the locale's format; None for any other text."""
    if field in DATE_FIELDS:
        try:
            return formats.date_text(dt.date.fromisoformat(value))
        except ValueError:
            return None
    if field.endswith(TIME_FIELD_SUFFIXES):
        try:
            return formats.date_time_text(dt.datetime.fromisoformat(value), seconds=True)
        except ValueError:
            return None
    return None


def _written_dict_text(value: str, field: str) -> str | None:
    """A setting's parts that the log kept as Python's text of them (before the log kept them as
    JSON: "{'portal_url': …}"), one "key: value" per line; None for any other text."""
    if field != "value" or not (value.startswith("{") and value.endswith("}")):
        return None
    try:
        parts = ast.literal_eval(value)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    return value_text(parts) if isinstance(parts, dict) else None


def value_text(value: Any, field: str = "") -> str:
    """A stored before or after value of ``field`` as the operator reads it: a code as a word
    ("full" → "Full access"), a count with the locale's separators, a time or date in the locale's
    format; an ID and any other text as stored; a setting's parts one "part: value" per line, a part
    by the settings page's label where it has one."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("AuditPage", "yes") if value else QCoreApplication.translate("AuditPage", "no")
        )
    if isinstance(value, int) and not field.endswith("_id"):
        return number_text(value)
    if isinstance(value, str):
        if field == "permission_code":
            return permission_name(value)
        if field == "key":
            return setting_name(value)
        return value_name(field, value) or _moment_text(value, field) or _written_dict_text(value, field) or value
    if isinstance(value, dict):
        return "\n".join(f"{setting_part_name(str(key))}: {_part_text(part, str(key))}" for key, part in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(value_text(part, field) for part in value)
    return str(value)


def _part_text(value: Any, part: str) -> str:
    """A setting's part: a stored choice by the settings page's word for it, any other as
    :func:`value_text` writes it."""
    return (isinstance(value, str) and setting_choice_name(part, value)) or value_text(value, part)


def _named_text(value: Any, name: str | None) -> str:
    return f"{name} (#{value})" if name is not None else f"#{value}"


def change_cells(change: FieldChange) -> tuple[str, str, str]:
    """A changed field's title, before and after as the operator reads them: an id the log could
    name reads "Vertrieb Nord (#12)" under "Org unit", a list of them one such name each (S3)."""
    named = change.before_name is not None or change.after_name is not None
    listed = change.before_names is not None or change.after_names is not None

    def shown(value: Any, name: str | None, names: tuple[str | None, ...] | None) -> str:
        if names is not None and isinstance(value, list | tuple):
            return ", ".join(_named_text(part, part_name) for part, part_name in zip(value, names, strict=False))
        return _named_text(value, name) if name is not None else value_text(value, change.field)

    return (
        field_name(change.field, named=named or listed),
        shown(change.before, change.before_name, change.before_names),
        shown(change.after, change.after_name, change.after_names),
    )


def change_line(change: FieldChange) -> str:
    """One changed field as the operator reads it: "Kontingent (MB): 250 → 500" (the clipboard
    copy of an entry and the Excel export)."""
    title, before, after = change_cells(change)
    return f"{title}: {before} → {after}"


def _fill(template: str, *values: str) -> str:
    """Qt-style ``%1``, ``%2`` … placeholders filled in one pass (a value may contain ``%2``)."""
    return re.sub(
        r"%(\d)", lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values) else m.group(0), template
    )


def _day_start(date: QDate) -> dt.datetime:
    """Local midnight of ``date`` as aware UTC."""
    local = dt.datetime(date.year(), date.month(), date.day()).astimezone()
    return local.astimezone(dt.UTC)


def _local_day(moment: dt.datetime) -> QDate:
    """The local calendar day of ``moment`` (the reverse of :func:`_day_start`)."""
    local = moment.astimezone()
    return QDate(local.year, local.month, local.day)


@dataclass(frozen=True)
class _Loaded:
    query: AuditQuery
    total: int
    rows: list[AuditRow]
    choices: tuple[list[str], list[tuple[int, str]]] | None


def _fetch_first(
    service: AuditService, operator: Operator, query: AuditQuery, with_choices: bool, total: int | None = None
) -> _Loaded:
    """On a worker: the count and first page of ``query`` (and the filter choices, on F5). A new
    sort of the same filters passes the ``total`` it has: the order changes no count."""
    choices = (service.operator_names(operator), service.tenants(operator)) if with_choices else None
    if total is None:
        total = service.count(operator, query)
    return _Loaded(query, total, service.page(operator, query, None, PAGE) if total else [], choices)


class AuditPage(Page):
    page_id: ClassVar[str] = "audit"
    object_name: ClassVar[str] = "page.audit"
    permission: ClassVar[str] = "audit.view"
    icon_name: ClassVar[str] = "audit"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Audit log")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        #: the Excel export running on a worker, if any (S5)
        self.export_task: tasks.Task[int] | None = None
        self.loader: tasks.Latest[_Loaded] = tasks.Latest(self)
        #: the next page while scrolling, on a worker too (issue 8)
        self.more_loader: tasks.Latest[list[AuditRow]] = tasks.Latest(self)
        self._service = context.app.services.audit
        #: asks for the Excel file to write; tests replace it
        self.choose_export_path: Callable[[], str | None] = self._choose_export_path
        self.model = AuditTableModel(
            lambda query: self._service.count(self.operator(), query),
            lambda query, after, limit: self._service.page(self.operator(), query, after, limit),
            self,
            requester=self._sort_requested,
            fetcher=self._fetch_more,
        )
        self._heading = page_heading()
        self.search, self._timer = search_edit(self, "auditSearch", self.apply_filters)

        self.since = self._date_edit("auditSince")
        self.until = self._date_edit("auditUntil")
        self.operator_filter = QComboBox()
        self.operator_filter.setObjectName("auditOperator")
        self.operator_filter.setEditable(True)
        self.operator_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.operator_filter.setMinimumContentsLength(12)
        operator_edit = self.operator_filter.lineEdit()
        assert operator_edit is not None
        operator_edit.setClearButtonEnabled(True)
        operator_edit.textChanged.connect(lambda _text: self._timer.start())
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("auditObjectType")
        # As wide as its usual entries, not its longest: the filter row must fit a 1200-pixel window.
        self.type_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.type_filter.setMinimumContentsLength(16)
        self.tenant_filter_box = QComboBox()
        self.tenant_filter_box.setObjectName("auditTenant")
        self.tenant_filter_box.setMinimumContentsLength(14)
        for combo in (self.type_filter, self.tenant_filter_box):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("auditResetFilters")
        self.reset_button.clicked.connect(self.reset_filters)
        self._labels = [QLabel() for _ in range(5)]

        self.table = row_table("auditTable", self.model, selection=QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        set_text_column_widths(header, (23.6, 13.3, 17.5, 19.1, 17.5, 29.6, 12.5))
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        remember(context.settings, self.page_id, self.table)
        self.table.setSortingEnabled(True)

        self.detail_title = QLabel()
        self.detail_title.setObjectName("auditDetailTitle")
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_model = TextTableModel(
            lambda: (
                QCoreApplication.translate("AuditPage", "Field"),
                QCoreApplication.translate("AuditPage", "Before"),
                QCoreApplication.translate("AuditPage", "After"),
            ),
            self,
            top=True,
        )
        self.detail = QTableView()
        self.detail.setObjectName("auditDetail")
        self.detail.setModel(self.detail_model)
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.verticalHeader().setVisible(False)
        # The field names as wide as the longest shown ("Organisationseinheit" was cut off at the
        # default window size), before and after sharing the rest: nothing is cut off or needs a
        # sideways scroll, long values wrap and their rows grow to fit them (a role inherited into
        # thousands of units names every one).
        detail_header = self.detail.horizontalHeader()
        detail_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            detail_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.detail.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.detail.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.detail.setWordWrap(True)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("auditSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        # The detail gets two fifths: before and after of a change must be readable beside the table.
        self.splitter.setSizes([600, 400])
        remember(context.settings, self.page_id, self.detail)
        remember(context.settings, self.page_id, self.splitter)

        self.export_action = QAction(self)
        self.export_action.setObjectName("auditExportAction")
        self.export_action.triggered.connect(self.export)
        # Read only: the context menu copies and exports, nothing else (Menu key, Shift+F10).
        self.copy_action = QAction(self)
        self.copy_action.setObjectName("auditCopyAction")
        self.copy_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_entry)
        self.table.addAction(self.copy_action)
        self.menu_action = QAction(self)
        self.menu_action.setObjectName("auditMenuAction")
        self.menu_action.setShortcuts([QKeySequence("Shift+F10"), QKeySequence(Qt.Key.Key_Menu)])
        self.menu_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.menu_action.triggered.connect(self.menu_from_keyboard)
        self.table.addAction(self.menu_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.show_context_menu)
        # E2: Enter goes to the entry's changed fields (Esc back); F2 says why nothing can be edited (S3).
        self.detail_action = enter_opens_detail(self.table, self.detail, "auditDetailAction")
        self.edit_note_action = QAction(self)
        self.edit_note_action.setObjectName("auditReadOnlyNote")
        self.edit_note_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.edit_note_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_note_action.triggered.connect(
            lambda: self.context.shell.show_status(
                QCoreApplication.translate("AuditPage", "Entries of the audit log cannot be changed.")
            )
        )
        self.table.addAction(self.edit_note_action)
        self.export_button = QPushButton()
        self.export_button.setObjectName("auditExportButton")
        self.export_button.clicked.connect(self.export_action.trigger)
        self.export_action.setEnabled(context.operator.can("audit.export"))
        self.export_button.setEnabled(self.export_action.isEnabled())
        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")

        # On a narrow window (1,024 px, E5) the search and each filter with its label wrap onto
        # further lines instead of widening the window.
        top = FlowLayout()
        top.addWidget(self._heading)
        top.addWidget(group(self.reset_button, self.search))
        filters = FlowLayout()
        for label, widget in zip(
            self._labels,
            (self.since, self.until, self.operator_filter, self.type_filter, self.tenant_filter_box),
            strict=True,
        ):
            label.setBuddy(widget)
            filters.addWidget(group(label, widget))
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self.show_detail(current))
        self.model.modelReset.connect(lambda: self.show_detail(QModelIndex()))
        self.retranslateUi()
        self._fill_choices([], [])  # the operators and tenants arrive with the first load
        self._apply_header_sort()
        self.refresh()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = OptionalDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(lambda _date: self.apply_filters())
        return edit

    def _fill_choices(self, names: list[str], tenants: list[tuple[int, str]]) -> None:
        """The operator, object type and tenant choices; the first entry of each means "all"."""
        # The operator box's line edit has signals of its own (they start the search timer): filling
        # the box changed its text twice, and 300 ms after each load the page loaded again.
        quiet = (self.operator_filter, self.operator_filter.lineEdit(), self.type_filter, self.tenant_filter_box)
        for widget in quiet:
            if widget is not None:
                widget.blockSignals(True)
        kept_tenant = self.tenant_filter_box.currentData()
        kept_type = self.type_filter.currentData()
        self.operator_filter.clear()
        self.operator_filter.addItems(names)
        self.operator_filter.setCurrentIndex(-1)
        self.operator_filter.setEditText("")
        self.type_filter.clear()
        self.type_filter.addItem(QCoreApplication.translate("AuditPage", "All object types"), "")
        for object_type in sorted(OBJECT_NAMES, key=lambda name: object_type_text(name).casefold()):
            self.type_filter.addItem(object_type_text(object_type), object_type)
        self.type_filter.setCurrentIndex(max(0, self.type_filter.findData(kept_type)))
        self.tenant_filter_box.clear()
        self.tenant_filter_box.addItem(QCoreApplication.translate("AuditPage", "All tenants"), None)
        for tenant_id, name in tenants:
            self.tenant_filter_box.addItem(name, tenant_id)
        self.tenant_filter_box.setCurrentIndex(max(0, self.tenant_filter_box.findData(kept_tenant)))
        for widget in quiet:
            if widget is not None:
                widget.blockSignals(False)

    def _apply_header_sort(self) -> None:
        """Take the (remembered) header sort into the query before the first load."""
        header = self.table.horizontalHeader()
        column = header.sortIndicatorSection()
        key = COLUMNS[column][0] if 0 <= column < len(COLUMNS) else None
        if key is not None:
            self.model.set_order(key, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)

    # ------------------------------------------------------------------ filters

    def current_query(self) -> AuditQuery:
        since = _day_start(self.since.date()) if self.since.date() != NO_DATE else None
        until = _day_start(self.until.date().addDays(1)) if self.until.date() != NO_DATE else None
        tenant = self.tenant_filter_box.currentData()
        return AuditQuery(
            since=since,
            until=until,
            operator_name=self.operator_filter.currentText().strip(),
            object_type=self.type_filter.currentData() or "",
            tenant_id=tenant if isinstance(tenant, int) else None,
            text=self.search.text().strip(),
            sort=self.model.query.sort,
            descending=self.model.query.descending,
        )

    @property
    def busy(self) -> bool:
        """True while a count and first page, or the next page, are being fetched on a worker (S5)."""
        return self.loader.busy or self.more_loader.busy

    def _sort_requested(self, shown: AuditQuery) -> None:
        """A header click: the first page in the new order, on a worker. The count of the rows shown
        serves again when the filters are theirs (an order changes no count); a filter edited since
        is taken along and counted."""
        self.more_loader.cancel()
        query = self.current_query()
        same = query == shown and not self.loader.busy
        self.loader.run(
            _fetch_first,
            self._service,
            self.operator(),
            query,
            False,
            self.model.total if same else None,
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    def _fetch_more(self, query: AuditQuery, after: Cursor, deliver: Callable[[list[AuditRow] | None], None]) -> None:
        """The page after ``after`` on a worker; ``deliver`` gets its rows, or None when it failed."""
        task = self.more_loader.run(self._service.page, self.operator(), query, after, PAGE, on_done=deliver)
        task.finished.connect(lambda: deliver(None))  # after on_done: a failure must not stop the scrolling

    def apply_filters(self, *, with_choices: bool = False) -> None:
        """Count and fetch the first page of the filtered entries on a worker (S5); an older load
        that answers after a newer one is dropped. ``with_choices`` also reloads the filter choices."""
        self._timer.stop()
        query = self.current_query()
        self.loader.run(
            _fetch_first,
            self._service,
            self.operator(),  # read here, on the GUI thread
            query,
            with_choices,
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    def _loaded(self, result: _Loaded) -> None:
        if result.choices is not None:
            self._fill_choices(*result.choices)
        self.model.apply(result.query, result.total, result.rows)
        self._update_count()
        self._select_first()

    def _load_failed(self, exc: DomainError) -> None:
        """The first page did not come (a lost connection, a refusal): the rows shown stay, and the
        header's sort indicator and the filters go back to their query, so that what the page
        says it shows is what it shows (as a file manager's list does when it cannot re-sort);
        the task says what happened (the banner for a lost connection, a message for anything
        else)."""
        asked = self.model.query.sort
        column = self.model.sort_failed()
        self._show_filters(self.model.query)
        if column >= 0:
            order = Qt.SortOrder.DescendingOrder if self.model.query.descending else Qt.SortOrder.AscendingOrder
            # The model has the old order again, so the view's sort call this emits loads nothing.
            self.table.horizontalHeader().setSortIndicator(column, order)
            text = _fill(
                QCoreApplication.translate(
                    "AuditPage", "The entries could not be sorted by “%1”. They stay sorted by “%2”; F5 tries again."
                ),
                column_title(column_of(asked)),
                column_title(column),
            )
        else:
            text = QCoreApplication.translate(
                "AuditPage", "The entries could not be loaded. The list shows the previous result; F5 tries again."
            )
        self.context.shell.show_status(text, LOAD_FAILED_NOTE_MS)

    def reset_filters(self) -> None:
        self._show_filters(AuditQuery())
        self.apply_filters()

    def _show_filters(self, query: AuditQuery) -> None:
        """Put the filter widgets to ``query``'s filters without starting a load (the rows of
        ``query`` are those shown, or about to be)."""
        self._timer.stop()
        operator_edit = self.operator_filter.lineEdit()
        quiet = [self.since, self.until, self.type_filter, self.tenant_filter_box, self.search, self.operator_filter]
        quiet += [operator_edit] if operator_edit is not None else []
        for widget in quiet:
            widget.blockSignals(True)
        self.since.setDate(_local_day(query.since) if query.since is not None else NO_DATE)
        self.until.setDate(_local_day(query.until).addDays(-1) if query.until is not None else NO_DATE)
        self.type_filter.setCurrentIndex(max(0, self.type_filter.findData(query.object_type)))
        self.tenant_filter_box.setCurrentIndex(max(0, self.tenant_filter_box.findData(query.tenant_id)))
        self.search.setText(query.text)
        self.operator_filter.setEditText(query.operator_name)
        for widget in quiet:
            widget.blockSignals(False)

    def _select_first(self) -> None:
        """The newest (first) entry is current after a load, so the detail pane has something to show."""
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _update_count(self) -> None:
        self.count_label.setText(
            QCoreApplication.translate("AuditPage", "Entries: %1").replace("%1", QLocale().toString(self.model.total))
        )

    # ------------------------------------------------------------------ detail pane

    def show_detail(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        if not isinstance(row, AuditRow):
            self.detail_model.set_rows([])
            for column in (1, 2):
                self.detail.setColumnHidden(column, False)
            self.detail_title.setText(
                QCoreApplication.translate("AuditPage", "Select an entry to see the changed fields.")
            )
            return
        title = _fill(
            QCoreApplication.translate("AuditPage", "%1 „%2“ %3 by %4 at %5 on %6"),
            object_type_text(row.object_type),
            entry_label(row),
            action_text(row.action),
            row.operator_name,
            local_time(row.at),
            row.workstation,
        )
        if row.summary and row.summary != row.object_label:
            title += "\n" + summary_text(row.summary)
        self.detail_title.setText(title)
        self.detail_model.set_rows([change_cells(change) for change in row.changes])
        # A created object has no "before", a deleted one no "after": the column of dashes goes and
        # the values get its width (the pane is narrow beside the table).
        nothing_before = bool(row.changes) and all(change.before is None for change in row.changes)
        nothing_after = bool(row.changes) and all(change.after is None for change in row.changes)
        self.detail.setColumnHidden(1, nothing_before and not nothing_after)
        self.detail.setColumnHidden(2, nothing_after and not nothing_before)

    def entry_text(self, row: AuditRow) -> str:
        """The entry as plain text, one line per changed field (for the clipboard)."""
        return "\n".join([self.detail_title.text(), *(change_line(c) for c in row.changes)])

    def copy_entry(self) -> None:
        row = self.selected_entry()
        if row is not None:
            QGuiApplication.clipboard().setText(self.entry_text(row))

    def show_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.table.setCurrentIndex(index)
        self.copy_action.setEnabled(self.selected_entry() is not None)
        self.detail_action.setEnabled(self.copy_action.isEnabled())
        popup_actions(self, self.table, pos, (self.detail_action, self.copy_action, self.export_action))

    def menu_from_keyboard(self) -> None:
        current = self.table.currentIndex()
        rect = self.table.visualRect(current) if current.isValid() else self.table.viewport().rect()
        self.show_context_menu(rect.center())

    def selected_entry(self) -> AuditRow | None:
        row = self.table.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, AuditRow) else None

    # ------------------------------------------------------------------ page protocol

    def search_field(self) -> QLineEdit | None:
        return self.search

    def refresh(self) -> bool:
        """F5 and live refresh: the filter choices and the entries, loaded on a worker (S5)."""
        self.apply_filters(with_choices=True)
        return True

    # ------------------------------------------------------------------ export

    def _choose_export_path(self) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("AuditPage", "Export audit log"),
            _export_word("Audit log") + ".xlsx",
            QCoreApplication.translate("AuditPage", "Excel workbook (*.xlsx)"),
        )
        return path or None

    def export(self) -> None:
        if not self.export_action.isEnabled():
            return
        path = self.choose_export_path()
        if not path:
            return
        # On a worker (S5): progress through a queued signal, Cancel sets the flag the service checks.
        self.export_task = tasks.run_with_progress(
            self,
            QCoreApplication.translate("AuditPage", "Export audit log"),
            QCoreApplication.translate("AuditPage", "Writing the Excel file…"),
            self._service.export,
            self.operator(),
            path,
            self.model.query,
            # All of them translate through QCoreApplication.translate, which is thread-safe.
            translate=_export_word,
            translate_object=object_type_text,
            row_label=entry_label,
            change_text=change_line,
            on_done=lambda written: self.context.shell.show_status(
                QCoreApplication.translate("AuditPage", "Audit entries exported: %1").replace(
                    "%1", number_text(written)
                )
            ),
        )

    # ------------------------------------------------------------------ texts

    def retranslateUi(self) -> None:
        self._heading.setText(self.title())
        self.search.setPlaceholderText(
            QCoreApplication.translate("AuditPage", "Search in objects, changes and workstations (Ctrl+F)")
        )
        fit_placeholder(self.search)
        for label, text in zip(
            self._labels,
            (
                QCoreApplication.translate("AuditPage", "Fro&m:"),
                QCoreApplication.translate("AuditPage", "&To:"),
                QCoreApplication.translate("AuditPage", "O&perator:"),
                QCoreApplication.translate("AuditPage", "Object t&ype:"),
                QCoreApplication.translate("AuditPage", "Te&nant:"),
            ),
            strict=True,
        ):
            label.setText(text)
        for edit in (self.since, self.until):
            edit.setSpecialValueText(QCoreApplication.translate("AuditPage", "any"))
        operator_edit = self.operator_filter.lineEdit()
        if operator_edit is not None:
            operator_edit.setPlaceholderText(QCoreApplication.translate("AuditPage", "all"))
        self.reset_button.setText(QCoreApplication.translate("AuditPage", "&Reset filters"))
        self.export_action.setText(QCoreApplication.translate("AuditPage", "E&xport…"))
        self.copy_action.setText(QCoreApplication.translate("AuditPage", "&Copy"))
        self.detail_action.setText(QCoreApplication.translate("AuditPage", "&Show changed fields"))
        self.detail_action.setStatusTip(
            QCoreApplication.translate(
                "AuditPage", "Go to the fields the entry changed, before and after; Esc goes back (Enter)"
            )
        )
        self.export_button.setText(QCoreApplication.translate("AuditPage", "E&xport…"))
        self.export_button.setToolTip(
            QCoreApplication.translate("AuditPage", "Export the entries shown to an Excel workbook")
        )
        self.detail_model.retranslate()
        if self.type_filter.count():
            self.type_filter.setItemText(0, QCoreApplication.translate("AuditPage", "All object types"))
        if self.tenant_filter_box.count():
            self.tenant_filter_box.setItemText(0, QCoreApplication.translate("AuditPage", "All tenants"))
        if hasattr(self, "table"):
            self.show_detail(self.table.currentIndex())
            self._update_count()
