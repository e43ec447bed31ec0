"""``mandant-desktop`` / ``python -m mandant_desktop``: the GUI (SPEC section 9).

Exit codes: 0 ok, 2 usage or no display, 3 database unreachable or log-in refused, 4 schema too new
or upgrade declined, 5 the screenshot could not be written, 1 anything unexpected.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mandant_desktop.services.password_check import PasswordCheck

PAGE_IDS = (
    "tenants",
    "users",
    "roles",
    "assignments",
    "org-units",
    "customers",
    "contacts",
    "audit",
    "settings",
    "outbox",
)

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mandant-desktop",
        description="Administration of tenants, users, roles, org units and customers.",
        epilog="MANDANT_DB_URL sets the database (--db wins); MANDANT_USER and MANDANT_PASSWORD log in "
        "without the log-in dialog.",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="URL", help="database URL or SQLite file (default: the last used profile)")
    where.add_argument("--demo", action="store_true", help="the demo database, filled with demo data on first start")
    parser.add_argument("--screenshot", metavar="PNG", help="render --page offscreen to PNG and exit")
    parser.add_argument("--page", choices=PAGE_IDS, help="the page to show (with --screenshot: to render)")
    parser.add_argument("--lang", choices=("de", "en"), help="language of the UI for this run")
    parser.add_argument(
        "--scheme", choices=("system", "light", "dark"), help="colour scheme for this run (default: the setting)"
    )
    parser.add_argument(
        "--scale",
        type=_scale_factor,
        metavar="FACTOR",
        help="scale the UI by FACTOR, e.g. 1.5 or 2 (sets QT_SCALE_FACTOR; for screenshots at high DPI)",
    )
    return parser


def _scale_factor(text: str) -> float:
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0.5 <= value <= 4:
        raise argparse.ArgumentTypeError("the scale factor must lie between 0.5 and 4 (50 % to 400 %)")
    return value


def display_missing(environ: os._Environ[str] | dict[str, str] | None = None) -> bool:
    """True on a Linux machine where Qt would find no display and abort."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def _start_password_check(args: argparse.Namespace) -> PasswordCheck | None:
    """With MANDANT_USER and MANDANT_PASSWORD and a database named at launch, the password's argon2
    check starts now, on its own thread, while the main thread imports SQLAlchemy, the window and
    the page (issue 8). On SQLite and PostgreSQL that thread reads the stored hash with the driver
    alone, before SQLAlchemy is imported (``db.driver_read``); other URLs are read through SQLAlchemy
    Core first. The log-in still reads and checks everything itself (SPEC S1)."""
    from mandant_desktop import bootstrap
    from mandant_desktop.db.driver_read import hash_reader
    from mandant_desktop.domain.validation import name_key
    from mandant_desktop.services.password_check import PasswordCheck

    credentials = bootstrap.credentials_from_environment()
    url = bootstrap.demo_database_url() if args.demo else bootstrap.database_url_from_environment(args.db)
    if credentials is None or not url:
        return None
    username, password = credentials
    read = hash_reader(url, name_key(username))
    if read is not None:
        return PasswordCheck(None, password, read=read)
    return bootstrap.start_password_check(url, username, password)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.screenshot and not args.page:
        parser.error("--screenshot needs --page")
    if args.scale:
        # Read by Qt when the application starts, so it must be set before.
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    if args.screenshot:
        # Rendering needs no screen; set before Qt starts, so it also works over ssh and in CI.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif display_missing():
        print(
            "mandant-desktop: no display found; run it on a virtual one with `xvfb-run mandant-desktop`, or render "
            "a page for automation with `--screenshot out.png --page tenants` (offscreen, no window).",
            file=sys.stderr,
        )
        return EXIT_USAGE

    # No cyclic collection while the start creates its long-lived objects (modules, classes, the
    # ORM's mappers): the collector would walk them again and again for nothing. Once running, the
    # GUI thread collects (ui.collector); the launcher freezes what the start left (issue 8).
    collecting = gc.isenabled()
    gc.disable()
    try:
        precheck = _start_password_check(args)
        from mandant_desktop.ui.launcher import run

        return run(args, precheck=precheck)
    finally:
        if collecting:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
