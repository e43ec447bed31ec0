"""The ORM warm-up of a start and the workers' first database calls, at the same moment (issue 8,
SPEC S5): no call may import the ORM while the warm-up does.

Two threads importing ``sqlalchemy.orm`` at once deadlock inside CPython's import system now and
then (a worker's ``from sqlalchemy.orm.exc import StaleDataError`` against the warm-up's
``import sqlalchemy.orm``): ``_DeadlockError`` in one thread, a partially initialized module in the
other. Import races need a fresh interpreter, so each round is a process of its own.
"""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from uihelpers import program_environment

ROUNDS = 24

#: one round: the launcher's wiring, the warm-up started and, at once, tasks doing what a page's
#: save does (an ORM unit of work that commits) and what a page's load does (a service's read)
PROBE = """
import sys, threading, traceback
sys.setswitchinterval(1e-6)  # switch threads often: many interleavings in one round
from PySide6.QtWidgets import QApplication
from mandant_desktop import bootstrap
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.unit_of_work import UnitOfWork
from mandant_desktop.ui import tasks

application = QApplication([])
tasks.set_call_gate(bootstrap.orm_gate.work)  # as ui.launcher does before the first task
ctx = bootstrap.open_database(sys.argv[1])
operator = Operator(id=None, username="probe", is_system=True)
failures = []

def commit():
    # the first ORM module a call meets may be a submodule: UnitOfWork.commit, tenant_data's conflicts
    from sqlalchemy.orm.exc import StaleDataError
    with UnitOfWork(ctx.session_factory, operator) as uow:
        uow.commit()

def read():
    from mandant_desktop.db.models import Tenant
    with ctx.session_factory() as session:
        session.get(Tenant, 1)

def recorded(fn):
    try:
        fn()
    except BaseException:
        failures.append(traceback.format_exc())

def warm_up():
    try:
        bootstrap._load_orm(ctx)
    except BaseException:
        failures.append("warm-up: " + traceback.format_exc())

runner = tasks.TaskRunner(application)
warm = threading.Thread(target=warm_up)
if sys.argv[2] == "a task first":  # a call in flight when the warm-up begins
    runner.run(None, recorded, commit)
warm.start()
for fn in (commit, read, commit):
    runner.run(None, recorded, fn)
warm.join()
runner.wait_for_all(60000)
ctx.close()
print("\\n".join(failures) or "ok")
"""


def test_no_task_imports_the_orm_while_the_warm_up_does(admin_url: str, tmp_path: Path) -> None:
    """issue 8, S5: the warm-up and the tasks begun with it, in many fresh interpreters, all succeed."""
    env = program_environment(tmp_path)

    def one_round(number: int) -> str:
        order = "a task first" if number % 2 else "warm-up first"
        done = subprocess.run(
            [sys.executable, "-c", PROBE, admin_url, order], capture_output=True, text=True, env=env, timeout=120
        )
        return done.stdout.strip() if done.returncode == 0 else done.stderr

    with ThreadPoolExecutor(2) as pool:
        outcomes = list(pool.map(one_round, range(ROUNDS)))
    failed = [outcome for outcome in outcomes if outcome != "ok"]
    assert failed == [], f"{len(failed)} of {ROUNDS} rounds failed; the first:\n{failed[0]}"
