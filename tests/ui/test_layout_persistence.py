"""Window, splitters, columns, sort orders, last page and last tenant survive a restart (SPEC E4).

A restart is a new MainWindow on a new Settings object over the same QSettings file, as the next
start of the program would be. The settings are changed as a user changes them (a splitter handle
moved, a column resized, a header clicked), so the test also covers that each change is saved when
it happens, not only at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QHeaderView,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tenanthelpers import add_tenants, grant

from mandant_desktop import bootstrap
from mandant_desktop.db.models import AccessLevel
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui import settings as ui_settings
from mandant_desktop.ui.deferred_tab import DeferredTab
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.layout_memory import REMEMBERED_AS, view_header
from mandant_desktop.ui.main_window import NAVIGATION_MIN_WIDTH, NAVIGATION_WIDTH, MainWindow
from mandant_desktop.ui.page import Page
from mandant_desktop.ui.settings import Settings
from mandant_desktop.ui.tenants.page import TenantsPage


def _open(qtbot: QtBot, app: bootstrap.AppContext, operator: Operator, language: LanguageManager) -> MainWindow:
    """A new start of the program: a new window over a new Settings on the same file."""
    window = MainWindow(app, operator, settings=Settings(QSettings()), language=language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _page(qtbot: QtBot, window: MainWindow, page_id: str) -> Page:
    assert window.show_page(page_id)
    page = window.current_page()
    assert page is not None and page.page_id == page_id
    if isinstance(page, TenantsPage):
        qtbot.waitUntil(lambda: not page.busy)
    _settle()
    return page


def _reveal(widget: QWidget) -> None:
    """Make the tabs current that hold ``widget``, as a user would before dragging in it."""
    child: QWidget | None = widget
    while child is not None:
        parent = child.parentWidget()
        if isinstance(parent, QTabWidget) and parent.indexOf(child) >= 0:
            parent.setCurrentWidget(child)
        elif parent is not None and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            if tabs.indexOf(child) >= 0:
                tabs.setCurrentWidget(child)
        child = parent


def _layout_widgets(page: Page) -> list[QSplitter | QAbstractItemView]:
    """Every splitter and every view with user-adjustable columns of a page (not of a date popup;
    not the grids whose columns are tenants or users, which are fixed-width by design). Tabs built
    when first shown are built now (issue 8): their widgets are remembered as well."""
    for deferred in page.findChildren(DeferredTab):
        deferred.content()
    found: list[QSplitter | QAbstractItemView] = []
    for splitter in page.findChildren(QSplitter):
        found.append(splitter)
    for view in page.findChildren(QAbstractItemView):
        if not isinstance(view, QTableView | QTreeView) or _inside(view, QCalendarWidget):
            continue
        header = view_header(view)
        if isinstance(view, QTreeView) and view.isHeaderHidden():
            continue
        if all(header.sectionResizeMode(i) == QHeaderView.ResizeMode.Fixed for i in range(header.count())):
            continue
        found.append(view)
    return found


def _inside(widget: QWidget, kind: type) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kind):
            return True
        parent = parent.parentWidget()
    return False


def _settle() -> None:
    """Let pending layout requests run: a page just shown widens the window, or squeezes the
    navigation, only when its LayoutRequest is processed. Sizes read before that depend on timing."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _roomy_width(qtbot: QtBot, window: MainWindow) -> int:
    """A width at which no page widens the window or squeezes the navigation below the width it
    starts with: every page built (a stacked widget needs the widest page's minimum), plus the
    navigation's room above its minimum."""
    for page_id in window.navigation_model.page_ids():
        _page(qtbot, window, page_id)
    return window.minimumSizeHint().width() + NAVIGATION_WIDTH - NAVIGATION_MIN_WIDTH


@pytest.fixture
def app_with_tenants(
    admin_app: tuple[bootstrap.AppContext, Operator],
) -> tuple[bootstrap.AppContext, Operator, list[int]]:
    app, operator = admin_app
    assert operator.id is not None
    tenants = add_tenants(app.session_factory, "Hauptmandant", "Nebenmandant", "Dritter Mandant")
    grant(app.session_factory, operator.id, dict.fromkeys(tenants, AccessLevel.FULL))
    return app, operator, tenants


def test_every_splitter_and_column_header_of_every_page_is_remembered(qtbot: QtBot, window: MainWindow) -> None:
    """E4: nothing a user can drag on any page is forgotten; each has a key declared in ui/settings.py."""
    assert set(window.navigation_model.page_ids()) >= set(ui_settings.PAGE_LAYOUTS)
    for page_id in window.navigation_model.page_ids():
        page = _page(qtbot, window, page_id)
        widgets = _layout_widgets(page)
        forgotten = [w.objectName() or type(w).__name__ for w in widgets if not w.property(REMEMBERED_AS)]
        assert not forgotten, f"page {page_id}: not remembered: {forgotten}"
        declared = set(ui_settings.PAGE_LAYOUTS.get(page_id, ()))
        assert {w.objectName() for w in widgets} == declared, page_id


def test_layout_of_every_page_comes_back_after_a_restart(
    qtbot: QtBot,
    app_with_tenants: tuple[bootstrap.AppContext, Operator, list[int]],
    settings: Settings,
    language: LanguageManager,
) -> None:
    """E4: splitters, column widths and sort orders of every page, geometry and splitter of the
    window and the last page are as the user left them in the previous session."""
    app, operator, _tenants = app_with_tenants
    first = _open(qtbot, app, operator, language)
    # Wider than the offscreen screen (800 × 600) and than the widest page's minimum, so that no page
    # widens the window or squeezes the navigation: 1,000 pixels were once enough, then the tenants
    # page grew to 851 and every page after it showed 15 pixels less in the second session whenever
    # its sizes were read before the window had been widened again.
    # The window's minimum is 1,009 pixels since the pages' rows wrap (E5); a page can still ask
    # for more once its data has loaded (the rights groups tab's panel), which the estimate from
    # freshly built pages cannot see, so the test keeps the room it had while the minimum was
    # 1,235: at least 1,300 pixels.
    width = max(1300, _roomy_width(qtbot, first))
    first.resize(width, 560)
    _settle()
    assert first.width() == width
    expected: dict[tuple[str, str], object] = {}
    for page_id in ui_settings.PAGE_LAYOUTS:
        page = _page(qtbot, first, page_id)
        for widget in _layout_widgets(page):
            _reveal(widget)
            qtbot.waitUntil(widget.isVisible)
            if isinstance(widget, QSplitter):
                # as a drag of the first handle: 37 pixels from where it is
                widget.moveSplitter(widget.sizes()[0] + 37, 1)
                expected[(page_id, widget.objectName())] = widget.sizes()
                continue
            header = view_header(widget)
            header.resizeSection(0, header.sectionSize(0) + 23)
            sort = None
            if isinstance(widget, QTableView | QTreeView) and widget.isSortingEnabled():
                header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)  # a click on the second column
                sort = (1, Qt.SortOrder.DescendingOrder)
            expected[(page_id, widget.objectName())] = (header.sectionSize(0), sort)
    first.show_page("customers")
    first.close()
    assert any(sort is not None for value in expected.values() if isinstance(value, tuple) for sort in value[1:])

    second = _open(qtbot, app, operator, language)
    # restoreGeometry fits the window into the 800-pixel offscreen screen; a real screen holds it.
    # test_main_window checks the geometry and the navigation splitter within the screen.
    assert second.height() == 560
    second.resize(width, 560)
    _settle()
    assert second.width() == width
    assert second.current_page().page_id == "customers"  # type: ignore[union-attr]
    for page_id in ui_settings.PAGE_LAYOUTS:
        page = _page(qtbot, second, page_id)
        for widget in _layout_widgets(page):
            _reveal(widget)
            want = expected[(page_id, widget.objectName())]
            if isinstance(widget, QSplitter):
                assert isinstance(want, list)
                assert widget.sizes() == want, (page_id, widget.objectName(), widget.sizes(), want)
                continue
            header = view_header(widget)
            width, sort = want  # type: ignore[misc]
            assert header.sectionSize(0) == width, (page_id, widget.objectName())
            if sort is not None:
                assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == sort, page_id
    # The remembered sort is the order of the data, not only the arrow on the header.
    users = _page(qtbot, second, "users")
    assert users.model.descending  # type: ignore[attr-defined]


def test_last_selected_tenant_comes_back_on_the_same_database_only(
    qtbot: QtBot,
    app_with_tenants: tuple[bootstrap.AppContext, Operator, list[int]],
    settings: Settings,
    language: LanguageManager,
) -> None:
    """E4: the tenants page opens on the tenant selected last time, per database."""
    app, operator, tenants = app_with_tenants
    first = _open(qtbot, app, operator, language)
    page = _page(qtbot, first, "tenants")
    assert isinstance(page, TenantsPage)
    index = page.tenant_model.index_of(tenants[2])
    page.tenant_tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    first.close()

    second = _open(qtbot, app, operator, language)
    again = _page(qtbot, second, "tenants")
    assert isinstance(again, TenantsPage)
    assert again.current_tenant() is not None and again.current_tenant().id == tenants[2]  # type: ignore[union-attr]
    second.close()

    stored = Settings(QSettings())
    assert stored.last_tenant(app.display_url) == tenants[2]
    assert stored.last_tenant("sqlite:////elsewhere/other.sqlite") is None


def test_last_tenant_map_keeps_the_newest_databases(settings: Settings) -> None:
    """E4: the per-database map stays small; a database used again moves to the newest end."""
    for number in range(ui_settings.MAX_REMEMBERED_DATABASES + 5):
        settings.set_last_tenant(f"sqlite:////db{number}.sqlite", number)
    settings.set_last_tenant("sqlite:////db6.sqlite", 66)
    settings.set_last_tenant("sqlite:////db26.sqlite", 7)
    remembered = Settings(QSettings()).value(ui_settings.LAST_TENANT)
    assert len(remembered) == ui_settings.MAX_REMEMBERED_DATABASES
    assert remembered["sqlite:////db6.sqlite"] == 66
    # db0 … db4 went at the 21st to 25th database; db26 pushed out db5, the oldest then (db6 was used again)
    assert "sqlite:////db5.sqlite" not in remembered and remembered["sqlite:////db26.sqlite"] == 7
    assert "sqlite:////db7.sqlite" in remembered


def test_a_version_1_settings_file_is_upgraded_and_its_layout_kept(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    isolated_user: Path,
    language: LanguageManager,
) -> None:
    """E4: a settings file written by the previous layout (version 1, per-page keys) is upgraded
    once: its column widths and splitters move to the declared keys and come back on screen."""
    app, operator = admin_app
    # What version 1 wrote: a users table state and a roles splitter made by hand here.
    probe = _open(qtbot, app, operator, language)
    users = _page(qtbot, probe, "users")
    view_header(users.table).resizeSection(2, 333)  # type: ignore[attr-defined]
    users_state = view_header(users.table).saveState()  # type: ignore[attr-defined]
    roles = _page(qtbot, probe, "roles")
    roles.splitter.moveSplitter(401, 1)  # type: ignore[attr-defined]
    roles_state = roles.splitter.saveState()  # type: ignore[attr-defined]
    probe.close()
    store = QSettings()
    store.clear()
    store.setValue("meta/settingsVersion", 1)
    store.setValue("ui/language", "de")
    store.setValue("users/tableHeader", users_state)
    store.setValue("roles/splitter", roles_state)
    store.setValue("mainWindow/lastPage", "users")
    store.sync()
    del store

    upgraded = Settings(QSettings())
    upgraded.upgrade()
    upgraded.sync()
    text = (Path(QSettings().fileName())).read_text()
    assert "users/tableHeader" not in text and "roles/splitter" not in text
    assert "[layout]" in text
    assert int(upgraded.store.value(ui_settings.SETTINGS_VERSION_KEY)) == ui_settings.SETTINGS_VERSION == 2
    assert upgraded.value(ui_settings.LANGUAGE) == "de"  # untouched keys stay
    assert upgraded.value(ui_settings.layout_setting("users", "userTable")) == users_state

    window = MainWindow(app, operator, settings=upgraded, language=language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.current_page()
    assert page is not None and page.page_id == "users"
    assert view_header(page.table).sectionSize(2) == 333  # type: ignore[attr-defined]
    roles_again = _page(qtbot, window, "roles")
    assert roles_again.splitter.saveState() == roles_state  # type: ignore[attr-defined]


def test_a_newer_settings_file_is_read_but_not_rewritten(settings: Settings) -> None:
    """E4: settings written by a newer program keep their version; what this one knows is read."""
    settings.store.setValue(ui_settings.SETTINGS_VERSION_KEY, ui_settings.SETTINGS_VERSION + 1)
    settings.store.setValue(ui_settings.LAST_PAGE.key, "audit")
    settings.upgrade()
    assert int(settings.store.value(ui_settings.SETTINGS_VERSION_KEY)) == ui_settings.SETTINGS_VERSION + 1
    assert settings.value(ui_settings.LAST_PAGE) == "audit"


def test_a_broken_last_tenant_value_falls_back_to_none(settings: Settings) -> None:
    settings.store.setValue(ui_settings.LAST_TENANT.key, "{not json")
    assert settings.last_tenant("sqlite:////x.sqlite") is None
    settings.store.setValue(ui_settings.LAST_TENANT.key, '{"sqlite:////x.sqlite": "7", "y": true, "z": 3}')
    assert settings.value(ui_settings.LAST_TENANT) == {"z": 3}


def _headers(qtbot: QtBot, window: MainWindow) -> Iterator[tuple[tuple[str, str], QHeaderView]]:
    """The column header of every remembered view of every page, by its layout key."""
    for page_id in ui_settings.PAGE_LAYOUTS:
        page = _page(qtbot, window, page_id)
        for widget in _layout_widgets(page):
            if not isinstance(widget, QSplitter):
                yield (page_id, widget.objectName()), view_header(widget)


#: views whose columns the shown content hides and shows: the audit page's detail leaves out the
#: "Vorher" column of a created object's entry and the "Nachher" column of a deleted one's (S3), so a
#: hidden column saved with its layout is shown again by the next entry; widths and order still come back
CONTENT_DRIVEN_HIDING = {("audit", "auditDetail")}


def _modes(header: QHeaderView) -> tuple[list[QHeaderView.ResizeMode], bool]:
    return [header.sectionResizeMode(i) for i in range(header.count())], header.stretchLastSection()


def test_a_saved_layout_keeps_widths_order_and_hiding_but_not_old_resize_modes(
    qtbot: QtBot,
    app_with_tenants: tuple[bootstrap.AppContext, Operator, list[int]],
    settings: Settings,
    language: LanguageManager,
) -> None:
    """E4: a column layout saved by an older version (every column fixed, the last one stretching
    or not the other way round) brings back widths, order and hidden columns, but every column
    resizes as the current code says: a column that stretches now stretches, whatever was saved."""
    app, operator, _tenants = app_with_tenants
    first = _open(qtbot, app, operator, language)
    code: dict[tuple[str, str], tuple[list[QHeaderView.ResizeMode], bool]] = {}
    saved: dict[tuple[str, str], tuple[int, int]] = {}
    for key, header in _headers(qtbot, first):
        code[key] = _modes(header)
        assert header.count() >= 3, key
        # what an older version left: no column stretches or resizes to its contents
        header.setStretchLastSection(not header.stretchLastSection())
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.resizeSection(0, 123)
        header.moveSection(header.visualIndex(2), 1)
        header.hideSection(1)
        saved[key] = (header.sectionSize(0), header.visualIndex(2))
        settings.set_value(ui_settings.layout_setting(*key), header.saveState())
    first.close()
    assert len(code) >= 5

    second = _open(qtbot, app, operator, language)
    for key, header in _headers(qtbot, second):
        assert _modes(header) == code[key], key
        width, visual = saved[key]
        assert header.visualIndex(2) == visual, key
        assert header.isSectionHidden(1) or key in CONTENT_DRIVEN_HIDING, key
        if header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive:
            assert header.sectionSize(0) == width, key


def test_every_tab_widget_of_every_page_is_remembered(qtbot: QtBot, window: MainWindow) -> None:
    """E4: a page with tabs opens on the tab shown last (the tenants page's views, the users page's
    list or rights groups, the contacts page's contacts, lists or templates); each tab widget has a
    key declared in ui/settings.py and each of its tabs a name to be saved under."""
    for page_id in window.navigation_model.page_ids():
        page = _page(qtbot, window, page_id)
        tab_widgets = page.findChildren(QTabWidget)
        forgotten = [w.objectName() or type(w).__name__ for w in tab_widgets if not w.property(REMEMBERED_AS)]
        assert not forgotten, f"page {page_id}: tab not remembered: {forgotten}"
        assert {w.objectName() for w in tab_widgets} == set(ui_settings.PAGE_TABS.get(page_id, ())), page_id
        for tabs in tab_widgets:
            names = [tabs.widget(i).objectName() for i in range(tabs.count())]
            assert all(names) and len(set(names)) == len(names), (page_id, names)


@pytest.mark.parametrize("page_id", ["users", "contacts"])
def test_the_tab_shown_last_comes_back_after_a_restart(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    settings: Settings,
    language: LanguageManager,
    page_id: str,
) -> None:
    """E4: the users and contacts pages open on the tab a user clicked last, as the tenants page
    does (by its widget's name, so that a tab added later moves nothing), each tab in turn."""
    app, operator = admin_app
    window = _open(qtbot, app, operator, language)
    tabs = _page(qtbot, window, page_id).findChild(QTabWidget)
    assert isinstance(tabs, QTabWidget) and tabs.currentIndex() == 0 and tabs.count() >= 2
    order = [*range(1, tabs.count()), 0]
    for index in order:
        bar = tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert tabs.currentIndex() == index
        window.close()
        window = _open(qtbot, app, operator, language)
        tabs = _page(qtbot, window, page_id).findChild(QTabWidget)
        assert isinstance(tabs, QTabWidget)
        assert tabs.currentIndex() == index, (page_id, index)
    window.close()
