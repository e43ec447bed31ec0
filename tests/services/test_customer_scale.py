"""The customer table's queries stay indexed for an operator who sees every tenant (T8, issue 8):
no IN list of all tenants, which made SQLite sort all 100,000 customers for every window."""

from __future__ import annotations

from typing import Any

import pytest
from customerhelpers import World, build_world
from dbhelpers import MigratedDatabase
from sqlalchemy import event

from mandant_desktop.db.models import AccessLevel, TenantAccess
from mandant_desktop.services.customers import CustomerQuery, CustomerService, NewCustomer
from mandant_desktop.services.operator import system_operator

SYSTEM = system_operator("test")


@pytest.fixture
def world(migrated_db: MigratedDatabase) -> World:
    return build_world(migrated_db)


def _customer_statements(world: World, service: CustomerService) -> tuple[list[str], list[str], int]:
    """The numbers Mia's table shows, the statements that read customers, and her count."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(world.db.engine, "before_cursor_execute", record)
    try:
        numbers = [r.number for r in service.rows(world.mia, CustomerQuery(), 0, 50)]
        count = service.count(world.mia, CustomerQuery())
    finally:
        event.remove(world.db.engine, "before_cursor_execute", record)
    return numbers, [s for s in seen if "FROM customer" in s], count


def test_every_tenant_visible_means_no_tenant_list(world: World) -> None:
    """T8: with access to some tenants the list filters; with access to all it is left out, and
    the same customers are shown as the filter would show."""
    service = CustomerService(world.db.session_factory)
    for number, tenant in (("1", world.nord), ("2", world.sued), ("3", world.hidden)):
        service.create(SYSTEM, NewCustomer(number, f"Kunde {number}", tenant))

    numbers, statements, count = _customer_statements(world, service)
    assert numbers == ["1", "2"] and count == 2
    assert all("tenant_id IN" in s for s in statements[:1])

    with world.db.session_factory.begin() as session:
        session.add(TenantAccess(tenant_id=world.hidden, user_id=world.mia.id, level=AccessLevel.READ_ONLY))
    numbers, statements, count = _customer_statements(world, service)
    assert numbers == ["1", "2", "3"] and count == 3
    assert statements and not any("customer.tenant_id IN" in s for s in statements)
