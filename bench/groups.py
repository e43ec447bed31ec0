"""One group of figures in its own process: ``python -m bench.groups GROUP LARGE_URL SMALL_URL RUNS [OWNER_URL]``.

OWNER_URL: the large demo as its owner (default LARGE_URL), for what a workstation's login may not
do, such as copying the database for the org figures.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import make_url

from bench.harness import Report

Group = Callable[[Report, str, str, int], None]


def _with_session(run: Callable[..., None]) -> Group:
    def group(report: Report, large: str, _small: str, runs: int) -> None:
        from bench.qt import Session

        session = Session(large)
        try:
            run(session, report, runs)
        finally:
            session.close()

    return group


def _queries(report: Report, large: str, small: str, _runs: int) -> None:
    from bench.pages import queries_per_page, statements_per_page
    from bench.qt import Session

    counts = []
    for url in (small, large):
        session = Session(url)
        try:
            counts.append(statements_per_page(session))
        finally:
            session.close()
    queries_per_page(report, *counts)


def _groups(owner: str) -> dict[str, Group]:
    from bench import data, org_figures, pages, search_terms, startup

    def org(report: Report, large: str, small: str, runs: int) -> None:
        org_figures.run(report, large, small, runs, owner=owner)

    def customers(session: Any, report: Report, runs: int) -> None:
        pages.customers(session, report, runs)
        search_terms.figure(session, report, runs)

    return {
        "startup": startup.run,
        "customers": _with_session(customers),
        "grid": _with_session(pages.grid),
        "matrix": _with_session(pages.matrix),
        "users": _with_session(pages.users),
        "pages": _with_session(pages.page_open),
        "audit": _with_session(pages.audit),
        "queries": _queries,
        "org": org,
        "bulk": data.bulk,
        "export": data.export_assignments,
    }


def main() -> int:
    name, large, small, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    owner = sys.argv[5] if len(sys.argv) > 5 else large
    from mandant_desktop.db.engine import backend_name

    report = Report(backend_name(make_url(large)))
    try:
        _groups(owner)[name](report, large, small, runs)
    except Exception as exc:  # a group that breaks is a figure that is not ok, with the reason
        report.failed(name, exc)
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main())
