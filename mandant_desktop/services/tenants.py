"""Tenants: the list, their properties, creation and deletion (SPEC T1, T4-T6, T11).

The tenant list shows the tenants the operator may see (T8); the toolbar's tenant filter (T9)
narrows it like any other list. Changing a tenant needs ``tenants.edit`` and full access to it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import Connection, Table, delete, func, select

from mandant_desktop.db import tables
from mandant_desktop.db.tables import AccessLevel, TenantKind
from mandant_desktop.domain.errors import InUseError, Tally, ValidationError
from mandant_desktop.domain.tenant_access import Level, TenantScope
from mandant_desktop.domain.tenants import clean_slug, clean_tenant_name, would_cycle
from mandant_desktop.domain.validation import clean_name, name_key
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenant_scope import load_tenant_scope, visible_clause
from mandant_desktop.services.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from mandant_desktop.db.models import Tenant
    from mandant_desktop.services.tenant_data import TenantDataRouter

log = logging.getLogger(__name__)

TENANT = "Tenant"
#: user_setting key of the toolbar's tenant filter (T9)
FILTER_SETTING = "tenant_filter"


class TenantRow(NamedTuple):
    """A tenant as the list shows it: a row read, never changed. A named tuple rather than a frozen
    dataclass, whose generated methods the start would compile at run time (issue 8)."""

    id: int
    name: str
    parent_id: int | None
    kind: TenantKind
    active: bool
    level: Level
    private: bool
    newsroom_name: str | None
    newsroom_slug: str | None
    database_url: str | None
    version: int

    @property
    def editable(self) -> bool:
        return self.level is Level.FULL


@dataclass(frozen=True, slots=True)
class TenantInput:
    name: str
    parent_id: int | None = None
    kind: TenantKind = TenantKind.INNER
    database_url: str = ""
    database_password: str | None = None
    newsroom_name: str = ""
    newsroom_slug: str = ""
    active: bool = True


def tenant_rows(connection: Connection, scope: TenantScope) -> list[TenantRow]:
    """The tenants ``scope`` sees, in name order, with its level on each (T1, T8); one query."""
    t = tables.tenant.c
    rows = connection.execute(
        select(
            t.id,
            t.name,
            t.parent_id,
            t.kind,
            t.active,
            t.newsroom_name,
            t.newsroom_slug,
            t.database_url,
            t.version,
        )
        .where(visible_clause(scope, t.id))
        .order_by(t.name_key, t.id)
    )
    return [
        TenantRow(
            id=t.id,
            name=t.name,
            # A parent hidden from the operator is no parent in their tree.
            parent_id=t.parent_id if t.parent_id is not None and scope.sees(t.parent_id) else None,
            kind=t.kind,
            active=t.active,
            level=scope.level(t.id),
            private=scope.sees_private(t.id),
            newsroom_name=t.newsroom_name,
            newsroom_slug=t.newsroom_slug,
            database_url=t.database_url,
            version=t.version,
        )
        for t in rows
    ]


class TenantService:
    def __init__(self, session_factory: sessionmaker[Session], router: TenantDataRouter) -> None:
        self._factory = session_factory
        self._router = router

    # ------------------------------------------------------------------ reading

    def list_tenants(self, operator: Operator) -> list[TenantRow]:
        """The tenants ``operator`` may see, in name order, with the operator's own level (T1, T8)."""
        operator.require("tenants.view")
        # Core rows: the start page shows this list before the ORM is loaded (issue 8).
        with UnitOfWork(self._factory, operator, write=False, core=True) as uow:
            return tenant_rows(uow.connection, load_tenant_scope(uow.connection, operator))

    # ------------------------------------------------------------------ changing

    def create_tenant(self, operator: Operator, data: TenantInput) -> int:
        """T1, T4: a new tenant is hidden for everyone except its creator, who gets full access
        with private data. A separate tenant's database is created and migrated at once (T6)."""
        operator.require("tenants.edit")
        from mandant_desktop.db.models import Tenant, TenantAccess

        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            tenant = Tenant(created_by=operator.username[:100])
            self._apply(session, tenant, data, scope_check=lambda pid: scope.require_edit(pid, TENANT))
            session.add(tenant)
            session.flush()
            if operator.id is not None and not operator.is_system:
                # the creator's access is named "tenant: user name" in the audit log (S3)
                uow.summary = f"{tenant.name}: {operator.username}"
                session.add(
                    TenantAccess(tenant_id=tenant.id, user_id=operator.id, level=AccessLevel.FULL, private_data=True)
                )
            if tenant.kind is TenantKind.SEPARATE:
                assert tenant.database_url is not None
                self._router.prepare(tenant.database_url, _password(data), tenant)
            uow.commit()
            return tenant.id

    def update_tenant(self, operator: Operator, tenant_id: int, version: int, data: TenantInput) -> None:
        operator.require("tenants.edit")
        from mandant_desktop.db.models import Tenant

        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            scope.require_edit(tenant_id, TENANT)
            tenant = uow.load(Tenant, tenant_id, expected_version=version)
            was_separate = tenant.kind is TenantKind.SEPARATE
            old_url = tenant.database_url
            self._apply(session, tenant, data, scope_check=lambda pid: scope.require_edit(pid, TENANT))
            if was_separate and (tenant.kind is not TenantKind.SEPARATE or tenant.database_url != old_url):
                raise ValidationError(
                    "A separate tenant's database cannot be changed here; its data lives there.", field="database"
                )
            if not was_separate and tenant.kind is TenantKind.SEPARATE and _holds_data(session, tenant_id):
                raise ValidationError(
                    "Only a tenant without data can become separate; move its data first.", field="database"
                )
            session.flush()
            if tenant.kind is TenantKind.SEPARATE:
                assert tenant.database_url is not None
                self._router.prepare(tenant.database_url, _password(data), tenant)
            uow.commit()

    def _apply(self, session: Session, tenant: Tenant, data: TenantInput, *, scope_check: object) -> None:
        from mandant_desktop.db.models import Tenant
        from mandant_desktop.services.tenant_data import storable_url

        name = clean_tenant_name(data.name)
        key = name_key(name)
        clash = session.scalar(select(Tenant.id).where(Tenant.name_key == key, Tenant.id != (tenant.id or -1)))
        if clash is not None:
            raise ValidationError("A tenant named {name} exists already.", field="tenant name", name=name)
        if data.parent_id is not None:
            assert callable(scope_check)
            scope_check(data.parent_id)
            if tenant.id is not None:
                parents = {row.id: row.parent_id for row in session.execute(select(Tenant.id, Tenant.parent_id))}
                if would_cycle(parents, tenant.id, data.parent_id):
                    raise ValidationError("A tenant cannot be placed below itself.", field="parent")
        slug = clean_slug(data.newsroom_slug)
        newsroom = clean_name(data.newsroom_name, field="newsroom name", required=False)
        if slug is not None:
            taken = session.scalar(
                select(Tenant.name).where(Tenant.newsroom_slug == slug, Tenant.id != (tenant.id or -1))
            )
            if taken is not None:
                raise ValidationError(
                    "The newsroom slug {slug} is used by the tenant {name}.",
                    field="newsroom slug",
                    slug=slug,
                    name=taken,
                )
            if not newsroom:
                raise ValidationError("Please enter a {field}.", field="newsroom name")
        url: str | None = None
        if data.kind is TenantKind.SEPARATE:
            if not data.database_url.strip():
                raise ValidationError("Please enter where the separate tenant's database lives.", field="database")
            url = storable_url(data.database_url)
        tenant.name, tenant.name_key = name, key
        tenant.parent_id = data.parent_id
        tenant.kind = data.kind
        tenant.database_url = url
        tenant.newsroom_name = newsroom or None
        tenant.newsroom_slug = slug
        tenant.active = data.active

    def delete_tenant(self, operator: Operator, tenant_id: int, version: int) -> None:
        """T1: only a tenant without data; otherwise a refusal that names what it holds."""
        operator.require("tenants.delete")
        from mandant_desktop.db.models import Tenant, TenantAccess

        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            load_tenant_scope(session, operator).require_edit(tenant_id, TENANT)
            tenant = uow.load(Tenant, tenant_id, expected_version=version)
            held = _holdings(session, tenant_id)
            if tenant.kind is TenantKind.SEPARATE:
                factory = self._router.factory_for(tenant_id)
                with factory() as data_session:
                    for what, count in _holdings(data_session, tenant_id).items():
                        held[what] = held.get(what, 0) + count
            if any(held.values()):
                raise InUseError(
                    "The tenant {name} cannot be deleted while it holds data: {holdings}.",
                    name=tenant.name,
                    holdings=Tally.of(*((*_HOLDING_NOUNS[what], count) for what, count in held.items())),
                    **held,
                )
            with uow.watch(TenantAccess, TenantAccess.tenant_id == tenant_id):
                session.execute(delete(TenantAccess).where(TenantAccess.tenant_id == tenant_id))
            session.delete(tenant)
            uow.commit()

    # ------------------------------------------------------------------ tenant filter (T9)

    def load_filter(self, operator: Operator) -> frozenset[int] | None:
        """The operator's remembered tenant filter, without tenants they may no longer see."""
        if operator.id is None:
            return None
        # Read at every start, before the ORM is loaded (issue 8).
        with UnitOfWork(self._factory, operator, write=False, core=True) as uow:
            setting = tables.user_setting.c
            value = uow.connection.scalar(
                select(setting.value).where(setting.user_id == operator.id, setting.key == FILTER_SETTING)
            )
            if not isinstance(value, list):
                return None
            scope = load_tenant_scope(uow.connection, replace(operator, tenant_filter=None))
            ids = frozenset(int(v) for v in value if isinstance(v, int) and scope.sees(v))
            return ids or None

    def save_filter(self, operator: Operator, tenant_ids: frozenset[int] | None) -> None:
        if operator.id is None:
            return
        from mandant_desktop.db.models import UserSetting

        with UnitOfWork(self._factory, operator) as uow:
            row = uow.session.get(UserSetting, (operator.id, FILTER_SETTING))
            value = sorted(tenant_ids) if tenant_ids is not None else None
            if row is None:
                uow.session.add(UserSetting(user_id=operator.id, key=FILTER_SETTING, value=value))
            else:
                row.value = value
            uow.commit()


def _password(data: TenantInput) -> str | None:
    from mandant_desktop.services.tenant_data import password_in

    return data.database_password or password_in(data.database_url)


#: what a tenant may hold, named in the refusal to delete it (T1): the name of each table (its
#: tables are defined when first used, db.tables)
_HOLDINGS: tuple[tuple[str, str], ...] = (
    ("customers", "customer"),
    ("contacts", "contact"),
    ("roles", "person_role"),
    ("lists", "distribution_list"),
    ("templates", "template"),
)


#: the English words of each holding, one and many (the UI says them in the operator's language)
_HOLDING_NOUNS: dict[str, tuple[str, str]] = {
    "customers": ("customer", "customers"),
    "contacts": ("contact", "contacts"),
    "roles": ("person-role", "person-roles"),
    "lists": ("distribution list", "distribution lists"),
    "templates": ("template", "templates"),
    "children": ("sub-tenant", "sub-tenants"),
}


def _holdings(session: Session | Connection, tenant_id: int) -> dict[str, int]:
    held: dict[str, int] = {}
    for what, name in _HOLDINGS:
        table: Table = getattr(tables, name)
        held[what] = session.scalar(select(func.count()).select_from(table).where(table.c.tenant_id == tenant_id)) or 0
    held["children"] = session.scalar(select(func.count()).where(tables.tenant.c.parent_id == tenant_id)) or 0
    return held


def _holds_data(session: Session, tenant_id: int) -> bool:
    held = _holdings(session, tenant_id)
    held.pop("children")
    return any(held.values())


__all__ = ["FILTER_SETTING", "TenantInput", "TenantKind", "TenantRow", "TenantService"]
