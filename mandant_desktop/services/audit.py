"""Reading the audit log (SPEC S3): filtered, sorted and paged in the database.

The log can hold millions of entries, so nothing here loads it whole: :meth:`AuditService.page`
returns one window after a keyset cursor (the sort value and the id of the last row shown), which
costs the same at the millionth row as at the first. Filters and sort run in SQL. Entries of
tenants hidden from the operator (T8) and, with the toolbar filter on, of other tenants (T9) are
never read. The service offers no way to change or delete an entry: the log is read only for
everyone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db.models import AuditEntry, OrgUnit, Role, Tenant, User, UserKind
from mandant_desktop.domain.tenant_access import TenantScope
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenant_scope import load_tenant_scope, visible_clause, visible_clause_in
from mandant_desktop.services.unit_of_work import UnitOfWork

#: personal fields per kind of object (SPEC T8 "private data"), as the contacts service masks them
PRIVATE_FIELDS: dict[str, tuple[str, ...]] = {
    "Contact": ("email", "phone", "street", "postal_code", "city", "birthday"),
    "PersonRole": ("email", "phone", "street", "postal_code", "city"),
}
#: the largest window one call returns
MAX_PAGE = 1_000
#: fields that name an object, in order of preference, for the "object" column; before the summary
_NAME_FIELDS = ("name", "username", "number")
#: fields that describe an object less well; after the summary
_OTHER_FIELDS = ("last_name", "email", "title", "key", "code")


class AuditSort(StrEnum):
    TIME = "at"
    OPERATOR = "operator_name"
    WORKSTATION = "workstation"
    OBJECT_TYPE = "object_type"
    OBJECT = "object_id"
    ACTION = "action"


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """What the audit page shows: the filters and the order (newest first by default)."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None
    operator_name: str = ""
    object_type: str = ""
    tenant_id: int | None = None
    text: str = ""
    sort: AuditSort = AuditSort.TIME
    descending: bool = True


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: Any
    after: Any
    #: the name of the object an id field refers to (a role assignment's user, role, org unit),
    #: as it is called now or, deleted since, as the log kept it; None when unknown
    before_name: str | None = None
    after_name: str | None = None
    #: the same for a field whose value is a list of ids (the org units an inherited role reached):
    #: one name per id, None where unknown; None when the field is no such list
    before_names: tuple[str | None, ...] | None = None
    after_names: tuple[str | None, ...] | None = None


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: dt.datetime
    operator_name: str
    workstation: str
    tenant_id: int | None
    tenant: str | None
    object_type: str
    object_id: str
    object_label: str
    action: str
    summary: str
    changes: tuple[FieldChange, ...] = field(default_factory=tuple)

    def sort_value(self, sort: AuditSort) -> Any:
        return getattr(self, sort.value) if sort is not AuditSort.TIME else self.at


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where the next window starts: after the row with this sort value and id."""

    value: Any
    id: int


#: columns that only repeat other columns of the same row in a form for comparing or searching
#: (the customer's search key of revision 0027, the case-folded keys of names, user names and
#: e-mails): the log keeps them as written, but the detail pane, the copy and the export leave them
#: out, since the column they follow is listed beside them. Undo does not read them from the log:
#: it restores rows from the row images its record captured (services.change_record), and reads
#: the log only for who changed a row since (services.undo_conflicts).
DERIVED_FIELDS = frozenset({"search_key", "name_key", "username_key", "email_key"})


def field_changes(changes: dict[str, Any] | None) -> tuple[FieldChange, ...]:
    if not changes:
        return ()
    result = []
    for name, pair in changes.items():
        if name in DERIVED_FIELDS:
            continue
        before, after = (pair[0], pair[1]) if isinstance(pair, list | tuple) and len(pair) == 2 else (None, pair)
        result.append(FieldChange(str(name), before, after))
    return tuple(result)


def object_label(object_id: str, action: str, changes: dict[str, Any] | None, summary: str) -> str:
    """A readable name for the object: its name from the change itself where it has one."""
    return (
        _field_label(changes, action, _NAME_FIELDS)
        or summary
        or _field_label(changes, action, _OTHER_FIELDS)
        or (f"#{object_id}")
    )


def _field_label(changes: dict[str, Any] | None, action: str, keys: tuple[str, ...]) -> str:
    for key in keys:
        pair = (changes or {}).get(key)
        if isinstance(pair, list | tuple) and len(pair) == 2:
            value = pair[0] if action == "delete" else pair[1] if pair[1] is not None else pair[0]
            if value not in (None, ""):
                return str(value)
    return ""


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filter_clauses(
    session: Session, operator: Operator, query: AuditQuery, scope: TenantScope | None = None
) -> list[ColumnElement[bool]]:
    """The WHERE conditions of ``query`` for ``operator``, tenant scope included (T8, T9)."""
    if scope is None:
        scope = load_tenant_scope(session, operator)
    filters: list[ColumnElement[bool]] = []
    # No IN list when the operator sees every tenant there is: with 200 ids, SQLite walked the
    # tenant index for the OR below and read the log in random order before sorting it, 4-5 times
    # the cost of reading it straight (issue 8, sorts of the audit log at 300,000 entries).
    visible = visible_clause_in(session, scope, cast(AuditEntry.tenant_id, Integer))
    if operator.tenant_filter is None:
        # Entries that belong to no tenant (users, roles, settings) are not tenant data.
        filters.append(or_(AuditEntry.tenant_id.is_(None), visible))
    else:
        # A tenant filter shows its tenants' entries only, even when it holds every tenant there is.
        filters.append(and_(AuditEntry.tenant_id.is_not(None), visible))
    if query.since is not None:
        filters.append(AuditEntry.at >= query.since)
    if query.until is not None:
        filters.append(AuditEntry.at < query.until)
    if query.operator_name.strip():
        filters.append(func.lower(AuditEntry.operator_name) == query.operator_name.strip().casefold())
    if query.object_type:
        filters.append(AuditEntry.object_type == query.object_type)
    if query.tenant_id is not None:
        filters.append(AuditEntry.tenant_id == query.tenant_id)
    text = query.text.strip().casefold()
    if text:
        pattern = f"%{_escape_like(text)}%"
        plain = [
            func.lower(column).like(pattern, escape="\\")
            for column in (
                AuditEntry.operator_name,
                AuditEntry.workstation,
                AuditEntry.object_type,
                AuditEntry.object_id,
                AuditEntry.summary,
            )
        ]
        in_changes: ColumnElement[bool] = func.lower(cast(AuditEntry.changes, String)).like(pattern, escape="\\")
        shown = scope.visible_ids()
        if not scope.unrestricted and shown:
            # Masked personal fields must not be found by searching for their values (T8).
            without_private = sorted(shown - scope.private)
            if without_private:
                in_changes = and_(
                    in_changes,
                    or_(
                        AuditEntry.tenant_id.is_(None),
                        AuditEntry.object_type.not_in(sorted(PRIVATE_FIELDS)),
                        AuditEntry.tenant_id.not_in(without_private),
                    ),
                )
        filters.append(or_(*plain, in_changes))
    return filters


def _columns() -> Select[*tuple[Any, ...]]:
    return select(
        AuditEntry.id,
        AuditEntry.at,
        AuditEntry.operator_name,
        AuditEntry.workstation,
        AuditEntry.tenant_id,
        Tenant.name.label("tenant"),
        AuditEntry.object_type,
        AuditEntry.object_id,
        AuditEntry.action,
        AuditEntry.summary,
        AuditEntry.changes,
    ).outerjoin(Tenant, Tenant.id == AuditEntry.tenant_id)


def _order(query: AuditQuery) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    column = getattr(AuditEntry, query.sort.value)
    if query.descending:
        return column.desc(), AuditEntry.id.desc()
    return column.asc(), AuditEntry.id.asc()


def ordered_select(filters: Sequence[ColumnElement[bool]], query: AuditQuery) -> Select[*tuple[Any, ...]]:
    return _columns().where(*filters).order_by(*_order(query))


def window_select(filters: Sequence[ColumnElement[bool]], query: AuditQuery, limit: int) -> Select[*tuple[Any, ...]]:
    """The entries of one window: the window's ids first, then their rows.

    A sort by a column without an index (operator, workstation, object, action) reads every entry
    the filters keep and sorts them. Sorting whole rows, their changes included, moved about ten
    times the bytes of sorting the sort value and id alone, and the rows of the 200 ids that win
    are then read by primary key (issue 8: 300,000 entries).
    """
    ids = select(AuditEntry.id).where(*filters).order_by(*_order(query)).limit(limit).subquery("window")
    return _columns().join(ids, ids.c.id == AuditEntry.id).order_by(*_order(query))


def _masked(
    changes: dict[str, Any] | None, object_type: str, tenant_id: int | None, scope: TenantScope
) -> dict[str, Any] | None:
    """Personal fields of a tenant's contacts read ``•••`` without *private data* there (T8), in
    the log as on the contacts page."""
    private = PRIVATE_FIELDS.get(object_type)
    if not changes or not private or tenant_id is None or scope.sees_private(tenant_id):
        return changes
    masked = dict(changes)
    for key in private:
        pair = masked.get(key)
        if isinstance(pair, list | tuple) and len(pair) == 2:
            masked[key] = [scope.mask(tenant_id, pair[0]), scope.mask(tenant_id, pair[1])]
    return masked


def to_row(row: Any, scope: TenantScope | None = None) -> AuditRow:
    changes = row.changes if isinstance(row.changes, dict) else None
    if scope is not None:
        changes = _masked(changes, row.object_type, row.tenant_id, scope)
    return AuditRow(
        id=row.id,
        at=row.at,
        operator_name=row.operator_name,
        workstation=row.workstation,
        tenant_id=row.tenant_id,
        tenant=row.tenant if row.tenant is not None else (f"#{row.tenant_id}" if row.tenant_id is not None else None),
        object_type=row.object_type,
        object_id=row.object_id,
        object_label=object_label(row.object_id, row.action, changes, row.summary),
        action=row.action,
        summary=row.summary,
        changes=field_changes(changes),
    )


#: fields whose value is the id of another object: the kind of that object, which the log names
#: beside the id (S3); ``parent_id`` of an org unit only (a tenant's parent is a tenant)
REFERENCES: dict[str, str] = {
    "user_id": "User",
    "role_id": "Role",
    "org_unit_id": "OrgUnit",
    "inherited_from_id": "OrgUnit",
}
_REFERENCES_OF: dict[str, dict[str, str]] = {"OrgUnit": {**REFERENCES, "parent_id": "OrgUnit"}}
#: fields whose value is a list of ids of one kind: the org units an inherited role reached (one
#: entry per user, role and source unit names them all, services.org_units)
LIST_REFERENCES: dict[str, str] = {"org_unit_ids": "OrgUnit"}
#: where a kind's name lives, and the field its entries record it in
_NAMES: dict[str, tuple[Any, Any, str]] = {
    "User": (User.id, User.username, "username"),
    "Role": (Role.id, Role.name, "name"),
    "OrgUnit": (OrgUnit.id, OrgUnit.name, "name"),
}
#: more ids of one kind than this are not sent as an IN list: the kind's names are read whole (a
#: few thousand units at most), which keeps a statement's parameters far below every backend's limit
MAX_IN_LIST = 1_000
#: kind → id → name
Names = dict[str, dict[int, str]]


def _references(object_type: str) -> dict[str, str]:
    return _REFERENCES_OF.get(object_type, REFERENCES)


def _id_of(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _ids_of(value: Any) -> list[int]:
    """The ids of a list field's value (nothing for any other value)."""
    if not isinstance(value, list | tuple):
        return []
    return [object_id for object_id in map(_id_of, value) if object_id is not None]


def _unnamed_unit(row: AuditRow) -> bool:
    """An org unit's entry without a name of its own: a move changes the parent only."""
    return row.object_type == "OrgUnit" and row.object_id.isdigit() and row.object_label == f"#{row.object_id}"


def wanted_names(rows: Sequence[AuditRow]) -> dict[str, set[int]]:
    """The objects ``rows`` refer to by id only, by kind."""
    wanted: dict[str, set[int]] = {}
    for row in rows:
        if _unnamed_unit(row):
            wanted.setdefault("OrgUnit", set()).add(int(row.object_id))
        references = _references(row.object_type)
        for change in row.changes:
            kind = references.get(change.field)
            if kind is not None:
                for value in (change.before, change.after):
                    object_id = _id_of(value)
                    if object_id is not None:
                        wanted.setdefault(kind, set()).add(object_id)
            kind = LIST_REFERENCES.get(change.field)
            if kind is not None:
                for value in (change.before, change.after):
                    wanted.setdefault(kind, set()).update(_ids_of(value))
    return wanted


def read_names(session: Session, wanted: dict[str, set[int]] | None = None) -> Names:
    """The names of the objects in ``wanted`` (None: of every user, role and org unit; the export).

    An object that exists is named as it is called now. One deleted since is named by what the log
    kept: the name its delete entry recorded (every delete of a user, role or unit records it).
    Two queries per kind at most, however many rows asked (S3, issue 8); more than
    :data:`MAX_IN_LIST` ids of a kind read the kind whole."""
    names: Names = {}
    for kind, (id_column, name_column, name_field) in _NAMES.items():
        ids = None if wanted is None else wanted.get(kind)
        if ids is not None and not ids:
            continue
        live = select(id_column, name_column)
        if kind == "User":
            live = live.where(User.kind == UserKind.INTERNAL)  # role holders; never a tenant's portal user
        if ids is not None and len(ids) <= MAX_IN_LIST:
            live = live.where(id_column.in_(sorted(ids)))
        found = {object_id: name for object_id, name in session.execute(live)}
        if ids is not None:
            found = {object_id: name for object_id, name in found.items() if object_id in ids}
        missing = None if ids is None else sorted(ids - found.keys())
        if missing is None or missing:
            kept = select(AuditEntry.object_id, AuditEntry.changes).where(
                AuditEntry.object_type == kind,
                AuditEntry.action == "delete",
                AuditEntry.tenant_id.is_(None),  # of no tenant: nothing of a hidden tenant (T8)
            )
            if missing is not None and len(missing) <= MAX_IN_LIST:
                kept = kept.where(AuditEntry.object_id.in_([str(object_id) for object_id in missing]))
            wanted_missing = None if missing is None else set(missing)
            for object_id, changes in session.execute(kept.order_by(AuditEntry.id)):
                pair = changes.get(name_field) if isinstance(changes, dict) else None
                key = _id_of(object_id)
                if (
                    key is not None
                    and key not in found
                    and (wanted_missing is None or key in wanted_missing)
                    and isinstance(pair, list | tuple)
                    and pair
                    and pair[0]
                ):
                    names.setdefault(kind, {})[key] = str(pair[0])
        names.setdefault(kind, {}).update(found)
    return names


def named(row: AuditRow, names: Names) -> AuditRow:
    """``row`` with the objects it refers to by id named from ``names``: the label of a moved org
    unit, the user, role and org unit of a role assignment's fields, and the org units an
    inherited role reached (S3)."""
    label = row.object_label
    if _unnamed_unit(row):
        label = names.get("OrgUnit", {}).get(int(row.object_id), label)
    references = _references(row.object_type)
    changes = row.changes
    if any(change.field in references or change.field in LIST_REFERENCES for change in changes):
        changes = tuple(_named_change(change, names, references) for change in changes)
    if label == row.object_label and changes is row.changes:
        return row
    return replace(row, object_label=label, changes=changes)


def _named_change(change: FieldChange, names: Names, references: dict[str, str]) -> FieldChange:
    kind = LIST_REFERENCES.get(change.field)
    if kind is not None:
        known = names.get(kind, {})

        def each(value: Any) -> tuple[str | None, ...] | None:
            if not isinstance(value, list | tuple):
                return None
            return tuple(known.get(object_id) if object_id is not None else None for object_id in map(_id_of, value))

        return replace(change, before_names=each(change.before), after_names=each(change.after))
    of_kind = names.get(references.get(change.field, ""), {})
    if not of_kind:
        return change
    before, after = _id_of(change.before), _id_of(change.after)
    return replace(
        change,
        before_name=of_kind.get(before) if before is not None else None,
        after_name=of_kind.get(after) if after is not None else None,
    )


def with_names(session: Session, rows: list[AuditRow]) -> list[AuditRow]:
    """``rows`` with the objects they refer to by id named (:func:`named`), read in a fixed
    number of queries for the whole window."""
    wanted = wanted_names(rows)
    if not wanted:
        return rows
    names = read_names(session, wanted)
    return [named(row, names) for row in rows]


class AuditService:
    """Read-only access to the audit log; ``audit.view`` to read, ``audit.export`` to export."""

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    def count(self, operator: Operator, query: AuditQuery) -> int:
        operator.require("audit.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            filters = filter_clauses(uow.session, operator, query)
            return uow.session.scalar(select(func.count(AuditEntry.id)).where(*filters)) or 0

    def page(
        self, operator: Operator, query: AuditQuery, after: Cursor | None = None, limit: int = 200
    ) -> list[AuditRow]:
        """The next ``limit`` entries after ``after`` (None: from the start), in the query's order."""
        operator.require("audit.view")
        limit = max(1, min(limit, MAX_PAGE))
        column = getattr(AuditEntry, query.sort.value)
        with UnitOfWork(self._factory, operator, write=False) as uow:
            scope = load_tenant_scope(uow.session, operator)
            filters = filter_clauses(uow.session, operator, query, scope)
            if after is not None:
                # The plain bound (<= / >=) lets the database walk the column's index from the
                # cursor; the OR breaks ties between equal values by id.
                if query.descending:
                    filters.append(column <= after.value)
                    filters.append(or_(column < after.value, and_(column == after.value, AuditEntry.id < after.id)))
                else:
                    filters.append(column >= after.value)
                    filters.append(or_(column > after.value, and_(column == after.value, AuditEntry.id > after.id)))
            rows = uow.session.execute(window_select(filters, query, limit)).all()
            return with_names(uow.session, [to_row(row, scope) for row in rows])

    def entry(self, operator: Operator, entry_id: int) -> AuditRow | None:
        """One entry, or None when it does not exist or belongs to a hidden tenant."""
        operator.require("audit.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            scope = load_tenant_scope(uow.session, operator)
            filters = filter_clauses(uow.session, operator, AuditQuery(), scope)
            row = uow.session.execute(_columns().where(AuditEntry.id == entry_id, *filters)).first()
            return with_names(uow.session, [to_row(row, scope)])[0] if row is not None else None

    def operator_names(self, operator: Operator) -> list[str]:
        """Names for the operator filter: the internal users (the log copies their user name)."""
        operator.require("audit.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return list(
                uow.session.scalars(
                    select(User.username).where(User.kind == UserKind.INTERNAL).order_by(User.username_key)
                )
            )

    def tenants(self, operator: Operator) -> list[tuple[int, str]]:
        """Tenants for the tenant filter: those the operator may see (T8)."""
        operator.require("audit.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            scope = load_tenant_scope(uow.session, operator)
            rows = uow.session.execute(
                select(Tenant.id, Tenant.name).where(visible_clause(scope, Tenant.id)).order_by(Tenant.name)
            ).all()
            return [(tenant_id, name) for tenant_id, name in rows]

    def export(self, operator: Operator, path: Any, query: AuditQuery, **options: Any) -> int:
        from mandant_desktop.services.exports import export_audit

        return export_audit(self._factory, operator, path, query, **options)


def iter_rows(session: Session, operator: Operator, query: AuditQuery, batch: int) -> Iterator[AuditRow]:
    """Every entry of ``query`` in order, streamed (for the export), with the objects they refer
    to named as the page names them. The names are read before the stream starts, every user,
    role and org unit at once: a query beside a streaming cursor is not safe on every backend, and
    one per batch would grow with the rows."""
    scope = load_tenant_scope(session, operator)
    names = read_names(session)
    stmt = ordered_select(filter_clauses(session, operator, query, scope), query)
    result = session.execute(stmt.execution_options(yield_per=batch))
    try:
        for row in result:
            yield named(to_row(row, scope), names)
    finally:
        result.close()


__all__ = [
    "AuditQuery",
    "AuditRow",
    "AuditService",
    "AuditSort",
    "Cursor",
    "FieldChange",
    "filter_clauses",
    "iter_rows",
]
