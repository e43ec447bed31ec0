"""The contacts page: contacts with person-roles, distribution lists and templates (SPEC T7-T12)."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QLineEdit, QTabWidget, QVBoxLayout, QWidget

from mandant_desktop.ui.contacts.contacts_tab import ContactsTab
from mandant_desktop.ui.contacts.lists_tab import ListsTab, TemplatesTab
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.layout_memory import remember_tab
from mandant_desktop.ui.page import Page, PageContext

CONTACTS, LISTS, TEMPLATES = range(3)


class ContactsPage(Page):
    page_id: ClassVar[str] = "contacts"
    object_name: ClassVar[str] = "page.contacts"
    permission: ClassVar[str] = "contacts.view"
    icon_name: ClassVar[str] = "contacts"
    title_source: ClassVar[str] = QT_TRANSLATE_NOOP("Pages", "Contacts & lists")

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.contacts = ContactsTab(self)
        self.lists = ListsTab(self)
        self.templates = TemplatesTab(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("contactTabs")
        for tab, name in ((self.contacts, "contactsTab"), (self.lists, "listsTab"), (self.templates, "templatesTab")):
            tab.setObjectName(name)  # the name the remembered tab is saved under
            self.tabs.addTab(tab, "")
        # E4: the tab shown last (contacts, distribution lists, templates) comes back.
        remember_tab(context.settings, self.page_id, self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.tabs)
        self.retranslateUi()
        self.refresh()

    def search_field(self) -> QLineEdit | None:
        self.tabs.setCurrentIndex(CONTACTS)
        return self.contacts.search

    @property
    def busy(self) -> bool:
        """True while contacts, lists or templates, or the person-roles of the selected contact and
        the members of the selected list, are loading on a worker (S5)."""
        return self.contacts.busy or self.lists.busy or self.templates.loader.busy

    def refresh(self) -> bool:
        # Each tab reports its own refusal; the page counts as refreshed when all three loaded.
        results = [tab.reload() for tab in (self.contacts, self.lists, self.templates)]
        return all(results)

    def retranslateUi(self) -> None:
        self.tabs.setTabText(CONTACTS, self.tr("Contacts"))
        self.tabs.setTabText(LISTS, self.tr("Distribution lists"))
        self.tabs.setTabText(TEMPLATES, self.tr("Templates"))
        for tab in (self.contacts, self.lists, self.templates):
            tab.retranslateUi()
