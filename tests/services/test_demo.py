"""Demo data generator (SPEC section 8, E9; the invariants of A5, A6, C3, C5, C7, T5, T10, S1)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher
from dbhelpers import MigratedDatabase, migrated_database, stale_search_keys
from sqlalchemy import Engine, event, func, select
from sqlalchemy.orm import Session

from mandant_desktop.db.models import (
    AccessLevel,
    ActivationToken,
    AuditEntry,
    Base,
    Contact,
    Customer,
    CustomerContactPerson,
    DistributionList,
    DistributionListMember,
    InheritanceSource,
    MailStatus,
    OrgUnit,
    OutboxMail,
    PersonRole,
    RightsGroup,
    RightsGroupKind,
    RightsGroupMember,
    Role,
    RoleAssignment,
    Tenant,
    TenantAccess,
    User,
    UserKind,
    UserStatus,
)
from mandant_desktop.domain import mail_texts
from mandant_desktop.domain.errors import DomainError
from mandant_desktop.domain.permissions import PREDEFINED_ROLES
from mandant_desktop.services.activation import ActivationService
from mandant_desktop.services.customers import CustomerQuery, CustomerService
from mandant_desktop.services.demo import ADMIN_PASSWORD, ADMIN_USERNAME, generate_demo
from mandant_desktop.services.operator import system_operator
from mandant_desktop.services.progress import OperationCancelledError


def _count(session: Session, model: type[Base]) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_small_demo_on_every_backend(migrated_db: MigratedDatabase) -> None:
    """Section 8 / E9: the small demo fills a migrated database on SQLite, PostgreSQL and MariaDB
    with the promised amounts; S1: admin logs in with mandant-demo; A5/A6 hold for every row."""
    report = generate_demo(migrated_db.engine, scale="small", seed=1)
    assert stale_search_keys(migrated_db.engine) == []  # the users search's key (U1)

    with migrated_db.session_factory() as session:
        counts = {
            "tenant": _count(session, Tenant),
            "app_user": _count(session, User),
            "role": _count(session, Role),
            "org_unit": _count(session, OrgUnit),
            "customer": _count(session, Customer),
            "contact": _count(session, Contact),
            "distribution_list": _count(session, DistributionList),
            "role_assignment": _count(session, RoleAssignment),
        }
        assert counts == {
            "tenant": 8,
            "app_user": 40,
            "role": 6,  # the predefined ones, looked up, not recreated
            "org_unit": 60,
            "customer": 300,
            "contact": 200,
            "distribution_list": 10,
            "role_assignment": report.counts["role_assignment"],
        }
        assert report.counts["app_user"] == 40
        assert report.counts["role_assignment"] >= 500
        assert session.scalar(select(func.max(OrgUnit.depth))) == 3  # four levels

        # The customers are in the search index (filled in one statement after the inserts).
        names = list(session.scalars(select(Customer.name)))
        search = names[0][1:5]
        found = CustomerService(migrated_db.session_factory).count(
            system_operator("test"), CustomerQuery(search=search)
        )
        assert found >= sum(search.lower() in name.lower() for name in names) > 0
        if migrated_db.engine.dialect.name != "mysql":  # MariaDB's collation also takes "a" for "ä"
            assert found == sum(search.lower() in name.lower() for name in names)

        _check_admin(session)
        _check_roleless_users(session)
        _check_inheritance(session)
        _check_customers(session)
        _check_tenant_data(session)

        audit = session.scalars(select(AuditEntry)).all()
        demo = [(a.object_type, a.summary) for a in audit if a.object_type == "DemoData"]
        assert demo == [("DemoData", "demo data generated")]
        assert len(audit) > 100  # a change history for the audit log page (S3)

    # The ids the generator chose do not collide with the ones the database hands out next
    # (PostgreSQL sequences had to be moved past them).
    with migrated_db.session_factory() as session:
        session.add(Tenant(name="Nachher", name_key="nachher"))
        session.add(OrgUnit(name="Neu", parent_id=1, depth=1))
        session.commit()


def _check_admin(session: Session) -> None:
    admin = session.scalars(select(User).where(User.username == ADMIN_USERNAME)).one()
    assert admin.status is UserStatus.ACTIVE
    assert admin.kind is UserKind.INTERNAL
    assert admin.password_hash is not None and admin.password_hash.startswith("$argon2id$")
    assert PasswordHasher().verify(admin.password_hash, ADMIN_PASSWORD)

    root = session.scalars(select(OrgUnit).where(OrgUnit.parent_id.is_(None))).one()
    administrator = session.scalars(select(Role).where(Role.predefined_key == "administrator")).one()
    rows = session.scalars(select(RoleAssignment).where(RoleAssignment.user_id == admin.id)).all()
    assert {r.role_id for r in rows} == {administrator.id}
    assert len(rows) == _count(session, OrgUnit)
    by_unit = {r.org_unit_id: r.inherited_from_id for r in rows}
    assert by_unit.pop(root.id) is None  # direct at the root …
    assert set(by_unit.values()) == {root.id}  # … inherited from the root everywhere else
    assert session.get(InheritanceSource, (admin.id, root.id)) is not None

    access = session.scalars(select(TenantAccess).where(TenantAccess.user_id == admin.id)).all()
    assert len(access) == _count(session, Tenant)
    assert all(a.level is AccessLevel.FULL and a.private_data for a in access)


def _check_roleless_users(session: Session) -> None:
    """U1/R3: two active staff members hold no role anywhere, so the users page has someone to
    show its "cannot log in" warning on."""
    with_roles = select(RoleAssignment.user_id)
    roleless = session.scalars(
        select(User.username).where(
            User.kind == UserKind.INTERNAL, User.status == UserStatus.ACTIVE, User.id.not_in(with_roles)
        )
    ).all()
    assert len(roleless) == 2


def _check_inheritance(session: Session) -> None:
    """A5: every inherited row traces to an InheritanceSource at an ancestor whose direct role set
    it carries, and every descendant without direct roles got that set. A6: within one unit a
    user's roles are all direct or all inherited (from one source)."""
    parent = {unit: up for unit, up in session.execute(select(OrgUnit.id, OrgUnit.parent_id))}
    children: dict[int, list[int]] = defaultdict(list)
    for unit, up in parent.items():
        if up is not None:
            children[up].append(unit)
    sources = {(u, o) for u, o in session.execute(select(InheritanceSource.user_id, InheritanceSource.org_unit_id))}
    assert sources

    cells: dict[tuple[int, int], list[tuple[int, int | None]]] = defaultdict(list)
    for user_id, unit, role, origin in session.execute(
        select(
            RoleAssignment.user_id, RoleAssignment.org_unit_id, RoleAssignment.role_id, RoleAssignment.inherited_from_id
        )
    ):
        cells[(user_id, unit)].append((role, origin))

    def roles_at(user_id: int, unit: int) -> set[int]:
        return {role for role, _ in cells.get((user_id, unit), [])}

    def ancestors(unit: int) -> list[int]:
        chain = []
        current = parent[unit]
        while current is not None:
            chain.append(current)
            current = parent[current]
        return chain

    def descendants(unit: int) -> list[int]:
        found, stack = [], list(children[unit])
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(children[current])
        return found

    for (user_id, unit), rows in cells.items():
        origins = {origin for _, origin in rows}
        assert len(origins) == 1, f"A6 broken for user {user_id} in unit {unit}: {origins}"
        (origin,) = origins
        if origin is None:
            continue
        assert origin in ancestors(unit)
        assert (user_id, origin) in sources
        assert all(o is None for _, o in cells[(user_id, origin)]), "a source's own roles are direct"
        assert roles_at(user_id, unit) == roles_at(user_id, origin)

    for user_id, source in sources:
        assert roles_at(user_id, source), "an inheriting unit holds direct roles"
        for unit in descendants(source):
            rows = cells.get((user_id, unit), [])
            assert rows, f"unit {unit} below source {source} of user {user_id} got nothing"
            if rows[0][1] is not None:
                assert rows[0][1] == source


def _check_customers(session: Session) -> None:
    """C3: customer rights groups follow X + number + name; C5: external users are in their
    customer's group; C7: contact persons come from CustomerSalesRepresentatives and sit in the
    group of their portal customers."""
    customers = {c.id: c for c in session.scalars(select(Customer))}
    assert all(len(c.number) == 5 and c.number.isdigit() for c in customers.values())
    assert any(c.is_agency for c in customers.values())
    assert any(c.default_agency_id is not None for c in customers.values())
    assert all(customers[c.default_agency_id].is_agency for c in customers.values() if c.default_agency_id)
    assert all(c.quota_mb is None for c in customers.values() if not c.remote_access)

    groups = session.scalars(select(RightsGroup).where(RightsGroup.kind == RightsGroupKind.CUSTOMER)).all()
    assert len(groups) == sum(1 for c in customers.values() if c.remote_access)
    for group in groups:
        assert group.customer_id is not None
        customer = customers[group.customer_id]
        assert group.name == f"X{customer.number}-{customer.name}"
    group_of = {g.customer_id: g.id for g in groups}
    members = {(g, u) for g, u in session.execute(select(RightsGroupMember.group_id, RightsGroupMember.user_id))}

    externals = session.scalars(select(User).where(User.kind == UserKind.EXTERNAL)).all()
    assert externals
    for user in externals:
        assert user.customer_id is not None and user.contact_id is not None
        assert (group_of[user.customer_id], user.id) in members

    sales = session.scalars(select(RightsGroup.id).where(RightsGroup.name == "CustomerSalesRepresentatives")).one()
    remote_users = session.scalars(select(RightsGroup.id).where(RightsGroup.name == "RemoteUsers")).one()
    pairs = session.execute(select(CustomerContactPerson.customer_id, CustomerContactPerson.user_id)).all()
    assert pairs
    for customer_id, user_id in pairs:
        assert (sales, user_id) in members
        if customer_id in group_of:
            assert (group_of[customer_id], user_id) in members
            assert (remote_users, user_id) in members

    assert {r.predefined_key for r in session.scalars(select(Role))} == {r.key for r in PREDEFINED_ROLES}


def _check_tenant_data(session: Session) -> None:
    """T5: a sub-tenant exists; glossary: a contact holds person-roles in different tenants;
    T10: a distribution list holds person-roles of other tenants."""
    assert session.scalar(select(func.count()).select_from(Tenant).where(Tenant.parent_id.is_not(None)))
    tenants_per_contact = session.execute(
        select(PersonRole.contact_id, func.count(func.distinct(PersonRole.tenant_id))).group_by(PersonRole.contact_id)
    ).all()
    assert any(count > 1 for _, count in tenants_per_contact)
    crossing = session.scalar(
        select(func.count())
        .select_from(DistributionListMember)
        .join(DistributionList, DistributionList.id == DistributionListMember.list_id)
        .join(PersonRole, PersonRole.id == DistributionListMember.person_role_id)
        .where(PersonRole.tenant_id != DistributionList.tenant_id)
    )
    assert crossing


def test_refuses_a_database_that_holds_users(migrated_sqlite: MigratedDatabase) -> None:
    """Section 8: demo data goes into an empty database only. E1: the refusal's values are numbers,
    so the translated template reads right in German (no English words filled into it)."""
    generate_demo(migrated_sqlite.engine, scale="small")
    with pytest.raises(DomainError, match="empty database only") as refused:
        generate_demo(migrated_sqlite.engine, scale="small")
    assert refused.value.values == {"tenants": 8, "users": 40, "org_units": 60}
    with migrated_sqlite.session_factory() as session:
        assert _count(session, Tenant) == 8


def test_cancel_rolls_back_everything(migrated_sqlite: MigratedDatabase) -> None:
    """E3: a cancelled generation leaves the database as empty as it was."""
    calls: list[tuple[str, float]] = []

    def cancel_after_users() -> bool:
        return any(message == "Assigning roles" for message, _ in calls)

    with pytest.raises(OperationCancelledError):
        generate_demo(
            migrated_sqlite.engine,
            scale="small",
            progress=lambda message, fraction: calls.append((message, fraction)),
            cancel=cancel_after_users,
        )
    with migrated_sqlite.session_factory() as session:
        for model in (Tenant, User, OrgUnit, RoleAssignment, AuditEntry):
            assert _count(session, model) == 0, model.__name__
    fractions = [fraction for _, fraction in calls]
    assert fractions == sorted(fractions) and all(0.0 <= f <= 1.0 for f in fractions)


def test_statistics_after_the_demo(migrated_db: MigratedDatabase) -> None:
    """Section 8 / issue 8: the tables the demo filled get fresh statistics. PostgreSQL analyses
    them in the demo's transaction and vacuums them after the commit (the visibility map, which
    index-only scans need; autovacuum may be off); MariaDB analyses after the commit (ANALYZE TABLE
    commits by itself), without which InnoDB planned the log-in's permission query through every
    assignment of a role for minutes after the large demo; SQLite needs neither."""
    events: list[str] = []

    def statement(_conn: Any, _cursor: Any, sql: str, *_rest: Any) -> None:
        if sql.lstrip().upper().startswith(("ANALYZE", "VACUUM")):
            events.append(sql)

    def committed(_conn: Any) -> None:
        events.append("commit")

    engine = migrated_db.engine
    event.listen(engine, "before_cursor_execute", statement)
    event.listen(engine, "commit", committed)
    try:
        generate_demo(engine, scale="small", seed=1)
    finally:
        event.remove(engine, "before_cursor_execute", statement)
        event.remove(engine, "commit", committed)
    analyses = [e for e in events if e.upper().startswith("ANALYZE")]
    vacuums = [e for e in events if e.upper().startswith("VACUUM")]
    backend = engine.dialect.name
    if backend == "sqlite":
        assert not analyses and not vacuums
        return
    assert len(analyses) == 1
    # the tables it filled, and those the migrations filled (the predefined roles' permissions)
    for table in ("role_assignment", "customer", "app_user", "org_unit", "role", "permission", "role_permission"):
        assert re.search(rf"\b`?{table}`?\b", analyses[0]), table
    where = events.index(analyses[0])
    if backend == "mysql":
        assert analyses[0].upper().startswith("ANALYZE TABLE")
        assert "commit" in events[:where]  # the demo's rows were committed first
        assert not vacuums
    else:
        assert "commit" not in events[:where]  # PostgreSQL: inside the demo's transaction
        assert len(vacuums) == 1 and "commit" in events[: events.index(vacuums[0])]
        assert "role_permission" in vacuums[0]
        with engine.connect() as conn:
            # gathered: -1 is "never analysed" (PostgreSQL 14 and later)
            assert conn.exec_driver_sql("SELECT reltuples FROM pg_class WHERE relname = 'role_permission'").scalar() > 0
        with engine.connect() as connection:
            visible = connection.exec_driver_sql(
                "SELECT relname FROM pg_class WHERE relallvisible > 0 AND relname IN "
                "('role_assignment', 'customer', 'app_user', 'org_unit')"
            ).scalars()
            assert sorted(visible) == ["app_user", "customer", "org_unit", "role_assignment"]


def test_unknown_scale_is_refused(migrated_sqlite: MigratedDatabase) -> None:
    with pytest.raises(DomainError, match="Unknown demo scale"):
        generate_demo(migrated_sqlite.engine, scale="huge")  # type: ignore[arg-type]


_VOLATILE = {
    "created_at",
    "updated_at",
    "activated_at",
    "last_login_at",
    "expires_at",
    "password_hash",
    "at",
    "sent_at",
}


def _snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    snapshot = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            # A mail's body holds the link's expiry, a timestamp; its token shows in activation_token.
            columns = [
                c for c in table.columns if c.name not in _VOLATILE and (table.name, c.name) != ("outbox_mail", "body")
            ]
            keys = list(table.primary_key.columns) or columns
            snapshot[table.name] = [tuple(row) for row in connection.execute(select(*columns).order_by(*keys))]
    return snapshot


def test_same_seed_same_data(tmp_path: Path) -> None:
    """Section 8: one seed gives the same data, apart from timestamps and the salted hash; another
    seed gives other data."""
    with migrated_database("sqlite", tmp_path / "a") as first, migrated_database("sqlite", tmp_path / "b") as second:
        generate_demo(first.engine, scale="small", seed=7)
        generate_demo(second.engine, scale="small", seed=7)
        assert _snapshot(first.engine) == _snapshot(second.engine)
    with migrated_database("sqlite", tmp_path / "c") as other:
        generate_demo(other.engine, scale="small", seed=8)
        with other.session_factory() as session:
            names = session.scalars(select(User.username).order_by(User.id)).all()
    with migrated_database("sqlite", tmp_path / "d") as again:
        generate_demo(again.engine, scale="small", seed=7)
        with again.session_factory() as session:
            assert session.scalars(select(User.username).order_by(User.id)).all() != names


def test_small_demo_fills_the_outbox(migrated_sqlite: MigratedDatabase) -> None:
    """U4: the Outbox page has something to show: activation links and confirmations in the
    operator's language, sent ones, one the recipient's server refused (with its German reason) and
    one waiting; the waiting link is a real one (U2)."""
    german = {mail_texts.ACTIVATION_SUBJECT: "Aktivieren Sie Ihr Konto", mail_texts.MAIL_LANGUAGE: "de"}
    report = generate_demo(migrated_sqlite.engine, scale="small", seed=1, translate=lambda t: german.get(t, t))
    with migrated_sqlite.session_factory() as session:
        mails = session.scalars(select(OutboxMail).order_by(OutboxMail.created_at)).all()
        assert report.counts["outbox_mail"] == len(mails) >= 5
        statuses = [mail.status for mail in mails]
        assert statuses.count(MailStatus.FAILED) == 1
        assert statuses.count(MailStatus.QUEUED) == 1
        assert statuses.count(MailStatus.SENT) == len(mails) - 2
        assert all((mail.sent_at is not None) == (mail.status == MailStatus.SENT) for mail in mails)
        failed = next(mail for mail in mails if mail.status == MailStatus.FAILED)
        assert failed.error is not None and "Postfach nicht vorhanden" in failed.error
        assert {mail.subject for mail in mails} == {"Aktivieren Sie Ihr Konto", mail_texts.CONFIRMATION_SUBJECT}
        assert {mail.language for mail in mails} == {"de"}  # the language of the translate that wrote them
        waiting = next(mail for mail in mails if mail.status == MailStatus.QUEUED)
        user = session.scalars(select(User).where(User.email == waiting.recipient)).one()
        assert user.status == UserStatus.PENDING
        assert session.scalar(
            select(func.count()).select_from(ActivationToken).where(ActivationToken.user_id == user.id)
        )
    token = waiting.body.split("token=", 1)[1].split()[0]
    assert ActivationService(migrated_sqlite.session_factory).token_info(token).username == user.username


def test_company_names_at_a_street_read_as_german() -> None:
    """SPEC 8 (demo data), E1: a firm named after its street took "am" before every street, which
    read "Konditorei am Lindenstraße" and "Reisebüro am Am Markt" on the customers page. A street
    of "die Straße" or "die Allee" takes "in der", one that begins with "Am" keeps it, a "Weg" or
    "Platz" takes "am"."""
    import random
    import types
    from typing import cast

    from mandant_desktop.services.demo import names
    from mandant_desktop.services.demo.context import DemoContext
    from mandant_desktop.services.demo.customers import at_street, company_name

    assert at_street("Lindenstraße") == "in der Lindenstraße"
    assert at_street("Königsallee") == "in der Königsallee"
    assert at_street("Am Markt") == "am Markt"
    assert at_street("Mühlenweg") == "am Mühlenweg"
    assert at_street("Rathausplatz") == "am Rathausplatz"
    context = cast(DemoContext, types.SimpleNamespace(rng=random.Random(3)))
    made = [company_name(context)[0] for _ in range(3000)]
    wrong = [n for n in made if re.search(r" am (Am |\w+(straße|allee)\b)", n)]
    assert not wrong, wrong[:5]
    assert any(f" in der {street} " in n for n in made for street in names.STREETS)
