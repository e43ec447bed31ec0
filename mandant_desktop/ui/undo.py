"""A page's changes and their undo stack, with the database work on a worker (SPEC E7, S5, E3).

:class:`UndoSteps` runs each step of a page — a change, the impact count a dialog shows before it,
an undo, a redo — through :mod:`mandant_desktop.ui.tasks`, one at a time: a request while a step
runs is answered in the status bar instead of racing it. The undo stack moves only when the
database has done the step; a refused or failed step leaves it as it was (an undo or redo that the
service refuses, because someone else changed the same rows (S4), drops its command, as QUndoStack
drops an obsolete one). The role assignment and org units pages run their own changes through it;
:mod:`ui.undo_hub` gives every other page one for the changes recorded by the services, and
puts them all behind the Edit menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from mandant_desktop.ui import tasks

C = TypeVar("C")
R = TypeVar("R")


class ChangeCommand(QUndoCommand, Generic[C]):
    """One done change on the undo stack: ``change`` is what undo reverts, ``inverse`` (after an
    undo) what redo reverts. The database work is done on a worker before the stack moves, so
    undo() and redo() themselves have nothing left to do.

    A change that cannot be undone (a sent mail, an import, a password) goes on the stack all the
    same, marked ``undoable=False`` with its ``reason``: it stops the stack there, so that no older
    change is reverted over it (E7)."""

    def __init__(self, change: C, text: str, *, undoable: bool = True, reason: str = "") -> None:
        super().__init__(text)
        self.change = change
        self.inverse: C | None = None
        self.undoable = undoable
        self.reason = reason
        #: (text, reason) in the current language, for a language switch (E1); None: fixed text
        self.texts: Callable[[], tuple[str, str]] | None = None

    def redo(self) -> None:
        pass  # push() calls it for a change that is done; a redo that has just been done

    def undo(self) -> None:
        pass  # the change has been reverted already


class UndoSteps(QObject, Generic[C]):
    """The undo stack of ``page`` and its database steps on workers, one at a time.

    ``revert(change)`` (called on a worker) returns the inverse change; ``after_revert(change)``
    (on the GUI thread) shows the result of an undo or redo, whether it was done or refused;
    ``say(text)`` puts a note in the status bar; ``on_result(inverse)``, if given, sees what each
    undo or redo returned before the stack moves; ``kept(inverse)``, if given, counts the rows an
    undo or redo left as they were changed elsewhere in the meantime, which the status bar then
    names (the role assignment and org units pages: such rows are left, not refused).
    """

    #: a step started or ended (the page enables its undo and redo actions accordingly)
    busy_changed = Signal()

    def __init__(
        self,
        page: QWidget,
        revert: Callable[..., C],
        after_revert: Callable[[C], None],
        say: Callable[[str], None],
        progress_for: Callable[[C], tuple[str, str] | None] | None = None,
        *,
        on_result: Callable[[C], None] | None = None,
        carry: Callable[[C, C, list[C]], list[C]] | None = None,
        kept: Callable[[C], int] | None = None,
    ) -> None:
        super().__init__(page)
        self._page = page
        self._revert_fn = revert
        self._after_revert = after_revert
        self._on_result = on_result
        #: ``carry(reverted, result, nearest_first)``: the next steps after an undo or redo wrote
        #: their rows again (new versions, see services.undo.carry_versions); None: left as they are
        self._carry = carry
        self._kept = kept
        self._say = say
        #: (title, label) of the progress dialog with Cancel for a large undo or redo; ``revert``
        #: then takes ``progress`` and ``cancel`` too
        self._progress_for = progress_for
        self.stack = QUndoStack(page)
        #: the step on its worker, else None
        self.step: tasks.Task[Any] | None = None

    @property
    def busy(self) -> bool:
        return self.step is not None

    def refuse_while_busy(self) -> bool:
        """True (and a note in the status bar) while a step runs."""
        if self.step is None:
            return False
        self._say(self.tr("Please wait: the previous change is still being saved."))
        return True

    def run(
        self,
        fn: Callable[..., R],
        *args: Any,
        on_done: Callable[[R], None],
        on_failed: Callable[[], None] | None = None,
        progress: tuple[str, str] | None = None,
        writes: bool = True,
        reports: bool = True,
        **kwargs: Any,
    ) -> tasks.Task[R] | None:
        """``fn(*args, **kwargs)`` as the page's next step; None when one runs already (refused).

        ``on_done(result)`` on the GUI thread; ``on_failed()`` when the step ended without a result
        (refused and reported, cancelled, connection lost). ``progress`` — (title, label) — shows a
        progress dialog for long work; ``reports`` as for :func:`tasks.run_with_progress`.
        """
        if self.refuse_while_busy():
            return None
        delivered: list[bool] = []

        def done(result: R) -> None:
            delivered.append(True)
            self._release(task)  # on_done may take the next step (a change after its impact count)
            on_done(result)

        if progress is None:
            task = tasks.run(self._page, fn, *args, on_done=done, writes=writes, **kwargs)
        else:
            title, label = progress
            task = tasks.run_with_progress(
                self._page, title, label, fn, *args, on_done=done, writes=writes, reports=reports, **kwargs
            )
        self.step = task

        def ended() -> None:
            if not shiboken6.isValid(self):
                return  # the page closed while its step ran (the program ends)
            self._release(task)
            if not delivered and on_failed is not None:
                on_failed()
            self.busy_changed.emit()

        task.finished.connect(ended)
        self.busy_changed.emit()
        return task

    def _release(self, task: tasks.Task[Any]) -> None:
        if self.step is task:
            self.step = None

    def renumber(self, fn: Callable[[C], C]) -> None:
        """Replace every change on the stack, done or undone, by ``fn(change)`` (the org units page:
        units restored under new ids)."""
        for index in range(self.stack.count()):
            command = self.stack.command(index)
            if isinstance(command, ChangeCommand):
                command.change = fn(command.change)
                if command.inverse is not None:
                    command.inverse = fn(command.inverse)

    def push(self, change: C, text: str, *, undoable: bool = True, reason: str = "") -> ChangeCommand[C]:
        """Put a change that is done on the stack."""
        command = ChangeCommand(change, text, undoable=undoable, reason=reason)
        self.stack.push(command)
        return command

    def next_undo(self) -> ChangeCommand[C] | None:
        """The command an undo would revert, if any."""
        if not self.stack.canUndo():
            return None
        command = self.stack.command(self.stack.index() - 1)
        return command if isinstance(command, ChangeCommand) else None

    def can_undo(self) -> bool:
        command = self.next_undo()
        return command is not None and command.undoable

    def undo(self) -> None:
        """Revert the newest change on a worker; the stack steps back when it is done (E7)."""
        if not self.stack.canUndo() or self.refuse_while_busy():
            return
        command = self.stack.command(self.stack.index() - 1)
        assert isinstance(command, ChangeCommand)
        if not command.undoable:
            self._say(self.tr("Can't undo “%1”: %2").replace("%1", command.text()).replace("%2", command.reason))
            return

        def reverted(inverse: C) -> None:
            self._carry_on(command.change, inverse, undone=True)
            command.inverse = inverse
            self.stack.undo()

        self._revert(command, command.change, reverted, self.stack.undo, undoing=True)

    def redo(self) -> None:
        """Do the undone change again (by reverting its revert) on a worker (E7)."""
        if not self.stack.canRedo() or self.refuse_while_busy():
            return
        command = self.stack.command(self.stack.index())
        assert isinstance(command, ChangeCommand) and command.inverse is not None

        def redone(change: C) -> None:
            assert command.inverse is not None
            self._carry_on(command.inverse, change, undone=False)
            command.change = change
            self.stack.redo()

        self._revert(command, command.inverse, redone, self.stack.redo, undoing=False)

    def kept_text(self, kept: int, *, undoing: bool) -> str:
        """The status bar's note after an undo or redo that left ``kept`` rows as they were changed
        elsewhere in the meantime (removed since, or there again): done, but not all of it (E7, S4)."""
        if undoing:
            return self.tr("Undone; %Ln change(s) made elsewhere in the meantime were kept.", "", kept)
        return self.tr("Redone; %Ln change(s) made elsewhere in the meantime were kept.", "", kept)

    def _carry_on(self, reverted: C, result: C, *, undone: bool) -> None:
        """The steps an undo (the done changes below) or a redo (the undone ones above) leads to,
        carried to what it wrote, nearest first; the stack has not moved yet."""
        if self._carry is None:
            return
        here = self.stack.index()
        indexes = range(here - 2, -1, -1) if undone else range(here + 1, self.stack.count())
        commands = [command for i in indexes if isinstance(command := self.stack.command(i), ChangeCommand)]
        if undone:
            for command, change in zip(
                commands, self._carry(reverted, result, [c.change for c in commands]), strict=True
            ):
                command.change = change
            return
        waiting = [command for command in commands if command.inverse is not None]
        inverses = [command.inverse for command in waiting if command.inverse is not None]
        for command, inverse in zip(waiting, self._carry(reverted, result, inverses), strict=True):
            command.inverse = inverse

    def _revert(
        self,
        command: ChangeCommand[C],
        change: C,
        on_done: Callable[[C], None],
        step: Callable[[], None],
        *,
        undoing: bool,
    ) -> None:
        def done(result: C) -> None:
            if self._on_result is not None:
                self._on_result(result)
            on_done(result)
            self._after_revert(change)
            kept = self._kept(result) if self._kept is not None else 0
            if kept:
                self._say(self.kept_text(kept, undoing=undoing))

        def failed() -> None:
            if task is not None and task.cancelled():
                # Cancelled: rolled back, the step stays where it was and can be taken later.
                self._say(self.tr("Cancelled; nothing was changed."))
                return
            # Refused (the error was shown) or never done: the step cannot be taken; drop it, as
            # QUndoStack drops a command that marks itself obsolete while it is undone or redone.
            command.setObsolete(True)
            step()
            self._after_revert(change)

        progress = self._progress_for(change) if self._progress_for is not None else None
        task = self.run(self._revert_fn, change, on_done=done, on_failed=failed, progress=progress)
