"""A customer's contacts live with their customer, also when its tenant is separate (SPEC T6, T7,
C10), and a contact's portal user follows an edit of the contact (C10, S3), on SQLite,
PostgreSQL and MariaDB.

Customers stay in the main database whatever their tenant's kind (services.customers), and so do
their contacts (services.customer_contacts) and the portal accounts bound to them (``app_user``
refers to ``contact``). A separate tenant's own contacts live in its database, with ids that
repeat the main database's: a customer's contact is read and changed in the main database only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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
from sqlalchemy.pool import NullPool
from tenanthelpers import add_tenants, add_user, grant, operator, router

from mandant_desktop.db.models import AccessLevel, AuditEntry, Contact, User
from mandant_desktop.db.models import TenantKind as Kind
from mandant_desktop.domain.errors import ConflictError, NotFoundError
from mandant_desktop.services.contacts import ContactInput, ContactService
from mandant_desktop.services.customer_contacts import CustomerContactService, NewContact, NewExternalUser
from mandant_desktop.services.customers import CustomerService, NewCustomer
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenants import TenantInput, TenantService


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
            return [tuple(r) for r in conn.execute(select(Contact.id, Contact.customer_id, Contact.last_name))]  # type: ignore[misc]
    finally:
        engine.dispose()


def test_a_separate_tenants_customer_contact_is_read_and_changed_with_its_customer(
    main_and_separate: tuple[MigratedDatabase, str],
) -> None:
    """T6, T7, C10, S3: the contact of a customer of a separate tenant is stored in the main
    database with its customer; the customer's "Edit…" (the contacts service with the customer)
    reads and changes that row, never the separate database's contact of the same id (before, it
    overwrote that one); another customer's contact is "not found"; the contacts page and the
    export, which list the tenant's own data from its database, list no row twice."""
    main, url = main_and_separate
    factory = main.session_factory
    data_router = router(main)
    boss_id = add_user(factory, "boss")
    boss = operator(boss_id, "boss")
    (inner,) = add_tenants(factory, "Innen")
    grant(factory, boss_id, {inner: AccessLevel.FULL}, private={inner})
    separate = TenantService(factory, data_router).create_tenant(
        boss, TenantInput(name="Getrennt", kind=Kind.SEPARATE, database_url=url)
    )
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

    # The contacts page: the tenant's own contacts, from its database, each once; for an operator
    # with tenant access and for the application itself (which sees every tenant).
    everything = Operator(id=None, username="system", permissions=boss.permissions, is_system=True)
    for who in (boss, everything):
        listed = [(c.tenant_id, c.id, c.last_name) for c in contacts.list_contacts(who)]
        assert listed == [(separate, own, "Eigene")]
        window = contacts.contact_window(who)
        assert [(c.tenant_id, c.id) for c in window.rows] == [(separate, own)] and window.total == 1


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
