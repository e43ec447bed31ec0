"""argon2id m=64 MiB t=3 p=4 (one thread) with its memory from malloc (std), from an mmap (mm), an mmap
with MAP_POPULATE (pop) or with MADV_HUGEPAGE (thp), through the context's allocate callback.

    .venv/bin/python docs/profiles/2026-12-04-start-argon/alloc.py std|mm|pop|thp
"""

import base64
import mmap
import resource
import sys
import time

from argon2 import extract_parameters
from argon2.low_level import core, ffi, lib

H = "$argon2id$v=19$m=65536,t=3,p=4$3p0pguj6ICL2Pnl0hJPXOg$hbMTJG5fgoy5EHvngGlimX4rcSmhGXt30UE2Tk7dHFQ"
keep = {}


@ffi.callback("int(uint8_t **, size_t)")
def alloc(mem, size):
    m = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    if sys.argv[1] == "pop":
        m = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | mmap.MAP_POPULATE)
    if sys.argv[1] == "thp":
        m.madvise(mmap.MADV_HUGEPAGE)
    buf = ffi.from_buffer(m)
    keep[int(ffi.cast("uintptr_t", buf))] = (m, buf)
    mem[0] = ffi.cast("uint8_t *", buf)
    return 0


@ffi.callback("void(uint8_t *, size_t)")
def free(memory, size):
    m, buf = keep.pop(int(ffi.cast("uintptr_t", memory)))
    del buf
    m.close()


def run(mode):
    p = extract_parameters(H)
    salt_t, dig_t = H.split("$")[-2:]
    salt = base64.b64decode(salt_t + "=" * (-len(salt_t) % 4))
    exp = base64.b64decode(dig_t + "=" * (-len(dig_t) % 4))
    pw = b"mandant-demo"
    out = ffi.new("uint8_t[]", 32)
    cp = ffi.new("uint8_t[]", pw)
    cs = ffi.new("uint8_t[]", salt)
    ctx = ffi.new(
        "argon2_context *",
        {
            "out": out,
            "outlen": 32,
            "pwd": cp,
            "pwdlen": len(pw),
            "salt": cs,
            "saltlen": len(salt),
            "secret": ffi.NULL,
            "secretlen": 0,
            "ad": ffi.NULL,
            "adlen": 0,
            "t_cost": p.time_cost,
            "m_cost": p.memory_cost,
            "lanes": p.parallelism,
            "threads": 1,
            "version": p.version,
            "allocate_cbk": alloc if mode != "std" else ffi.NULL,
            "free_cbk": free if mode != "std" else ffi.NULL,
            "flags": lib.ARGON2_DEFAULT_FLAGS,
        },
    )
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    c = time.thread_time()
    w = time.perf_counter()
    rc = core(ctx, p.type.value)
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    ok = bytes(ffi.buffer(out, 32)) == exp
    return (
        rc,
        ok,
        round(1000 * (time.thread_time() - c)),
        round(1000 * (r1.ru_utime - r0.ru_utime)),
        round(1000 * (r1.ru_stime - r0.ru_stime)),
        r1.ru_minflt - r0.ru_minflt,
        round(1000 * (time.perf_counter() - w)),
    )


print(sys.argv[1], run(sys.argv[1]))
