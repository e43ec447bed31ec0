"""Errors reach the user as messages, never as tracebacks or crashes (SPEC S5, E1)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from dbhelpers import MigratedDatabase
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from pytestqt.qtbot import QtBot
from tenanthelpers import add_user, operator, router
from uihelpers import FakeInteraction, program_environment

from mandant_desktop.db.models import Contact
from mandant_desktop.domain.errors import ConflictError, DomainError, InUseError, PermissionDeniedError, ValidationError
from mandant_desktop.services.tenants import TenantInput, TenantService
from mandant_desktop.services.undo_conflicts import UndoConflictError
from mandant_desktop.ui import interaction
from mandant_desktop.ui.app import setup_logging
from mandant_desktop.ui.errors import message_for, run_action
from mandant_desktop.ui.excepthook import EXIT_UNEXPECTED, ExceptionHook, has_display
from mandant_desktop.ui.i18n import LanguageManager


def raise_runtime_error() -> None:
    raise RuntimeError("secret internals: connection string with p4ssw0rd")


def test_unexpected_error_shows_a_friendly_dialog_and_logs_the_traceback(
    tmp_path: Path, interactions: FakeInteraction
) -> None:
    """S5: no traceback in the dialog; it says where the details were written."""
    log_file = setup_logging(tmp_path / "logs" / "mandant_desktop.log")
    assert log_file is not None
    hook = ExceptionHook(log_file)
    try:
        raise_runtime_error()
    except RuntimeError as exc:
        hook(type(exc), exc, exc.__traceback__)
    [shown] = interactions.of_kind("error")
    assert shown.title == "Unexpected error"
    assert f"The details were written to {log_file}." in shown.text
    assert "Traceback" not in shown.text
    assert "p4ssw0rd" not in shown.text and "RuntimeError" not in shown.text
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "raise_runtime_error" in logged
    setup_logging(tmp_path / "logs" / "other.log")  # let go of the file before tmp_path goes


def test_a_domain_error_in_the_hook_shows_only_its_message(interactions: FakeInteraction) -> None:
    hook = ExceptionHook(None)
    error = PermissionDeniedError("You lack the permission {permission} for this action.", permission="roles.edit")
    hook(type(error), error, None)
    [shown] = interactions.of_kind("error")
    assert shown.text == "You lack the permission Edit roles for this action."


def test_the_hook_is_installed_and_removed(interactions: FakeInteraction) -> None:
    previous = sys.excepthook
    hook = ExceptionHook(None)
    hook.install()
    try:
        assert sys.excepthook is hook
    finally:
        hook.uninstall()
    assert sys.excepthook is previous


def test_errors_from_worker_threads_are_shown_in_the_gui_thread(qtbot: QtBot, interactions: FakeInteraction) -> None:
    hook = ExceptionHook(None)
    shown_in: list[bool] = []
    real_error = interactions.error

    def record(parent: object, title: str, text: str) -> None:
        shown_in.append(threading.current_thread() is threading.main_thread())
        real_error(parent, title, text)  # type: ignore[arg-type]

    interactions.error = record  # type: ignore[method-assign]

    def worker() -> None:
        try:
            raise_runtime_error()
        except RuntimeError as exc:
            hook(type(exc), exc, exc.__traceback__)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(shown_in))
    assert shown_in == [True]


def test_run_action_reports_a_refusal_and_returns_none(interactions: FakeInteraction) -> None:
    def save() -> None:
        raise PermissionDeniedError("You lack the permission {permission} for this action.", permission="x.y")

    assert run_action(None, save) is None
    [shown] = interactions.of_kind("error")
    assert shown.title == "Cannot complete the action"
    assert shown.text == "You lack the permission x.y for this action."


def test_run_action_returns_the_result_when_all_is_well(interactions: FakeInteraction) -> None:
    assert run_action(None, lambda a, b: a + b, 2, 3) == 5
    assert not interactions.messages


def test_run_action_lets_programming_errors_through(interactions: FakeInteraction) -> None:
    with pytest.raises(RuntimeError):
        run_action(None, raise_runtime_error)


def test_message_for_survives_a_broken_translation() -> None:
    """A placeholder the template does not fill must not turn a refusal into a crash."""
    error = DomainError("Nothing {here}")
    assert message_for(error) == "Nothing {here}"
    assert message_for(ValueError("x")) == QCoreApplication.translate("errors", "An unexpected error occurred.")


def test_validation_field_fills_a_field_placeholder() -> None:
    error = ValidationError("Please enter a {field}.", field="profile name")
    assert message_for(error) == "Please enter a profile name."


def test_the_default_interaction_is_the_message_box_one() -> None:
    assert isinstance(interaction.get(), interaction.MessageBoxInteraction)


def test_conflict_and_field_names_are_shown_in_german(language: object) -> None:
    """S4, E1: a conflict names the kind of object and a validation error the input, in German; the
    moment of the conflict in the German format (the services write it as 2026-11-22 09:00:00)."""
    language.choose("de")  # type: ignore[attr-defined]
    conflict = ConflictError(
        "{who} changed this {object} at {when} while you were editing it. Nothing was saved; reload to see "
        "their change.",
        who="mia",
        when="2026-11-22 09:00:00",
        object="Tenant",
    )
    assert message_for(conflict).startswith("mia hat dieses Objekt (Mandant) am 22.11.2026 09:00 geändert")
    missing = ValidationError("Please enter a {field}.", field="first name")
    assert "{field}" not in message_for(missing) and "first name" not in message_for(missing)


def test_undo_refusals_name_the_kind_of_object_in_words_in_english(language: object) -> None:
    """E1, E7, S4: in English a refused undo and a conflict say "this org unit", as the German text
    says "Organisationseinheit", never the class name ("OrgUnit")."""
    language.choose("en")  # type: ignore[attr-defined]
    refused = UndoConflictError(
        "Cannot undo: {who} changed this {object} at {when} on workstation {workstation}, after your change. "
        "Nothing was changed.",
        who="rolf",
        when="2026-11-22 09:00:00",
        workstation="PC-ROLF",
        object="OrgUnit",
    )
    assert message_for(refused).startswith("Cannot undo: rolf changed this org unit at ")
    gone = UndoConflictError(
        "Cannot undo: data was added to this {object} afterwards. Nothing was changed.", object="RoleAssignment"
    )
    assert message_for(gone) == "Cannot undo: data was added to this role assignment afterwards. Nothing was changed."
    language.choose("de")  # type: ignore[attr-defined]
    assert "Organisationseinheit" in message_for(refused)


def test_every_model_has_an_english_word() -> None:
    """E1: every kind of object named in {object} has an English word besides its German one."""
    from mandant_desktop.ui.object_names import AUDIT_ONLY_NAMES, ENGLISH_NAMES, OBJECT_NAMES

    assert set(ENGLISH_NAMES) == set(OBJECT_NAMES) | set(AUDIT_ONLY_NAMES)
    assert all(word and word != kind for kind, word in ENGLISH_NAMES.items())


def test_every_model_has_a_translatable_name() -> None:
    """E1: every kind of object a service may name in {object} has an entry in the objects context."""
    from mandant_desktop.db.models import Base
    from mandant_desktop.ui.object_names import OBJECT_NAMES

    models = {mapper.class_.__name__ for mapper in Base.registry.mappers}
    assert models == set(OBJECT_NAMES)


def test_errors_of_python_threads_reach_the_installed_hook(qtbot: QtBot, interactions: FakeInteraction) -> None:
    """S5: a crash in a plain Python thread is logged and shown like any other, not just printed."""
    previous = threading.excepthook
    hook = ExceptionHook(None)
    hook.install()
    try:
        thread = threading.Thread(target=raise_runtime_error)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: bool(interactions.of_kind("error")))
    finally:
        hook.uninstall()
    assert threading.excepthook is previous
    [shown] = interactions.of_kind("error")
    assert shown.title == "Unexpected error"
    assert "p4ssw0rd" not in shown.text


def test_a_thread_ending_with_sys_exit_is_no_error(interactions: FakeInteraction) -> None:
    hook = ExceptionHook(None)
    hook.install()
    try:
        thread = threading.Thread(target=sys.exit)
        thread.start()
        thread.join()
    finally:
        hook.uninstall()
    assert not interactions.messages


def test_without_a_display_the_hook_logs_and_ends_the_event_loop(
    interactions: FakeInteraction, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S5 (a run without a display): no dialog that nobody could close; the event loop is told to
    end with exit code 1 -- not before one runs (that would end every later loop at once), but as
    soon as one does."""
    assert not has_display()  # the tests run on the offscreen platform
    loop = QEventLoop()
    told: list[int] = []

    def exit_the_loop(code: int = 0) -> None:
        # QCoreApplication.exit would end this test run's later loops too; this loop is the program's here
        told.append(code)
        loop.exit(code)

    monkeypatch.setattr(QCoreApplication, "exit", staticmethod(exit_the_loop))
    hook = ExceptionHook(None, interactive=False)
    try:
        try:
            raise_runtime_error()
        except RuntimeError as exc:
            hook(type(exc), exc, exc.__traceback__)  # no event loop runs yet
        assert not interactions.messages
        assert hook.exit_code == EXIT_UNEXPECTED
        assert told == []
        QTimer.singleShot(5000, lambda: loop.exit(99))  # what a hanging run would come to
        assert loop.exec() == EXIT_UNEXPECTED
        assert told == [EXIT_UNEXPECTED]
    finally:
        hook.uninstall()
        hook.deleteLater()


#: runs ``mandant-desktop`` with its arguments after it; a timer raises as soon as events are processed
_RAISES_AT_START = """
import sys
from PySide6.QtCore import QTimer
import mandant_desktop.ui.app as app_module

create_application = app_module.create_application


def raise_at_start():
    raise RuntimeError("raised while the program starts")


def create_and_raise(argv=None):
    app = create_application(argv)
    QTimer.singleShot(0, raise_at_start)
    return app


app_module.create_application = create_and_raise
from mandant_desktop.__main__ import main

sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("screenshot", [True, False], ids=["screenshot", "offscreen-window"])
def test_an_error_during_a_start_without_display_ends_the_run(admin_url: str, tmp_path: Path, screenshot: bool) -> None:
    """S5: started without a display (``--screenshot``, or offscreen as the start probe runs it), an
    error during the start ends the program within seconds with exit code 1, the traceback on
    stderr and in the log file; before, a modal dialog waited for nobody."""
    env = program_environment(tmp_path)
    command = [sys.executable, "-c", _RAISES_AT_START, "--db", admin_url, "--page", "tenants", "--lang", "en"]
    if screenshot:
        command += ["--screenshot", str(tmp_path / "shot.png")]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 1, done.stderr
    assert "Traceback" in done.stderr and "raised while the program starts" in done.stderr
    [log_file] = (tmp_path / "data").rglob("mandant_desktop.log")
    logged = log_file.read_text(encoding="utf-8")
    assert "raise_at_start" in logged and "RuntimeError: raised while the program starts" in logged


def test_a_tenant_that_holds_data_names_only_what_it_holds_in_good_german(
    migrated_sqlite: MigratedDatabase, language: LanguageManager
) -> None:
    """T1, E1: the refusal to delete a tenant listed every kind of data, zeros included, with one
    plural for all ("…, 0 Vorlagen, 1 Tochtermandanten"); it names only what the tenant holds, each
    in singular or plural ("3 Kontakte, 1 Tochtermandant"), in English on the command line too."""
    db = migrated_sqlite
    tenants = TenantService(db.session_factory, router(db))
    anna = operator(add_user(db.session_factory, "anna"), "anna")
    main_id = tenants.create_tenant(anna, TenantInput(name="Presse Nord"))
    tenants.create_tenant(anna, TenantInput(name="Presse Kiel", parent_id=main_id))
    with db.session_factory.begin() as session:
        session.add_all([Contact(tenant_id=main_id, last_name=f"Weber {i}") for i in range(3)])
    version = next(t.version for t in tenants.list_tenants(anna) if t.id == main_id)
    with pytest.raises(InUseError) as refused:
        tenants.delete_tenant(anna, main_id, version)
    assert (
        str(refused.value) == "The tenant Presse Nord cannot be deleted while it holds data: 3 contacts, 1 sub-tenant."
    )
    assert message_for(refused.value) == str(refused.value)  # English: no "1 sub-tenant(s)"
    language.choose("de")
    assert message_for(refused.value) == (
        "Der Mandant „Presse Nord“ kann nicht gelöscht werden, solange er Daten enthält: 3 Kontakte, 1 Tochtermandant."
    )


def test_a_refused_user_name_says_in_german_how_to_write_umlauts(language: object) -> None:
    """U2, E1: "jörg" as a user name is refused in German with the letters allowed and how to write
    ä, ö, ü and ß instead (it said "Buchstaben" are allowed, and ö is one)."""
    from mandant_desktop.domain import validation

    language.choose("de")  # type: ignore[attr-defined]
    try:
        validation.clean_username("jörg")
    except ValidationError as refused:
        assert "a–z ohne Umlaute und ß (schreiben Sie ae, oe, ue, ss)" in message_for(refused)
    else:
        raise AssertionError("jörg was accepted")


def test_amounts_in_a_message_are_written_as_the_language_writes_them(language: object) -> None:
    """E1, C2: "The quota may be at most 10000000 MB." read "höchstens 10000000 MB" in German; an
    amount has the locale's group separator, a customer number (text) stays as typed."""
    assert message_for(ValidationError("The quota may be at most {max} MB.", field="quota", max=10_000_000)) == (
        "The quota may be at most 10,000,000 MB."
    )
    language.choose("de")  # type: ignore[attr-defined]
    assert message_for(ValidationError("The quota may be at most {max} MB.", field="quota", max=10_000_000)) == (
        "Das Kontingent darf höchstens 10.000.000 MB betragen."
    )
    assert message_for(
        ValidationError(
            "The sheet has {rows} rows; an import takes at most {limit}. Split the file.", rows=250_000, limit=100_000
        )
    ).startswith("Das Tabellenblatt hat 250.000 Zeilen")
    assert message_for(ValidationError("The customer number {number} is already taken.", number="10000")) == (
        "Die Kundennummer 10000 ist bereits vergeben."
    )


def test_the_systems_reason_a_file_cannot_be_read_is_german_too(language: object, tmp_path: Path) -> None:
    """E1, S8, S7: an import of a file that is not there said "… kann nicht gelesen werden: No such
    file or directory" (Python's English ``strerror``); the reasons of the operating system are
    translated like the rest of the message. A reason the program does not know stays as it is."""
    from mandant_desktop.services.imports.core import check_file
    from mandant_desktop.services.xlsx import ExportFileError

    missing = tmp_path / "fehlt.xlsx"
    with pytest.raises(DomainError) as refused:
        check_file(missing)
    language.choose("de")  # type: ignore[attr-defined]
    assert message_for(refused.value) == f"{missing} kann nicht gelesen werden: Datei oder Ordner nicht gefunden"
    denied = ExportFileError("Cannot write to the folder {folder}: {reason}", folder="/srv", reason="Permission denied")
    assert message_for(denied).endswith(": Zugriff verweigert")
    odd = ExportFileError("Cannot write to the folder {folder}: {reason}", folder="/srv", reason="Stale file handle")
    assert message_for(odd).endswith(": Stale file handle")


def test_a_name_in_a_german_message_is_in_quotation_marks(language: object) -> None:
    """E1, S8, T1: a name in a German refusal stands in „…“, as elsewhere in the German UI; "Es gibt
    keinen Mandanten Gibt es nicht, oder …" (an import row naming a tenant that is not there) or
    "Den Mandanten Kunde: Brauerei Rothaus löschen?" did not tell the name from the sentence."""
    language.choose("de")  # type: ignore[attr-defined]
    missing = ValidationError("There is no tenant {name}, or it is not visible to you.", name="Gibt es nicht")
    assert message_for(missing) == "Es gibt keinen Mandanten „Gibt es nicht“, oder er ist für Sie nicht sichtbar."
    taken = ValidationError("A tenant named {name} exists already.", field="tenant name", name="Redaktion Nord")
    assert message_for(taken) == "Ein Mandant namens „Redaktion Nord“ existiert bereits."
    unit = ValidationError("There is already an org unit named {name} at this level.", name="Vertrieb Süd")
    assert message_for(unit) == "Auf dieser Ebene gibt es bereits eine Organisationseinheit namens „Vertrieb Süd“."


def test_a_failed_connection_says_in_german_what_to_check(language: object) -> None:
    """S5, S6, E1: a database the server does not have is named in German, before the server's own
    words; it said "Keine Verbindung zu …: connection failed: … FATAL: database "x" does not exist"."""
    from dbhelpers import POSTGRES_BASE, require_backend
    from sqlalchemy.engine import make_url

    from mandant_desktop.db.engine import create_engine_for, verify_connection

    require_backend("postgresql")
    engine = create_engine_for(make_url(POSTGRES_BASE).set(database="mandant_nicht_da").render_as_string(False))
    try:
        with pytest.raises(DomainError) as refused:
            verify_connection(engine)
    finally:
        engine.dispose()
    language.choose("de")  # type: ignore[attr-defined]
    said = message_for(refused.value)
    assert said.startswith("Keine Verbindung zu postgresql+psycopg://postgres@127.0.0.1:5432/mandant_nicht_da: ")
    assert ": Auf dem Server gibt es keine Datenbank „mandant_nicht_da“. (" in said
