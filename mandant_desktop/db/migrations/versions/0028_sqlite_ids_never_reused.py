"""SQLite: the ids of tenants, users, roles and org units are never handed out twice (SPEC S3, T8).

Revision ID: 0028_sqlite_ids_never_reused
Revises: 0027_customer_search_fold
Create Date: 2026-12-04

Without ``AUTOINCREMENT`` SQLite gives a new row the largest id plus one, so the id of a deleted
last row came back with the next one. The audit log refers to these objects by id: a role
assignment's user, role and org unit, a moved unit, the tenant of every entry. After a reuse the
log named the object that exists now for an entry about the deleted one, and the entries of a
deleted tenant counted as the new tenant's (whose access decides who may read them, T8). PostgreSQL
(sequences) and MariaDB (InnoDB's counter, kept across restarts since 10.2.4) never hand an id out
twice; this revision makes SQLite do the same for the four tables whose ids the log names.

Each table is rebuilt as SQLite's documentation describes for a change ``ALTER TABLE`` cannot make
(foreign keys are off during an upgrade, see ``db.migrate``): its ``CREATE TABLE`` text with the
primary key made ``AUTOINCREMENT``, the rows copied, the old table dropped, the new one renamed,
its indexes (expression indexes too) and triggers made again from their stored text. With
foreign keys on, dropping a table that holds rows would delete or refuse its children's rows, so
such a table is refused then (an empty one, as in a new database, is safe). Then the table's
counter is raised to the largest id the audit log knows of that kind, so that ids deleted before
this upgrade are not handed out again either.

The downgrade keeps the tables as they are: AUTOINCREMENT changes nothing the revisions before
rely on, and a rebuild of a parent table is unsafe in the downgrades that run with foreign keys on.

PostgreSQL and MariaDB: nothing to do.
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0028_sqlite_ids_never_reused"
down_revision: str | Sequence[str] | None = "0027_customer_search_fold"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: table → the object type its rows are audited under
TABLES = {"tenant": "Tenant", "app_user": "User", "role": "Role", "org_unit": "OrgUnit"}
_PLAIN_ID = re.compile(r"^(\s*)id INTEGER NOT NULL,", re.MULTILINE)


def _rebuild(table: str, create_sql: str) -> None:
    """Replace ``table`` by one made with ``create_sql`` (its name in it as ``table``), rows,
    indexes and triggers kept."""
    bind = op.get_bind()
    others = [
        sql
        for (sql,) in bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
            (table,),
        )
    ]
    temporary = f"_new_{table}"
    # SQLite keeps a renamed table's name quoted in its definition
    head = re.compile(rf'^CREATE TABLE ("?){table}\1 \(')
    if head.match(create_sql) is None:
        raise RuntimeError(f"unexpected definition of table {table}: {create_sql}")
    bind.exec_driver_sql(head.sub(f"CREATE TABLE {temporary} (", create_sql, count=1))
    bind.exec_driver_sql(f"INSERT INTO {temporary} SELECT * FROM {table}")
    bind.exec_driver_sql(f"DROP TABLE {table}")
    bind.exec_driver_sql(f"ALTER TABLE {temporary} RENAME TO {table}")
    for sql in others:
        bind.exec_driver_sql(sql)


def _create_sql(table: str) -> str:
    sql = (
        op.get_bind()
        .exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
        .scalar_one()
    )
    return str(sql)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    foreign_keys = bool(bind.exec_driver_sql("PRAGMA foreign_keys").scalar())
    for table, object_type in TABLES.items():
        sql = _create_sql(table)
        if "AUTOINCREMENT" not in sql:
            key = f"CONSTRAINT pk_{table} PRIMARY KEY (id)"
            if key not in sql or len(_PLAIN_ID.findall(sql)) != 1:
                raise RuntimeError(f"unexpected definition of table {table}: {sql}")
            if foreign_keys and bind.exec_driver_sql(f"SELECT 1 FROM {table} LIMIT 1").first() is not None:
                raise RuntimeError(f"revision {revision} rebuilds table {table}: run it with foreign keys off")
            sql = re.sub(rf",\s*{re.escape(key)}", "", sql, count=1)
            sql = _PLAIN_ID.sub(
                rf"\1id INTEGER NOT NULL CONSTRAINT pk_{table} PRIMARY KEY AUTOINCREMENT,", sql, count=1
            )
            _rebuild(table, sql)
        # The copy set the counter to the largest id in the table; the log may know larger ones.
        logged = sa.text(
            "SELECT max(CAST(object_id AS INTEGER)) FROM audit_log "
            "WHERE object_type = :kind AND object_id <> '' AND object_id NOT GLOB '*[^0-9]*'"
        )
        highest = bind.execute(logged, {"kind": object_type}).scalar() or 0
        if table == "tenant":
            highest = max(highest, bind.execute(sa.text("SELECT max(tenant_id) FROM audit_log")).scalar() or 0)
        stored = bind.execute(sa.text("SELECT seq FROM sqlite_sequence WHERE name = :t"), {"t": table}).scalar()
        if stored is None:
            bind.execute(
                sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES (:t, :seq)"), {"t": table, "seq": highest}
            )
        elif highest > stored:
            bind.execute(sa.text("UPDATE sqlite_sequence SET seq = :seq WHERE name = :t"), {"t": table, "seq": highest})


def downgrade() -> None:
    """Nothing: see the module's text."""
