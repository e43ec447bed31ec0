"""The search of the role assignment page (SPEC A1, A4, E2): the org units or the users whose name
holds a text, over an index the page's worker builds with the grid's axes.

Five thousand units and ten thousand users are searched on every pause in typing, so the index
holds each entry's searchable text folded once (not per search; folded as every search of the
program folds, :mod:`mandant_desktop.domain.search_folding`: "jürgen" finds "Juergen"), and a
search is one pass over plain strings, each word of the search by ``in``: no proxy model, no
query, no widget per row. Units are shown with the units above them, so that a match keeps its
place in the tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mandant_desktop.domain.search_folding import fold, search_key, search_words
from mandant_desktop.domain.search_folding import matches as found
from mandant_desktop.services.assignments import GridUnit, GridUser


def unit_keys(units: Sequence[GridUnit]) -> list[str]:
    """What a unit is found by: its name, folded (:mod:`mandant_desktop.domain.search_folding`)."""
    return [fold(unit.name) for unit in units]


def user_keys(users: Sequence[GridUser]) -> list[str]:
    """What a user is found by: the shown name, the user name and the e-mail address, folded."""
    return [search_key((user.display_name, user.username, user.email)) for user in users]


@dataclass(frozen=True, slots=True)
class Found:
    """The positions (in the searched list) to show, and those of them that match."""

    shown: list[int]
    matches: list[int]


def find_users(keys: Sequence[str], text: str) -> Found:
    """The users that hold every folded word of ``text``, in any order."""
    words = search_words(text)
    matches = [i for i, key in enumerate(keys) if found(words, key)]
    return Found(matches, matches)


def find_units(units: Sequence[GridUnit], keys: Sequence[str], text: str) -> Found:
    """The units whose name holds every folded word of ``text``, each with the units above it
    (``units`` in tree order, depth first, as the service lists them)."""
    words = search_words(text)
    shown: list[int] = []
    matches: list[int] = []
    #: positions of the units above the one looked at, the nearest last; and which of them are shown
    above: list[int] = []
    added: set[int] = set()
    for i, (unit, key) in enumerate(zip(units, keys, strict=True)):
        while above and units[above[-1]].depth >= unit.depth:
            above.pop()
        if found(words, key):
            for position in above:
                if position not in added:
                    added.add(position)
                    shown.append(position)
            added.add(i)
            shown.append(i)
            matches.append(i)
        above.append(i)
    return Found(shown, matches)
