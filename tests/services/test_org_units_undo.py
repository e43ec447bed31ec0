"""The own undo stacks of the org units page and the role assignment page on the three backends:
several steps on the same units or cells follow each other, and a change from another workstation
is never written over (SPEC E7, S3, S4).

Another workstation is a second engine on the same database with its own operator (rolf at
PC-ROLF), going through the services as that workstation would, so that the audit log names him.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from dbhelpers import MigratedDatabase, other_workstation, stale_search_keys
from orghelpers import add_units_and_mia
from sqlalchemy import func, select

from mandant_desktop.db.models import AuditEntry, OrgUnit, RoleAssignment
from mandant_desktop.domain.errors import ConflictError
from mandant_desktop.services.assignments import AssignmentsService, BulkEdit
from mandant_desktop.services.auth import AuthService, FirstAdmin
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.org_units import OrgChange, OrgUnitsService

ROLF = replace(system_operator("rolf"), workstation="PC-ROLF")
ADMIN = FirstAdmin(username="chef", password="Sehr-geheim1", password_repeat="Sehr-geheim1", email="chef@example.de")


@dataclass
class Tree:
    """Konzern > Vertrieb > (Nord, Süd), and mia without roles."""

    db: MigratedDatabase
    service: OrgUnitsService
    admin: Operator
    unit: dict[str, int]
    role: dict[str, int]
    mia: int

    def shape(self) -> list[tuple[str, str | None]]:
        """(unit, its parent's name) of every unit, by name."""
        with self.db.session_factory() as session:
            names = {unit: name for unit, name in session.execute(select(OrgUnit.id, OrgUnit.name))}
            return sorted(
                (names[u], names.get(p) if p else None)
                for u, p in session.execute(select(OrgUnit.id, OrgUnit.parent_id))
            )

    def roles(self) -> set[tuple[int, int, int | None]]:
        with self.db.session_factory() as session:
            rows = session.execute(
                select(RoleAssignment.org_unit_id, RoleAssignment.role_id, RoleAssignment.inherited_from_id).where(
                    RoleAssignment.user_id == self.mia
                )
            )
            return {(unit, role, source) for unit, role, source in rows}

    def state(self) -> tuple[Any, ...]:
        return (self.shape(), self.roles())

    def audit_count(self) -> int:
        with self.db.session_factory() as session:
            return int(session.scalar(select(func.count(AuditEntry.id))) or 0)

    def elsewhere(self, step: Callable[[OrgUnitsService], Any]) -> Any:
        """``step`` on rolf's workstation."""
        with other_workstation(self.db) as factory:
            return step(OrgUnitsService(factory))


@pytest.fixture
def tree(migrated_db: MigratedDatabase) -> Tree:
    with migrated_db.session_factory.begin() as session:
        unit, role, mia_id = add_units_and_mia(
            session,
            (("Konzern", None, 0), ("Vertrieb", "Konzern", 1), ("Nord", "Vertrieb", 2), ("Süd", "Vertrieb", 2)),
        )
    admin = AuthService(migrated_db.session_factory).create_first_admin(ADMIN)
    return Tree(migrated_db, OrgUnitsService(migrated_db.session_factory), admin, unit, role, mia_id)


class Stack:
    """The page's undo stack without Qt (as ui.undo.UndoSteps keeps it): done changes below
    ``index``, the inverses of undone ones above."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.changes: list[OrgChange] = []
        self.inverses: list[OrgChange | None] = []
        self.index = 0

    def do(self, change: OrgChange) -> None:
        del self.changes[self.index :], self.inverses[self.index :]
        self.changes.append(change)
        self.inverses.append(None)
        self.index += 1

    def undo(self) -> None:
        self.index -= 1
        self.inverses[self.index] = self.tree.service.revert(self.tree.admin, self.changes[self.index])

    def redo(self) -> None:
        inverse = self.inverses[self.index]
        assert inverse is not None
        self.changes[self.index] = self.tree.service.revert(self.tree.admin, inverse)
        self.index += 1

    def undo_and_redo_all(self, states: list[Any]) -> None:
        """Undo every step, the tree's state after each as ``states`` recorded it (the first before
        any step), then redo them all the same way."""
        for state in reversed(states[:-1]):
            self.undo()
            assert self.tree.state() == state
        for state in states[1:]:
            self.redo()
            assert self.tree.state() == state


def _refused(tree: Tree, step: Callable[[], Any], match: str) -> None:
    """``step`` is refused with ``match`` in its message and writes nothing, not even an audit entry (S4)."""
    before, entries = tree.state(), tree.audit_count()
    with pytest.raises(ConflictError, match=match):
        step()
    assert tree.state() == before
    assert tree.audit_count() == entries


def test_two_renames_and_two_moves_are_undone_and_redone_in_turn(tree: Tree) -> None:
    """E7: Nord renamed twice and moved twice; four undos, four redos and four undos again each
    find the unit as the step before left it."""
    t, nord = tree, tree.unit["Nord"]
    stack = Stack(t)
    states = [t.state()]
    stack.do(t.service.rename(t.admin, nord, "Nordwest"))
    states.append(t.state())
    stack.do(t.service.rename(t.admin, nord, "Nordost"))
    states.append(t.state())
    stack.do(t.service.move(t.admin, nord, t.unit["Süd"]))
    states.append(t.state())
    stack.do(t.service.move(t.admin, nord, t.unit["Konzern"]))
    states.append(t.state())
    assert ("Nordost", "Konzern") in t.shape()
    for _ in range(2):
        stack.undo_and_redo_all(states)
    assert stale_search_keys(t.db.engine) == []  # the search key follows every rename (A4, E2)


def test_two_role_changes_in_one_unit_are_undone_and_redone_in_turn(tree: Tree) -> None:
    """E7, A4: mia given Leser, then Redakteur in Nord, then Leser taken away again; undo, undo,
    undo and redo, redo, redo."""
    t, nord = tree, tree.unit["Nord"]
    stack = Stack(t)
    states = [t.state()]
    stack.do(t.service.add_roles(t.admin, t.mia, nord, [t.role["reader"]]))
    states.append(t.state())
    stack.do(t.service.add_roles(t.admin, t.mia, nord, [t.role["editor"]]))
    states.append(t.state())
    stack.do(t.service.remove_role(t.admin, t.mia, nord, t.role["reader"]))
    states.append(t.state())
    stack.undo_and_redo_all(states)


def test_a_move_on_another_workstation_is_not_moved_back(tree: Tree) -> None:
    """S4, S3: Nord moved under Süd; rolf moves it under Konzern at his workstation; the undo of
    the move is refused, naming rolf, when and his workstation; nothing is written."""
    t, nord = tree, tree.unit["Nord"]
    change = t.service.move(t.admin, nord, t.unit["Süd"])
    t.elsewhere(lambda service: service.move(ROLF, nord, t.unit["Konzern"]))
    _refused(t, lambda: t.service.revert(t.admin, change), r"rolf changed this OrgUnit at .* on workstation PC-ROLF")
    assert ("Nord", "Konzern") in t.shape()


def test_a_redo_over_a_move_on_another_workstation_is_refused(tree: Tree) -> None:
    """S4: the move undone; rolf moves Nord elsewhere; the redo is refused likewise."""
    t, nord = tree, tree.unit["Nord"]
    stack = Stack(t)
    stack.do(t.service.move(t.admin, nord, t.unit["Süd"]))
    stack.undo()
    t.elsewhere(lambda service: service.move(ROLF, nord, t.unit["Konzern"]))
    _refused(t, stack.redo, r"rolf changed this OrgUnit at .* on workstation PC-ROLF")


def test_a_rename_undone_keeps_a_move_made_elsewhere(tree: Tree) -> None:
    """S4 (merge): the name and the place are separate. Nord renamed; rolf moves it; the undo of the
    rename gives the old name back and leaves the unit where rolf put it."""
    t, nord = tree, tree.unit["Nord"]
    change = t.service.rename(t.admin, nord, "Nordwest")
    t.elsewhere(lambda service: service.move(ROLF, nord, t.unit["Süd"]))
    t.service.revert(t.admin, change)
    assert ("Nord", "Süd") in t.shape()


def test_an_added_unit_renamed_or_given_roles_elsewhere_is_not_deleted_by_undo(tree: Tree) -> None:
    """S4: Bremen added; rolf renames it: undoing the add (which deletes it) is refused, naming him.
    Renamed back, but rolf gave mia a role in it: refused too, as data added since."""
    t = tree
    added = t.service.add(t.admin, t.unit["Nord"], "Bremen")
    (bremen,) = added.units_added
    t.elsewhere(lambda service: service.rename(ROLF, bremen, "Bremerhaven"))
    _refused(t, lambda: t.service.revert(t.admin, added), r"rolf changed this OrgUnit at .* on workstation PC-ROLF")
    t.elsewhere(lambda service: service.rename(ROLF, bremen, "Bremen"))
    t.elsewhere(lambda service: service.add_roles(ROLF, t.mia, bremen, [t.role["reader"]]))
    _refused(t, lambda: t.service.revert(t.admin, added), "data was added to this OrgUnit afterwards")
    assert ("Bremen", "Nord") in t.shape()


def test_the_refusal_names_the_other_workstation_not_the_users_own_undo(tree: Tree) -> None:
    """S3, S4: Nord moved under Süd by the user; rolf moves it under Konzern; the user (having
    reloaded) moves it under Vertrieb. Undoing that puts it under Konzern again (the user's own
    write); the undo of the first move is refused — naming rolf, whose move stands in the way,
    not the user whose undo wrote the unit last."""
    t, nord = tree, tree.unit["Nord"]
    stack = Stack(t)
    stack.do(t.service.move(t.admin, nord, t.unit["Süd"]))
    t.elsewhere(lambda service: service.move(ROLF, nord, t.unit["Konzern"]))
    stack.do(t.service.move(t.admin, nord, t.unit["Vertrieb"]))
    stack.undo()
    assert ("Nord", "Konzern") in t.shape()
    _refused(t, stack.undo, r"Cannot undo: rolf changed this OrgUnit at .* on workstation PC-ROLF, after your change")


# ---------------------------------------------------------------- the role assignment page's stack


def test_role_assignment_steps_are_undone_and_redone_in_turn(tree: Tree) -> None:
    """E7, A1: on the role assignment page, mia given Leser, then Redakteur in Nord, then Leser
    taken away; undo three times and redo three times, each step as the one before left it."""
    t, nord = tree, tree.unit["Nord"]
    service = AssignmentsService(t.db.session_factory)
    changes = [
        service.add(t.admin, t.mia, nord, t.role["reader"]),
        service.add(t.admin, t.mia, nord, t.role["editor"]),
    ]
    states = [set(), {(nord, t.role["reader"], None)}, {(nord, t.role["reader"], None), (nord, t.role["editor"], None)}]
    changes.append(service.remove(t.admin, t.mia, nord, t.role["reader"]))
    states.append({(nord, t.role["editor"], None)})
    assert t.roles() == states[-1]
    inverses = []
    for index in reversed(range(3)):
        inverses.insert(0, service.revert(t.admin, changes[index]))
        assert t.roles() == states[index]
    for index in range(3):
        changes[index] = service.revert(t.admin, inverses[index])
        assert t.roles() == states[index + 1]


def test_role_assignment_undo_keeps_what_another_workstation_did(tree: Tree) -> None:
    """S4 (merge): role assignments carry no version; undo takes back the user's own rows only.
    mia given Leser in Nord; rolf takes it away and gives Redakteur at his workstation; the undo
    of the add changes nothing of his, and the redo brings no Leser back over his removal."""
    t, nord = tree, tree.unit["Nord"]
    service = AssignmentsService(t.db.session_factory)
    added = service.add(t.admin, t.mia, nord, t.role["reader"])

    def rolf(other: AssignmentsService) -> None:
        other.remove(ROLF, t.mia, nord, t.role["reader"])
        other.add(ROLF, t.mia, nord, t.role["editor"])

    with other_workstation(t.db) as factory:
        rolf(AssignmentsService(factory))
    undone = service.revert(t.admin, added)
    assert t.roles() == {(nord, t.role["editor"], None)}
    service.revert(t.admin, undone)
    assert t.roles() == {(nord, t.role["editor"], None)}


def test_role_assignment_undo_counts_what_it_left_as_another_workstation_did(tree: Tree) -> None:
    """E7, S4, A2: an undo that leaves rows as another workstation left them says how many
    (``kept``). Leser and Redakteur given to mia in Nord in one bulk edit; rolf takes Leser away:
    the undo takes Redakteur back and keeps rolf's removal (1 kept). Redakteur taken away again by
    the user; rolf gives it again: the undo of that removal leaves his row (1 kept). An undo with
    nothing changed elsewhere keeps nothing."""
    t, nord = tree, tree.unit["Nord"]
    service = AssignmentsService(t.db.session_factory)
    both = (t.role["reader"], t.role["editor"])
    added = service.apply(t.admin, BulkEdit(False, both, (t.mia,), (nord,)))
    with other_workstation(t.db) as factory:
        AssignmentsService(factory).remove(ROLF, t.mia, nord, t.role["reader"])
    undone = service.revert(t.admin, added)
    assert t.roles() == set() and undone.kept == 1
    redone = service.revert(t.admin, undone)
    assert t.roles() == {(nord, t.role["editor"], None)} and redone.kept == 0
    removed = service.remove(t.admin, t.mia, nord, t.role["editor"])
    with other_workstation(t.db) as factory:
        AssignmentsService(factory).add(ROLF, t.mia, nord, t.role["editor"])
    undone = service.revert(t.admin, removed)
    assert t.roles() == {(nord, t.role["editor"], None)} and undone.kept == 1


def test_org_units_undo_counts_what_it_left_as_another_workstation_did(tree: Tree) -> None:
    """E7, S4 (org units page): Leser and Redakteur given to mia in Nord; rolf takes Leser away.
    The undo takes Redakteur back, keeps rolf's removal and counts it (``kept``); its redo, with
    nothing changed since, keeps nothing."""
    t, nord = tree, tree.unit["Nord"]
    added = t.service.add_roles(t.admin, t.mia, nord, [t.role["reader"], t.role["editor"]])
    t.elsewhere(lambda service: service.remove_role(ROLF, t.mia, nord, t.role["reader"]))
    undone = t.service.revert(t.admin, added)
    assert t.roles() == set() and undone.kept == 1
    redone = t.service.revert(t.admin, undone)
    assert t.roles() == {(nord, t.role["editor"], None)} and redone.kept == 0


def _taken_and_given_again(t: Tree, unit: int, role: int) -> None:
    """rolf takes ``role`` in ``unit`` from mia and gives it to her again, on the role assignment
    page of his workstation: the row under that key is his now."""
    with other_workstation(t.db) as factory:
        other = AssignmentsService(factory)
        other.remove(ROLF, t.mia, unit, role)
        other.add(ROLF, t.mia, unit, role)


def test_role_assignment_undo_leaves_an_assignment_made_again_elsewhere(tree: Tree) -> None:
    """S4, S3, E7: mia given Leser in Nord; rolf takes it away and gives it to her again at his
    workstation. The row under that key is his now: the undo of the add is refused, naming rolf,
    when and his workstation, and his assignment stays (before, the undo deleted it by its key)."""
    t, nord = tree, tree.unit["Nord"]
    service = AssignmentsService(t.db.session_factory)
    added = service.add(t.admin, t.mia, nord, t.role["reader"])
    _taken_and_given_again(t, nord, t.role["reader"])
    _refused(t, lambda: service.revert(t.admin, added), r"Cannot undo: rolf changed this .* on workstation PC-ROLF")
    assert t.roles() == {(nord, t.role["reader"], None)}


def test_role_assignment_redo_leaves_an_assignment_made_again_elsewhere(tree: Tree) -> None:
    """S4, E7: Leser taken from mia in Nord and the removal undone (Leser is back, as it was); rolf
    then takes it away and gives it again. The redo of the removal is refused, naming rolf."""
    t, nord = tree, tree.unit["Nord"]
    service = AssignmentsService(t.db.session_factory)
    service.add(t.admin, t.mia, nord, t.role["reader"])
    service.add(t.admin, t.mia, nord, t.role["editor"])
    undone = service.revert(t.admin, service.remove(t.admin, t.mia, nord, t.role["reader"]))
    _taken_and_given_again(t, nord, t.role["reader"])
    _refused(t, lambda: service.revert(t.admin, undone), r"Cannot undo: rolf changed this .* on workstation PC-ROLF")
    assert (nord, t.role["reader"], None) in t.roles()


def test_org_units_undo_leaves_a_role_given_again_elsewhere(tree: Tree) -> None:
    """S4, S3, E7 (org units page): mia given Leser in Nord; rolf takes it away and gives it again
    at his workstation; the undo of the add is refused, naming rolf, and his row stays."""
    t, nord = tree, tree.unit["Nord"]
    added = t.service.add_roles(t.admin, t.mia, nord, [t.role["reader"]])
    t.elsewhere(lambda service: service.remove_role(ROLF, t.mia, nord, t.role["reader"]))
    t.elsewhere(lambda service: service.add_roles(ROLF, t.mia, nord, [t.role["reader"]]))
    _refused(t, lambda: t.service.revert(t.admin, added), r"Cannot undo: rolf changed this .* on workstation PC-ROLF")
    assert t.roles() == {(nord, t.role["reader"], None)}


def test_org_units_undo_leaves_inheritance_ticked_again_elsewhere(tree: Tree) -> None:
    """S4, S3, A5, A8, E7: mia's Leser in Vertrieb handed down (inheritance ticked); rolf unticks
    and ticks it again at his workstation: the box and the inherited rows are his now, so the
    undo of the tick is refused, naming rolf, and his inheritance stays."""
    t, vertrieb = tree, tree.unit["Vertrieb"]
    t.service.add_roles(t.admin, t.mia, vertrieb, [t.role["reader"]])
    ticked = t.service.set_inherit(t.admin, t.mia, vertrieb, "keep")
    assert ticked.sources_added == ((t.mia, vertrieb),)
    t.elsewhere(lambda service: service.clear_inherit(ROLF, t.mia, vertrieb))
    t.elsewhere(lambda service: service.set_inherit(ROLF, t.mia, vertrieb, "keep"))
    _refused(t, lambda: t.service.revert(t.admin, ticked), r"Cannot undo: rolf changed this .* on workstation PC-ROLF")
    assert (t.unit["Nord"], t.role["reader"], vertrieb) in t.roles()


def _stale_rename_names(t: Tree, unit: int, version: int) -> str:
    """The message of a rename of ``unit`` over a version read before someone else's change (S4)."""
    with pytest.raises(ConflictError) as refused:
        t.service.rename(t.admin, unit, "Umbenannt", version=version)
    return str(refused.value)


def test_units_hung_elsewhere_by_a_set_based_write_say_who_changed_them(tree: Tree) -> None:
    """S4, S3: units rehung in one statement — children lifted when rolf deletes their parent, a
    move undone at his workstation — get a new version and rolf as their last writer, so that a
    save over the old version names him (before, the version went up and "changed by" stayed
    that of the writer before, or empty)."""
    t = tree
    nord, sued = t.unit["Nord"], t.unit["Süd"]
    versions = {unit: t.service.get(t.admin, unit).version for unit in (nord, sued)}
    t.elsewhere(lambda service: service.delete(ROLF, t.unit["Vertrieb"], children="lift"))
    assert ("Nord", "Konzern") in t.shape()
    assert _stale_rename_names(t, nord, versions[nord]).startswith("rolf changed this")
    moved = t.elsewhere(lambda service: service.move(ROLF, sued, nord))
    versions[sued] = t.service.get(t.admin, sued).version
    t.elsewhere(lambda service: service.revert(ROLF, moved))
    assert ("Süd", "Konzern") in t.shape()
    with t.db.session_factory() as session:
        stored = session.get(OrgUnit, sued)
        assert stored is not None and stored.updated_by == "rolf"
    assert _stale_rename_names(t, sued, versions[sued]).startswith("rolf changed this")
