"""The unit of work: all or nothing, audited in the same transaction, conflicts refused (SPEC S3, S4)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from dbhelpers import SERVER_BACKENDS, MigratedDatabase, migrated_database
from sqlalchemy import event, func, select, text
from sqlalchemy.orm import Session

from mandant_desktop.db.models import AuditEntry, Role, Tenant, User, UserStatus
from mandant_desktop.domain.errors import ConflictError
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.unit_of_work import UnitOfWork

ALICE = Operator(id=1, username="alice", workstation="ws-alice")
BOB = Operator(id=2, username="bob", workstation="ws-bob")
HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"


@pytest.fixture(params=SERVER_BACKENDS)
def migrated_server(request: pytest.FixtureRequest) -> Iterator[MigratedDatabase]:
    with migrated_database(request.param) as db:
        yield db


def _audit(db: MigratedDatabase) -> list[AuditEntry]:
    with Session(db.engine) as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def _tenant_count(db: MigratedDatabase) -> int:
    with Session(db.engine) as session:
        return session.scalar(select(func.count()).select_from(Tenant)) or 0


def _add_tenant(db: MigratedDatabase, name: str = "Nord", operator: Operator = ALICE) -> int:
    with UnitOfWork(db.session_factory, operator) as uow:
        tenant = Tenant(name=name, name_key=name.casefold())
        uow.session.add(tenant)
        uow.commit()
    return tenant.id


# --------------------------------------------------------------------------- all or nothing


def test_nothing_is_saved_unless_committed(migrated_sqlite: MigratedDatabase) -> None:
    """S3: leaving the block without commit rolls back the change and its audit entries, even
    after a flush wrote both."""
    with UnitOfWork(migrated_sqlite.session_factory, ALICE) as uow:
        uow.session.add(Tenant(name="Nord", name_key="nord"))
        uow.session.flush()
        uow.audit("Tenant", 0, "note", summary="explicit entry")
    assert _tenant_count(migrated_sqlite) == 0
    assert _audit(migrated_sqlite) == []


def test_an_error_in_the_block_rolls_back_and_propagates(migrated_sqlite: MigratedDatabase) -> None:
    class BoomError(Exception):
        pass

    with pytest.raises(BoomError), UnitOfWork(migrated_sqlite.session_factory, ALICE) as uow:
        uow.session.add(Tenant(name="Nord", name_key="nord"))
        uow.session.flush()
        raise BoomError
    assert _tenant_count(migrated_sqlite) == 0
    assert _audit(migrated_sqlite) == []


def test_a_failed_commit_leaves_neither_change_nor_audit(migrated_db: MigratedDatabase) -> None:
    """S3, S4: a commit refused by the database (a name taken at the same time) is a conflict; the
    audit entries written by the flush go with the rolled-back change."""
    _add_tenant(migrated_db, "Nord")
    entries_before = len(_audit(migrated_db))
    with pytest.raises(ConflictError), UnitOfWork(migrated_db.session_factory, BOB) as uow:
        uow.session.add(Tenant(name="Süd", name_key="süd"))
        uow.session.add(Tenant(name="NORD", name_key="nord"))
        uow.commit()
    assert _tenant_count(migrated_db) == 1
    assert len(_audit(migrated_db)) == entries_before


# --------------------------------------------------------------------------- audit


def test_every_changed_object_is_audited_with_before_and_after(migrated_db: MigratedDatabase) -> None:
    """S3: one entry per changed object with operator, workstation, tenant and before → after."""
    tenant_id = _add_tenant(migrated_db, "Nord")
    with UnitOfWork(migrated_db.session_factory, BOB) as uow:
        tenant = uow.load(Tenant, tenant_id)
        tenant.name = "Nord-Ost"
        role = uow.session.scalars(select(Role).where(Role.predefined_key == "reader")).one()
        role.description = "Reads."
        uow.commit()
    with UnitOfWork(migrated_db.session_factory, BOB) as uow:
        uow.session.delete(uow.load(Tenant, tenant_id))
        uow.commit()

    entries = _audit(migrated_db)
    assert [(e.object_type, e.action, e.operator_name) for e in entries] == [
        ("Tenant", "create", "alice"),
        ("Tenant", "update", "bob"),
        ("Role", "update", "bob"),
        ("Tenant", "delete", "bob"),
    ]
    created, renamed, role_entry, deleted = entries
    assert created.changes is not None and created.changes["name"] == [None, "Nord"]
    assert created.workstation == "ws-alice" and created.operator_id == 1
    assert renamed.changes == {"name": ["Nord", "Nord-Ost"]}  # bookkeeping (version, updated_*) left out
    assert renamed.tenant_id == tenant_id and renamed.object_id == str(tenant_id)
    assert role_entry.changes is not None and role_entry.changes["description"][1] == "Reads."
    assert deleted.changes is not None and deleted.changes["name"] == ["Nord-Ost", None]
    assert all(e.at.tzinfo is not None for e in entries)


def test_no_listener_is_added_per_unit_of_work(migrated_db: MigratedDatabase) -> None:
    """S3, issue 8: the audit, the operator's name at BEGIN and the undo capture listen on the
    Session class, registered once; a unit of work adds no listener to its session (each one
    copied the session's event dispatch), and a session without a unit of work is not audited."""
    from mandant_desktop.services import unit_of_work as uow_module

    listeners = (
        ("after_begin", uow_module._set_operator_setting),
        ("before_flush", uow_module._before_flush),
        ("after_flush", uow_module._after_flush),
    )
    _add_tenant(migrated_db)
    for _ in range(2):
        with UnitOfWork(migrated_db.session_factory, ALICE) as uow:
            for name, listener in listeners:
                assert event.contains(Session, name, listener)
                assert not event.contains(uow.session, name, listener)
            assert type(uow.session.dispatch.before_flush).__name__ == "_EmptyListener"
            uow.session.add(Tenant(name=f"Süd{_}", name_key=f"süd{_}"))
            uow.commit()
    with migrated_db.session_factory.begin() as session:
        session.add(Tenant(name="Ohne", name_key="ohne"))
    assert [(e.object_type, e.action) for e in _audit(migrated_db)] == [("Tenant", "create")] * 3


def test_unchanged_objects_are_not_audited(migrated_sqlite: MigratedDatabase) -> None:
    tenant_id = _add_tenant(migrated_sqlite, "Nord")
    with UnitOfWork(migrated_sqlite.session_factory, BOB) as uow:
        tenant = uow.load(Tenant, tenant_id)
        tenant.name = "Nord"  # the same value
        uow.commit()
    assert len(_audit(migrated_sqlite)) == 1


def test_secrets_are_redacted_in_the_audit_log(migrated_db: MigratedDatabase) -> None:
    """S3, S6: a password hash never reaches the audit log; its change shows only as a change."""
    with UnitOfWork(migrated_db.session_factory, ALICE) as uow:
        user = User(username="mia", username_key="mia", password_hash=HASH)
        uow.session.add(user)
        uow.commit()
    with UnitOfWork(migrated_db.session_factory, ALICE) as uow:
        loaded = uow.load(User, user.id)
        loaded.password_hash = HASH + "x"
        loaded.status = UserStatus.ACTIVE
        uow.commit()

    created, updated = _audit(migrated_db)
    assert created.changes is not None and created.changes["password_hash"] == [None, "***"]
    assert updated.changes == {"password_hash": ["***", "***"], "status": ["pending", "active"]}
    for entry in (created, updated):
        assert "argon2" not in json.dumps(entry.changes)


def test_explicit_entries_for_set_based_changes_share_the_transaction(migrated_sqlite: MigratedDatabase) -> None:
    """S3: changes the ORM cannot see are audited through ``uow.audit`` and committed with the change."""
    with UnitOfWork(migrated_sqlite.session_factory, ALICE) as uow:
        uow.audit("RoleAssignment", "bulk", "bulk_add", changes={"added": [None, 42]}, summary="adds 42")
        uow.commit()
    (entry,) = _audit(migrated_sqlite)
    assert (entry.object_type, entry.action, entry.summary, entry.changes) == (
        "RoleAssignment",
        "bulk_add",
        "adds 42",
        {"added": [None, 42]},
    )


# --------------------------------------------------------------------------- conflicts


def test_saving_over_a_newer_version_is_refused_naming_who(migrated_db: MigratedDatabase) -> None:
    """S4: the user saw version 1; bob saved version 2 meanwhile; the save is refused with who/when."""
    tenant_id = _add_tenant(migrated_db, "Nord")
    with UnitOfWork(migrated_db.session_factory, BOB) as uow:
        uow.load(Tenant, tenant_id, expected_version=1).name = "Nord (bob)"
        uow.commit()

    with (
        pytest.raises(ConflictError, match="bob changed this Tenant") as refused,
        UnitOfWork(migrated_db.session_factory, ALICE) as uow,
    ):
        uow.load(Tenant, tenant_id, expected_version=1).name = "Nord (alice)"
        uow.commit()
    assert "reload" in refused.value.message
    with Session(migrated_db.engine) as session:
        assert session.get(Tenant, tenant_id).name == "Nord (bob)"  # type: ignore[union-attr]


def test_loading_a_row_deleted_elsewhere_is_a_conflict(migrated_sqlite: MigratedDatabase) -> None:
    """S4: a row deleted on another workstation is reported as such."""
    with pytest.raises(ConflictError, match="deleted"), UnitOfWork(migrated_sqlite.session_factory, ALICE) as uow:
        uow.load(Tenant, 12345, expected_version=1)


def test_concurrent_save_on_a_server_is_refused_naming_who(migrated_server: MigratedDatabase) -> None:
    """S4: the optimistic lock itself: B reads, A reads, changes and commits, then B's UPDATE matches
    no row (StaleDataError) and B is told who changed the row."""
    tenant_id = _add_tenant(migrated_server, "Nord")
    with UnitOfWork(migrated_server.session_factory, ALICE) as session_b:
        row_b = session_b.load(Tenant, tenant_id)
        assert row_b.version == 1
        with UnitOfWork(migrated_server.session_factory, BOB) as session_a:
            session_a.load(Tenant, tenant_id).name = "Nord (bob)"
            session_a.commit()
        row_b.name = "Nord (alice)"
        with pytest.raises(ConflictError, match="bob changed this Tenant"):
            session_b.commit()
    with Session(migrated_server.engine) as session:
        tenant = session.get(Tenant, tenant_id)
        assert tenant is not None and (tenant.name, tenant.version) == ("Nord (bob)", 2)
    assert [e.operator_name for e in _audit(migrated_server)] == ["alice", "bob"]

    # The same when a query's autoflush, not the commit, meets the stale row: the error leaves the
    # block as a conflict.
    with (
        pytest.raises(ConflictError, match="bob changed this Tenant"),
        UnitOfWork(migrated_server.session_factory, ALICE) as session_b,
    ):
        row_b = session_b.load(Tenant, tenant_id)
        with UnitOfWork(migrated_server.session_factory, BOB) as session_a:
            session_a.load(Tenant, tenant_id).name = "Nord (bob again)"
            session_a.commit()
        row_b.name = "Nord (alice)"
        session_b.session.scalars(select(Tenant)).all()


def test_concurrent_save_on_sqlite_is_refused(migrated_sqlite: MigratedDatabase) -> None:
    """S4: on SQLite a writer takes the lock at BEGIN, so the stale write shows up when a reader's
    older snapshot tries to write; that too is a conflict, never a silent overwrite."""
    tenant_id = _add_tenant(migrated_sqlite, "Nord")
    with UnitOfWork(migrated_sqlite.session_factory, ALICE, write=False) as session_b:
        row_b = session_b.load(Tenant, tenant_id)
        with UnitOfWork(migrated_sqlite.session_factory, BOB) as session_a:
            session_a.load(Tenant, tenant_id).name = "Nord (bob)"
            session_a.commit()
        row_b.name = "Nord (alice)"
        with pytest.raises(ConflictError) as refused:
            session_b.commit()
    assert "Nothing was saved" in refused.value.message
    with Session(migrated_sqlite.engine) as session:
        tenant = session.get(Tenant, tenant_id)
        assert tenant is not None and tenant.name == "Nord (bob)"


def test_waiting_too_long_for_a_lock_on_a_server_is_a_conflict(migrated_server: MigratedDatabase) -> None:
    """S4, S5: another workstation holds the row (an unfinished bulk edit); the save gives up after
    the server's lock timeout. That is a clash between workstations, reported as a conflict with
    nothing saved, not as a lost connection (which would put up the S5 banner)."""
    tenant_id = _add_tenant(migrated_server, "Nord")
    engine = migrated_server.engine
    with engine.connect() as other:
        other.execute(text("UPDATE tenant SET name = 'Nord (bulk)' WHERE id = :id"), {"id": tenant_id})
        with (
            pytest.raises(ConflictError, match="Another workstation saved at the same moment"),
            UnitOfWork(migrated_server.session_factory, ALICE) as uow,
        ):
            if engine.dialect.name == "postgresql":
                uow.session.execute(text("SET LOCAL lock_timeout = '200ms'"))
            else:
                uow.session.execute(text("SET SESSION innodb_lock_wait_timeout = 1"))
            uow.load(Tenant, tenant_id).name = "Nord (alice)"
            uow.commit()
        other.rollback()
    with Session(engine) as session:
        tenant = session.get(Tenant, tenant_id)
        assert tenant is not None and (tenant.name, tenant.version) == ("Nord", 1)
    assert [e.operator_name for e in _audit(migrated_server)] == ["alice"]


def test_a_json_value_reaches_the_audit_log_as_json() -> None:
    """S3: a JSON column's value (a setting's parts) was written into the log as Python's text of
    it ("{'portal_url': …}"); it is written as JSON, its moments and codes as the log writes them."""
    import datetime as dt

    from mandant_desktop.db.models import AccessLevel
    from mandant_desktop.services.unit_of_work import to_audit_value

    value = {
        "portal_url": "https://portal.example",
        "length": 6,
        "at": dt.date(2026, 12, 4),
        "levels": (AccessLevel.FULL,),
    }
    assert to_audit_value(value) == {
        "portal_url": "https://portal.example",
        "length": 6,
        "at": "2026-12-04",
        "levels": ["full"],
    }
