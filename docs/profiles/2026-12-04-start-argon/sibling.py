"""A fixed piece of Python on the main thread, timed (thread CPU) while the other core runs something
or nothing: is the main thread slowed by argon2's memory traffic, or by any work beside it?

    chrt -r 10 .venv/bin/python docs/profiles/2026-12-04-start-argon/sibling.py 30

Conditions, in a fresh random order each round (the beside-work starts, then the main thread's
work runs while it is still busy; the beside-work runs at least as long as the main thread's):

- ``idle``: nothing beside.
- ``argon``: the program's check (argon2id m=64 MiB, t=3, p=4 on one thread), repeated.
- ``argonl2``: argon2id m=1 MiB (in the 2-MiB L2), t=330 on one thread: its CPU, no memory traffic.
- ``stream``: two 64-MiB buffers copied into each other again and again (``ctypes.memmove``, GIL
  released): memory traffic, little compute.
- ``spin``: ``hashlib.pbkdf2_hmac`` (compute in registers; it lets go of the GIL).

The main thread's work is an import-and-bytecode mix like the start's: ``json``/``decimal`` of a
fixed document, plus compiling a source text (dict/str/small-object churn).
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import random
import statistics as st
import sys
import threading
import time
from decimal import Decimal

from argon2.low_level import Type, hash_secret_raw

from mandant_desktop.services import passwords

REAL = "$argon2id$v=19$m=65536,t=3,p=4$3p0pguj6ICL2Pnl0hJPXOg$hbMTJG5fgoy5EHvngGlimX4rcSmhGXt30UE2Tk7dHFQ"
L2 = "$argon2id$v=19$m=1024,t=330,p=4$CfoMDMN65rhgfX06W+NCBQ$zwAG+58wSjBrmurJ1BxJiRZTbi1vj5OsGCzEBlre290"
SOURCE = open(json.__file__.replace("__init__.py", "decoder.py")).read()  # noqa: SIM115
DOC = {"rows": [{"id": i, "name": f"Kunde {i}", "amount": str(Decimal(i) / 7)} for i in range(2000)]}


def main_work() -> float:
    start = time.thread_time()
    for _ in range(40):
        text = json.dumps(DOC)
        json.loads(text)
        compile(SOURCE, "decoder.py", "exec")
        sum(Decimal(r["amount"]) for r in DOC["rows"])
    return 1000 * (time.thread_time() - start)


def beside(kind: str, stop: threading.Event) -> None:
    if kind == "argon":
        while not stop.is_set():
            passwords._one_thread_matches(REAL, "mandant-demo")
    elif kind == "argonl2":
        while not stop.is_set():
            passwords._one_thread_matches(L2, "mandant-demo")
    elif kind == "stream":
        size = 64 << 20
        a, b = ctypes.create_string_buffer(size), ctypes.create_string_buffer(size)
        while not stop.is_set():
            ctypes.memmove(a, b, size)  # a ctypes call: lets go of the GIL
            ctypes.memmove(b, a, size)
    elif kind == "spin":
        while not stop.is_set():
            hashlib.pbkdf2_hmac("sha256", b"x", b"salt", 20_000)


def main(rounds: int) -> None:
    kinds = ["idle", "argon", "argonl2", "stream", "spin"]
    rng = random.Random(4)
    results: dict[str, list[float]] = {k: [] for k in kinds}
    hash_secret_raw(b"x", b"saltsalt", 1, 8, 1, 16, Type.ID)  # warm the binding
    main_work()
    for _ in range(rounds):
        order = kinds[:]
        rng.shuffle(order)
        for kind in order:
            stop = threading.Event()
            thread = threading.Thread(target=beside, args=(kind, stop))
            thread.start()
            time.sleep(0.02)  # the beside-work under way
            results[kind].append(main_work())
            stop.set()
            thread.join()
    base = results["idle"]
    print(f"{rounds} rounds; main-thread CPU of the fixed work, ms: median [min-max]; paired vs idle")
    for kind in kinds:
        xs = results[kind]
        deltas = sorted(x - b for x, b in zip(xs, base, strict=True))
        print(
            f"{kind:8} {st.median(xs):6.1f} [{min(xs):.1f}-{max(xs):.1f}]  "
            f"delta {st.median(deltas):+6.1f} ms ({100 * st.median(deltas) / st.median(base):+.1f} %)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]))
