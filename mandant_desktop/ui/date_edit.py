"""A date edit with an optional date, for the forms that ask for one (audit filter, contact birthday).

In a module of its own rather than beside the small helpers of ``forms``: the start imports those,
and PySide creates a class's enum classes (QDateTimeEdit's, QAbstractSpinBox's) when the class is
first used, here by defining the subclass (issue 8).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QWidget

from mandant_desktop.ui import formats


class OptionalDateEdit(QDateEdit):
    """A date edit whose minimum date means "no date", shown as its special value text.

    E1: dates are written as everywhere else, in the short format of the UI language with the full
    year (:func:`formats.date_format`), and a language switch switches the format (and the month
    names of the calendar) at once, keeping the date.

    E2: Tab must leave it while that text shows. QDateTimeEdit moves Tab between the day, month and
    year of the date, but over the special text it finds no section to end on and keeps the focus.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._follow_language()

    def _follow_language(self) -> None:
        # A widget keeps the default locale it was made with; the language manager has set a new one.
        self.setLocale(QLocale())
        self.setDisplayFormat(formats.date_format())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._follow_language()
        super().changeEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.specialValueText() and self.date() == self.minimumDate():
            return QAbstractSpinBox.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)
