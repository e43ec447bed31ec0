"""Input rules of customers (SPEC C2, C9)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mandant_desktop.domain.customers import QUOTA_MAX_MB, clean_number, clean_quota
from mandant_desktop.domain.errors import ValidationError


@given(st.integers(min_value=0, max_value=QUOTA_MAX_MB))
def test_whole_non_negative_quotas_are_kept(value: int) -> None:
    """C2: a non-negative whole number, as number or text."""
    assert clean_quota(value, remote_access=True) == value
    assert clean_quota(f" {value} ", remote_access=True) == value


@given(st.integers(max_value=-1))
def test_negative_quotas_are_refused(value: int) -> None:
    with pytest.raises(ValidationError, match="negative"):
        clean_quota(str(value), remote_access=True)


def test_quota_needs_remote_access_and_a_whole_number() -> None:
    """C2: without remote access there is no quota; 1.5 or "viel" are refused."""
    assert clean_quota("500", remote_access=False) is None
    assert clean_quota("", remote_access=True) is None
    for bad in ("1.5", "viel", "1e3"):
        with pytest.raises(ValidationError, match="whole number"):
            clean_quota(bad, remote_access=True)


def test_customer_numbers() -> None:
    """C2: required, trimmed, no spaces inside."""
    assert clean_number(" 12345 ") == "12345"
    for bad in ("", "   ", "12 345", "1" * 33):
        with pytest.raises(ValidationError):
            clean_number(bad)
