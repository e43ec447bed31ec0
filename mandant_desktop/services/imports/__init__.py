"""Excel imports of role assignments, users and customers (SPEC S8, E9).

Every import runs the same way: the file is checked before it is parsed (``core.check_file``),
the rows are read with openpyxl in read-only mode over defusedxml, and **every** row is validated
before anything is written. With one error nothing is written at all; otherwise all new rows go
in with set-based INSERTs in one unit of work, each audited (S3). A dry run does everything but
the commit and reports what would change: added, unchanged, and the errors by row and column.
``progress`` hears how many rows are read and written; ``cancel`` is checked between chunks of
both, and a cancelled import rolls back: nothing is written (E3).

The column layout is the one of the corresponding export, so an exported file imports back:
role assignments and customers as in ``services.exports``; users as :data:`USER_HEADERS`.
Imports only add: a row that names an existing object with the same data is "unchanged"; one
that contradicts it is an error (nothing is overwritten by a file).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session, sessionmaker

from mandant_desktop.db.bulk import analyze_grown, analyze_grown_committed, insert_rows
from mandant_desktop.db.customer_search import filled_in_bulk
from mandant_desktop.db.engine import engine_of
from mandant_desktop.db.models import (
    Customer,
    CustomerStatus,
    Role,
    RoleAssignment,
    Tenant,
    User,
    UserKind,
    UserStatus,
    utcnow,
)
from mandant_desktop.domain import customers as customer_rules
from mandant_desktop.domain import validation
from mandant_desktop.domain.errors import DomainError, NotFoundError, PermissionDeniedError, ValidationError
from mandant_desktop.domain.search_folding import search_key
from mandant_desktop.services.assignments import refused_grants, units_with_permission
from mandant_desktop.services.exports import ASSIGNMENT_HEADERS, CUSTOMER_HEADERS
from mandant_desktop.services.import_kinds import PERMISSIONS, ImportKind
from mandant_desktop.services.imports.core import (
    DEFAULT_LIMITS,
    MAX_PREVIEW,
    ImportFileError,
    ImportResult,
    Limits,
    RowError,
    SheetRow,
    read_sheet,
    text,
)
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.progress import CancelCheck, CountProgress, OperationCancelledError
from mandant_desktop.services.tenant_scope import load_tenant_scope
from mandant_desktop.services.unit_of_work import UnitOfWork

Translate = Callable[[str], str]

USER_HEADERS = ("User name", "E-mail", "First name", "Last name", "SSO")
_CHUNK = 500
_AGENCY_NUMBER = re.compile(r"\(([^()\s]+)\)\s*$")


def _same(value: str) -> str:
    return value


def _words(translate: Translate, *words: str) -> set[str]:
    return {w.casefold() for word in words for w in (word, translate(word))}


@dataclass
class _Plan:
    """Rows to insert, found while validating; written only when there is no error."""

    rows: list[dict[str, Any]]
    audit: list[dict[str, Any]]
    remote_numbers: list[str]


class ImportService:
    def __init__(self, session_factory: sessionmaker[Session], *, limits: Limits = DEFAULT_LIMITS) -> None:
        self._factory = session_factory
        self.limits = limits

    def run(
        self,
        operator: Operator,
        kind: ImportKind,
        path: str | Path,
        *,
        dry_run: bool = False,
        translate: Translate | None = None,
        progress: CountProgress | None = None,
        cancel: CancelCheck | None = None,
    ) -> ImportResult:
        """Import ``path`` as ``kind``; with ``dry_run`` only report. Raises :class:`ImportFileError`
        for a file refused as a whole; row problems come back in ``result.errors``;
        :class:`OperationCancelledError` when ``cancel()`` said so (nothing written)."""
        operator.require(PERMISSIONS[kind])

        def step(done: int, total: int) -> None:
            if progress is not None:
                progress(done, total)
            if cancel is not None and cancel():
                raise OperationCancelledError("Cancelled; nothing was changed.")

        label = translate or _same
        headers, required = {
            ImportKind.ASSIGNMENTS: (ASSIGNMENT_HEADERS, ("E-mail", "Org unit", "Role")),
            ImportKind.USERS: (USER_HEADERS, ("User name", "E-mail")),
            ImportKind.CUSTOMERS: (CUSTOMER_HEADERS, ("Number", "Name", "Tenant")),
        }[kind]
        rows = read_sheet(Path(path), headers, translate=translate, required=required, limits=self.limits, step=step)
        result = ImportResult(kind=kind.value, dry_run=dry_run)
        with UnitOfWork(self._factory, operator, write=not dry_run) as uow:
            planner = {
                ImportKind.ASSIGNMENTS: self._plan_assignments,
                ImportKind.USERS: self._plan_users,
                ImportKind.CUSTOMERS: self._plan_customers,
            }[kind]
            plan = planner(uow, operator, rows, result, label)
            result.errors.sort(key=lambda error: error.row)
            step(0, len(plan.rows))
            if dry_run or result.errors or not plan.rows:
                return result
            table = {ImportKind.ASSIGNMENTS: RoleAssignment, ImportKind.USERS: User, ImportKind.CUSTOMERS: Customer}
            # New customers enter the search index in one statement after the last chunk.
            bulk: AbstractContextManager[None] = (
                filled_in_bulk(uow.session.connection()) if kind is ImportKind.CUSTOMERS else nullcontext()
            )
            uow.session.flush()  # the rows go straight to the connection (COPY on PostgreSQL)
            target = cast(Table, table[kind].__table__)
            with bulk:
                for start in range(0, len(plan.rows), _CHUNK):
                    insert_rows(uow.session.connection(), target, plan.rows[start : start + _CHUNK])
                    # Between chunks: a cancel leaves the unit of work uncommitted, so it rolls back.
                    step(min(start + _CHUNK, len(plan.rows)), len(plan.rows))
            if kind is ImportKind.CUSTOMERS:
                self._after_customers(uow, plan)
            else:
                uow.audit_many(plan.audit)
            # PostgreSQL: statistics for a table the import made much bigger (one audit entry per row).
            grown = {target.name: len(plan.rows), "audit_log": len(plan.rows)}
            analyze_grown(uow.session.connection(), grown)
            uow.commit()
        # MariaDB: the same after the commit (ANALYZE TABLE commits implicitly).
        engine = engine_of(self._factory)
        if engine.dialect.name == "mysql":
            with engine.connect() as connection:
                analyze_grown_committed(connection, grown)
        return result

    # ------------------------------------------------------------------ role assignments

    def _plan_assignments(
        self, uow: UnitOfWork, operator: Operator, rows: Sequence[SheetRow], result: ImportResult, label: Translate
    ) -> _Plan:
        from mandant_desktop.services.unit_tree import unit_paths

        session = uow.session
        paths, _order = unit_paths(session)
        unit_by_path = {path.casefold(): unit for unit, path in paths.items()}
        roles = {name.casefold(): (role_id, name) for role_id, name in session.execute(select(Role.id, Role.name))}
        allowed = (
            None if operator.is_system else set(session.scalars(units_with_permission(operator, "assignments.assign")))
        )
        yes = _words(label, "yes", "Yes")
        emails = {text(row, "E-mail").casefold() for row in rows if text(row, "E-mail")}
        users: dict[str, tuple[int, str]] = {}
        for chunk in _chunks(sorted(emails)):
            for user_id, email, username in session.execute(
                select(User.id, User.email_key, User.username).where(User.email_key.in_(chunk))
            ):
                users[email or ""] = (user_id, username)
        wanted: dict[tuple[int, int, int], SheetRow] = {}
        names: dict[tuple[int, int, int], tuple[str, str, str]] = {}
        for row in rows:
            if text(row, "Inherited").casefold() in yes:
                # Inherited roles follow from their source; they are not imported (A5).
                result.unchanged += 1
                continue
            errors_before = len(result.errors)
            email = text(row, "E-mail").casefold()
            user = users.get(email)
            if not email:
                _error(result, row, label("E-mail"), ValidationError("Please enter an e-mail address.", field="email"))
            elif user is None:
                _error(
                    result,
                    row,
                    label("E-mail"),
                    NotFoundError("There is no user with the e-mail address {email}.", email=email),
                )
            unit = unit_by_path.get(" ".join(text(row, "Org unit").split()).casefold())
            if unit is None:
                _error(
                    result,
                    row,
                    label("Org unit"),
                    NotFoundError(
                        "There is no org unit {path}; write the path as the export does (A / B / C).",
                        path=text(row, "Org unit"),
                    ),
                )
            elif allowed is not None and unit not in allowed:
                _error(
                    result,
                    row,
                    label("Org unit"),
                    PermissionDeniedError(
                        "You may assign roles only in the org units where you hold the permission {permission}; "
                        "not in: {units}.",
                        permission="assignments.assign",
                        units=paths.get(unit, ""),
                    ),
                )
            role = roles.get(text(row, "Role").casefold())
            if role is None:
                _error(
                    result, row, label("Role"), NotFoundError("There is no role named {name}.", name=text(row, "Role"))
                )
            if len(result.errors) > errors_before or user is None or unit is None or role is None:
                continue
            key = (user[0], unit, role[0])
            if key in wanted:
                result.unchanged += 1
                continue
            wanted[key] = row
            names[key] = (user[1], paths.get(unit, ""), role[1])
        # Delegated administration (S1): a role only where the operator holds all its permissions.
        refused = set(refused_grants(session, operator, sorted(wanted)))
        for key in [key for key in sorted(wanted) if (key[1], key[2]) in refused]:
            _error(
                result,
                wanted.pop(key),
                label("Role"),
                PermissionDeniedError(
                    "You may grant only roles whose permissions you hold yourself in that org unit: "
                    "{role} needs more than you hold in {unit}.",
                    role=names[key][2],
                    unit=names.pop(key)[1],
                ),
            )
        present: set[tuple[int, int, int]] = set()
        keys = sorted(wanted)
        for chunk in _chunks(sorted({k[0] for k in keys})):
            for found in session.execute(
                select(RoleAssignment.user_id, RoleAssignment.org_unit_id, RoleAssignment.role_id).where(
                    RoleAssignment.user_id.in_(chunk)
                )
            ):
                present.add((found[0], found[1], found[2]))
        now = utcnow()
        plan = _Plan([], [], [])
        for key in keys:
            if key in present:
                result.unchanged += 1
                continue
            result.added += 1
            user_name, unit_path, role_name = names[key]
            _preview(result, f"{user_name} · {unit_path} · {role_name}")
            plan.rows.append(
                {
                    "user_id": key[0],
                    "org_unit_id": key[1],
                    "role_id": key[2],
                    "inherited_from_id": None,
                    "created_at": now,
                    "created_by": operator.username[:100],
                }
            )
            plan.audit.append(
                {
                    "object_type": "RoleAssignment",
                    "object_id": f"{key[0]}:{key[1]}:{key[2]}",
                    "action": "create",
                    "changes": {"user_id": [None, key[0]], "org_unit_id": [None, key[1]], "role_id": [None, key[2]]},
                    "summary": "import",
                }
            )
        return plan

    # ------------------------------------------------------------------ users

    def _plan_users(
        self, uow: UnitOfWork, operator: Operator, rows: Sequence[SheetRow], result: ImportResult, label: Translate
    ) -> _Plan:
        session = uow.session
        yes = _words(label, "yes", "Yes")
        cleaned: list[tuple[SheetRow, str, str, str, str, bool]] = []
        for row in rows:
            errors_before = len(result.errors)
            check = _Checker(result, row, label)
            username = check("User name", validation.clean_username) or ""
            email = check("E-mail", validation.clean_email) or ""
            first = check("First name", lambda v: validation.clean_name(v, field="first name", required=False)) or ""
            last = check("Last name", lambda v: validation.clean_name(v, field="last name", required=False)) or ""
            if len(result.errors) == errors_before:
                cleaned.append((row, username, email, first, last, text(row, "SSO").casefold() in yes))
        by_name: dict[str, tuple[str | None, str, str]] = {}
        by_email: dict[str, str] = {}
        name_keys = sorted({validation.name_key(c[1]) for c in cleaned})
        email_keys = sorted({c[2].casefold() for c in cleaned})
        for chunk in _chunks(name_keys):
            for key, email_key, first_name, last_name in session.execute(
                select(User.username_key, User.email_key, User.first_name, User.last_name).where(
                    User.username_key.in_(chunk)
                )
            ):
                by_name[key] = (email_key, first_name, last_name)
        for chunk in _chunks(email_keys):
            for email_key, key in session.execute(
                select(User.email_key, User.username_key).where(User.email_key.in_(chunk))
            ):
                by_email[email_key or ""] = key
        seen_names: set[str] = set()
        seen_emails: set[str] = set()
        now = utcnow()
        plan = _Plan([], [], [])
        for row, username, email, first, last, sso in cleaned:
            key, email_key = validation.name_key(username), email.casefold()
            existing = by_name.get(key)
            if existing is not None:
                if existing[0] == email_key:
                    result.unchanged += 1
                else:
                    _error(
                        result,
                        row,
                        label("User name"),
                        ValidationError(
                            "The user name {username} is taken already.", field="username", username=username
                        ),
                    )
                continue
            if email_key in by_email or email_key in seen_emails:
                _error(
                    result,
                    row,
                    label("E-mail"),
                    ValidationError("The e-mail address {email} is used by another user.", field="email", email=email),
                )
                continue
            if key in seen_names:
                _error(
                    result,
                    row,
                    label("User name"),
                    ValidationError("The user name {username} is taken already.", field="username", username=username),
                )
                continue
            seen_names.add(key)
            seen_emails.add(email_key)
            result.added += 1
            _preview(result, f"{username} <{email}>")
            plan.rows.append(
                {
                    "username": username,
                    "username_key": key,
                    "email": email,
                    "email_key": email_key,
                    "first_name": first,
                    "last_name": last,
                    "search_key": search_key((username, email, first, last)),
                    "kind": UserKind.INTERNAL,
                    "status": UserStatus.PENDING,
                    "sso": sso,
                    "created_at": now,
                    "version": 1,
                    "updated_at": now,
                    "updated_by": operator.username[:100],
                    "is_external_admin": False,
                    "failed_logins": 0,
                }
            )
            plan.audit.append(
                {
                    "object_type": "User",
                    "object_id": username,
                    "action": "create",
                    "changes": {
                        "username": [None, username],
                        "email": [None, email],
                        "first_name": [None, first],
                        "last_name": [None, last],
                        "sso": [None, sso],
                    },
                    "summary": "import",
                }
            )
        return plan

    # ------------------------------------------------------------------ customers

    def _plan_customers(
        self, uow: UnitOfWork, operator: Operator, rows: Sequence[SheetRow], result: ImportResult, label: Translate
    ) -> _Plan:
        session = uow.session
        scope = load_tenant_scope(session, operator)
        tenants = {
            name.casefold(): (tenant_id, name)
            for tenant_id, name in session.execute(select(Tenant.id, Tenant.name))
            if scope.sees(tenant_id)
        }
        agency_words = _words(label, "Agency")
        yes_words = _words(label, "Yes", "yes")
        no_words = _words(label, "No", "no")
        numbers = sorted({text(row, "Number") for row in rows if text(row, "Number")})
        existing: dict[str, tuple[str, int]] = {}
        for chunk in _chunks(numbers):
            for number, name, tenant_id in session.execute(
                select(Customer.number, Customer.name, Customer.tenant_id).where(Customer.number.in_(chunk))
            ):
                existing[number] = (name, tenant_id)
        agency_numbers = sorted(
            {m.group(1) for row in rows if (m := _AGENCY_NUMBER.search(text(row, "Default agency")))}
        )
        agencies: dict[str, tuple[int, int, bool]] = {}
        for chunk in _chunks(agency_numbers):
            for found_id, number, tenant_id, is_agency in session.execute(
                select(Customer.id, Customer.number, Customer.tenant_id, Customer.is_agency).where(
                    Customer.number.in_(chunk)
                )
            ):
                agencies[number] = (found_id, tenant_id, is_agency)
        seen: set[str] = set()
        plan = _Plan([], [], [])
        now = utcnow()
        for row in rows:
            errors_before = len(result.errors)
            check = _Checker(result, row, label)
            values: dict[str, Any] = {
                "number": check("Number", customer_rules.clean_number),
                "name": check("Name", customer_rules.clean_customer_name),
                "short_name": check("Short name", customer_rules.clean_short_name),
            }
            remote_text = text(row, "Remote access").casefold()
            is_agency = remote_text in agency_words
            remote = is_agency or remote_text in yes_words
            if remote_text and not (is_agency or remote or remote_text in no_words):
                _error(
                    result,
                    row,
                    label("Remote access"),
                    ValidationError(
                        "Write {yes}, {no} or {agency}.", yes=label("Yes"), no=label("No"), agency=label("Agency")
                    ),
                )
            values["quota_mb"] = check("Quota (MB)", partial(customer_rules.clean_quota, remote_access=remote))
            tenant = tenants.get(" ".join(text(row, "Tenant").split()).casefold())
            if tenant is None:
                _error(
                    result,
                    row,
                    label("Tenant"),
                    NotFoundError("There is no tenant {name}, or it is not visible to you.", name=text(row, "Tenant")),
                )
            agency_id = None
            agency_text = text(row, "Default agency")
            if agency_text:
                match = _AGENCY_NUMBER.search(agency_text)
                agency = agencies.get(match.group(1)) if match else None
                if agency is None or not scope.sees(agency[1]):
                    _error(
                        result,
                        row,
                        label("Default agency"),
                        NotFoundError(
                            "There is no agency {name}; write it as the export does: name (number).", name=agency_text
                        ),
                    )
                elif not agency[2]:
                    _error(
                        result,
                        row,
                        label("Default agency"),
                        ValidationError("{name} is not an agency.", field="default agency", name=agency_text),
                    )
                else:
                    agency_id = agency[0]
            if len(result.errors) > errors_before or tenant is None:
                continue
            number = values["number"]
            known = existing.get(number)
            if known is not None:
                if known == (values["name"], tenant[0]):
                    result.unchanged += 1
                else:
                    _error(
                        result,
                        row,
                        label("Number"),
                        ValidationError(
                            "The customer number {number} is already taken.", field="customer number", number=number
                        ),
                    )
                continue
            if number in seen:
                _error(
                    result,
                    row,
                    label("Number"),
                    ValidationError("The customer number {number} appears twice in the file.", number=number),
                )
                continue
            if not scope.can_edit(tenant[0]):
                _error(
                    result,
                    row,
                    label("Tenant"),
                    PermissionDeniedError("You have read-only access to the tenant {name}.", name=tenant[1]),
                )
                continue
            seen.add(number)
            result.added += 1
            _preview(result, f"{number} {values['name']} ({tenant[1]})")
            plan.rows.append(
                {
                    **values,
                    # the key the search compares: bulk rows pass no insert default (COPY)
                    "search_key": search_key((values["number"], values["name"], values["short_name"])),
                    "tenant_id": tenant[0],
                    "remote_access": remote,
                    "is_agency": is_agency,
                    "default_agency_id": agency_id,
                    "status": CustomerStatus.ACTIVE,
                    "created_at": now,
                    "version": 1,
                    "updated_at": now,
                    "updated_by": operator.username[:100],
                }
            )
            if remote:
                plan.remote_numbers.append(number)
        return plan

    @staticmethod
    def _after_customers(uow: UnitOfWork, plan: _Plan) -> None:
        """Audit the new customers with their ids, and give those with remote access their rights
        group by the naming pattern (C3), as creating one by hand does."""
        from mandant_desktop.services.customers import CustomerService

        session = uow.session
        numbers = [row["number"] for row in plan.rows]
        ids: dict[str, int] = {}
        for chunk in _chunks(numbers):
            for number, customer_id in session.execute(
                select(Customer.number, Customer.id).where(Customer.number.in_(chunk))
            ):
                ids[number] = customer_id
        uow.audit_many(
            {
                "object_type": "Customer",
                "object_id": ids[row["number"]],
                "action": "create",
                "tenant_id": row["tenant_id"],
                "changes": {
                    key: [None, row[key].value if isinstance(row[key], StrEnum) else row[key]]
                    for key in ("number", "name", "short_name", "remote_access", "is_agency", "quota_mb", "status")
                },
                "summary": "import",
            }
            for row in plan.rows
        )
        for chunk in _chunks(plan.remote_numbers):
            for customer in session.scalars(select(Customer).where(Customer.number.in_(chunk))):
                CustomerService._create_group(session, customer)


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> list[Sequence[Any]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


class _Checker:
    """Runs one cleaning rule on one cell; a refusal becomes an error of that row and column."""

    def __init__(self, result: ImportResult, row: SheetRow, label: Translate) -> None:
        self._result, self._row, self._label = result, row, label

    def __call__(self, header: str, rule: Callable[[str], Any]) -> Any:
        try:
            return rule(text(self._row, header))
        except DomainError as exc:
            _error(self._result, self._row, self._label(header), exc)
            return None


def _error(result: ImportResult, row: SheetRow, column: str, error: DomainError) -> None:
    result.errors.append(RowError(row.number, column, error))


def _preview(result: ImportResult, line: str) -> None:
    if len(result.preview) < MAX_PREVIEW:
        result.preview.append(line)


__all__ = [
    "USER_HEADERS",
    "ImportFileError",
    "ImportKind",
    "ImportResult",
    "ImportService",
    "RowError",
]
