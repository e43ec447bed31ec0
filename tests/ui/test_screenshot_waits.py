"""The documentation's screenshots show the page's late data and its colours (SPEC E1, E5)."""

from __future__ import annotations

import collections
import importlib.util
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mandant_desktop.ui import launcher

SCREENSHOTS = Path(__file__).resolve().parents[2] / "tools" / "screenshots.py"


class LatePage(QWidget):
    """A page that loads after a short timer, with no worker running meanwhile (as the roles page
    counts a role's holders)."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.loaded = False
        self.timer.timeout.connect(lambda: setattr(self, "loaded", True))

    @property
    def busy(self) -> bool:
        return self.timer.isActive()


def test_a_screenshot_waits_for_the_pages_late_load(qtbot: QtBot) -> None:
    """E1: the roles page's picture said "Es wird gezählt, wer diese Rolle hat …": the picture was
    taken when no worker ran, before the page's timer started the count. It waits for ``busy``."""
    page = LatePage()
    qtbot.addWidget(page)
    page.timer.start(300)
    launcher._settle(page, 10.0)
    assert page.loaded and not page.busy


def test_the_shrunk_picture_keeps_a_colour_of_few_pixels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """E1: the users page's red "Aktivierungslink abgelaufen" came out black: the palette held the
    256 most frequent colours, the edge shades of grey text, and not the red of a few words."""
    spec = importlib.util.spec_from_file_location("screenshots", SCREENSHOTS)
    assert spec is not None and spec.loader is not None
    screenshots = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "screenshots", screenshots)  # its dataclass looks itself up there
    spec.loader.exec_module(screenshots)
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for shade in range(300):  # 300 greys, each more frequent than the red
        painter.fillRect(shade, 0, 1, 200, QColor(shade % 256, shade % 256, min(255, shade % 256 + shade // 256)))
    painter.fillRect(0, 250, 20, 5, QColor("#b91c1c"))  # 100 red pixels
    painter.end()
    path = tmp_path / "page.png"
    assert image.save(str(path))
    counts = collections.Counter(memoryview(image.constBits()).cast("I"))
    assert counts[QColor("#b91c1c").rgb()] == 100
    assert len(counts) > 256
    screenshots.shrink(path)
    shrunk = QImage(str(path))
    assert shrunk.format() == QImage.Format.Format_Indexed8
    assert shrunk.pixelColor(5, 252) == QColor("#b91c1c")
