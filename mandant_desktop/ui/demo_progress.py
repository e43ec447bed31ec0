"""``mandant-desktop --demo`` on an empty database: the demo data first (SPEC E9), behind a progress
dialog that speaks the UI language (E1, E3)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mandant_desktop import bootstrap
from mandant_desktop.ui.mail_texts import translate_mail
from mandant_desktop.ui.tasks import ProgressDialog


def fill_demo_database(ctx: bootstrap.AppContext) -> bool:
    """Fill ``ctx``'s database with the demo data when it is empty; True when it did.

    The generator reports English source strings of its translation context; the dialog shows them
    translated. It has no Cancel: without the data the demo has nothing to show, and the small demo
    takes seconds. The work runs here, on the GUI thread, before any window exists; the modal
    dialog keeps itself painted (QProgressDialog.setValue processes events).
    """
    from mandant_desktop.services.demo.generator import DEMO_CONTEXT, PREPARING

    def translate(message: str) -> str:
        return QCoreApplication.translate(DEMO_CONTEXT, message)

    title = QCoreApplication.translate("DemoProgress", "Demo data")
    dialog = ProgressDialog(None, title, translate(PREPARING), cancellable=False)
    dialog.setRange(0, 100)

    def progress(message: str, fraction: float) -> None:
        dialog.setLabelText(translate(message))
        dialog.setValue(round(fraction * 100))

    try:
        return bootstrap.ensure_demo_data(ctx, translate=translate_mail, progress=progress)
    finally:
        dialog.finish()
        dialog.deleteLater()
