"""Roles and their permissions (SPEC R1, R2).

A change to a role applies to every holder of the role in every unit; :meth:`RolesService.impact`
says how many users and units that is, so the page can say it before and after a change. Every
change raises the role's version, so two workstations ticking the same role meet a conflict
instead of overwriting each other (S4).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from mandant_desktop.db.catalogue import restore_predefined_role_permissions
from mandant_desktop.db.models import Role, RoleAssignment, RolePermission, User, utcnow
from mandant_desktop.domain import validation
from mandant_desktop.domain.errors import NotFoundError, ValidationError
from mandant_desktop.domain.permissions import ADMIN_CODES, PREDEFINED_BY_KEY
from mandant_desktop.services.admin_guard import lock_administrators, require_administrators_remain
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.unit_of_work import UnitOfWork
from mandant_desktop.services.unit_tree import unit_paths

ROLE_NAME_MAX = 100
#: direct assignments listed in the delete question; the rest are counted
SAMPLE_SIZE = 15


@dataclass(frozen=True, slots=True)
class RoleSummary:
    id: int
    name: str
    description: str
    predefined_key: str | None
    version: int
    permission_count: int


@dataclass(frozen=True, slots=True)
class RoleImpact:
    """Who a change of the role reaches: its holders and the units they hold it in."""

    users: int
    units: int
    assignments: int
    #: users whose only role anywhere is this one: deleting the role would lock them out (R3)
    users_left_without_role: tuple[str, ...] = ()
    #: the first assignments that go with the role, as (user, org-unit path), for the delete question
    sample: tuple[tuple[str, str], ...] = ()


def require_known_codes(codes: Iterable[str]) -> None:
    """Refuse permission codes that are no role permission (R1): a typo or a portal permission
    must not vanish silently from what the caller asked for."""
    unknown = sorted({code for code in codes if code not in ADMIN_CODES})
    if unknown:
        raise ValidationError("Unknown permission: {code}.", code=", ".join(unknown))


class RolesService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    def list_roles(self, operator: Operator) -> list[RoleSummary]:
        """All roles, the newest first (R1: a new role is at the top of the list)."""
        operator.require("roles.view")
        counts = select(RolePermission.role_id, func.count().label("n")).group_by(RolePermission.role_id).subquery()
        with UnitOfWork(self._factory, operator, write=False) as uow:
            rows = uow.session.execute(
                select(
                    Role.id,
                    Role.name,
                    Role.description,
                    Role.predefined_key,
                    Role.version,
                    func.coalesce(counts.c.n, 0),
                )
                .outerjoin(counts, counts.c.role_id == Role.id)
                .order_by(Role.created_at.desc(), Role.id.desc())
            ).all()
        return [RoleSummary(*row) for row in rows]

    def permissions(self, operator: Operator, role_id: int) -> frozenset[str]:
        operator.require("roles.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return frozenset(
                uow.session.scalars(select(RolePermission.permission_code).where(RolePermission.role_id == role_id))
            )

    def permission_codes(self, operator: Operator) -> dict[int, frozenset[str]]:
        """Every role's permission codes, in one query (the roles page searches them, R1, E2)."""
        operator.require("roles.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            rows = uow.session.execute(select(RolePermission.role_id, RolePermission.permission_code)).all()
        codes: dict[int, set[str]] = {}
        for role_id, code in rows:
            codes.setdefault(role_id, set()).add(code)
        return {role_id: frozenset(held) for role_id, held in codes.items()}

    def impact(self, operator: Operator, role_id: int, *, name_users_left_without_role: bool = False) -> RoleImpact:
        """Holders of the role; with ``name_users_left_without_role`` also who would have no role
        anywhere without it (for the delete question: a slower query on large databases)."""
        operator.require("roles.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return _impact(uow.session, role_id, name_users_left_without_role)

    # ------------------------------------------------------------------ changes

    def set_permission(
        self, operator: Operator, role_id: int, code: str, granted: bool, *, expected_version: int | None = None
    ) -> int:
        """Tick or untick one permission; saved at once (R1). Returns the role's new version."""
        return self.set_permissions(operator, role_id, {code: granted}, expected_version=expected_version)

    def set_permissions(
        self, operator: Operator, role_id: int, changes: dict[str, bool], *, expected_version: int | None = None
    ) -> int:
        operator.require("roles.edit")
        require_known_codes(changes)
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            admins = lock_administrators(session)  # first: unticking may take the last admin's rights (S2)
            role = uow.load(Role, role_id, expected_version=expected_version)
            present = set(
                session.scalars(select(RolePermission.permission_code).where(RolePermission.role_id == role_id))
            )
            for code, granted in sorted(changes.items()):
                if granted and code not in present:
                    session.add(RolePermission(role_id=role_id, permission_code=code))
                elif not granted and code in present:
                    row = session.get(RolePermission, (role_id, code))
                    if row is not None:
                        session.delete(row)
            role.updated_at = utcnow()  # raises the version: the role as a whole changed
            require_administrators_remain(session, admins)
            uow.commit()
            return role.version

    def create(self, operator: Operator, name: str, *, permissions: Collection[str] = frozenset()) -> int:
        """A new role with ``permissions``; a code the catalogue does not know is refused, nothing
        is written (R1)."""
        operator.require("roles.edit")
        clean = validation.clean_name(name, field="role name", max_length=ROLE_NAME_MAX)
        require_known_codes(permissions)
        with UnitOfWork(self._factory, operator) as uow:
            _require_free_name(uow.session, clean)
            role = Role(name=clean, name_key=validation.name_key(clean), description="", created_at=utcnow())
            uow.session.add(role)
            uow.session.flush()
            for code in sorted(set(permissions)):
                uow.session.add(RolePermission(role_id=role.id, permission_code=code))
            uow.commit()
            return role.id

    def rename(self, operator: Operator, role_id: int, name: str, *, expected_version: int | None = None) -> None:
        operator.require("roles.edit")
        clean = validation.clean_name(name, field="role name", max_length=ROLE_NAME_MAX)
        with UnitOfWork(self._factory, operator) as uow:
            role = uow.load(Role, role_id, expected_version=expected_version)
            if role.name == clean:
                return
            _require_free_name(uow.session, clean, except_id=role_id)
            role.name = clean
            role.name_key = validation.name_key(clean)
            uow.commit()

    def duplicate(self, operator: Operator, role_id: int, name: str) -> int:
        """A new role with the permissions of ``role_id`` (beyond the manual: a "save as")."""
        operator.require("roles.edit")
        codes = self.permissions(operator, role_id)
        return self.create(operator, name, permissions=codes)

    def delete(self, operator: Operator, role_id: int, *, expected_version: int | None = None) -> int:
        """Delete the role and its assignments; returns how many assignments went with it."""
        operator.require("roles.delete")
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            admins = lock_administrators(session)
            role = uow.load(Role, role_id, expected_version=expected_version)
            rows = session.execute(
                select(RoleAssignment.id, RoleAssignment.user_id, RoleAssignment.org_unit_id).where(
                    RoleAssignment.role_id == role_id
                )
            ).all()
            if rows:
                with uow.watch(RoleAssignment, RoleAssignment.role_id == role_id):
                    session.execute(delete(RoleAssignment).where(RoleAssignment.role_id == role_id))
                uow.audit_many(
                    (
                        {
                            "object_type": "RoleAssignment",
                            "object_id": f"{row.user_id}:{row.org_unit_id}:{role_id}",
                            "action": "delete",
                            # the ids, which the log names (S3), as every other removed assignment's
                            "changes": {
                                "user_id": [row.user_id, None],
                                "org_unit_id": [row.org_unit_id, None],
                                "role_id": [role_id, None],
                            },
                            "summary": f"role {role.name} deleted",
                        }
                        for row in rows
                    ),
                    recorded=True,
                )
            with uow.watch(RolePermission, RolePermission.role_id == role_id):
                session.execute(delete(RolePermission).where(RolePermission.role_id == role_id))
            session.delete(role)
            require_administrators_remain(session, admins)
            uow.commit()
            return len(rows)

    def restore_defaults(self, operator: Operator, role_id: int, *, expected_version: int | None = None) -> None:
        """Give a predefined role its shipped permissions again (R2); the name stays."""
        operator.require("roles.edit")
        with UnitOfWork(self._factory, operator) as uow:
            admins = lock_administrators(uow.session)
            role = uow.load(Role, role_id, expected_version=expected_version)
            key = role.predefined_key
            if key is None or key not in PREDEFINED_BY_KEY:
                raise ValidationError("Only the predefined roles have defaults to restore.")
            with uow.watch(RolePermission, RolePermission.role_id == role_id):
                result = restore_predefined_role_permissions(
                    uow.session.connection(), key, operator_name=operator.username
                )
            if result.before != result.after:
                uow.audit(
                    "Role",
                    role_id,
                    "update",
                    changes={"permissions": [sorted(result.before), sorted(result.after)]},
                    summary="defaults restored",
                    recorded=True,
                )
            require_administrators_remain(uow.session, admins)
            uow.commit()


def _require_free_name(session: Session, name: str, *, except_id: int | None = None) -> None:
    stmt = select(Role.id).where(Role.name_key == validation.name_key(name))
    if except_id is not None:
        stmt = stmt.where(Role.id != except_id)
    if session.scalar(stmt) is not None:
        raise ValidationError("A role named {name} exists already.", field="role name", name=name)


def _impact(session: Session, role_id: int, name_alone: bool) -> RoleImpact:
    if session.get(Role, role_id) is None:
        raise NotFoundError("The role no longer exists. Reload the list.")
    users, units, count = session.execute(
        select(
            func.count(func.distinct(RoleAssignment.user_id)),
            func.count(func.distinct(RoleAssignment.org_unit_id)),
            func.count(),
        ).where(RoleAssignment.role_id == role_id)
    ).one()
    if not name_alone:
        return RoleImpact(users=users or 0, units=units or 0, assignments=count or 0)
    # NOT EXISTS, not NOT IN: PostgreSQL cannot make an anti-join of NOT IN (a NULL would change
    # its answer), and once the other roles' user ids outgrow work_mem it read them all again for
    # every holder: 92 s for a role of 3,000 users among 1,000,000 assignments (issue 8).
    other = aliased(RoleAssignment)
    has_another_role = exists().where(other.user_id == User.id, other.role_id != role_id)
    alone = session.execute(
        select(User.first_name, User.last_name, User.username)
        .where(
            User.id.in_(select(RoleAssignment.user_id).where(RoleAssignment.role_id == role_id)),
            ~has_another_role,
        )
        .order_by(User.last_name, User.first_name)
        .limit(50)
    ).all()
    names = tuple(f"{first} {last}".strip() or username for first, last, username in alone)
    paths, _order = unit_paths(session)
    sample = tuple(
        (f"{first} {last}".strip() or username, paths.get(unit_id, ""))
        for first, last, username, unit_id in session.execute(
            select(User.first_name, User.last_name, User.username, RoleAssignment.org_unit_id)
            .join(User, User.id == RoleAssignment.user_id)
            .where(RoleAssignment.role_id == role_id, RoleAssignment.inherited_from_id.is_(None))
            .order_by(User.last_name, User.first_name, RoleAssignment.org_unit_id)
            .limit(SAMPLE_SIZE)
        )
    )
    return RoleImpact(
        users=users or 0,
        units=units or 0,
        assignments=count or 0,
        users_left_without_role=names,
        sample=sample,
    )


__all__ = ["RoleImpact", "RoleSummary", "RolesService"]
