"""The composition root: which database, opened how, and the services that work on it.

Both front ends start here: the GUI (``ui.app``) and the headless CLI (``cli``). Nothing else
creates engines or session factories.

Importing this module imports no SQLAlchemy (the engine set-up is imported when a database is
opened): a start reads its URL and credentials here and begins the log-in's password check before
SQLAlchemy is loaded (``__main__``, issue 8).
"""

from __future__ import annotations

import functools
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL
    from sqlalchemy.orm import Session, sessionmaker

    from mandant_desktop.db.migrate import SchemaStatus, UpgradeReport
    from mandant_desktop.services.access import AccessService
    from mandant_desktop.services.activation import ActivationService
    from mandant_desktop.services.assignments import AssignmentsService
    from mandant_desktop.services.audit import AuditService
    from mandant_desktop.services.auth import AuthService
    from mandant_desktop.services.changes import ChangeService
    from mandant_desktop.services.connection_guard import ConnectionGuard
    from mandant_desktop.services.contact_persons import ContactPersonService
    from mandant_desktop.services.contacts import ContactService
    from mandant_desktop.services.customer_contacts import CustomerContactService
    from mandant_desktop.services.customers import CustomerService
    from mandant_desktop.services.effective_permissions import EffectivePermissionsService
    from mandant_desktop.services.imports import ImportService
    from mandant_desktop.services.lists import ListService
    from mandant_desktop.services.mail import MailService
    from mandant_desktop.services.org_units import OrgUnitsService
    from mandant_desktop.services.password_check import PasswordCheck
    from mandant_desktop.services.profiles import ProfileStore
    from mandant_desktop.services.rights_groups import RightsGroupService
    from mandant_desktop.services.rights_naming import RightsNamingService
    from mandant_desktop.services.roles import RolesService
    from mandant_desktop.services.secrets import SecretStore
    from mandant_desktop.services.tenant_data import TenantDataRouter
    from mandant_desktop.services.tenants import TenantService
    from mandant_desktop.services.undo import UndoService
    from mandant_desktop.services.users import UsersService

log = logging.getLogger(__name__)

APP_NAME = "mandant_desktop"
ENV_DB_URL = "MANDANT_DB_URL"
ENV_USER = "MANDANT_USER"
ENV_PASSWORD = "MANDANT_PASSWORD"
DEFAULT_DB_FILE = "mandant.sqlite"
DEMO_DB_FILE = "demo.sqlite"


def data_dir() -> Path:
    """Per-user data directory (databases, backups, logs)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / DEFAULT_DB_FILE}"


def demo_database_url() -> str:
    return f"sqlite:///{data_dir() / DEMO_DB_FILE}"


def database_url_from_environment(explicit: str | None = None) -> str | None:
    """``--db`` wins over ``MANDANT_DB_URL``; None means "use the connection profile"."""
    if explicit:
        return explicit
    return os.environ.get(ENV_DB_URL) or None


def credentials_from_environment() -> tuple[str, str] | None:
    """``MANDANT_USER`` and ``MANDANT_PASSWORD`` (log-in without the dialog, for automation)."""
    user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
    return (user, password) if user and password is not None else None


def start_password_check(url: str, username: str, password: str) -> PasswordCheck | None:
    """Read the hash stored for ``username`` in ``url``'s database with SQLAlchemy Core and begin
    verifying ``password`` against it on a thread of its own, before the ORM is even imported
    (issue 8); the log-in takes the outcome (:class:`~mandant_desktop.services.password_check.PasswordCheck`).
    None when there is nothing to check ahead: a SQLite file that does not exist yet (the open
    creates and upgrades it), an unknown user, or a read that failed (the open reports why)."""
    from mandant_desktop.db.engine import create_engine_for, normalize_url, sqlite_path
    from mandant_desktop.services.password_check import PasswordCheck, stored_password_hash

    try:
        parsed = normalize_url(url)
        path = sqlite_path(parsed)
        if parsed.get_backend_name() == "sqlite" and (path is None or not path.is_file()):
            return None
        engine = create_engine_for(parsed)
        try:
            with engine.connect() as connection:
                stored = stored_password_hash(connection, username)
        finally:
            engine.dispose()
    except Exception as exc:  # any driver's error; the open that follows reports it in words
        log.debug("no early password check: %s", type(exc).__name__)
        return None
    return PasswordCheck(stored, password) if stored else None


def make_secret_store() -> SecretStore:
    from mandant_desktop.services.secrets import KeyringSecretStore

    return KeyringSecretStore()


def make_profile_store(secrets: SecretStore | None = None) -> ProfileStore:
    from mandant_desktop.services.profiles import ProfileStore

    return ProfileStore(config_dir() / "profiles.json", secrets or make_secret_store())


@dataclass
class Services:
    """The use cases, each bound to the session factory. Later features add theirs here.

    Each service is built (and its module imported) when first used, so that a start imports what
    the log-in and the first page need and no more: the export and import modules bring openpyxl,
    mail brings smtplib (issue 8).
    """

    session_factory: sessionmaker[Session]
    #: separate tenants' database passwords (tenants feature, SPEC T1-T12)
    secrets: SecretStore | None = None

    @functools.cached_property
    def auth(self) -> AuthService:
        from mandant_desktop.services.auth import AuthService

        return AuthService(self.session_factory)

    # users, roles and role assignment (issue 3)
    @functools.cached_property
    def users(self) -> UsersService:
        from mandant_desktop.services.users import UsersService

        return UsersService(self.session_factory)

    @functools.cached_property
    def activation(self) -> ActivationService:
        from mandant_desktop.services.activation import ActivationService

        return ActivationService(self.session_factory)

    @functools.cached_property
    def mail(self) -> MailService:
        from mandant_desktop.services.mail import MailService

        return MailService(self.session_factory, make_secret_store)

    @functools.cached_property
    def roles(self) -> RolesService:
        from mandant_desktop.services.roles import RolesService

        return RolesService(self.session_factory)

    @functools.cached_property
    def assignments(self) -> AssignmentsService:
        from mandant_desktop.services.assignments import AssignmentsService

        return AssignmentsService(self.session_factory)

    @functools.cached_property
    def effective_permissions(self) -> EffectivePermissionsService:
        """One user's permissions in every unit, for repeated checks (issue 8)."""
        from mandant_desktop.services.effective_permissions import EffectivePermissionsService

        return EffectivePermissionsService(self.session_factory)

    @functools.cached_property
    def org_units(self) -> OrgUnitsService:
        """The org-unit tree with role inheritance (issue 4)."""
        from mandant_desktop.services.org_units import OrgUnitsService

        return OrgUnitsService(self.session_factory)

    # customers (issue 6)
    @functools.cached_property
    def customers(self) -> CustomerService:
        from mandant_desktop.services.customers import CustomerService

        return CustomerService(self.session_factory)

    @functools.cached_property
    def rights_groups(self) -> RightsGroupService:
        from mandant_desktop.services.rights_groups import RightsGroupService

        return RightsGroupService(self.session_factory)

    @functools.cached_property
    def contact_persons(self) -> ContactPersonService:
        from mandant_desktop.services.contact_persons import ContactPersonService

        return ContactPersonService(self.session_factory)

    @functools.cached_property
    def customer_contacts(self) -> CustomerContactService:
        from mandant_desktop.services.customer_contacts import CustomerContactService

        return CustomerContactService(self.session_factory)

    @functools.cached_property
    def rights_naming(self) -> RightsNamingService:
        from mandant_desktop.services.rights_naming import RightsNamingService

        return RightsNamingService(self.session_factory)

    # tenants (SPEC T1-T12)
    @functools.cached_property
    def tenant_data(self) -> TenantDataRouter:
        from mandant_desktop.services.tenant_data import TenantDataRouter

        return TenantDataRouter(self.session_factory, self.secrets or make_secret_store())

    @functools.cached_property
    def tenants(self) -> TenantService:
        from mandant_desktop.services.tenants import TenantService

        return TenantService(self.session_factory, self.tenant_data)

    @functools.cached_property
    def access(self) -> AccessService:
        from mandant_desktop.services.access import AccessService

        return AccessService(self.session_factory)

    @functools.cached_property
    def contacts(self) -> ContactService:
        from mandant_desktop.services.contacts import ContactService

        return ContactService(self.tenant_data)

    @functools.cached_property
    def lists(self) -> ListService:
        from mandant_desktop.services.lists import ListService

        return ListService(self.tenant_data)

    # audit log and imports (issue 7)
    @functools.cached_property
    def audit(self) -> AuditService:
        from mandant_desktop.services.audit import AuditService

        return AuditService(self.session_factory)

    @functools.cached_property
    def imports(self) -> ImportService:
        from mandant_desktop.services.imports import ImportService

        return ImportService(self.session_factory)

    @functools.cached_property
    def changes(self) -> ChangeService:
        """Other workstations' changes (issue 7, SPEC E8)."""
        from mandant_desktop.services.changes import ChangeService

        return ChangeService(self.session_factory)

    @functools.cached_property
    def undo(self) -> UndoService:
        """Undo and redo of recorded changes (issue 9, SPEC E7)."""
        from mandant_desktop.services.undo import UndoService

        return UndoService(self.session_factory)

    @functools.cached_property
    def connection_guard(self) -> ConnectionGuard:
        from mandant_desktop.services.connection_guard import ConnectionGuard

        return ConnectionGuard(self.session_factory)

    def close(self) -> None:
        """Close the separate tenants' engines, if the router was ever built."""
        router = self.__dict__.get("tenant_data")
        if router is not None:
            router.close()


@dataclass
class AppContext:
    engine: Engine
    session_factory: sessionmaker[Session]
    services: Services
    display_url: str
    backend: str
    profile_name: str
    upgrade: UpgradeReport | None = None

    def close(self) -> None:
        self.services.close()
        self.engine.dispose()

    @property
    def server_version(self) -> str:
        """The database server's version as the driver reported it on connecting ("" when unknown);
        for SQLite the version of the library (About dialog)."""
        info = getattr(self.engine.dialect, "server_version_info", None)
        if not info:
            return ""
        return ".".join(str(part) for part in info)

    def ping(self) -> None:
        """One round trip to the database; DatabaseUnavailableError when it does not answer (SPEC S5)."""
        from mandant_desktop.db.engine import verify_connection

        verify_connection(self.engine)


class OrmWarmUpGate:
    """Keeps the ORM warm-up and the workers' database calls apart.

    Two threads importing ``sqlalchemy.orm`` at once can deadlock inside Python's import system: a
    worker importing ``sqlalchemy.orm.exc`` (``UnitOfWork.commit``) holds that module's lock while
    the warm-up, initializing the ``sqlalchemy.orm`` package, waits for it, and the worker in turn
    needs a module the warm-up holds. CPython 3.11 then raises ``_DeadlockError`` in one thread or
    hands it a partially initialized module (an AttributeError or ImportError far from the cause),
    and the ORM stays half imported. Any call may import the ORM lazily (a service, the models, a
    session), so the warm-up runs alone: once it is started, calls that begin wait for it, and it
    waits for the calls in flight (:meth:`work`); once it is done, calls only count themselves.
    """

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._working = 0
        self._loading = False

    @contextmanager
    def work(self) -> Iterator[None]:
        """Around a worker's call (the GUI's task runner wraps every task in it)."""
        with self._changed:
            self._changed.wait_for(lambda: not self._loading)
            self._working += 1
        try:
            yield
        finally:
            with self._changed:
                self._working -= 1
                self._changed.notify_all()

    @contextmanager
    def load(self) -> Iterator[None]:
        """Around the warm-up's imports: alone, calls that begin meanwhile held back until it is done."""
        with self._changed:
            # From now on calls wait, also while the ones in flight end: two calls importing the
            # ORM at once race each other just the same. The warm-up begins when the start page has
            # its data (or while the log-in dialog waits), when only short calls are in flight.
            self._loading = True
            self._changed.wait_for(lambda: self._working == 0)
        try:
            yield
        finally:
            with self._changed:
                self._loading = False
                self._changed.notify_all()


#: the gate of the warm-up (:func:`warm_up_orm`) and the workers' calls
orm_gate = OrmWarmUpGate()

#: the thread of :func:`warm_up_orm`, once started
_warm_up: threading.Thread | None = None
_warm_up_lock = threading.Lock()


def warm_up_orm(app: AppContext | None = None) -> threading.Thread:
    """Import ``sqlalchemy.orm`` and the models, configure the mappers and make ``app``'s
    sessionmaker, on a thread of its own; once per process, later calls return the same thread.

    A start gets to a usable window without the ORM (the log-in and the start page read through
    Core, issue 8); the first change or the next page needs it, about a fifth of a second of
    imports. The launcher calls this once the start page shows its data (or while the log-in
    dialog waits for the user), so that the user's first action does not wait for the imports.
    The imports run alone (:class:`OrmWarmUpGate`): they wait for the workers' calls in flight,
    and calls that begin meanwhile wait for them; ``configure_mappers`` takes its own lock.
    """
    global _warm_up
    with _warm_up_lock:
        if _warm_up is None:
            _warm_up = threading.Thread(target=_load_orm, args=(app,), name="orm-warm-up", daemon=True)
            _warm_up.start()
        return _warm_up


def _load_orm(app: AppContext | None) -> None:
    with orm_gate.load():
        _import_orm(app)


def _import_orm(app: AppContext | None) -> None:
    import importlib

    from sqlalchemy.orm import configure_mappers

    from mandant_desktop.db.engine import SessionFactory

    importlib.import_module("mandant_desktop.db.models")  # the mappers
    importlib.import_module("mandant_desktop.services.row_capture")  # every recorded change uses it
    configure_mappers()
    if app is not None and isinstance(app.session_factory, SessionFactory):
        _ = app.session_factory.maker


def open_database(
    url: str,
    *,
    password: str | None = None,
    profile_name: str = "",
    confirm_upgrade: Callable[[SchemaStatus], bool] | None = None,
    backup_dir: Path | None = None,
) -> AppContext:
    """Connect, upgrade the schema when needed (SPEC S9) and build the services.

    Raises ``DatabaseUnavailableError`` (cannot connect), ``SchemaTooNewError`` (the database is
    newer than this program) or ``DomainError`` (upgrade declined); the engine is disposed then.
    """
    from mandant_desktop.db.engine import (
        backend_name,
        create_engine_for,
        make_session_factory,
        normalize_url,
        verify_connection,
    )
    from mandant_desktop.db.migrate import upgrade_database

    parsed = normalize_url(url)
    engine = create_engine_for(parsed, password=password)
    try:
        verify_connection(engine)
        report = upgrade_database(engine, backup_dir=backup_dir, confirm=confirm_upgrade)
    except BaseException:
        engine.dispose()
        raise
    factory = make_session_factory(engine)
    return AppContext(
        engine=engine,
        session_factory=factory,
        services=Services(factory),
        display_url=parsed.render_as_string(hide_password=True),
        backend=backend_name(parsed),
        profile_name=profile_name or connection_label(parsed),
        upgrade=report,
    )


def connection_label(url: URL) -> str:
    """A short name for a database opened without a profile (``--db``): the file or database@host."""
    from mandant_desktop.db.engine import sqlite_path

    path = sqlite_path(url)
    if url.get_backend_name() == "sqlite":
        return path.name if path is not None else "SQLite (memory)"
    return f"{url.database or ''}@{url.host or 'localhost'}"


def database_is_empty(ctx: AppContext) -> bool:
    """No users and no tenants: a new database (the catalogue alone does not count)."""
    from sqlalchemy import func, select

    from mandant_desktop.db.models import Tenant, User

    with ctx.session_factory() as session:
        users = session.scalar(select(func.count()).select_from(User)) or 0
        tenants = session.scalar(select(func.count()).select_from(Tenant)) or 0
    return users == 0 and tenants == 0


def ensure_demo_data(
    ctx: AppContext,
    *,
    scale: str = "small",
    seed: int = 1,
    translate: Callable[[str], str] | None = None,
    progress: Callable[[str, float], None] | None = None,
) -> bool:
    """Fill an empty database with demo data; True when it did (``make run``). ``translate``: the
    language of the demo's mails; ``progress(message, fraction)``: the generator's progress, its
    messages English source strings (see :func:`~mandant_desktop.services.demo.generate_demo`)."""
    if not database_is_empty(ctx):
        return False
    from mandant_desktop.services.demo import generate_demo

    log.info("filling %s with %s demo data", ctx.display_url, scale)
    generate_demo(ctx.engine, scale=scale, seed=seed, translate=translate, progress=progress)  # type: ignore[arg-type]
    return True
