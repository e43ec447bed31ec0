"""Shared set-up of the customer service tests: tenants, an operator with tenant access, sales reps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dbhelpers import MigratedDatabase
from sqlalchemy import select

from mandant_desktop.db.models import (
    AccessLevel,
    RightsGroup,
    RightsGroupMember,
    Tenant,
    TenantAccess,
    User,
    UserStatus,
)
from mandant_desktop.domain.permissions import ADMIN_CODES
from mandant_desktop.services.operator import Operator


@dataclass
class World:
    db: MigratedDatabase
    nord: int
    sued: int
    hidden: int
    #: full access to Nord, read only on Süd, Hidden not at all
    mia: Operator
    reps: list[int]


def group_id(db: MigratedDatabase, name: str) -> int:
    with db.session_factory() as session:
        found = session.scalar(select(RightsGroup.id).where(RightsGroup.name == name))
        assert found is not None
        return found


def members(db: MigratedDatabase, group: int) -> set[int]:
    with db.session_factory() as session:
        return set(session.scalars(select(RightsGroupMember.user_id).where(RightsGroupMember.group_id == group)))


def build_world(db: MigratedDatabase) -> World:
    with db.session_factory.begin() as session:
        tenants = [Tenant(name=n, name_key=n.casefold()) for n in ("Nord", "Süd", "Versteckt")]
        mia = User(username="mia", username_key="mia", first_name="Mia", last_name="Meier", status=UserStatus.ACTIVE)
        reps = [
            User(username=u, username_key=u, first_name=f, last_name=last, status=UserStatus.ACTIVE)
            for u, f, last in (("rolf", "Rolf", "Roth"), ("sina", "Sina", "Sommer"), ("tom", "Tom", "Tal"))
        ]
        session.add_all([*tenants, mia, *reps])
        session.flush()
        session.add_all(
            [
                TenantAccess(tenant_id=tenants[0].id, user_id=mia.id, level=AccessLevel.FULL, private_data=True),
                TenantAccess(tenant_id=tenants[1].id, user_id=mia.id, level=AccessLevel.READ_ONLY),
            ]
        )
        sales = session.scalar(select(RightsGroup.id).where(RightsGroup.name == "CustomerSalesRepresentatives"))
        assert sales is not None
        session.add_all(RightsGroupMember(group_id=sales, user_id=r.id) for r in reps)
        ids = [t.id for t in tenants]
        operator = Operator(id=mia.id, username="mia", permissions=ADMIN_CODES)
        rep_ids = [r.id for r in reps]
    return World(db, ids[0], ids[1], ids[2], operator, rep_ids)


@dataclass
class UiWorld:
    nord: int
    sued: int
    reps: list[int]
    #: number → customer id
    customers: dict[str, int]


def seed_for_ui(session_factory: Any, admin_id: int) -> UiWorld:
    """Tenants Nord (full access) and Süd (read only) for the administrator of the widget tests,
    three sales representatives, and customers: 12345 Heidelberg (portal, agency clients' agency
    Werbeagentur Licht is 200), 12346 Mannheim (portal), 300 Read only GmbH in Süd."""
    from mandant_desktop.services.customers import CustomerService, NewCustomer, PropertiesChange
    from mandant_desktop.services.operator import system_operator

    with session_factory.begin() as session:
        nord, sued = Tenant(name="Redaktion Nord", name_key="redaktion nord"), Tenant(name="Süd", name_key="süd")
        reps = [
            User(username=u, username_key=u, first_name=f, last_name=last, status=UserStatus.ACTIVE)
            for u, f, last in (("rolf", "Rolf", "Roth"), ("sina", "Sina", "Sommer"), ("tom", "Tom", "Tal"))
        ]
        session.add_all([nord, sued, *reps])
        session.flush()
        session.add_all(
            [
                TenantAccess(tenant_id=nord.id, user_id=admin_id, level=AccessLevel.FULL, private_data=True),
                TenantAccess(tenant_id=sued.id, user_id=admin_id, level=AccessLevel.READ_ONLY),
            ]
        )
        sales = session.scalar(select(RightsGroup.id).where(RightsGroup.name == "CustomerSalesRepresentatives"))
        session.add_all(RightsGroupMember(group_id=sales, user_id=r.id) for r in reps)
        ids = (nord.id, sued.id, [r.id for r in reps])
    service = CustomerService(session_factory)
    system = system_operator("test")
    made = {}
    for number, name, short, tenant, remote, agency in (
        ("12345", "Heidelberg", "HD", ids[0], True, False),
        ("12346", "Mannheim", "MA", ids[0], True, False),
        ("200", "Werbeagentur Licht", "Licht", ids[0], True, True),
        ("300", "Read only GmbH", "RO", ids[1], False, False),
    ):
        made[number] = service.create(
            system,
            NewCustomer(
                number,
                name,
                tenant,
                short_name=short,
                remote_access=remote,
                quota_mb=500 if remote else None,
                is_agency=agency,
            ),
        ).id
    details = service.details(system, made["12346"])
    service.update_properties(
        system,
        made["12346"],
        PropertiesChange(True, 500, False, made["200"]),
        expected_version=details.version,
    )
    return UiWorld(ids[0], ids[1], ids[2], made)
