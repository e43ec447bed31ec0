"""Writes of many rows through the services (issue 8), on the org group's copy of the large demo:
a bulk edit of the assignment grid (20 users × 500 units = 10,000 new assignments, committed) and
its undo, and a save of the access matrix (2,000 cells of one tenant granted). The baseline of each
is the same rows written by ``db.bulk`` alone in one committed transaction (one statement on
PostgreSQL, an executemany elsewhere): what the rows cost without planning, rights, audit and
change notice. Statements are counted as the server runs them (an executemany once per row on
PostgreSQL) for a small and the large change; the target asks them to be equal."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Table, func, select, text

from bench.harness import Report, counting, median_of

GRID_USERS, GRID_UNITS = 20, 500
MATRIX_CELLS = 2_000


def _timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and thread CPU ms of ``fn`` with the collector off, as a worker runs it (ui.collector)."""
    gc.disable()
    try:
        start, start_cpu = time.perf_counter(), time.thread_time()
        result = fn()
        return 1000 * (time.perf_counter() - start), 1000 * (time.thread_time() - start_cpu), result
    finally:
        gc.enable()
        gc.collect(1)


def run(report: Report, app: Any, op: Any, runs: int) -> None:
    for name, figure in (("bulk_assign", _bulk_assign), ("access_save", _access_save)):
        try:
            figure(report, app, op, runs)
        except Exception as exc:  # reported as a failed figure; the others still run
            report.failed(name, exc)


def _statements(app: Any, fn: Callable[[], Any]) -> int:
    with counting(app.engine, as_the_server_runs=True) as statements:
        fn()
    return len(statements)


def _raw_rows(app: Any, op: Any, table: Table, columns: dict[str, list[Any]], keys: tuple[str, ...]) -> float:
    """The baseline: ``columns`` inserted by db.bulk alone in a unit of work of the same operator
    (on PostgreSQL the database checks the operator's rights as it does for the service) and
    committed; removed again afterwards."""
    from mandant_desktop.db import bulk
    from mandant_desktop.services.unit_of_work import UnitOfWork

    def write(change: Callable[[Any], None]) -> None:
        with UnitOfWork(app.services.session_factory, op) as uow:
            change(uow.session.connection())
            uow.commit()

    wall, _cpu, _ = _timed(lambda: write(lambda connection: bulk.insert_columns(connection, table, columns)))
    write(lambda connection: bulk.delete_keys(connection, table, {key: columns[key] for key in keys}))
    return wall


def _report(
    report: Report,
    name: str,
    target: str,
    limit_ms: float,
    flat: bool,
    measured: tuple[list[float], list[float], list[float]],
    **detail: Any,
) -> None:
    """One figure: the median of the timed runs against the median of the baseline's, ok when under
    ``limit_ms`` and the statement counts are ``flat``."""
    times, cpu, raw = measured
    ms, all_ms = median_of(times)
    baseline, raw_all = median_of(raw)
    report.add(
        name,
        ms,
        "ms",
        target,
        ms <= limit_ms and flat,
        baseline=baseline,
        ratio=ms / baseline,
        runs=len(times),
        detail={
            "runs_ms": all_ms,
            "cpu_ms": median_of(cpu)[1],
            "baseline_is": "the same rows inserted by db.bulk alone, committed, in a unit of work of the same operator",
            "baseline_runs_ms": raw_all,
            **detail,
        },
    )


def _bulk_assign(report: Report, app: Any, op: Any, runs: int) -> None:
    from mandant_desktop.db.models import OrgUnit, Role, RoleAssignment, User, utcnow
    from mandant_desktop.services.assignments import ASSIGNMENT_COLUMNS, AssignmentsService, BulkEdit

    service = AssignmentsService(app.services.session_factory)
    with app.services.session_factory() as session:
        role = session.scalar(select(Role.id).where(Role.predefined_key == "auditor"))
        units = list(session.scalars(select(OrgUnit.id).order_by(OrgUnit.id.desc()).limit(GRID_UNITS)))
        users = list(session.scalars(select(User.id).order_by(User.id.desc()).limit(GRID_USERS)))
        held = session.scalar(
            select(func.count()).where(
                RoleAssignment.role_id == role, RoleAssignment.user_id.in_(users), RoleAssignment.org_unit_id.in_(units)
            )
        )
    edit = BulkEdit(False, (role,), tuple(users), tuple(units))
    small = BulkEdit(False, (role,), tuple(users[:2]), tuple(units[:3]))
    counts = []
    for each in (small, edit):  # counted apart from the timed runs
        done: list[Any] = []
        counts.append(_statements(app, lambda each=each, done=done: done.append(service.apply(op, each))))
        counts.append(_statements(app, lambda done=done: service.revert(op, done[0])))
    small_add, small_undo, large_add, large_undo = counts
    times, cpu, undo, undo_cpu, raw, rows = [], [], [], [], [], 0
    table = cast(Table, RoleAssignment.__table__)
    for _ in range(runs):
        wall, thread_cpu, change = _timed(lambda: service.apply(op, edit))
        times.append(wall)
        cpu.append(thread_cpu)
        rows = len(change.added)
        wall, thread_cpu, _ = _timed(lambda change=change: service.revert(op, change))
        undo.append(wall)
        undo_cpu.append(thread_cpu)
        now = utcnow()
        columns = {
            "user_id": [u for u, _n, _r in change.added],
            "org_unit_id": [n for _u, n, _r in change.added],
            "role_id": [r for _u, _n, r in change.added],
            "inherited_from_id": [None] * rows,
            "created_at": [now] * rows,
            "created_by": ["bench"] * rows,
        }
        assert tuple(columns) == ASSIGNMENT_COLUMNS
        raw.append(_raw_rows(app, op, table, columns, ("user_id", "org_unit_id", "role_id")))
    _report(
        report,
        "bulk_assign",
        "<= 1000 ms for 10,000 cells of the assignment grid, committed; as many statements for 6 cells as"
        " for 10,000 (and for their undo)",
        1000,
        (small_add, small_undo) == (large_add, large_undo),
        (times, cpu, raw),
        rows_added=rows,
        already_held=held,
        undo_ms=median_of(undo)[1],
        undo_cpu_ms=median_of(undo_cpu)[1],
        statements_6_cells=[small_add, small_undo],
        statements_10000_cells=[large_add, large_undo],
    )


def _access_save(report: Report, app: Any, op: Any, runs: int) -> None:
    from mandant_desktop.db.models import AccessLevel, TenantAccess, utcnow
    from mandant_desktop.domain.tenant_access import Level
    from mandant_desktop.domain.tenants import HIDDEN, Access
    from mandant_desktop.services.access import AccessService

    service = AccessService(app.services.session_factory)
    with app.services.session_factory() as session:
        tenant = session.scalar(text("SELECT id FROM tenant ORDER BY id DESC LIMIT 1"))
        users = list(
            session.scalars(
                text(
                    "SELECT u.id FROM app_user u WHERE NOT EXISTS (SELECT 1 FROM tenant_access a"
                    " WHERE a.user_id = u.id AND a.tenant_id = :t) ORDER BY u.id LIMIT :n"
                ),
                {"t": tenant, "n": MATRIX_CELLS},
            )
        )
    read = Access(Level.READ_ONLY)

    def cells(before: Access, after: Access, some: list[int]) -> dict[tuple[int, int], tuple[Access, Access]]:
        return {(tenant, user): (before, after) for user in some}

    small_grant = _statements(app, lambda: service.save(op, cells(HIDDEN, read, users[:3])))
    small_remove = _statements(app, lambda: service.save(op, cells(read, HIDDEN, users[:3])))
    large_grant = _statements(app, lambda: service.save(op, cells(HIDDEN, read, users)))
    large_remove = _statements(app, lambda: service.save(op, cells(read, HIDDEN, users)))
    times, cpu, remove, raw = [], [], [], []
    table = cast(Table, TenantAccess.__table__)
    for _ in range(runs):
        wall, thread_cpu, _saved = _timed(lambda: service.save(op, cells(HIDDEN, read, users)))
        times.append(wall)
        cpu.append(thread_cpu)
        remove.append(_timed(lambda: service.save(op, cells(read, HIDDEN, users)))[0])
        now = utcnow()
        columns = {
            "tenant_id": [tenant] * len(users),
            "user_id": list(users),
            "level": [AccessLevel.READ_ONLY] * len(users),
            "private_data": [False] * len(users),
            "version": [1] * len(users),
            "updated_at": [now] * len(users),
            "updated_by": ["bench"] * len(users),
        }
        raw.append(_raw_rows(app, op, table, columns, ("tenant_id", "user_id")))
    _report(
        report,
        "access_save",
        "<= 500 ms for 2,000 cells of the access matrix, committed; as many statements for 3 cells as for 2,000",
        500,
        (small_grant, small_remove) == (large_grant, large_remove),
        (times, cpu, raw),
        cells=len(users),
        remove_ms=median_of(remove)[1],
        statements_3_cells=[small_grant, small_remove],
        statements_2000_cells=[large_grant, large_remove],
    )
