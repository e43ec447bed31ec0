"""The operator's tenant scope read from the database and applied in SQL (SPEC T8, T9)."""

from __future__ import annotations

import pytest
from dbhelpers import MigratedDatabase
from sqlalchemy import func, select

from mandant_desktop.db.models import AccessLevel, Tenant, TenantAccess, User
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.tenant_scope import editable_clause, load_tenant_scope, visible_clause


def _seed(db: MigratedDatabase) -> tuple[int, list[int]]:
    with db.session_factory.begin() as session:
        user = User(username="mia", username_key="mia", first_name="Mia", last_name="Meier")
        tenants = [Tenant(name=f"T{i}", name_key=f"t{i}") for i in range(4)]
        session.add_all([user, *tenants])
        session.flush()
        session.add_all(
            [
                TenantAccess(tenant_id=tenants[0].id, user_id=user.id, level=AccessLevel.FULL, private_data=True),
                TenantAccess(tenant_id=tenants[1].id, user_id=user.id, level=AccessLevel.READ_ONLY),
                TenantAccess(tenant_id=tenants[2].id, user_id=user.id, level=AccessLevel.HIDDEN, private_data=True),
            ]
        )
        return user.id, [t.id for t in tenants]


def test_scope_of_an_operator_on_every_backend(migrated_db: MigratedDatabase) -> None:
    """T2/T8: full, read only and hidden rows become the scope; a hidden row grants no private data."""
    user_id, (t0, t1, _t2, t3) = _seed(migrated_db)
    with migrated_db.session_factory() as session:
        scope = load_tenant_scope(session, Operator(id=user_id, username="mia"))
        assert scope.full == {t0} and scope.read_only == {t1} and scope.private == {t0}
        visible = session.scalars(select(Tenant.id).where(visible_clause(scope, Tenant.id))).all()
        editable = session.scalars(select(Tenant.id).where(editable_clause(scope, Tenant.id))).all()
        assert sorted(visible) == [t0, t1] and editable == [t0]

        filtered = load_tenant_scope(session, Operator(id=user_id, username="mia", tenant_filter=frozenset({t1, t3})))
        assert session.scalars(select(Tenant.id).where(visible_clause(filtered, Tenant.id))).all() == [t1]
        assert session.scalar(select(func.count()).where(editable_clause(filtered, Tenant.id))) == 0


@pytest.mark.parametrize("tenant_filter", [None, frozenset()])
def test_system_operator_is_unrestricted_unless_filtered(
    migrated_sqlite: MigratedDatabase, tenant_filter: frozenset[int] | None
) -> None:
    """The CLI sees every tenant; an empty filter shows nothing rather than everything."""
    _seed(migrated_sqlite)
    operator = system_operator()
    if tenant_filter is not None:
        operator = Operator(id=None, username="system", is_system=True, tenant_filter=tenant_filter)
    with migrated_sqlite.session_factory() as session:
        scope = load_tenant_scope(session, operator)
        count = session.scalar(select(func.count()).select_from(Tenant).where(visible_clause(scope, Tenant.id)))
    assert count == (4 if tenant_filter is None else 0)
