"""The org-unit tree and one user's roles in it: inheritance, breaking the chain, explain (SPEC A4-A10, R3).

Representation (see :mod:`mandant_desktop.domain.inheritance` for the rules):

* ``role_assignment`` rows are materialised: a direct row has ``inherited_from_id`` NULL, an
  inherited row names the source unit it came from;
* ``inheritance_source`` (user, unit) is the ticked "Inherit roles to child units" box;
* ``inheritance_break`` (user, unit) is a unit where "Edit roles" broke the chain (A7): nothing
  from above reaches it or its subtree through it.

Every change edits sources, breaks or direct rows (the pure operations of the domain module) and
then brings the materialised inherited rows of the affected subtree in line with the rules. That
takes a constant number of statements, whatever the size of the subtree (tests count them for 10
and 500 units): the subtree and its ancestors are read with recursive CTEs over
``org_unit.parent_id`` (SQLite, PostgreSQL, MariaDB 10.2+), the rows stored there with one query
each, the rules are applied in memory, and the differences are written with one executemany
DELETE and one executemany INSERT per table. Updates of ``org_unit`` itself take literal id lists,
as MariaDB refuses an UPDATE whose subquery reads the table it changes.

Audit (S3): every direct row, source and break gets its own entry; inherited rows, which follow
from a source and the tree, get one entry per (user, source, role) listing every unit, so that
ticking inheritance at the root of 5,000 units writes a handful of entries rather than 15,000.
Every change returns an :class:`OrgChange`, which :meth:`OrgUnitsService.revert` undoes exactly.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter, itemgetter
from typing import Any, Literal, NamedTuple, TypeVar, cast

from sqlalchemy import (
    CTE,
    ColumnElement,
    Executable,
    Select,
    Subquery,
    Table,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    union,
    update,
)
from sqlalchemy.orm import Session, aliased, sessionmaker

from mandant_desktop.db import bulk, search_keys
from mandant_desktop.db.aggregates import integer_rows, ordered_rows
from mandant_desktop.db.models import (
    InheritanceBreak,
    InheritanceSource,
    OrgUnit,
    Role,
    RoleAssignment,
    RolePermission,
    User,
    UserKind,
    utcnow,
)
from mandant_desktop.domain import inheritance
from mandant_desktop.domain.errors import (
    InUseError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from mandant_desktop.domain.inheritance import InheritMode, Parents, UserTree, ancestors, broken_at, holdings
from mandant_desktop.domain.permissions import ADMIN_CODES
from mandant_desktop.domain.search_folding import search_key, search_words
from mandant_desktop.services.admin_guard import (
    administrators_if_at_risk,
    require_administrators_remain,
    take_change_lock,
)
from mandant_desktop.services.assignments import (
    ASSIGNMENT_COLUMNS,
    AssignmentRow,
    AssignmentsService,
    Chip,
    GridUser,
    Key,
    RoleChoice,
    new_assignment_rows,
)
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.undo_conflicts import (
    UndoConflictError,
    cause,
    changed_error,
    same_row_written,
    when_text,
)
from mandant_desktop.services.unit_of_work import UnitOfWork
from mandant_desktop.services.unit_tree import UNIT_PATH_SEPARATOR
from mandant_desktop.services.users import user_search

DeleteMode = Literal["delete", "lift"]


class UnitNode(NamedTuple):
    """One org unit as the tree shows it. A named tuple: "expand all" builds 5,000 of them, three
    times faster than a frozen dataclass (issue 8)."""

    id: int
    parent_id: int | None
    name: str
    depth: int
    #: direct children, for the lazy tree's hasChildren / rowCount
    child_count: int
    version: int = 1


@dataclass(frozen=True, slots=True)
class UnitRoles:
    """One user's roles in one unit (A4, A6: all inherited or all direct)."""

    unit_id: int
    roles: tuple[Chip, ...]
    #: the source unit when the roles are inherited, else None
    inherited_from: int | None
    inherited_from_name: str | None
    #: this unit is an inheritance source of the user (box ticked)
    inherit_ticked: bool
    #: inheritance from above is broken here (A7 "Edit roles")
    chain_broken: bool


@dataclass(frozen=True, slots=True)
class InheritImpact:
    """Preview for the dialogs; counts only, nothing changed."""

    units: int
    roles_added: int
    roles_removed: int


@dataclass(frozen=True, slots=True)
class DeleteImpact:
    children: int
    descendants: int
    assignments: int


@dataclass(frozen=True, slots=True)
class PermissionReason:
    """Why a user holds (or lacks) one permission in one unit (A10)."""

    permission: str
    granted: bool
    role_id: int | None = None
    role_name: str | None = None
    inherited_from: int | None = None
    inherited_from_name: str | None = None
    assigned_by: str | None = None
    assigned_at: dt.datetime | None = None
    #: for granted=False: English source text, already formatted with unit names
    why_not: str | None = None
    #: the same unformatted (its "{unit}" placeholder), for the UI to translate, and the unit's name
    why_not_template: str | None = None
    why_not_unit: str | None = None


@dataclass(frozen=True, slots=True)
class Explanation:
    user_id: int
    unit_id: int
    unit_path: str
    #: one per admin permission, granted ones first
    reasons: tuple[PermissionReason, ...]
    #: R3: holds a role in at least one unit
    can_log_in: bool


#: (user_id, org_unit_id) of an inheritance source or a chain break
Mark = tuple[int, int]


@dataclass(frozen=True, slots=True)
class MarkRow:
    """A source or break row as it was, so that it can be put back exactly."""

    user_id: int
    org_unit_id: int
    created_at: dt.datetime
    created_by: str | None

    @property
    def key(self) -> Mark:
        return (self.user_id, self.org_unit_id)


@dataclass(frozen=True, slots=True)
class UnitRecord:
    """An org unit as it was, so that an undo can put it back exactly (delete, and redo of add)."""

    id: int
    parent_id: int | None
    name: str
    depth: int
    sort_order: int
    version: int
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Placement:
    """A unit that a change hung elsewhere (a move, or a child lifted when its parent was deleted):
    its parent and sort order before and after, so that undo puts it back among its old siblings."""

    unit_id: int
    parent_before: int | None
    order_before: int
    parent_after: int | None
    order_after: int

    def reversed(self) -> Placement:
        return Placement(self.unit_id, self.parent_after, self.order_after, self.parent_before, self.order_before)


@dataclass(frozen=True, slots=True)
class OrgChange:
    """What one operation did; compatible with :class:`services.assignments.ChangeSet` (``added``,
    ``removed``, ``size``) and also covering inheritance sources, chain breaks and the tree itself
    (units added, removed, renamed, hung elsewhere), so that :meth:`OrgUnitsService.revert` undoes
    it exactly."""

    #: the rows and marks it added, as it wrote them: undo deletes a row only while it is that
    #: row, not one removed and added again under the same key since (S4)
    created: tuple[AssignmentRow, ...] = ()
    removed: tuple[AssignmentRow, ...] = ()
    sources_created: tuple[MarkRow, ...] = ()
    sources_removed: tuple[MarkRow, ...] = ()
    breaks_created: tuple[MarkRow, ...] = ()
    breaks_removed: tuple[MarkRow, ...] = ()
    #: ids of the units the change created (undo deletes them, with everything stored on them)
    units_added: tuple[int, ...] = ()
    #: the units the change deleted, parents first (undo restores them, with their old ids if free)
    units_removed: tuple[UnitRecord, ...] = ()
    #: units hung under another parent (a move; the children lifted by a delete)
    placements: tuple[Placement, ...] = ()
    #: (unit, name before, name after) of a rename
    renamed: tuple[int, str, str] | None = None
    #: the added or renamed unit as the change left it
    node: UnitNode | None = None
    #: (old id, new id) of units an undo restored under a new id, their old one being taken (SQLite
    #: hands out the highest id again once it is free); older steps must be renumbered likewise
    renumbered: tuple[tuple[int, int], ...] = ()
    #: (unit, parent, name) of the units the change created, as it left them: undo deletes a unit
    #: only while it is so, not over a rename or move made since (S4)
    shapes: tuple[tuple[int, int | None, str], ...] = ()
    #: when the change was made: a refused undo looks in the audit log from here for the change
    #: that stands in its way (S3, S4)
    at: dt.datetime | None = None
    #: for the change of an undo or redo: the rows and marks of the change taken back that it left
    #: as they are now, changed elsewhere in the meantime (removed since, or there again); the page
    #: says so (E7)
    kept: int = 0

    @property
    def added(self) -> tuple[Key, ...]:
        """The keys of the rows it added."""
        return tuple(row.key for row in self.created)

    @property
    def sources_added(self) -> tuple[Mark, ...]:
        return tuple(mark.key for mark in self.sources_created)

    @property
    def breaks_added(self) -> tuple[Mark, ...]:
        return tuple(mark.key for mark in self.breaks_created)

    @property
    def moved(self) -> tuple[int, int | None, int | None] | None:
        """(unit, parent before, parent after) of a move."""
        if len(self.placements) != 1 or self.units_removed or self.units_added:
            return None
        place = self.placements[0]
        return (place.unit_id, place.parent_before, place.parent_after)

    @property
    def changes_tree(self) -> bool:
        """Units were added, removed, renamed or moved (the tree must be reloaded)."""
        return bool(self.units_added or self.units_removed or self.placements or self.renamed)

    @property
    def size(self) -> int:
        return (
            len(self.created)
            + len(self.removed)
            + len(self.sources_created)
            + len(self.sources_removed)
            + len(self.breaks_created)
            + len(self.breaks_removed)
            + len(self.units_added)
            + len(self.units_removed)
            + len(self.placements)
            + (1 if self.renamed else 0)
        )

    def renumber(self, ids: Mapping[int, int]) -> OrgChange:
        """The same change with the units ``ids`` maps under their new ids (see ``renumbered``)."""
        if not ids:
            return self

        def u(unit: int) -> int:
            return ids.get(unit, unit)

        def o(unit: int | None) -> int | None:
            return _renumbered(unit, ids)

        return replace(
            self,
            created=tuple(_renumber_row(row, ids) for row in self.created),
            removed=tuple(_renumber_row(row, ids) for row in self.removed),
            sources_created=tuple(replace(m, org_unit_id=u(m.org_unit_id)) for m in self.sources_created),
            sources_removed=tuple(replace(m, org_unit_id=u(m.org_unit_id)) for m in self.sources_removed),
            breaks_created=tuple(replace(m, org_unit_id=u(m.org_unit_id)) for m in self.breaks_created),
            breaks_removed=tuple(replace(m, org_unit_id=u(m.org_unit_id)) for m in self.breaks_removed),
            units_added=tuple(u(unit) for unit in self.units_added),
            units_removed=tuple(replace(r, id=u(r.id), parent_id=o(r.parent_id)) for r in self.units_removed),
            placements=tuple(
                replace(p, unit_id=u(p.unit_id), parent_before=o(p.parent_before), parent_after=o(p.parent_after))
                for p in self.placements
            ),
            renamed=(u(self.renamed[0]), *self.renamed[1:]) if self.renamed else None,
            shapes=tuple((u(unit), o(parent), name) for unit, parent, name in self.shapes),
        )


def _renumbered(unit: int | None, ids: Mapping[int, int]) -> int | None:
    return None if unit is None else ids.get(unit, unit)


def _renumber_row(row: AssignmentRow, ids: Mapping[int, int]) -> AssignmentRow:
    source = row.inherited_from_id
    return replace(
        row,
        org_unit_id=ids.get(row.org_unit_id, row.org_unit_id),
        inherited_from_id=None if source is None else ids.get(source, source),
    )


@dataclass
class _Area:
    """A part of the tree with everything stored on it: the units ``tops`` and everything below them
    (``subtree``), their ancestors (for what arrives from above), and the rows of one user or all."""

    parents: dict[int, int | None]
    subtree: set[int]
    rows: dict[Key, AssignmentRow]
    sources: dict[Mark, MarkRow]
    breaks: dict[Mark, MarkRow]

    def users(self) -> set[int]:
        return {k[0] for k in self.rows} | {k[0] for k in self.sources} | {k[0] for k in self.breaks}

    def tree_of(self, user_id: int) -> UserTree:
        return self.trees([user_id])[user_id]

    def trees(self, users: Collection[int]) -> dict[int, UserTree]:
        """The trees of ``users`` as stored, in one pass over the area's rows and marks. A pass per
        user cost users × rows: moving a unit with 67,000 rows below it, among them those of 690
        users, spent 5.7 s of 7.5 s here (issue 8)."""
        direct: dict[int, dict[int, set[int]]] = {user: {} for user in users}
        for (user, unit, role), row in self.rows.items():
            if row.inherited_from_id is None and (units := direct.get(user)) is not None:
                units.setdefault(unit, set()).add(role)
        sources: dict[int, set[int]] = {user: set() for user in direct}
        breaks: dict[int, set[int]] = {user: set() for user in direct}
        for marks, found in ((self.sources, sources), (self.breaks, breaks)):
            for user, unit in marks:
                if (units_of := found.get(user)) is not None:
                    units_of.add(unit)
        return {
            user: UserTree(
                direct={unit: frozenset(roles) for unit, roles in held.items()},
                sources=frozenset(sources[user]),
                breaks=frozenset(breaks[user]),
            )
            for user, held in direct.items()
        }


@dataclass
class _Diff:
    """The writes that bring an area in line with the users' new trees."""

    deletes: list[AssignmentRow] = field(default_factory=list)
    inserts: list[AssignmentRow] = field(default_factory=list)
    sources_off: list[MarkRow] = field(default_factory=list)
    sources_on: list[MarkRow] = field(default_factory=list)
    breaks_off: list[MarkRow] = field(default_factory=list)
    breaks_on: list[MarkRow] = field(default_factory=list)

    def change(self, **tree: Any) -> OrgChange:
        """The change these writes make; ``tree`` adds what happened to the units themselves."""
        return OrgChange(
            created=tuple(self.inserts),
            removed=tuple(self.deletes),
            sources_created=tuple(self.sources_on),
            sources_removed=tuple(self.sources_off),
            breaks_created=tuple(self.breaks_on),
            breaks_removed=tuple(self.breaks_off),
            **tree,
        )

    def extend(self, other: _Diff) -> _Diff:
        """Both sets of writes, done one after the other on different rows."""
        for name in ("deletes", "inserts", "sources_off", "sources_on", "breaks_off", "breaks_on"):
            getattr(self, name).extend(getattr(other, name))
        return self

    def impact(self, unit_id: int) -> InheritImpact:
        """What the change does below ``unit_id``. The unit's own rows are left out: "Edit roles"
        writes its inherited roles again as direct ones there, which the user keeps (A7)."""
        inserts = [row for row in self.inserts if row.org_unit_id != unit_id]
        deletes = [row for row in self.deletes if row.org_unit_id != unit_id]
        units = {row.org_unit_id for row in (*deletes, *inserts)}
        return InheritImpact(units=len(units), roles_added=len(inserts), roles_removed=len(deletes))


#: a change to one user's tree, given the tree's parents
TreeEdit = Callable[[Parents, UserTree], UserTree]


def _pairs(result: Iterable[Any]) -> dict[Any, Any]:
    return {row[0]: row[1] for row in result}


def _table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


def _depth_only(depth: ColumnElement[int]) -> dict[str, Any]:
    """The SET clause of a statement that changes units' ``depth`` alone (the units below a moved,
    lifted or moved-back unit). The depth is derived from the tree, which another column (the moved
    unit's ``parent_id``) changed; the units below keep their content, so they keep their version
    and their ``updated_at`` / ``updated_by`` (S4): someone editing one of them is not refused over a
    change they did not make, and a conflict message goes on naming who last changed the unit and
    when. Without ``updated_at`` here its ``onupdate`` would stamp the time, but neither the writer
    nor the version."""
    return {"depth": depth, "updated_at": _table(OrgUnit).c.updated_at}


def _record_columns() -> tuple[Any, ...]:
    u = OrgUnit
    return (u.id, u.parent_id, u.name, u.depth, u.sort_order, u.version, u.created_at)


def _unit_columns() -> tuple[Any, ...]:
    child = aliased(OrgUnit)
    count = select(func.count(child.id)).where(child.parent_id == OrgUnit.id).scalar_subquery()
    return (OrgUnit.id, OrgUnit.parent_id, OrgUnit.name, OrgUnit.depth, count, OrgUnit.version)


def _subtree(tops: Collection[int]) -> CTE:
    """``tops`` and every unit below them: a recursive CTE over ``org_unit.parent_id``."""
    start = select(OrgUnit.id, OrgUnit.parent_id).where(OrgUnit.id.in_(sorted(tops))).cte("subtree", recursive=True)
    child = aliased(OrgUnit)
    return start.union_all(select(child.id, child.parent_id).join(start, child.parent_id == start.c.id))


def _above(tops: Collection[int]) -> CTE:
    """``tops`` and every unit above them."""
    start = select(OrgUnit.id, OrgUnit.parent_id).where(OrgUnit.id.in_(sorted(tops))).cte("above", recursive=True)
    parent = aliased(OrgUnit)
    return start.union_all(select(parent.id, parent.parent_id).join(start, parent.id == start.c.parent_id))


def _id_pairs(session: Session, stmt: Select[*tuple[Any, ...]], *, integers: bool = False) -> dict[int, Any]:
    """``_pairs`` of a statement whose two columns need no conversion (ids, integers, text): the
    driver's own tuples on the session's connection, without the ORM's or a Row's handling of each
    (5,000 units of a subtree, issue 8); ``integers`` (both columns ids or NULL): read as
    :func:`integer_rows` reads them (on MariaDB one aggregated row)."""
    if integers:
        return dict(map(tuple, integer_rows(session.connection(), stmt)))
    return dict(_id_tuples(session, stmt))


def _id_tuples(session: Session, stmt: Executable) -> Sequence[Any]:
    """The rows of a statement whose columns need no conversion (ids, integers, text), as the
    driver's own tuples (see :func:`_id_pairs`)."""
    result = session.connection().execute(stmt)
    rows: Sequence[Any] = result.cursor.fetchall() if result.cursor is not None else []
    result.close()
    return rows


def _rows(session: Session, where: ColumnElement[bool]) -> dict[Key, AssignmentRow]:
    ra = RoleAssignment
    stmt = select(ra.user_id, ra.org_unit_id, ra.role_id, ra.inherited_from_id, ra.created_at, ra.created_by)
    # Core rows on the session's connection (the columns' types still convert): the ORM's handling
    # of each row cost more than the query (issue 8).
    return {(r[0], r[1], r[2]): AssignmentRow(*r) for r in session.connection().execute(stmt.where(where))}


def _user_rows(session: Session, user_id: int, keep: Collection[int]) -> dict[Key, AssignmentRow]:
    """One user's rows in the units ``keep``, as :func:`_rows` reads them. All the user's rows come
    as the driver gives them and only those kept are converted (their timestamp): the administrator
    holds 5,000 rows, of which an edit in a 50-unit subtree keeps about 50 (issue 8)."""
    ra = RoleAssignment
    stmt = select(ra.user_id, ra.org_unit_id, ra.role_id, ra.inherited_from_id, ra.created_at, ra.created_by)
    dialect = session.get_bind().dialect
    created_at = _table(RoleAssignment).c.created_at.type
    processor = created_at.dialect_impl(dialect).result_processor(dialect, None)
    convert: Callable[[Any], Any] = processor if processor is not None else (lambda value: value)
    return {
        (user, unit, role): AssignmentRow(user, unit, role, source, convert(at), by)
        for user, unit, role, source, at, by in _id_tuples(session, stmt.where(ra.user_id == user_id))
        if unit in keep
    }


def _marks(session: Session, model: type[InheritanceSource | InheritanceBreak], where: Any) -> dict[Mark, MarkRow]:
    stmt = select(model.user_id, model.org_unit_id, model.created_at, model.created_by).where(where)
    return {(r[0], r[1]): MarkRow(*r) for r in session.connection().execute(stmt)}


#: from this many units in a subtree on, one user's rows are read by user (see :func:`_load_area`)
_READ_BY_USER_FROM = 1000


def _load_area(session: Session, tops: Collection[int], user_id: int | None) -> _Area:
    """Five queries (six for every user), whatever the size of the subtree. ``user_id`` None loads
    every user whose rows there can depend on the tree: those with a source in the area or inherited
    rows in the subtree.

    For one user and a large subtree (:data:`_READ_BY_USER_FROM` units and more) the subtree is
    walked once: the user's rows, boxes and breaks are read by user (the first column of their
    unique key) and those outside the area left out here. The servers read them so anyway, by user
    and each against the subtree walked again in a recursive CTE (SQLite and PostgreSQL alike,
    EXPLAIN); at the root of 5,000 units that walk cost 8 ms of SQLite's CPU and 10-20 ms of
    PostgreSQL's time (issue 8). In a small subtree the walk is cheap, and reading every row of a
    user who holds thousands (the administrator: 5,000) cost more than it: there the area stays in
    the query."""
    below, above = _subtree(tops), _above(tops)
    subtree = _id_pairs(session, select(below.c.id, below.c.parent_id), integers=True)
    parents = _id_pairs(session, select(above.c.id, above.c.parent_id), integers=True)
    parents.update(subtree)
    if user_id is not None and len(subtree) >= _READ_BY_USER_FROM:
        # One user's boxes and breaks are few (at most one per unit).
        sources = _marks(session, InheritanceSource, InheritanceSource.user_id == user_id)
        breaks = _marks(session, InheritanceBreak, InheritanceBreak.user_id == user_id)
        return _Area(
            parents=parents,
            subtree=set(subtree),
            rows=_user_rows(session, user_id, parents),
            sources={key: mark for key, mark in sources.items() if key[1] in parents},
            breaks={key: mark for key, mark in breaks.items() if key[1] in parents},
        )

    def in_area(column: Any) -> ColumnElement[bool]:
        return or_(column.in_(select(below.c.id)), column.in_(select(above.c.id)))

    users: list[int] = [user_id] if user_id is not None else []
    if user_id is None:
        # The users first, on their own, and then their rows by a list of ids: with the users as a
        # subquery of each of the three reads, MariaDB spent 7.7-11 s on them when Datenschutz (323
        # units, 67,000 rows) was moved; this way 1.6 s. SQLite and PostgreSQL take about as long
        # either way (issue 8).
        held = aliased(RoleAssignment)
        found = union(
            select(InheritanceSource.user_id).where(in_area(InheritanceSource.org_unit_id)),
            select(held.user_id).where(held.inherited_from_id.is_not(None), held.org_unit_id.in_(select(below.c.id))),
        )
        users = sorted(user for (user,) in _id_tuples(session, found))
    return _Area(
        parents=parents,
        subtree=set(subtree),
        rows=_rows(session, and_(RoleAssignment.user_id.in_(users), in_area(RoleAssignment.org_unit_id))),
        sources=_marks(
            session,
            InheritanceSource,
            and_(InheritanceSource.user_id.in_(users), in_area(InheritanceSource.org_unit_id)),
        ),
        breaks=_marks(
            session, InheritanceBreak, and_(InheritanceBreak.user_id.in_(users), in_area(InheritanceBreak.org_unit_id))
        ),
    )


def _mark_diff(
    before: dict[Mark, MarkRow], after: dict[int, frozenset[int]], subtree: set[int], stamp: tuple[dt.datetime, str]
) -> tuple[list[MarkRow], list[MarkRow]]:
    wanted = {(user, unit) for user, units in after.items() for unit in units if unit in subtree}
    current = {key for key in before if key[1] in subtree and key[0] in after}
    off = [before[key] for key in sorted(current - wanted)]
    on = [MarkRow(user, unit, *stamp) for user, unit in sorted(wanted - current)]
    return off, on


def _diff(area: _Area, trees: dict[int, UserTree], stamp: tuple[dt.datetime, str]) -> _Diff:
    """Compare what is stored on the subtree with what the users' ``trees`` say belongs there."""
    diff = _Diff()
    held_by = {user: holdings(area.parents, tree, area.subtree) for user, tree in trees.items()}
    for (user, unit, role), row in area.rows.items():
        if unit in area.subtree and user in trees:
            held = held_by[user].get(unit)
            wanted = held.source if held is not None and role in held.roles else -1
            if wanted != row.inherited_from_id:
                diff.deletes.append(row)
    # 10,000 rows when ticking inheritance at the root of 5,000 units (issue 8): no dict of every
    # wanted key in between, the stored rows looked up once, the new rows made in one go.
    stored_row = area.rows.get
    diff.inserts = new_assignment_rows(
        (
            (user, unit, role, held.source)
            for user, units in held_by.items()
            for unit, held in units.items()
            for role in held.roles
            if (stored := stored_row((user, unit, role))) is None or stored.inherited_from_id != held.source
        ),
        *stamp,
    )
    diff.sources_off, diff.sources_on = _mark_diff(
        area.sources, {u: t.sources for u, t in trees.items()}, area.subtree, stamp
    )
    diff.breaks_off, diff.breaks_on = _mark_diff(
        area.breaks, {u: t.breaks for u, t in trees.items()}, area.subtree, stamp
    )
    return diff


def _delete_rows(uow: UnitOfWork, rows: Sequence[AssignmentRow], summary: str) -> None:
    """One DELETE by key (see :func:`bulk.delete_keys`)."""
    if not rows:
        return
    bulk.delete_keys(
        uow.session.connection(),
        _table(RoleAssignment),
        bulk.by_column(rows, ("user_id", "org_unit_id", "role_id")),
    )
    _audit_rows(uow, rows, "delete", summary)


def _insert_rows(uow: UnitOfWork, rows: Sequence[AssignmentRow], summary: str) -> None:
    """One INSERT (see :func:`bulk.insert_columns`)."""
    if not rows:
        return
    bulk.insert_columns(
        uow.session.connection(),
        _table(RoleAssignment),
        bulk.by_column(rows, ASSIGNMENT_COLUMNS),
    )
    _audit_rows(uow, rows, "create", summary)


def _insert_many(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """One INSERT of ``rows`` (all with the same keys), see :func:`bulk.insert_columns`."""
    bulk.insert_columns(session.connection(), table, {key: [row[key] for row in rows] for key in rows[0]})


def _audit_rows(uow: UnitOfWork, rows: Sequence[AssignmentRow], action: str, summary: str) -> None:
    """An audit entry for every direct row; inherited rows, which follow from a source and the tree,
    get one entry per (user, source, role) naming every unit, so that ticking inheritance at the
    root of 5,000 units writes a handful of entries, not 15,000, and still says exactly what changed."""
    inherited: dict[tuple[int, int, int], list[int]] = {}
    direct: list[AssignmentRow] = []
    for row in rows:
        if row.inherited_from_id is None:
            direct.append(row)
        else:
            inherited.setdefault((row.user_id, row.inherited_from_id, row.role_id), []).append(row.org_unit_id)

    def entry(object_id: str, values: dict[str, Any]) -> dict[str, Any]:
        return {
            "object_type": "RoleAssignment",
            "object_id": object_id,
            "action": action,
            "changes": {k: ([None, v] if action == "create" else [v, None]) for k, v in values.items()},
            "summary": summary,
        }

    uow.audit_many(
        entry(
            f"{r.user_id}:{r.org_unit_id}:{r.role_id}",
            {"user_id": r.user_id, "org_unit_id": r.org_unit_id, "role_id": r.role_id},
        )
        for r in direct
    )
    uow.audit_many(
        entry(
            f"{user}:*:{role}",
            {"user_id": user, "role_id": role, "inherited_from_id": source, "org_unit_ids": sorted(units)},
        )
        for (user, source, role), units in sorted(inherited.items())
    )


def _write_marks(
    uow: UnitOfWork,
    model: type[InheritanceSource | InheritanceBreak],
    off: Sequence[MarkRow],
    on: Sequence[MarkRow],
    summary: str,
) -> None:
    table = _table(model)
    connection = uow.session.connection()
    if off:
        bulk.delete_keys(connection, table, bulk.by_column(off, ("user_id", "org_unit_id")))
    if on:
        columns = ("user_id", "org_unit_id", "created_at", "created_by")
        bulk.insert_columns(connection, table, bulk.by_column(on, columns))
    for action, marks in (("delete", off), ("create", on)):
        uow.audit_many(
            {
                "object_type": model.__name__,
                "object_id": f"{m.user_id}:{m.org_unit_id}",
                "action": action,
                "changes": {
                    k: ([None, v] if action == "create" else [v, None])
                    for k, v in (("user_id", m.user_id), ("org_unit_id", m.org_unit_id))
                },
                "summary": summary,
            }
            for m in marks
        )


def _write(uow: UnitOfWork, diff: _Diff, summary: str) -> None:
    _delete_rows(uow, diff.deletes, summary)
    _insert_rows(uow, diff.inserts, summary)
    _write_marks(uow, InheritanceSource, diff.sources_off, diff.sources_on, summary)
    _write_marks(uow, InheritanceBreak, diff.breaks_off, diff.breaks_on, summary)


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("Please enter a {field}.", field="name")
    if len(cleaned) > 200:
        raise ValidationError("The name may be at most {limit} characters long.", field="name", limit=200)
    return cleaned


_R = TypeVar("_R", AssignmentRow, MarkRow)
#: at most this many rows named to the audit log when an undo is refused (one IN list)
_REFUSAL_IDS = 400


class _Guard:
    """The change lock and the last-administrator guard (S2) of one unit of work.

    The lock comes first, as with every change of assignments (services.admin_guard). Counting the
    administrators reads every assignment, which takes seconds at a million rows; so a change
    counts them only when it removes rows, and only when no administrator outside the users it
    touches is sure to remain."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._role = take_change_lock(session)
        self._before: frozenset[int] | None = None

    def write(self, uow: UnitOfWork, diff: _Diff, summary: str) -> None:
        users = {row.user_id for row in diff.deletes}
        if users and self._before is None:
            self._before = administrators_if_at_risk(self._session, self._role, users)
        _write(uow, diff, summary)

    def check(self) -> None:
        if self._before is not None:
            require_administrators_remain(self._session, self._before)


class OrgUnitsService:
    def __init__(self, session_factory: sessionmaker[Session], *, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self._factory = session_factory
        self._now = clock
        self._assignments = AssignmentsService(session_factory, clock=clock)

    # ------------------------------------------------------------------ the tree

    def roots(self, operator: Operator) -> list[UnitNode]:
        """The top units, by sort order and name. One query."""
        operator.require("org_units.view")
        return self._nodes(operator, OrgUnit.parent_id.is_(None))

    def children(self, operator: Operator, parent_id: int) -> list[UnitNode]:
        """The direct children of ``parent_id``, by sort order and name. One query."""
        operator.require("org_units.view")
        return self._nodes(operator, OrgUnit.parent_id == parent_id)

    def children_many(self, operator: Operator, parent_ids: Collection[int]) -> dict[int, list[UnitNode]]:
        """The children of several units at once (expanding a whole branch, "expand all"). One query."""
        operator.require("org_units.view")
        found: dict[int, list[UnitNode]] = {parent: [] for parent in parent_ids}
        for node in self._nodes(operator, OrgUnit.parent_id.in_(sorted(found))):
            if node.parent_id is not None:
                found[node.parent_id].append(node)
        return found

    def all_units(self, operator: Operator) -> list[UnitNode]:
        """Every unit of the tree, parent by parent, each parent's children in display order
        ("expand all"). One query without a subquery per row (the child counts are counted here),
        in the order of the index of revision 0023: no sort of every unit on the server."""
        operator.require("org_units.view")
        u = _table(OrgUnit).c
        stmt = select(u.id, u.parent_id, u.name, u.depth, u.version)
        # A Core unit of work: one statement, and one round trip less on MariaDB to end it.
        with UnitOfWork(self._factory, operator, write=False, core=True) as uow:
            # The driver's own tuples, fetched at once (integers and text need no conversion, and a
            # Row per unit cost half as much as the query, 5,000 units, issue 8); on MariaDB one
            # JSON row, whose parsing is in C, where PyMySQL's is in Python.
            rows = ordered_rows(uow.connection, stmt, (u.parent_id, u.sort_order, func.lower(u.name), u.id))
        counts = Counter(map(itemgetter(1), rows))  # children per parent, counted in C
        # tuple.__new__ rather than the named tuple's own __new__ (a Python function): half the
        # time for 5,000 units, on the worker that "expand all" waits for (issue 8)
        get, node = counts.get, tuple.__new__
        return [
            node(UnitNode, (unit, parent, name, depth, get(unit, 0), version))
            for unit, parent, name, depth, version in rows
        ]

    def _nodes(self, operator: Operator, where: ColumnElement[bool]) -> list[UnitNode]:
        stmt = select(*_unit_columns()).where(where).order_by(OrgUnit.sort_order, func.lower(OrgUnit.name), OrgUnit.id)
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return [UnitNode(*row) for row in uow.session.execute(stmt)]

    def get(self, operator: Operator, unit_id: int) -> UnitNode:
        operator.require("org_units.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return self._node(uow.session, unit_id)

    @staticmethod
    def _node(session: Session, unit_id: int) -> UnitNode:
        row = session.execute(select(*_unit_columns()).where(OrgUnit.id == unit_id)).first()
        if row is None:
            raise NotFoundError("The org unit no longer exists. Reload the page.")
        return UnitNode(*row)

    def path(self, operator: Operator, unit_id: int) -> tuple[int, ...]:
        """The ids from the root down to ``unit_id``. One query."""
        operator.require("org_units.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            above = _above([unit_id])
            parents = _pairs(uow.session.execute(select(above.c.id, above.c.parent_id)))
        if unit_id not in parents:
            raise NotFoundError("The org unit no longer exists. Reload the page.")
        return (*reversed(ancestors(parents, unit_id)), unit_id)

    def search(self, operator: Operator, text: str, limit: int = 200) -> list[tuple[int, ...]]:
        """Units whose name holds every word of ``text`` (folded: "sued" finds "Süd"; revision 0029),
        each as its id path from the root, in tree order. Two queries."""
        operator.require("org_units.view")
        if not search_words(text):
            return []
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            found = list(
                session.scalars(
                    select(OrgUnit.id)
                    .where(*search_keys.search_condition(session, OrgUnit.search_key, text))
                    .order_by(OrgUnit.depth, OrgUnit.id)
                    .limit(limit)
                )
            )
            if not found:
                return []
            above = _above(found)
            parents = _pairs(session.execute(select(above.c.id, above.c.parent_id)))
            order = {
                unit: (sort, name.lower())
                for unit, sort, name in session.execute(
                    select(OrgUnit.id, OrgUnit.sort_order, OrgUnit.name).where(OrgUnit.id.in_(list(parents)))
                )
            }
        paths = [(*reversed(ancestors(parents, unit)), unit) for unit in found]
        paths.sort(key=lambda ids: [order[i] for i in ids])
        return paths

    def add(self, operator: Operator, parent_id: int | None, name: str) -> OrgChange:
        """A new unit at the end of ``parent_id``'s children; it receives the roles inherited from
        above at once (A9). The change names the unit (``units_added``, ``node``) and the inherited
        rows it received, so that undo removes both."""
        operator.require("org_units.edit")
        cleaned = _clean_name(name)
        started = utcnow()
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            # First statement: every change of inherited rows takes this lock, so that a unit added
            # while another workstation ticks inheritance above it sees that change (S4).
            guard = _Guard(session)
            depth = 0
            if parent_id is not None:
                parent = session.get(OrgUnit, parent_id)
                if parent is None:
                    raise NotFoundError("The org unit no longer exists. Reload the page.")
                depth = parent.depth + 1
            _require_free_name(session, parent_id, cleaned)
            last = session.scalar(select(func.max(OrgUnit.sort_order)).where(_parent_is(parent_id)))
            unit = OrgUnit(name=cleaned, parent_id=parent_id, depth=depth, sort_order=(last or 0) + 1)
            session.add(unit)
            session.flush()
            diff = self._sync(uow, guard, [unit.id], "org unit added")
            node = self._node(session, unit.id)
            uow.commit()
        return diff.change(
            units_added=(node.id,), node=node, shapes=((node.id, node.parent_id, node.name),), at=started
        )

    def rename(self, operator: Operator, unit_id: int, name: str, *, version: int | None = None) -> OrgChange:
        """A new name (versioned, S4); the change keeps the old one for undo."""
        operator.require("org_units.edit")
        cleaned = _clean_name(name)
        started = utcnow()
        with UnitOfWork(self._factory, operator) as uow:
            # The tree's change lock first, as adding, moving and deleting take it: a rename and a
            # delete that lifts children to the same parent cannot both pass the name check (S4).
            take_change_lock(uow.session)
            unit = uow.load(OrgUnit, unit_id, expected_version=version)
            before = unit.name
            _require_free_name(uow.session, unit.parent_id, cleaned, unit_id)
            unit.name = cleaned
            uow.session.flush()
            node = self._node(uow.session, unit_id)
            uow.commit()
        return OrgChange(renamed=(unit_id, before, cleaned) if before != cleaned else None, node=node, at=started)

    def move(self, operator: Operator, unit_id: int, new_parent_id: int | None) -> OrgChange:
        """Move a unit (with its subtree) under ``new_parent_id`` (None: to the top), after its new
        siblings. The moved units gain the roles inherited from their new ancestors and lose those
        of the old ones (A9). Undo puts the unit back in its old place among its old siblings.

        A move to the parent the unit already has changes nothing: an empty change (no audit entry,
        nothing for undo), after a lookup of the unit and without reading its subtree's roles."""
        operator.require("org_units.edit")
        started = utcnow()
        with UnitOfWork(self._factory, operator) as uow:
            guard = _Guard(uow.session)
            placement = self._reparent(uow, unit_id, new_parent_id)
            if placement is None:
                return OrgChange(at=started)  # nothing written: the unit of work rolls back
            diff = self._sync(uow, guard, [unit_id], "org unit moved")
            guard.check()
            uow.commit()
        return diff.change(placements=(placement,), at=started)

    def _reparent(self, uow: UnitOfWork, unit_id: int, new_parent_id: int | None) -> Placement | None:
        """Hang ``unit_id`` under ``new_parent_id``, after its children, and fix the depths below it;
        None if ``new_parent_id`` is its parent already (nothing to do)."""
        session = uow.session
        unit = session.get(OrgUnit, unit_id)
        if unit is None:
            raise NotFoundError("The org unit no longer exists. Reload the page.")
        if unit.parent_id == new_parent_id:
            return None
        below = _subtree([unit_id])
        subtree = set(session.scalars(select(below.c.id)))
        depth = 0
        if new_parent_id is not None:
            if new_parent_id in subtree:
                raise ValidationError("A unit cannot be moved into its own subtree.")
            parent = session.get(OrgUnit, new_parent_id)
            if parent is None:
                raise NotFoundError("The org unit no longer exists. Reload the page.")
            depth = parent.depth + 1
        old_parent, old_order = unit.parent_id, unit.sort_order
        _require_free_name(session, new_parent_id, unit.name, unit_id)
        last = session.scalar(select(func.max(OrgUnit.sort_order)).where(_parent_is(new_parent_id)))
        shift = depth - unit.depth
        unit.parent_id, unit.depth, unit.sort_order = new_parent_id, depth, (last or 0) + 1
        session.flush()
        rest = sorted(subtree - {unit_id})
        if shift and rest:
            # A literal id list: MariaDB refuses an UPDATE whose subquery reads the same table.
            table = _table(OrgUnit)
            session.execute(update(table).where(table.c.id.in_(rest)).values(_depth_only(table.c.depth + shift)))
        return Placement(unit_id, old_parent, old_order, new_parent_id, unit.sort_order)

    def delete_impact(self, operator: Operator, unit_id: int) -> DeleteImpact:
        operator.require("org_units.delete")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            if session.get(OrgUnit, unit_id) is None:
                raise NotFoundError("The org unit no longer exists. Reload the page.")
            below = _subtree([unit_id])
            units = session.scalar(select(func.count()).select_from(below)) or 0
            children = session.scalar(select(func.count(OrgUnit.id)).where(OrgUnit.parent_id == unit_id)) or 0
            rows = session.scalar(
                select(func.count(RoleAssignment.id)).where(RoleAssignment.org_unit_id.in_(select(below.c.id)))
            )
        return DeleteImpact(children=children, descendants=units - 1, assignments=rows or 0)

    def delete(self, operator: Operator, unit_id: int, *, children: DeleteMode) -> OrgChange:
        """Delete a unit: with its whole subtree ("delete"), or lifting its children to its parent
        ("lift"), where they then receive what is inherited there (A9). The change keeps the units,
        their rows, sources and breaks, and where the lifted children were, for undo."""
        operator.require("org_units.delete")
        if children not in ("delete", "lift"):
            raise ValidationError("Choose what happens to the unit's children.")
        started = utcnow()
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            guard = _Guard(session)
            unit = session.get(OrgUnit, unit_id)
            if unit is None:
                raise NotFoundError("The org unit no longer exists. Reload the page.")
            kids = _pairs(session.execute(select(OrgUnit.id, OrgUnit.sort_order).where(OrgUnit.parent_id == unit_id)))
            diff = _Diff()
            placements: tuple[Placement, ...] = ()
            if children == "lift" and kids:
                _refuse_lift_clashes(session, unit, set(kids))
                placements = self._lift_children(uow, unit, kids, self._stamp(operator))
                diff = self._sync(uow, guard, sorted(kids), "org unit deleted")
                gone = [unit_id]
            else:
                below = _subtree([unit_id])
                gone = sorted(session.scalars(select(below.c.id)))
            dropped, records = self._drop_units(uow, guard, gone, "org unit deleted")
            guard.check()
            uow.commit()
        return diff.extend(dropped).change(units_removed=records, placements=placements, at=started)

    @staticmethod
    def _lift_children(
        uow: UnitOfWork, unit: OrgUnit, kids: dict[int, int], stamp: tuple[dt.datetime, str]
    ) -> tuple[Placement, ...]:
        """Hang the children of ``unit`` (id → sort order) under its parent, after the parent's own
        children, and move everything below one level up: three statements, however many children
        and descendants. The children get a new version and ``stamp`` as changed at and by (S4)."""
        session = uow.session
        below = _subtree(kids)
        descendants = sorted(session.scalars(select(below.c.id)))
        last = session.scalar(select(func.max(OrgUnit.sort_order)).where(_parent_is(unit.parent_id))) or 0
        table = _table(OrgUnit)
        session.execute(
            update(table)
            .where(table.c.parent_id == unit.id)
            .values(
                parent_id=unit.parent_id,
                sort_order=table.c.sort_order + last + 1,
                version=table.c.version + 1,
                updated_at=stamp[0],
                updated_by=stamp[1],
            )
        )
        # A literal id list: MariaDB refuses an UPDATE whose subquery reads the same table.
        session.execute(update(table).where(table.c.id.in_(descendants)).values(_depth_only(table.c.depth - 1)))
        uow.audit_many(
            {
                "object_type": "OrgUnit",
                "object_id": kid,
                "action": "update",
                "changes": {"parent_id": [unit.id, unit.parent_id]},
                "summary": "org unit deleted, children lifted",
            }
            for kid in sorted(kids)
        )
        return tuple(
            Placement(kid, unit.id, order, unit.parent_id, order + last + 1) for kid, order in sorted(kids.items())
        )

    def _drop_units(
        self, uow: UnitOfWork, guard: _Guard, units: list[int], summary: str
    ) -> tuple[_Diff, tuple[UnitRecord, ...]]:
        """Delete ``units`` and everything stored on them (or inherited from them), audited; a
        constant number of statements. Returns what was removed, the units parents first."""
        session = uow.session
        ra = RoleAssignment
        rows = _rows(session, or_(ra.org_unit_id.in_(units), ra.inherited_from_id.in_(units)))
        diff = _Diff(
            deletes=list(rows.values()),
            sources_off=list(_marks(session, InheritanceSource, InheritanceSource.org_unit_id.in_(units)).values()),
            breaks_off=list(_marks(session, InheritanceBreak, InheritanceBreak.org_unit_id.in_(units)).values()),
        )
        guard.write(uow, diff, summary)
        records = tuple(
            sorted(
                (UnitRecord(*row) for row in session.execute(select(*_record_columns()).where(OrgUnit.id.in_(units)))),
                key=lambda record: (record.depth, record.id),
            )
        )
        table = _table(OrgUnit)
        # Parents first would break the self-reference; cutting the links inside the set first works on every backend.
        session.execute(update(table).where(table.c.id.in_(units)).values(parent_id=None))
        session.execute(delete(table).where(table.c.id.in_(units)))
        uow.audit_many(
            {
                "object_type": "OrgUnit",
                "object_id": record.id,
                "action": "delete",
                "changes": {"name": [record.name, None], "parent_id": [record.parent_id, None]},
                "summary": summary,
            }
            for record in records
        )
        session.expunge_all()
        return diff, records

    def _restore_units(self, uow: UnitOfWork, records: Sequence[UnitRecord]) -> dict[int, int]:
        """Put deleted units back (parents first in ``records``), under their old ids where those are
        still free; a unit whose id another unit has taken meanwhile gets a new one. Returns old id →
        id now. A constant number of statements, however many units."""
        if not records:
            return {}
        session = uow.session
        table = _table(OrgUnit)
        restored = {record.id for record in records}
        outside = {record.parent_id for record in records if record.parent_id not in restored} - {None}
        present = _pairs(session.execute(select(OrgUnit.id, OrgUnit.depth).where(OrgUnit.id.in_(restored | outside))))
        if outside - set(present):
            raise NotFoundError(
                "The org unit it belonged to no longer exists, so it cannot be restored. Reload the page."
            )
        # Depths from the parent as it is now: someone may have moved it meanwhile.
        depth: dict[int | None, int] = {None: -1, **{unit: present[unit] for unit in outside}}
        stamp = self._stamp(uow.operator)
        rows: dict[int, dict[str, Any]] = {}
        for record in records:
            depth[record.id] = depth[record.parent_id] + 1
            rows[record.id] = {
                "id": record.id,
                "name": record.name,
                "search_key": search_key((record.name,)),  # a bulk INSERT passes no insert default
                "parent_id": None,  # linked below, once every restored unit exists
                "depth": depth[record.id],
                "sort_order": record.sort_order,
                "created_at": record.created_at,
                "version": record.version + 1,
                "updated_at": stamp[0],
                "updated_by": stamp[1],
            }
        ids = {unit: unit for unit in restored}
        free = [row for unit, row in rows.items() if unit not in present]
        if free:
            _insert_many(session, table, free)
        taken = [unit for unit in rows if unit in present]
        if taken:
            # Honest about SQLite's reused ids: the unit comes back under a new id, and the change says so.
            fresh = session.scalars(
                insert(table).returning(table.c.id, sort_by_parameter_order=True),
                [{k: v for k, v in rows[unit].items() if k != "id"} for unit in taken],
            ).all()
            ids.update(zip(taken, fresh, strict=True))
        parent_now = {record.id: _renumbered(record.parent_id, ids) for record in records}
        links = [{"i": ids[unit], "p": parent} for unit, parent in parent_now.items() if parent is not None]
        if links:
            session.execute(update(table).where(table.c.id == bindparam("i")).values(parent_id=bindparam("p")), links)
        uow.audit_many(
            {
                "object_type": "OrgUnit",
                "object_id": ids[record.id],
                "action": "create",
                "changes": {
                    "name": [None, record.name],
                    "parent_id": [None, parent_now[record.id]],
                },
                "summary": "undo",
            }
            for record in records
        )
        return ids

    def _place(
        self, uow: UnitOfWork, placements: Sequence[Placement], *, since: dt.datetime | None
    ) -> tuple[Placement, ...]:
        """Hang each unit under ``parent_after`` with sort order ``order_after`` (undo of a move or of
        lifted children: back among the old siblings, in the old place) and fix the depths below;
        what was actually done. A constant number of statements, however many units.

        Each unit must still hang under ``parent_before``, where the change put it: a unit moved
        elsewhere since (by another workstation) is not moved back over that (S4); a rename since
        does not matter."""
        if not placements:
            return ()
        session = uow.session
        table = _table(OrgUnit)
        stamp = self._stamp(uow.operator)
        units = [p.unit_id for p in placements]
        parents = {p.parent_after for p in placements} - {None}
        current = {
            row.id: row
            for row in session.execute(
                select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.depth, OrgUnit.sort_order)
                .where(OrgUnit.id.in_(set(units) | parents))
                .with_for_update()
            )
        }
        if set(units) - set(current) or parents - set(current):
            raise NotFoundError("The org unit no longer exists. Reload the page.")
        moved = [p.unit_id for p in placements if current[p.unit_id].parent_id != p.parent_before]
        if moved:
            raise changed_error(session.connection(), uow.operator, "OrgUnit", [str(u) for u in moved[:1]], since)
        start = select(OrgUnit.id, OrgUnit.id.label("top")).where(OrgUnit.id.in_(units)).cte("moving", recursive=True)
        child = aliased(OrgUnit)
        below = start.union_all(select(child.id, start.c.top).join(start, child.parent_id == start.c.id))
        tops: dict[int, list[int]] = {}
        for unit, top in session.execute(select(below.c.id, below.c.top)):
            tops.setdefault(top, []).append(unit)
        depth: dict[int, int] = {}
        done: list[Placement] = []
        for p in placements:
            if p.parent_after is not None and p.parent_after in tops[p.unit_id]:
                raise ValidationError("A unit cannot be moved into its own subtree.")
            now = current[p.unit_id]
            parent_depth = -1 if p.parent_after is None else depth.get(p.parent_after, current[p.parent_after].depth)
            depth[p.unit_id] = parent_depth + 1
            done.append(Placement(p.unit_id, now.parent_id, now.sort_order, p.parent_after, p.order_after))
        session.execute(
            update(table)
            .where(table.c.id == bindparam("i"))
            .values(
                parent_id=bindparam("p"),
                sort_order=bindparam("o"),
                version=table.c.version + 1,
                updated_at=stamp[0],
                updated_by=stamp[1],
            ),
            [{"i": p.unit_id, "p": p.parent_after, "o": p.order_after} for p in placements],
        )
        # Every unit of the moved subtrees, the moved ones included (they keep the stamp just
        # given): one statement whether or not they have units below them.
        session.execute(
            update(table).where(table.c.id == bindparam("i")).values(_depth_only(table.c.depth + bindparam("s"))),
            [{"i": unit, "s": depth[top] - current[top].depth} for top in units for unit in tops[top]],
        )
        uow.audit_many(
            {
                "object_type": "OrgUnit",
                "object_id": p.unit_id,
                "action": "update",
                "changes": {"parent_id": [p.parent_before, p.parent_after]},
                "summary": "undo",
            }
            for p in done
        )
        return tuple(done)

    @staticmethod
    def _parent_of(session: Session, unit_id: int) -> int | None:
        return session.scalar(select(OrgUnit.parent_id).where(OrgUnit.id == unit_id))

    def _rename_back(
        self, uow: UnitOfWork, unit_id: int, before: str, after: str, *, since: dt.datetime | None
    ) -> tuple[int, str, str]:
        """Undo of a rename: ``after`` becomes ``before`` again, unless someone renamed it since (S4;
        a move since does not matter). The refusal names who, where and when (audit log)."""
        unit = uow.session.get(OrgUnit, unit_id, with_for_update=True)
        if unit is None:
            raise NotFoundError("The org unit no longer exists. Reload the page.")
        if unit.name != before:
            if unit.name != after:
                raise _renamed_since(uow, unit_id, unit.name, since)
            unit.name = before
            uow.session.flush()
        return (unit_id, after, before)

    # ------------------------------------------------------------------ a user's roles in the tree

    def users(self, operator: Operator, text: str, limit: int = 50) -> list[GridUser]:
        """Internal users whose name, user name or e-mail contain the words of ``text`` (the user picker;
        folded, :func:`mandant_desktop.services.users.user_search`)."""
        operator.require("assignments.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            stmt = (
                select(User.id, User.first_name, User.last_name, User.username, User.email)
                .where(User.kind == UserKind.INTERNAL, *user_search(uow.session, text))
                .order_by(func.lower(User.last_name), func.lower(User.first_name), User.id)
                .limit(limit)
            )
            rows = uow.session.execute(stmt).all()
        return [
            GridUser(r.id, f"{r.first_name} {r.last_name}".strip() or r.username, r.username, r.email) for r in rows
        ]

    def role_choices(self, operator: Operator) -> list[RoleChoice]:
        operator.require("assignments.view")
        return self._assignments.roles(operator)

    def roles_of(self, operator: Operator, user_id: int, unit_ids: Collection[int]) -> dict[int, UnitRoles]:
        """The user's roles in each of ``unit_ids`` (a few units: the explain dialog, tests). One
        query. The tree asks :meth:`roles_in_tree` instead, which names no units."""
        operator.require("assignments.view")
        if not unit_ids:
            return {}
        units = select(OrgUnit.id.label("unit_id")).where(OrgUnit.id.in_(sorted(set(unit_ids)))).subquery("units")
        return self._roles_in(units, user_id, operator)

    def roles_in_tree(
        self, operator: Operator, user_id: int, parent_ids: Collection[int | None] | None = None
    ) -> dict[int, UnitRoles]:
        """The user's roles, inheritance sources and breaks (the roles columns of the org-unit tree).

        ``parent_ids`` None: in every unit where the user holds a role or a mark — the units come
        from the user's own rows (the unique index on user, unit, role), never as a list of ids, so
        the query costs the same for 50 loaded units as for 5,000 (section 8, issue 8). Otherwise
        in the children of ``parent_ids`` (None among them: the top level), the levels the tree has
        just fetched. A unit missing from the answer holds nothing of the user. One query."""
        operator.require("assignments.view")
        if parent_ids is not None:
            wanted = sorted({parent for parent in parent_ids if parent is not None})
            if not wanted and None not in parent_ids:
                return {}
            below = OrgUnit.parent_id.in_(wanted)
            units = (
                select(OrgUnit.id.label("unit_id"))
                .where(or_(below, OrgUnit.parent_id.is_(None)) if None in parent_ids else below)
                .subquery("units")
            )
        else:
            units = union(
                select(RoleAssignment.org_unit_id.label("unit_id")).where(RoleAssignment.user_id == user_id),
                select(InheritanceSource.org_unit_id).where(InheritanceSource.user_id == user_id),
                select(InheritanceBreak.org_unit_id).where(InheritanceBreak.user_id == user_id),
            ).subquery("units")
        return self._roles_in(units, user_id, operator)

    def _roles_in(self, units: Subquery, user_id: int, operator: Operator) -> dict[int, UnitRoles]:
        """The user's roles in each unit of the subquery ``units`` (column ``unit_id``)."""
        unit = units.c.unit_id
        source = aliased(OrgUnit)
        src_mark, brk_mark = aliased(InheritanceSource), aliased(InheritanceBreak)
        stmt = (
            select(
                unit,
                Role.id,
                Role.name,
                RoleAssignment.inherited_from_id,
                source.name,
                src_mark.org_unit_id,
                brk_mark.org_unit_id,
            )
            .select_from(units)
            .outerjoin(RoleAssignment, and_(RoleAssignment.org_unit_id == unit, RoleAssignment.user_id == user_id))
            .outerjoin(Role, Role.id == RoleAssignment.role_id)
            .outerjoin(source, source.id == RoleAssignment.inherited_from_id)
            .outerjoin(src_mark, and_(src_mark.org_unit_id == unit, src_mark.user_id == user_id))
            .outerjoin(brk_mark, and_(brk_mark.org_unit_id == unit, brk_mark.user_id == user_id))
            .order_by(unit, func.lower(Role.name))
        )
        chips: dict[int, list[Chip]] = {}
        info: dict[int, tuple[int | None, str | None, bool, bool]] = {}
        # One Chip per role and source, shared by every unit that shows it (frozen): 5,000 units of
        # a user hold a handful of different ones, and the tree keeps and drops them all at once.
        shared: dict[tuple[int, int | None], Chip] = {}
        sources: dict[int, str | None] = {}  # the name of each source unit, once
        with UnitOfWork(self._factory, operator, write=False) as uow:
            for unit_id, role_id, role_name, from_id, from_name, ticked, broken in uow.session.execute(stmt):
                chips.setdefault(unit_id, [])
                if role_id is not None:
                    chip = shared.get((role_id, from_id))
                    if chip is None:
                        chip = shared[role_id, from_id] = Chip(role_id, role_name, from_id)
                    chips[unit_id].append(chip)
                if from_id is not None:
                    from_name = sources.setdefault(from_id, from_name)
                known = info.get(unit_id, (None, None, False, False))
                info[unit_id] = (known[0] or from_id, known[1] or from_name, ticked is not None, broken is not None)
        return {
            unit_id: UnitRoles(
                unit_id,
                tuple(chips[unit_id]),
                *info[unit_id][:2],
                inherit_ticked=info[unit_id][2],
                chain_broken=info[unit_id][3],
            )
            for unit_id in chips
        }

    def add_roles(self, operator: Operator, user_id: int, unit_id: int, role_ids: Collection[int]) -> OrgChange:
        """Direct roles (A1, A4); refused where the user's roles are inherited (A6). When the unit is
        an inheritance source, the units inheriting from it receive the roles too."""
        operator.require("assignments.assign")
        roles = set(role_ids)
        if not roles:
            raise ValidationError("Choose at least one role.", field="roles")

        def edit(parents: Parents, tree: UserTree) -> UserTree:
            return inheritance.add_roles(parents, tree, unit_id, roles)

        return self._change(operator, user_id, unit_id, edit, "role assigned", roles=roles)

    def remove_role(self, operator: Operator, user_id: int, unit_id: int, role_id: int) -> OrgChange:
        """Remove a direct role (A7), from the units inheriting it as well."""
        operator.require("assignments.assign")

        def edit(_parents: Parents, tree: UserTree) -> UserTree:
            return inheritance.remove_role(tree, unit_id, role_id)

        return self._change(operator, user_id, unit_id, edit, "role removed")

    def inherit_impact(self, operator: Operator, user_id: int, unit_id: int, mode: InheritMode) -> InheritImpact:
        operator.require("assignments.assign")
        return self._impact(operator, user_id, unit_id, _inherit_edit(unit_id, mode))

    def set_inherit(self, operator: Operator, user_id: int, unit_id: int, mode: InheritMode) -> OrgChange:
        """Tick "Inherit roles to child units" (A5), keeping or replacing what lies below."""
        operator.require("assignments.assign")
        if mode not in ("replace", "keep"):
            raise ValidationError("Choose Replace existing or Keep existing.")
        return self._change(operator, user_id, unit_id, _inherit_edit(unit_id, mode), f"inheritance ticked ({mode})")

    def clear_inherit_impact(self, operator: Operator, user_id: int, unit_id: int) -> InheritImpact:
        operator.require("assignments.assign")
        return self._impact(operator, user_id, unit_id, _clear_edit(unit_id))

    def clear_inherit(self, operator: Operator, user_id: int, unit_id: int) -> OrgChange:
        """Untick the box (A8): the inherited roles disappear from every descendant."""
        operator.require("assignments.assign")
        return self._change(operator, user_id, unit_id, _clear_edit(unit_id), "inheritance unticked")

    def break_impact(self, operator: Operator, user_id: int, unit_id: int) -> InheritImpact:
        operator.require("assignments.assign")
        return self._impact(operator, user_id, unit_id, _break_edit(unit_id))

    def break_inheritance(self, operator: Operator, user_id: int, unit_id: int) -> OrgChange:
        """ "Edit roles" (A7): the inherited roles become direct here; the units below that got them
        through this unit lose them."""
        operator.require("assignments.assign")
        return self._change(operator, user_id, unit_id, _break_edit(unit_id), "inheritance broken")

    def explain(self, operator: Operator, user_id: int, unit_id: int) -> Explanation:
        """Why the user holds each admin permission in the unit, or why not (A10, R3): the role,
        direct or inherited from which unit, who assigned it and when; or that the user holds no
        role here, or that the chain from an inheriting unit is broken at a given unit."""
        operator.require("assignments.view")
        source = aliased(OrgUnit)
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            if session.get(User, user_id) is None:
                raise NotFoundError("The user no longer exists. Reload the page.")
            area = _load_area(session, [unit_id], user_id)
            if unit_id not in area.subtree:
                raise NotFoundError("The org unit no longer exists. Reload the page.")
            path = [*reversed(ancestors(area.parents, unit_id)), unit_id]
            names = _pairs(session.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_(path))))
            grants = session.execute(
                select(
                    RolePermission.permission_code,
                    Role.id,
                    Role.name,
                    RoleAssignment.inherited_from_id,
                    source.name,
                    RoleAssignment.created_by,
                    RoleAssignment.created_at,
                )
                .join(Role, Role.id == RoleAssignment.role_id)
                .join(RolePermission, RolePermission.role_id == Role.id)
                .outerjoin(source, source.id == RoleAssignment.inherited_from_id)
                .where(RoleAssignment.user_id == user_id, RoleAssignment.org_unit_id == unit_id)
                .order_by(func.lower(Role.name))
            ).all()
            can_log_in = session.scalar(select(RoleAssignment.id).where(RoleAssignment.user_id == user_id).limit(1))
        if any(key[1] == unit_id for key in area.rows):
            why_not, where = "None of the user's roles in {unit} includes this permission.", unit_id
        else:
            broken = broken_at(area.parents, area.tree_of(user_id), unit_id)
            why_not, where = (
                ("Chain broken at {unit}.", broken) if broken is not None else ("No role in {unit}.", unit_id)
            )
        first: dict[str, Any] = {}
        for grant in grants:
            first.setdefault(grant[0], grant)
        refusal = why_not.format(unit=names.get(where, "?"))
        reasons = [
            PermissionReason(code, True, *first[code][1:])
            if code in first
            else PermissionReason(
                code, False, why_not=refusal, why_not_template=why_not, why_not_unit=names.get(where, "?")
            )
            for code in sorted(ADMIN_CODES)
        ]
        reasons.sort(key=lambda reason: not reason.granted)
        return Explanation(
            user_id=user_id,
            unit_id=unit_id,
            unit_path=UNIT_PATH_SEPARATOR.join(names.get(unit, "?") for unit in path),
            reasons=tuple(reasons),
            can_log_in=can_log_in is not None,
        )

    def revert(self, operator: Operator, change: OrgChange) -> OrgChange:
        """Undo ``change`` exactly: the rows and marks it added go, those it removed come back; units
        it deleted come back (with their old ids where free, see ``renumbered``), units it added go,
        units it moved or lifted go back to their old place, a rename is taken back. What someone
        else changed since stays as it is. The result reverts the revert (redo).

        The rights are those of the opposite operation: undoing an add deletes (``org_units.delete``),
        undoing a delete, a move or a rename edits the tree (``org_units.edit``); a change of roles
        only needs ``assignments.assign`` in every unit it touches (S1)."""
        if change.units_added:
            operator.require("org_units.delete")
        if change.units_removed or change.placements or change.renamed:
            operator.require("org_units.edit")
        if not change.changes_tree:
            operator.require("assignments.assign")
        drop = set(change.units_added)
        started = utcnow()
        kept = 0
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            guard = _Guard(session)
            renamed = self._rename_back(uow, *change.renamed, since=change.at) if change.renamed else None
            ids = self._restore_units(uow, change.units_removed)
            again = change.renumber({old: new for old, new in ids.items() if old != new})
            placements = self._place(uow, [p.reversed() for p in again.placements], since=change.at)
            # A unit put back (or lifted again by a redo) may meet one of the same name that was
            # added or renamed there since: refused, as adding or renaming it would be.
            _refuse_sibling_clashes(
                session,
                drop,
                {_renumbered(record.parent_id, ids) for record in change.units_removed if record.parent_id not in ids}
                | {p.parent_after for p in placements}
                | ({self._parent_of(session, renamed[0])} if renamed else set()),
            )
            keys = [k for k in (*again.added, *again.sources_added, *again.breaks_added) if k[1] not in drop]
            rows: list[AssignmentRow | MarkRow] = [r for r in again.removed if r.org_unit_id not in drop]
            rows += [m for m in (*again.sources_removed, *again.breaks_removed) if m.org_unit_id not in drop]
            users = sorted({k[0] for k in keys} | {r.user_id for r in rows})
            units = sorted({k[1] for k in keys} | {r.org_unit_id for r in rows})
            diff = _Diff()
            if users:
                added = [row for row in again.created if row.org_unit_id not in drop]
                here = and_(RoleAssignment.user_id.in_(users), RoleAssignment.org_unit_id.in_(units))
                current = _rows(session, here)
                diff.deletes = _still_written(uow, "RoleAssignment", current, added, change.at)
                diff.inserts = _put_back(again.removed, set(current) - {row.key for row in added})
                sources = _marks(session, InheritanceSource, _mark_in(InheritanceSource, users, units))
                diff.sources_off = _still_written(uow, "InheritanceSource", sources, again.sources_created, change.at)
                diff.sources_on = _put_back(again.sources_removed, set(sources) - set(again.sources_added))
                breaks = _marks(session, InheritanceBreak, _mark_in(InheritanceBreak, users, units))
                diff.breaks_off = _still_written(uow, "InheritanceBreak", breaks, again.breaks_created, change.at)
                diff.breaks_on = _put_back(again.breaks_removed, set(breaks) - set(again.breaks_added))
                kept = sum(
                    _left(written, done, drop)
                    for written, done in (
                        (added, diff.deletes),
                        (again.removed, diff.inserts),
                        (again.sources_created, diff.sources_off),
                        (again.sources_removed, diff.sources_on),
                        (again.breaks_created, diff.breaks_off),
                        (again.breaks_removed, diff.breaks_on),
                    )
                )
            if not change.changes_tree:
                self._require_reach(session, operator, units, diff)
            guard.write(uow, diff, "undo")
            records: tuple[UnitRecord, ...] = ()
            if drop:
                _refuse_new_children(session, drop)
                _refuse_changed_since(uow, change, drop)
                dropped, records = self._drop_units(uow, guard, sorted(drop), "undo")
                diff.extend(dropped)
            guard.check()
            uow.commit()
        return diff.change(
            units_added=tuple(ids[record.id] for record in change.units_removed),
            units_removed=records,
            placements=placements,
            renamed=renamed,
            renumbered=tuple((old, new) for old, new in ids.items() if old != new),
            shapes=tuple(
                (ids[record.id], _renumbered(record.parent_id, ids), record.name) for record in change.units_removed
            ),
            at=started,
            kept=kept,
        )

    # ------------------------------------------------------------------ internals

    def _stamp(self, operator: Operator) -> tuple[dt.datetime, str]:
        return (self._now(), operator.username[:100])

    def _sync(self, uow: UnitOfWork, guard: _Guard, tops: list[int], summary: str) -> _Diff:
        """Bring the inherited rows of every user below ``tops`` in line with the tree as it now is (A9)."""
        area = _load_area(uow.session, tops, None)
        trees = area.trees(area.users())
        diff = _diff(area, trees, self._stamp(uow.operator))
        guard.write(uow, diff, summary)
        return diff

    def _plan(self, session: Session, operator: Operator, user_id: int, unit_id: int, edit: TreeEdit) -> _Diff:
        if session.get(User, user_id) is None:
            raise NotFoundError("The user no longer exists. Reload the page.")
        area = _load_area(session, [unit_id], user_id)
        if unit_id not in area.subtree:
            raise NotFoundError("The org unit no longer exists. Reload the page.")
        tree = edit(area.parents, area.tree_of(user_id))
        return _diff(area, {user_id: tree}, self._stamp(operator))

    def _impact(self, operator: Operator, user_id: int, unit_id: int, edit: TreeEdit) -> InheritImpact:
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return self._plan(uow.session, operator, user_id, unit_id, edit).impact(unit_id)

    def _change(
        self,
        operator: Operator,
        user_id: int,
        unit_id: int,
        edit: TreeEdit,
        summary: str,
        *,
        roles: Collection[int] = (),
    ) -> OrgChange:
        started = utcnow()
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            guard = _Guard(session)
            if roles and len(set(session.scalars(select(Role.id).where(Role.id.in_(sorted(roles)))))) != len(roles):
                raise NotFoundError("A chosen role no longer exists. Reload the page.")
            diff = self._plan(session, operator, user_id, unit_id, edit)
            self._require_reach(session, operator, [unit_id], diff)
            guard.write(uow, diff, summary)
            guard.check()
            uow.commit()
        return diff.change(at=started)

    @staticmethod
    def _require_reach(session: Session, operator: Operator, tops: Collection[int], diff: _Diff) -> None:
        """Delegation (S1): every unit the change touches must be one where the operator holds
        ``assignments.assign``, and every role it grants one whose permissions the operator holds
        in that unit (through one role or several together). Two queries, whatever the size of the
        subtree: every role's codes, and the operator's own (unit, role) pairs; the rest is set
        arithmetic here. Each query the server answered instead (the units with the permission,
        those covered by one role, those covered by several) walked the subtree again; at the root
        of 5,000 units on PostgreSQL they cost more server time than the rows read here (issue 8)."""
        if operator.is_system:
            return
        unit_of = attrgetter("org_unit_id")
        inserted = set(map(unit_of, diff.inserts))
        touched = inserted | set(map(unit_of, diff.deletes))
        touched.update(map(unit_of, (*diff.sources_on, *diff.sources_off, *diff.breaks_on, *diff.breaks_off)))
        if not touched:
            return
        # Every role's codes (a few dozen per role): which roles carry the permission to assign,
        # what the granted roles need, and which roles hold all of that on their own.
        codes_of: dict[int, set[str]] = {}
        for role, code in _id_tuples(session, select(RolePermission.role_id, RolePermission.permission_code)):
            codes_of.setdefault(role, set()).add(code)
        mine = select(RoleAssignment.org_unit_id, RoleAssignment.role_id).where(RoleAssignment.user_id == operator.id)
        held = integer_rows(session.connection(), mine)  # the operator's (unit, role) pairs
        assigning = {role for role, codes in codes_of.items() if "assignments.assign" in codes}
        # Set arithmetic over the operator's pairs rather than a test per touched unit or row:
        # ticking inheritance at the root touches 5,000 units with 10,000 rows (issue 8).
        refused = sorted(touched.difference([unit for unit, role in held if role in assigning]))
        if refused:
            names = sorted(session.scalars(select(OrgUnit.name).where(OrgUnit.id.in_(refused[:5]))))
            raise PermissionDeniedError(
                "You may assign roles only in the org units where you hold the permission {permission}; "
                "not in: {units}.",
                permission="assignments.assign",
                units=", ".join(names) + (" …" if len(refused) > 5 else ""),
            )
        if not diff.inserts:
            return
        needed = {role: frozenset(codes_of.get(role, ())) for role in set(map(attrgetter("role_id"), diff.inserts))}
        codes = frozenset().union(*needed.values())
        if not codes:
            return
        # The units where the operator holds one role with all the codes (an administrator: all of
        # them) need no more; elsewhere the codes of the operator's roles there are added up.
        covering = {role for role, role_codes in codes_of.items() if role_codes >= codes}
        inserted.difference_update([unit for unit, role in held if role in covering])
        if not inserted:
            return
        wanted = {(r.org_unit_id, r.role_id) for r in diff.inserts if r.org_unit_id in inserted}
        roles_in: dict[int, set[int]] = {}
        for unit, role in held:
            if unit in inserted:
                roles_in.setdefault(unit, set()).add(role)
        held_in: dict[int, frozenset[str]] = {}
        for unit, role in sorted(wanted):
            roles = roles_in.get(unit, set())
            if unit not in held_in:
                held_in[unit] = frozenset().union(*(codes_of.get(r, ()) for r in roles))
            if not needed[role] <= held_in[unit]:
                raise PermissionDeniedError(
                    "You may grant only roles whose permissions you hold yourself in that org unit: "
                    "{role} needs more than you hold in {unit}.",
                    role=session.scalar(select(Role.name).where(Role.id == role)) or "?",
                    unit=session.scalar(select(OrgUnit.name).where(OrgUnit.id == unit)) or "?",
                )


def _refuse_new_children(session: Session, units: set[int]) -> None:
    """Undo of an add deletes the added units, but not units someone has put under them since."""
    found = session.execute(
        select(OrgUnit.name)
        .where(
            OrgUnit.id.in_(sorted(units)),
            OrgUnit.id.in_(select(OrgUnit.parent_id).where(~OrgUnit.id.in_(sorted(units)))),
        )
        .limit(1)
    ).scalar()
    if found is not None:
        raise InUseError(
            "{name} has child units now, added in the meantime, so undo does not delete it. Delete it yourself "
            "if it should go.",
            name=found,
        )


def _renamed_since(uow: UnitOfWork, unit_id: int, name: str, since: dt.datetime | None) -> UndoConflictError:
    """The undo of a rename is refused: the unit bears another name now (S4)."""
    found = cause(uow.session.connection(), uow.operator, "OrgUnit", [str(unit_id)], since)
    if found is not None:
        return UndoConflictError(
            "Cannot undo: {who} renamed this org unit to {name} at {when} on workstation {workstation}, after your "
            "change. Nothing was changed.",
            who=found.who,
            name=name,
            when=when_text(found.at),
            workstation=found.workstation,
        )
    return UndoConflictError(
        "Cannot undo: this org unit was renamed to {name} after your change (nobody else is logged: on this "
        "workstation, outside these undo steps). Nothing was changed.",
        name=name,
    )


def _refuse_changed_since(uow: UnitOfWork, change: OrgChange, units: set[int]) -> None:
    """Undo of an add (or redo of a delete) deletes the units ``change`` created, but not over what
    someone did to them since (S4): renamed or moved (their ``shapes``), or roles, inheritance
    boxes or chain breaks given in them that the change did not bring. Four queries, however
    many units; a unit that is gone already is no obstacle (it is as undo would leave it)."""
    session = uow.session
    ids = sorted(units)
    shapes = {unit: (parent, name) for unit, parent, name in change.shapes if unit in units}
    if shapes:
        now = session.execute(
            select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.name).where(OrgUnit.id.in_(ids)).with_for_update()
        ).all()
        for unit, parent, name in now:
            if unit in shapes and shapes[unit] != (parent, name):
                raise changed_error(session.connection(), uow.operator, "OrgUnit", [str(unit)], change.at)
    ra = RoleAssignment
    direct = session.execute(
        select(ra.user_id, ra.org_unit_id, ra.role_id).where(ra.org_unit_id.in_(ids), ra.inherited_from_id.is_(None))
    ).all()
    added = set(change.added)
    marks: list[tuple[int, int]] = []
    for model, brought in ((InheritanceSource, change.sources_added), (InheritanceBreak, change.breaks_added)):
        stored = session.execute(select(model.user_id, model.org_unit_id).where(model.org_unit_id.in_(ids))).all()
        kept = set(brought)
        marks += [(user, unit) for user, unit in stored if (user, unit) not in kept]
    foreign = [unit for user, unit, role in direct if (user, unit, role) not in added] + [unit for _, unit in marks]
    if foreign:
        raise UndoConflictError(
            "Cannot undo: data was added to this {object} afterwards. Nothing was changed.", object="OrgUnit"
        )


def _still_written(
    uow: UnitOfWork, object_type: str, stored: Mapping[Any, _R], written: Sequence[_R], since: dt.datetime | None
) -> list[_R]:
    """The rows of ``written`` (what a change added) that are stored as it wrote them, for its undo
    to delete; those removed since are no obstacle. A row under one of their keys that the change
    did not write — removed and added again since, by another workstation or by the tree's
    inheritance — is not the undo's to delete: it is refused, naming who did it and when (S4)."""
    mine: list[_R] = []
    others: list[_R] = []
    for row in written:
        now = stored.get(row.key)
        if now is None:
            continue
        same = getattr(now, "inherited_from_id", None) == getattr(row, "inherited_from_id", None)
        if same and same_row_written((now.created_at, now.created_by), (row.created_at, row.created_by)):
            mine.append(now)
        else:
            others.append(now)
    if others:
        first = others[0]
        ids = [":".join(str(part) for part in row.key) for row in others[:_REFUSAL_IDS]]
        for row in others[:_REFUSAL_IDS]:
            if isinstance(row, AssignmentRow):  # inherited rows are logged per user, source and role
                ids.append(f"{row.user_id}:*:{row.role_id}")
        raise changed_error(
            uow.session.connection(),
            uow.operator,
            object_type,
            ids,
            since,
            last_writer=first.created_by,
            last_written=first.created_at,
        )
    return mine


def _left(written: Sequence[AssignmentRow | MarkRow], done: Sequence[Any], drop: set[int]) -> int:
    """How many of the rows an undo takes back (``written``) it left as they are: removed since, or
    there again, by someone else (``done``: those it takes back). Rows in the units it deletes
    (``drop``) go with them and are not counted."""
    taken = {row.key for row in done}
    return sum(1 for row in written if row.org_unit_id not in drop and row.key not in taken)


def _put_back(rows: Sequence[_R], present: set[Any]) -> list[_R]:
    """The removed ``rows`` whose keys are free again."""
    return [row for row in rows if row.key not in present]


def _mark_in(model: type[InheritanceSource | InheritanceBreak], users: list[int], units: list[int]) -> Any:
    return and_(model.user_id.in_(users), model.org_unit_id.in_(units))


def _require_free_name(session: Session, parent_id: int | None, name: str, unit_id: int | None = None) -> None:
    """No two units under one parent share a name, whatever the letter case: the Excel export names
    a unit by its path and the import finds it by that path (A3, S8), which two "Vertrieb / Nord"
    would make ambiguous."""
    key = name.casefold()
    for other_id, other in session.execute(select(OrgUnit.id, OrgUnit.name).where(_parent_is(parent_id))):
        if other_id != unit_id and other.casefold() == key:
            raise ValidationError("There is already an org unit named {name} at this level.", field="name", name=other)


def _name_clashes(rows: Iterable[tuple[int, str]], leaving: Collection[int] = ()) -> list[str]:
    """Every spelling of the names that more than one of ``rows`` (id, name) share, whatever the
    letter case; units in ``leaving`` do not count."""
    seen: dict[str, list[str]] = {}
    for unit_id, name in rows:
        if unit_id not in leaving:
            seen.setdefault(name.casefold(), []).append(name)
    return sorted({name for names in seen.values() if len(names) > 1 for name in names})


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(names)


def _refuse_lift_clashes(session: Session, unit: OrgUnit, kids: set[int]) -> None:
    """A9: lifting the children of ``unit`` to its parent must not put two units of one name side by
    side (the Excel export and import name a unit by its path, A3, S8). Refused before anything is
    written, naming the clashing units, rather than merging them (whose roles would then mix) or
    renaming one without a word (as C3 refuses for rights groups)."""
    lifted = {name.casefold() for name in session.scalars(select(OrgUnit.name).where(OrgUnit.id.in_(kids)))}
    siblings = session.execute(select(OrgUnit.id, OrgUnit.name).where(_parent_is(unit.parent_id))).all()
    clashes = sorted(
        (name for sibling, name in siblings if sibling != unit.id and name.casefold() in lifted), key=str.casefold
    )
    if not clashes:
        return
    if unit.parent_id is None:
        raise ValidationError(
            "{unit} cannot be deleted with its child units moved up: the top level has units named {names} "
            "already. Rename those first, or delete {unit} together with its child units.",
            unit=unit.name,
            names=_quoted(clashes),
        )
    parent = session.scalar(select(OrgUnit.name).where(OrgUnit.id == unit.parent_id))
    raise ValidationError(
        "{unit} cannot be deleted with its child units moved up: {parent} has units named {names} already. "
        "Rename those first, or delete {unit} together with its child units.",
        unit=unit.name,
        parent=parent,
        names=_quoted(clashes),
    )


def _refuse_sibling_clashes(session: Session, leaving: Collection[int], parents: Collection[int | None]) -> None:
    """Undo and redo put units back under ``parents``: refused when two units there would then
    share a name (``leaving``: units the same change removes)."""
    for parent_id in sorted(parents, key=lambda p: -1 if p is None else p):
        rows = session.execute(select(OrgUnit.id, OrgUnit.name).where(_parent_is(parent_id))).all()
        clashes = _name_clashes(rows, leaving)
        if not clashes:
            continue
        if parent_id is None:
            raise ValidationError(
                "This step cannot be undone or redone: the top level would then hold two units named {names}. "
                "Rename one of them first.",
                names=_quoted(clashes),
            )
        parent = session.scalar(select(OrgUnit.name).where(OrgUnit.id == parent_id))
        raise ValidationError(
            "This step cannot be undone or redone: {parent} would then hold two units named {names}. "
            "Rename one of them first.",
            parent=parent,
            names=_quoted(clashes),
        )


def _parent_is(parent_id: int | None) -> ColumnElement[bool]:
    return OrgUnit.parent_id.is_(None) if parent_id is None else OrgUnit.parent_id == parent_id


def _inherit_edit(unit_id: int, mode: InheritMode) -> TreeEdit:
    return lambda parents, tree: inheritance.set_inherit(parents, tree, unit_id, mode)


def _clear_edit(unit_id: int) -> TreeEdit:
    return lambda _parents, tree: inheritance.clear_inherit(tree, unit_id)


def _break_edit(unit_id: int) -> TreeEdit:
    return lambda parents, tree: inheritance.break_chain(parents, tree, unit_id)
