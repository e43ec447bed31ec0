"""The wheel ships resources, translations and migrations inside the package (foundation issue, E1, S9).

A plain, non-editable ``pip install .`` must give a German UI and a database that can be upgraded,
so the test builds the wheel, installs it into a bare folder and runs the installed copy.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        cwd=out,
    )
    (built,) = out.glob("mandant_desktop-*.whl")
    return built


def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "mandant_desktop/translations/mandant_desktop_de.qm" in names
    assert "mandant_desktop/db/migrations/env.py" in names
    # Every revision ships: a missing one would make the installed program take an older head for
    # the newest and refuse databases upgraded by another workstation.
    versions = ROOT / "mandant_desktop" / "db" / "migrations" / "versions"
    revisions = {f"mandant_desktop/db/migrations/versions/{p.name}" for p in versions.glob("*.py")}
    assert len(revisions) >= 2 and revisions <= names
    assert any(n.startswith("mandant_desktop/resources/icons/") and n.endswith(".svg") for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[gui_scripts]\nmandant-desktop = mandant_desktop.__main__:main" in text
    assert "[console_scripts]\nmandant-admin = mandant_desktop.cli:main" in text
    assert not any("tests/" in n or n.endswith(".ts") for n in names)


def test_installed_wheel_speaks_german_and_migrates(wheel: Path, tmp_path: Path) -> None:
    """E1, S9: the installed copy (not this checkout) loads its German .qm and upgrades a database."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True
    )
    probe = """
import importlib.resources, sys
from PySide6.QtCore import QCoreApplication, QTranslator
import mandant_desktop
assert mandant_desktop.__file__.startswith(sys.argv[1]), mandant_desktop.__file__
app = QCoreApplication([])
translator = QTranslator()
qm = importlib.resources.files("mandant_desktop.translations") / "mandant_desktop_de.qm"
assert translator.load(str(qm)), qm
assert translator.translate("errors", "The user name or the password is wrong.") == (
    "Der Benutzername oder das Passwort ist falsch."
), translator.translate("errors", "The user name or the password is wrong.")
from mandant_desktop.db.engine import create_engine_for
from mandant_desktop.db.migrate import upgrade_database, schema_status
engine = create_engine_for(sys.argv[2])
upgrade_database(engine)
assert schema_status(engine).state == "current"
print("ok")
"""
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", probe, str(target), f"sqlite:///{tmp_path / 'db.sqlite'}"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
