"""Where a tenant's data lives (SPEC T6): the tenant data router and the unit of work over it.

An *inner* tenant keeps its contacts, person-roles, distribution lists and templates in the main
database; a *separate* tenant keeps them in a database of its own — another SQLite file, or a
database on the same or another PostgreSQL or MariaDB server. :class:`TenantDataRouter` answers
"which session factory holds tenant N's data" with cached engines, creates and migrates a separate
database on first use, and mirrors the tenant's own row into it so that its foreign keys hold.

What stays in the main database whatever the tenant: the tenant rows, tenant access (and thereby
the operator's :class:`~mandant_desktop.domain.tenant_access.TenantScope`) and the audit log.
:class:`TenantWork` therefore spans two databases: the data session of the tenant's database and
a main unit of work that receives the audit entries of every change made in the data session.
The data commits first, then the audit; without a two-phase commit across servers a failure
between the two commits would leave a change unaudited, which is logged loudly.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from mandant_desktop.db import tables
from mandant_desktop.db.engine import (
    create_engine_for,
    engine_of,
    make_session_factory,
    normalize_url,
    verify_connection,
)
from mandant_desktop.db.tables import TenantKind
from mandant_desktop.domain.errors import DatabaseUnavailableError, NotFoundError, ValidationError
from mandant_desktop.domain.tenant_access import TenantScope
from mandant_desktop.services import unit_of_work as uow_module
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.secrets import SecretStore
from mandant_desktop.services.tenant_scope import load_tenant_scope
from mandant_desktop.services.unit_of_work import UnitOfWork, translate_db_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from mandant_desktop.db.models import Base, Tenant

log = logging.getLogger(__name__)

#: the factory key of the main database in :meth:`TenantDataRouter.partition`
MAIN = ""


def secret_key(tenant_id: int) -> str:
    """The keyring entry of a separate tenant's database password."""
    return f"tenant-db:{tenant_id}"


def storable_url(url: str) -> str:
    """``url`` normalised and without any password: what ``tenant.database_url`` may hold (S6)."""
    parsed = normalize_url(url)
    bare = URL.create(
        parsed.drivername,
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return bare.render_as_string(hide_password=False)


def password_in(url: str) -> str | None:
    """A password typed into the URL itself: it goes to the keyring like one typed apart."""
    password = normalize_url(url).password
    return str(password) if password else None


@dataclass(frozen=True, slots=True)
class TenantLocation:
    tenant_id: int
    url: str | None  # None: the main database


class TenantDataRouter:
    """The session factory for a tenant's data (T6), with one cached engine per separate database."""

    def __init__(self, main_factory: sessionmaker[Session], secrets: SecretStore | None = None) -> None:
        self.main_factory = main_factory
        self._secrets = secrets
        self._lock = threading.Lock()
        self._engines: dict[str, Engine] = {}
        self._factories: dict[str, sessionmaker[Session]] = {}

    # ------------------------------------------------------------------ lookup

    def locations(self, tenant_ids: set[int] | frozenset[int] | None = None) -> dict[int, str | None]:
        """``tenant id → database URL`` (None for the main database) of ``tenant_ids`` (None: all)."""
        tenant = tables.tenant.c
        stmt = select(tenant.id, tenant.kind, tenant.database_url)
        if tenant_ids is not None:
            if not tenant_ids:
                return {}
            stmt = stmt.where(tenant.id.in_(sorted(tenant_ids)))
        with engine_of(self.main_factory).connect() as connection:
            rows = connection.execute(stmt).all()
        return {
            row.id: (row.database_url if row.kind == TenantKind.SEPARATE and row.database_url else None) for row in rows
        }

    def partition(self, tenant_ids: frozenset[int] | None) -> dict[str, set[int] | None]:
        """Tenants grouped by database: ``url → tenant ids`` (``MAIN`` for the main database).

        ``tenant_ids`` None (everything) maps the main database to None too, meaning "no filter
        beyond the separate tenants" while there is none; with separate tenants it is the set of
        the inner ones.
        """
        where = self.locations(tenant_ids)
        groups: dict[str, set[int] | None] = {}
        if tenant_ids is None:
            # No filter only while no tenant is separate: the main database also holds the contacts
            # of separate tenants' customers (they live with their customer, C10), which are not
            # that tenant's data there and must not be read as it (their ids repeat the tenant's).
            inner = {tenant_id for tenant_id, url in where.items() if url is None}
            groups[MAIN] = None if len(inner) == len(where) else inner
        for tenant_id, url in where.items():
            if url is None:
                if tenant_ids is not None:
                    main = groups.setdefault(MAIN, set())
                    assert main is not None
                    main.add(tenant_id)
            else:
                bucket = groups.setdefault(url, set())
                assert bucket is not None
                bucket.add(tenant_id)
        return groups

    def separate_ids(self) -> set[int]:
        return {tenant_id for tenant_id, url in self.locations().items() if url is not None}

    def factory_for(self, tenant_id: int) -> sessionmaker[Session]:
        where = self.locations({tenant_id})
        if tenant_id not in where:
            raise NotFoundError("The {object} no longer exists or is not visible to you.", object="Tenant")
        url = where[tenant_id]
        if url is None:
            return self.main_factory
        return self.factory_for_url(url, tenant_id)

    def factory_for_url(self, url: str, tenant_id: int | None = None) -> sessionmaker[Session]:
        if url == MAIN:
            return self.main_factory
        with self._lock:
            factory = self._factories.get(url)
            if factory is None:
                engine = self._open(url, tenant_id)
                factory = make_session_factory(engine)
                self._engines[url] = engine
                self._factories[url] = factory
        return factory

    def _password(self, url: str, tenant_id: int | None) -> str | None:
        if self._secrets is None or tenant_id is None or make_url(url).get_backend_name() == "sqlite":
            return None
        return self._secrets.get(secret_key(tenant_id))

    def _open(self, url: str, tenant_id: int | None) -> Engine:
        from mandant_desktop.db.migrate import upgrade_database

        engine = create_engine_for(url, password=self._password(url, tenant_id))
        try:
            verify_connection(engine)
            upgrade_database(engine)
        except BaseException:
            engine.dispose()
            raise
        return engine

    # ------------------------------------------------------------------ separate databases

    def prepare(self, url: str, password: str | None, tenant: Tenant) -> None:
        """Create (when missing) and migrate the database at ``url``, mirror ``tenant`` into it.

        Called while the tenant is created or made separate; the password goes to the keyring
        first, because every later connection reads it from there (S6).
        """
        parsed = normalize_url(url)
        if password and parsed.get_backend_name() != "sqlite":
            if self._secrets is None or not self._secrets.available:
                raise ValidationError(
                    "No password store (keyring) is available on this computer, so the password of the "
                    "separate tenant's database cannot be kept. Use a database that needs no password, or "
                    "set up a keyring.",
                    field="database password",
                )
            self._secrets.set(secret_key(tenant.id), password)
            parsed = parsed.set(password=password)
        _create_server_database(parsed)
        stored = storable_url(url)
        with self._lock:
            old = self._engines.pop(stored, None)
            self._factories.pop(stored, None)
        if old is not None:
            old.dispose()
        factory = self.factory_for_url(stored, tenant.id)
        self.mirror(factory, stored, tenant)

    def mirror(self, factory: sessionmaker[Session], url: str, tenant: Tenant) -> None:
        """The tenant's row in its own database, so that its data's foreign keys hold."""
        from mandant_desktop.db.models import Tenant

        with factory.begin() as session:
            row = session.get(Tenant, tenant.id)
            if row is None:
                session.add(
                    Tenant(
                        id=tenant.id,
                        name=tenant.name,
                        name_key=tenant.name_key,
                        kind=TenantKind.SEPARATE,
                        created_by=tenant.created_by,
                    )
                )
            else:
                row.name, row.name_key = tenant.name, tenant.name_key

    def close(self) -> None:
        with self._lock:
            engines = list(self._engines.values())
            self._engines.clear()
            self._factories.clear()
        for engine in engines:
            engine.dispose()


def _create_server_database(url: URL) -> None:
    """On PostgreSQL and MariaDB, create the database when the server does not have it yet."""
    backend = url.get_backend_name()
    if backend == "sqlite" or not url.database:
        return
    name = url.database
    # URL.set(database=None) keeps the database: MariaDB's server connection is made anew without one.
    admin = (
        url.set(database="postgres")
        if backend == "postgresql"
        else URL.create(url.drivername, url.username, url.password, url.host, url.port, database=None, query=url.query)
    )
    engine = create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            if backend == "postgresql":
                exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
                if exists is None:
                    quoted = conn.dialect.identifier_preparer.quote_identifier(name)
                    conn.execute(text(f"CREATE DATABASE {quoted} ENCODING 'UTF8' TEMPLATE template0"))
            else:
                quoted = conn.dialect.identifier_preparer.quote_identifier(name)
                conn.execute(
                    text(f"CREATE DATABASE IF NOT EXISTS {quoted} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
                )
    except DBAPIError as exc:
        detail = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc.orig).__name__
        if url.password:
            detail = detail.replace(str(url.password), "***")
        raise DatabaseUnavailableError(
            "Cannot create the database {target}: {detail}",
            target=url.render_as_string(hide_password=True),
            detail=detail,
        ) from None
    finally:
        engine.dispose()


class TenantWork:
    """One change to one tenant's data: ``with TenantWork(router, operator, tenant_id) as work``.

    ``work.scope`` is the operator's scope (read in the main database), ``work.session`` the
    session of the database that holds ``tenant_id``'s data. Every ORM change in it is audited
    into the main database; :meth:`commit` commits data, then audit.
    """

    def __init__(
        self, router: TenantDataRouter, operator: Operator, tenant_id: int, *, write: bool = True, main: bool = False
    ) -> None:
        self._router = router
        self.operator = operator
        self.tenant_id = tenant_id
        self._write = write
        #: the main database whatever the tenant's kind: a customer's contacts live there with their
        #: customer (C10), also when the customer's tenant is separate (T6)
        self._in_main = main
        self._main = UnitOfWork(router.main_factory, operator, write=write)
        self._data: UnitOfWork | None = None
        self.scope: TenantScope = TenantScope()

    @property
    def session(self) -> Session:
        return self._data.session if self._data is not None else self._main.session

    @property
    def main_session(self) -> Session:
        return self._main.session

    @property
    def separate(self) -> bool:
        return self._data is not None

    def __enter__(self) -> Self:
        self._main.__enter__()
        try:
            self.scope = load_tenant_scope(self._main.session, self.operator)
            factory = self._router.main_factory if self._in_main else self._router.factory_for(self.tenant_id)
            if factory is not self._router.main_factory:
                self._data = UnitOfWork(factory, self.operator, write=self._write)
                self._data.__enter__()
                # Audit goes to the main database, not into the tenant's own (see the module docs).
                self._data.audit_flush = self._after_data_flush
        except BaseException as exc:
            self._main.__exit__(type(exc), exc, exc.__traceback__)
            raise
        return self

    def _after_data_flush(self, session: Session) -> None:
        from mandant_desktop.db.models import Base, Tenant

        rows: list[dict[str, Any]] = []
        for action, objects in (("create", session.new), ("update", session.dirty), ("delete", session.deleted)):
            for obj in objects:
                if not isinstance(obj, Base) or isinstance(obj, Tenant):
                    continue
                if action == "update" and not session.is_modified(obj, include_collections=False):
                    continue
                changes = uow_module._changes(obj, action)
                if action == "update" and not changes:
                    continue
                rows.append(
                    {
                        "object_type": type(obj).__name__,
                        "object_id": uow_module._object_id(obj),
                        "action": action,
                        "changes": changes,
                        "tenant_id": uow_module._tenant_of(obj),
                    }
                )
        self._main.audit_many(rows, recorded=True)  # the data unit of work captured them

    def audit(self, object_type: str, object_id: object, action: str, **kwargs: Any) -> None:
        self._main.audit(object_type, object_id, action, recorded=self._data_watching(), **kwargs)

    def _data_watching(self) -> bool:
        return self._data is not None and self._data._watching > 0

    def watch(self, model: type[Base], where: Any) -> AbstractContextManager[None]:
        """:meth:`UnitOfWork.watch` in the database that holds the tenant's data."""
        return (self._data or self._main).watch(model, where)

    def commit(self) -> None:
        from sqlalchemy.orm.exc import StaleDataError

        if self._data is not None:
            try:
                self._data.session.flush()
            except StaleDataError:
                raise _conflict() from None
            self._data.commit()
            try:
                self._main.commit()
            except Exception:
                log.error("tenant %s: data saved, but its audit entries could not be written", self.tenant_id)
                raise
        else:
            self._main.commit()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self._data is not None:
                self._data.__exit__(exc_type, exc, tb)
        finally:
            self._main.__exit__(exc_type, exc, tb)


def _conflict() -> Exception:
    from sqlalchemy.orm.exc import StaleDataError

    translated = translate_db_error(StaleDataError())
    assert translated is not None
    return translated


def sessions_for(
    router: TenantDataRouter, visible: frozenset[int] | None, operator: Operator
) -> Iterator[tuple[Session, set[int] | None]]:
    """Read sessions over every database that holds visible data, each with its tenant ids.

    A few databases, one query each: list views union the main database's rows with those of the
    visible separate tenants (T6). Each is a read-only unit of work of ``operator``, so that
    row-level security on PostgreSQL knows whom it serves (S1).
    """
    for url, ids in router.partition(visible).items():
        if ids is not None and not ids:
            continue
        factory = router.factory_for_url(url, next(iter(ids)) if ids else None)
        with UnitOfWork(factory, operator, write=False) as uow:
            yield uow.session, ids


def check_same_database(router: TenantDataRouter, tenant_id: int, other_ids: set[int]) -> None:
    """Person-roles and list members must live in the database of the object they belong to."""
    if not other_ids:
        return
    where = router.locations({tenant_id, *other_ids})
    home = where.get(tenant_id)
    if any(where.get(other) != home for other in other_ids):
        raise ValidationError(
            "Data of a separate tenant can only be combined with data of the same tenant: it lives in another database."
        )
