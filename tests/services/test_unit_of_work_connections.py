"""The unit of work's connections on the servers: as few round trips as it takes, a lost pooled
connection replaced before any work, and the operator's row-level security context never carried
from one transaction to the next (SPEC S1, S5, T8; issue 8).

Each service call on PostgreSQL used to cost five round trips before and after its query: the
pool's ping, BEGIN, ``set_config`` of the operator, the query, ROLLBACK. Now BEGIN and the operator
go in one message and the ping is sent only to a connection idle for ``PING_AFTER_IDLE_S``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from dbhelpers import SERVER_BACKENDS, MigratedDatabase, _admin_engine, app_login, migrated_database
from sqlalchemy import Engine, event, select, text
from sqlalchemy.exc import InternalError

from mandant_desktop.db import engine as engine_module
from mandant_desktop.db.engine import create_engine_for, make_session_factory
from mandant_desktop.db.models import AccessLevel, Contact, Tenant
from mandant_desktop.domain.errors import DatabaseUnavailableError
from mandant_desktop.services.contacts import ContactInput, ContactService
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.unit_of_work import UnitOfWork

ALICE = Operator(id=1, username="alice", workstation="ws-alice")


@pytest.fixture(params=SERVER_BACKENDS)
def server(request: pytest.FixtureRequest) -> Iterator[MigratedDatabase]:
    with migrated_database(request.param) as db:
        yield db


@pytest.fixture
def postgres() -> Iterator[MigratedDatabase]:
    with migrated_database("postgresql") as db:
        yield db


def _statements(engine: Engine) -> list[str]:
    sent: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda _c, _cur, statement, *_a: sent.append(statement))
    return sent


def _pings(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    pings: list[object] = []
    ping = engine.dialect.do_ping

    def counted(dbapi_connection: Any) -> bool:
        pings.append(dbapi_connection)
        return ping(dbapi_connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counted)
    return pings


def _backend_id(engine: Engine) -> int:
    with engine.connect() as connection:
        query = "SELECT pg_backend_pid()" if engine.dialect.name == "postgresql" else "SELECT CONNECTION_ID()"
        return int(connection.scalar(text(query)) or 0)


def _end_connection(engine: Engine, backend_id: int) -> None:
    """What a server restart or an administrator does to one workstation's connection."""
    kind = "postgresql" if engine.dialect.name == "postgresql" else "mariadb"
    admin = _admin_engine(kind)
    try:
        with admin.connect() as connection:
            if kind == "postgresql":
                connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend_id})
            else:
                connection.execute(text(f"KILL {int(backend_id)}"))
    finally:
        admin.dispose()


def _tenant_names(db: MigratedDatabase, *, core: bool = False) -> list[str]:
    with UnitOfWork(db.session_factory, ALICE, write=False, core=core) as uow:
        return list(uow.connection.scalars(select(Tenant.name).order_by(Tenant.name)))


def _add_tenant(db: MigratedDatabase, name: str) -> None:
    with UnitOfWork(db.session_factory, ALICE) as uow:
        uow.session.add(Tenant(name=name, name_key=name.casefold()))
        uow.commit()


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("core", [False, True], ids=["session", "core"])
def test_a_read_on_postgresql_sends_begin_and_operator_as_one_statement(postgres: MigratedDatabase, core: bool) -> None:
    """Issue 8 (S1): BEGIN READ ONLY and the operator's setting go together, then the query; the
    connection used a moment ago is not pinged; the transaction ends with ROLLBACK as before."""
    _add_tenant(postgres, "Nord")
    _tenant_names(postgres, core=core)  # the pool's connection, used just now
    sent = _statements(postgres.engine)
    pings = _pings(postgres.engine, pytest.MonkeyPatch())
    assert _tenant_names(postgres, core=core) == ["Nord"]
    assert pings == []
    assert len(sent) == 2
    assert sent[0] == "BEGIN READ ONLY; SELECT set_config('app.operator_id', '1', true)"
    assert sent[1].startswith("SELECT tenant.name")


def test_a_read_only_unit_of_work_cannot_write_on_postgresql(postgres: MigratedDatabase) -> None:
    """S3: a unit of work opened for reading is read-only at the server too."""
    with (
        UnitOfWork(postgres.session_factory, ALICE, write=False) as uow,
        pytest.raises(InternalError, match="read-only"),
    ):
        uow.connection.execute(Tenant.__table__.insert().values(name="Süd", name_key="süd"))
    _add_tenant(postgres, "Nord")  # and the connection goes back to the pool fit for writing
    assert _tenant_names(postgres) == ["Nord"]


def test_a_write_begins_read_write_and_commits(postgres: MigratedDatabase) -> None:
    """S3, issue 8: a writing unit of work begins with the operator in one statement and commits."""
    sent = _statements(postgres.engine)
    _add_tenant(postgres, "Nord")
    assert sent[0] == "BEGIN; SELECT set_config('app.operator_id', '1', true)"
    with postgres.engine.connect() as connection:  # not in autocommit once back in the pool
        connection.execute(Tenant.__table__.insert().values(name="Süd", name_key="süd"))
        connection.rollback()
    assert _tenant_names(postgres) == ["Nord"]


def test_a_pooled_connection_is_pinged_only_after_being_idle(
    server: MigratedDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5, issue 8: no ping for a connection used a moment ago, one for a connection idle longer
    than ``PING_AFTER_IDLE_S``."""
    _add_tenant(server, "Nord")
    pings = _pings(server.engine, monkeypatch)
    for _ in range(3):
        assert _tenant_names(server) == ["Nord"]
    assert pings == []
    monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_S", 0.0)
    assert _tenant_names(server) == ["Nord"]
    assert len(pings) == 1


# --------------------------------------------------------------------------- lost connections


def test_a_connection_ended_while_idle_is_replaced_by_the_ping(
    server: MigratedDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5: a pooled connection the server ended while it was idle fails its ping; the call gets a
    new connection and succeeds, as with the pool's pre-ping before."""
    _add_tenant(server, "Nord")
    _end_connection(server.engine, _backend_id(server.engine))
    monkeypatch.setattr(engine_module, "PING_AFTER_IDLE_S", 0.0)
    assert _tenant_names(server) == ["Nord"]
    _add_tenant(server, "Süd")
    assert _tenant_names(server) == ["Nord", "Süd"]


@pytest.mark.parametrize("kind", ["read", "core", "write"])
def test_a_connection_ended_since_its_last_use_is_replaced_at_begin_on_postgresql(
    postgres: MigratedDatabase, kind: str
) -> None:
    """S5, issue 8: without a ping, the unit of work's BEGIN finds the connection lost before any
    work and begins again on a new one: the call succeeds."""
    _add_tenant(postgres, "Nord")
    before = _backend_id(postgres.engine)
    _end_connection(postgres.engine, before)
    if kind == "write":
        _add_tenant(postgres, "Süd")
        assert _tenant_names(postgres) == ["Nord", "Süd"]
    else:
        assert _tenant_names(postgres, core=kind == "core") == ["Nord"]
    assert _backend_id(postgres.engine) != before


def test_a_connection_ended_since_its_last_use_on_mariadb_reports_the_loss_once(
    migrated_db_mariadb: MigratedDatabase,
) -> None:
    """S5: MariaDB begins with the first query itself, so a connection lost since its last use (and
    not idle long enough to be pinged) fails that call with the clear message, as a loss during a
    call always did; the pool renews its connections and the next call succeeds."""
    db = migrated_db_mariadb
    _add_tenant(db, "Nord")
    _end_connection(db.engine, _backend_id(db.engine))
    with pytest.raises(DatabaseUnavailableError, match="connection to the database was lost"):
        _tenant_names(db)
    assert _tenant_names(db) == ["Nord"]


@pytest.fixture
def migrated_db_mariadb() -> Iterator[MigratedDatabase]:
    with migrated_database("mariadb") as db:
        yield db


def test_a_server_that_is_away_still_gives_the_clear_message(postgres: MigratedDatabase) -> None:
    """S5: the connection ended and the server refusing new ones: the second BEGIN fails too, with
    the message the banner shows, and once the server is back the next call succeeds."""
    _add_tenant(postgres, "Nord")
    name = postgres.engine.url.database
    admin = _admin_engine("postgresql")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false'))
        _end_connection(postgres.engine, _backend_id(postgres.engine))
        with pytest.raises(DatabaseUnavailableError, match="connection to the database was lost"):
            _tenant_names(postgres)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true'))
        admin.dispose()
    assert _tenant_names(postgres) == ["Nord"]


# --------------------------------------------------------------------------- row-level security


@dataclass
class TwoOperators:
    engine: Engine  # our engine, as the application login (row-level security applies)
    mia: Operator
    tom: Operator


@pytest.fixture
def two_operators(tmp_path: Path) -> Iterator[TwoOperators]:
    from tenanthelpers import add_tenants, add_user, grant, operator, router

    with migrated_database("postgresql", tmp_path) as db:
        nord, sued = add_tenants(db.session_factory, "Mandant Nord", "Mandant Süd")
        mia = add_user(db.session_factory, "mia")
        tom = add_user(db.session_factory, "tom")
        grant(db.session_factory, mia, {nord: AccessLevel.FULL, sued: AccessLevel.HIDDEN})
        grant(db.session_factory, tom, {nord: AccessLevel.HIDDEN, sued: AccessLevel.READ_ONLY})
        contacts = ContactService(router(db))
        for tenant, name in ((nord, "Nordkontakt"), (sued, "Südkontakt")):
            contacts.save_contact(system_operator(), tenant, ContactInput(last_name=name))
        with app_login(db, "mandant_uow") as login:
            engine = create_engine_for(login.url)
            try:
                yield TwoOperators(engine, operator(mia, "mia"), operator(tom, "tom"))
            finally:
                engine.dispose()


def test_two_operators_on_one_pooled_connection_each_see_only_their_rows(two_operators: TwoOperators) -> None:
    """S1, T8: operators taking turns on the same pooled connection (and the same server process,
    with its prepared statements) each see only their tenants' rows; outside a unit of work the
    connection names no operator and sees nothing."""
    factory = make_session_factory(two_operators.engine)
    seen: dict[str, set[str]] = {"mia": set(), "tom": set()}
    backends = set()
    for turn in range(8):  # more than psycopg's prepare threshold of five
        for op in (two_operators.mia, two_operators.tom):
            with UnitOfWork(factory, op, write=False, core=turn % 2 == 1) as uow:
                names = set(uow.connection.scalars(select(Contact.last_name)))
                backends.add(uow.connection.scalar(text("SELECT pg_backend_pid()")))
            assert names == ({"Nordkontakt"} if op is two_operators.mia else {"Südkontakt"})
            seen[op.username] |= names
    assert seen == {"mia": {"Nordkontakt"}, "tom": {"Südkontakt"}}
    assert len(backends) == 1
    with two_operators.engine.connect() as connection:
        assert connection.scalar(text("SELECT pg_backend_pid()")) in backends
        assert not connection.scalar(text("SELECT current_setting('app.operator_id', true)"))
        assert list(connection.scalars(select(Contact.last_name))) == []


def test_a_core_read_ends_with_one_rollback_and_no_transaction_left(
    migrated_db: MigratedDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S4, issue 8: a reading Core unit of work ends its transaction with one rollback (PyMySQL
    sends ROLLBACK whether a transaction is open or not: a second one from the pool was a round
    trip of every such read on MariaDB), and the pooled connection carries no transaction, hence no
    snapshot, into the next unit of work: a row committed in between is seen."""
    db = migrated_db
    assert _tenant_names(db, core=True) == []  # the engine's first connection set up
    rollbacks: list[object] = []
    rollback = db.engine.dialect.do_rollback

    def counted(dbapi_connection: Any) -> None:
        rollbacks.append(dbapi_connection)
        rollback(dbapi_connection)

    monkeypatch.setattr(db.engine.dialect, "do_rollback", counted)
    assert _tenant_names(db, core=True) == []
    assert len(rollbacks) == 1
    _add_tenant(db, "Nord")
    assert _tenant_names(db, core=True) == ["Nord"]
