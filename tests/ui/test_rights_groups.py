"""The "Access rights naming" settings section (SPEC C3) and the "Rights groups" panel of user
administration (C4, C5, C8), tested standalone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from customerhelpers import UiWorld, seed_for_ui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from uihelpers import FakeInteraction

from mandant_desktop.services.customers import NewCustomer
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui.customers import dialog_runner
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.page import PageContext
from mandant_desktop.ui.settings_page.page import SettingsPage
from mandant_desktop.ui.settings_page.rights_naming import RightsNamingSection
from mandant_desktop.ui.users.rights_groups import AddMembersDialog, RightsGroupsPanel


@pytest.fixture
def world(window: MainWindow) -> UiWorld:
    return seed_for_ui(window.context.app.session_factory, window.context.operator.id or 0)


@pytest.fixture
def panel(window: MainWindow, world: UiWorld, qtbot: QtBot) -> Iterator[RightsGroupsPanel]:
    widget = RightsGroupsPanel(window.context)
    qtbot.addWidget(widget)
    widget.show()
    yield widget


def _select(panel: RightsGroupsPanel, name: str) -> None:
    for row in range(panel.groups.rowCount()):
        group = panel.groups.row_at(row)
        if group is not None and group.name == name:
            panel.group_view.setCurrentIndex(panel.groups.index(row))
            return
    raise AssertionError(name)


def test_naming_section_previews_and_saves(window: MainWindow, qtbot: QtBot, world: UiWorld) -> None:
    """C3: live preview X12345-Heidelberg; a changed pattern names the next customer's group; a
    space in element 1 is a clear message and is not saved."""
    assert window.show_page("settings")
    page = window.current_page()
    assert isinstance(page, SettingsPage)
    section = page.findChild(RightsNamingSection)
    assert section is not None
    assert section.preview.text() == "X12345-Heidelberg"
    section.prefix_edit.setText("K")
    section.third_combo.setCurrentIndex(section.third_combo.findData("short_name"))
    assert section.preview.text() == "K12345-HD"
    section.save_button.click()
    assert not section.message.is_error
    services, operator = window.context.app.services, window.context.operator
    created = services.customers.create(
        operator, NewCustomer("777", "Kunde Sieben", world.nord, short_name="K7", remote_access=True)
    )
    assert created.group_name == "K777-K7"
    section.prefix_edit.setText("K K")
    assert section.message.is_error and "spaces" in section.message.text()
    section.save_button.click()
    assert services.rights_naming.pattern(operator).prefix == "K"


def test_panel_lists_groups_lazily_and_edits_permissions(
    panel: RightsGroupsPanel, window: MainWindow, qtmodeltester: object
) -> None:
    """C4, C8: system groups first, customer groups listed; the permissions are saved for all members."""
    qtmodeltester.check(panel.groups)  # type: ignore[attr-defined]
    qtmodeltester.check(panel.members)  # type: ignore[attr-defined]
    names = [panel.groups.row_at(r).name for r in range(panel.groups.rowCount())]  # type: ignore[union-attr]
    assert names[:3] == ["CustomerSalesRepresentatives", "RemoteAdministrators", "RemoteUsers"]
    assert "X12345-Heidelberg" in names
    _select(panel, "X12345-Heidelberg")
    assert panel.heading.text() == "X12345-Heidelberg"
    item = panel.permissions.item_for("portal.view_jobs")
    assert item is not None
    item.setCheckState(Qt.CheckState.Checked)
    panel.save_button.click()
    details = panel.details
    assert details is not None and details.permissions == {"portal.view_jobs"}
    panel.search.setText("mannheim")
    panel.refresh()
    assert panel.groups.rowCount() == 1


def test_panel_adds_and_removes_members_and_rights_add_up(
    panel: RightsGroupsPanel, window: MainWindow, world: UiWorld, interactions: FakeInteraction
) -> None:
    """C5: an additional group with more rights; a member holds the union of all their groups."""
    services, operator = window.context.app.services, window.context.operator
    interactions.text_answers.append("Freigeber")
    panel.new_group_button.click()
    assert panel.details is not None and panel.details.name == "Freigeber"
    item = panel.permissions.item_for("portal.approve_proofs")
    assert item is not None
    item.setCheckState(Qt.CheckState.Checked)
    panel.save_button.click()

    def pick(dialog: QDialog) -> int:
        assert isinstance(dialog, AddMembersDialog)
        dialog.search.setText("rolf")
        dialog.load()
        dialog.view.selectAll()
        dialog.accept()
        return dialog.result()

    with dialog_runner.installed(pick):
        panel.add_button.click()
    assert [m.username for m in services.rights_groups.members(operator, panel.details.id)] == ["rolf"]
    rolf = world.reps[0]
    assert services.rights_groups.portal_rights(operator, rolf) == {"portal.approve_proofs"}
    panel.member_view.selectAll()
    panel.remove_button.click()
    assert interactions.of_kind("confirm")
    assert services.rights_groups.members(operator, panel.details.id) == []
    assert panel.delete_group_button.isEnabled()
    panel.delete_group_button.click()
    assert "Freigeber" in interactions.of_kind("confirm")[-1].text
    assert all(g.name != "Freigeber" for g in services.rights_groups.groups(operator))
    _select(panel, "RemoteUsers")
    assert not panel.delete_group_button.isEnabled()


def test_panel_is_read_only_without_the_right(window: MainWindow, world: UiWorld, qtbot: QtBot) -> None:
    """S2: without customers.manage_rights every change is disabled, and the service refuses it too."""
    viewer = Operator(id=window.context.operator.id, username="viewer", permissions=frozenset({"users.view"}))
    context = PageContext(window.context.app, viewer, window.context.settings, window.context.language, window)
    panel = RightsGroupsPanel(context)
    qtbot.addWidget(panel)
    assert panel.details is not None
    assert not panel.save_button.isEnabled() and not panel.add_button.isEnabled()
    assert not panel.new_group_button.isEnabled()
    from mandant_desktop.domain.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        window.context.app.services.rights_groups.set_permissions(
            viewer, panel.details.id, [], expected_version=panel.details.version
        )
