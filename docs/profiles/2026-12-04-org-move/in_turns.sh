#!/bin/bash
# A/B in turns: old (main, a worktree at /tmp/org-move/base), new (this branch); a fresh copy for each run
HERE=$(cd "$(dirname "$0")" && pwd)
cd /tmp
PY=/work/wt/org-move/.venv/bin/python
for i in 1 2 3; do
  for v in old new; do
    if [ $v = old ]; then export PYTHONPATH=/tmp/org-move/base; else unset PYTHONPATH; fi
    if [ "$1" = sqlite ]; then
      cp /tmp/org-move/bench-large.sqlite /tmp/org-move/a.sqlite; URL=sqlite:////tmp/org-move/a.sqlite
    else
      psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS org_move_ab" -c "CREATE DATABASE org_move_ab TEMPLATE mandant_bench_large"
      URL=postgresql+psycopg://postgres@127.0.0.1:5432/org_move_ab
    fi
    L=$(cut -d' ' -f1 /proc/loadavg)
    $PY "$HERE/profile_move.py" $URL IT move > /tmp/org-move/ab-$1-$v-$i.json
    python3 -c "import json,sys;d=json.load(open('/tmp/org-move/ab-$1-$v-$i.json'));print('$1 $v $i load=$L wall',d['wall'],'cpu',d['cpu'],'stmts',d['statements'],'sql',d['sql_wait'],'post',d['post']['ra'])"
  done
done
