"""Neutralising spreadsheet cells (SPEC S7)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mandant_desktop.domain.cells import FORMULA_TRIGGERS, TEXT_PREFIX, needs_neutralizing, neutralize_cell

triggers = st.sampled_from(sorted(FORMULA_TRIGGERS))
safe_first = st.characters().filter(lambda c: c not in FORMULA_TRIGGERS)
non_strings = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.dates(),
    st.datetimes(),
)


@given(trigger=triggers, rest=st.text())
def test_dangerous_strings_get_a_quote_prefix(trigger: str, rest: str) -> None:
    """S7: a string starting with = + - @ tab or CR is prefixed with a single quote, otherwise kept."""
    value = trigger + rest
    assert neutralize_cell(value) == TEXT_PREFIX + value
    assert needs_neutralizing(value)


@given(first=safe_first, rest=st.text())
def test_other_strings_are_unchanged(first: str, rest: str) -> None:
    """S7: harmless text is exported exactly as stored."""
    value = first + rest
    assert neutralize_cell(value) == value
    assert not needs_neutralizing(value)


@given(value=non_strings)
def test_non_strings_are_unchanged(value: object) -> None:
    """S7: numbers, dates, booleans and empty cells are written typed, never as formulas."""
    assert neutralize_cell(value) is value


@given(value=st.one_of(st.text(), non_strings))
def test_result_never_starts_with_a_trigger_and_is_a_fixed_point(value: object) -> None:
    """S7: whatever goes in, nothing that comes out can start a formula; neutralising twice is once."""
    once = neutralize_cell(value)
    assert not (isinstance(once, str) and once[:1] in FORMULA_TRIGGERS)
    assert neutralize_cell(once) == once


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'),
        ("+49 30 1234567", "'+49 30 1234567"),
        ("-5", "'-5"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("", ""),
        ("Müller = Meier", "Müller = Meier"),
        ("'=already quoted", "'=already quoted"),
        (-5, -5),
        (dt.date(2024, 5, 1), dt.date(2024, 5, 1)),
    ],
)
def test_examples(value: object, expected: object) -> None:
    """S7: the seed's cases, one by one."""
    assert neutralize_cell(value) == expected
