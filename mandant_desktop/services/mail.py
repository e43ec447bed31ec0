"""E-mail: SMTP settings, a transactional outbox, delivery and the outbox list (SPEC U4).

Every mail is first written to ``outbox_mail`` in the transaction of the change that causes it
(a new user and its activation mail are saved together or not at all). After the commit,
:meth:`MailService.deliver_queued` sends the queued mails through the configured SMTP server and
marks each one sent or failed. Without an SMTP server the mail is stored with status *outbox*
and the operator reads it on the Outbox page.

The SMTP settings live in ``app_setting`` (they belong to the database, not to a workstation);
the SMTP password lives only in the OS keyring (SPEC S6).
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass, replace
from email.message import EmailMessage
from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db import search_keys
from mandant_desktop.db.models import AppSetting, OutboxMail, utcnow
from mandant_desktop.db.models import MailStatus as MailStatus  # re-exported for the UI
from mandant_desktop.domain import mail_texts, validation
from mandant_desktop.domain.errors import ConflictError, DomainError, ValidationError
from mandant_desktop.services import recording
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.rights_naming import check_setting_version, setting_version
from mandant_desktop.services.secrets import SecretStore, SecretStoreUnavailableError
from mandant_desktop.services.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

SMTP_SETTING_KEY = "smtp"
ACCOUNT_SETTING_KEY = "activation"
SMTP_SECRET_KEY = "smtp-password"
SECURITY_CHOICES = ("starttls", "ssl", "none")
SMTP_TIMEOUT_SECONDS = 15
DEFAULT_PORTAL_URL = "https://portal.example.com/activate"
#: outbox rows delivered per call of deliver_queued
_DELIVERY_BATCH = 200


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    security: str = "starttls"
    username: str = ""
    sender: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.host)


@dataclass(frozen=True, slots=True)
class AccountSettings:
    """How accounts are activated: where the activation link points, the password policy (U2)."""

    portal_url: str = DEFAULT_PORTAL_URL
    password_min_length: int = validation.PASSWORD_MIN
    #: the language every mail is written in (a code of ``mail_texts.MAIL_LANGUAGES``); "" for the
    #: language of the operator who sends it (U4, E1)
    mail_language: str = ""


@dataclass(frozen=True, slots=True)
class OutboxRow:
    id: int
    created_at: dt.datetime
    recipient: str
    subject: str
    body: str
    status: MailStatus
    sent_at: dt.datetime | None
    error: str | None
    #: the language the mail was written in (a code such as "de"); None when unknown
    language: str | None


class MailDeliveryError(DomainError):
    """The SMTP server refused or could not be reached; the message says why, without secrets."""


def read_setting(session: Session, key: str) -> dict[str, Any]:
    value = session.scalar(select(AppSetting.value).where(AppSetting.key == key))
    return value if isinstance(value, dict) else {}


def write_setting(session: Session, key: str, value: dict[str, Any]) -> None:
    row = session.get(AppSetting, key)
    if row is None:
        session.add(AppSetting(key=key, value=value))
    elif row.value != value:
        row.value = value


def account_settings(session: Session) -> AccountSettings:
    raw = read_setting(session, ACCOUNT_SETTING_KEY)
    minimum = raw.get("password_min_length")
    language = raw.get("mail_language")
    return AccountSettings(
        portal_url=str(raw.get("portal_url") or DEFAULT_PORTAL_URL),
        password_min_length=max(validation.PASSWORD_MIN, minimum) if isinstance(minimum, int) else 6,
        mail_language=language if language in mail_texts.MAIL_LANGUAGES else "",
    )


def account_setting_value(account: AccountSettings) -> dict[str, Any]:
    """The stored form of ``account`` (app_setting ``activation``)."""
    value: dict[str, Any] = {"portal_url": account.portal_url, "password_min_length": account.password_min_length}
    if account.mail_language:
        value["mail_language"] = account.mail_language
    return value


def _smtp_from(raw: dict[str, Any]) -> SmtpSettings:
    port = raw.get("port")
    security = raw.get("security")
    return SmtpSettings(
        host=str(raw.get("host") or ""),
        port=port if isinstance(port, int) else 587,
        security=security if security in SECURITY_CHOICES else "starttls",
        username=str(raw.get("username") or ""),
        sender=str(raw.get("sender") or ""),
    )


def queue_mail(session: Session, recipient: str, subject: str, body: str, *, language: str | None) -> OutboxMail:
    """Store a mail in the caller's transaction: queued when SMTP is set up, else kept in the outbox.
    ``language``: the code of the language subject and body are written in (U4)."""
    configured = _smtp_from(read_setting(session, SMTP_SETTING_KEY)).configured
    mail = OutboxMail(
        recipient=recipient,
        subject=subject[:500],
        body=body,
        status=MailStatus.QUEUED if configured else MailStatus.OUTBOX,
        language=language,
    )
    session.add(mail)
    return mail


class MailService:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        secrets: Callable[[], SecretStore],
        *,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self._factory = session_factory
        self._secrets = secrets
        self._now = clock

    # ------------------------------------------------------------------ settings

    def smtp_settings(self, operator: Operator) -> SmtpSettings:
        operator.require("settings.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return _smtp_from(read_setting(uow.session, SMTP_SETTING_KEY))

    def account_settings(self, operator: Operator) -> AccountSettings:
        operator.require("settings.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return account_settings(uow.session)

    def settings_version(self, operator: Operator) -> tuple[int, int]:
        """The versions of the SMTP and the account settings rows (0: never saved), for :meth:`save_settings`."""
        operator.require("settings.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            return setting_version(uow.session, SMTP_SETTING_KEY), setting_version(uow.session, ACCOUNT_SETTING_KEY)

    def has_smtp_password(self) -> bool:
        return bool(self._secrets().get(SMTP_SECRET_KEY))

    def save_settings(
        self,
        operator: Operator,
        smtp: SmtpSettings,
        account: AccountSettings,
        *,
        expected_version: tuple[int, int],
        password: str | None = None,
    ) -> tuple[int, int]:
        """Save both groups; ``password`` None keeps the stored one, "" removes it from the keyring.

        ``expected_version`` is :meth:`settings_version` as read with the shown values: a save over
        another workstation's change is refused as a conflict (S4). Returns the versions the save
        left, to hand to the next save: the operator's own save is no change made elsewhere."""
        operator.require("settings.smtp")
        host = smtp.host.strip()
        if host and any(c.isspace() for c in host):
            raise ValidationError("The SMTP server name must not contain spaces.", field="SMTP server")
        if not 1 <= smtp.port <= 65535:
            raise ValidationError("The port must be a number from 1 to 65535.", field="port")
        if smtp.security not in SECURITY_CHOICES:
            raise ValidationError("Choose how the connection is secured.", field="security")
        if host and not smtp.sender.strip():
            raise ValidationError("Please enter the sender address of the mails.", field="sender address")
        try:
            sender = validation.clean_email(smtp.sender, required=False)
        except ValidationError as exc:
            raise ValidationError(exc.template, field="sender address", **exc.values) from None
        url = account.portal_url.strip()
        if not url.startswith(("https://", "http://")):
            raise ValidationError(
                "The address of the activation page must start with https:// or http://.", field="activation page"
            )
        if account.mail_language and account.mail_language not in mail_texts.MAIL_LANGUAGES:
            raise ValidationError(
                "Mails cannot be written in {language}; choose one of {languages}.",
                field="language of the mails",
                language=account.mail_language,
                languages=", ".join(mail_texts.MAIL_LANGUAGES),
            )
        if account.password_min_length < validation.PASSWORD_MIN:
            raise ValidationError(
                "A password must have at least {min} characters; a lower minimum is not allowed.",
                field="password",
                min=validation.PASSWORD_MIN,
            )
        with UnitOfWork(self._factory, operator) as uow:
            # First the versions the user read (S4): a stale save changes nothing, not even the password.
            try:
                check_setting_version(uow.session.get(AppSetting, SMTP_SETTING_KEY), expected_version[0])
                check_setting_version(uow.session.get(AppSetting, ACCOUNT_SETTING_KEY), expected_version[1])
            except ConflictError as exc:
                if "who" not in exc.values:
                    raise
                # Said for what the section is (not "this setting"), and that a typed password is
                # not stored either: it goes to the keyring only with the rest.
                raise ConflictError(
                    "{who} saved the e-mail settings at {when} while you were editing them. Nothing was saved, "
                    "not even a password you typed; reload to see their settings.",
                    who=exc.values["who"],
                    when=exc.values["when"],
                ) from None
            write_setting(
                uow.session,
                SMTP_SETTING_KEY,
                {
                    "host": host,
                    "port": smtp.port,
                    "security": smtp.security,
                    "username": smtp.username.strip(),
                    "sender": sender or "",
                },
            )
            write_setting(uow.session, ACCOUNT_SETTING_KEY, account_setting_value(replace(account, portal_url=url)))
            uow.session.flush()
            if password is not None:
                # The keyring keeps no history: the settings could go back, the password not (E7).
                recording.block(recording.BLOCKED_PASSWORD)
                store = self._secrets()
                try:
                    if password:
                        store.set(SMTP_SECRET_KEY, password)
                    else:
                        store.delete(SMTP_SECRET_KEY)
                except SecretStoreUnavailableError as exc:
                    raise DomainError("The SMTP password cannot be saved: {reason}", reason=str(exc)) from None
            saved = setting_version(uow.session, SMTP_SETTING_KEY), setting_version(uow.session, ACCOUNT_SETTING_KEY)
            uow.commit()
        return saved

    # ------------------------------------------------------------------ sending

    def send_test_mail(
        self, operator: Operator, recipient: str, *, subject: str, body: str, language: str | None = None
    ) -> MailStatus:
        """Send one mail at once and say what became of it: sent, or kept in the outbox.
        ``language``: the code of the language subject and body are written in."""
        operator.require("settings.smtp")
        address = validation.clean_email(recipient)
        assert address is not None
        with UnitOfWork(self._factory, operator) as uow:
            mail = queue_mail(uow.session, address, subject, body, language=language)
            queued = mail.status == MailStatus.QUEUED
            uow.session.flush()
            mail_id = mail.id
            uow.commit()
        if not queued:
            return MailStatus.OUTBOX
        self.deliver_queued(only=mail_id, raise_errors=True)
        return MailStatus.SENT

    def deliver_queued(self, *, only: int | None = None, raise_errors: bool = False) -> int:
        """Send queued mails through SMTP; returns how many went out. Failures are kept as *failed*
        with the reason; with ``raise_errors`` the first failure is raised as well."""
        with self._factory() as session:
            smtp = _smtp_from(read_setting(session, SMTP_SETTING_KEY))
            stmt = select(OutboxMail).where(OutboxMail.status == MailStatus.QUEUED).order_by(OutboxMail.id)
            if only is not None:
                stmt = stmt.where(OutboxMail.id == only)
            mails = list(session.scalars(stmt.limit(_DELIVERY_BATCH)))
            if not mails or not smtp.configured:
                return 0
            sent = 0
            failure: MailDeliveryError | None = None
            try:
                with self._connect(smtp) as server:
                    for mail in mails:
                        try:
                            server.send_message(_message(smtp, mail))
                        except smtplib.SMTPException as exc:
                            self._mark(session, mail.id, MailStatus.FAILED, _describe(exc))
                            failure = failure or MailDeliveryError(
                                "The mail server refused the mail: {reason}", reason=_describe(exc)
                            )
                        else:
                            self._mark(session, mail.id, MailStatus.SENT, None)
                            sent += 1
            except (OSError, smtplib.SMTPException) as exc:
                reason = _describe(exc)
                log.warning("SMTP delivery failed: %s", reason)
                for mail in mails:
                    if mail.status == MailStatus.QUEUED:
                        self._mark(session, mail.id, MailStatus.FAILED, reason)
                failure = MailDeliveryError("The mail server could not be used: {reason}", reason=reason)
            if failure is not None and raise_errors:
                raise failure
            return sent

    def _connect(self, smtp: SmtpSettings) -> smtplib.SMTP:
        context = ssl.create_default_context()
        server: smtplib.SMTP
        if smtp.security == "ssl":
            server = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=SMTP_TIMEOUT_SECONDS, context=context)
        else:
            server = smtplib.SMTP(smtp.host, smtp.port, timeout=SMTP_TIMEOUT_SECONDS)
            if smtp.security == "starttls":
                server.starttls(context=context)
        if smtp.username:
            password = self._secrets().get(SMTP_SECRET_KEY) or ""
            server.login(smtp.username, password)
        return server

    def _mark(self, session: Session, mail_id: int, status: MailStatus, error: str | None) -> None:
        session.execute(
            update(OutboxMail)
            .where(OutboxMail.id == mail_id)
            .values(
                status=status, error=error[:1000] if error else None, sent_at=self._now() if error is None else None
            )
        )
        session.commit()

    def retry_failed(self, operator: Operator, mail_ids: list[int]) -> int:
        """Queue kept or failed mails again and send them (e.g. after SMTP was set up)."""
        operator.require("mail.view")
        with UnitOfWork(self._factory, operator) as uow:
            smtp = _smtp_from(read_setting(uow.session, SMTP_SETTING_KEY))
            if not smtp.configured:
                raise DomainError("No e-mail server is set up; set one up on the settings page first.")
            uow.session.execute(
                update(OutboxMail)
                .where(OutboxMail.id.in_(mail_ids), OutboxMail.status.in_([MailStatus.FAILED, MailStatus.OUTBOX]))
                .values(status=MailStatus.QUEUED, error=None)
            )
            uow.commit()
        return self.deliver_queued(raise_errors=True)

    # ------------------------------------------------------------------ the outbox

    def outbox_count(self, operator: Operator, *, search: str = "") -> int:
        """How many mails there are (whose recipient or subject hold the words of ``search``)."""
        operator.require("mail.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            count = select(func.count()).select_from(OutboxMail).where(*_search_terms(uow.session, search))
            return uow.session.scalar(count) or 0

    def outbox_page(self, operator: Operator, offset: int, limit: int, *, search: str = "") -> list[OutboxRow]:
        """Mails, newest first (those whose recipient or subject hold the words of ``search``, folded)."""
        operator.require("mail.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            rows = uow.session.execute(
                select(
                    OutboxMail.id,
                    OutboxMail.created_at,
                    OutboxMail.recipient,
                    OutboxMail.subject,
                    OutboxMail.body,
                    OutboxMail.status,
                    OutboxMail.sent_at,
                    OutboxMail.error,
                    OutboxMail.language,
                )
                .where(*_search_terms(uow.session, search))
                .order_by(OutboxMail.created_at.desc(), OutboxMail.id.desc())
                .offset(offset)
                .limit(limit)
            ).all()
        return [OutboxRow(*row) for row in rows]


def _search_terms(session: Session, search: str) -> list[ColumnElement[bool]]:
    """The outbox's search (E2): every folded word of the text in the recipient or the subject
    ("mueller" finds "müller@…"; revision 0029, :mod:`mandant_desktop.db.search_keys`)."""
    return search_keys.search_condition(session, OutboxMail.search_key, search)


def _message(smtp: SmtpSettings, mail: OutboxMail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = smtp.sender or smtp.username
    message["To"] = mail.recipient
    message["Subject"] = mail.subject
    message.set_content(mail.body)
    return message


def _describe(exc: BaseException) -> str:
    """A reason in one line; SMTP replies are bytes, and a password never appears in them."""
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"{exc.smtp_code} {text}".strip()
    return str(exc) or type(exc).__name__
