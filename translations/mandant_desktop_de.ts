<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Mandant Desktop</source>
        <translation>Über Mandant Desktop</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Database type</source>
        <translation>Datenbanktyp</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Schema revision</source>
        <translation>Schemastand</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Qt / PySide</source>
        <translation>Qt / PySide</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Administration of tenants, users, roles, org units and customers.</source>
        <translation>Verwaltung von Mandanten, Benutzern, Rollen, Organisationseinheiten und Kunden.</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>The connection to the database was lost. What you typed is kept; the program reconnects as soon as the database answers again.</source>
        <translation>Die Verbindung zur Datenbank ist unterbrochen. Ihre Eingaben bleiben erhalten; das Programm verbindet sich wieder, sobald die Datenbank antwortet.</translation>
    </message>
    <message>
        <source>&amp;Try now</source>
        <translation>Jetzt &amp;versuchen</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>Delete connection profile</source>
        <translation>Verbindungsprofil löschen</translation>
    </message>
    <message>
        <source>Delete the profile {name}? The database itself is not touched.</source>
        <translation>Das Profil {name} löschen? Die Datenbank selbst bleibt unverändert.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>saved in the keyring</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>asked for when connecting</source>
        <translation>wird beim Verbinden abgefragt</translation>
    </message>
    <message>
        <source>Default (%s)</source>
        <translation>Standard (%s)</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.sqlite *.sqlite3 *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The profile was saved, but the keyring refused the password; it is asked for when connecting.</source>
        <translation>Das Profil wurde gespeichert, aber der Schlüsselbund hat das Passwort nicht angenommen; es wird beim Verbinden abgefragt.</translation>
    </message>
    <message>
        <source>Profile {name} saved.</source>
        <translation>Profil {name} gespeichert.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message>
        <source>Connection works: {version}</source>
        <translation>Verbindung erfolgreich: {version}</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Database connections</source>
        <translation>Datenbankverbindungen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>Use&amp;r:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>S&amp;aved profiles:</source>
        <translation>Gespeicherte Pro&amp;file:</translation>
    </message>
    <message>
        <source>No profile saved yet. Fill in the fields and choose Save or Use.</source>
        <translation>Noch kein Profil gespeichert. Füllen Sie die Felder aus und wählen Sie Speichern oder Verwenden.</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>N&amp;eu</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>Se&amp;rver:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Daten&amp;bank:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Save password in &amp;keyring</source>
        <translation>Passwort im Schlüsselbund spei&amp;chern</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durc&amp;hsuchen…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Verbindung testen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>Ver&amp;wenden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ConnectionLine</name>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>Ä&amp;ndern…</translation>
    </message>
</context>
<context>
    <name>Connections</name>
    <message>
        <source>Local database</source>
        <translation>Lokale Datenbank</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Demo-Datenbank</translation>
    </message>
    <message>
        <source>The database was upgraded from schema {before} to {after}.</source>
        <translation>Die Datenbank wurde von Schemastand {before} auf {after} aktualisiert.</translation>
    </message>
    <message>
        <source>The previous state was saved to {path}.</source>
        <translation>Der vorherige Stand wurde in {path} gesichert.</translation>
    </message>
    <message>
        <source>Password of {user} for {profile}:</source>
        <translation>Passwort von {user} für {profile}:</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Datenbank-Passwort</translation>
    </message>
    <message>
        <source>Upgrade the database?</source>
        <translation>Datenbank aktualisieren?</translation>
    </message>
    <message>
        <source>The database has schema {current}; this version of the program needs schema {head}. Upgrade it now?

Other workstations with an older version of the program cannot use the database afterwards. Make sure the server&apos;s database is backed up.</source>
        <translation>Die Datenbank hat den Schemastand {current}; diese Programmversion benötigt {head}. Jetzt aktualisieren?

Arbeitsplätze mit einer älteren Programmversion können die Datenbank danach nicht mehr verwenden. Stellen Sie sicher, dass die Datenbank auf dem Server gesichert ist.</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Aktualisieren</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>First administrator — Mandant Desktop</source>
        <translation>Erster Administrator — Mandant Desktop</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>Der erste Administrator</translation>
    </message>
    <message>
        <source>This database has no administrator yet. Create the first one: this account may do everything, including creating further users and roles.</source>
        <translation>Diese Datenbank hat noch keinen Administrator. Legen Sie den ersten an: Dieses Konto darf alles, auch weitere Benutzer und Rollen anlegen.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>Nachna&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>at least {count} characters</source>
        <translation>mindestens {count} Zeichen</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>Administrator &amp;anlegen</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>--screenshot needs MANDANT_USER and MANDANT_PASSWORD (or --demo for the demo operator).</source>
        <translation>--screenshot benötigt MANDANT_USER und MANDANT_PASSWORD (oder --demo für den Demo-Benutzer).</translation>
    </message>
    <message>
        <source>The page {page} is not available to {user}.</source>
        <translation>Die Seite {page} steht {user} nicht zur Verfügung.</translation>
    </message>
    <message>
        <source>The profile {profile} has no saved password; set MANDANT_DB_URL for automation.</source>
        <translation>Für das Profil {profile} ist kein Passwort gespeichert; setzen Sie für die Automatisierung MANDANT_DB_URL.</translation>
    </message>
    <message>
        <source>No password given.</source>
        <translation>Kein Passwort angegeben.</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Die Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>No database was opened.</source>
        <translation>Es wurde keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <source>Cannot write {file}.</source>
        <translation>{file} kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — Mandant Desktop</source>
        <translation>Anmelden — Mandant Desktop</translation>
    </message>
    <message>
        <source>Log in with your user name and password.</source>
        <translation>Melden Sie sich mit Ihrem Benutzernamen und Passwort an.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Anmelden</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The connection to the database is back.</source>
        <translation>Die Verbindung zur Datenbank steht wieder.</translation>
    </message>
    <message>
        <source>This page has no search field.</source>
        <translation>Diese Seite hat kein Suchfeld.</translation>
    </message>
    <message>
        <source>Refreshed.</source>
        <translation>Aktualisiert.</translation>
    </message>
    <message>
        <source>This page has nothing to refresh yet.</source>
        <translation>Auf dieser Seite gibt es noch nichts zu aktualisieren.</translation>
    </message>
    <message>
        <source>Quit without saving?</source>
        <translation>Beenden, ohne zu speichern?</translation>
    </message>
    <message>
        <source>These pages have changes that are not saved: {pages}. Quit anyway and lose them?</source>
        <translation>Auf diesen Seiten gibt es ungespeicherte Änderungen: {pages}. Trotzdem beenden und die Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Quit without saving</source>
        <translation>Beenden ohne Speichern</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Go to page</source>
        <translation>Zu Seite &amp;wechseln</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Change database…</source>
        <translation>Datenbank &amp;wechseln…</translation>
    </message>
    <message>
        <source>Connect to another database</source>
        <translation>Mit einer anderen Datenbank verbinden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Go to the search field of this page (Ctrl+F)</source>
        <translation>Zum Suchfeld dieser Seite springen (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Load this page again from the database (F5)</source>
        <translation>Diese Seite neu aus der Datenbank laden (F5)</translation>
    </message>
    <message>
        <source>&amp;About Mandant Desktop</source>
        <translation>Ü&amp;ber Mandant Desktop</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Alle Mandanten</translation>
    </message>
    <message>
        <source>Tenant filter: arrives with the tenants feature (T9). Until then every page shows all tenants you may see.</source>
        <translation>Mandantenfilter: kommt mit der Mandantenverwaltung (T9). Bis dahin zeigt jede Seite alle Mandanten, die Sie sehen dürfen.</translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>Verbindungsprofil</translation>
    </message>
    <message>
        <source>Database type</source>
        <translation>Datenbanktyp</translation>
    </message>
    <message>
        <source>Logged in as</source>
        <translation>Angemeldet als</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Role assignment</source>
        <translation>Rollenzuweisung</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <source>Contacts &amp; lists</source>
        <translation>Kontakte &amp; Verteiler</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Org units</source>
        <translation>Organisationseinheiten</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>This page is being built; see the issue list for what it will offer and when.</source>
        <translation>Diese Seite befindet sich noch im Aufbau; was sie bieten wird und wann, steht in der Aufgabenliste.</translation>
    </message>
</context>
<context>
    <name>ProfileListModel</name>
    <message>
        <source>SQLite file</source>
        <translation>SQLite-Datei</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Discard unsaved changes?</source>
        <translation>Ungespeicherte Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>These pages have changes that are not saved: {pages}. Discard them?</source>
        <translation>Auf diesen Seiten gibt es ungespeicherte Änderungen: {pages}. Sollen sie verworfen werden?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Connected to {profile}.</source>
        <translation>Verbunden mit {profile}.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language of the program:</source>
        <translation>&amp;Sprache des Programms:</translation>
    </message>
    <message>
        <source>As the system (%s)</source>
        <translation>Wie das System (%s)</translation>
    </message>
    <message>
        <source>Database connection</source>
        <translation>Datenbankverbindung</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profil:</translation>
    </message>
    <message>
        <source>Database type:</source>
        <translation>Datenbanktyp:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>&amp;Change database…</source>
        <translation>Datenbank &amp;wechseln…</translation>
    </message>
    <message>
        <source>The e-mail server (SMTP) and the naming pattern of customer rights groups are set here once those features are built.</source>
        <translation>Der E-Mail-Server (SMTP) und das Namensmuster der Kunden-Rechte-Gruppen werden hier eingestellt, sobald diese Funktionen fertig sind.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>A profile named {name} exists already.</source>
        <translation>Ein Profil namens {name} gibt es bereits.</translation>
    </message>
    <message>
        <source>A user name may contain letters, digits and . _ @ - and must start with a letter or digit.</source>
        <translation>Ein Benutzername darf Buchstaben, Ziffern und . _ @ - enthalten und muss mit einem Buchstaben oder einer Ziffer beginnen.</translation>
    </message>
    <message>
        <source>An administrator exists already; log in instead.</source>
        <translation>Es gibt bereits einen Administrator; melden Sie sich stattdessen an.</translation>
    </message>
    <message>
        <source>Another program kept the database busy, so it could not be upgraded. Close other copies of this program that use {file} and try again.</source>
        <translation>Ein anderes Programm hat die Datenbank belegt, daher konnte sie nicht aktualisiert werden. Schließen Sie andere Instanzen dieses Programms, die {file} verwenden, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Another workstation is upgrading the database and has not finished within {minutes} minutes. Try again later.</source>
        <translation>Ein anderer Arbeitsplatz aktualisiert gerade die Datenbank und ist nach {minutes} Minuten noch nicht fertig. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Another workstation saved at the same moment. Nothing was saved; reload and try again.</source>
        <translation>Ein anderer Arbeitsplatz hat im selben Moment gespeichert. Es wurde nichts gespeichert; laden Sie neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot connect to {target}: {detail}</source>
        <translation>Keine Verbindung zu {target}: {detail}</translation>
    </message>
    <message>
        <source>Cannot write to the folder {folder}: {reason}</source>
        <translation>In den Ordner {folder} kann nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}. If the file is open in another program, close it and try again.</source>
        <translation>{path} kann nicht geschrieben werden: {reason}. Ist die Datei in einem anderen Programm geöffnet, schließen Sie sie dort und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Demo data generation cancelled; nothing was saved.</source>
        <translation>Erzeugen der Demodaten abgebrochen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Demo data goes into an empty database only; this one already holds data (tenants: {tenants}, users: {users}, org units: {org_units}).</source>
        <translation>Demodaten lassen sich nur in eine leere Datenbank schreiben; diese enthält bereits Daten (Mandanten: {tenants}, Benutzer: {users}, Organisationseinheiten: {org_units}).</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>External portal users cannot log in to the back office.</source>
        <translation>Externe Portalbenutzer können sich nicht an der Verwaltung anmelden.</translation>
    </message>
    <message>
        <source>No database given.</source>
        <translation>Keine Datenbank angegeben.</translation>
    </message>
    <message>
        <source>Please choose a database file.</source>
        <translation>Bitte wählen Sie eine Datenbankdatei.</translation>
    </message>
    <message>
        <source>Please enter a user name.</source>
        <translation>Bitte geben Sie einen Benutzernamen ein.</translation>
    </message>
    <message>
        <source>Please enter a {field}.</source>
        <translation>Bitte füllen Sie das Feld „{field}“ aus.</translation>
    </message>
    <message>
        <source>Please enter an e-mail address.</source>
        <translation>Bitte geben Sie eine E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>Please enter the database name.</source>
        <translation>Bitte geben Sie den Namen der Datenbank ein.</translation>
    </message>
    <message>
        <source>Please enter the server&apos;s host name.</source>
        <translation>Bitte geben Sie den Hostnamen des Servers ein.</translation>
    </message>
    <message>
        <source>Someone else changed this data in the meantime. Nothing was saved; reload and try again.</source>
        <translation>Jemand anderes hat diese Daten inzwischen geändert. Es wurde nichts gespeichert; laden Sie neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The change clashes with data saved at the same time on another workstation. Nothing was saved; reload and try again.</source>
        <translation>Die Änderung kollidiert mit Daten, die gleichzeitig an einem anderen Arbeitsplatz gespeichert wurden. Es wurde nichts gespeichert; laden Sie neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The connection to the database was lost. Nothing was saved; try again when it is back.</source>
        <translation>Die Verbindung zur Datenbank ist unterbrochen. Es wurde nichts gespeichert; versuchen Sie es erneut, sobald sie wieder besteht.</translation>
    </message>
    <message>
        <source>The database file {path} cannot be created: {folder} is not a writable folder.</source>
        <translation>Die Datenbankdatei {path} kann nicht angelegt werden: {folder} ist kein beschreibbarer Ordner.</translation>
    </message>
    <message>
        <source>The database has no Administrator role; upgrade the database first.</source>
        <translation>Die Datenbank hat keine Rolle „Administrator“; aktualisieren Sie zuerst die Datenbank.</translation>
    </message>
    <message>
        <source>The database is not empty but was not created by this program (it holds tables such as {tables}). Choose an empty database or one created by this program.</source>
        <translation>Die Datenbank ist nicht leer, wurde aber nicht von diesem Programm angelegt (sie enthält Tabellen wie {tables}). Wählen Sie eine leere Datenbank oder eine, die dieses Programm angelegt hat.</translation>
    </message>
    <message>
        <source>The database lacks {what} of the permission catalogue; upgrade the database first.</source>
        <translation>In der Datenbank fehlen Teile des Berechtigungskatalogs ({what}); aktualisieren Sie zuerst die Datenbank.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Den Ordner {folder} gibt es nicht.</translation>
    </message>
    <message>
        <source>The password must have at least {min} characters.</source>
        <translation>Das Passwort muss mindestens {min} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The password must not start or end with a space.</source>
        <translation>Das Passwort darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>The predefined role {key} does not exist in this database.</source>
        <translation>Die vordefinierte Rolle {key} gibt es in dieser Datenbank nicht.</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The upgrade of the database from schema {current} to {head} was declined. Nothing was changed; this version of the program cannot work with the database until it is upgraded.</source>
        <translation>Die Aktualisierung der Datenbank von Schemastand {current} auf {head} wurde abgelehnt. Es wurde nichts geändert; diese Programmversion kann erst nach der Aktualisierung mit der Datenbank arbeiten.</translation>
    </message>
    <message>
        <source>The upgrade would leave {count} rows pointing at missing rows (tables: {tables}). Nothing was changed; please report this with the database backup.</source>
        <translation>Nach der Aktualisierung würden {count} Zeilen auf fehlende Zeilen verweisen (Tabellen: {tables}). Es wurde nichts geändert; bitte melden Sie dies zusammen mit der Datenbanksicherung.</translation>
    </message>
    <message>
        <source>The user name may be at most {max} characters long.</source>
        <translation>Der Benutzername darf höchstens {max} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>Der Benutzername oder das Passwort ist falsch.</translation>
    </message>
    <message>
        <source>The {field} may be at most {max} characters long.</source>
        <translation>Das Feld „{field}“ darf höchstens {max} Zeichen enthalten.</translation>
    </message>
    <message>
        <source>This account is not active. Ask an administrator.</source>
        <translation>Dieses Konto ist nicht aktiv. Wenden Sie sich an einen Administrator.</translation>
    </message>
    <message>
        <source>This database was upgraded by a newer version of this program (schema {current}; this version knows schema {head}). Install the newer version; the database was not changed.</source>
        <translation>Diese Datenbank wurde von einer neueren Version dieses Programms aktualisiert (Schemastand {current}; diese Version kennt {head}). Installieren Sie die neuere Version; die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This is not a database address: {url}</source>
        <translation>Das ist keine Datenbankadresse: {url}</translation>
    </message>
    <message>
        <source>This {object} was deleted on another workstation in the meantime. Reload to continue.</source>
        <translation>Dieses Objekt ({object}) wurde inzwischen an einem anderen Arbeitsplatz gelöscht. Laden Sie neu, um fortzufahren.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Try again in {minutes} minutes.</source>
        <translation>Zu viele Fehlversuche. Versuchen Sie es in {minutes} Minuten erneut.</translation>
    </message>
    <message>
        <source>Unknown demo scale {scale}; use small or large.</source>
        <translation>Unbekannter Umfang der Demodaten: {scale}; verwenden Sie small oder large.</translation>
    </message>
    <message>
        <source>Unsupported database type {backend}; use SQLite, PostgreSQL or MariaDB/MySQL.</source>
        <translation>Der Datenbanktyp {backend} wird nicht unterstützt; verwenden Sie SQLite, PostgreSQL oder MariaDB/MySQL.</translation>
    </message>
    <message>
        <source>You lack the permission {permission} for this action.</source>
        <translation>Für diese Aktion fehlt Ihnen die Berechtigung {permission}.</translation>
    </message>
    <message>
        <source>You may not write to the folder {folder}.</source>
        <translation>Sie dürfen nicht in den Ordner {folder} schreiben.</translation>
    </message>
    <message>
        <source>Your account holds no role in any org unit, so you cannot log in. Ask an administrator.</source>
        <translation>Ihr Konto hat in keiner Organisationseinheit eine Rolle, daher können Sie sich nicht anmelden. Wenden Sie sich an einen Administrator.</translation>
    </message>
    <message>
        <source>{email} is not a valid e-mail address.</source>
        <translation>{email} ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name.</source>
        <translation>{path} ist ein Ordner; wählen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <source>{who} changed this {object} at {when} while you were editing it. Nothing was saved; reload to see their change.</source>
        <translation>{who} hat dieses Objekt ({object}) um {when} geändert, während Sie es bearbeitet haben. Es wurde nichts gespeichert; laden Sie neu, um die Änderung zu sehen.</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten.</translation>
    </message>
    <message>
        <source>Cannot complete the action</source>
        <translation>Die Aktion kann nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect. Please try again; if it happens again, tell your administrator.</source>
        <translation>Etwas Unerwartetes ist schiefgegangen. Bitte versuchen Sie es erneut; wenn es wieder passiert, wenden Sie sich an Ihren Administrator.</translation>
    </message>
    <message>
        <source>The details were written to {file}.</source>
        <translation>Die Einzelheiten stehen in {file}.</translation>
    </message>
    <message>
        <source>No password store (keyring) is available on this computer, so passwords are not saved and you are asked for them each time.</source>
        <translation>Auf diesem Computer ist kein Passwortspeicher (Schlüsselbund) verfügbar. Passwörter werden daher nicht gespeichert, sondern jedes Mal abgefragt.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>first name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>profile name</source>
        <translation>Profilname</translation>
    </message>
</context>
<context>
    <name>objects</name>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>TenantAccess</source>
        <translation>Mandantenzugriff</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>ActivationToken</source>
        <translation>Aktivierungslink</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>RolePermission</source>
        <translation>Berechtigung einer Rolle</translation>
    </message>
    <message>
        <source>OrgUnit</source>
        <translation>Organisationseinheit</translation>
    </message>
    <message>
        <source>RoleAssignment</source>
        <translation>Rollenzuweisung</translation>
    </message>
    <message>
        <source>InheritanceSource</source>
        <translation>Vererbung an untergeordnete Einheiten</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>DeletedCustomerNumber</source>
        <translation>Nummer eines gelöschten Kunden</translation>
    </message>
    <message>
        <source>RightsGroup</source>
        <translation>Rechte-Gruppe</translation>
    </message>
    <message>
        <source>RightsGroupPermission</source>
        <translation>Berechtigung einer Rechte-Gruppe</translation>
    </message>
    <message>
        <source>RightsGroupMember</source>
        <translation>Mitglied einer Rechte-Gruppe</translation>
    </message>
    <message>
        <source>CustomerContactPerson</source>
        <translation>Ansprechpartner eines Kunden</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>PersonRole</source>
        <translation>Rolle einer Person</translation>
    </message>
    <message>
        <source>DistributionList</source>
        <translation>Verteiler</translation>
    </message>
    <message>
        <source>DistributionListMember</source>
        <translation>Verteilermitglied</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>OutboxMail</source>
        <translation>E-Mail im Postausgang</translation>
    </message>
    <message>
        <source>AppSetting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>UserSetting</source>
        <translation>persönliche Einstellung</translation>
    </message>
    <message>
        <source>AuditEntry</source>
        <translation>Protokolleintrag</translation>
    </message>
</context>
</TS>
