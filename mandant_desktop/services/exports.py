"""Excel exports: role assignments (SPEC A3), tenant access (T2, T3) and customers (C1).

Each export checks the operator's right, counts its rows, then streams them from one query with
server-side iteration into :class:`~mandant_desktop.services.xlsx.XlsxExport`. Whatever the size
of the export, it costs a fixed handful of queries: org-unit paths come from one query of all
units, contact persons from one query of all pairs.

Exports respect the tenant rules (T8): a tenant hidden from the operator and the customers in it
appear nowhere in a file. Column headers and fixed words are English source strings; the UI
passes ``translate`` to have them in the operator's language.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select, true
from sqlalchemy.orm import Session, aliased, sessionmaker

from mandant_desktop.db.models import (
    AccessLevel,
    AuditEntry,
    Customer,
    CustomerContactPerson,
    CustomerStatus,
    Role,
    RoleAssignment,
    RolePermission,
    Tenant,
    TenantAccess,
    User,
    UserKind,
)
from mandant_desktop.services.audit import AuditQuery, AuditRow, FieldChange
from mandant_desktop.services.customers import search_clause as customer_search_clause
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.progress import CancelCheck, CountProgress
from mandant_desktop.services.tenant_data import TenantDataRouter
from mandant_desktop.services.tenant_scope import load_tenant_scope, visible_clause
from mandant_desktop.services.unit_of_work import UnitOfWork
from mandant_desktop.services.unit_tree import unit_paths
from mandant_desktop.services.xlsx import XlsxExport, check_target

Translate = Callable[[str], str]
PathArg = str | os.PathLike[str]
AnySelect = Select[*tuple[Any, ...]]

#: rows fetched per round trip while streaming
STREAM_BATCH = 2_000


ASSIGNMENT_HEADERS = ("User", "E-mail", "Org unit", "Role", "Inherited", "Inherited from")
ACCESS_HEADERS = ("User", "User name", "E-mail", "Tenant", "Access", "Private data")
CUSTOMER_HEADERS = (
    "Number",
    "Name",
    "Short name",
    "Remote access",
    "Quota (MB)",
    "Default agency",
    "Tenant",
    "Contact persons",
    "Status",
)
ACCESS_LABELS = {AccessLevel.FULL: "Full access", AccessLevel.READ_ONLY: "Read only", AccessLevel.HIDDEN: "Hidden"}
STATUS_LABELS = {CustomerStatus.ACTIVE: "Active", CustomerStatus.DEACTIVATED: "Deactivated"}


def _same(text: str) -> str:
    return text


# --------------------------------------------------------------------------- role assignments


def export_assignments(
    session_factory: sessionmaker[Session],
    operator: Operator,
    path: PathArg,
    *,
    user_id: int | None = None,
    unit_ids: Collection[int] | None = None,
    user_ids: Collection[int] | None = None,
    progress: CountProgress | None = None,
    cancel: CancelCheck | None = None,
    translate: Translate | None = None,
) -> int:
    """One row per (user, org unit, role) within the operator's reach (SPEC A3); returns the rows.

    All assignments, or those of one user (``user_id``), or the current filter selection
    (``unit_ids`` and/or ``user_ids``). The operator's reach is the units where they hold
    ``assignments.export`` (delegated administration, S1).
    """
    operator.require("assignments.export")
    label = translate or _same
    check_target(Path(path))
    filters: list[ColumnElement[bool]] = []
    if user_id is not None:
        filters.append(RoleAssignment.user_id == user_id)
    if user_ids is not None:
        filters.append(RoleAssignment.user_id.in_(list(user_ids)))
    if unit_ids is not None:
        filters.append(RoleAssignment.org_unit_id.in_(list(unit_ids)))
    yes, no = label("yes"), label("no")
    with UnitOfWork(session_factory, operator, write=False) as uow:
        session = uow.session
        paths, order = unit_paths(session)
        if not operator.is_system:
            reach = _units_with_permission(operator, "assignments.export")
            # An operator who may export in every unit needs no filter: with it, SQLite probes the
            # unit index once per unit and user (1.2 s per query on the large demo, issue 8).
            if not set(session.scalars(reach)).issuperset(paths):
                filters.append(RoleAssignment.org_unit_id.in_(reach))
        total = _count(session, select(RoleAssignment.id).where(*filters))
        stmt = (
            select(
                RoleAssignment.user_id,
                User.first_name,
                User.last_name,
                User.username,
                User.email,
                RoleAssignment.org_unit_id,
                Role.name,
                RoleAssignment.inherited_from_id,
            )
            .join(User, User.id == RoleAssignment.user_id)
            .join(Role, Role.id == RoleAssignment.role_id)
            .where(*filters)
            .order_by(User.last_name, User.first_name, User.id)
        )
        with XlsxExport(
            path,
            label("Role assignments"),
            [label(h) for h in ASSIGNMENT_HEADERS],
            total=total,
            progress=progress,
            cancel=cancel,
        ) as out:
            add = out.add
            for rows in _per_user(_stream(session, stmt)):
                # Within one user, rows follow the org-unit tree as the assignment page shows it.
                rows.sort(key=lambda r: (order.get(r[5], 0), r[6]))
                _user, first, last, username, email = rows[0][:5]
                name = _display_name(first, last, username)
                for row in rows:
                    unit, role, source = row[5], row[6], row[7]
                    if source is None:
                        add((name, email, paths.get(unit, ""), role, no, None))
                    else:
                        add((name, email, paths.get(unit, ""), role, yes, paths.get(source, "")))
            return out.commit()


def _units_with_permission(operator: Operator, permission: str) -> Select[int]:
    held = aliased(RoleAssignment)
    return (
        select(held.org_unit_id)
        .join(RolePermission, RolePermission.role_id == held.role_id)
        .where(held.user_id == operator.id, RolePermission.permission_code == permission)
    )


def _per_user(rows: Iterable[Any]) -> Iterator[list[Any]]:
    """Consecutive rows of one user (the first column) as lists."""
    group: list[Any] = []
    current = None
    for row in rows:
        if row[0] != current:
            if group:
                yield group
            group = []
            current = row[0]
        group.append(row)
    if group:
        yield group


# --------------------------------------------------------------------------- tenant access


def export_access(
    session_factory: sessionmaker[Session],
    operator: Operator,
    path: PathArg,
    *,
    tenant_ids: Collection[int] | None = None,
    user_ids: Collection[int] | None = None,
    progress: CountProgress | None = None,
    cancel: CancelCheck | None = None,
    translate: Translate | None = None,
) -> int:
    """The tenants × users matrix as one row per (user, tenant): level and private data (T2, T3).

    Without a stored row a user's access is hidden. Tenants hidden from the operator are left out.
    """
    if not operator.can("tenants.manage_access"):
        operator.require("tenants.view")
    label = translate or _same
    check_target(Path(path))
    tenant_filter: list[ColumnElement[bool]] = []
    if tenant_ids is not None:
        tenant_filter.append(Tenant.id.in_(list(tenant_ids)))
    user_filter: list[ColumnElement[bool]] = [User.kind == UserKind.INTERNAL]
    if user_ids is not None:
        user_filter.append(User.id.in_(list(user_ids)))
    labels = {level: label(text) for level, text in ACCESS_LABELS.items()}
    yes, no = label("yes"), label("no")
    with UnitOfWork(session_factory, operator, write=False) as uow:
        session = uow.session
        # The shared tenant scope (T8, T9): hidden tenants and the toolbar filter's others are left out.
        tenant_filter.append(visible_clause(load_tenant_scope(session, operator), Tenant.id))
        users = _count(session, select(User.id).where(*user_filter))
        tenants = _count(session, select(Tenant.id).where(*tenant_filter))
        stmt = (
            select(
                User.first_name,
                User.last_name,
                User.username,
                User.email,
                Tenant.name.label("tenant"),
                TenantAccess.level,
                TenantAccess.private_data,
            )
            .select_from(User)
            .join(Tenant, true())
            .outerjoin(TenantAccess, and_(TenantAccess.user_id == User.id, TenantAccess.tenant_id == Tenant.id))
            .where(*user_filter, *tenant_filter)
            .order_by(User.last_name, User.first_name, User.id, Tenant.name, Tenant.id)
        )
        with XlsxExport(
            path,
            label("Tenant access"),
            [label(h) for h in ACCESS_HEADERS],
            total=users * tenants,
            progress=progress,
            cancel=cancel,
        ) as out:
            for row in _stream(session, stmt):
                level = row.level or AccessLevel.HIDDEN
                out.add(
                    (
                        _display_name(row.first_name, row.last_name, row.username),
                        row.username,
                        row.email,
                        row.tenant,
                        labels[level],
                        yes if row.private_data else no,
                    )
                )
            return out.commit()


# --------------------------------------------------------------------------- customers


def export_customers(
    session_factory: sessionmaker[Session],
    operator: Operator,
    path: PathArg,
    *,
    customer_ids: Collection[int] | None = None,
    tenant_ids: Collection[int] | None = None,
    progress: CountProgress | None = None,
    cancel: CancelCheck | None = None,
    translate: Translate | None = None,
    search: str = "",
) -> int:
    """The customers table as the customers page shows it (SPEC C1), in number order.

    ``customer_ids`` exports a selection, ``search`` the page's search, ``tenant_ids`` a set of
    tenants; the operator's tenant filter (T9) and tenant scope (T8) always apply.
    """
    operator.require("customers.view")
    label = translate or _same
    check_target(Path(path))
    filters: list[ColumnElement[bool]] = []
    if customer_ids is not None:
        filters.append(Customer.id.in_(list(customer_ids)))
    if tenant_ids is not None:
        filters.append(Customer.tenant_id.in_(list(tenant_ids)))
    agency = aliased(Customer)
    agency_label, yes, no = label("Agency"), label("Yes"), label("No")
    status_labels = {status: label(text) for status, text in STATUS_LABELS.items()}
    with UnitOfWork(session_factory, operator, write=False) as uow:
        session = uow.session
        # The operator's tenant scope with the toolbar filter (T8, T9); the default agency may sit in
        # a tenant hidden from the operator: then it appears nowhere.
        scope = load_tenant_scope(session, operator)
        filters.append(visible_clause(scope, Customer.tenant_id))
        searched = customer_search_clause(session, search)
        if searched is not None:
            filters.append(searched)
        agency_join = and_(agency.id == Customer.default_agency_id, visible_clause(scope, agency.tenant_id))
        total = _count(session, select(Customer.id).where(*filters))
        contact_persons = _contact_persons(session, filters)
        stmt = (
            select(
                Customer.id,
                Customer.number,
                Customer.name,
                Customer.short_name,
                Customer.remote_access,
                Customer.is_agency,
                Customer.quota_mb,
                Customer.status,
                agency.name.label("agency_name"),
                agency.number.label("agency_number"),
                Tenant.name.label("tenant"),
            )
            .join(Tenant, Tenant.id == Customer.tenant_id)
            .outerjoin(agency, agency_join)
            .where(*filters)
            # Numbers are text: shorter first keeps 99999 before 100000.
            .order_by(func.length(Customer.number), Customer.number)
        )
        with XlsxExport(
            path,
            label("Customers"),
            [label(h) for h in CUSTOMER_HEADERS],
            total=total,
            progress=progress,
            cancel=cancel,
        ) as out:
            for row in _stream(session, stmt):
                out.add(
                    (
                        row.number,
                        row.name,
                        row.short_name,
                        agency_label if row.is_agency else yes if row.remote_access else no,
                        row.quota_mb,
                        f"{row.agency_name} ({row.agency_number})" if row.agency_name is not None else None,
                        row.tenant,
                        ", ".join(contact_persons.get(row.id, ())),
                        status_labels[row.status],
                    )
                )
            return out.commit()


def _contact_persons(session: Session, filters: list[ColumnElement[bool]]) -> dict[int, list[str]]:
    stmt = (
        select(CustomerContactPerson.customer_id, User.first_name, User.last_name, User.username)
        .join(User, User.id == CustomerContactPerson.user_id)
        .join(Customer, Customer.id == CustomerContactPerson.customer_id)
        .where(*filters)
    )
    result: dict[int, list[str]] = {}
    for row in _stream(session, stmt):
        result.setdefault(row.customer_id, []).append(_display_name(row.first_name, row.last_name, row.username))
    for names in result.values():
        names.sort(key=str.casefold)
    return result


# --------------------------------------------------------------------------- contacts

CONTACT_HEADERS = (
    "Last name",
    "First name",
    "Salutation",
    "Type",
    "Tenant",
    "E-mail",
    "Phone",
    "Street",
    "Postal code",
    "City",
    "Birthday",
)


def export_contacts(
    router: TenantDataRouter,
    operator: Operator,
    path: PathArg,
    *,
    keys: Collection[tuple[int, int] | tuple[int, int, bool]] | None = None,
    search: str = "",
    progress: CountProgress | None = None,
    cancel: CancelCheck | None = None,
    translate: Translate | None = None,
) -> int:
    """The contacts the operator may see, personal fields masked without *private data* (T8).

    Reads through the contact service, so that separate tenants' databases (T6) are included and
    the masking is the very one the page shows. ``keys`` (rows' keys (tenant, id, main), or pairs
    (tenant, id) of the tenant's own database) exports a selection. A separate tenant's customer's
    contact (from the main database, C10) says whose it is in its tenant column.
    """
    from mandant_desktop.services.contacts import ContactService, contact_key

    operator.require("contacts.export")
    label = translate or _same
    check_target(Path(path))
    rows = ContactService(router).list_contacts(operator, search)
    if keys is not None:
        wanted = {contact_key(key) for key in keys}
        rows = [row for row in rows if row.key in wanted]
    with XlsxExport(
        path,
        label("Contacts"),
        [label(h) for h in CONTACT_HEADERS],
        total=len(rows),
        progress=progress,
        cancel=cancel,
    ) as out:
        for row in rows:
            out.add(
                (
                    row.last_name,
                    row.first_name,
                    row.salutation,
                    row.contact_type,
                    label("{tenant} (customer {customer})").format(tenant=row.tenant, customer=row.customer)
                    if row.main
                    else row.tenant,
                    row.email,
                    row.phone,
                    row.street,
                    row.postal_code,
                    row.city,
                    row.birthday,
                )
            )
        return out.commit()


# --------------------------------------------------------------------------- audit log

AUDIT_HEADERS = ("Time", "Operator", "Workstation", "Tenant", "Object type", "Object", "Action", "Changes")
AUDIT_ACTIONS = {"create": "created", "update": "changed", "delete": "deleted"}


def export_audit(
    session_factory: sessionmaker[Session],
    operator: Operator,
    path: PathArg,
    query: AuditQuery,
    *,
    progress: CountProgress | None = None,
    cancel: CancelCheck | None = None,
    translate: Translate | None = None,
    translate_object: Translate | None = None,
    row_label: Callable[[AuditRow], str] | None = None,
    change_text: Callable[[FieldChange], str] | None = None,
) -> int:
    """The audit entries of ``query`` as the audit page lists them (SPEC S3), times in local time:
    ``row_label`` words an entry's object as the page does (a fixed summary such as "undo" in the
    operator's language, a role's permission by the role's and the permission's names), and
    ``change_text`` writes a changed field the way the page's detail pane does.

    One row per entry; the changed fields go into one cell, one "field: before → after" per line.
    Hidden tenants' entries are left out (T8).
    """
    from mandant_desktop.services.audit import filter_clauses, iter_rows

    operator.require("audit.export")
    label = translate or _same
    object_label = translate_object or _same
    entry_label = row_label or _object_label
    line = change_text or _change_line
    check_target(Path(path))
    with UnitOfWork(session_factory, operator, write=False) as uow:
        session = uow.session
        total = session.scalar(select(func.count(AuditEntry.id)).where(*filter_clauses(session, operator, query))) or 0
        with XlsxExport(
            path,
            label("Audit log"),
            [label(h) for h in AUDIT_HEADERS],
            total=total,
            progress=progress,
            cancel=cancel,
        ) as out:
            for row in iter_rows(session, operator, query, STREAM_BATCH):
                changes = "\n".join(line(change) for change in row.changes)
                out.add(
                    (
                        row.at.astimezone().replace(tzinfo=None),
                        row.operator_name,
                        row.workstation,
                        row.tenant,
                        object_label(row.object_type),
                        entry_label(row),
                        label(AUDIT_ACTIONS.get(row.action, row.action)),
                        changes,
                    )
                )
            return out.commit()


def _object_label(row: AuditRow) -> str:
    return row.object_label


def _audit_value(value: Any) -> str:
    return "—" if value is None else str(value)


def _change_line(change: FieldChange) -> str:
    return f"{change.field}: {_audit_value(change.before)} → {_audit_value(change.after)}"


# --------------------------------------------------------------------------- shared


def _count(session: Session, stmt: AnySelect) -> int:
    return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def _stream(session: Session, stmt: AnySelect) -> Iterator[Any]:
    """Rows in batches through a server-side cursor (PostgreSQL, MariaDB) or SQLite's own
    cursor, so that memory stays flat whatever the number of rows."""
    result = session.execute(stmt.execution_options(yield_per=STREAM_BATCH))
    try:
        yield from result
    finally:
        result.close()


def _display_name(first: str | None, last: str | None, username: str) -> str:
    full = f"{first or ''} {last or ''}".strip()
    return full or username


__all__ = [
    "ACCESS_HEADERS",
    "ASSIGNMENT_HEADERS",
    "AUDIT_HEADERS",
    "CONTACT_HEADERS",
    "CUSTOMER_HEADERS",
    "export_access",
    "export_assignments",
    "export_audit",
    "export_contacts",
    "export_customers",
]
