"""Calls from Qt's C++ into Python on the start's main thread until "ready" (issue 8), counted with a
profile hook in a copy of the bench's start probe. (callgrind cannot name them: the PySide6 modules
are stripped, shiboken's generated ``*Wrapper::data`` and the like have no symbols.)

Run from a neutral folder with a worktree's venv, on a copy of the large bench database::

    cd /tmp && SPREAD_DB=sqlite:////tmp/X/bench-large.sqlite PYTHONPATH=TREE TREE/.venv/bin/python \\
        TREE/docs/profiles/2026-12-04-start-callbacks/callbacks.py count out.tsv    # one start, counted
    ... callbacks.py report out.tsv [old.tsv]     # entries from C by function and phase (old beside it)
    ... callbacks.py summary old.tsv out.tsv      # entries from Qt: ours, enum conversions, the probe
    ... callbacks.py detail out.tsv REGEX         # (function, C caller) pairs, e.g. 'enum.py'

``count``: ``sys.setprofile`` on the main thread from the probe's first line to "ready". A Python
function is *entered from C* when the innermost open call is a C function (``c_call`` not yet
returned): a Qt virtual (``data``, ``eventFilter``, ``paintEvent`` …) dispatched by shiboken from
inside ``show()``, ``exec()`` or a Qt call of ours, a slot of a signal, a timer's callback, but also
``sorted(key=…)`` and the like (the C function is recorded, so those can be told apart). Calls made
through a type call (a constructor) are not preceded by a ``c_call`` event and count as Python
calls; the column ``virtual`` marks functions whose name is an attribute of a PySide base class of
their ``self``, whoever called them. Phases: ``build`` (until ``exec``), ``paint1`` (until the first
paint's line), ``ready`` (until the ready line). The probe's own filter and timer (``<string>``)
are listed as such. Only entries are counted (and the Python calls below them, ``below``), not time.
"""

from __future__ import annotations

import collections
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "2026-12-04-startup-spread"))
import spread

from bench import startup

spread.DB = os.environ.get("SPREAD_DB", "sqlite:////tmp/start-callbacks/bench-large.sqlite")

#: before the probe's text: the profile hook; ``_phase(name)`` switches the phase, ``_at_ready()`` writes
HOOK = r"""
import sys as _sys, os as _os
_counts = {}       # (phase, code, c caller or '') -> [entries, python calls below them]
_seen = {}         # code -> (label, virtual?)
_stack = []        # per open call: None for a C function, else [key or None]
_phase_now = ["build"]
def _label(frame):
    code = frame.f_code
    where = code.co_filename.split("site-packages/")[-1].split("mandant_desktop/")[-1]
    where = "probe" if where == "<string>" else where
    virtual = False
    me = frame.f_locals.get("self") if code.co_argcount else None
    if me is not None:
        for base in type(me).__mro__:
            if base.__module__.startswith("PySide6") and code.co_name in base.__dict__:
                virtual = True
                break
    return f"{where}:{code.co_firstlineno}:{code.co_qualname}", virtual
def _prof(frame, event, arg):
    if event == "call":
        code = frame.f_code
        if code not in _seen:
            _seen[code] = _label(frame)
        if _stack and _stack[-1] is None:
            caller = _c_names[-1]
            if code.co_name == "__call__" and code.co_filename.endswith("enum.py"):
                caller = f"{frame.f_locals.get('cls').__name__}() from {caller}"
            elif code.co_name == "__get__" and code.co_filename.endswith("enum.py"):
                owner = type(frame.f_locals.get("instance")).__name__
                caller = f"{owner}.{frame.f_locals.get('self').name} from {caller}"
            key = (_phase_now[0], code, caller)
            entry = _counts.get(key)
            if entry is None:
                entry = _counts[key] = [0, 0]
            entry[0] += 1
            _stack.append(entry)
        else:
            outer = next((s for s in reversed(_stack) if s.__class__ is list), None)
            if outer is not None:
                outer[1] += 1
            _stack.append(outer if outer is not None else 0)
    elif event == "return":
        if _stack:
            _stack.pop()
    elif event == "c_call":
        _stack.append(None)
        name = getattr(arg, "__qualname__", None) or getattr(arg, "__name__", "?")
        outer = frame.f_code
        if outer not in _seen:
            _seen[outer] = _label(frame)
        _c_names.append(f"{name} in {_seen[outer][0].rsplit(':', 1)[-1]}")
    elif event in ("c_return", "c_exception"):
        if _stack and _stack[-1] is None:
            _stack.pop()
            _c_names.pop()
_c_names = []
def _phase(name):
    _phase_now[0] = name
def _at_ready():
    _sys.setprofile(None)
    with open(_os.environ["MEASURE_OUT"], "w") as out:
        for (phase, code, caller), (n, below) in _counts.items():
            label, virtual = _seen[code]
            out.write(f"{phase}\t{label}\t{caller}\t{int(virtual)}\t{n}\t{below}\n")
_sys.setprofile(_prof)
"""


def probe_text() -> str:
    text = startup.PROBE.read_text(encoding="utf-8")
    marks = {
        "        qt.exit(0)\n": "        _at_ready()\n        qt.exit(0)\n",
        "    return original_exec()\n": "    _phase('paint1')\n    return original_exec()\n",
        '        print(f"painted ': "        _phase('ready')\n        print(f\"painted ",
    }
    for anchor, replacement in marks.items():
        assert anchor in text, anchor
        text = text.replace(anchor, replacement, 1)
    return HOOK + text


def count(out: str) -> None:
    with tempfile.TemporaryDirectory(prefix="callbacks-") as scratch:
        env = {**spread.start_env(scratch), "MEASURE_OUT": out}
        argv = [sys.executable, "-c", probe_text(), "--db", spread.DB]
        startup._launch(argv, env)  # the profile written, the disk cache warm
        wall, _rest, cpu, _painted = startup._launch(argv, env)
    print(f"counted (wall {wall:.0f} ms, CPU {cpu:.0f} ms, with the hook)")


def _load(path: str) -> list[tuple[str, str, str, bool, int, int]]:
    """The rows of a count; a function is named by file and qualified name (line numbers move)."""
    rows = []
    for line in Path(path).read_text().splitlines():
        phase, label, caller, virtual, n, below = line.split("\t")
        label = re.sub(r":\d+:", ":", label)
        rows.append((phase, label, caller, virtual == "1", int(n), int(below)))
    return rows


def report(path: str, old: str | None = None) -> None:
    """Entries from C per function (all C callers together), per phase, the most first; with ``old``
    its counts beside."""
    phases = ("build", "paint1", "ready")

    def table(rows: list[tuple[str, str, str, bool, int, int]]) -> dict[str, list[int]]:
        out: dict[str, list[int]] = collections.defaultdict(lambda: [0] * 5)
        for phase, label, _caller, _virtual, n, below in rows:
            cell = out[label]
            cell[phases.index(phase)] += n
            cell[3] += n
            cell[4] += below
        return out

    new = table(_load(path))
    before = table(_load(old)) if old else {}
    callers: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for _phase, label, caller, _virtual, n, _below in _load(path):
        callers[label][caller] += n
    labels = sorted(set(new) | set(before), key=lambda k: -max(new.get(k, [0] * 5)[3], before.get(k, [0] * 5)[3]))
    head = "| function (entered from C) | C caller | build | paint1 | ready | total | Python calls below |"
    if old:
        head += " old total | old below |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    totals = [0] * 5
    old_totals = [0, 0]
    for label in labels:
        cell = new.get(label, [0] * 5)
        totals = [a + b for a, b in zip(totals, cell, strict=True)]
        top = ", ".join(name for name, _n in callers[label].most_common(2))
        line = f"| `{label}` | {top} | " + " | ".join(f"{v:,}" for v in cell) + " |"
        if old:
            was = before.get(label, [0] * 5)
            old_totals = [old_totals[0] + was[3], old_totals[1] + was[4]]
            line += f" {was[3]:,} | {was[4]:,} |"
        if max(cell[3], before.get(label, [0] * 5)[3]) >= 5:
            print(line)
    line = "| **all** | | " + " | ".join(f"{v:,}" for v in totals) + " |"
    if old:
        line += f" {old_totals[0]:,} | {old_totals[1]:,} |"
    print(line)


#: C callers that are Python's own (builtins and methods of built-in types), not Qt's
_PYTHON_TYPES = {
    "str",
    "list",
    "dict",
    "tuple",
    "type",
    "set",
    "frozenset",
    "bytes",
    "Pattern",
    "TextIOWrapper",
    "object",
    "int",
    "bytearray",
    "deque",
    "BufferedReader",
    "FileIO",
    "partial",
    "_abc_data",
    "SimpleNamespace",
    "OrderedDict",
    "defaultdict",
    "Counter",
    "ChainMap",
    "method",
    "function",
}


def from_qt(caller: str) -> bool:
    """Whether a C caller (``Class.method in pyfunc``, or ``Enum() from Class.method in pyfunc``)
    is a Qt (shiboken) function: a method of a Qt class or of one of our subclasses."""
    name = caller.rsplit(" from ", 1)[-1].split(" in ", 1)[0]
    return "." in name and name.split(".", 1)[0] not in _PYTHON_TYPES and not name.startswith("_")


def summary(paths: list[str]) -> None:
    """Per count: entries from Qt's C++ into Python by phase, split into our code (ui/ and the
    rest of mandant_desktop), PySide's enum conversions (enum.py) and the probe; Python calls below."""
    print("| count | kind | build | paint1 | ready | total | Python calls below |")
    print("|---|---|---|---|---|---|---|")
    for path in paths:
        kinds: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
        for phase, label, caller, _virtual, n, below in _load(path):
            if not from_qt(caller):
                continue
            kind = (
                "probe"
                if label.startswith("probe")
                else "enum conversion"
                if "enum.py" in label
                else (
                    "ours"
                    if not label.startswith("/")
                    and "site-packages" not in label
                    and ":" in label
                    and not label.startswith(("<", "sqlalchemy", "shiboken", "typing", "pyside"))
                    else "other"
                )
            )
            cell = kinds[kind]
            cell[("build", "paint1", "ready").index(phase)] += n
            cell[3] += below
        for kind, cell in sorted(kinds.items()):
            print(
                f"| {Path(path).name} | {kind} | "
                + " | ".join(f"{v:,}" for v in cell[:3])
                + f" | {sum(cell[:3]):,} | {cell[3]:,} |"
            )


def detail(path: str, pattern: str = "") -> None:
    """Every (function, C caller) pair whose text matches ``pattern`` (a regex), by count, per phase."""
    pairs: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    for phase, label, caller, _virtual, n, below in _load(path):
        if re.search(pattern, f"{label} {caller}"):
            cell = pairs[(label, caller)]
            cell[("build", "paint1", "ready").index(phase)] += n
            cell[3] += below
    print("| function | C caller (in the Python function that called it) | build | paint1 | ready | below |")
    print("|---|---|---|---|---|---|")
    for (label, caller), cell in sorted(pairs.items(), key=lambda kv: -sum(kv[1][:3])):
        print(f"| `{label}` | {caller} | " + " | ".join(f"{v:,}" for v in cell) + " |")


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "count":
        count(sys.argv[2])
    elif mode == "report":
        report(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    elif mode == "summary":
        summary(sys.argv[2:])
    elif mode == "detail":
        detail(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "")
    else:
        raise SystemExit(__doc__)
