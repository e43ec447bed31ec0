"""A save over someone else's change: who and when, Reload, the input kept (SPEC S4)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from tenanthelpers import add_tenants, grant
from uihelpers import FakeInteraction

from mandant_desktop import bootstrap
from mandant_desktop.db.models import AccessLevel
from mandant_desktop.domain.errors import ConflictError
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenants import TenantInput
from mandant_desktop.ui import formats
from mandant_desktop.ui.conflict_dialog import ConflictDialog
from mandant_desktop.ui.errors import run_action
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.settings import Settings
from mandant_desktop.ui.tenants.page import TenantsPage
from mandant_desktop.ui.tenants.tenant_dialog import TenantDialog

CONFLICT = ConflictError(
    "{who} changed this {object} at {when} while you were editing it. Nothing was saved; reload to see their change.",
    who="mia",
    when="2026-11-22 09:12:00",
    object="Tenant",
)


def test_the_dialog_says_who_and_when_and_lists_the_input(qtbot: QtBot, qtmodeltester: object) -> None:
    """S4: the message names who changed it and when; the user's input is listed; Reload is the default."""
    dialog = ConflictDialog("mia changed this tenant at 09:12", [("&Name:", "Presse Nord"), ("Slug", "nord")])
    qtbot.addWidget(dialog)
    assert "mia" in dialog.message.text() and "09:12" in dialog.message.text()
    model = dialog.inputs_model
    assert model.rowCount() == 2
    assert (model.index(0, 0).data(), model.index(0, 1).data()) == ("Name", "Presse Nord")
    assert dialog.reload_button.isDefault()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    dialog.reload_button.click()
    assert dialog.reload_chosen and dialog.result() == ConflictDialog.DialogCode.Accepted
    keep = ConflictDialog("x", [])
    qtbot.addWidget(keep)
    assert keep.inputs_view.isHidden()
    keep.keep_button.click()
    assert not keep.reload_chosen and keep.result() == ConflictDialog.DialogCode.Rejected


def test_run_action_shows_a_conflict_in_the_conflict_dialog(interactions: FakeInteraction) -> None:
    """S4: every ConflictError that reaches run_action goes to the conflict dialog, not a plain error box;
    the moment in the locale's format, as every other date of the program."""

    def save() -> None:
        raise CONFLICT

    assert run_action(None, save) is None
    [shown] = interactions.of_kind("conflict")
    moment = formats.date_time_text(dt.datetime(2026, 11, 22, 9, 12).astimezone())
    assert shown.text.startswith(f"mia changed this tenant at {moment} while")
    assert not interactions.of_kind("error")


@pytest.fixture
def tenants_page(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    settings: Settings,
    language: LanguageManager,
    interactions: FakeInteraction,
) -> Iterator[tuple[TenantsPage, bootstrap.AppContext, Operator, int]]:
    app, operator = admin_app
    assert operator.id is not None
    (tenant,) = add_tenants(app.session_factory, "Presse Nord")
    grant(app.session_factory, operator.id, {tenant: AccessLevel.FULL})
    window = MainWindow(app, operator, settings=settings, language=language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("tenants")
    page = window.current_page()
    assert isinstance(page, TenantsPage)
    qtbot.waitUntil(lambda: not page.busy)  # S5: the tenants load on a worker
    yield page, app, operator, tenant


def test_a_stale_save_keeps_the_form_open_and_reload_refreshes_the_page(
    tenants_page: tuple[TenantsPage, bootstrap.AppContext, Operator, int],
    interactions: FakeInteraction,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """S4: another workstation renames the tenant while the dialog is open; the save is refused with
    who and when, the typed name is kept in the form and listed, Reload shows the other change."""
    page, app, operator, tenant = tenants_page
    index = page.tenant_model.index_of(tenant)
    page.tenant_tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    other = Operator(id=None, username="mia", is_system=True)
    interactions.reload_answer = True
    seen: dict[str, object] = {}

    def run(dialog: TenantDialog) -> int:
        dialog.name_edit.setText("Presse Nord-West")
        app.services.tenants.update_tenant(other, tenant, 1, TenantInput(name="Presse Nord (alt)"))
        dialog.submit()
        seen["open"] = dialog.result() != TenantDialog.DialogCode.Accepted
        seen["typed"] = dialog.name_edit.text()
        deadline = time.monotonic() + 10
        while page.busy:  # S5: the page reloads on a worker while the dialog stays open
            assert time.monotonic() < deadline
            QTest.qWait(10)
        seen["names"] = {t.name for t in page.tenant_model.tenants()}
        return dialog.result()

    monkeypatch.setattr(TenantDialog, "exec", run)
    page.edit_tenant()
    [conflict] = interactions.of_kind("conflict")
    assert conflict.text.startswith("mia changed this tenant")
    assert ("Name", "Presse Nord-West") in interactions.conflict_inputs[0]
    assert seen == {"open": True, "typed": "Presse Nord-West", "names": {"Presse Nord (alt)"}}
    # Never a silent overwrite: the other workstation's name is what is stored.
    assert {t.name for t in app.services.tenants.list_tenants(operator)} == {"Presse Nord (alt)"}


def test_an_in_use_refusal_is_a_plain_message(interactions: FakeInteraction) -> None:
    """S4: "cannot be deleted while it holds data" is no concurrent change: a plain message, no Reload."""
    from mandant_desktop.domain.errors import InUseError

    def delete() -> None:
        raise InUseError("The tenant {name} is in use.", name="Presse Nord")

    assert run_action(None, delete) is None
    assert not interactions.of_kind("conflict")
    assert interactions.of_kind("error")[-1].text == "The tenant Presse Nord is in use."


def test_the_stored_values_stand_beside_the_input(qtbot: QtBot, qtmodeltester: object) -> None:
    """S4: when the service sent what is stored now, it stands beside the user's input in a third
    column, and the rows that differ are bold."""
    from PySide6.QtCore import Qt

    dialog = ConflictDialog(
        "mia changed this contact", [("&Last name:", "Albers-Meine"), ("City", "Köln")], stored=["Albers", "Köln"]
    )
    qtbot.addWidget(dialog)
    model = dialog.inputs_model
    assert model.columnCount() == 3
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["Field", "Your input", "Saved now"]
    assert [model.index(0, c).data() for c in range(3)] == ["Last name", "Albers-Meine", "Albers"]
    assert model.index(0, 1).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, 1).data(Qt.ItemDataRole.FontRole) is None
    qtmodeltester.check(model)  # type: ignore[attr-defined]
