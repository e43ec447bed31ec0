"""User-facing text for domain errors, and the one runner that reports them (git-cola's ``cmds.do``).

A :class:`~mandant_desktop.domain.errors.DomainError` carries an English template with ``{named}``
placeholders. The template is translated in the ``errors`` context (``ui/error_catalog.py`` lists
every template for lupdate) and then filled in, so values are never translated by accident. Two
exceptions: ``{field}`` names an input ("first name"), translated in the ``fields`` context, and
``{object}`` names a kind of object ("Tenant"), translated in the ``objects`` context (in English
the word of ``object_names.ENGLISH_NAMES``: "this tenant", not the class name).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from mandant_desktop.domain.errors import ConflictError, DatabaseUnavailableError, DomainError, Tally
from mandant_desktop.ui import formats, interaction
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.object_names import object_name
from mandant_desktop.ui.permission_names import permission_name

log = logging.getLogger(__name__)

R = TypeVar("R")

ERRORS_CONTEXT = "errors"
#: the placeholders that hold an amount: a number there is written as the locale writes amounts
#: ("höchstens 10.000.000 MB", not "10000000"); others (a customer number, a schema revision) stay
QUANTITIES = frozenset({"max", "min", "limit", "count", "rows", "size", "minutes", "tenants", "users", "org_units"})
FIELDS_CONTEXT = "fields"
#: the operating system's reasons a file cannot be read or written, as Python gives them
#: (``OSError.strerror``, in English on every platform): a ``{reason}`` of these is translated
OS_REASONS = frozenset(
    {
        QT_TRANSLATE_NOOP("errors", "No such file or directory"),
        QT_TRANSLATE_NOOP("errors", "Permission denied"),
        QT_TRANSLATE_NOOP("errors", "Is a directory"),
        QT_TRANSLATE_NOOP("errors", "Not a directory"),
        QT_TRANSLATE_NOOP("errors", "No space left on device"),
        QT_TRANSLATE_NOOP("errors", "Read-only file system"),
        QT_TRANSLATE_NOOP("errors", "File name too long"),
        QT_TRANSLATE_NOOP("errors", "Disk quota exceeded"),
        QT_TRANSLATE_NOOP("errors", "Input/output error"),
        QT_TRANSLATE_NOOP("errors", "Operation not permitted"),
    }
)


def translate_text(text: str, context: str = ERRORS_CONTEXT) -> str:
    """A service message that is not an exception (e.g. the keyring's reason), translated."""
    return QCoreApplication.translate(context, text)


class Counts(QObject):
    """Each counted thing of a :class:`Tally` with Qt's plural forms ("1 Kunde", "173 Kunden").
    ``self.tr`` with a count: the only call for which lupdate records a German singular and plural."""

    def text(self, many: str, n: int) -> str | None:
        texts = {
            "customers": lambda: self.tr("%Ln customer(s)", None, n),
            "contacts": lambda: self.tr("%Ln contact(s)", None, n),
            "person-roles": lambda: self.tr("%Ln person-role(s)", None, n),
            "distribution lists": lambda: self.tr("%Ln distribution list(s)", None, n),
            "templates": lambda: self.tr("%Ln template(s)", None, n),
            "sub-tenants": lambda: self.tr("%Ln sub-tenant(s)", None, n),
        }
        said = texts[many]() if many in texts else None
        # Without a catalogue (English) Qt returns the source, "1 customer(s)": the caller's English is better.
        return said if said is not None and "(s)" not in said else None


def tally_text(tally: Tally) -> str:
    """ "173 Kunden, 1 Tochtermandant": each number with the word in the operator's language."""
    counts = Counts()
    return ", ".join(counts.text(many, n) or str(Tally(((one, many, n),))) for one, many, n in tally.counts)


def message_for(exc: BaseException) -> str:
    """The translated message of ``exc``; for anything but a DomainError a generic sentence."""
    if not isinstance(exc, DomainError):
        return QCoreApplication.translate("errors", "An unexpected error occurred.")
    template = QCoreApplication.translate(getattr(exc, "context", ERRORS_CONTEXT), exc.template)
    values = dict(exc.values)
    if isinstance(values.get("field"), str):
        values["field"] = QCoreApplication.translate(FIELDS_CONTEXT, values["field"])
    if isinstance(values.get("object"), str):
        values["object"] = object_name(values["object"])
    for key, value in values.items():
        if isinstance(value, Tally):
            values[key] = tally_text(value)
        elif key in QUANTITIES and isinstance(value, int | float) and not isinstance(value, bool):
            values[key] = formats.number_text(value)
    if isinstance(values.get("when"), str):
        values["when"] = _moment_text(values["when"])
    if values.get("reason") in OS_REASONS:
        values["reason"] = translate_text(values["reason"])
    if isinstance(values.get("workstation"), str):
        # A workstation's name ("PC-ROLF") is one word: a message box must not break it at its hyphen.
        values["workstation"] = values["workstation"].replace("-", "\u2011")
    if isinstance(values.get("permission"), str):
        # "users.edit" means nothing to a reader; "Add and edit users" does (PermissionDeniedError).
        values["permission"] = permission_name(values["permission"])
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not hide the message: fall back to English.
        log.warning("translation of %r does not fit its values %s", exc.template, sorted(values))
        try:
            return exc.template.format(**values)
        except (KeyError, IndexError, ValueError):
            return exc.template


def _moment_text(when: str) -> str:
    """The services name the moment of a conflict as ``2026-11-22 09:00:00`` (local time, also for
    logs and the CLI); the operator reads it in the locale's format ("22.11.2026 09:00")."""
    try:
        moment = dt.datetime.strptime(when, "%Y-%m-%d %H:%M:%S").astimezone()
    except ValueError:
        return when
    return formats.date_time_text(moment)


#: told about a lost database connection instead of showing a box (the main window's banner, S5)
_connection_lost: Callable[[], None] | None = None


def set_connection_lost_handler(handler: Callable[[], None] | None) -> None:
    global _connection_lost
    _connection_lost = handler


def report_error(parent: QWidget | None, exc: DomainError, *, title: str = "") -> None:
    """Show a refusal through the interaction service: the translated message, no traceback."""
    interaction.get().error(
        parent,
        title or QCoreApplication.translate("errors", "Cannot complete the action"),
        message_for(exc),
    )


def run_action(parent: QWidget | None, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R | None:
    """Call ``fn``; a DomainError is shown through the interaction service and None is returned.

    A lost database connection goes to the connection-lost handler (the main window's banner, S5)
    when one is set. Anything else is a programming error and goes on to the global exception hook, which logs it
    and shows the friendly dialog.
    """
    try:
        return fn(*args, **kwargs)
    except DomainError as exc:
        report_failure(parent, exc, getattr(fn, "__qualname__", None) or repr(fn))
        return None


def report_failure(parent: QWidget | None, exc: DomainError, what: str) -> None:
    """Log ``exc`` (``what`` failed) and tell the user, as :func:`run_action` does: a lost connection
    to the connection-lost handler (the banner), a save over someone else's change to the conflict
    question, any other refusal to a translated message. Also for a worker's failure (ui/tasks.py)."""
    if isinstance(exc, DatabaseUnavailableError):
        log.info("%s: database unavailable", what)
        if _connection_lost is not None:
            _connection_lost()
        else:
            report_error(parent, exc)
    elif isinstance(exc, ConflictError):
        # A save over someone else's change (S4): who and when, and "Reload" for the page.
        log.info("%s conflict: %s", what, exc.template)
        from mandant_desktop.ui.conflict_dialog import ask_conflict, is_concurrent_change

        if is_concurrent_change(exc):
            ask_conflict(parent, exc)
        else:
            report_error(parent, exc)
    else:
        log.info("%s refused: %s", what, exc.template)
        report_error(parent, exc)
