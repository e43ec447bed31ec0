"""The users list, adding and editing users, deactivating and reactivating them (SPEC U1-U3, R3).

The list is paged, searched, filtered and sorted in the database; the tenants and rights groups
of the users on one page come from one query each, so a page costs a fixed number of queries
whatever the number of users. Users are not tenant-scoped (T7); the tenants a user may see are
shown as far as the operator may see those tenants (T8).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, select
from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db import search_keys, user_order
from mandant_desktop.db.models import (
    AccessLevel,
    ActivationToken,
    Contact,
    Customer,
    RightsGroup,
    RightsGroupMember,
    RoleAssignment,
    Tenant,
    TenantAccess,
    User,
    UserStatus,
    utcnow,
)
from mandant_desktop.db.models import UserKind as UserKind  # re-exported for the UI
from mandant_desktop.domain import validation
from mandant_desktop.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from mandant_desktop.services import recording
from mandant_desktop.services.activation import IssuedLink, Translate, issue_link, revoke_open_links
from mandant_desktop.services.admin_guard import lock_administrators, require_administrators_remain
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenant_scope import load_tenant_scope, visible_clause
from mandant_desktop.services.unit_of_work import UnitOfWork, check_version


class UserFilter(StrEnum):
    ALL = "all"
    INTERNAL = "internal"
    EXTERNAL = "external"
    PENDING = "pending"
    DEACTIVATED = "deactivated"
    CANNOT_LOG_IN = "cannot_log_in"


class DisplayStatus(StrEnum):
    """The status as U1 lists it: the stored one, or *link expired* for a pending user."""

    PENDING = "pending"
    EXPIRED = "expired"
    ACTIVE = "active"
    DEACTIVATED = "deactivated"


class UserSort(StrEnum):
    NAME = "name"
    USERNAME = "username"
    EMAIL = "email"
    KIND = "kind"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class UserRow:
    id: int
    username: str
    display_name: str
    email: str | None
    kind: UserKind
    status: DisplayStatus
    sso: bool
    has_role: bool
    tenants: tuple[str, ...]
    groups: tuple[str, ...]
    version: int

    @property
    def can_log_in(self) -> bool:
        """R3: an internal user with no role in any unit cannot log in. External users log in on
        the customer portal, where rights groups count, so they get no warning here."""
        return self.has_role or self.kind is UserKind.EXTERNAL


@dataclass(frozen=True, slots=True)
class NewUser:
    username: str
    email: str
    first_name: str
    last_name: str
    sso: bool = False


@dataclass(frozen=True, slots=True)
class UserDetails:
    """One internal user as the edit dialog shows it; ``version`` is the one the dialog saves against (S4)."""

    id: int
    username: str
    email: str
    first_name: str
    last_name: str
    status: UserStatus
    sso: bool
    version: int
    kind: UserKind = UserKind.INTERNAL
    #: an external user's customer, "number name" (C10), else ""
    customer: str = ""

    @property
    def external(self) -> bool:
        return self.kind is UserKind.EXTERNAL

    @property
    def waiting_for_activation(self) -> bool:
        return self.status is UserStatus.PENDING


@dataclass(frozen=True, slots=True)
class UserChange:
    """What the edit dialog may change: the names and the e-mail address (not the user name, which
    the user logs in with)."""

    first_name: str
    last_name: str
    email: str


@dataclass(frozen=True, slots=True)
class UserUpdate:
    """What saving an edit did: ``link`` is the new activation link sent to the new address of a
    user still waiting for activation; ``revoked`` counts the unused links that stopped working."""

    changed: bool
    link: IssuedLink | None = None
    revoked: int = 0


def _clean_names(first_name: str, last_name: str) -> tuple[str, str]:
    return (
        validation.clean_name(first_name, field="first name"),
        validation.clean_name(last_name, field="last name"),
    )


def _require_free_email(session: Session, email: str, user_id: int | None = None) -> None:
    """U2: an e-mail address belongs to one user (case-insensitive)."""
    stmt = select(User.id).where(User.email_key == email.casefold())
    if user_id is not None:
        stmt = stmt.where(User.id != user_id)
    if session.scalar(stmt) is not None:
        raise ValidationError("The e-mail address {email} is used by another user.", field="email", email=email)


def _require_some_edit_right(operator: Operator) -> None:
    """Before anything is read: the right to edit internal or external users (which one the user
    needs is checked once their kind is known)."""
    if not operator.can("customers.manage_external_users"):
        operator.require("users.edit")


def _check_user_version(user: User, expected_version: int) -> None:
    """S4: refused when the user changed since ``expected_version``, with the values stored now."""
    check_version(
        user,
        expected_version,
        "User",
        {
            "first name": user.first_name,
            "last name": user.last_name,
            "user name": user.username,
            "e-mail": user.email or "",
        },
    )


def _has_role() -> ColumnElement[bool]:
    return exists().where(RoleAssignment.user_id == User.id)


def _link_expired(now: dt.datetime) -> ColumnElement[bool]:
    """A pending user whose newest open link has run out (or who has none)."""
    open_link = exists().where(
        ActivationToken.user_id == User.id,
        ActivationToken.used_at.is_(None),
        ActivationToken.revoked_at.is_(None),
        ActivationToken.expires_at > now,
    )
    return and_(User.status == UserStatus.PENDING, ~open_link)


def user_search(session: Session, search: str) -> list[ColumnElement[bool]]:
    """The condition of a search of users (U1, E2; none for an empty text): every folded word of
    ``search`` in the user's stored key of user name, e-mail address, first and last name
    (revision 0029, :mod:`mandant_desktop.db.search_keys`), one condition for any number of words."""
    return search_keys.search_condition(session, User.search_key, search)


class UsersService:
    def __init__(self, session_factory: sessionmaker[Session], *, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self._factory = session_factory
        self._now = clock

    # ------------------------------------------------------------------ the list

    def _filters(self, session: Session, search: str, kind: UserFilter) -> list[ColumnElement[bool]]:
        filters = user_search(session, search)
        if kind is UserFilter.INTERNAL:
            filters.append(User.kind == UserKind.INTERNAL)
        elif kind is UserFilter.EXTERNAL:
            filters.append(User.kind == UserKind.EXTERNAL)
        elif kind is UserFilter.PENDING:
            filters.append(User.status == UserStatus.PENDING)
        elif kind is UserFilter.DEACTIVATED:
            filters.append(User.status == UserStatus.DEACTIVATED)
        elif kind is UserFilter.CANNOT_LOG_IN:
            filters.append(and_(User.kind == UserKind.INTERNAL, ~_has_role()))
        return filters

    def count(self, operator: Operator, search: str = "", kind: UserFilter = UserFilter.ALL) -> int:
        operator.require("users.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            stmt = select(func.count()).select_from(User).where(*self._filters(uow.session, search, kind))
            return uow.session.scalar(stmt) or 0

    def page(
        self,
        operator: Operator,
        *,
        search: str = "",
        kind: UserFilter = UserFilter.ALL,
        sort: UserSort = UserSort.NAME,
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[UserRow]:
        """One page of the list (U1): sorted, searched and filtered by the database."""
        operator.require("users.view")
        now = self._now()
        expired = _link_expired(now)
        status_order = case(
            (User.status == UserStatus.ACTIVE, 0),
            (expired, 2),
            (User.status == UserStatus.PENDING, 1),
            else_=3,
        )
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            # Name, and kind then name, as the indexes of revision 0015 hold them (db/user_order.py);
            # id last, in the same direction, so that a descending window reads the index backwards.
            by_name = user_order.name_keys(session.get_bind().dialect.name)
            keys: dict[UserSort, list[Any]] = {
                UserSort.NAME: by_name,
                UserSort.USERNAME: [User.username_key],
                UserSort.EMAIL: [User.email_key],
                UserSort.KIND: [User.kind, *by_name],
                UserSort.STATUS: [status_order, *by_name],
            }
            order = [k.desc() if descending else k.asc() for k in [*keys[sort], User.id]]
            # The window's ids first, then their rows with the per-user subqueries: PostgreSQL
            # computes a select list for each row it skips to reach the OFFSET (5,000 role look-ups
            # for the window at 5,000, 37 ms of 38), SQLite does not.
            ids = list(
                session.scalars(
                    select(User.id)
                    .where(*self._filters(session, search, kind))
                    .order_by(*order)
                    .offset(offset)
                    .limit(limit)
                )
            )
            position = {user_id: n for n, user_id in enumerate(ids)}
            found = session.execute(
                select(
                    User.id,
                    User.username,
                    User.first_name,
                    User.last_name,
                    User.email,
                    User.kind,
                    User.status,
                    User.sso,
                    User.version,
                    _has_role().label("has_role"),
                    expired.label("expired"),
                ).where(User.id.in_(ids))
            ).all()
            rows = sorted(found, key=lambda row: position[row.id])
            tenants = self._tenants_of(session, operator, ids)
            groups = self._groups_of(session, ids)
        result = []
        for row in rows:
            if row.status == UserStatus.PENDING:
                status = DisplayStatus.EXPIRED if row.expired else DisplayStatus.PENDING
            else:
                status = DisplayStatus(row.status.value)
            display = f"{row.first_name} {row.last_name}".strip() or row.username
            result.append(
                UserRow(
                    id=row.id,
                    username=row.username,
                    display_name=display,
                    email=row.email,
                    kind=row.kind,
                    status=status,
                    sso=row.sso,
                    has_role=bool(row.has_role),
                    tenants=tuple(tenants.get(row.id, ())),
                    groups=tuple(groups.get(row.id, ())),
                    version=row.version,
                )
            )
        return result

    @staticmethod
    def _tenants_of(session: Session, operator: Operator, ids: list[int]) -> dict[int, list[str]]:
        if not ids:
            return {}
        scope = load_tenant_scope(session, operator)
        stmt = (
            select(TenantAccess.user_id, Tenant.name)
            .join(Tenant, Tenant.id == TenantAccess.tenant_id)
            .where(
                TenantAccess.user_id.in_(ids),
                TenantAccess.level != AccessLevel.HIDDEN,
                visible_clause(scope, Tenant.id),
            )
            .order_by(Tenant.name)
        )
        result: dict[int, list[str]] = {}
        for user_id, name in session.execute(stmt):
            result.setdefault(user_id, []).append(name)
        return result

    @staticmethod
    def _groups_of(session: Session, ids: list[int]) -> dict[int, list[str]]:
        if not ids:
            return {}
        stmt = (
            select(RightsGroupMember.user_id, RightsGroup.name)
            .join(RightsGroup, RightsGroup.id == RightsGroupMember.group_id)
            .where(RightsGroupMember.user_id.in_(ids))
            .order_by(RightsGroup.name)
        )
        result: dict[int, list[str]] = {}
        for user_id, name in session.execute(stmt):
            result.setdefault(user_id, []).append(name)
        return result

    # ------------------------------------------------------------------ changes

    def create(self, operator: Operator, data: NewUser, *, translate: Translate | None = None) -> IssuedLink:
        """Add an internal user, pending activation, and send the activation mail (U2)."""
        operator.require("users.edit")
        # In the order of the form, so that the first thing missing is the first field (E1).
        first, last = _clean_names(data.first_name, data.last_name)
        username = validation.clean_username(data.username)
        email = validation.clean_email(data.email)
        assert email is not None
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            if session.scalar(select(User.id).where(User.username_key == validation.name_key(username))) is not None:
                raise ValidationError("The user name {username} is taken already.", field="username", username=username)
            _require_free_email(session, email)
            user = User(
                username=username,
                username_key=validation.name_key(username),
                email=email,
                email_key=email.casefold(),
                first_name=first,
                last_name=last,
                kind=UserKind.INTERNAL,
                status=UserStatus.PENDING,
                sso=data.sso,
                created_at=self._now(),
            )
            session.add(user)
            session.flush()
            link = issue_link(session, user, self._now(), translate)
            uow.commit()
        return link

    def for_edit(self, operator: Operator, user_id: int) -> UserDetails:
        """The user as the edit dialog starts from (its version is the one the save checks, S4).

        An internal user needs ``users.edit``; an external user, who belongs to a contact of a
        customer (C10), the right that creates them (``customers.manage_external_users``) and full
        access to the customer's tenant (T8), as on the customer's contacts."""
        _require_some_edit_right(operator)
        with UnitOfWork(self._factory, operator, write=False) as uow:
            user = self._editable(uow.session, operator, user_id)
            customer = uow.session.get(Customer, user.customer_id) if user.customer_id is not None else None
            return UserDetails(
                id=user.id,
                username=user.username,
                email=user.email or "",
                first_name=user.first_name,
                last_name=user.last_name,
                status=user.status,
                sso=user.sso,
                version=user.version,
                kind=user.kind,
                customer=f"{customer.number} {customer.name}" if customer is not None else "",
            )

    @staticmethod
    def _editable(session: Session, operator: Operator, user_id: int) -> User:
        """The user, after the rights of their kind: ``users.edit`` for an internal user; for an
        external one ``customers.manage_external_users`` and full access to their customer's tenant."""
        user = session.get(User, user_id)
        if user is None:
            raise NotFoundError("The {object} no longer exists or is not visible to you.", object="User")
        if user.kind is UserKind.INTERNAL:
            operator.require("users.edit")
            return user
        operator.require("customers.manage_external_users")
        customer = session.get(Customer, user.customer_id) if user.customer_id is not None else None
        if customer is None:
            raise NotFoundError("The {object} no longer exists or is not visible to you.", object="User")
        load_tenant_scope(session, operator).require_edit(customer.tenant_id, "Customer")
        return user

    def update(
        self,
        operator: Operator,
        user_id: int,
        change: UserChange,
        *,
        expected_version: int,
        translate: Translate | None = None,
    ) -> UserUpdate:
        """Correct an internal user's names and e-mail address, with the rules of adding one (U2).

        Refused as a conflict when another workstation changed the user since ``expected_version``
        was read (S4). When the address changes, every unused activation link, sent to the old
        address, stops working (U3); a user still waiting for activation gets a new link at the new
        address. That change cannot be undone (E7): a link made invalid never works again.

        An external user (rights as :meth:`for_edit`) is the account of a contact of a customer
        (C10), created with the contact's names and address: both change together, with the rules
        of the contact (a last name; the first name and the address may be empty; the address is
        not unique, as when the account was created). They have no activation link."""
        _require_some_edit_right(operator)
        now = self._now()
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            user = self._editable(session, operator, user_id)
            if user.kind is UserKind.EXTERNAL:
                changed = self._update_external(session, operator, user, change, expected_version)
                uow.commit()
                return UserUpdate(changed=changed)
            first, last = _clean_names(change.first_name, change.last_name)
            email = validation.clean_email(change.email)
            assert email is not None
            _check_user_version(user, expected_version)
            new_address = email.casefold() != (user.email_key or "")
            if new_address:
                _require_free_email(session, email, user.id)
            if (first, last, email) == (user.first_name, user.last_name, user.email):
                return UserUpdate(changed=False)
            user.first_name, user.last_name = first, last
            user.email, user.email_key = email, email.casefold()
            session.flush()  # the user's audit entry (S3), before the link's
            link: IssuedLink | None = None
            revoked = 0
            if new_address:
                # Also for a deactivated user who never activated: reactivated, they wait for
                # activation again, and the link at the old address must not work then.
                revoked = revoke_open_links(session, user.id, now)
                if user.status is UserStatus.PENDING:
                    link = issue_link(session, user, now, translate)
                    uow.audit(
                        "User",
                        user.id,
                        "update",
                        summary="activation link sent to the new address",
                        changes={"activation_link_expires": [None, link.expires_at.isoformat()]},
                        recorded=True,
                    )
                elif revoked:
                    uow.audit(
                        "User",
                        user.id,
                        "update",
                        summary="unused activation links made invalid",
                        changes={"unused_activation_links": [revoked, 0]},
                        recorded=True,
                    )
                if revoked:
                    recording.block(recording.BLOCKED_LINK)
            uow.commit()
        return UserUpdate(changed=True, link=link, revoked=revoked)

    @staticmethod
    def _update_external(
        session: Session, operator: Operator, user: User, change: UserChange, expected_version: int
    ) -> bool:
        """An external user's names and address, and their contact's with them (C10); audited and
        undoable through the ORM (S3, E7). False when nothing changed."""
        first = validation.clean_name(change.first_name, field="first name", required=False)
        last = validation.clean_name(change.last_name, field="last name")
        email = validation.clean_email(change.email, required=False)
        _check_user_version(user, expected_version)
        contact = session.get(Contact, user.contact_id) if user.contact_id is not None else None
        # The address is the contact's personal data (T8): changed only by who may read it.
        new_address = (email or "").casefold() != (user.email or "").casefold()
        if (
            new_address
            and contact is not None
            and not load_tenant_scope(session, operator).sees_private(contact.tenant_id)
        ):
            raise PermissionDeniedError(
                "Without the private data right in the customer's tenant you cannot change the e-mail address."
            )
        wanted = (first, last, email)
        if wanted == (user.first_name, user.last_name, user.email) and (
            contact is None or wanted == (contact.first_name, contact.last_name, contact.email)
        ):
            return False
        user.first_name, user.last_name, user.email = wanted
        if contact is not None:
            contact.first_name, contact.last_name, contact.email = wanted
        session.flush()
        return True

    def set_active(
        self, operator: Operator, user_ids: Collection[int], active: bool, *, expected_versions: Mapping[int, int]
    ) -> int:
        """Deactivate or reactivate users; returns how many changed. An operator cannot deactivate
        themselves (they would lock themselves out in the middle of their work).

        ``expected_versions`` (user id → version as read) refuses the whole change as a conflict
        when another workstation changed one of these users in the meantime (S4)."""
        operator.require("users.deactivate")
        ids = sorted(set(user_ids))
        if not ids:
            raise ValidationError("Select at least one user.")
        if not active and operator.id in ids:
            raise ValidationError("You cannot deactivate your own account.")
        changed = 0
        with UnitOfWork(self._factory, operator) as uow:
            admins = lock_administrators(uow.session)  # first: the last administrator stays (S2)
            for user in uow.session.scalars(select(User).where(User.id.in_(ids)).order_by(User.id)):
                check_version(user, expected_versions.get(user.id), "User")
                if active and user.status == UserStatus.DEACTIVATED:
                    # A user who never activated goes back to waiting for activation.
                    user.status = UserStatus.ACTIVE if user.activated_at else UserStatus.PENDING
                    changed += 1
                elif not active and user.status != UserStatus.DEACTIVATED:
                    user.status = UserStatus.DEACTIVATED
                    changed += 1
            require_administrators_remain(uow.session, admins)
            uow.commit()
        return changed
