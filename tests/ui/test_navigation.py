"""The navigation model, the page registry and the icons (SPEC S1, E5)."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from uihelpers import viewer

from mandant_desktop.domain.permissions import ADMIN_CODES
from mandant_desktop.ui import icons
from mandant_desktop.ui.navigation import PAGE_ID_ROLE, NavigationModel
from mandant_desktop.ui.pages import PAGE_CLASSES, pages_for

UI = Path(__file__).resolve().parents[2] / "mandant_desktop" / "ui"


def test_navigation_model(qtmodeltester: ModelTester) -> None:
    model = NavigationModel(PAGE_CLASSES)
    qtmodeltester.check(model)
    assert model.data(model.index(4, 0)) == "Org units"
    assert model.data(model.index(4, 0), PAGE_ID_ROLE) == "org-units"
    model.set_pages(pages_for(viewer("audit.view")))
    qtmodeltester.check(model)
    assert model.page_ids() == ["audit"]
    model.set_pages([])
    qtmodeltester.check(model)


def test_every_page_needs_an_existing_view_permission() -> None:
    """S1: the page permission is a real ``<area>.view`` code of the catalogue."""
    for page in PAGE_CLASSES:
        assert page.permission in ADMIN_CODES, page
        assert page.permission.endswith(".view")


def test_every_icon_renders() -> None:
    """E5: one icon per page plus the application icon, all from resources/."""
    names = [page.icon_name for page in PAGE_CLASSES] + [icons.APP_ICON, "refresh", "filter", "database", "search"]
    for name in names:
        icon = icons.icon(name)
        assert not icon.isNull(), name
        image = icon.pixmap(24, 24).toImage()
        assert any(image.pixelColor(x, y).alpha() for x in range(24) for y in range(24)), name


def test_icons_follow_the_palette() -> None:
    normal = icons.icon("users").pixmap(24, 24, mode=icons.QIcon.Mode.Normal).toImage()
    selected = icons.icon("users").pixmap(24, 24, mode=icons.QIcon.Mode.Selected).toImage()
    assert normal != selected


def test_ui_never_imports_sqlalchemy() -> None:
    """Layering: the UI talks to services and bootstrap, never to a database session."""
    offenders = []
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            offenders += [f"{path.name}: {name}" for name in names if name.split(".")[0] == "sqlalchemy"]
    assert not offenders


def test_every_user_visible_literal_goes_through_translation() -> None:
    """E1: setText/setTitle/setToolTip … in ui/ never get a bare string literal."""
    setters = {"setText", "setTitle", "setToolTip", "setWindowTitle", "setPlaceholderText", "addItem", "showMessage"}
    # Language names are shown in their own language; the product name is not translated.
    allowed = {"", "Deutsch", "English", "Mandant Desktop"}
    offenders = []
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in setters
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value not in allowed
            ):
                offenders.append(f"{path.name}:{node.lineno} {node.args[0].value!r}")
    assert not offenders


def test_decoration_is_an_icon() -> None:
    model = NavigationModel(PAGE_CLASSES)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole).isNull() is False
