"""Separate tenants end to end: their own database, created and migrated by the application, holding
their contacts, person-roles, lists and templates (SPEC T6), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dbhelpers import MigratedDatabase, database_url, drop_database, migrated_database, require_backend, unique_name
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from tenanthelpers import add_tenants, add_user, grant, operator, router

from mandant_desktop.db.models import AccessLevel, AuditEntry, Contact, DistributionList, PersonRole, Template, Tenant
from mandant_desktop.db.models import TenantKind as Kind
from mandant_desktop.domain.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from mandant_desktop.services.contacts import ContactInput, ContactService, RoleInput
from mandant_desktop.services.lists import ListService
from mandant_desktop.services.tenants import TenantInput, TenantService


@pytest.fixture(params=["sqlite", "postgresql"])
def main_and_separate(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[MigratedDatabase, str]]:
    backend = request.param
    if backend == "postgresql":
        require_backend(backend)
        url = database_url(backend, unique_name("mandant_separate"))
    else:
        url = f"sqlite:///{tmp_path / 'getrennt.sqlite'}"
    with migrated_database(backend, tmp_path) as main:
        try:
            yield main, url
        finally:
            drop_database(url)


def _count(url: str, model: type, tenant_id: int) -> int:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(model).where(model.tenant_id == tenant_id)) or 0  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def test_separate_tenant_round_trip(main_and_separate: tuple[MigratedDatabase, str]) -> None:
    """T6: the application creates and migrates the separate database; that tenant's data is written
    and read there; lists merge it with the main database's rows; tenant access and the audit
    log stay in the main database; the tenant rules (T8) hold there as well."""
    main, url = main_and_separate
    factory = main.session_factory
    data_router = router(main)
    tenants = TenantService(factory, data_router)
    contacts, lists = ContactService(data_router), ListService(data_router)
    boss_id, mia_id = add_user(factory, "boss"), add_user(factory, "mia")
    boss = operator(boss_id, "boss")
    (inner,) = add_tenants(factory, "Innen")
    grant(factory, boss_id, {inner: AccessLevel.FULL}, private={inner})
    separate = tenants.create_tenant(boss, TenantInput(name="Getrennt GmbH", kind=Kind.SEPARATE, database_url=url))
    row = next(t for t in tenants.list_tenants(boss) if t.id == separate)
    assert row.kind is Kind.SEPARATE and row.database_url is not None and row.name[:8] == "Getrennt"

    inner_contact = contacts.save_contact(boss, inner, ContactInput(last_name="Innere", email="i@example.de"))
    far_contact = contacts.save_contact(boss, separate, ContactInput(last_name="Ferne", email="f@example.de"))
    role = contacts.save_role(boss, separate, far_contact, separate, RoleInput("Fernsehen Nord", "Redakteur"))
    list_id = lists.save_list(boss, separate, "Ferner Verteiler", "", {(separate, role)})
    lists.save_template(boss, separate, "Ferne Vorlage", "Betreff", "Text")
    # Ids may repeat across databases: objects are addressed by (tenant, id).
    assert inner_contact == far_contact == 1

    assert _count(url, Contact, separate) == 1 and _count(url, PersonRole, separate) == 1
    assert _count(url, DistributionList, separate) == 1 and _count(url, Template, separate) == 1
    assert _count(main.url, Contact, separate) == 0 and _count(main.url, Template, separate) == 0

    listed = {(c.tenant_id, c.last_name) for c in contacts.list_contacts(boss)}
    assert listed == {(inner, "Innere"), (separate, "Ferne")}
    # The contacts page's window over two databases: both merged in memory, whole (section 8).
    window = contacts.contact_window(boss, "", 0, 1)
    assert window.complete and window.total == 2
    assert [(c.tenant_id, c.last_name) for c in window.rows] == [(separate, "Ferne"), (inner, "Innere")]
    assert [m.organisation for m in lists.get_list(boss, separate, list_id).members] == ["Fernsehen Nord"]
    assert [t.name for t in lists.list_templates(boss)] == ["Ferne Vorlage"]
    assert {(r.name, r.members) for r in lists.list_lists(boss)} == {("Ferner Verteiler", 1)}
    with factory() as session:
        audited = session.scalars(select(AuditEntry.object_type).where(AuditEntry.tenant_id == separate)).all()
    assert {"Contact", "PersonRole", "DistributionList", "Template", "DistributionListMember"} <= set(audited)

    # Members of another database cannot join this tenant's list.
    inner_role = contacts.save_role(boss, inner, inner_contact, inner, RoleInput("Innenblatt"))
    list_version = lists.get_list(boss, separate, list_id).row.version
    with pytest.raises(ValidationError):
        lists.save_list(
            boss, separate, "Ferner Verteiler", "", {(separate, role), (inner, inner_role)}, list_id, list_version
        )

    # The rules hold in the separate database too: read only, then hidden for mia.
    grant(factory, mia_id, {separate: AccessLevel.READ_ONLY})
    mia = operator(mia_id, "mia")
    seen = contacts.list_contacts(mia)
    assert [(c.last_name, c.email, c.editable) for c in seen] == [("Ferne", "•••", False)]
    with pytest.raises(PermissionDeniedError):
        contacts.save_contact(mia, separate, ContactInput(last_name="X"), far_contact, seen[0].version)
    grant(factory, mia_id, {separate: AccessLevel.HIDDEN})
    assert contacts.list_contacts(mia) == [] and lists.list_templates(mia) == []
    with pytest.raises(NotFoundError):
        contacts.get_contact(mia, separate, far_contact)

    # The tenant holds data in its own database: it cannot be deleted.
    version = next(t.version for t in tenants.list_tenants(boss) if t.id == separate)
    with pytest.raises(ConflictError) as refused:
        tenants.delete_tenant(boss, separate, version)
    assert refused.value.values["contacts"] == 1

    # A second application start finds the data again through the stored URL.
    data_router.close()
    again = ContactService(router(main))
    assert {c.last_name for c in again.list_contacts(boss)} == {"Innere", "Ferne"}
    with factory() as session:
        stored = session.scalar(select(Tenant.database_url).where(Tenant.id == separate))
    assert stored is not None and make_url(stored).password is None


def test_separate_database_password_goes_to_the_keyring_only(migrated_sqlite: MigratedDatabase) -> None:
    """S6, T6: the URL kept in the tenant row never holds a password; without a keyring a password
    is refused with a reason instead of being stored anywhere."""
    from mandant_desktop.services.tenant_data import TenantDataRouter, storable_url

    assert storable_url("postgresql://mandant:geheim@db.example/mandant_x") == (
        "postgresql+psycopg://mandant@db.example/mandant_x"
    )

    class NoKeyring:
        available = False
        reason = "none"

        def get(self, key: str) -> None:
            return None

        def set(self, key: str, secret: str) -> None:
            raise AssertionError("must not be called")

        def delete(self, key: str) -> None:
            pass

    boss_id = add_user(migrated_sqlite.session_factory, "boss")
    tenants = TenantService(
        migrated_sqlite.session_factory, TenantDataRouter(migrated_sqlite.session_factory, NoKeyring())
    )
    with pytest.raises(ValidationError) as refused:
        tenants.create_tenant(
            operator(boss_id, "boss"),
            TenantInput(
                name="Fern",
                kind=Kind.SEPARATE,
                database_url="postgresql://mandant@127.0.0.1:1/nirgends",
                database_password="geheim",
            ),
        )
    assert "geheim" not in refused.value.message
    with migrated_sqlite.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Tenant)) == 0
