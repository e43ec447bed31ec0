"""Revision 0028 on the large demo (SQLite): the rebuild's CPU time, and the cost of AUTOINCREMENT
on inserts (10,000 users in one executemany), old (plain rowid) and new in turns. CPU time
(process_time), not wall clock: the machine ran at load 10-19.

    .venv/bin/python docs/profiles/2026-12-04-audit-polish/measure.py /tmp/audit-polish/bench-large.sqlite
"""

from __future__ import annotations

import importlib.util
import shutil
import statistics
import sys
import time
from pathlib import Path

from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[3]
MIGRATION = ROOT / "mandant_desktop/db/migrations/versions/0028_sqlite_ids_never_reused.py"
spec = importlib.util.spec_from_file_location("m0028", MIGRATION)
assert spec is not None and spec.loader is not None
m0028 = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m0028)


def rebuilt(source: Path, target: Path) -> float:
    shutil.copy(source, target)
    engine = create_engine(f"sqlite:///{target}")
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
        conn.commit()
        with conn.begin():
            started = time.process_time()
            with Operations.context(MigrationContext.configure(conn)):
                m0028.upgrade()
            conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        elapsed = time.process_time() - started
    engine.dispose()
    return elapsed


def inserts(path: Path) -> float:
    engine = create_engine(f"sqlite:///{path}")
    rows = [{"u": f"measure{i}", "k": f"measure{i}"} for i in range(10_000)]
    with engine.connect() as conn:
        trans = conn.begin()
        started = time.process_time()
        conn.execute(
            text(
                "INSERT INTO app_user (username, username_key, first_name, last_name, kind, status, sso, "
                "is_external_admin, failed_logins, created_at, version) VALUES (:u, :k, 'M', 'M', 'internal', "
                "'active', 0, 0, 0, '2026-12-04 10:00:00', 1)"
            ),
            rows,
        )
        elapsed = time.process_time() - started
        trans.rollback()
    engine.dispose()
    return elapsed


def main() -> None:
    source = Path(sys.argv[1])
    work = Path("/tmp/audit-polish/measure")
    work.mkdir(parents=True, exist_ok=True)
    old, new = work / "old.sqlite", work / "new.sqlite"
    builds = [rebuilt(source, new) for _ in range(3)]
    shutil.copy(source, old)
    timings: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(11):
        for name, path in (("old", old), ("new", new)):
            timings[name].append(inserts(path))
    print(f"rebuild of tenant, app_user, role, org_unit (s): {[round(b, 3) for b in builds]}")
    for name, values in timings.items():
        print(
            f"10,000 inserts into app_user, {name}: median {statistics.median(values) * 1000:.1f} ms "
            f"{[round(v * 1000, 1) for v in values]}"
        )


if __name__ == "__main__":
    main()
