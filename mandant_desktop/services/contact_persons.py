"""Internal contact persons of customers (SPEC C7).

The candidates are the members of CustomerSalesRepresentatives. Assigning one to a customer makes
them a member of the customer's rights group and of RemoteAdministrators and RemoteUsers.
Unassigning keeps those memberships, as the seed says, unless the operator asks to remove them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db.models import (
    Customer,
    CustomerContactPerson,
    RightsGroup,
    RightsGroupMember,
    User,
    UserKind,
    UserStatus,
)
from mandant_desktop.domain.errors import NotFoundError, ValidationError
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.rights_groups import (
    REMOTE_ADMINS_GROUP,
    REMOTE_USERS_GROUP,
    SALES_GROUP,
    add_memberships,
    display_name,
    remove_memberships,
    system_group_id,
)
from mandant_desktop.services.tenant_scope import load_tenant_scope
from mandant_desktop.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class Representative:
    user_id: int
    display_name: str
    username: str


@dataclass(frozen=True, slots=True)
class Assignment:
    """An assigned contact person and the selected customers they are assigned to."""

    representative: Representative
    customer_numbers: tuple[str, ...]
    #: assigned to every selected customer (normal font) or only some (italics)
    to_all: bool


@dataclass(frozen=True, slots=True)
class AssignmentState:
    candidates: tuple[Representative, ...]
    assigned: tuple[Assignment, ...]
    customer_count: int


class ContactPersonService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    def state(self, operator: Operator, customer_ids: Collection[int]) -> AssignmentState:
        operator.require("customers.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            customers = self._customers(session, operator, customer_ids, edit=False)
            numbers = {c.id: c.number for c in customers}
            sales = system_group_id(session, SALES_GROUP)
            candidates = tuple(
                Representative(r.id, display_name(r.first_name, r.last_name, r.username), r.username)
                for r in session.execute(
                    select(User.id, User.first_name, User.last_name, User.username)
                    .join(RightsGroupMember, RightsGroupMember.user_id == User.id)
                    .where(
                        RightsGroupMember.group_id == sales,
                        User.kind == UserKind.INTERNAL,
                        User.status != UserStatus.DEACTIVATED,
                    )
                    .order_by(User.last_name, User.first_name, User.username_key)
                ).all()
            )
            rows = session.execute(
                select(CustomerContactPerson.customer_id, User.id, User.first_name, User.last_name, User.username)
                .join(User, User.id == CustomerContactPerson.user_id)
                .where(CustomerContactPerson.customer_id.in_(list(numbers)))
            ).all()
            by_user: dict[int, tuple[Representative, list[str]]] = {}
            for row in rows:
                rep = Representative(row.id, display_name(row.first_name, row.last_name, row.username), row.username)
                by_user.setdefault(row.id, (rep, []))[1].append(numbers[row.customer_id])
            assigned = tuple(
                Assignment(rep, tuple(sorted(nums, key=lambda n: (len(n), n))), len(nums) == len(numbers))
                for rep, nums in sorted(by_user.values(), key=lambda item: item[0].display_name.casefold())
            )
            return AssignmentState(candidates, assigned, len(numbers))

    @staticmethod
    def _customers(
        session: Session, operator: Operator, customer_ids: Collection[int], *, edit: bool
    ) -> list[Customer]:
        if not customer_ids:
            raise ValidationError("Select at least one customer.")
        scope = load_tenant_scope(session, operator)
        customers = list(session.scalars(select(Customer).where(Customer.id.in_(list(customer_ids)))))
        if len(customers) != len(set(customer_ids)):
            raise NotFoundError("The {object} no longer exists or is not visible to you.", object="Customer")
        for customer in customers:
            if edit:
                scope.require_edit(customer.tenant_id, "Customer")
            else:
                scope.require_visible(customer.tenant_id, "Customer")
        return customers

    def apply(
        self,
        operator: Operator,
        customer_ids: Collection[int],
        *,
        add: Collection[int] = (),
        remove: Collection[int] = (),
        remove_memberships_too: bool = False,
    ) -> None:
        """Assign ``add`` to every selected customer and unassign ``remove`` from every one, in one
        transaction (S4: all or nothing)."""
        operator.require("customers.edit")
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            customers = self._customers(session, operator, customer_ids, edit=True)
            ids = [c.id for c in customers]
            sales = system_group_id(session, SALES_GROUP)
            remote_admins = system_group_id(session, REMOTE_ADMINS_GROUP)
            remote_users = system_group_id(session, REMOTE_USERS_GROUP)
            if add:
                eligible = set(
                    session.scalars(
                        select(RightsGroupMember.user_id).where(
                            RightsGroupMember.group_id == sales, RightsGroupMember.user_id.in_(list(add))
                        )
                    )
                )
                if eligible != set(add):
                    raise ValidationError(
                        "Only members of the rights group CustomerSalesRepresentatives can be contact persons."
                    )
            groups: dict[int, int] = {
                customer_id: group_id
                for customer_id, group_id in session.execute(
                    select(RightsGroup.customer_id, RightsGroup.id).where(RightsGroup.customer_id.in_(ids))
                ).all()
                if customer_id is not None
            }
            present: set[tuple[int, int]] = set(
                (c, u)
                for c, u in session.execute(
                    select(CustomerContactPerson.customer_id, CustomerContactPerson.user_id).where(
                        CustomerContactPerson.customer_id.in_(ids)
                    )
                ).all()
            )
            wanted = {(c, u) for c in ids for u in add}
            session.add_all(CustomerContactPerson(customer_id=c, user_id=u) for c, u in sorted(wanted - present))
            memberships = {(groups[c], u) for c, u in wanted if c in groups}
            memberships |= {(g, u) for u in add for g in (remote_admins, remote_users)}
            add_memberships(session, memberships)
            for customer_id, user_id in sorted({(c, u) for c in ids for u in remove} & present):
                row = session.get(CustomerContactPerson, (customer_id, user_id))
                if row is not None:
                    session.delete(row)
            session.flush()
            if remove and remove_memberships_too:
                self._drop_memberships(session, ids, set(remove), groups, remote_admins, remote_users)
            uow.commit()

    @staticmethod
    def _drop_memberships(
        session: Session,
        ids: list[int],
        users: set[int],
        groups: dict[int, int],
        remote_admins: int,
        remote_users: int,
    ) -> None:
        """The customers' groups; the two portal groups only for users who are no longer contact
        person of any customer with remote access."""
        pairs = {(groups[c], u) for c in ids if c in groups for u in users}
        still = set(
            session.scalars(
                select(CustomerContactPerson.user_id)
                .join(Customer, Customer.id == CustomerContactPerson.customer_id)
                .where(CustomerContactPerson.user_id.in_(sorted(users)), Customer.remote_access.is_(True))
            )
        )
        pairs |= {(g, u) for u in users - still for g in (remote_admins, remote_users)}
        remove_memberships(session, pairs)
