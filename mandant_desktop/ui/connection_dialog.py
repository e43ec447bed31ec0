"""The connection dialog (SPEC S6): saved profiles on the left, the selected one's fields on the right.

SQLite needs a file; PostgreSQL and MariaDB/MySQL need host, port, database, user and a password.
The password goes to the OS keyring when the user ticks "Save password in keyring" — never into the
profiles file. Without a keyring the box is disabled and the reason is shown; the password is then
asked for each time. "Use" saves the profile and opens the database; when that fails (unreachable,
schema too new, upgrade declined) the message is shown and the dialog stays open.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop import bootstrap
from mandant_desktop.domain.errors import DomainError, ValidationError
from mandant_desktop.services.profiles import DEFAULT_PORTS, Backend, ConnectionProfile
from mandant_desktop.services.secrets import SecretStoreUnavailableError
from mandant_desktop.ui import connection_test, help_texts, interaction, tasks
from mandant_desktop.ui.errors import message_for, report_error
from mandant_desktop.ui.forms import MessageLabel, line_edit, open_at_least, password_edit
from mandant_desktop.ui.profile_model import ProfileListModel, backend_title, default_profile_name

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import AppContext
    from mandant_desktop.ui.connections import Connections

log = logging.getLogger(__name__)

_BACKENDS = (Backend.SQLITE, Backend.POSTGRESQL, Backend.MARIADB)


class ConnectionDialog(QDialog):
    #: a connection test ended (either way); for tests and for anyone who waits on it
    test_finished = Signal()

    def __init__(self, connections: Connections, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self._connections = connections
        self._store = connections.profiles
        #: the name the form was loaded from; None for a profile not saved yet
        self._editing: str | None = None
        # the profile the form was loaded from: keeps what the form does not show (driver options)
        self._loaded = _default_profile()
        self._testing = False
        self.opened: AppContext | None = None
        #: "Use" is opening the database on a worker thread
        self.using = False

        self.model = ProfileListModel(parent=self)
        self.profile_list = QListView()
        self.profile_list.setObjectName("profileList")
        self.profile_list.setModel(self.model)
        self.profile_list.selectionModel().currentChanged.connect(self._profile_selected)
        self.new_button = _button("newProfileButton", self._new_profile)
        self.delete_button = _button("deleteProfileButton", self._delete_profile)

        self.name = line_edit("profileName", max_length=100)
        self.backend = QComboBox()
        self.backend.setObjectName("profileBackend")
        for backend in _BACKENDS:
            self.backend.addItem(backend_title(backend), backend.value)
        self.backend.currentIndexChanged.connect(self._backend_changed)
        self.path = line_edit("profilePath", max_length=1000)
        self.browse_button = _button("profileBrowseButton", self._browse)
        path_row = QWidget()
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.path, 1)
        path_layout.addWidget(self.browse_button)
        self.host = line_edit("profileHost", max_length=255)
        self.port = QSpinBox()
        self.port.setObjectName("profilePort")
        self.port.setRange(0, 65535)
        self.database = line_edit("profileDatabase", max_length=255)
        self.user = line_edit("profileUser", max_length=255)
        self.password = password_edit("profilePassword")
        self.save_password = QCheckBox()
        self.save_password.setObjectName("savePasswordCheck")
        self.keyring_reason = QLabel()
        self.keyring_reason.setObjectName("keyringReason")
        self.keyring_reason.setWordWrap(True)
        # Wrapped labels get more height than they need at first; keep the text under its box.
        self.keyring_reason.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        if not connections.keyring_available:
            self.save_password.setEnabled(False)
            self.save_password.setChecked(False)
            self.save_password.setToolTip(connections.keyring_reason)
            self.keyring_reason.setText(connections.keyring_reason)
        self.keyring_reason.setVisible(not connections.keyring_available)

        self._labels = {
            key: QLabel() for key in ("name", "backend", "path", "host", "port", "database", "user", "password")
        }
        self.form = QFormLayout()
        self._rows: dict[str, QWidget] = {
            "name": self.name,
            "backend": self.backend,
            "path": path_row,
            "host": self.host,
            "port": self.port,
            "database": self.database,
            "user": self.user,
            "password": self.password,
        }
        for key, widget in self._rows.items():
            self._labels[key].setBuddy(widget if widget is not path_row else self.path)
            self.form.addRow(self._labels[key], widget)
        # The box and the reason it is disabled belong together: one row, shown and hidden as one.
        self._keyring_row = QWidget()
        keyring_layout = QVBoxLayout(self._keyring_row)
        keyring_layout.setContentsMargins(0, 0, 0, 0)
        keyring_layout.setSpacing(4)
        keyring_layout.addWidget(self.save_password)
        keyring_layout.addWidget(self.keyring_reason)
        self.form.addRow("", self._keyring_row)
        self.fields_box = QGroupBox()
        self.fields_box.setLayout(self.form)
        self.message = MessageLabel("connectionMessage")

        self.test_button = _button("testConnectionButton", self._test)
        self.save_button = _button("saveProfileButton", self._save)
        self.use_button = _button("useProfileButton", self._use)
        self.use_button.setDefault(True)
        self.close_button = _button("closeButton", self.reject)

        self._list_label = QLabel()
        self._list_label.setBuddy(self.profile_list)
        self.empty_note = QLabel()
        self.empty_note.setObjectName("noProfilesNote")
        self.empty_note.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self._list_label)
        left.addWidget(self.profile_list, 1)
        left.addWidget(self.empty_note)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.new_button)
        left_buttons.addWidget(self.delete_button)
        left.addLayout(left_buttons)
        right = QVBoxLayout()
        right.addWidget(self.fields_box)
        right.addWidget(self.message)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 5)
        bottom = QHBoxLayout()
        bottom.addWidget(self.test_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.use_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)
        self.retranslateUi()
        self._reload(select=self._initial_selection())
        open_at_least(self, 127, 33)

    # ------------------------------------------------------------------------------------- the list

    def _initial_selection(self) -> str | None:
        last = self._store.last_used()
        return last.name if last is not None else None

    def _reload(self, select: str | None = None, *, password: str | None = None) -> None:
        """List the saved profiles again and load ``select``; ``password`` is put back into its field."""
        self.model.set_profiles(self._store.list())
        row = self.model.row_of(select) if select else (0 if self.model.rowCount() else -1)
        if row >= 0:
            self.profile_list.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        else:
            self._load(_default_profile(), editing=None)
        self.delete_button.setEnabled(self.model.rowCount() > 0)
        self.empty_note.setVisible(self.model.rowCount() == 0)
        if password and self.current_backend() != Backend.SQLITE:
            self.password.setText(password)

    def _profile_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        profile = self.model.profile_at(current.row()) if current.isValid() else None
        if profile is not None:
            self._load(profile, editing=profile.name)

    def _new_profile(self) -> None:
        self.profile_list.selectionModel().clearSelection()
        self.profile_list.selectionModel().setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        self._load(ConnectionProfile(name=self.tr("New connection"), backend=Backend.POSTGRESQL), editing=None)
        self.name.setFocus()
        self.name.selectAll()

    def _delete_profile(self) -> None:
        if self._editing is None:
            return
        name = self._editing
        if not interaction.get().confirm(
            self,
            self.tr("Delete connection profile"),
            self.tr("Delete the profile {name}? The database itself is not touched.").format(name=name),
            ok_text=self.tr("Delete"),
            destructive=True,
        ):
            return
        self._store.delete(name)
        self._reload()

    # ------------------------------------------------------------------------------------- the form

    def _load(self, profile: ConnectionProfile, *, editing: str | None) -> None:
        self._editing = editing
        self._loaded = profile
        self.message.clear_message()
        self.name.setText(profile.name)
        self.backend.setCurrentIndex(max(self.backend.findData(profile.backend.value), 0))
        self.path.setText(profile.path)
        self.host.setText(profile.host)
        self.port.setValue(profile.port or 0)
        self.database.setText(profile.database)
        self.user.setText(profile.username)
        self.password.clear()
        saved = editing is not None and profile.needs_password and bool(self._store.password_for(profile))
        self.save_password.setChecked(saved and self._connections.keyring_available)
        self.password.setPlaceholderText(
            self.tr("saved in the keyring") if saved else self.tr("asked for when connecting")
        )
        self._backend_changed()
        self.delete_button.setEnabled(editing is not None)

    def current_backend(self) -> Backend:
        return Backend(self.backend.currentData())

    def profile(self) -> ConnectionProfile:
        """The profile as the form shows it (not validated)."""
        return replace(
            self._loaded,
            name=self.name.text(),
            backend=self.current_backend(),
            path=self.path.text(),
            host=self.host.text(),
            port=self.port.value() or None,
            database=self.database.text(),
            username=self.user.text(),
        )

    def _backend_changed(self, _index: int = 0) -> None:
        backend = self.current_backend()
        server = backend != Backend.SQLITE
        self.form.setRowVisible(self._rows["path"], not server)
        for key in ("host", "port", "database", "user", "password"):
            self.form.setRowVisible(self._rows[key], server)
        self.form.setRowVisible(self._keyring_row, server)
        if server:
            self.port.setSpecialValueText(self.tr("Default (%s)") % DEFAULT_PORTS[backend])

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            self.path.text() or str(bootstrap.data_dir()),
            self.tr("SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path.setText(path)

    # ------------------------------------------------------------------------------------- commands

    def _show_refusal(self, exc: DomainError) -> None:
        self.message.show_error(message_for(exc))
        field = exc.field if isinstance(exc, ValidationError) else None
        inputs: dict[str, QWidget] = {
            "name": self.name,
            "profile name": self.name,
            "path": self.path,
            "host": self.host,
            "port": self.port,
            "database": self.database,
        }
        widget = inputs.get(field or "")
        if widget is not None:
            widget.setFocus()

    def _save(self) -> ConnectionProfile | None:
        """Save the form; the saved profile, or None when it was refused (the reason is shown)."""
        profile = self.profile()
        password = self.password.text() or None
        keep_password = self.save_password.isChecked() and self._connections.keyring_available
        try:
            profile = profile.validated()
            self._store.save(profile, password=password if keep_password else None, replaces=self._editing)
        except DomainError as exc:
            self._show_refusal(exc)
            return None
        except SecretStoreUnavailableError:
            log.warning("keyring refused the password of profile %s", profile.name)
            self._reload(select=profile.name, password=password)
            self.message.show_error(
                self.tr("The profile was saved, but the keyring refused the password; it is asked for when connecting.")
            )
            return profile
        if not keep_password and profile.needs_password:
            self._store.secrets.delete(profile.secret_key)
        # A password that went nowhere stays in its field, for Test and Use (and a retry after a failed Use).
        self._reload(select=profile.name, password=None if keep_password else password)
        self.message.show_info(self.tr("Profile {name} saved.").format(name=profile.name))
        return profile

    def _test(self) -> None:
        if self._testing:
            return
        try:
            profile = self.profile().validated()
        except DomainError as exc:
            self._show_refusal(exc)
            return
        password = self.password.text() or None
        if password is None and self._editing is not None:
            # Filed under the name the profile was loaded with, also while the form renames it.
            password = self._store.password_for(replace(profile, name=self._editing))
        self._testing = True
        self.test_button.setEnabled(False)
        self.message.show_info(self.tr("Testing the connection…"))
        connection_test.start(self, profile, password, self._test_answered)

    def _test_answered(self, outcome: connection_test.Outcome) -> None:
        works, answer = outcome
        if works:
            self.message.show_info(self.tr("Connection works: {version}").format(version=answer))
        else:
            self.message.show_error(message_for(answer) if isinstance(answer, BaseException) else str(answer))
        self._testing = False
        self.test_button.setEnabled(True)
        self.test_finished.emit()

    def _use(self) -> None:
        """Save the profile and open its database off the GUI thread (S5): a server may take seconds
        to answer and an upgrade longer; the password question and an upgrade confirmation are
        asked on the GUI thread."""
        if self.using:
            return
        password = self.password.text() or None
        profile = self._save()
        if profile is None:
            return
        if profile.needs_password and not password:
            password = self._connections.ask_password(profile, self)
            if password is None:
                return  # the password question was cancelled
        self._set_using(True)
        self.message.show_info(self.tr("Opening the database…"))
        tasks.run(
            self,
            self._connections.open_profile,
            profile,
            password=password,
            parent=self,
            on_done=self._opened,
            on_error=self._open_failed,
            banner=False,
            shows_error=True,
        )

    def _opened(self, opened: AppContext | None) -> None:
        self._set_using(False)
        if opened is None:
            return
        if not self.isVisible():  # closed while the database was being opened
            opened.close()
            return
        self.message.clear_message()
        self.opened = opened
        self.accept()

    def _open_failed(self, exc: DomainError) -> None:
        self._set_using(False)
        self.message.clear_message()
        report_error(self, exc, title=self.tr("Cannot open the database"))

    def _set_using(self, using: bool) -> None:
        self.using = using
        self.use_button.setEnabled(not using)
        self.fields_box.setEnabled(not using)
        self.profile_list.setEnabled(not using)

    # --------------------------------------------------------------------------------- translation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        help_texts.apply(self)
        self.setWindowTitle(self.tr("Database connections"))
        texts = {
            "name": self.tr("&Name:"),
            "backend": self.tr("T&ype:"),
            "path": self.tr("&File:"),
            "host": self.tr("&Host:"),
            "port": self.tr("P&ort:"),
            "database": self.tr("&Database:"),
            "user": self.tr("Use&r:"),
            "password": self.tr("&Password:"),
        }
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.backend.setItemText(0, backend_title(Backend.SQLITE))
        self.fields_box.setTitle(self.tr("Connection"))
        self._list_label.setText(self.tr("S&aved profiles:"))
        self.empty_note.setText(self.tr("No profile saved yet. Fill in the fields and choose Save or Use."))
        self.save_password.setText(self.tr("Save password in &keyring"))
        self.new_button.setText(self.tr("Ne&w"))
        self.delete_button.setText(self.tr("De&lete"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.test_button.setText(self.tr("&Test connection"))
        self.save_button.setText(self.tr("&Save"))
        self.use_button.setText(self.tr("&Use"))
        self.close_button.setText(self.tr("Close"))
        if self.current_backend() != Backend.SQLITE:
            self.port.setSpecialValueText(self.tr("Default (%s)") % DEFAULT_PORTS[self.current_backend()])
        if not self._connections.keyring_available:
            self.keyring_reason.setText(self._connections.keyring_reason)


def _default_profile() -> ConnectionProfile:
    return ConnectionProfile(
        name=default_profile_name(),
        backend=Backend.SQLITE,
        path=str(bootstrap.data_dir() / bootstrap.DEFAULT_DB_FILE),
    )


def _button(name: str, slot: object) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setAutoDefault(False)
    button.clicked.connect(slot)
    return button
