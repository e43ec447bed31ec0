"""Does the start's argon2id check (its own thread) slow the main thread down? (issue 8)

    cd /tmp && export PYTHONPATH=/work/wt/start-argon
    P=/work/wt/start-argon/docs/profiles/2026-12-04-start-argon/argon.py
    /work/wt/start-argon/.venv/bin/python $P run 30 /tmp/start-argon/a.json base serial free l2 lib4 early bare
    /work/wt/start-argon/.venv/bin/python $P report /tmp/start-argon/a.json [more.json ...]

Each round starts every variant once, in a fresh random order (seeded), with the bench's own
``_launch``, environment and start probe (bench/start_probe.py). The probe's text gets a prelude that
times the password check's thread and, after the "ready" line, prints the main thread's CPU
(``time.thread_time()`` in the probe's ready callback, which runs on the main thread), its context
switches and minor faults, and the threads alive. The variants change the check only, through an
import hook on ``mandant_desktop.services.password_check`` (nothing is imported earlier than in the
program, except in ``early``):

- ``base``: the program as it is (argon2id m=64 MiB, t=3, p=4, its four lanes on one thread).
- ``serial``: the same check, but the main thread waits for it where it starts it (``__main__``):
  nothing runs beside the main thread's start, the check is done before the rest of the start.
- ``free``: no argon2 at all (experiment only: the check says True at once). The lower bound.
- ``l2``: argon2id with m=1 MiB, t=330 on one thread instead: about the same CPU (~120 ms) but all of
  its memory in the core's 2-MiB L2, no page faults, no traffic through the shared L3 or to RAM
  (experiment only: its result is replaced by True). Separates CPU competition from memory traffic.
- ``stream``, ``spin``, ``sleepy`` (experiment only, the check says True): instead of argon2, the
  thread spends ~125 ms of CPU copying two 64-MiB buffers into each other (``ctypes.memmove``: memory
  traffic, little compute), or in ``hashlib.pbkdf2_hmac`` (compute in registers, no memory), or
  sleeps 125 ms (alive, no work). All three let go of the GIL as argon2 does.
- ``otherproc`` (experiment only, the check says True): where the check would start, a separate
  process (``python -S``) spends ~140 ms of CPU in ``hashlib.pbkdf2_hmac``: a busy neighbour that
  shares nothing with the program (no address space, no GIL). ``otherproc0``: the same process
  started, but it exits at once (the cost of starting it, without the busy neighbour).
- ``lib4``: the library's own verification (a thread per lane: four), as before commit 859f413.
- ``late``: the same check, its thread asleep for 100 ms before it reads the hash (argon2 then runs
  while the window's modules are imported and the database opened, not while SQLAlchemy is imported).
- ``early``: the same check started in the probe's first line, before its PySide6 import (as a
  plain ``mandant-desktop`` launch would: there ``__main__`` runs before PySide6 is imported).
- ``proc``: the same check (same hash, parameters, one thread for the four lanes), its digest
  computed by a helper process (``python -I -S``, the binding argon2-cffi uses) and compared here
  with ``hmac.compare_digest``: argon2 in another address space.
- ``bare``: the bench's bare PySide6 + SQLAlchemy program (for the ratio).
"""

from __future__ import annotations

import json
import os
import random
import statistics as st
import sys
import tempfile
import time
from pathlib import Path

from bench import startup
from bench.harness import ADMIN
from mandant_desktop.db.engine import normalize_url

DB = os.environ.get("ARGON_DB", "sqlite:////tmp/start-argon/bench-large.sqlite")

#: the same number of block fills per lane class as 64 MiB x 3 passes would be ~ t=192; t=330 takes the
#: same CPU as the real check once the real one's page faults and cache misses are counted
L2_HASH = "$argon2id$v=19$m=1024,t=330,p=4$CfoMDMN65rhgfX06W+NCBQ$zwAG+58wSjBrmurJ1BxJiRZTbi1vj5OsGCzEBlre290"

PRELUDE = r'''
import os as _ao, sys as _as, time as _at, threading as _ath
_A0 = _at.perf_counter()
_AV = _ao.environ.get("ARGON_VARIANT", "base")
_AINFO = {}

def _apatch(pc):
    from mandant_desktop.services import passwords as _pw
    orig_run, orig_init = pc.PasswordCheck._run, pc.PasswordCheck.__init__
    def _run(self):
        if _AV == "late":
            _at.sleep(0.1)
        _AINFO["argon_start"] = 1000 * (_at.perf_counter() - _A0)
        try:
            orig_run(self)
        finally:
            _AINFO["argon_end"] = 1000 * (_at.perf_counter() - _A0)
            _AINFO["argon_cpu"] = 1000 * _at.thread_time()
            _AINFO["argon_ok"] = self._verified
    pc.PasswordCheck._run = _run
    orig_outcome = pc.PasswordCheck.outcome
    def _outcome(self, *a):
        _AINFO["login_asks"] = 1000 * (_at.perf_counter() - _A0)
        try:
            return orig_outcome(self, *a)
        finally:
            _AINFO["login_gets"] = 1000 * (_at.perf_counter() - _A0)
    pc.PasswordCheck.outcome = _outcome
    if _AV == "serial":
        def _init(self, *a, **k):
            orig_init(self, *a, **k)
            self._thread.join()
        pc.PasswordCheck.__init__ = _init
    elif _AV == "free":
        pc.verify_password_on_one_thread = lambda h, p: True
    elif _AV == "l2":
        pc.verify_password_on_one_thread = lambda h, p: _pw._one_thread_matches(_ao.environ["ARGON_L2"], p) or True
    elif _AV == "lib4":
        pc.verify_password_on_one_thread = _pw.verify_password
    elif _AV in ("stream", "spin", "sleepy"):
        pc.verify_password_on_one_thread = lambda h, p: _abeside(_AV) or True
    elif _AV == "proc":
        pc.verify_password_on_one_thread = _pw._child_matches
    elif _AV in ("otherproc", "otherproc0"):
        import subprocess
        _AINFO["proc"] = subprocess.Popen([_as.executable, "-S", "-c", _AOTHER if _AV == "otherproc" else "pass"])
        pc.verify_password_on_one_thread = lambda h, p: True

#: experiment only: another process, ~125 ms of pbkdf2 (compute in registers)
_AOTHER = "import hashlib, time\nwhile time.thread_time() < 0.14:\n    hashlib.pbkdf2_hmac('sha256', b'x', b'salt', 5000)"

def _abeside(kind, cpu_s=0.125):
    """experiment only: ~the check's CPU spent otherwise, with the GIL released (or asleep)"""
    if kind == "sleepy":
        _at.sleep(cpu_s)
        return
    start = _at.thread_time()
    if kind == "stream":
        import ctypes
        size = 64 << 20
        a, b = ctypes.create_string_buffer(size), ctypes.create_string_buffer(size)
        while _at.thread_time() - start < cpu_s:
            ctypes.memmove(a, b, size)  # a ctypes call: lets go of the GIL
    else:
        import hashlib
        while _at.thread_time() - start < cpu_s:
            hashlib.pbkdf2_hmac("sha256", b"x", b"salt", 5000)  # lets go of the GIL

class _AFinder:
    def find_spec(self, name, path=None, target=None):
        if name != "mandant_desktop.services.password_check":
            return None
        _as.meta_path.remove(self)
        import importlib.util
        spec = importlib.util.find_spec(name)
        exec_module = spec.loader.exec_module
        def _exec(module):
            exec_module(module)
            _apatch(module)
        spec.loader.exec_module = _exec
        return spec
_as.meta_path.insert(0, _AFinder())

if _ao.environ.get("ARGON_CALLGRIND"):
    import gc as _agc
    _agc.disable()  # as main() does before it imports the launcher
    import mandant_desktop.ui.launcher as _alauncher  # valgrind is ~100x slower: no settle limit before "ready"
    _alauncher._StartPageSettled.__init__.__kwdefaults__["limit_ms"] = 10 ** 7

if _AV == "early":
    import mandant_desktop.__main__ as _am
    _aargs = _am.build_parser().parse_args(_as.argv[1:])
    _acheck = _am._start_password_check(_aargs)
    _am._start_password_check = lambda args: _acheck

def _areport():
    ready = 1000 * (_at.perf_counter() - _A0)
    main_cpu = 1000 * _at.thread_time()
    status = dict(l.split(":", 1) for l in open("/proc/thread-self/status").read().splitlines())
    stat = open("/proc/thread-self/stat").read().rsplit(")", 1)[1].split()
    pstat = open("/proc/self/stat").read().rsplit(")", 1)[1].split()
    _AINFO.pop("proc", None)
    import resource
    _children = resource.getrusage(resource.RUSAGE_CHILDREN)
    info = dict(_AINFO, ready=round(ready, 1), main_cpu=round(main_cpu, 1),
                main_vol=int(status["voluntary_ctxt_switches"]), main_inv=int(status["nonvoluntary_ctxt_switches"]),
                main_minflt=int(stat[7]), proc_minflt=int(pstat[7]), threads=len(_ao.listdir("/proc/self/task")),
                children_cpu=round(1000 * (_children.ru_utime + _children.ru_stime), 1))
    print("argon " + repr(info), flush=True)
    if _ao.environ.get("ARGON_CALLGRIND"):
        import subprocess
        subprocess.run(["callgrind_control", "-d", "ready", str(_ao.getpid())], stdout=subprocess.DEVNULL)
'''


def probe_text() -> str:
    text = startup.PROBE.read_text(encoding="utf-8")
    modules = '        print("modules " + ",".join(sorted(sys.modules)), flush=True)\n'
    assert modules in text
    return PRELUDE + text.replace(modules, "        _areport()\n" + modules, 1)


def start_env(scratch: str) -> dict[str, str]:
    """As bench.startup.run sets it (plus the l2 variant's hash)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MANDANT_USER=ADMIN[0], MANDANT_PASSWORD=ADMIN[1])
    env.update({f"XDG_{kind.upper()}_HOME": str(Path(scratch) / kind) for kind in ("data", "config")})
    return {**env, "ARGON_L2": L2_HASH}


#: variants that are the program as it is, from a copy of its package (``python -m compileall``ed):
#: ``old`` = main before this branch, ``new`` = this branch (the check's digest from a helper process)
COPIES = {"old": "/tmp/start-argon/old", "new": "/tmp/start-argon/new"}


def _other_realtime() -> list[str]:
    """Other sessions' programs running under a real-time policy (``chrt``), not ours, not the kernel's."""
    import subprocess

    mine = {os.getpid()}
    found = []
    listing = subprocess.run(["ps", "-eo", "pid,ppid,cls,args"], capture_output=True, text=True).stdout
    for line in listing.splitlines()[1:]:
        pid, ppid, cls, args = line.split(None, 3)
        if cls in ("RR", "FF") and not args.startswith("[") and int(pid) not in mine and int(ppid) not in mine:
            if "ps -eo" not in args:
                found.append(args[:80])
    return found


def run(rounds: int, out: str, variants: list[str], seed: int = 8) -> None:
    rng = random.Random(seed)
    text = probe_text()
    bare = [sys.executable, "-c", startup._BARE, normalize_url(DB).render_as_string(hide_password=False)]
    records: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="start-argon-") as scratch:
        env = start_env(scratch)
        startup._launch([sys.executable, "-c", text, "--db", DB], env)  # profile written, disk cache warm
        for number in range(rounds):
            if os.environ.get("ARGON_WAIT_RT"):  # under chrt: no round while another session's chrt runs
                waited = 0
                while _other_realtime() and waited < 600:
                    time.sleep(2)
                    waited += 2
                if waited:
                    print(f"waited {waited} s for another real-time program", flush=True)
            order = variants[:]
            rng.shuffle(order)
            for position, variant in enumerate(order):
                argv = bare if variant == "bare" else [sys.executable, "-c", text, "--db", DB]
                load = os.getloadavg()[0]
                venv = {**env, "ARGON_VARIANT": variant}
                if variant in COPIES:  # a copy of the package (old or new code), else the checkout's
                    venv.update(ARGON_VARIANT="base", PYTHONPATH=COPIES[variant])
                wall, output, cpu, painted = startup._launch(argv, venv)
                record: dict[str, object] = dict(
                    round=number, position=position, variant=variant, wall=round(wall, 1), cpu=cpu, load=load
                )
                record["probe_children"] = "RUSAGE_CHILDREN" in text  # the probe's CPU counts the helper
                for line in output.splitlines():
                    if line.startswith("argon "):
                        record.update(eval(line[6:]))
                records.append(record)
                print(
                    number,
                    variant,
                    round(wall),
                    cpu,
                    record.get("main_cpu"),
                    record.get("argon_cpu"),
                    record.get("argon_end"),
                    f"load {load:.1f}",
                    flush=True,
                )
            Path(out).write_text(json.dumps(records, indent=0))


def callgrind(launches: int, outdir: str, variants: list[str]) -> None:
    """Each thread's instructions until "ready" (``callgrind_control -d`` at the ready line), per variant."""
    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    text = probe_text()
    bare = [sys.executable, "-c", startup._BARE, normalize_url(DB).render_as_string(hide_password=False)]
    with tempfile.TemporaryDirectory(prefix="start-argon-cg-") as scratch:
        env = start_env(scratch)
        startup._launch([sys.executable, "-c", text, "--db", DB], env)
        for i in range(launches):
            for variant in variants:
                argv = bare if variant == "bare" else [sys.executable, "-c", text, "--db", DB]
                venv = {**env, "ARGON_VARIANT": variant, "ARGON_CALLGRIND": "" if variant == "bare" else "1"}
                out = f"--callgrind-out-file={folder}/{variant}-{i}.%p"
                startup._launch(["valgrind", "--tool=callgrind", "--separate-threads=yes", out, *argv], venv)
    cg_report(outdir)


def cg_report(outdir: str) -> None:
    """Instructions per file (the ``.N-ready`` dumps and the ``-01``.. thread files)."""
    for file in sorted(Path(outdir).iterdir()):
        lines = file.read_text(errors="replace").splitlines()
        total = next((line for line in lines if line.startswith(("summary:", "totals:"))), "")
        thread = next((line for line in lines if line.startswith("thread:")), "")
        if total:
            print(file.name, thread, f"{int(total.split()[1]):,}")


def _boot_median(deltas: list[float], rng: random.Random, draws: int = 4000) -> tuple[float, float]:
    meds = sorted(st.median(rng.choices(deltas, k=len(deltas))) for _ in range(draws))
    return meds[int(0.05 * draws)], meds[int(0.95 * draws)]


def report(paths: list[str]) -> None:
    records: list[dict] = []
    for offset, path in enumerate(paths):
        for r in json.loads(Path(path).read_text()):
            records.append({**r, "round": (offset, r["round"])})
    variants = list(dict.fromkeys(r["variant"] for r in records))
    by = {(r["round"], r["variant"]): r for r in records}
    rounds = sorted({r["round"] for r in records})
    loads = [r["load"] for r in records]
    print(f"{len(rounds)} rounds, load {min(loads):.1f}-{max(loads):.1f} (median {st.median(loads):.1f})")
    fields = (
        "wall",
        "cpu",
        "children_cpu",
        "main_cpu",
        "argon_cpu",
        "argon_start",
        "argon_end",
        "login_asks",
        "login_gets",
        "ready",
        "main_inv",
        "main_vol",
        "main_minflt",
        "threads",
    )
    print("| variant | n | " + " | ".join(fields) + " |")
    print("|---" * (len(fields) + 2) + "|")
    for v in variants:
        rows = [r for r in records if r["variant"] == v]
        cells = []
        for f in fields:
            values = [r[f] for r in rows if r.get(f) is not None]
            cells.append(f"{st.median(values):.0f} [{min(values):.0f}-{max(values):.0f}]" if values else "-")
        print(f"| {v} | {len(rows)} | " + " | ".join(cells) + " |")
    rng = random.Random(1)
    print()
    ref = "base" if "base" in variants else "old"
    for r in records:  # process CPU with the helper process's (the probe's figure counts it since start-argon)
        r["cpu_all"] = r["cpu"] + (0 if r.get("probe_children") else r.get("children_cpu") or 0)
    print(f"paired against {ref} (variant - {ref}, same round): median [90 % bootstrap]")
    print("| variant | wall | process CPU | process + helper CPU | main-thread CPU |")
    print("|---|---|---|---|---|")
    for v in variants:
        if v in (ref, "bare"):
            continue
        cells = []
        for f in ("wall", "cpu", "cpu_all", "main_cpu"):
            deltas = [
                by[(n, v)][f] - by[(n, ref)][f]
                for n in rounds
                if (n, v) in by and (n, ref) in by and by[(n, v)].get(f) is not None
            ]
            if not deltas:
                cells.append("-")
                continue
            lo, hi = _boot_median(deltas, rng)
            cells.append(f"{st.median(deltas):+.1f} [{lo:+.1f}, {hi:+.1f}] (n={len(deltas)})")
        print(f"| {v} | " + " | ".join(cells) + " |")
    if "bare" in variants:
        print()
        for v in variants:
            if v == "bare":
                continue
            ratios = [
                by[(n, v)]["wall"] / by[(n, "bare")]["wall"] for n in rounds if (n, v) in by and (n, "bare") in by
            ]
            walls = [by[(n, v)]["wall"] for n in rounds if (n, v) in by]
            bares = [by[(n, "bare")]["wall"] for n in rounds if (n, "bare") in by]
            print(
                f"{v}: median wall / median bare = {st.median(walls) / st.median(bares):.3f}; "
                f"median of per-round ratios {st.median(ratios):.3f}"
            )


if __name__ == "__main__":
    if sys.argv[1] == "run":
        run(int(sys.argv[2]), sys.argv[3], sys.argv[4:])
    elif sys.argv[1] == "callgrind":
        callgrind(int(sys.argv[2]), sys.argv[3], sys.argv[4:])
    elif sys.argv[1] == "cg-report":
        cg_report(sys.argv[2])
    elif sys.argv[1] == "report":
        report(sys.argv[2:])
