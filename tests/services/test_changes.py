"""Noticing other workstations' changes (SPEC E8): NOTIFY after commit on PostgreSQL, the audit-log
counter elsewhere."""

from __future__ import annotations

import queue
from collections.abc import Iterator
from pathlib import Path

import pytest
from dbhelpers import MigratedDatabase, migrated_database
from tenanthelpers import add_user, operator, router

from mandant_desktop.db.engine import create_engine_for, make_session_factory
from mandant_desktop.services.changes import ChangeListener, ChangePoller, Changes
from mandant_desktop.services.operator import system_operator
from mandant_desktop.services.tenants import TenantInput, TenantService
from mandant_desktop.services.unit_of_work import UnitOfWork


@pytest.fixture
def postgres(tmp_path: Path) -> Iterator[MigratedDatabase]:
    with migrated_database("postgresql", tmp_path) as db:
        yield db


def test_notify_names_the_changed_tables_and_skips_the_own_engine(postgres: MigratedDatabase) -> None:
    """E8: a commit on another engine arrives with its tables; the listener's own engine's does not;
    a rolled-back unit of work sends nothing."""
    received: queue.Queue[Changes] = queue.Queue()
    listener = ChangeListener(postgres.engine, received.put)
    listener.start()
    other = create_engine_for(postgres.url)
    try:
        assert listener.listening.wait(5)
        mine = TenantService(postgres.session_factory, router(postgres))
        mine.create_tenant(system_operator(), TenantInput(name="Eigener Mandant"))
        with UnitOfWork(make_session_factory(other), system_operator()) as uow:
            uow.audit("Tenant", 1, "update", summary="nie gespeichert")  # not committed: no NOTIFY
        elsewhere = MigratedDatabase(postgres.url, other, make_session_factory(other))
        TenantService(elsewhere.session_factory, router(elsewhere)).create_tenant(
            system_operator(), TenantInput(name="Filiale")
        )
        changes = received.get(timeout=5)
        assert "tenant" in changes.tables
        assert received.empty()
    finally:
        listener.stop()
        other.dispose()


def test_the_poller_counts_only_other_workstations(migrated_db: MigratedDatabase) -> None:
    """E8 (SQLite, MariaDB, and PostgreSQL as a fallback): the newest audit entry is the counter."""
    user = add_user(migrated_db.session_factory, "mia")
    me = operator(user, "mia")
    poller = ChangePoller(migrated_db.session_factory, me)
    assert poller.poll() is None
    service = TenantService(migrated_db.session_factory, router(migrated_db))
    service.create_tenant(me, TenantInput(name="Meiner"))
    assert poller.poll() is None
    service.create_tenant(system_operator(), TenantInput(name="Von der Kommandozeile"))
    changes = poller.poll()
    assert changes is not None and changes.tables >= {"tenant"}
    assert poller.poll() is None
