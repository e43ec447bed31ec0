"""Engine setup per backend (SPEC S6): SQLite, PostgreSQL (psycopg 3), MariaDB/MySQL (PyMySQL).

SQLite runs in WAL mode with foreign keys on and a busy timeout. Its transactions begin DEFERRED
by default; a unit of work that writes asks for ``BEGIN IMMEDIATE`` through the execution option
:data:`SQLITE_BEGIN`, so two workstations never deadlock on a read lock that wants to become a write
lock half-way through.

On the servers every round trip counts (issue 8): a pooled connection is pinged before use only
when it has been idle for :data:`PING_AFTER_IDLE_S` (:func:`_ping_when_idle`), the pool hands out
the connection used last, and on PostgreSQL :func:`begin_with_settings` sends BEGIN and the
transaction's settings in one message.
"""

from __future__ import annotations

import functools
import logging
import sqlite3
import threading
import time
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, InvalidatePoolError

from mandant_desktop.db.driver_read import application_name
from mandant_desktop.domain.errors import DatabaseUnavailableError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

SQLITE_BEGIN = "mandant_sqlite_begin"
CONNECT_TIMEOUT_S = 5
#: a MariaDB/MySQL query with no answer for this long counts as a lost connection (SPEC S5)
MYSQL_QUERY_TIMEOUT_S = 60
SQLITE_BUSY_TIMEOUT_MS = 10_000
#: GROUP_CONCAT's limit in our MariaDB/MySQL sessions: max_allowed_packet's own maximum (1 GiB);
#: a longer value could not be sent to us anyway
MYSQL_GROUP_CONCAT_MAX_LEN = 1 << 30
#: a pooled server connection idle for longer than this is pinged before it is handed out (SPEC S5);
#: one used more recently goes out unpinged (issue 8: the ping was a round trip of every call)
PING_AFTER_IDLE_S = 10.0
#: ``record.info`` key: when the connection went back into the pool (``time.monotonic()``)
_IDLE_SINCE = "mandant_idle_since"
#: ``record.info`` key: :func:`begin_with_settings` switched the driver to autocommit for its BEGIN
_OWN_BEGIN = "mandant_own_begin"

_DRIVERS = {
    "sqlite": "sqlite",
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "mysql": "mysql+pymysql",
    "mariadb": "mysql+pymysql",
}


def normalize_url(url: str | URL) -> URL:
    """Turn a user-given URL into one with the driver this application ships.

    ``postgresql://…`` becomes ``postgresql+psycopg://…``, ``mariadb://…`` and ``mysql://…``
    become ``mysql+pymysql://…?charset=utf8mb4``; a plain file path means a SQLite file.
    """
    if isinstance(url, str):
        text = url.strip()
        if not text:
            raise DatabaseUnavailableError("No database given.")
        if "://" not in text:
            text = "sqlite:///" + str(Path(text).expanduser().resolve())
        try:
            parsed = make_url(text)
        except (ArgumentError, ValueError):  # ValueError: a port that is not a number
            raise DatabaseUnavailableError("This is not a database address: {url}", url=_safe(text)) from None
    else:
        parsed = url
    backend = parsed.get_backend_name()
    if backend not in _DRIVERS:
        raise DatabaseUnavailableError(
            "Unsupported database type {backend}; use SQLite, PostgreSQL or MariaDB/MySQL.", backend=backend
        )
    driver = _DRIVERS[backend]
    parsed = parsed.set(drivername=driver)
    if driver == "mysql+pymysql" and "charset" not in parsed.query:
        parsed = parsed.update_query_dict({"charset": "utf8mb4"})
    return parsed


def _safe(text: str) -> str:
    """The URL as text with any password replaced, for messages and logs."""
    try:
        return make_url(text).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "<invalid>"


def backend_name(engine_or_url: Engine | URL) -> str:
    url = engine_or_url.url if isinstance(engine_or_url, Engine) else engine_or_url
    name = url.get_backend_name()
    return {"postgresql": "PostgreSQL", "mysql": "MariaDB/MySQL", "sqlite": "SQLite"}.get(name, name)


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for an in-memory database."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    return Path(database)


def create_engine_for(url: str | URL, *, password: str | None = None, echo: bool = False) -> Engine:
    """An engine for ``url`` with the settings this application relies on.

    ``password`` comes from the keyring and overrides any password in the URL; it never appears in
    logs or messages (SQLAlchemy renders URLs with ``***``).
    """
    parsed = normalize_url(url)
    if password is not None:
        parsed = parsed.set(password=password)
    backend = parsed.get_backend_name()
    kwargs: dict[str, Any] = {"echo": echo, "future": True}
    if backend == "sqlite":
        path = sqlite_path(parsed)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        engine = create_engine(parsed, **kwargs)
        # absolute for the checkpoint thread, which opens the file by URI (a relative path has none)
        _configure_sqlite(engine, path.absolute() if path is not None else None)
        return engine
    if backend == "postgresql":
        kwargs["connect_args"] = {
            "connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": application_name(),
            # A server that vanishes mid-query must not hang a workstation for the OS default of
            # about two hours: TCP keepalives notice a dead peer within about a minute (SPEC S5).
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
        }
    else:
        kwargs["connect_args"] = {
            "connect_timeout": CONNECT_TIMEOUT_S,
            # PyMySQL reads the server's greeting under read_timeout, not connect_timeout: a server
            # that accepts and then hangs would keep the user waiting for the full query timeout.
            # Short for the handshake; _configure_mysql sets the query timeout once connected.
            "read_timeout": CONNECT_TIMEOUT_S,
            "write_timeout": MYSQL_QUERY_TIMEOUT_S,
        }
        kwargs["isolation_level"] = "READ COMMITTED"
    # LIFO: the connection used last goes out again, with its server process's caches and prepared
    # statements warm; the others stay idle (and are pinged when next used).
    kwargs.update(pool_recycle=1800, pool_size=5, max_overflow=5, pool_use_lifo=True)
    engine = create_engine(parsed, **kwargs)
    _ping_when_idle(engine)
    if backend == "mysql":
        _configure_mysql(engine)
    if backend == "postgresql":
        # An executemany INSERT (ORM flushes, Core inserts of a list) goes as INSERT … VALUES of up
        # to 1,000 rows per statement, as SQLAlchemy does for psycopg2, instead of one statement per
        # row: each statement fires the statement-level triggers of revisions 0009, 0011 and 0012
        # once (issue 8). The rows and their order are the same.
        engine.dialect.use_insertmanyvalues_wo_returning = True
    return engine


def _ping_when_idle(engine: Engine) -> None:
    """Ping a pooled connection before use only when it has been idle for :data:`PING_AFTER_IDLE_S`.

    It replaces ``pool_pre_ping``, which pinged before every checkout: a round trip of every service
    call, most of them on a connection that answered a moment before (issue 8). Connections die
    while idle (a server's or a firewall's idle timeout, a restart during the night); those are
    caught here as before: the ping fails, every pooled connection is replaced and the caller gets
    a new one. A connection lost within the idle time fails at its first statement: a unit of work
    on PostgreSQL starts again on a new connection (its first statement is its BEGIN), anything else
    reports the lost connection (SPEC S5), and the pool renews its connections.
    """
    dialect = engine.dialect

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection: Any, record: Any) -> None:
        if record.info.pop(_OWN_BEGIN, False) and dbapi_connection is not None:
            _end_own_begin(dbapi_connection, record)
        record.info[_IDLE_SINCE] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get(_IDLE_SINCE)
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_S:
            return  # new (just connected) or in use a moment ago
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as exc:
            if not dialect.is_disconnect(exc, dbapi_connection, None):
                raise
            # as pool_pre_ping does: the pool replaces its connections and hands out a new one
            raise InvalidatePoolError(str(exc)) from exc


def _end_own_begin(dbapi_connection: Any, record: Any) -> None:
    """The driver back to managing transactions once the connection returns to the pool."""
    try:
        dbapi_connection.autocommit = False
    except Exception:  # closed, or still in a transaction: never hand such a connection out again
        log.warning("a connection returned in an unclear state; discarded", exc_info=True)
        record.invalidate()


def begin_with_settings(connection: Connection, settings: Mapping[str, str], *, read_only: bool = False) -> None:
    """PostgreSQL: begin the transaction of ``connection`` with ``settings`` (configuration
    parameters such as ``app.operator_id``) in force for this transaction alone.

    psycopg sends its own BEGIN as a round trip before the first statement, and ``set_config``
    would be a second one before the work itself (issue 8). Here BEGIN and the ``set_config(…,
    true)`` calls (``SET LOCAL``) go as one message: the driver is told not to begin by itself
    (autocommit, switched back when the connection returns to the pool), and commits and rolls back
    the transaction the server reports open as before. ``read_only`` begins ``READ ONLY``: the server
    refuses any write. A connection whose transaction has begun already gets the settings alone.
    """
    from psycopg import pq

    raw = connection.connection.driver_connection
    assert raw is not None
    pairs = tuple(settings.items())
    if raw.pgconn.transaction_status != pq.TransactionStatus.IDLE or raw.autocommit:
        connection.exec_driver_sql(_settings_sql(pairs, None))
        return
    raw.autocommit = True  # no BEGIN of the driver's: ours goes with the settings
    connection.connection.info[_OWN_BEGIN] = True
    connection.exec_driver_sql(_settings_sql(pairs, "BEGIN READ ONLY" if read_only else "BEGIN"))


@functools.lru_cache(maxsize=64)
def _settings_sql(settings: tuple[tuple[str, str], ...], begin: str | None) -> str:
    """``[BEGIN; ]SELECT set_config(name, value, true), …`` with the values quoted by psycopg."""
    from psycopg import sql

    assigned = sql.SQL(", ").join(
        sql.SQL("set_config({}, {}, true)").format(sql.Literal(name), sql.Literal(value)) for name, value in settings
    )
    select = sql.SQL("SELECT {}").format(assigned)
    return (select if begin is None else sql.SQL("{}; {}").format(sql.SQL(begin), select)).as_string()


#: ``Connection.info`` key on MariaDB/MySQL: the server's ``max_allowed_packet`` for the connection
MYSQL_MAX_PACKET = "mandant_max_allowed_packet"


def _configure_mysql(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        set_read_timeout(dbapi_connection, MYSQL_QUERY_TIMEOUT_S)
        with dbapi_connection.cursor() as cursor:
            # GROUP_CONCAT (db/aggregates.py) would be cut at 1,024 bytes by MySQL's default
            cursor.execute(f"SET SESSION group_concat_max_len = {MYSQL_GROUP_CONCAT_MAX_LEN}")
            # the largest statement the server takes, for the size of bulk statements (db/bulk.py)
            cursor.execute("SELECT @@max_allowed_packet")
            (packet,) = cursor.fetchone()
            _record.info[MYSQL_MAX_PACKET] = int(packet)


def set_read_timeout(dbapi_connection: Any, seconds: float | None) -> None:
    """How long a MariaDB/MySQL connection waits for an answer (None: for ever).

    Work that legitimately takes long on the server — a schema upgrade of a big table, waiting for
    another workstation's upgrade lock — widens it for its duration. PyMySQL has no public setter;
    ``_read_timeout`` is what it consults before every read (and has been since 0.7).
    """
    if hasattr(dbapi_connection, "_read_timeout"):
        dbapi_connection._read_timeout = seconds


def _configure_sqlite(engine: Engine, path: Path | None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the driver so that BEGIN is ours (see module docs).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if path is not None:
            _ensure_wal(cursor)
            cursor.execute("PRAGMA wal_autocheckpoint=0")  # the checkpointer thread does them
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    if path is not None:

        @event.listens_for(engine, "commit")
        def _on_commit(_connection: Any) -> None:
            checkpointer().after_commit(path)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


class WalCheckpointer:
    """SQLite's WAL checkpoints on a thread of their own (issue 8).

    Left to SQLite, the connection whose commit takes the write-ahead log past 1,000 pages copies
    the log back into the database file right then, with an fsync: a large change (ticking
    "inherit" at the root writes 10,000 rows and their index entries) waited 50 to 100 ms longer
    for its commit, and the page waited with it. So connections switch automatic checkpoints off,
    and after commits this thread runs a passive checkpoint, which waits for no reader or writer.
    Commits close together share one checkpoint (:data:`delay_s`). One thread serves every SQLite
    file of the process; it opens a connection per checkpoint and never creates a missing file.
    SQLite still checkpoints by itself when the last connection to a file closes.
    """

    def __init__(self, delay_s: float = 0.5) -> None:
        self.delay_s = delay_s
        self._pending: set[Path] = set()
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        #: checkpoints done (tests read it)
        self.done = 0

    def after_commit(self, path: Path) -> None:
        with self._lock:
            self._pending.add(path)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="sqlite-checkpoints", daemon=True)
                self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            time.sleep(self.delay_s)  # the commits of one burst share the checkpoint
            self._wake.clear()
            with self._lock:
                paths, self._pending = self._pending, set()
            for path in paths:
                self.checkpoint(path)

    def checkpoint(self, path: Path) -> None:
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=1)
        except sqlite3.Error:
            return  # the file is gone (a test's temporary database): nothing to do
        try:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            self.done += 1
        except sqlite3.Error as exc:
            log.debug("checkpoint of %s skipped: %s", path, exc)
        finally:
            connection.close()


_checkpointer: WalCheckpointer | None = None


def checkpointer() -> WalCheckpointer:
    """The process's checkpoint thread (started with the first commit to a SQLite file)."""
    global _checkpointer
    if _checkpointer is None:
        _checkpointer = WalCheckpointer()
    return _checkpointer


def _ensure_wal(cursor: Any) -> None:
    """Switch the file to WAL once; later connections find it in WAL already and change nothing.

    The switch needs the file to itself, and SQLite answers "database is locked" at once, without
    waiting for the busy timeout, while another connection holds a lock on it — as when two
    workstations open a new file together. So the switch is retried within the busy timeout.
    """
    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


if TYPE_CHECKING:
    _MakerBase = sessionmaker[Session]
else:
    _MakerBase = object


class SessionFactory(_MakerBase):
    """The application's :class:`~sqlalchemy.orm.sessionmaker`, made when the first session is.

    Creating a sessionmaker imports ``sqlalchemy.orm`` (about a tenth of a second), which a start
    does without: the log-in and the start page work on Core connections of :attr:`engine`
    (``UnitOfWork(..., core=True)``), and the ORM is imported once the window is usable (issue 8).
    It offers what the program uses of a sessionmaker: calling it, :meth:`begin` and
    ``kw["bind"]``; for type checking it is one (mypy checks these against sessionmaker's own).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.kw: dict[str, Any] = {"bind": engine, "expire_on_commit": False, "autoflush": True}
        self._maker: sessionmaker[Session] | None = None
        self._lock = threading.Lock()

    @property
    def maker(self) -> sessionmaker[Session]:
        """The sessionmaker itself (made, and the ORM imported, on first use)."""
        maker = self._maker
        if maker is None:
            with self._lock:
                if self._maker is None:
                    from sqlalchemy.orm import sessionmaker

                    self._maker = sessionmaker(**self.kw)
                maker = self._maker
        return maker

    def __call__(self, **local_kw: Any) -> Session:
        return self.maker(**local_kw)

    def begin(self) -> AbstractContextManager[Session]:
        return self.maker.begin()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return SessionFactory(engine)


def engine_of(session_factory: sessionmaker[Session]) -> Engine:
    """The engine a session factory binds, without making a session (nor importing the ORM)."""
    bind = session_factory.kw["bind"]
    assert isinstance(bind, Engine)
    return bind


def verify_connection(engine: Engine) -> None:
    """Connect once; turn every failure into a :class:`DatabaseUnavailableError` in plain words.

    The driver's own message is kept (it says "password authentication failed", "Unknown
    database" …), but any password in it is replaced, and the exception is not chained, so that
    neither a log nor a traceback dialog can show it.
    """
    password = engine.url.password
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except Exception as exc:  # every driver raises its own kinds
        lines = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        detail = lines[0] if lines else ""
        if password:
            detail = detail.replace(str(password), "***")
        url = engine.url
        said = {"target": url.render_as_string(hide_password=True), "detail": detail}
        # Each cause a user can act on says what to check, before the driver's own (English) words.
        refusals = {
            "host": DatabaseUnavailableError(
                "Cannot connect to {target}: the server name {host} is not known. Check the host name. ({detail})",
                host=url.host or "",
                **said,
            ),
            "answer": DatabaseUnavailableError(
                "Cannot connect to {target}: the server does not answer. Is it running, and are host and port "
                "right? ({detail})",
                **said,
            ),
            "login": DatabaseUnavailableError(
                "Cannot connect to {target}: the server refused the user {user}; the user name or the password "
                "is wrong. ({detail})",
                user=url.username or "",
                **said,
            ),
            "database": DatabaseUnavailableError(
                "Cannot connect to {target}: there is no database {database} on the server. ({detail})",
                database=url.database or "",
                **said,
            ),
            "file": DatabaseUnavailableError(
                "Cannot connect to {target}: the file is no SQLite database. ({detail})", **said
            ),
        }
        cause = _known_cause(detail)
        if cause is not None:
            raise refusals[cause] from None
        raise DatabaseUnavailableError(
            "Cannot connect to {target}: {detail}", target=said["target"], detail=detail or type(exc).__name__
        ) from None


#: the words of the drivers' messages (psycopg, PyMySQL) for each cause a user can act on, most telling first
_CAUSES = (
    ("host", ("failed to resolve host", "name or service not known", "nodename nor servname", "getaddrinfo failed")),
    ("answer", ("connection refused", "timeout expired", "timed out", "can't connect to mysql server")),
    ("login", ("password authentication failed", "no password supplied", "access denied for user", 'role "')),
    ("database", ("unknown database", "does not exist")),
    ("file", ("file is not a database",)),
)


def _known_cause(detail: str) -> str | None:
    """Why a connection failed, in one word, when the driver's message says it; None otherwise."""
    text = detail.casefold()
    return next((cause for cause, words in _CAUSES if any(word in text for word in words)), None)
