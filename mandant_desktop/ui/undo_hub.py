"""The session's undo and redo: every page's changes, the Edit menu's Undo and Redo (SPEC E7, E2).

The pages talk to :class:`~mandant_desktop.bootstrap.Services` through :meth:`UndoHub.wrap`: each
call of a changing service is recorded (:func:`services.recording.recorded`) on whatever thread it
runs, and what it changed goes on the undo stack of the page that was shown when it started,
named by :func:`ui.undo_texts.describe`. Undo and redo run on a worker through
:class:`~mandant_desktop.services.undo.UndoService` — the operator's rights, the version checks
and the audit log apply to them as to any change — with a progress dialog and Cancel when a step
has thousands of rows (E3).

Pages with undo of their own (role assignment, org units: their ``steps``) keep it; the hub puts
their stacks into the same :class:`QUndoGroup`, so that the Edit menu follows whichever page is
shown, and takes over their Ctrl+Z / Ctrl+Shift+Z so that one shortcut has one owner.
"""

from __future__ import annotations

import functools
import threading
from typing import TYPE_CHECKING, Any, cast

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup, QUndoStack

from mandant_desktop.services.recording import recording
from mandant_desktop.ui import undo_texts
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.undo import ChangeCommand, UndoSteps

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mandant_desktop.bootstrap import Services
    from mandant_desktop.services.change_record import ChangeRecord
    from mandant_desktop.ui.page import Page


def carry_versions(reverted: ChangeRecord, result: ChangeRecord, records: Sequence[ChangeRecord]) -> list[ChangeRecord]:
    """:func:`mandant_desktop.services.undo.carry_versions`, imported at the first undo: that module
    brings the ORM, which the start leaves for after the window is usable (issue 8)."""
    from mandant_desktop.services.undo import carry_versions as carry

    return carry(reverted, result, records)


#: services whose changes go on the pages' undo stacks (assignments and org units have their own)
RECORDED_SERVICES = (
    "tenants",
    "access",
    "users",
    "activation",
    "roles",
    "customers",
    "rights_groups",
    "contact_persons",
    "customer_contacts",
    "rights_naming",
    "contacts",
    "lists",
    "mail",
    "imports",
)
#: steps kept per page; each holds the row images of its change
UNDO_LIMIT = 100
#: an undo or redo of more rows than this runs with a progress dialog and Cancel (E3)
PROGRESS_ROWS = 2_000


class _Recorded:
    """One service whose public methods are recorded; everything else passes through. The service
    is looked up when first used (the container builds it then, issue 8)."""

    def __init__(self, services: Services, name: str, hub: UndoHub) -> None:
        self._services = services
        self._name = name
        self._hub = hub

    def __getattr__(self, attribute: str) -> Any:
        value = getattr(getattr(self._services, self._name), attribute)
        if attribute.startswith("_") or not callable(value):
            return value
        method = f"{self._name}.{attribute}"
        hub = self._hub
        # The page shown when the page's code reached for the method (on the GUI thread) owns the
        # change, even when the call itself runs later on a worker.
        page = hub.active_page

        @functools.wraps(value)
        def call(*args: Any, **kwargs: Any) -> Any:
            with recording() as recorder:
                result = value(*args, **kwargs)
            record = recorder.record()
            if not record.empty:
                hub.post(page, method, record)
            return result

        return call


class _RecordedServices:
    def __init__(self, services: Services, hub: UndoHub) -> None:
        self._services = services
        self._wrapped = {name: _Recorded(services, name, hub) for name in RECORDED_SERVICES}

    def __getattr__(self, name: str) -> Any:
        wrapped = self._wrapped.get(name)
        return wrapped if wrapped is not None else getattr(self._services, name)


class UndoHub(QObject):
    """The Edit menu's Undo and Redo for the page shown (see the module docs)."""

    _posted = Signal(object, str, object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self.active_page: Page | None = None
        self._steps: dict[int, UndoSteps[Any]] = {}
        self._services: Services | None = None
        self.undo_action = QAction(self)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self)
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.redo)
        for signal in (self.group.activeStackChanged, self.group.indexChanged, self.group.cleanChanged):
            signal.connect(self.sync)
        self._posted.connect(self._deliver)
        self.sync()

    # ------------------------------------------------------------------ session and pages

    def wrap(self, services: Services) -> Services:
        """``services`` for the pages: changes recorded for undo (see the module docs)."""
        self._services = services
        return cast("Services", _RecordedServices(services, self))

    def reset(self) -> None:
        """A new session: its pages start without undo steps."""
        for stack in list(self.group.stacks()):
            self.group.removeStack(stack)
        self._steps.clear()
        self.active_page = None
        self.sync()

    def set_active_page(self, page: Page | None) -> None:
        self.active_page = page
        steps = self.steps_for(page) if page is not None else None
        self.group.setActiveStack(cast("QUndoStack", steps.stack if steps is not None else None))
        self.sync()

    def steps_for(self, page: Page) -> UndoSteps[Any]:
        """The page's undo steps: its own (role assignment, org units), else the recorded changes'."""
        found = self._steps.get(id(page))
        if found is not None and shiboken6.isValid(found):
            return found
        own = getattr(page, "steps", None)
        if isinstance(own, UndoSteps):
            steps: UndoSteps[Any] = own
            _take_shortcuts(page)
        else:
            steps = self._record_steps(page)
        self._steps[id(page)] = steps
        self.group.addStack(steps.stack)
        steps.busy_changed.connect(self.sync)
        return steps

    def _record_steps(self, page: Page) -> UndoSteps[ChangeRecord]:
        services = self._services
        operator = page.context.operator

        def revert(record: ChangeRecord, **progress: Any) -> ChangeRecord:
            assert services is not None
            return services.undo.revert(operator, record, **progress)

        def progress_for(record: ChangeRecord) -> tuple[str, str] | None:
            if len(record) <= PROGRESS_ROWS:
                return None
            return (self.tr("Undo and redo"), self.tr("Writing %1 rows…").replace("%1", number_text(len(record))))

        def after_revert(_record: ChangeRecord) -> None:
            if not shiboken6.isValid(page):
                return
            if page.has_unsaved_changes():
                # A reload would throw away what the user staged; F5 does it when they want.
                page.context.shell.show_status(
                    self.tr("Done. Press F5 to reload; your unsaved changes on this page are kept until then."), 0
                )
            else:
                page.refresh()

        steps = UndoSteps(
            page, revert, after_revert, page.context.shell.show_status, progress_for, carry=carry_versions
        )
        steps.stack.setUndoLimit(UNDO_LIMIT)  # the oldest steps' row images are let go
        return steps

    # ------------------------------------------------------------------ recorded changes

    def post(self, page: Page | None, method: str, record: ChangeRecord) -> None:
        """A recorded change, from any thread; it reaches the page's stack on the GUI thread."""
        if threading.current_thread() is threading.main_thread():
            self._deliver(page, method, record)
        else:
            self._posted.emit(page, method, record)

    def _deliver(self, page: Page | None, method: str, record: ChangeRecord) -> None:
        if page is None or not shiboken6.isValid(page):
            return
        steps = self.steps_for(page)
        if getattr(page, "steps", None) is steps:
            return  # a page with undo of its own records its own changes
        command = steps.push(
            record,
            undo_texts.describe(method, record),
            undoable=record.undoable,
            reason=undo_texts.reason(record),
        )
        command.texts = lambda: (undo_texts.describe(method, record), undo_texts.reason(record))
        self.sync()

    def retranslate(self) -> None:
        """The steps' names in the language just chosen (E1), then the actions'."""
        for stack in self.group.stacks():
            for index in range(stack.count()):
                command = stack.command(index)
                if isinstance(command, ChangeCommand) and command.texts is not None:
                    text, why = command.texts()
                    command.setText(text)
                    command.reason = why
        self.sync()

    # ------------------------------------------------------------------ the Edit menu

    def current(self) -> UndoSteps[Any] | None:
        page = self.active_page
        if page is None or not shiboken6.isValid(page):
            return None
        return self.steps_for(page)

    def undo(self) -> None:
        steps = self.current()
        if steps is not None:
            steps.undo()

    def redo(self) -> None:
        steps = self.current()
        if steps is not None:
            steps.redo()

    def sync(self, *_args: object) -> None:
        """The actions' texts and states: "Undo: Create user “mia”", or "Can't undo: …"."""
        if not shiboken6.isValid(self.undo_action):
            return
        steps = self.current()
        stack = steps.stack if steps is not None else None
        idle = steps is not None and not steps.busy
        command = steps.next_undo() if steps is not None else None
        if command is not None and not command.undoable:
            self.undo_action.setText(self.tr("Can't undo: %1").replace("%1", _menu(command.text())))
            self.undo_action.setToolTip(command.reason)
            self.undo_action.setEnabled(False)
        elif stack is not None and stack.canUndo():
            self.undo_action.setText(self.tr("&Undo: %1").replace("%1", _menu(stack.undoText())))
            self.undo_action.setToolTip(self.tr("Undo: %1").replace("%1", stack.undoText()))
            self.undo_action.setEnabled(idle)
        else:
            self.undo_action.setText(self.tr("&Undo"))
            self.undo_action.setToolTip(self.tr("Nothing to undo on this page"))
            self.undo_action.setEnabled(False)
        if stack is not None and stack.canRedo():
            self.redo_action.setText(self.tr("&Redo: %1").replace("%1", _menu(stack.redoText())))
            self.redo_action.setToolTip(self.tr("Redo: %1").replace("%1", stack.redoText()))
            self.redo_action.setEnabled(idle)
        else:
            self.redo_action.setText(self.tr("&Redo"))
            self.redo_action.setToolTip(self.tr("Nothing to redo on this page"))
            self.redo_action.setEnabled(False)


def _menu(text: str) -> str:
    """An object's name in a menu text: its "&" is no mnemonic."""
    return text.replace("&", "&&")


def _take_shortcuts(page: Page) -> None:
    """A page's own Undo/Redo actions leave their shortcuts to the Edit menu (an ambiguous
    shortcut would fire neither)."""
    for name in ("undo_action", "redo_action"):
        action = getattr(page, name, None)
        if isinstance(action, QAction):
            action.setShortcuts([])
