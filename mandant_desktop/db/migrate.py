"""Schema upgrades (SPEC S9), run from code: no ``alembic.ini``, the script folder ships in the wheel.

Opening a database brings it to the schema this program knows, or refuses:

* empty → created to head, no questions;
* older SQLite file → a consistent backup first (sqlite3 backup API, safe while WAL is active), then
  the upgrade with foreign keys off — SQLite's batch migrations copy a table, drop the original and
  rename the copy, and with foreign keys on the DROP would cascade into every child table — and a
  ``PRAGMA foreign_key_check`` before commit;
* older server database → the caller confirms first (the server has its own backups, but several
  workstations share it), and an advisory lock keeps two workstations from upgrading at once;
* newer than this program → :class:`SchemaTooNewError`, nothing touched.

Afterwards the permission catalogue is synced (:mod:`mandant_desktop.db.catalogue`).

A new revision: change the models, then against a database at head run
``command.revision(alembic_config(connection), message=..., rev_id="0002_short_name", autogenerate=True)``
(generate against PostgreSQL: against SQLite Alembic writes everything as batch operations), tidy
the result by hand, and let ``tests/db/test_migrations.py`` prove it matches the models everywhere.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from sqlalchemy import Connection, Engine, func, inspect, select, text
from sqlalchemy.exc import OperationalError

from mandant_desktop.db import tables
from mandant_desktop.db.catalogue import plan_catalogue, sync_catalogue
from mandant_desktop.db.engine import (
    MYSQL_QUERY_TIMEOUT_S,
    SQLITE_BEGIN,
    backend_name,
    set_read_timeout,
    sqlite_path,
)
from mandant_desktop.domain.errors import DomainError, SchemaTooNewError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

#: the newest revision in ``migrations/versions``. A database that stores exactly this one is
#: current, which a start can tell without importing Alembic (a quarter of a second, issue 8); any
#: other stored revision is judged by Alembic. ``tests/db/test_migrations.py`` checks that it is
#: Alembic's head, so a new migration must update it.
HEAD_REVISION = "0029_search_keys"
SCRIPT_LOCATION = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"
#: how long a workstation waits for another one's upgrade before giving up
LOCK_TIMEOUT_S = 300.0
_LOCK_POLL_S = 0.2
_LOCK_NAME = "mandant_desktop.schema_upgrade"
# pg_advisory_lock takes a bigint; derive a stable one from the name instead of a magic number.
_PG_LOCK_KEY = int.from_bytes(hashlib.sha256(_LOCK_NAME.encode()).digest()[:8], "big", signed=True)
# Alembic's ``op`` and ``context`` are module-level proxies: two upgrades in one process (a separate
# tenant's database opened while the main one upgrades) must not interleave.
_ALEMBIC_LOCK = threading.Lock()

State = Literal["empty", "current", "outdated", "too_new"]

#: the tables ``check_database`` counts, by the name it reports them under (names: the tables of
#: customers and contacts are defined when first used, db.tables)
MAIN_TABLES: dict[str, str] = {
    "tenants": "tenant",
    "users": "app_user",
    "roles": "role",
    "org_units": "org_unit",
    "role_assignments": "role_assignment",
    "customers": "customer",
    "contacts": "contact",
    "distribution_lists": "distribution_list",
    "audit_entries": "audit_log",
}


class SchemaUpgradeError(DomainError):
    """The upgrade could not be done. SQLite and PostgreSQL roll the whole upgrade back; MariaDB/MySQL
    commit each schema change on its own, so there a failed upgrade may stop half-way (restore the
    server's backup — which is why a server upgrade asks first)."""


class UpgradeDeclinedError(SchemaUpgradeError):
    """The operator said no to upgrading a server database."""


# The results are named tuples: a frozen dataclass's generated methods are compiled at run time, on
# every start (issue 8).
class SchemaStatus(NamedTuple):
    current: str | None
    head: str
    state: State

    @property
    def needs_upgrade(self) -> bool:
        return self.state in ("empty", "outdated")


class UpgradeReport(NamedTuple):
    before: SchemaStatus
    after: SchemaStatus
    backup_path: Path | None
    upgraded: bool


# --------------------------------------------------------------------------- alembic plumbing


def alembic_config(connection: Connection | None = None) -> Config:
    """The Alembic configuration, built in code so that an installed wheel needs no ini file.

    With ``connection`` set, env.py migrates through it (and inside its transaction).
    """
    from alembic.config import Config

    config = Config()
    # Config values go through ConfigParser interpolation, where "%" is special.
    config.set_main_option("script_location", str(SCRIPT_LOCATION).replace("%", "%%"))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def revision_module(name: str) -> ModuleType:
    """The module of the migration ``name`` in :data:`SCRIPT_LOCATION` (a downgrade that puts back the
    functions an earlier revision wrote reads them from there)."""
    import importlib.util

    path = SCRIPT_LOCATION / "versions" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_mandant_revision_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def head_revision() -> str:
    head = _script().get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations found in {SCRIPT_LOCATION}")
    return head


def _known_revisions(script: ScriptDirectory) -> set[str]:
    return {rev.revision for rev in script.walk_revisions()}


def _current(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE}).get_current_revision()


def _stored_revisions(connection: Connection) -> list[str]:
    """The revisions in the version table; none when there is no such table."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return []
    return list(connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars())


def _status(connection: Connection) -> SchemaStatus:
    """Where the database stands. The usual answers (empty, or exactly at :data:`HEAD_REVISION`)
    come from the version table itself; anything else asks Alembic's script directory."""
    stored = _stored_revisions(connection)
    if not stored:
        return SchemaStatus(current=None, head=HEAD_REVISION, state="empty")
    if stored == [HEAD_REVISION]:
        return SchemaStatus(current=HEAD_REVISION, head=HEAD_REVISION, state="current")
    return _status_by_alembic(connection)


def _status_by_alembic(connection: Connection) -> SchemaStatus:
    script = _script()
    head = script.get_current_head()
    if head is None:
        raise RuntimeError(f"no migrations found in {SCRIPT_LOCATION}")
    current = _current(connection)
    state: State
    if current is None:
        state = "empty"
    elif current == head:
        state = "current"
    elif current in _known_revisions(script):
        state = "outdated"
    else:
        # Not one of ours: written by a newer release of this program.
        state = "too_new"
    return SchemaStatus(current=current, head=head, state=state)


def schema_status(engine: Engine) -> SchemaStatus:
    with engine.connect() as connection:
        return _status(connection)


def _run_alembic_upgrade(connection: Connection) -> None:
    from alembic import command

    with _ALEMBIC_LOCK:
        command.upgrade(alembic_config(connection), "head")


def _too_new(status: SchemaStatus) -> SchemaTooNewError:
    return SchemaTooNewError(
        "This database was upgraded by a newer version of this program (schema {current}; this version "
        "knows schema {head}). Install the newer version; the database was not changed.",
        current=status.current or "?",
        head=status.head,
    )


def _refuse_foreign_tables(connection: Connection, status: SchemaStatus) -> None:
    """An "empty" database with tables in it belongs to something else: never build on top of it."""
    if status.state != "empty":
        return
    tables = [name for name in inspect(connection).get_table_names() if name != VERSION_TABLE]
    if tables:
        raise SchemaUpgradeError(
            "The database is not empty but was not created by this program (it holds tables such as {tables}). "
            "Choose an empty database or one created by this program.",
            tables=", ".join(sorted(tables)[:3]),
        )


# --------------------------------------------------------------------------- upgrade


def upgrade_database(
    engine: Engine,
    *,
    backup_dir: Path | None = None,
    confirm: Callable[[SchemaStatus], bool] | None = None,
) -> UpgradeReport:
    """Bring the database to this program's schema and sync the catalogue (see module docs).

    ``confirm`` is asked before an existing server database is upgraded (None means yes);
    ``backup_dir`` is where SQLite backups go (default: beside the database file).
    """
    if engine.dialect.name == "sqlite":
        try:
            report = _upgrade_sqlite(engine, backup_dir)
            _sync_catalogue_sqlite(engine)
        except OperationalError as exc:
            if "locked" not in str(exc.orig).lower() and "busy" not in str(exc.orig).lower():
                raise
            raise SchemaUpgradeError(
                "Another program kept the database busy, so it could not be upgraded. Close other "
                "copies of this program that use {file} and try again.",
                file=str(sqlite_path(engine.url) or "the database"),
            ) from exc
        return report
    with engine.connect() as connection:
        before = _status(connection)
        # The usual start: the schema is this program's and the catalogue matches the code. Read
        # without the upgrade lock, as on SQLite: taking it, reading the status again and
        # releasing it cost every start half a dozen round trips on the main thread (issue 8).
        in_line = before.state == "current" and not plan_catalogue(connection).changed
        connection.rollback()
    if in_line:
        return UpgradeReport(before=before, after=before, backup_path=None, upgraded=False)
    if before.state == "too_new":
        raise _too_new(before)
    # Ask before taking the lock: a dialog waiting for a person must not hold up other workstations.
    confirmed = before.state == "outdated" and _ask(confirm, before)
    with engine.connect() as connection, _patient(connection), _server_lock(connection):
        report = _upgrade_server(connection, confirm, confirmed=confirmed)
        # Under the same lock: two workstations starting a new release together would otherwise
        # both insert its new permissions.
        with connection.begin():
            sync_catalogue(connection)
    return report


def _upgrade_sqlite(engine: Engine, backup_dir: Path | None) -> UpgradeReport:
    before = schema_status(engine)
    if before.state == "too_new":
        raise _too_new(before)
    if before.state == "current":
        return UpgradeReport(before=before, after=before, backup_path=None, upgraded=False)
    with engine.connect() as connection:
        raw: Any = connection.connection.dbapi_connection
        # Only outside a transaction does this pragma take effect, hence on the driver connection
        # before SQLAlchemy begins one.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            connection.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
            with connection.begin():
                # The write lock is ours now: look again, another workstation may have upgraded.
                status = _status(connection)
                if status.state == "too_new":
                    raise _too_new(status)
                if status.state == "current":
                    return UpgradeReport(before=before, after=status, backup_path=None, upgraded=False)
                _refuse_foreign_tables(connection, status)
                backup_path = None
                if status.state == "outdated":
                    backup_path = _backup_sqlite(engine, status, backup_dir)
                _run_alembic_upgrade(connection)
                _check_foreign_keys(connection)
                after = _status(connection)
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
    log.info("SQLite database upgraded from %s to %s", before.current, after.current)
    return UpgradeReport(before=before, after=after, backup_path=backup_path, upgraded=True)


def _check_foreign_keys(connection: Connection) -> None:
    violations = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if violations:
        tables = sorted({str(row[0]) for row in violations})
        log.error("foreign key violations after upgrade: %s", violations[:20])
        raise SchemaUpgradeError(
            "The upgrade would leave {count} rows pointing at missing rows (tables: {tables}). Nothing was "
            "changed; please report this with the database backup.",
            count=len(violations),
            tables=", ".join(tables),
        )


def _sync_catalogue_sqlite(engine: Engine) -> None:
    with engine.connect() as connection:
        # Reading first keeps the usual start (nothing to sync) from taking the write lock.
        with connection.begin():
            if not plan_catalogue(connection).changed:
                return
        connection.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
        with connection.begin():
            sync_catalogue(connection)


def backup_file_name(database: Path, revision: str, at: dt.datetime) -> str:
    suffix = database.suffix or ".sqlite"
    return f"{database.stem}.before-upgrade.{revision}.{at:%Y%m%d-%H%M%S}{suffix}"


def _backup_sqlite(engine: Engine, status: SchemaStatus, backup_dir: Path | None) -> Path | None:
    database = sqlite_path(engine.url)
    if database is None:
        return None  # in memory: nothing to lose between runs
    target_dir = backup_dir or database.parent
    target_dir.mkdir(parents=True, exist_ok=True)
    first = target_dir / backup_file_name(database, status.current or "empty", dt.datetime.now())
    target, counter = first, 1
    while target.exists():  # two upgrades within a second (tests, or a retry)
        counter += 1
        target = first.with_name(f"{first.stem}-{counter}{first.suffix}")
    source = sqlite3.connect(database, timeout=30)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    log.info("backup of %s (schema %s) written to %s", database, status.current, target)
    return target


def _ask(confirm: Callable[[SchemaStatus], bool] | None, status: SchemaStatus) -> bool:
    if confirm is None or confirm(status):
        return True
    raise UpgradeDeclinedError(
        "The upgrade of the database from schema {current} to {head} was declined. Nothing was changed; "
        "this version of the program cannot work with the database until it is upgraded.",
        current=status.current or "?",
        head=status.head,
    )


def _upgrade_server(
    connection: Connection, confirm: Callable[[SchemaStatus], bool] | None, *, confirmed: bool
) -> UpgradeReport:
    """The upgrade proper, under the lock; the status is read again because another workstation may
    have upgraded while this one waited for the lock or for the operator."""
    before = _status(connection)
    connection.commit()
    if before.state == "too_new":
        raise _too_new(before)
    if before.state == "current":
        return UpgradeReport(before=before, after=before, backup_path=None, upgraded=False)
    _refuse_foreign_tables(connection, before)
    connection.commit()
    if before.state == "outdated" and not confirmed:
        _ask(confirm, before)
    with connection.begin():
        _run_alembic_upgrade(connection)
    after = _status(connection)
    connection.commit()
    log.info("%s database upgraded from %s to %s", backend_name(connection.engine), before.current, after.current)
    return UpgradeReport(before=before, after=after, backup_path=None, upgraded=True)


@contextlib.contextmanager
def _patient(connection: Connection) -> Iterator[None]:
    """No query timeout while waiting for the lock and altering big tables (MariaDB; see db.engine)."""
    raw = connection.connection.dbapi_connection
    set_read_timeout(raw, None)
    try:
        yield
    finally:
        set_read_timeout(raw, MYSQL_QUERY_TIMEOUT_S)


@contextlib.contextmanager
def _server_lock(connection: Connection) -> Iterator[None]:
    """Hold the upgrade lock of this database for the block (session level, not transaction level).

    Taken before the status is read, so that a workstation which waited sees the finished upgrade
    of the other one and does nothing.
    """
    dialect = connection.dialect.name
    deadline = time.monotonic() + LOCK_TIMEOUT_S
    if dialect == "postgresql":
        # Polled rather than blocking: a plain pg_advisory_lock would wait forever.
        while not connection.execute(select(func.pg_try_advisory_lock(_PG_LOCK_KEY))).scalar_one():
            connection.commit()
            if time.monotonic() > deadline:
                raise _lock_timeout()
            time.sleep(_LOCK_POLL_S)
        connection.commit()
        release = select(func.pg_advisory_unlock(_PG_LOCK_KEY))
    else:
        # GET_LOCK names are server-wide: include the database so that databases do not block each other.
        name = f"{_LOCK_NAME}.{connection.engine.url.database}"[:64]
        got = connection.execute(text("SELECT GET_LOCK(:name, :timeout)"), {"name": name, "timeout": LOCK_TIMEOUT_S})
        if got.scalar() != 1:
            connection.commit()
            raise _lock_timeout()
        connection.commit()
        release = select(func.release_lock(name))
    try:
        yield
    finally:
        if connection.in_transaction():
            connection.rollback()
        try:
            connection.execute(release)
            connection.commit()
        except Exception:
            # The lock dies with the session anyway; a failed release must not hide the real error.
            log.warning("could not release the upgrade lock", exc_info=True)


def _lock_timeout() -> SchemaUpgradeError:
    return SchemaUpgradeError(
        "Another workstation is upgrading the database and has not finished within {minutes} minutes. Try again later.",
        minutes=round(LOCK_TIMEOUT_S / 60),
    )


# --------------------------------------------------------------------------- check


def check_database(engine: Engine) -> dict[str, Any]:
    """Facts for ``mandant-admin db check``: schema state, backend and the size of the main tables."""
    with engine.connect() as connection:
        status = _status(connection)
        present = set(inspect(connection).get_table_names())
        counts: dict[str, int | None] = {}
        for label, table in MAIN_TABLES.items():
            if table in present:
                counts[label] = connection.execute(
                    select(func.count()).select_from(tables.metadata.tables[table])
                ).scalar_one()
            else:
                counts[label] = None
    return {
        "backend": backend_name(engine),
        "database": engine.url.render_as_string(hide_password=True),
        "revision": status.current,
        "head": status.head,
        "state": status.state,
        "counts": counts,
    }
