"""The folding of search texts (SPEC C1, U1): German spellings, accents, case, words in any order."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mandant_desktop.domain.search_folding import KEY_SEPARATOR, fold, matches, search_key, search_words

#: the letters customers' names are written in: Latin with its accents (Latin-1, Latin Extended-A
#: and -B), digits, punctuation and spaces
_LATIN = st.characters(max_codepoint=0x24F, categories=("L", "N", "P", "Zs", "S"))
_latin_text = st.text(_LATIN, max_size=30)
#: any text at all, marks and compatibility characters included
_any_text = st.text(max_size=30)
_word = st.text(st.characters(max_codepoint=0x24F, categories=("L", "N", "P")), min_size=1, max_size=6)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Strasse", "Straße"),
        ("STRASSE", "straße"),
        ("strasse", "STRAẞE"),
        ("Mueller", "Müller"),
        ("MUELLER", "Müller"),
        ("müller", "MUELLER"),
        ("Mu\u0308ller", "Müller"),  # a "u" with a combining diaeresis
        ("Goetz", "Götz"),
        ("Baecker", "Bäcker"),
        ("Cafe", "Café"),
        ("Francois", "François"),
        ("Nunez", "Núñez"),
        ("Yilmaz", "Yılmaz"),
        ("Insaat", "İnşaat"),
        ("Soeren", "Søren"),
        ("Aeroe", "Ærø"),
    ],
)
def test_german_spellings_and_accents_fold_alike(typed: str, stored: str) -> None:
    """C1: what a German administrator types finds the spelling that is stored, both ways round."""
    assert fold(typed) == fold(stored)
    assert matches(search_words(typed), search_key([stored]))
    assert matches(search_words(stored), search_key([typed]))


def test_a_plain_vowel_is_not_its_umlaut() -> None:
    """C1: "Muller" is another name than "Müller" (ü is ue, not u); "u" alone is found in both."""
    assert not matches(search_words("Muller"), search_key(["Müller"]))
    assert matches(search_words("Mu"), search_key(["Müller"]))


def test_every_word_matches_somewhere_in_any_order() -> None:
    """C1: each word of the search is contained in one of the texts, anywhere, in any order; a word
    that is in none of them excludes the row."""
    key = search_key(["4711", "Müller & Söhne Druck GmbH", "Müller Köln"])
    for search in ("müller köln", "KOELN mueller", "druck 47", "gmbh söhne", "ller hne", "  köln  "):
        assert matches(search_words(search), key), search
    for search in ("müller berlin", "druck 48", "söhne-köln"):
        assert not matches(search_words(search), key), search


def test_search_words_drop_repeats_and_words_inside_others() -> None:
    """C1: "müller mueller mü" asks for one thing; the longest word comes first."""
    assert search_words("müller mueller mü") == ("mueller",)
    assert search_words("gmbh köln köln") == ("koeln", "gmbh")
    assert search_words("   \t ") == ()


@given(_any_text)
def test_fold_is_idempotent(text: str) -> None:
    """C1: a folded text folds to itself, so a stored key and a search folded twice agree."""
    assert fold(fold(text)) == fold(text)


@given(_any_text)
def test_folded_texts_have_no_marks_and_no_capitals(text: str) -> None:
    """C1: accents are gone, and nothing is left for a case-insensitive comparison to do."""
    folded = fold(text)
    assert not any(unicodedata.combining(char) for char in folded)
    assert folded.casefold() == folded


@given(_latin_text)
def test_fold_ignores_case(text: str) -> None:
    """C1: upper and lower case fold alike (for Latin letters; "ß" in capitals is "SS")."""
    assert fold(text.upper()) == fold(text) == fold(text.lower())


@given(_any_text, st.data())
def test_a_part_of_a_text_finds_the_text(text: str, data: st.DataObject) -> None:
    """C1 (query/key consistency): whenever the unfolded search matched, the folded one does: every
    word of any part of a text is contained in the text's key."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    part = text[start:end]
    assert matches(search_words(part), search_key([text]))


@given(_latin_text, _latin_text, st.data())
def test_the_old_case_insensitive_hits_are_still_found(text: str, other: str, data: st.DataObject) -> None:
    """C1: what the search found before it folded (the lower-case search text in a lower-case
    column) it still finds, whichever of a row's texts held it."""
    lowered = text.lower()
    start = data.draw(st.integers(0, len(lowered)))
    end = data.draw(st.integers(start, len(lowered)))
    search = lowered[start:end].upper() if data.draw(st.booleans()) else lowered[start:end]
    assert matches(search_words(search), search_key([other, text]))


@given(st.lists(_word, min_size=1, max_size=4), st.lists(_latin_text, min_size=1, max_size=3), st.randoms())
def test_the_order_of_the_words_does_not_matter(words: list[str], texts: list[str], rng: object) -> None:
    """C1: the words of a search may come in any order."""
    shuffled = list(words)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    key = search_key(texts)
    assert matches(search_words(" ".join(words)), key) == matches(search_words(" ".join(shuffled)), key)


@given(_word, st.lists(_latin_text, min_size=1, max_size=3))
def test_a_word_is_never_found_across_two_texts(word: str, texts: list[str]) -> None:
    """C1: a row's texts are searched one by one: a word is in the key only when one text holds it."""
    folded = [fold(text) for text in texts]
    for piece in search_words(word):
        assert (piece in search_key(texts)) == any(piece in text for text in folded)
    assert KEY_SEPARATOR.isspace()


@given(_any_text)
def test_words_hold_no_white_space_and_are_folded(search: str) -> None:
    """C1: the words are non-empty, folded, and none is contained in another."""
    words = search_words(search)
    for word in words:
        assert word and not any(char.isspace() for char in word) and fold(word) == word
        assert not any(word in other for other in words if other != word)
    assert matches(words, fold(search))


@given(_any_text)
def test_the_fold_by_characters_is_the_rule(text: str) -> None:
    """C1, U1, E2: the fast ways of :func:`fold` (ASCII; a table of characters) give what the rule
    gives for the whole text, for any text, marks and compatibility characters included."""
    from mandant_desktop.domain.search_folding import _fold_text

    assert fold(text) == _fold_text(text)
    assert fold(text + "ü" + text) == _fold_text(text + "ü" + text)


@pytest.mark.parametrize("text", ["Mu\u0308ller", "a\u0308\u0308", "\u0f73", "e\u0301", "ﬁ", "Ǆ", "İ", "ẞ", "\u00a8u"])
def test_the_fold_by_characters_for_marks_and_compatibility_forms(text: str) -> None:
    """C1: characters that are, or begin with, a mark fold with the letter before them."""
    from mandant_desktop.domain.search_folding import _fold_text

    for around in (text, "ü" + text, text + "ö", "u" + text):
        assert fold(around) == _fold_text(around)
