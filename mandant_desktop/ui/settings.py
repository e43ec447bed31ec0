"""Every persisted UI setting, declared once with its default (Picard's ``options.py`` pattern).

Values live in QSettings under the organisation and application names set in ``ui.app``. Code reads
and writes them only through :class:`Settings` with one of the :class:`Setting` constants below, so
that a key, its type and its default are spelled in exactly one place. ``SETTINGS_VERSION`` and
:data:`UPGRADES` are the hook for later renames: bump the version and add a step.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    key: str
    default: T

    @property
    def kind(self) -> type:
        return type(self.default)


#: language of the UI: "system", or a language code such as "de" or "en"
LANGUAGE: Setting[str] = Setting("ui/language", "system")
#: colour scheme: "system", "light" or "dark" (see ``ui.theme``)
COLOR_SCHEME: Setting[str] = Setting("ui/colorScheme", "system")
MAIN_WINDOW_GEOMETRY: Setting[QByteArray] = Setting("mainWindow/geometry", QByteArray())
MAIN_WINDOW_STATE: Setting[QByteArray] = Setting("mainWindow/state", QByteArray())
MAIN_WINDOW_SPLITTER: Setting[QByteArray] = Setting("mainWindow/splitter", QByteArray())
#: the page shown at start: its page ID (see ``ui.pages``)
LAST_PAGE: Setting[str] = Setting("mainWindow/lastPage", "tenants")

#: the version of the layout of these settings; stored under SETTINGS_VERSION_KEY
SETTINGS_VERSION = 1
SETTINGS_VERSION_KEY = "meta/settingsVersion"

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    LANGUAGE,
    COLOR_SCHEME,
    MAIN_WINDOW_GEOMETRY,
    MAIN_WINDOW_STATE,
    MAIN_WINDOW_SPLITTER,
    LAST_PAGE,
)

#: upgrade steps: UPGRADES[n] turns a version n-1 layout into version n
UPGRADES: dict[int, Callable[[QSettings], None]] = {}


class Settings:
    """Typed access to QSettings. Tests point QSettings at a temporary directory (see tests/ui)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store if store is not None else QSettings()

    @property
    def store(self) -> QSettings:
        return self._store

    def value(self, setting: Setting[T]) -> T:
        raw = self._store.value(setting.key, setting.default)
        return _coerce(raw, setting)

    def set_value(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)

    def reset(self, setting: Setting[Any]) -> None:
        self._store.remove(setting.key)

    def sync(self) -> None:
        self._store.sync()

    def upgrade(self) -> None:
        """Run the upgrade steps from the stored layout version to :data:`SETTINGS_VERSION`."""
        stored = _to_int(self._store.value(SETTINGS_VERSION_KEY, 0))
        if stored > SETTINGS_VERSION:
            # A newer program wrote these settings; read what we know and leave the rest alone.
            log.warning("settings version %s is newer than this program's %s", stored, SETTINGS_VERSION)
            return
        for version in range(stored + 1, SETTINGS_VERSION + 1):
            step = UPGRADES.get(version)
            if step is not None:
                log.info("upgrading settings to version %s", version)
                step(self._store)
        self._store.setValue(SETTINGS_VERSION_KEY, SETTINGS_VERSION)


def _to_int(raw: object) -> int:
    try:
        return int(str(raw))
    except ValueError:
        return 0


def _coerce(raw: object, setting: Setting[T]) -> T:
    """QSettings hands back strings from INI files and native types from the registry; unify."""
    default = setting.default
    result: object
    if isinstance(default, QByteArray):
        result = raw if isinstance(raw, QByteArray) else QByteArray()
    elif isinstance(default, bool):
        result = raw if isinstance(raw, bool) else str(raw).lower() in {"true", "1", "yes"}
    elif isinstance(default, int):
        try:
            result = int(str(raw))
        except ValueError:
            result = default
    elif isinstance(default, str):
        result = raw if isinstance(raw, str) else default
    else:
        result = raw
    return result  # type: ignore[return-value]
