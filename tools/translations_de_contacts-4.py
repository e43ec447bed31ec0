"""German texts of the contacts page's rows of a separate tenant's customers' contacts (branch
contacts-4, T6, C10); merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- customers' contacts (T6, C10)
    # The tenant column of such a row on the page and in the export
    "{tenant} (customer {customer})": "{tenant} (Kunde {customer})",
    "Contact of the customer {customer}: kept with the customer in the main database, "
    "not in the separate tenant's own one": (
        "Kontakt des Kunden {customer}: beim Kunden in der Hauptdatenbank gespeichert, "
        "nicht in der eigenen Datenbank des getrennten Mandanten"
    ),
    # ---------------------------------------------------------------- a portal user's address (C10, T8)
    "The portal user was created without the contact's e-mail address (you do not have the "
    "private data right in its tenant); it appears in user administration under “External”.": (
        "Der Portal-Benutzer wurde ohne die E-Mail-Adresse des Kontakts angelegt (Sie haben im Mandanten des "
        "Kontakts kein Recht „Private Daten“); er erscheint in der Benutzerverwaltung unter „Extern“."
    ),
}
# fmt: on
