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
from mandant_desktop.ui.pages import PAGES, page_classes, pages_for

UI = Path(__file__).resolve().parents[2] / "mandant_desktop" / "ui"


def test_navigation_model(qtmodeltester: ModelTester) -> None:
    model = NavigationModel(PAGES)
    qtmodeltester.check(model)
    assert model.data(model.index(4, 0)) == "Org units"
    assert model.data(model.index(4, 0), PAGE_ID_ROLE) == "org-units"
    model.set_pages(pages_for(viewer("audit.view")))
    qtmodeltester.check(model)
    assert model.page_ids() == ["audit"]
    model.set_pages([])
    qtmodeltester.check(model)


def test_each_entry_declares_what_its_page_class_declares() -> None:
    """S1, section 9: the navigation lists a page before importing its module (issue 8), so its
    entry repeats the class's ID, object name, permission, icon and title; they must agree."""
    for entry, page_class in zip(PAGES, page_classes(), strict=True):
        assert page_class.__name__ == entry.target.rpartition(":")[2]
        declared = (page_class.page_id, page_class.object_name, page_class.permission, page_class.icon_name)
        assert declared == (entry.page_id, entry.object_name, entry.permission, entry.icon_name), entry
        assert page_class.title_source == entry.title_source
        assert page_class.title() == entry.title()


def test_every_page_needs_an_existing_view_permission() -> None:
    """S1: the page permission is a real ``<area>.view`` code of the catalogue."""
    for page in PAGES:
        assert page.permission in ADMIN_CODES, page
        assert page.permission.endswith(".view")


def test_every_icon_renders() -> None:
    """E5: one icon per page plus the application icon, all from resources/."""
    names = [page.icon_name for page in PAGES] + [icons.APP_ICON, "refresh", "filter", "database", "search"]
    for name in names:
        icon = icons.icon(name)
        assert not icon.isNull(), name
        image = icon.pixmap(24, 24).toImage()
        assert any(image.pixelColor(x, y).alpha() for x in range(24) for y in range(24)), name


def test_icons_follow_the_palette() -> None:
    normal = icons.icon("users").pixmap(24, 24, mode=icons.QIcon.Mode.Normal).toImage()
    selected = icons.icon("users").pixmap(24, 24, mode=icons.QIcon.Mode.Selected).toImage()
    assert normal != selected


def _runtime_nodes(tree: ast.Module) -> list[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:`` (imports for annotations only)."""
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            hidden.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    return [node for node in ast.walk(tree) if id(node) not in hidden]


def test_ui_never_touches_the_database_layer() -> None:
    """Layering: the UI talks to services and bootstrap, never to SQLAlchemy, ``db`` or a session."""
    offenders = []
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in _runtime_nodes(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            offenders += [
                f"{path.name}: import {name}"
                for name in names
                if name.split(".")[0] == "sqlalchemy" or name.startswith("mandant_desktop.db")
            ]
            if isinstance(node, ast.Attribute) and node.attr in {"session_factory", "engine"}:
                offenders.append(f"{path.name}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.Name | ast.Attribute) and "QStandardItemModel" in ast.unparse(node):
                offenders.append(f"{path.name}:{node.lineno} QStandardItemModel")
    assert not offenders


#: calls whose string arguments the user reads
_TEXT_CALLS = {
    "setText", "setTitle", "setToolTip", "setWindowTitle", "setPlaceholderText", "addItem", "setItemText",
    "showMessage", "setSpecialValueText", "setAccessibleName", "setAccessibleDescription", "setStatusTip",
    "setWhatsThis", "setLabelText", "addMenu", "addAction", "addRow", "addTab", "setTabText", "show_status",
    "show_error", "show_info", "confirm", "information", "warning", "error", "ask_text",
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QGroupBox", "QRadioButton", "QToolButton", "QMenu",
}  # fmt: skip
#: receivers whose ``warning``/``error`` are log calls, not messages to the user
_LOGGERS = {"log", "logging", "logger", "parser"}


def test_every_user_visible_literal_goes_through_translation() -> None:
    """E1: texts for widgets, actions, menus, the status bar and message boxes are never bare literals."""
    # Language names are shown in their own language; the product name is not translated.
    allowed = {"", "Deutsch", "English", "Mandant Desktop"}
    offenders = []
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name not in _TEXT_CALLS:
                continue
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in _LOGGERS:
                continue
            offenders += [
                f"{path.name}:{node.lineno} {arg.value!r}"
                for arg in [*node.args, *(keyword.value for keyword in node.keywords)]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in allowed
            ]
    assert not offenders


def test_decoration_is_an_icon() -> None:
    model = NavigationModel(PAGES)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole).isNull() is False
