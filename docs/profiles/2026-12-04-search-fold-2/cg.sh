#!/bin/sh
cd /tmp
M=/work/wt/search-fold-2/docs/profiles/2026-12-04-search-fold-2/measure.py
PY=/work/wt/search-fold-2/.venv/bin/python
U=sqlite:////tmp/search-fold-2/bench-large.sqlite
for side in old new; do for rounds in 0 1; do
  PYTHONPATH=/tmp/search-fold-2/$side valgrind --tool=callgrind --callgrind-out-file=/tmp/search-fold-2/cg-$side-$rounds.out $PY $M $U $rounds > /tmp/search-fold-2/cg-$side-$rounds.json 2>/tmp/search-fold-2/cg-$side-$rounds.err
  echo "$side $rounds $(grep -h '^summary\|^totals' /tmp/search-fold-2/cg-$side-$rounds.out | head -1)"
done; done
