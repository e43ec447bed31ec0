"""sum callgrind dumps: per phase (the dump's trigger) and thread. usage: sumphases.py DIR"""

import collections
import re
import sys
from pathlib import Path

rows = collections.defaultdict(lambda: collections.defaultdict(list))
for f in sorted(Path(sys.argv[1]).iterdir()):
    m = re.match(r"s(\d+)\.(\d+)(?:\.(\d+))?-(\d+)$", f.name)
    if not m:
        continue
    start, dump, thread = int(m[1]), int(m[3] or 0), int(m[4])
    trig, total = None, 0
    for line in f.open(errors="replace"):
        if line.startswith("desc: Trigger:"):
            trig = line.split("Trigger:", 1)[1].strip()
        elif line.startswith("summary:") or line.startswith("totals:"):
            total = int(line.split()[1])
    trig = (trig or "").replace("Client Request: ", "") if dump else "99-exit"
    if line_count_dummy := None:
        pass
    rows[trig][thread].append((start, total))
starts = sorted({s for t in rows.values() for v in t.values() for s, _ in v})


def fmt(x):
    return f"{x / 1e6:9.1f}"


print("phase".ljust(26), "thread", *(f"start{s}".rjust(9) for s in starts))
for trig in sorted(rows):
    for thread in sorted(rows[trig]):
        d = dict(rows[trig][thread])
        if max(d.values()) < 1e6:
            continue
        print(trig.ljust(26), f"{thread:6d}", *(fmt(d.get(s, 0)) for s in starts))

tot = collections.defaultdict(int)
for trig in rows:
    if trig.startswith("99"):
        continue
    for s, v in rows[trig][1]:
        tot[s] += v
print("main thread until ready".ljust(33), *(fmt(tot[s]) for s in starts))
