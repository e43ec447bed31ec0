"""The keys every page answers the same way (SPEC E2).

Pages own their actions for Ctrl+N, Del and Ctrl+S (each knows what "new" means for it); the main
window owns Ctrl+F, F5 and F6. This module fills the gaps uniformly:

* a key a page has no action for still answers, with a status-bar note saying why nothing
  happened (:class:`KeyboardController`'s fallback actions are enabled only on such pages, so
  that a key never has two enabled owners — Qt would call that ambiguous and do nothing);
* the Menu key and Shift+F10 open the context menu of any item view with a custom context menu
  at its current item (:func:`install_menu_keys`), unless the view has its own action for them;
* Tab leaves a list for the next control (:func:`leave_with_tab`);
* Ctrl+C copies the selected rows of any list as tab-separated text (:mod:`copy_rows`);
* F6 and Shift+F6 move the focus between the page navigation and the page, back to where it was;
* Enter on a list whose rows are shown in a pane beside it goes into that pane, Esc back
  (:func:`enter_opens_detail`).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QFocusEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from shiboken6 import isValid

from mandant_desktop.ui import help_texts
from mandant_desktop.ui.cell_tips import install_cell_tips
from mandant_desktop.ui.copy_rows import install_copy_keys
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from mandant_desktop.ui.page import Page

CONTEXT = "Keyboard"


class PageKey(Enum):
    """A key whose meaning each page defines; the value is the note shown where it has none."""

    NEW = QT_TRANSLATE_NOOP("Keyboard", "There is nothing to create on this page.")
    DELETE = QT_TRANSLATE_NOOP("Keyboard", "There is nothing to delete here. Select a row in a list first.")
    SAVE = QT_TRANSLATE_NOOP("Keyboard", "There is no form to save on this page; changes here are saved at once.")

    def sequences(self) -> list[QKeySequence]:
        return {
            PageKey.NEW: [QKeySequence(QKeySequence.StandardKey.New)],
            PageKey.DELETE: [QKeySequence(Qt.Key.Key_Delete)],
            PageKey.SAVE: [QKeySequence(QKeySequence.StandardKey.Save)],
        }[self]

    def note(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.value)


MENU_KEYS = (QKeySequence("Shift+F10"), QKeySequence(Qt.Key.Key_Menu))


def _has_sequence(actions: list[QAction], wanted: list[QKeySequence]) -> bool:
    return any(sequence in action.shortcuts() for action in actions for sequence in wanted)


def page_handles(page: QWidget, key: PageKey) -> bool:
    """Whether ``page`` (or anything on it) has an action bound to ``key``."""
    return _has_sequence(page.findChildren(QAction), key.sequences())


def open_menu_at_current(view: QAbstractItemView) -> None:
    """Ask ``view`` for its context menu at its current item (or its top left when it has none)."""
    current = view.currentIndex()
    if current.isValid():
        view.scrollTo(current)
        pos = view.visualRect(current).center()
    else:
        pos = QPoint(8, 8)
    view.customContextMenuRequested.emit(pos)


def install_menu_keys(root: QWidget) -> int:
    """Give every item view under ``root`` with a custom context menu the Menu key and Shift+F10;
    views that have such an action already keep theirs. Returns how many views got one."""
    added = 0
    for view in root.findChildren(QAbstractItemView):
        if view.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu:
            continue
        if _covered(view, root):
            continue
        action = QAction(view)
        action.setObjectName("keyboardMenuAction")
        action.setShortcuts(list(MENU_KEYS))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False, v=view: open_menu_at_current(v))
        view.addAction(action)
        added += 1
    return added


ENTER_KEYS = (QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter))


def enter_opens_detail(view: QAbstractItemView, detail: QWidget, name: str) -> QAction:
    """Enter on ``view`` takes the keyboard into ``detail``, the pane that shows its current row
    (a role's permissions, an audit entry's changed fields, a mail's text); Esc there comes back.
    Returns the Enter action, for the view's context menu. SPEC E2."""
    enter = QAction(view)
    enter.setObjectName(name)
    enter.setShortcuts(list(ENTER_KEYS))
    enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    enter.triggered.connect(lambda _checked=False: _enter_detail(view, detail))
    view.addAction(enter)
    back = QAction(detail)
    back.setObjectName(f"{name}Back")
    back.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    back.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    back.triggered.connect(lambda _checked=False: view.setFocus(Qt.FocusReason.ShortcutFocusReason))
    detail.addAction(back)
    return enter


def _enter_detail(view: QAbstractItemView, detail: QWidget) -> None:
    if not view.currentIndex().isValid():
        return
    if isinstance(detail, QAbstractItemView) and not detail.currentIndex().isValid():
        model = detail.model()
        if model is not None and model.rowCount(detail.rootIndex()) > 0:
            detail.setCurrentIndex(model.index(0, 0, detail.rootIndex()))
    detail.setFocus(Qt.FocusReason.ShortcutFocusReason)


def leave_with_tab(root: QWidget) -> None:
    """Tab and Shift+Tab leave every item view under ``root`` for the next control, as in a dialog;
    a list of whole rows entered with the keyboard selects the row it shows the focus on.

    Qt's tables move Tab from cell to cell by default; in our lists, which select whole rows (and in
    the assignment grid, where the arrows do that), the user saw nothing move and could not tab past
    the table to the buttons below it: a keyboard trap. The arrows still move between cells.
    Tabbing into a list with nothing selected, Qt puts the focus frame on its first row but selects
    nothing, so Enter, F2 and Del (which act on the selection) did nothing there."""
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
        if (
            view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
            and view.findChild(_SelectOnKeyboardFocus) is None
        ):
            _SelectOnKeyboardFocus(view)


class _SelectOnKeyboardFocus(QObject):
    """On focus by Tab, Shift+Tab or F6: select the current row when nothing is selected."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        view.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(event, QFocusEvent)
            and event.reason()
            in (
                Qt.FocusReason.TabFocusReason,
                Qt.FocusReason.BacktabFocusReason,
                Qt.FocusReason.ShortcutFocusReason,
            )
        ):
            # After Qt's own focus handling, which sets the current row first.
            QTimer.singleShot(0, self, self._select_current)
        return False

    def _select_current(self) -> None:
        view = self._view
        selection = view.selectionModel()
        if selection is None or selection.hasSelection() or view.model() is None:
            return
        current = view.currentIndex()
        if not current.isValid() and view.model().rowCount(view.rootIndex()) > 0:
            current = view.model().index(0, 0, view.rootIndex())
        if current.isValid():
            selection.setCurrentIndex(
                current, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )


def _covered(view: QWidget, root: QWidget) -> bool:
    """Whether the view or a widget around it (up to ``root``) has its own action for the menu keys."""
    widget: QWidget | None = view
    while widget is not None:
        if _has_sequence(widget.actions(), list(MENU_KEYS)):
            return True
        if widget is root:
            break
        widget = widget.parentWidget()
    return False


class KeyboardController(QObject):
    """The main window's part of E2: fallbacks for the page keys, and F6 between the two halves."""

    def __init__(
        self,
        window: QWidget,
        navigation: QWidget,
        current_page: Callable[[], Page | None],
        show_status: Callable[[str, int], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._navigation = navigation
        self._current_page = current_page
        self._show_status = show_status
        #: the widget of each page that had the focus last, for F6 back into the page
        self._last_focus: dict[str, QWidget] = {}
        self.fallbacks: dict[PageKey, QAction] = {}
        for key in PageKey:
            action = QAction(window)
            action.setObjectName(f"fallback{key.name.title()}Action")
            action.setShortcuts(key.sequences())
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, k=key: self._show_status(k.note(), 4000))
            window.addAction(action)
            self.fallbacks[key] = action
        self.cycle_action = QAction(window)
        self.cycle_action.setObjectName("cycleFocusAction")
        self.cycle_action.setShortcuts([QKeySequence(Qt.Key.Key_F6), QKeySequence("Shift+F6")])
        self.cycle_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.cycle_action.triggered.connect(self.cycle_focus)
        window.addAction(self.cycle_action)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def page_shown(self, page: Page) -> None:
        """A page became current: its views get the menu and copy keys and the tooltips of cut-off
        cells, its controls their help, and the fallbacks cover the keys it lacks."""
        self._equip(page)
        self._cover(page)

    def part_built(self, page: Page, part: QWidget) -> None:
        """A part of ``page`` was built after the page (a tab built when first shown): its widgets
        get what :meth:`page_shown` gives a page's (again when the page is next shown)."""
        self._equip(part)
        if page is self._current_page():
            self._cover(page)

    def _equip(self, root: QWidget) -> None:
        install_menu_keys(root)
        leave_with_tab(root)
        install_copy_keys(root, self._show_status)
        install_cell_tips(root)
        help_texts.apply(root)

    def _cover(self, page: Page) -> None:
        for key, action in self.fallbacks.items():
            action.setEnabled(not page_handles(page, key))

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Found through the parents, not the window: focus moves while a closing window is torn down.
        from mandant_desktop.ui.page import Page

        widget = new
        while widget is not None and not isinstance(widget, Page):
            widget = widget.parentWidget()
        if isinstance(widget, Page) and new is not None:
            self._last_focus[widget.page_id] = new

    def cycle_focus(self) -> None:
        """F6: from the navigation into the page (where its focus was), from the page to the navigation."""
        page = self._current_page()
        focus = QApplication.focusWidget()
        in_page = page is not None and focus is not None and page.isAncestorOf(focus)
        if in_page or page is None:
            self._navigation.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        target = self._last_focus.get(page.page_id)
        if (
            target is None
            or not isValid(target)
            or not page.isAncestorOf(target)
            or not target.isVisible()
            or not target.isEnabled()
        ):
            target = first_focusable(page)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def first_focusable(root: QWidget) -> QWidget | None:
    """The first widget in ``root``'s focus chain that takes the keyboard focus."""
    widget = root.nextInFocusChain()
    seen = 0
    while widget is not None and widget is not root and seen < 2000:
        if (
            root.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return widget
        widget = widget.nextInFocusChain()
        seen += 1
    return None
