"""Mail texts in the operator's language, or in the database's mail language (U4, E1).

:data:`translate_mail` is the ``translate`` the UI (and the CLI) hands the mail services: called, it
writes the operator's language; ``in_language(code)`` writes another, from the shipped catalogue
read into a translator of its own (the one installed for the screen stays as it is). The services
pick by ``domain.mail_texts.for_language``. A mail keeps the language it was written in; the
outbox stores it with the mail and names it (``domain.mail_texts.language_of``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTranslator

from mandant_desktop.domain.mail_texts import MAILS_CONTEXT, SOURCE_LANGUAGE
from mandant_desktop.ui.i18n import read_catalog


def _same(text: str) -> str:
    return text


class _CatalogTexts:
    """The ``mails`` context of one language's catalogue. QTranslator.translate only reads the
    loaded catalogue, so the workers that write mails may call it (the resend runs on one)."""

    def __init__(self, translator: QTranslator, data: bytes) -> None:
        self._translator = translator
        self._data = data  # QTranslator.load(bytes) does not copy the buffer

    def __call__(self, text: str) -> str:
        return self._translator.translate(MAILS_CONTEXT, text) or text


class MailTranslate:
    """Called: the operator's language (the translators installed for the screen)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._languages: dict[str, Callable[[str], str]] = {}

    def __call__(self, text: str) -> str:
        return QCoreApplication.translate(MAILS_CONTEXT, text)

    def in_language(self, language: str) -> Callable[[str], str]:
        """Mail texts in ``language`` whatever the screen's; English where no catalogue ships."""
        if language == SOURCE_LANGUAGE:
            return _same
        with self._lock:
            known = self._languages.get(language)
            if known is None:
                data = read_catalog(language)
                translator = QTranslator()
                known = _CatalogTexts(translator, data) if data is not None and translator.load(data) else _same
                self._languages[language] = known
            return known


translate_mail = MailTranslate()
