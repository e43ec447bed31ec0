"""The one edit state behind the three views of tenant access (SPEC T2, T3).

By tenant, by user and the tenants × users matrix all read and write this object; it holds the
matrix as loaded (tenants, users, stored cells) and the staged edits over it
(:class:`~mandant_desktop.domain.tenants.StagedAccess`). An edit in any view emits
:attr:`AccessState.cells_changed`, and every view repaints from the same cells, so the three can
never disagree.

The stored cells arrive tenant by tenant (issue 8): the page loads those of the tenants its
visible view shows (by tenant: the selected one and its sub-tenants) and the rest when a view
needs them (:meth:`AccessState.add_cells`, :attr:`AccessState.cells_loaded`). A tenant whose cells
are not there yet is not :meth:`~AccessState.loaded` and takes no edit, so every staged edit
stands on a stored value that was read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QObject, Signal

from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.domain.tenants import Access, Cell, StagedAccess, descendants
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
    """Loaded matrix plus staged edits; ``cells_changed`` after an edit, ``reloaded`` after a load,
    ``cells_loaded`` when the stored cells of more tenants have arrived (edits stay)."""

    cells_changed = Signal()
    reloaded = Signal()
    cells_loaded = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tenants: list[AccessTenant] = []
        self.users: list[AccessUser] = []
        self._tenant_by_id: dict[int, AccessTenant] = {}
        #: user id → index in :attr:`users`, built when first asked for (10,000 users: not on the
        #: start path, where no view needs it)
        self._user_row: dict[int, int] | None = None
        self.staged = StagedAccess()
        #: the cells of the latest ``cells_changed``; None means "any cell may have changed"
        self.last_changed: list[tuple[int, int]] | None = None
        self._column: dict[int, int] = {}
        #: the tenants whose stored cells are here
        self._loaded: set[int] = set()
        #: counts the loads; cells read for an older load are not added to a newer one
        self.generation = 0

    # ------------------------------------------------------------------ loading

    def load(self, matrix: AccessMatrix, loaded: Iterable[int] | None = None) -> None:
        """A fresh matrix; pending edits are dropped. ``loaded``: the tenants whose cells
        ``matrix`` holds (None: every tenant's)."""
        self.generation += 1
        self.tenants = matrix.tenants
        self.users = matrix.users
        self._tenant_by_id = {t.id: t for t in matrix.tenants}
        self._user_row = None
        self._column = {t.id: column for column, t in enumerate(matrix.tenants)}
        self._loaded = set(self._column) if loaded is None else set(loaded) & self._column.keys()
        self.staged.reset(matrix.cells, normalized=True)  # the service's cells are normalized
        self.reloaded.emit()

    def add_cells(self, generation: int, tenant_ids: Iterable[int] | None, cells: Mapping[Cell, Access]) -> bool:
        """The stored cells of ``tenant_ids`` (None: of every tenant), read for load ``generation``;
        tenants loaded already keep theirs (and the edits on them). False when nothing was added."""
        if generation != self.generation:
            return False
        wanted = self._column.keys() if tenant_ids is None else self._column.keys() & set(tenant_ids)
        new = wanted - self._loaded
        if not new:
            return False
        self.staged.add_stored(cells if new == wanted else {c: a for c, a in cells.items() if c[0] in new})
        self._loaded |= new
        self.cells_loaded.emit()
        return True

    def loaded(self, tenant_id: int) -> bool:
        """True when the stored cells of ``tenant_id`` are here."""
        return tenant_id in self._loaded

    @property
    def complete(self) -> bool:
        """Every tenant's cells are here: what the by-user view and the matrix need."""
        return len(self._loaded) == len(self._column)

    def missing(self, tenant_ids: Iterable[int] | None = None) -> list[int]:
        """Those of ``tenant_ids`` (None: of all tenants) whose cells are not here, in column order."""
        wanted = self.tenants if tenant_ids is None else [t for i in tenant_ids if (t := self.tenant(i)) is not None]
        return [t.id for t in wanted if t.id not in self._loaded]

    def position(self, tenant_id: int) -> int:
        """The index of ``tenant_id`` in :attr:`tenants`, -1 when it is not loaded."""
        return self._column.get(tenant_id, -1)

    def _emit(self, cells: list[tuple[int, int]] | None) -> None:
        self.last_changed = cells
        self.cells_changed.emit()

    def tenant(self, tenant_id: int) -> AccessTenant | None:
        return self._tenant_by_id.get(tenant_id)

    def user(self, user_id: int) -> AccessUser | None:
        if self._user_row is None:
            self._user_row = {u.id: row for row, u in enumerate(self.users)}
        row = self._user_row.get(user_id)
        return self.users[row] if row is not None else None

    def editable(self, tenant_id: int) -> bool:
        """The operator may change access to ``tenant_id`` and its cells are here."""
        tenant = self._tenant_by_id.get(tenant_id)
        return tenant is not None and tenant.editable and tenant_id in self._loaded

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
