"""Every export is formula-safe: user data that starts with = + - @ tab or CR never becomes a
formula in the saved file (SPEC S7); asserted on the sheet XML itself."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from dbhelpers import MigratedDatabase
from sqlalchemy import select
from tenanthelpers import router

from mandant_desktop.db.models import Contact, Customer, OrgUnit, Role, RoleAssignment, Tenant, User, UserStatus
from mandant_desktop.services.audit import AuditQuery
from mandant_desktop.services.exports import (
    export_access,
    export_assignments,
    export_audit,
    export_contacts,
    export_customers,
)
from mandant_desktop.services.operator import system_operator
from mandant_desktop.services.unit_of_work import UnitOfWork

SYSTEM = system_operator("test")
#: one dangerous value per trigger character
EVIL = {
    "=": '=HYPERLINK("http://evil.example","klick")',
    "+": "+49 40 123 SUM(A1)",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+1)*cmd",
    "\t": "\t=1+1",
    "\r": "\r=1+1",
}


def _populate(db: MigratedDatabase) -> None:
    with UnitOfWork(db.session_factory, SYSTEM) as uow:
        session = uow.session
        reader = session.scalars(select(Role).where(Role.predefined_key == "reader")).one()
        unit = OrgUnit(name=EVIL["="], depth=0)
        session.add(unit)
        for index, (trigger, value) in enumerate(EVIL.items()):
            tenant = Tenant(name=f"{value} {index}", name_key=f"{value} {index}".casefold())
            user = User(
                username=f"u{index}",
                username_key=f"u{index}",
                first_name=value,
                last_name=trigger + "Nachname",
                email=f"u{index}@firma.example",
                email_key=f"u{index}@firma.example",
                status=UserStatus.ACTIVE,
            )
            session.add_all([tenant, user])
            session.flush()
            session.add_all(
                [
                    RoleAssignment(user_id=user.id, org_unit_id=unit.id, role_id=reader.id),
                    Customer(tenant_id=tenant.id, number=str(10000 + index), name=value, short_name=trigger + "k"),
                    Contact(
                        tenant_id=tenant.id,
                        last_name=value,
                        first_name=trigger + "Vorname",
                        email=None,
                        phone=EVIL["+"],
                        street=EVIL["-"],
                        city=EVIL["@"],
                    ),
                ]
            )
        uow.commit()


EXPORTS: dict[str, Callable[[MigratedDatabase, Path], int]] = {
    "assignments": lambda db, path: export_assignments(db.session_factory, SYSTEM, path),
    "access": lambda db, path: export_access(db.session_factory, SYSTEM, path),
    "customers": lambda db, path: export_customers(db.session_factory, SYSTEM, path),
    "contacts": lambda db, path: export_contacts(router(db), SYSTEM, path),
    "audit": lambda db, path: export_audit(db.session_factory, SYSTEM, path, AuditQuery()),
}


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_no_formula_comes_from_user_data(name: str, migrated_sqlite: MigratedDatabase, tmp_path: Path) -> None:
    """S7: the saved sheet XML has no <f> element; each dangerous value is stored as text with a
    leading quote; the file was written atomically (no temporary file is left)."""
    _populate(migrated_sqlite)
    out = tmp_path / "out"
    out.mkdir()
    path = out / f"{name}.xlsx"
    assert EXPORTS[name](migrated_sqlite, path) > 0
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
        shared = archive.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in archive.namelist() else ""
    assert not re.search(r"<f[\s>/]", xml), f"formula element in the {name} export"
    texts = xml + shared
    assert "&apos;=HYPERLINK" in texts or "'=HYPERLINK" in texts
    for trigger, value in EVIL.items():
        escaped = value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        bare = re.escape(escaped.replace("\r", "&#13;").replace("\t", "\t"))
        # wherever a dangerous value stands at the start of a cell, it has the quote before it
        assert not re.search(r"<t[^>]*>" + bare, texts), f"{trigger!r} value unprotected in {name}"
    assert sorted(p.name for p in out.iterdir()) == [path.name]
