"""Engine setup per backend (SPEC S6, S5)."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from dbhelpers import MARIADB_BASE, POSTGRES_BASE, require_backend
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from mandant_desktop.db import engine as engine_module
from mandant_desktop.db.engine import (
    SQLITE_BEGIN,
    backend_name,
    create_engine_for,
    normalize_url,
    sqlite_path,
    verify_connection,
)
from mandant_desktop.domain.errors import DatabaseUnavailableError

SECRET = "Geh3im!pw@42"


@pytest.fixture
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    engine = create_engine_for(sqlite_url)
    yield engine
    engine.dispose()


def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(sqlite_engine: Engine) -> None:
    """S6: the local file is safe for several processes: WAL, foreign keys on, a busy timeout."""
    with sqlite_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == engine_module.SQLITE_BUSY_TIMEOUT_MS


def test_sqlite_write_transactions_take_the_lock_at_begin(sqlite_engine: Engine) -> None:
    """S4: a writer holds the write lock from BEGIN IMMEDIATE on, so a second writer waits at its
    start instead of failing half-way through its work."""
    with sqlite_engine.connect() as setup:
        setup.exec_driver_sql("CREATE TABLE t (x INTEGER)")
        setup.commit()
    with sqlite_engine.connect() as writer:
        writer.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
        writer.begin()
        raw = writer.connection.dbapi_connection
        assert raw is not None and raw.in_transaction
        # The lock is held before the writer has written anything (a DEFERRED begin would take none).
        other = sqlite3.connect(sqlite_engine.url.database or "", timeout=0, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
        with sqlite_engine.connect() as reader:
            # WAL: reading goes on while the writer holds its lock.
            assert reader.exec_driver_sql("SELECT count(*) FROM t").scalar() == 0
        writer.rollback()
    with sqlite_engine.connect() as reader:
        # Without the option a transaction begins DEFERRED and takes no lock until it writes.
        reader.begin()
        other = sqlite3.connect(sqlite_engine.url.database or "", timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.rollback()
        finally:
            other.close()
        reader.rollback()


def test_wal_checkpoints_run_on_their_own_thread(tmp_path: Path) -> None:
    """Issue 8: a commit no longer copies the write-ahead log back into the file itself (automatic
    checkpoints are off); the checkpoint thread does it after the commit, and a missing file is
    left missing."""
    engine = create_engine_for(f"sqlite:///{tmp_path / 'wal.sqlite'}")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
        before = engine_module.checkpointer().done
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x INTEGER)")
            connection.exec_driver_sql("INSERT INTO t VALUES (1)")
        deadline = time.monotonic() + 10
        while engine_module.checkpointer().done == before and time.monotonic() < deadline:
            time.sleep(0.05)
        assert engine_module.checkpointer().done > before
        with engine.connect() as connection:
            _busy, in_log, copied = connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
            assert in_log == copied  # everything in the log is in the file already
    finally:
        engine.dispose()
    engine_module.checkpointer().checkpoint(tmp_path / "gone.sqlite")
    assert not (tmp_path / "gone.sqlite").exists()


def test_wal_checkpoints_of_a_relative_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 8: ``--db sqlite:///demo.sqlite`` (a path relative to the working folder) is checkpointed
    like any other file; the checkpoint thread died on it ("relative path can't be expressed as a
    file URI") and took the later checkpoints of the process with it."""
    monkeypatch.chdir(tmp_path)
    failures: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))
    engine = create_engine_for("sqlite:///relative.sqlite")
    try:
        before = engine_module.checkpointer().done
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x INTEGER)")
        deadline = time.monotonic() + 10
        while engine_module.checkpointer().done == before and time.monotonic() < deadline and not failures:
            time.sleep(0.05)
        assert failures == []
        assert engine_module.checkpointer().done > before
    finally:
        engine.dispose()


def test_sqlite_in_memory_has_no_path() -> None:
    assert sqlite_path(make_url("sqlite://")) is None
    assert sqlite_path(make_url("sqlite:///:memory:")) is None
    assert sqlite_path(make_url("postgresql+psycopg://h/db")) is None


@pytest.mark.parametrize(
    ("given", "driver", "query"),
    [
        ("postgresql://u@db.example/mandant", "postgresql+psycopg", {}),
        ("postgres://u@db.example/mandant", "postgresql+psycopg", {}),
        ("postgresql+psycopg://u@db.example/mandant", "postgresql+psycopg", {}),
        ("mariadb://u@db.example/mandant", "mysql+pymysql", {"charset": "utf8mb4"}),
        ("mysql://u@db.example/mandant", "mysql+pymysql", {"charset": "utf8mb4"}),
        ("mysql://u@db.example/mandant?charset=utf8", "mysql+pymysql", {"charset": "utf8"}),
    ],
)
def test_server_urls_get_the_shipped_driver(given: str, driver: str, query: dict[str, str]) -> None:
    """S6: users type plain URLs; the application uses the drivers it ships, MariaDB with utf8mb4."""
    url = normalize_url(given)
    assert url.drivername == driver
    assert dict(url.query) == query
    assert url.database == "mandant"


def test_a_bare_path_means_a_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """S6: a file path (relative, absolute or with ~) is a SQLite database."""
    monkeypatch.chdir(tmp_path)
    url = normalize_url("data/mandant.sqlite")
    assert url.drivername == "sqlite"
    assert sqlite_path(url) == tmp_path / "data" / "mandant.sqlite"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert sqlite_path(normalize_url("~/m.sqlite")) == tmp_path / "m.sqlite"
    assert backend_name(url) == "SQLite"


@pytest.mark.parametrize("bad", ["", "   ", "oracle://u@h/db", "postgresql://u@h:notaport/db"])
def test_unusable_urls_are_refused_in_plain_words(bad: str) -> None:
    with pytest.raises(DatabaseUnavailableError):
        normalize_url(bad)


def test_password_never_shows_in_the_url_or_messages() -> None:
    """S6: a password from the keyring is used for connecting, but never rendered."""
    engine = create_engine_for("postgresql://mandant@127.0.0.1:1/mandant", password=SECRET)
    try:
        assert engine.url.password == SECRET
        assert SECRET not in str(engine.url)
        assert SECRET not in repr(engine)
        with pytest.raises(DatabaseUnavailableError) as refused:
            verify_connection(engine)
        _assert_secret_absent(refused.value)
    finally:
        engine.dispose()


def test_password_in_the_url_is_hidden_too() -> None:
    engine = create_engine_for(f"mariadb://mandant:{SECRET.replace('@', '%40')}@127.0.0.1:1/mandant")
    try:
        assert engine.url.password == SECRET
        assert SECRET not in str(engine.url)
        with pytest.raises(DatabaseUnavailableError) as refused:
            verify_connection(engine)
        _assert_secret_absent(refused.value)
    finally:
        engine.dispose()


def test_wrong_password_on_a_real_server_is_a_clean_error() -> None:
    """S5, S6: the server's refusal reaches the user in plain words, without the password."""
    require_backend("mariadb")
    engine = create_engine_for(f"{MARIADB_BASE}/mysql", password=SECRET)
    try:
        with pytest.raises(DatabaseUnavailableError, match="Access denied") as refused:
            verify_connection(engine)
        _assert_secret_absent(refused.value)
    finally:
        engine.dispose()


def _assert_secret_absent(error: BaseException) -> None:
    assert SECRET not in str(error)
    assert SECRET not in "".join(traceback.format_exception(error))


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts TCP connections but never answers, like a hung server or a firewall
    that swallows packets after the handshake."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept_and_ignore() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            held.append(connection)

    thread = threading.Thread(target=accept_and_ignore, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


@pytest.mark.parametrize(("scheme", "timeout"), [("postgresql", 2), ("mariadb", 1)])
def test_unreachable_server_fails_fast_with_a_clear_error(
    silent_server: int, monkeypatch: pytest.MonkeyPatch, scheme: str, timeout: int
) -> None:
    """S5: a server that does not answer is reported after the connect timeout, not after minutes.
    (libpq rounds timeouts below 2 s up to 2 s.)"""
    monkeypatch.setattr(engine_module, "CONNECT_TIMEOUT_S", timeout)
    engine = create_engine_for(f"{scheme}://mandant@127.0.0.1:{silent_server}/mandant", password=SECRET)
    started = time.monotonic()
    try:
        with pytest.raises(DatabaseUnavailableError) as refused:
            verify_connection(engine)
    finally:
        engine.dispose()
    assert time.monotonic() - started < timeout + 3
    assert "127.0.0.1" in refused.value.message
    _assert_secret_absent(refused.value)


def test_refused_connection_is_immediate() -> None:
    engine = create_engine_for("postgresql://mandant@127.0.0.1:1/mandant")
    started = time.monotonic()
    try:
        with pytest.raises(DatabaseUnavailableError):
            verify_connection(engine)
    finally:
        engine.dispose()
    assert time.monotonic() - started < 2


def test_mariadb_queries_get_the_query_timeout_after_a_short_handshake() -> None:
    """S5: the short timeout is for connecting only; queries may take up to the query timeout."""
    require_backend("mariadb")
    engine = create_engine_for(f"{MARIADB_BASE}/mysql")
    try:
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert getattr(raw, "_read_timeout", None) == engine_module.MYSQL_QUERY_TIMEOUT_S
    finally:
        engine.dispose()


def test_verify_connection_accepts_a_working_database(sqlite_engine: Engine) -> None:
    verify_connection(sqlite_engine)
    with sqlite_engine.connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar() == 1


def test_a_driver_error_without_text_is_still_a_clean_error(
    sqlite_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5: some driver failures carry no message at all; the user still gets the plain refusal
    (naming the kind of failure) rather than an internal error from building the message."""

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("SELECT 1", {}, ConnectionResetError())

    monkeypatch.setattr(Engine, "connect", fail)
    with pytest.raises(DatabaseUnavailableError) as refused:
        verify_connection(sqlite_engine)
    assert refused.value.values["detail"] == "OperationalError"


def test_new_file_switches_to_wal_even_while_another_connection_holds_it(tmp_path: Path) -> None:
    """S4: two workstations opening a new SQLite file together. Switching to WAL needs the file
    alone, and SQLite refuses at once while another connection holds a lock; the switch waits for
    the lock instead of failing the start (seen as a flaky two-workstation upgrade before)."""
    path = tmp_path / "neu.sqlite"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t (x INTEGER)")
    holder.execute("BEGIN IMMEDIATE")  # the other workstation is writing (still in rollback-journal mode)
    holder.execute("INSERT INTO t VALUES (1)")

    def release_soon() -> None:
        time.sleep(0.5)
        holder.execute("COMMIT")

    releaser = threading.Thread(target=release_soon)
    releaser.start()
    engine = create_engine_for(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        releaser.join()
        holder.close()
        engine.dispose()


@pytest.mark.parametrize("backend", ["postgresql", "mariadb"])
def test_a_failed_connection_says_why_in_plain_words(backend: str) -> None:
    """S5, S6, E1: a refused port, a database that is not there and a refused log-in each say what
    is wrong and what to check, before the driver's own English words (kept in parentheses); they
    said only the driver's words ("connection failed: … Connection refused", "(1049, "Unknown
    database 'x'")")."""
    require_backend(backend)
    base = make_url(POSTGRES_BASE if backend == "postgresql" else MARIADB_BASE)
    cases = {
        "does not answer. Is it running, and are host and port right? (": base.set(port=1, database="mandant"),
        "there is no database mandant_nicht_da on the server. (": base.set(database="mandant_nicht_da"),
        "the server refused the user niemand; the user name or the password is wrong. (": base.set(
            username="niemand", database="mandant"
        ),
    }
    for words, url in cases.items():
        wrong_password = SECRET if "niemand" in words else None  # the test servers let root and postgres in without one
        engine = create_engine_for(url.render_as_string(hide_password=False), password=wrong_password)
        try:
            with pytest.raises(DatabaseUnavailableError) as refused:
                verify_connection(engine)
        finally:
            engine.dispose()
        assert str(refused.value).startswith("Cannot connect to ") and words in str(refused.value), str(refused.value)
        _assert_secret_absent(refused.value)


def test_a_file_that_is_no_database_is_said_so(tmp_path: Path) -> None:
    """S6, E1: a profile pointing at a file that is no SQLite database says so; it said only
    SQLite's "file is not a database"."""
    letter = tmp_path / "brief.sqlite"
    letter.write_text("Sehr geehrte Damen und Herren, " * 200, encoding="utf-8")
    engine = create_engine_for(f"sqlite:///{letter}")
    try:
        with pytest.raises(DatabaseUnavailableError) as refused:
            verify_connection(engine)
    finally:
        engine.dispose()
    assert "the file is no SQLite database. (file is not a database)" in str(refused.value)
