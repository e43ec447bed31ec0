"""The log-in's password check started at launch (issue 8 ``startup``; SPEC S1: the password is
verified before anything is shown, with the same argon2 parameters)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from mandant_desktop import bootstrap
from mandant_desktop.db.models import User
from mandant_desktop.domain.errors import AuthenticationError
from mandant_desktop.services.auth import MAX_FAILED_LOGINS, AuthService, FirstAdmin
from mandant_desktop.services.password_check import USER_TABLE, PasswordCheck, stored_password_hash
from mandant_desktop.services.passwords import hash_password

ADMIN = FirstAdmin(
    username="chef",
    password="Sehr-geheim1",
    password_repeat="Sehr-geheim1",
    email="chef@example.de",
    first_name="Karla",
    last_name="Chef",
)


def _stored(db: Any) -> str:
    with db.session_factory() as session:
        stored = session.scalar(select(User.password_hash).where(User.username_key == "chef"))
    assert stored
    return str(stored)


def test_the_early_read_names_the_users_table_and_columns() -> None:
    """Issue 8: the Core read of the hash agrees with the model it must not import."""
    assert USER_TABLE.name == User.__table__.name
    assert {column.name for column in USER_TABLE.columns} <= set(User.__table__.columns.keys())


def test_the_check_reads_the_hash_of_the_name_in_any_spelling(migrated_db: Any) -> None:
    """Issue 8, S1: the early read finds the user by the case-insensitive key, on every backend."""
    AuthService(migrated_db.session_factory).create_first_admin(ADMIN)
    with migrated_db.engine.connect() as connection:
        assert stored_password_hash(connection, " CHEF ") == _stored(migrated_db)
        assert stored_password_hash(connection, "niemand") is None


def test_the_outcome_counts_only_for_the_hash_and_password_it_verified() -> None:
    """S1: the log-in takes an early outcome only for the very hash it read and the very password;
    for anything else it must verify by itself (None)."""
    stored = hash_password("Sehr-geheim1")
    right = PasswordCheck(lambda: stored, "Sehr-geheim1")
    assert right.outcome(stored, "Sehr-geheim1") is True
    assert right.outcome(hash_password("Sehr-geheim1"), "Sehr-geheim1") is None  # another hash
    assert right.outcome(stored, "other") is None
    assert right.outcome(None, "Sehr-geheim1") is None
    wrong = PasswordCheck(lambda: stored, "falsch")
    assert wrong.outcome(stored, "falsch") is False


def test_a_failed_read_leaves_the_check_to_the_log_in() -> None:
    """Issue 8: an early read that fails (schema not there yet, server gone) decides nothing."""

    def broken() -> str | None:
        raise RuntimeError("no such table")

    assert PasswordCheck(broken, "x").outcome("$argon2id$whatever", "x") is None
    assert PasswordCheck(lambda: None, "x").outcome("$argon2id$whatever", "x") is None


def test_log_in_with_an_early_check_from_the_database(migrated_db: Any) -> None:
    """S1, issue 8: bootstrap starts the check on the database's URL; the log-in accepts the right
    password through it and refuses a wrong one (counted as a failure) on every backend."""
    auth = AuthService(migrated_db.session_factory)
    auth.create_first_admin(ADMIN)
    url = migrated_db.engine.url.render_as_string(hide_password=False)
    right = bootstrap.start_password_check(url, "chef", "Sehr-geheim1")
    assert right is not None
    assert auth.login("chef", "Sehr-geheim1", precheck=right).username == "chef"
    wrong = bootstrap.start_password_check(url, "chef", "falsch")
    assert wrong is not None
    with pytest.raises(AuthenticationError):
        auth.login("chef", "falsch", precheck=wrong)
    with migrated_db.session_factory() as session:
        assert session.scalar(select(User.failed_logins).where(User.username_key == "chef")) == 1


def test_an_early_check_of_an_old_hash_is_not_trusted(migrated_sqlite: Any) -> None:
    """S1: when the password changed after the early check read the hash, the log-in verifies the
    new hash itself: the old password no longer opens the account, the new one does."""
    auth = AuthService(migrated_sqlite.session_factory)
    auth.create_first_admin(ADMIN)
    early = PasswordCheck(lambda: _stored(migrated_sqlite), "Sehr-geheim1")
    assert early.outcome(_stored(migrated_sqlite), "Sehr-geheim1") is True
    with migrated_sqlite.session_factory.begin() as session:
        session.execute(User.__table__.update().values(password_hash=hash_password("Neu-geheim2")))
    with pytest.raises(AuthenticationError):
        auth.login("chef", "Sehr-geheim1", precheck=early)
    assert auth.login("chef", "Neu-geheim2", precheck=early).username == "chef"


def test_a_locked_account_stays_locked_with_a_right_early_check(migrated_sqlite: Any) -> None:
    """S1: the lock-out is the log-in's decision; a right password verified early does not open it."""
    now = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
    auth = AuthService(migrated_sqlite.session_factory, clock=lambda: now)
    auth.create_first_admin(ADMIN)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError):
            auth.login("chef", "falsch")
    early = PasswordCheck(lambda: _stored(migrated_sqlite), "Sehr-geheim1")
    with pytest.raises(AuthenticationError) as locked:
        auth.login("chef", "Sehr-geheim1", precheck=early)
    assert "locked" in locked.value.message


def test_no_early_check_for_a_sqlite_file_that_does_not_exist(tmp_path: Any) -> None:
    """Issue 8: a new database is created and upgraded by the open, not by the early check."""
    missing = tmp_path / "new.sqlite"
    assert bootstrap.start_password_check(f"sqlite:///{missing}", "chef", "x") is None
    assert not missing.exists()
