"""What an undo step is called in the Edit menu: "Undo: Create user “mia”" (SPEC E7, E1).

The name comes from the record itself — the row the change is about (a tenant, a user, a role …)
and what happened to it — and, where the row alone would say too little, from the service method
that made it (deactivating users, saving access rights, adding members). Texts are English source
strings in the "Undo" context; ``%1`` is the object's name, ``%2`` a count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from mandant_desktop.services.recording import BLOCKED_BULK, BLOCKED_LINK, BLOCKED_MAIL, BLOCKED_PASSWORD
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from mandant_desktop.services.change_record import ChangeRecord, RowChange

CONTEXT = "Undo"

#: table → (create, change, delete, several at once), most telling table first
_ROW_TEXTS: dict[str, tuple[str, str, str, str]] = {
    "tenant": (
        QT_TRANSLATE_NOOP("Undo", "Create tenant “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change tenant “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Delete tenant “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change tenants (%2)"),
    ),
    "customer": (
        QT_TRANSLATE_NOOP("Undo", "Create customer “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change customer “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Delete customer “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change customers (%2)"),
    ),
    "role": (
        QT_TRANSLATE_NOOP("Undo", "Create role “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change role “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Delete role “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change roles (%2)"),
    ),
    "rights_group": (
        QT_TRANSLATE_NOOP("Undo", "Create rights group “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change rights group “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Delete rights group “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change rights groups (%2)"),
    ),
    "app_user": (
        QT_TRANSLATE_NOOP("Undo", "Create user “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change user “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Delete user “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change users (%2)"),
    ),
    "distribution_list": (
        QT_TRANSLATE_NOOP("Undo", "Create distribution list “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change distribution list “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Delete distribution list “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change distribution lists (%2)"),
    ),
    "template": (
        QT_TRANSLATE_NOOP("Undo", "Create template “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change template “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Delete template “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change templates (%2)"),
    ),
    "contact": (
        QT_TRANSLATE_NOOP("Undo", "Create contact “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change contact “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Delete contact “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change contacts (%2)"),
    ),
    "person_role": (
        QT_TRANSLATE_NOOP("Undo", "Create person-role “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change person-role “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Delete person-role “%1”"),
        QT_TRANSLATE_NOOP("Undo", "Change person-roles (%2)"),
    ),
    "app_setting": (
        QT_TRANSLATE_NOOP("Undo", "Change settings"),
        QT_TRANSLATE_NOOP("Undo", "Change settings"),
        QT_TRANSLATE_NOOP("Undo", "Change settings"),
        QT_TRANSLATE_NOOP("Undo", "Change settings"),
    ),
    "tenant_access": (
        QT_TRANSLATE_NOOP("Undo", "Change access rights (%2)"),
        QT_TRANSLATE_NOOP("Undo", "Change access rights (%2)"),
        QT_TRANSLATE_NOOP("Undo", "Change access rights (%2)"),
        QT_TRANSLATE_NOOP("Undo", "Change access rights (%2)"),
    ),
    "customer_contact_person": (
        QT_TRANSLATE_NOOP("Undo", "Assign contact persons (%2)"),
        QT_TRANSLATE_NOOP("Undo", "Assign contact persons (%2)"),
        QT_TRANSLATE_NOOP("Undo", "Remove contact persons (%2)"),
        QT_TRANSLATE_NOOP("Undo", "Change contact persons (%2)"),
    ),
    "rights_group_member": (
        QT_TRANSLATE_NOOP("Undo", "Add members (%2)"),
        QT_TRANSLATE_NOOP("Undo", "Change members (%2)"),
        QT_TRANSLATE_NOOP("Undo", "Remove members (%2)"),
        QT_TRANSLATE_NOOP("Undo", "Change members (%2)"),
    ),
}

#: service method → its own words (the row alone would say "Change …")
_METHOD_TEXTS: dict[str, str] = {
    "users.set_active": QT_TRANSLATE_NOOP("Undo", "Activate or deactivate users (%2)"),
    "customers.deactivate": QT_TRANSLATE_NOOP("Undo", "Deactivate customers (%2)"),
    "customers.reactivate": QT_TRANSLATE_NOOP("Undo", "Reactivate customers (%2)"),
    "roles.set_permission": QT_TRANSLATE_NOOP("Undo", "Change the permissions of role “%1”"),
    "roles.set_permissions": QT_TRANSLATE_NOOP("Undo", "Change the permissions of role “%1”"),
    "roles.restore_defaults": QT_TRANSLATE_NOOP("Undo", "Restore the defaults of role “%1”"),
    "rights_groups.set_permissions": QT_TRANSLATE_NOOP("Undo", "Change the permissions of rights group “%1”"),
    "activation.resend": QT_TRANSLATE_NOOP("Undo", "Send activation links (%2)"),
    "mail.save_settings": QT_TRANSLATE_NOOP("Undo", "Change the mail settings"),
    "rights_naming.save": QT_TRANSLATE_NOOP("Undo", "Change the rights-group name pattern"),
    "lists.import_templates": QT_TRANSLATE_NOOP("Undo", "Import templates (%2)"),
}

#: table → what deleting several of its rows at once is called (else "Change … (%2)")
_DELETED_TEXTS: dict[str, str] = {
    "contact": QT_TRANSLATE_NOOP("Undo", "Delete contacts (%2)"),
    "person_role": QT_TRANSLATE_NOOP("Undo", "Delete person-roles (%2)"),
}

_GENERIC = QT_TRANSLATE_NOOP("Undo", "Change (%2 rows)")
_IMPORT = QT_TRANSLATE_NOOP("Undo", "Import from Excel")

#: why a change cannot be undone, as the Edit menu's tool tip says it
REASONS = {
    BLOCKED_BULK: QT_TRANSLATE_NOOP("Undo", "It changed many rows at once, which cannot be taken back row by row."),
    BLOCKED_PASSWORD: QT_TRANSLATE_NOOP("Undo", "A password cannot be changed back."),
    BLOCKED_MAIL: QT_TRANSLATE_NOOP("Undo", "A sent mail cannot be called back."),
    BLOCKED_LINK: QT_TRANSLATE_NOOP("Undo", "An activation link that was made invalid stays invalid."),
}

_NAME_KEYS = ("name", "username", "organisation", "key")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def row_name(row: RowChange) -> str:
    """A readable name of the row from its own image ("12345 Heidelberg", "Meier, Mia", "mia")."""
    image: dict[str, Any] = row.after or row.before or {}
    if row.table == "customer":
        return f"{image.get('number', '')} {image.get('name', '')}".strip()
    if row.table == "contact":
        first, last = image.get("first_name") or "", image.get("last_name") or ""
        return f"{last}, {first}" if first and last else (last or first)
    for key in _NAME_KEYS:
        value = image.get(key)
        if value not in (None, ""):
            return str(value)
    return ""


def describe(method: str, record: ChangeRecord) -> str:
    """The Edit menu's name of the change ``method`` (``"service.method"``) made."""
    rows = record.rows
    main = _main_rows(rows)
    special = _METHOD_TEXTS.get(method)
    if special is not None:
        count = len(main) if main else len(rows)
        named = next((r for r in rows if r.table in ("role", "rights_group", "app_user")), None)
        return _fill(_tr(special), row_name(named) if named else "", count)
    if not main:
        template = _IMPORT if method.startswith("imports.") else _GENERIC
        return _fill(_tr(template), "", len(rows))
    texts = _ROW_TEXTS[main[0].table]
    if len(main) > 1:
        deleted = _DELETED_TEXTS.get(main[0].table) if all(row.action == "delete" for row in main) else None
        return _fill(_tr(deleted or texts[3]), "", len(main))
    index = {"create": 0, "update": 1, "delete": 2}[main[0].action]
    return _fill(_tr(texts[index]), row_name(main[0]), len(main))


def reason(record: ChangeRecord) -> str:
    """Why ``record`` cannot be undone, translated; "" when it can."""
    return _tr(REASONS.get(record.blocked, record.blocked)) if record.blocked else ""


def _main_rows(rows: tuple[RowChange, ...]) -> list[RowChange]:
    """The rows of the most telling table the change touched (a customer over its rights group)."""
    for table in _ROW_TEXTS:
        found = [row for row in rows if row.table == table]
        if found:
            # A created or deleted row tells more than the version bump of its neighbour.
            for action in ("create", "delete"):
                if any(row.action == action for row in found) and table not in ("app_setting", "tenant_access"):
                    return [row for row in found if row.action == action]
            return found
    return []


def _fill(template: str, name: str, count: int) -> str:
    return template.replace("%1", name).replace("%2", number_text(count))
