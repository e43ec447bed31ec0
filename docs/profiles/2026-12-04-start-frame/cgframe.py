"""Callgrind's main-thread instructions of the start in two parts (issue 8, start-frame): launch to
the end of the window's first paint, and from there to "ready", for the probe of the tree on
PYTHONPATH, old (``painted CPU``) or new (``painted CPU data|loading``).

start-paint's cgpaint.py (its dumps, SETTLE and summary) with two changes: it takes the probe's
"painted" line in either form (cgpaint.py asserts the old one), and
``--own`` turns the old probe's ``page().update()`` (the whole page, once the data is there) into a
1-pixel update, so "ready" comes at the end of the first repaint after the data arrived that the
*program* asks for (plus that pixel): with the old code its relayout and repaint of the page's
right column, with the new code nothing but the pixel. The launcher's SETTLE_MS is lifted under
callgrind, as in cgpaint.py (else the ORM warm-up runs before "ready"). Run from a neutral folder::

    cd /tmp && SPREAD_DB=URL PYTHONPATH=TREE TREE/.venv/bin/python cgframe.py run N OUTDIR [--own]
    ... cgframe.py summary OUTDIR
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "2026-12-04-startup-spread"))
sys.path.insert(0, str(HERE.parent / "2026-12-04-start-paint"))
import cgpaint
import spread

from bench import startup

PAINTED = re.compile(r'^        print\(f"painted .*flush=True\)\n', re.MULTILINE)
_probe_text = spread.probe_text


def _old_painted_line() -> str:
    """The probe's text with its "painted" line in the old form, which cgpaint.py looks for."""
    text = _probe_text()
    found = PAINTED.search(text)
    assert found is not None
    return text[: found.start()] + cgpaint.PAINTED + text[found.end() :]


def probe_text(own: bool) -> str:
    spread.probe_text = _old_painted_line  # cgpaint.probe_text takes the probe's text from there
    text = cgpaint.probe_text()
    if own:
        asked = "            page().update()\n"
        assert asked in text
        text = text.replace(asked, "            page().update(0, 0, 1, 1)\n", 1)
    return text


def run(launches: int, outdir: str, own: bool) -> None:
    folder = Path(outdir)
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cgframe-") as scratch:
        env = spread.start_env(scratch)
        argv = [sys.executable, "-c", probe_text(own), "--db", spread.DB]
        startup._launch(argv, env)  # the profile written, the disk cache warm
        for i in range(launches):
            out = f"--callgrind-out-file={folder}/start-{i}.%p"
            proc = subprocess.run(
                ["valgrind", "--tool=callgrind", "--separate-threads=yes", out, *argv],
                env={**env, "SPREAD_CALLGRIND": "1"},
                capture_output=True,
                text=True,
            )
            painted = next((line for line in proc.stdout.splitlines() if line.startswith("painted")), "?")
            (folder / f"start-{i}.painted").write_text(painted + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "run":
        run(int(sys.argv[2]), sys.argv[3], "--own" in sys.argv)
    else:
        cgpaint.summary(sys.argv[2])
