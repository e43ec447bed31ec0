"""Undo and redo of a recorded change through the database (SPEC E7, S3, S4).

:meth:`UndoService.revert` applies a :class:`~mandant_desktop.services.change_record.ChangeRecord`
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

The rows are written set-based (issue 8): per table, one statement reads the rows as they are now,
one deletes, inserts or updates them all (:mod:`mandant_desktop.db.bulk`; on SQLite an executemany),
so the statements of a revert grow with the tables and the kinds of change it holds, not with its
rows. The ORM is not involved: the rows, their audit entries and the record of the revert are made
from the row images, as the ORM's flush made them before (a row brought back starts again at
version 1, as an inserted row does).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any

from sqlalchemy import ColumnDefault, Connection, Table
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db import bulk
from mandant_desktop.db.models import Base, Versioned
from mandant_desktop.db.tables import utcnow
from mandant_desktop.domain.errors import DomainError
from mandant_desktop.services import recording
from mandant_desktop.services.admin_guard import lock_administrators, require_administrators_remain
from mandant_desktop.services.change_record import ChangePart, ChangeRecord, RowChange
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.progress import CancelCheck, CountProgress, OperationCancelledError
from mandant_desktop.services.row_capture import Image, cascade_rows, rows_by_key, table_of
from mandant_desktop.services.tenant_scope import load_tenant_scope
from mandant_desktop.services.undo_conflicts import UndoConflictError, cause, changed_error, same_row_written
from mandant_desktop.services.unit_of_work import UnitOfWork, image_changes

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
                    work = main
                    if part.database is not self._factory:
                        # A separate tenant's database (T6): its rows there, their audit entries in the main one.
                        work = stack.enter_context(UnitOfWork(part.database, operator))
                        works.append(work)
                    for count in _apply(_Writer(work, main, operator, record.at), part, cancel):
                        done += count
                        if progress is not None:
                            progress(done, total)
                if admins is not None:
                    require_administrators_remain(main.session, admins)
                _check_cancel(cancel)  # a Cancel that came during the last step still rolls it all back
                for work in works:
                    work.commit()
                main.commit()
        inverse = recorder.record()
        return ChangeRecord(inverse.parts, inverse.permissions | record.permissions, inverse.blocked, inverse.at)


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


class _Writer:
    """The statements of one part of a revert, in ``work``'s transaction: what they wrote is
    recorded there (for redo) and audited in ``main`` (the main database's log)."""

    def __init__(self, work: UnitOfWork, main: UnitOfWork, operator: Operator, since: dt.datetime | None) -> None:
        self.session = work.session
        self.connection = work.session.connection()
        self._work = work
        self._main = main
        self.operator = operator
        #: when the change being taken back was made (its record's ``at``)
        self.since = since
        self.now = utcnow()
        self.by = operator.username[:100]

    def audit_connection(self) -> Connection:
        """The main database's connection, where the audit log is."""
        return self._main.session.connection()

    def refusal(
        self, name: str, keys: Sequence[tuple[Any, ...]], *, gone: bool = False, now: Image | None = None
    ) -> UndoConflictError:
        """The step is refused: rows ``keys`` of ``name`` changed (or went, ``gone``) after the change;
        the error names who did it and where, from the main database's audit log."""
        # The row's last writer: of a versioned row its updated_by, of a link row who made it.
        stamp = ("updated_by", "updated_at") if now is None or "updated_by" in now else ("created_by", "created_at")
        return changed_error(
            self._main.session.connection(),
            self.operator,
            _CLASS_OF_TABLE[name].__name__,
            [":".join(str(part) for part in key) for key in keys],
            self.since,
            last_writer=(now or {}).get(stamp[0]),
            last_written=(now or {}).get(stamp[1]),
            gone=gone,
        )

    def wrote(self, name: str, rows: list[RowChange], cascades: Sequence[RowChange] = ()) -> None:
        self._work.record_rows([*cascades, *rows])
        cls = _CLASS_OF_TABLE[name].__name__
        entries = []
        for row in rows:
            changes = image_changes(row.action, row.before, row.after)
            if row.action == "update" and not changes:
                continue
            image = row.after if row.after is not None else row.before
            assert image is not None
            tenant = image.get("id") if name == "tenant" else image.get("tenant_id")
            entries.append(
                {
                    "object_type": cls,
                    "object_id": ":".join(str(part) for part in row.key),
                    "action": row.action,
                    "changes": changes,
                    "tenant_id": tenant if isinstance(tenant, int) else None,
                    "summary": UNDO_SUMMARY,
                }
            )
        self._main.audit_many(entries, recorded=True)


def _apply(writer: _Writer, part: ChangePart, cancel: CancelCheck | None) -> Iterator[int]:
    """Write ``part`` backwards; yields the number of rows of each step (for progress) and checks
    ``cancel`` before each. Created rows go first (children before parents), deleted rows come back
    (parents before children), changed rows get their old values last."""
    order = _order()
    by_table: dict[str, list[RowChange]] = {}
    for row in part.rows:
        by_table.setdefault(row.table, []).append(row)
    tables = sorted(by_table, key=lambda name: order.get(name, 0))
    going = {(row.table, row.key) for row in part.rows}
    for name in reversed(tables):
        created = [r for r in by_table[name] if r.before is None]
        if created:
            _check_cancel(cancel)
            _delete_created(writer, name, created, going)
            yield len(created)
    for name in tables:
        deleted = [r for r in by_table[name] if r.after is None]
        if deleted:
            _check_cancel(cancel)
            _restore_deleted(writer, name, deleted)
            yield len(deleted)
    for name in tables:
        updated = [r for r in by_table[name] if r.before is not None and r.after is not None]
        if updated:
            _check_cancel(cancel)
            _put_back(writer, name, updated)
            yield len(updated)


def _check_cancel(cancel: CancelCheck | None) -> None:
    if cancel is not None and cancel():
        raise OperationCancelledError("Cancelled; nothing was changed.")


def _delete_created(writer: _Writer, name: str, rows: list[RowChange], going: set[tuple[str, tuple[Any, ...]]]) -> None:
    """Rows the change created go, unless they changed since or rows outside the change now refer
    to them (data added later, which the database would delete or empty with them)."""
    table = table_of(name)
    now = _current(writer, name, rows)
    cascades = cascade_rows(writer.session, table, [row.key for row in rows])
    for change in cascades:
        if (change.table, change.key) not in going:
            raise UndoConflictError(
                "Cannot undo: data was added to this {object} afterwards. Nothing was changed.",
                object=_CLASS_OF_TABLE[name].__name__,
            )
    versioned = issubclass(_CLASS_OF_TABLE[name], Versioned)
    if not versioned and "created_at" not in table.columns:
        _refuse_made_again(writer, name, rows)
    keys = _key_columns(table, [row.key for row in rows])
    if versioned:  # as the ORM's DELETE: only the version the check saw
        keys["version"] = [now[row.key]["version"] for row in rows]
    with _clashes():
        gone = bulk.delete_keys(writer.connection, table, keys)
    if gone != len(rows):
        raise writer.refusal(name, [row.key for row in rows])
    writer.wrote(name, [RowChange(name, row.key, now[row.key], None) for row in rows], cascades)


def _refuse_made_again(writer: _Writer, name: str, rows: list[RowChange]) -> None:
    """A row without a version or a creation stamp (a deleted customer's number, a user setting)
    is its key and its values: one removed and added again since on another workstation looks the
    same as the one the change added. The audit log tells them apart: an entry by someone else on
    one of these rows since the change refuses the undo, naming who and when (S3, S4), rather than
    delete their row. One query on the log's object index. (Link rows carry ``created_at`` and
    ``created_by`` since revision 0021, which tell apart a row the same user added again on another
    page too; see :func:`_unchanged`.)"""
    connection = writer.audit_connection()
    for start in range(0, len(rows), _IDS_PER_QUERY):
        keys = [row.key for row in rows[start : start + _IDS_PER_QUERY]]
        ids = [":".join(str(part) for part in key) for key in keys]
        if cause(connection, writer.operator, _CLASS_OF_TABLE[name].__name__, ids, writer.since) is not None:
            raise writer.refusal(name, keys)


#: object ids per query of the audit log: SQLite takes at most 32,766 parameters in one statement
_IDS_PER_QUERY = 30_000


def _restore_deleted(writer: _Writer, name: str, rows: list[RowChange]) -> None:
    """Rows the change deleted come back with their keys and values."""
    table = table_of(name)
    if rows_by_key(writer.session, table, [row.key for row in rows]):
        raise UndoConflictError(
            "Cannot undo: this {object} exists again; it was created on another workstation in the meantime. "
            "Nothing was changed.",
            object=_CLASS_OF_TABLE[name].__name__,
        )
    versioned = issubclass(_CLASS_OF_TABLE[name], Versioned)
    images: list[Image] = []
    for row in rows:
        assert row.before is not None
        image = _writable(row.before, insert=True)
        if versioned:  # as the ORM inserts a versioned row
            image.update(version=1, updated_at=writer.now, updated_by=writer.by)
        images.append(_with_defaults(table, image))
    groups: dict[tuple[str, ...], list[Image]] = {}
    for image in images:
        groups.setdefault(tuple(image), []).append(image)
    with _clashes():
        for columns, group in groups.items():
            bulk.insert_columns(writer.connection, table, {key: [image[key] for image in group] for key in columns})
    writer.wrote(name, [RowChange(name, row.key, None, image) for row, image in zip(rows, images, strict=True)])


def _put_back(writer: _Writer, name: str, rows: list[RowChange]) -> None:
    """Changed rows get their old values (those columns the change changed), if they are still as
    the change left them."""
    table = table_of(name)
    now = _current(writer, name, rows)
    versioned = issubclass(_CLASS_OF_TABLE[name], Versioned)
    groups: dict[tuple[str, ...], list[tuple[RowChange, Image]]] = {}
    for row in rows:
        assert row.before is not None and row.after is not None
        after = row.after
        back = {
            column: value for column, value in _writable(row.before, insert=False).items() if after.get(column) != value
        }
        if back:
            groups.setdefault(tuple(back), []).append((row, back))
    written: list[RowChange] = []
    for columns, group in groups.items():
        keys = _key_columns(table, [row.key for row, _ in group])
        same: dict[str, Any] = {}
        if versioned:  # as the ORM's UPDATE: only the version the check saw, which goes up by one
            keys["version"] = [now[row.key]["version"] for row, _ in group]
            same = {"updated_at": writer.now, "updated_by": writer.by}
        values = {column: [back[column] for _, back in group] for column in columns}
        with _clashes():
            matched = bulk.update_keys(
                writer.connection, table, keys, values, same=same, increment=("version",) if versioned else ()
            )
        if matched != len(group):
            raise writer.refusal(name, [row.key for row, _ in group])
        for row, back in group:
            before = now[row.key]
            after = {**before, **back}
            if versioned:
                after.update(version=before["version"] + 1, **same)
            written.append(RowChange(name, row.key, before, after))
    writer.wrote(name, written)


def _current(writer: _Writer, name: str, rows: list[RowChange]) -> dict[tuple[Any, ...], Image]:
    """The rows as they are now, each as the change left it (S4); a row that is gone, or changed
    since, is a conflict that names who did it (from the audit log)."""
    found = rows_by_key(writer.session, table_of(name), [row.key for row in rows])
    missing = [row.key for row in rows if row.key not in found]
    if missing:
        raise writer.refusal(name, missing, gone=True)
    for row in rows:
        if not _unchanged(name, found[row.key], row):
            raise writer.refusal(name, [row.key], now=found[row.key])
    return found


def _unchanged(name: str, now: Image, row: RowChange) -> bool:
    """The row is as the change left it (S4): its version, or for rows without one its values —
    and, where the row records when and by whom it was made (link rows, role assignments), that it
    is the row the change wrote, not one removed and added again since under the same key, by
    anyone (:func:`same_row_written`)."""
    after = row.after or {}
    if issubclass(_CLASS_OF_TABLE[name], Versioned):
        return "version" not in after or bool(now["version"] == after["version"])
    if "created_at" in after and "created_by" in after:
        made = ("created_at", "created_by")
        if not same_row_written((now.get(made[0]), now.get(made[1])), (after[made[0]], after[made[1]])):
            return False
        after = {column: value for column, value in after.items() if column not in made}
    return all(column in _BOOKKEEPING or _same(now.get(column, value), value) for column, value in after.items())


def _key_columns(table: Table, keys: list[tuple[Any, ...]]) -> bulk.Columns:
    names = [column.name for column in table.primary_key.columns]
    return {name: [key[index] for key in keys] for index, name in enumerate(names)}


def _with_defaults(table: Table, image: Image) -> Image:
    """``image`` with the client-side defaults of the columns it lacks, as an ORM insert adds them
    (a bulk INSERT of given columns would not)."""
    for column in table.columns:
        default = column.default
        if column.name in image or not isinstance(default, ColumnDefault):
            continue
        if default.is_callable:
            image[column.name] = default.arg(None)
        elif default.is_scalar:
            image[column.name] = default.arg
    return image


@contextmanager
def _clashes() -> Iterator[None]:
    try:
        yield
    except IntegrityError as exc:
        raise UndoConflictError(
            "Cannot undo: the data it would bring back clashes with data saved since (a name or number is "
            "taken again, or something it belongs to is gone). Nothing was changed."
        ) from exc


def _writable(image: dict[str, Any], *, insert: bool) -> dict[str, Any]:
    if insert:
        return {column: value for column, value in image.items() if column not in ("updated_at", "updated_by")}
    return {column: value for column, value in image.items() if column not in _BOOKKEEPING}


def _same(stored: Any, recorded: Any) -> bool:
    """Equal as the database keeps them: MariaDB's DATETIME drops the fraction of a second."""
    if isinstance(stored, dt.datetime) and isinstance(recorded, dt.datetime):
        return abs(stored - recorded) < dt.timedelta(seconds=1)
    return bool(stored == recorded)


def carry_versions(reverted: ChangeRecord, result: ChangeRecord, records: Sequence[ChangeRecord]) -> list[ChangeRecord]:
    """``records`` as they must be after :meth:`UndoService.revert` took ``reverted`` back with
    ``result``: the undo stack's next steps in the direction it went, nearest first (an undo: the
    changes below, a redo: the undone changes' inverses above).

    The revert wrote each row back to the state ``reverted`` started from, under a new version (a
    row brought back under version 1). The nearest record that holds the row and expects it in
    that state — at the version ``reverted`` found before it — now expects the new version, so
    that the user's own steps follow each other (E7). Only that version is carried: a row changed
    by anyone else in between still has another version, and its step is refused (S4). Records
    further away are carried when their turn comes. No database work: the stack calls it on the
    GUI thread."""
    moved: dict[tuple[int, str, tuple[Any, ...]], tuple[Any, Image]] = {}
    started = {(id(part.database), row.table, row.key): row.before for part in reverted.parts for row in part.rows}
    for part in result.parts:
        for row in part.rows:
            at = (id(part.database), row.table, row.key)
            before = started.get(at)
            if row.after is None or before is None or "version" not in row.after or "version" not in before:
                continue
            moved[at] = (before["version"], {k: v for k, v in row.after.items() if k in _BOOKKEEPING})
    carried: list[ChangeRecord] = []
    for record in records:
        if not moved:
            carried.append(record)
            continue
        parts, touched = [], False
        for part in record.parts:
            rows = []
            for row in part.rows:
                found = moved.pop((id(part.database), row.table, row.key), None)  # the nearest only
                if found is not None and row.after is not None and row.after.get("version") == found[0]:
                    row = RowChange(row.table, row.key, row.before, {**row.after, **found[1]})
                    touched = True
                rows.append(row)
            parts.append(ChangePart(part.database, tuple(rows)))
        carried.append(ChangeRecord(tuple(parts), record.permissions, record.blocked, record.at) if touched else record)
    return carried
