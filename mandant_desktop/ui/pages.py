"""The pages of the main window in navigation order, and the page IDs of ``--page``."""

from __future__ import annotations

from mandant_desktop.services.operator import Operator
from mandant_desktop.ui.assignments.page import AssignmentsPage
from mandant_desktop.ui.audit.page import AuditPage
from mandant_desktop.ui.contacts.page import ContactsPage
from mandant_desktop.ui.customers.page import CustomersPage
from mandant_desktop.ui.org_units.page import OrgUnitsPage
from mandant_desktop.ui.outbox.page import OutboxPage
from mandant_desktop.ui.page import Page
from mandant_desktop.ui.roles.page import RolesPage
from mandant_desktop.ui.settings_page.page import SettingsPage
from mandant_desktop.ui.tenants.page import TenantsPage
from mandant_desktop.ui.users.page import UsersPage

PAGE_CLASSES: tuple[type[Page], ...] = (
    TenantsPage,
    UsersPage,
    RolesPage,
    AssignmentsPage,
    OrgUnitsPage,
    CustomersPage,
    ContactsPage,
    AuditPage,
    SettingsPage,
    OutboxPage,
)

PAGE_IDS: tuple[str, ...] = tuple(page.page_id for page in PAGE_CLASSES)


def pages_for(operator: Operator) -> tuple[type[Page], ...]:
    """The pages ``operator`` may use; the others do not appear at all (SPEC S1)."""
    return tuple(page for page in PAGE_CLASSES if page.available_to(operator))
