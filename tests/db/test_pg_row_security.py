"""Defence in depth on PostgreSQL (revision 0005): raw SQL with the application's credentials, as a
NON-OWNER login role, cannot read a hidden tenant's rows, assign a role outside the operator's org
units, grant itself a tenant, or rewrite the audit log (SPEC S1, S3, T8)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from dbhelpers import MigratedDatabase, app_login, migrated_database
from psycopg.errors import InsufficientPrivilege
from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.exc import DBAPIError, ProgrammingError
from tenanthelpers import add_tenants, add_user, grant, operator, router

from mandant_desktop.db import migrate
from mandant_desktop.db.engine import create_engine_for, make_session_factory
from mandant_desktop.db.models import (
    AccessLevel,
    AuditEntry,
    Contact,
    OrgUnit,
    Role,
    RoleAssignment,
    RolePermission,
)
from mandant_desktop.domain.errors import ConflictError, PermissionDeniedError
from mandant_desktop.services.contacts import ContactInput, ContactService
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.org_units import OrgUnitsService
from mandant_desktop.services.secrets import MemorySecretStore
from mandant_desktop.services.tenant_data import TenantDataRouter
from mandant_desktop.services.unit_of_work import UnitOfWork


@dataclass
class World:
    db: MigratedDatabase
    app: Engine  # connected as the non-owner application login
    visible: int
    hidden: int
    mia: int
    own_unit: int
    other_unit: int
    role: int


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with migrated_database("postgresql", tmp_path) as db:
        factory = db.session_factory
        visible, hidden = add_tenants(factory, "Mandant Nord", "Mandant Süd")
        mia = add_user(factory, "mia")
        grant(factory, mia, {visible: AccessLevel.FULL, hidden: AccessLevel.HIDDEN})
        contacts = ContactService(router(db))
        for tenant, name in ((visible, "Sichtbar"), (hidden, "Verborgen")):
            contacts.save_contact(system_operator(), tenant, ContactInput(last_name=name))
        with factory.begin() as session:
            units = [OrgUnit(name="Berlin"), OrgUnit(name="München")]
            role = Role(name="Zuweiser", name_key="zuweiser")
            session.add_all([*units, role])
            session.flush()
            session.add(RolePermission(role_id=role.id, permission_code="assignments.assign"))
            session.add(RoleAssignment(user_id=mia, role_id=role.id, org_unit_id=units[0].id))
            ids = (units[0].id, units[1].id, role.id)
        with app_login(db, "mandant_rls") as app:
            yield World(db, app, visible, hidden, mia, *ids)


def _as(conn: Connection, user_id: int | None) -> None:
    conn.execute(
        text("SELECT set_config('app.operator_id', :id, true)"), {"id": "" if user_id is None else str(user_id)}
    )


def _names(conn: Connection) -> set[str]:
    return set(conn.scalars(select(Contact.last_name)))


def test_app_role_is_not_the_owner(world: World) -> None:
    """T8: the test really runs as a role that row-level security applies to."""
    with world.app.connect() as conn:
        owner = conn.scalar(text("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'contact'"))
        assert conn.scalar(text("SELECT current_user")) != owner
        assert conn.scalar(text("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")) is False


def test_raw_sql_sees_only_the_operators_tenants(world: World) -> None:
    """T8, S1: a hidden tenant's contacts are invisible to raw SQL; without an operator nothing is."""
    with world.app.connect() as conn:
        _as(conn, world.mia)
        assert _names(conn) == {"Sichtbar"}
        assert conn.scalar(select(func.count()).select_from(Contact).where(Contact.tenant_id == world.hidden)) == 0
        conn.rollback()  # set_config(…, true) ends with the transaction
        assert _names(conn) == set()
        conn.rollback()
    with world.db.engine.connect() as owner:  # the owner (CLI, demo data) is trusted
        assert _names(owner) == {"Sichtbar", "Verborgen"}


def test_raw_sql_cannot_write_into_a_hidden_tenant(world: World) -> None:
    """T8: an insert into a tenant without full access is refused by the policy."""
    with world.app.connect() as conn:
        _as(conn, world.mia)
        with pytest.raises(ProgrammingError, match="row-level security"):
            conn.execute(Contact.__table__.insert().values(tenant_id=world.hidden, last_name="Eindringling"))


def test_raw_sql_cannot_grant_itself_a_tenant(world: World) -> None:
    """T2, S1: without tenants.manage_access the access matrix is closed to raw SQL too."""
    with world.app.connect() as conn:
        _as(conn, world.mia)
        with pytest.raises(ProgrammingError, match="tenant access"):
            conn.execute(
                text("UPDATE tenant_access SET level = 'full' WHERE user_id = :u AND tenant_id = :t"),
                {"u": world.mia, "t": world.hidden},
            )


def test_raw_sql_assigns_only_in_the_operators_units(world: World) -> None:
    """S1: the database-side check refuses an assignment outside the units with assignments.assign."""
    other = add_user(world.db.session_factory, "tom")
    with world.app.connect() as conn:
        _as(conn, world.mia)
        conn.execute(
            RoleAssignment.__table__.insert().values(user_id=other, role_id=world.role, org_unit_id=world.own_unit)
        )
        conn.commit()
        _as(conn, world.mia)
        with pytest.raises(ProgrammingError, match="outside the operator"):
            conn.execute(
                RoleAssignment.__table__.insert().values(
                    user_id=other, role_id=world.role, org_unit_id=world.other_unit
                )
            )
        conn.rollback()
        with pytest.raises(ProgrammingError, match="outside the operator"):  # no operator named: nothing
            conn.execute(text("DELETE FROM role_assignment WHERE user_id = :u"), {"u": other})
        conn.rollback()


def test_audit_log_is_insert_only_for_the_app_role(world: World) -> None:
    """S3: the application role appends to the audit log but can neither change nor delete it."""
    with world.app.connect() as conn:
        _as(conn, world.mia)
        conn.execute(
            AuditEntry.__table__.insert().values(
                operator_name="mia", workstation="ws", object_type="Test", object_id="1", action="create", summary=""
            )
        )
        conn.commit()
        for statement in ("UPDATE audit_log SET summary = 'gefälscht'", "DELETE FROM audit_log"):
            with pytest.raises(ProgrammingError, match="permission denied"):
                conn.execute(text(statement))
            conn.rollback()


def test_services_work_as_the_app_role(world: World) -> None:
    """T8, S1: the unit of work names the operator, so the services run unchanged as the app role;
    a change the service would let through is still refused by the database."""
    engine = create_engine_for(world.app.url)
    try:
        factory = make_session_factory(engine)
        contacts = ContactService(TenantDataRouter(factory, MemorySecretStore()))
        mia = operator(world.mia, "mia")
        assert {row.last_name for row in contacts.list_contacts(mia)} == {"Sichtbar"}
        contacts.save_contact(mia, world.visible, ContactInput(last_name="Neu"))
        assert {row.last_name for row in contacts.list_contacts(mia)} == {"Sichtbar", "Neu"}
        # A service bug that skipped the scope check would still be stopped by row-level security.
        with pytest.raises(PermissionDeniedError), UnitOfWork(factory, mia) as uow:
            uow.session.add(Contact(tenant_id=world.hidden, last_name="Durchgerutscht"))
            uow.commit()
    finally:
        engine.dispose()
    with world.db.engine.connect() as owner:
        assert "Durchgerutscht" not in _names(owner)


def test_revision_does_nothing_outside_postgresql(migrated_sqlite: MigratedDatabase) -> None:
    """S6: SQLite (and MariaDB) have no row-level security; the revision leaves them as they were."""
    with migrated_sqlite.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'mandant_%'")) == 0
    with pytest.raises(DBAPIError), migrated_sqlite.engine.connect() as conn:
        conn.execute(text("SELECT mandant_operator_id()"))


def test_a_conflict_as_the_app_role_names_who_changed_the_row(world: World) -> None:
    """S4 with row-level security: the conflict report reads the row as the operator, so it names
    the other workstation's user instead of calling a visible row deleted."""
    engine = create_engine_for(world.app.url)
    try:
        factory = make_session_factory(engine)
        with UnitOfWork(factory, operator(world.mia, "mia")) as uow:
            contact = uow.session.scalars(select(Contact).where(Contact.last_name == "Sichtbar")).one()
            with world.db.engine.begin() as owner:
                owner.execute(
                    Contact.__table__.update()
                    .where(Contact.__table__.c.id == contact.id)
                    .values(version=contact.version + 1, updated_by="tom")
                )
            contact.city = "Kiel"
            with pytest.raises(ConflictError, match="tom changed this"):
                uow.commit()
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- the assignment check per statement (0009)


def _assign(conn: Connection, rows: list[tuple[int, int]], role: int) -> None:
    """One INSERT of several rows (user, unit)."""
    conn.execute(
        RoleAssignment.__table__.insert(), [{"user_id": u, "role_id": role, "org_unit_id": unit} for u, unit in rows]
    )


def _units_of(world: World, user: int) -> set[int]:
    with world.db.engine.connect() as owner:
        return set(owner.scalars(select(RoleAssignment.org_unit_id).where(RoleAssignment.user_id == user)))


def test_a_bulk_statement_is_refused_as_a_whole(world: World) -> None:
    """S1, issue 8: the check of revision 0009 runs once per statement and still covers every row: a
    multi-row INSERT, UPDATE or DELETE that touches one unit without assignments.assign is refused
    whole (the lowest unit named), one within the operator's units goes through."""
    tom, eva = add_user(world.db.session_factory, "tom"), add_user(world.db.session_factory, "eva")
    with world.app.connect() as conn:
        _as(conn, world.mia)
        with pytest.raises(ProgrammingError, match=rf"outside the operator's org units \(unit {world.other_unit}\)"):
            _assign(conn, [(tom, world.own_unit), (eva, world.own_unit), (tom, world.other_unit)], world.role)
        conn.rollback()
        _as(conn, world.mia)
        _assign(conn, [(tom, world.own_unit), (eva, world.own_unit)], world.role)
        conn.commit()
    assert _units_of(world, tom) == _units_of(world, eva) == {world.own_unit}
    move = text("UPDATE role_assignment SET org_unit_id = :to WHERE user_id IN (:a, :b)")
    with world.app.connect() as conn:
        _as(conn, world.mia)
        with pytest.raises(ProgrammingError, match="outside the operator"):  # into a unit without the right
            conn.execute(move, {"to": world.other_unit, "a": tom, "b": eva})
        conn.rollback()
    with world.db.engine.begin() as owner:  # the trusted owner may: the demo generator, the CLI
        owner.execute(move, {"to": world.other_unit, "a": tom, "b": eva})
    with world.app.connect() as conn:
        _as(conn, world.mia)
        with pytest.raises(ProgrammingError, match="outside the operator"):  # out of a unit without the right
            conn.execute(move, {"to": world.own_unit, "a": tom, "b": eva})
        conn.rollback()
        _as(conn, world.mia)
        with pytest.raises(ProgrammingError, match="outside the operator"):
            conn.execute(text("DELETE FROM role_assignment WHERE user_id IN (:a, :b)"), {"a": tom, "b": eva})
        conn.rollback()
    assert _units_of(world, tom) == _units_of(world, eva) == {world.other_unit}


def test_the_rights_are_those_before_the_statement(world: World) -> None:
    """S1, issue 8: an operator cannot gain assignments.assign in a unit with the statement that
    uses it (moving the own assigning row there, or inserting it beside a row there); removing
    the own assigning row is allowed, as with the per-row check of revision 0005."""
    tom = add_user(world.db.session_factory, "tom")
    with world.app.connect() as conn:
        _as(conn, world.mia)
        with pytest.raises(ProgrammingError, match="outside the operator"):
            _assign(conn, [(world.mia, world.other_unit), (tom, world.other_unit)], world.role)
        conn.rollback()
        _as(conn, world.mia)
        with pytest.raises(ProgrammingError, match="outside the operator"):
            conn.execute(
                text("UPDATE role_assignment SET org_unit_id = :to WHERE user_id = :me"),
                {"to": world.other_unit, "me": world.mia},
            )
        conn.rollback()
        _as(conn, world.mia)
        conn.execute(text("DELETE FROM role_assignment WHERE user_id = :me"), {"me": world.mia})
        conn.commit()
    assert _units_of(world, world.mia) == set()
    with world.app.connect() as conn:  # and now the right is gone
        _as(conn, world.mia)
        with pytest.raises(ProgrammingError, match="outside the operator"):
            _assign(conn, [(tom, world.own_unit)], world.role)
        conn.rollback()


def test_copy_and_cascades_are_checked_too(world: World) -> None:
    """S1, issue 8: COPY (the bulk path on PostgreSQL) and a cascading delete of an org unit reach
    the check like any INSERT or DELETE."""
    tom = add_user(world.db.session_factory, "tom")
    copy = "COPY role_assignment (user_id, role_id, org_unit_id, created_at) FROM STDIN"
    at = "2026-12-03 08:00:00"
    with world.app.connect() as conn:
        _as(conn, world.mia)
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with pytest.raises(InsufficientPrivilege, match="outside the operator"), cursor.copy(copy) as rows:
            rows.write_row((tom, world.role, world.own_unit, at))
            rows.write_row((tom, world.role, world.other_unit, at))
        conn.rollback()
        _as(conn, world.mia)
        with conn.connection.driver_connection.cursor().copy(copy) as rows:  # type: ignore[union-attr]
            rows.write_row((tom, world.role, world.own_unit, at))
        conn.commit()
    assert _units_of(world, tom) == {world.own_unit}
    with world.db.engine.begin() as owner:
        owner.execute(
            RoleAssignment.__table__.insert().values(user_id=tom, role_id=world.role, org_unit_id=world.other_unit)
        )
    with world.app.connect() as conn:
        _as(conn, world.mia)
        with pytest.raises(ProgrammingError, match="outside the operator"):
            conn.execute(text("DELETE FROM org_unit WHERE id = :u"), {"u": world.other_unit})
        conn.rollback()
    assert _units_of(world, tom) == {world.own_unit, world.other_unit}


def test_the_downgrade_restores_the_per_row_check(world: World) -> None:
    """S9, issue 8: below revision 0009 the per-row trigger of 0005 is back and refuses as before;
    the upgrade replaces it with the statement-level triggers again."""
    triggers = text(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'role_assignment'::regclass AND tgname LIKE 'mandant%'"
    )
    tom = add_user(world.db.session_factory, "tom")  # by the models of the head (search key, 0029)
    with world.db.engine.begin() as conn:
        after = set(conn.scalars(triggers))
        command.downgrade(migrate.alembic_config(conn), "0008_customer_search")
        before = set(conn.scalars(triggers))
    assert before == {"mandant_check_assignment"}
    assert after and "mandant_check_assignment" not in after
    with world.app.connect() as conn:
        _as(conn, world.mia)
        with pytest.raises(ProgrammingError, match="outside the operator"):
            _assign(conn, [(tom, world.own_unit), (tom, world.other_unit)], world.role)
        conn.rollback()
    with world.db.engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
        assert set(conn.scalars(triggers)) == after


def _customer_services(world: World, rows: list[dict[str, object]]) -> tuple[list[str], Any, Any]:
    """``rows`` inserted as customers by the owner; the statements the application login sends
    (collected from now on), the customer service as the application login and as the owner."""
    from sqlalchemy import event, insert

    from mandant_desktop.db.models import Customer
    from mandant_desktop.services.customers import CustomerService

    with world.db.engine.begin() as conn:
        conn.execute(insert(Customer), rows)
    statements: list[str] = []
    event.listen(world.app, "before_cursor_execute", lambda *args: statements.append(args[2]))
    return statements, CustomerService(make_session_factory(world.app)), CustomerService(world.db.session_factory)


def test_customer_search_under_row_security_uses_the_owners_function(world: World) -> None:
    """C1, T8, issue 8: for the application role the search goes through the SECURITY DEFINER
    functions of revision 0018, of the key since revision 0027 (no search index serves a query under
    row-level security): the
    window and the count find what the owner's direct search finds in the operator's tenants,
    nothing of a hidden tenant, and the owner still searches directly. A text too short for a
    trigram goes through them too (they search it in the index of one- and two-letter substrings)."""
    from mandant_desktop.db import customer_search
    from mandant_desktop.services.customers import CustomerQuery, SortKey

    rows = [
        {"tenant_id": tenant, "number": f"{prefix}{i}", "name": name, "short_name": short, "version": 1}
        for tenant, prefix in ((world.visible, "N"), (world.hidden, "S"))
        for i, (name, short) in enumerate(
            (("Ärztehaus Mitte", "ÄHM"), ("Praxis 100%", "P_1"), ("Bau/Holz GmbH", "BH"), ("Andere", "x"))
        )
    ]
    statements, as_app, as_owner = _customer_services(world, rows)
    mia = operator(world.mia, "mia")
    for search in ("ärzte", "0%", "_1", "u/h", "ndere", "zz"):
        statements.clear()
        query = CustomerQuery(search=search)
        found = [r.number for r in as_app.rows(mia, query, 0, 50)]
        assert any(customer_search.PG_KEY_FIRST_FUNCTION in sql for sql in statements), search
        owners = [r.number for r in as_owner.rows(system_operator(), query, 0, 50)]
        assert found == [n for n in owners if n.startswith("N")], search
        statements.clear()
        assert as_app.count(mia, query) == len(found)
        assert any(customer_search.PG_KEY_COUNT_FUNCTION in sql for sql in statements), search
        by_name = CustomerQuery(search=search, sort=SortKey.NAME)
        assert sorted(r.number for r in as_app.rows(mia, by_name, 0, 50)) == sorted(found), search
    assert {r.number for r in as_owner.rows(system_operator(), CustomerQuery(search="ärzte"), 0, 50)} == {"N0", "S0"}
    with world.db.engine.connect() as conn:
        assert not customer_search.under_row_security(conn)  # the owner: the direct search


def test_a_window_in_number_order_takes_only_its_first_hits_from_the_owner(world: World) -> None:
    """C1, T8, T9, issue 8 (revisions 0013, 0018): a window of the table sorted by number asks
    ``mandant_customer_first`` for the hits up to its last row only; the windows (offsets,
    both directions, with a tenant filter, for an operator who sees one tenant and one who sees
    both) are those of the owner's direct search in the tenants the operator may see."""

    from mandant_desktop.db import customer_search
    from mandant_desktop.services.customers import CustomerQuery, SortKey

    third = add_tenants(world.db.session_factory, "Mandant West")[0]
    ben = add_user(world.db.session_factory, "ben")
    grant(world.db.session_factory, ben, {world.visible: AccessLevel.READ_ONLY, third: AccessLevel.FULL})
    # numbers of different lengths, interleaved over the tenants, so the number order is not the id order
    rows = [
        {
            "tenant_id": tenant,
            "number": f"{i * 7 % 40}{prefix}",
            "name": f"Firma {i} GmbH",
            "short_name": "F",
            "version": 1,
        }
        for i in range(40)
        for tenant, prefix in ((world.visible, "n"), (world.hidden, "s"), (third, "w"))
    ]
    statements, as_app, as_owner = _customer_services(world, rows)
    cases = [
        (operator(world.mia, "mia"), {world.visible}),
        (operator(ben, "ben"), {world.visible, third}),
        (operator(ben, "ben", tenant_filter=frozenset({third})), {third}),
        (operator(ben, "ben", tenant_filter=frozenset({third, world.hidden})), {third}),
    ]
    names = {world.visible: "Mandant Nord", world.hidden: "Mandant Süd", third: "Mandant West"}
    for who, tenants in cases:
        for descending in (False, True):
            query = CustomerQuery(search="gmbh", sort=SortKey.NUMBER, descending=descending)
            owners = [r for r in as_owner.rows(system_operator(), query, 0, 200) if r.tenant_id in tenants]
            assert owners, (who, tenants)
            for offset, limit in ((0, 7), (7, 7), (30, 50), (len(owners) - 3, 10)):
                statements.clear()
                window = as_app.rows(who, query, offset, limit)
                assert [r.number for r in window] == [r.number for r in owners[offset : offset + limit]], (
                    who.username,
                    who.tenant_filter,
                    descending,
                    offset,
                )
                assert {names[r.tenant_id] for r in window} <= {names[t] for t in tenants}
                assert any(customer_search.PG_KEY_FIRST_FUNCTION in sql for sql in statements)
            assert as_app.count(who, query) == len(owners)
    # other orders need every hit: mandant_customer_hits
    statements.clear()
    as_app.rows(operator(world.mia, "mia"), CustomerQuery(search="gmbh", sort=SortKey.NAME), 0, 10)
    assert not any(customer_search.PG_KEY_FIRST_FUNCTION in sql for sql in statements)
    assert any(customer_search.PG_KEY_HITS_FUNCTION in sql for sql in statements)


def test_the_search_functions_return_no_hidden_tenant_to_raw_sql(world: World) -> None:
    """T8, S1 (revisions 0010, 0013, 0018, 0027): called directly with the application's credentials,
    no search function returns (or counts) a customer of a tenant the operator may not see, whatever
    tenants and words the caller names (quotes and LIKE's characters in them are text); without an
    operator they return nothing; PUBLIC may not call them."""
    from sqlalchemy import insert

    from mandant_desktop.db.models import Customer

    with world.db.engine.begin() as conn:
        conn.execute(
            insert(Customer),
            [
                {"tenant_id": t, "number": n, "name": "Bau GmbH", "short_name": "B", "version": 1}
                for t, n in ((world.visible, "1"), (world.hidden, "2"))
            ],
        )
        ids = {str(number): int(id_) for number, id_ in conn.execute(text("SELECT number, id FROM customer"))}
    first = "SELECT mandant_customer_search_first('%gmbh%', CAST(:tenants AS integer[]), 100, :descending)"
    # revision 0018: the search text itself, a long one (trigram indexes) and a short one (substrings)
    first_15 = "SELECT * FROM mandant_customer_first(:needle, CAST(:tenants AS integer[]), 100, :descending)"
    hits_15 = "SELECT * FROM mandant_customer_hits(:needle, CAST(:tenants AS integer[]))"
    count_15 = "SELECT mandant_customer_count(:needle, CAST(:tenants AS integer[]))"
    # revision 0027: the folded words
    first_26 = "SELECT * FROM mandant_customer_key_first(CAST(:words AS text[]), CAST(:tenants AS integer[]), 100, :d)"
    hits_26 = "SELECT * FROM mandant_customer_key_hits(CAST(:words AS text[]), CAST(:tenants AS integer[]))"
    count_26 = "SELECT mandant_customer_key_count(CAST(:words AS text[]), CAST(:tenants AS integer[]))"
    with world.app.connect() as conn:
        for operator_id, expected in ((world.mia, {ids["1"]}), (None, set())):
            _as(conn, operator_id)
            assert set(conn.scalars(text("SELECT mandant_customer_search('%gmbh%')"))) == expected
            for tenants in (None, [world.visible, world.hidden], [world.hidden]):
                kept = expected if tenants != [world.hidden] else set()
                for descending in (False, True):
                    found = set(conn.scalars(text(first), {"tenants": tenants, "descending": descending}))
                    assert found == kept, (operator_id, tenants)
                for needle in ("gmbh", "bh", "u"):
                    given = {"needle": needle, "tenants": tenants}
                    for descending in (False, True):
                        found = set(conn.scalars(text(first_15), {**given, "descending": descending}))
                        assert found == kept, (operator_id, tenants, needle)
                    assert set(conn.scalars(text(hits_15), given)) == kept, (operator_id, tenants, needle)
                    assert conn.scalar(text(count_15), given) == len(kept), (operator_id, tenants, needle)
                for words, hit in ((["gmbh"], True), (["bau", "gmbh", "b"], True), (["u", "bh"], True),
                                   (["gmbh", "x' or 'a' = 'a"], False), (["%"], False), (["_"], False)):  # fmt: skip
                    given = {"words": words, "tenants": tenants}
                    wanted = kept if hit else set()
                    for descending in (False, True):
                        found = set(conn.scalars(text(first_26), {**given, "d": descending}))
                        assert found == wanted, (operator_id, tenants, words)
                    assert set(conn.scalars(text(hits_26), given)) == wanted, (operator_id, tenants, words)
                    assert conn.scalar(text(count_26), given) == len(wanted), (operator_id, tenants, words)
        conn.rollback()
    with world.db.engine.connect() as conn:
        for signature in (
            "mandant_customer_search(text)",
            "mandant_customer_search_first(text, integer[], integer, boolean)",
            "mandant_customer_first(text, integer[], integer, boolean)",
            "mandant_customer_hits(text, integer[])",
            "mandant_customer_count(text, integer[])",
            "mandant_customer_key_first(text[], integer[], integer, boolean)",
            "mandant_customer_key_hits(text[], integer[])",
            "mandant_customer_key_count(text[], integer[])",
        ):
            acl = conn.scalar(
                text("SELECT proacl::text FROM pg_proc WHERE oid = CAST(:f AS regprocedure)"), {"f": signature}
            )
            assert "mandant_app=X" in acl and not acl.startswith("{=X") and ",=X" not in acl, (signature, acl)
            assert conn.scalar(
                text("SELECT prosecdef FROM pg_proc WHERE oid = CAST(:f AS regprocedure)"), {"f": signature}
            )


def test_the_downgrade_of_0018_removes_its_functions_and_index(world: World) -> None:
    """S9, issue 8: below revision 0018 its three search functions, the substrings' function and
    its index are gone and the functions of 0010 and 0013 still there (older workstations call
    them); the upgrade brings them back, granted to the application role again."""
    functions = text(
        "SELECT count(*) FROM pg_proc WHERE proname IN "
        "('mandant_customer_first', 'mandant_customer_hits', 'mandant_customer_count', 'mandant_customer_grams')"
    )
    older = text(
        "SELECT count(*) FROM pg_proc WHERE proname IN ('mandant_customer_search', 'mandant_customer_search_first')"
    )
    index = text("SELECT count(*) FROM pg_class WHERE relname = 'ix_customer_grams'")
    granted = text("SELECT has_function_privilege('mandant_app', 'mandant_customer_count(text, integer[])', 'EXECUTE')")
    # revision 0027 searches the key: its index of substrings replaces this one, made again below it
    key_index = text("SELECT count(*) FROM pg_class WHERE relname = 'ix_customer_key_grams'")
    with world.db.engine.begin() as conn:
        assert (conn.scalar(functions), conn.scalar(index), conn.scalar(granted), conn.scalar(key_index)) == (
            4,
            0,
            True,
            1,
        )
        command.downgrade(migrate.alembic_config(conn), "0026_group_permission_code")
        assert (conn.scalar(functions), conn.scalar(index), conn.scalar(key_index)) == (4, 1, 0)
        command.downgrade(migrate.alembic_config(conn), "0017_outbox_order_index")
        assert (conn.scalar(functions), conn.scalar(index), conn.scalar(older)) == (0, 0, 2)
        command.upgrade(migrate.alembic_config(conn), "head")
        assert (conn.scalar(functions), conn.scalar(index), conn.scalar(granted), conn.scalar(key_index)) == (
            4,
            0,
            True,
            1,
        )


def test_the_downgrade_of_0013_restores_the_search_of_0010(world: World) -> None:
    """S9, issue 8: below revision 0013 the search function reads the visible tenants per row again,
    as revision 0010 created it, with its grants, and the window function is gone; the upgrade
    brings both back."""
    body = text("SELECT prosrc FROM pg_proc WHERE proname = 'mandant_customer_search'")
    first = text("SELECT count(*) FROM pg_proc WHERE proname = 'mandant_customer_search_first'")
    granted = text("SELECT has_function_privilege('mandant_app', 'mandant_customer_search(text)', 'EXECUTE')")
    with world.db.engine.begin() as conn:
        assert "(SELECT mandant_visible_tenants())" in conn.scalar(body)
        command.downgrade(migrate.alembic_config(conn), "0012_pg_tenant_access_statement")
        assert "ANY (mandant_visible_tenants())" in conn.scalar(body)
        assert conn.scalar(first) == 0
        assert conn.scalar(granted)
        command.upgrade(migrate.alembic_config(conn), "head")
        assert "(SELECT mandant_visible_tenants())" in conn.scalar(body)
        assert conn.scalar(first) == 1
        assert conn.scalar(granted)


# --------------------------------------------------------------------------- the org-unit service's writes (issue 8)


@dataclass
class Subtree:
    service: OrgUnitsService  # as the application role
    mia: Operator
    tom: int
    kids: list[int]  # under own_unit, where mia holds assignments.assign by inheritance


@pytest.fixture
def subtree(world: World) -> Subtree:
    """Berlin (own_unit) with three children; mia's Zuweiser role inherited into them; tom holds
    the role directly in Berlin."""
    with world.db.session_factory.begin() as session:
        kids = [OrgUnit(name=f"Bezirk {i}", parent_id=world.own_unit, depth=1) for i in range(3)]
        session.add_all(kids)
        session.flush()
        kid_ids = [kid.id for kid in kids]
    OrgUnitsService(world.db.session_factory).set_inherit(system_operator(), world.mia, world.own_unit, "keep")
    service = OrgUnitsService(make_session_factory(world.app))
    mia, tom = operator(world.mia, "mia"), add_user(world.db.session_factory, "tom")
    service.add_roles(mia, tom, world.own_unit, [world.role])
    return Subtree(service, mia, tom, kid_ids)


def _count_statements(world: World) -> None:
    """A statement-level trigger of the test's own that counts the INSERT and DELETE statements on
    role_assignment (the server's view, whatever the driver sends)."""
    with world.db.engine.begin() as owner:
        owner.execute(text("CREATE TABLE fired (op text)"))
        owner.execute(text("GRANT INSERT, SELECT ON fired TO mandant_app"))
        owner.execute(
            text(
                "CREATE FUNCTION count_fired() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "INSERT INTO fired VALUES (TG_OP); RETURN NULL; END $$"
            )
        )
        owner.execute(
            text(
                "CREATE TRIGGER count_fired AFTER INSERT OR DELETE ON role_assignment "
                "FOR EACH STATEMENT EXECUTE FUNCTION count_fired()"
            )
        )


def _fired(world: World) -> list[str]:
    with world.db.engine.begin() as owner:
        return list(owner.scalars(text("DELETE FROM fired RETURNING op")))


def test_ticking_inheritance_writes_one_statement_as_the_app_role(world: World, subtree: Subtree) -> None:
    """A5, A8, S1, issue 8: ticking and unticking inheritance for a subtree inserts and deletes the
    inherited rows with one statement each (the check of revision 0009 runs once, not once per
    row), as the application role, with the right sources, stamps and audit entries."""
    s, tom = subtree, subtree.tom
    _count_statements(world)
    change = s.service.set_inherit(s.mia, tom, world.own_unit, "keep")
    assert _fired(world) == ["INSERT"]
    with world.db.engine.connect() as owner:
        rows = owner.execute(
            select(RoleAssignment.org_unit_id, RoleAssignment.inherited_from_id, RoleAssignment.created_by).where(
                RoleAssignment.user_id == tom
            )
        ).all()
        stamps = set(owner.scalars(select(RoleAssignment.created_at).where(RoleAssignment.user_id == tom)))
        logged = owner.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.operator_name == "mia", AuditEntry.summary == "inheritance ticked (keep)")
        )
    assert sorted(rows) == sorted([(world.own_unit, None, "mia"), *((k, world.own_unit, "mia") for k in s.kids)])
    assert len(stamps) == 2 and len(change.added) == len(s.kids)
    assert logged == 2  # the inheritance mark, one entry naming the inherited rows
    s.service.clear_inherit(s.mia, tom, world.own_unit)
    assert _fired(world) == ["DELETE"]
    assert _units_of(world, tom) == {world.own_unit}


def test_the_database_refuses_the_single_statement_as_a_whole(
    world: World, subtree: Subtree, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S1, issue 8: with a unit in the subtree where mia holds nothing, a service bug that skipped
    the reach check would still be stopped by the check of revision 0009, for the one INSERT and
    the one DELETE alike; nothing of the change stays."""
    s, tom = subtree, subtree.tom
    with world.db.session_factory.begin() as session:  # not through the service: no inherited rows
        stranger = OrgUnit(name="Fremd", parent_id=world.own_unit, depth=1)
        session.add(stranger)
        session.flush()
        outside = stranger.id
    with pytest.raises(PermissionDeniedError):  # the service's own check
        s.service.set_inherit(s.mia, tom, world.own_unit, "keep")
    monkeypatch.setattr(OrgUnitsService, "_require_reach", staticmethod(lambda *args: None))
    with pytest.raises(PermissionDeniedError):  # the database's
        s.service.set_inherit(s.mia, tom, world.own_unit, "keep")
    assert _units_of(world, tom) == {world.own_unit}
    OrgUnitsService(world.db.session_factory).set_inherit(system_operator(), tom, world.own_unit, "keep")
    assert _units_of(world, tom) == {world.own_unit, *s.kids, outside}
    with pytest.raises(PermissionDeniedError):
        s.service.clear_inherit(s.mia, tom, world.own_unit)
    assert _units_of(world, tom) == {world.own_unit, *s.kids, outside}
