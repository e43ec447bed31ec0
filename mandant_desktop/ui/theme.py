"""Light and dark colour schemes (SPEC E5).

The scheme follows the system (Qt 6's ``QStyleHints.colorScheme``) unless the user picked one on the
settings page (``ui/colorScheme``) or on the command line (``--scheme``, not saved). The platform
style is asked first (``QStyleHints.setColorScheme``); where it does not answer with a palette of
the wanted brightness — Linux without a desktop theme, the offscreen platform of screenshots and
tests — the program switches to Fusion with a palette of its own, so that every widget agrees.
Widgets that paint colours of their own ask :func:`is_dark`.
"""

from __future__ import annotations

import logging
import weakref

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)
from shiboken6 import isValid

from mandant_desktop.ui import settings as ui_settings

log = logging.getLogger(__name__)

SYSTEM = "system"
LIGHT = "light"
DARK = "dark"
#: the choices of the settings page and of ``--scheme``
CHOICES = (SYSTEM, LIGHT, DARK)
FUSION = "Fusion"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

_DARK_COLOURS: dict[QPalette.ColorRole, str] = {
    Role.Window: "#2b2d31",
    Role.WindowText: "#e8e8ea",
    Role.Base: "#1e1f22",
    Role.AlternateBase: "#26282c",
    Role.ToolTipBase: "#3a3d42",
    Role.ToolTipText: "#f0f0f2",
    Role.PlaceholderText: "#8e939b",
    Role.Text: "#e8e8ea",
    Role.Button: "#363a3f",
    Role.ButtonText: "#e8e8ea",
    Role.BrightText: "#ff8a80",
    Role.Light: "#50545a",
    Role.Midlight: "#42464c",
    Role.Mid: "#2f3236",
    Role.Dark: "#18191b",
    Role.Shadow: "#0b0b0c",
    Role.Highlight: "#2f6fd6",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#7fb0ff",
    Role.LinkVisited: "#c3a2ff",
}
_DARK_DISABLED: dict[QPalette.ColorRole, str] = {
    Role.WindowText: "#80858c",
    Role.Text: "#80858c",
    Role.ButtonText: "#80858c",
    Role.Base: "#25272a",
    Role.Button: "#2f3236",
    Role.Highlight: "#4a4e54",
    Role.HighlightedText: "#c8c8ca",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    # A window that lost focus keeps its selection visible.
    palette.setColor(Group.Inactive, Role.Highlight, QColor("#40557a"))
    return palette


def light_palette() -> QPalette:
    style = QStyleFactory.create(FUSION)
    palette = QPalette(style.standardPalette())
    style.deleteLater()
    return palette


def is_dark(palette: QPalette | None = None) -> bool:
    """True when ``palette`` (the application's by default) has light text on a dark window."""
    used = palette if palette is not None else QGuiApplication.palette()
    return used.color(Role.Window).lightness() < 128


def error_text_colour(palette: QPalette | None = None) -> str:
    """The red of error texts, lighter on a dark palette so that it stays readable there."""
    return "#fca5a5" if is_dark(palette) else "#b91c1c"


def resolve(choice: str, system: Qt.ColorScheme | None = None) -> str:
    """``"system"``, ``"light"`` or ``"dark"`` → the scheme actually used (light or dark)."""
    if choice in (LIGHT, DARK):
        return choice
    reported = system if system is not None else QGuiApplication.styleHints().colorScheme()
    return DARK if reported == Qt.ColorScheme.Dark else LIGHT


class FusionStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons that keep an outline on a dark palette.

    Fusion draws their frame a shade darker than the window, which vanishes on a dark base.
    """

    _INDICATORS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    )

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create(FUSION))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in self._INDICATORS or not is_dark(option.palette):
            return
        outline = QColor(option.palette.color(Role.Text))
        outline.setAlpha(140)
        rect = option.rect.adjusted(0, 0, -1, -1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(outline)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
        else:
            side = min(rect.width(), rect.height())
            square = rect.adjusted(0, 0, side - rect.width(), side - rect.height())
            square.moveCenter(rect.center())
            painter.drawRect(square)
        painter.restore()


#: the item views whose cells Fusion draws itself while the application's style is FusionStyle
_PLAIN_VIEWS: weakref.WeakSet[QAbstractItemView] = weakref.WeakSet()
#: the plain Fusion those views use, one for the application (made on first use)
_plain_fusion: QStyle | None = None


def plain_cells(view: QAbstractItemView) -> None:
    """Let Fusion draw ``view``'s cells without a call into Python per cell (issue 8).

    FusionStyle's ``drawPrimitive`` is Python: Qt calls it two or three times for every painted
    cell (the row's and the item's panel, the focus frame), which made a dark repaint of the
    customer table about a third dearer than a light one. Only check boxes and radio buttons
    differ from Fusion, so a view whose cells have no check box draws them with a plain Fusion of
    its own while the application uses FusionStyle: the same pixels. Its headers, scroll bars and
    editors keep the application's style. Other styles (a platform's light one) are left alone."""
    _PLAIN_VIEWS.add(view)
    _restyle(view)


def _restyle(view: QAbstractItemView) -> None:
    global _plain_fusion
    app = QApplication.instance()
    if not isinstance(app, QApplication) or not isValid(view):
        return
    if isinstance(app.style(), FusionStyle):
        if _plain_fusion is None or not isValid(_plain_fusion):
            _plain_fusion = QStyleFactory.create(FUSION)
            _plain_fusion.setParent(app)  # lives as long as the application: views may outlive a scheme
        if view.style() is not _plain_fusion:
            view.setStyle(_plain_fusion)
    elif _plain_fusion is not None and view.style() is _plain_fusion:
        view.setStyle(None)  # type: ignore[arg-type]  # the application's style again


def _restyle_plain_views() -> None:
    """After the application's style changed: the registered views follow it."""
    for view in list(_PLAIN_VIEWS):
        _restyle(view)


class ThemeManager(QObject):
    """Applies the colour scheme to the application; one per application."""

    #: emitted with ``"light"`` or ``"dark"`` after every change of the scheme in use
    scheme_changed = Signal(str)

    def __init__(self, settings: ui_settings.Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._override: str | None = None
        self._current = ""
        self._own_palette = False
        self._following = False
        self._applying = False
        #: the application's style name and palette before this manager changed them
        self._original: tuple[str, QPalette] | None = None

    @property
    def choice(self) -> str:
        """``--scheme`` for this run, else the saved ``"system"``, ``"light"`` or ``"dark"``."""
        saved = self._settings.value(ui_settings.COLOR_SCHEME)
        return self._override or (saved if saved in CHOICES else SYSTEM)

    @property
    def current(self) -> str:
        """The scheme in use: ``"light"`` or ``"dark"`` (empty before :meth:`start`)."""
        return self._current

    def start(self, override: str | None = None) -> str:
        """Apply the scheme at start-up and follow the system's changes; ``override`` is ``--scheme``."""
        self._override = override if override in CHOICES else None
        if not self._following:
            QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
            self._following = True
        return self._apply()

    def choose(self, choice: str) -> str:
        """The user's pick on the settings page: saved, and applied at once."""
        if choice not in CHOICES:
            raise ValueError(f"unknown colour scheme {choice!r}")
        self._settings.set_value(ui_settings.COLOR_SCHEME, choice)
        self._override = None
        return self._apply()

    def shutdown(self) -> None:
        """Stop following the system and give the application its own look back (the end of
        ``main``; tests run it many times in one process)."""
        if self._following:
            QGuiApplication.styleHints().colorSchemeChanged.disconnect(self._system_changed)
            self._following = False
        app = QApplication.instance()
        if self._original is not None and isinstance(app, QApplication):
            QGuiApplication.styleHints().unsetColorScheme()
            style, palette = self._original
            app.setStyle(style)
            _restyle_plain_views()
            app.setPalette(palette)
        self._original = None
        self._own_palette = False
        self._current = ""

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        # Our own request echoes here too; only "as the system" has anything to follow.
        if self.choice == SYSTEM and not self._applying:
            self._apply()

    def _apply(self) -> str:
        self._applying = True
        try:
            return self._apply_now()
        finally:
            self._applying = False

    def _apply_now(self) -> str:
        hints = QGuiApplication.styleHints()
        choice = self.choice
        if choice == SYSTEM:
            hints.unsetColorScheme()  # what remains is what the platform reports
        else:
            hints.setColorScheme(Qt.ColorScheme.Dark if choice == DARK else Qt.ColorScheme.Light)
        wanted = resolve(choice)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self._set_palette(app, wanted)
        changed = wanted != self._current
        self._current = wanted
        if changed:
            log.info("colour scheme %s (choice %s)", wanted, choice)
            self.scheme_changed.emit(wanted)
        return wanted

    def _set_palette(self, app: QApplication, wanted: str) -> None:
        if self._own_palette:
            # Let the platform style show what it does for this scheme before judging it.
            app.setPalette(app.style().standardPalette())
            self._own_palette = False
        if is_dark(app.palette()) != (wanted == DARK):
            log.info("the %s style shows no %s palette; using Fusion", app.style().name(), wanted)
            if self._original is None:
                self._original = (app.style().name(), QPalette(app.palette()))
            if not isinstance(app.style(), FusionStyle):
                app.setStyle(FusionStyle())
                _restyle_plain_views()
            app.setPalette(dark_palette() if wanted == DARK else light_palette())
            self._own_palette = True
