"""``mandant-desktop --demo`` fills an empty database behind a progress dialog in the UI language
(SPEC E9, E1, E3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mandant_desktop import bootstrap
from mandant_desktop.services.demo.generator import BUILDING_INDEXES, PREPARING, SAVING, STAGE_MESSAGES
from mandant_desktop.ui import tasks
from mandant_desktop.ui.demo_progress import fill_demo_database
from mandant_desktop.ui.i18n import LanguageManager

ENGLISH = {PREPARING, SAVING, BUILDING_INDEXES, *STAGE_MESSAGES.values()}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_demo_fill_reports_its_progress_in_the_ui_language(
    qtbot: QtBot, language: LanguageManager, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """E1: every step of the generator reaches the dialog translated (in English as it is); the
    dialog is gone when the data is there."""
    language.choose(lang)
    shown: list[str] = []
    label = tasks.ProgressDialog.setLabelText
    monkeypatch.setattr(
        tasks.ProgressDialog, "setLabelText", lambda self, text: (shown.append(text), label(self, text))
    )
    app = bootstrap.open_database(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    try:
        assert fill_demo_database(app)
        assert not fill_demo_database(app)  # not twice
    finally:
        app.close()
    steps = set(shown)
    assert len(steps) == len(ENGLISH)  # each step with a text of its own
    if lang == "de":
        assert {"Demodaten werden vorbereitet", "Mandanten werden angelegt", "Wird gespeichert"} <= steps
        assert not steps & ENGLISH
    else:
        assert steps == ENGLISH
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, tasks.ProgressDialog) and w.isVisible()]
