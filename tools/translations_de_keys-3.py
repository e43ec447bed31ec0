"""German texts of the keyboard walk keys-3 (E2): the search field of the roles page, the "Remove
role" submenu; merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # ---------------------------------------------------------------- roles page (R1, E2)
    "Search roles and permissions (Ctrl+F)": "Rollen und Berechtigungen suchen (Strg+F)",
    "Shows the roles whose name or permissions hold the text; Enter or Down goes to them, Esc clears": (
        "Zeigt die Rollen, deren Name oder Berechtigungen den Text enthalten; Eingabe oder Pfeil nach unten "
        "führt zu ihnen, Esc leert das Feld"
    ),
    "Search roles": "Rollen suchen",
    "No role has this text in its name or in the name of one of its permissions.": (
        "Keine Rolle enthält diesen Text im Namen oder im Namen einer ihrer Berechtigungen."
    ),
    "%1 of %2 roles. Esc shows all.": "%1 von %2 Rollen. Esc zeigt alle.",
    # ---------------------------------------------------------------- "Remove role ▸" (E2, A1, A7)
    "&Remove role": "&Rolle entfernen",
    "The user holds no role here that could be removed.": (
        "Der Benutzer hat hier keine Rolle, die sich entfernen ließe."
    ),
    "The roles here are inherited; they are removed where they come from, or after Edit roles.": (
        "Die Rollen hier sind geerbt; sie werden dort entfernt, woher sie kommen, oder nach „Rollen bearbeiten“."
    ),
    "The roles here are still loading.": "Die Rollen hier werden noch geladen.",
    "You may not assign or remove roles in this org unit.": (
        "Sie dürfen in dieser Organisationseinheit keine Rollen zuweisen oder entfernen."
    ),
    "Remove one of the user's roles in this org unit (asks first)": (
        "Eine der Rollen des Benutzers in dieser Organisationseinheit entfernen (mit Rückfrage)"
    ),
    "Remove the role %1 here (asks first)": "Die Rolle %1 hier entfernen (mit Rückfrage)",
}
