#!/bin/bash
# old, new, old, new: the bench's startup group, each from its own checkout and venv, from /tmp
cd /tmp
for i in ${ROUNDS:-1 2 3 4 5 6 7 8}; do
  for v in base new; do
    W=/work/wt/start-python-$v
    echo "== $v round $i $(date -u +%T) $(uptime | sed 's/.*load/load/')"
    PYTHONPATH=$W chrt -r 10 $W/.venv/bin/python -m bench --db sqlite:////tmp/start-python/bench-large.sqlite --small-db sqlite:////tmp/start-python/bench-small.sqlite --only startup --runs 9 --out /tmp/start-python/bench-$v-$i.json 2>&1 | grep -v "^startup [0-9]" | tail -3
    echo "   after: $(uptime | sed 's/.*load/load/')"
  done
done
