"""The start's first paint is its final frame (issue 8 ``startup``; SPEC section 9 start-up, T1, S5).

When the tenants page has its data at the window's first paint, everything that data changes
(labels' texts and sizes, the splitter, the access table's columns and scroll bars) is laid out
before that paint. Nothing of the window is painted again by the program afterwards: no second
paint that only moves what the first one showed. The program runs in its own interpreter, as
bench/start_probe.py runs it, with ``QApplication.exec`` wrapped to watch the paints.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from uihelpers import program_environment

#: how long after the first paint the window is watched for paints of the program's own
WATCH_MS = 300

_WATCH = """
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

original_exec = QApplication.exec


def exec_watching(*_args):
    qt = QApplication.instance()
    window = next(w for w in qt.topLevelWidgets() if w.objectName() == "mainWindow")
    handle = window.windowHandle()
    page = window.current_page()
    # The start's first paint with the data, made certain: the page's load has returned (its
    # answer is delivered in the event loop's first pass, before the window's Expose).
    task = page.loader.task
    if task is not None:
        task.wait(60_000)
        time.sleep(0.1)  # the worker posts the answer just after the call has returned
    state = dict(first=None, painted=[])

    class Watch(QObject):
        def eventFilter(self, obj, event):
            kind = event.type()
            if state["first"] is None:
                if obj is handle and kind == QEvent.Type.Expose and handle.isExposed():
                    state["first"] = "busy" if page.busy else "data"
                    QTimer.singleShot(0, first_paint_done)
            elif kind == QEvent.Type.Paint and isinstance(obj, QWidget):
                state["painted"].append(f"{type(obj).__name__}:{obj.objectName()}")
            return False

    watch = Watch()

    def first_paint_done():
        qt.installEventFilter(watch)  # every widget's paint from now on
        QTimer.singleShot(WATCH_MS, report)

    def report():
        print(f"first {state['first']}", flush=True)
        print("painted " + ",".join(state["painted"]), flush=True)
        qt.exit(0)

    handle.installEventFilter(watch)
    return original_exec()


WATCH_MS = int(sys.argv.pop(1))
QApplication.exec = exec_watching
from mandant_desktop.__main__ import main  # noqa: E402 - after the patch, as the program starts

sys.exit(main(sys.argv[1:]))
"""


def test_the_first_paint_with_the_data_is_the_final_frame(admin_url: str, tmp_path: Path) -> None:
    """After the start's first paint, which shows the tenants page's data, the program paints
    nothing more by itself for :data:`WATCH_MS`: what the data asked for was laid out before it."""
    env = program_environment(tmp_path)
    command = [sys.executable, "-c", _WATCH, str(WATCH_MS), "--db", admin_url, "--page", "tenants", "--lang", "en"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines.get("first") == "data", f"the first paint did not show the page's data: {done.stdout}"
    painted = [name for name in lines.get("painted", "").split(",") if name]
    assert painted == [], f"painted again after the first paint: {painted}"
