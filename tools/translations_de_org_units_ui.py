"""German texts of the org units page (issue 4, UI); merged into tools/translations_de.py (same rules
as there). The service's messages are in translations_de_org_units.py."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- the tree and the page
    "Roles of the chosen user": "Rollen des gewählten Benutzers",
    "Inheritance": "Vererbung",
    "%1 — inherited from %2": "%1 – geerbt von „%2“",
    "These roles are inherited from %1; change them there, or break the inheritance here with “Edit roles”.": (
        "Diese Rollen sind von „%1“ geerbt; ändern Sie sie dort oder heben Sie die Vererbung hier mit "
        "„Rollen bearbeiten“ auf."
    ),
    "Passes the roles to all child units": "Gibt die Rollen an alle untergeordneten Einheiten weiter",
    "Passes on ↓": "Vererbt ↓",
    "Roles from above stop here (“Edit roles”)": "Rollen von oben enden hier („Rollen bearbeiten“)",
    "Chain broken ✕": "Unterbrochen ✕",
    "Name of the new unit under %1:": "Name der neuen Einheit unter „%1“:",
    "Name of the new top-level unit:": "Name der neuen Einheit auf oberster Ebene:",
    "Add child unit": "Untergeordnete Einheit hinzufügen",
    "%1 added.": "%1 hinzugefügt.",
    "Renamed to %1.": "Umbenannt in %1.",
    "Move %1 under %2": "%1 unter %2 verschieben",
    "the top": "die oberste Ebene",
    "Delete the org unit %1?": "Organisationseinheit „%1“ löschen?",
    "%n role assignment(s) in it are removed.": "%n Rollenzuweisung(en) darin werden entfernt.",
    "Delete org unit": "Organisationseinheit löschen",
    "%1 deleted.": "%1 gelöscht.",
    "Add access for %1 in %2": "Zugriff für „%1“ in „%2“ hinzufügen",
    "Inherit the roles of %1 from %2 (%3)": "Rollen von „%1“ ab „%2“ vererben (%3)",
    "replace": "ersetzen",
    "keep": "beibehalten",
    "Stop passing the roles of %1 in %2 to its child units? The inherited roles are removed from %3 "
    "(%4 role assignments); %2 keeps its own roles.": (
        "Die Rollen von „%1“ in „%2“ nicht mehr an die untergeordneten Einheiten vererben? Die geerbten Rollen "
        "werden aus %3 entfernt (%4 Rollenzuweisungen); „%2“ behält die eigenen Rollen."
    ),
    "%n unit(s)": "%n Einheit(en)",
    "%n role(s)": "%n Rolle(n)",
    "Inherit roles to child units": "Rollen an untergeordnete Einheiten vererben",
    "Stop inheriting": "Vererbung beenden",
    "Stop inheriting from %1": "Vererbung ab „%1“ beenden",
    "Editing the roles breaks the inheritance from %1 here: %2 keeps its roles in %3, now as direct "
    "roles, and the units below %3 stop inheriting through it.": (
        "Das Bearbeiten der Rollen hebt hier die Vererbung von „%1“ auf: „%2“ behält die Rollen in „%3“, nun als "
        "direkte Rollen, und die Einheiten unter „%3“ erben nicht mehr über sie."
    ),
    "Affected: %1 below, which lose %2 inherited role assignment(s).": (
        "Betroffen: %1 darunter, die %2 geerbte Rollenzuweisung(en) verlieren."
    ),
    "Break inheritance": "Vererbung aufheben",
    "Break the inheritance in %1": "Vererbung in „%1“ aufheben",
    "Undo: %1 (Ctrl+Z)": "Rückgängig: %1 (Strg+Z)",
    "Redo: %1 (Ctrl+Shift+Z)": "Wiederholen: %1 (Strg+Umschalt+Z)",
    "Nothing to change: it is so already.": "Nichts zu ändern: Es ist bereits so.",
    "&User:": "Be&nutzer:",
    "Search a user by name, user name or e-mail…": "Benutzer nach Name, Benutzername oder E-Mail suchen…",
    "User whose roles are shown": "Benutzer, dessen Rollen angezeigt werden",
    "Fi&nd org unit:": "Organisationseinheit &suchen:",
    "Unit name, Enter (again: next match)": "Name, Eingabe (erneut: nächster Treffer)",
    "Find org unit": "Organisationseinheit suchen",
    "&Add child unit…": "Untergeordnete Einheit &hinzufügen…",
    "Add a unit under the selected one (Ctrl+N)": "Eine Einheit unter der ausgewählten hinzufügen (Strg+N)",
    "Re&name": "&Umbenennen",
    "Rename the selected unit (F2)": "Die ausgewählte Einheit umbenennen (F2)",
    "&Move to…": "&Verschieben nach…",
    "Move the selected unit under another one (Ctrl+M); or drag it there": (
        "Die ausgewählte Einheit unter eine andere verschieben (Strg+M) – oder dorthin ziehen"
    ),
    "&Delete…": "&Löschen…",
    "Delete the selected unit (Del)": "Die ausgewählte Einheit löschen (Entf)",
    "Add a&ccess…": "Zu&griff hinzufügen…",
    "&Edit roles": "Rollen &bearbeiten",
    "E&xplain permissions…": "Berechtigungen &erklären…",
    "All acce&sses…": "&Alle Zugriffe…",
    "Accesses of the chosen &user…": "Zugriffe des gewählten Be&nutzers…",
    "Right-click a unit (or press the menu key) for its actions; drag a unit onto another to move it.": (
        "Rechtsklick auf eine Einheit (oder die Menütaste) zeigt ihre Aktionen; ziehen Sie eine Einheit auf "
        "eine andere, um sie zu verschieben."
    ),
    "No org unit matches.": "Keine Organisationseinheit passt.",
    "Find org unit (Enter)…": "Organisationseinheit suchen (Eingabe)…",
    # ---------------------------------------------------------------- the panel beside the tree
    "Remove %1": "%1 entfernen",
    "−": "−",
    "No org unit selected": "Keine Organisationseinheit ausgewählt",
    "Choose a user above to see and change their roles in the org units.": (
        "Wählen Sie oben einen Benutzer, um seine Rollen in den Organisationseinheiten zu sehen und zu ändern."
    ),
    "Select an org unit in the tree.": "Wählen Sie eine Organisationseinheit im Baum.",
    "Loading…": "Wird geladen…",
    "%1 has no role here, so no access to this unit.": (
        "„%1“ hat hier keine Rolle und daher keinen Zugriff auf diese Einheit."
    ),
    "Roles of %1 here, inherited from %2. To change them, break the inheritance with “Edit roles”.": (
        "Rollen von „%1“ hier, geerbt von „%2“. Um sie zu ändern, heben Sie die Vererbung mit „Rollen bearbeiten“ auf."
    ),
    "Roles of %1 here, assigned directly:": "Rollen von „%1“ hier, direkt zugewiesen:",
    "The roles here are inherited; break the inheritance with “Edit roles” first.": (
        "Die Rollen hier sind geerbt; heben Sie die Vererbung zuerst mit „Rollen bearbeiten“ auf."
    ),
    "Only a unit where the user holds direct roles passes them on to its child units.": (
        "Nur eine Einheit, in der der Benutzer direkte Rollen hat, gibt sie an untergeordnete Einheiten weiter."
    ),
    "&Add access…": "&Zugriff hinzufügen…",
    "Assign one or more roles to the user in this unit": (
        "Dem Benutzer eine oder mehrere Rollen in dieser Einheit zuweisen"
    ),
    "Break the inheritance here: the roles become direct roles of this unit": (
        "Die Vererbung hier aufheben: Die Rollen werden zu direkten Rollen dieser Einheit"
    ),
    "&Inherit roles to child units": "Rollen an untergeordnete Einheiten &vererben",
    # ---------------------------------------------------------------- dialogs
    "%1 (%n permission(s))": "%1 (%n Berechtigung(en))",
    "Search roles…": "Rollen suchen…",
    "&Add": "&Hinzufügen",
    "Choose the roles to assign:": "Wählen Sie die zuzuweisenden Rollen:",
    "&Replace existing roles": "Vorhandene Rollen &ersetzen",
    "&Keep existing roles": "Vorhandene Rollen &beibehalten",
    "The roles are assigned in every child unit below %1; the roles the user had there before are removed.": (
        "Die Rollen werden in allen untergeordneten Einheiten unter „%1“ zugewiesen; die Rollen, die der Benutzer "
        "dort bisher hatte, werden entfernt."
    ),
    "The roles are assigned only in child units where the user has no role yet; existing roles stay.": (
        "Die Rollen werden nur in untergeordneten Einheiten zugewiesen, in denen der Benutzer noch keine Rolle "
        "hat; vorhandene Rollen bleiben erhalten."
    ),
    "&Continue": "&Weiter",
    "%1 passes %2 to the units below it. What happens to roles the user already holds there?": (
        "„%1“ gibt %2 an die Einheiten darunter weiter. Was geschieht mit Rollen, die der Benutzer dort bereits hat?"
    ),
    "Affects %1: adds %2, removes %3.": "Betrifft %1: fügt %2 hinzu, entfernt %3.",
    "&Delete them too (%n unit(s) in all)": "Ebenfalls &löschen (insgesamt %n Einheit(en))",
    "&Move them up to %1": "In „%1“ &einordnen (eine Ebene höher)",
    "%1 has %n direct child unit(s). What should happen to them?": (
        "„%1“ hat %n direkte untergeordnete Einheit(en). Was soll mit ihnen geschehen?"
    ),
    "%n role assignment(s) in the deleted units are removed.": (
        "%n Rollenzuweisung(en) in den gelöschten Einheiten werden entfernt."
    ),
    "Move %1": "„%1“ verschieben",
    "Move to the &top level": "Auf die &oberste Ebene verschieben",
    "&Move": "&Verschieben",
    "Choose the org unit that %1 is moved under:": (
        "Wählen Sie die Organisationseinheit, unter die „%1“ verschoben wird:"
    ),
    # ---------------------------------------------------------------- explain (A10)
    "Explain permissions of %1": "Berechtigungen von „%1“ erklären",
    "Granted": "Erteilt",
    "Why": "Warum",
    "Assigned by": "Zugewiesen von",
    "Assigned on": "Zugewiesen am",
    "Filter permissions…": "Berechtigungen filtern…",
    "Choose an org unit on the left.": "Wählen Sie links eine Organisationseinheit.",
    "%1 in %2: %3 of %4 permissions granted.": "„%1“ in „%2“: %3 von %4 Berechtigungen erteilt.",
    "⚠ %1 holds no role in any org unit and therefore cannot log in. Assign a role on the org units "
    "page first.": (
        "⚠ „%1“ hat in keiner Organisationseinheit eine Rolle und kann sich daher nicht anmelden. Weisen Sie "
        "zuerst auf der Seite Organisationseinheiten eine Rolle zu."
    ),
    "Role %1, assigned directly": "Rolle „%1“, direkt zugewiesen",
    "Role %1, inherited from %2": "Rolle „%1“, geerbt von „%2“",
}
# fmt: on
