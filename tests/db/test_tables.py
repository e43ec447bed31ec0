"""The Core tables and the ORM classes mapped onto them are one schema (issue 8: the start works on
the tables alone and loads the ORM afterwards)."""

from __future__ import annotations

import subprocess
import sys

from mandant_desktop.db import models, tables


def test_every_class_maps_its_table_and_the_audit_names_agree() -> None:
    mapped = {mapper.class_.__name__: mapper.local_table for mapper in models.Base.registry.mappers}
    assert {name: table.name for name, table in mapped.items()} == tables.TABLE_OF_CLASS
    assert all(table is tables.metadata.tables[table.name] for table in mapped.values())
    assert set(tables.metadata.tables) == {table.name for table in mapped.values()}


def test_versioned_classes_lock_on_their_version_column() -> None:
    for mapper in models.Base.registry.mappers:
        versioned = issubclass(mapper.class_, models.Versioned)
        assert versioned == ("version" in mapper.local_table.c), mapper.class_.__name__
        if versioned:
            assert mapper.version_id_col is mapper.local_table.c.version


def test_the_tables_and_the_start_services_import_no_orm() -> None:
    """What the log-in and the start page import (the services' modules too) leaves the ORM and
    the models for later."""
    modules = (
        "mandant_desktop.db.tables",
        "mandant_desktop.db.migrate",
        "mandant_desktop.bootstrap",
        "mandant_desktop.services.auth",
        "mandant_desktop.services.tenants",
        "mandant_desktop.services.access",
        "mandant_desktop.services.changes",
        "mandant_desktop.services.connection_guard",
        "mandant_desktop.services.tenant_data",
        "mandant_desktop.services.unit_of_work",
    )
    code = (
        f"import sys\nfor m in {modules!r}: __import__(m)\n"
        "print(','.join(m for m in ('sqlalchemy.orm', 'mandant_desktop.db.models') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == ""
