"""Who is logged in to which database: the log-in loop and "Change database…" (SPEC S1, S6).

The log-in loop shows the first-administrator dialog on an empty database and the log-in dialog
otherwise; either may switch to another database, after which the loop shows whichever of the two
that database needs. The loop owns the databases it opens: it closes those it leaves behind.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialog, QWidget

from mandant_desktop.ui import interaction, tasks
from mandant_desktop.ui.connections import Connections, upgrade_notice

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import AppContext
    from mandant_desktop.services.operator import Operator
    from mandant_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def log_in(
    candidate: AppContext, connections: Connections, parent: QWidget | None = None
) -> tuple[AppContext, Operator] | None:
    """Log in to ``candidate`` (or to a database chosen on the way); None when the user gave up."""
    # Imported here: a start with MANDANT_USER / MANDANT_PASSWORD shows neither (issue 8).
    from mandant_desktop.ui.first_admin_dialog import FirstAdminDialog
    from mandant_desktop.ui.login_dialog import LoginDialog

    current = candidate

    def choose(widget: QWidget) -> AppContext | None:
        nonlocal current
        chosen = connections.choose(widget)
        if chosen is not None:
            current.close()
            current = chosen
        return chosen

    while True:
        dialog: LoginDialog | FirstAdminDialog
        if current.services.auth.needs_first_admin():
            dialog = FirstAdminDialog(current, choose_database=choose, parent=parent)
        else:
            dialog = LoginDialog(current, choose_database=choose, parent=parent)
        try:
            code = dialog.exec()
            operator = dialog.operator
        finally:
            dialog.deleteLater()
        if code == QDialog.DialogCode.Accepted and operator is not None:
            log.info("%s logged in to %s", operator.username, current.display_url)
            return current, operator
        if code in (LoginDialog.NEEDS_FIRST_ADMIN, FirstAdminDialog.NEEDS_LOGIN):
            continue
        current.close()
        return None


class SessionController(QObject):
    """Keeps the main window, its database and its operator together while the program runs."""

    def __init__(self, window: MainWindow, app: AppContext, operator: Operator, connections: Connections) -> None:
        super().__init__(window)
        self.window = window
        self.app = app
        self.operator = operator
        self.connections = connections
        window.change_database_requested.connect(self.change_database)

    def change_database(self) -> None:
        window = self.window
        unsaved = window.unsaved_pages()
        if unsaved and not interaction.get().confirm(
            window,
            QCoreApplication.translate("SessionController", "Discard unsaved changes?"),
            QCoreApplication.translate(
                "SessionController", "These pages have changes that are not saved: {pages}. Discard them?"
            ).format(pages=", ".join(page.title() for page in unsaved)),
            ok_text=QCoreApplication.translate("SessionController", "Discard"),
            destructive=True,
        ):
            return
        chosen = self.connections.choose(window)
        if chosen is None:
            return
        result = log_in(chosen, self.connections, parent=window)
        if result is None:
            return  # still on the old database; log_in closed the new one
        old = self.app
        self.app, self.operator = result
        window.set_session(self.app, self.operator)
        tasks.wait_for_all()  # the old pages' calls return before their engine is disposed
        old.close()
        notice = upgrade_notice(self.app)
        window.show_status(
            notice
            or QCoreApplication.translate("SessionController", "Connected to {profile}.").format(
                profile=self.app.profile_name
            ),
            15000,
        )

    def close(self) -> None:
        tasks.wait_for_all()
        self.app.close()
