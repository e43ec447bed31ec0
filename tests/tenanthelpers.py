"""Helpers for the tenant tests: users, tenants and access rows written directly, operators."""

from __future__ import annotations

from collections.abc import Iterable

from dbhelpers import MigratedDatabase
from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db.models import AccessLevel, Tenant, TenantAccess, User, UserKind, UserStatus
from mandant_desktop.domain.permissions import ADMIN_CODES
from mandant_desktop.services.auth import FirstAdmin
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.secrets import MemorySecretStore
from mandant_desktop.services.tenant_data import TenantDataRouter

#: the first administrator of the service tests' databases
CHEF = FirstAdmin(
    username="chef",
    password="Sehr-geheim1",
    password_repeat="Sehr-geheim1",
    email="chef@example.de",
    first_name="Karla",
    last_name="Chef",
)

ALL = ADMIN_CODES


def add_user(factory: sessionmaker[Session], username: str, first: str = "", last: str = "") -> int:
    with factory.begin() as session:
        user = User(
            username=username,
            username_key=username.casefold(),
            first_name=first or username.title(),
            last_name=last or "Muster",
            status=UserStatus.ACTIVE,
        )
        session.add(user)
        session.flush()
        return user.id


def add_users(factory: sessionmaker[Session], prefix: str, count: int) -> list[int]:
    """``count`` active internal users named ``prefix0`` … in one statement; their ids in order."""
    rows = [
        {"username": name, "username_key": name, "kind": UserKind.INTERNAL, "status": UserStatus.ACTIVE}
        for name in (f"{prefix}{i}" for i in range(count))
    ]
    with factory.begin() as session:
        return list(session.scalars(insert(User).returning(User.id, sort_by_parameter_order=True), rows))


def add_tenants(factory: sessionmaker[Session], *names: str, parent: int | None = None) -> list[int]:
    with factory.begin() as session:
        rows = [Tenant(name=name, name_key=name.casefold(), parent_id=parent) for name in names]
        session.add_all(rows)
        session.flush()
        return [t.id for t in rows]


def grant(
    factory: sessionmaker[Session],
    user_id: int,
    levels: dict[int, AccessLevel],
    private: Iterable[int] = (),
) -> None:
    private = set(private)
    with factory.begin() as session:
        for tenant_id, level in levels.items():
            session.merge(
                TenantAccess(tenant_id=tenant_id, user_id=user_id, level=level, private_data=tenant_id in private)
            )


def operator(user_id: int, username: str = "op", permissions: Iterable[str] = ALL, **kwargs: object) -> Operator:
    return Operator(id=user_id, username=username, permissions=frozenset(permissions), **kwargs)  # type: ignore[arg-type]


def router(db: MigratedDatabase) -> TenantDataRouter:
    return TenantDataRouter(db.session_factory, MemorySecretStore())
