"""Generate the large demo (SPEC section 8) into a fresh SQLite file and print how long it took.

    .venv/bin/python bench/demo_large.py [--keep PATH] [--seed N] [--export]

The budget is three minutes on the reference machine (2 cores); the script exits 1 when it is
exceeded, so it can guard against regressions by hand or in a scheduled job. It is not part of the
test suite, which must stay fast. ``--export`` also times the role-assignment export of the result.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from mandant_desktop.db.engine import create_engine_for, make_session_factory
from mandant_desktop.db.migrate import check_database, upgrade_database
from mandant_desktop.services.demo import generate_demo
from mandant_desktop.services.exports import export_assignments
from mandant_desktop.services.operator import system_operator

BUDGET_S = 180.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="write the database here and keep it (default: a temp dir)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--export", action="store_true", help="also time the role-assignment export")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        path = args.keep or Path(scratch) / "demo_large.sqlite"
        if path.exists():
            parser.error(f"{path} exists; the large demo needs a fresh file")
        engine = create_engine_for(f"sqlite:///{path}")
        try:
            upgrade_database(engine)
            last = 0.0

            def progress(message: str, fraction: float) -> None:
                nonlocal last
                if time.perf_counter() - last > 5:
                    last = time.perf_counter()
                    print(f"  {fraction:6.1%}  {message}", flush=True)

            started = time.perf_counter()
            report = generate_demo(engine, scale="large", seed=args.seed, progress=progress)
            elapsed = time.perf_counter() - started
            for table, count in report.counts.items():
                print(f"  {table:<26} {count:>10,}")
            print(f"large demo: {report.total:,} rows in {elapsed:.1f} s (budget {BUDGET_S:.0f} s)")
            print(f"database: {path} ({path.stat().st_size / 1e6:.0f} MB)")
            print(check_database(engine)["counts"])
            if args.export:
                out = Path(scratch) / "assignments.xlsx"
                started = time.perf_counter()
                rows = export_assignments(make_session_factory(engine), system_operator("bench"), out)
                print(f"assignment export: {rows:,} rows in {time.perf_counter() - started:.1f} s")
        finally:
            engine.dispose()
    return 0 if elapsed <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
