"""A note over a view while its data loads on a worker (S5, section 8): "Loading role assignments…".

The view stays where it is (empty on the first visit, the old rows on a reload) and the note covers
its viewport, centred, until the page hides it. No timer and no widget per row: one label that
follows the viewport's size.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QWidget

from mandant_desktop.ui.viewports import viewport_of


class LoadingNote(QLabel):
    def __init__(self, view: QWidget, object_name: str) -> None:
        host = viewport_of(view) if isinstance(view, QAbstractScrollArea) else view
        super().__init__(host)
        self.setObjectName(object_name)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.setFont(font)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, but readable
        host.installEventFilter(self)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        host = self.parentWidget()
        if host is not None:
            self.setGeometry(host.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False
