"""inclusive instructions per module import from b:/a: dumps. usage: incl.py DIR START"""

import collections
import re
import sys
from pathlib import Path

d = Path(sys.argv[1])
start = sys.argv[2]
segs = collections.defaultdict(list)  # thread -> [(dump, trig, total)]
for f in d.iterdir():
    m = re.match(rf"s{start}\.(\d+)\.(\d+)-(\d+)$", f.name)
    if not m:
        continue
    trig = total = None
    with f.open(errors="replace") as fh:
        for line in fh:
            if line.startswith("desc: Trigger:"):
                trig = line.split("Client Request:", 1)[-1].strip()
            elif line.startswith("summary:"):
                total = int(line.split()[1])
                break
    segs[int(m[3])].append((int(m[2]), trig, total))
for thread, lst in sorted(segs.items()):
    lst.sort()
    stack, incl, self_ = [], {}, collections.Counter()
    for _dump, trig, total in lst:
        # total = instructions since previous dump, attributed to innermost open module (self) and all open (incl)
        for _name, acc in stack:
            acc[0] += total
        if stack:
            self_[stack[-1][0]] += total
        if trig.startswith("b:"):
            stack.append((trig[2:], [0]))
        elif trig.startswith("a:"):
            name, acc = stack.pop()
            assert name == trig[2:], (name, trig)
            incl[name] = acc[0]
    print(f"thread {thread}: {len(lst)} dumps")
    for name, v in sorted(incl.items(), key=lambda kv: -kv[1])[:70]:
        print(f"  {v / 1e6:8.2f} incl {self_[name] / 1e6:8.2f} self  {name}")
