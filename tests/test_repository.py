"""The repository itself: no text file carries an unresolved merge.

A merge that left its conflict markers in README.md landed on main once (issue 8's parallel work);
ruff only sees Python files, so this looks at every text file git tracks.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(rb"^(<{7} |={7}$|>{7} )", re.MULTILINE)


def _tracked_files() -> list[Path]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the tracked files are unknown")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name.decode() for name in listed.split(b"\0") if name]


def test_no_tracked_text_file_holds_merge_conflict_markers() -> None:
    conflicted = []
    for path in _tracked_files():
        if not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data[:8192]:
            continue  # binary (.qm, images)
        if MARKER.search(data):
            conflicted.append(str(path.relative_to(ROOT)))
    assert not conflicted, f"unresolved merge conflict markers in: {', '.join(conflicted)}"
