"""The audit log page: who changed what, filtered and exported (SPEC S3); a placeholder until the feature is built."""

from __future__ import annotations

from typing import ClassVar

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.page import PlaceholderPage


class AuditPage(PlaceholderPage):
    page_id: ClassVar[str] = "audit"
    object_name: ClassVar[str] = "page.audit"
    permission: ClassVar[str] = "audit.view"
    icon_name: ClassVar[str] = "audit"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Audit log")
