"""Role inheritance down the org-unit tree as pure rules (SPEC A4-A9).

One user's part of the tree is described by :class:`UserTree`:

* ``direct``: the units where the user holds roles directly, with those roles;
* ``sources``: the units whose "Inherit roles to child units" box is ticked (A5); a source always
  holds direct roles, which it passes down;
* ``breaks``: the units where "Edit roles" broke the chain (A7): nothing from above reaches them,
  nor, through them, the units below.

What a unit then holds (:func:`holdings`): its direct roles when it has any (a unit with direct
roles keeps them, "keep existing"); otherwise the roles of the nearest source above it, provided
no unit on the way — the unit itself included, the source excluded — broke the chain. A unit with
direct roles does not stop the roles of a source above from passing on to the units below it
(A5 "keep": existing roles stay, and their subtrees still receive the inherited roles where the
user has none). So every unit's roles are all direct or all inherited (A6), and every inherited
role traces back to exactly one ticked source along an unbroken chain.

The operations (:func:`add_roles`, :func:`set_inherit`, …) return the new :class:`UserTree`; the
tree itself is a ``unit → parent`` mapping (None for a root), so a unit added, moved or deleted
(A9) needs no operation here: the holdings are simply computed on the changed tree.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from mandant_desktop.domain.errors import ValidationError

#: unit id → parent unit id (None for a root)
Parents = Mapping[int, int | None]
InheritMode = Literal["replace", "keep"]


@dataclass(frozen=True, slots=True)
class UserTree:
    """One user's direct roles, inheritance sources and chain breaks."""

    direct: Mapping[int, frozenset[int]] = field(default_factory=dict)
    sources: frozenset[int] = frozenset()
    breaks: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Holding:
    """The roles a user holds in one unit; ``source`` is the unit they are inherited from, if so."""

    roles: frozenset[int]
    source: int | None = None


def children_of(parents: Parents) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for unit, parent in parents.items():
        if parent is not None:
            children.setdefault(parent, []).append(unit)
    return children


def descendants(parents: Parents, unit: int, children: Mapping[int, list[int]] | None = None) -> list[int]:
    """The units below ``unit`` (itself excluded), parents before their children."""
    below = children if children is not None else children_of(parents)
    found: list[int] = []
    stack = list(below.get(unit, ()))
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(below.get(current, ()))
    return found


def ancestors(parents: Parents, unit: int) -> list[int]:
    """The units above ``unit``, nearest first."""
    found: list[int] = []
    current = parents.get(unit)
    while current is not None:
        found.append(current)
        current = parents.get(current)
    return found


def passed_down(parents: Parents, user: UserTree) -> dict[int, int | None]:
    """For every unit, the source whose roles it passes on to its children (None: nothing)."""
    memo: dict[int, int | None] = {}
    for start in parents:
        chain: list[int] = []
        current: int | None = start
        while current is not None and current not in memo:
            chain.append(current)
            current = parents.get(current)
        found = memo[current] if current is not None else None
        for unit in reversed(chain):
            if unit in user.sources and user.direct.get(unit):
                found = unit
            elif unit in user.breaks:
                found = None
            memo[unit] = found
    return memo


def source_of(
    parents: Parents, user: UserTree, unit: int, passing: Mapping[int, int | None] | None = None
) -> int | None:
    """The source ``unit`` inherits from, or None when it holds direct roles or nothing arrives."""
    if user.direct.get(unit) or unit in user.breaks:
        return None
    parent = parents.get(unit)
    if parent is None:
        return None
    passing = passing if passing is not None else passed_down(parents, user)
    return passing.get(parent)


def holdings(parents: Parents, user: UserTree, units: Iterable[int] | None = None) -> dict[int, Holding]:
    """What the user holds in each of ``units`` (default: every unit of the tree); units where the
    user holds nothing are left out."""
    passing = passed_down(parents, user)
    result: dict[int, Holding] = {}
    direct, breaks = user.direct, user.breaks
    # The units inheriting from one source share its (frozen) Holding: ticking inheritance at the
    # root of 5,000 units makes one, not 5,000 (issue 8). What follows is source_of, inlined.
    inherited: dict[int, Holding] = {}
    for unit in parents if units is None else units:
        roles = direct.get(unit)
        if roles:
            result[unit] = Holding(frozenset(roles))
            continue
        if unit in breaks:
            continue
        parent = parents.get(unit)
        source = None if parent is None else passing.get(parent)
        if source is not None:
            held = inherited.get(source)
            if held is None:
                held = inherited[source] = Holding(frozenset(direct[source]), source)
            result[unit] = held
    return result


def broken_at(parents: Parents, user: UserTree, unit: int) -> int | None:
    """The unit that keeps the roles of a source above from reaching ``unit``, if one does (A10)."""
    if user.direct.get(unit):
        return None
    for candidate in [unit, *ancestors(parents, unit)]:
        if candidate != unit and candidate in user.sources and user.direct.get(candidate):
            return None
        if candidate in user.breaks and any(
            above in user.sources and user.direct.get(above) for above in ancestors(parents, candidate)
        ):
            return candidate
    return None


# --------------------------------------------------------------------------- operations


def _refuse_inherited(parents: Parents, user: UserTree, unit: int) -> None:
    if source_of(parents, user, unit) is not None:
        raise ValidationError(
            "The user's roles in this unit are inherited. Use Edit roles to break the inheritance first."
        )


def add_roles(parents: Parents, user: UserTree, unit: int, roles: Collection[int]) -> UserTree:
    """Direct roles in ``unit``; refused where the user's roles are inherited (A6)."""
    _refuse_inherited(parents, user, unit)
    direct = dict(user.direct)
    direct[unit] = frozenset(direct.get(unit, frozenset()) | set(roles))
    return replace(user, direct=direct)


def remove_role(user: UserTree, unit: int, role: int) -> UserTree:
    """Remove a direct role (A7). A source left without roles is no source any more."""
    held = user.direct.get(unit, frozenset())
    if role not in held:
        raise ValidationError("The user does not hold this role directly in this unit. Reload the page.")
    direct = dict(user.direct)
    rest = held - {role}
    if rest:
        direct[unit] = rest
        return replace(user, direct=direct)
    del direct[unit]
    return replace(user, direct=direct, sources=user.sources - {unit})


def set_inherit(parents: Parents, user: UserTree, unit: int, mode: InheritMode) -> UserTree:
    """Tick "Inherit roles to child units" at ``unit`` (A5).

    *keep*: the roles go to the descendants where the user holds nothing; everything else stays.
    *replace*: every descendant receives them; the user's direct roles, sources and chain breaks
    below ``unit`` are removed."""
    if not user.direct.get(unit):
        raise ValidationError("The user holds no direct role in this unit, so there is nothing to inherit.")
    if mode == "keep":
        return replace(user, sources=user.sources | {unit})
    below = set(descendants(parents, unit))
    return UserTree(
        direct={u: roles for u, roles in user.direct.items() if u not in below},
        sources=frozenset((user.sources - below) | {unit}),
        breaks=frozenset(user.breaks - below),
    )


def clear_inherit(user: UserTree, unit: int) -> UserTree:
    """Untick the box (A8): the inherited roles disappear from every descendant."""
    return replace(user, sources=user.sources - {unit})


def break_chain(parents: Parents, user: UserTree, unit: int) -> UserTree:
    """ "Edit roles" on a unit with inherited roles (A7): the user keeps them there as direct roles,
    and the units below stop receiving them through it."""
    source = source_of(parents, user, unit)
    if source is None:
        raise ValidationError("The user's roles in this unit are not inherited; there is no chain to break.")
    direct = dict(user.direct)
    direct[unit] = frozenset(user.direct[source])
    return replace(user, direct=direct, breaks=user.breaks | {unit})


def forget_units(user: UserTree, units: Collection[int]) -> UserTree:
    """The user's tree without deleted units."""
    gone = set(units)
    return UserTree(
        direct={u: roles for u, roles in user.direct.items() if u not in gone},
        sources=frozenset(user.sources - gone),
        breaks=frozenset(user.breaks - gone),
    )
