"""The contacts page and the toolbar's tenant filter, driven as a user would (SPEC T7-T10, T12, T9)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit, QTableView, QToolButton
from pytestqt.qtbot import QtBot
from tenanthelpers import add_tenants, grant
from uihelpers import FakeInteraction

from mandant_desktop import bootstrap
from mandant_desktop.db.models import AccessLevel
from mandant_desktop.domain.tenant_access import MASK
from mandant_desktop.services.contacts import ContactInput, RoleInput
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.ui import tasks
from mandant_desktop.ui.contacts.dialogs import ContactDialog, ImportDialog, RoleDialog, TemplateDialog
from mandant_desktop.ui.contacts.page import LISTS, TEMPLATES, ContactsPage
from mandant_desktop.ui.deferred_tab import DeferredTab, tab_name
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.settings import Settings

FULL, READ = AccessLevel.FULL, AccessLevel.READ_ONLY


def select_row(view: QTableView, row: int) -> None:
    """Select one row whatever keyboard modifier an earlier key click left behind (selectRow obeys Ctrl)."""
    view.selectionModel().setCurrentIndex(
        view.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def loaded(qtbot: QtBot, page: ContactsPage) -> ContactsPage:
    """Until the page's contacts, lists and templates have come from their workers, and every
    change running on a worker has ended (S5)."""
    qtbot.waitUntil(lambda: not page.busy and tasks.runner().active() == 0, timeout=10000)
    return page


def show_tab(qtbot: QtBot, page: ContactsPage, index: int) -> ContactsPage:
    """The tab ``index`` shown, until its rows have come: a tab is built and reads its rows when it
    is first shown or asked for (issue 8), and a page in a window not shown is not shown itself."""
    page.tabs.setCurrentIndex(index)
    deferred = page.tabs.widget(index)
    assert isinstance(deferred, DeferredTab)
    deferred.content()
    return loaded(qtbot, page)


@dataclass
class Scene:
    qtbot: QtBot
    window: MainWindow
    app: bootstrap.AppContext
    operator: Operator
    own: int
    shared: int
    secret: int
    settings: Settings
    language: LanguageManager

    def page(self) -> ContactsPage:
        self.window.show_page("contacts")
        page = self.window.current_page()
        assert isinstance(page, ContactsPage)
        return loaded(self.qtbot, page)


@pytest.fixture
def scene(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    settings: Settings,
    language: LanguageManager,
    interactions: FakeInteraction,
) -> Iterator[Scene]:
    app, operator = admin_app
    assert operator.id is not None
    factory = app.session_factory
    own, shared, secret = add_tenants(factory, "Eigen", "Geteilt", "Geheim")
    grant(factory, operator.id, {own: FULL, shared: READ}, private={own})
    system = system_operator()
    contacts, lists = app.services.contacts, app.services.lists
    roles = []
    for tenant, name in ((own, "Albers"), (shared, "Brandt"), (secret, "Conrad")):
        contact = contacts.save_contact(
            system, tenant, ContactInput(last_name=name, first_name="Eva", email=f"{name.lower()}@example.de")
        )
        roles.append((tenant, contacts.save_role(system, tenant, contact, tenant, RoleInput(f"Zeitung {name}"))))
    lists.save_list(system, own, "Gemischt", "", set(roles))
    lists.save_list(system, own, "Eigene", "", {roles[0]})
    lists.save_template(system, own, "Einladung", "Einladung", "Text")
    lists.save_template(system, secret, "Geheimvorlage", "x", "y")
    window = MainWindow(app, operator, settings=settings, language=language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield Scene(qtbot, window, app, operator, own, shared, secret, settings, language)


def test_hidden_masked_and_read_only_contacts(qtbot: QtBot, scene: Scene) -> None:
    """T8: the hidden tenant's contact is absent; the read-only one is masked and cannot be deleted."""
    page = scene.page()
    tab = page.contacts
    names = [tab.model.row(r).last_name for r in range(tab.model.rowCount())]  # type: ignore[union-attr]
    assert names == ["Albers", "Brandt"]
    assert tab.count_label.text() == "2 contacts"
    select_row(tab.view, 1)
    brandt = tab.current()
    assert brandt is not None and brandt.email == MASK and not brandt.editable
    assert not tab.delete_button.isEnabled()
    assert tab.model.index(1, 3).data() == MASK
    select_row(tab.view, 0)
    assert tab.delete_button.isEnabled()
    loaded(qtbot, page)  # S5: the person-roles come from a worker
    assert tab.roles_model.row(0).organisation == "Zeitung Albers"  # type: ignore[union-attr]

    tab.search.setText("bra")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    loaded(qtbot, page)
    assert tab.model.rowCount() == 1


def test_new_contact_offers_only_full_access_tenants(
    qtbot: QtBot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """T7: creating asks for the tenant and offers only those with full access; Ctrl+N opens it."""
    page = scene.page()
    offered: list[list[str]] = []

    def run(dialog: ContactDialog) -> int:
        offered.append([dialog.tenant.itemText(i) for i in range(dialog.tenant.count())])
        dialog.submit()  # no last name: refused in the dialog
        assert dialog.message.text() == "Please enter a last name."
        dialog.last_name.setText("Dreher")
        dialog.email.setText("dreher@example.de")
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(ContactDialog, "exec", run)
    page.contacts.view.setFocus()
    qtbot.keyClick(page.contacts.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert offered == [["Eigen"]]
    loaded(qtbot, page)
    current = page.contacts.current()
    assert current is not None and current.last_name == "Dreher" and current.tenant == "Eigen"


def test_mixed_list_is_read_only_with_hidden_members_counted(scene: Scene) -> None:
    """T10: the list with a hidden member says how many are hidden and offers no delete."""
    page = scene.page()
    show_tab(scene.qtbot, page, LISTS)
    tab = page.lists
    rows = {tab.model.row(r).name: r for r in range(tab.model.rowCount())}  # type: ignore[union-attr]
    select_row(tab.view, rows["Gemischt"])
    loaded(scene.qtbot, page)  # S5: the members come from a worker
    assert tab.hidden_label.text() == "1 members hidden"
    assert tab.members_model.rowCount() == 2
    assert not tab.delete_button.isEnabled()
    assert tab.model.index(rows["Gemischt"], 2).data() == "2 (+ 1 hidden)"
    select_row(tab.view, rows["Eigene"])
    current = tab.current()
    assert current is not None and current.name == "Eigene", current
    assert current.editable, current
    assert tab.hidden_label.text() == "" and tab.delete_button.isEnabled()


def test_templates_export_and_import(
    scene: Scene, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, interactions: FakeInteraction
) -> None:
    """T12: export the selected templates, import them with "new name" on a clash."""
    page = scene.page()
    show_tab(scene.qtbot, page, TEMPLATES)
    tab = page.templates
    assert tab.model.rowCount() == 1  # the hidden tenant's template is not there
    select_row(tab.view, 0)
    file = tmp_path / "vorlagen.json"
    assert tab.export_to(str(file)) == 1

    def run(dialog: ImportDialog) -> int:
        dialog.rename.setChecked(True)
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(ImportDialog, "exec", run)
    report = tab.import_from(str(file))
    assert report is not None
    loaded(scene.qtbot, page)
    assert interactions.of_kind("information")[-1].text == "0 new, 1 under a new name, 0 overwritten, 0 skipped."
    assert sorted(tab.model.row(r).name for r in range(tab.model.rowCount())) == ["Einladung", "Einladung (2)"]  # type: ignore[union-attr]


def test_contacts_export(qtbot: QtBot, scene: Scene, tmp_path: Path) -> None:
    """T8: the export holds what the page shows, masked alike."""
    import openpyxl

    page = scene.page()
    out = tmp_path / "kontakte.xlsx"
    page.contacts.export_to(str(out))  # on a worker, with progress and Cancel (E3, S5)
    status = scene.window.statusBar()
    qtbot.waitUntil(lambda: status.currentMessage() == "2 contacts exported.")
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[5]) for r in rows] == [("Albers", "albers@example.de"), ("Brandt", MASK)]


def test_a_cancelled_contacts_export_writes_no_file(
    qtbot: QtBot, scene: Scene, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E3, S7: Cancel in the export's progress dialog leaves no file behind.

    The export is held at its start until Cancel has been pressed: the scene's few contacts are
    written in milliseconds, and on a busy machine the worker could otherwise finish (correctly
    writing the file) before the test's Cancel arrives."""
    page = scene.page()
    out = tmp_path / "kontakte.xlsx"
    service = scene.app.services.contacts
    export = service.export
    pressed = threading.Event()

    def held(*args: Any, **kwargs: Any) -> int:
        assert pressed.wait(10)
        return export(*args, **kwargs)

    monkeypatch.setattr(service, "export", held)
    task = page.contacts.export_to(str(out))
    task.cancel()  # as the progress dialog's Cancel button does
    pressed.set()
    qtbot.waitUntil(lambda: not task.is_running, timeout=10000)
    assert not out.exists() and list(tmp_path.glob("*.tmp")) == []
    assert "exported" not in scene.window.statusBar().currentMessage()


def test_models_pass_the_model_tester(qtmodeltester: object, scene: Scene) -> None:
    page = scene.page()
    show_tab(scene.qtbot, page, TEMPLATES)
    show_tab(scene.qtbot, page, LISTS)
    select_row(page.lists.view, 0)
    for model in (
        page.contacts.model,
        page.contacts.roles_model,
        page.lists.model,
        page.lists.members_model,
        page.templates.model,
    ):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_tenant_filter_narrows_every_page_and_is_remembered(qtbot: QtBot, scene: Scene) -> None:
    """T9: choosing tenants in the toolbar hides the others' data on every page, the button says a
    filter is on, and the choice comes back at the next log-in."""
    window = scene.window
    page = scene.page()
    button = window.findChild(QToolButton, "tenantFilter")
    assert button is not None and button.isEnabled() and button.text() == "All tenants"
    controller = window.tenant_filter_controller
    assert controller is not None
    controller.fill_menu()
    actions = {a.text(): a for a in controller.menu.actions() if a.data() is not None}
    assert set(actions) == {"Eigen", "Geteilt"}  # never the hidden tenant
    actions["Geteilt"].trigger()
    assert button.text() == "Filter: Geteilt"
    assert "Geteilt" in button.toolTip()
    loaded(qtbot, page)
    assert [page.contacts.model.row(r).last_name for r in range(page.contacts.model.rowCount())] == ["Brandt"]  # type: ignore[union-attr]
    window.show_page("tenants")
    tenants_page = window.current_page()
    qtbot.waitUntil(lambda: not tenants_page.busy)  # type: ignore[union-attr]  # S5: loads on a worker
    assert [t.name for t in tenants_page.tenant_model.tenants()] == ["Geteilt"]  # type: ignore[union-attr]

    # Next log-in: a new window restores the operator's filter.
    again = MainWindow(scene.app, scene.operator, settings=scene.settings, language=scene.language)
    qtbot.addWidget(again)
    assert again.context.tenant_filter.ids == frozenset({scene.shared})
    assert again.tenant_filter.text() == "Filter: Geteilt"

    controller.fill_menu()
    next(a for a in controller.menu.actions() if a.objectName() == "tenantFilterAll").trigger()
    assert button.text() == "All tenants"
    assert scene.app.services.tenants.load_filter(scene.operator) is None


def test_stale_contact_save_shows_the_conflict_and_keeps_the_other_change(
    scene: Scene, interactions: FakeInteraction, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S4: a contact saved on another workstation while the dialog was open: the save is refused,
    the conflict dialog names who changed it and shows the input; nothing is overwritten."""
    page = scene.page()
    tab = page.contacts
    select_row(tab.view, 0)
    albers = tab.current()
    assert albers is not None and albers.last_name == "Albers"
    contacts = scene.app.services.contacts

    def run(dialog: ContactDialog) -> int:
        other = Operator(id=None, username="kollege", is_system=True)
        contacts.save_contact(other, scene.own, ContactInput(last_name="Albers-Kollege"), albers.id, albers.version)
        dialog.last_name.setText("Albers-Meine")
        dialog.submit()
        assert dialog.result() != dialog.DialogCode.Accepted
        return dialog.result()

    monkeypatch.setattr(ContactDialog, "exec", run)
    assert tab.open_contact() is None
    [conflict] = interactions.of_kind("conflict")
    assert "kollege" in conflict.text
    assert ("Last name", "Albers-Meine") in interactions.conflict_inputs[0]
    # S4: what the other workstation saved stands beside the input.
    inputs, stored = interactions.conflict_inputs[0], interactions.conflict_stored[0]
    assert stored is not None and stored[inputs.index(("Last name", "Albers-Meine"))] == "Albers-Kollege"
    row, _ = contacts.get_contact(scene.operator, scene.own, albers.id)
    assert row.last_name == "Albers-Kollege"


def test_contact_dialogs_open_read_only_without_the_right_to_change(
    qtbot: QtBot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S1, T8: an operator who may only view contacts gets every dialog read only (fields locked,
    no OK button, a note why), even in a tenant with full access."""
    viewer = Operator(id=scene.operator.id, username=scene.operator.username, permissions=frozenset({"contacts.view"}))
    window = MainWindow(scene.app, viewer, settings=scene.settings, language=scene.language)
    qtbot.addWidget(window)
    window.show_page("contacts")
    page = window.current_page()
    assert isinstance(page, ContactsPage)
    loaded(qtbot, page)
    select_row(page.contacts.view, 0)
    assert page.contacts.current() is not None and page.contacts.current().editable  # type: ignore[union-attr]
    seen: list[str] = []

    def check(dialog: Any) -> int:
        assert dialog.read_only
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isVisibleTo(dialog)
        locked = [
            w.isReadOnly() if isinstance(w, QLineEdit | QPlainTextEdit) else not w.isEnabled()
            for w in dialog.fields.values()
        ]
        assert all(locked)
        assert "right to change" in dialog.message.text()
        seen.append(dialog.objectName())
        return int(dialog.DialogCode.Rejected)

    for cls in (ContactDialog, RoleDialog, TemplateDialog):
        monkeypatch.setattr(cls, "exec", check)
    page.contacts.open_contact()
    page.contacts.roles_view.setCurrentIndex(page.contacts.roles_model.index(0, 0))
    page.contacts.open_role()
    show_tab(qtbot, page, TEMPLATES)
    select_row(page.templates.view, 0)
    page.templates.open_template()
    assert seen == ["contactDialog", "personRoleDialog", "templateDialog"]


def focus(qtbot: QtBot, view: QTableView) -> None:
    """The keyboard focus on ``view``, its window active again (a closed popup menu may leave none active)."""
    from PySide6.QtWidgets import QApplication

    window = view.window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)


def _menu_of(qtbot: QtBot, view: QTableView) -> list[tuple[str, str, bool]]:
    """The entries of ``view``'s context menu opened with the Menu key: text, key shown, enabled."""
    from PySide6.QtWidgets import QApplication, QMenu

    seen: list[tuple[str, str, bool]] = []
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Menu)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    seen = [(a.text(), a.shortcut().toString(), a.isEnabled()) for a in menu.actions() if not a.isSeparator()]
    menu.close()
    return seen


def test_every_table_of_the_page_opens_with_enter_and_has_its_menu(
    qtbot: QtBot, scene: Scene, monkeypatch: pytest.MonkeyPatch, interactions: FakeInteraction
) -> None:
    """E2, T7: Enter and F2 open the contact, person-role, list and template under the cursor, the
    Menu key shows what the buttons offer (with their keys, each entry with a letter of its own),
    Del deletes the focused person-role; the status bar says what was deleted."""
    page = scene.page()
    opened: list[str] = []

    def record(dialog: object) -> int:
        opened.append(type(dialog).__name__)
        return 0

    monkeypatch.setattr(ContactDialog, "exec", record)
    monkeypatch.setattr(RoleDialog, "exec", record)
    from mandant_desktop.ui.contacts.dialogs import ListDialog

    monkeypatch.setattr(ListDialog, "exec", record)
    monkeypatch.setattr(TemplateDialog, "exec", record)

    tab = page.contacts
    select_row(tab.view, 0)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    assert opened == ["ContactDialog", "ContactDialog"]
    menu = _menu_of(qtbot, tab.view)
    assert menu[:3] == [("&Open…", "Return", True), ("&New contact", "Ctrl+N", True), ("&Delete", "Del", True)]

    select_row(tab.roles_view, 0)
    tab.roles_view.setFocus()
    qtbot.keyClick(tab.roles_view, Qt.Key.Key_Return)
    assert opened[-1] == "RoleDialog"
    assert [entry[:2] for entry in _menu_of(qtbot, tab.roles_view)] == [
        ("&Open role…", "Return"),
        ("&Add role…", ""),
        ("&Delete role", "Del"),
    ]
    interactions.confirm_answers = [True]
    tab.roles_view.setFocus()
    qtbot.keyClick(tab.roles_view, Qt.Key.Key_Delete)
    assert interactions.of_kind("confirm")[-1].title == "Delete person-role?"
    # S5: the delete runs on a worker, then the list is read again.
    qtbot.waitUntil(lambda: scene.window.statusBar().currentMessage() == "Person-role at Zeitung Albers deleted.")
    loaded(qtbot, page)
    assert tab.roles_model.rowCount() == 0

    show_tab(qtbot, page, LISTS)
    select_row(page.lists.view, 0)
    focus(qtbot, page.lists.view)
    qtbot.keyClick(page.lists.view, Qt.Key.Key_Return)
    assert opened[-1] == "ListDialog"
    assert _menu_of(qtbot, page.lists.view)[0][:2] == ("&Open…", "Return")

    show_tab(qtbot, page, TEMPLATES)
    select_row(page.templates.view, 0)
    focus(qtbot, page.templates.view)
    qtbot.keyClick(page.templates.view, Qt.Key.Key_F2)
    assert opened[-1] == "TemplateDialog"
    assert "&Import…" in [text for text, _key, _on in _menu_of(qtbot, page.templates.view)]
    interactions.confirm_answers = [True]
    name = page.templates.current().name  # type: ignore[union-attr]
    page.templates.view.setFocus()
    qtbot.keyClick(page.templates.view, Qt.Key.Key_Delete)
    assert scene.window.statusBar().currentMessage() == f"{name} deleted."


def test_contacts_load_on_a_worker_with_a_note_and_windows_read_while_scrolling(
    qtbot: QtBot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5, section 8: the page opens at once and says "Loading contacts…" over the table while the
    first window and the count come from a worker; the other windows are read when the view needs
    them, and the table holds every contact the count promised."""
    from mandant_desktop.ui.contacts import contacts_tab

    monkeypatch.setattr(contacts_tab, "CONTACT_WINDOW", 1)
    scene.window.show_page("contacts")
    page = scene.window.current_page()
    assert isinstance(page, ContactsPage)
    tab = page.contacts
    assert page.busy and tab.model.rowCount() == 0
    assert tab.loading_note.isVisible() and tab.loading_note.text() == "Loading contacts…"
    assert tab.count_label.text() == ""
    loaded(qtbot, page)
    assert not tab.loading_note.isVisible()
    assert tab.model.rowCount() == 2 and tab.count_label.text() == "2 contacts"
    assert tab.model.row_of(tab.model.row(1).key) == 1  # type: ignore[union-attr]  # read with window 1
    assert [tab.model.index(r, 0).data() for r in range(2)] == ["Albers, Eva", "Brandt, Eva"]


def test_a_refused_load_is_said_over_the_table(qtbot: QtBot, scene: Scene, monkeypatch: pytest.MonkeyPatch) -> None:
    """S5: when the contacts cannot be read the table says why and how to try again."""
    from mandant_desktop.domain.errors import PermissionDeniedError

    page = scene.page()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionDeniedError("You do not have the permission for this action.")

    monkeypatch.setattr(scene.app.services.contacts, "contact_window", refuse)
    page.contacts.model.set_rows([])
    page.refresh()
    loaded(qtbot, page)
    note = page.contacts.loading_note
    assert note.isVisible() and note.text().endswith("Press F5 to try again.")


def test_bulk_delete_asks_once_deletes_together_and_is_undone_together(
    qtbot: QtBot, scene: Scene, interactions: FakeInteraction
) -> None:
    """S4, E2, E7, T8: several selected contacts go with Del after one question that names their
    number; the status bar says how many; Edit → Undo brings them all back. A selection with a
    read-only contact offers no delete (T8). Several person-roles of a contact go the same way."""
    contacts = scene.app.services.contacts
    system = system_operator()
    for name in ("Adam", "Bauer"):
        cid = contacts.save_contact(system, scene.own, ContactInput(last_name=name, first_name="Eva"))
        if name == "Adam":
            for org in ("Radio Eins", "Radio Zwei"):
                contacts.save_role(system, scene.own, cid, scene.own, RoleInput(org))
    page = scene.page()
    tab = page.contacts
    names = [tab.model.row(r).last_name for r in range(tab.model.rowCount())]  # type: ignore[union-attr]
    assert names == ["Adam", "Albers", "Bauer", "Brandt"]
    selection = tab.view.selectionModel()
    rows_flag = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    select_row(tab.view, 0)
    selection.select(tab.model.index(3, 0), rows_flag)  # Brandt: read only
    assert not tab.delete_button.isEnabled()
    select_row(tab.view, 0)
    loaded(qtbot, page)  # S5: the person-roles come from a worker

    # Two person-roles of Adam in one step.
    tab.roles_view.selectAll()
    assert len(tab.selected_roles()) == 2 and tab.delete_role_button.isEnabled()
    interactions.confirm_answers = [True]
    focus(qtbot, tab.roles_view)
    qtbot.keyClick(tab.roles_view, Qt.Key.Key_Delete)
    assert interactions.of_kind("confirm")[-1].text == (
        "Delete 2 roles of Adam, Eva? They also leave every distribution list."
    )
    qtbot.waitUntil(lambda: scene.window.statusBar().currentMessage() == "2 person-roles deleted.")
    loaded(qtbot, page)
    assert tab.roles_model.rowCount() == 0

    for row in (1, 2):
        selection.select(tab.model.index(row, 0), rows_flag)
    assert [c.last_name for c in tab.selected_contacts()] == ["Adam", "Albers", "Bauer"]
    assert tab.delete_button.isEnabled()
    interactions.confirm_answers = [True]
    focus(qtbot, tab.view)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    confirm = interactions.of_kind("confirm")[-1]
    assert (confirm.title, confirm.text) == (
        "Delete contacts?",
        "Delete 3 contacts with all their person-roles? They also leave every distribution list.",
    )
    qtbot.waitUntil(lambda: scene.window.statusBar().currentMessage() == "3 contacts deleted.")
    loaded(qtbot, page)
    assert [tab.model.row(r).last_name for r in range(tab.model.rowCount())] == ["Brandt"]  # type: ignore[union-attr]
    # The Albers' role left the lists with it: "Eigene" has no member now.
    assert {lst.name: lst.members for lst in scene.app.services.lists.list_lists(scene.operator)}["Eigene"] == 0

    hub = scene.window.undo_hub
    assert hub.undo_action.text() == "&Undo: Delete contacts (3)"
    hub.undo()
    qtbot.waitUntil(lambda: not hub.current().busy, timeout=10000)  # type: ignore[union-attr]
    loaded(qtbot, page)
    names = [tab.model.row(r).last_name for r in range(tab.model.rowCount())]  # type: ignore[union-attr]
    assert names == ["Adam", "Albers", "Bauer", "Brandt"]
    assert hub.undo_action.text() == "&Undo: Delete person-roles (2)"


def test_a_refused_bulk_delete_says_why_and_deletes_nothing(
    qtbot: QtBot, scene: Scene, interactions: FakeInteraction
) -> None:
    """S4: a contact changed on another workstation since the list was read: the delete of the
    selection is refused with who changed it, and every selected contact is still there."""
    contacts = scene.app.services.contacts
    contacts.save_contact(system_operator(), scene.own, ContactInput(last_name="Adam"))
    page = scene.page()
    tab = page.contacts
    select_row(tab.view, 0)
    tab.view.selectionModel().select(
        tab.model.index(1, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    albers = tab.selected_contacts()[1]
    other = Operator(id=None, username="kollege", is_system=True)
    contacts.save_contact(other, scene.own, ContactInput(last_name="Albers", city="Bonn"), albers.id, albers.version)
    interactions.confirm_answers = [True]
    task = tab.delete_contacts()
    assert task is not None
    qtbot.waitUntil(lambda: not task.is_running, timeout=10000)
    loaded(qtbot, page)
    assert "kollege" in interactions.of_kind("conflict")[-1].text
    names = [tab.model.row(r).last_name for r in range(tab.model.rowCount())]  # type: ignore[union-attr]
    assert names == ["Adam", "Albers", "Brandt"]


def test_person_roles_and_list_members_are_read_on_workers(
    qtbot: QtBot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5: the selected contact's person-roles and the selected list's members are read on a
    worker, as the contacts and lists are, never on the GUI thread; until they are there the
    table is empty (no roles of the contact before), and a refused read is said over the table."""
    from mandant_desktop.domain.errors import NotFoundError

    page = scene.page()
    contacts, lists = scene.app.services.contacts, scene.app.services.lists
    threads: list[str] = []
    for service, name in ((contacts, "get_contact"), (lists, "get_list")):
        original = getattr(service, name)

        def on_thread(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            threads.append(threading.current_thread().name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(service, name, on_thread)
    tab = page.contacts
    select_row(tab.view, 1)
    assert tab.roles_model.rowCount() == 0 and page.busy
    loaded(qtbot, page)
    assert [tab.roles_model.row(r).organisation for r in range(tab.roles_model.rowCount())] == ["Zeitung Brandt"]  # type: ignore[union-attr]
    show_tab(qtbot, page, LISTS)
    select_row(page.lists.view, 0)
    loaded(qtbot, page)
    assert page.lists.members_model.rowCount() > 0
    assert threads and threading.main_thread().name not in threads

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise NotFoundError("The {object} no longer exists or is not visible to you.", object="Contact")

    monkeypatch.setattr(contacts, "get_contact", refuse)
    page.tabs.setCurrentIndex(0)
    select_row(tab.view, 0)
    loaded(qtbot, page)
    assert tab.roles_model.rowCount() == 0 and tab.roles_note.isVisible()
    assert tab.roles_note.text().startswith("The contact no longer exists")


def test_f5_keeps_the_selected_contacts_the_current_one_and_its_person_role(
    qtbot: QtBot, scene: Scene, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E2, S5, section 8: F5 reads the contacts again and selects what was selected, by key: the
    selected contacts, the current one (also below the first window, whose window is read again)
    and its current person-role; a current contact deleted meanwhile leaves the row at its place
    current."""
    from mandant_desktop.ui.contacts import contacts_tab

    system = system_operator()
    contacts = scene.app.services.contacts
    for name in ("Dahl", "Ebert", "Fuchs"):
        cid = contacts.save_contact(system, scene.own, ContactInput(last_name=name))
        if name == "Ebert":
            for org in ("Funk", "Presse"):
                contacts.save_role(system, scene.own, cid, scene.own, RoleInput(org))
    monkeypatch.setattr(contacts_tab, "CONTACT_WINDOW", 2)  # Albers, Brandt | Dahl, Ebert | Fuchs
    page = scene.page()
    tab = page.contacts
    rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    assert tab.model.row(3).last_name == "Ebert"  # type: ignore[union-attr]
    select_row(tab.view, 0)
    tab.view.selectionModel().setCurrentIndex(tab.model.index(3, 0), rows)
    loaded(qtbot, page)
    select_row(tab.roles_view, 1)
    assert tab.current_role().organisation == "Presse"  # type: ignore[union-attr]

    def state() -> tuple[list[str], str, str]:
        chosen = [c.last_name for c in tab.selected_contacts()]
        current, role = tab.current(), tab.current_role()
        return chosen, current.last_name if current else "", role.organisation if role else ""

    assert state() == (["Albers", "Ebert"], "Ebert", "Presse")
    scene.window.activateWindow()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F5)
    loaded(qtbot, page)
    assert state() == (["Albers", "Ebert"], "Ebert", "Presse")
    assert tab.view.currentIndex().row() == 3

    ebert = tab.current()
    assert ebert is not None
    contacts.delete_contacts(system, {ebert.key: ebert.version})
    page.refresh()
    loaded(qtbot, page)
    current = tab.current()
    assert current is not None and current.last_name == "Fuchs" and tab.view.currentIndex().row() == 3


def test_a_separate_tenants_customer_contact_is_a_row_of_its_own(
    qtbot: QtBot, scene: Scene, interactions: FakeInteraction, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """T6, C10, T8, E2, E7, S5: a separate tenant's customer's contact (in the main database with its
    customer) is a row of the page beside the tenant's own contact with the same id, marked with
    its customer; its person-roles, a new role, Edit…, F5 keeping the selection, Del and its undo
    all act on it, never on the tenant's own contact."""
    import openpyxl

    from mandant_desktop.db.models import TenantKind
    from mandant_desktop.services.customer_contacts import NewContact
    from mandant_desktop.services.customers import NewCustomer
    from mandant_desktop.services.tenants import TenantInput

    services, operator = scene.app.services, scene.operator
    contacts = services.contacts
    url = f"sqlite:///{tmp_path / 'getrennt.sqlite'}"
    separate = services.tenants.create_tenant(
        operator, TenantInput(name="Getrennt", kind=TenantKind.SEPARATE, database_url=url)
    )
    customer = services.customers.create(operator, NewCustomer("77001", "Fernkunde", separate)).id
    person = services.customer_contacts.create_contact(
        operator, customer, NewContact(last_name="Doppel", first_name="Kundin")
    )
    for _ in range(person - 1):
        contacts.save_contact(operator, separate, ContactInput(last_name="Zander"))
    own = contacts.save_contact(operator, separate, ContactInput(last_name="Doppel", first_name="Eigene"))
    assert own == person  # the same id in the two databases
    contacts.save_role(operator, separate, own, separate, RoleInput("Eigenes Blatt"))

    page = scene.page()
    tab = page.contacts

    def listed() -> list[tuple[str, object]]:
        return [(tab.model.row(r).name, tab.model.row(r).key) for r in range(tab.model.rowCount())]  # type: ignore[union-attr]

    assert listed()[:4] == [
        ("Albers, Eva", (scene.own, 1, False)),
        ("Brandt, Eva", (scene.shared, 2, False)),
        ("Doppel, Eigene", (separate, own, False)),
        ("Doppel, Kundin", (separate, person, True)),
    ]
    assert tab.count_label.text() == f"{len(listed())} contacts"
    assert tab.model.index(2, 2).data() == "Getrennt"
    assert tab.model.index(3, 2).data() == "Getrennt (customer Fernkunde)"
    assert "Fernkunde" in tab.model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)

    # Its person-roles are its own (none), not those of the tenant's own contact 4.
    select_row(tab.view, 3)
    loaded(qtbot, page)
    assert tab.roles_label.text() == "Person-roles of Doppel, Kundin" and tab.roles_model.rowCount() == 0

    def add(dialog: RoleDialog) -> int:
        dialog.tenant.setCurrentIndex(dialog.tenant.findData(separate))
        dialog.organisation.setText("Kundenblatt")
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(RoleDialog, "exec", add)
    assert tab.add_role() is not None
    loaded(qtbot, page)
    assert tab.current().key == (separate, person, True)  # type: ignore[union-attr]
    assert [tab.roles_model.row(r).organisation for r in range(tab.roles_model.rowCount())] == ["Kundenblatt"]  # type: ignore[union-attr]
    assert [r.organisation for r in contacts.get_contact(operator, separate, own)[1]] == ["Eigenes Blatt"]

    # F5 keeps both rows of the same id selected and the customer's contact current (E2).
    tab.view.selectionModel().select(
        tab.model.index(2, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    scene.window.activateWindow()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F5)
    loaded(qtbot, page)
    assert [c.key for c in tab.selected_contacts()] == [(separate, own, False), (separate, person, True)]
    assert tab.current().key == (separate, person, True)  # type: ignore[union-attr]

    # Edit… opens and saves the customer's contact.
    def edit(dialog: ContactDialog) -> int:
        assert (dialog.first_name.text(), dialog.last_name.text()) == ("Kundin", "Doppel")
        dialog.last_name.setText("Doppel-Kunde")
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(ContactDialog, "exec", edit)
    assert tab.open_contact() == person
    loaded(qtbot, page)
    assert contacts.get_contact(operator, separate, person, True)[0].last_name == "Doppel-Kunde"
    assert contacts.get_contact(operator, separate, own)[0].last_name == "Doppel"
    assert [k for _n, k in listed()].index((separate, person, True)) == 3

    # The export names the customer of the row.
    path = tmp_path / "kontakte.xlsx"
    tab.export_to(str(path))
    qtbot.waitUntil(lambda: scene.window.statusBar().currentMessage().endswith("contacts exported."))
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert ("Doppel-Kunde", "Getrennt (customer Fernkunde)") in {
        (r[0], r[4]) for r in sheet.iter_rows(values_only=True)
    }

    # Del deletes the customer's contact only; Undo brings it back.
    select_row(tab.view, 3)
    interactions.confirm_answers = [True]
    focus(qtbot, tab.view)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: scene.window.statusBar().currentMessage() == "Doppel-Kunde, Kundin deleted.")
    loaded(qtbot, page)
    assert (separate, person, True) not in [k for _n, k in listed()]
    assert contacts.get_contact(operator, separate, own)[0].last_name == "Doppel"
    hub = scene.window.undo_hub
    hub.undo()
    qtbot.waitUntil(lambda: not hub.current().busy, timeout=10000)  # type: ignore[union-attr]
    loaded(qtbot, page)
    assert ("Doppel-Kunde, Kundin", (separate, person, True)) in listed()
    assert [r.organisation for r in contacts.get_contact(operator, separate, person, True)[1]] == ["Kundenblatt"]


def test_only_the_tab_shown_is_built_and_the_remembered_one_comes_back(scene: Scene) -> None:
    """E4, section 8 (issue 8): the page builds and loads the tab it shows, the others when first
    shown; the tab shown last comes back on the next page, and is the only one built there."""
    page = scene.page()
    deferred = [page.tabs.widget(i) for i in range(page.tabs.count())]
    assert all(isinstance(tab, DeferredTab) for tab in deferred)
    assert [tab_name(tab) for tab in deferred] == ["contactsTab", "listsTab", "templatesTab"]
    assert [tab.is_built for tab in deferred] == [True, False, False]  # type: ignore[attr-defined]
    show_tab(scene.qtbot, page, LISTS)
    assert page.lists.objectName() == "listsTab" and page.lists.model.rowCount() == 2
    assert not deferred[TEMPLATES].is_built  # type: ignore[attr-defined]

    again = ContactsPage(page.context)
    scene.qtbot.addWidget(again)
    loaded(scene.qtbot, again)
    assert again.tabs.currentIndex() == LISTS
    assert [again.tabs.widget(i).is_built for i in range(3)] == [False, True, False]  # type: ignore[attr-defined]
    assert again.lists.model.rowCount() == 2
