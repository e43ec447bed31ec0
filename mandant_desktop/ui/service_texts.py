"""Messages the services hand to the UI without raising them, marked here for lupdate.

Unlike DomainError templates (collected into ``error_catalog.py`` by the translation tool), these
are plain strings, e.g. :attr:`SecretStore.reason`. The UI translates them with
``errors.translate_text``; tests/ui/test_translations.py checks that each text here is still the
one the service produces, so a reworded service message cannot silently lose its translation.
"""

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP

KEYRING_UNAVAILABLE = QT_TRANSLATE_NOOP(
    "errors",
    "No password store (keyring) is available on this computer, so passwords are not saved "
    "and you are asked for them each time.",
)
