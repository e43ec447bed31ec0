"""Edit → Undo / Redo of the main window, following the page shown (SPEC E7, E2, E1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot
from sqlalchemy import update
from uihelpers import FakeInteraction

from mandant_desktop.db.models import Role
from mandant_desktop.services.users import NewUser
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.roles.page import RolesPage


def role_names(page: RolesPage) -> list[str]:
    return [page.role_model.index(row, 0).data() for row in range(page.role_model.rowCount())]


def add_role(qtbot: QtBot, window: MainWindow, interactions: FakeInteraction, name: str) -> RolesPage:
    assert window.show_page("roles")
    page = window.current_page()
    assert isinstance(page, RolesPage)
    interactions.text_answers.append(name)
    page.role_list.setFocus()
    qtbot.keyClick(page.role_list, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert name in role_names(page)
    return page


def settle(qtbot: QtBot, window: MainWindow) -> None:
    steps = window.undo_hub.current()
    assert steps is not None
    qtbot.waitUntil(lambda: not steps.busy, timeout=10000)


def test_the_edit_menu_names_what_it_undoes_and_redoes(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction
) -> None:
    """E7, E2: Ctrl+Z undoes the page's last change through the services, Ctrl+Shift+Z and Ctrl+Y
    redo it; the Edit menu says what each would do."""
    hub = window.undo_hub
    assert hub.undo_action in window.edit_menu.actions() and hub.redo_action in window.edit_menu.actions()
    assert hub.undo_action.shortcuts() == [QKeySequence(QKeySequence.StandardKey.Undo)]
    assert hub.redo_action.shortcuts() == [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    page = add_role(qtbot, window, interactions, "Redaktion Nord")
    assert hub.undo_action.text() == "&Undo: Create role “Redaktion Nord”"
    assert hub.undo_action.isEnabled() and not hub.redo_action.isEnabled()
    qtbot.keyClick(page.role_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert "Redaktion Nord" not in role_names(page)
    assert hub.redo_action.text() == "&Redo: Create role “Redaktion Nord”" and hub.redo_action.isEnabled()
    assert hub.undo_action.text() == "&Undo" and not hub.undo_action.isEnabled()
    qtbot.keyClick(
        page.role_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    settle(qtbot, window)
    assert "Redaktion Nord" in role_names(page)
    qtbot.keyClick(page.role_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    qtbot.keyClick(page.role_list, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert "Redaktion Nord" in role_names(page)
    assert not interactions.of_kind("error")


def test_the_edit_menu_follows_the_page(qtbot: QtBot, window: MainWindow, interactions: FakeInteraction) -> None:
    """E7: each page has its own steps; the Edit menu shows those of the page shown."""
    add_role(qtbot, window, interactions, "Prüfer")
    hub = window.undo_hub
    assert window.show_page("users")
    assert hub.undo_action.text() == "&Undo" and not hub.undo_action.isEnabled()
    window.context.app.services.users.create(window.context.operator, NewUser("mia", "mia@x.de", "Mia", "Meier"))
    assert hub.undo_action.text() == "&Undo: Create user “mia”"
    assert window.show_page("assignments")  # a page with undo of its own, nothing done there yet
    assert not hub.undo_action.isEnabled()
    assert window.show_page("roles")
    assert hub.undo_action.text() == "&Undo: Create role “Prüfer”"


def test_what_cannot_be_undone_says_so(qtbot: QtBot, window: MainWindow, interactions: FakeInteraction) -> None:
    """E7: a sent mail is no undo step; the menu says "Can't undo …" and the stack stops there."""
    assert window.show_page("users")
    services, operator = window.context.app.services, window.context.operator
    link = services.users.create(operator, NewUser("mia", "mia@x.de", "Mia", "Meier"))
    services.activation.resend(operator, [link.user_id])
    hub = window.undo_hub
    assert hub.undo_action.text() == "Can't undo: Send activation links (1)"
    assert not hub.undo_action.isEnabled()
    assert hub.undo_action.toolTip() == "A sent mail cannot be called back."
    hub.undo()  # the shortcut of a disabled action does nothing; a direct call says why
    steps = hub.current()
    assert steps is not None and steps.stack.index() == 2


def test_a_conflicting_undo_is_refused_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction
) -> None:
    """E7, S4: someone else changed the row since: a clear message, the role stays, the step goes."""
    page = add_role(qtbot, window, interactions, "Prüfer")
    with window.context.app.session_factory.begin() as session:
        session.execute(update(Role).where(Role.name == "Prüfer").values(version=Role.version + 1, updated_by="rolf"))
    window.undo_hub.undo()
    settle(qtbot, window)
    assert "Prüfer" in role_names(page)
    # A plain message: no input of the user's is at stake, so no "keep my input" dialog.
    texts = [m.text for m in interactions.of_kind("error")]
    assert texts and "Cannot undo: rolf changed this role at" in texts[-1]
    assert not window.undo_hub.undo_action.isEnabled()


def test_the_edit_menu_speaks_german(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction, language: LanguageManager
) -> None:
    """E1, E7: "Rückgängig: Rolle „…“ anlegen"."""
    add_role(qtbot, window, interactions, "Prüfer")
    language.choose("de")
    qtbot.waitUntil(lambda: window.undo_hub.undo_action.text() == "&Rückgängig: Rolle „Prüfer“ anlegen")
    assert window.undo_hub.redo_action.text() == "&Wiederholen"
    language.choose("en")


def test_a_large_undo_runs_with_progress_and_cancel_keeps_the_step(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction
) -> None:
    """E7, E3: an undo of thousands of rows runs on a worker with a progress dialog; Cancel rolls
    it back, the rows stay deleted and the step stays on the stack for a later try."""
    from sqlalchemy import func, select

    from mandant_desktop.db.models import OrgUnit, RoleAssignment, User
    from mandant_desktop.ui.undo_hub import PROGRESS_ROWS

    page = add_role(qtbot, window, interactions, "Viele")
    factory = window.context.app.session_factory
    with factory.begin() as session:
        role = session.scalar(select(Role.id).where(Role.name == "Viele"))
        unit = session.scalar(select(OrgUnit.id).limit(1))
        users = [User(username=f"u{i}", username_key=f"u{i}", last_name=str(i)) for i in range(PROGRESS_ROWS + 100)]
        session.add_all(users)
        session.flush()
        session.add_all(RoleAssignment(user_id=u.id, role_id=role, org_unit_id=unit) for u in users)
        version = session.scalar(select(Role.version).where(Role.id == role))
    services = window.context.app.services
    services.roles.delete(window.context.operator, role, expected_version=version)
    page.refresh()
    hub = window.undo_hub
    assert hub.undo_action.text() == "&Undo: Delete role “Viele”"

    def assignments() -> int:
        with factory() as session:
            return int(
                session.scalar(select(func.count()).select_from(RoleAssignment).where(RoleAssignment.role_id == role))
                or 0
            )

    steps = hub.current()
    assert steps is not None
    hub.undo()
    assert steps.step is not None
    steps.step.cancel()  # as the progress dialog's Cancel does
    settle(qtbot, window)
    assert assignments() == 0 and "Viele" not in role_names(page)
    assert hub.undo_action.text() == "&Undo: Delete role “Viele”"
    hub.undo()
    settle(qtbot, window)
    assert assignments() == PROGRESS_ROWS + 100 and "Viele" in role_names(page)


def test_every_page_gets_its_changes_undone(qtbot: QtBot, window: MainWindow, interactions: FakeInteraction) -> None:
    """E7: tenants, users, customers, contacts and settings: a change made on the page goes on its
    stack under its name; Ctrl+Z takes it back through the services and the page reloads."""
    from mandant_desktop.domain.rights_group_names import Element, NamingPattern
    from mandant_desktop.services.contacts import ContactInput
    from mandant_desktop.services.customers import CustomerQuery, NewCustomer
    from mandant_desktop.services.tenants import TenantInput

    services, operator = window.context.app.services, window.context.operator
    hub = window.undo_hub

    def undo_on(page_id: str, change: object, text: str, gone: object) -> None:
        assert window.show_page(page_id)
        assert callable(change)
        change()
        assert hub.undo_action.text() == text, page_id
        page = window.current_page()
        assert page is not None
        qtbot.keyClick(page, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, window)
        assert callable(gone) and gone(), page_id
        assert hub.redo_action.text() == text.replace("&Undo", "&Redo")

    tenant = services.tenants.create_tenant(operator, TenantInput(name="Nord"))

    def tenants() -> list[str]:
        return [t.name for t in services.tenants.list_tenants(operator)]

    undo_on(
        "tenants",
        lambda: services.tenants.create_tenant(operator, TenantInput(name="Süd")),
        "&Undo: Create tenant “Süd”",
        lambda: "Süd" not in tenants(),
    )
    undo_on(
        "users",
        lambda: services.users.create(operator, NewUser("mia", "mia@x.de", "Mia", "Meier")),
        "&Undo: Create user “mia”",
        lambda: services.users.count(operator, "mia") == 0,
    )
    undo_on(
        "customers",
        lambda: services.customers.create(operator, NewCustomer("1", "Eins", tenant)),
        "&Undo: Create customer “1 Eins”",
        lambda: services.customers.count(operator, CustomerQuery()) == 0,
    )
    undo_on(
        "contacts",
        lambda: services.contacts.save_contact(operator, tenant, ContactInput("Albers", "Anna")),
        "&Undo: Create contact “Albers, Anna”",
        lambda: services.contacts.list_contacts(operator) == [],
    )
    _pattern, version = services.rights_naming.pattern_and_version(operator)
    undo_on(
        "settings",
        lambda: services.rights_naming.save(
            operator, NamingPattern("K", Element.NAME, Element.NONE), expected_version=version
        ),
        "&Undo: Change the rights-group name pattern",
        lambda: services.rights_naming.pattern(operator).prefix == "X",
    )
    assert not interactions.of_kind("error")


def test_a_change_made_on_a_worker_reaches_the_page_it_started_on(qtbot: QtBot, window: MainWindow) -> None:
    """E7, S5: a change that runs on a worker is recorded there and put on the stack of the page
    that was shown when it started, even when the user has moved on meanwhile."""
    from mandant_desktop.ui import tasks

    assert window.show_page("roles")
    services, operator = window.context.app.services, window.context.operator
    task = tasks.run(window, services.roles.create, operator, "Nebenläufig", writes=True)
    assert window.show_page("users")
    qtbot.waitUntil(lambda: not task.is_running, timeout=10000)
    assert window.undo_hub.undo_action.text() == "&Undo"
    assert window.show_page("roles")
    assert window.undo_hub.undo_action.text() == "&Undo: Create role “Nebenläufig”"


def test_two_changes_to_one_role_are_undone_and_redone_with_the_shortcuts(
    qtbot: QtBot, window: MainWindow, interactions: FakeInteraction
) -> None:
    """E7, S4: a role renamed twice; Ctrl+Z twice takes both back, Ctrl+Shift+Z twice does them
    again (each step finds the version the one before wrote); someone else's change in between
    is still refused with a clear message."""
    page = add_role(qtbot, window, interactions, "Prüfer")
    services, operator = window.context.app.services, window.context.operator
    role = next(r.id for r in services.roles.list_roles(operator) if r.name == "Prüfer")
    services.roles.rename(operator, role, "Prüferin")
    services.roles.rename(operator, role, "Prüfende")
    page.refresh()
    undo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    redo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    for keys, name in ((undo, "Prüferin"), (undo, "Prüfer"), (redo, "Prüferin"), (redo, "Prüfende")):
        qtbot.keyClick(page.role_list, *keys)
        settle(qtbot, window)
        assert name in role_names(page)
    assert not interactions.of_kind("error")
    qtbot.keyClick(page.role_list, *undo)
    settle(qtbot, window)
    with window.context.app.session_factory.begin() as session:
        session.execute(update(Role).where(Role.id == role).values(version=Role.version + 1, updated_by="rolf"))
    qtbot.keyClick(page.role_list, *undo)
    settle(qtbot, window)
    texts = [m.text for m in interactions.of_kind("error")]
    assert texts and "Cannot undo: rolf changed this role at" in texts[-1]
    page.refresh()
    assert "Prüferin" in role_names(page)
