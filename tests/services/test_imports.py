"""Excel imports: round trips with the exports, all-or-nothing, dry run, rights and attack files
(SPEC S8, S7, E9, S1, T8)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from dbhelpers import MigratedDatabase, stale_search_keys
from sqlalchemy import delete, func, select
from xlsxhelpers import write_xlsx

from mandant_desktop.db.models import (
    AccessLevel,
    AuditEntry,
    Customer,
    OrgUnit,
    RightsGroup,
    Role,
    RoleAssignment,
    RolePermission,
    Tenant,
    TenantAccess,
    User,
    UserStatus,
)
from mandant_desktop.domain.errors import PermissionDeniedError
from mandant_desktop.services.customers import CustomerQuery, CustomerService
from mandant_desktop.services.exports import (
    ASSIGNMENT_HEADERS,
    CUSTOMER_HEADERS,
    export_assignments,
    export_customers,
)
from mandant_desktop.services.imports import USER_HEADERS, ImportFileError, ImportKind, ImportService
from mandant_desktop.services.imports.core import Limits
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.progress import OperationCancelledError

SYSTEM = system_operator("test")


@dataclass
class World:
    db: MigratedDatabase
    service: ImportService
    nord: int
    hidden: int
    mia: Operator  # may assign only in "Nord", edits tenant Nord


def _world(db: MigratedDatabase) -> World:
    with db.session_factory() as session:
        roles = {r.predefined_key: r.id for r in session.scalars(select(Role))}
        nord = Tenant(name="Redaktion Nord", name_key="redaktion nord")
        hidden = Tenant(name="Versteckt GmbH", name_key="versteckt gmbh")
        konzern = OrgUnit(name="Konzern", depth=0)
        session.add_all([nord, hidden, konzern])
        session.flush()
        unit_nord = OrgUnit(name="Nord", parent_id=konzern.id, depth=1)
        unit_sued = OrgUnit(name="Süd", parent_id=konzern.id, depth=1)
        session.add_all([unit_nord, unit_sued])
        mia = User(
            username="mia",
            username_key="mia",
            first_name="Mia",
            last_name="Müller",
            email="mia@firma.example",
            email_key="mia@firma.example",
            status=UserStatus.ACTIVE,
        )
        ben = User(
            username="ben",
            username_key="ben",
            first_name="Ben",
            last_name="Bauer",
            email="ben@firma.example",
            email_key="ben@firma.example",
            status=UserStatus.ACTIVE,
        )
        session.add_all([mia, ben])
        session.flush()
        admin_role = roles["administrator"]
        session.add_all(
            [
                RoleAssignment(user_id=mia.id, org_unit_id=unit_nord.id, role_id=admin_role),
                RoleAssignment(user_id=ben.id, org_unit_id=unit_sued.id, role_id=roles["reader"]),
                TenantAccess(tenant_id=nord.id, user_id=mia.id, level=AccessLevel.FULL),
                Customer(tenant_id=nord.id, number="12345", name="Druckerei Müller GmbH", short_name="Müller"),
                Customer(
                    tenant_id=nord.id,
                    number="20001",
                    name="Werbeagentur Weber",
                    remote_access=True,
                    is_agency=True,
                    quota_mb=100,
                ),
            ]
        )
        session.commit()
        permissions = frozenset(
            session.scalars(select(RolePermission.permission_code).where(RolePermission.role_id == admin_role))
        )
        operator = Operator(id=mia.id, username="mia", permissions=permissions)
        return World(db, ImportService(db.session_factory), nord.id, hidden.id, operator)


@pytest.fixture
def world(migrated_sqlite: MigratedDatabase) -> World:
    return _world(migrated_sqlite)


@pytest.fixture
def any_world(migrated_db: MigratedDatabase) -> World:
    return _world(migrated_db)


def _counts(db: MigratedDatabase) -> tuple[int, ...]:
    with db.session_factory() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (User, Customer, RoleAssignment, RightsGroup, AuditEntry)
        )


# --------------------------------------------------------------------------- round trips


def test_customer_export_imports_back_and_new_rows_are_added(any_world: World, tmp_path: Path) -> None:
    """S8, E9, C1: an exported customer file imports back unchanged; new rows are added in one go,
    audited, with their rights group (C3) — on every backend."""
    exported = tmp_path / "kunden.xlsx"
    export_customers(any_world.db.session_factory, SYSTEM, exported)
    result = any_world.service.run(SYSTEM, ImportKind.CUSTOMERS, exported)
    assert (result.added, result.unchanged, result.errors) == (0, 2, [])
    workbook = openpyxl.load_workbook(exported)
    sheet = workbook.worksheets[0]
    sheet.append(
        ["30001", "'=Neue Druckerei", "Neu", "Yes", 50, "Werbeagentur Weber (20001)", "Redaktion Nord", "", "Active"]
    )
    sheet.append(["30002", "Verlag Ohne Zugang", "", "No", None, None, "Redaktion Nord", "", "Active"])
    workbook.save(exported)
    before = _counts(any_world.db)
    dry = any_world.service.run(SYSTEM, ImportKind.CUSTOMERS, exported, dry_run=True)
    assert (dry.added, dry.unchanged, dry.errors) == (2, 2, [])
    assert _counts(any_world.db) == before
    done = any_world.service.run(SYSTEM, ImportKind.CUSTOMERS, exported)
    assert (done.added, done.unchanged) == (2, 2)
    with any_world.db.session_factory() as session:
        new = session.scalars(select(Customer).where(Customer.number == "30001")).one()
        assert new.name == "=Neue Druckerei" and new.remote_access and new.quota_mb == 50
        assert new.default_agency_id is not None
        assert session.scalar(select(func.count()).where(RightsGroup.customer_id == new.id)) == 1
        audited = session.scalar(
            select(func.count()).where(AuditEntry.object_type == "Customer", AuditEntry.summary == "import")
        )
        assert audited == 2
    # Imported customers are found by the search at once (their index is filled after the insert).
    assert CustomerService(any_world.db.session_factory).count(SYSTEM, CustomerQuery(search="OHNE ZUGANG")) == 1


def test_assignment_export_imports_back(world: World, tmp_path: Path) -> None:
    """S8, A3: the assignment export's layout imports back; added rows are audited."""
    exported = tmp_path / "zuweisungen.xlsx"
    export_assignments(world.db.session_factory, SYSTEM, exported)
    result = world.service.run(SYSTEM, ImportKind.ASSIGNMENTS, exported)
    assert (result.added, result.unchanged, result.errors) == (0, 2, [])
    path = write_xlsx(
        tmp_path / "neu.xlsx",
        ASSIGNMENT_HEADERS,
        [("Ben Bauer", "ben@firma.example", "Konzern / Nord", "Leser", "no", None)],
    )
    result = world.service.run(world.mia, ImportKind.ASSIGNMENTS, path)
    assert (result.added, result.errors) == (1, [])
    again = world.service.run(world.mia, ImportKind.ASSIGNMENTS, path)
    assert (again.added, again.unchanged) == (0, 1)


def test_delegated_units_are_respected(world: World, tmp_path: Path) -> None:
    """S1, S8: an operator may import assignments only into units where they may assign; one row
    outside refuses the whole file."""
    path = write_xlsx(
        tmp_path / "a.xlsx",
        ASSIGNMENT_HEADERS,
        [
            ("Ben Bauer", "ben@firma.example", "Konzern / Nord", "Leser", "no", None),
            ("Ben Bauer", "ben@firma.example", "Konzern / Süd", "Redakteur", "no", None),
        ],
    )
    before = _counts(world.db)
    result = world.service.run(world.mia, ImportKind.ASSIGNMENTS, path)
    assert result.added == 1 and [(e.row, e.column) for e in result.errors] == [(3, "Org unit")]
    assert isinstance(result.errors[0].error, PermissionDeniedError)
    assert _counts(world.db) == before
    # a role with a permission mia lacks in that unit cannot be granted by her (S1): her role in
    # Nord loses audit.export, which the Auditor role needs
    with world.db.session_factory.begin() as session:
        session.execute(
            delete(RolePermission).where(
                RolePermission.permission_code == "audit.export",
                RolePermission.role_id.in_(
                    select(RoleAssignment.role_id).where(RoleAssignment.user_id == world.mia.id)
                ),
            )
        )
    limited = world.mia
    path = write_xlsx(
        tmp_path / "b.xlsx",
        ASSIGNMENT_HEADERS,
        [("Ben Bauer", "ben@firma.example", "Konzern / Nord", "Auditor", "no", None)],
    )
    result = world.service.run(limited, ImportKind.ASSIGNMENTS, path)
    assert [(e.row, e.column) for e in result.errors] == [(2, "Role")]
    assert _counts(world.db) == before
    nobody = Operator(id=None, username="x", permissions=frozenset({"assignments.view"}))
    with pytest.raises(PermissionDeniedError):
        world.service.run(nobody, ImportKind.ASSIGNMENTS, path)


def test_users_import_validates_every_row_first(world: World, tmp_path: Path) -> None:
    """S8, U2: one bad row, nothing written; the errors name row and column; fixed, all go in."""
    rows: list[tuple[Any, ...]] = [
        ("jana.k", "jana@firma.example", "Jana", "Koch", "no"),
        ("mia", "mia@firma.example", "Mia", "Müller", "no"),  # exists: unchanged
        ("bad name!", "x@firma.example", "X", "Y", "no"),
        ("tom", "kein-mail", "Tom", "T", "yes"),
        ("tim", "ben@firma.example", "Tim", "T", "no"),  # e-mail of another user
    ]
    path = write_xlsx(tmp_path / "u.xlsx", USER_HEADERS, rows)
    before = _counts(world.db)
    result = world.service.run(world.mia, ImportKind.USERS, path)
    assert sorted((e.row, e.column) for e in result.errors) == [(4, "User name"), (5, "E-mail"), (6, "E-mail")]
    assert _counts(world.db) == before
    path = write_xlsx(tmp_path / "u2.xlsx", USER_HEADERS, [*rows[:2], ("tom", "tom@firma.example", "Tom", "T", "yes")])
    result = world.service.run(world.mia, ImportKind.USERS, path)
    assert (result.added, result.unchanged, result.errors) == (2, 1, [])
    with world.db.session_factory() as session:
        tom = session.scalars(select(User).where(User.username_key == "tom")).one()
        assert tom.status is UserStatus.PENDING and tom.sso
    assert stale_search_keys(world.db.engine) == []  # the import writes the search key (U1)


def test_a_cancelled_import_writes_nothing(any_world: World, tmp_path: Path) -> None:
    """E3, S8: progress counts the rows read and written; a cancel between two chunks of the
    INSERT rolls the whole import back — on every backend — and a dry run can be cancelled too."""
    rows = [(f"nutzer{n}", f"nutzer{n}@firma.example", "N", str(n), "no") for n in range(1200)]
    path = write_xlsx(tmp_path / "viele.xlsx", USER_HEADERS, rows)
    before = _counts(any_world.db)
    steps: list[tuple[int, int]] = []

    def after_first_chunk() -> bool:
        return any(done > 0 and total for done, total in steps)

    with pytest.raises(OperationCancelledError):
        any_world.service.run(
            any_world.mia, ImportKind.USERS, path, progress=lambda d, t: steps.append((d, t)), cancel=after_first_chunk
        )
    assert steps == [(1000, 0), (0, 1200), (500, 1200)]  # read, planned, the first chunk written
    assert _counts(any_world.db) == before
    with pytest.raises(OperationCancelledError):
        any_world.service.run(any_world.mia, ImportKind.USERS, path, dry_run=True, cancel=lambda: True)
    result = any_world.service.run(any_world.mia, ImportKind.USERS, path, cancel=lambda: False)
    assert result.added == 1200 and _counts(any_world.db) != before


def test_customers_in_hidden_or_read_only_tenants_are_refused(world: World, tmp_path: Path) -> None:
    """T8, S8: a hidden tenant is "not found"; nothing is written."""
    path = write_xlsx(
        tmp_path / "c.xlsx",
        CUSTOMER_HEADERS,
        [("40001", "Geheim AG", "", "No", None, None, "Versteckt GmbH", "", "Active")],
    )
    result = world.service.run(world.mia, ImportKind.CUSTOMERS, path)
    assert [(e.row, e.column) for e in result.errors] == [(2, "Tenant")]


def test_german_headers_and_words(world: World, tmp_path: Path) -> None:
    """S8, I18n: a file exported in German imports with the same translate function."""
    german = {"Number": "Nummer", "Name": "Name", "Tenant": "Mandant", "Remote access": "Remote Access", "No": "Nein"}
    path = write_xlsx(
        tmp_path / "de.xlsx",
        ("Nummer", "Name", "Mandant", "Remote Access"),
        [("50001", "Verlag", "Redaktion Nord", "Nein")],
    )
    result = world.service.run(SYSTEM, ImportKind.CUSTOMERS, path, translate=lambda t: german.get(t, t))
    assert (result.added, result.errors) == (1, [])


# --------------------------------------------------------------------------- attack files


def _refused(
    world: World, path: Path, kind: ImportKind = ImportKind.CUSTOMERS, service: ImportService | None = None
) -> str:
    before = _counts(world.db)
    with pytest.raises(ImportFileError) as info:
        (service or world.service).run(SYSTEM, kind, path, dry_run=False)
    assert _counts(world.db) == before
    return info.value.message


def test_zip_bomb_is_refused_before_parsing(world: World, tmp_path: Path) -> None:
    """S8: a small file that unpacks to a huge sheet is refused by its sizes, unread."""
    good = write_xlsx(tmp_path / "good.xlsx", CUSTOMER_HEADERS, [])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(item, src.read(item))
        with dst.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            block = b" " * (1024 * 1024)
            for _ in range(210):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    assert bomb.stat().st_size < 2 * 1024 * 1024
    assert "zip bomb" in _refused(world, bomb)
    small = ImportService(world.db.session_factory, limits=Limits(max_uncompressed_bytes=10**10))
    assert "compressed more than" in _refused(world, bomb, service=small)


def test_too_many_rows_are_refused(world: World, tmp_path: Path) -> None:
    """S8: the row limit holds, by the sheet's dimension and while reading."""
    rows = [(str(60000 + i), f"Kunde {i}", "", "No", None, None, "Redaktion Nord", "", "Active") for i in range(120)]
    path = write_xlsx(tmp_path / "rows.xlsx", CUSTOMER_HEADERS, rows)
    limited = ImportService(world.db.session_factory, limits=Limits(max_rows=100))
    assert "120 rows" in _refused(world, path, service=limited)


def test_entity_expansion_is_refused(world: World, tmp_path: Path) -> None:
    """S8: "billion laughs" inside a sheet is refused; openpyxl itself parses with defusedxml."""
    good = write_xlsx(tmp_path / "good.xlsx", CUSTOMER_HEADERS, [])
    laughs = tmp_path / "laughs.xlsx"
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY l0 "ha">{entities}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>'
    )
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(laughs, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = xml.encode() if item.filename == "xl/worksheets/sheet1.xml" else src.read(item)
            dst.writestr(item, data)
    assert "document type declaration" in _refused(world, laughs)
    assert openpyxl.DEFUSEDXML  # type: ignore[attr-defined]
    from defusedxml import DTDForbidden, EntitiesForbidden

    with pytest.raises(ValueError) as info:  # openpyxl wraps the refusal of defusedxml
        list(openpyxl.load_workbook(laughs, read_only=True).worksheets[0].iter_rows())
    assert isinstance(info.value.__cause__ or info.value.__context__, EntitiesForbidden | DTDForbidden)


def test_renamed_file_is_refused(world: World, tmp_path: Path) -> None:
    """S8: a CSV (or anything else) renamed to .xlsx is refused with a clear message."""
    fake = tmp_path / "kunden.xlsx"
    fake.write_text("Nummer;Name\n1;=cmd|' /C calc'!A0\n", encoding="utf-8")
    assert "is not an Excel workbook" in _refused(world, fake)
    other_zip = tmp_path / "archiv.xlsx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("readme.txt", "hallo")
    assert "is not an Excel workbook" in _refused(world, other_zip)


def test_formula_cells_are_refused(world: World, tmp_path: Path) -> None:
    """S8, S7: a formula in the input is refused, naming the cell; nothing is written."""
    path = write_xlsx(
        tmp_path / "f.xlsx",
        CUSTOMER_HEADERS,
        [("70001", '=HYPERLINK("http://evil.example","klick")', "", "No", None, None, "Redaktion Nord", "", "Active")],
    )
    assert "B2" in _refused(world, path)


def test_unknown_column_is_refused(world: World, tmp_path: Path) -> None:
    """S8: a file of another kind is refused as a whole instead of importing half its data."""
    path = write_xlsx(tmp_path / "u.xlsx", USER_HEADERS, [("a", "a@b.example", "A", "B", "no")])
    assert "is not part of this import" in _refused(world, path)


@pytest.mark.parametrize("kind", list(ImportKind))
def test_each_import_needs_its_right(world: World, tmp_path: Path, kind: ImportKind) -> None:
    """S1, S8: assignments.assign, users.edit, customers.edit — refused by the service before the
    file is even read."""
    from mandant_desktop.services.imports import PERMISSIONS

    others = frozenset(PERMISSIONS.values()) - {PERMISSIONS[kind]}
    operator = Operator(id=None, username="x", permissions=others | {"users.view", "customers.view"})
    with pytest.raises(PermissionDeniedError):
        world.service.run(operator, kind, tmp_path / "does-not-exist.xlsx", dry_run=True)


def test_a_large_import_leaves_statistics_on_postgresql(any_world: World, tmp_path: Path) -> None:
    """Issue 8: a server without autovacuum had no statistics for the rows an import added; now the
    import analyses a table it made much bigger (autovacuum's rule, in its transaction). MariaDB:
    ``ANALYZE TABLE`` of the grown tables after the commit (InnoDB would recalculate only later, in
    the background); a small import analyses nothing."""
    from sqlalchemy import event

    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(any_world.db.engine, "before_cursor_execute", seen)
    rows = [(f"massen{i}", f"massen{i}@firma.example", "Mass", f"Import {i}", "no") for i in range(120)]
    result = any_world.service.run(SYSTEM, ImportKind.USERS, write_xlsx(tmp_path / "many.xlsx", USER_HEADERS, rows))
    few = [(f"wenig{i}", f"wenig{i}@firma.example", "Wenig", f"Import {i}", "no") for i in range(3)]
    statements_of_many = list(statements)
    small = any_world.service.run(SYSTEM, ImportKind.USERS, write_xlsx(tmp_path / "few.xlsx", USER_HEADERS, few))
    event.remove(any_world.db.engine, "before_cursor_execute", seen)
    assert (result.added, result.errors, small.added) == (120, [], 3)
    analyses = [s for s in statements if s.startswith("ANALYZE TABLE")]
    if any_world.db.engine.dialect.name == "mysql":
        assert [s for s in statements_of_many if s.startswith("ANALYZE TABLE")] == analyses
        assert analyses == ["ANALYZE TABLE app_user, audit_log"]
        return
    assert analyses == []
    if any_world.db.engine.dialect.name != "postgresql":
        return
    with any_world.db.engine.connect() as conn:
        users = conn.scalar(select(func.count()).select_from(User))
        analysed = conn.exec_driver_sql("SELECT reltuples FROM pg_class WHERE relname = 'app_user'").scalar()
    assert analysed == users - 3  # the small import left the statistics as they were
