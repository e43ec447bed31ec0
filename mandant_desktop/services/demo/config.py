"""How much demo data each scale makes (SPEC section 8 for ``large``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Scale = Literal["small", "large"]


@dataclass(frozen=True, slots=True)
class ScaleConfig:
    tenants: int
    #: internal staff, the operator ``admin`` included
    internal_users: int
    external_users: int
    #: units per depth, root first; the length is the depth of the tree
    units_per_level: tuple[int, ...]
    customers: int
    #: digits of a customer number; 100,000 customers do not fit into five
    customer_number_digits: int
    #: contacts with person-roles (press, politics); customer contacts come on top
    press_contacts: int
    customer_contacts: int
    distribution_lists: int
    sales_representatives: int
    #: role assignments to aim for, direct and inherited together
    role_assignments: int
    #: (min, max) tenants an internal user has an explicit access row on; None: every tenant
    access_rows_per_user: tuple[int, int] | None

    @property
    def org_units(self) -> int:
        return sum(self.units_per_level)

    @property
    def users(self) -> int:
        return self.internal_users + self.external_users


SCALES: dict[str, ScaleConfig] = {
    "small": ScaleConfig(
        tenants=8,
        internal_users=34,
        external_users=6,
        units_per_level=(1, 4, 15, 40),
        customers=300,
        customer_number_digits=5,
        press_contacts=120,
        customer_contacts=80,
        distribution_lists=10,
        sales_representatives=5,
        role_assignments=600,
        access_rows_per_user=None,
    ),
    "large": ScaleConfig(
        tenants=200,
        internal_users=9_000,
        external_users=1_000,
        # 5,000 units, ten levels deep, widest in the middle like a real group of companies
        units_per_level=(1, 12, 60, 250, 700, 1_200, 1_200, 900, 477, 200),
        customers=100_000,
        customer_number_digits=6,
        press_contacts=12_000,
        customer_contacts=8_000,
        distribution_lists=200,
        sales_representatives=150,
        role_assignments=1_000_000,
        access_rows_per_user=(1, 8),
    ),
}
