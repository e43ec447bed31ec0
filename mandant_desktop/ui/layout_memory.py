"""Splitters, column widths, column order and sort orders of a page come back in the next session (SPEC E4).

A page hands each splitter and item view to :func:`remember` as it builds them, before its first
load: the saved state is restored at once (so a remembered sort order is the first query's order)
and every change is saved as it happens (a page has no "closing" moment of its own). The keys are
declared in :data:`mandant_desktop.ui.settings.PAGE_LAYOUTS` by page ID and objectName; an
undeclared widget raises, so that no key is made up on the spot.

A header's saved state also holds how each column resizes (fixed, stretch, to its contents …). That
is the code's decision, not the user's, and changes between versions: a layout saved before a column
was made to stretch would keep it fixed for ever. So a view's resize modes are set up before it is
remembered, and :func:`remember` puts them back after restoring the widths, order, hidden columns
and sort order a user left.

A tab widget keeps the tab shown last (:func:`remember_tab`), restored as the page is built, so
that its first load is the one that tab needs. A tab is remembered by its page's name, or, for a
page built when first shown (:class:`~mandant_desktop.ui.deferred_tab.DeferredTab`), by the name
of the content it stands for.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QTabWidget, QTreeView

from mandant_desktop.ui.deferred_tab import tab_name
from mandant_desktop.ui.settings import Settings, layout_setting, tab_setting

#: the dynamic property that marks a remembered widget (tests check that every one is)
REMEMBERED_AS = "rememberedAs"


def remember(settings: Settings, page_id: str, widget: QSplitter | QAbstractItemView) -> None:
    """Restore ``widget``'s saved state and save each change of it, under its declared key."""
    setting = layout_setting(page_id, widget.objectName())
    widget.setProperty(REMEMBERED_AS, setting.key)
    if isinstance(widget, QSplitter):
        splitter = widget
        saved = settings.value(setting)
        if not saved.isEmpty():
            splitter.restoreState(saved)
        splitter.splitterMoved.connect(lambda *_args: settings.set_value(setting, splitter.saveState()))
        return
    header = view_header(widget)
    saved = settings.value(setting)
    if not saved.isEmpty():
        modes = [header.sectionResizeMode(section) for section in range(header.count())]
        stretch_last, cascading = header.stretchLastSection(), header.cascadingSectionResizes()
        # On a view with sorting on, this also sorts the model: restoreState announces the indicator.
        header.restoreState(saved)
        header.setStretchLastSection(stretch_last)
        header.setCascadingSectionResizes(cascading)
        for section, mode in enumerate(modes[: header.count()]):
            header.setSectionResizeMode(section, mode)

    def save(*_args: object) -> None:
        settings.set_value(setting, header.saveState())

    header.sectionResized.connect(save)
    header.sectionMoved.connect(save)
    header.sortIndicatorChanged.connect(save)


def remember_tab(settings: Settings, page_id: str, tabs: QTabWidget) -> None:
    """Show the tab of ``tabs`` shown last (by its page's :func:`tab_name`) and save each change.

    Call it once the tabs are added and before anything reacts to ``currentChanged``: the tab is
    restored as part of the build, not as a switch."""
    setting = tab_setting(page_id, tabs.objectName())
    tabs.setProperty(REMEMBERED_AS, setting.key)
    saved = settings.value(setting)
    for index in range(tabs.count()):
        widget = tabs.widget(index)
        if saved and widget is not None and tab_name(widget) == saved:
            tabs.setCurrentIndex(index)
            break

    def save(index: int) -> None:
        widget = tabs.widget(index)
        if widget is not None and tab_name(widget):
            settings.set_value(setting, tab_name(widget))

    tabs.currentChanged.connect(save)


def view_header(view: QAbstractItemView) -> QHeaderView:
    """The header whose state is a view's column layout: a table's horizontal one, a tree's."""
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    raise TypeError(f"{type(view).__name__} has no column header to remember")
