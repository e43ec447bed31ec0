import sys, time
from bench.qt import Session, settle
from bench.harness import counting
from bench.pages import PAGE_VIEWS, _switch
from mandant_desktop.ui import tasks
s = Session(sys.argv[1])
s.window.change_watcher.stop()
if s.window.monitor is not None: s.window.monitor.stop()
only = sys.argv[2].split(",") if len(sys.argv) > 2 else list(PAGE_VIEWS)
for p in only:
    _switch(s, p, PAGE_VIEWS[p], first=True)
    tasks.wait_for_all(); settle(50)
    s.forget_page(p); s.window.show_page("settings" if p != "settings" else "tenants"); tasks.wait_for_all(); settle(50)
    times = []
    import sqlalchemy.event as ev
    def before(conn, cur, st, params, ctx, many):
        conn.info['t0'] = time.perf_counter()
    def after(conn, cur, st, params, ctx, many):
        import threading; times.append((1000*(time.perf_counter()-conn.info['t0']), ('GUI ' if threading.current_thread() is threading.main_thread() else 'wrk ') + st.replace("\n"," ")[:140]))
    ev.listen(s.engine, "before_cursor_execute", before); ev.listen(s.engine, "after_cursor_execute", after)
    t = time.perf_counter()
    s.window.show_page(p); tasks.wait_for_all(); settle(100)
    ev.remove(s.engine, "before_cursor_execute", before); ev.remove(s.engine, "after_cursor_execute", after)
    print(f"== {p}: {len(times)} statements, {sum(x for x,_ in times):.1f} ms in SQL; on GUI thread: {sum(1 for _,t in times if t.startswith('GUI'))} statements {sum(x for x,t in times if t.startswith('GUI')):.1f} ms")
    for ms, st in sorted(times, reverse=True)[:int(sys.argv[3]) if len(sys.argv)>3 else 6]:
        print(f"   {ms:7.1f}  {st}")
s.close()
