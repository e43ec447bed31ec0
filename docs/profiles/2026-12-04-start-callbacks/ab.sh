#!/bin/bash
# old (main bddaa63 unpacked in /tmp/start-callbacks/old) and new (this branch) in turns, the bench's
# startup group, 15 rounds a run: ab.sh LAST [FIRST]; the order flips every pair. Pool the runs with
# python3 ../2026-12-04-start-widgets/pool.py /tmp/start-callbacks/ab
T=/work/wt/start-callbacks
D=/tmp/start-callbacks
mkdir -p $D/ab
cd /tmp
for i in $(seq ${2:-1} $1); do
  if [ $((i % 2)) = 1 ]; then order="old new"; else order="new old"; fi
  for v in $order; do
    if [ $v = old ]; then P=$D/old; else P=$T; fi
    PYTHONPATH=$P QT_QPA_PLATFORM=offscreen chrt -r 10 $T/.venv/bin/python -m bench --db sqlite:///$D/bench-large.sqlite \
      --small-db sqlite:///$D/bench-small.sqlite --only startup --runs 15 --out $D/ab/$v-$i.json > $D/ab/$v-$i.log 2>&1
    echo "$v $i $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
