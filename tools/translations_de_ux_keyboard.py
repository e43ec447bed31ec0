"""German texts of the keyboard, help and language work (issue 9: E1, E2, Help); merged into
tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- keys every page answers (E2)
    "There is nothing to create on this page.": "Auf dieser Seite lässt sich nichts neu anlegen.",
    "There is nothing to delete here. Select a row in a list first.": (
        "Hier gibt es nichts zu löschen. Wählen Sie zuerst eine Zeile in einer Liste."
    ),
    "There is no form to save on this page; changes here are saved at once.": (
        "Auf dieser Seite gibt es kein Formular zum Speichern; Änderungen hier werden sofort gespeichert."
    ),
    "You may not change these settings.": "Sie dürfen diese Einstellungen nicht ändern.",
    "Put the cursor into the e-mail or the naming settings to save them with Ctrl+S.": (
        "Setzen Sie den Cursor in die E-Mail- oder die Benennungseinstellungen, um sie mit Strg+S zu speichern."
    ),
    # ---------------------------------------------------------------- Help menu
    "&What's This?": "&Direkthilfe",
    "Click a control to read what it does (Shift+F1)": (
        "Klicken Sie auf ein Bedienelement, um zu lesen, was es tut (Umschalt+F1)"
    ),
    # ---------------------------------------------------------------- unique mnemonics in dialogs
    "Delete &them too (%n unit(s) in all)": "Eben&falls löschen (insgesamt %n Einheit(en))",
    "Te&xt:": "Te&xt:",
    # ---------------------------------------------------------------- page mnemonics clear of the menu bar
    # (English F, E, V, H; German D, B, A, H) and unique on each page
    "Reac&tivate": "Reak&tivieren",
    "Restore default&s": "&Standard wiederherstellen",
    "Fil&ter": "&Filtern",
    "Fro&m:": "&Von:",
    "Te&nant:": "&Mandant:",
    "SMTP se&rver:": "SMTP-Se&rver:",
    "Securit&y:": "Verschlüsse&lung:",
    "Save e-ma&il settings": "E-Mail-Einstellungen s&peichern",
    "Save namin&g": "Benennung spei&chern",
    # ---------------------------------------------------------------- About dialog
    "Database server version": "Version des Datenbankservers",
    "Copied": "Kopiert",
    "&Copy details": "Details &kopieren",
    "Put these details on the clipboard, e.g. for a support request": (
        "Diese Angaben in die Zwischenablage legen, z. B. für eine Supportanfrage"
    ),
    # ---------------------------------------------------------------- What's This texts (Help)
    "Passes the chosen user's roles in this unit down to every child unit. You choose next whether "
    "roles the user already has below are replaced or kept.": (
        "Gibt die Rollen des gewählten Benutzers in dieser Einheit an alle untergeordneten Einheiten weiter. "
        "Danach wählen Sie, ob Rollen, die der Benutzer darunter schon hat, ersetzt oder behalten werden."
    ),
    "Replace: below this unit the user ends up with exactly these roles; roles they had there before "
    "are removed.": (
        "Ersetzen: Unterhalb dieser Einheit hat der Benutzer danach genau diese Rollen; Rollen, die er dort "
        "vorher hatte, werden entfernt."
    ),
    "Keep: the roles are added only in child units where the user has no role yet; nothing the user "
    "holds is taken away.": (
        "Behalten: Die Rollen kommen nur in untergeordneten Einheiten hinzu, in denen der Benutzer noch keine "
        "Rolle hat; nichts, was er hat, wird ihm genommen."
    ),
    "Breaks the chain of inheritance here: the inherited roles become direct roles of this unit, which "
    "you can then change. Units below inherit from here from then on.": (
        "Unterbricht hier die Vererbung: Die geerbten Rollen werden direkte Rollen dieser Einheit, die Sie "
        "dann ändern können. Untergeordnete Einheiten erben von da an von hier."
    ),
    "Shows why the user has each permission: which role grants it, in which unit, and from where it is "
    "inherited.": (
        "Zeigt, warum der Benutzer jede Berechtigung hat: welche Rolle sie gewährt, in welcher Einheit und "
        "woher sie geerbt ist."
    ),
    "The first part of the name of every customer's rights group. Changing the naming renames no "
    "existing group; it applies to groups created from now on.": (
        "Der erste Teil des Namens jeder Rechte-Gruppe eines Kunden. Eine geänderte Benennung benennt keine "
        "bestehende Gruppe um; sie gilt für Gruppen, die ab jetzt angelegt werden."
    ),
    "The second part of a rights group's name; the preview below shows a whole name.": (
        "Der zweite Teil des Namens einer Rechte-Gruppe; die Vorschau darunter zeigt einen ganzen Namen."
    ),
    "The third part of a rights group's name; the preview below shows a whole name.": (
        "Der dritte Teil des Namens einer Rechte-Gruppe; die Vorschau darunter zeigt einen ganzen Namen."
    ),
    "Opens the bulk edit: add or remove roles for many users in many org units at once. You see how "
    "many assignments change before anything is saved, and the whole change can be undone.": (
        "Öffnet die Massenbearbeitung: Rollen für viele Benutzer in vielen Organisationseinheiten auf einmal "
        "hinzufügen oder entfernen. Sie sehen, wie viele Zuweisungen sich ändern, bevor etwas gespeichert "
        "wird, und die ganze Änderung lässt sich rückgängig machen."
    ),
    "The kind of database: a SQLite file on this computer, or a PostgreSQL or MariaDB server that "
    "several workstations share.": (
        "Die Art der Datenbank: eine SQLite-Datei auf diesem Rechner oder ein PostgreSQL- oder "
        "MariaDB-Server, den mehrere Arbeitsplätze teilen."
    ),
    "Keeps the password in the system's keyring, never in a settings file. Without a keyring you are "
    "asked for it at each start.": (
        "Legt das Passwort im Schlüsselbund des Systems ab, nie in einer Einstellungsdatei. Ohne "
        "Schlüsselbund werden Sie bei jedem Start danach gefragt."
    ),
    "Private data: whether the user may also see the tenant's private customer data, in addition to the "
    "access level.": (
        "Private Daten: ob der Benutzer zusätzlich zur Zugriffsstufe auch die privaten Kundendaten des "
        "Mandanten sehen darf."
    ),
    "Copies the selected access levels of the tenant to all its sub-tenants (saved with Save).": (
        "Überträgt die gewählten Zugriffsstufen des Mandanten auf alle seine Tochtermandanten (gespeichert mit "
        "Speichern)."
    ),
    "Limits every page to the tenants chosen here. It narrows what you see; it never widens your rights.": (
        "Beschränkt jede Seite auf die hier gewählten Mandanten. Das engt ein, was Sie sehen; Ihre Rechte "
        "erweitert es nie."
    ),
}

#: German mnemonics that would take a menu bar letter (Datei, Bearbeiten, Ansicht, Hilfe) on a page
CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    ("UsersPage", "&Add user…"): "Benutzer hin&zufügen…",
    ("UsersPage", "&Deactivate"): "Deak&tivieren",
    ("UsersPage", "Reac&tivate"): "Reakti&vieren",
    ("RolesPage", "&Add role…"): "Rolle hinzu&fügen…",
    ("AssignmentsPage", "&Show all"): "Alle an&zeigen",
    ("AssignmentsPage", "Do&wnload"): "Herunter&laden",
    ("OrgUnitsPage", "Do&wnload"): "Herunter&laden",
    ("AuditPage", "&To:"): "Bi&s:",
    ("AuditPage", "Object t&ype:"): "Ob&jektart:",
    ("SmtpSection", "SMTP pass&word:"): "S&MTP-Passwort:",
    ("SmtpSection", "Sen&der address:"): "Absenderadr&esse:",
    ("SmtpSection", "&Minimum password length:"): "Mi&ndestlänge des Passworts:",
    ("SmtpSection", "&Activation page:"): "Akti&vierungsseite:",
}
