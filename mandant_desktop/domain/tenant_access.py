"""What an operator may see and change of each tenant's data (SPEC T2, T8, T9).

A :class:`TenantScope` is the whole rule in one immutable value: the tenants with full access,
those read only, those whose personal fields the operator may read, and the toolbar's tenant
filter. Every service that lists, counts, exports or edits tenant-scoped data asks it; hidden
tenants appear nowhere, and a hidden object is reported as not found, never as "forbidden", so
that its existence does not leak.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from mandant_desktop.domain.errors import NotFoundError, PermissionDeniedError

#: what a masked personal field shows in views and exports without the "private data" right
MASK = "•••"

T = TypeVar("T")


class Level(StrEnum):
    """The three access levels of SPEC T2, strongest last."""

    HIDDEN = "hidden"
    READ_ONLY = "read_only"
    FULL = "full"


@dataclass(frozen=True, slots=True)
class TenantScope:
    """An operator's view of the tenants.

    ``unrestricted`` is the application itself (CLI, demo data): it sees every tenant, private
    fields included. ``tenant_filter`` (T9) narrows what is visible further; it never widens it.
    """

    full: frozenset[int] = frozenset()
    read_only: frozenset[int] = frozenset()
    private: frozenset[int] = frozenset()
    tenant_filter: frozenset[int] | None = None
    unrestricted: bool = False

    @classmethod
    def everything(cls, tenant_filter: frozenset[int] | None = None) -> TenantScope:
        return cls(unrestricted=True, tenant_filter=tenant_filter)

    def _passes_filter(self, tenant_id: int) -> bool:
        return self.tenant_filter is None or tenant_id in self.tenant_filter

    def level(self, tenant_id: int) -> Level:
        if not self._passes_filter(tenant_id):
            return Level.HIDDEN
        if self.unrestricted or tenant_id in self.full:
            return Level.FULL
        if tenant_id in self.read_only:
            return Level.READ_ONLY
        return Level.HIDDEN

    def sees(self, tenant_id: int) -> bool:
        return self.level(tenant_id) is not Level.HIDDEN

    def can_edit(self, tenant_id: int) -> bool:
        return self.level(tenant_id) is Level.FULL

    def sees_private(self, tenant_id: int) -> bool:
        return self.sees(tenant_id) and (self.unrestricted or tenant_id in self.private)

    def visible_ids(self) -> frozenset[int] | None:
        """The tenants whose data may be shown; None means every tenant."""
        if self.unrestricted:
            return self.tenant_filter
        visible = self.full | self.read_only
        return visible if self.tenant_filter is None else visible & self.tenant_filter

    def editable_ids(self) -> frozenset[int] | None:
        """The tenants whose data may be changed (and in which new data may be created); None means all."""
        if self.unrestricted:
            return self.tenant_filter
        return self.full if self.tenant_filter is None else self.full & self.tenant_filter

    def all_editable(self, tenant_ids: Iterable[int]) -> bool:
        """True when every one of ``tenant_ids`` is editable, as T10 asks of a mixed distribution list."""
        return all(self.can_edit(tenant_id) for tenant_id in tenant_ids)

    def mask(self, tenant_id: int, value: T) -> T | str:
        """``value`` when the operator may read personal fields of ``tenant_id``, else :data:`MASK`.

        An empty value stays empty: a mask over nothing would suggest data that is not there.
        """
        if value is None or value == "" or self.sees_private(tenant_id):
            return value
        return MASK

    def require_visible(self, tenant_id: int, object_name: str) -> None:
        """Refuse, as "not found", anything in a hidden tenant."""
        if not self.sees(tenant_id):
            raise NotFoundError("The {object} no longer exists or is not visible to you.", object=object_name)

    def require_edit(self, tenant_id: int, object_name: str) -> None:
        """Refuse a change in a tenant that is hidden (not found) or read only (a clear refusal)."""
        self.require_visible(tenant_id, object_name)
        if not self.can_edit(tenant_id):
            raise PermissionDeniedError(
                "You have read-only access to the tenant of this {object}; it cannot be changed.",
                object=object_name,
            )
