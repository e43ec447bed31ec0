"""The roles page, driven as a user would (SPEC R1, R2, S1)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from uihelpers import FakeInteraction

from mandant_desktop.domain.permissions import PREDEFINED_BY_KEY
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


def test_rename_duplicate_restore_and_delete(window: MainWindow, interactions: FakeInteraction) -> None:
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
    page.delete_button.click()
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


def test_arrowing_through_the_roles_counts_only_where_the_selection_rests(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5 (issue 8): the holders are counted on a worker, never on the GUI thread, and only for the
    role the user stops at; the label says the count is coming meanwhile."""
    page = roles_page(window)
    counted(qtbot, page)
    service = window.context.app.services.roles
    calls: list[tuple[int, bool]] = []
    original = service.impact

    def impact(operator: Any, role_id: int, **kwargs: Any) -> Any:
        calls.append((role_id, threading.current_thread() is threading.main_thread()))
        return original(operator, role_id, **kwargs)

    monkeypatch.setattr(service, "impact", impact)
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
