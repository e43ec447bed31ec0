"""The SVG icons of ``resources/icons`` as QIcons in the colours of the current palette (SPEC E5).

The line icons are drawn with ``currentColor``; Qt's SVG renderer does not inherit a colour, so the
text colour of the palette is put in before rendering. Each icon gets pixmaps for the normal,
disabled and selected modes at 1x and 2x, so it stays crisp on high-DPI screens and readable in
dark colour schemes. :func:`clear_cache` forgets them when the palette changes.
"""

from __future__ import annotations

import functools
import logging
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

APP_ICON = "app"
_SIZES = (16, 20, 24, 32, 48)
_SCALES = (1.0, 2.0)


def svg_source(name: str) -> bytes:
    return resources.files("mandant_desktop.resources").joinpath("icons", f"{name}.svg").read_bytes()


def _render(svg: bytes, size: int, scale: float) -> QPixmap:
    pixels = round(size * scale)
    pixmap = QPixmap(QSize(pixels, pixels))
    pixmap.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(svg))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    pixmap.setDevicePixelRatio(scale)
    return pixmap


def _palette() -> QPalette:
    return QGuiApplication.palette()


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
    result = QIcon()
    for mode, colour in colours.items():
        svg = source.replace(b"currentColor", colour.name().encode("ascii"))
        for size in _SIZES:
            for scale in _SCALES:
                result.addPixmap(_render(svg, size, scale), mode)
    return result


def clear_cache() -> None:
    """Forget the rendered icons, e.g. after the colour scheme changed."""
    icon.cache_clear()
