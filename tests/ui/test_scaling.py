"""No clipped text at 100 %, 150 % and 200 % scaling, and with a larger font (SPEC E5).

``QT_SCALE_FACTOR`` is read when Qt starts, so each scale runs ``scaling_probe.py`` in a fresh
interpreter on a demo database made once: every page and its main dialogs, in German (the longer
texts). The probe reports each label, button, combo box, tab, navigation entry and header section
that is narrower than its text, and each toolbar that overflows.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from mandant_desktop import bootstrap

PROBE = Path(__file__).with_name("scaling_probe.py")


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('scaling') / 'demo.sqlite'}"
    app = bootstrap.open_database(url, profile_name="Demo")
    try:
        bootstrap.ensure_demo_data(app)
    finally:
        app.close()
    return url


@pytest.mark.slow
@pytest.mark.parametrize(
    ("scale", "font_scale"), [("1", "1"), ("1.5", "1"), ("2", "1"), ("1.5", "1.5")], ids=["1", "1.5", "2", "1.5-font"]
)
def test_no_text_is_cut_at_any_scale(demo_url: str, scale: str, font_scale: str, isolated_user: Path) -> None:
    """E5: every page and its main dialogs show their texts whole (labels, buttons, tabs, column
    headers, the placeholders of search fields) at 100 %, 150 % and 200 %, and at 150 % with the
    font half as large again (a larger text size of the desktop): the pages' widths are in
    characters, not pixels (search fields, columns, the bulk-edit panel; a 115-pixel column cut
    "Benutzername", 260-pixel search fields their placeholders)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("MANDANT_")}
    env.update(QT_SCALE_FACTOR=scale, FONT_SCALE=font_scale, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(PROBE), demo_url, "de"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert found == [], "\n".join(
        f"{item['where']}: {item['widget']} {item['text']!r} is {item['width']} px wide, needs {item['needed']}"
        for item in found
    )


def test_the_probe_sees_cut_texts(qtbot: QtBot) -> None:
    """The check itself: a label, a button, a header section and a search field's placeholder
    squeezed below their text are reported."""
    spec = importlib.util.spec_from_file_location("scaling_probe", PROBE)
    assert spec is not None and spec.loader is not None
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    root = QWidget()
    qtbot.addWidget(root)
    label = QLabel("Organisationseinheiten", root)
    button = QPushButton("Zugriff hinzufügen…", root)
    view = QTableView(root)
    model = QStandardItemModel(1, 2)
    model.setHorizontalHeaderLabels(["Benutzername", "Rest"])
    view.setModel(model)
    view.setGeometry(0, 60, 300, 100)
    view.horizontalHeader().resizeSection(0, 150)
    search = QLineEdit(root)
    search.setPlaceholderText("Benutzer nach Name, Benutzername oder E-Mail suchen…")
    search.setGeometry(0, 170, 420, search.sizeHint().height())
    root.resize(440, 200)
    root.show()
    qtbot.waitExposed(root)
    assert list(probe.problems("here", root)) == []
    label.resize(label.sizeHint().width() // 2, label.height())
    button.resize(button.sizeHint().width() // 2, button.height())
    view.horizontalHeader().resizeSection(0, 20)
    search.resize(search.width() // 2, search.height())
    reported = {(item["widget"], item["text"]) for item in probe.problems("here", root)}
    assert reported == {
        ("QLabel", "Organisationseinheiten"),
        ("QPushButton", "Zugriff hinzufügen…"),
        ("QHeaderView (header)", "Benutzername"),
        ("QLineEdit", "Benutzer nach Name, Benutzername oder E-Mail suchen…"),
    }


@pytest.mark.slow
def test_the_scale_option_renders_at_twice_the_pixels(tmp_path: Path, isolated_user: Path) -> None:
    """E5: ``--scale 2`` (for screenshots) sets QT_SCALE_FACTOR before Qt starts: the same window,
    at twice the pixels."""
    target = tmp_path / "page.png"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("MANDANT_", "QT_SCALE"))}
    command = [sys.executable, "-m", "mandant_desktop", "--demo", "--screenshot", str(target), "--page", "roles"]
    done = subprocess.run(
        [*command, "--scale", "2", "--lang", "de"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (2560, 1600)
