"""Customers: the table, creating, properties, deleting and deactivating (SPEC C1, C2, C6, C9, C11).

Customers are tenant-scoped (T8): every list, count and search goes through the operator's
:class:`~mandant_desktop.domain.tenant_access.TenantScope` in SQL, every change through
``scope.require_edit``. The table of 100,000 customers is read in windows (``offset``/``limit``)
sorted and filtered by the database; contact persons come with one query per window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Integer,
    and_,
    any_,
    bindparam,
    case,
    cast,
    delete,
    false,
    func,
    select,
    true,
    update,
)
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased, sessionmaker

from mandant_desktop.db import customer_search
from mandant_desktop.db.models import (
    Customer,
    CustomerContactPerson,
    CustomerStatus,
    DeletedCustomerNumber,
    RightsGroup,
    RightsGroupKind,
    Tenant,
    User,
    UserKind,
    UserStatus,
    utcnow,
)
from mandant_desktop.domain import customers as rules
from mandant_desktop.domain.errors import NotFoundError, ValidationError
from mandant_desktop.domain.rights_group_names import group_name
from mandant_desktop.domain.tenant_access import TenantScope
from mandant_desktop.domain.validation import name_key
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.rights_groups import display_name
from mandant_desktop.services.rights_naming import load_pattern
from mandant_desktop.services.tenant_scope import (
    editable_clause,
    load_tenant_scope,
    visible_clause,
    visible_clause_in,
)
from mandant_desktop.services.unit_of_work import UnitOfWork, check_version


class SortKey(StrEnum):
    """The columns of the customer table, in order (SPEC C1)."""

    NUMBER = "number"
    NAME = "name"
    SHORT_NAME = "short_name"
    REMOTE = "remote"
    QUOTA = "quota"
    AGENCY = "default_agency"
    TENANT = "tenant"
    CONTACT_PERSONS = "contact_persons"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class CustomerQuery:
    search: str = ""
    sort: SortKey = SortKey.NUMBER
    descending: bool = False


@dataclass(frozen=True, slots=True)
class CustomerRow:
    id: int
    number: str
    name: str
    short_name: str
    remote_access: bool
    is_agency: bool
    quota_mb: int | None
    default_agency: str | None
    tenant_id: int
    tenant: str
    contact_persons: tuple[str, ...]
    status: CustomerStatus
    version: int
    editable: bool

    @property
    def active(self) -> bool:
        return self.status is CustomerStatus.ACTIVE


@dataclass(frozen=True, slots=True)
class CustomerDetails:
    id: int
    number: str
    name: str
    short_name: str
    tenant_id: int
    tenant: str
    remote_access: bool
    is_agency: bool
    quota_mb: int | None
    default_agency_id: int | None
    default_agency: str | None
    status: CustomerStatus
    version: int
    group_id: int | None
    group_name: str | None
    editable: bool


@dataclass(frozen=True, slots=True)
class NewCustomer:
    number: str
    name: str
    tenant_id: int
    short_name: str = ""
    remote_access: bool = False
    quota_mb: int | str | None = None
    is_agency: bool = False
    default_agency_id: int | None = None


@dataclass(frozen=True, slots=True)
class CreatedCustomer:
    id: int
    group_id: int | None
    group_name: str | None


@dataclass(frozen=True, slots=True)
class PropertiesChange:
    remote_access: bool
    quota_mb: int | str | None
    is_agency: bool
    default_agency_id: int | None


@dataclass(frozen=True, slots=True)
class DeletedNumber:
    number: str
    name: str
    deleted_at: dt.datetime
    deleted_by: str | None


@dataclass(frozen=True, slots=True)
class AgencyRow:
    id: int
    number: str
    name: str
    short_name: str
    tenant: str


def agency_label(name: str, number: str) -> str:
    return f"{name} ({number})"


def search_clause(
    session: Session, text: str, *, window: customer_search.NumberWindow | None = None
) -> ColumnElement[bool] | None:
    """Number, name or short name contain ``text`` (case-insensitive), through the backend's search
    index where it has one (see :mod:`mandant_desktop.db.customer_search`)."""
    return customer_search.search_clause(session, text, window=window)


#: the default agency of a customer row (another customer)
_AGENCY = aliased(Customer, name="agency")
#: the columns of the table's rows, without the default agency's visibility and the window's ids
_ROWS = select(
    Customer.id,
    Customer.number,
    Customer.name,
    Customer.short_name,
    Customer.remote_access,
    Customer.is_agency,
    Customer.quota_mb,
    Customer.status,
    Customer.version,
    Customer.tenant_id,
    Tenant.name.label("tenant"),
    _AGENCY.name.label("agency_name"),
    _AGENCY.number.label("agency_number"),
).join(Tenant, Tenant.id == Customer.tenant_id)


def _among_ids(column: InstrumentedAttribute[int], dialect: str) -> ColumnElement[bool]:
    """``column`` is one of the ids bound as ``ids``: an ``IN`` list, but on PostgreSQL one array
    parameter (``= ANY``), which psycopg adapts at once instead of a hundred parameters one by one
    (the same plan: PostgreSQL turns the list into the array itself), issue 8."""
    if dialect == "postgresql":
        return column == any_(cast(bindparam("ids", type_=ARRAY(Integer)), ARRAY(Integer)))
    return column.in_(bindparam("ids", expanding=True))


_PERSONS_COLUMNS = select(CustomerContactPerson.customer_id, User.first_name, User.last_name, User.username).join(
    User, User.id == CustomerContactPerson.user_id
)
#: the contact persons of the customers ``ids``, per dialect (:func:`_among_ids`)
_PERSONS = {
    dialect: _PERSONS_COLUMNS.where(_among_ids(CustomerContactPerson.customer_id, dialect))
    for dialect in ("postgresql", "other")
}


class CustomerService:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._factory = session_factory

    # ------------------------------------------------------------------ the table

    @staticmethod
    def _filters(
        session: Session,
        scope: TenantScope,
        query: CustomerQuery,
        *,
        window: int | None = None,
        visible: ColumnElement[bool] | None = None,
    ) -> list[ColumnElement[bool]]:
        """The visible customers that match the search; ``window``: for the rows up to this one
        (offset plus limit) in the query's order (the search may then choose a way that finds the
        first rows sooner, and in number order keep only those); ``visible``: the visibility
        condition when the caller has it already."""
        if visible is None:
            visible = visible_clause_in(session, scope, Customer.tenant_id)
        filters = [visible]
        number_window = None
        if window is not None and query.sort is SortKey.NUMBER:
            # The search may keep only the first hits in number order: of the tenants this query keeps.
            tenants = None if visible is true() else scope.visible_ids()
            number_window = customer_search.NumberWindow(window, query.descending, tenants)
        searched = search_clause(session, query.search, window=number_window)
        if searched is not None:
            filters.append(searched)
        return filters

    def count(self, operator: Operator, query: CustomerQuery) -> int:
        operator.require("customers.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            visible = visible_clause_in(session, scope, Customer.tenant_id)
            if visible is false():
                return 0
            tenants = None if visible is true() else scope.visible_ids()
            counted = customer_search.count_clause(session, query.search, tenants)
            if counted is not None:  # counted by the backend in one call (PostgreSQL under row security)
                return session.scalar(select(counted)) or 0
            stmt = select(func.count(Customer.id)).where(*self._filters(session, scope, query, visible=visible))
            return session.scalar(stmt) or 0

    def rows(self, operator: Operator, query: CustomerQuery, offset: int, limit: int) -> list[CustomerRow]:
        """One window of the table, sorted and filtered by the database."""
        operator.require("customers.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            agency = _AGENCY
            filters = self._filters(session, scope, query, window=offset + limit)
            # The first filter is the visibility: no condition when the operator sees every tenant,
            # and then the default agency needs none either.
            agency_visible = filters[0] if filters[0] is true() else visible_clause(scope, agency.tenant_id)
            # Two steps: the window's ids with the sort and OFFSET on narrow rows (joins only where the
            # sort needs them), then the columns of just those rows.
            page = select(Customer.id).where(*filters)
            if query.sort is SortKey.TENANT:
                page = page.join(Tenant, Tenant.id == Customer.tenant_id)
            person_counts: Any = None
            if query.sort is SortKey.CONTACT_PERSONS:
                # Measured with 100,000 customers: PostgreSQL wants one grouped count joined in (a count
                # per row took a second), SQLite the count per row over its primary key (4× faster).
                count = func.count().label("persons")
                if session.get_bind().dialect.name == "sqlite":
                    person_counts = (
                        select(count)
                        .where(CustomerContactPerson.customer_id == Customer.id)
                        .correlate(Customer)
                        .scalar_subquery()
                    )
                else:
                    grouped = (
                        select(CustomerContactPerson.customer_id, count)
                        .group_by(CustomerContactPerson.customer_id)
                        .subquery()
                    )
                    page = page.outerjoin(grouped, grouped.c.customer_id == Customer.id)
                    person_counts = func.coalesce(grouped.c.persons, 0)
            if query.sort is SortKey.AGENCY:
                page = page.outerjoin(agency, and_(agency.id == Customer.default_agency_id, agency_visible))
            order = self._order(session, query, agency, person_counts)
            ids = list(session.scalars(page.order_by(*order).offset(offset).limit(limit)))
            if not ids:
                return []
            # The default agency may sit in a tenant hidden from the operator: then it is not shown (T8).
            dialect = session.get_bind().dialect.name
            stmt = _ROWS.outerjoin(agency, and_(agency.id == Customer.default_agency_id, agency_visible)).where(
                _among_ids(Customer.id, dialect)
            )
            position = {customer_id: index for index, customer_id in enumerate(ids)}
            found = sorted(session.execute(stmt, {"ids": ids}).all(), key=lambda row: position[row[0]])
            persons = self._contact_persons(session, ids)
            return [
                CustomerRow(
                    id=id_,
                    number=number,
                    name=name,
                    short_name=short_name,
                    remote_access=remote_access,
                    is_agency=is_agency,
                    quota_mb=quota_mb,
                    default_agency=agency_label(agency_name, agency_number) if agency_name else None,
                    tenant_id=tenant_id,
                    tenant=tenant,
                    contact_persons=tuple(persons.get(id_, ())),
                    status=status,
                    version=version,
                    editable=scope.can_edit(tenant_id),
                )
                for (
                    id_,
                    number,
                    name,
                    short_name,
                    remote_access,
                    is_agency,
                    quota_mb,
                    status,
                    version,
                    tenant_id,
                    tenant,
                    agency_name,
                    agency_number,
                ) in found
            ]

    @staticmethod
    def _order(session: Session, query: CustomerQuery, agency: Any, persons: Any = None) -> list[Any]:
        desc = query.descending

        def ordered(*columns: Any) -> list[Any]:
            return [c.desc() if desc else c for c in columns]

        key = query.sort
        if key is SortKey.NUMBER:
            primary: list[Any] = []
        elif key is SortKey.NAME:
            primary = ordered(Customer.name)
        elif key is SortKey.SHORT_NAME:
            primary = ordered(Customer.short_name)
        elif key is SortKey.REMOTE:
            primary = ordered(case((Customer.is_agency, 2), (Customer.remote_access, 1), else_=0))
        elif key is SortKey.QUOTA:
            primary = ordered(func.coalesce(Customer.quota_mb, -1))
        elif key is SortKey.AGENCY:
            # Customers without a default agency last, whichever the backend's NULL order.
            primary = [case((agency.name.is_(None), 1), else_=0), *ordered(agency.name)]
        elif key is SortKey.TENANT:
            primary = ordered(Tenant.name)
        elif key is SortKey.CONTACT_PERSONS:
            primary = ordered(persons)
        else:
            primary = ordered(Customer.status)
        numbers = customer_search.number_order(session.connection(), desc if key is SortKey.NUMBER else False)
        return [*primary, *numbers, Customer.id]

    @staticmethod
    def _contact_persons(session: Session, customer_ids: Sequence[int]) -> dict[int, list[str]]:
        """The contact persons of one window of customers, in one query (no N+1)."""
        if not customer_ids:
            return {}
        dialect = session.get_bind().dialect.name
        statement = _PERSONS["postgresql" if dialect == "postgresql" else "other"]
        rows = session.execute(statement, {"ids": list(customer_ids)}).all()
        result: dict[int, list[str]] = {}
        for customer_id, first_name, last_name, username in rows:
            result.setdefault(customer_id, []).append(display_name(first_name, last_name, username))
        for names in result.values():
            names.sort(key=str.casefold)
        return result

    # ------------------------------------------------------------------ one customer

    def _visible(self, session: Session, scope: TenantScope, customer_id: int) -> Customer:
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise NotFoundError("The {object} no longer exists or is not visible to you.", object="Customer")
        scope.require_visible(customer.tenant_id, "Customer")
        return customer

    def details(self, operator: Operator, customer_id: int) -> CustomerDetails:
        operator.require("customers.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            customer = self._visible(session, scope, customer_id)
            tenant = session.get(Tenant, customer.tenant_id)
            agency = session.get(Customer, customer.default_agency_id) if customer.default_agency_id else None
            if agency is not None and not scope.sees(agency.tenant_id):
                agency = None
            group = session.scalar(select(RightsGroup).where(RightsGroup.customer_id == customer.id))
            return CustomerDetails(
                id=customer.id,
                number=customer.number,
                name=customer.name,
                short_name=customer.short_name,
                tenant_id=customer.tenant_id,
                tenant=tenant.name if tenant else "",
                remote_access=customer.remote_access,
                is_agency=customer.is_agency,
                quota_mb=customer.quota_mb,
                default_agency_id=customer.default_agency_id,
                default_agency=agency_label(agency.name, agency.number) if agency else None,
                status=customer.status,
                version=customer.version,
                group_id=group.id if group else None,
                group_name=group.name if group else None,
                editable=scope.can_edit(customer.tenant_id),
            )

    def editable_tenants(self, operator: Operator) -> list[tuple[int, str]]:
        """The tenants a new customer may be created in: those with full access (T8)."""
        operator.require("customers.edit")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            scope = load_tenant_scope(uow.session, operator)
            rows = uow.session.execute(
                select(Tenant.id, Tenant.name)
                .where(editable_clause(scope, Tenant.id), Tenant.active.is_(True))
                .order_by(Tenant.name_key)
            ).all()
            return [(row.id, row.name) for row in rows]

    def deleted_number(self, operator: Operator, number: str) -> DeletedNumber | None:
        """The newest deleted customer that had ``number`` (SPEC C6), to warn before it is reused."""
        operator.require("customers.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            row = uow.session.scalar(
                select(DeletedCustomerNumber)
                .where(DeletedCustomerNumber.number == number.strip())
                .order_by(DeletedCustomerNumber.deleted_at.desc(), DeletedCustomerNumber.id.desc())
                .limit(1)
            )
            if row is None:
                return None
            return DeletedNumber(row.number, row.name, row.deleted_at, row.deleted_by)

    # ------------------------------------------------------------------ creating

    def create(self, operator: Operator, data: NewCustomer) -> CreatedCustomer:
        """Create a customer; with remote access also its rights group, named by the pattern (C2, C3)."""
        operator.require("customers.edit")
        number = rules.clean_number(data.number)
        name = rules.clean_customer_name(data.name)
        short_name = rules.clean_short_name(data.short_name)
        quota = rules.clean_quota(data.quota_mb, remote_access=data.remote_access)
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            tenant = session.get(Tenant, data.tenant_id)
            if tenant is None:
                raise NotFoundError("The {object} no longer exists or is not visible to you.", object="Tenant")
            scope.require_edit(tenant.id, "Customer")
            if session.scalar(select(Customer.id).where(Customer.number == number)) is not None:
                raise ValidationError(
                    "The customer number {number} is already taken.", field="customer number", number=number
                )
            if data.default_agency_id is not None:
                self._check_agency(session, scope, data.default_agency_id, None)
            customer = Customer(
                tenant_id=tenant.id,
                number=number,
                name=name,
                short_name=short_name,
                remote_access=data.remote_access,
                is_agency=data.is_agency,
                quota_mb=quota,
                default_agency_id=data.default_agency_id,
                status=CustomerStatus.ACTIVE,
            )
            session.add(customer)
            session.flush()
            group = self._create_group(session, customer) if data.remote_access else None
            uow.commit()
            return CreatedCustomer(customer.id, group.id if group else None, group.name if group else None)

    @staticmethod
    def _create_group(session: Session, customer: Customer) -> RightsGroup:
        name = group_name(load_pattern(session), customer.number, customer.name, customer.short_name)
        clash = session.scalar(select(RightsGroup.name).where(RightsGroup.name_key == name_key(name)))
        if clash is not None:
            raise ValidationError(
                "A rights group named {name} exists already; the customer's rights group cannot be created. "
                "Change the naming pattern in the settings or the customer's name.",
                name=clash,
            )
        group = RightsGroup(name=name, name_key=name_key(name), kind=RightsGroupKind.CUSTOMER, customer_id=customer.id)
        session.add(group)
        session.flush()
        return group

    def _check_agency(self, session: Session, scope: TenantScope, agency_id: int, customer_id: int | None) -> None:
        if agency_id == customer_id:
            raise ValidationError("A customer cannot be its own default agency.", field="default agency")
        agency = session.get(Customer, agency_id)
        if agency is None or not scope.sees(agency.tenant_id):
            raise NotFoundError("The {object} no longer exists or is not visible to you.", object="Customer")
        if not agency.is_agency:
            raise ValidationError("{name} is not an agency.", field="default agency", name=agency.name)

    # ------------------------------------------------------------------ properties

    def update_properties(
        self, operator: Operator, customer_id: int, change: PropertiesChange, *, expected_version: int
    ) -> CustomerDetails:
        """Remote access, quota, agency and default agency (C9). Switching remote access off deletes
        the rights group and every external user of the customer; switching it on creates the group."""
        operator.require("customers.edit")
        quota = rules.clean_quota(change.quota_mb, remote_access=change.remote_access)
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            self._visible(session, scope, customer_id)
            customer = uow.load(Customer, customer_id, expected_version=expected_version)
            scope.require_edit(customer.tenant_id, "Customer")
            if change.default_agency_id is not None and change.default_agency_id != customer.default_agency_id:
                self._check_agency(session, scope, change.default_agency_id, customer.id)
            if customer.is_agency and not change.is_agency:
                served = session.scalar(
                    select(func.count(Customer.id)).where(Customer.default_agency_id == customer.id)
                )
                if served:
                    raise ValidationError(
                        "{count} customers have this agency as their default agency; choose another default "
                        "agency for them first.",
                        field="agency",
                        count=served,
                    )
            if customer.remote_access and not change.remote_access:
                self._remove_remote_access(uow, customer)
            elif change.remote_access and not customer.remote_access and not self._has_group(session, customer.id):
                self._create_group(session, customer)
            customer.remote_access = change.remote_access
            customer.quota_mb = quota
            customer.is_agency = change.is_agency
            customer.default_agency_id = change.default_agency_id
            uow.commit()
        return self.details(operator, customer_id)

    @staticmethod
    def _has_group(session: Session, customer_id: int) -> bool:
        return session.scalar(select(RightsGroup.id).where(RightsGroup.customer_id == customer_id)) is not None

    @staticmethod
    def _remove_remote_access(uow: UnitOfWork, customer: Customer) -> None:
        session = uow.session
        _delete_external_users(uow, [customer.id])
        group = session.scalar(select(RightsGroup).where(RightsGroup.customer_id == customer.id))
        if group is not None:
            session.delete(group)
            session.flush()

    def external_user_count(self, operator: Operator, customer_ids: Collection[int]) -> int:
        operator.require("customers.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            scope = load_tenant_scope(uow.session, operator)
            return (
                uow.session.scalar(
                    select(func.count(User.id))
                    .join(Customer, Customer.id == User.customer_id)
                    .where(
                        User.customer_id.in_(list(customer_ids)),
                        User.kind == UserKind.EXTERNAL,
                        visible_clause(scope, Customer.tenant_id),
                    )
                )
                or 0
            )

    # ------------------------------------------------------------------ deleting and deactivating

    def _editable_customers(self, uow: UnitOfWork, versions: Mapping[int, int]) -> list[Customer]:
        """The customers of ``versions`` (id → version as the operator read it), locked for the
        change; refused as a conflict when another workstation changed one since (S4)."""
        session = uow.session
        scope = load_tenant_scope(session, uow.operator)
        ids = sorted(versions)
        if not ids:
            raise ValidationError("Select at least one customer.")
        query = select(Customer).where(Customer.id.in_(ids)).order_by(Customer.id)
        customers = list(session.scalars(query))
        if len(customers) != len(ids):
            raise NotFoundError("The {object} no longer exists or is not visible to you.", object="Customer")
        for customer in customers:
            scope.require_edit(customer.tenant_id, "Customer")
        # Locked only now: on PostgreSQL row-level security would hide a read-only row from FOR
        # UPDATE, and the operator should hear "read only", not "gone". Versions as locked.
        for customer in session.scalars(query.with_for_update().execution_options(populate_existing=True)):
            check_version(customer, versions[customer.id], "Customer")
        return customers

    def delete(self, operator: Operator, versions: Mapping[int, int]) -> int:
        """Delete the customers (id → version as read) with their external users, contacts and
        rights groups (C6); their numbers are remembered so that reusing one warns."""
        operator.require("customers.delete")
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            customers = self._editable_customers(uow, versions)
            ids = [c.id for c in customers]
            _delete_external_users(uow, ids)
            now = utcnow()
            for customer in customers:
                session.add(
                    DeletedCustomerNumber(
                        number=customer.number, name=customer.name, deleted_at=now, deleted_by=operator.username[:100]
                    )
                )
                session.delete(customer)
            # Customers whose default agency this was keep no default agency (ON DELETE SET NULL).
            uow.commit()
            return len(ids)

    def deactivate(self, operator: Operator, versions: Mapping[int, int]) -> int:
        """Instead of deleting: the customers (id → version as read) and all their external users
        are deactivated (C6). Returns the number of external users deactivated."""
        operator.require("customers.edit")
        with UnitOfWork(self._factory, operator) as uow:
            session = uow.session
            customers = self._editable_customers(uow, versions)
            ids = [c.id for c in customers]
            users = session.execute(
                select(User.id, User.status, Customer.tenant_id)
                .join(Customer, Customer.id == User.customer_id)
                .where(User.customer_id.in_(ids), User.kind == UserKind.EXTERNAL, User.status != UserStatus.DEACTIVATED)
            ).all()
            with uow.watch(User, User.customer_id.in_(ids)):
                if users:
                    session.execute(
                        update(User)
                        .where(User.id.in_([u.id for u in users]))
                        .values(
                            status=UserStatus.DEACTIVATED, version=User.version + 1, updated_by=operator.username[:100]
                        )
                        .execution_options(synchronize_session=False)
                    )
                    uow.audit_many(
                        {
                            "object_type": "User",
                            "object_id": u.id,
                            "action": "update",
                            "changes": {"status": [u.status.value, UserStatus.DEACTIVATED.value]},
                            "tenant_id": u.tenant_id,
                            "summary": "deactivated with its customer",
                        }
                        for u in users
                    )
            for customer in customers:
                if customer.status is not CustomerStatus.DEACTIVATED:
                    customer.status = CustomerStatus.DEACTIVATED
            uow.commit()
            return len(users)

    def reactivate(self, operator: Operator, versions: Mapping[int, int]) -> None:
        """The customers (id → version as read) become active again; their external users are
        reactivated one by one (C12)."""
        operator.require("customers.edit")
        with UnitOfWork(self._factory, operator) as uow:
            for customer in self._editable_customers(uow, versions):
                customer.status = CustomerStatus.ACTIVE
            uow.commit()

    # ------------------------------------------------------------------ export

    def export(
        self,
        operator: Operator,
        path: str,
        *,
        search: str = "",
        customer_ids: Collection[int] | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        translate: Callable[[str], str] | None = None,
    ) -> int:
        """The table as the page shows it (search, tenant filter) or a selection, as an Excel file."""
        # exports uses this module's search clause: import it when needed, not at load time.
        from mandant_desktop.services.exports import export_customers

        return export_customers(
            self._factory,
            operator,
            path,
            customer_ids=customer_ids,
            search=search,
            progress=progress,
            cancel=cancel,
            translate=translate,
        )

    # ------------------------------------------------------------------ agencies

    def agencies(self, operator: Operator, search: str = "", *, limit: int = 500) -> list[AgencyRow]:
        """Customers that act as agencies, found by name, number or short name (C9)."""
        operator.require("customers.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            scope = load_tenant_scope(uow.session, operator)
            filters = [Customer.is_agency.is_(True), visible_clause(scope, Customer.tenant_id)]
            searched = search_clause(uow.session, search)
            if searched is not None:
                filters.append(searched)
            rows = uow.session.execute(
                select(Customer.id, Customer.number, Customer.name, Customer.short_name, Tenant.name.label("tenant"))
                .join(Tenant, Tenant.id == Customer.tenant_id)
                .where(*filters)
                .order_by(Customer.name, Customer.id)
                .limit(limit)
            ).all()
            return [AgencyRow(r.id, r.number, r.name, r.short_name, r.tenant) for r in rows]

    def agency_clients(self, operator: Operator, agency_id: int) -> list[AgencyRow]:
        """The customers for which ``agency_id`` is the default agency (C11)."""
        operator.require("customers.view")
        with UnitOfWork(self._factory, operator, write=False) as uow:
            session = uow.session
            scope = load_tenant_scope(session, operator)
            self._visible(session, scope, agency_id)
            rows = session.execute(
                select(Customer.id, Customer.number, Customer.name, Customer.short_name, Tenant.name.label("tenant"))
                .join(Tenant, Tenant.id == Customer.tenant_id)
                .where(Customer.default_agency_id == agency_id, visible_clause(scope, Customer.tenant_id))
                .order_by(*customer_search.number_order(session.connection(), False))
            ).all()
            return [AgencyRow(r.id, r.number, r.name, r.short_name, r.tenant) for r in rows]


def _delete_external_users(uow: UnitOfWork, customer_ids: list[int]) -> int:
    """Set-based: the external users of the customers, with one audit entry each."""
    session = uow.session
    users = session.execute(
        select(User.id, User.username, Customer.tenant_id)
        .join(Customer, Customer.id == User.customer_id)
        .where(User.customer_id.in_(customer_ids), User.kind == UserKind.EXTERNAL)
    ).all()
    if not users:
        return 0
    with uow.watch(User, User.customer_id.in_(customer_ids)):
        session.execute(
            delete(User).where(User.id.in_([u.id for u in users])).execution_options(synchronize_session=False)
        )
    uow.audit_many(
        (
            {
                "object_type": "User",
                "object_id": u.id,
                "action": "delete",
                "changes": {"username": [u.username, None]},
                "tenant_id": u.tenant_id,
                "summary": "external user removed with its customer's portal access",
            }
            for u in users
        ),
        recorded=True,
    )
    return len(users)
