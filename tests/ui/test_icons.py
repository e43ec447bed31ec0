"""The icon set of ``resources/icons`` and where it is used (SPEC E5)."""

from __future__ import annotations

import os
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QIcon, QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton, QApplication, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from mandant_desktop.ui import icons
from mandant_desktop.ui.deferred_tab import DeferredTab
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
    "userEditButton": "edit",
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
    for deferred in window.findChildren(DeferredTab):  # tabs built when first shown (issue 8): their commands too
        deferred.content()
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


def _aged(path: Path, days: float) -> Path:
    moment = time.time() - days * 86400
    os.utime(path, (moment, moment))
    return path


def test_other_versions_rendered_icons_are_pruned_and_nothing_else(tmp_path: Path) -> None:
    """E5, issue 8: the rendered icons of this Qt and program version live in a folder of their
    own; the folders of other versions and the flat files of the first layout go once nobody has
    written to them for a day. This version's folder, a fresh folder of another version (one may
    still be running), files that are not ours, folders of other names and symbolic links stay."""
    current = icons._disk_folder()
    assert current is not None and current.name == icons.CACHE_GENERATION
    assert icons.CACHE_GENERATION.startswith("qt") and "-v" in icons.CACHE_GENERATION
    _fresh("users", "#000000", 24)
    root = tmp_path / "icons"
    mine = root / icons.CACHE_GENERATION
    mine.mkdir(parents=True)
    for number in range(3):
        (mine / f"{number}.png").write_bytes(b"png")
        _aged(mine / f"{number}.png", 30)
    old = root / "qt6.7.0-v0.0.9"
    old.mkdir()
    for number in range(5):
        (old / f"{number:032x}.png").write_bytes(b"png")
        _aged(old / f"{number:032x}.png", 9)
    _aged(old, 9)
    running = root / "qt6.7.1-v0.1.0"  # another version, still writing
    running.mkdir()
    (running / "a.png").write_bytes(b"png")
    flat_old = root / "0123456789abcdef0123456789abcdef.png"
    flat_old.write_bytes(b"png")
    _aged(flat_old, 3)
    flat_new = root / "fedcba9876543210fedcba9876543210.png"
    flat_new.write_bytes(b"png")
    not_ours = root / "notes.txt"
    not_ours.write_text("keep")
    _aged(not_ours, 40)
    other_folder = root / "thumbnails"
    other_folder.mkdir()
    _aged(other_folder, 40)
    mixed = root / "qt6.5.0-v0.0.1"  # a generation folder holding something we did not write
    mixed.mkdir()
    (mixed / "x.png").write_bytes(b"png")
    (mixed / "readme.txt").write_text("keep")
    _aged(mixed / "x.png", 40)
    _aged(mixed, 40)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "precious.png").write_bytes(b"png")
    _aged(outside / "precious.png", 40)
    (root / "qt6.4.0-v0.0.1").symlink_to(outside, target_is_directory=True)
    (root / "link.png").symlink_to(outside / "precious.png")

    assert icons.prune_stale_disk_cache(root) == 5 + 1 + 1
    assert sorted(p.name for p in root.iterdir()) == sorted(
        [
            icons.CACHE_GENERATION,
            "qt6.7.1-v0.1.0",
            "fedcba9876543210fedcba9876543210.png",
            "notes.txt",
            "thumbnails",
            "qt6.5.0-v0.0.1",
            "qt6.4.0-v0.0.1",
            "link.png",
        ]
    )
    assert len(list(mine.iterdir())) == 3 and (running / "a.png").exists()
    assert sorted(p.name for p in mixed.iterdir()) == ["readme.txt"]
    assert (outside / "precious.png").exists()
    # A second run finds nothing more, and a missing cache folder is no error.
    assert icons.prune_stale_disk_cache(root) == 0
    assert icons.prune_stale_disk_cache(tmp_path / "none") == 0


def test_pruning_runs_on_a_thread_of_its_own_over_the_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 8: the launcher prunes after the start page has its data, off the GUI thread."""
    seen: list[tuple[Path, str]] = []

    def prune(root: Path, keep: str = icons.CACHE_GENERATION) -> int:
        seen.append((root, threading.current_thread().name))
        return 0

    monkeypatch.setattr(icons, "prune_stale_disk_cache", prune)
    thread = icons.prune_later()
    assert thread is not None
    thread.join(5)
    folder = icons._disk_folder()
    assert folder is not None and seen == [(folder.parent, "icon-cache-prune")]
