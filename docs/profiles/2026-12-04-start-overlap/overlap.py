"""Tools behind README.md (issue 8, start-overlap): where the start's threads hold the GIL.

Run from /tmp with the worktree's venv. Variants are copies of the package and bench/ under
OVERLAP_VARIANTS (default /tmp/start-overlap/v/NAME, each compiled with compileall), run through
PYTHONPATH; ``bare`` is the bench's bare program. The database is a copy (OVERLAP_DB).

  overlap.py calls                          which PySide6 calls of the start release the GIL
  overlap.py timeline VARIANT N             marks per thread (wall, thread CPU, process CPU)
  overlap.py ab ROUNDS OUT.json V1,V2,...   starts in turns (order reversed every other round)
  overlap.py perf VARIANT PREFIX            one start under perf with uprobes on take_gil/drop_gil
  overlap.py perf-report PREFIX             the main thread's state and its GIL-free sections per phase

``perf`` needs the probes first (they are removed with ``perf probe -d 'probe_libpython3:*'``):
  L=$(python -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR"))')/libpython3.11.so.1.0
  perf probe -x $L --add take_gil; perf probe -x $L --add 'take_gil%return'; perf probe -x $L --add drop_gil
"""

from __future__ import annotations

import collections
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

VARIANTS = Path(os.environ.get("OVERLAP_VARIANTS", "/tmp/start-overlap/v"))
DB = os.environ.get("OVERLAP_DB", "sqlite:////tmp/start-overlap/bench-large.sqlite")
PYTHON = sys.executable

#: put before bench/start_probe.py's text: marks at the start's steps, written to $TL_OUT at exit
PREAMBLE = r"""
import atexit as _at, json as _js, os as _os, sys as _sys, threading as _th, time as _ti
import importlib.abc as _iabc, importlib.machinery as _imach
import builtins as _b
_MARKS = []
def _mark(name):
    _MARKS.append((name, f"{_th.current_thread().name}/{_th.get_native_id()}", _ti.perf_counter(),
                   _ti.thread_time(), _ti.process_time()))
_mark("probe-start")
def _wrap(obj, attr, label, before=False):
    f = getattr(obj, attr)
    def w(*a, **k):
        if before:
            _mark(label + ">")
        try:
            return f(*a, **k)
        finally:
            _mark(label)
    setattr(obj, attr, w)
def _post(name, mod):
    if name == "sqlalchemy":
        _mark("sqlalchemy-imported")
    elif name == "mandant_desktop.__main__":
        _mark("__main__-imported")
    elif name == "mandant_desktop.ui.launcher":
        _mark("launcher-imported")
        _wrap(mod, "start_gui", "start_gui", before=True)
        _wrap(mod, "_open_initial", "open_initial")
        _wrap(mod, "_import_window_modules", "window-modules", before=True)
        _wrap(mod, "_discard_start_load", "window-built")
        _wrap(mod, "_StartPageSettled", "show")
        _wrap(mod, "_automatic_operator", "automatic_operator")
    elif name == "mandant_desktop.services.auth":
        _wrap(mod.AuthService, "login", "login", before=True)
    elif name == "mandant_desktop.ui.tenants.page_load":
        _wrap(mod, "load_page", "load_page", before=True)
    elif name == "mandant_desktop.services.password_check":
        _wrap(mod.PasswordCheck, "_run", "argon2", before=True)
    elif name == "mandant_desktop.ui.tenants.page":
        _wrap(mod.TenantsPage, "_loaded", "page-loaded", before=True)
    elif name == "mandant_desktop.ui.main_window":
        _wrap(mod.MainWindow, "__init__", "mainwindow", before=True)
    elif name == "mandant_desktop.ui.app":
        _wrap(mod, "create_application", "qapplication", before=True)
class _Finder(_iabc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if not (name == "sqlalchemy" or name.startswith("mandant_desktop")):
            return None
        spec = _imach.PathFinder.find_spec(name, path, target)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module
        def exec_module(module, _run=run, _name=name):
            _run(module)
            _post(_name, module)
        spec.loader.exec_module = exec_module
        return spec
_sys.meta_path.insert(0, _Finder())
def _dump():
    if _os.environ.get("TL_OUT"):
        with open(_os.environ["TL_OUT"], "w") as fh:
            _js.dump({"marks": _MARKS}, fh)
_at.register(_dump)
_b._tl_mark = _mark
"""


def _env(scratch: str, variant: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": f"{scratch}/data",
        "XDG_CONFIG_HOME": f"{scratch}/config",
        "MANDANT_USER": "admin",
        "MANDANT_PASSWORD": "mandant-demo",
        "TL_OUT": f"{scratch}/tl.json",
    }
    if variant:
        env["PYTHONPATH"] = str(VARIANTS / variant)
    return env


def _marked_probe(variant: str) -> str:
    probe = (VARIANTS / variant / "bench" / "start_probe.py").read_text(encoding="utf-8")
    probe = probe.replace('print(f"painted', '_tl_mark("painted"); print(f"painted')
    probe = probe.replace('print(f"ready', '_tl_mark("ready"); print(f"ready')
    return PREAMBLE + "\n" + probe


def timeline(variant: str, runs: int) -> None:
    code = _marked_probe(variant)
    with tempfile.TemporaryDirectory(prefix="overlap-") as scratch:
        env = _env(scratch, variant)
        for run in range(runs + 1):
            start = time.perf_counter()
            subprocess.run([PYTHON, "-c", code, "--db", DB], env=env, check=True, capture_output=True)
            if run == 0:
                continue  # the first start writes the profile
            marks = json.loads(Path(f"{scratch}/tl.json").read_text())["marks"]
            print("-----")
            for name, thread, wall, thread_cpu, process_cpu in marks:
                print(
                    f"{1000 * (wall - start):8.1f} {thread[:18]:18s} thread CPU {1000 * thread_cpu:7.1f}"
                    f"  process CPU {1000 * process_cpu:7.1f}  {name}"
                )


def ab(rounds: int, out: str, names: list[str]) -> None:
    sys.path.insert(0, str(VARIANTS / next(n for n in names if n != "bare")))
    from bench.startup import _BARE, _launch

    result: dict[str, dict[str, list[float]]] = {n: {"wall": [], "cpu": [], "paint": []} for n in names}
    loads = []
    with tempfile.TemporaryDirectory(prefix="overlap-") as scratch:

        def command(name: str) -> tuple[list[str], dict[str, str]]:
            if name == "bare":
                return [PYTHON, "-c", _BARE, DB], _env(scratch, None)
            probe = (VARIANTS / name / "bench" / "start_probe.py").read_text(encoding="utf-8")
            return [PYTHON, "-c", probe, "--db", DB], _env(scratch, name)

        for name in names:
            _launch(*command(name))
        for r in range(rounds):
            for name in names if r % 2 == 0 else names[::-1]:
                wall, _output, cpu, painted = _launch(*command(name))
                result[name]["wall"].append(wall)
                result[name]["cpu"].append(cpu)
                result[name]["paint"].append(painted or wall)
            loads.append(os.getloadavg()[0])
    Path(out).write_text(json.dumps({"res": result, "loads": loads}))
    report(out)


def report(path: str) -> None:
    data = json.loads(Path(path).read_text())
    result, loads = data["res"], data["loads"]
    names = list(result)
    bare = statistics.median(result["bare"]["wall"]) if "bare" in result else None
    print(f"{len(loads)} rounds, load {min(loads):.2f}-{max(loads):.2f}")
    for name in names:
        walls, cpus = sorted(result[name]["wall"]), sorted(result[name]["cpu"])
        n = len(walls)
        ratio = f"  ratio {statistics.median(walls) / bare:.3f}" if bare and name != "bare" else ""
        print(
            f"{name:13s} wall {statistics.median(walls):6.1f} (IQR {walls[n // 4]:.0f}-{walls[3 * n // 4]:.0f})"
            f"  CPU {statistics.median(cpus):6.1f}  first paint {statistics.median(result[name]['paint']):6.1f}{ratio}"
        )
    first = names[0]
    for name in names[1:]:
        if name == "bare":
            continue
        diff = [b - a for a, b in zip(result[first]["wall"], result[name]["wall"], strict=True)]
        cpu = [b - a for a, b in zip(result[first]["cpu"], result[name]["cpu"], strict=True)]
        print(
            f"  {name} - {first} (paired by round): wall median {statistics.median(diff):+.1f} ms,"
            f" CPU median {statistics.median(cpu):+.1f} ms"
        )


def calls() -> None:
    """A Python thread counts while the main thread makes each call: it counts only when the call
    lets go of the GIL, and it gives the GIL back after each count."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
    from PySide6.QtGui import (
        QFont,
        QFontDatabase,
        QFontMetrics,
        QImage,
        QImageReader,
        QPixmap,
        QStandardItem,
        QStandardItemModel,
    )
    from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QStyleFactory, QTreeView, QVBoxLayout, QWidget

    # No forced hand-over of the GIL (every 5 ms by default): the counter runs only when a call releases it.
    sys.setswitchinterval(100.0)
    count = [0]

    def spin() -> None:
        while True:
            count[0] += 1
            time.sleep(0)  # lets go of the GIL at once: the main thread never waits for the counter

    threading.Thread(target=spin, daemon=True).start()
    time.sleep(0.02)
    rows = []

    def measure(name, fn, reps=1):  # type: ignore[no-untyped-def]
        c0, w0, p0 = count[0], time.perf_counter(), time.thread_time()
        for _ in range(reps):
            value = fn()
        wall = 1000 * (time.perf_counter() - w0)
        rows.append((name, 1000 * (time.thread_time() - p0) / reps, (count[0] - c0) / max(wall, 1e-6)))
        return value

    measure("busy Python loop (reference)", lambda: sum(range(200000)))
    measure("time.sleep(20 ms) (reference)", lambda: time.sleep(0.02))
    app = measure("QApplication([...])", lambda: QApplication([sys.argv[0]]))
    measure("QFontDatabase.families() first", QFontDatabase.families)
    measure("QFontMetrics.horizontalAdvance", lambda: QFontMetrics(QFont()).horizontalAdvance("Mandanten"), 50)
    measure("QStyleFactory.create('Fusion')", lambda: QStyleFactory.create("Fusion"))
    with tempfile.TemporaryDirectory() as folder:
        image = QImage(64, 64, QImage.Format.Format_ARGB32)
        image.fill(0xFF336699)
        paths = [f"{folder}/{i}.png" for i in range(20)]
        for path in paths:
            image.save(path)
        measure("QImage(path) x20 (PNG 64 px)", lambda: [QImage(p) for p in paths])
        measure("QImageReader(path).read() x20", lambda: [QImageReader(p).read() for p in paths])
        measure("QImage().load(path) x20", lambda: [QImage().load(p) for p in paths])
        images = [QImage(p) for p in paths]
        measure("QPixmap.fromImage x20", lambda: [QPixmap.fromImage(i) for i in images])
        settings = QSettings(f"{folder}/s.ini", QSettings.Format.IniFormat)
        measure("QSettings.value x50", lambda: [settings.value(f"k{i}") for i in range(50)])
        where = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        measure("QTranslator.load", lambda: QTranslator().load(QLocale("de"), "qtbase", "_", where))
    window, central = QMainWindow(), QWidget()
    layout = QVBoxLayout(central)
    for i in range(30):
        layout.addWidget(QPushButton(f"Knopf {i}"))
    view, model = QTreeView(), QStandardItemModel()
    for i in range(300):
        model.appendRow([QStandardItem(f"Mandant {i}"), QStandardItem("x")])
    view.setModel(model)
    layout.addWidget(view)
    window.setCentralWidget(central)
    window.resize(1400, 900)
    measure("QWidget.setStyleSheet", lambda: window.setStyleSheet("QPushButton { padding: 3px; }"))
    measure("QTreeView.expandAll()", view.expandAll)
    measure("QMainWindow.show()", window.show)
    measure("processEvents() (the first paint)", app.processEvents)
    measure("QWidget.grab() (a paint)", window.grab)
    print(f"{'call':38s} {'CPU ms':>7s} {'counts/ms':>9s}  GIL")
    free = rows[1][2]  # the counter's rate while the main thread sleeps: the GIL is free all the time
    for name, cpu, rate in rows:
        share = rate / free
        print(
            f"{name:38s} {cpu:7.2f} {rate:9.0f}  {'released' if share > 0.5 else 'partly' if share > 0.1 else 'held'}"
        )


def perf(variant: str, prefix: str) -> None:
    code = _marked_probe(variant)
    events = "probe_libpython3:take_gil,probe_libpython3:take_gil__return,probe_libpython3:drop_gil,sched:sched_switch"
    with tempfile.TemporaryDirectory(prefix="overlap-") as scratch:
        env = _env(scratch, variant)
        subprocess.run([PYTHON, "-c", code, "--db", DB], env=env, check=True, capture_output=True)
        record = ["perf", "record", "-a", "-q", "-k", "CLOCK_MONOTONIC", "-e", events, "-o", f"{prefix}.data"]
        subprocess.run([*record, "--", PYTHON, "-c", code, "--db", DB], env=env, check=True, capture_output=True)
        Path(f"{prefix}.marks.json").write_text(Path(f"{scratch}/tl.json").read_text())
    script = ["perf", "script", "-i", f"{prefix}.data", "-F", "pid,tid,time,event,trace"]
    Path(f"{prefix}.script").write_text(subprocess.run(script, capture_output=True, text=True, check=True).stdout)


def perf_report(prefix: str) -> None:
    marks = json.loads(Path(f"{prefix}.marks.json").read_text())["marks"]
    names = {int(m[1].rsplit("/", 1)[1]): m[1].rsplit("/", 1)[0].split("_")[0] for m in marks}
    main = next(int(m[1].rsplit("/", 1)[1]) for m in marks if m[1].startswith("MainThread"))
    line = re.compile(r"^\s*(\d+)/(\d+)\s+([\d.]+):\s+(\S+):\s*(.*)$")
    switch = re.compile(r"prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=.* next_pid=(\d+)")
    events = []
    for text in Path(f"{prefix}.script").read_text().splitlines():
        m = line.match(text)
        if m and (int(m[1]) == main or "sched_switch" in m[4]):
            events.append((float(m[3]) * 1000, int(m[2]), m[4].split(":")[-1], m[5]))
    events.sort()
    origin = marks[0][2] * 1000
    points = sorted((m[2] * 1000, m[0]) for m in marks)
    phases = [(a, b, f"{n0} -> {n1}") for (a, n0), (b, n1) in itertools.pairwise(points) if b - a >= 1.5]
    totals = [collections.Counter() for _ in phases]
    holder, waiting, on_cpu = None, set(), collections.defaultdict(lambda: True)
    dropped, sections = None, []  # the main thread's GIL-free sections (drop_gil .. take_gil)

    def state() -> str:
        if holder == main:
            return "holds GIL"
        if main in waiting:
            return "waits for GIL"
        return "runs without GIL" if on_cpu[main] else "off CPU"

    last = events[0][0]
    for t, tid, event, rest in events:
        for i, (a, b, _name) in enumerate(phases):
            overlap = min(t, b) - max(last, a)
            if overlap > 0:
                totals[i][state()] += overlap
                totals[i]["GIL free" if holder is None else "GIL " + names.get(holder, "other")] += overlap
        last = t
        if event == "sched_switch":
            m = switch.search(rest)
            if m:
                on_cpu[int(m[1])] = False
                on_cpu[int(m[3])] = True
            continue
        on_cpu[tid] = True
        if event == "take_gil":
            waiting.add(tid)
            if tid == main and dropped is not None:
                sections.append((dropped, t))
                dropped = None
        elif event == "take_gil__return":
            waiting.discard(tid)
            holder = tid
        elif event == "drop_gil":
            holder = None if holder == tid else holder
            dropped = t if tid == main else dropped
    keys = ("holds GIL", "waits for GIL", "runs without GIL", "off CPU")
    print(f"{'from':>7s} {'to':>7s} | " + " | ".join(keys) + " | GIL free | others' GIL | phase")
    for (a, b, name), c in zip(phases, totals, strict=True):
        skip = ("GIL free", "GIL MainThread")
        others = ", ".join(
            f"{k[4:]} {v:.1f}" for k, v in c.items() if k.startswith("GIL ") and k not in skip and v > 0.2
        )
        cells = " | ".join(f"{c[k]:{len(k)}.1f}" for k in keys)
        print(f"{a - origin:7.1f} {b - origin:7.1f} | {cells} | {c['GIL free']:8.1f} | {others} | {name}")
    at = {m[0]: m[2] * 1000 for m in marks}
    for label, a, b in (
        ("PySide import, __main__", "probe-start", "argon2>"),
        ("launcher import", "argon2>", "start_gui>"),
        ("start_gui + open", "start_gui>", "open_initial"),
        ("window modules, log-in", "open_initial", "mainwindow>"),
        ("MainWindow + show", "mainwindow>", "show"),
        ("show .. first paint", "show", "painted"),
        ("data .. ready", "page-loaded", "ready"),
    ):
        chosen = [y - x for x, y in sections if x >= at[a] and y <= at[b]]
        long = [d for d in chosen if d >= 0.5]
        print(
            f"{label:24s} {len(chosen):5d} GIL-free sections, {sum(chosen):5.1f} ms in all;"
            f" {len(long)} of >= 0.5 ms ({sum(long):.1f} ms)"
        )


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "calls":
        calls()
    elif command == "timeline":
        timeline(rest[0], int(rest[1]))
    elif command == "ab":
        ab(int(rest[0]), rest[1], rest[2].split(","))
    elif command == "report":
        report(rest[0])
    elif command == "perf":
        perf(rest[0], rest[1])
    elif command == "perf-report":
        perf_report(rest[0])
    else:
        sys.exit(__doc__)
