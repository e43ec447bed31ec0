"""mprotect of 1 MiB (twice: read-only, read-write) on the main thread, timed (thread CPU) while the other
core is idle, runs a thread of this process (pbkdf2, GIL released) or another process (pbkdf2).
A thread of the same address space running elsewhere has to have its TLB flushed (an IPI) at each change.

    chrt -r 10 .venv/bin/python docs/profiles/2026-12-04-start-argon/mprotect.py 15
"""

import ctypes
import hashlib
import mmap
import random
import statistics as st
import subprocess
import sys
import threading
import time

libc = ctypes.CDLL(None, use_errno=True)
libc.mprotect.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
buf = mmap.mmap(-1, 1 << 20)
addr = ctypes.addressof(ctypes.c_char.from_buffer(buf))
for i in range(0, 1 << 20, 4096):
    buf[i] = 1
N = 4000


def work():
    c = time.thread_time()
    for _ in range(N):
        libc.mprotect(addr, 1 << 20, 1)  # PROT_READ: needs the TLBs of every CPU running this mm flushed
        libc.mprotect(addr, 1 << 20, 3)
    return 1e6 * (time.thread_time() - c) / N


SPIN = "import hashlib, time\nwhile True:\n    hashlib.pbkdf2_hmac('sha256', b'x', b'salt', 5000)"


def run(kind):
    stop = threading.Event()
    proc = None
    t = None
    if kind == "thread":
        t = threading.Thread(target=lambda: hashlib.pbkdf2_hmac("sha256", b"x", b"s", 1_500_000))
        t.start()
    elif kind == "process":
        proc = subprocess.Popen([sys.executable, "-S", "-c", SPIN])
    time.sleep(0.05)
    us = work()
    stop.set()
    if t:
        t.join()
    if proc:
        proc.kill()
        proc.wait()
    return us


res = {k: [] for k in ("idle", "thread", "process")}
work()
for _ in range(int(sys.argv[1])):
    ks = list(res)
    random.shuffle(ks)
    for k in ks:
        res[k].append(run(k))
for k, v in res.items():
    print(f"{k:8} {st.median(v):6.2f} us per mprotect pair [{min(v):.2f}-{max(v):.2f}]")
