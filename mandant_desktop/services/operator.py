"""Who is acting: the logged-in operator, or the system itself (CLI, migrations, demo data)."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field

from mandant_desktop.domain.errors import PermissionDeniedError
from mandant_desktop.services.recording import note_permission


def workstation_name() -> str:
    return socket.gethostname() or "unknown"


@dataclass(frozen=True, slots=True)
class Operator:
    """The operator of a unit of work.

    ``permissions`` is the union of the operator's admin permissions over all org units (SPEC R3);
    it decides which pages and actions exist. ``is_system`` marks work done by the application
    itself (headless CLI, demo data), which is not limited by roles but is audited all the same.
    """

    id: int | None
    username: str
    display_name: str = ""
    permissions: frozenset[str] = field(default_factory=frozenset)
    workstation: str = field(default_factory=workstation_name)
    is_system: bool = False
    #: the toolbar's tenant filter (SPEC T9): only these tenants' data is shown; None shows all
    tenant_filter: frozenset[int] | None = None

    def can(self, permission: str) -> bool:
        return self.is_system or permission in self.permissions

    def require(self, permission: str) -> None:
        note_permission(permission)  # an undo of this change asks for it again (E7)
        if not self.can(permission):
            raise PermissionDeniedError("You lack the permission {permission} for this action.", permission=permission)


def system_operator(name: str = "system") -> Operator:
    return Operator(id=None, username=name, display_name=name, is_system=True)
