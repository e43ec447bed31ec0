"""Every search field of the user and role pages follows the customer search's rule (SPEC E2, U1,
R1, A1, A4, T2, C1): folded ("juergen" finds "Jürgen", "strasse" finds "Straße", any case) and
word by word in any order, typed as an administrator types (QTest types ASCII only: the stored
names hold the umlauts)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from mandant_desktop.services.users import NewUser
from mandant_desktop.ui.assignments.page import AssignmentsPage
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.multi_select import MultiSelectButton
from mandant_desktop.ui.roles.page import RolesPage
from mandant_desktop.ui.search_filter import FoldedFilterProxy
from mandant_desktop.ui.tenants.page import TenantsPage
from mandant_desktop.ui.users.page import UsersPage

#: (user name, e-mail, first name, last name)
PEOPLE = (
    ("jgross", "jg@example.de", "Jürgen", "Groß"),
    ("jweiss", "weiss@example.de", "Jörg", "Weiß"),
    ("amueller", "anna@straße.example", "Anna", "Müller"),
)


@pytest.fixture
def people(window: MainWindow) -> dict[str, int]:
    services, operator = window.context.app.services, window.context.operator
    return {
        username: services.users.create(operator, NewUser(username, email, first, last)).user_id
        for username, email, first, last in PEOPLE
    }


def _page(window: MainWindow, name: str) -> object:
    assert window.show_page(name)
    return window.current_page()


def _type(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """The field emptied, then ``text`` typed key by key, as an administrator types it."""
    field.clear()
    qtbot.keyClicks(field, text)


def test_users_page_search_folds(qtbot: QtBot, window: MainWindow, people: dict[str, int]) -> None:
    """U1, E2: the users page (``userSearch``): "juergen gross" finds Jürgen Groß, "strasse" the
    address with "straße", "MUELLER anna" Anna Müller; "gross weiss" nobody (every word, one user)."""
    page = _page(window, "users")
    assert isinstance(page, UsersPage) and page.search.objectName() == "userSearch"
    page.refresh()

    def found(typed: str) -> set[str]:
        _type(qtbot, page.search, typed)
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.model.search == typed)
        return {row.username for row in (page.model.row_at(i) for i in range(page.model.rowCount())) if row}

    assert found("juergen gross") == {"jgross"}
    assert found("strasse") == {"amueller"}
    assert found("MUELLER anna") == {"amueller"}
    assert found("joerg") == {"jweiss"}
    assert found("gross weiss") == set()


def test_roles_page_search_folds(qtbot: QtBot, window: MainWindow) -> None:
    """R1, E2: the roles page (``roleSearch``): "strassenbau" finds the role "Straßenbau Süd", and so
    do "SUED strassen" (any order) and "süd" typed with the umlaut."""
    services, operator = window.context.app.services, window.context.operator
    services.roles.create(operator, "Straßenbau Süd")
    page = _page(window, "roles")
    assert isinstance(page, RolesPage) and page.search.objectName() == "roleSearch"
    page.refresh()

    def shown() -> list[str]:
        page.apply_search()
        return [page.role_model.index(row, 0).data() for row in range(page.role_model.rowCount())]

    for typed in ("strassenbau", "SUED strassen"):
        _type(qtbot, page.search, typed)
        assert shown() == ["Straßenbau Süd"], typed
    page.search.setText("süd")  # QTest types ASCII only
    assert shown() == ["Straßenbau Süd"]


def test_assignment_page_search_and_user_filter_fold(qtbot: QtBot, window: MainWindow, people: dict[str, int]) -> None:
    """A1, A4, E2: the role assignment page's search (``assignmentSearch``) in users, and the list of
    its user filter (``multiSelectSearch``): "juergen" finds Jürgen Groß, "weiss joerg" Jörg Weiß."""
    page = _page(window, "assignments")
    assert isinstance(page, AssignmentsPage) and page.search.objectName() == "assignmentSearch"
    page.refresh()
    qtbot.waitUntil(lambda: not page.busy and not page.bulk_panel.busy, timeout=10000)
    page.search_scope.setCurrentIndex(1)  # users
    for typed, username in (("juergen", "jgross"), ("weiss joerg", "jweiss"), ("STRASSE", "amueller")):
        _type(qtbot, page.search, typed)
        page.apply_search()
        assert [user.id for user in page.model.users] == [people[username]], typed

    button = page.user_filter
    assert isinstance(button, MultiSelectButton)
    button.open_popup()
    popup = button.popup
    assert popup.search.objectName() == "multiSelectSearch"
    qtbot.keyClicks(popup.search, "gross juergen")
    assert popup.proxy.rowCount() == 1 and "Groß" in popup.proxy.index(0, 0).data()
    popup.hide()


def test_tenants_page_user_search_folds(qtbot: QtBot, window: MainWindow, people: dict[str, int]) -> None:
    """T2, E2: the tenant access page's user search (``accessSearch``): "juergen" finds Jürgen Groß,
    "mueller" Anna Müller, in each view over the users."""
    page = _page(window, "tenants")
    assert isinstance(page, TenantsPage) and page.search.objectName() == "accessSearch"
    page.refresh()
    qtbot.waitUntil(lambda: len(page.state.users) >= len(PEOPLE), timeout=10000)
    for typed in ("juergen", "MUELLER", "weiss joerg"):
        _type(qtbot, page.search, typed)
        assert page.by_tenant.matching() == 1, typed
        assert page.user_list_model.rowCount() == 1, typed
    qtbot.keyClicks(page.search, " nobody")
    assert page.by_tenant.matching() == 0


def test_the_folding_filter_proxy(qtbot: QtBot, qtmodeltester: object) -> None:
    """E2: the proxy behind the role and org unit pickers (``rolePickerSearch``), the permission
    filter of the explanation (``explainFilter``) and the members of a distribution list
    (``listMemberSearch``): every word of the search, folded, in one column of the row or (key
    column -1) any; a renamed row is searched by its new text; it passes the model tester."""
    model = QStandardItemModel()
    for texts in (("Straßenbau", "Köln"), ("Müller KG", "Bonn"), ("Café Ñandú", "Düren")):
        model.appendRow([QStandardItem(text) for text in texts])
    proxy = FoldedFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]

    def shown(typed: str) -> list[str]:
        proxy.set_search(typed)
        return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]

    assert shown("strasse") == ["Straßenbau"]
    assert shown("kg MUELLER") == ["Müller KG"]
    assert shown("cafe nandu") == ["Café Ñandú"]
    assert shown("koeln") == []  # the second column is not the filter key column
    proxy.setFilterKeyColumn(-1)
    assert shown("koeln bau") == ["Straßenbau"]
    assert shown("dueren") == ["Café Ñandú"]
    model.item(1, 0).setText("Groß GmbH")
    assert shown("gross") == ["Groß GmbH"]
    assert shown("") == ["Straßenbau", "Groß GmbH", "Café Ñandú"]
    qtmodeltester.check(proxy)  # type: ignore[attr-defined]
