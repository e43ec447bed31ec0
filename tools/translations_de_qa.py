"""German texts of the tester's round (branch qa): stored codes in the audit log read as words;
merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
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
    # ---------------------------------------------------------------- counts in messages (ui.errors.TALLY_TEXTS)
    "The tenant {name} cannot be deleted while it holds data: {holdings}.": (
        "Der Mandant „{name}“ kann nicht gelöscht werden, solange er Daten enthält: {holdings}."
    ),
    "%Ln customer(s)": ("%Ln Kunde", "%Ln Kunden"),
    "%Ln contact(s)": ("%Ln Kontakt", "%Ln Kontakte"),
    "%Ln person-role(s)": ("%Ln Rolle einer Person", "%Ln Rollen von Personen"),
    "%Ln distribution list(s)": ("%Ln Verteiler", "%Ln Verteiler"),
    "%Ln template(s)": ("%Ln Vorlage", "%Ln Vorlagen"),
    "%Ln sub-tenant(s)": ("%Ln Tochtermandant", "%Ln Tochtermandanten"),
    # ---------------------------------------------------------------- org units
    "There is already an org unit named {name} at this level.": (
        "Auf dieser Ebene gibt es bereits eine Organisationseinheit namens „{name}“."
    ),
}
