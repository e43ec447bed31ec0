"""Undo and redo through the services (SPEC E7, S2, S3, S4, T8), on all three backends.

Each round trip records a service call, undoes it through :class:`UndoService` and redoes it: the
database's content (every table but the audit log and the mail outbox, without the bookkeeping
columns) must be exactly as before the change after the undo, and exactly as after it after the
redo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from dbhelpers import MigratedDatabase, other_workstation
from sqlalchemy import select, update

from mandant_desktop.bootstrap import Services
from mandant_desktop.db.models import (
    AccessLevel,
    AuditEntry,
    Base,
    Contact,
    Customer,
    DistributionList,
    PersonRole,
    RightsGroup,
    RightsGroupMember,
    Role,
    RoleAssignment,
    Template,
    Tenant,
    TenantAccess,
    User,
)
from mandant_desktop.domain.errors import ConflictError, PermissionDeniedError
from mandant_desktop.domain.rights_group_names import Element, NamingPattern
from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.domain.tenants import Access
from mandant_desktop.services.auth import AuthService, FirstAdmin
from mandant_desktop.services.change_record import ChangeRecord
from mandant_desktop.services.contacts import ContactInput, RoleInput
from mandant_desktop.services.customers import NewCustomer, PropertiesChange
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.progress import OperationCancelledError
from mandant_desktop.services.recording import BLOCKED_MAIL, BLOCKED_PASSWORD, recorded
from mandant_desktop.services.secrets import MemorySecretStore
from mandant_desktop.services.tenants import TenantInput
from mandant_desktop.services.undo import NotUndoableError, UndoService, carry_versions
from mandant_desktop.services.users import NewUser

_SKIPPED_TABLES = {"audit_log", "outbox_mail"}
_BOOKKEEPING = {"version", "updated_at", "updated_by"}


class World:
    def __init__(self, db: MigratedDatabase) -> None:
        self.db = db
        self.services = Services(db.session_factory, secrets=MemorySecretStore())
        self.undo = UndoService(db.session_factory)
        self.admin = AuthService(db.session_factory).create_first_admin(
            FirstAdmin(username="chef", password="Sehr-geheim1", password_repeat="Sehr-geheim1", email="c@x.de")
        )
        self.nord = self.services.tenants.create_tenant(self.admin, TenantInput(name="Nord"))

    def content(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, without bookkeeping, in key order."""
        found = {}
        with self.db.session_factory() as session:
            for table in Base.metadata.sorted_tables:
                if table.name in _SKIPPED_TABLES:
                    continue
                columns = [c for c in table.columns if c.name not in _BOOKKEEPING]
                rows = session.execute(select(*columns).order_by(*table.primary_key.columns)).all()
                found[table.name] = [tuple(row) for row in rows]
        return found

    def round_trip(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, ChangeRecord]:
        """Record ``fn``, undo it, redo it; checks the content after each step."""
        before = self.content()
        result, record = recorded(fn, *args, **kwargs)
        assert record.undoable, record.blocked
        after = self.content()
        assert after != before
        inverse = self.undo.revert(self.admin, record)
        assert self.content() == before
        again = self.undo.revert(self.admin, inverse)
        assert self.content() == after
        return result, again

    def version(self, model: type[Any], pk: Any) -> int:
        with self.db.session_factory() as session:
            row = session.get(model, pk)
            assert row is not None
            return int(row.version)


@pytest.fixture
def world(migrated_db: MigratedDatabase) -> World:
    return World(migrated_db)


def test_tenants_create_update_delete_and_access(world: World) -> None:
    """E7, T1, T2: creating, changing and deleting a tenant, and saving access, undo and redo."""
    tenants = world.services.tenants
    sued, _ = world.round_trip(tenants.create_tenant, world.admin, TenantInput(name="Süd", newsroom_name="S"))
    world.round_trip(tenants.update_tenant, world.admin, sued, world.version(Tenant, sued), TenantInput(name="Süden"))
    with world.db.session_factory.begin() as session:
        rolf = User(username="rolf", username_key="rolf", first_name="Rolf", last_name="Roth")
        session.add(rolf)
        session.flush()
        rolf_id = rolf.id
    hidden = Access(Level.HIDDEN, False)
    world.round_trip(
        world.services.access.save,
        world.admin,
        {
            (sued, rolf_id): (hidden, Access(Level.READ_ONLY, True)),
            (world.nord, rolf_id): (hidden, Access(Level.FULL, False)),
        },
    )
    world.round_trip(tenants.delete_tenant, world.admin, sued, world.version(Tenant, sued))


def test_users_create_and_deactivate(world: World) -> None:
    """E7, U2: a new user (with the activation link) and a deactivation undo and redo; the sent
    mail stays sent."""
    users = world.services.users
    link, _ = world.round_trip(users.create, world.admin, NewUser("rolf", "rolf@x.de", "Rolf", "Roth"))
    rolf = link.user_id
    world.round_trip(users.set_active, world.admin, [rolf], False, expected_versions={rolf: world.version(User, rolf)})


def test_roles_create_rename_permissions_delete(world: World) -> None:
    """E7, R1: a role's life undone and redone step by step, its assignments coming back with it."""
    roles = world.services.roles
    role, _ = world.round_trip(roles.create, world.admin, "Prüfer", permissions=frozenset({"audit.view"}))
    world.round_trip(roles.rename, world.admin, role, "Prüferin", expected_version=world.version(Role, role))
    world.round_trip(
        roles.set_permission, world.admin, role, "audit.export", True, expected_version=world.version(Role, role)
    )
    with world.db.session_factory.begin() as session:
        unit = session.execute(select(RoleAssignment.org_unit_id)).scalars().first()
        session.add(RoleAssignment(user_id=world.admin.id, role_id=role, org_unit_id=unit))
    world.round_trip(roles.delete, world.admin, role, expected_version=world.version(Role, role))


def test_customers_create_properties_deactivate_delete(world: World) -> None:
    """E7, C2, C6, C9: a portal customer with its rights group; properties; deactivate; delete
    (external users, contacts and the group come back with it)."""
    customers = world.services.customers
    created, _ = world.round_trip(
        customers.create, world.admin, NewCustomer("12345", "Heidelberg", world.nord, "HD", True, 100)
    )
    cid = created.id
    world.round_trip(
        customers.update_properties,
        world.admin,
        cid,
        PropertiesChange(remote_access=True, quota_mb=250, is_agency=True, default_agency_id=None),
        expected_version=world.version(Customer, cid),
    )
    # C7, C10, C12: contact persons, a contact with its external user (password and all), its
    # deactivation
    from mandant_desktop.services.customer_contacts import NewContact, NewExternalUser

    with world.db.session_factory.begin() as session:
        rep = User(username="rolf", username_key="rolf", first_name="Rolf", last_name="Roth")
        session.add(rep)
        session.flush()
        rep_id = rep.id
        sales = session.scalar(select(RightsGroup.id).where(RightsGroup.name == "CustomerSalesRepresentatives"))
        session.add(RightsGroupMember(group_id=sales, user_id=rep_id))
    world.round_trip(world.services.contact_persons.apply, world.admin, [cid], add=[rep_id])
    people = world.services.customer_contacts
    person, _ = world.round_trip(people.create_contact, world.admin, cid, NewContact("Albers", "Anna"))
    external, _ = world.round_trip(
        people.create_external_user, world.admin, NewExternalUser(person, "anna.albers", "Geheim-123", "Geheim-123")
    )
    world.round_trip(
        people.set_external_user_active, world.admin, external, False, expected_version=world.version(User, external)
    )
    world.round_trip(customers.deactivate, world.admin, {cid: world.version(Customer, cid)})
    world.round_trip(customers.reactivate, world.admin, {cid: world.version(Customer, cid)})
    world.round_trip(customers.delete, world.admin, {cid: world.version(Customer, cid)})


def test_contacts_roles_lists_and_templates(world: World) -> None:
    """E7, T7, T10, T12: contacts, person-roles, distribution lists and templates."""
    contacts, lists = world.services.contacts, world.services.lists
    contact, _ = world.round_trip(
        contacts.save_contact, world.admin, world.nord, ContactInput("Meier", "Mia", email="mia@x.de")
    )
    version = world.version(Contact, contact)
    world.round_trip(contacts.save_contact, world.admin, world.nord, ContactInput("Maier", "Mia"), contact, version)
    role, _ = world.round_trip(
        contacts.save_role, world.admin, world.nord, contact, world.nord, RoleInput("Zeitung", "Redakteurin")
    )
    dl, _ = world.round_trip(lists.save_list, world.admin, world.nord, "Presse", "", {(world.nord, role)})
    world.round_trip(
        lists.save_list, world.admin, world.nord, "Presse Nord", "", set(), dl, world.version(DistributionList, dl)
    )
    world.round_trip(lists.delete_list, world.admin, world.nord, dl, world.version(DistributionList, dl))
    template, _ = world.round_trip(lists.save_template, world.admin, world.nord, "Einladung", "Hallo", "Text")
    world.round_trip(lists.delete_template, world.admin, world.nord, template, world.version(Template, template))
    world.round_trip(contacts.delete_contact, world.admin, world.nord, contact, world.version(Contact, contact))
    # Several at once (the contacts page's bulk delete): contacts with their roles and list places,
    # then two roles of one contact; each undone and redone as one step.
    pair = [contacts.save_contact(world.admin, world.nord, ContactInput(name, "Eva")) for name in ("Albers", "Brandt")]
    roles = [contacts.save_role(world.admin, world.nord, pair[0], world.nord, RoleInput(org)) for org in ("A", "B")]
    lists.save_list(world.admin, world.nord, "Beide", "", {(world.nord, r) for r in roles})
    contacts.save_role(world.admin, world.nord, pair[1], world.nord, RoleInput("C"))
    versions = {(world.nord, c): world.version(Contact, c) for c in pair}
    with_roles = {r: world.version(PersonRole, r) for r in roles}
    world.round_trip(contacts.delete_roles, world.admin, world.nord, with_roles)
    world.round_trip(contacts.delete_contacts, world.admin, versions)


def test_rights_groups_and_settings(world: World) -> None:
    """E7, C4, C5, C8, C3: a custom rights group, its members and permissions; the naming pattern."""
    groups = world.services.rights_groups
    group, _ = world.round_trip(groups.create_group, world.admin, "Extra")
    world.round_trip(groups.add_members, world.admin, group, [world.admin.id])
    world.round_trip(
        groups.set_permissions,
        world.admin,
        group,
        [groups.catalogue()[0]],
        expected_version=world.version(RightsGroup, group),
    )
    world.round_trip(groups.remove_members, world.admin, group, [world.admin.id])
    world.round_trip(groups.delete_group, world.admin, group)
    naming = world.services.rights_naming
    _, version = naming.pattern_and_version(world.admin)
    world.round_trip(naming.save, world.admin, NamingPattern("K", Element.NAME, Element.NONE), expected_version=version)


def test_a_conflicting_undo_changes_nothing(world: World) -> None:
    """E7, S4: someone else changed the row after the change: the undo is refused with who and
    when, and nothing is written."""
    roles = world.services.roles
    role, record = recorded(roles.create, world.admin, "Prüfer")
    with world.db.session_factory.begin() as session:
        session.execute(update(Role).where(Role.id == role).values(version=Role.version + 1, updated_by="rolf"))
    before = world.content()
    entries = _audit_count(world)
    with pytest.raises(ConflictError, match="rolf changed this"):
        world.undo.revert(world.admin, record)
    assert world.content() == before
    assert _audit_count(world) == entries
    # A created row that other data now refers to stays too.
    customer, record = recorded(world.services.customers.create, world.admin, NewCustomer("1", "Eins", world.nord))
    world.services.contacts.save_contact(world.admin, world.nord, ContactInput("Later"))
    with world.db.session_factory.begin() as session:
        session.execute(
            update(__import__("mandant_desktop.db.models", fromlist=["Contact"]).Contact).values(
                customer_id=customer.id
            )
        )
    with pytest.raises(ConflictError, match="added to this"):
        world.undo.revert(world.admin, record)


def test_rights_are_checked_again(world: World) -> None:
    """E7, S2, T8: the undo needs the permission the change needed, and full access to its tenant."""
    _, record = recorded(world.services.roles.create, world.admin, "Prüfer")
    weak = Operator(id=world.admin.id, username="chef", permissions=frozenset({"roles.view"}))
    with pytest.raises(PermissionDeniedError):
        world.undo.revert(weak, record)
    _, record = recorded(world.services.contacts.save_contact, world.admin, world.nord, ContactInput("Meier"))
    with world.db.session_factory.begin() as session:
        session.execute(
            update(TenantAccess).where(TenantAccess.tenant_id == world.nord).values(level=AccessLevel.READ_ONLY)
        )
    with pytest.raises(PermissionDeniedError):
        world.undo.revert(world.admin, record)


def test_what_cannot_be_undone_says_so(world: World) -> None:
    """E7: a changed password and a sent mail are marked as not undoable; the service refuses them."""
    link = world.services.users.create(world.admin, NewUser("rolf", "rolf@x.de", "Rolf", "Roth"))
    _, record = recorded(world.services.activation.resend, world.admin, [link.user_id])
    assert record.blocked == BLOCKED_MAIL
    with pytest.raises(NotUndoableError):
        world.undo.revert(world.admin, record)
    link = world.services.users.create(world.admin, NewUser("sina", "sina@x.de", "Sina", "Sommer"))
    _, record = recorded(world.services.activation.activate, link.token, "Neu-geheim22", "Neu-geheim22")
    assert record.blocked == BLOCKED_PASSWORD


def test_a_cancelled_undo_writes_nothing(world: World) -> None:
    """E7, E3: a large undo reports progress and Cancel rolls it all back."""
    roles = world.services.roles
    role = roles.create(world.admin, "Viele")
    with world.db.session_factory.begin() as session:
        unit = session.execute(select(RoleAssignment.org_unit_id)).scalars().first()
        ids = [User(username=f"u{i}", username_key=f"u{i}", first_name="U", last_name=str(i)) for i in range(1200)]
        session.add_all(ids)
        session.flush()
        session.add_all(RoleAssignment(user_id=u.id, role_id=role, org_unit_id=unit) for u in ids)
    _, record = recorded(roles.delete, world.admin, role, expected_version=world.version(Role, role))
    assert len(record) > 1200
    before = world.content()
    seen: list[tuple[int, int]] = []
    with pytest.raises(OperationCancelledError):
        world.undo.revert(world.admin, record, progress=lambda d, t: seen.append((d, t)), cancel=lambda: bool(seen))
    assert world.content() == before
    world.undo.revert(world.admin, record, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] == len(record)


def _audit_count(world: World) -> int:
    with world.db.session_factory() as session:
        return len(session.scalars(select(AuditEntry.id)).all())


def test_more_rows_than_an_undo_step_holds_are_not_undoable(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """E7: a set-based change beyond the limit is recorded as not undoable (its rows are not kept)."""
    from mandant_desktop.services import row_capture
    from mandant_desktop.services.recording import BLOCKED_BULK

    monkeypatch.setattr(row_capture, "WATCH_LIMIT", 10)
    roles = world.services.roles
    role = roles.create(world.admin, "Viele")
    with world.db.session_factory.begin() as session:
        unit = session.execute(select(RoleAssignment.org_unit_id)).scalars().first()
        users = [User(username=f"u{i}", username_key=f"u{i}", first_name="U", last_name=str(i)) for i in range(20)]
        session.add_all(users)
        session.flush()
        session.add_all(RoleAssignment(user_id=u.id, role_id=role, org_unit_id=unit) for u in users)
    _, record = recorded(roles.delete, world.admin, role, expected_version=world.version(Role, role))
    assert record.blocked == BLOCKED_BULK and not record.undoable


def test_an_import_is_not_undoable(world: World, tmp_path: Path) -> None:
    """E7, S8: an Excel import writes set-based: it goes on the stack as not undoable."""
    from xlsxhelpers import write_xlsx

    from mandant_desktop.services.exports import CUSTOMER_HEADERS
    from mandant_desktop.services.imports import ImportKind
    from mandant_desktop.services.recording import BLOCKED_BULK

    path = write_xlsx(
        tmp_path / "kunden.xlsx",
        CUSTOMER_HEADERS,
        [["30001", "Druckerei", "", "No", None, None, "Nord", "", "Active"]],
    )
    result, record = recorded(world.services.imports.run, world.admin, ImportKind.CUSTOMERS, path)
    assert result.added == 1 and not result.errors
    assert record.blocked == BLOCKED_BULK
    _, dry = recorded(world.services.imports.run, world.admin, ImportKind.CUSTOMERS, path, dry_run=True)
    assert dry.empty


def test_a_separate_tenants_data_is_undone_in_its_own_database(
    migrated_sqlite: MigratedDatabase, tmp_path: Path
) -> None:
    """E7, T6: a contact of a separate tenant lives in that tenant's database; undo and redo
    write there, and audit into the main database."""
    from mandant_desktop.db.models import TenantKind

    world = World(migrated_sqlite)
    url = f"sqlite:///{tmp_path / 'getrennt.sqlite'}"
    separate = world.services.tenants.create_tenant(
        world.admin, TenantInput(name="Getrennt", kind=TenantKind.SEPARATE, database_url=url)
    )
    contacts = world.services.contacts

    def names() -> list[str]:
        return [c.name for c in contacts.list_contacts(world.admin)]

    _, record = recorded(contacts.save_contact, world.admin, separate, ContactInput("Albers", "Anna"))
    assert [part.database for part in record.parts if part.rows] != [world.db.session_factory]
    shown = names()
    assert len(shown) == 1
    entries = _audit_count(world)
    inverse = world.undo.revert(world.admin, record)
    assert names() == []
    assert _audit_count(world) > entries  # the undo is audited in the main database
    world.undo.revert(world.admin, inverse)
    assert names() == shown


# ---------------------------------------------------------------- several steps on the same rows
#
# Each undo or redo writes the rows again and so raises their versions (a row brought back starts
# at version 1). The records further down (undo) or up (redo) the stack were taken before that;
# the stack carries them to the versions the step wrote (carry_versions), so that the user's own
# steps follow each other, while a change by someone else between two steps is still refused.


class Stack:
    """The undo stack's bookkeeping without Qt: done changes below ``index``, undone ones (their
    inverses) above it, as :class:`ui.undo.UndoSteps` keeps them."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.changes: list[ChangeRecord] = []
        self.inverses: list[ChangeRecord | None] = []
        self.index = 0

    def push(self, record: ChangeRecord) -> None:
        del self.changes[self.index :], self.inverses[self.index :]
        self.changes.append(record)
        self.inverses.append(None)
        self.index += 1

    def do(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        result, record = recorded(fn, *args, **kwargs)
        self.push(record)
        return result

    def undo(self) -> None:
        at = self.index - 1
        inverse = self.world.undo.revert(self.world.admin, self.changes[at])
        below = carry_versions(self.changes[at], inverse, self.changes[at - 1 :: -1] if at else [])
        self.changes[:at] = below[::-1]
        self.inverses[at] = inverse
        self.index = at

    def redo(self) -> None:
        at = self.index
        inverse = self.inverses[at]
        assert inverse is not None
        change = self.world.undo.revert(self.world.admin, inverse)
        above = [record for record in self.inverses[at + 1 :] if record is not None]
        carried = iter(carry_versions(inverse, change, above))
        self.inverses[at + 1 :] = [next(carried) if record is not None else None for record in self.inverses[at + 1 :]]
        self.changes[at] = change
        self.index = at + 1


def _customer_edited_twice(
    world: World, between: Callable[[int], None] | None = None
) -> tuple[Stack, int, list[dict[str, list[tuple[Any, ...]]]]]:
    """A customer whose properties were changed twice, on the stack; the content before and after
    each. ``between(customer)`` runs between the two changes."""
    customers = world.services.customers
    customer = customers.create(world.admin, NewCustomer("4711", "Köln", world.nord)).id
    stack = Stack(world)
    states = [world.content()]
    for quota in (100, 250):
        change = PropertiesChange(remote_access=True, quota_mb=quota, is_agency=False, default_agency_id=None)
        stack.do(
            customers.update_properties,
            world.admin,
            customer,
            change,
            expected_version=world.version(Customer, customer),
        )
        states.append(world.content())
        if between is not None and quota == 100:
            between(customer)
    return stack, customer, states


def _changed_by_rolf(world: World, customer: int) -> None:
    """Another workstation saves the customer."""
    with world.db.session_factory.begin() as session:
        session.execute(
            update(Customer)
            .where(Customer.id == customer)
            .values(quota_mb=999, version=Customer.version + 1, updated_by="rolf")
        )


#: an administrator at another workstation, with every right (a system operator under his own name)
ROLF = replace(system_operator("rolf"), workstation="PC-ROLF")


def _saved_on_rolfs_workstation(world: World, customer: int) -> None:
    """Another workstation saves the customer through the services, on its own engine: the row
    gets a new version and the audit log an entry naming rolf and his workstation (S3)."""
    with other_workstation(world.db) as factory:
        customers = Services(factory, secrets=MemorySecretStore()).customers
        change = PropertiesChange(remote_access=True, quota_mb=999, is_agency=False, default_agency_id=None)
        customers.update_properties(ROLF, customer, change, expected_version=world.version(Customer, customer))


def _refused(world: World, step: Callable[[], None], match: str) -> None:
    """``step`` is refused with ``match`` in its message and writes nothing, not even an audit entry (S4)."""
    before, entries = world.content(), _audit_count(world)
    with pytest.raises(ConflictError, match=match):
        step()
    assert world.content() == before
    assert _audit_count(world) == entries


def test_two_changes_to_one_row_are_undone_and_redone_in_turn(world: World) -> None:
    """E7, S4: a customer edited twice; undo, undo, redo, redo, undo, undo each find the row as
    the previous step left it, and the data is as it was at each point."""
    stack, _, states = _customer_edited_twice(world)
    stack.undo()
    assert world.content() == states[1]
    stack.undo()  # was refused as "changed since": the first undo had raised the version
    assert world.content() == states[0]
    stack.redo()
    assert world.content() == states[1]
    stack.redo()
    assert world.content() == states[2]
    stack.undo()
    stack.undo()
    assert world.content() == states[0]


def test_a_change_by_someone_else_between_two_undos_is_still_refused(world: World) -> None:
    """E7, S4: the carried versions are those the stack wrote; another workstation's change in
    between is refused with who and when, and nothing is written."""
    stack, customer, _ = _customer_edited_twice(world)
    stack.undo()
    _changed_by_rolf(world, customer)
    _refused(world, stack.undo, "rolf changed this Customer")


def test_a_change_by_someone_else_between_two_redos_is_still_refused(world: World) -> None:
    """E7, S4: the same in the redo direction."""
    roles = world.services.roles
    role = roles.create(world.admin, "Prüfer")
    stack = Stack(world)
    stack.do(roles.rename, world.admin, role, "Prüferin")
    stack.do(roles.rename, world.admin, role, "Prüfende")
    stack.undo()
    stack.undo()
    stack.redo()
    with world.db.session_factory.begin() as session:
        session.execute(update(Role).where(Role.id == role).values(version=Role.version + 1, updated_by="rolf"))
    _refused(world, stack.redo, "rolf changed this Role")


def test_a_row_brought_back_at_version_1_keeps_the_older_steps_in_turn(world: World) -> None:
    """E7, S4: create, rename, delete a role; the undo of the delete brings it back at version 1,
    the older steps (rename, create) still follow, and so do their redos."""
    roles = world.services.roles
    stack = Stack(world)
    states = [world.content()]
    role = stack.do(roles.create, world.admin, "Prüfer")
    states.append(world.content())
    stack.do(roles.rename, world.admin, role, "Prüferin")
    states.append(world.content())
    stack.do(roles.rename, world.admin, role, "Prüfende")
    states.append(world.content())
    stack.do(roles.delete, world.admin, role)
    states.append(world.content())
    for state in reversed(states[:-1]):
        stack.undo()
        assert world.content() == state
    for state in states[1:]:
        stack.redo()
        assert world.content() == state
    for state in reversed(states[:-1]):
        stack.undo()
        assert world.content() == state


def test_a_change_by_someone_else_between_the_two_changes_stops_the_older_undo(world: World) -> None:
    """E7, S4: someone else changed the customer between the user's two changes; the newer one is
    undone, the older is refused (it would write over theirs): only the stack's own versions are
    carried."""
    stack, _, _ = _customer_edited_twice(world, between=lambda customer: _saved_on_rolfs_workstation(world, customer))
    stack.undo()
    # The row's last writer is the user's own undo of the newer change; the message names the
    # change that stands in the way: rolf's, from the audit log, with his workstation.
    _refused(world, stack.undo, "Cannot undo: rolf changed this Customer at .* on workstation PC-ROLF, after your")


def test_a_membership_given_again_elsewhere_is_not_taken_by_undo(world: World) -> None:
    """E7, S3, S4: a rights group membership is its key and nothing more. The administrator is
    made a member of a group; rolf removes the membership and gives it again at his workstation.
    The undo of the add is refused, naming rolf, and his membership stays (before, the undo deleted
    it: the row looked as the change had left it)."""
    groups = world.services.rights_groups
    group = groups.create_group(world.admin, "Extra")
    member = world.admin.id
    assert member is not None
    _, record = recorded(groups.add_members, world.admin, group, [member])
    with other_workstation(world.db) as factory:
        elsewhere = Services(factory, secrets=MemorySecretStore()).rights_groups
        elsewhere.remove_members(ROLF, group, [member])
        elsewhere.add_members(ROLF, group, [member])
    _refused(world, lambda: world.undo.revert(world.admin, record), "rolf changed this .* on workstation PC-ROLF")
    with world.db.session_factory() as session:
        assert session.get(RightsGroupMember, (group, member)) is not None


def test_a_membership_given_again_by_the_same_user_elsewhere_is_not_taken_by_undo(world: World) -> None:
    """E7, S4: the administrator makes himself a member of a group on the page that records it,
    then removes the membership and gives it again elsewhere (another page, the same workstation:
    nobody else is in the audit log). The row under the key is not the one the change wrote — its
    creation time says so (revision 0021) — so the undo of the add is refused, saying that the user
    changed it again, and the membership stays (before, the undo deleted it). At once, within the
    same second: on MariaDB too, whose columns keep microseconds since revision 0024 (before, a
    row made again within about a second was taken for the change's own there)."""
    groups = world.services.rights_groups
    group = groups.create_group(world.admin, "Extra")
    member = world.admin.id
    assert member is not None
    _, record = recorded(groups.add_members, world.admin, group, [member])
    groups.remove_members(world.admin, group, [member])
    groups.add_members(world.admin, group, [member])
    _refused(world, lambda: world.undo.revert(world.admin, record), "you changed this .* again on this workstation")
    with world.db.session_factory() as session:
        row = session.get(RightsGroupMember, (group, member))
        assert row is not None and row.created_by == "chef"
