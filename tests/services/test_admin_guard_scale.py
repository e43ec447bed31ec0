"""The guard-rail needs to know only whether administrators exist (S2), and finds that out without
reading every assignment (issue 8: seconds at 1,000,000 assignments, for every change)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from mandant_desktop.db.models import OrgUnit, Role, RoleAssignment, RolePermission, User, UserKind, UserStatus
from mandant_desktop.domain.permissions import ADMIN_CODES
from mandant_desktop.services.admin_guard import administrator_ids, some_administrators


def _user(session: Any, name: str, status: UserStatus = UserStatus.ACTIVE) -> int:
    user = User(username=name, username_key=name, kind=UserKind.INTERNAL, status=status)
    session.add(user)
    session.flush()
    return user.id


def _role(session: Any, name: str, codes: list[str]) -> int:
    role = Role(name=name, name_key=name.lower())
    session.add(role)
    session.flush()
    session.add_all(RolePermission(role_id=role.id, permission_code=code) for code in codes)
    return role.id


def test_some_administrators_is_empty_exactly_when_there_are_none(migrated_db: Any) -> None:
    """S2: a holder of the Administrator role answers at once; administrators by a combination of
    roles are still found; a deactivated holder is no administrator; nobody, nothing."""
    with migrated_db.session_factory.begin() as session:
        unit = OrgUnit(name="Zentrale", depth=0)
        session.add(unit)
        session.flush()
        assert some_administrators(session) == administrator_ids(session) == frozenset()

        codes = sorted(ADMIN_CODES)
        first, second = _role(session, "Halb A", codes[::2]), _role(session, "Halb B", codes[1::2])
        both = _user(session, "beides")
        session.add_all(RoleAssignment(user_id=both, org_unit_id=unit.id, role_id=r) for r in (first, second))
        session.flush()
        assert some_administrators(session) == administrator_ids(session) == {both}

        admin_role = session.scalar(select(Role.id).where(Role.predefined_key == "administrator"))
        gone = _user(session, "weg", UserStatus.DEACTIVATED)
        session.add(RoleAssignment(user_id=gone, org_unit_id=unit.id, role_id=admin_role))
        session.flush()
        assert some_administrators(session) == {both}

        admin = _user(session, "chefin")
        session.add(RoleAssignment(user_id=admin, org_unit_id=unit.id, role_id=admin_role))
        session.flush()
        found = some_administrators(session)
        assert found and found <= administrator_ids(session) == {both, admin}
