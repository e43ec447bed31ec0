"""The users page and the outbox, driven as a user would (SPEC U1-U4, R3)."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from uihelpers import FakeInteraction

from mandant_desktop.db.models import MailStatus, OutboxMail, User, UserStatus
from mandant_desktop.services.rights_groups import RightsGroupService
from mandant_desktop.services.users import DisplayStatus, UserFilter, UserSort, UsersService
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.outbox.page import OutboxPage
from mandant_desktop.ui.users.add_dialog import AddUserDialog
from mandant_desktop.ui.users.model import UserTableModel
from mandant_desktop.ui.users.page import UsersPage


def users_page(window: MainWindow) -> UsersPage:
    assert window.show_page("users")
    page = window.current_page()
    assert isinstance(page, UsersPage)
    return page


def fill_and_save(qtbot: QtBot, first: str, last: str, email: str, username: str | None = None) -> None:
    """Types into the modal Add user dialog once it is open, then presses Save."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AddUserDialog):
            fill_and_save.last_error = "no dialog"  # type: ignore[attr-defined]
            return
        qtbot.keyClicks(dialog.first_name, first)
        qtbot.keyClicks(dialog.last_name, last)
        if username is not None:
            dialog.username.clear()
            qtbot.keyClicks(dialog.username, username)
        qtbot.keyClicks(dialog.email, email)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        if dialog.isVisible():  # refused: remember why, then give up
            fill_and_save.last_error = dialog.message.text()  # type: ignore[attr-defined]
            dialog.reject()

    QTimer.singleShot(0, act)


def test_add_a_user_and_read_the_activation_mail_in_the_outbox(qtbot: QtBot, window: MainWindow) -> None:
    """U1, U2, U4: Ctrl+N opens the dialog; the new user is listed at once as pending activation,
    with the no-role warning (R3); the activation mail is in the outbox with its link."""
    page = users_page(window)
    assert page.tabs.objectName() == "userTabs" and isinstance(page.tabs, QTabWidget)
    # C4: the rights groups of the customer portal are the second panel of user administration.
    assert page.tabs.count() == 2 and page.tabs.widget(1).objectName() == "rightsGroupsPanel"
    fill_and_save(qtbot, "Mia", "Mueller", "mia.mueller@example.de")  # QTest types ASCII only
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    row = next(
        r for r in (page.model.row_at(i) for i in range(page.model.rowCount())) if r and r.username == "mmueller"
    )
    assert row.status == DisplayStatus.PENDING and not row.can_log_in
    assert [r.username for r in page.selected_rows()] == ["mmueller"]
    qtbot.waitUntil(lambda: "outbox" in window.statusBar().currentMessage())  # sent on a worker

    assert window.show_page("outbox")
    outbox = window.current_page()
    assert isinstance(outbox, OutboxPage)
    outbox.refresh()
    outbox.table.selectRow(0)
    text = outbox.body.toPlainText()
    assert "token=" in text and "Activate your account" in text
    assert outbox.model.index(0, 1).data() == "mia.mueller@example.de"


def test_add_user_refuses_a_taken_user_name(qtbot: QtBot, window: MainWindow) -> None:
    """U2: a taken user name is refused in the dialog, in words, and nothing is added."""
    page = users_page(window)
    before = page.model.rowCount()
    fill_and_save(qtbot, "Karla", "Zweite", "karla2@example.de", username="CHEFIN")
    page.add_user()
    assert "taken" in fill_and_save.last_error  # type: ignore[attr-defined]
    page.refresh()
    assert page.model.rowCount() == before


def test_search_filters_resend_and_deactivate(qtbot: QtBot, window: MainWindow, interactions: FakeInteraction) -> None:
    """U1, U3: search; the pending filter; resend for the selection (new token, old invalid);
    deactivate with Del after a confirmation; the deactivated filter shows the user."""
    page = users_page(window)
    services = window.context.app.services
    operator = window.context.operator
    from mandant_desktop.services.users import NewUser

    first = services.users.create(operator, NewUser("ben", "ben@example.de", "Ben", "Bauer"))
    services.users.create(operator, NewUser("cleo", "cleo@example.de", "Cleo", "Chen"))
    page.refresh()
    qtbot.keyClicks(page.search, "bau")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).username == "ben"  # type: ignore[union-attr]
    page.search.clear()
    page.filter_combo.setCurrentIndex(page.filter_combo.findData(UserFilter.PENDING.value))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    page.table.selectAll()
    assert page.resend_button.isEnabled()
    page.resend_button.click()
    assert interactions.of_kind("confirm")[-1].title == "Resend activation link"
    qtbot.waitUntil(lambda: "New activation link(s) for 2 user(s)." in window.statusBar().currentMessage())
    with window.context.app.session_factory() as session:
        assert len(session.scalars(select(OutboxMail)).all()) == 4
    from mandant_desktop.services.activation import ActivationError

    try:
        services.activation.activate(first.token, "lang-genug", "lang-genug")
    except ActivationError:
        pass
    else:
        raise AssertionError("the old link still worked after a resend")

    page.filter_combo.setCurrentIndex(0)
    page.table.clearSelection()
    page.select_user(first.user_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert interactions.of_kind("confirm")[-1].title == "Deactivate users"
    # a bulk edit runs on a worker (E3, S5)
    qtbot.waitUntil(lambda: "deactivated" in window.statusBar().currentMessage())
    with window.context.app.session_factory() as session:
        assert session.get(User, first.user_id).status == UserStatus.DEACTIVATED  # type: ignore[union-attr]
    page.filter_combo.setCurrentIndex(page.filter_combo.findData(UserFilter.DEACTIVATED.value))
    assert [page.model.row_at(i).username for i in range(page.model.rowCount())] == ["ben"]  # type: ignore[union-attr]
    page.table.selectRow(0)
    page.reactivate_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_the_users_model_passes_the_model_tester(qtmodeltester: object, window: MainWindow) -> None:
    page = users_page(window)
    assert isinstance(page.model, UserTableModel)
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_the_outbox_model_passes_the_model_tester(qtmodeltester: object, window: MainWindow) -> None:
    """U4: the outbox lists kept mails with their status."""
    services = window.context.app.services
    from mandant_desktop.services.users import NewUser

    services.users.create(window.context.operator, NewUser("ben", "ben@example.de", "Ben", "Bauer"))
    assert window.show_page("outbox")
    page = window.current_page()
    assert isinstance(page, OutboxPage)
    page.refresh()
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert page.model.row_at(0).status == MailStatus.OUTBOX  # type: ignore[union-attr]
    assert page.model.index(0, 3).data() == "Kept (no e-mail server)"


def test_column_widths_and_sort_come_back(window: MainWindow) -> None:
    """E4: the users table keeps its column widths and sort order for the next session."""
    page = users_page(window)
    page.table.setColumnWidth(2, 333)
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    again = UsersPage(window.context)
    try:
        assert again.table.columnWidth(2) == 333
        header = again.table.horizontalHeader()
        assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (1, Qt.SortOrder.DescendingOrder)
        assert again.model.sort_key.value == "username" and again.model.descending
    finally:
        again.deleteLater()


def test_opening_the_page_reads_the_list_once_in_the_remembered_order(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """U1, E4 (issue 8): building the table sorts it up to three times (sorting switched on, the
    default indicator, the remembered one); the page still reads the first users once, in the
    remembered order, and a header click afterwards reads them again."""
    users_page(window).table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # remembered for the next page
    reads: list[tuple[UserSort, bool]] = []
    original = UsersService.page

    def counted(self: UsersService, *args: Any, **kwargs: Any) -> Any:
        reads.append((kwargs["sort"], kwargs["descending"]))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(UsersService, "page", counted)
    again = UsersPage(window.context)
    try:
        assert reads == [(UserSort.USERNAME, True)]
        again.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        assert reads[1:] == [(UserSort.EMAIL, False)]
    finally:
        again.deleteLater()


def test_the_rights_groups_tab_reads_its_groups_when_shown(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    """C4, T9 (issue 8): the page opens on its users; the rights groups are read once their tab
    shows, on a worker (S5), and a tenant filter change while the tab is hidden reads them again on
    the next show; nothing counts them."""
    reads: list[str] = []
    original = RightsGroupService.groups

    def counted(self: RightsGroupService, *args: Any, **kwargs: Any) -> Any:
        reads.append("GUI thread" if threading.current_thread() is threading.main_thread() else "worker")
        return original(self, *args, **kwargs)

    def never(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the rights groups are not counted")

    monkeypatch.setattr(RightsGroupService, "groups", counted)
    monkeypatch.setattr(RightsGroupService, "count", never)
    page = users_page(window)
    panel = page.rights_groups

    def read() -> None:
        qtbot.waitUntil(lambda: not panel.busy, timeout=10000)

    assert reads == []
    page.tabs.setCurrentWidget(panel)
    read()
    assert reads == ["worker"] and panel.groups.rowCount() > 0
    assert panel.details is not None  # the first group is selected, as before
    page.tabs.setCurrentIndex(0)
    page.tenant_filter_changed()
    read()
    assert len(reads) == 1
    page.tabs.setCurrentWidget(panel)
    read()
    assert reads == ["worker"] * 2
    page.refresh()  # F5 on the shown tab reads at once
    read()
    assert reads == ["worker"] * 3


def test_opened_on_the_remembered_rights_groups_tab_the_list_reads_its_users_when_shown(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    """E4, U1, C4: a page that comes back on the rights groups tab reads no users for the hidden
    list; a click on the users tab reads them then, once, and F5 there reads them again."""
    page = users_page(window)
    page.tabs.setCurrentWidget(page.rights_groups)  # remembered for the next page
    qtbot.waitUntil(lambda: not page.rights_groups.busy, timeout=10000)
    reads: list[str] = []
    original = UsersService.page

    def counted(self: UsersService, *args: Any, **kwargs: Any) -> Any:
        reads.append(kwargs["search"])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(UsersService, "page", counted)
    again = UsersPage(window.context)
    try:
        assert again.tabs.currentWidget() is again.rights_groups
        assert reads == [] and again.model.rowCount() == 0 and again.count_label.text() == ""
        bar = again.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
        assert again.tabs.currentIndex() == 0
        assert reads == [""] and again.model.rowCount() > 0
        assert again.count_label.text() == f"{again.model.rowCount()} user(s)"
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
        assert reads == [""]  # nothing changed meanwhile: the list is not read again
        assert again.refresh() and reads == ["", ""]
    finally:
        again.deleteLater()
