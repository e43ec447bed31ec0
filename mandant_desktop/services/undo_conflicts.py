"""Why an undo or redo is refused: the change by someone else that stands in its way (SPEC E7, S3, S4).

A step is refused when a row is no longer as the change left it. The row's ``updated_by`` names its
last writer, which is often the user's own newer undo step (it wrote the row back after another
workstation's change had been saved over the user's). The audit log knows better: every change
is logged with operator, workstation and time (S3), so :func:`cause` looks up the newest entry
on the object since the change was made that did *not* come from this operator on this
workstation. Only a refused step asks; an undo that goes through reads nothing more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Connection, and_, not_, select

from mandant_desktop.db import tables
from mandant_desktop.domain.errors import InUseError
from mandant_desktop.services.operator import Operator


class UndoConflictError(InUseError):
    """The data changed since the change (S4): the undo or redo is refused and writes nothing.

    A ConflictError, but no input of the user's is at stake: the UI shows it as a plain message,
    not as the conflict dialog that offers to keep what was typed."""


@dataclass(frozen=True, slots=True)
class Cause:
    """Another operator's or workstation's logged change of the object."""

    who: str
    workstation: str
    at: dt.datetime
    action: str


def cause(
    connection: Connection,
    operator: Operator,
    object_type: str,
    object_ids: Collection[str],
    since: dt.datetime | None,
) -> Cause | None:
    """The newest audit entry on ``object_type`` ``object_ids`` made at or after ``since`` (when
    the change was made) by anyone but ``operator`` on this workstation; None when there is none
    (the user's own changes elsewhere, or no time to look from). One query on the log's object
    index."""
    if since is None or not object_ids:
        return None
    log = tables.audit_log.c
    mine = and_(log.operator_name == operator.username, log.workstation == operator.workstation[:255])
    row = connection.execute(
        select(log.operator_name, log.workstation, log.at, log.action)
        .where(
            log.object_type == object_type,
            log.object_id.in_(sorted({object_id[:100] for object_id in object_ids})),
            # An entry in the change's own second counts: MariaDB kept whole seconds before revision 0024.
            log.at >= since.replace(microsecond=0),
            not_(mine),
        )
        .order_by(log.at.desc(), log.id.desc())
        .limit(1)
    ).first()
    return None if row is None else Cause(row.operator_name, row.workstation, row.at, row.action)


def changed_error(
    connection: Connection,
    operator: Operator,
    object_type: str,
    object_ids: Collection[str],
    since: dt.datetime | None,
    *,
    last_writer: str | None = None,
    last_written: dt.datetime | None = None,
    gone: bool = False,
) -> UndoConflictError:
    """The refusal of a step whose row changed (or, ``gone``, was deleted) after the change (S4),
    naming who did it, when and on which workstation (from the audit log); without such an entry
    the row's own last writer (``last_writer``, ``last_written``) when that is someone else, else
    the plain fact."""
    found = cause(connection, operator, object_type, object_ids, since)
    if found is not None and found.action == "delete":
        return UndoConflictError(
            "Cannot undo: {who} deleted this {object} at {when} on workstation {workstation}. Nothing was changed.",
            who=found.who,
            when=when_text(found.at),
            workstation=found.workstation,
            object=object_type,
        )
    if found is not None:
        return UndoConflictError(
            "Cannot undo: {who} changed this {object} at {when} on workstation {workstation}, after your change. "
            "Nothing was changed.",
            who=found.who,
            when=when_text(found.at),
            workstation=found.workstation,
            object=object_type,
        )
    if gone:
        return UndoConflictError(
            "Cannot undo: this {object} was deleted on another workstation in the meantime. Nothing was changed.",
            object=object_type,
        )
    if last_writer and last_writer != operator.username[:100]:
        return UndoConflictError(
            "Cannot undo: {who} changed this {object} at {when}, after your change. Nothing was changed.",
            who=last_writer,
            when=when_text(last_written),
            object=object_type,
        )
    if since is not None:
        # Nobody else is logged since the change: the user changed it again outside this page's steps.
        return UndoConflictError(
            "Cannot undo: you changed this {object} again on this workstation after this change (on another page, "
            "or by an import or a bulk change). Nothing was changed.",
            object=object_type,
        )
    return UndoConflictError(
        "Cannot undo: this {object} was changed on another workstation after your change. Nothing was changed.",
        object=object_type,
    )


def same_row_written(
    stored: tuple[dt.datetime | None, str | None], written: tuple[dt.datetime | None, str | None]
) -> bool:
    """Whether a row without a version (a role assignment, an inheritance mark) stored now as
    (``created_at``, ``created_by``) is the one a change wrote as ``written`` — not one deleted and
    added again since, on another workstation or by anyone else, under the same key (S4). Exact:
    every backend keeps the microseconds written (MariaDB since revision 0024), so a row made
    again within the same second is told apart too."""
    return stored == written


def when_text(at: dt.datetime | None) -> str:
    """The moment as the services name it (local time; the UI shows it in the locale's format)."""
    return at.astimezone().strftime("%Y-%m-%d %H:%M:%S") if at else "?"
