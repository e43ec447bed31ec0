"""The last-administrator guard-rail and the delegation rule (SPEC S1, S2)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mandant_desktop.domain.delegation import (
    administrators,
    check_administrators_remain,
    is_administrator,
    roles_beyond_reach,
)
from mandant_desktop.domain.errors import ValidationError
from mandant_desktop.domain.permissions import ADMIN_CODES

CODES = st.frozensets(st.sampled_from(sorted(ADMIN_CODES)))
USERS = st.integers(min_value=1, max_value=8)
HOLDINGS = st.dictionaries(USERS, CODES | st.just(ADMIN_CODES), max_size=8)


@given(CODES)
def test_only_the_whole_catalogue_makes_an_administrator(codes: frozenset[str]) -> None:
    """S2: an administrator holds every admin permission; an inactive user never counts."""
    assert is_administrator(codes) == (codes == ADMIN_CODES)
    assert is_administrator(ADMIN_CODES | codes)
    assert not is_administrator(ADMIN_CODES, active=False)


@given(HOLDINGS, st.frozensets(USERS))
def test_administrators_are_active_holders_of_everything(
    holdings: dict[int, frozenset[str]], active: frozenset[int]
) -> None:
    """S2: the set is exactly the active users with the full catalogue."""
    found = administrators(holdings, active)
    assert found <= active
    assert all(holdings[user] == ADMIN_CODES for user in found)
    assert all(user in found for user in active if holdings.get(user) == ADMIN_CODES)


@given(st.frozensets(USERS), st.frozensets(USERS))
def test_a_change_may_not_leave_no_administrator(before: frozenset[int], after: frozenset[int]) -> None:
    """S2: refused exactly when there were administrators and none remain."""
    if before and not after:
        with pytest.raises(ValidationError):
            check_administrators_remain(before, after)
    else:
        check_administrators_remain(before, after)


@given(st.dictionaries(USERS, CODES, max_size=5), st.dictionaries(USERS, CODES, max_size=5), st.frozensets(USERS))
def test_roles_beyond_reach_are_those_needing_more(
    held: dict[int, frozenset[str]], roles: dict[int, frozenset[str]], units: frozenset[int]
) -> None:
    """S1: a role is grantable in a unit exactly when its permissions are a subset of the operator's there."""
    refused = set(roles_beyond_reach(held, roles, units))
    for unit in units:
        for role, needed in roles.items():
            assert ((unit, role) in refused) == (not needed <= held.get(unit, frozenset()))
    assert {unit for unit, _ in refused} <= units


def test_an_empty_role_is_always_grantable() -> None:
    """S1: a role without permissions takes nothing the operator lacks."""
    assert roles_beyond_reach({}, {5: frozenset()}, [1, 2]) == []
