"""The "Access rights naming" settings section (SPEC C3) and the "Rights groups" panel of user
administration (C4, C5, C8), tested standalone."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from customerhelpers import UiWorld, seed_for_ui
from PySide6.QtCore import QModelIndex, Qt
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
from mandant_desktop.ui.users import rights_groups
from mandant_desktop.ui.users.rights_groups import AddMembersDialog, RightsGroupsPanel


@pytest.fixture
def world(window: MainWindow) -> UiWorld:
    return seed_for_ui(window.context.app.session_factory, window.context.operator.id or 0)


@pytest.fixture
def panel(window: MainWindow, world: UiWorld, qtbot: QtBot) -> Iterator[RightsGroupsPanel]:
    widget = RightsGroupsPanel(window.context)
    qtbot.addWidget(widget)
    widget.show()
    yield read(qtbot, widget)


def read(qtbot: QtBot, panel: RightsGroupsPanel) -> RightsGroupsPanel:
    """S5: the groups are read on a worker; wait until they are shown."""
    qtbot.waitUntil(lambda: not panel.busy, timeout=10000)
    return panel


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
    panel: RightsGroupsPanel, window: MainWindow, qtmodeltester: object, qtbot: QtBot
) -> None:
    """C4, C8: system groups first, customer groups listed; the permissions are saved for all members."""
    qtmodeltester.check(panel.groups)  # type: ignore[attr-defined]
    qtmodeltester.check(panel.members)  # type: ignore[attr-defined]
    names = [panel.groups.row_at(r).name for r in range(panel.groups.rowCount())]  # type: ignore[union-attr]
    assert names[:3] == ["CustomerSalesRepresentatives", "RemoteAdministrators", "RemoteUsers"]
    assert "X12345-Heidelberg" in names
    _select(panel, "X12345-Heidelberg")
    assert read(qtbot, panel).heading.text() == "X12345-Heidelberg"
    item = panel.permissions.item_for("portal.view_jobs")
    assert item is not None
    item.setCheckState(Qt.CheckState.Checked)
    panel.save_button.click()
    details = read(qtbot, panel).details
    assert details is not None and details.permissions == {"portal.view_jobs"}
    assert panel.heading.text() == "X12345-Heidelberg"  # still selected after the list was read again
    panel.search.setText("mannheim")
    panel.refresh()
    assert read(qtbot, panel).groups.rowCount() == 1


def test_panel_adds_and_removes_members_and_rights_add_up(
    panel: RightsGroupsPanel, window: MainWindow, world: UiWorld, interactions: FakeInteraction, qtbot: QtBot
) -> None:
    """C5: an additional group with more rights; a member holds the union of all their groups."""
    services, operator = window.context.app.services, window.context.operator
    interactions.text_answers.append("Freigeber")
    panel.new_group_button.click()
    assert read(qtbot, panel).details is not None and panel.details.name == "Freigeber"  # type: ignore[union-attr]
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
    read(qtbot, panel)
    assert [m.username for m in services.rights_groups.members(operator, panel.details.id)] == ["rolf"]
    rolf = world.reps[0]
    assert services.rights_groups.portal_rights(operator, rolf) == {"portal.approve_proofs"}
    panel.member_view.selectAll()
    panel.remove_button.click()
    read(qtbot, panel)
    assert interactions.of_kind("confirm")
    assert services.rights_groups.members(operator, panel.details.id) == []
    assert panel.delete_group_button.isEnabled()
    panel.delete_group_button.click()
    assert "Freigeber" in interactions.of_kind("confirm")[-1].text
    assert all(g.name != "Freigeber" for g in services.rights_groups.groups(operator))
    _select(read(qtbot, panel), "RemoteUsers")
    assert not read(qtbot, panel).delete_group_button.isEnabled()


def test_panel_is_read_only_without_the_right(window: MainWindow, world: UiWorld, qtbot: QtBot) -> None:
    """S2: without customers.manage_rights every change is disabled, and the service refuses it too."""
    viewer = Operator(id=window.context.operator.id, username="viewer", permissions=frozenset({"users.view"}))
    context = PageContext(window.context.app, viewer, window.context.settings, window.context.language, window)
    panel = RightsGroupsPanel(context)
    qtbot.addWidget(panel)
    assert read(qtbot, panel).details is not None
    assert not panel.save_button.isEnabled() and not panel.add_button.isEnabled()
    assert not panel.new_group_button.isEnabled()
    from mandant_desktop.domain.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        window.context.app.services.rights_groups.set_permissions(
            viewer, panel.details.id, [], expected_version=panel.details.version
        )


def test_the_group_list_fetches_its_pages_on_a_worker(
    window: MainWindow, world: UiWorld, qtbot: QtBot, qtmodeltester: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """C4, S5 (issue 8): every page of the group list is read on a worker, a page at a time as the
    view asks, without gaps or twins; a new search drops a page still on its way for the old one."""
    monkeypatch.setattr(rights_groups, "PAGE", 2)
    service = window.context.app.services.rights_groups
    threads: list[bool] = []
    original = service.groups

    def traced(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(service, "groups", traced)
    panel = RightsGroupsPanel(window.context)
    qtbot.addWidget(panel)
    model = read(qtbot, panel).groups
    assert model.rowCount() == 2 and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.fetchMore(QModelIndex())
    panel.search.setText("x12345")
    panel.refresh()  # the page of the unfiltered list is dropped when it comes
    read(qtbot, panel)
    assert [model.row_at(r).name for r in range(model.rowCount())] == ["X12345-Heidelberg"]  # type: ignore[union-attr]
    panel.search.setText("")
    panel.refresh()
    read(qtbot, panel)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        read(qtbot, panel)
    ids = [model.row_at(r).id for r in range(model.rowCount())]  # type: ignore[union-attr]
    assert ids == [g.id for g in original(window.context.operator)]
    assert threads and not any(threads)


def test_selecting_a_group_reads_it_on_a_worker(
    panel: RightsGroupsPanel, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """C4, C8, S5: a group's details and members are read on a worker (RemoteUsers: 1,150 members
    and 18 ms on SQLite with the large demo); while they are on their way nothing acts on the
    group shown before, and a group passed by before its answer came is not shown."""
    service = window.context.app.services.rights_groups
    reads: list[tuple[str, int, bool]] = []
    release = threading.Event()
    release.set()
    members_of = service.members
    for name in ("details", "members"):
        original = getattr(service, name)

        def traced(operator: Any, group_id: int, _name: str = name, _original: Any = original) -> Any:
            reads.append((_name, group_id, threading.current_thread() is threading.main_thread()))
            assert release.wait(10)
            return _original(operator, group_id)

        monkeypatch.setattr(service, name, traced)
    _select(panel, "X12345-Heidelberg")
    heidelberg = read(qtbot, panel).details
    assert heidelberg is not None and heidelberg.name == "X12345-Heidelberg" and panel.save_button.isEnabled()
    assert [(name, on_gui) for name, _id, on_gui in reads] == [("details", False), ("members", False)]
    members = [panel.members.row_at(r).username for r in range(panel.members.rowCount())]  # type: ignore[union-attr]
    assert members == [m.username for m in members_of(window.context.operator, heidelberg.id)]

    release.clear()
    _select(panel, "RemoteAdministrators")
    assert panel.busy and panel.details is None
    assert not panel.save_button.isEnabled() and not panel.add_button.isEnabled()
    assert not panel.delete_group_button.isEnabled()
    _select(panel, "X12345-Heidelberg")  # back before the answer came
    release.set()
    read(qtbot, panel)
    assert panel.details is not None and panel.details.id == heidelberg.id
    assert panel.heading.text() == "X12345-Heidelberg" and panel.save_button.isEnabled()
    assert not any(on_gui for _name, _id, on_gui in reads)


def test_a_group_that_cannot_be_read_is_shown_empty_and_locked(
    panel: RightsGroupsPanel, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5: the selected group's read fails on its worker (a lost connection): the banner, the
    group's name over an empty member list, a message in the panel, and nothing to change."""
    from mandant_desktop.domain.errors import DatabaseUnavailableError

    def lost(*_args: Any) -> Any:
        raise DatabaseUnavailableError("The connection to the database was lost.")

    monkeypatch.setattr(window.context.app.services.rights_groups, "members", lost)
    assert window.monitor is not None
    monkeypatch.setattr(window.monitor, "_probe", lost)
    _select(panel, "X12345-Heidelberg")
    qtbot.waitUntil(window.banner.isVisible, timeout=10000)
    read(qtbot, panel)
    assert panel.details is None and panel.heading.text() == "X12345-Heidelberg"
    assert panel.members.rowCount() == 0 and "could not be read" in panel.message.text()
    assert not panel.save_button.isEnabled() and not panel.add_button.isEnabled()
