"""Time the org-unit tree with role inheritance at 5,000 units (issue 4, SPEC section 8).

    .venv/bin/python bench/org_units.py            # a fresh SQLite file in a temporary folder
    .venv/bin/python bench/org_units.py URL        # an empty database of another backend, or
    .venv/bin/python bench/org_units.py sqlite:////tmp/large.sqlite   # the large demo (see assignments_large.py)

Builds a tree of 5,000 units, up to depth 10, and one user, then times: ticking "Inherit roles to
child units" at the root (keep and replace), unticking it, Edit roles high up in the tree, undo,
expanding the whole tree (children() for every unit), a permission check (the user's roles in a
screenful of units) and explain. Each step has a budget; the script prints the times and exits 1
when a budget is exceeded. It is not part of the test suite, which must stay fast.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

from sqlalchemy import insert, select

from mandant_desktop import bootstrap
from mandant_desktop.db.models import OrgUnit, Role, User, UserKind, UserStatus
from mandant_desktop.services.operator import system_operator

# the bench folder is the script's own, on sys.path when run as above
from assignments_large import over_budget, timed  # isort: skip

#: units per depth 0..10: 5,000 in all
LEVELS = (1, 5, 20, 60, 150, 300, 500, 700, 900, 1100, 1264)


def build(app: bootstrap.AppContext) -> tuple[list[list[int]], int, list[int]]:
    """The tree level by level (random parents one level up), unless the database has one (the large
    demo, with its million assignments), and a user without roles; (levels, user, roles)."""
    rng = random.Random(5000)
    levels: list[list[int]] = []
    with app.services.session_factory.begin() as session:
        for unit, depth in session.execute(select(OrgUnit.id, OrgUnit.depth).order_by(OrgUnit.depth, OrgUnit.id)):
            while len(levels) <= depth:
                levels.append([])
            levels[depth].append(unit)
        for depth, count in enumerate(LEVELS if not levels else ()):
            rows = [
                {
                    "name": f"Einheit {depth}.{n}",
                    "parent_id": rng.choice(levels[-1]) if levels else None,
                    "depth": depth,
                }
                for n in range(count)
            ]
            levels.append(list(session.scalars(insert(OrgUnit).returning(OrgUnit.id), rows)))
        user = User(username="bench", username_key="bench", kind=UserKind.INTERNAL, status=UserStatus.ACTIVE)
        session.add(user)
        session.flush()
        roles = list(session.scalars(select(Role.id).where(Role.predefined_key.in_(["reader", "editor", "auditor"]))))
        return levels, user.id, roles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", nargs="?", help="a database, empty or the large demo (default: a fresh SQLite file)")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'org_units.sqlite'}"
    app = bootstrap.open_database(url)
    try:
        op = system_operator("bench")
        s = app.services.org_units
        levels, user, roles = build(app)
        root = levels[0][0]
        print(f"  {sum(map(len, levels))} units, depth {len(levels) - 1}, {len(roles)} roles for one new user")
        timed("add 3 roles at the root", 200, s.add_roles, op, user, root, roles)
        timed("impact of ticking inherit (keep) at the root", 500, s.inherit_impact, op, user, root, "keep")
        timed("tick inherit at the root, keep", 1000, s.set_inherit, op, user, root, "keep")
        timed("untick at the root", 1000, s.clear_inherit, op, user, root)
        change = timed("tick inherit at the root, replace", 1000, s.set_inherit, op, user, root, "replace")
        print(f"    {len(change.added)} rows added")
        broken = timed("Edit roles at a depth-1 unit", 1000, s.break_inheritance, op, user, levels[1][0])
        timed("undo Edit roles", 1000, s.revert, op, broken)
        timed("tree roots", 50, s.roots, op)
        total = [0]

        def expand_all() -> None:
            for level in levels:
                for unit in level:
                    total[0] += len(s.children(op, unit))

        def expand_by_level() -> None:
            for level in levels:
                s.children_many(op, level)

        timed("expand the whole tree: children() of every unit", 20000, expand_all)
        timed("expand the whole tree: children_many() per level", 1000, expand_by_level)
        timed("one children() call", 20, s.children, op, levels[5][0])
        screen = [u for level in levels[7:9] for u in level[:30]]
        timed("roles of one user in 60 visible units", 50, s.roles_of, op, user, screen)
        timed("explain at the deepest level", 100, s.explain, op, user, levels[-1][0])
        timed("search for units", 200, s.search, op, "Einheit 9.1")
        timed("add a unit under an inheriting unit (A9)", 200, s.add, op, levels[-2][0], "Neu")
        timed("move a depth-2 subtree (A9)", 1000, s.move, op, levels[2][0], levels[1][-1])
    finally:
        app.close()
    if over_budget:
        print(f"over budget: {', '.join(over_budget)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
