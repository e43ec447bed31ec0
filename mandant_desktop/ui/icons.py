"""The SVG icons of ``resources/icons`` as QIcons in the colours of the current palette (SPEC E5).

The line icons are drawn with ``currentColor``; Qt's SVG renderer does not inherit a colour, so the
text colour of the palette is put in before rendering: the window text colour for the normal and
active modes, the disabled text colour, and the highlighted text colour for selected items. Each
pixmap is rendered when Qt first asks for that size, mode and device pixel ratio, so icons stay
crisp on high-DPI screens and readable in dark colour schemes, and a start renders only the few
pixmaps it paints (rendering every size up front cost a tenth of a second, issue 8). Rendering goes
through Qt's SVG image-format plugin, so the QtSvg Python module is not imported.
:func:`clear_cache` forgets the icons when the palette changes.
"""

from __future__ import annotations

import functools
import logging
from importlib import resources

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QImageReader, QPainter, QPalette, QPixmap

log = logging.getLogger(__name__)

APP_ICON = "app"
#: the sizes an icon says it has (QIcon.availableSizes); it renders any other size as well
_SIZES = (16, 20, 24, 32, 48)


def svg_source(name: str) -> bytes:
    return resources.files("mandant_desktop.resources").joinpath("icons", f"{name}.svg").read_bytes()


def _render(svg: bytes, pixels: QSize) -> QPixmap:
    data = QByteArray(svg)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(pixels)
    image = reader.read()
    buffer.close()
    if image.isNull():
        log.warning("an icon could not be rendered: %s", reader.errorString())
        pixmap = QPixmap(pixels)
        pixmap.fill(Qt.GlobalColor.transparent)
        return pixmap
    return QPixmap.fromImage(image)


def _palette() -> QPalette:
    return QGuiApplication.palette()


class _PaletteIconEngine(QIconEngine):
    """One icon: its SVG source per mode (coloured in), rendered per size on first request."""

    def __init__(self, name: str, sources: dict[QIcon.Mode, bytes]) -> None:
        super().__init__()
        self._name = name
        self._sources = sources
        self._pixmaps: dict[tuple[int, int, int], QPixmap] = {}

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        pixels = max(1, round(side * scale))
        key = (pixels, int(mode.value), round(scale * 100))
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = _render(self._sources.get(mode, self._sources[QIcon.Mode.Normal]), QSize(pixels, pixels))
            pixmap.setDevicePixelRatio(scale)
            self._pixmaps[key] = pixmap
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        pixmap = self.scaledPixmap(rect.size(), mode, state, scale)
        side = min(rect.width(), rect.height())
        target = QRect(0, 0, side, side)
        target.moveCenter(rect.center())
        painter.drawPixmap(target, pixmap)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(size, size) for size in _SIZES]

    def iconName(self) -> str:
        return self._name

    def clone(self) -> QIconEngine:
        twin = _PaletteIconEngine(self._name, self._sources)
        _ENGINES.append(twin)  # Qt owns the clone's use; Python must keep the object alive
        return twin


#: every engine handed to Qt, kept alive for as long as the icons may be painted
_ENGINES: list[_PaletteIconEngine] = []


@functools.cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (file name without ``.svg``); an empty icon when it does not exist."""
    try:
        source = svg_source(name)
    except FileNotFoundError:
        log.warning("icon %s is missing", name)
        return QIcon()
    palette = _palette()
    colours = {
        QIcon.Mode.Normal: palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText),
        QIcon.Mode.Active: palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText),
        QIcon.Mode.Disabled: palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText),
        QIcon.Mode.Selected: palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText),
    }
    sources = {mode: source.replace(b"currentColor", colour.name().encode("ascii")) for mode, colour in colours.items()}
    engine = _PaletteIconEngine(name, sources)
    _ENGINES.append(engine)
    return QIcon(engine)


def clear_cache() -> None:
    """Forget the rendered icons, e.g. after the colour scheme changed."""
    icon.cache_clear()
