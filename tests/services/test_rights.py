"""Every protected use case refuses an operator without the right, whatever the UI shows (SPEC S1).

The exhaustive table is discovered, not written by hand: every public method of every service in
``bootstrap.Services`` whose first parameter is ``operator`` is called with an operator who holds
no permission (and, where the method needs a permission the Reader role lacks, with a Reader) and
must raise :class:`PermissionDeniedError` before it touches its input. A new service method is
covered the day it is added; the few use cases open to every operator are listed in ``OPEN`` with
the reason. A representative set runs on all three backends with real arguments.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest.mock import MagicMock

import pytest
from dbhelpers import migrated_database
from sqlalchemy import func, select

from mandant_desktop.bootstrap import Services
from mandant_desktop.db.models import AuditEntry, OrgUnit, Role, User, UserKind, UserStatus
from mandant_desktop.domain.errors import PermissionDeniedError
from mandant_desktop.domain.permissions import ADMIN_CODES, PREDEFINED_BY_KEY
from mandant_desktop.services.assignments import BulkEdit
from mandant_desktop.services.imports import ImportKind
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenants import TenantInput

#: use cases every logged-in operator may call, and why
OPEN: dict[str, str] = {
    "assignments.assignable_units": "the operator's own units; empty without assignments.assign",
    "tenants.load_filter": "the operator's own toolbar tenant filter (T9)",
    "tenants.save_filter": "the operator's own toolbar tenant filter (T9)",
    "contacts.creatable_tenants": "tenants with full access only (tenant scope), for the toolbar filter",
    "lists.creatable_tenants": "tenants with full access only (tenant scope), for the toolbar filter",
    "changes.poller": "says only that something changed elsewhere (E8), never what; every operator's pages need it",
    "undo.revert": "asks again for every permission the recorded change asked for (E7; tests/services/test_undo.py)",
}

#: keyword-only arguments some use cases need
KEYWORDS: dict[str, dict[str, Any]] = {
    "mail.send_test_mail": {"subject": "Test", "body": "Test"},
    "customers.update_properties": {"expected_version": 1},
    "users.set_active": {"expected_versions": {}},
    "users.update": {"expected_version": 1},
    "assignments.grid": {"block": (10, 10)},
    "rights_groups.set_permissions": {"expected_version": 1},
    "customer_contacts.set_external_user_active": {"expected_version": 1},
    "mail.save_settings": {"expected_version": (0, 0)},
    "rights_naming.save": {"expected_version": 0},
    "org_units.delete": {"children": "lift"},
}

READER = PREDEFINED_BY_KEY["reader"].permissions


def _use_cases(services: Services) -> Iterator[tuple[str, Callable[..., Any], list[inspect.Parameter]]]:
    # The container builds each service when first used (issue 8): its services are its cached
    # properties, no longer dataclass fields.
    names = [name for name, value in inspect.getmembers(Services) if isinstance(value, functools.cached_property)]
    for name in names:
        service = getattr(services, name)
        service_name = name
        for method_name, method in inspect.getmembers(service, inspect.ismethod):
            if method_name.startswith("_"):
                continue
            params = list(inspect.signature(method).parameters.values())
            if params and params[0].name == "operator":
                yield f"{service_name}.{method_name}", method, params[1:]


#: arguments that choose which right is needed, so a stand-in will not do
REAL_ARGUMENTS: dict[tuple[str, str], Any] = {("imports.run", "kind"): ImportKind.CUSTOMERS}


def _call(key: str, method: Callable[..., Any], params: list[inspect.Parameter], operator: Operator) -> Any:
    """Stand-ins for every required argument: a use case must refuse before it reads them."""
    positional = [
        REAL_ARGUMENTS.get((key, p.name), MagicMock(name=p.name))
        for p in params
        if p.default is inspect.Parameter.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    return method(operator, *positional, **KEYWORDS.get(key, {}))


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, int]]:
    with migrated_database("sqlite", tmp_path_factory.mktemp("rights")) as db:
        with db.session_factory.begin() as session:
            user = User(username="niemand", username_key="niemand", kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
            session.add(user)
            session.flush()
            user_id = user.id
        yield Services(db.session_factory), user_id


def test_every_protected_use_case_refuses_an_operator_without_rights(services: tuple[Services, int]) -> None:
    """S1: with no permission at all, every use case but the open ones is refused by the service."""
    app, user_id = services
    nobody = Operator(id=user_id, username="niemand")
    checked, let_through = [], []
    for key, method, params in _use_cases(app):
        if key in OPEN:
            continue
        try:
            _call(key, method, params, nobody)
        except PermissionDeniedError as exc:
            assert exc.values.get("permission") in ADMIN_CODES, key
            checked.append(key)
        else:
            let_through.append(key)
    assert not let_through, f"use cases that let an operator without rights through: {let_through}"
    # The table is the whole application: users, roles, assignments, outbox, tenants, contacts,
    # lists, customers, rights groups, settings.
    assert len(checked) > 80
    areas = {key.split(".")[0] for key in checked}
    assert {"users", "roles", "assignments", "mail", "tenants", "contacts", "lists", "customers"} <= areas
    assert {"rights_groups", "access", "activation"} <= areas


def test_a_reader_is_refused_everything_beyond_reading(services: tuple[Services, int]) -> None:
    """S1: an operator holding only the Reader role is refused every use case that needs more."""
    app, user_id = services
    nobody = Operator(id=user_id, username="niemand")
    reader = Operator(id=user_id, username="niemand", permissions=READER)
    refused = 0
    for key, method, params in _use_cases(app):
        if key in OPEN:
            continue
        needed = None
        try:
            _call(key, method, params, nobody)
        except PermissionDeniedError as exc:
            needed = exc.values["permission"]
        if needed is None or needed in READER:
            continue
        with pytest.raises(PermissionDeniedError):
            _call(key, method, params, reader)
        refused += 1
    assert refused > 60


def test_the_open_use_cases_exist(services: tuple[Services, int]) -> None:
    """The list of open use cases names no method that is gone (it would hide a new one)."""
    keys = {key for key, _m, _p in _use_cases(services[0])}
    assert set(OPEN) <= keys
    assert set(KEYWORDS) <= keys


def test_representative_use_cases_refuse_on_every_backend(migrated_db: Any, tmp_path: Path) -> None:
    """S1 on SQLite, PostgreSQL and MariaDB with real arguments: refused, and nothing written."""
    factory = migrated_db.session_factory
    with factory.begin() as session:
        unit = OrgUnit(name="Zentrale", depth=0)
        user = User(username="niemand", username_key="niemand", kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
        session.add_all([unit, user])
        session.flush()
        unit_id, user_id = unit.id, user.id
        role_id = session.scalar(select(Role.id).where(Role.predefined_key == "reader"))
        audit_before = session.scalar(select(func.count()).select_from(AuditEntry))
    app = Services(factory)
    reader = Operator(id=user_id, username="niemand", permissions=READER)
    calls: list[Callable[[], object]] = [
        lambda: app.roles.create(reader, "Neue Rolle"),
        lambda: app.roles.set_permission(reader, role_id, "users.view", True),
        lambda: app.users.set_active(reader, [user_id], False, expected_versions={user_id: 1}),
        lambda: app.assignments.add(reader, user_id, unit_id, role_id),
        lambda: app.assignments.apply(reader, BulkEdit(True, (role_id,), (user_id,), (unit_id,))),
        lambda: app.tenants.create_tenant(reader, TenantInput(name="Neuer Mandant")),
        lambda: app.customers.delete(reader, {1: 1}),
        lambda: app.rights_groups.create_group(reader, "Gruppe"),
        lambda: app.mail.send_test_mail(reader, "a@example.de", subject="s", body="b"),
        lambda: app.assignments.export(reader, tmp_path / "a.xlsx"),
        lambda: app.users.count(reader),
    ]
    for call in calls:
        with pytest.raises(PermissionDeniedError):
            call()
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == audit_before
    assert not (tmp_path / "a.xlsx").exists()
