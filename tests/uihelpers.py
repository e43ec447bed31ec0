"""Helpers for the widget tests: a scripted interaction service, a logged-in database."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QWidget

from mandant_desktop import bootstrap
from mandant_desktop.services.auth import FirstAdmin
from mandant_desktop.services.operator import Operator

ADMIN = FirstAdmin(
    username="chefin",
    password="Sehr-geheim1",
    password_repeat="Sehr-geheim1",
    email="chefin@example.de",
    first_name="Karla",
    last_name="Chef",
)


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of the SQLite file ``source``, its write-ahead log included.

    A template made by a closed :class:`~mandant_desktop.bootstrap.AppContext` is not yet one file:
    the WAL checkpoints run on a thread of their own (``db.engine.WalCheckpointer``), whose
    connection may be open when the engine closes its last one, and then no checkpoint runs on
    close and the newest commits are in ``-wal`` only. A plain file copy made in that moment lacks
    them (the first administrator and their audit entries). SQLite's backup API reads through the
    log, whatever other connection is open.
    """
    origin, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        copy.close()
        origin.close()


def program_environment(home: Path) -> dict[str, str]:
    """The environment of ``mandant-desktop`` run in an interpreter of its own: offscreen, user
    data and settings under ``home``, logged in as :data:`ADMIN` through the environment."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "MANDANT_USER": ADMIN.username,
        "MANDANT_PASSWORD": ADMIN.password,
    }


@dataclass
class Message:
    kind: str
    title: str
    text: str


@dataclass
class FakeInteraction:
    """Answers questions from a script and records every message; never blocks."""

    confirm_answers: list[bool] = field(default_factory=list)
    text_answers: list[str | None] = field(default_factory=list)
    default_confirm: bool = True
    messages: list[Message] = field(default_factory=list)
    reload_answer: bool = False
    conflict_inputs: list[list[tuple[str, str]]] = field(default_factory=list)
    conflict_stored: list[list[str] | None] = field(default_factory=list)

    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, ok_text: str = "", destructive: bool = False
    ) -> bool:
        self.messages.append(Message("confirm", title, text))
        return self.confirm_answers.pop(0) if self.confirm_answers else self.default_confirm

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(Message("information", title, text))

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(Message("warning", title, text))

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.messages.append(Message("error", title, text))

    def conflict(
        self, parent: QWidget | None, text: str, inputs: list[tuple[str, str]], *, stored: list[str] | None = None
    ) -> bool:
        """The conflict dialog (S4): recorded with the user's input (and the stored values beside
        it, when the service sent them); answers ``reload_answer``."""
        self.messages.append(Message("conflict", "", text))
        self.conflict_inputs.append(inputs)
        self.conflict_stored.append(stored)
        return self.reload_answer

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, *, text: str = "", password: bool = False
    ) -> str | None:
        self.messages.append(Message("ask_text", title, label))
        return self.text_answers.pop(0) if self.text_answers else None

    def of_kind(self, kind: str) -> list[Message]:
        return [m for m in self.messages if m.kind == kind]


@contextmanager
def opened(url: str) -> Iterator[bootstrap.AppContext]:
    app = bootstrap.open_database(url)
    try:
        yield app
    finally:
        app.close()


def viewer(*permissions: str) -> Operator:
    """An operator with exactly ``permissions`` (no database row needed for the shell)."""
    return Operator(id=999, username="viewer", display_name="Vera Viewer", permissions=frozenset(permissions))
