"""German texts of the audit log page and the Excel imports (issue 7, part A); merged into
tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- audit log table and export (S3)
    "Time": "Zeitpunkt",
    "Operator": "Bearbeiter",
    "Workstation": "Arbeitsplatz",
    "Object type": "Objektart",
    "Object": "Objekt",
    "Action": "Aktion",
    "Changes": "Änderungen",
    "created": "angelegt",
    "changed": "geändert",
    "deleted": "gelöscht",
    "Field": "Feld",
    "Before": "Vorher",
    "After": "Nachher",
    "All object types": "Alle Objektarten",
    "Entries: %1": "Einträge: %1",
    "Select an entry to see the changed fields.": "Wählen Sie einen Eintrag, um die geänderten Felder zu sehen.",
    "%1 „%2“ %3 by %4 at %5 on %6": "%1 „%2“ %3 von %4 am %5 an %6",
    "Export audit log": "Änderungsprotokoll exportieren",
    "Audit entries exported: %1": "Exportierte Protokolleinträge: %1",
    "Search in objects, changes and workstations (Ctrl+F)": (
        "Suche in Objekten, Änderungen und Arbeitsplätzen (Strg+F)"
    ),
    "&From:": "&Von:",
    "&To:": "&Bis:",
    "O&perator:": "Bea&rbeiter:",
    "Object t&ype:": "Objekt&art:",
    "T&enant:": "&Mandant:",
    "any": "beliebig",
    "&Reset filters": "Filter &zurücksetzen",
    "&Copy": "&Kopieren",
    "Export the entries shown to an Excel workbook": "Die angezeigten Einträge in eine Excel-Arbeitsmappe exportieren",
    # ---------------------------------------------------------------- import dialog (S8)
    "&Import…": "&Importieren…",
    "Add rows from an Excel file in the layout of the export (checked first)": (
        "Zeilen aus einer Excel-Datei im Aufbau des Exports hinzufügen (wird vorher geprüft)"
    ),
    "Imported: %1 added, %2 unchanged.": "Importiert: %1 hinzugefügt, %2 unverändert.",
    "Import role assignments": "Rollenzuweisungen importieren",
    "Import users": "Benutzer importieren",
    "Import customers": "Kunden importieren",
    "Message": "Meldung",
    "Row": "Zeile",
    "Column": "Spalte",
    "Choose an Excel file": "Excel-Datei auswählen",
    "The file was refused; nothing was imported.": "Die Datei wurde abgelehnt; es wurde nichts importiert.",
    "%1 would be added, %2 unchanged, %3 errors.": "Neu: %1, unverändert: %2, Fehler: %3.",
    "Correct the file and check it again; nothing was imported.": (
        "Korrigieren Sie die Datei und prüfen Sie sie erneut; es wurde nichts importiert."
    ),
    "Nothing to import.": "Es gibt nichts zu importieren.",
    "Press Import to add them.": "Klicken Sie auf „Importieren“, um sie hinzuzufügen.",
    "Would be added": "Würde hinzugefügt",
    "&Choose…": "&Auswählen…",
    "Chec&k": "&Prüfen",
    "&Import": "&Importieren",
    "Choose a file and check it.": "Wählen Sie eine Datei und prüfen Sie sie.",
    "Start from an exported file: the columns are those of the export. The file is checked first; it is "
    "imported only when every row is valid, and then all at once.": (
        "Gehen Sie von einer exportierten Datei aus: Die Spalten sind die des Exports. Die Datei wird zuerst "
        "geprüft; importiert wird sie nur, wenn jede Zeile gültig ist, und dann vollständig in einem Schritt."
    ),
    "SSO": "SSO",
    # ---------------------------------------------------------------- import errors (S8)
    "A part of the workbook is compressed more than {ratio}:1; it is refused as a possible zip bomb.": (
        "Ein Teil der Arbeitsmappe ist stärker als {ratio}:1 komprimiert; sie wird als mögliche Zip-Bombe "
        "abgelehnt."
    ),
    "Cannot read {path}: {reason}": "{path} kann nicht gelesen werden: {reason}",
    "Cell {cell} contains a formula; an import takes plain values only.": (
        "Die Zelle {cell} enthält eine Formel; ein Import übernimmt nur einfache Werte."
    ),
    "Imports are switched off: the XML protection (defusedxml) is not active in this installation.": (
        "Importe sind abgeschaltet: Der XML-Schutz (defusedxml) ist in dieser Installation nicht aktiv."
    ),
    "The column {column} is missing; start from an exported file.": (
        "Die Spalte {column} fehlt; gehen Sie von einer exportierten Datei aus."
    ),
    "The column {column} is not part of this import. Expected: {expected}.": (
        "Die Spalte {column} gehört nicht zu diesem Import. Erwartet: {expected}."
    ),
    "The customer number {number} appears twice in the file.": (
        "Die Kundennummer {number} kommt in der Datei zweimal vor."
    ),
    "The file is too large for an import ({size} MB; at most {limit} MB).": (
        "Die Datei ist für einen Import zu groß ({size} MB; höchstens {limit} MB)."
    ),
    "The sheet has more than {limit} rows; split the file.": (
        "Das Tabellenblatt hat mehr als {limit} Zeilen; teilen Sie die Datei auf."
    ),
    "The sheet has {rows} rows; an import takes at most {limit}. Split the file.": (
        "Das Tabellenblatt hat {rows} Zeilen; ein Import nimmt höchstens {limit}. Teilen Sie die Datei auf."
    ),
    "The sheet is empty; the first row must name the columns.": (
        "Das Tabellenblatt ist leer; die erste Zeile muss die Spalten benennen."
    ),
    "The workbook cannot be read: {reason}": "Die Arbeitsmappe kann nicht gelesen werden: {reason}",
    "The workbook contains an XML document type declaration, which Excel never writes; it is refused as a "
    "possible attack.": (
        "Die Arbeitsmappe enthält eine XML-Dokumenttyp-Deklaration, die Excel nie schreibt; sie wird als "
        "möglicher Angriff abgelehnt."
    ),
    "The workbook has too many parts ({count}); it is refused as a possible attack.": (
        "Die Arbeitsmappe hat zu viele Bestandteile ({count}); sie wird als möglicher Angriff abgelehnt."
    ),
    "The workbook is damaged or manipulated; it is refused.": (
        "Die Arbeitsmappe ist beschädigt oder manipuliert; sie wird abgelehnt."
    ),
    "The workbook unpacks to {size} MB (at most {limit} MB); it is refused as a possible zip bomb.": (
        "Die Arbeitsmappe entpackt sich auf {size} MB (höchstens {limit} MB); sie wird als mögliche Zip-Bombe "
        "abgelehnt."
    ),
    "There is no agency {name}; write it as the export does: name (number).": (
        "Es gibt keine Agentur „{name}“; schreiben Sie sie wie der Export: Name (Nummer)."
    ),
    "There is no org unit {path}; write the path as the export does (A / B / C).": (
        "Es gibt keine Organisationseinheit {path}; schreiben Sie den Pfad wie der Export (A / B / C)."
    ),
    "There is no role named {name}.": "Es gibt keine Rolle namens „{name}“.",
    "There is no tenant {name}, or it is not visible to you.": (
        "Es gibt keinen Mandanten „{name}“, oder er ist für Sie nicht sichtbar."
    ),
    "There is no user with the e-mail address {email}.": "Es gibt keinen Benutzer mit der E-Mail-Adresse {email}.",
    "Write {yes}, {no} or {agency}.": "Schreiben Sie {yes}, {no} oder {agency}.",
    "You have read-only access to the tenant {name}.": "Sie haben auf den Mandanten „{name}“ nur Lesezugriff.",
    "{name} is not an Excel workbook (.xlsx).": "{name} ist keine Excel-Arbeitsmappe (.xlsx).",
    "You may grant only roles whose permissions you hold yourself; not {role}.": (
        "Sie dürfen nur Rollen vergeben, deren Berechtigungen Sie selbst haben; nicht {role}."
    ),
}
# fmt: on

CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    ("AuditFields", "Active"): "Aktiv",
    ("AuditFields", "Birthday"): "Geburtstag",
    ("AuditFields", "City"): "Ort",
    ("AuditFields", "Contact type"): "Kontaktart",
    ("AuditFields", "Customer (ID)"): "Kunde (ID)",
    ("AuditFields", "Default agency (ID)"): "Standard-Agentur (ID)",
    ("AuditFields", "Description"): "Beschreibung",
    ("AuditFields", "E-mail"): "E-Mail",
    ("AuditFields", "First name"): "Vorname",
    ("AuditFields", "Inherited from (ID)"): "Geerbt von (ID)",
    ("AuditFields", "Agency"): "Agentur",
    ("AuditFields", "Kind"): "Art",
    ("AuditFields", "Last name"): "Nachname",
    ("AuditFields", "Access"): "Zugriff",
    ("AuditFields", "Name"): "Name",
    ("AuditFields", "Number"): "Nummer",
    ("AuditFields", "Org unit (ID)"): "Organisationseinheit (ID)",
    ("AuditFields", "Parent (ID)"): "Übergeordnet (ID)",
    ("AuditFields", "Permission"): "Berechtigung",
    ("AuditFields", "Phone"): "Telefon",
    ("AuditFields", "Postal code"): "PLZ",
    ("AuditFields", "Private data"): "Private Daten",
    ("AuditFields", "Quota (MB)"): "Kontingent (MB)",
    ("AuditFields", "Remote access"): "Remote Access",
    ("AuditFields", "Role (ID)"): "Rolle (ID)",
    ("AuditFields", "Salutation"): "Anrede",
    ("AuditFields", "Short name"): "Kurzname",
    ("AuditFields", "SSO"): "SSO",
    ("AuditFields", "Status"): "Status",
    ("AuditFields", "Street"): "Straße",
    ("AuditFields", "Tenant (ID)"): "Mandant (ID)",
    ("AuditFields", "User (ID)"): "Benutzer (ID)",
    ("AuditFields", "User name"): "Benutzername",
}
