"""The customers page: customers, rights groups, contact persons (SPEC C1-C12); a placeholder for now."""

from __future__ import annotations

from typing import ClassVar

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.page import PlaceholderPage


class CustomersPage(PlaceholderPage):
    page_id: ClassVar[str] = "customers"
    object_name: ClassVar[str] = "page.customers"
    permission: ClassVar[str] = "customers.view"
    icon_name: ClassVar[str] = "customers"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Customers")
