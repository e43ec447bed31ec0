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

:func:`integer_rows` reads a whole result of ids the same way on MariaDB and MySQL, and
:func:`ordered_rows` a result of ids and text in a given order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, cast

from sqlalchemy import ColumnElement, Connection, Select, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql._typing import _ColumnExpressionArgument
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.visitors import InternalTraversal
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
        # ids of an integer column: one JSON array parsed in C instead of a string and an int() per
        # value in Python (5,000 units: 0.87 -> 0.54 ms of effective_permissions, issue 8)
        values = json.loads(f"[{text[:-1]}]") if convert is int else list(map(convert, text[:-1].split(",")))
    return values if len(values) == count else None


def integer_rows(connection: Connection, stmt: Select[*tuple[Any, ...]]) -> Sequence[Sequence[Any]]:
    """The rows of ``stmt``, whose columns all hold integers or NULL (ids), in no particular order,
    as sequences of plain values.

    On MariaDB/MySQL the server sends them as one JSON array (``JSON_ARRAYAGG``) beside their
    ``COUNT(*)``, parsed here in C: PyMySQL parses each row and value in Python, 11 ms of the
    workstation's CPU for the 5,000 (unit, parent) pairs of a subtree, and the client and the
    server took turns over the socket for every few kilobytes of rows (issue 8,
    docs/profiles/2026-12-04-mariadb). The array is cut at ``group_concat_max_len`` like any
    ``GROUP_CONCAT``, which the engine raises for its sessions; a cut one is never taken (see
    :func:`_whole_rows`): the rows are then read one by one, as everywhere else. Elsewhere the
    driver's own tuples (its row parsing is in C)."""
    if connection.dialect.name == "mysql":
        ids = stmt.subquery("ids")
        aggregated = select(func.count(), func.json_arrayagg(func.json_array(*ids.c)))
        count, document = connection.execute(aggregated).one()
        rows = _whole_rows(count, document, len(ids.c))
        if rows is not None:
            return rows
    return _driver_rows(connection, stmt)


def ordered_rows(
    connection: Connection, stmt: Select[*tuple[Any, ...]], order_by: Sequence[ColumnElement[Any]]
) -> Sequence[Sequence[Any]]:
    """The rows of ``stmt`` (a plain select of columns holding integers, text or NULL, without
    ORDER BY, GROUP BY or DISTINCT) in the order of ``order_by``, as sequences of plain values.

    On MariaDB/MySQL, as :func:`integer_rows`: one ``JSON_ARRAYAGG(JSON_ARRAY(…) ORDER BY …)``
    beside the ``COUNT(*)`` of the same rows, parsed by :func:`json.loads` in C; PyMySQL parses
    every value of every row in Python, 20 ms of the workstation's CPU for the 5,000 units of
    "expand all" (issue 8, docs/profiles/2026-12-04-mariadb-3). The server escapes the text as
    JSON. A cut array is never taken (see :func:`_whole_rows`); the rows are then read one by one.
    Elsewhere ``stmt`` ordered by ``order_by``, the driver's own tuples."""
    if connection.dialect.name == "mysql":
        columns = list(stmt.selected_columns)
        aggregated = stmt.with_only_columns(func.count(), _json_rows(columns, order_by), maintain_column_froms=True)
        count, document = connection.execute(aggregated).one()
        rows = _whole_rows(count, document, len(columns))
        if rows is not None:
            return rows
    return _driver_rows(connection, stmt.order_by(*order_by))


def _whole_rows(count: int, document: str | bytes | None, width: int) -> list[Any] | None:
    """The rows of a ``JSON_ARRAYAGG`` of ``JSON_ARRAY`` rows of ``width`` values, or None where the
    server cut the array at ``group_concat_max_len``. The server closes a cut array with one
    bracket, so a cut leaves the outer array unclosed (no JSON), unless it fell between two rows,
    which leaves fewer rows than ``count``; a row's own length is checked besides."""
    if document is None:
        return [] if count == 0 else None
    try:
        rows: list[Any] = json.loads(document)
    except ValueError:  # cut inside a row
        return None
    if len(rows) != count or (rows and (len(rows[0]) != width or len(rows[-1]) != width)):
        return None
    return rows


def _driver_rows(connection: Connection, stmt: Select[*tuple[Any, ...]]) -> Sequence[Sequence[Any]]:
    """The driver's own tuples of ``stmt``, fetched at once, without a Row per row."""
    result = connection.execute(stmt)
    tuples: Sequence[Any] = result.cursor.fetchall() if result.cursor is not None else []
    result.close()
    return tuples


class _json_rows(FunctionElement[Any]):  # noqa: N801 - reads like the SQL function it renders
    """MariaDB/MySQL: ``JSON_ARRAYAGG(JSON_ARRAY(<columns>) ORDER BY <order_by>)``."""

    type = NullType()
    inherit_cache = True
    name = "json_rows"
    _traverse_internals = [
        *FunctionElement._traverse_internals,
        ("width", InternalTraversal.dp_plain_obj),
    ]

    def __init__(self, columns: Sequence[ColumnElement[Any]], order_by: Sequence[ColumnElement[Any]]) -> None:
        self.width = len(columns)
        super().__init__(*columns, *order_by)


@compiles(_json_rows, "mysql")
def _mysql_json_rows(element: _json_rows, compiler: SQLCompiler, **kw: Any) -> str:
    parts = [compiler.process(clause, **kw) for clause in element.clauses]
    columns, order = parts[: element.width], parts[element.width :]
    ordered = f" ORDER BY {', '.join(order)}" if order else ""
    return f"json_arrayagg(json_array({', '.join(columns)}){ordered})"
