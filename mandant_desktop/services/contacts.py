"""Contacts and their person-roles (SPEC T7, T8), wherever their tenant's data lives (T6).

Every object is addressed by its tenant and its id: a separate tenant's rows live in another
database whose ids may repeat the main database's. Lists read every database that holds visible
data (a few queries, one per database, never one per row) and merge the rows.

One more place holds contacts of a separate tenant: the main database, where its customers' contacts
live with their customer (C10) and the portal accounts bound to them. The contacts list shows them
to an operator who may see that customer's contact list (``customers.view`` and the tenant visible),
marked ``main`` in their key ``(tenant, id, main)``: every change of such a row (edit, delete,
person-roles) goes to the main database, never to the tenant's own contact of the same id.

The tenant rules, in every function: hidden tenants' rows are filtered out in SQL and reported
as not found when asked for by id; rows of read-only tenants come with ``editable`` False and
every change to them is refused; without *private data* e-mail, phone, address and birthday are
masked before they leave the service.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from mandant_desktop.db import contact_order, search_keys
from mandant_desktop.db.models import Contact, Customer, PersonRole, Tenant
from mandant_desktop.domain.errors import InUseError, NotFoundError, PermissionDeniedError, ValidationError
from mandant_desktop.domain.search_folding import search_words
from mandant_desktop.domain.tenant_access import MASK, TenantScope
from mandant_desktop.domain.validation import clean_email, clean_name
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.tenant_data import (
    MAIN,
    TenantDataRouter,
    TenantWork,
    check_same_database,
    sessions_for,
)
from mandant_desktop.services.tenant_scope import load_tenant_scope, visible_clause
from mandant_desktop.services.unit_of_work import UnitOfWork, check_version

CONTACT = "Contact"
PERSON_ROLE = "PersonRole"
#: a contact's key: (tenant id, id, main); ``main`` True for a separate tenant's customer's contact,
#: which lives in the main database (C10, T6). A pair (tenant id, id) means main False.
Key = tuple[int, int, bool]
#: the right that shows a customer's contact list (services.customer_contacts): the one that shows
#: a separate tenant's customers' contacts on the contacts page too
CUSTOMERS_VIEW = "customers.view"
#: contacts read at a time by :meth:`ContactService.contact_window`: the first window with the count
#: on a worker, the others as the view scrolls to them
CONTACT_WINDOW = 200


@dataclass(frozen=True, slots=True)
class TenantChoice:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class ContactRow:
    tenant_id: int
    id: int
    version: int
    tenant: str
    salutation: str
    first_name: str
    last_name: str
    contact_type: str
    email: str | None
    phone: str | None
    street: str | None
    postal_code: str | None
    city: str | None
    birthday: str | None
    editable: bool
    private: bool  # False: the personal fields above are masked
    #: True: a separate tenant's customer's contact, read from the main database (C10, T6)
    main: bool = False
    #: the customer's name of a ``main`` contact (the page says whose contact it is), else ""
    customer: str = ""

    @property
    def key(self) -> Key:
        return (self.tenant_id, self.id, self.main)

    @property
    def name(self) -> str:
        return f"{self.last_name}, {self.first_name}" if self.first_name else self.last_name


@dataclass(frozen=True, slots=True)
class ContactWindow:
    """Rows of the contacts list from ``offset`` on, with the number of rows the search has."""

    rows: list[ContactRow]
    #: every row of the search (-1 when it was not counted)
    total: int
    #: True when ``rows`` are every row of the search: the visible contacts live in several
    #: databases (separate tenants, T6), whose rows are merged in memory, not windowed by SQL
    complete: bool


@dataclass(frozen=True, slots=True)
class RoleRow:
    tenant_id: int
    id: int
    version: int
    tenant: str
    contact_id: int
    contact_name: str
    organisation: str
    function: str
    email: str | None
    phone: str | None
    street: str | None
    postal_code: str | None
    city: str | None
    editable: bool
    private: bool

    @property
    def key(self) -> tuple[int, int]:
        """(tenant, id): unique among the roles of one contact, all of one database, and among the
        roles the list member picker offers (each tenant's from its own database: a separate
        tenant's customers' contacts' roles in the main database are no list's members, T6)."""
        return (self.tenant_id, self.id)


@dataclass(frozen=True, slots=True)
class ContactInput:
    last_name: str
    first_name: str = ""
    salutation: str = ""
    contact_type: str = ""
    email: str = ""
    phone: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    birthday: dt.date | None = None


@dataclass(frozen=True, slots=True)
class RoleInput:
    organisation: str
    function: str = ""
    email: str = ""
    phone: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""


def not_found(object_name: str) -> NotFoundError:
    """The refusal for an object that is gone or hidden: the same words, so hiding does not leak."""
    return NotFoundError("The {object} no longer exists or is not visible to you.", object=object_name)


def _text(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def tenant_names(session: Session, scope: TenantScope) -> dict[int, str]:
    rows = session.execute(select(Tenant.id, Tenant.name).where(visible_clause(scope, Tenant.id)))
    return {row.id: row.name for row in rows}


def in_group(column: InstrumentedAttribute[int], ids: set[int] | None, scope: TenantScope) -> list[ColumnElement[bool]]:
    """The WHERE conditions of one database's share of a list: visible, and this database's tenants."""
    conditions = [visible_clause(scope, column)]
    if ids is not None:
        conditions.append(column.in_(sorted(ids)))
    return conditions


def window_group(
    session: Session, column: InstrumentedAttribute[int], ids: set[int] | None, scope: TenantScope
) -> list[ColumnElement[bool]]:
    """:func:`in_group` for a windowed list: one IN list of the tenants it keeps, or no condition
    when it keeps every tenant of the database (each row's tenant is one of them: foreign key).

    An administrator who sees all 200 tenants of the large demo sent two IN lists of 200 ids, which
    SQLite answered through the tenant index and then sorted all 20,000 contacts for every window,
    ignoring the order index (revision 0025). The tenant ids are read in the same transaction as
    the window; on PostgreSQL row security checks the rows besides (revision 0005)."""
    every = set(session.scalars(select(Tenant.id)))
    visible = scope.visible_ids()
    kept = every if visible is None else every & visible
    if ids is not None:
        kept &= ids
    return [] if kept == every else [column.in_(sorted(kept))]


def _groups(router: TenantDataRouter, scope: TenantScope) -> dict[str, set[int] | None]:
    """The databases that hold visible contacts, each with its tenants (router.partition)."""
    return {url: ids for url, ids in router.partition(scope.visible_ids()).items() if ids is None or ids}


def _separate(groups: Mapping[str, set[int] | None], operator: Operator) -> set[int]:
    """The visible separate tenants of ``groups`` whose customers' contacts the operator may see
    in the main database: with the right to see a customer's contact list (C10, S1)."""
    if not operator.can(CUSTOMERS_VIEW):
        return set()
    return {tenant for url, ids in groups.items() if url != MAIN and ids for tenant in ids}


def contact_key(key: tuple[int, int] | tuple[int, int, bool]) -> Key:
    """``key`` as a :data:`Key`: a pair (tenant, id) is a contact of the tenant's own database."""
    return (key[0], key[1], bool(key[2])) if len(key) == 3 else (key[0], key[1], False)


def like(text: str) -> str:
    escaped = text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class TenantDataService:
    """What the contact, list and template services share: the router and the scope."""

    def __init__(self, router: TenantDataRouter) -> None:
        self._router = router

    def _read_scope(self, operator: Operator) -> tuple[TenantScope, dict[int, str]]:
        with UnitOfWork(self._router.main_factory, operator, write=False) as uow:
            scope = load_tenant_scope(uow.session, operator)
            return scope, tenant_names(uow.session, scope)

    def creatable_tenants(self, operator: Operator) -> list[TenantChoice]:
        """T7: the tenants offered when something is created: those with full access."""
        scope, names = self._read_scope(operator)
        choices = [TenantChoice(tid, name) for tid, name in names.items() if scope.can_edit(tid)]
        return sorted(choices, key=lambda c: (c.name.casefold(), c.id))


class ContactService(TenantDataService):
    # ------------------------------------------------------------------ contacts

    def list_contacts(self, operator: Operator, search: str = "") -> list[ContactRow]:
        """Every visible contact, masked as the operator's rights ask (T8); search over names."""
        operator.require("contacts.view")
        scope, names = self._read_scope(operator)
        return self._all_contacts(operator, scope, names, search)

    def _all_contacts(
        self,
        operator: Operator,
        scope: TenantScope,
        names: dict[int, str],
        search: str,
        groups: Mapping[str, set[int] | None] | None = None,
    ) -> list[ContactRow]:
        """Every visible contact of ``search``: each database's share (``groups``, by default the
        router's partition of the visible tenants) and the separate tenants' customers' contacts."""
        if groups is None:
            groups = _groups(self._router, scope)
        result: list[ContactRow] = []
        for url, ids in groups.items():
            factory = self._router.factory_for_url(url, next(iter(ids)) if ids else None)
            with UnitOfWork(factory, operator, write=False) as uow:
                # Columns, not entities, and each tenant's rights looked up once: the large demo's
                # 20,000 contacts took 1.9 s as ORM objects with the rights asked per field, on the GUI thread.
                stmt = select(*_LISTED).where(
                    *in_group(Contact.tenant_id, ids, scope), *_contact_search(uow.session, search)
                )
                result.extend(_listed_rows(uow.session.execute(stmt), scope, names))
        result.extend(self._customers_contacts(operator, scope, names, search, _separate(groups, operator)))
        result.sort(key=lambda r: (r.last_name.casefold(), r.first_name.casefold(), r.tenant_id, r.main, r.id))
        return result

    def _customers_contacts(
        self, operator: Operator, scope: TenantScope, names: dict[int, str], search: str, separate: set[int]
    ) -> list[ContactRow]:
        """The contacts of the customers of the visible separate tenants ``separate`` (C10, T6): in
        the main database with their customer, marked ``main``; one query, joined to the customer
        for its name. The tenant rules are those of the customer's contact list (T8)."""
        if not separate:
            return []
        with UnitOfWork(self._router.main_factory, operator, write=False) as uow:
            stmt = (
                select(*_LISTED, Customer.name.label("customer"))
                .join(Customer, Customer.id == Contact.customer_id)
                .where(*in_group(Contact.tenant_id, separate, scope), *_contact_search(uow.session, search))
            )
            return _listed_rows(uow.session.execute(stmt), scope, names, main=True)

    def contact_window(
        self,
        operator: Operator,
        search: str = "",
        offset: int = 0,
        limit: int = CONTACT_WINDOW,
        *,
        count: bool = True,
    ) -> ContactWindow:
        """The visible contacts of ``search`` from ``offset`` on, at most ``limit``, masked as
        :meth:`list_contacts` masks them (T8), with their number when ``count``.

        The database sorts (by last name, first name, tenant, id; case-insensitive) and windows,
        so the first screen of 20,000 contacts costs one short query, not 20,000 rows (section 8).
        When the visible contacts live in several databases (separate tenants, T6), or a visible
        separate tenant's customers' contacts are shown besides its own (C10), the rows of all of
        them are merged in memory and returned whole (``complete``), as :meth:`list_contacts`."""
        operator.require("contacts.view")
        scope, names = self._read_scope(operator)
        groups = _groups(self._router, scope)
        if len(groups) != 1 or _separate(groups, operator):
            rows = self._all_contacts(operator, scope, names, search, groups)
            return ContactWindow(rows, len(rows), complete=True)
        [(url, ids)] = groups.items()
        factory = self._router.factory_for_url(url, next(iter(ids)) if ids else None)
        with UnitOfWork(factory, operator, write=False) as uow:
            where = [*window_group(uow.session, Contact.tenant_id, ids, scope), *_contact_search(uow.session, search)]
            total = -1
            if count:
                total = uow.session.scalar(select(func.count()).select_from(Contact).where(*where)) or 0
            dialect = uow.session.get_bind().dialect.name
            whole_list = not search_words(search)
            if whole_list:
                # A search keeps few contacts, whose sort is cheap; walking the whole index is not.
                contact_order.prefer_the_index(uow.session.connection())
            # The order of the index of revision 0025 (db.contact_order): no sort of all contacts.
            stmt = contact_order.window(
                select(*_LISTED).where(*where), where, dialect, max(offset, 0), max(limit, 0), whole_list=whole_list
            )
            rows = _listed_rows(uow.session.execute(stmt), scope, names)
        return ContactWindow(rows, total, complete=False)

    def get_contact(
        self,
        operator: Operator,
        tenant_id: int,
        contact_id: int,
        main: bool = False,
        *,
        customer_id: int | None = None,
    ) -> tuple[ContactRow, list[RoleRow]]:
        """One contact with its visible person-roles; a hidden contact is "not found" (T8).
        ``(tenant_id, contact_id, main)`` is a row's key (:attr:`ContactRow.key`).

        ``customer_id``: the contact is one of that customer's (C10) and is read where the customer
        lives, the main database, also when its tenant is separate (T6). ``main``: a customer's
        contact of whatever customer, read there as well (the contacts page's marked rows)."""
        operator.require("contacts.view")
        in_main = _in_main(operator, main, customer_id)
        with TenantWork(self._router, operator, tenant_id, write=False, main=in_main) as work:
            scope = work.scope
            scope.require_visible(tenant_id, CONTACT)
            contact = work.session.get(Contact, contact_id)
            if (
                contact is None
                or contact.tenant_id != tenant_id
                or not _of_customer(contact, customer_id, in_main=in_main)
            ):
                raise not_found(CONTACT)
            names = tenant_names(work.main_session, scope)
            roles = work.session.scalars(
                select(PersonRole)
                .where(PersonRole.contact_id == contact_id, visible_clause(scope, PersonRole.tenant_id))
                .order_by(PersonRole.organisation, PersonRole.id)
            )
            customer = _customer_name(work.session, contact) if main else ""
            row = _contact_row(contact, scope, names, main=main, customer=customer)
            return row, [_role_row(r, row.name, scope, names) for r in roles]

    def save_contact(
        self,
        operator: Operator,
        tenant_id: int,
        data: ContactInput,
        contact_id: int | None = None,
        version: int | None = None,
        *,
        customer_id: int | None = None,
        main: bool = False,
    ) -> int:
        """Create (``contact_id`` None) or change a contact; refused in read-only tenants (T8).

        ``customer_id``: an existing contact of that customer (C10), changed where the customer
        lives, the main database, also when its tenant is separate (T6); ``main``: of whatever
        customer (a marked row of the contacts page). A portal user bound to the contact takes its
        names, and its address for an operator with the private data right, in the same unit of
        work (C10: the account belongs to that person)."""
        operator.require("contacts.edit")
        clean = _clean_contact(data)
        if (customer_id is not None or main) and contact_id is None:
            raise ValueError("a customer's contacts are created by services.customer_contacts")
        in_main = _in_main(operator, main, customer_id)
        with TenantWork(self._router, operator, tenant_id, main=in_main) as work:
            work.scope.require_edit(tenant_id, CONTACT)
            if contact_id is None:
                contact = Contact(tenant_id=tenant_id, **clean)
                work.session.add(contact)
            else:
                contact = _load(work, Contact, contact_id, version, tenant_id, CONTACT)
                if not _of_customer(contact, customer_id, in_main=in_main):
                    raise not_found(CONTACT)
                if not work.scope.sees_private(tenant_id):
                    # Masked fields came back as the mask: keep what is stored (T8).
                    for key in _PRIVATE_CONTACT_FIELDS:
                        clean.pop(key, None)
                for key, value in clean.items():
                    setattr(contact, key, value)
                if not work.separate:  # portal accounts live in the main database only
                    _follow_contact(work.session, contact, address="email" in clean)
            work.session.flush()
            new_id = contact.id
            work.commit()
            return new_id

    def delete_contact(
        self, operator: Operator, tenant_id: int, contact_id: int, version: int, main: bool = False
    ) -> None:
        """Deletes one contact with its person-roles: :meth:`delete_contacts` of one."""
        self.delete_contacts(operator, {(tenant_id, contact_id, main): version})

    def delete_contacts(self, operator: Operator, versions: Mapping[Key, int] | Mapping[tuple[int, int], int]) -> int:
        """Deletes the contacts ``key → version as read`` (keys (tenant id, id, main) as
        :attr:`ContactRow.key`, or pairs (tenant id, id) of the tenant's own database) with their person-roles (and
        so their places in distribution lists), all or none, in one unit of work (S4), audited row
        by row (S3) and undoable (E7). Returns how many were deleted.

        Refused, and nothing written: a contact hidden or gone (not found), one of a read-only
        tenant or with person-roles in a tenant the operator may not change (T8: the delete would
        reach into it), one changed elsewhere since it was read (a conflict naming who, S4), one
        that has a portal user account (C10: an account is bound to a real person), and contacts
        of several databases together (separate tenants, T6: no transaction spans them). A key
        marked ``main`` is a separate tenant's customer's contact, deleted in the main database."""
        operator.require("contacts.delete")
        if not versions:
            raise ValidationError("Select at least one contact.")
        keyed = {contact_key(key): version for key, version in versions.items()}
        tenants = sorted({tenant for tenant, _id, _main in keyed})
        in_main = any(main for _tenant, _id, main in keyed)
        if in_main:
            # The main database: the marked contacts, and those of inner tenants beside them.
            operator.require(CUSTOMERS_VIEW)
            where = self._router.locations({tenant for tenant, _id, main in keyed if not main})
            if any(url is not None for url in where.values()):
                raise _other_database()
        else:
            check_same_database(self._router, tenants[0], set(tenants[1:]))
        with TenantWork(self._router, operator, tenants[0], main=in_main) as work:
            for tenant in tenants:
                work.scope.require_edit(tenant, CONTACT)
            ids = sorted(contact_id for _tenant, contact_id, _main in keyed)
            if len(set(ids)) != len(ids):  # one id twice: keys of two databases
                raise _other_database()
            contacts = {c.id: c for c in work.session.scalars(select(Contact).where(Contact.id.in_(ids)))}
            for (tenant, contact_id, main), version in sorted(keyed.items()):
                contact = contacts.get(contact_id)
                if contact is None or contact.tenant_id != tenant or (main and contact.customer_id is None):
                    raise not_found(CONTACT)
                check_version(contact, version, CONTACT, _stored_values(work, contact))
            role_tenants = set(work.session.scalars(select(PersonRole.tenant_id).where(PersonRole.contact_id.in_(ids))))
            if not work.scope.all_editable(role_tenants):
                raise PermissionDeniedError(
                    "A selected contact has person-roles in tenants you may not change; nothing was deleted."
                    if len(ids) > 1
                    else "This contact has person-roles in tenants you may not change; it cannot be deleted."
                )
            if not work.separate:
                _refuse_contacts_with_accounts(work.session, ids, contacts)
            roles = list(work.session.scalars(select(PersonRole).where(PersonRole.contact_id.in_(ids))))
            for role in roles:
                work.session.delete(role)
            # The roles first: the ORM knows no order between the two, and a contact deleted first
            # takes its roles with it (ON DELETE CASCADE), so that their own delete found no row.
            work.session.flush()
            for contact_id in ids:
                work.session.delete(contacts[contact_id])
            work.commit()
            return len(ids)

    def export(self, operator: Operator, path: str | os.PathLike[str], **options: Any) -> int:
        """The visible contacts to an Excel file, masked (T8); see :func:`exports.export_contacts`."""
        from mandant_desktop.services.exports import export_contacts

        return export_contacts(self._router, operator, path, **options)

    # ------------------------------------------------------------------ person-roles

    def list_person_roles(self, operator: Operator, search: str = "") -> list[RoleRow]:
        """Every visible person-role (the member picker of distribution lists), masked (T8)."""
        operator.require("contacts.view")
        scope, names = self._read_scope(operator)
        result: list[RoleRow] = []
        for session, ids in sessions_for(self._router, scope.visible_ids(), operator):
            stmt = (
                select(PersonRole, Contact.first_name, Contact.last_name)
                .join(Contact, Contact.id == PersonRole.contact_id)
                .where(*in_group(PersonRole.tenant_id, ids, scope))
            )
            if search.strip():
                pattern = like(search.strip())
                stmt = stmt.where(
                    or_(
                        func.lower(Contact.last_name).like(pattern, escape="\\"),
                        func.lower(Contact.first_name).like(pattern, escape="\\"),
                        func.lower(PersonRole.organisation).like(pattern, escape="\\"),
                        func.lower(PersonRole.function).like(pattern, escape="\\"),
                    )
                )
            for role, first, last in session.execute(stmt):
                result.append(_role_row(role, f"{last}, {first}" if first else last, scope, names))
        result.sort(key=lambda r: (r.contact_name.casefold(), r.organisation.casefold(), r.tenant_id, r.id))
        return result

    def save_role(
        self,
        operator: Operator,
        contact_tenant_id: int,
        contact_id: int,
        role_tenant_id: int,
        data: RoleInput,
        role_id: int | None = None,
        version: int | None = None,
        *,
        main: bool = False,
    ) -> int:
        """A person-role of a contact; its tenant may differ from the contact's (T7), but must be
        one with full access, and in the same database. ``main``: the contact is a separate
        tenant's customer's contact (``ContactRow.main``), whose roles live with it in the main
        database: of its own tenant or of an inner one."""
        operator.require("contacts.edit")
        clean = _clean_role(data)
        if _in_main(operator, main, None):
            if role_tenant_id != contact_tenant_id and self._router.locations({role_tenant_id}).get(role_tenant_id):
                raise _other_database()
        else:
            check_same_database(self._router, contact_tenant_id, {role_tenant_id})
        with TenantWork(self._router, operator, contact_tenant_id, main=main) as work:
            work.scope.require_visible(contact_tenant_id, CONTACT)
            work.scope.require_edit(role_tenant_id, PERSON_ROLE)
            contact = work.session.get(Contact, contact_id)
            if (
                contact is None
                or contact.tenant_id != contact_tenant_id
                or not _of_customer(contact, None, in_main=main)
            ):
                raise not_found(CONTACT)
            if role_id is None:
                role = PersonRole(contact_id=contact_id, tenant_id=role_tenant_id, **clean)
                work.session.add(role)
            else:
                found = work.session.get(PersonRole, role_id)
                if found is None or found.contact_id != contact_id:
                    raise not_found(PERSON_ROLE)
                work.scope.require_edit(found.tenant_id, PERSON_ROLE)
                role = _load(work, PersonRole, role_id, version, found.tenant_id, PERSON_ROLE)
                if not work.scope.sees_private(role.tenant_id):
                    for key in _PRIVATE_ROLE_FIELDS:
                        clean.pop(key, None)
                for key, value in clean.items():
                    setattr(role, key, value)
                role.tenant_id = role_tenant_id
            work.session.flush()
            new_id = role.id
            work.commit()
            return new_id

    def delete_role(
        self, operator: Operator, contact_tenant_id: int, role_id: int, version: int, *, main: bool = False
    ) -> None:
        """Deletes one person-role: :meth:`delete_roles` of one."""
        self.delete_roles(operator, contact_tenant_id, {role_id: version}, main=main)

    def delete_roles(
        self, operator: Operator, contact_tenant_id: int, versions: Mapping[int, int], *, main: bool = False
    ) -> int:
        """Deletes the person-roles ``id → version as read`` (of contacts of ``contact_tenant_id``'s
        database; ``main``: of a separate tenant's customer's contact, in the main database) and
        their places in distribution lists, all or none in one unit of work (S4), audited (S3) and
        undoable (E7); refused when one is hidden or gone, of a read-only tenant (T8) or changed
        elsewhere since it was read (S4). Returns how many were deleted."""
        operator.require("contacts.delete")
        if not versions:
            raise ValidationError("Select at least one person-role.")
        with TenantWork(self._router, operator, contact_tenant_id, main=_in_main(operator, main, None)) as work:
            ids = sorted(versions)
            roles = {r.id: r for r in work.session.scalars(select(PersonRole).where(PersonRole.id.in_(ids)))}
            for role_id in ids:
                role = roles.get(role_id)
                if role is None:
                    raise not_found(PERSON_ROLE)
                work.scope.require_edit(role.tenant_id, PERSON_ROLE)
                check_version(role, versions[role_id], PERSON_ROLE, _stored_values(work, role))
            for role_id in ids:
                work.session.delete(roles[role_id])
            work.commit()
            return len(ids)


def _other_database() -> ValidationError:
    """The refusal of contacts of two databases in one change (T6), in check_same_database's words."""
    return ValidationError(
        "Data of a separate tenant can only be combined with data of the same tenant: it lives in another database."
    )


def _in_main(operator: Operator, main: bool, customer_id: int | None) -> bool:
    """Whether a contact is read or changed in the main database: a customer's contact (C10, T6).
    A marked row of the contacts page needs the right that shows it, as the customer's list does."""
    if main:
        operator.require(CUSTOMERS_VIEW)
    return main or customer_id is not None


def _customer_name(session: Session, contact: Contact) -> str:
    return session.scalar(select(Customer.name).where(Customer.id == contact.customer_id)) or ""


def _refuse_contacts_with_accounts(session: Session, ids: list[int], contacts: Mapping[int, Contact]) -> None:
    """C10: a portal user account is bound to a real person; its contact cannot go before it."""
    from mandant_desktop.db.models import User

    bound = session.execute(select(User.contact_id, User.username).where(User.contact_id.in_(ids))).all()
    if not bound:
        return
    names = ", ".join(
        f"{_contact_name(contacts[row.contact_id])} ({row.username})" for row in sorted(bound, key=lambda r: r.username)
    )
    raise InUseError(
        "These contacts have a portal user account and cannot be deleted: {names}. An account belongs "
        "to a real person; it goes with its customer or with the customer's remote access.",
        names=names,
    )


def _of_customer(contact: Contact, customer_id: int | None, *, in_main: bool = False) -> bool:
    """True unless ``customer_id`` is asked for and the contact is not that customer's, or the
    contact is read in the main database (``in_main``) and is no customer's at all."""
    if customer_id is not None:
        return contact.customer_id == customer_id
    return not in_main or contact.customer_id is not None


def _follow_contact(session: Session, contact: Contact, *, address: bool) -> None:
    """C10: a portal user is the account of one real person, created with the contact's names and
    address; an edit of the contact reaches the account too (the users page's edit of the account
    writes both, services.users), audited and undoable with it through the ORM (S3, E7). The
    address only when ``address``: without the private data right the stored one stays (T8)."""
    from mandant_desktop.db.models import User, UserKind

    for user in session.scalars(select(User).where(User.contact_id == contact.id, User.kind == UserKind.EXTERNAL)):
        user.first_name, user.last_name = contact.first_name, contact.last_name
        if address:
            user.email = contact.email


def _contact_name(contact: Contact) -> str:
    return f"{contact.last_name}, {contact.first_name}" if contact.first_name else contact.last_name


_PRIVATE_CONTACT_FIELDS = ("email", "phone", "street", "postal_code", "city", "birthday")
_PRIVATE_ROLE_FIELDS = ("email", "phone", "street", "postal_code", "city")
_CONTACT_VALUE_FIELDS = ("salutation", "first_name", "last_name", "contact_type", *_PRIVATE_CONTACT_FIELDS)
_ROLE_VALUE_FIELDS = ("organisation", "function", *_PRIVATE_ROLE_FIELDS)


def _load(work: TenantWork, model: type, pk: int, version: int | None, tenant_id: int, name: str):  # type: ignore[no-untyped-def]
    obj = work.session.get(model, pk)
    if obj is None or obj.tenant_id != tenant_id:
        raise not_found(name)
    check_version(obj, version, model.__name__, _stored_values(work, obj))
    return obj


def _stored_values(work: TenantWork, obj: Contact | PersonRole) -> dict[str, str]:
    """What is stored now, as the operator may see it (masked, T8): field name → text, for the
    conflict dialog's comparison with the user's input (S4)."""
    private = _PRIVATE_CONTACT_FIELDS if isinstance(obj, Contact) else _PRIVATE_ROLE_FIELDS
    names = _CONTACT_VALUE_FIELDS if isinstance(obj, Contact) else _ROLE_VALUE_FIELDS
    sees_private = work.scope.sees_private(obj.tenant_id)
    result: dict[str, str] = {}
    for attribute in names:
        value = getattr(obj, attribute)
        text = "" if value is None else value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else str(value)
        result[attribute.replace("_", " ")] = text if sees_private or attribute not in private else MASK
    return result


def _clean_contact(data: ContactInput) -> dict[str, object]:
    return {
        "last_name": clean_name(data.last_name, field="last name"),
        "first_name": clean_name(data.first_name, field="first name", required=False),
        "salutation": clean_name(data.salutation, field="salutation", max_length=30, required=False),
        "contact_type": clean_name(data.contact_type, field="contact type", max_length=50, required=False),
        "email": clean_email(data.email, required=False),
        "phone": clean_name(data.phone, field="phone", max_length=50, required=False) or None,
        "street": clean_name(data.street, field="street", max_length=200, required=False) or None,
        "postal_code": clean_name(data.postal_code, field="postal code", max_length=20, required=False) or None,
        "city": clean_name(data.city, field="city", required=False) or None,
        "birthday": _check_birthday(data.birthday),
    }


def _check_birthday(value: dt.date | None) -> dt.date | None:
    if value is not None and value > dt.date.today():
        raise ValidationError("The birthday cannot lie in the future.", field="birthday")
    return value


def _clean_role(data: RoleInput) -> dict[str, object]:
    return {
        "organisation": clean_name(data.organisation, field="organisation", max_length=200),
        "function": clean_name(data.function, field="function", required=False),
        "email": clean_email(data.email, required=False),
        "phone": clean_name(data.phone, field="phone", max_length=50, required=False) or None,
        "street": clean_name(data.street, field="street", max_length=200, required=False) or None,
        "postal_code": clean_name(data.postal_code, field="postal code", max_length=20, required=False) or None,
        "city": clean_name(data.city, field="city", required=False) or None,
    }


#: the columns of a contact in the list (:meth:`ContactService.list_contacts`)
_LISTED = (
    Contact.tenant_id,
    Contact.id,
    Contact.version,
    Contact.salutation,
    Contact.first_name,
    Contact.last_name,
    Contact.contact_type,
    Contact.email,
    Contact.phone,
    Contact.street,
    Contact.postal_code,
    Contact.city,
    Contact.birthday,
)


def _contact_search(session: Session, search: str) -> list[ColumnElement[bool]]:
    """The WHERE condition of a search over last name, first name and contact type (none when
    empty): every folded word of the search in the contact's stored key ("mueller" finds "Müller";
    revision 0029, :mod:`mandant_desktop.db.search_keys`)."""
    return search_keys.search_condition(session, Contact.search_key, search)


def _listed_rows(result: Any, scope: TenantScope, names: dict[int, str], *, main: bool = False) -> list[ContactRow]:
    """The rows of a SELECT of :data:`_LISTED`, each tenant's rights looked up once; ``main``: a
    separate tenant's customers' contacts from the main database, with their customer's name."""
    rights: dict[int, tuple[bool, bool]] = {}
    rows = []
    for row in result:
        seen = rights.get(row.tenant_id)
        if seen is None:
            seen = rights[row.tenant_id] = (scope.sees_private(row.tenant_id), scope.can_edit(row.tenant_id))
        rows.append(_listed_contact(row, seen, names, main=main))
    return rows


def _listed_contact(c: Any, rights: tuple[bool, bool], names: dict[int, str], *, main: bool = False) -> ContactRow:
    """A row of :data:`_LISTED` as :func:`_contact_row` makes it of an entity, with the tenant's
    (private data, full access) given: personal fields masked as :meth:`TenantScope.mask` does."""
    private, editable = rights

    def shown(value: str | None) -> str | None:
        return value if private or value is None or value == "" else MASK

    t = c.tenant_id
    return ContactRow(
        tenant_id=t,
        id=c.id,
        version=c.version,
        tenant=names.get(t, ""),
        salutation=c.salutation,
        first_name=c.first_name,
        last_name=c.last_name,
        contact_type=c.contact_type,
        email=shown(c.email),
        phone=shown(c.phone),
        street=shown(c.street),
        postal_code=shown(c.postal_code),
        city=shown(c.city),
        birthday=shown(_text(c.birthday)),
        editable=editable,
        private=private,
        main=main,
        customer=c.customer if main else "",
    )


def _contact_row(
    c: Contact, scope: TenantScope, names: dict[int, str], *, main: bool = False, customer: str = ""
) -> ContactRow:
    """The row of an entity: the same fields and masking as a listed row, with ``scope``'s rights;
    ``main``: a separate tenant's customer's contact (of ``customer``) from the main database."""
    t = c.tenant_id
    row = _listed_contact(c, (scope.sees_private(t), scope.can_edit(t)), names)
    return dataclasses.replace(row, main=True, customer=customer) if main else row


def _role_row(r: PersonRole, contact_name: str, scope: TenantScope, names: dict[int, str]) -> RoleRow:
    t = r.tenant_id
    return RoleRow(
        tenant_id=t,
        id=r.id,
        version=r.version,
        tenant=names.get(t, ""),
        contact_id=r.contact_id,
        contact_name=contact_name,
        organisation=r.organisation,
        function=r.function,
        email=scope.mask(t, r.email),
        phone=scope.mask(t, r.phone),
        street=scope.mask(t, r.street),
        postal_code=scope.mask(t, r.postal_code),
        city=scope.mask(t, r.city),
        editable=scope.can_edit(t),
        private=scope.sees_private(t),
    )
