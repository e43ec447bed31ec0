"""German texts of the tester's round (branch qa): stored codes in the audit log read as words;
merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- audit log: stored codes
    "Full access": "Vollzugriff",
    "Read only": "Nur lesen",
    "Hidden": "Versteckt",
    "Inner tenant": "Inner-Mandant",
    "Separate tenant": "Getrennter Mandant",
    "Internal": "Intern",
    "External": "Extern",
    "Active": "Aktiv",
    "Deactivated": "Deaktiviert",
    "small": "klein",
    "large": "groß",
    # "Pending activation" and the mail statuses: tools/translations_de_users.py
    # ---------------------------------------------------------------- tenants
    "New sub-tenant": "Neuer Tochtermandant",
}
