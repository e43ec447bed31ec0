"""The last-administrator guard-rail in the database (SPEC S2, S4).

Every change that can take administrator rights away (removing a role, unticking a permission,
deleting a role, deactivating a user) calls :func:`lock_administrators` as the FIRST statement of
its transaction and :func:`require_administrators_remain` after its writes, before the commit.

The lock is a ``SELECT … FOR UPDATE`` of the Administrator role's row, one row that every such
change takes on PostgreSQL and MariaDB; two workstations therefore take turns, and the second one
counts after the first one has committed. It comes first because MariaDB's REPEATABLE READ fixes
its snapshot at the transaction's first plain read. SQLite serialises every writing unit of work
already (BEGIN IMMEDIATE).
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mandant_desktop.db.models import Role, RoleAssignment, RolePermission, User, UserKind, UserStatus
from mandant_desktop.domain.delegation import check_administrators_remain
from mandant_desktop.domain.permissions import ADMIN_CODES, PREDEFINED_BY_KEY


def lock_administrators(session: Session) -> frozenset[int]:
    """Serialise invariant-sensitive changes and return administrators before the change (some of
    them: see :func:`some_administrators`)."""
    take_change_lock(session)
    return some_administrators(session)


def take_change_lock(session: Session) -> int | None:
    """Only the lock of :func:`lock_administrators`; the id of the Administrator role, if it exists."""
    key = PREDEFINED_BY_KEY["administrator"].key
    locked = session.scalar(select(Role.id).where(Role.predefined_key == key).with_for_update())
    if locked is None:
        # The predefined role was deleted: the lowest role id serves as the lock instead.
        session.scalar(select(Role.id).order_by(Role.id).limit(1).with_for_update())
    return locked


def some_administrators(session: Session) -> frozenset[int]:
    """Administrators, as many as it takes to know whether there are any: the guard-rail asks
    only that (S2). Usually one holder of a role that grants every admin permission by itself,
    found through the role's index; only when nobody holds such a role are combinations of roles
    counted, which reads every assignment (seconds at 1,000,000 of them, issue 8)."""
    complete_roles = (
        select(RolePermission.role_id)
        .where(RolePermission.permission_code.in_(sorted(ADMIN_CODES)))
        .group_by(RolePermission.role_id)
        .having(func.count(func.distinct(RolePermission.permission_code)) == len(ADMIN_CODES))
    )
    holder = session.scalar(
        select(RoleAssignment.user_id)
        .join(User, User.id == RoleAssignment.user_id)
        .where(
            RoleAssignment.role_id.in_(complete_roles),
            User.kind == UserKind.INTERNAL,
            User.status == UserStatus.ACTIVE,
        )
        .limit(1)
    )
    return frozenset({holder}) if holder is not None else administrator_ids(session)


def administrators_if_at_risk(
    session: Session, admin_role: int | None, users: Collection[int]
) -> frozenset[int] | None:
    """For a change that touches only the assignments of ``users``: None when an active internal user
    outside them holds the Administrator role with every admin permission (their rights cannot
    change, so an administrator is sure to remain; two small queries); else the administrators
    before the change, for :func:`require_administrators_remain` (the full count, which reads
    every assignment and takes seconds at a million rows)."""
    if admin_role is not None:
        codes = set(session.scalars(select(RolePermission.permission_code).where(RolePermission.role_id == admin_role)))
        if codes >= ADMIN_CODES:
            other = session.scalar(
                select(RoleAssignment.user_id)
                .join(User, User.id == RoleAssignment.user_id)
                .where(
                    RoleAssignment.role_id == admin_role,
                    User.kind == UserKind.INTERNAL,
                    User.status == UserStatus.ACTIVE,
                    RoleAssignment.user_id.not_in(sorted(users)),
                )
                .limit(1)
            )
            if other is not None:
                return None
    return administrator_ids(session)


def administrator_ids(session: Session) -> frozenset[int]:
    """Active internal users whose roles (in any unit) hold every admin permission. One query.

    Each user's distinct roles first, then their codes (as the log-in's ``operator_permissions``):
    joined with every assignment, the codes made 6.4 million rows to count at 1,000,000
    assignments, against 174,000 this way (issue 8; the large demo, answers the same: SQLite 31-39 s
    → 1.1-2.0 s, PostgreSQL 6.6-18 s → 1.0-1.2 s, MariaDB 16-39 s → 4.7-15 s, under load)."""
    held = select(RoleAssignment.user_id, RoleAssignment.role_id).distinct().subquery()
    stmt = (
        select(held.c.user_id)
        .join(RolePermission, RolePermission.role_id == held.c.role_id)
        .join(User, User.id == held.c.user_id)
        .where(
            User.kind == UserKind.INTERNAL,
            User.status == UserStatus.ACTIVE,
            RolePermission.permission_code.in_(sorted(ADMIN_CODES)),
        )
        .group_by(held.c.user_id)
        .having(func.count(func.distinct(RolePermission.permission_code)) == len(ADMIN_CODES))
    )
    return frozenset(session.scalars(stmt))


def require_administrators_remain(session: Session, before: frozenset[int]) -> None:
    """After the change's writes: refuse (and so roll back) when no administrator is left."""
    session.flush()
    check_administrators_remain(before, some_administrators(session))
