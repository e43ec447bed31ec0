"""Every dialog works from the keyboard (SPEC E2): Tab reaches each enabled input in visual order,
OK/Cancel come last, no two controls share a mnemonic and every field's label has one; the focus
starts on the first control, Enter presses the default button, Esc cancels without writing, and
Shift+Tab comes round as Tab does.

The dialog classes are found in ``mandant_desktop/ui``; each needs a factory below. Classes still
without one are listed in ``NO_FACTORY_YET`` with the reason, so that a new dialog cannot slip by.
Dialogs made from Qt's own classes (an input prompt, a progress dialog, a question box) are found
by their construction in the code, and each function that builds one needs a factory too.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6 import QtWidgets
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

import mandant_desktop.ui as ui_package
from mandant_desktop import bootstrap
from mandant_desktop.services.assignments import RoleChoice
from mandant_desktop.services.contacts import ContactRow, RoleRow, TenantChoice
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.org_units import InheritImpact
from mandant_desktop.services.profiles import ProfileStore
from mandant_desktop.services.secrets import MemorySecretStore
from mandant_desktop.ui.i18n import LanguageManager

Factory = Callable[[tuple[bootstrap.AppContext, Operator], Path], QDialog]


def dialog_classes() -> Iterator[type[QDialog]]:
    """Every concrete QDialog subclass defined in ``mandant_desktop.ui``."""
    seen: set[type[QDialog]] = set()
    for info in pkgutil.walk_packages(ui_package.__path__, "mandant_desktop.ui."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == info.name and cls not in seen:
                seen.add(cls)
                yield cls


def _name(cls: type) -> str:
    return f"{cls.__module__.removeprefix('mandant_desktop.ui.')}.{cls.__qualname__}"


def _about(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.about_dialog import AboutDialog

    return AboutDialog(app[0])


def _connection(_app: tuple[bootstrap.AppContext, Operator], tmp: Path) -> QDialog:
    from mandant_desktop.ui.connection_dialog import ConnectionDialog
    from mandant_desktop.ui.connections import Connections

    return ConnectionDialog(Connections(ProfileStore(tmp / "profiles.json", MemorySecretStore())))


def _login(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.login_dialog import LoginDialog

    return LoginDialog(app[0])


def _conflict(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.conflict_dialog import ConflictDialog

    return ConflictDialog("mia changed this tenant at 09:12", [("&Name:", "Presse Nord"), ("Slug", "nord")])


def _add_user(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.users.add_dialog import AddUserDialog

    return AddUserDialog(lambda _new: None)


def _edit_user(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    """A user waiting for activation: the note about the new link shows too."""
    from mandant_desktop.db.models import UserStatus
    from mandant_desktop.services.users import UserDetails
    from mandant_desktop.ui.users.edit_dialog import EditUserDialog

    user = UserDetails(7, "mia", "mia@exmaple.de", "Mia", "Muster", UserStatus.PENDING, False, 1)
    return EditUserDialog(user, lambda _user, _change: None)


def _inherit(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.org_units.dialogs import InheritDialog

    impact = InheritImpact(units=3, roles_added=2, roles_removed=1)
    return InheritDialog("Vertrieb", "Leser", impact, impact, None)


def _delete_unit(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.org_units.dialogs import DeleteUnitDialog

    return DeleteUnitDialog("Vertrieb", "Zentrale", 2, 5, 7, None)


def _role_picker(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.org_units.dialogs import RolePickerDialog

    return RolePickerDialog("Add access", [RoleChoice(1, "Leser", 3), RoleChoice(2, "Autor", 7)], {2}, None)


CHOICES = [TenantChoice(1, "Presse Nord"), TenantChoice(2, "Presse Süd")]


def _contact(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.contacts.dialogs import ContactDialog

    return ContactDialog(lambda _tenant, _input: 1, CHOICES)


def _template(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.contacts.dialogs import TemplateDialog

    return TemplateDialog(lambda *_args: 1, CHOICES)


def _contact_import(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.contacts.dialogs import ImportDialog

    return ImportDialog(CHOICES, "kontakte.xlsx")


def _tenant(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.tenants.tenant_dialog import TenantDialog

    return TenantDialog(app[0].services.tenants, app[1], [])


def _move(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.org_units.dialogs import MoveDialog

    return MoveDialog("Vertrieb", lambda _parent: [], lambda _text: [], None)


def _actor(app: tuple[bootstrap.AppContext, Operator]) -> object:
    from mandant_desktop.ui.customers.common import Actor

    return Actor(app[0].services, app[1])


def _create_customer(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.customers.create_dialog import CreateCustomerDialog

    return CreateCustomerDialog(_actor(app), [(1, "Presse Nord")])  # type: ignore[arg-type]


def _select_agency(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.customers.agency_dialogs import SelectAgencyDialog

    _customers(app)  # an agency in the list: Tab must leave the table
    return SelectAgencyDialog(_actor(app))  # type: ignore[arg-type]


def _contact_person(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.services.contact_persons import AssignmentState
    from mandant_desktop.ui.customers.contact_person_dialog import AssignContactPersonDialog

    return AssignContactPersonDialog(_actor(app), [1, 2], AssignmentState((), (), 2))  # type: ignore[arg-type]


def _customers(app: tuple[bootstrap.AppContext, Operator]) -> dict[str, int]:
    """The widget tests' customers (customerhelpers.seed_for_ui): number → id."""
    from customerhelpers import seed_for_ui

    return seed_for_ui(app[0].session_factory, app[1].id or 0).customers


def _delete_customer(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.services.customers import CustomerQuery
    from mandant_desktop.ui.customers.delete_dialog import DeleteCustomerDialog

    _customers(app)
    rows = app[0].services.customers.rows(app[1], CustomerQuery(), 0, 2)
    return DeleteCustomerDialog(_actor(app), rows, 3)  # type: ignore[arg-type]


def _customer_properties(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.customers.properties_dialog import CustomerPropertiesDialog

    details = app[0].services.customers.details(app[1], _customers(app)["12346"])
    return CustomerPropertiesDialog(_actor(app), details)  # type: ignore[arg-type]


def _agency_info(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.customers.agency_dialogs import AgencyInfoDialog

    return AgencyInfoDialog(_actor(app), _customers(app)["200"], "Werbeagentur Licht (200)")  # type: ignore[arg-type]


def _create_contact(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.customers.contacts_dialog import CreateContactDialog

    return CreateContactDialog(_actor(app), _customers(app)["12345"])  # type: ignore[arg-type]


def _customer_contacts(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.services.customer_contacts import NewContact
    from mandant_desktop.ui.customers.contacts_dialog import CustomerContactsDialog

    services, operator = app[0].services, app[1]
    heidelberg = _customers(app)["12345"]
    services.customer_contacts.create_contact(operator, heidelberg, NewContact("Becker", "Bea", "Einkauf"))
    dialog = CustomerContactsDialog(_actor(app), services.customers.details(operator, heidelberg))  # type: ignore[arg-type]
    dialog.external_check.setChecked(True)  # the contact's new portal user: every input enabled
    return dialog


def _access_rights(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.customers.access_rights_dialog import AccessRightsDialog

    services, operator = app[0].services, app[1]
    details = services.customers.details(operator, _customers(app)["12345"])
    assert details.group_id is not None
    group = services.rights_groups.details(operator, details.group_id)
    return AccessRightsDialog(_actor(app), group, "12345 – Heidelberg")  # type: ignore[arg-type]


def _role_row() -> RoleRow:
    return RoleRow(
        1, 7, 1, "Presse Nord", 3, "Anna Becker", "Stadtwerke", "Pressesprecherin",
        "anna@example.org", None, "Hauptstraße 1", "69117", "Heidelberg", True, False,
    )  # fmt: skip


def _role(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.contacts.dialogs import RoleDialog

    return RoleDialog(lambda *_args: 1, CHOICES, "Anna Becker")


def _list(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.contacts.dialogs import ListDialog

    return ListDialog(lambda *_args: 1, CHOICES, [_role_row()], set())


def _progress(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.tasks import ProgressDialog

    return ProgressDialog(None, "Export", "Writing customers.xlsx …", cancellable=True)


def _progress_without_cancel(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.tasks import ProgressDialog

    return ProgressDialog(None, "Import", "Importing 12 rows …", cancellable=False)


def _first_admin(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    """Built on any database: the dialog asks only when OK is pressed."""
    from mandant_desktop.ui.first_admin_dialog import FirstAdminDialog

    return FirstAdminDialog(app[0])


def _explain(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.org_units.explain import ExplainDialog, children_loader

    service, operator = app[0].services.org_units, app[1]
    service.add(operator, None, "Zentrale")
    return ExplainDialog(
        "admin",
        lambda unit_id: service.explain(operator, operator.id or 0, unit_id),
        children_loader(service, operator),
        lambda text: service.search(operator, text),
        None,
    )


class _MembersContext:
    """What the add-members dialog uses of a page context."""

    def __init__(self, app: tuple[bootstrap.AppContext, Operator]) -> None:
        self.app, self.operator = app

    def current_operator(self) -> Operator:
        return self.operator


def _add_members(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.users.rights_groups import AddMembersDialog

    return AddMembersDialog(_MembersContext(app))  # type: ignore[arg-type]


def _import(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.services.imports import ImportKind
    from mandant_desktop.ui.imports.dialog import ImportDialog

    return ImportDialog(app[0].services.imports, lambda: app[1], ImportKind.USERS)


FACTORIES: dict[str, Factory] = {
    "customers.delete_dialog.DeleteCustomerDialog": _delete_customer,
    "customers.properties_dialog.CustomerPropertiesDialog": _customer_properties,
    "customers.agency_dialogs.AgencyInfoDialog": _agency_info,
    "customers.contacts_dialog.CreateContactDialog": _create_contact,
    "customers.contacts_dialog.CustomerContactsDialog": _customer_contacts,
    "customers.access_rights_dialog.AccessRightsDialog": _access_rights,
    "contacts.dialogs.RoleDialog": _role,
    "contacts.dialogs.ListDialog": _list,
    "first_admin_dialog.FirstAdminDialog": _first_admin,
    "org_units.explain.ExplainDialog": _explain,
    "users.rights_groups.AddMembersDialog": _add_members,
    "imports.dialog.ImportDialog": _import,
    "customers.contact_person_dialog.AssignContactPersonDialog": _contact_person,
    "tenants.tenant_dialog.TenantDialog": _tenant,
    "org_units.dialogs.MoveDialog": _move,
    "customers.create_dialog.CreateCustomerDialog": _create_customer,
    "customers.agency_dialogs.SelectAgencyDialog": _select_agency,
    "about_dialog.AboutDialog": _about,
    "connection_dialog.ConnectionDialog": _connection,
    "login_dialog.LoginDialog": _login,
    "conflict_dialog.ConflictDialog": _conflict,
    "users.add_dialog.AddUserDialog": _add_user,
    "users.edit_dialog.EditUserDialog": _edit_user,
    "org_units.dialogs.InheritDialog": _inherit,
    "org_units.dialogs.DeleteUnitDialog": _delete_unit,
    "org_units.dialogs.RolePickerDialog": _role_picker,
    "contacts.dialogs.ContactDialog": _contact,
    "contacts.dialogs.TemplateDialog": _template,
    "contacts.dialogs.ImportDialog": _contact_import,
    "tasks.ProgressDialog": _progress,
}


def _contact_row(*, editable: bool) -> ContactRow:
    return ContactRow(
        1, 5, 1, "Presse Nord", "Frau", "Anna", "Becker", "Presse", "anna@example.org", None,
        "Hauptstraße 1", "69117", "Heidelberg", "1980-04-02", editable, True,
    )  # fmt: skip


def _contact_read_only(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.contacts.dialogs import ContactDialog

    return ContactDialog(lambda _tenant, _input: 1, [], _contact_row(editable=False))


def _contact_existing(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.contacts.dialogs import ContactDialog

    return ContactDialog(lambda _tenant, _input: 1, [], _contact_row(editable=True))


def _role_existing(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.contacts.dialogs import RoleDialog

    return RoleDialog(lambda *_args: 1, CHOICES, "Anna Becker", _role_row())


def _list_existing(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.contacts.dialogs import ListDialog

    role = _role_row()
    return ListDialog(lambda *_args: 1, CHOICES, [role], {role.key}, (1, "Presse Nord"), "Presse", "Alle Pressestellen")


def _tenant_existing(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.services.tenants import TenantInput
    from mandant_desktop.ui.tenants.tenant_dialog import TenantDialog

    service, operator = app[0].services.tenants, app[1]
    service.create_tenant(operator, TenantInput(name="Presse Nord"))
    tenants = service.list_tenants(operator)
    return TenantDialog(service, operator, tenants, tenants[0])


def _customer_contacts_with_user(app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.services.customer_contacts import NewContact, NewExternalUser
    from mandant_desktop.ui.customers.contacts_dialog import CustomerContactsDialog

    services, operator = app[0].services, app[1]
    heidelberg = _customers(app)["12345"]
    contact = services.customer_contacts.create_contact(operator, heidelberg, NewContact("Becker", "Bea", "Einkauf"))
    services.customer_contacts.create_external_user(
        operator, NewExternalUser(contact, "bea.becker", "Geheim-123", "Geheim-123")
    )
    return CustomerContactsDialog(_actor(app), services.customers.details(operator, heidelberg))  # type: ignore[arg-type]


def _import_checked(app: tuple[bootstrap.AppContext, Operator], tmp: Path) -> QDialog:
    """After the check of a good file: the rows listed, "Import" enabled."""
    from xlsxhelpers import write_xlsx

    from mandant_desktop.services.imports import USER_HEADERS

    dialog = _import(app, tmp)
    good = write_xlsx(tmp / "good.xlsx", USER_HEADERS, [("neu.user", "neu@firma.example", "N", "U", "no")])
    dialog.path.setText(str(good))  # type: ignore[attr-defined]
    dialog.check_button.click()  # type: ignore[attr-defined]
    deadline = time.monotonic() + 10
    while dialog.busy:  # type: ignore[attr-defined]  # S5: the check runs on a worker
        assert time.monotonic() < deadline, "the import check did not finish"
        QTest.qWait(10)
    return dialog


#: further states of dialogs above, walked as well: what is enabled or shown differs
STATES: dict[str, Factory] = {
    "contacts.dialogs.ContactDialog (read only)": _contact_read_only,
    "contacts.dialogs.ContactDialog (existing)": _contact_existing,
    "contacts.dialogs.RoleDialog (existing)": _role_existing,
    "contacts.dialogs.ListDialog (existing)": _list_existing,
    "tenants.tenant_dialog.TenantDialog (existing)": _tenant_existing,
    "customers.contacts_dialog.CustomerContactsDialog (portal user)": _customer_contacts_with_user,
    "imports.dialog.ImportDialog (checked)": _import_checked,
    "tasks.ProgressDialog (no Cancel)": _progress_without_cancel,
}


def _question(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.interaction import question_box

    return question_box(None, "Delete tenant", "Delete the tenant Presse Nord?", ok_text="&Delete", destructive=True)[0]


def _text_prompt(_app: tuple[bootstrap.AppContext, Operator], _tmp: Path) -> QDialog:
    from mandant_desktop.ui.interaction import text_dialog

    return text_dialog(None, "Password", "Password of postgres@db.example.de:", password=True)


#: dialogs of Qt's own classes, by the function that builds them and the class
PLAIN_QT_DIALOGS: dict[str, Factory] = {
    "interaction.question_box (QMessageBox)": _question,
    "interaction.text_dialog (QInputDialog)": _text_prompt,
}

#: abstract base classes, never shown on their own: each lays out no inputs (a subclass adds them)
#: and all their concrete subclasses are walked above
NO_FACTORY_YET = {
    "account_dialog.AccountDialog": "base of LoginDialog and FirstAdminDialog; the form is theirs",
    "tenants.form_dialog.FormDialog": "base of TenantDialog and contacts._Dialog: an empty form with OK/Cancel",
    "contacts.dialogs._Dialog": "base of the five contacts dialogs: an empty form with OK/Cancel",
    "customers.common.CustomerDialog": "base of the nine customer dialogs: no layout of its own",
    "users.add_dialog.UserFormDialog": "base of AddUserDialog and EditUserDialog: their fields, no save of its own",
}


def plain_qt_dialogs() -> Iterator[str]:
    """``module.function (QtClass)`` for every call of a Qt dialog class's constructor in
    ``mandant_desktop/ui`` (static helpers such as QFileDialog.getSaveFileName are Qt's own dialogs,
    built and walked by Qt, and not counted)."""
    qt_dialogs = {name for name, cls in inspect.getmembers(QtWidgets, inspect.isclass) if issubclass(cls, QDialog)}
    root = Path(ui_package.__file__).parent
    for path in sorted(root.rglob("*.py")):
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            for call in ast.walk(function):
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in qt_dialogs:
                    yield f"{module}.{function.name} ({call.func.id})"


INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QPlainTextEdit, QTextEdit, QAbstractItemView)
#: what one types into; a dialog with any of them opens with the focus in the form
FORM_INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit)
MNEMONIC = re.compile(r"&([^&\s])")


def test_every_dialog_class_is_covered() -> None:
    found = {_name(cls) for cls in dialog_classes()}
    missing = found - set(FACTORIES) - set(NO_FACTORY_YET)
    assert not missing, f"dialogs without a factory in this test: {sorted(missing)}"
    stale = (set(FACTORIES) | set(NO_FACTORY_YET)) - found
    assert not stale, f"no such dialog any more: {sorted(stale)}"


def test_every_plain_qt_dialog_is_covered() -> None:
    """E2: a dialog built from Qt's QInputDialog or QMessageBox is walked as well."""
    found = set(plain_qt_dialogs())
    assert found - set(PLAIN_QT_DIALOGS) == set(), "Qt dialogs without a factory in this test"
    assert set(PLAIN_QT_DIALOGS) - found == set(), "no such Qt dialog any more"


def reachable_inputs(dialog: QDialog) -> list[QWidget]:
    """The controls Tab should reach: visible, enabled, taking Tab focus; of a group of radio
    buttons only the checked one (the arrow keys move within the group)."""
    result = []
    for widget in dialog.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(dialog) or not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget.parentWidget(), (QLineEdit, QAbstractSpinBox)):  # parts of a line edit or spin box
            continue
        if isinstance(widget, QRadioButton) and widget.autoExclusive() and not widget.isChecked():
            continue
        result.append(widget)
    return result


def tab_walk(qtbot: QtBot, dialog: QDialog, limit: int) -> list[QWidget]:
    """The widgets the focus visits, pressing Tab from the first, until it comes round again."""
    first = QApplication.focusWidget()
    assert first is not None and dialog.isAncestorOf(first), f"{dialog.objectName()}: nothing has the focus"
    visited = [first]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is None or focus is visited[0]:
            break
        if focus is not visited[-1]:  # Tab inside a date edit moves between its day, month and year
            visited.append(focus)
    else:  # a control that never lets Tab go on (as a date edit showing "not known" once did)
        last = visited[-1]
        raise AssertionError(f"{dialog.objectName()}: Tab stays in {last.objectName() or type(last).__name__}")
    return visited


def _position(widget: QWidget, dialog: QDialog) -> QPoint:
    return widget.mapTo(dialog, QPoint(0, 0))


def mnemonics(dialog: QDialog) -> list[tuple[str, str]]:
    """(letter, text) of every visible control's mnemonic: buttons, labels with a buddy, group boxes, tabs."""
    texts: list[str] = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
    return [(m.group(1).lower(), text) for text in texts for m in [MNEMONIC.search(text)] if m]


def _open(qtbot: QtBot, dialog: QDialog) -> None:
    """Show the dialog, active, with the focus inside it."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    focus = QApplication.focusWidget()
    if focus is None or not dialog.isAncestorOf(focus):
        dialog.focusNextChild()


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("name", sorted(FACTORIES | STATES | PLAIN_QT_DIALOGS))
def test_tab_order_and_mnemonics_of_each_dialog(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    tmp_path: Path,
    language: LanguageManager,
    name: str,
    lang: str,
) -> None:
    """E2: in English and in German (the mnemonics differ)."""
    language.choose(lang)
    dialog = (FACTORIES | STATES | PLAIN_QT_DIALOGS)[name](admin_app, tmp_path)
    _open(qtbot, dialog)
    inputs = reachable_inputs(dialog)
    if not inputs:
        # Nothing to press (the progress of work that cannot stop): no Tab walk. test_tasks checks
        # that Escape does not hide such a dialog either.
        assert QApplication.activeWindow() is dialog and not mnemonics(dialog)
        return
    box_buttons = {b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()}

    # a dialog with a form opens on an input, not on OK: typing goes into the form at once
    if any(isinstance(w, FORM_INPUTS) for w in inputs):
        focus = QApplication.focusWidget()
        assert focus not in box_buttons, f"{name}: opens with the focus on the button {focus.text()!r}"  # type: ignore[union-attr]
    visited = tab_walk(qtbot, dialog, limit=4 * len(inputs) + 10)

    # every enabled input is reached
    unreached = [w.objectName() or type(w).__name__ for w in inputs if w not in visited]
    assert not unreached, f"{name}: Tab never reaches {unreached}"

    # the dialog's buttons (OK, Cancel, Close …) come last, after every other input
    order = [w for w in visited if w in inputs]
    start = order.index(visited[0]) if visited[0] in order else 0
    order = order[start:] + order[:start]
    # the walk starts where the dialog put the focus; rotate it so that it starts after the buttons
    if box_buttons:
        last_button = (
            max(i for i, w in enumerate(order) if w in box_buttons) if any(w in box_buttons for w in order) else -1
        )
        order = order[last_button + 1 :] + order[: last_button + 1]
        kinds = [w in box_buttons for w in order]
        assert kinds == sorted(kinds), f"{name}: a control comes after OK/Cancel: {[w.objectName() for w in order]}"

    # the others in visual order: top to bottom, within a row left to right
    others = [w for w in order if w not in box_buttons]
    for before, after in pairwise(others):
        a, b = _position(before, dialog), _position(after, dialog)
        same_row = abs(a.y() - b.y()) < before.height() // 2 + 1
        next_column = b.x() >= a.x() + before.width()  # a form beside a list: its top after the list's foot
        assert (same_row and b.x() > a.x()) or (not same_row and b.y() > a.y()) or next_column, (
            f"{name}: {before.objectName() or type(before).__name__} then "
            f"{after.objectName() or type(after).__name__} is not in visual order"
        )

    # every label that names a field (its buddy) carries a letter, which leads to the field
    unnamed = [
        label.text()
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None and label.isVisibleTo(dialog) and not MNEMONIC.search(label.text())
    ]
    assert not unnamed, f"{name}: labels of fields without a letter: {unnamed}"

    # mnemonics unique within the dialog
    letters = mnemonics(dialog)
    clashes = sorted({(letter, text) for letter, text in letters if [x for x, _ in letters].count(letter) > 1})
    assert not clashes, f"{name}: shared mnemonics {clashes}"


def _audit_count(app: tuple[bootstrap.AppContext, Operator]) -> int:
    from sqlalchemy import func, select

    from mandant_desktop.db.models import AuditEntry

    with app[0].session_factory() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


@pytest.mark.parametrize("name", sorted(FACTORIES | STATES | PLAIN_QT_DIALOGS))
def test_first_field_enter_escape_and_no_trap_of_each_dialog(
    qtbot: QtBot, admin_app: tuple[bootstrap.AppContext, Operator], tmp_path: Path, name: str
) -> None:
    """E2: a dialog with a form opens with the focus on its first control (the first after its
    buttons in the Tab chain, which follows the layout); Enter in a field there presses the default
    button (the click is caught, nothing is done); Shift+Tab comes round as Tab does (no trap); Esc
    closes it as Cancel does (a progress dialog: asks the work to stop), and nothing is written
    (no audit entry)."""
    dialog = (FACTORIES | STATES | PLAIN_QT_DIALOGS)[name](admin_app, tmp_path)
    _open(qtbot, dialog)
    inputs = reachable_inputs(dialog)
    if not inputs:
        return  # the progress of work that cannot stop (see the test above)
    box_buttons = {b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()}

    # the first field: the first control after the dialog's buttons in the Tab chain (whose order
    # follows the layout, see the test above); a list beside a form comes first, as it stands left
    start = QApplication.focusWidget()
    assert start is not None
    visited = tab_walk(qtbot, dialog, limit=4 * len(inputs) + 10)
    order = [w for w in visited if w in inputs]
    if box_buttons and any(w in box_buttons for w in order):
        last = max(i for i, w in enumerate(order) if w in box_buttons)
        order = order[last + 1 :] + order[: last + 1]
    first = order[0]
    if any(isinstance(w, FORM_INPUTS) for w in inputs):
        assert start is first, (
            f"{name}: opens on {start.objectName() or type(start).__name__}, "
            f"not on the first field {first.objectName() or type(first).__name__}"
        )
    assert QApplication.focusWidget() is start  # the Tab walk came round

    for _ in range(4 * len(inputs) + 10):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        if QApplication.focusWidget() is start:
            break
    else:
        raise AssertionError(f"{name}: Shift+Tab never comes back to where the dialog opened")

    written = _audit_count(admin_app)
    default = [b for b in dialog.findChildren(QPushButton) if b.isDefault() and b.isVisibleTo(dialog)]
    if default and isinstance(start, (QLineEdit, QComboBox, QAbstractSpinBox)) and default[0].isEnabled():
        button = default[0]
        pressed: list[bool] = []
        button.clicked.disconnect()  # the click is caught here; the dialog does nothing with it
        button.clicked.connect(lambda: pressed.append(True))
        start.setFocus()
        qtbot.keyClick(start, Qt.Key.Key_Return)
        where = start.objectName() or type(start).__name__
        assert pressed, f"{name}: Enter in {where} does not press {button.text()!r}"
        assert button in box_buttons or not box_buttons

    cancelled: list[bool] = []
    if isinstance(dialog, QProgressDialog):
        # Esc is Cancel: the work is asked to stop; the dialog closes once it has (finish())
        dialog.canceled.connect(lambda: cancelled.append(True))
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        assert cancelled, f"{name}: Esc did not cancel"
        return
    dialog.rejected.connect(lambda: cancelled.append(True))
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert cancelled, f"{name}: Esc did not cancel"
    if isinstance(dialog, QMessageBox):  # its result is the button, Esc's being Cancel
        assert dialog.clickedButton() is dialog.escapeButton()
    else:
        assert dialog.result() == QDialog.DialogCode.Rejected
    assert _audit_count(admin_app) == written, f"{name}: Esc wrote something"
