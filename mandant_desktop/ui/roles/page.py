"""The roles page: roles and their permissions (SPEC R1-R3); a placeholder until the feature is built."""

from __future__ import annotations

from typing import ClassVar

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.page import PlaceholderPage


class RolesPage(PlaceholderPage):
    page_id: ClassVar[str] = "roles"
    object_name: ClassVar[str] = "page.roles"
    permission: ClassVar[str] = "roles.view"
    icon_name: ClassVar[str] = "roles"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Roles")
