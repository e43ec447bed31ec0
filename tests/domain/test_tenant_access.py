"""The tenant scope rule: levels, the tenant filter and masking (SPEC T2, T8, T9)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mandant_desktop.domain.errors import NotFoundError, PermissionDeniedError
from mandant_desktop.domain.tenant_access import MASK, Level, TenantScope

TENANTS = st.integers(min_value=1, max_value=12)
SETS = st.frozensets(TENANTS, max_size=12)


@st.composite
def scopes(draw: st.DrawFn) -> TenantScope:
    full = draw(SETS)
    read_only = draw(SETS) - full
    private = draw(SETS) & (full | read_only)
    tenant_filter = draw(st.none() | SETS)
    return TenantScope(full=full, read_only=read_only, private=private, tenant_filter=tenant_filter)


@given(scopes(), TENANTS)
def test_levels_agree_with_the_id_sets(scope: TenantScope, tenant: int) -> None:
    """T8/T9: visible and editable sets hold exactly the tenants of that level; the filter only narrows."""
    visible = scope.visible_ids()
    editable = scope.editable_ids()
    assert visible is not None and editable is not None
    assert (tenant in visible) == scope.sees(tenant) == (scope.level(tenant) is not Level.HIDDEN)
    assert (tenant in editable) == scope.can_edit(tenant) == (scope.level(tenant) is Level.FULL)
    assert editable <= visible <= scope.full | scope.read_only
    if scope.tenant_filter is not None:
        assert visible <= scope.tenant_filter


@given(scopes(), TENANTS, st.text(min_size=1))
def test_private_fields_are_masked_unless_granted(scope: TenantScope, tenant: int, value: str) -> None:
    """T8: personal fields show only with the private-data right of a visible tenant."""
    shown = scope.mask(tenant, value)
    if scope.sees(tenant) and tenant in scope.private:
        assert shown == value
    else:
        assert shown == MASK


@given(scopes(), TENANTS)
def test_edits_are_refused_by_level(scope: TenantScope, tenant: int) -> None:
    """T8: hidden reads as not found, read only as a refusal, full passes."""
    level = scope.level(tenant)
    if level is Level.HIDDEN:
        with pytest.raises(NotFoundError):
            scope.require_edit(tenant, "Contact")
    elif level is Level.READ_ONLY:
        scope.require_visible(tenant, "Contact")
        with pytest.raises(PermissionDeniedError):
            scope.require_edit(tenant, "Contact")
    else:
        scope.require_edit(tenant, "Contact")


def test_the_application_itself_sees_everything_but_honours_a_filter() -> None:
    """T9: even an unrestricted scope is narrowed by the toolbar filter."""
    everything = TenantScope.everything()
    assert everything.visible_ids() is None and everything.can_edit(99) and everything.sees_private(99)
    filtered = TenantScope.everything(frozenset({1}))
    assert filtered.visible_ids() == {1} and not filtered.sees(2)


def test_empty_values_stay_empty_when_masked() -> None:
    """A mask over nothing would suggest data that is not there."""
    scope = TenantScope(read_only=frozenset({1}))
    assert scope.mask(1, None) is None and scope.mask(1, "") == ""
    assert scope.all_editable([]) and not scope.all_editable([1])
