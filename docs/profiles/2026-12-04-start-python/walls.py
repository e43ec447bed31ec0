# ruff: noqa: E501 - a measuring script; its probe text and commands are kept on one line each
"""wall/CPU time of each phase mark, natively. usage: walls.py WORKTREE N"""

import collections
import os
import statistics as st
import subprocess
import sys
import tempfile
from pathlib import Path

sys.argv = [sys.argv[0], sys.argv[1], "/tmp/x", "0", *sys.argv[2:]]
# phases.py up to its runs: its marks (INSTR), probe_text(), start_env(), tree and DB
src = Path(__file__).with_name("phases.py").read_text().split("outdir.mkdir")[0]
ns: dict = {}
exec(src, ns)
probe_text, start_env, tree, DB = ns["probe_text"], ns["start_env"], ns["tree"], ns["DB"]
n = int(sys.argv[4])
text = (
    probe_text()
    .replace(
        '_cg = _ct.CDLL("/tmp/start-python/cg/cgmark.so")',
        "import time as _t, threading as _th\n_T0 = _t.perf_counter()",
    )
    .replace(
        "_cg.cg_dump(name.encode())",
        'print(f"MARK {name} {1000*(_t.perf_counter()-_T0):.1f} {1000*_t.thread_time():.1f} {1000*_t.process_time():.1f} {_th.current_thread().name}", file=_sys.stderr, flush=True)',
    )
)
py = f"{tree}/.venv/bin/python"
res = collections.defaultdict(list)
with tempfile.TemporaryDirectory() as scratch:
    env = start_env(scratch)
    cmd = [py, "-c", text, "--db", DB]
    if os.environ.get("CHRT"):
        cmd = ["chrt", "-r", "10", *cmd]
    subprocess.run(cmd, env=env, capture_output=True, cwd="/tmp")
    for _i in range(n):
        p = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd="/tmp")
        for line in p.stderr.splitlines():
            if line.startswith("MARK"):
                _, name, w, t, c, th = line.split()
                res[name + "@" + th[:8]].append((float(w), float(t), float(c)))
print(f"load {os.getloadavg()[0]:.1f}")
for name in sorted(res, key=lambda k: __import__("statistics").median(x[0] for x in res[k])):
    v = res[name]
    print(
        f"{name:24} wall {st.median(x[0] for x in v):7.1f}  main-cpu {st.median(x[1] for x in v):7.1f}  proc-cpu {st.median(x[2] for x in v):7.1f}"
    )
