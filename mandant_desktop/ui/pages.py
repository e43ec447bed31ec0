"""The pages of the main window in navigation order, and the page IDs of ``--page``.

The navigation, the Go menu and the rights check need only a page's ID, title, icon and
permission; its module (widgets, models, dialogs, and for some pages openpyxl) is imported when
the page is first shown. So a start pays for the page it shows, not for all ten (issue 8). Each
:class:`PageEntry` repeats its class's declarations; ``tests/ui/test_navigation.py`` checks that
they agree.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from mandant_desktop.services.operator import Operator
    from mandant_desktop.ui.page import Page, PageContext


class PageEntry(NamedTuple):
    """A page as the navigation knows it before its module is imported; calling it builds the page.

    A named tuple rather than a frozen dataclass, whose generated methods every start would compile
    at run time (issue 8)."""

    page_id: str
    object_name: str
    permission: str
    icon_name: str
    #: English title, marked for lupdate with QT_TRANSLATE_NOOP("Pages", …) as on the class
    title_source: str
    #: ``package.module:ClassName`` of the page
    target: str

    def title(self) -> str:
        return QCoreApplication.translate("Pages", self.title_source)

    def available_to(self, operator: Operator) -> bool:
        return operator.can(self.permission)

    def load(self) -> type[Page]:
        """The page class (its module is imported now if it was not yet)."""
        module, _, name = self.target.partition(":")
        page_class: type[Page] = getattr(importlib.import_module(module), name)
        return page_class

    def __call__(self, context: PageContext) -> Page:
        return self.load()(context)


_UI = "mandant_desktop.ui"

PAGES: tuple[PageEntry, ...] = (
    PageEntry(
        "tenants",
        "page.tenants",
        "tenants.view",
        "tenants",
        QT_TRANSLATE_NOOP("Pages", "Tenants"),
        f"{_UI}.tenants.page:TenantsPage",
    ),
    PageEntry(
        "users", "page.users", "users.view", "users", QT_TRANSLATE_NOOP("Pages", "Users"), f"{_UI}.users.page:UsersPage"
    ),
    PageEntry(
        "roles", "page.roles", "roles.view", "roles", QT_TRANSLATE_NOOP("Pages", "Roles"), f"{_UI}.roles.page:RolesPage"
    ),
    PageEntry(
        "assignments",
        "page.assignments",
        "assignments.view",
        "assignments",
        QT_TRANSLATE_NOOP("Pages", "Role assignment"),
        f"{_UI}.assignments.page:AssignmentsPage",
    ),
    PageEntry(
        "org-units",
        "page.orgUnits",
        "org_units.view",
        "org-units",
        QT_TRANSLATE_NOOP("Pages", "Org units"),
        f"{_UI}.org_units.page:OrgUnitsPage",
    ),
    PageEntry(
        "customers",
        "page.customers",
        "customers.view",
        "customers",
        QT_TRANSLATE_NOOP("Pages", "Customers"),
        f"{_UI}.customers.page:CustomersPage",
    ),
    PageEntry(
        "contacts",
        "page.contacts",
        "contacts.view",
        "contacts",
        QT_TRANSLATE_NOOP("Pages", "Contacts & lists"),
        f"{_UI}.contacts.page:ContactsPage",
    ),
    PageEntry(
        "audit",
        "page.audit",
        "audit.view",
        "audit",
        QT_TRANSLATE_NOOP("Pages", "Audit log"),
        f"{_UI}.audit.page:AuditPage",
    ),
    PageEntry(
        "settings",
        "page.settings",
        "settings.view",
        "settings",
        QT_TRANSLATE_NOOP("Pages", "Settings"),
        f"{_UI}.settings_page.page:SettingsPage",
    ),
    PageEntry(
        "outbox",
        "page.outbox",
        "mail.view",
        "outbox",
        QT_TRANSLATE_NOOP("Pages", "Outbox"),
        f"{_UI}.outbox.page:OutboxPage",
    ),
)

PAGE_IDS: tuple[str, ...] = tuple(page.page_id for page in PAGES)


def pages_for(operator: Operator) -> tuple[PageEntry, ...]:
    """The pages ``operator`` may use; the others do not appear at all (SPEC S1)."""
    return tuple(page for page in PAGES if page.available_to(operator))


def page_classes() -> tuple[type[Page], ...]:
    """Every page class, in navigation order (imports every page module)."""
    return tuple(page.load() for page in PAGES)
