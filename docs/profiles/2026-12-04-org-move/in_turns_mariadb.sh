#!/bin/bash
# MariaDB in turns: landed (fc46247, a worktree at /tmp/org-move/landed) vs new (users read first); a fresh
# import of a dump of mandant_bench_large_mariadb (/tmp/org-move/m.sql, mariadb-dump --single-transaction) each run
HERE=$(cd "$(dirname "$0")" && pwd)
cd /tmp
PY=/work/wt/org-move/.venv/bin/python
for i in 1 2; do
  for v in landed new; do
    if [ $v = landed ]; then export PYTHONPATH=/tmp/org-move/landed; else unset PYTHONPATH; fi
    mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS org_move_m1; CREATE DATABASE org_move_m1 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    mariadb -h 127.0.0.1 -u root org_move_m1 < /tmp/org-move/m.sql
    L=$(cut -d' ' -f1 /proc/loadavg)
    $PY "$HERE/profile_move.py" mysql+pymysql://root@127.0.0.1:3306/org_move_m1 IT move > /tmp/org-move/abm-$v-$i.json
    python3 -c "import json;d=json.load(open('/tmp/org-move/abm-$v-$i.json'));print('mariadb $v $i load=$L wall',d['wall'],'cpu',d['cpu'],'stmts',d['statements'],'sql',d['sql_wait'],'post',d['post']['ra'])"
  done
done
