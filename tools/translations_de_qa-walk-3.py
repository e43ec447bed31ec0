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
    # ---------------------------------------------------------------- test mail on a worker (S5, E3)
    "Sending the test mail to %1…": "Die Test-E-Mail wird an %1 gesendet…",
    "Send again": "Erneut senden",
    "Sending %Ln mail(s)…": ("%Ln E-Mail wird gesendet…", "%Ln E-Mails werden gesendet…"),
    # ---------------------------------------------------------------- user names (U2, C10)
    "A user name may contain the letters a-z without umlauts or ß (write ae, oe, ue, ss), digits and "
    ". _ @ - and must start with a letter or digit.": (
        "Ein Benutzername darf die Buchstaben a–z ohne Umlaute und ß (schreiben Sie ae, oe, ue, ss), Ziffern "
        "und . _ @ - enthalten und muss mit einem Buchstaben oder einer Ziffer beginnen."
    ),
}

#: the audit log's field names (context AuditFields: "Value", "Subject" … are words elsewhere too)
CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    ("AuditFields", "Activated at"): "Aktiviert am",
    ("AuditFields", "Area"): "Bereich",
    ("AuditFields", "Text"): "Text",
    ("AuditFields", "Code"): "Kennung",
    ("AuditFields", "Contact (ID)"): "Kontaktperson (ID)",
    ("AuditFields", "Created at"): "Angelegt am",
    ("AuditFields", "Created by"): "Angelegt von",
    ("AuditFields", "Database"): "Datenbank",
    ("AuditFields", "Deleted at"): "Gelöscht am",
    ("AuditFields", "Deleted by"): "Gelöscht von",
    ("AuditFields", "Level in the tree"): "Ebene im Baum",
    ("AuditFields", "E-mail (for comparing)"): "E-Mail (zum Vergleich)",
    ("AuditFields", "Failed log-ins"): "Fehlgeschlagene Anmeldungen",
    ("AuditFields", "Function"): "Funktion",
    ("AuditFields", "Rights group (ID)"): "Rechte-Gruppe (ID)",
    ("AuditFields", "ID"): "ID",
    ("AuditFields", "External administrator"): "Externer Administrator",
    ("AuditFields", "Setting"): "Einstellung",
    ("AuditFields", "Last failed log-in"): "Letzte fehlgeschlagene Anmeldung",
    ("AuditFields", "Last log-in"): "Letzte Anmeldung",
    ("AuditFields", "Distribution list (ID)"): "Verteiler (ID)",
    ("AuditFields", "Locked until"): "Gesperrt bis",
    ("AuditFields", "User name (hashed)"): "Benutzername (Hash)",
    ("AuditFields", "Name (for comparing)"): "Name (zum Vergleich)",
    ("AuditFields", "Newsroom name"): "Newsroom-Name",
    ("AuditFields", "Newsroom slug"): "Newsroom-Kürzel",
    ("AuditFields", "Org units (IDs)"): "Organisationseinheiten (IDs)",
    ("AuditFields", "Organisation"): "Organisation",
    ("AuditFields", "Person role (ID)"): "Rolle einer Person (ID)",
    ("AuditFields", "Predefined role"): "Vordefinierte Rolle",
    ("AuditFields", "Scope"): "Geltungsbereich",
    ("AuditFields", "Position"): "Position",
    ("AuditFields", "Subject"): "Betreff",
    ("AuditFields", "User name (for comparing)"): "Benutzername (zum Vergleich)",
    ("AuditFields", "Value"): "Wert",
}
