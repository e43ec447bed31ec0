"""Small helpers shared by the dialogs that are built in code."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.ui import icons, theme

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import AppContext

#: opens the connection dialog; returns the newly opened database, or None when nothing changed
ChooseDatabase = Callable[[QWidget], "AppContext | None"]


def text_width(widget: QWidget, characters: float) -> int:
    """The width of ``characters`` average characters in ``widget``'s font (E5).

    A width in pixels stays as it is when the font is larger (another platform, a larger text size
    set by the user) and the texts are longer (German); one in characters grows with them. The scale
    factor (``--scale``) enlarges pixels and fonts alike, so it needs neither.
    """
    return math.ceil(widget.fontMetrics().averageCharWidth() * characters)


def placeholder_width(edit: QLineEdit) -> int:
    """The width ``edit`` needs to show its placeholder whole (E5), beside its clear button and the
    icons of its actions."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    margins = edit.textMargins()
    # Qt's line edits keep two pixels of horizontal margin on each side of the text.
    text = edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + margins.left() + margins.right() + 4
    size = edit.style().sizeFromContents(
        QStyle.ContentsType.CT_LineEdit, option, QSize(text, edit.sizeHint().height()), edit
    )
    # The clear button and each action's icon sit on the text's line.
    return size.width() + sum(button.sizeHint().width() for button in edit.findChildren(QToolButton))


def fit_placeholder(edit: QLineEdit, at_least: int = 0) -> None:
    """Make ``edit`` at least as wide as its placeholder (a field's label there; the German ones are
    long) and ``at_least``; call it again when the placeholder changes (a language switch)."""
    edit.setMinimumWidth(max(at_least, placeholder_width(edit)))


def open_at_least(dialog: QWidget, characters: float, lines: float = 0) -> None:
    """Open ``dialog`` at least ``characters`` wide and ``lines`` of text high, and never smaller
    than its layout asks for; call it once the dialog is built and its texts are set.

    Not setMinimumWidth: an explicit minimum replaces the layout's, so German texts and larger fonts
    were cut wherever the layout needed more, and the dialog could never be made narrower.
    """
    hint = dialog.sizeHint()
    width = max(hint.width(), text_width(dialog, characters))
    height = max(hint.height(), dialog.heightForWidth(width), math.ceil(dialog.fontMetrics().lineSpacing() * lines))
    dialog.resize(width, height)


class MessageLabel(QLabel):
    """The line under a form that says what went wrong (or went well), in words, not in a box."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)
        self._is_error = False
        self._recolouring = False

    def show_error(self, text: str) -> None:
        self._is_error = True
        self._show(text)

    def show_info(self, text: str) -> None:
        self._is_error = False
        self._show(text)

    @property
    def is_error(self) -> bool:
        return self._is_error and bool(self.text())

    def clear_message(self) -> None:
        self._is_error = False
        self.clear()
        self.setVisible(False)

    def _show(self, text: str) -> None:
        self.setText(text)
        self._apply_colour()
        self.setVisible(bool(text))

    def _apply_colour(self) -> None:
        # Setting a style sheet sends a PaletteChange itself; do not answer our own.
        self._recolouring = True
        try:
            if not self._is_error:
                self.setStyleSheet("")
                return
            # Dark schemes need a lighter red to stay readable.
            self.setStyleSheet(f"color: {theme.error_text_colour()};")
        finally:
            self._recolouring = False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.text() and not self._recolouring:
            self._apply_colour()
        super().changeEvent(event)


def password_edit(object_name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def line_edit(object_name: str, *, max_length: int = 200) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setMaxLength(max_length)
    return edit


def connection_summary(app: AppContext) -> str:
    return f"{app.profile_name} ({app.backend})"


class ConnectionLine(QWidget):
    """The row "Database: Local database (SQLite) [Change…]": which database a log-in goes to.

    ``caption`` is the row's label, for ``QFormLayout.addRow(line.caption, line)``.
    """

    change_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionLine")
        self.caption = QLabel()
        self.value = QLabel()
        self.value.setObjectName("connectionName")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.change_button = QPushButton()
        self.change_button.setObjectName("changeConnectionButton")
        self.change_button.setAutoDefault(False)
        self.change_button.clicked.connect(self.change_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.change_button)
        self.retranslateUi()

    def show_app(self, app: AppContext) -> None:
        self.value.setText(connection_summary(app))
        self.value.setToolTip(app.display_url)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.caption.setText(self.tr("Database:"))
        self.change_button.setText(self.tr("C&hange…"))


class DialogHeader(QWidget):
    """The application icon and a bold line of text at the top of the start-up dialogs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.icon.setPixmap(icons.icon(icons.APP_ICON).pixmap(40, 40))
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(12)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)


class ConnectionBanner(QFrame):
    """The strip above the pages while the database cannot be reached (SPEC S5)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("connectionRetryButton")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry_button)
        #: the style sheet is set when the banner is first shown: a window that never loses its
        #: connection never pays for it (Qt's style-sheet style, about 2 ms at start; issue 8)
        self._coloured = False
        self.setVisible(False)
        self.retranslateUi()

    def setVisible(self, visible: bool) -> None:
        if visible and not self._coloured:
            self._coloured = True
            self._apply_colours()
        super().setVisible(visible)

    def _apply_colours(self) -> None:
        dark = theme.is_dark()
        background, foreground = ("#78350f", "#fef3c7") if dark else ("#fef3c7", "#78350f")
        self.setStyleSheet(
            f"#connectionBanner {{ background: {background}; border-bottom: 1px solid {foreground}; }}"
            f" #connectionBanner QLabel {{ color: {foreground}; }}"
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        self.text.setText(
            self.tr(
                "Connection to the database lost — not saved. What you typed is kept; the program reconnects "
                "by itself as soon as the database answers again."
            )
        )
        self.retry_button.setText(self.tr("&Try now"))
