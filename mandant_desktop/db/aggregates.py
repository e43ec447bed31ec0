"""A group's values as one column: ``value_list(column)`` in a grouped select, read back with
:func:`read_list` (issue 8).

Thousands of small rows cost more in the driver than in the database: one aggregated value per
group crosses over as one object and is parsed in C. Each backend has its own aggregate: a JSON
array on SQLite, an array on PostgreSQL (the driver returns a list), ``GROUP_CONCAT`` on MariaDB and
MySQL, whose result is cut silently at ``group_concat_max_len`` (a megabyte on MariaDB): callers
compare the length with a ``COUNT(*)`` of the same group (:func:`read_list` returns None when it
differs) and read such a group row by row. Values must not contain commas (ids, permission codes).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, cast

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
    return f"group_concat({compiler.process(element.clauses, **kw)})"


def read_list(value: object, count: int, dialect: str, convert: Callable[[str], Any] = str) -> list[Any] | None:
    """The values of one group as ``value_list`` returned them on ``dialect`` (None for an empty
    group), converted with ``convert`` where the backend returns text; None when there are not
    ``count`` of them (cut off by ``group_concat_max_len``)."""
    if value is None:
        values: list[Any] = []
    elif dialect == "postgresql":  # the driver's own list
        values = cast(list[Any], value)
    elif dialect == "sqlite":  # a JSON array
        values = json.loads(value)  # type: ignore[arg-type]
    else:  # MariaDB, MySQL: comma-separated text (bytes where the server calls it binary)
        text = value.decode() if isinstance(value, bytes | bytearray) else str(value)
        values = list(map(convert, text.split(",")))
    return values if len(values) == count else None
