"""A few mails for the Outbox page (SPEC U4): what the activation path of the last weeks would have
left behind — activation links and confirmations that went out, one activation link the recipient's
mail server refused, and one still waiting.

The texts are the application's own mail texts (``domain.mail_texts``), translated by the caller's
``translate`` and filled in the way :func:`~mandant_desktop.services.activation.issue_link` fills
them. The links of waiting users carry a real token: the demo replaces the hash of their stored
activation link with the hash of that token, so ``mandant-admin user activate TOKEN`` works with a
link read on the Outbox page.

A random source of its own (derived from the seed) keeps the rest of the demo data unchanged.
"""

from __future__ import annotations

import base64
import datetime as dt
import random
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from mandant_desktop.db.models import MailStatus
from mandant_desktop.domain import mail_texts
from mandant_desktop.domain.search_folding import search_key
from mandant_desktop.services.activation import ACTIVATION_VALIDITY, hash_token
from mandant_desktop.services.demo.context import DemoContext
from mandant_desktop.services.demo.people import Staff
from mandant_desktop.services.mail import DEFAULT_PORTAL_URL

Row = dict[str, Any]
Translate = Callable[[str], str]

#: the recipient's mail server refusing the address (a German provider answers in German)
REFUSED = "550 5.1.1 <{email}>: Empfängeradresse abgelehnt: Postfach nicht vorhanden"
#: active users whose activation and confirmation mails are kept
CONFIRMED_USERS = 3


def make_outbox(ctx: DemoContext, staff: Staff, tokens: list[Row], seed: int, translate: Translate) -> list[Row]:
    """The mails, oldest first; sets the ``token_hash`` of the tokens whose link is in a mail."""
    rng = random.Random(f"demo-outbox:{seed}")
    users = {row["id"]: row for row in staff.rows}
    mails: list[Row] = []
    activated = sorted(
        (users[u] for u in staff.active if u != staff.admin_id and users[u]["email"]),
        key=lambda row: row["activated_at"],
    )[-CONFIRMED_USERS:]
    for user in activated:
        sent = user["created_at"]
        mails.append(_activation(user, sent, sent + ACTIVATION_VALIDITY, _token(rng), "sent", translate))
        confirmed = user["activated_at"]
        body = translate(mail_texts.CONFIRMATION_BODY).format(name=_name(user), username=user["username"])
        mails.append(_row(user, confirmed, translate(mail_texts.CONFIRMATION_SUBJECT), body, "sent", translate))
    # The newest links of users still waiting: sent, refused by the recipient's server, waiting.
    waiting = sorted(
        (t for t in tokens if users.get(t["user_id"], {}).get("email")), key=lambda token: token["created_at"]
    )[-3:]
    outcomes = ("sent", "failed", "queued")[-len(waiting) :] if waiting else ()
    for token_row, outcome in zip(waiting, outcomes, strict=True):
        token = _token(rng)
        token_row["token_hash"] = hash_token(token)
        if outcome == "queued":
            # Issued a moment ago and not sent yet, so the link is still valid.
            token_row["created_at"] = ctx.now - dt.timedelta(minutes=rng.randint(5, 90))
            token_row["expires_at"] = token_row["created_at"] + ACTIVATION_VALIDITY
        user = users[token_row["user_id"]]
        mails.append(_activation(user, token_row["created_at"], token_row["expires_at"], token, outcome, translate))
    mails.sort(key=lambda row: row["created_at"])
    return mails


def _token(rng: random.Random) -> str:
    """Like :func:`~mandant_desktop.services.activation.new_token` (never starting with "-"), but
    from the demo's seed."""
    token = base64.urlsafe_b64encode(rng.randbytes(32)).decode("ascii").rstrip("=")
    return token if not token.startswith("-") else f"A{token[1:]}"


def _name(user: Row) -> str:
    return f"{user['first_name']} {user['last_name']}".strip() or str(user["username"])


def _activation(
    user: Row, at: dt.datetime, expires: dt.datetime, token: str, outcome: str, translate: Translate
) -> Row:
    template = mail_texts.ACTIVATION_BODY_SSO if user["sso"] else mail_texts.ACTIVATION_BODY_PASSWORD
    body = translate(template).format(
        name=_name(user),
        username=user["username"],
        link=f"{DEFAULT_PORTAL_URL}?{urlencode({'token': token})}",
        expires=mail_texts.link_expiry(expires, translate),
    )
    return _row(user, at, translate(mail_texts.ACTIVATION_SUBJECT), body, outcome, translate)


def _row(user: Row, at: dt.datetime, subject: str, body: str, outcome: str, translate: Translate) -> Row:
    status = MailStatus(outcome)
    return {
        "language": mail_texts.language_of(translate),
        "created_at": at,
        "recipient": user["email"],
        "subject": subject[:500],
        "search_key": search_key((user["email"], subject[:500])),  # bulk rows pass no insert default
        "body": body,
        "status": status,
        "sent_at": at + dt.timedelta(seconds=4) if status is MailStatus.SENT else None,
        "error": REFUSED.format(email=user["email"]) if status is MailStatus.FAILED else None,
    }
