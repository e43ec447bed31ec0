"""A log-in's password check, started before the program has loaded its ORM (issue 8, SPEC S1).

Verifying an argon2id hash takes about 0.1 to 0.2 s of CPU and holds no Python lock. When the user
name and password are known at launch (``MANDANT_USER`` / ``MANDANT_PASSWORD``), the stored hash is
read with the database driver alone (:mod:`mandant_desktop.db.driver_read`, before SQLAlchemy is
imported) or else with SQLAlchemy Core, and verified on a thread of its own, while the main thread
imports SQLAlchemy, the ORM, the models and the window. The thread runs little but the hash, so it
hardly competes with the main thread for the interpreter; on Linux the hash's digest is computed
by a helper process (:func:`~mandant_desktop.services.passwords.verify_password_on_one_thread`),
since a thread of the program computing beside the start slows its main thread down.
:meth:`AuthService.login` then takes the outcome instead of verifying again, but only for the very
hash it read itself in its own transaction and the very password it was given; in every other case
(another hash, a failed read, an unknown user) it verifies as before. Nothing here decides a
log-in: locks, status, roles and the bookkeeping stay with the log-in.

This module imports neither SQLAlchemy (but for the Core read, when called), nor the ORM, nor the
models.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from mandant_desktop.db.driver_read import HASH_COLUMN, KEY_COLUMN, USERS_TABLE
from mandant_desktop.domain.validation import name_key
from mandant_desktop.services.passwords import verify_password_on_one_thread

log = logging.getLogger(__name__)

#: how long a log-in waits for the early check before it verifies by itself
WAIT_S = 30.0


def stored_password_hash(connection: Any, username: str) -> str | None:
    """The password hash stored for ``username`` (a Core connection), None when there is not exactly one."""
    from sqlalchemy import column, select, table

    users = table(USERS_TABLE, column(KEY_COLUMN), column(HASH_COLUMN))
    rows = connection.execute(
        select(users.c[HASH_COLUMN]).where(users.c[KEY_COLUMN] == name_key(username)).limit(2)
    ).all()
    return str(rows[0][0]) if len(rows) == 1 and rows[0][0] else None


class PasswordCheck:
    """``verify_password(stored_hash, password)``, computed on a thread of its own; with ``read``,
    the thread first reads the hash by calling it (None, or a failure: nothing is verified)."""

    def __init__(self, stored_hash: str | None, password: str, *, read: Callable[[], str | None] | None = None) -> None:
        self._hash = stored_hash
        self._read = read
        self._password = password
        self._verified = False
        self._thread = threading.Thread(target=self._run, name="password-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        if self._read is not None:
            try:
                self._hash = self._read()
            except Exception as exc:  # any driver's error; the open that follows reports it in words
                log.debug("no early password check: %s", type(exc).__name__)
                return
            finally:
                self._read = None
        if self._hash:
            # One thread for the hash's four lanes, in a helper process where it can be: the start's
            # main thread keeps the other core and is not slowed down by a thread computing beside it.
            self._verified = verify_password_on_one_thread(self._hash, self._password)

    def outcome(self, stored_hash: str | None, password: str) -> bool | None:
        """Whether ``password`` matches ``stored_hash``, as verified ahead; None when the early check
        verified another hash or password, or is not done in time: the caller verifies then."""
        self._thread.join(WAIT_S)
        if self._thread.is_alive() or not stored_hash or stored_hash != self._hash or password != self._password:
            return None
        return self._verified
