"""Tenants and tenant access through the services, on every backend (SPEC T1-T5, T8, T9, T11, S3, S4)."""

from __future__ import annotations

from typing import Any

import pytest
from dbhelpers import MigratedDatabase
from sqlalchemy import select
from tenanthelpers import add_tenants, add_user, add_users, grant, operator, router

from mandant_desktop.db.models import AccessLevel, AuditEntry, Contact, TenantAccess
from mandant_desktop.domain.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from mandant_desktop.domain.tenant_access import Level
from mandant_desktop.domain.tenants import HIDDEN, Access, StagedAccess
from mandant_desktop.services.access import AccessService
from mandant_desktop.services.tenants import TenantInput, TenantService

FULL, READ, HID = AccessLevel.FULL, AccessLevel.READ_ONLY, AccessLevel.HIDDEN


def _services(db: MigratedDatabase) -> tuple[TenantService, AccessService]:
    return TenantService(db.session_factory, router(db)), AccessService(db.session_factory)


def test_create_rename_and_delete_a_tenant(migrated_db: MigratedDatabase) -> None:
    """T1, T4: a trimmed, case-insensitively unique name; the creator alone gets full access with
    private data; delete refuses while the tenant holds data and names what it holds."""
    tenants, _ = _services(migrated_db)
    anna = add_user(migrated_db.session_factory, "anna")
    bert = add_user(migrated_db.session_factory, "bert")
    op = operator(anna, "anna")
    new_id = tenants.create_tenant(op, TenantInput(name="  Presse   Nord "))
    with migrated_db.session_factory() as session:
        rows = session.execute(select(TenantAccess.user_id, TenantAccess.level, TenantAccess.private_data)).all()
    assert rows == [(anna, FULL, True)]
    assert [t.name for t in tenants.list_tenants(op)] == ["Presse Nord"]
    assert tenants.list_tenants(operator(bert, "bert")) == []
    with pytest.raises(ValidationError) as clash:
        tenants.create_tenant(op, TenantInput(name="presse nord"))
    assert clash.value.field == "tenant name"
    with pytest.raises(ValidationError):
        tenants.create_tenant(op, TenantInput(name="x" * 101))
    with pytest.raises(ValidationError):
        tenants.create_tenant(op, TenantInput(name="   "))

    row = tenants.list_tenants(op)[0]
    tenants.update_tenant(op, new_id, row.version, TenantInput(name="Presse Süd", active=False))
    renamed = tenants.list_tenants(op)[0]
    assert (renamed.name, renamed.active) == ("Presse Süd", False)
    with pytest.raises(ConflictError):
        tenants.update_tenant(op, new_id, row.version, TenantInput(name="Alt"))

    with migrated_db.session_factory.begin() as session:
        session.add(Contact(tenant_id=new_id, last_name="Weber"))
    with pytest.raises(ConflictError) as refused:
        tenants.delete_tenant(op, new_id, renamed.version)
    assert refused.value.values["contacts"] == 1 and refused.value.values["name"] == "Presse Süd"
    with migrated_db.session_factory.begin() as session:
        session.query(Contact).delete()
    tenants.delete_tenant(op, new_id, renamed.version)
    assert tenants.list_tenants(op) == []


def test_hierarchy_newsroom_and_rights(migrated_sqlite: MigratedDatabase) -> None:
    """T5, T11, T8: no tenant below itself; unique slugs; a read-only tenant cannot be edited."""
    tenants, _ = _services(migrated_sqlite)
    anna = add_user(migrated_sqlite.session_factory, "anna")
    op = operator(anna, "anna")
    main = tenants.create_tenant(op, TenantInput(name="Konzern", newsroom_name="Newsroom", newsroom_slug="konzern"))
    sub = tenants.create_tenant(op, TenantInput(name="Tochter", parent_id=main))
    version = {t.id: t.version for t in tenants.list_tenants(op)}
    with pytest.raises(ValidationError) as cycle:
        tenants.update_tenant(op, main, version[main], TenantInput(name="Konzern", parent_id=sub))
    assert cycle.value.field == "parent"
    with pytest.raises(ValidationError) as slug:
        tenants.update_tenant(
            op, sub, version[sub], TenantInput(name="Tochter", newsroom_name="N", newsroom_slug="konzern")
        )
    assert slug.value.field == "newsroom slug"
    with pytest.raises(ValidationError):
        tenants.update_tenant(
            op, sub, version[sub], TenantInput(name="Tochter", newsroom_name="N", newsroom_slug="Groß")
        )

    grant(migrated_sqlite.session_factory, anna, {sub: READ})
    with pytest.raises(PermissionDeniedError):
        tenants.update_tenant(op, sub, version[sub], TenantInput(name="Neu"))
    grant(migrated_sqlite.session_factory, anna, {sub: HID})
    with pytest.raises(NotFoundError):
        tenants.update_tenant(op, sub, version[sub], TenantInput(name="Neu"))
    with pytest.raises(PermissionDeniedError):
        tenants.create_tenant(operator(anna, "anna", permissions={"tenants.view"}), TenantInput(name="X"))


def test_tenant_filter_is_remembered_per_operator(migrated_sqlite: MigratedDatabase) -> None:
    """T9: the filter is stored per operator and narrows the tenant list; hidden tenants drop out."""
    tenants, _ = _services(migrated_sqlite)
    anna = add_user(migrated_sqlite.session_factory, "anna")
    a, b, c = add_tenants(migrated_sqlite.session_factory, "A", "B", "C")
    grant(migrated_sqlite.session_factory, anna, {a: FULL, b: READ})
    op = operator(anna, "anna")
    assert tenants.load_filter(op) is None
    tenants.save_filter(op, frozenset({b, c}))
    assert tenants.load_filter(op) == {b}
    assert [t.name for t in tenants.list_tenants(operator(anna, "anna", tenant_filter=frozenset({b})))] == ["B"]
    tenants.save_filter(op, None)
    assert tenants.load_filter(op) is None


def test_access_matrix_save_is_audited_and_all_or_nothing(migrated_db: MigratedDatabase) -> None:
    """T2, T3, S3, S4: staged edits are written together with one audit entry per cell before → after;
    a stale cell or a read-only tenant refuses the whole save."""
    factory = migrated_db.session_factory
    _, access = _services(migrated_db)
    boss = add_user(factory, "boss")
    mia, tom = add_user(factory, "mia"), add_user(factory, "tom")
    a, b, c = add_tenants(factory, "A", "B", "C")
    grant(factory, boss, {a: FULL, b: FULL, c: READ}, private={a})
    grant(factory, mia, {a: READ})
    op = operator(boss, "boss")

    matrix = access.load_matrix(op)
    assert [t.name for t in matrix.tenants] == ["A", "B", "C"]
    assert [t.editable for t in matrix.tenants] == [True, True, False]
    assert matrix.cells[(a, mia)] == Access(Level.READ_ONLY)
    staged = StagedAccess(matrix.cells)
    staged.set(a, mia, Access(Level.FULL, True))
    staged.set(b, tom, Access(Level.READ_ONLY))
    staged.set(a, boss, Access(Level.FULL, True))  # unchanged: no edit
    assert len(staged) == 2
    assert access.save(op, staged.changes()) == 2
    again = access.load_matrix(op)
    assert again.cells[(a, mia)] == Access(Level.FULL, True) and again.cells[(b, tom)] == Access(Level.READ_ONLY)
    with factory() as session:
        entries = session.execute(
            select(AuditEntry.object_id, AuditEntry.action, AuditEntry.changes, AuditEntry.tenant_id).where(
                AuditEntry.object_type == "TenantAccess"
            )
        ).all()
    assert sorted((e.object_id, e.action) for e in entries) == [(f"{a}:{mia}", "update"), (f"{b}:{tom}", "create")]
    by_id = {e.object_id: e.changes for e in entries}
    assert by_id[f"{a}:{mia}"] == {"level": ["read_only", "full"], "private_data": [False, True]}

    # Back to hidden removes the row.
    staged = StagedAccess(again.cells)
    staged.set(b, tom, HIDDEN)
    access.save(op, staged.changes())
    assert (b, tom) not in access.load_matrix(op).cells

    # Someone else changed mia on A meanwhile: nothing of this save is written.
    stale = StagedAccess(again.cells)
    stale.set(a, mia, Access(Level.READ_ONLY))
    stale.set(b, mia, Access(Level.FULL))
    grant(factory, mia, {a: HID})
    with pytest.raises(ConflictError):
        access.save(op, stale.changes())
    assert (b, mia) not in access.load_matrix(op).cells

    # A read-only tenant in the batch refuses all of it (S2: the service, not just the disabled UI).
    ro = StagedAccess(access.load_matrix(op).cells)
    ro.set(b, tom, Access(Level.FULL))
    ro.set(c, tom, Access(Level.FULL))
    with pytest.raises(PermissionDeniedError):
        access.save(op, ro.changes())
    assert (b, tom) not in access.load_matrix(op).cells
    with pytest.raises(PermissionDeniedError):
        access.save(operator(boss, "boss", permissions={"tenants.view"}), ro.changes())


def test_apply_to_sub_tenants_and_hidden_tenants_stay_out(migrated_sqlite: MigratedDatabase) -> None:
    """T5: a user's access on a tenant is staged on all its sub-tenants; T8: tenants hidden from the
    operator are not in the matrix at all."""
    factory = migrated_sqlite.session_factory
    _, access = _services(migrated_sqlite)
    boss, mia = add_user(factory, "boss"), add_user(factory, "mia")
    (root,) = add_tenants(factory, "Konzern")
    (child,) = add_tenants(factory, "Tochter", parent=root)
    (grandchild,) = add_tenants(factory, "Enkel", parent=child)
    (secret,) = add_tenants(factory, "Geheim")
    grant(factory, boss, {root: FULL, child: FULL, grandchild: FULL})
    grant(factory, mia, {root: READ, secret: FULL}, private={root})
    op = operator(boss, "boss")
    matrix = access.load_matrix(op)
    assert secret not in {t.id for t in matrix.tenants}
    assert all(tenant != secret for tenant, _ in matrix.cells)
    parents = {t.id: t.parent_id for t in matrix.tenants}
    from mandant_desktop.domain.tenants import descendants

    staged = StagedAccess(matrix.cells)
    assert staged.apply_to(root, [mia], descendants(parents, root)) == 2
    access.save(op, staged.changes())
    cells = access.load_matrix(op).cells
    assert cells[(child, mia)] == cells[(grandchild, mia)] == Access(Level.READ_ONLY, True)


def test_access_of_some_tenants_only(migrated_db: MigratedDatabase) -> None:
    """Issue 8: the tenants page loads the cells of the tenants its visible view shows, in one
    query, and the others when needed; hidden tenants stay out whatever is asked for (T8)."""
    from sqlalchemy import event

    factory = migrated_db.session_factory
    _, access = _services(migrated_db)
    boss, mia = add_user(factory, "boss"), add_user(factory, "mia")
    a, b, secret = add_tenants(factory, "A", "B", "Geheim")
    grant(factory, boss, {a: FULL, b: READ})
    grant(factory, mia, {a: READ, b: FULL, secret: FULL}, private={b})
    op = operator(boss, "boss")

    part = access.load_matrix(op, [a])
    assert [t.name for t in part.tenants] == ["A", "B"] and {u.id for u in part.users} >= {boss, mia}
    assert part.cells == {(a, boss): Access(Level.FULL), (a, mia): Access(Level.READ_ONLY)}
    assert access.load_cells(op, [b, secret]) == {
        (b, boss): Access(Level.READ_ONLY),
        (b, mia): Access(Level.FULL, True),
    }
    assert access.load_cells(op, []) == {}
    assert access.load_cells(op) == access.load_matrix(op).cells == {**part.cells, **access.load_cells(op, [b])}

    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(migrated_db.engine, "before_cursor_execute", count)
    try:
        access.load_cells(op, [a])
        one = len(statements)
        statements.clear()
        access.load_cells(op, [a, b])
        assert len(statements) == one  # set-based: one IN list, not a query per tenant
    finally:
        event.remove(migrated_db.engine, "before_cursor_execute", count)


def test_the_page_load_reads_every_users_id_and_the_first_rows_only(migrated_db: MigratedDatabase) -> None:
    """Issue 8, T2, T3, section 8: with ``first_users`` the page's load reads every internal user's
    id in the users list's name order (case-insensitive, as U1) but the rows of the first ones only;
    ``users`` reads the rows of given ids in their order (an unknown or external id left out) or of
    every internal user, and needs the right to see tenants."""
    from sqlalchemy import update

    from mandant_desktop.db.models import User, UserKind

    factory = migrated_db.session_factory
    _, access = _services(migrated_db)
    boss = add_user(factory, "boss", "Bea", "Zander")
    anton = add_user(factory, "anton", "anton", "berg")  # lower case: still before Zander
    carl = add_user(factory, "carl", "Carl", "Adler")
    ext = add_user(factory, "ext", "Eva", "Extern")
    with factory.begin() as session:
        session.execute(update(User).where(User.id == ext).values(kind=UserKind.EXTERNAL))
    (a,) = add_tenants(factory, "A")
    grant(factory, boss, {a: FULL})
    op = operator(boss, "boss")
    everyone = access.load_matrix(op).users
    assert [u.id for u in everyone] == [carl, anton, boss]  # Adler, berg, Zander
    _rows, matrix = access.load_with_tenants(op, lambda _tenants: None, first_users=2)
    assert matrix.user_ids == [carl, anton, boss]
    assert matrix.users == everyone[:2]
    assert matrix.cells == {(a, boss): Access(Level.FULL)}
    assert access.users(op, [boss, ext, 999_999, carl]) == [everyone[2], everyone[0]]
    assert access.users(op) == everyone
    assert access.users(op, []) == []
    with pytest.raises(PermissionDeniedError):
        access.users(operator(carl, "carl", permissions=frozenset()), [boss])


def test_the_page_load_reads_the_cells_of_internal_users_only(
    migrated_db: MigratedDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 8, T2, T3: the page's load reads the cells without the join to the users and keeps
    those of the internal users it read; an external user's stored row stays out as through the
    join (load_cells). On MariaDB the cells come as one list of users per tenant and value, and
    a list cut short by group_concat_max_len falls back to the rows."""
    from sqlalchemy import update

    from mandant_desktop.db.models import User, UserKind
    from mandant_desktop.services import access as access_module
    from mandant_desktop.services.tenant_scope import load_tenant_scope
    from mandant_desktop.services.unit_of_work import UnitOfWork

    factory = migrated_db.session_factory
    _, access = _services(migrated_db)
    boss, mia, ext = add_user(factory, "boss"), add_user(factory, "mia"), add_user(factory, "ext")
    many = add_users(factory, "many", 4)
    with factory.begin() as session:
        session.execute(update(User).where(User.id == ext).values(kind=UserKind.EXTERNAL))
    a, b = add_tenants(factory, "A", "B")
    grant(factory, boss, {a: FULL, b: READ})
    grant(factory, mia, {a: READ, b: FULL}, private={b})
    grant(factory, ext, {a: FULL, b: FULL})
    for user in many:
        grant(factory, user, {a: FULL})
    op = operator(boss, "boss")
    expected = {
        **{(a, user): Access(Level.FULL) for user in many},
        (a, boss): Access(Level.FULL),
        (b, boss): Access(Level.READ_ONLY),
        (a, mia): Access(Level.READ_ONLY),
        (b, mia): Access(Level.FULL, True),
    }

    grouped = access_module._grouped_cells
    answers: list[object] = []

    def recorded(*args: Any) -> object:
        answers.append(grouped(*args))
        return answers[-1]

    monkeypatch.setattr(access_module, "_grouped_cells", recorded)
    _rows, matrix = access.load_with_tenants(op, lambda _tenants: None)
    assert matrix.cells == access.load_cells(op) == expected
    assert ext not in {u.id for u in matrix.users}
    if migrated_db.engine.dialect.name not in ("mariadb", "mysql"):
        assert not answers
        return
    assert len(answers) == 2 and None not in answers  # the lists, whole
    answers.clear()
    with UnitOfWork(factory, op, write=False, core=True) as uow:
        connection = uow.connection
        scope = load_tenant_scope(connection, op)
        limit = int(connection.exec_driver_sql("SELECT @@SESSION.group_concat_max_len").scalar_one())
        connection.exec_driver_sql("SET SESSION group_concat_max_len = 4")  # tenant A's FULL list is cut
        try:
            assert access_module._cells(connection, scope, None) == expected
            assert access_module._cells(connection, scope, [b], internal={boss, mia}) == {
                cell: value for cell, value in expected.items() if cell[0] == b
            }
        finally:
            connection.exec_driver_sql(f"SET SESSION group_concat_max_len = {limit}")  # as the engine set it
    assert answers[0] is None  # cut short: read as rows


def test_the_tenants_page_reads_scope_and_tenants_once(migrated_db: MigratedDatabase) -> None:
    """Issue 8, T1, T2, T8: the tenants page's load gives the tenants as the tenant list reads them
    and the matrix as the access matrix reads it for the cells asked for (a sub-tenant included,
    a hidden parent no parent, a hidden tenant out), in one unit of work that reads the operator's
    tenant access and the tenants once: at least two statements fewer than the two reads apart."""
    from sqlalchemy import event

    from mandant_desktop.ui.tenants.page_load import with_sub_tenants

    factory = migrated_db.session_factory
    tenants, access = _services(migrated_db)
    boss, mia = add_user(factory, "boss"), add_user(factory, "mia")
    top, secret = add_tenants(factory, "Oben", "Geheim")
    (sub,) = add_tenants(factory, "Unten", parent=top)
    (under_secret,) = add_tenants(factory, "Zweig", parent=secret)
    grant(factory, boss, {top: FULL, sub: READ, under_secret: READ})
    grant(factory, mia, {top: READ, sub: FULL, secret: FULL}, private={sub})
    op = operator(boss, "boss")
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(migrated_db.engine, "before_cursor_execute", count)
    try:
        rows, matrix = access.load_with_tenants(op, lambda listed: with_sub_tenants(listed, listed[0].id))
        together = len(statements)
        statements.clear()
        listed = tenants.list_tenants(op)
        apart = access.load_matrix(op, [top, sub])
        assert len(statements) >= together + 2  # a second read of the scope and of the tenants
    finally:
        event.remove(migrated_db.engine, "before_cursor_execute", count)
    assert rows == listed and [t.name for t in rows] == ["Oben", "Unten", "Zweig"]
    assert rows[0].id == top and next(t for t in rows if t.id == under_secret).parent_id is None
    assert matrix == apart
    assert matrix.cells == {
        (top, boss): Access(Level.FULL),
        (top, mia): Access(Level.READ_ONLY),
        (sub, boss): Access(Level.READ_ONLY),
        (sub, mia): Access(Level.FULL, True),
    }


def test_access_entries_name_the_tenant_and_the_user(migrated_db: MigratedDatabase) -> None:
    """S3, T2, T4: the audit page named a tenant access by its key ("#201:1"), for every save of the
    tenants page and for the creator's access to a new tenant; each entry says "tenant: user name"
    like the demo's entries do."""
    from mandant_desktop.services.audit import object_label

    factory = migrated_db.session_factory
    tenants, access = _services(migrated_db)
    boss, mia = add_user(factory, "boss"), add_user(factory, "mia")
    (a,) = add_tenants(factory, "Presse Nord")
    grant(factory, boss, {a: FULL})
    op = operator(boss, "boss")
    staged = StagedAccess(access.load_matrix(op).cells)
    staged.set(a, mia, Access(Level.READ_ONLY))
    access.save(op, staged.changes())
    new_id = tenants.create_tenant(op, TenantInput(name="Presse Süd"))
    with factory() as session:
        entries = session.execute(
            select(AuditEntry.object_id, AuditEntry.action, AuditEntry.changes, AuditEntry.summary).where(
                AuditEntry.object_type == "TenantAccess"
            )
        ).all()
    labels = {e.object_id: object_label(e.object_id, e.action, e.changes, e.summary) for e in entries}
    assert labels == {f"{a}:{mia}": "Presse Nord: mia", f"{new_id}:{boss}": "Presse Süd: boss"}
