"""Names of the kinds of object the services speak of (``{object}`` in messages, the audit log).

Services name an object by its model class ("Tenant"); the UI shows it in the user's language
through the ``objects`` context. tests/ui/test_translations.py checks that every model is listed.
"""

from __future__ import annotations

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
