"""The toolbar's tenant filter (SPEC T9): one or several tenants, an indicator while it is on, and
remembered per operator in the database (``user_setting``), so it follows them to any workstation.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QMenu, QToolButton

from mandant_desktop.bootstrap import AppContext
from mandant_desktop.domain.errors import DomainError
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.page import TenantFilterState
from mandant_desktop.ui.tenants import page_load

log = logging.getLogger(__name__)


class TenantFilterController(QObject):
    """Drives the ``tenantFilter`` tool button for one session."""

    def __init__(self, button: QToolButton, app: AppContext, operator: Operator, state: TenantFilterState) -> None:
        super().__init__(button)
        self.button = button
        self.app = app
        self.operator = operator
        self.state = state
        menu = button.menu()
        self.menu = menu if menu is not None else QMenu(button)
        button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self.fill_menu)
        self._names: dict[int, str] = {}
        button.setEnabled(any(operator.can(p) for p in ("tenants.view", "contacts.view", "customers.view")))
        state.changed.connect(self.update_button)

    def restore(self) -> None:
        """The operator's remembered filter (T9), set before the first page loads."""
        # Read at the start on the log-in's worker already, with the tenants page's first load.
        started = page_load.take_filter(self.app, self.operator)
        try:
            ids = started.result() if started is not None else self.app.services.tenants.load_filter(self.operator)
        except DomainError:
            log.warning("the remembered tenant filter could not be read", exc_info=True)
            ids = None
        if ids is not None:
            # The button names the filtered tenants; without a filter nothing needs their names
            # until the menu opens (it reads them then), so a start skips the query (issue 8).
            self._load_names()
        self.state.set_ids(ids)
        self.update_button()

    def _load_names(self) -> None:
        try:
            if self.operator.can("tenants.view"):
                tenants = self.app.services.tenants.list_tenants(self.operator)
                self._names = {t.id: t.name for t in tenants}
            else:
                choices = self.app.services.contacts.creatable_tenants(self.operator)
                self._names = {c.id: c.name for c in choices}
        except DomainError:
            log.warning("tenants for the filter could not be read", exc_info=True)

    def fill_menu(self) -> None:
        self._load_names()
        self.menu.clear()
        active = self.state.ids
        show_all = self.menu.addAction(self.tr("Show all tenants"))
        show_all.setObjectName("tenantFilterAll")
        show_all.setCheckable(True)
        show_all.setChecked(active is None)
        show_all.triggered.connect(lambda: self.set_ids(None))
        self.menu.addSeparator()
        for tenant_id, name in sorted(self._names.items(), key=lambda item: item[1].casefold()):
            action = QAction(name, self.menu)
            action.setCheckable(True)
            action.setChecked(active is not None and tenant_id in active)
            action.setData(tenant_id)
            action.toggled.connect(lambda checked, tid=tenant_id: self.toggle(tid, checked))
            self.menu.addAction(action)

    def toggle(self, tenant_id: int, on: bool) -> None:
        current = set(self.state.ids or ())
        if on:
            current.add(tenant_id)
        else:
            current.discard(tenant_id)
        self.set_ids(frozenset(current) if current else None)

    def set_ids(self, ids: frozenset[int] | None) -> None:
        self.state.set_ids(ids)
        try:
            self.app.services.tenants.save_filter(self.operator, ids)
        except DomainError:
            log.warning("the tenant filter could not be remembered", exc_info=True)

    def update_button(self) -> None:
        ids = self.state.ids
        font = QFont(self.button.font())
        font.setBold(ids is not None)
        self.button.setFont(font)
        if ids is None:
            self.button.setText(self.tr("All tenants"))
            self.button.setToolTip(self.tr("Tenant filter: every page shows all tenants you may see"))
            self.button.setStyleSheet("")
            return
        names = sorted((self._names.get(t, "?") for t in ids), key=str.casefold)
        if len(names) == 1:
            self.button.setText(self.tr("Filter: {name}").format(name=names[0]))
        else:
            self.button.setText(self.tr("Filter: {count} tenants").format(count=number_text(len(names))))
        self.button.setToolTip(
            self.tr("Tenant filter on: only data of {names} is shown").format(names=", ".join(names))
        )
        self.button.setStyleSheet(
            "QToolButton#tenantFilter { background: palette(highlight); color: palette(highlighted-text);"
            " border-radius: 4px; padding: 2px 6px; }"
        )
