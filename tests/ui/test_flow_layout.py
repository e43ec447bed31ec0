"""Rows that wrap instead of widening the window: the flow layout, and the main window on a
1,024-pixel screen in German (SPEC E5, E1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QRect
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from mandant_desktop.ui.flow_layout import FlowLayout, group
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow


def _row(qtbot: QtBot) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder, spacing=6, line_spacing=4)
    buttons = [
        QPushButton(text) for text in ("Vollzugriff", "Nur lesen", "Versteckt", "Auf Tochtermandanten übertragen")
    ]
    for button in buttons:
        flow.addWidget(button)
    return holder, flow, buttons


def test_a_flow_asks_for_its_widest_item_and_wraps_below_it(qtbot: QtBot) -> None:
    """E5: as narrow as its widest item; the others go onto further lines, none is cut or overlaps."""
    _holder, flow, buttons = _row(qtbot)
    widest = max(button.sizeHint().width() for button in buttons)
    assert flow.minimumSize().width() == widest
    one_line = sum(b.sizeHint().width() for b in buttons) + 6 * 3
    assert flow.sizeHint().width() == one_line
    flow.setGeometry(QRect(0, 0, one_line, flow.heightForWidth(one_line)))
    assert len({button.geometry().y() for button in buttons}) == 1
    flow.setGeometry(QRect(0, 0, widest, flow.heightForWidth(widest)))
    tops = [button.geometry().y() for button in buttons]
    assert len(set(tops)) >= 3 and flow.heightForWidth(widest) > 2 * flow.heightForWidth(one_line)
    for button in buttons:
        assert button.geometry().width() >= button.sizeHint().width()
        assert button.geometry().right() < widest
    rects = [button.geometry() for button in buttons]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_fields_share_the_spare_width_and_actions_sit_right(qtbot: QtBot) -> None:
    """A field grows into a line's spare width as in a QHBoxLayout; without a field, the items
    after align_right_from's index sit at the right edge while all fit on one line."""
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder, spacing=6)
    label, field = QLabel("Suchen:"), QLineEdit()
    labelled = group(label, field)
    flow.addWidget(labelled)
    flow.setGeometry(QRect(0, 0, 900, 40))
    assert labelled.geometry().width() == 900
    other = QWidget()
    qtbot.addWidget(other)
    actions = FlowLayout(other, spacing=6)
    left, right = QPushButton("Filtern"), QPushButton("Exportieren")
    actions.addWidget(left)
    actions.addWidget(right)
    actions.align_right_from(1)
    actions.setGeometry(QRect(0, 0, 900, 40))
    assert left.geometry().x() == 0 and right.geometry().right() == 899


def _squeezed(page: QWidget) -> list[str]:
    """The buttons and one-line labels shown narrower than their text needs."""
    found = []
    for child in [*page.findChildren(QPushButton), *page.findChildren(QLabel)]:
        if not child.isVisibleTo(page) or (isinstance(child, QLabel) and child.wordWrap()):
            continue
        if child.width() < child.minimumSizeHint().width():
            found.append(f"{type(child).__name__} {child.objectName() or child.text()!r}")
    return found


def test_a_flow_arranges_a_width_once_until_the_window_lays_out_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E5, issue 8: one relayout of a page asks a flow the same few widths dozens of times; each is
    arranged once. A flow inside another layout hears of a longer text when the window lays out
    again (Qt invalidates every layout first, as it does a nested QBoxLayout's cache), and then
    answers with the new height."""
    holder = QWidget()
    qtbot.addWidget(holder)
    outer = QVBoxLayout(holder)
    flow = FlowLayout(spacing=6)
    outer.addLayout(flow)
    buttons = [QPushButton(text) for text in ("Vollzugriff", "Nur lesen", "Versteckt")]
    for button in buttons:
        flow.addWidget(button)
    one_line = sum(button.sizeHint().width() for button in buttons) + 6 * 2
    arranged: list[int] = []
    arrange = flow._arrange
    monkeypatch.setattr(
        flow, "_arrange", lambda rect, *, move: arranged.append(rect.width()) or arrange(rect, move=move)
    )
    height = flow.heightForWidth(one_line)
    assert flow.heightForWidth(one_line) == height and flow.heightForWidth(one_line) == height
    assert arranged == [one_line]
    buttons[-1].setText("Versteckt für alle Tochtermandanten")
    outer.activate()  # what the window's LayoutRequest does (it lays the holder out too)
    arranged.clear()
    taller = flow.heightForWidth(one_line)
    assert taller > height and flow.heightForWidth(one_line) == taller  # two lines now
    assert arranged == [one_line]


def test_the_main_window_fits_1024_pixels_in_german_with_every_page(
    qtbot: QtBot, window: MainWindow, language: LanguageManager
) -> None:
    """E5, E1: with every page built (a stacked widget needs its widest page's minimum) and the
    German texts, the main window needs no more than 1,024 pixels (it needed 1,235: the org units
    page's search row, the role assignment's filter row and status, the tenants page's action row,
    the audit log's filters); the rows wrap instead, and each page then shows at that width with no
    button or one-line label narrower than its text."""
    language.choose("de")
    QApplication.processEvents()
    for page_id in window.navigation_model.page_ids():
        assert window.show_page(page_id)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert window.minimumSizeHint().width() <= 1024, window.minimumSizeHint()
    window.resize(1024, 768)
    for page_id in window.navigation_model.page_ids():
        window.show_page(page_id)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        page = window.current_page()
        assert page is not None and window.width() == 1024
        assert not _squeezed(page), (page_id, _squeezed(page))
