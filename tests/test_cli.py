"""The headless CLI ``mandant-admin`` (SPEC E9, section 9; S9 upgrade, S7 export, S6 passwords)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from dbhelpers import require_backend
from sqlalchemy import create_engine, text

from mandant_desktop.cli import (
    EXIT_DATABASE,
    EXIT_FILE,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_SCHEMA,
    EXIT_USAGE,
    main,
)
from mandant_desktop.services.exports import ASSIGNMENT_HEADERS

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "cli.sqlite"


def _error_line(captured: pytest.CaptureFixture[str]) -> str:
    err = captured.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("mandant-admin: error: ")
    return lines[0]


def test_upgrade_check_demo_export(db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """E9: db upgrade on a fresh SQLite file reports before → after, db check shows revision,
    backend and counts (also as JSON), demo fills the database, export writes the A3 file."""
    db = ["--db", str(db_file)]
    assert main(["db", "upgrade", *db]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Schema upgraded: (empty) -> " in out

    assert main(["db", "upgrade", *db]) == EXIT_OK
    assert "Schema already current" in capsys.readouterr().out

    assert main(["db", "check", *db]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Backend:  SQLite" in out and "current" in out and "roles" in out

    assert main(["demo", "--scale", "small", "--seed", "3", *db]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Log in as admin with password mandant-demo." in out

    assert main(["db", "check", "--json", *db]) == EXIT_OK
    facts = json.loads(capsys.readouterr().out)
    assert facts["backend"] == "SQLite"
    assert facts["state"] == "current" and facts["revision"] == facts["head"]
    assert facts["counts"]["tenants"] == 8 and facts["counts"]["users"] == 40

    target = tmp_path / "zuweisungen.xlsx"
    assert main(["export", "assignments", str(target), *db]) == EXIT_OK
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[0] == ASSIGNMENT_HEADERS
    assert f"Wrote {len(rows) - 1} rows to {target}" in capsys.readouterr().out

    # Demo data into a database that holds data is a business-rule refusal.
    assert main(["demo", "--scale", "small", *db]) == EXIT_REFUSED
    assert "empty database only" in _error_line(capsys)


def test_runs_as_a_module_in_a_subprocess(db_file: Path, tmp_path: Path) -> None:
    """``python -m mandant_desktop.cli`` works as the installed script does; MANDANT_DB_URL picks
    the database."""
    env = {**os.environ, "MANDANT_DB_URL": f"sqlite:///{db_file}"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mandant_desktop.cli", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=120,
            check=False,
        )

    result = run("demo", "--scale", "small")
    assert result.returncode == EXIT_OK, result.stderr
    result = run("export", "customers", str(tmp_path / "kunden.xlsx"))
    assert result.returncode == EXIT_OK, result.stderr
    assert "Wrote 300 rows" in result.stdout
    result = run("export", "customers", str(tmp_path / "fehlt" / "kunden.xlsx"))
    assert result.returncode == EXIT_FILE
    assert result.stderr.strip().splitlines() == [
        f"mandant-admin: error: The folder {tmp_path / 'fehlt'} does not exist."
    ]


class _Terminal(io.StringIO):
    """Standard error as a terminal: the CLI draws its progress line there only."""

    def isatty(self) -> bool:
        return True


def test_demo_progress_is_english_as_the_rest_of_the_output(
    db_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """E9, E1: the generator's progress messages are translation sources (the GUI shows them in its
    language); the CLI shows them in English, as every other line it writes."""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["demo", "--scale", "small", "--db", str(db_file)]) == EXIT_OK
    drawn = terminal.getvalue()
    for line in ("Preparing demo data ... 0%", "Creating tenants ... ", "Filling the outbox ... ", "Saving ... 100%"):
        assert line in drawn
    assert "Log in as admin" in capsys.readouterr().out


def test_bad_url_is_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "check", "--db", "nosuchdb://somewhere/x"]) == EXIT_DATABASE
    assert "Unsupported database type" in _error_line(capsys)


def test_unreachable_server_is_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    # Port 1 on the loopback: nothing listens there, the refusal is immediate.
    assert main(["db", "check", "--db", "postgresql://postgres@127.0.0.1:1/mandant"]) == EXIT_DATABASE
    assert "Cannot connect" in _error_line(capsys)


def test_wrong_password_from_stdin_is_exit_3_and_never_echoed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """S6: a password read with --password-stdin appears in no output."""
    require_backend("mariadb")
    monkeypatch.setattr(sys, "stdin", io.StringIO("geheim-Passwort-42\n"))
    code = main(["db", "check", "--password-stdin", "--db", "mysql://root@127.0.0.1:3306/mysql"])
    captured = capsys.readouterr()
    assert code == EXIT_DATABASE
    assert "geheim-Passwort-42" not in captured.out + captured.err
    assert len(captured.err.strip().splitlines()) == 1


def test_missing_database_file_and_output_folder_are_exit_5(
    db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "check", "--db", str(tmp_path / "fehlt.sqlite")]) == EXIT_FILE
    assert "does not exist" in _error_line(capsys)
    assert main(["db", "upgrade", "--db", str(db_file)]) == EXIT_OK
    capsys.readouterr()
    assert main(["export", "access", str(tmp_path / "fehlt" / "x.xlsx"), "--db", str(db_file)]) == EXIT_FILE
    assert "does not exist" in _error_line(capsys)


def test_schema_too_new_is_exit_4(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """S9: a database from a newer release is refused, not touched."""
    assert main(["db", "upgrade", "--db", str(db_file)]) == EXIT_OK
    engine = create_engine(f"sqlite:///{db_file}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    capsys.readouterr()
    assert main(["db", "upgrade", "--db", str(db_file)]) == EXIT_SCHEMA
    assert "newer version" in _error_line(capsys)
    assert main(["export", "customers", str(db_file.with_suffix(".xlsx")), "--db", str(db_file)]) == EXIT_SCHEMA
    _error_line(capsys)


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["demo"], ["demo", "--scale", "huge"], ["export"], ["db"]])
def test_usage_errors_are_exit_2(argv: list[str]) -> None:
    assert main(argv) == EXIT_USAGE


def test_help_is_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == EXIT_OK
    assert "db" in capsys.readouterr().out


def test_the_demo_and_an_activation_by_the_cli_write_german_mails(
    db_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """U2, U4, E1: the CLI, English in all its output, wrote the demo's outbox in English into an
    otherwise German demo. The demo is a German installation: its outbox is German (from the
    shipped catalogue), and so is the confirmation of an account the CLI activates there."""
    db = ["--db", str(db_file)]
    assert main(["demo", "--scale", "small", *db]) == EXIT_OK
    capsys.readouterr()
    engine = create_engine(f"sqlite:///{db_file}")
    try:
        with engine.connect() as connection:
            mails = connection.execute(text("SELECT subject, language, body, status FROM outbox_mail")).all()
        assert mails and {language for _s, language, _b, _st in mails} == {"de"}
        assert {subject for subject, *_rest in mails} == {"Aktivieren Sie Ihr Konto", "Ihr Konto ist aktiv"}
        waiting = next(body for _s, _l, body, status in mails if status == "queued")
        token = waiting.split("token=", 1)[1].split()[0]
        monkeypatch.setattr(sys, "stdin", io.StringIO("lang-genug-42\n"))
        assert main(["user", "activate", token, "--new-password-stdin", *db]) == EXIT_OK
        assert "is active" in capsys.readouterr().out
        with engine.connect() as connection:
            newest = connection.execute(
                text("SELECT subject, language FROM outbox_mail ORDER BY id DESC LIMIT 1")
            ).one()
        assert tuple(newest) == ("Ihr Konto ist aktiv", "de")
    finally:
        engine.dispose()
