"""A log-in's password check, started before the program has loaded its ORM (issue 8, SPEC S1).

Verifying an argon2id hash takes about 0.2 s of CPU and holds no Python lock. When the user name
and password are known at launch (``MANDANT_USER`` / ``MANDANT_PASSWORD``), the stored hash is read
with SQLAlchemy Core alone and verified on a thread of its own, while the main thread imports the
ORM, the models and the window. The thread runs nothing but the hash, so it never competes with the
main thread for the interpreter. :meth:`AuthService.login` then takes the outcome instead of
verifying again, but only for the very hash it read itself in its own transaction and the very
password it was given; in every other case (another hash, a failed read, an unknown user) it
verifies as before. Nothing here decides a log-in: locks, status, roles and the bookkeeping stay
with the log-in.

This module imports neither the ORM nor the models.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import column, select, table

from mandant_desktop.domain.validation import name_key
from mandant_desktop.services.passwords import verify_password_on_one_thread

#: the columns of ``models.User`` that the early read needs (a test checks they agree)
USER_TABLE = table("app_user", column("username_key"), column("password_hash"))
#: how long a log-in waits for the early check before it verifies by itself
WAIT_S = 30.0


def stored_password_hash(connection: Any, username: str) -> str | None:
    """The password hash stored for ``username`` (a Core connection), None when there is not exactly one."""
    rows = connection.execute(
        select(USER_TABLE.c.password_hash).where(USER_TABLE.c.username_key == name_key(username)).limit(2)
    ).all()
    return str(rows[0][0]) if len(rows) == 1 and rows[0][0] else None


class PasswordCheck:
    """``verify_password(stored_hash, password)``, computed on a thread of its own."""

    def __init__(self, stored_hash: str, password: str) -> None:
        self._hash = stored_hash
        self._password = password
        self._verified = False
        self._thread = threading.Thread(target=self._run, name="password-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        # One thread for the hash's four lanes: the start's main thread keeps the other core.
        self._verified = verify_password_on_one_thread(self._hash, self._password)

    def outcome(self, stored_hash: str | None, password: str) -> bool | None:
        """Whether ``password`` matches ``stored_hash``, as verified ahead; None when the early check
        verified another hash or password, or is not done in time: the caller verifies then."""
        self._thread.join(WAIT_S)
        if self._thread.is_alive() or not stored_hash or stored_hash != self._hash or password != self._password:
            return None
        return self._verified
