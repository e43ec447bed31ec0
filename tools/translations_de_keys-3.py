"""German texts of the keyboard walk keys-3 (E2): the search field of the roles page; merged into
tools/translations_de.py (same rules as there)."""

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
}
