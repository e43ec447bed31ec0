#!/bin/sh
# A B A B …: old (main at bddaa63, /tmp/search-fold-2/old) and new (this branch) on the same upgraded copy
cd /tmp
M=/work/wt/search-fold-2/docs/profiles/2026-12-04-search-fold-2/measure.py
PY=/work/wt/search-fold-2/.venv/bin/python
for url in sqlite:////tmp/search-fold-2/bench-large.sqlite "postgresql+psycopg://postgres@127.0.0.1:5432/search-fold-2_large" "mysql+pymysql://root@127.0.0.1:3306/search_fold_2_large"; do
  for turn in 1 2 3; do
    echo "old $turn $(uptime | sed 's/.*load/load/')"; PYTHONPATH=/tmp/search-fold-2/old $PY $M "$url" 3
    echo "new $turn $(uptime | sed 's/.*load/load/')"; PYTHONPATH=/tmp/search-fold-2/new $PY $M "$url" 3
  done
done
