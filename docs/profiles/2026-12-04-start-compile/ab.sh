#!/bin/bash
# old (main ae2f6c1 unpacked) and new (this branch) in turns, the bench's startup group, 15 rounds a run
T=/work/wt/start-compile
cd /tmp
for i in 1 2 3 4; do
  for v in old new; do
    if [ $v = old ]; then P=/tmp/start-compile/old; else P=$T; fi
    PYTHONPATH=$P QT_QPA_PLATFORM=offscreen chrt -r 10 $T/.venv/bin/python -m bench --db sqlite:////tmp/start-compile/bench-large.sqlite --small-db sqlite:////tmp/start-compile/bench-small.sqlite --only startup --runs 15 --out /tmp/start-compile/ab-$v-$i.json > /tmp/start-compile/ab-$v-$i.log 2>&1
    echo "$v $i $(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
