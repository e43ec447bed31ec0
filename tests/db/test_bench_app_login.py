"""The PostgreSQL benchmark measures as a workstation connects (issue 8): with a login of the
application role ``mandant_app``, to which row-level security applies, not as the owner who loaded
the demo. Other backends have no such roles and keep their URL."""

from __future__ import annotations

import uuid

from dbhelpers import MigratedDatabase
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from tenanthelpers import add_tenants

from bench.databases import as_application
from mandant_desktop.db.models import Customer


def test_the_figures_connect_as_an_application_login_under_row_security(migrated_db: MigratedDatabase) -> None:
    if migrated_db.engine.dialect.name != "postgresql":
        assert as_application(migrated_db.url, "ignored") == migrated_db.url
        return
    login = f"mandant_bench_t_{uuid.uuid4().hex[:10]}"
    tenant = add_tenants(migrated_db.session_factory, "A")[0]
    with migrated_db.session_factory.begin() as session:
        session.add(Customer(number="1", name="Nord GmbH", short_name="nord", tenant_id=tenant))
    try:
        url = as_application(migrated_db.url, login)
        assert as_application(migrated_db.url, login) == url  # a second run finds the login there
        assert make_url(url).username == login
        app = create_engine(url, poolclass=NullPool)
        try:
            with app.connect() as conn:
                assert conn.scalar(text("SELECT current_user")) == login
                assert conn.scalar(text("SELECT pg_has_role(current_user, 'mandant_app', 'MEMBER')"))
                assert not conn.scalar(text("SELECT mandant_is_trusted()"))
                # no operator named: the read policy hides every customer, as for the owner it does not
                assert conn.scalar(select(func.count(Customer.id))) == 0
        finally:
            app.dispose()
        with migrated_db.engine.connect() as conn:
            assert conn.scalar(select(func.count(Customer.id))) == 1
    finally:
        with migrated_db.engine.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :u"), {"u": login}
            )
            conn.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
            conn.commit()
