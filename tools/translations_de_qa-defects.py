"""German texts of the qa-defects fixes (org units' lifted children, external users' edit, Del on a
deactivated user, SMTP conflicts, accelerators); merged into tools/translations_de.py (same rules
as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # ---------------------------------------------------------------- org units (A9)
    "{unit} cannot be deleted with its child units moved up: the top level has units named {names} "
    "already. Rename those first, or delete {unit} together with its child units.": (
        "{unit} kann nicht gelöscht werden, wenn die untergeordneten Einheiten nach oben rücken sollen: "
        "Auf der obersten Ebene gibt es bereits Einheiten namens {names}. Benennen Sie diese zuerst um, "
        "oder löschen Sie {unit} mitsamt den untergeordneten Einheiten."
    ),
    "{unit} cannot be deleted with its child units moved up: {parent} has units named {names} already. "
    "Rename those first, or delete {unit} together with its child units.": (
        "{unit} kann nicht gelöscht werden, wenn die untergeordneten Einheiten nach oben rücken sollen: "
        "Unter {parent} gibt es bereits Einheiten namens {names}. Benennen Sie diese zuerst um, "
        "oder löschen Sie {unit} mitsamt den untergeordneten Einheiten."
    ),
    "This step cannot be undone or redone: the top level would then hold two units named {names}. "
    "Rename one of them first.": (
        "Dieser Schritt kann nicht rückgängig gemacht oder wiederholt werden: Auf der obersten Ebene "
        "stünden dann zwei Einheiten namens {names}. Benennen Sie zuerst eine davon um."
    ),
    "This step cannot be undone or redone: {parent} would then hold two units named {names}. "
    "Rename one of them first.": (
        "Dieser Schritt kann nicht rückgängig gemacht oder wiederholt werden: Unter {parent} stünden "
        "dann zwei Einheiten namens {names}. Benennen Sie zuerst eine davon um."
    ),
    # ---------------------------------------------------------------- users page (E2)
    "%Ln selected user(s) already deactivated: %1. Reactivate them to let them log in again.": (
        "%Ln ausgewählter Benutzer ist bereits deaktiviert: %1. Reaktivieren Sie ihn, damit er sich wieder "
        "anmelden kann.",
        "%Ln ausgewählte Benutzer sind bereits deaktiviert: %1. Reaktivieren Sie sie, damit sie sich wieder "
        "anmelden können.",
    ),
    # ---------------------------------------------------------------- e-mail settings (S4)
    "{who} saved the e-mail settings at {when} while you were editing them. Nothing was saved, not even a "
    "password you typed; reload to see their settings.": (
        "{who} hat die E-Mail-Einstellungen am {when} gespeichert, während Sie sie bearbeitet haben. Es wurde "
        "nichts gespeichert, nicht einmal ein eingegebenes Passwort; laden Sie neu, um die gespeicherten "
        "Einstellungen zu sehen."
    ),
    # ---------------------------------------------------------------- external users (C10)
    "External user of customer %1. Their name and e-mail address are those of their contact at the customer "
    "and change there too; the first name and the address may stay empty. The user name, which they log in "
    "with, stays as it is.": (
        "Externer Benutzer des Kunden %1. Name und E-Mail-Adresse sind die seiner Kontaktperson beim Kunden "
        "und ändern sich dort mit; Vorname und Adresse dürfen leer bleiben. Der Benutzername, mit dem er sich "
        "anmeldet, bleibt, wie er ist."
    ),
    "Without the private data right in the customer's tenant you cannot change the e-mail address.": (
        "Ohne das Recht „Private Daten“ im Mandanten des Kunden können Sie die E-Mail-Adresse nicht ändern."
    ),
}
