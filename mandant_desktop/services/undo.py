"""Undo and redo of a recorded change through the database (SPEC E7, S3, S4).

:meth:`UndoService.revert` applies a :class:`~mandant_desktop.services.recording.ChangeRecord`
backwards as one unit of work of the operator: rows it created are deleted, rows it deleted come
back with their keys, changed rows get their old values. The same rules apply as to the change:

* the operator needs again every permission the service asked for, and full access to every
  tenant the rows belong to (T8; row-level security on PostgreSQL sees the same operator);
* every row must still be as the change left it — its version, or for rows without one its
  values; otherwise nothing happens and an :class:`UndoConflictError` names who changed it and when
  (S4). A created row that other rows now refer to (data added later) is not deleted either;
* the last-administrator guard-rail holds (S2);
* every row written is audited like any change, with the summary "undo" (S3).

The revert is itself recorded: its result is the record that redoes the change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

from sqlalchemy import Table, event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from mandant_desktop.db.models import Base, Versioned
from mandant_desktop.domain.errors import DomainError, InUseError
from mandant_desktop.services import recording
from mandant_desktop.services import unit_of_work as uow_module
from mandant_desktop.services.admin_guard import lock_administrators, require_administrators_remain
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.progress import CancelCheck, CountProgress, OperationCancelledError
from mandant_desktop.services.recording import ChangePart, ChangeRecord, RowChange
from mandant_desktop.services.row_capture import CHUNK, cascade_rows, in_keys, rows_by_key, table_of
from mandant_desktop.services.tenant_scope import load_tenant_scope
from mandant_desktop.services.unit_of_work import UnitOfWork

#: tables whose rows decide who is an administrator (the guard-rail runs when one is touched)
_ADMIN_TABLES = frozenset({"role", "role_permission", "role_assignment", "app_user"})
#: columns the database keeps for itself: never written back
_BOOKKEEPING = frozenset({"version", "updated_at", "updated_by"})
#: the audit summary of every row an undo or redo writes
UNDO_SUMMARY = "undo"

_CLASS_OF_TABLE: dict[str, type[Base]] = {
    str(mapper.class_.__tablename__): mapper.class_ for mapper in Base.registry.mappers
}


class NotUndoableError(DomainError):
    pass


class UndoConflictError(InUseError):
    """The data changed since the change (S4): the undo or redo is refused and writes nothing.

    A ConflictError, but no input of the user's is at stake: the UI shows it as a plain message,
    not as the conflict dialog that offers to keep what was typed."""


def _order() -> dict[str, int]:
    return {table.name: index for index, table in enumerate(Base.metadata.sorted_tables)}


class UndoService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    def revert(
        self,
        operator: Operator,
        record: ChangeRecord,
        *,
        progress: CountProgress | None = None,
        cancel: CancelCheck | None = None,
    ) -> ChangeRecord:
        """Take ``record`` back; returns the record that takes the revert back (redo). All or
        nothing: a conflict, a refusal or Cancel leaves every row as it was."""
        if not record.undoable:
            raise NotUndoableError("This change cannot be undone.")
        with recording.recording() as recorder:
            for permission in sorted(record.permissions):
                operator.require(permission)
            with ExitStack() as stack:
                main = stack.enter_context(UnitOfWork(self._factory, operator))
                main.summary = UNDO_SUMMARY
                # The guard-rail's lock comes first (see admin_guard).
                guarded = any(row.table in _ADMIN_TABLES for row in record.rows)
                admins = lock_administrators(main.session) if guarded else None
                tenants = _tenants_of(record)
                if tenants:
                    scope = load_tenant_scope(main.session, operator)
                    for tenant_id in sorted(tenants - _restored_tenants(record)):
                        scope.require_edit(tenant_id, "Tenant")
                works: list[UnitOfWork] = []
                total, done = len(record), 0
                for part in record.parts:
                    work = (
                        main
                        if part.database is self._factory
                        else stack.enter_context(_data_work(part.database, operator, main))
                    )
                    if work is not main:
                        works.append(work)
                    for _ in _apply(work.session, part, cancel):
                        done += 1
                        if progress is not None and (done % CHUNK == 0 or done == total):
                            progress(done, total)
                if admins is not None:
                    require_administrators_remain(main.session, admins)
                for work in works:
                    work.commit()
                main.commit()
        inverse = recorder.record()
        return ChangeRecord(inverse.parts, inverse.permissions | record.permissions, inverse.blocked)


@contextmanager
def _data_work(database: sessionmaker[Session], operator: Operator, main: UnitOfWork) -> Iterator[UnitOfWork]:
    """A separate tenant's database (T6): its rows there, their audit entries in the main one."""
    with UnitOfWork(database, operator) as work:
        session = work.session
        event.remove(session, "after_flush", uow_module._after_flush)

        def audit(flushed: Session, _ctx: UOWTransaction) -> None:
            rows = []
            for action, objects in (("create", flushed.new), ("update", flushed.dirty), ("delete", flushed.deleted)):
                for obj in objects:
                    if isinstance(obj, Base):
                        rows.append(
                            {
                                "object_type": type(obj).__name__,
                                "object_id": uow_module._object_id(obj),
                                "action": action,
                                "changes": uow_module._changes(obj, action),
                                "tenant_id": uow_module._tenant_of(obj),
                                "summary": UNDO_SUMMARY,
                            }
                        )
            main.audit_many(rows, recorded=True)

        event.listen(session, "after_flush", audit)
        yield work


def _tenants_of(record: ChangeRecord) -> set[int]:
    found: set[int] = set()
    for row in record.rows:
        for image in (row.before, row.after):
            if image is None:
                continue
            tenant = image.get("id") if row.table == "tenant" else image.get("tenant_id")
            if isinstance(tenant, int):
                found.add(tenant)
    return found


def _restored_tenants(record: ChangeRecord) -> set[int]:
    """Tenants the revert brings back: nobody has access to them before it."""
    return {row.key[0] for row in record.rows if row.table == "tenant" and row.after is None}


def _apply(session: Session, part: ChangePart, cancel: CancelCheck | None) -> Iterator[None]:
    """Write ``part`` backwards; yields once per row (for progress) and checks ``cancel`` between
    chunks. Created rows go first (children before parents), deleted rows come back (parents
    before children), changed rows get their old values last."""
    order = _order()
    by_table: dict[str, list[RowChange]] = {}
    for row in part.rows:
        by_table.setdefault(row.table, []).append(row)
    tables = sorted(by_table, key=lambda name: order.get(name, 0))
    # 1. rows the change created
    going = {(row.table, row.key) for row in part.rows}
    for name in reversed(tables):
        created = sorted((r for r in by_table[name] if r.before is None), key=lambda r: r.key, reverse=True)
        for chunk in _chunks(created, cancel):
            objects = _load(session, name, chunk)
            _refuse_later_references(session, name, chunk, going)
            for row in chunk:
                obj = objects[row.key]
                _check_unchanged(obj, row)
                session.delete(obj)
                yield
            _flush(session)
    # 2. rows the change deleted
    for name in tables:
        deleted = sorted((r for r in by_table[name] if r.after is None), key=lambda r: r.key)
        for chunk in _chunks(deleted, cancel):
            if rows_by_key(session, table_of(name), [row.key for row in chunk]):
                raise UndoConflictError(
                    "Cannot undo: this {object} exists again; it was created on another workstation in the meantime. "
                    "Nothing was changed.",
                    object=_CLASS_OF_TABLE[name].__name__,
                )
            for row in chunk:
                assert row.before is not None
                session.add(_CLASS_OF_TABLE[name](**_writable(row.before, insert=True)))
                yield
            _flush(session)
    # 3. rows the change updated
    for name in tables:
        updated = [r for r in by_table[name] if r.before is not None and r.after is not None]
        for chunk in _chunks(updated, cancel):
            objects = _load(session, name, chunk)
            for row in chunk:
                obj = objects[row.key]
                _check_unchanged(obj, row)
                assert row.before is not None and row.after is not None
                for column, value in _writable(row.before, insert=False).items():
                    if row.after.get(column) != value:
                        setattr(obj, column, value)
                yield
            _flush(session)


def _chunks(rows: list[RowChange], cancel: CancelCheck | None) -> Iterator[list[RowChange]]:
    for start in range(0, len(rows), CHUNK):
        if cancel is not None and cancel():
            raise OperationCancelledError("Cancelled; nothing was changed.")
        yield rows[start : start + CHUNK]


def _load(session: Session, name: str, rows: list[RowChange]) -> dict[tuple[Any, ...], Base]:
    """The ORM objects of ``rows``; a row that is gone is a conflict."""
    cls = _CLASS_OF_TABLE[name]
    table: Table = table_of(name)
    columns = list(table.primary_key.columns)
    found: dict[tuple[Any, ...], Base] = {}
    for obj in session.scalars(select(cls).where(in_keys(columns, [row.key for row in rows]))):
        key = tuple(getattr(obj, column.name) for column in columns)
        found[key] = obj
    if len(found) < len(rows):
        raise UndoConflictError(
            "Cannot undo: this {object} was deleted on another workstation in the meantime. Nothing was changed.",
            object=cls.__name__,
        )
    return found


def _check_unchanged(obj: Base, row: RowChange) -> None:
    """The row must be as the change left it (S4)."""
    after = row.after or {}
    if isinstance(obj, Versioned):
        if "version" in after and obj.version != after["version"]:
            raise UndoConflictError(
                "Cannot undo: {who} changed this {object} at {when}, after your change. Nothing was changed.",
                who=obj.updated_by or "?",
                when=_when(obj.updated_at),
                object=type(obj).__name__,
            )
        return
    for column, value in after.items():
        if column not in _BOOKKEEPING and not _same(getattr(obj, column, value), value):
            raise UndoConflictError(
                "Cannot undo: this {object} was changed on another workstation after your change. Nothing was changed.",
                object=type(obj).__name__,
            )


def _refuse_later_references(
    session: Session, name: str, rows: list[RowChange], going: set[tuple[str, tuple[Any, ...]]]
) -> None:
    """A created row that rows outside the change now refer to (data added later, which the
    database would delete or empty with it) stays."""
    for change in cascade_rows(session, table_of(name), [row.key for row in rows]):
        if (change.table, change.key) not in going:
            raise UndoConflictError(
                "Cannot undo: data was added to this {object} afterwards. Nothing was changed.",
                object=_CLASS_OF_TABLE[name].__name__,
            )


def _writable(image: dict[str, Any], *, insert: bool) -> dict[str, Any]:
    if insert:
        return {column: value for column, value in image.items() if column not in ("updated_at", "updated_by")}
    return {column: value for column, value in image.items() if column not in _BOOKKEEPING}


def _flush(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError as exc:
        raise UndoConflictError(
            "Cannot undo: the data it would bring back clashes with data saved since (a name or number is "
            "taken again, or something it belongs to is gone). Nothing was changed."
        ) from exc


def _same(stored: Any, recorded: Any) -> bool:
    """Equal as the database keeps them: MariaDB's DATETIME drops the fraction of a second."""
    if isinstance(stored, dt.datetime) and isinstance(recorded, dt.datetime):
        return abs(stored - recorded) < dt.timedelta(seconds=1)
    return bool(stored == recorded)


def _when(at: dt.datetime | None) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if at else "?"
