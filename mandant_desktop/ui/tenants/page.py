"""The tenants page: tenants and who may see their data (SPEC T1-T12); a placeholder until the feature is built."""

from __future__ import annotations

from typing import ClassVar

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.page import PlaceholderPage


class TenantsPage(PlaceholderPage):
    page_id: ClassVar[str] = "tenants"
    object_name: ClassVar[str] = "page.tenants"
    permission: ClassVar[str] = "tenants.view"
    icon_name: ClassVar[str] = "tenants"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Tenants")
