"""Every piece of Python source the start compiles at run time until "ready" (issue 8), through the
bench's own start probe (bench/start_probe.py), with the caller and the thread CPU it took.

Run from a neutral folder with a worktree's venv, on a copy of the large bench database::

    cd /tmp && PYTHONPATH=TREE TREE/.venv/bin/python \\
        TREE/docs/profiles/2026-12-04-start-compile/compiles.py trace out.tsv
    ... compiles.py report out.tsv        # grouped by who caused it

Before the probe's text it wraps ``builtins.compile``, ``exec`` and ``eval`` (only calls given
source text: ``exec`` of a module's code object by the import system is passed through) and
``re._compile`` (a pattern not yet in re's cache), and adds an audit hook for the "compile" event
that the wrappers did not see. Each row: kind, thread, ms of thread CPU inside the call (the
wrapper's own cost is not in it), bytes of source, the file the source is for, and the stack: the
innermost frames outside the standard library's helpers. The first start writes the profile and
warms the disk cache; the second is the one kept.

The database must be at the schema's head: Alembic's generated operations (an upgrade at start) fail
under these wrappers.
"""

from __future__ import annotations

import collections
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "2026-12-04-startup-spread"))
import spread

from bench import startup

DB = os.environ.get("COMPILE_DB", "sqlite:////tmp/start-compile/bench-large.sqlite")

TRACE = """
import builtins as _b, os as _os, re as _re, sys as _sys, threading as _th, time as _time
_rows, _seen, _in = [], set(), _th.local()
_HELPERS = ("/typing.py", "/dataclasses.py", "/collections/__init__.py", "/re/", "/enum.py",
            "/string.py", "<frozen", "langhelpers.py", "/functools.py")
def _stack(frame):
    out = []
    while frame is not None and len(out) < 40:
        name = frame.f_code.co_filename
        if name != "<string>" or frame.f_code.co_name != "wrapper":
            short = name.split("/site-packages/")[-1].split("/python3.11/")[-1]
            short = "mandant_desktop/" + short.split("/mandant_desktop/")[-1] if "/mandant_desktop/" in short else short
            out.append(f"{short}:{frame.f_lineno}:{frame.f_code.co_name}")
        frame = frame.f_back
    return " <- ".join(out)
def _wrap(kind, real, text_of):
    def wrapper(*args, **kw):
        text = text_of(args, kw)
        if text is None or getattr(_in, "busy", False):
            return real(*args, **kw)
        if kind != "compile" and len(args) == 1 and "globals" not in kw:  # the caller's namespace
            caller = _sys._getframe(1)
            args = (args[0], caller.f_globals, caller.f_locals)
        _in.busy = True
        t0 = _time.thread_time()
        try:
            return real(*args, **kw)
        finally:
            spent = 1000 * (_time.thread_time() - t0)
            _in.busy = False
            fname = args[1] if kind == "compile" and len(args) > 1 else kw.get("filename", "")
            _seen.add(id(text))
            _rows.append((kind, _th.current_thread().name, f"{spent:.3f}", str(len(text)),
                          str(fname), _stack(_sys._getframe(1))))
    wrapper.__name__ = real.__name__
    return wrapper
def _source(args, kw):
    src = args[0] if args else kw.get("source")
    return src if isinstance(src, (str, bytes)) else None
_b.compile = _wrap("compile", _b.compile, _source)
_b.exec = _wrap("exec", _b.exec, _source)
_b.eval = _wrap("eval", _b.eval, _source)
_re_compile = _re._compile
def _re_wrapped(pattern, flags):
    key = (type(pattern), pattern, flags)
    if key in _re._cache or not isinstance(pattern, (str, bytes)) or getattr(_in, "busy", False):
        return _re_compile(pattern, flags)
    _in.busy = True
    t0 = _time.thread_time()
    try:
        return _re_compile(pattern, flags)
    finally:
        spent = 1000 * (_time.thread_time() - t0)
        _in.busy = False
        _rows.append(("re", _th.current_thread().name, f"{spent:.3f}", str(len(pattern)),
                      repr(pattern[:60]), _stack(_sys._getframe(1))))
_re._compile = _re_wrapped
def _audit(event, args):
    if event == "compile" and not getattr(_in, "busy", False) and id(args[0]) not in _seen:
        _rows.append(("audit-compile", _th.current_thread().name, "", str(len(args[0] or "")),
                      str(args[1]), _stack(_sys._getframe(1))))
_sys.addaudithook(_audit)
def _at_ready():
    with open(_os.environ["MEASURE_OUT"], "w") as out:
        out.write("".join("\\t".join(row) + "\\n" for row in _rows))
"""


def trace(out: str) -> None:
    ready = "        qt.exit(0)\n"
    text = TRACE + startup.PROBE.read_text(encoding="utf-8").replace(ready, "        _at_ready()\n" + ready, 1)
    with tempfile.TemporaryDirectory(prefix="compiles-") as scratch:
        env = {**spread.start_env(scratch), "MEASURE_OUT": out}  # as bench.startup.run sets it
        argv = [sys.executable, "-c", text, "--db", DB]
        startup._launch(argv, env)
        wall, _rest, cpu, _painted = startup._launch(argv, env)
    print(f"wall {wall:.0f} ms, CPU {cpu:.0f} ms")


#: files whose frames only carry out a compile for their caller (the cause is further out)
HELPERS = (
    "typing.py:",
    "dataclasses.py:",
    "collections/__init__.py:",
    "re/__init__.py:",
    "enum.py:",
    "string.py:",
    "functools.py:",
    "<frozen",
    "sqlalchemy/util/langhelpers.py:",
    "abc.py:",
    "textwrap.py:",
    "sqlalchemy/util/deprecations.py:",
    "argparse.py:",
)


def _cause(stack: str) -> str:
    """The innermost frame that is not a helper: the code that asked for the compile."""
    frames = stack.split(" <- ")
    return next((f for f in frames if not f.startswith(HELPERS)), frames[-1] if frames else "?")


def _package(frame: str) -> str:
    return frame.split("/")[0].split(".py")[0].split(":")[0]


def report(out: str) -> None:
    rows = [line.rstrip("\n").split("\t") for line in Path(out).read_text().splitlines()]
    by_pkg: dict[tuple[str, str, str], list[float]] = collections.defaultdict(lambda: [0, 0.0])
    by_cause: dict[tuple[str, str, str], list[float]] = collections.defaultdict(lambda: [0, 0.0])
    for kind, thread, ms, _size, _fname, stack in rows:
        cause = _cause(stack)
        thread = thread.split("_")[0]
        for table, key in ((by_pkg, (_package(cause), kind, thread)), (by_cause, (cause, kind, thread))):
            table[key][0] += 1
            table[key][1] += float(ms or 0)
    print("by package of the cause (count, ms of thread CPU with the tracer's overhead)")
    for (pkg, kind, thread), (count, ms) in sorted(by_pkg.items(), key=lambda kv: -kv[1][1]):
        print(f"  {ms:7.2f} ms {count:4d}x {kind:<8} {thread:<10} {pkg}")
    print("by cause")
    for (cause, kind, thread), (count, ms) in sorted(by_cause.items(), key=lambda kv: -kv[1][1]):
        print(f"  {ms:7.2f} ms {count:4d}x {kind:<8} {thread:<10} {cause}")


#: the parser and the compiler, and who calls them: ``compile()`` (typing's ForwardRefs, SQLAlchemy's
#: generated functions, shiboken's support modules, a module without bytecode) or ``exec``/``eval``
#: of a string (dataclasses' generated methods, namedtuple's ``__new__``; the probe's own ``-c`` text
#: is the one call of the outermost, unnumbered ``PyRun_StringFlags``)
PARTS = {
    "parse": "_PyParser_ASTFromString",
    "compile": "_PyAST_Compile",
}
CALLERS = {"compile()": "Py_CompileStringObject", "exec/eval str": "PyRun_StringFlags'2", "run_mod'2": "run_mod'2"}


def cgsummary(files: list[str]) -> None:
    """Per dump of the main thread until "ready" (``measure.py callgrind`` of start-enums): its total,
    the parser's and the compiler's inclusive counts, and their split by caller (M instructions)."""
    for file in files:
        listing = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", "--tree=caller", "--threshold=100", file],
            capture_output=True,
            text=True,
        ).stdout
        total = int(re.search(r"^\s*([\d,]+)\s+\(100.0%\)\s+PROGRAM TOTALS", listing, re.M).group(1).replace(",", ""))
        out = [f"{Path(file).name} main {total / 1e6:,.1f}"]
        for key, function in PARTS.items():
            callers: list[str] = []
            best: tuple[int, list[str]] | None = None
            for line in listing.splitlines():
                if " < " in line:
                    callers.append(line)
                    continue
                here = " * " in line and (":" + function + " [" in line or line.endswith(":" + function))
                if here and (best is None or len(callers) > len(best[1])):
                    best = (int(line.split()[0].replace(",", "")), callers)
                callers = []
            if best is None:
                continue
            out.append(f"{key} {best[0] / 1e6:,.1f}")
            for line in best[1]:
                for label, caller in CALLERS.items():
                    if ":" + caller + " (" in line:
                        out.append(f"[{label} {int(line.split()[0].replace(',', '')) / 1e6:,.1f}]")
        print(" ".join(out))


if __name__ == "__main__":
    if sys.argv[1] == "trace":
        trace(sys.argv[2])
    elif sys.argv[1] == "cgsummary":
        cgsummary(sys.argv[2:])
    else:
        report(sys.argv[2])
