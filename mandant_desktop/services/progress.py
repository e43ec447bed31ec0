"""Progress and cancel hooks for long-running services (SPEC E3).

Services never see Qt: the UI passes plain callables, the CLI passes its own. A service checks
``cancel()`` between chunks of work and, when it returns true, undoes what it did and raises
:class:`OperationCancelledError`.
"""

from __future__ import annotations

from collections.abc import Callable

from mandant_desktop.domain.errors import DomainError

#: (message, fraction done 0..1) — for work whose size is known only roughly
StageProgress = Callable[[str, float], None]
#: (items done, items in total)
CountProgress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class OperationCancelledError(DomainError):
    """The operator cancelled; everything the operation did has been undone."""


__all__ = ["CancelCheck", "CountProgress", "OperationCancelledError", "StageProgress"]
