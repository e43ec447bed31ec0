"""Portal rights groups: the groups, their members and their portal permissions (SPEC C3-C5, C8).

A user's portal rights are the union of the permissions of all their groups (C5). Customer groups
belong to a customer and so to its tenant: a group of a customer in a hidden tenant appears
nowhere (T8), and changing it needs full access to that tenant.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, case, delete, func, or_, select, true
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import True_

from mandant_desktop.db import search_keys
from mandant_desktop.db.models import (
    Customer,
    RightsGroup,
    RightsGroupKind,
    RightsGroupMember,
    RightsGroupPermission,
    User,
    UserKind,
    UserStatus,
    utcnow,
)
from mandant_desktop.domain.errors import NotFoundError, ValidationError
from mandant_desktop.domain.permissions import PORTAL_CODES, PORTAL_PERMISSIONS
from mandant_desktop.domain.tenant_access import TenantScope
from mandant_desktop.domain.validation import name_key
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenant_scope import load_tenant_scope, visible_clause, visible_clause_in
from mandant_desktop.services.unit_of_work import UnitOfWork
from mandant_desktop.services.users import user_search

SALES_GROUP = "CustomerSalesRepresentatives"
REMOTE_ADMINS_GROUP = "RemoteAdministrators"
REMOTE_USERS_GROUP = "RemoteUsers"


@dataclass(frozen=True, slots=True)
class GroupRow:
    id: int
    name: str
    kind: RightsGroupKind
    description: str
    customer_number: str | None
    members: int
    version: int

    @property
    def is_system(self) -> bool:
        return self.kind is RightsGroupKind.SYSTEM

    @property
    def is_customer_group(self) -> bool:
        return self.kind is RightsGroupKind.CUSTOMER


@dataclass(frozen=True, slots=True)
class MemberRow:
    user_id: int
    username: str
    display_name: str
    kind: UserKind
    active: bool
    #: an external user of the group's own customer: their membership cannot be removed (C5)
    fixed: bool

    @property
    def external(self) -> bool:
        return self.kind is UserKind.EXTERNAL


@dataclass(frozen=True, slots=True)
class GroupDetails:
    id: int
    name: str
    kind: RightsGroupKind
    description: str
    customer_id: int | None
    version: int
    permissions: frozenset[str]
    editable: bool


_USER_COLUMNS = (User.id, User.username, User.first_name, User.last_name, User.kind, User.status, User.customer_id)


def _member(row: Any, group_customer_id: int | None) -> MemberRow:
    return MemberRow(
        row.id,
        row.username,
        display_name(row.first_name, row.last_name, row.username),
        row.kind,
        row.status != UserStatus.DEACTIVATED,
        group_customer_id is not None and row.customer_id == group_customer_id,
    )


def display_name(first: str | None, last: str | None, username: str) -> str:
    full = f"{first or ''} {last or ''}".strip()
    return full or username


def system_group_id(session: Session, name: str) -> int:
    group_id = session.scalar(select(RightsGroup.id).where(RightsGroup.name_key == name_key(name)))
    if group_id is None:
        raise NotFoundError("The system rights group {name} is missing; upgrade the database.", name=name)
    return group_id


def add_memberships(session: Session, pairs: Iterable[tuple[int, int]]) -> int:
    """Add (group, user) memberships that do not exist yet; one query per call plus the inserts."""
    wanted = set(pairs)
    if not wanted:
        return 0
    groups = sorted({g for g, _ in wanted})
    users = sorted({u for _, u in wanted})
    present: set[tuple[int, int]] = set(
        (g, u)
        for g, u in session.execute(
            select(RightsGroupMember.group_id, RightsGroupMember.user_id).where(
                RightsGroupMember.group_id.in_(groups), RightsGroupMember.user_id.in_(users)
            )
        ).all()
    )
    missing = sorted(wanted - present)
    session.add_all(RightsGroupMember(group_id=g, user_id=u) for g, u in missing)
    session.flush()
    return len(missing)


def remove_memberships(session: Session, pairs: Iterable[tuple[int, int]]) -> int:
    removed = 0
    for group_id, user_id in sorted(set(pairs)):
        member = session.get(RightsGroupMember, (group_id, user_id))
        if member is not None:
            session.delete(member)
            removed += 1
    session.flush()
    return removed


def group_visible_clause(scope: TenantScope, session: Session | None = None) -> ColumnElement[bool]:
    """System and custom groups are everyone's; a customer group is as visible as its customer.

    With ``session``, an operator who sees every tenant there is gets no condition at all
    (:func:`visible_clause_in`): the customers' IN list of 200 tenant ids was read for every page of
    the group list among 37,000 groups (issue 8)."""
    tenants = (
        visible_clause(scope, Customer.tenant_id)
        if session is None
        else visible_clause_in(session, scope, Customer.tenant_id)
    )
    if isinstance(tenants, True_):
        return true()  # every customer is visible, and a customer group's customer exists (its key)
    visible_customers = select(Customer.id).where(tenants)
    return or_(RightsGroup.customer_id.is_(None), RightsGroup.customer_id.in_(visible_customers))


def portal_rights_of(session: Session, user_id: int) -> frozenset[str]:
    """The union of the permissions of every group the user is in (SPEC C5)."""
    stmt = (
        select(RightsGroupPermission.permission_code)
        .join(RightsGroupMember, RightsGroupMember.group_id == RightsGroupPermission.group_id)
        .where(RightsGroupMember.user_id == user_id)
        .distinct()
    )
    return frozenset(session.scalars(stmt))


def check_portal_codes(codes: Collection[str]) -> frozenset[str]:
    unknown = set(codes) - PORTAL_CODES
    if unknown:
        raise ValidationError("Unknown portal permission: {code}.", code=", ".join(sorted(unknown)))
    return frozenset(codes)


def replace_group_permissions(session: Session, group: RightsGroup, codes: frozenset[str]) -> bool:
    """Make ``codes`` the group's permissions; True when anything changed."""
    present = set(
        session.scalars(select(RightsGroupPermission.permission_code).where(RightsGroupPermission.group_id == group.id))
    )
    if present == codes:
        return False
    for code in sorted(present - codes):
        row = session.get(RightsGroupPermission, (group.id, code))
        if row is not None:
            session.delete(row)
    session.add_all(RightsGroupPermission(group_id=group.id, permission_code=code) for code in sorted(codes - present))
    # The group's version moves with its permissions, so that two workstations editing them meet (S4).
    # (Assigning an attribute its own value writes nothing; a new time stamp does.)
    group.updated_at = utcnow()
    session.flush()
    return True


class RightsGroupService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    # ------------------------------------------------------------------ reading

    def _filters(self, session: Session, scope: TenantScope, search: str) -> list[ColumnElement[bool]]:
        filters = [group_visible_clause(scope, session)]
        # every folded word of the search in the group's name (revision 0029)
        return [*filters, *search_keys.search_condition(session, RightsGroup.search_key, search)]

    def count(self, operator: Operator, search: str = "") -> int:
        operator.require("users.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            scope = load_tenant_scope(uow.session, operator)
            stmt = select(func.count(RightsGroup.id)).where(*self._filters(uow.session, scope, search))
            return uow.session.scalar(stmt) or 0

    def groups(self, operator: Operator, search: str = "", *, offset: int = 0, limit: int = 200) -> list[GroupRow]:
        """System groups first, then custom groups, then customer groups, each by name."""
        operator.require("users.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            kind_order = case(
                (RightsGroup.kind == RightsGroupKind.SYSTEM, 0),
                (RightsGroup.kind == RightsGroupKind.CUSTOM, 1),
                else_=2,
            )
            rows = session.execute(
                select(
                    RightsGroup.id,
                    RightsGroup.name,
                    RightsGroup.kind,
                    RightsGroup.description,
                    RightsGroup.version,
                    Customer.number,
                )
                .outerjoin(Customer, Customer.id == RightsGroup.customer_id)
                .where(*self._filters(session, scope, search))
                .order_by(kind_order, RightsGroup.name_key, RightsGroup.id)
                .offset(offset)
                .limit(limit)
            ).all()
            ids = [row.id for row in rows]
            counts: dict[int, int] = dict(
                (g, n)
                for g, n in session.execute(
                    select(RightsGroupMember.group_id, func.count())
                    .where(RightsGroupMember.group_id.in_(ids))
                    .group_by(RightsGroupMember.group_id)
                ).all()
            )
            return [
                GroupRow(row.id, row.name, row.kind, row.description, row.number, counts.get(row.id, 0), row.version)
                for row in rows
            ]

    def _group(self, session: Session, scope: TenantScope, group_id: int) -> RightsGroup:
        group = session.get(RightsGroup, group_id)
        if group is None:
            raise NotFoundError("The {object} no longer exists or is not visible to you.", object="RightsGroup")
        if group.customer_id is not None:
            tenant_id = session.scalar(select(Customer.tenant_id).where(Customer.id == group.customer_id))
            if tenant_id is not None:
                scope.require_visible(tenant_id, "RightsGroup")
        return group

    def _editable(self, session: Session, scope: TenantScope, group: RightsGroup) -> bool:
        if group.customer_id is None:
            return True
        tenant_id = session.scalar(select(Customer.tenant_id).where(Customer.id == group.customer_id))
        return tenant_id is None or scope.can_edit(tenant_id)

    def details(self, operator: Operator, group_id: int) -> GroupDetails:
        operator.require("users.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            group = self._group(session, scope, group_id)
            codes = frozenset(
                session.scalars(
                    select(RightsGroupPermission.permission_code).where(RightsGroupPermission.group_id == group.id)
                )
            )
            return GroupDetails(
                group.id,
                group.name,
                group.kind,
                group.description,
                group.customer_id,
                group.version,
                codes,
                operator.can("customers.manage_rights") and self._editable(session, scope, group),
            )

    def members(self, operator: Operator, group_id: int) -> list[MemberRow]:
        operator.require("users.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            group = self._group(session, load_tenant_scope(session, operator), group_id)
            rows = session.execute(
                select(*_USER_COLUMNS)
                .join(RightsGroupMember, RightsGroupMember.user_id == User.id)
                .where(RightsGroupMember.group_id == group.id)
                .order_by(User.last_name, User.first_name, User.username_key)
            ).all()
            return [_member(row, group.customer_id) for row in rows]

    def user_candidates(self, operator: Operator, search: str, *, limit: int = 50) -> list[MemberRow]:
        """Users to add to a group, found by user name, name or e-mail address (folded, word by
        word: :func:`mandant_desktop.services.users.user_search`); at most ``limit``."""
        operator.require("users.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            scope = load_tenant_scope(uow.session, operator)
            # External users of customers in hidden tenants appear nowhere (T8).
            visible_customers = select(Customer.id).where(visible_clause(scope, Customer.tenant_id))
            stmt = select(*_USER_COLUMNS).where(
                or_(User.customer_id.is_(None), User.customer_id.in_(visible_customers))
            )
            stmt = stmt.where(*user_search(uow.session, search))
            rows = uow.session.execute(stmt.order_by(User.last_name, User.first_name, User.id).limit(limit)).all()
            return [_member(row, None) for row in rows]

    def portal_rights(self, operator: Operator, user_id: int) -> frozenset[str]:
        operator.require("users.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return portal_rights_of(uow.session, user_id)

    @staticmethod
    def catalogue() -> tuple[str, ...]:
        return tuple(p.code for p in PORTAL_PERMISSIONS)

    # ------------------------------------------------------------------ changing

    def _editable_group(self, uow: UnitOfWork, group_id: int, expected_version: int | None) -> RightsGroup:
        # ``None`` only for membership changes, which are set-based and idempotent (S4).
        operator = uow.operator
        operator.require("customers.manage_rights")
        session = uow.session
        scope = load_tenant_scope(session, operator)
        self._group(session, scope, group_id)
        group = uow.load(RightsGroup, group_id, expected_version=expected_version)
        if group.customer_id is not None:
            tenant_id = session.scalar(select(Customer.tenant_id).where(Customer.id == group.customer_id))
            if tenant_id is not None:
                scope.require_edit(tenant_id, "RightsGroup")
        return group

    def set_permissions(
        self, operator: Operator, group_id: int, codes: Collection[str], *, expected_version: int
    ) -> None:
        """The group's portal permissions become ``codes`` (SPEC C8); every member receives them."""
        wanted = check_portal_codes(codes)
        with UnitOfWork(self._factory, operator) as uow:
            group = self._editable_group(uow, group_id, expected_version)
            replace_group_permissions(uow.session, group, wanted)
            uow.commit()

    def add_members(self, operator: Operator, group_id: int, user_ids: Collection[int]) -> int:
        with UnitOfWork(self._factory, operator) as uow:
            group = self._editable_group(uow, group_id, None)
            session = uow.session
            users = session.execute(
                select(User.id, User.kind, User.customer_id).where(User.id.in_(list(user_ids)))
            ).all()
            if len(users) != len(set(user_ids)):
                raise NotFoundError("The {object} no longer exists or is not visible to you.", object="User")
            if group.customer_id is not None:
                foreign = [u for u in users if u.kind == UserKind.EXTERNAL and u.customer_id != group.customer_id]
                if foreign:
                    raise ValidationError(
                        "External users of another customer cannot join this customer's rights group."
                    )
            added = add_memberships(session, ((group.id, u.id) for u in users))
            uow.commit()
            return added

    def remove_members(self, operator: Operator, group_id: int, user_ids: Collection[int]) -> int:
        with UnitOfWork(self._factory, operator) as uow:
            group = self._editable_group(uow, group_id, None)
            session = uow.session
            if group.customer_id is not None:
                own = session.scalar(
                    select(func.count(User.id)).where(
                        User.id.in_(list(user_ids)),
                        User.customer_id == group.customer_id,
                        User.kind == UserKind.EXTERNAL,
                    )
                )
                if own:
                    raise ValidationError(
                        "Every external user of a customer is a member of its rights group; deactivate the user "
                        "instead of removing the membership."
                    )
            removed = remove_memberships(session, ((group.id, u) for u in user_ids))
            uow.commit()
            return removed

    def create_group(self, operator: Operator, name: str, description: str = "") -> int:
        """A custom group, e.g. one with more rights for some external users (SPEC C5)."""
        from mandant_desktop.domain.validation import clean_name

        operator.require("customers.manage_rights")  # before the input is looked at (S1)
        clean = clean_name(name, field="name", max_length=150)
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            if session.scalar(select(RightsGroup.id).where(RightsGroup.name_key == name_key(clean))) is not None:
                raise ValidationError("A rights group named {name} exists already.", field="name", name=clean)
            group = RightsGroup(
                name=clean,
                name_key=name_key(clean),
                kind=RightsGroupKind.CUSTOM,
                description=" ".join(description.split())[:500],
            )
            session.add(group)
            session.flush()
            uow.commit()
            return group.id

    def delete_group(self, operator: Operator, group_id: int) -> None:
        with UnitOfWork(self._factory, operator) as uow:
            group = self._editable_group(uow, group_id, None)
            if group.kind is not RightsGroupKind.CUSTOM:
                raise ValidationError(
                    "System groups and customer groups cannot be deleted here; a customer group goes with the "
                    "customer's remote access."
                )
            session = uow.session
            with (
                uow.watch(RightsGroupMember, RightsGroupMember.group_id == group.id),
                uow.watch(RightsGroupPermission, RightsGroupPermission.group_id == group.id),
            ):
                session.execute(delete(RightsGroupMember).where(RightsGroupMember.group_id == group.id))
                session.execute(delete(RightsGroupPermission).where(RightsGroupPermission.group_id == group.id))
                uow.audit("RightsGroupMember", group.id, "delete", summary="all members of the deleted group")
            session.delete(group)
            uow.commit()
