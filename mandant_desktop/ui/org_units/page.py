"""The org units page: the org-unit tree and inherited roles (SPEC A4-A10); a placeholder until the feature is built."""

from __future__ import annotations

from typing import ClassVar

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.page import PlaceholderPage


class OrgUnitsPage(PlaceholderPage):
    page_id: ClassVar[str] = "org-units"
    object_name: ClassVar[str] = "page.orgUnits"
    permission: ClassVar[str] = "org_units.view"
    icon_name: ClassVar[str] = "org-units"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Org units")
