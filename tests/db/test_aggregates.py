"""``value_list``: a group's values as one aggregated column on every backend (issue 8's
``effective_permissions`` reads a role's 5,000 units as one value)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, func, insert, literal, select, union_all, update

from mandant_desktop.db.aggregates import integer_rows, ordered_rows, read_list, value_list
from mandant_desktop.db.models import OrgUnit, Permission


def test_a_group_comes_back_whole_on_every_backend(migrated_db: Any) -> None:
    """Issue 8: integers and codes, many values and none (an empty scalar subquery is NULL)."""
    with migrated_db.session_factory.begin() as session:
        session.execute(insert(OrgUnit), [{"name": f"E{n}", "depth": 0} for n in range(1500)])
    with migrated_db.engine.connect() as connection:
        dialect = connection.dialect.name
        ids = set(connection.scalars(select(OrgUnit.id)))
        count, units = connection.execute(select(func.count(), value_list(OrgUnit.id))).one()
        codes_count, codes = connection.execute(select(func.count(), value_list(Permission.code))).one()
        none = connection.execute(
            select(select(value_list(OrgUnit.id)).where(OrgUnit.id < 0).scalar_subquery())
        ).scalar_one()
        expected_codes = set(connection.scalars(select(Permission.code)))
    assert count == 1500
    assert set(read_list(units, count, dialect, int) or ()) == ids
    assert set(read_list(codes, codes_count, dialect) or ()) == expected_codes
    assert read_list(none, 0, dialect, int) == []
    assert read_list(units, count + 1, dialect, int) is None  # what a list cut short looks like


def test_values_in_one_row_group(migrated_db: Any) -> None:
    """A single value is still a list (no bare scalar on any backend)."""
    with migrated_db.engine.connect() as connection:
        value = connection.execute(select(value_list(literal(42)))).scalar_one()
        assert read_list(value, 1, connection.dialect.name, int) == [42]


def _mysql_only(migrated_db: Any) -> None:
    if migrated_db.engine.dialect.name != "mysql":
        pytest.skip("group_concat_max_len is MariaDB's and MySQL's")


def test_a_list_longer_than_1024_bytes_is_whole_where_the_server_cuts_at_1024(migrated_db: Any) -> None:
    """Issue 8, S4: MySQL's default group_concat_max_len is 1,024 bytes (MariaDB's a megabyte; both
    can be set so by the server's administrator): the engine raises it for its own sessions, so
    1,500 unit ids (about 7 KB) come back as one whole value, not cut and read again row by row."""
    _mysql_only(migrated_db)
    with migrated_db.session_factory.begin() as session:
        session.execute(insert(OrgUnit), [{"name": f"E{n}", "depth": 0} for n in range(1500)])

    def server_default_of_mysql(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET SESSION group_concat_max_len = 1024")

    migrated_db.engine.dispose()
    # before the engine's own connect listener: as a fresh session on such a server starts
    event.listen(migrated_db.engine, "connect", server_default_of_mysql, insert=True)
    try:
        with migrated_db.engine.connect() as connection:
            ids = set(connection.scalars(select(OrgUnit.id)))
            count, units = connection.execute(select(func.count(), value_list(OrgUnit.id))).one()
    finally:
        event.remove(migrated_db.engine, "connect", server_default_of_mysql)
        migrated_db.engine.dispose()
    assert len(units) > 1024
    assert set(read_list(units, count, "mysql", int) or ()) == ids


def test_a_list_cut_inside_its_last_value_is_never_taken_for_whole(migrated_db: Any) -> None:
    """Issue 8, S4: where the server still cuts (a limit set per session by someone else), the cut is
    seen even when it falls inside the last value and the count still matches: 10 and 11 cut to
    "10,1" must not read as [10, 1]."""
    _mysql_only(migrated_db)
    values = union_all(select(literal(10).label("n")), select(literal(11).label("n"))).subquery()
    with migrated_db.engine.connect() as connection:
        connection.exec_driver_sql("SET SESSION group_concat_max_len = 4")
        try:
            count, cut = connection.execute(select(func.count(), value_list(values.c.n))).one()
        finally:
            connection.exec_driver_sql("SET SESSION group_concat_max_len = DEFAULT")
            connection.invalidate()  # no pooled connection keeps the short limit
    assert count == 2
    assert read_list(cut, count, "mysql", int) is None


def test_integer_rows_are_every_row_on_every_backend(migrated_db: Any) -> None:
    """Issue 8 (inherit_toggle on MariaDB): ``integer_rows`` returns the rows of a statement of ids,
    NULLs included, as the plain read does; none for an empty result."""
    with migrated_db.session_factory.begin() as session:
        session.execute(insert(OrgUnit), [{"name": f"E{n}", "depth": 0} for n in range(1500)])
        first = session.scalar(select(func.min(OrgUnit.id)))
        session.execute(update(OrgUnit).where(OrgUnit.id > first).values(parent_id=first))
    stmt = select(OrgUnit.id, OrgUnit.parent_id)
    with migrated_db.engine.connect() as connection:
        expected = {tuple(row) for row in connection.execute(stmt)}
        got = integer_rows(connection, stmt)
        empty = integer_rows(connection, stmt.where(OrgUnit.id < 0))
    assert len(got) == 1500
    assert {tuple(row) for row in got} == expected
    assert (first, None) in expected
    assert list(empty) == []


def test_integer_rows_cut_by_the_server_are_read_row_by_row(migrated_db: Any) -> None:
    """Issue 8, S4: where ``group_concat_max_len`` cuts the aggregated array (a limit set per session
    by someone else), the rows are read one by one instead, never a part of them taken for all."""
    _mysql_only(migrated_db)
    with migrated_db.session_factory.begin() as session:
        session.execute(insert(OrgUnit), [{"name": f"E{n}", "depth": 0} for n in range(200)])
    stmt = select(OrgUnit.id, OrgUnit.parent_id)
    with migrated_db.engine.connect() as connection:
        connection.exec_driver_sql("SET SESSION group_concat_max_len = 200")
        got = integer_rows(connection, stmt)
        expected = {tuple(row) for row in connection.execute(stmt)}
    assert len(got) == 200
    assert {tuple(row) for row in got} == expected


_AWKWARD_NAMES = ['Qu"ote', "Back\\slash", "Tab\there", "Zeile\nzwei", "Ümlaut ß", "emoji 🏢", "alpha", "Alpha", "'"]


def _awkward_units(migrated_db: Any) -> None:
    with migrated_db.session_factory.begin() as session:
        session.execute(
            insert(OrgUnit),
            [{"name": name, "depth": 0, "sort_order": n % 3} for n, name in enumerate(_AWKWARD_NAMES * 30)],
        )
        first = session.scalar(select(func.min(OrgUnit.id)))
        session.execute(update(OrgUnit).where(OrgUnit.id > first + 10).values(parent_id=first))


def test_ordered_rows_are_every_row_in_order_on_every_backend(migrated_db: Any) -> None:
    """Issue 8 (org_tree_expand_all on MariaDB), A4: ``ordered_rows`` returns the rows of ids, text
    and NULLs as the plain ordered read does, in the same order, text that JSON must escape
    included; none for an empty result."""
    _awkward_units(migrated_db)
    stmt = select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.name, OrgUnit.depth)
    order = (OrgUnit.parent_id, OrgUnit.sort_order, func.lower(OrgUnit.name), OrgUnit.id)
    with migrated_db.engine.connect() as connection:
        expected = [tuple(row) for row in connection.execute(stmt.order_by(*order))]
        got = ordered_rows(connection, stmt, order)
        empty = ordered_rows(connection, stmt.where(OrgUnit.id < 0), order)
    assert len(got) == len(_AWKWARD_NAMES) * 30
    assert [tuple(row) for row in got] == expected
    assert {row[2] for row in got} == set(_AWKWARD_NAMES)
    assert list(empty) == []


def test_ordered_rows_cut_by_the_server_are_read_row_by_row(migrated_db: Any) -> None:
    """Issue 8, S4: where ``group_concat_max_len`` cuts the aggregated array, the rows are read one by
    one instead, in order, never a part of them taken for all."""
    _mysql_only(migrated_db)
    _awkward_units(migrated_db)
    stmt = select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.name)
    order = (OrgUnit.parent_id, OrgUnit.sort_order, func.lower(OrgUnit.name), OrgUnit.id)
    with migrated_db.engine.connect() as connection:
        expected = [tuple(row) for row in connection.execute(stmt.order_by(*order))]
        for limit in (4, 60, 200, 1000):
            connection.exec_driver_sql(f"SET SESSION group_concat_max_len = {limit}")
            assert [tuple(row) for row in ordered_rows(connection, stmt, order)] == expected
        connection.invalidate()  # no pooled connection keeps the short limit
