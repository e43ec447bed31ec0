# ruff: noqa: E501 - a measuring script; its probe text and commands are kept on one line each
"""callgrind instruction counts per start phase (a client-request dump at each phase's end).
usage: python phases.py WORKTREE OUTDIR N  (run with WORKTREE's venv, from /tmp)"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

tree, outdir, n = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
DB = os.environ.get("CG_DB", "sqlite:////tmp/start-python/bench-large.sqlite")
INSTR = r"""
import ctypes as _ct, importlib.util as _iu, sys as _sys
_cg = _ct.CDLL("/tmp/start-python/cg/cgmark.so")
def _mark(name):
    _cg.cg_dump(name.encode())
_mark("00-probe-pyside")
def _wrap(mod, attr, before=None, after=None):
    orig = getattr(mod, attr, None)
    if orig is None:
        return
    def wrapper(*a, **k):
        if before: _mark(before)
        r = orig(*a, **k)
        if after: _mark(after)
        return r
    setattr(mod, attr, wrapper)
def _main_loaded(m):
    _mark("01-main-module")
    _wrap(m, "_start_password_check", after="02-precheck-start")
def _launcher_loaded(m):
    _mark("03-launcher-import")
    m._StartPageSettled.__init__.__kwdefaults__["limit_ms"] = 10 ** 7
    _wrap(m, "start_gui", after="04-start-gui")
    _wrap(m, "_open_initial", after="05-open-database")
    _wrap(m, "_import_window_modules", after="06-window-modules")
    _wrap(m, "_automatic_operator", after="07-login-waited")
    _wrap(m, "_discard_start_load", before="08-main-window-built")
def _auth_loaded(m):
    _mark("w0-auth-imported")
    _wrap(m.AuthService, "login", before="w1-login-begin", after="w5-login-end")
def _pc_loaded(m):
    _wrap(m.PasswordCheck, "outcome", before="w2-outcome-wait", after="w3-outcome-got")
def _pl_loaded(m):
    _mark("w6-page-load-imported")
    _wrap(m, "load_page", before="w7-load-page-begin", after="w8-load-page-end")
def _uow_loaded(m):
    pass
_after = {"mandant_desktop.services.auth": _auth_loaded, "mandant_desktop.services.password_check": _pc_loaded, "mandant_desktop.ui.tenants.page_load": _pl_loaded,
          "mandant_desktop.__main__": _main_loaded, "mandant_desktop.ui.launcher": _launcher_loaded}
class _Hook:
    @classmethod
    def find_spec(cls, name, path, target=None):
        if not (name in _after or (_MODS and (name.startswith("mandant_desktop") or name in _EXTRA))):
            return None
        _sys.meta_path.remove(cls)
        try:
            spec = _iu.find_spec(name)
        finally:
            _sys.meta_path.insert(0, cls)
        orig = spec.loader.exec_module
        def exec_module(module, _orig=orig, _cb=_after.get(name), _n=name):
            if _MODS: _mark("b:" + _n)
            _orig(module)
            if _MODS: _mark("a:" + _n)
            if _cb: _cb(module)
        spec.loader.exec_module = exec_module
        return spec
import os as _os
_MODS = bool(_os.environ.get("CG_MODS"))
_EXTRA = {"sqlalchemy", "argon2", "platformdirs", "logging.handlers", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtNetwork", "sqlalchemy.dialects.sqlite", "sqlalchemy.ext.compiler", "sqlalchemy.dialects.sqlite.pysqlite", "hmac", "secrets", "json", "uuid", "decimal", "zoneinfo", "email", "importlib.resources", "concurrent.futures.thread"}
_sys.meta_path.insert(0, _Hook)
"""


def start_env(scratch: str) -> dict[str, str]:
    """The environment bench.startup gives the probe (offscreen, a scratch profile, the demo's admin)."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": f"{scratch}/data",
        "XDG_CONFIG_HOME": f"{scratch}/config",
        "MANDANT_USER": "admin",
        "MANDANT_PASSWORD": "mandant-demo",
    }


def probe_text() -> str:
    text = Path(tree, "bench/start_probe.py").read_text()
    reps = [
        ("original_exec = QApplication.exec\n", "original_exec = QApplication.exec\n" + INSTR),
        ("    qt = QApplication.instance()\n", "    _mark('09-show-exec')\n    qt = QApplication.instance()\n"),
        ("    def first_paint():\n", "    def first_paint():\n        _mark('10-first-paint')\n"),
        ("    def ready():\n", "    def ready():\n        _mark('11-ready')\n"),
    ]
    for a, b in reps:
        assert a in text, a
        text = text.replace(a, b, 1)
    return text


outdir.mkdir(parents=True, exist_ok=True)
py = f"{tree}/.venv/bin/python"
subprocess.run(
    [
        py,
        "-c",
        "import compileall, mandant_desktop, pathlib; compileall.compile_dir(pathlib.Path(mandant_desktop.__file__).parent, quiet=1)",
    ],
    check=True,
    cwd="/tmp",
)
with tempfile.TemporaryDirectory(prefix="cgp-") as scratch:
    env = start_env(scratch)
    text = probe_text()
    subprocess.run(
        [py, "-c", text.replace("_cg.cg_dump(name.encode())", "pass"), "--db", DB],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        cwd="/tmp",
    )
    for i in range(n):
        t = time.time()
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--separate-threads=yes",
                f"--callgrind-out-file={outdir}/s{i}.%p",
                py,
                "-c",
                text,
                "--db",
                DB,
            ],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd="/tmp",
        )
        print(f"start {i} {time.time() - t:.0f} s", flush=True)
