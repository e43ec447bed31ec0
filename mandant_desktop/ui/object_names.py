"""Names of the kinds of object the services speak of (``{object}`` in messages, the audit log).

Services name an object by its model class ("Tenant"); the UI shows it in the user's language
through the ``objects`` context. tests/ui/test_translations.py checks that every model is listed.
English has no translation file: :func:`object_name` gives the English word of a message there
("this org unit", not "this OrgUnit"), as the German translation gives the German one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP

OBJECTS_CONTEXT = "objects"

OBJECT_NAMES = (
    QT_TRANSLATE_NOOP("objects", "Tenant"),
    QT_TRANSLATE_NOOP("objects", "TenantAccess"),
    QT_TRANSLATE_NOOP("objects", "User"),
    QT_TRANSLATE_NOOP("objects", "ActivationToken"),
    QT_TRANSLATE_NOOP("objects", "Permission"),
    QT_TRANSLATE_NOOP("objects", "Role"),
    QT_TRANSLATE_NOOP("objects", "RolePermission"),
    QT_TRANSLATE_NOOP("objects", "OrgUnit"),
    QT_TRANSLATE_NOOP("objects", "RoleAssignment"),
    QT_TRANSLATE_NOOP("objects", "InheritanceSource"),
    QT_TRANSLATE_NOOP("objects", "InheritanceBreak"),
    QT_TRANSLATE_NOOP("objects", "LoginThrottle"),
    QT_TRANSLATE_NOOP("objects", "Customer"),
    QT_TRANSLATE_NOOP("objects", "DeletedCustomerNumber"),
    QT_TRANSLATE_NOOP("objects", "RightsGroup"),
    QT_TRANSLATE_NOOP("objects", "RightsGroupPermission"),
    QT_TRANSLATE_NOOP("objects", "RightsGroupMember"),
    QT_TRANSLATE_NOOP("objects", "CustomerContactPerson"),
    QT_TRANSLATE_NOOP("objects", "Contact"),
    QT_TRANSLATE_NOOP("objects", "PersonRole"),
    QT_TRANSLATE_NOOP("objects", "DistributionList"),
    QT_TRANSLATE_NOOP("objects", "DistributionListMember"),
    QT_TRANSLATE_NOOP("objects", "Template"),
    QT_TRANSLATE_NOOP("objects", "OutboxMail"),
    QT_TRANSLATE_NOOP("objects", "AppSetting"),
    QT_TRANSLATE_NOOP("objects", "UserSetting"),
    QT_TRANSLATE_NOOP("objects", "AuditEntry"),
)

#: kinds the audit log names that are no model: the demo generator's entry
AUDIT_ONLY_NAMES = (QT_TRANSLATE_NOOP("objects", "DemoData"),)

#: the English words of the kinds, as a sentence uses them ("Cannot undo: rolf changed this {object}")
ENGLISH_NAMES = {
    "Tenant": "tenant",
    "TenantAccess": "tenant access",
    "User": "user",
    "ActivationToken": "activation link",
    "Permission": "permission",
    "Role": "role",
    "RolePermission": "permission of a role",
    "OrgUnit": "org unit",
    "RoleAssignment": "role assignment",
    "InheritanceSource": "inheritance to child units",
    "InheritanceBreak": "broken inheritance",
    "LoginThrottle": "log-in lock",
    "Customer": "customer",
    "DeletedCustomerNumber": "number of a deleted customer",
    "RightsGroup": "rights group",
    "RightsGroupPermission": "permission of a rights group",
    "RightsGroupMember": "member of a rights group",
    "CustomerContactPerson": "contact person of a customer",
    "Contact": "contact",
    "PersonRole": "person-role",
    "DistributionList": "distribution list",
    "DistributionListMember": "distribution list member",
    "Template": "template",
    "OutboxMail": "e-mail in the outbox",
    "AppSetting": "setting",
    "UserSetting": "personal setting",
    "AuditEntry": "audit log entry",
    "DemoData": "demo data",
}


def object_name(kind: str, *, title: bool = False) -> str:
    """The user's word for the kind of object ``kind`` (a model's class name) in a message: its
    translation, or in English its English word; an unknown kind as it is. ``title``: as a column
    or a list names it, the English word with a capital ("Org unit")."""
    translated = QCoreApplication.translate(OBJECTS_CONTEXT, kind)
    if translated != kind:
        return translated
    word = ENGLISH_NAMES.get(kind, kind)
    return word[:1].upper() + word[1:] if title else word
