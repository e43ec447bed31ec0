#!/usr/bin/env python3
"""Render every page of the demo database for the documentation (``make screenshots``).

Each picture comes from the program itself, ``mandant-desktop --demo --screenshot`` (offscreen), in
German and English, light and dark, and at 200 % scaling, into ``docs/screenshots/pages/`` as
``<page>-<lang>-<scheme>[-200].png``. The demo databases and the settings live in a scratch
directory (``$TMPDIR/mandant-desktop-screenshots``, removed afterwards), so the pictures neither
depend on nor touch the user's own. Each language has its own demo database, made by the program
in that language as a user's first ``--demo`` start makes it. The demo's mails are German in both
(its mail language is German), so the English outbox shows German mails and names their language.
Each PNG is then reduced to its 256 most frequent colours (user interfaces have few; text edges
snap to the nearest), which keeps the committed files at about a third of their size with no
visible difference.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots" / "pages"
sys.path.insert(0, str(ROOT))
from mandant_desktop.__main__ import PAGE_IDS as PAGES  # noqa: E402 - the page IDs of --page


@dataclass(frozen=True)
class Variant:
    lang: str
    scheme: str
    scale: float = 1.0

    @property
    def suffix(self) -> str:
        scaled = f"-{round(self.scale * 100)}" if self.scale != 1.0 else ""
        return f"{self.lang}-{self.scheme}{scaled}"


VARIANTS = (
    Variant("de", "light"),
    Variant("en", "light"),
    Variant("de", "dark"),
    Variant("en", "dark"),
    Variant("de", "light", 2.0),
    Variant("en", "dark", 2.0),
)


def file_name(page: str, variant: Variant) -> str:
    return f"{page}-{variant.suffix}.png"


def scratch_environment(scratch: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MANDANT_") and k != "QT_SCALE_FACTOR"}
    for variable, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        env[variable] = str(scratch / sub)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return env


def render(page: str, variant: Variant, target: Path, env: dict[str, str]) -> None:
    command = [
        sys.executable,
        "-m",
        "mandant_desktop",
        "--demo",
        "--screenshot",
        str(target),
        "--page",
        page,
        "--lang",
        variant.lang,
        "--scheme",
        variant.scheme,
        "--scale",
        f"{variant.scale:g}",
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[2:])} failed ({done.returncode}):\n{done.stderr}")


#: colours closer than this (summed over red, green and blue) share one entry of the palette
NEAR = 24


def palette(counts: collections.Counter[int], size: int = 256) -> list[int]:
    """``size`` colours for a picture whose colours occur ``counts`` times: the most frequent first,
    but none within :data:`NEAR` of one taken already, then the most frequent of the rest.

    The 256 most frequent colours alone were mostly the edge shades of black and grey text, and a
    colour of few pixels was lost: the red "Aktivierungslink abgelaufen" of the users page came out
    black (QA walk 2026-12-04)."""
    chosen: list[tuple[int, int, int]] = []
    table: list[int] = []
    rest: list[int] = []
    for colour, _ in counts.most_common():
        if len(table) == size:
            break
        rgb = ((colour >> 16) & 0xFF, (colour >> 8) & 0xFF, colour & 0xFF)
        if any(abs(rgb[0] - r) + abs(rgb[1] - g) + abs(rgb[2] - b) < NEAR for r, g, b in chosen):
            rest.append(colour)
            continue
        chosen.append(rgb)
        table.append(colour)
    table += rest[: size - len(table)]
    return [colour | 0xFF000000 for colour in table]


def shrink(path: Path) -> tuple[int, int]:
    """Re-save ``path`` with a palette of 256 of its colours (:func:`palette`); (bytes before, after)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    before = path.stat().st_size
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    table = palette(collections.Counter(memoryview(image.constBits()).cast("I")))
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    indexed = image.convertToFormat(QImage.Format.Format_Indexed8, table, flags)
    if not indexed.save(str(path), "PNG", 0):
        raise RuntimeError(f"cannot write {path}")
    return before, path.stat().st_size


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder of the PNGs (default {OUT.relative_to(ROOT)})")
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=list(PAGES))
    parser.add_argument(
        "--variants", nargs="+", choices=[v.suffix for v in VARIANTS], default=[v.suffix for v in VARIANTS]
    )
    parser.add_argument("--jobs", type=int, default=2, help="programs rendering at once (default 2)")
    args = parser.parse_args(argv)
    variants = [v for v in VARIANTS if v.suffix in args.variants]
    jobs = [(page, variant) for variant in variants for page in args.pages]
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    # A fixed place, so that the settings page shows the same database path in every run.
    scratch = Path(tempfile.gettempdir()) / "mandant-desktop-screenshots"
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        envs = {variant.lang: scratch_environment(scratch / variant.lang) for variant in variants}
        total = [0, 0]

        def one(job: tuple[str, Variant]) -> None:
            page, variant = job
            target = args.out / file_name(page, variant)
            render(page, variant, target, envs[variant.lang])
            before, after = shrink(target)
            total[0] += before
            total[1] += after
            print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: {after // 1024} KiB")

        first = [next(job for job in jobs if job[1].lang == lang) for lang in envs]
        for job in first:
            one(job)  # alone: it creates its language's demo database, which the others then share
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for _ in pool.map(one, [job for job in jobs if job not in first]):
                pass
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(
        f"{len(jobs)} screenshots in {time.monotonic() - started:.0f} s; "
        f"{total[0] // 1024} KiB rendered, {total[1] // 1024} KiB kept"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
