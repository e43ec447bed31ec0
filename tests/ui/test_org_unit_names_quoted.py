"""German texts of the org units page put unit and user names in „…“ (SPEC E1, A9)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mandant_desktop.ui.i18n import LanguageManager
from mandant_desktop.ui.org_units.dialogs import DeleteUnitDialog

#: (context, English text, the placeholders that stand for a unit, user or role name)
NAMED = [
    ("OrgUnitsPage", "Name of the new unit under %1:", "1"),
    ("OrgUnitsPage", "Delete the org unit %1?", "1"),
    ("OrgUnitsPage", "Deleting %1…", "1"),
    ("DeleteUnitDialog", "&Move them up to %1", "1"),
    ("ExplainDialog", "Explain permissions of %1", "1"),
    ("ExplainDialog", "%1 in %2: %3 of %4 permissions granted.", "12"),
    (
        "ExplainDialog",
        "⚠ %1 holds no role in any org unit and therefore cannot log in. Assign a role on the org units page first.",
        "1",
    ),
    ("ExplainDialog", "Role %1, assigned directly", "1"),
    ("ExplainDialog", "Role %1, inherited from %2", "12"),
    (
        "InheritDialog",
        "The roles are assigned in every child unit below %1; the roles the user had there before are removed.",
        "1",
    ),
    ("InheritDialog", "%1 passes %2 to the units below it. What happens to roles the user already holds there?", "1"),
    ("MoveDialog", "Move %1", "1"),
    ("MoveDialog", "Choose the org unit that %1 is moved under:", "1"),
    ("OrgUnitTreeModel", "%1 — inherited from %2", "2"),
    (
        "OrgUnitTreeModel",
        "These roles are inherited from %1; change them there, or break the inheritance here with “Edit roles”.",
        "1",
    ),
    ("RoleEditor", "Add access for %1 in %2", "12"),
    ("RoleEditor", "Add %1 for %2 in %3", "23"),
    ("RoleEditor", "Remove %1 for %2 in %3", "23"),
    ("RoleEditor", "Inherit the roles of %1 from %2 (%3)", "12"),
    ("RoleEditor", "Stop inheriting from %1", "1"),
    (
        "RoleEditor",
        "Editing the roles breaks the inheritance from %1 here: %2 keeps its roles in %3, now as direct roles, "
        "and the units below %3 stop inheriting through it.",
        "123",
    ),
    ("RoleEditor", "Break the inheritance in %1", "1"),
    ("UnitRolesPanel", "%1 has no role here, so no access to this unit.", "1"),
    (
        "UnitRolesPanel",
        "Roles of %1 here, inherited from %2. To change them, break the inheritance with “Edit roles”.",
        "12",
    ),
    ("UnitRolesPanel", "Roles of %1 here, assigned directly:", "1"),
]


@pytest.mark.parametrize(("context", "source", "names"), NAMED, ids=[f"{c}:{s[:30]}" for c, s, _ in NAMED])
def test_a_name_in_a_german_org_units_text_stands_in_quotation_marks(
    language: LanguageManager, context: str, source: str, names: str
) -> None:
    """E1: "Organisationseinheit Vertrieb Süd löschen?" ran the name into the sentence; names stand
    in „…“ as in the other German messages (commit 40e5513)."""
    language.choose("de")
    german = QCoreApplication.translate(context, source)
    assert german != source
    for number in names:
        assert german.count(f"%{number}") == german.count(f"„%{number}“") > 0, german


@pytest.mark.parametrize("count", [1, 3])
def test_the_stop_passing_question_quotes_the_user_and_the_unit(language: LanguageManager, count: int) -> None:
    """E1, A7: both plural forms of the question name the user and the unit in „…“."""
    language.choose("de")
    german = QCoreApplication.translate(
        "RoleEditor",
        "Stop passing the roles of %1 in %2 to its child units? The inherited roles are removed from %3 "
        "(%Ln role assignment(s)); %2 keeps its own roles.",
        None,
        count,
    )
    assert german.startswith("Die Rollen von „%1“ in „%2“ nicht mehr")
    assert german.count("„%2“") == german.count("%2") == 2


def test_the_delete_unit_dialog_quotes_the_unit_and_its_parent(qtbot: QtBot, language: LanguageManager) -> None:
    """A9, E1: the dialog asking about the children of a deleted unit names both in „…“."""
    language.choose("de")
    dialog = DeleteUnitDialog("Vertrieb Süd", "Vertrieb", 2, 5, 0, None)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "„Vertrieb Süd“ hat 2 direkte untergeordnete Einheiten. Was soll mit ihnen geschehen?" in texts
    assert dialog.lift_button.text() == "In „Vertrieb“ &einordnen (eine Ebene höher)"
