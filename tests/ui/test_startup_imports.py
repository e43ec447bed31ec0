"""The real program, started in its own interpreter, imports no heavy module before its main window
is usable (issue 8: ``startup``; SPEC section 9 start-up, S1 log-in through the environment).

openpyxl (with lxml and defusedxml) belongs to exports and imports, Alembic to schema upgrades,
keyring to saved passwords, smtplib to mail; the pages not shown first are imported when opened, and
so are the dialogs (about, connection, log-in) when a start does not show them.
"""

from __future__ import annotations

import dataclasses
import importlib
import subprocess
import sys
from pathlib import Path

from uihelpers import program_environment

from bench.startup import loaded_modules, probe_command

HEAVY = (
    "openpyxl",
    "lxml",
    "defusedxml",
    "alembic",
    "keyring",
    "smtplib",
    "casbin",
    "PySide6.QtSvg",
    "sqlalchemy.dialects.postgresql",
    "mandant_desktop.services.imports",
    "mandant_desktop.services.exports",
    "mandant_desktop.ui.assignments.page",
    "mandant_desktop.ui.org_units.page",
    "mandant_desktop.ui.customers.page",
    "mandant_desktop.ui.audit.page",
    # dialogs a start without the log-in dialog does not show
    "mandant_desktop.ui.about_dialog",
    "mandant_desktop.ui.connection_dialog",
    "mandant_desktop.ui.login_dialog",
    "mandant_desktop.ui.first_admin_dialog",
    "mandant_desktop.ui.tenants.tenant_dialog",
    # what only --demo or a first start without any profile needs
    "mandant_desktop.ui.demo_progress",
    "mandant_desktop.ui.profile_model",
    # the record of a changing call's rows: a start records nothing before its window is usable
    "mandant_desktop.services.change_record",
    # the ORM and the declarative models: the log-in and the start page work on Core, the ORM
    # loads on a thread of its own once the page has painted its data
    "sqlalchemy.orm",
    "mandant_desktop.db.models",
)

#: the most dataclasses the modules of a start may define: a start compiles each one's generated
#: methods at run time (about 1 ms of CPU for a frozen one; docs/profiles/2026-12-04-start-compile).
#: Rows and constants read at start are named tuples instead.
START_DATACLASSES = 16


def _dataclasses_defined_in(modules: set[str]) -> list[str]:
    found = []
    for name in sorted(module for module in modules if module.startswith("mandant_desktop")):
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == name:
                found.append(f"{name}.{value.__qualname__}")
    return found


def test_the_main_window_is_usable_before_any_heavy_module_is_imported(admin_url: str, tmp_path: Path) -> None:
    """The start probe of the ``startup`` benchmark (bench/start_probe.py): once the main window has
    painted and the page shown has its data, which modules are loaded."""
    env = program_environment(tmp_path)
    command = probe_command("--db", admin_url, "--page", "tenants", "--lang", "en")
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    ready = next(line for line in done.stdout.splitlines() if line.startswith("ready "))
    assert ready.split()[2] == "page.tenants"
    loaded = [module for module in HEAVY if module in loaded_modules(done.stdout)]
    assert loaded == [], f"imported before the main window was usable: {loaded}"
    defined = _dataclasses_defined_in(loaded_modules(done.stdout))
    assert len(defined) <= START_DATACLASSES, f"dataclasses defined at start: {defined}"


#: what the early password check (``__main__._start_password_check``) must not wait for: on
#: SQLite and PostgreSQL it reads the hash with the driver, before SQLAlchemy is imported
_BEFORE_THE_CHECK = ("sqlalchemy", "mandant_desktop.db.models", "PySide6")

_EARLY = """
import sys
from mandant_desktop import bootstrap
import mandant_desktop.db.driver_read
import mandant_desktop.services.password_check
print("loaded=" + ",".join(m for m in {modules!r} if m in sys.modules), flush=True)
"""


def test_the_password_check_starts_before_the_orm_is_imported() -> None:
    """Issue 8 ``startup``, S1: the log-in's argon2 check can begin at launch, because bootstrap,
    the driver's read of the hash and the check import neither SQLAlchemy nor the models (nor Qt)."""
    done = subprocess.run(
        [sys.executable, "-c", _EARLY.format(modules=_BEFORE_THE_CHECK)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "loaded=", done.stdout
