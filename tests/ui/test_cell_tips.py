"""A cell whose text is cut off shows it whole in its tooltip (SPEC E5: long names stay readable).

On the small demo: a column narrowed until the name does not fit; the viewport's tooltip event, as
the pointer resting on the cell sends it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QToolTip
from pytestqt.qtbot import QtBot

from mandant_desktop.ui import tasks
from mandant_desktop.ui.main_window import MainWindow


def hover_tip(qtbot: QtBot, view: QAbstractItemView, row: int, column: int) -> str:
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    index = view.model().index(row, column)
    pos = view.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_a_cut_off_name_shows_whole_in_its_tooltip(qtbot: QtBot, demo_window: MainWindow) -> None:
    """E5, C1: the customer's name in a narrowed column is in the tooltip; a number that fits has none."""
    assert demo_window.show_page("customers")
    page = demo_window.current_page()
    assert page is not None
    view = page.findChild(QTableView, "customerTable")
    qtbot.waitUntil(lambda: tasks.runner().active() == 0 and view.model().rowCount() > 0)
    header = view.horizontalHeader()
    header.resizeSection(1, 40)
    header.resizeSection(0, 200)
    name = view.model().index(0, 1).data()

    assert hover_tip(qtbot, view, 0, 1) == name
    assert hover_tip(qtbot, view, 0, 0) == ""

    header.resizeSection(1, 600)
    assert hover_tip(qtbot, view, 0, 1) == ""
    QToolTip.hideText()


def test_a_cut_off_tenant_name_in_the_tree_too(qtbot: QtBot, demo_window: MainWindow) -> None:
    """E5, T1: the tenant tree, narrowed."""
    assert demo_window.show_page("tenants")
    page = demo_window.current_page()
    assert page is not None
    tree = page.findChild(QAbstractItemView, "tenantList")
    qtbot.waitUntil(lambda: tasks.runner().active() == 0 and tree.model().rowCount() > 0)
    header = tree.header()  # type: ignore[attr-defined]
    header.setStretchLastSection(False)  # as a narrow tree would show it
    header.resizeSection(0, 60)
    name = tree.model().index(0, 0).data()
    own = tree.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert hover_tip(qtbot, tree, 0, 0) == f"{name}\n{own}"  # the name, above what the model said
    QToolTip.hideText()
