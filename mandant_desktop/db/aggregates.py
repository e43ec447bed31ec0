"""A group's values as one column: ``value_list(column)`` in a grouped select, read back with
:func:`read_list` (issue 8).

Thousands of small rows cost more in the driver than in the database: one aggregated value per
group crosses over as one object and is parsed in C. Each backend has its own aggregate: a JSON
array on SQLite, an array on PostgreSQL (the driver returns a list), ``GROUP_CONCAT`` on MariaDB and
MySQL. That one is cut silently at ``group_concat_max_len`` (1,024 bytes on MySQL by default, a
megabyte on MariaDB), so the engine raises the limit for each of its sessions
(:mod:`mandant_desktop.db.engine`), and a cut that happens anyway is never taken for a whole list:
every value carries its own terminating comma, so a cut inside the last value shows as a missing
terminator, and a cut between values as fewer values than the ``COUNT(*)`` of the same group that
callers pass in. :func:`read_list` returns None for a cut list; callers read such a group row by
row. Values must not contain commas (ids, permission codes).

:func:`integer_rows` reads a whole result of ids the same way on MariaDB and MySQL.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Select, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql._typing import _ColumnExpressionArgument
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import NullType


class value_list(FunctionElement[Any]):  # noqa: N801 - reads like the SQL function it renders
    """The values of ``column`` in the group, in no particular order."""

    type = NullType()
    inherit_cache = True
    name = "value_list"

    def __init__(self, column: _ColumnExpressionArgument[Any]) -> None:
        super().__init__(column)


@compiles(value_list, "sqlite")
def _sqlite(element: value_list, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_group_array({compiler.process(element.clauses, **kw)})"


@compiles(value_list, "postgresql")
def _postgresql(element: value_list, compiler: SQLCompiler, **kw: Any) -> str:
    return f"array_agg({compiler.process(element.clauses, **kw)})"


@compiles(value_list, "mysql")
def _mysql(element: value_list, compiler: SQLCompiler, **kw: Any) -> str:
    # "1,2,3," rather than "1,2,3": a whole list ends with a comma, a cut one (in general) does not
    return f"group_concat(concat({compiler.process(element.clauses, **kw)}, ',') separator '')"


def read_list(value: object, count: int, dialect: str, convert: Callable[[str], Any] = str) -> list[Any] | None:
    """The values of one group as ``value_list`` returned them on ``dialect`` (None for an empty
    group), converted with ``convert`` where the backend returns text; None when there are not
    ``count`` of them or the last one is cut (by ``group_concat_max_len``)."""
    if value is None:
        values: list[Any] = []
    elif dialect == "postgresql":  # the driver's own list
        values = cast(list[Any], value)
    elif dialect == "sqlite":  # a JSON array
        values = json.loads(value)  # type: ignore[arg-type]
    else:  # MariaDB, MySQL: comma-separated text (bytes where the server calls it binary)
        text = value.decode() if isinstance(value, bytes | bytearray) else str(value)
        if not text.endswith(","):
            return None
        values = list(map(convert, text[:-1].split(",")))
    return values if len(values) == count else None


def integer_rows(connection: Connection, stmt: Select[*tuple[Any, ...]]) -> Sequence[Sequence[Any]]:
    """The rows of ``stmt``, whose columns all hold integers or NULL (ids), in no particular order,
    as sequences of plain values.

    On MariaDB/MySQL the server sends them as one JSON array (``JSON_ARRAYAGG``) beside their
    ``COUNT(*)``, parsed here in C: PyMySQL parses each row and value in Python, 11 ms of the
    workstation's CPU for the 5,000 (unit, parent) pairs of a subtree, and the client and the
    server took turns over the socket for every few kilobytes of rows (issue 8,
    docs/profiles/2026-12-04-mariadb). The array is cut at ``group_concat_max_len`` like any
    ``GROUP_CONCAT``, which the engine raises for its sessions; a cut one (fewer rows than the
    count, or no JSON at all) is never taken: the rows are then read one by one, as everywhere else. Elsewhere the
    driver's own tuples (its row parsing is in C)."""
    if connection.dialect.name == "mysql":
        ids = stmt.subquery("ids")
        aggregated = select(func.count(), func.json_arrayagg(func.json_array(*ids.c)))
        count, document = connection.execute(aggregated).one()
        try:
            values: list[Any] = json.loads(document) if document is not None else []
        except ValueError:  # cut inside a row
            values = []
        if len(values) == count:
            return values
    result = connection.execute(stmt)
    tuples: Sequence[Any] = result.cursor.fetchall() if result.cursor is not None else []
    result.close()
    return tuples
