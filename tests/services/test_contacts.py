"""Contacts, person-roles, distribution lists and templates under the tenant rules, on every
backend (SPEC T7, T8, T10, T12, S2)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from dbhelpers import MigratedDatabase, stale_search_keys
from sqlalchemy import event, func, select
from tenanthelpers import add_tenants, add_user, grant, operator, router

from mandant_desktop.db import contact_order, tables
from mandant_desktop.db.models import AccessLevel, AuditEntry, Template
from mandant_desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from mandant_desktop.domain.tenant_access import MASK
from mandant_desktop.services.contacts import ContactInput, ContactService, RoleInput
from mandant_desktop.services.exports import export_contacts
from mandant_desktop.services.lists import ListService, OnClash
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.tenant_data import TenantDataRouter

FULL, READ = AccessLevel.FULL, AccessLevel.READ_ONLY


@dataclass
class World:
    db: MigratedDatabase
    router: TenantDataRouter
    contacts: ContactService
    lists: ListService
    own: int  # full access with private data
    shared: int  # read only, no private data
    secret: int  # hidden
    op: Operator
    boss: Operator  # full access with private data everywhere


@pytest.fixture
def world(migrated_db: MigratedDatabase) -> World:
    factory = migrated_db.session_factory
    own, shared, secret = add_tenants(factory, "Eigen", "Geteilt", "Geheim")
    mia, boss = add_user(factory, "mia"), add_user(factory, "boss")
    grant(factory, mia, {own: FULL, shared: READ}, private={own})
    grant(factory, boss, {own: FULL, shared: FULL, secret: FULL}, private={own, shared, secret})
    r = router(migrated_db)
    return World(
        migrated_db,
        r,
        ContactService(r),
        ListService(r),
        own,
        shared,
        secret,
        operator(mia, "mia"),
        operator(boss, "boss"),
    )


def _contact(w: World, tenant: int, last: str, **extra: object) -> int:
    data = ContactInput(last_name=last, first_name="Eva", email=f"{last.lower()}@example.de", city="Köln", **extra)  # type: ignore[arg-type]
    return w.contacts.save_contact(w.boss, tenant, data)


def test_contact_windows_are_sorted_counted_searched_and_masked_by_the_database(world: World) -> None:
    """Section 8, T8: the contacts page reads windows of the list; together they are the list,
    in the order of last name, first name (case-insensitive), tenant and id; hidden contacts are
    neither listed nor counted, read-only ones masked and not editable; the search narrows both."""
    w = world
    for tenant, last in ((w.own, "meier"), (w.own, "Albers"), (w.shared, "Zander"), (w.own, "Brandt")):
        _contact(w, tenant, last)
    _contact(w, w.shared, "Meier")
    _contact(w, w.secret, "Adler")
    first = w.contacts.contact_window(w.op, "", 0, 2)
    assert not first.complete and first.total == 5
    rest = w.contacts.contact_window(w.op, "", 2, 2, count=False).rows + w.contacts.contact_window(w.op, "", 4, 2).rows
    names = [(r.last_name, r.tenant_id) for r in first.rows + rest]
    assert names == [("Albers", w.own), ("Brandt", w.own), ("meier", w.own), ("Meier", w.shared), ("Zander", w.shared)]
    zander = (first.rows + rest)[-1]
    assert (zander.email, zander.city, zander.editable) == (MASK, MASK, False)
    assert w.contacts.contact_window(w.op, "", 2, 2, count=False).total == -1
    found = w.contacts.contact_window(w.op, "MEI")
    assert found.total == 2 and [r.tenant_id for r in found.rows] == [w.own, w.shared]
    assert w.contacts.contact_window(w.op, "adler").total == 0  # hidden: not even counted
    with pytest.raises(PermissionDeniedError):
        w.contacts.contact_window(Operator(id=w.op.id, username="mia", permissions=frozenset()), "")
    # S5, E2 (revision 0029): folded as every search, every word in any order, after an edit too
    mueller = _contact(w, w.own, "Müller", contact_type="Straßenbau")
    assert w.contacts.contact_window(w.op, "STRASSEN mueller").total == 1
    assert [r.id for r in w.contacts.list_contacts(w.op, "eva MÜLLER")] == [mueller]
    row, _ = w.contacts.get_contact(w.boss, w.own, mueller)
    w.contacts.save_contact(w.boss, w.own, ContactInput(last_name="Groß", first_name="Eva"), mueller, row.version)
    assert w.contacts.contact_window(w.op, "mueller").total == 0
    assert w.contacts.contact_window(w.op, "gross eva").total == 1
    assert stale_search_keys(w.db.engine) == []


def _window_plan(w: World, offset: int) -> tuple[list[tuple[str, int]], str]:
    """The names of the boss's window of 2 from ``offset``, and the plan of its statement, with the
    backend's sort made as dear as possible (SQLite and PostgreSQL); on MariaDB the plan as it is:
    the window's ids from the order index, then their rows (db.contact_order.window)."""
    seen: list[tuple[str, object]] = []

    def grab(_c: object, _cur: object, statement: str, parameters: object, _ctx: object, _many: bool) -> None:
        seen.append((statement, parameters))

    engine = w.db.engine
    event.listen(engine, "before_cursor_execute", grab)
    try:
        rows = w.contacts.contact_window(w.boss, "", offset, 2).rows
    finally:
        event.remove(engine, "before_cursor_execute", grab)
    statement, parameters = next((s, p) for s, p in seen if "ORDER BY" in s and "FROM contact" in s)
    with engine.connect() as conn:
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        if engine.dialect.name == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
            plan = "\n".join(str(row[3]) for row in cursor.fetchall())
        elif engine.dialect.name == "postgresql":
            cursor.execute("SET enable_sort = off")
            cursor.execute("SET enable_seqscan = off")
            cursor.execute("EXPLAIN " + statement, parameters)
            plan = "\n".join(str(row[0]) for row in cursor.fetchall())
        else:
            cursor.execute("EXPLAIN " + statement, parameters)
            plan = "\n".join(" ".join(map(str, row)) for row in cursor.fetchall())
    return [(r.last_name, r.tenant_id) for r in rows], plan


def test_contact_windows_are_read_from_the_order_index(world: World) -> None:
    """Section 8, S5 (issue 8): an operator who sees every tenant reads each window of the contacts
    list in the order of the index of revision 0025 (db.contact_order), on every backend, without a
    sort of all contacts: names case-insensitive, then tenant and id, as the list orders them. On
    MariaDB the window's ids come from the index alone and only the window's rows are sorted."""
    w = world
    for tenant, last, first in (
        (w.own, "braun", "Eva"),
        (w.shared, "Braun", "eva"),
        (w.secret, "acker", "Zoe"),
        (w.own, "Zorn", "Anna"),
        (w.shared, "ACKER", "anna"),
    ):
        w.contacts.save_contact(w.boss, tenant, ContactInput(last_name=last, first_name=first))
    names, plan = _window_plan(w, 1)
    assert names == [("acker", w.secret), ("braun", w.own)]
    assert _window_plan(w, 3)[0] == [("Braun", w.shared), ("Zorn", w.own)]
    if w.db.engine.dialect.name == "mysql":
        # The ids from the index alone, no sort there; the window's rows after it, sorted alone.
        [from_index] = [line for line in plan.splitlines() if " DERIVED " in line]
        assert contact_order.MARIADB_INDEX in from_index and "Using index" in from_index, plan
        assert "filesort" not in from_index, plan
        assert all("<derived" in line for line in plan.splitlines() if "filesort" in line), plan
        return
    assert "TEMP B-TREE" not in plan and "Sort" not in plan and "filesort" not in plan, plan
    assert tables.CONTACT_ORDER_INDEX in plan, plan


def test_hidden_read_only_and_masked_contacts(world: World, tmp_path: Path) -> None:
    """T8: hidden contacts appear nowhere (list, search, export); read-only ones are listed but
    every change is refused by the service; without private data personal fields are masked."""
    w = world
    mine = _contact(w, w.own, "Eigner", birthday=dt.date(1980, 5, 1))
    theirs = _contact(w, w.shared, "Geteilter", birthday=dt.date(1970, 1, 2))
    _contact(w, w.secret, "Geheimer")
    rows = {r.last_name: r for r in w.contacts.list_contacts(w.op)}
    assert set(rows) == {"Eigner", "Geteilter"}
    assert (rows["Eigner"].email, rows["Eigner"].birthday, rows["Eigner"].editable) == (
        "eigner@example.de",
        "1980-05-01",
        True,
    )
    assert (rows["Geteilter"].email, rows["Geteilter"].city, rows["Geteilter"].birthday) == (MASK, MASK, MASK)
    assert rows["Geteilter"].editable is False
    assert w.contacts.list_contacts(w.op, "geheim") == []
    assert len(w.contacts.list_contacts(w.boss)) == 3

    with pytest.raises(PermissionDeniedError):
        w.contacts.save_contact(w.op, w.shared, ContactInput(last_name="Neu"), theirs, rows["Geteilter"].version)
    with pytest.raises(PermissionDeniedError):
        w.contacts.save_contact(w.op, w.shared, ContactInput(last_name="Neu"))
    with pytest.raises(PermissionDeniedError):
        w.contacts.delete_contact(w.op, w.shared, theirs, rows["Geteilter"].version)
    with pytest.raises(NotFoundError):
        w.contacts.get_contact(w.op, w.secret, 1)
    with pytest.raises(ValidationError) as bad:
        w.contacts.save_contact(w.op, w.own, ContactInput(last_name="X", email="kein-at"))
    assert bad.value.field == "email"

    w.contacts.save_contact(
        w.op, w.own, ContactInput(last_name="Eignerin", first_name="Eva"), mine, rows["Eigner"].version
    )
    assert w.contacts.get_contact(w.op, w.own, mine)[0].last_name == "Eignerin"

    out = tmp_path / "kontakte.xlsx"
    assert export_contacts(w.router, w.op, out) == 2
    sheet = openpyxl.load_workbook(out).active
    values = [[c for c in row] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert not any("Geheimer" in str(v) for row in values for v in row)
    geteilt = next(row for row in values if row[0] == "Geteilter")
    assert geteilt[5] == MASK and geteilt[9] == MASK
    with pytest.raises(PermissionDeniedError):
        export_contacts(w.router, operator(w.op.id or 0, "mia", permissions={"contacts.view"}), out)


def test_person_roles_follow_their_own_tenant(world: World) -> None:
    """T7, T8: a person-role belongs to a tenant of its own; roles in hidden tenants are not shown,
    roles are created only in tenants with full access, and masked by their own tenant."""
    w = world
    contact = _contact(w, w.own, "Presse")
    w.contacts.save_role(w.boss, w.own, contact, w.own, RoleInput("Kölner Tageblatt", "Redakteurin", email="a@kt.de"))
    w.contacts.save_role(w.boss, w.own, contact, w.shared, RoleInput("Radio Nord", "Moderatorin", email="b@rn.de"))
    w.contacts.save_role(w.boss, w.own, contact, w.secret, RoleInput("Geheimblatt", "Chefin"))
    _row, roles = w.contacts.get_contact(w.op, w.own, contact)
    assert [(r.organisation, r.email, r.editable) for r in roles] == [
        ("Kölner Tageblatt", "a@kt.de", True),
        ("Radio Nord", MASK, False),
    ]
    assert {r.organisation for r in w.contacts.list_person_roles(w.op)} == {"Kölner Tageblatt", "Radio Nord"}
    with pytest.raises(PermissionDeniedError):
        w.contacts.save_role(w.op, w.own, contact, w.shared, RoleInput("Neu"))
    with pytest.raises(NotFoundError):
        w.contacts.save_role(w.op, w.own, contact, w.secret, RoleInput("Neu"))
    radio = next(r for r in roles if r.organisation == "Radio Nord")
    with pytest.raises(PermissionDeniedError):
        w.contacts.delete_role(w.op, w.own, radio.id, radio.version)
    # The contact reaches into tenants mia may not change: she cannot delete it.
    contact_row = w.contacts.get_contact(w.op, w.own, contact)[0]
    with pytest.raises(PermissionDeniedError):
        w.contacts.delete_contact(w.op, w.own, contact, contact_row.version)
    assert w.contacts.creatable_tenants(w.op) == [type(w.contacts.creatable_tenants(w.op)[0])(w.own, "Eigen")]


def test_bulk_delete_is_one_unit_of_work_with_rights_versions_and_audit(world: World) -> None:
    """S4, S3, T8, C10: several contacts (with their person-roles and list places) and several
    person-roles go in one step, audited row by row; anything refused (read only, hidden, changed
    elsewhere, a portal account, no right) deletes nothing and says why."""
    w = world
    ids = {name: _contact(w, w.own, name) for name in ("Albers", "Brandt", "Conrad", "Dreher")}
    roles = {
        name: w.contacts.save_role(w.boss, w.own, cid, w.own, RoleInput(f"Zeitung {name}")) for name, cid in ids.items()
    }
    w.lists.save_list(w.boss, w.own, "Alle", "", {(w.own, r) for r in roles.values()})
    shared = _contact(w, w.shared, "Geteilter")
    secret = _contact(w, w.secret, "Geheimer")
    rows = {r.last_name: r for r in w.contacts.list_contacts(w.op)}

    def versions(*names: str) -> dict[tuple[int, int], int]:
        return {rows[n].key: rows[n].version for n in names}

    def count(model: type) -> int:
        with w.db.session_factory() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)

    from mandant_desktop.db.models import Contact, DistributionListMember, PersonRole, User, UserKind, UserStatus
    from mandant_desktop.domain.errors import ConflictError, InUseError

    before = (count(Contact), count(PersonRole), count(DistributionListMember))
    with pytest.raises(PermissionDeniedError):  # read only
        w.contacts.delete_contacts(w.op, {**versions("Albers"), (w.shared, shared): rows["Geteilter"].version})
    with pytest.raises(NotFoundError):  # hidden
        w.contacts.delete_contacts(w.op, {**versions("Albers"), (w.secret, secret): 1})
    with pytest.raises(ConflictError):  # changed elsewhere since it was read
        w.contacts.delete_contacts(w.op, {**versions("Albers"), rows["Brandt"].key: rows["Brandt"].version + 1})
    with pytest.raises(PermissionDeniedError):  # no right to delete
        w.contacts.delete_contacts(operator(w.op.id or 0, "mia", permissions={"contacts.view"}), versions("Albers"))
    # A portal account is bound to its person (C10): the contact stays, the message names both.
    with w.db.session_factory.begin() as session:
        session.add(
            User(
                username="conrad",
                username_key="conrad",
                kind=UserKind.EXTERNAL,
                status=UserStatus.ACTIVE,
                contact_id=ids["Conrad"],
            )
        )
    with pytest.raises(InUseError) as refused:
        w.contacts.delete_contacts(w.op, versions("Albers", "Conrad"))
    assert "Conrad, Eva (conrad)" in str(refused.value)
    assert (count(Contact), count(PersonRole), count(DistributionListMember)) == before

    assert w.contacts.delete_contacts(w.op, versions("Albers", "Brandt")) == 2
    assert {r.last_name for r in w.contacts.list_contacts(w.op)} == {"Conrad", "Dreher", "Geteilter"}
    assert (count(Contact), count(PersonRole), count(DistributionListMember)) == (
        before[0] - 2,
        before[1] - 2,
        before[2] - 2,
    )
    with w.db.session_factory() as session:
        audited = session.execute(
            select(AuditEntry.object_type, func.count())
            .where(AuditEntry.action == "delete")
            .group_by(AuditEntry.object_type)
        ).all()
    assert {"Contact": 2, "PersonRole": 2}.items() <= dict(audited).items()

    # Person-roles of one contact: both or neither.
    extra = w.contacts.save_role(w.boss, w.own, ids["Dreher"], w.own, RoleInput("Radio"))
    _row, dreher_roles = w.contacts.get_contact(w.op, w.own, ids["Dreher"])
    stale = {r.id: r.version + (1 if r.id == extra else 0) for r in dreher_roles}
    with pytest.raises(ConflictError):
        w.contacts.delete_roles(w.op, w.own, stale)
    assert len(w.contacts.get_contact(w.op, w.own, ids["Dreher"])[1]) == 2
    assert w.contacts.delete_roles(w.op, w.own, {r.id: r.version for r in dreher_roles}) == 2
    assert w.contacts.get_contact(w.op, w.own, ids["Dreher"])[1] == []
    with pytest.raises(ValidationError):
        w.contacts.delete_contacts(w.op, {})


def test_mixed_distribution_list(world: World) -> None:
    """T10: a list with members of several tenants is editable only with full access to all of
    them; otherwise read only, with the hidden members counted but not shown."""
    w = world
    roles = []
    for tenant, name in ((w.own, "A"), (w.own, "B"), (w.shared, "C"), (w.secret, "D"), (w.secret, "E")):
        contact = _contact(w, tenant, name)
        roles.append((tenant, w.contacts.save_role(w.boss, tenant, contact, tenant, RoleInput(f"Medium {name}"))))
    own_list = w.lists.save_list(w.boss, w.own, "Nur eigene", "", set(roles[:2]))
    mixed = w.lists.save_list(w.boss, w.own, "Gemischt", "alle", set(roles))
    rows = {r.name: r for r in w.lists.list_lists(w.op)}
    assert (rows["Nur eigene"].members, rows["Nur eigene"].hidden_members, rows["Nur eigene"].editable) == (2, 0, True)
    assert (rows["Gemischt"].members, rows["Gemischt"].hidden_members, rows["Gemischt"].editable) == (3, 2, False)
    details = w.lists.get_list(w.op, w.own, mixed)
    assert sorted(m.organisation for m in details.members) == ["Medium A", "Medium B", "Medium C"]
    with pytest.raises(PermissionDeniedError):
        w.lists.save_list(w.op, w.own, "Gemischt", "", set(roles[:3]), mixed, rows["Gemischt"].version)
    with pytest.raises(PermissionDeniedError):
        w.lists.delete_list(w.op, w.own, mixed, rows["Gemischt"].version)
    # Adding a member of a read-only tenant to an own list is refused too.
    with pytest.raises(PermissionDeniedError):
        w.lists.save_list(w.op, w.own, "Nur eigene", "", set(roles[:3]), own_list, rows["Nur eigene"].version)
    w.lists.save_list(w.op, w.own, "Nur eigene", "", {roles[0]}, own_list, rows["Nur eigene"].version)
    assert [m.organisation for m in w.lists.get_list(w.op, w.own, own_list).members] == ["Medium A"]
    boss_rows = {r.name: r for r in w.lists.list_lists(w.boss)}
    assert (boss_rows["Gemischt"].members, boss_rows["Gemischt"].editable) == (5, True)
    with w.db.session_factory() as session:
        audited = session.scalar(
            select(func.count()).where(
                AuditEntry.object_type == "DistributionListMember", AuditEntry.object_id == str(own_list)
            )
        )
    assert audited == 2


def test_templates_export_and_import_with_name_clashes(world: World, tmp_path: Path) -> None:
    """T12: selected templates go to a file and come into another tenant: skip, rename or overwrite."""
    w = world
    a = w.lists.save_template(w.boss, w.shared, "Einladung", "Einladung zur PK", "Sehr geehrte …")
    w.lists.save_template(w.boss, w.shared, "Absage", "Leider", "…")
    w.lists.save_template(w.boss, w.secret, "Geheim", "x", "y")
    w.lists.save_template(w.op, w.own, "Einladung", "Alt", "alt")
    with pytest.raises(ValidationError):
        w.lists.save_template(w.op, w.own, "Einladung", "", "")
    names = {(t.tenant, t.name) for t in w.lists.list_templates(w.op)}
    assert names == {("Geteilt", "Einladung"), ("Geteilt", "Absage"), ("Eigen", "Einladung")}

    file = tmp_path / "vorlagen.json"
    keys = [(t.tenant_id, t.id) for t in w.lists.list_templates(w.op) if t.tenant == "Geteilt"]
    assert w.lists.export_templates(w.op, [*keys, (w.secret, 1)], file) == 2
    assert {t["name"] for t in json.loads(file.read_text(encoding="utf-8"))["templates"]} == {"Einladung", "Absage"}

    report = w.lists.import_templates(w.op, file, w.own, OnClash.SKIP)
    assert (report.created, report.skipped) == (1, 1)
    report = w.lists.import_templates(w.op, file, w.own, OnClash.RENAME)
    assert (report.renamed, report.created) == (2, 0)
    report = w.lists.import_templates(w.op, file, w.own, OnClash.OVERWRITE)
    assert report.overwritten == 2
    own = {t.name: t.subject for t in w.lists.list_templates(w.op) if t.tenant_id == w.own}
    assert own == {
        "Einladung": "Einladung zur PK",
        "Absage": "Leider",
        "Einladung (2)": "Einladung zur PK",
        "Absage (2)": "Leider",
    }
    with pytest.raises(PermissionDeniedError):
        w.lists.import_templates(w.op, file, w.shared, OnClash.SKIP)
    broken = tmp_path / "kaputt.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ValidationError.__mro__[1]):
        w.lists.import_templates(w.op, broken, w.own, OnClash.SKIP)
    with w.db.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Template).where(Template.id == a)) == 1


def test_system_operator_sees_everything(world: World) -> None:
    """The CLI is unrestricted (no tenant access rows), unless a filter narrows it (T9)."""
    w = world
    _contact(w, w.secret, "Geheimer")
    assert [c.last_name for c in w.contacts.list_contacts(system_operator())] == ["Geheimer"]
    narrowed = Operator(id=None, username="s", is_system=True, tenant_filter=frozenset({w.own}))
    assert w.contacts.list_contacts(narrowed) == []
