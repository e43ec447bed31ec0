"""The standalone bundle and the Linux desktop integration of packaging/ (SPEC E6).

The bundle itself is built by `make bundle` (minutes, its own venv), never by the test suite: the
smoke test runs packaging/smoke.sh on a bundle that exists and skips with the reason otherwise. The
desktop file and the AppStream metainfo are checked by Debian's validators, which `make test`
installs where missing (desktop-file-utils, appstream); without them the checks skip, except in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest
from dbhelpers import in_ci

from mandant_desktop.ui.app import DESKTOP_FILE_NAME

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
DESKTOP_FILE = LINUX / f"{DESKTOP_FILE_NAME}.desktop"
METAINFO = LINUX / f"{DESKTOP_FILE_NAME}.metainfo.xml"
BUNDLE = ROOT / "dist" / "mandant-desktop"


def _validator(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (Debian: desktop-file-utils / appstream; `make test` installs them)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return path


def _desktop_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_file_is_valid() -> None:
    result = subprocess.run([_validator("desktop-file-validate"), str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_is_valid() -> None:
    result = subprocess.run(
        [_validator("appstreamcli"), "validate", "--no-net", "--explain", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_metainfo_and_program_name_one_id() -> None:
    """The ID that docks match windows by (QGuiApplication.desktopFileName) names both files."""
    entry = _desktop_entry(DESKTOP_FILE)
    assert entry["Icon"] == DESKTOP_FILE_NAME
    assert entry["Exec"].split()[0] == "mandant-desktop"
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == DESKTOP_FILE_NAME
    assert component.findtext("launchable") == DESKTOP_FILE.name
    assert {b.text for b in component.iter("binary")} == {"mandant-desktop", "mandant-admin"}
    releases = [r.get("version") for r in component.iter("release")]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert releases and releases[0] == project["version"], "metainfo: add a <release> for the new version"


def test_bundle_tools_are_pinned() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(req.startswith("pyinstaller==") for req in extras["bundle"])


def test_install_script_puts_entry_and_icon_into_xdg_dirs_and_removes_them(tmp_path: Path) -> None:
    """From a checkout (no bundle): menu entry, icon and metainfo land in XDG_DATA_HOME and go again."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"), "HOME": str(tmp_path)}
    env.pop("PREFIX", None)
    subprocess.run(["bash", str(LINUX / "install.sh")], check=True, env=env, capture_output=True)
    installed = [
        tmp_path / "share" / "applications" / DESKTOP_FILE.name,
        tmp_path / "share" / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_FILE_NAME}.svg",
        tmp_path / "share" / "metainfo" / METAINFO.name,
    ]
    assert all(path.is_file() for path in installed)
    assert _desktop_entry(installed[0])["Exec"] == "mandant-desktop"
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(installed[0])], check=True)
    subprocess.run(["bash", str(LINUX / "install.sh"), "--uninstall"], check=True, env=env, capture_output=True)
    assert not any(path.exists() for path in installed)


@pytest.mark.slow
def test_bundle_starts_offscreen_on_a_temporary_database(tmp_path: Path) -> None:
    """E6: the built bundle answers as mandant-admin, migrates a database with the migrations it
    carries, has its translations and icons inside and renders the demo's tenants page."""
    if not (BUNDLE / "mandant-desktop").is_file():
        pytest.skip(f"no bundle at {BUNDLE.relative_to(ROOT)}: build it with `make bundle` (not part of make test)")
    shot = tmp_path / "tenants-de.png"
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "smoke.sh"), str(BUNDLE)],
        env={**os.environ, "SMOKE_SCREENSHOT": str(shot)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "smoke: ok" in result.stdout
    assert shot.read_bytes().startswith(b"\x89PNG")
