"""Marking user-visible texts for translation below the UI (SPEC E1).

Domain and service modules hold English source strings that the user reads (mail texts, progress
messages) but must not import Qt. They mark them with :func:`QT_TRANSLATE_NOOP` in a context of
their own, so that lupdate extracts them; the UI translates them with
``QCoreApplication.translate(context, text)`` and the CLI shows them as they are, in English.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the very name lupdate looks for
    return text
