"""The log-in's stored password hash, read with the database driver alone (issue 8, ``startup``).

When ``MANDANT_USER`` and ``MANDANT_PASSWORD`` are set, the log-in's argon2 check can begin as soon
as the hash is known (:mod:`mandant_desktop.services.password_check`). Reading it through SQLAlchemy
means importing SQLAlchemy first, a tenth of a second before the check could begin; this module
reads it with ``sqlite3`` or psycopg, before SQLAlchemy is imported, so that the check runs on the
second core while the main thread imports SQLAlchemy and the window.

Only plain URLs are read this way: a SQLite file that exists (``sqlite:///path`` without options, or
a file path) and ``postgresql://`` with at most one host. For anything else :func:`hash_reader`
answers None and the caller reads through SQLAlchemy as before. What is read here decides nothing:
the log-in takes the early outcome only for the very hash it reads itself.

This module imports neither SQLAlchemy nor Qt (tests/ui/test_startup_imports.py).
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

#: the users table and the two columns the read needs (tests/services/test_auth.py checks them
#: against the model)
USERS_TABLE = "app_user"
KEY_COLUMN = "username_key"
HASH_COLUMN = "password_hash"

#: seconds to wait for a server or a locked SQLite file; the read is an optimisation only
TIMEOUT_S = 5

Reader = Callable[[], "str | None"]


def application_name() -> str:
    """How this workstation names its PostgreSQL connections (``pg_stat_activity``)."""
    return f"mandant_desktop@{socket.gethostname()[:40]}"


def hash_reader(url: str, username_key: str) -> Reader | None:
    """A function that reads the hash stored for ``username_key`` (None when there is not exactly
    one), for a thread to call; None when ``url`` is not one this module reads, or names a SQLite
    file that does not exist (the open creates and upgrades it; nothing here ever creates a file).

    The driver is imported here, on the calling thread, so that the reader imports nothing."""
    text = url.strip()
    scheme, separator, rest = text.partition("://")
    if not separator:
        return _sqlite_reader(Path(text).expanduser(), username_key) if text else None
    # the backend, whatever driver the URL names: the program connects with its own (db.engine)
    backend = scheme.partition("+")[0].lower()
    if backend == "sqlite":
        if not rest.startswith("/") or "?" in rest:
            return None
        database = unquote(rest[1:])
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        return _sqlite_reader(Path(database), username_key)
    if backend in ("postgresql", "postgres"):
        params = postgresql_params(text)
        return _postgresql_reader(params, username_key) if params is not None else None
    return None


def _only(rows: list[Any]) -> str | None:
    return str(rows[0][0]) if len(rows) == 1 and rows[0][0] else None


def _sqlite_reader(path: Path, key: str) -> Reader | None:
    path = path.resolve()
    if not path.is_file():
        return None
    import sqlite3

    # mode=rw: never create the file (nor its folder), as connecting through SQLAlchemy would
    target = f"{path.as_uri()}?mode=rw"
    statement = f"SELECT {HASH_COLUMN} FROM {USERS_TABLE} WHERE {KEY_COLUMN} = ? LIMIT 2"

    def read() -> str | None:
        connection = sqlite3.connect(target, uri=True, timeout=TIMEOUT_S, check_same_thread=False)
        try:
            return _only(connection.execute(statement, (key,)).fetchall())
        finally:
            connection.close()

    return read


def postgresql_params(url: str) -> dict[str, Any] | None:
    """psycopg's connection parameters for a ``postgresql://`` URL, as SQLAlchemy's psycopg dialect
    passes them (user, password, host, port, dbname and the query's options); None for a URL with
    several hosts or anything this parser does not take apart as SQLAlchemy would."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    userinfo, at, hostport = parts.netloc.rpartition("@")
    if not at:
        userinfo, hostport = "", parts.netloc
    if any(mark in hostport for mark in ",[]/") or parts.fragment:
        return None
    params: dict[str, Any] = {}
    if userinfo:
        user, colon, password = userinfo.partition(":")
        params["user"] = unquote(user)
        if colon:
            params["password"] = unquote(password)
    host, colon, port = hostport.partition(":")
    if host:
        params["host"] = unquote(host)
    if colon:
        if not port.isdigit():
            return None
        params["port"] = int(port)
    database = unquote(parts.path[1:]) if parts.path.startswith("/") else ""
    if database:
        params["dbname"] = database
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name in params:
            return None  # given twice: SQLAlchemy would pass a list
        params[name] = value
    return params


def _postgresql_reader(params: dict[str, Any], key: str) -> Reader:
    import psycopg

    statement = f"SELECT {HASH_COLUMN} FROM {USERS_TABLE} WHERE {KEY_COLUMN} = %s LIMIT 2"
    options = {"connect_timeout": TIMEOUT_S, "application_name": application_name(), **params}

    def read() -> str | None:
        with psycopg.connect(**options) as connection:
            return _only(connection.execute(statement, (key,)).fetchall())

    return read
