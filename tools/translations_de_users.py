"""German texts of the users area; merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- pages
    "Outbox": "Postausgang",
    # ---------------------------------------------------------------- users page
    "Add user": "Benutzer hinzufügen",
    "The user receives an e-mail with an activation link that is valid for 7 days. Until then the account is "
    "listed as pending activation.": (
        "Der Benutzer erhält eine E-Mail mit einem Aktivierungslink, der 7 Tage gültig ist. Bis dahin wird das "
        "Konto als „Aktivierung ausstehend“ geführt."
    ),
    "&First name:": "&Vorname:",
    "&User name:": "&Benutzername:",
    "&E-mail:": "&E-Mail:",
    "Signs in with single sign-on (&SSO): no password of their own": (
        "Meldet sich per Single Sign-on (&SSO) an: kein eigenes Passwort"
    ),
    "Name": "Name",
    "User name": "Benutzername",
    "E-mail": "E-Mail",
    "Kind": "Art",
    "Status": "Status",
    "Groups": "Gruppen",
    "Pending activation": "Aktivierung ausstehend",
    "Activation link expired": "Aktivierungslink abgelaufen",
    "Active": "Aktiv",
    "Deactivated": "Deaktiviert",
    "Internal": "Intern",
    "External": "Extern",
    "Cannot log in: this user holds no role in any org unit.": (
        "Kann sich nicht anmelden: Dieser Benutzer hat in keiner Organisationseinheit eine Rolle."
    ),
    "cannot log in": "kann sich nicht anmelden",
    "All users": "Alle Benutzer",
    "Cannot log in (no role)": "Kann sich nicht anmelden (keine Rolle)",
    "%n user(s)": "%n Benutzer",
    "The activation e-mail has been sent.": "Die Aktivierungs-E-Mail wurde versandt.",
    "The activation e-mail is in the outbox: no e-mail server is set up, or it could not be reached.": (
        "Die Aktivierungs-E-Mail liegt im Postausgang: Es ist kein E-Mail-Server eingerichtet, oder er war nicht "
        "erreichbar."
    ),
    "Resend activation link": "Aktivierungslink erneut senden",
    "Send a new activation link to %n user(s)? Their previous links stop working.": (
        "Einen neuen Aktivierungslink an %n Benutzer senden? Die bisherigen Links werden ungültig."
    ),
    "Send": "Senden",
    "New activation link(s) for %n user(s).": "Neue Aktivierungslinks für %n Benutzer.",
    "Deactivate users": "Benutzer deaktivieren",
    "Deactivate %n user(s)? They can no longer log in: %1": (
        "%n Benutzer deaktivieren? Sie können sich dann nicht mehr anmelden: %1"
    ),
    "Deactivate": "Deaktivieren",
    "%n user(s) reactivated.": "%n Benutzer reaktiviert.",
    "%n user(s) deactivated.": "%n Benutzer deaktiviert.",
    "Search users (name, user name, e-mail)…": "Benutzer suchen (Name, Benutzername, E-Mail)…",
    "Search users": "Benutzer suchen",
    "Show": "Anzeigen",
    "&Add user…": "Benutzer &hinzufügen…",
    "&Resend activation link": "Aktivierungslink erneut &senden",
    "&Deactivate": "&Deaktivieren",
    "Re&activate": "Re&aktivieren",
    "Add a user; they receive an activation e-mail (Ctrl+N)": (
        "Einen Benutzer hinzufügen; er erhält eine Aktivierungs-E-Mail (Strg+N)"
    ),
    "Deactivate the selected users (Del)": "Die ausgewählten Benutzer deaktivieren (Entf)",
    # ---------------------------------------------------------------- outbox
    "Waiting to be sent": "Wartet auf Versand",
    "Sent": "Versandt",
    "Failed": "Fehlgeschlagen",
    "Kept (no e-mail server)": "Aufbewahrt (kein E-Mail-Server)",
    "Created": "Erstellt",
    "Recipient": "Empfänger",
    "Subject": "Betreff",
    "%n mail(s)": "%n E-Mail(s)",
    "To: %1\nSubject: %2": "An: %1\nBetreff: %2",
    "Error: %1": "Fehler: %1",
    "%n mail(s) sent.": "%n E-Mail(s) versandt.",
    "Every mail the program sends is listed here. Without an e-mail server (Settings) mails are kept here "
    "instead: you can pass an activation link on another way. Links are valid once.": (
        "Hier steht jede E-Mail, die das Programm versendet. Ohne E-Mail-Server (Einstellungen) werden die "
        "E-Mails hier aufbewahrt: Einen Aktivierungslink können Sie dann auf anderem Weg weitergeben. Jeder Link "
        "gilt nur einmal."
    ),
    "&Send again": "Erneut &senden",
    "Send the selected kept or failed mails through the e-mail server": (
        "Die ausgewählten aufbewahrten oder fehlgeschlagenen E-Mails über den E-Mail-Server senden"
    ),
    # ---------------------------------------------------------------- e-mail settings
    "stored in the keyring; type to replace": "im Schlüsselbund gespeichert; zum Ersetzen eingeben",
    "not stored": "nicht gespeichert",
    "Saved.": "Gespeichert.",
    "Send test mail": "Test-E-Mail senden",
    "Send a test mail to:": "Test-E-Mail senden an:",
    "The test mail has been sent to %1.": "Die Test-E-Mail wurde an %1 gesendet.",
    "No e-mail server is set up: the test mail is in the outbox.": (
        "Es ist kein E-Mail-Server eingerichtet: Die Test-E-Mail liegt im Postausgang."
    ),
    "E-mail and account activation": "E-Mail und Kontoaktivierung",
    "SMTP &server:": "SMTP-&Server:",
    "P&ort:": "P&ort:",
    "Se&curity:": "Versc&hlüsselung:",
    "SMTP &user:": "SMTP-Ben&utzer:",
    "SMTP pass&word:": "SMTP-Pass&wort:",
    "Sen&der address:": "Absen&deradresse:",
    "&Activation page:": "&Aktivierungsseite:",
    "&Minimum password length:": "&Mindestlänge des Passworts:",
    "STARTTLS": "STARTTLS",
    "SSL/TLS": "SSL/TLS",
    "None (only inside a trusted network)": "Keine (nur in einem vertrauenswürdigen Netz)",
    "empty: mails are kept in the outbox": "leer: E-Mails bleiben im Postausgang",
    "The page of the customer portal that activation links open; the token is added to it.": (
        "Die Seite des Kundenportals, die Aktivierungslinks öffnen; der Schlüssel wird angehängt."
    ),
    "Sa&ve e-mail settings": "E-Mail-Einstellungen s&peichern",
    "Send &test mail…": "&Test-E-Mail senden…",
    # ---------------------------------------------------------------- roles page
    "%n permission(s)": "%n Berechtigung(en)",
    "Predefined role": "Vordefinierte Rolle",
    "Own role": "Eigene Rolle",
    "Permission": "Berechtigung",
    "No role selected": "Keine Rolle ausgewählt",
    "No one holds this role yet.": "Diese Rolle hat noch niemand.",
    "Held by %1 in %2. Every change applies to all of them, in all these units.": (
        "Zugewiesen an %1 in %2. Jede Änderung gilt für alle von ihnen, in all diesen Einheiten."
    ),
    "%n org unit(s)": "%n Organisationseinheit(en)",
    "no one yet": "noch niemanden",
    "Saved: %1 granted. It now applies to %2.": "Gespeichert: %1 erteilt. Das gilt jetzt für %2.",
    "Saved: %1 withdrawn. This applies to %2.": "Gespeichert: %1 entzogen. Das gilt für %2.",
    "Add role": "Rolle hinzufügen",
    "Name of the new role:": "Name der neuen Rolle:",
    "Role added. Tick its permissions; each tick is saved at once.": (
        "Rolle hinzugefügt. Kreuzen Sie ihre Berechtigungen an; jedes Häkchen wird sofort gespeichert."
    ),
    "Rename role": "Rolle umbenennen",
    "New name of the role:": "Neuer Name der Rolle:",
    "Duplicate role": "Rolle duplizieren",
    "Name of the copy (it gets the same permissions):": "Name der Kopie (sie erhält dieselben Berechtigungen):",
    "%1 (copy)": "%1 (Kopie)",
    "Delete the role %1?": "Die Rolle „%1“ löschen?",
    "%1 lose it: the %2 assignments in %3 are removed with the role.": (
        "%1 verlieren sie: Die %2 Zuweisungen in %3 werden mit der Rolle entfernt."
    ),
    "These users then hold no role anywhere and cannot log in: %1": (
        "Diese Benutzer haben danach nirgends eine Rolle und können sich nicht anmelden: %1"
    ),
    "Delete role": "Rolle löschen",
    "… and %n more (inherited ones included)": "… und %n weitere (geerbte eingeschlossen)",
    "Role deleted with %n assignment(s).": "Rolle mit %n Zuweisung(en) gelöscht.",
    "Restore defaults": "Standard wiederherstellen",
    "Give the role %1 its shipped permissions again? Permissions ticked or unticked since are replaced; the "
    "name stays.": (
        "Der Rolle „%1“ wieder ihre ausgelieferten Berechtigungen geben? Seitdem gesetzte oder entfernte Häkchen "
        "werden ersetzt; der Name bleibt."
    ),
    "Restore": "Wiederherstellen",
    "The role has its default permissions again.": "Die Rolle hat wieder ihre Standardberechtigungen.",
    "&Add role…": "Rolle &hinzufügen…",
    "Re&name…": "&Umbenennen…",
    "D&uplicate…": "Dupli&zieren…",
    "&Delete…": "&Löschen…",
    "Restore de&faults": "&Standard wiederherstellen",
    "A new role; it appears at the top of the list (Ctrl+N)": (
        "Eine neue Rolle; sie erscheint oben in der Liste (Strg+N)"
    ),
    "Rename the role (F2)": "Die Rolle umbenennen (F2)",
    "Delete the role and its assignments (Del)": "Die Rolle und ihre Zuweisungen löschen (Entf)",
    "Only for the six predefined roles": "Nur für die sechs vordefinierten Rollen",
    "Permissions of the role": "Berechtigungen der Rolle",
    # ---------------------------------------------------------------- role assignment page
    "%1 (inherited from %2)": "%1 (geerbt von %2)",
    "No role here: no access to this unit.": "Keine Rolle hier: kein Zugriff auf diese Einheit.",
    "Undo": "Rückgängig",
    "Redo": "Wiederholen",
    "%1 × %2. Right-click a cell (or press the menu key) to add a role; × removes one.": (
        "%1 × %2. Rechtsklick auf eine Zelle (oder die Menütaste) fügt eine Rolle hinzu; × entfernt eine."
    ),
    "&Add role": "Rolle &hinzufügen",
    "Remove %1…": "%1 entfernen…",
    "Roles here are inherited; change them on the org units page.": (
        "Die Rollen hier sind geerbt; ändern Sie sie auf der Seite Organisationseinheiten."
    ),
    "You may not assign roles in this org unit.": "Sie dürfen in dieser Organisationseinheit keine Rollen zuweisen.",
    "Add %1 for %2 in %3": "%1 für „%2“ in „%3“ hinzufügen",
    "Remove role": "Rolle entfernen",
    "Remove the role %1 of %2 in %3?": "Die Rolle „%1“ von „%2“ in „%3“ entfernen?",
    "Remove": "Entfernen",
    "Remove %1 for %2 in %3": "%1 für „%2“ in „%3“ entfernen",
    "Bulk edit": "Massenbearbeitung",
    "Saving the changes…": "Die Änderungen werden gespeichert…",
    "Cancel": "Abbrechen",
    "Bulk edit: %n assignment(s) removed": "Massenbearbeitung: %n Zuweisung(en) entfernt",
    "Bulk edit: %n assignment(s) added": "Massenbearbeitung: %n Zuweisung(en) hinzugefügt",
    "Ctrl+Z undoes it.": "Strg+Z macht es rückgängig.",
    "Download role assignments": "Rollenzuweisungen herunterladen",
    "role-assignments": "Rollenzuweisungen",
    "Excel workbook (*.xlsx)": "Excel-Arbeitsmappe (*.xlsx)",
    "Select a cell of the user first.": "Wählen Sie zuerst eine Zelle des Benutzers aus.",
    "Writing the Excel file…": "Die Excel-Datei wird geschrieben…",
    "%n row(s) written to %1.": "%n Zeile(n) nach %1 geschrieben.",
    "all": "alle",
    "&Filter": "&Filtern",
    "&Show all": "&Alle anzeigen",
    "&Bulk edit": "&Massenbearbeitung",
    "Add or remove several roles for several users in several units": (
        "Mehrere Rollen für mehrere Benutzer in mehreren Einheiten hinzufügen oder entfernen"
    ),
    "Do&wnload": "&Herunterladen",
    "&All assignments within your reach…": "&Alle Zugriffe auswählen…",
    "Assignments of the current &filter selection…": "Zugriffe der aktuellen &Filterauswahl…",
    "Assignments of the selected &user…": "Zugriffe des ausgewählten &Benutzers…",
    "Role assignments: org units by users": "Rollenzuweisungen: Organisationseinheiten nach Benutzern",
    "Choose roles, users and org units.": "Wählen Sie Rollen, Benutzer und Organisationseinheiten.",
    "Removes %n assignment(s).": "Entfernt %n Zuweisung(en).",
    "Not present: %n.": "Nicht vorhanden: %n.",
    "Adds %n assignment(s).": "Fügt %n Zuweisung(en) hinzu.",
    "Already present: %n.": "Bereits vorhanden: %n.",
    "Left alone because inherited (change on the org units page): %n.": (
        "Unverändert, weil geerbt (Änderung auf der Seite Organisationseinheiten): %n."
    ),
    "Afterwards without any role, so they cannot log in: %1": (
        "Danach ohne jede Rolle und damit ohne Anmeldung: %1"
    ),
    "A&dd": "Hin&zufügen",
    "Re&move": "Ent&fernen",
    "none chosen": "keine gewählt",
    "Confirm removal": "Entfernen bestätigen",
    "Confirm adding": "Hinzufügen bestätigen",
    "%1 of %2": "%1 von %2",
    "Tick all shown": "Alle angezeigten ankreuzen",
    "Clear": "Leeren",
    "Search…": "Suchen…",
    # ---------------------------------------------------------------- exports
    "User": "Benutzer",
    "Org unit": "Organisationseinheit",
    "Role": "Rolle",
    "Inherited": "Vererbt",
    "Inherited from": "Vererbt von",
    # ---------------------------------------------------------------- fields
    "role name": "Rollenname",
    "SMTP server": "SMTP-Server",
    "port": "Port",
    "security": "Verschlüsselung",
    "sender address": "Absenderadresse",
    "activation page": "Aktivierungsseite",
    "roles": "Rollen",
    "users": "Benutzer",
    "org units": "Organisationseinheiten",
    # ---------------------------------------------------------------- errors
    "A chosen org unit no longer exists. Reload the page.": (
        "Eine gewählte Organisationseinheit gibt es nicht mehr. Laden Sie die Seite neu."
    ),
    "A chosen role no longer exists. Reload the page.": (
        "Eine gewählte Rolle gibt es nicht mehr. Laden Sie die Seite neu."
    ),
    "A chosen user no longer exists. Reload the page.": (
        "Ein gewählter Benutzer existiert nicht mehr. Laden Sie die Seite neu."
    ),
    "A password must have at least {min} characters; a lower minimum is not allowed.": (
        "Ein Passwort muss mindestens {min} Zeichen haben; ein niedrigeres Minimum ist nicht erlaubt."
    ),
    "A role named {name} exists already.": "Eine Rolle namens „{name}“ gibt es bereits.",
    "A selected user no longer exists. Reload the list.": (
        "Ein ausgewählter Benutzer existiert nicht mehr. Laden Sie die Liste neu."
    ),
    "Cancelled; nothing was changed.": "Abgebrochen; nichts wurde geändert.",
    "Choose at least one org unit.": "Wählen Sie mindestens eine Organisationseinheit.",
    "Choose at least one role.": "Wählen Sie mindestens eine Rolle.",
    "Choose at least one user.": "Wählen Sie mindestens einen Benutzer.",
    "Choose how the connection is secured.": "Wählen Sie, wie die Verbindung verschlüsselt wird.",
    "No e-mail server is set up; set one up on the settings page first.": (
        "Es ist kein E-Mail-Server eingerichtet; richten Sie zuerst einen in den Einstellungen ein."
    ),
    "Only the predefined roles have defaults to restore.": (
        "Nur die vordefinierten Rollen haben einen Standard, der sich wiederherstellen lässt."
    ),
    "Only users waiting for activation get a new link; already activated or deactivated: {names}.": (
        "Nur Benutzer, deren Aktivierung aussteht, erhalten einen neuen Link; bereits aktiviert oder deaktiviert: "
        "{names}."
    ),
    "Please choose a password.": "Bitte wählen Sie ein Passwort.",
    "Please enter the sender address of the mails.": "Bitte geben Sie die Absenderadresse der E-Mails ein.",
    "Select at least one user.": "Wählen Sie mindestens einen Benutzer aus.",
    "The SMTP password cannot be saved: {reason}": "Das SMTP-Passwort kann nicht gespeichert werden: {reason}",
    "The SMTP server name must not contain spaces.": "Der Name des SMTP-Servers darf keine Leerzeichen enthalten.",
    "The address of the activation page must start with https:// or http://.": (
        "Die Adresse der Aktivierungsseite muss mit https:// oder http:// beginnen."
    ),
    "The e-mail address {email} is used by another user.": (
        "Die E-Mail-Adresse {email} wird bereits von einem anderen Benutzer verwendet."
    ),
    "The mail server could not be used: {reason}": "Der E-Mail-Server war nicht nutzbar: {reason}",
    "The mail server refused the mail: {reason}": "Der E-Mail-Server hat die E-Mail abgelehnt: {reason}",
    "The role no longer exists. Reload the list.": "Die Rolle gibt es nicht mehr. Laden Sie die Liste neu.",
    "The user does not hold this role in this unit (any more). Reload the page.": (
        "Der Benutzer hat diese Rolle in dieser Einheit nicht (mehr). Laden Sie die Seite neu."
    ),
    "The user holds this role in this unit already.": "Der Benutzer hat diese Rolle in dieser Einheit bereits.",
    "The user name {username} is taken already.": "Der Benutzername {username} ist bereits vergeben.",
    "The user's roles in this unit are inherited. Change them on the org units page (Edit roles breaks the "
    "inheritance).": (
        "Die Rollen des Benutzers in dieser Einheit sind geerbt. Ändern Sie sie auf der Seite "
        "Organisationseinheiten („Rollen bearbeiten“ hebt die Vererbung auf)."
    ),
    "These users have no e-mail address: {names}.": "Diese Benutzer haben keine E-Mail-Adresse: {names}.",
    "This account is not waiting for activation.": "Dieses Konto wartet nicht auf eine Aktivierung.",
    "This activation link has been used already.": "Dieser Aktivierungslink wurde bereits verwendet.",
    "This activation link has expired. Ask for a new one.": (
        "Dieser Aktivierungslink ist abgelaufen. Bitten Sie um einen neuen."
    ),
    "This activation link is not valid. Ask for a new one.": (
        "Dieser Aktivierungslink ist ungültig. Bitten Sie um einen neuen."
    ),
    "Unknown permission: {code}.": "Unbekannte Berechtigung: {code}.",
    "You cannot deactivate your own account.": "Ihr eigenes Konto können Sie nicht deaktivieren.",
    "You may assign roles only in the org units where you hold the permission {permission}; not in: {units}.": (
        "Sie dürfen Rollen nur in den Organisationseinheiten zuweisen, in denen Sie die Berechtigung „{permission}“ "
        "haben; nicht in: {units}."
    ),
    # ---------------------------------------------------------------- mails
    "Activate your account": "Aktivieren Sie Ihr Konto",
    "Hello {name},\n\nan account with the user name {username} has been created for you.\nOpen this link to "
    "create your password; the account is active as soon as you have done so:\n\n{link}\n\nThe link is valid "
    "until {expires} and works once.\nIf you do not find this mail in your inbox next time, please look in your "
    "spam folder.": (
        "Guten Tag {name},\n\nfür Sie wurde ein Konto mit dem Benutzernamen {username} angelegt.\nÖffnen Sie "
        "diesen Link, um Ihr Passwort zu erstellen; danach ist das Konto aktiv:\n\n{link}\n\nDer Link ist bis "
        "{expires} gültig und funktioniert einmal.\nFalls Sie diese E-Mail künftig nicht in Ihrem Posteingang "
        "finden, sehen Sie bitte im Spam-Ordner nach."
    ),
    "Hello {name},\n\nan account with the user name {username} has been created for you.\nOpen this link to "
    "activate it; you sign in with your company account (single sign-on):\n\n{link}\n\nThe link is valid until "
    "{expires} and works once.": (
        "Guten Tag {name},\n\nfür Sie wurde ein Konto mit dem Benutzernamen {username} angelegt.\nÖffnen Sie "
        "diesen Link, um es zu aktivieren; Sie melden sich mit Ihrem Firmenkonto an (Single Sign-on):\n\n{link}"
        "\n\nDer Link ist bis {expires} gültig und funktioniert einmal."
    ),
    "Your account is active": "Ihr Konto ist aktiv",
    "Hello {name},\n\nyour account {username} is now active. You can sign in.": (
        "Guten Tag {name},\n\nIhr Konto {username} ist jetzt aktiv. Sie können sich anmelden."
    ),
    "Test mail from Mandant Desktop": "Test-E-Mail von Mandant Desktop",
    "This is a test mail. The e-mail server settings of Mandant Desktop work.": (
        "Dies ist eine Test-E-Mail. Die E-Mail-Server-Einstellungen von Mandant Desktop funktionieren."
    ),
    # ---------------------------------------------------------------- permission catalogue
    "Customer portal": "Kundenportal",
    "View tenants": "Mandanten ansehen",
    "Open the tenants page and see the tenants the user has access to.": (
        "Die Seite Mandanten öffnen und die Mandanten sehen, auf die der Benutzer Zugriff hat."
    ),
    "Edit tenants": "Mandanten bearbeiten",
    "Create tenants and change their name, parent and newsroom.": (
        "Mandanten anlegen und Name, Hauptmandant und Newsroom ändern."
    ),
    "Delete tenants": "Mandanten löschen",
    "Delete tenants that hold no data.": "Mandanten löschen, die keine Daten enthalten.",
    "Manage tenant access": "Mandantenzugriff verwalten",
    "Set full access, read only, hidden and private data for users.": (
        "Vollzugriff, Nur lesen, Versteckt und Private Daten für Benutzer festlegen."
    ),
    "View users": "Benutzer ansehen",
    "Open the users page and see users, their status and tenants.": (
        "Die Seite Benutzer öffnen und Benutzer, ihren Status und ihre Mandanten sehen."
    ),
    "Add and edit users": "Benutzer hinzufügen und bearbeiten",
    "Add users; they receive an activation e-mail.": "Benutzer hinzufügen; sie erhalten eine Aktivierungs-E-Mail.",
    "Deactivate users and reactivate them.": "Benutzer deaktivieren und wieder aktivieren.",
    "Send activation links": "Aktivierungslinks senden",
    "Send users a new activation link; the old one stops working.": (
        "Benutzern einen neuen Aktivierungslink senden; der alte wird ungültig."
    ),
    "View roles": "Rollen ansehen",
    "Open the roles page and see each role's permissions.": (
        "Die Seite Rollen öffnen und die Berechtigungen jeder Rolle sehen."
    ),
    "Edit roles": "Rollen bearbeiten",
    "Add, rename and duplicate roles, tick their permissions and restore defaults.": (
        "Rollen hinzufügen, umbenennen und duplizieren, ihre Berechtigungen ankreuzen und den Standard "
        "wiederherstellen."
    ),
    "Delete roles": "Rollen löschen",
    "Delete roles; their assignments are removed with them.": "Rollen löschen; ihre Zuweisungen werden mit entfernt.",
    "View role assignments": "Rollenzuweisungen ansehen",
    "Open the role assignment page.": "Die Seite Rollenzuweisung öffnen.",
    "Assign roles": "Rollen zuweisen",
    "Add and remove roles of users in the org units where this is held.": (
        "Rollen von Benutzern in den Organisationseinheiten hinzufügen und entfernen, in denen diese Berechtigung "
        "besteht."
    ),
    "Bulk edit role assignments": "Rollenzuweisungen massenweise bearbeiten",
    "Add or remove several roles for several users in several units at once.": (
        "Mehrere Rollen für mehrere Benutzer in mehreren Einheiten auf einmal hinzufügen oder entfernen."
    ),
    "Export role assignments": "Rollenzuweisungen exportieren",
    "Download the role assignments as an Excel file.": "Die Rollenzuweisungen als Excel-Datei herunterladen.",
    "View org units": "Organisationseinheiten ansehen",
    "Open the org units page and see the tree.": "Die Seite Organisationseinheiten öffnen und den Baum sehen.",
    "Edit org units": "Organisationseinheiten bearbeiten",
    "Create, rename and move org units; set role inheritance.": (
        "Organisationseinheiten anlegen, umbenennen und verschieben; Rollenvererbung festlegen."
    ),
    "Delete org units": "Organisationseinheiten löschen",
    "Delete org units.": "Organisationseinheiten löschen.",
    "View customers": "Kunden ansehen",
    "Open the customers page.": "Die Seite Kunden öffnen.",
    "Edit customers": "Kunden bearbeiten",
    "Create customers and change their data.": "Kunden anlegen und ihre Daten ändern.",
    "Delete customers": "Kunden löschen",
    "Delete customers.": "Kunden löschen.",
    "Manage rights groups": "Rechte-Gruppen verwalten",
    "Edit the rights groups of customers and their portal permissions.": (
        "Die Rechte-Gruppen der Kunden und ihre Portalberechtigungen bearbeiten."
    ),
    "Manage external users": "Externe Benutzer verwalten",
    "Create and edit the portal users of customers.": "Die Portalbenutzer der Kunden anlegen und bearbeiten.",
    "View contacts": "Kontakte ansehen",
    "Open contacts and distribution lists.": "Kontakte und Verteiler öffnen.",
    "Edit contacts": "Kontakte bearbeiten",
    "Create and change contacts, person-roles and distribution lists.": (
        "Kontakte, Rollen von Personen und Verteiler anlegen und ändern."
    ),
    "Delete contacts": "Kontakte löschen",
    "Delete contacts and distribution lists.": "Kontakte und Verteiler löschen.",
    "Export contacts": "Kontakte exportieren",
    "Download contacts as an Excel file.": "Kontakte als Excel-Datei herunterladen.",
    "Import contacts": "Kontakte importieren",
    "Import contacts from an Excel file.": "Kontakte aus einer Excel-Datei importieren.",
    "View the audit log": "Änderungsprotokoll ansehen",
    "Open the audit log and filter it.": "Das Änderungsprotokoll öffnen und filtern.",
    "Export the audit log": "Änderungsprotokoll exportieren",
    "Download the audit log as an Excel file.": "Das Änderungsprotokoll als Excel-Datei herunterladen.",
    "View settings": "Einstellungen ansehen",
    "Open the settings page.": "Die Seite Einstellungen öffnen.",
    "Edit settings": "Einstellungen ändern",
    "Change the settings of the whole database.": "Die Einstellungen der ganzen Datenbank ändern.",
    "Configure the e-mail server": "E-Mail-Server einrichten",
    "Set up SMTP, the activation link and send test mails.": (
        "SMTP und den Aktivierungslink einrichten und Test-E-Mails senden."
    ),
    "Read the outbox": "Postausgang lesen",
    "Read the e-mails the program sent or kept, activation links included.": (
        "Die E-Mails lesen, die das Programm versandt oder aufbewahrt hat, einschließlich der Aktivierungslinks."
    ),
}
# fmt: on

CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    # The permission is now its translated name (ui/errors.py), so German quotes frame it.
    ("errors", "You lack the permission {permission} for this action."): (
        "Für diese Aktion fehlt Ihnen die Berechtigung „{permission}“."
    ),
    # "Users" is the tab of the users list here, "Benutzer" everywhere.
    ("permissionAreas", "E-mail"): "E-Mail",
    ("UserTableModel", "Tenants"): "Mandanten",
}
