"""Profile OrgUnitsService.move of Datenschutz on a copy (run with PYTHONPATH for the old code)."""
import cProfile, hashlib, io, json, pstats, sys, time, resource
from sqlalchemy import event, text
from mandant_desktop.db.engine import create_engine_for, make_session_factory
from mandant_desktop.services.operator import system_operator
from mandant_desktop.services.org_units import OrgUnitsService
import mandant_desktop

url, target_name, mode = sys.argv[1], sys.argv[2], sys.argv[3]  # mode: move | noop | moveundo
engine = create_engine_for(url)
factory = make_session_factory(engine)
svc = OrgUnitsService(factory)
op = system_operator("bench")

def state():
    h = {}
    with engine.connect() as c:
        for name, q in (
            ("ra", "select user_id, org_unit_id, role_id, coalesce(inherited_from_id,0) from role_assignment order by 1,2,3"),
            ("src", "select user_id, org_unit_id from inheritance_source order by 1,2"),
            ("brk", "select user_id, org_unit_id from inheritance_break order by 1,2"),
            ("ou", "select id, coalesce(parent_id,0), depth from org_unit order by 1"),
        ):
            m = hashlib.sha256(); n = 0
            for r in c.execute(text(q)):
                m.update(repr(tuple(r)).encode()); n += 1
            h[name] = (n, m.hexdigest()[:16])
        h["audit"] = c.execute(text("select count(*) from audit_log")).scalar()
    return h

with engine.connect() as c:
    unit = c.execute(text("select id, parent_id from org_unit where name='Datenschutz'")).first()
    tgt = c.execute(text("select id from org_unit where name=:n"), {"n": target_name}).scalar()
uid, parent = unit
target = parent if mode == "noop" else tgt
stmts = []
def before(conn, cursor, statement, params, context, many):
    context._t0 = time.perf_counter()
def after(conn, cursor, statement, params, context, many):
    stmts.append((time.perf_counter() - context._t0, statement[:160].replace("\n", " "), many, len(params) if isinstance(params, (list, tuple)) else 1))
pre = state()
event.listen(engine, "before_cursor_execute", before)
event.listen(engine, "after_cursor_execute", after)
prof = cProfile.Profile()
c0 = time.process_time(); t0 = time.perf_counter()
prof.enable()
change = svc.move(op, uid, target)
prof.disable()
wall = time.perf_counter() - t0; cpu = time.process_time() - c0
n_move = len(stmts); sql_move = sum(s[0] for s in stmts)
out = {"code": mandant_desktop.__file__, "mode": mode, "unit": uid, "from": parent, "to": target,
       "wall": round(wall, 3), "cpu": round(cpu, 3), "statements": n_move, "sql_wait": round(sql_move, 3),
       "created": len(change.created), "removed": len(change.removed), "size": change.size,
       "top_statements": sorted([(round(s[0], 3), s[1], s[2], s[3]) for s in stmts], reverse=True)[:8]}
s = io.StringIO(); pstats.Stats(prof, stream=s).sort_stats("cumulative").print_stats(25)
out["profile"] = s.getvalue()
post = state(); out["pre"], out["post"] = pre, post
if mode == "moveundo":
    stmts.clear(); t0 = time.perf_counter(); c0 = time.process_time()
    inv = svc.revert(op, change)
    out["undo_wall"] = round(time.perf_counter() - t0, 3); out["undo_cpu"] = round(time.process_time() - c0, 3)
    out["undo_statements"] = len(stmts)
    back = state()
    out["undone_equal"] = {k: back[k] == pre[k] for k in ("ra", "src", "brk", "ou")}
    stmts.clear(); t0 = time.perf_counter()
    svc.revert(op, inv)
    out["redo_wall"] = round(time.perf_counter() - t0, 3); out["redo_statements"] = len(stmts)
    redo = state()
    out["redone_equal"] = {k: redo[k] == post[k] for k in ("ra", "src", "brk", "ou")}
print(json.dumps(out, indent=1, default=str))
