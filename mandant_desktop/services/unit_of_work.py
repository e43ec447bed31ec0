"""The unit of work: one transaction that rolls back unless committed, and writes the audit log.

Every ORM change flushed inside a unit of work becomes one audit entry (operator, UTC time,
workstation, tenant, object, before → after) in the same transaction (SPEC S3). Set-based Core
statements, which the ORM cannot see, are audited by the service through :meth:`UnitOfWork.audit`.

A reading unit of work can also run on a Core connection alone (``core=True``): the same
transaction, operator (row-level security on PostgreSQL) and error translation, no session. The
log-in and the start page read that way, so that a start needs neither ``sqlalchemy.orm`` nor the
models (issue 8); this module imports them only where a session is at work.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from types import TracebackType
from typing import TYPE_CHECKING, Any, NoReturn, Self, TypeVar

from sqlalchemy import ColumnElement, Connection, event, func, inspect, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, ProgrammingError

from mandant_desktop.db import tables
from mandant_desktop.db.bulk import insert_rows
from mandant_desktop.db.engine import SQLITE_BEGIN, begin_with_settings, engine_of
from mandant_desktop.db.tables import utcnow
from mandant_desktop.domain.errors import ConflictError, DatabaseUnavailableError, PermissionDeniedError
from mandant_desktop.services import recording
from mandant_desktop.services.operator import Operator

if TYPE_CHECKING:
    from sqlalchemy.orm import Mapper, Session, SessionTransaction, UOWTransaction, sessionmaker

    from mandant_desktop.db.models import Base, Versioned
    from mandant_desktop.services.change_record import RowChange
    from mandant_desktop.services.row_capture import FlushCapture

log = logging.getLogger(__name__)

M = TypeVar("M", bound="Versioned")

#: attributes that are bookkeeping, not content: left out of before → after
_BOOKKEEPING = frozenset({"version", "updated_at", "updated_by"})
#: attributes whose values never reach the audit log; a change shows as "(changed)"
_SECRET = frozenset({"password_hash", "token_hash"})
_REDACTED = "***"

#: PostgreSQL channel on which a committed change names its tables (SPEC E8, see ``services.changes``)
CHANGES_CHANNEL = "mandant_changes"


def change_source(bind: object) -> str:
    """Who made a change, as the NOTIFY payload names it: this process and this database connection
    pool, so that a workstation can tell its own changes from other workstations' (E8)."""
    return f"{os.getpid()}:{id(bind):x}"


def to_audit_value(value: Any) -> Any:
    """A JSON-safe form of a column value; a JSON column's value (a setting's parts) stays JSON,
    where it was written as Python's text of it (the log read "{'portal_url': …}")."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, dict):
        return {str(key): to_audit_value(part) for key, part in value.items()}
    if isinstance(value, list | tuple):
        return [to_audit_value(part) for part in value]
    return str(value)


def _object_id(obj: Base) -> str:
    state = inspect(obj)
    identity = state.identity or state.mapper.primary_key_from_instance(obj)
    return ":".join(str(part) for part in identity)


def _tenant_of(obj: Base) -> int | None:
    from mandant_desktop.db.models import Tenant

    if isinstance(obj, Tenant):
        return obj.id
    value = getattr(obj, "tenant_id", None)
    return value if isinstance(value, int) else None


def _changes(obj: Base, action: str) -> dict[str, list[Any]]:
    from sqlalchemy.orm.base import NO_VALUE

    state = inspect(obj)
    changes: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _BOOKKEEPING:
            continue
        history = state.attrs[key].history
        if action == "create":
            value = getattr(obj, key)
            if value is None:
                continue
            changes[key] = [None, _REDACTED if key in _SECRET else to_audit_value(value)]
        elif action == "delete":
            value = state.attrs[key].loaded_value
            if value is None or value is NO_VALUE:
                continue
            changes[key] = [_REDACTED if key in _SECRET else to_audit_value(value), None]
        elif history.has_changes():
            before = history.deleted[0] if history.deleted else None
            after = history.added[0] if history.added else None
            if before == after:
                continue
            if key in _SECRET:
                changes[key] = [_REDACTED, _REDACTED]
            else:
                changes[key] = [to_audit_value(before), to_audit_value(after)]
    return changes


def image_changes(
    action: str, before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
) -> dict[str, list[Any]]:
    """What the audit log keeps of a row written by a Core statement whose values the caller knows
    (undo and redo), as :func:`_changes` keeps it of an ORM object: bookkeeping left out, secrets
    redacted, a created or deleted row's empty columns left out. ``after`` of an update holds the
    columns written, ``before`` the row as it was."""
    changes: dict[str, list[Any]] = {}
    image = (after if action != "delete" else before) or {}
    for key, value in image.items():
        if key in _BOOKKEEPING:
            continue
        if action == "update":
            old = (before or {}).get(key)
            if old == value:
                continue
            changes[key] = [_REDACTED, _REDACTED] if key in _SECRET else [to_audit_value(old), to_audit_value(value)]
        elif value is not None:
            shown = _REDACTED if key in _SECRET else to_audit_value(value)
            changes[key] = [None, shown] if action == "create" else [shown, None]
    return changes


class UnitOfWork:
    """``with UnitOfWork(factory, operator) as uow: …; uow.commit()``

    Leaving the block without :meth:`commit` rolls everything back. Database failures come out as
    domain errors: a stale version as :class:`ConflictError` (naming who changed the row and
    when), a lost connection as :class:`DatabaseUnavailableError`.

    ``core=True`` (reading only): the transaction runs on a Core connection (:attr:`connection`)
    and no session is made, so the ORM need not be loaded (issue 8).
    """

    def __init__(
        self, session_factory: sessionmaker[Session], operator: Operator, *, write: bool = True, core: bool = False
    ) -> None:
        if core and write:
            raise ValueError("a Core unit of work only reads")
        self._factory = session_factory
        self.operator = operator
        self._write = write
        self._core = core
        self._connection: Connection | None = None
        self._pending_audit: list[dict[str, Any]] = []
        self._committed = False
        self._session: Session | None = None
        #: (mapper, identity, version read) of the versioned rows the current flush writes
        self._flushing: list[tuple[Mapper[Any], tuple[Any, ...], int]] = []
        #: tables this unit of work changed, named in the change notification after commit (E8)
        self.changed_tables: set[str] = set()
        #: the service call being recorded for undo (E7), and what this unit of work wrote for it
        self._recorder = recording.current() if write else None
        self._capture: FlushCapture | None = None
        if self._recorder is not None:
            from mandant_desktop.services.row_capture import FlushCapture

            self._capture = FlushCapture()
        self._watching = 0
        #: the summary of the entries written for ORM changes ("undo" for an undo or redo)
        self.summary = ""
        #: audits the ORM changes of a flush; None: :func:`_audit_flush` into this unit of work's
        #: own database (a separate tenant's data is audited into the main one, see services.tenant_data)
        self.audit_flush: Callable[[Session], None] | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError(
                "the unit of work is not open" if not self._core else "a Core unit of work has no session"
            )
        return self._session

    @property
    def connection(self) -> Connection:
        """The connection of this transaction, for Core statements (with ``core=True`` the only way in)."""
        if self._connection is not None:
            return self._connection
        return self.session.connection()

    def __enter__(self) -> Self:
        if self._core:
            return self._enter_core()
        _listen_once()
        for attempt in _ATTEMPTS:
            session = self._factory()
            # The Session class's listeners (registered once, see _listen_once) act on this session
            # through this entry: the operator at BEGIN on PostgreSQL, the audit and capture at flush.
            session.info["uow"] = self
            on_postgresql = session.get_bind().dialect.name == "postgresql"
            if self._write or on_postgresql:
                # SQLite: take the write lock at BEGIN (see db.engine); other backends ignore the option.
                # PostgreSQL: BEGIN with the operator is the first round trip, before any work.
                try:
                    session.connection(execution_options={SQLITE_BEGIN: "IMMEDIATE"} if self._write else None)
                except DBAPIError as exc:
                    session.close()
                    if _start_again(exc, attempt):
                        continue
                    raise_as_domain_error(exc)
            break
        self._session = session
        return self

    def _enter_core(self) -> Self:
        for attempt in _ATTEMPTS:
            connection: Connection | None = None
            try:
                connection = engine_of(self._factory).connect()
                connection.begin()
                if connection.dialect.name == "postgresql":
                    _name_operator(connection, self.operator, read_only=True)
            except DBAPIError as exc:
                if connection is not None:
                    connection.close()
                if _start_again(exc, attempt):
                    continue
                raise_as_domain_error(exc)
            self._connection = connection
            break
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._core:
            self._exit_core(exc)
            return
        session = self._session
        self._session = None
        if session is None:
            return
        try:
            if not self._committed:
                session.rollback()
        except DBAPIError:
            log.warning("rollback failed after an error", exc_info=True)
        finally:
            session.close()
        if _is_stale(exc):
            # An autoflush (a query after a change) met the stale row before commit() did.
            raise self._describe_conflict(session) from exc
        _raise_translated(exc)

    def _exit_core(self, exc: BaseException | None) -> None:
        connection = self._connection
        self._connection = None
        if connection is None:
            return
        try:
            # It only read. close() rolls the open transaction back and tells the pool so; a
            # rollback() of our own before it left the pool to roll back once more, a second
            # round trip of every such unit of work on MariaDB, whose driver sends ROLLBACK even
            # when no transaction is open (issue 8). If that rollback fails, the pool resets or
            # discards the connection itself.
            connection.close()
        except DBAPIError:
            log.warning("rollback failed after an error", exc_info=True)
        _raise_translated(exc)

    # ------------------------------------------------------------------ audit

    def audit(
        self,
        object_type: str,
        object_id: object,
        action: str,
        *,
        changes: dict[str, list[Any]] | None = None,
        tenant_id: int | None = None,
        summary: str = "",
        recorded: bool = False,
    ) -> None:
        """Record a change that the ORM cannot see (set-based statements).

        Unless the rows were captured for undo (inside :meth:`watch`, or ``recorded``), a recorded
        call that writes such a change cannot be undone (E7)."""
        if self._recorder is not None and not recorded and not self._watching:
            self._recorder.block(recording.BLOCKED_BULK)
        self._pending_audit.append(self._audit_row(object_type, str(object_id), action, changes, tenant_id, summary))
        self.changed_tables.add(_TABLE_OF_CLASS.get(object_type, object_type.lower()))

    def audit_many(self, rows: Iterable[dict[str, Any]], *, recorded: bool = False) -> None:
        """Many explicit entries; each dict has the keyword arguments of :meth:`audit`."""
        for row in rows:
            self.audit(**row, recorded=recorded)

    def record_rows(self, rows: Iterable[RowChange]) -> None:
        """Rows that Core statements wrote and whose images the caller knows (undo and redo): part
        of the recorded call like the rows of the ORM's flushes (E7); otherwise a no-op."""
        if self._capture is not None:
            self._capture.rows.extend(rows)

    @contextmanager
    def watch(self, model: type[Base], where: ColumnElement[bool]) -> Iterator[None]:
        """Set-based statements on the rows of ``model`` matching ``where`` (before and after the
        block) become undoable row changes when the call is recorded (E7); otherwise a no-op."""
        if self._capture is None:
            yield
            return
        from mandant_desktop.services.row_capture import Watch

        watch = Watch(self.session, tables.metadata.tables[model.__tablename__], where)
        self._watching += 1
        try:
            yield
        finally:
            self._watching -= 1
        if watch.too_many and self._recorder is not None:
            self._recorder.block(recording.BLOCKED_BULK)
        self._capture.rows.extend(watch.changes())

    def _audit_row(
        self,
        object_type: str,
        object_id: str,
        action: str,
        changes: dict[str, list[Any]] | None,
        tenant_id: int | None,
        summary: str,
    ) -> dict[str, Any]:
        return {
            "at": utcnow(),
            "operator_id": self.operator.id,
            "operator_name": self.operator.username,
            "workstation": self.operator.workstation[:255],
            "tenant_id": tenant_id,
            "object_type": object_type,
            "object_id": object_id[:100],
            "action": action,
            "summary": summary[:500],
            "changes": changes,
        }

    def _flush_explicit_audit(self) -> None:
        if self._pending_audit:
            # COPY on PostgreSQL, JSON_TABLE on MariaDB: one statement however many entries (the
            # log has no row security)
            insert_rows(
                self.session.connection(), tables.audit_log, self._pending_audit, row_security=False, json_table=True
            )
            self._pending_audit = []

    # ------------------------------------------------------------------ commit

    def commit(self) -> None:
        from sqlalchemy.orm.exc import StaleDataError

        session = self.session
        try:
            session.flush()
            self._flush_explicit_audit()
            self._notify_changes(session)
            session.commit()
        except StaleDataError as exc:
            conflict = self._describe_conflict(session)
            session.rollback()
            raise conflict from exc
        except DBAPIError as exc:
            session.rollback()
            raise_as_domain_error(exc)
        self._committed = True
        if self._recorder is not None and self._capture is not None:
            if self._capture.password_changed:
                self._recorder.block(recording.BLOCKED_PASSWORD)
            self._recorder.mail_sent = self._recorder.mail_sent or self._capture.mail_sent
            self._recorder.add(self._factory, self._capture.rows)

    def _notify_changes(self, session: Session) -> None:
        """On PostgreSQL, tell listening workstations which tables changed; delivered only on commit (E8)."""
        if not self.changed_tables or session.get_bind().dialect.name != "postgresql":
            return
        payload = f"{change_source(session.get_bind())}|{','.join(sorted(self.changed_tables))}"
        session.execute(select(func.pg_notify(CHANGES_CHANNEL, payload[:7900])))

    def rollback(self) -> None:
        self.session.rollback()

    def load(self, model: type[M], pk: object, *, expected_version: int | None = None) -> M:
        """The row ``pk`` of ``model``, refused as a conflict when its version is not the one the
        user saw (``expected_version``), naming who changed it and when (SPEC S4)."""
        obj = self.session.get(model, pk)
        if obj is None:
            raise ConflictError(
                "This {object} was deleted on another workstation in the meantime. Reload to continue.",
                object=model.__name__,
            )
        if expected_version is not None and obj.version != expected_version:
            raise _changed_by(obj.updated_by, obj.updated_at, model.__name__)
        return obj

    def _describe_conflict(self, session: Session) -> ConflictError:
        """Find the row that changed under us and say who changed it and when (SPEC S4).

        Works from what :func:`_before_flush` noted: once the failed flush has rolled back, the
        session has expired its objects and no longer knows which were dirty.
        """
        from sqlalchemy.orm import Session

        engine = session.get_bind()
        with Session(engine) as fresh:
            # Row-level security shows the fresh session only what this operator may see (the
            # class's after_begin listener names the operator on PostgreSQL); it never flushes.
            fresh.info["uow"] = self
            for mapper, identity, seen_version in self._flushing:
                pk_cols = mapper.primary_key
                stmt = select(
                    mapper.local_table.c.version, mapper.local_table.c.updated_by, mapper.local_table.c.updated_at
                )
                for col, value in zip(pk_cols, identity, strict=True):
                    stmt = stmt.where(col == value)
                row = fresh.execute(stmt).first()
                if row is None:
                    return ConflictError(
                        "This {object} was deleted on another workstation in the meantime. Reload to continue.",
                        object=mapper.class_.__name__,
                    )
                if row.version != seen_version:
                    return _changed_by(row.updated_by, row.updated_at, mapper.class_.__name__)
        return ConflictError("Someone else changed this data in the meantime. Nothing was saved; reload and try again.")


def _changed_by(who: str | None, when: dt.datetime | None, object_name: str) -> ConflictError:
    return ConflictError(
        "{who} changed this {object} at {when} while you were editing it. Nothing was saved; reload to see "
        "their change.",
        who=who or "?",
        when=when.astimezone().strftime("%Y-%m-%d %H:%M:%S") if when else "?",
        object=object_name,
    )


def _is_stale(exc: BaseException | None) -> bool:
    """The ORM's StaleDataError (raised only where the ORM is loaded, so not imported for this)."""
    orm_exc = sys.modules.get("sqlalchemy.orm.exc")
    return orm_exc is not None and isinstance(exc, orm_exc.StaleDataError)


def _raise_translated(exc: BaseException | None) -> None:
    """Raise the domain error for a database failure that left a unit of work (else nothing)."""
    if exc is not None and not isinstance(exc, ConflictError | DatabaseUnavailableError):
        translated = translate_db_error(exc)
        if translated is not None:
            raise translated from exc


def translate_db_error(exc: BaseException) -> Exception | None:
    """Domain errors for database failures that the user should see in plain words."""
    if isinstance(exc, ProgrammingError) and getattr(exc.orig, "sqlstate", None) == _PG_REFUSED:
        # Row-level security or a database-side check refused what the service let through (S1).
        log.warning("the database refused a change: %s", str(exc.orig).splitlines()[0])
        return PermissionDeniedError("The database refused this change: you lack the rights for it.")
    if _is_stale(exc):
        return ConflictError("Someone else changed this data in the meantime. Nothing was saved; reload and try again.")
    if isinstance(exc, IntegrityError):
        return ConflictError(
            "The change clashes with data saved at the same time on another workstation. Nothing was saved; "
            "reload and try again."
        )
    if isinstance(exc, OperationalError) and not exc.connection_invalidated and is_lock_conflict(exc):
        return ConflictError("Another workstation saved at the same moment. Nothing was saved; reload and try again.")
    if isinstance(exc, OperationalError) or (isinstance(exc, DBAPIError) and exc.connection_invalidated):
        return DatabaseUnavailableError(
            "The connection to the database was lost. Nothing was saved; try again when it is back."
        )
    return None


#: PostgreSQL SQLSTATEs of a transaction that lost a race for a lock: serialization failure,
#: deadlock, lock timeout
_PG_LOCK_STATES = frozenset({"40001", "40P01", "55P03"})
#: PostgreSQL SQLSTATE insufficient_privilege (row-level security, the checks of revision 0005)
_PG_REFUSED = "42501"
#: MariaDB/MySQL error numbers for the same: lock wait timeout, deadlock
_MYSQL_LOCK_ERRORS = frozenset({1205, 1213})


def raise_as_domain_error(exc: DBAPIError) -> NoReturn:
    """Raise the domain error for ``exc`` (see :func:`translate_db_error`), or ``exc`` itself."""
    translated = translate_db_error(exc)
    if translated is None:
        raise exc
    raise translated from exc


def is_lock_conflict(exc: OperationalError) -> bool:
    """Another transaction held the lock this one needed: a clash between workstations, not a lost
    connection (the drivers raise both as OperationalError)."""
    orig = exc.orig
    if getattr(orig, "sqlstate", None) in _PG_LOCK_STATES:
        return True
    args = getattr(orig, "args", ())
    if args and isinstance(args[0], int) and args[0] in _MYSQL_LOCK_ERRORS:
        return True
    text = str(orig).lower()
    return "database is locked" in text or "database is busy" in text


#: a unit of work whose pooled connection turns out lost at its BEGIN starts once more on a new one
_ATTEMPTS = (1, 2)


def _start_again(exc: DBAPIError, attempt: int) -> bool:
    """Whether to begin again on a new connection: the first BEGIN found the pooled connection lost
    (the server ended it since its last use). Nothing ran in the transaction yet, and SQLAlchemy has
    replaced the pool's connections; a server still away fails the second attempt as before (S5)."""
    if attempt < _ATTEMPTS[-1] and exc.connection_invalidated:
        log.info("a pooled connection was lost since its last use; beginning on a new one")
        return True
    return False


#: whether the Session class's listeners are registered (once per process, see _listen_once)
_listening = False
_listening_lock = threading.Lock()


def _listen_once() -> None:
    """Register the unit of work's listeners on the Session class, once per process: they act on a
    session only through its ``info["uow"]``, so that no unit of work adds or removes listeners
    (each ``event.listen`` on a session instance copies its event dispatch; issue 8). A session
    without a unit of work is left alone, as before."""
    global _listening
    if _listening:
        return
    with _listening_lock:
        if _listening:
            return
        from sqlalchemy.orm import Session

        event.listen(Session, "after_begin", _set_operator_setting)
        event.listen(Session, "before_flush", _before_flush)
        event.listen(Session, "after_flush", _after_flush)
        _listening = True


def _set_operator_setting(session: Session, _transaction: SessionTransaction, connection: Connection) -> None:
    """Row-level security and the database-side checks read the operator from the transaction (S1, T8)."""
    uow: UnitOfWork | None = session.info.get("uow")
    if uow is None or connection.dialect.name != "postgresql":
        return
    _name_operator(connection, uow.operator, read_only=not uow._write)


def _name_operator(connection: Connection, operator: Operator | None, *, read_only: bool = False) -> None:
    """Begin the transaction naming the operator for it alone (``set_config(…, true)`` is ``SET
    LOCAL``), in the same round trip as BEGIN (``db.engine.begin_with_settings``, issue 8); a unit of
    work that only reads begins ``READ ONLY``."""
    operator_id = "" if operator is None or operator.id is None else str(operator.id)
    begin_with_settings(connection, {"app.operator_id": operator_id}, read_only=read_only)


#: object type (class name, as audited) → table name, for the change notification
_TABLE_OF_CLASS = tables.TABLE_OF_CLASS


def _before_flush(session: Session, _flush_context: UOWTransaction, _instances: object) -> None:
    uow: UnitOfWork | None = session.info.get("uow")
    if uow is None:
        return
    _mark_flushed_rows(session, uow)
    if uow._capture is not None:
        uow._capture.before_flush(session)


def _mark_flushed_rows(session: Session, uow: UnitOfWork) -> None:
    """Note the versioned rows the flush writes (for the conflict message) and stamp their writer."""
    from mandant_desktop.db.models import Versioned

    uow._flushing = []
    for obj in (*session.dirty, *session.deleted):
        state = inspect(obj)
        if isinstance(obj, Versioned) and state.identity is not None:
            uow._flushing.append((state.mapper, state.identity, obj.version))
    for obj in session.dirty:
        if isinstance(obj, Versioned) and session.is_modified(obj, include_collections=False):
            obj.updated_by = uow.operator.username[:100]
    for obj in session.new:
        if isinstance(obj, Versioned):
            obj.updated_by = uow.operator.username[:100]
        elif "created_by" in obj.__table__.c and obj.created_by is None:
            # A row without a version records who made it (link rows, role assignments): undo
            # tells by it that the row under a key is the one its change wrote (S4, E7).
            obj.created_by = uow.operator.username[:100]


def _after_flush(session: Session, _flush_context: UOWTransaction) -> None:
    uow: UnitOfWork | None = session.info.get("uow")
    if uow is None:
        return
    (uow.audit_flush or _audit_flush)(session)
    if uow._capture is not None:
        uow._capture.after_flush(session)


def _audit_flush(session: Session) -> None:
    """One audit entry per ORM change of the flush, in the flush's transaction (S3)."""
    from mandant_desktop.db.models import ActivationToken, AuditEntry, Base, OutboxMail

    # the log itself and mail bookkeeping are not audited
    not_audited = (AuditEntry, OutboxMail, ActivationToken)
    uow: UnitOfWork = session.info["uow"]
    rows: list[dict[str, Any]] = []
    groups: tuple[tuple[str, Iterable[Any]], ...] = (
        ("create", session.new),
        ("update", session.dirty),
        ("delete", session.deleted),
    )
    for action, objects in groups:
        for obj in objects:
            if not isinstance(obj, Base) or isinstance(obj, not_audited):
                continue
            if action == "update" and not session.is_modified(obj, include_collections=False):
                continue
            changes = _changes(obj, action)
            if action == "update" and not changes:
                continue
            rows.append(
                uow._audit_row(type(obj).__name__, _object_id(obj), action, changes, _tenant_of(obj), uow.summary)
            )
            uow.changed_tables.add(obj.__tablename__)
    if rows:
        insert_rows(session.connection(), tables.audit_log, rows, row_security=False, json_table=True)


def check_version(
    obj: Any, expected_version: int | None, object_name: str, current: Mapping[str, str] | None = None
) -> None:
    """Refuse a change of ``obj`` when it is no longer at the version the user read (SPEC S4);
    ``current`` (field → stored value the user may see) goes with the conflict for comparison.

    A change without the version the user saw is a programming error, never a silent overwrite.
    """
    if expected_version is None:
        raise TypeError(f"changing a {object_name} needs the version the user read (S4)")
    if obj.version != expected_version:
        error = _changed_by(obj.updated_by, obj.updated_at, object_name)
        error.current.update(current or {})
        raise error
