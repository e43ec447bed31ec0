"""PySide's ``__feature__`` import hook is switched off for the program (mandant_desktop.pyside_import,
issue 8 ``startup``), and what that relies on in PySide's internals is pinned here: a PySide upgrade
that changes them fails these tests instead of silently making every import slower again."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import mandant_desktop
from mandant_desktop.pyside_import import feature_import_active


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


_PYSIDE_FIRST = """
import builtins, sys
import PySide6.QtCore
# What drop_feature_import relies on: the hook in place, the function it wraps kept beside it, and
# the table of feature selections in PySide's feature module.
assert builtins.__import__ is builtins.__feature_import__, builtins.__import__
assert callable(builtins.__orig_import__)
feature = sys.modules["shibokensupport.feature"]
assert isinstance(feature.pyside_feature_dict, dict)
assert callable(feature.feature_imported)
wrapped = builtins.__orig_import__
import mandant_desktop
assert builtins.__import__ is wrapped, builtins.__import__
import json
assert "json" not in feature.pyside_feature_dict  # no longer inspected
# star imports still see the types PySide creates on first use
namespace = {}
exec("from PySide6.QtGui import *", namespace)
assert "QGradient" in namespace and "QAction" in namespace
print(wrapped.__name__)
"""


def test_pyside_first_then_the_package_drops_the_hook() -> None:
    # The order of the start probe (bench/startup.py) and of the test runs.
    assert _run(_PYSIDE_FIRST) == "__lazy_import__"


_PACKAGE_FIRST = """
import builtins
import mandant_desktop.bootstrap
assert not hasattr(builtins, "__feature_import__")
import mandant_desktop.ui.tasks
assert builtins.__import__ is builtins.__orig_import__
assert builtins.__import__ is not builtins.__feature_import__
print("ok")
"""


def test_the_programs_start_drops_the_hook_when_the_ui_is_imported() -> None:
    # The order of ``mandant-desktop``: the package and SQLAlchemy first, Qt with the UI.
    assert _run(_PACKAGE_FIRST) == "ok"


_FEATURE_USED = """
import builtins
import PySide6.QtCore
from __feature__ import snake_case
from mandant_desktop.pyside_import import drop_feature_import
assert not drop_feature_import()
assert builtins.__import__ is builtins.__feature_import__
print("kept")
"""


def test_the_hook_stays_when_a_module_selected_a_feature() -> None:
    assert _run(_FEATURE_USED) == "kept"


def test_the_ui_tests_run_without_the_hook() -> None:
    """This suite imports PySide6 before the package, as the start probe does: every UI test runs
    without the hook, so none of the program's code can rely on it."""
    assert not feature_import_active()


def test_no_module_of_the_program_selects_a_pyside_feature() -> None:
    package = Path(mandant_desktop.__file__).parent
    selects = re.compile(r"^\s*(from|import)\s+__feature__\b", re.MULTILINE)
    users = [str(path.relative_to(package)) for path in package.rglob("*.py") if selects.search(path.read_text())]
    assert users == []
