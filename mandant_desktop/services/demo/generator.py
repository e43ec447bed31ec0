"""Fill an empty, migrated database with realistic German demo data (SPEC section 8, E9).

Everything is planned in memory first and then written with set-based Core inserts in chunks,
inside one transaction: the large scale (a million role assignments) must finish in minutes on
SQLite, which the ORM's unit of work could not do, and a cancel must leave nothing behind.

The generator is not a user's change, so it writes one summary audit entry with the counts
instead of one entry per row.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from sqlalchemy import Connection, Engine, Table, func, select, text

from mandant_desktop.db.bulk import insert_rows, keys_checked_after
from mandant_desktop.db.customer_search import filled_in_bulk
from mandant_desktop.db.engine import make_session_factory
from mandant_desktop.db.models import (
    Base,
    OrgUnit,
    Permission,
    PermissionScope,
    RightsGroup,
    RightsGroupKind,
    Role,
    Tenant,
    User,
    utcnow,
)
from mandant_desktop.domain import mail_texts
from mandant_desktop.domain.errors import DomainError, ValidationError
from mandant_desktop.domain.permissions import PREDEFINED_ROLES, SYSTEM_RIGHTS_GROUPS
from mandant_desktop.domain.translatable import QT_TRANSLATE_NOOP
from mandant_desktop.services.demo.audit import make_audit_history
from mandant_desktop.services.demo.config import SCALES, Scale, ScaleConfig
from mandant_desktop.services.demo.context import DemoContext, TableRows, chunked
from mandant_desktop.services.demo.customers import make_customers
from mandant_desktop.services.demo.mails import make_outbox
from mandant_desktop.services.demo.org import build_org_tree, plan_roles
from mandant_desktop.services.demo.people import (
    ADMIN_PASSWORD,
    UniqueNames,
    activation_token_rows,
    make_staff,
    make_tenants,
    tenant_access_rows,
)
from mandant_desktop.services.demo.press import (
    PressData,
    make_distribution_lists,
    make_press_contacts,
    make_templates,
)
from mandant_desktop.services.mail import ACCOUNT_SETTING_KEY, AccountSettings, account_setting_value, write_setting
from mandant_desktop.services.operator import Operator, system_operator
from mandant_desktop.services.progress import CancelCheck, OperationCancelledError, StageProgress
from mandant_desktop.services.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

CHUNK_ROWS = 10_000
#: share of the progress bar the in-memory planning takes before the first insert
_PLANNING_SHARE = 0.05

#: tables whose ids the generator chooses (see ``DemoContext.next_ids``)
_OWN_ID_TABLES = (
    "tenant",
    "app_user",
    "org_unit",
    "customer",
    "rights_group",
    "contact",
    "person_role",
    "distribution_list",
)

#: translation context of the progress messages: the UI shows them in its language (through
#: ``QCoreApplication.translate``), the CLI in English as all its output
DEMO_CONTEXT = "demo"
#: the demo is a German installation (its people, firms, places and the seeds it follows): its
#: e-mail settings name German as the mail language, and its outbox is written in German (U4, E1)
DEMO_MAIL_LANGUAGE = "de"
PREPARING = QT_TRANSLATE_NOOP("demo", "Preparing demo data")
SAVING = QT_TRANSLATE_NOOP("demo", "Saving")
BUILDING_INDEXES = QT_TRANSLATE_NOOP("demo", "Building indexes")
#: progress message per table
STAGE_MESSAGES: dict[str, str] = {
    "tenant": QT_TRANSLATE_NOOP("demo", "Creating tenants"),
    "org_unit": QT_TRANSLATE_NOOP("demo", "Creating org units"),
    "app_user": QT_TRANSLATE_NOOP("demo", "Creating users"),
    "activation_token": QT_TRANSLATE_NOOP("demo", "Creating activation links"),
    "tenant_access": QT_TRANSLATE_NOOP("demo", "Granting tenant access"),
    "role_assignment": QT_TRANSLATE_NOOP("demo", "Assigning roles"),
    "inheritance_source": QT_TRANSLATE_NOOP("demo", "Setting up role inheritance"),
    "customer": QT_TRANSLATE_NOOP("demo", "Creating customers"),
    "rights_group": QT_TRANSLATE_NOOP("demo", "Creating rights groups"),
    "rights_group_permission": QT_TRANSLATE_NOOP("demo", "Granting portal rights"),
    "contact": QT_TRANSLATE_NOOP("demo", "Creating contacts"),
    "person_role": QT_TRANSLATE_NOOP("demo", "Creating person roles"),
    "rights_group_member": QT_TRANSLATE_NOOP("demo", "Filling rights groups"),
    "customer_contact_person": QT_TRANSLATE_NOOP("demo", "Assigning contact persons"),
    "distribution_list": QT_TRANSLATE_NOOP("demo", "Creating distribution lists"),
    "distribution_list_member": QT_TRANSLATE_NOOP("demo", "Filling distribution lists"),
    "template": QT_TRANSLATE_NOOP("demo", "Creating templates"),
    "audit_log": QT_TRANSLATE_NOOP("demo", "Writing the change history"),
    "outbox_mail": QT_TRANSLATE_NOOP("demo", "Filling the outbox"),
}


@dataclass(frozen=True, slots=True)
class DemoReport:
    scale: str
    seed: int
    #: rows written per table, in insertion order
    counts: dict[str, int]
    seconds: float

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def generate_demo(
    engine: Engine,
    *,
    scale: Scale = "small",
    seed: int = 1,
    progress: StageProgress | None = None,
    cancel: CancelCheck | None = None,
    operator: Operator | None = None,
    translate: Callable[[str], str] | None = None,
) -> DemoReport:
    """Generate demo data into ``engine``'s database, which must be migrated and hold no tenants,
    users or org units. Deterministic for a seed, apart from timestamps and the salted hash.

    The operator is ``admin`` with password ``mandant-demo``. Raises :class:`DomainError` when the
    database is not empty and :class:`OperationCancelledError` when ``cancel()`` turned true;
    nothing is written in either case. The demo's mail language is German (:data:`DEMO_MAIL_LANGUAGE`,
    stored in its e-mail settings): ``translate`` writes the outbox's mails in it when it can write
    German (``mail_texts.MailTranslate``, as the UI's and the CLI's can); a plain function writes
    them in its own language, none in English, and each mail records which.
    ``progress(message, fraction)`` gets English source strings of context :data:`DEMO_CONTEXT`
    (:data:`STAGE_MESSAGES`), for the UI to translate.
    """
    config = SCALES.get(scale)
    if config is None:
        raise ValidationError("Unknown demo scale {scale}; use small or large.", field="scale", scale=scale)
    started = time.perf_counter()
    report = progress or _no_progress
    is_cancelled = cancel or _never
    actor = operator or system_operator("demo")
    # One argon2id hash, reused by every demo user that has a password: hashing 10,000 passwords
    # one by one would take minutes. They all log in with the admin's demo password.
    password_hash = PasswordHasher().hash(ADMIN_PASSWORD)
    report(PREPARING, 0.0)
    with UnitOfWork(make_session_factory(engine), actor) as uow:
        connection = uow.session.connection()
        _refuse_unless_empty(connection)
        ctx = _context(connection, config, random.Random(seed), password_hash, actor.username)
        tables = _plan(ctx, is_cancelled, seed, mail_texts.for_language(translate, DEMO_MAIL_LANGUAGE))
        # Customers enter the search index in one statement at the end (five times faster on SQLite);
        # on PostgreSQL the big tables get their keys checked and indexes built at the end.
        with filled_in_bulk(connection), keys_checked_after(connection, _bulk_tables(tables)):
            counts = _insert_all(connection, tables, report, is_cancelled)
            # What the two blocks do at their end: the search index, keys and indexes.
            report(BUILDING_INDEXES, 1.0)
        _advance_sequences(connection, ctx)
        _analyze(connection, counts)
        write_setting(
            uow.session,
            ACCOUNT_SETTING_KEY,
            account_setting_value(AccountSettings(mail_language=DEMO_MAIL_LANGUAGE)),
        )
        uow.audit(
            "DemoData",
            f"{scale}:{seed}",
            "create",
            changes={"scale": [None, scale], "seed": [None, seed], **{t: [None, n] for t, n in counts.items()}},
            summary="demo data generated",
        )
        _check(is_cancelled)
        report(SAVING, 1.0)
        uow.commit()
    _after_commit(engine, counts)
    seconds = time.perf_counter() - started
    log.info("demo data (%s, seed %d): %d rows in %.1f s", scale, seed, sum(counts.values()), seconds)
    return DemoReport(scale=scale, seed=seed, counts=counts, seconds=seconds)


def _no_progress(_message: str, _fraction: float) -> None:
    return None


def _never() -> bool:
    return False


def _refuse_unless_empty(connection: Connection) -> None:
    counts = {
        key: connection.scalar(select(func.count()).select_from(model)) or 0
        for key, model in (("tenants", Tenant), ("users", User), ("org_units", OrgUnit))
    }
    if any(counts.values()):
        # Counts, not a list of English words: the template is translated, its values are not.
        raise DomainError(
            "Demo data goes into an empty database only; this one already holds data "
            "(tenants: {tenants}, users: {users}, org units: {org_units}).",
            **counts,
        )


def _context(
    connection: Connection, config: ScaleConfig, rng: random.Random, password_hash: str, by: str
) -> DemoContext:
    """Look up what the upgrade created (predefined roles, system rights groups, permissions)."""
    roles = {
        key: role_id
        for key, role_id in connection.execute(
            select(Role.predefined_key, Role.id).where(Role.predefined_key.is_not(None))
        )
        if key is not None
    }
    groups = {
        name: group_id
        for name, group_id in connection.execute(
            select(RightsGroup.name, RightsGroup.id).where(RightsGroup.kind == RightsGroupKind.SYSTEM)
        )
    }
    missing_roles = [r.key for r in PREDEFINED_ROLES if r.key not in roles]
    missing_groups = [name for name, _ in SYSTEM_RIGHTS_GROUPS if name not in groups]
    if missing_roles or missing_groups:
        raise DomainError(
            "The database lacks {what} of the permission catalogue; upgrade the database first.",
            what=", ".join(missing_roles + missing_groups),
        )
    portal = tuple(
        connection.scalars(
            select(Permission.code).where(Permission.scope == PermissionScope.PORTAL).order_by(Permission.code)
        )
    )
    next_ids = {}
    for name in _OWN_ID_TABLES:
        table = _table(name)
        next_ids[name] = (connection.scalar(select(func.max(table.c.id))) or 0) + 1
    return DemoContext(
        rng=rng,
        config=config,
        now=utcnow().replace(microsecond=0),
        by=by[:100],
        next_ids=next_ids,
        roles=roles,
        system_groups=groups,
        portal_codes=portal,
        password_hash=password_hash,
    )


def _plan(ctx: DemoContext, is_cancelled: CancelCheck, seed: int, translate: Callable[[str], str]) -> list[TableRows]:
    """Every row, in an order that satisfies the foreign keys."""
    usernames, emails = UniqueNames(), UniqueNames()
    tenants = make_tenants(ctx)
    tree = build_org_tree(ctx)
    staff = make_staff(ctx, usernames, emails)
    _check(is_cancelled)
    # Two active users go without any role: the users page then shows its "cannot log in"
    # warning on someone who is otherwise complete (SPEC U1, R3).
    active_staff = [u for u in staff.active if u != staff.admin_id]
    roles = plan_roles(
        ctx,
        tree,
        admin_id=staff.admin_id,
        dpo_id=active_staff[0] if active_staff else None,
        staff=staff.others,
        without_roles=active_staff[-2:] if len(active_staff) > 3 else [],
    )
    _check(is_cancelled)
    customers = make_customers(ctx, tenants, staff, usernames, emails)
    press = PressData()
    make_press_contacts(ctx, tenants, emails, press)
    make_distribution_lists(ctx, tenants, customers.person_roles + press.person_roles, press)
    make_templates(ctx, tenants, press)
    _check(is_cancelled)
    access = tenant_access_rows(ctx, tenants, staff)
    tokens = activation_token_rows(ctx, staff.pending)
    outbox = make_outbox(ctx, staff, tokens, seed, translate)
    members = customers.member_rows(ctx)
    sources = roles.source_rows(ctx)

    def rows(table: str, items: list[dict[str, Any]]) -> TableRows:
        return TableRows(table, items, len(items))

    return [
        rows("tenant", tenants.rows),
        rows("org_unit", tree.rows(ctx)),
        rows("app_user", staff.rows),
        rows("activation_token", tokens),
        rows("tenant_access", access),
        TableRows("role_assignment", roles.assignment_rows(ctx), roles.count),
        rows("inheritance_source", sources),
        rows("customer", customers.rows),
        rows("rights_group", customers.groups),
        rows("rights_group_permission", customers.group_permissions),
        rows("contact", customers.contacts + press.contacts),
        rows("person_role", customers.person_roles + press.person_roles),
        rows("app_user", customers.external_users),
        rows("rights_group_member", members),
        rows("customer_contact_person", customers.contact_persons),
        rows("distribution_list", press.lists),
        rows("distribution_list_member", press.list_members),
        rows("template", press.templates),
        rows("audit_log", make_audit_history(ctx, tenants, staff, customers)),
        rows("outbox_mail", outbox),
    ]


def _bulk_tables(tables: list[TableRows]) -> list[Table]:
    """The tables that get more than a chunk of rows: PostgreSQL checks their keys and builds their
    indexes once at the end (the small scale leaves every table as it is)."""
    rows: dict[str, int] = {}
    for part in tables:
        rows[part.table] = rows.get(part.table, 0) + part.count
    return [_table(name) for name, count in rows.items() if count > CHUNK_ROWS]


def _insert_all(
    connection: Connection, tables: list[TableRows], report: StageProgress, is_cancelled: CancelCheck
) -> dict[str, int]:
    total = sum(t.count for t in tables) or 1
    done = 0
    counts: dict[str, int] = {}
    for part in tables:
        table = _table(part.table)
        message = STAGE_MESSAGES[part.table]
        report(message, _PLANNING_SHARE + (1 - _PLANNING_SHARE) * done / total)
        for chunk in chunked(part.rows, CHUNK_ROWS):
            _check(is_cancelled)
            insert_rows(connection, table, chunk)
            done += len(chunk)
            counts[part.table] = counts.get(part.table, 0) + len(chunk)
            report(message, _PLANNING_SHARE + (1 - _PLANNING_SHARE) * done / total)
        counts.setdefault(part.table, 0)
    return counts


def _advance_sequences(connection: Connection, ctx: DemoContext) -> None:
    """PostgreSQL's serial sequences do not see explicitly given ids; move them past the demo rows
    so the next row the application inserts gets a free id. SQLite and MariaDB do this by
    themselves."""
    if connection.dialect.name != "postgresql":
        return
    for name in ctx.used_ids:
        # Table names come from _OWN_ID_TABLES, never from input.
        connection.execute(
            text(f"SELECT setval(pg_get_serial_sequence(:table, 'id'), (SELECT MAX(id) FROM {name}))"),
            {"table": name},
        )


def _analyze(connection: Connection, counts: dict[str, int]) -> None:
    """PostgreSQL: statistics for the tables just filled, so that the first queries on the demo are
    planned for its sizes (a server without autovacuum never gathers them; one with it waits a
    minute or more). ANALYZE inside the transaction samples its own new rows. MariaDB: after the
    commit (:func:`_after_commit`); SQLite plans without such statistics."""
    if connection.dialect.name != "postgresql":
        return
    # Table names come from the plan and _SEEDED, never from input.
    connection.exec_driver_sql("ANALYZE " + ", ".join(_statistics_tables(counts)))


#: tables the migrations fill (the predefined roles and their permissions), which the demo does not:
#: without statistics PostgreSQL plans them from their size on disk, and a server with autovacuum
#: has gathered them long before anyone loads a demo, so the demo gathers them too (its figures
#: are measured as such a server plans; e8c41d2 is a plan that changed with them)
_SEEDED = ("role", "permission", "role_permission")


def _statistics_tables(counts: dict[str, int]) -> list[str]:
    """The tables to analyse after the demo: those it filled and those the migrations filled."""
    filled = [name for name, count in counts.items() if count]
    return filled + [name for name in _SEEDED if name not in filled]


def _after_commit(engine: Engine, counts: dict[str, int]) -> None:
    """What a server does for freshly loaded tables by itself some minutes later, done at once for
    the tables just filled, once their rows are committed.

    MariaDB/MySQL: fresh index statistics (``ANALYZE TABLE``, which commits implicitly, so it cannot
    run inside the demo's transaction). InnoDB recalculates statistics by itself in the background,
    but right after the demo the optimizer still held a row per key for ``role_assignment``'s role
    index and read a user's permissions at log-in through every assignment of a role: 4.4 to 8.7 s
    instead of 90 ms, for minutes after the load (EXPLAIN, issue 8). ``ANALYZE TABLE`` samples a few
    pages per index.

    PostgreSQL: ``VACUUM``, which marks the new rows' pages all-visible. Until then an index-only
    scan reads every row's table page as well: one user's permissions in all 5,000 units of the
    large demo took 11 ms instead of 6 (the 5,000 assignments read twice). Autovacuum does the same
    a minute or so after the load, but a server with autovacuum off (as the CI machine's) never
    does. VACUUM cannot run in a transaction, hence its own connection in autocommit; a table the
    loading user does not own is skipped by the server with a warning. About 5 s for the large
    demo."""
    names = _statistics_tables(counts)
    if not names or engine.dialect.name not in ("mysql", "postgresql"):
        return
    preparer = engine.dialect.identifier_preparer
    # Table names come from the plan and _SEEDED, never from input.
    tables = ", ".join(preparer.quote(name) for name in names)
    if engine.dialect.name == "mysql":
        with engine.connect() as connection:
            connection.exec_driver_sql(f"ANALYZE TABLE {tables}").all()
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(f"VACUUM {tables}")


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _check(is_cancelled: CancelCheck) -> None:
    if is_cancelled():
        raise OperationCancelledError("Demo data generation cancelled; nothing was saved.")
