"""Mails go out in the operator's language: the ``translate`` the mail services are given.

A mail keeps the language it was written in; the outbox stores it with the mail and names it
(``domain.mail_texts.language_of``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mandant_desktop.domain.mail_texts import MAILS_CONTEXT


def translate_mail(text: str) -> str:
    return QCoreApplication.translate(MAILS_CONTEXT, text)
