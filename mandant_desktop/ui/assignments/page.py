"""The role assignment page: users' roles per org unit (SPEC A1-A3); a placeholder until the feature is built."""

from __future__ import annotations

from typing import ClassVar

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.page import PlaceholderPage


class AssignmentsPage(PlaceholderPage):
    page_id: ClassVar[str] = "assignments"
    object_name: ClassVar[str] = "page.assignments"
    permission: ClassVar[str] = "assignments.view"
    icon_name: ClassVar[str] = "assignments"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Role assignment")
