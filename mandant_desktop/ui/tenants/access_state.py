"""The one edit state behind the three views of tenant access (SPEC T2, T3).

By tenant, by user and the tenants × users matrix all read and write this object; it holds the
matrix as loaded (tenants, users, stored cells) and the staged edits over it
(:class:`~mandant_desktop.domain.tenants.StagedAccess`). An edit in any view emits
:attr:`AccessState.cells_changed`, and every view repaints from the same cells, so the three can
never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.domain.tenants import Access, StagedAccess, descendants
from mandant_desktop.services.access import AccessMatrix, AccessTenant, AccessUser
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP

LEVEL_TEXTS = {
    Level.FULL: QT_TRANSLATE_NOOP("TenantAccess", "Full access"),
    Level.READ_ONLY: QT_TRANSLATE_NOOP("TenantAccess", "Read only"),
    Level.HIDDEN: QT_TRANSLATE_NOOP("TenantAccess", "Hidden"),
}
#: the order of the levels in menus and editors, strongest first
LEVELS = (Level.FULL, Level.READ_ONLY, Level.HIDDEN)


def level_text(level: Level) -> str:
    return QCoreApplication.translate("TenantAccess", LEVEL_TEXTS[level])


class AccessState(QObject):
    """Loaded matrix plus staged edits; ``cells_changed`` after an edit, ``reloaded`` after a load."""

    cells_changed = Signal()
    reloaded = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tenants: list[AccessTenant] = []
        self.users: list[AccessUser] = []
        self._tenant_by_id: dict[int, AccessTenant] = {}
        self._user_row: dict[int, int] = {}
        self.staged = StagedAccess()
        #: the cells of the latest ``cells_changed``; None means "any cell may have changed"
        self.last_changed: list[tuple[int, int]] | None = None
        self._column: dict[int, int] = {}

    # ------------------------------------------------------------------ loading

    def load(self, matrix: AccessMatrix) -> None:
        self.tenants = matrix.tenants
        self.users = matrix.users
        self._tenant_by_id = {t.id: t for t in matrix.tenants}
        self._user_row = {u.id: row for row, u in enumerate(matrix.users)}
        self._column = {t.id: column for column, t in enumerate(matrix.tenants)}
        self.staged.reset(matrix.cells, normalized=True)  # the service's cells are normalized
        self.reloaded.emit()

    def position(self, tenant_id: int) -> int:
        """The index of ``tenant_id`` in :attr:`tenants`, -1 when it is not loaded."""
        return self._column.get(tenant_id, -1)

    def _emit(self, cells: list[tuple[int, int]] | None) -> None:
        self.last_changed = cells
        self.cells_changed.emit()

    def tenant(self, tenant_id: int) -> AccessTenant | None:
        return self._tenant_by_id.get(tenant_id)

    def user(self, user_id: int) -> AccessUser | None:
        row = self._user_row.get(user_id)
        return self.users[row] if row is not None else None

    def editable(self, tenant_id: int) -> bool:
        tenant = self._tenant_by_id.get(tenant_id)
        return tenant is not None and tenant.editable

    # ------------------------------------------------------------------ reading

    def get(self, tenant_id: int, user_id: int) -> Access:
        return self.staged.get(tenant_id, user_id)

    def is_edited(self, tenant_id: int, user_id: int) -> bool:
        return self.staged.is_edited(tenant_id, user_id)

    def is_dirty(self) -> bool:
        return self.staged.is_dirty()

    def pending(self) -> int:
        return len(self.staged)

    # ------------------------------------------------------------------ editing

    def set_level(self, cells: Iterable[tuple[int, int]], level: Level) -> int:
        changed = [(t, u) for t, u in cells if self.editable(t) and self.staged.set_level(t, u, level)]
        if changed:
            self._emit(changed)
        return len(changed)

    def set_private(self, cells: Iterable[tuple[int, int]], private: bool) -> int:
        changed = [(t, u) for t, u in cells if self.editable(t) and self.staged.set_private(t, u, private)]
        if changed:
            self._emit(changed)
        return len(changed)

    def sub_tenants(self, tenant_id: int) -> list[int]:
        return descendants({t.id: t.parent_id for t in self.tenants}, tenant_id)

    def apply_to_sub_tenants(self, tenant_id: int, user_ids: Iterable[int]) -> int:
        """T5: the users' access on ``tenant_id`` staged on every sub-tenant the operator may change."""
        targets = [t for t in self.sub_tenants(tenant_id) if self.editable(t)]
        changed = self.staged.apply_to(tenant_id, list(user_ids), targets)
        if changed:
            self._emit(None)
        return changed

    def discard(self) -> None:
        if self.staged.is_dirty():
            self.staged.discard()
            self._emit(None)
