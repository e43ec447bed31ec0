"""The users page and the outbox, driven as a user would (SPEC U1-U4, R3, E2)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QTabWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from uihelpers import FakeInteraction

from mandant_desktop.db.models import MailStatus, OutboxMail, User, UserStatus
from mandant_desktop.services.rights_groups import RightsGroupService
from mandant_desktop.services.users import DisplayStatus, UserChange, UserFilter, UserSort, UsersService
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.outbox.page import OutboxPage
from mandant_desktop.ui.users.add_dialog import AddUserDialog
from mandant_desktop.ui.users.edit_dialog import EditUserDialog
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


# --------------------------------------------------------------------------- editing a user


class EditScript:
    """Acts in the modal "Edit user" dialog once it is open: notes what it shows, types the given
    values, and saves (or cancels); a refusal is noted and the dialog cancelled."""

    def __init__(
        self,
        qtbot: QtBot,
        *,
        last_name: str | None = None,
        email: str | None = None,
        save: bool = True,
        before_save: Callable[[], object] | None = None,
    ) -> None:
        self.qtbot = qtbot
        self.last_name, self.email, self.save = last_name, email, save
        self.before_save = before_save
        self.opened = 0
        self.title = self.note = self.error = ""
        self.note_shown = self.username_editable = False

    def arm(self) -> EditScript:
        QTimer.singleShot(0, self._act)
        return self

    def _act(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, EditUserDialog):
            return
        self.opened += 1
        self.title = dialog.windowTitle()
        self.note_shown = dialog.link_note.isVisibleTo(dialog)
        self.note = dialog.link_note.text()
        self.username_editable = dialog.username.isEnabled()
        for edit, value in ((dialog.last_name, self.last_name), (dialog.email, self.email)):
            if value is not None:
                edit.selectAll()
                self.qtbot.keyClicks(edit, value)
        if not self.save:
            dialog.reject()
            return
        if self.before_save is not None:
            self.before_save()
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        if dialog.isVisible():
            self.error = dialog.message.text()
            dialog.reject()


def add_ben(window: MainWindow, email: str = "ben@exmaple.de") -> Any:
    from mandant_desktop.services.users import NewUser

    return window.context.app.services.users.create(window.context.operator, NewUser("ben", email, "Ben", "Bauer"))


def stored_user(window: MainWindow, user_id: int) -> User:
    with window.context.app.session_factory() as session:
        user = session.get(User, user_id)
        assert user is not None
        session.expunge(user)
        return user


def test_f2_corrects_a_pending_users_address_and_a_new_link_goes_there(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction
) -> None:
    """U2, U3, E2, E7: F2 on a user opens "Edit user" with their values, the user name shown but not
    editable, and for a user waiting for activation the note about the link; saving a corrected
    address sends a new link there and the old link stops working; the Edit menu says why this
    change cannot be undone."""
    page = users_page(window)
    ben = add_ben(window)
    page.refresh()
    assert page.select_user(ben.user_id)
    script = EditScript(qtbot, email="ben@example.de").arm()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    assert script.opened == 1 and script.error == ""
    assert script.title == "Edit user ben" and not script.username_editable
    assert script.note_shown and "ben@exmaple.de stops working" in script.note
    assert stored_user(window, ben.user_id).email == "ben@example.de"
    qtbot.waitUntil(lambda: "no longer works" in window.statusBar().currentMessage())
    assert [r.email for r in page.selected_rows()] == ["ben@example.de"]
    with window.context.app.session_factory() as session:
        recipients = [m.recipient for m in session.scalars(select(OutboxMail).order_by(OutboxMail.id))]
    assert recipients == ["ben@exmaple.de", "ben@example.de"]
    from mandant_desktop.services.activation import ActivationError

    with pytest.raises(ActivationError):
        window.context.app.services.activation.activate(ben.token, "lang-genug", "lang-genug")
    hub = window.undo_hub
    qtbot.waitUntil(lambda: hub.undo_action.text() == "Can't undo: Change user “ben”")
    assert not hub.undo_action.isEnabled()
    assert hub.undo_action.toolTip() == "An activation link that was made invalid stays invalid."


def test_enter_double_click_and_the_context_menu_open_edit_user(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction
) -> None:
    """E2, U2: Enter in the table, a double click on the row and the context menu's "Edit user…"
    open the same dialog, as the tenants' and customers' properties open; a corrected name is
    saved and can be undone from the Edit menu (E7)."""
    page = users_page(window)
    ben = add_ben(window, "ben@example.de")
    page.refresh()
    assert page.select_user(ben.user_id)
    script = EditScript(qtbot, save=False).arm()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert script.opened == 1 and script.note_shown  # ben still waits for activation

    script = EditScript(qtbot, save=False).arm()
    rect = page.table.visualRect(page.model.index(page.model.row_of(ben.user_id), 0))
    # As a mouse sends it: a click, then the double click (the view opens on the row it pressed).
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert script.opened == 1

    menus: list[list[str]] = []
    script = EditScript(qtbot, last_name="Baumann")

    def in_menu(tries: int = 50) -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            if tries:
                QTimer.singleShot(10, lambda: in_menu(tries - 1))
            return
        menus.append([a.text() for a in menu.actions()])
        script.arm()
        qtbot.keyClick(menu, Qt.Key.Key_U)  # the mnemonic of "Edit &user…"

    QTimer.singleShot(0, in_menu)
    page.table.customContextMenuRequested.emit(rect.center())
    assert menus and menus[0][:2] == ["&Add user…", "Edit &user…"]
    assert script.opened == 1 and script.error == ""
    assert stored_user(window, ben.user_id).last_name == "Baumann"
    qtbot.waitUntil(lambda: "ben saved" in window.statusBar().currentMessage())
    hub = window.undo_hub
    qtbot.waitUntil(lambda: hub.undo_action.text() == "&Undo: Change user “ben”")
    hub.undo_action.trigger()
    qtbot.waitUntil(lambda: stored_user(window, ben.user_id).last_name == "Bauer")


def test_edit_user_refusals_show_in_german_in_the_dialog(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction, language: LanguageManager
) -> None:
    """U2, E1: the dialog's refusals are the service's rules, in German, and keep the input; a
    stale edit (another workstation saved meanwhile) shows who changed it (S4)."""
    language.choose("de")
    page = users_page(window)
    ben = add_ben(window, "ben@example.de")
    page.refresh()
    assert page.select_user(ben.user_id)
    script = EditScript(qtbot, email="kaputt").arm()
    page.edit_action.trigger()
    assert script.title == "Benutzer ben bearbeiten"
    assert script.error == "kaputt ist keine gültige E-Mail-Adresse."
    script = EditScript(qtbot, email="chefin@example.de").arm()
    page.edit_action.trigger()
    assert script.error == "Die E-Mail-Adresse chefin@example.de wird bereits von einem anderen Benutzer verwendet."

    services = window.context.app.services
    other = replace(window.context.operator, username="kollegin")

    def meanwhile() -> None:
        version = services.users.for_edit(other, ben.user_id).version
        change = UserChange("Ben", "Berger", "ben@example.de")
        services.users.update(other, ben.user_id, change, expected_version=version)

    script = EditScript(qtbot, last_name="Brandt", before_save=meanwhile).arm()
    page.edit_action.trigger()
    assert "kollegin" in script.error
    assert [m.kind for m in interactions.messages][-1] == "conflict"
    assert stored_user(window, ben.user_id).last_name == "Berger"


def test_f2_corrects_an_external_users_name_and_their_contact_with_it(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction
) -> None:
    """C10, U2, E2: F2 on an external user opens "Edit user" saying whose customer's contact they
    are (no single sign-on shown); a corrected last name is the user's and the contact's."""
    from customerhelpers import seed_for_ui

    from mandant_desktop.db.models import Contact
    from mandant_desktop.services.customer_contacts import NewContact, NewExternalUser
    from mandant_desktop.services.operator import system_operator

    page = users_page(window)
    services, system = window.context.app.services, system_operator("test")
    assert window.context.operator.id is not None
    world = seed_for_ui(window.context.app.session_factory, window.context.operator.id)
    contacts = services.customer_contacts
    contact = contacts.create_contact(system, world.customers["12345"], NewContact("Becker", "Bea", email="bea@hd.de"))
    external_id = contacts.create_external_user(system, NewExternalUser(contact, "bea", "geheim1", "geheim1"))
    page.refresh()
    assert page.select_user(external_id)
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, EditUserDialog):
            seen.update(intro=dialog.intro.text(), sso=dialog.sso.isVisibleTo(dialog))

    QTimer.singleShot(0, look)
    script = EditScript(qtbot, last_name="Berger").arm()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    assert script.opened == 1 and not script.error
    assert "12345 Heidelberg" in str(seen["intro"]) and seen["sso"] is False
    assert stored_user(window, external_id).last_name == "Berger"
    with window.context.app.session_factory() as session:
        stored_contact = session.get(Contact, contact)
        assert stored_contact is not None and stored_contact.last_name == "Berger"


def test_del_on_your_own_account_says_so_instead_of_asking(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction
) -> None:
    """E2, S2: Del on the operator's own row asks nothing that the service would refuse: it says
    plainly that you cannot deactivate yourself. With others selected too, the question names only
    them and says that your own account stays active; they are deactivated, you are not."""
    page = users_page(window)
    ben = add_ben(window, "ben@example.de")
    own = window.context.operator.id
    assert own is not None
    page.refresh()
    assert page.select_user(own)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert interactions.of_kind("confirm") == []
    [told] = interactions.of_kind("information")
    assert "cannot deactivate your own account" in told.text

    page.table.selectAll()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    [asked] = interactions.of_kind("confirm")
    question, note = asked.text.split("\n\n")
    assert question.endswith("They can no longer log in: Ben Bauer")
    assert note == "Your own account (Karla Chef) stays active: you cannot deactivate yourself."
    qtbot.waitUntil(lambda: "deactivated" in window.statusBar().currentMessage())
    assert stored_user(window, ben.user_id).status == UserStatus.DEACTIVATED
    assert stored_user(window, own).status == UserStatus.ACTIVE


def test_del_on_a_deactivated_user_says_so_instead_of_nothing(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction
) -> None:
    """E2, U1: Del on a user who is deactivated already did nothing at all (the Deactivate action is
    off there). It now says that the user is deactivated already and how they log in again, asks
    nothing and changes nothing; the Deactivate button stays disabled. With an active user among
    the selection Del asks as before."""
    page = users_page(window)
    ben = add_ben(window, "ben@example.de")
    with window.context.app.session_factory.begin() as session:
        user = session.get(User, ben.user_id)
        assert user is not None
        user.status = UserStatus.DEACTIVATED
    page.refresh()
    assert page.select_user(ben.user_id)
    assert not page.deactivate_button.isEnabled()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert interactions.of_kind("confirm") == []
    [told] = interactions.of_kind("information")
    assert told.text == "1 selected user(s) already deactivated: Ben Bauer. Reactivate them to let them log in again."
    assert stored_user(window, ben.user_id).status == UserStatus.DEACTIVATED

    page.table.selectAll()  # with the operator (active) too: Del speaks of that row, as before
    interactions.confirm_answers.append(False)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "cannot deactivate your own account" in interactions.of_kind("information")[-1].text


def test_a_new_user_beyond_the_first_page_is_listed_and_selected(qtbot: QtBot, window: MainWindow) -> None:
    """U1, U2: on a list longer than the first page the table fetches (the large demo holds 10,000
    users), the new user is listed and selected at once, as on a short list: the list shows it by
    its user name instead of leaving it on a page not yet fetched."""
    from tenanthelpers import add_users

    from mandant_desktop.ui.users.model import PAGE_SIZE

    add_users(window.context.app.session_factory, "kollege", PAGE_SIZE + 20)
    page = users_page(window)
    page.refresh()
    assert page.model.rowCount() == PAGE_SIZE  # the rest is fetched on scrolling
    fill_and_save(qtbot, "Zora", "Zander", "zora.zander@example.de")
    page.add_user()
    assert [r.username for r in page.selected_rows()] == ["zzander"]
    assert page.search.text() == "zzander"
    assert page.filter_combo.currentData() == UserFilter.ALL.value
    qtbot.waitUntil(lambda: "outbox" in window.statusBar().currentMessage())


@pytest.mark.parametrize(
    ("first", "last", "username"),
    [
        ("Jürgen", "Weiß-Größer", "jweiss-groesser"),
        ("Agnieszka", "Dąbrowski", "adabrowski"),
        ("Zeynep", "Yılmaz", "zyilmaz"),
        ("Łukasz", "Kowalczyk", "lkowalczyk"),
        ("Ömer", "Çelik", "oecelik"),
        ("René", "Søndergård", "rsondergard"),
    ],
)
def test_the_suggested_user_name_keeps_every_letter_of_the_name(first: str, last: str, username: str) -> None:
    """U2: the user name the Add user dialog suggests writes ä, ö, ü, ß out and drops only the mark
    of other accented letters; "Dąbrowski" gave "dbrowski" and "Yılmaz" "ylmaz" (the demo data is
    full of such names), which the operator had to correct by hand."""
    from mandant_desktop.ui.users.add_dialog import suggested_username

    assert suggested_username(first, last) == username


def test_add_user_names_the_missing_fields_in_the_order_of_the_form(
    qtbot: QtBot, window: MainWindow, language: LanguageManager
) -> None:
    """U2, E1: on an empty "Benutzer hinzufügen" form the message named the user name before the
    first and last name; it names the first empty field of the form and focuses it."""
    language.choose("de")
    services, operator = window.context.app.services, window.context.operator
    dialog = AddUserDialog(lambda data: services.users.create(operator, data))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    seen = []
    for field, text in (
        (dialog.first_name, "Emma"),
        (dialog.last_name, "Roth"),
        (dialog.username, "eroth"),
        (dialog.email, ""),
    ):
        dialog.try_save()
        seen.append((dialog.message.text(), dialog.focusWidget() is field))
        qtbot.keyClicks(field, text)
        if field is dialog.last_name:
            dialog.username.clear()  # the suggestion from the names, to see the user name asked for
    assert seen == [
        ("Bitte füllen Sie das Feld „Vorname“ aus.", True),
        ("Bitte füllen Sie das Feld „Nachname“ aus.", True),
        ("Bitte geben Sie einen Benutzernamen ein.", True),
        ("Bitte geben Sie eine E-Mail-Adresse ein.", True),
    ]
    assert dialog.result_value is None and dialog.isVisible()
