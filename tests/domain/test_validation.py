"""Input rules of domain.validation (SPEC T1 names, C10 passwords, U2 e-mail)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mandant_desktop.domain import validation
from mandant_desktop.domain.errors import ValidationError


@given(st.text(max_size=150))
def test_clean_name_is_trimmed_and_bounded(raw: str) -> None:
    """T1: names are trimmed, required and at most 100 characters; inner runs of spaces fold."""
    try:
        cleaned = validation.clean_name(raw, field="name")
    except ValidationError:
        folded = " ".join(raw.split())
        assert not folded or len(folded) > validation.NAME_MAX
    else:
        assert cleaned == cleaned.strip()
        assert "  " not in cleaned
        assert 0 < len(cleaned) <= validation.NAME_MAX


@given(st.text(min_size=1, max_size=50))
def test_name_key_ignores_spacing_and_is_stable(raw: str) -> None:
    """T1: the uniqueness key ignores leading, trailing and repeated spaces and is idempotent."""
    assert validation.name_key(raw) == validation.name_key(f"  {raw}  ")
    assert validation.name_key(raw) == validation.name_key(validation.name_key(raw))


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ", min_size=1, max_size=30))
def test_name_key_ignores_case(raw: str) -> None:
    """T1: "Vertrieb", "VERTRIEB" and "vertrieb" are the same name; so are "Straße" and "STRASSE"."""
    assert validation.name_key(raw.upper()) == validation.name_key(raw.lower())


@pytest.mark.parametrize("email", ["mia@example.de", "a.b+c@sub.example.org", "Jörg@müller.de"])
def test_valid_email_addresses(email: str) -> None:
    """U2: ordinary addresses pass, including umlauts in the local part and domain."""
    assert validation.clean_email(email) == email


@pytest.mark.parametrize("email", ["mia", "mia@", "@example.de", "mia@example", "mi a@example.de", "a@b@c.de"])
def test_invalid_email_addresses(email: str) -> None:
    """U2: an address without one @ and a dotted domain is refused with a message naming it."""
    with pytest.raises(ValidationError) as caught:
        validation.clean_email(email)
    assert caught.value.field == "email"


@given(st.text(max_size=20), st.text(max_size=20))
def test_password_policy(password: str, repeated: str) -> None:
    """C10: at least 6 characters, entered twice the same."""
    try:
        validation.check_password(password, repeated)
    except ValidationError:
        assert len(password) < 6 or password != repeated or password != password.strip()
    else:
        assert len(password) >= 6 and password == repeated


@pytest.mark.parametrize("name", ["admin", "mia.schulz", "m_2@x-y"])
def test_usernames_accepted(name: str) -> None:
    assert validation.clean_username(f" {name} ") == name


@pytest.mark.parametrize("name", ["", " ", "-mia", "mia schulz", "x" * 101, "mia/"])
def test_usernames_refused(name: str) -> None:
    with pytest.raises(ValidationError):
        validation.clean_username(name)


@pytest.mark.parametrize("name", ["jörg", "weiß", "dąbrowski"])
def test_a_user_name_with_an_umlaut_is_refused_with_what_to_type_instead(name: str) -> None:
    """U2, C10: "jörg" is refused; the message said that letters are allowed, and ö is a letter.
    It says now which letters, and how to write the others."""
    with pytest.raises(ValidationError) as refused:
        validation.clean_username(name)
    assert "a-z without umlauts or ß (write ae, oe, ue, ss)" in refused.value.message
