"""Light and dark colour schemes: the switch, its setting, and what follows it (SPEC E5)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QTableView
from pytestqt.qtbot import QtBot

from mandant_desktop import __main__ as entry
from mandant_desktop.ui import icons, theme
from mandant_desktop.ui import settings as ui_settings
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.settings import Settings
from mandant_desktop.ui.theme import ThemeManager


@pytest.fixture
def restored_look(qapp: QApplication) -> Iterator[None]:
    """Whatever a test switches, the next one starts with the application's own look."""
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield
    QGuiApplication.styleHints().unsetColorScheme()
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def manager(settings: Settings, restored_look: None) -> Iterator[ThemeManager]:
    themes = ThemeManager(settings)
    yield themes
    themes.shutdown()


def window_is_dark() -> bool:
    return theme.is_dark(QGuiApplication.palette())


def test_light_and_dark_change_the_palette(manager: ThemeManager, qtbot: QtBot) -> None:
    """E5: a dark choice gives light text on a dark window, and back; the switch is announced."""
    assert manager.start(theme.LIGHT) == theme.LIGHT
    assert not window_is_dark()
    with qtbot.waitSignal(manager.scheme_changed) as switched:
        manager.choose(theme.DARK)
    assert switched.args == [theme.DARK]
    assert window_is_dark()
    palette = QGuiApplication.palette()
    text, window = palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
    assert text.lightness() - window.lightness() > 150, "the text must stand out from the window"
    manager.choose(theme.LIGHT)
    assert not window_is_dark()
    assert manager.current == theme.LIGHT


def test_the_choice_persists_and_the_command_line_is_not_saved(
    manager: ThemeManager, settings: Settings, qapp: QApplication
) -> None:
    """E5: the settings page's choice is saved; ``--scheme`` applies to one run only."""
    manager.choose(theme.DARK)
    settings.sync()
    assert Settings(QSettings()).value(ui_settings.COLOR_SCHEME) == theme.DARK
    manager.start(theme.LIGHT)
    assert manager.choice == theme.LIGHT
    assert Settings(QSettings()).value(ui_settings.COLOR_SCHEME) == theme.DARK
    again = ThemeManager(Settings(QSettings()))
    try:
        assert again.start() == theme.DARK
        assert window_is_dark()
    finally:
        again.shutdown()


def test_as_the_system_follows_the_reported_scheme(manager: ThemeManager) -> None:
    assert theme.resolve(theme.SYSTEM, Qt.ColorScheme.Dark) == theme.DARK
    assert theme.resolve(theme.SYSTEM, Qt.ColorScheme.Light) == theme.LIGHT
    assert theme.resolve(theme.SYSTEM, Qt.ColorScheme.Unknown) == theme.LIGHT
    assert theme.resolve(theme.DARK, Qt.ColorScheme.Light) == theme.DARK
    with pytest.raises(ValueError):
        manager.choose("purple")


def test_line_icons_take_the_text_colour_of_the_scheme(manager: ThemeManager) -> None:
    """E5: icons stay legible in the dark scheme: drawn in the palette's text colour."""
    for scheme in (theme.LIGHT, theme.DARK):
        manager.choose(scheme)
        expected = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
        image = icons.icon("users").pixmap(48, 48).toImage()
        inked = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
        solid = [colour for colour in inked if colour.alpha() == 255]
        assert solid, scheme
        assert all(colour.rgb() == expected.rgb() for colour in solid), scheme
        disabled = icons.icon("users").pixmap(48, 48, QIcon.Mode.Disabled).toImage()
        assert any(
            disabled.pixelColor(x, y).rgb() != expected.rgb() and disabled.pixelColor(x, y).alpha() == 255
            for x in range(48)
            for y in range(48)
        )


def test_the_settings_page_switches_the_scheme(
    qtbot: QtBot, window: MainWindow, settings: Settings, restored_look: None
) -> None:
    """E5: Settings → Appearance offers System / Light / Dark and applies the pick at once."""
    window.show_page("settings")
    box = window.stack.currentWidget().findChild(QComboBox, "colorSchemeCombo")
    assert box is not None and box.isEnabled()
    assert [box.itemData(row) for row in range(box.count())] == list(theme.CHOICES)
    assert [box.itemText(row) for row in range(box.count())] == ["As the system", "Light", "Dark"]
    box.setCurrentIndex(box.findData(theme.DARK))
    assert window_is_dark()
    assert settings.value(ui_settings.COLOR_SCHEME) == theme.DARK
    box.setCurrentIndex(box.findData(theme.LIGHT))
    assert not window_is_dark()


def test_scheme_and_scale_options() -> None:
    parser = entry.build_parser()
    args = parser.parse_args(["--scheme", "dark", "--scale", "150%"])
    assert args.scheme == "dark" and args.scale == 1.5
    assert parser.parse_args(["--scale", "2"]).scale == 2.0
    for wrong in ("0", "huge", "900%"):
        with pytest.raises(SystemExit):
            parser.parse_args(["--scale", wrong])


def test_a_dark_screenshot_and_the_look_afterwards(tmp_path: Path, qapp: QApplication) -> None:
    """E5: ``--scheme dark`` renders the page dark; at the end of the run the application's look is
    what it was (``main`` runs many times in one test process)."""
    target = tmp_path / "dark.png"
    assert entry.main(["--demo", "--screenshot", str(target), "--page", "settings", "--scheme", "dark"]) == 0
    image = QImage(str(target))
    assert image.width() == 1280
    assert image.pixelColor(image.width() // 2, image.height() // 2).lightness() < 100, "the page is dark"
    assert not window_is_dark()


def test_error_red_stays_readable_in_both_schemes(manager: ThemeManager) -> None:
    """E5: error texts are a dark red on light windows and a light red on dark ones."""
    from PySide6.QtGui import QColor

    for scheme in (theme.LIGHT, theme.DARK):
        manager.choose(scheme)
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        red = QColor(theme.error_text_colour())
        assert abs(red.lightness() - window.lightness()) > 80, scheme


def _table(qtbot: QtBot) -> QTableView:
    """A shown table of a few rows, one of them selected and current, with an italic and a
    right-aligned cell, registered with :func:`theme.plain_cells`."""
    model = QStandardItemModel(6, 3)
    for row in range(6):
        for column in range(3):
            model.setItem(row, column, QStandardItem(f"Zelle {row}/{column} Müller GmbH & Co. KG"))
    italic = model.item(1, 0).font()
    italic.setItalic(True)
    model.item(1, 0).setFont(italic)
    model.item(2, 2).setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.setParent(view)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.resize(420, 220)
    view.selectionModel().setCurrentIndex(
        model.index(3, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    theme.plain_cells(view)
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    return view


def test_large_views_draw_their_cells_without_python_and_look_the_same(
    manager: ThemeManager, qtbot: QtBot, qapp: QApplication
) -> None:
    """E5, issue 8: while the application uses FusionStyle (the dark scheme where the platform has
    none), a view registered with ``plain_cells`` draws its cells with a plain Fusion — no call into
    Python per cell — and looks exactly as with FusionStyle; it follows the application's style
    when that changes, and at the end of the run."""
    manager.start(theme.LIGHT)
    view = _table(qtbot)
    manager.choose(theme.DARK)
    assert isinstance(qapp.style(), theme.FusionStyle)
    assert not isinstance(view.style(), theme.FusionStyle) and view.style().name().lower() == "fusion"
    QTest.qWait(20)
    plain = view.grab().toImage()
    view.setStyle(None)  # type: ignore[arg-type]  # the application's FusionStyle, as before
    assert isinstance(view.style(), theme.FusionStyle)
    assert view.grab().toImage() == plain, "pixel for pixel as with FusionStyle"
    theme.plain_cells(view)
    assert not isinstance(view.style(), theme.FusionStyle)
    late = _table(qtbot)  # registered while dark
    assert late.style() is view.style()
    manager.shutdown()
    assert not isinstance(qapp.style(), theme.FusionStyle)
    assert view.style() is qapp.style() and late.style() is qapp.style()
