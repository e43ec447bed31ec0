"""The benchmark's paint watch (issue 8): ``bench.qt.until_painted`` must not wait forever when a
second load starts between its repaint request and the paint.

On PostgreSQL the org units page once never "painted": the top level had arrived, the watch asked
for a repaint, the tree's first expansion started the next load before the paint came, the paint
was not counted (busy) and, the widget itself painting nothing more after that load, the watch
waited 300 s for a paint that nobody asked for.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bench.qt import until_painted


class _LoadOnRepaint(QObject):
    """Starts a short "load" when the window is about to paint the first requested update: the
    paint then comes while busy, and the load ends without the widget painting again."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.busy = False
        self.loads = 0
        self._window = window

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._window and event.type() == QEvent.Type.UpdateRequest and self.loads == 0:
            self.loads += 1
            self.busy = True
            QTimer.singleShot(20, self._loaded)
        return False

    def _loaded(self) -> None:
        self.busy = False


def test_a_paint_that_came_while_busy_again_is_asked_for_once_more(qtbot: Any) -> None:
    """Issue 8 (bench hang "page.orgUnits did not paint within 300 s"): a load between the repaint
    request and the paint; the watch asks for another paint when idle again and ends."""
    window = QWidget()
    page = QWidget(window)
    QVBoxLayout(page).addWidget(QLabel("data"))
    QVBoxLayout(window).addWidget(page)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)  # the first paints are done
    load = _LoadOnRepaint(window)
    window.installEventFilter(load)

    until_painted(page, lambda: None, lambda: load.busy, timeout_s=10)

    assert load.loads == 1  # the race did happen: the first requested paint came while busy


def test_a_timeout_says_what_it_waited_for(qtbot: Any) -> None:
    """Issue 8: a page that stays busy ends the wait with the busy state, the tasks running, what
    happened meanwhile and every thread's stack, so that a hang seen once can be diagnosed."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)

    with pytest.raises(TimeoutError) as raised:
        until_painted(widget, lambda: None, lambda: True, timeout_s=0.05)

    text = str(raised.value)
    assert "busy() = True" in text
    assert "tasks running: 0" in text
    assert "history:" in text
    assert "test_a_timeout_says_what_it_waited_for" in text  # the GUI thread's stack
