"""The cost of PySide's enum classes before "ready" (issue 8, ``startup``): what shiboken asks of
Python's ``enum`` module, and what each part of that costs, on Python 3.11, 3.12 and 3.13.

Run from a neutral folder::

    cd /tmp && PYTHONPATH=TREE TREE/.venv/bin/python TREE/docs/.../qtenum.py capture calls.json
        every enum class the start creates until "ready" (the bench's probe, large SQLite copy in
        SPREAD_DB): its base (Enum, IntEnum, Flag, IntFlag), name, members (name, value), boundary
        and thread, in order
    python3.X qtenum.py replay calls.json [ROUNDS]
        re-creates those classes (the main thread's) the way shiboken 6.11's createEnumForPython
        does (sbkenum.cpp: the functional API with boundary=KEEP, a ``_missing_`` partial on
        non-flag classes, __qualname__ and __module__ set afterwards), once in each of ROUNDS fresh
        subprocesses; prints the median CPU ms and the range. QTENUM_VARIANT and QTENUM_RANGE
        (below) change what is built
    python3.X qtenum.py parts calls.json
        cProfile of one replay: where enum.py spends it (members, class dict, flags, aliases)
    python3.X qtenum.py once calls.json [main]
        one replay in this process, nothing else (for callgrind; ``main`` = the main thread's only)
    TREE/.venv/bin/python qtenum.py first-qt
        after ``import PySide6.QtCore``: how many enum classes the first ``QtCore.Qt`` creates, and
        the CPU ms it takes

No PySide is needed for replay/parts/once: the classes are built from the captured lists, so any
interpreter can run them.
"""

from __future__ import annotations

import enum
import functools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

#: before the probe's text: every enum class created, with its base, members and thread
CAPTURE = """
import enum as _enum, os as _os, json as _json, threading as _th
_calls = []
_create = _enum.EnumType._create_
def _create_(cls, class_name, names, **kw):
    members = [[str(k), int(v)] for k, v in names] if not isinstance(names, (str, dict)) else names
    _calls.append(dict(base=cls.__name__, name=class_name, members=members,
                       boundary=getattr(kw.get("boundary"), "name", None),
                       main=_th.current_thread() is _th.main_thread()))
    return _create(cls, class_name, names, **kw)
_enum.EnumType._create_ = _create_
def _at_ready():
    with open(_os.environ["MEASURE_OUT"], "w") as out:
        out.write("[\\n" + ",\\n".join(_json.dumps(c) for c in _calls) + "\\n]\\n")
"""


def capture(out: str) -> None:
    docs = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(docs / "2026-12-04-start-enums"))
    import measure  # the probe runner of 2026-12-04-start-enums

    measure.spread.DB = os.environ.get("SPREAD_DB", "sqlite:////tmp/start-qtenum/bench-large.sqlite")
    wall, cpu = measure._probe_run(CAPTURE, out)
    calls = json.loads(Path(out).read_text())
    print(f"{len(calls)} enum classes until ready (wall {wall:.0f} ms, CPU {cpu:.0f} ms)")


def _missing(cls, value):  # stands in for shiboken's C _missing_ (never called while building)
    return None


#: QTENUM_VARIANT: what PYSIDE6_OPTION_PYTHON_ENUM's bits would change in the build
#: ("" as 6.11's default; "nomissing": ENOPT_NO_MISSING, 0x80; "int": ENOPT_INHERIT_INT, 0x02;
#: "none": no classes at all, the replay's own baseline; "dict": only the class namespace filled
#: (EnumType.__prepare__ and one _EnumDict.__setitem__ a member, as _create_ does before __new__);
#: "empty": every class with no members, the per-class part; "noflag": Flag and IntFlag built as
#: Enum and IntEnum, to see what the flag handling costs)
VARIANT = os.environ.get("QTENUM_VARIANT", "")


def build(calls: list[dict], main_only: bool = False) -> int:
    """The classes as shiboken 6.11 builds them (sbkenum.cpp, createEnumForPython)."""
    keep = getattr(enum, "KEEP", None)
    made = 0
    for call in calls:
        if (main_only and not call["main"]) or VARIANT == "none":
            continue
        base = getattr(enum, call["base"])
        if VARIANT == "int":
            base = enum.IntFlag if issubclass(base, enum.Flag) else enum.IntEnum
        if VARIANT == "noflag" and issubclass(base, enum.Flag):
            base = enum.IntEnum if issubclass(base, int) else enum.Enum
        kw = {"boundary": keep} if keep is not None else {}
        if VARIANT == "dict":
            space = type(base).__prepare__(call["name"], (base,))
            for key, value in call["members"]:
                space[key] = value
            made += 1
            continue
        if VARIANT == "empty":
            base(call["name"], [], **kw)
            made += 1
            continue
        cls = base(call["name"], [tuple(m) for m in call["members"]], **kw)
        if not issubclass(base, enum.Flag) and VARIANT != "nomissing":
            cls._missing_ = functools.partial(_missing, cls)
        cls.__qualname__ = "Qt." + call["name"]
        cls.__module__ = "PySide6.QtCore"
        made += 1
    return made


def _load(path: str) -> list[dict]:
    """The captured calls; QTENUM_RANGE=A:B keeps those from index A up to B (e.g. one class's)."""
    calls = json.loads(Path(path).read_text())
    first, _, last = os.environ.get("QTENUM_RANGE", ":").partition(":")
    return calls[int(first or 0) : int(last or len(calls))]


def once(path: str, main_only: bool) -> None:
    calls = _load(path)
    t0 = time.process_time()
    made = build(calls, main_only)
    print(f"{made} classes {1000 * (time.process_time() - t0):.2f} ms")


def replay(path: str, rounds: int) -> None:
    times = []
    for _ in range(rounds):
        text = subprocess.run(
            [sys.executable, __file__, "once", path, "main"], capture_output=True, text=True, check=True
        ).stdout
        times.append(float(text.split()[2]))
    times.sort()
    print(
        f"Python {sys.version.split()[0]}: {text.split()[0]} classes, CPU ms median {times[len(times) // 2]:.2f}"
        f" [{times[0]:.2f}-{times[-1]:.2f}] over {rounds} processes"
    )


def parts(path: str) -> None:
    import cProfile
    import pstats

    calls = [c for c in _load(path) if c["main"]]
    prof = cProfile.Profile()
    prof.enable()
    build(calls)
    prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("tottime").print_stats(18)
    kinds: dict[str, list[int]] = {}
    for c in calls:
        values = [v for _k, v in c["members"]]
        row = kinds.setdefault(c["base"], [0, 0, 0])
        row[0] += 1
        row[1] += len(values)
        row[2] += len(values) - len(set(values))
    for base, (classes, members, aliases) in sorted(kinds.items()):
        print(f"{base:8} {classes:4} classes {members:5} members {aliases:4} aliases (same value)")


def first_qt() -> None:
    from PySide6 import QtCore

    created: list[str] = []
    create = enum.EnumType._create_

    def counting(cls, class_name, names, **kw):
        created.append(class_name)
        return create(cls, class_name, names, **kw)

    enum.EnumType._create_ = counting  # this measuring process only
    t0 = time.process_time()
    assert QtCore.Qt is not None
    spent = 1000 * (time.process_time() - t0)
    print(f"QtCore.Qt first touched: {len(created)} enum classes, {spent:.1f} ms CPU")


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "first-qt":
        first_qt()
    elif mode == "capture":
        capture(sys.argv[2])
    elif mode == "replay":
        replay(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 15)
    elif mode == "parts":
        parts(sys.argv[2])
    else:
        once(sys.argv[2], len(sys.argv) > 3 and sys.argv[3] == "main")
