"""Headers and words of the access and contacts exports, marked for lupdate in the ``exports``
context: the services keep them in English and the pages pass a translator (SPEC E1)."""

from __future__ import annotations

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP

EXPORT_TEXTS = (
    QT_TRANSLATE_NOOP("exports", "Tenant access"),
    QT_TRANSLATE_NOOP("exports", "User"),
    QT_TRANSLATE_NOOP("exports", "User name"),
    QT_TRANSLATE_NOOP("exports", "E-mail"),
    QT_TRANSLATE_NOOP("exports", "Tenant"),
    QT_TRANSLATE_NOOP("exports", "Access"),
    QT_TRANSLATE_NOOP("exports", "Private data"),
    QT_TRANSLATE_NOOP("exports", "Full access"),
    QT_TRANSLATE_NOOP("exports", "Read only"),
    QT_TRANSLATE_NOOP("exports", "Hidden"),
    QT_TRANSLATE_NOOP("exports", "yes"),
    QT_TRANSLATE_NOOP("exports", "no"),
    QT_TRANSLATE_NOOP("exports", "Contacts"),
    QT_TRANSLATE_NOOP("exports", "Last name"),
    QT_TRANSLATE_NOOP("exports", "First name"),
    QT_TRANSLATE_NOOP("exports", "Salutation"),
    QT_TRANSLATE_NOOP("exports", "Type"),
    QT_TRANSLATE_NOOP("exports", "Phone"),
    QT_TRANSLATE_NOOP("exports", "Street"),
    QT_TRANSLATE_NOOP("exports", "Postal code"),
    QT_TRANSLATE_NOOP("exports", "City"),
    QT_TRANSLATE_NOOP("exports", "Birthday"),
    # a separate tenant's customer's contact, kept with its customer in the main database (C10, T6)
    QT_TRANSLATE_NOOP("exports", "{tenant} (customer {customer})"),
)
