"""German texts of the customers area; merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    "Rights groups": "Rechte-Gruppen",
    # ---------------------------------------------------------------- customer table (C1)
    "Number": "Nummer",
    "Name": "Name",
    "Short name": "Kurzname",
    "Remote access": "Remote Access",
    "Quota (MB)": "Kontingent (MB)",
    "Default agency": "Standard-Agentur",
    "Contact persons": "Ansprechpartner",
    "Status": "Status",
    "Active": "Aktiv",
    "Deactivated": "Deaktiviert",
    "Read only: you have read-only access to this customer's tenant.": (
        "Nur lesen: Sie haben auf den Mandanten dieses Kunden nur Lesezugriff."
    ),
    "Customers: %1": "Kunden: %1",
    "Customers deleted: %1.": "Gelöschte Kunden: %1.",
    "Customers deactivated, and with them their external users (%1).": (
        "Kunden deaktiviert und mit ihnen ihre externen Benutzer (%1)."
    ),
    "Search by number, name or short name (Ctrl+F)": "Suche nach Nummer, Name oder Kurzname (Strg+F)",
    "&New…": "&Neu…",
    "&Delete…": "&Löschen…",
    "Create a customer (Ctrl+N)": "Einen Kunden erfassen (Strg+N)",
    "Delete or deactivate the selected customers (Del)": "Die ausgewählten Kunden löschen oder deaktivieren (Entf)",
    "&New customer…": "&Neuer Kunde…",
    "&Properties…": "&Eigenschaften…",
    "&Access rights…": "&Zugriffsrechte…",
    "Assign &contact person…": "&Ansprechpartner zuordnen…",
    "Contacts and &users…": "Kontakte und &Benutzer…",
    "A&gency information…": "A&gentur-Information…",
    "&Reactivate": "&Reaktivieren",
    "Context menu": "Kontextmenü",
    "E&xport…": "E&xportieren…",
    "Export the customers shown, or the selected ones, to an Excel workbook": (
        "Die angezeigten oder die ausgewählten Kunden in eine Excel-Arbeitsmappe exportieren"
    ),
    "Customers exported: %1 rows to %2.": "Kunden exportiert: %1 Zeilen nach %2.",
    "Export customers": "Kunden exportieren",
    "Excel workbook (*.xlsx)": "Excel-Arbeitsmappe (*.xlsx)",
    "Writing the Excel file…": "Die Excel-Datei wird geschrieben…",
    # ---------------------------------------------------------------- create customer (C2, C6)
    "You have full access to no tenant, so you cannot create customers.": (
        "Sie haben auf keinen Mandanten Vollzugriff und können deshalb keine Kunden anlegen."
    ),
    "Customer number used before": "Kundennummer schon einmal vergeben",
    "The customer number %1 belonged to the deleted customer “%2” (deleted on %3). A new customer with this number "
    "regains the access rights to all jobs of the deleted one. Create it anyway?": (
        "Die Kundennummer %1 gehörte dem gelöschten Kunden „%2“ (gelöscht am %3). Ein neuer Kunde mit dieser Nummer "
        "erhält wieder die Zugriffsrechte auf alle Aufträge des gelöschten Kunden. Trotzdem anlegen?"
    ),
    "Create anyway": "Trotzdem anlegen",
    "Create customer": "Kunden erfassen",
    "&Number:": "&Nummer:",
    "N&ame:": "N&ame:",
    "&Short name:": "&Kurzname:",
    "&Tenant:": "&Mandant:",
    "&Remote access:": "&Remote Access:",
    "&Quota (MB):": "K&ontingent (MB):",
    "Set up the customer for the portal services": "Kunden für die Portal Services einrichten",
    "The customer acts as an a&gency": "Der Kunde fungiert als A&gentur",
    "size of the exchange area, e.g. 500": "Größe des Daten-Austauschbereichs, z. B. 500",
    "Saving creates the customer's rights group and then opens “Access rights” and “Assign contact person”.": (
        "Beim Speichern wird die Kunden-Rechte-Gruppe angelegt; danach öffnen sich „Zugriffsrechte“ und "
        "„Ansprechpartner zuordnen“."
    ),
    # ---------------------------------------------------------------- access rights (C8)
    "Access rights": "Zugriffsrechte",
    "Portal permissions of the rights group %1 (customer %2):": (
        "Portal-Berechtigungen der Rechte-Gruppe „%1“ (Kunde %2):"
    ),
    "Every external user of the customer is a member of this rights group and so receives these permissions. To "
    "give only some users more rights, put them into an additional rights group.": (
        "Alle externen Benutzer des Kunden sind Mitglied dieser Rechte-Gruppe und erhalten damit diese "
        "Zugriffsrechte. Sollen nur einige Benutzer mehr Rechte haben, ordnen Sie sie einer zusätzlichen "
        "Rechte-Gruppe zu."
    ),
    # ---------------------------------------------------------------- assign contact person (C7)
    "Contact person of only some of the selected customers: %1": (
        "Ansprechpartner nur einiger der ausgewählten Kunden: %1"
    ),
    "Assign contact person": "Ansprechpartner zuordnen",
    "&Members of CustomerSalesRepresentatives:": "&Mitglieder von CustomerSalesRepresentatives:",
    "A&ssigned contact persons:": "&Zugeordnete Ansprechpartner:",
    "&Add →": "&Hinzufügen →",
    "← &Remove": "← &Entfernen",
    "%1 customers selected. Normal font: contact person of all of them; italics: of only some.": (
        "%1 Kunden ausgewählt. Standard-Schrift: Ansprechpartner aller ausgewählten Kunden; Kursiv-Schrift: "
        "nur einiger."
    ),
    "A contact person becomes a member of the customer's rights group, RemoteAdministrators and RemoteUsers.": (
        "Ein Ansprechpartner wird Mitglied der Kunden-Rechte-Gruppe sowie von RemoteAdministrators und RemoteUsers."
    ),
    "Removed contact persons stay members of the customer's rights group, RemoteAdministrators and RemoteUsers.": (
        "Entfernte Ansprechpartner bleiben Mitglied der Kunden-Rechte-Gruppe sowie von RemoteAdministrators und "
        "RemoteUsers."
    ),
    "Remove these &memberships too": "Diese &Mitgliedschaften ebenfalls entfernen",
    # ---------------------------------------------------------------- properties, agencies (C9, C11)
    "No agency set": "Keine Agentur festgelegt",
    "Remove remote access": "Remote Access entfernen",
    "Without remote access the customer's rights group %1 and all external users of the customer (%2) are deleted. "
    "This cannot be undone. Remove remote access?": (
        "Ohne Remote Access werden die Kunden-Rechte-Gruppe „%1“ und alle externen Benutzer des Kunden (%2) gelöscht. "
        "Das kann nicht rückgängig gemacht werden. Remote Access entfernen?"
    ),
    "Properties": "Eigenschaften",
    "Customer %1 – %2 (tenant %3)": "Kunde %1 – %2 (Mandant %3)",
    "A&gency:": "A&gentur:",
    "&Default agency:": "&Standard-Agentur:",
    "The customer works with the portal services": "Der Kunde arbeitet mit den Portal Services",
    "The customer acts as an agency and appears in agency lists": (
        "Der Kunde fungiert als Agentur und erscheint in den Agentur-Auswahllisten"
    ),
    "&Select…": "A&uswählen…",
    "&No agency": "&Keine Agentur",
    "Select an agency in the list.": "Wählen Sie eine Agentur in der Liste aus.",
    "Select agency": "Agentur auswählen",
    "Search by name, number or short name": "Suche nach Name, Nummer oder Kurzname",
    "Customers marked as agency in their properties appear here.": (
        "Hier erscheinen die Kunden, die in ihren Eigenschaften als Agentur gekennzeichnet sind."
    ),
    "Agency information": "Agentur-Information",
    "%1 is the default agency of these customers (%2):": "%1 ist Standard-Agentur dieser Kunden (%2):",
    "%1 is the default agency of no customer.": "%1 ist für keinen Kunden Standard-Agentur.",
    # ---------------------------------------------------------------- delete (C6)
    "Delete customer entry": "Kundeneintrag löschen",
    "the %1 selected customers": "die %1 ausgewählten Kunden",
    "the customer %1 – %2": "den Kunden %1 – %2",
    "Do you want to delete %1?\n\nDeleting also deletes the accounts of their external users (%2). If you later "
    "create a customer with the same customer number, that new customer gets the same access rights to all jobs as the "
    "deleted one had.\n\nInstead of deleting, you can deactivate all external users; the customer data is kept.": (
        "Möchten Sie %1 löschen?\n\nDabei werden auch die Benutzerkonten der externen Benutzer (%2) gelöscht. Wenn Sie "
        "später einen Kunden mit derselben Kundennummer anlegen, hat dieser neue Kunde die gleichen Zugriffsrechte "
        "auf alle Aufträge wie der gelöschte.\n\nStatt zu löschen, können Sie alle externen Benutzer deaktivieren; "
        "die Kundendaten bleiben erhalten."
    ),
    "&Delete": "&Löschen",
    "Deactivate &all": "&Alle deaktivieren",
    "&Deactivate": "&Deaktivieren",
    # ---------------------------------------------------------------- contacts and users (C10, C12)
    "Contact type": "Kontaktart",
    "E-mail": "E-Mail",
    "Phone": "Telefon",
    "Portal user": "Portal-Benutzer",
    "active": "aktiv",
    "deactivated": "deaktiviert",
    ", external administrator": ", externer Administrator",
    "Create contact": "Kontaktperson erfassen",
    "Contact &type:": "Kontakt&art:",
    "&Salutation:": "An&rede:",
    "&Phone:": "&Telefon:",
    "e.g. Purchasing, Marketing, Prepress": "z. B. Einkauf, Marketing, Druckvorstufe",
    "Portal user %1 (%2)": "Portal-Benutzer %1 (%2)",
    "Create a contact first: every portal user belongs to a real person.": (
        "Erfassen Sie zuerst eine Kontaktperson: Jedes Benutzerkonto gehört zu einer realen Person."
    ),
    "The customer has no remote access; switch it on in its properties first.": (
        "Der Kunde hat keinen Remote Access; schalten Sie ihn zuerst in den Eigenschaften ein."
    ),
    "Portal user for %1: member of the customer's rights group %2.": (
        "Portal-Benutzer für %1: Mitglied der Kunden-Rechte-Gruppe „%2“."
    ),
    "The portal user was created; it appears in user administration under “External”.": (
        "Der Portal-Benutzer wurde angelegt; er erscheint in der Benutzerverwaltung unter „Extern“."
    ),
    "Contacts and users": "Kontakte und Benutzer",
    "Customer %1 – %2": "Kunde %1 – %2",
    "&Contact list:": "&Kontaktliste:",
    "User": "Benutzer",
    "E&xternal user": "E&xterner Benutzer",
    "C&onfirm:": "Bes&tätigen:",
    "at least 6 characters": "mindestens 6 Zeichen",
    "External &administrator (member of RemoteAdministrators)": (
        "Externer &Administrator (Mitglied von RemoteAdministrators)"
    ),
    "Create &user": "Ben&utzer anlegen",
    # ---------------------------------------------------------------- rights groups (C4, C5)
    "%1 · members: %2": "%1 · Mitglieder: %2",
    "System group": "Systemgruppe",
    "Additional rights group": "Zusätzliche Rechte-Gruppe",
    "Rights group of customer %1": "Rechte-Gruppe des Kunden %1",
    "external": "extern",
    "internal": "intern",
    ", deactivated": ", deaktiviert",
    "External user of this customer: always a member of its rights group.": (
        "Externer Benutzer dieses Kunden: immer Mitglied seiner Rechte-Gruppe."
    ),
    "Add members": "Mitglieder hinzufügen",
    "Search users by name or user name": "Benutzer nach Name oder Benutzername suchen",
    "No rights group selected.": "Keine Rechte-Gruppe ausgewählt.",
    "Permissions saved; every member has them now.": "Berechtigungen gespeichert; alle Mitglieder haben sie jetzt.",
    "Remove members": "Mitglieder entfernen",
    "Remove the selected members (%1) from the rights group %2? They lose the group's portal permissions.": (
        "Die ausgewählten Mitglieder (%1) aus der Rechte-Gruppe „%2“ entfernen? Sie verlieren die "
        "Portal-Berechtigungen der Gruppe."
    ),
    "Remove": "Entfernen",
    "New rights group": "Neue Rechte-Gruppe",
    "Name of the additional rights group:": "Name der zusätzlichen Rechte-Gruppe:",
    "Search rights groups": "Rechte-Gruppen suchen",
    "&New rights group…": "&Neue Rechte-Gruppe…",
    "&Delete group…": "Gruppe &löschen…",
    "Delete rights group": "Rechte-Gruppe löschen",
    "Delete the rights group %1? Its members lose the permissions it gave them.": (
        "Die Rechte-Gruppe „%1“ löschen? Ihre Mitglieder verlieren die Berechtigungen, die sie ihnen gab."
    ),
    "&Members:": "&Mitglieder:",
    "&Add…": "&Hinzufügen…",
    "&Remove": "&Entfernen",
    "&Portal permissions (a user has the permissions of all their groups together):": (
        "&Portal-Berechtigungen (ein Benutzer hat die Berechtigungen all seiner Gruppen zusammen):"
    ),
    "&Save permissions": "Berechtigungen &speichern",
    # ---------------------------------------------------------------- portal permissions (C8)
    "View jobs": "Aufträge ansehen",
    "See the customer's print jobs and their status.": "Die Druckaufträge des Kunden und ihren Stand sehen.",
    "Create jobs": "Aufträge anlegen",
    "Start new print jobs on the portal.": "Neue Druckaufträge im Portal anlegen.",
    "Upload data": "Daten hochladen",
    "Upload print data into the customer's exchange area.": (
        "Druckdaten in den Daten-Austauschbereich des Kunden hochladen."
    ),
    "Download": "Herunterladen",
    "Download files and proofs from the exchange area.": (
        "Dateien und Proofs aus dem Daten-Austauschbereich herunterladen."
    ),
    "View proofs": "Proofs ansehen",
    "Look at soft proofs without approving them.": "Softproofs ansehen, ohne sie freizugeben.",
    "Approve proofs": "Proofs freigeben",
    "Approve or reject proofs, which releases the job for printing.": (
        "Proofs freigeben oder ablehnen; die Freigabe gibt den Auftrag für den Druck frei."
    ),
    "Order reprints": "Nachdrucke bestellen",
    "Order a finished job again.": "Einen abgeschlossenen Auftrag erneut bestellen.",
    "View invoices": "Rechnungen ansehen",
    "See the customer's invoices and delivery notes.": "Die Rechnungen und Lieferscheine des Kunden sehen.",
    "Manage the customer's users": "Benutzer des Kunden verwalten",
    "Create, change and deactivate the portal users of the customer.": (
        "Die Portal-Benutzer des Kunden anlegen, ändern und deaktivieren."
    ),
    "Administer the portal": "Portal administrieren",
    "Change the customer's portal settings.": "Die Portal-Einstellungen des Kunden ändern.",
    # ---------------------------------------------------------------- access rights naming (C3)
    "Saved. Customers created from now on get rights groups named like this.": (
        "Gespeichert. Ab jetzt angelegte Kunden erhalten so benannte Rechte-Gruppen."
    ),
    "Access rights naming": "Benennung der Zugriffsrechte",
    "Element &1 (text):": "Element &1 (Zeichenkette):",
    "Element &2:": "Element &2:",
    "Element &3:": "Element &3:",
    "Example:": "Beispiel:",
    "Customer number": "Kundennummer",
    "Customer name": "Kundenname",
    "Customer short name": "Kunden-Kurzname",
    "(none)": "(kein Eintrag)",
    "The rights group of a customer with remote access is named by this pattern when the customer is created; a "
    "hyphen separates elements 2 and 3. The example shows customer 12345 “Heidelberg” (short name HD). Existing "
    "groups keep their names.": (
        "Die Rechte-Gruppe eines Kunden mit Remote Access wird beim Anlegen des Kunden nach diesem Muster benannt; "
        "Element 2 und 3 trennt ein Bindestrich. Das Beispiel zeigt den Kunden 12345 „Heidelberg“ (Kurzname HD). "
        "Bestehende Gruppen behalten ihren Namen."
    ),
    "&Save naming": "Benennung &speichern",
    # ---------------------------------------------------------------- errors
    "A customer cannot be its own default agency.": "Ein Kunde kann nicht seine eigene Standard-Agentur sein.",
    "A rights group named {name} exists already.": "Eine Rechte-Gruppe namens „{name}“ gibt es bereits.",
    "A rights group named {name} exists already; the customer's rights group cannot be created. Change the naming "
    "pattern in the settings or the customer's name.": (
        "Eine Rechte-Gruppe namens „{name}“ gibt es bereits; die Kunden-Rechte-Gruppe kann nicht angelegt werden. "
        "Ändern Sie die Benennung in den Einstellungen oder den Namen des Kunden."
    ),
    "Element 1 may be at most {max} characters long.": "Element 1 darf höchstens {max} Zeichen lang sein.",
    "Element 1 must not contain spaces.": "Element 1 darf keine Leerzeichen enthalten.",
    "Element 2 must be the customer number or the customer name.": (
        "Element 2 muss die Kundennummer oder der Kundenname sein."
    ),
    "Element 3 must be the customer number, name, short name or nothing.": (
        "Element 3 muss die Kundennummer, der Kundenname, der Kurzname oder kein Eintrag sein."
    ),
    "Every external user of a customer is a member of its rights group; deactivate the user instead of removing "
    "the membership.": (
        "Jeder externe Benutzer eines Kunden ist Mitglied seiner Rechte-Gruppe; deaktivieren Sie den Benutzer, "
        "statt die Mitgliedschaft zu entfernen."
    ),
    "External users of another customer cannot join this customer's rights group.": (
        "Externe Benutzer eines anderen Kunden können nicht Mitglied der Rechte-Gruppe dieses Kunden werden."
    ),
    "Only members of the rights group CustomerSalesRepresentatives can be contact persons.": (
        "Nur Mitglieder der Rechte-Gruppe CustomerSalesRepresentatives können Ansprechpartner sein."
    ),
    "Select at least one customer.": "Wählen Sie mindestens einen Kunden aus.",
    "System groups and customer groups cannot be deleted here; a customer group goes with the customer's remote "
    "access.": (
        "System- und Kunden-Rechte-Gruppen können hier nicht gelöscht werden; eine Kunden-Rechte-Gruppe entfällt "
        "mit dem Remote Access des Kunden."
    ),
    "The customer has no remote access; switch it on in the customer's properties first.": (
        "Der Kunde hat keinen Remote Access; schalten Sie ihn zuerst in den Eigenschaften des Kunden ein."
    ),
    "The customer number must not contain spaces.": "Die Kundennummer darf keine Leerzeichen enthalten.",
    "The customer number {number} is already taken.": "Die Kundennummer {number} ist bereits vergeben.",
    "The quota may be at most {max} MB.": "Das Kontingent darf höchstens {max} MB betragen.",
    "The quota must be a whole number of megabytes.": "Das Kontingent muss eine ganze Zahl von Megabyte sein.",
    "The quota must not be negative.": "Das Kontingent darf nicht negativ sein.",
    "The rights group name {name} would be longer than {max} characters; shorten the customer name or change the "
    "naming pattern.": (
        "Der Name der Rechte-Gruppe „{name}“ wäre länger als {max} Zeichen; kürzen Sie den Kundennamen oder ändern "
        "Sie die Benennung."
    ),
    "The system rights group {name} is missing; upgrade the database.": (
        "Die System-Rechte-Gruppe „{name}“ fehlt; aktualisieren Sie die Datenbank."
    ),
    "The user name {username} is taken.": "Der Benutzername {username} ist bereits vergeben.",
    "This contact has a user account already.": "Diese Kontaktperson hat bereits ein Benutzerkonto.",
    "Unknown portal permission: {code}.": "Unbekannte Portal-Berechtigung: {code}.",
    "{count} customers have this agency as their default agency; choose another default agency for them first.": (
        "{count} Kunden haben diese Agentur als Standard-Agentur; wählen Sie für sie zuerst eine andere "
        "Standard-Agentur."
    ),
    "{name} is not an agency.": "{name} ist keine Agentur.",
}
# fmt: on

CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    ("fields", "contact type"): "Kontaktart",
    ("fields", "customer number"): "Kundennummer",
    ("fields", "name"): "Name",
    ("fields", "phone"): "Telefon",
    ("fields", "salutation"): "Anrede",
    ("fields", "short name"): "Kurzname",
    ("fields", "quota"): "Kontingent",
    ("fields", "default agency"): "Standard-Agentur",
    ("fields", "agency"): "Agentur",
    ("fields", "element 1"): "Element 1",
    ("fields", "element 2"): "Element 2",
    ("fields", "element 3"): "Element 3",
}
