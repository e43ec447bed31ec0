"""Mails go out in the operator's language: the ``translate`` the mail services are given.

A mail keeps the language it was written in; the outbox says which one it is (:func:`mail_language`).
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QTranslator

from mandant_desktop.domain.mail_texts import MAILS_CONTEXT, SUBJECTS
from mandant_desktop.ui.i18n import LANGUAGES, SOURCE_LANGUAGE, read_catalog


def translate_mail(text: str) -> str:
    return QCoreApplication.translate(MAILS_CONTEXT, text)


def mail_language(subject: str) -> str | None:
    """The language (a code of :data:`~mandant_desktop.ui.i18n.LANGUAGES`) of a mail this application
    wrote, told by its subject, which differs for each kind of mail and language; None for another."""
    return _languages_by_subject().get(subject)


@functools.cache
def _languages_by_subject() -> dict[str, str]:
    found = dict.fromkeys(SUBJECTS, SOURCE_LANGUAGE)
    for language in LANGUAGES:
        data = read_catalog(language) if language != SOURCE_LANGUAGE else None
        translator = QTranslator()
        if data is None or not translator.load(data):
            continue
        for subject in SUBJECTS:
            found.setdefault(translator.translate(MAILS_CONTEXT, subject) or subject, language)
    return found
