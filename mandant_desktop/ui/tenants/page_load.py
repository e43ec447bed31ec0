"""The tenants page's load, without Qt: what it reads on a worker, and the start's head start.

A start logged in through MANDANT_USER/MANDANT_PASSWORD shows the tenants page first, usually. Its
first load (the operator's remembered tenant filter, then the tenants, the users and the selected
tenant's cells) does not need the window: :func:`begin` starts it on the log-in's worker as soon as
the log-in has answered, while the GUI thread still imports and builds the window. The page takes
the answer (:func:`take`) only when it asks for exactly that load — the same database, the same
operator with the same filter, the same tenant to keep, the same view (the page remembers the
view shown last: by tenant reads one tenant's cells, by user and the matrix every tenant's) — and only while the
window is being built: the launcher calls :func:`discard` once it is, so no later load can get an
old answer (issue 8). It is read once, at the start, as the page would have read it a moment later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor, Future
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from mandant_desktop.domain.tenants import descendants
from mandant_desktop.services.access import AccessMatrix, AccessTenant
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenants import TenantRow

if TYPE_CHECKING:
    from mandant_desktop.bootstrap import AppContext, Services

log = logging.getLogger(__name__)

#: users whose rows the page's load reads (of the others the ids: their rows as views show them):
#: a tall screen of the by-tenant view and then some, and the window in which the page reads more
USER_WINDOW = 100


class PageLoad(NamedTuple):
    tenants: list[TenantRow]
    matrix: AccessMatrix
    #: the tenant to select: the one asked for when it is still visible, else the first of the tree
    selected: int | None
    #: the tenants whose cells ``matrix`` holds; None: every tenant's
    loaded: list[int] | None


def start_tenant(tenants: list[TenantRow], keep: int | None) -> int | None:
    """``keep`` when it is among ``tenants``, else the first tenant of the tree (the first root)."""
    ids = {t.id for t in tenants}
    if keep in ids:
        return keep
    return next((t.id for t in tenants if t.parent_id not in ids), None)


def with_sub_tenants(tenants: list[TenantRow] | list[AccessTenant], tenant_id: int | None) -> list[int]:
    """``tenant_id`` and its visible sub-tenants: what the by-tenant view needs loaded (T2, T5)."""
    if tenant_id is None:
        return []
    return [tenant_id, *descendants({t.id: t.parent_id for t in tenants}, tenant_id)]


def load_page(services: Services, operator: Operator, keep: int | None, everything: bool) -> PageLoad:
    """On a worker: the tenants, the users and the cells the visible view needs (``everything``:
    every user's row and every tenant's cells; else every user's id, the first
    :data:`USER_WINDOW` users' rows and the cells of the tenant to select and its sub-tenants), in
    one read-only unit of work that reads the operator's tenant scope and the tenants once."""

    def cells_of(tenants: list[TenantRow]) -> list[int] | None:
        return None if everything else with_sub_tenants(tenants, start_tenant(tenants, keep))

    # A view over every tenant scrolls through every user: all their rows then, as its cells.
    first_users = None if everything else USER_WINDOW
    tenants, matrix = services.access.load_with_tenants(operator, cells_of, first_users=first_users)
    return PageLoad(tenants, matrix, start_tenant(tenants, keep), cells_of(tenants))


Loader = Callable[["Services", Operator, "int | None", bool], PageLoad]


#: the access views (the objectNames of the page's tab widgets) that show every tenant's cells
EVERY_TENANT_VIEWS = frozenset({"accessByUserSplitter", "accessMatrix"})


def shows_every_tenant(view: str) -> bool:
    """Whether the remembered access view ``view`` (a tab's objectName, "" when none) needs every
    tenant's cells; an unknown name is the first tab's, by tenant, as the page restores it."""
    return view in EVERY_TENANT_VIEWS


class _StartLoad(NamedTuple):
    #: the database (its display URL: the pages' services are wrapped for undo, so not those)
    database: str
    #: who logged in (without a filter)
    operator: Operator
    keep: int | None
    #: read for the by-user view or the matrix (every tenant's cells), else for by tenant
    everything: bool
    #: the operator's remembered tenant filter (T9)
    tenant_filter: Future[frozenset[int] | None]
    #: the operator (with that filter) the page was loaded for, and the load
    page: Future[tuple[Operator, PageLoad]]


_pending: _StartLoad | None = None


def begin(executor: Executor, app: AppContext, operator: Operator, keep: int | None, everything: bool = False) -> None:
    """Start the start page's first load for ``operator`` (just logged in) on ``executor``, for
    the view the page will show first (``everything``: by user or the matrix); a failed read
    leaves the page to load (and report) itself."""
    global _pending
    services = app.services
    tenant_filter = executor.submit(services.tenants.load_filter, operator)

    def read_page() -> tuple[Operator, PageLoad]:
        filtered = replace(operator, tenant_filter=tenant_filter.result())
        return filtered, load_page(services, filtered, keep, everything)

    _pending = _StartLoad(app.display_url, operator, keep, everything, tenant_filter, executor.submit(read_page))


def take_filter(app: AppContext, operator: Operator) -> Future[frozenset[int] | None] | None:
    """The remembered tenant filter being read for ``operator`` at the start, if it is."""
    pending = _pending
    if pending is None or pending.database != app.display_url or pending.operator != operator:
        return None
    return pending.tenant_filter


def take(app: AppContext, operator: Operator, keep: int | None, everything: bool) -> Loader | None:
    """The start's load if it is the one asked for (handed out once), as a call for the page's
    worker to make in place of :func:`load_page`: it waits for the start's answer, and loads
    anew should that have failed or have been read for another filter."""
    global _pending
    pending, _pending = _pending, None
    if (
        pending is None
        or pending.database != app.display_url
        or pending.keep != keep
        or pending.everything != everything
    ):
        return None
    page = pending.page

    def started(services: Services, operator: Operator, keep: int | None, everything: bool) -> PageLoad:
        try:
            loaded_for, result = page.result()
        except Exception:  # loaded again below; what goes wrong then is reported
            log.debug("the start's load of the tenants page failed; loading again", exc_info=True)
        else:
            if loaded_for == operator:
                return result
        return load_page(services, operator, keep, everything)

    return started


def discard() -> None:
    """The window is built: an answer nobody took is dropped (a later load reads anew)."""
    global _pending
    _pending = None
