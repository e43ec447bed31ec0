"""The list of saved connection profiles in the connection dialog."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from mandant_desktop.domain import validation
from mandant_desktop.services.profiles import Backend, ConnectionProfile
from mandant_desktop.ui import icons

#: the ConnectionProfile of a row
PROFILE_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def default_profile_name() -> str:
    """The name of the SQLite file in the user data directory, used when no profile exists."""
    return QCoreApplication.translate("Connections", "Local database")


def demo_profile_name() -> str:
    return QCoreApplication.translate("Connections", "Demo database")


def backend_title(backend: Backend) -> str:
    return {
        Backend.SQLITE: QCoreApplication.translate("ProfileListModel", "SQLite file"),
        Backend.POSTGRESQL: "PostgreSQL",
        Backend.MARIADB: "MariaDB/MySQL",
    }[backend]


def describe(profile: ConnectionProfile) -> str:
    """Where a profile points, without any password: a file, or user@host:port/database."""
    if profile.backend == Backend.SQLITE:
        return profile.path
    user = f"{profile.username}@" if profile.username else ""
    port = f":{profile.port}" if profile.port else ""
    return f"{user}{profile.host}{port}/{profile.database}"


class ProfileListModel(QAbstractListModel):
    def __init__(self, profiles: Sequence[ConnectionProfile] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profiles: list[ConnectionProfile] = list(profiles)

    def set_profiles(self, profiles: Sequence[ConnectionProfile]) -> None:
        self.beginResetModel()
        self._profiles = list(profiles)
        self.endResetModel()

    def profile_at(self, row: int) -> ConnectionProfile | None:
        return self._profiles[row] if 0 <= row < len(self._profiles) else None

    def row_of(self, name: str) -> int:
        key = validation.name_key(name)
        return next((row for row, p in enumerate(self._profiles) if validation.name_key(p.name) == key), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._profiles)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or index.column() != 0:
            return None
        profile = self.profile_at(index.row())
        if profile is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return profile.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{backend_title(profile.backend)}: {describe(profile)}"
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.icon("database")
        if role == PROFILE_ROLE:
            return profile
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
