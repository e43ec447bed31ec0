import sys, time
import bench.qt as bq
from bench.qt import Session, settle
from bench.pages import PAGE_VIEWS, _switch
from mandant_desktop.ui import tasks
hist = []
orig = bq._PaintWatch.__init__
def init(self, *a, **k):
    orig(self, *a, **k); hist.append(self)
bq._PaintWatch.__init__ = init
s = Session(sys.argv[1])
s.window.change_watcher.stop()
if s.window.monitor is not None: s.window.monitor.stop()
for p in sys.argv[2].split(","):
    for first in (True, True, True, False):
        hist.clear()
        ms, cpu, _cpu_all = _switch(s, p, PAGE_VIEWS[p], first=first)
        print(f"== {p} first={first}: {ms:.1f} ms, gui cpu {cpu:.1f}")
        for w in hist:
            for line in w.history: print("   ", line)
s.close()
