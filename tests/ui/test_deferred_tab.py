"""A tab whose page is built when first shown or asked for (issue 8, E4)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from mandant_desktop.ui import settings as ui_settings
from mandant_desktop.ui.deferred_tab import DeferredTab, tab_name
from mandant_desktop.ui.layout_memory import remember_tab
from mandant_desktop.ui.settings import Settings


def _tabs(qtbot: QtBot, builds: list[str]) -> tuple[QTabWidget, DeferredTab]:
    def build() -> QWidget:
        builds.append("built")
        label = QLabel("content")
        label.setObjectName("lateContent")
        return label

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    first = QLabel("first")
    first.setObjectName("firstContent")
    tabs.addTab(first, "First")
    deferred = DeferredTab("lateContent", build)
    tabs.addTab(deferred, "Later")
    return tabs, deferred


def test_the_content_is_built_once_when_the_tab_is_first_shown(qtbot: QtBot) -> None:
    """Issue 8: nothing of a hidden tab's content exists while another tab shows; choosing the
    tab builds it before it paints, visible at once, and only once; its title was there before."""
    builds: list[str] = []
    tabs, deferred = _tabs(qtbot, builds)
    seen: list[QWidget] = []
    deferred.built.connect(seen.append)
    tabs.show()
    qtbot.waitExposed(tabs)
    assert not builds and not deferred.is_built and tabs.findChild(QLabel, "lateContent") is None
    assert tabs.tabText(1) == "Later"
    tabs.setCurrentIndex(1)
    content = tabs.findChild(QLabel, "lateContent")
    assert builds == ["built"] and content is not None and content.isVisible()
    assert seen == [deferred] and deferred.content() is content
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(1)
    assert builds == ["built"] and content.isVisible()


def test_content_asked_for_is_built_hidden_until_its_tab_shows(qtbot: QtBot) -> None:
    """Issue 8: code that asks for the content gets it at once; it shows when its tab is chosen."""
    builds: list[str] = []
    tabs, deferred = _tabs(qtbot, builds)
    tabs.show()
    qtbot.waitExposed(tabs)
    content = deferred.content()
    assert builds == ["built"] and content.objectName() == "lateContent" and not content.isVisible()
    tabs.setCurrentWidget(deferred)
    assert content.isVisible() and builds == ["built"]


def test_a_deferred_tab_is_remembered_by_its_content_name(qtbot: QtBot, settings: Settings) -> None:
    """E4: the tab shown last is saved under its content's name, built or not, and comes back."""
    builds: list[str] = []
    tabs, deferred = _tabs(qtbot, builds)
    assert tab_name(deferred) == "lateContent" and tab_name(tabs.widget(0)) == "firstContent"
    tabs.setObjectName("accessViews")
    remember_tab(settings, "tenants", tabs)
    tabs.setCurrentIndex(1)
    assert settings.value(ui_settings.tab_setting("tenants", "accessViews")) == "lateContent"
    again, _deferred = _tabs(qtbot, [])
    again.setObjectName("accessViews")
    remember_tab(settings, "tenants", again)
    assert again.currentIndex() == 1
