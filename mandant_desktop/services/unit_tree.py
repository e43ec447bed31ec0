"""Every org unit in tree order with its path text ("Konzern / Vertrieb / Nord"), from one query:
for the exports, the role assignment grid and the roles page's delete question. A module of its
own so that the roles service does not import the exports (their customers and Excel writers) with
the roles page (issue 8)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from mandant_desktop.db.models import OrgUnit

UNIT_PATH_SEPARATOR = " / "


class TreeUnit(NamedTuple):
    """An org unit with its path text, as :func:`unit_tree` lists them."""

    id: int
    name: str
    path: str
    depth: int


def unit_tree(session: Session) -> list[TreeUnit]:
    """Every unit in tree order (depth first, siblings by sort order and name) with its path text
    ("Konzern / Vertrieb / Nord"), from one query. Each path is its parent's plus one name, so the
    walk costs one string per unit; units that no root reaches (a corrupt tree with a cycle) come
    last, named by themselves."""
    # The driver's own tuples, fetched at once: the ORM's row handling cost more than the walk,
    # and SQLAlchemy's Core rows a third of it (issue 8).
    result = session.connection().execute(
        select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.name, OrgUnit.sort_order, OrgUnit.depth)
    )
    rows: Sequence[Any] = result.cursor.fetchall() if result.cursor is not None else []
    result.close()
    children: dict[int | None, list[Any]] = {}
    for row in rows:
        children.setdefault(row[1], []).append(row)
    for siblings in children.values():
        siblings.sort(key=lambda r: (r[3], r[2]), reverse=True)  # popped from the end: first sibling first
    tree: list[TreeUnit] = []
    stack: list[tuple[Any, str]] = [(row, "") for row in children.get(None, ())]
    while stack:
        row, prefix = stack.pop()
        path = f"{prefix}{UNIT_PATH_SEPARATOR}{row[2]}" if prefix else row[2]
        tree.append(TreeUnit(row[0], row[2], path, row[4]))
        below = children.get(row[0])
        if below:
            stack.extend((child, path) for child in below)
    if len(tree) < len(rows):
        reached = {unit.id for unit in tree}
        tree.extend(TreeUnit(r[0], r[2], r[2], r[4]) for r in rows if r[0] not in reached)
    return tree


def unit_paths(session: Session) -> tuple[dict[int, str], dict[int, int]]:
    """Path text and tree position of every unit, from one query (see :func:`unit_tree`)."""
    tree = unit_tree(session)
    return {unit.id: unit.path for unit in tree}, {unit.id: position for position, unit in enumerate(tree)}
