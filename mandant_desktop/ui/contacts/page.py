"""The contacts page: contacts, person-roles, distribution lists (SPEC T7-T12); a placeholder for now."""

from __future__ import annotations

from typing import ClassVar

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.page import PlaceholderPage


class ContactsPage(PlaceholderPage):
    page_id: ClassVar[str] = "contacts"
    object_name: ClassVar[str] = "page.contacts"
    permission: ClassVar[str] = "contacts.view"
    icon_name: ClassVar[str] = "contacts"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Contacts & lists")
