"""Readable names of the database fields that the audit log lists (SPEC S3): ``quota_mb`` reads
"Quota (MB)", in the operator's language. A field without a name here shows its key."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.permission_names import permission_name

if TYPE_CHECKING:
    from mandant_desktop.services.audit import AuditRow

CONTEXT = "AuditFields"

FIELD_NAMES: dict[str, str] = {
    "active": QT_TRANSLATE_NOOP("AuditFields", "Active"),
    "birthday": QT_TRANSLATE_NOOP("AuditFields", "Birthday"),
    "city": QT_TRANSLATE_NOOP("AuditFields", "City"),
    "contact_type": QT_TRANSLATE_NOOP("AuditFields", "Contact type"),
    "customer_id": QT_TRANSLATE_NOOP("AuditFields", "Customer (ID)"),
    "default_agency_id": QT_TRANSLATE_NOOP("AuditFields", "Default agency (ID)"),
    "description": QT_TRANSLATE_NOOP("AuditFields", "Description"),
    "email": QT_TRANSLATE_NOOP("AuditFields", "E-mail"),
    "first_name": QT_TRANSLATE_NOOP("AuditFields", "First name"),
    "inherited_from_id": QT_TRANSLATE_NOOP("AuditFields", "Inherited from (ID)"),
    "is_agency": QT_TRANSLATE_NOOP("AuditFields", "Agency"),
    "kind": QT_TRANSLATE_NOOP("AuditFields", "Kind"),
    "last_name": QT_TRANSLATE_NOOP("AuditFields", "Last name"),
    "level": QT_TRANSLATE_NOOP("AuditFields", "Access"),
    "name": QT_TRANSLATE_NOOP("AuditFields", "Name"),
    "number": QT_TRANSLATE_NOOP("AuditFields", "Number"),
    "org_unit_id": QT_TRANSLATE_NOOP("AuditFields", "Org unit (ID)"),
    "parent_id": QT_TRANSLATE_NOOP("AuditFields", "Parent (ID)"),
    "permission_code": QT_TRANSLATE_NOOP("AuditFields", "Permission"),
    "phone": QT_TRANSLATE_NOOP("AuditFields", "Phone"),
    "postal_code": QT_TRANSLATE_NOOP("AuditFields", "Postal code"),
    "private_data": QT_TRANSLATE_NOOP("AuditFields", "Private data"),
    "quota_mb": QT_TRANSLATE_NOOP("AuditFields", "Quota (MB)"),
    "remote_access": QT_TRANSLATE_NOOP("AuditFields", "Remote access"),
    "role_id": QT_TRANSLATE_NOOP("AuditFields", "Role (ID)"),
    "salutation": QT_TRANSLATE_NOOP("AuditFields", "Salutation"),
    # revision 0027: number, name and short name as the customer search compares them
    "search_key": QT_TRANSLATE_NOOP("AuditFields", "Search key"),
    "short_name": QT_TRANSLATE_NOOP("AuditFields", "Short name"),
    "sso": QT_TRANSLATE_NOOP("AuditFields", "SSO"),
    "status": QT_TRANSLATE_NOOP("AuditFields", "Status"),
    "street": QT_TRANSLATE_NOOP("AuditFields", "Street"),
    "tenant_id": QT_TRANSLATE_NOOP("AuditFields", "Tenant (ID)"),
    "user_id": QT_TRANSLATE_NOOP("AuditFields", "User (ID)"),
    "username": QT_TRANSLATE_NOOP("AuditFields", "User name"),
    "activated_at": QT_TRANSLATE_NOOP("AuditFields", "Activated at"),
    "area": QT_TRANSLATE_NOOP("AuditFields", "Area"),
    "body": QT_TRANSLATE_NOOP("AuditFields", "Text"),
    "code": QT_TRANSLATE_NOOP("AuditFields", "Code"),
    "contact_id": QT_TRANSLATE_NOOP("AuditFields", "Contact (ID)"),
    "created_at": QT_TRANSLATE_NOOP("AuditFields", "Created at"),
    "created_by": QT_TRANSLATE_NOOP("AuditFields", "Created by"),
    "database_url": QT_TRANSLATE_NOOP("AuditFields", "Database"),
    "deleted_at": QT_TRANSLATE_NOOP("AuditFields", "Deleted at"),
    "deleted_by": QT_TRANSLATE_NOOP("AuditFields", "Deleted by"),
    "depth": QT_TRANSLATE_NOOP("AuditFields", "Level in the tree"),
    "email_key": QT_TRANSLATE_NOOP("AuditFields", "E-mail (for comparing)"),
    "failed_logins": QT_TRANSLATE_NOOP("AuditFields", "Failed log-ins"),
    "function": QT_TRANSLATE_NOOP("AuditFields", "Function"),
    "group_id": QT_TRANSLATE_NOOP("AuditFields", "Rights group (ID)"),
    "id": QT_TRANSLATE_NOOP("AuditFields", "ID"),
    "is_external_admin": QT_TRANSLATE_NOOP("AuditFields", "External administrator"),
    "key": QT_TRANSLATE_NOOP("AuditFields", "Setting"),
    "last_failed_at": QT_TRANSLATE_NOOP("AuditFields", "Last failed log-in"),
    "last_login_at": QT_TRANSLATE_NOOP("AuditFields", "Last log-in"),
    "list_id": QT_TRANSLATE_NOOP("AuditFields", "Distribution list (ID)"),
    "locked_until": QT_TRANSLATE_NOOP("AuditFields", "Locked until"),
    "name_hash": QT_TRANSLATE_NOOP("AuditFields", "User name (hashed)"),
    "name_key": QT_TRANSLATE_NOOP("AuditFields", "Name (for comparing)"),
    "newsroom_name": QT_TRANSLATE_NOOP("AuditFields", "Newsroom name"),
    "newsroom_slug": QT_TRANSLATE_NOOP("AuditFields", "Newsroom slug"),
    "org_unit_ids": QT_TRANSLATE_NOOP("AuditFields", "Org units (IDs)"),
    "organisation": QT_TRANSLATE_NOOP("AuditFields", "Organisation"),
    "person_role_id": QT_TRANSLATE_NOOP("AuditFields", "Person role (ID)"),
    "predefined_key": QT_TRANSLATE_NOOP("AuditFields", "Predefined role"),
    "scope": QT_TRANSLATE_NOOP("AuditFields", "Scope"),
    "sort_order": QT_TRANSLATE_NOOP("AuditFields", "Position"),
    "subject": QT_TRANSLATE_NOOP("AuditFields", "Subject"),
    "username_key": QT_TRANSLATE_NOOP("AuditFields", "User name (for comparing)"),
    "value": QT_TRANSLATE_NOOP("AuditFields", "Value"),
    # the demo data's entry: its size and seed, and how many rows each table received
    "scale": QT_TRANSLATE_NOOP("AuditFields", "Size"),
    "seed": QT_TRANSLATE_NOOP("AuditFields", "Seed"),
    "tenant": QT_TRANSLATE_NOOP("AuditFields", "Tenants"),
    "tenant_access": QT_TRANSLATE_NOOP("AuditFields", "Tenant accesses"),
    "org_unit": QT_TRANSLATE_NOOP("AuditFields", "Org units"),
    "app_user": QT_TRANSLATE_NOOP("AuditFields", "Users"),
    "activation_token": QT_TRANSLATE_NOOP("AuditFields", "Activation links"),
    "role_assignment": QT_TRANSLATE_NOOP("AuditFields", "Role assignments"),
    "inheritance_source": QT_TRANSLATE_NOOP("AuditFields", "Inheriting units"),
    "customer": QT_TRANSLATE_NOOP("AuditFields", "Customers"),
    "rights_group": QT_TRANSLATE_NOOP("AuditFields", "Rights groups"),
    "rights_group_permission": QT_TRANSLATE_NOOP("AuditFields", "Rights group permissions"),
    "rights_group_member": QT_TRANSLATE_NOOP("AuditFields", "Rights group members"),
    "customer_contact_person": QT_TRANSLATE_NOOP("AuditFields", "Contact persons of customers"),
    "contact": QT_TRANSLATE_NOOP("AuditFields", "Contacts"),
    "person_role": QT_TRANSLATE_NOOP("AuditFields", "Person roles"),
    "distribution_list": QT_TRANSLATE_NOOP("AuditFields", "Distribution lists"),
    "distribution_list_member": QT_TRANSLATE_NOOP("AuditFields", "Distribution list members"),
    "template": QT_TRANSLATE_NOOP("AuditFields", "Templates"),
    "audit_log": QT_TRANSLATE_NOOP("AuditFields", "Audit entries"),
    "outbox_mail": QT_TRANSLATE_NOOP("AuditFields", "Mails"),
}

#: id fields whose value the log names (services.audit.REFERENCES, LIST_REFERENCES): their title beside a name, which
#: then carries the id in brackets ("Org unit: Vertrieb Nord (#12)")
NAMED_FIELD_NAMES: dict[str, str] = {
    "user_id": QT_TRANSLATE_NOOP("AuditFields", "User"),
    "role_id": QT_TRANSLATE_NOOP("AuditFields", "Role"),
    "org_unit_id": QT_TRANSLATE_NOOP("AuditFields", "Org unit"),
    "inherited_from_id": QT_TRANSLATE_NOOP("AuditFields", "Inherited from"),
    "parent_id": QT_TRANSLATE_NOOP("AuditFields", "Parent unit"),
    # services.audit.LIST_REFERENCES: the units an inherited role reached, each by name
    "org_unit_ids": QT_TRANSLATE_NOOP("AuditFields", "Org units"),
}

#: summaries that the services write as fixed English texts; shown in the operator's language.
#: A row without a name of its own (a role assignment, an inheritance mark) is labelled by its
#: summary in the log's object column, so each of these reaches the screen.
SUMMARIES: dict[str, str] = {
    "demo data generated": QT_TRANSLATE_NOOP("AuditSummaries", "demo data generated"),
    "defaults restored": QT_TRANSLATE_NOOP("AuditSummaries", "defaults restored"),
    "all members of the deleted group": QT_TRANSLATE_NOOP("AuditSummaries", "all members of the deleted group"),
    "undo": QT_TRANSLATE_NOOP("AuditSummaries", "undo"),
    "import": QT_TRANSLATE_NOOP("AuditSummaries", "import"),
    "role assigned": QT_TRANSLATE_NOOP("AuditSummaries", "role assigned"),
    "role removed": QT_TRANSLATE_NOOP("AuditSummaries", "role removed"),
    "bulk edit": QT_TRANSLATE_NOOP("AuditSummaries", "bulk edit"),
    "inheritance ticked (keep)": QT_TRANSLATE_NOOP("AuditSummaries", "inheritance ticked (keep)"),
    "inheritance ticked (replace)": QT_TRANSLATE_NOOP("AuditSummaries", "inheritance ticked (replace)"),
    "inheritance unticked": QT_TRANSLATE_NOOP("AuditSummaries", "inheritance unticked"),
    "inheritance broken": QT_TRANSLATE_NOOP("AuditSummaries", "inheritance broken"),
    "inherited from the root unit": QT_TRANSLATE_NOOP("AuditSummaries", "inherited from the root unit"),
    "org unit added": QT_TRANSLATE_NOOP("AuditSummaries", "org unit added"),
    "org unit moved": QT_TRANSLATE_NOOP("AuditSummaries", "org unit moved"),
    "org unit deleted": QT_TRANSLATE_NOOP("AuditSummaries", "org unit deleted"),
    "org unit deleted, children lifted": QT_TRANSLATE_NOOP("AuditSummaries", "org unit deleted, children lifted"),
    "activation link sent": QT_TRANSLATE_NOOP("AuditSummaries", "activation link sent"),
    "activation link sent to the new address": QT_TRANSLATE_NOOP(
        "AuditSummaries", "activation link sent to the new address"
    ),
    "unused activation links made invalid": QT_TRANSLATE_NOOP("AuditSummaries", "unused activation links made invalid"),
    "deactivated with its customer": QT_TRANSLATE_NOOP("AuditSummaries", "deactivated with its customer"),
    "external user removed with its customer's portal access": QT_TRANSLATE_NOOP(
        "AuditSummaries", "external user removed with its customer's portal access"
    ),
}

#: summaries with a name in them (services.roles writes "role <name> deleted"): pattern → text
#: with ``%1`` for the name
NAMED_SUMMARIES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"role (.+) deleted", re.DOTALL), QT_TRANSLATE_NOOP("AuditSummaries", "role %1 deleted")),
)


#: stored codes of enumerated fields (db.tables' enums), keyed by field and code; shown as words
VALUE_NAMES: dict[tuple[str, str], str] = {
    ("level", "full"): QT_TRANSLATE_NOOP("AuditValues", "Full access"),
    ("level", "read_only"): QT_TRANSLATE_NOOP("AuditValues", "Read only"),
    ("level", "hidden"): QT_TRANSLATE_NOOP("AuditValues", "Hidden"),
    ("kind", "inner"): QT_TRANSLATE_NOOP("AuditValues", "Inner tenant"),
    ("kind", "separate"): QT_TRANSLATE_NOOP("AuditValues", "Separate tenant"),
    ("kind", "internal"): QT_TRANSLATE_NOOP("AuditValues", "Internal"),
    ("kind", "external"): QT_TRANSLATE_NOOP("AuditValues", "External"),
    ("status", "pending"): QT_TRANSLATE_NOOP("AuditValues", "Pending activation"),
    ("status", "active"): QT_TRANSLATE_NOOP("AuditValues", "Active"),
    ("status", "deactivated"): QT_TRANSLATE_NOOP("AuditValues", "Deactivated"),
    ("status", "queued"): QT_TRANSLATE_NOOP("AuditValues", "Waiting to be sent"),
    ("status", "sent"): QT_TRANSLATE_NOOP("AuditValues", "Sent"),
    ("status", "failed"): QT_TRANSLATE_NOOP("AuditValues", "Failed"),
    ("status", "outbox"): QT_TRANSLATE_NOOP("AuditValues", "Kept (no e-mail server)"),
    # the size of the demo data (services.demo.config.SCALES)
    ("scale", "small"): QT_TRANSLATE_NOOP("AuditValues", "small"),
    ("scale", "large"): QT_TRANSLATE_NOOP("AuditValues", "large"),
}


#: the parts of a setting (services.mail's "smtp" and "activation", services.rights_naming's
#: pattern), each by the label the settings page gives it: (context, text with its mnemonic)
SETTING_PARTS: dict[str, tuple[str, str]] = {
    "host": ("SmtpSection", "SMTP se&rver:"),
    "port": ("SmtpSection", "P&ort:"),
    "security": ("SmtpSection", "Securit&y:"),
    "username": ("SmtpSection", "SMTP &user:"),
    "sender": ("SmtpSection", "Sen&der address:"),
    "portal_url": ("SmtpSection", "&Activation page:"),
    "password_min_length": ("SmtpSection", "&Minimum password length:"),
    "mail_language": ("SmtpSection", "La&nguage of the mails:"),
    "prefix": ("RightsNamingSection", "Element &1 (text):"),
    "second": ("RightsNamingSection", "Element &2:"),
    "third": ("RightsNamingSection", "Element &3:"),
}


#: the settings (app_setting's keys: services.mail, services.rights_naming), each by the title of
#: the settings page's box that edits it; the mail server and the activation share one box
SETTINGS: dict[str, tuple[str, str]] = {
    "smtp": ("SmtpSection", "E-mail and account activation"),
    "activation": ("SmtpSection", "E-mail and account activation"),
    "customers.rights_group_pattern": ("RightsNamingSection", "Access rights naming"),
}


def setting_name(key: str) -> str:
    """A setting by the settings page's title for it, its key in brackets ("E-Mail und
    Kontoaktivierung (activation)": two settings share that box); an unknown key as it is."""
    label = SETTINGS.get(key)
    return f"{QCoreApplication.translate(*label)} ({key})" if label is not None else key


#: the stored choices of a setting's parts, each by the word the settings page shows for it
SETTING_CHOICES: dict[tuple[str, str], tuple[str, str]] = {
    ("security", "starttls"): ("SmtpSection", "STARTTLS"),
    ("security", "ssl"): ("SmtpSection", "SSL/TLS"),
    ("security", "none"): ("SmtpSection", "None (only inside a trusted network)"),
    ("mail_language", ""): ("SmtpSection", "That of the operator who sends them"),
    ("mail_language", "de"): ("SmtpSection", "German"),
    ("mail_language", "en"): ("SmtpSection", "English"),
    **{
        (part, code): ("RightsNamingSection", text)
        for part in ("second", "third")
        for code, text in (
            ("number", "Customer number"),
            ("name", "Customer name"),
            ("short_name", "Customer short name"),
            ("none", "(none)"),
        )
    },
}


def setting_choice_name(part: str, code: str) -> str | None:
    """The settings page's word for a stored choice of a setting's part ("de" of the mails'
    language → "Deutsch"); None for any other value."""
    label = SETTING_CHOICES.get((part, code))
    return QCoreApplication.translate(*label) if label is not None else None


def setting_part_name(key: str) -> str:
    """A setting's part as the settings page labels it, without its mnemonic and colon
    ("portal_url" → "Aktivierungsseite"); an unknown part as its key."""
    label = SETTING_PARTS.get(key)
    if label is None:
        return key
    text = QCoreApplication.translate(*label)
    return re.sub(r"&(.)", r"\1", text).rstrip(":").strip()


def value_name(field: str, code: str) -> str | None:
    """The word for a stored code of ``field`` in the operator's language; None for any other value."""
    source = VALUE_NAMES.get((field, code))
    return QCoreApplication.translate("AuditValues", source) if source is not None else None


def field_name(key: str, *, named: bool = False) -> str:
    """The field's title; ``named``: its value is shown by name, not by its bare id."""
    source = (NAMED_FIELD_NAMES.get(key) if named else None) or FIELD_NAMES.get(key)
    return QCoreApplication.translate(CONTEXT, source) if source is not None else key


def summary_text(summary: str) -> str:
    """A stored summary in the operator's language where it is one of the services' fixed texts;
    any other (a name, "+3 / -1") as it was written."""
    if summary in SUMMARIES:
        return QCoreApplication.translate("AuditSummaries", summary)
    for pattern, text in NAMED_SUMMARIES:
        match = pattern.fullmatch(summary)
        if match is not None:
            return QCoreApplication.translate("AuditSummaries", text).replace("%1", match.group(1))
    return summary


def entry_label(row: AuditRow) -> str:
    """The object of an entry as the log's object column, the detail and the export name it: a
    role's permission by the role's name (as the log names it, a deleted role by its delete entry)
    and the permission's name as the roles page shows it ("Prüfer: Änderungsprotokoll ansehen"),
    not its key "#7:audit.view"; any other by its label (:func:`summary_text`)."""
    if row.object_type == "RolePermission":
        role_change = next((c for c in row.changes if c.field == "role_id"), None)
        code_change = next((c for c in row.changes if c.field == "permission_code"), None)
        if role_change is not None and code_change is not None:
            role_id = role_change.before if role_change.before is not None else role_change.after
            role = role_change.before_name or role_change.after_name or f"#{role_id}"
            code = code_change.before if code_change.before is not None else code_change.after
            return f"{role}: {permission_name(str(code))}"
    if row.object_type == "AppSetting":
        return setting_name(row.object_label)
    return summary_text(row.object_label)
