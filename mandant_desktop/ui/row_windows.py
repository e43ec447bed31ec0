"""Rows fetched window by window as a view asks for them (SPEC section 8, issue 8).

A model over many rows knows how many there are and asks for the rows of window ``n`` (rows
``n * size`` to ``(n + 1) * size - 1``) only when a view paints one of them: the customer table
over 100,000 customers, the tenants page over 10,000 users. The read runs on the GUI thread (a
short indexed query); when the connection is lost, the banner says so (S5) and the window is
asked for again on the next paint. With ``max_windows`` only that many windows are kept, the
ones used longest ago are dropped.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from mandant_desktop.domain.errors import DatabaseUnavailableError
from mandant_desktop.ui.errors import run_action

T = TypeVar("T")


def _reraise(exc: BaseException) -> None:
    raise exc


def report_unavailable(exc: DatabaseUnavailableError) -> None:
    """A read for a paint found the database unreachable: the banner says so (S5)."""
    run_action(None, _reraise, exc)


class RowWindows(Generic[T]):
    """The windows read so far; ``read(n)`` reads window ``n``, ``dropped(n)`` is told when a
    window is dropped to keep at most ``max_windows`` (None: all are kept)."""

    def __init__(
        self,
        read: Callable[[int], list[T]],
        size: int,
        max_windows: int | None = None,
        dropped: Callable[[int], None] | None = None,
    ) -> None:
        self._read = read
        self.size = size
        self._max = max_windows
        self._dropped = dropped
        self._windows: OrderedDict[int, list[T]] = OrderedDict()
        #: the window asked for last (number, rows): a view asks for the same one again and again
        self._last: tuple[int, list[T]] | None = None

    def clear(self) -> None:
        self._windows.clear()
        self._last = None

    def put(self, number: int, rows: list[T]) -> None:
        """Window ``number`` read elsewhere (the first one with the count, on a worker)."""
        self._windows[number] = rows
        self._last = None
        self._trim()

    def held(self) -> list[tuple[int, list[T]]]:
        """The windows read so far, ``(number, rows)``, in window order (none is read for it)."""
        return sorted(self._windows.items())

    def __contains__(self, number: object) -> bool:
        return number in self._windows

    def window(self, number: int) -> list[T]:
        """The rows of window ``number``, read now if they are not here ([] when the database is
        unreachable: not kept, asked for again next time)."""
        last = self._last
        if last is not None and last[0] == number:
            return last[1]
        rows = self._windows.get(number)
        if rows is None:
            try:
                rows = self._read(number)
            except DatabaseUnavailableError as exc:
                # Called from data(): the rows stay empty until asked for again, which fails at
                # once while the connection is known lost.
                report_unavailable(exc)
                return []
            self._windows[number] = rows
            self._trim()
        else:
            self._windows.move_to_end(number)
        self._last = (number, rows)
        return rows

    def row(self, index: int) -> T | None:
        """Row ``index``; None when its window came back shorter (rows gone since the count)."""
        rows = self.window(index // self.size)
        offset = index % self.size
        return rows[offset] if offset < len(rows) else None

    def _trim(self) -> None:
        while self._max is not None and len(self._windows) > self._max:
            number, _rows = self._windows.popitem(last=False)
            if self._dropped is not None:
                self._dropped(number)
