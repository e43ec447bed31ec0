"""Heavy modules load when their feature is used, not when the program starts (issue 8: startup)."""

from __future__ import annotations

import subprocess
import sys


def _imported_after(module: str, heavy: tuple[str, ...]) -> list[str]:
    code = f"import sys, {module}; print(','.join(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return [m for m in out.strip().split(",") if m]


def test_exports_load_openpyxl_on_first_use() -> None:
    """S7 exports stream through openpyxl, which (with lxml) costs half a second to import."""
    assert _imported_after("mandant_desktop.services.assignments", ("openpyxl", "lxml")) == []


def test_the_password_module_hashes_nothing_on_import() -> None:
    """S1: the dummy hash that equalises the time of unknown user names is made on first use."""
    code = "import mandant_desktop.services.passwords as p; print(p._dummy_hash.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"
