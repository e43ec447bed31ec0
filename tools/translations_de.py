"""German texts of the UI, keyed by the English source text (see tools/update_translations.py).

The tone is that of a careful German back-office tool: "Sie", complete sentences, the glossary of
SPEC section 2 (Mandant, Vollzugriff, Nur lesen, Versteckt, Private Daten, Organisationseinheit,
Rolle, Berechtigung, Kunde …). Accelerators (&) are unique within each dialog and menu.

TRANSLATIONS applies to a source text in every context; CONTEXT_TRANSLATIONS[(context, source)]
wins where one English text needs different German in different places. Placeholders ({name},
%s) must stay as they are; tests/ui/test_translations.py checks that.
"""

# Long English keys are split where a reader would split them; keep the formatter off them.
# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- words used by the exports
    "yes": "ja",
    "no": "nein",
    "Yes": "Ja",
    "No": "Nein",
    "Agency": "Agentur",
    "Customers": "Kunden",
    "Role assignments": "Rollenzuweisungen",
    "Tenant access": "Mandantenzugriff",
    # ---------------------------------------------------------------- pages
    "Tenants": "Mandanten",
    "Users": "Benutzer",
    "Roles": "Rollen",
    "Role assignment": "Rollenzuweisung",
    "Org units": "Organisationseinheiten",
    "Contacts & lists": "Kontakte & Verteiler",
    "Audit log": "Änderungsprotokoll",
    "Settings": "Einstellungen",
    "This page is being built; see the issue list for what it will offer and when.": (
        "Diese Seite befindet sich noch im Aufbau; was sie bieten wird und wann, steht in der Aufgabenliste."
    ),
    # ---------------------------------------------------------------- main window
    "&File": "&Datei",
    "&Edit": "&Bearbeiten",
    "&View": "&Ansicht",
    "&Help": "&Hilfe",
    "&Go to page": "Zu Seite &wechseln",
    "&Change database…": "Datenbank &wechseln…",
    "Connect to another database": "Mit einer anderen Datenbank verbinden",
    "&Quit": "&Beenden",
    "&Find": "&Suchen",
    "Go to the search field of this page (Ctrl+F)": "Zum Suchfeld dieser Seite springen (Strg+F)",
    "&Refresh": "&Aktualisieren",
    "Load this page again from the database (F5)": "Diese Seite neu aus der Datenbank laden (F5)",
    "&About Mandant Desktop": "Ü&ber Mandant Desktop",
    "Main toolbar": "Hauptsymbolleiste",
    "Pages": "Seiten",
    "All tenants": "Alle Mandanten",
    "Tenant filter: arrives with the tenants feature (T9). Until then every page shows all tenants you may see.": (
        "Mandantenfilter: kommt mit der Mandantenverwaltung (T9). Bis dahin zeigt jede Seite alle Mandanten, "
        "die Sie sehen dürfen."
    ),
    "Connection profile": "Verbindungsprofil",
    "Database type": "Datenbanktyp",
    "Logged in as": "Angemeldet als",
    "This page has no search field.": "Diese Seite hat kein Suchfeld.",
    "Refreshed.": "Aktualisiert.",
    "The connection to the database was lost. What you typed is kept; the program reconnects as soon as the "
    "database answers again.": (
        "Die Verbindung zur Datenbank ist unterbrochen. Ihre Eingaben bleiben erhalten; das Programm verbindet "
        "sich wieder, sobald die Datenbank antwortet."
    ),
    "&Try now": "Jetzt &versuchen",
    "The connection to the database is back.": "Die Verbindung zur Datenbank steht wieder.",
    # ---------------------------------------------------------------- about
    "About Mandant Desktop": "Über Mandant Desktop",
    "Version": "Version",
    "Connection": "Verbindung",
    "Schema revision": "Schemastand",
    "unknown": "unbekannt",
    "Qt / PySide": "Qt / PySide",
    "Python": "Python",
    "Administration of tenants, users, roles, org units and customers.": (
        "Verwaltung von Mandanten, Benutzern, Rollen, Organisationseinheiten und Kunden."
    ),
    # ---------------------------------------------------------------- log-in and first administrator
    "Log in — Mandant Desktop": "Anmelden — Mandant Desktop",
    "Log in with your user name and password.": "Melden Sie sich mit Ihrem Benutzernamen und Passwort an.",
    "&User name:": "&Benutzername:",
    "&Password:": "&Passwort:",
    "&Log in": "&Anmelden",
    "Database:": "Datenbank:",
    "C&hange…": "Ä&ndern…",
    "First administrator — Mandant Desktop": "Erster Administrator — Mandant Desktop",
    "The first administrator": "Der erste Administrator",
    "This database has no administrator yet. Create the first one: this account may do everything, including "
    "creating further users and roles.": (
        "Diese Datenbank hat noch keinen Administrator. Legen Sie den ersten an: Dieses Konto darf alles, "
        "auch weitere Benutzer und Rollen anlegen."
    ),
    "&E-mail:": "&E-Mail:",
    "&First name:": "&Vorname:",
    "&Last name:": "Nachna&me:",
    "&Repeat password:": "Passwort &wiederholen:",
    "optional": "optional",
    "at least {count} characters": "mindestens {count} Zeichen",
    "&Create administrator": "Administrator &anlegen",
    # ---------------------------------------------------------------- connections
    "Local database": "Lokale Datenbank",
    "Demo database": "Demo-Datenbank",
    "SQLite file": "SQLite-Datei",
    "Database connections": "Datenbankverbindungen",
    "New connection": "Neue Verbindung",
    "Delete connection profile": "Verbindungsprofil löschen",
    "Delete the profile {name}? The database itself is not touched.": (
        "Das Profil „{name}“ löschen? Die Datenbank selbst bleibt unverändert."
    ),
    "Delete": "Löschen",
    "saved in the keyring": "im Schlüsselbund gespeichert",
    "asked for when connecting": "wird beim Verbinden abgefragt",
    "Default (%s)": "Standard (%s)",
    "Database file": "Datenbankdatei",
    "SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)": (
        "SQLite-Datenbanken (*.sqlite *.sqlite3 *.db);;Alle Dateien (*)"
    ),
    "The profile was saved, but the keyring refused the password; it is asked for when connecting.": (
        "Das Profil wurde gespeichert, aber der Schlüsselbund hat das Passwort nicht angenommen; "
        "es wird beim Verbinden abgefragt."
    ),
    "Profile {name} saved.": "Profil „{name}“ gespeichert.",
    "Testing the connection…": "Verbindung wird getestet…",
    "Connection works: {version}": "Verbindung erfolgreich: {version}",
    "Cannot open the database": "Die Datenbank kann nicht geöffnet werden",
    "&Name:": "&Name:",
    "T&ype:": "&Typ:",
    "&File:": "&Datei:",
    "&Host:": "Se&rver:",
    "P&ort:": "P&ort:",
    "&Database:": "Daten&bank:",
    "Use&r:": "Ben&utzer:",
    "Save password in &keyring": "Passwort im Schlüsselbund spei&chern",
    "Ne&w": "N&eu",
    "De&lete": "&Löschen",
    "&Browse…": "Durc&hsuchen…",
    "&Test connection": "&Verbindung testen",
    "&Save": "&Speichern",
    "&Use": "Ver&wenden",
    "Close": "Schließen",
    "S&aved profiles:": "Gespeicherte Pro&file:",
    "No profile saved yet. Fill in the fields and choose Save or Use.": (
        "Noch kein Profil gespeichert. Füllen Sie die Felder aus und wählen Sie Speichern oder Verwenden."
    ),
    "The database was upgraded from schema {before} to {after}.": (
        "Die Datenbank wurde von Schemastand {before} auf {after} aktualisiert."
    ),
    "The previous state was saved to {path}.": "Der vorherige Stand wurde in {path} gesichert.",
    "Password of {user} for {profile}:": "Passwort von {user} für {profile}:",
    "Database password": "Datenbank-Passwort",
    "Upgrade the database?": "Datenbank aktualisieren?",
    "The database has schema {current}; this version of the program needs schema {head}. Upgrade it now?\n\n"
    "Other workstations with an older version of the program cannot use the database afterwards. Make sure "
    "the server's database is backed up.": (
        "Die Datenbank hat den Schemastand {current}; diese Programmversion benötigt {head}. Jetzt aktualisieren?"
        "\n\nArbeitsplätze mit einer älteren Programmversion können die Datenbank danach nicht mehr verwenden. "
        "Stellen Sie sicher, dass die Datenbank auf dem Server gesichert ist."
    ),
    "Upgrade": "Aktualisieren",
    # ---------------------------------------------------------------- start and session
    "--screenshot needs MANDANT_USER and MANDANT_PASSWORD (or --demo for the demo operator).": (
        "--screenshot benötigt MANDANT_USER und MANDANT_PASSWORD (oder --demo für den Demo-Benutzer)."
    ),
    "The page {page} is not available to {user}.": "Die Seite {page} steht {user} nicht zur Verfügung.",
    "The profile {profile} has no saved password; set MANDANT_DB_URL for automation.": (
        "Für das Profil {profile} ist kein Passwort gespeichert; setzen Sie für die Automatisierung MANDANT_DB_URL."
    ),
    "No password given.": "Kein Passwort angegeben.",
    "No database was opened.": "Es wurde keine Datenbank geöffnet.",
    "Cannot write {file}.": "{file} kann nicht geschrieben werden.",
    "Discard unsaved changes?": "Ungespeicherte Änderungen verwerfen?",
    "These pages have changes that are not saved: {pages}. Discard them?": (
        "Auf diesen Seiten gibt es ungespeicherte Änderungen: {pages}. Sollen sie verworfen werden?"
    ),
    "Discard": "Verwerfen",
    "Quit without saving?": "Beenden, ohne zu speichern?",
    "These pages have changes that are not saved: {pages}. Quit anyway and lose them?": (
        "Auf diesen Seiten gibt es ungespeicherte Änderungen: {pages}. Trotzdem beenden und die Änderungen verwerfen?"
    ),
    "Quit without saving": "Beenden ohne Speichern",
    "Connected to {profile}.": "Verbunden mit {profile}.",
    # ---------------------------------------------------------------- settings page
    "Language": "Sprache",
    "&Language of the program:": "&Sprache des Programms:",
    "As the system (%s)": "Wie das System (%s)",
    "Database connection": "Datenbankverbindung",
    "Profile:": "Profil:",
    "Database type:": "Datenbanktyp:",
    "Address:": "Adresse:",
    "The e-mail server (SMTP) and the naming pattern of customer rights groups are set here once those "
    "features are built.": (
        "Der E-Mail-Server (SMTP) und das Namensmuster der Kunden-Rechte-Gruppen werden hier eingestellt, "
        "sobald diese Funktionen fertig sind."
    ),
    # ---------------------------------------------------------------- errors: general
    "An unexpected error occurred.": "Ein unerwarteter Fehler ist aufgetreten.",
    "Cannot complete the action": "Die Aktion kann nicht ausgeführt werden",
    "Unexpected error": "Unerwarteter Fehler",
    "Something went wrong that the program did not expect. Please try again; if it happens again, tell your "
    "administrator.": (
        "Etwas Unerwartetes ist schiefgegangen. Bitte versuchen Sie es erneut; wenn es wieder passiert, "
        "wenden Sie sich an Ihren Administrator."
    ),
    "The details were written to {file}.": "Die Einzelheiten stehen in {file}.",
    "No password store (keyring) is available on this computer, so passwords are not saved and you are asked "
    "for them each time.": (
        "Auf diesem Computer ist kein Passwortspeicher (Schlüsselbund) verfügbar. Passwörter werden daher "
        "nicht gespeichert, sondern jedes Mal abgefragt."
    ),
    # ---------------------------------------------------------------- errors: log-in and users
    "The user name or the password is wrong.": "Der Benutzername oder das Passwort ist falsch.",
    "Too many failed attempts. Try again in {minutes} minutes.": (
        "Zu viele Fehlversuche. Versuchen Sie es in {minutes} Minuten erneut."
    ),
    "External portal users cannot log in to the back office.": (
        "Externe Portalbenutzer können sich nicht an der Verwaltung anmelden."
    ),
    "This account is not active. Ask an administrator.": (
        "Dieses Konto ist nicht aktiv. Wenden Sie sich an einen Administrator."
    ),
    "Your account holds no role in any org unit, so you cannot log in. Ask an administrator.": (
        "Ihr Konto hat in keiner Organisationseinheit eine Rolle, daher können Sie sich nicht anmelden. "
        "Wenden Sie sich an einen Administrator."
    ),
    "An administrator exists already; log in instead.": (
        "Es gibt bereits einen Administrator; melden Sie sich stattdessen an."
    ),
    "The database has no Administrator role; upgrade the database first.": (
        "Die Datenbank hat keine Rolle „Administrator“; aktualisieren Sie zuerst die Datenbank."
    ),
    "The predefined role {key} does not exist in this database.": (
        "Die vordefinierte Rolle {key} gibt es in dieser Datenbank nicht."
    ),
    "You lack the permission {permission} for this action.": (
        "Für diese Aktion fehlt Ihnen die Berechtigung {permission}."
    ),
    # ---------------------------------------------------------------- errors: input
    "Please enter a user name.": "Bitte geben Sie einen Benutzernamen ein.",
    "Please enter a {field}.": "Bitte füllen Sie das Feld „{field}“ aus.",
    "Please enter an e-mail address.": "Bitte geben Sie eine E-Mail-Adresse ein.",
    "The {field} may be at most {max} characters long.": "Das Feld „{field}“ darf höchstens {max} Zeichen enthalten.",
    "The user name may be at most {max} characters long.": "Der Benutzername darf höchstens {max} Zeichen lang sein.",
    "{email} is not a valid e-mail address.": "{email} ist keine gültige E-Mail-Adresse.",
    "The password must have at least {min} characters.": "Das Passwort muss mindestens {min} Zeichen lang sein.",
    "The password must not start or end with a space.": (
        "Das Passwort darf nicht mit einem Leerzeichen beginnen oder enden."
    ),
    "The two passwords do not match.": "Die beiden Passwörter stimmen nicht überein.",
    "first name": "Vorname",
    "last name": "Nachname",
    "profile name": "Profilname",
    # ---------------------------------------------------------------- errors: connection profiles
    "A profile named {name} exists already.": "Ein Profil namens „{name}“ gibt es bereits.",
    "Please choose a database file.": "Bitte wählen Sie eine Datenbankdatei.",
    "Please enter the server's host name.": "Bitte geben Sie den Hostnamen des Servers ein.",
    "Please enter the database name.": "Bitte geben Sie den Namen der Datenbank ein.",
    "The port must be a number from 1 to 65535.": "Der Port muss eine Zahl von 1 bis 65535 sein.",
    "No database given.": "Keine Datenbank angegeben.",
    "This is not a database address: {url}": "Das ist keine Datenbankadresse: {url}",
    "Unsupported database type {backend}; use SQLite, PostgreSQL or MariaDB/MySQL.": (
        "Der Datenbanktyp {backend} wird nicht unterstützt; verwenden Sie SQLite, PostgreSQL oder MariaDB/MySQL."
    ),
    "Cannot connect to {target}: {detail}": "Keine Verbindung zu {target}: {detail}",
    # ---------------------------------------------------------------- errors: schema
    "This database was upgraded by a newer version of this program (schema {current}; this version knows "
    "schema {head}). Install the newer version; the database was not changed.": (
        "Diese Datenbank wurde von einer neueren Version dieses Programms aktualisiert (Schemastand {current}; "
        "diese Version kennt {head}). Installieren Sie die neuere Version; die Datenbank wurde nicht verändert."
    ),
    "The upgrade of the database from schema {current} to {head} was declined. Nothing was changed; this "
    "version of the program cannot work with the database until it is upgraded.": (
        "Die Aktualisierung der Datenbank von Schemastand {current} auf {head} wurde abgelehnt. Es wurde nichts "
        "geändert; diese Programmversion kann erst nach der Aktualisierung mit der Datenbank arbeiten."
    ),
    "The upgrade would leave {count} rows pointing at missing rows (tables: {tables}). Nothing was changed; "
    "please report this with the database backup.": (
        "Nach der Aktualisierung würden {count} Zeilen auf fehlende Zeilen verweisen (Tabellen: {tables}). "
        "Es wurde nichts geändert; bitte melden Sie dies zusammen mit der Datenbanksicherung."
    ),
    "The database is not empty but was not created by this program (it holds tables such as {tables}). "
    "Choose an empty database or one created by this program.": (
        "Die Datenbank ist nicht leer, wurde aber nicht von diesem Programm angelegt (sie enthält Tabellen wie "
        "{tables}). Wählen Sie eine leere Datenbank oder eine, die dieses Programm angelegt hat."
    ),
    "Another workstation is upgrading the database and has not finished within {minutes} minutes. Try again "
    "later.": (
        "Ein anderer Arbeitsplatz aktualisiert gerade die Datenbank und ist nach {minutes} Minuten noch nicht "
        "fertig. Versuchen Sie es später erneut."
    ),
    "Another program kept the database busy, so it could not be upgraded. Close other copies of this program "
    "that use {file} and try again.": (
        "Ein anderes Programm hat die Datenbank belegt, daher konnte sie nicht aktualisiert werden. Schließen Sie "
        "andere Instanzen dieses Programms, die {file} verwenden, und versuchen Sie es erneut."
    ),
    "The database lacks {what} of the permission catalogue; upgrade the database first.": (
        "In der Datenbank fehlen Teile des Berechtigungskatalogs ({what}); aktualisieren Sie zuerst die Datenbank."
    ),
    # ---------------------------------------------------------------- errors: several workstations (S4, S5)
    "Someone else changed this data in the meantime. Nothing was saved; reload and try again.": (
        "Jemand anderes hat diese Daten inzwischen geändert. Es wurde nichts gespeichert; laden Sie neu und "
        "versuchen Sie es erneut."
    ),
    "Another workstation saved at the same moment. Nothing was saved; reload and try again.": (
        "Ein anderer Arbeitsplatz hat im selben Moment gespeichert. Es wurde nichts gespeichert; laden Sie neu "
        "und versuchen Sie es erneut."
    ),
    "The change clashes with data saved at the same time on another workstation. Nothing was saved; reload "
    "and try again.": (
        "Die Änderung kollidiert mit Daten, die gleichzeitig an einem anderen Arbeitsplatz gespeichert wurden. "
        "Es wurde nichts gespeichert; laden Sie neu und versuchen Sie es erneut."
    ),
    "{who} changed this {object} at {when} while you were editing it. Nothing was saved; reload to see their "
    "change.": (
        "{who} hat dieses Objekt ({object}) am {when} geändert, während Sie es bearbeitet haben. Es wurde nichts "
        "gespeichert; laden Sie neu, um die Änderung zu sehen."
    ),
    "This {object} was deleted on another workstation in the meantime. Reload to continue.": (
        "Dieses Objekt ({object}) wurde inzwischen an einem anderen Arbeitsplatz gelöscht. Laden Sie neu, um "
        "fortzufahren."
    ),
    "The connection to the database was lost. Nothing was saved; try again when it is back.": (
        "Die Verbindung zur Datenbank ist unterbrochen. Es wurde nichts gespeichert; versuchen Sie es erneut, "
        "sobald sie wieder besteht."
    ),
    # ---------------------------------------------------------------- errors: files, exports, demo data
    "Cannot write to the folder {folder}: {reason}": "In den Ordner {folder} kann nicht geschrieben werden: {reason}",
    "Cannot write {path}: {reason}. If the file is open in another program, close it and try again.": (
        "{path} kann nicht geschrieben werden: {reason}. Ist die Datei in einem anderen Programm geöffnet, "
        "schließen Sie sie dort und versuchen Sie es erneut."
    ),
    "The folder {folder} does not exist.": "Den Ordner {folder} gibt es nicht.",
    "You may not write to the folder {folder}.": "Sie dürfen nicht in den Ordner {folder} schreiben.",
    "{path} is a folder; choose a file name.": "{path} ist ein Ordner; wählen Sie einen Dateinamen.",
    "Export cancelled; no file was written.": "Export abgebrochen; es wurde keine Datei geschrieben.",
    "Demo data generation cancelled; nothing was saved.": (
        "Erzeugen der Demodaten abgebrochen; es wurde nichts gespeichert."
    ),
    "Demo data goes into an empty database only; this one already holds data (tenants: {tenants}, users: "
    "{users}, org units: {org_units}).": (
        "Demodaten lassen sich nur in eine leere Datenbank schreiben; diese enthält bereits Daten (Mandanten: "
        "{tenants}, Benutzer: {users}, Organisationseinheiten: {org_units})."
    ),
    "Unknown demo scale {scale}; use small or large.": (
        "Unbekannter Umfang der Demodaten: {scale}; verwenden Sie small oder large."
    ),
    "This page has nothing to refresh yet.": "Auf dieser Seite gibt es noch nichts zu aktualisieren.",
    "The database file {path} cannot be created: {folder} is not a writable folder.": (
        "Die Datenbankdatei {path} kann nicht angelegt werden: {folder} ist kein beschreibbarer Ordner."
    ),
    # ---------------------------------------------------------------- kinds of object (context "objects")
    "Tenant": "Mandant",
    "TenantAccess": "Mandantenzugriff",
    "ActivationToken": "Aktivierungslink",
    "Permission": "Berechtigung",
    "Role": "Rolle",
    "RolePermission": "Berechtigung einer Rolle",
    "OrgUnit": "Organisationseinheit",
    "RoleAssignment": "Rollenzuweisung",
    "InheritanceSource": "Vererbung an untergeordnete Einheiten",
    "Customer": "Kunde",
    "DeletedCustomerNumber": "Nummer eines gelöschten Kunden",
    "RightsGroup": "Rechte-Gruppe",
    "RightsGroupPermission": "Berechtigung einer Rechte-Gruppe",
    "RightsGroupMember": "Mitglied einer Rechte-Gruppe",
    "CustomerContactPerson": "Ansprechpartner eines Kunden",
    "Contact": "Kontakt",
    "PersonRole": "Rolle einer Person",
    "DistributionList": "Verteiler",
    "DistributionListMember": "Verteilermitglied",
    "Template": "Vorlage",
    "OutboxMail": "E-Mail im Postausgang",
    "AppSetting": "Einstellung",
    "UserSetting": "persönliche Einstellung",
    "AuditEntry": "Protokolleintrag",
}
# fmt: on

#: for the rare English text that needs different German in different contexts
CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    ("objects", "User"): "Benutzer",
}


def _merge_area_files() -> None:
    """Fold in ``translations_de_<area>.py`` beside this file: one per feature area, so that work on
    different pages does not edit one dictionary. A source text may appear in several files only with
    the same German."""
    import importlib.util
    from pathlib import Path

    for path in sorted(Path(__file__).parent.glob("translations_de_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for target, extra in (
            (TRANSLATIONS, getattr(module, "TRANSLATIONS", {})),
            (CONTEXT_TRANSLATIONS, getattr(module, "CONTEXT_TRANSLATIONS", {})),
        ):
            for source, german in extra.items():
                if target.get(source, german) != german:
                    raise ValueError(f"{path.name}: {source!r} has other German elsewhere: {target[source]!r}")
                target[source] = german


_merge_area_files()
