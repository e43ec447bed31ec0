"""Excel exports (SPEC A3, T2/T3, C1, T8, S7, E3)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from dbhelpers import MigratedDatabase, migrated_database
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from mandant_desktop.db.models import (
    AccessLevel,
    Customer,
    CustomerContactPerson,
    InheritanceSource,
    OrgUnit,
    Role,
    RoleAssignment,
    Tenant,
    TenantAccess,
    User,
    UserStatus,
)
from mandant_desktop.domain.errors import PermissionDeniedError
from mandant_desktop.services import xlsx
from mandant_desktop.services.auth import operator_permissions
from mandant_desktop.services.demo import generate_demo
from mandant_desktop.services.exports import (
    ACCESS_HEADERS,
    ASSIGNMENT_HEADERS,
    CUSTOMER_HEADERS,
    export_access,
    export_assignments,
    export_customers,
)
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.progress import OperationCancelledError

SYSTEM = system_operator("test")
EVIL_FIRST = '=HYPERLINK("http://evil.example","klick")'
EVIL_CUSTOMER = "=cmd|' /C calc'!A0"


@dataclass
class Data:
    db: MigratedDatabase
    mia: int
    evil: int
    dora: Operator


def _tenant(session: Session, name: str) -> Tenant:
    tenant = Tenant(name=name, name_key=name.casefold())
    session.add(tenant)
    return tenant


def _user(session: Session, username: str, first: str, last: str, email: str) -> User:
    user = User(
        username=username,
        username_key=username.casefold(),
        first_name=first,
        last_name=last,
        email=email,
        email_key=email.casefold(),
        status=UserStatus.ACTIVE,
    )
    session.add(user)
    return user


def _populate(db: MigratedDatabase) -> Data:
    """The worked example of SPEC A5 ("keep"): mia holds Reader directly in Süd, Editor and Auditor
    at Vertrieb with inheritance ticked, so Nord and Hamburg inherit them."""
    with db.session_factory() as session:
        roles = {r.predefined_key: r.id for r in session.scalars(select(Role))}
        nord, sued, hidden = (
            _tenant(session, "Redaktion Nord"),
            _tenant(session, "Redaktion Süd"),
            _tenant(session, "Versteckt GmbH"),
        )
        konzern = OrgUnit(name="Konzern", depth=0)
        session.add(konzern)
        session.flush()
        vertrieb = OrgUnit(name="Vertrieb", parent_id=konzern.id, depth=1)
        session.add(vertrieb)
        session.flush()
        unit_nord = OrgUnit(name="Nord", parent_id=vertrieb.id, depth=2, sort_order=0)
        unit_sued = OrgUnit(name="Süd", parent_id=vertrieb.id, depth=2, sort_order=1)
        session.add_all([unit_nord, unit_sued])
        session.flush()
        hamburg = OrgUnit(name="Hamburg", parent_id=unit_nord.id, depth=3)
        session.add(hamburg)
        mia = _user(session, "mia", "Mia", "Müller", "mia@firma.example")
        evil = _user(session, "evil", EVIL_FIRST, "@Angriff", "-x@evil.example")
        dora = _user(session, "dora", "Dora", "Datenschutz", "dora@firma.example")
        session.flush()

        def assign(user: User, role: str, unit: OrgUnit, source: OrgUnit | None = None) -> None:
            session.add(
                RoleAssignment(
                    user_id=user.id,
                    role_id=roles[role],
                    org_unit_id=unit.id,
                    inherited_from_id=source.id if source else None,
                )
            )

        assign(mia, "reader", unit_sued)
        for role in ("editor", "auditor"):
            assign(mia, role, vertrieb)
            assign(mia, role, unit_nord, vertrieb)
            assign(mia, role, hamburg, vertrieb)
        session.add(InheritanceSource(user_id=mia.id, org_unit_id=vertrieb.id))
        assign(evil, "reader", hamburg)
        assign(dora, "data_protection_officer", unit_nord)

        session.add_all(
            [
                TenantAccess(tenant_id=nord.id, user_id=mia.id, level=AccessLevel.FULL, private_data=True),
                TenantAccess(tenant_id=sued.id, user_id=mia.id, level=AccessLevel.READ_ONLY),
                TenantAccess(tenant_id=nord.id, user_id=dora.id, level=AccessLevel.FULL, private_data=True),
                TenantAccess(tenant_id=sued.id, user_id=dora.id, level=AccessLevel.READ_ONLY),
                TenantAccess(tenant_id=hidden.id, user_id=evil.id, level=AccessLevel.FULL),
            ]
        )
        agency = Customer(
            tenant_id=nord.id,
            number="20001",
            name="Werbeagentur Weber GmbH",
            short_name="Weber",
            remote_access=True,
            is_agency=True,
            quota_mb=1000,
        )
        session.add(agency)
        session.flush()
        druckerei = Customer(
            tenant_id=nord.id,
            number="12345",
            name="Druckerei Müller GmbH",
            short_name="Müller Druck",
            remote_access=True,
            quota_mb=500,
            default_agency_id=agency.id,
        )
        session.add_all([druckerei, Customer(tenant_id=hidden.id, number="100000", name=EVIL_CUSTOMER, short_name="x")])
        session.flush()
        session.add_all(
            [
                CustomerContactPerson(customer_id=druckerei.id, user_id=mia.id),
                CustomerContactPerson(customer_id=druckerei.id, user_id=dora.id),
            ]
        )
        session.commit()
        dora_operator = Operator(id=dora.id, username="dora", permissions=operator_permissions(session, dora.id))
        return Data(db=db, mia=mia.id, evil=evil.id, dora=dora_operator)


@pytest.fixture(params=["sqlite", "postgresql"])
def data(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Data]:
    with migrated_database(request.param, tmp_path) as db:
        yield _populate(db)


@pytest.fixture
def sqlite_data(tmp_path: Path) -> Iterator[Data]:
    with migrated_database("sqlite", tmp_path) as db:
        yield _populate(db)


def _rows(path: Path, sheet: int = 0) -> list[tuple[Any, ...]]:
    workbook = openpyxl.load_workbook(path)
    return [tuple(row) for row in workbook.worksheets[sheet].iter_rows(values_only=True)]


def _sheet_xml(path: Path, sheet: int = 1) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{sheet}.xml").decode()


# --------------------------------------------------------------------------- assignments


def test_assignment_export_cells(data: Data, tmp_path: Path) -> None:
    """A3: one row per (user, org unit, role) with user, e-mail, unit path, role, inherited and
    inherited from; S7: frozen header, auto filter; rows of one user follow the tree."""
    out = tmp_path / "zuweisungen.xlsx"
    calls: list[tuple[int, int]] = []
    written = export_assignments(data.db.session_factory, SYSTEM, out, progress=lambda d, t: calls.append((d, t)))

    assert written == 9
    assert calls[-1] == (9, 9)
    rows = _rows(out)
    assert rows[0] == ASSIGNMENT_HEADERS == ("User", "E-mail", "Org unit", "Role", "Inherited", "Inherited from")
    assert len(rows) == 10
    mia = [row for row in rows[1:] if row[0] == "Mia Müller"]
    vertrieb = "Konzern / Vertrieb"
    assert mia == [
        ("Mia Müller", "mia@firma.example", vertrieb, "Auditor", "no", None),
        ("Mia Müller", "mia@firma.example", vertrieb, "Redakteur", "no", None),
        ("Mia Müller", "mia@firma.example", "Konzern / Vertrieb / Nord", "Auditor", "yes", vertrieb),
        ("Mia Müller", "mia@firma.example", "Konzern / Vertrieb / Nord", "Redakteur", "yes", vertrieb),
        ("Mia Müller", "mia@firma.example", "Konzern / Vertrieb / Nord / Hamburg", "Auditor", "yes", vertrieb),
        ("Mia Müller", "mia@firma.example", "Konzern / Vertrieb / Nord / Hamburg", "Redakteur", "yes", vertrieb),
        ("Mia Müller", "mia@firma.example", "Konzern / Vertrieb / Süd", "Leser", "no", None),
    ]
    # Rows of one user are contiguous.
    users = [row[0] for row in rows[1:]]
    assert users == sorted(users, key=users.index)

    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F10"
    assert all((sheet.column_dimensions[c].width or 0) >= 8 for c in "ABCDEF")


def test_formula_like_values_are_neutralised(data: Data, tmp_path: Path) -> None:
    """S7: a user called =HYPERLINK(...) and a customer called =cmd|... come out as text with a
    leading quote; the sheet XML holds no formula element at all."""
    out = tmp_path / "evil.xlsx"
    export_assignments(data.db.session_factory, SYSTEM, out, user_id=data.evil)
    rows = _rows(out)
    assert rows[1][:2] == (f"'{EVIL_FIRST} @Angriff", "'-x@evil.example")
    xml = _sheet_xml(out)
    assert "<f>" not in xml and "<f " not in xml

    customers = tmp_path / "kunden.xlsx"
    export_customers(data.db.session_factory, SYSTEM, customers)
    assert ("'" + EVIL_CUSTOMER) in [row[1] for row in _rows(customers)]
    xml = _sheet_xml(customers)
    assert "<f>" not in xml and "<f " not in xml


def test_filters_and_delegated_reach(sqlite_data: Data, tmp_path: Path) -> None:
    """A3: one user, or the filter selection; S1: an operator exports only the units where they
    hold assignments.export (dora: Nord)."""
    factory = sqlite_data.db.session_factory
    assert export_assignments(factory, SYSTEM, tmp_path / "a.xlsx", user_id=sqlite_data.mia) == 7
    assert export_assignments(factory, SYSTEM, tmp_path / "b.xlsx", user_ids=[sqlite_data.evil, sqlite_data.mia]) == 8

    with factory() as session:
        hamburg = session.scalars(select(OrgUnit.id).where(OrgUnit.name == "Hamburg")).one()
    assert export_assignments(factory, SYSTEM, tmp_path / "c.xlsx", unit_ids=[hamburg]) == 3

    out = tmp_path / "dora.xlsx"
    assert export_assignments(factory, sqlite_data.dora, out) == 3
    assert {row[2] for row in _rows(out)[1:]} == {"Konzern / Vertrieb / Nord"}
    assert export_assignments(factory, sqlite_data.dora, tmp_path / "d.xlsx", unit_ids=[hamburg]) == 0
    assert _rows(tmp_path / "d.xlsx") == [ASSIGNMENT_HEADERS]


def test_operator_without_permission_is_refused(sqlite_data: Data, tmp_path: Path) -> None:
    """S2: the service refuses what the UI hides; nothing is written."""
    nobody = Operator(id=sqlite_data.mia, username="mia", permissions=frozenset({"contacts.view"}))
    factory = sqlite_data.db.session_factory
    for export in (export_assignments, export_access, export_customers):
        with pytest.raises(PermissionDeniedError):
            export(factory, nobody, tmp_path / "x.xlsx")
    assert [p.name for p in tmp_path.iterdir() if "xlsx" in p.name] == []


# --------------------------------------------------------------------------- atomicity


def test_cancelled_export_leaves_no_file(sqlite_data: Data, tmp_path: Path) -> None:
    """S7/E3: a cancel removes the temporary file; an existing file keeps its old content."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "export.xlsx"
    with pytest.raises(OperationCancelledError):
        export_assignments(sqlite_data.db.session_factory, SYSTEM, target, cancel=lambda: True)
    assert list(folder.iterdir()) == []

    target.write_bytes(b"old export")
    with pytest.raises(OperationCancelledError):
        export_customers(sqlite_data.db.session_factory, SYSTEM, target, cancel=lambda: True)
    assert list(folder.iterdir()) == [target]
    assert target.read_bytes() == b"old export"


def test_failure_half_way_leaves_no_temp_file(
    sqlite_data: Data, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S7: an error while rows are being written (here: from the progress callback) removes the
    temporary file beside the target and openpyxl's spool file in the system temp folder."""

    def explode(done: int, total: int) -> None:
        if done >= 3:
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(xlsx, "_TICK_ROWS", 1)
    monkeypatch.setattr(xlsx, "_SIZING_ROWS", 1)  # the sheet is open (and spooling) when it fails
    spooled = len(ALL_TEMP_FILES)
    with pytest.raises(RuntimeError, match="disk on fire"):
        export_assignments(sqlite_data.db.session_factory, SYSTEM, tmp_path / "x.xlsx", progress=explode)
    assert [p.name for p in tmp_path.iterdir() if "xlsx" in p.name] == []
    assert len(ALL_TEMP_FILES) == spooled


def test_missing_folder_is_a_clear_error(sqlite_data: Data, tmp_path: Path) -> None:
    with pytest.raises(xlsx.ExportFileError, match="does not exist"):
        export_assignments(sqlite_data.db.session_factory, SYSTEM, tmp_path / "nowhere" / "x.xlsx")


def test_long_exports_continue_on_another_sheet(
    sqlite_data: Data, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel stops at 1,048,576 rows; beyond, the export goes on in a second sheet with its header."""
    monkeypatch.setattr(xlsx, "MAX_SHEET_ROWS", 4)
    out = tmp_path / "lang.xlsx"
    assert export_assignments(sqlite_data.db.session_factory, SYSTEM, out, user_id=sqlite_data.mia) == 7
    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Role assignments", "Role assignments (2)", "Role assignments (3)"]
    assert [len(_rows(out, i)) for i in range(3)] == [4, 4, 2]
    assert all(_rows(out, i)[0] == ASSIGNMENT_HEADERS for i in range(3))


# --------------------------------------------------------------------------- access and customers


def test_access_export_matrix(data: Data, tmp_path: Path) -> None:
    """T2/T3: one row per user and tenant with level and private data; no row means hidden.
    T8: tenants hidden from the operator are left out."""
    out = tmp_path / "zugriff.xlsx"
    assert export_access(data.db.session_factory, SYSTEM, out) == 9
    rows = _rows(out)
    assert rows[0] == ACCESS_HEADERS
    by_pair = {(row[1], row[3]): row for row in rows[1:]}
    assert by_pair[("mia", "Redaktion Nord")] == (
        "Mia Müller",
        "mia",
        "mia@firma.example",
        "Redaktion Nord",
        "Full access",
        "yes",
    )
    assert by_pair[("mia", "Redaktion Süd")][4:] == ("Read only", "no")
    assert by_pair[("mia", "Versteckt GmbH")][4:] == ("Hidden", "no")

    out = tmp_path / "dora.xlsx"
    assert export_access(data.db.session_factory, data.dora, out) == 6
    assert {row[3] for row in _rows(out)[1:]} == {"Redaktion Nord", "Redaktion Süd"}


def test_customer_export(data: Data, tmp_path: Path) -> None:
    """C1: number, name, short name, remote access (Yes/No/Agency), quota, default agency, tenant,
    contact persons, status. T8: customers of hidden tenants are not exported."""
    out = tmp_path / "kunden.xlsx"
    assert export_customers(data.db.session_factory, SYSTEM, out) == 3
    rows = _rows(out)
    assert rows[0] == CUSTOMER_HEADERS
    assert [row[0] for row in rows[1:]] == ["12345", "20001", "100000"]
    assert rows[1] == (
        "12345",
        "Druckerei Müller GmbH",
        "Müller Druck",
        "Yes",
        500,
        "Werbeagentur Weber GmbH (20001)",
        "Redaktion Nord",
        "Dora Datenschutz, Mia Müller",
        "Active",
    )
    assert rows[2][3] == "Agency"
    assert rows[3][3] == "No"

    out = tmp_path / "dora.xlsx"
    assert export_customers(data.db.session_factory, data.dora, out) == 2
    assert [row[0] for row in _rows(out)[1:]] == ["12345", "20001"]


def test_query_count_does_not_grow_with_rows(migrated_sqlite: MigratedDatabase, tmp_path: Path) -> None:
    """Section 8: an export is a fixed handful of queries, however many rows it writes."""
    generate_demo(migrated_sqlite.engine, scale="small")
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(migrated_sqlite.engine, "before_cursor_execute", count)
    try:
        rows = export_assignments(migrated_sqlite.session_factory, SYSTEM, tmp_path / "all.xlsx")
        assignments = len(statements)
        statements.clear()
        customers = export_customers(migrated_sqlite.session_factory, SYSTEM, tmp_path / "c.xlsx")
    finally:
        event.remove(migrated_sqlite.engine, "before_cursor_execute", count)
    assert rows > 500 and customers == 300
    assert assignments <= 5
    assert len(statements) <= 5


def test_headers_and_words_go_through_translate(sqlite_data: Data, tmp_path: Path) -> None:
    """E1: the UI hands in its translator; headers, sheet title and yes/no come out in German."""
    german = {"User": "Benutzer", "Inherited": "Geerbt", "yes": "ja", "no": "nein", "Role assignments": "Zuweisungen"}
    out = tmp_path / "de.xlsx"
    export_assignments(
        sqlite_data.db.session_factory, SYSTEM, out, user_id=sqlite_data.mia, translate=lambda s: german.get(s, s)
    )
    assert openpyxl.load_workbook(out).sheetnames == ["Zuweisungen"]
    rows = _rows(out)
    assert rows[0][0] == "Benutzer" and rows[0][4] == "Geerbt"
    assert {row[4] for row in rows[1:]} == {"ja", "nein"}


def test_default_agency_in_a_hidden_tenant_is_not_named(data: Data, tmp_path: Path) -> None:
    """T8: a visible customer whose default agency sits in a tenant hidden from the operator does
    not reveal that agency's name or number in the export."""
    with data.db.session_factory() as session:
        hidden = session.scalars(select(Tenant).where(Tenant.name == "Versteckt GmbH")).one()
        secret_agency = Customer(tenant_id=hidden.id, number="30001", name="Geheimagentur", is_agency=True)
        session.add(secret_agency)
        session.flush()
        druckerei = session.scalars(select(Customer).where(Customer.number == "12345")).one()
        druckerei.default_agency_id = secret_agency.id
        session.commit()

    out = tmp_path / "dora.xlsx"
    assert export_customers(data.db.session_factory, data.dora, out) == 2
    rows = {row[0]: row for row in _rows(out)[1:]}
    assert rows["12345"][5] is None
    assert not any("Geheimagentur" in str(cell) or "30001" in str(cell) for row in rows.values() for cell in row)

    # The system operator sees every tenant, so it names the agency as usual.
    everything = tmp_path / "all.xlsx"
    export_customers(data.db.session_factory, SYSTEM, everything)
    assert {row[0]: row for row in _rows(everything)[1:]}["12345"][5] == "Geheimagentur (30001)"


def test_control_characters_do_not_break_the_export(sqlite_data: Data, tmp_path: Path) -> None:
    """S7: a value with control characters (pasted from another program, written by an import) is
    exported without them instead of failing the whole file; a formula hidden behind one is still
    neutralised."""
    with sqlite_data.db.session_factory() as session:
        tenant = session.scalars(select(Tenant).where(Tenant.name == "Redaktion Nord")).one()
        session.add(Customer(tenant_id=tenant.id, number="40001", name="\x01=cmd|' /C calc'!A0", short_name="Bell\x07"))
        session.commit()
    out = tmp_path / "kunden.xlsx"
    assert export_customers(sqlite_data.db.session_factory, SYSTEM, out) == 4
    row = next(row for row in _rows(out)[1:] if row[0] == "40001")
    assert row[1:3] == ("'=cmd|' /C calc'!A0", "Bell")
    xml = _sheet_xml(out)
    assert "<f>" not in xml and "<f " not in xml


def test_repeated_values_are_cleaned_on_every_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """S7: the writer remembers cleaned strings (issue 8: unit paths and role names repeat on every
    row); a remembered formula-like or control-character value is still defused on each row, also
    after the memo was started afresh."""
    monkeypatch.setattr(xlsx, "_MEMO_LIMIT", 3)
    out = tmp_path / "memo.xlsx"
    values = ["=HYPERLINK(1)", "Nord\x07", "-5", "plain", 7, None]
    with xlsx.XlsxExport(out, "Memo", ["A", "B", "C", "D", "E", "F"], total=500) as writer:
        for _ in range(500):
            writer.add(values)
        assert writer.commit() == 500
    rows = _rows(out, 0)
    assert len(rows) == 501
    assert set(rows[1:]) == {("'=HYPERLINK(1)", "Nord", "'-5", "plain", 7, None)}


def test_a_cell_longer_than_excel_takes_is_cut_and_marked(tmp_path: Path) -> None:
    """S3, S7: a cell holds at most 32,767 characters, and Excel repairs a file with a longer one by
    emptying it; the audit log's changes of a role inherited into thousands of units name every
    unit. The writer cuts such a value to the limit and marks the cut with "…"."""
    out = tmp_path / "long.xlsx"
    long = "Vertrieb Nord (#12), " * 2_000
    with xlsx.XlsxExport(out, "Long", ["A", "B"], total=1) as writer:
        writer.add([long, "kurz"])
        assert writer.commit() == 1
    ((cell, short),) = _rows(out, 0)[1:]
    assert len(cell) == xlsx.MAX_CELL_CHARS and cell.endswith("…") and long.startswith(cell[:-1])
    assert short == "kurz"
