"""What defining one record class costs: run under callgrind with N = 0 and N = 50 and divide the
difference by 50. ``python dataclass_cost.py frozen|plain|frozen_noeq|namedtuple|class N``"""

import sys
from dataclasses import dataclass
from typing import NamedTuple

FIELDS = "    a: int\n    b: str\n    c: str | None = None\n    d: frozenset[int] = frozenset()\n"
INIT = (
    "    def __init__(self, a: int, b: str, c: str | None = None, d: frozenset[int] = frozenset()) -> None:\n"
    "        self.a, self.b, self.c, self.d = a, b, c, d\n"
)
SOURCES = {
    "frozen": "@dataclass(frozen=True, slots=True)\nclass C:\n" + FIELDS,
    "plain": "@dataclass\nclass C:\n" + FIELDS,
    "frozen_noeq": "@dataclass(frozen=True, slots=True, eq=False)\nclass C:\n" + FIELDS,
    "namedtuple": "class C(NamedTuple):\n" + FIELDS,
    "class": "class C:\n    __slots__ = ('a', 'b', 'c', 'd')\n" + INIT,
}

kind, count = sys.argv[1], int(sys.argv[2])
code = compile("from __future__ import annotations\n" + SOURCES[kind], "x", "exec")
for _ in range(count):
    exec(code, {"dataclass": dataclass, "NamedTuple": NamedTuple})
