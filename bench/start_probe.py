"""The start probe: ``mandant-desktop`` run until its main window is usable, in a fresh interpreter.

Shared by bench/startup.py (the ``startup`` figure, issue 8) and tests/ui/test_startup_imports.py
(no heavy module before the window is usable); both run this file's text with ``python -c``, with
the program's arguments after it (``--db URL`` and maybe ``--page``, ``--lang``), and log in through
MANDANT_USER and MANDANT_PASSWORD.

It replaces ``QApplication.exec``. Usable means the page shown has its data painted:

- the page was not busy (its background load had ended) when the window's first paint began:
  the end of that first paint. The start lays out what the data asks for before that paint
  (``launcher._FinalFirstFrame``), so it is the final frame, and nothing repaints after it
  (tests/ui/test_start_first_frame.py);
- the page was still loading then (the first paint shows "Loading…"): the end of the first repaint
  that begins after the load has ended (the probe asks for one with ``page().update()``).

Until 2026-12-04 (branch start-frame) the probe always took the second way: once the page was
not busy it repainted the whole page and counted "ready" at the end of that repaint, about 10 ms
and 52 M main-thread instructions after a first paint that already showed the data (every start
measured that day; docs/profiles/2026-12-04-start-paint/, -start-frame/). That repaint was the
probe's own work, which a start does not do, so figures before and after that change are not
comparable.

The probe prints, each as a line of its own, ``painted CPU FIRST`` at the end of the window's first
paint (FIRST is ``data`` when the page had its data at that paint, ``loading`` when it was still
busy), ``ready CPU PAGE`` once usable (right after the ``painted`` line when FIRST is ``data``), and
then ``modules NAME,NAME,…``: every module imported by then, for the caller to look for the ones
that must wait (openpyxl and friends). CPU is the process's CPU time in ms, all threads, plus that
of the child processes it has waited for: the password check's helper process (issue 8,
docs/profiles/2026-12-04-start-argon), whose CPU is the check's.
"""

import importlib.machinery
import resource
import sys
import time

#: QApplication.exec as PySide6 defines it, once the program has imported PySide6.QtWidgets
original_exec = None


def cpu_ms():
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return 1000 * (time.process_time() + children.ru_utime + children.ru_stime)


def exec_until_usable(*_args):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    qt = QApplication.instance()
    #: data: whether the page had its data when the first paint began (None before that paint)
    state = dict(painted=False, data=None, requested=False, done=False)
    window = next(w for w in qt.topLevelWidgets() if w.objectName() == "mainWindow")
    handle = window.windowHandle()

    def page():
        return window.current_page()

    def busy():
        shown = page()
        return shown is None or bool(getattr(shown, "busy", False))

    def first_paint():
        print(f"painted {cpu_ms():.0f} {'data' if state['data'] else 'loading'}", flush=True)

    def ready():
        print(f"ready {cpu_ms():.0f} {page().objectName()}", flush=True)
        # Nothing runs between the two lines: these are the modules imported by the time it was usable.
        print("modules " + ",".join(sorted(sys.modules)), flush=True)
        qt.exit(0)

    def poll():
        # The page's data arrived after the first paint: make sure a paint follows (it coalesces
        # with a pending one).
        if state["painted"] and not state["done"] and not state["requested"] and not busy():
            state["requested"] = True
            page().update()

    class Painted(QObject):
        """Sees the main window's repaints without looking at every event of the application.

        Qt paints a widget window's dirty widgets all at once, inside the window's UpdateRequest
        (or, the first time, its QWindow's Expose), so a timer started there fires once the whole
        repaint is done. A filter on the whole application would also see every other event, and
        PySide would wrap each object those events go to: work of the instrument's own (about 15 ms
        at the start) that the bare program, which watches its one view, does not do (issue 8).
        """

        def eventFilter(self, obj, event):
            kind = event.type()
            if (kind == QEvent.Type.UpdateRequest or kind == QEvent.Type.Expose) and handle.isExposed():
                if not state["painted"]:
                    state["painted"] = True
                    state["data"] = not busy()
                    QTimer.singleShot(0, first_paint)
                    if state["data"]:  # this paint shows the data, laid out: usable once it ends
                        state["done"] = True
                        QTimer.singleShot(0, ready)
                elif state["requested"] and not state["done"]:
                    state["done"] = True
                    QTimer.singleShot(0, ready)
            return False

    watch = Painted()
    window.installEventFilter(watch)
    handle.installEventFilter(watch)
    poller = QTimer()
    poller.setInterval(1)
    poller.timeout.connect(poll)
    poller.start()
    return original_exec()


class PatchExecOnImport:
    """Replaces ``QApplication.exec`` as the program imports ``PySide6.QtWidgets``.

    The probe imports nothing of Qt itself before the program runs: the program starts its
    password check before it imports Qt (``__main__``), and a probe that imported PySide6 first
    (about 0.1 s) delayed that check by as much, a delay a real launch does not have. Until
    2026-12-04 16:20 UTC it did, so ``startup`` figures from before then started the check later.
    """

    def find_spec(self, name, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            global original_exec
            load(module)
            original_exec = module.QApplication.exec
            module.QApplication.exec = exec_until_usable

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, PatchExecOnImport())
from mandant_desktop.__main__ import main  # noqa: E402 - after the hook, as the program starts

sys.exit(main(sys.argv[1:]))
