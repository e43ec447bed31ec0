"""The ORM classes of the whole product (SPEC sections 3 to 6), mapped onto the Core tables of
:mod:`mandant_desktop.db.tables`.

The columns, constraints and indexes are defined once, there; the classes here add the typed
attributes (``Mapped[...]``: what each column holds in Python), the relationships and a few
properties. Editable rows are :class:`Versioned`: SQLAlchemy uses their ``version`` column for
optimistic locking (SPEC S4): an UPDATE over a row someone else changed matches no row and raises
``StaleDataError``, which the unit of work turns into a domain ``ConflictError``.

Importing this module imports ``sqlalchemy.orm`` and builds 27 mappers, about a fifth of a second;
a start gets by without it (the log-in and the start page use the tables) and imports it on a
thread of its own once the window is usable (issue 8, :func:`mandant_desktop.bootstrap.warm_up_orm`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import DeclarativeBase, InstanceState, Mapped, declared_attr, relationship

from mandant_desktop.db import tables
from mandant_desktop.db.tables import (
    EXACT_COLLATION,
    NAMING_CONVENTION,
    AccessLevel,
    CustomerStatus,
    MailStatus,
    PermissionScope,
    RightsGroupKind,
    TenantKind,
    UserKind,
    UserStatus,
    UTCDateTime,
    exact_string,
    utcnow,
)
from mandant_desktop.domain.search_folding import search_key


class Base(DeclarativeBase):
    metadata = tables.metadata


class Versioned:
    """Mixin for editable rows: optimistic locking through a version counter (SPEC S4)."""

    version: Mapped[int]
    updated_at: Mapped[dt.datetime | None]
    updated_by: Mapped[str | None]

    @declared_attr.directive
    def __mapper_args__(self) -> dict[str, Any]:
        return {"version_id_col": self.__table__.c.version}  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- tenants


class Tenant(Versioned, Base):
    """A data partition (SPEC T1-T6, T11)."""

    __tablename__ = "tenant"
    __table__ = tables.tenant

    id: Mapped[int]
    name: Mapped[str]
    name_key: Mapped[str]
    parent_id: Mapped[int | None]
    kind: Mapped[TenantKind]
    database_url: Mapped[str | None]
    newsroom_name: Mapped[str | None]
    newsroom_slug: Mapped[str | None]
    active: Mapped[bool]
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str | None]
    parent: Mapped[Tenant | None] = relationship(remote_side=[tables.tenant.c.id], back_populates="children")
    children: Mapped[list[Tenant]] = relationship(back_populates="parent")


class TenantAccess(Versioned, Base):
    """A user's access to one tenant (SPEC T2). No row means hidden."""

    __tablename__ = "tenant_access"
    __table__ = tables.tenant_access

    tenant_id: Mapped[int]
    user_id: Mapped[int]
    level: Mapped[AccessLevel]
    private_data: Mapped[bool]


# --------------------------------------------------------------------------- users


class User(Versioned, Base):
    """Internal staff user or external portal user (SPEC U1, C10)."""

    __tablename__ = "app_user"
    __table__ = tables.app_user

    id: Mapped[int]
    username: Mapped[str]
    username_key: Mapped[str]
    email: Mapped[str | None]
    email_key: Mapped[str | None]
    first_name: Mapped[str]
    last_name: Mapped[str]
    kind: Mapped[UserKind]
    status: Mapped[UserStatus]
    sso: Mapped[bool]
    password_hash: Mapped[str | None]
    customer_id: Mapped[int | None]
    contact_id: Mapped[int | None]
    is_external_admin: Mapped[bool]
    failed_logins: Mapped[int]
    locked_until: Mapped[dt.datetime | None]
    last_login_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime]
    activated_at: Mapped[dt.datetime | None]
    #: the folded texts the users search compares (revision 0029): set by the insert's default, and
    #: whenever the user name, e-mail address or a name of a loaded user change
    search_key: Mapped[str]

    @property
    def display_name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return full or self.username


class ActivationToken(Base):
    """One-time activation link; only the SHA-256 of the token is stored (SPEC U2-U4)."""

    __tablename__ = "activation_token"
    __table__ = tables.activation_token

    id: Mapped[int]
    user_id: Mapped[int]
    token_hash: Mapped[str]
    created_at: Mapped[dt.datetime]
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]


# --------------------------------------------------------------------------- roles and permissions


class Permission(Base):
    """The permission catalogue: admin permissions for roles, portal permissions for rights groups."""

    __tablename__ = "permission"
    __table__ = tables.permission

    code: Mapped[str]
    scope: Mapped[PermissionScope]
    area: Mapped[str]
    sort_order: Mapped[int]


class Role(Versioned, Base):
    """A named set of admin permissions (SPEC R1, R2)."""

    __tablename__ = "role"
    __table__ = tables.role

    id: Mapped[int]
    name: Mapped[str]
    name_key: Mapped[str]
    description: Mapped[str]
    predefined_key: Mapped[str | None]
    created_at: Mapped[dt.datetime]

    @property
    def is_predefined(self) -> bool:
        return self.predefined_key is not None


class RolePermission(Base):
    __tablename__ = "role_permission"
    __table__ = tables.role_permission

    role_id: Mapped[int]
    permission_code: Mapped[str]
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str | None]


# --------------------------------------------------------------------------- org units and assignments


class OrgUnit(Versioned, Base):
    """A node of the org-unit tree (SPEC A4-A9)."""

    __tablename__ = "org_unit"
    __table__ = tables.org_unit

    id: Mapped[int]
    name: Mapped[str]
    parent_id: Mapped[int | None]
    depth: Mapped[int]
    sort_order: Mapped[int]
    created_at: Mapped[dt.datetime]
    #: the folded name the search compares (revision 0029), kept by the insert default and the models
    search_key: Mapped[str]


class RoleAssignment(Base):
    """(user, role, unit). ``inherited_from_id`` is set when the row reached the unit by inheritance.

    Rows are created and removed, never edited, so they carry no version: two workstations adding the
    same assignment meet at the unique constraint, which the service treats as "already present".
    """

    __tablename__ = "role_assignment"
    __table__ = tables.role_assignment

    id: Mapped[int]
    user_id: Mapped[int]
    role_id: Mapped[int]
    org_unit_id: Mapped[int]
    inherited_from_id: Mapped[int | None]
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str | None]


class InheritanceSource(Base):
    """The ticked "Inherit roles to child units" box of one user on one unit (SPEC A5).

    Kept apart from the assignment rows because it belongs to the (user, unit) pair, not to a
    single role: A6 says all of a user's roles in a unit share one origin.
    """

    __tablename__ = "inheritance_source"
    __table__ = tables.inheritance_source

    user_id: Mapped[int]
    org_unit_id: Mapped[int]
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str | None]


class InheritanceBreak(Base):
    """A unit where "Edit roles" broke one user's chain of inherited roles (SPEC A7).

    Nothing inherited from above reaches the unit any more, nor, through it, the units below it; a
    unit created under it later therefore receives nothing from above either.
    """

    __tablename__ = "inheritance_break"
    __table__ = tables.inheritance_break

    user_id: Mapped[int]
    org_unit_id: Mapped[int]
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str | None]


# --------------------------------------------------------------------------- customers and rights groups


class Customer(Versioned, Base):
    """A print-shop customer with optional portal access (SPEC C1-C12)."""

    __tablename__ = "customer"
    __table__ = tables.customer

    id: Mapped[int]
    tenant_id: Mapped[int]
    number: Mapped[str]
    name: Mapped[str]
    short_name: Mapped[str]
    remote_access: Mapped[bool]
    is_agency: Mapped[bool]
    quota_mb: Mapped[int | None]
    default_agency_id: Mapped[int | None]
    status: Mapped[CustomerStatus]
    created_at: Mapped[dt.datetime]
    #: the folded texts the search compares (revision 0027): set by the insert's default, and here
    #: whenever the number, name or short name of a loaded customer change
    search_key: Mapped[str]


class DeletedCustomerNumber(Base):
    """Remembers numbers of deleted customers so that reuse can be warned about (SPEC C6)."""

    __tablename__ = "deleted_customer_number"
    __table__ = tables.deleted_customer_number

    id: Mapped[int]
    number: Mapped[str]
    name: Mapped[str]
    deleted_at: Mapped[dt.datetime]
    deleted_by: Mapped[str | None]


class LoginThrottle(Base):
    """Failed log-ins on user names that do not exist, shared by every workstation (SPEC S1).

    Keyed by a hash of the normalised name, never the name: what was typed into the user name
    field may be a mistyped password. A row lives while it counts or locks, as the count of a real
    user does; a successful log-in and the expiry of the lock remove it.
    """

    __tablename__ = "login_throttle"
    __table__ = tables.login_throttle

    name_hash: Mapped[str]
    failed_logins: Mapped[int]
    locked_until: Mapped[dt.datetime | None]
    last_failed_at: Mapped[dt.datetime]


class RightsGroup(Versioned, Base):
    """Portal rights group; customer groups are named by the C3 pattern (SPEC C3-C5)."""

    __tablename__ = "rights_group"
    __table__ = tables.rights_group

    id: Mapped[int]
    name: Mapped[str]
    name_key: Mapped[str]
    kind: Mapped[RightsGroupKind]
    customer_id: Mapped[int | None]
    description: Mapped[str]
    #: the folded name the search compares (revision 0029), kept by the insert default and the models
    search_key: Mapped[str]


class RightsGroupPermission(Base):
    __tablename__ = "rights_group_permission"
    __table__ = tables.rights_group_permission

    group_id: Mapped[int]
    permission_code: Mapped[str]
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str | None]


class RightsGroupMember(Base):
    __tablename__ = "rights_group_member"
    __table__ = tables.rights_group_member

    group_id: Mapped[int]
    user_id: Mapped[int]
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str | None]


class CustomerContactPerson(Base):
    """An internal sales representative assigned to a customer (SPEC C7)."""

    __tablename__ = "customer_contact_person"
    __table__ = tables.customer_contact_person

    customer_id: Mapped[int]
    user_id: Mapped[int]
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str | None]


# --------------------------------------------------------------------------- tenant-scoped data


class Contact(Versioned, Base):
    """A real person: a customer's contact (C10) or a press/marketing contact (T7, T8)."""

    __tablename__ = "contact"
    __table__ = tables.contact

    id: Mapped[int]
    tenant_id: Mapped[int]
    customer_id: Mapped[int | None]
    contact_type: Mapped[str]
    salutation: Mapped[str]
    first_name: Mapped[str]
    last_name: Mapped[str]
    email: Mapped[str | None]
    phone: Mapped[str | None]
    street: Mapped[str | None]
    postal_code: Mapped[str | None]
    city: Mapped[str | None]
    birthday: Mapped[dt.date | None]
    created_at: Mapped[dt.datetime]
    #: the folded last and first name and contact type the search compares (revision 0029), kept by the
    #: insert default and the models
    search_key: Mapped[str]


class PersonRole(Versioned, Base):
    """One role of a contact, e.g. journalist at one medium (SPEC glossary, T7, T10)."""

    __tablename__ = "person_role"
    __table__ = tables.person_role

    id: Mapped[int]
    contact_id: Mapped[int]
    tenant_id: Mapped[int]
    organisation: Mapped[str]
    function: Mapped[str]
    email: Mapped[str | None]
    phone: Mapped[str | None]
    street: Mapped[str | None]
    postal_code: Mapped[str | None]
    city: Mapped[str | None]


class DistributionList(Versioned, Base):
    """A set of person-roles, owned by one tenant (SPEC T7, T10)."""

    __tablename__ = "distribution_list"
    __table__ = tables.distribution_list

    id: Mapped[int]
    tenant_id: Mapped[int]
    name: Mapped[str]
    description: Mapped[str]
    created_at: Mapped[dt.datetime]


class DistributionListMember(Base):
    __tablename__ = "distribution_list_member"
    __table__ = tables.distribution_list_member

    list_id: Mapped[int]
    person_role_id: Mapped[int]
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str | None]


class Template(Versioned, Base):
    """A mail template of one tenant (SPEC T12)."""

    __tablename__ = "template"
    __table__ = tables.template

    id: Mapped[int]
    tenant_id: Mapped[int]
    name: Mapped[str]
    subject: Mapped[str]
    body: Mapped[str]


# --------------------------------------------------------------------------- operation


class OutboxMail(Base):
    """Every mail the application sends; without SMTP it stays here for the operator (SPEC U4)."""

    __tablename__ = "outbox_mail"
    __table__ = tables.outbox_mail

    id: Mapped[int]
    created_at: Mapped[dt.datetime]
    recipient: Mapped[str]
    subject: Mapped[str]
    body: Mapped[str]
    status: Mapped[MailStatus]
    sent_at: Mapped[dt.datetime | None]
    error: Mapped[str | None]
    language: Mapped[str | None]
    #: the folded recipient and subject the search compares (revision 0029), the insert default's
    search_key: Mapped[str]


class AppSetting(Versioned, Base):
    """Database-wide settings (e.g. the rights-group name pattern, SMTP host), JSON values."""

    __tablename__ = "app_setting"
    __table__ = tables.app_setting

    key: Mapped[str]
    value: Mapped[Any]


class UserSetting(Base):
    """Per-operator settings that follow the operator across workstations (e.g. tenant filter, T9)."""

    __tablename__ = "user_setting"
    __table__ = tables.user_setting

    user_id: Mapped[int]
    key: Mapped[str]
    value: Mapped[Any]


class AuditEntry(Base):
    """One change of one object (SPEC S3). Written in the transaction of the change; never edited.

    Operator and tenant are copied as plain values, without foreign keys, so the log outlives the
    rows it speaks of.
    """

    __tablename__ = "audit_log"
    __table__ = tables.audit_log

    id: Mapped[int]
    at: Mapped[dt.datetime]
    operator_id: Mapped[int | None]
    operator_name: Mapped[str]
    workstation: Mapped[str]
    tenant_id: Mapped[int | None]
    object_type: Mapped[str]
    object_id: Mapped[str]
    action: Mapped[str]
    summary: Mapped[str]
    changes: Mapped[dict[str, Any] | None]


#: the rows with a stored search key (mandant_desktop.db.search_keys)
_Keyed = Customer | User | OrgUnit | RightsGroup | OutboxMail | Contact


def _search_key_follows(model: type[_Keyed], columns: tuple[str, ...]) -> None:
    """The stored search key of a loaded ``model`` row follows each change of its ``columns``
    before the ORM writes it (mandant_desktop.db.search_keys)."""

    @event.listens_for(model, "before_update")
    def follow(_mapper: Any, _connection: Any, row: _Keyed) -> None:
        state: InstanceState[_Keyed] = inspect(row)
        attributes = state.attrs
        if any(attributes[name].history.has_changes() for name in columns):
            row.search_key = search_key(getattr(row, name) for name in columns)


_search_key_follows(Customer, tables.CUSTOMER_KEY_COLUMNS)
_search_key_follows(User, tables.USER_KEY_COLUMNS)
_search_key_follows(OrgUnit, tables.ORG_UNIT_KEY_COLUMNS)
_search_key_follows(RightsGroup, tables.RIGHTS_GROUP_KEY_COLUMNS)
_search_key_follows(OutboxMail, tables.OUTBOX_KEY_COLUMNS)
_search_key_follows(Contact, tables.CONTACT_KEY_COLUMNS)


__all__ = [
    "EXACT_COLLATION",
    "NAMING_CONVENTION",
    "AccessLevel",
    "ActivationToken",
    "AppSetting",
    "AuditEntry",
    "Base",
    "Contact",
    "Customer",
    "CustomerContactPerson",
    "CustomerStatus",
    "DeletedCustomerNumber",
    "DistributionList",
    "DistributionListMember",
    "InheritanceSource",
    "LoginThrottle",
    "MailStatus",
    "OrgUnit",
    "OutboxMail",
    "Permission",
    "PermissionScope",
    "PersonRole",
    "RightsGroup",
    "RightsGroupKind",
    "RightsGroupMember",
    "RightsGroupPermission",
    "Role",
    "RoleAssignment",
    "RolePermission",
    "Tenant",
    "TenantAccess",
    "TenantKind",
    "UTCDateTime",
    "User",
    "UserKind",
    "UserSetting",
    "UserStatus",
    "exact_string",
    "utcnow",
]
