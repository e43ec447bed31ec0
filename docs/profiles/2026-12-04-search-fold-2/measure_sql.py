"""The users search's own statements, old condition against new, in turns (A B A B) in one process:
the count and the first window's ids of 200 (by name) for every prefix of the typed words of
measure.py; per prefix the fastest of ``rounds`` runs (the machine is loaded), then the median over
the prefixes. Old: ``lower()`` of four columns LIKE the whole text (main before this branch); new:
the stored key contains every folded word (revision 0029).

    PYTHONPATH=<this worktree> python measure_sql.py URL [rounds]
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import func, or_, select

sys.path.insert(0, str(Path(__file__).parent))

from measure import WORDS

from mandant_desktop.db import search_keys, user_order
from mandant_desktop.db.engine import create_engine_for
from mandant_desktop.db.models import User
from mandant_desktop.domain.search_folding import search_words


def old_condition(search: str) -> object:
    like = f"%{' '.join(search.split()).casefold()}%"
    full = func.lower(User.first_name + " " + User.last_name)
    return or_(
        User.username_key.like(like), User.email_key.like(like), full.like(like), func.lower(User.last_name).like(like)
    )


def new_condition(dialect: str, search: str) -> object:
    return search_keys.contains_words(dialect, User.search_key, search_words(search))


def main() -> None:
    engine = create_engine_for(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    dialect = engine.dialect.name
    order = [*user_order.name_keys(dialect), User.id]
    typed = [w[:n] for w in WORDS for n in range(1, len(w) + 1) if w[:n].strip()]
    best: dict[str, dict[str, float]] = {"old": {}, "new": {}}
    with engine.connect() as conn:
        for _ in range(rounds):
            for text in typed:
                for side in ("old", "new"):
                    where = old_condition(text) if side == "old" else new_condition(dialect, text)
                    start = time.perf_counter()
                    conn.scalar(select(func.count()).select_from(User).where(where))
                    conn.execute(select(User.id).where(where).order_by(*order).limit(200)).all()
                    ms = (time.perf_counter() - start) * 1000
                    best[side][text] = min(ms, best[side].get(text, ms))
    print(
        json.dumps(
            {
                "backend": dialect,
                "keystrokes": len(typed),
                **{f"{side}_ms_median": round(statistics.median(best[side].values()), 2) for side in best},
                **{f"{side}_ms_max": round(max(best[side].values()), 2) for side in best},
            }
        )
    )
    engine.dispose()


if __name__ == "__main__":
    main()
