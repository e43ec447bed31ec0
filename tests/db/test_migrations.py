"""Schema migrations, upgrade rules and the catalogue sync (SPEC S9, S4, R2, C4)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from dbhelpers import (
    BACKENDS,
    SERVER_BACKENDS,
    MigratedDatabase,
    app_login,
    database_at_head,
    database_at_revision,
    migrated_database,
    require_backend,
    schema_differences,
)
from schemahelpers import date_times_in_database, declared_date_times, undeclared_and_missing
from sqlalchemy import Engine, event, func, inspect, select, text, update
from sqlalchemy.orm import Session

from mandant_desktop.db import customer_search, migrate, tables, user_order
from mandant_desktop.db import engine as engine_module
from mandant_desktop.db.catalogue import restore_predefined_role_permissions, sync_catalogue
from mandant_desktop.db.engine import create_engine_for, make_session_factory
from mandant_desktop.db.migrate import (
    SchemaStatus,
    SchemaUpgradeError,
    UpgradeDeclinedError,
    check_database,
    head_revision,
    schema_status,
    upgrade_database,
)
from mandant_desktop.db.models import (
    Base,
    Contact,
    Customer,
    CustomerContactPerson,
    DistributionList,
    DistributionListMember,
    OutboxMail,
    Permission,
    PersonRole,
    RightsGroup,
    RightsGroupKind,
    RightsGroupMember,
    Role,
    RolePermission,
    Template,
    Tenant,
    User,
    UserKind,
)
from mandant_desktop.domain.errors import DomainError, SchemaTooNewError
from mandant_desktop.domain.permissions import (
    ALL_PERMISSIONS,
    PREDEFINED_BY_KEY,
    PREDEFINED_ROLES,
    SYSTEM_RIGHTS_GROUPS,
)

REAL_VERSIONS = migrate.SCRIPT_LOCATION / "versions"
TEST_REVISION = "9001_test"
#: the newest real revision, which the test-only revision goes on top of
REAL_HEAD = head_revision()

AddRevision = Callable[[str], None]


AtRevision = Callable[[str], str]
#: where the upgrade of two workstations at once starts: most revisions still to run on every
#: backend, and the template the revision tests below start from too
RACE_REVISION = "0006_inheritance_breaks"


# A database at head is a copy of a template that the test process migrated once from the first
# revision (dbhelpers), and a database at an earlier revision one of a template at that revision;
# each backend's upgrade from an empty database is test_empty_database_is_created_at_head_with_catalogue.
@pytest.fixture(params=BACKENDS)
def at_revision(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[AtRevision]:
    """On each backend: the URL of a fresh database at a given revision, as Alembic's upgrade of an
    empty database leaves it (no catalogue), dropped after the test."""
    with contextlib.ExitStack() as stack:

        def at(revision: str) -> str:
            return stack.enter_context(database_at_revision(request.param, revision, tmp_path))

        yield at


@pytest.fixture(params=BACKENDS)
def head_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """On each backend: the URL of a fresh database at head with the catalogue synced."""
    with database_at_head(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def sqlite_at_head(tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh SQLite file at head with the catalogue synced."""
    with database_at_head("sqlite", tmp_path) as url:
        yield url


@pytest.fixture
def extra_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AddRevision:
    """Put a test-only revision ``9001_test`` on top of the real ones; its upgrade() body is given.

    The real version files stay where they are: Alembic reads both folders, so the test migrates
    through exactly the code that ships.
    """
    folder = tmp_path / "test_versions"
    folder.mkdir()
    real_config = migrate.alembic_config

    def config_with_test_versions(connection: Any = None) -> Any:
        config = real_config(connection)
        config.set_main_option("version_locations", f"{REAL_VERSIONS}{os.pathsep}{folder}")
        return config

    def add(upgrade_body: str) -> None:
        body = textwrap.indent(textwrap.dedent(upgrade_body).strip(), "    ")
        source = (
            "import sqlalchemy as sa\n"
            "from alembic import op\n\n"
            f"revision = {TEST_REVISION!r}\n"
            f"down_revision = {REAL_HEAD!r}\n"
            "branch_labels = None\n"
            "depends_on = None\n\n\n"
            f"def upgrade():\n{body}\n\n\n"
            "def downgrade():\n    pass\n"
        )
        (folder / f"{TEST_REVISION}.py").write_text(source, encoding="utf-8")
        monkeypatch.setattr(migrate, "alembic_config", config_with_test_versions)
        # What a developer adding a migration does: the head a start compares with is the new one.
        monkeypatch.setattr(migrate, "HEAD_REVISION", TEST_REVISION)

    return add


def _table_names(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def _count(engine: Engine, model: type[Base]) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _columns(engine: Engine, table: str) -> set[str]:
    with engine.connect() as conn:
        return {c["name"] for c in inspect(conn).get_columns(table)}


# --------------------------------------------------------------------------- empty → head


def test_empty_database_is_created_at_head_with_catalogue(db_url: str, engines: Callable[[str], Engine]) -> None:
    """S9: an empty database is created to head without asking; R2/C4: catalogue, predefined roles
    and system rights groups exist afterwards. The schema is the models' (Alembic's comparison, every
    index and every date-time column's fractions from the catalogue), and every revision's downgrade
    leads back to an empty database. The one upgrade from the first revision of this module on each
    backend (besides the template of dbhelpers): the other tests start from copies of templates."""
    engine = engines(db_url)
    asked: list[SchemaStatus] = []

    report = upgrade_database(engine, confirm=lambda status: asked.append(status) or True)

    assert asked == []
    assert report.upgraded
    assert report.before.state == "empty"
    assert report.after.state == "current"
    assert report.after.current == head_revision()
    assert report.backup_path is None
    assert set(Base.metadata.tables) <= _table_names(engine)
    assert _count(engine, Permission) == len(ALL_PERMISSIONS)
    with Session(engine) as session:
        roles = {r.predefined_key: r for r in session.scalars(select(Role))}
        assert set(roles) == {r.key for r in PREDEFINED_ROLES}
        for spec in PREDEFINED_ROLES:
            granted = set(
                session.scalars(
                    select(RolePermission.permission_code).where(RolePermission.role_id == roles[spec.key].id)
                )
            )
            assert granted == spec.permissions
        groups = session.scalars(select(RightsGroup)).all()
        assert {(g.name, g.kind) for g in groups} == {
            (name, RightsGroupKind.SYSTEM) for name, _ in SYSTEM_RIGHTS_GROUPS
        }
    assert schema_differences(engine) == []
    with engine.connect() as conn:
        assert undeclared_and_missing(conn) == ({}, {})
        assert date_times_in_database(conn) == declared_date_times(conn.dialect)

    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "base")
    assert _table_names(engine) == {migrate.VERSION_TABLE}
    assert schema_status(engine).state == "empty"


def test_the_known_head_is_alembics_head() -> None:
    """S9: a start tells "current" from the version table alone when it holds HEAD_REVISION (issue 8,
    no Alembic import); that is only right while HEAD_REVISION is the newest migration."""
    assert head_revision() == migrate.HEAD_REVISION


def test_a_stored_revision_other_than_the_head_is_judged_by_alembic(
    migrated_db: MigratedDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S9: the fast check answers only for exactly the known head; an older stored revision goes to
    Alembic, which knows it and calls it outdated."""
    monkeypatch.setattr(migrate, "HEAD_REVISION", "9998_not_ours")
    status = schema_status(migrated_db.engine)
    assert (status.current, status.head, status.state) == (REAL_HEAD, REAL_HEAD, "current")


def test_head_matches_the_models(migrated_db: MigratedDatabase) -> None:
    """S9: the migrations build exactly the schema the models describe, on every backend."""
    assert schema_differences(migrated_db.engine) == []


def test_opening_a_current_database_changes_nothing(migrated_db: MigratedDatabase) -> None:
    """S9: a database at head is left as it is; no backup, no question."""
    report = upgrade_database(migrated_db.engine, confirm=lambda _status: pytest.fail("must not ask"))
    assert not report.upgraded
    assert report.before == report.after
    assert report.after.state == "current"


def _statements_of(engine: Engine, action: Callable[[], object]) -> list[str]:
    """The SQL ``action`` sends through ``engine``."""
    sent: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return sent


def test_a_start_on_a_current_database_only_reads(migrated_db: MigratedDatabase) -> None:
    """S9, issue 8: the usual start (schema at head, catalogue in line with the code) reads the
    version and the catalogue and writes nothing; on a server it takes no upgrade lock either, as
    on SQLite. A catalogue out of line (a predefined role deleted) is synced at the open, on a
    server under the lock."""
    engine = migrated_db.engine
    sent = _statements_of(engine, lambda: upgrade_database(engine))
    assert sent
    writes = [s for s in sent if s.split()[0].upper() in ("INSERT", "UPDATE", "DELETE") or "IMMEDIATE" in s]
    assert writes == []
    assert [s for s in sent if "lock" in s.lower()] == []

    with Session(engine) as session, session.begin():
        session.delete(session.scalars(select(Role).where(Role.predefined_key == "reader")).one())
    sent = _statements_of(engine, lambda: upgrade_database(engine))
    assert any(s.upper().startswith("INSERT INTO ROLE ") for s in sent)
    if engine.dialect.name != "sqlite":
        assert any("lock" in s.lower() for s in sent)
    with Session(engine) as session:
        assert session.scalars(select(Role).where(Role.predefined_key == "reader")).one()


def test_check_database_reports_schema_and_counts(migrated_sqlite: MigratedDatabase) -> None:
    """E9: ``db check`` facts."""
    facts = check_database(migrated_sqlite.engine)
    assert facts["state"] == "current"
    assert facts["revision"] == facts["head"] == head_revision()
    assert facts["backend"] == "SQLite"
    assert facts["counts"]["roles"] == len(PREDEFINED_ROLES)
    assert facts["counts"]["tenants"] == 0
    assert set(facts["counts"]) == set(migrate.MAIN_TABLES)


def test_keys_and_numbers_compare_exactly_on_every_backend(migrated_db: MigratedDatabase) -> None:
    """T1, C2, T12: uniqueness means the same thing on all three backends. Names are unique by
    their case-folded key, so "Müller" and "Muller" are two tenants; customer numbers and template
    names are unique as typed. (MariaDB's usual collations ignore case and accents.)"""
    with migrated_db.session_factory() as session, session.begin():
        mueller, muller = Tenant(name="Müller", name_key="müller"), Tenant(name="Muller", name_key="muller")
        session.add_all([mueller, muller])
        session.add_all([Role(name="Prüfer", name_key="prüfer"), Role(name="Prufer", name_key="prufer")])
        session.add_all(
            [
                User(username="joerg", username_key="joerg", email="jörg@example.de", email_key="jörg@example.de"),
                User(username="jorg", username_key="jorg", email="jorg@example.de", email_key="jorg@example.de"),
            ]
        )
        session.flush()
        session.add_all(
            [
                Customer(tenant_id=mueller.id, number="a1", name="Klein"),
                Customer(tenant_id=mueller.id, number="A1", name="Groß"),
            ]
        )
        session.add_all(
            [Template(tenant_id=mueller.id, name="Einladung"), Template(tenant_id=mueller.id, name="EINLADUNG")]
        )
    with migrated_db.session_factory() as session:
        assert session.scalars(select(Tenant.name).where(Tenant.name_key == "muller")).all() == ["Muller"]
        assert session.scalars(select(Customer.name).where(Customer.number == "A1")).all() == ["Groß"]


def test_upgrade_to_exact_keys_keeps_mariadb_rows(engines: Callable[[str], Engine]) -> None:
    """S9: a MariaDB database created by 0001 (keys compared without case and accents) is upgraded
    in place; its rows stay, and afterwards a key differing only in an accent is a new value."""
    require_backend("mariadb")
    with database_at_revision("mariadb", "0001_initial") as url:
        engine = engines(url)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO tenant (name, name_key, kind, active, created_at, version) "
                    "VALUES ('Müller', 'müller', 'inner', 1, '2026-01-01', 1)"
                )
            )
        upgrade_database(engine, confirm=lambda _status: True)
        with Session(engine) as session, session.begin():
            session.add(Tenant(name="Muller", name_key="muller"))
        assert _count(engine, Tenant) == 2
        engine.dispose()


# --------------------------------------------------------------------------- too new


def test_database_newer_than_the_program_is_refused_untouched(
    head_url: str, engines: Callable[[str], Engine], tmp_path: Path
) -> None:
    """S9: a schema revision unknown to this program means a newer program wrote it: refuse, touch nothing."""
    engine = engines(head_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
        conn.execute(text("DELETE FROM permission WHERE code = 'audit.export'"))
    tables_before = _table_names(engine)
    files_before = sorted(p.name for p in tmp_path.iterdir())

    assert schema_status(engine).state == "too_new"
    with pytest.raises(SchemaTooNewError, match="9999_future"):
        upgrade_database(engine, backup_dir=tmp_path / "backups")

    assert _table_names(engine) == tables_before
    assert schema_status(engine).current == "9999_future"
    # The catalogue sync did not run either: the newer program owns this database.
    assert _count(engine, Permission) == len(ALL_PERMISSIONS) - 1
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before


def test_non_empty_database_without_version_is_refused(sqlite_url: str, engines: Callable[[str], Engine]) -> None:
    """S9: tables without a schema version belong to some other program: never build on top of them."""
    engine = engines(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    with pytest.raises(SchemaUpgradeError, match="invoices"):
        upgrade_database(engine)
    assert _table_names(engine) == {"invoices"}


# --------------------------------------------------------------------------- SQLite: backup, batch, foreign keys


def _fill_customer_graph(engine: Engine) -> dict[type[Base], int]:
    """A tenant with a customer and everything that hangs off customers, through CASCADE keys."""
    with Session(engine) as session, session.begin():
        tenant = Tenant(name="Nord", name_key="nord")
        session.add(tenant)
        session.flush()
        agency = Customer(tenant_id=tenant.id, number="A1", name="Agentur", is_agency=True)
        session.add(agency)
        session.flush()
        customer = Customer(tenant_id=tenant.id, number="12345", name="Heidelberg", default_agency_id=agency.id)
        session.add(customer)
        session.flush()
        contact = Contact(tenant_id=tenant.id, customer_id=customer.id, last_name="Muster")
        session.add(contact)
        session.flush()
        person_role = PersonRole(contact_id=contact.id, tenant_id=tenant.id, organisation="Zeitung")
        dlist = DistributionList(tenant_id=tenant.id, name="Presse")
        external = User(
            username="ext",
            username_key="ext",
            kind=UserKind.EXTERNAL,
            customer_id=customer.id,
            contact_id=contact.id,
        )
        sales = User(username="sales", username_key="sales")
        group = RightsGroup(name="X12345-Heidelberg", name_key="x12345-heidelberg", kind=RightsGroupKind.CUSTOMER)
        group.customer_id = customer.id
        session.add_all([person_role, dlist, external, sales, group])
        session.flush()
        session.add_all(
            [
                DistributionListMember(list_id=dlist.id, person_role_id=person_role.id),
                RightsGroupMember(group_id=group.id, user_id=external.id),
                CustomerContactPerson(customer_id=customer.id, user_id=sales.id),
            ]
        )
    models: list[type[Base]] = [
        Tenant,
        Customer,
        Contact,
        PersonRole,
        DistributionList,
        DistributionListMember,
        User,
        RightsGroup,
        RightsGroupMember,
        CustomerContactPerson,
    ]
    return {model: _count(engine, model) for model in models}


BATCH_ALTER_PARENTS = """
with op.batch_alter_table("customer", recreate="always") as batch:
    batch.add_column(sa.Column("test_note", sa.String(50), nullable=True))
with op.batch_alter_table("tenant", recreate="always") as batch:
    batch.add_column(sa.Column("test_colour", sa.String(20), nullable=True))
"""


def test_sqlite_upgrade_backs_up_and_keeps_child_rows(
    sqlite_at_head: str, engines: Callable[[str], Engine], extra_revision: AddRevision, tmp_path: Path
) -> None:
    """S9: an outdated SQLite file is backed up (named with the old revision) before the upgrade; a
    batch migration that copies parent tables keeps every child row, and foreign keys check clean."""
    engine = engines(sqlite_at_head)
    counts_before = _fill_customer_graph(engine)
    extra_revision(BATCH_ALTER_PARENTS)
    backups = tmp_path / "backups"

    report = upgrade_database(engine, backup_dir=backups, confirm=lambda _s: pytest.fail("SQLite backs up, not asks"))

    assert report.upgraded
    assert (report.before.current, report.after.current) == (REAL_HEAD, TEST_REVISION)
    assert {"test_note"} <= _columns(engine, "customer")
    assert {"test_colour"} <= _columns(engine, "tenant")
    assert {model: _count(engine, model) for model in counts_before} == counts_before
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # restored for the pool
        # The named CHECK constraints survive the table copy.
        customer_sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'customer'").scalar()
    assert "ck_customer_quota_non_negative" in customer_sql
    # The copy of customer lost the search triggers and the order index: they are back, the index whole.
    with engine.connect() as conn:
        names = set(conn.scalars(text("SELECT name FROM sqlite_master")))
        assert {
            *customer_search._TRIGGERS,
            *customer_search._SHORT_TRIGGERS,
            customer_search.NUMBER_ORDER_INDEX,
        } <= names
        fts_rows = conn.scalar(text(f"SELECT count(*) FROM {customer_search.FTS_TABLE}"))
        assert fts_rows == counts_before[Customer] > 0
        # The index of short texts (revision 0019) was filled anew: each customer once.
        short = customer_search.SHORT_TABLE
        assert conn.scalar(text(f"SELECT count(*) FROM {short}")) == counts_before[Customer]
        with_digit = " OR ".join(f'"{digit}" *' for digit in "0123456789")
        assert conn.scalar(text(f"SELECT count(*) FROM {short} WHERE {short} MATCH :q"), {"q": with_digit}) == (
            conn.scalar(
                text(
                    "SELECT count(*) FROM customer "
                    "WHERE number GLOB '*[0-9]*' OR name GLOB '*[0-9]*' OR short_name GLOB '*[0-9]*'"
                )
            )
        )

    assert report.backup_path is not None
    assert report.backup_path.parent == backups
    assert REAL_HEAD in report.backup_path.name
    backup = sqlite3.connect(report.backup_path)
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (REAL_HEAD,)
        assert backup.execute("SELECT count(*) FROM contact").fetchone() == (counts_before[Contact],)
        assert backup.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        backup.close()

    # The control: with foreign keys on (as every connection has them) the copy of ``customer``
    # empties its child tables through ON DELETE CASCADE when the old table is dropped (and the
    # copy of ``tenant`` would fail on RESTRICT).
    extra_revision(BATCH_ALTER_PARENTS.split('with op.batch_alter_table("tenant"')[0])
    control = engines(f"sqlite:///{report.backup_path}")
    with control.begin() as conn:
        migrate._run_alembic_upgrade(conn)
    assert _count(control, Contact) == 0
    assert _count(control, Customer) == counts_before[Customer]


def test_a_sqlite_batch_copy_keeps_the_order_indexes(
    sqlite_at_head: str, engines: Callable[[str], Engine], extra_revision: AddRevision, tmp_path: Path
) -> None:
    """U1, A4, S9, section 8: a later migration that copies ``app_user``, ``org_unit`` or ``contact``
    (a SQLite batch operation) drops their expression indexes (revisions 0015, 0023 and 0025) with
    the old table, as SQLite cannot reflect them for the copy; the migration environment puts them
    back, the org tree's and the contacts list's as the models declare them."""
    engine = engines(sqlite_at_head)
    extra_revision(
        """
        with op.batch_alter_table("app_user", recreate="always") as batch:
            batch.add_column(sa.Column("test_note", sa.String(50), nullable=True))
        with op.batch_alter_table("org_unit", recreate="always") as batch:
            batch.add_column(sa.Column("test_note", sa.String(50), nullable=True))
        with op.batch_alter_table("contact", recreate="always") as batch:
            batch.add_column(sa.Column("test_note", sa.String(50), nullable=True))
        """
    )
    upgrade_database(engine, backup_dir=tmp_path / "backups")
    assert all("test_note" in _columns(engine, table) for table in ("app_user", "org_unit", "contact"))
    declared = {
        tables.ORG_UNIT_ORDER_INDEX: "(parent_id, sort_order, lower(name), id)",
        tables.CONTACT_ORDER_INDEX: "(lower(last_name), lower(first_name), tenant_id, id)",
    }
    query = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?"
    with engine.connect() as conn:
        names = set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'")))
        sql = {name: conn.exec_driver_sql(query, (name,)).scalar() for name in declared}
    assert {user_order.NAME_INDEX, user_order.KIND_INDEX} <= names
    for name, keys in declared.items():
        assert sql[name] is not None and keys in sql[name], name


def test_sqlite_backup_goes_beside_the_database_by_default(
    sqlite_at_head: str, engines: Callable[[str], Engine], extra_revision: AddRevision
) -> None:
    """S9: without a backup folder the backup lies next to the database file."""
    engine = engines(sqlite_at_head)
    extra_revision('op.add_column("customer", sa.Column("test_note", sa.String(50)))')
    report = upgrade_database(engine)
    assert report.backup_path is not None
    database = Path(engine.url.database or "")
    assert report.backup_path.parent == database.parent
    assert report.backup_path.name.startswith(database.stem)


def test_sqlite_upgrade_with_foreign_key_violations_is_rolled_back(
    sqlite_at_head: str, engines: Callable[[str], Engine], extra_revision: AddRevision
) -> None:
    """S9: a migration that would leave dangling references is refused and leaves the database as it was."""
    engine = engines(sqlite_at_head)
    with Session(engine) as session, session.begin():
        session.add(Tenant(name="Nord", name_key="nord"))
    extra_revision(
        """
        op.add_column("customer", sa.Column("test_note", sa.String(50)))
        op.execute("INSERT INTO contact (tenant_id, customer_id, contact_type, salutation, first_name, last_name, "
                   "created_at, version) VALUES (1, 999, '', '', '', 'Orphan', '2024-01-01', 1)")
        """
    )

    with pytest.raises(SchemaUpgradeError, match="contact"):
        upgrade_database(engine)

    assert schema_status(engine).current == REAL_HEAD
    assert "test_note" not in _columns(engine, "customer")
    assert _count(engine, Contact) == 0


def test_sqlite_file_kept_busy_by_another_program_is_a_clear_refusal(
    sqlite_at_head: str, extra_revision: AddRevision, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S9, S5: a file another process holds locked is reported in plain words, and stays unchanged."""
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 200)
    engine = create_engine_for(sqlite_at_head)
    try:
        extra_revision('op.add_column("customer", sa.Column("test_note", sa.String(50)))')
        other = sqlite3.connect(engine.url.database or "", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(SchemaUpgradeError, match="busy"):
                upgrade_database(engine)
        finally:
            other.rollback()
            other.close()
        assert schema_status(engine).current == REAL_HEAD
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- servers: confirm and lock


@pytest.fixture(params=SERVER_BACKENDS)
def server_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """On each server: the URL of a fresh database at head with the catalogue synced."""
    with database_at_head(request.param) as url:
        yield url


def test_server_upgrade_asks_first_and_a_refusal_changes_nothing(
    server_url: str, engines: Callable[[str], Engine], extra_revision: AddRevision
) -> None:
    """S9: an outdated server database is upgraded only after confirmation; declined → nothing changed."""
    engine = engines(server_url)
    extra_revision('op.add_column("customer", sa.Column("test_note", sa.String(50)))')
    asked: list[SchemaStatus] = []

    def decline(status: SchemaStatus) -> bool:
        asked.append(status)
        return False

    with pytest.raises(UpgradeDeclinedError) as refused:
        upgrade_database(engine, confirm=decline)

    assert isinstance(refused.value, DomainError)
    assert "declined" in refused.value.message
    assert asked == [SchemaStatus(current=REAL_HEAD, head=TEST_REVISION, state="outdated")]
    assert schema_status(engine).current == REAL_HEAD
    assert "test_note" not in _columns(engine, "customer")

    report = upgrade_database(engine, confirm=lambda _status: True)
    assert report.upgraded and report.backup_path is None
    assert report.after.current == TEST_REVISION
    assert "test_note" in _columns(engine, "customer")


def test_two_workstations_upgrading_at_once_both_succeed(
    at_revision: AtRevision, engines: Callable[[str], Engine]
) -> None:
    """S9, S4: one workstation upgrades while the other waits (advisory lock on the servers, the write
    lock on SQLite), then sees the result and does nothing. The schema and the catalogue end up
    exactly right (no duplicates). The database is one made by an old release (revision 0006, no
    catalogue yet), so that most revisions and the whole catalogue are left to the race."""
    url = at_revision(RACE_REVISION)
    workstations = [engines(url), engines(url)]
    start = threading.Barrier(len(workstations))
    reports: list[migrate.UpgradeReport] = []
    errors: list[BaseException] = []

    def run(engine: Engine) -> None:
        try:
            start.wait(timeout=10)
            reports.append(upgrade_database(engine))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(engine,)) for engine in workstations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert sorted(r.upgraded for r in reports) == [False, True]
    assert schema_differences(workstations[0]) == []
    assert _count(workstations[0], Permission) == len(ALL_PERMISSIONS)
    assert _count(workstations[0], Role) == len(PREDEFINED_ROLES)
    assert _count(workstations[0], RightsGroup) == len(SYSTEM_RIGHTS_GROUPS)


# --------------------------------------------------------------------------- catalogue


def test_catalogue_sync_is_idempotent_and_keeps_changed_predefined_roles(migrated_db: MigratedDatabase) -> None:
    """R2: predefined roles are created once and then belong to the users; a later sync restores
    missing catalogue entries but never renames a role or changes its permissions."""
    engine = migrated_db.engine
    with engine.begin() as conn:
        assert not sync_catalogue(conn).changed

    admin_key = "administrator"
    with Session(engine) as session, session.begin():
        admin = session.scalars(select(Role).where(Role.predefined_key == admin_key)).one()
        admin.name, admin.name_key = "Chef", "chef"
        session.execute(
            RolePermission.__table__.delete().where(
                RolePermission.role_id == admin.id, RolePermission.permission_code != "tenants.view"
            )
        )
        session.delete(session.scalars(select(Role).where(Role.predefined_key == "reader")).one())
        session.delete(session.scalars(select(RightsGroup).where(RightsGroup.name == "RemoteUsers")).one())
        # A permission that a newer catalogue dropped, still granted to a role.
        session.add(Permission(code="obsolete.thing", scope="admin", area="obsolete", sort_order=999))
        session.flush()
        session.add(RolePermission(role_id=admin.id, permission_code="obsolete.thing"))
        session.execute(update(Permission).where(Permission.code == "audit.view").values(sort_order=-5))

    with engine.begin() as conn:
        changes = sync_catalogue(conn)
    assert changes.roles_created == ["reader"]
    assert changes.groups_created == ["RemoteUsers"]
    assert changes.permissions_removed == ["obsolete.thing"]
    assert changes.permissions_updated == ["audit.view"]
    with engine.begin() as conn:
        assert not sync_catalogue(conn).changed

    with Session(engine) as session:
        admin = session.scalars(select(Role).where(Role.predefined_key == admin_key)).one()
        assert admin.name == "Chef"
        granted = set(session.scalars(select(RolePermission.permission_code).where(RolePermission.role_id == admin.id)))
        assert granted == {"tenants.view"}
        reader = session.scalars(select(Role).where(Role.predefined_key == "reader")).one()
        assert reader.name == PREDEFINED_BY_KEY["reader"].name
    assert _count(engine, Permission) == len(ALL_PERMISSIONS)

    version_before = admin.version
    with engine.begin() as conn:
        restored = restore_predefined_role_permissions(conn, admin_key, operator_name="alice")
    assert restored.before == {"tenants.view"}
    assert restored.after == PREDEFINED_BY_KEY[admin_key].permissions
    with Session(engine) as session:
        admin = session.scalars(select(Role).where(Role.predefined_key == admin_key)).one()
        assert admin.name == "Chef"  # restoring defaults is about permissions, not the name
        # Raised, so that a workstation editing the role meanwhile meets a conflict (S4).
        assert admin.version == version_before + 1
        assert admin.updated_by == "alice"
        granted = set(session.scalars(select(RolePermission.permission_code).where(RolePermission.role_id == admin.id)))
        assert granted == PREDEFINED_BY_KEY[admin_key].permissions


def test_predefined_role_name_taken_by_a_users_role(migrated_sqlite: MigratedDatabase) -> None:
    """R2: a missing predefined role whose name a user's own role took is created under a free name."""
    engine = migrated_sqlite.engine
    factory = make_session_factory(engine)
    with factory() as session, session.begin():
        session.delete(session.scalars(select(Role).where(Role.predefined_key == "auditor")).one())
        session.flush()
        session.add(Role(name="Auditor", name_key="auditor"))
    with engine.begin() as conn:
        sync_catalogue(conn)
    with factory() as session:
        names = {r.predefined_key: r.name for r in session.scalars(select(Role).where(Role.name.like("Auditor%")))}
    assert names == {None: "Auditor", "auditor": "Auditor (2)"}


def test_restoring_an_unknown_predefined_role_is_a_domain_error(migrated_sqlite: MigratedDatabase) -> None:
    with migrated_sqlite.engine.begin() as conn, pytest.raises(DomainError):
        restore_predefined_role_permissions(conn, "no_such_role")


def test_sqlite_databases_created_by_fixture_helpers_are_independent(tmp_path: Path) -> None:
    """Helper check: two migrated databases side by side (separate tenants will need this, T6)."""
    with migrated_database("sqlite", tmp_path) as first, migrated_database("sqlite", tmp_path) as second:
        assert first.url != second.url
        with first.session_factory() as session, session.begin():
            session.add(Tenant(name="Only here", name_key="only here"))
        assert _count(first.engine, Tenant) == 1
        assert _count(second.engine, Tenant) == 0


# --------------------------------------------------------------------------- 0004: German role names


def _by_key(session: Session, query: Any) -> dict[str, str]:
    return {key: value for key, value in session.execute(query)}


def test_predefined_roles_get_german_names_unless_their_users_renamed_them(migrated_db: MigratedDatabase) -> None:
    """R2: a database made with the English names of the six predefined roles receives the German
    ones; a role renamed by its users, or whose German name another role holds, keeps its name."""
    engine = migrated_db.engine
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0003_users")
        conn.execute(
            update(Role).where(Role.predefined_key == "editor").values(name="Presse-Team", name_key="presse-team")
        )
        conn.execute(Role.__table__.insert().values(name="Leser", name_key="leser", description="", version=1))
    english = {"reader": "Reader", "author": "Author", "data_protection_officer": "Data protection officer"}
    with Session(engine) as session:
        names = _by_key(session, select(Role.predefined_key, Role.name).where(Role.predefined_key.isnot(None)))
    assert {key: names[key] for key in english} == english

    upgrade_database(engine, confirm=lambda _status: True)
    with Session(engine) as session:
        names = _by_key(session, select(Role.predefined_key, Role.name).where(Role.predefined_key.isnot(None)))
        descriptions = _by_key(
            session, select(Role.predefined_key, Role.description).where(Role.predefined_key.isnot(None))
        )
    assert names == {
        "administrator": "Administrator",
        "data_protection_officer": "Datenschutzbeauftragte",
        "editor": "Presse-Team",
        "author": "Autor",
        "reader": "Reader",
        "auditor": "Auditor",
    }
    assert descriptions["reader"] == "Liest Kunden und Kontakte."


# --------------------------------------------------------------------------- 0007_login_throttle


def test_login_throttle_revision_upgrades_and_downgrades(
    at_revision: AtRevision, engines: Callable[[str], Engine], tmp_path: Path
) -> None:
    """S9, S1: a database made before the shared log-in throttle gets its table on the upgrade,
    keyed by the name's hash; the revision's downgrade removes it again — on every backend."""
    engine = engines(at_revision("0006_inheritance_breaks"))
    assert "login_throttle" not in _table_names(engine)
    report = upgrade_database(engine, backup_dir=tmp_path, confirm=lambda _status: True)
    assert report.after.current == head_revision() and "login_throttle" in _table_names(engine)
    with engine.connect() as conn:
        columns = {c["name"]: c for c in inspect(conn).get_columns("login_throttle")}
        assert inspect(conn).get_pk_constraint("login_throttle")["constrained_columns"] == ["name_hash"]
    assert set(columns) == {"name_hash", "failed_logins", "locked_until", "last_failed_at"}
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0006_inheritance_breaks")
    assert "login_throttle" not in _table_names(engine)


def test_the_application_role_may_count_failed_log_ins_on_postgresql(tmp_path: Path) -> None:
    """S1, S9: on PostgreSQL the workstations log in with a NON-OWNER member of mandant_app (the
    trust model of 0005); the throttle of unknown names works with that role's rights."""
    import datetime as dt

    from mandant_desktop.domain.errors import AuthenticationError
    from mandant_desktop.services.auth import MAX_FAILED_LOGINS, AuthService

    with migrated_database("postgresql", tmp_path) as db, app_login(db, "mandant_thr") as app:
        with app.connect() as conn:
            owner = conn.scalar(text("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'login_throttle'"))
            assert conn.scalar(text("SELECT current_user")) != owner
        now = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
        auth = AuthService(make_session_factory(app), clock=lambda: now)
        for _ in range(MAX_FAILED_LOGINS):
            with pytest.raises(AuthenticationError, match="wrong"):
                auth.login("niemand", "falsch")
        with pytest.raises(AuthenticationError, match="locked"):
            auth.login("niemand", "falsch")
        now += dt.timedelta(minutes=6)
        with pytest.raises(AuthenticationError, match="wrong"):
            auth.login("jemand", "falsch")  # and the expired lock is removed by that role
        with app.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM login_throttle")) == 1


# --------------------------------------------------------------------------- 0016_outbox_mail_language


def test_outbox_language_revision_tells_the_language_of_earlier_mails(
    at_revision: AtRevision, engines: Callable[[str], Engine], tmp_path: Path
) -> None:
    """U4, E1, S9: the outbox's new language column is filled for the mails written before it, as
    the outbox told their language from the subject until then; a mail of another kind keeps none.
    The downgrade removes the column and keeps the mails — on every backend."""
    engine = engines(at_revision("0015_user_sort_indexes"))
    subjects = ("Aktivieren Sie Ihr Konto", "Your account is active", "Test-E-Mail von Mandant Desktop", "Hallo")
    with engine.begin() as conn:
        for subject in subjects:
            conn.execute(
                text(
                    "INSERT INTO outbox_mail (created_at, recipient, subject, body, status) "
                    "VALUES (:at, 'mia@example.de', :subject, '…', 'sent')"
                ),
                {"at": "2026-12-01 09:00:00", "subject": subject},
            )
    report = upgrade_database(engine, backup_dir=tmp_path, confirm=lambda _status: True)
    assert report.after.current == head_revision()
    with engine.connect() as conn:
        languages = {
            subject: language for subject, language in conn.execute(select(OutboxMail.subject, OutboxMail.language))
        }
    assert languages == {
        "Aktivieren Sie Ihr Konto": "de",
        "Your account is active": "en",
        "Test-E-Mail von Mandant Desktop": "de",
        "Hallo": None,
    }
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0015_user_sort_indexes")
    assert "language" not in _columns(engine, "outbox_mail")
    with engine.connect() as conn:
        assert set(conn.scalars(text("SELECT subject FROM outbox_mail"))) == set(subjects)


# --------------------------------------------------------------------------- 0021_link_rows_created

#: the link tables of revision 0021 and a row for each (its key columns), made before it
_LINK_ROWS = {
    "role_permission": "INSERT INTO role_permission (role_id, permission_code) VALUES (900, 'customers.view')",
    "rights_group_permission": "INSERT INTO rights_group_permission (group_id, permission_code) "
    "VALUES (900, 'portal.view_proofs')",
    "rights_group_member": "INSERT INTO rights_group_member (group_id, user_id) VALUES (900, 900)",
    "customer_contact_person": "INSERT INTO customer_contact_person (customer_id, user_id) VALUES (900, 900)",
    "distribution_list_member": "INSERT INTO distribution_list_member (list_id, person_role_id) VALUES (900, 900)",
}


def test_link_rows_revision_gives_existing_rows_a_creation_time(
    at_revision: AtRevision, engines: Callable[[str], Engine], tmp_path: Path
) -> None:
    """S4, E7, S9: the link tables get created_at (NOT NULL) and created_by; rows made before get
        the moment of the upgrade (whole seconds) and no creator (the rows are given high ids, clear of
    what PostgreSQL's sequences hand out to the catalogue sync). The downgrade removes both columns and
        keeps the rows — on every backend."""
    import datetime as dt

    engine = engines(at_revision("0020_pg_assignment_keys_once"))
    with engine.begin() as conn:
        for statement in (
            "INSERT INTO permission (code, scope, area, sort_order) VALUES ('customers.view', 'admin', 'c', 0)",
            "INSERT INTO permission (code, scope, area, sort_order) VALUES ('portal.view_proofs', 'portal', 'p', 0)",
            "INSERT INTO role (id, name, name_key, description, created_at, version) "
            "VALUES (900, 'Leser', 'leser', '', '2026-12-01 09:00:00', 1)",
            "INSERT INTO tenant (id, name, name_key, kind, active, created_at, version) "
            "VALUES (900, 'Nord', 'nord', 'inner', true, '2026-12-01 09:00:00', 1)",
            "INSERT INTO app_user (id, username, username_key, first_name, last_name, kind, status, sso, "
            "is_external_admin, failed_logins, created_at, version) VALUES (900, 'mia', 'mia', 'Mia', 'M', "
            "'internal', 'active', false, false, 0, '2026-12-01 09:00:00', 1)",
            "INSERT INTO customer (id, tenant_id, number, name, short_name, remote_access, is_agency, status, "
            "created_at, version) VALUES (900, 900, '1', 'K', 'K', true, false, 'active', '2026-12-01 09:00:00', 1)",
            "INSERT INTO rights_group (id, name, name_key, kind, description, version) "
            "VALUES (900, 'X1', 'x1', 'custom', '', 1)",
            "INSERT INTO contact (id, tenant_id, contact_type, salutation, first_name, last_name, created_at, "
            "version) VALUES (900, 900, '', '', 'Mia', 'M', '2026-12-01 09:00:00', 1)",
            "INSERT INTO person_role (id, contact_id, tenant_id, organisation, function, version) "
            "VALUES (900, 900, 900, '', '', 1)",
            "INSERT INTO distribution_list (id, tenant_id, name, description, created_at, version) "
            "VALUES (900, 900, 'L', '', '2026-12-01 09:00:00', 1)",
            *_LINK_ROWS.values(),
        ):
            conn.execute(text(statement))
    counts = {name: _count_rows(engine, name) for name in _LINK_ROWS}
    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    report = upgrade_database(engine, backup_dir=tmp_path, confirm=lambda _status: True)
    assert report.after.current == head_revision()
    assert not schema_differences(engine)
    with engine.connect() as conn:
        for name in _LINK_ROWS:
            columns = {c["name"]: c for c in inspect(conn).get_columns(name)}
            assert not columns["created_at"]["nullable"] and columns["created_by"]["nullable"], name
            table = tables.metadata.tables[name]
            # The catalogue sync after the upgrade adds the predefined roles, made by "system".
            made = conn.execute(select(table.c.created_at).where(table.c.created_by.is_(None))).scalars().all()
            assert len(made) == counts[name] == 1, name
            for at in made:
                assert at.microsecond == 0, name
                assert started - dt.timedelta(seconds=1) <= at <= dt.datetime.now(dt.UTC), name
    counts = {name: _count_rows(engine, name) for name in _LINK_ROWS}
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0020_pg_assignment_keys_once")
    for name in _LINK_ROWS:
        assert not {"created_at", "created_by"} & _columns(engine, name), name
        assert _count_rows(engine, name) == counts[name], name


def _count_rows(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(text(f"SELECT count(*) FROM {table}")) or 0)


def test_mariadb_date_time_columns_keep_microseconds(
    at_revision: AtRevision, engines: Callable[[str], Engine], tmp_path: Path
) -> None:
    """S4, E7, S9: revision 0024 makes every date-time column of MariaDB DATETIME(6) (keeping its
    nullability and the stored values), so that a moment read back is the moment written, as on
    SQLite and PostgreSQL (``services.undo_conflicts.same_row_written`` compares exactly); the
    models agree with the database; the downgrade turns them back into DATETIME. Nothing changes on
    the other backends."""
    import datetime as dt

    engine = engines(at_revision("0023_org_unit_tree_order"))
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO tenant (id, name, name_key, kind, active, created_at, version) "
                "VALUES (900, 'Nord', 'nord', 'inner', true, '2026-12-01 09:00:01', 1)"
            )
        )
    upgrade_database(engine, backup_dir=tmp_path, confirm=lambda _status: True)
    assert not schema_differences(engine)
    mariadb = engine.dialect.name in ("mysql", "mariadb")

    def date_time_columns() -> dict[tuple[str, str], tuple[int | None, bool]]:
        with engine.connect() as conn:
            found = {}
            for table in inspect(conn).get_table_names():
                for column in inspect(conn).get_columns(table):
                    if isinstance(column["type"], tables.DateTime):
                        found[(table, column["name"])] = (getattr(column["type"], "fsp", None), column["nullable"])
            return found

    columns = date_time_columns()
    assert ("role_assignment", "created_at") in columns and ("audit_log", "at") in columns
    if mariadb:
        assert {fsp for fsp, _ in columns.values()} == {6}
    moment = dt.datetime(2026, 12, 4, 3, 0, 1, 123456, tzinfo=dt.UTC)
    tenant = tables.metadata.tables["tenant"]
    with engine.begin() as conn:
        assert conn.scalar(select(tenant.c.created_at).where(tenant.c.id == 900)) == dt.datetime(
            2026, 12, 1, 9, 0, 1, tzinfo=dt.UTC
        )
        conn.execute(update(tenant).where(tenant.c.id == 900).values(updated_at=moment))
        assert conn.scalar(select(tenant.c.updated_at).where(tenant.c.id == 900)) == moment
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0023_org_unit_tree_order")
    after = date_time_columns()
    assert {key: nullable for key, (_, nullable) in after.items()} == {
        key: nullable for key, (_, nullable) in columns.items()
    }
    if mariadb:
        assert {fsp for fsp, _ in after.values()} == {None}


def test_sqlite_ids_revision_never_hands_out_an_id_twice(
    at_revision: AtRevision, engines: Callable[[str], Engine], tmp_path: Path
) -> None:
    """S3, T8, S9: revision 0028 makes the ids of tenants, users, roles and org units AUTOINCREMENT
    on SQLite (the other backends never reuse one): rows, indexes and keys stay, and the counter
    starts above the largest id the audit log knows, so the id of a user deleted before the
    upgrade is not handed out again either. The downgrade keeps the tables."""
    engine = engines(at_revision("0027_customer_search_fold"))
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO app_user (id, username, username_key, first_name, last_name, kind, status, sso, "
                "is_external_admin, failed_logins, created_at, version) VALUES (900, 'mia', 'mia', 'Mia', 'M', "
                "'internal', 'active', false, false, 0, '2026-12-01 09:00:00', 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO audit_log (at, operator_name, workstation, object_type, object_id, action, summary) "
                "VALUES ('2026-12-01 10:00:00', 'lena', 'PC-1', 'User', '950', 'delete', '')"
            )
        )
    backend = engine.dialect.name

    def definitions() -> dict[str, str]:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT name, sql FROM sqlite_master WHERE tbl_name IN ('tenant', 'app_user', "
                    "'role', 'org_unit') AND sql IS NOT NULL"
                )
            )
            return {str(name): str(sql) for name, sql in rows}

    before = definitions() if backend == "sqlite" else {}
    upgrade_database(engine, backup_dir=tmp_path, confirm=lambda _status: True)
    assert not schema_differences(engine)
    with engine.connect() as conn:
        assert undeclared_and_missing(conn) == ({}, {})
    assert _count_rows(engine, "app_user") == 1
    if backend != "sqlite":
        return
    after = definitions()
    assert set(after) == set(before)  # every index is there again
    for table in ("tenant", "app_user", "role", "org_unit"):
        assert "AUTOINCREMENT" in after[table] and "AUTOINCREMENT" not in before[table]
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO app_user (username, username_key, first_name, last_name, kind, status, sso, "
                "is_external_admin, failed_logins, created_at, version) VALUES ('tom', 'tom', 'Tom', 'T', "
                "'internal', 'active', false, false, 0, '2026-12-02 09:00:00', 1)"
            )
        )
        assert conn.scalar(text("SELECT id FROM app_user WHERE username = 'tom'")) == 951
        conn.execute(text("DELETE FROM app_user WHERE username = 'tom'"))
    # The downgrade keeps the tables (AUTOINCREMENT changes nothing older revisions rely on; a
    # parent table's rebuild is unsafe with foreign keys on), and the upgrade again leaves them.
    with engine.begin() as conn:  # first the later revisions' columns go (the search keys, 0029)
        command.downgrade(migrate.alembic_config(conn), "0028_sqlite_ids_never_reused")
    at_0028 = definitions()
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0027_customer_search_fold")
    assert definitions() == at_0028
    upgrade_database(engine, backup_dir=tmp_path, confirm=lambda _status: True)
    assert definitions() == after
    assert _count_rows(engine, "app_user") == 1


def test_sqlite_ids_revision_refuses_to_drop_a_table_with_rows_while_foreign_keys_are_on(
    engines: Callable[[str], Engine], tmp_path: Path
) -> None:
    """S9: dropping a parent table with foreign keys on deletes its children's rows (ON DELETE
    CASCADE) or fails; revision 0028 refuses to rebuild a table with rows then, and changes nothing."""
    with database_at_revision("sqlite", "0027_customer_search_fold", tmp_path) as url:
        engine = engines(url)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO role (id, name, name_key, description, created_at, version) "
                    "VALUES (900, 'Leser', 'leser', '', '2026-12-01 09:00:00', 1)"
                )
            )
            assert conn.scalar(text("PRAGMA foreign_keys")) == 1
            with pytest.raises(RuntimeError, match="foreign keys off"):
                command.upgrade(migrate.alembic_config(conn), "0028_sqlite_ids_never_reused")
        with engine.connect() as conn:
            sql = conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'role'"))
            assert "AUTOINCREMENT" not in sql
        assert _count_rows(engine, "role") == 1


def _plain_sql(sql: str) -> str:
    return " ".join(sql.replace('"', "").split())
