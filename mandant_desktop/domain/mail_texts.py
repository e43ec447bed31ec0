"""The texts of the mails the application sends (SPEC U2, U3), as English source strings, and the
rule which language a mail is written in (U4, E1).

They are marked for lupdate in the ``mails`` context; the UI hands the services a ``translate``
function. A mail goes out in the database's mail language (the e-mail settings, the same for every
workstation, so that a user's mails do not change language with the operator who happens to add
or remind them); where none is set, in the language of the operator who sends it. A ``translate``
that can write another language than its own has ``in_language(code)`` (:class:`MailTranslate`).
Placeholders are filled after translation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from mandant_desktop.domain.translatable import QT_TRANSLATE_NOOP

MAILS_CONTEXT = "mails"
#: the languages mails can be written in (the source language and each shipped catalogue)
MAIL_LANGUAGES = ("de", "en")
SOURCE_LANGUAGE = "en"

ACTIVATION_SUBJECT = QT_TRANSLATE_NOOP("mails", "Activate your account")
ACTIVATION_BODY_PASSWORD = QT_TRANSLATE_NOOP(
    "mails",
    "Hello {name},\n\n"
    "an account with the user name {username} has been created for you.\n"
    "Open this link to create your password; the account is active as soon as you have done so:\n\n"
    "{link}\n\n"
    "The link is valid until {expires} and works once.\n"
    "If you do not find this mail in your inbox next time, please look in your spam folder.",
)
ACTIVATION_BODY_SSO = QT_TRANSLATE_NOOP(
    "mails",
    "Hello {name},\n\n"
    "an account with the user name {username} has been created for you.\n"
    "Open this link to activate it; you sign in with your company account (single sign-on):\n\n"
    "{link}\n\n"
    "The link is valid until {expires} and works once.",
)
CONFIRMATION_SUBJECT = QT_TRANSLATE_NOOP("mails", "Your account is active")
CONFIRMATION_BODY = QT_TRANSLATE_NOOP(
    "mails",
    "Hello {name},\n\nyour account {username} is now active. You can sign in.",
)
TEST_SUBJECT = QT_TRANSLATE_NOOP("mails", "Test mail from Mandant Desktop")
TEST_BODY = QT_TRANSLATE_NOOP(
    "mails",
    "This is a test mail. The e-mail server settings of Mandant Desktop work.",
)
#: how a link's expiry is written in a mail (strftime; local time of the workstation that sends it):
#: a date the reader recognises in the mail's language, unambiguous in English
LINK_EXPIRY_FORMAT = QT_TRANSLATE_NOOP("mails", "%Y-%m-%d %H:%M")
#: the code of the language the mails are written in: each catalogue translates it to its own code
#: ("de"), so the ``translate`` that writes a mail also names its language (:func:`language_of`)
MAIL_LANGUAGE = QT_TRANSLATE_NOOP("mails", "en")


@runtime_checkable
class MailTranslate(Protocol):
    """Mail texts in the operator's language (a call), and in any of :data:`MAIL_LANGUAGES`."""

    def __call__(self, text: str) -> str: ...

    def in_language(self, language: str) -> Callable[[str], str]: ...


def _same(text: str) -> str:
    return text


def for_language(translate: Callable[[str], str] | None, language: str) -> Callable[[str], str]:
    """The translate that writes a mail in ``language`` (the database's mail language; "" when
    none is set: ``translate``'s own, the operator's). English needs no catalogue; another language
    needs a ``translate`` that can switch (:class:`MailTranslate`), else the mail stays in
    ``translate``'s language, which :func:`language_of` then records."""
    if not language:
        return translate or _same
    if language == SOURCE_LANGUAGE:
        return _same
    if isinstance(translate, MailTranslate):
        return translate.in_language(language)
    return translate or _same


def language_of(translate: Callable[[str], str]) -> str:
    """The code of the language ``translate`` writes mails in, as the outbox stores it (U4)."""
    return translate(MAIL_LANGUAGE)


def link_expiry(expires: dt.datetime, translate: Callable[[str], str]) -> str:
    """``expires`` as the mail in ``translate``'s language writes it."""
    return expires.astimezone().strftime(translate(LINK_EXPIRY_FORMAT))
