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
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from mandant_desktop import bootstrap
from mandant_desktop.services.operator import Operator
from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.main_window import MainWindow
from mandant_desktop.ui.settings import Settings

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


def _page_sizes(window: MainWindow) -> dict[str, int]:
    """The sizes of the pages' widgets that are given in characters (E5), as built."""
    sizes: dict[str, int] = {}
    for page_id in ("tenants", "users", "assignments", "contacts", "audit"):
        assert window.show_page(page_id)
    pages = window._pages
    tenants, users, assignments = pages["tenants"], pages["users"], pages["assignments"]
    sizes["tenants search"] = tenants.search.minimumWidth()  # type: ignore[attr-defined]
    sizes["tenants user name column"] = tenants.access_table.columnWidth(1)  # type: ignore[attr-defined]
    sizes["matrix users"] = tenants.matrix_table.verticalHeader().width()  # type: ignore[attr-defined]
    sizes["users search"] = users.search.minimumWidth()  # type: ignore[attr-defined]
    sizes["grid column"] = assignments.grid.horizontalHeader().defaultSectionSize()  # type: ignore[attr-defined]
    sizes["grid units, least"] = assignments.grid.verticalHeader().minimumWidth()  # type: ignore[attr-defined]
    sizes["bulk edit panel"] = assignments.bulk_panel.minimumWidth()  # type: ignore[attr-defined]
    sizes["contacts search"] = pages["contacts"].contacts.search.minimumWidth()  # type: ignore[attr-defined]
    sizes["audit detail column"] = pages["audit"].detail.columnWidth(0)  # type: ignore[attr-defined]
    return sizes


def test_page_sizes_grow_with_a_larger_font(
    qtbot: QtBot,
    admin_app: tuple[bootstrap.AppContext, Operator],
    language: LanguageManager,
    app_font: Callable[[float], None],
    tmp_path: Path,
) -> None:
    """E5: search fields, column widths, header limits and the bulk-edit panel are sized in
    characters: built with the font half as large again, each is half as large again (in pixels
    they stayed as they were and cut their texts). The font change is this test's only
    (``app_font``): tests before and after it see the usual font."""
    app, operator = admin_app

    def built() -> dict[str, int]:
        # Settings of its own: the first window's widths, remembered (E4), must not come back in the second.
        store = QSettings(str(tmp_path / f"settings-{len(sizes)}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(app, operator, settings=Settings(store), language=language)
        qtbot.addWidget(window)
        sizes.append(_page_sizes(window))
        window.close()
        return sizes[-1]

    sizes: list[dict[str, int]] = []
    usual = built()
    app_font(1.5)
    larger = built()
    grown = {name: round(larger[name] / usual[name], 2) for name in usual}
    assert {name: ratio for name, ratio in grown.items() if not 1.4 <= ratio <= 1.6} == {}, grown
