"""The customers page driven as a user would: right click a row, pick the entry, complete the
dialog (SPEC C1-C12, T8, E2)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from customerhelpers import UiWorld, seed_for_ui
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from uihelpers import FakeInteraction

from mandant_desktop.db.models import (
    Contact,
    Customer,
    CustomerStatus,
    RightsGroup,
    RightsGroupMember,
    User,
    UserKind,
    UserStatus,
)
from mandant_desktop.services.customers import CustomerQuery
from mandant_desktop.ui import tasks
from mandant_desktop.ui.customers import dialog_runner
from mandant_desktop.ui.customers.access_rights_dialog import AccessRightsDialog
from mandant_desktop.ui.customers.agency_dialogs import AgencyInfoDialog, SelectAgencyDialog
from mandant_desktop.ui.customers.contact_person_dialog import USER_ROLE, AssignContactPersonDialog
from mandant_desktop.ui.customers.contacts_dialog import CreateContactDialog, CustomerContactsDialog
from mandant_desktop.ui.customers.create_dialog import CreateCustomerDialog
from mandant_desktop.ui.customers.delete_dialog import DeleteCustomerDialog
from mandant_desktop.ui.customers.model import CustomerTableModel
from mandant_desktop.ui.customers.page import CustomersPage
from mandant_desktop.ui.customers.properties_dialog import CustomerPropertiesDialog
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow

Handler = Callable[[QDialog], int]


class Dialogs:
    """Plays the user in each dialog: one handler per dialog, in the order they open."""

    def __init__(self) -> None:
        self.script: list[tuple[type[QDialog], Handler]] = []
        self.seen: list[str] = []

    def expect(self, kind: type[QDialog], handler: Handler) -> None:
        self.script.append((kind, handler))

    def __call__(self, dialog: QDialog) -> int:
        self.seen.append(type(dialog).__name__)
        assert self.script, f"unexpected dialog {type(dialog).__name__}"
        kind, handler = self.script.pop(0)
        assert isinstance(dialog, kind), f"expected {kind.__name__}, got {type(dialog).__name__}"
        return handler(dialog)


@pytest.fixture
def dialogs() -> Iterator[Dialogs]:
    script = Dialogs()
    with dialog_runner.installed(script):
        yield script
    assert not script.script, f"dialogs that never opened: {[k.__name__ for k, _ in script.script]}"


@pytest.fixture
def world(window: MainWindow) -> UiWorld:
    return seed_for_ui(window.context.app.session_factory, window.context.operator.id or 0)


@pytest.fixture
def page(window: MainWindow, world: UiWorld, qtbot: QtBot) -> CustomersPage:
    assert window.show_page("customers")
    found = window.current_page()
    assert isinstance(found, CustomersPage)
    found.refresh()
    qtbot.waitUntil(lambda: not found.busy)  # S5: the count and first window load on a worker
    return found


def ok(dialog: QDialog) -> int:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[union-attr]
    button.click()
    return dialog.result()


def loaded(page: CustomersPage) -> CustomersPage:
    """S5: wait for the page's count-and-first-window load, which runs on a worker."""
    deadline = time.monotonic() + 10
    while page.busy:
        assert time.monotonic() < deadline, "the customers page did not finish loading"
        QTest.qWait(10)
    return page


def saved(qtbot: QtBot, page: CustomersPage) -> CustomersPage:
    """E3, S5: wait for a change of many customers on its worker, then for the reload after it."""
    qtbot.waitUntil(lambda: tasks.runner().active() == 0, timeout=10000)
    return loaded(page)


def row_of(page: CustomersPage, number: str) -> int:
    loaded(page)
    for row in range(page.model.rowCount()):
        customer = page.model.row_at(row)
        if customer is not None and customer.number == number:
            return row
    raise AssertionError(f"customer {number} not in the table")


def right_click(page: CustomersPage, number: str, entry: str) -> None:
    """Right click the customer's row and pick the menu entry named ``entry`` (objectName)."""
    picked: list[str] = []

    def choose(menu: QMenu, _at: QPoint) -> None:
        action = next(a for a in menu.actions() if a.objectName() == entry)
        assert action.isEnabled(), f"{entry} is disabled"
        picked.append(entry)
        action.trigger()

    page.exec_menu = choose
    index = page.model.index(row_of(page, number), 1)
    page.table.customContextMenuRequested.emit(page.table.visualRect(index).center())
    assert picked == [entry]


def select_numbers(page: CustomersPage, *numbers: str) -> None:
    page.table.clearSelection()
    for number in numbers:
        page.table.selectionModel().select(
            page.model.index(row_of(page, number), 0),
            page.table.selectionModel().SelectionFlag.Select | page.table.selectionModel().SelectionFlag.Rows,
        )


def scalar(window: MainWindow, stmt: object) -> object:
    with window.context.app.session_factory() as session:
        return session.scalar(stmt)  # type: ignore[call-overload]


def test_table_shows_sorts_and_searches(page: CustomersPage, qtbot: QtBot, qtmodeltester: object) -> None:
    """C1, T8: the columns, read-only rows of a read-only tenant, server-side sort, debounced search."""
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert page.model.rowCount() == 4
    assert page.table.objectName() == "customerTable"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers[0] == "Number" and headers[-1] == "Status" and len(headers) == 9
    mannheim = row_of(page, "12346")
    assert page.model.index(mannheim, 3).data() == "Yes"
    assert page.model.index(row_of(page, "200"), 3).data() == "Agency"
    assert page.model.index(mannheim, 5).data() == "Werbeagentur Licht (200)"
    read_only = page.model.row_at(row_of(page, "300"))
    assert read_only is not None and not read_only.editable
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert [page.model.index(r, 1).data() for r in range(4)] == [
        "Werbeagentur Licht",
        "Read only GmbH",
        "Mannheim",
        "Heidelberg",
    ]
    qtbot.keyClicks(page.search, "heidel")
    assert page.model.rowCount() == 4  # not yet: the search waits for a pause in typing
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.count_label.text() == "Customers: 1"


def test_windows_are_fetched_on_demand(qtmodeltester: object) -> None:
    """Section 8: the model asks for one COUNT and the windows the view shows, nothing more."""
    from mandant_desktop.services.customers import CustomerRow
    from mandant_desktop.ui.customers.model import WINDOW

    fetched: list[int] = []

    def load(query: CustomerQuery, offset: int, limit: int) -> list[CustomerRow]:
        fetched.append(offset)
        return [
            CustomerRow(i, str(i), f"Kunde {i}", "", False, False, None, None, 1, "T", (), _active(), 1, True)
            for i in range(offset, min(offset + limit, 1000))
        ]

    model = CustomerTableModel(lambda q: 1000, load)
    model.set_query(CustomerQuery())
    assert model.rowCount() == 1000 and fetched == [0]
    assert model.index(999, 0).data() == "999"
    assert fetched == [0, 999 // WINDOW * WINDOW]
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def _active():  # type: ignore[no-untyped-def]
    from mandant_desktop.db.models import CustomerStatus

    return CustomerStatus.ACTIVE


def test_new_customer_with_remote_access_runs_the_three_dialogs(
    page: CustomersPage, window: MainWindow, dialogs: Dialogs, qtbot: QtBot, world: UiWorld
) -> None:
    """C2, C3, C4, C8, C7: Ctrl+N, "Create customer", then "Access rights", then "Assign contact person"."""

    def create(dialog: CreateCustomerDialog) -> int:
        assert not dialog.quota_edit.isEnabled()
        qtbot.keyClicks(dialog.number_edit, "4711")
        dialog.name_edit.setText("Druckhaus Süd")  # QTest types ASCII only
        qtbot.keyClicks(dialog.short_name_edit, "DHS")
        dialog.remote_check.setChecked(True)
        assert dialog.quota_edit.isEnabled()
        qtbot.keyClicks(dialog.quota_edit, "750")
        return ok(dialog)

    def rights(dialog: AccessRightsDialog) -> int:
        assert dialog.group.name == "X4711-Druckhaus Süd"
        assert "every external user" in dialog.note.text().lower()
        for code in ("portal.view_jobs", "portal.approve_proofs"):
            item = dialog.permissions.item_for(code)
            assert item is not None
            item.setCheckState(Qt.CheckState.Checked)
        return ok(dialog)

    def persons(dialog: AssignContactPersonDialog) -> int:
        dialog.candidates.setCurrentRow(0)
        dialog.add_button.click()
        assert dialog.assigned.count() == 1
        return ok(dialog)

    dialogs.expect(CreateCustomerDialog, create)  # type: ignore[arg-type]
    dialogs.expect(AccessRightsDialog, rights)  # type: ignore[arg-type]
    dialogs.expect(AssignContactPersonDialog, persons)  # type: ignore[arg-type]
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.seen == ["CreateCustomerDialog", "AccessRightsDialog", "AssignContactPersonDialog"]
    row = page.model.row_at(row_of(page, "4711"))
    assert row is not None and row.quota_mb == 750 and row.contact_persons == ("Rolf Roth",)
    services = window.context.app.services
    group = services.rights_groups.details(
        window.context.operator, services.customers.details(window.context.operator, row.id).group_id or 0
    )
    assert group.permissions == {"portal.view_jobs", "portal.approve_proofs"}
    assert [r.number for r in page.selected_rows()] == ["4711"]


def test_bad_input_in_create_customer_changes_nothing(
    page: CustomersPage, window: MainWindow, dialogs: Dialogs, qtbot: QtBot
) -> None:
    """C2: a duplicate number and a negative quota are clear messages in the dialog; nothing saved."""
    before = scalar(window, select(func.count()).select_from(Customer))

    def create(dialog: CreateCustomerDialog) -> int:
        qtbot.keyClicks(dialog.number_edit, "12345")
        qtbot.keyClicks(dialog.name_edit, "Doppelt")
        ok(dialog)
        assert dialog.message.is_error and "12345 is already taken" in dialog.message.text()
        dialog.number_edit.setText("999")
        dialog.remote_check.setChecked(True)
        qtbot.keyClicks(dialog.quota_edit, "-5")
        ok(dialog)
        assert "must not be negative" in dialog.message.text()
        dialog.reject()
        return dialog.result()

    dialogs.expect(CreateCustomerDialog, create)  # type: ignore[arg-type]
    page.new_button.click()
    assert scalar(window, select(func.count()).select_from(Customer)) == before


def test_access_rights_from_the_context_menu(page: CustomersPage, window: MainWindow, dialogs: Dialogs) -> None:
    """C8: right click → Access rights…, tick a permission, OK."""

    def rights(dialog: AccessRightsDialog) -> int:
        item = dialog.permissions.item_for("portal.download_data")
        assert item is not None
        item.setCheckState(Qt.CheckState.Checked)
        return ok(dialog)

    dialogs.expect(AccessRightsDialog, rights)  # type: ignore[arg-type]
    right_click(page, "12345", "customerAccessRightsAction")
    codes = set(
        window.context.app.session_factory().scalars(
            select(RightsGroup.name).where(RightsGroup.customer_id == page.selected_rows()[0].id)
        )
    )
    assert codes == {"X12345-Heidelberg"}
    services = window.context.app.services
    details = services.customers.details(window.context.operator, page.selected_rows()[0].id)
    assert services.rights_groups.details(window.context.operator, details.group_id or 0).permissions == {
        "portal.download_data"
    }


def test_assign_contact_person_with_several_customers(
    page: CustomersPage, window: MainWindow, dialogs: Dialogs, world: UiWorld
) -> None:
    """C7: assigned to all in normal font, to some in italics with a tooltip; removing says the
    memberships stay and offers to remove them."""
    services, operator = window.context.app.services, window.context.operator
    rolf, sina, _tom = world.reps
    heidelberg, mannheim = world.customers["12345"], world.customers["12346"]
    services.contact_persons.apply(operator, [heidelberg, mannheim], add=[rolf])
    services.contact_persons.apply(operator, [heidelberg], add=[sina])
    page.refresh()
    loaded(page)

    def persons(dialog: AssignContactPersonDialog) -> int:
        fonts = {
            int(dialog.assigned.item(r).data(USER_ROLE)): dialog.assigned.item(r).font().italic()
            for r in range(dialog.assigned.count())
        }
        assert fonts == {rolf: False, sina: True}
        italic = next(
            dialog.assigned.item(r) for r in range(dialog.assigned.count()) if dialog.assigned.item(r).font().italic()
        )
        assert "12345" in italic.toolTip() and "12346" not in italic.toolTip()
        assert not dialog.keep_note.isVisibleTo(dialog)
        rolf_item = next(
            dialog.assigned.item(r)
            for r in range(dialog.assigned.count())
            if not dialog.assigned.item(r).font().italic()
        )
        rolf_item.setSelected(True)
        dialog.remove_button.click()
        assert dialog.keep_note.isVisibleTo(dialog) and "stay members" in dialog.keep_note.text()
        dialog.remove_memberships_check.setChecked(True)
        return ok(dialog)

    dialogs.expect(AssignContactPersonDialog, persons)  # type: ignore[arg-type]
    select_numbers(page, "12345", "12346")
    right_click(page, "12346", "customerContactPersonAction")
    loaded(page)
    assert {r.number: r.contact_persons for r in page.selected_rows()} == {"12345": ("Sina Sommer",), "12346": ()}
    group = services.customers.details(operator, heidelberg).group_id
    assert (
        scalar(
            window,
            select(RightsGroupMember.user_id).where(
                RightsGroupMember.group_id == group, RightsGroupMember.user_id == rolf
            ),
        )
        is None
    )


def test_properties_remove_remote_access_and_pick_a_default_agency(
    page: CustomersPage,
    window: MainWindow,
    dialogs: Dialogs,
    interactions: FakeInteraction,
    qtbot: QtBot,
    world: UiWorld,
) -> None:
    """C9: unticking remote access asks, then deletes the rights group and the external users;
    "Select…" opens "Select agency", searchable."""
    services, operator = window.context.app.services, window.context.operator
    heidelberg = world.customers["12345"]
    contact = services.customer_contacts.create_contact(operator, heidelberg, _contact("Becker"))
    services.customer_contacts.create_external_user(operator, _user(contact, "bea.becker"))

    def choose_agency(dialog: SelectAgencyDialog) -> int:
        qtbot.keyClicks(dialog.search, "licht")
        dialog.load()
        assert dialog.model.rowCount() == 1
        dialog.table.selectRow(0)
        return ok(dialog)

    def properties(dialog: CustomerPropertiesDialog) -> int:
        assert dialog.default_agency_value.text() == "No agency set"
        dialog.select_agency_button.click()
        assert dialog.default_agency_value.text() == "Werbeagentur Licht (200)"
        dialog.remote_check.setChecked(False)
        assert not dialog.quota_edit.isEnabled()
        return ok(dialog)

    dialogs.expect(CustomerPropertiesDialog, properties)  # type: ignore[arg-type]
    dialogs.expect(SelectAgencyDialog, choose_agency)  # type: ignore[arg-type]
    right_click(page, "12345", "customerPropertiesAction")
    question = interactions.of_kind("confirm")[-1]
    assert "X12345-Heidelberg" in question.text and "external users of the customer (1)" in question.text
    assert scalar(window, select(func.count()).select_from(User).where(User.kind == UserKind.EXTERNAL)) == 0
    assert (
        scalar(window, select(func.count()).select_from(RightsGroup).where(RightsGroup.customer_id == heidelberg)) == 0
    )
    row = page.model.row_at(row_of(page, "12345"))
    assert row is not None and not row.remote_access and row.default_agency == "Werbeagentur Licht (200)"


def test_delete_offers_deactivate_all_and_warns_on_reuse(
    page: CustomersPage,
    window: MainWindow,
    dialogs: Dialogs,
    interactions: FakeInteraction,
    qtbot: QtBot,
    world: UiWorld,
) -> None:
    """C6: the dialog explains number reuse and offers "Deactivate all"; delete removes the external
    users; a new customer with the old number warns and names the deleted one."""
    services, operator = window.context.app.services, window.context.operator
    contact = services.customer_contacts.create_contact(operator, world.customers["12345"], _contact("Adam"))
    user_id = services.customer_contacts.create_external_user(operator, _user(contact, "adam"))

    def deactivate_all(dialog: DeleteCustomerDialog) -> int:
        assert "same access rights" in dialog.text.text()
        assert dialog.deactivate_button.text() == "Deactivate &all"
        dialog.deactivate_button.click()
        return dialog.result()

    def delete(dialog: DeleteCustomerDialog) -> int:
        assert dialog.deactivate_button.text() == "&Deactivate"
        dialog.delete_button.click()
        return dialog.result()

    def recreate(dialog: CreateCustomerDialog) -> int:
        qtbot.keyClicks(dialog.number_edit, "12345")
        qtbot.keyClicks(dialog.name_edit, "Neu")
        return ok(dialog)

    dialogs.expect(DeleteCustomerDialog, deactivate_all)  # type: ignore[arg-type]
    select_numbers(page, "12345", "12346")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    saved(qtbot, page)
    assert scalar(window, select(User.status).where(User.id == user_id)) == UserStatus.DEACTIVATED
    assert page.model.index(row_of(page, "12345"), 8).data() == "Deactivated"

    dialogs.expect(DeleteCustomerDialog, delete)  # type: ignore[arg-type]
    select_numbers(page, "12345")
    right_click(page, "12345", "customerDeleteAction")
    saved(qtbot, page)
    assert scalar(window, select(func.count()).select_from(User).where(User.id == user_id)) == 0
    assert all(page.model.row_at(r).number != "12345" for r in range(loaded(page).model.rowCount()))  # type: ignore[union-attr]

    interactions.confirm_answers.append(False)
    dialogs.expect(CreateCustomerDialog, recreate)  # type: ignore[arg-type]
    page.new_button.click()
    warning = interactions.of_kind("confirm")[-1]
    assert "Heidelberg" in warning.text and "12345" in warning.text
    assert scalar(window, select(func.count()).select_from(Customer).where(Customer.number == "12345")) == 0


def test_deleting_a_customer_changed_elsewhere_shows_the_conflict(
    page: CustomersPage,
    window: MainWindow,
    dialogs: Dialogs,
    interactions: FakeInteraction,
    qtbot: QtBot,
    world: UiWorld,
) -> None:
    """S4, C6, C12: another workstation changed the customer after the table showed it; Delete,
    Deactivate and Reactivate are refused with the conflict dialog naming who changed it, and the
    customer stays as the other workstation left it. After a reload the same action goes through."""
    from dataclasses import replace

    from mandant_desktop.services.customers import PropertiesChange

    services = window.context.app.services
    heidelberg = world.customers["12345"]
    colleague = replace(window.context.operator, username="kollege")

    def changed_elsewhere(quota: int) -> None:
        version = services.customers.details(colleague, heidelberg).version
        services.customers.update_properties(
            colleague, heidelberg, PropertiesChange(True, quota, False, None), expected_version=version
        )

    for quota, choice in ((700, "delete_button"), (800, "deactivate_button")):
        select_numbers(page, "12345")
        changed_elsewhere(quota)
        dialogs.expect(DeleteCustomerDialog, lambda d, c=choice: (getattr(d, c).click(), d.result())[1])  # type: ignore[arg-type]
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
        saved(qtbot, page)
        conflict = interactions.of_kind("conflict")[-1]
        assert conflict.text.startswith("kollege changed this customer")
        row = page.model.row_at(row_of(page, "12345"))  # reloaded: the colleague's change is shown
        assert row is not None and row.quota_mb == quota and row.active
    assert len(interactions.of_kind("conflict")) == 2

    select_numbers(page, "12345")
    services.customers.deactivate(colleague, {heidelberg: services.customers.details(colleague, heidelberg).version})
    page.reactivate_customers()  # the table still shows the version before the deactivation
    saved(qtbot, page)
    assert len(interactions.of_kind("conflict")) == 3
    assert scalar(window, select(Customer.status).where(Customer.id == heidelberg)) == CustomerStatus.DEACTIVATED

    select_numbers(page, "12345")  # reloaded after the conflict: now the version is current
    page.reactivate_customers()
    saved(qtbot, page)
    assert len(interactions.of_kind("conflict")) == 3
    assert scalar(window, select(Customer.status).where(Customer.id == heidelberg)) == CustomerStatus.ACTIVE


def test_contacts_and_external_users(
    page: CustomersPage, window: MainWindow, dialogs: Dialogs, qtbot: QtBot, world: UiWorld, qtmodeltester: object
) -> None:
    """C10, C12: New → "Create contact"; the users area only with a contact; short or mismatched
    password refused; the user is created (external, argon2id) and can be deactivated."""

    def create_contact(dialog: CreateContactDialog) -> int:
        qtbot.keyClicks(dialog.type_edit, "Einkauf")
        qtbot.keyClicks(dialog.first_edit, "Bea")
        qtbot.keyClicks(dialog.last_edit, "Becker")
        qtbot.keyClicks(dialog.email_edit, "bea@heidelberg.example")
        return ok(dialog)

    def contacts(dialog: CustomerContactsDialog) -> int:
        assert not dialog.users_box.isEnabled()
        dialog.new_contact_button.click()
        assert dialog.model.rowCount() == 1 and dialog.users_box.isEnabled()
        assert not dialog.username_edit.isEnabled()
        dialog.external_check.setChecked(True)
        qtbot.keyClicks(dialog.username_edit, "bea.becker")
        qtbot.keyClicks(dialog.password_edit, "kurz")
        qtbot.keyClicks(dialog.repeat_edit, "kurz")
        dialog.create_user_button.click()
        assert "at least 6 characters" in dialog.message.text()
        dialog.password_edit.setText("geheim1")
        dialog.repeat_edit.setText("geheim2")
        dialog.create_user_button.click()
        assert "do not match" in dialog.message.text()
        dialog.repeat_edit.setText("geheim1")
        dialog.admin_check.setChecked(True)
        dialog.create_user_button.click()
        assert not dialog.message.is_error
        assert "bea.becker (active" in dialog.model.index(0, 4).data()
        dialog.toggle_user_button.click()
        assert "deactivated" in dialog.model.index(0, 4).data()
        qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
        dialog.reject()
        return dialog.result()

    dialogs.expect(CustomerContactsDialog, contacts)  # type: ignore[arg-type]
    dialogs.expect(CreateContactDialog, create_contact)  # type: ignore[arg-type]
    right_click(page, "12345", "customerContactsAction")
    with window.context.app.session_factory() as session:
        user = session.scalar(select(User).where(User.username == "bea.becker"))
        assert user is not None and user.kind is UserKind.EXTERNAL and user.status is UserStatus.DEACTIVATED
        assert (user.password_hash or "").startswith("$argon2id$") and user.is_external_admin
        assert user.email == "bea@heidelberg.example"  # T8: the operator has the private data right
        assert session.scalar(select(func.count()).select_from(Contact)) == 1


def test_a_portal_user_without_the_private_data_right_gets_no_address(
    page: CustomersPage, window: MainWindow, dialogs: Dialogs, qtbot: QtBot, world: UiWorld
) -> None:
    """C10, T8: an operator without the private data right in the customer's tenant sees the
    contact's address masked; the portal user made of the contact has no address (user
    administration would show it unmasked), and the dialog says so. With the right it is copied
    (test_contacts_and_external_users)."""
    from sqlalchemy import update

    from mandant_desktop.db.models import TenantAccess
    from mandant_desktop.services.customer_contacts import NewContact

    factory = window.context.app.session_factory
    services, operator = window.context.app.services, window.context.operator
    services.customer_contacts.create_contact(
        operator,
        world.customers["12345"],
        NewContact(last_name="Becker", first_name="Bea", email="bea@heidelberg.example"),
    )
    with factory.begin() as session:
        session.execute(update(TenantAccess).where(TenantAccess.user_id == operator.id).values(private_data=False))
    said: list[str] = []

    def contacts(dialog: CustomerContactsDialog) -> int:
        assert dialog.model.rowCount() == 1
        dialog.external_check.setChecked(True)
        qtbot.keyClicks(dialog.username_edit, "bea.becker")
        qtbot.keyClicks(dialog.password_edit, "geheim1")
        qtbot.keyClicks(dialog.repeat_edit, "geheim1")
        dialog.create_user_button.click()
        said.append(dialog.message.text())
        dialog.reject()
        return dialog.result()

    dialogs.expect(CustomerContactsDialog, contacts)  # type: ignore[arg-type]
    right_click(page, "12345", "customerContactsAction")
    assert said == [
        "The portal user was created without the contact's e-mail address (you do not have the private data "
        "right in its tenant); it appears in user administration under “External”."
    ]
    with factory() as session:
        user = session.scalar(select(User).where(User.username == "bea.becker"))
        assert user is not None and (user.last_name, user.email) == ("Becker", None)
        assert session.scalar(select(Contact.email).where(Contact.id == user.contact_id)) == "bea@heidelberg.example"


def test_a_customers_contact_is_edited_as_on_the_contacts_page(
    page: CustomersPage,
    window: MainWindow,
    dialogs: Dialogs,
    qtbot: QtBot,
    world: UiWorld,
    interactions: FakeInteraction,
) -> None:
    """C10, S4, T8, E7, E2: Edit (Enter, F2) on a customer's contact opens the contacts page's dialog; an
    empty last name is refused with the contacts' rule; the saved name and address show in the
    list and in the contacts service; a save over another workstation's change is refused with who
    changed it and nothing is overwritten; the edit is a step of the customers page's undo (E7)."""
    from mandant_desktop.services.contacts import ContactInput
    from mandant_desktop.services.operator import Operator
    from mandant_desktop.ui.contacts.dialogs import ContactDialog

    services, operator = window.context.app.services, window.context.operator
    contact_id = services.customer_contacts.create_contact(operator, world.customers["12345"], _contact("Becker"))

    def edit(dialog: ContactDialog) -> int:
        assert not dialog.read_only and dialog.last_name.text() == "Becker"
        dialog.last_name.clear()
        dialog.submit()
        assert dialog.message.text() == "Please enter a last name."
        dialog.last_name.setText("Becker-Hahn")
        dialog.street.setText("Hauptstraße 1")
        dialog.postal_code.setText("69117")
        dialog.city.setText("Heidelberg")
        dialog.submit()
        return dialog.result()

    def stale(dialog: ContactDialog) -> int:
        other = Operator(id=None, username="kollege", is_system=True)
        row, _roles = services.contacts.get_contact(operator, world.nord, contact_id)
        assert (row.last_name, row.street, row.postal_code, row.city) == (
            "Becker-Hahn",
            "Hauptstraße 1",
            "69117",
            "Heidelberg",
        )
        services.contacts.save_contact(other, world.nord, ContactInput("Becker-Kollege"), contact_id, row.version)
        dialog.last_name.setText("Becker-Meine")
        dialog.submit()
        assert dialog.result() != QDialog.DialogCode.Accepted
        return QDialog.DialogCode.Rejected.value

    def contacts(dialog: CustomerContactsDialog) -> int:
        assert dialog.edit_contact_button.isEnabled()
        keys = [key for action in dialog.table.actions() for key in action.shortcuts()]
        assert QKeySequence(Qt.Key.Key_Return) in keys and QKeySequence(Qt.Key.Key_F2) in keys  # E2
        dialog.edit_contact_button.click()
        assert dialog.model.index(0, 1).data() == "Bea Becker-Hahn"
        assert dialog.message.text() == "The contact was saved."
        assert not dialog.edit_contact()  # the stale save: refused
        assert dialog.model.index(0, 1).data() == "Bea Becker-Hahn"
        dialog.reject()
        return dialog.result()

    dialogs.expect(CustomerContactsDialog, contacts)  # type: ignore[arg-type]
    dialogs.expect(ContactDialog, edit)  # type: ignore[arg-type]
    dialogs.expect(ContactDialog, stale)  # type: ignore[arg-type]
    right_click(page, "12345", "customerContactsAction")
    assert "kollege" in interactions.of_kind("conflict")[-1].text
    row, _roles = services.contacts.get_contact(operator, world.nord, contact_id)
    assert row.last_name == "Becker-Kollege"  # S4: the other workstation's save stands
    steps = window.undo_hub.current()
    assert steps is not None
    assert "Change contact “Becker-Hahn, Bea”" in [steps.stack.text(i) for i in range(steps.stack.count())]


def test_a_separate_tenants_customer_contact_is_edited_where_the_customer_lives(
    page: CustomersPage, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    """T6, C10: the contacts of a customer of a separate tenant live with the customer in the main
    database; Edit… in the customer's contacts opens and saves that contact, not the separate
    tenant's own contact that has the same id in the tenant's database."""
    from mandant_desktop.db.models import Contact, TenantKind
    from mandant_desktop.services.contacts import ContactInput
    from mandant_desktop.services.customers import NewCustomer
    from mandant_desktop.services.tenants import TenantInput
    from mandant_desktop.ui.contacts.dialogs import ContactDialog

    services, operator = window.context.app.services, window.context.operator
    url = f"sqlite:///{tmp_path / 'getrennt.sqlite'}"
    separate = services.tenants.create_tenant(
        operator, TenantInput(name="Getrennt", kind=TenantKind.SEPARATE, database_url=url)
    )
    customer = services.customers.create(operator, NewCustomer("77001", "Fernkunde", separate)).id
    ids = {
        services.contacts.save_contact(operator, separate, ContactInput(last_name="Eigene")),
        services.customer_contacts.create_contact(operator, customer, _contact("Kundin")),
    }
    assert len(ids) == 1  # the same id in the two databases

    def edit(dialog: ContactDialog) -> int:
        assert dialog.last_name.text() == "Kundin"
        dialog.last_name.setText("Kundin-Neu")
        dialog.submit()
        return dialog.result()

    def contacts(dialog: CustomerContactsDialog) -> int:
        assert dialog.edit_contact()
        assert dialog.model.index(0, 1).data() == "Bea Kundin-Neu"
        dialog.reject()
        return dialog.result()

    dialogs.expect(CustomerContactsDialog, contacts)  # type: ignore[arg-type]
    dialogs.expect(ContactDialog, edit)  # type: ignore[arg-type]
    page.refresh()
    right_click(page, "77001", "customerContactsAction")
    assert scalar(window, select(Contact.last_name).where(Contact.customer_id == customer)) == "Kundin-Neu"
    listed = services.contacts.list_contacts(operator)
    # The contacts page: the tenant's own contact and its customer's, each from its database.
    assert [(c.last_name, c.main) for c in listed if c.tenant_id == separate] == [
        ("Eigene", False),
        ("Kundin-Neu", True),
    ]


def test_agency_information(page: CustomersPage, dialogs: Dialogs, qtmodeltester: object) -> None:
    """C11: for the selected agency, the customers it serves."""

    def info(dialog: AgencyInfoDialog) -> int:
        qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
        assert dialog.model.rowCount() == 1 and dialog.model.index(0, 0).data() == "12346"
        return QDialog.DialogCode.Rejected.value

    dialogs.expect(AgencyInfoDialog, info)  # type: ignore[arg-type]
    right_click(page, "200", "customerAgencyInfoAction")


def test_context_menu_from_the_keyboard_and_read_only_rows(page: CustomersPage, qtbot: QtBot) -> None:
    """E2, T8: Menu key and Shift+F10 open the menu of the current row; a read-only customer has
    every edit action disabled."""
    shown: list[list[tuple[str, bool]]] = []

    def record(menu: QMenu, _at: QPoint) -> None:
        shown.append([(a.objectName(), a.isEnabled()) for a in menu.actions() if a.objectName()])

    page.exec_menu = record
    page.table.setFocus()
    page.table.selectRow(row_of(page, "300"))
    qtbot.keyClick(page.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Menu)
    assert len(shown) == 2
    enabled = dict(shown[0])
    assert not enabled["customerDeleteAction"] and not enabled["customerContactPersonAction"]
    assert enabled["customerPropertiesAction"] and enabled["customerContactsAction"]
    assert not page.delete_button.isEnabled()


def _contact(last: str):  # type: ignore[no-untyped-def]
    from mandant_desktop.services.customer_contacts import NewContact

    return NewContact(last_name=last, first_name="Bea", contact_type="Einkauf")


def _user(contact_id: int, username: str):  # type: ignore[no-untyped-def]
    from mandant_desktop.services.customer_contacts import NewExternalUser

    return NewExternalUser(contact_id, username, "geheim1", "geheim1")


def test_enter_opens_the_properties_only_in_the_table(page: CustomersPage, dialogs: Dialogs, qtbot: QtBot) -> None:
    """E2: Enter on a row opens "Properties"; Enter in the search field searches."""
    dialogs.expect(CustomerPropertiesDialog, lambda dialog: QDialog.DialogCode.Rejected.value)
    page.table.setFocus()
    page.table.selectRow(row_of(page, "12345"))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert dialogs.seen == ["CustomerPropertiesDialog"]
    page.search.setFocus()
    qtbot.keyClicks(page.search, "mann")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert dialogs.seen == ["CustomerPropertiesDialog"] and loaded(page).model.rowCount() == 1


def test_f2_opens_the_properties_as_on_the_tenants_page(page: CustomersPage, dialogs: Dialogs, qtbot: QtBot) -> None:
    """E2, C9: F2 opens a customer's "Properties" as it opens a tenant's (it did nothing), and the
    context menu shows the key beside the entry."""
    dialogs.expect(CustomerPropertiesDialog, lambda dialog: QDialog.DialogCode.Rejected.value)
    page.table.setFocus()
    page.table.selectRow(row_of(page, "12345"))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    assert dialogs.seen == ["CustomerPropertiesDialog"]
    assert page.action_properties.shortcut() == QKeySequence(Qt.Key.Key_F2)


def test_sort_and_column_widths_persist(page: CustomersPage, window: MainWindow) -> None:
    """E4: a new customers page starts with the last sort and column widths."""
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    page.table.horizontalHeader().resizeSection(2, 222)
    again = CustomersPage(window.context)
    header = again.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (1, Qt.SortOrder.DescendingOrder)
    assert header.sectionSize(2) == 222
    assert loaded(again).model.query.descending and again.model.index(0, 1).data() == "Werbeagentur Licht"
    again.deleteLater()


def test_export_writes_what_the_table_shows(page: CustomersPage, qtbot: QtBot, tmp_path: object) -> None:
    """C1, S7: "Export…" writes the customers of the current search (tenant scope applied) to Excel."""
    import openpyxl

    target = f"{tmp_path}/kunden.xlsx"
    page.choose_export_path = lambda: target
    page.search.setText("ei")
    page.apply_search()
    loaded(page)
    shown = sorted(page.model.row_at(r).number for r in range(page.model.rowCount()))  # type: ignore[union-attr]
    page.export_button.click()
    status = page.window().statusBar()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "Customers exported" in status.currentMessage())  # written on a worker (S5)
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Number", "Name", "Short name"]
    assert sorted(row[0] for row in values[1:]) == shown


def test_search_runs_off_the_gui_thread_and_drops_stale_answers(
    page: CustomersPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5, C1: the count and first window of a search run on a worker; an older search that
    answers after a newer one is dropped, so the table shows the newest search."""
    import threading

    from mandant_desktop.ui.customers import page as page_module

    real = page_module._fetch_first
    gui = threading.get_ident()
    threads: list[int] = []
    release = threading.Event()

    def fetch(customers, operator, query):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        if query.search == "heidel":
            release.wait(5)  # the older search answers last
        return real(customers, operator, query)

    monkeypatch.setattr(page_module, "_fetch_first", fetch)
    page.search.setText("heidel")
    page.apply_search()
    assert page.busy and page.count_label.text() == "Customers: searching…"
    older: list[bool] = []
    assert page.loader.task is not None
    page.loader.task.finished.connect(lambda: older.append(True))
    page.search.setText("mann")
    page.apply_search()
    deadline = time.monotonic() + 5
    while len(threads) < 2 or page.model.query.search != "mann":
        assert time.monotonic() < deadline
        QTest.qWait(10)
    release.set()
    loaded(page)
    while not older:  # the stale answer arrives, and must be dropped
        assert time.monotonic() < deadline + 5
        QTest.qWait(10)
    assert [page.model.row_at(r).number for r in range(page.model.rowCount())] == ["12346"]  # type: ignore[union-attr]
    assert page.count_label.text() == "Customers: 1"
    assert gui not in threads


def test_a_search_shows_its_first_window_before_its_count(
    page: CustomersPage, world: UiWorld, monkeypatch: pytest.MonkeyPatch, qtmodeltester: object
) -> None:
    """C1, section 8: a search with more hits than one window shows that window at once and adds the
    rows after it when the count arrives; a newer search drops the older count, which, when it had
    not started yet, never runs."""
    import threading

    from sqlalchemy import insert

    from mandant_desktop.ui.customers.model import WINDOW

    factory = page.context.app.session_factory
    with factory.begin() as session:
        session.execute(
            insert(Customer),
            [{"tenant_id": world.nord, "number": f"9{i:04d}", "name": f"Ärztehaus {i}"} for i in range(WINDOW + 50)],
        )
    customers = page.context.app.services.customers
    real_count = customers.count
    counted: list[str] = []
    release = threading.Event()

    def count(operator, query):  # type: ignore[no-untyped-def]
        counted.append(query.search)
        release.wait(5)  # the count is the slow part
        return real_count(operator, query)

    monkeypatch.setattr(customers, "count", count)
    page.search.setText("ÄRZTEHAUS")
    page.apply_search()
    deadline = time.monotonic() + 10
    while page.searching:
        assert time.monotonic() < deadline
        QTest.qWait(10)
    assert page.model.rowCount() == WINDOW and page.busy  # shown, still counting
    assert page.count_label.text() == f"Customers: {WINDOW} and more, counting…"
    release.set()
    loaded(page)
    assert page.model.rowCount() == WINDOW + 50 and counted == ["ÄRZTEHAUS"]
    assert page.count_label.text() == f"Customers: {WINDOW + 50}"
    assert page.model.row_at(WINDOW + 49) is not None
    # The rows the count added below the screen are reached by the scroll bar (issue 8: they are
    # laid out without repainting the rows on screen).
    page.table.scrollToBottom()
    QTest.qWait(20)
    assert page.table.rowAt(page.table.viewport().height() - 2) == WINDOW + 49
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]

    # A newer search while the older one's count waits: the older count is dropped.
    release.clear()
    page.search.setText("rztehaus")
    page.apply_search()
    while page.searching or page.counter.task is None:  # the count starts once the rows are painted
        assert time.monotonic() < deadline
        QTest.qWait(10)
    older = page.counter.task
    page.search.setText("heidel")
    page.apply_search()
    assert older.cancelled()
    release.set()
    loaded(page)
    assert page.model.rowCount() == 1 and page.count_label.text() == "Customers: 1"


def _add_aerztehaus(page: CustomersPage, world: UiWorld, count: int) -> None:
    """``count`` customers 'Ärztehaus 0' … in Nord: more hits than one window of the table."""
    from sqlalchemy import insert

    with page.context.app.session_factory.begin() as session:
        session.execute(
            insert(Customer),
            [{"tenant_id": world.nord, "number": f"9{i:04d}", "name": f"Ärztehaus {i}"} for i in range(count)],
        )


def test_a_refused_count_or_search_is_said_once_and_the_rows_stay(
    page: CustomersPage, world: UiWorld, monkeypatch: pytest.MonkeyPatch, interactions: FakeInteraction
) -> None:
    """S5, S1, U2: the count of a search, and the search itself, refused on their worker (here: the
    permission withdrawn meanwhile) give one message each — the page's handlers only put the count
    line right — and the rows shown stay."""
    from mandant_desktop.domain.errors import PermissionDeniedError
    from mandant_desktop.ui.customers import page as page_module
    from mandant_desktop.ui.customers.model import WINDOW

    _add_aerztehaus(page, world, WINDOW + 50)
    customers = page.context.app.services.customers

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionDeniedError(
            "You lack the permission {permission} for this action.", permission="customers.view"
        )

    monkeypatch.setattr(customers, "count", refuse)
    page.search.setText("Ärztehaus")
    page.apply_search()
    loaded(page)
    errors = interactions.of_kind("error")
    assert len(errors) == 1 and errors[0].text == "You lack the permission View customers for this action."
    assert page.model.rowCount() == WINDOW  # the first window came; only its count was refused
    assert "counting" not in page.count_label.text() and "searching" not in page.count_label.text()

    monkeypatch.setattr(page_module, "_fetch_first", refuse)
    page.search.setText("heidel")
    page.apply_search()
    loaded(page)
    assert len(interactions.of_kind("error")) == 2
    assert page.model.rowCount() == WINDOW, "the rows shown stay"
    assert "searching" not in page.count_label.text()


def test_the_count_waits_until_the_first_window_is_painted(qtbot: QtBot) -> None:
    """Issue 8 (customer_filter): the COUNT of a search starts after the table has painted the
    search's first window (at once when the table is hidden, after a moment when no paint comes);
    a newer search before that drops it."""
    from PySide6.QtWidgets import QWidget

    from mandant_desktop.ui.customers.page import _AfterPaint

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(100, 100)
    fired: list[int] = []
    after = _AfterPaint(widget, lambda: fired.append(1), fallback_ms=60_000)
    after.arm()  # hidden: on the next turn of the event loop
    assert after.armed and not fired
    qtbot.waitUntil(lambda: bool(fired))
    assert not after.armed

    widget.show()
    qtbot.waitExposed(widget)
    QTest.qWait(100)  # its first paints are done
    fired.clear()
    after.arm()
    QTest.qWait(50)
    assert not fired and after.armed  # nothing painted yet
    widget.repaint()
    qtbot.waitUntil(lambda: bool(fired))
    assert fired == [1] and not after.armed
    widget.repaint()
    QTest.qWait(20)
    assert fired == [1]  # once per arm

    after.arm()
    after.disarm()  # a newer search
    widget.repaint()
    QTest.qWait(20)
    assert fired == [1]

    quick = _AfterPaint(widget, lambda: fired.append(2), fallback_ms=10)
    quick.arm()
    qtbot.waitUntil(lambda: 2 in fired)  # no paint needed


def _check_box_texts(page: CustomersPage, world: UiWorld, check: str) -> list[tuple[str, str, str]]:
    """The text, tooltip and row label of the check box ``check`` in "Create customer" and in
    "Properties"."""
    actor = page.actor()
    details = actor.services.customers.details(actor.operator, world.customers["12345"])
    create = CreateCustomerDialog(actor, [(1, "Mandant")], page)
    properties = CustomerPropertiesDialog(actor, details, page)
    try:
        return [
            (getattr(dialog, check).text(), getattr(dialog, check).toolTip(), label.text())
            for dialog in (create, properties)
            for label in dialog.findChildren(QLabel)
            if label.buddy() is getattr(dialog, check)
        ]
    finally:
        create.deleteLater()
        properties.deleteLater()


def test_remote_access_is_worded_alike_in_create_and_properties(
    page: CustomersPage, world: UiWorld, language: LanguageManager
) -> None:
    """C2, C9, E1: the remote access check box of "Create customer" and of "Properties" says the
    same (the seed's "für die Portal Services eingerichtet"), with the same tooltip, in English and
    in German; both sit beside the label "Remote access", the SPEC's term."""
    english = _check_box_texts(page, world, "remote_check")
    assert len(english) == 2 and english[0] == english[1]
    assert english[0][0] == "Set up for the Portal Services" and english[0][2] == "&Remote access:"
    language.choose("de")
    german = _check_box_texts(page, world, "remote_check")
    assert len(german) == 2 and german[0] == german[1]
    assert german[0][0] == "Für die Portal Services eingerichtet" and german[0][2] == "&Remote Access:"
    assert german[0][1].startswith("Der Kunde arbeitet mit den Portal Services")


def test_agency_is_worded_alike_in_create_and_properties(
    page: CustomersPage, world: UiWorld, language: LanguageManager
) -> None:
    """C2, C9, E1: the agency check box says the same in "Create customer" and "Properties" (the
    seed's "als Agentur fungiert"; it said "… acts as an agency" in one and "… and appears in agency
    lists" in the other), with the same tooltip, beside the label "Agency" in both."""
    english = _check_box_texts(page, world, "agency_check")
    assert len(english) == 2 and english[0] == english[1]
    assert english[0][0] == "The customer acts as an agency" and english[0][2] == "A&gency:"
    assert "default agency" in english[0][1]
    language.choose("de")
    german = _check_box_texts(page, world, "agency_check")
    assert len(german) == 2 and german[0] == german[1]
    assert german[0][0] == "Der Kunde fungiert als Agentur" and german[0][2] == "A&gentur:"
    assert german[0][1].startswith("Eine Agentur erscheint in allen Auswahllisten")


def test_copy_rows_from_the_context_menu_and_reactivate_says_so(
    page: CustomersPage, window: MainWindow, qtbot: QtBot, world: UiWorld
) -> None:
    """E2, C1, C12: the context menu copies the selected customers as tab-separated rows; after
    Reactivate the status bar says how many customers came back, as after Delete and Deactivate."""
    from PySide6.QtWidgets import QApplication

    QApplication.clipboard().setText("")
    right_click(page, "12345", "copyRowsMenuAction")
    assert QApplication.clipboard().text().split("\t")[:2] == ["12345", "Heidelberg"]

    services = window.context.app.services
    heidelberg = world.customers["12345"]
    operator = window.context.operator
    services.customers.deactivate(operator, {heidelberg: services.customers.details(operator, heidelberg).version})
    page.refresh()
    saved(qtbot, page)
    select_numbers(page, "12345")
    page.reactivate_customers()
    saved(qtbot, page)
    assert window.statusBar().currentMessage() == "Customers reactivated: 1."


def test_a_new_customer_beyond_the_first_window_is_shown_and_selected(
    page: CustomersPage, world: UiWorld, dialogs: Dialogs, qtbot: QtBot
) -> None:
    """C1, C2: on a table longer than its first window (the large demo holds 100,000 customers),
    a customer just created is shown and selected, as on a short one: the search turns to its
    number when the rows fetched lack it."""
    from sqlalchemy import insert

    from mandant_desktop.ui.customers.model import WINDOW

    with page.context.app.session_factory.begin() as session:
        session.execute(
            insert(Customer),
            [{"tenant_id": world.nord, "number": f"5{i:04d}", "name": f"Bäckerei {i}"} for i in range(WINDOW + 50)],
        )
    page.refresh()
    loaded(page)

    def create(dialog: CreateCustomerDialog) -> int:
        qtbot.keyClicks(dialog.number_edit, "999999")
        dialog.name_edit.setText("Großbäckerei Weiß")  # QTest types ASCII only
        return ok(dialog)

    dialogs.expect(CreateCustomerDialog, create)  # type: ignore[arg-type]
    page.new_button.click()
    qtbot.waitUntil(lambda: [r.number for r in page.selected_rows()] == ["999999"])
    assert page.search.text() == "999999"
    assert [r.number for r in loaded(page).selected_rows()] == ["999999"]


def test_quota_is_typed_and_shown_as_the_table_writes_it_in_german(
    page: CustomersPage, window: MainWindow, dialogs: Dialogs, qtbot: QtBot, language: LanguageManager
) -> None:
    """C2, C9, E1: the table writes a quota as "1.500"; typed so in "Create customer" it is 1,500 MB
    (it was refused as "no whole number"), and "Properties" shows it as "1.500" and keeps it on OK.
    A decimal ("1,5") is still refused with the dialog's message."""
    language.choose("de")

    def create(dialog: CreateCustomerDialog) -> int:
        qtbot.keyClicks(dialog.number_edit, "4712")
        qtbot.keyClicks(dialog.name_edit, "Druckhaus Nord")
        dialog.remote_check.setChecked(True)
        qtbot.keyClicks(dialog.quota_edit, "1,5")
        ok(dialog)
        assert dialog.message.is_error and "ganze Zahl" in dialog.message.text()
        dialog.quota_edit.setText("1.500")
        return ok(dialog)

    def properties(dialog: CustomerPropertiesDialog) -> int:
        assert dialog.quota_edit.text() == "1.500"
        dialog.quota_edit.setText("10.000")
        return ok(dialog)

    dialogs.expect(CreateCustomerDialog, create)  # type: ignore[arg-type]
    dialogs.expect(AccessRightsDialog, lambda dialog: dialog.reject() or 0)  # type: ignore[arg-type, func-returns-value]
    dialogs.expect(AssignContactPersonDialog, lambda dialog: dialog.reject() or 0)  # type: ignore[arg-type, func-returns-value]
    page.new_button.click()
    assert scalar(window, select(Customer.quota_mb).where(Customer.number == "4712")) == 1500
    row = page.model.row_at(row_of(page, "4712"))
    assert row is not None and row.quota_mb == 1500
    dialogs.expect(CustomerPropertiesDialog, properties)  # type: ignore[arg-type]
    right_click(page, "4712", "customerPropertiesAction")
    assert scalar(window, select(Customer.quota_mb).where(Customer.number == "4712")) == 10000


def test_a_rights_group_named_in_german_stands_in_quotation_marks(
    page: CustomersPage, window: MainWindow, world: UiWorld, language: LanguageManager, qtbot: QtBot
) -> None:
    """C10, E1: the users area names the customer's rights group in „…“: for a customer "… e.K."
    the sentence ended "Kunden-Rechte-Gruppe X4713-Druckhaus Nord e.K.." with two full stops."""
    from mandant_desktop.services.customers import NewCustomer

    services, operator = window.context.app.services, window.context.operator
    created = services.customers.create(
        operator, NewCustomer(number="4713", name="Druckhaus Nord e.K.", tenant_id=world.nord, remote_access=True)
    )
    services.customer_contacts.create_contact(operator, created.id, _contact("Becker"))
    language.choose("de")
    dialog = CustomerContactsDialog(page.actor(), services.customers.details(operator, created.id), page)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    assert dialog.users_hint.text() == (
        "Portal-Benutzer für Bea Becker: Mitglied der Kunden-Rechte-Gruppe „X4713-Druckhaus Nord e.K.“."
    )
