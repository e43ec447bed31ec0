"""Delegated administration and the last-administrator guard-rail as pure rules (SPEC S1, S2).

An *administrator* is an active internal user whose roles together hold every admin permission
(the Administrator role, or any mix of roles that adds up to it). The database must always keep at
least one: no change may leave none (removing a role, unticking a permission, deleting a role,
deactivating a user). The services compute the state before and after a change and ask
:func:`check_administrators_remain`; the rule itself knows nothing about tables.

Delegation: an operator grants a role in a unit only when they hold every permission of that role
in that unit themselves (:func:`roles_beyond_reach`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mandant_desktop.domain.errors import ValidationError
from mandant_desktop.domain.permissions import ADMIN_CODES


def is_administrator(permissions: Iterable[str], *, active: bool = True) -> bool:
    """True for an active user whose permissions include every admin permission."""
    return active and frozenset(permissions) >= ADMIN_CODES


def administrators(holdings: Mapping[int, frozenset[str]], active: Iterable[int]) -> frozenset[int]:
    """The administrators among users ``user id → union of their permissions``; ``active`` are
    the ids of the active internal users (others never count)."""
    alive = set(active)
    return frozenset(user for user, codes in holdings.items() if user in alive and is_administrator(codes))


def check_administrators_remain(before: frozenset[int], after: frozenset[int]) -> None:
    """Refuse a change that takes the last administrators' rights away (S2).

    A database without any administrator before the change (a fresh import, the system operator
    setting up) is not made worse by it and passes; otherwise at least one must remain."""
    if before and not after:
        raise ValidationError(
            "This change would leave no active administrator (a user who holds every admin permission). "
            "Give another user the Administrator role first."
        )


def roles_beyond_reach(
    held: Mapping[int, frozenset[str]], role_permissions: Mapping[int, frozenset[str]], units: Iterable[int]
) -> list[tuple[int, int]]:
    """The (unit, role) pairs an operator may not grant: the role needs a permission the operator
    does not hold in that unit. ``held`` maps unit → the operator's permissions there."""
    refused: list[tuple[int, int]] = []
    for unit in sorted(set(units)):
        mine = held.get(unit, frozenset())
        for role, needed in sorted(role_permissions.items()):
            if not needed <= mine:
                refused.append((unit, role))
    return refused
