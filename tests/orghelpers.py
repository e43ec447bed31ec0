"""Helpers for the org unit tests: a small tree of units and the internal user mia, written directly."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from mandant_desktop.db.models import OrgUnit, Role, User, UserKind, UserStatus


def add_units_and_mia(
    session: Session, units: Iterable[tuple[str, str | None, int]]
) -> tuple[dict[str, int], dict[str, int], int]:
    """Add ``units`` (name, parent's name, depth; parents first) and the internal user mia; returns
    the units' ids by name, the predefined roles' ids by key and mia's id."""
    unit: dict[str, int] = {}
    for name, parent, depth in units:
        row = OrgUnit(name=name, parent_id=unit.get(parent or ""), depth=depth)
        session.add(row)
        session.flush()
        unit[name] = row.id
    mia = User(
        username="mia",
        username_key="mia",
        first_name="Mia",
        last_name="Muster",
        kind=UserKind.INTERNAL,
        status=UserStatus.ACTIVE,
    )
    session.add(mia)
    session.flush()
    role = {r.predefined_key: r.id for r in session.scalars(select(Role)) if r.predefined_key}
    return unit, role, mia.id
