"""Property: for any access matrix, hidden data never leaves a service and private data only with
the right (SPEC T8, T9, T10, T2/T3 export)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from dbhelpers import MigratedDatabase
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete
from tenanthelpers import add_tenants, add_user, operator, router

from mandant_desktop.db.models import AccessLevel, TenantAccess
from mandant_desktop.services.contacts import ContactInput, ContactService, RoleInput
from mandant_desktop.services.exports import export_access, export_contacts
from mandant_desktop.services.lists import ListService
from mandant_desktop.services.operator import system_operator

TENANTS = 4
LEVELS = st.sampled_from([None, AccessLevel.HIDDEN, AccessLevel.READ_ONLY, AccessLevel.FULL])
MATRIX = st.lists(st.tuples(LEVELS, st.booleans()), min_size=TENANTS, max_size=TENANTS)
FILTERS = st.none() | st.frozensets(st.integers(0, TENANTS - 1))


def _marker(kind: str, tenant_index: int) -> str:
    """A value unique to one tenant's object, so that its appearance anywhere can be searched for."""
    return f"{kind}{tenant_index}zq"


class Seeded:
    def __init__(self, db: MigratedDatabase) -> None:
        self.db = db
        self.router = router(db)
        self.tenants = add_tenants(db.session_factory, *(f"Mandant{i}" for i in range(TENANTS)))
        self.user = add_user(db.session_factory, "mia")
        self.contacts = ContactService(self.router)
        self.lists = ListService(self.router)
        system = system_operator()
        roles: list[tuple[int, int]] = []
        for index, tenant in enumerate(self.tenants):
            contact = self.contacts.save_contact(
                system,
                tenant,
                ContactInput(
                    last_name=_marker("name", index),
                    email=f"{_marker('mail', index)}@example.de",
                    phone=_marker("phone", index),
                    city=_marker("city", index),
                ),
            )
            role = self.contacts.save_role(
                system,
                tenant,
                contact,
                tenant,
                RoleInput(_marker("org", index), email=f"{_marker('rolemail', index)}@example.de"),
            )
            roles.append((tenant, role))
            self.lists.save_template(system, tenant, _marker("template", index), _marker("subject", index), "x")
        # Every list reaches into the next tenant (T10).
        for index, tenant in enumerate(self.tenants):
            members = {roles[index], roles[(index + 1) % TENANTS]}
            self.lists.save_list(system, tenant, _marker("list", index), "", members)


@pytest.fixture
def seeded(migrated_sqlite: MigratedDatabase) -> Seeded:
    return Seeded(migrated_sqlite)


def _text_of(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(matrix=MATRIX, tenant_filter=FILTERS)
def test_hidden_data_never_leaks(
    seeded: Seeded, tmp_path: Path, matrix: list[tuple[AccessLevel | None, bool]], tenant_filter: frozenset[int] | None
) -> None:
    """T8/T9/T10: whatever the access rows and the toolbar filter, no list, count, detail or export
    shows a hidden tenant's object, and personal fields only with private data."""
    s = seeded
    with s.db.session_factory.begin() as session:
        session.execute(delete(TenantAccess).where(TenantAccess.user_id == s.user))
        for tenant, (level, private) in zip(s.tenants, matrix, strict=True):
            if level is not None:
                session.add(TenantAccess(tenant_id=tenant, user_id=s.user, level=level, private_data=private))
    ids = None if tenant_filter is None else frozenset(s.tenants[i] for i in tenant_filter)
    op = operator(s.user, "mia", tenant_filter=ids)
    visible = {
        i
        for i, (level, _) in enumerate(matrix)
        if level in (AccessLevel.READ_ONLY, AccessLevel.FULL) and (ids is None or s.tenants[i] in ids)
    }
    private = {i for i in visible if matrix[i][1]}

    texts: list[str] = []
    contacts = s.contacts.list_contacts(op)
    assert {c.tenant_id for c in contacts} == {s.tenants[i] for i in visible}
    texts += [repr(c) for c in contacts]
    for c in contacts:
        texts += [repr(s.contacts.get_contact(op, c.tenant_id, c.id))]
    roles = s.contacts.list_person_roles(op)
    assert {r.tenant_id for r in roles} == {s.tenants[i] for i in visible}
    texts += [repr(r) for r in roles]
    lists = s.lists.list_lists(op)
    assert {dl.tenant_id for dl in lists} == {s.tenants[i] for i in visible}
    for dl in lists:
        index = s.tenants.index(dl.tenant_id)
        shown = {index, (index + 1) % TENANTS} & visible
        assert dl.members == len(shown) and dl.hidden_members == 2 - len(shown)
        assert dl.editable == (
            matrix[index][0] is AccessLevel.FULL
            and matrix[(index + 1) % TENANTS][0] is AccessLevel.FULL
            and len(shown) == 2
        )
        texts += [repr(s.lists.get_list(op, dl.tenant_id, dl.id))]
    templates = s.lists.list_templates(op)
    assert {t.tenant_id for t in templates} == {s.tenants[i] for i in visible}
    texts += [repr(t) for t in templates]

    contacts_file, access_file = tmp_path / "k.xlsx", tmp_path / "a.xlsx"
    export_contacts(s.router, op, contacts_file)
    export_access(s.db.session_factory, op, access_file)
    texts += [_text_of(contacts_file), _text_of(access_file)]
    everything = "\n".join(texts)

    for i in range(TENANTS):
        for kind in ("name", "org", "template", "list", "subject"):
            assert (_marker(kind, i) in everything) == (i in visible), (kind, i)
        assert (f"Mandant{i}" in _text_of(access_file)) == (i in visible)
        for kind in ("mail", "phone", "city", "rolemail"):
            assert (_marker(kind, i) in everything) == (i in private), (kind, i)
