#!/bin/bash
# in turns: old (main ae2f6c1 unpacked) and new (worktree), PAIRS pairs, order alternating
PAIRS=${1:-5}; OUT=/tmp/start-widgets/ab; mkdir -p $OUT
T=/work/wt/start-widgets; O=/tmp/start-widgets/old
cd /tmp
for i in $(seq ${2:-1} $PAIRS); do
  if [ $((i % 2)) = 1 ]; then order="old new"; else order="new old"; fi
  for v in $order; do
    if [ $v = old ]; then P=$O; else P=$T; fi
    PYTHONPATH=$P QT_QPA_PLATFORM=offscreen chrt -r 10 $T/.venv/bin/python -m bench --db sqlite:////tmp/start-widgets/bench-large.sqlite --small-db sqlite:////tmp/start-widgets/bench-small.sqlite --only startup --runs 15 --out $OUT/$v-$i.json >/dev/null 2>&1
    python3 - $OUT/$v-$i.json $v $i <<'PY'
import json,sys
d=json.load(open(sys.argv[1]))
f=next(x for x in d["figures"] if x.get("name")=="startup")
det=f["detail"]
import statistics as st
print(f"{sys.argv[2]}-{sys.argv[3]} {d['measured']} load {det['load_average'][0]:5.1f} ours {f['value']:6.0f} bare {f['baseline']:6.0f} ratio {f['ratio']:.3f} cpu {st.median(det['ours_cpu_ms']):.0f}/{st.median(det['bare_cpu_ms']):.0f} cpu_ratio {det['cpu_ratio']:.3f}", flush=True)
PY
  done
done
