"""Customers with portal access, their rights groups, contact persons and external users
(SPEC C1-C12)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from mandant_desktop.db.models import CustomerStatus, RightsGroupKind, UserKind, UserStatus
from mandant_desktop.domain.search_folding import search_key
from mandant_desktop.domain.validation import name_key
from mandant_desktop.services.demo import names
from mandant_desktop.services.demo.context import DemoContext, Row
from mandant_desktop.services.demo.people import Staff, Tenants, UniqueNames, person_name, user_row

CUSTOMER_GROUP_PREFIX = "X"
QUOTAS_MB = (250, 500, 1_000, 2_000, 5_000, 10_000)
#: what every customer's portal users may do; more comes per customer (SPEC C8)
BASE_PORTAL_RIGHTS = ("portal.view_jobs", "portal.create_jobs", "portal.upload_data", "portal.download_data")

SALES_GROUP = "CustomerSalesRepresentatives"
REMOTE_ADMINS_GROUP = "RemoteAdministrators"
REMOTE_USERS_GROUP = "RemoteUsers"


@dataclass(slots=True)
class Customers:
    rows: list[Row] = field(default_factory=list)
    groups: list[Row] = field(default_factory=list)
    group_permissions: list[Row] = field(default_factory=list)
    contacts: list[Row] = field(default_factory=list)
    person_roles: list[Row] = field(default_factory=list)
    external_users: list[Row] = field(default_factory=list)
    contact_persons: list[Row] = field(default_factory=list)
    memberships: set[tuple[int, int]] = field(default_factory=set)

    def member_rows(self, ctx: DemoContext) -> list[Row]:
        at, by = ctx.now, ctx.by
        return [{"group_id": g, "user_id": u, "created_at": at, "created_by": by} for g, u in sorted(self.memberships)]


def rights_group_name(number: str, name: str) -> str:
    """The C3 pattern "X" + number + name, as in the seed's ``X12345-Heidelberg``."""
    return f"{CUSTOMER_GROUP_PREFIX}{number}-{name}"[:150]


def company_name(ctx: DemoContext) -> tuple[str, str]:
    """(name, short name) of a German firm or institution."""
    rng = ctx.rng
    roll = rng.random()
    last = rng.choice(names.LAST_NAMES)
    if roll < 0.5:
        trade = rng.choice(names.TRADES)
        short = f"{last} {trade}"
        return f"{trade} {last} {rng.choice(names.LEGAL_FORMS)}", short if len(short) <= 20 else last
    if roll < 0.7:
        partner = rng.choice(names.LAST_NAMES)
        return f"{last} & {partner} {rng.choice(names.LEGAL_FORMS)}", f"{last} & {partner}"
    if roll < 0.9:
        institution, city = rng.choice(names.CITY_INSTITUTIONS), rng.choice(names.CITIES)
        return f"{institution} {city}", f"{names.INSTITUTION_ABBREVIATIONS[institution]} {city}"
    trade, city = rng.choice(names.TRADES), rng.choice(names.CITIES)
    return f"{trade} {at_street(rng.choice(names.STREETS))} {city}", f"{trade} {city}"


def at_street(street: str) -> str:
    """The German "at" before a street name: "in der Lindenstraße", "am Markt", "am Mühlenweg"."""
    if street.startswith("Am "):
        return "am " + street.removeprefix("Am ")
    if street.endswith(("straße", "allee")):
        return f"in der {street}"
    return f"am {street}"


def mail_domain(company: str) -> str:
    """``"Druckerei Müller GmbH & Co. KG"`` → ``"druckerei-mueller.example"``."""
    for form in sorted(names.LEGAL_FORMS, key=len, reverse=True):
        company = company.removesuffix(f" {form}")
    return f"{names.ascii_slug(company) or 'kunde'}.example"


def phone(ctx: DemoContext) -> str:
    return f"0{ctx.rng.randint(30, 9_999)} {ctx.rng.randint(100_000, 9_999_999)}"


def postal_code(ctx: DemoContext) -> str:
    return f"{ctx.rng.randint(1_067, 99_998):05d}"


def birthday(ctx: DemoContext) -> dt.date | None:
    if not ctx.chance(0.3):
        return None
    return dt.date(ctx.rng.randint(1955, 2000), ctx.rng.randint(1, 12), ctx.rng.randint(1, 28))


def make_customers(
    ctx: DemoContext, tenants: Tenants, staff: Staff, usernames: UniqueNames, emails: UniqueNames
) -> Customers:
    rng = ctx.rng
    config = ctx.config
    result = Customers()
    digits = config.customer_number_digits
    numbers = sorted(rng.sample(range(10 ** (digits - 1), 10**digits), config.customers))
    # Most customers sit in a handful of busy tenants; the rest spread thinly (agency clients).
    busy = tenants.ids[: max(1, len(tenants.ids) // 4)]
    agencies: list[int] = []
    remote: list[tuple[int, str]] = []  # (customer id, number)
    portal = set(ctx.portal_codes)
    for value in numbers:
        customer_id = ctx.new_id("customer")
        number = str(value)
        is_agency = ctx.chance(0.03)
        if is_agency:
            name = f"{rng.choice(names.AGENCY_WORDS)} {rng.choice(names.LAST_NAMES)} {rng.choice(names.LEGAL_FORMS)}"
            short = name.split(" ")[1]
        else:
            name, short = company_name(ctx)
        has_remote = is_agency or ctx.chance(0.35)
        # Only agencies already made can be a default agency: the row it points to must exist
        # when this one is inserted.
        default_agency = rng.choice(agencies) if agencies and not is_agency and ctx.chance(0.12) else None
        tenant_id = rng.choice(busy) if ctx.chance(0.7) else rng.choice(tenants.ids)
        stored_name, stored_short = name[:200], short[:50]
        result.rows.append(
            {
                "id": customer_id,
                "tenant_id": tenant_id,
                "number": number,
                "name": stored_name,
                "short_name": stored_short,
                # the key the search compares: bulk rows pass no insert default (COPY)
                "search_key": search_key((number, stored_name, stored_short)),
                "remote_access": has_remote,
                "is_agency": is_agency,
                "quota_mb": rng.choice(QUOTAS_MB) if has_remote else None,
                "default_agency_id": default_agency,
                "status": CustomerStatus.DEACTIVATED if ctx.chance(0.03) else CustomerStatus.ACTIVE,
                "created_at": ctx.days_ago(2_000, 30),
                **ctx.versioned(),
            }
        )
        if is_agency:
            agencies.append(customer_id)
        if has_remote:
            remote.append((customer_id, number))
            group_id = ctx.new_id("rights_group")
            group_name = rights_group_name(number, name)
            result.groups.append(
                {
                    "id": group_id,
                    "name": group_name,
                    "name_key": name_key(group_name),
                    "search_key": search_key((group_name,)),
                    "kind": RightsGroupKind.CUSTOMER,
                    "customer_id": customer_id,
                    "description": "",
                    **ctx.versioned(),
                }
            )
            rights = set(BASE_PORTAL_RIGHTS)
            if ctx.chance(0.6):
                rights.update(("portal.view_proofs", "portal.approve_proofs"))
            elif ctx.chance(0.5):
                rights.add("portal.view_proofs")
            if ctx.chance(0.2):
                rights.add("portal.order_reprints")
            if ctx.chance(0.3):
                rights.add("portal.view_invoices")
            if is_agency:
                rights.add("portal.manage_users")
            result.group_permissions.extend(
                {"group_id": group_id, "permission_code": code, "created_at": ctx.now, "created_by": ctx.by}
                for code in sorted(rights & portal)
            )
    groups_by_customer = {row["customer_id"]: row["id"] for row in result.groups}
    _assign_contact_persons(ctx, result, staff, groups_by_customer)
    custom_groups = _custom_groups(ctx, result)
    _customer_contacts(ctx, result, remote, groups_by_customer, custom_groups, usernames, emails)
    return result


def _assign_contact_persons(ctx: DemoContext, result: Customers, staff: Staff, groups: dict[int, int]) -> None:
    """Sales reps from CustomerSalesRepresentatives as contact persons; on a portal customer this
    makes them members of its rights group and of RemoteAdministrators and RemoteUsers (SPEC C7)."""
    rng = ctx.rng
    candidates = [u for u in staff.active if u != staff.admin_id]
    reps = sorted(rng.sample(candidates, min(ctx.config.sales_representatives, len(candidates))))
    if not reps:
        return
    sales = ctx.system_groups[SALES_GROUP]
    result.memberships.update((sales, rep) for rep in reps)
    for customer in result.rows:
        roll = rng.random()
        count = 0 if roll < 0.2 else 1 if roll < 0.85 else 2
        for rep in rng.sample(reps, min(count, len(reps))):
            result.contact_persons.append(
                {"customer_id": customer["id"], "user_id": rep, "created_at": ctx.now, "created_by": ctx.by}
            )
            group = groups.get(customer["id"])
            if group is not None:
                result.memberships.add((group, rep))
                result.memberships.add((ctx.system_groups[REMOTE_ADMINS_GROUP], rep))
                result.memberships.add((ctx.system_groups[REMOTE_USERS_GROUP], rep))


def _custom_groups(ctx: DemoContext, result: Customers) -> list[int]:
    ids = []
    for group_name, description, rights in names.CUSTOM_RIGHTS_GROUPS:
        group_id = ctx.new_id("rights_group")
        ids.append(group_id)
        result.groups.append(
            {
                "id": group_id,
                "name": group_name,
                "name_key": name_key(group_name),
                "search_key": search_key((group_name,)),
                "kind": RightsGroupKind.CUSTOM,
                "customer_id": None,
                "description": description,
                **ctx.versioned(),
            }
        )
        result.group_permissions.extend(
            {"group_id": group_id, "permission_code": code, "created_at": ctx.now, "created_by": ctx.by}
            for code in rights
        )
    return ids


def _customer_contacts(
    ctx: DemoContext,
    result: Customers,
    remote: list[tuple[int, str]],
    groups: dict[int, int],
    custom_groups: list[int],
    usernames: UniqueNames,
    emails: UniqueNames,
) -> None:
    """Contacts at customers; external portal users exist only for a contact (SPEC C10), so the
    first contacts made are those of portal customers that get external users."""
    rng = ctx.rng
    config = ctx.config
    tenant_of = {row["id"]: row["tenant_id"] for row in result.rows}
    name_of = {row["id"]: row["name"] for row in result.rows}
    externals_left = config.external_users
    portal_customers = rng.sample(remote, len(remote))
    contacts_left = config.customer_contacts
    for customer_id, number in portal_customers:
        if externals_left <= 0 or contacts_left <= 0:
            break
        for index in range(min(rng.randint(1, 3), externals_left, contacts_left)):
            contact = _contact(ctx, result, customer_id, tenant_of[customer_id], name_of[customer_id], emails)
            contacts_left -= 1
            externals_left -= 1
            first, last = contact["first_name"], contact["last_name"]
            user_id = ctx.new_id("app_user")
            is_admin = index == 0 and ctx.chance(0.5)
            result.external_users.append(
                user_row(
                    ctx,
                    user_id=user_id,
                    username=usernames.take(f"{number}.{names.ascii_slug(last)}"),
                    email=contact["email"],
                    first_name=first,
                    last_name=last,
                    kind=UserKind.EXTERNAL,
                    status=UserStatus.DEACTIVATED if ctx.chance(0.1) else UserStatus.ACTIVE,
                    customer_id=customer_id,
                    contact_id=contact["id"],
                    is_external_admin=is_admin,
                )
            )
            # Like an external user made in the application (C10): the customer's group and RemoteUsers.
            result.memberships.add((groups[customer_id], user_id))
            result.memberships.add((ctx.system_groups[REMOTE_USERS_GROUP], user_id))
            if is_admin:
                result.memberships.add((ctx.system_groups[REMOTE_ADMINS_GROUP], user_id))
            # Some external users hold more than their customer group grants (SPEC C5).
            for extra in custom_groups:
                if ctx.chance(0.15):
                    result.memberships.add((extra, user_id))
    customers = result.rows
    while contacts_left > 0 and customers:
        customer = rng.choice(customers)
        _contact(ctx, result, customer["id"], customer["tenant_id"], customer["name"], emails)
        contacts_left -= 1


def _contact(
    ctx: DemoContext,
    result: Customers,
    customer_id: int,
    tenant_id: int,
    customer_name: str,
    emails: UniqueNames,
) -> Row:
    salutation, first, last = person_name(ctx)
    domain = mail_domain(customer_name)
    email = emails.email(f"{names.ascii_slug(first)}.{names.ascii_slug(last)}", domain)
    contact_type = ctx.rng.choice(names.CUSTOMER_CONTACT_TYPES)
    city = ctx.rng.choice(names.CITIES)
    contact_id = ctx.new_id("contact")
    row = {
        "id": contact_id,
        "tenant_id": tenant_id,
        "customer_id": customer_id,
        "contact_type": contact_type,
        "salutation": salutation,
        "first_name": first,
        "last_name": last,
        "search_key": search_key((last, first, contact_type)),  # bulk rows pass no insert default
        "email": email,
        "phone": phone(ctx),
        "street": f"{ctx.rng.choice(names.STREETS)} {ctx.rng.randint(1, 120)}",
        "postal_code": postal_code(ctx),
        "city": city,
        "birthday": birthday(ctx),
        "created_at": ctx.days_ago(1_000, 5),
        **ctx.versioned(),
    }
    result.contacts.append(row)
    # Their role at the customer, so that customer contacts can be put on distribution lists.
    result.person_roles.append(
        {
            "id": ctx.new_id("person_role"),
            "contact_id": contact_id,
            "tenant_id": tenant_id,
            "organisation": customer_name[:200],
            "function": contact_type,
            "email": email,
            "phone": row["phone"],
            "street": row["street"],
            "postal_code": row["postal_code"],
            "city": city,
            **ctx.versioned(),
        }
    )
    return row
