"""The one edit state behind the three views of tenant access (SPEC T2, T3).

By tenant, by user and the tenants × users matrix all read and write this object; it holds the
matrix as loaded (tenants, users, stored cells) and the staged edits over it
(:class:`~mandant_desktop.domain.tenants.StagedAccess`). An edit in any view emits
:attr:`AccessState.cells_changed`, and every view repaints from the same cells, so the three can
never disagree.

The users come the same way: every id with the load, in name order, and a user's row (name, user
name, e-mail, active) window by window as a view shows it (:class:`UserList`); a search reads them
all. At 10,000 users the rows were most of the start page's load (issue 8).

The stored cells arrive tenant by tenant (issue 8): the page loads those of the tenants its
visible view shows (by tenant: the selected one and its sub-tenants) and the rest when a view
needs them (:meth:`AccessState.add_cells`, :attr:`AccessState.cells_loaded`). A tenant whose cells
are not there yet is not :meth:`~AccessState.loaded` and takes no edit, so every staged edit
stands on a stored value that was read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import overload

from PySide6.QtCore import QCoreApplication, QObject, Signal

from mandant_desktop.domain.errors import DatabaseUnavailableError
from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.domain.tenants import Access, Cell, StagedAccess, descendants
from mandant_desktop.services.access import AccessMatrix, AccessTenant, AccessUser
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.row_windows import RowWindows, report_unavailable
from mandant_desktop.ui.tenants.page_load import USER_WINDOW

LEVEL_TEXTS = {
    Level.FULL: QT_TRANSLATE_NOOP("TenantAccess", "Full access"),
    Level.READ_ONLY: QT_TRANSLATE_NOOP("TenantAccess", "Read only"),
    Level.HIDDEN: QT_TRANSLATE_NOOP("TenantAccess", "Hidden"),
}
#: the order of the levels in menus and editors, strongest first
LEVELS = (Level.FULL, Level.READ_ONLY, Level.HIDDEN)


def level_text(level: Level) -> str:
    return QCoreApplication.translate("TenantAccess", LEVEL_TEXTS[level])


#: reads the rows of the users with these ids, in that order (None: of every user, in name order)
UserReader = Callable[[Sequence[int] | None], list[AccessUser]]


def _placeholder(user_id: int) -> AccessUser:
    """The row of a user whose row could not be read: gone since the load (a reload shows it)."""
    return AccessUser(user_id, "", "", None, False)


def _aligned(ids: Sequence[int], rows: Iterable[AccessUser]) -> list[AccessUser]:
    """``rows`` in the order of ``ids``, a placeholder for each id without a row."""
    found = {row.id: row for row in rows}
    return [found.get(user_id) or _placeholder(user_id) for user_id in ids]


class UserList(Sequence[AccessUser]):
    """The internal users in name order: every id, and the rows window by window.

    The page's load brings every id and the rows of the first :data:`USER_WINDOW` users (the
    screen a view shows first); the others are read through ``read`` as a view asks for them, a
    window of rows at a time on the GUI thread, as the customer table does (short indexed
    queries). Iterating (a search) reads every row not here yet in one query."""

    def __init__(
        self, ids: Sequence[int] = (), first: Sequence[AccessUser] = (), read: UserReader | None = None
    ) -> None:
        self.ids = list(ids)
        self._read = read
        self._windows: RowWindows[AccessUser] = RowWindows(self._read_window, USER_WINDOW)
        #: user id → index, built when first asked for (10,000 users: not on the start path)
        self._index: dict[int, int] | None = None
        #: each user's search key (AccessUser.search_key), made by the first search once all are here
        self._keys: list[str] | None = None
        size = len(self.ids)
        for number in range(0, min(len(first), size), USER_WINDOW):
            if min(number + USER_WINDOW, size) <= len(first):  # the whole window is there
                window = self.ids[number : number + USER_WINDOW]
                self._windows.put(number // USER_WINDOW, _aligned(window, first[number : number + USER_WINDOW]))

    def _window_ids(self, number: int) -> list[int]:
        return self.ids[number * USER_WINDOW : (number + 1) * USER_WINDOW]

    def _read_window(self, number: int) -> list[AccessUser]:
        ids = self._window_ids(number)
        return _aligned(ids, self._read(ids) if self._read is not None else ())

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> AccessUser: ...

    @overload
    def __getitem__(self, index: slice) -> list[AccessUser]: ...

    def __getitem__(self, index: int | slice) -> AccessUser | list[AccessUser]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        user_id = self.ids[index]  # IndexError as a list's
        if index < 0:
            index += len(self.ids)
        # A window that could not be read (the banner says why) shows placeholders meanwhile.
        return self._windows.row(index) or _placeholder(user_id)

    def __iter__(self) -> Iterator[AccessUser]:
        if not self.read_all():  # placeholders for the rows that could not be read
            return (self[index] for index in range(len(self.ids)))
        windows = range((len(self.ids) + USER_WINDOW - 1) // USER_WINDOW)
        return chain.from_iterable(self._windows.window(number) for number in windows)

    def _missing(self) -> list[int]:
        """The windows not read yet."""
        return [n for n in range((len(self.ids) + USER_WINDOW - 1) // USER_WINDOW) if n not in self._windows]

    @property
    def complete(self) -> bool:
        """Every user's row is here."""
        return not self._missing()

    def fill(self, rows: Iterable[AccessUser]) -> None:
        """Every user's row, read elsewhere (on a worker, with every tenant's cells): those of the
        windows not here yet are taken."""
        found = list(rows)
        for number in self._missing():
            self._windows.put(number, _aligned(self._window_ids(number), found))

    def read_all(self) -> bool:
        """Read every row not here yet, in one query; False when the database could not be reached
        (the banner says so)."""
        if self.complete:
            return True
        if self._read is None:
            rows: list[AccessUser] = []
        else:
            try:
                rows = self._read(None)
            except DatabaseUnavailableError as exc:
                report_unavailable(exc)
                return False
        self.fill(rows)
        return True

    def search_keys(self) -> list[str]:
        """Each user's search key, in the order of :attr:`ids` (every row is read first; folded once
        while the rows stay: 10,000 users take 30 ms, a search then a pass over the keys)."""
        if self._keys is not None:
            return self._keys
        keys = [user.search_key() for user in self]
        if self.complete:
            self._keys = keys
        return keys

    def index_of(self, user_id: int) -> int:
        """The index of ``user_id``, -1 when the load did not bring it."""
        if self._index is None:
            self._index = {uid: index for index, uid in enumerate(self.ids)}
        return self._index.get(user_id, -1)

    def get(self, user_id: int) -> AccessUser | None:
        index = self.index_of(user_id)
        return self[index] if index >= 0 else None


class AccessState(QObject):
    """Loaded matrix plus staged edits; ``cells_changed`` after an edit, ``reloaded`` after a load,
    ``cells_loaded`` when the stored cells of more tenants have arrived (edits stay)."""

    cells_changed = Signal()
    reloaded = Signal()
    cells_loaded = Signal()

    def __init__(self, parent: QObject | None = None, read_users: UserReader | None = None) -> None:
        super().__init__(parent)
        self.tenants: list[AccessTenant] = []
        #: reads the rows of users the load brought the ids of only
        self._read_users = read_users
        self.users: UserList = UserList()
        self._tenant_by_id: dict[int, AccessTenant] = {}
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
        ids = matrix.user_ids if matrix.user_ids is not None else [user.id for user in matrix.users]
        self.users = UserList(ids, matrix.users, self._read_users)
        self._tenant_by_id = {t.id: t for t in matrix.tenants}
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

    def add_users(self, generation: int, users: Iterable[AccessUser]) -> None:
        """Every user's row, read for load ``generation`` (with every tenant's cells, for a view
        over all of them): the rows not here yet are taken."""
        if generation == self.generation:
            self.users.fill(users)

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
        return self.users.get(user_id)

    def has_user(self, user_id: int) -> bool:
        return self.users.index_of(user_id) >= 0

    def user_id_at(self, index: int) -> int:
        """The id of the user at ``index`` of :attr:`users` (without reading the user's row)."""
        return self.users.ids[index]

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
