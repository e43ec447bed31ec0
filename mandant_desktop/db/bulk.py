"""Writing many rows at once (issue 8: the demo generator, imports, and the services' set-based
changes, which give their rows column by column: :func:`insert_columns`, :func:`execute_many`).

SQLite and MariaDB get a Core ``insert(table)`` with the list of rows (one ``executemany``; the
services' rows of ids on MariaDB one ``INSERT … SELECT FROM JSON_TABLE``, see :func:`insert_columns`). On
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

Even through ``COPY``, PostgreSQL checks each row's foreign keys with one query per key and row and
adds each row to every index: for the million role assignments that was three quarters of the
server's time. :func:`keys_checked_after` drops a table's foreign keys, unique constraints and
secondary indexes for a bulk load and creates them again from their own definitions at the end,
where one set-based check per key and one sorted build per index cost a fraction (what the
PostgreSQL manual advises under "Populating a Database"). The rows are checked as strictly as
before, only later: a violation raises at the end of the block, in the same transaction.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import decimal
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import attrgetter, itemgetter
from typing import Any

from sqlalchemy import JSON, Column, Connection, Dialect, Select, Table, and_, bindparam, column, insert, select, text
from sqlalchemy.sql.expression import ColumnClause
from sqlalchemy.types import NullType

Row = dict[str, Any]
#: rows given column by column: one list of values per column key, all of equal length
Columns = dict[str, list[Any]]


def insert_rows(
    connection: Connection,
    table: Table,
    rows: Sequence[Row],
    *,
    row_security: bool | None = None,
    json_table: bool = False,
) -> None:
    """Insert ``rows`` (dicts keyed by column name) into ``table`` in the caller's transaction.

    ``row_security=False``: the caller knows that no row-level security applies to the table (the
    audit log), and the server is not asked; were it wrong, PostgreSQL refuses the ``COPY`` (it
    never lets one past a policy). ``json_table``: on MariaDB/MySQL the rows go as one ``INSERT …
    SELECT FROM JSON_TABLE`` where they fit (see :func:`_mysql_insert_select`; the audit entries of
    a unit of work), not as PyMySQL's executemany."""
    if not rows:
        return
    if connection.dialect.name == "postgresql" and _copy_fits(connection, table, rows, row_security):
        _copy(connection, table, rows)
    elif not (
        json_table
        and connection.dialect.name == "mysql"
        and _same_keys_defaults_given(table, rows)
        and _mysql_insert_select(connection, table, {key: [row[key] for row in rows] for key in rows[0]})
    ):
        connection.execute(insert(table), rows)


def _same_keys_defaults_given(table: Table, rows: Sequence[Row]) -> bool:
    """Whether every row has the keys of the first and those include every column with a default
    of the client's (``default=utcnow`` and the like), which only the ``INSERT`` of SQLAlchemy
    applies: the rows can then go another way (``COPY``, ``JSON_TABLE``) unchanged."""
    keys = rows[0].keys()
    if any(column.default is not None and column.key not in keys for column in table.columns):
        return False
    return all(row.keys() == keys for row in rows)


def _copy_fits(connection: Connection, table: Table, rows: Sequence[Row], row_security: bool | None) -> bool:
    if not _same_keys_defaults_given(table, rows):
        return False
    if row_security is not None:
        return not row_security
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


# Per table: the foreign keys and unique constraints (without the ones another table's foreign key
# relies on) and the plain indexes; not the primary key. Only for a table the current user may alter.
_DEFERRABLE = text(
    """
    SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
           format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
           c.contype = 'f' AS late
    FROM pg_constraint c
    WHERE c.conrelid = CAST(:table AS regclass) AND c.contype IN ('f', 'u')
      AND (c.contype = 'f' OR NOT EXISTS (
          SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' AND r.confrelid = c.conrelid AND r.conindid = c.conindid
      ))
    UNION ALL
    SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), false
    FROM pg_index i
    WHERE i.indrelid = CAST(:table AS regclass) AND NOT i.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
    """
)
_MAY_ALTER = text("SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = CAST(:table AS regclass)")


@contextlib.contextmanager
def keys_checked_after(connection: Connection, tables: Iterable[Table]) -> Iterator[None]:
    """PostgreSQL: ``tables`` without foreign keys, unique constraints and secondary indexes for the
    block, all of them back (and checked) at its end. A no-op elsewhere, and for a table the current
    user does not own (the application role of revision 0005 may not alter tables).

    Meant for filling tables in bulk inside one transaction: the ``ALTER TABLE`` locks the tables
    until the commit. If the block raises, the caller rolls back (which restores everything); the
    definitions are put back anyway where the transaction still allows it.
    """
    if connection.dialect.name != "postgresql":
        yield
        return
    restore: list[tuple[bool, str]] = []
    for table in tables:
        if not connection.scalar(_MAY_ALTER, {"table": table.name}):
            continue
        for drop, create, late in connection.execute(_DEFERRABLE, {"table": table.name}).all():
            connection.exec_driver_sql(drop)
            restore.append((late, create))
    # Indexes and unique constraints first, then the foreign keys.
    statements = [create for late, create in sorted(restore, key=lambda item: item[0])]
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):
            for statement in statements:
                connection.exec_driver_sql(statement)
        raise
    for statement in statements:
        connection.exec_driver_sql(statement)


# ------------------------------------------------------------- rows given column by column


def by_column(rows: Sequence[Any], keys: Iterable[str]) -> Columns:
    """Rows that are objects or named tuples with the attributes ``keys``, given column by column."""
    return {key: list(map(attrgetter(key), rows)) for key in keys}


def insert_columns(connection: Connection, table: Table, columns: Columns) -> None:
    """One INSERT of the rows given column by column (lists of equal length): an executemany.

    On MariaDB/MySQL rows of integers and constants go as ``INSERT … SELECT FROM JSON_TABLE(…)``
    (see :func:`_mysql_insert_select`). On PostgreSQL a single ``INSERT … SELECT FROM unnest(…)``
    with one array per column instead: an executemany there is one statement per row, and each
    fired the statement-level triggers of revision 0009 (10,000 times when ticking inheritance at
    the root of 5,000 units, issue 8)."""
    types = {key: table.c[key].type for key in columns}
    if connection.dialect.name == "mysql" and _mysql_insert_select(connection, table, columns):
        return
    if connection.dialect.name != "postgresql":
        execute_many(connection, insert(table), columns, types, column_keys=list(columns))
        return
    preparer = connection.dialect.identifier_preparer
    names = ", ".join(preparer.format_column(table.c[key]) for key in columns)
    rows, params = pg_unnest(connection.dialect, {key: table.c[key] for key in columns}, columns)
    connection.exec_driver_sql(f"INSERT INTO {preparer.format_table(table)} ({names}) SELECT * FROM {rows}", params)


def _mysql_insert_select(connection: Connection, table: Table, columns: Columns) -> bool:
    """MariaDB/MySQL: insert rows given column by column as ``INSERT … SELECT`` from ``JSON_TABLE``:
    the values that differ from row to row as one JSON array (:func:`json.dumps`, in C), each
    constant once as a parameter. False, and nothing done, for rows it does not take (see
    :func:`_json_column`), which go as the executemany.

    PyMySQL's executemany escapes and formats every value of every row in Python and sends a
    multi-row ``INSERT … VALUES``: for the 10,000 rows of six columns of ticking inheritance at the
    root of 5,000 units that was 75 ms of the workstation's CPU and an 800 kB statement for the
    server to read and parse; as JSON, 5 ms and 120 kB (issue 8, docs/profiles/2026-12-04-mariadb).
    The audit entries of a bulk change (10,000 rows of text, timestamps and JSON documents) go the
    same way (docs/profiles/2026-12-04-mariadb-3). The rows, their order (``JSON_TABLE`` yields them
    in the array's order, so the ids are assigned in it) and the checks (keys, foreign keys, strict
    mode) are those of the ``INSERT … VALUES``: text and timestamps come out of ``JSON_TABLE`` as
    ``LONGTEXT`` and are converted by the INSERT as the ``VALUES``' literals are, so an overlong or
    malformed value is refused as there. One statement as long as the server takes one
    (:func:`_insert_bytes`), as many as it takes beyond that, as one executemany."""
    rows = len(next(iter(columns.values())))
    if rows < 2:
        return False
    dialect = connection.dialect
    varying: Columns = {}
    types: dict[str, str] = {}
    constant: dict[str, Any] = {}
    for key, values in columns.items():
        if _constant(values):
            constant[key] = values[0]
            continue
        taken = _json_column(connection, table.c[key], values)
        if taken is None:
            return False
        varying[key], types[key] = taken
    if not varying:
        return False
    preparer = dialect.identifier_preparer
    quote = preparer.quote
    params: dict[str, Any] = {}
    picks = []
    for key in columns:
        if key in varying:
            picks.append(f"k.{quote(key)}")
            continue
        value = constant[key]
        processor = _processor(connection, table.c[key].type)
        params[f"c_{key}"] = processor(value) if processor is not None and value is not None else value
        picks.append(f"%(c_{key})s")
    definitions = ", ".join(f"{quote(key)} {types[key]} PATH '$[{index}]'" for index, key in enumerate(varying))
    names = ", ".join(preparer.format_column(table.c[key]) for key in columns)
    statement = (
        f"INSERT INTO {preparer.format_table(table)} ({names}) SELECT {', '.join(picks)}"
        f" FROM JSON_TABLE(CONVERT(FROM_BASE64(%(rows)s) USING utf8mb4), '$[*]' COLUMNS ({definitions})) AS k"
    )
    # The document in base64 (in C): PyMySQL escapes a text parameter character by character,
    # which for the quotes of the 10,000 audit entries of a bulk change cost 150 ms (str.translate
    # off its fast path); base64's alphabet needs no escaping and passes that fast path. Several
    # pieces go as one executemany, which PyMySQL sends one by one, as it cut the multi-row
    # INSERT … VALUES of the executemany before.
    pieces = [
        {**params, "rows": base64.b64encode(piece).decode("ascii")}
        for piece in _json_pieces(list(zip(*varying.values(), strict=True)), _insert_bytes(connection))
    ]
    connection.exec_driver_sql(statement, pieces if len(pieces) > 1 else pieces[0])
    return True


def _json_column(connection: Connection, col: Column[Any], values: list[Any]) -> tuple[list[Any], str] | None:
    """The values of one column as ``JSON_TABLE`` carries them, and their type there; None for
    values it does not carry. Integers and NULLs of a column without a bind processor (ids) as
    they are, in the column's own type; text (strings, after the column's bind processor: enums,
    JSON documents) and naive timestamps (as their ISO text) as ``LONGTEXT``, converted by the
    INSERT. Anything else (booleans, numbers of other kinds, timestamps with a zone, bytes) is not
    carried."""
    processor = _processor(connection, col.type)
    if processor is None and all(type(value) is int or value is None for value in values):  # not bool, not IntEnum
        return values, _json_table_type(connection.dialect, col)
    if processor is not None:
        values = processed_columns(connection.dialect, {col.key: values}, {col.key: col.type})[col.key]
    kinds = {type(value) for value in values}
    kinds.discard(type(None))
    if kinds == {str}:
        return values, "LONGTEXT"
    if kinds == {dt.datetime} and all(value is None or value.tzinfo is None for value in values):
        return [None if value is None else value.isoformat(sep=" ") for value in values], "LONGTEXT"
    return None


#: MariaDB/MySQL: the most bytes one ``INSERT … SELECT FROM JSON_TABLE`` of :func:`insert_columns`
#: carries, where the server takes more (``max_allowed_packet``: 16 MiB by default on MariaDB, 64
#: MiB on MySQL)
MYSQL_INSERT_BYTES = 16 * 1024 * 1024


def _insert_bytes(connection: Connection) -> int:
    """The most bytes of one bulk ``INSERT`` on this MariaDB/MySQL connection: its server's
    ``max_allowed_packet`` (read at connect, :mod:`mandant_desktop.db.engine`) less 64 KiB for the
    rest of the statement (half of a packet below 128 KiB), at most :data:`MYSQL_INSERT_BYTES`;
    :data:`MYSQL_STATEMENT_BYTES` when it is not known. PyMySQL's executemany cut its multi-row
    ``INSERT … VALUES`` at about a megabyte; one statement for the 10,000 audit entries of a bulk
    change (1.5 MB) is one round trip, and as many statements for 6 cells as for 10,000 (issue 8)."""
    from mandant_desktop.db.engine import MYSQL_MAX_PACKET

    packet = connection.info.get(MYSQL_MAX_PACKET)
    if not packet:
        return MYSQL_STATEMENT_BYTES
    return min(MYSQL_INSERT_BYTES, max(int(packet) // 2, int(packet) - 65536))


def _json_pieces(rows: list[tuple[Any, ...]], limit: int) -> Iterator[bytes]:
    """``rows`` (of integers, text and NULLs) as UTF-8 JSON arrays of at most three quarters of
    ``limit`` each (a single row however long), in their order: sent in base64, three bytes take
    four of the statement."""
    document = json.dumps(rows, separators=(",", ":"), ensure_ascii=False).encode()
    if 4 * len(document) <= 3 * limit or len(rows) == 1:
        yield document
        return
    half = len(rows) // 2
    yield from _json_pieces(rows[:half], limit)
    yield from _json_pieces(rows[half:], limit)


def delete_keys(connection: Connection, table: Table, columns: Columns) -> int:
    """Delete the rows whose key columns hold the values given column by column (lists of equal
    length); returns how many rows went.

    One statement on PostgreSQL (``DELETE … USING unnest(…)``: an executemany there is a statement,
    and a statement trigger, per row, see :func:`insert_columns`) and on MariaDB/MySQL (a multi-table
    ``DELETE`` joined with ``JSON_TABLE``: PyMySQL runs an executemany of anything but an ``INSERT``
    row by row; see :func:`mysql_rows` for the size of one statement). SQLite: one executemany, which
    steps one prepared statement in process."""
    if not columns or not next(iter(columns.values())):
        return 0
    c = table.c
    preparer = connection.dialect.identifier_preparer
    match = " AND ".join(f"t.{preparer.format_column(c[key])} = k.{preparer.quote(key)}" for key in columns)
    if connection.dialect.name == "postgresql" and len(columns) == 1:
        # one column: "= ANY(array)", which the planner reads through the column's index; a join
        # with unnest may become a merge join over the whole index
        (key,) = columns
        arrays, params = pg_arrays(connection.dialect, {key: c[key]}, columns)
        return connection.exec_driver_sql(
            f"DELETE FROM {preparer.format_table(table)} WHERE {preparer.format_column(c[key])} = ANY({arrays[key]})",
            params,
        ).rowcount
    if connection.dialect.name == "postgresql":
        keys = ", ".join(columns)
        rows, params = pg_unnest(connection.dialect, {key: c[key] for key in columns}, columns)
        return connection.exec_driver_sql(
            f"DELETE FROM {preparer.format_table(table)} t USING {rows} AS k({keys}) WHERE {match}", params
        ).rowcount
    if connection.dialect.name == "mysql":
        gone = 0
        for rows, json_table in mysql_rows(connection.dialect, {key: c[key] for key in columns}, columns):
            gone += connection.exec_driver_sql(
                f"DELETE t FROM {preparer.format_table(table)} t JOIN {json_table} ON {match}", {"rows": rows}
            ).rowcount
        return gone
    stmt = table.delete().where(*(c[key] == bindparam(f"k_{key}") for key in columns))
    return execute_many(connection, stmt, {f"k_{key}": values for key, values in columns.items()}, {})


def update_keys(
    connection: Connection,
    table: Table,
    keys: Columns,
    values: Columns,
    *,
    same: Mapping[str, Any] | None = None,
    increment: Sequence[str] = (),
) -> int:
    """Update the rows whose key columns hold ``keys`` (column by column) to ``values`` (the same
    rows, column by column), every row's ``same`` columns to one value, and ``increment`` columns by
    one; returns how many rows matched. One statement on PostgreSQL (``UPDATE … FROM unnest(…)``)
    and on MariaDB/MySQL (``UPDATE … JOIN JSON_TABLE(…)``), one executemany on SQLite (see
    :func:`delete_keys`)."""
    if not keys or not next(iter(keys.values())):
        return 0
    same = dict(same or {})
    c = table.c
    dialect = connection.dialect
    preparer = dialect.identifier_preparer
    if dialect.name in ("postgresql", "mysql"):
        given = {**keys, **values}
        # PostgreSQL takes the SET targets unqualified; MariaDB needs them qualified beside the join.
        target = "t." if dialect.name == "mysql" else ""
        col = {key: preparer.format_column(c[key]) for key in [*values, *same, *increment]}
        sets = [f"{target}{col[key]} = k.{preparer.quote(key)}" for key in values]
        sets += [f"{target}{col[key]} = %(s_{key})s" for key in same]
        sets += [f"{target}{col[key]} = t.{col[key]} + 1" for key in increment]
        match = " AND ".join(f"t.{preparer.format_column(c[key])} = k.{preparer.quote(key)}" for key in keys)
        params: dict[str, Any] = {}
        for key, value in same.items():
            processor = c[key].type.dialect_impl(dialect).bind_processor(dialect)
            params[f"s_{key}"] = processor(value) if processor is not None and value is not None else value
        if dialect.name == "mysql":
            matched = 0
            for rows, json_table in mysql_rows(dialect, {key: c[key] for key in given}, given):
                matched += connection.exec_driver_sql(
                    f"UPDATE {preparer.format_table(table)} t JOIN {json_table} ON {match} SET {', '.join(sets)}",
                    {**params, "rows": rows},
                ).rowcount
            return matched
        rows, arrays = pg_unnest(dialect, {key: c[key] for key in given}, given)
        return connection.exec_driver_sql(
            f"UPDATE {preparer.format_table(table)} t SET {', '.join(sets)}"
            f" FROM {rows} AS k({', '.join(given)}) WHERE {match}",
            {**params, **arrays},
        ).rowcount
    stmt = (
        table.update()
        .where(*(c[key] == bindparam(f"k_{key}") for key in keys))
        .values(
            **{key: bindparam(f"v_{key}") for key in values},
            **same,
            **{key: c[key] + 1 for key in increment},
        )
    )
    given = {**{f"k_{key}": v for key, v in keys.items()}, **{f"v_{key}": v for key, v in values.items()}}
    names = list(given)
    return connection.execute(
        stmt, [dict(zip(names, row, strict=True)) for row in zip(*given.values(), strict=True)]
    ).rowcount


def select_keys(dialect: Dialect, table: Table, columns: Columns) -> Iterator[Select[Any]]:
    """SELECTs of the rows of ``table`` whose columns hold the values given column by column (a
    key, or any columns; give each combination once): one statement on PostgreSQL and SQLite
    however many rows, on MariaDB/MySQL one per :data:`MYSQL_STATEMENT_BYTES` of keys.

    The rows join a relation of the given values: ``unnest`` of one array per column (PostgreSQL;
    one column is compared with ``= ANY(array)`` instead, see :func:`delete_keys`), ``json_each`` of
    one JSON array (SQLite), ``JSON_TABLE`` (MariaDB/MySQL). ``IN`` lists, the
    alternative, are cut by SQLite's limit of 32,766 parameters, and a list of keys of two or more
    columns is a row-value comparison that not every planner reads through an index."""
    if not columns or not next(iter(columns.values())):
        return
    given = {key: table.c[key] for key in columns}
    if dialect.name == "postgresql" and len(columns) == 1:  # see delete_keys
        ((key, values),) = processed_columns(dialect, columns, {key: col.type for key, col in given.items()}).items()
        preparer = dialect.identifier_preparer
        column_sql = f"{preparer.format_table(table)}.{preparer.format_column(given[key])}"
        array = f"{given[key].type.compile(dialect=dialect)}[]"
        match = text(f"{column_sql} = ANY(CAST(:k_0 AS {array}))").bindparams(
            bindparam("k_0", values, type_=NullType())
        )
        yield select(table).where(match)
        return
    for relation in _relations(dialect, given, columns):
        yield select(table).join(relation, and_(*(table.c[key] == relation.c[key] for key in columns)))


def _relations(dialect: Dialect, given: Mapping[str, Column[Any]], columns: Columns) -> Iterator[Any]:
    """The rows given column by column as relations named ``k`` (see :func:`select_keys`)."""
    quote = dialect.identifier_preparer.quote
    names: list[ColumnClause[Any]] = [column(key) for key in columns]
    processed = processed_columns(dialect, columns, {key: given[key].type for key in columns})
    if dialect.name == "postgresql":
        arrays = ", ".join(
            f"CAST(:k_{index} AS {given[key].type.compile(dialect=dialect)}[])" for index, key in enumerate(columns)
        )
        sql = text(f"SELECT * FROM unnest({arrays}) AS k({', '.join(quote(key) for key in columns)})")
        params = [bindparam(f"k_{index}", processed[key], type_=NullType()) for index, key in enumerate(columns)]
        yield sql.bindparams(*params).columns(*names).subquery("k")
    elif dialect.name == "mysql":
        for rows, json_table in mysql_rows(dialect, given, columns, placeholder=":rows"):
            sql = text(f"SELECT * FROM {json_table}")
            yield sql.bindparams(bindparam("rows", rows, type_=NullType())).columns(*names).subquery("k")
    else:
        picks = ", ".join(f"json_extract(value, '$[{index}]') AS {quote(key)}" for index, key in enumerate(columns))
        rows = json.dumps(list(zip(*processed.values(), strict=True)), default=_json_value)
        sql = text(f"SELECT {picks} FROM json_each(:rows)")
        yield sql.bindparams(bindparam("rows", rows, type_=NullType())).columns(*names).subquery("k")


#: MariaDB/MySQL: the most bytes of JSON one statement of :func:`mysql_rows` carries. The server
#: refuses a statement above ``max_allowed_packet`` (16 MiB by default on MariaDB, 64 MiB on MySQL,
#: as little as 1 MiB where an administrator lowered it); PyMySQL cuts the many-row INSERT of an
#: executemany at about a megabyte too. 10,000 keys of three integers take about 200 kB.
MYSQL_STATEMENT_BYTES = 1_000_000


def mysql_rows(
    dialect: Dialect, given: Mapping[str, Column[Any]], columns: Columns, *, placeholder: str = "%(rows)s"
) -> Iterator[tuple[str, str]]:
    """MariaDB/MySQL: the rows given column by column as ``JSON_TABLE(…) AS k`` with the columns'
    own types (and collations, so that a key compares as the column does), as many as fit into
    :data:`MYSQL_STATEMENT_BYTES` at a time: (the JSON array of the rows, the table expression that
    reads it from ``placeholder``). ``JSON_TABLE`` needs MariaDB 10.6 or MySQL 8.0."""
    quote = dialect.identifier_preparer.quote
    definitions = ", ".join(
        f"{quote(key)} {_json_table_type(dialect, given[key])} PATH '$[{index}]'" for index, key in enumerate(columns)
    )
    json_table = f"JSON_TABLE({placeholder}, '$[*]' COLUMNS ({definitions})) AS k"
    processed = processed_columns(dialect, columns, {key: given[key].type for key in columns})
    piece: list[str] = []
    size = 0
    for row in zip(*processed.values(), strict=True):
        encoded = json.dumps(row, default=_json_value)
        if piece and size + len(encoded) > MYSQL_STATEMENT_BYTES:
            yield f"[{','.join(piece)}]", json_table
            piece, size = [], 0
        piece.append(encoded)
        size += len(encoded) + 1
    if piece:
        yield f"[{','.join(piece)}]", json_table


def _json_table_type(dialect: Dialect, col: Column[Any]) -> str:
    """The type of ``col`` as a column of ``JSON_TABLE``, which takes no ``JSON`` (the processed
    value is the document's text) and no ``ENUM``."""
    if isinstance(col.type, JSON):
        return "LONGTEXT"
    compiled = col.type.compile(dialect=dialect)
    return "VARCHAR(255)" if compiled.startswith("ENUM") else compiled


def _json_value(value: Any) -> Any:
    """Processed values that JSON has no type for, as the servers read them from text."""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time | decimal.Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} in a keyed statement")


def pg_unnest(dialect: Dialect, columns: Mapping[str, Column[Any]], values: Columns) -> tuple[str, dict[str, Any]]:
    """``unnest(…)``: the rows of a statement as one array per column, each cast to its column's type
    (PostgreSQL), and the parameters that carry them (see :func:`pg_arrays`)."""
    arrays, params = pg_arrays(dialect, columns, values)
    return f"unnest({', '.join(arrays.values())})", params


def pg_arrays(
    dialect: Dialect, columns: Mapping[str, Column[Any]], values: Columns
) -> tuple[dict[str, str], dict[str, Any]]:
    """PostgreSQL: for each column of ``values`` (processed here, see :func:`processed_columns`) an
    array expression cast to the column's type, and the parameters (named by the keys) that carry them.

    psycopg dumps a list parameter element by element in Python: the six columns of the 10,000 rows
    of ticking "inherit" at the root cost 150 ms of the client's CPU, 75 of them for one timestamp
    repeated (issue 8). So a column with the same value in every row is sent once and repeated by the
    server (``array_fill``), and integers and strings go as one array literal joined in C; any other
    list (varying timestamps, JSON documents) is left to psycopg."""
    arrays: dict[str, str] = {}
    params: dict[str, Any] = {}
    processed = processed_columns(dialect, values, {key: columns[key].type for key in values})
    for key, items in processed.items():
        type_sql = columns[key].type.compile(dialect=dialect)
        if len(items) > 1 and _constant(items):
            arrays[key] = f"array_fill(%({key})s::{type_sql}, ARRAY[%({key}__rows)s::integer])"
            params[key], params[f"{key}__rows"] = items[0], len(items)
            continue
        arrays[key] = f"%({key})s::{type_sql}[]"
        params[key] = _array_literal(items)
    return arrays, params


def _constant(items: list[Any]) -> bool:
    """Whether every item is the first one: equal and of the same type (1, True and 1.0 are equal)."""
    first = items[0]
    return items.count(first) == len(items) and len({type(item) for item in items}) == 1


def _array_literal(items: list[Any]) -> Any:
    """``items`` as the text of a PostgreSQL array when they are all integers or all strings (with
    NULLs among them), joined in C; otherwise the list itself, for psycopg to dump."""
    kinds = {type(item) for item in items}
    kinds.discard(type(None))
    if kinds == {int}:
        if None in items:
            return "{" + ",".join("NULL" if item is None else str(item) for item in items) + "}"
        return "{" + ",".join(map(str, items)) + "}"
    if kinds == {str}:
        # every element quoted (an unquoted NULL is the null value, a quoted one the word)
        return "{" + ",".join("NULL" if item is None else _quoted(item) for item in items) + "}"
    return items


def _quoted(item: str) -> str:
    return '"' + item.replace("\\", "\\\\").replace('"', '\\"') + '"'


def processed_columns(dialect: Dialect, columns: Columns, types: dict[str, Any]) -> Columns:
    """``columns`` with the values of those whose type has a bind processor processed; each distinct
    value once: a change carries one or two timestamps, not one per row."""
    done = dict(columns)
    for key, type_ in types.items():
        processor = type_.dialect_impl(dialect).bind_processor(dialect)
        if processor is None:
            continue
        try:
            processed = {raw: processor(raw) for raw in set(columns[key]) if raw is not None}
        except TypeError:  # values that cannot be hashed (JSON documents): each on its own
            done[key] = [None if raw is None else processor(raw) for raw in columns[key]]
        else:
            done[key] = [processed.get(raw) for raw in columns[key]]
    return done


def execute_many(
    connection: Connection,
    stmt: Any,
    columns: Columns,
    types: dict[str, Any],
    *,
    column_keys: list[str] | None = None,
) -> int:
    """One executemany of ``stmt`` with the rows given column by column, handed to the driver as
    they are; returns the rows it counted (the sum over the rows).

    SQLAlchemy's own executemany runs every value of every row through its type processors, which
    was most of the time of ticking inheritance at the root of 5,000 units; here each distinct value
    of a processed column (the one or two timestamps of a change) is processed once."""
    dialect = connection.dialect
    compiled = stmt.compile(dialect=dialect, column_keys=column_keys)
    columns = processed_columns(dialect, columns, types)
    if compiled.positiontup is not None:
        params: list[Any] = list(zip(*(columns[key] for key in compiled.positiontup), strict=True))
        return connection.exec_driver_sql(str(compiled), params).rowcount
    keys = list(columns)
    return connection.exec_driver_sql(
        str(compiled), [dict(zip(keys, values, strict=True)) for values in zip(*columns.values(), strict=True)]
    ).rowcount


# ------------------------------------------------------------- statistics after a large write

# Autovacuum's own rule for when a table needs ANALYZE: more rows changed than the threshold plus
# the scale factor times the rows it had (reltuples; -1 before the first ANALYZE counts as 0).
# Only tables the current user owns: the application role of revision 0005 may not analyse.
_NEEDS_ANALYZE = text(
    """
    SELECT format('%s', c.oid::regclass) FROM pg_class c
    WHERE c.oid = CAST(:table AS regclass) AND pg_has_role(c.relowner, 'USAGE')
      AND :rows >= current_setting('autovacuum_analyze_threshold')::float8
          + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0)
    """
)


def analyze_grown(connection: Connection, written: Mapping[str, int]) -> list[str]:
    """PostgreSQL: ``ANALYZE`` the tables of ``written`` (table name → rows just written) that grew
    by more than autovacuum would let pass before analysing them itself; returns their names.

    A server without autovacuum (or one that gets to the table a minute later) plans the next
    queries on the table without statistics, or with those of a table a tenth of its size. ANALYZE
    samples at most 30,000 rows whatever the table's size (default statistics target). A no-op on
    SQLite and MariaDB, which plan without such statistics or gather them themselves, and for tables
    the current user does not own (there it is autovacuum's or the administrator's job)."""
    if connection.dialect.name != "postgresql":
        return []
    names = [
        name
        for table, rows in written.items()
        if rows > 0 and (name := connection.scalar(_NEEDS_ANALYZE, {"table": table, "rows": rows})) is not None
    ]
    if names:
        # Names come from pg_class (regclass output, quoted where needed), never from input.
        connection.exec_driver_sql("ANALYZE " + ", ".join(names))
    return names


def analyze_grown_committed(connection: Connection, written: Mapping[str, int]) -> list[str]:
    """MariaDB/MySQL: ``ANALYZE TABLE`` for the tables of ``written`` (table name → rows just written
    and committed) that grew by more than 50 rows plus a tenth of what they held before, the rule
    :func:`analyze_grown` follows on PostgreSQL; returns their names. Call it after the commit:
    ``ANALYZE TABLE`` commits implicitly. InnoDB recalculates its statistics by itself only in the
    background, and until then plans the new rows with the old figures (issue 8, the demo's
    ``_after_commit``). A no-op on SQLite and PostgreSQL (there :func:`analyze_grown` runs
    inside the writer's transaction)."""
    if connection.dialect.name != "mysql":
        return []
    sizes = text(
        "SELECT TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES"
        " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN :names"
    ).bindparams(bindparam("names", expanding=True))
    wanted = {name: rows for name, rows in written.items() if rows > 0}
    if not wanted:
        return []
    held = {name: int(rows or 0) for name, rows in connection.execute(sizes, {"names": sorted(wanted)})}
    names = [
        name for name, rows in sorted(wanted.items()) if name in held and rows >= 50 + 0.1 * max(held[name] - rows, 0)
    ]
    if names:
        quote = connection.dialect.identifier_preparer.quote
        # Names come from information_schema (checked above), never from input alone.
        connection.exec_driver_sql("ANALYZE TABLE " + ", ".join(quote(name) for name in names)).all()
    return names
