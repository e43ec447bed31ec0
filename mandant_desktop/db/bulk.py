"""Writing many rows at once (issue 8: the demo generator, imports).

SQLite and MariaDB get a Core ``insert(table)`` with the list of rows (one ``executemany``). On
PostgreSQL the same rows go through ``COPY … FROM STDIN`` (psycopg 3), which the server takes
without parsing, planning and executing one ``INSERT`` per row: for the million role assignments of
the large demo the statements themselves were most of the server's time.

``COPY`` is not a drop-in replacement everywhere, so :func:`insert_rows` falls back to the
``INSERT`` when

* a column with a client-side default (``default=utcnow`` and the like) is missing from the rows:
  ``COPY`` applies server defaults only;
* row-level security applies to the current user on the table: PostgreSQL refuses ``COPY FROM``
  then (the application role of revision 0005 on tenant-scoped tables);
* the rows do not all have the keys of the first one (the ``INSERT`` raises as it always did).

Values pass the columns' bind processors (enums, JSON, aware UTC datetimes) exactly as they do for
the ``INSERT``; psycopg formats the results for ``COPY``'s text format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, insert, text

Row = dict[str, Any]


def insert_rows(connection: Connection, table: Table, rows: Sequence[Row]) -> None:
    """Insert ``rows`` (dicts keyed by column name) into ``table`` in the caller's transaction."""
    if not rows:
        return
    if connection.dialect.name == "postgresql" and _copy_fits(connection, table, rows):
        _copy(connection, table, rows)
    else:
        connection.execute(insert(table), rows)


def _copy_fits(connection: Connection, table: Table, rows: Sequence[Row]) -> bool:
    keys = rows[0].keys()
    if any(column.default is not None and column.key not in keys for column in table.columns):
        return False
    if any(row.keys() != keys for row in rows):
        return False
    return not connection.scalar(text("SELECT row_security_active(CAST(:table AS regclass))"), {"table": table.name})


def _copy(connection: Connection, table: Table, rows: Sequence[Row]) -> None:
    from psycopg import sql

    keys = list(rows[0])
    columns = [table.c[key] for key in keys]
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(column.name) for column in columns)
    )
    dbapi = connection.connection.driver_connection
    assert dbapi is not None
    with dbapi.cursor() as cursor, cursor.copy(statement) as copy:
        for values in _processed(rows, keys, [_processor(connection, column.type) for column in columns]):
            copy.write_row(values)


def _processor(connection: Connection, column_type: Any) -> Callable[[Any], Any] | None:
    processor: Callable[[Any], Any] | None = column_type.dialect_impl(connection.dialect).bind_processor(
        connection.dialect
    )
    return processor


def _processed(
    rows: Iterable[Row], keys: list[str], processors: list[Callable[[Any], Any] | None]
) -> Iterable[tuple[Any, ...]]:
    """Each row's values in the order of ``keys``, passed through the columns' processors.

    Bulk rows repeat values (one timestamp for a whole run, a handful of enum members): a processor
    runs again only when its column's value is not the very object it saw last."""
    values_of = itemgetter(*keys)
    converting = [(index, processor) for index, processor in enumerate(processors) if processor is not None]
    if not converting:
        for row in rows:
            values = values_of(row)
            yield values if len(keys) > 1 else (values,)
        return
    last_in: list[Any] = [object()] * len(converting)
    last_out: list[Any] = [None] * len(converting)
    for row in rows:
        values = list(values_of(row)) if len(keys) > 1 else [values_of(row)]
        for slot, (index, processor) in enumerate(converting):
            value = values[index]
            if value is not last_in[slot]:
                last_in[slot] = value
                last_out[slot] = processor(value)
            values[index] = last_out[slot]
        yield tuple(values)
