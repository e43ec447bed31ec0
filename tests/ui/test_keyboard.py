"""Every page answers the standard keys (SPEC E2): Ctrl+N, Del, Ctrl+F, F5, Ctrl+S, the Menu key and
Shift+F10, and F6 between the navigation and the page.

The pages run on the small demo database, so that every list has a row to act on. Dialogs do not
block: ``QDialog.exec``/``open`` are replaced by a recorder that rejects; questions go to the
scripted interaction service, which answers No — so nothing is ever deleted here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from uihelpers import FakeInteraction

from mandant_desktop.services.users import DisplayStatus
from mandant_desktop.ui import tasks
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.keyboard import PageKey
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.mnemonics import is_note
from mandant_desktop.ui.page import Page
from mandant_desktop.ui.pages import PAGE_IDS
from mandant_desktop.ui.users.page import UsersPage

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@dataclass
class Recorder:
    """What a key press did: dialogs opened, menus shown."""

    dialogs: list[str] = field(default_factory=list)
    menus: list[list[str]] = field(default_factory=list)
    watcher: QObject | None = None


class MenuWatcher(QObject):
    def __init__(self, seen: Recorder) -> None:
        super().__init__()
        self.seen = seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMenu):
            self.seen.menus.append([a.text() for a in watched.actions() if not a.isSeparator()])
            QTimer.singleShot(0, watched.close)
        return False


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorder]:
    seen = Recorder()

    def exec_dialog(dialog: QDialog) -> int:
        seen.dialogs.append(type(dialog).__name__)
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)

    def open_dialog(dialog: QDialog) -> None:
        seen.dialogs.append(type(dialog).__name__)
        dialog.reject()

    # QMenu.exec is a static overload that cannot be replaced: each menu is recorded when it shows
    # and closed from inside its own event loop.
    seen.watcher = MenuWatcher(seen)
    QApplication.instance().installEventFilter(seen.watcher)

    monkeypatch.setattr(QDialog, "exec", exec_dialog)
    monkeypatch.setattr(QDialog, "open", open_dialog)
    yield seen
    QApplication.instance().removeEventFilter(seen.watcher)


def show(qtbot: QtBot, window: MainWindow, page_id: str) -> Page:
    assert window.show_page(page_id)
    page = window.current_page()
    assert page is not None and page.page_id == page_id
    settle(qtbot)
    return page


def settle(qtbot: QtBot) -> None:
    """Until the work started on workers has come back to the GUI thread."""
    qtbot.waitUntil(lambda: tasks.runner().active() == 0, timeout=15000)
    qtbot.wait(1)


def main_view(page: Page) -> QAbstractItemView | None:
    """The view Del acts on (the one with a Del action), else the first view with a context menu;
    visible, with a row, its current row chosen."""
    delete = QKeySequence(Qt.Key.Key_Delete)
    candidates = [
        view
        for view in page.findChildren(QAbstractItemView)
        if view.isVisible()
        and view.model() is not None
        and view.model().rowCount() > 0
        and view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    ]
    candidates.sort(key=lambda v: not any(delete in a.shortcuts() for a in v.actions()))
    for view in candidates:
        if not view.currentIndex().isValid():
            view.setCurrentIndex(view.model().index(0, 0))
        return view
    return None


def press(
    qtbot: QtBot, target: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    target.setFocus()
    window = target.window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target or target.focusPolicy() == Qt.FocusPolicy.NoFocus)
    qtbot.keyClick(target, key, modifier)
    settle(qtbot)


#: what Ctrl+N does on each page: the dialog it opens, "ask" for a name asked, or the note that it has no "new"
NEW_EFFECT = {
    "tenants": "TenantDialog",
    "users": "AddUserDialog",
    "roles": "ask",
    "assignments": "note",
    "org-units": "ask",
    "customers": "CreateCustomerDialog",
    "contacts": "ContactDialog",
    "audit": "note",
    "settings": "note",
    "outbox": "note",
}
#: pages whose Del asks before it deletes (the others say there is nothing to delete)
DELETE_ASKS = {"tenants", "users", "roles", "assignments", "org-units", "customers", "contacts"}


def test_the_page_table_covers_every_page() -> None:
    assert set(NEW_EFFECT) == set(PAGE_IDS)


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_every_standard_key_on_every_page(
    qtbot: QtBot, demo_window: MainWindow, interactions: FakeInteraction, recorder: Recorder, page_id: str
) -> None:
    """E2: each key does its page's job, or says in the status bar why it does nothing here."""
    window = demo_window
    page = show(qtbot, window, page_id)
    status = window.statusBar()
    view = main_view(page)
    target: QWidget = view if view is not None else page

    # Ctrl+N
    interactions.messages.clear()
    status.clearMessage()
    press(qtbot, target, Qt.Key.Key_N, CTRL)
    effect = NEW_EFFECT[page_id]
    if effect == "note":
        assert status.currentMessage() == PageKey.NEW.note()
        assert recorder.dialogs == []
    elif effect == "ask":
        assert [m.kind for m in interactions.messages] == ["ask_text"], (status.currentMessage(), interactions.messages)
    else:
        assert recorder.dialogs == [effect]

    # Del: a question that is answered No, or the note
    interactions.messages.clear()
    interactions.default_confirm = False
    recorder.dialogs.clear()
    status.clearMessage()
    if view is not None:
        view = main_view(page)
    press(qtbot, view if view is not None else page, Qt.Key.Key_Delete)
    asked = [m for m in interactions.messages if m.kind == "confirm"] or recorder.dialogs
    if page_id == "users":
        assert view is not None
        asked = own_row_then_another(qtbot, window, page, view, interactions, asked)
    if page_id in DELETE_ASKS:
        assert asked, f"Del on {page_id} asked nothing"
    else:
        assert not asked
        assert status.currentMessage() == PageKey.DELETE.note()

    # Ctrl+F: the page's search field, or the note
    status.clearMessage()
    press(qtbot, page, Qt.Key.Key_F, CTRL)
    field = page.search_field()
    if field is not None:
        assert QApplication.focusWidget() is field
    else:
        assert status.currentMessage() == window.tr("This page has no search field.")

    # F5
    status.clearMessage()
    press(qtbot, page, Qt.Key.Key_F5)
    assert status.currentMessage() in {window.tr("Refreshed."), window.tr("This page has nothing to refresh yet.")}

    # Ctrl+S: tenants and settings have forms; elsewhere the note
    status.clearMessage()
    press(qtbot, page if view is None else view, Qt.Key.Key_S, CTRL)
    if page_id not in {"tenants", "settings"}:
        assert status.currentMessage() == PageKey.SAVE.note()


def own_row_then_another(
    qtbot: QtBot,
    window: MainWindow,
    page: Page,
    view: QAbstractItemView,
    interactions: FakeInteraction,
    asked: list[object],
) -> list[object]:
    """The users page: the demo's first row is the operator's own account, which the service never
    deactivates (S2). Del there says so plainly, instead of asking a question whose "Deactivate"
    would then be refused; on another user's row Del asks. Returns that question."""
    assert isinstance(page, UsersPage)
    operator = window.context.operator.id
    first = page.model.row_at(view.currentIndex().row())
    assert first is not None and first.id == operator, "the demo's first user is no longer the operator"
    told = interactions.of_kind("information")
    assert not asked and len(told) == 1 and "cannot deactivate your own account" in told[0].text
    other = next(
        row
        for row in range(page.model.rowCount())
        if (user := page.model.row_at(row)) is not None
        and user.id != operator
        and user.status is not DisplayStatus.DEACTIVATED
    )
    interactions.messages.clear()
    view.setCurrentIndex(view.model().index(other, 0))
    press(qtbot, view, Qt.Key.Key_Delete)
    return list(interactions.of_kind("confirm"))


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_menu_key_and_shift_f10_open_the_menu_of_the_current_item(
    qtbot: QtBot, demo_window: MainWindow, recorder: Recorder, page_id: str
) -> None:
    """E2: the context menu from the keyboard, at the focused view's current item."""
    page = show(qtbot, demo_window, page_id)
    views = [
        v
        for v in page.findChildren(QAbstractItemView)
        if v.isVisible() and v.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    ]
    for view in views:
        positions: list[QPoint] = []
        view.customContextMenuRequested.connect(lambda pos, seen=positions: seen.append(QPoint(pos)))
        model = view.model()
        if model is not None and model.rowCount() > 0:
            view.setCurrentIndex(model.index(0, 0))
        for key, modifier in ((Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_F10, SHIFT)):
            before = len(positions) + len(recorder.menus)
            press(qtbot, view, key, modifier)
            assert len(positions) + len(recorder.menus) > before, f"{view.objectName()} on {page_id}: no menu"
        current = view.currentIndex()
        if current.isValid() and positions:
            assert view.indexAt(positions[-1]).row() == current.row()


def test_f6_moves_between_navigation_and_page_and_back(qtbot: QtBot, demo_window: MainWindow) -> None:
    """E2: F6 from the navigation into the page, where the focus was before; again back."""
    window = demo_window
    page = show(qtbot, window, "customers")
    search = page.search_field()
    assert isinstance(search, QLineEdit)
    search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is search)
    qtbot.keyClick(search, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.navigation
    qtbot.keyClick(window.navigation, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is search
    qtbot.keyClick(search, Qt.Key.Key_F6, SHIFT)
    assert QApplication.focusWidget() is window.navigation


def test_f6_into_a_page_never_focused_takes_its_first_control(qtbot: QtBot, demo_window: MainWindow) -> None:
    window = demo_window
    page = show(qtbot, window, "audit")
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_F6)
    focus = QApplication.focusWidget()
    assert focus is not None and page.isAncestorOf(focus)


@pytest.mark.parametrize("page_id", ["tenants", "assignments", "customers", "contacts", "audit", "outbox"])
def test_tab_leaves_every_list_for_the_next_control(qtbot: QtBot, demo_window: MainWindow, page_id: str) -> None:
    """E2: Tab in a list goes to the next control, Shift+Tab back (Qt's tables moved Tab from cell
    to cell, unseen in a list of whole rows, so the controls after a table were out of reach)."""
    page = show(qtbot, demo_window, page_id)
    view = main_view(page)
    assert view is not None
    press(qtbot, view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_Tab, SHIFT)
    assert QApplication.focusWidget() is view


def test_customers_tab_order_follows_the_screen(qtbot: QtBot, demo_window: MainWindow) -> None:
    """E2, C1: F6 into the customers page lands in the search field (not on Import, the last button);
    Tab then goes search → table → New → Delete → Export → Import, as they are shown."""
    page = show(qtbot, demo_window, "customers")
    demo_window.navigation.setFocus()
    qtbot.keyClick(demo_window.navigation, Qt.Key.Key_F6)
    order = [QApplication.focusWidget().objectName()]  # type: ignore[union-attr]
    for _step in range(5):
        press(qtbot, QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())  # type: ignore[union-attr]
    # Entering the table by Tab selected its first row, so Delete is enabled and in the order too.
    assert order == [
        "customerSearch",
        "customerTable",
        "customerNewButton",
        "customerDeleteButton",
        "customerExportButton",
        "customersImportButton",
    ]
    assert page.isAncestorOf(QApplication.focusWidget())


def test_a_list_entered_with_tab_selects_its_focused_row_so_enter_acts(
    qtbot: QtBot, demo_window: MainWindow, recorder: Recorder
) -> None:
    """E2, C1: Tab from the customer search into the table selects the row with the focus frame
    (Qt selected nothing, so Enter, F2 and Del did nothing); Enter then opens its properties."""
    page = show(qtbot, demo_window, "customers")
    table = page.findChild(QAbstractItemView, "customerTable")
    table.clearSelection()
    search = page.search_field()
    assert search is not None
    press(qtbot, search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is table
    qtbot.waitUntil(lambda: len(table.selectionModel().selectedRows()) == 1)
    assert table.selectionModel().selectedRows()[0].row() == table.currentIndex().row()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    settle(qtbot)
    assert recorder.dialogs == ["CustomerPropertiesDialog"]


def icon_only_buttons(root: QWidget) -> list[QAbstractButton]:
    """Push and tool buttons that show an icon and no text: a screen reader has only their name.
    Qt's own parts are left out: a line edit's search icon and clear button (its icon actions) and
    the toolbars' overflow arrows (``qt_*``), which Qt names itself."""
    return [
        button
        for button in root.findChildren(QAbstractButton)
        if isinstance(button, (QPushButton, QToolButton))
        and not isinstance(button.parentWidget(), QLineEdit)
        and not button.objectName().startswith("qt_")
        and not button.icon().isNull()
        and not button.text().replace("&", "").strip()
    ]


def test_every_icon_only_button_has_an_accessible_name(qtbot: QtBot, demo_window: MainWindow) -> None:
    """E5 (with the icons): every page's icon-only buttons are named for assistive technology."""
    unnamed: list[str] = []
    for page_id in PAGE_IDS:
        show(qtbot, demo_window, page_id)
    for button in icon_only_buttons(demo_window):
        if not button.accessibleName().strip():
            unnamed.append(f"{button.objectName() or type(button).__name__} in {button.parentWidget()}")
    assert not unnamed, "icon-only buttons without an accessible name:\n" + "\n".join(unnamed)


def page_mnemonics(page: QWidget) -> list[tuple[str, str]]:
    """(letter, text) of the mnemonics a page shows: buttons, labels with a buddy, tabs."""
    texts: list[str] = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
    found = []
    for text in texts:
        match = re.search(r"&([^&\s])", text)
        if match:
            found.append((match.group(1).lower(), text))
    return found


@pytest.mark.parametrize("lang", ["en", "de"])
def test_page_mnemonics_are_unique_and_leave_the_menu_bar_its_letters(
    qtbot: QtBot, demo_window: MainWindow, language: LanguageManager, lang: str
) -> None:
    """E2: Alt+letter on a page reaches one control, and never instead of a menu."""
    language.choose(lang)
    qtbot.waitUntil(lambda: demo_window.file_menu.title() == ("&Datei" if lang == "de" else "&File"))
    bar = {
        m.group(1).lower()
        for action in demo_window.menuBar().actions()
        for m in [re.search(r"&([^&\s])", action.text())]
        if m
    }
    problems = []
    for page_id in PAGE_IDS:
        page = show(qtbot, demo_window, page_id)
        letters = page_mnemonics(page)
        counts = Counter(letter for letter, _ in letters)
        for letter, text in letters:
            if letter in bar:
                problems.append(f"{page_id}: {text!r} takes the menu bar's Alt+{letter.upper()}")
            elif counts[letter] > 1:
                problems.append(f"{page_id}: {text!r} shares Alt+{letter.upper()}")
    assert not problems, "\n".join(problems)


def menu_problems(menu: QMenu, path: str) -> list[str]:
    """Entries of ``menu`` (and its submenus) without a mnemonic, or sharing one. A disabled note
    that only explains why the menu offers nothing ("still loading") is no entry to choose."""
    problems = []
    letters: list[str] = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible() or is_note(action):
            continue
        match = re.search(r"&([^&\s])", action.text())
        if match is None:
            problems.append(f"{path}: {action.text()!r} has no mnemonic")
        else:
            letters.append(match.group(1).lower())
        if action.menu() is not None:
            problems.extend(menu_problems(action.menu(), f"{path} → {action.text()}"))
    problems.extend(f"{path}: Alt+{letter.upper()} twice" for letter, n in Counter(letters).items() if n > 1)
    return problems


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_menu_entry_has_its_own_mnemonic(
    qtbot: QtBot, demo_window: MainWindow, language: LanguageManager, lang: str
) -> None:
    """E2: the menu bar's menus and submenus, in English and German."""
    language.choose(lang)
    qtbot.waitUntil(lambda: demo_window.file_menu.title() == ("&Datei" if lang == "de" else "&File"))
    problems = menu_problems(demo_window.menuBar(), "menu bar")  # type: ignore[arg-type]
    assert not problems, "\n".join(problems)


class ShownMenus(QObject):
    """Records the missing and shared mnemonics of every menu that shows, then closes it."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.shown = 0
        self.where = ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMenu):
            self.shown += 1
            self.problems.extend(menu_problems(watched, self.where))
            QTimer.singleShot(0, watched.close)
        return False


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_entry_of_a_context_menu_or_page_menu_has_its_own_mnemonic(
    qtbot: QtBot, demo_window: MainWindow, language: LanguageManager, lang: str
) -> None:
    """E2, C1: a letter in a page's context menus and in its buttons' menus reaches one entry,
    and every entry has one: the tenants' access views, the contacts tabs and the role names of
    the assignment grid's menu had none. A context menu lists only the actions enabled for the
    selection, so each view's menu is opened twice: as the first row gives it, and with every
    action of the page switched on (every entry it can ever show: the users page had Alt+E twice
    in German, for "Aktivierungslink &erneut senden" and "Berechtigungen &erklären", which no
    single selection showed together). Views on tabs not shown (the access matrix, the
    distribution lists) are asked as well."""
    language.choose(lang)
    qtbot.waitUntil(lambda: demo_window.file_menu.title() == ("&Datei" if lang == "de" else "&File"))
    watcher = ShownMenus()
    QApplication.instance().installEventFilter(watcher)
    problems: list[str] = []
    try:
        for page_id in PAGE_IDS:
            page = show(qtbot, demo_window, page_id)
            for button in page.findChildren(QAbstractButton):
                menu = button.menu() if hasattr(button, "menu") else None
                if menu is not None:
                    problems.extend(menu_problems(menu, f"{page_id}: menu of {button.text()!r}"))
            views = [
                v
                for v in page.findChildren(QAbstractItemView)
                if v.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
            ]
            for view in views:
                model = view.model()
                if model is not None and model.rowCount() > 0:
                    view.setCurrentIndex(model.index(0, 0))
                watcher.where = f"{page_id}: context menu of {view.objectName()}"
                view.customContextMenuRequested.emit(QPoint(8, 8))
                settle(qtbot)
                actions = [a for a in page.findChildren(QAction) if not a.isEnabled()]
                for action in actions:
                    action.setEnabled(True)
                watcher.where += " (every action on)"
                view.customContextMenuRequested.emit(QPoint(8, 8))
                settle(qtbot)
                for action in actions:
                    action.setEnabled(False)
    finally:
        QApplication.instance().removeEventFilter(watcher)
    assert watcher.shown > 0
    problems.extend(watcher.problems)
    assert not problems, "\n".join(sorted(set(problems)))


def test_ctrl_s_saves_the_settings_section_with_the_cursor(qtbot: QtBot, demo_window: MainWindow) -> None:
    """E2: Ctrl+S on the settings page saves the form the cursor is in, and says where it is not."""
    page = show(qtbot, demo_window, "settings")
    naming = page.naming_section  # type: ignore[attr-defined]
    naming.prefix_edit.setText("RG")
    press(qtbot, naming.prefix_edit, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: naming.message.isVisible())
    assert not naming.message.is_error
    naming.load()
    settle(qtbot)
    assert naming.prefix_edit.text() == "RG"
    demo_window.statusBar().clearMessage()
    press(qtbot, page.language_combo, Qt.Key.Key_S, CTRL)  # type: ignore[attr-defined]
    assert "Ctrl+S" in demo_window.statusBar().currentMessage()


#: page → (the list, the pane beside it that Enter goes into)
DETAIL_PANES = {
    "roles": ("roleList", "permissionTree"),
    "audit": ("auditTable", "auditDetail"),
    "outbox": ("outboxTable", "outboxBody"),
}


@pytest.mark.parametrize("page_id", sorted(DETAIL_PANES))
def test_enter_goes_into_the_pane_of_the_current_row_and_esc_back(
    qtbot: QtBot, demo_window: MainWindow, recorder: Recorder, page_id: str
) -> None:
    """E2, R1, S3, U4: on the roles, audit and outbox pages Enter did nothing. It now takes the
    keyboard into what the current row shows beside the list (the role's permissions, the entry's
    changed fields, the mail's text), with a current item there; Esc comes back to the list. The
    context menu offers the same with Enter beside it."""
    page = show(qtbot, demo_window, page_id)
    list_name, pane_name = DETAIL_PANES[page_id]
    view = page.findChild(QAbstractItemView, list_name)
    pane = page.findChild(QWidget, pane_name)
    assert view is not None and pane is not None
    view.setCurrentIndex(view.model().index(0, 0))
    press(qtbot, view, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is pane
    if isinstance(pane, QAbstractItemView):
        assert pane.currentIndex().isValid()
    qtbot.keyClick(pane, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is view
    press(qtbot, view, Qt.Key.Key_Menu)
    assert recorder.menus and recorder.menus[-1][0].startswith("&")
    enter = next(a for a in view.actions() if QKeySequence(Qt.Key.Key_Return) in a.shortcuts())
    assert enter.text() == recorder.menus[-1][0] and enter.statusTip()


def test_f2_on_the_audit_log_says_that_entries_cannot_be_changed(qtbot: QtBot, demo_window: MainWindow) -> None:
    """E2, S3: F2 (edit) on an audit entry answers in the status bar instead of doing nothing."""
    page = show(qtbot, demo_window, "audit")
    view = page.findChild(QAbstractItemView, "auditTable")
    view.setCurrentIndex(view.model().index(0, 0))
    demo_window.statusBar().clearMessage()
    press(qtbot, view, Qt.Key.Key_F2)
    assert demo_window.statusBar().currentMessage() == "Entries of the audit log cannot be changed."


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2])
def test_enter_and_f2_open_the_menu_of_the_current_assignment_cell(
    qtbot: QtBot, demo_window: MainWindow, recorder: Recorder, key: Qt.Key
) -> None:
    """E2, A1: a cell of the role assignment grid is edited through its menu (add a role, remove
    one); Enter and F2 open it at the current cell, as the Menu key does."""
    page = show(qtbot, demo_window, "assignments")
    grid = page.findChild(QAbstractItemView, "assignmentGrid")
    cell = grid.model().index(1, 1)
    grid.setCurrentIndex(cell)
    press(qtbot, grid, key)
    assert recorder.menus, "no menu"
    assert recorder.menus[-1][0] == "&Add role"
    assert grid.currentIndex() == cell
