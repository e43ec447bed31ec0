"""The compact index of one user's permissions (SPEC R3, A5; issue 8's ``effective_permissions``
and ``permission_check``): whatever the roles' units and codes, it answers exactly as the plain
expansion unit → union of the codes of the roles held there."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mandant_desktop.domain.effective_permissions import PermissionIndex

UNITS = st.integers(0, 30)
CODES = st.sampled_from(["a.view", "a.edit", "b.view", "b.delete", "c.export"])
units_of_role = st.dictionaries(st.integers(1, 6), st.frozensets(UNITS, max_size=20), max_size=5)
codes_of_role = st.dictionaries(st.integers(1, 7), st.frozensets(CODES), max_size=7)


def _expanded(units: dict[int, frozenset[int]], codes: dict[int, frozenset[str]]) -> dict[int, frozenset[str]]:
    plain: dict[int, set[str]] = {}
    for role, held in units.items():
        for unit in held:
            plain.setdefault(unit, set()).update(codes.get(role, ()))
    return {unit: frozenset(found) for unit, found in plain.items() if found}


@given(units_of_role, codes_of_role)
def test_the_index_answers_as_the_plain_expansion(
    units: dict[int, frozenset[int]], codes: dict[int, frozenset[str]]
) -> None:
    """R3: allows, in_unit, units_with, permissions and by_unit agree with the expansion, for
    units with and without roles and for roles without codes or without units."""
    index = PermissionIndex(7, units, codes)
    expected = _expanded(units, codes)
    assert dict(index.by_unit) == expected
    for unit in range(-1, 32):
        here = expected.get(unit, frozenset())
        assert index.in_unit(unit) == here
        for code in ("a.view", "a.edit", "b.view", "b.delete", "c.export", "unknown"):
            assert index.allows(unit, code) == (code in here)
    for code in ("a.view", "a.edit", "b.view", "b.delete", "c.export", "unknown"):
        assert index.units_with(code) == frozenset(u for u, found in expected.items() if code in found)
    assert index.permissions() == frozenset().union(*expected.values())


def test_units_with_the_same_roles_share_their_codes() -> None:
    """Issue 8: 5,000 units of one role hold one set of codes, not 5,000 copies."""
    index = PermissionIndex(1, {3: frozenset(range(5000))}, {3: frozenset({"a.view", "a.edit"})})
    assert len({id(codes) for codes in index.by_unit.values()}) == 1
    assert index.units_with("a.view") is index.units_with("a.edit")
