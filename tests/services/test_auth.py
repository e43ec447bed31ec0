"""Operator log-in and the first administrator (SPEC S1, R3), and the log-in's password check
started at launch (issue 8)."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from tenanthelpers import CHEF

from mandant_desktop import __main__ as desktop_main
from mandant_desktop import bootstrap
from mandant_desktop.db.driver_read import HASH_COLUMN, KEY_COLUMN, USERS_TABLE, hash_reader
from mandant_desktop.db.models import (
    AuditEntry,
    InheritanceSource,
    LoginThrottle,
    OrgUnit,
    Role,
    RoleAssignment,
    RolePermission,
    User,
    UserKind,
    UserStatus,
)
from mandant_desktop.domain.errors import AuthenticationError, DomainError, ValidationError
from mandant_desktop.domain.permissions import ADMIN_CODES
from mandant_desktop.services.auth import MAX_FAILED_LOGINS, AuthService, FirstAdmin, throttle_key
from mandant_desktop.services.password_check import PasswordCheck, stored_password_hash
from mandant_desktop.services.passwords import hash_password, needs_rehash

ADMIN = CHEF


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def test_first_admin_on_empty_database(migrated_db: Any) -> None:
    """S1: the first start on an empty database creates the first administrator, who can log in
    with every admin permission (Administrator at the root unit, inherited below)."""
    auth = AuthService(migrated_db.session_factory)
    assert auth.needs_first_admin()
    operator = auth.create_first_admin(ADMIN)
    assert operator.permissions == ADMIN_CODES
    assert not auth.needs_first_admin()
    logged_in = auth.login("CHEF", "Sehr-geheim1")  # user names are case-insensitive
    assert logged_in.id == operator.id and logged_in.permissions == ADMIN_CODES
    with migrated_db.session_factory() as session:
        user = session.scalars(select(User)).one()
        assert user.status == UserStatus.ACTIVE and user.password_hash and user.password_hash.startswith("$argon2id$")
        root = session.scalars(select(OrgUnit)).one()
        assert session.scalars(select(RoleAssignment.org_unit_id)).all() == [root.id]
        assert session.get(InheritanceSource, (user.id, root.id)) is not None
        audit = session.scalars(select(AuditEntry).where(AuditEntry.object_type == "User")).one()
        assert audit.changes is not None and audit.changes["password_hash"] == [None, "***"]
    with pytest.raises(DomainError):
        auth.create_first_admin(ADMIN)


def test_first_admin_validation_changes_nothing(migrated_sqlite: Any) -> None:
    """Bad input gets a clear message and nothing is written."""
    auth = AuthService(migrated_sqlite.session_factory)
    for bad in (
        FirstAdmin("chef", "kurz", "kurz", "chef@example.de"),
        FirstAdmin("chef", "Sehr-geheim1", "Sehr-geheim2", "chef@example.de"),
        FirstAdmin("chef", "Sehr-geheim1", "Sehr-geheim1", "keine-adresse"),
        FirstAdmin("", "Sehr-geheim1", "Sehr-geheim1", "chef@example.de"),
    ):
        with pytest.raises(ValidationError):
            auth.create_first_admin(bad)
    assert auth.needs_first_admin()


def test_wrong_pair_gives_no_hint(migrated_sqlite: Any) -> None:
    """S1: a wrong password and an unknown name get the same message."""
    auth = AuthService(migrated_sqlite.session_factory)
    auth.create_first_admin(ADMIN)
    with pytest.raises(AuthenticationError) as wrong_password:
        auth.login("chef", "falsch")
    with pytest.raises(AuthenticationError) as unknown_user:
        auth.login("niemand", "Sehr-geheim1")
    assert wrong_password.value.message == unknown_user.value.message


def test_lockout_after_repeated_failures(migrated_sqlite: Any) -> None:
    """S1: after repeated failures the account is locked for a while, even for the right password."""
    clock = Clock()
    auth = AuthService(migrated_sqlite.session_factory, clock=clock)
    auth.create_first_admin(ADMIN)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError):
            auth.login("chef", "falsch")
    with pytest.raises(AuthenticationError) as locked:
        auth.login("chef", "Sehr-geheim1")
    assert "locked for 5 minutes" in locked.value.message
    clock.now += dt.timedelta(minutes=6)
    assert auth.login("chef", "Sehr-geheim1").username == "chef"


def test_an_unknown_name_is_locked_out_like_a_known_one(migrated_sqlite: Any) -> None:
    """S1: the lock-out does not reveal which names exist: the same messages in the same order."""
    clock = Clock()
    auth = AuthService(migrated_sqlite.session_factory, clock=clock)
    auth.create_first_admin(ADMIN)

    def messages(name: str) -> list[str]:
        seen = []
        for _ in range(MAX_FAILED_LOGINS + 1):
            with pytest.raises(AuthenticationError) as refused:
                auth.login(name, "falsch")
            seen.append(refused.value.message)
        return seen

    known, unknown = messages("chef"), messages("niemand")
    assert known == unknown
    assert "locked for 5 minutes" in known[-1] and "wrong" in known[0]
    clock.now += dt.timedelta(minutes=6)
    with pytest.raises(AuthenticationError, match="wrong"):
        auth.login("niemand", "falsch")


def test_the_hash_is_renewed_when_the_parameters_change(migrated_sqlite: Any) -> None:
    """S1: a hash made with older (weaker) argon2 parameters is re-computed at the next log-in."""
    from argon2 import PasswordHasher

    auth = AuthService(migrated_sqlite.session_factory)
    auth.create_first_admin(ADMIN)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("Sehr-geheim1")
    with migrated_sqlite.session_factory.begin() as session:
        session.scalars(select(User).where(User.username == "chef")).one().password_hash = weak
    auth.login("chef", "Sehr-geheim1")
    with migrated_sqlite.session_factory() as session:
        renewed = session.scalars(select(User).where(User.username == "chef")).one().password_hash
    assert renewed != weak and renewed.startswith("$argon2id$")
    assert not needs_rehash(renewed)
    assert auth.login("chef", "Sehr-geheim1").username == "chef"


def _add_user(factory: Any, name: str, **extra: Any) -> int:
    with factory() as session:
        user = User(
            username=name,
            username_key=name,
            kind=extra.pop("kind", UserKind.INTERNAL),
            status=extra.pop("status", UserStatus.ACTIVE),
            password_hash=hash_password("Passwort1"),
            **extra,
        )
        session.add(user)
        session.commit()
        return user.id


def test_user_without_role_cannot_log_in(migrated_sqlite: Any) -> None:
    """R3: a user with no role in any unit cannot log in."""
    auth = AuthService(migrated_sqlite.session_factory)
    auth.create_first_admin(ADMIN)
    _add_user(migrated_sqlite.session_factory, "ohne.rolle")
    with pytest.raises(AuthenticationError) as caught:
        auth.login("ohne.rolle", "Passwort1")
    assert "no role" in caught.value.message
    assert "R3" not in caught.value.message  # a requirement ID means nothing to the user


def test_permissions_are_the_union_of_every_role_in_every_unit(migrated_db: Any) -> None:
    """R3: the operator's permissions are those of all their roles in all units together, each
    counted once however many units hold the role; another user's roles add nothing."""
    auth = AuthService(migrated_db.session_factory)
    auth.create_first_admin(ADMIN)
    user_id = _add_user(migrated_db.session_factory, "mehrfach")
    other_id = _add_user(migrated_db.session_factory, "andere")
    first = {"users.view", "users.edit", "tenants.view"}
    second = {"tenants.view", "customers.view"}
    third = {"roles.edit"}
    with migrated_db.session_factory() as session:
        root = session.scalars(select(OrgUnit)).one()
        units = [root] + [OrgUnit(name=f"Einheit {n}", parent_id=root.id, depth=1, sort_order=n) for n in range(3)]
        session.add_all(units[1:])
        roles = [Role(name=f"Rolle {n}", name_key=f"rolle {n}", description="") for n in range(3)]
        session.add_all(roles)
        session.flush()
        for role, codes in zip(roles, (first, second, third), strict=True):
            session.add_all(RolePermission(role_id=role.id, permission_code=code) for code in codes)
        session.add_all(RoleAssignment(user_id=user_id, role_id=roles[0].id, org_unit_id=unit.id) for unit in units)
        session.add(RoleAssignment(user_id=user_id, role_id=roles[1].id, org_unit_id=units[2].id))
        session.add(RoleAssignment(user_id=other_id, role_id=roles[2].id, org_unit_id=root.id))
        session.commit()
    assert auth.login("mehrfach", "Passwort1").permissions == first | second
    assert auth.login("andere", "Passwort1").permissions == third


@pytest.mark.parametrize(
    ("extra", "expected"),
    [({"kind": UserKind.EXTERNAL}, "External"), ({"status": UserStatus.DEACTIVATED}, "not active")],
)
def test_external_and_inactive_users_refused(migrated_sqlite: Any, extra: dict[str, Any], expected: str) -> None:
    """S1: only active internal users are operators."""
    auth = AuthService(migrated_sqlite.session_factory)
    auth.create_first_admin(ADMIN)
    _add_user(migrated_sqlite.session_factory, "jemand", **extra)
    with pytest.raises(AuthenticationError) as caught:
        auth.login("jemand", "Passwort1")
    assert expected in caught.value.message


def test_log_in_is_bookkeeping_not_a_change_of_the_user(migrated_sqlite: Any) -> None:
    """S4: logging in (and failing to) leaves the user's version and "last changed" alone, so a
    conflict message never names a log-in as someone's change."""
    clock = Clock()
    auth = AuthService(migrated_sqlite.session_factory, clock=clock)
    operator = auth.create_first_admin(ADMIN)

    def stamp() -> tuple[int, Any, Any]:
        with migrated_sqlite.session_factory() as session:
            user = session.get(User, operator.id)
            assert user is not None
            return user.version, user.updated_at, user.updated_by

    before = stamp()
    with pytest.raises(AuthenticationError):
        auth.login("chef", "falsch")
    auth.login("chef", "Sehr-geheim1")
    assert stamp() == before
    with migrated_sqlite.session_factory() as session:
        user = session.get(User, operator.id)
        assert user is not None and user.last_login_at == clock.now


def test_a_save_elsewhere_during_log_in_does_not_break_it(
    migrated_sqlite: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S1, S4: another workstation saves while the password is being checked (argon2 takes a
    moment). On SQLite a transaction that read before that save cannot write afterwards; the log-in
    (and the failure count of a wrong password) must still go through."""
    from mandant_desktop.services import auth as auth_module

    auth = AuthService(migrated_sqlite.session_factory)
    auth.create_first_admin(ADMIN)
    real_verify = auth_module.verify_password

    def verify_while_another_workstation_saves(stored: str | None, password: str) -> bool:
        with migrated_sqlite.session_factory() as other:
            other.add(OrgUnit(name="Elsewhere", depth=0))
            other.commit()
        return real_verify(stored, password)

    monkeypatch.setattr(auth_module, "verify_password", verify_while_another_workstation_saves)
    with pytest.raises(AuthenticationError, match="wrong"):
        auth.login("chef", "falsch")
    assert auth.login("chef", "Sehr-geheim1").username == "chef"
    with migrated_sqlite.session_factory() as session:
        user = session.scalars(select(User)).one()
        assert user.failed_logins == 0 and user.last_login_at is not None


def test_failed_attempts_are_counted_in_the_database(migrated_db: Any) -> None:
    """S1: failures count on every backend, the lock starts at the limit and the count restarts."""
    clock = Clock()
    auth = AuthService(migrated_db.session_factory, clock=clock)
    auth.create_first_admin(ADMIN)
    for expected in range(1, MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError):
            auth.login("chef", "falsch")
        with migrated_db.session_factory() as session:
            user = session.scalars(select(User)).one()
            assert (user.failed_logins, user.locked_until) == (expected, None)
    with pytest.raises(AuthenticationError):
        auth.login("chef", "falsch")
    with migrated_db.session_factory() as session:
        user = session.scalars(select(User)).one()
        assert user.failed_logins == 0
        assert user.locked_until == clock.now + dt.timedelta(minutes=5)


def test_two_workstations_creating_the_first_admin_at_once(migrated_db: Any) -> None:
    """S1, S4: two workstations on one empty database: exactly one first administrator."""
    import threading

    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def create(name: str) -> None:
        auth = AuthService(migrated_db.session_factory)
        data = FirstAdmin(name, "Sehr-geheim1", "Sehr-geheim1", f"{name}@example.de")
        barrier.wait()
        try:
            auth.create_first_admin(data)
            outcomes.append("created")
        except DomainError:
            outcomes.append("refused")

    threads = [threading.Thread(target=create, args=(name,)) for name in ("erste", "zweite")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["created", "refused"]
    with migrated_db.session_factory() as session:
        assert len(session.scalars(select(User)).all()) == 1


def _throttle_rows(db: Any) -> list[tuple[str, int, dt.datetime | None]]:
    with db.session_factory() as session:
        return [
            (row.name_hash, row.failed_logins, row.locked_until)
            for row in session.scalars(select(LoginThrottle).order_by(LoginThrottle.name_hash))
        ]


def test_an_unknown_name_is_locked_on_every_workstation_and_after_a_restart(migrated_db: Any) -> None:
    """S1: the failures of an unknown name are counted in the database: a second workstation (or
    the program started again) sees the same count and the same lock; the name is stored only as
    a hash; the lock expires like a user's and its row goes."""
    clock = Clock()
    first, second = (AuthService(migrated_db.session_factory, clock=clock) for _ in range(2))
    first.create_first_admin(ADMIN)
    for attempt in range(MAX_FAILED_LOGINS):
        workstation = (first, second)[attempt % 2]
        with pytest.raises(AuthenticationError, match="wrong"):
            workstation.login("Niemand", "mein-Passwort")
    [(digest, count, until)] = _throttle_rows(migrated_db)
    assert digest == throttle_key("niemand") and "niemand" not in digest.casefold()
    assert (count, until) == (0, clock.now + dt.timedelta(minutes=5))
    restarted = AuthService(migrated_db.session_factory, clock=clock)
    with pytest.raises(AuthenticationError, match="locked for 5 minutes"):
        restarted.login("niemand", "mein-Passwort")
    with migrated_db.engine.connect() as conn:  # nothing typed is stored readable
        dump = repr(conn.execute(text("SELECT * FROM login_throttle")).all())
    assert "iemand" not in dump and "mein-Passwort" not in dump

    clock.now += dt.timedelta(minutes=6)
    with pytest.raises(AuthenticationError, match="wrong"):
        second.login("niemand", "mein-Passwort")  # the lock expired: counting starts again
    assert [(c, u) for _, c, u in _throttle_rows(migrated_db)] == [(1, None)]


def test_expired_locks_are_removed_and_a_log_in_forgets_its_name(migrated_sqlite: Any) -> None:
    """S1: a failure removes every expired lock; a successful log-in removes what the name had
    collected while it did not exist yet."""
    clock = Clock()
    auth = AuthService(migrated_sqlite.session_factory, clock=clock)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError):
            auth.login("gesperrt", "x")
    with pytest.raises(AuthenticationError):
        auth.login("chef", "x")  # before the user exists
    assert len(_throttle_rows(migrated_sqlite)) == 2
    clock.now += dt.timedelta(minutes=6)
    with pytest.raises(AuthenticationError):
        auth.login("andere", "x")
    assert {d for d, _, _ in _throttle_rows(migrated_sqlite)} == {throttle_key("chef"), throttle_key("andere")}
    auth.create_first_admin(ADMIN)
    auth.login("chef", "Sehr-geheim1")
    assert {d for d, _, _ in _throttle_rows(migrated_sqlite)} == {throttle_key("andere")}


def test_two_workstations_counting_one_unknown_name_lose_no_failure(
    migrated_db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S1, S4: two workstations (two sessions, two threads) fail on the same unknown name at the
    same moment, round after round: every failure counts, and the lock starts at the limit."""
    import threading

    monkeypatch.setattr("mandant_desktop.services.auth.burn_verification_time", lambda _password: None)
    limit = 41  # many rounds below the limit: a lost update would show in the count
    monkeypatch.setattr("mandant_desktop.services.auth.MAX_FAILED_LOGINS", limit)
    clock = Clock()
    rounds = (limit - 1) // 2
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def workstation() -> None:
        auth = AuthService(migrated_db.session_factory, clock=clock)
        for _ in range(rounds):
            barrier.wait(timeout=30)
            try:
                auth.login("Phantom", "falsch")
            except AuthenticationError as exc:
                outcomes.append(exc.message)

    threads = [threading.Thread(target=workstation) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(outcomes) == 2 * rounds and all("wrong" in m for m in outcomes)
    assert [(c, u) for _, c, u in _throttle_rows(migrated_db)] == [(2 * rounds, None)]
    auth = AuthService(migrated_db.session_factory, clock=clock)
    for _ in range(limit - 2 * rounds):
        with pytest.raises(AuthenticationError, match="wrong"):
            auth.login("phantom", "falsch")
    with pytest.raises(AuthenticationError, match="locked"):
        auth.login("phantom", "falsch")


# ------------------------------------------------------------- the check started at launch (issue 8)


def _stored_hash(db: Any) -> str:
    with db.session_factory() as session:
        stored = session.scalar(select(User.password_hash).where(User.username_key == "chef"))
    assert stored
    return str(stored)


def test_the_early_read_names_the_users_table_and_columns() -> None:
    """Issue 8: the early reads of the hash (the driver's and Core's) agree with the model they must
    not import."""
    assert User.__table__.name == USERS_TABLE
    assert {KEY_COLUMN, HASH_COLUMN} <= set(User.__table__.columns.keys())


def test_the_check_reads_the_hash_of_the_name_in_any_spelling(migrated_db: Any) -> None:
    """Issue 8, S1: the early read finds the user by the case-insensitive key, on every backend."""
    AuthService(migrated_db.session_factory).create_first_admin(ADMIN)
    with migrated_db.engine.connect() as connection:
        assert stored_password_hash(connection, " CHEF ") == _stored_hash(migrated_db)
        assert stored_password_hash(connection, "niemand") is None


def test_the_outcome_counts_only_for_the_hash_and_password_it_verified() -> None:
    """S1: the log-in takes an early outcome only for the very hash it read and the very password;
    for anything else it must verify by itself (None)."""
    stored = hash_password("Sehr-geheim1")
    right = PasswordCheck(stored, "Sehr-geheim1")
    assert right.outcome(stored, "Sehr-geheim1") is True
    assert right.outcome(hash_password("Sehr-geheim1"), "Sehr-geheim1") is None  # another hash
    assert right.outcome(stored, "other") is None
    assert right.outcome(None, "Sehr-geheim1") is None
    wrong = PasswordCheck(stored, "falsch")
    assert wrong.outcome(stored, "falsch") is False


def test_nothing_is_checked_ahead_without_a_hash_to_check(tmp_path: Any, migrated_sqlite: Any) -> None:
    """Issue 8: an unknown user or a read that fails (a file without the schema, a server that does
    not answer) starts no early check; the open and the log-in then decide as before."""
    AuthService(migrated_sqlite.session_factory).create_first_admin(ADMIN)
    url = migrated_sqlite.engine.url.render_as_string(hide_password=False)
    assert bootstrap.start_password_check(url, "niemand", "x") is None
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    assert bootstrap.start_password_check(f"sqlite:///{empty}", "chef", "x") is None
    assert bootstrap.start_password_check("postgresql://nobody@127.0.0.1:1/none", "chef", "x") is None


def _refused_and_counted(auth: AuthService, db: Any, wrong: PasswordCheck | None) -> None:
    """The log-in refuses "falsch" checked ahead by ``wrong`` and counts it as chef's one failure."""
    assert wrong is not None
    with pytest.raises(AuthenticationError):
        auth.login("chef", "falsch", precheck=wrong)
    with db.session_factory() as session:
        assert session.scalar(select(User.failed_logins).where(User.username_key == "chef")) == 1


def test_log_in_with_an_early_check_from_the_database(migrated_db: Any) -> None:
    """S1, issue 8: bootstrap starts the check on the database's URL; the log-in accepts the right
    password through it and refuses a wrong one (counted as a failure) on every backend."""
    auth = AuthService(migrated_db.session_factory)
    auth.create_first_admin(ADMIN)
    url = migrated_db.engine.url.render_as_string(hide_password=False)
    right = bootstrap.start_password_check(url, "chef", "Sehr-geheim1")
    assert right is not None
    assert auth.login("chef", "Sehr-geheim1", precheck=right).username == "chef"
    _refused_and_counted(auth, migrated_db, bootstrap.start_password_check(url, "chef", "falsch"))


def test_the_driver_reads_the_hash_the_core_read_reads(migrated_db: Any) -> None:
    """Issue 8, S1: on SQLite and PostgreSQL the driver's read of the hash at launch
    (``db.driver_read``) finds the hash the Core read finds (an unknown name: none); MariaDB/MySQL
    is left to the Core read."""
    AuthService(migrated_db.session_factory).create_first_admin(ADMIN)
    url = migrated_db.engine.url.render_as_string(hide_password=False)
    if migrated_db.engine.url.get_backend_name() == "mysql":
        assert hash_reader(url, "chef") is None
        return
    read = hash_reader(url, "chef")
    assert read is not None
    assert read() == _stored_hash(migrated_db)
    unknown = hash_reader(url, "niemand")
    assert unknown is not None
    assert unknown() is None


def test_the_driver_reads_a_sqlite_file_given_as_a_path_or_a_url(
    migrated_sqlite: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 8: the forms ``--db`` takes for a file: a path (relative to the working folder),
    ``sqlite:///`` with a relative or absolute path, any driver name (the program uses its own)."""
    AuthService(migrated_sqlite.session_factory).create_first_admin(ADMIN)
    path = Path(str(migrated_sqlite.engine.url.database))
    expected = _stored_hash(migrated_sqlite)
    monkeypatch.chdir(path.parent)
    for url in (str(path), path.name, f"sqlite:///{path.name}", f"sqlite:///{path}", f"sqlite+pysqlite:///{path}"):
        read = hash_reader(url, "chef")
        assert read is not None, url
        assert read() == expected, url


def test_log_in_with_the_check_started_at_launch(migrated_db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """S1, issue 8: the check ``mandant-desktop`` starts at launch from MANDANT_USER and
    MANDANT_PASSWORD (with the driver's read of the hash on SQLite and PostgreSQL, through Core on
    MariaDB) lets the right password in and counts a wrong one as a failure, on every backend."""
    auth = AuthService(migrated_db.session_factory)
    auth.create_first_admin(ADMIN)
    url = migrated_db.engine.url.render_as_string(hide_password=False)
    args = argparse.Namespace(db=url, demo=False)
    monkeypatch.setenv(bootstrap.ENV_USER, " CHEF ")
    monkeypatch.setenv(bootstrap.ENV_PASSWORD, "Sehr-geheim1")
    right = desktop_main._start_password_check(args)
    assert right is not None
    assert right.outcome(_stored_hash(migrated_db), "Sehr-geheim1") is True
    assert auth.login("chef", "Sehr-geheim1", precheck=right).username == "chef"
    monkeypatch.setenv(bootstrap.ENV_PASSWORD, "falsch")
    _refused_and_counted(auth, migrated_db, desktop_main._start_password_check(args))


def test_an_early_read_that_fails_leaves_the_check_to_the_log_in(migrated_sqlite: Any) -> None:
    """S1: when the early read of the hash fails, nothing is verified ahead (no outcome) and the
    log-in verifies the password itself."""
    auth = AuthService(migrated_sqlite.session_factory)
    auth.create_first_admin(ADMIN)

    def broken() -> str | None:
        raise sqlite3.OperationalError("unable to open database file")

    early = PasswordCheck(None, "Sehr-geheim1", read=broken)
    assert early.outcome(_stored_hash(migrated_sqlite), "Sehr-geheim1") is None
    assert auth.login("chef", "Sehr-geheim1", precheck=early).username == "chef"
    with pytest.raises(AuthenticationError):
        auth.login("chef", "falsch", precheck=PasswordCheck(None, "falsch", read=broken))


def test_an_early_check_of_an_old_hash_is_not_trusted(migrated_sqlite: Any) -> None:
    """S1: when the password changed after the early check read the hash, the log-in verifies the
    new hash itself: the old password no longer opens the account, the new one does."""
    auth = AuthService(migrated_sqlite.session_factory)
    auth.create_first_admin(ADMIN)
    early = PasswordCheck(_stored_hash(migrated_sqlite), "Sehr-geheim1")
    assert early.outcome(_stored_hash(migrated_sqlite), "Sehr-geheim1") is True
    with migrated_sqlite.session_factory.begin() as session:
        session.execute(User.__table__.update().values(password_hash=hash_password("Neu-geheim2")))
    with pytest.raises(AuthenticationError):
        auth.login("chef", "Sehr-geheim1", precheck=early)
    assert auth.login("chef", "Neu-geheim2", precheck=early).username == "chef"


def test_a_locked_account_stays_locked_with_a_right_early_check(migrated_sqlite: Any) -> None:
    """S1: the lock-out is the log-in's decision; a right password verified early does not open it."""
    auth = AuthService(migrated_sqlite.session_factory, clock=Clock())
    auth.create_first_admin(ADMIN)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError):
            auth.login("chef", "falsch")
    early = PasswordCheck(_stored_hash(migrated_sqlite), "Sehr-geheim1")
    with pytest.raises(AuthenticationError) as locked:
        auth.login("chef", "Sehr-geheim1", precheck=early)
    assert "locked" in locked.value.message


def test_no_early_check_for_a_sqlite_file_that_does_not_exist(tmp_path: Any) -> None:
    """Issue 8: a new database is created and upgraded by the open, not by the early check."""
    missing = tmp_path / "new.sqlite"
    assert bootstrap.start_password_check(f"sqlite:///{missing}", "chef", "x") is None
    assert not missing.exists()


@pytest.mark.parametrize(
    ("username", "password", "field"),
    [("", "", "username"), ("  ", "Sehr-geheim1", "username"), ("chef", "", "password")],
)
def test_an_empty_field_is_named_without_a_password_check(
    migrated_sqlite: Any, monkeypatch: pytest.MonkeyPatch, username: str, password: str, field: str
) -> None:
    """S1: an empty user name or password is named as missing (the user name first, as in the form),
    not answered with "wrong pair"; no password is checked and no failed attempt is counted."""
    auth = AuthService(migrated_sqlite.session_factory)
    auth.create_first_admin(ADMIN)
    checked: list[str] = []
    monkeypatch.setattr("mandant_desktop.services.auth.verify_password", lambda *a: checked.append("verify"))
    monkeypatch.setattr("mandant_desktop.services.auth.burn_verification_time", lambda *a: checked.append("burn"))
    with pytest.raises(ValidationError) as refused:
        auth.login(username, password)
    assert refused.value.field == field
    expected = {"username": "Please enter a user name.", "password": "Please enter your password."}
    assert refused.value.message == expected[field]
    assert checked == []
    with migrated_sqlite.session_factory() as session:
        assert session.scalar(select(User.failed_logins).where(User.username == "chef")) == 0
        assert session.scalars(select(LoginThrottle)).all() == []
