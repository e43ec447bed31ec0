"""Profile OrgUnitsService.move of "Datenschutz" on a copy of the large demo (issue 8).

Usage: profile_move.py URL TARGET move|noop|moveundo  (PYTHONPATH pointing at another checkout runs its code).
Prints JSON: wall and CPU time, statements and the time spent waiting on them, cProfile's top 25, and a
hash of role_assignment, the inheritance marks and org_unit before and after (and after undo and redo).
"""

import cProfile
import hashlib
import io
import json
import pstats
import sys
import time
from typing import Any

from sqlalchemy import event, text

import mandant_desktop
from mandant_desktop.db.engine import create_engine_for, make_session_factory
from mandant_desktop.services.operator import system_operator
from mandant_desktop.services.org_units import OrgUnitsService

TABLES = (
    ("ra", "select user_id, org_unit_id, role_id, coalesce(inherited_from_id, 0) from role_assignment order by 1,2,3"),
    ("src", "select user_id, org_unit_id from inheritance_source order by 1, 2"),
    ("brk", "select user_id, org_unit_id from inheritance_break order by 1, 2"),
    ("ou", "select id, coalesce(parent_id, 0), depth from org_unit order by 1"),
)

url, target_name, mode = sys.argv[1], sys.argv[2], sys.argv[3]
engine = create_engine_for(url)
service = OrgUnitsService(make_session_factory(engine))
op = system_operator("bench")


def state() -> dict[str, Any]:
    found: dict[str, Any] = {}
    with engine.connect() as connection:
        for name, query in TABLES:
            digest, count = hashlib.sha256(), 0
            for row in connection.execute(text(query)):
                digest.update(repr(tuple(row)).encode())
                count += 1
            found[name] = (count, digest.hexdigest()[:16])
        found["audit"] = connection.execute(text("select count(*) from audit_log")).scalar()
    return found


def same(a: dict[str, Any], b: dict[str, Any]) -> dict[str, bool]:
    return {name: a[name] == b[name] for name, _query in TABLES}


with engine.connect() as connection:
    uid, parent = connection.execute(text("select id, parent_id from org_unit where name = 'Datenschutz'")).one()
    target = connection.execute(text("select id from org_unit where name = :n"), {"n": target_name}).scalar()
if mode == "noop":
    target = parent
statements: list[tuple[float, str, bool]] = []


def before(_conn: Any, _cursor: Any, _statement: str, _params: Any, context: Any, _many: bool) -> None:
    context.started = time.perf_counter()


def after(_conn: Any, _cursor: Any, statement: str, _params: Any, context: Any, many: bool) -> None:
    statements.append((time.perf_counter() - context.started, " ".join(statement[:160].split()), many))


pre = state()
event.listen(engine, "before_cursor_execute", before)
event.listen(engine, "after_cursor_execute", after)
profile = cProfile.Profile()
cpu0, wall0 = time.process_time(), time.perf_counter()
profile.enable()
change = service.move(op, uid, target)
profile.disable()
wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
report = io.StringIO()
pstats.Stats(profile, stream=report).sort_stats("cumulative").print_stats(25)
out: dict[str, Any] = {
    "code": mandant_desktop.__file__,
    "mode": mode,
    "unit": uid,
    "from": parent,
    "to": target,
    "wall": round(wall, 3),
    "cpu": round(cpu, 3),
    "statements": len(statements),
    "sql_wait": round(sum(s[0] for s in statements), 3),
    "created": len(change.created),
    "removed": len(change.removed),
    "size": change.size,
    "top_statements": sorted(((round(s[0], 3), s[1], s[2]) for s in statements), reverse=True)[:8],
    "profile": report.getvalue(),
}
post = state()
out["pre"], out["post"] = pre, post
if mode == "moveundo":
    for step in ("undo", "redo"):
        statements.clear()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        change = service.revert(op, change)
        out[f"{step}_wall"] = round(time.perf_counter() - wall0, 3)
        out[f"{step}_cpu"] = round(time.process_time() - cpu0, 3)
        out[f"{step}_statements"] = len(statements)
        out[f"{step}_equal"] = same(state(), pre if step == "undo" else post)
print(json.dumps(out, indent=1, default=str))
