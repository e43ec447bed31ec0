"""German texts of the qa-walk-3 fixes (the audit log's summaries, ...); merged into
tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # ---------------------------------------------------------------- audit log summaries (S3, E1)
    "undo": "Rückgängig gemacht",
    "import": "Import",
    "role assigned": "Rolle zugewiesen",
    "role removed": "Rolle entfernt",
    "bulk edit": "Massenbearbeitung",
    "inheritance ticked (keep)": "Vererbung eingeschaltet (vorhandene Rollen beibehalten)",
    "inheritance ticked (replace)": "Vererbung eingeschaltet (vorhandene Rollen ersetzt)",
    "inheritance unticked": "Vererbung ausgeschaltet",
    "inheritance broken": "Vererbung unterbrochen",
    "inherited from the root unit": "von der obersten Einheit geerbt",
    "org unit added": "Organisationseinheit hinzugefügt",
    "org unit moved": "Organisationseinheit verschoben",
    "org unit deleted": "Organisationseinheit gelöscht",
    "org unit deleted, children lifted": (
        "Organisationseinheit gelöscht, untergeordnete Einheiten nach oben gerückt"
    ),
    "activation link sent": "Aktivierungslink gesendet",
    "activation link sent to the new address": "Aktivierungslink an die neue Adresse gesendet",
    "unused activation links made invalid": "Unbenutzte Aktivierungslinks ungültig gemacht",
    "deactivated with its customer": "mit dem Kunden deaktiviert",
    "external user removed with its customer's portal access": (
        "Externer Benutzer mit dem Remote Access des Kunden entfernt"
    ),
    "role %1 deleted": "Rolle %1 gelöscht",
}
