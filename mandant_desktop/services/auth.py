"""Operator log-in and the first administrator of an empty database (SPEC S1, R3).

The log-in reads and writes through the Core tables on a connection of its own, without a
session: a start logs in before the ORM is loaded (issue 8). Creating the first administrator is
an ORM unit of work like every other change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy import Connection, Insert, case, delete, func, insert, literal, select, update
from sqlalchemy.exc import DBAPIError, OperationalError

from mandant_desktop.db import tables
from mandant_desktop.db.engine import SQLITE_BEGIN, engine_of
from mandant_desktop.db.tables import AccessLevel, UserKind, UserStatus, UTCDateTime, utcnow
from mandant_desktop.domain import validation
from mandant_desktop.domain.errors import AuthenticationError, DomainError, ValidationError
from mandant_desktop.domain.permissions import PREDEFINED_BY_KEY
from mandant_desktop.services.operator import Operator, system_operator, workstation_name
from mandant_desktop.services.passwords import burn_verification_time, hash_password, needs_rehash, verify_password
from mandant_desktop.services.unit_of_work import UnitOfWork, is_lock_conflict, raise_as_domain_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from mandant_desktop.services.password_check import PasswordCheck

log = logging.getLogger(__name__)

MAX_FAILED_LOGINS = 5
LOCKOUT = dt.timedelta(minutes=5)
ROOT_UNIT_NAME = "Organisation"
#: tries of a failure count that lost a lock conflict to another workstation
_ATTEMPTS = 3

_WRONG_CREDENTIALS = "The user name or the password is wrong."
_LOCKED = (
    "Log-in is locked for {minutes} minutes after too many failed attempts. Try again then, or ask an "
    "administrator to check the account."
)


@dataclass(frozen=True, slots=True)
class FirstAdmin:
    username: str
    password: str
    password_repeat: str
    email: str
    first_name: str = ""
    last_name: str = ""


_user = tables.app_user
_throttle = tables.login_throttle
_assignment = tables.role_assignment


def operator_permissions(session: Session | Connection, user_id: int) -> frozenset[str]:
    """Union of the permissions of all the user's roles in all units (SPEC R3).

    The user's distinct roles first, then their permissions: an administrator holds the same role
    in each of 5,000 units, and a plain join made 5,000 × 34 rows for the database to reduce to 34
    (about 30 ms on SQLite, on the log-in's path at every start; issue 8). The roles are a derived
    table with DISTINCT, not an ``IN`` subquery: with statistics on ``role_permission`` (a server
    with autovacuum gathers them) PostgreSQL turned the ``IN`` into a semi join that read the
    administrator's 5,000 assignments once per role permission, 70 times: 1.2 → 4.2 ms (EXPLAIN
    ANALYZE on the large demo). The derived table is read once on every backend (1.1 ms there;
    SQLite and MariaDB the same as before or a little faster)."""
    granted = tables.role_permission
    roles = select(_assignment.c.role_id).where(_assignment.c.user_id == user_id).distinct().subquery()
    stmt = select(granted.c.permission_code).join(roles, roles.c.role_id == granted.c.role_id).distinct()
    return frozenset(session.scalars(stmt))


def has_any_role(session: Session | Connection, user_id: int) -> bool:
    stmt = select(_assignment.c.id).where(_assignment.c.user_id == user_id).limit(1)
    return session.scalar(stmt) is not None


@contextmanager
def _writing(connection: Connection) -> Iterator[None]:
    """The next transaction of ``connection`` takes SQLite's write lock at BEGIN (see db.engine)
    rather than upgrading a read lock; later ones read again as usual."""
    connection.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
    try:
        yield
    finally:
        connection.execution_options(**{SQLITE_BEGIN: "DEFERRED"})


def require_both(username: str, password: str) -> None:
    """S1: an empty user name or password is named as missing, in the order of the form, before the
    database is asked or a password is checked; it is no failed attempt (nothing was tried)."""
    if not username.strip():
        raise ValidationError("Please enter a user name.", field="username")
    if not password:
        raise ValidationError("Please enter your password.", field="password")


class AuthService:
    def __init__(self, session_factory: sessionmaker[Session], *, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self._factory = session_factory
        self._now = clock

    def needs_first_admin(self) -> bool:
        """True on an empty database: no internal user who could log in exists yet."""
        with engine_of(self._factory).connect() as connection:
            return self._needs_first_admin(connection)

    def create_first_admin(self, data: FirstAdmin) -> Operator:
        """Create the first operator with the Administrator role at the root unit, inherited
        everywhere below, and full access with private data to every tenant."""
        username = validation.clean_username(data.username)
        email = validation.clean_email(data.email)
        validation.check_password(data.password, data.password_repeat, minimum=validation.OPERATOR_PASSWORD_MIN)
        first = validation.clean_name(data.first_name, field="first name", required=False)
        last = validation.clean_name(data.last_name, field="last name", required=False)
        from mandant_desktop.db.models import (
            InheritanceSource,
            OrgUnit,
            Role,
            RoleAssignment,
            Tenant,
            TenantAccess,
            User,
        )

        actor = system_operator(username)
        with UnitOfWork(self._factory, actor) as uow:
            session = uow.session
            # Lock the Administrator role row before looking for operators: two workstations that
            # start on the same empty server database at once then take turns, and the second one
            # finds the first one's administrator (SQLite's BEGIN IMMEDIATE serialises anyway).
            admin_role = session.scalar(
                select(Role).where(Role.predefined_key == PREDEFINED_BY_KEY["administrator"].key).with_for_update()
            )
            if admin_role is None:
                raise DomainError("The database has no Administrator role; upgrade the database first.")
            if not self._needs_first_admin(session):
                raise DomainError("An administrator exists already; log in instead.")
            user = User(
                username=username,
                username_key=validation.name_key(username),
                email=email,
                email_key=email.casefold() if email else None,
                first_name=first,
                last_name=last,
                kind=UserKind.INTERNAL,
                status=UserStatus.ACTIVE,
                password_hash=hash_password(data.password),
                activated_at=self._now(),
            )
            session.add(user)
            root = session.scalar(select(OrgUnit).where(OrgUnit.parent_id.is_(None)).order_by(OrgUnit.id).limit(1))
            if root is None:
                root = OrgUnit(name=ROOT_UNIT_NAME, depth=0)
                session.add(root)
            session.flush()
            session.add(
                RoleAssignment(user_id=user.id, role_id=admin_role.id, org_unit_id=root.id, created_by=username)
            )
            session.add(InheritanceSource(user_id=user.id, org_unit_id=root.id, created_by=username))
            session.flush()
            self._inherit_to_descendants(uow, user.id, admin_role.id, root.id, username)
            tenant_ids = list(session.scalars(select(Tenant.id)))
            for tenant_id in tenant_ids:
                session.add(
                    TenantAccess(tenant_id=tenant_id, user_id=user.id, level=AccessLevel.FULL, private_data=True)
                )
            uow.commit()
            return Operator(
                id=user.id,
                username=username,
                display_name=user.display_name,
                permissions=operator_permissions_fresh(self._factory, user.id),
                workstation=workstation_name(),
            )

    @staticmethod
    def _needs_first_admin(session: Session | Connection) -> bool:
        stmt = (
            select(func.count())
            .select_from(_user)
            .where(_user.c.kind == UserKind.INTERNAL, _user.c.password_hash.is_not(None))
        )
        return (session.scalar(stmt) or 0) == 0

    @staticmethod
    def _inherit_to_descendants(uow: UnitOfWork, user_id: int, role_id: int, root_id: int, by: str) -> None:
        """Units below the root get the role as inherited (an existing tree in an empty user base)."""
        from mandant_desktop.db.models import OrgUnit, RoleAssignment

        session = uow.session
        tree = select(OrgUnit.id).where(OrgUnit.id == root_id).cte("tree", recursive=True)
        tree = tree.union_all(select(OrgUnit.id).where(OrgUnit.parent_id == tree.c.id))
        rows = [
            {
                "user_id": user_id,
                "role_id": role_id,
                "org_unit_id": unit_id,
                "inherited_from_id": root_id,
                "created_at": utcnow(),
                "created_by": by,
            }
            for unit_id in session.scalars(select(tree.c.id).where(tree.c.id != root_id))
        ]
        if rows:
            session.execute(insert(RoleAssignment), rows)
            # Set-based rows are invisible to the flush hook: audit them explicitly (SPEC S3).
            uow.audit_many(
                {
                    "object_type": "RoleAssignment",
                    "object_id": f"{user_id}:{row['org_unit_id']}:{role_id}",
                    "action": "create",
                    "changes": {"inherited_from_id": [None, root_id]},
                    "summary": "inherited from the root unit",
                }
                for row in rows
            )

    def login(self, username: str, password: str, *, precheck: PasswordCheck | None = None) -> Operator:
        """Check the pair; refuse without telling which half was wrong (SPEC S1).

        ``precheck``: the password's verification started ahead (issue 8); used only when it
        verified the hash read here and this password, else the password is verified here.
        """
        require_both(username, password)
        key = validation.name_key(username)
        now = self._now()
        u = _user.c
        with engine_of(self._factory).connect() as session:
            user = session.execute(
                select(
                    u.id,
                    u.username,
                    u.first_name,
                    u.last_name,
                    u.kind,
                    u.status,
                    u.password_hash,
                    u.locked_until,
                ).where(u.username_key == key)
            ).first()
            if user is None:
                burn_verification_time(password)
                _unknown_failure(session, key, now)
            if user.locked_until is not None and user.locked_until > now:
                # The same time as a check of the password, and the same words as for an unknown name.
                burn_verification_time(password)
                raise AuthenticationError(_LOCKED, minutes=_minutes_left(user.locked_until, now))
            verified = precheck.outcome(user.password_hash, password) if precheck is not None else None
            if not (verify_password(user.password_hash, password) if verified is None else verified):
                self._record_failure(session, user.id, now)
                raise AuthenticationError(_WRONG_CREDENTIALS)
            if user.kind != UserKind.INTERNAL:
                raise AuthenticationError("External portal users cannot log in to the back office.")
            if user.status != UserStatus.ACTIVE:
                raise AuthenticationError("This account is not active. Ask an administrator.")
            if not has_any_role(session, user.id):
                raise AuthenticationError(
                    "Your account holds no role in any org unit, so you cannot log in. Ask an administrator."
                )
            values: dict[str, object] = {"failed_logins": 0, "locked_until": None, "last_login_at": now}
            if user.password_hash and needs_rehash(user.password_hash):
                values["password_hash"] = hash_password(password)
            _bookkeeping(session, user.id, values, forget=key)
            return Operator(
                id=user.id,
                username=user.username,
                # as models.User.display_name
                display_name=f"{user.first_name} {user.last_name}".strip() or user.username,
                permissions=operator_permissions(session, user.id),
                workstation=workstation_name(),
            )

    @staticmethod
    def _record_failure(session: Connection, user_id: int, now: dt.datetime) -> None:
        # Counted in SQL, not read-add-write, so parallel attempts from several workstations each
        # count. locked_until is assigned first: MariaDB evaluates SET clauses left to right against
        # the new values, PostgreSQL and SQLite against the old ones; in this order both agree.
        u = _user.c
        reaches_limit = u.failed_logins + 1 >= MAX_FAILED_LOGINS
        _bookkeeping(
            session,
            user_id,
            [
                (u.locked_until, case((reaches_limit, now + LOCKOUT), else_=None)),
                (u.failed_logins, case((reaches_limit, 0), else_=u.failed_logins + 1)),
            ],
        )


def _minutes_left(until: dt.datetime, now: dt.datetime) -> int:
    return max(1, int((until - now).total_seconds() + 59) // 60)


def _bookkeeping(
    session: Connection, user_id: int, values: dict[str, object] | list[tuple[Any, Any]], *, forget: str | None = None
) -> None:
    """Write a log-in's bookkeeping in a transaction of its own, then commit.

    The reads before it are ended first: on SQLite a transaction that read before another
    workstation saved cannot write after that save ("database is locked"), and the password check
    in between takes a noticeable moment. A log-in is not an administration change: no version
    bump, no audit entry, and ``updated_at`` kept (the column's onupdate would stamp it otherwise).
    ``forget``: the name key of a successful log-in, whose failures as an unknown name (before the
    user existed) are removed with it.
    """
    session.commit()
    u = _user.c
    try:
        with _writing(session):
            stmt = update(_user).where(u.id == user_id)
            if isinstance(values, dict):
                stmt = stmt.values(updated_at=u.updated_at, **values)
            else:
                stmt = stmt.ordered_values(*values, (u.updated_at, u.updated_at))
            session.execute(stmt)
            if forget is not None:
                session.execute(delete(_throttle).where(_throttle.c.name_hash == throttle_key(forget)))
            session.commit()
    except DBAPIError as exc:
        session.rollback()
        raise_as_domain_error(exc)


def throttle_key(name_key: str) -> str:
    """The key of a user name in ``login_throttle``: a hash, so that a password typed into the
    name field by mistake is not stored readable (S1)."""
    return hashlib.sha256(("mandant_desktop login throttle\0" + name_key).encode()).hexdigest()


def _unknown_failure(session: Connection, key: str, now: dt.datetime) -> NoReturn:
    """A failed attempt on a name that does not exist: counted and locked out like a real one, in
    the database, so that every workstation (and a restarted program) shares the count (S1)."""
    digest = throttle_key(key)
    until = session.scalar(select(_throttle.c.locked_until).where(_throttle.c.name_hash == digest))
    if until is not None and until > now:
        session.rollback()
        raise AuthenticationError(_LOCKED, minutes=_minutes_left(until, now))
    session.commit()
    for attempt in range(_ATTEMPTS):
        try:
            with _writing(session):
                session.execute(_count_failure(session.dialect.name, digest, now))
                session.commit()
            break
        except DBAPIError as exc:
            session.rollback()
            # InnoDB may pick an upsert as a deadlock victim when two workstations count at once.
            retry = isinstance(exc, OperationalError) and not exc.connection_invalidated and is_lock_conflict(exc)
            if not retry or attempt == _ATTEMPTS - 1:
                raise_as_domain_error(exc)
    _forget_expired(session, now)
    raise AuthenticationError(_WRONG_CREDENTIALS)


def _forget_expired(session: Connection, now: dt.datetime) -> None:
    """Remove expired locks (their count restarted at the lock, as a user's does), in a transaction
    of its own: housekeeping that a busy moment may postpone to the next failure. Counts below the
    limit stay, as a user's do: forgetting them sooner would tell unknown names from real ones."""
    try:
        with _writing(session):
            session.execute(delete(_throttle).where(_throttle.c.locked_until <= now))
            session.commit()
    except DBAPIError as exc:
        session.rollback()
        log.info("expired log-in locks not removed this time: %s", type(exc).__name__)


def _count_failure(dialect: str, digest: str, now: dt.datetime) -> Insert:
    """One statement that inserts the first failure or counts one more: atomic, so that parallel
    attempts from several workstations each count (no read-add-write).

    The lock starts at the limit and the count restarts; a lock set meanwhile by another
    workstation is kept. MariaDB evaluates the assignments left to right against the new values,
    PostgreSQL and SQLite against the old ones: ``failed_logins`` is 0 whenever the (new or old)
    lock holds, which is right in both readings.
    """
    lock = literal(now + LOCKOUT, UTCDateTime())
    locked = _throttle.c.locked_until > now
    count = _throttle.c.failed_logins
    reaches_limit = count + 1 >= MAX_FAILED_LOGINS
    assignments: list[tuple[str, Any]] = [
        ("locked_until", case((locked, _throttle.c.locked_until), (reaches_limit, lock), else_=None)),
        ("failed_logins", case((locked, 0), (reaches_limit, 0), else_=count + 1)),
        ("last_failed_at", literal(now, UTCDateTime())),
    ]
    row = {"name_hash": digest, "failed_logins": 1, "locked_until": None, "last_failed_at": now}
    # Imported here: a dialect package costs a tenth of a second at start and only one is needed.
    if dialect in ("mysql", "mariadb"):
        from sqlalchemy.dialects import mysql

        return mysql.insert(_throttle).values(row).on_duplicate_key_update(assignments)
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return (
            postgresql.insert(_throttle)
            .values(row)
            .on_conflict_do_update(index_elements=["name_hash"], set_=dict(assignments))
        )
    from sqlalchemy.dialects import sqlite

    return (
        sqlite.insert(_throttle).values(row).on_conflict_do_update(index_elements=["name_hash"], set_=dict(assignments))
    )


def operator_permissions_fresh(factory: sessionmaker[Session], user_id: int) -> frozenset[str]:
    with engine_of(factory).connect() as connection:
        return operator_permissions(connection, user_id)
