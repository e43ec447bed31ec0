"""Grow a demo's audit log to reference scale for the audit figures: ``python -m bench.audit_scale URL [ENTRIES]``.

The large demo writes about 5,000 audit entries; an installation that has run for a few years holds
hundreds of thousands. This copies the demo's entries again and again, each copy shifted back by
whole days (so times, operators, workstations, objects and tenants keep the demo's mix), until the
log holds ``ENTRIES`` (default 300,000). Run it on a copy of the bench database, never on the
shared one: the copies stay. Connects as the URL's user (the owner on PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
import sys

from sqlalchemy import func, insert, select

from bench.harness import log

ENTRIES = 300_000
CHUNK = 5_000


def grow(url: str, entries: int = ENTRIES) -> int:
    """Copy the log's original entries back in time until it holds ``entries``; returns the count."""
    from mandant_desktop.db.engine import create_engine_for
    from mandant_desktop.db.models import AuditEntry

    table = AuditEntry.__table__
    engine = create_engine_for(url)
    try:
        with engine.begin() as conn:
            have = conn.scalar(select(func.count()).select_from(table)) or 0
            if have >= entries:
                return have
            newest = conn.scalar(select(func.max(table.c.id))) or 0
            columns = [c for c in table.columns if c.name != "id"]
            originals = [dict(row._mapping) for row in conn.execute(select(*columns).order_by(table.c.id))]
        if not originals:
            raise SystemExit("the log is empty: load a demo first")
        shift = 0
        while have < entries:
            shift += 1
            days = dt.timedelta(days=shift * 7)
            batch = [{**row, "at": row["at"] - days} for row in originals[: entries - have]]
            with engine.begin() as conn:
                for start in range(0, len(batch), CHUNK):
                    conn.execute(insert(table), batch[start : start + CHUNK])
            have += len(batch)
            log(f"audit entries: {have} (ids up to {newest + have})")
        if engine.dialect.name == "postgresql":  # as autovacuum would soon (SQLite: the demo has no statistics)
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("ANALYZE audit_log")
        return have
    finally:
        engine.dispose()


def main() -> int:
    url = sys.argv[1]
    entries = int(sys.argv[2]) if len(sys.argv) > 2 else ENTRIES
    print(grow(url, entries))
    return 0


if __name__ == "__main__":
    sys.exit(main())
