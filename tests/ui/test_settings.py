"""Settings declared once, with defaults, on a temporary QSettings location (SPEC E4)."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import QByteArray, QSettings

from mandant_desktop import bootstrap
from mandant_desktop.ui import settings as ui_settings
from mandant_desktop.ui.settings import Settings


def test_defaults_come_from_the_declaration(settings: Settings) -> None:
    for setting in ui_settings.ALL_SETTINGS:
        assert settings.value(setting) == setting.default


def test_values_survive_a_new_settings_object(settings: Settings) -> None:
    settings.set_value(ui_settings.LAST_PAGE, "customers")
    settings.set_value(ui_settings.MAIN_WINDOW_SPLITTER, QByteArray(b"\x00\x01layout"))
    settings.sync()
    again = Settings(QSettings())
    assert again.value(ui_settings.LAST_PAGE) == "customers"
    assert again.value(ui_settings.MAIN_WINDOW_SPLITTER) == QByteArray(b"\x00\x01layout")


def test_tests_never_touch_the_users_settings(settings: Settings, isolated_user: Path) -> None:
    assert Path(settings.store.fileName()).is_relative_to(isolated_user)


def test_upgrade_stamps_the_version_and_runs_steps(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[int] = []
    monkeypatch.setitem(ui_settings.UPGRADES, ui_settings.SETTINGS_VERSION, lambda store: ran.append(1))
    settings.upgrade()
    settings.upgrade()
    assert ran == [1]
    assert int(settings.store.value(ui_settings.SETTINGS_VERSION_KEY)) == ui_settings.SETTINGS_VERSION


def test_every_key_is_declared_once() -> None:
    """E4: one declaration per key, each with a default of its declared type."""
    keys = [setting.key for setting in ui_settings.ALL_SETTINGS]
    assert len(keys) == len(set(keys))
    assert ui_settings.SETTINGS_VERSION_KEY not in keys
    assert all(isinstance(s.default, s.kind) for s in ui_settings.ALL_SETTINGS)
    assert set(ui_settings.UPGRADES) <= set(range(1, ui_settings.SETTINGS_VERSION + 1))


def test_wrong_types_fall_back_to_the_default(settings: Settings) -> None:
    settings.store.setValue(ui_settings.MAIN_WINDOW_GEOMETRY.key, "not bytes")
    assert settings.value(ui_settings.MAIN_WINDOW_GEOMETRY) == QByteArray()


def test_tests_never_touch_the_users_keyring() -> None:
    """S6: whatever keyring an earlier test or the desktop chose, widget tests see none."""
    assert isinstance(keyring.get_keyring(), keyring.backends.fail.Keyring)
    assert not bootstrap.make_secret_store().available


def test_a_value_held_already_is_not_written_again(settings: Settings) -> None:
    """E4, issue 8: setting what a setting holds already leaves the file alone (a start sets the
    last page, the last tenant and the settings version to what they were); another value, or a
    first value equal to the default, is written."""
    path = Path(settings.store.fileName())
    settings.upgrade()
    settings.set_value(ui_settings.LAST_PAGE, "tenants")
    settings.set_last_tenant("sqlite:///a.sqlite", 7)
    settings.sync()
    written = path.stat().st_mtime_ns, path.read_text(encoding="utf-8")
    settings.upgrade()
    settings.set_value(ui_settings.LAST_PAGE, "tenants")
    settings.set_last_tenant("sqlite:///a.sqlite", 7)
    settings.sync()
    assert (path.stat().st_mtime_ns, path.read_text(encoding="utf-8")) == written
    settings.set_value(ui_settings.LAST_PAGE, "users")
    settings.set_value(ui_settings.COLOR_SCHEME, ui_settings.COLOR_SCHEME.default)
    settings.sync()
    again = Settings(QSettings())
    assert again.value(ui_settings.LAST_PAGE) == "users" and again.last_tenant("sqlite:///a.sqlite") == 7
    assert again.store.contains(ui_settings.COLOR_SCHEME.key)
