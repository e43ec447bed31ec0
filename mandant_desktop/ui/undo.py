"""One done change on a page's undo stack (SPEC E7), shared by the assignment pages.

The change is done before it is pushed; undo asks the service to revert exactly what it did, and
redo reverts that revert. When the service refuses (someone else changed the same rows, S4) the
command becomes obsolete and leaves the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand

C = TypeVar("C")


class ChangeCommand(QUndoCommand, Generic[C]):
    """``revert(change)`` returns the inverse change, or None when it was refused (and reported)."""

    def __init__(self, revert: Callable[[C], C | None], change: C, text: str) -> None:
        super().__init__(text)
        self._revert = revert
        self._change = change
        self._inverse: C | None = None
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # push() calls redo(): the change is already done
            self._pushed = True
            return
        if self._inverse is None:
            return
        change = self._revert(self._inverse)
        if change is None:
            self.setObsolete(True)
            return
        self._change = change

    def undo(self) -> None:
        inverse = self._revert(self._change)
        if inverse is None:
            self.setObsolete(True)
            return
        self._inverse = inverse
