"""A scroll area's viewport, fetched without PySide's sweep of every QWidget subclass (issue 8).

``view.viewport()`` hands PySide a ``QWidget*`` it has no wrapper for yet. To find the most derived
Python type of such an object, PySide resolves every lazily loaded class derived from QWidget —
QWizard, QColorDialog, QGraphicsView, QMdiArea and some sixty more — and creates all of their enum
classes: about 4 ms of the main thread at the start, for classes the start never uses.
``findChild(QWidget, name)`` asks for a QWidget exactly and wraps the viewport without that sweep;
``viewport()`` then returns the same wrapper. The result is the viewport in every case: a view
whose viewport was replaced (another object name) goes the ordinary way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

#: the object name Qt gives the viewport a QAbstractScrollArea makes itself
VIEWPORT_NAME = "qt_scrollarea_viewport"


def viewport_of(view: QAbstractScrollArea) -> QWidget:
    """``view.viewport()``, wrapped by PySide as a QWidget without resolving its subclasses."""
    view.findChild(QWidget, VIEWPORT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return view.viewport()
