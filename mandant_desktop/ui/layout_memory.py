"""Column widths, sort orders and splitters of a page come back in the next session (SPEC E4).

A page declares a :class:`~mandant_desktop.ui.settings.Setting` per header or splitter beside its
code and hands it to :func:`remember_header` / :func:`remember_splitter`, which restore the saved
state at once and save every change as it happens (a page has no "closing" moment of its own).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QHeaderView, QSplitter

from mandant_desktop.ui.settings import Setting, Settings


def remember_header(settings: Settings, setting: Setting[QByteArray], header: QHeaderView) -> None:
    saved = settings.value(setting)
    if not saved.isEmpty():
        header.restoreState(saved)

    def save(*_args: object) -> None:
        settings.set_value(setting, header.saveState())

    header.sectionResized.connect(save)
    header.sectionMoved.connect(save)
    header.sortIndicatorChanged.connect(save)


def remember_splitter(settings: Settings, setting: Setting[QByteArray], splitter: QSplitter) -> None:
    saved = settings.value(setting)
    if not saved.isEmpty():
        splitter.restoreState(saved)
    splitter.splitterMoved.connect(lambda *_args: settings.set_value(setting, splitter.saveState()))
