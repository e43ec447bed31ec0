"""Tenants, internal staff and who may see which tenant (SPEC T1-T5, U1, U2)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from mandant_desktop.db.models import AccessLevel, TenantKind, UserKind, UserStatus
from mandant_desktop.domain.search_folding import search_key
from mandant_desktop.domain.validation import name_key
from mandant_desktop.services.demo import names
from mandant_desktop.services.demo.context import DemoContext, Row

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "mandant-demo"
STAFF_DOMAIN = "mandant-demo.example"
ACTIVATION_VALIDITY = dt.timedelta(days=7)

_TENANT_NAME_MAX = 100
#: how often an access level comes with the private data right
_PRIVATE_DATA_SHARE = {AccessLevel.FULL: 0.5, AccessLevel.READ_ONLY: 0.2}


@dataclass(slots=True)
class Tenants:
    rows: list[Row] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    name: dict[int, str] = field(default_factory=dict)


def make_tenants(ctx: DemoContext) -> Tenants:
    """The hand-picked tenants of the small demo first, then generated ones up to the scale."""
    rng = ctx.rng
    result = Tenants()
    by_name: dict[str, int] = {}
    slugs: set[str] = set()

    def add(label: str, parent: int | None) -> None:
        label = label[:_TENANT_NAME_MAX].strip()
        key = name_key(label)
        if key in by_name:
            return
        tenant_id = ctx.new_id("tenant")
        by_name[key] = tenant_id
        newsroom_name = newsroom_slug = None
        slug = names.ascii_slug(label)
        # One newsroom per tenant (SPEC T11), set up for about half of them.
        if parent is None and slug not in slugs and ctx.chance(0.5):
            slugs.add(slug)
            newsroom_name, newsroom_slug = f"Newsroom {label}"[:100], slug[:100]
        result.ids.append(tenant_id)
        result.name[tenant_id] = label
        result.rows.append(
            {
                "id": tenant_id,
                "name": label,
                "name_key": key,
                "parent_id": parent,
                "kind": TenantKind.INNER,
                "database_url": None,
                "newsroom_name": newsroom_name,
                "newsroom_slug": newsroom_slug,
                "active": True,
                "created_at": ctx.days_ago(900, 300),
                "created_by": ctx.by,
                **ctx.versioned(),
            }
        )

    for label, parent_name in names.SMALL_TENANTS[: ctx.config.tenants]:
        add(label, by_name[name_key(parent_name)] if parent_name else None)
    top_level = [row["id"] for row in result.rows if row["parent_id"] is None]
    while len(result.ids) < ctx.config.tenants:
        pattern = rng.choice(names.TENANT_PATTERNS)
        label = pattern.format(
            region=rng.choice(names.REGIONS),
            city=rng.choice(names.CITIES),
            trade=rng.choice(names.TRADES),
            last=rng.choice(names.LAST_NAMES),
            country=rng.choice(names.COUNTRIES),
            team=rng.choice(names.TEAM_NAMES),
        )
        # A fifth become sub-tenants of an existing main tenant (SPEC T5).
        if top_level and ctx.chance(0.2):
            parent = rng.choice(top_level)
            add(f"{result.name[parent]} – {label.removeprefix('Kunde: ')}", parent)
        else:
            before = len(result.ids)
            add(label, None)
            if len(result.ids) > before:
                top_level.append(result.ids[-1])
    return result


# --------------------------------------------------------------------------- users


@dataclass(slots=True)
class Staff:
    rows: list[Row] = field(default_factory=list)
    admin_id: int = 0
    #: everyone but the admin, in id order
    others: list[int] = field(default_factory=list)
    active: list[int] = field(default_factory=list)
    pending: list[int] = field(default_factory=list)
    display: dict[int, str] = field(default_factory=dict)


class UniqueNames:
    """Hands out ``base``, ``base2``, ``base3`` … so user names and e-mail addresses stay unique."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def take(self, base: str) -> str:
        count = self._count(base)
        return base if count == 1 else f"{base}{count}"

    def email(self, local: str, domain: str) -> str:
        count = self._count(f"{local}@{domain}")
        return f"{local}@{domain}" if count == 1 else f"{local}{count}@{domain}"

    def _count(self, key: str) -> int:
        count = self._seen.get(key, 0) + 1
        self._seen[key] = count
        return count


def person_name(ctx: DemoContext) -> tuple[str, str, str]:
    """(salutation, first name, last name)."""
    if ctx.chance(0.5):
        return names.SALUTATIONS_F, ctx.rng.choice(names.FIRST_NAMES_F), ctx.rng.choice(names.LAST_NAMES)
    return names.SALUTATIONS_M, ctx.rng.choice(names.FIRST_NAMES_M), ctx.rng.choice(names.LAST_NAMES)


def user_row(
    ctx: DemoContext,
    *,
    user_id: int,
    username: str,
    email: str | None,
    first_name: str,
    last_name: str,
    kind: UserKind,
    status: UserStatus,
    sso: bool = False,
    customer_id: int | None = None,
    contact_id: int | None = None,
    is_external_admin: bool = False,
) -> Row:
    created = ctx.days_ago(700, 10)
    active = status is not UserStatus.PENDING
    has_password = active and not sso
    activated = created + dt.timedelta(days=ctx.rng.randint(0, 6)) if active else None
    last_login = None
    if activated is not None and status is UserStatus.ACTIVE and ctx.chance(0.7):
        last_login = activated + (ctx.now - activated) * ctx.rng.random()
    return {
        "id": user_id,
        "username": username,
        "username_key": name_key(username),
        "email": email,
        "email_key": email.casefold() if email else None,
        "first_name": first_name,
        "last_name": last_name,
        # the key the users search compares: bulk rows pass no insert default (COPY)
        "search_key": search_key((username, email, first_name, last_name)),
        "kind": kind,
        "status": status,
        "sso": sso,
        "password_hash": ctx.password_hash if has_password else None,
        "customer_id": customer_id,
        "contact_id": contact_id,
        "is_external_admin": is_external_admin,
        "failed_logins": 0,
        "locked_until": None,
        "last_login_at": last_login,
        "created_at": created,
        "activated_at": activated,
        **ctx.versioned(),
    }


def make_staff(ctx: DemoContext, usernames: UniqueNames, emails: UniqueNames) -> Staff:
    """The operator ``admin`` and internal staff with German names: mostly active, some waiting
    for activation, a few deactivated (SPEC U1, U2)."""
    staff = Staff()
    staff.admin_id = ctx.new_id("app_user")
    usernames.take(ADMIN_USERNAME)
    emails.email("admin", STAFF_DOMAIN)
    admin = user_row(
        ctx,
        user_id=staff.admin_id,
        username=ADMIN_USERNAME,
        email=f"admin@{STAFF_DOMAIN}",
        first_name="Demo",
        last_name="Administrator",
        kind=UserKind.INTERNAL,
        status=UserStatus.ACTIVE,
    )
    staff.rows.append(admin)
    staff.active.append(staff.admin_id)
    staff.display[staff.admin_id] = "Demo Administrator"
    for _ in range(ctx.config.internal_users - 1):
        user_id = ctx.new_id("app_user")
        _, first, last = person_name(ctx)
        username = usernames.take(names.ascii_slug(f"{first[0]}{last}"))
        email = emails.email(f"{names.ascii_slug(first)}.{names.ascii_slug(last)}", STAFF_DOMAIN)
        roll = ctx.rng.random()
        status = UserStatus.ACTIVE if roll < 0.86 else UserStatus.PENDING if roll < 0.95 else UserStatus.DEACTIVATED
        staff.rows.append(
            user_row(
                ctx,
                user_id=user_id,
                username=username,
                email=email,
                first_name=first,
                last_name=last,
                kind=UserKind.INTERNAL,
                status=status,
                sso=status is UserStatus.ACTIVE and ctx.chance(0.05),
            )
        )
        staff.others.append(user_id)
        staff.display[user_id] = f"{first} {last}"
        if status is UserStatus.ACTIVE:
            staff.active.append(user_id)
        elif status is UserStatus.PENDING:
            staff.pending.append(user_id)
    return staff


def activation_token_rows(ctx: DemoContext, pending: list[int]) -> list[Row]:
    """An activation link for every pending user; about a third have expired (SPEC U1, U2)."""
    rows = []
    for user_id in pending:
        created = ctx.days_ago(6) if ctx.chance(0.66) else ctx.days_ago(40, 8)
        # Derived from seed and user so that the demo stays reproducible; the token itself is never
        # needed, only its hash is stored (SPEC U4).
        digest = hashlib.sha256(f"demo-activation:{ctx.rng.random()}:{user_id}".encode()).hexdigest()
        rows.append(
            {
                "user_id": user_id,
                "token_hash": digest,
                "created_at": created,
                "expires_at": created + ACTIVATION_VALIDITY,
                "used_at": None,
                "revoked_at": None,
            }
        )
    return rows


def tenant_access_rows(ctx: DemoContext, tenants: Tenants, staff: Staff) -> list[Row]:
    """Admin: full access with private data everywhere. Others: a mix of full, read only and
    hidden, on every tenant (small) or on a few (large, where a full matrix would be 2 million
    rows). No row means hidden, so explicit hidden rows are a minority (SPEC T2, T8)."""
    rng = ctx.rng
    rows = [
        {"tenant_id": t, "user_id": staff.admin_id, "level": AccessLevel.FULL, "private_data": True, **ctx.versioned()}
        for t in tenants.ids
    ]
    span = ctx.config.access_rows_per_user
    for user_id in staff.others:
        if span is None:
            picked = list(tenants.ids)
        else:
            picked = rng.sample(tenants.ids, min(len(tenants.ids), rng.randint(*span)))
        home = picked[0] if picked else None
        for tenant_id in sorted(picked):
            roll = rng.random()
            if tenant_id == home or roll < 0.35:
                level = AccessLevel.FULL
            elif roll < 0.75:
                level = AccessLevel.READ_ONLY
            elif roll < 0.88:
                level = AccessLevel.HIDDEN
            else:
                continue
            private = ctx.chance(_PRIVATE_DATA_SHARE.get(level, 0.0))
            rows.append(
                {"tenant_id": tenant_id, "user_id": user_id, "level": level, "private_data": private, **ctx.versioned()}
            )
    return rows
