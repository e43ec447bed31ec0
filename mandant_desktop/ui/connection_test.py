"""Test a connection profile off the GUI thread (a server may take seconds to answer or time out).

The test runs as a task of :mod:`mandant_desktop.ui.tasks`, whose outcome stays in the task and is
read on the GUI thread. An earlier version sent the raised exception through a queued
``Signal(object)`` of a ``QRunnable`` on the global pool: about half of the failed tests then
reached the dialog as ``None`` (the message line said "None") or not at all (the Test button stayed
disabled).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from mandant_desktop.services.profiles import ConnectionProfile, test_connection
from mandant_desktop.ui import tasks

log = logging.getLogger(__name__)

#: (True, the server's version line) or (False, the exception: a DomainError for everything a user can act on)
Outcome = tuple[bool, object]


def probe(profile: ConnectionProfile, password: str | None) -> Outcome:
    """Runs on a worker: every way the test can fail is an answer for the dialog, never a crash."""
    try:
        return True, test_connection(profile, password)
    except Exception as exc:
        log.info("connection test of %s failed: %s", profile.name, type(exc).__name__)
        return False, exc


def start(
    owner: QObject, profile: ConnectionProfile, password: str | None, on_outcome: Callable[[Outcome], None]
) -> tasks.Task[Outcome]:
    """Test ``profile`` on a worker; ``on_outcome`` gets the answer on the GUI thread while ``owner`` lives."""
    return tasks.run(owner, probe, profile, password, on_done=on_outcome, banner=False)
