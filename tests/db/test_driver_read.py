"""The log-in's stored password hash read with the driver alone, before SQLAlchemy is imported
(issue 8 ``startup``, SPEC S1): it reads what the Core read reads, never creates a SQLite file,
and leaves every URL it cannot take apart as SQLAlchemy would to the Core read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg

from mandant_desktop.db.driver_read import hash_reader, postgresql_params
from mandant_desktop.db.engine import normalize_url


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://mandant@db.example.org/mandant",
        "postgresql+psycopg://us%40er:p%2Fa%3Ass@Host.Example:6543/Mandant%20Eins",
        "postgres://mandant:geheim@127.0.0.1/mandant?sslmode=require&connect_timeout=2",
        "postgresql:///mandant?host=/var/run/postgresql",
        "postgresql://mandant@localhost",
    ],
)
def test_postgresql_parameters_are_those_sqlalchemy_passes_psycopg(url: str) -> None:
    """Issue 8: the driver connects to the server, database and user that the engine would."""
    _args, expected = PGDialect_psycopg().create_connect_args(normalize_url(url))
    assert postgresql_params(url) == expected


@pytest.mark.parametrize(
    "url",
    ["postgresql://mandant@h1:5432,h2:5432/mandant", "postgresql://mandant@[::1]:5432/mandant", "postgresql://h:x/db"],
)
def test_postgresql_urls_it_does_not_take_apart_are_left_to_sqlalchemy(url: str) -> None:
    assert postgresql_params(url) is None
    assert hash_reader(url, "chef") is None


def test_a_sqlite_file_that_does_not_exist_is_neither_read_nor_created(tmp_path: Path) -> None:
    """Issue 8: a new database is created and upgraded by the open, not by the early read."""
    missing = tmp_path / "new" / "mandant.sqlite"
    assert hash_reader(f"sqlite:///{missing}", "chef") is None
    assert hash_reader(str(missing), "chef") is None
    assert not missing.parent.exists()


def test_a_sqlite_file_removed_before_the_read_is_not_created(tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(b"")
    read = hash_reader(str(copy), "chef")
    assert read is not None
    copy.unlink()
    with pytest.raises(sqlite3.OperationalError):
        read()
    assert not copy.exists()


@pytest.mark.parametrize(
    "url", ["sqlite://", "sqlite:///:memory:", "sqlite:///{file}?mode=ro", "mysql://root@h/db", ""]
)
def test_sqlite_urls_with_options_and_other_backends_are_left_to_sqlalchemy(url: str, tmp_path: Path) -> None:
    file = tmp_path / "mandant.sqlite"
    sqlite3.connect(file).close()
    assert hash_reader(url.format(file=file), "chef") is None
