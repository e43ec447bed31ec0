"""The permission catalogue and the six predefined roles (SPEC R2, S1).

Admin permissions decide what an operator may do in this application; they are granted through
roles assigned per org unit. Portal permissions are what external users of a customer may do on
the customer portal; they are granted through rights groups (SPEC C5, C8).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
    PORTAL = "portal"


@dataclass(frozen=True, slots=True)
class PermissionDef:
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


@dataclass(frozen=True, slots=True)
class PredefinedRole:
    key: str
    name: str
    description: str
    permissions: frozenset[str]


PREDEFINED_ROLES: tuple[PredefinedRole, ...] = (
    PredefinedRole("administrator", "Administrator", "Everything, including roles and settings.", ADMIN_CODES),
    PredefinedRole(
        "data_protection_officer",
        "Data protection officer",
        "Reads everything, exports personal data and the audit log.",
        _VIEW_ALL | {"audit.export", "contacts.export", "assignments.export", "tenants.manage_access"},
    ),
    PredefinedRole(
        "editor",
        "Editor",
        "Maintains customers, contacts and distribution lists.",
        _codes("customers", "contacts") | {"tenants.view", "users.view", "org_units.view"},
    ),
    PredefinedRole(
        "author",
        "Author",
        "Creates and edits contacts and templates.",
        frozenset({"contacts.view", "contacts.edit", "customers.view", "tenants.view"}),
    ),
    PredefinedRole(
        "reader",
        "Reader",
        "Reads customers and contacts.",
        frozenset({"contacts.view", "customers.view", "tenants.view"}),
    ),
    PredefinedRole("auditor", "Auditor", "Reads and exports the audit log.", frozenset({"audit.view", "audit.export"})),
)

PREDEFINED_BY_KEY: dict[str, PredefinedRole] = {r.key: r for r in PREDEFINED_ROLES}

# Rights groups that exist from the first migration (SPEC C4, C7).
SYSTEM_RIGHTS_GROUPS: tuple[tuple[str, str], ...] = (
    ("CustomerSalesRepresentatives", "Internal sales representatives who can be assigned to customers."),
    ("RemoteAdministrators", "Users who administer a customer's portal users."),
    ("RemoteUsers", "Users who may use the customer portal."),
)
