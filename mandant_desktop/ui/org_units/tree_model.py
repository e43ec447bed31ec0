"""The lazy org-unit tree (SPEC A4, section 8: 5,000 units up to depth 10).

A unit's children are loaded the first time the view asks for them (``canFetchMore`` /
``fetchMore``), on a worker thread; the answer is inserted as rows when it arrives. Once a user is
chosen, their roles come in one query that starts from the user's own rows (never from a list of
unit ids), and for every level fetched later in one query for the children of its parents.

A new user, or the roles of the chosen one loaded again, change the roles columns of every unit.
The model says so with one ``dataChanged`` over the top-level rows and :attr:`roles_reset`, which the
page answers by repainting the tree's viewport: one ``dataChanged`` per parent, as before, were some
3,800 signals at 5,000 expanded units, each calling back into the model (``index``, ``parent``,
``sibling``) — 140 ms of the GUI thread, twice per chosen user (issue 8).

Indexes carry the unit id as their internal id, so that a node is found without Python objects
behind raw pointers; the invisible root has id 0 (database ids start at 1). An invalid index has
internal id 0 and column -1 too, so the model methods that Qt calls for every unit ("expand all":
index, flags, hasChildren, canFetchMore and rowCount, about 23,000 calls for 5,000 units) look the
node up by the internal id alone, without asking whether the index is valid. The internal id of a
cell right of the unit column carries its column too (:func:`_cell_id`): such an id is no node's,
so it has no children without a question to the index for its column (each question from Python to
a QModelIndex costs about as much as the dictionary lookups of the whole method, issue 8).

A painted cell asks for seven roles at once (``QStyledItemDelegate`` via ``multiData``): they are
answered in one call into Python, not seven (:meth:`OrgUnitTreeModel.multiData`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from mandant_desktop.domain.errors import DomainError
from mandant_desktop.services.org_units import UnitNode, UnitRoles
from mandant_desktop.ui import tasks

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
ROOT = 0
#: the unit id of a row, for the page and the tests
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MIME_TYPE = "application/x-mandant-org-unit"
UNIT_COLUMN, ROLES_COLUMN, INHERIT_COLUMN = 0, 1, 2

#: children of one parent (None: the top level), on a worker
ChildrenLoader = Callable[[int | None], list[UnitNode]]
#: the children of several units at once (a refresh of every loaded level), on a worker
ManyChildrenLoader = Callable[[list[int]], dict[int, list[UnitNode]]]
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
#: (the unit column, the invisible root) without and with drag and drop
_FLAGS = (
    (_ROW_FLAGS | Qt.ItemFlag.ItemIsEditable, Qt.ItemFlag.NoItemFlags),
    (
        _ROW_FLAGS | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled,
        Qt.ItemFlag.ItemIsDropEnabled,
    ),
)
_DISPLAY, _EDIT, _TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole
_FONT, _FOREGROUND = Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole
#: the roles :meth:`OrgUnitTreeModel.data` answers; a painted cell asks for about ten
_ANSWERED_ROLES = frozenset(int(role) for role in (_DISPLAY, _EDIT, _TOOLTIP, _FONT, _FOREGROUND, UNIT_ID_ROLE))
#: ``QAbstractItemModel.createIndex`` itself: ``self.createIndex`` looks the method up on the model,
#: a QObject, each time (PySide's attribute lookup of a QObject), which cost as much as the rest of
#: ``index()``; Qt calls index() for every unit when the whole tree is expanded (issue 8)
_create_index = QAbstractItemModel.createIndex
#: the column of a cell is kept in its internal id above the unit id (see :func:`_cell_id`)
_COLUMN_SHIFT = 40
_UNIT_MASK = (1 << _COLUMN_SHIFT) - 1


def _cell_id(unit_id: int, column: int) -> int:
    """The internal id of ``unit_id``'s cell in ``column``: the unit id itself in the unit column
    (the node's key), above it the column for the others (no node's key: no children)."""
    return unit_id | (column << _COLUMN_SHIFT)


_italic: QFont | None = None


def _italic_font() -> QFont:
    """Italics and nothing else: the view resolves it against its own font (family, size)."""
    global _italic
    if _italic is None:
        _italic = QFont()
        _italic.setItalic(True)
    return _italic


#: every unit of the tree, each parent's children in display order ("expand all"), on a worker
AllLoader = Callable[[], list[UnitNode]]
#: one user's roles (user id, parent ids: in their children, None among them for the top level;
#: None: everywhere), on a worker; units missing from the answer hold nothing of the user
RolesLoader = Callable[[int, list[int | None] | None], dict[int, UnitRoles]]
#: more fetched parents than this at once: their roles are asked for everywhere (no list of ids)
#: and the roles columns told as changed everywhere at once
_PARENTS_TOLD_ONE_BY_ONE = 50


@dataclass(slots=True)
class _Node:
    unit: UnitNode | None  # None for the invisible root
    parent: int = ROOT
    children: list[int] = field(default_factory=list)
    fetched: bool = False
    fetching: bool = False
    #: unit id → row among ``children``; rebuilt after a change of the children
    rows: dict[int, int] | None = None

    def row_of(self, unit_id: int) -> int:
        if self.rows is None:
            self.rows = {child: row for row, child in enumerate(self.children)}
        return self.rows[unit_id]

    @property
    def may_have_children(self) -> bool:
        if self.fetched:
            return bool(self.children)
        return self.unit is None or self.unit.child_count > 0


def _tree_of(units: list[UnitNode]) -> dict[int, _Node]:
    """The model's nodes for every unit, all fetched (on the worker that loaded them)."""
    children: dict[int, list[int]] = {}
    for unit in units:
        children.setdefault(unit.parent_id or ROOT, []).append(unit.id)
    nodes = {ROOT: _Node(None, ROOT, children.get(ROOT, []), True)}
    for unit in units:
        nodes[unit.id] = _Node(unit, unit.parent_id or ROOT, children.get(unit.id) or [], True)
    return nodes


def _every_unit(unit_ids: Iterable[int], roles: dict[int, UnitRoles]) -> dict[int, UnitRoles]:
    """``roles`` (an answer for every unit, on a worker) completed for each of ``unit_ids`` but the
    invisible root: a unit missing from the answer holds nothing of the user (known, empty)."""
    return {
        unit_id: roles.get(unit_id) or UnitRoles(unit_id, (), None, None, False, False)
        for unit_id in unit_ids
        if unit_id != ROOT
    }


class OrgUnitTreeModel(QAbstractItemModel):
    """Org units with, for the chosen user, their roles and the inheritance state of each unit."""

    #: the children of this unit id (0: the top level) arrived and are rows now
    children_loaded = Signal(int)
    #: roles of the chosen user arrived for some units
    roles_loaded = Signal()
    #: the roles columns of every unit changed (another user, or their roles loaded again): a view
    #: of the tree repaints them all; ``dataChanged`` covers the top-level rows only
    roles_reset = Signal()
    #: a drop asked to move a unit (unit id, new parent id or None for the top level)
    move_requested = Signal(int, object)
    #: F2 in the view asked to rename a unit (unit id, new name)
    rename_requested = Signal(int, str)
    #: a load failed (already reported to the user)
    load_failed = Signal()
    #: :meth:`refresh` has applied what it loaded
    refreshed = Signal()
    #: :meth:`load_all` has put every unit in (the view may expand everything now)
    all_loaded = Signal()

    def __init__(
        self,
        load_children: ChildrenLoader,
        load_roles: RolesLoader | None = None,
        parent: QObject | None = None,
        *,
        columns: int = 3,
        load_many: ManyChildrenLoader | None = None,
        load_all: AllLoader | None = None,
    ) -> None:
        super().__init__(parent)
        self._load_children = load_children
        self._load_many = load_many
        self._load_all = load_all
        #: a :meth:`load_all` is on its way
        self.loading_all = False
        self._load_roles = load_roles
        self._columns = columns
        self._nodes: dict[int, _Node] = {ROOT: _Node(None)}
        self._to_fetch: list[int] = []
        #: units whose children are on their way (this generation's requests)
        self._fetching: set[int] = set()
        self._generation = 0
        self._user_id: int | None = None
        self._roles: dict[int, UnitRoles] = {}
        #: a former user's roles, let go on the next worker that loads roles (see set_user)
        self._retired: dict[int, UnitRoles] = {}
        self._roles_generation = 0
        self._unit_flags, self._root_flags = _FLAGS[True]

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Forget everything and load the top level again."""
        self._generation += 1
        self._to_fetch = []
        self._fetching = set()
        self.beginResetModel()
        self._nodes = {ROOT: _Node(None)}
        self._roles = {}
        self.endResetModel()
        self.fetchMore(NO_PARENT)

    def loading(self) -> bool:
        """True while some children are on their way."""
        return self.loading_all or bool(self._fetching)

    def load_all(self) -> bool:
        """Every unit at once ("expand all", section 8: 5,000 units up to depth 10): one query on a
        worker, then the model filled in one go (one reset rather than a signal per level);
        ``all_loaded`` when done. False when there is no loader for it or one runs already.

        With a user chosen, their roles in every unit come in the same task and go in with the
        units: asked for afterwards, they would change the roles columns of all 3,800 parents of
        the expanded tree, one dataChanged each."""
        if self._load_all is None or self.loading_all:
            return False
        self.loading_all = True
        generation, roles_generation = self._generation, self._roles_generation
        load, load_roles, user_id = self._load_all, self._load_roles, self._user_id

        def work() -> tuple[dict[int, _Node], dict[int, UnitRoles] | None]:
            nodes = _tree_of(load())
            if user_id is None or load_roles is None:
                return nodes, None
            try:
                return nodes, _every_unit(nodes, load_roles(user_id, None))
            except DomainError:
                return nodes, None  # the units still show; the roles are asked for again on their own

        tasks.run(
            self,
            work,
            on_done=lambda loaded: self._all_arrived(generation, roles_generation, *loaded),
            on_error=lambda _exc: self._all_failed(),
        )
        return True

    def _all_failed(self) -> None:
        self.loading_all = False
        self.load_failed.emit()

    def _all_arrived(
        self, generation: int, roles_generation: int, nodes: dict[int, _Node], roles: dict[int, UnitRoles] | None
    ) -> None:
        self.loading_all = False
        if generation != self._generation:
            return  # reloaded meanwhile
        self._generation += 1  # levels still on their way are part of this answer
        self._to_fetch = []
        self._fetching = set()
        with_roles = roles is not None and roles_generation == self._roles_generation  # not another user's
        self.beginResetModel()
        self._nodes = nodes
        if with_roles and roles is not None:
            self._roles = roles  # one for every unit (_every_unit)
        self.endResetModel()
        self.all_loaded.emit()
        if with_roles:
            self.roles_loaded.emit()
        elif self._user_id is not None:
            self._request_roles(None)

    def canFetchMore(self, parent: Index = NO_PARENT) -> bool:
        node = self._nodes.get(parent.internalId())  # an invalid index has id 0: the top level
        return node is not None and not node.fetched and not node.fetching and node.may_have_children

    def fetchMore(self, parent: Index = NO_PARENT) -> None:
        unit_id = self._id(parent)
        node = self._nodes.get(unit_id)
        if node is None or node.fetched or node.fetching:
            return
        node.fetching = True
        self._fetching.add(unit_id)
        # Levels asked for in one go ("expand all", a restored expansion) load in one query.
        self._to_fetch.append(unit_id)
        if len(self._to_fetch) == 1:
            QTimer.singleShot(0, self._fetch_queued)

    def _fetch_queued(self) -> None:
        parents, self._to_fetch = self._to_fetch, []
        if not parents:
            return
        generation = self._generation
        tasks.run(
            self,
            self._load_levels,
            parents,
            on_done=lambda found: self._children_arrived(generation, found),
            on_error=lambda _exc: self._fetch_failed(generation, parents),
        )

    def _load_levels(self, parents: list[int]) -> dict[int, list[UnitNode]]:
        """On a worker: the children of ``parents`` (0: the top level)."""
        found: dict[int, list[UnitNode]] = {}
        units = [unit_id for unit_id in parents if unit_id != ROOT]
        if ROOT in parents:
            found[ROOT] = self._load_children(None)
        if self._load_many is not None and len(units) > 1:
            found.update(self._load_many(units))
        else:
            for unit_id in units:
                found[unit_id] = self._load_children(unit_id)
        return found

    def _fetch_failed(self, generation: int, parents: list[int]) -> None:
        for unit_id in parents:
            node = self._nodes.get(unit_id)
            if generation == self._generation:
                self._fetching.discard(unit_id)
                if node is not None:
                    node.fetching = False
        self.load_failed.emit()

    def _children_arrived(self, generation: int, found: dict[int, list[UnitNode]]) -> None:
        if generation != self._generation:
            return  # reloaded meanwhile
        self._fetching.difference_update(found)
        for unit_id in sorted(found, key=self._depth):
            node = self._nodes.get(unit_id)
            if node is None:
                continue  # removed meanwhile
            node.fetching = False
            node.fetched = True
            self._apply_children(unit_id, found[unit_id])
        for unit_id in found:
            if unit_id in self._nodes:
                self.children_loaded.emit(unit_id)
        self._request_roles([unit_id for unit_id, units in found.items() if units])

    def refresh(self) -> None:
        """Load every fetched level again (another workstation, or our own change, altered the
        tree); rows that stay keep their expansion and their fetched children."""
        parents = [unit_id for unit_id, node in self._nodes.items() if node.fetched]
        generation = self._generation
        load, load_many = self._load_children, self._load_many

        def load_all() -> dict[int, list[UnitNode] | None]:
            found: dict[int, list[UnitNode] | None] = {}
            if ROOT in parents:
                found[ROOT] = load(None)
            units = [unit_id for unit_id in parents if unit_id != ROOT]
            if load_many is not None:
                found.update(load_many(units))  # one query for every loaded level
                return found
            for unit_id in units:
                try:
                    found[unit_id] = load(unit_id)
                except DomainError:
                    found[unit_id] = None  # deleted meanwhile: its parent's new list drops it
            return found

        tasks.run(self, load_all, on_done=lambda found: self._refreshed(generation, found))

    def _refreshed(self, generation: int, found: dict[int, list[UnitNode] | None]) -> None:
        if generation != self._generation:
            return
        # Top down, so that a removed parent's subtree is gone before its own list is looked at.
        for unit_id in sorted(found, key=self._depth):
            units = found[unit_id]
            if unit_id in self._nodes and units is not None:
                self._apply_children(unit_id, units)
        self.refresh_roles()
        self.refreshed.emit()

    def _depth(self, unit_id: int) -> int:
        node = self._nodes.get(unit_id)
        return -1 if node is None or node.unit is None else node.unit.depth

    def _apply_children(self, parent_id: int, units: Sequence[UnitNode]) -> None:
        """Make ``parent_id``'s rows ``units``: remove, reorder and insert only what differs."""
        parent_node = self._nodes[parent_id]
        parent_index = self._index_of_id(parent_id)
        wanted = [u.id for u in units]
        wanted_set = set(wanted)
        for row in reversed(range(len(parent_node.children))):
            child = parent_node.children[row]
            if child not in wanted_set:
                self.beginRemoveRows(parent_index, row, row)
                del parent_node.children[row]
                parent_node.rows = None
                node = self._nodes.get(child)
                if node is None or node.parent == parent_id:
                    self._drop_subtree(child)
                # else it hangs elsewhere now: moved up to a level this refresh has looked at already
                self.endRemoveRows()
        kept = set(parent_node.children)
        order = [unit_id for unit_id in wanted if unit_id in kept]
        if order != parent_node.children:
            self._reorder(parent_node, order)
        by_id = {u.id: u for u in units}
        if not parent_node.children and wanted:
            # A first load (or a level that was empty): one insertion, not one per row.
            self.beginInsertRows(parent_index, 0, len(wanted) - 1)
            parent_node.children = list(wanted)
            parent_node.rows = None
            for unit_id in wanted:
                self._hang(by_id[unit_id], parent_id)
            self.endInsertRows()
            return
        for row, unit_id in enumerate(wanted):
            if row < len(parent_node.children) and parent_node.children[row] == unit_id:
                node = self._nodes[unit_id]
                if node.unit != by_id[unit_id]:
                    node.unit = by_id[unit_id]
                    left = _create_index(self, row, 0, unit_id)
                    last = self._columns - 1
                    self.dataChanged.emit(left, _create_index(self, row, last, _cell_id(unit_id, last)))
                continue
            self.beginInsertRows(parent_index, row, row)
            parent_node.children.insert(row, unit_id)
            parent_node.rows = None
            self._hang(by_id[unit_id], parent_id)
            self.endInsertRows()

    def _reorder(self, parent_node: _Node, order: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        old_rows = {unit_id: row for row, unit_id in enumerate(parent_node.children)}
        parent_node.children = order
        parent_node.rows = None
        for row, unit_id in enumerate(order):
            for column in range(self._columns):
                cell = _cell_id(unit_id, column)
                self.changePersistentIndex(
                    _create_index(self, old_rows[unit_id], column, cell), _create_index(self, row, column, cell)
                )
        self.layoutChanged.emit()

    def _hang(self, unit: UnitNode, parent_id: int) -> None:
        """A node for ``unit`` under ``parent_id``. A unit moved here from a level looked at later
        in the same refresh (moved up, e.g. by another workstation) has a node there still: what was
        fetched below it is forgotten (fetched again when expanded); its old parent's list drops
        it when its turn comes, without taking this node along."""
        old = self._nodes.get(unit.id)
        if old is not None:
            for child in old.children:
                self._drop_subtree(child)
        self._nodes[unit.id] = _Node(unit, parent=parent_id)

    def _drop_subtree(self, unit_id: int) -> None:
        stack = [unit_id]
        while stack:
            node = self._nodes.pop(stack.pop(), None)
            if node is not None:
                stack.extend(node.children)

    # ------------------------------------------------------------------ the chosen user's roles

    @property
    def user_id(self) -> int | None:
        return self._user_id

    def set_user(self, user_id: int | None) -> None:
        """Show ``user_id``'s roles (None: nobody's); loads them for the units fetched so far."""
        self._user_id = user_id
        # The last user's roles (5,000 units of them) are let go on the worker that loads the new
        # ones: dropping them here cost the GUI thread 3-5 ms (issue 8).
        self._retired, self._roles = self._roles, {}
        self._roles_generation += 1
        self._all_roles_changed()
        self.refresh_roles()

    def refresh_roles(self) -> None:
        self._request_roles(None)

    def roles(self, unit_id: int) -> UnitRoles | None:
        return self._roles.get(unit_id)

    def roles_known(self, unit_id: int) -> bool:
        return unit_id in self._roles or self._user_id is None

    def _request_roles(self, parents: list[int] | None) -> None:
        """The chosen user's roles in the children of ``parents`` (ROOT: the top level), or in every
        unit (None), on a worker."""
        user_id, load = self._user_id, self._load_roles
        if user_id is None or load is None or parents == []:
            return
        if parents is not None and len(parents) > _PARENTS_TOLD_ONE_BY_ONE:
            parents = None  # many levels at once (a restored expansion): everywhere, not a long list
        generation = self._roles_generation
        if parents is None:
            # Everywhere: the answer is completed on the worker for every unit loaded now (units
            # missing from it hold nothing of the user), not unit by unit on the GUI thread.
            loaded = list(self._nodes)
            retired, self._retired = self._retired, {}

            def everywhere() -> dict[int, UnitRoles]:
                retired.clear()
                return _every_unit(loaded, load(user_id, None))

            tasks.run(self, everywhere, on_done=lambda roles: self._roles_arrived(generation, None, roles))
            return
        asked = [parent or None for parent in parents]
        tasks.run(
            self,
            load,
            user_id,
            asked,
            on_done=lambda roles: self._roles_arrived(generation, parents, roles),
        )

    def _roles_arrived(self, generation: int, parents: list[int] | None, roles: dict[int, UnitRoles]) -> None:
        if generation != self._roles_generation:
            return  # another user was chosen meanwhile
        if parents is None:
            # Complete for the units loaded when asked; those loaded meanwhile hold nothing of the
            # user either (the answer covered every unit), and usually there are none.
            later = self._nodes.keys() - roles.keys()
            later.discard(ROOT)
            self._roles = roles
            self._store_roles(later, roles)
        else:
            for parent in parents:
                node = self._nodes.get(parent)
                if node is not None:
                    self._store_roles(node.children, roles)
        if parents is None:
            self._all_roles_changed()
        elif self._columns > ROLES_COLUMN:
            for parent in parents:  # one signal per fetched level, for its rows
                node = self._nodes.get(parent)
                if node is not None and node.children:
                    index = self._index_of_id(parent)
                    self.dataChanged.emit(
                        self.index(0, ROLES_COLUMN, index), self.index(len(node.children) - 1, self._columns - 1, index)
                    )
        self.roles_loaded.emit()

    def _store_roles(self, unit_ids: Iterable[int], roles: dict[int, UnitRoles]) -> None:
        for unit_id in unit_ids:
            # Units without any role of the user come back missing: they have none (known, empty).
            self._roles[unit_id] = roles.get(unit_id) or UnitRoles(unit_id, (), None, None, False, False)

    def _all_roles_changed(self) -> None:
        """The roles columns of every unit changed: one ``dataChanged`` for the top-level rows and
        :attr:`roles_reset` for the view (see the module's docstring)."""
        if self._columns <= ROLES_COLUMN:
            return
        top = self._nodes[ROOT].children
        if top:
            self.dataChanged.emit(self.index(0, ROLES_COLUMN), self.index(len(top) - 1, self._columns - 1))
        self.roles_reset.emit()

    # ------------------------------------------------------------------ lookups

    def unit(self, index: Index) -> UnitNode | None:
        node = self._nodes.get(self._id(index)) if index.isValid() else None
        return node.unit if node is not None else None

    def node_unit(self, unit_id: int) -> UnitNode | None:
        node = self._nodes.get(unit_id)
        return node.unit if node is not None else None

    def is_fetched(self, unit_id: int | None) -> bool:
        node = self._nodes.get(unit_id or ROOT)
        return node is not None and node.fetched

    def loaded_count(self) -> int:
        """How many units are loaded."""
        return len(self._nodes) - 1  # without the invisible root

    def loaded_ids(self) -> list[int]:
        return [unit_id for unit_id in self._nodes if unit_id != ROOT]

    def index_of(self, unit_id: int) -> QModelIndex:
        """The row of ``unit_id`` if it is loaded, else an invalid index."""
        return self._index_of_id(unit_id) if unit_id != ROOT else QModelIndex()

    def _index_of_id(self, unit_id: int) -> QModelIndex:
        node = self._nodes.get(unit_id)
        if unit_id == ROOT or node is None:
            return QModelIndex()
        return _create_index(self, self._nodes[node.parent].row_of(unit_id), 0, unit_id)

    def path_ids(self, unit_id: int | None) -> tuple[int, ...]:
        """The ids from the top level down to ``unit_id`` (empty for None), as far as loaded."""
        ids: list[int] = []
        node = self._nodes.get(unit_id or ROOT)
        while node is not None and node.unit is not None:
            ids.append(node.unit.id)
            node = self._nodes.get(node.parent)
        return tuple(ids[::-1])

    def path_names(self, unit_id: int) -> list[str]:
        """The names from the top level down to ``unit_id``, as far as loaded."""
        names: list[str] = []
        node = self._nodes.get(unit_id)
        while node is not None and node.unit is not None:
            names.append(node.unit.name)
            node = self._nodes.get(node.parent)
        return names[::-1]

    @staticmethod
    def _id(index: Index) -> int:
        return int(index.internalId()) & _UNIT_MASK if index.isValid() else ROOT

    # ------------------------------------------------------------------ the model interface

    # index, flags, hasChildren, canFetchMore and rowCount are called for every unit when the whole
    # tree is expanded: each asks the index for its internal id only (a cell right of the unit
    # column has an id that is no node's: no children, see _cell_id).

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        node = self._nodes.get(parent.internalId())
        if node is None or not 0 <= row < len(node.children) or not 0 <= column < self._columns:
            return QModelIndex()
        unit_id = node.children[row]
        return _create_index(self, row, column, unit_id | (column << _COLUMN_SHIFT) if column else unit_id)

    def parent(self, index: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        node = self._nodes.get(index.internalId() & _UNIT_MASK)
        if node is None or node.parent == ROOT:
            return QModelIndex()
        return self._index_of_id(node.parent)

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        # Qt's own asks parent() and index() in Python; the tree asks for siblings on every paint
        # and twice for each dataChanged it hears of.
        unit_id = index.internalId() & _UNIT_MASK
        node = self._nodes.get(unit_id)
        if node is None or not 0 <= column < self._columns:
            return QModelIndex()
        if row != index.row():
            siblings = self._nodes[node.parent].children
            if not 0 <= row < len(siblings):
                return QModelIndex()
            unit_id = siblings[row]
        return _create_index(self, row, column, _cell_id(unit_id, column))

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        node = self._nodes.get(parent.internalId())
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return self._columns

    def hasChildren(self, parent: Index = NO_PARENT) -> bool:
        node = self._nodes.get(parent.internalId())
        if node is None:
            return False
        if node.children:
            return True
        return not node.fetched and (node.unit is None or node.unit.child_count > 0)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == UNIT_COLUMN:
            return self.tr("Org unit")
        if section == ROLES_COLUMN:
            return self.tr("Roles of the chosen user")
        return self.tr("Inheritance") if section == INHERIT_COLUMN else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Combined once (_FLAGS): combining enum members in Python for every unit was a quarter of
        # "expand all". The invalid index (the invisible root) has internal id 0.
        cell = index.internalId()
        if cell >> _COLUMN_SHIFT:
            return _ROW_FLAGS
        return self._unit_flags if cell else self._root_flags

    @property
    def drag_enabled(self) -> bool:
        """Units may be dragged onto other units (and onto the empty space: the top level)."""
        return self._unit_flags == _FLAGS[True][0]

    @drag_enabled.setter
    def drag_enabled(self, enabled: bool) -> None:
        self._unit_flags, self._root_flags = _FLAGS[enabled]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A painted cell asks for about ten roles: those answered nowhere end here.
        if role not in _ANSWERED_ROLES:
            return None
        cell = index.internalId()
        node = self._nodes.get(cell & _UNIT_MASK)
        if node is None or node.unit is None:
            return None
        return self._cell_data(node.unit, cell >> _COLUMN_SHIFT, role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:  # noqa: N803
        """The delegate's seven roles of a painted cell in one call (Qt's own calls data() seven
        times); the same answers as :meth:`data`."""
        cell = index.internalId()
        node = self._nodes.get(cell & _UNIT_MASK)
        unit = node.unit if node is not None else None
        column = cell >> _COLUMN_SHIFT
        span = roleDataSpan if isinstance(roleDataSpan, QModelRoleDataSpan) else QModelRoleDataSpan(roleDataSpan)
        for position in range(len(span)):  # type: ignore[arg-type]  # the span has __len__ and __getitem__
            item = span[position]  # type: ignore[index]
            role = item.role()
            if unit is not None and role in _ANSWERED_ROLES:
                item.setData(self._cell_data(unit, column, role))
            else:
                item.clearData()

    def _cell_data(self, unit: UnitNode, column: int, role: int) -> Any:
        if role == UNIT_ID_ROLE:
            return unit.id
        if column == UNIT_COLUMN:
            if role in (_DISPLAY, _EDIT):
                return unit.name
            if role == _TOOLTIP:
                return " / ".join(self.path_names(unit.id))
            return None
        return self._roles_data(unit.id, column, role)

    def _roles_data(self, unit_id: int, column: int, role: int) -> Any:
        if self._user_id is None:
            return None
        roles = self._roles.get(unit_id)
        if roles is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        inherited = roles.inherited_from is not None
        if column == ROLES_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                names = ", ".join(chip.role_name for chip in roles.roles)
                if inherited and names:
                    return (
                        self.tr("%1 — inherited from %2")
                        .replace("%1", names)
                        .replace("%2", roles.inherited_from_name or "")
                    )
                return names
            if not inherited:
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr(
                    "These roles are inherited from %1; change them there, or break the inheritance here "
                    "with “Edit roles”."
                ).replace("%1", roles.inherited_from_name or "")
            if role == Qt.ItemDataRole.FontRole:
                return _italic_font()
            if role == Qt.ItemDataRole.ForegroundRole:
                return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
            return None
        if column == INHERIT_COLUMN and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            tip = role == Qt.ItemDataRole.ToolTipRole
            if roles.inherit_ticked:
                return self.tr("Passes the roles to all child units") if tip else self.tr("Passes on ↓")
            if roles.chain_broken:
                return self.tr("Roles from above stop here (“Edit roles”)") if tip else self.tr("Chain broken ✕")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        unit = self.unit(index)
        if unit is None or role != Qt.ItemDataRole.EditRole or index.column() != UNIT_COLUMN:
            return False
        name = str(value).strip()
        if name and name != unit.name:
            self.rename_requested.emit(unit.id, name)  # the page renames; the refresh shows it
        return False

    # ------------------------------------------------------------------ drag and drop

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = sorted({self._id(index) for index in indexes if index.isValid()})
        data.setData(MIME_TYPE, ",".join(str(i) for i in ids).encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return self._dropped_unit(data, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        unit_id = self._dropped_unit(data, parent)
        if unit_id is None:
            return False
        target = self._id(parent) if parent.isValid() else ROOT
        self.move_requested.emit(unit_id, None if target == ROOT else target)
        # False: the view must not remove the dragged row itself; the page's refresh moves it.
        return False

    def _dropped_unit(self, data: QMimeData, parent: Index) -> int | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        ids = [int(part) for part in bytes(data.data(MIME_TYPE).data()).decode().split(",") if part]
        if len(ids) != 1:
            return None
        unit_id = ids[0]
        target = self._id(parent) if parent.isValid() else ROOT
        node = self._nodes.get(unit_id)
        if node is None or node.parent == target:
            return None
        # Not into itself or its own subtree (the service refuses it too, S2).
        ancestor = self._nodes.get(target)
        while ancestor is not None and ancestor.unit is not None:
            if ancestor.unit.id == unit_id:
                return None
            ancestor = self._nodes.get(ancestor.parent)
        return unit_id
