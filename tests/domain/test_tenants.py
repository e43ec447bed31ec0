"""Tenant names, slugs, the tree and the staged access edits of the tenants page (SPEC T1, T2, T5, T11)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mandant_desktop.domain.errors import ValidationError
from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.domain.tenants import (
    HIDDEN,
    Access,
    StagedAccess,
    clean_slug,
    clean_tenant_name,
    descendants,
    would_cycle,
)


def test_names_and_slugs() -> None:
    """T1: trimmed, required, at most 100 characters; T11: slugs of lower-case words and hyphens."""
    assert clean_tenant_name("  Presse \t Nord ") == "Presse Nord"
    for bad in ("", "   ", "x" * 101):
        with pytest.raises(ValidationError):
            clean_tenant_name(bad)
    assert clean_slug(" presse-nord ") == "presse-nord"
    assert clean_slug("") is None
    for bad in ("Presse", "presse--nord", "-presse", "presse nord", "ä"):
        with pytest.raises(ValidationError) as refused:
            clean_slug(bad)
        assert refused.value.field == "newsroom slug"


def test_tree() -> None:
    """T5: descendants nearest first; no tenant below itself; a corrupt cycle does not hang."""
    parents = {1: None, 2: 1, 3: 1, 4: 2, 5: None}
    assert descendants(parents, 1) == [2, 3, 4]
    assert would_cycle(parents, 1, 4) and would_cycle(parents, 2, 2) and not would_cycle(parents, 4, 3)
    assert descendants({1: 2, 2: 1}, 1) == [2]


def test_staged_edits() -> None:
    """T2: an edit back to the stored value is no edit; hidden carries no private data; discard."""
    staged = StagedAccess({(1, 7): Access(Level.READ_ONLY, True)})
    assert not staged.is_dirty()
    assert staged.set_level(1, 7, Level.FULL)
    assert staged.get(1, 7) == Access(Level.FULL, True) and staged.is_dirty(tenant_id=1)
    assert staged.set_level(1, 7, Level.READ_ONLY) and not staged.is_dirty()
    assert not staged.set_private(2, 7, True)  # hidden: nothing to read
    staged.set(2, 7, Access(Level.HIDDEN, True))
    assert staged.get(2, 7) == HIDDEN and not staged.is_dirty()
    staged.set_level(2, 8, Level.FULL)
    assert staged.changes() == {(2, 8): (HIDDEN, Access(Level.FULL))}
    staged.discard()
    assert staged.get(2, 8) == HIDDEN and len(staged) == 0


ACCESS = st.builds(Access, st.sampled_from(list(Level)), st.booleans())
CELL = st.tuples(st.integers(1, 4), st.integers(1, 4))


@given(stored=st.dictionaries(CELL, ACCESS), edits=st.lists(st.tuples(CELL, ACCESS)))
def test_changes_lead_from_stored_to_shown(stored: dict[tuple[int, int], Access], edits: list) -> None:  # type: ignore[type-arg]
    """Whatever the edits, applying :meth:`changes` to the stored cells gives what every view shows."""
    staged = StagedAccess(stored)
    for (tenant, user), access in edits:
        staged.set(tenant, user, access)
    result = {cell: access.normalized() for cell, access in stored.items()}
    for cell, (before, after) in staged.changes().items():
        assert result.get(cell, HIDDEN) == before != after
        result[cell] = after
    for tenant in range(1, 5):
        for user in range(1, 5):
            assert staged.get(tenant, user) == result.get((tenant, user), HIDDEN)
