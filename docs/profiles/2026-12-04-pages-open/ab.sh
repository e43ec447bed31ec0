#!/bin/bash
# usage: ab.sh LABEL URL SMALL ROUNDS RUNS
label=$1; url=$2; small=$3; rounds=$4; runs=$5
for i in $(seq 1 $rounds); do
  for side in base new; do
    dir=/work/wt/pages-open; [ $side = base ] && dir=/work/wt/pages-open-base
    (cd $dir && echo "$(date -u +%T) $(cut -d' ' -f1-3 /proc/loadavg)" >> ${OUT:-/tmp/pages-open}/ab-$label-$side.load && PYTHONPATH=$dir /work/wt/pages-open/.venv/bin/python -m bench --db $url --small-db $small --only pages --runs $runs --out ${OUT:-/tmp/pages-open}/ab-$label-$side-$i.json > /dev/null 2>&1)
  done
done
