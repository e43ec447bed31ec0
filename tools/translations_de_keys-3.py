"""German texts of the keyboard walk keys-3 (E2): the search fields of the roles and the role
assignment pages, the "Remove role" submenu; merged into tools/translations_de.py (same rules as there)."""

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
    # ---------------------------------------------------------------- role assignment page (A1, A4, E2)
    "in org units": "in Organisationseinheiten",
    "in users": "in Benutzern",
    "What the search field looks for": "Wonach das Suchfeld sucht",
    "Search in": "Suchen in",
    "Search org units (Ctrl+F)": "Organisationseinheiten suchen (Strg+F)",
    "Search org units": "Organisationseinheiten suchen",
    "Shows the users whose name, user name or e-mail holds the text": (
        "Zeigt die Benutzer, deren Name, Benutzername oder E-Mail-Adresse den Text enthält"
    ),
    "Shows the org units whose name holds the text, with the units above them": (
        "Zeigt die Organisationseinheiten, deren Name den Text enthält, mit den Einheiten darüber"
    ),
    "Enter or Down goes to the first match, Esc shows all": (
        "Eingabe oder Pfeil nach unten führt zum ersten Treffer, Esc zeigt alle"
    ),
    "Search: %1 found (Esc shows all).": "Suche: %1 gefunden (Esc zeigt alle).",
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
