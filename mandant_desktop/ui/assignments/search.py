"""The search of the role assignment page (SPEC A1, A4, E2): the org units or the users whose name
holds a text, over an index the page's worker builds with the grid's axes.

Five thousand units and ten thousand users are searched on every pause in typing, so the index
holds each entry's searchable text folded once (not per search), and a search is one pass of
``in`` over plain strings: no proxy model, no query, no widget per row. Units are shown with the
units above them, so that a match keeps its place in the tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mandant_desktop.services.assignments import GridUnit, GridUser


def fold(text: str) -> str:
    """``text`` as the search compares it: any case, runs of blanks as one."""
    return " ".join(text.split()).casefold()


def unit_keys(units: Sequence[GridUnit]) -> list[str]:
    """What a unit is found by: its name."""
    return [fold(unit.name) for unit in units]


def user_keys(users: Sequence[GridUser]) -> list[str]:
    """What a user is found by: the shown name, the user name and the e-mail address."""
    return [fold(f"{user.display_name}\n{user.username}\n{user.email or ''}") for user in users]


@dataclass(frozen=True, slots=True)
class Found:
    """The positions (in the searched list) to show, and those of them that match."""

    shown: list[int]
    matches: list[int]


def find_users(keys: Sequence[str], text: str) -> Found:
    wanted = fold(text)
    matches = [i for i, key in enumerate(keys) if wanted in key]
    return Found(matches, matches)


def find_units(units: Sequence[GridUnit], keys: Sequence[str], text: str) -> Found:
    """The units whose name holds ``text``, each with the units above it (``units`` in tree order,
    depth first, as the service lists them)."""
    wanted = fold(text)
    shown: list[int] = []
    matches: list[int] = []
    #: positions of the units above the one looked at, the nearest last; and which of them are shown
    above: list[int] = []
    added: set[int] = set()
    for i, (unit, key) in enumerate(zip(units, keys, strict=True)):
        while above and units[above[-1]].depth >= unit.depth:
            above.pop()
        if wanted in key:
            for position in above:
                if position not in added:
                    added.add(position)
                    shown.append(position)
            added.add(i)
            shown.append(i)
            matches.append(i)
        above.append(i)
    return Found(shown, matches)
