"""A customer's contacts live with their customer, also when its tenant is separate (SPEC T6, T7,
C10), the contacts page shows and changes them there (T6, T8, C10, S1-S4, E7), and a contact's
portal user follows an edit of the contact (C10, S3) and takes its address only with the private
data right (C10, T8), on SQLite, PostgreSQL and MariaDB.

Customers stay in the main database whatever their tenant's kind (services.customers), and so do
their contacts (services.customer_contacts) and the portal accounts bound to them (``app_user``
refers to ``contact``). A separate tenant's own contacts live in its database, with ids that
repeat the main database's: a customer's contact is read and changed in the main database only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from dbhelpers import (
    BACKENDS,
    MigratedDatabase,
    database_url,
    drop_database,
    migrated_database,
    require_backend,
    stale_search_keys,
    unique_name,
)
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool
from tenanthelpers import ALL, add_tenants, add_user, grant, operator, router

from mandant_desktop.db.models import AccessLevel, AuditEntry, Contact, User
from mandant_desktop.db.models import TenantKind as Kind
from mandant_desktop.domain.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from mandant_desktop.services.contacts import ContactInput, ContactRow, ContactService, RoleInput
from mandant_desktop.services.customer_contacts import CustomerContactService, NewContact, NewExternalUser
from mandant_desktop.services.customers import CustomerService, NewCustomer
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.recording import recorded
from mandant_desktop.services.tenant_data import TenantDataRouter
from mandant_desktop.services.tenants import TenantInput, TenantService
from mandant_desktop.services.undo import UndoService


@pytest.fixture(params=BACKENDS)
def main_and_separate(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[MigratedDatabase, str]]:
    backend = request.param
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'getrennt.sqlite'}"
    else:
        require_backend(backend)
        url = database_url(backend, unique_name("mandant_separate"))
    with migrated_database(backend, tmp_path) as main:
        try:
            yield main, url
        finally:
            drop_database(url)


def _rows(url: str) -> list[tuple[int, int | None, str]]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return [
                tuple(r)
                for r in conn.execute(select(Contact.id, Contact.customer_id, Contact.last_name).order_by(Contact.id))
            ]  # type: ignore[misc]
    finally:
        engine.dispose()


def _boss_and_tenants(
    main: MigratedDatabase, url: str
) -> tuple[sessionmaker[Session], TenantDataRouter, int, Operator, int, int]:
    """The operator "boss" with full access and private data in the inner tenant "Innen" and in
    the separate tenant "Getrennt" at ``url``, which they create (T4)."""
    factory = main.session_factory
    data_router = router(main)
    boss_id = add_user(factory, "boss")
    boss = operator(boss_id, "boss")
    (inner,) = add_tenants(factory, "Innen")
    grant(factory, boss_id, {inner: AccessLevel.FULL}, private={inner})
    separate = TenantService(factory, data_router).create_tenant(
        boss, TenantInput(name="Getrennt", kind=Kind.SEPARATE, database_url=url)
    )
    return factory, data_router, boss_id, boss, inner, separate


def test_a_separate_tenants_customer_contact_is_read_and_changed_with_its_customer(
    main_and_separate: tuple[MigratedDatabase, str],
) -> None:
    """T6, T7, C10, S3: the contact of a customer of a separate tenant is stored in the main
    database with its customer; the customer's "Edit…" (the contacts service with the customer)
    reads and changes that row, never the separate database's contact of the same id (before, it
    overwrote that one); another customer's contact is "not found"; the contacts page and the
    export, which list the tenant's own data from its database, list no row twice."""
    main, url = main_and_separate
    factory, data_router, _boss_id, boss, inner, separate = _boss_and_tenants(main, url)
    contacts = ContactService(data_router)
    own = contacts.save_contact(boss, separate, ContactInput(last_name="Eigene", email="e@example.de"))
    customers = CustomerService(factory)
    customer = customers.create(boss, NewCustomer("4711", "Kunde Fern", separate)).id
    other = customers.create(boss, NewCustomer("4712", "Kunde Innen", inner)).id
    person = CustomerContactService(factory).create_contact(
        boss, customer, NewContact(last_name="Kundin", email="k@example.de")
    )
    assert own == person == 1  # the same id in the two databases
    assert _rows(main.url) == [(person, customer, "Kundin")]
    assert _rows(url) == [(own, None, "Eigene")]

    row, roles = contacts.get_contact(boss, separate, person, customer_id=customer)
    assert (row.last_name, row.email, roles) == ("Kundin", "k@example.de", [])
    contacts.save_contact(
        boss, separate, ContactInput(last_name="Kundin-Neu", city="Kiel"), person, row.version, customer_id=customer
    )
    assert _rows(main.url) == [(person, customer, "Kundin-Neu")]
    assert _rows(url) == [(own, None, "Eigene")]
    assert [c.last_name for c in CustomerContactService(factory).contacts(boss, customer)] == ["Kundin-Neu"]
    with factory() as session:
        audited = session.execute(
            select(AuditEntry.object_id, AuditEntry.tenant_id).where(
                AuditEntry.object_type == "Contact", AuditEntry.action == "update"
            )
        ).all()
    assert [(str(a.object_id), a.tenant_id) for a in audited] == [(str(person), separate)]

    # Another customer's contact, or a stale version: refused, nothing written.
    stale = row.version
    with pytest.raises(NotFoundError):
        contacts.get_contact(boss, separate, person, customer_id=other)
    with pytest.raises(NotFoundError):
        contacts.save_contact(boss, separate, ContactInput(last_name="X"), person, stale + 1, customer_id=other)
    with pytest.raises(ConflictError):
        contacts.save_contact(boss, separate, ContactInput(last_name="X"), person, stale, customer_id=customer)
    assert _rows(main.url) == [(person, customer, "Kundin-Neu")] and _rows(url) == [(own, None, "Eigene")]

    # The contacts page: the tenant's own contact from its database, and its customer's contact
    # from the main database, each once and told apart by their keys (tenant, id, main); for an
    # operator with tenant access and for the application itself (which sees every tenant).
    everything = Operator(id=None, username="system", permissions=boss.permissions, is_system=True)
    for who in (boss, everything):
        listed = [(c.key, c.last_name, c.customer) for c in contacts.list_contacts(who)]
        assert listed == [
            ((separate, own, False), "Eigene", ""),
            ((separate, person, True), "Kundin-Neu", "Kunde Fern"),
        ]
        window = contacts.contact_window(who)
        assert [c.key for c in window.rows] == [(separate, own, False), (separate, person, True)]
        assert window.total == 2 and window.complete


def test_editing_a_contact_renames_its_portal_user(main_and_separate: tuple[MigratedDatabase, str]) -> None:
    """C10, S3, S4, T8: an edit of a contact with a portal account gives the account the contact's
    names (and its address, with the private data right) in the same unit of work, audited as a
    change of the user; without the private data right the account's address stays; for a
    customer of an inner tenant (the contacts page) and of a separate one (the customer's Edit…)."""
    main, url = main_and_separate
    factory = main.session_factory
    data_router = router(main)
    boss_id, lea_id = add_user(factory, "boss"), add_user(factory, "lea")
    boss, lea = operator(boss_id, "boss"), operator(lea_id, "lea")
    (inner,) = add_tenants(factory, "Innen")
    grant(factory, boss_id, {inner: AccessLevel.FULL}, private={inner})
    grant(factory, lea_id, {inner: AccessLevel.FULL})  # no private data
    separate = TenantService(factory, data_router).create_tenant(
        boss, TenantInput(name="Getrennt", kind=Kind.SEPARATE, database_url=url)
    )
    contacts, people = ContactService(data_router), CustomerContactService(factory)
    customers = CustomerService(factory)
    accounts = {}
    for tenant, number in ((inner, "1"), (separate, "2")):
        customer = customers.create(boss, NewCustomer(number, f"Kunde {number}", tenant, remote_access=True)).id
        person = people.create_contact(boss, customer, NewContact(last_name="Alt", first_name="Ada", email="a@x.de"))
        user = people.create_external_user(boss, NewExternalUser(person, f"ada{number}", "geheim1", "geheim1"))
        accounts[tenant] = (customer, person, user)

    def user_row(user_id: int) -> tuple[str, str, str | None, str]:
        with factory() as session:
            u = session.get(User, user_id)
            assert u is not None
            return (u.first_name, u.last_name, u.email, u.username)

    customer, person, user = accounts[inner]
    row, _ = contacts.get_contact(boss, inner, person)
    contacts.save_contact(
        boss, inner, ContactInput(last_name="Neu", first_name="Ida", email="i@x.de"), person, row.version
    )
    assert user_row(user) == ("Ida", "Neu", "i@x.de", "ada1")
    assert stale_search_keys(main.engine) == []  # the users search finds the new name (U1)
    with factory() as session:
        changes = session.scalars(
            select(AuditEntry.changes).where(AuditEntry.object_type == "User", AuditEntry.action == "update")
        ).all()
    assert len(changes) == 1 and {"first_name", "last_name", "email"} <= set(changes[0])

    # Without private data the address is masked and locked: the contact's and the account's stay.
    row, _ = contacts.get_contact(lea, inner, person)
    assert row.email == "•••"
    contacts.save_contact(lea, inner, ContactInput(last_name="Lea-Schreibt"), person, row.version)
    assert user_row(user) == ("", "Lea-Schreibt", "i@x.de", "ada1")

    # A stale save changes neither the contact nor its account (S4).
    with pytest.raises(ConflictError):
        contacts.save_contact(boss, inner, ContactInput(last_name="Nie"), person, row.version)
    assert user_row(user) == ("", "Lea-Schreibt", "i@x.de", "ada1")

    customer, person, user = accounts[separate]
    row, _ = contacts.get_contact(boss, separate, person, customer_id=customer)
    contacts.save_contact(
        boss, separate, ContactInput(last_name="Fern", first_name="Bo"), person, row.version, customer_id=customer
    )
    assert user_row(user) == ("Bo", "Fern", None, "ada2")


def _separate_world(main: MigratedDatabase, url: str) -> SimpleNamespace:
    """An inner and a separate tenant; the separate one has its own contact "Eigene" (id 1 in its
    database) with a person-role, and a customer whose contact "Kundin" is id 1 of the main
    database; an inner tenant's contact "Innen" (id 2 there)."""
    factory, data_router, boss_id, boss, inner, separate = _boss_and_tenants(main, url)
    contacts = ContactService(data_router)
    own = contacts.save_contact(boss, separate, ContactInput(last_name="Eigene", email="e@example.de"))
    own_role = contacts.save_role(boss, separate, own, separate, RoleInput("Eigenes Blatt"))
    customer = CustomerService(factory).create(boss, NewCustomer("4711", "Kunde Fern", separate)).id
    person = CustomerContactService(factory).create_contact(
        boss, customer, NewContact(last_name="Kundin", email="k@example.de")
    )
    innen = contacts.save_contact(boss, inner, ContactInput(last_name="Innen"))
    assert own == person == 1 and own_role == 1 and innen == 2
    return SimpleNamespace(
        factory=factory,
        router=data_router,
        boss_id=boss_id,
        boss=boss,
        inner=inner,
        separate=separate,
        contacts=contacts,
        own=own,
        own_role=own_role,
        customer=customer,
        person=person,
        innen=innen,
    )


def _keyed(rows: list[ContactRow]) -> list[tuple[tuple[int, int, bool], str]]:
    return [(r.key, r.last_name) for r in rows]


def test_the_contacts_page_shows_a_separate_tenants_customer_contacts_by_the_customer_lists_rules(
    main_and_separate: tuple[MigratedDatabase, str],
) -> None:
    """T6, T8, C10, S1, S2: the contacts list (page, windows, search, export) shows the contacts
    of a separate tenant's customers from the main database beside the tenant's own, each keyed
    (tenant, id, main), to an operator who may see that customer's contact list: the right
    customers.view and the tenant visible; masked without private data, read only with read
    access (and then refused in the service), gone when the tenant is hidden or filtered away."""
    main, url = main_and_separate
    w = _separate_world(main, url)
    s, c = w.separate, w.contacts
    both = [((s, w.own, False), "Eigene"), ((w.inner, w.innen, False), "Innen"), ((s, w.person, True), "Kundin")]
    assert _keyed(c.list_contacts(w.boss)) == both
    window = c.contact_window(w.boss)
    assert _keyed(window.rows) == both and window.total == 3
    marked = window.rows[2]
    assert (marked.customer, marked.tenant, marked.email, marked.editable) == (
        "Kunde Fern",
        "Getrennt",
        "k@example.de",
        True,
    )
    # The search reaches them too (its matching rule is the page's, _contact_search).
    assert _keyed(c.contact_window(w.boss, "kund").rows) == [((s, w.person, True), "Kundin")]

    # Without the right to see customers: the tenant's own contacts only, and the marked key refused.
    no_customers = operator(w.boss_id, "boss", permissions=ALL - {"customers.view"})
    assert _keyed(c.list_contacts(no_customers)) == both[:2]
    with pytest.raises(PermissionDeniedError):
        c.get_contact(no_customers, s, w.person, True)

    # Read access without private data: masked and read only, a change refused (T8, S2).
    lea_id = add_user(w.factory, "lea")
    lea = operator(lea_id, "lea")
    grant(w.factory, lea_id, {s: AccessLevel.READ_ONLY})
    [own_row, lea_row] = c.list_contacts(lea)
    assert own_row.key == (s, w.own, False) and lea_row.key == (s, w.person, True)
    assert (lea_row.email, lea_row.editable) == ("•••", False)
    with pytest.raises(PermissionDeniedError):
        c.save_contact(lea, s, ContactInput(last_name="X"), w.person, lea_row.version, main=True)
    with pytest.raises(PermissionDeniedError):
        c.delete_contacts(lea, {lea_row.key: lea_row.version})
    # Hidden: absent, and "not found" by key.
    grant(w.factory, lea_id, {s: AccessLevel.HIDDEN})
    assert c.list_contacts(lea) == []
    with pytest.raises(NotFoundError):
        c.get_contact(lea, s, w.person, True)

    # The tenant filter (T9) keeps them with their tenant: filtered to the inner tenant, gone.
    filtered = replace(w.boss, tenant_filter=frozenset({w.inner}))
    assert _keyed(c.list_contacts(filtered)) == [((w.inner, w.innen, False), "Innen")]
    assert _keyed(c.contact_window(replace(w.boss, tenant_filter=frozenset({s}))).rows) == [both[0], both[2]]


def test_a_marked_contact_is_edited_deleted_and_undone_in_the_main_database(
    main_and_separate: tuple[MigratedDatabase, str], tmp_path: Path
) -> None:
    """T6, C10, S3, S4, E7: every action on a marked row (tenant, id, main) reaches the customer's
    contact in the main database and never the separate tenant's own contact of the same id:
    Edit… (and its portal user follows), person-roles added and deleted, delete with undo, the
    export of a selection; a delete of keys of two databases together is refused."""
    main, url = main_and_separate
    w = _separate_world(main, url)
    s, c = w.separate, w.contacts
    row, roles = c.get_contact(w.boss, s, w.person, True)
    assert (row.key, row.last_name, row.customer, roles) == ((s, w.person, True), "Kundin", "Kunde Fern", [])
    own_row, own_roles = c.get_contact(w.boss, s, w.own)
    assert own_row.last_name == "Eigene" and [r.organisation for r in own_roles] == ["Eigenes Blatt"]

    c.save_contact(w.boss, s, ContactInput(last_name="Kundin-Neu"), w.person, row.version, main=True)
    assert _rows(main.url) == [(w.person, w.customer, "Kundin-Neu"), (w.innen, None, "Innen")]
    assert _rows(url) == [(w.own, None, "Eigene")]

    # Person-roles of the marked contact live with it in the main database: of its own tenant or an
    # inner one; another separate tenant's database is refused.
    role = c.save_role(w.boss, s, w.person, s, RoleInput("Kundenblatt"), main=True)
    c.save_role(w.boss, s, w.person, w.inner, RoleInput("Innenblatt"), main=True)
    row, roles = c.get_contact(w.boss, s, w.person, True)
    assert sorted(r.organisation for r in roles) == ["Innenblatt", "Kundenblatt"]
    assert [r.organisation for r in c.get_contact(w.boss, s, w.own)[1]] == ["Eigenes Blatt"]
    assert role == w.own_role  # the same id in the two databases
    kundenblatt = next(r for r in roles if r.organisation == "Kundenblatt")
    c.delete_roles(w.boss, s, {kundenblatt.id: kundenblatt.version}, main=True)
    assert [r.organisation for r in c.get_contact(w.boss, s, w.person, True)[1]] == ["Innenblatt"]
    assert [r.organisation for r in c.get_contact(w.boss, s, w.own)[1]] == ["Eigenes Blatt"]
    # The list member picker offers the separate tenant's own role only (its lists live there).
    assert {(r.tenant_id, r.organisation) for r in c.list_person_roles(w.boss)} == {
        (s, "Eigenes Blatt"),
        (w.inner, "Innenblatt"),
    }

    # The export of the selection: the marked key exports the customer's contact, named as such.
    path = tmp_path / "auswahl.xlsx"
    assert c.export(w.boss, path, keys=[(s, w.person, True)]) == 1
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    values = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert values[0] == "Kundin-Neu" and values[4] == "Getrennt (customer Kunde Fern)"

    # Keys of two databases in one delete: refused, nothing deleted.
    listed = {r.key: r.version for r in c.list_contacts(w.boss)}
    with pytest.raises(ValidationError):
        c.delete_contacts(w.boss, {k: v for k, v in listed.items() if k[0] == s})
    # The marked contact with an inner tenant's (both in the main database): deleted together, undone.
    chosen = {k: v for k, v in listed.items() if k != (s, w.own, False)}
    deleted, record = recorded(c.delete_contacts, w.boss, chosen)
    assert deleted == 2 and _rows(main.url) == [] and _rows(url) == [(w.own, None, "Eigene")]
    UndoService(w.factory).revert(w.boss, record)
    assert _rows(main.url) == [(w.person, w.customer, "Kundin-Neu"), (w.innen, None, "Innen")]
    assert _rows(url) == [(w.own, None, "Eigene")]
    assert _keyed(c.list_contacts(w.boss)) == [
        ((s, w.own, False), "Eigene"),
        ((w.inner, w.innen, False), "Innen"),
        ((s, w.person, True), "Kundin-Neu"),
    ]
    # The tenant's own contact by its key: deleted in its own database only.
    c.delete_contacts(w.boss, {(s, w.own, False): listed[(s, w.own, False)]})
    assert _rows(url) == [] and len(_rows(main.url)) == 2


def test_a_portal_users_address_is_copied_only_with_the_private_data_right(
    main_and_separate: tuple[MigratedDatabase, str],
) -> None:
    """C10, T8: a contact that becomes a portal user gives the account its names, and its e-mail
    address only when the operator has the private data right in the contact's tenant; user
    administration lists addresses unmasked, so without the right the address would leak there.
    For a customer of an inner and of a separate tenant."""
    main, url = main_and_separate
    w = _separate_world(main, url)
    lea_id = add_user(w.factory, "lea")
    lea = operator(lea_id, "lea")
    grant(w.factory, lea_id, {w.inner: AccessLevel.FULL, w.separate: AccessLevel.FULL})  # no private data
    grant(w.factory, w.boss_id, {w.separate: AccessLevel.FULL}, private={w.inner, w.separate})
    customers, people = CustomerService(w.factory), CustomerContactService(w.factory)
    made = []
    for number, tenant in (("1", w.inner), ("2", w.separate)):
        customer = customers.create(w.boss, NewCustomer(f"90{number}", f"Portal {number}", tenant, remote_access=True))
        for who, name in ((w.boss, "mit"), (lea, "ohne")):
            person = people.create_contact(
                w.boss, customer.id, NewContact(last_name=name.title(), email=f"{name}{number}@example.de")
            )
            user_id = people.create_external_user(who, NewExternalUser(person, f"{name}{number}", "geheim1", "geheim1"))
            with w.factory() as session:
                user = session.get(User, user_id)
                assert user is not None
                made.append((user.username, user.last_name, user.email))
    assert made == [
        ("mit1", "Mit", "mit1@example.de"),
        ("ohne1", "Ohne", None),
        ("mit2", "Mit", "mit2@example.de"),
        ("ohne2", "Ohne", None),
    ]
