"""The performance instrument (issue 8): every hot path against its peer, measured in the same run.

    make bench                                   # the large demo on SQLite (generated once if missing)
    .venv/bin/python -m bench --only customers   # some groups only
    .venv/bin/python -m bench --db postgresql://postgres@127.0.0.1/mandant_bench --small-db …

Prints one JSON object per line (see bench/harness.py) and writes them all to bench/last.json.
Each group runs in its own process, so no figure pays for another's memory or Qt state; progress
goes to stderr. The large SQLite demo is generated into /tmp/bench-large.sqlite when it is missing
(its generation time is the ``demo_large`` figure) and reused afterwards: the CPU is shared.
Exit status 1 when a figure misses its target.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import log

LARGE = "sqlite:////tmp/bench-large.sqlite"
SMALL = "sqlite:////tmp/bench-small.sqlite"
#: the groups in the order they run; each is bench.groups.<name>
GROUPS = ("startup", "customers", "grid", "matrix", "queries", "org", "bulk", "export")
HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("BENCH_DB", LARGE), help="the large demo database")
    parser.add_argument("--small-db", default=os.environ.get("BENCH_SMALL_DB", SMALL), help="the small demo")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure; the median is reported")
    parser.add_argument("--only", help="comma-separated groups: " + ", ".join(GROUPS))
    parser.add_argument("--out", type=Path, default=HERE / "last.json")
    args = parser.parse_args()
    groups = args.only.split(",") if args.only else list(GROUPS)
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown groups: {', '.join(sorted(unknown))}")

    from bench.databases import ensure_demo

    started = time.perf_counter()
    lines: list[dict[str, object]] = []
    for figure in ensure_demo(args.db, "large") + ensure_demo(args.small_db, "small"):
        print(figure, flush=True)
        lines.append(json.loads(figure))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parent)}
    for group in groups:
        log(f"{group} …")
        command = [sys.executable, "-m", "bench.groups", group, args.db, args.small_db, str(args.runs)]
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
        "seconds": round(elapsed, 1),
        "cpus": os.cpu_count(),
        "load_average": os.getloadavg(),
        "figures": lines,
    }
    args.out.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n")
    return 0 if all(line.get("ok") for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main())
