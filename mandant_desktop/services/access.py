"""Tenant access: who sees which tenant at which level, with or without private data (SPEC T2-T5).

The whole matrix is read set-based in three queries whatever its size (10,000 users × 200 tenants
is two million cells, of which only the stored rows travel: no row means hidden). Saving writes
the staged edits all-or-nothing, checks that nobody changed the same cells in the meantime (S4),
and audits every cell before → after in the same transaction (S3).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Connection, Integer, Select, String, and_, func, select, true, type_coerce

from mandant_desktop.db import bulk, tables, user_order
from mandant_desktop.db.aggregates import read_list, value_list
from mandant_desktop.db.tables import AccessLevel, UserKind, UserStatus, utcnow
from mandant_desktop.domain.errors import ConflictError
from mandant_desktop.domain.search_folding import search_key
from mandant_desktop.domain.tenant_access import Level, TenantScope
from mandant_desktop.domain.tenants import HIDDEN, Access, Cell
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenant_scope import load_tenant_scope, visible_clause_in
from mandant_desktop.services.tenants import TenantRow, tenant_rows
from mandant_desktop.services.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

#: users per statement when cells are looked up: keeps every backend below its parameter limit
_USER_CHUNK = 2_000

_access = tables.tenant_access
_user = tables.app_user


class AccessUser(NamedTuple):
    """A user row of the matrix. A named tuple of plain values: with 10,000 users loaded, the
    garbage collector stops tracking them (section 8)."""

    id: int
    name: str
    username: str
    email: str | None
    active: bool

    def search_key(self) -> str:
        """What the search finds the user by (E2): the shown name, the user name and the e-mail
        address, folded (:mod:`mandant_desktop.domain.search_folding`)."""
        return search_key((self.name, self.username, self.email))


class AccessTenant(NamedTuple):
    """A tenant column of the matrix (a named tuple, as :class:`TenantRow`: issue 8)."""

    id: int
    name: str
    parent_id: int | None
    editable: bool  # the operator may change access to it: full access (T8)


@dataclass(frozen=True, slots=True)
class AccessMatrix:
    tenants: list[AccessTenant]
    #: the rows of the users, in name order: of every user in :attr:`user_ids`, or of the first
    #: ones only when the matrix was read with ``first_users`` (the others: :meth:`AccessService.users`)
    users: list[AccessUser]
    #: the stored cells that are not hidden, each value normalized
    cells: dict[Cell, Access]
    #: every internal user's id in name order; None: :attr:`users` are all of them
    user_ids: list[int] | None = None


def _level(value: AccessLevel) -> Level:
    return Level(value.value)


class AccessService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    def load_matrix(self, operator: Operator, tenant_ids: Collection[int] | None = None) -> AccessMatrix:
        """Visible tenants × internal users with their stored access (T2, T3); three queries.

        ``tenant_ids``: the stored cells of these tenants only (what one view of the tenants page
        shows); None: of every visible tenant. Tenants and users are all there either way.
        """
        return self.load_with_tenants(operator, lambda _tenants: tenant_ids)[1]

    def load_with_tenants(
        self,
        operator: Operator,
        cells_of: Callable[[list[TenantRow]], Collection[int] | None],
        first_users: int | None = None,
    ) -> tuple[list[TenantRow], AccessMatrix]:
        """The tenants as :meth:`TenantService.list_tenants` reads them and the matrix as
        :meth:`load_matrix` reads it with the cells of ``cells_of(tenants)``, in one unit of work
        that reads the operator's scope and the tenants once (the tenants page's load, issue 8).
        On Core alone: the start page shows the matrix before the ORM is loaded.

        ``first_users``: of the users, every id but the rows of the first ``first_users`` only
        (the page reads the others as its views show them: at 10,000 users the rows were most of
        the start page's load)."""
        operator.require("tenants.view")
        with UnitOfWork(self._factory, operator, write=False, core=True) as uow:
            session = uow.connection
            scope = load_tenant_scope(session, operator)
            rows = tenant_rows(session, scope)
            tenants = [AccessTenant(row.id, row.name, row.parent_id, scope.can_edit(row.id)) for row in rows]
            users = _users(session, first_users)
            if first_users is None:
                ids = [user.id for user in users]
            else:  # one index scan without a table lookup (SQLite, PostgreSQL)
                ids = _fetched(session, select(_user.c.id).where(_internal()).order_by(*_name_order(session)))
            cells = _cells(session, scope, cells_of(rows), internal=set(ids))
            matrix = AccessMatrix(tenants=tenants, users=users, cells=cells, user_ids=ids)
            return rows, matrix

    def users(self, operator: Operator, user_ids: Sequence[int] | None = None) -> list[AccessUser]:
        """The rows of the internal users ``user_ids``, in that order (one gone since then or no
        longer internal is left out); None: of every internal user in name order. For the users a
        view of the tenants page shows after its load (T2, T3); one query per 2,000 users."""
        operator.require("tenants.view")
        with UnitOfWork(self._factory, operator, write=False, core=True) as uow:
            if user_ids is None:
                return _users(uow.connection)
            return _users_by_id(uow.connection, user_ids)

    def load_cells(self, operator: Operator, tenant_ids: Collection[int] | None = None) -> dict[Cell, Access]:
        """The stored cells of the visible ``tenant_ids`` (None: of every visible tenant) that are
        not hidden, for a view that shows more tenants than were loaded with the matrix; one query
        besides the tenant scope, whatever the number of tenants and users."""
        operator.require("tenants.view")
        with UnitOfWork(self._factory, operator, write=False, core=True) as uow:
            return _cells(uow.connection, load_tenant_scope(uow.connection, operator), tenant_ids)

    def export(self, operator: Operator, path: str | os.PathLike[str], **options: Any) -> int:
        """The access matrix to an Excel file (T2, T3); see :func:`~mandant_desktop.services.exports.export_access`."""
        from mandant_desktop.services.exports import export_access

        return export_access(self._factory, operator, path, **options)

    def save(self, operator: Operator, changes: Mapping[Cell, tuple[Access, Access]]) -> int:
        """Write staged edits ``cell → (as read, new)``; all or nothing, audited (T2, S3, S4).

        Needs ``tenants.manage_access`` and full access to every tenant involved. Refused as a
        conflict when any cell no longer holds what the operator read.
        """
        operator.require("tenants.manage_access")
        if not changes:
            return 0
        from mandant_desktop.db import models

        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            tenant_ids = sorted({tenant for tenant, _ in changes})
            for tenant_id in tenant_ids:
                scope.require_edit(tenant_id, "Tenant")
            current = _current(session, tenant_ids, sorted({user for _, user in changes}))
            stale = [cell for cell, (before, _) in changes.items() if current.get(cell, (None, HIDDEN))[1] != before]
            if stale:
                raise ConflictError(
                    "Another workstation changed the access of {count} of these users in the meantime. Nothing "
                    "was saved; reload to see their change.",
                    count=len({user for _, user in stale}),
                )
            now, by = utcnow(), operator.username[:100]
            # "tenant: user name" for each audit entry, as the page shows an entry's object (S3)
            label = _cell_labels(session, tenant_ids, sorted({user for _, user in changes}))
            deletes, updates, inserts, audit = [], [], [], []
            for (tenant_id, user_id), (before, after) in changes.items():
                stored = current.get((tenant_id, user_id))
                row = {"t": tenant_id, "u": user_id}
                if after == HIDDEN:
                    if stored is None:
                        continue
                    deletes.append(row)
                    action = "delete"
                elif stored is None:
                    inserts.append(
                        {
                            "tenant_id": tenant_id,
                            "user_id": user_id,
                            "level": AccessLevel(after.level.value),
                            "private_data": after.private,
                            "version": 1,
                            "updated_at": now,
                            "updated_by": by,
                        }
                    )
                    action = "create"
                else:
                    updates.append({**row, "lv": AccessLevel(after.level.value), "pd": after.private})
                    action = "update"
                audit.append(
                    {
                        "object_type": "TenantAccess",
                        "object_id": f"{tenant_id}:{user_id}",
                        "action": action,
                        "tenant_id": tenant_id,
                        "changes": _diff(before, after),
                        "summary": label(tenant_id, user_id),
                    }
                )
            # The cells' rows before and after, for undo (E7).
            users = sorted({user for _, user in changes})
            watched = and_(_access.c.tenant_id.in_(tenant_ids), _access.c.user_id.in_(users))
            with uow.watch(models.TenantAccess, watched):
                # One statement each on PostgreSQL, whatever the number of cells (db/bulk.py).
                table = tables.tenant_access
                connection = session.connection()
                bulk.delete_keys(connection, table, _by_key(deletes, {"tenant_id": "t", "user_id": "u"}))
                bulk.update_keys(
                    connection,
                    table,
                    _by_key(updates, {"tenant_id": "t", "user_id": "u"}),
                    _by_key(updates, {"level": "lv", "private_data": "pd"}),
                    same={"updated_at": now, "updated_by": by},
                    increment=("version",),
                )
                if inserts:
                    bulk.insert_columns(connection, table, {key: [row[key] for row in inserts] for key in inserts[0]})
                uow.audit_many(audit)
            uow.commit()
            return len(audit)


def _internal() -> Any:
    return _user.c.kind == UserKind.INTERNAL


def _name_order(session: Connection) -> list[Any]:
    """The matrix's order of the users: the users list's name order (``db/user_order.py``), which
    the index on (kind, name keys, id) holds as it is. Read in index order, every user's id is an
    index scan without a sort (on SQLite 4 ms against 18 for the order before, by the names as
    stored, which sorted the 9,000 users of the large demo in a temporary B-tree; issue 8)."""
    return [*user_order.name_keys(session.dialect.name), _user.c.id]


def _fetched(session: Connection, stmt: Select[Any]) -> list[Any]:
    """``stmt``'s rows as the driver's own tuples, fetched at once (one column: its values): plain
    integers and text, and SQLAlchemy's rows were half of the page load's CPU at 10,000 users, on
    the start page's critical path (issue 8)."""
    result = session.execute(stmt)
    rows = result.cursor.fetchall() if result.cursor is not None else []
    result.close()
    if len(stmt.selected_columns) == 1:
        return [row[0] for row in rows]
    return list(rows)


def _user_rows(where: Any) -> Select[Any]:
    # The status as its stored text: the enum conversion took longer than the query at 10,000
    # users (issue 8).
    return select(
        _user.c.id,
        _user.c.first_name,
        _user.c.last_name,
        _user.c.username,
        _user.c.email,
        type_coerce(_user.c.status, String),
    ).where(_internal(), where)


def _made(rows: list[Any]) -> list[AccessUser]:
    active = UserStatus.ACTIVE.value
    return [
        AccessUser(user_id, f"{first} {last}".strip() or username, username, email, status == active)
        for user_id, first, last, username, email, status in rows
    ]


def _users(session: Connection, limit: int | None = None) -> list[AccessUser]:
    """Every internal user in name order (the first ``limit`` ones), as the matrix's rows."""
    return _made(_fetched(session, _user_rows(true()).order_by(*_name_order(session)).limit(limit)))


def _users_by_id(session: Connection, user_ids: Sequence[int]) -> list[AccessUser]:
    """The internal users ``user_ids`` in that order, without those not found."""
    found: dict[int, AccessUser] = {}
    for start in range(0, len(user_ids), _USER_CHUNK):
        chunk = sorted(user_ids[start : start + _USER_CHUNK])
        found.update((user.id, user) for user in _made(_fetched(session, _user_rows(_user.c.id.in_(chunk)))))
    return [found[user_id] for user_id in user_ids if user_id in found]


def _by_key(rows: list[dict[str, Any]], names: dict[str, str]) -> bulk.Columns:
    """``rows``' values column by column: column name → the values under the row key ``names`` gives."""
    return {column: [row[key] for row in rows] for column, key in names.items()}


def _cells(
    session: Connection, scope: TenantScope, tenant_ids: Collection[int] | None, *, internal: Set[int] | None = None
) -> dict[Cell, Access]:
    """The stored, not hidden cells of the visible tenants (of ``tenant_ids`` only, when given)
    of internal users. ``internal``: their ids, read in the same unit of work already; then the
    rows are read without the join to the users and those of other users left out here. Every
    tenant's cells through the join were an index lookup per user (9,000) and a row lookup per
    cell: on MariaDB 300-900 ms with a cold buffer pool, against 30-40 ms for reading the table
    through (issue 8); on SQLite 60 against 41 ms."""
    # Six possible cell values: shared instances, not one object per row (80,000 rows and more),
    # looked up by the stored text.
    values: dict[tuple[str, bool], Access] = {
        (level.value, private): Access(_level(level), private).normalized()
        for level in AccessLevel
        for private in (False, True)
    }
    stmt = select(
        _access.c.tenant_id,
        _access.c.user_id,
        type_coerce(_access.c.level, String),  # no enum conversion per row
        type_coerce(_access.c.private_data, Integer),  # 0 / 1 (or a bool): bool() below
    ).where(
        # No IN list when every tenant is visible: SQLite would walk the tenant index (issue 8).
        visible_clause_in(session, scope, _access.c.tenant_id),
        _access.c.level != AccessLevel.HIDDEN,
    )
    if internal is None:
        stmt = stmt.join(_user, _user.c.id == _access.c.user_id).where(_user.c.kind == UserKind.INTERNAL)
    if tenant_ids is not None:
        stmt = stmt.where(_access.c.tenant_id.in_(sorted(tenant_ids)))  # one IN list: set-based
    if session.dialect.name in ("mariadb", "mysql"):
        grouped = _grouped_cells(session, stmt, values, internal)
        if grouped is not None:
            return grouped
    # The driver's own tuples, fetched at once: the columns are plain text and integers, so
    # SQLAlchemy's rows (and their fetching one by one) were most of the time (issue 8).
    rows = _fetched(session, stmt)
    if internal is None:
        return {(tenant_id, user_id): values[(level, bool(private))] for tenant_id, user_id, level, private in rows}
    return {
        (tenant_id, user_id): values[(level, bool(private))]
        for tenant_id, user_id, level, private in rows
        if user_id in internal
    }


def _grouped_cells(
    session: Connection, stmt: Select[Any], values: Mapping[tuple[str, bool], Access], internal: Set[int] | None
) -> dict[Cell, Access] | None:
    """MariaDB/MySQL: the cells of ``stmt`` as one row per tenant and value with its users' ids as
    one list (``db/aggregates.py``), or None when a list came back cut short: the rows are read
    then.

    The MariaDB driver (PyMySQL) reads every row in Python: the 33,000 cells of the large demo
    took about 190-210 ms of the client's CPU as rows and take 27-40 ms as 800 lists (issue 8)."""
    tenant, user, level, private = stmt.selected_columns
    grouped = stmt.with_only_columns(tenant, level, private, func.count(), value_list(user)).group_by(
        tenant, level, private
    )
    rows = _fetched(session, grouped)
    cells: dict[Cell, Access] = {}
    for tenant_id, level_text, private_data, count, joined in rows:
        users = read_list(joined, count, session.dialect.name, int)
        if users is None:
            return None
        value = values[(level_text, bool(private_data))]
        cells.update(((tenant_id, user_id), value) for user_id in users if internal is None or user_id in internal)
    return cells


def _cell_labels(
    session: Session | Connection, tenant_ids: list[int], user_ids: list[int]
) -> Callable[[int, int], str]:
    """``label(tenant, user)`` → "Presse Nord: mia", read in one query per table (users in chunks)."""
    tenant = tables.tenant
    rows = session.execute(select(tenant.c.id, tenant.c.name).where(tenant.c.id.in_(tenant_ids)))
    tenants: dict[int, str] = {tenant_id: name for tenant_id, name in rows}
    users: dict[int, str] = {}
    for start in range(0, len(user_ids), _USER_CHUNK):
        chunk = user_ids[start : start + _USER_CHUNK]
        rows = session.execute(select(_user.c.id, _user.c.username).where(_user.c.id.in_(chunk)))
        users.update((user_id, username) for user_id, username in rows)
    return lambda tenant_id, user_id: f"{tenants.get(tenant_id, '?')}: {users.get(user_id, '?')}"


def _current(
    session: Session | Connection, tenant_ids: list[int], user_ids: list[int]
) -> dict[Cell, tuple[int, Access]]:
    """Stored rows of the cells in question: ``cell → (version, access)``, locked on servers."""
    result: dict[Cell, tuple[int, Access]] = {}
    for start in range(0, len(user_ids), _USER_CHUNK):
        chunk = user_ids[start : start + _USER_CHUNK]
        rows = session.execute(
            select(
                _access.c.tenant_id,
                _access.c.user_id,
                _access.c.version,
                _access.c.level,
                _access.c.private_data,
            )
            .where(_access.c.tenant_id.in_(tenant_ids), _access.c.user_id.in_(chunk))
            .with_for_update()
        )
        for row in rows:
            access = Access(_level(row.level), bool(row.private_data)).normalized()
            result[(row.tenant_id, row.user_id)] = (row.version, access)
    return result


def _diff(before: Access, after: Access) -> dict[str, list[object]]:
    changes: dict[str, list[object]] = {}
    if before.level != after.level:
        changes["level"] = [before.level.value, after.level.value]
    if before.private != after.private:
        changes["private_data"] = [before.private, after.private]
    return changes
