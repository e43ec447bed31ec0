"""The widget tests' database templates and their copies (tests/uihelpers.copy_sqlite)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from uihelpers import ADMIN, copy_sqlite

from mandant_desktop import bootstrap


def test_a_copy_holds_the_commits_still_in_the_write_ahead_log(tmp_path: Path) -> None:
    """S3: a template closed while another connection to it is open (the WAL checkpoint thread's)
    is checkpointed by no one on close; its copy must still hold the first administrator and their
    audit entries. A plain file copy lacked them once: the audit page's test counted only its own
    450 entries (``assert 450 > 450`` under a load of 11)."""
    path = tmp_path / "template.sqlite"
    app = bootstrap.open_database(f"sqlite:///{path}")
    checkpoint_thread = sqlite3.connect(path)  # as WalCheckpointer.checkpoint holds one for a moment
    try:
        checkpoint_thread.execute("SELECT count(*) FROM sqlite_master").fetchall()
        app.services.auth.create_first_admin(ADMIN)
        app.close()
        copy = tmp_path / "copy.sqlite"
        copy_sqlite(path, copy)
    finally:
        checkpoint_thread.close()
    copied = sqlite3.connect(copy)
    try:
        assert copied.execute("SELECT username FROM app_user").fetchall() == [(ADMIN.username,)]
        by_admin = copied.execute("SELECT count(*) FROM audit_log WHERE operator_name = ?", (ADMIN.username,))
        assert by_admin.fetchone()[0] > 0
    finally:
        copied.close()
