"""A history for the audit log page (SPEC S3): the changes that the demo staff made over the last
weeks — customers' quotas and names, users' e-mail addresses, role assignments, tenant access —
from a handful of workstations, so that the page's filters and its detail pane have something
real to show. Plain rows for a set-based insert, like the rest of the demo data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mandant_desktop.services.demo.context import DemoContext
from mandant_desktop.services.demo.customers import Customers
from mandant_desktop.services.demo.people import Staff, Tenants

Row = dict[str, Any]

WORKSTATIONS = ("HH-BUERO-07", "HH-BUERO-12", "M-NB-SCHMIDT", "K-EMPFANG-01", "HH-NB-LEITUNG")
CITIES = ("Hamburg", "München", "Köln", "Berlin", "Leipzig", "Bremen", "Hannover")
LEVELS = ("read_only", "full", "hidden")


def make_audit_history(ctx: DemoContext, tenants: Tenants, staff: Staff, customers: Customers) -> list[Row]:
    """About ten entries per internal user, at most 5,000, spread over the last 60 days."""
    rng = ctx.rng
    users = {row["id"]: row for row in staff.rows}
    operators = [users[user_id]["username"] for user_id in [staff.admin_id, *staff.active[:12]] if user_id in users]
    if not operators or not customers.rows:
        return []
    count = min(5_000, 10 * len(staff.rows))
    rows: list[Row] = []
    for _ in range(count):
        at = ctx.now - dt.timedelta(minutes=rng.randint(5, 60 * 24 * 60))
        operator = rng.choice(operators)
        kind = rng.random()
        if kind < 0.45:
            rows.append(_customer_change(ctx, rng.choice(customers.rows), tenants))
        elif kind < 0.65:
            rows.append(_user_change(ctx, users[rng.choice(staff.others or [staff.admin_id])]))
        elif kind < 0.85:
            user_id = rng.choice(staff.others or [staff.admin_id])
            unit, role = rng.randint(1, 20), rng.randint(1, 6)
            action = rng.choice(("create", "delete"))
            ids = {"user_id": user_id, "org_unit_id": unit, "role_id": role}
            changes = {key: [None, value] if action == "create" else [value, None] for key, value in ids.items()}
            rows.append(
                _entry("RoleAssignment", f"{user_id}:{unit}:{role}", action, changes, None, users[user_id]["username"])
            )
        else:
            tenant_id = rng.choice(tenants.ids)
            user_id = rng.choice(staff.others or [staff.admin_id])
            before, after = rng.sample(LEVELS, 2)
            access: dict[str, list[Any]] = {"level": [before, after], "private_data": [False, rng.random() < 0.3]}
            label = f"{tenants.name.get(tenant_id, '')}: {users[user_id]['username']}"
            rows.append(_entry("TenantAccess", f"{tenant_id}:{user_id}", "update", access, tenant_id, label))
        rows[-1].update(at=at, operator_name=operator, workstation=rng.choice(WORKSTATIONS))
    return rows


def _entry(
    object_type: str, object_id: str, action: str, changes: dict[str, list[Any]], tenant_id: int | None, summary: str
) -> Row:
    return {
        "operator_id": None,
        "tenant_id": tenant_id,
        "object_type": object_type,
        "object_id": object_id[:100],
        "action": action,
        "summary": summary[:500],
        "changes": changes,
    }


def _customer_change(ctx: DemoContext, customer: Row, tenants: Tenants) -> Row:
    rng = ctx.rng
    choice = rng.random()
    changes: dict[str, list[Any]]
    if choice < 0.5:
        quota = customer.get("quota_mb") or 500
        changes = {"quota_mb": [quota, quota + rng.choice((250, 500, 1000))]}
    elif choice < 0.8:
        short = customer.get("short_name") or customer["name"][:12]
        changes = {"short_name": [short, short.upper()]}
    else:
        changes = {"remote_access": [False, True]}
    label = f"{customer['number']} {customer['name']}"
    return _entry("Customer", str(customer["id"]), "update", changes, customer["tenant_id"], label)


def _user_change(ctx: DemoContext, user: Row) -> Row:
    rng = ctx.rng
    first, last = user.get("first_name") or "", user.get("last_name") or ""
    if rng.random() < 0.6 and user.get("email"):
        old = user["email"]
        new = old.replace("@", f".{rng.choice(CITIES).lower().replace('ö', 'oe').replace('ü', 'ue')}@", 1)
        changes = {"email": [old, new]}
    else:
        changes = {"last_name": [last, f"{last}-{first[:1]}"]}
    return _entry("User", str(user["id"]), "update", changes, None, user["username"])
