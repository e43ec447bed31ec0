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
        <source>Database server version</source>
        <translation>Version des Datenbankservers</translation>
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
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>Details &amp;kopieren</translation>
    </message>
    <message>
        <source>Put these details on the clipboard, e.g. for a support request</source>
        <translation>Diese Angaben in die Zwischenablage legen, z. B. für eine Supportanfrage</translation>
    </message>
    <message>
        <source>Administration of tenants, users, roles, org units and customers.</source>
        <translation>Verwaltung von Mandanten, Benutzern, Rollen, Organisationseinheiten und Kunden.</translation>
    </message>
</context>
<context>
    <name>AccessRightsDialog</name>
    <message>
        <source>Access rights</source>
        <translation>Zugriffsrechte</translation>
    </message>
    <message>
        <source>Portal permissions of the rights group %1 (customer %2):</source>
        <translation>Portal-Berechtigungen der Rechte-Gruppe „%1“ (Kunde %2):</translation>
    </message>
    <message>
        <source>Every external user of the customer is a member of this rights group and so receives these permissions. To give only some users more rights, put them into an additional rights group.</source>
        <translation>Alle externen Benutzer des Kunden sind Mitglied dieser Rechte-Gruppe und erhalten damit diese Zugriffsrechte. Sollen nur einige Benutzer mehr Rechte haben, ordnen Sie sie einer zusätzlichen Rechte-Gruppe zu.</translation>
    </message>
</context>
<context>
    <name>AddMembersDialog</name>
    <message>
        <source>Add members</source>
        <translation>Mitglieder hinzufügen</translation>
    </message>
    <message>
        <source>Search users by name or user name</source>
        <translation>Benutzer nach Name oder Benutzername suchen</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>The user receives an e-mail with an activation link that is valid for 7 days. Until then the account is listed as pending activation.</source>
        <translation>Der Benutzer erhält eine E-Mail mit einem Aktivierungslink, der 7 Tage gültig ist. Bis dahin wird das Konto als „Aktivierung ausstehend“ geführt.</translation>
    </message>
</context>
<context>
    <name>AgencyInfoDialog</name>
    <message>
        <source>Agency information</source>
        <translation>Agentur-Information</translation>
    </message>
    <message>
        <source>%1 is the default agency of these customers (%2):</source>
        <translation>%1 ist Standard-Agentur dieser Kunden (%2):</translation>
    </message>
    <message>
        <source>%1 is the default agency of no customer.</source>
        <translation>%1 ist für keinen Kunden Standard-Agentur.</translation>
    </message>
</context>
<context>
    <name>AgencyListModel</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Kurzname</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
</context>
<context>
    <name>AppearanceSection</name>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Colour &amp;scheme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Light or dark colours for this workstation; “As the system” follows the desktop setting.</source>
        <translation>Helle oder dunkle Farben für diesen Arbeitsplatz; „Wie das System“ folgt der Einstellung des Desktops.</translation>
    </message>
</context>
<context>
    <name>AssignContactPersonDialog</name>
    <message>
        <source>Contact person of only some of the selected customers: %1</source>
        <translation>Ansprechpartner nur einiger der ausgewählten Kunden: %1</translation>
    </message>
    <message>
        <source>Assign contact person</source>
        <translation>Ansprechpartner zuordnen</translation>
    </message>
    <message>
        <source>&amp;Members of CustomerSalesRepresentatives:</source>
        <translation>&amp;Mitglieder von CustomerSalesRepresentatives:</translation>
    </message>
    <message>
        <source>A&amp;ssigned contact persons:</source>
        <translation>&amp;Zugeordnete Ansprechpartner:</translation>
    </message>
    <message>
        <source>&amp;Add →</source>
        <translation>&amp;Hinzufügen →</translation>
    </message>
    <message>
        <source>← &amp;Remove</source>
        <translation>← &amp;Entfernen</translation>
    </message>
    <message>
        <source>%1 customers selected. Normal font: contact person of all of them; italics: of only some.</source>
        <translation>%1 Kunden ausgewählt. Standard-Schrift: Ansprechpartner aller ausgewählten Kunden; Kursiv-Schrift: nur einiger.</translation>
    </message>
    <message>
        <source>A contact person becomes a member of the customer&apos;s rights group, RemoteAdministrators and RemoteUsers.</source>
        <translation>Ein Ansprechpartner wird Mitglied der Kunden-Rechte-Gruppe sowie von RemoteAdministrators und RemoteUsers.</translation>
    </message>
    <message>
        <source>Removed contact persons stay members of the customer&apos;s rights group, RemoteAdministrators and RemoteUsers.</source>
        <translation>Entfernte Ansprechpartner bleiben Mitglied der Kunden-Rechte-Gruppe sowie von RemoteAdministrators und RemoteUsers.</translation>
    </message>
    <message>
        <source>Remove these &amp;memberships too</source>
        <translation>Diese &amp;Mitgliedschaften ebenfalls entfernen</translation>
    </message>
</context>
<context>
    <name>AssignmentGridModel</name>
    <message>
        <source>Loading the roles…</source>
        <translation>Die Rollen werden geladen…</translation>
    </message>
    <message>
        <source>%1 (inherited from %2)</source>
        <translation>%1 (geerbt von %2)</translation>
    </message>
    <message>
        <source>No role here: no access to this unit.</source>
        <translation>Keine Rolle hier: kein Zugriff auf diese Einheit.</translation>
    </message>
</context>
<context>
    <name>AssignmentsPage</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>%1 × %2. Right-click a cell (or press the menu key) to add a role; × removes one.</source>
        <translation>%1 × %2. Rechtsklick auf eine Zelle (oder die Menütaste) fügt eine Rolle hinzu; × entfernt eine.</translation>
    </message>
    <message>
        <source>&amp;Add role</source>
        <translation>Rolle &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Roles here are inherited; change them on the org units page.</source>
        <translation>Die Rollen hier sind geerbt; ändern Sie sie auf der Seite Organisationseinheiten.</translation>
    </message>
    <message>
        <source>You may not assign roles in this org unit.</source>
        <translation>Sie dürfen in dieser Organisationseinheit keine Rollen zuweisen.</translation>
    </message>
    <message>
        <source>Add %1 for %2 in %3</source>
        <translation>%1 für „%2“ in „%3“ hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln permission(s)</source>
        <translation>
            <numerusform>%Ln Berechtigung</numerusform>
            <numerusform>%Ln Berechtigungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bulk edit: %Ln assignment(s) removed</source>
        <translation>
            <numerusform>Massenbearbeitung: %Ln Zuweisung entfernt</numerusform>
            <numerusform>Massenbearbeitung: %Ln Zuweisungen entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bulk edit: %Ln assignment(s) added</source>
        <translation>
            <numerusform>Massenbearbeitung: %Ln Zuweisung hinzugefügt</numerusform>
            <numerusform>Massenbearbeitung: %Ln Zuweisungen hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) written to %1.</source>
        <translation>
            <numerusform>%Ln Zeile nach %1 geschrieben.</numerusform>
            <numerusform>%Ln Zeilen nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fil&amp;ter</source>
        <translation>&amp;Filtern</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>Rolle entfernen</translation>
    </message>
    <message>
        <source>The user holds this role here already.</source>
        <translation>Der Benutzer hat diese Rolle hier bereits.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln org unit(s)</source>
        <translation>
            <numerusform>%Ln Organisationseinheit</numerusform>
            <numerusform>%Ln Organisationseinheiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1 for %2 in %3</source>
        <translation>%1 für „%2“ in „%3“ entfernen</translation>
    </message>
    <message>
        <source>Bulk edit</source>
        <translation>Massenbearbeitung</translation>
    </message>
    <message>
        <source>Saving the changes…</source>
        <translation>Die Änderungen werden gespeichert…</translation>
    </message>
    <message>
        <source>Loading org units, users and their roles…</source>
        <translation>Organisationseinheiten, Benutzer und ihre Rollen werden geladen…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Press F5 to try again.</source>
        <translation>Zum erneuten Versuch F5 drücken.</translation>
    </message>
    <message>
        <source>The roles of this cell are still loading.</source>
        <translation>Die Rollen dieser Zelle werden noch geladen.</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes it.</source>
        <translation>Strg+Z macht es rückgängig.</translation>
    </message>
    <message>
        <source>Download role assignments</source>
        <translation>Rollenzuweisungen herunterladen</translation>
    </message>
    <message>
        <source>role-assignments</source>
        <translation>Rollenzuweisungen</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Remove the role %1 of %2 in %3?</source>
        <translation>Die Rolle „%1“ von „%2“ in „%3“ entfernen?</translation>
    </message>
    <message>
        <source>This is the last role of %1: afterwards they hold no role in any org unit and can no longer log in.</source>
        <translation>Dies ist die letzte Rolle von „%1“: Danach hat der Benutzer in keiner Organisationseinheit mehr eine Rolle und kann sich nicht mehr anmelden.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Search: %1 found (Esc shows all).</source>
        <translation>Suche: %1 gefunden (Esc zeigt alle).</translation>
    </message>
    <message>
        <source>Select a cell of the user first.</source>
        <translation>Wählen Sie zuerst eine Zelle des Benutzers aus.</translation>
    </message>
    <message>
        <source>Writing the Excel file…</source>
        <translation>Die Excel-Datei wird geschrieben…</translation>
    </message>
    <message>
        <source>Search users (Ctrl+F)</source>
        <translation>Benutzer suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Benutzer suchen</translation>
    </message>
    <message>
        <source>Shows the users whose name, user name or e-mail holds the text</source>
        <translation>Zeigt die Benutzer, deren Name, Benutzername oder E-Mail-Adresse den Text enthält</translation>
    </message>
    <message>
        <source>Search org units (Ctrl+F)</source>
        <translation>Organisationseinheiten suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search org units</source>
        <translation>Organisationseinheiten suchen</translation>
    </message>
    <message>
        <source>Shows the org units whose name holds the text, with the units above them</source>
        <translation>Zeigt die Organisationseinheiten, deren Name den Text enthält, mit den Einheiten darüber</translation>
    </message>
    <message>
        <source>Enter or Down goes to the first match, Esc shows all</source>
        <translation>Eingabe oder Pfeil nach unten führt zum ersten Treffer, Esc zeigt alle</translation>
    </message>
    <message>
        <source>Org units</source>
        <translation>Organisationseinheiten</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>in org units</source>
        <translation>in Organisationseinheiten</translation>
    </message>
    <message>
        <source>in users</source>
        <translation>in Benutzern</translation>
    </message>
    <message>
        <source>What the search field looks for</source>
        <translation>Wonach das Suchfeld sucht</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Suchen in</translation>
    </message>
    <message>
        <source>&amp;Show all</source>
        <translation>Alle an&amp;zeigen</translation>
    </message>
    <message>
        <source>&amp;Bulk edit</source>
        <translation>&amp;Massenbearbeitung</translation>
    </message>
    <message>
        <source>Add or remove several roles for several users in several units</source>
        <translation>Mehrere Rollen für mehrere Benutzer in mehreren Einheiten hinzufügen oder entfernen</translation>
    </message>
    <message>
        <source>&amp;All assignments within your reach…</source>
        <translation>&amp;Alle Zugriffe auswählen…</translation>
    </message>
    <message>
        <source>Assignments of the current &amp;filter selection…</source>
        <translation>Zugriffe der aktuellen &amp;Filterauswahl…</translation>
    </message>
    <message>
        <source>Assignments of the selected &amp;user…</source>
        <translation>Zugriffe des ausgewählten &amp;Benutzers…</translation>
    </message>
    <message>
        <source>Role assignments: org units by users</source>
        <translation>Rollenzuweisungen: Organisationseinheiten nach Benutzern</translation>
    </message>
</context>
<context>
    <name>AuditExport</name>
    <message>
        <source>Audit log</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Object type</source>
        <translation>Objektart</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
</context>
<context>
    <name>AuditFields</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Contact type</source>
        <translation>Kontaktart</translation>
    </message>
    <message>
        <source>Customer (ID)</source>
        <translation>Kunde (ID)</translation>
    </message>
    <message>
        <source>Default agency (ID)</source>
        <translation>Standard-Agentur (ID)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Inherited from (ID)</source>
        <translation>Geerbt von (ID)</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agentur</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Org unit (ID)</source>
        <translation>Organisationseinheit (ID)</translation>
    </message>
    <message>
        <source>Parent (ID)</source>
        <translation>Übergeordnet (ID)</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>Private data</source>
        <translation>Private Daten</translation>
    </message>
    <message>
        <source>Quota (MB)</source>
        <translation>Kontingent (MB)</translation>
    </message>
    <message>
        <source>Remote access</source>
        <translation>Remote Access</translation>
    </message>
    <message>
        <source>Role (ID)</source>
        <translation>Rolle (ID)</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <source>Search key</source>
        <translation>Suchschlüssel</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Kurzname</translation>
    </message>
    <message>
        <source>SSO</source>
        <translation>SSO</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Tenant (ID)</source>
        <translation>Mandant (ID)</translation>
    </message>
    <message>
        <source>User (ID)</source>
        <translation>Benutzer (ID)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Activated at</source>
        <translation>Aktiviert am</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Contact (ID)</source>
        <translation>Kontaktperson (ID)</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>Angelegt am</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Angelegt von</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>Gelöscht am</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>Gelöscht von</translation>
    </message>
    <message>
        <source>Level in the tree</source>
        <translation>Ebene im Baum</translation>
    </message>
    <message>
        <source>E-mail (for comparing)</source>
        <translation>E-Mail (zum Vergleich)</translation>
    </message>
    <message>
        <source>Failed log-ins</source>
        <translation>Fehlgeschlagene Anmeldungen</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Rights group (ID)</source>
        <translation>Rechte-Gruppe (ID)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>External administrator</source>
        <translation>Externer Administrator</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Last failed log-in</source>
        <translation>Letzte fehlgeschlagene Anmeldung</translation>
    </message>
    <message>
        <source>Last log-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>Distribution list (ID)</source>
        <translation>Verteiler (ID)</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Gesperrt bis</translation>
    </message>
    <message>
        <source>User name (hashed)</source>
        <translation>Benutzername (Hash)</translation>
    </message>
    <message>
        <source>Name (for comparing)</source>
        <translation>Name (zum Vergleich)</translation>
    </message>
    <message>
        <source>Newsroom name</source>
        <translation>Newsroom-Name</translation>
    </message>
    <message>
        <source>Newsroom slug</source>
        <translation>Newsroom-Kürzel</translation>
    </message>
    <message>
        <source>Org units (IDs)</source>
        <translation>Organisationseinheiten (IDs)</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Person role (ID)</source>
        <translation>Rolle einer Person (ID)</translation>
    </message>
    <message>
        <source>Predefined role</source>
        <translation>Vordefinierte Rolle</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>User name (for comparing)</source>
        <translation>Benutzername (zum Vergleich)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Tenant accesses</source>
        <translation>Mandantenzugriffe</translation>
    </message>
    <message>
        <source>Org units</source>
        <translation>Organisationseinheiten</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Activation links</source>
        <translation>Aktivierungslinks</translation>
    </message>
    <message>
        <source>Role assignments</source>
        <translation>Rollenzuweisungen</translation>
    </message>
    <message>
        <source>Inheriting units</source>
        <translation>Vererbende Einheiten</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Rights groups</source>
        <translation>Rechte-Gruppen</translation>
    </message>
    <message>
        <source>Rights group permissions</source>
        <translation>Berechtigungen der Rechte-Gruppen</translation>
    </message>
    <message>
        <source>Rights group members</source>
        <translation>Mitglieder der Rechte-Gruppen</translation>
    </message>
    <message>
        <source>Contact persons of customers</source>
        <translation>Ansprechpartner der Kunden</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Person roles</source>
        <translation>Rollen von Personen</translation>
    </message>
    <message>
        <source>Distribution lists</source>
        <translation>Verteiler</translation>
    </message>
    <message>
        <source>Distribution list members</source>
        <translation>Mitglieder der Verteiler</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Protokolleinträge</translation>
    </message>
    <message>
        <source>Mails</source>
        <translation>E-Mails</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>Organisationseinheit</translation>
    </message>
    <message>
        <source>Inherited from</source>
        <translation>Vererbt von</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>Übergeordnete Einheit</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Entries of the audit log cannot be changed.</source>
        <translation>Einträge des Änderungsprotokolls können nicht geändert werden.</translation>
    </message>
    <message>
        <source>All object types</source>
        <translation>Alle Objektarten</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Alle Mandanten</translation>
    </message>
    <message>
        <source>The entries could not be sorted by “%1”. They stay sorted by “%2”; F5 tries again.</source>
        <translation>Die Einträge konnten nicht nach „%1“ sortiert werden. Sie bleiben nach „%2“ sortiert; F5 versucht es erneut.</translation>
    </message>
    <message>
        <source>The entries could not be loaded. The list shows the previous result; F5 tries again.</source>
        <translation>Die Einträge konnten nicht geladen werden. Die Liste zeigt weiter das vorige Ergebnis; F5 versucht es erneut.</translation>
    </message>
    <message>
        <source>Entries: %1</source>
        <translation>Einträge: %1</translation>
    </message>
    <message>
        <source>Select an entry to see the changed fields.</source>
        <translation>Wählen Sie einen Eintrag, um die geänderten Felder zu sehen.</translation>
    </message>
    <message>
        <source>%1 „%2“ %3 by %4 at %5 on %6</source>
        <translation>%1 „%2“ %3 von %4 am %5 an %6</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Änderungsprotokoll exportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the Excel file…</source>
        <translation>Die Excel-Datei wird geschrieben…</translation>
    </message>
    <message>
        <source>Audit entries exported: %1</source>
        <translation>Exportierte Protokolleinträge: %1</translation>
    </message>
    <message>
        <source>Search in objects, changes and workstations (Ctrl+F)</source>
        <translation>Suche in Objekten, Änderungen und Arbeitsplätzen (Strg+F)</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>Te&amp;nant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Bi&amp;s:</translation>
    </message>
    <message>
        <source>O&amp;perator:</source>
        <translation>Bea&amp;rbeiter:</translation>
    </message>
    <message>
        <source>Object t&amp;ype:</source>
        <translation>Ob&amp;jektart:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>&amp;Reset filters</source>
        <translation>Filter &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Show changed fields</source>
        <translation>&amp;Geänderte Felder zeigen</translation>
    </message>
    <message>
        <source>Go to the fields the entry changed, before and after; Esc goes back (Enter)</source>
        <translation>Zu den Feldern, die der Eintrag geändert hat, mit Vorher und Nachher; Esc führt zurück (Eingabetaste)</translation>
    </message>
    <message>
        <source>Export the entries shown to an Excel workbook</source>
        <translation>Die angezeigten Einträge in eine Excel-Arbeitsmappe exportieren</translation>
    </message>
</context>
<context>
    <name>AuditSummaries</name>
    <message>
        <source>demo data generated</source>
        <translation>Demodaten erzeugt</translation>
    </message>
    <message>
        <source>defaults restored</source>
        <translation>Standard wiederhergestellt</translation>
    </message>
    <message>
        <source>all members of the deleted group</source>
        <translation>alle Mitglieder der gelöschten Gruppe</translation>
    </message>
    <message>
        <source>undo</source>
        <translation>Rückgängig gemacht</translation>
    </message>
    <message>
        <source>import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>role assigned</source>
        <translation>Rolle zugewiesen</translation>
    </message>
    <message>
        <source>role removed</source>
        <translation>Rolle entfernt</translation>
    </message>
    <message>
        <source>bulk edit</source>
        <translation>Massenbearbeitung</translation>
    </message>
    <message>
        <source>inheritance ticked (keep)</source>
        <translation>Vererbung eingeschaltet (vorhandene Rollen beibehalten)</translation>
    </message>
    <message>
        <source>inheritance ticked (replace)</source>
        <translation>Vererbung eingeschaltet (vorhandene Rollen ersetzt)</translation>
    </message>
    <message>
        <source>inheritance unticked</source>
        <translation>Vererbung ausgeschaltet</translation>
    </message>
    <message>
        <source>inheritance broken</source>
        <translation>Vererbung unterbrochen</translation>
    </message>
    <message>
        <source>inherited from the root unit</source>
        <translation>von der obersten Einheit geerbt</translation>
    </message>
    <message>
        <source>org unit added</source>
        <translation>Organisationseinheit hinzugefügt</translation>
    </message>
    <message>
        <source>org unit moved</source>
        <translation>Organisationseinheit verschoben</translation>
    </message>
    <message>
        <source>org unit deleted</source>
        <translation>Organisationseinheit gelöscht</translation>
    </message>
    <message>
        <source>org unit deleted, children lifted</source>
        <translation>Organisationseinheit gelöscht, untergeordnete Einheiten nach oben gerückt</translation>
    </message>
    <message>
        <source>activation link sent</source>
        <translation>Aktivierungslink gesendet</translation>
    </message>
    <message>
        <source>activation link sent to the new address</source>
        <translation>Aktivierungslink an die neue Adresse gesendet</translation>
    </message>
    <message>
        <source>unused activation links made invalid</source>
        <translation>Unbenutzte Aktivierungslinks ungültig gemacht</translation>
    </message>
    <message>
        <source>deactivated with its customer</source>
        <translation>mit dem Kunden deaktiviert</translation>
    </message>
    <message>
        <source>external user removed with its customer&apos;s portal access</source>
        <translation>Externer Benutzer mit dem Remote Access des Kunden entfernt</translation>
    </message>
    <message>
        <source>role %1 deleted</source>
        <translation>Rolle %1 gelöscht</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Object type</source>
        <translation>Objektart</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
</context>
<context>
    <name>AuditValues</name>
    <message>
        <source>Full access</source>
        <translation>Vollzugriff</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Versteckt</translation>
    </message>
    <message>
        <source>Inner tenant</source>
        <translation>Inner-Mandant</translation>
    </message>
    <message>
        <source>Separate tenant</source>
        <translation>Getrennter Mandant</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>External</source>
        <translation>Extern</translation>
    </message>
    <message>
        <source>Pending activation</source>
        <translation>Aktivierung ausstehend</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Kept (no e-mail server)</source>
        <translation>Aufbewahrt (kein E-Mail-Server)</translation>
    </message>
    <message>
        <source>small</source>
        <translation>klein</translation>
    </message>
    <message>
        <source>large</source>
        <translation>groß</translation>
    </message>
</context>
<context>
    <name>BulkEditPanel</name>
    <message>
        <source>Choose roles, users and org units.</source>
        <translation>Wählen Sie Rollen, Benutzer und Organisationseinheiten.</translation>
    </message>
    <message numerus="yes">
        <source>Removes %Ln assignment(s).</source>
        <translation>
            <numerusform>Entfernt %Ln Zuweisung.</numerusform>
            <numerusform>Entfernt %Ln Zuweisungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not present: %Ln.</source>
        <translation>
            <numerusform>Nicht vorhanden: %Ln.</numerusform>
            <numerusform>Nicht vorhanden: %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adds %Ln assignment(s).</source>
        <translation>
            <numerusform>Fügt %Ln Zuweisung hinzu.</numerusform>
            <numerusform>Fügt %Ln Zuweisungen hinzu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Already present: %Ln.</source>
        <translation>
            <numerusform>Bereits vorhanden: %Ln.</numerusform>
            <numerusform>Bereits vorhanden: %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left alone because inherited (change on the org units page): %Ln.</source>
        <translation>
            <numerusform>Unverändert, weil geerbt (Änderung auf der Seite Organisationseinheiten): %Ln.</numerusform>
            <numerusform>Unverändert, weil geerbt (Änderung auf der Seite Organisationseinheiten): %Ln.</numerusform>
        </translation>
    </message>
    <message>
        <source>Afterwards without any role, so they cannot log in: %1</source>
        <translation>Danach ohne jede Rolle und damit ohne Anmeldung: %1</translation>
    </message>
    <message>
        <source>Bulk edit</source>
        <translation>Massenbearbeitung</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>none chosen</source>
        <translation>keine gewählt</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Org units</source>
        <translation>Organisationseinheiten</translation>
    </message>
    <message>
        <source>Confirm removal</source>
        <translation>Entfernen bestätigen</translation>
    </message>
    <message>
        <source>Confirm adding</source>
        <translation>Hinzufügen bestätigen</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed on another workstation</source>
        <translation>An einem anderen Arbeitsplatz geändert</translation>
    </message>
    <message>
        <source>Your change was not saved.</source>
        <translation>Ihre Änderung wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Your input is kept (the form stays open) so that you can compare it with the reloaded data:</source>
        <translation>Ihre Eingaben bleiben erhalten (das Formular bleibt geöffnet), damit Sie sie mit den neu geladenen Daten vergleichen können:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Your input</source>
        <translation>Ihre Eingabe</translation>
    </message>
    <message>
        <source>Saved now</source>
        <translation>Jetzt gespeichert</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Keep my input</source>
        <translation>&amp;Eingaben behalten</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connection to the database lost — not saved. What you typed is kept; the program reconnects by itself as soon as the database answers again.</source>
        <translation>Verbindung zur Datenbank unterbrochen – nicht gespeichert. Ihre Eingaben bleiben erhalten; das Programm verbindet sich von selbst wieder, sobald die Datenbank wieder antwortet.</translation>
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
        <translation>Das Profil „{name}“ löschen? Die Datenbank selbst bleibt unverändert.</translation>
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
        <translation>Profil „{name}“ gespeichert.</translation>
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
        <source>Opening the database…</source>
        <translation>Die Datenbank wird geöffnet…</translation>
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
    <name>ContactDialog</name>
    <message>
        <source>not known</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Hidden: you lack the private-data right for this tenant</source>
        <translation>Versteckt: Ihnen fehlt für diesen Mandanten das Recht auf private Daten</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>Man&amp;dant:</translation>
    </message>
    <message>
        <source>&amp;Salutation:</source>
        <translation>&amp;Anrede:</translation>
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
        <source>T&amp;ype:</source>
        <translation>&amp;Kontaktart:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Tele&amp;fon:</translation>
    </message>
    <message>
        <source>St&amp;reet:</source>
        <translation>St&amp;raße:</translation>
    </message>
    <message>
        <source>P&amp;ostal code:</source>
        <translation>&amp;PLZ:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>&amp;Birthday:</source>
        <translation>&amp;Geburtstag:</translation>
    </message>
    <message>
        <source>e.g. Press, Politics</source>
        <translation>z. B. Presse, Politik</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>Contact type</source>
        <translation>Kontaktart</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Portal user</source>
        <translation>Portal-Benutzer</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>, external administrator</source>
        <translation>, externer Administrator</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Read only: you may not change data of this tenant</source>
        <translation>Nur lesen: Sie dürfen Daten dieses Mandanten nicht ändern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kontaktart</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>Contact of the customer {customer}: kept with the customer in the main database, not in the separate tenant&apos;s own one</source>
        <translation>Kontakt des Kunden {customer}: beim Kunden in der Hauptdatenbank gespeichert, nicht in der eigenen Datenbank des getrennten Mandanten</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>{tenant} (customer {customer})</source>
        <translation>{tenant} (Kunde {customer})</translation>
    </message>
    <message>
        <source>{count} hidden</source>
        <translation>{count} versteckt</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Person-role</source>
        <translation>Rolle einer Person</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Distribution lists</source>
        <translation>Verteiler</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Press F5 to try again.</source>
        <translation>Zum erneuten Versuch F5 drücken.</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Loading contacts…</source>
        <translation>Kontakte werden geladen…</translation>
    </message>
    <message>
        <source>{count} contacts</source>
        <translation>{count} Kontakte</translation>
    </message>
    <message>
        <source>Person-roles of {name}</source>
        <translation>Rollen von {name}</translation>
    </message>
    <message>
        <source>Person-roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Neuer Kontakt</translation>
    </message>
    <message>
        <source>You have full access to no tenant, so you cannot create contacts.</source>
        <translation>Sie haben auf keinen Mandanten Vollzugriff und können daher keine Kontakte anlegen.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Delete contact?</source>
        <translation>Kontakt löschen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Delete the selected contacts (Del)</source>
        <translation>Die ausgewählten Kontakte löschen (Entf)</translation>
    </message>
    <message>
        <source>Delete {name} with all person-roles? They also leave every distribution list.</source>
        <translation>{name} mit allen Rollen löschen? Die Rollen werden auch aus allen Verteilern entfernt.</translation>
    </message>
    <message>
        <source>Delete contacts?</source>
        <translation>Kontakte löschen?</translation>
    </message>
    <message>
        <source>Delete %1 contacts with all their person-roles? They also leave every distribution list.</source>
        <translation>%1 Kontakte mit allen ihren Rollen löschen? Die Rollen werden auch aus allen Verteilern entfernt.</translation>
    </message>
    <message>
        <source>%1 contacts deleted.</source>
        <translation>%1 Kontakte gelöscht.</translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation>Kontakte löschen</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Kontakte exportieren</translation>
    </message>
    <message>
        <source>contacts.xlsx</source>
        <translation>kontakte.xlsx</translation>
    </message>
    <message>
        <source>Writing the Excel file…</source>
        <translation>Die Excel-Datei wird geschrieben…</translation>
    </message>
    <message>
        <source>{count} contacts exported.</source>
        <translation>{count} Kontakte exportiert.</translation>
    </message>
    <message>
        <source>Delete person-role?</source>
        <translation>Rolle löschen?</translation>
    </message>
    <message>
        <source>Delete the role at {organisation}? It also leaves every distribution list.</source>
        <translation>Die Rolle bei {organisation} löschen? Sie wird auch aus allen Verteilern entfernt.</translation>
    </message>
    <message>
        <source>Person-role at %1 deleted.</source>
        <translation>Rolle bei %1 gelöscht.</translation>
    </message>
    <message>
        <source>Delete person-roles?</source>
        <translation>Rollen löschen?</translation>
    </message>
    <message>
        <source>Delete %1 roles of %2? They also leave every distribution list.</source>
        <translation>%1 Rollen von %2 löschen? Sie werden auch aus allen Verteilern entfernt.</translation>
    </message>
    <message>
        <source>%1 person-roles deleted.</source>
        <translation>%1 Rollen gelöscht.</translation>
    </message>
    <message>
        <source>Delete person-roles</source>
        <translation>Rollen löschen</translation>
    </message>
    <message>
        <source>Search names and types (Enter)</source>
        <translation>Namen und Arten suchen (Eingabe)</translation>
    </message>
    <message>
        <source>Create a contact (Ctrl+N)</source>
        <translation>Einen Kontakt anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Delete the contact (Del)</source>
        <translation>Den Kontakt löschen (Entf)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Add role…</source>
        <translation>Rolle hinzufügen…</translation>
    </message>
    <message>
        <source>Open role…</source>
        <translation>Rolle öffnen…</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>Rolle löschen</translation>
    </message>
</context>
<context>
    <name>CopyRows</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>More than %1 rows are selected; use Export for that many.</source>
        <translation>Mehr als %1 Zeilen sind ausgewählt; nutzen Sie für so viele „Exportieren“.</translation>
    </message>
    <message>
        <source>Nothing is selected to copy.</source>
        <translation>Es ist nichts zum Kopieren ausgewählt.</translation>
    </message>
    <message>
        <source>Rows copied to the clipboard: %1.</source>
        <translation>In die Zwischenablage kopierte Zeilen: %1.</translation>
    </message>
    <message>
        <source>Put the cursor into a list first, then copy its selected rows.</source>
        <translation>Setzen Sie den Cursor zuerst in eine Liste; dann werden deren ausgewählte Zeilen kopiert.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text (Ctrl+C)</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennten Text kopieren (Strg+C)</translation>
    </message>
    <message>
        <source>Copy &amp;with column titles</source>
        <translation>&amp;Mit Spaltenüberschriften kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows with the column titles as the first line (Ctrl+Shift+C)</source>
        <translation>Die ausgewählten Zeilen mit den Spaltenüberschriften als erster Zeile kopieren (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Cop&amp;y rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln Kunde</numerusform>
            <numerusform>%Ln Kunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln Kontakt</numerusform>
            <numerusform>%Ln Kontakte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person-role(s)</source>
        <translation>
            <numerusform>%Ln Rolle einer Person</numerusform>
            <numerusform>%Ln Rollen von Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln distribution list(s)</source>
        <translation>
            <numerusform>%Ln Verteiler</numerusform>
            <numerusform>%Ln Verteiler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln template(s)</source>
        <translation>
            <numerusform>%Ln Vorlage</numerusform>
            <numerusform>%Ln Vorlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sub-tenant(s)</source>
        <translation>
            <numerusform>%Ln Tochtermandant</numerusform>
            <numerusform>%Ln Tochtermandanten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CreateContactDialog</name>
    <message>
        <source>Create contact</source>
        <translation>Kontaktperson erfassen</translation>
    </message>
    <message>
        <source>Contact &amp;type:</source>
        <translation>Kontakt&amp;art:</translation>
    </message>
    <message>
        <source>&amp;Salutation:</source>
        <translation>An&amp;rede:</translation>
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
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>e.g. Purchasing, Marketing, Prepress</source>
        <translation>z. B. Einkauf, Marketing, Druckvorstufe</translation>
    </message>
</context>
<context>
    <name>CreateCustomerDialog</name>
    <message>
        <source>You have full access to no tenant, so you cannot create customers.</source>
        <translation>Sie haben auf keinen Mandanten Vollzugriff und können deshalb keine Kunden anlegen.</translation>
    </message>
    <message>
        <source>Customer number used before</source>
        <translation>Kundennummer schon einmal vergeben</translation>
    </message>
    <message>
        <source>The customer number %1 belonged to the deleted customer “%2” (deleted on %3). A new customer with this number regains the access rights to all jobs of the deleted one. Create it anyway?</source>
        <translation>Die Kundennummer %1 gehörte dem gelöschten Kunden „%2“ (gelöscht am %3). Ein neuer Kunde mit dieser Nummer erhält wieder die Zugriffsrechte auf alle Aufträge des gelöschten Kunden. Trotzdem anlegen?</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>Trotzdem anlegen</translation>
    </message>
    <message>
        <source>Create customer</source>
        <translation>Kunden erfassen</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Nummer:</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>&amp;Kurzname:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>&amp;Remote access:</source>
        <translation>&amp;Remote Access:</translation>
    </message>
    <message>
        <source>&amp;Quota (MB):</source>
        <translation>K&amp;ontingent (MB):</translation>
    </message>
    <message>
        <source>A&amp;gency:</source>
        <translation>A&amp;gentur:</translation>
    </message>
    <message>
        <source>size of the exchange area, e.g. 500</source>
        <translation>Größe des Daten-Austauschbereichs, z. B. 500</translation>
    </message>
    <message>
        <source>Saving creates the customer&apos;s rights group and then opens “Access rights” and “Assign contact person”.</source>
        <translation>Beim Speichern wird die Kunden-Rechte-Gruppe angelegt; danach öffnen sich „Zugriffsrechte“ und „Ansprechpartner zuordnen“.</translation>
    </message>
</context>
<context>
    <name>CustomerContactsDialog</name>
    <message>
        <source>The contact was saved.</source>
        <translation>Der Kontakt wurde gespeichert.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>Portal user %1 (%2)</source>
        <translation>Portal-Benutzer %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Reaktivieren</translation>
    </message>
    <message>
        <source>Create a contact first: every portal user belongs to a real person.</source>
        <translation>Erfassen Sie zuerst eine Kontaktperson: Jedes Benutzerkonto gehört zu einer realen Person.</translation>
    </message>
    <message>
        <source>The customer has no remote access; switch it on in its properties first.</source>
        <translation>Der Kunde hat keinen Remote Access; schalten Sie ihn zuerst in den Eigenschaften ein.</translation>
    </message>
    <message>
        <source>Portal user for %1: member of the customer&apos;s rights group %2.</source>
        <translation>Portal-Benutzer für %1: Mitglied der Kunden-Rechte-Gruppe „%2“.</translation>
    </message>
    <message>
        <source>The portal user was created without the contact&apos;s e-mail address (you do not have the private data right in its tenant); it appears in user administration under “External”.</source>
        <translation>Der Portal-Benutzer wurde ohne die E-Mail-Adresse des Kontakts angelegt (Sie haben im Mandanten des Kontakts kein Recht „Private Daten“); er erscheint in der Benutzerverwaltung unter „Extern“.</translation>
    </message>
    <message>
        <source>The portal user was created; it appears in user administration under “External”.</source>
        <translation>Der Portal-Benutzer wurde angelegt; er erscheint in der Benutzerverwaltung unter „Extern“.</translation>
    </message>
    <message>
        <source>Contacts and users</source>
        <translation>Kontakte und Benutzer</translation>
    </message>
    <message>
        <source>Customer %1 – %2</source>
        <translation>Kunde %1 – %2</translation>
    </message>
    <message>
        <source>&amp;Contact list:</source>
        <translation>&amp;Kontaktliste:</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>Bearbeit&amp;en…</translation>
    </message>
    <message>
        <source>Change the contact&apos;s name, address and details (Enter, F2)</source>
        <translation>Name, Anschrift und Angaben des Kontakts ändern (Eingabe, F2)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>E&amp;xternal user</source>
        <translation>E&amp;xterner Benutzer</translation>
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
        <source>C&amp;onfirm:</source>
        <translation>Bes&amp;tätigen:</translation>
    </message>
    <message>
        <source>at least 6 characters</source>
        <translation>mindestens 6 Zeichen</translation>
    </message>
    <message>
        <source>External &amp;administrator (member of RemoteAdministrators)</source>
        <translation>Externer &amp;Administrator (Mitglied von RemoteAdministrators)</translation>
    </message>
    <message>
        <source>Create u&amp;ser</source>
        <translation>Ben&amp;utzer anlegen</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Set up for the Portal Services</source>
        <translation>Für die Portal Services eingerichtet</translation>
    </message>
    <message>
        <source>The customer works with the Portal Services: it has a customer rights group, external users and an exchange area of the quota&apos;s size.</source>
        <translation>Der Kunde arbeitet mit den Portal Services: Er hat eine Kunden-Rechte-Gruppe, externe Benutzer und einen Daten-Austauschbereich in der Größe des Kontingents.</translation>
    </message>
    <message>
        <source>The customer acts as an agency</source>
        <translation>Der Kunde fungiert als Agentur</translation>
    </message>
    <message>
        <source>An agency appears in every list of agencies to choose from, e.g. as the default agency of other customers.</source>
        <translation>Eine Agentur erscheint in allen Auswahllisten mit Agenturen, z. B. als Standard-Agentur anderer Kunden.</translation>
    </message>
</context>
<context>
    <name>CustomerExport</name>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Kurzname</translation>
    </message>
    <message>
        <source>Remote access</source>
        <translation>Remote Access</translation>
    </message>
    <message>
        <source>Quota (MB)</source>
        <translation>Kontingent (MB)</translation>
    </message>
    <message>
        <source>Default agency</source>
        <translation>Standard-Agentur</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agentur</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>Kunden exportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the Excel file…</source>
        <translation>Die Excel-Datei wird geschrieben…</translation>
    </message>
</context>
<context>
    <name>CustomerPropertiesDialog</name>
    <message>
        <source>No agency set</source>
        <translation>Keine Agentur festgelegt</translation>
    </message>
    <message>
        <source>Remove remote access</source>
        <translation>Remote Access entfernen</translation>
    </message>
    <message>
        <source>Without remote access the customer&apos;s rights group %1 and all external users of the customer (%2) are deleted. This cannot be undone. Remove remote access?</source>
        <translation>Ohne Remote Access werden die Kunden-Rechte-Gruppe „%1“ und alle externen Benutzer des Kunden (%2) gelöscht. Das kann nicht rückgängig gemacht werden. Remote Access entfernen?</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Customer %1 – %2 (tenant %3)</source>
        <translation>Kunde %1 – %2 (Mandant %3)</translation>
    </message>
    <message>
        <source>&amp;Remote access:</source>
        <translation>&amp;Remote Access:</translation>
    </message>
    <message>
        <source>&amp;Quota (MB):</source>
        <translation>K&amp;ontingent (MB):</translation>
    </message>
    <message>
        <source>A&amp;gency:</source>
        <translation>A&amp;gentur:</translation>
    </message>
    <message>
        <source>&amp;Default agency:</source>
        <translation>&amp;Standard-Agentur:</translation>
    </message>
    <message>
        <source>&amp;Select…</source>
        <translation>A&amp;uswählen…</translation>
    </message>
    <message>
        <source>&amp;No agency</source>
        <translation>&amp;Keine Agentur</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Kurzname</translation>
    </message>
    <message>
        <source>Remote access</source>
        <translation>Remote Access</translation>
    </message>
    <message>
        <source>Quota (MB)</source>
        <translation>Kontingent (MB)</translation>
    </message>
    <message>
        <source>Default agency</source>
        <translation>Standard-Agentur</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Contact persons</source>
        <translation>Ansprechpartner</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agentur</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Read only: you have read-only access to this customer&apos;s tenant.</source>
        <translation>Nur lesen: Sie haben auf den Mandanten dieses Kunden nur Lesezugriff.</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Customers: searching…</source>
        <translation>Kunden: Suche läuft…</translation>
    </message>
    <message>
        <source>Customers: %1 and more, counting…</source>
        <translation>Kunden: %1 und mehr, wird gezählt…</translation>
    </message>
    <message>
        <source>Customers: %1</source>
        <translation>Kunden: %1</translation>
    </message>
    <message>
        <source>Delete customers</source>
        <translation>Kunden löschen</translation>
    </message>
    <message>
        <source>Customers deleted: %1.</source>
        <translation>Gelöschte Kunden: %1.</translation>
    </message>
    <message>
        <source>Deactivate customers</source>
        <translation>Kunden deaktivieren</translation>
    </message>
    <message>
        <source>Customers deactivated, and with them their external users (%1).</source>
        <translation>Kunden deaktiviert und mit ihnen ihre externen Benutzer (%1).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Customers exported: %1 rows to %2.</source>
        <translation>Kunden exportiert: %1 Zeilen nach %2.</translation>
    </message>
    <message>
        <source>Reactivate customers</source>
        <translation>Kunden reaktivieren</translation>
    </message>
    <message>
        <source>Customers reactivated: %1.</source>
        <translation>Reaktivierte Kunden: %1.</translation>
    </message>
    <message>
        <source>Search by number, name or short name (Ctrl+F)</source>
        <translation>Suche nach Nummer, Name oder Kurzname (Strg+F)</translation>
    </message>
    <message>
        <source>Finds the customers whose number, name or short name contain every word, in any order; capitals and accents do not matter, and ß is ss, ä ae, ö oe, ü ue</source>
        <translation>Findet die Kunden, deren Nummer, Name oder Kurzname jedes Wort enthält, in beliebiger Reihenfolge; Groß- und Kleinschreibung und Akzente spielen keine Rolle, und ß ist ss, ä ae, ö oe, ü ue</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Create a customer (Ctrl+N)</source>
        <translation>Einen Kunden erfassen (Strg+N)</translation>
    </message>
    <message>
        <source>Delete or deactivate the selected customers (Del)</source>
        <translation>Die ausgewählten Kunden löschen oder deaktivieren (Entf)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export the customers shown, or the selected ones, to an Excel workbook</source>
        <translation>Die angezeigten oder die ausgewählten Kunden in eine Excel-Arbeitsmappe exportieren</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>&amp;Neuer Kunde…</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>&amp;Eigenschaften…</translation>
    </message>
    <message>
        <source>&amp;Access rights…</source>
        <translation>&amp;Zugriffsrechte…</translation>
    </message>
    <message>
        <source>Assign &amp;contact person…</source>
        <translation>&amp;Ansprechpartner zuordnen…</translation>
    </message>
    <message>
        <source>Contacts and &amp;users…</source>
        <translation>Kontakte und &amp;Benutzer…</translation>
    </message>
    <message>
        <source>A&amp;gency information…</source>
        <translation>A&amp;gentur-Information…</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Reaktivieren</translation>
    </message>
    <message>
        <source>Context menu</source>
        <translation>Kontextmenü</translation>
    </message>
</context>
<context>
    <name>DeleteCustomerDialog</name>
    <message>
        <source>Delete customer entry</source>
        <translation>Kundeneintrag löschen</translation>
    </message>
    <message>
        <source>the %1 selected customers</source>
        <translation>die %1 ausgewählten Kunden</translation>
    </message>
    <message>
        <source>the customer %1 – %2</source>
        <translation>den Kunden %1 – %2</translation>
    </message>
    <message>
        <source>Do you want to delete %1?

Deleting also deletes the accounts of their external users (%2). If you later create a customer with the same customer number, that new customer gets the same access rights to all jobs as the deleted one had.

Instead of deleting, you can deactivate all external users; the customer data is kept.</source>
        <translation>Möchten Sie %1 löschen?

Dabei werden auch die Benutzerkonten der externen Benutzer (%2) gelöscht. Wenn Sie später einen Kunden mit derselben Kundennummer anlegen, hat dieser neue Kunde die gleichen Zugriffsrechte auf alle Aufträge wie der gelöschte.

Statt zu löschen, können Sie alle externen Benutzer deaktivieren; die Kundendaten bleiben erhalten.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Deactivate &amp;all</source>
        <translation>&amp;Alle deaktivieren</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
</context>
<context>
    <name>DeleteUnitDialog</name>
    <message>
        <source>Delete org unit</source>
        <translation>Organisationseinheit löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete &amp;them too (%Ln unit(s) in all)</source>
        <translation>
            <numerusform>Eben&amp;falls löschen (insgesamt %Ln Einheit)</numerusform>
            <numerusform>Eben&amp;falls löschen (insgesamt %Ln Einheiten)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Move them up to the top level</source>
        <translation>In die oberste Ebene &amp;einordnen (eine Ebene höher)</translation>
    </message>
    <message>
        <source>&amp;Move them up to %1</source>
        <translation>In „%1“ &amp;einordnen (eine Ebene höher)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %Ln direct child unit(s). What should happen to them?</source>
        <translation>
            <numerusform>„%1“ hat %Ln direkte untergeordnete Einheit. Was soll mit ihr geschehen?</numerusform>
            <numerusform>„%1“ hat %Ln direkte untergeordnete Einheiten. Was soll mit ihnen geschehen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln role assignment(s) in the deleted units are removed.</source>
        <translation>
            <numerusform>%Ln Rollenzuweisung in den gelöschten Einheiten wird entfernt.</numerusform>
            <numerusform>%Ln Rollenzuweisungen in den gelöschten Einheiten werden entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoProgress</name>
    <message>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
</context>
<context>
    <name>EditUserDialog</name>
    <message>
        <source>Edit user %1</source>
        <translation>Benutzer %1 bearbeiten</translation>
    </message>
    <message>
        <source>External user of customer %1. Their name and e-mail address are those of their contact at the customer and change there too; the first name and the address may stay empty. The user name, which they log in with, stays as it is.</source>
        <translation>Externer Benutzer des Kunden %1. Name und E-Mail-Adresse sind die seiner Kontaktperson beim Kunden und ändern sich dort mit; Vorname und Adresse dürfen leer bleiben. Der Benutzername, mit dem er sich anmeldet, bleibt, wie er ist.</translation>
    </message>
    <message>
        <source>Correct the user&apos;s name and e-mail address. The user name, which they log in with, stays as it is.</source>
        <translation>Korrigieren Sie Namen und E-Mail-Adresse des Benutzers. Der Benutzername, mit dem er sich anmeldet, bleibt, wie er ist.</translation>
    </message>
    <message>
        <source>This user has not activated their account yet. If you change the e-mail address, a new activation link goes to the new address when you save, and the link sent to %1 stops working.</source>
        <translation>Dieser Benutzer hat sein Konto noch nicht aktiviert. Wenn Sie die E-Mail-Adresse ändern, geht beim Speichern ein neuer Aktivierungslink an die neue Adresse, und der an %1 gesendete Link funktioniert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>ExplainDialog</name>
    <message>
        <source>Explain permissions of %1</source>
        <translation>Berechtigungen von „%1“ erklären</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Erteilt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Assigned by</source>
        <translation>Zugewiesen von</translation>
    </message>
    <message>
        <source>Assigned on</source>
        <translation>Zugewiesen am</translation>
    </message>
    <message>
        <source>Filter permissions…</source>
        <translation>Berechtigungen filtern…</translation>
    </message>
    <message>
        <source>Choose an org unit on the left.</source>
        <translation>Wählen Sie links eine Organisationseinheit.</translation>
    </message>
    <message>
        <source>%1 in %2: %3 of %4 permissions granted.</source>
        <translation>„%1“ in „%2“: %3 von %4 Berechtigungen erteilt.</translation>
    </message>
    <message>
        <source>⚠ %1 holds no role in any org unit and therefore cannot log in. Assign a role on the org units page first.</source>
        <translation>⚠ „%1“ hat in keiner Organisationseinheit eine Rolle und kann sich daher nicht anmelden. Weisen Sie zuerst auf der Seite Organisationseinheiten eine Rolle zu.</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Role %1, assigned directly</source>
        <translation>Rolle „%1“, direkt zugewiesen</translation>
    </message>
    <message>
        <source>Role %1, inherited from %2</source>
        <translation>Rolle „%1“, geerbt von „%2“</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
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
    <name>GroupListModel</name>
    <message>
        <source>%1 · members: %2</source>
        <translation>%1 · Mitglieder: %2</translation>
    </message>
    <message>
        <source>System group</source>
        <translation>Systemgruppe</translation>
    </message>
    <message>
        <source>Rights group of customer %1</source>
        <translation>Rechte-Gruppe des Kunden %1</translation>
    </message>
    <message>
        <source>Additional rights group</source>
        <translation>Zusätzliche Rechte-Gruppe</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Passes the chosen user&apos;s roles in this unit down to every child unit. You choose next whether roles the user already has below are replaced or kept.</source>
        <translation>Gibt die Rollen des gewählten Benutzers in dieser Einheit an alle untergeordneten Einheiten weiter. Danach wählen Sie, ob Rollen, die der Benutzer darunter schon hat, ersetzt oder behalten werden.</translation>
    </message>
    <message>
        <source>Replace: below this unit the user ends up with exactly these roles; roles they had there before are removed.</source>
        <translation>Ersetzen: Unterhalb dieser Einheit hat der Benutzer danach genau diese Rollen; Rollen, die er dort vorher hatte, werden entfernt.</translation>
    </message>
    <message>
        <source>Keep: the roles are added only in child units where the user has no role yet; nothing the user holds is taken away.</source>
        <translation>Behalten: Die Rollen kommen nur in untergeordneten Einheiten hinzu, in denen der Benutzer noch keine Rolle hat; nichts, was er hat, wird ihm genommen.</translation>
    </message>
    <message>
        <source>Breaks the chain of inheritance here: the inherited roles become direct roles of this unit, which you can then change. Units below inherit from here from then on.</source>
        <translation>Unterbricht hier die Vererbung: Die geerbten Rollen werden direkte Rollen dieser Einheit, die Sie dann ändern können. Untergeordnete Einheiten erben von da an von hier.</translation>
    </message>
    <message>
        <source>Shows why the user has each permission: which role grants it, in which unit, and from where it is inherited.</source>
        <translation>Zeigt, warum der Benutzer jede Berechtigung hat: welche Rolle sie gewährt, in welcher Einheit und woher sie geerbt ist.</translation>
    </message>
    <message>
        <source>The first part of the name of every customer&apos;s rights group. Changing the naming renames no existing group; it applies to groups created from now on.</source>
        <translation>Der erste Teil des Namens jeder Rechte-Gruppe eines Kunden. Eine geänderte Benennung benennt keine bestehende Gruppe um; sie gilt für Gruppen, die ab jetzt angelegt werden.</translation>
    </message>
    <message>
        <source>The second part of a rights group&apos;s name; the preview below shows a whole name.</source>
        <translation>Der zweite Teil des Namens einer Rechte-Gruppe; die Vorschau darunter zeigt einen ganzen Namen.</translation>
    </message>
    <message>
        <source>The third part of a rights group&apos;s name; the preview below shows a whole name.</source>
        <translation>Der dritte Teil des Namens einer Rechte-Gruppe; die Vorschau darunter zeigt einen ganzen Namen.</translation>
    </message>
    <message>
        <source>Opens the bulk edit: add or remove roles for many users in many org units at once. You see how many assignments change before anything is saved, and the whole change can be undone.</source>
        <translation>Öffnet die Massenbearbeitung: Rollen für viele Benutzer in vielen Organisationseinheiten auf einmal hinzufügen oder entfernen. Sie sehen, wie viele Zuweisungen sich ändern, bevor etwas gespeichert wird, und die ganze Änderung lässt sich rückgängig machen.</translation>
    </message>
    <message>
        <source>The kind of database: a SQLite file on this computer, or a PostgreSQL or MariaDB server that several workstations share.</source>
        <translation>Die Art der Datenbank: eine SQLite-Datei auf diesem Rechner oder ein PostgreSQL- oder MariaDB-Server, den mehrere Arbeitsplätze teilen.</translation>
    </message>
    <message>
        <source>Keeps the password in the system&apos;s keyring, never in a settings file. Without a keyring you are asked for it at each start.</source>
        <translation>Legt das Passwort im Schlüsselbund des Systems ab, nie in einer Einstellungsdatei. Ohne Schlüsselbund werden Sie bei jedem Start danach gefragt.</translation>
    </message>
    <message>
        <source>Private data: whether the user may also see the tenant&apos;s private customer data, in addition to the access level.</source>
        <translation>Private Daten: ob der Benutzer zusätzlich zur Zugriffsstufe auch die privaten Kundendaten des Mandanten sehen darf.</translation>
    </message>
    <message>
        <source>Copies the selected access levels of the tenant to all its sub-tenants (saved with Save).</source>
        <translation>Überträgt die gewählten Zugriffsstufen des Mandanten auf alle seine Tochtermandanten (gespeichert mit Speichern).</translation>
    </message>
    <message>
        <source>Limits every page to the tenants chosen here. It narrows what you see; it never widens your rights.</source>
        <translation>Beschränkt jede Seite auf die hier gewählten Mandanten. Das engt ein, was Sie sehen; Ihre Rechte erweitert es nie.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import templates from {file}</source>
        <translation>Vorlagen aus {file} importieren</translation>
    </message>
    <message>
        <source>Into &amp;tenant:</source>
        <translation>In &amp;Mandant:</translation>
    </message>
    <message>
        <source>When the tenant has a template of the same name:</source>
        <translation>Wenn der Mandant schon eine gleichnamige Vorlage hat:</translation>
    </message>
    <message>
        <source>&amp;Skip it</source>
        <translation>&amp;Überspringen</translation>
    </message>
    <message>
        <source>Import under a &amp;new name</source>
        <translation>Unter &amp;neuem Namen importieren</translation>
    </message>
    <message>
        <source>&amp;Overwrite it</source>
        <translation>Über&amp;schreiben</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Add rows from an Excel file in the layout of the export (checked first)</source>
        <translation>Zeilen aus einer Excel-Datei im Aufbau des Exports hinzufügen (wird vorher geprüft)</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 unchanged.</source>
        <translation>Importiert: %1 hinzugefügt, %2 unverändert.</translation>
    </message>
    <message>
        <source>Import role assignments</source>
        <translation>Rollenzuweisungen importieren</translation>
    </message>
    <message>
        <source>Import users</source>
        <translation>Benutzer importieren</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>Kunden importieren</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Choose an Excel file</source>
        <translation>Excel-Datei auswählen</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Die Datei wird geprüft…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>The file was refused; nothing was imported.</source>
        <translation>Die Datei wurde abgelehnt; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>%1 would be added, %2 unchanged, %3 errors.</source>
        <translation>Neu: %1, unverändert: %2, Fehler: %3.</translation>
    </message>
    <message>
        <source>Correct the file and check it again; nothing was imported.</source>
        <translation>Korrigieren Sie die Datei und prüfen Sie sie erneut; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>Es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>Press Import to add them.</source>
        <translation>Klicken Sie auf „Importieren“, um sie hinzuzufügen.</translation>
    </message>
    <message>
        <source>Would be added</source>
        <translation>Würde hinzugefügt</translation>
    </message>
    <message>
        <source>Start from an exported file: the columns are those of the export. The file is checked first; it is imported only when every row is valid, and then all at once.</source>
        <translation>Gehen Sie von einer exportierten Datei aus: Die Spalten sind die des Exports. Die Datei wird zuerst geprüft; importiert wird sie nur, wenn jede Zeile gültig ist, und dann vollständig in einem Schritt.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>Chec&amp;k</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Choose a file and check it.</source>
        <translation>Wählen Sie eine Datei und prüfen Sie sie.</translation>
    </message>
</context>
<context>
    <name>InheritDialog</name>
    <message>
        <source>Inherit roles to child units</source>
        <translation>Rollen an untergeordnete Einheiten vererben</translation>
    </message>
    <message>
        <source>&amp;Replace existing roles</source>
        <translation>Vorhandene Rollen &amp;ersetzen</translation>
    </message>
    <message>
        <source>&amp;Keep existing roles</source>
        <translation>Vorhandene Rollen &amp;beibehalten</translation>
    </message>
    <message>
        <source>The roles are assigned in every child unit below %1; the roles the user had there before are removed.</source>
        <translation>Die Rollen werden in allen untergeordneten Einheiten unter „%1“ zugewiesen; die Rollen, die der Benutzer dort bisher hatte, werden entfernt.</translation>
    </message>
    <message>
        <source>The roles are assigned only in child units where the user has no role yet; existing roles stay.</source>
        <translation>Die Rollen werden nur in untergeordneten Einheiten zugewiesen, in denen der Benutzer noch keine Rolle hat; vorhandene Rollen bleiben erhalten.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>%1 passes %2 to the units below it. What happens to roles the user already holds there?</source>
        <translation>„%1“ gibt %2 an die Einheiten darunter weiter. Was geschieht mit Rollen, die der Benutzer dort bereits hat?</translation>
    </message>
    <message>
        <source>Affects %1: adds %2, removes %3.</source>
        <translation>Betrifft %1: fügt %2 hinzu, entfernt %3.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unit(s)</source>
        <translation>
            <numerusform>%Ln Einheit</numerusform>
            <numerusform>%Ln Einheiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln role(s)</source>
        <translation>
            <numerusform>%Ln Rolle</numerusform>
            <numerusform>%Ln Rollen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Keyboard</name>
    <message>
        <source>There is nothing to create on this page.</source>
        <translation>Auf dieser Seite lässt sich nichts neu anlegen.</translation>
    </message>
    <message>
        <source>There is nothing to delete here. Select a row in a list first.</source>
        <translation>Hier gibt es nichts zu löschen. Wählen Sie zuerst eine Zeile in einer Liste.</translation>
    </message>
    <message>
        <source>There is no form to save on this page; changes here are saved at once.</source>
        <translation>Auf dieser Seite gibt es kein Formular zum Speichern; Änderungen hier werden sofort gespeichert.</translation>
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
    <name>ListDialog</name>
    <message>
        <source>New distribution list</source>
        <translation>Neuer Verteiler</translation>
    </message>
    <message>
        <source>Distribution list</source>
        <translation>Verteiler</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>Man&amp;dant:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Members:</source>
        <translation>&amp;Mitglieder:</translation>
    </message>
    <message>
        <source>Search person-roles</source>
        <translation>Rollen suchen</translation>
    </message>
</context>
<context>
    <name>ListsTab</name>
    <message>
        <source>Loading distribution lists…</source>
        <translation>Verteiler werden geladen…</translation>
    </message>
    <message>
        <source>Members of {name}</source>
        <translation>Mitglieder von {name}</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>{count} members hidden</source>
        <translation>{count} Mitglieder versteckt</translation>
    </message>
    <message>
        <source>These members belong to tenants you may not see; the list is read only for you.</source>
        <translation>Diese Mitglieder gehören zu Mandanten, die Sie nicht sehen dürfen; Sie können den Verteiler nur lesen.</translation>
    </message>
    <message>
        <source>New distribution list</source>
        <translation>Neuer Verteiler</translation>
    </message>
    <message>
        <source>You have full access to no tenant.</source>
        <translation>Sie haben auf keinen Mandanten Vollzugriff.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Delete distribution list?</source>
        <translation>Verteiler löschen?</translation>
    </message>
    <message>
        <source>Delete the distribution list {name}? The contacts stay.</source>
        <translation>Den Verteiler „{name}“ löschen? Die Kontakte bleiben erhalten.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Neuer Verteiler</translation>
    </message>
    <message>
        <source>Create a distribution list (Ctrl+N)</source>
        <translation>Einen Verteiler anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
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
        <source>Changed on another workstation — press F5 to reload. Your unsaved changes on this page are kept until then.</source>
        <translation>An einem anderen Arbeitsplatz geändert – zum Neuladen F5 drücken. Ihre nicht gespeicherten Änderungen auf dieser Seite bleiben bis dahin erhalten.</translation>
    </message>
    <message>
        <source>The connection is back. Press F5 to reload; your unsaved changes are kept until then.</source>
        <translation>Die Verbindung ist wieder da. Zum Neuladen F5 drücken; Ihre nicht gespeicherten Änderungen bleiben bis dahin erhalten.</translation>
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
        <source>Leave without saving?</source>
        <translation>Ohne Speichern verlassen?</translation>
    </message>
    <message>
        <source>The page {page} has changes that are not saved. Leave it anyway? The changes stay until you save or discard them there.</source>
        <translation>Die Seite {page} hat ungespeicherte Änderungen. Trotzdem verlassen? Die Änderungen bleiben erhalten, bis Sie sie dort speichern oder verwerfen.</translation>
    </message>
    <message>
        <source>Leave page</source>
        <translation>Seite verlassen</translation>
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
        <source>&amp;What&apos;s This?</source>
        <translation>&amp;Direkthilfe</translation>
    </message>
    <message>
        <source>Click a control to read what it does (Shift+F1)</source>
        <translation>Klicken Sie auf ein Bedienelement, um zu lesen, was es tut (Umschalt+F1)</translation>
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
    <message>
        <source>Working…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <source>The database is working on a request; the window stays usable.</source>
        <translation>Die Datenbank bearbeitet eine Anfrage; das Fenster bleibt bedienbar.</translation>
    </message>
</context>
<context>
    <name>MatrixLegend</name>
    <message>
        <source>Legend:</source>
        <translation>Legende:</translation>
    </message>
    <message>
        <source>Unsaved change (blue frame)</source>
        <translation>Nicht gespeicherte Änderung (blauer Rahmen)</translation>
    </message>
    <message>
        <source>Not changeable for you (grey letter)</source>
        <translation>Für Sie nicht änderbar (graue Schrift)</translation>
    </message>
    <message>
        <source>A cell&apos;s tooltip says whether private data is on.</source>
        <translation>Der Tooltip einer Zelle zeigt, ob „Private Daten“ gesetzt ist.</translation>
    </message>
    <message>
        <source>Legend of the access matrix</source>
        <translation>Legende der Zugriffsmatrix</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>external</source>
        <translation>extern</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <source>, deactivated</source>
        <translation>, deaktiviert</translation>
    </message>
    <message>
        <source>External user of this customer: always a member of its rights group.</source>
        <translation>Externer Benutzer dieses Kunden: immer Mitglied seiner Rechte-Gruppe.</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>Move %1</source>
        <translation>„%1“ verschieben</translation>
    </message>
    <message>
        <source>Move to the &amp;top level</source>
        <translation>Auf die &amp;oberste Ebene verschieben</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>Choose the org unit that %1 is moved under:</source>
        <translation>Wählen Sie die Organisationseinheit, unter die „%1“ verschoben wird:</translation>
    </message>
</context>
<context>
    <name>MultiSelectButton</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>MultiSelectPopup</name>
    <message>
        <source>Tick all shown</source>
        <translation>Alle angezeigten ankreuzen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Suchen…</translation>
    </message>
</context>
<context>
    <name>OrgUnitTreeModel</name>
    <message>
        <source>Org unit</source>
        <translation>Organisationseinheit</translation>
    </message>
    <message>
        <source>Roles of the chosen user</source>
        <translation>Rollen des gewählten Benutzers</translation>
    </message>
    <message>
        <source>Inheritance</source>
        <translation>Vererbung</translation>
    </message>
    <message>
        <source>%1 — inherited from %2</source>
        <translation>%1 – geerbt von „%2“</translation>
    </message>
    <message>
        <source>These roles are inherited from %1; change them there, or break the inheritance here with “Edit roles”.</source>
        <translation>Diese Rollen sind von „%1“ geerbt; ändern Sie sie dort oder heben Sie die Vererbung hier mit „Rollen bearbeiten“ auf.</translation>
    </message>
    <message>
        <source>Passes the roles to all child units</source>
        <translation>Gibt die Rollen an alle untergeordneten Einheiten weiter</translation>
    </message>
    <message>
        <source>Passes on ↓</source>
        <translation>Vererbt ↓</translation>
    </message>
    <message>
        <source>Roles from above stop here (“Edit roles”)</source>
        <translation>Rollen von oben enden hier („Rollen bearbeiten“)</translation>
    </message>
    <message>
        <source>Chain broken ✕</source>
        <translation>Unterbrochen ✕</translation>
    </message>
</context>
<context>
    <name>OrgUnitsPage</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>Rückgängig: %1 (Strg+Z)</translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation>Wiederholen: %1 (Strg+Umschalt+Z)</translation>
    </message>
    <message>
        <source>Name of the new unit under %1:</source>
        <translation>Name der neuen Einheit unter „%1“:</translation>
    </message>
    <message>
        <source>Name of the new top-level unit:</source>
        <translation>Name der neuen Einheit auf oberster Ebene:</translation>
    </message>
    <message>
        <source>Add child unit</source>
        <translation>Untergeordnete Einheit hinzufügen</translation>
    </message>
    <message>
        <source>Delete the org unit %1?</source>
        <translation>Organisationseinheit „%1“ löschen?</translation>
    </message>
    <message>
        <source>Delete org unit</source>
        <translation>Organisationseinheit löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln role assignment(s) in it are removed.</source>
        <translation>
            <numerusform>%Ln Rollenzuweisung darin wird entfernt.</numerusform>
            <numerusform>%Ln Rollenzuweisungen darin werden entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>„%1“ wird gelöscht…</translation>
    </message>
    <message>
        <source>Loading all org units…</source>
        <translation>Alle Organisationseinheiten werden geladen…</translation>
    </message>
    <message>
        <source>Nothing to change: it is so already.</source>
        <translation>Nichts zu ändern: Es ist bereits so.</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes it.</source>
        <translation>Strg+Z macht es rückgängig.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln org unit(s) shown.</source>
        <translation>
            <numerusform>%Ln Organisationseinheit angezeigt.</numerusform>
            <numerusform>%Ln Organisationseinheiten angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add unit “%1”</source>
        <translation>Einheit „%1“ hinzufügen</translation>
    </message>
    <message>
        <source>Rename unit “%1” to “%2”</source>
        <translation>Einheit „%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>Move unit “%1” under “%2”</source>
        <translation>Einheit „%1“ unter „%2“ verschieben</translation>
    </message>
    <message>
        <source>Move unit “%1” to the top level</source>
        <translation>Einheit „%1“ auf die oberste Ebene verschieben</translation>
    </message>
    <message>
        <source>Delete unit “%1”</source>
        <translation>Einheit „%1“ löschen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) written to %1.</source>
        <translation>
            <numerusform>%Ln Zeile nach %1 geschrieben.</numerusform>
            <numerusform>%Ln Zeilen nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Download role assignments</source>
        <translation>Rollenzuweisungen herunterladen</translation>
    </message>
    <message>
        <source>Writing the Excel file…</source>
        <translation>Die Excel-Datei wird geschrieben…</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Be&amp;nutzer:</translation>
    </message>
    <message>
        <source>Search a user by name, user name or e-mail…</source>
        <translation>Benutzer nach Name, Benutzername oder E-Mail suchen…</translation>
    </message>
    <message>
        <source>User whose roles are shown</source>
        <translation>Benutzer, dessen Rollen angezeigt werden</translation>
    </message>
    <message>
        <source>Fi&amp;nd org unit:</source>
        <translation>Organisationseinheit &amp;suchen:</translation>
    </message>
    <message>
        <source>Unit name, Enter (again: next match)</source>
        <translation>Name, Eingabe (erneut: nächster Treffer)</translation>
    </message>
    <message>
        <source>Find org unit</source>
        <translation>Organisationseinheit suchen</translation>
    </message>
    <message>
        <source>&amp;Add child unit…</source>
        <translation>Untergeordnete Einheit &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add a unit under the selected one (Ctrl+N)</source>
        <translation>Eine Einheit unter der ausgewählten hinzufügen (Strg+N)</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Rename the selected unit (F2)</source>
        <translation>Die ausgewählte Einheit umbenennen (F2)</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>&amp;Verschieben nach…</translation>
    </message>
    <message>
        <source>Move the selected unit under another one (Ctrl+M); or drag it there</source>
        <translation>Die ausgewählte Einheit unter eine andere verschieben (Strg+M) – oder dorthin ziehen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected unit (Del)</source>
        <translation>Die ausgewählte Einheit löschen (Entf)</translation>
    </message>
    <message>
        <source>Add a&amp;ccess…</source>
        <translation>Zu&amp;griff hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit roles</source>
        <translation>Rollen &amp;bearbeiten</translation>
    </message>
    <message>
        <source>E&amp;xplain permissions…</source>
        <translation>Berechtigungen &amp;erklären…</translation>
    </message>
    <message>
        <source>All acce&amp;sses…</source>
        <translation>&amp;Alle Zugriffe…</translation>
    </message>
    <message>
        <source>Accesses of the chosen &amp;user…</source>
        <translation>Zugriffe des gewählten Be&amp;nutzers…</translation>
    </message>
    <message>
        <source>Expor&amp;t</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>Ex&amp;pand all</source>
        <translation>Alle auf&amp;klappen</translation>
    </message>
    <message>
        <source>Show every org unit at every level (Ctrl++)</source>
        <translation>Alle Organisationseinheiten auf allen Ebenen zeigen (Strg++)</translation>
    </message>
    <message>
        <source>Co&amp;llapse all</source>
        <translation>Alle &amp;zuklappen</translation>
    </message>
    <message>
        <source>Show the top level only (Ctrl+-)</source>
        <translation>Nur die oberste Ebene zeigen (Strg+-)</translation>
    </message>
    <message>
        <source>Org units</source>
        <translation>Organisationseinheiten</translation>
    </message>
    <message>
        <source>Right-click a unit (or press the menu key) for its actions; drag a unit onto another to move it.</source>
        <translation>Rechtsklick auf eine Einheit (oder die Menütaste) zeigt ihre Aktionen; ziehen Sie eine Einheit auf eine andere, um sie zu verschieben.</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Kept (no e-mail server)</source>
        <translation>Aufbewahrt (kein E-Mail-Server)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message numerus="yes">
        <source>%Ln mail(s)</source>
        <translation>
            <numerusform>%Ln E-Mail</numerusform>
            <numerusform>%Ln E-Mails</numerusform>
        </translation>
    </message>
    <message>
        <source>To: %1
Subject: %2</source>
        <translation>An: %1
Betreff: %2</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>Sprache: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>The mail is on the clipboard.</source>
        <translation>Die E-Mail ist in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message numerus="yes">
        <source>Sending %Ln mail(s)…</source>
        <translation>
            <numerusform>%Ln E-Mail wird gesendet…</numerusform>
            <numerusform>%Ln E-Mails werden gesendet…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mail(s) sent.</source>
        <translation>
            <numerusform>%Ln E-Mail versandt.</numerusform>
            <numerusform>%Ln E-Mails versandt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every mail the program sends is listed here. Without an e-mail server (Settings) mails are kept here instead: you can pass an activation link on another way. Links are valid once.</source>
        <translation>Hier steht jede E-Mail, die das Programm versendet. Ohne E-Mail-Server (Einstellungen) werden die E-Mails hier aufbewahrt: Einen Aktivierungslink können Sie dann auf anderem Weg weitergeben. Jeder Link gilt nur einmal.</translation>
    </message>
    <message>
        <source>Search recipient and subject (Ctrl+F)</source>
        <translation>Empfänger und Betreff durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search the outbox</source>
        <translation>Postausgang durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>Erneut &amp;senden</translation>
    </message>
    <message>
        <source>Copy &amp;mail text</source>
        <translation>&amp;E-Mail-Text kopieren</translation>
    </message>
    <message>
        <source>&amp;Read mail</source>
        <translation>E-Mail &amp;lesen</translation>
    </message>
    <message>
        <source>Go to the text of the mail to read or copy it; Esc goes back (Enter)</source>
        <translation>Zum Text der E-Mail, um ihn zu lesen oder zu kopieren; Esc führt zurück (Eingabetaste)</translation>
    </message>
    <message>
        <source>Send the selected kept or failed mails through the e-mail server</source>
        <translation>Die ausgewählten aufbewahrten oder fehlgeschlagenen E-Mails über den E-Mail-Server senden</translation>
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
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
</context>
<context>
    <name>PermissionTreeModel</name>
    <message>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
</context>
<context>
    <name>PortalPermissions</name>
    <message>
        <source>View jobs</source>
        <translation>Aufträge ansehen</translation>
    </message>
    <message>
        <source>See the customer&apos;s print jobs and their status.</source>
        <translation>Die Druckaufträge des Kunden und ihren Stand sehen.</translation>
    </message>
    <message>
        <source>Create jobs</source>
        <translation>Aufträge anlegen</translation>
    </message>
    <message>
        <source>Start new print jobs on the portal.</source>
        <translation>Neue Druckaufträge im Portal anlegen.</translation>
    </message>
    <message>
        <source>Upload data</source>
        <translation>Daten hochladen</translation>
    </message>
    <message>
        <source>Upload print data into the customer&apos;s exchange area.</source>
        <translation>Druckdaten in den Daten-Austauschbereich des Kunden hochladen.</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Download files and proofs from the exchange area.</source>
        <translation>Dateien und Proofs aus dem Daten-Austauschbereich herunterladen.</translation>
    </message>
    <message>
        <source>View proofs</source>
        <translation>Proofs ansehen</translation>
    </message>
    <message>
        <source>Look at soft proofs without approving them.</source>
        <translation>Softproofs ansehen, ohne sie freizugeben.</translation>
    </message>
    <message>
        <source>Approve proofs</source>
        <translation>Proofs freigeben</translation>
    </message>
    <message>
        <source>Approve or reject proofs, which releases the job for printing.</source>
        <translation>Proofs freigeben oder ablehnen; die Freigabe gibt den Auftrag für den Druck frei.</translation>
    </message>
    <message>
        <source>Order reprints</source>
        <translation>Nachdrucke bestellen</translation>
    </message>
    <message>
        <source>Order a finished job again.</source>
        <translation>Einen abgeschlossenen Auftrag erneut bestellen.</translation>
    </message>
    <message>
        <source>View invoices</source>
        <translation>Rechnungen ansehen</translation>
    </message>
    <message>
        <source>See the customer&apos;s invoices and delivery notes.</source>
        <translation>Die Rechnungen und Lieferscheine des Kunden sehen.</translation>
    </message>
    <message>
        <source>Manage the customer&apos;s users</source>
        <translation>Benutzer des Kunden verwalten</translation>
    </message>
    <message>
        <source>Create, change and deactivate the portal users of the customer.</source>
        <translation>Die Portal-Benutzer des Kunden anlegen, ändern und deaktivieren.</translation>
    </message>
    <message>
        <source>Administer the portal</source>
        <translation>Portal administrieren</translation>
    </message>
    <message>
        <source>Change the customer&apos;s portal settings.</source>
        <translation>Die Portal-Einstellungen des Kunden ändern.</translation>
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
    <name>RightsGroupsPanel</name>
    <message>
        <source>The rights group could not be read. F5 tries again.</source>
        <translation>Die Rechte-Gruppe konnte nicht gelesen werden. F5 versucht es erneut.</translation>
    </message>
    <message>
        <source>No rights group selected.</source>
        <translation>Keine Rechte-Gruppe ausgewählt.</translation>
    </message>
    <message>
        <source>Permissions saved; every member has them now.</source>
        <translation>Berechtigungen gespeichert; alle Mitglieder haben sie jetzt.</translation>
    </message>
    <message>
        <source>Remove members</source>
        <translation>Mitglieder entfernen</translation>
    </message>
    <message>
        <source>Remove the selected members (%1) from the rights group %2? They lose the group&apos;s portal permissions.</source>
        <translation>Die ausgewählten Mitglieder (%1) aus der Rechte-Gruppe „%2“ entfernen? Sie verlieren die Portal-Berechtigungen der Gruppe.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>New rights group</source>
        <translation>Neue Rechte-Gruppe</translation>
    </message>
    <message>
        <source>Name of the additional rights group:</source>
        <translation>Name der zusätzlichen Rechte-Gruppe:</translation>
    </message>
    <message>
        <source>Delete rights group</source>
        <translation>Rechte-Gruppe löschen</translation>
    </message>
    <message>
        <source>Delete the rights group %1? Its members lose the permissions it gave them.</source>
        <translation>Die Rechte-Gruppe „%1“ löschen? Ihre Mitglieder verlieren die Berechtigungen, die sie ihnen gab.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Search rights groups</source>
        <translation>Rechte-Gruppen suchen</translation>
    </message>
    <message>
        <source>&amp;New rights group…</source>
        <translation>&amp;Neue Rechte-Gruppe…</translation>
    </message>
    <message>
        <source>&amp;Delete group…</source>
        <translation>Gruppe &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Members:</source>
        <translation>&amp;Mitglieder:</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Portal permissions (a user has the permissions of all their groups together):</source>
        <translation>&amp;Portal-Berechtigungen (ein Benutzer hat die Berechtigungen all seiner Gruppen zusammen):</translation>
    </message>
    <message>
        <source>&amp;Save permissions</source>
        <translation>Berechtigungen &amp;speichern</translation>
    </message>
</context>
<context>
    <name>RightsNamingSection</name>
    <message>
        <source>Saved. Customers created from now on get rights groups named like this.</source>
        <translation>Gespeichert. Ab jetzt angelegte Kunden erhalten so benannte Rechte-Gruppen.</translation>
    </message>
    <message>
        <source>Access rights naming</source>
        <translation>Benennung der Zugriffsrechte</translation>
    </message>
    <message>
        <source>Element &amp;1 (text):</source>
        <translation>Element &amp;1 (Zeichenkette):</translation>
    </message>
    <message>
        <source>Element &amp;2:</source>
        <translation>Element &amp;2:</translation>
    </message>
    <message>
        <source>Element &amp;3:</source>
        <translation>Element &amp;3:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>Kundenname</translation>
    </message>
    <message>
        <source>Customer short name</source>
        <translation>Kunden-Kurzname</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(kein Eintrag)</translation>
    </message>
    <message>
        <source>The rights group of a customer with remote access is named by this pattern when the customer is created; a hyphen separates elements 2 and 3. The example shows customer 12345 “Heidelberg” (short name HD). Existing groups keep their names.</source>
        <translation>Die Rechte-Gruppe eines Kunden mit Remote Access wird beim Anlegen des Kunden nach diesem Muster benannt; Element 2 und 3 trennt ein Bindestrich. Das Beispiel zeigt den Kunden 12345 „Heidelberg“ (Kurzname HD). Bestehende Gruppen behalten ihren Namen.</translation>
    </message>
    <message>
        <source>Save namin&amp;g</source>
        <translation>Benennung spei&amp;chern</translation>
    </message>
</context>
<context>
    <name>RoleChip</name>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>New person-role</source>
        <translation>Neue Rolle</translation>
    </message>
    <message>
        <source>Person-role</source>
        <translation>Rolle einer Person</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>Man&amp;dant:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>Or&amp;ganisation:</translation>
    </message>
    <message>
        <source>&amp;Function:</source>
        <translation>F&amp;unktion:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Tele&amp;fon:</translation>
    </message>
    <message>
        <source>St&amp;reet:</source>
        <translation>St&amp;raße:</translation>
    </message>
    <message>
        <source>Po&amp;stal code:</source>
        <translation>&amp;PLZ:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Ort:</translation>
    </message>
</context>
<context>
    <name>RoleEditor</name>
    <message>
        <source>Add access for %1 in %2</source>
        <translation>Zugriff für „%1“ in „%2“ hinzufügen</translation>
    </message>
    <message>
        <source>Add %1 for %2 in %3</source>
        <translation>%1 für „%2“ in „%3“ hinzufügen</translation>
    </message>
    <message>
        <source>Remove %1 for %2 in %3</source>
        <translation>%1 für „%2“ in „%3“ entfernen</translation>
    </message>
    <message>
        <source>Inherit the roles of %1 from %2 (%3)</source>
        <translation>Rollen von „%1“ ab „%2“ vererben (%3)</translation>
    </message>
    <message>
        <source>replace</source>
        <translation>ersetzen</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>beibehalten</translation>
    </message>
    <message numerus="yes">
        <source>Stop passing the roles of %1 in %2 to its child units? The inherited roles are removed from %3 (%Ln role assignment(s)); %2 keeps its own roles.</source>
        <translation>
            <numerusform>Die Rollen von „%1“ in „%2“ nicht mehr an die untergeordneten Einheiten vererben? Die geerbten Rollen werden aus %3 entfernt (%Ln Rollenzuweisung); „%2“ behält die eigenen Rollen.</numerusform>
            <numerusform>Die Rollen von „%1“ in „%2“ nicht mehr an die untergeordneten Einheiten vererben? Die geerbten Rollen werden aus %3 entfernt (%Ln Rollenzuweisungen); „%2“ behält die eigenen Rollen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Affected: %1 below, which lose %Ln inherited role assignment(s).</source>
        <translation>
            <numerusform>Betroffen: %1 darunter; %Ln geerbte Rollenzuweisung entfällt.</numerusform>
            <numerusform>Betroffen: %1 darunter; %Ln geerbte Rollenzuweisungen entfallen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unit(s)</source>
        <translation>
            <numerusform>%Ln Einheit</numerusform>
            <numerusform>%Ln Einheiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Inherit roles to child units</source>
        <translation>Rollen an untergeordnete Einheiten vererben</translation>
    </message>
    <message>
        <source>Stop inheriting</source>
        <translation>Vererbung beenden</translation>
    </message>
    <message>
        <source>Stop inheriting from %1</source>
        <translation>Vererbung ab „%1“ beenden</translation>
    </message>
    <message>
        <source>Editing the roles breaks the inheritance from %1 here: %2 keeps its roles in %3, now as direct roles, and the units below %3 stop inheriting through it.</source>
        <translation>Das Bearbeiten der Rollen hebt hier die Vererbung von „%1“ auf: „%2“ behält die Rollen in „%3“, nun als direkte Rollen, und die Einheiten unter „%3“ erben nicht mehr über sie.</translation>
    </message>
    <message>
        <source>Edit roles</source>
        <translation>Rollen bearbeiten</translation>
    </message>
    <message>
        <source>Break inheritance</source>
        <translation>Vererbung aufheben</translation>
    </message>
    <message>
        <source>Break the inheritance in %1</source>
        <translation>Vererbung in „%1“ aufheben</translation>
    </message>
</context>
<context>
    <name>RoleListModel</name>
    <message numerus="yes">
        <source>%Ln permission(s)</source>
        <translation>
            <numerusform>%Ln Berechtigung</numerusform>
            <numerusform>%Ln Berechtigungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Predefined role</source>
        <translation>Vordefinierte Rolle</translation>
    </message>
    <message>
        <source>Own role</source>
        <translation>Eigene Rolle</translation>
    </message>
</context>
<context>
    <name>RoleMenus</name>
    <message>
        <source>The user holds no role here that could be removed.</source>
        <translation>Der Benutzer hat hier keine Rolle, die sich entfernen ließe.</translation>
    </message>
    <message>
        <source>The roles here are inherited; they are removed where they come from, or after Edit roles.</source>
        <translation>Die Rollen hier sind geerbt; sie werden dort entfernt, woher sie kommen, oder nach „Rollen bearbeiten“.</translation>
    </message>
    <message>
        <source>The roles here are still loading.</source>
        <translation>Die Rollen hier werden noch geladen.</translation>
    </message>
    <message>
        <source>You may not assign or remove roles in this org unit.</source>
        <translation>Sie dürfen in dieser Organisationseinheit keine Rollen zuweisen oder entfernen.</translation>
    </message>
    <message>
        <source>&amp;Remove role</source>
        <translation>&amp;Rolle entfernen</translation>
    </message>
    <message>
        <source>Remove one of the user&apos;s roles in this org unit (asks first)</source>
        <translation>Eine der Rollen des Benutzers in dieser Organisationseinheit entfernen (mit Rückfrage)</translation>
    </message>
    <message>
        <source>Remove the role %1 here (asks first)</source>
        <translation>Die Rolle %1 hier entfernen (mit Rückfrage)</translation>
    </message>
</context>
<context>
    <name>RolePickerDialog</name>
    <message numerus="yes">
        <source>%1 (%Ln permission(s))</source>
        <translation>
            <numerusform>%1 (%Ln Berechtigung)</numerusform>
            <numerusform>%1 (%Ln Berechtigungen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Search roles…</source>
        <translation>Rollen suchen…</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Choose the roles to assign:</source>
        <translation>Wählen Sie die zuzuweisenden Rollen:</translation>
    </message>
</context>
<context>
    <name>RolesPage</name>
    <message>
        <source>No role selected</source>
        <translation>Keine Rolle ausgewählt</translation>
    </message>
    <message>
        <source>Counting who holds this role …</source>
        <translation>Es wird gezählt, wer diese Rolle hat …</translation>
    </message>
    <message>
        <source>No one holds this role yet.</source>
        <translation>Diese Rolle hat noch niemand.</translation>
    </message>
    <message>
        <source>Held by %1 in %2. Every change applies to all of them, in all these units.</source>
        <translation>Zugewiesen an %1 in %2. Jede Änderung gilt für alle von ihnen, in all diesen Einheiten.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln org unit(s)</source>
        <translation>
            <numerusform>%Ln Organisationseinheit</numerusform>
            <numerusform>%Ln Organisationseinheiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved: %1 granted. It now applies to everyone who holds this role.</source>
        <translation>Gespeichert: %1 erteilt. Das gilt jetzt für alle, die diese Rolle haben.</translation>
    </message>
    <message>
        <source>Saved: %1 withdrawn. This applies to everyone who holds this role.</source>
        <translation>Gespeichert: %1 entzogen. Das gilt für alle, die diese Rolle haben.</translation>
    </message>
    <message>
        <source>no one yet</source>
        <translation>noch niemanden</translation>
    </message>
    <message>
        <source>Saved: %1 granted. It now applies to %2.</source>
        <translation>Gespeichert: %1 erteilt. Das gilt jetzt für %2.</translation>
    </message>
    <message>
        <source>Saved: %1 withdrawn. This applies to %2.</source>
        <translation>Gespeichert: %1 entzogen. Das gilt für %2.</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>Rolle hinzufügen</translation>
    </message>
    <message>
        <source>Name of the new role:</source>
        <translation>Name der neuen Rolle:</translation>
    </message>
    <message>
        <source>Role added. Tick its permissions; each tick is saved at once.</source>
        <translation>Rolle hinzugefügt. Kreuzen Sie ihre Berechtigungen an; jedes Häkchen wird sofort gespeichert.</translation>
    </message>
    <message>
        <source>Rename role</source>
        <translation>Rolle umbenennen</translation>
    </message>
    <message>
        <source>New name of the role:</source>
        <translation>Neuer Name der Rolle:</translation>
    </message>
    <message>
        <source>Duplicate role</source>
        <translation>Rolle duplizieren</translation>
    </message>
    <message>
        <source>Name of the copy (it gets the same permissions):</source>
        <translation>Name der Kopie (sie erhält dieselben Berechtigungen):</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Checking who holds the role …</source>
        <translation>Es wird geprüft, wer die Rolle hat …</translation>
    </message>
    <message>
        <source>Delete the role %1?</source>
        <translation>Die Rolle „%1“ löschen?</translation>
    </message>
    <message>
        <source>%1 lose it: the %2 assignments in %3 are removed with the role.</source>
        <translation>%1 verlieren sie: Die %2 Zuweisungen in %3 werden mit der Rolle entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more (inherited ones included)</source>
        <translation>
            <numerusform>… und %Ln weitere (geerbte eingeschlossen)</numerusform>
            <numerusform>… und %Ln weitere (geerbte eingeschlossen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting the role %1 …</source>
        <translation>Die Rolle „%1“ wird gelöscht …</translation>
    </message>
    <message numerus="yes">
        <source>Role deleted with %Ln assignment(s).</source>
        <translation>
            <numerusform>Rolle mit %Ln Zuweisung gelöscht.</numerusform>
            <numerusform>Rolle mit %Ln Zuweisungen gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>These users then hold no role anywhere and cannot log in: %1</source>
        <translation>Diese Benutzer haben danach nirgends eine Rolle und können sich nicht anmelden: %1</translation>
    </message>
    <message>
        <source>No role has this text in its name or in the name of one of its permissions.</source>
        <translation>Keine Rolle enthält diesen Text im Namen oder im Namen einer ihrer Berechtigungen.</translation>
    </message>
    <message>
        <source>%1 of %2 roles. Esc shows all.</source>
        <translation>%1 von %2 Rollen. Esc zeigt alle.</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>Rolle löschen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>Standard wiederherstellen</translation>
    </message>
    <message>
        <source>Give the role %1 its shipped permissions again? Permissions ticked or unticked since are replaced; the name stays.</source>
        <translation>Der Rolle „%1“ wieder ihre ausgelieferten Berechtigungen geben? Seitdem gesetzte oder entfernte Häkchen werden ersetzt; der Name bleibt.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>The role has its default permissions again.</source>
        <translation>Die Rolle hat wieder ihre Standardberechtigungen.</translation>
    </message>
    <message>
        <source>&amp;Add role…</source>
        <translation>Rolle hinzu&amp;fügen…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>Dupli&amp;zieren…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Restore default&amp;s</source>
        <translation>&amp;Standard wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Permissions of the role</source>
        <translation>&amp;Berechtigungen der Rolle</translation>
    </message>
    <message>
        <source>Go to the permissions of the role: Space ticks or unticks one, Esc goes back (Enter)</source>
        <translation>Zu den Berechtigungen der Rolle: Leertaste setzt oder entfernt einen Haken, Esc führt zurück (Eingabetaste)</translation>
    </message>
    <message>
        <source>A new role; it appears at the top of the list (Ctrl+N)</source>
        <translation>Eine neue Rolle; sie erscheint oben in der Liste (Strg+N)</translation>
    </message>
    <message>
        <source>Rename the role (F2)</source>
        <translation>Die Rolle umbenennen (F2)</translation>
    </message>
    <message>
        <source>Delete the role and its assignments (Del)</source>
        <translation>Die Rolle und ihre Zuweisungen löschen (Entf)</translation>
    </message>
    <message>
        <source>Only for the six predefined roles</source>
        <translation>Nur für die sechs vordefinierten Rollen</translation>
    </message>
    <message>
        <source>Search roles and permissions (Ctrl+F)</source>
        <translation>Rollen und Berechtigungen suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Shows the roles whose name or permissions hold the text; Enter or Down goes to them, Esc clears</source>
        <translation>Zeigt die Rollen, deren Name oder Berechtigungen den Text enthalten; Eingabe oder Pfeil nach unten führt zu ihnen, Esc leert das Feld</translation>
    </message>
    <message>
        <source>Search roles</source>
        <translation>Rollen suchen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Permissions of the role</source>
        <translation>Berechtigungen der Rolle</translation>
    </message>
</context>
<context>
    <name>SelectAgencyDialog</name>
    <message>
        <source>Select an agency in the list.</source>
        <translation>Wählen Sie eine Agentur in der Liste aus.</translation>
    </message>
    <message>
        <source>Select agency</source>
        <translation>Agentur auswählen</translation>
    </message>
    <message>
        <source>Search by name, number or short name</source>
        <translation>Suche nach Name, Nummer oder Kurzname</translation>
    </message>
    <message>
        <source>Customers marked as agency in their properties appear here.</source>
        <translation>Hier erscheinen die Kunden, die in ihren Eigenschaften als Agentur gekennzeichnet sind.</translation>
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
        <source>You may not change these settings.</source>
        <translation>Sie dürfen diese Einstellungen nicht ändern.</translation>
    </message>
    <message>
        <source>Put the cursor into the e-mail or the naming settings to save them with Ctrl+S.</source>
        <translation>Setzen Sie den Cursor in die E-Mail- oder die Benennungseinstellungen, um sie mit Strg+S zu speichern.</translation>
    </message>
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
</context>
<context>
    <name>SmtpSection</name>
    <message>
        <source>stored in the keyring; type to replace</source>
        <translation>im Schlüsselbund gespeichert; zum Ersetzen eingeben</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Send test mail</source>
        <translation>Test-E-Mail senden</translation>
    </message>
    <message>
        <source>Send a test mail to:</source>
        <translation>Test-E-Mail senden an:</translation>
    </message>
    <message>
        <source>The test mail has been sent to %1.</source>
        <translation>Die Test-E-Mail wurde an %1 gesendet.</translation>
    </message>
    <message>
        <source>No e-mail server is set up: the test mail is in the outbox.</source>
        <translation>Es ist kein E-Mail-Server eingerichtet: Die Test-E-Mail liegt im Postausgang.</translation>
    </message>
    <message>
        <source>E-mail and account activation</source>
        <translation>E-Mail und Kontoaktivierung</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>SMTP se&amp;rver:</source>
        <translation>SMTP-Se&amp;rver:</translation>
    </message>
    <message>
        <source>Sending the test mail to %1…</source>
        <translation>Die Test-E-Mail wird an %1 gesendet…</translation>
    </message>
    <message>
        <source>Securit&amp;y:</source>
        <translation>Verschlüsse&amp;lung:</translation>
    </message>
    <message>
        <source>SMTP &amp;user:</source>
        <translation>SMTP-Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>SMTP pass&amp;word:</source>
        <translation>S&amp;MTP-Passwort:</translation>
    </message>
    <message>
        <source>Sen&amp;der address:</source>
        <translation>Absenderadr&amp;esse:</translation>
    </message>
    <message>
        <source>&amp;Activation page:</source>
        <translation>Akti&amp;vierungsseite:</translation>
    </message>
    <message>
        <source>&amp;Minimum password length:</source>
        <translation>Mi&amp;ndestlänge des Passworts:</translation>
    </message>
    <message>
        <source>La&amp;nguage of the mails:</source>
        <translation>Sprache der E-Ma&amp;ils:</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>None (only inside a trusted network)</source>
        <translation>Keine (nur in einem vertrauenswürdigen Netz)</translation>
    </message>
    <message>
        <source>That of the operator who sends them</source>
        <translation>Die des Bearbeiters, der sie versendet</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Activation links and confirmations go out in this language, whichever workstation sends them. The test mail goes to you and is written in your language.</source>
        <translation>Aktivierungslinks und Bestätigungen gehen in dieser Sprache hinaus, gleich von welchem Arbeitsplatz. Die Test-E-Mail geht an Sie und ist in Ihrer Sprache geschrieben.</translation>
    </message>
    <message>
        <source>empty: mails are kept in the outbox</source>
        <translation>leer: E-Mails bleiben im Postausgang</translation>
    </message>
    <message>
        <source>The page of the customer portal that activation links open; the token is added to it.</source>
        <translation>Die Seite des Kundenportals, die Aktivierungslinks öffnen; der Schlüssel wird angehängt.</translation>
    </message>
    <message>
        <source>Save e-ma&amp;il settings</source>
        <translation>E-Mail-Einstellungen s&amp;peichern</translation>
    </message>
    <message>
        <source>Send &amp;test mail…</source>
        <translation>&amp;Test-E-Mail senden…</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New template</source>
        <translation>Neue Vorlage</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>Man&amp;dant:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>Be&amp;treff:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <source>Loading templates…</source>
        <translation>Vorlagen werden geladen…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Delete template?</source>
        <translation>Vorlage löschen?</translation>
    </message>
    <message>
        <source>Delete the template {name}?</source>
        <translation>Die Vorlage „{name}“ löschen?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>%1 gelöscht.</translation>
    </message>
    <message>
        <source>Export templates</source>
        <translation>Vorlagen exportieren</translation>
    </message>
    <message>
        <source>templates.json</source>
        <translation>vorlagen.json</translation>
    </message>
    <message>
        <source>{count} templates exported.</source>
        <translation>{count} Vorlagen exportiert.</translation>
    </message>
    <message>
        <source>Import templates</source>
        <translation>Vorlagen importieren</translation>
    </message>
    <message>
        <source>Templates imported</source>
        <translation>Vorlagen importiert</translation>
    </message>
    <message>
        <source>{created} new, {renamed} under a new name, {overwritten} overwritten, {skipped} skipped.</source>
        <translation>{created} neu, {renamed} unter neuem Namen, {overwritten} überschrieben, {skipped} übersprungen.</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Neue Vorlage</translation>
    </message>
    <message>
        <source>Create a template (Ctrl+N)</source>
        <translation>Eine Vorlage anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Export selected…</source>
        <translation>Auswahl exportieren…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
</context>
<context>
    <name>TenantAccess</name>
    <message>
        <source>Full access</source>
        <translation>Vollzugriff</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Versteckt</translation>
    </message>
</context>
<context>
    <name>TenantDialog</name>
    <message>
        <source>New tenant</source>
        <translation>Neuer Mandant</translation>
    </message>
    <message>
        <source>Tenant properties</source>
        <translation>Eigenschaften des Mandanten</translation>
    </message>
    <message>
        <source>New sub-tenant</source>
        <translation>Neuer Tochtermandant</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Main tenant:</source>
        <translation>&amp;Hauptmandant:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
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
        <source>News&amp;room name:</source>
        <translation>Newsroom-Na&amp;me:</translation>
    </message>
    <message>
        <source>Newsroom &amp;slug:</source>
        <translation>Newsroom-&amp;Kürzel:</translation>
    </message>
    <message>
        <source>(none: a main tenant)</source>
        <translation>(keiner: ein Hauptmandant)</translation>
    </message>
    <message>
        <source>Inner tenant (data in this database)</source>
        <translation>Inner-Mandant (Daten in dieser Datenbank)</translation>
    </message>
    <message>
        <source>Separate tenant (data in its own database)</source>
        <translation>Getrennter Mandant (Daten in eigener Datenbank)</translation>
    </message>
    <message>
        <source>A SQLite file or a PostgreSQL / MariaDB database; it is created and set up when you save. The password is kept only in the system&apos;s password store.</source>
        <translation>Eine SQLite-Datei oder eine PostgreSQL-/MariaDB-Datenbank; sie wird beim Speichern angelegt und eingerichtet. Das Passwort liegt nur im Passwortspeicher des Systems.</translation>
    </message>
    <message>
        <source>&amp;Active</source>
        <translation>Ak&amp;tiv</translation>
    </message>
    <message>
        <source>e.g. postgresql://mandant@db.example.org/client_x or a file path</source>
        <translation>z. B. postgresql://mandant@db.example.org/kunde_x oder ein Dateipfad</translation>
    </message>
    <message>
        <source>e.g. press-north</source>
        <translation>z. B. presse-nord</translation>
    </message>
</context>
<context>
    <name>TenantFilterController</name>
    <message>
        <source>Show all tenants</source>
        <translation>Alle Mandanten anzeigen</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Alle Mandanten</translation>
    </message>
    <message>
        <source>Tenant filter: every page shows all tenants you may see</source>
        <translation>Mandantenfilter: Jede Seite zeigt alle Mandanten, die Sie sehen dürfen</translation>
    </message>
    <message>
        <source>Filter: {name}</source>
        <translation>Filter: {name}</translation>
    </message>
    <message>
        <source>Filter: {count} tenants</source>
        <translation>Filter: {count} Mandanten</translation>
    </message>
    <message>
        <source>Tenant filter on: only data of {names} is shown</source>
        <translation>Mandantenfilter aktiv: Es werden nur Daten von {names} gezeigt</translation>
    </message>
</context>
<context>
    <name>TenantsPage</name>
    <message>
        <source>Separate tenant with its own database</source>
        <translation>Getrennter Mandant mit eigener Datenbank</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>May see e-mail, phone, address and birthday of contacts in this tenant</source>
        <translation>Darf E-Mail, Telefon, Anschrift und Geburtstag von Kontakten dieses Mandanten sehen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Private data</source>
        <translation>Private Daten</translation>
    </message>
    <message>
        <source>with private data</source>
        <translation>mit privaten Daten</translation>
    </message>
    <message>
        <source>Discard unsaved changes?</source>
        <translation>Ungespeicherte Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>{count} access changes are not saved yet. Discard them?</source>
        <translation>{count} Zugriffsänderungen sind noch nicht gespeichert. Verwerfen?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Loading tenants and their access…</source>
        <translation>Mandanten und Zugriffe werden geladen…</translation>
    </message>
    <message>
        <source>Loading access…</source>
        <translation>Zugriffe werden geladen…</translation>
    </message>
    <message>
        <source>Choose a user on the left to see their access to every tenant.</source>
        <translation>Wählen Sie links einen Benutzer, um seinen Zugriff auf alle Mandanten zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln user(s)</source>
        <translation>
            <numerusform>%1 von %Ln Benutzer</numerusform>
            <numerusform>%1 von %Ln Benutzern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} sub-tenant entries changed.</source>
        <translation>{count} Einträge bei Tochtermandanten geändert.</translation>
    </message>
    <message>
        <source>{count} access changes saved.</source>
        <translation>{count} Zugriffsänderungen gespeichert.</translation>
    </message>
    <message>
        <source>Delete tenant?</source>
        <translation>Mandant löschen?</translation>
    </message>
    <message>
        <source>Delete the tenant {name}? Only a tenant without data can be deleted.</source>
        <translation>Den Mandanten „{name}“ löschen? Nur ein Mandant ohne Daten kann gelöscht werden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Export tenant access</source>
        <translation>Mandantenzugriff exportieren</translation>
    </message>
    <message>
        <source>tenant-access.xlsx</source>
        <translation>mandantenzugriff.xlsx</translation>
    </message>
    <message>
        <source>Exporting tenant access…</source>
        <translation>Mandantenzugriff wird exportiert…</translation>
    </message>
    <message>
        <source>{count} rows exported to {path}.</source>
        <translation>{count} Zeilen nach {path} exportiert.</translation>
    </message>
    <message>
        <source>Unsaved changes: {count}</source>
        <translation>Ungespeicherte Änderungen: {count}</translation>
    </message>
    <message>
        <source>All changes saved.</source>
        <translation>Alle Änderungen sind gespeichert.</translation>
    </message>
    <message>
        <source>No tenant selected</source>
        <translation>Kein Mandant ausgewählt</translation>
    </message>
    <message>
        <source>{name} (read only for you)</source>
        <translation>{name} (für Sie nur lesbar)</translation>
    </message>
    <message>
        <source>New tenant</source>
        <translation>Neuer Mandant</translation>
    </message>
    <message>
        <source>Create a tenant (Ctrl+N)</source>
        <translation>Einen Mandanten anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;New tenant…</source>
        <translation>&amp;Neuer Mandant…</translation>
    </message>
    <message>
        <source>New &amp;sub-tenant…</source>
        <translation>Neuer &amp;Tochtermandant…</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>&amp;Eigenschaften…</translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation>Eigenschaften…</translation>
    </message>
    <message>
        <source>Name, main tenant, kind and newsroom of the tenant (F2)</source>
        <translation>Name, Hauptmandant, Art und Newsroom des Mandanten (F2)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the tenant; only possible while it holds no data (Del)</source>
        <translation>Den Mandanten löschen; nur möglich, solange er keine Daten enthält (Entf)</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Search users (Ctrl+F)</source>
        <translation>Benutzer suchen (Strg+F)</translation>
    </message>
    <message>
        <source>By tenant</source>
        <translation>Nach Mandant</translation>
    </message>
    <message>
        <source>By user</source>
        <translation>Nach Benutzer</translation>
    </message>
    <message>
        <source>Tenants × users</source>
        <translation>Mandanten × Benutzer</translation>
    </message>
    <message>
        <source>Set selected to:</source>
        <translation>Auswahl setzen auf:</translation>
    </message>
    <message>
        <source>&amp;Full access</source>
        <translation>&amp;Vollzugriff</translation>
    </message>
    <message>
        <source>&amp;Read only</source>
        <translation>Nur &amp;lesen</translation>
    </message>
    <message>
        <source>&amp;Hidden</source>
        <translation>Ver&amp;steckt</translation>
    </message>
    <message>
        <source>The selected users see and change the data of the selected tenants (key 1)</source>
        <translation>Die ausgewählten Benutzer sehen und ändern die Daten der ausgewählten Mandanten (Taste 1)</translation>
    </message>
    <message>
        <source>The selected users see the data of the selected tenants but cannot change it (key 2)</source>
        <translation>Die ausgewählten Benutzer sehen die Daten der ausgewählten Mandanten, können sie aber nicht ändern (Taste 2)</translation>
    </message>
    <message>
        <source>The data of the selected tenants appears nowhere for the selected users (key 3)</source>
        <translation>Die Daten der ausgewählten Mandanten erscheinen für die ausgewählten Benutzer nirgends (Taste 3)</translation>
    </message>
    <message>
        <source>Private data &amp;on</source>
        <translation>Private Daten &amp;an</translation>
    </message>
    <message>
        <source>The selected users see personal data: e-mail, phone, address, birthday</source>
        <translation>Die ausgewählten Benutzer sehen persönliche Daten: E-Mail, Telefon, Adresse, Geburtstag</translation>
    </message>
    <message>
        <source>Private &amp;data off</source>
        <translation>Private Daten a&amp;us</translation>
    </message>
    <message>
        <source>Personal data is masked for the selected users</source>
        <translation>Persönliche Daten werden für die ausgewählten Benutzer verdeckt</translation>
    </message>
    <message>
        <source>Apply to sub-tenants</source>
        <translation>Auf Tochtermandanten übertragen</translation>
    </message>
    <message>
        <source>Give the selected users the same access on every sub-tenant of this tenant</source>
        <translation>Den ausgewählten Benutzern denselben Zugriff auf alle Tochtermandanten dieses Mandanten geben</translation>
    </message>
    <message>
        <source>&amp;Apply to sub-tenants</source>
        <translation>Auf &amp;Tochtermandanten übertragen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the access matrix as an Excel file</source>
        <translation>Die Zugriffsmatrix als Excel-Datei speichern</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save all access changes (Ctrl+S)</source>
        <translation>Alle Zugriffsänderungen speichern (Strg+S)</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Create tenant “%1”</source>
        <translation>Mandant „%1“ anlegen</translation>
    </message>
    <message>
        <source>Change tenant “%1”</source>
        <translation>Mandant „%1“ ändern</translation>
    </message>
    <message>
        <source>Delete tenant “%1”</source>
        <translation>Mandant „%1“ löschen</translation>
    </message>
    <message>
        <source>Change tenants (%2)</source>
        <translation>Mandanten ändern (%2)</translation>
    </message>
    <message>
        <source>Create customer “%1”</source>
        <translation>Kunde „%1“ anlegen</translation>
    </message>
    <message>
        <source>Change customer “%1”</source>
        <translation>Kunde „%1“ ändern</translation>
    </message>
    <message>
        <source>Delete customer “%1”</source>
        <translation>Kunde „%1“ löschen</translation>
    </message>
    <message>
        <source>Change customers (%2)</source>
        <translation>Kunden ändern (%2)</translation>
    </message>
    <message>
        <source>Create role “%1”</source>
        <translation>Rolle „%1“ anlegen</translation>
    </message>
    <message>
        <source>Change role “%1”</source>
        <translation>Rolle „%1“ ändern</translation>
    </message>
    <message>
        <source>Delete role “%1”</source>
        <translation>Rolle „%1“ löschen</translation>
    </message>
    <message>
        <source>Change roles (%2)</source>
        <translation>Rollen ändern (%2)</translation>
    </message>
    <message>
        <source>Create rights group “%1”</source>
        <translation>Rechte-Gruppe „%1“ anlegen</translation>
    </message>
    <message>
        <source>Change rights group “%1”</source>
        <translation>Rechte-Gruppe „%1“ ändern</translation>
    </message>
    <message>
        <source>Delete rights group “%1”</source>
        <translation>Rechte-Gruppe „%1“ löschen</translation>
    </message>
    <message>
        <source>Change rights groups (%2)</source>
        <translation>Rechte-Gruppen ändern (%2)</translation>
    </message>
    <message>
        <source>Create user “%1”</source>
        <translation>Benutzer „%1“ anlegen</translation>
    </message>
    <message>
        <source>Change user “%1”</source>
        <translation>Benutzer „%1“ ändern</translation>
    </message>
    <message>
        <source>Delete user “%1”</source>
        <translation>Benutzer „%1“ löschen</translation>
    </message>
    <message>
        <source>Change users (%2)</source>
        <translation>Benutzer ändern (%2)</translation>
    </message>
    <message>
        <source>Create distribution list “%1”</source>
        <translation>Verteiler „%1“ anlegen</translation>
    </message>
    <message>
        <source>Change distribution list “%1”</source>
        <translation>Verteiler „%1“ ändern</translation>
    </message>
    <message>
        <source>Delete distribution list “%1”</source>
        <translation>Verteiler „%1“ löschen</translation>
    </message>
    <message>
        <source>Change distribution lists (%2)</source>
        <translation>Verteiler ändern (%2)</translation>
    </message>
    <message>
        <source>Create template “%1”</source>
        <translation>Vorlage „%1“ anlegen</translation>
    </message>
    <message>
        <source>Change template “%1”</source>
        <translation>Vorlage „%1“ ändern</translation>
    </message>
    <message>
        <source>Delete template “%1”</source>
        <translation>Vorlage „%1“ löschen</translation>
    </message>
    <message>
        <source>Change templates (%2)</source>
        <translation>Vorlagen ändern (%2)</translation>
    </message>
    <message>
        <source>Create contact “%1”</source>
        <translation>Kontaktperson „%1“ anlegen</translation>
    </message>
    <message>
        <source>Change contact “%1”</source>
        <translation>Kontaktperson „%1“ ändern</translation>
    </message>
    <message>
        <source>Delete contact “%1”</source>
        <translation>Kontaktperson „%1“ löschen</translation>
    </message>
    <message>
        <source>Change contacts (%2)</source>
        <translation>Kontaktpersonen ändern (%2)</translation>
    </message>
    <message>
        <source>Create person-role “%1”</source>
        <translation>Rolle einer Person „%1“ anlegen</translation>
    </message>
    <message>
        <source>Change person-role “%1”</source>
        <translation>Rolle einer Person „%1“ ändern</translation>
    </message>
    <message>
        <source>Delete person-role “%1”</source>
        <translation>Rolle einer Person „%1“ löschen</translation>
    </message>
    <message>
        <source>Change person-roles (%2)</source>
        <translation>Rollen von Personen ändern (%2)</translation>
    </message>
    <message>
        <source>Change settings</source>
        <translation>Einstellungen ändern</translation>
    </message>
    <message>
        <source>Change access rights (%2)</source>
        <translation>Zugriffsrechte ändern (%2)</translation>
    </message>
    <message>
        <source>Assign contact persons (%2)</source>
        <translation>Ansprechpartner zuordnen (%2)</translation>
    </message>
    <message>
        <source>Remove contact persons (%2)</source>
        <translation>Ansprechpartner entfernen (%2)</translation>
    </message>
    <message>
        <source>Change contact persons (%2)</source>
        <translation>Ansprechpartner ändern (%2)</translation>
    </message>
    <message>
        <source>Add members (%2)</source>
        <translation>Mitglieder hinzufügen (%2)</translation>
    </message>
    <message>
        <source>Change members (%2)</source>
        <translation>Mitglieder ändern (%2)</translation>
    </message>
    <message>
        <source>Remove members (%2)</source>
        <translation>Mitglieder entfernen (%2)</translation>
    </message>
    <message>
        <source>Activate or deactivate users (%2)</source>
        <translation>Benutzer aktivieren oder deaktivieren (%2)</translation>
    </message>
    <message>
        <source>Deactivate customers (%2)</source>
        <translation>Kunden deaktivieren (%2)</translation>
    </message>
    <message>
        <source>Reactivate customers (%2)</source>
        <translation>Kunden reaktivieren (%2)</translation>
    </message>
    <message>
        <source>Change the permissions of role “%1”</source>
        <translation>Berechtigungen der Rolle „%1“ ändern</translation>
    </message>
    <message>
        <source>Restore the defaults of role “%1”</source>
        <translation>Standard der Rolle „%1“ wiederherstellen</translation>
    </message>
    <message>
        <source>Change the permissions of rights group “%1”</source>
        <translation>Berechtigungen der Rechte-Gruppe „%1“ ändern</translation>
    </message>
    <message>
        <source>Send activation links (%2)</source>
        <translation>Aktivierungslinks senden (%2)</translation>
    </message>
    <message>
        <source>Change the mail settings</source>
        <translation>E-Mail-Einstellungen ändern</translation>
    </message>
    <message>
        <source>Change the rights-group name pattern</source>
        <translation>Namensmuster der Rechte-Gruppen ändern</translation>
    </message>
    <message>
        <source>Import templates (%2)</source>
        <translation>Vorlagen importieren (%2)</translation>
    </message>
    <message>
        <source>Delete contacts (%2)</source>
        <translation>Kontakte löschen (%2)</translation>
    </message>
    <message>
        <source>Delete person-roles (%2)</source>
        <translation>Rollen löschen (%2)</translation>
    </message>
    <message>
        <source>Change (%2 rows)</source>
        <translation>Änderung (%2 Zeilen)</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>Import aus Excel</translation>
    </message>
    <message>
        <source>It changed many rows at once, which cannot be taken back row by row.</source>
        <translation>Sie hat viele Zeilen auf einmal geändert; das lässt sich nicht Zeile für Zeile zurücknehmen.</translation>
    </message>
    <message>
        <source>A password cannot be changed back.</source>
        <translation>Ein Passwort lässt sich nicht zurücksetzen.</translation>
    </message>
    <message>
        <source>A sent mail cannot be called back.</source>
        <translation>Eine versendete E-Mail lässt sich nicht zurückholen.</translation>
    </message>
    <message>
        <source>An activation link that was made invalid stays invalid.</source>
        <translation>Ein ungültig gemachter Aktivierungslink bleibt ungültig.</translation>
    </message>
</context>
<context>
    <name>UndoHub</name>
    <message>
        <source>Undo and redo</source>
        <translation>Rückgängig und Wiederholen</translation>
    </message>
    <message>
        <source>Writing %1 rows…</source>
        <translation>%1 Zeilen werden geschrieben…</translation>
    </message>
    <message>
        <source>Done. Press F5 to reload; your unsaved changes on this page are kept until then.</source>
        <translation>Erledigt. Zum Neuladen F5 drücken; Ihre nicht gespeicherten Änderungen auf dieser Seite bleiben bis dahin erhalten.</translation>
    </message>
    <message>
        <source>Can&apos;t undo: %1</source>
        <translation>Nicht rückgängig zu machen: %1</translation>
    </message>
    <message>
        <source>&amp;Undo: %1</source>
        <translation>&amp;Rückgängig: %1</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Rückgängig: %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Nothing to undo on this page</source>
        <translation>Auf dieser Seite gibt es nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>&amp;Redo: %1</source>
        <translation>&amp;Wiederholen: %1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Wiederholen: %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Nothing to redo on this page</source>
        <translation>Auf dieser Seite gibt es nichts zu wiederholen</translation>
    </message>
</context>
<context>
    <name>UndoSteps</name>
    <message>
        <source>Please wait: the previous change is still being saved.</source>
        <translation>Bitte warten Sie: Die vorige Änderung wird noch gespeichert.</translation>
    </message>
    <message>
        <source>Can&apos;t undo “%1”: %2</source>
        <translation>„%1“ kann nicht rückgängig gemacht werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Undone; %Ln change(s) made elsewhere in the meantime were kept.</source>
        <translation>
            <numerusform>Rückgängig gemacht; %Ln zwischenzeitlich anderswo gemachte Änderung wurde beibehalten.</numerusform>
            <numerusform>Rückgängig gemacht; %Ln zwischenzeitlich anderswo gemachte Änderungen wurden beibehalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Redone; %Ln change(s) made elsewhere in the meantime were kept.</source>
        <translation>
            <numerusform>Wiederholt; %Ln zwischenzeitlich anderswo gemachte Änderung wurde beibehalten.</numerusform>
            <numerusform>Wiederholt; %Ln zwischenzeitlich anderswo gemachte Änderungen wurden beibehalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Abgebrochen; nichts wurde geändert.</translation>
    </message>
</context>
<context>
    <name>UnitFinder</name>
    <message>
        <source>No org unit matches.</source>
        <translation>Keine Organisationseinheit passt.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <source>Find org unit (Enter)…</source>
        <translation>Organisationseinheit suchen (Eingabe)…</translation>
    </message>
</context>
<context>
    <name>UnitRolesPanel</name>
    <message>
        <source>No org unit selected</source>
        <translation>Keine Organisationseinheit ausgewählt</translation>
    </message>
    <message>
        <source>Choose a user above to see and change their roles in the org units.</source>
        <translation>Wählen Sie oben einen Benutzer, um seine Rollen in den Organisationseinheiten zu sehen und zu ändern.</translation>
    </message>
    <message>
        <source>Select an org unit in the tree.</source>
        <translation>Wählen Sie eine Organisationseinheit im Baum.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>%1 has no role here, so no access to this unit.</source>
        <translation>„%1“ hat hier keine Rolle und daher keinen Zugriff auf diese Einheit.</translation>
    </message>
    <message>
        <source>Roles of %1 here, inherited from %2. To change them, break the inheritance with “Edit roles”.</source>
        <translation>Rollen von „%1“ hier, geerbt von „%2“. Um sie zu ändern, heben Sie die Vererbung mit „Rollen bearbeiten“ auf.</translation>
    </message>
    <message>
        <source>Roles of %1 here, assigned directly:</source>
        <translation>Rollen von „%1“ hier, direkt zugewiesen:</translation>
    </message>
    <message>
        <source>The roles here are inherited; break the inheritance with “Edit roles” first.</source>
        <translation>Die Rollen hier sind geerbt; heben Sie die Vererbung zuerst mit „Rollen bearbeiten“ auf.</translation>
    </message>
    <message>
        <source>Only a unit where the user holds direct roles passes them on to its child units.</source>
        <translation>Nur eine Einheit, in der der Benutzer direkte Rollen hat, gibt sie an untergeordnete Einheiten weiter.</translation>
    </message>
    <message>
        <source>&amp;Add access…</source>
        <translation>&amp;Zugriff hinzufügen…</translation>
    </message>
    <message>
        <source>Assign one or more roles to the user in this unit</source>
        <translation>Dem Benutzer eine oder mehrere Rollen in dieser Einheit zuweisen</translation>
    </message>
    <message>
        <source>&amp;Edit roles</source>
        <translation>Rollen &amp;bearbeiten</translation>
    </message>
    <message>
        <source>Break the inheritance here: the roles become direct roles of this unit</source>
        <translation>Die Vererbung hier aufheben: Die Rollen werden zu direkten Rollen dieser Einheit</translation>
    </message>
    <message>
        <source>&amp;Inherit roles to child units</source>
        <translation>Rollen an untergeordnete Einheiten &amp;vererben</translation>
    </message>
    <message>
        <source>E&amp;xplain permissions…</source>
        <translation>Berechtigungen &amp;erklären…</translation>
    </message>
</context>
<context>
    <name>UserFormDialog</name>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>Nachna&amp;me:</translation>
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
        <source>Signs in with single sign-on (&amp;SSO): no password of their own</source>
        <translation>Meldet sich per Single Sign-on (&amp;SSO) an: kein eigenes Passwort</translation>
    </message>
</context>
<context>
    <name>UserImport</name>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>SSO</source>
        <translation>SSO</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Pending activation</source>
        <translation>Aktivierung ausstehend</translation>
    </message>
    <message>
        <source>Activation link expired</source>
        <translation>Aktivierungslink abgelaufen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>External</source>
        <translation>Extern</translation>
    </message>
    <message>
        <source>Cannot log in: this user holds no role in any org unit.</source>
        <translation>Kann sich nicht anmelden: Dieser Benutzer hat in keiner Organisationseinheit eine Rolle.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>All users</source>
        <translation>Alle Benutzer</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>External</source>
        <translation>Extern</translation>
    </message>
    <message>
        <source>Pending activation</source>
        <translation>Aktivierung ausstehend</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Cannot log in (no role)</source>
        <translation>Kann sich nicht anmelden (keine Rolle)</translation>
    </message>
    <message>
        <source>The activation e-mail has been sent.</source>
        <translation>Die Aktivierungs-E-Mail wurde versandt.</translation>
    </message>
    <message>
        <source>The activation e-mail is in the outbox: no e-mail server is set up, or it could not be reached.</source>
        <translation>Die Aktivierungs-E-Mail liegt im Postausgang: Es ist kein E-Mail-Server eingerichtet, oder er war nicht erreichbar.</translation>
    </message>
    <message>
        <source>Resend activation link</source>
        <translation>Aktivierungslink erneut senden</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Deactivate users</source>
        <translation>Benutzer deaktivieren</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s)</source>
        <translation>
            <numerusform>%Ln Benutzer</numerusform>
            <numerusform>%Ln Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>User %1 saved.</source>
        <translation>Benutzer %1 gespeichert.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>User %1 saved; the link sent to the old address no longer works.</source>
        <translation>Benutzer %1 gespeichert; der an die alte Adresse gesendete Link funktioniert nicht mehr.</translation>
    </message>
    <message numerus="yes">
        <source>Send a new activation link to %Ln user(s)? Their previous links stop working.</source>
        <translation>
            <numerusform>Einen neuen Aktivierungslink an %Ln Benutzer senden? Der bisherige Link wird ungültig.</numerusform>
            <numerusform>Einen neuen Aktivierungslink an %Ln Benutzer senden? Die bisherigen Links werden ungültig.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New activation link(s) for %Ln user(s).</source>
        <translation>
            <numerusform>Neuer Aktivierungslink für %Ln Benutzer.</numerusform>
            <numerusform>Neue Aktivierungslinks für %Ln Benutzer.</numerusform>
        </translation>
    </message>
    <message>
        <source>You cannot deactivate your own account: you would lock yourself out. Another administrator can deactivate it.</source>
        <translation>Sie können Ihr eigenes Konto nicht deaktivieren: Sie würden sich selbst aussperren. Ein anderer Administrator kann es deaktivieren.</translation>
    </message>
    <message numerus="yes">
        <source>Deactivate %Ln user(s)? They can no longer log in: %1</source>
        <translation>
            <numerusform>%Ln Benutzer deaktivieren? Er kann sich dann nicht mehr anmelden: %1</numerusform>
            <numerusform>%Ln Benutzer deaktivieren? Sie können sich dann nicht mehr anmelden: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Your own account (%1) stays active: you cannot deactivate yourself.</source>
        <translation>Ihr eigenes Konto (%1) bleibt aktiv: Sie können sich nicht selbst deaktivieren.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected user(s) already deactivated: %1. Reactivate them to let them log in again.</source>
        <translation>
            <numerusform>%Ln ausgewählter Benutzer ist bereits deaktiviert: %1. Reaktivieren Sie ihn, damit er sich wieder anmelden kann.</numerusform>
            <numerusform>%Ln ausgewählte Benutzer sind bereits deaktiviert: %1. Reaktivieren Sie sie, damit sie sich wieder anmelden können.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) reactivated.</source>
        <translation>
            <numerusform>%Ln Benutzer reaktiviert.</numerusform>
            <numerusform>%Ln Benutzer reaktiviert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln user(s) deactivated.</source>
        <translation>
            <numerusform>%Ln Benutzer deaktiviert.</numerusform>
            <numerusform>%Ln Benutzer deaktiviert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reactivate users</source>
        <translation>Benutzer reaktivieren</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Rights groups</source>
        <translation>Rechte-Gruppen</translation>
    </message>
    <message>
        <source>Search users (name, user name, e-mail)…</source>
        <translation>Benutzer suchen (Name, Benutzername, E-Mail)…</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Benutzer suchen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>Benutzer hin&amp;zufügen…</translation>
    </message>
    <message>
        <source>Edit &amp;user…</source>
        <translation>Benutzer bea&amp;rbeiten…</translation>
    </message>
    <message>
        <source>&amp;Resend activation link</source>
        <translation>Aktivierungslink erneut &amp;senden</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>Deak&amp;tivieren</translation>
    </message>
    <message>
        <source>Reac&amp;tivate</source>
        <translation>Reakti&amp;vieren</translation>
    </message>
    <message>
        <source>E&amp;xplain permissions…</source>
        <translation>Berechtigungen &amp;erklären…</translation>
    </message>
    <message>
        <source>Add a user; they receive an activation e-mail (Ctrl+N)</source>
        <translation>Einen Benutzer hinzufügen; er erhält eine Aktivierungs-E-Mail (Strg+N)</translation>
    </message>
    <message>
        <source>Correct the name and e-mail address of the selected user (F2, Enter)</source>
        <translation>Namen und E-Mail-Adresse des ausgewählten Benutzers korrigieren (F2, Eingabetaste)</translation>
    </message>
    <message>
        <source>Deactivate the selected users (Del)</source>
        <translation>Die ausgewählten Benutzer deaktivieren (Entf)</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Read only: you may not change data of this tenant.</source>
        <translation>Nur lesen: Sie dürfen Daten dieses Mandanten nicht ändern.</translation>
    </message>
    <message>
        <source>Read only: you do not have the right to change contacts and distribution lists.</source>
        <translation>Nur lesen: Sie haben nicht das Recht, Kontakte und Verteiler zu ändern.</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>Preparing demo data</source>
        <translation>Demodaten werden vorbereitet</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Wird gespeichert</translation>
    </message>
    <message>
        <source>Building indexes</source>
        <translation>Indizes werden aufgebaut</translation>
    </message>
    <message>
        <source>Creating tenants</source>
        <translation>Mandanten werden angelegt</translation>
    </message>
    <message>
        <source>Creating org units</source>
        <translation>Organisationseinheiten werden angelegt</translation>
    </message>
    <message>
        <source>Creating users</source>
        <translation>Benutzer werden angelegt</translation>
    </message>
    <message>
        <source>Creating activation links</source>
        <translation>Aktivierungslinks werden erstellt</translation>
    </message>
    <message>
        <source>Granting tenant access</source>
        <translation>Mandantenzugriffe werden vergeben</translation>
    </message>
    <message>
        <source>Assigning roles</source>
        <translation>Rollen werden zugewiesen</translation>
    </message>
    <message>
        <source>Setting up role inheritance</source>
        <translation>Die Vererbung der Rollen wird eingerichtet</translation>
    </message>
    <message>
        <source>Creating customers</source>
        <translation>Kunden werden angelegt</translation>
    </message>
    <message>
        <source>Creating rights groups</source>
        <translation>Rechte-Gruppen werden angelegt</translation>
    </message>
    <message>
        <source>Granting portal rights</source>
        <translation>Portalrechte werden vergeben</translation>
    </message>
    <message>
        <source>Creating contacts</source>
        <translation>Kontakte werden angelegt</translation>
    </message>
    <message>
        <source>Creating person roles</source>
        <translation>Rollen der Personen werden angelegt</translation>
    </message>
    <message>
        <source>Filling rights groups</source>
        <translation>Rechte-Gruppen werden gefüllt</translation>
    </message>
    <message>
        <source>Assigning contact persons</source>
        <translation>Ansprechpartner werden zugeordnet</translation>
    </message>
    <message>
        <source>Creating distribution lists</source>
        <translation>Verteiler werden angelegt</translation>
    </message>
    <message>
        <source>Filling distribution lists</source>
        <translation>Verteiler werden gefüllt</translation>
    </message>
    <message>
        <source>Creating templates</source>
        <translation>Vorlagen werden angelegt</translation>
    </message>
    <message>
        <source>Writing the change history</source>
        <translation>Das Änderungsprotokoll wird geschrieben</translation>
    </message>
    <message>
        <source>Filling the outbox</source>
        <translation>Der Postausgang wird gefüllt</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>A chosen org unit no longer exists. Reload the page.</source>
        <translation>Eine gewählte Organisationseinheit gibt es nicht mehr. Laden Sie die Seite neu.</translation>
    </message>
    <message>
        <source>A chosen role no longer exists. Reload the page.</source>
        <translation>Eine gewählte Rolle gibt es nicht mehr. Laden Sie die Seite neu.</translation>
    </message>
    <message>
        <source>A chosen user no longer exists. Reload the page.</source>
        <translation>Ein gewählter Benutzer existiert nicht mehr. Laden Sie die Seite neu.</translation>
    </message>
    <message>
        <source>A customer cannot be its own default agency.</source>
        <translation>Ein Kunde kann nicht seine eigene Standard-Agentur sein.</translation>
    </message>
    <message>
        <source>A newsroom slug may contain lower-case letters, digits and single hyphens, e.g. presse-nord.</source>
        <translation>Ein Newsroom-Kürzel darf Kleinbuchstaben, Ziffern und einzelne Bindestriche enthalten, z. B. presse-nord.</translation>
    </message>
    <message>
        <source>A part of the workbook is compressed more than {ratio}:1; it is refused as a possible zip bomb.</source>
        <translation>Ein Teil der Arbeitsmappe ist stärker als {ratio}:1 komprimiert; sie wird als mögliche Zip-Bombe abgelehnt.</translation>
    </message>
    <message>
        <source>A password must have at least {min} characters; a lower minimum is not allowed.</source>
        <translation>Ein Passwort muss mindestens {min} Zeichen haben; ein niedrigeres Minimum ist nicht erlaubt.</translation>
    </message>
    <message>
        <source>A profile named {name} exists already.</source>
        <translation>Ein Profil namens „{name}“ gibt es bereits.</translation>
    </message>
    <message>
        <source>A rights group named {name} exists already.</source>
        <translation>Eine Rechte-Gruppe namens „{name}“ gibt es bereits.</translation>
    </message>
    <message>
        <source>A rights group named {name} exists already; the customer&apos;s rights group cannot be created. Change the naming pattern in the settings or the customer&apos;s name.</source>
        <translation>Eine Rechte-Gruppe namens „{name}“ gibt es bereits; die Kunden-Rechte-Gruppe kann nicht angelegt werden. Ändern Sie die Benennung in den Einstellungen oder den Namen des Kunden.</translation>
    </message>
    <message>
        <source>A role named {name} exists already.</source>
        <translation>Eine Rolle namens „{name}“ gibt es bereits.</translation>
    </message>
    <message>
        <source>A selected user no longer exists. Reload the list.</source>
        <translation>Ein ausgewählter Benutzer existiert nicht mehr. Laden Sie die Liste neu.</translation>
    </message>
    <message>
        <source>A separate tenant&apos;s database cannot be changed here; its data lives there.</source>
        <translation>Die Datenbank eines getrennten Mandanten kann hier nicht geändert werden; seine Daten liegen dort.</translation>
    </message>
    <message>
        <source>A tenant cannot be placed below itself.</source>
        <translation>Ein Mandant kann nicht unter sich selbst eingeordnet werden.</translation>
    </message>
    <message>
        <source>A tenant named {name} exists already.</source>
        <translation>Ein Mandant namens „{name}“ existiert bereits.</translation>
    </message>
    <message>
        <source>A unit cannot be moved into its own subtree.</source>
        <translation>Eine Organisationseinheit kann nicht in ihren eigenen Teilbaum verschoben werden.</translation>
    </message>
    <message>
        <source>A user name may contain the letters a-z without umlauts or ß (write ae, oe, ue, ss), digits and . _ @ - and must start with a letter or digit.</source>
        <translation>Ein Benutzername darf die Buchstaben a–z ohne Umlaute und ß (schreiben Sie ae, oe, ue, ss), Ziffern und . _ @ - enthalten und muss mit einem Buchstaben oder einer Ziffer beginnen.</translation>
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
        <source>Another workstation changed the access of {count} of these users in the meantime. Nothing was saved; reload to see their change.</source>
        <translation>Ein anderer Arbeitsplatz hat den Zugriff von {count} dieser Benutzer inzwischen geändert. Es wurde nichts gespeichert; laden Sie neu, um die Änderung zu sehen.</translation>
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
        <source>Cancelled; nothing was changed.</source>
        <translation>Abgebrochen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Cannot connect to {target}: the file is no SQLite database. ({detail})</source>
        <translation>Keine Verbindung zu {target}: Die Datei ist keine SQLite-Datenbank. ({detail})</translation>
    </message>
    <message>
        <source>Cannot connect to {target}: the server does not answer. Is it running, and are host and port right? ({detail})</source>
        <translation>Keine Verbindung zu {target}: Der Server antwortet nicht. Läuft er, und stimmen Hostname und Port? ({detail})</translation>
    </message>
    <message>
        <source>Cannot connect to {target}: the server name {host} is not known. Check the host name. ({detail})</source>
        <translation>Keine Verbindung zu {target}: Der Servername „{host}“ ist unbekannt. Prüfen Sie den Hostnamen. ({detail})</translation>
    </message>
    <message>
        <source>Cannot connect to {target}: the server refused the user {user}; the user name or the password is wrong. ({detail})</source>
        <translation>Keine Verbindung zu {target}: Der Server hat die Anmeldung von „{user}“ abgelehnt; Benutzername oder Passwort ist falsch. ({detail})</translation>
    </message>
    <message>
        <source>Cannot connect to {target}: there is no database {database} on the server. ({detail})</source>
        <translation>Keine Verbindung zu {target}: Auf dem Server gibt es keine Datenbank „{database}“. ({detail})</translation>
    </message>
    <message>
        <source>Cannot connect to {target}: {detail}</source>
        <translation>Keine Verbindung zu {target}: {detail}</translation>
    </message>
    <message>
        <source>Cannot create the database {target}: {detail}</source>
        <translation>Die Datenbank {target} kann nicht angelegt werden: {detail}</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>{path} kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>Cannot undo: data was added to this {object} afterwards. Nothing was changed.</source>
        <translation>Rückgängig nicht möglich: Zu diesem Objekt ({object}) wurden inzwischen Daten hinzugefügt. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot undo: the data it would bring back clashes with data saved since (a name or number is taken again, or something it belongs to is gone). Nothing was changed.</source>
        <translation>Rückgängig nicht möglich: die zurückgeholten Daten passen nicht zu inzwischen gespeicherten (ein Name oder eine Nummer ist wieder vergeben, oder etwas, zu dem sie gehören, ist nicht mehr da). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot undo: this org unit was renamed to {name} after your change (nobody else is logged: on this workstation, outside these undo steps). Nothing was changed.</source>
        <translation>Rückgängig nicht möglich: Die Organisationseinheit wurde nach Ihrer Änderung in „{name}“ umbenannt (laut Protokoll von niemand anderem: an diesem Arbeitsplatz, außerhalb dieser Rückgängig-Schritte). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot undo: this {object} exists again; it was created on another workstation in the meantime. Nothing was changed.</source>
        <translation>Rückgängig nicht möglich: Dieses Objekt ({object}) existiert wieder; es wurde inzwischen an einem anderen Arbeitsplatz angelegt. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot undo: this {object} was changed on another workstation after your change. Nothing was changed.</source>
        <translation>Rückgängig nicht möglich: Dieses Objekt ({object}) wurde nach Ihrer Änderung an einem anderen Arbeitsplatz geändert. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot undo: this {object} was deleted on another workstation in the meantime. Nothing was changed.</source>
        <translation>Rückgängig nicht möglich: Dieses Objekt ({object}) wurde inzwischen an einem anderen Arbeitsplatz gelöscht. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot undo: you changed this {object} again on this workstation after this change (on another page, or by an import or a bulk change). Nothing was changed.</source>
        <translation>Rückgängig nicht möglich: Sie haben dieses Objekt ({object}) nach dieser Änderung an diesem Arbeitsplatz noch einmal geändert (auf einer anderen Seite, durch einen Import oder eine Massenänderung). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot undo: {who} changed this {object} at {when} on workstation {workstation}, after your change. Nothing was changed.</source>
        <translation>Rückgängig nicht möglich: {who} (Arbeitsplatz {workstation}) hat dieses Objekt ({object}) am {when} nach Ihrer Änderung geändert. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot undo: {who} changed this {object} at {when}, after your change. Nothing was changed.</source>
        <translation>Rückgängig nicht möglich: {who} hat dieses Objekt ({object}) am {when} nach Ihrer Änderung geändert. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot undo: {who} deleted this {object} at {when} on workstation {workstation}. Nothing was changed.</source>
        <translation>Rückgängig nicht möglich: {who} (Arbeitsplatz {workstation}) hat dieses Objekt ({object}) am {when} gelöscht. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot undo: {who} renamed this org unit to {name} at {when} on workstation {workstation}, after your change. Nothing was changed.</source>
        <translation>Rückgängig nicht möglich: {who} (Arbeitsplatz {workstation}) hat die Organisationseinheit am {when} nach Ihrer Änderung in „{name}“ umbenannt. Es wurde nichts geändert.</translation>
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
        <source>Cell {cell} contains a formula; an import takes plain values only.</source>
        <translation>Die Zelle {cell} enthält eine Formel; ein Import übernimmt nur einfache Werte.</translation>
    </message>
    <message>
        <source>Choose Replace existing or Keep existing.</source>
        <translation>Wählen Sie „Vorhandene ersetzen“ oder „Vorhandene beibehalten“.</translation>
    </message>
    <message>
        <source>Choose at least one org unit.</source>
        <translation>Wählen Sie mindestens eine Organisationseinheit.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Wählen Sie mindestens eine Rolle.</translation>
    </message>
    <message>
        <source>Choose at least one user.</source>
        <translation>Wählen Sie mindestens einen Benutzer.</translation>
    </message>
    <message>
        <source>Choose how the connection is secured.</source>
        <translation>Wählen Sie, wie die Verbindung verschlüsselt wird.</translation>
    </message>
    <message>
        <source>Choose what happens to the unit&apos;s children.</source>
        <translation>Wählen Sie, was mit den untergeordneten Organisationseinheiten geschehen soll.</translation>
    </message>
    <message>
        <source>Data of a separate tenant can only be combined with data of the same tenant: it lives in another database.</source>
        <translation>Daten eines getrennten Mandanten lassen sich nur mit Daten desselben Mandanten verbinden: sie liegen in einer anderen Datenbank.</translation>
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
        <source>Element 1 may be at most {max} characters long.</source>
        <translation>Element 1 darf höchstens {max} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Element 1 must not contain spaces.</source>
        <translation>Element 1 darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>Element 2 must be the customer number or the customer name.</source>
        <translation>Element 2 muss die Kundennummer oder der Kundenname sein.</translation>
    </message>
    <message>
        <source>Element 3 must be the customer number, name, short name or nothing.</source>
        <translation>Element 3 muss die Kundennummer, der Kundenname, der Kurzname oder kein Eintrag sein.</translation>
    </message>
    <message>
        <source>Every external user of a customer is a member of its rights group; deactivate the user instead of removing the membership.</source>
        <translation>Jeder externe Benutzer eines Kunden ist Mitglied seiner Rechte-Gruppe; deaktivieren Sie den Benutzer, statt die Mitgliedschaft zu entfernen.</translation>
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
        <source>External users of another customer cannot join this customer&apos;s rights group.</source>
        <translation>Externe Benutzer eines anderen Kunden können nicht Mitglied der Rechte-Gruppe dieses Kunden werden.</translation>
    </message>
    <message>
        <source>Imports are switched off: the XML protection (defusedxml) is not active in this installation.</source>
        <translation>Importe sind abgeschaltet: Der XML-Schutz (defusedxml) ist in dieser Installation nicht aktiv.</translation>
    </message>
    <message>
        <source>Log-in is locked for {minutes} minutes after too many failed attempts. Try again then, or ask an administrator to check the account.</source>
        <translation>Die Anmeldung ist nach zu vielen Fehlversuchen für {minutes} Minuten gesperrt. Versuchen Sie es danach erneut, oder bitten Sie einen Administrator, das Konto zu prüfen.</translation>
    </message>
    <message>
        <source>Mails cannot be written in {language}; choose one of {languages}.</source>
        <translation>E-Mails können nicht in {language} geschrieben werden; wählen Sie eine von: {languages}.</translation>
    </message>
    <message>
        <source>No database given.</source>
        <translation>Keine Datenbank angegeben.</translation>
    </message>
    <message>
        <source>No e-mail server is set up; set one up on the settings page first.</source>
        <translation>Es ist kein E-Mail-Server eingerichtet; richten Sie zuerst einen in den Einstellungen ein.</translation>
    </message>
    <message>
        <source>No password store (keyring) is available on this computer, so the password of the separate tenant&apos;s database cannot be kept. Use a database that needs no password, or set up a keyring.</source>
        <translation>Auf diesem Computer ist kein Passwortspeicher (Schlüsselbund) verfügbar, daher kann das Passwort der Datenbank des getrennten Mandanten nicht aufbewahrt werden. Verwenden Sie eine Datenbank ohne Passwort oder richten Sie einen Schlüsselbund ein.</translation>
    </message>
    <message>
        <source>Only a tenant without data can become separate; move its data first.</source>
        <translation>Nur ein Mandant ohne Daten kann getrennt werden; verschieben Sie zuerst seine Daten.</translation>
    </message>
    <message>
        <source>Only members of the rights group CustomerSalesRepresentatives can be contact persons.</source>
        <translation>Nur Mitglieder der Rechte-Gruppe CustomerSalesRepresentatives können Ansprechpartner sein.</translation>
    </message>
    <message>
        <source>Only the predefined roles have defaults to restore.</source>
        <translation>Nur die vordefinierten Rollen haben einen Standard, der sich wiederherstellen lässt.</translation>
    </message>
    <message>
        <source>Only users waiting for activation get a new link; already activated or deactivated: {names}.</source>
        <translation>Nur Benutzer, deren Aktivierung aussteht, erhalten einen neuen Link; bereits aktiviert oder deaktiviert: {names}.</translation>
    </message>
    <message>
        <source>Please choose a database file.</source>
        <translation>Bitte wählen Sie eine Datenbankdatei.</translation>
    </message>
    <message>
        <source>Please choose a password.</source>
        <translation>Bitte wählen Sie ein Passwort.</translation>
    </message>
    <message>
        <source>Please choose a tenant with full access.</source>
        <translation>Bitte wählen Sie einen Mandanten, auf den Sie Vollzugriff haben.</translation>
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
        <source>Please enter the sender address of the mails.</source>
        <translation>Bitte geben Sie die Absenderadresse der E-Mails ein.</translation>
    </message>
    <message>
        <source>Please enter the server&apos;s host name.</source>
        <translation>Bitte geben Sie den Hostnamen des Servers ein.</translation>
    </message>
    <message>
        <source>Please enter where the separate tenant&apos;s database lives.</source>
        <translation>Bitte geben Sie an, wo die Datenbank des getrennten Mandanten liegt.</translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation>Bitte geben Sie Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Select at least one contact.</source>
        <translation>Wählen Sie mindestens einen Kontakt aus.</translation>
    </message>
    <message>
        <source>Select at least one customer.</source>
        <translation>Wählen Sie mindestens einen Kunden aus.</translation>
    </message>
    <message>
        <source>Select at least one person-role.</source>
        <translation>Wählen Sie mindestens eine Rolle aus.</translation>
    </message>
    <message>
        <source>Select at least one user.</source>
        <translation>Wählen Sie mindestens einen Benutzer aus.</translation>
    </message>
    <message>
        <source>Someone else changed this data in the meantime. Nothing was saved; reload and try again.</source>
        <translation>Jemand anderes hat diese Daten inzwischen geändert. Es wurde nichts gespeichert; laden Sie neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>System groups and customer groups cannot be deleted here; a customer group goes with the customer&apos;s remote access.</source>
        <translation>System- und Kunden-Rechte-Gruppen können hier nicht gelöscht werden; eine Kunden-Rechte-Gruppe entfällt mit dem Remote Access des Kunden.</translation>
    </message>
    <message>
        <source>Template {number} in the file is damaged; nothing was imported.</source>
        <translation>Vorlage {number} in der Datei ist beschädigt; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>The SMTP password cannot be saved: {reason}</source>
        <translation>Das SMTP-Passwort kann nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <source>The SMTP server name must not contain spaces.</source>
        <translation>Der Name des SMTP-Servers darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The address of the activation page must start with https:// or http://.</source>
        <translation>Die Adresse der Aktivierungsseite muss mit https:// oder http:// beginnen.</translation>
    </message>
    <message>
        <source>The birthday cannot lie in the future.</source>
        <translation>Der Geburtstag kann nicht in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>The change clashes with data saved at the same time on another workstation. Nothing was saved; reload and try again.</source>
        <translation>Die Änderung kollidiert mit Daten, die gleichzeitig an einem anderen Arbeitsplatz gespeichert wurden. Es wurde nichts gespeichert; laden Sie neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The column {column} is missing; start from an exported file.</source>
        <translation>Die Spalte {column} fehlt; gehen Sie von einer exportierten Datei aus.</translation>
    </message>
    <message>
        <source>The column {column} is not part of this import. Expected: {expected}.</source>
        <translation>Die Spalte {column} gehört nicht zu diesem Import. Erwartet: {expected}.</translation>
    </message>
    <message>
        <source>The connection to the database was lost. Nothing was saved; try again when it is back.</source>
        <translation>Die Verbindung zur Datenbank ist unterbrochen. Es wurde nichts gespeichert; versuchen Sie es erneut, sobald sie wieder besteht.</translation>
    </message>
    <message>
        <source>The customer has no remote access; switch it on in the customer&apos;s properties first.</source>
        <translation>Der Kunde hat keinen Remote Access; schalten Sie ihn zuerst in den Eigenschaften des Kunden ein.</translation>
    </message>
    <message>
        <source>The customer number must not contain spaces.</source>
        <translation>Die Kundennummer darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>The customer number {number} appears twice in the file.</source>
        <translation>Die Kundennummer {number} kommt in der Datei zweimal vor.</translation>
    </message>
    <message>
        <source>The customer number {number} is already taken.</source>
        <translation>Die Kundennummer {number} ist bereits vergeben.</translation>
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
        <source>The database refused this change: you lack the rights for it.</source>
        <translation>Die Datenbank hat diese Änderung abgelehnt: Ihnen fehlen die Rechte dafür.</translation>
    </message>
    <message>
        <source>The e-mail address {email} is used by another user.</source>
        <translation>Die E-Mail-Adresse {email} wird bereits von einem anderen Benutzer verwendet.</translation>
    </message>
    <message>
        <source>The file is too large for an import ({size} MB; at most {limit} MB).</source>
        <translation>Die Datei ist für einen Import zu groß ({size} MB; höchstens {limit} MB).</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Den Ordner {folder} gibt es nicht.</translation>
    </message>
    <message>
        <source>The mail server could not be used: {reason}</source>
        <translation>Der E-Mail-Server war nicht nutzbar: {reason}</translation>
    </message>
    <message>
        <source>The mail server refused the mail: {reason}</source>
        <translation>Der E-Mail-Server hat die E-Mail abgelehnt: {reason}</translation>
    </message>
    <message>
        <source>The name may be at most {limit} characters long.</source>
        <translation>Der Name darf höchstens {limit} Zeichen lang sein.</translation>
    </message>
    <message>
        <source>The newsroom slug {slug} is used by the tenant {name}.</source>
        <translation>Das Newsroom-Kürzel {slug} wird bereits vom Mandanten „{name}“ verwendet.</translation>
    </message>
    <message>
        <source>The org unit it belonged to no longer exists, so it cannot be restored. Reload the page.</source>
        <translation>Die übergeordnete Organisationseinheit gibt es nicht mehr, daher kann diese nicht wiederhergestellt werden. Laden Sie die Seite neu.</translation>
    </message>
    <message>
        <source>The org unit no longer exists. Reload the page.</source>
        <translation>Die Organisationseinheit gibt es nicht mehr. Laden Sie die Seite neu.</translation>
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
        <source>The quota may be at most {max} MB.</source>
        <translation>Das Kontingent darf höchstens {max} MB betragen.</translation>
    </message>
    <message>
        <source>The quota must be a whole number of megabytes.</source>
        <translation>Das Kontingent muss eine ganze Zahl von Megabyte sein.</translation>
    </message>
    <message>
        <source>The quota must not be negative.</source>
        <translation>Das Kontingent darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>The rights group name {name} would be longer than {max} characters; shorten the customer name or change the naming pattern.</source>
        <translation>Der Name der Rechte-Gruppe „{name}“ wäre länger als {max} Zeichen; kürzen Sie den Kundennamen oder ändern Sie die Benennung.</translation>
    </message>
    <message>
        <source>The role no longer exists. Reload the list.</source>
        <translation>Die Rolle gibt es nicht mehr. Laden Sie die Liste neu.</translation>
    </message>
    <message>
        <source>The sheet has more than {limit} rows; split the file.</source>
        <translation>Das Tabellenblatt hat mehr als {limit} Zeilen; teilen Sie die Datei auf.</translation>
    </message>
    <message>
        <source>The sheet has {rows} rows; an import takes at most {limit}. Split the file.</source>
        <translation>Das Tabellenblatt hat {rows} Zeilen; ein Import nimmt höchstens {limit}. Teilen Sie die Datei auf.</translation>
    </message>
    <message>
        <source>The sheet is empty; the first row must name the columns.</source>
        <translation>Das Tabellenblatt ist leer; die erste Zeile muss die Spalten benennen.</translation>
    </message>
    <message>
        <source>The system rights group {name} is missing; upgrade the database.</source>
        <translation>Die System-Rechte-Gruppe „{name}“ fehlt; aktualisieren Sie die Datenbank.</translation>
    </message>
    <message>
        <source>The tenant {name} cannot be deleted while it holds data: {holdings}.</source>
        <translation>Der Mandant „{name}“ kann nicht gelöscht werden, solange er Daten enthält: {holdings}.</translation>
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
        <source>The user does not hold this role directly in this unit. Reload the page.</source>
        <translation>Der Benutzer hat diese Rolle in dieser Organisationseinheit nicht direkt. Laden Sie die Seite neu.</translation>
    </message>
    <message>
        <source>The user does not hold this role in this unit (any more). Reload the page.</source>
        <translation>Der Benutzer hat diese Rolle in dieser Einheit nicht (mehr). Laden Sie die Seite neu.</translation>
    </message>
    <message>
        <source>The user holds no direct role in this unit, so there is nothing to inherit.</source>
        <translation>Der Benutzer hat in dieser Organisationseinheit keine direkte Rolle, es gibt also nichts zu vererben.</translation>
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
        <source>The user name {username} is taken already.</source>
        <translation>Der Benutzername {username} ist bereits vergeben.</translation>
    </message>
    <message>
        <source>The user name {username} is taken.</source>
        <translation>Der Benutzername {username} ist bereits vergeben.</translation>
    </message>
    <message>
        <source>The user no longer exists. Reload the page.</source>
        <translation>Den Benutzer gibt es nicht mehr. Laden Sie die Seite neu.</translation>
    </message>
    <message>
        <source>The user&apos;s roles in this unit are inherited. Change them on the org units page (Edit roles breaks the inheritance).</source>
        <translation>Die Rollen des Benutzers in dieser Einheit sind geerbt. Ändern Sie sie auf der Seite Organisationseinheiten („Rollen bearbeiten“ hebt die Vererbung auf).</translation>
    </message>
    <message>
        <source>The user&apos;s roles in this unit are inherited. Use Edit roles to break the inheritance first.</source>
        <translation>Die Rollen des Benutzers in dieser Organisationseinheit sind geerbt. Unterbrechen Sie die Vererbung zuerst mit „Rollen bearbeiten“.</translation>
    </message>
    <message>
        <source>The user&apos;s roles in this unit are not inherited; there is no chain to break.</source>
        <translation>Die Rollen des Benutzers in dieser Organisationseinheit sind nicht geerbt; es gibt keine Vererbung zu unterbrechen.</translation>
    </message>
    <message>
        <source>The workbook cannot be read: {reason}</source>
        <translation>Die Arbeitsmappe kann nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <source>The workbook contains an XML document type declaration, which Excel never writes; it is refused as a possible attack.</source>
        <translation>Die Arbeitsmappe enthält eine XML-Dokumenttyp-Deklaration, die Excel nie schreibt; sie wird als möglicher Angriff abgelehnt.</translation>
    </message>
    <message>
        <source>The workbook has too many parts ({count}); it is refused as a possible attack.</source>
        <translation>Die Arbeitsmappe hat zu viele Bestandteile ({count}); sie wird als möglicher Angriff abgelehnt.</translation>
    </message>
    <message>
        <source>The workbook is damaged or manipulated; it is refused.</source>
        <translation>Die Arbeitsmappe ist beschädigt oder manipuliert; sie wird abgelehnt.</translation>
    </message>
    <message>
        <source>The workbook unpacks to {size} MB (at most {limit} MB); it is refused as a possible zip bomb.</source>
        <translation>Die Arbeitsmappe entpackt sich auf {size} MB (höchstens {limit} MB); sie wird als mögliche Zip-Bombe abgelehnt.</translation>
    </message>
    <message>
        <source>The {field} may be at most {max} characters long.</source>
        <translation>Das Feld „{field}“ darf höchstens {max} Zeichen enthalten.</translation>
    </message>
    <message>
        <source>The {object} no longer exists or is not visible to you.</source>
        <translation>{object} existiert nicht mehr oder ist für Sie nicht sichtbar.</translation>
    </message>
    <message>
        <source>There is already an org unit named {name} at this level.</source>
        <translation>Auf dieser Ebene gibt es bereits eine Organisationseinheit namens „{name}“.</translation>
    </message>
    <message>
        <source>There is no agency {name}; write it as the export does: name (number).</source>
        <translation>Es gibt keine Agentur „{name}“; schreiben Sie sie wie der Export: Name (Nummer).</translation>
    </message>
    <message>
        <source>There is no org unit {path}; write the path as the export does (A / B / C).</source>
        <translation>Es gibt keine Organisationseinheit {path}; schreiben Sie den Pfad wie der Export (A / B / C).</translation>
    </message>
    <message>
        <source>There is no role named {name}.</source>
        <translation>Es gibt keine Rolle namens „{name}“.</translation>
    </message>
    <message>
        <source>There is no tenant {name}, or it is not visible to you.</source>
        <translation>Es gibt keinen Mandanten „{name}“, oder er ist für Sie nicht sichtbar.</translation>
    </message>
    <message>
        <source>There is no user with the e-mail address {email}.</source>
        <translation>Es gibt keinen Benutzer mit der E-Mail-Adresse {email}.</translation>
    </message>
    <message>
        <source>These contacts have a portal user account and cannot be deleted: {names}. An account belongs to a real person; it goes with its customer or with the customer&apos;s remote access.</source>
        <translation>Diese Kontakte haben ein Portal-Benutzerkonto und können nicht gelöscht werden: {names}. Ein Konto gehört zu einer realen Person; es wird mit seinem Kunden oder mit dessen Remote Access entfernt.</translation>
    </message>
    <message>
        <source>These users have no e-mail address: {names}.</source>
        <translation>Diese Benutzer haben keine E-Mail-Adresse: {names}.</translation>
    </message>
    <message>
        <source>This account is not active. Ask an administrator.</source>
        <translation>Dieses Konto ist nicht aktiv. Wenden Sie sich an einen Administrator.</translation>
    </message>
    <message>
        <source>This account is not waiting for activation.</source>
        <translation>Dieses Konto wartet nicht auf eine Aktivierung.</translation>
    </message>
    <message>
        <source>This activation link has been used already.</source>
        <translation>Dieser Aktivierungslink wurde bereits verwendet.</translation>
    </message>
    <message>
        <source>This activation link has expired. Ask for a new one.</source>
        <translation>Dieser Aktivierungslink ist abgelaufen. Bitten Sie um einen neuen.</translation>
    </message>
    <message>
        <source>This activation link is not valid. Ask for a new one.</source>
        <translation>Dieser Aktivierungslink ist ungültig. Bitten Sie um einen neuen.</translation>
    </message>
    <message>
        <source>This change cannot be undone.</source>
        <translation>Diese Änderung kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>This change would leave no active administrator (a user who holds every admin permission). Give another user the Administrator role first.</source>
        <translation>Nach dieser Änderung gäbe es keinen aktiven Administrator mehr (einen Benutzer mit allen Verwaltungsberechtigungen). Geben Sie zuerst einem anderen Benutzer die Rolle Administrator.</translation>
    </message>
    <message>
        <source>This contact has a user account already.</source>
        <translation>Diese Kontaktperson hat bereits ein Benutzerkonto.</translation>
    </message>
    <message>
        <source>This database was upgraded by a newer version of this program (schema {current}; this version knows schema {head}). Install the newer version; the database was not changed.</source>
        <translation>Diese Datenbank wurde von einer neueren Version dieses Programms aktualisiert (Schemastand {current}; diese Version kennt {head}). Installieren Sie die neuere Version; die Datenbank wurde nicht verändert.</translation>
    </message>
    <message>
        <source>This distribution list has members of tenants you may not change; it is read only for you.</source>
        <translation>Dieser Verteiler enthält Mitglieder aus Mandanten, die Sie nicht ändern dürfen; Sie können ihn nur lesen.</translation>
    </message>
    <message>
        <source>This is not a database address: {url}</source>
        <translation>Das ist keine Datenbankadresse: {url}</translation>
    </message>
    <message>
        <source>This step cannot be undone or redone: the top level would then hold two units named {names}. Rename one of them first.</source>
        <translation>Dieser Schritt kann nicht rückgängig gemacht oder wiederholt werden: Auf der obersten Ebene stünden dann zwei Einheiten namens {names}. Benennen Sie zuerst eine davon um.</translation>
    </message>
    <message>
        <source>This step cannot be undone or redone: {parent} would then hold two units named {names}. Rename one of them first.</source>
        <translation>Dieser Schritt kann nicht rückgängig gemacht oder wiederholt werden: Unter {parent} stünden dann zwei Einheiten namens {names}. Benennen Sie zuerst eine davon um.</translation>
    </message>
    <message>
        <source>This tenant has a template named {name} already.</source>
        <translation>Dieser Mandant hat bereits eine Vorlage namens „{name}“.</translation>
    </message>
    <message>
        <source>This {object} was deleted on another workstation in the meantime. Reload to continue.</source>
        <translation>Dieses Objekt ({object}) wurde inzwischen an einem anderen Arbeitsplatz gelöscht. Laden Sie neu, um fortzufahren.</translation>
    </message>
    <message>
        <source>Unknown demo scale {scale}; use small or large.</source>
        <translation>Unbekannter Umfang der Demodaten: {scale}; verwenden Sie small oder large.</translation>
    </message>
    <message>
        <source>Unknown permission: {code}.</source>
        <translation>Unbekannte Berechtigung: {code}.</translation>
    </message>
    <message>
        <source>Unknown portal permission: {code}.</source>
        <translation>Unbekannte Portal-Berechtigung: {code}.</translation>
    </message>
    <message>
        <source>Unsupported database type {backend}; use SQLite, PostgreSQL or MariaDB/MySQL.</source>
        <translation>Der Datenbanktyp {backend} wird nicht unterstützt; verwenden Sie SQLite, PostgreSQL oder MariaDB/MySQL.</translation>
    </message>
    <message>
        <source>Without the private data right in the customer&apos;s tenant you cannot change the e-mail address.</source>
        <translation>Ohne das Recht „Private Daten“ im Mandanten des Kunden können Sie die E-Mail-Adresse nicht ändern.</translation>
    </message>
    <message>
        <source>Write {yes}, {no} or {agency}.</source>
        <translation>Schreiben Sie {yes}, {no} oder {agency}.</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>Ihr eigenes Konto können Sie nicht deaktivieren.</translation>
    </message>
    <message>
        <source>You have read-only access to the tenant of this {object}; it cannot be changed.</source>
        <translation>Sie haben auf den Mandanten dieses Objekts ({object}) nur Lesezugriff; es kann nicht geändert werden.</translation>
    </message>
    <message>
        <source>You have read-only access to the tenant {name}.</source>
        <translation>Sie haben auf den Mandanten „{name}“ nur Lesezugriff.</translation>
    </message>
    <message>
        <source>You lack the permission {permission} for this action.</source>
        <translation>Für diese Aktion fehlt Ihnen die Berechtigung „{permission}“.</translation>
    </message>
    <message>
        <source>You may assign roles only in the org units where you hold the permission {permission}; not in: {units}.</source>
        <translation>Sie dürfen Rollen nur in den Organisationseinheiten zuweisen, in denen Sie die Berechtigung „{permission}“ haben; nicht in: {units}.</translation>
    </message>
    <message>
        <source>You may grant only roles whose permissions you hold yourself in that org unit: {role} needs more than you hold in {unit}.</source>
        <translation>Sie dürfen nur Rollen vergeben, deren Berechtigungen Sie in dieser Organisationseinheit selbst besitzen: {role} erfordert mehr, als Sie in {unit} besitzen.</translation>
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
        <source>{count} customers have this agency as their default agency; choose another default agency for them first.</source>
        <translation>{count} Kunden haben diese Agentur als Standard-Agentur; wählen Sie für sie zuerst eine andere Standard-Agentur.</translation>
    </message>
    <message>
        <source>{count} of the chosen person-roles no longer exist or live in another tenant&apos;s database.</source>
        <translation>{count} der gewählten Rollen gibt es nicht mehr oder sie liegen in der Datenbank eines anderen Mandanten.</translation>
    </message>
    <message>
        <source>{email} is not a valid e-mail address.</source>
        <translation>{email} ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>{name} has child units now, added in the meantime, so undo does not delete it. Delete it yourself if it should go.</source>
        <translation>{name} hat inzwischen untergeordnete Einheiten bekommen, daher löscht Rückgängig sie nicht. Löschen Sie sie selbst, wenn sie weg soll.</translation>
    </message>
    <message>
        <source>{name} is not an Excel workbook (.xlsx).</source>
        <translation>{name} ist keine Excel-Arbeitsmappe (.xlsx).</translation>
    </message>
    <message>
        <source>{name} is not an agency.</source>
        <translation>{name} ist keine Agentur.</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name.</source>
        <translation>{path} ist ein Ordner; wählen Sie einen Dateinamen.</translation>
    </message>
    <message>
        <source>{path} is not a template file of this application.</source>
        <translation>{path} ist keine Vorlagendatei dieser Anwendung.</translation>
    </message>
    <message>
        <source>{unit} cannot be deleted with its child units moved up: the top level has units named {names} already. Rename those first, or delete {unit} together with its child units.</source>
        <translation>{unit} kann nicht gelöscht werden, wenn die untergeordneten Einheiten nach oben rücken sollen: Auf der obersten Ebene gibt es bereits Einheiten namens {names}. Benennen Sie diese zuerst um, oder löschen Sie {unit} mitsamt den untergeordneten Einheiten.</translation>
    </message>
    <message>
        <source>{unit} cannot be deleted with its child units moved up: {parent} has units named {names} already. Rename those first, or delete {unit} together with its child units.</source>
        <translation>{unit} kann nicht gelöscht werden, wenn die untergeordneten Einheiten nach oben rücken sollen: Unter {parent} gibt es bereits Einheiten namens {names}. Benennen Sie diese zuerst um, oder löschen Sie {unit} mitsamt den untergeordneten Einheiten.</translation>
    </message>
    <message>
        <source>{who} changed this {object} at {when} while you were editing it. Nothing was saved; reload to see their change.</source>
        <translation>{who} hat dieses Objekt ({object}) am {when} geändert, während Sie es bearbeitet haben. Es wurde nichts gespeichert; laden Sie neu, um die Änderung zu sehen.</translation>
    </message>
    <message>
        <source>{who} saved the e-mail settings at {when} while you were editing them. Nothing was saved, not even a password you typed; reload to see their settings.</source>
        <translation>{who} hat die E-Mail-Einstellungen am {when} gespeichert, während Sie sie bearbeitet haben. Es wurde nichts gespeichert, nicht einmal ein eingegebenes Passwort; laden Sie neu, um die gespeicherten Einstellungen zu sehen.</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Datei oder Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>Das ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>Ein Teil des Pfades ist kein Ordner</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>Auf dem Datenträger ist kein Platz mehr frei</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>Das Dateisystem ist schreibgeschützt</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>Der Dateiname ist zu lang</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>Das Speicherkontingent auf dem Datenträger ist erschöpft</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>Fehler beim Lesen oder Schreiben des Datenträgers</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Vorgang nicht erlaubt</translation>
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
    <message>
        <source>None of the user&apos;s roles in {unit} includes this permission.</source>
        <translation>Keine der Rollen des Benutzers in {unit} enthält diese Berechtigung.</translation>
    </message>
    <message>
        <source>Chain broken at {unit}.</source>
        <translation>Vererbung unterbrochen bei {unit}.</translation>
    </message>
    <message>
        <source>No role in {unit}.</source>
        <translation>Keine Rolle in {unit}.</translation>
    </message>
</context>
<context>
    <name>exports</name>
    <message>
        <source>Role assignments</source>
        <translation>Rollenzuweisungen</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Org unit</source>
        <translation>Organisationseinheit</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Inherited</source>
        <translation>Vererbt</translation>
    </message>
    <message>
        <source>Inherited from</source>
        <translation>Vererbt von</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Tenant access</source>
        <translation>Mandantenzugriff</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Private data</source>
        <translation>Private Daten</translation>
    </message>
    <message>
        <source>Full access</source>
        <translation>Vollzugriff</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Versteckt</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Kontaktart</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>{tenant} (customer {customer})</source>
        <translation>{tenant} (Kunde {customer})</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>city</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>contact type</source>
        <translation>Kontaktart</translation>
    </message>
    <message>
        <source>customer number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>list name</source>
        <translation>Name des Verteilers</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>newsroom name</source>
        <translation>Name des Newsrooms</translation>
    </message>
    <message>
        <source>newsroom slug</source>
        <translation>Newsroom-Kürzel</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>postal code</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>role name</source>
        <translation>Rollenname</translation>
    </message>
    <message>
        <source>salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <source>short name</source>
        <translation>Kurzname</translation>
    </message>
    <message>
        <source>street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>template name</source>
        <translation>Name der Vorlage</translation>
    </message>
    <message>
        <source>tenant name</source>
        <translation>Name des Mandanten</translation>
    </message>
</context>
<context>
    <name>mails</name>
    <message>
        <source>Activate your account</source>
        <translation>Aktivieren Sie Ihr Konto</translation>
    </message>
    <message>
        <source>Hello {name},

an account with the user name {username} has been created for you.
Open this link to create your password; the account is active as soon as you have done so:

{link}

The link is valid until {expires} and works once.
If you do not find this mail in your inbox next time, please look in your spam folder.</source>
        <translation>Guten Tag {name},

für Sie wurde ein Konto mit dem Benutzernamen {username} angelegt.
Öffnen Sie diesen Link, um Ihr Passwort zu erstellen; danach ist das Konto aktiv:

{link}

Der Link ist bis {expires} gültig und funktioniert einmal.
Falls Sie diese E-Mail künftig nicht in Ihrem Posteingang finden, sehen Sie bitte im Spam-Ordner nach.</translation>
    </message>
    <message>
        <source>Hello {name},

an account with the user name {username} has been created for you.
Open this link to activate it; you sign in with your company account (single sign-on):

{link}

The link is valid until {expires} and works once.</source>
        <translation>Guten Tag {name},

für Sie wurde ein Konto mit dem Benutzernamen {username} angelegt.
Öffnen Sie diesen Link, um es zu aktivieren; Sie melden sich mit Ihrem Firmenkonto an (Single Sign-on):

{link}

Der Link ist bis {expires} gültig und funktioniert einmal.</translation>
    </message>
    <message>
        <source>Your account is active</source>
        <translation>Ihr Konto ist aktiv</translation>
    </message>
    <message>
        <source>Hello {name},

your account {username} is now active. You can sign in.</source>
        <translation>Guten Tag {name},

Ihr Konto {username} ist jetzt aktiv. Sie können sich anmelden.</translation>
    </message>
    <message>
        <source>Test mail from Mandant Desktop</source>
        <translation>Test-E-Mail von Mandant Desktop</translation>
    </message>
    <message>
        <source>This is a test mail. The e-mail server settings of Mandant Desktop work.</source>
        <translation>Dies ist eine Test-E-Mail. Die E-Mail-Server-Einstellungen von Mandant Desktop funktionieren.</translation>
    </message>
    <message>
        <source>%Y-%m-%d %H:%M</source>
        <translation>%d.%m.%Y %H:%M</translation>
    </message>
    <message>
        <source>en</source>
        <translation>de</translation>
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
        <source>InheritanceBreak</source>
        <translation>Unterbrochene Vererbung</translation>
    </message>
    <message>
        <source>LoginThrottle</source>
        <translation>Anmeldesperre</translation>
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
    <message>
        <source>DemoData</source>
        <translation>Demodaten</translation>
    </message>
</context>
<context>
    <name>permissionAreas</name>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Role assignment</source>
        <translation>Rollenzuweisung</translation>
    </message>
    <message>
        <source>Org units</source>
        <translation>Organisationseinheiten</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Contacts &amp; lists</source>
        <translation>Kontakte &amp; Verteiler</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Änderungsprotokoll</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Customer portal</source>
        <translation>Kundenportal</translation>
    </message>
</context>
<context>
    <name>permissions</name>
    <message>
        <source>View tenants</source>
        <translation>Mandanten ansehen</translation>
    </message>
    <message>
        <source>Open the tenants page and see the tenants the user has access to.</source>
        <translation>Die Seite Mandanten öffnen und die Mandanten sehen, auf die der Benutzer Zugriff hat.</translation>
    </message>
    <message>
        <source>Edit tenants</source>
        <translation>Mandanten bearbeiten</translation>
    </message>
    <message>
        <source>Create tenants and change their name, parent and newsroom.</source>
        <translation>Mandanten anlegen und Name, Hauptmandant und Newsroom ändern.</translation>
    </message>
    <message>
        <source>Delete tenants</source>
        <translation>Mandanten löschen</translation>
    </message>
    <message>
        <source>Delete tenants that hold no data.</source>
        <translation>Mandanten löschen, die keine Daten enthalten.</translation>
    </message>
    <message>
        <source>Manage tenant access</source>
        <translation>Mandantenzugriff verwalten</translation>
    </message>
    <message>
        <source>Set full access, read only, hidden and private data for users.</source>
        <translation>Vollzugriff, Nur lesen, Versteckt und Private Daten für Benutzer festlegen.</translation>
    </message>
    <message>
        <source>View users</source>
        <translation>Benutzer ansehen</translation>
    </message>
    <message>
        <source>Open the users page and see users, their status and tenants.</source>
        <translation>Die Seite Benutzer öffnen und Benutzer, ihren Status und ihre Mandanten sehen.</translation>
    </message>
    <message>
        <source>Add and edit users</source>
        <translation>Benutzer hinzufügen und bearbeiten</translation>
    </message>
    <message>
        <source>Add users; they receive an activation e-mail.</source>
        <translation>Benutzer hinzufügen; sie erhalten eine Aktivierungs-E-Mail.</translation>
    </message>
    <message>
        <source>Deactivate users</source>
        <translation>Benutzer deaktivieren</translation>
    </message>
    <message>
        <source>Deactivate users and reactivate them.</source>
        <translation>Benutzer deaktivieren und wieder aktivieren.</translation>
    </message>
    <message>
        <source>Send activation links</source>
        <translation>Aktivierungslinks senden</translation>
    </message>
    <message>
        <source>Send users a new activation link; the old one stops working.</source>
        <translation>Benutzern einen neuen Aktivierungslink senden; der alte wird ungültig.</translation>
    </message>
    <message>
        <source>View roles</source>
        <translation>Rollen ansehen</translation>
    </message>
    <message>
        <source>Open the roles page and see each role&apos;s permissions.</source>
        <translation>Die Seite Rollen öffnen und die Berechtigungen jeder Rolle sehen.</translation>
    </message>
    <message>
        <source>Edit roles</source>
        <translation>Rollen bearbeiten</translation>
    </message>
    <message>
        <source>Add, rename and duplicate roles, tick their permissions and restore defaults.</source>
        <translation>Rollen hinzufügen, umbenennen und duplizieren, ihre Berechtigungen ankreuzen und den Standard wiederherstellen.</translation>
    </message>
    <message>
        <source>Delete roles</source>
        <translation>Rollen löschen</translation>
    </message>
    <message>
        <source>Delete roles; their assignments are removed with them.</source>
        <translation>Rollen löschen; ihre Zuweisungen werden mit entfernt.</translation>
    </message>
    <message>
        <source>View role assignments</source>
        <translation>Rollenzuweisungen ansehen</translation>
    </message>
    <message>
        <source>Open the role assignment page.</source>
        <translation>Die Seite Rollenzuweisung öffnen.</translation>
    </message>
    <message>
        <source>Assign roles</source>
        <translation>Rollen zuweisen</translation>
    </message>
    <message>
        <source>Add and remove roles of users in the org units where this is held.</source>
        <translation>Rollen von Benutzern in den Organisationseinheiten hinzufügen und entfernen, in denen diese Berechtigung besteht.</translation>
    </message>
    <message>
        <source>Bulk edit role assignments</source>
        <translation>Rollenzuweisungen massenweise bearbeiten</translation>
    </message>
    <message>
        <source>Add or remove several roles for several users in several units at once.</source>
        <translation>Mehrere Rollen für mehrere Benutzer in mehreren Einheiten auf einmal hinzufügen oder entfernen.</translation>
    </message>
    <message>
        <source>Export role assignments</source>
        <translation>Rollenzuweisungen exportieren</translation>
    </message>
    <message>
        <source>Download the role assignments as an Excel file.</source>
        <translation>Die Rollenzuweisungen als Excel-Datei herunterladen.</translation>
    </message>
    <message>
        <source>View org units</source>
        <translation>Organisationseinheiten ansehen</translation>
    </message>
    <message>
        <source>Open the org units page and see the tree.</source>
        <translation>Die Seite Organisationseinheiten öffnen und den Baum sehen.</translation>
    </message>
    <message>
        <source>Edit org units</source>
        <translation>Organisationseinheiten bearbeiten</translation>
    </message>
    <message>
        <source>Create, rename and move org units; set role inheritance.</source>
        <translation>Organisationseinheiten anlegen, umbenennen und verschieben; Rollenvererbung festlegen.</translation>
    </message>
    <message>
        <source>Delete org units</source>
        <translation>Organisationseinheiten löschen</translation>
    </message>
    <message>
        <source>Delete org units.</source>
        <translation>Organisationseinheiten löschen.</translation>
    </message>
    <message>
        <source>View customers</source>
        <translation>Kunden ansehen</translation>
    </message>
    <message>
        <source>Open the customers page.</source>
        <translation>Die Seite Kunden öffnen.</translation>
    </message>
    <message>
        <source>Edit customers</source>
        <translation>Kunden bearbeiten</translation>
    </message>
    <message>
        <source>Create customers and change their data.</source>
        <translation>Kunden anlegen und ihre Daten ändern.</translation>
    </message>
    <message>
        <source>Delete customers</source>
        <translation>Kunden löschen</translation>
    </message>
    <message>
        <source>Delete customers.</source>
        <translation>Kunden löschen.</translation>
    </message>
    <message>
        <source>Manage rights groups</source>
        <translation>Rechte-Gruppen verwalten</translation>
    </message>
    <message>
        <source>Edit the rights groups of customers and their portal permissions.</source>
        <translation>Die Rechte-Gruppen der Kunden und ihre Portalberechtigungen bearbeiten.</translation>
    </message>
    <message>
        <source>Manage external users</source>
        <translation>Externe Benutzer verwalten</translation>
    </message>
    <message>
        <source>Create and edit the portal users of customers.</source>
        <translation>Die Portalbenutzer der Kunden anlegen und bearbeiten.</translation>
    </message>
    <message>
        <source>View contacts</source>
        <translation>Kontakte ansehen</translation>
    </message>
    <message>
        <source>Open contacts and distribution lists.</source>
        <translation>Kontakte und Verteiler öffnen.</translation>
    </message>
    <message>
        <source>Edit contacts</source>
        <translation>Kontakte bearbeiten</translation>
    </message>
    <message>
        <source>Create and change contacts, person-roles and distribution lists.</source>
        <translation>Kontakte, Rollen von Personen und Verteiler anlegen und ändern.</translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation>Kontakte löschen</translation>
    </message>
    <message>
        <source>Delete contacts and distribution lists.</source>
        <translation>Kontakte und Verteiler löschen.</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Kontakte exportieren</translation>
    </message>
    <message>
        <source>Download contacts as an Excel file.</source>
        <translation>Kontakte als Excel-Datei herunterladen.</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Kontakte importieren</translation>
    </message>
    <message>
        <source>Import contacts from an Excel file.</source>
        <translation>Kontakte aus einer Excel-Datei importieren.</translation>
    </message>
    <message>
        <source>View the audit log</source>
        <translation>Änderungsprotokoll ansehen</translation>
    </message>
    <message>
        <source>Open the audit log and filter it.</source>
        <translation>Das Änderungsprotokoll öffnen und filtern.</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Änderungsprotokoll exportieren</translation>
    </message>
    <message>
        <source>Download the audit log as an Excel file.</source>
        <translation>Das Änderungsprotokoll als Excel-Datei herunterladen.</translation>
    </message>
    <message>
        <source>View settings</source>
        <translation>Einstellungen ansehen</translation>
    </message>
    <message>
        <source>Open the settings page.</source>
        <translation>Die Seite Einstellungen öffnen.</translation>
    </message>
    <message>
        <source>Edit settings</source>
        <translation>Einstellungen ändern</translation>
    </message>
    <message>
        <source>Change the settings of the whole database.</source>
        <translation>Die Einstellungen der ganzen Datenbank ändern.</translation>
    </message>
    <message>
        <source>Configure the e-mail server</source>
        <translation>E-Mail-Server einrichten</translation>
    </message>
    <message>
        <source>Set up SMTP, the activation link and send test mails.</source>
        <translation>SMTP und den Aktivierungslink einrichten und Test-E-Mails senden.</translation>
    </message>
    <message>
        <source>Read the outbox</source>
        <translation>Postausgang lesen</translation>
    </message>
    <message>
        <source>Read the e-mails the program sent or kept, activation links included.</source>
        <translation>Die E-Mails lesen, die das Programm versandt oder aufbewahrt hat, einschließlich der Aktivierungslinks.</translation>
    </message>
</context>
</TS>
