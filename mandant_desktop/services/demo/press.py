"""Press and political contacts with several person-roles, distribution lists and templates
(SPEC glossary, T7, T10, T12)."""

from __future__ import annotations

from dataclasses import dataclass, field

from mandant_desktop.domain.search_folding import search_key
from mandant_desktop.services.demo import names
from mandant_desktop.services.demo.context import DemoContext, Row
from mandant_desktop.services.demo.customers import birthday, phone, postal_code
from mandant_desktop.services.demo.people import Tenants, UniqueNames, person_name


@dataclass(slots=True)
class PressData:
    contacts: list[Row] = field(default_factory=list)
    person_roles: list[Row] = field(default_factory=list)
    lists: list[Row] = field(default_factory=list)
    list_members: list[Row] = field(default_factory=list)
    templates: list[Row] = field(default_factory=list)


def make_press_contacts(ctx: DemoContext, tenants: Tenants, emails: UniqueNames, data: PressData) -> None:
    """A journalist writes for several media, a politician has a constituency office and a seat in
    a committee: one contact, several person-roles, and the roles often belong to other tenants
    than the contact (the case SPEC T10 is about)."""
    rng = ctx.rng
    for _ in range(ctx.config.press_contacts):
        salutation, first, last = person_name(ctx)
        tenant_id = rng.choice(tenants.ids)
        contact_id = ctx.new_id("contact")
        city = rng.choice(names.CITIES)
        politician = ctx.chance(0.15)
        contact_type = "Politik" if politician else "Presse"
        data.contacts.append(
            {
                "id": contact_id,
                "tenant_id": tenant_id,
                "customer_id": None,
                "contact_type": contact_type,
                "salutation": salutation,
                "first_name": first,
                "last_name": last,
                "search_key": search_key((last, first, contact_type)),  # bulk rows pass no insert default
                "email": emails.email(f"{names.ascii_slug(first)}.{names.ascii_slug(last)}", "privat.example"),
                "phone": phone(ctx),
                "street": f"{rng.choice(names.STREETS)} {rng.randint(1, 120)}",
                "postal_code": postal_code(ctx),
                "city": city,
                "birthday": birthday(ctx),
                "created_at": ctx.days_ago(1_500, 1),
                **ctx.versioned(),
            }
        )
        role_count = rng.choice((1, 1, 2, 2, 3))
        if politician:
            roles = rng.sample(names.POLITICAL_FUNCTIONS, min(role_count, len(names.POLITICAL_FUNCTIONS)))
        else:
            media = rng.sample(names.MEDIA, role_count)
            roles = [(medium, rng.choice(names.PRESS_FUNCTIONS)) for medium in media]
        for index, (organisation, function) in enumerate(roles):
            role_tenant = tenant_id if index == 0 or ctx.chance(0.4) else rng.choice(tenants.ids)
            domain = names.ascii_slug(organisation) + ".example"
            data.person_roles.append(
                {
                    "id": ctx.new_id("person_role"),
                    "contact_id": contact_id,
                    "tenant_id": role_tenant,
                    "organisation": organisation,
                    "function": function,
                    "email": emails.email(f"{names.ascii_slug(first)[:1]}.{names.ascii_slug(last)}", domain),
                    "phone": phone(ctx),
                    "street": f"{rng.choice(names.STREETS)} {rng.randint(1, 120)}",
                    "postal_code": postal_code(ctx),
                    "city": rng.choice(names.CITIES) if index else city,
                    **ctx.versioned(),
                }
            )


def make_distribution_lists(ctx: DemoContext, tenants: Tenants, person_roles: list[Row], data: PressData) -> None:
    """Lists that belong to one tenant and draw most members from it, some from other tenants."""
    rng = ctx.rng
    if not person_roles:
        return
    by_tenant: dict[int, list[int]] = {}
    for role in person_roles:
        by_tenant.setdefault(role["tenant_id"], []).append(role["id"])
    all_roles = [role["id"] for role in person_roles]
    taken: set[tuple[int, str]] = set()
    upper = max(8, min(300, len(all_roles) // 10))
    for index in range(ctx.config.distribution_lists):
        tenant_id = rng.choice(tenants.ids)
        base = names.DISTRIBUTION_LIST_NAMES[index % len(names.DISTRIBUTION_LIST_NAMES)]
        name = base if (tenant_id, base) not in taken else f"{base} {rng.choice(names.REGIONS)}"
        taken.add((tenant_id, name))
        list_id = ctx.new_id("distribution_list")
        data.lists.append(
            {
                "id": list_id,
                "tenant_id": tenant_id,
                "name": name,
                "description": f"Verteiler von {tenants.name[tenant_id]}"[:500],
                "created_at": ctx.days_ago(600, 1),
                **ctx.versioned(),
            }
        )
        own = by_tenant.get(tenant_id, [])
        size = rng.randint(5, upper)
        members = set(rng.sample(own, min(len(own), size * 2 // 3)))
        # Every list but the first two reaches into other tenants (SPEC T10).
        foreign = size - len(members) if index >= 2 else 0
        while foreign > 0:
            members.add(rng.choice(all_roles))
            foreign -= 1
        data.list_members.extend(
            {"list_id": list_id, "person_role_id": member, "created_at": ctx.now, "created_by": ctx.by}
            for member in sorted(members)
        )


def make_templates(ctx: DemoContext, tenants: Tenants, data: PressData) -> None:
    rng = ctx.rng
    for tenant_id in tenants.ids:
        if not ctx.chance(0.6):
            continue
        for name, subject, body in rng.sample(names.TEMPLATES, rng.randint(1, 3)):
            data.templates.append(
                {"tenant_id": tenant_id, "name": name, "subject": subject, "body": body, **ctx.versioned()}
            )
