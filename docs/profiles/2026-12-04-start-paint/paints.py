"""Which widgets each paint of the start repaints, until "ready" (issue 8, start-paint).

Runs the bench's own start probe (bench/start_probe.py) with an application-wide event filter put
in front of it that notes every QPaintEvent (the widget's class, objectName, the painted region's
bounding box) and the window's repaints (UpdateRequest / Expose of the main window or its QWindow)
that separate them, and when the page's data arrived (``busy`` turning False). The filter costs time
of its own: take the structure from this, not the timings.

    cd /tmp && PYTHONPATH=TREE TREE/.venv/bin/python \\
        TREE/docs/profiles/2026-12-04-start-paint/paints.py DB_URL [runs] [--own]

``--own``: the probe's ``page().update()`` (the whole page, once the data is there) becomes a
1-pixel update, so the second repaint shows what the program itself marked dirty.
"""

from __future__ import annotations

import sys
import tempfile

sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/2026-12-04-startup-spread")
import spread

from bench import startup

HOOK = """
import atexit as _atexit
from PySide6.QtCore import QEvent as _QE, QObject as _QO
from PySide6.QtWidgets import QApplication as _QA, QWidget as _QW
_events, _top = [], []
_GEOMETRY = bool(__import__("os").environ.get("PAINTS_GEOMETRY"))
class _Spy(_QO):
    def eventFilter(self, obj, event):
        kind = event.type()
        if kind in (_QE.Type.Resize, _QE.Type.Move, _QE.Type.LayoutRequest) and _GEOMETRY and isinstance(obj, _QW):
            _events.append(("geometry", kind.name, type(obj).__name__, obj.objectName()))
        if kind == _QE.Type.Paint and isinstance(obj, _QW):
            r = event.region().boundingRect()
            _events.append(("paint", type(obj).__name__, obj.objectName(), f"{r.width()}x{r.height()}",
                            obj.width() * obj.height(), r.width() * r.height()))
        elif kind in (_QE.Type.UpdateRequest, _QE.Type.Expose) and obj in _top:
            handle = _top[1] if len(_top) > 1 else None
            exposed = handle is not None and handle.isExposed()
            what = f"{kind.name} ({'exposed' if exposed else 'not exposed'})"
            _events.append(("repaint" if exposed else "mark", what, type(obj).__name__))
        return False
_spy = _Spy()
_exec_probe = _QA.exec
def _exec_spy(*a):
    qt = _QA.instance()
    qt.installEventFilter(_spy)
    window = next(w for w in qt.topLevelWidgets() if w.objectName() == "mainWindow")
    _top[:] = [window, window.windowHandle()]
    from mandant_desktop.ui import tasks as _tasks
    done = _tasks.Task._done
    def _done(self, result):
        _events.append(("data", f"a task's answer delivered: {self.name}"))
        done(self, result)
    _tasks.Task._done = _done
    state = {"busy": True}
    from PySide6.QtCore import QTimer as _QT
    def _poll():
        page = window.current_page()
        busy = page is None or bool(getattr(page, "busy", False))
        if state["busy"] and not busy:
            _events.append(("data", "page not busy"))
            state["busy"] = False
    _timer = _QT()
    _timer.setInterval(0)
    _timer.timeout.connect(_poll)
    _timer.start()
    _events.append(("exec", "busy" if window.current_page().busy else "not busy"))
    return _exec_probe(*a)
_QA.exec = _exec_spy
def _report():
    import collections
    phase, rows = 0, collections.defaultdict(collections.Counter)
    area = collections.Counter()
    for e in _events:
        if e[0] == "repaint":
            phase += 1
            print(f"--- repaint {phase}: {e[1]} on {e[2]}", file=sys.stderr)
        elif e[0] == "geometry":
            print(f"    {e[1]} {e[2]} {e[3]}", file=sys.stderr)
        elif e[0] == "mark":
            print(f"--- {e[1]} on {e[2]}: paints nothing", file=sys.stderr)
        elif e[0] in ("data", "exec", "ready"):
            print(f"--- {e[0]}: {e[1]} (after repaint {phase})", file=sys.stderr)
        else:
            rows[phase][(e[1], e[2], e[3])] += 1
            area[phase] += e[5]
    for p in sorted(rows):
        total = sum(rows[p].values())
        print(f"== phase {p}: {total} paint events, painted area {area[p]:,} px", file=sys.stderr)
        for (cls, name, box), n in rows[p].most_common():
            print(f"   {n:3d} {cls:28s} {name:34s} {box}", file=sys.stderr)
_atexit.register(_report)
"""


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    db = args[0]
    runs = int(args[1]) if len(args) > 1 else 1
    text = startup.PROBE.read_text(encoding="utf-8")
    anchor = "from mandant_desktop.__main__ import main"
    text = text.replace(anchor, HOOK + anchor, 1)
    # Half a second more after "ready": what else repaints once the probe has seen "usable"
    ready = "        qt.exit(0)\n"
    assert ready in text
    later = "        _events.append(('ready', 'probe'))\n        QTimer.singleShot(500, lambda: qt.exit(0))\n"
    text = text.replace(ready, later, 1)
    if "--own" in sys.argv:
        # What the program dirties itself: the probe's request becomes a 1-pixel one (it coalesces)
        asked = "            page().update()\n"
        assert asked in text
        text = text.replace(asked, "            page().update(0, 0, 1, 1)\n", 1)
    with tempfile.TemporaryDirectory(prefix="paints-") as scratch:
        env = spread.start_env(scratch)
        argv = [sys.executable, "-c", text, "--db", db]
        startup._launch(argv, env)
        for _ in range(runs):
            print(startup._launch(argv, env)[0], "ms")


if __name__ == "__main__":
    main()
