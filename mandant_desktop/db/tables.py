"""The schema as SQLAlchemy Core tables (SPEC sections 3 to 6): what the database holds.

The ORM classes of :mod:`mandant_desktop.db.models` are mapped onto these tables (``__table__``),
and Alembic compares the migrations with this metadata. The tables live apart from the classes
so that a start can work with Core alone: the log-in, the operator's permissions and the start
page read and write through these tables, and ``sqlalchemy.orm`` with the 27 declarative classes
(about a fifth of a second) is imported after the window is usable (issue 8).

Conventions that keep the schema identical on SQLite, PostgreSQL and MariaDB:

* strings have explicit lengths (MariaDB needs them for VARCHAR and indexes);
* enumerations are short strings with a CHECK constraint, never native enum types;
* timestamps are stored as naive UTC and handed out as aware UTC (:class:`UTCDateTime`);
* case-insensitive uniqueness uses a normalised ``*_key`` column, because MariaDB has no
  functional indexes; such keys (and numbers) compare byte for byte everywhere (:func:`exact_string`).

Editable rows carry the :func:`_versioned` columns (``version``, ``updated_at``, ``updated_by``),
the ORM's optimistic lock (SPEC S4).

The eleven tables a start reads and writes (the schema check and catalogue sync, the log-in, the
tenants page, the change watch) are defined here; the other sixteen, in
:mod:`mandant_desktop.db.later_tables`, when any of them or :data:`metadata` is first asked for
(``tables.customer``, ``from mandant_desktop.db.tables import metadata``): defining a table costs
SQLAlchemy about a millisecond, and the start needs none of them before its window is usable
(issue 8). ``metadata`` therefore always holds all 27 tables; its ``tables`` are in the order they
were defined (these eleven first), :data:`TABLE_OF_CLASS` lists them in the schema's order.

This module imports SQLAlchemy Core only (a test keeps it so).
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: every table's MetaData; public as :data:`metadata` once the tables of :mod:`.later_tables` are in it
_metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores naive UTC, returns aware UTC: the same on all three backends, to the microsecond.

    MariaDB's plain DATETIME keeps whole seconds; there the column is DATETIME(6) (revision 0024),
    so that a moment read back is the moment written, as on SQLite and PostgreSQL: an undo tells
    a link row its change wrote from one made again since by comparing them exactly (S4, E7)."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name in ("mysql", "mariadb"):
            # Imported here: the MySQL dialect costs start-up time elsewhere (issue 8).
            from sqlalchemy.dialects.mysql import DATETIME

            return dialect.type_descriptor(DATETIME(fsp=6))
        return dialect.type_descriptor(DateTime())

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


#: the texts of a customer that its search key holds (revision 0027), in this order
CUSTOMER_KEY_COLUMNS = ("number", "name", "short_name")
#: the texts of a user that its search key holds (revision 0029), in this order
USER_KEY_COLUMNS = ("username", "email", "first_name", "last_name")
#: the texts of an org unit, a rights group and a mail of the outbox that their keys hold (0029)
ORG_UNIT_KEY_COLUMNS = ("name",)
RIGHTS_GROUP_KEY_COLUMNS = ("name",)
OUTBOX_KEY_COLUMNS = ("recipient", "subject")
#: the texts of a contact that its search key holds (revision 0029): not the personal fields (T8)
CONTACT_KEY_COLUMNS = ("last_name", "first_name", "contact_type")

#: MariaDB/MySQL collation that compares byte for byte, as SQLite and PostgreSQL do by default
EXACT_COLLATION = "utf8mb4_bin"


def search_key_default(columns: tuple[str, ...]) -> Callable[[Any], str]:
    """The insert default of a stored search key (:mod:`mandant_desktop.db.search_keys`) made of
    ``columns``: the key of the row inserted."""

    def key_of_row(context: Any) -> str:
        # Imported here: this module imports SQLAlchemy Core only, at the start.
        from mandant_desktop.domain.search_folding import search_key

        row = context.get_current_parameters()
        return search_key(row.get(name) for name in columns)

    return key_of_row


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


def _versioned() -> tuple[Column[int], Column[dt.datetime], Column[str]]:
    """The columns of an editable row: optimistic locking through a version counter (SPEC S4)."""
    return (
        Column("version", Integer, nullable=False, default=1),
        Column("updated_at", UTCDateTime(), default=utcnow, onupdate=utcnow),
        Column("updated_by", String(100)),
    )


def _created_at() -> Column[dt.datetime]:
    return Column("created_at", UTCDateTime(), nullable=False, default=utcnow)


def _created() -> tuple[Column[dt.datetime], Column[str]]:
    """When and by whom a link row (a key and nothing more) was made: an undo tells by them that the
    row under its key is still the one its change wrote, not one removed and added again since
    (SPEC S4, E7; ``services.undo_conflicts.same_row_written``), to the microsecond on every backend."""
    return (_created_at(), Column("created_by", String(100)))


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

#: a data partition (SPEC T1-T6, T11)
tenant = Table(
    "tenant",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("name_key", exact_string(100), nullable=False, unique=True),
    Column("parent_id", ForeignKey("tenant.id", ondelete="RESTRICT"), index=True),
    Column("kind", _str_enum(TenantKind, "tenant_kind"), nullable=False, default=TenantKind.INNER),
    # For a separate tenant: where its data lives. The password is never stored here (SPEC S6).
    Column("database_url", String(500)),
    Column("newsroom_name", String(100)),
    Column("newsroom_slug", exact_string(100), unique=True),
    Column("active", Boolean, nullable=False, default=True, server_default=true()),
    _created_at(),
    Column("created_by", String(100)),
    *_versioned(),
    # SQLite: an id is never handed out twice (revision 0028): the audit log names objects by id
    sqlite_autoincrement=True,
)

#: a user's access to one tenant (SPEC T2); no row means hidden
tenant_access = Table(
    "tenant_access",
    _metadata,
    Column("tenant_id", ForeignKey("tenant.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("level", _str_enum(AccessLevel, "access_level"), nullable=False),
    Column("private_data", Boolean, nullable=False, default=False, server_default=false()),
    *_versioned(),
)

# --------------------------------------------------------------------------- users

#: internal staff user or external portal user (SPEC U1, C10)
app_user = Table(
    "app_user",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(100), nullable=False),
    Column("username_key", exact_string(100), nullable=False, unique=True),
    Column("email", String(254)),
    Column("email_key", exact_string(254), unique=True),
    Column("first_name", String(100), nullable=False, default=""),
    Column("last_name", String(100), nullable=False, default=""),
    Column("kind", _str_enum(UserKind, "user_kind"), nullable=False, default=UserKind.INTERNAL),
    Column("status", _str_enum(UserStatus, "user_status"), nullable=False, default=UserStatus.PENDING),
    Column("sso", Boolean, nullable=False, default=False, server_default=false()),
    Column("password_hash", String(255)),
    # External users belong to a customer and to one of its contacts (SPEC C10).
    Column("customer_id", ForeignKey("customer.id", ondelete="CASCADE"), index=True),
    Column("contact_id", ForeignKey("contact.id", ondelete="SET NULL"), index=True),
    Column("is_external_admin", Boolean, nullable=False, default=False, server_default=false()),
    Column("failed_logins", Integer, nullable=False, default=0, server_default="0"),
    Column("locked_until", UTCDateTime()),
    Column("last_login_at", UTCDateTime()),
    _created_at(),
    Column("activated_at", UTCDateTime()),
    *_versioned(),
    # The folded user name, e-mail address, first and last name the users search compares (revision
    # 0029; mandant_desktop.db.search_keys): written by the application with every insert (this
    # default, or the row itself in bulk inserts) and every change of the four (models.py).
    Column("search_key", Text, nullable=False, default=search_key_default(USER_KEY_COLUMNS), server_default=""),
    # SQLite: an id is never handed out twice (revision 0028): the audit log names objects by id
    sqlite_autoincrement=True,
)

# --------------------------------------------------------------------------- roles and permissions

#: the permission catalogue: admin permissions for roles, portal permissions for rights groups
permission = Table(
    "permission",
    _metadata,
    Column("code", String(64), primary_key=True),
    Column("scope", _str_enum(PermissionScope, "permission_scope"), nullable=False),
    Column("area", String(64), nullable=False),
    Column("sort_order", Integer, nullable=False, default=0),
)

#: a named set of admin permissions (SPEC R1, R2)
role = Table(
    "role",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("name_key", exact_string(100), nullable=False, unique=True),
    Column("description", String(500), nullable=False, default=""),
    # Set for the six predefined roles; "restore defaults" looks the defaults up by this key.
    Column("predefined_key", String(64), unique=True),
    _created_at(),
    *_versioned(),
    # SQLite: an id is never handed out twice (revision 0028): the audit log names objects by id
    sqlite_autoincrement=True,
)

role_permission = Table(
    "role_permission",
    _metadata,
    Column("role_id", ForeignKey("role.id", ondelete="CASCADE"), primary_key=True),
    Column("permission_code", ForeignKey("permission.code", ondelete="CASCADE"), primary_key=True, index=True),
    *_created(),
)

#: The tree's order as an expression index on SQLite and PostgreSQL (revision 0023): parent, sort
#: order, name in lower case, id. Each parent's children come in display order without a sort, all
#: of them at once ("expand all", OrgUnitsService.all_units) or one level (children). Declared with
#: the table org_unit, one of the later tables (db.later_tables), for these backends only: MariaDB
#: has no expression indexes.
ORG_UNIT_ORDER_INDEX = "ix_org_unit_tree_order"
ORG_UNIT_ORDER_BACKENDS = ("sqlite", "postgresql")

#: The contacts list's order as an expression index on SQLite and PostgreSQL (revision 0025):
#: last name and first name in lower case, tenant, id (ContactService.contact_window). Declared with
#: the table contact (db.later_tables) for these backends; MariaDB gets the same keys on virtual
#: columns instead (db.contact_order), in an index the models declare for it.
CONTACT_ORDER_INDEX = "ix_contact_order"
CONTACT_ORDER_BACKENDS = ORG_UNIT_ORDER_BACKENDS

#: MariaDB/MySQL, which have no expression indexes: the orders above are indexed there on invisible
#: virtual columns that the migrations add (db.user_order, db.contact_order, db.customer_search).
#: The models declare those indexes for these backends by the columns' names, not the columns.
VIRTUAL_COLUMN_BACKENDS = ("mysql", "mariadb")

#: The customer search's indexes (db.customer_search): the number order, shorter numbers first
#: (revision 0008 on SQLite and PostgreSQL, 0022 on MariaDB on the virtual column
#: :data:`CUSTOMER_NUMBER_LENGTH_COLUMN`), and PostgreSQL's GIN indexes (revisions 0008 and 0018).
CUSTOMER_NUMBER_ORDER_INDEX = "ix_customer_number_order"
CUSTOMER_NUMBER_LENGTH_COLUMN = "number_length"
#: PostgreSQL: the trigram index of each searched column (on ``lower(column)``, ``gin_trgm_ops``)
CUSTOMER_TRIGRAM_INDEXES = {name: f"ix_customer_{name}_trgm" for name in ("number", "name", "short_name")}
#: PostgreSQL: the GIN index on each customer's substrings of one and two characters
CUSTOMER_GRAMS_INDEX = "ix_customer_grams"
CUSTOMER_GRAMS_FUNCTION = "mandant_customer_grams"
#: since revision 0027 instead of the three and the substrings' index above: PostgreSQL's GIN trigram
#: index of the folded key, and the GIN index of its substrings of one and two characters
CUSTOMER_KEY_TRIGRAM_INDEX = "ix_customer_search_key_trgm"
CUSTOMER_KEY_GRAMS_INDEX = "ix_customer_key_grams"
CUSTOMER_KEY_GRAMS_FUNCTION = "mandant_customer_key_grams"

# --------------------------------------------------------------------------- role assignments

#: (user, role, unit); ``inherited_from_id`` is set when the row reached the unit by inheritance
role_assignment = Table(
    "role_assignment",
    _metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("user_id", ForeignKey("app_user.id", ondelete="CASCADE"), nullable=False),
    Column("role_id", ForeignKey("role.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("org_unit_id", ForeignKey("org_unit.id", ondelete="CASCADE"), nullable=False),
    Column("inherited_from_id", ForeignKey("org_unit.id", ondelete="CASCADE"), index=True),
    _created_at(),
    Column("created_by", String(100)),
    UniqueConstraint("user_id", "org_unit_id", "role_id"),
    Index("ix_role_assignment_unit_user", "org_unit_id", "user_id"),
)

# --------------------------------------------------------------------------- log-in and rights groups

#: failed log-ins on user names that do not exist, shared by every workstation (SPEC S1); keyed by
#: a hash of the normalised name (see :class:`~mandant_desktop.db.models.LoginThrottle`)
login_throttle = Table(
    "login_throttle",
    _metadata,
    Column("name_hash", String(64), primary_key=True),
    Column("failed_logins", Integer, nullable=False, default=0, server_default="0"),
    Column("locked_until", UTCDateTime(), index=True),
    Column("last_failed_at", UTCDateTime(), nullable=False),
)

#: portal rights group; customer groups are named by the C3 pattern (SPEC C3-C5)
rights_group = Table(
    "rights_group",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(150), nullable=False),
    Column("name_key", exact_string(150), nullable=False, unique=True),
    Column("kind", _str_enum(RightsGroupKind, "rights_group_kind"), nullable=False),
    Column("customer_id", ForeignKey("customer.id", ondelete="CASCADE"), unique=True),
    Column("description", String(500), nullable=False, default=""),
    *_versioned(),
    # The folded name the search of the groups compares (revision 0029; db/search_keys.py).
    Column("search_key", Text, nullable=False, default=search_key_default(RIGHTS_GROUP_KEY_COLUMNS), server_default=""),
)

# --------------------------------------------------------------------------- operation

#: per-operator settings that follow the operator across workstations (e.g. tenant filter, T9)
user_setting = Table(
    "user_setting",
    _metadata,
    Column("user_id", ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True),
    Column("key", String(100), primary_key=True),
    Column("value", JSON, nullable=True),
)

#: one change of one object (SPEC S3), written in the transaction of the change, never edited;
#: operator and tenant are plain values without foreign keys, so the log outlives the rows
audit_log = Table(
    "audit_log",
    _metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    Column("at", UTCDateTime(), nullable=False, default=utcnow, index=True),
    Column("operator_id", Integer),
    Column("operator_name", String(100), nullable=False),
    Column("workstation", String(255), nullable=False),
    Column("tenant_id", Integer, index=True),
    Column("object_type", String(64), nullable=False),
    Column("object_id", String(100), nullable=False),
    Column("action", String(16), nullable=False),
    Column("summary", String(500), nullable=False, default=""),
    Column("changes", JSON),
    Index("ix_audit_log_object", "object_type", "object_id"),
)

#: the ORM class of each table by its name, as the audit log names objects (``object_type``); the
#: change notifications name the tables (SPEC E8). A test checks it against the mapped classes.
TABLE_OF_CLASS: dict[str, str] = {
    "Tenant": "tenant",
    "TenantAccess": "tenant_access",
    "User": "app_user",
    "ActivationToken": "activation_token",
    "Permission": "permission",
    "Role": "role",
    "RolePermission": "role_permission",
    "OrgUnit": "org_unit",
    "RoleAssignment": "role_assignment",
    "InheritanceSource": "inheritance_source",
    "InheritanceBreak": "inheritance_break",
    "Customer": "customer",
    "DeletedCustomerNumber": "deleted_customer_number",
    "LoginThrottle": "login_throttle",
    "RightsGroup": "rights_group",
    "RightsGroupPermission": "rights_group_permission",
    "RightsGroupMember": "rights_group_member",
    "CustomerContactPerson": "customer_contact_person",
    "Contact": "contact",
    "PersonRole": "person_role",
    "DistributionList": "distribution_list",
    "DistributionListMember": "distribution_list_member",
    "Template": "template",
    "OutboxMail": "outbox_mail",
    "AppSetting": "app_setting",
    "UserSetting": "user_setting",
    "AuditEntry": "audit_log",
}


#: the module that defines the tables a start does not need
_LATER = "mandant_desktop.db.later_tables"

if TYPE_CHECKING:
    from mandant_desktop.db.later_tables import activation_token as activation_token
    from mandant_desktop.db.later_tables import app_setting as app_setting
    from mandant_desktop.db.later_tables import contact as contact
    from mandant_desktop.db.later_tables import customer as customer
    from mandant_desktop.db.later_tables import customer_contact_person as customer_contact_person
    from mandant_desktop.db.later_tables import deleted_customer_number as deleted_customer_number
    from mandant_desktop.db.later_tables import distribution_list as distribution_list
    from mandant_desktop.db.later_tables import distribution_list_member as distribution_list_member
    from mandant_desktop.db.later_tables import inheritance_break as inheritance_break
    from mandant_desktop.db.later_tables import inheritance_source as inheritance_source
    from mandant_desktop.db.later_tables import org_unit as org_unit
    from mandant_desktop.db.later_tables import outbox_mail as outbox_mail
    from mandant_desktop.db.later_tables import person_role as person_role
    from mandant_desktop.db.later_tables import rights_group_member as rights_group_member
    from mandant_desktop.db.later_tables import rights_group_permission as rights_group_permission
    from mandant_desktop.db.later_tables import template as template

    metadata = _metadata


def __getattr__(name: str) -> object:
    """A table of :mod:`.later_tables`, or ``metadata``: defines the later tables first (once)."""
    if name.startswith("__"):  # the import system's and tools' probes (__path__, __wrapped__ ...)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    _define_later_tables()
    try:
        return globals()[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


def _define_later_tables() -> None:
    """Import :mod:`.later_tables` (the import system's lock makes that once, also when two threads
    ask at the same moment) and make its tables and ``metadata`` attributes of this module."""
    later = importlib.import_module(_LATER)
    names = globals()
    if "metadata" in names:
        return
    for table in later.TABLES:
        names[table.name] = table
    names["metadata"] = _metadata
