"""The start probe: ``mandant-desktop`` run until its main window is usable, in a fresh interpreter.

Shared by bench/startup.py (the ``startup`` figure, issue 8) and tests/ui/test_startup_imports.py
(no heavy module before the window is usable); both run this file's text with ``python -c``, with
the program's arguments after it (``--db URL`` and maybe ``--page``, ``--lang``), and log in through
MANDANT_USER and MANDANT_PASSWORD.

It replaces ``QApplication.exec``. Usable means the page shown has its data: its background load
(``busy``) has ended and the page has painted after that. The probe prints, each as a line of its
own, ``painted CPU`` at the window's first paint (the page still says "Loading…"), ``ready CPU PAGE``
once usable, and then ``modules NAME,NAME,…``: every module imported by then, for the caller to look
for the ones that must wait (openpyxl and friends). CPU is the process's CPU time in ms, all threads,
plus that of the child processes it has waited for: the password check's helper process (issue 8,
docs/profiles/2026-12-04-start-argon), whose CPU is the check's.
"""

import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

original_exec = QApplication.exec


def cpu_ms():
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return 1000 * (time.process_time() + children.ru_utime + children.ru_stime)


def exec_until_usable(*_args):
    qt = QApplication.instance()
    state = dict(painted=False, requested=False, done=False)
    window = next(w for w in qt.topLevelWidgets() if w.objectName() == "mainWindow")
    handle = window.windowHandle()

    def page():
        return window.current_page()

    def busy():
        shown = page()
        return shown is None or bool(getattr(shown, "busy", False))

    def first_paint():
        print(f"painted {cpu_ms():.0f}", flush=True)

    def ready():
        print(f"ready {cpu_ms():.0f} {page().objectName()}", flush=True)
        # Nothing runs between the two lines: these are the modules imported by the time it was usable.
        print("modules " + ",".join(sorted(sys.modules)), flush=True)
        qt.exit(0)

    def poll():
        # The page's data has arrived: make sure a paint follows (it coalesces with a pending one).
        if state["painted"] and not state["requested"] and not busy():
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
                    QTimer.singleShot(0, first_paint)
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


QApplication.exec = exec_until_usable
from mandant_desktop.__main__ import main  # noqa: E402 - after the patch, as the program starts

sys.exit(main(sys.argv[1:]))
