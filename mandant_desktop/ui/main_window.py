"""The main window: page navigation, the pages, toolbar, menus and status bar (SPEC S1, E2, E4).

Pages are created when first shown, so that opening the window costs one page, not nine. The window
does not open databases or log anybody in: "Change database…" emits
:attr:`MainWindow.change_database_requested`, and the session controller answers with
:meth:`MainWindow.set_session`.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWhatsThis,
    QWidget,
)

from mandant_desktop.ui import help_texts, icons, interaction, tasks
from mandant_desktop.ui import settings as ui_settings
from mandant_desktop.ui.connection_monitor import ConnectionMonitor
from mandant_desktop.ui.copy_rows import CopyCommands
from mandant_desktop.ui.errors import set_connection_lost_handler
from mandant_desktop.ui.forms import ConnectionBanner
from mandant_desktop.ui.keyboard import KeyboardController
from mandant_desktop.ui.live_refresh import ChangeWatcher
from mandant_desktop.ui.navigation import NavigationModel
from mandant_desktop.ui.page import Page, PageContext, TenantFilterState
from mandant_desktop.ui.pages import pages_for
from mandant_desktop.ui.tenants.tenant_filter import TenantFilterController
from mandant_desktop.ui.theme import ThemeManager
from mandant_desktop.ui.undo_hub import UndoHub

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import AppContext
    from mandant_desktop.services.operator import Operator
    from mandant_desktop.ui.i18n import LanguageManager

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1200, 760)
NAVIGATION_WIDTH = 210
NAVIGATION_MIN_WIDTH = 160
NAVIGATION_ICON_SIZE = QSize(20, 20)


class MainWindow(QMainWindow):
    #: the user asked for another database (File menu or settings page)
    change_database_requested = Signal()

    def __init__(
        self,
        app: AppContext,
        operator: Operator,
        *,
        settings: ui_settings.Settings,
        language: LanguageManager,
        theme: ThemeManager | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._settings = settings
        self._language = language
        # Not started when none is given (tests): it applies a scheme only when the user picks one.
        self._theme = theme if theme is not None else ThemeManager(settings, parent=self)
        self._pages: dict[str, Page] = {}
        self._context: PageContext | None = None
        #: __init__ has run: until then retranslateUi, its last step, fits the navigation once
        self._built = False

        self.navigation_model = NavigationModel(parent=self)
        self.navigation = QListView()
        self.navigation.setObjectName("navigation")
        self.navigation.setModel(self.navigation_model)
        self.navigation.setIconSize(NAVIGATION_ICON_SIZE)
        self.navigation.setSpacing(2)
        self.navigation.setUniformItemSizes(True)
        self.navigation.setMinimumWidth(NAVIGATION_MIN_WIDTH)
        self.navigation.selectionModel().currentChanged.connect(self._navigated)

        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([NAVIGATION_WIDTH, DEFAULT_SIZE[0] - NAVIGATION_WIDTH])
        self.banner = ConnectionBanner()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.monitor: ConnectionMonitor | None = None
        self.change_watcher: ChangeWatcher | None = None
        #: pages that another workstation's change made stale while they were not shown (E8)
        self._stale: set[str] = set()
        self.banner.retry_button.clicked.connect(self._retry_connection)
        #: Edit → Undo / Redo of the page shown (E7)
        self.undo_hub = UndoHub(self)

        self._build_actions()
        self.keyboard = KeyboardController(self, self.navigation, self.current_page, self.show_status)
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self.set_session(app, operator)
        self._restore_layout()
        icons.decorate(self)
        self.retranslateUi()
        self._built = True

    # ----------------------------------------------------------------------------------------- build

    def _build_actions(self) -> None:
        self.change_database_action = QAction(icons.icon("database"), "", self)
        self.change_database_action.setObjectName("changeDatabaseAction")
        self.change_database_action.triggered.connect(self.change_database)
        self.quit_action = QAction(self)
        self.quit_action.setObjectName("quitAction")
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.find_action = QAction(icons.icon("search"), "", self)
        self.find_action.setObjectName("findAction")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.refresh_action = QAction(icons.icon("refresh"), "", self)
        self.refresh_action.setObjectName("refreshAction")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh_page)
        self.whats_this_action = QWhatsThis.createAction(self)
        self.whats_this_action.setObjectName("whatsThisAction")
        self.about_action = QAction(self)
        self.about_action.setObjectName("aboutAction")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        #: Edit → Copy (with column titles): the selected rows of the focused list (E2)
        self.copy_commands = CopyCommands(self, self.show_status)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.change_database_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.undo_hub.undo_action)
        self.edit_menu.addAction(self.undo_hub.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.copy_commands.copy_action)
        self.edit_menu.addAction(self.copy_commands.copy_titles_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.refresh_action)
        self.view_menu.addSeparator()
        self.go_menu = self.view_menu.addMenu("")
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.whats_this_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.tenant_filter = QToolButton()
        self.tenant_filter.setObjectName("tenantFilter")
        self.tenant_filter.setIcon(icons.icon("filter"))
        self.tenant_filter.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.tenant_filter.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.tenant_filter.setMenu(QMenu(self.tenant_filter))
        self.tenant_filter_controller: TenantFilterController | None = None
        self.toolbar.addWidget(self.tenant_filter)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.refresh_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_profile = _status_label("statusProfile")
        self.status_backend = _status_label("statusBackend")
        self.status_operator = _status_label("statusOperator")
        self.status_busy = _status_label("statusBusy")
        self.status_busy.hide()
        bar.addPermanentWidget(self.status_busy)
        for label in (self.status_profile, self.status_backend, self.status_operator):
            bar.addPermanentWidget(label)
        # Work off the GUI thread that takes longer than a moment says so (S5).
        tasks.runner().busy_changed.connect(self.status_busy.setVisible)

    # --------------------------------------------------------------------------------------- session

    @property
    def context(self) -> PageContext:
        assert self._context is not None
        return self._context

    def set_session(self, app: AppContext, operator: Operator) -> None:
        """Show the pages ``operator`` may use on ``app``; pages of a previous session are dropped."""
        for page in self._pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self.undo_hub.reset()
        # One tenant filter per session (SPEC T9), restored from the operator's remembered choice.
        filter_state = TenantFilterState(self)
        if self.tenant_filter_controller is not None:
            self.tenant_filter_controller.deleteLater()
        self.tenant_filter_controller = TenantFilterController(self.tenant_filter, app, operator, filter_state)
        self.tenant_filter_controller.restore()
        self._context = PageContext(
            # The pages' changes go on their undo stacks (E7).
            app=replace(app, services=self.undo_hub.wrap(app.services)),
            operator=operator,
            settings=self._settings,
            language=self._language,
            shell=self,
            tenant_filter=filter_state,
            theme=self._theme,
        )
        self.navigation_model.set_pages(pages_for(operator))
        if self._built:
            # Not while __init__ builds the window: its last step, retranslateUi, fits it once the
            # titles are translated (a fit measures every row: about 80 calls from Qt into the
            # model, issue 8).
            self._fit_navigation()
        self._fill_go_menu()
        self._watch_connection(app)
        self._watch_changes(app, operator)
        self._show_session_status()
        wanted = self._settings.value(ui_settings.LAST_PAGE)
        if not self.show_page(wanted) and self.navigation_model.rowCount() > 0:
            self.show_page(self.navigation_model.page_ids()[0])

    def _watch_connection(self, app: AppContext) -> None:
        if self.monitor is not None:
            self.monitor.stop()
            self.monitor.deleteLater()
        # One round trip; it raises for as long as the database is gone.
        self.monitor = ConnectionMonitor(app.ping, parent=self)
        self.monitor.guard(app.services.connection_guard.install)
        self.monitor.lost.connect(self._connection_lost)
        self.monitor.restored.connect(self._connection_restored)
        self.banner.hide()
        set_connection_lost_handler(self.monitor.report_lost)

    def _watch_changes(self, app: AppContext, operator: Operator) -> None:
        if self.change_watcher is not None:
            self.change_watcher.stop()
            self.change_watcher.deleteLater()
        self._stale.clear()
        self.change_watcher = ChangeWatcher(app, operator, parent=self)
        self.change_watcher.changed.connect(self._changed_elsewhere)
        if self.monitor is not None:
            self.change_watcher.connection_lost.connect(self.monitor.report_lost)

    def _connection_lost(self) -> None:
        self.banner.show()
        if self.change_watcher is not None:
            self.change_watcher.set_paused(True)

    def _retry_connection(self) -> None:
        if self.monitor is not None:
            self.monitor.probe_now()

    def _connection_restored(self) -> None:
        self.banner.hide()
        if self.change_watcher is not None:
            # The reload below covers whatever the watcher kept meanwhile: one refresh, not two.
            self.change_watcher.set_paused(False, drop_pending=True)
        # What was missed while the server was gone: every page reloads, unsaved input stays (S5).
        self._changed_elsewhere(None, elsewhere=False)
        current = self.current_page()
        if current is None or not current.has_unsaved_changes():
            self.show_status(self.tr("The connection to the database is back."), 10000)

    def _changed_elsewhere(self, _changes: object, *, elsewhere: bool = True) -> None:
        """Another workstation changed data (E8): the page shown reloads unless it has unsaved
        changes, which it keeps (it then says so); other open pages reload when next shown."""
        current = self.current_page()
        self._stale.update(page_id for page_id, page in self._pages.items() if page is not current)
        if current is None:
            return
        if current.has_unsaved_changes():
            self._stale.add(current.page_id)
            self.show_status(
                self.tr(
                    "Changed on another workstation — press F5 to reload. Your unsaved changes on this page are "
                    "kept until then."
                )
                if elsewhere
                else self.tr("The connection is back. Press F5 to reload; your unsaved changes are kept until then."),
                0,
            )
            return
        current.refresh()

    def _show_session_status(self) -> None:
        app, operator = self.context.app, self.context.operator
        self.status_profile.setText(app.profile_name)
        self.status_backend.setText(app.backend)
        self.status_operator.setText(operator.display_name or operator.username)
        self.setWindowTitle(f"{app.profile_name} — Mandant Desktop")

    # ----------------------------------------------------------------------------------------- pages

    def page(self, page_id: str) -> Page | None:
        """The page ``page_id`` (created on first use), or None when the operator has no such page."""
        existing = self._pages.get(page_id)
        if existing is not None:
            return existing
        page_cls = self.navigation_model.page_at(self.navigation_model.row_of(page_id))
        if page_cls is None:
            return None
        page = page_cls(self.context)
        icons.decorate(page)
        page.grown.connect(lambda part, p=page: self._page_grew(p, part))
        self._pages[page_id] = page
        self.stack.addWidget(page)
        return page

    def _page_grew(self, page: Page, part: QWidget) -> None:
        """A part of ``page`` built later (a tab first shown): its buttons' icons, its views' keys."""
        icons.decorate(part)
        self.keyboard.part_built(page, part)

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def show_page(self, page_id: str) -> bool:
        row = self.navigation_model.row_of(page_id)
        if row < 0:
            return False
        self.navigation.selectionModel().setCurrentIndex(
            self.navigation_model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        return True

    def _navigated(self, current: QModelIndex, previous: QModelIndex) -> None:
        page_cls = self.navigation_model.page_at(current.row()) if current.isValid() else None
        if page_cls is None:
            return
        leaving = self.current_page()
        if (
            leaving is not None
            and leaving.page_id != page_cls.page_id
            and leaving.has_unsaved_changes()
            and not self._confirm_leave(leaving)
        ):
            # Stay: put the navigation back without running this handler again.
            selection = self.navigation.selectionModel()
            selection.blockSignals(True)
            selection.setCurrentIndex(previous, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            selection.blockSignals(False)
            self.navigation.viewport().update()
            return
        page = self.page(page_cls.page_id)
        if page is not None:
            self.stack.setCurrentWidget(page)
            self.keyboard.page_shown(page)
            self.undo_hub.set_active_page(page)
            self._settings.set_value(ui_settings.LAST_PAGE, page_cls.page_id)
            if page.page_id in self._stale and not page.has_unsaved_changes():
                self._stale.discard(page.page_id)
                page.refresh()

    def _fit_navigation(self) -> None:
        """The navigation never cuts a page title: a wide page widens the window instead (E5)."""
        view = self.navigation
        needed = view.sizeHintForColumn(0) + 2 * (view.frameWidth() + view.spacing()) + 4
        view.setMinimumWidth(max(NAVIGATION_MIN_WIDTH, needed))

    def _fill_go_menu(self) -> None:
        """View → Go to page, with Ctrl+1 … Ctrl+9 (E2); filled up front so the shortcuts work at once."""
        self.go_menu.clear()
        for row, page_id in enumerate(self.navigation_model.page_ids()):
            page_cls = self.navigation_model.page_at(row)
            assert page_cls is not None
            action = self.go_menu.addAction(icons.icon(page_cls.icon_name), _menu_text(page_cls.title(), row))
            if row < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, pid=page_id: self.show_page(pid))

    # --------------------------------------------------------------------------------------- actions

    def change_database(self) -> None:
        self.change_database_requested.emit()

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def focus_search(self) -> None:
        page = self.current_page()
        field = page.search_field() if page is not None else None
        if field is None:
            self.show_status(self.tr("This page has no search field."))
            return
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    def refresh_page(self) -> None:
        page = self.current_page()
        if page is not None:
            self._stale.discard(page.page_id)
        if page is not None and page.refresh():
            self.show_status(self.tr("Refreshed."), 2000)
        else:
            # Honest about placeholder pages: nothing was loaded, so nothing is said to be fresh.
            self.show_status(self.tr("This page has nothing to refresh yet."), 3000)

    def show_about(self) -> None:
        from mandant_desktop.ui.about_dialog import AboutDialog  # when asked for, not at start (issue 8)

        dialog = AboutDialog(self.context.app, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _confirm_leave(self, page: Page) -> bool:
        """The question before a page with unsaved changes is left; unanswered changes stay."""
        return interaction.get().confirm(
            self,
            self.tr("Leave without saving?"),
            self.tr(
                "The page {page} has changes that are not saved. Leave it anyway? The changes stay until you "
                "save or discard them there."
            ).format(page=page.title()),
            ok_text=self.tr("Leave page"),
        )

    def unsaved_pages(self) -> list[Page]:
        return [page for page in self._pages.values() if page.has_unsaved_changes()]

    # ------------------------------------------------------------------------------------ persistence

    def _restore_layout(self) -> None:
        geometry = self._settings.value(ui_settings.MAIN_WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        state = self._settings.value(ui_settings.MAIN_WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self._settings.value(ui_settings.MAIN_WINDOW_SPLITTER)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        self._settings.set_value(ui_settings.MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        self._settings.set_value(ui_settings.MAIN_WINDOW_STATE, self.saveState())
        self._settings.set_value(ui_settings.MAIN_WINDOW_SPLITTER, self.splitter.saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = self.unsaved_pages()
        if unsaved and not interaction.get().confirm(
            self,
            self.tr("Quit without saving?"),
            self.tr("These pages have changes that are not saved: {pages}. Quit anyway and lose them?").format(
                pages=", ".join(page.title() for page in unsaved)
            ),
            ok_text=self.tr("Quit without saving"),
            destructive=True,
        ):
            event.ignore()
            return
        self.save_layout()
        if self.monitor is not None:
            self.monitor.stop()
            set_connection_lost_handler(None)
        if self.change_watcher is not None:
            self.change_watcher.stop()
        # Every page's database call returns before the caller disposes the engine (S5, clean exit).
        tasks.wait_for_all()
        super().closeEvent(event)

    # ---------------------------------------------------------------------------------- translation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        elif event.type() == QEvent.Type.PaletteChange:
            # A light/dark switch: the line icons are drawn in the text colour of the palette.
            icons.clear_cache()
            self.navigation_model.retranslate()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        help_texts.apply(self)
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.go_menu.setTitle(self.tr("&Go to page"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.change_database_action.setText(self.tr("&Change database…"))
        self.change_database_action.setToolTip(self.tr("Connect to another database"))
        self.quit_action.setText(self.tr("&Quit"))
        self.find_action.setText(self.tr("&Find"))
        self.find_action.setToolTip(self.tr("Go to the search field of this page (Ctrl+F)"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.refresh_action.setToolTip(self.tr("Load this page again from the database (F5)"))
        self.whats_this_action.setText(self.tr("&What's This?"))
        self.whats_this_action.setToolTip(self.tr("Click a control to read what it does (Shift+F1)"))
        self.about_action.setText(self.tr("&About Mandant Desktop"))
        self.undo_hub.retranslate()
        self.copy_commands.retranslate()
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.navigation.setAccessibleName(self.tr("Pages"))
        if self.tenant_filter_controller is not None:
            self.tenant_filter_controller.update_button()
        self.status_profile.setToolTip(self.tr("Connection profile"))
        self.status_backend.setToolTip(self.tr("Database type"))
        self.status_operator.setToolTip(self.tr("Logged in as"))
        self.status_busy.setText(self.tr("Working…"))
        self.status_busy.setToolTip(self.tr("The database is working on a request; the window stays usable."))
        self.navigation_model.retranslate()
        self._fit_navigation()
        for action, page_id in zip(self.go_menu.actions(), self.navigation_model.page_ids(), strict=False):
            page_cls = self.navigation_model.page_at(self.navigation_model.row_of(page_id))
            if page_cls is not None:
                action.setText(_menu_text(page_cls.title(), self.navigation_model.row_of(page_id)))


def _menu_text(title: str, row: int) -> str:
    """A page title as an entry of Go to page, numbered as its Ctrl+digit: "&1 Tenants" … "1&0 Outbox"
    (the number is the mnemonic in every language); the "&" of "Contacts & lists" is doubled."""
    number = str(row + 1)
    return f"{number[:-1]}&{number[-1]} {title.replace('&', '&&')}"


def _status_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setContentsMargins(6, 0, 6, 0)
    return label
