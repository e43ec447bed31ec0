"""Python's cyclic garbage collection, run on the GUI thread only.

Left to itself, the collector runs in whichever thread happens to allocate past its threshold —
often a worker loading rows for a page. A reference cycle that holds a widget (a closed dialog
whose lambda slot refers back to it) would then be freed on that worker, and Qt objects may only
be deleted on the thread they belong to: at best a warning, at worst a crash much later. So the
automatic collection is switched off while the GUI runs, and a timer on the GUI thread collects
the generations that are due, by the same thresholds Python would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

#: how often the GUI thread looks whether a collection is due
CHECK_INTERVAL_MS = 500


def collect_due() -> int | None:
    """Collect the oldest generation whose threshold is exceeded; the generation, or None when
    nothing was due. Cheap when nothing is due: it only reads three counters."""
    thresholds = gc.get_threshold()
    counts = gc.get_count()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return generation
    return None


class GuiThreadCollector(QObject):
    """Owns the switch: :meth:`start` turns automatic collection off and collects on a GUI-thread
    timer; :meth:`stop` turns it back on (if it was on before)."""

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = CHECK_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(collect_due)

    def start(self) -> None:
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    @property
    def running(self) -> bool:
        return self._timer.isActive()
