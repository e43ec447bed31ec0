"""Bulk writes and reads: ``bulk_insert`` (the demo generator's insert path against raw
``sqlite3.executemany`` of the same rows) and ``export_assignments`` (the million-row Excel export
against a bare openpyxl write-only workbook of the same rows, with the memory it grows by)."""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from bench.harness import ADMIN, Report, log, median_of, rss_bytes

#: role-assignment rows copied from the large demo for the insert comparison
INSERT_ROWS = 300_000
#: the export compares the assignments of the first users (about 100,000 rows), twice each, in
#: turns: a million rows take minutes each on a shared CPU; BENCH_EXPORT_ALL=1 exports them all
EXPORT_USERS = 800
MIB = 1024 * 1024


def _fresh_schema(path: Path, source: str, parents: tuple[str, ...] = ("role", "app_user", "org_unit")) -> None:
    """A new SQLite file with the application's schema and the parent rows of the table written
    (copied from the large demo, foreign keys unchecked: the users' customers are not needed)."""
    from sqlalchemy.engine import make_url

    from mandant_desktop.db.engine import create_engine_for, sqlite_path
    from mandant_desktop.db.models import Base

    engine = create_engine_for(f"sqlite:///{path}")
    try:
        Base.metadata.create_all(engine)
    finally:
        engine.dispose()
    plain = sqlite3.connect(path)
    plain.execute("ATTACH DATABASE ? AS src", (str(sqlite_path(make_url(source))),))
    with plain:
        for model in (Base.metadata.tables[name] for name in parents):
            columns = ", ".join(c.name for c in model.columns)
            name = model.name
            plain.execute(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM src.{name}")
    plain.execute("DETACH DATABASE src")
    plain.close()


def bulk_insert(report: Report, large: str, _small: str, runs: int) -> None:
    from mandant_desktop.db.engine import create_engine_for
    from mandant_desktop.db.models import RoleAssignment
    from mandant_desktop.services.demo.generator import CHUNK_ROWS

    source = create_engine_for(large)
    table = RoleAssignment.__table__
    with source.connect() as origin:
        rows = [dict(r._mapping) for r in origin.execute(select(table).order_by(table.c.id).limit(INSERT_ROWS))]
    columns = list(rows[0])
    ours, raw = [], []
    with tempfile.TemporaryDirectory(prefix="bench-insert-") as scratch:
        for run in range(max(1, runs // 2)):
            mine, theirs = Path(scratch) / f"ours{run}.sqlite", Path(scratch) / f"raw{run}.sqlite"
            _fresh_schema(mine, large)
            _fresh_schema(theirs, large)
            engine = create_engine_for(f"sqlite:///{mine}")
            start = time.perf_counter()
            with engine.begin() as connection:  # the demo generator's path: Core insert in chunks
                for first in range(0, len(rows), CHUNK_ROWS):
                    connection.execute(insert(table), rows[first : first + CHUNK_ROWS])
            ours.append(time.perf_counter() - start)
            engine.dispose()
            raw.append(_raw_executemany(theirs, table.name, columns, rows))
            log(f"insert {len(rows)} rows: ours {ours[-1]:.2f} s, raw {raw[-1]:.2f} s")
    source.dispose()
    ours_s, ours_all = median_of(ours)
    raw_s, raw_all = median_of(raw)
    ratio = raw_s / ours_s  # our speed as a share of raw executemany
    report.add(
        "bulk_insert",
        len(rows) / ours_s,
        "rows/s",
        ">= 0.25x raw sqlite3.executemany of the same rows",
        ratio >= 0.25,
        baseline=len(rows) / raw_s,
        ratio=ratio,
        runs=len(ours),
        detail={"rows": len(rows), "table": table.name, "ours_s": ours_all, "raw_s": raw_all, "chunk": CHUNK_ROWS},
    )


def bulk_insert_customers(report: Report, large: str, _small: str, runs: int) -> None:
    """The customers of the large demo written as the demo generator and the import write them
    (Core inserts in chunks, the search indexes of revisions 0008 and 0019 filled in one statement
    each at the end)
    against raw ``executemany`` of the same rows into the table without a search index. The time
    with the per-row trigger instead is in the detail, once."""
    from mandant_desktop.db import customer_search
    from mandant_desktop.db.engine import create_engine_for
    from mandant_desktop.db.models import Customer
    from mandant_desktop.services.demo.generator import CHUNK_ROWS

    source = create_engine_for(large)
    table = Customer.__table__
    with source.connect() as origin:
        rows = [dict(r._mapping) for r in origin.execute(select(table).order_by(table.c.id))]
    source.dispose()
    columns = list(rows[0])

    def ours_into(path: Path, *, in_bulk: bool) -> float:
        _fresh_schema(path, large, ("tenant",))
        engine = create_engine_for(f"sqlite:///{path}")
        with engine.begin() as connection:
            # what revisions 0008 and 0019 add, of the key since revision 0027; the number order's
            # index is declared by the models (schema-models, 7adb5e2), so create_all made it
            customer_search.create_sqlite_index(connection, customer_search.KEY_COLUMNS)
            customer_search.create_sqlite_short_index(connection, customer_search.KEY_COLUMNS)
        start = time.perf_counter()
        with engine.begin() as connection:
            block = customer_search.filled_in_bulk(connection) if in_bulk else contextlib.nullcontext()
            with block:
                for first in range(0, len(rows), CHUNK_ROWS):
                    connection.execute(insert(table), rows[first : first + CHUNK_ROWS])
        elapsed = time.perf_counter() - start
        engine.dispose()
        return elapsed

    ours, raw = [], []
    with tempfile.TemporaryDirectory(prefix="bench-customers-") as scratch:
        trigger_s = ours_into(Path(scratch) / "trigger.sqlite", in_bulk=False)
        for run in range(max(1, runs // 2)):
            ours.append(ours_into(Path(scratch) / f"ours{run}.sqlite", in_bulk=True))
            theirs = Path(scratch) / f"raw{run}.sqlite"
            _fresh_schema(theirs, large, ("tenant",))
            raw.append(_raw_executemany(theirs, table.name, columns, rows))
            log(f"insert {len(rows)} customers: ours {ours[-1]:.2f} s, raw {raw[-1]:.2f} s, trigger {trigger_s:.2f} s")
    ours_s, ours_all = median_of(ours)
    raw_s, raw_all = median_of(raw)
    ratio = raw_s / ours_s
    report.add(
        "bulk_insert_customers",
        len(rows) / ours_s,
        "rows/s",
        ">= 0.25x raw sqlite3.executemany of the same rows (ours fills the search index too)",
        ratio >= 0.25,
        baseline=len(rows) / raw_s,
        ratio=ratio,
        runs=len(ours),
        detail={"rows": len(rows), "ours_s": ours_all, "raw_s": raw_all, "per_row_trigger_s": round(trigger_s, 2)},
    )


def bulk(report: Report, large: str, small: str, runs: int) -> None:
    from sqlalchemy.engine import make_url

    if make_url(large).get_backend_name() != "sqlite":
        # The peers are raw sqlite3.executemany into fresh files; on a server the demo generation
        # (the demo_large figure) is the bulk figure.
        log("the bulk figures are measured on SQLite only; see demo_large")
        return
    bulk_insert(report, large, small, runs)
    bulk_insert_customers(report, large, small, runs)


class _PeakMemory:
    """Samples the resident set size every 50 ms on a thread; ``growth`` is peak minus start."""

    def __init__(self) -> None:
        self.start = rss_bytes()
        self.peak = self.start
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, rss_bytes())

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes())
        return (self.peak - self.start) / MIB


def _bare_export(factory: Any, path: Path, user_ids: list[int] | None) -> int:
    """The same rows with the same cell texts (name, email, unit path, role, inherited, from which
    unit), ordered the same way, through a bare write-only workbook: the peer. It leaves out what
    the export adds: the tree order within a user, formula neutralising, sheet sizing, progress,
    cancel and the atomic rename."""
    from openpyxl import Workbook

    from mandant_desktop.db.models import Role, RoleAssignment, User
    from mandant_desktop.services.unit_tree import unit_paths

    stmt = (
        select(
            User.first_name,
            User.last_name,
            User.email,
            RoleAssignment.org_unit_id,
            Role.name,
            RoleAssignment.inherited_from_id,
        )
        .join(User, User.id == RoleAssignment.user_id)
        .join(Role, Role.id == RoleAssignment.role_id)
        .order_by(User.last_name, User.first_name, User.id)
        .execution_options(yield_per=5000)
    )
    if user_ids is not None:
        stmt = stmt.where(RoleAssignment.user_id.in_(user_ids))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Role assignments")
    sheet.append(["Name", "Email", "Org unit", "Role", "Inherited", "From"])
    rows = 0
    with factory() as session:
        paths, _order = unit_paths(session)
        for first, last, email, unit, role, source in session.execute(stmt):
            inherited = "no" if source is None else "yes"
            sheet.append([f"{first} {last}", email, paths[unit], role, inherited, paths.get(source)])
            rows += 1
    book.save(path)
    return rows


def export_assignments(report: Report, large: str, _small: str, _runs: int) -> None:
    from mandant_desktop import bootstrap

    app = bootstrap.open_database(large)
    operator = app.services.auth.login(*ADMIN)
    user_ids = None if os.environ.get("BENCH_EXPORT_ALL") else list(range(1, EXPORT_USERS + 1))
    scope = {} if user_ids is None else {"user_ids": user_ids}
    ticks: list[float] = []
    ours, bare, growth, bare_growth = [], [], 0.0, 0.0
    rows = bare_rows = 0
    try:
        with tempfile.TemporaryDirectory(prefix="bench-export-") as scratch:
            for turn in range(1 if user_ids is None else 2):
                ticks.clear()
                memory = _PeakMemory()
                start = time.perf_counter()
                rows = app.services.assignments.export(
                    operator,
                    Path(scratch) / f"ours{turn}.xlsx",
                    progress=lambda done, total: ticks.append(time.perf_counter()),
                    cancel=lambda: False,
                    **scope,
                )
                ours.append(time.perf_counter() - start)
                growth = max(growth, memory.stop())
                memory = _PeakMemory()
                start = time.perf_counter()
                bare_rows = _bare_export(app.services.session_factory, Path(scratch) / f"bare{turn}.xlsx", user_ids)
                bare.append(time.perf_counter() - start)
                bare_growth = max(bare_growth, memory.stop())
                log(f"export {rows} rows: ours {ours[-1]:.1f} s (+{growth:.0f} MiB), bare {bare[-1]:.1f} s")
    finally:
        app.close()
    ours_s, ours_all = median_of(ours)
    bare_s, bare_all = median_of(bare)
    ours_rate, bare_rate = rows / ours_s, bare_rows / bare_s
    ratio = ours_rate / bare_rate
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    report.add(
        "export_assignments",
        ours_rate,
        "rows/s",
        ">= 0.8x the bare openpyxl writer; memory growth <= 50 MiB; progress reported",
        ratio >= 0.8 and growth <= 50 and len(ticks) > 1,
        baseline=bare_rate,
        ratio=ratio,
        runs=len(ours),
        detail={
            "rows": rows,
            "ours_s": ours_all,
            "bare_s": bare_all,
            "memory_growth_mib": round(growth, 1),
            "bare_memory_growth_mib": round(bare_growth, 1),
            "progress_reports": len(ticks),
            "longest_gap_between_reports_s": round(max(gaps), 2) if gaps else None,
            "scope": "all assignments" if user_ids is None else f"the assignments of users 1-{EXPORT_USERS}",
        },
    )


def _raw_executemany(path: Path, table: str, columns: list[str], rows: list[dict[str, Any]]) -> float:
    """Seconds for plain ``sqlite3.executemany`` of ``rows`` into ``path``: the bulk figures' peer."""
    plain = sqlite3.connect(path)
    plain.execute("PRAGMA foreign_keys=ON")  # as the application's connections
    plain.execute("PRAGMA journal_mode=WAL")
    plain.execute("PRAGMA synchronous=NORMAL")
    values = [tuple(r[c] for c in columns) for r in rows]
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    start = time.perf_counter()
    with plain:
        plain.executemany(sql, values)
    elapsed = time.perf_counter() - start
    plain.close()
    return elapsed
