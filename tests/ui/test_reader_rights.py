"""An operator holding only the Reader role sees only their pages, and every changing action there is
disabled (SPEC S1; the services refuse regardless, tests/services/test_rights.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tenanthelpers import add_tenants, add_user, grant
from uihelpers import FakeInteraction

from mandant_desktop import bootstrap
from mandant_desktop.db.models import AccessLevel, OrgUnit, Role, RoleAssignment
from mandant_desktop.domain.permissions import PREDEFINED_BY_KEY
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.pages import pages_for
from mandant_desktop.ui.settings import Settings

#: words in the objectName of a widget or action that changes data
CHANGING = (
    "new",
    "add",
    "edit",
    "delete",
    "remove",
    "save",
    "import",
    "rename",
    "duplicate",
    "bulk",
    "restore",
    "send",
)
#: buttons that open a view which is read-only for a reader (checked below)
VIEWING = {"tenantEditButton"}


@pytest.fixture
def reader_window(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    settings: Settings,
    language: LanguageManager,
    interactions: FakeInteraction,
) -> Iterator[MainWindow]:
    app, _admin = admin_app
    factory = app.session_factory
    reader_id = add_user(factory, "leser", "Lea", "Leser")
    (tenant,) = add_tenants(factory, "Presse Nord")
    grant(factory, reader_id, {tenant: AccessLevel.READ_ONLY})
    with factory.begin() as session:
        root = session.scalars(select(OrgUnit.id).where(OrgUnit.parent_id.is_(None))).first()
        reader_role = session.scalars(select(Role.id).where(Role.predefined_key == "reader")).one()
        session.add(RoleAssignment(user_id=reader_id, role_id=reader_role, org_unit_id=root))
    operator = Operator(id=reader_id, username="leser", permissions=PREDEFINED_BY_KEY["reader"].permissions)
    window = MainWindow(app, operator, settings=settings, language=language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window


def _enabled_changing(widget: object) -> list[str]:
    found = []
    for kind in (QAction, QAbstractButton):
        for item in widget.findChildren(kind):  # type: ignore[attr-defined]
            name = item.objectName().lower()
            if name.startswith("_q_") or item.objectName() in VIEWING:
                continue  # Qt's own clear button of a search field; read-only views
            if name and item.isEnabled() and any(word in name for word in CHANGING):
                if isinstance(item, QAbstractButton) and not item.isVisibleTo(widget):  # type: ignore[arg-type]
                    continue
                found.append(item.objectName())
    return found


def test_a_reader_sees_three_pages_and_can_change_nothing(reader_window: MainWindow, qtbot: QtBot) -> None:
    """S1: Reader holds contacts.view, customers.view and tenants.view: those pages only, and no
    action that changes data is enabled on them."""
    operator = reader_window.context.operator
    assert [page.page_id for page in pages_for(operator)] == ["tenants", "customers", "contacts"]
    for page_id in ("users", "roles", "assignments", "outbox", "settings"):
        assert not reader_window.show_page(page_id)
    gaps = {}
    for page_id in ("tenants", "customers", "contacts"):
        assert reader_window.show_page(page_id)
        page = reader_window.current_page()
        assert page is not None
        page.refresh()
        qtbot.waitUntil(lambda shown=page: not getattr(shown, "busy", False))  # S5: pages load on a worker
        enabled = _enabled_changing(page)
        if enabled:
            gaps[page_id] = enabled
    assert not gaps


def test_a_reader_sees_tenant_properties_read_only(reader_window: MainWindow, qtbot: QtBot) -> None:
    """S1: "Properties…" shows a reader the tenant without an OK button and with read-only inputs."""
    from mandant_desktop.ui.tenants.page import TenantsPage
    from mandant_desktop.ui.tenants.tenant_dialog import TenantDialog

    assert reader_window.show_page("tenants")
    page = reader_window.current_page()
    assert isinstance(page, TenantsPage)
    page.refresh()
    qtbot.waitUntil(lambda: not page.busy)  # S5: the tenants load on a worker
    tenants = page.tenant_model.tenants()
    assert [t.name for t in tenants] == ["Presse Nord"]
    dialog = TenantDialog(page.services.tenants, page.operator(), tenants, tenants[0], parent=page)
    qtbot.addWidget(dialog)
    assert dialog.read_only and dialog.name_edit.isReadOnly() and not dialog.parent_combo.isEnabled()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok is not None and ok.isHidden()


@pytest.mark.parametrize(
    ("permission", "page_id"),
    [
        ("users.view", "users"),
        ("roles.view", "roles"),
        ("assignments.view", "assignments"),
        ("mail.view", "outbox"),
        ("settings.view", "settings"),
        ("customers.view", "customers"),
        ("contacts.view", "contacts"),
    ],
)
def test_a_viewer_of_one_page_can_change_nothing_there(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    settings: Settings,
    language: LanguageManager,
    interactions: FakeInteraction,
    permission: str,
    page_id: str,
) -> None:
    """S1: holding only the page's view permission, the page is there and every changing action is disabled."""
    app, admin = admin_app
    # The same page for the administrator: the check finds the changing actions (it is not blind).
    admin_window = MainWindow(app, admin, settings=settings, language=language)
    qtbot.addWidget(admin_window)
    assert admin_window.show_page(page_id)
    admin_page = admin_window.current_page()
    assert admin_page is not None
    admin_page.refresh()
    # (the outbox's only action, "Send again", needs a selected kept mail and only mail.view)
    assert _enabled_changing(admin_page) or page_id == "outbox", page_id
    admin_window.close()
    viewer_id = add_user(app.session_factory, "gast", "Gustav", "Gast")
    operator = Operator(id=viewer_id, username="gast", permissions=frozenset({permission}))
    window = MainWindow(app, operator, settings=settings, language=language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert [page.page_id for page in pages_for(operator)] == [page_id]
    assert window.show_page(page_id)
    page = window.current_page()
    assert page is not None
    page.refresh()
    assert _enabled_changing(page) == []
