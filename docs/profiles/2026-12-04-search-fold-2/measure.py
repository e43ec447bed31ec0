"""The users search per keystroke (SPEC U1, section 8): what the users page asks the database after a
pause in typing, its count and its first window of 200 rows, for the texts an administrator types
letter by letter. Run with the code to measure on PYTHONPATH (old: main; new: this branch):

    PYTHONPATH=<worktree> <venv>/bin/python measure.py URL [rounds]

Under callgrind (SQLite: the database works in this process, so its instructions are counted and
do not change with the machine's load) with rounds 0 (only the start and the warm-up) and 1: the
difference divided by the keystrokes is the instructions per keystroke.

Prints one JSON line: per keystroke (a typed prefix) the fastest of its rounds (the machine is shared
and loaded: the least disturbed run), and of these the median over all keystrokes and per word;
the median of every single run too; and the hits of each whole word."""

from __future__ import annotations

import json
import statistics
import sys
import time

from mandant_desktop.db.engine import create_engine_for, make_session_factory
from mandant_desktop.services.operator import system_operator
from mandant_desktop.services.users import UsersService

#: typed letter by letter: a common last name, an umlaut, an e-mail part, two words, no hit
WORDS = ("schmidt", "müller", "mueller", "weiß", "firma.example", "anna schmidt", "xyzq")


def main() -> None:
    url = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    engine = create_engine_for(url)
    users = UsersService(make_session_factory(engine))
    operator = system_operator("bench")
    users.count(operator, "")  # connect, warm the caches
    runs: dict[tuple[str, str], list[float]] = {}
    hits = {}
    for _ in range(rounds):
        for word in WORDS:
            for end in range(1, len(word) + 1):
                typed = word[:end]
                if not typed.strip():
                    continue
                start = time.perf_counter()
                total = users.count(operator, typed)
                users.page(operator, search=typed, limit=200)
                runs.setdefault((word, typed), []).append((time.perf_counter() - start) * 1000)
            hits[word] = total
    per_word: dict[str, list[float]] = {word: [] for word in WORDS}
    for (word, _typed), times in runs.items():
        per_word[word].append(min(times))
    every = [ms for times in per_word.values() for ms in times] or [0.0]
    single = [ms for times in runs.values() for ms in times] or [0.0]
    print(
        json.dumps(
            {
                "backend": engine.dialect.name,
                "ms_per_keystroke_median": round(statistics.median(every), 2),
                "ms_per_run_median": round(statistics.median(single), 2),
                "keystrokes": len(every),
                "per_word_median": {w: round(statistics.median(t), 2) for w, t in per_word.items() if t},
                "hits": hits,
            }
        )
    )
    engine.dispose()


if __name__ == "__main__":
    main()
