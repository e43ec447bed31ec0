"""A save over another workstation's change is refused, on every editable object (SPEC S4).

One table of cases; each is driven the same way on SQLite, PostgreSQL and MariaDB: two
workstations read the same version, the first saves, the second's save (with the version it read)
is refused as a conflict naming who changed it, and the first one's change is what stays stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from tenanthelpers import add_tenants, add_user

from mandant_desktop.bootstrap import Services
from mandant_desktop.domain.errors import ConflictError
from mandant_desktop.domain.rights_group_names import Element, NamingPattern
from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.domain.tenants import Access
from mandant_desktop.services.contacts import ContactInput, RoleInput
from mandant_desktop.services.customer_contacts import NewContact, NewExternalUser
from mandant_desktop.services.customers import NewCustomer, PropertiesChange
from mandant_desktop.services.mail import AccountSettings, SmtpSettings
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.users import UserChange

FIRST, SECOND = system_operator("erste"), system_operator("zweite")


@dataclass
class Case:
    """``read`` the version as a dialog would; ``save(operator, version, n)`` the n-th input;
    ``state`` what is stored."""

    read: Callable[[], Any]
    save: Callable[[Operator, Any, int], object]
    state: Callable[[], object]


def _contact(app: Services, tenant: int) -> Case:
    cid = app.contacts.save_contact(FIRST, tenant, ContactInput(last_name="Albers"))
    return Case(
        read=lambda: app.contacts.get_contact(FIRST, tenant, cid)[0].version,
        save=lambda op, v, n: app.contacts.save_contact(op, tenant, ContactInput(last_name=f"Albers {n}"), cid, v),
        state=lambda: app.contacts.get_contact(FIRST, tenant, cid)[0].last_name,
    )


def _person_role(app: Services, tenant: int) -> Case:
    cid = app.contacts.save_contact(FIRST, tenant, ContactInput(last_name="Brandt"))
    rid = app.contacts.save_role(FIRST, tenant, cid, tenant, RoleInput("Tageblatt"))

    def role() -> Any:
        return app.contacts.get_contact(FIRST, tenant, cid)[1][0]

    return Case(
        read=lambda: role().version,
        save=lambda op, v, n: app.contacts.save_role(op, tenant, cid, tenant, RoleInput(f"Blatt {n}"), rid, v),
        state=lambda: role().organisation,
    )


def _distribution_list(app: Services, tenant: int) -> Case:
    lid = app.lists.save_list(FIRST, tenant, "Presse", "", set())

    def row() -> Any:
        return app.lists.get_list(FIRST, tenant, lid).row

    return Case(
        read=lambda: row().version,
        save=lambda op, v, n: app.lists.save_list(op, tenant, f"Presse {n}", "", set(), lid, v),
        state=lambda: row().name,
    )


def _template(app: Services, tenant: int) -> Case:
    tid = app.lists.save_template(FIRST, tenant, "Einladung", "Betreff", "Text")

    def row() -> Any:
        return next(t for t in app.lists.list_templates(FIRST) if t.id == tid)

    return Case(
        read=lambda: row().version,
        save=lambda op, v, n: app.lists.save_template(op, tenant, "Einladung", f"Betreff {n}", "Text", tid, v),
        state=lambda: row().subject,
    )


def _rights_group(app: Services, tenant: int) -> Case:
    gid = app.rights_groups.create_group(FIRST, "Freigeber")
    codes = app.rights_groups.catalogue()
    return Case(
        read=lambda: app.rights_groups.details(FIRST, gid).version,
        save=lambda op, v, n: app.rights_groups.set_permissions(op, gid, codes[:n], expected_version=v),
        state=lambda: app.rights_groups.details(FIRST, gid).permissions,
    )


def _customer(app: Services, tenant: int) -> Case:
    cid = app.customers.create(FIRST, NewCustomer("4711", "Heidelberg", tenant, remote_access=True)).id
    return Case(
        read=lambda: app.customers.details(FIRST, cid).version,
        save=lambda op, v, n: app.customers.update_properties(
            op, cid, PropertiesChange(True, n * 100, False, None), expected_version=v
        ),
        state=lambda: app.customers.details(FIRST, cid).quota_mb,
    )


def _user(app: Services, tenant: int) -> Case:
    uid = add_user(app.session_factory, "mia")

    def row() -> Any:
        return next(r for r in app.users.page(FIRST, search="mia"))

    return Case(
        read=lambda: row().version,
        save=lambda op, v, n: app.users.set_active(op, [uid], n % 2 == 0, expected_versions={uid: v}),
        state=lambda: row().status,
    )


def _user_details(app: Services, tenant: int) -> Case:
    uid = add_user(app.session_factory, "lea")
    return Case(
        read=lambda: app.users.for_edit(FIRST, uid).version,
        save=lambda op, v, n: app.users.update(
            op, uid, UserChange("Lea", f"Lang {n}", f"lea{n}@example.de"), expected_version=v
        ),
        state=lambda: app.users.for_edit(FIRST, uid),
    )


def _external_user(app: Services, tenant: int) -> Case:
    cid = app.customers.create(FIRST, NewCustomer("4712", "Portal", tenant, remote_access=True)).id
    contact = app.customer_contacts.create_contact(FIRST, cid, NewContact("Adam"))
    app.customer_contacts.create_external_user(FIRST, NewExternalUser(contact, "adam", "geheim1", "geheim1"))

    def user() -> Any:
        return app.customer_contacts.contacts(FIRST, cid)[0].user

    return Case(
        read=lambda: user().version,
        save=lambda op, v, n: app.customer_contacts.set_external_user_active(
            op, user().id, n % 2 == 0, expected_version=v
        ),
        state=lambda: user().active,
    )


def _tenant_access(app: Services, tenant: int) -> Case:
    uid = add_user(app.session_factory, "ben")
    levels = {1: Access(Level.FULL), 2: Access(Level.READ_ONLY)}

    def cell() -> Access:
        return app.access.load_matrix(FIRST).cells.get((tenant, uid), Access())

    return Case(
        read=cell,
        save=lambda op, before, n: app.access.save(op, {(tenant, uid): (before, levels[n])}),
        state=cell,
    )


def _smtp_settings(app: Services, tenant: int) -> Case:
    return Case(
        read=lambda: app.mail.settings_version(FIRST),
        save=lambda op, v, n: app.mail.save_settings(
            op, SmtpSettings(host=f"mail{n}.example.de", sender="a@example.de"), AccountSettings(), expected_version=v
        ),
        state=lambda: app.mail.smtp_settings(FIRST).host,
    )


def _naming_pattern(app: Services, tenant: int) -> Case:
    return Case(
        read=lambda: app.rights_naming.pattern_and_version(FIRST)[1],
        save=lambda op, v, n: app.rights_naming.save(
            op, NamingPattern(f"K{n}", Element.NUMBER, Element.NAME), expected_version=v
        ),
        state=lambda: app.rights_naming.pattern(FIRST).prefix,
    )


CASES: dict[str, Callable[[Services, int], Case]] = {
    "contact": _contact,
    "person-role": _person_role,
    "distribution list": _distribution_list,
    "template": _template,
    "rights group": _rights_group,
    "customer": _customer,
    "user": _user,
    "user's name and e-mail": _user_details,
    "external user": _external_user,
    "tenant access": _tenant_access,
    "SMTP settings": _smtp_settings,
    "naming pattern": _naming_pattern,
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_stale_save_is_refused_and_changes_nothing(migrated_db: Any, name: str) -> None:
    """S4, T8, C7, U1, U2: two workstations read the same version; the first saves; the second's save
    is refused as a conflict (naming who changed it) and the first one's change stays."""
    app = Services(migrated_db.session_factory)
    [tenant] = add_tenants(migrated_db.session_factory, "Nord")
    case = CASES[name](app, tenant)
    seen_first, seen_second = case.read(), case.read()
    case.save(FIRST, seen_first, 1)
    stored = case.state()
    with pytest.raises(ConflictError) as refused:
        case.save(SECOND, seen_second, 2)
    assert case.state() == stored
    if name != "tenant access":  # the matrix names how many users changed, not who
        assert "erste" in refused.value.message


@pytest.mark.parametrize("name", ["SMTP settings", "naming pattern"])
def test_a_setting_saved_twice_by_the_same_form_is_no_conflict(migrated_db: Any, name: str) -> None:
    """S4, U4, C3: a save returns the version it left, which the form hands to its next save; the
    operator's own first save is no change made elsewhere, a later one elsewhere still is."""
    app = Services(migrated_db.session_factory)
    case = CASES[name](app, 0)
    other_workstation = case.read()
    version = case.save(FIRST, case.read(), 1)
    assert version == case.read()
    case.save(FIRST, version, 2)
    assert case.state() in ("mail2.example.de", "K2")
    with pytest.raises(ConflictError):
        case.save(SECOND, other_workstation, 3)


@pytest.mark.parametrize("action", ["delete", "deactivate", "reactivate"])
def test_deleting_or_deactivating_a_customer_changed_elsewhere_is_refused(migrated_db: Any, action: str) -> None:
    """S4, C6, C12: the second workstation read the customer before the first changed it; its
    delete, deactivate or reactivate (with the version it read) is refused as a conflict naming who
    changed it, and nothing of it happens — with several customers selected, none is touched."""
    app = Services(migrated_db.session_factory)
    [tenant] = add_tenants(migrated_db.session_factory, "Nord")
    ids = [app.customers.create(FIRST, NewCustomer(n, f"Kunde {n}", tenant, remote_access=True)).id for n in "12"]
    if action == "reactivate":
        app.customers.deactivate(FIRST, {cid: app.customers.details(FIRST, cid).version for cid in ids})
    seen = {cid: app.customers.details(FIRST, cid).version for cid in ids}
    app.customers.update_properties(
        FIRST, ids[1], PropertiesChange(True, 500, False, None), expected_version=seen[ids[1]]
    )

    def state() -> object:
        return [(d.status, d.quota_mb, d.version) for d in (app.customers.details(FIRST, cid) for cid in ids)]

    stored = state()
    with pytest.raises(ConflictError) as refused:
        getattr(app.customers, action)(SECOND, seen)
    assert "erste" in refused.value.message
    assert state() == stored
    # With the versions read afresh the same call goes through.
    getattr(app.customers, action)(SECOND, {cid: app.customers.details(FIRST, cid).version for cid in ids})
