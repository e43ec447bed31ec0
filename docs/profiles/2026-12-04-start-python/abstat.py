# ruff: noqa: E501 - a measuring script; its probe text and commands are kept on one line each
import glob
import json
import statistics as st
from pathlib import Path

rows = []
for v in ("base", "new"):
    for f in sorted(glob.glob(f"/tmp/start-python/bench-{v}-*.json")):
        d = json.loads(Path(f).read_text())
        r = (
            next(
                x
                for x in (d if isinstance(d, list) else d.get("results", d.get("figures", [])))
                if x["name"] == "startup"
            )
            if not isinstance(d, dict) or "name" not in d
            else d
        )
        det = r["detail"]
        rows.append(
            (
                v,
                f.split("-")[-1][:-5],
                r["value"],
                r["baseline"],
                r["ratio"],
                det["cpu_ratio"],
                st.median(det["ours_cpu_ms"]),
                det["load_average"][0],
                det["ours_ms"],
                det["ours_cpu_ms"],
                det["bare_ms"],
            )
        )
for v in ("base", "new"):
    sel = [r for r in rows if r[0] == v]
    print(v, "runs", len(sel))
    for r in sel:
        print(
            f"  run {r[1]}: ours {r[2]:.0f} ms, bare {r[3]:.0f} ms, ratio {r[4]:.3f}, cpu ratio {r[5]:.3f}, ours CPU median {r[6]:.0f}, load {r[7]:.1f}"
        )
    allw = [x for r in sel for x in r[8]]
    allc = [x for r in sel for x in r[9]]
    allb = [x for r in sel for x in r[10]]
    print(
        f"  pooled {len(allw)} starts: ours wall median {st.median(allw):.0f}, CPU median {st.median(allc):.0f}, bare wall median {st.median(allb):.0f}, ratio of medians {st.median(allw) / st.median(allb):.3f}; median of run ratios {st.median(r[4] for r in sel):.3f}"
    )
