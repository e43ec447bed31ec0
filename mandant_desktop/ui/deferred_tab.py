"""A tab whose page is built the first time it is shown or asked for (issue 8).

The start shows one tab of a tab widget; building the others (their views, headers, delegates)
before the window is usable costs the start time for widgets nobody sees yet. A
:class:`DeferredTab` stands in the tab widget in their place: an empty page that builds its
content when it is first shown (before that show paints anything) or when code asks for it
(:meth:`DeferredTab.content`), and then holds it filling the whole page.

The tab keeps the name of the content it stands for (:func:`tab_name`), so that the tab remembered
last (SPEC E4, :func:`~mandant_desktop.ui.layout_memory.remember_tab`) is saved and found under the
same name whether its page has been built or not.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

#: the dynamic property with the name of the content a tab's page stands for
TAB_NAME = "tabName"


def tab_name(page: QWidget) -> str:
    """The name a tab is remembered by: the objectName of its content (a deferred tab's content's,
    built or not)."""
    name = page.property(TAB_NAME)
    return str(name) if name else page.objectName()


class DeferredTab(QWidget):
    """The page of a tab whose content ``build`` makes when the page is first shown or
    :meth:`content` is first called; ``name`` is the objectName the content will have."""

    #: the content was just built; with this page, which holds it (for what else the content's
    #: widgets need: keys, icons, help)
    built = Signal(QWidget)

    def __init__(self, name: str, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Tab")
        self.setProperty(TAB_NAME, name)
        self._build: Callable[[], QWidget] | None = build
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def is_built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        """The content, built now if it was not yet."""
        if self._content is None:
            build, self._build = self._build, None
            assert build is not None, "the content is being built"  # asked for from its own build
            content = build()
            self._layout.addWidget(content)
            self._content = content
            if self.isVisible():
                # Added to a shown page, the layout would show it only in a later event.
                content.show()
            self.built.emit(self)
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)
