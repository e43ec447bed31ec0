"""Role assignment, standard view: the units × users grid, single changes and bulk edit (SPEC A1, A2).

Delegated administration (S1): an operator changes assignments only in the units where they hold
``assignments.assign`` themselves (roles are per unit, so that is where one of their roles with
that permission is assigned, directly or by inheritance). The check is made here, for every unit a
change touches.

Inheritance (A4-A10) is edited on the org-units page. This view shows inherited roles as such and
never changes them: a unit whose roles reach the user by inheritance takes no direct role (A6),
and an inherited role is not removed here (A7).

Every change is returned as a :class:`ChangeSet` of the exact rows added and removed, which
:meth:`AssignmentsService.revert` undoes as a whole (E7).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import ARRAY, ColumnElement, Integer, Select, and_, bindparam, func, select, tuple_
from sqlalchemy.orm import Session, aliased, sessionmaker

from mandant_desktop.db import bulk, tables, user_order
from mandant_desktop.db.models import OrgUnit, Role, RoleAssignment, RolePermission, User, UserKind, utcnow
from mandant_desktop.domain.delegation import roles_beyond_reach
from mandant_desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from mandant_desktop.services.admin_guard import lock_administrators, require_administrators_remain
from mandant_desktop.services.exports import PathArg, Translate, export_assignments
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.progress import CancelCheck, CountProgress, OperationCancelledError
from mandant_desktop.services.undo_conflicts import changed_error, same_row_written
from mandant_desktop.services.unit_of_work import UnitOfWork
from mandant_desktop.services.unit_tree import TreeUnit, unit_tree

#: rows per INSERT / DELETE statement and per progress report and cancel check. One statement of
#: 10,000 rows takes about 0.1 s on PostgreSQL (ticking inheritance at the root writes as many), so
#: a change of up to 10,000 rows is one statement, and a larger one still answers cancel quickly.
CHUNK = 10_000
#: the columns of an assignment row written by the services, read straight from an AssignmentRow
ASSIGNMENT_COLUMNS = ("user_id", "org_unit_id", "role_id", "inherited_from_id", "created_at", "created_by")
_ASSIGNMENTS = tables.role_assignment
#: at most this many ids in one IN list (SQLite's and MariaDB's limits are far above it)
_IN_CHUNK = 900


#: a row of the grid: an org unit with its path (id, name, path, depth). A named tuple of plain
#: values, like :class:`GridUser`: the garbage collector stops tracking such tuples, which matters
#: with 5,000 units and 10,000 users loaded (section 8).
GridUnit = TreeUnit


class GridUser(NamedTuple):
    """A column of the grid: an internal user."""

    id: int
    display_name: str
    username: str
    email: str | None


@dataclass(frozen=True, slots=True)
class Chip:
    """One role of a user in a unit; ``inherited_from`` is the unit it came from, if inherited."""

    role_id: int
    role_name: str
    inherited_from: int | None = None

    @property
    def inherited(self) -> bool:
        return self.inherited_from is not None


@dataclass(frozen=True, slots=True)
class RoleChoice:
    id: int
    name: str
    permission_count: int


@dataclass(frozen=True, slots=True)
class GridStart:
    """What the grid page shows first (see :meth:`AssignmentsService.grid`)."""

    units: list[GridUnit]
    users: list[GridUser]
    roles: list[RoleChoice]
    #: units where the operator may assign; None: every unit
    assignable: frozenset[int] | None
    #: the cells of the first block, ``(unit_id, user_id)`` → chips
    cells: dict[tuple[int, int], list[Chip]]


#: (user_id, org_unit_id, role_id)
Key = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    """A row as it was, so that it can be put back exactly."""

    user_id: int
    org_unit_id: int
    role_id: int
    inherited_from_id: int | None
    created_at: dt.datetime
    created_by: str | None

    @property
    def key(self) -> Key:
        return (self.user_id, self.org_unit_id, self.role_id)


def new_assignment_rows(
    rows: Iterable[tuple[int, int, int, int | None]], created_at: dt.datetime, created_by: str | None
) -> list[AssignmentRow]:
    """``AssignmentRow(user, unit, role, source, created_at, created_by)`` for each of ``rows``,
    equal to what the constructor makes, at a third of its cost: the frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__``, here the fields' slot descriptors
    are called directly. Ticking inheritance at the root of 5,000 units makes 10,000 (issue 8)."""
    new = object.__new__
    user_id, org_unit_id, role_id, inherited_from_id, at, by = _SLOT_SETTERS
    made: list[AssignmentRow] = []
    append = made.append
    for user, unit, role, source in rows:
        row = new(AssignmentRow)
        user_id(row, user)
        org_unit_id(row, unit)
        role_id(row, role)
        inherited_from_id(row, source)
        at(row, created_at)
        by(row, created_by)
        append(row)
    return made


#: the ``__set__`` of each field's slot, in ASSIGNMENT_COLUMNS' order (the fields, checked at import)
_SLOT_SETTERS = tuple(getattr(AssignmentRow, name).__set__ for name in ASSIGNMENT_COLUMNS)
if tuple(AssignmentRow.__dataclass_fields__) != ASSIGNMENT_COLUMNS:  # a field added: new_assignment_rows too
    raise TypeError("AssignmentRow's fields are not ASSIGNMENT_COLUMNS")


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """What one operation did: the rows it added (as it wrote them) and the rows it removed."""

    created: tuple[AssignmentRow, ...] = ()
    removed: tuple[AssignmentRow, ...] = ()
    #: when the change was made: a refused undo looks in the audit log from here for the change
    #: that stands in its way (S3, S4)
    at: dt.datetime | None = None
    #: for the change set of an undo or redo: the rows of the change taken back that it left as
    #: they are now, changed elsewhere in the meantime — removed since (of those the change added)
    #: or there again (of those it removed); the page says so (E7)
    kept: int = 0

    @property
    def added(self) -> tuple[Key, ...]:
        """The keys of the rows it added."""
        return tuple(row.key for row in self.created)

    @property
    def size(self) -> int:
        return len(self.created) + len(self.removed)


@dataclass(frozen=True, slots=True)
class BulkEdit:
    """N roles × M users × K units, to add or to remove (A2)."""

    remove: bool
    role_ids: tuple[int, ...]
    user_ids: tuple[int, ...]
    unit_ids: tuple[int, ...]

    @property
    def combinations(self) -> int:
        return len(self.role_ids) * len(self.user_ids) * len(self.unit_ids)


@dataclass(frozen=True, slots=True)
class BulkPreview:
    to_add: int = 0
    already_present: int = 0
    to_remove: int = 0
    not_present: int = 0
    #: combinations left alone because the user's roles in that unit are inherited (A6, A7)
    inherited_skipped: int = 0
    #: users who would hold no role in any unit afterwards and so could not log in (R3)
    users_left_without_role: tuple[str, ...] = ()

    @property
    def changes(self) -> int:
        return self.to_add + self.to_remove


@dataclass
class _Plan:
    adds: list[Key] = field(default_factory=list)
    removes: list[AssignmentRow] = field(default_factory=list)
    present: int = 0
    absent: int = 0
    inherited: int = 0
    left_without: list[str] = field(default_factory=list)


def _chunks(items: Sequence[Any], size: int = _IN_CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


#: parameters per read of rows by key on SQLite and MariaDB (SQLite takes at most 32,766): three
#: per key and one per distinct user, so a change of 10,000 rows for a few users is one read
_PARAMETERS_PER_READ = 32_000


def _with_keys(session: Session, stmt: Select[*tuple[Any, ...]], keys: Sequence[Key]) -> list[Any]:
    """``stmt`` (on ``role_assignment``) restricted to the rows with these (user, unit, role) keys.

    On PostgreSQL one statement joined to the keys as arrays (``unnest``), whatever their number;
    elsewhere one statement per 32,000 parameters (about 10,000 keys of a few users)."""
    if not keys:
        return []
    ra = RoleAssignment
    if session.get_bind().dialect.name == "postgresql":
        users, units, roles = (list(column) for column in zip(*keys, strict=True))
        given = (
            func.unnest(
                bindparam("users", users, type_=ARRAY(Integer)),
                bindparam("units", units, type_=ARRAY(Integer)),
                bindparam("roles", roles, type_=ARRAY(Integer)),
            )
            .table_valued("u", "n", "r")
            .render_derived(name="k")
        )
        return list(
            session.execute(
                stmt.join(given, and_(ra.user_id == given.c.u, ra.org_unit_id == given.c.n, ra.role_id == given.c.r))
            )
        )
    return [row for chunk in _key_chunks(keys) for row in session.execute(stmt.where(_keys_clause(chunk)))]


def _key_chunks(keys: Sequence[Key]) -> Iterable[list[Key]]:
    """``keys`` by user, in pieces of at most :data:`_PARAMETERS_PER_READ` parameters of
    :func:`_keys_clause` (three per key, one per distinct user)."""
    chunk: list[Key] = []
    parameters = 0
    for key in sorted(keys):
        cost = 3 + (not chunk or chunk[-1][0] != key[0])
        if chunk and parameters + cost > _PARAMETERS_PER_READ:
            yield chunk
            chunk, parameters, cost = [], 0, 4
        chunk.append(key)
        parameters += cost
    if chunk:
        yield chunk


def _keys_clause(keys: Sequence[Key]) -> ColumnElement[bool]:
    """Rows with exactly these (user, unit, role) keys. The plain IN on the users lets every backend
    use the index that starts with user_id; the row-value IN alone makes SQLite scan the table."""
    users = sorted({key[0] for key in keys})
    return and_(
        RoleAssignment.user_id.in_(users),
        tuple_(RoleAssignment.user_id, RoleAssignment.org_unit_id, RoleAssignment.role_id).in_(list(keys)),
    )


def refused_grants(session: Session, operator: Operator, adds: Sequence[Key]) -> list[tuple[int, int]]:
    """Delegation (S1): the (unit, role) pairs of ``adds`` the operator may not grant, because a role is
    granted in a unit only by an operator who holds every one of its permissions in that unit
    (through a direct or an inherited assignment). Two queries, whatever the number of rows."""
    if operator.is_system or not adds:
        return []
    units = sorted({key[1] for key in adds})
    roles = sorted({key[2] for key in adds})
    # The operator's roles per unit, and each role's codes once: not every (unit, code) pair, which
    # for an administrator is 34 rows per unit (issue 8).
    roles_in: dict[int, set[int]] = {}
    for unit_chunk in _chunks(units):
        for unit, held_role in session.execute(
            select(RoleAssignment.org_unit_id, RoleAssignment.role_id).where(
                RoleAssignment.user_id == operator.id, RoleAssignment.org_unit_id.in_(unit_chunk)
            )
        ):
            roles_in.setdefault(unit, set()).add(held_role)
    codes: dict[int, set[str]] = {role: set() for role in roles}
    codes.update((role, set()) for held_roles in roles_in.values() for role in held_roles)
    for role, code in session.execute(
        select(RolePermission.role_id, RolePermission.permission_code).where(RolePermission.role_id.in_(sorted(codes)))
    ):
        codes[role].add(code)
    by_roles: dict[frozenset[int], frozenset[str]] = {}
    for held_roles in roles_in.values():
        key = frozenset(held_roles)
        if key not in by_roles:
            by_roles[key] = frozenset().union(*(codes[role] for role in key))
    refused = roles_beyond_reach(
        {unit: by_roles[frozenset(held_roles)] for unit, held_roles in roles_in.items()},
        {role: frozenset(codes[role]) for role in roles},
        units,
    )
    wanted = {(key[1], key[2]) for key in adds}
    return [pair for pair in refused if pair in wanted]


def units_with_permission(operator: Operator, permission: str) -> Select[int]:
    """The units in which ``operator`` holds ``permission`` through one of their roles there (S1)."""
    held = aliased(RoleAssignment)
    return (
        select(held.org_unit_id)
        .join(RolePermission, RolePermission.role_id == held.role_id)
        .where(held.user_id == operator.id, RolePermission.permission_code == permission)
        .distinct()
    )


def _grid_units(session: Session) -> list[GridUnit]:
    return unit_tree(session)


def _grid_users(session: Session) -> list[GridUser]:
    # The users list's name order (db/user_order.py), which the index on (kind, name keys, id)
    # holds as it is: read in index order, no sort. The order before left the username out, so
    # every backend sorted the 10,000 users for each opening of the grid (issue 8).
    stmt = (
        select(User.id, User.first_name, User.last_name, User.username, User.email)
        .where(User.kind == UserKind.INTERNAL)
        .order_by(*user_order.name_keys(session.get_bind().dialect.name), User.id)
    )
    # The driver's own tuples, fetched at once (as access._users does): SQLAlchemy's rows, fetched
    # one by one, took as long as the query at 10,000 users (issue 8).
    result = session.connection().execute(stmt)
    rows = result.cursor.fetchall() if result.cursor is not None else []
    result.close()
    return [
        GridUser(user_id, f"{first} {last}".strip() or username, username, email)
        for user_id, first, last, username, email in rows
    ]


def _role_choices(session: Session) -> list[RoleChoice]:
    counts = select(RolePermission.role_id, func.count().label("n")).group_by(RolePermission.role_id).subquery()
    rows = session.execute(
        select(Role.id, Role.name, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.role_id == Role.id)
        .order_by(func.lower(Role.name))
    ).all()
    return [RoleChoice(*row) for row in rows]


def _cells(session: Session, unit_ids: Collection[int], user_ids: Collection[int]) -> dict[tuple[int, int], list[Chip]]:
    stmt = (
        select(RoleAssignment.org_unit_id, RoleAssignment.user_id, Role.id, Role.name, RoleAssignment.inherited_from_id)
        .join(Role, Role.id == RoleAssignment.role_id)
        .where(RoleAssignment.org_unit_id.in_(list(unit_ids)), RoleAssignment.user_id.in_(list(user_ids)))
        .order_by(func.lower(Role.name))
    )
    result: dict[tuple[int, int], list[Chip]] = {}
    for unit, user, role_id, name, source in session.connection().execute(stmt):
        result.setdefault((unit, user), []).append(Chip(role_id, name, source))
    return result


def _assignable(session: Session, operator: Operator) -> frozenset[int]:
    return frozenset(session.scalars(units_with_permission(operator, "assignments.assign")))


def _first(items: Sequence[GridUnit] | Sequence[GridUser], wanted: Collection[int] | None, count: int) -> list[int]:
    """The ids of the first ``count`` of ``items`` that the filter ``wanted`` lets through (all if None)."""
    if wanted is None or not wanted:
        return [item.id for item in items[:count]]
    keep = set(wanted)
    return [item.id for item in items if item.id in keep][:count]


class AssignmentsService:
    def __init__(self, session_factory: sessionmaker[Session], *, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self._factory = session_factory
        self._now = clock

    # ------------------------------------------------------------------ reading the grid

    def units(self, operator: Operator, unit_ids: Collection[int] | None = None) -> list[GridUnit]:
        """The org units in tree order (rows of the grid), all or ``unit_ids``. One query."""
        operator.require("assignments.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            units = _grid_units(uow.session)
        if unit_ids is None:
            return units
        wanted = set(unit_ids)
        return [u for u in units if u.id in wanted]

    def users(self, operator: Operator, user_ids: Collection[int] | None = None) -> list[GridUser]:
        """The internal users (columns of the grid), by name; all or ``user_ids``. One query."""
        operator.require("assignments.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            users = _grid_users(uow.session)
        if user_ids is None:
            return users
        wanted = set(user_ids)
        return [u for u in users if u.id in wanted]

    def roles(self, operator: Operator) -> list[RoleChoice]:
        """The roles with their permission counts, by name (the role pickers)."""
        operator.require("assignments.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return _role_choices(uow.session)

    def cells(
        self, operator: Operator, unit_ids: Collection[int], user_ids: Collection[int]
    ) -> dict[tuple[int, int], list[Chip]]:
        """The chips of a window of the grid: ``(unit_id, user_id)`` → roles. One query."""
        operator.require("assignments.view")
        if not unit_ids or not user_ids:
            return {}
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return _cells(uow.session, unit_ids, user_ids)

    def assignable_units(self, operator: Operator) -> frozenset[int] | None:
        """Units where the operator may assign (S1); None means every unit (the system operator)."""
        if operator.is_system or not operator.can("assignments.assign"):
            return None if operator.is_system else frozenset()
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return _assignable(uow.session, operator)

    def grid(
        self,
        operator: Operator,
        *,
        block: tuple[int, int],
        unit_ids: Collection[int] | None = None,
        user_ids: Collection[int] | None = None,
    ) -> GridStart:
        """Everything the page needs to show the grid, in one read-only unit of work (A1, section 8):
        all units and users (the axes and the pickers), the roles, where the operator may assign,
        and the cells of the top-left ``block`` (rows, columns) of the grid as the filter
        ``unit_ids`` / ``user_ids`` shows it — the first screen, so that it paints without another
        query. Five queries whatever the size."""
        operator.require("assignments.view")
        rows, columns = block
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            units = _grid_units(session)
            users = _grid_users(session)
            roles = _role_choices(session)
            assignable: frozenset[int] | None
            if operator.is_system or not operator.can("assignments.assign"):
                assignable = None if operator.is_system else frozenset()
            else:
                assignable = _assignable(session, operator)
            shown_units = _first(units, unit_ids, rows)
            shown_users = _first(users, user_ids, columns)
            cells = _cells(session, shown_units, shown_users) if shown_units and shown_users else {}
        return GridStart(units, users, roles, assignable, cells)

    def export(
        self,
        operator: Operator,
        path: PathArg,
        *,
        user_id: int | None = None,
        unit_ids: Collection[int] | None = None,
        user_ids: Collection[int] | None = None,
        progress: CountProgress | None = None,
        cancel: CancelCheck | None = None,
        translate: Translate | None = None,
    ) -> int:
        """The Excel download of the page (A3): all within reach, the filter selection, or one user."""
        return export_assignments(
            self._factory,
            operator,
            path,
            user_id=user_id,
            unit_ids=unit_ids,
            user_ids=user_ids,
            progress=progress,
            cancel=cancel,
            translate=translate,
        )

    # ------------------------------------------------------------------ changes

    def add(self, operator: Operator, user_id: int, unit_id: int, role_id: int) -> ChangeSet:
        """Add one role for one user in one unit (A1). Idempotent (S4): when the user holds the
        role there already (e.g. another workstation added it a moment ago) nothing changes and
        the returned change set is empty."""
        return self._run(operator, BulkEdit(False, (role_id,), (user_id,), (unit_id,)), single=True)

    def leaves_without_role(self, operator: Operator, user_id: int, unit_id: int, role_id: int) -> bool:
        """Whether removing this role leaves the user without any role, so that they can no longer
        log in (R3, S2): the page asks before it removes."""
        operator.require("assignments.assign")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            held = uow.session.execute(
                select(RoleAssignment.org_unit_id, RoleAssignment.role_id).where(RoleAssignment.user_id == user_id)
            ).all()
        return all((unit, role) == (unit_id, role_id) for unit, role in held)

    def remove(self, operator: Operator, user_id: int, unit_id: int, role_id: int) -> ChangeSet:
        """Remove one direct role of one user in one unit (A1)."""
        change = self._run(operator, BulkEdit(True, (role_id,), (user_id,), (unit_id,)), single=True)
        if not change.removed:
            raise ValidationError("The user does not hold this role in this unit (any more). Reload the page.")
        return change

    def preview(self, operator: Operator, edit: BulkEdit) -> BulkPreview:
        """What :meth:`apply` would do, counted without changing anything (A2)."""
        self._check(operator, edit, bulk=True)
        with UnitOfWork(self._factory, operator, write=False) as uow:
            self._require_units(uow.session, operator, edit.unit_ids)
            plan = self._plan(uow.session, edit)
        return BulkPreview(
            to_add=len(plan.adds),
            already_present=plan.present,
            to_remove=len(plan.removes),
            not_present=plan.absent,
            inherited_skipped=plan.inherited,
            users_left_without_role=tuple(plan.left_without),
        )

    def apply(
        self,
        operator: Operator,
        edit: BulkEdit,
        *,
        progress: CountProgress | None = None,
        cancel: CancelCheck | None = None,
    ) -> ChangeSet:
        """Carry out a bulk edit in one transaction, one audit entry per change; all or nothing."""
        return self._run(operator, edit, single=False, progress=progress, cancel=cancel)

    def revert(self, operator: Operator, change: ChangeSet) -> ChangeSet:
        """Undo ``change`` exactly: remove the rows it added, put back the rows it removed.

        A row it added that someone else removed since stays removed, and a row it removed that
        someone added again stays; the result counts them (``kept``). A row it added that was
        removed and added again since (another workstation's assignment under the same key) is not
        the change's to take back: the whole undo is refused, naming who did it and when (S4).
        Returns the change set of the revert, which reverts the revert (redo)."""
        operator.require("assignments.assign")
        started = self._now()
        units = {row.org_unit_id for row in (*change.created, *change.removed)}
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            admins = lock_administrators(session)
            self._require_units(session, operator, units)
            removed = self._created_rows(uow, change)
            self._delete_rows(uow, removed, "undo")
            present = self._present_keys(session, [row.key for row in change.removed])
            back = [row for row in change.removed if row.key not in present]
            self._require_grantable(session, operator, [row.key for row in back])
            self._insert_rows(uow, back, "undo")
            require_administrators_remain(session, admins)
            uow.commit()
        kept = len(change.created) - len(removed) + len(change.removed) - len(back)
        return ChangeSet(created=tuple(back), removed=tuple(removed), at=started, kept=kept)

    # ------------------------------------------------------------------ internals

    def _check(self, operator: Operator, edit: BulkEdit, *, bulk: bool) -> None:
        operator.require("assignments.assign")
        if bulk:
            operator.require("assignments.bulk_edit")
        if not edit.role_ids:
            raise ValidationError("Choose at least one role.", field="roles")
        if not edit.user_ids:
            raise ValidationError("Choose at least one user.", field="users")
        if not edit.unit_ids:
            raise ValidationError("Choose at least one org unit.", field="org units")

    def _require_units(self, session: Session, operator: Operator, unit_ids: Collection[int]) -> None:
        if operator.is_system or not unit_ids:
            return
        allowed = set(session.scalars(units_with_permission(operator, "assignments.assign")))
        refused = sorted(set(unit_ids) - allowed)
        if refused:
            names = list(
                session.scalars(select(OrgUnit.name).where(OrgUnit.id.in_(refused[:5])).order_by(OrgUnit.name))
            )
            raise PermissionDeniedError(
                "You may assign roles only in the org units where you hold the permission {permission}; "
                "not in: {units}.",
                permission="assignments.assign",
                units=", ".join(names) + (" …" if len(refused) > 5 else ""),
            )

    @staticmethod
    def _require_grantable(session: Session, operator: Operator, adds: Sequence[Key]) -> None:
        """Delegation (S1): refuse the whole change when one of ``adds`` is beyond the operator's reach."""
        refused = refused_grants(session, operator, adds)
        if refused:
            unit_id, role_id = refused[0]
            role_name = session.scalar(select(Role.name).where(Role.id == role_id)) or "?"
            unit_name = session.scalar(select(OrgUnit.name).where(OrgUnit.id == unit_id)) or "?"
            raise PermissionDeniedError(
                "You may grant only roles whose permissions you hold yourself in that org unit: "
                "{role} needs more than you hold in {unit}.",
                role=role_name,
                unit=unit_name,
            )

    def _run(
        self,
        operator: Operator,
        edit: BulkEdit,
        *,
        single: bool,
        progress: CountProgress | None = None,
        cancel: CancelCheck | None = None,
    ) -> ChangeSet:
        self._check(operator, edit, bulk=not single)
        summary = "role assigned" if single else "bulk edit"
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            # First statement: serialises changes that could remove the last administrator, and
            # identical adds from two workstations, which then see each other's rows (S2, S4).
            admins = lock_administrators(session)
            self._require_units(session, operator, edit.unit_ids)
            plan = self._plan(session, edit)
            self._require_grantable(session, operator, plan.adds)
            if single and plan.inherited:
                raise ValidationError(
                    "The user's roles in this unit are inherited. Change them on the org units page "
                    "(Edit roles breaks the inheritance)."
                )
            total = len(plan.adds) + len(plan.removes)
            done = 0

            def tick(count: int) -> None:
                nonlocal done
                done += count
                if progress is not None:
                    progress(done, total)
                if cancel is not None and cancel():
                    raise OperationCancelledError("Cancelled; nothing was changed.")

            now = self._now()
            rows = [AssignmentRow(u, n, r, None, now, operator.username[:100]) for u, n, r in plan.adds]
            for chunk in _chunks(rows, CHUNK):
                self._insert_rows(uow, chunk, summary)
                tick(len(chunk))
            for chunk in _chunks(plan.removes, CHUNK):
                self._delete_rows(uow, chunk, summary)
                tick(len(chunk))
            if plan.removes:
                require_administrators_remain(session, admins)
            uow.commit()
        return ChangeSet(created=tuple(rows), removed=tuple(plan.removes), at=now)

    def _plan(self, session: Session, edit: BulkEdit) -> _Plan:
        roles = set(session.scalars(select(Role.id).where(Role.id.in_(edit.role_ids))))
        if len(roles) != len(set(edit.role_ids)):
            raise NotFoundError("A chosen role no longer exists. Reload the page.")
        units = set(session.scalars(select(OrgUnit.id).where(OrgUnit.id.in_(edit.unit_ids))))
        if len(units) != len(set(edit.unit_ids)):
            raise NotFoundError("A chosen org unit no longer exists. Reload the page.")
        users = set(session.scalars(select(User.id).where(User.id.in_(edit.user_ids))))
        if len(users) != len(set(edit.user_ids)):
            raise NotFoundError("A chosen user no longer exists. Reload the page.")
        # Everything the chosen users hold in the chosen units: one query per chunk of users.
        existing: dict[Key, AssignmentRow] = {}
        inherited_cells: set[tuple[int, int]] = set()
        for user_chunk in _chunks(sorted(users)):
            stmt = select(
                RoleAssignment.user_id,
                RoleAssignment.org_unit_id,
                RoleAssignment.role_id,
                RoleAssignment.inherited_from_id,
                RoleAssignment.created_at,
                RoleAssignment.created_by,
            ).where(RoleAssignment.user_id.in_(user_chunk), RoleAssignment.org_unit_id.in_(sorted(units)))
            for found in session.execute(stmt):
                existing[(found[0], found[1], found[2])] = AssignmentRow(*found)
                if found.inherited_from_id is not None:
                    inherited_cells.add((found.user_id, found.org_unit_id))
        plan = _Plan()
        for user in sorted(users):
            for unit in sorted(units):
                cell_inherited = (user, unit) in inherited_cells
                for role in sorted(roles):
                    key = (user, unit, role)
                    row = existing.get(key)
                    if not edit.remove:
                        if row is not None:
                            plan.present += 1
                        elif cell_inherited:
                            plan.inherited += 1
                        else:
                            plan.adds.append(key)
                    elif row is None:
                        plan.absent += 1
                    elif row.inherited_from_id is not None:
                        plan.inherited += 1
                    else:
                        plan.removes.append(row)
        if plan.removes:
            plan.left_without = self._left_without_role(session, plan.removes)
        return plan

    @staticmethod
    def _left_without_role(session: Session, removes: list[AssignmentRow]) -> list[str]:
        losing: dict[int, int] = {}
        for row in removes:
            losing[row.user_id] = losing.get(row.user_id, 0) + 1
        held: dict[int, int] = {}
        for chunk in _chunks(sorted(losing)):
            stmt = (
                select(RoleAssignment.user_id, func.count())
                .where(RoleAssignment.user_id.in_(chunk))
                .group_by(RoleAssignment.user_id)
            )
            held.update({user: count for user, count in session.execute(stmt)})
        alone = sorted(user for user, count in losing.items() if held.get(user, 0) <= count)
        names: list[str] = []
        for chunk in _chunks(alone):
            for first, last, username in session.execute(
                select(User.first_name, User.last_name, User.username).where(User.id.in_(chunk))
            ):
                names.append(f"{first} {last}".strip() or username)
        return sorted(names, key=str.casefold)

    @staticmethod
    def _present_keys(session: Session, keys: Sequence[Key]) -> set[Key]:
        ra = RoleAssignment
        return {(u, n, r) for u, n, r in _with_keys(session, select(ra.user_id, ra.org_unit_id, ra.role_id), keys)}

    @staticmethod
    def _created_rows(uow: UnitOfWork, change: ChangeSet) -> list[AssignmentRow]:
        """The rows ``change`` added that are still as it wrote them; those removed since are no
        obstacle. A row under one of its keys that it did not write (removed and added again
        since, or inherited now) refuses the undo, naming who did it and when (S4)."""
        stmt = select(*(getattr(RoleAssignment, column) for column in ASSIGNMENT_COLUMNS))
        stored = {
            row.key: row for row in (AssignmentRow(*found) for found in _with_keys(uow.session, stmt, change.added))
        }
        mine: list[AssignmentRow] = []
        others: list[AssignmentRow] = []
        for written in change.created:
            now = stored.get(written.key)
            if now is None:
                continue
            same = now.inherited_from_id == written.inherited_from_id and same_row_written(
                (now.created_at, now.created_by), (written.created_at, written.created_by)
            )
            (mine if same else others).append(now)
        if others:
            first = others[0]
            raise changed_error(
                uow.session.connection(),
                uow.operator,
                "RoleAssignment",
                [f"{r.user_id}:{r.org_unit_id}:{r.role_id}" for r in others[:_IN_CHUNK]],
                change.at,
                last_writer=first.created_by,
                last_written=first.created_at,
            )
        return mine

    @staticmethod
    def _insert_rows(uow: UnitOfWork, rows: Sequence[AssignmentRow], summary: str) -> None:
        """One INSERT (on PostgreSQL one statement for all rows, see :func:`bulk.insert_columns`)."""
        if not rows:
            return
        bulk.insert_columns(uow.session.connection(), _ASSIGNMENTS, bulk.by_column(rows, ASSIGNMENT_COLUMNS))
        uow.audit_many(
            {
                "object_type": "RoleAssignment",
                "object_id": f"{r.user_id}:{r.org_unit_id}:{r.role_id}",
                "action": "create",
                "changes": {
                    "user_id": [None, r.user_id],
                    "org_unit_id": [None, r.org_unit_id],
                    "role_id": [None, r.role_id],
                },
                "summary": summary,
            }
            for r in rows
        )

    @staticmethod
    def _delete_rows(uow: UnitOfWork, rows: Sequence[AssignmentRow], summary: str) -> None:
        """One DELETE by key (on PostgreSQL one statement for all rows, see :func:`bulk.delete_keys`)."""
        if not rows:
            return
        bulk.delete_keys(
            uow.session.connection(), _ASSIGNMENTS, bulk.by_column(rows, ("user_id", "org_unit_id", "role_id"))
        )
        uow.audit_many(
            {
                "object_type": "RoleAssignment",
                "object_id": f"{r.user_id}:{r.org_unit_id}:{r.role_id}",
                "action": "delete",
                "changes": {
                    "user_id": [r.user_id, None],
                    "org_unit_id": [r.org_unit_id, None],
                    "role_id": [r.role_id, None],
                },
                "summary": summary,
            }
            for r in rows
        )
