"""The search index of the role assignment page (SPEC A1, A4, E2): units with the units above them,
users by name, user name or e-mail, in any case."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from mandant_desktop.domain.search_folding import fold, search_words
from mandant_desktop.services.assignments import GridUnit, GridUser
from mandant_desktop.services.unit_tree import UNIT_PATH_SEPARATOR
from mandant_desktop.ui.assignments.search import find_units, find_users, unit_keys, user_keys

NAMES = st.sampled_from(["Nord", "Süd", "NORDEN", "Straße", "West", "Ost", "Zentrale"])


@st.composite
def trees(draw: st.DrawFn) -> list[GridUnit]:
    """Units in tree order (depth first), each with its path, as the service lists them."""
    units: list[GridUnit] = []
    stack: list[GridUnit] = []
    for i in range(draw(st.integers(0, 30))):
        depth = draw(st.integers(0, len(stack)))
        del stack[depth:]
        name = draw(NAMES)
        path = UNIT_PATH_SEPARATOR.join([*(u.name for u in stack), name])
        unit = GridUnit(i, name, path, depth)
        units.append(unit)
        stack.append(unit)
    return units


@given(trees(), st.sampled_from(["nord", "ST", "süd", "sued", "strasse", "x", "o", "en o", "NORD EN"]))
def test_units_found_with_the_units_above_them(units: list[GridUnit], text: str) -> None:
    """A4, E2: each unit whose name holds every word of the text (folded as every search folds:
    "strasse" finds "Straße", "sued" finds "Süd") is shown with every unit above it, in tree order,
    and nothing else."""
    found = find_units(units, unit_keys(units), text)
    words = search_words(text)
    matches = [i for i, u in enumerate(units) if all(word in fold(u.name) for word in words)]
    shown = set(matches)
    for i in matches:  # walking back: each nearer unit of smaller depth is the next one above
        depth = units[i].depth
        for j in range(i - 1, -1, -1):
            if units[j].depth < depth:
                assert units[i].path.startswith(units[j].path + UNIT_PATH_SEPARATOR)
                shown.add(j)
                depth = units[j].depth
    assert found.matches == matches
    assert found.shown == sorted(shown)


def test_users_found_by_name_user_name_or_e_mail() -> None:
    """E2, A1: in any case; blanks in the text count as one."""
    users = [
        GridUser(1, "Mia Muster", "mia", "mia@example.de"),
        GridUser(2, "Jörg Groß", "jgross", None),
        GridUser(3, "Anna Becker", "abecker", "anna@firma.example"),
    ]
    keys = user_keys(users)
    assert find_users(keys, "MIA").matches == [0]
    assert find_users(keys, "groSS").matches == [1]  # "ß" folds to "ss"
    assert find_users(keys, "  Anna   Becker ").matches == [2]
    assert find_users(keys, "example").matches == [0, 2]
    assert find_users(keys, "@").shown == [0, 2]
    assert find_users(keys, "joerg").matches == find_users(keys, "JÖRG").matches == [1]  # folded (E2)
    assert find_users(keys, "becker anna").matches == [2]  # every word, in any order
    assert find_users(keys, "becker mia").matches == []


def test_a_search_over_the_large_demo_axes_is_one_quick_pass() -> None:
    """Section 8: 5,000 units ten deep and 10,000 users; the search compares prepared keys. The
    bound is loose (a loaded machine); what it guards against is a search that grows a proxy's or a
    query's cost, one that takes seconds."""
    units = [GridUnit(i, f"Einheit {i}", f"Konzern / Einheit {i}", i % 10) for i in range(5000)]
    users = [GridUser(i, f"Nutzer {i}", f"nutzer{i}", f"nutzer{i}@example.de") for i in range(10000)]
    unit_index, user_index = unit_keys(units), user_keys(users)
    start = time.perf_counter()
    found_units = find_units(units, unit_index, "einheit 12")
    found_users = find_users(user_index, "nutzer12")
    took = time.perf_counter() - start
    # every word anywhere: "einheit" and "12" (in 12, 112, 120 … 4912)
    assert len(found_units.matches) == sum("12" in str(i) for i in range(5000))
    assert len(found_users.matches) == 111
    assert took < 0.5, f"{took:.3f} s"
