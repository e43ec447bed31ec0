"""The icon set of ``resources/icons`` and where it is used (SPEC E5)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QIcon, QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton, QApplication, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from mandant_desktop.ui import icons
from mandant_desktop.ui.main_window import MainWindow

SVG = "{http://www.w3.org/2000/svg}"

#: commands of the pages and the icon each must show (objectName → icon), one per kind at least
EXPECTED_COMMANDS = {
    "tenantNewButton": "add",
    "tenantEditButton": "edit",
    "tenantDeleteButton": "delete",
    "accessSaveButton": "save",
    "accessDiscardButton": "discard",
    "accessExportButton": "export",
    "accessPrivateButton": "lock",
    "accessApplyToSubTenants": "apply-down",
    "userAddButton": "add",
    "userResendButton": "mail",
    "userDeactivateButton": "deactivate",
    "userReactivateButton": "reactivate",
    "roleRenameButton": "rename",
    "roleDuplicateButton": "duplicate",
    "roleRestoreButton": "restore",
    "bulkEditButton": "bulk-edit",
    "exportButton": "export",
    "assignmentResetButton": "reset",
    "orgUnitAddAction": "add",
    "orgUnitMoveAction": "move",
    "orgUnitUndoAction": "undo",
    "orgUnitRedoAction": "redo",
    "orgUnitExpandAllAction": "expand-all",
    "orgUnitCollapseAllAction": "collapse-all",
    "undoAction": "undo",
    "redoAction": "redo",
    "addAccessButton": "add-access",
    "explainButton": "explain",
    "customerNewButton": "add",
    "customerDeleteButton": "delete",
    "auditCopyAction": "copy",
    "auditResetFilters": "reset",
    "outboxSendButton": "send",
    "templateImportButton": "import",
    "smtpTestButton": "send",
    "changeDatabaseButton": "database",
    "quitAction": "quit",
    "aboutAction": "about",
    "refreshAction": "refresh",
    "findAction": "search",
}


def icon_name(icon: QIcon) -> str:
    return icon.name() if not icon.isNull() else ""


@pytest.mark.parametrize("name", icons.icon_names())
def test_every_svg_parses_and_renders(name: str) -> None:
    """E5: each icon is valid SVG with a square view box; line icons take the palette colour."""
    source = icons.svg_source(name)
    root = ET.fromstring(source)
    assert root.tag == f"{SVG}svg"
    width, height = root.get("viewBox", "").split()[2:]
    assert width == height, "icons are square"
    renderer = QSvgRenderer(source)
    assert renderer.isValid()
    if name != icons.APP_ICON:
        assert b"currentColor" in source, "a line icon is drawn in currentColor, so that dark schemes recolour it"
        assert b"#" not in source, "a line icon has no colour of its own"
    pixmap = icons.icon(name).pixmap(QSize(24, 24))
    assert not pixmap.isNull()
    image = pixmap.toImage()
    assert any(image.pixelColor(x, y).alpha() for x in range(24) for y in range(24)), "the icon draws something"


def test_the_application_icon_is_set(qapp: QApplication) -> None:
    """E5: the application (and so every window) carries the app icon, at sizes up to 256 px."""
    from mandant_desktop.ui.app import create_application

    app = create_application()
    assert app is qapp
    assert icon_name(app.windowIcon()) == icons.APP_ICON
    assert QSize(256, 256) in app.windowIcon().availableSizes()
    big = app.windowIcon().pixmap(QSize(128, 128))
    assert big.width() == 128


def test_icons_are_crisp_on_high_dpi() -> None:
    """E5: an icon asked for at a pixel ratio of 2 is rendered at twice the pixels, not scaled up."""
    pixmap = icons.icon("users").pixmap(QSize(24, 24), 2.0)
    assert pixmap.width() == 48
    assert pixmap.devicePixelRatio() == 2.0


def test_missing_icons_are_empty_not_fatal(caplog: pytest.LogCaptureFixture) -> None:
    assert icons.icon("no-such-icon").isNull()


@pytest.mark.parametrize(
    ("object_name", "expected"),
    [
        ("customerNewButton", "add"),
        ("orgUnitDeleteAction", "delete"),
        ("userResendButton", "mail"),
        ("customerPropertiesAction", "edit"),
        ("accessSet_full", None),
        ("assignmentUnitFilter", None),
        ("customerMenuAction", None),
        ("", None),
    ],
)
def test_command_icons_come_from_the_verb_of_the_object_name(object_name: str, expected: str | None) -> None:
    assert icons.command_icon(object_name) == expected


def test_every_toolbar_action_navigation_entry_and_command_has_its_icon(qtbot: QtBot, window: MainWindow) -> None:
    """E5: the navigation, every toolbar action and the pages' commands show an icon of the set."""
    for page_id in window.navigation_model.page_ids():
        assert window.show_page(page_id)
        qtbot.waitUntil(lambda pid=page_id: window.current_page().page_id == pid)
    model = window.navigation_model
    for row in range(model.rowCount()):
        page = model.page_at(row)
        assert page is not None and icons.exists(page.icon_name), page.page_id
    toolbars = window.findChildren(QToolBar)
    assert len(toolbars) >= 2  # the main toolbar and the org units page's
    for toolbar in toolbars:
        for action in toolbar.actions():
            if action.isSeparator():
                continue
            widget = toolbar.widgetForAction(action)
            shown = widget.icon() if isinstance(widget, QToolButton) else action.icon()
            assert not shown.isNull(), f"{toolbar.objectName()}: {action.text() or action.objectName()}"
    found: dict[str, str] = {}
    for item in [*window.findChildren(QAbstractButton), *window.findChildren(QAction)]:
        if item.objectName() in EXPECTED_COMMANDS:
            found[item.objectName()] = icon_name(item.icon())
    assert found == EXPECTED_COMMANDS
    for name in set(EXPECTED_COMMANDS.values()) | set(icons.NAMED_ICONS.values()):
        assert icons.exists(name), name
    assert all(icons.exists(name) for _verb, name in icons.VERB_ICONS)


def _fresh(name: str, colour: str, size: int) -> QImage:
    icons.clear_cache()
    return icons._rendered(name, colour, size, size).toImage()


def test_rendered_icons_come_back_from_the_disk_cache_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    """E5, issue 8: an icon rendered once is read from the user's cache folder at the next start,
    pixel for pixel what the SVG renderer drew, without the renderer; another colour or size is a
    file of its own."""
    drawn = {
        (name, colour, size): _fresh(name, colour, size)
        for name in icons.icon_names()
        for colour in ("#000000", "#bebebe")
        for size in (16, 20, 40)
    }
    folder = icons._disk_folder()
    # one file per picture; an icon with colours of its own (the application's) is the same in both
    pictures = {
        (name, colour if b"currentColor" in icons.svg_source(name) else "", size) for name, colour, size in drawn
    }
    assert folder is not None and len(list(folder.glob("*.png"))) == len(pictures)

    def no_renderer(*_args: object) -> None:
        raise AssertionError("rendered again instead of read from the cache")

    monkeypatch.setattr(icons, "QImageReader", no_renderer)
    for (name, colour, size), image in drawn.items():
        again = _fresh(name, colour, size)
        assert again.format() == image.format() and again == image, (name, colour, size)


def test_a_damaged_cache_file_is_rendered_and_written_anew() -> None:
    image = _fresh("users", "#000000", 24)
    folder = icons._disk_folder()
    assert folder is not None
    (cached,) = folder.glob("*.png")
    cached.write_bytes(b"\x89PNG cut short")
    assert _fresh("users", "#000000", 24) == image
    assert _fresh("users", "#000000", 24) == image  # from the rewritten file
    assert cached.read_bytes().startswith(b"\x89PNG\r\n")
