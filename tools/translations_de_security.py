"""German texts of the security area (operators, delegated administration, guard-rails, conflicts;
issue 7 part B); merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- log-in (S1)
    "Log-in is locked for {minutes} minutes after too many failed attempts. Try again then, or ask an "
    "administrator to check the account.": (
        "Die Anmeldung ist nach zu vielen Fehlversuchen für {minutes} Minuten gesperrt. Versuchen Sie es "
        "danach erneut, oder bitten Sie einen Administrator, das Konto zu prüfen."
    ),
    # ---------------------------------------------------------------- delegated administration, guard-rails (S1, S2)
    "This change would leave no active administrator (a user who holds every admin permission). "
    "Give another user the Administrator role first.": (
        "Nach dieser Änderung gäbe es keinen aktiven Administrator mehr (einen Benutzer mit allen "
        "Verwaltungsberechtigungen). Geben Sie zuerst einem anderen Benutzer die Rolle Administrator."
    ),
    "You may grant only roles whose permissions you hold yourself in that org unit: "
    "{role} needs more than you hold in {unit}.": (
        "Sie dürfen nur Rollen vergeben, deren Berechtigungen Sie in dieser Organisationseinheit selbst "
        "besitzen: {role} erfordert mehr, als Sie in {unit} besitzen."
    ),
    "The user holds this role here already.": "Der Benutzer hat diese Rolle hier bereits.",
    "This is the last role of %1: afterwards they hold no role in any org unit and can no longer log in.": (
        "Dies ist die letzte Rolle von „%1“: Danach hat der Benutzer in keiner Organisationseinheit mehr "
        "eine Rolle und kann sich nicht mehr anmelden."
    ),
    # ---------------------------------------------------------------- conflict dialog (S4)
    "Changed on another workstation": "An einem anderen Arbeitsplatz geändert",
    "Your change was not saved.": "Ihre Änderung wurde nicht gespeichert.",
    "Your input is kept (the form stays open) so that you can compare it with the reloaded data:": (
        "Ihre Eingaben bleiben erhalten (das Formular bleibt geöffnet), damit Sie sie mit den neu "
        "geladenen Daten vergleichen können:"
    ),
    "Field": "Feld",
    "Your input": "Ihre Eingabe",
    "&Reload": "&Neu laden",
    "&Keep my input": "&Eingaben behalten",
    # ---------------------------------------------------------------- read-only dialogs (issue 7 part D)
    "Read only: you do not have the right to change contacts and distribution lists.": (
        "Nur lesen: Sie haben nicht das Recht, Kontakte und Verteiler zu ändern."
    ),
    "Saved now": "Jetzt gespeichert",
    # ---------------------------------------------------------------- work off the GUI thread (S5, E3)
    "Please wait: the previous change is still being saved.": (
        "Bitte warten Sie: Die vorige Änderung wird noch gespeichert."
    ),
    "Checking the file…": "Die Datei wird geprüft…",
    "Importing…": "Wird importiert…",
    # ---------------------------------------------------------------- log-in throttle of unknown names (S1)
    "LoginThrottle": "Anmeldesperre",
}
