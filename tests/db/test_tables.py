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


def test_a_start_leaves_the_later_tables_undefined_and_metadata_holds_all() -> None:
    """The start's modules define the eleven tables it reads (issue 8); the other sixteen and
    ``metadata`` come with the first use of any of them, the same objects for every caller."""
    modules = (
        "mandant_desktop.db.migrate",
        "mandant_desktop.services.auth",
        "mandant_desktop.services.tenants",
        "mandant_desktop.services.access",
        "mandant_desktop.services.changes",
        "mandant_desktop.services.tenant_data",
        "mandant_desktop.services.unit_of_work",
        "mandant_desktop.ui.tenants.page_load",
    )
    code = f"""
import sys
for m in {modules!r}: __import__(m)
from mandant_desktop.db import tables
later = "mandant_desktop.db.later_tables"
assert later not in sys.modules, "a start module asked for a later table"
assert "metadata" not in vars(tables) and len(tables.tenant.metadata.tables) == 11
customer = tables.customer
assert later in sys.modules
from mandant_desktop.db.tables import metadata, org_unit
assert len(metadata.tables) == 27 and metadata is tables.tenant.metadata
assert metadata.tables["customer"] is customer and metadata.tables["org_unit"] is org_unit
assert not hasattr(tables, "no_such_table")
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_threads_asking_for_a_later_table_at_once_get_the_same_table() -> None:
    """The ORM warm-up, a worker and the GUI thread may ask for the first later table at the same
    moment (issue 8): each gets the one table, defined once."""
    code = """
import threading
from mandant_desktop.db import tables
barrier = threading.Barrier(8)
found, failed = [], []
def ask(name):
    barrier.wait()
    try:
        found.append((getattr(tables, name), tables.metadata))
    except Exception as exc:
        failed.append(repr(exc))
names = ["customer", "contact", "metadata", "org_unit"] * 2
threads = [threading.Thread(target=ask, args=(name,)) for name in names]
for thread in threads: thread.start()
for thread in threads: thread.join()
assert not failed, failed
assert len({id(metadata) for _, metadata in found}) == 1
assert len(tables.metadata.tables) == 27
assert tables.customer is tables.metadata.tables["customer"]
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
