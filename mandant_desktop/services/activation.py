"""Activation links: issue, resend, and the activation itself (SPEC U2, U3, U4).

A token is 32 random bytes in URL-safe Base64; only its SHA-256 is stored. Issuing a new token
revokes every older unused token of the user, so a resent link makes the previous one invalid.
The link is valid for seven days. The activation runs on the customer portal, which is outside
this application: :meth:`ActivationService.activate` is the service that portal (and the CLI
command ``mandant-admin user activate TOKEN``) calls.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable, Collection
from dataclasses import dataclass
from urllib.parse import urlencode

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db.models import ActivationToken, User, UserStatus, utcnow
from mandant_desktop.domain import mail_texts, validation
from mandant_desktop.domain.errors import DomainError, NotFoundError, ValidationError
from mandant_desktop.services.mail import account_settings, queue_mail
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.passwords import hash_password
from mandant_desktop.services.unit_of_work import UnitOfWork

ACTIVATION_VALIDITY = dt.timedelta(days=7)
ACTIVATION_OPERATOR = "activation"

Translate = Callable[[str], str]


def new_token() -> str:
    """A one-time activation token (256 bits, URL-safe). It never starts with "-", so that it can be
    pasted after ``mandant-admin user activate`` without being read as an option."""
    while True:
        token = secrets.token_urlsafe(32)
        if not token.startswith("-"):
            return token


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class IssuedLink:
    user_id: int
    token: str
    expires_at: dt.datetime


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """What the activation page needs to know before it asks anything."""

    username: str
    display_name: str
    needs_password: bool
    password_min_length: int


class ActivationError(DomainError):
    pass


def revoke_open_links(session: Session, user_id: int, now: dt.datetime) -> int:
    """Make every unused link of the user invalid, in the caller's transaction (U3); returns how
    many were not yet revoked (expired ones included)."""
    result = session.execute(
        update(ActivationToken)
        .where(
            ActivationToken.user_id == user_id,
            ActivationToken.used_at.is_(None),
            ActivationToken.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def issue_link(session: Session, user: User, now: dt.datetime, translate: Translate | None = None) -> IssuedLink:
    """A new token for ``user`` (older ones revoked) and its mail, in the caller's transaction."""
    settings = account_settings(session)
    label = mail_texts.for_language(translate, settings.mail_language)
    revoke_open_links(session, user.id, now)
    token = new_token()
    expires = now + ACTIVATION_VALIDITY
    session.add(ActivationToken(user_id=user.id, token_hash=hash_token(token), created_at=now, expires_at=expires))
    separator = "&" if "?" in settings.portal_url else "?"
    link = f"{settings.portal_url}{separator}{urlencode({'token': token})}"
    body = label(mail_texts.ACTIVATION_BODY_SSO if user.sso else mail_texts.ACTIVATION_BODY_PASSWORD)
    if user.email:
        queue_mail(
            session,
            user.email,
            label(mail_texts.ACTIVATION_SUBJECT),
            body.format(
                name=user.display_name,
                username=user.username,
                link=link,
                expires=mail_texts.link_expiry(expires, label),
            ),
            language=mail_texts.language_of(label),
        )
    return IssuedLink(user_id=user.id, token=token, expires_at=expires)


class ActivationService:
    def __init__(self, session_factory: sessionmaker[Session], *, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self._factory = session_factory
        self._now = clock

    def resend(
        self, operator: Operator, user_ids: Collection[int], *, translate: Translate | None = None
    ) -> list[IssuedLink]:
        """A new link for each selected user still waiting for activation (U3); all or nothing."""
        operator.require("users.send_activation")
        if not user_ids:
            raise ValidationError("Select at least one user.")
        now = self._now()
        with UnitOfWork(self._factory, operator) as uow:
            users = list(uow.session.scalars(select(User).where(User.id.in_(list(user_ids))).order_by(User.id)))
            if len(users) != len(set(user_ids)):
                raise NotFoundError("A selected user no longer exists. Reload the list.")
            done = [u.display_name for u in users if u.status != UserStatus.PENDING]
            if done:
                raise ValidationError(
                    "Only users waiting for activation get a new link; already activated or deactivated: {names}.",
                    names=", ".join(done[:5]) + (" …" if len(done) > 5 else ""),
                )
            missing = [u.display_name for u in users if not u.email]
            if missing:
                raise ValidationError("These users have no e-mail address: {names}.", names=", ".join(missing[:5]))
            links = [issue_link(uow.session, user, now, translate) for user in users]
            uow.audit_many(
                (
                    {
                        "object_type": "User",
                        "object_id": link.user_id,
                        "action": "update",
                        "summary": "activation link sent",
                        "changes": {"activation_link_expires": [None, link.expires_at.isoformat()]},
                    }
                    for link in links
                ),
                recorded=True,  # the tokens are captured; the sent mail alone makes it not undoable
            )
            uow.commit()
        return links

    def _valid_token(self, session: Session, token: str) -> tuple[ActivationToken, User]:
        row = session.scalar(select(ActivationToken).where(ActivationToken.token_hash == hash_token(token.strip())))
        if row is None or row.revoked_at is not None:
            raise ActivationError("This activation link is not valid. Ask for a new one.")
        if row.used_at is not None:
            raise ActivationError("This activation link has been used already.")
        if row.expires_at <= self._now():
            raise ActivationError("This activation link has expired. Ask for a new one.")
        user = session.get(User, row.user_id)
        if user is None or user.status != UserStatus.PENDING:
            raise ActivationError("This account is not waiting for activation.")
        return row, user

    def token_info(self, token: str) -> TokenInfo:
        with self._factory() as session:
            _row, user = self._valid_token(session, token)
            return TokenInfo(
                username=user.username,
                display_name=user.display_name,
                needs_password=not user.sso,
                password_min_length=account_settings(session).password_min_length,
            )

    def activate(
        self,
        token: str,
        password: str | None = None,
        password_repeat: str | None = None,
        *,
        translate: Translate | None = None,
    ) -> str:
        """Activate the account of ``token``; returns the user name. SSO users need no password,
        others set one that follows the policy. A confirmation mail goes out (U2)."""
        now = self._now()
        with UnitOfWork(self._factory, system_operator(ACTIVATION_OPERATOR)) as uow:
            session = uow.session
            row, user = self._valid_token(session, token)
            settings = account_settings(session)
            label = mail_texts.for_language(translate, settings.mail_language)
            if not user.sso:
                if password is None:
                    raise ValidationError("Please choose a password.", field="password")
                minimum = settings.password_min_length
                validation.check_password(password, password_repeat, minimum=minimum)
                user.password_hash = hash_password(password)
            user.status = UserStatus.ACTIVE
            user.activated_at = now
            row.used_at = now
            if user.email:
                queue_mail(
                    session,
                    user.email,
                    label(mail_texts.CONFIRMATION_SUBJECT),
                    label(mail_texts.CONFIRMATION_BODY).format(name=user.display_name, username=user.username),
                    language=mail_texts.language_of(label),
                )
            username = user.username
            uow.commit()
        return username
