"""Display names and descriptions of the permission catalogue, and of its areas (SPEC R1, S1).

The catalogue (:mod:`mandant_desktop.domain.permissions`) speaks in codes such as ``users.edit``;
people read "Edit users". Every code has a name and a one-line description here, marked for
lupdate in the ``permissions`` context; the areas are named in ``permissionAreas``.
tests/ui/test_permission_names.py checks that no code of the catalogue is missing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mandant_desktop.domain.search_folding import fold, matches, search_words
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP

PERMISSIONS_CONTEXT = "permissions"
AREAS_CONTEXT = "permissionAreas"

AREA_NAMES: dict[str, str] = {
    "tenants": QT_TRANSLATE_NOOP("permissionAreas", "Tenants"),
    "users": QT_TRANSLATE_NOOP("permissionAreas", "Users"),
    "roles": QT_TRANSLATE_NOOP("permissionAreas", "Roles"),
    "assignments": QT_TRANSLATE_NOOP("permissionAreas", "Role assignment"),
    "org_units": QT_TRANSLATE_NOOP("permissionAreas", "Org units"),
    "customers": QT_TRANSLATE_NOOP("permissionAreas", "Customers"),
    "contacts": QT_TRANSLATE_NOOP("permissionAreas", "Contacts & lists"),
    "audit": QT_TRANSLATE_NOOP("permissionAreas", "Audit log"),
    "settings": QT_TRANSLATE_NOOP("permissionAreas", "Settings"),
    "mail": QT_TRANSLATE_NOOP("permissionAreas", "E-mail"),
    "portal": QT_TRANSLATE_NOOP("permissionAreas", "Customer portal"),
}

#: code → (name, description)
PERMISSION_TEXTS: dict[str, tuple[str, str]] = {
    "tenants.view": (
        QT_TRANSLATE_NOOP("permissions", "View tenants"),
        QT_TRANSLATE_NOOP("permissions", "Open the tenants page and see the tenants the user has access to."),
    ),
    "tenants.edit": (
        QT_TRANSLATE_NOOP("permissions", "Edit tenants"),
        QT_TRANSLATE_NOOP("permissions", "Create tenants and change their name, parent and newsroom."),
    ),
    "tenants.delete": (
        QT_TRANSLATE_NOOP("permissions", "Delete tenants"),
        QT_TRANSLATE_NOOP("permissions", "Delete tenants that hold no data."),
    ),
    "tenants.manage_access": (
        QT_TRANSLATE_NOOP("permissions", "Manage tenant access"),
        QT_TRANSLATE_NOOP("permissions", "Set full access, read only, hidden and private data for users."),
    ),
    "users.view": (
        QT_TRANSLATE_NOOP("permissions", "View users"),
        QT_TRANSLATE_NOOP("permissions", "Open the users page and see users, their status and tenants."),
    ),
    "users.edit": (
        QT_TRANSLATE_NOOP("permissions", "Add and edit users"),
        QT_TRANSLATE_NOOP("permissions", "Add users; they receive an activation e-mail."),
    ),
    "users.deactivate": (
        QT_TRANSLATE_NOOP("permissions", "Deactivate users"),
        QT_TRANSLATE_NOOP("permissions", "Deactivate users and reactivate them."),
    ),
    "users.send_activation": (
        QT_TRANSLATE_NOOP("permissions", "Send activation links"),
        QT_TRANSLATE_NOOP("permissions", "Send users a new activation link; the old one stops working."),
    ),
    "roles.view": (
        QT_TRANSLATE_NOOP("permissions", "View roles"),
        QT_TRANSLATE_NOOP("permissions", "Open the roles page and see each role's permissions."),
    ),
    "roles.edit": (
        QT_TRANSLATE_NOOP("permissions", "Edit roles"),
        QT_TRANSLATE_NOOP(
            "permissions", "Add, rename and duplicate roles, tick their permissions and restore defaults."
        ),
    ),
    "roles.delete": (
        QT_TRANSLATE_NOOP("permissions", "Delete roles"),
        QT_TRANSLATE_NOOP("permissions", "Delete roles; their assignments are removed with them."),
    ),
    "assignments.view": (
        QT_TRANSLATE_NOOP("permissions", "View role assignments"),
        QT_TRANSLATE_NOOP("permissions", "Open the role assignment page."),
    ),
    "assignments.assign": (
        QT_TRANSLATE_NOOP("permissions", "Assign roles"),
        QT_TRANSLATE_NOOP("permissions", "Add and remove roles of users in the org units where this is held."),
    ),
    "assignments.bulk_edit": (
        QT_TRANSLATE_NOOP("permissions", "Bulk edit role assignments"),
        QT_TRANSLATE_NOOP("permissions", "Add or remove several roles for several users in several units at once."),
    ),
    "assignments.export": (
        QT_TRANSLATE_NOOP("permissions", "Export role assignments"),
        QT_TRANSLATE_NOOP("permissions", "Download the role assignments as an Excel file."),
    ),
    "org_units.view": (
        QT_TRANSLATE_NOOP("permissions", "View org units"),
        QT_TRANSLATE_NOOP("permissions", "Open the org units page and see the tree."),
    ),
    "org_units.edit": (
        QT_TRANSLATE_NOOP("permissions", "Edit org units"),
        QT_TRANSLATE_NOOP("permissions", "Create, rename and move org units; set role inheritance."),
    ),
    "org_units.delete": (
        QT_TRANSLATE_NOOP("permissions", "Delete org units"),
        QT_TRANSLATE_NOOP("permissions", "Delete org units."),
    ),
    "customers.view": (
        QT_TRANSLATE_NOOP("permissions", "View customers"),
        QT_TRANSLATE_NOOP("permissions", "Open the customers page."),
    ),
    "customers.edit": (
        QT_TRANSLATE_NOOP("permissions", "Edit customers"),
        QT_TRANSLATE_NOOP("permissions", "Create customers and change their data."),
    ),
    "customers.delete": (
        QT_TRANSLATE_NOOP("permissions", "Delete customers"),
        QT_TRANSLATE_NOOP("permissions", "Delete customers."),
    ),
    "customers.manage_rights": (
        QT_TRANSLATE_NOOP("permissions", "Manage rights groups"),
        QT_TRANSLATE_NOOP("permissions", "Edit the rights groups of customers and their portal permissions."),
    ),
    "customers.manage_external_users": (
        QT_TRANSLATE_NOOP("permissions", "Manage external users"),
        QT_TRANSLATE_NOOP("permissions", "Create and edit the portal users of customers."),
    ),
    "contacts.view": (
        QT_TRANSLATE_NOOP("permissions", "View contacts"),
        QT_TRANSLATE_NOOP("permissions", "Open contacts and distribution lists."),
    ),
    "contacts.edit": (
        QT_TRANSLATE_NOOP("permissions", "Edit contacts"),
        QT_TRANSLATE_NOOP("permissions", "Create and change contacts, person-roles and distribution lists."),
    ),
    "contacts.delete": (
        QT_TRANSLATE_NOOP("permissions", "Delete contacts"),
        QT_TRANSLATE_NOOP("permissions", "Delete contacts and distribution lists."),
    ),
    "contacts.export": (
        QT_TRANSLATE_NOOP("permissions", "Export contacts"),
        QT_TRANSLATE_NOOP("permissions", "Download contacts as an Excel file."),
    ),
    "contacts.import": (
        QT_TRANSLATE_NOOP("permissions", "Import contacts"),
        QT_TRANSLATE_NOOP("permissions", "Import contacts from an Excel file."),
    ),
    "audit.view": (
        QT_TRANSLATE_NOOP("permissions", "View the audit log"),
        QT_TRANSLATE_NOOP("permissions", "Open the audit log and filter it."),
    ),
    "audit.export": (
        QT_TRANSLATE_NOOP("permissions", "Export the audit log"),
        QT_TRANSLATE_NOOP("permissions", "Download the audit log as an Excel file."),
    ),
    "settings.view": (
        QT_TRANSLATE_NOOP("permissions", "View settings"),
        QT_TRANSLATE_NOOP("permissions", "Open the settings page."),
    ),
    "settings.edit": (
        QT_TRANSLATE_NOOP("permissions", "Edit settings"),
        QT_TRANSLATE_NOOP("permissions", "Change the settings of the whole database."),
    ),
    "settings.smtp": (
        QT_TRANSLATE_NOOP("permissions", "Configure the e-mail server"),
        QT_TRANSLATE_NOOP("permissions", "Set up SMTP, the activation link and send test mails."),
    ),
    "mail.view": (
        QT_TRANSLATE_NOOP("permissions", "Read the outbox"),
        QT_TRANSLATE_NOOP("permissions", "Read the e-mails the program sent or kept, activation links included."),
    ),
}


PORTAL_CONTEXT = "PortalPermissions"

#: code → (name, what it allows), in the catalogue's order
PORTAL_PERMISSION_TEXTS: dict[str, tuple[str, str]] = {
    "portal.view_jobs": (
        QT_TRANSLATE_NOOP("PortalPermissions", "View jobs"),
        QT_TRANSLATE_NOOP("PortalPermissions", "See the customer's print jobs and their status."),
    ),
    "portal.create_jobs": (
        QT_TRANSLATE_NOOP("PortalPermissions", "Create jobs"),
        QT_TRANSLATE_NOOP("PortalPermissions", "Start new print jobs on the portal."),
    ),
    "portal.upload_data": (
        QT_TRANSLATE_NOOP("PortalPermissions", "Upload data"),
        QT_TRANSLATE_NOOP("PortalPermissions", "Upload print data into the customer's exchange area."),
    ),
    "portal.download_data": (
        QT_TRANSLATE_NOOP("PortalPermissions", "Download"),
        QT_TRANSLATE_NOOP("PortalPermissions", "Download files and proofs from the exchange area."),
    ),
    "portal.view_proofs": (
        QT_TRANSLATE_NOOP("PortalPermissions", "View proofs"),
        QT_TRANSLATE_NOOP("PortalPermissions", "Look at soft proofs without approving them."),
    ),
    "portal.approve_proofs": (
        QT_TRANSLATE_NOOP("PortalPermissions", "Approve proofs"),
        QT_TRANSLATE_NOOP("PortalPermissions", "Approve or reject proofs, which releases the job for printing."),
    ),
    "portal.order_reprints": (
        QT_TRANSLATE_NOOP("PortalPermissions", "Order reprints"),
        QT_TRANSLATE_NOOP("PortalPermissions", "Order a finished job again."),
    ),
    "portal.view_invoices": (
        QT_TRANSLATE_NOOP("PortalPermissions", "View invoices"),
        QT_TRANSLATE_NOOP("PortalPermissions", "See the customer's invoices and delivery notes."),
    ),
    "portal.manage_users": (
        QT_TRANSLATE_NOOP("PortalPermissions", "Manage the customer's users"),
        QT_TRANSLATE_NOOP("PortalPermissions", "Create, change and deactivate the portal users of the customer."),
    ),
    "portal.administer": (
        QT_TRANSLATE_NOOP("PortalPermissions", "Administer the portal"),
        QT_TRANSLATE_NOOP("PortalPermissions", "Change the customer's portal settings."),
    ),
}


def area_name(area: str) -> str:
    source = AREA_NAMES.get(area)
    return QCoreApplication.translate(AREAS_CONTEXT, source) if source else area


def _texts(code: str) -> tuple[str, tuple[str, str]] | None:
    if code in PERMISSION_TEXTS:
        return PERMISSIONS_CONTEXT, PERMISSION_TEXTS[code]
    if code in PORTAL_PERMISSION_TEXTS:
        return PORTAL_CONTEXT, PORTAL_PERMISSION_TEXTS[code]
    return None


def permission_name(code: str) -> str:
    """The translated name of an admin or portal permission; the code itself when it is unknown."""
    found = _texts(code)
    return QCoreApplication.translate(found[0], found[1][0]) if found else code


def permission_description(code: str) -> str:
    found = _texts(code)
    return QCoreApplication.translate(found[0], found[1][1]) if found else ""


#: the customer dialogs speak of portal permissions; same texts
portal_permission_name = permission_name
portal_permission_description = permission_description


def permissions_named(text: str) -> frozenset[str]:
    """The codes of the role permissions whose shown name (in the language of the UI) or code holds
    every word of ``text``, folded (:mod:`mandant_desktop.domain.search_folding`: "loeschen" finds
    "Löschen"); none for an empty text. The roles page searches by them (R1, E2)."""
    words = search_words(text)
    if not words:
        return frozenset()
    return frozenset(
        code for code in PERMISSION_TEXTS if matches(words, fold(permission_name(code))) or matches(words, fold(code))
    )
