"""Every persisted UI setting, declared once with its type and default (Picard's ``options.py`` pattern).

Values live in QSettings under the organisation and application names set in ``ui.app``. Code reads
and writes them only through :class:`Settings` with one of the :class:`Setting` constants below, so
that a key, its type and its default are spelled in exactly one place (SPEC E4):

- the main window: geometry, toolbar/dock state, the navigation splitter, the last page;
- every page's splitters and view headers (column widths, order, sort): :data:`PAGE_LAYOUTS`, one
  key per page and widget objectName, used through :func:`ui.layout_memory.remember`;
- the tab last shown of a page's tab widgets: :data:`PAGE_TABS`, through
  :func:`ui.layout_memory.remember_tab`;
- the tenant last selected on the tenants page, per database: :data:`LAST_TENANT`;
- the UI language.

The stored layout has a version (:data:`SETTINGS_VERSION`); :data:`UPGRADES` holds a step per
version that turns the layout before it into its own, run once at start by :meth:`Settings.upgrade`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

T = TypeVar("T")


class Setting(NamedTuple, Generic[T]):
    """A stored setting's key and default. A named tuple rather than a frozen dataclass, whose
    generated methods every start would compile at run time (issue 8)."""

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
#: the tenant last selected on the tenants page, per database: display URL (no password) → tenant ID.
#: Tenant IDs mean nothing in another database, hence the map; it keeps the newest MAX_REMEMBERED_DATABASES.
LAST_TENANT: Setting[dict[str, int]] = Setting("tenants/lastTenant", {})
MAX_REMEMBERED_DATABASES = 20

#: The splitters and item views (by objectName) of each page (by page ID) whose state is kept: a
#: splitter's sizes, a view's column widths, column order and sort order (its header's state).
PAGE_LAYOUTS: dict[str, tuple[str, ...]] = {
    "tenants": ("tenantsSplitter", "accessTable", "accessByUserSplitter", "accessByUserTable"),
    "users": ("userTable", "rightsGroupsSplitter"),
    "roles": ("rolesSplitter",),
    "assignments": ("assignmentSplitter",),
    "org-units": ("orgUnitSplitter", "orgUnitTree"),
    "customers": ("customerTable",),
    "contacts": (
        "contactsSplitter",
        "contactTable",
        "personRoleTable",
        "listsSplitter",
        "distributionListTable",
        "listMemberTable",
        "templatesSplitter",
        "templateTable",
    ),
    "audit": ("auditSplitter", "auditTable", "auditDetail"),
    "outbox": ("outboxSplitter", "outboxTable"),
}


def _layout_setting(page_id: str, widget: str) -> Setting[QByteArray]:
    return Setting(f"layout/{page_id}/{widget}", QByteArray())


LAYOUT_SETTINGS: dict[tuple[str, str], Setting[QByteArray]] = {
    (page_id, widget): _layout_setting(page_id, widget)
    for page_id, widgets in PAGE_LAYOUTS.items()
    for widget in widgets
}


def _declared(declared: dict[tuple[str, str], Setting[T]], kind: str, page_id: str, widget: str) -> Setting[T]:
    try:
        return declared[(page_id, widget)]
    except KeyError:
        raise KeyError(f"no {kind} setting declared for {widget!r} on page {page_id!r} (ui/settings.py)") from None


def layout_setting(page_id: str, widget: str) -> Setting[QByteArray]:
    """The declared setting of ``widget`` (an objectName) on page ``page_id``; KeyError when undeclared."""
    return _declared(LAYOUT_SETTINGS, "layout", page_id, widget)


#: The tab widgets (by objectName) of each page whose current tab is kept: the objectName of the
#: widget of the tab shown last (a name, not a position, so that a tab added later moves nothing).
PAGE_TABS: dict[str, tuple[str, ...]] = {
    "tenants": ("accessViews",),
    "users": ("userTabs",),
    "contacts": ("contactTabs",),
}

TAB_SETTINGS: dict[tuple[str, str], Setting[str]] = {
    (page_id, widget): Setting(f"layout/{page_id}/{widget}", "")
    for page_id, widgets in PAGE_TABS.items()
    for widget in widgets
}


def tab_setting(page_id: str, widget: str) -> Setting[str]:
    """The declared setting of the tab widget ``widget`` (an objectName) on ``page_id``; KeyError when undeclared."""
    return _declared(TAB_SETTINGS, "tab", page_id, widget)


#: the version of the layout of these settings; stored under SETTINGS_VERSION_KEY
SETTINGS_VERSION = 2
SETTINGS_VERSION_KEY = "meta/settingsVersion"

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    LANGUAGE,
    COLOR_SCHEME,
    MAIN_WINDOW_GEOMETRY,
    MAIN_WINDOW_STATE,
    MAIN_WINDOW_SPLITTER,
    LAST_PAGE,
    LAST_TENANT,
    *LAYOUT_SETTINGS.values(),
    *TAB_SETTINGS.values(),
)

#: version 1 kept a few pages' layouts under keys of their own; version 2 keeps all under layout/…
_V1_LAYOUT_KEYS = {
    "users/tableHeader": ("users", "userTable"),
    "audit/tableHeader": ("audit", "auditTable"),
    "audit/splitter": ("audit", "auditSplitter"),
    "customers/tableHeader": ("customers", "customerTable"),
    "orgUnits/splitter": ("org-units", "orgUnitSplitter"),
    "orgUnits/treeHeader": ("org-units", "orgUnitTree"),
    "roles/splitter": ("roles", "rolesSplitter"),
    "assignments/splitter": ("assignments", "assignmentSplitter"),
}


def _upgrade_to_2(store: QSettings) -> None:
    """Version 2: every page layout under ``layout/<page>/<widget>`` (declared in PAGE_LAYOUTS)."""
    for old_key, (page_id, widget) in _V1_LAYOUT_KEYS.items():
        if store.contains(old_key):
            value = store.value(old_key)
            new_key = layout_setting(page_id, widget).key
            if not store.contains(new_key):
                store.setValue(new_key, value)
            store.remove(old_key)


#: upgrade steps: UPGRADES[n] turns a version n-1 layout into version n
UPGRADES: dict[int, Callable[[QSettings], None]] = {2: _upgrade_to_2}


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
        # The value it holds already is not written again: QSettings would rewrite its file for
        # it, and a start sets the last page and the last tenant to what they were (issue 8).
        if self._store.contains(setting.key) and self.value(setting) == value:
            return
        # Maps are stored as JSON text: readable in the INI file, the same in the Windows registry.
        self._store.setValue(setting.key, json.dumps(value) if isinstance(value, dict) else value)

    def reset(self, setting: Setting[Any]) -> None:
        self._store.remove(setting.key)

    def last_tenant(self, database: str) -> int | None:
        """The tenant last selected on the tenants page of ``database`` (its display URL)."""
        return self.value(LAST_TENANT).get(database)

    def set_last_tenant(self, database: str, tenant_id: int | None) -> None:
        remembered = self.value(LAST_TENANT)
        remembered.pop(database, None)  # re-inserted last: the newest database is kept longest
        if tenant_id is not None:
            remembered[database] = tenant_id
        while len(remembered) > MAX_REMEMBERED_DATABASES:
            del remembered[next(iter(remembered))]
        self.set_value(LAST_TENANT, remembered)

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
        if stored != SETTINGS_VERSION:
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
    elif isinstance(default, dict):
        result = _json_map(raw)
    else:
        result = raw
    return result  # type: ignore[return-value]


def _json_map(raw: object) -> dict[str, int]:
    """A map of text to whole numbers from its JSON text; an empty map for anything else."""
    try:
        value = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, int) and not isinstance(v, bool)}
