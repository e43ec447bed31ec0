"""Which language a mail is written in (SPEC U2, U3, U4, E1), on all three backends.

The rule: the database's mail language (the e-mail settings, the same for every workstation);
where none is set, the language of the operator who sends the mail. The demo is a German
installation: its settings name German and its outbox is German whatever the language of the
program that generated it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select
from tenanthelpers import CHEF

from mandant_desktop.db.models import AppSetting, AuditEntry, OutboxMail
from mandant_desktop.domain import mail_texts
from mandant_desktop.domain.errors import ValidationError
from mandant_desktop.services.activation import ActivationService
from mandant_desktop.services.auth import AuthService
from mandant_desktop.services.demo import generate_demo
from mandant_desktop.services.mail import AccountSettings, MailService, SmtpSettings
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.secrets import MemorySecretStore
from mandant_desktop.services.users import NewUser, UsersService

GERMAN = {
    mail_texts.MAIL_LANGUAGE: "de",
    mail_texts.ACTIVATION_SUBJECT: "Aktivieren Sie Ihr Konto",
    mail_texts.CONFIRMATION_SUBJECT: "Ihr Konto ist aktiv",
}


class Texts:
    """A translate as the UI's: called, the operator's language; ``in_language`` another one."""

    def __init__(self, own: str) -> None:
        self.own = own
        self.asked: list[str] = []

    def _in(self, language: str) -> Callable[[str], str]:
        return (lambda text: GERMAN.get(text, text)) if language == "de" else (lambda text: text)

    def __call__(self, text: str) -> str:
        return self._in(self.own)(text)

    def in_language(self, language: str) -> Callable[[str], str]:
        self.asked.append(language)
        return self._in(language)


@pytest.fixture
def admin(migrated_db: Any) -> Operator:
    return AuthService(migrated_db.session_factory).create_first_admin(CHEF)


def _user(name: str) -> NewUser:
    return NewUser(username=name, email=f"{name}@example.de", first_name=name.capitalize(), last_name="Muster")


def _set_language(db: Any, admin: Operator, language: str) -> None:
    mail = MailService(db.session_factory, MemorySecretStore)
    mail.save_settings(
        admin,
        SmtpSettings(),
        AccountSettings(mail_language=language),
        expected_version=mail.settings_version(admin),
    )


def _mails(db: Any) -> list[tuple[str, str, str | None]]:
    with db.session_factory() as session:
        return [
            (mail.recipient, mail.subject, mail.language)
            for mail in session.scalars(select(OutboxMail).order_by(OutboxMail.id))
        ]


def test_mails_follow_the_databases_mail_language_whoever_sends_them(migrated_db: Any, admin: Operator) -> None:
    """U2, U3, U4, E1: with German set as the mail language, an English-speaking operator's new
    user, a reminder and the confirmation of the activation (which the portal or the CLI performs)
    go out in German and record "de"; without a mail language a mail is in the operator's."""
    users = UsersService(migrated_db.session_factory)
    english, german = Texts("en"), Texts("de")
    users.create(admin, _user("ada"), translate=german)  # none set: the operator's
    users.create(admin, _user("bob"), translate=english)
    _set_language(migrated_db, admin, "de")
    assert MailService(migrated_db.session_factory, MemorySecretStore).account_settings(admin).mail_language == "de"
    link = users.create(admin, _user("mia"), translate=english)
    ActivationService(migrated_db.session_factory).resend(admin, [link.user_id], translate=english)
    fresh = ActivationService(migrated_db.session_factory).resend(admin, [link.user_id], translate=english)[0]
    ActivationService(migrated_db.session_factory).activate(fresh.token, "lang-genug", "lang-genug", translate=english)
    _set_language(migrated_db, admin, "en")
    users.create(admin, _user("ben"), translate=german)
    assert _mails(migrated_db) == [
        ("ada@example.de", "Aktivieren Sie Ihr Konto", "de"),
        ("bob@example.de", "Activate your account", "en"),
        ("mia@example.de", "Aktivieren Sie Ihr Konto", "de"),
        ("mia@example.de", "Aktivieren Sie Ihr Konto", "de"),
        ("mia@example.de", "Aktivieren Sie Ihr Konto", "de"),
        ("mia@example.de", "Ihr Konto ist aktiv", "de"),
        ("ben@example.de", "Activate your account", "en"),
    ]
    assert "de" in english.asked


def test_a_mail_language_the_program_cannot_write_is_refused(migrated_db: Any, admin: Operator) -> None:
    """U4, E1, S2: a mail language without a catalogue is refused with the field named; nothing is
    saved, no audit entry."""
    with migrated_db.session_factory() as session:
        entries = session.scalar(select(func.count(AuditEntry.id)))
    with pytest.raises(ValidationError) as caught:
        _set_language(migrated_db, admin, "fr")
    assert caught.value.template == "Mails cannot be written in {language}; choose one of {languages}."
    assert caught.value.field == "language of the mails"
    assert caught.value.values == {"language": "fr", "languages": "de, en"}
    with migrated_db.session_factory() as session:
        assert session.get(AppSetting, "activation") is None
        assert session.scalar(select(func.count(AuditEntry.id))) == entries


def test_the_demo_is_a_german_installation_with_a_german_outbox(migrated_db: Any) -> None:
    """U4, E1, SPEC 8: demo data generated by an English program (the CLI, the bench) wrote an
    English outbox into an otherwise German demo; it writes German and sets German as the demo's
    mail language, so that the mails the demo's users get later are German too."""
    english = Texts("en")
    generate_demo(migrated_db.engine, scale="small", seed=1, translate=english)
    assert english.asked and set(english.asked) == {"de"}
    mails = _mails(migrated_db)
    assert mails and {language for _to, _subject, language in mails} == {"de"}
    assert {subject for _to, subject, _language in mails} == {"Aktivieren Sie Ihr Konto", "Ihr Konto ist aktiv"}
    with migrated_db.session_factory() as session:
        setting = session.get(AppSetting, "activation")
        assert setting is not None and setting.value["mail_language"] == "de"
