"""Role inheritance rules over random trees and random operation sequences (SPEC A5-A9)."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from mandant_desktop.domain import inheritance as inh
from mandant_desktop.domain.errors import ValidationError
from mandant_desktop.domain.inheritance import Parents, UserTree

ROLES = (1, 2, 3)


@st.composite
def trees(draw: st.DrawFn, max_units: int = 14) -> dict[int, int | None]:
    """A random forest: unit ``n`` hangs under one of the units before it, or is a root."""
    count = draw(st.integers(1, max_units))
    parents: dict[int, int | None] = {0: None}
    for unit in range(1, count):
        parents[unit] = draw(st.one_of(st.none(), st.integers(0, unit - 1))) if unit > 3 else unit - 1
    return parents


@dataclass(frozen=True)
class Op:
    kind: str
    unit: int
    roles: tuple[int, ...] = ()
    mode: inh.InheritMode = "keep"


ops = st.builds(
    Op,
    kind=st.sampled_from(["add", "remove", "inherit", "clear", "break"]),
    unit=st.integers(0, 13),
    roles=st.lists(st.sampled_from(ROLES), min_size=1, max_size=2, unique=True).map(tuple),
    mode=st.sampled_from(["keep", "replace"]),
)


def apply(parents: Parents, user: UserTree, op: Op) -> UserTree:
    """One operation; refusals (ValidationError) leave the user's tree as it was."""
    try:
        if op.kind == "add":
            return inh.add_roles(parents, user, op.unit, op.roles)
        if op.kind == "remove":
            return inh.remove_role(user, op.unit, op.roles[0])
        if op.kind == "inherit":
            return inh.set_inherit(parents, user, op.unit, op.mode)
        if op.kind == "clear":
            return inh.clear_inherit(user, op.unit)
        return inh.break_chain(parents, user, op.unit)
    except ValidationError:
        return user


def naive_source(parents: Parents, user: UserTree, unit: int) -> int | None:
    """The rule said plainly: walk up until a ticked source with roles; a break on the way (the
    unit itself included) or a direct role at the unit means nothing is inherited."""
    if user.direct.get(unit):
        return None
    current = unit
    while True:
        if current in user.breaks:
            return None
        parent = parents.get(current)
        if parent is None:
            return None
        if parent in user.sources and user.direct.get(parent):
            return parent
        current = parent


def check_invariants(parents: Parents, user: UserTree) -> None:
    held = inh.holdings(parents, user)
    for unit in parents:
        source = naive_source(parents, user, unit)
        got = held.get(unit)
        if user.direct.get(unit):
            # A6: direct roles only, never mixed with inherited ones
            assert got == inh.Holding(user.direct[unit]), unit
        elif source is None:
            assert got is None, unit
        else:
            # one ticked ancestor, through units that did not break the chain
            assert got == inh.Holding(user.direct[source], source), unit
            assert source in inh.ancestors(parents, unit) and source in user.sources
    # a source always has direct roles to pass on
    assert all(user.direct.get(s) for s in user.sources)


@settings(max_examples=300, deadline=None)
@given(parents=trees(), sequence=st.lists(ops, max_size=12))
def test_random_operations_keep_the_invariants(parents: dict[int, int | None], sequence: list[Op]) -> None:
    """A6 and the traceability of every inherited role hold after any sequence of operations;
    A8: after unticking, nothing is inherited from that unit; A5 replace: every descendant then
    inherits from the unit; A7: after Edit roles the unit keeps its roles as direct ones and nothing
    passes through it from above."""
    user = UserTree()
    for op in sequence:
        if op.unit not in parents:
            continue
        before = user
        user = apply(parents, user, op)
        check_invariants(parents, user)
        held = inh.holdings(parents, user)
        below = inh.descendants(parents, op.unit)
        if op.kind == "clear":
            assert all(h.source != op.unit for h in held.values())
        if op.kind == "inherit" and op.mode == "replace" and user is not before:
            assert all(held[d] == inh.Holding(user.direct[op.unit], op.unit) for d in below)
        if op.kind == "inherit" and op.mode == "keep" and user is not before:
            # keep: whoever held something before still holds the same
            old = inh.holdings(parents, before)
            assert all(held[d] == old[d] for d in below if d in old)
        if op.kind == "break" and user is not before:
            old = inh.holdings(parents, before)
            assert held[op.unit] == inh.Holding(old[op.unit].roles)
            assert all(held.get(d, inh.Holding(frozenset())).source != old[op.unit].source for d in below)


@settings(max_examples=200, deadline=None)
@given(parents=trees(), sequence=st.lists(ops, max_size=10), new_parent=st.integers(0, 13))
def test_a_new_unit_receives_what_its_parent_passes_on(
    parents: dict[int, int | None], sequence: list[Op], new_parent: int
) -> None:
    """A9: a unit added under an inheriting unit receives exactly what its parent passes down; a
    unit moved away and back loses and regains it; deleting a subtree forgets its marks."""
    user = UserTree()
    for op in sequence:
        if op.unit in parents:
            user = apply(parents, user, op)
    if new_parent not in parents:
        return
    grown = {**parents, 99: new_parent}
    passing = inh.passed_down(grown, user)
    expected = passing[new_parent]
    got = inh.holdings(grown, user).get(99)
    assert (got.source if got else None) == expected
    moved = {**grown, 99: None}
    assert 99 not in inh.holdings(moved, user)
    check_invariants(grown, user)
    gone = [new_parent, *inh.descendants(parents, new_parent)]
    left = {u: p for u, p in parents.items() if u not in gone}
    check_invariants(left, inh.forget_units(user, gone))


def test_the_worked_example() -> None:
    """SPEC's worked example of A5-A9 on the rules alone."""
    konzern, vertrieb, nord, hamburg, sued, bremen = range(6)
    parents: dict[int, int | None] = {konzern: None, vertrieb: konzern, nord: vertrieb, hamburg: nord, sued: vertrieb}
    leser, redakteur, auditor = 1, 2, 3
    mia = UserTree(direct={sued: frozenset({leser})})
    mia = inh.add_roles(parents, mia, vertrieb, [redakteur, auditor])
    keep = inh.set_inherit(parents, mia, vertrieb, "keep")
    both = frozenset({redakteur, auditor})
    assert inh.holdings(parents, keep) == {
        vertrieb: inh.Holding(both),
        nord: inh.Holding(both, vertrieb),
        hamburg: inh.Holding(both, vertrieb),
        sued: inh.Holding(frozenset({leser})),
    }
    replace = inh.set_inherit(parents, mia, vertrieb, "replace")
    assert inh.holdings(parents, replace)[sued] == inh.Holding(both, vertrieb)
    broken = inh.break_chain(parents, keep, nord)
    assert inh.holdings(parents, broken)[nord] == inh.Holding(both)
    assert hamburg not in inh.holdings(parents, broken)
    assert inh.broken_at(parents, broken, hamburg) == nord
    cleared = inh.clear_inherit(keep, vertrieb)
    assert set(inh.holdings(parents, cleared)) == {vertrieb, sued}
    grown = {**parents, bremen: nord}
    assert inh.holdings(grown, keep)[bremen] == inh.Holding(both, vertrieb)
    assert bremen not in inh.holdings(grown, broken)
