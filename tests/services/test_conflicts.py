"""A save over someone else's change is refused, names who and when, and writes nothing (SPEC S4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from mandant_desktop.db.models import AuditEntry, Role, Tenant
from mandant_desktop.domain.errors import ConflictError
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.roles import RolesService
from mandant_desktop.services.tenant_data import TenantDataRouter
from mandant_desktop.services.tenants import TenantInput, TenantService

MIA = Operator(id=None, username="mia", is_system=True)
TOM = Operator(id=None, username="tom", is_system=True)


@pytest.mark.parametrize(
    "stale_save",
    ["role.rename", "role.set_permission", "role.delete", "role.restore_defaults", "tenant.update", "tenant.delete"],
)
def test_a_stale_save_is_refused_on_every_backend(migrated_db: Any, stale_save: str) -> None:
    """S4: Tom read version 1, Mia saved version 2; Tom's save is refused, naming Mia, and changes nothing."""
    factory = migrated_db.session_factory
    roles = RolesService(factory)
    router = TenantDataRouter(factory)
    tenants = TenantService(factory, router)
    try:
        role_id = roles.create(MIA, "Redaktion")
        with factory() as session:
            editor = session.scalar(select(Role.id).where(Role.predefined_key == "editor"))
        editor_version = roles.set_permission(MIA, editor, "audit.view", True)  # Mia changes it: version 2
        tenant_id = tenants.create_tenant(MIA, TenantInput(name="Presse Nord"))
        roles.rename(MIA, role_id, "Redaktion Nord", expected_version=1)
        tenants.update_tenant(MIA, tenant_id, 1, TenantInput(name="Presse Nord-Ost"))
        saves: dict[str, Callable[[], object]] = {
            "role.rename": lambda: roles.rename(TOM, role_id, "Redaktion Süd", expected_version=1),
            "role.set_permission": lambda: roles.set_permission(TOM, role_id, "users.view", True, expected_version=1),
            "role.delete": lambda: roles.delete(TOM, role_id, expected_version=1),
            "role.restore_defaults": lambda: roles.restore_defaults(TOM, editor, expected_version=editor_version - 1),
            "tenant.update": lambda: tenants.update_tenant(TOM, tenant_id, 1, TenantInput(name="Presse Süd")),
            "tenant.delete": lambda: tenants.delete_tenant(TOM, tenant_id, 1),
        }
        with factory() as session:
            audit_before = len(session.scalars(select(AuditEntry.id)).all())
        with pytest.raises(ConflictError) as refused:
            saves[stale_save]()
        assert refused.value.values["who"] == "mia"
        assert refused.value.values["when"] != "?"
        with factory() as session:
            assert len(session.scalars(select(AuditEntry.id)).all()) == audit_before
            assert session.get(Role, role_id).name == "Redaktion Nord"  # type: ignore[union-attr]
            assert session.get(Tenant, tenant_id).name == "Presse Nord-Ost"  # type: ignore[union-attr]
    finally:
        router.close()
