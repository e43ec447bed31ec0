"""The roles page, driven as a user would (SPEC R1, R2, S1)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import FakeInteraction

from mandant_desktop.db.models import Permission, RolePermission, utcnow
from mandant_desktop.db.tables import PermissionScope
from mandant_desktop.domain.permissions import ADMIN_CODES, PREDEFINED_BY_KEY
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.roles.page import RolesPage


def roles_page(window: MainWindow) -> RolesPage:
    assert window.show_page("roles")
    page = window.current_page()
    assert isinstance(page, RolesPage)
    return page


def counted(qtbot: QtBot, page: RolesPage) -> None:
    """S5: the holders of the selected role are counted on a worker once the selection rests."""
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)


def test_add_a_role_and_tick_a_permission(qtbot: QtBot, window: MainWindow, interactions: FakeInteraction) -> None:
    """R1: add (name first), the new role is on top; ticking a permission is saved at once and the
    page says whom it reaches."""
    page = roles_page(window)
    interactions.text_answers.append("Redaktion Nord")
    page.role_list.setFocus()
    qtbot.keyClick(page.role_list, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.role_model.index(0, 0).data() == "Redaktion Nord"
    assert page.current_role() is not None and page.current_role().name == "Redaktion Nord"  # type: ignore[union-attr]
    counted(qtbot, page)
    index = page.permission_model.index_of("contacts.view")
    assert index.data() == "View contacts"
    page.permission_tree.scrollTo(index)
    rect = page.permission_tree.visualRect(index)
    # Space on the current item ticks it, as the keyboard user does.
    page.permission_tree.setCurrentIndex(index)
    page.permission_tree.setFocus()
    qtbot.keyClick(page.permission_tree, Qt.Key.Key_Space)
    assert rect.isValid()
    role = page.current_role()
    assert role is not None
    services = window.context.app.services
    assert services.roles.permissions(window.context.operator, role.id) == {"contacts.view"}
    assert "View contacts" in page.saved_label.text() and "no one yet" in page.saved_label.text()
    assert page.impact_label.text() == "No one holds this role yet."
    qtbot.keyClick(page.permission_tree, Qt.Key.Key_Space)
    assert services.roles.permissions(window.context.operator, role.id) == frozenset()


def test_rename_duplicate_restore_and_delete(qtbot: QtBot, window: MainWindow, interactions: FakeInteraction) -> None:
    """R1, R2: rename, duplicate (same permissions), restore defaults of a predefined role,
    delete after a confirmation that names who loses the role."""
    page = roles_page(window)
    services = window.context.app.services
    operator = window.context.operator
    admin_row = next(
        row
        for row in range(page.role_model.rowCount())
        if page.role_model.role_at(row).predefined_key == "reader"  # type: ignore[union-attr]
    )
    page.select_role_row(admin_row)
    reader = page.current_role()
    assert reader is not None and page.restore_button.isEnabled()
    services.roles.set_permission(operator, reader.id, "audit.view", True)
    page.refresh()
    interactions.text_answers.append("Lesende")
    page.rename_button.click()
    assert page.current_role().name == "Lesende"  # type: ignore[union-attr]
    page.restore_button.click()
    assert services.roles.permissions(operator, reader.id) == PREDEFINED_BY_KEY["reader"].permissions
    interactions.text_answers.append("Lesende Kopie")
    page.duplicate_button.click()
    copy = page.current_role()
    assert copy is not None and copy.name == "Lesende Kopie" and not page.restore_button.isEnabled()
    assert services.roles.permissions(operator, copy.id) == PREDEFINED_BY_KEY["reader"].permissions

    admin = next(r for r in services.roles.list_roles(operator) if r.predefined_key == "administrator")
    page.select_role(admin.id)
    interactions.confirm_answers.append(False)
    asked = len(interactions.of_kind("confirm"))
    page.delete_button.click()
    # S5: who loses the role is read on a worker; the question follows
    qtbot.waitUntil(lambda: len(interactions.of_kind("confirm")) > asked, timeout=10000)
    question = interactions.of_kind("confirm")[-1]
    assert "1 user(s) lose it" in question.text and "cannot log in" in question.text
    assert "• Karla Chef — Organisation" in question.text
    assert any(r.id == admin.id for r in services.roles.list_roles(operator))


def test_the_role_models_pass_the_model_tester(qtmodeltester: object, window: MainWindow) -> None:
    page = roles_page(window)
    qtmodeltester.check(page.role_model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.permission_model)  # type: ignore[attr-defined]


def test_a_reader_of_roles_cannot_tick(window: MainWindow) -> None:
    """S1, S2: without roles.edit the tick boxes are not editable and the buttons are off."""
    from dataclasses import replace

    from mandant_desktop.ui.page import PageContext

    context = window.context
    limited = PageContext(
        app=context.app,
        operator=replace(context.operator, permissions=frozenset({"roles.view"})),
        settings=context.settings,
        language=context.language,
        shell=context.shell,
    )
    page = RolesPage(limited)
    try:
        index = page.permission_model.index_of("audit.view")
        assert not (page.permission_model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable)
        assert not page.permission_model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        assert not page.add_button.isEnabled() and not page.delete_button.isEnabled()
    finally:
        page.deleteLater()


def _impact_calls(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool]]:
    """The roles whose holders the service counts from now on, each with whether it was on the GUI thread."""
    service = window.context.app.services.roles
    calls: list[tuple[int, bool]] = []
    original = service.impact

    def impact(operator: Any, role_id: int, **kwargs: Any) -> Any:
        calls.append((role_id, threading.current_thread() is threading.main_thread()))
        return original(operator, role_id, **kwargs)

    monkeypatch.setattr(service, "impact", impact)
    return calls


def test_arrowing_through_the_roles_counts_only_where_the_selection_rests(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5 (issue 8): the holders are counted on a worker, never on the GUI thread, and only for the
    role the user stops at; the label says the count is coming meanwhile."""
    page = roles_page(window)
    counted(qtbot, page)
    original = window.context.app.services.roles.impact
    calls = _impact_calls(window, monkeypatch)
    page.role_list.setFocus()
    page.select_role_row(0)
    for _ in range(page.role_model.rowCount() - 1):
        qtbot.keyClick(page.role_list, Qt.Key.Key_Down)
    assert page.busy and page.impact_label.text() == "Counting who holds this role …"
    last = page.current_role()
    assert last is not None
    counted(qtbot, page)
    assert calls == [(last.id, False)]
    holders = original(window.context.operator, last.id)
    expected = (
        "No one holds this role yet."
        if holders.assignments == 0
        else f"Held by {holders.users} user(s) in {holders.units} org unit(s)."
    )
    assert page.impact_label.text().startswith(expected)


def test_opening_the_page_counts_the_first_roles_holders_at_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5, section 8 (issue 8): the role the page opens on has its holders counted on a worker at
    once; the pause that waits for arrow keys to rest applies to the user's moves, not to the
    page's first selection (150 ms of every opening)."""
    calls = _impact_calls(window, monkeypatch)
    page = roles_page(window)
    first = page.current_role()
    assert first is not None
    assert page.impact_counter.busy  # on its way already, no timer to wait for first
    counted(qtbot, page)
    assert calls == [(first.id, False)]
    assert page.impact_label.text() != "Counting who holds this role …"


class _Gate:
    """Holds the service's ``impact`` on its worker until released; records each call's thread."""

    def __init__(self, original: Any) -> None:
        self.original = original
        self.calls: list[tuple[int, bool, bool]] = []
        self.release = threading.Event()

    def __call__(self, operator: Any, role_id: int, **kwargs: Any) -> Any:
        question = bool(kwargs.get("name_users_left_without_role"))
        self.calls.append((role_id, question, threading.current_thread() is threading.main_thread()))
        if question:
            assert self.release.wait(10), "the test did not release the delete question's read"
        return self.original(operator, role_id, **kwargs)

    def questions(self) -> list[tuple[int, bool, bool]]:
        return [call for call in self.calls if call[1]]


@pytest.fixture
def gate(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Any:
    service = window.context.app.services.roles
    held = _Gate(service.impact)
    monkeypatch.setattr(service, "impact", held)
    yield held
    held.release.set()


def _administrator_row(page: RolesPage) -> int:
    return next(
        row
        for row in range(page.role_model.rowCount())
        if page.role_model.role_at(row).predefined_key == "administrator"  # type: ignore[union-attr]
    )


def test_the_delete_question_is_prepared_on_a_worker_and_asked_once(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction, gate: _Gate
) -> None:
    """R1, S5: Delete reads who loses the role on a worker (0.5 s on PostgreSQL with the large
    demo); the page stays usable, the action is off meanwhile, and a second click (button, Del
    key) asks no second question; the question keeps its wording."""
    page = roles_page(window)
    page.select_role_row(_administrator_row(page))
    counted(qtbot, page)
    interactions.confirm_answers.append(False)
    page.delete_button.click()
    assert interactions.of_kind("confirm") == [] and page.busy
    assert not page.delete_button.isEnabled() and not page.delete_action.isEnabled()
    assert window.statusBar().currentMessage() == "Checking who holds the role …"
    page.delete_button.click()
    page.role_list.setFocus()
    qtbot.keyClick(page.role_list, Qt.Key.Key_Delete)
    page.delete_role()
    gate.release.set()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert len(interactions.of_kind("confirm")) == 1
    assert [(question, gui) for _role, question, gui in gate.questions()] == [(True, False)]
    question = interactions.of_kind("confirm")[0]
    assert question.title == "Delete role"
    assert question.text.startswith("Delete the role Administrator?\n\n1 user(s) lose it:")
    assert "• Karla Chef — Organisation" in question.text and "cannot log in" in question.text
    assert page.delete_button.isEnabled() and window.statusBar().currentMessage() == ""


def test_leaving_the_page_or_the_role_drops_the_delete_question(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction, gate: _Gate
) -> None:
    """S5: an answer that arrives after the user chose another page, or another role, asks
    nothing (no dialog over another page or about a role no longer selected), and Delete works
    again afterwards."""
    page = roles_page(window)
    admin_row = _administrator_row(page)
    page.select_role_row(admin_row)
    counted(qtbot, page)
    page.delete_button.click()
    assert window.show_page("users")
    gate.release.set()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    qtbot.wait(50)
    assert interactions.of_kind("confirm") == []

    gate.release.clear()
    assert roles_page(window) is page and page.delete_button.isEnabled()
    page.delete_button.click()
    page.select_role_row(0 if admin_row else 1)
    assert page.delete_button.isEnabled()  # the question for the other role is gone
    gate.release.set()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    qtbot.wait(50)
    assert interactions.of_kind("confirm") == []

    interactions.confirm_answers.append(False)
    page.delete_button.click()
    qtbot.waitUntil(lambda: bool(interactions.of_kind("confirm")), timeout=10000)
    role = page.current_role()
    assert role is not None and interactions.of_kind("confirm")[0].text.startswith(f"Delete the role {role.name}?")
    assert len(gate.questions()) == 3


def test_a_lost_connection_while_the_delete_question_is_read(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5: the read behind the delete question fails on its worker: the banner says so, no
    question and no message box appear, and Delete is on again for the next try."""
    from mandant_desktop.domain.errors import DatabaseUnavailableError

    page = roles_page(window)
    page.select_role_row(_administrator_row(page))
    counted(qtbot, page)
    service = window.context.app.services.roles
    original = service.impact

    def lost(operator: Any, role_id: int, **kwargs: Any) -> Any:
        if kwargs.get("name_users_left_without_role"):
            raise DatabaseUnavailableError("The connection to the database was lost.")
        return original(operator, role_id, **kwargs)

    monkeypatch.setattr(service, "impact", lost)
    assert window.monitor is not None
    monkeypatch.setattr(window.monitor, "_probe", lambda: lost(None, 0, name_users_left_without_role=True))
    page.delete_button.click()
    qtbot.waitUntil(window.banner.isVisible, timeout=10000)
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert interactions.messages == [] and page.delete_button.isEnabled()
    assert window.statusBar().currentMessage() == ""


def _editor_role(qtbot: QtBot, page: RolesPage) -> tuple[int, str]:
    """The predefined role 'Editor' (Redakteur) with its holders counted; its row and name."""
    row = next(
        row
        for row in range(page.role_model.rowCount())
        if page.role_model.role_at(row).predefined_key == "editor"  # type: ignore[union-attr]
    )
    page.select_role_row(row)
    counted(qtbot, page)
    role = page.current_role()
    assert role is not None
    return role.id, role.name


class _HeldDelete:
    """Holds the service's ``delete`` on its worker until released (or makes it fail there)."""

    def __init__(self, original: Any, fail: Exception | None = None) -> None:
        self.original = original
        self.fail = fail
        self.threads: list[bool] = []
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread() is threading.main_thread())
        self.started.set()
        assert self.release.wait(10), "the test did not release the deletion"
        if self.fail is not None:
            raise self.fail
        return self.original(*args, **kwargs)


def _ask_and_confirm(qtbot: QtBot, page: RolesPage, interactions: FakeInteraction) -> None:
    interactions.confirm_answers.append(True)
    asked = len(interactions.of_kind("confirm"))
    page.delete_button.click()
    qtbot.waitUntil(lambda: len(interactions.of_kind("confirm")) > asked, timeout=10000)


def _locked(page: RolesPage) -> bool:
    index = page.permission_model.index_of("audit.view")
    return not any(
        button.isEnabled()
        for button in (page.add_button, page.rename_button, page.duplicate_button, page.delete_button)
    ) and not (page.permission_model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable)


def test_a_role_is_deleted_on_a_worker_with_the_page_locked_meanwhile(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction, monkeypatch: pytest.MonkeyPatch
) -> None:
    """R1, S5, E7: after the question the role and its assignments (270,000 for 'Editor' in the
    large demo) are deleted on a worker: the window keeps answering (another role can be looked
    at), the page's changes are locked and the status bar says what runs; then the role is gone,
    the status says how many assignments went, the page is unlocked and the deletion is on the
    Edit menu's undo."""
    page = roles_page(window)
    role_id, name = _editor_role(qtbot, page)
    services = window.context.app.services
    from sqlalchemy import select

    from mandant_desktop.db.models import OrgUnit, RoleAssignment, User

    with window.context.app.session_factory.begin() as session:  # holders, as the large demo has
        unit = session.scalar(select(OrgUnit.id).limit(1))
        users = session.scalars(select(User.id).where(User.username != "admin").limit(5)).all()
        session.add_all(RoleAssignment(user_id=user, role_id=role_id, org_unit_id=unit) for user in users)
    holders = services.roles.impact(window.context.operator, role_id).assignments
    assert holders >= 1
    held = _HeldDelete(page._service.delete)
    monkeypatch.setattr(page._service, "delete", held)
    _ask_and_confirm(qtbot, page, interactions)
    assert held.started.wait(10) and held.threads == [False]
    assert page.busy and _locked(page)
    assert window.statusBar().currentMessage() == f"Deleting the role {name} …"
    page.delete_role()  # Del pressed again: nothing starts twice
    page.select_role_row(0 if page.role_model.role_at(0).id != role_id else 1)  # type: ignore[union-attr]
    assert _locked(page), "another role can be looked at, not changed"
    assert not page._save_permission("audit.view", True)
    qtbot.wait(50)  # the event loop runs while the deletion waits on its worker
    assert page.busy and any(r.id == role_id for r in services.roles.list_roles(window.context.operator))
    held.release.set()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert held.threads == [False] and [m.kind for m in interactions.messages] == ["confirm"]
    assert all(r.id != role_id for r in services.roles.list_roles(window.context.operator))
    assert page.role_model.row_of(role_id) < 0
    assert window.statusBar().currentMessage() == f"Role deleted with {holders} assignment(s)."
    assert page.add_button.isEnabled() and page.delete_button.isEnabled()
    assert window.undo_hub.undo_action.text() == f"&Undo: Delete role “{name}”"


def test_a_failed_deletion_is_said_once_and_unlocks_the_page(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5, S1, U2: the deletion refused on its worker (a permission withdrawn meanwhile) gives one
    message; a lost connection the banner and no message; either way the role stays, the note in
    the status bar goes and the page can be changed again."""
    from mandant_desktop.domain.errors import DatabaseUnavailableError, PermissionDeniedError

    page = roles_page(window)
    role_id, _name = _editor_role(qtbot, page)
    original = page._service.delete
    refused = _HeldDelete(
        original,
        PermissionDeniedError("You lack the permission {permission} for this action.", permission="roles.delete"),
    )
    refused.release.set()
    monkeypatch.setattr(page._service, "delete", refused)
    _ask_and_confirm(qtbot, page, interactions)
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert [m.kind for m in interactions.messages] == ["confirm", "error"]
    assert interactions.of_kind("error")[0].text.startswith("You lack the permission ")
    assert page.role_model.row_of(role_id) >= 0 and page.delete_button.isEnabled() and page.add_button.isEnabled()
    assert window.statusBar().currentMessage() == ""

    lost = _HeldDelete(original, DatabaseUnavailableError("The connection to the database was lost."))
    lost.release.set()
    monkeypatch.setattr(page._service, "delete", lost)
    assert window.monitor is not None
    monkeypatch.setattr(window.monitor, "_probe", lambda: lost(None))
    _ask_and_confirm(qtbot, page, interactions)
    qtbot.waitUntil(window.banner.isVisible, timeout=10000)
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert len(interactions.of_kind("error")) == 1, "the banner, no second message"
    assert page.role_model.row_of(role_id) >= 0 and page.delete_button.isEnabled()
    assert window.statusBar().currentMessage() == ""


def shown_roles(page: RolesPage) -> list[str]:
    return [page.role_model.index(row, 0).data() for row in range(page.role_model.rowCount())]


def test_ctrl_f_searches_roles_by_name_and_permission(
    qtbot: QtBot, qtmodeltester: object, window: MainWindow, language: LanguageManager
) -> None:
    """E2, R1: Ctrl+F goes to the roles' search field (the page had none: the key did nothing);
    the list narrows to the roles whose name, or the name of one of whose permissions, holds the
    text, in the language shown; Down and Enter go to the first role found, Esc shows all again.
    The list model passes the model tester while it searches."""
    page = roles_page(window)
    operator = window.context.operator
    services = window.context.app.services
    everyone = shown_roles(page)
    codes = services.roles.permission_codes(operator)
    by_name = {role.name: role.id for role in services.roles.list_roles(operator)}
    window.activateWindow()
    qtbot.keyClick(page.role_list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search_field() is page.search

    qtbot.keyClicks(page.search, "LESER")  # any case
    page.apply_search()
    assert shown_roles(page) == [name for name in everyone if "leser" in name.casefold()] != []
    qtmodeltester.check(page.role_model)  # type: ignore[attr-defined]

    page.search.clear()
    qtbot.keyClicks(page.search, "delete tenants")  # a permission's name: the roles that grant it
    page.apply_search()
    holders = [name for name in everyone if "tenants.delete" in codes.get(by_name[name], frozenset())]
    assert shown_roles(page) == holders != []
    assert "of" in page.search_note.text() and page.search_note.isVisibleTo(page)
    tree = page.permission_model
    bold = {code for code in ADMIN_CODES if tree.index_of(code).data(Qt.ItemDataRole.FontRole) is not None}
    assert bold == {"tenants.delete"}  # why the roles were found: the permission stands out
    qtmodeltester.check(page.role_model)  # type: ignore[attr-defined]
    qtmodeltester.check(tree)  # type: ignore[attr-defined]

    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.role_list
    current = page.current_role()
    assert current is not None and current.name == holders[0]
    assert page.role_title.text() == holders[0]

    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == "" and shown_roles(page) == everyone and not page.search_note.isVisibleTo(page)
    assert tree.index_of("tenants.delete").data(Qt.ItemDataRole.FontRole) is None

    qtbot.keyClicks(page.search, "no role is called like this")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # at once, without waiting for the pause in typing
    assert shown_roles(page) == [] and page.current_role() is None
    assert page.search_note.text().startswith("No role has this text")

    # German: the permission's German name finds it (the codes and English names are not shown there)
    language.choose("de")
    page.search.clear()
    page.search.insert("mandanten löschen")  # QTest types ASCII only
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert shown_roles(page) == holders
    assert QApplication.focusWidget() is page.role_list  # Enter went into the results


def test_a_role_found_by_a_permission_stays_while_it_is_unticked(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction
) -> None:
    """R1, E2: the role being edited does not vanish under the cursor when the tick that made the
    search find it is taken away; a new role shows though the search would hide it."""
    page = roles_page(window)
    interactions.text_answers.append("Redaktion Nord")
    page.add_role()
    counted(qtbot, page)
    export = page.permission_model.index_of("contacts.export")
    page.permission_model.setData(export, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    page.search.setText("export contacts")
    page.apply_search()
    assert "Redaktion Nord" in shown_roles(page)
    page.select_role(page.role_model.role_at(shown_roles(page).index("Redaktion Nord")).id)  # type: ignore[union-attr]
    index = page.permission_model.index_of("contacts.export")
    assert page.permission_model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert "Redaktion Nord" in shown_roles(page)
    assert page.current_role() is not None and page.current_role().name == "Redaktion Nord"  # type: ignore[union-attr]
    counted(qtbot, page)

    interactions.text_answers.append("Archiv")
    page.add_role()  # the search hid it: it is emptied, and the new role is shown and selected
    counted(qtbot, page)
    assert page.search.text() == "" and page.current_role().name == "Archiv"  # type: ignore[union-attr]


def test_a_copy_with_a_permission_this_version_does_not_know_is_refused_in_german(
    qtbot: QtBot, window: MainWindow, language: LanguageManager, interactions: FakeInteraction
) -> None:
    """R1, E1, S2: a role holding a permission this program does not know (left by another
    version in the shared database) cannot be duplicated with that code dropped: the page says in
    the operator's language which code is unknown, and no copy is made."""
    language.choose("de")
    page = roles_page(window)
    services = window.context.app.services
    operator = window.context.operator
    role_id = services.roles.create(operator, "Druckerei", permissions=frozenset({"audit.view"}))
    with window.context.app.session_factory.begin() as session:
        session.add(Permission(code="legacy.print", scope=PermissionScope.ADMIN, area="Alt", sort_order=999))
        session.flush()
        session.add(RolePermission(role_id=role_id, permission_code="legacy.print", created_at=utcnow()))
    page.refresh()
    page.select_role(role_id)
    roles_before = len(services.roles.list_roles(operator))
    interactions.text_answers.append("Druckerei Kopie")
    page.duplicate_button.click()
    errors = [message for message in interactions.messages if message.kind == "error"]
    assert [message.text for message in errors] == ["Unbekannte Berechtigung: legacy.print."]
    assert len(services.roles.list_roles(operator)) == roles_before
    assert "Druckerei Kopie" not in {role.name for role in services.roles.list_roles(operator)}
