"""Whether the start page had its data at the window's first paint, in starts as the bench runs
them (issue 8, start-paint): the bench's own probe, its first "painted" line extended by the
page's ``busy`` at that paint (read inside the probe's event filter, when the paint begins). Both
checkouts' starts in turns, each through bench.startup's ``_launch``.

    cd /tmp && PYTHONPATH=TREE TREE/.venv/bin/python \\
        TREE/docs/profiles/2026-12-04-start-paint/order.py DB_URL ROUNDS OLD_TREE NEW_TREE
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/2026-12-04-startup-spread")
import spread

from bench import startup


def probe_text() -> str:
    text = startup.PROBE.read_text(encoding="utf-8")
    at_paint = '                    state["painted"] = True\n'
    assert at_paint in text
    text = text.replace(at_paint, at_paint + '                    state["busy_at_paint"] = busy()\n', 1)
    line = '        print(f"painted {1000 * time.process_time():.0f}", flush=True)\n'
    assert line in text
    return text.replace(
        line,
        "        print(f\"painted {1000 * time.process_time():.0f} busy={state['busy_at_paint']}\", flush=True)\n",
        1,
    )


def main() -> None:
    db, rounds, trees = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    text = probe_text()
    seen: dict[str, list[tuple[float, float, float | None]]] = {tree: [] for tree in trees}
    busy: dict[str, list[bool]] = {tree: [] for tree in trees}
    with tempfile.TemporaryDirectory(prefix="order-") as scratch:
        env = spread.start_env(scratch)
        for i in range(rounds):
            for tree in trees if i % 2 == 0 else trees[::-1]:
                venv = {**env, "PYTHONPATH": tree}
                argv = [sys.executable, "-c", text, "--db", db]
                if i == 0:
                    startup._launch(argv, venv)
                # the "painted" line carries the busy flag, which _launch does not return: read it here
                start = time.perf_counter()
                proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, env=venv)
                assert proc.stdout is not None
                first = proc.stdout.readline()
                painted = 1000 * (time.perf_counter() - start)
                ready_line = proc.stdout.readline()
                ready = 1000 * (time.perf_counter() - start)
                proc.stdout.read()
                proc.wait(120)
                assert first.startswith("painted") and ready_line.startswith("ready"), (first, ready_line)
                busy[tree].append("busy=True" in first)
                seen[tree].append((painted, ready, float(ready_line.split()[1])))
    print(f"load {os.getloadavg()}")
    for tree in trees:
        rows = seen[tree]
        print(
            f"{tree}: busy at first paint {sum(busy[tree])}/{len(rows)}; median painted "
            f"{statistics.median(r[0] for r in rows):.0f} ms, ready {statistics.median(r[1] for r in rows):.0f} ms, "
            f"ready-painted {statistics.median(r[1] - r[0] for r in rows):.1f} ms, "
            f"CPU {statistics.median(r[2] for r in rows):.0f} ms"
        )


if __name__ == "__main__":
    main()
