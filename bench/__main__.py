"""The performance instrument (issue 8): every hot path against its peer, measured in the same run.

    make bench                                   # the large demo on SQLite (generated once if missing)
    .venv/bin/python -m bench --only customers   # some groups only
    .venv/bin/python -m bench --db postgresql://postgres@127.0.0.1/mandant_bench --small-db …
    .venv/bin/python -m bench --db postgresql://… --connect-as owner   # as the owner, for comparison
    .venv/bin/python -m bench --db mariadb://root@127.0.0.1/mandant_bench_large_mariadb --small-db …

Prints one JSON object per line (see bench/harness.py) and writes them all to bench/last.json.
Each group runs in its own process, so no figure pays for another's memory or Qt state; progress
goes to stderr. The large SQLite demo is generated into /tmp/bench-large.sqlite when it is missing
(its generation time is the ``demo_large`` figure) and reused afterwards: the CPU is shared.
Exit status 1 when a figure misses its target.

On PostgreSQL the owner named in ``--db`` loads the demo, and the figures run connected as a
workstation is: a login of the application role ``mandant_app``, under row-level security
(bench/databases.py, ``as_application``). ``--connect-as owner`` measures as the owner instead,
which row security does not limit. On MariaDB (``make bench-mariadb``) the figures run as the user
of ``--db``: a workstation's user there holds all rights on the database, as the one that loads the
demo, and there is no application role to measure as.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy.engine import make_url

from bench.databases import APP_LOGIN, as_application, ensure_demo
from bench.harness import log

LARGE = "sqlite:////tmp/bench-large.sqlite"
SMALL = "sqlite:////tmp/bench-small.sqlite"
#: the groups in the order they run; each is bench.groups.<name>
GROUPS = ("startup", "customers", "grid", "matrix", "users", "pages", "audit", "queries", "org", "bulk", "export")
HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("BENCH_DB", LARGE), help="the large demo database")
    parser.add_argument("--small-db", default=os.environ.get("BENCH_SMALL_DB", SMALL), help="the small demo")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure; the median is reported")
    parser.add_argument("--only", help="comma-separated groups: " + ", ".join(GROUPS))
    parser.add_argument("--out", type=Path, default=HERE / "last.json")
    parser.add_argument(
        "--connect-as",
        choices=("app", "owner"),
        default="app",
        help="PostgreSQL: measure as a login of the application role mandant_app, as a workstation"
        " connects (the default), or as the user of --db, who loads the demo",
    )
    parser.add_argument("--app-login", default=APP_LOGIN, help=f"the application login (default {APP_LOGIN})")
    args = parser.parse_args()
    groups = args.only.split(",") if args.only else list(GROUPS)
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown groups: {', '.join(sorted(unknown))}")

    started = time.perf_counter()
    lines: list[dict[str, object]] = []
    for figure in ensure_demo(args.db, "large") + ensure_demo(args.small_db, "small"):
        print(figure, flush=True)
        lines.append(json.loads(figure))
    large, small = args.db, args.small_db
    if args.connect_as == "app":
        large, small = as_application(large, args.app_login), as_application(small, args.app_login)
    connected_as = make_url(large).username if make_url(large).get_backend_name() != "sqlite" else None
    log(f"measuring as {connected_as}" if connected_as else "measuring on SQLite")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parent)}
    for group in groups:
        log(f"{group} …")
        # the owner's URL last: the org figures copy the database (CREATE DATABASE … TEMPLATE) with it
        command = [sys.executable, "-m", "bench.groups", group, large, small, str(args.runs), args.db]
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=HERE.parent)
        assert proc.stdout is not None
        for line in proc.stdout:
            print(line, end="", flush=True)
            lines.append(json.loads(line))
        if proc.wait() != 0:
            failure = {"name": group, "ok": False, "detail": {"error": f"the group exited with {proc.returncode}"}}
            print(json.dumps(failure), flush=True)
            lines.append(failure)
    elapsed = time.perf_counter() - started
    log(f"whole run: {elapsed:.0f} s")
    record = {
        "measured": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "database": args.db,
        "connected_as": connected_as,
        "seconds": round(elapsed, 1),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "figures": lines,
    }
    args.out.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    return 0 if all(line.get("ok") for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main())
