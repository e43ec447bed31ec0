"""The demo databases the benchmark runs on: generated once, timed then, and reused.

Generating the large demo takes about two minutes of a shared CPU, so the file stays (by default
``/tmp/bench-large.sqlite``) and the time it took is kept beside it (``<file>.demo.json``); the
``demo_large`` figure reports that time on every later run, with the date it was measured.

A PostgreSQL or MariaDB database (``make bench-postgresql``) is created when the server does not
have it yet, filled once in the same way, and reused while it holds the demo; its timing is kept in
``/tmp/bench-<backend>-<database>.demo.json``.

The demo is loaded by the user the URL names (the owner, as ``mandant-admin demo`` is run by the
database administrator). A workstation connects with a login of the group role ``mandant_app``
instead (README, "Who holds which credentials"), to which row-level security and the assignment
checks of revisions 0005 and 0009 apply: :func:`as_application` gives the figures that login.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from bench.harness import Figure, log

#: SPEC section 8 / issue 8: ``demo --scale large`` within three minutes
DEMO_BUDGET_S = 180.0
#: the group role of the workstations' logins (revision 0005)
APP_ROLE = "mandant_app"
#: the login the PostgreSQL figures connect with, as README's ``mandant_desk`` on a workstation
APP_LOGIN = "mandant_bench_desk"


def _sidecar(url: str) -> Path | None:
    from sqlalchemy.engine import make_url

    from mandant_desktop.db.engine import sqlite_path

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return Path(tempfile.gettempdir()) / f"bench-{parsed.get_backend_name()}-{parsed.database}.demo.json"
    path = sqlite_path(parsed)
    return Path(f"{path}.demo.json") if path is not None else None


def _create_server_database(url: str) -> None:
    """Create the database of a PostgreSQL or MariaDB ``url`` on its server when it is missing."""
    from sqlalchemy import create_engine, text

    from mandant_desktop.db.engine import normalize_url

    parsed = normalize_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite" or not parsed.database:
        return
    name = parsed.database
    if backend == "postgresql":
        server = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
        exists = text("SELECT 1 FROM pg_database WHERE datname = :name")
        create = f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0"
    else:
        # URL.set() ignores None (the database would stay): connect to a schema every server has
        server = create_engine(parsed.set(database="information_schema"), isolation_level="AUTOCOMMIT")
        exists = text("SELECT 1 FROM information_schema.schemata WHERE schema_name = :name")
        create = f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    try:
        with server.connect() as connection:
            if connection.execute(exists, {"name": name}).first() is None:
                log(f"creating the database {name} on {backend}")
                connection.exec_driver_sql(create)
    finally:
        server.dispose()


def _is_empty(url: str) -> bool:
    _create_server_database(url)
    from mandant_desktop.db.engine import create_engine_for
    from mandant_desktop.db.migrate import upgrade_database
    from mandant_desktop.db.models import Customer

    engine = create_engine_for(url)
    try:
        upgrade_database(engine)
        with engine.connect() as connection:
            return not connection.scalar(select(func.count(Customer.id)))
    finally:
        engine.dispose()


def _generate(url: str, scale: str) -> dict[str, object]:
    from mandant_desktop.db.engine import create_engine_for
    from mandant_desktop.services.demo import generate_demo
    from mandant_desktop.ui.mail_texts import translate_mail  # the demo's outbox in German, as the CLI's

    log(f"generating the {scale} demo into {url} (once; it is reused by later runs)")
    engine = create_engine_for(url)
    try:
        started = time.perf_counter()
        result = generate_demo(engine, scale=scale, seed=1, translate=translate_mail)
        seconds = time.perf_counter() - started
    finally:
        engine.dispose()
    return {"seconds": round(seconds, 1), "rows": result.total, "measured": time.strftime("%Y-%m-%d %H:%M %Z")}


def ensure_demo(url: str, scale: str) -> list[str]:
    """Make sure ``url`` holds the demo of ``scale``; for the large one, the ``demo_large`` line."""
    sidecar = _sidecar(url)
    if _is_empty(url):
        timing = _generate(url, scale)
        if sidecar is not None:
            sidecar.write_text(json.dumps(timing))
    elif sidecar is not None and sidecar.exists():
        timing = json.loads(sidecar.read_text())
    else:
        timing = {}
    if scale != "large":
        return []
    from mandant_desktop.db.engine import backend_name, create_engine_for

    engine = create_engine_for(url)
    backend = backend_name(engine)
    engine.dispose()
    seconds = timing.get("seconds")
    figure = Figure(
        "demo_large",
        backend,
        float(seconds) if isinstance(seconds, int | float) else None,
        "s",
        f"mandant-admin demo --scale large <= {DEMO_BUDGET_S:.0f} s",
        isinstance(seconds, int | float) and seconds <= DEMO_BUDGET_S,
        detail={"when the database was generated": timing or "unknown: the database was there already"},
    )
    return [figure.line()]


def as_application(url: str, login: str = APP_LOGIN) -> str:
    """``url`` as a workstation connects to it: PostgreSQL with ``login``, a member of the group role
    :data:`APP_ROLE` that owns nothing, so row-level security applies. The user of ``url`` (the
    owner, who loaded the demo) creates the login when it is missing (without a password: the
    server must let it in, as the local bench server trusts 127.0.0.1, or PGPASSWORD gives one).
    Other backends have no such roles: ``url`` unchanged."""
    from sqlalchemy import create_engine, text

    from mandant_desktop.db.engine import normalize_url

    parsed = normalize_url(url)
    if parsed.get_backend_name() != "postgresql":
        return url
    owner = create_engine(parsed, isolation_level="AUTOCOMMIT")
    try:
        with owner.connect() as connection:
            # Roles are the server's, not the database's: another run may be creating it right now.
            connection.exec_driver_sql(
                f'DO $$ BEGIN CREATE ROLE "{login}" LOGIN; '
                "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
            )
            connection.exec_driver_sql(f'GRANT {APP_ROLE} TO "{login}"')
    finally:
        owner.dispose()
    app_url = parsed.set(username=login, password=None)
    app = create_engine(app_url)
    try:
        with app.connect() as connection:
            trusted = connection.execute(text("SELECT mandant_is_trusted()")).scalar_one()
    finally:
        app.dispose()
    if trusted:  # a superuser or a member of the owner: row security would not apply
        raise RuntimeError(f"the login {login} owns the schema or is a superuser; the figures need one that does not")
    return app_url.render_as_string(hide_password=False)
