"""Users, editing them, activation links and mail (SPEC U1-U4, R3), on all three backends."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from email import message_from_bytes
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
from customerhelpers import build_world
from dbhelpers import stale_search_keys
from sqlalchemy import select
from tenanthelpers import CHEF

from mandant_desktop.db.models import (
    ActivationToken,
    AuditEntry,
    Contact,
    MailStatus,
    OutboxMail,
    RoleAssignment,
    TenantAccess,
    User,
    UserKind,
    UserStatus,
)
from mandant_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from mandant_desktop.services.activation import ActivationError, ActivationService, hash_token
from mandant_desktop.services.auth import AuthService
from mandant_desktop.services.customer_contacts import CustomerContactService, NewContact, NewExternalUser
from mandant_desktop.services.customers import CustomerService, NewCustomer
from mandant_desktop.services.mail import AccountSettings, MailService, SmtpSettings
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.recording import BLOCKED_LINK, recorded
from mandant_desktop.services.secrets import MemorySecretStore
from mandant_desktop.services.undo import NotUndoableError, UndoService
from mandant_desktop.services.users import DisplayStatus, NewUser, UserChange, UserFilter, UserSort, UsersService

ADMIN = CHEF


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def new_user(name: str = "mia", **extra: Any) -> NewUser:
    values: dict[str, Any] = {
        "username": name,
        "email": f"{name}@example.de",
        "first_name": name.capitalize(),
        "last_name": "Muster",
    }
    values.update(extra)
    return NewUser(**values)


@pytest.fixture
def admin(migrated_db: Any) -> Operator:
    return AuthService(migrated_db.session_factory).create_first_admin(ADMIN)


def token_of(mail_body: str) -> str:
    link = next(word for word in mail_body.split() if word.startswith("http"))
    return parse_qs(urlparse(link).query)["token"][0]


def test_add_user_pending_with_activation_mail_in_outbox(migrated_db: Any, admin: Operator) -> None:
    """U2, U4: a new user is listed at once as pending; without SMTP the activation mail lands in
    the outbox; only the token's hash is stored; the change is audited."""
    clock = Clock()
    users = UsersService(migrated_db.session_factory, clock=clock)
    link = users.create(admin, new_user())
    rows = users.page(admin, search="mia")
    assert [(r.username, r.status, r.kind, r.has_role) for r in rows] == [
        ("mia", DisplayStatus.PENDING, UserKind.INTERNAL, False)
    ]
    assert link.expires_at == clock.now + dt.timedelta(days=7)
    with migrated_db.session_factory() as session:
        mail = session.scalars(select(OutboxMail)).one()
        assert mail.status == MailStatus.OUTBOX and mail.recipient == "mia@example.de"
        assert token_of(mail.body) == link.token
        stored = session.scalars(select(ActivationToken.token_hash)).one()
        assert stored == hash_token(link.token) and link.token not in stored
        assert session.scalars(select(AuditEntry.action).where(AuditEntry.object_type == "User")).all()[-1] == "create"


def test_add_user_validation(migrated_db: Any, admin: Operator) -> None:
    """U2: e-mail syntax, unique user name and e-mail (case-insensitive), required names."""
    users = UsersService(migrated_db.session_factory)
    users.create(admin, new_user())
    for data, field in (
        (new_user(email="kein-at-zeichen"), "email"),
        (new_user("MIA", email="other@example.de"), "username"),
        (new_user("ben", email="MIA@example.de"), "email"),
        (new_user("ben", first_name=" "), "first name"),
        (new_user("b n"), "username"),
    ):
        with pytest.raises(ValidationError) as caught:
            users.create(admin, data)
        assert caught.value.field == field
    assert users.count(admin) == 2


def test_activation_with_password_and_expiry(migrated_db: Any, admin: Operator) -> None:
    """U2: the link is valid 7 days (controlled clock); the password follows the policy; after
    activation the user is active, the token used and a confirmation mail goes out."""
    clock = Clock()
    users = UsersService(migrated_db.session_factory, clock=clock)
    activation = ActivationService(migrated_db.session_factory, clock=clock)
    link = users.create(admin, new_user())
    clock.now += dt.timedelta(days=6, hours=23)
    assert activation.token_info(link.token).needs_password
    with pytest.raises(ValidationError):
        activation.activate(link.token, "kurz", "kurz")
    with pytest.raises(ValidationError):
        activation.activate(link.token, "lang-genug", "anders-genug")
    assert activation.activate(link.token, "lang-genug", "lang-genug") == "mia"
    with pytest.raises(ActivationError, match="used already"):
        activation.activate(link.token, "lang-genug", "lang-genug")
    [row] = users.page(admin, search="mia")
    assert row.status == DisplayStatus.ACTIVE
    with migrated_db.session_factory() as session:
        subjects = session.scalars(select(OutboxMail.subject).order_by(OutboxMail.id)).all()
        assert subjects == ["Activate your account", "Your account is active"]

    other = users.create(admin, new_user("ben"))
    clock.now += dt.timedelta(days=7, seconds=1)
    with pytest.raises(ActivationError, match="expired"):
        activation.activate(other.token, "lang-genug", "lang-genug")
    [ben] = users.page(admin, search="ben")
    assert ben.status == DisplayStatus.EXPIRED


def test_sso_user_activates_with_the_link_alone(migrated_db: Any, admin: Operator) -> None:
    """U2: SSO customers activate by clicking the link; no password is stored."""
    users = UsersService(migrated_db.session_factory)
    activation = ActivationService(migrated_db.session_factory)
    link = users.create(admin, new_user(sso=True))
    assert not activation.token_info(link.token).needs_password
    activation.activate(link.token)
    with migrated_db.session_factory() as session:
        user = session.scalars(select(User).where(User.username == "mia")).one()
        assert user.status == UserStatus.ACTIVE and user.password_hash is None


def test_resend_makes_the_old_link_invalid(migrated_db: Any, admin: Operator) -> None:
    """U3: resend for several users: new tokens, old ones invalid; active users are refused."""
    users = UsersService(migrated_db.session_factory)
    activation = ActivationService(migrated_db.session_factory)
    first = users.create(admin, new_user())
    second = users.create(admin, new_user("ben"))
    links = activation.resend(admin, [first.user_id, second.user_id])
    assert {link.user_id for link in links} == {first.user_id, second.user_id}
    with pytest.raises(ActivationError, match="not valid"):
        activation.activate(first.token, "lang-genug", "lang-genug")
    activation.activate(links[0].token, "lang-genug", "lang-genug")
    with pytest.raises(ValidationError, match="Only users waiting"):
        activation.resend(admin, [first.user_id])
    with migrated_db.session_factory() as session:
        assert session.scalar(select(OutboxMail.id).order_by(OutboxMail.id.desc())) is not None
        assert len(session.scalars(select(OutboxMail)).all()) == 5  # 2 + 2 resent + 1 confirmation


def test_filters_sort_and_cannot_log_in(migrated_db: Any, admin: Operator) -> None:
    """U1, R3: filters internal / external / pending / deactivated / cannot log in; sorting."""
    users = UsersService(migrated_db.session_factory)
    mia = users.create(admin, new_user())
    users.create(admin, new_user("ben"))
    with migrated_db.session_factory.begin() as session:
        session.add(
            User(username="ext", username_key="ext", kind=UserKind.EXTERNAL, status=UserStatus.ACTIVE, last_name="X")
        )
    assert users.set_active(admin, [mia.user_id], False, expected_versions=seen(users, admin)) == 1
    names = {f: [r.username for r in users.page(admin, kind=f)] for f in UserFilter}
    assert sorted(names[UserFilter.ALL]) == ["ben", "chef", "ext", "mia"]
    assert names[UserFilter.EXTERNAL] == ["ext"]
    assert sorted(names[UserFilter.INTERNAL]) == ["ben", "chef", "mia"]
    assert names[UserFilter.PENDING] == ["ben"]
    assert names[UserFilter.DEACTIVATED] == ["mia"]
    assert sorted(names[UserFilter.CANNOT_LOG_IN]) == ["ben", "mia"]
    by_name = [r.username for r in users.page(admin, kind=UserFilter.INTERNAL, sort=UserSort.USERNAME)]
    assert by_name == ["ben", "chef", "mia"]
    reverse = [r.username for r in users.page(admin, kind=UserFilter.INTERNAL, sort=UserSort.USERNAME, descending=True)]
    assert reverse == ["mia", "chef", "ben"]
    assert users.set_active(admin, [mia.user_id], True, expected_versions=seen(users, admin)) == 1
    [row] = users.page(admin, search="mia")
    assert row.status == DisplayStatus.PENDING  # never activated: back to waiting
    with pytest.raises(ValidationError, match="your own"):
        users.set_active(admin, [admin.id or 0], False, expected_versions=seen(users, admin))
    with migrated_db.session_factory() as session:
        assert session.scalars(select(RoleAssignment.user_id).distinct()).all() == [admin.id]


def test_services_refuse_without_permission(migrated_db: Any, admin: Operator) -> None:
    """S2: a missing permission is a refused call, not only a disabled button."""
    viewer = Operator(id=admin.id, username="v", permissions=frozenset({"users.view"}))
    users = UsersService(migrated_db.session_factory)
    with pytest.raises(PermissionDeniedError):
        users.create(viewer, new_user())
    with pytest.raises(PermissionDeniedError):
        ActivationService(migrated_db.session_factory).resend(viewer, [1])
    with pytest.raises(PermissionDeniedError):
        users.set_active(viewer, [1], False, expected_versions={1: 1})


# --------------------------------------------------------------------------- SMTP


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Collected:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, Collected]]:
    from aiosmtpd.controller import Controller

    handler = Collected()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, handler
    finally:
        controller.stop()


def test_mail_goes_through_a_real_smtp_server(
    migrated_db: Any, admin: Operator, smtp_server: tuple[int, Collected]
) -> None:
    """U4: with SMTP configured the activation mail is queued in the transaction and delivered
    after it; the test mail button sends at once; the password lives in the keyring only."""
    port, collected = smtp_server
    secrets = MemorySecretStore()
    mail = MailService(migrated_db.session_factory, lambda: secrets)
    mail.save_settings(
        admin,
        SmtpSettings(host="127.0.0.1", port=port, security="none", sender="noreply@example.de"),
        AccountSettings(portal_url="https://portal.example.de/aktivieren", password_min_length=8),
        expected_version=(0, 0),
        password="smtp-geheim",
    )
    assert secrets.get("smtp-password") == "smtp-geheim"
    assert mail.smtp_settings(admin).port == port
    assert mail.send_test_mail(admin, "test@example.de", subject="Test", body="Hallo") == MailStatus.SENT
    link = UsersService(migrated_db.session_factory).create(admin, new_user())
    assert mail.deliver_queued() == 1
    assert [m["To"] for m in collected.messages] == ["test@example.de", "mia@example.de"]
    body = collected.messages[1].get_payload(decode=True).decode()
    assert "https://portal.example.de/aktivieren?token=" in body and token_of(body) == link.token
    with migrated_db.session_factory() as session:
        assert set(session.scalars(select(OutboxMail.status))) == {MailStatus.SENT}
        assert "smtp-geheim" not in repr(session.execute(select(AuditEntry.changes)).all())
    with pytest.raises(ValidationError):
        ActivationService(migrated_db.session_factory).activate(link.token, "sieben7", "sieben7")


def test_unreachable_smtp_marks_the_mail_failed(migrated_db: Any, admin: Operator) -> None:
    """U4: a server that does not answer leaves the mail failed with the reason; the outbox lists it."""
    mail = MailService(migrated_db.session_factory, MemorySecretStore)
    mail.save_settings(
        admin,
        SmtpSettings(host="127.0.0.1", port=free_port(), security="none", sender="a@b.de"),
        AccountSettings(),
        expected_version=(0, 0),
    )
    UsersService(migrated_db.session_factory).create(admin, new_user())
    assert mail.deliver_queued() == 0
    [row] = mail.outbox_page(admin, 0, 10)
    assert row.status == MailStatus.FAILED and row.error


def test_smtp_settings_validation(migrated_db: Any, admin: Operator) -> None:
    mail = MailService(migrated_db.session_factory, MemorySecretStore)
    for smtp, account in (
        (SmtpSettings(host="mail server"), AccountSettings()),
        (SmtpSettings(host="mail", port=0, sender="a@b.de"), AccountSettings()),
        (SmtpSettings(host="mail", sender="kaputt"), AccountSettings()),
        (SmtpSettings(), AccountSettings(portal_url="ftp://x")),
        (SmtpSettings(), AccountSettings(password_min_length=5)),
    ):
        with pytest.raises(ValidationError):
            mail.save_settings(admin, smtp, account, expected_version=(0, 0))


def seen(users: UsersService, operator: Operator) -> dict[int, int]:
    """The users' versions as a page would have read them (S4)."""
    return {row.id: row.version for row in users.page(operator, limit=1000)}


def test_an_activation_token_never_starts_with_a_hyphen(monkeypatch: pytest.MonkeyPatch) -> None:
    """U2, E9: a token is pasted after `mandant-admin user activate`; one starting with "-" would be
    read as an option, so such a draw is thrown away."""
    from mandant_desktop.services import activation

    draws = iter(["-looks-like-an-option", "--also", "gut-und-sicher"])
    monkeypatch.setattr(activation.secrets, "token_urlsafe", lambda _n: next(draws))
    assert activation.new_token() == "gut-und-sicher"


def test_the_link_expiry_is_written_as_the_mails_language_writes_dates(migrated_db: Any, admin: Operator) -> None:
    """U2, E1: an English activation mail gives the expiry as 2026-11-29 10:00, not in the German
    10.12.2026 order that every mail used whatever its language; a German one as 29.11.2026 10:00."""
    from mandant_desktop.domain import mail_texts

    clock = Clock()
    users = UsersService(migrated_db.session_factory, clock=clock)
    german = {mail_texts.LINK_EXPIRY_FORMAT: "%d.%m.%Y %H:%M"}
    english_link = users.create(admin, new_user("mia"))
    german_link = users.create(admin, new_user("ben"), translate=lambda text: german.get(text, text))
    local = english_link.expires_at.astimezone()
    with migrated_db.session_factory() as session:
        bodies = {mail.recipient: mail.body for mail in session.scalars(select(OutboxMail))}
    assert german_link.expires_at.astimezone() == local
    assert f"valid until {local:%Y-%m-%d %H:%M} " in bodies["mia@example.de"]
    assert f"valid until {local:%d.%m.%Y %H:%M} " in bodies["ben@example.de"]


def test_each_mail_stores_the_language_it_was_written_in(migrated_db: Any, admin: Operator) -> None:
    """U4, E1: the outbox keeps the language a mail was written in, the one of the ``translate``
    that wrote it (a German operator's activation link, an English confirmation of the same user,
    a German test mail), not one told from the subject; the outbox page reads it with the mail."""
    from mandant_desktop.domain import mail_texts

    german_texts = {mail_texts.MAIL_LANGUAGE: "de", mail_texts.ACTIVATION_SUBJECT: "Aktivieren Sie Ihr Konto"}

    def german(text: str) -> str:
        return german_texts.get(text, text)

    users = UsersService(migrated_db.session_factory)
    link = users.create(admin, new_user(), translate=german)
    ActivationService(migrated_db.session_factory).activate(link.token, "lang-genug", "lang-genug")
    mail = MailService(migrated_db.session_factory, MemorySecretStore)
    assert (
        mail.send_test_mail(admin, "ben@example.de", subject="Hallo", body="…", language=mail_texts.language_of(german))
        == MailStatus.OUTBOX
    )
    rows = mail.outbox_page(admin, 0, 10)
    assert [(row.subject, row.language) for row in reversed(rows)] == [
        ("Aktivieren Sie Ihr Konto", "de"),
        ("Your account is active", "en"),
        ("Hallo", "de"),
    ]


# --------------------------------------------------------------------------- editing a user


def audit_of(session: Any, user_id: int) -> list[tuple[str, str, dict[str, Any] | None]]:
    """(action, summary, changes) of the user's audit entries, oldest first."""
    rows = session.execute(
        select(AuditEntry.action, AuditEntry.summary, AuditEntry.changes)
        .where(AuditEntry.object_type == "User", AuditEntry.object_id == str(user_id))
        .order_by(AuditEntry.id)
    ).all()
    return [tuple(row) for row in rows]


def test_edit_user_corrects_names_and_email_with_the_audit(migrated_db: Any, admin: Operator) -> None:
    """U2, S3, S4: an internal user's names and e-mail are corrected in one step; the version moves
    on; the audit entry holds old and new values; saving what is stored changes nothing."""
    users = UsersService(migrated_db.session_factory)
    link = users.create(admin, new_user())
    ActivationService(migrated_db.session_factory).activate(link.token, "lang-genug", "lang-genug")
    before = users.for_edit(admin, link.user_id)
    assert (before.first_name, before.last_name, before.email, before.username) == (
        "Mia",
        "Muster",
        "mia@example.de",
        "mia",
    )
    outcome = users.update(
        admin,
        link.user_id,
        UserChange("  Mia  Sophie ", "Müller", " mia.mueller@example.de "),
        expected_version=before.version,
    )
    assert outcome.changed and outcome.link is None and outcome.revoked == 0  # active: no link to send
    after = users.for_edit(admin, link.user_id)
    assert (after.first_name, after.last_name, after.email) == ("Mia Sophie", "Müller", "mia.mueller@example.de")
    assert after.version == before.version + 1 and after.username == "mia"
    [row] = users.page(admin, search="mueller")
    assert row.display_name == "Mia Sophie Müller"
    assert users.page(admin, search="MÜLLER sophie") == [row]  # folded, every word (U1, E2)
    assert stale_search_keys(migrated_db.engine) == []
    with migrated_db.session_factory() as session:
        action, _summary, changes = audit_of(session, link.user_id)[-1]
        assert action == "update" and changes is not None
        assert changes["first_name"] == ["Mia", "Mia Sophie"]
        assert changes["last_name"] == ["Muster", "Müller"]
        assert changes["email"] == ["mia@example.de", "mia.mueller@example.de"]
        entries = len(audit_of(session, link.user_id))
        mails = len(session.scalars(select(OutboxMail)).all())
    same = UserChange("Mia Sophie", "Müller", "mia.mueller@example.de")
    again = users.update(admin, link.user_id, same, expected_version=after.version)
    assert not again.changed
    assert users.for_edit(admin, link.user_id).version == after.version
    with migrated_db.session_factory() as session:
        assert len(audit_of(session, link.user_id)) == entries
        assert len(session.scalars(select(OutboxMail)).all()) == mails  # no mail for an active user


def test_edit_user_validation(migrated_db: Any, admin: Operator) -> None:
    """U2: the add dialog's rules — names required, e-mail syntax, an address used by another user
    (case-insensitive) refused; the user's own address in other letter case is no clash."""
    users = UsersService(migrated_db.session_factory)
    mia = users.create(admin, new_user()).user_id
    users.create(admin, new_user("ben"))
    version = users.for_edit(admin, mia).version
    for change, field in (
        (UserChange(" ", "Muster", "mia@example.de"), "first name"),
        (UserChange("Mia", "", "mia@example.de"), "last name"),
        (UserChange("Mia", "Muster", ""), "email"),
        (UserChange("Mia", "Muster", "kein-at-zeichen"), "email"),
        (UserChange("Mia", "Muster", "BEN@example.de"), "email"),
    ):
        with pytest.raises(ValidationError) as caught:
            users.update(admin, mia, change, expected_version=version)
        assert caught.value.field == field
    assert users.for_edit(admin, mia).version == version  # nothing saved
    outcome = users.update(admin, mia, UserChange("Mia", "Muster", "Mia@Example.de"), expected_version=version)
    assert outcome.changed and outcome.link is None  # the same mailbox: no new link
    assert users.for_edit(admin, mia).email == "Mia@Example.de"


def test_edit_user_is_refused_without_the_right(migrated_db: Any, admin: Operator) -> None:
    """S2, U2: users.edit (the right to add users) is needed to edit an internal user; a missing
    right is a refused call."""
    users = UsersService(migrated_db.session_factory)
    mia = users.create(admin, new_user()).user_id
    version = users.for_edit(admin, mia).version
    viewer = Operator(id=admin.id, username="v", permissions=frozenset({"users.view"}))
    with pytest.raises(PermissionDeniedError):
        users.for_edit(viewer, mia)
    with pytest.raises(PermissionDeniedError):
        users.update(viewer, mia, UserChange("Eve", "Evil", "eve@example.de"), expected_version=version)
    assert users.for_edit(admin, mia).email == "mia@example.de"
    external_editor = Operator(id=admin.id, username="x", permissions=frozenset({"customers.manage_external_users"}))
    with pytest.raises(PermissionDeniedError):
        users.update(external_editor, mia, UserChange("Eve", "Evil", "eve@example.de"), expected_version=version)


def _external_users(db: Any) -> tuple[Any, dict[str, int]]:
    """build_world's mia (full access with private data on Nord, read only on Süd) and an external
    user of a customer in each: user name → user id."""
    world = build_world(db)
    f = db.session_factory
    customers, contacts, system = CustomerService(f), CustomerContactService(f), system_operator("test")
    ids = {}
    for number, tenant, name in (("1", world.nord, "bea"), ("2", world.sued, "sam")):
        customer = customers.create(system, NewCustomer(number, f"Kunde {number}", tenant, remote_access=True))
        contact = contacts.create_contact(
            system, customer.id, NewContact(name.capitalize() + "mann", name.capitalize(), email=f"{name}@kunde.de")
        )
        ids[name] = contacts.create_external_user(system, NewExternalUser(contact, name, "geheim1", "geheim1"))
    return world, ids


def test_edit_an_external_user_changes_their_contact_too(migrated_db: Any) -> None:
    """C10, U2, S2, S3, S4, T8, E7: an external user's names and address are their contact's: both
    change in one step, audited, undoable; the contact's rules (a last name; the first name and
    the address may be empty; an address another user has is no clash, as when the account was
    created). The rights are those that create external users, plus full access to the customer's
    tenant (read only: refused) and, for the address, the private data right; users.edit alone is
    not enough. A stale version is refused with who/when."""
    world, ids = _external_users(migrated_db)
    users, undo = UsersService(migrated_db.session_factory), UndoService(migrated_db.session_factory)
    mia = world.mia
    details = users.for_edit(mia, ids["bea"])
    assert details.external and details.customer == "1 Kunde 1"
    assert (details.first_name, details.last_name, details.email) == ("Bea", "Beamann", "bea@kunde.de")
    _, record = recorded(
        users.update, mia, ids["bea"], UserChange(" ", "Becker", "sam@kunde.de"), expected_version=details.version
    )
    assert record.undoable

    def stored(user_id: int) -> tuple[tuple[str, str, str | None], tuple[str, str, str | None]]:
        with migrated_db.session_factory() as session:
            user = session.get(User, user_id)
            assert user is not None and user.contact_id is not None
            contact = session.get(Contact, user.contact_id)
            assert contact is not None
            return (user.first_name, user.last_name, user.email), (contact.first_name, contact.last_name, contact.email)

    assert stored(ids["bea"]) == (("", "Becker", "sam@kunde.de"),) * 2
    with migrated_db.session_factory() as session:
        action, _summary, changes = audit_of(session, ids["bea"])[-1]
        assert action == "update" and changes is not None and changes["last_name"] == ["Beamann", "Becker"]
        assert session.scalar(
            select(AuditEntry.id).where(AuditEntry.object_type == "Contact", AuditEntry.action == "update")
        )
    inverse = undo.revert(mia, record)
    assert stored(ids["bea"]) == (("Bea", "Beamann", "bea@kunde.de"),) * 2
    assert stale_search_keys(migrated_db.engine) == []  # the search key follows the undo (U1)
    undo.revert(mia, inverse)
    assert stored(ids["bea"]) == (("", "Becker", "sam@kunde.de"),) * 2
    assert stale_search_keys(migrated_db.engine) == []
    assert [row.id for row in users.page(mia, search="BECKER sam")] == [ids["bea"]]

    version = users.for_edit(mia, ids["bea"]).version
    with pytest.raises(ValidationError) as caught:
        users.update(mia, ids["bea"], UserChange("Bea", "", ""), expected_version=version)
    assert caught.value.field == "last name"
    with pytest.raises(ConflictError):
        users.update(mia, ids["bea"], UserChange("Bea", "Becker", ""), expected_version=version - 1)
    internal_only = Operator(
        id=mia.id, username="mia", permissions=mia.permissions - {"customers.manage_external_users"}
    )
    with pytest.raises(PermissionDeniedError):
        users.for_edit(internal_only, ids["bea"])
    with pytest.raises(PermissionDeniedError):
        users.update(internal_only, ids["bea"], UserChange("Bea", "Becker", ""), expected_version=version)
    with pytest.raises(PermissionDeniedError, match="read-only access"):
        users.update(mia, ids["sam"], UserChange("Sam", "Neu", "sam@kunde.de"), expected_version=1)
    with migrated_db.session_factory.begin() as session:
        access = session.scalar(
            select(TenantAccess).where(TenantAccess.user_id == mia.id, TenantAccess.tenant_id == world.nord)
        )
        assert access is not None
        access.private_data = False
    with pytest.raises(PermissionDeniedError, match="private data"):
        users.update(mia, ids["bea"], UserChange("", "Becker", "neu@kunde.de"), expected_version=version)
    users.update(mia, ids["bea"], UserChange("Bea", "Becker", "sam@kunde.de"), expected_version=version)
    assert stored(ids["bea"])[1] == ("Bea", "Becker", "sam@kunde.de")


def test_a_stale_edit_is_refused_with_who_and_when(migrated_db: Any, admin: Operator) -> None:
    """S4: the dialog's version is older than the stored one (another workstation saved in
    between): refused, naming who and when, with the stored values for the comparison; nothing of
    the stale input is saved."""
    users = UsersService(migrated_db.session_factory)
    mia = users.create(admin, new_user()).user_id
    seen = users.for_edit(admin, mia)
    other = Operator(id=admin.id, username="kollegin", permissions=frozenset({"users.edit", "users.view"}))
    users.update(other, mia, UserChange("Mia", "Meier", "mia@example.de"), expected_version=seen.version)
    with pytest.raises(ConflictError) as refused:
        users.update(admin, mia, UserChange("Mia", "Muster", "mia@beispiel.de"), expected_version=seen.version)
    assert refused.value.values["who"] == "kollegin" and refused.value.values["when"] != "?"
    assert refused.value.current["last name"] == "Meier"
    stored = users.for_edit(admin, mia)
    assert (stored.last_name, stored.email) == ("Meier", "mia@example.de")


def test_a_new_address_of_a_pending_user_gets_a_new_link(migrated_db: Any, admin: Operator) -> None:
    """U3, U2, S3, E7: a user waiting for activation whose address is corrected gets a new link at
    the new address; the link sent to the old address stops working; the audit says so; the change
    cannot be undone (a link made invalid stays invalid)."""
    clock = Clock()
    users = UsersService(migrated_db.session_factory, clock=clock)
    activation = ActivationService(migrated_db.session_factory, clock=clock)
    old = users.create(admin, new_user(email="mia@exmaple.de"))
    version = users.for_edit(admin, old.user_id).version
    assert users.for_edit(admin, old.user_id).waiting_for_activation
    clock.now += dt.timedelta(days=8)  # the old link has expired meanwhile: a new one all the same
    outcome, record = recorded(
        users.update, admin, old.user_id, UserChange("Mia", "Muster", "mia@example.de"), expected_version=version
    )
    assert outcome.link is not None and outcome.revoked == 1
    assert outcome.link.expires_at == clock.now + dt.timedelta(days=7)
    assert record.blocked == BLOCKED_LINK and not record.undoable
    with pytest.raises(NotUndoableError):
        UndoService(migrated_db.session_factory).revert(admin, record)
    with migrated_db.session_factory() as session:
        mails = session.scalars(select(OutboxMail).order_by(OutboxMail.id)).all()
        assert [m.recipient for m in mails] == ["mia@exmaple.de", "mia@example.de"]
        assert token_of(mails[-1].body) == outcome.link.token
        summaries = [summary for _action, summary, _changes in audit_of(session, old.user_id)]
        assert "activation link sent to the new address" in summaries
    with pytest.raises(ActivationError, match="not valid"):
        activation.activate(old.token, "lang-genug", "lang-genug")
    assert activation.activate(outcome.link.token, "lang-genug", "lang-genug") == "mia"


def test_a_new_address_of_a_deactivated_user_leaves_no_old_link_working(migrated_db: Any, admin: Operator) -> None:
    """U3, S3: a user deactivated before activating still has the link sent to the old address;
    reactivated, they would wait for activation again. Changing the address makes that link invalid
    (no new link: they are deactivated), so that it never works after the reactivation."""
    users = UsersService(migrated_db.session_factory)
    activation = ActivationService(migrated_db.session_factory)
    old = users.create(admin, new_user(email="mia@exmaple.de"))
    users.set_active(admin, [old.user_id], False, expected_versions=seen(users, admin))
    version = users.for_edit(admin, old.user_id).version
    outcome = users.update(admin, old.user_id, UserChange("Mia", "Muster", "mia@example.de"), expected_version=version)
    assert outcome.link is None and outcome.revoked == 1
    users.set_active(admin, [old.user_id], True, expected_versions=seen(users, admin))
    [row] = users.page(admin, search="mia")
    assert row.status == DisplayStatus.EXPIRED  # waiting, with no working link: resend it
    with pytest.raises(ActivationError, match="not valid"):
        activation.activate(old.token, "lang-genug", "lang-genug")
    with migrated_db.session_factory() as session:
        summaries = [summary for _action, summary, _changes in audit_of(session, old.user_id)]
        assert "unused activation links made invalid" in summaries
        assert len(session.scalars(select(OutboxMail)).all()) == 1  # no mail to a deactivated user


def test_a_corrected_name_is_undone_and_redone(migrated_db: Any, admin: Operator) -> None:
    """E7, S3: editing names (no link involved) is undoable like the page's other changes."""
    users = UsersService(migrated_db.session_factory)
    undo = UndoService(migrated_db.session_factory)
    link = users.create(admin, new_user())
    version = users.for_edit(admin, link.user_id).version
    _, record = recorded(
        users.update, admin, link.user_id, UserChange("Mia", "Meier", "mia@example.de"), expected_version=version
    )
    assert record.undoable
    inverse = undo.revert(admin, record)
    assert users.for_edit(admin, link.user_id).last_name == "Muster"
    assert [row.id for row in users.page(admin, search="muster mia")] == [link.user_id]  # the key follows (U1)
    undo.revert(admin, inverse)
    assert users.for_edit(admin, link.user_id).last_name == "Meier"
    assert stale_search_keys(migrated_db.engine) == []
