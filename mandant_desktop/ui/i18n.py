"""Translators and the UI language (SPEC E1).

The language follows the system locale unless the user picked one in the settings page (persisted
as ``ui/language``) or on the command line (``--lang``, not persisted). Switching installs fresh
translators; Qt then sends every widget a ``LanguageChange`` event and each widget re-applies its
texts in ``retranslateUi()`` — no restart, nothing typed is lost.
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from mandant_desktop.ui import settings as ui_settings

log = logging.getLogger(__name__)

SYSTEM = "system"
#: languages offered in the UI; English is the source language and needs no translator
LANGUAGES = ("de", "en")
SOURCE_LANGUAGE = "en"
CATALOG = "mandant_desktop"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the very name lupdate looks for
    """Marks ``text`` for lupdate in ``context``; translated later with QCoreApplication.translate.

    PySide6's own QT_TRANSLATE_NOOP is typed as returning ``object``; this one keeps ``str``.
    """
    return text


def resolve(choice: str, system_locale: QLocale | None = None) -> str:
    """``"system"`` or a code → the language actually used (one of :data:`LANGUAGES`)."""
    if choice in LANGUAGES:
        return choice
    locale = system_locale if system_locale is not None else QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def read_catalog(language: str) -> bytes | None:
    """Our compiled catalogue for ``language`` from the package (works from a wheel or a zip too)."""
    name = f"{CATALOG}_{language}.qm"
    try:
        return resources.files("mandant_desktop.translations").joinpath(name).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        log.warning("no translation %s shipped", name)
        return None


class LanguageManager(QObject):
    """Owns the installed translators; one per application."""

    #: emitted with the language now in use after every switch
    language_changed = Signal(str)

    def __init__(self, settings: ui_settings.Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._translators: list[QTranslator] = []
        # QTranslator.load(bytes) does not copy the buffer: it must outlive the translator.
        self._buffers: list[bytes] = []
        self._current = SOURCE_LANGUAGE
        self._override: str | None = None

    @property
    def current(self) -> str:
        """The language in use: ``"de"`` or ``"en"``."""
        return self._current

    @property
    def choice(self) -> str:
        """What is chosen: ``--lang`` for this run, else the saved ``"system"``, ``"de"`` or ``"en"``."""
        return self._override or self._settings.value(ui_settings.LANGUAGE)

    def start(self, override: str | None = None) -> str:
        """Install the translators at start-up; ``override`` is ``--lang`` and is not saved."""
        self._override = override if override in LANGUAGES else None
        return self._apply(self.choice)

    def choose(self, choice: str) -> str:
        """The user's pick in the settings: saved, and applied at once."""
        if choice != SYSTEM and choice not in LANGUAGES:
            raise ValueError(f"unknown language {choice!r}")
        self._settings.set_value(ui_settings.LANGUAGE, choice)
        self._override = None
        return self._apply(choice)

    def shutdown(self) -> None:
        """Remove our translators (the end of ``main``; tests run it many times in one process)."""
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators = []
        self._buffers = []
        self._current = SOURCE_LANGUAGE
        QLocale.setDefault(QLocale.system())

    def _apply(self, choice: str) -> str:
        language = resolve(choice)
        app = QCoreApplication.instance()
        if app is not None:
            for translator in self._translators:
                QCoreApplication.removeTranslator(translator)
        self._translators = []
        self._buffers = []
        if language != SOURCE_LANGUAGE:
            data = read_catalog(language)
            ours = QTranslator()
            if data is not None and ours.load(data):
                self._buffers.append(data)
                self._translators.append(ours)
            qt_own = QTranslator()
            path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(f"qtbase_{language}", path):
                self._translators.append(qt_own)
            else:
                log.info("Qt's own translation qtbase_%s not found in %s", language, path)
        for translator in self._translators:
            QCoreApplication.installTranslator(translator)
        QLocale.setDefault(QLocale(language))
        changed = language != self._current
        self._current = language
        log.info("UI language %s (choice %s)", language, choice)
        if changed:
            self.language_changed.emit(language)
        return language
