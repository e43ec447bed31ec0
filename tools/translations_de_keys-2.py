"""German texts of the keyboard walk keys-2 (E2): the accelerators of the tenants' access menu, the
keys of the access levels; merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # ---------------------------------------------------------------- tenants page, access views (E2, T2)
    "&Full access": "&Vollzugriff",
    "&Read only": "Nur &lesen",
    "&Hidden": "Ver&steckt",
    "Private data &on": "Private Daten &an",
    "Private &data off": "Private Daten a&us",
    "&Apply to sub-tenants": "Auf &Tochtermandanten übertragen",
    "The selected users see and change the data of the selected tenants (key 1)": (
        "Die ausgewählten Benutzer sehen und ändern die Daten der ausgewählten Mandanten (Taste 1)"
    ),
    "The selected users see the data of the selected tenants but cannot change it (key 2)": (
        "Die ausgewählten Benutzer sehen die Daten der ausgewählten Mandanten, können sie aber nicht ändern "
        "(Taste 2)"
    ),
    "The data of the selected tenants appears nowhere for the selected users (key 3)": (
        "Die Daten der ausgewählten Mandanten erscheinen für die ausgewählten Benutzer nirgends (Taste 3)"
    ),
    "The selected users see personal data: e-mail, phone, address, birthday": (
        "Die ausgewählten Benutzer sehen persönliche Daten: E-Mail, Telefon, Adresse, Geburtstag"
    ),
    "Personal data is masked for the selected users": (
        "Persönliche Daten werden für die ausgewählten Benutzer verdeckt"
    ),
    # ---------------------------------------------------------------- outbox (E2, U4)
    "Search recipient and subject (Ctrl+F)": "Empfänger und Betreff durchsuchen (Strg+F)",
    "Search the outbox": "Postausgang durchsuchen",
    "&Read mail": "E-Mail &lesen",
    "Go to the text of the mail to read or copy it; Esc goes back (Enter)": (
        "Zum Text der E-Mail, um ihn zu lesen oder zu kopieren; Esc führt zurück (Eingabetaste)"
    ),
    # ---------------------------------------------------------------- roles, audit log (E2, R1, S3)
    "&Permissions of the role": "&Berechtigungen der Rolle",
    "Go to the permissions of the role: Space ticks or unticks one, Esc goes back (Enter)": (
        "Zu den Berechtigungen der Rolle: Leertaste setzt oder entfernt einen Haken, Esc führt zurück "
        "(Eingabetaste)"
    ),
    "&Show changed fields": "&Geänderte Felder zeigen",
    "Go to the fields the entry changed, before and after; Esc goes back (Enter)": (
        "Zu den Feldern, die der Eintrag geändert hat, mit Vorher und Nachher; Esc führt zurück (Eingabetaste)"
    ),
    "Entries of the audit log cannot be changed.": "Einträge des Änderungsprotokolls können nicht geändert werden.",
}
# fmt: on
