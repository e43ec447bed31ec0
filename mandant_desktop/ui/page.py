"""The common base of the main window's pages, and the honest placeholder of pages not built yet.

A page declares its ID (the ``--page`` argument), its objectName (SPEC section 9), the permission
it needs to exist at all (``<area>.view``, SPEC S1), its icon and its title. The main window asks
a page for its search field (Ctrl+F), to refresh (F5), and whether it has unsaved changes before
the database is switched.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, ClassVar, Protocol

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QEvent, QObject, Qt, QTimerEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QLineEdit, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import AppContext
    from mandant_desktop.services.operator import Operator
    from mandant_desktop.ui.i18n import LanguageManager
    from mandant_desktop.ui.settings import Settings
    from mandant_desktop.ui.theme import ThemeManager


class Shell(Protocol):
    """What a page may ask of the window around it."""

    def change_database(self) -> None: ...

    def show_status(self, text: str, timeout_ms: int = 5000) -> None: ...


class PageKind(Protocol):
    """What the navigation knows of a page: a :class:`Page` subclass, or a
    :class:`~mandant_desktop.ui.pages.PageEntry` that imports the class when first called."""

    @property
    def page_id(self) -> str: ...

    @property
    def icon_name(self) -> str: ...

    @property
    def permission(self) -> str: ...

    def title(self) -> str: ...

    def available_to(self, operator: Operator) -> bool: ...

    def __call__(self, context: PageContext) -> Page: ...


class TenantFilterState(QObject):
    """The toolbar's tenant filter (SPEC T9), shared by every page of a session.

    ``ids`` is None when no filter is on. Setting it emits ``changed``; pages reload themselves.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: frozenset[int] | None = None

    @property
    def ids(self) -> frozenset[int] | None:
        return self._ids

    def set_ids(self, ids: frozenset[int] | None) -> None:
        if ids != self._ids:
            self._ids = ids
            self.changed.emit()


@dataclass(frozen=True)
class PageContext:
    """Everything a page works with; built by the main window for the logged-in operator."""

    app: AppContext
    operator: Operator
    settings: Settings
    language: LanguageManager
    shell: Shell
    tenant_filter: TenantFilterState = field(default_factory=TenantFilterState)
    #: the colour scheme (settings page); None where a test builds a page without a window
    theme: ThemeManager | None = None

    def current_operator(self) -> Operator:
        """The operator to pass to services: the logged-in one, carrying the active tenant filter."""
        return replace(self.operator, tenant_filter=self.tenant_filter.ids)


#: the most passes :meth:`Page.settle_layout` makes (the start's tenants page settles in four)
SETTLE_PASSES = 8


class Page(QWidget):
    page_id: ClassVar[str] = ""
    object_name: ClassVar[str] = ""
    permission: ClassVar[str] = ""
    icon_name: ClassVar[str] = ""
    #: English title, marked for lupdate with QT_TRANSLATE_NOOP("Pages", …)
    title_source: ClassVar[str] = ""

    #: a part of the page was built after the page itself (a tab built when first shown, issue 8):
    #: the window gives its widgets what it gave the page's when it was shown (keys, icons, help)
    grown = Signal(QWidget)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName(self.object_name)
        context.tenant_filter.changed.connect(self.tenant_filter_changed)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("Pages", cls.title_source)

    @classmethod
    def available_to(cls, operator: Operator) -> bool:
        return operator.can(cls.permission)

    def search_field(self) -> QLineEdit | None:
        """The page's search box, focused by Ctrl+F; None when the page has none."""
        return None

    def refresh(self) -> bool:
        """Reload from the database (F5); False when the page shows nothing that could be reloaded."""
        return False

    def has_unsaved_changes(self) -> bool:
        return False

    def settle_layout(self) -> None:
        """Carry out now the layout that the page's last changes asked for, rather than after the
        window's next paint (issue 8: the start's first frame is its final one).

        A change of data asks for its geometry later: a label's new text posts a layout request,
        an item view lays out its items, sizes its header's sections and resizes columns on
        zero-interval timers, and a scroll area shows or hides a scroll bar in a queued call. Qt
        delivers all of them in the event loop's next pass. At the start the tenants page takes
        its data just before the window's first paint (its Expose), in the same pass, so without
        this that paint used the old sizes and the page was laid out and painted again right after
        it (docs/profiles/2026-12-04-start-paint, -start-frame). This delivers the posted layout
        requests and updates, the scroll areas' queued calls and the item views' due zero-interval
        timers, pass after pass until no such timer is left (at most :data:`SETTLE_PASSES`)."""
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is None:
            return
        quiet = 0
        for _ in range(SETTLE_PASSES):
            areas = self.findChildren(QAbstractScrollArea)
            for area in areas:
                QCoreApplication.sendPostedEvents(area, QEvent.Type.MetaCall)  # scroll bars shown or hidden
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateLater)
            due = [
                (area, timer.timerId)
                for area in areas
                for timer in dispatcher.registeredTimers(area)
                if timer.interval == 0
            ]
            for area, timer_id in due:
                QCoreApplication.sendEvent(area, QTimerEvent(timer_id))
            quiet = 0 if due else quiet + 1
            if quiet == 2:  # what the last timers asked for has been delivered too
                return

    def operator(self) -> Operator:
        """Who acts on this page, with the toolbar's tenant filter applied (SPEC T9)."""
        return self.context.current_operator()

    def tenant_filter_changed(self) -> None:
        """The toolbar's tenant filter changed; a page that shows tenant data reloads."""
        self.refresh()

    def retranslateUi(self) -> None:
        """Apply every user-visible text again; called at the end of ``__init__`` and on a language switch."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class PlaceholderPage(Page):
    """A page whose feature is not built yet says so, and shows nothing that looks like data."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._heading = QLabel()
        self._heading.setObjectName("pageHeading")
        font = QFont(self._heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self._heading.setFont(font)
        self._note = QLabel()
        self._note.setObjectName("placeholderNote")
        self._note.setWordWrap(True)
        self._note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self._heading)
        layout.addWidget(self._note)
        layout.addStretch(1)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self._heading.setText(self.title())
        self._note.setText(
            QCoreApplication.translate(
                "Pages", "This page is being built; see the issue list for what it will offer and when."
            )
        )
