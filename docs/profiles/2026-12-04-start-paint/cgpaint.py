"""Callgrind's instruction counts of the start in two parts (issue 8, start-paint): from launch to
the end of the window's first paint, and from there to "ready" (the second paint), each start also
saying whether the start page still loaded (``busy``) when the first paint began.

The bench's probe with spread.py's instrument (gc as ``main()`` has it, the settle limit lifted,
a dump at "ready"), plus a dump at the probe's "painted" line, and the launcher's SETTLE_MS lifted
as well (see SETTLE below: without that the ORM's warm-up ran before "ready" in every start whose
first paint showed the data). Run from a neutral folder::

    cd /tmp && PYTHONPATH=TREE TREE/.venv/bin/python TREE/docs/profiles/2026-12-04-start-paint/cgpaint.py run N OUTDIR
    ... cgpaint.py summary OUTDIR      # per start: busy at the first paint, main thread to paint / paint to ready

``SPREAD_DB`` names the database (a copy of the large bench database). ``PAINT_VARIANT=lateload``
starts the page's load when the page is built rather than on the log-in's worker (the
start-overlap README's ``lateload``: the launcher's ``first_tenants and operator.can(...)`` made False).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "2026-12-04-startup-spread"))
import spread

from bench import startup

PAINTED = '        print(f"painted {1000 * time.process_time():.0f}", flush=True)\n'
#: under callgrind (~50x slower) the launcher's settle (SETTLE_MS of wall after the first repaint
#: that shows the data) passes before the probe's second paint, and the ORM's warm-up (an import on
#: a thread of its own, ~140 M instructions) would run before "ready"; in a real start it runs after
SETTLE = """
if _os.environ.get("SPREAD_CALLGRIND"):
    _launcher.SETTLE_MS = 10 ** 7
"""
LATELOAD = """
if _os.environ.get("PAINT_VARIANT") == "lateload":
    import mandant_desktop.ui.launcher as _launcher_late
    _launcher_late.tasks  # loaded
    from mandant_desktop.ui.tenants import page_load as _page_load
    _page_load.begin = lambda *args, **kwargs: None
"""


def probe_text() -> str:
    text = spread.probe_text()
    at_paint = '                    state["painted"] = True\n'
    assert at_paint in text and PAINTED in text
    text = text.replace(at_paint, at_paint + '                    state["busy_at_paint"] = busy()\n', 1)
    dump = (
        "        print(f\"painted {1000 * time.process_time():.0f} busy={state['busy_at_paint']}\", flush=True)\n"
        '        if _os.environ.get("SPREAD_CALLGRIND"):\n'
        "            import subprocess as _sp\n"
        '            _sp.run(["callgrind_control", "-d", "painted", str(_os.getpid())], stdout=_sp.DEVNULL)\n'
    )
    text = text.replace(PAINTED, dump, 1)
    anchor = "def exec_until_usable"
    return text.replace(anchor, SETTLE + LATELOAD + "\n\n" + anchor, 1)


def run(launches: int, outdir: str) -> None:
    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cgpaint-") as scratch:
        env = spread.start_env(scratch)
        argv = [sys.executable, "-c", probe_text(), "--db", spread.DB]
        startup._launch(argv, env)  # the profile written, the disk cache warm
        for i in range(launches):
            venv = {**env, "SPREAD_CALLGRIND": "1"}
            out = f"--callgrind-out-file={folder}/start-{i}.%p"
            proc = subprocess.run(
                ["valgrind", "--tool=callgrind", "--separate-threads=yes", out, *argv],
                env=venv,
                capture_output=True,
                text=True,
            )
            painted = next((line for line in proc.stdout.splitlines() if line.startswith("painted")), "?")
            (folder / f"start-{i}.painted").write_text(painted + "\n")


def _total(file: Path) -> int:
    for line in file.read_text(errors="replace").splitlines():
        if line.startswith("totals:") or line.startswith("summary:"):
            return int(line.split()[1])
    raise ValueError(file)


def summary(outdir: str) -> None:
    folder = Path(outdir)
    for flag in sorted(folder.glob("start-*.painted")):
        i = flag.stem
        busy = flag.read_text().strip().split()[-1]
        # the main thread's (thread 01) dumps: part 1 at "painted", part 2 at "ready" (from the one before)
        dumps = sorted(folder.glob(f"{i}.*.[12]-01"))
        counts = [_total(d) / 1e6 for d in dumps]
        # every thread's until "ready": the log-in worker, Qt's pool (the page's load), argon2's
        every = sum(_total(d) for d in folder.glob(f"{i}.*.[12]-*")) / 1e6
        if len(counts) == 2:
            print(
                f"{i} {busy}: to first paint {counts[0]:,.1f} M, paint to ready {counts[1]:,.1f} M, "
                f"main {sum(counts):,.1f} M, all threads {every:,.1f} M"
            )
        else:
            print(f"{i} {busy}: dumps {[d.name for d in dumps]}")


if __name__ == "__main__":
    if sys.argv[1] == "run":
        run(int(sys.argv[2]), sys.argv[3])
    else:
        summary(sys.argv[2])
