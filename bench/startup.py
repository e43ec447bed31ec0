"""``startup``: from launching ``mandant-desktop --db URL`` (logged in through MANDANT_USER and
MANDANT_PASSWORD) to a *usable* main window, against a bare PySide6 + SQLAlchemy program that opens
the same database, runs one query and paints a window. Both are fresh interpreters, timed from the
parent from launch to the line the child prints once it has painted.

Usable means the start page shows its data: the page's background load (``busy``) has ended and
the page has painted after that, as :func:`bench.qt.until_painted` waits for it. Until issue 8's
start-up work the probe stopped at the window's first paint, which shows the page's "Loading…"
note rather than its data; that earlier moment is still reported as ``first_paint_ms``.

The child also names the heavy modules already imported at that moment (openpyxl and friends
belong to exports and imports, loaded when they are used), and which of the ORM modules: the start
works on SQLAlchemy Core and loads ``sqlalchemy.orm`` and the models after the window is usable
(``orm_at_start`` in the detail; not part of ``ok``).

A start's time follows the machine's speed of the moment more than the code: callgrind counts the
same instructions in every start, yet a 5-round ratio moved by about 0.1 between runs of the same
code (docs/profiles/2026-12-04-startup-spread/). So this figure takes at least ``MIN_ROUNDS`` rounds,
whatever ``--runs`` asks for: the error of a median shrinks with the square root of the rounds, and
a round costs about a second.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import ADMIN, Report, log, median_of
from mandant_desktop.db.engine import normalize_url

#: the fewest rounds (ours, then the bare program) the figure is the median of
MIN_ROUNDS = 15

HEAVY = (
    "openpyxl",
    "lxml",
    "casbin",
    "keyring",
    "smtplib",
    "email.mime",
    "defusedxml",
    "PySide6.QtSvg",
    "alembic",
    "mandant_desktop.services.imports",
)
#: the ORM and the declarative models: loaded after the start page is usable (issue 8)
ORM = ("sqlalchemy.orm", "mandant_desktop.db.models")

_BARE = """
import sys
import time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
from PySide6.QtGui import QStandardItemModel, QStandardItem
from sqlalchemy import create_engine, text

app = QApplication([sys.argv[0]])
engine = create_engine(sys.argv[1])
with engine.connect() as connection:
    count = connection.execute(text("select count(*) from customer")).scalar()
window = QMainWindow()
model = QStandardItemModel(10, 3)
model.setItem(0, 0, QStandardItem(str(count)))
view = QTableView()
view.setModel(model)
window.setCentralWidget(view)
window.resize(1400, 900)

class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"ready {1000 * time.process_time():.0f}", flush=True)
            app.quit()
        return False

watch = Painted()
view.viewport().installEventFilter(watch)
window.show()
app.exec()
"""

#: the program, run until usable: see bench/start_probe.py (tests/ui/test_startup_imports.py runs it too)
PROBE = Path(__file__).with_name("start_probe.py")


def _launch(argv: list[str], env: dict[str, str]) -> tuple[float, str, float, float | None]:
    """ms from launching ``argv`` (a fresh interpreter) to its "ready" line, the rest of that line
    after the CPU figure and the child's further output, the CPU time (user + system, ms, all
    threads, and the processes it waited for: the password check's helper) the child had used when
    it printed that line (on a shared machine the steadier figure), and the ms to its "painted" line
    (first paint) if it printed one."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    painted = None
    line = proc.stdout.readline()
    if line.startswith("painted"):
        painted = 1000 * (time.perf_counter() - start)
        line = proc.stdout.readline()
    elapsed = 1000 * (time.perf_counter() - start)
    rest = proc.stdout.read()
    if proc.wait(120) != 0 or not line.startswith("ready"):
        raise RuntimeError(f"the start probe failed ({proc.returncode}): {line!r}")
    words = line.split(maxsplit=2)
    return elapsed, " ".join(words[2:]) + "\n" + rest, float(words[1]), painted


def probe_command(*args: str) -> list[str]:
    """The command that starts the program with ``args`` under the start probe (bench/start_probe.py)."""
    return [sys.executable, "-c", PROBE.read_text(encoding="utf-8"), *args]


def loaded_modules(output: str) -> set[str]:
    """The modules the probe's output names as imported by the time the window was usable."""
    line = next((line for line in output.splitlines() if line.startswith("modules ")), "modules ")
    return set(line.removeprefix("modules ").split(","))


def _compile_package() -> bool:
    """Write the program's bytecode, as installing it does (pip compiles a wheel's modules; the
    bundle ships them compiled). This checkout is installed editable, and with
    PYTHONDONTWRITEBYTECODE set (as on the shared machine) every start would compile its 190
    modules again, while the bare program's libraries come compiled (about 70 ms of CPU, issue 8).
    Unchanged modules are skipped; returns whether every module compiled."""
    import compileall

    import mandant_desktop

    return bool(compileall.compile_dir(Path(mandant_desktop.__file__).parent, quiet=1))


def run(report: Report, large: str, _small: str, runs: int) -> None:
    runs = max(runs, MIN_ROUNDS)
    compiled = _compile_package()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as scratch:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(Path(scratch) / "data"),
            "XDG_CONFIG_HOME": str(Path(scratch) / "config"),
            "MANDANT_USER": ADMIN[0],
            "MANDANT_PASSWORD": ADMIN[1],
        }
        app_command = probe_command("--db", large)
        # The bare program gets the driver the application uses (postgresql:// alone means psycopg2).
        bare_url = normalize_url(large).render_as_string(hide_password=False)
        bare_command = [sys.executable, "-c", _BARE, bare_url]
        _launch(app_command, env)  # the first start writes the profile; the disk cache warms up
        ours, bare, ours_cpu, bare_cpu, first_paint, loaded = [], [], [], [], [], ""
        orm: set[str] = set()
        for _ in range(runs):
            elapsed, output, cpu, painted = _launch(app_command, env)
            ours.append(elapsed)
            ours_cpu.append(cpu)
            first_paint.append(painted or elapsed)
            imported = loaded_modules(output)
            loaded = ",".join(module for module in HEAVY if module in imported)
            orm.update(module for module in ORM if module in imported)
            elapsed, _output, cpu, _painted = _launch(bare_command, env)
            bare.append(elapsed)
            bare_cpu.append(cpu)
            log(f"startup {ours[-1]:.0f} ms ({ours_cpu[-1]:.0f} CPU), bare {bare[-1]:.0f} ms ({bare_cpu[-1]:.0f} CPU)")
    ours_ms, ours_all = median_of(ours)
    bare_ms, bare_all = median_of(bare)
    ratio = ours_ms / bare_ms
    cpu_ratio = statistics.median(ours_cpu) / statistics.median(bare_cpu)
    report.add(
        "startup",
        ours_ms,
        "ms",
        "<= 1.4x the bare PySide6 + SQLAlchemy start; no heavy module imported at start",
        ratio <= 1.4 and not loaded,
        baseline=bare_ms,
        ratio=ratio,
        runs=runs,
        detail={
            "ours_ms": ours_all,
            # the main window's first paint, before the start page's data is there (the earlier probe)
            "first_paint_ms": [round(t, 1) for t in first_paint],
            "first_paint_ratio": round(statistics.median(first_paint) / bare_ms, 3),
            "bare_ms": bare_all,
            # CPU time until the window is usable: the steadier figure when others load the machine
            "ours_cpu_ms": [round(c) for c in ours_cpu],
            "bare_cpu_ms": [round(c) for c in bare_cpu],
            "cpu_ratio": round(cpu_ratio, 3),
            "load_average": os.getloadavg(),
            "heavy_modules_at_start": loaded.split(",") if loaded else [],
            # imported by the time the window was usable, in any run (the start works on Core)
            "orm_at_start": sorted(orm),
            "bytecode_compiled": compiled,
        },
    )
