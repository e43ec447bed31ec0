"""Row images of what a unit of work writes, for :mod:`services.recording` (SPEC E7).

Three sources: the ORM's flushes (:class:`FlushCapture`, full images before and after), the rows
the database deletes or nulls by itself through ``ON DELETE`` foreign keys (:func:`cascade_rows`,
read before the delete), and set-based statements inside :meth:`UnitOfWork.watch`
(:class:`Watch`, the watched rows and their cascades before and after). Rows are read by key or
by foreign key set-based (:func:`mandant_desktop.db.bulk.select_keys`): statement counts grow with
the number of tables involved, not with the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Table, func, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import NO_VALUE

from mandant_desktop.db import bulk
from mandant_desktop.db.models import AuditEntry, Base, LoginThrottle, OutboxMail, UserSetting
from mandant_desktop.db.tables import TABLE_OF_CLASS
from mandant_desktop.services.change_record import RowChange

#: the most rows a watched set-based statement may touch and still be undoable (kept in memory)
WATCH_LIMIT = 100_000
#: objects whose own changes are not administration changes of the session (the log, mail,
#: an operator's personal settings, log-in throttling); cascades still restore user settings
SKIPPED: tuple[type[Base], ...] = (AuditEntry, OutboxMail, UserSetting, LoginThrottle)

Image = dict[str, Any]


def table_of(name: str) -> Table:
    return Base.metadata.tables[name]


def key_of(table: Table, image: Image) -> tuple[Any, ...]:
    return tuple(image[column.name] for column in table.primary_key.columns)


def _image(obj: Base, *, committed: bool) -> Image:
    state = inspect(obj)
    image: Image = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if committed and history.deleted:
            value = history.deleted[0]
        elif committed and history.added and not history.unchanged:
            value = NO_VALUE  # a column set without its old value loaded: unknown
        else:
            value = state.dict.get(attr.key, NO_VALUE)
        if value is not NO_VALUE:
            image[attr.key] = value
    return image


class FlushCapture:
    """Listeners of one unit of work's session; ``rows`` holds what its flushes wrote."""

    def __init__(self) -> None:
        self.rows: list[RowChange] = []
        self.mail_sent = False
        self.password_changed = False
        self._before: dict[int, Image] = {}

    def before_flush(self, session: Session) -> None:
        deleted: dict[str, list[tuple[Any, ...]]] = {}
        for obj in (*session.dirty, *session.deleted):
            if isinstance(obj, Base) and not isinstance(obj, SKIPPED):
                self._before[id(obj)] = _image(obj, committed=True)
        for obj in session.deleted:
            if isinstance(obj, Base):
                state = inspect(obj)
                if state.identity is not None:
                    deleted.setdefault(obj.__tablename__, []).append(tuple(state.identity))
        for name, keys in deleted.items():
            self.rows.extend(cascade_rows(session, table_of(name), keys))

    def after_flush(self, session: Session) -> None:
        for obj in session.new:
            if isinstance(obj, OutboxMail):
                self.mail_sent = True
            if not isinstance(obj, Base) or isinstance(obj, SKIPPED):
                continue
            image = _image(obj, committed=False)
            self.rows.append(RowChange(obj.__tablename__, key_of(table_of(obj.__tablename__), image), None, image))
        for obj in session.dirty:
            before = self._before.pop(id(obj), None)
            if before is None or not session.is_modified(obj, include_collections=False):
                continue
            attrs = inspect(obj).attrs
            if "password_hash" in attrs and attrs["password_hash"].history.has_changes():
                self.password_changed = True
            after = _image(obj, committed=False)
            self.rows.append(RowChange(obj.__tablename__, key_of(table_of(obj.__tablename__), before), before, after))
        for obj in session.deleted:
            before = self._before.pop(id(obj), None)
            if before is not None:
                self.rows.append(
                    RowChange(obj.__tablename__, key_of(table_of(obj.__tablename__), before), before, None)
                )


def _references(table: Table) -> list[tuple[Table, str, str, str]]:
    """(child table, its foreign key column, the referred column, ON DELETE) of every foreign key
    on ``table``."""
    found = []
    # In the schema's order (metadata.tables holds the tables in the order they were defined, the
    # start's first: db.tables), so that a cascade is captured in the same order every time.
    for child in (Base.metadata.tables[name] for name in TABLE_OF_CLASS.values()):
        for fk in child.foreign_key_constraints:
            if fk.referred_table is table and len(fk.elements) == 1:
                element = fk.elements[0]
                found.append((child, element.parent.name, element.column.name, (fk.ondelete or "").upper()))
    return found


def select_rows(session: Session, table: Table, where: ColumnElement[bool]) -> list[Image]:
    return [dict(row._mapping) for row in session.execute(select(table).where(where))]


def rows_matching(session: Session, table: Table, columns: bulk.Columns) -> list[Image]:
    """The rows of ``table`` whose columns hold the values given column by column (each
    combination once), read set-based."""
    dialect = session.get_bind().dialect
    return [dict(row._mapping) for stmt in bulk.select_keys(dialect, table, columns) for row in session.execute(stmt)]


def rows_by_key(session: Session, table: Table, keys: Iterable[tuple[Any, ...]]) -> dict[tuple[Any, ...], Image]:
    names = [column.name for column in table.primary_key.columns]
    columns: bulk.Columns = {name: [] for name in names}
    for key in keys:
        for name, value in zip(names, key, strict=True):
            columns[name].append(value)
    return {key_of(table, image): image for image in rows_matching(session, table, columns)}


def cascade_rows(session: Session, table: Table, keys: Sequence[tuple[Any, ...]]) -> list[RowChange]:
    """The rows the database will delete (ON DELETE CASCADE, recursively) or null (SET NULL) when
    the rows ``keys`` of ``table`` go; read now, before the delete."""
    changes: list[RowChange] = []
    seen: set[tuple[str, tuple[Any, ...]]] = {(table.name, key) for key in keys}
    pending: list[tuple[Table, list[Image]]] = [(table, list(rows_by_key(session, table, keys).values()))]
    while pending:
        parent, images = pending.pop()
        for child, fk_column, referred, ondelete in _references(parent):
            if ondelete not in ("CASCADE", "SET NULL"):
                continue
            values = sorted({image[referred] for image in images if image.get(referred) is not None})
            found = rows_matching(session, child, {fk_column: values})
            fresh = []
            for image in found:
                key = key_of(child, image)
                if (child.name, key) in seen:
                    continue
                seen.add((child.name, key))
                if ondelete == "CASCADE":
                    changes.append(RowChange(child.name, key, image, None))
                    fresh.append(image)
                else:
                    changes.append(RowChange(child.name, key, image, {**image, fk_column: None}))
            if fresh:
                pending.append((child, fresh))
    return changes


class Watch:
    """Rows of ``table`` matching ``where`` and everything that cascades from them, before and
    after set-based statements (see :meth:`UnitOfWork.watch`). The statements may add, change
    and delete such rows, but must not change a row so that ``where`` no longer matches it."""

    def __init__(self, session: Session, table: Table, where: ColumnElement[bool]) -> None:
        self._session = session
        self._table = table
        self._where = where
        self._before: dict[tuple[str, tuple[Any, ...]], Image] = {}
        count = session.scalar(select(func.count()).select_from(table).where(where)) or 0
        #: more rows than an undo step holds (memory): the change is recorded as not undoable
        self.too_many = count > WATCH_LIMIT
        if self.too_many:
            return
        own = select_rows(session, table, where)
        self._before = {(table.name, key_of(table, i)): i for i in own}
        for change in cascade_rows(session, table, [key_of(table, i) for i in own]):
            assert change.before is not None
            self._before[(change.table, change.key)] = change.before

    def changes(self) -> list[RowChange]:
        if self.too_many:
            return []
        self._session.flush()
        after: dict[tuple[str, tuple[Any, ...]], Image] = {}
        for image in select_rows(self._session, self._table, self._where):
            after[(self._table.name, key_of(self._table, image))] = image
        by_table: dict[str, list[tuple[Any, ...]]] = {}
        for name, key in self._before:
            if name != self._table.name:
                by_table.setdefault(name, []).append(key)
        for name, keys in by_table.items():
            for key, image in rows_by_key(self._session, table_of(name), keys).items():
                after[(name, key)] = image
        rows = []
        for (name, key), before in self._before.items():
            now = after.get((name, key))
            if now != before:
                rows.append(RowChange(name, key, before, now))
        for (name, key), now in after.items():
            if (name, key) not in self._before:
                rows.append(RowChange(name, key, None, now))
        return rows
