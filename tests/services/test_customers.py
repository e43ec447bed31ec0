"""Customer services (SPEC C1-C12, T8) on SQLite, PostgreSQL and MariaDB."""

from __future__ import annotations

import pytest
from customerhelpers import World, build_world, group_id, members
from dbhelpers import MigratedDatabase
from sqlalchemy import event, func, select

from mandant_desktop.db.models import (
    AccessLevel,
    AuditEntry,
    Customer,
    CustomerStatus,
    RightsGroup,
    TenantAccess,
    User,
    UserKind,
    UserStatus,
)
from mandant_desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from mandant_desktop.domain.rights_group_names import Element, NamingPattern
from mandant_desktop.services.contact_persons import ContactPersonService
from mandant_desktop.services.customer_contacts import CustomerContactService, NewContact, NewExternalUser
from mandant_desktop.services.customers import (
    CustomerQuery,
    CustomerService,
    NewCustomer,
    PropertiesChange,
    SortKey,
)
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.passwords import verify_password
from mandant_desktop.services.rights_groups import RightsGroupService
from mandant_desktop.services.rights_naming import RightsNamingService
from mandant_desktop.services.unit_of_work import UnitOfWork

SYSTEM = system_operator("test")


@pytest.fixture
def world(migrated_db: MigratedDatabase) -> World:
    return build_world(migrated_db)


def _services(w: World) -> tuple[CustomerService, CustomerContactService, ContactPersonService, RightsGroupService]:
    f = w.db.session_factory
    return CustomerService(f), CustomerContactService(f), ContactPersonService(f), RightsGroupService(f)


def _count(w: World, model: type, *where: object) -> int:
    with w.db.session_factory() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0  # type: ignore[arg-type]


def _versions(customers: CustomerService, *ids: int) -> dict[int, int]:
    """The versions of the customers as the page would have read them (S4)."""
    return {cid: customers.details(SYSTEM, cid).version for cid in ids}


def test_create_with_remote_access_names_the_group_by_the_pattern(world: World) -> None:
    """C2, C3, C4: X + number + name gives X12345-Heidelberg; the group is listed at once."""
    customers, *_, groups = _services(world)
    created = customers.create(
        world.mia,
        NewCustomer("12345", "Heidelberg", world.nord, short_name="HD", remote_access=True, quota_mb="500"),
    )
    assert created.group_name == "X12345-Heidelberg"
    details = customers.details(world.mia, created.id)
    assert details.quota_mb == 500 and details.group_id == created.group_id and details.editable
    assert any(g.name == "X12345-Heidelberg" for g in groups.groups(world.mia))
    plain = customers.create(world.mia, NewCustomer("777", "Ohne Portal", world.nord, quota_mb="999"))
    assert plain.group_id is None and customers.details(world.mia, plain.id).quota_mb is None


def test_bad_input_changes_nothing(world: World) -> None:
    """C2, C3: duplicate number, negative quota, clashing group name are clear errors; nothing saved."""
    customers, *_ = _services(world)
    customers.create(world.mia, NewCustomer("100", "Alpha", world.nord, remote_access=True))
    before = _count(world, Customer)
    with pytest.raises(ValidationError, match="already taken"):
        customers.create(world.mia, NewCustomer("100", "Beta", world.nord))
    with pytest.raises(ValidationError, match="negative"):
        customers.create(world.mia, NewCustomer("101", "Beta", world.nord, remote_access=True, quota_mb=-1))
    with pytest.raises(ValidationError, match="whole number"):
        customers.create(world.mia, NewCustomer("101", "Beta", world.nord, remote_access=True, quota_mb="1,5"))
    RightsNamingService(world.db.session_factory).save(
        SYSTEM, NamingPattern("X", Element.NAME, Element.NUMBER), expected_version=0
    )
    with pytest.raises(ValidationError, match="exists already") as clash:
        customers.create(world.mia, NewCustomer("Alpha", "100", world.nord, remote_access=True))
    assert clash.value.values["name"] == "X100-Alpha"
    assert _count(world, Customer) == before
    assert _count(world, RightsGroup, RightsGroup.customer_id.is_not(None)) == 1


def test_tenant_scope_on_lists_and_edits(world: World) -> None:
    """T8: hidden tenants' customers appear nowhere; read-only customers are shown but refused."""
    customers, *_ = _services(world)
    for number, tenant in (("1", world.nord), ("2", world.sued), ("3", world.hidden)):
        customers.create(SYSTEM, NewCustomer(number, f"Kunde {number}", tenant))
    query = CustomerQuery()
    rows = customers.rows(world.mia, query, 0, 50)
    assert [(r.number, r.editable) for r in rows] == [("1", True), ("2", False)]
    assert customers.count(world.mia, query) == 2
    assert [t for t, _ in customers.editable_tenants(world.mia)] == [world.nord]
    with pytest.raises(PermissionDeniedError):
        customers.create(world.mia, NewCustomer("4", "Nein", world.sued))
    with pytest.raises(PermissionDeniedError):
        customers.deactivate(world.mia, {rows[1].id: rows[1].version})
    hidden_id = customers.rows(SYSTEM, CustomerQuery(search="Kunde 3"), 0, 5)[0].id
    with pytest.raises(NotFoundError):
        customers.details(world.mia, hidden_id)
    filtered = Operator(
        id=world.mia.id, username="mia", permissions=world.mia.permissions, tenant_filter=frozenset({world.sued})
    )
    assert [r.number for r in customers.rows(filtered, query, 0, 50)] == ["2"]


def test_sort_and_search_on_the_server(world: World) -> None:
    """C1: every column sorts; the search finds number, name and short name; one query for contact persons."""
    w = world
    customers, _, persons, _ = _services(w)
    for number, name, short in (("9", "Zeta", "zz"), ("10", "Alpha", "aa"), ("100", "Mitte", "Heidel")):
        customers.create(SYSTEM, NewCustomer(number, name, w.nord, short_name=short, remote_access=number == "10"))
    ids = {r.number: r.id for r in customers.rows(SYSTEM, CustomerQuery(), 0, 10)}
    assert list(ids) == ["9", "10", "100"]
    persons.apply(SYSTEM, [ids["100"]], add=w.reps[:2])
    for key in SortKey:
        forward = customers.rows(SYSTEM, CustomerQuery(sort=key), 0, 10)
        backward = customers.rows(SYSTEM, CustomerQuery(sort=key, descending=True), 0, 10)
        assert len(forward) == 3 and len(backward) == 3
    assert [r.name for r in customers.rows(SYSTEM, CustomerQuery(sort=SortKey.NAME), 0, 10)] == [
        "Alpha",
        "Mitte",
        "Zeta",
    ]
    by_persons = customers.rows(SYSTEM, CustomerQuery(sort=SortKey.CONTACT_PERSONS, descending=True), 0, 10)
    assert by_persons[0].contact_persons == ("Rolf Roth", "Sina Sommer")
    assert [r.number for r in customers.rows(SYSTEM, CustomerQuery(search="heid"), 0, 10)] == ["100"]
    assert customers.count(SYSTEM, CustomerQuery(search="10")) == 2
    assert customers.count(SYSTEM, CustomerQuery(search="%")) == 0
    statements: list[str] = []
    event.listen(w.db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    customers.rows(SYSTEM, CustomerQuery(), 0, 10)
    assert len(statements) <= 4  # scope, window, contact persons (+ BEGIN on some drivers)


def test_remote_access_removal_deletes_group_and_external_users(world: World) -> None:
    """C9, C10, C5: external user in the group; unticking remote access deletes both."""
    customers, contacts, _, groups = _services(world)
    created = customers.create(world.mia, NewCustomer("500", "Druckhaus", world.nord, remote_access=True))
    contact = contacts.create_contact(
        world.mia, created.id, NewContact("Becker", "Bea", "Einkauf", email="bea@x.example")
    )
    user_id = contacts.create_external_user(
        world.mia, NewExternalUser(contact, "bea.becker", "geheim1", "geheim1", True)
    )
    with world.db.session_factory() as session:
        user = session.get(User, user_id)
        assert user is not None and user.kind is UserKind.EXTERNAL and user.customer_id == created.id
        assert user.password_hash and user.password_hash.startswith("$argon2id$")
        assert verify_password(user.password_hash, "geheim1")
    assert created.group_id is not None and user_id in members(world.db, created.group_id)
    assert user_id in members(world.db, group_id(world.db, "RemoteAdministrators"))
    groups.set_permissions(
        world.mia,
        created.group_id,
        ["portal.view_jobs"],
        expected_version=groups.details(world.mia, created.group_id).version,
    )
    extra = groups.create_group(world.mia, "Freigeber", "Dürfen Proofs freigeben")
    groups.set_permissions(
        world.mia, extra, ["portal.approve_proofs"], expected_version=groups.details(world.mia, extra).version
    )
    groups.add_members(world.mia, extra, [user_id])
    assert groups.portal_rights(world.mia, user_id) == {"portal.view_jobs", "portal.approve_proofs"}
    details = customers.details(world.mia, created.id)
    customers.update_properties(
        world.mia,
        created.id,
        PropertiesChange(remote_access=False, quota_mb=None, is_agency=False, default_agency_id=None),
        expected_version=details.version,
    )
    assert _count(world, User, User.id == user_id) == 0
    assert _count(world, RightsGroup, RightsGroup.customer_id == created.id) == 0
    assert customers.details(world.mia, created.id).remote_access is False


def test_external_user_rules(world: World) -> None:
    """C10, C12: short or mismatched password, taken user name, no remote access: refused; deactivate."""
    w = world
    customers, contacts, _, _ = _services(w)
    portal = customers.create(w.mia, NewCustomer("1", "Portal", w.nord, remote_access=True))
    offline = customers.create(w.mia, NewCustomer("2", "Offline", w.nord))
    c1 = contacts.create_contact(w.mia, portal.id, NewContact("Adam"))
    c2 = contacts.create_contact(w.mia, offline.id, NewContact("Berta"))
    with pytest.raises(ValidationError, match="at least 6"):
        contacts.create_external_user(w.mia, NewExternalUser(c1, "adam", "kurz", "kurz"))
    with pytest.raises(ValidationError, match="do not match"):
        contacts.create_external_user(w.mia, NewExternalUser(c1, "adam", "geheim1", "geheim2"))
    with pytest.raises(ValidationError, match="is taken"):
        contacts.create_external_user(w.mia, NewExternalUser(c1, "MIA", "geheim1", "geheim1"))
    with pytest.raises(ValidationError, match="no remote access"):
        contacts.create_external_user(w.mia, NewExternalUser(c2, "berta", "geheim1", "geheim1"))
    assert _count(w, User, User.kind == UserKind.EXTERNAL) == 0
    editor = Operator(id=w.mia.id, username="mia", permissions=w.mia.permissions - {"customers.manage_external_users"})
    with pytest.raises(PermissionDeniedError):
        contacts.create_external_user(editor, NewExternalUser(c1, "adam", "geheim1", "geheim1"))
    user_id = contacts.create_external_user(w.mia, NewExternalUser(c1, "adam", "geheim1", "geheim1"))
    contacts.set_external_user_active(w.mia, user_id, False, expected_version=1)
    assert contacts.contacts(w.mia, portal.id)[0].user == contacts.contacts(w.mia, portal.id)[0].user
    assert contacts.contacts(w.mia, portal.id)[0].user.active is False  # type: ignore[union-attr]
    contacts.set_external_user_active(
        w.mia,
        user_id,
        True,
        expected_version=contacts.contacts(w.mia, portal.id)[0].user.version,  # type: ignore[union-attr]
    )
    assert contacts.contacts(w.mia, portal.id)[0].user.active is True  # type: ignore[union-attr]


def test_delete_and_deactivate(world: World) -> None:
    """C6: deactivate all external users instead; delete removes them; the number is remembered."""
    customers, contacts, _, _ = _services(world)
    a = customers.create(world.mia, NewCustomer("12345", "Heidelberg", world.nord, remote_access=True))
    b = customers.create(world.mia, NewCustomer("12346", "Mannheim", world.nord, remote_access=True))
    users = []
    for created, name in ((a, "anna"), (b, "bernd")):
        contact = contacts.create_contact(world.mia, created.id, NewContact(name.title()))
        users.append(contacts.create_external_user(world.mia, NewExternalUser(contact, name, "geheim1", "geheim1")))
    assert customers.external_user_count(world.mia, [a.id, b.id]) == 2
    assert customers.deactivate(world.mia, _versions(customers, a.id, b.id)) == 2
    assert _count(world, User, User.status == UserStatus.DEACTIVATED) == 2
    assert customers.details(world.mia, a.id).status is CustomerStatus.DEACTIVATED
    assert _count(world, AuditEntry, AuditEntry.object_type == "User", AuditEntry.action == "update") == 2
    customers.reactivate(world.mia, _versions(customers, a.id))
    assert customers.details(world.mia, a.id).status is CustomerStatus.ACTIVE
    assert customers.delete(world.mia, _versions(customers, a.id)) == 1
    assert _count(world, User, User.id == users[0]) == 0 and _count(world, User, User.id == users[1]) == 1
    old = customers.deleted_number(world.mia, "12345")
    assert old is not None and old.name == "Heidelberg"
    assert customers.deleted_number(world.mia, "12346") is None
    readonly = Operator(id=world.mia.id, username="mia", permissions=frozenset({"customers.view"}))
    with pytest.raises(PermissionDeniedError):
        customers.delete(readonly, _versions(customers, b.id))


def test_contact_persons_multi_selection_and_memberships(world: World) -> None:
    """C7: assigned to all / some; assigning joins the customer group, RemoteAdministrators, RemoteUsers;
    unassigning keeps them unless asked to remove them too."""
    customers, _, persons, _ = _services(world)
    a = customers.create(world.mia, NewCustomer("1", "A", world.nord, remote_access=True))
    b = customers.create(world.mia, NewCustomer("2", "B", world.nord))
    rolf, sina, tom = world.reps
    persons.apply(world.mia, [a.id, b.id], add=[rolf])
    persons.apply(world.mia, [a.id], add=[sina])
    state = persons.state(world.mia, [a.id, b.id])
    assert [c.user_id for c in state.candidates] == [sina, rolf, tom] or {c.user_id for c in state.candidates} == {
        rolf,
        sina,
        tom,
    }
    assert {(x.representative.user_id, x.to_all, x.customer_numbers) for x in state.assigned} == {
        (rolf, True, ("1", "2")),
        (sina, False, ("1",)),
    }
    remote_admins, remote_users = group_id(world.db, "RemoteAdministrators"), group_id(world.db, "RemoteUsers")
    assert a.group_id is not None
    for group in (a.group_id, remote_admins, remote_users):
        assert {rolf, sina} <= members(world.db, group)
    persons.apply(world.mia, [a.id, b.id], remove=[rolf])
    assert rolf in members(world.db, a.group_id)
    persons.apply(world.mia, [a.id], remove=[sina], remove_memberships_too=True)
    assert sina not in members(world.db, a.group_id) and sina not in members(world.db, remote_users)
    with pytest.raises(ValidationError, match="CustomerSalesRepresentatives"):
        persons.apply(world.mia, [a.id], add=[world.mia.id or 0])


def test_agencies_and_default_agency(world: World) -> None:
    """C9, C11: agencies searchable; the default agency must be one; the agency lists its clients."""
    w = world
    customers, *_ = _services(w)
    agency = customers.create(
        w.mia, NewCustomer("50", "Werbeagentur Licht", w.nord, short_name="Licht", is_agency=True)
    )
    client = customers.create(w.mia, NewCustomer("51", "Bäckerei Korn", w.nord))
    other = customers.create(w.mia, NewCustomer("52", "Metzgerei Wurst", w.nord))
    assert [a.id for a in customers.agencies(w.mia, "licht")] == [agency.id]
    assert customers.agencies(w.mia, "korn") == []
    change = PropertiesChange(remote_access=False, quota_mb=None, is_agency=False, default_agency_id=agency.id)
    customers.update_properties(w.mia, client.id, change, expected_version=customers.details(w.mia, client.id).version)
    assert customers.details(w.mia, client.id).default_agency == "Werbeagentur Licht (50)"
    assert [c.number for c in customers.agency_clients(w.mia, agency.id)] == ["51"]
    bad = PropertiesChange(remote_access=False, quota_mb=None, is_agency=False, default_agency_id=other.id)
    with pytest.raises(ValidationError, match="not an agency"):
        customers.update_properties(w.mia, client.id, bad, expected_version=customers.details(w.mia, client.id).version)
    no_longer = PropertiesChange(remote_access=False, quota_mb=None, is_agency=False, default_agency_id=None)
    with pytest.raises(ValidationError, match="default agency"):
        customers.update_properties(
            w.mia, agency.id, no_longer, expected_version=customers.details(w.mia, agency.id).version
        )
    from mandant_desktop.domain.errors import ConflictError

    with pytest.raises(ConflictError):
        customers.update_properties(w.mia, client.id, change, expected_version=1)


def test_export_follows_scope_filter_and_search(world: World, tmp_path: object) -> None:
    """C1, T8, T9: the export has the rows the page shows: visible tenants, the tenant filter, the search."""
    import openpyxl

    from mandant_desktop.services.exports import export_customers

    w = world
    customers, *_ = _services(w)
    for number, tenant in (("1", w.nord), ("2", w.sued), ("3", w.hidden), ("4", w.nord)):
        customers.create(SYSTEM, NewCustomer(number, f"Kunde {number}", tenant))
    path = f"{tmp_path}/kunden.xlsx"
    assert export_customers(w.db.session_factory, w.mia, path) == 3
    filtered = Operator(
        id=w.mia.id, username="mia", permissions=w.mia.permissions, tenant_filter=frozenset({w.nord, w.hidden})
    )
    assert export_customers(w.db.session_factory, filtered, path, search="kunde 4") == 1
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None and [c.value for c in sheet[2]][:2] == ["4", "Kunde 4"]


def test_rights_groups_follow_the_tenant_scope_with_or_without_an_id_list(world: World) -> None:
    """C4, T8 (issue 8): a customer group is listed as its customer; mia does not see the hidden
    tenant's group. Given every tenant there is, the list is read without the tenants' ids and
    holds every group, as for the system."""
    customers, _contacts, _persons, groups = _services(world)
    for number, tenant in (("1", world.nord), ("2", world.sued), ("3", world.hidden)):
        customers.create(SYSTEM, NewCustomer(number, f"Kunde {number}", tenant, remote_access=True))
    everything = [g.id for g in groups.groups(SYSTEM)]
    hidden = {g.id for g in groups.groups(SYSTEM) if g.customer_number == "3"}
    assert len(hidden) == 1
    assert [g.id for g in groups.groups(world.mia)] == [i for i in everything if i not in hidden]
    assert groups.count(world.mia) == len(everything) - 1
    with UnitOfWork(world.db.session_factory, SYSTEM) as uow:
        uow.session.add(TenantAccess(tenant_id=world.hidden, user_id=world.mia.id, level=AccessLevel.READ_ONLY))
        uow.commit()
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(world.db.engine, "before_cursor_execute", seen)
    try:
        listed = [g.id for g in groups.groups(world.mia)]
    finally:
        event.remove(world.db.engine, "before_cursor_execute", seen)
    assert listed == everything and groups.count(world.mia) == len(everything)
    listing = next(s for s in statements if "FROM rights_group" in s and "ORDER BY" in s)
    assert "customer.tenant_id IN" not in listing.replace("\n", " ")
