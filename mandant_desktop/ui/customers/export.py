"""The customer table as an Excel file, with progress and cancel (SPEC C1, E3, S7)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from mandant_desktop.services.customers import CustomerService
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui import tasks
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "CustomerExport"

#: the fixed words of the export, marked for lupdate; the service passes them through ``translate``
EXPORT_WORDS = (
    QT_TRANSLATE_NOOP("CustomerExport", "Customers"),
    QT_TRANSLATE_NOOP("CustomerExport", "Number"),
    QT_TRANSLATE_NOOP("CustomerExport", "Name"),
    QT_TRANSLATE_NOOP("CustomerExport", "Short name"),
    QT_TRANSLATE_NOOP("CustomerExport", "Remote access"),
    QT_TRANSLATE_NOOP("CustomerExport", "Quota (MB)"),
    QT_TRANSLATE_NOOP("CustomerExport", "Default agency"),
    QT_TRANSLATE_NOOP("CustomerExport", "Tenant"),
    QT_TRANSLATE_NOOP("CustomerExport", "Contact persons"),
    QT_TRANSLATE_NOOP("CustomerExport", "Status"),
    QT_TRANSLATE_NOOP("CustomerExport", "Agency"),
    QT_TRANSLATE_NOOP("CustomerExport", "Yes"),
    QT_TRANSLATE_NOOP("CustomerExport", "No"),
    QT_TRANSLATE_NOOP("CustomerExport", "Active"),
    QT_TRANSLATE_NOOP("CustomerExport", "Deactivated"),
)


def translate_export(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def choose_export_file(parent: QWidget) -> str | None:
    title = QCoreApplication.translate("CustomerExport", "Export customers")
    name = QCoreApplication.translate("CustomerExport", "Customers") + ".xlsx"
    path, _filter = QFileDialog.getSaveFileName(
        parent, title, name, QCoreApplication.translate("CustomerExport", "Excel workbook (*.xlsx)")
    )
    return path or None


def export_with_progress(
    parent: QWidget,
    service: CustomerService,
    operator: Operator,
    path: str,
    *,
    search: str,
    customer_ids: list[int] | None,
    on_done: Callable[[int], None],
) -> tasks.Task[int]:
    """Run the export on a worker with a progress dialog that appears after a moment and can
    cancel it (S5, E3); ``on_done(rows)`` on the GUI thread when the file is written."""
    return tasks.run_with_progress(
        parent,
        QCoreApplication.translate("CustomerExport", "Export customers"),
        QCoreApplication.translate("CustomerExport", "Writing the Excel file…"),
        service.export,
        operator,
        path,
        customer_ids=customer_ids,
        search=search,
        translate=translate_export,  # QCoreApplication.translate is thread-safe
        on_done=on_done,
    )
