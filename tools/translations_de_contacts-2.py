"""German texts of the contacts page's loading on workers, its bulk delete and the edit of a
customer's contact (branch contacts-2); merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- loading on workers (S5)
    "Loading contacts…": "Kontakte werden geladen…",
    "Loading distribution lists…": "Verteiler werden geladen…",
    "Loading templates…": "Vorlagen werden geladen…",
    # ---------------------------------------------------------------- bulk delete (S4, E7)
    "Delete {name} with all person-roles? They also leave every distribution list.": (
        "{name} mit allen Rollen löschen? Die Rollen werden auch aus allen Verteilern entfernt."
    ),
    "Delete contacts?": "Kontakte löschen?",
    "Delete contacts": "Kontakte löschen",
    "Delete %1 contacts with all their person-roles? They also leave every distribution list.": (
        "%1 Kontakte mit allen ihren Rollen löschen? Die Rollen werden auch aus allen Verteilern entfernt."
    ),
    "%1 contacts deleted.": "%1 Kontakte gelöscht.",
    "Delete person-roles?": "Rollen löschen?",
    "Delete person-roles": "Rollen löschen",
    "Delete %1 roles of %2? They also leave every distribution list.": (
        "%1 Rollen von %2 löschen? Sie werden auch aus allen Verteilern entfernt."
    ),
    "%1 person-roles deleted.": "%1 Rollen gelöscht.",
    "Deleting…": "Wird gelöscht…",
    "Delete the selected contacts (Del)": "Die ausgewählten Kontakte löschen (Entf)",
    "Delete contacts (%2)": "Kontakte löschen (%2)",
    "Delete person-roles (%2)": "Rollen löschen (%2)",
    "Select at least one contact.": "Wählen Sie mindestens einen Kontakt aus.",
    "Select at least one person-role.": "Wählen Sie mindestens eine Rolle aus.",
    "A selected contact has person-roles in tenants you may not change; nothing was deleted.": (
        "Ein ausgewählter Kontakt hat Rollen in Mandanten, die Sie nicht ändern dürfen; es wurde nichts gelöscht."
    ),
    "These contacts have a portal user account and cannot be deleted: {names}. An account belongs to a real "
    "person; it goes with its customer or with the customer's remote access.": (
        "Diese Kontakte haben ein Portal-Benutzerkonto und können nicht gelöscht werden: {names}. Ein Konto "
        "gehört zu einer realen Person; es wird mit seinem Kunden oder mit dessen Remote Access entfernt."
    ),
    # ---------------------------------------------------------------- a customer's contact, edited (C10)
    "&Edit…": "Bearbeit&en…",
    "Change the contact's name, address and details (Enter, F2)": (
        "Name, Anschrift und Angaben des Kontakts ändern (Eingabe, F2)"
    ),
    "The contact was saved.": "Der Kontakt wurde gespeichert.",
}
