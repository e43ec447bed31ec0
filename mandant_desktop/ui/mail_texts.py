"""Mails go out in the operator's language: the ``translate`` the mail services are given.

A mail keeps the language it was written in; the outbox says which one it is (:func:`mail_language`).
"""

from __future__ import annotations

import functools
from importlib import resources

from PySide6.QtCore import QCoreApplication, QTranslator

from mandant_desktop.domain.mail_texts import MAILS_CONTEXT, SUBJECTS
from mandant_desktop.ui.i18n import CATALOG, LANGUAGES, SOURCE_LANGUAGE


def translate_mail(text: str) -> str:
    return QCoreApplication.translate(MAILS_CONTEXT, text)


def mail_language(subject: str) -> str | None:
    """The language (a code of :data:`~mandant_desktop.ui.i18n.LANGUAGES`) of a mail this application
    wrote, told by its subject, which differs for each kind of mail and language; None for another."""
    for language in LANGUAGES:
        if subject in _subjects_in(language):
            return language
    return None


@functools.cache
def _subjects_in(language: str) -> frozenset[str]:
    """The mail subjects as ``language`` writes them (the catalogues ship with the program)."""
    if language == SOURCE_LANGUAGE:
        return frozenset(SUBJECTS)
    translator = QTranslator()
    catalog = resources.files("mandant_desktop.translations").joinpath(f"{CATALOG}_{language}.qm")
    # From a file, not from bytes: QTranslator keeps reading a buffer it was loaded from (the
    # language manager keeps its buffers alive for that reason); a file needs no such care.
    with resources.as_file(catalog) as path:
        if not path.is_file() or not translator.load(str(path)):
            return frozenset()
        return frozenset(text for subject in SUBJECTS if (text := translator.translate(MAILS_CONTEXT, subject)))
