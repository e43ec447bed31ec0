"""The texts of the mails the application sends (SPEC U2, U3), as English source strings.

They are marked for lupdate in the ``mails`` context; the UI hands the services a ``translate``
function so that a mail goes out in the operator's language. Placeholders are filled after
translation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from mandant_desktop.domain.translatable import QT_TRANSLATE_NOOP

MAILS_CONTEXT = "mails"

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


def language_of(translate: Callable[[str], str]) -> str:
    """The code of the language ``translate`` writes mails in, as the outbox stores it (U4)."""
    return translate(MAIL_LANGUAGE)


def link_expiry(expires: dt.datetime, translate: Callable[[str], str]) -> str:
    """``expires`` as the mail in ``translate``'s language writes it."""
    return expires.astimezone().strftime(translate(LINK_EXPIRY_FORMAT))
