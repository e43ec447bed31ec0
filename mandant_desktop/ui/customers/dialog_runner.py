"""Runs the customer dialogs modally, behind one replaceable function (like ``ui.interaction``).

Widget tests install a runner that fills in a dialog and clicks its buttons as a user would,
instead of blocking in ``exec()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtWidgets import QDialog

Runner = Callable[[QDialog], int]


def _exec(dialog: QDialog) -> int:
    return dialog.exec()


_current: Runner = _exec


def run(dialog: QDialog) -> bool:
    """Show ``dialog`` modally; True when it was accepted."""
    try:
        return _current(dialog) == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def install(runner: Runner) -> Runner:
    global _current
    previous, _current = _current, runner
    return previous


@contextmanager
def installed(runner: Runner) -> Iterator[Runner]:
    previous = install(runner)
    try:
        yield runner
    finally:
        install(previous)
