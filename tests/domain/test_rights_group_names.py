"""The rights-group name pattern (SPEC C3)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mandant_desktop.domain.errors import ValidationError
from mandant_desktop.domain.rights_group_names import (
    GROUP_NAME_MAX,
    SECOND_CHOICES,
    THIRD_CHOICES,
    Element,
    NamingPattern,
    group_name,
)

prefixes = st.text(alphabet=st.characters(blacklist_categories=("Zs", "Cc", "Zl", "Zp")), max_size=5)
words = st.text(alphabet="ABCabc0123456789äöüß&.", min_size=1, max_size=30)


def test_the_seed_example() -> None:
    """C3: X + number + name gives X12345-Heidelberg; without element 3 no hyphen."""
    assert group_name(NamingPattern("X", Element.NUMBER, Element.NAME), "12345", "Heidelberg") == "X12345-Heidelberg"
    assert group_name(NamingPattern("X", Element.NUMBER, Element.NONE), "12345", "Heidelberg") == "X12345"
    assert group_name(NamingPattern("", Element.NAME, Element.SHORT_NAME), "1", "Heidelberg", "HD") == "Heidelberg-HD"


@given(prefixes, st.sampled_from(SECOND_CHOICES), st.sampled_from(THIRD_CHOICES), words, words, words)
def test_the_name_is_built_from_its_elements(
    prefix: str, second: Element, third: Element, number: str, name: str, short: str
) -> None:
    """C3: element 1 starts the name, element 2 follows; a hyphen appears exactly when element 3 is set."""
    pattern = NamingPattern(prefix, second, third)
    values = {Element.NUMBER: number, Element.NAME: name, Element.SHORT_NAME: short}
    result = group_name(pattern, number, name, short)
    expected = prefix + values[second] + ("" if third is Element.NONE else "-" + values[third])
    assert result == expected
    assert len(result) <= GROUP_NAME_MAX


@given(prefixes, st.sampled_from(SECOND_CHOICES), st.sampled_from(THIRD_CHOICES))
def test_the_pattern_survives_storage(prefix: str, second: Element, third: Element) -> None:
    """The stored JSON gives the same pattern back; anything unreadable gives the default."""
    pattern = NamingPattern(prefix, second, third)
    assert NamingPattern.from_json(pattern.to_json()) == pattern
    assert NamingPattern.from_json({"second": "bogus"}) == NamingPattern()
    assert NamingPattern.from_json(None) == NamingPattern()


def test_invalid_patterns_and_overlong_names_are_refused() -> None:
    """C3: element 2 is never "none" or the short name; element 1 has no spaces; a name that would
    not fit is refused, never cut (a cut name could clash with another customer's)."""
    with pytest.raises(ValidationError):
        NamingPattern("X", Element.NONE, Element.NAME)
    with pytest.raises(ValidationError):
        NamingPattern("X Y", Element.NUMBER, Element.NAME)
    with pytest.raises(ValidationError, match="longer than"):
        group_name(NamingPattern(), "1", "N" * GROUP_NAME_MAX)
