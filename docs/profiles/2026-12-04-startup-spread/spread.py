"""The launch-to-launch spread of the start's CPU (issue 8): starts through bench.startup's own
``_launch`` and start probe, variants in turns, and what varies from start to start.

Run from a neutral folder with the worktree's venv, on copies of the bench databases::

    cd /tmp && PYTHONPATH=/work/wt/startup-spread /work/wt/startup-spread/.venv/bin/python \\
        /work/wt/startup-spread/docs/profiles/2026-12-04-startup-spread/spread.py run 12 out.json base bare calib
    ... spread.py report out.json
    ... spread.py callgrind 3 /tmp/cg        # instructions per thread until "ready", under valgrind

Variants (see VARIANTS): ``base`` is the probe of the bench with a dump of every thread's CPU and
context switches at "ready" (after the "ready" line, so the figure is the bench's), ``bare`` the
bench's bare program, ``calib``/``calibm`` a fixed amount of pure interpreter / memory-bound work
(the machine's own spread), the others ``base`` with one process-level setting changed.
"""

from __future__ import annotations

import json
import math
import os
import random
import resource
import statistics as st
import sys
import tempfile
from pathlib import Path

from bench import startup
from bench.harness import ADMIN
from mandant_desktop.db.engine import normalize_url

DB = os.environ.get("SPREAD_DB", "sqlite:////tmp/startup-spread/bench-large.sqlite")

#: put into the probe's text after its imports: each Python thread's CPU and context switches when it
#: ends, the cyclic collector's time; under callgrind the 3-s limit of the launcher's settle is lifted
#: (valgrind is ~100x slower: the ORM warm-up would start before "ready")
INSTRUMENT = """
import os as _os, threading as _th, gc as _gc
exec(_os.environ.get("SPREAD_PRE", "").replace("|", "\\n"))
_done, _gct = [], [0.0, 0]
_orig_run = _th.Thread.run
def _switches(path):
    st = dict(line.split(":", 1) for line in open(path).read().splitlines())
    return f"/v{st['voluntary_ctxt_switches'].strip()}/i{st['nonvoluntary_ctxt_switches'].strip()}"
def _run(self):
    try:
        _orig_run(self)
    finally:
        ended = _switches("/proc/thread-self/status")
        _done.append(f"{self.name.split('_')[0]}:{1000 * time.thread_time():.0f}{ended}")
_th.Thread.run = _run
def _gccb(phase, info, _t=[0.0]):
    if phase == "start":
        _t[0] = time.perf_counter()
    else:
        _gct[0] += time.perf_counter() - _t[0]
        _gct[1] += 1
_gc.callbacks.append(_gccb)
if _os.environ.get("SPREAD_CALLGRIND"):
    _gc.disable()  # as main() does before it imports the launcher
    import mandant_desktop.ui.launcher as _launcher
    _launcher._StartPageSettled.__init__.__kwdefaults__["limit_ms"] = 10 ** 7
def _dump_threads():
    parts = []
    for tid in sorted(_os.listdir("/proc/self/task"), key=int):
        try:
            stat = open(f"/proc/self/task/{tid}/stat").read()
            switches = _switches(f"/proc/self/task/{tid}/status")
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")].replace(" ", "_")
        fields = stat[stat.rindex(")") + 2 :].split()
        parts.append(f"{name}:{1000 * (int(fields[11]) + int(fields[12])) / _os.sysconf('SC_CLK_TCK'):.0f}{switches}")
    fields = open("/proc/self/stat").read().split(")")[-1].split()
    print("threads " + " ".join(parts) + " | done " + " ".join(_done), flush=True)
    print(f"proc minflt={fields[7]} majflt={fields[9]} main{_switches('/proc/self/status')} "
          f"gc={[s['collections'] for s in _gc.get_stats()]} gcms={1000 * _gct[0]:.1f}/{_gct[1]}", flush=True)
    if _os.environ.get("SPREAD_CALLGRIND"):
        import subprocess
        subprocess.run(["callgrind_control", "-d", "ready", str(_os.getpid())], stdout=subprocess.DEVNULL)
"""

CALIB = (
    "import time\nx = 0\nfor i in range(6_000_000):\n    x = (x * 31 + i) % 1_000_003\n"
    "print(f'ready {1000 * time.process_time():.0f} calib', flush=True)"
)
CALIBM = (
    "import time\nb = bytearray(64 << 20)\nm = memoryview(b).cast('Q')\n"
    "for _ in range(3):\n    b[:] = bytes(64 << 20)\n    s = sum(m[::512])\n"
    "print(f'ready {1000 * time.process_time():.0f} calibm', flush=True)"
)

#: name: (program, extra environment)
VARIANTS: dict[str, tuple[str, dict[str, str]]] = {
    "base": ("probe", {}),
    "bare": ("bare", {}),
    "calib": ("calib", {}),
    "calibm": ("calibm", {}),
    "cold": ("probe", {}),  # the database file dropped from the page cache before each start
    "pin": ("probe", {"SPREAD_PRE": "import os|os.sched_setaffinity(0, {0})"}),  # every thread on one core
    "swi": ("probe", {"SPREAD_PRE": "import sys|sys.setswitchinterval(0.02)"}),  # GIL handed over 4x less often
    "arena": ("probe", {"MALLOC_ARENA_MAX": "2"}),
    "thp": ("probe", {"GLIBC_TUNABLES": "glibc.malloc.hugetlb=1"}),  # huge pages for malloc's mmap (argon2's 64 MiB)
}


def probe_text() -> str:
    text = startup.PROBE.read_text(encoding="utf-8")
    anchor, ready = "original_exec = QApplication.exec\n", "        qt.exit(0)\n"
    assert anchor in text and ready in text
    text = text.replace(anchor, anchor + INSTRUMENT, 1)
    return text.replace(ready, "        _dump_threads()\n" + ready, 1)


def command(variant: str, env: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    program, extra = VARIANTS[variant]
    env = {**env, **extra}
    if program == "bare":
        return [sys.executable, "-c", startup._BARE, normalize_url(DB).render_as_string(hide_password=False)], env
    if program in ("calib", "calibm"):
        return [sys.executable, "-c", CALIB if program == "calib" else CALIBM], env
    return [sys.executable, "-c", probe_text(), "--db", DB], env


def start_env(scratch: str) -> dict[str, str]:
    """As bench.startup.run sets it."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(Path(scratch) / "data"),
        "XDG_CONFIG_HOME": str(Path(scratch) / "config"),
        "MANDANT_USER": ADMIN[0],
        "MANDANT_PASSWORD": ADMIN[1],
    }


def drop_from_page_cache() -> None:
    path = Path(normalize_url(DB).database or "")
    for file in path.parent.glob(path.name + "*"):
        fd = os.open(file, os.O_RDONLY)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        os.close(fd)


def run(rounds: int, out: str, variants: list[str]) -> None:
    results: dict[str, list[dict[str, object]]] = {v: [] for v in variants}
    with tempfile.TemporaryDirectory(prefix="spread-") as scratch:
        env = start_env(scratch)
        startup._launch(*command("base", env))  # the profile written, the disk cache warm (as the bench does)
        for _ in range(rounds):
            for variant in variants:
                if variant == "cold":
                    drop_from_page_cache()
                argv, venv = command(variant, env)
                before, load = resource.getrusage(resource.RUSAGE_CHILDREN), os.getloadavg()[0]
                wall, output, cpu, _painted = startup._launch(argv, venv)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                record: dict[str, object] = {
                    "wall": round(wall, 1),
                    "cpu": cpu,
                    "load": load,
                    "exit_user": round(1000 * (after.ru_utime - before.ru_utime)),
                    "exit_sys": round(1000 * (after.ru_stime - before.ru_stime)),
                    "minflt": after.ru_minflt - before.ru_minflt,
                }
                for line in output.splitlines():
                    if line.startswith(("threads ", "proc ")):
                        record[line.split()[0]] = line.split(" ", 1)[1]
                results[variant].append(record)
                print(variant, wall.__round__(), cpu, record.get("threads", ""), record.get("proc", ""), flush=True)
    Path(out).write_text(json.dumps(results, indent=1))


def callgrind(launches: int, outdir: str) -> None:
    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="spread-cg-") as scratch:
        env = start_env(scratch)
        startup._launch(*command("base", env))
        for i in range(launches):
            for variant in ("base", "bare"):
                argv, venv = command(variant, env)
                venv["SPREAD_CALLGRIND"] = "1" if variant == "base" else ""
                out = f"--callgrind-out-file={folder}/{variant}-{i}.%p"
                startup._launch(["valgrind", "--tool=callgrind", "--separate-threads=yes", out, *argv], venv)
        for file in sorted(folder.iterdir()):
            total = next((line for line in file.read_text().splitlines() if line.startswith("summary:")), "")
            if total:
                print(file.name, f"{int(total.split()[1]):,}")


def _cv(xs: list[float]) -> float:
    return 100 * st.pstdev(xs) / st.mean(xs)


def _corr(a: list[float], b: list[float]) -> float:
    ma, mb = st.mean(a), st.mean(b)
    num = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    return num / math.sqrt(sum((x - ma) ** 2 for x in a) * sum((y - mb) ** 2 for y in b))


def _span(xs: list[float]) -> str:
    return f"{st.median(xs):.0f} [{min(xs):.0f}-{max(xs):.0f}]"


def report(files: list[str]) -> None:
    for file in files:
        data = json.loads(Path(file).read_text())
        print(file)
        cpu = {v: [float(r["cpu"]) for r in rs] for v, rs in data.items()}
        for variant, records in data.items():
            wall = [float(r["wall"]) for r in records]
            load = st.median(float(r["load"]) for r in records)
            print(
                f"  {variant:7} n={len(records)} wall {_span(wall)} cv {_cv(wall):4.1f}% | CPU {_span(cpu[variant])} "
                f"cv {_cv(cpu[variant]):4.1f}% max/min {max(cpu[variant]) / min(cpu[variant]):.2f} | load {load:.1f}"
            )
            if "threads" in records[0]:
                _threads(records)
        if "calib" in cpu:
            for variant in cpu:
                if variant != "calib":
                    together = _corr(cpu[variant], cpu["calib"])
                    print(f"  {variant:7} CPU against calib's in the same round: correlation {together:+.2f}")
        if "base" in cpu and "bare" in cpu:
            _bootstrap(data["base"], data["bare"])


def _threads(records: list[dict[str, object]]) -> None:
    columns: dict[str, list[float]] = {"main": [], "password-check": [], "login": [], "rest": []}
    for record in records:
        live, done = str(record["threads"]).split(" | done ")
        main = float(live.split()[0].split(":")[1].split("/")[0])
        ended = {part.split(":")[0]: float(part.split(":")[1].split("/")[0]) for part in done.split()}
        columns["main"].append(main)
        columns["password-check"].append(ended.get("password-check", 0))
        columns["login"].append(ended.get("login", 0))
        columns["rest"].append(
            float(str(record["cpu"])) - main - ended.get("password-check", 0) - ended.get("login", 0)
        )
    print("          threads' CPU: " + ", ".join(f"{k} {_span(v)}" for k, v in columns.items()))


def _bootstrap(base: list[dict[str, object]], bare: list[dict[str, object]]) -> None:
    """How far the bench's figure (median of 5 starts over median of 5 bare starts) moves between bench
    runs if each round is drawn from these: paired rounds, 4,000 draws."""
    rng = random.Random(1)
    for key in ("cpu", "wall"):
        ratios = []
        for _ in range(4000):
            pick = [rng.randrange(len(base)) for _ in range(5)]
            ours = st.median(float(str(base[i][key])) for i in pick)
            ratios.append(ours / st.median(float(str(bare[i][key])) for i in pick))
        ratios.sort()
        within = f"{ratios[200]:.2f}-{ratios[3800]:.2f}"
        print(f"  bench figure from 5 rounds ({key}): median {st.median(ratios):.2f}, 90 % within {within}")


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "run":
        run(int(sys.argv[2]), sys.argv[3], sys.argv[4:])
    elif mode == "callgrind":
        callgrind(int(sys.argv[2]), sys.argv[3])
    else:
        report(sys.argv[2:])
