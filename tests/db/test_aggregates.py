"""``value_list``: a group's values as one aggregated column on every backend (issue 8's
``effective_permissions`` reads a role's 5,000 units as one value)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, insert, literal, select

from mandant_desktop.db.aggregates import read_list, value_list
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
