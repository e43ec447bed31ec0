"""``mandant-admin user activate TOKEN``: the portal's activation, headless (SPEC U2, E9)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import select

from mandant_desktop import bootstrap
from mandant_desktop.cli import EXIT_OK, EXIT_REFUSED, main
from mandant_desktop.db.models import OutboxMail, User, UserStatus
from mandant_desktop.services.auth import FirstAdmin
from mandant_desktop.services.users import NewUser


@pytest.fixture
def tokens(tmp_path: Path) -> tuple[str, str, str]:
    """A database with the first admin, a user who sets a password and an SSO user."""
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    app = bootstrap.open_database(url)
    try:
        admin = app.services.auth.create_first_admin(
            FirstAdmin("chef", "Sehr-geheim1", "Sehr-geheim1", "chef@example.de")
        )
        mia = app.services.users.create(admin, NewUser("mia", "mia@example.de", "Mia", "Muster"))
        sso = app.services.users.create(admin, NewUser("sso", "sso@example.de", "Sven", "Single", sso=True))
    finally:
        app.close()
    return url, mia.token, sso.token


def test_activate_with_a_password_from_stdin(
    tokens: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """U2: the account becomes active, the password works, the confirmation mail is in the outbox;
    the same link a second time is refused in one line (exit 6)."""
    url, token, _ = tokens
    monkeypatch.setattr("sys.stdin", io.StringIO("lang-genug\n"))
    assert main(["user", "activate", token, "--db", url, "--new-password-stdin"]) == EXIT_OK
    assert "mia is active" in capsys.readouterr().out
    app = bootstrap.open_database(url)
    try:
        with app.session_factory() as session:
            user = session.scalars(select(User).where(User.username == "mia")).one()
            assert user.status == UserStatus.ACTIVE
            assert session.scalars(select(OutboxMail.subject).order_by(OutboxMail.id.desc())).first() == (
                "Your account is active"
            )
    finally:
        app.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("lang-genug\n"))
    assert main(["user", "activate", token, "--db", url, "--new-password-stdin"]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "used already" in err and "Traceback" not in err


def test_sso_account_needs_only_the_token(tokens: tuple[str, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    url, _, token = tokens
    assert main(["user", "activate", token, "--db", url]) == EXIT_OK
    assert "sso is active" in capsys.readouterr().out


def test_a_short_password_is_refused(
    tokens: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url, token, _ = tokens
    monkeypatch.setattr("sys.stdin", io.StringIO("kurz\n"))
    assert main(["user", "activate", token, "--db", url, "--new-password-stdin"]) == EXIT_REFUSED
    assert "at least 6 characters" in capsys.readouterr().err
