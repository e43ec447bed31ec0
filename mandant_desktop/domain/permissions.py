"""The permission catalogue and the six predefined roles (SPEC R2, S1).

Admin permissions decide what an operator may do in this application; they are granted through
roles assigned per org unit. Portal permissions are what external users of a customer may do on
the customer portal; they are granted through rights groups (SPEC C5, C8).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Area(StrEnum):
    TENANTS = "tenants"
    USERS = "users"
    ROLES = "roles"
    ASSIGNMENTS = "assignments"
    ORG_UNITS = "org_units"
    CUSTOMERS = "customers"
    CONTACTS = "contacts"
    AUDIT = "audit"
    SETTINGS = "settings"
    MAIL = "mail"
    PORTAL = "portal"


# The catalogue's entries are named tuples: a frozen dataclass's generated methods are compiled at
# run time, on every start (issue 8).
class PermissionDef(NamedTuple):
    code: str
    area: Area
    portal: bool = False


def _admin(area: Area, *actions: str) -> tuple[PermissionDef, ...]:
    return tuple(PermissionDef(f"{area.value}.{action}", area) for action in actions)


ADMIN_PERMISSIONS: tuple[PermissionDef, ...] = (
    *_admin(Area.TENANTS, "view", "edit", "delete", "manage_access"),
    *_admin(Area.USERS, "view", "edit", "deactivate", "send_activation"),
    *_admin(Area.ROLES, "view", "edit", "delete"),
    *_admin(Area.ASSIGNMENTS, "view", "assign", "bulk_edit", "export"),
    *_admin(Area.ORG_UNITS, "view", "edit", "delete"),
    *_admin(Area.CUSTOMERS, "view", "edit", "delete", "manage_rights", "manage_external_users"),
    *_admin(Area.CONTACTS, "view", "edit", "delete", "export", "import"),
    *_admin(Area.AUDIT, "view", "export"),
    *_admin(Area.SETTINGS, "view", "edit", "smtp"),
    # Added with the users feature (issue 3): reading the outbox means reading activation links.
    *_admin(Area.MAIL, "view"),
)

PORTAL_PERMISSIONS: tuple[PermissionDef, ...] = tuple(
    PermissionDef(f"portal.{action}", Area.PORTAL, portal=True)
    for action in (
        "view_jobs",
        "create_jobs",
        "upload_data",
        "download_data",
        "approve_proofs",
        "view_invoices",
        "manage_users",
        "administer",
        # added with the customers feature (issue 6)
        "view_proofs",
        "order_reprints",
    )
)

ALL_PERMISSIONS: tuple[PermissionDef, ...] = ADMIN_PERMISSIONS + PORTAL_PERMISSIONS
ADMIN_CODES: frozenset[str] = frozenset(p.code for p in ADMIN_PERMISSIONS)
PORTAL_CODES: frozenset[str] = frozenset(p.code for p in PORTAL_PERMISSIONS)


def _codes(*prefixes: str, only: tuple[str, ...] = ()) -> frozenset[str]:
    """Admin codes whose area is one of ``prefixes``, plus the codes named in ``only``."""
    picked = {p.code for p in ADMIN_PERMISSIONS if p.area.value in prefixes}
    return frozenset(picked | set(only))


_VIEW_ALL = frozenset(p.code for p in ADMIN_PERMISSIONS if p.code.endswith(".view"))


class PredefinedRole(NamedTuple):
    """A role the product ships. Its name and description are data, not UI text: they are written
    into the database once, in German, the language of the people who work with this product (the
    SPEC's worked example speaks of *Leser* and *Redakteur*), and belong to the users from then on."""

    key: str
    name: str
    description: str
    permissions: frozenset[str]


PREDEFINED_ROLES: tuple[PredefinedRole, ...] = (
    PredefinedRole("administrator", "Administrator", "Alles, auch Rollen und Einstellungen.", ADMIN_CODES),
    PredefinedRole(
        "data_protection_officer",
        "Datenschutzbeauftragte",
        "Liest alles, exportiert personenbezogene Daten und das Änderungsprotokoll.",
        _VIEW_ALL | {"audit.export", "contacts.export", "assignments.export", "tenants.manage_access"},
    ),
    PredefinedRole(
        "editor",
        "Redakteur",
        "Pflegt Kunden, Kontakte und Verteiler.",
        _codes("customers", "contacts") | {"tenants.view", "users.view", "org_units.view"},
    ),
    PredefinedRole(
        "author",
        "Autor",
        "Legt Kontakte und Vorlagen an und bearbeitet sie.",
        frozenset({"contacts.view", "contacts.edit", "customers.view", "tenants.view"}),
    ),
    PredefinedRole(
        "reader",
        "Leser",
        "Liest Kunden und Kontakte.",
        frozenset({"contacts.view", "customers.view", "tenants.view"}),
    ),
    PredefinedRole(
        "auditor", "Auditor", "Liest und exportiert das Änderungsprotokoll.", frozenset({"audit.view", "audit.export"})
    ),
)

PREDEFINED_BY_KEY: dict[str, PredefinedRole] = {r.key: r for r in PREDEFINED_ROLES}

# Rights groups that exist from the first migration (SPEC C4, C7).
SYSTEM_RIGHTS_GROUPS: tuple[tuple[str, str], ...] = (
    ("CustomerSalesRepresentatives", "Internal sales representatives who can be assigned to customers."),
    ("RemoteAdministrators", "Users who administer a customer's portal users."),
    ("RemoteUsers", "Users who may use the customer portal."),
)
