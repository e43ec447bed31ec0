"""Excel imports in the GUI (SPEC S8): the import dialog, and the "Import…" button that the role
assignment, users and customers pages add with one call of :func:`import_button`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QDialog, QPushButton

from mandant_desktop.services.import_kinds import PERMISSIONS, ImportKind
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.page import Page

if TYPE_CHECKING:
    from mandant_desktop.ui.imports.dialog import ImportDialog

CONTEXT = "ImportDialog"
_BUTTON = QT_TRANSLATE_NOOP("ImportDialog", "&Import…")
_TIP = QT_TRANSLATE_NOOP("ImportDialog", "Add rows from an Excel file in the layout of the export (checked first)")
_DONE = QT_TRANSLATE_NOOP("ImportDialog", "Imported: %1 added, %2 unchanged.")


def _exec(dialog: QDialog) -> int:
    return dialog.exec()


#: shows the dialog modally; tests replace it to play the user
run_dialog: Callable[[QDialog], int] = _exec


def open_import(page: Page, kind: ImportKind) -> ImportDialog:
    """The import dialog for ``kind`` over ``page``; the page reloads after an import."""
    # Imported with the first import, not with the page (issue 8): the service's module is large.
    from mandant_desktop.ui.imports.dialog import ImportDialog

    dialog = ImportDialog(page.context.app.services.imports, page.operator, kind, page)
    if run_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.imported is not None:
        result = dialog.imported
        page.context.shell.show_status(
            QCoreApplication.translate(CONTEXT, _DONE)
            .replace("%1", number_text(result.added))
            .replace("%2", number_text(result.unchanged))
        )
        page.refresh()
    dialog.deleteLater()
    return dialog


class ImportButton(QPushButton):
    """ "Import…" for a page; enabled only for operators with the import's right (S1)."""

    def __init__(self, page: Page, kind: ImportKind) -> None:
        super().__init__(page)
        self.setObjectName(f"{kind.value}ImportButton")
        self.kind = kind
        self.setEnabled(page.context.operator.can(PERMISSIONS[kind]))
        self.clicked.connect(lambda: open_import(page, kind))
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setText(QCoreApplication.translate(CONTEXT, _BUTTON))
        self.setToolTip(QCoreApplication.translate(CONTEXT, _TIP))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


def import_button(page: Page, kind: ImportKind) -> ImportButton:
    return ImportButton(page, kind)


__all__ = ["ImportButton", "ImportKind", "import_button", "open_import", "run_dialog"]
