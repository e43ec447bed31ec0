"""``mandant-admin``: headless administration (SPEC E9, section 9).

Commands::

    mandant-admin db upgrade [--backup-dir DIR] [--yes]
    mandant-admin db check [--json]
    mandant-admin demo --scale small|large [--seed N]
    mandant-admin export assignments|access|customers OUT.xlsx
    mandant-admin user activate TOKEN [--new-password-stdin]

Every command takes ``--db URL`` (default: ``$MANDANT_DB_URL``, else the default SQLite file in
the user data directory) and ``--password-stdin``, which reads a server password from the first
line of standard input so that it never shows in the process list or the shell history. The CLI
acts as the system operator ``mandant-admin``; its changes are audited under that name.

Exit codes:

====  ==========================================================================
0     success
1     unexpected failure (a bug: the traceback goes to standard error)
2     usage error (unknown command, bad option)
3     database unreachable, bad database URL or wrong password
4     schema too new for this program, or upgrade refused / not done
5     missing database file, or the output file cannot be written
6     refused by a business rule (e.g. demo data into a non-empty database)
130   interrupted (Ctrl+C); nothing was saved
====  ==========================================================================

Expected failures print one line, ``mandant-admin: error: …``, and no traceback. Start-up stays
fast because the database layer, argon2 and openpyxl are imported only by the commands that use
them.
"""

from __future__ import annotations

import argparse
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

if TYPE_CHECKING:
    from sqlalchemy import Engine

PROG = "mandant-admin"

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3
EXIT_SCHEMA = 4
EXIT_FILE = 5
EXIT_REFUSED = 6
EXIT_INTERRUPTED = 130

OPERATOR_NAME = "mandant-admin"

__all__ = [
    "EXIT_DATABASE",
    "EXIT_FAILURE",
    "EXIT_FILE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_SCHEMA",
    "EXIT_USAGE",
    "build_parser",
    "main",
]


class CliError(Exception):
    """An expected failure with its exit code; the message is printed as one line."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


# --------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{PROG}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from mandant_desktop import __version__

    database = _Parser(add_help=False)
    database.add_argument(
        "--db",
        metavar="URL",
        help="database URL or SQLite file (default: $MANDANT_DB_URL, else the default SQLite file)",
    )
    database.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the database password from the first line of standard input",
    )

    parser = _Parser(prog=PROG, description="Headless administration of a mandant_desktop database.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    db = commands.add_parser("db", help="upgrade or check the database schema")
    db.set_defaults(help_parser=db)
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", parser_class=_Parser)
    upgrade = db_commands.add_parser("upgrade", parents=[database], help="bring the schema up to date")
    upgrade.add_argument("--backup-dir", type=Path, metavar="DIR", help="where SQLite backups go (default: beside)")
    upgrade.add_argument("--yes", action="store_true", help="upgrade a server database without asking")
    upgrade.set_defaults(handler=_cmd_db_upgrade)
    check = db_commands.add_parser("check", parents=[database], help="show schema revision, backend and counts")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.set_defaults(handler=_cmd_db_check)

    demo = commands.add_parser("demo", parents=[database], help="fill an empty database with demo data")
    demo.add_argument("--scale", choices=("small", "large"), required=True)
    demo.add_argument("--seed", type=int, default=1, help="random seed; one seed always gives the same data")
    demo.set_defaults(handler=_cmd_demo)

    export = commands.add_parser("export", help="write an Excel export")
    export.set_defaults(help_parser=export)
    export_kinds = export.add_subparsers(dest="kind", metavar="KIND", parser_class=_Parser)
    for kind, text in (
        ("assignments", "role assignments: user, e-mail, org unit, role, inherited"),
        ("access", "tenant access: one row per user and tenant"),
        ("customers", "the customer table"),
    ):
        sub = export_kinds.add_parser(kind, parents=[database], help=text)
        sub.add_argument("output", type=Path, metavar="OUT.xlsx")
        sub.set_defaults(handler=_cmd_export)

    imports = commands.add_parser("import", help="read an Excel file in (all rows or none)")
    imports.set_defaults(help_parser=imports)
    import_kinds = imports.add_subparsers(dest="kind", metavar="KIND", parser_class=_Parser)
    for kind, text in (
        ("assignments", "role assignments, in the layout of 'export assignments'"),
        ("users", "internal users: user name, e-mail, first name, last name, SSO"),
        ("customers", "customers, in the layout of 'export customers'"),
    ):
        sub = import_kinds.add_parser(kind, parents=[database], help=text)
        sub.add_argument("file", type=Path, metavar="FILE.xlsx")
        sub.add_argument("--dry-run", action="store_true", help="check the file and show what would change")
        sub.set_defaults(handler=_cmd_import)

    user = commands.add_parser("user", help="user accounts")
    user.set_defaults(help_parser=user)
    user_commands = user.add_subparsers(dest="user_command", metavar="ACTION", parser_class=_Parser)
    activate = user_commands.add_parser(
        "activate", parents=[database], help="activate an account with the token of its activation link"
    )
    activate.add_argument("token", metavar="TOKEN", help="the token from the activation link")
    activate.add_argument(
        "--new-password-stdin",
        action="store_true",
        help="read the account's new password from standard input (after the database password, if any)",
    )
    activate.set_defaults(handler=_cmd_user_activate)
    return parser


# --------------------------------------------------------------------------- entry point


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        getattr(args, "help_parser", parser).print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return handler(args)
    except CliError as exc:
        return _fail(str(exc), exc.code)
    except KeyboardInterrupt:
        return _fail("interrupted; nothing was saved", EXIT_INTERRUPTED)
    except Exception as exc:
        code = _exit_code(exc)
        if code is None:
            traceback.print_exc(file=sys.stderr)
            return _fail(f"unexpected failure: {type(exc).__name__}: {exc}", EXIT_FAILURE)
        return _fail(_message(exc), code)


def _exit_code(exc: BaseException) -> int | None:
    """The exit code of an expected failure, None for a bug."""
    from sqlalchemy.exc import DBAPIError

    from mandant_desktop.db.migrate import SchemaUpgradeError
    from mandant_desktop.domain.errors import DatabaseUnavailableError, DomainError, SchemaTooNewError
    from mandant_desktop.services.progress import OperationCancelledError
    from mandant_desktop.services.unit_of_work import translate_db_error

    if isinstance(exc, DatabaseUnavailableError):
        return EXIT_DATABASE
    if isinstance(exc, SchemaTooNewError | SchemaUpgradeError):
        return EXIT_SCHEMA
    if isinstance(exc, OperationCancelledError):
        return EXIT_INTERRUPTED
    if _is_file_error(exc):
        return EXIT_FILE
    if isinstance(exc, DomainError):
        return EXIT_REFUSED
    if isinstance(exc, DBAPIError):
        translated = translate_db_error(exc)
        if isinstance(translated, DatabaseUnavailableError):
            return EXIT_DATABASE
        if translated is not None:
            return EXIT_REFUSED
    return None


def _is_file_error(exc: BaseException) -> bool:
    if "mandant_desktop.services.imports" in sys.modules:
        from mandant_desktop.services.imports.core import ImportFileError

        if isinstance(exc, ImportFileError):
            return True
    if "mandant_desktop.services.xlsx" in sys.modules:
        from mandant_desktop.services.xlsx import ExportFileError

        return isinstance(exc, ExportFileError)
    return False


def _message(exc: BaseException) -> str:
    from mandant_desktop.services.unit_of_work import translate_db_error

    translated = translate_db_error(exc)
    text = str(translated if translated is not None else exc)
    return " ".join(text.split())  # driver messages span lines; the contract is one line


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr)
    return code


# --------------------------------------------------------------------------- database


def _database_url(args: argparse.Namespace) -> str:
    from mandant_desktop.bootstrap import database_url_from_environment, default_database_url

    return database_url_from_environment(args.db) or default_database_url()


def _read_password(args: argparse.Namespace, stdin: TextIO | None = None) -> str | None:
    if not args.password_stdin:
        return None
    line = (stdin or sys.stdin).readline()
    if not line:
        raise CliError("--password-stdin given, but standard input is empty", EXIT_USAGE)
    return line.rstrip("\r\n")


@contextmanager
def _open_engine(args: argparse.Namespace, *, must_exist: bool) -> Iterator[Engine]:
    """An engine that has connected once; the file of a SQLite URL must exist if ``must_exist``."""
    from mandant_desktop.db.engine import create_engine_for, normalize_url, sqlite_path, verify_connection

    url = normalize_url(_database_url(args))
    path = sqlite_path(url)
    if must_exist and url.get_backend_name() == "sqlite" and path is not None and not path.is_file():
        raise CliError(f"the database file {path} does not exist (create it with 'db upgrade')", EXIT_FILE)
    password = _read_password(args)
    try:
        engine = create_engine_for(url, password=password)
    except OSError as exc:  # a SQLite folder that cannot be created
        raise CliError(f"cannot open the database file {path}: {exc.strerror}", EXIT_FILE) from None
    try:
        verify_connection(engine)
        yield engine
    finally:
        engine.dispose()


def _require_current_schema(engine: Engine) -> None:
    from mandant_desktop.db.migrate import schema_status

    status = schema_status(engine)
    if status.state == "too_new":
        raise CliError(
            f"the database has schema {status.current}, newer than this program's {status.head}; "
            "install the newer version of the program",
            EXIT_SCHEMA,
        )
    if status.state != "current":
        raise CliError(
            f"the database schema is {status.current or 'not created'}, this program needs {status.head}; "
            f"run '{PROG} db upgrade' first",
            EXIT_SCHEMA,
        )


# --------------------------------------------------------------------------- commands


def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from mandant_desktop.db.migrate import SchemaStatus, upgrade_database

    def confirm(status: SchemaStatus) -> bool:
        if args.yes:
            return True
        if args.password_stdin or not sys.stdin.isatty():
            raise CliError(
                f"the server database needs an upgrade from {status.current} to {status.head}; "
                "confirm with --yes (make sure the server is backed up)",
                EXIT_SCHEMA,
            )
        answer = input(f"Upgrade the database from schema {status.current} to {status.head}? [y/N] ")
        return answer.strip().lower() in ("y", "yes", "j", "ja")

    with _open_engine(args, must_exist=False) as engine:
        report = upgrade_database(engine, backup_dir=args.backup_dir, confirm=confirm)
    before = report.before.current or "(empty)"
    after = report.after.current or "(empty)"
    if report.upgraded:
        print(f"Schema upgraded: {before} -> {after}")
    else:
        print(f"Schema already current: {after}")
    if report.backup_path is not None:
        print(f"Backup: {report.backup_path}")
    return EXIT_OK


def _cmd_db_check(args: argparse.Namespace) -> int:
    import json

    from mandant_desktop.db.migrate import check_database

    with _open_engine(args, must_exist=True) as engine:
        facts = check_database(engine)
    if args.json:
        print(json.dumps(facts, indent=2, default=str))
        return EXIT_OK
    print(f"Database: {facts['database']}")
    print(f"Backend:  {facts['backend']}")
    print(f"Schema:   {facts['revision'] or '(none)'} (this program: {facts['head']}; {facts['state']})")
    counts: dict[str, int | None] = facts["counts"]
    width = max((len(name) for name in counts), default=0)
    for name, count in counts.items():
        label = name.replace("_", " ")
        print(f"  {label:<{width}}  {'-' if count is None else count}")
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from mandant_desktop.db.migrate import schema_status, upgrade_database
    from mandant_desktop.services.demo import ADMIN_PASSWORD, ADMIN_USERNAME, generate_demo
    from mandant_desktop.services.operator import system_operator
    from mandant_desktop.ui.mail_texts import translate_mail  # the catalogue of the demo's mail language

    with _open_engine(args, must_exist=False) as engine:
        if schema_status(engine).state == "empty":
            # A brand-new database: nothing to back up or confirm, so create the schema here.
            upgrade_database(engine)
        _require_current_schema(engine)
        with _progress_line() as show, _cancel_on_interrupt() as cancelled:
            report = generate_demo(
                engine,
                scale=args.scale,
                seed=args.seed,
                progress=lambda message, fraction: show(f"{message} ... {fraction:.0%}"),
                cancel=cancelled,
                operator=system_operator(OPERATOR_NAME),
                translate=translate_mail,
            )
    print(f"Demo data ({report.scale}, seed {report.seed}): {report.total} rows in {report.seconds:.1f} s")
    for table, count in report.counts.items():
        print(f"  {table:<26} {count:>9}")
    print(f"Log in as {ADMIN_USERNAME} with password {ADMIN_PASSWORD}.")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from mandant_desktop.db.engine import make_session_factory
    from mandant_desktop.services import exports
    from mandant_desktop.services.operator import system_operator
    from mandant_desktop.services.xlsx import check_target

    output: Path = args.output
    check_target(output)  # before connecting: a typo in the folder should not cost a slow query
    kinds: dict[str, Callable[..., int]] = {
        "assignments": exports.export_assignments,
        "access": exports.export_access,
        "customers": exports.export_customers,
    }
    export = kinds[args.kind]
    with _open_engine(args, must_exist=True) as engine:
        _require_current_schema(engine)
        with _progress_line() as show, _cancel_on_interrupt() as cancelled:
            rows = export(
                make_session_factory(engine),
                system_operator(OPERATOR_NAME),
                output,
                progress=lambda done, total: show(f"{done} / {total} rows"),
                cancel=cancelled,
            )
    print(f"Wrote {rows} rows to {output}")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    """All rows or none (S8); row errors go to standard error as "row N, column C: message"."""
    from mandant_desktop.db.engine import make_session_factory
    from mandant_desktop.services.imports import ImportKind, ImportService
    from mandant_desktop.services.operator import system_operator

    path: Path = args.file
    if not path.is_file():
        raise CliError(f"the file {path} does not exist", EXIT_FILE)
    with _open_engine(args, must_exist=True) as engine:
        _require_current_schema(engine)
        service = ImportService(make_session_factory(engine))
        result = service.run(system_operator(OPERATOR_NAME), ImportKind(args.kind), path, dry_run=args.dry_run)
    for error in result.errors:
        where = f"row {error.row}" + (f", column {error.column}" if error.column else "")
        print(f"{PROG}: {where}: {error.error.message}", file=sys.stderr)
    if result.errors:
        return _fail(f"{len(result.errors)} errors in {path}; nothing was imported", EXIT_REFUSED)
    if args.dry_run:
        for line in result.preview:
            print(f"+ {line}")
        print(f"Dry run: {result.added} would be added, {result.unchanged} unchanged; nothing was written")
    else:
        print(f"Imported {path}: {result.added} added, {result.unchanged} unchanged")
    return EXIT_OK


def _cmd_user_activate(args: argparse.Namespace) -> int:
    """The activation that the portal performs, for headless use (SPEC U2): an SSO account needs
    only the token; any other account gets the password typed twice (or read from stdin)."""
    import getpass

    from mandant_desktop.bootstrap import make_secret_store
    from mandant_desktop.db.engine import make_session_factory
    from mandant_desktop.services.activation import ActivationService
    from mandant_desktop.services.mail import MailService
    from mandant_desktop.ui.mail_texts import translate_mail  # the confirmation in the mail language

    with _open_engine(args, must_exist=True) as engine:
        _require_current_schema(engine)
        factory = make_session_factory(engine)
        service = ActivationService(factory)
        info = service.token_info(args.token)
        password = repeated = None
        if info.needs_password:
            if args.new_password_stdin:
                line = sys.stdin.readline()
                if not line:
                    raise CliError("--new-password-stdin given, but standard input is empty", EXIT_USAGE)
                password = repeated = line.rstrip("\r\n")
            else:
                print(
                    f"Account {info.username} ({info.display_name}): choose a password "
                    f"of at least {info.password_min_length} characters."
                )
                password = getpass.getpass("New password: ")
                repeated = getpass.getpass("Repeat the password: ")
        username = service.activate(args.token, password, repeated, translate=translate_mail)
        sent = MailService(factory, make_secret_store).deliver_queued()
    print(f"The account {username} is active; the confirmation mail was {'sent' if sent else 'put in the outbox'}.")
    return EXIT_OK


# --------------------------------------------------------------------------- terminal helpers


@contextmanager
def _progress_line() -> Iterator[Callable[[str], None]]:
    """A progress line on standard error, redrawn in place; silent when stderr is not a terminal
    (scripts and logs want the result, not a thousand carriage returns)."""
    stream = sys.stderr
    live = stream.isatty()
    shown = False

    def show(text: str) -> None:
        nonlocal shown
        if live:
            stream.write(f"\r\x1b[K{text}")
            stream.flush()
            shown = True

    try:
        yield show
    finally:
        if shown:
            stream.write("\r\x1b[K")
            stream.flush()


@contextmanager
def _cancel_on_interrupt() -> Iterator[Callable[[], bool]]:
    """Ctrl+C asks the running service to cancel, so that it rolls back and removes its temporary
    file itself; a second Ctrl+C interrupts at once."""
    requested = False

    def handler(_signum: int, _frame: FrameType | None) -> None:
        nonlocal requested
        if requested:
            raise KeyboardInterrupt
        requested = True

    try:
        previous: Any = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield lambda: False
        return
    try:
        yield lambda: requested
    finally:
        signal.signal(signal.SIGINT, previous)


if __name__ == "__main__":
    sys.exit(main())
