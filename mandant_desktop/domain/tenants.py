"""Rules of the tenant list and of staged access edits (SPEC T1, T2, T4, T5, T11), as plain Python.

:class:`StagedAccess` is the one edit state the three views of the tenants page share (by tenant,
by user, the tenants × users matrix): a stored baseline and the operator's pending edits over it.
Whatever view an edit comes from, every view reads the same cell, so they cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from mandant_desktop.domain.errors import ValidationError
from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.domain.validation import clean_name

TENANT_NAME_MAX = 100
SLUG_MAX = 100
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def clean_tenant_name(value: str) -> str:
    """T1: required, trimmed (inner runs of spaces collapse), at most 100 characters."""
    return clean_name(value, field="tenant name", max_length=TENANT_NAME_MAX)


def clean_slug(value: str) -> str | None:
    """T11: a newsroom's URL slug: lower-case letters, digits and single hyphens; empty means none."""
    text = value.strip()
    if not text:
        return None
    if len(text) > SLUG_MAX:
        raise ValidationError("The {field} may be at most {max} characters long.", field="newsroom slug", max=SLUG_MAX)
    if not _SLUG_RE.match(text):
        raise ValidationError(
            "A newsroom slug may contain lower-case letters, digits and single hyphens, e.g. presse-nord.",
            field="newsroom slug",
        )
    return text


def descendants(parents: Mapping[int, int | None], tenant_id: int) -> list[int]:
    """Every tenant below ``tenant_id`` (T5), nearest first; safe against a corrupt cycle."""
    children: dict[int, list[int]] = {}
    for child, parent in parents.items():
        if parent is not None:
            children.setdefault(parent, []).append(child)
    result: list[int] = []
    seen = {tenant_id}
    queue = sorted(children.get(tenant_id, []))
    while queue:
        current = queue.pop(0)
        if current in seen:
            continue
        seen.add(current)
        result.append(current)
        queue.extend(sorted(children.get(current, [])))
    return result


def would_cycle(parents: Mapping[int, int | None], tenant_id: int, new_parent: int | None) -> bool:
    """True when making ``new_parent`` the parent of ``tenant_id`` puts the tenant below itself."""
    if new_parent is None:
        return False
    return new_parent == tenant_id or new_parent in descendants(parents, tenant_id)


class Access(NamedTuple):
    """One cell of the access matrix: a user's level on a tenant and the private-data right.

    A named tuple rather than a frozen dataclass, whose generated methods every start would compile
    at run time (issue 8)."""

    level: Level = Level.HIDDEN
    private: bool = False

    def normalized(self) -> Access:
        """Hidden carries no private-data right: there is nothing the user could read."""
        return HIDDEN if self.level is Level.HIDDEN else self


HIDDEN = Access()

Cell = tuple[int, int]  # (tenant_id, user_id)


class StagedAccess:
    """Stored access plus the pending edits (T2): Save writes :meth:`changes`, Discard drops them."""

    def __init__(self, stored: Mapping[Cell, Access] | None = None) -> None:
        self._stored: dict[Cell, Access] = {cell: a.normalized() for cell, a in (stored or {}).items()}
        self._edits: dict[Cell, Access] = {}

    def stored(self, tenant_id: int, user_id: int) -> Access:
        return self._stored.get((tenant_id, user_id), HIDDEN)

    def get(self, tenant_id: int, user_id: int) -> Access:
        cell = (tenant_id, user_id)
        edit = self._edits.get(cell)
        return edit if edit is not None else self._stored.get(cell, HIDDEN)

    def set(self, tenant_id: int, user_id: int, access: Access) -> bool:
        """Stage ``access``; an edit back to the stored value is no edit. True when the cell changed."""
        cell = (tenant_id, user_id)
        access = access.normalized()
        if access == self.get(tenant_id, user_id):
            return False
        if access == self.stored(tenant_id, user_id):
            self._edits.pop(cell, None)
        else:
            self._edits[cell] = access
        return True

    def set_level(self, tenant_id: int, user_id: int, level: Level) -> bool:
        current = self.get(tenant_id, user_id)
        return self.set(tenant_id, user_id, Access(level, current.private))

    def set_private(self, tenant_id: int, user_id: int, private: bool) -> bool:
        current = self.get(tenant_id, user_id)
        if current.level is Level.HIDDEN:
            return False
        return self.set(tenant_id, user_id, Access(current.level, private))

    def apply_to(self, source_tenant: int, user_ids: Iterable[int], targets: Iterable[int]) -> int:
        """T5: give ``user_ids`` on every tenant of ``targets`` their access on ``source_tenant``."""
        targets = list(targets)
        changed = 0
        for user_id in user_ids:
            access = self.get(source_tenant, user_id)
            for tenant_id in targets:
                changed += self.set(tenant_id, user_id, access)
        return changed

    def is_dirty(self, tenant_id: int | None = None, user_id: int | None = None) -> bool:
        if tenant_id is None and user_id is None:
            return bool(self._edits)
        return any((tenant_id is None or t == tenant_id) and (user_id is None or u == user_id) for t, u in self._edits)

    def is_edited(self, tenant_id: int, user_id: int) -> bool:
        return (tenant_id, user_id) in self._edits

    def changes(self) -> dict[Cell, tuple[Access, Access]]:
        """Every pending edit as ``cell → (stored, new)``."""
        return {cell: (self._stored.get(cell, HIDDEN), new) for cell, new in sorted(self._edits.items())}

    def discard(self) -> None:
        self._edits.clear()

    def reset(self, stored: Mapping[Cell, Access], *, normalized: bool = False) -> None:
        """A fresh baseline (after Save or a reload); pending edits are dropped. ``normalized``:
        every value is normalized already (a loaded matrix), so it is taken as it is."""
        self._stored = dict(stored) if normalized else {cell: a.normalized() for cell, a in stored.items()}
        self._edits.clear()

    def add_stored(self, stored: Mapping[Cell, Access]) -> None:
        """More of the stored baseline, normalized already: the cells of tenants loaded after the
        first ones (no edit can be staged on a tenant before its cells are there). Edits stay."""
        self._stored.update(stored)

    def __len__(self) -> int:
        return len(self._edits)
