"""The tenants page driven as a user would (SPEC T1-T5, T8, E2, section 9)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QTableView, QTreeView
from pytestqt.qtbot import QtBot
from tenanthelpers import add_tenants, add_user, grant
from uihelpers import FakeInteraction

from mandant_desktop import bootstrap
from mandant_desktop.db.models import AccessLevel
from mandant_desktop.domain.search_folding import matches, search_words
from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.domain.tenants import Access
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui.excepthook import ExceptionHook
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.settings import Settings
from mandant_desktop.ui.tenants.access_state import UserList
from mandant_desktop.ui.tenants.models import ByTenantModel
from mandant_desktop.ui.tenants.page import BY_TENANT, BY_USER, MATRIX, TenantsPage
from mandant_desktop.ui.tenants.tenant_dialog import TenantDialog

FULL, READ = AccessLevel.FULL, AccessLevel.READ_ONLY


@dataclass
class Scene:
    window: MainWindow
    page: TenantsPage
    app: bootstrap.AppContext
    operator: Operator
    main: int
    child: int
    other: int
    locked: int  # read only for the operator
    mia: int
    tom: int


@pytest.fixture
def scene(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    settings: Settings,
    language: LanguageManager,
    interactions: FakeInteraction,
) -> Iterator[Scene]:
    app, operator = admin_app
    factory = app.session_factory
    assert operator.id is not None
    main, other, locked = add_tenants(factory, "Hauptmandant", "Nebenmandant", "Gesperrt")
    (child,) = add_tenants(factory, "Tochter", parent=main)
    mia, tom = add_user(factory, "mia", "Mia", "Meier"), add_user(factory, "tom", "Tom", "Taler")
    grant(factory, operator.id, {main: FULL, child: FULL, other: FULL, locked: READ}, private={main})
    grant(factory, mia, {main: READ})
    window = MainWindow(app, operator, settings=settings, language=language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("tenants")
    page = window.current_page()
    assert isinstance(page, TenantsPage)
    qtbot.waitUntil(lambda: not page.busy)  # S5: tenants and matrix load on a worker
    yield Scene(window, page, app, operator, main, child, other, locked, mia, tom)


def _idle(page: TenantsPage, timeout_s: float = 5.0) -> None:
    """Until what the page shows has arrived: a tenant's access and the by-user and matrix views
    load on a worker when first shown (issue 8)."""
    deadline = time.monotonic() + timeout_s
    while page.busy:
        assert time.monotonic() < deadline, "the tenants page stayed busy"
        QTest.qWait(5)


def _select_tenant(page: TenantsPage, tenant_id: int) -> None:
    index = page.tenant_model.index_of(tenant_id)
    page.tenant_tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    _idle(page)


def _show_view(page: TenantsPage, view: int) -> None:
    page.tabs.setCurrentIndex(view)
    _idle(page)


def _select_user_row(page: TenantsPage, user_id: int) -> None:
    page.tabs.setCurrentIndex(BY_TENANT)
    page.access_table.selectionModel().setCurrentIndex(
        page.by_tenant.index(page.by_tenant.row_of(user_id), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def _stored(scene: Scene) -> dict[tuple[int, int], Access]:
    return scene.app.services.access.load_matrix(scene.operator).cells


def test_objects_of_section_9_and_the_tree(scene: Scene) -> None:
    """Section 9 objectNames; T5: sub-tenants sit below their main tenant."""
    page = scene.page
    for name, kind in (
        ("tenantList", QTreeView),
        ("accessTable", QTableView),
        ("accessSaveButton", QPushButton),
        ("accessDiscardButton", QPushButton),
    ):
        assert page.findChild(kind, name) is not None, name
    root = page.tenant_model.index_of(scene.main)
    assert page.tenant_model.index(0, 0, root).data() == "Tochter"
    assert page.tenant_model.rowCount() == 3  # Gesperrt, Hauptmandant, Nebenmandant


def test_change_levels_save_and_discard(qtbot: QtBot, scene: Scene) -> None:
    """T2: edits are staged, shown as unsaved, written by Save (Ctrl+S) and reverted by Discard."""
    page = scene.page
    _select_tenant(page, scene.main)
    assert not page.save_button.isEnabled() and not page.has_unsaved_changes()
    _select_user_row(page, scene.tom)
    qtbot.mouseClick(page.level_buttons[Level.FULL], Qt.MouseButton.LeftButton)
    page.private_on.trigger()
    assert page.has_unsaved_changes() and page.save_button.isEnabled()
    assert page.dirty_label.text() == "Unsaved changes: 1"
    assert page.heading.text().endswith("*")
    assert (scene.main, scene.tom) not in _stored(scene)

    page.access_table.setFocus()
    qtbot.keyClick(page.access_table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # written and reloaded off the GUI thread (S5)
    qtbot.waitUntil(lambda: not page.saving and not page.busy, timeout=5000)
    assert not page.has_unsaved_changes()
    assert _stored(scene)[(scene.main, scene.tom)] == Access(Level.FULL, True)

    _select_user_row(page, scene.mia)
    page.set_level(Level.HIDDEN)
    assert page.by_tenant.index(page.by_tenant.row_of(scene.mia), ByTenantModel.ACCESS).data() == "Hidden"
    qtbot.mouseClick(page.discard_button, Qt.MouseButton.LeftButton)
    assert not page.has_unsaved_changes()
    assert page.by_tenant.index(page.by_tenant.row_of(scene.mia), ByTenantModel.ACCESS).data() == "Read only"
    assert _stored(scene)[(scene.main, scene.mia)] == Access(Level.READ_ONLY)


def test_a_save_that_fails_unexpectedly_unlocks_the_page_and_keeps_the_edits(
    qtbot: QtBot,
    scene: Scene,
    monkeypatch: pytest.MonkeyPatch,
    interactions: FakeInteraction,
    tmp_path: Path,
) -> None:
    """T2, S5: a programming error in the save's worker (not a refusal) releases the locked access
    views, keeps the staged edits for another try and tells the user; before, only the exception
    hook heard of it and the page stayed locked for good."""
    page = scene.page
    _select_tenant(page, scene.main)
    _select_user_row(page, scene.tom)
    qtbot.mouseClick(page.level_buttons[Level.FULL], Qt.MouseButton.LeftButton)
    hook = ExceptionHook(tmp_path / "mandant.log", interactive=True)
    hook.install()

    def broken(*_args: object) -> int:
        raise AttributeError("a bug in the service")

    monkeypatch.setattr(scene.app.services.access, "save", broken)
    try:
        assert page.save()
        assert page.saving and not page.tabs.isEnabled()
        qtbot.waitUntil(lambda: not page.saving, timeout=5000)
    finally:
        hook.uninstall()
    assert page.tabs.isEnabled() and page.save_button.isEnabled()
    assert page.has_unsaved_changes()
    assert [m.title for m in interactions.messages] == ["Unexpected error"]
    monkeypatch.undo()
    assert page.save()
    qtbot.waitUntil(lambda: not page.saving and not page.busy, timeout=5000)
    assert _stored(scene)[(scene.main, scene.tom)] == Access(Level.FULL)


def test_edit_through_the_delegate_and_the_check_box(qtbot: QtBot, scene: Scene) -> None:
    """T2: the level is edited in the cell (combo box), private data by its check box; no widget per cell."""
    page = scene.page
    _select_tenant(page, scene.other)
    row = page.by_tenant.row_of(scene.mia)
    index = page.by_tenant.index(row, ByTenantModel.ACCESS)
    assert page.by_tenant.setData(index, "read_only")
    private = page.by_tenant.index(row, ByTenantModel.PRIVATE)
    assert page.by_tenant.flags(private) & Qt.ItemFlag.ItemIsUserCheckable
    assert page.by_tenant.setData(private, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert page.state.get(scene.other, scene.mia) == Access(Level.READ_ONLY, True)
    page.access_table.edit(index)
    editors = page.access_table.findChildren(object, "accessLevelEditor")
    assert len(editors) == 1  # one editor while editing, nothing per cell otherwise


def test_the_unsaved_changes_question(qtbot: QtBot, scene: Scene, interactions: FakeInteraction) -> None:
    """T2: F5, leaving the page and switching tenants filter ask before staged edits are lost;
    switching tenants keeps them (they belong to the whole matrix)."""
    page, window = scene.page, scene.window
    _select_tenant(page, scene.main)
    _select_user_row(page, scene.tom)
    page.set_level(Level.READ_ONLY)
    _select_tenant(page, scene.other)
    assert page.has_unsaved_changes()

    interactions.confirm_answers = [False]
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert interactions.of_kind("confirm")[-1].title == "Discard unsaved changes?"
    assert page.has_unsaved_changes()

    interactions.confirm_answers = [False]
    window.show_page("audit")
    assert window.current_page() is page
    assert interactions.of_kind("confirm")[-1].title == "Leave without saving?"
    assert window.unsaved_pages() == [page]

    interactions.confirm_answers = [True]
    assert page.refresh()
    qtbot.waitUntil(lambda: not page.busy)
    assert not page.has_unsaved_changes()
    assert page.state.get(scene.main, scene.tom).level is Level.HIDDEN


def test_the_three_views_agree(qtbot: QtBot, scene: Scene) -> None:
    """T3: an edit in any view is at once in the other two; Save writes it once."""
    page = scene.page
    _select_tenant(page, scene.other)
    # Matrix: tom on Nebenmandant.
    _show_view(page, MATRIX)
    column = next(c for c in range(page.matrix.columnCount()) if page.matrix.tenant_id(c) == scene.other)
    page.matrix_table.selectionModel().select(
        page.matrix.index(page.matrix.row_of(scene.tom), column), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert page.set_level(Level.FULL) == 1
    assert page.by_tenant.index(page.by_tenant.row_of(scene.tom), ByTenantModel.ACCESS).data() == "Full access"
    # By user: mia on Hauptmandant and Nebenmandant.
    _show_view(page, BY_USER)
    page.user_list.setCurrentIndex(page.user_list_model.index(page.user_list_model.row_of(scene.mia), 0))
    assert page.by_user.user_id == scene.mia
    selection = page.user_table.selectionModel()
    for tenant in (scene.main, scene.other):
        row = next(r for r in range(page.by_user.rowCount()) if page.by_user.tenant_id(r) == tenant)
        selection.select(
            page.by_user.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert page.set_level(Level.READ_ONLY) == 1  # Hauptmandant was read only already
    mia_column = page.matrix.index(page.matrix.row_of(scene.mia), column)
    assert mia_column.data() == "Read only"
    assert page.by_tenant.index(page.by_tenant.row_of(scene.mia), ByTenantModel.ACCESS).data() == "Read only"
    assert page.state.pending() == 2
    assert page.save()
    # written and reloaded off the GUI thread (S5)
    qtbot.waitUntil(lambda: not page.saving and not page.busy, timeout=5000)
    assert not page.state.is_dirty()
    stored = _stored(scene)
    assert stored[(scene.other, scene.tom)] == Access(Level.FULL)
    assert stored[(scene.other, scene.mia)] == Access(Level.READ_ONLY)


def test_read_only_tenant_disables_every_edit(scene: Scene) -> None:
    """T8: a tenant the operator may only read shows access without any way to change it."""
    page = scene.page
    _select_tenant(page, scene.locked)
    assert "read only for you" in page.heading.text()
    _select_user_row(page, scene.mia)
    assert not any(b.isEnabled() for b in page.level_buttons.values())
    index = page.by_tenant.index(page.by_tenant.row_of(scene.mia), ByTenantModel.ACCESS)
    assert not page.by_tenant.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not page.by_tenant.setData(index, "full")
    menu = page.access_menu()
    assert not any(a.isEnabled() for a in menu.actions() if a.text() in ("&Full access", "&Read only", "&Hidden"))
    menu.deleteLater()


def _key_on(qtbot: QtBot, view: QTableView, key: Qt.Key) -> None:
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    QTest.keyClick(view, key)


def test_the_keys_1_2_3_set_the_levels_in_every_view(qtbot: QtBot, scene: Scene) -> None:
    """E2, T2, T3: in each access view 1, 2 and 3 set the selected cells to full access, read only
    and hidden (staged, as the buttons do); the context menu shows each key beside its level and
    says in the status tip what it does."""
    page = scene.page
    _select_tenant(page, scene.main)
    _select_user_row(page, scene.tom)
    _key_on(qtbot, page.access_table, Qt.Key.Key_1)
    assert page.state.get(scene.main, scene.tom).level is Level.FULL
    _key_on(qtbot, page.access_table, Qt.Key.Key_2)
    assert page.state.get(scene.main, scene.tom).level is Level.READ_ONLY

    _show_view(page, MATRIX)
    column = next(c for c in range(page.matrix.columnCount()) if page.matrix.tenant_id(c) == scene.other)
    page.matrix_table.setCurrentIndex(page.matrix.index(page.matrix.row_of(scene.mia), column))
    _key_on(qtbot, page.matrix_table, Qt.Key.Key_1)
    assert page.state.get(scene.other, scene.mia).level is Level.FULL

    _show_view(page, BY_USER)
    page.user_list.setCurrentIndex(page.user_list_model.index(page.user_list_model.row_of(scene.mia), 0))
    row = next(r for r in range(page.by_user.rowCount()) if page.by_user.tenant_id(r) == scene.other)
    page.user_table.selectRow(row)
    _key_on(qtbot, page.user_table, Qt.Key.Key_3)
    assert page.state.get(scene.other, scene.mia).level is Level.HIDDEN
    # tom on Hauptmandant is staged; mia on Nebenmandant is hidden again, as stored: nothing to save there
    assert page.state.pending() == 1

    menu = page.access_menu()
    levels = [a for a in menu.actions() if a.shortcut().toString() in ("1", "2", "3")]
    assert [(a.text(), a.shortcut().toString()) for a in levels] == [
        ("&Full access", "1"),
        ("&Read only", "2"),
        ("&Hidden", "3"),
    ]
    assert all(f"(key {a.shortcut().toString()})" in a.statusTip() for a in levels)
    menu.deleteLater()


def test_the_level_keys_change_nothing_where_the_operator_may_only_read(qtbot: QtBot, scene: Scene) -> None:
    """T8, E2: on a tenant read only for the operator the keys stage nothing, as the buttons."""
    page = scene.page
    _select_tenant(page, scene.locked)
    _select_user_row(page, scene.mia)
    before = page.state.get(scene.locked, scene.mia)
    _key_on(qtbot, page.access_table, Qt.Key.Key_1)
    assert page.state.get(scene.locked, scene.mia) == before
    assert page.state.pending() == 0


def test_space_ticks_private_data_in_the_access_views(qtbot: QtBot, scene: Scene) -> None:
    """E2, T2: on a row's Private data box Space ticks and unticks it (staged), as a click does;
    a user who works with the keyboard reaches the box with the arrow keys."""
    page = scene.page
    _select_tenant(page, scene.main)
    _select_user_row(page, scene.mia)
    row = page.by_tenant.row_of(scene.mia)
    before = page.state.get(scene.main, scene.mia).private
    page.access_table.setCurrentIndex(page.by_tenant.index(row, ByTenantModel.PRIVATE))
    _key_on(qtbot, page.access_table, Qt.Key.Key_Space)
    assert page.state.get(scene.main, scene.mia).private is not before
    _key_on(qtbot, page.access_table, Qt.Key.Key_Space)
    assert page.state.get(scene.main, scene.mia).private is before
    assert page.state.pending() == 0


def test_apply_to_sub_tenants(qtbot: QtBot, scene: Scene) -> None:
    """T5: a user's access on a tenant goes to all its sub-tenants in one step."""
    page = scene.page
    _select_tenant(page, scene.main)
    _select_user_row(page, scene.mia)
    assert page.sub_button.isEnabled()
    qtbot.mouseClick(page.sub_button, Qt.MouseButton.LeftButton)
    assert page.state.get(scene.child, scene.mia) == Access(Level.READ_ONLY)
    assert page.save()
    qtbot.waitUntil(lambda: not page.saving, timeout=5000)
    assert _stored(scene)[(scene.child, scene.mia)] == Access(Level.READ_ONLY)


def test_new_tenant_dialog_and_delete(
    qtbot: QtBot, scene: Scene, monkeypatch: pytest.MonkeyPatch, interactions: FakeInteraction
) -> None:
    """T1, T4: Ctrl+N opens the dialog; a bad name is refused in the dialog; the new tenant is
    selected and the creator has full access; Del deletes an empty tenant after a question."""
    page = scene.page
    typed: list[str] = ["Hauptmandant", "Presse Süd"]
    messages: list[str] = []

    def run(dialog: TenantDialog) -> int:
        while typed:
            dialog.name_edit.setText(typed.pop(0))
            dialog.slug_edit.setText("presse-sued")
            dialog.newsroom_edit.setText("Newsroom Süd")
            dialog.submit()
            if dialog.message.text():
                messages.append(dialog.message.text())
            if dialog.result() == TenantDialog.DialogCode.Accepted:
                break
        return dialog.result()

    monkeypatch.setattr(TenantDialog, "exec", run)
    page.tenant_tree.setFocus()
    qtbot.keyClick(page.tenant_tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not page.busy)
    assert messages == ["A tenant named Hauptmandant exists already."]
    current = page.current_tenant()
    assert current is not None and current.name == "Presse Süd" and current.newsroom_slug == "presse-sued"
    assert page.state.get(current.id, scene.operator.id or 0) == Access(Level.FULL, True)

    interactions.confirm_answers = [True]
    qtbot.keyClick(page.tenant_tree, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: not page.busy)
    assert "Presse Süd" not in {t.name for t in page.tenant_model.tenants()}

    # A tenant that holds data is refused with the reason.
    _select_tenant(page, scene.main)
    interactions.confirm_answers = [True]
    assert not page.delete_tenant()
    assert interactions.of_kind("error")[-1].text.endswith("holds data: 1 sub-tenant.")


def test_export_and_context_menu(qtbot: QtBot, scene: Scene, tmp_path: Path) -> None:
    """T2/T3: the access matrix exports to Excel; the context menu offers the level actions (E2)."""
    page = scene.page
    out = tmp_path / "zugriff.xlsx"
    page.export_to(str(out))  # on a worker (S5)
    status = scene.window.statusBar()
    qtbot.waitUntil(lambda: "rows exported" in status.currentMessage())
    assert int(status.currentMessage().split()[0]) > 0 and out.exists()
    sheet = openpyxl.load_workbook(out).active
    assert [c.value for c in sheet[1]][:4] == ["User", "User name", "E-mail", "Tenant"]
    _select_user_row(page, scene.tom)
    menu = page.access_menu()
    assert [a.text() for a in menu.actions() if a.text()][:3] == ["&Full access", "&Read only", "&Hidden"]
    menu.deleteLater()
    page.access_table.customContextMenuRequested.emit(QPoint(5, 5))


def test_item_models_pass_the_model_tester(qtmodeltester: object, scene: Scene) -> None:
    """House style: every model of the page passes pytest-qt's qtmodeltester."""
    page = scene.page
    _select_tenant(page, scene.main)
    page.by_user.set_user(scene.mia)
    for model in (page.tenant_model, page.by_tenant, page.by_user, page.matrix, page.user_list_model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_matrix_stays_virtual_at_scale(qtbot: QtBot, scene: Scene) -> None:
    """T3/section 8: 10,000 users × 200 tenants: rows are fetched in blocks, cells are painted,
    and an edit is a dictionary write, not a reload."""
    from mandant_desktop.services.access import AccessMatrix, AccessTenant, AccessUser

    tenants = [AccessTenant(i, f"Mandant {i:03}", None, True) for i in range(1, 201)]
    users = [AccessUser(10_000 + i, f"Benutzer {i:05}", f"u{i}", None, True) for i in range(10_000)]
    cells = {(t.id, u.id): Access(Level.READ_ONLY) for t in tenants[:5] for u in users}
    page = scene.page
    page.state.load(AccessMatrix(tenants, users, cells))
    _show_view(page, MATRIX)
    assert page.matrix.columnCount() == 200
    assert page.matrix.rowCount() == 500  # the first block
    page.matrix_table.scrollToBottom()
    qtbot.waitUntil(lambda: page.matrix.rowCount() > 500)
    # One tenant for every loaded user (a column), then one cell: both stay well under a second.
    started = time.perf_counter()
    page.matrix_table.selectColumn(7)
    assert page.set_level(Level.FULL) == page.matrix.rowCount()
    page.matrix_table.clearSelection()
    page.matrix_table.selectionModel().select(page.matrix.index(3, 3), QItemSelectionModel.SelectionFlag.Select)
    assert page.set_level(Level.HIDDEN) == 1
    QApplication.processEvents()
    assert time.perf_counter() - started < 2.0
    assert page.state.pending() == page.matrix.rowCount() + 1


def test_matrix_titles_run_upwards_and_are_whole(qtbot: QtBot, scene: Scene) -> None:
    """T3: the tenant names above the narrow matrix columns are written upwards, so a name of a
    dozen letters is readable instead of cut to three; very long names stop at a height limit."""
    from mandant_desktop.ui.tenants.rotated_header import MAX_HEIGHT, RotatedHeaderView

    page = scene.page
    _show_view(page, MATRIX)
    header = page.matrix_table.horizontalHeader()
    assert isinstance(header, RotatedHeaderView)
    longest = max(
        header.fontMetrics().horizontalAdvance(str(page.matrix.headerData(c, Qt.Orientation.Horizontal)))
        for c in range(page.matrix.columnCount())
    )
    assert header.sectionSize(0) < longest  # the column alone could not show the name
    assert min(longest, MAX_HEIGHT - 16) <= header.height() <= MAX_HEIGHT
    assert not page.matrix_table.grab().isNull()  # paints without a Qt warning


def test_the_matrix_loads_off_the_gui_thread_with_the_views_locked(
    qtbot: QtBot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5, T2: F5 loads tenants and access matrix on a worker; meanwhile no edit can be staged on
    the matrix about to be replaced, and the page is usable again afterwards."""
    import threading

    from mandant_desktop.ui.tenants import page as page_module

    page = scene.page
    real = page_module._load_page
    threads: list[int] = []
    release = threading.Event()

    def load(services, operator, keep, everything):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        release.wait(5)
        return real(services, operator, keep, everything)

    monkeypatch.setattr(page_module, "_load_page", load)
    assert page.refresh()
    assert page.busy and not page.tabs.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: not page.busy)
    assert page.tabs.isEnabled() and threads and threading.get_ident() not in threads
    _select_tenant(page, scene.main)
    _select_user_row(page, scene.tom)
    assert page.set_level(Level.READ_ONLY) == 1 and page.has_unsaved_changes()


def test_matrix_chips_are_drawn_once_per_look_and_anew_when_the_look_changes(qtbot: QtBot, scene: Scene) -> None:
    """T3, issue 8 (access_matrix_scroll): cells that look alike copy one picture of their chip; an
    edit (blue frame) or a selection gets a picture of its own, and a new palette or language
    draws the pictures anew."""
    from PySide6.QtGui import QPalette

    from mandant_desktop.ui.tenants.delegates import LevelDelegate

    page = scene.page
    _show_view(page, MATRIX)
    view = page.matrix_table
    delegate = view.itemDelegate()
    assert isinstance(delegate, LevelDelegate)
    view.grab()
    looks = dict(delegate._chips)
    cells = page.matrix.rowCount() * page.matrix.columnCount()
    assert 0 < len(looks) < cells  # one picture per look, not per cell
    before = view.grab().toImage()
    row, column = page.matrix.row_of(scene.mia), page.state.position(scene.main)
    view.selectionModel().select(page.matrix.index(row, column), QItemSelectionModel.SelectionFlag.Select)
    current = page.state.get(scene.main, scene.mia).level
    assert page.set_level(Level.READ_ONLY if current is Level.FULL else Level.FULL) == 1
    after = view.grab().toImage()
    assert after != before
    assert any(edited for _level, edited, *_rest in delegate._chips)
    assert any(selected is not None for *_info, selected, _w, _h in delegate._chips)
    palette = QPalette(view.palette())
    palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.darkRed)
    view.setPalette(palette)
    assert not delegate._chips  # drawn anew with the new text colour
    view.grab()
    assert delegate._chips
    delegate.retranslate()
    assert not delegate._chips


def test_the_first_view_is_usable_before_the_others_are_loaded(qtbot: QtBot, scene: Scene) -> None:
    """Issue 8: the page is usable once the tenants and the selected tenant's access are there;
    another tenant's access loads when it is chosen, the by-user view and the matrix load theirs
    when first shown, each with its loading note (S5), and a reload on the matrix reads it all."""
    from mandant_desktop.ui.loading_note import LoadingNote

    page = scene.page
    first = page.current_tenant()
    assert first is not None and page.state.loaded(first.id) and not page.state.complete
    assert page.by_tenant.index(page.by_tenant.row_of(scene.mia), ByTenantModel.ACCESS).data() is not None
    assert page.matrix.columnCount() == 0 and page.user_list_model.rowCount() == 0 and not page.busy
    assert not page.state.editable(scene.other)  # full access, but its cells are not here yet

    index = page.tenant_model.index_of(scene.main)
    page.tenant_tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    note = page.findChild(LoadingNote, "accessLoadingNote")
    assert page.busy and note is not None and note.isVisible()
    assert page.by_tenant.index(page.by_tenant.row_of(scene.mia), ByTenantModel.ACCESS).data() is None
    _idle(page)
    assert not note.isVisible() and page.state.loaded(scene.main) and page.state.loaded(scene.child)  # T5
    assert page.by_tenant.index(page.by_tenant.row_of(scene.mia), ByTenantModel.ACCESS).data() == "Read only"
    assert not page.state.loaded(scene.other)

    for view, name in ((MATRIX, "accessMatrixLoadingNote"), (BY_USER, "accessByUserLoadingNote")):
        page.tabs.setCurrentIndex(view)
        view_note = page.findChild(LoadingNote, name)
        assert view_note is not None
        if view == MATRIX:  # the first view over every tenant loads them all
            assert page.busy and view_note.isVisible() and page.tabs.isEnabled()
        _idle(page)
        assert page.state.complete and not view_note.isVisible()
    assert page.matrix.columnCount() == 4 and page.user_list_model.rowCount() == page.by_tenant.rowCount()

    assert page.refresh()  # F5 or a change elsewhere (E8) while the matrix is shown
    _idle(page)
    assert page.state.complete and page.matrix.columnCount() == 4


def test_edits_before_the_matrix_was_opened_stay_and_save_writes_exactly_the_pending_cells(
    qtbot: QtBot, scene: Scene
) -> None:
    """Issue 8, T2, T3, T5: edits made by tenant before the matrix was ever loaded are in the
    matrix and the by-user view when those load; Save writes those cells and no other; Discard
    drops them in every view."""
    from mandant_desktop.ui.tenants.models import EDITED_ROLE

    page = scene.page
    before = _stored(scene)
    _select_tenant(page, scene.main)
    _select_user_row(page, scene.tom)
    assert page.set_level(Level.FULL) == 1
    assert page.apply_to_sub_tenants() == 1  # tom on Tochter as on Hauptmandant
    assert page.state.pending() == 2 and not page.state.complete

    _show_view(page, MATRIX)
    assert page.state.pending() == 2
    cell = page.matrix.index(page.matrix.row_of(scene.tom), page.state.position(scene.child))
    assert cell.data() == "Full access" and cell.data(EDITED_ROLE)
    page.matrix_table.selectionModel().select(
        page.matrix.index(page.matrix.row_of(scene.mia), page.state.position(scene.other)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    assert page.set_level(Level.READ_ONLY) == 1
    _show_view(page, BY_USER)
    page.user_list.setCurrentIndex(page.user_list_model.index(page.user_list_model.row_of(scene.mia), 0))
    row = next(r for r in range(page.by_user.rowCount()) if page.by_user.tenant_id(r) == scene.other)
    assert page.by_user.index(row, page.by_user.ACCESS).data() == "Read only"
    page.tabs.setCurrentIndex(BY_TENANT)
    _select_tenant(page, scene.other)
    assert page.by_tenant.index(page.by_tenant.row_of(scene.mia), ByTenantModel.ACCESS).data() == "Read only"
    assert page.dirty_label.text() == "Unsaved changes: 3"

    assert page.save()
    qtbot.waitUntil(lambda: not page.saving and not page.busy, timeout=5000)
    after = _stored(scene)
    changed = {c for c in before.keys() | after.keys() if before.get(c) != after.get(c)}
    assert changed == {(scene.main, scene.tom), (scene.child, scene.tom), (scene.other, scene.mia)}

    # Discard after the views were loaded drops the edit everywhere.
    _select_user_row(page, scene.mia)
    assert page.set_level(Level.HIDDEN) == 1
    _show_view(page, MATRIX)
    matrix_cell = page.matrix.index(page.matrix.row_of(scene.mia), page.state.position(scene.other))
    assert matrix_cell.data() == "Hidden"
    page.discard()
    assert matrix_cell.data() == "Read only" and not page.has_unsaved_changes()


def test_cells_read_for_an_older_load_are_not_added(qtbot: QtBot, scene: Scene) -> None:
    """A reload between the request and the answer of a tenant's cells drops that answer: its
    cells belong to the matrix that was replaced."""
    page = scene.page
    generation = page.state.generation
    cells = scene.app.services.access.load_cells(scene.operator, [scene.other])
    assert page.refresh()
    _idle(page)
    assert page.state.generation == generation + 1
    assert not page.state.add_cells(generation, [scene.other], cells)
    assert not page.state.loaded(scene.other)
    assert page.state.add_cells(page.state.generation, [scene.other], cells)
    assert page.state.loaded(scene.other) and page.state.editable(scene.other)


def _click_tab(page: TenantsPage, view: int) -> None:
    """A click on the tab of ``view``, as a user makes it."""
    bar = page.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(view).center())


def test_a_tab_click_right_after_the_load_shows_and_loads_that_view(
    qtbot: QtBot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5, T3: while the page loads its tabs take no click; the first click once the load has
    settled (in the same pass of the event loop) switches the view and loads what it shows."""
    import threading

    from mandant_desktop.ui.tenants import page as page_module

    page = scene.page
    real = page_module._load_page
    release = threading.Event()

    def load(services, operator, keep, everything):  # type: ignore[no-untyped-def]
        release.wait(5)
        return real(services, operator, keep, everything)

    monkeypatch.setattr(page_module, "_load_page", load)
    assert page.refresh()
    _click_tab(page, MATRIX)
    assert page.tabs.currentIndex() == BY_TENANT  # locked while the load runs
    clicked: list[int] = []

    def click_at_once() -> None:
        _click_tab(page, MATRIX)
        clicked.append(page.tabs.currentIndex())

    page.loader.settled.connect(click_at_once)
    release.set()
    qtbot.waitUntil(lambda: bool(clicked))
    assert clicked == [MATRIX]
    _idle(page)
    assert page.state.complete and page.matrix.columnCount() == 4
    assert page.matrix.index(page.matrix.row_of(scene.mia), page.state.position(scene.main)).data() == "Read only"


def test_the_view_shown_last_comes_back_and_is_what_the_first_load_reads(
    qtbot: QtBot, scene: Scene, settings: Settings, language: LanguageManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E4: the tenants page opens on the view (by tenant, by user, matrix) shown last; its first
    load then reads what that view needs (every tenant's cells for the matrix), not the selected
    tenant's first and the rest after."""
    from mandant_desktop.ui.tenants import page as page_module

    _click_tab(scene.page, MATRIX)
    _idle(scene.page)
    scene.window.close()
    real = page_module._load_page
    loads: list[bool] = []

    def load(services, operator, keep, everything):  # type: ignore[no-untyped-def]
        loads.append(everything)
        return real(services, operator, keep, everything)

    monkeypatch.setattr(page_module, "_load_page", load)
    for view in (MATRIX, BY_USER, BY_TENANT):
        window = MainWindow(scene.app, scene.operator, settings=settings, language=language)
        qtbot.addWidget(window)
        window.show_page("tenants")
        page = window.current_page()
        assert isinstance(page, TenantsPage)
        assert page.tabs.currentIndex() == view
        _idle(page)
        assert page.state.complete == (view != BY_TENANT)
        assert loads[-1] == (view != BY_TENANT) and len(loads) == 1 + [MATRIX, BY_USER, BY_TENANT].index(view)
        _click_tab(page, {MATRIX: BY_USER, BY_USER: BY_TENANT, BY_TENANT: MATRIX}[view])
        _idle(page)
        window.close()


def test_the_start_knows_which_tabs_show_every_tenant(scene: Scene) -> None:
    """E4, issue 8: the start's head-start load reads what the remembered tab needs; its names
    for the by-user view and the matrix are those the page's tabs are remembered by."""
    from mandant_desktop.ui.deferred_tab import tab_name
    from mandant_desktop.ui.tenants import page_load

    tabs = scene.page.tabs
    for view in (BY_TENANT, BY_USER, MATRIX):
        widget = tabs.widget(view)
        assert widget is not None
        assert page_load.shows_every_tenant(tab_name(widget)) is (view != BY_TENANT)


def test_the_hidden_views_are_built_when_first_shown_and_then_work_as_the_first(qtbot: QtBot, scene: Scene) -> None:
    """Issue 8, T2, T3, E2: the start builds the view it shows; the by-user view and the matrix
    (with its rotated header, delegate and legend) do not exist until their tab is first shown,
    which the keyboard does in time, and then have the keys, tips and edits the first view has.
    Their tabs are titled and reachable before."""
    from PySide6.QtWidgets import QListView

    from mandant_desktop.ui.cell_tips import ElidedCellTips
    from mandant_desktop.ui.tenants.legend import MatrixLegend

    page = scene.page
    for kind, name in (
        (QListView, "accessUserList"),
        (QTableView, "accessByUserTable"),
        (QTableView, "accessMatrix"),
        (MatrixLegend, "accessMatrixLegend"),
    ):
        assert page.findChild(kind, name) is None, name
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["By tenant", "By user", "Tenants × users"]
    assert page.findChild(QTableView, "accessTable").findChild(ElidedCellTips) is not None
    # The keyboard on the tab bar (as Tab takes it there) opens the by-user view, built as it shows.
    page.tabs.tabBar().setFocus()
    QTest.keyClick(page.tabs.tabBar(), Qt.Key.Key_Right)
    assert page.tabs.currentIndex() == BY_USER
    users, table = page.findChild(QListView, "accessUserList"), page.findChild(QTableView, "accessByUserTable")
    assert users is page.user_list and table is page.user_table and table.isVisible() and users.isVisible()
    assert page.findChild(QTableView, "accessMatrix") is None  # still not asked for
    assert page.user_hint.isVisible()
    _idle(page)
    users.setCurrentIndex(page.user_list_model.index(page.user_list_model.row_of(scene.mia), 0))
    row = next(r for r in range(page.by_user.rowCount()) if page.by_user.tenant_id(r) == scene.other)
    table.selectRow(row)
    _key_on(qtbot, table, Qt.Key.Key_1)  # the level keys work on it as on the first view
    assert page.state.pending() == 1
    page.discard()
    QTest.keyClick(page.tabs.tabBar(), Qt.Key.Key_Right)
    matrix = page.findChild(QTableView, "accessMatrix")
    assert matrix is page.matrix_table and matrix.isVisible() and page.legend.isVisible()
    _idle(page)
    assert matrix.model() is page.matrix and page.matrix.columnCount() == 4
    # What the window gives a page's views when it is shown, the later ones got when built (E2).
    for view in (table, matrix):
        names = {action.objectName() for action in view.actions()}
        assert {"keyboardMenuAction", "copyRowsAction", "copyRowsWithTitlesAction"} <= names, names
        assert view.findChild(ElidedCellTips) is not None
    QTest.keyClick(page.tabs.tabBar(), Qt.Key.Key_Left)
    assert table.isVisible() and not matrix.isVisible() and not page.legend.isVisible()


def test_a_hidden_view_asked_for_is_built_at_once(scene: Scene) -> None:
    """Issue 8: code (tests, the bench) that asks for a view not shown yet gets it, built and
    fed by the same model; it stays hidden until its tab is chosen."""
    page = scene.page
    matrix = page.matrix_table
    assert page.findChild(QTableView, "accessMatrix") is matrix and matrix.model() is page.matrix
    assert not matrix.isVisible() and not page.legend.isVisible() and page.tabs.currentIndex() == BY_TENANT
    _show_view(page, MATRIX)
    assert matrix.isVisible() and page.legend.isVisible()


def test_the_by_user_view_says_what_to_do_before_a_user_is_chosen(scene: Scene) -> None:
    """T3: the by-user view was an empty table until a user was picked; it now says to pick one, and
    the note goes once a user is chosen."""
    page = scene.page
    _show_view(page, BY_USER)
    assert page.user_hint.isVisibleTo(page) and "Choose a user" in page.user_hint.text()
    page.user_list.setCurrentIndex(page.user_list_model.index(page.user_list_model.row_of(scene.mia), 0))
    assert not page.user_hint.isVisibleTo(page)


def test_the_status_line_counts_the_users_with_the_locale_separators(
    scene: Scene, language: LanguageManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    """T2, E1: the status line says how many users the access views list, as the other pages count
    theirs ("1.234 Benutzer"), and how many of them a search leaves ("1 von 4 Benutzern")."""
    page = scene.page
    total = len(page.state.users)
    assert total >= 3 and page.user_count.objectName() == "accessUserCount"
    assert page.user_count.text() == f"{total} user(s)"
    page.search.setText("mia")
    assert page.by_tenant.matching() == 1
    assert page.user_count.text() == f"1 of {total} user(s)"
    language.choose("de")
    QApplication.processEvents()  # the LanguageChange events are posted
    assert page.user_count.text() == f"1 von {total} Benutzern"
    page.search.clear()
    assert page.user_count.text() == f"{total} Benutzer"
    # Thousands separators as in the other pages' counts (formats.number_text, %Ln)
    many = list(page.state.users) * 1000
    monkeypatch.setattr(page.state, "users", UserList([user.id for user in many], many))
    page.search.setText("mia")
    assert page.user_count.text() == f"{page.by_tenant.matching():,} von {total * 1000:,} Benutzern".replace(",", ".")
    page.search.clear()
    assert page.user_count.text() == f"{total * 1000:,} Benutzer".replace(",", ".")


def test_the_matrix_has_a_legend_of_its_marks_in_both_schemes_and_languages(
    qtbot: QtBot, scene: Scene, language: LanguageManager
) -> None:
    """T2, T3, T8, E1, E5: under the tenants × users matrix (and only there) a legend says what
    each mark and colour means: the three levels as the cells show them (same letter, same chip),
    an unsaved edit, a cell the operator may not change, where private data shows; its samples
    are named for screen readers, and it is drawn from the palette, so it reads in light and dark."""
    from mandant_desktop.ui import theme
    from mandant_desktop.ui.tenants.legend import MatrixLegend

    page = scene.page
    assert page.findChild(MatrixLegend, "accessMatrixLegend") is None  # built with the matrix (issue 8)
    _show_view(page, MATRIX)
    legend = page.findChild(MatrixLegend, "accessMatrixLegend")
    assert legend is page.legend
    assert legend.isVisible()
    # The marks are the ones the matrix shows: the cell of mia on the main tenant reads "R".
    cell = page.matrix.index(page.matrix.row_of(scene.mia), page.state.position(scene.main))
    assert cell.data() == "Read only"
    delegate = page.matrix_table.itemDelegate()
    assert [delegate._texts[level] for level in legend.levels] == ["F", "R", "–"]  # type: ignore[attr-defined]
    names = [entry.sample.accessibleName() for entry in legend.entries()]
    assert names == [
        "F: Full access",
        "R: Read only",
        "–: Hidden",
        "Unsaved change (blue frame)",
        "Not changeable for you (grey letter)",
    ]
    assert legend.accessibleName() == "Legend of the access matrix"
    assert all(name in legend.accessibleDescription() for name in names)
    assert "private data" in legend.hint.text()
    language.choose("de")
    QApplication.processEvents()  # the LanguageChange events are posted
    assert [entry.sample.accessibleName() for entry in legend.levels.values()] == [
        "V: Vollzugriff",
        "N: Nur lesen",
        "–: Versteckt",
    ]
    assert legend.title.text() == "Legende:" and legend.accessibleName() == "Legende der Zugriffsmatrix"
    assert [delegate._texts[level] for level in legend.levels] == ["V", "N", "–"]  # type: ignore[attr-defined]
    # Light and dark: a sample sits on the view's base colour and its letter has the text colour
    # of that palette, far from the base (readable), and the chip colours differ by level.
    for palette in (theme.light_palette(), theme.dark_palette()):
        legend.setPalette(palette)
        base = palette.color(palette.ColorGroup.Active, palette.ColorRole.Base)
        text = palette.color(palette.ColorGroup.Active, palette.ColorRole.Text)
        assert abs(base.lightness() - text.lightness()) > 128
        middles = []
        for entry in legend.levels.values():
            picture = entry.sample.grab().toImage()
            assert picture.pixelColor(0, 0) == base  # the corner is outside the chip
            middles.append(picture.pixelColor(picture.width() // 4, picture.height() // 2).name())
        assert len(set(middles)) == 3, middles
    _show_view(page, BY_TENANT)
    assert not legend.isVisible()


def test_the_legend_wraps_rather_than_widening_the_page(qtbot: QtBot, scene: Scene) -> None:
    """E5, T3: the legend's entries flow onto further lines on a narrow page; the legend asks for
    no more width than its widest entry and grows in height instead."""
    legend = scene.page.legend
    widest = max(entry.sizeHint().width() for entry in [*legend.entries()])
    assert legend.minimumSizeHint().width() <= max(widest, legend.hint.sizeHint().width())
    one_line = legend.layout().heightForWidth(10_000)
    assert legend.layout().heightForWidth(widest + 10) > 2 * one_line


def _add_users(scene: Scene, count: int) -> None:
    """``count`` internal users "Zora Zett 000" … after the scene's in name order."""
    from sqlalchemy import insert

    from mandant_desktop.db.models import User, UserKind, UserStatus

    rows = [
        {
            "username": f"zz{i:03}",
            "username_key": f"zz{i:03}",
            "first_name": "Zora",
            "last_name": f"Zett {i:03}",
            "kind": UserKind.INTERNAL,
            "status": UserStatus.ACTIVE,
        }
        for i in range(count)
    ]
    with scene.app.session_factory.begin() as session:
        session.execute(insert(User), rows)


def test_the_users_rows_are_read_a_window_at_a_time_as_the_views_show_them(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 8, T2, T3, section 8: the page's load brings every user's id but the rows of the first
    window only (the by-tenant view's first screen); the others are read a window at a time as a
    view shows them, and all at once by a search. The count, the search, the matrix, the by-user
    view and edits work over users read later, and a user gone since the load shows an empty row."""
    from sqlalchemy import update

    from mandant_desktop.db.models import User, UserKind
    from mandant_desktop.ui.tenants.page_load import USER_WINDOW

    page, factory = scene.page, scene.app.session_factory
    _add_users(scene, 2 * USER_WINDOW + 30)
    reads: list[list[int] | None] = []
    read = scene.app.services.access.users

    def recorded(operator: Operator, user_ids: list[int] | None = None) -> object:
        reads.append(None if user_ids is None else list(user_ids))
        return read(operator, user_ids)

    monkeypatch.setattr(scene.app.services.access, "users", recorded)
    assert page.refresh()
    _idle(page)
    _select_tenant(page, scene.main)
    users = page.state.users
    total = len(users)
    assert total >= 2 * USER_WINDOW + 33 and page.user_count.text() == f"{total} user(s)"
    assert not page.access_table.grab().isNull()
    assert reads == []  # the first screen comes with the load
    last = users.ids[-1]
    with factory.begin() as session:  # no longer internal since the load: not read any more
        session.execute(update(User).where(User.id == users.ids[-2]).values(kind=UserKind.EXTERNAL))
    page.by_tenant.fetch_to(total - 1)
    page.access_table.scrollToBottom()
    assert not page.access_table.grab().isNull()
    assert reads and all(ids is not None and 0 < len(ids) <= USER_WINDOW for ids in reads)
    row = page.by_tenant.row_of(last)
    assert page.by_tenant.index(row, ByTenantModel.NAME).data() == "Zora Zett 229"
    assert page.by_tenant.index(row - 1, ByTenantModel.NAME).data() == ""  # gone: an empty row
    windows = len(reads)
    page.access_table.scrollToTop()
    assert not page.access_table.grab().isNull()
    assert len(reads) == windows  # read once
    # A search reads the rows not read yet in one query, and finds among every user.
    page.search.setText("zett 1")
    assert reads[windows:] == [None]
    # every word anywhere (E2): "Zett 1…" and the other users with a "1" in their name or address
    words = search_words("zett 1")
    found = sum(matches(words, user.search_key()) for user in page.state.users)
    assert found > 100 and sum("zett 1" in user.name.casefold() for user in page.state.users) == 100
    assert page.by_tenant.matching() == found and page.user_count.text() == f"{found} of {total} user(s)"
    page.search.clear()
    # The matrix and the by-user view show and edit users read later.
    _show_view(page, MATRIX)
    row = page.matrix.row_of(last)
    assert page.matrix.headerData(row, Qt.Orientation.Vertical) == "Zora Zett 229"
    cell = page.matrix.index(row, page.state.position(scene.main))
    assert page.matrix.setData(cell, Level.FULL.value)
    assert page.state.get(scene.main, last) == Access(Level.FULL) and page.state.pending() == 1
    _show_view(page, BY_USER)
    item = page.user_list_model.index(page.user_list_model.row_of(last), 0)
    assert item.data() == "Zora Zett 229"
    page.user_list.setCurrentIndex(item)
    assert page.by_user.user_id == last


def test_the_views_over_every_tenant_get_every_users_row_with_the_cells(
    scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 8, T3: the by-user view and the matrix scroll through every user; their rows come with
    every tenant's cells on the worker (one read), not a window at a time on the GUI thread, and a
    load for the matrix (shown last, E4) reads them all at once."""
    import threading

    from mandant_desktop.ui.tenants.page_load import USER_WINDOW

    page = scene.page
    reads: list[tuple[list[int] | None, bool]] = []
    read = scene.app.services.access.users

    def recorded(operator: Operator, user_ids: list[int] | None = None) -> object:
        reads.append((user_ids, threading.current_thread() is threading.main_thread()))
        return read(operator, user_ids)

    monkeypatch.setattr(scene.app.services.access, "users", recorded)
    _add_users(scene, USER_WINDOW + 5)  # more than the load reads the rows of
    assert page.refresh()
    _idle(page)
    assert not page.state.users.complete and not page.state.complete
    _show_view(page, BY_USER)
    assert reads == [(None, False)]  # every row, on the worker
    assert page.state.users.complete and page.state.complete
    assert page.user_list_model.index(page.user_list_model.row_of(scene.tom), 0).data() == "Tom Taler"
    assert page.refresh()  # the by-user view is shown: its load reads every user's row
    _idle(page)
    assert page.state.users.complete and len(reads) == 1


def test_the_sub_tenant_dialog_says_what_it_creates(window: MainWindow, language: LanguageManager) -> None:
    """T5, E1: "New sub-tenant…" opened a dialog titled "Neuer Mandant", like "New tenant…"; its
    title now names what it creates (its main tenant is preset below)."""
    language.choose("de")
    tenants = window.context.app.services.tenants
    operator = window.context.operator
    plain = TenantDialog(tenants, operator, [], parent=window)
    sub = TenantDialog(tenants, operator, [], parent_id=1, parent=window)
    assert (plain.windowTitle(), sub.windowTitle()) == ("Neuer Mandant", "Neuer Tochtermandant")


def test_enter_on_a_tenant_opens_its_properties(qtbot: QtBot, scene: Scene, monkeypatch: pytest.MonkeyPatch) -> None:
    """E2, T1: Enter on the tenant list opens Properties, as F2 and a double click do."""
    titles: list[str] = []

    def record(dialog: TenantDialog) -> int:
        titles.append(dialog.windowTitle())
        return int(TenantDialog.DialogCode.Rejected)

    monkeypatch.setattr(TenantDialog, "exec", record)
    page = scene.page
    _select_tenant(page, scene.other)
    page.tenant_tree.setFocus()
    qtbot.waitUntil(lambda: page.tenant_tree.hasFocus())
    qtbot.keyClick(page.tenant_tree, Qt.Key.Key_Return)
    qtbot.keyClick(page.tenant_tree, Qt.Key.Key_F2)
    assert len(titles) == 2
