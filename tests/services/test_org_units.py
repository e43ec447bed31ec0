"""The org-unit tree with role inheritance on the three backends (SPEC A4-A10, R3, S1, S2)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

import pytest
from dbhelpers import other_workstation, stale_search_keys
from orghelpers import add_units_and_mia
from sqlalchemy import event, func, select, update

from mandant_desktop.db import tables
from mandant_desktop.db.models import (
    AuditEntry,
    InheritanceBreak,
    InheritanceSource,
    OrgUnit,
    Role,
    RoleAssignment,
    RolePermission,
    User,
    UserKind,
    UserStatus,
)
from mandant_desktop.domain.errors import (
    ConflictError,
    InUseError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from mandant_desktop.services.auth import AuthService, FirstAdmin
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.org_units import OrgUnitsService

#: an administrator at another workstation (every right, his own name and workstation in the audit log)
ROLF = replace(system_operator("rolf"), workstation="PC-ROLF")
ADMIN = FirstAdmin(username="chef", password="Sehr-geheim1", password_repeat="Sehr-geheim1", email="chef@example.de")


@dataclass
class Example:
    """The worked example of SPEC A5-A9: Konzern > Vertrieb > (Nord > Hamburg, Süd); mia holds
    Leser directly in Süd."""

    db: Any
    service: OrgUnitsService
    admin: Operator
    unit: dict[str, int]
    role: dict[str, int]
    mia: int

    def held(self, user: int | None = None) -> dict[str, set[tuple[str, str | None]]]:
        """unit name → {(role key, source unit name or None)} of one user (default mia)."""
        names = {v: k for k, v in self.unit.items()}
        roles = {v: k for k, v in self.role.items()}
        found: dict[str, set[tuple[str, str | None]]] = {}
        with self.db.session_factory() as session:
            for unit, role, source in session.execute(
                select(RoleAssignment.org_unit_id, RoleAssignment.role_id, RoleAssignment.inherited_from_id).where(
                    RoleAssignment.user_id == (user or self.mia)
                )
            ):
                found.setdefault(names[unit], set()).add((roles[role], names.get(source) if source else None))
        return found


@pytest.fixture
def example(migrated_db: Any) -> Example:
    with migrated_db.session_factory.begin() as session:
        unit, role, mia_id = add_units_and_mia(
            session,
            (
                ("Konzern", None, 0),
                ("Vertrieb", "Konzern", 1),
                ("Nord", "Vertrieb", 2),
                ("Hamburg", "Nord", 3),
                ("Süd", "Vertrieb", 2),
            ),
        )
        session.add(RoleAssignment(user_id=mia_id, role_id=role["reader"], org_unit_id=unit["Süd"]))
    admin = AuthService(migrated_db.session_factory).create_first_admin(ADMIN)
    return Example(migrated_db, OrgUnitsService(migrated_db.session_factory), admin, unit, role, mia_id)


def _give_vertrieb(ex: Example) -> None:
    ex.service.add_roles(ex.admin, ex.mia, ex.unit["Vertrieb"], [ex.role["editor"], ex.role["auditor"]])


INHERITED = {("editor", "Vertrieb"), ("auditor", "Vertrieb")}
DIRECT = {("editor", None), ("auditor", None)}


def test_keep_gives_the_roles_where_mia_had_none(example: Example) -> None:
    """A5 keep, worked example: Nord and Hamburg inherit, Süd keeps Leser, Konzern untouched."""
    ex = example
    _give_vertrieb(ex)
    impact = ex.service.inherit_impact(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    assert (impact.units, impact.roles_added, impact.roles_removed) == (2, 4, 0)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    assert ex.held() == {"Vertrieb": DIRECT, "Nord": INHERITED, "Hamburg": INHERITED, "Süd": {("reader", None)}}
    roles = ex.service.roles_of(ex.admin, ex.mia, ex.unit.values())
    assert roles[ex.unit["Vertrieb"]].inherit_ticked and roles[ex.unit["Vertrieb"]].inherited_from is None
    assert roles[ex.unit["Hamburg"]].inherited_from_name == "Vertrieb"
    assert roles[ex.unit["Konzern"]].roles == ()


def test_roles_in_tree_agrees_with_roles_of_without_a_list_of_units(example: Example) -> None:
    """Issue 8: the tree's roles of a user come from the user's own rows — everywhere, or in the
    children of some parents (None: the top level) — and say the same as :meth:`roles_of` asked
    unit by unit; a unit missing from the answer holds nothing (roles, source and break marks)."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    ex.service.break_inheritance(ex.admin, ex.mia, ex.unit["Nord"])
    every = ex.service.roles_of(ex.admin, ex.mia, ex.unit.values())
    everywhere = ex.service.roles_in_tree(ex.admin, ex.mia)
    assert set(everywhere) == {unit for unit, roles in every.items() if roles != _nothing(unit)}
    assert all(everywhere.get(unit, _nothing(unit)) == roles for unit, roles in every.items())
    assert everywhere[ex.unit["Vertrieb"]].inherit_ticked and everywhere[ex.unit["Nord"]].chain_broken
    assert ex.unit["Konzern"] not in everywhere and ex.unit["Hamburg"] not in everywhere
    below = ex.service.roles_in_tree(ex.admin, ex.mia, [ex.unit["Vertrieb"], None])
    assert set(below) == {ex.unit["Konzern"], ex.unit["Nord"], ex.unit["Süd"]}
    assert all(below[unit] == every[unit] for unit in below)
    assert ex.service.roles_in_tree(ex.admin, ex.mia, []) == {}
    assert ex.service.roles_in_tree(ex.admin, ex.mia, [ex.unit["Hamburg"]]) == {}  # no children


def _nothing(unit: int) -> Any:
    from mandant_desktop.services.org_units import UnitRoles

    return UnitRoles(unit, (), None, None, False, False)


def test_replace_removes_what_was_there(example: Example) -> None:
    """A5 replace: Nord, Hamburg and Süd inherit; Leser in Süd is gone."""
    ex = example
    _give_vertrieb(ex)
    impact = ex.service.inherit_impact(ex.admin, ex.mia, ex.unit["Vertrieb"], "replace")
    assert (impact.units, impact.roles_added, impact.roles_removed) == (3, 6, 1)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "replace")
    assert ex.held() == {"Vertrieb": DIRECT, "Nord": INHERITED, "Hamburg": INHERITED, "Süd": INHERITED}


def test_edit_roles_breaks_the_chain_and_a_new_unit_below_gets_nothing(example: Example) -> None:
    """A7: Edit roles at Nord keeps the roles there as direct ones, Hamburg loses them (1 unit and
    its 2 role assignments said before; Nord's own 2, which stay as direct roles, are not counted
    as lost); A9: Bremen, created under Nord afterwards, receives nothing from Vertrieb."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    impact = ex.service.break_impact(ex.admin, ex.mia, ex.unit["Nord"])
    assert (impact.units, impact.roles_removed) == (1, 2)
    change = ex.service.break_inheritance(ex.admin, ex.mia, ex.unit["Nord"])
    assert ex.held()["Nord"] == DIRECT and "Hamburg" not in ex.held()
    assert ex.service.roles_of(ex.admin, ex.mia, [ex.unit["Nord"]])[ex.unit["Nord"]].chain_broken
    bremen = ex.service.add(ex.admin, ex.unit["Nord"], "Bremen").node
    assert bremen is not None
    ex.unit["Bremen"] = bremen.id
    assert "Bremen" not in ex.held()
    assert ex.service.children(ex.admin, ex.unit["Nord"])[-1] == bremen
    # Undo of the break: Hamburg inherits again, Nord too.
    ex.service.revert(ex.admin, change)
    assert ex.held()["Nord"] == INHERITED and ex.held()["Hamburg"] == INHERITED


def test_unticking_removes_every_inherited_role_below(example: Example) -> None:
    """A8: unticking at Vertrieb removes the inherited roles; Vertrieb keeps its direct ones. Undo
    and redo restore the rows exactly."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    before = ex.held()
    assert ex.service.clear_inherit_impact(ex.admin, ex.mia, ex.unit["Vertrieb"]).roles_removed == 4
    change = ex.service.clear_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"])
    assert ex.held() == {"Vertrieb": DIRECT, "Süd": {("reader", None)}}
    undo = ex.service.revert(ex.admin, change)
    assert ex.held() == before
    ex.service.revert(ex.admin, undo)
    assert ex.held() == {"Vertrieb": DIRECT, "Süd": {("reader", None)}}


def test_a_new_unit_under_an_inheriting_unit_receives_the_roles(example: Example) -> None:
    """A9: Bremen under Nord while Vertrieb inherits and the chain is intact."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    ex.unit["Bremen"] = ex.service.add(ex.admin, ex.unit["Nord"], "Bremen").units_added[0]
    assert ex.held()["Bremen"] == INHERITED


def test_moving_gains_and_loses_inherited_roles(example: Example) -> None:
    """A9: Hamburg moved to the top loses Vertrieb's roles, moved back it gains them; a unit cannot
    go into its own subtree; the depth of the moved subtree follows."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    ex.service.move(ex.admin, ex.unit["Nord"], ex.unit["Konzern"])
    assert "Nord" not in ex.held() and "Hamburg" not in ex.held()
    assert ex.service.get(ex.admin, ex.unit["Hamburg"]).depth == 2
    ex.service.move(ex.admin, ex.unit["Nord"], ex.unit["Süd"])
    assert ex.held()["Hamburg"] == INHERITED and ex.service.get(ex.admin, ex.unit["Hamburg"]).depth == 4
    with pytest.raises(ValidationError):
        ex.service.move(ex.admin, ex.unit["Vertrieb"], ex.unit["Hamburg"])


def test_a_move_follows_every_users_inheritance_and_is_undone(example: Example) -> None:
    """A9, A5, A7, E7: two users inherit above Nord, boss with a break at Nord. Nord moved under
    Konzern: mia loses what Vertrieb passed down (Nord, Hamburg), boss keeps his direct Leser in
    Nord and Hamburg stays cut off for him; both users' other units are untouched. Undo gives back
    exactly the rows before, redo the rows after."""
    ex = example
    with ex.db.session_factory.begin() as session:
        boss = User(username="boss", username_key="boss", kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
        session.add(boss)
        session.flush()
        boss_id = boss.id
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    ex.service.add_roles(ex.admin, boss_id, ex.unit["Konzern"], [ex.role["reader"]])
    ex.service.set_inherit(ex.admin, boss_id, ex.unit["Konzern"], "keep")
    ex.service.break_inheritance(ex.admin, boss_id, ex.unit["Nord"])
    before = (ex.held(), ex.held(boss_id))
    assert before[0]["Hamburg"] == INHERITED and "Hamburg" not in before[1]
    assert before[1]["Nord"] == {("reader", None)} and before[1]["Süd"] == {("reader", "Konzern")}

    change = ex.service.move(ex.admin, ex.unit["Nord"], ex.unit["Konzern"])
    after = (ex.held(), ex.held(boss_id))
    assert "Nord" not in after[0] and "Hamburg" not in after[0]
    assert after[0] == {unit: roles for unit, roles in before[0].items() if unit not in ("Nord", "Hamburg")}
    assert after[1] == before[1]
    assert {row.user_id for row in change.removed} == {ex.mia} and not change.created

    inverse = ex.service.revert(ex.admin, change)
    assert (ex.held(), ex.held(boss_id)) == before
    ex.service.revert(ex.admin, inverse)
    assert (ex.held(), ex.held(boss_id)) == after


def test_a_move_to_the_current_parent_changes_nothing(example: Example) -> None:
    """A9, S3, E7: Nord moved under Vertrieb, where it is already, while Vertrieb inherits: an empty
    change (nothing for undo), no audit entry, Nord keeps its place, version and roles; the roles of
    its subtree are not even read (it returns at once on a large demo). A unit at the top moved to
    the top likewise; an unknown unit is still refused."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    nord = ex.unit["Nord"]

    def snapshot() -> tuple[Any, ...]:
        with ex.db.session_factory() as session:
            unit = session.get(OrgUnit, nord)
            assert unit is not None
            entries = session.scalar(select(func.count(AuditEntry.id)))
            return (unit.parent_id, unit.sort_order, unit.depth, unit.version, entries, ex.held())

    before = snapshot()
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement.lower())

    event.listen(ex.db.engine, "before_cursor_execute", seen)
    try:
        change = ex.service.move(ex.admin, nord, ex.unit["Vertrieb"])
        top = ex.service.move(ex.admin, ex.unit["Konzern"], None)
    finally:
        event.remove(ex.db.engine, "before_cursor_execute", seen)
    assert change.size == 0 and not change.placements and not change.changes_tree
    assert top.size == 0
    assert snapshot() == before
    assert not [s for s in statements if "role_assignment" in s or "inheritance" in s]
    with pytest.raises(NotFoundError):
        ex.service.move(ex.admin, 999_999, ex.unit["Vertrieb"])


def test_delete_lifts_or_removes_the_children(example: Example) -> None:
    """A9: deleting Nord with "lift" hangs Hamburg under Vertrieb (still inheriting); deleting
    Vertrieb with "delete" removes its whole subtree and mia's rows there."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    impact = ex.service.delete_impact(ex.admin, ex.unit["Nord"])
    assert (impact.children, impact.descendants) == (1, 1)
    ex.service.delete(ex.admin, ex.unit["Nord"], children="lift")
    assert ex.service.path(ex.admin, ex.unit["Hamburg"]) == (
        ex.unit["Konzern"],
        ex.unit["Vertrieb"],
        ex.unit["Hamburg"],
    )
    assert ex.held()["Hamburg"] == INHERITED
    ex.service.delete(ex.admin, ex.unit["Vertrieb"], children="delete")
    assert ex.held() == {}
    with ex.db.session_factory() as session:
        assert session.scalar(select(func.count(OrgUnit.id))) == 1
        assert (
            session.scalar(
                select(func.count()).select_from(InheritanceSource).where(InheritanceSource.user_id == ex.mia)
            )
            == 0
        )


def test_inherited_roles_are_not_changed_directly(example: Example) -> None:
    """A6, A7: no direct role where the roles are inherited; no inheriting without a direct role."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    with pytest.raises(ValidationError):
        ex.service.add_roles(ex.admin, ex.mia, ex.unit["Nord"], [ex.role["reader"]])
    with pytest.raises(ValidationError):
        ex.service.remove_role(ex.admin, ex.mia, ex.unit["Nord"], ex.role["editor"])
    with pytest.raises(ValidationError):
        ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Konzern"], "keep")
    # A role added at the source reaches the inheritors; removed there, it leaves them too.
    ex.service.add_roles(ex.admin, ex.mia, ex.unit["Vertrieb"], [ex.role["reader"]])
    assert ("reader", "Vertrieb") in ex.held()["Hamburg"]
    ex.service.remove_role(ex.admin, ex.mia, ex.unit["Vertrieb"], ex.role["reader"])
    assert ex.held()["Hamburg"] == INHERITED


def test_changes_are_audited(example: Example) -> None:
    """S3: every direct row added or removed and every source ticked gets its audit entry; the
    inherited rows get one entry per (source, role) that names every unit they reached."""
    ex = example
    with ex.db.session_factory() as session:
        before = session.scalar(select(func.max(AuditEntry.id)))
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "replace")
    with ex.db.session_factory() as session:
        entries = session.execute(
            select(AuditEntry.object_type, AuditEntry.action, AuditEntry.changes).where(AuditEntry.id > before)
        ).all()
    # 2 direct rows, Leser removed, one source ticked, 2 roles inherited by Nord, Hamburg, Süd
    assert sorted((kind, action) for kind, action, _ in entries) == [
        ("InheritanceSource", "create"),
        ("RoleAssignment", "create"),
        ("RoleAssignment", "create"),
        ("RoleAssignment", "create"),
        ("RoleAssignment", "create"),
        ("RoleAssignment", "delete"),
    ]
    inherited = [changes for _, _, changes in entries if "org_unit_ids" in changes]
    below = sorted(ex.unit[name] for name in ("Nord", "Hamburg", "Süd"))
    assert [c["org_unit_ids"][1] for c in inherited] == [below, below]
    assert all(c["inherited_from_id"] == [None, ex.unit["Vertrieb"]] for c in inherited)


def test_the_last_administrator_keeps_the_role(example: Example) -> None:
    """S2: the first admin cannot take the Administrator role away from themselves at the root."""
    ex = example
    with pytest.raises(ValidationError):
        ex.service.remove_role(ex.admin, ex.admin.id or 0, ex.unit["Konzern"], ex.role["administrator"])


def test_delegation_limits_the_operator_to_their_units(example: Example) -> None:
    """S1: an operator with assignments.assign only in Süd may not tick inheritance at Vertrieb,
    nor grant a role there they do not hold."""
    ex = example
    with ex.db.session_factory.begin() as session:
        boss = User(username="boss", username_key="boss", kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
        session.add(boss)
        session.flush()
        session.add(RoleAssignment(user_id=boss.id, role_id=ex.role["administrator"], org_unit_id=ex.unit["Süd"]))
        boss_id = boss.id
    op = Operator(id=boss_id, username="boss", permissions=ex.admin.permissions)
    with pytest.raises(PermissionDeniedError):
        ex.service.add_roles(op, ex.mia, ex.unit["Vertrieb"], [ex.role["reader"]])
    ex.service.add_roles(op, ex.mia, ex.unit["Süd"], [ex.role["editor"]])
    assert ex.held()["Süd"] == {("reader", None), ("editor", None)}


def test_delegation_grants_only_roles_whose_permissions_the_operator_holds_in_each_unit(example: Example) -> None:
    """S1: an operator who may assign in Nord and Hamburg, but holds all of Bearbeiter's
    permissions only in Nord, grants it in Nord, not in Hamburg; a tick at Nord that would give it
    to Hamburg is refused as a whole, naming the role and the unit. Leser, whose permissions they
    hold in both, goes to both."""
    ex = example
    with ex.db.session_factory.begin() as session:
        boss = User(username="boss", username_key="boss", kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
        delegate = Role(name="Delegate", name_key="delegate")
        session.add_all([boss, delegate])
        session.flush()
        codes = ("assignments.assign", "org_units.view")
        session.add_all([RolePermission(role_id=delegate.id, permission_code=code) for code in codes])
        for unit in ("Nord", "Hamburg"):
            for role in (delegate.id, ex.role["reader"]):
                session.add(RoleAssignment(user_id=boss.id, role_id=role, org_unit_id=ex.unit[unit]))
        session.add(RoleAssignment(user_id=boss.id, role_id=ex.role["editor"], org_unit_id=ex.unit["Nord"]))
        boss_id = boss.id
    op = Operator(id=boss_id, username="boss", permissions=ex.admin.permissions)
    with pytest.raises(PermissionDeniedError, match="needs more than you hold in Hamburg"):
        ex.service.add_roles(op, ex.mia, ex.unit["Hamburg"], [ex.role["editor"]])
    ex.service.add_roles(op, ex.mia, ex.unit["Nord"], [ex.role["editor"]])
    with pytest.raises(PermissionDeniedError, match="needs more than you hold in Hamburg"):
        ex.service.set_inherit(op, ex.mia, ex.unit["Nord"], "keep")
    assert ex.held()["Nord"] == {("editor", None)} and "Hamburg" not in ex.held()
    ex.service.add_roles(op, ex.mia, ex.unit["Nord"], [ex.role["reader"]])
    ex.service.remove_role(op, ex.mia, ex.unit["Nord"], ex.role["editor"])
    ex.service.set_inherit(op, ex.mia, ex.unit["Nord"], "keep")
    assert ex.held()["Hamburg"] == {("reader", "Nord")}


def test_delegation_adds_up_the_roles_held_in_a_unit(example: Example) -> None:
    """S1: a role may be granted where the operator's roles in the unit hold its permissions
    together, none of them alone (the check first looks for one role that holds them all, issue 8);
    where one of them is missing the grant is refused, naming the unit."""
    ex = example
    with ex.db.session_factory.begin() as session:
        boss = User(username="boss", username_key="boss", kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
        delegate = Role(name="Delegate", name_key="delegate")
        combined = Role(name="Combined", name_key="combined")
        session.add_all([boss, delegate, combined])
        session.flush()
        reader_codes = set(
            session.scalars(select(RolePermission.permission_code).where(RolePermission.role_id == ex.role["reader"]))
        )
        delegate_codes = {"assignments.assign", "org_units.view"}
        session.add_all([RolePermission(role_id=delegate.id, permission_code=code) for code in delegate_codes])
        session.add_all(
            [RolePermission(role_id=combined.id, permission_code=code) for code in reader_codes | delegate_codes]
        )
        for unit in ("Nord", "Hamburg"):
            session.add(RoleAssignment(user_id=boss.id, role_id=delegate.id, org_unit_id=ex.unit[unit]))
        session.add(RoleAssignment(user_id=boss.id, role_id=ex.role["reader"], org_unit_id=ex.unit["Nord"]))
        boss_id, combined_id = boss.id, combined.id
    op = Operator(id=boss_id, username="boss", permissions=ex.admin.permissions)

    def units_of_mia() -> set[int]:
        with ex.db.session_factory() as session:
            return set(session.scalars(select(RoleAssignment.org_unit_id).where(RoleAssignment.user_id == ex.mia)))

    ex.service.add_roles(op, ex.mia, ex.unit["Nord"], [combined_id])
    assert ex.unit["Nord"] in units_of_mia()
    with pytest.raises(PermissionDeniedError, match="Combined needs more than you hold in Hamburg"):
        ex.service.add_roles(op, ex.mia, ex.unit["Hamburg"], [combined_id])
    with pytest.raises(PermissionDeniedError, match="needs more than you hold in Hamburg"):
        ex.service.set_inherit(op, ex.mia, ex.unit["Nord"], "keep")
    assert ex.unit["Hamburg"] not in units_of_mia()


def test_tree_reading_and_search(example: Example) -> None:
    """A4: roots, children with their child counts, search returns id paths to reveal."""
    ex = example
    (root,) = ex.service.roots(ex.admin)
    assert (root.name, root.child_count) == ("Konzern", 1)
    assert [n.name for n in ex.service.children(ex.admin, ex.unit["Vertrieb"])] == ["Nord", "Süd"]
    assert ex.service.search(ex.admin, "HAMB") == [
        (ex.unit["Konzern"], ex.unit["Vertrieb"], ex.unit["Nord"], ex.unit["Hamburg"])
    ]
    assert ex.service.search(ex.admin, "%") == []
    renamed = ex.service.rename(ex.admin, ex.unit["Süd"], " Süd  West ", version=1).node
    assert renamed is not None and renamed.name == "Süd West"
    assert [u.username for u in ex.service.users(ex.admin, "mia m")] == ["mia"]


def test_explain_names_role_source_and_the_broken_chain(example: Example) -> None:
    """A10, R3: granted permissions name the role and where it came from; a unit below a broken
    chain says where the chain broke; a unit without any role says so; mia can log in."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    hamburg = ex.service.explain(ex.admin, ex.mia, ex.unit["Hamburg"])
    assert hamburg.unit_path == "Konzern / Vertrieb / Nord / Hamburg" and hamburg.can_log_in
    granted = [r for r in hamburg.reasons if r.granted]
    assert granted and all(r.inherited_from_name == "Vertrieb" and r.assigned_by == "chef" for r in granted)
    assert hamburg.reasons[0].granted and not hamburg.reasons[-1].granted
    assert hamburg.reasons[-1].why_not == "None of the user's roles in Hamburg includes this permission."
    ex.service.break_inheritance(ex.admin, ex.mia, ex.unit["Nord"])
    lost = ex.service.explain(ex.admin, ex.mia, ex.unit["Hamburg"])
    assert not any(r.granted for r in lost.reasons)
    assert {r.why_not for r in lost.reasons} == {"Chain broken at Nord."}
    top = ex.service.explain(ex.admin, ex.mia, ex.unit["Konzern"])
    assert {r.why_not for r in top.reasons} == {"No role in Konzern."}


def test_children_of_several_units_at_once(example: Example) -> None:
    """A4: expanding a branch fetches the children of a whole level in one call."""
    ex = example
    found = ex.service.children_many(ex.admin, [ex.unit["Vertrieb"], ex.unit["Nord"], ex.unit["Hamburg"]])
    assert {k: [n.name for n in v] for k, v in found.items()} == {
        ex.unit["Vertrieb"]: ["Nord", "Süd"],
        ex.unit["Nord"]: ["Hamburg"],
        ex.unit["Hamburg"]: [],
    }


def test_all_units_come_parent_by_parent_in_the_order_of_each_level(example: Example) -> None:
    """A4, section 8: "expand all" reads every unit at once, each parent's children in the order a
    level's children come in (sort order, then the name in any case, then the id), read in the
    order of the tree's index (revision 0023) on SQLite and PostgreSQL; MariaDB has none."""
    ex = example
    with ex.db.session_factory.begin() as session:
        for name, order in (("beta", 0), ("Alpha", 0), ("alpha", 0), ("Omega", -1), ("Gamma", 2)):
            session.add(OrgUnit(name=name, parent_id=ex.unit["Konzern"], depth=1, sort_order=order))
        session.add(OrgUnit(name="zweite Wurzel", parent_id=None, depth=0, sort_order=0))
    every = ex.service.all_units(ex.admin)
    by_parent: dict[int | None, list[str]] = {}
    for node in every:
        by_parent.setdefault(node.parent_id, []).append(node.name)
    roots = ex.service.roots(ex.admin)
    assert by_parent.pop(None) == [n.name for n in roots]
    assert by_parent == {parent: [n.name for n in ex.service.children(ex.admin, parent)] for parent in by_parent}
    assert by_parent[ex.unit["Konzern"]][0] == "Omega" and by_parent[ex.unit["Konzern"]][-1] == "Gamma"
    # each parent's children together: the page groups them as they come
    parents = [node.parent_id for node in every]
    assert len(set(parents)) == len([p for i, p in enumerate(parents) if i == 0 or parents[i - 1] != p])
    assert {n.id: n.child_count for n in every} == {n.id: sum(1 for c in every if c.parent_id == n.id) for n in every}
    backend = ex.db.engine.dialect.name
    with ex.db.engine.connect() as connection:
        if backend == "sqlite":
            found = connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (tables.ORG_UNIT_ORDER_INDEX,)
            ).scalar()
        elif backend == "postgresql":
            found = connection.exec_driver_sql(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s", (tables.ORG_UNIT_ORDER_INDEX,)
            ).scalar()
        else:
            found = None
    if backend in ("sqlite", "postgresql"):
        assert found is not None and "parent_id, sort_order, lower(" in found
    else:
        assert found is None


# --------------------------------------------------------------------------- undo of the tree's changes


def _shape(ex: Example) -> list[tuple[int, str, int]]:
    """The whole tree in display order: (id, name, depth) of every unit."""
    found: list[tuple[int, str, int]] = []

    def walk(nodes: list[Any]) -> None:
        for node in nodes:
            found.append((node.id, node.name, node.depth))
            walk(ex.service.children(ex.admin, node.id))

    walk(ex.service.roots(ex.admin))
    return found


def _marks(ex: Example) -> tuple[set[int], set[int]]:
    """mia's inheritance sources and chain breaks (unit ids)."""
    with ex.db.session_factory() as session:
        sources = set(session.scalars(select(InheritanceSource.org_unit_id).where(InheritanceSource.user_id == ex.mia)))
        breaks = set(session.scalars(select(InheritanceBreak.org_unit_id).where(InheritanceBreak.user_id == ex.mia)))
    return sources, breaks


def test_adding_a_unit_under_an_inheriting_unit_is_undone_and_redone(example: Example) -> None:
    """A9, E7: Bremen under Nord receives Vertrieb's roles; undo removes Bremen and those rows;
    redo brings Bremen back, with its id and its inherited roles."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    before, marks = ex.held(), _marks(ex)
    added = ex.service.add(ex.admin, ex.unit["Nord"], "Bremen")
    (bremen,) = added.units_added
    ex.unit["Bremen"] = bremen
    assert added.node is not None and added.node.id == bremen
    assert len([key for key in added.added if key[0] == ex.mia]) == 2
    assert ex.held()["Bremen"] == INHERITED
    undo = ex.service.revert(ex.admin, added)
    assert ex.held() == before and _marks(ex) == marks
    assert [n.name for n in ex.service.children(ex.admin, ex.unit["Nord"])] == ["Hamburg"]
    assert [r.id for r in undo.units_removed] == [bremen] and len(undo.removed) == len(added.added)
    redo = ex.service.revert(ex.admin, undo)
    assert redo.units_added == (bremen,) and not redo.renumbered
    assert ex.held()["Bremen"] == INHERITED
    assert [n.name for n in ex.service.children(ex.admin, ex.unit["Nord"])] == ["Hamburg", "Bremen"]
    ex.service.revert(ex.admin, redo)
    assert "Bremen" not in ex.held()


def test_renaming_is_undone_unless_someone_renamed_it_since(example: Example) -> None:
    """E7, S4: undo gives the old name back, redo the new one; after a rename elsewhere, undo is
    refused with a message saying so, and the other name stays."""
    ex = example
    change = ex.service.rename(ex.admin, ex.unit["Süd"], "Süd West")
    assert change.renamed == (ex.unit["Süd"], "Süd", "Süd West")
    undo = ex.service.revert(ex.admin, change)
    assert ex.service.get(ex.admin, ex.unit["Süd"]).name == "Süd"
    ex.service.revert(ex.admin, undo)
    assert ex.service.get(ex.admin, ex.unit["Süd"]).name == "Süd West"
    with other_workstation(ex.db) as factory:  # another workstation, its own engine and operator
        OrgUnitsService(factory).rename(ROLF, ex.unit["Süd"], "Südost")
    with pytest.raises(ConflictError) as refused:
        ex.service.revert(ex.admin, change)
    assert "Cannot undo: rolf renamed this org unit to Südost at " in refused.value.message
    assert "on workstation PC-ROLF" in refused.value.message
    assert ex.service.get(ex.admin, ex.unit["Süd"]).name == "Südost"


def test_deleting_a_subtree_is_undone_with_roles_sources_and_breaks(example: Example) -> None:
    """E7, A5-A9: deleting Vertrieb with everything below, then undo: the units come back with
    their ids, places and depths, mia's direct and inherited roles, the ticked box and the chain
    break; redo deletes them again."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    ex.service.break_inheritance(ex.admin, ex.mia, ex.unit["Nord"])
    shape, held, marks = _shape(ex), ex.held(), _marks(ex)
    assert marks == ({ex.unit["Vertrieb"]}, {ex.unit["Nord"]})
    change = ex.service.delete(ex.admin, ex.unit["Vertrieb"], children="delete")
    assert [r.name for r in change.units_removed][:1] == ["Vertrieb"] and len(change.units_removed) == 4
    assert ex.held() == {} and _shape(ex) == [(ex.unit["Konzern"], "Konzern", 0)]
    undo = ex.service.revert(ex.admin, change)
    assert _shape(ex) == shape and ex.held() == held and _marks(ex) == marks
    assert not undo.renumbered and sorted(undo.units_added) == sorted(r.id for r in change.units_removed)
    redo = ex.service.revert(ex.admin, undo)
    assert ex.held() == {} and _shape(ex) == [(ex.unit["Konzern"], "Konzern", 0)]
    ex.service.revert(ex.admin, redo)
    assert _shape(ex) == shape and ex.held() == held and _marks(ex) == marks


def test_deleting_and_lifting_the_children_is_undone(example: Example) -> None:
    """E7, A9: Nord (a source itself, below a break) deleted, Hamburg lifted under Vertrieb (after
    Süd), inheriting Vertrieb's roles now; undo puts Nord back in its place, Hamburg under it again,
    with the rows, source and break it had; redo lifts it again."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    ex.service.break_inheritance(ex.admin, ex.mia, ex.unit["Nord"])
    ex.service.add_roles(ex.admin, ex.mia, ex.unit["Nord"], [ex.role["reader"]])
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Nord"], "keep")
    shape, held, marks = _shape(ex), ex.held(), _marks(ex)
    assert ("reader", "Nord") in held["Hamburg"]
    change = ex.service.delete(ex.admin, ex.unit["Nord"], children="lift")
    assert [n.name for n in ex.service.children(ex.admin, ex.unit["Vertrieb"])] == ["Süd", "Hamburg"]
    assert ex.held()["Hamburg"] == INHERITED  # from Vertrieb now (A9)
    undo = ex.service.revert(ex.admin, change)
    assert _shape(ex) == shape and ex.held() == held and _marks(ex) == marks
    redo = ex.service.revert(ex.admin, undo)
    assert [n.name for n in ex.service.children(ex.admin, ex.unit["Vertrieb"])] == ["Süd", "Hamburg"]
    assert ex.service.get(ex.admin, ex.unit["Hamburg"]).depth == 2
    ex.service.revert(ex.admin, redo)
    assert _shape(ex) == shape and ex.held() == held


def test_undo_of_a_move_puts_the_unit_back_among_its_old_siblings(example: Example) -> None:
    """E7: A, B, C under Süd; A moved under Nord; undo puts A first again, not last."""
    ex = example
    for name in "ABC":
        ex.unit[name] = ex.service.add(ex.admin, ex.unit["Süd"], name).units_added[0]
    change = ex.service.move(ex.admin, ex.unit["A"], ex.unit["Nord"])
    assert [n.name for n in ex.service.children(ex.admin, ex.unit["Süd"])] == ["B", "C"]
    undo = ex.service.revert(ex.admin, change)
    assert [n.name for n in ex.service.children(ex.admin, ex.unit["Süd"])] == ["A", "B", "C"]
    ex.service.revert(ex.admin, undo)
    assert [n.name for n in ex.service.children(ex.admin, ex.unit["Nord"])] == ["Hamburg", "A"]


def test_a_restored_unit_whose_id_was_taken_comes_back_under_a_new_one(example: Example) -> None:
    """E7: SQLite hands out a free highest id again. When another unit took the deleted unit's id,
    undo restores it under a new id, says so (``renumbered``), and leaves the other unit alone."""
    ex = example
    old = ex.unit["Süd"]
    change = ex.service.delete(ex.admin, old, children="delete")
    with ex.db.session_factory.begin() as session:
        session.add(OrgUnit(id=old, name="Fremd", parent_id=ex.unit["Konzern"], depth=1))
    undo = ex.service.revert(ex.admin, change)
    ((was, now),) = undo.renumbered
    assert was == old and now != old and undo.units_added == (now,)
    ex.unit["Süd"] = now
    assert ex.held() == {"Süd": {("reader", None)}}
    assert ex.service.get(ex.admin, old).name == "Fremd"
    assert [n.name for n in ex.service.children(ex.admin, ex.unit["Vertrieb"])] == ["Nord", "Süd"]
    ex.service.revert(ex.admin, undo)
    assert ex.held() == {} and ex.service.get(ex.admin, old).name == "Fremd"
    assert change.renumber(dict(undo.renumbered)).units_removed[0].id == now


def test_undo_of_tree_changes_needs_the_opposite_right(example: Example) -> None:
    """S1: undoing an add deletes (org_units.delete); undoing a delete adds (org_units.edit)."""
    ex = example
    editor = Operator(id=ex.admin.id, username="chef", permissions=ex.admin.permissions - {"org_units.delete"})
    added = ex.service.add(editor, ex.unit["Süd"], "Ost")
    with pytest.raises(PermissionDeniedError):
        ex.service.revert(editor, added)
    remover = Operator(id=ex.admin.id, username="chef", permissions=ex.admin.permissions - {"org_units.edit"})
    deleted = ex.service.delete(remover, added.units_added[0], children="delete")
    with pytest.raises(PermissionDeniedError):
        ex.service.revert(remover, deleted)
    ex.service.revert(ex.admin, deleted)
    assert [n.name for n in ex.service.children(ex.admin, ex.unit["Süd"])] == ["Ost"]
    # the restored unit is found again: its search key is written with it (A4, E2)
    assert stale_search_keys(ex.db.engine) == []
    assert [path[-1] for path in ex.service.search(ex.admin, "OST")] == [added.units_added[0]]


def test_undo_of_an_add_leaves_a_unit_that_got_children_since(example: Example) -> None:
    """E7, S4: Bremen added; another workstation adds a unit under it; undo refuses, says why,
    and both stay."""
    ex = example
    added = ex.service.add(ex.admin, ex.unit["Nord"], "Bremen")
    (bremen,) = added.units_added
    ex.service.add(ex.admin, bremen, "Vegesack")  # elsewhere
    with pytest.raises(InUseError) as refused:
        ex.service.revert(ex.admin, added)
    assert "Bremen has child units now" in refused.value.message
    assert [n.name for n in ex.service.children(ex.admin, bremen)] == ["Vegesack"]


def test_no_two_units_at_one_place_share_a_name(example: Example) -> None:
    """A3, A9, S8: an org unit is named by its path in the Excel export and the import reads the
    path back; two units "Vertrieb / Nord" made the import put roles into either of them without a
    word. A name is unique among its siblings, case-insensitively, when a unit is added, renamed or
    moved; the same name elsewhere in the tree stays allowed."""
    ex = example
    with pytest.raises(ValidationError) as refused:
        ex.service.add(ex.admin, ex.unit["Vertrieb"], " nord ")
    assert refused.value.values["name"] == "Nord"
    with pytest.raises(ValidationError):
        ex.service.rename(ex.admin, ex.unit["Süd"], "NORD")
    ex.service.rename(ex.admin, ex.unit["Süd"], "SÜD")  # its own name in other letters
    hamburg_too = ex.service.add(ex.admin, ex.unit["Vertrieb"], "Hamburg").units_added[0]
    with pytest.raises(ValidationError):
        ex.service.move(ex.admin, hamburg_too, ex.unit["Nord"])
    ex.service.move(ex.admin, hamburg_too, ex.unit["SÜD" if "SÜD" in ex.unit else "Süd"])
    with ex.db.session_factory() as session:
        names = session.scalars(select(OrgUnit.name).where(OrgUnit.parent_id == ex.unit["Vertrieb"])).all()
    assert sorted(names) == ["Nord", "SÜD"]


_LONG_AGO = dt.datetime(2026, 1, 5, 8, 0, tzinfo=dt.UTC)


def _stamps(ex: Example) -> dict[str, tuple[int, dt.datetime | None, str | None]]:
    """unit name → (version, updated_at, updated_by)."""
    names = {v: k for k, v in ex.unit.items()}
    with ex.db.session_factory() as session:
        return {
            names[unit]: (version, at, by)
            for unit, version, at, by in session.execute(
                select(OrgUnit.id, OrgUnit.version, OrgUnit.updated_at, OrgUnit.updated_by)
            )
        }


def test_a_depth_change_alone_is_no_change_of_the_unit(example: Example) -> None:
    """S4, A9, E7: the depth is derived from the tree. A move, the children lifted by a delete and
    the undo of a move change the parent of one unit; the units below it only follow in depth and
    keep their version and updated_at / updated_by, so that a save of one of them with the version
    read before is not refused, and a conflict message goes on naming who last changed it and when
    (before, the depth update stamped updated_at alone: a newer time beside the old writer, and no
    new version). The moved unit itself gets a new version and the mover as its writer."""
    ex = example
    ex.unit["Altona"] = ex.service.add(ex.admin, ex.unit["Hamburg"], "Altona").units_added[0]
    with ex.db.session_factory.begin() as session:
        session.execute(update(OrgUnit).values(updated_at=_LONG_AGO, updated_by="alt"))
    before = _stamps(ex)
    moved = ex.service.move(ex.admin, ex.unit["Nord"], ex.unit["Konzern"])  # Hamburg, Altona follow
    now = _stamps(ex)
    assert ex.service.get(ex.admin, ex.unit["Altona"]).depth == 3
    assert now["Hamburg"] == before["Hamburg"] and now["Altona"] == before["Altona"]
    assert now["Nord"][0] == before["Nord"][0] + 1 and now["Nord"][2] == "chef" and now["Nord"][1] != _LONG_AGO
    ex.service.revert(ex.admin, moved)  # undo: Nord back under Vertrieb, the units below follow
    assert ex.service.get(ex.admin, ex.unit["Altona"]).depth == 4
    assert _stamps(ex)["Hamburg"] == before["Hamburg"] and _stamps(ex)["Altona"] == before["Altona"]
    ex.service.delete(ex.admin, ex.unit["Nord"], children="lift")  # Hamburg lifted, Altona follows
    lifted = _stamps(ex)
    assert ex.service.get(ex.admin, ex.unit["Altona"]).depth == 3
    assert lifted["Altona"] == before["Altona"]
    assert lifted["Hamburg"][0] == before["Hamburg"][0] + 1 and lifted["Hamburg"][2] == "chef"
    # Someone who read Altona before all this saves it: not refused, nobody else changed it.
    ex.service.rename(ex.admin, ex.unit["Altona"], "Altona-Nord", version=before["Altona"][0])
    assert ex.service.get(ex.admin, ex.unit["Altona"]).name == "Altona-Nord"


def test_deleting_a_unit_refuses_to_lift_a_child_beside_one_of_its_name(example: Example) -> None:
    """A9, A3, S8, S4: Nord's child Hamburg would be lifted under Vertrieb, which has a "HAMBURG"
    already: the delete is refused before anything is written (all or nothing), the message names
    the unit, its parent and the clashing unit; nothing is audited. Lifting children whose names
    are free still works, and the whole subtree can still be deleted."""
    ex = example
    _give_vertrieb(ex)
    ex.service.set_inherit(ex.admin, ex.mia, ex.unit["Vertrieb"], "keep")
    ex.unit["HAMBURG"] = ex.service.add(ex.admin, ex.unit["Vertrieb"], "HAMBURG").units_added[0]
    shape, held = _shape(ex), ex.held()
    with ex.db.session_factory() as session:
        last_entry = session.scalar(select(func.max(AuditEntry.id)))
    with pytest.raises(ValidationError) as refused:
        ex.service.delete(ex.admin, ex.unit["Nord"], children="lift")
    assert refused.value.values == {"unit": "Nord", "parent": "Vertrieb", "names": "HAMBURG"}
    assert _shape(ex) == shape and ex.held() == held
    with ex.db.session_factory() as session:
        assert session.scalar(select(func.max(AuditEntry.id))) == last_entry

    # At the top level too: Konzern's child Vertrieb beside a top-level "vertrieb".
    ex.service.add(ex.admin, None, "vertrieb")
    with pytest.raises(ValidationError) as refused:
        ex.service.delete(ex.admin, ex.unit["Konzern"], children="lift")
    assert refused.value.values == {"unit": "Konzern", "names": "vertrieb"}

    ex.service.delete(ex.admin, ex.unit["Nord"], children="delete")
    ex.service.delete(ex.admin, ex.unit["Vertrieb"], children="lift")  # Süd, HAMBURG go under Konzern
    assert sorted(n.name for n in ex.service.children(ex.admin, ex.unit["Konzern"])) == ["HAMBURG", "Süd"]


def test_undo_and_redo_refuse_to_put_a_unit_beside_one_of_its_name(example: Example) -> None:
    """E7, A9, S8: Nord deleted, then a new "nord" added under Vertrieb: undoing the delete would
    put two units of that name side by side, so it is refused in words and changes nothing. A lift
    undone, then a same-named unit added where the redo would lift the child: the redo is refused."""
    ex = example
    deleted = ex.service.delete(ex.admin, ex.unit["Nord"], children="delete")
    ex.service.add(ex.admin, ex.unit["Vertrieb"], "nord")
    shape = _shape(ex)
    with pytest.raises(ValidationError) as refused:
        ex.service.revert(ex.admin, deleted)
    assert refused.value.values == {"parent": "Vertrieb", "names": "Nord, nord"}
    assert _shape(ex) == shape

    lifted = ex.service.delete(ex.admin, ex.unit["Süd"], children="lift")  # no children: a plain delete
    undone = ex.service.revert(ex.admin, lifted)
    assert "Süd" in [n.name for n in ex.service.children(ex.admin, ex.unit["Vertrieb"])]
    nord = next(n.id for n in ex.service.children(ex.admin, ex.unit["Vertrieb"]) if n.name == "nord")
    ex.service.add(ex.admin, nord, "Bremen")
    lifted = ex.service.delete(ex.admin, nord, children="lift")
    undone = ex.service.revert(ex.admin, lifted)
    ex.service.add(ex.admin, ex.unit["Vertrieb"], "BREMEN")
    shape = _shape(ex)
    with pytest.raises(ValidationError) as refused:
        ex.service.revert(ex.admin, undone)
    assert refused.value.values == {"parent": "Vertrieb", "names": "BREMEN, Bremen"}
    assert _shape(ex) == shape
