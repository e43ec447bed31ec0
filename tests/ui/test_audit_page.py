"""The audit log page driven as a user would (SPEC S3, T8, section 9)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import insert
from tenanthelpers import add_user
from uihelpers import FakeInteraction

from mandant_desktop.db.models import AuditEntry
from mandant_desktop.domain.errors import DatabaseUnavailableError, PermissionDeniedError
from mandant_desktop.services.audit import AuditRow
from mandant_desktop.ui import formats
from mandant_desktop.ui.audit.fields import entry_label
from mandant_desktop.ui.audit.model import PAGE, AuditTableModel
from mandant_desktop.ui.audit.page import NO_DATE, AuditPage, value_text
from mandant_desktop.ui.main_window import DEFAULT_SIZE, MainWindow
from mandant_desktop.ui.page_parts import SEARCH_DELAY_MS, text_column_width

T0 = dt.datetime(2026, 5, 4, 7, 30, tzinfo=dt.UTC)


def _entries(window: MainWindow, count: int) -> None:
    rows = [
        {
            "at": T0 + dt.timedelta(seconds=i),
            "operator_id": None,
            "operator_name": "lena" if i % 2 else "jonas",
            "workstation": "BUERO-07",
            "tenant_id": None,
            "object_type": "Customer",
            "object_id": str(1000 + i),
            "action": "update",
            "summary": "",
            "changes": {"name": [f"Druckerei {i}", f"Druckhaus {i}"], "remote_access": [False, True]},
        }
        for i in range(count)
    ]
    with window.context.app.session_factory.begin() as session:
        session.execute(insert(AuditEntry), rows)


@pytest.fixture
def page(window: MainWindow, qtbot: QtBot) -> AuditPage:
    _entries(window, 450)
    assert window.show_page("audit")
    found = window.current_page()
    assert isinstance(found, AuditPage)
    found.refresh()
    return loaded(found)


def loaded(page: AuditPage) -> AuditPage:
    """S5: wait for the count and first page, which load on a worker."""
    deadline = time.monotonic() + 10
    while page.busy:
        assert time.monotonic() < deadline, "the audit page did not finish loading"
        QTest.qWait(10)
    return page


def test_table_is_lazy_and_passes_the_model_tester(page: AuditPage, qtmodeltester: ModelTester) -> None:
    """S3, section 8: the table fetches pages as it scrolls; the model is a correct Qt model."""
    assert page.table.objectName() == "auditTable"
    assert page.model.total > 450
    assert page.model.rowCount() == PAGE
    assert page.model.canFetchMore()
    page.model.fetchMore()
    assert loaded(page).model.rowCount() == 2 * PAGE
    # The tester gets a model of its own: the page's view, connected first, fetches more rows from
    # within the reset signal, which the tester would count as an insert during a reset.
    service, operator = page.context.app.services.audit, page.operator()
    checked = AuditTableModel(
        lambda query: service.count(operator, query), lambda query, after, n: service.page(operator, query, after, n)
    )
    checked.reload()
    qtmodeltester.check(checked)
    while checked.canFetchMore():
        checked.fetchMore()
    ids = [checked.row_at(row).id for row in range(checked.rowCount())]  # type: ignore[union-attr]
    assert len(ids) == checked.total == len(set(ids))
    # newest first: the administrator's own entries (written now), then the last entry written in May
    first = next(row for row in range(page.model.rowCount()) if page.model.index(row, 4).data() == "Customer")
    assert page.model.index(first, 5).data() == "Druckhaus 449"
    assert page.model.index(first, 6).data() == "changed"
    assert page.model.index(first, 2).data() == "BUERO-07"


def test_filters_and_detail_pane(page: AuditPage, qtmodeltester: ModelTester) -> None:
    """S3: free text, operator and the detail pane with each changed field, before → after."""
    page.search.setText("Druckhaus 12")
    loaded(page).apply_filters()
    loaded(page)
    labels = sorted(page.model.index(row, 5).data() for row in range(page.model.rowCount()))
    assert labels == ["Druckhaus 12"] + [f"Druckhaus {n}" for n in range(120, 130)]
    page.operator_filter.setEditText("LENA")
    loaded(page).apply_filters()
    loaded(page)
    assert {page.model.index(row, 1).data() for row in range(page.model.rowCount())} == {"lena"}
    page.table.setCurrentIndex(page.model.index(0, 0))
    details = [
        tuple(page.detail_model.text(row, column) for column in range(3)) for row in range(page.detail_model.rowCount())
    ]
    assert ("Remote access", "no", "yes") in details
    assert any(d[0] == "Name" and d[1].startswith("Druckerei") for d in details)
    assert "BUERO-07" in page.detail_title.text()
    qtmodeltester.check(page.detail_model)
    page.reset_filters()
    assert page.since.date() == NO_DATE and page.search.text() == ""
    assert loaded(page).model.total > 450


def test_time_range_filter_uses_local_days(page: AuditPage) -> None:
    """S3: the range is in local calendar days; the table shows local time."""
    local = T0.astimezone()
    page.since.setDate(page.since.date().fromString(local.strftime("%d.%m.%Y"), "dd.MM.yyyy"))
    page.until.setDate(page.since.date())
    loaded(page).apply_filters()
    loaded(page)
    assert page.model.total == 450
    while page.model.canFetchMore():
        page.model.fetchMore()
        loaded(page)
    assert page.model.rowCount() == 450
    assert page.model.index(page.model.rowCount() - 1, 0).data() == formats.date_time_text(local, seconds=True)


def test_sort_by_operator_runs_in_the_database(page: AuditPage) -> None:
    """S3: a click on a column header sorts on the server and starts again from the top."""
    page.table.sortByColumn(1, page.table.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    names = [loaded(page).model.index(row, 1).data() for row in range(page.model.rowCount())]
    assert names[0] == "admin" or names == sorted(names)
    assert page.model.query.sort.value == "operator_name"


def test_read_only_and_export(page: AuditPage, tmp_path: Path, qtbot: QtBot) -> None:
    """S3, S7: no way to edit; the export writes the filtered entries."""
    assert page.table.editTriggers() == page.table.EditTrigger.NoEditTriggers
    assert not page.model.flags(page.model.index(0, 0)) & page.model.flags(page.model.index(0, 0)).ItemIsEditable
    page.search.setText("Druckhaus 44")
    loaded(page).apply_filters()
    loaded(page)
    target = tmp_path / "audit.xlsx"
    page.choose_export_path = lambda: str(target)
    page.export_button.click()
    status = page.window().statusBar()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "Audit entries exported" in status.currentMessage())  # on a worker (S5)
    rows = list(openpyxl.load_workbook(target, read_only=True).worksheets[0].values)
    assert len(rows) == 1 + 11
    assert rows[0][0] == "Time"


def test_model_without_rows() -> None:
    """S3: an empty result is an empty table, not an error."""
    model = AuditTableModel(lambda _q: 0, lambda _q, _c, _n: [])
    model.reload()
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_copy_from_the_keyboard(page: AuditPage, qtbot: QtBot) -> None:
    """S3, E2: Ctrl+C copies the current entry with its changed fields; there is no edit action."""
    page.search.setText("Druckhaus 5")
    loaded(page).apply_filters()
    loaded(page)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(1, 0))
    page.copy_action.trigger()
    copied = QGuiApplication.clipboard().text()
    assert "Remote access: no → yes" in copied
    names = {action.objectName() for action in page.findChildren(QAction) if action.objectName().startswith("audit")}
    assert names >= {"auditCopyAction", "auditExportAction", "auditMenuAction"}
    assert not any("edit" in name.casefold() or "delete" in name.casefold() for name in names)


def test_opening_the_page_loads_the_entries_once(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S3, issue 8 (queries_per_page): filling the filter choices after the first load must not
    start the search delay, which counted and loaded every entry a second time 300 ms later."""
    _entries(window, 20)
    service = window.context.app.services.audit
    counts: list[object] = []
    original = service.count

    def count(*args: object) -> int:
        counts.append(args)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "count", count)
    assert window.show_page("audit")
    found = window.current_page()
    assert isinstance(found, AuditPage)
    loaded(found)
    QTest.qWait(3 * SEARCH_DELAY_MS)
    loaded(found)
    assert len(counts) == 1
    assert found.model.total >= 20


def test_tab_leaves_a_date_filter_showing_any(page: AuditPage, qtbot: QtBot) -> None:
    """E2: Tab goes on from the "since" and "until" dates while they show "any" (no date); a
    QDateEdit would move among the sections of a date it does not show and keep the focus."""
    for edit in (page.since, page.until):
        assert edit.date() == NO_DATE and edit.text() == edit.specialValueText()
        edit.setFocus()
        qtbot.waitUntil(edit.hasFocus)
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
        assert not edit.hasFocus()


def test_sorting_and_scrolling_read_on_workers_only(
    page: AuditPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """S3, S5 (issue 8): a header click and the next page while scrolling are read on a worker,
    never on the GUI thread; the sort counts nothing again; a page fetched for the old order that
    arrives after a new sort is dropped, and the rows follow the new order without gaps or twins."""
    service = page.context.app.services.audit
    reads: list[tuple[str, bool]] = []
    for name in ("count", "page"):
        original = getattr(service, name)

        def traced(*args: Any, _name: str = name, _original: Any = original, **kwargs: Any) -> Any:
            reads.append((_name, threading.current_thread() is threading.main_thread()))
            return _original(*args, **kwargs)

        monkeypatch.setattr(service, name, traced)
    total = page.model.total
    page.model.fetchMore()  # a page of the time order on its way …
    assert page.model.fetching and page.busy
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # … when the header is clicked
    loaded(page)
    assert page.model.query.sort.value == "operator_name" and page.model.total == total
    while page.model.canFetchMore():
        page.model.fetchMore()
        loaded(page)
    keys = [(row.operator_name, row.id) for row in (page.model.row_at(r) for r in range(page.model.rowCount())) if row]
    assert keys == sorted(keys) and len(keys) == total
    assert reads and all(not on_gui for _name, on_gui in reads)
    assert [name for name, _gui in reads].count("count") == 0


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_failed_sort_keeps_the_rows_under_their_own_order(
    page: AuditPage, window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, language: Any, lang: str
) -> None:
    """S3, S5, E1: when the new order's first page does not come (the connection is lost), the rows
    shown stay and the header's sort indicator goes back to their order; the banner and the status
    bar say what happened (in German too); scrolling goes on in that order, and F5 after the
    connection is back sorts as the header says."""
    language.choose(lang)
    service = page.context.app.services.audit
    original = service.page
    lost = [True]

    def page_of(operator: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        if lost[0] and query.sort.value == "operator_name":
            raise DatabaseUnavailableError("The connection to the database was lost.")
        return original(operator, query, *args, **kwargs)

    def ping() -> None:
        if lost[0]:
            raise DatabaseUnavailableError("The connection to the database was lost.")

    monkeypatch.setattr(service, "page", page_of)
    assert window.monitor is not None
    monkeypatch.setattr(window.monitor, "_probe", ping)  # the server stays away until the test says
    header = page.table.horizontalHeader()
    shown = [page.model.row_at(row).id for row in range(page.model.rowCount())]  # type: ignore[union-attr]
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # Operator, as a header click does
    assert header.sortIndicatorSection() == 1 and page.busy
    loaded(page)
    qtbot.waitUntil(window.banner.isVisible, timeout=10000)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.DescendingOrder)
    assert page.model.query.sort.value == "at" and page.model.query.descending and not page.model.sorting
    assert [page.model.row_at(row).id for row in range(page.model.rowCount())] == shown  # type: ignore[union-attr]
    expected = {
        "en": "The entries could not be sorted by “Operator”. They stay sorted by “Time”; F5 tries again.",
        "de": (
            "Die Einträge konnten nicht nach „Bearbeiter“ sortiert werden. Sie bleiben nach „Zeitpunkt“ "
            "sortiert; F5 versucht es erneut."
        ),
    }[lang]
    assert window.statusBar().currentMessage() == expected
    assert page.model.canFetchMore()  # more of the time order, as before the click
    page.model.fetchMore()
    times = [page.model.row_at(row).at for row in range(loaded(page).model.rowCount())]  # type: ignore[union-attr]
    assert len(times) == 2 * PAGE and times == sorted(times, reverse=True)

    lost[0] = False
    window.banner.retry_button.click()  # the server is back: the page reloads, in the order shown
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=10000)
    loaded(page)
    assert header.sortIndicatorSection() == 0 and page.model.query.sort.value == "at"
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    loaded(page)
    assert page.model.query.sort.value == "operator_name" and header.sortIndicatorSection() == 1
    names = [page.model.index(row, 1).data() for row in range(page.model.rowCount())]
    assert names == sorted(names)


def test_the_demo_datas_entry_reads_in_german(language: object) -> None:
    """S3, E1: the demo generator's entry is no model and its fields are table names; in German its
    kind, summary and fields read "Demodaten", "Demodaten erzeugt", "Organisationseinheiten" (they
    showed "DemoData", "demo data generated", "org_unit"). A summary that is data stays as written."""
    from mandant_desktop.ui.audit.fields import field_name, summary_text
    from mandant_desktop.ui.audit.model import object_type_text

    language.choose("de")  # type: ignore[attr-defined]
    assert object_type_text("DemoData") == "Demodaten"
    assert summary_text("demo data generated") == "Demodaten erzeugt"
    assert (field_name("org_unit"), field_name("scale")) == ("Organisationseinheiten", "Umfang")
    assert summary_text("+3 / -1") == "+3 / -1"


def test_a_failed_load_puts_the_filters_back_to_the_rows_shown(
    page: AuditPage, monkeypatch: pytest.MonkeyPatch, interactions: FakeInteraction
) -> None:
    """S3, S5: the entries of lena are shown; the operator filter is changed, a text typed, an
    object type and a day chosen, and that load is refused. The rows of lena stay, the message
    says why, and every filter shows lena's query again, so that the filters and the list agree
    (before, they showed a filter whose entries were never loaded)."""
    page.operator_filter.setEditText("lena")
    loaded(page).apply_filters()
    loaded(page)
    shown = page.model.query
    assert shown.operator_name == "lena" and page.model.total == 225

    def refuse(*_args: Any) -> int:
        raise PermissionDeniedError("You are not allowed to do this.")

    monkeypatch.setattr(page.context.app.services.audit, "count", refuse)
    page.operator_filter.setEditText("jonas")
    page.search.setText("Druckhaus 12")
    page.type_filter.setCurrentIndex(page.type_filter.findData("Customer"))  # loads with all three
    loaded(page)
    assert [m.kind for m in interactions.messages] == ["error"]
    assert page.model.query == shown and page.model.total == 225
    assert page.current_query() == shown
    assert (page.operator_filter.currentText(), page.search.text(), page.type_filter.currentIndex()) == ("lena", "", 0)
    page.since.setDate(page.since.date().fromString("04.05.2026", "dd.MM.yyyy"))  # loads at once
    loaded(page)
    assert len(interactions.messages) == 2 and page.since.date() == NO_DATE
    assert page.current_query() == shown == page.model.query
    QTest.qWait(SEARCH_DELAY_MS + 100)
    assert not page.busy and len(interactions.messages) == 2, "putting the filters back loads nothing"


def test_the_kinds_of_object_read_as_words_in_english(language: object) -> None:
    """S3, E1: in English the audit log's column, filter and export name the kind of object in
    words, with a capital, as German does ("Org unit", "Role assignment"; they showed the class
    names "OrgUnit", "RoleAssignment"); German keeps its own words."""
    from mandant_desktop.ui.audit.model import object_type_text

    language.choose("en")  # type: ignore[attr-defined]
    assert [object_type_text(kind) for kind in ("OrgUnit", "RoleAssignment", "Customer", "DemoData")] == [
        "Org unit",
        "Role assignment",
        "Customer",
        "Demo data",
    ]
    language.choose("de")  # type: ignore[attr-defined]
    assert object_type_text("OrgUnit") == "Organisationseinheit"


def test_stored_codes_and_counts_read_as_words_in_german(language: object) -> None:
    """S3, E1: the detail pane and the copied entry showed the stored codes of a tenant access
    ("Zugriff: — → full"), of a user's status and of a tenant's kind, and the demo entry's counts
    without the German thousands separator ("1000012"), the demo's size as "large"; an ID stays a
    bare number."""
    from mandant_desktop.ui.audit.page import value_text

    language.choose("de")  # type: ignore[attr-defined]
    assert [value_text(code, "level") for code in ("full", "read_only", "hidden")] == [
        "Vollzugriff",
        "Nur lesen",
        "Versteckt",
    ]
    assert value_text("deactivated", "status") == "Deaktiviert"
    assert value_text("pending", "status") == "Aktivierung ausstehend"
    assert value_text("external", "kind") == "Extern"
    assert value_text("inner", "kind") == "Inner-Mandant"
    assert value_text(1000012, "role_assignment") == "1.000.012"
    assert value_text(1234, "tenant_id") == "1234"
    assert value_text("full", "name") == "full"  # a name that happens to read like a code
    assert value_text(True, "active") == "ja"
    assert (value_text("small", "scale"), value_text("large", "scale")) == ("klein", "groß")


def _fixed_summaries() -> set[str]:
    """Every summary the services write as a fixed text: the ``summary`` of an audit row (a keyword,
    a dict key, a variable) and the summary argument of the helpers that pass it on."""
    import ast

    import mandant_desktop.services as services

    passing = {"_sync", "_drop_units", "_change", "write", "_write", "_insert_rows", "_delete_rows"}
    found: set[str] = set()

    def texts(node: ast.AST | None) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.IfExp):
            return texts(node.body) + texts(node.orelse)
        return []

    for path in Path(services.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if isinstance(key, ast.Constant) and key.value == "summary":
                        found.update(texts(value))
            elif isinstance(node, ast.Call):
                found.update(t for k in node.keywords if k.arg == "summary" for t in texts(k.value))
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in passing and node.args:
                    found.update(texts(node.args[-1]))
            elif isinstance(node, ast.Assign):
                targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
                if any(t == "summary" or t.endswith("SUMMARY") for t in targets):
                    found.update(texts(node.value))
    return found


def test_every_summary_of_the_services_reads_in_german(language: object) -> None:
    """S3, E1: a role assignment, an inheritance mark or an undo has no name of its own, so the log's
    object column shows its summary; in German it read "undo", "org unit moved", "role assigned",
    "bulk edit" … Every fixed summary the services write has a German text, and so has the one
    with a role's name in it."""
    from mandant_desktop.ui.audit.fields import SUMMARIES, summary_text

    written = _fixed_summaries()
    assert {"undo", "org unit moved", "role assigned", "bulk edit", "import"} <= written  # the scan works
    assert written - {""} <= set(SUMMARIES), "summaries without a translation: " + ", ".join(
        sorted(written - {""} - set(SUMMARIES))
    )
    language.choose("de")  # type: ignore[attr-defined]
    german = {summary: summary_text(summary) for summary in SUMMARIES}
    assert [s for s, text in german.items() if text == s and s != "import"] == []
    assert german["org unit moved"] == "Organisationseinheit verschoben"
    assert summary_text("inheritance ticked (keep)") == "Vererbung eingeschaltet (vorhandene Rollen beibehalten)"
    assert summary_text("role Prüfer Süd deleted") == "Rolle Prüfer Süd gelöscht"
    assert summary_text("rolf") == "rolf"


def test_an_org_unit_moved_and_moved_back_reads_in_german(window: MainWindow, language: object) -> None:
    """S3, E1, E7: after a unit is moved and the move undone, the German log names both steps in
    German in its object column ("Organisationseinheit verschoben", "Rückgängig gemacht") for the
    role assignments that went with them."""
    app, operator = window.context.app, window.context.operator
    org = app.services.org_units
    root = org.roots(operator)[0].id
    west, ost = (org.add(operator, root, name).node for name in ("West", "Ost"))
    assert west is not None and ost is not None
    mia = add_user(app.session_factory, "mia")
    role = org.role_choices(operator)[0].id
    org.add_roles(operator, mia, ost.id, [role])
    org.set_inherit(operator, mia, ost.id, "keep")
    org.revert(operator, org.move(operator, west.id, ost.id))
    language.choose("de")  # type: ignore[attr-defined]
    assert window.show_page("audit")
    page = window.current_page()
    assert isinstance(page, AuditPage)
    page.refresh()
    loaded(page)
    labels = {page.model.index(row, 5).data() for row in range(page.model.rowCount())}
    assert {"Organisationseinheit verschoben", "Rückgängig gemacht", "Rolle zugewiesen"} <= labels
    assert not labels & {"undo", "org unit moved", "role assigned"}


def test_every_audited_column_has_a_name(language: object) -> None:
    """S3, E1: the detail pane names each changed field; a column without a name showed its key, so
    a new tenant listed "name_key", "newsroom_slug", "created_by", a new user "username_key",
    "failed_logins", a moved unit "depth" and "sort_order". Every column the log can record has a
    name, in German too."""
    from mandant_desktop.db.models import ActivationToken, AuditEntry, Base, OutboxMail
    from mandant_desktop.ui.audit.fields import FIELD_NAMES, field_name

    not_audited = {model.__table__.name for model in (AuditEntry, OutboxMail, ActivationToken)}  # type: ignore[attr-defined]
    bookkeeping = {"version", "updated_at", "updated_by", "password_hash", "token_hash"}
    columns = {
        column.name
        for mapper in Base.registry.mappers
        if mapper.local_table.name not in not_audited
        for column in mapper.local_table.columns
        if column.name not in bookkeeping
    }
    assert columns - set(FIELD_NAMES) == set()
    language.choose("de")  # type: ignore[attr-defined]
    assert [key for key in FIELD_NAMES if field_name(key) == key] == []
    assert field_name("newsroom_slug") == "Newsroom-Kürzel"
    assert field_name("org_unit_ids") == "Organisationseinheiten (IDs)"


def test_the_german_export_words_summaries_fields_and_values_as_the_page_does(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, language: object
) -> None:
    """S3, E1, S7: the Excel export of the German log wrote the object label "undo" and the changes
    as "level: hidden → full"; it writes what the detail pane shows: "Rückgängig gemacht" and
    "Zugriff: Versteckt → Vollzugriff"."""
    with window.context.app.session_factory.begin() as session:
        session.execute(
            insert(AuditEntry),
            [
                {
                    "at": T0,
                    "operator_id": None,
                    "operator_name": "lena",
                    "workstation": "BUERO-07",
                    "tenant_id": None,
                    "object_type": "TenantAccess",
                    "object_id": "1:2",
                    "action": "update",
                    "summary": "undo",
                    "changes": {"level": ["hidden", "full"], "quota_mb": [250, 1500]},
                }
            ],
        )
    language.choose("de")  # type: ignore[attr-defined]
    assert window.show_page("audit")
    page = window.current_page()
    assert isinstance(page, AuditPage)
    page.search.setText("BUERO-07")
    loaded(page).apply_filters()
    loaded(page)
    target = tmp_path / "protokoll.xlsx"
    page.choose_export_path = lambda: str(target)  # type: ignore[method-assign]
    page.export_button.click()
    status = window.statusBar()
    qtbot.waitUntil(lambda: "Exportierte Protokolleinträge" in status.currentMessage())
    rows = list(openpyxl.load_workbook(target, read_only=True).worksheets[0].values)
    assert len(rows) == 2
    assert rows[1][5] == "Rückgängig gemacht"
    assert rows[1][7].splitlines() == ["Zugriff: Versteckt → Vollzugriff", "Kontingent (MB): 250 → 1.500"]


def test_a_moved_unit_is_named_in_the_log(window: MainWindow, language: object) -> None:
    """S3: a move changes a unit's parent only, so its entry carried no name and the object column
    read "#11"; it reads the unit's name, in the list and in the entry's title."""
    app, operator = window.context.app, window.context.operator
    org = app.services.org_units
    root = org.roots(operator)[0].id
    west, ost = (org.add(operator, root, name).node for name in ("West", "Ost"))
    assert west is not None and ost is not None
    org.move(operator, west.id, ost.id)
    assert window.show_page("audit")
    page = window.current_page()
    assert isinstance(page, AuditPage)
    page.refresh()
    loaded(page)
    moved = [
        page.model.row_at(row)
        for row in range(page.model.rowCount())
        if page.model.row_at(row).object_type == "OrgUnit" and page.model.row_at(row).action == "update"  # type: ignore[union-attr]
    ]
    assert [row.object_label for row in moved] == ["West"]  # type: ignore[union-attr]
    entry = app.services.audit.entry(operator, moved[0].id)  # type: ignore[union-attr]
    assert entry is not None and entry.object_label == "West"


def _detail(page: AuditPage) -> list[tuple[str, str, str]]:
    model = page.detail_model
    return [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]  # type: ignore[misc]


def test_a_role_assignment_reads_by_name_in_german_also_after_its_unit_and_role_are_gone(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, language: object
) -> None:
    """S3, E1: the detail of a role assignment named the user, role and org unit by id only
    ("Benutzer (ID) | — | 1"); it names them, with the id beside the name, also after the role and
    the unit were deleted (by what their delete entries kept), and the export says the same."""
    app, operator = window.context.app, window.context.operator
    services = app.services
    root = services.org_units.roots(operator)[0].id
    unit = services.org_units.add(operator, root, "Vertrieb Süd").node
    assert unit is not None
    role_id = services.roles.create(operator, "Prüfer Süd", permissions=frozenset({"audit.view"}))
    mia = add_user(app.session_factory, "mia")
    services.assignments.add(operator, mia, unit.id, role_id)
    language.choose("de")  # type: ignore[attr-defined]
    assert window.show_page("audit")
    page = window.current_page()
    assert isinstance(page, AuditPage)

    def show_assignment() -> list[tuple[str, str, str]]:
        page.refresh()
        loaded(page)
        row = next(
            r
            for r in range(page.model.rowCount())
            if page.model.row_at(r).object_type == "RoleAssignment"  # type: ignore[union-attr]
            and page.model.row_at(r).action == "create"  # type: ignore[union-attr]
        )
        page.table.setCurrentIndex(page.model.index(row, 0))
        return _detail(page)

    expected = [
        ("Benutzer", "—", f"mia (#{mia})"),
        ("Organisationseinheit", "—", f"Vertrieb Süd (#{unit.id})"),
        ("Rolle", "—", f"Prüfer Süd (#{role_id})"),
    ]
    assert show_assignment() == expected
    services.roles.delete(operator, role_id)
    services.org_units.delete(operator, unit.id, children="delete")
    assert show_assignment() == expected
    assert "Rolle zugewiesen" in page.detail_title.text()
    target = tmp_path / "protokoll.xlsx"
    page.choose_export_path = lambda: str(target)  # type: ignore[method-assign]
    page.export_button.click()
    qtbot.waitUntil(lambda: "Exportierte Protokolleinträge" in window.statusBar().currentMessage())
    rows = list(openpyxl.load_workbook(target, read_only=True).worksheets[0].values)
    created = [
        row for row in rows[1:] if row[4] == "Rollenzuweisung" and row[6] == "angelegt" and f"mia (#{mia})" in row[7]
    ]
    assert [row[7].splitlines() for row in created] == [
        [f"{field}: {before} → {after}" for field, before, after in expected]
    ]


def test_a_roles_permission_is_named_by_the_role_and_the_permission_in_german(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, language: object
) -> None:
    """S3, E1, R1: a role's permission read "#7:audit.view" in the log's object column and detail;
    it reads by the role's name and the permission's name as the roles page shows them, a deleted
    role by the name its delete entry kept, in the export too."""
    services, operator = window.context.app.services, window.context.operator
    kept = services.roles.create(operator, "Prüfer", permissions=frozenset({"audit.view"}))
    gone = services.roles.create(operator, "Weg", permissions=frozenset({"users.view"}))
    services.roles.delete(operator, gone)
    page = _german_page(window, language)
    labels = {
        page.model.index(r, 5).data()
        for r in range(page.model.rowCount())
        if page.model.row_at(r).object_type == "RolePermission"  # type: ignore[union-attr]
    }
    assert {"Prüfer: Änderungsprotokoll ansehen", "Weg: Benutzer ansehen"} <= labels
    assert not any(label.startswith("#") for label in labels), labels
    entry = _select(page, "RolePermission", "create")
    assert entry.object_id.startswith(f"{gone}:") or entry.object_id.startswith(f"{kept}:")
    assert "„Weg: Benutzer ansehen“" in page.detail_title.text() or "„Prüfer: " in page.detail_title.text()
    shown = {field: after for field, _before, after in _detail(page)}
    assert shown["Berechtigung"] in ("Änderungsprotokoll ansehen", "Benutzer ansehen")
    assert shown["Rolle"] in (f"Prüfer (#{kept})", f"Weg (#{gone})")
    target = tmp_path / "protokoll.xlsx"
    page.choose_export_path = lambda: str(target)  # type: ignore[method-assign]
    page.export_button.click()
    qtbot.waitUntil(lambda: "Exportierte Protokolleinträge" in window.statusBar().currentMessage())
    rows = list(openpyxl.load_workbook(target, read_only=True).worksheets[0].values)
    assert {"Prüfer: Änderungsprotokoll ansehen", "Weg: Benutzer ansehen"} <= {row[5] for row in rows[1:]}


def _log(window: MainWindow, *entries: tuple[str, str, str, str, dict[str, Any]]) -> None:
    """Entries of lena at BUERO-09: (object type, object id, action, summary, changes) each."""
    rows = [
        {
            "at": T0,
            "operator_name": "lena",
            "workstation": "BUERO-09",
            "object_type": object_type,
            "object_id": object_id,
            "action": action,
            "summary": summary,
            "changes": changes,
        }
        for object_type, object_id, action, summary, changes in entries
    ]
    with window.context.app.session_factory.begin() as session:
        session.execute(insert(AuditEntry), rows)


def _german_page(window: MainWindow, language: object, text: str = "") -> AuditPage:
    language.choose("de")  # type: ignore[attr-defined]
    assert window.show_page("audit")
    page = window.current_page()
    assert isinstance(page, AuditPage)
    page.search.setText(text)
    page.refresh()
    return loaded(page)


def _select(page: AuditPage, object_type: str, action: str) -> AuditRow:
    row = next(
        r
        for r in range(page.model.rowCount())
        if page.model.row_at(r).object_type == object_type  # type: ignore[union-attr]
        and page.model.row_at(r).action == action  # type: ignore[union-attr]
    )
    page.table.setCurrentIndex(page.model.index(row, 0))
    entry = page.model.row_at(row)
    assert entry is not None
    return entry


def test_times_and_dates_of_changed_fields_read_in_the_locale_format(window: MainWindow, language: object) -> None:
    """S3, E1: "Angelegt am" of an assignment's create entry (the first administrator's, written by
    the ORM) read "2026-12-04T14:31:56.123456"; it reads as the page's own times do, in German
    "04.12.2026 14:31:56", and so does every other time or date field, in the export too; a
    setting's parts (shown as Python's "{'portal_url': …}") read one "key: value" per line."""
    page = _german_page(window, language)
    entry = _select(page, "RoleAssignment", "create")
    stored = next(change.after for change in entry.changes if change.field == "created_at")
    assert isinstance(stored, str) and "T" in stored  # what the log keeps: ISO text
    shown = dict((field, after) for field, _before, after in _detail(page))
    expected = formats.date_time_text(dt.datetime.fromisoformat(stored), seconds=True)
    assert shown["Angelegt am"] == expected
    assert "T" not in expected and expected.count(".") == 2 and expected.count(":") == 2
    assert value_text("1980-05-01", "birthday") == "01.05.1980"
    assert value_text("2026-05-04T07:30:00+00:00", "locked_until") == formats.date_time_text(T0, seconds=True)
    assert value_text("no time", "created_at") == "no time"  # any other text as stored
    # a part the settings page labels by that label, any other by its key
    assert value_text({"portal_url": "https://portal.example", "password_min": 1000}, "value").splitlines() == [
        "Aktivierungsseite: https://portal.example",
        "password_min: 1.000",
    ]
    # a setting's parts as the log kept them before (Python's text of them, which the page showed)
    assert value_text("{'portal_url': 'https://portal.example', 'password_min': 6}", "value").splitlines() == [
        "Aktivierungsseite: https://portal.example",
        "password_min: 6",
    ]
    assert value_text("{Kunde}", "value") == "{Kunde}" and value_text("{'a': 1}", "name") == "{'a': 1}"


def test_a_settings_parts_read_as_the_settings_page_labels_them(language: object) -> None:
    """S3, E1: a setting's value in the detail read "portal_url: …, password_min_length: 6,
    mail_language: de"; each part the settings page knows reads by its German label there, and a
    stored choice by the page's word for it ("Deutsch")."""
    language.choose("de")  # type: ignore[attr-defined]
    activation = {"portal_url": "https://portal.example/activate", "password_min_length": 6, "mail_language": "de"}
    assert value_text(activation, "value").splitlines() == [
        "Aktivierungsseite: https://portal.example/activate",
        "Mindestlänge des Passworts: 6",
        "Sprache der E-Mails: Deutsch",
    ]
    assert value_text({"mail_language": ""}, "value") == "Sprache der E-Mails: Die des Bearbeiters, der sie versendet"
    smtp = {"host": "mail.example", "port": 587, "security": "starttls", "username": "m", "sender": "a@b.example"}
    assert [line.split(": ")[0] for line in value_text(smtp, "value").splitlines()] == [
        "SMTP-Server",
        "Port",
        "Verschlüsselung",
        "SMTP-Benutzer",
        "Absenderadresse",
    ]
    assert "Verschlüsselung: STARTTLS" in value_text(smtp, "value").splitlines()
    # the setting itself by the title of its box on the settings page, its key beside it
    assert value_text("activation", "key") == "E-Mail und Kontoaktivierung (activation)"
    assert value_text("customers.rights_group_pattern", "key") == (
        "Benennung der Zugriffsrechte (customers.rights_group_pattern)"
    )
    assert value_text("anything.else", "key") == "anything.else"
    setting = AuditRow(1, T0, "lena", "BUERO-09", None, None, "AppSetting", "smtp", "smtp", "update", "")
    assert entry_label(setting) == "E-Mail und Kontoaktivierung (smtp)"
    naming = {"prefix": "X", "second": "number", "third": "name"}
    assert value_text(naming, "value").splitlines() == [
        "Element 1 (Zeichenkette): X",
        "Element 2: Kundennummer",
        "Element 3: Kundenname",
    ]


def test_derived_keys_are_left_out_of_the_detail_copy_and_export(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, language: object
) -> None:
    """S3, E1: a customer's entry listed "Suchschlüssel" (revision 0027's search key, folded from
    number, name and short name) beside the name, a tenant's its "Name (zum Vergleichen)": columns
    that only repeat another one. They stay in the log (undo does not need them: it restores from
    its own row images) but the detail pane, the copy and the export leave them out."""
    changes = {
        "name": ["Müller Druck", "Müller Druck GmbH"],
        "search_key": ["77 muller druck", "77 muller druck gmbh"],
        "name_key": ["müller druck", "müller druck gmbh"],
    }
    _log(window, ("Customer", "77", "update", "", changes))
    page = _german_page(window, language, "BUERO-09")
    _select(page, "Customer", "update")
    assert _detail(page) == [("Name", "Müller Druck", "Müller Druck GmbH")]
    assert "Such" not in page.entry_text(page.selected_entry())  # type: ignore[arg-type]
    target = tmp_path / "protokoll.xlsx"
    page.choose_export_path = lambda: str(target)  # type: ignore[method-assign]
    page.export_button.click()
    qtbot.waitUntil(lambda: "Exportierte Protokolleinträge" in window.statusBar().currentMessage())
    rows = list(openpyxl.load_workbook(target, read_only=True).worksheets[0].values)
    assert [row[7] for row in rows[1:]] == ["Name: Müller Druck → Müller Druck GmbH"]


def test_the_detail_columns_fit_german_field_names_at_the_default_size(window: MainWindow, language: object) -> None:
    """S3, E1, E5: at the window's default size the field column cut "Organisationseinheit" off and
    "Nachher" ran past the pane (a sideways scroll). Each field name fits and the columns fit the
    pane; a created object's entry leaves out the column "Vorher", all dashes, so that its values
    get the width, and a deleted one's "Nachher"."""
    _log(
        window,
        ("RoleAssignment", "1:1:1", "delete", "role removed", {"user_id": [1, None], "org_unit_id": [1, None]}),
        ("Customer", "77", "update", "", {"default_agency_id": [12, 13], "remote_access": [False, True]}),
    )
    page = _german_page(window, language)
    assert window.size().width() == DEFAULT_SIZE[0]
    header = page.detail.horizontalHeader()
    for object_type, action, hidden in (
        ("RoleAssignment", "create", {1}),  # the first administrator's role in the root unit
        ("RoleAssignment", "delete", {2}),
        ("Customer", "update", set()),
    ):
        _select(page, object_type, action)
        titles = [field for field, _before, _after in _detail(page)]
        assert "Organisationseinheit" in titles or object_type == "Customer"
        assert {column for column in (1, 2) if page.detail.isColumnHidden(column)} == hidden
        assert header.sectionSize(0) >= text_column_width(page.detail, titles)
        assert header.length() <= page.detail.viewport().width()
        for column in {1, 2} - hidden:  # before and after share the rest, their titles in full
            assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width()
            assert header.sectionSize(column) >= (page.detail.viewport().width() - header.sectionSize(0)) // 3


def test_a_long_list_of_units_keeps_its_tooltip_short_and_its_title_in_sight(qtmodeltester: ModelTester) -> None:
    """S3, E5: a role inherited into thousands of units names every one, 100,000 characters in one
    cell; its tooltip showed all of them over the whole screen, and the field's title sat in the
    middle of the tall row, out of sight. The tooltip is cut (marked …) and the cells align to the
    top."""
    from mandant_desktop.ui.text_table import TOOLTIP_CHARS, TextTableModel

    model = TextTableModel(lambda: ("Feld", "Nachher"), top=True)
    units = ", ".join(f"Vertrieb {i} (#{i})" for i in range(5_000))
    model.set_rows([("Organisationseinheiten", units), ("Rolle", "Leser (#3)")])
    qtmodeltester.check(model)
    tip = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert len(tip) == TOOLTIP_CHARS and tip.endswith("…") and units.startswith(tip[:-1])
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == "Leser (#3)"
    assert (
        model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole)
        == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    )
    assert TextTableModel(lambda: ("A",)).index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
