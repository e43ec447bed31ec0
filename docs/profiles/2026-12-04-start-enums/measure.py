"""What the start's main thread does on the Qt side until "ready" (issue 8): PySide's enum classes and
callgrind's instruction counts, both through the bench's own start probe (bench/start_probe.py).

Run from a neutral folder with a worktree's venv, on a copy of the large bench database::

    cd /tmp && PYTHONPATH=TREE TREE/.venv/bin/python TREE/docs/profiles/2026-12-04-start-enums/measure.py enums out.txt
    ... measure.py profile out.prof        # cProfile of the main thread until "ready" (structure only)
    ... measure.py callgrind 3 /tmp/cg     # 3 starts under callgrind, dumped at "ready"
    ... measure.py summary /tmp/cg/*.1-01  # each dump's main thread: total, exec, shiboken's share

``PYTHONPATH`` picks the checkout whose code starts (an unpacked old commit works with the same venv;
compile its bytecode first, as the bench does). ``enums`` lists every enum class PySide creates until
"ready" with the Python line that caused it (the innermost frames outside enum.py and shiboken's
support code) and the thread CPU it took. ``callgrind`` runs the probe as
docs/profiles/2026-12-04-startup-spread/spread.py does (its instrument, a dump at the "ready" line).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "2026-12-04-startup-spread"))
import spread

from bench import startup

spread.DB = os.environ.get("SPREAD_DB", "sqlite:////tmp/start-enums/bench-large.sqlite")

#: before the probe's text: every enum class created, with where and how long
TRACE = """
import enum as _enum, os as _os, time as _time, traceback as _tb
_created, _depth = [], [0]
_create = _enum.EnumType._create_  # a method of the metaclass: cls is the enum base
_SKIP = ("enum.py", "shibokensupport", "<frozen")
def _where(frame):
    name = "probe" if frame.filename == "<string>" else _os.path.basename(frame.filename)
    return f"{name}:{frame.lineno}:{frame.name}"
def _create_(cls, class_name, names, **kw):
    _depth[0] += 1
    t0 = _time.thread_time()
    try:
        return _create(cls, class_name, names, **kw)
    finally:
        _depth[0] -= 1
        spent = 1000 * (_time.thread_time() - t0)
        frames = [f for f in _tb.extract_stack()[:-1] if not any(s in f.filename for s in _SKIP)]
        where = " <- ".join(_where(f) for f in frames[-3:][::-1])
        _created.append(f"{class_name}\\t{spent:.2f}\\t{_depth[0]}\\t{where}")
_enum.EnumType._create_ = _create_
def _at_ready():
    with open(_os.environ["MEASURE_OUT"], "w") as out:
        out.write("".join(line + "\\n" for line in _created))
"""

#: before the probe's text: cProfile from the first line to "ready"
PROFILE = """
import cProfile as _cp, os as _os
_prof = _cp.Profile()
_prof.enable()
def _at_ready():
    _prof.disable()
    _prof.dump_stats(_os.environ["MEASURE_OUT"])
"""


def _probe_run(prefix: str, out: str) -> tuple[float, float]:
    """The probe with ``prefix`` before it and ``_at_ready()`` at its "ready" line; a first start
    writes the profile and warms the disk cache, the second is the one kept. (wall ms, CPU ms)"""
    ready = "        qt.exit(0)\n"
    text = prefix + startup.PROBE.read_text(encoding="utf-8").replace(ready, "        _at_ready()\n" + ready, 1)
    with tempfile.TemporaryDirectory(prefix="measure-") as scratch:
        env = {**spread.start_env(scratch), "MEASURE_OUT": out}
        argv = [sys.executable, "-c", text, "--db", spread.DB]
        startup._launch(argv, env)
        wall, _rest, cpu, _painted = startup._launch(argv, env)
    return wall, cpu


def enums(out: str) -> None:
    wall, cpu = _probe_run(TRACE, out)
    rows = [line.split("\t") for line in Path(out).read_text().splitlines()]
    spent = sum(float(row[1]) for row in rows if row[2] == "0")
    print(f"{len(rows)} enum classes, {spent:.1f} ms of thread CPU in them (wall {wall:.0f} ms, CPU {cpu:.0f} ms)")


def callgrind(launches: int, outdir: str) -> None:
    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cg-") as scratch:
        env = spread.start_env(scratch)
        startup._launch(*spread.command("base", env))
        for i in range(launches):
            argv, venv = spread.command("base", env)
            venv["SPREAD_CALLGRIND"] = "1"
            out = f"--callgrind-out-file={folder}/base-{i}.%p"
            startup._launch(["valgrind", "--tool=callgrind", "--separate-threads=yes", out, *argv], venv)


#: shiboken's functions whose inclusive counts are printed (enum classes, lazy types, the subclass sweep)
SHIBOKEN = {
    "enums": "Shiboken::Enum::createPythonEnum(",
    "types": "Shiboken::Module::get(",
    "sweep": "Shiboken::BindingManager::findDerivedType(",
}


def summary(files: list[str]) -> None:
    """Per dump (a thread's file, e.g. ``base-0.PID.1-01``, the main thread until "ready"): all its
    instructions, those inside QCoreApplication::exec (the event loop: paints, the load's delivery),
    and shiboken's inclusive counts. A function's recursive entries ('2) are left out."""
    for file in files:
        listing = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", "--threshold=100", file], capture_output=True, text=True
        ).stdout
        counts: dict[str, int] = {}
        for line in listing.splitlines():
            match = re.match(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*)$", line)
            if match and "'2" not in match.group(2):
                counts[match.group(2)] = counts.get(match.group(2), 0) + int(match.group(1).replace(",", ""))
        total = counts.get("PROGRAM TOTALS", 0)
        wanted = {"exec": "QCoreApplication::exec()", **SHIBOKEN}
        parts = {key: sum(v for name, v in counts.items() if function in name) for key, function in wanted.items()}
        print(Path(file).name, f"main {total / 1e6:,.1f} M", " ".join(f"{k} {v / 1e6:,.1f}" for k, v in parts.items()))


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "enums":
        enums(sys.argv[2])
    elif mode == "profile":
        print(_probe_run(PROFILE, sys.argv[2]))
    elif mode == "callgrind":
        callgrind(int(sys.argv[2]), sys.argv[3])
    else:
        summary(sys.argv[2:])
