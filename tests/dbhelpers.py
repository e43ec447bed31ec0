"""Throw-away databases on the three backends, for fixtures and for tests that need extra ones.

Each database gets a unique name so that test runs (and engineers working side by side on one
server) never see each other's data. Servers are probed once per process; an unreachable server
skips its tests locally but fails them in CI, where a silent skip would hide a broken setup.

A database at head is a copy of a template that the test process migrates once per backend, on
first use, from the first revision (and drops when it exits): migrating every test's database
from scratch took about 30 % of the suite's time. The copy is the template's file (SQLite), a
``CREATE DATABASE ... TEMPLATE`` (PostgreSQL) or its tables, rows and triggers re-created (MariaDB;
``tests/db/test_template_copies.py`` proves the copies exact). A test of one revision's upgrade
starts from a copy of a template at the revision below it (:func:`database_at_revision`), which the
process makes once, from the nearest template below: the templates of a process go through each
revision once. The upgrade of an empty database to head on each backend is tested by
``tests/db/test_migrations.py`` itself. ``MANDANT_TEST_TEMPLATES=0`` migrates every database from
the first revision, as before.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import shutil
import sqlite3
import tempfile
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SAWarning
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from mandant_desktop.db.engine import create_engine_for, make_session_factory
from mandant_desktop.db.migrate import HEAD_REVISION, schema_status, upgrade_database

BACKENDS = ("sqlite", "postgresql", "mariadb")
SERVER_BACKENDS = ("postgresql", "mariadb")

POSTGRES_BASE = os.environ.get("MANDANT_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432")
MARIADB_BASE = os.environ.get("MANDANT_TEST_MARIADB", "mysql+pymysql://root@127.0.0.1:3306")
_PROBE_TIMEOUT_S = 3


@dataclass(frozen=True)
class MigratedDatabase:
    """What the ``migrated_db`` fixtures yield: a database at head with its engine."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def unique_name(prefix: str = "mandant_test") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def _admin_url(backend: str) -> str:
    if backend == "postgresql":
        return f"{POSTGRES_BASE}/postgres"
    if backend == "mariadb":
        return f"{MARIADB_BASE}/?charset=utf8mb4"
    raise ValueError(f"no admin connection for {backend}")


def database_url(backend: str, name: str) -> str:
    if backend == "postgresql":
        return f"{POSTGRES_BASE}/{name}"
    if backend == "mariadb":
        return f"{MARIADB_BASE}/{name}?charset=utf8mb4"
    raise ValueError(f"{backend} has no server; use a file path for SQLite")


def _admin_engine(backend: str) -> Engine:
    # AUTOCOMMIT because CREATE/DROP DATABASE refuse to run inside a transaction on PostgreSQL;
    # NullPool so that no admin connection lingers and blocks a DROP.
    return create_engine(
        _admin_url(backend),
        isolation_level="AUTOCOMMIT",
        poolclass=NullPool,
        connect_args={"connect_timeout": _PROBE_TIMEOUT_S},
    )


@functools.cache
def server_problem(backend: str) -> str | None:
    """Why ``backend`` cannot be used for tests, or None when it can. Probed once per process."""
    if backend == "sqlite":
        return None
    engine = _admin_engine(backend)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        where = make_url(_admin_url(backend)).render_as_string(hide_password=True)
        return f"{backend} server not reachable at {where}: {type(exc).__name__}: {str(exc).splitlines()[0]}"
    finally:
        engine.dispose()
    return None


def require_backend(backend: str) -> None:
    """Skip the calling test when ``backend`` is unavailable, fail instead when running in CI."""
    problem = server_problem(backend)
    if problem is None:
        return
    if in_ci():
        pytest.fail(f"{problem} (CI=true: database servers are required)")
    pytest.skip(problem)


def create_database(backend: str, directory: Path | None = None, name: str | None = None) -> str:
    """Create an empty database and return its URL. SQLite needs ``directory`` for the file."""
    name = name or unique_name()
    if backend == "sqlite":
        if directory is None:
            raise ValueError("SQLite test databases need a directory")
        return f"sqlite:///{directory / (name + '.sqlite')}"
    require_backend(backend)
    engine = _admin_engine(backend)
    try:
        with engine.connect() as conn:
            if backend == "postgresql":
                conn.execute(text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"))
            else:
                conn.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
    finally:
        engine.dispose()
    return database_url(backend, name)


def drop_database(url: str) -> None:
    """Remove a database made by :func:`create_database`, ending connections that still hold it."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(parsed.database + suffix).unlink(missing_ok=True)
        return
    name = parsed.database
    if not name:
        return
    kind = "postgresql" if backend == "postgresql" else "mariadb"
    engine = _admin_engine(kind)
    try:
        with engine.connect() as conn:
            if kind == "postgresql":
                conn.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = :n AND pid <> pg_backend_pid()"
                    ),
                    {"n": name},
                )
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            else:
                # A forgotten connection with an open transaction holds a metadata lock that would
                # make DROP DATABASE wait forever.
                ids = conn.execute(
                    text("SELECT id FROM information_schema.processlist WHERE db = :n AND id <> CONNECTION_ID()"),
                    {"n": name},
                ).scalars()
                for thread_id in list(ids):
                    with contextlib.suppress(DBAPIError):  # it ended on its own in the meantime
                        conn.execute(text(f"KILL {int(thread_id)}"))
                conn.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
    finally:
        engine.dispose()


@contextmanager
def fresh_database(backend: str, directory: Path | None = None) -> Iterator[str]:
    """An empty, uniquely named database for the duration of the block."""
    url = create_database(backend, directory)
    try:
        yield url
    finally:
        drop_database(url)


@contextmanager
def open_migrated(url: str) -> Iterator[MigratedDatabase]:
    """Open ``url``, upgrade it to head (with the catalogue synced) and dispose the engine after."""
    engine = create_engine_for(url)
    try:
        upgrade_database(engine)
        yield MigratedDatabase(url=url, engine=engine, session_factory=make_session_factory(engine))
    finally:
        engine.dispose()


@contextmanager
def migrated_database(backend: str, directory: Path | None = None) -> Iterator[MigratedDatabase]:
    """A fresh database at head, a copy of the process's template unless ``MANDANT_TEST_TEMPLATES=0``
    asks for a migration of its own; dropped afterwards."""
    if not _TEMPLATES_ON:
        with fresh_database(backend, directory) as url, open_migrated(url) as db:
            yield db
        return
    with database_at_head(backend, directory) as url:
        engine = create_engine_for(url)
        try:
            yield MigratedDatabase(url=url, engine=engine, session_factory=make_session_factory(engine))
        finally:
            engine.dispose()


@contextmanager
def database_at_head(backend: str, directory: Path | None = None) -> Iterator[str]:
    """The URL of a fresh database at head (a copy of the template), for tests that open it as the
    program does; dropped afterwards. With ``MANDANT_TEST_TEMPLATES=0`` an empty one, which the
    program migrates when it opens it."""
    url = copy_of_template(backend, directory) if _TEMPLATES_ON else create_database(backend, directory)
    try:
        yield url
    finally:
        drop_database(url)


# --------------------------------------------------------------------------- templates

_TEMPLATES_ON = os.environ.get("MANDANT_TEST_TEMPLATES", "1") != "0"
#: backend -> URL of this process's migrated template
_templates: dict[str, str] = {}


def template_url(backend: str) -> str:
    """The URL of this process's template of ``backend``: a database migrated from the first
    revision with the catalogue synced, built on first use and dropped when the process exits."""
    url = _templates.get(backend)
    if url is not None:
        return url
    directory = _template_directory() if backend == "sqlite" else None
    url = create_database(backend, directory, name=unique_name("mandant_tmpl"))
    try:
        with open_migrated(url) as db:
            # built on a test's first need of it: not through a test's stand-in for the migrations
            stored = schema_status(db.engine).current
            if stored != HEAD_REVISION:
                raise RuntimeError(f"the template of {backend} was migrated to {stored}, not to {HEAD_REVISION}")
        # the engine is disposed: PostgreSQL copies only a database nobody is connected to
    except BaseException:
        drop_database(url)
        raise
    _remember_template(url)
    _templates[backend] = url
    return url


@functools.cache
def _template_directory() -> Path:
    """The folder of this process's SQLite templates."""
    return Path(tempfile.mkdtemp(prefix="mandant_test_template_"))


#: every template this process made, dropped when it exits
_made_templates: list[str] = []


def _remember_template(url: str) -> None:
    if not _made_templates:
        atexit.register(_drop_templates)
    _made_templates.append(url)


def _drop_templates() -> None:
    for url in _made_templates:
        drop_database(url)
    shutil.rmtree(_template_directory(), ignore_errors=True)
    _made_templates.clear()
    _templates.clear()
    _revision_templates.clear()


def copy_of_template(backend: str, directory: Path | None = None) -> str:
    """A new, uniquely named database that is a copy of the template of ``backend``; its URL."""
    return _copy_of(template_url(backend), backend, directory)


def _copy_of(source_url: str, backend: str, directory: Path | None) -> str:
    """A new, uniquely named copy of the database ``source_url`` (nobody connected to it); its URL."""
    template = make_url(source_url)
    name = unique_name()
    if backend == "sqlite":
        url = create_database(backend, directory, name)
        assert template.database is not None
        target = Path(str(make_url(url).database))
        target.parent.mkdir(parents=True, exist_ok=True)  # as the program's engine does for a new file
        origin, copy = sqlite3.connect(template.database), sqlite3.connect(target)
        try:
            origin.backup(copy)  # reads through the write-ahead log, unlike a copy of the file
        finally:
            copy.close()
            origin.close()
        return url
    engine = _admin_engine(backend)
    try:
        with engine.connect() as conn:
            if backend == "postgresql":
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template.database}"'))
            else:
                assert template.database is not None
                _copy_mariadb_database(conn, template.database, name)
    except BaseException:
        drop_database(database_url(backend, name))
        raise
    finally:
        engine.dispose()
    return database_url(backend, name)


#: (backend, revision) -> URL of this process's template at that revision
_revision_templates: dict[tuple[str, str], str] = {}


@functools.cache
def _revisions() -> tuple[str, ...]:
    """The revisions of the migrations, the first one first."""
    from mandant_desktop.db.migrate import _script

    return tuple(reversed([revision.revision for revision in _script().walk_revisions()]))


def _template_at(backend: str, revision: str) -> str:
    """The URL of this process's template of ``backend`` at ``revision``, as Alembic's upgrade of an
    empty database leaves it (no catalogue sync): a copy of the nearest template below it, upgraded
    from there, or a new database upgraded from the first revision; dropped when the process exits.
    The templates of a process thus go through each revision once."""
    url = _revision_templates.get((backend, revision))
    if url is not None:
        return url
    below = [r for r in _revisions()[: _revisions().index(revision)] if (backend, r) in _revision_templates]
    directory = _template_directory() if backend == "sqlite" else None
    if below:
        url = _copy_of(_revision_templates[(backend, below[-1])], backend, directory)
    else:
        url = create_database(backend, directory, name=unique_name("mandant_tmpl"))
    _remember_template(url)
    _revision_templates[(backend, revision)] = url
    try:
        upgrade_to(url, revision)
    except BaseException:
        del _revision_templates[(backend, revision)]
        raise
    return url


def upgrade_to(url: str, revision: str) -> None:
    """Alembic's upgrade of the database ``url`` to ``revision``, and nothing else (no catalogue
    sync); no connection stays open (PostgreSQL copies only a database nobody is connected to)."""
    from alembic import command

    from mandant_desktop.db import migrate

    engine = create_engine_for(url)
    try:
        with engine.begin() as conn:
            command.upgrade(migrate.alembic_config(conn), revision)
    finally:
        engine.dispose()


@contextmanager
def database_at_revision(backend: str, revision: str, directory: Path | None = None) -> Iterator[str]:
    """The URL of a fresh database at ``revision``, as Alembic's upgrade of an empty database leaves
    it (a copy of this process's template at that revision), for a test of a later revision's
    upgrade; dropped afterwards. With ``MANDANT_TEST_TEMPLATES=0`` one upgraded from the first
    revision for the test alone."""
    if _TEMPLATES_ON:
        url = _copy_of(_template_at(backend, revision), backend, directory)
    else:
        url = create_database(backend, directory)
        upgrade_to(url, revision)
    try:
        yield url
    finally:
        drop_database(url)


def _copy_mariadb_database(conn: Connection, template: str, name: str) -> None:
    """MariaDB has no template databases: what ``mariadb-dump --routines --triggers`` would carry
    over, re-created in ``name``, in its order — the tables (foreign key checks off, so any order),
    their rows, then the triggers (which must not fire for copied rows). A view, routine, event or
    sequence in the template is refused: nothing here would copy it."""
    others = conn.execute(
        text(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = :s AND table_type <> 'BASE TABLE' "
            "UNION ALL SELECT routine_name FROM information_schema.routines WHERE routine_schema = :s "
            "UNION ALL SELECT event_name FROM information_schema.events WHERE event_schema = :s"
        ),
        {"s": template},
    ).all()
    if others:
        raise NotImplementedError(f"the template copy knows tables and triggers only, not {others}")
    charset, collation = conn.execute(
        text(
            "SELECT default_character_set_name, default_collation_name FROM information_schema.schemata "
            "WHERE schema_name = :s"
        ),
        {"s": template},
    ).one()
    conn.execute(text(f"CREATE DATABASE `{name}` CHARACTER SET {charset} COLLATE {collation}"))
    conn.execute(text(f"USE `{name}`"))
    conn.execute(text("SET SESSION foreign_key_checks = 0"))
    try:
        tables = (
            conn.execute(
                text("SELECT table_name FROM information_schema.tables WHERE table_schema = :s ORDER BY table_name"),
                {"s": template},
            )
            .scalars()
            .all()
        )
        for table in tables:
            conn.exec_driver_sql(conn.execute(text(f"SHOW CREATE TABLE `{template}`.`{table}`")).one()[1])
        columns: dict[str, list[str]] = {}
        for table, column in conn.execute(
            text(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = :s AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position"
            ),
            {"s": template},
        ):
            columns.setdefault(table, []).append(f"`{column}`")
        for table in tables:
            listed = ", ".join(columns[table])
            conn.exec_driver_sql(f"INSERT INTO `{table}` ({listed}) SELECT {listed} FROM `{template}`.`{table}`")
    finally:
        conn.execute(text("SET SESSION foreign_key_checks = 1"))
    triggers = (
        conn.execute(
            text(
                "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = :s "
                "ORDER BY event_object_table, action_timing, event_manipulation, action_order"
            ),
            {"s": template},
        )
        .scalars()
        .all()
    )
    for trigger in triggers:
        # SHOW CREATE TRIGGER: the statement with the sql_mode and character set it was created under,
        # which the copy gets too (they decide how its body is parsed and run)
        shown = conn.execute(text(f"SHOW CREATE TRIGGER `{template}`.`{trigger}`")).mappings().one()
        conn.execute(
            text("SET SESSION sql_mode = :m, character_set_client = :c, collation_connection = :k"),
            {"m": shown["sql_mode"], "c": shown["character_set_client"], "k": shown["collation_connection"]},
        )
        conn.exec_driver_sql(shown["SQL Original Statement"])


@contextmanager
def app_login(db: MigratedDatabase, prefix: str = "mandant_app_login") -> Iterator[Engine]:
    """PostgreSQL: an engine connected as a fresh NON-OWNER login that is a member of the group
    role ``mandant_app`` (the workstations' credentials of revision 0005); dropped afterwards."""
    login = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with db.engine.connect() as conn:
        conn.execute(text(f"CREATE ROLE {login} LOGIN"))
        conn.execute(text(f"GRANT mandant_app TO {login}"))
        conn.commit()
    app = create_engine(make_url(db.url).set(username=login), poolclass=NullPool)
    try:
        yield app
    finally:
        app.dispose()
        with db.engine.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :u"), {"u": login}
            )
            conn.execute(text(f"DROP ROLE {login}"))
            conn.commit()


@contextmanager
def auto_explained(engine: Engine, role: str | None = None) -> Iterator[tuple[Connection, list[str]]]:
    """PostgreSQL: a connection of its own (not pooled: it may end as another role) on which
    auto_explain reports every statement's plan with its actual rows, nested ones too (the statements
    of trigger functions); acting as ``role`` when given (SET ROLE). Yields it and the list the plans
    are collected in. ``engine`` connects as a superuser (the owner of the test databases)."""
    explaining = create_engine(engine.url, poolclass=NullPool)
    try:
        with explaining.connect() as conn:
            plans: list[str] = []
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.add_notice_handler(lambda diagnostic: plans.append(diagnostic.message_primary or ""))
            conn.execute(text("LOAD 'auto_explain'"))
            for setting in ("log_min_duration = 0", "log_analyze = on", "log_nested_statements = on"):
                conn.execute(text(f"SET auto_explain.{setting}"))
            conn.execute(text("SET client_min_messages = log"))
            if role is not None:
                conn.execute(text(f"SET ROLE {role}"))
            conn.commit()  # session settings: a rollback of their transaction would undo them
            yield conn, plans
    finally:
        explaining.dispose()


@contextmanager
def other_workstation(db: MigratedDatabase) -> Iterator[sessionmaker[Session]]:
    """A second engine on the same database, as another workstation has it (its own connections
    and transactions); disposed afterwards."""
    engine = create_engine_for(db.url)
    try:
        yield make_session_factory(engine)
    finally:
        engine.dispose()


#: PostgreSQL: the foreign keys that revision 0011 keeps with statement triggers instead of
#: constraints (tests/db/test_pg_assignment_keys.py shows each of them enforced)
PG_KEYS_BY_TRIGGER = {
    "fk_role_assignment_user_id_app_user",
    "fk_role_assignment_role_id_role",
    "fk_role_assignment_org_unit_id_org_unit",
    "fk_role_assignment_inherited_from_id_org_unit",
}


def schema_differences(engine: Engine) -> list[Any]:
    """What Alembic's comparison (with the options of the migration environment,
    ``db.schema_compare``) finds between the database and the models; on PostgreSQL less the
    foreign keys kept by triggers, which it checks are exactly those."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from mandant_desktop.db import tables
    from mandant_desktop.db.schema_compare import comparison_options

    with engine.connect() as conn, warnings.catch_warnings():
        # SQLite cannot reflect an index on an expression (the order indexes of revisions 0008,
        # 0015 and 0023): the comparison leaves them out, tests/db/test_migrated_schema.py checks them.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based index", SAWarning)
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression-based index")
        context = MigrationContext.configure(conn, opts=comparison_options(engine.dialect.name))
        differences = list(compare_metadata(context, tables.metadata))
    if engine.dialect.name == "postgresql":
        by_trigger = [d for d in differences if d[0] == "add_fk" and d[1].name in PG_KEYS_BY_TRIGGER]
        assert {d[1].name for d in by_trigger} == PG_KEYS_BY_TRIGGER
        differences = [d for d in differences if d not in by_trigger]
    return differences


def stale_search_keys(engine: Engine) -> list[tuple[str, int]]:
    """The rows (table, id) whose stored search key (revisions 0027, 0029) is not the key of their
    stored texts: a write path that left it behind (C1, U1, E2)."""
    from mandant_desktop.db import tables
    from mandant_desktop.domain.search_folding import search_key

    keyed = {
        tables.metadata.tables["customer"]: tables.CUSTOMER_KEY_COLUMNS,
        tables.app_user: tables.USER_KEY_COLUMNS,
        tables.metadata.tables["org_unit"]: tables.ORG_UNIT_KEY_COLUMNS,
        tables.rights_group: tables.RIGHTS_GROUP_KEY_COLUMNS,
        tables.metadata.tables["outbox_mail"]: tables.OUTBOX_KEY_COLUMNS,
        tables.metadata.tables["contact"]: tables.CONTACT_KEY_COLUMNS,
    }
    stale = []
    with engine.connect() as conn:
        for table, names in keyed.items():
            columns = [table.c.id, table.c.search_key, *(table.c[name] for name in names)]
            for row in conn.execute(table.select().with_only_columns(*columns)):
                if row[1] != search_key(row[2:]):
                    stale.append((table.name, row[0]))
    return stale
