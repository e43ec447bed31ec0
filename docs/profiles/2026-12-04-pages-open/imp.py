import sys, time
from bench.qt import Session, settle
s = Session(sys.argv[1])
from mandant_desktop import bootstrap
bootstrap.warm_up_orm(s.app).join()
from mandant_desktop.ui.pages import PAGES
for e in PAGES:
    t = time.perf_counter(); c = time.thread_time(); e.load(); print(f"{e.page_id:12s} import {1000*(time.perf_counter()-t):6.1f} ms  cpu {1000*(time.thread_time()-c):6.1f}")
s.close()
