"""The contacts page: contacts with person-roles, distribution lists and templates (SPEC T7-T12).

Each of the three tabs is built, and reads its rows, when it is first shown or asked for
(:class:`~mandant_desktop.ui.deferred_tab.DeferredTab`, issue 8): opening the page builds and
loads the tab shown, not the two hidden ones (the lists' member counts were the page's slowest
statement on the large demo).
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar, TypeVar

from PySide6.QtWidgets import QLineEdit, QTabWidget, QVBoxLayout, QWidget

from mandant_desktop.ui.contacts.contacts_tab import ContactsTab
from mandant_desktop.ui.contacts.lists_tab import ListsTab, TemplatesTab
from mandant_desktop.ui.deferred_tab import DeferredTab
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.layout_memory import remember_tab
from mandant_desktop.ui.page import Page, PageContext

CONTACTS, LISTS, TEMPLATES = range(3)

_Tab = TypeVar("_Tab", ContactsTab, ListsTab, TemplatesTab)


class ContactsPage(Page):
    page_id: ClassVar[str] = "contacts"
    object_name: ClassVar[str] = "page.contacts"
    permission: ClassVar[str] = "contacts.view"
    icon_name: ClassVar[str] = "contacts"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Contacts & lists")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        # The name the remembered tab is saved under (E4) is its content's objectName, built or not.
        self._deferred = tuple(
            DeferredTab(name, partial(self._build, kind, name))
            for kind, name in ((ContactsTab, "contactsTab"), (ListsTab, "listsTab"), (TemplatesTab, "templatesTab"))
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("contactTabs")
        for deferred in self._deferred:
            deferred.built.connect(self.grown)
            self.tabs.addTab(deferred, "")
        # E4: the tab shown last (contacts, distribution lists, templates) comes back, and only it
        # is built and loaded when the page is shown.
        remember_tab(context.settings, self.page_id, self.tabs)
        # The tab the page opens on reads its rows now, as the page is made (the others when shown).
        self._deferred[self.tabs.currentIndex()].content()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.tabs)
        self.retranslateUi()

    def _build(self, kind: type[ContactsTab | ListsTab | TemplatesTab], name: str) -> QWidget:
        """A tab's content, made on its first show: named, translated, its rows read on a worker."""
        tab = kind(self)
        tab.setObjectName(name)
        tab.retranslateUi()
        tab.reload()
        return tab

    def _part(self, index: int, kind: type[_Tab]) -> _Tab:
        """The content of tab ``index``, built and loading now if it was not shown yet."""
        tab = self._deferred[index].content()
        assert isinstance(tab, kind)
        return tab

    @property
    def contacts(self) -> ContactsTab:
        return self._part(CONTACTS, ContactsTab)

    @property
    def lists(self) -> ListsTab:
        return self._part(LISTS, ListsTab)

    @property
    def templates(self) -> TemplatesTab:
        return self._part(TEMPLATES, TemplatesTab)

    def _built(self) -> list[ContactsTab | ListsTab | TemplatesTab]:
        """The tabs built so far (one not built yet reads its rows when it is first shown)."""
        built = [deferred.content() for deferred in self._deferred if deferred.is_built]
        return [tab for tab in built if isinstance(tab, ContactsTab | ListsTab | TemplatesTab)]

    def search_field(self) -> QLineEdit | None:
        self.tabs.setCurrentIndex(CONTACTS)
        return self.contacts.search

    @property
    def busy(self) -> bool:
        """True while contacts, lists or templates, or the person-roles of the selected contact and
        the members of the selected list, are loading on a worker (S5); a tab not built yet loads nothing."""
        return any(tab.loader.busy if isinstance(tab, TemplatesTab) else tab.busy for tab in self._built())

    def refresh(self) -> bool:
        # Each tab reports its own refusal; the page counts as refreshed when every built tab loaded.
        results = [tab.reload() for tab in self._built()]
        return all(results)

    def retranslateUi(self) -> None:
        self.tabs.setTabText(CONTACTS, self.tr("Contacts"))
        self.tabs.setTabText(LISTS, self.tr("Distribution lists"))
        self.tabs.setTabText(TEMPLATES, self.tr("Templates"))
        for tab in self._built():
            tab.retranslateUi()
