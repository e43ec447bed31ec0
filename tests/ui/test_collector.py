"""Cyclic garbage is collected on the GUI thread, never on a worker (SPEC S5: no crash)."""

from __future__ import annotations

import gc
import threading

from pytestqt.qtbot import QtBot

from mandant_desktop.ui.collector import GuiThreadCollector, collect_due


class _Cycle:
    def __init__(self, freed_on: list[str]) -> None:
        self.me = self
        self._freed_on = freed_on

    def __del__(self) -> None:
        self._freed_on.append(threading.current_thread().name)


def test_while_running_a_worker_never_collects(qtbot: QtBot, gui_thread_collector: GuiThreadCollector) -> None:
    """A worker that allocates far past the thresholds leaves the cycles to the GUI thread's timer."""
    assert gui_thread_collector.running and not gc.isenabled()
    freed_on: list[str] = []
    kept: list[list[int]] = []

    def worker() -> None:
        for _ in range(3):
            _Cycle(freed_on)
        # far beyond every threshold: an enabled collector would run here, on this thread
        kept.extend([index] for index in range(gc.get_threshold()[0] * 20))

    thread = threading.Thread(target=worker, name="worker")
    thread.start()
    thread.join()
    assert freed_on == []
    qtbot.waitUntil(lambda: len(freed_on) == 3, timeout=5000)
    assert set(freed_on) == {threading.main_thread().name}


def test_collect_due_collects_only_what_is_due() -> None:
    gc.collect()
    assert collect_due() is None
    freed_on: list[str] = []
    for _ in range(gc.get_threshold()[0] + 10):
        _Cycle(freed_on)
    assert collect_due() == 0
    assert len(freed_on) > 0


def test_stop_gives_the_collection_back(qtbot: QtBot) -> None:
    previous = gc.isenabled()
    gc.enable()
    try:
        collector = GuiThreadCollector()
        collector.start()
        assert not gc.isenabled() and collector.running
        collector.stop()
        assert gc.isenabled() and not collector.running
    finally:
        if not previous:
            gc.disable()
