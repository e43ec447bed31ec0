"""Opening databases for the UI (SPEC S6, S9): profiles, passwords, upgrade questions.

Passwords come from the keyring through the profile store or, when none is saved there (or no
keyring exists), are asked for through the interaction service each time. An older server
database is upgraded only after the user confirmed; an older SQLite file is upgraded after a
backup without asking, and :func:`upgrade_notice` says where the backup went.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from mandant_desktop import bootstrap
from mandant_desktop.services.profiles import ConnectionProfile, ProfileStore
from mandant_desktop.ui import interaction, tasks
from mandant_desktop.ui.errors import translate_text

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import AppContext
    from mandant_desktop.db.migrate import SchemaStatus

log = logging.getLogger(__name__)


def upgrade_notice(app: AppContext) -> str | None:
    """The status-bar line after an existing database was upgraded; None when nothing happened."""
    report = app.upgrade
    if report is None or not report.upgraded or report.before.state != "outdated":
        return None
    text = QCoreApplication.translate(
        "Connections", "The database was upgraded from schema {before} to {after}."
    ).format(before=report.before.current or "?", after=report.after.current or "?")
    if report.backup_path is not None:
        text += " " + QCoreApplication.translate("Connections", "The previous state was saved to {path}.").format(
            path=report.backup_path
        )
    return text


class Connections:
    """Opens databases by URL or profile; the UI's single door to ``bootstrap.open_database``."""

    def __init__(self, profiles: ProfileStore, *, backup_dir: Path | None = None) -> None:
        self.profiles = profiles
        self._backup_dir = backup_dir

    @property
    def keyring_available(self) -> bool:
        return self.profiles.secrets.available

    @property
    def keyring_reason(self) -> str:
        return translate_text(self.profiles.secrets.reason) if self.profiles.secrets.reason else ""

    def open_url(
        self, url: str, *, profile_name: str = "", password: str | None = None, parent: QWidget | None = None
    ) -> AppContext:
        """Open ``url``; raises DomainError (unreachable, too new, upgrade declined)."""

        def confirm(status: SchemaStatus) -> bool:
            # Opening may run on a worker thread (S5); the question is always asked on the GUI thread.
            return tasks.runner().call_in_gui_thread(lambda: self.confirm_upgrade(status, parent))

        app = bootstrap.open_database(
            url, password=password, profile_name=profile_name, confirm_upgrade=confirm, backup_dir=self._backup_dir
        )
        log.info("opened %s (%s)", app.display_url, app.backend)
        return app

    def open_profile(
        self, profile: ConnectionProfile, *, password: str | None = None, parent: QWidget | None = None
    ) -> AppContext | None:
        """Open ``profile``; None when the user cancelled the password question."""
        if profile.needs_password and not password:
            password = self.ask_password(profile, parent)
            if password is None:
                return None
        url = profile.url().render_as_string(hide_password=False)  # no password in it: it goes separately
        app = self.open_url(url, profile_name=profile.name, password=password or None, parent=parent)
        if self.profiles.get(profile.name) is not None:
            self.profiles.mark_used(profile.name)
        return app

    def ask_password(self, profile: ConnectionProfile, parent: QWidget | None) -> str | None:
        saved = self.profiles.password_for(profile)
        if saved:
            return saved
        label = QCoreApplication.translate("Connections", "Password of {user} for {profile}:").format(
            user=profile.username or "?", profile=profile.name
        )
        if not self.keyring_available and self.keyring_reason:
            label = self.keyring_reason + "\n\n" + label
        return interaction.get().ask_text(
            parent, QCoreApplication.translate("Connections", "Database password"), label, password=True
        )

    def confirm_upgrade(self, status: SchemaStatus, parent: QWidget | None) -> bool:
        return interaction.get().confirm(
            parent,
            QCoreApplication.translate("Connections", "Upgrade the database?"),
            QCoreApplication.translate(
                "Connections",
                "The database has schema {current}; this version of the program needs schema {head}. "
                "Upgrade it now?\n\nOther workstations with an older version of the program cannot use the "
                "database afterwards. Make sure the server's database is backed up.",
            ).format(current=status.current or "?", head=status.head),
            ok_text=QCoreApplication.translate("Connections", "Upgrade"),
        )

    def choose(self, parent: QWidget | None) -> AppContext | None:
        """The connection dialog; the database the user chose to use, already open, or None."""
        from mandant_desktop.ui.connection_dialog import ConnectionDialog  # when asked for (issue 8)

        dialog = ConnectionDialog(self, parent)
        try:
            if dialog.exec() == ConnectionDialog.DialogCode.Accepted:
                return dialog.opened
            return None
        finally:
            dialog.deleteLater()
