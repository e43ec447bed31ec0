"""SQLAlchemy models for the whole product (SPEC sections 3 to 6).

Every table of the specification exists from the first migration, so that later features add
behaviour rather than tables. Editable rows carry a ``version`` column that SQLAlchemy uses for
optimistic locking (SPEC S4): an UPDATE over a row someone else changed matches no row and raises
``StaleDataError``, which the unit of work turns into a domain ``ConflictError``.

Conventions that keep the schema identical on SQLite, PostgreSQL and MariaDB:

* strings have explicit lengths (MariaDB needs them for VARCHAR and indexes);
* enumerations are short strings with a CHECK constraint, never native enum types;
* timestamps are stored as naive UTC and handed out as aware UTC (:class:`UTCDateTime`);
* case-insensitive uniqueness uses a normalised ``*_key`` column, because MariaDB has no
  functional indexes; such keys (and numbers) compare byte for byte everywhere (:func:`exact_string`).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC, returns aware UTC: the same on all three backends."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


#: MariaDB/MySQL collation that compares byte for byte, as SQLite and PostgreSQL do by default
EXACT_COLLATION = "utf8mb4_bin"


def exact_string(length: int) -> String:
    """A string column compared exactly on every backend.

    MariaDB databases are usually created with a collation that ignores case and accents
    (``utf8mb4_unicode_ci``, ``utf8mb4_general_ci``): a unique index there would take "Müller" and
    "Muller", or customer numbers "a1" and "A1", for the same value, while SQLite and PostgreSQL
    keep them apart. Normalised keys are already case-folded by the application, so the database
    must compare them as they are.
    """
    # A generic String with the collation rather than mysql.VARCHAR: the same DDL (the collation
    # names its character set), without importing the MySQL dialect at every start (issue 8).
    return String(length).with_variant(String(length, collation=EXACT_COLLATION), "mysql", "mariadb")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _str_enum(enum_cls: type[enum.Enum], name: str) -> Enum:
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Versioned:
    """Mixin for editable rows: optimistic locking through a version counter (SPEC S4)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(100))

    @declared_attr.directive
    def __mapper_args__(self) -> dict[str, Any]:
        return {"version_id_col": self.__table__.c.version}  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- enumerations


class TenantKind(enum.StrEnum):
    INNER = "inner"
    SEPARATE = "separate"


class AccessLevel(enum.StrEnum):
    FULL = "full"
    READ_ONLY = "read_only"
    HIDDEN = "hidden"


class UserKind(enum.StrEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"


class UserStatus(enum.StrEnum):
    """Stored status. "Activation link expired" is derived from the newest token (SPEC U1)."""

    PENDING = "pending"
    ACTIVE = "active"
    DEACTIVATED = "deactivated"


class PermissionScope(enum.StrEnum):
    ADMIN = "admin"  # what an operator may do in this application (roles)
    PORTAL = "portal"  # what an external user may do on the customer portal (rights groups)


class RightsGroupKind(enum.StrEnum):
    SYSTEM = "system"
    CUSTOMER = "customer"
    CUSTOM = "custom"


class CustomerStatus(enum.StrEnum):
    ACTIVE = "active"
    DEACTIVATED = "deactivated"


class MailStatus(enum.StrEnum):
    QUEUED = "queued"
    SENT = "sent"
    FAILED = "failed"
    OUTBOX = "outbox"  # no SMTP server configured: kept for the operator to read (SPEC U4)


# --------------------------------------------------------------------------- tenants


class Tenant(Versioned, Base):
    """A data partition (SPEC T1-T6, T11)."""

    __tablename__ = "tenant"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    name_key: Mapped[str] = mapped_column(exact_string(100), nullable=False, unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tenant.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[TenantKind] = mapped_column(_str_enum(TenantKind, "tenant_kind"), default=TenantKind.INNER)
    # For a separate tenant: where its data lives. The password is never stored here (SPEC S6).
    database_url: Mapped[str | None] = mapped_column(String(500))
    newsroom_name: Mapped[str | None] = mapped_column(String(100))
    newsroom_slug: Mapped[str | None] = mapped_column(exact_string(100), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True, server_default=true())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(100))

    parent: Mapped[Tenant | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Tenant]] = relationship(back_populates="parent")


class TenantAccess(Versioned, Base):
    """A user's access to one tenant (SPEC T2). No row means hidden."""

    __tablename__ = "tenant_access"

    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True, index=True)
    level: Mapped[AccessLevel] = mapped_column(_str_enum(AccessLevel, "access_level"), nullable=False)
    private_data: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())


# --------------------------------------------------------------------------- users


class User(Versioned, Base):
    """Internal staff user or external portal user (SPEC U1, C10)."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), nullable=False)
    username_key: Mapped[str] = mapped_column(exact_string(100), nullable=False, unique=True)
    email: Mapped[str | None] = mapped_column(String(254))
    email_key: Mapped[str | None] = mapped_column(exact_string(254), unique=True)
    first_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    last_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    kind: Mapped[UserKind] = mapped_column(_str_enum(UserKind, "user_kind"), nullable=False, default=UserKind.INTERNAL)
    status: Mapped[UserStatus] = mapped_column(
        _str_enum(UserStatus, "user_status"), nullable=False, default=UserStatus.PENDING
    )
    sso: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    password_hash: Mapped[str | None] = mapped_column(String(255))
    # External users belong to a customer and to one of its contacts (SPEC C10).
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"), index=True)
    is_external_admin: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    failed_logins: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    activated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    @property
    def display_name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return full or self.username


class ActivationToken(Base):
    """One-time activation link; only the SHA-256 of the token is stored (SPEC U2-U4)."""

    __tablename__ = "activation_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), nullable=False, index=True)
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


# --------------------------------------------------------------------------- roles and permissions


class Permission(Base):
    """The permission catalogue: admin permissions for roles, portal permissions for rights groups."""

    __tablename__ = "permission"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    scope: Mapped[PermissionScope] = mapped_column(_str_enum(PermissionScope, "permission_scope"), nullable=False)
    area: Mapped[str] = mapped_column(String(64), nullable=False)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Role(Versioned, Base):
    """A named set of admin permissions (SPEC R1, R2)."""

    __tablename__ = "role"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    name_key: Mapped[str] = mapped_column(exact_string(100), nullable=False, unique=True)
    description: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    # Set for the six predefined roles; "restore defaults" looks the defaults up by this key.
    predefined_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    @property
    def is_predefined(self) -> bool:
        return self.predefined_key is not None


class RolePermission(Base):
    __tablename__ = "role_permission"

    role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"), primary_key=True)
    permission_code: Mapped[str] = mapped_column(
        ForeignKey("permission.code", ondelete="CASCADE"), primary_key=True, index=True
    )


# --------------------------------------------------------------------------- org units and assignments


class OrgUnit(Versioned, Base):
    """A node of the org-unit tree (SPEC A4-A9)."""

    __tablename__ = "org_unit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="RESTRICT"), index=True)
    depth: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    sort_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class RoleAssignment(Base):
    """(user, role, unit). ``inherited_from_id`` is set when the row reached the unit by inheritance.

    Rows are created and removed, never edited, so they carry no version: two workstations adding the
    same assignment meet at the unique constraint, which the service treats as "already present".
    """

    __tablename__ = "role_assignment"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), nullable=False)
    role_id: Mapped[int] = mapped_column(ForeignKey("role.id", ondelete="CASCADE"), nullable=False, index=True)
    org_unit_id: Mapped[int] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), nullable=False)
    inherited_from_id: Mapped[int | None] = mapped_column(ForeignKey("org_unit.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        UniqueConstraint("user_id", "org_unit_id", "role_id"),
        Index("ix_role_assignment_unit_user", "org_unit_id", "user_id"),
    )


class InheritanceSource(Base):
    """The ticked "Inherit roles to child units" box of one user on one unit (SPEC A5).

    Kept apart from the assignment rows because it belongs to the (user, unit) pair, not to a
    single role: A6 says all of a user's roles in a unit share one origin.
    """

    __tablename__ = "inheritance_source"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True)
    org_unit_id: Mapped[int] = mapped_column(
        ForeignKey("org_unit.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(100))


class InheritanceBreak(Base):
    """A unit where "Edit roles" broke one user's chain of inherited roles (SPEC A7).

    Nothing inherited from above reaches the unit any more, nor, through it, the units below it; a
    unit created under it later therefore receives nothing from above either.
    """

    __tablename__ = "inheritance_break"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True)
    org_unit_id: Mapped[int] = mapped_column(
        ForeignKey("org_unit.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(100))


# --------------------------------------------------------------------------- customers and rights groups


class Customer(Versioned, Base):
    """A print-shop customer with optional portal access (SPEC C1-C12)."""

    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id", ondelete="RESTRICT"), nullable=False, index=True)
    number: Mapped[str] = mapped_column(exact_string(32), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    short_name: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    remote_access: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    is_agency: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, server_default=false())
    quota_mb: Mapped[int | None] = mapped_column(Integer)
    default_agency_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"), index=True)
    status: Mapped[CustomerStatus] = mapped_column(
        _str_enum(CustomerStatus, "customer_status"), nullable=False, default=CustomerStatus.ACTIVE
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    __table_args__ = (
        CheckConstraint("quota_mb IS NULL OR quota_mb >= 0", name="quota_non_negative"),
        Index("ix_customer_name", "name"),
        Index("ix_customer_short_name", "short_name"),
    )


class DeletedCustomerNumber(Base):
    """Remembers numbers of deleted customers so that reuse can be warned about (SPEC C6)."""

    __tablename__ = "deleted_customer_number"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(exact_string(32), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    deleted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    deleted_by: Mapped[str | None] = mapped_column(String(100))


class LoginThrottle(Base):
    """Failed log-ins on user names that do not exist, shared by every workstation (SPEC S1).

    Keyed by a hash of the normalised name, never the name: what was typed into the user name
    field may be a mistyped password. A row lives while it counts or locks, as the count of a real
    user does; a successful log-in and the expiry of the lock remove it.
    """

    __tablename__ = "login_throttle"

    name_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    failed_logins: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), index=True)
    last_failed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False)


class RightsGroup(Versioned, Base):
    """Portal rights group; customer groups are named by the C3 pattern (SPEC C3-C5)."""

    __tablename__ = "rights_group"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(150), nullable=False)
    name_key: Mapped[str] = mapped_column(exact_string(150), nullable=False, unique=True)
    kind: Mapped[RightsGroupKind] = mapped_column(_str_enum(RightsGroupKind, "rights_group_kind"), nullable=False)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), unique=True)
    description: Mapped[str] = mapped_column(String(500), nullable=False, default="")


class RightsGroupPermission(Base):
    __tablename__ = "rights_group_permission"

    group_id: Mapped[int] = mapped_column(ForeignKey("rights_group.id", ondelete="CASCADE"), primary_key=True)
    permission_code: Mapped[str] = mapped_column(ForeignKey("permission.code", ondelete="CASCADE"), primary_key=True)


class RightsGroupMember(Base):
    __tablename__ = "rights_group_member"

    group_id: Mapped[int] = mapped_column(ForeignKey("rights_group.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True, index=True)


class CustomerContactPerson(Base):
    """An internal sales representative assigned to a customer (SPEC C7)."""

    __tablename__ = "customer_contact_person"

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True, index=True)


# --------------------------------------------------------------------------- tenant-scoped data


class Contact(Versioned, Base):
    """A real person: a customer's contact (C10) or a press/marketing contact (T7, T8)."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id", ondelete="RESTRICT"), nullable=False, index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    contact_type: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    salutation: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    first_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    last_name: Mapped[str] = mapped_column(String(100), nullable=False)
    # Personal fields: masked without the "private data" right (SPEC T8).
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(50))
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(100))
    birthday: Mapped[dt.date | None] = mapped_column()
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)

    __table_args__ = (Index("ix_contact_name", "last_name", "first_name"),)


class PersonRole(Versioned, Base):
    """One role of a contact, e.g. journalist at one medium (SPEC glossary, T7, T10)."""

    __tablename__ = "person_role"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), nullable=False, index=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id", ondelete="RESTRICT"), nullable=False, index=True)
    organisation: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    function: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(50))
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(100))


class DistributionList(Versioned, Base):
    """A set of person-roles, owned by one tenant (SPEC T7, T10)."""

    __tablename__ = "distribution_list"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id", ondelete="RESTRICT"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)


class DistributionListMember(Base):
    __tablename__ = "distribution_list_member"

    list_id: Mapped[int] = mapped_column(ForeignKey("distribution_list.id", ondelete="CASCADE"), primary_key=True)
    person_role_id: Mapped[int] = mapped_column(
        ForeignKey("person_role.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Template(Versioned, Base):
    """A mail template of one tenant (SPEC T12)."""

    __tablename__ = "template"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id", ondelete="RESTRICT"), nullable=False)
    name: Mapped[str] = mapped_column(exact_string(200), nullable=False)
    subject: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")

    __table_args__ = (UniqueConstraint("tenant_id", "name"),)


# --------------------------------------------------------------------------- operation


class OutboxMail(Base):
    """Every mail the application sends; without SMTP it stays here for the operator (SPEC U4)."""

    __tablename__ = "outbox_mail"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow)
    recipient: Mapped[str] = mapped_column(String(254), nullable=False)
    subject: Mapped[str] = mapped_column(String(500), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    status: Mapped[MailStatus] = mapped_column(_str_enum(MailStatus, "mail_status"), nullable=False)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    error: Mapped[str | None] = mapped_column(String(1000))


class AppSetting(Versioned, Base):
    """Database-wide settings (e.g. the rights-group name pattern, SMTP host), JSON values."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class UserSetting(Base):
    """Per-operator settings that follow the operator across workstations (e.g. tenant filter, T9)."""

    __tablename__ = "user_setting"

    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class AuditEntry(Base):
    """One change of one object (SPEC S3). Written in the transaction of the change; never edited.

    Operator and tenant are copied as plain values, without foreign keys, so the log outlives the
    rows it speaks of.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), nullable=False, default=utcnow, index=True)
    operator_id: Mapped[int | None] = mapped_column(Integer)
    operator_name: Mapped[str] = mapped_column(String(100), nullable=False)
    workstation: Mapped[str] = mapped_column(String(255), nullable=False)
    tenant_id: Mapped[int | None] = mapped_column(Integer, index=True)
    object_type: Mapped[str] = mapped_column(String(64), nullable=False)
    object_id: Mapped[str] = mapped_column(String(100), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)
    summary: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    __table_args__ = (Index("ix_audit_log_object", "object_type", "object_id"),)


__all__ = [
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
    "User",
    "UserKind",
    "UserSetting",
    "UserStatus",
    "utcnow",
]
