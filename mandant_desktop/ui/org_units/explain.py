"""Explain (SPEC A10, R3): why a user has — or lacks — each permission in an org unit.

Opened from the org-unit tree's context menu (user and unit given) and from the users page (user
given; the unit is chosen in the dialog). Every permission of the catalogue is listed: granted ones
with the role, direct or inherited from which unit, who assigned it and when; missing ones with
the reason. A user without any role in any unit cannot log in; the dialog says so first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.services.operator import Operator
from mandant_desktop.services.org_units import Explanation, OrgUnitsService, PermissionReason, UnitNode
from mandant_desktop.ui import tasks
from mandant_desktop.ui.audit.model import local_time
from mandant_desktop.ui.errors import ERRORS_CONTEXT
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import open_at_least
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.org_units.dialogs import UnitPicker
from mandant_desktop.ui.org_units.finder import SearchFn
from mandant_desktop.ui.org_units.tree_model import ROOT, ChildrenLoader
from mandant_desktop.ui.page import PageContext
from mandant_desktop.ui.permission_names import permission_name
from mandant_desktop.ui.search_filter import FoldedFilterProxy
from mandant_desktop.ui.text_table import TextTableModel

#: (unit id) → the explanation, on a worker
ExplainFn = Callable[[int], Explanation]


class ExplainDialog(QDialog):
    def __init__(
        self,
        user_name: str,
        explain: ExplainFn,
        load_children: ChildrenLoader,
        search: SearchFn,
        parent: QWidget | None,
        *,
        unit_path: tuple[int, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("explainDialog")
        self.setWindowTitle(self.tr("Explain permissions of %1").replace("%1", user_name))
        self._user_name = user_name
        self._explain = explain
        self.loader: tasks.Latest[Explanation] = tasks.Latest(self)
        self.explanation: Explanation | None = None
        self.picker = UnitPicker(load_children, search, self)
        self.picker.view.selectionModel().currentChanged.connect(lambda *_: self._unit_changed())
        if unit_path:
            self.picker.revealer.reveal(unit_path)
        else:
            self.picker.model.children_loaded.connect(self._choose_first)
        self.heading = QLabel()
        self.heading.setObjectName("explainHeading")
        self.heading.setWordWrap(True)
        self.login_warning = QLabel()
        self.login_warning.setObjectName("explainLoginWarning")
        self.login_warning.setWordWrap(True)
        self.login_warning.setVisible(False)
        self.table_model = TextTableModel(
            lambda: (
                self.tr("Permission"),
                self.tr("Granted"),
                self.tr("Why"),
                self.tr("Assigned by"),
                self.tr("Assigned on"),
            ),
            self,
        )
        self.proxy = FoldedFilterProxy(self)
        self.proxy.setSourceModel(self.table_model)
        self.proxy.setFilterKeyColumn(-1)
        self.filter = QLineEdit()
        self.filter.setObjectName("explainFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter permissions…"))
        self.filter.textChanged.connect(self.proxy.set_search)
        self.table = QTableView()
        self.table.setObjectName("explainTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # E2: Tab leaves the table, the arrow keys move in it
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # "Why" takes the room that is left; the short columns, "Assigned on" among them, are as
        # wide as their texts (34 rows at most: measuring them costs nothing), so none is cut off.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 230)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.login_warning)
        right_layout.addWidget(self.filter)
        right_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(self.picker)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        # The picker as wide as its search field needs (the German placeholder is long).
        splitter.setSizes([max(260, self.picker.minimumSizeHint().width()), 760])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.heading.setText(self.tr("Choose an org unit on the left."))
        open_at_least(self, 187, 41)

    def _choose_first(self, parent_id: int) -> None:
        if parent_id == ROOT and self.picker.current() is None and self.picker.model.rowCount():
            self.picker.view.setCurrentIndex(self.picker.model.index(0, 0))

    def _unit_changed(self) -> None:
        unit_id = self.picker.current()
        if unit_id is not None:
            self.loader.run(self._explain, unit_id, on_done=self.show_explanation)

    def show_explanation(self, explanation: Explanation) -> None:
        self.explanation = explanation
        granted = sum(1 for reason in explanation.reasons if reason.granted)
        self.heading.setText(
            self.tr("%1 in %2: %3 of %4 permissions granted.")
            .replace("%1", self._user_name)
            .replace("%2", explanation.unit_path)
            .replace("%3", number_text(granted))
            .replace("%4", number_text(len(explanation.reasons)))
        )
        self.login_warning.setVisible(not explanation.can_log_in)
        self.login_warning.setText(
            self.tr(
                "⚠ %1 holds no role in any org unit and therefore cannot log in. Assign a role on the org units "
                "page first."
            ).replace("%1", self._user_name)
        )
        self.table_model.set_rows([self._row(reason) for reason in explanation.reasons])
        self.table.resizeColumnToContents(0)

    def _row(self, reason: PermissionReason) -> tuple[str, ...]:
        name = permission_name(reason.permission)
        if not reason.granted:
            return (name, self.tr("No"), _why_not(reason), "", "")
        if reason.inherited_from is None:
            why = self.tr("Role %1, assigned directly").replace("%1", reason.role_name or "")
        else:
            why = (
                self.tr("Role %1, inherited from %2")
                .replace("%1", reason.role_name or "")
                .replace("%2", reason.inherited_from_name or "")
            )
        when = local_time(reason.assigned_at) if reason.assigned_at is not None else ""
        return (name, self.tr("Yes"), why, reason.assigned_by or "", when)


#: the reasons explain() gives for a missing permission (services/org_units.py), marked here for
#: lupdate: they are no error messages, so the error catalogue does not collect them
WHY_NOT_TEMPLATES = (
    QT_TRANSLATE_NOOP("errors", "None of the user's roles in {unit} includes this permission."),
    QT_TRANSLATE_NOOP("errors", "Chain broken at {unit}."),
    QT_TRANSLATE_NOOP("errors", "No role in {unit}."),
)


def _why_not(reason: PermissionReason) -> str:
    """The reason in the reader's language: the service's English template translated, then the
    unit's name put in (the name itself is never translated)."""
    template, unit = reason.why_not_template, reason.why_not_unit
    if template is None or unit is None:
        return reason.why_not or ""
    try:
        return QCoreApplication.translate(ERRORS_CONTEXT, template).format(unit=unit)
    except (KeyError, IndexError, ValueError):
        return reason.why_not or template.format(unit=unit)


def children_loader(service: OrgUnitsService, op: Operator) -> ChildrenLoader:
    """The tree's loader: the top level for None, else the children of a unit."""

    def load(parent_id: int | None) -> list[UnitNode]:
        return service.roots(op) if parent_id is None else service.children(op, parent_id)

    return load


def open_explain(
    parent: QWidget, context: PageContext, user_id: int, user_name: str, unit_path: tuple[int, ...] = ()
) -> ExplainDialog:
    """The explain dialog (A10) for one user; from the tree (with the unit) and the users page."""
    service = context.app.services.org_units
    op = context.operator
    dialog = ExplainDialog(
        user_name,
        lambda unit_id: service.explain(op, user_id, unit_id),
        children_loader(service, op),
        lambda text: service.search(op, text),
        parent,
        unit_path=unit_path,
    )
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
