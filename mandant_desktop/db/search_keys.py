"""Stored search keys: a row's folded texts in one column, which a search compares word by word
(SPEC C1, U1, E2; the rule is :mod:`mandant_desktop.domain.search_folding`).

No backend can fold as the rule does (SQLite has no such function, and each backend folds case
and accents its own way), so the application writes each row's key with every insert and every
change of the texts it is made of, and a search asks that the key contain every folded word of
the search text (:func:`contains_words`). A revision that adds a key fills it for the rows there
are with one ``UPDATE`` (:func:`fill_keys`). The tables with a key: ``customer`` (revision 0027,
with search indexes of its own: :mod:`mandant_desktop.db.customer_search`), and since revision
0029 ``app_user``, ``org_unit``, ``rights_group``, ``outbox_mail`` and ``contact``, whose searches scan the key
as they scanned their columns before (docs/profiles/2026-12-04-search-fold-2).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, func, text, true
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from mandant_desktop.db.tables import EXACT_COLLATION
from mandant_desktop.domain.search_folding import search_key, search_words

#: the name of the key column in every table that has one
KEY_COLUMN = "search_key"


def contains_words(dialect: str, key: Any, words: Collection[str]) -> ColumnElement[bool]:
    """The key column ``key`` contains every word of ``words`` (folded), compared character for
    character. SQLite: ``instr`` (its ``LIKE`` would fold ASCII letters, harmless in a folded key,
    but ``instr`` needs no escapes); MariaDB: ``LIKE`` in the binary collation (its usual collation
    takes "a" for "à"); PostgreSQL: ``LIKE``. True for no words."""
    if dialect == "sqlite":
        return and_(true(), *(func.instr(key, word) > 0 for word in words))
    if dialect in ("mysql", "mariadb"):
        key = key.collate(EXACT_COLLATION)
    return and_(true(), *(key.contains(word, autoescape=True) for word in words))


def search_condition(session: Session, key: Any, search: str) -> list[ColumnElement[bool]]:
    """The condition of a search over the key column ``key`` (none for a text of blanks): every
    folded word of ``search`` in the key (:func:`contains_words`), one condition whatever the
    number of words."""
    words = search_words(search)
    if not words:
        return []
    return [contains_words(session.get_bind().dialect.name, key, words)]


def _key_function(arity: int) -> Callable[..., str]:
    def key_of(*texts: str | None) -> str:
        return search_key(texts)

    key_of.__name__ = f"key_of_{arity}"
    return key_of


def _fill_table(table: str) -> str:
    return f"{table}_{KEY_COLUMN}_fill"


def fill_keys(connection: Connection, table: str, columns: Sequence[str]) -> None:
    """Every row's :data:`KEY_COLUMN` of ``table`` from its ``columns``, by one ``UPDATE`` (a
    revision that adds a key). SQLite computes the keys in that statement (through a function of
    this connection); PostgreSQL and MariaDB cannot, so the keys of one read of the rows are loaded
    into a temporary table first (``COPY``; a multi-row ``INSERT``) and joined in (about 100,000
    keys a second)."""
    dialect = connection.dialect.name
    names = ", ".join(columns)
    if dialect == "sqlite":
        raw = connection.connection.dbapi_connection
        function = f"mandant_search_key_{len(columns)}"
        raw.create_function(function, len(columns), _key_function(len(columns)), deterministic=True)  # type: ignore[union-attr]
        connection.exec_driver_sql(f"UPDATE {table} SET {KEY_COLUMN} = {function}({names})")
        return
    rows = connection.execute(text(f"SELECT id, {names} FROM {table}")).all()
    if not rows:
        return
    keys = [(row[0], search_key(row[1:])) for row in rows]
    fill = _fill_table(table)
    if dialect == "postgresql":
        connection.exec_driver_sql(
            f"CREATE TEMPORARY TABLE {fill} (id integer PRIMARY KEY, k text NOT NULL) ON COMMIT DROP"
        )
        raw = connection.connection.dbapi_connection
        with raw.cursor() as cursor, cursor.copy(f"COPY {fill} (id, k) FROM STDIN") as copy:  # type: ignore[union-attr]
            for row in keys:
                copy.write_row(row)
        connection.exec_driver_sql(f"UPDATE {table} t SET {KEY_COLUMN} = f.k FROM {fill} f WHERE f.id = t.id")
    else:
        connection.exec_driver_sql(f"CREATE TEMPORARY TABLE {fill} (id INT NOT NULL PRIMARY KEY, k TEXT NOT NULL)")
        connection.exec_driver_sql(f"INSERT INTO {fill} (id, k) VALUES (%s, %s)", keys)
        connection.exec_driver_sql(f"UPDATE {table} t JOIN {fill} f ON f.id = t.id SET t.{KEY_COLUMN} = f.k")
    temporary = "" if dialect == "postgresql" else "TEMPORARY "  # MariaDB commits on any other DROP
    connection.exec_driver_sql(f"DROP {temporary}TABLE {fill}")
