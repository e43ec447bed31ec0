"""Mails go out in the operator's language: the ``translate`` the mail services are given."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mandant_desktop.domain.mail_texts import MAILS_CONTEXT


def translate_mail(text: str) -> str:
    return QCoreApplication.translate(MAILS_CONTEXT, text)
