"""The startup group's runs of ab.sh, old against new: each run's ratio, and all starts pooled.

python3 pool.py [FOLDER]      # FOLDER: where ab.sh wrote old-N.json and new-N.json
"""

from __future__ import annotations

import json
import statistics as st
import sys
from pathlib import Path


def figure(path: Path) -> dict:
    return next(f for f in json.loads(path.read_text())["figures"] if f.get("name") == "startup")


def main(folder: Path) -> None:
    runs: dict[str, dict[int, dict]] = {"old": {}, "new": {}}
    for path in folder.glob("*-*.json"):
        variant, number = path.stem.split("-")
        runs[variant][int(number)] = figure(path)
    for variant, figures in runs.items():
        rs = list(figures.values())
        ratios = [f["ratio"] for f in rs]
        cpu = [f["detail"]["cpu_ratio"] for f in rs]
        loads = [f["detail"]["load_average"][0] for f in rs]

        def pooled(key: str, rs: list[dict] = rs) -> float:
            return st.median(t for f in rs for t in f["detail"][key])

        ours, bare = pooled("ours_ms"), pooled("bare_ms")
        print(
            f"{variant}: {len(rs)} runs, load {min(loads):.1f}-{max(loads):.1f}; "
            f"run ratios median {st.median(ratios):.3f} [{min(ratios):.3f}-{max(ratios):.3f}]; "
            f"cpu ratio median {st.median(cpu):.3f} [{min(cpu):.3f}-{max(cpu):.3f}]; "
            f"pooled {sum(len(f['detail']['ours_ms']) for f in rs)} starts: ours {ours:.0f} / bare {bare:.0f} ms "
            f"= {ours / bare:.3f}; CPU {pooled('ours_cpu_ms'):.0f} / {pooled('bare_cpu_ms'):.0f}; "
            f"first paint {pooled('first_paint_ms'):.0f}"
        )
    turns = sorted(set(runs["old"]) & set(runs["new"]))
    deltas = [runs["new"][i]["ratio"] - runs["old"][i]["ratio"] for i in turns]
    lower = sum(d < 0 for d in deltas)
    print(f"paired new-old ratio: median {st.median(deltas):.3f}, new lower in {lower} of {len(deltas)}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/start-widgets/ab"))
