"""The main window: navigation, pages, toolbar, status bar, persistence (SPEC S1, E2, E4, section 9)."""

from __future__ import annotations

from typing import ClassVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QToolButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from uihelpers import FakeInteraction, viewer

from mandant_desktop import bootstrap
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui import tasks
from mandant_desktop.ui.about_dialog import AboutDialog
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP, LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.page import Page, PageContext, PlaceholderPage
from mandant_desktop.ui.pages import PAGES
from mandant_desktop.ui.settings import Settings

OBJECT_NAMES = {
    "tenants": "page.tenants",
    "users": "page.users",
    "roles": "page.roles",
    "assignments": "page.assignments",
    "org-units": "page.orgUnits",
    "customers": "page.customers",
    "contacts": "page.contacts",
    "audit": "page.audit",
    "settings": "page.settings",
    "outbox": "page.outbox",
}
#: pages whose feature is built: they show content, not the placeholder
BUILT_PAGES = {"settings", "users", "roles", "assignments", "outbox"}


def click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    view = window.navigation
    rect = view.visualRect(window.navigation_model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_every_page_is_reachable_by_clicking_the_navigation(qtbot: QtBot, window: MainWindow) -> None:
    """S1, section 9: the administrator sees all nine pages, each under its objectName."""
    assert window.objectName() == "mainWindow"
    assert window.navigation.objectName() == "navigation"
    assert window.navigation_model.page_ids() == list(OBJECT_NAMES)
    for row, (page_id, object_name) in enumerate(OBJECT_NAMES.items()):
        click_row(qtbot, window, row)
        current = window.stack.currentWidget()
        assert current.objectName() == object_name, page_id
        assert window.findChild(QWidget, object_name) is current
        assert current.isVisible()


def test_pages_without_view_permission_are_absent(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    settings: Settings,
    language: LanguageManager,
) -> None:
    """S1: an operator without ``<area>.view`` does not see the page at all."""
    app, _admin = admin_app
    operator = viewer("customers.view", "audit.view")
    win = MainWindow(app, operator, settings=settings, language=language)
    qtbot.addWidget(win)
    assert win.navigation_model.page_ids() == ["customers", "audit"]
    assert not win.show_page("users")
    assert not win.show_page("settings")
    for row in range(win.navigation_model.rowCount()):
        click_row(qtbot, win, row)
    assert win.findChild(QWidget, "page.customers") is not None
    assert win.findChild(QWidget, "page.audit") is not None
    for absent in ("page.tenants", "page.users", "page.roles", "page.settings"):
        assert win.findChild(QWidget, absent) is None


def test_the_navigation_is_fitted_once_when_built_and_again_for_each_new_session(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    settings: Settings,
    language: LanguageManager,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """E5: the navigation never cuts a page title. The window fits it once while it is built (each
    fit measures every row through the model, calls from Qt into Python: issue 8), and again when a
    new session brings other pages."""
    app, admin = admin_app
    fits: list[int] = []
    fit = MainWindow._fit_navigation

    def counted(self: MainWindow) -> None:
        fits.append(self.navigation_model.rowCount())
        fit(self)

    monkeypatch.setattr(MainWindow, "_fit_navigation", counted)
    win = MainWindow(app, viewer("customers.view"), settings=settings, language=language)
    qtbot.addWidget(win)
    assert fits == [1]
    win.set_session(app, admin)
    assert fits == [1, len(OBJECT_NAMES)]
    view = win.navigation
    assert view.minimumWidth() >= view.sizeHintForColumn(0) + 2 * view.frameWidth()


def test_pages_are_created_on_first_show(window: MainWindow) -> None:
    """Opening the window builds only the page it shows."""
    assert window.stack.count() == 1
    window.show_page("audit")
    assert window.stack.count() == 2


def test_placeholder_pages_say_honestly_that_they_are_being_built(window: MainWindow) -> None:
    for page_id in OBJECT_NAMES:
        if page_id in BUILT_PAGES:
            continue
        window.show_page(page_id)
        page = window.current_page()
        assert page is not None
        if not isinstance(page, PlaceholderPage):
            continue  # built since
        texts = " ".join(label.text() for label in page.findChildren(QWidget) if hasattr(label, "text"))
        assert "being built" in texts
        assert page.title() in texts


def test_tenant_filter_is_present_and_enabled(window: MainWindow) -> None:
    """Section 9 names ``tenantFilter``; T9 wires it (tests/ui/test_tenant_filter.py drives it)."""
    button = window.findChild(QToolButton, "tenantFilter")
    assert button is not None
    assert button.isEnabled()
    assert button.menu() is not None
    assert button.text() == "All tenants"


def test_status_bar_shows_profile_backend_and_operator(window: MainWindow) -> None:
    assert window.status_profile.text() == "Testdatenbank"
    assert window.status_backend.text() == "SQLite"
    assert window.status_operator.text() == "Karla Chef"


class SearchPage(Page):
    page_id: ClassVar[str] = "search-test"
    object_name: ClassVar[str] = "page.searchTest"
    permission: ClassVar[str] = "tenants.view"
    icon_name: ClassVar[str] = "search"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Tenants")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.search = QLineEdit()
        self.search.setText("Hamburg")
        self.refreshed = 0
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)

    def search_field(self) -> QLineEdit:
        return self.search

    def refresh(self) -> bool:
        self.refreshed += 1
        return True


def test_ctrl_f_focuses_the_search_and_f5_refreshes(qtbot: QtBot, window: MainWindow) -> None:
    """E2: Ctrl+F goes to the current page's search field, F5 reloads the page."""
    window.navigation_model.set_pages([SearchPage, *PAGES])
    window.show_page("search-test")
    page = window.current_page()
    assert isinstance(page, SearchPage)
    window.activateWindow()
    window.navigation.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.search.hasFocus())
    assert page.search.selectedText() == "Hamburg"
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.refreshed == 1
    assert window.statusBar().currentMessage() == "Refreshed."


def test_f5_claims_a_reload_only_when_the_page_reloaded(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E2: F5 says "Refreshed." after a reload; a page that had nothing to reload (as a page not
    built yet) says so honestly."""
    window.show_page("org-units")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.statusBar().currentMessage() == "Refreshed."
    page = window.current_page()
    assert page is not None
    monkeypatch.setattr(page, "refresh", lambda: False)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.statusBar().currentMessage() == "This page has nothing to refresh yet."
    qtbot.waitUntil(lambda: tasks.runner().active() == 0)


def test_ctrl_f_on_a_page_without_search_says_so(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("settings")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "This page has no search field."


def test_keyboard_moves_through_the_navigation(qtbot: QtBot, window: MainWindow) -> None:
    """E2: every page is reachable without a mouse."""
    window.show_page("tenants")
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.current_page().objectName() == "page.users"  # type: ignore[union-attr]
    qtbot.keyClick(window.navigation, Qt.Key.Key_End)
    assert window.current_page().objectName() == "page.outbox"  # type: ignore[union-attr]


def test_layout_and_last_page_persist(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    settings: Settings,
    language: LanguageManager,
) -> None:
    """E4: geometry, splitter and the last page come back in the next session."""
    app, operator = admin_app
    first = MainWindow(app, operator, settings=settings, language=language)
    qtbot.addWidget(first)
    first.resize(700, 520)
    first.show()
    qtbot.waitExposed(first)
    first.show_page("roles")
    first.splitter.setSizes([260, 440])
    first.close()

    second = MainWindow(app, operator, settings=settings, language=language)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.current_page().objectName() == "page.roles"  # type: ignore[union-attr]
    assert (second.width(), second.height()) == (700, 520)
    assert second.splitter.sizes()[0] == 260


def test_change_database_is_requested_from_the_file_menu(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.change_database_requested, timeout=1000):
        window.change_database_action.trigger()


def test_about_names_version_backend_and_schema_revision(
    qtbot: QtBot, admin_app: tuple[bootstrap.AppContext, Operator]
) -> None:
    app, _operator = admin_app
    dialog = AboutDialog(app)
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert "0.1.0" in text
    assert "SQLite" in text
    assert app.upgrade is not None and app.upgrade.after.current
    assert app.upgrade.after.current in text


def test_about_action_opens_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_navigation_has_icons(window: MainWindow) -> None:
    """E5: every page has its icon from resources/."""
    model = window.navigation_model
    for row in range(model.rowCount()):
        icon = model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole)
        assert not icon.isNull()
        assert not icon.pixmap(20, 20).isNull()


def test_navigation_click_outside_rows_keeps_the_page(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("users")
    view = window.navigation
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, view.viewport().height() - 3))
    assert window.current_page().objectName() == "page.users"  # type: ignore[union-attr]


def test_a_lost_connection_shows_a_banner_and_recovers(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction
) -> None:
    """S5: a banner instead of a dialog, typed input stays, the banner goes when the database
    answers. The banner's colours are set when it is first shown (issue 8: not at start)."""
    from mandant_desktop.domain.errors import DatabaseUnavailableError
    from mandant_desktop.ui.errors import run_action

    assert window.banner.styleSheet() == ""
    window.show_page("tenants")
    page = window.current_page()
    assert page is not None
    typed = QLineEdit(page)
    typed.setText("Neuer Mandant Nord")

    def save() -> None:
        raise DatabaseUnavailableError(
            "The connection to the database was lost. Nothing was saved; try again when it is back."
        )

    assert run_action(window, save) is None
    assert window.banner.isVisible()
    assert "#connectionBanner" in window.banner.styleSheet() and "background" in window.banner.styleSheet()
    assert not interactions.messages, "no message box on a lost connection"
    assert window.monitor is not None and window.monitor.is_lost
    with qtbot.waitSignal(window.monitor.restored, timeout=5000):
        window.banner.retry_button.click()
    assert not window.banner.isVisible()
    assert window.statusBar().currentMessage() == "The connection to the database is back."
    assert typed.text() == "Neuer Mandant Nord"
    assert window.current_page() is page


def test_ctrl_number_goes_to_a_page(qtbot: QtBot, window: MainWindow) -> None:
    """E2: View → Go to page has Ctrl+1 … Ctrl+9, working before the menu was ever opened."""
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().objectName() == "page.roles"  # type: ignore[union-attr]
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().objectName() == "page.settings"  # type: ignore[union-attr]
    # numbered as their Ctrl+digit, the number being the mnemonic (E2)
    assert [a.text() for a in window.go_menu.actions()][:2] == ["&1 Tenants", "&2 Users"]


def test_go_to_page_menu_keeps_the_ampersand_of_a_title(
    qtbot: QtBot, window: MainWindow, language: LanguageManager
) -> None:
    """E2: "Contacts & lists" is shown as such, not as "Contacts _lists" with the space for a mnemonic."""
    shown = {action.iconText() for action in window.go_menu.actions()}  # the text as the menu draws it
    assert "7 Contacts & lists" in shown
    language.choose("de")
    qtbot.waitUntil(lambda: window.file_menu.title() == "&Datei")
    assert "7 Kontakte & Verteiler" in {action.iconText() for action in window.go_menu.actions()}


class UnsavedPage(Page):
    page_id: ClassVar[str] = "unsaved-test"
    object_name: ClassVar[str] = "page.unsavedTest"
    permission: ClassVar[str] = "tenants.view"
    icon_name: ClassVar[str] = "tenants"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Tenants")

    def has_unsaved_changes(self) -> bool:
        return True


def test_closing_with_unsaved_changes_asks_first(window: MainWindow, interactions: FakeInteraction) -> None:
    """T2, E4: quitting would lose staged edits, so the window asks; declining keeps it open."""
    window.navigation_model.set_pages([UnsavedPage, *PAGES])
    window.show_page("unsaved-test")
    interactions.confirm_answers.append(False)
    assert not window.close()
    assert window.isVisible()
    [question] = interactions.of_kind("confirm")
    assert "Tenants" in question.text
    interactions.confirm_answers.append(True)
    assert window.close()
    assert not window.isVisible()


def test_closing_without_unsaved_changes_does_not_ask(window: MainWindow, interactions: FakeInteraction) -> None:
    assert window.close()
    assert not interactions.messages
