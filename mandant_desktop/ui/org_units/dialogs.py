"""The dialogs of the org units page: role picker, inheritance, delete, move (SPEC A4, A5, A9).

Each is opened window-modal with ``open()`` and tells its outcome through ``accepted``; the page
reads the choice from it. No dialog calls a service: the page passes the figures it shows.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.domain.inheritance import InheritMode
from mandant_desktop.services.assignments import RoleChoice
from mandant_desktop.services.org_units import InheritImpact
from mandant_desktop.ui import help_texts
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.forms import fit_placeholder, open_at_least
from mandant_desktop.ui.multi_select import CheckListModel
from mandant_desktop.ui.org_units.finder import Revealer, SearchFn, UnitFinder, current_unit_id
from mandant_desktop.ui.org_units.tree_model import ChildrenLoader, OrgUnitTreeModel
from mandant_desktop.ui.search_filter import FoldedFilterProxy


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def _option_note(text: str, name: str) -> QLabel:
    """The explanation under a radio button, indented to its text."""
    label = _label(text, name)
    label.setContentsMargins(24, 0, 0, 8)
    return label


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName("dialogOkButton")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class RolePickerDialog(QDialog):
    """ "Add access": tick one or more roles, each shown with its number of permissions (A4)."""

    def __init__(self, title: str, roles: Iterable[RoleChoice], held: set[int], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("rolePickerDialog")
        self.setWindowTitle(title)
        self.model = CheckListModel(self)
        self.model.set_items(
            (
                role.id,
                self.tr("%1 (%Ln permission(s))", None, role.permission_count).replace("%1", role.name),
            )
            for role in roles
            if role.id not in held
        )
        proxy = FoldedFilterProxy(self)
        proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setObjectName("rolePickerSearch")
        self.search.setPlaceholderText(self.tr("Search roles…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(proxy.set_search)
        self.list = QListView()
        self.list.setObjectName("rolePickerList")
        self.list.setModel(proxy)
        self.buttons = _buttons(self, self.tr("&Add"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.model.changed.connect(
            lambda: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.model.checked()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr("Choose the roles to assign:")))
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        open_at_least(self, 70, 30)

    def chosen(self) -> list[int]:
        return self.model.checked()


class InheritDialog(QDialog):
    """ "Inherit roles to child units": Replace existing / Keep existing → Continue (A5)."""

    def __init__(
        self, unit_name: str, roles: str, replace: InheritImpact, keep: InheritImpact, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inheritDialog")
        self.setWindowTitle(self.tr("Inherit roles to child units"))
        self.replace_button = QRadioButton(self.tr("&Replace existing roles"))
        self.replace_button.setObjectName("inheritReplace")
        self.keep_button = QRadioButton(self.tr("&Keep existing roles"))
        self.keep_button.setObjectName("inheritKeep")
        self.keep_button.setChecked(True)  # the careful choice: nothing anybody holds is taken away
        group = QButtonGroup(self)
        group.addButton(self.replace_button)
        group.addButton(self.keep_button)
        replace_note = self.tr(
            "The roles are assigned in every child unit below %1; the roles the user had there before are removed."
        ).replace("%1", unit_name)
        keep_note = self.tr(
            "The roles are assigned only in child units where the user has no role yet; existing roles stay."
        )
        self.buttons = _buttons(self, self.tr("&Continue"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _label(
                self.tr("%1 passes %2 to the units below it. What happens to roles the user already holds there?")
                .replace("%1", unit_name)
                .replace("%2", roles)
            )
        )
        layout.addWidget(self.replace_button)
        layout.addWidget(_option_note(replace_note + "\n" + self._impact(replace), "inheritReplaceImpact"))
        layout.addWidget(self.keep_button)
        layout.addWidget(_option_note(keep_note + "\n" + self._impact(keep), "inheritKeepImpact"))
        layout.addWidget(self.buttons)
        help_texts.apply(self)
        open_at_least(self, 93)

    def _impact(self, impact: InheritImpact) -> str:
        return (
            self.tr("Affects %1: adds %2, removes %3.")
            .replace("%1", self.tr("%Ln unit(s)", None, impact.units))
            .replace("%2", self.tr("%Ln role(s)", None, impact.roles_added))
            .replace("%3", number_text(impact.roles_removed))
        )

    def mode(self) -> InheritMode:
        return "replace" if self.replace_button.isChecked() else "keep"


class DeleteUnitDialog(QDialog):
    """Deleting a unit with children asks what happens to them (A9); ``parent_name`` None: the unit
    is on the top level."""

    def __init__(
        self,
        unit_name: str,
        parent_name: str | None,
        children: int,
        descendants: int,
        assignments: int,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deleteUnitDialog")
        self.setWindowTitle(self.tr("Delete org unit"))
        self.delete_button = QRadioButton(self.tr("Delete &them too (%Ln unit(s) in all)", None, descendants))
        self.delete_button.setObjectName("deleteChildren")
        # parent_name None: the unit is on the top level, which is no name to put in „…“ (E1)
        self.lift_button = QRadioButton(
            self.tr("&Move them up to the top level")
            if parent_name is None
            else self.tr("&Move them up to %1").replace("%1", parent_name)
        )
        self.lift_button.setObjectName("liftChildren")
        self.lift_button.setChecked(True)  # the harmless answer is the default
        group = QButtonGroup(self)
        group.addButton(self.delete_button)
        group.addButton(self.lift_button)
        self.buttons = _buttons(self, self.tr("&Delete"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            _label(
                self.tr("%1 has %Ln direct child unit(s). What should happen to them?", None, children).replace(
                    "%1", unit_name
                )
            )
        )
        layout.addWidget(self.lift_button)
        layout.addWidget(self.delete_button)
        if assignments:
            layout.addWidget(
                _label(self.tr("%Ln role assignment(s) in the deleted units are removed.", None, assignments))
            )
        layout.addWidget(self.buttons)
        open_at_least(self, 80)

    def mode(self) -> str:
        return "delete" if self.delete_button.isChecked() else "lift"


class UnitPicker(QWidget):
    """A search field over a lazy tree of units (name column only), for choosing one unit."""

    def __init__(self, load_children: ChildrenLoader, search: SearchFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OrgUnitTreeModel(load_children, None, self, columns=1)
        self.model.drag_enabled = False
        self.search = QLineEdit()
        self.search.setObjectName("unitPickerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Find org unit (Enter)…"))
        fit_placeholder(self.search)
        self.view = QTreeView()
        self.view.setObjectName("unitPickerTree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.revealer = Revealer(self.model, self.view)
        self.finder = UnitFinder(self.search, self.revealer, search)
        self.match_label = QLabel()
        self.finder.status_changed.connect(self.match_label.setText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.match_label)
        layout.addWidget(self.view, 1)
        self.model.reload()

    def current(self) -> int | None:
        return current_unit_id(self.view)


class MoveDialog(QDialog):
    """ "Move to…": choose the new parent in a tree of units, or the top level (A9)."""

    def __init__(self, unit_name: str, load_children: ChildrenLoader, search: SearchFn, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("moveUnitDialog")
        self.setWindowTitle(self.tr("Move %1").replace("%1", unit_name))
        self.picker = UnitPicker(load_children, search, self)
        self.top_level = QCheckBox(self.tr("Move to the &top level"))
        self.top_level.setObjectName("moveTopLevel")
        self.top_level.toggled.connect(lambda on: self.picker.setEnabled(not on))
        self.buttons = _buttons(self, self.tr("&Move"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)

        def update() -> None:
            ok.setEnabled(self.top_level.isChecked() or self.picker.current() is not None)

        self.top_level.toggled.connect(update)
        self.picker.view.selectionModel().currentChanged.connect(lambda *_: update())
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr("Choose the org unit that %1 is moved under:").replace("%1", unit_name)))
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.top_level)
        layout.addWidget(self.buttons)
        open_at_least(self, 73, 37)

    def target(self) -> int | None:
        """The new parent (None: the top level)."""
        return None if self.top_level.isChecked() else self.picker.current()


def open_dialog(dialog: QDialog) -> None:
    """Window-modal, not blocking: the outcome arrives through the dialog's signals."""
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def dialog_button(dialog: QDialog) -> QPushButton:
    """The dialog's OK button (for tests and for keyboard focus)."""
    button = dialog.findChild(QPushButton, "dialogOkButton")
    assert button is not None
    return button
