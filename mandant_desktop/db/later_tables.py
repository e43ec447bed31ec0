"""The tables no start needs before its window is usable (issue 8): org units, customers, contacts,
lists, templates, mails, settings of the database, activation links.

Not imported directly: :mod:`mandant_desktop.db.tables` defines them here the first time one of
them, or its ``metadata``, is asked for, and makes them its own attributes (``tables.customer``).
They join the same MetaData as the start's eleven; see there for the conventions.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    func,
    literal_column,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnClause, ColumnElement

from mandant_desktop.db import contact_order, user_order
from mandant_desktop.db.tables import (
    CONTACT_KEY_COLUMNS,
    CONTACT_ORDER_BACKENDS,
    CONTACT_ORDER_INDEX,
    CUSTOMER_KEY_COLUMNS,
    CUSTOMER_KEY_GRAMS_FUNCTION,
    CUSTOMER_KEY_GRAMS_INDEX,
    CUSTOMER_KEY_TRIGRAM_INDEX,
    CUSTOMER_NUMBER_LENGTH_COLUMN,
    CUSTOMER_NUMBER_ORDER_INDEX,
    ORG_UNIT_KEY_COLUMNS,
    ORG_UNIT_ORDER_BACKENDS,
    ORG_UNIT_ORDER_INDEX,
    OUTBOX_KEY_COLUMNS,
    VIRTUAL_COLUMN_BACKENDS,
    CustomerStatus,
    MailStatus,
    UTCDateTime,
    _created,
    _created_at,
    _metadata,
    _str_enum,
    _versioned,
    app_user,
    exact_string,
    search_key_default,
    utcnow,
)


class VirtualOnMariaDB(ColumnClause[Any]):
    """An index key that is an expression on SQLite and PostgreSQL and, on MariaDB/MySQL, which have
    no expression indexes, the invisible virtual column ``column`` a migration made of it. One
    declaration of the index serves all backends under its one name (two indexes of one name, one
    per backend, meet in Alembic's comparison, which pairs indexes by name before it asks which
    apply). For DDL only, and not cached.

    A literal column named as the virtual column: Alembic compares an index with such a key by its
    DDL on PostgreSQL, and by its columns' names on MariaDB, the virtual column's among them."""

    inherit_cache = False

    def __init__(self, expression: ColumnElement[Any], column: str) -> None:
        super().__init__(column, type_=expression.type, is_literal=True)
        self.key_expression = expression


@compiles(VirtualOnMariaDB)
def _compile_expression(element: VirtualOnMariaDB, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.key_expression, **kw)


@compiles(VirtualOnMariaDB, "mysql")
@compiles(VirtualOnMariaDB, "mariadb")
def _compile_virtual_column(element: VirtualOnMariaDB, _compiler: SQLCompiler, **_kw: Any) -> str:
    return element.name


# --------------------------------------------------------------------------- users

# The users list's orders (revision 0015, db.user_order): by name, and by kind and then name, each
# window read from its index instead of a sort of all users. Declared here, with the later tables,
# as ``metadata`` is only had after them: a start needs no index declared. SQLite and PostgreSQL
# index the expressions; MariaDB the same keys on the invisible virtual columns of the migration.
_user_names = (
    *(VirtualOnMariaDB(func.lower(app_user.c[source]), name) for name, source in user_order.MARIADB_COLUMNS.items()),
    app_user.c.username_key,
    app_user.c.id,
)
Index(user_order.NAME_INDEX, *_user_names)
Index(user_order.KIND_INDEX, app_user.c.kind, *_user_names)


#: one-time activation link; only the SHA-256 of the token is stored (SPEC U2-U4)
activation_token = Table(
    "activation_token",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", ForeignKey("app_user.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    _created_at(),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("used_at", UTCDateTime()),
    Column("revoked_at", UTCDateTime()),
)


# --------------------------------------------------------------------------- org units and inheritance

#: a node of the org-unit tree (SPEC A4-A9)
org_unit = Table(
    "org_unit",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("parent_id", ForeignKey("org_unit.id", ondelete="RESTRICT"), index=True),
    Column("depth", Integer, nullable=False, default=0),
    Column("sort_order", Integer, nullable=False, default=0),
    _created_at(),
    *_versioned(),
    # The folded name the search of the tree compares (revision 0029; db/search_keys.py).
    Column("search_key", Text, nullable=False, default=search_key_default(ORG_UNIT_KEY_COLUMNS), server_default=""),
    # SQLite: an id is never handed out twice (revision 0028): the audit log names objects by id
    sqlite_autoincrement=True,
)

# The tree's order (revision 0023): each parent's children in display order, all at once ("expand
# all") or one level, without a sort. An expression index, so not on MariaDB, which has none (its
# sort of the units stays). SQLite cannot reflect it, so a batch copy of ``org_unit`` loses it; the
# migration environment makes it again from this declaration (migrations/env.py).
Index(
    ORG_UNIT_ORDER_INDEX, org_unit.c.parent_id, org_unit.c.sort_order, func.lower(org_unit.c.name), org_unit.c.id
).ddl_if(dialect=ORG_UNIT_ORDER_BACKENDS)  # type: ignore[arg-type]  # a tuple is documented, not typed


#: the ticked "Inherit roles to child units" box of one user on one unit (SPEC A5)
inheritance_source = Table(
    "inheritance_source",
    _metadata,
    Column("user_id", ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True),
    Column("org_unit_id", ForeignKey("org_unit.id", ondelete="CASCADE"), primary_key=True, index=True),
    _created_at(),
    Column("created_by", String(100)),
)


#: a unit where "Edit roles" broke one user's chain of inherited roles (SPEC A7)
inheritance_break = Table(
    "inheritance_break",
    _metadata,
    Column("user_id", ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True),
    Column("org_unit_id", ForeignKey("org_unit.id", ondelete="CASCADE"), primary_key=True, index=True),
    _created_at(),
    Column("created_by", String(100)),
)


# --------------------------------------------------------------------------- customers and rights groups


#: a print-shop customer with optional portal access (SPEC C1-C12)
customer = Table(
    "customer",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("tenant_id", ForeignKey("tenant.id", ondelete="RESTRICT"), nullable=False, index=True),
    Column("number", exact_string(32), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("short_name", String(50), nullable=False, default=""),
    Column("remote_access", Boolean, nullable=False, default=False, server_default=false()),
    Column("is_agency", Boolean, nullable=False, default=False, server_default=false()),
    Column("quota_mb", Integer),
    Column("default_agency_id", ForeignKey("customer.id", ondelete="SET NULL"), index=True),
    Column("status", _str_enum(CustomerStatus, "customer_status"), nullable=False, default=CustomerStatus.ACTIVE),
    _created_at(),
    *_versioned(),
    # The folded number, name and short name the search compares (revision 0027; see
    # mandant_desktop.domain.search_folding): written by the application with every insert (this
    # default, or the row itself in bulk inserts) and every change of the three (models.py); the
    # search indexes of each backend are built on it (mandant_desktop.db.customer_search).
    Column("search_key", Text, nullable=False, default=search_key_default(CUSTOMER_KEY_COLUMNS), server_default=""),
    CheckConstraint("quota_mb IS NULL OR quota_mb >= 0", name="quota_non_negative"),
    Index("ix_customer_name", "name"),
    Index("ix_customer_short_name", "short_name"),
)
# The customer search's indexes (db.customer_search). The number order, shorter numbers first, so
# that a window of a search with many hits walks it and stops early: on ``length(number)`` on SQLite
# and PostgreSQL (revision 0008), on MariaDB's invisible virtual column of it (revision 0022).
Index(
    CUSTOMER_NUMBER_ORDER_INDEX,
    VirtualOnMariaDB(func.length(customer.c.number), CUSTOMER_NUMBER_LENGTH_COLUMN),
    customer.c.number,
)
# PostgreSQL: a GIN trigram index on the folded key (revision 0027, replacing revision 0008's on
# each searched column; made only where the extension pg_trgm could be created, else the search
# scans and it is missing), and the GIN index on the function of revision 0027 that gives the key's
# short substrings (replacing revision 0018's of the three columns).
Index(
    CUSTOMER_KEY_TRIGRAM_INDEX,
    customer.c.search_key,
    postgresql_using="gin",
    postgresql_ops={"search_key": "gin_trgm_ops"},
).ddl_if(dialect="postgresql")
Index(
    CUSTOMER_KEY_GRAMS_INDEX,
    getattr(func, CUSTOMER_KEY_GRAMS_FUNCTION)(customer.c.search_key),
    postgresql_using="gin",
).ddl_if(dialect="postgresql")


#: numbers of deleted customers, so that their reuse can be warned about (SPEC C6)
deleted_customer_number = Table(
    "deleted_customer_number",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("number", exact_string(32), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("deleted_at", UTCDateTime(), nullable=False, default=utcnow),
    Column("deleted_by", String(100)),
)


rights_group_permission = Table(
    "rights_group_permission",
    _metadata,
    Column("group_id", ForeignKey("rights_group.id", ondelete="CASCADE"), primary_key=True),
    # Indexed on every backend (revision 0026): the catalogue's sync deletes by the code, and so
    # does the foreign key's cascade; MariaDB's foreign key needs the index anyway.
    Column("permission_code", ForeignKey("permission.code", ondelete="CASCADE"), primary_key=True, index=True),
    *_created(),
)


rights_group_member = Table(
    "rights_group_member",
    _metadata,
    Column("group_id", ForeignKey("rights_group.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True, index=True),
    *_created(),
)


#: an internal sales representative assigned to a customer (SPEC C7)
customer_contact_person = Table(
    "customer_contact_person",
    _metadata,
    Column("customer_id", ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True, index=True),
    *_created(),
)


# --------------------------------------------------------------------------- tenant-scoped data

#: a real person: a customer's contact (C10) or a press/marketing contact (T7, T8)
contact = Table(
    "contact",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("tenant_id", ForeignKey("tenant.id", ondelete="RESTRICT"), nullable=False, index=True),
    Column("customer_id", ForeignKey("customer.id", ondelete="CASCADE"), index=True),
    Column("contact_type", String(50), nullable=False, default=""),
    Column("salutation", String(30), nullable=False, default=""),
    Column("first_name", String(100), nullable=False, default=""),
    Column("last_name", String(100), nullable=False),
    # Personal fields: masked without the "private data" right (SPEC T8).
    Column("email", String(254)),
    Column("phone", String(50)),
    Column("street", String(200)),
    Column("postal_code", String(20)),
    Column("city", String(100)),
    Column("birthday", Date),
    _created_at(),
    *_versioned(),
    # The folded names and contact type the contacts search compares (revision 0029; db/search_keys.py).
    Column("search_key", Text, nullable=False, default=search_key_default(CONTACT_KEY_COLUMNS), server_default=""),
    Index("ix_contact_name", "last_name", "first_name"),
)
# The contacts list's order (revision 0025, db.contact_order): each window of 200 reads the index
# from its offset instead of sorting all contacts. On SQLite and PostgreSQL on the expressions;
# MariaDB has the same keys on invisible virtual columns (not in the models), in an index of
# another name, declared for it by the columns' names. A SQLite batch copy of ``contact`` loses
# the expression index; the migration environment makes it again from this declaration.
Index(
    CONTACT_ORDER_INDEX,
    func.lower(contact.c.last_name),
    func.lower(contact.c.first_name),
    contact.c.tenant_id,
    contact.c.id,
).ddl_if(dialect=CONTACT_ORDER_BACKENDS)  # type: ignore[arg-type]  # a tuple is documented, not typed
Index(
    contact_order.MARIADB_INDEX,
    *(literal_column(name) for name in contact_order.MARIADB_COLUMNS),
    contact.c.tenant_id,
    contact.c.id,
).ddl_if(dialect=VIRTUAL_COLUMN_BACKENDS)  # type: ignore[arg-type]


#: one role of a contact, e.g. journalist at one medium (SPEC glossary, T7, T10)
person_role = Table(
    "person_role",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("tenant_id", ForeignKey("tenant.id", ondelete="RESTRICT"), nullable=False, index=True),
    Column("organisation", String(200), nullable=False, default=""),
    Column("function", String(100), nullable=False, default=""),
    Column("email", String(254)),
    Column("phone", String(50)),
    Column("street", String(200)),
    Column("postal_code", String(20)),
    Column("city", String(100)),
    *_versioned(),
)


#: a set of person-roles, owned by one tenant (SPEC T7, T10)
distribution_list = Table(
    "distribution_list",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("tenant_id", ForeignKey("tenant.id", ondelete="RESTRICT"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("description", String(500), nullable=False, default=""),
    _created_at(),
    *_versioned(),
)


distribution_list_member = Table(
    "distribution_list_member",
    _metadata,
    Column("list_id", ForeignKey("distribution_list.id", ondelete="CASCADE"), primary_key=True),
    Column("person_role_id", ForeignKey("person_role.id", ondelete="CASCADE"), primary_key=True, index=True),
    *_created(),
)


#: a mail template of one tenant (SPEC T12)
template = Table(
    "template",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("tenant_id", ForeignKey("tenant.id", ondelete="RESTRICT"), nullable=False),
    Column("name", exact_string(200), nullable=False),
    Column("subject", String(500), nullable=False, default=""),
    Column("body", Text, nullable=False, default=""),
    *_versioned(),
    UniqueConstraint("tenant_id", "name"),
)


# --------------------------------------------------------------------------- operation

#: every mail the application sends; without SMTP it stays here for the operator (SPEC U4)
outbox_mail = Table(
    "outbox_mail",
    _metadata,
    Column("id", Integer, primary_key=True),
    _created_at(),
    Column("recipient", String(254), nullable=False),
    Column("subject", String(500), nullable=False),
    Column("body", Text, nullable=False),
    Column("status", _str_enum(MailStatus, "mail_status"), nullable=False),
    Column("sent_at", UTCDateTime()),
    Column("error", String(1000)),
    #: the language the mail was written in (a code such as "de"); None when unknown (revision 0016)
    Column("language", String(16)),
    # The folded recipient and subject the outbox's search compares (revision 0029; db/search_keys.py).
    Column("search_key", Text, nullable=False, default=search_key_default(OUTBOX_KEY_COLUMNS), server_default=""),
    # The outbox's order, newest first, a window at a time (revision 0017).
    Index("ix_outbox_mail_created_at", "created_at", "id"),
)


#: database-wide settings (e.g. the rights-group name pattern, SMTP host), JSON values
app_setting = Table(
    "app_setting",
    _metadata,
    Column("key", String(100), primary_key=True),
    Column("value", JSON, nullable=True),
    *_versioned(),
)

#: what :mod:`mandant_desktop.db.tables` takes over, in the order defined here
TABLES: tuple[Table, ...] = (
    activation_token,
    org_unit,
    inheritance_source,
    inheritance_break,
    customer,
    deleted_customer_number,
    rights_group_permission,
    rights_group_member,
    customer_contact_person,
    contact,
    person_role,
    distribution_list,
    distribution_list_member,
    template,
    outbox_mail,
    app_setting,
)
