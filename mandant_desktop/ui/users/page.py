"""The users page: internal and external users (SPEC U1-U4); a placeholder until the feature is built."""

from __future__ import annotations

from typing import ClassVar

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.page import PlaceholderPage


class UsersPage(PlaceholderPage):
    page_id: ClassVar[str] = "users"
    object_name: ClassVar[str] = "page.users"
    permission: ClassVar[str] = "users.view"
    icon_name: ClassVar[str] = "users"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Users")
