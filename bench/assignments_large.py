"""Time the users, roles and role assignment services and the assignment grid on the large demo.

    .venv/bin/mandant-admin demo --scale large --db sqlite:////tmp/large.sqlite
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/assignments_large.py sqlite:////tmp/large.sqlite

Each step has a budget (SPEC section 8: every page stays responsive at 5,000 units, 10,000 users
and 1,000,000 assignments); the script prints the times and exits 1 when a budget is exceeded.
It is not part of the test suite, which must stay fast.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QTableView

from mandant_desktop import bootstrap
from mandant_desktop.services.assignments import BulkEdit
from mandant_desktop.services.demo import ADMIN_PASSWORD, ADMIN_USERNAME
from mandant_desktop.services.users import UserFilter, UserSort
from mandant_desktop.ui.assignments.grid import AssignmentGridModel, ChipDelegate

over_budget: list[str] = []


def timed(label: str, budget_ms: float, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    elapsed = 1000 * (time.perf_counter() - start)
    flag = "" if elapsed <= budget_ms else "  OVER BUDGET"
    if flag:
        over_budget.append(label)
    print(f"{label:48s} {elapsed:8.1f} ms  (budget {budget_ms:.0f}){flag}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="database URL of the large demo")
    args = parser.parse_args()
    app = bootstrap.open_database(args.url)
    try:
        operator = app.services.auth.login(ADMIN_USERNAME, ADMIN_PASSWORD)
        s = app.services
        units = timed("assignment rows: all units", 500, s.assignments.units, operator)
        users = timed("assignment columns: all internal users", 500, s.assignments.users, operator)
        print(f"  {len(units)} units × {len(users)} users")
        roles = timed("roles with permission counts", 100, s.assignments.roles, operator)
        timed("units where the operator may assign", 200, s.assignments.assignable_units, operator)
        middle_units = [u.id for u in units[2500:2564]]
        middle_users = [u.id for u in users[4000:4032]]
        timed("one block of cells, 64 × 32", 100, s.assignments.cells, operator, middle_units, middle_users)
        three = tuple(r.id for r in roles[:3])
        small = BulkEdit(False, three, tuple(u.id for u in users[100:110]), tuple(u.id for u in units[1000:1005]))
        timed("bulk preview 3 roles × 10 users × 5 units", 200, s.assignments.preview, operator, small)
        big = BulkEdit(False, three, tuple(u.id for u in users[100:600]), tuple(u.id for u in units[1000:1100]))
        timed("bulk preview 3 × 500 × 100", 1000, s.assignments.preview, operator, big)
        timed("users: first page by name", 200, s.users.page, operator)
        timed(
            "users: first page by status, descending",
            200,
            s.users.page,
            operator,
            sort=UserSort.STATUS,
            descending=True,
        )
        timed("users: search", 300, s.users.page, operator, search="mül")
        timed("users: cannot log in", 300, s.users.page, operator, kind=UserFilter.CANNOT_LOG_IN)
        listed = timed("roles: list", 100, s.roles.list_roles, operator)
        timed("roles: impact of a widely held role", 500, s.roles.impact, operator, listed[-1].id)

        qt = QApplication.instance() or QApplication(sys.argv[:1])
        model = AssignmentGridModel(lambda unit_ids, user_ids: s.assignments.cells(operator, unit_ids, user_ids))
        model.set_axes(units, users)
        view = QTableView()
        view.setModel(model)
        view.setItemDelegate(ChipDelegate(view))
        view.resize(1400, 900)
        view.show()
        qt.processEvents()
        timed("grid: first paint", 200, view.viewport().repaint)

        def scroll() -> None:
            for _ in range(20):
                view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 400)
                view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 300)
                view.viewport().repaint()

        timed("grid: 20 scroll steps, each repainted", 2000, scroll)
        print(f"  blocks fetched: {model.fetch_count}")
        view.close()
    finally:
        app.close()
    if over_budget:
        print("over budget: " + ", ".join(over_budget))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
