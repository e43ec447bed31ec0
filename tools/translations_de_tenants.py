"""German texts of the tenants area; merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- errors: tenant scope (T8)
    "The {object} no longer exists or is not visible to you.": (
        "{object} existiert nicht mehr oder ist für Sie nicht sichtbar."
    ),
    "You have read-only access to the tenant of this {object}; it cannot be changed.": (
        "Sie haben auf den Mandanten dieses Objekts ({object}) nur Lesezugriff; es kann nicht geändert werden."
    ),
    # ---------------------------------------------------------------- errors: tenants, access, data
    "A newsroom slug may contain lower-case letters, digits and single hyphens, e.g. presse-nord.": (
        "Ein Newsroom-Kürzel darf Kleinbuchstaben, Ziffern und einzelne Bindestriche enthalten, z. B. presse-nord."
    ),
    "A separate tenant's database cannot be changed here; its data lives there.": (
        "Die Datenbank eines getrennten Mandanten kann hier nicht geändert werden; seine Daten liegen dort."
    ),
    "A tenant cannot be placed below itself.": "Ein Mandant kann nicht unter sich selbst eingeordnet werden.",
    "A tenant named {name} exists already.": "Ein Mandant namens „{name}“ existiert bereits.",
    "Another workstation changed the access of {count} of these users in the meantime. Nothing was saved; "
    "reload to see their change.": (
        "Ein anderer Arbeitsplatz hat den Zugriff von {count} dieser Benutzer inzwischen geändert. Es wurde nichts "
        "gespeichert; laden Sie neu, um die Änderung zu sehen."
    ),
    "Cannot create the database {target}: {detail}": "Die Datenbank {target} kann nicht angelegt werden: {detail}",
    "Data of a separate tenant can only be combined with data of the same tenant: it lives in another database.": (
        "Daten eines getrennten Mandanten lassen sich nur mit Daten desselben Mandanten verbinden: "
        "sie liegen in einer anderen Datenbank."
    ),
    "No password store (keyring) is available on this computer, so the password of the separate tenant's "
    "database cannot be kept. Use a database that needs no password, or set up a keyring.": (
        "Auf diesem Computer ist kein Passwortspeicher (Schlüsselbund) verfügbar, daher kann das Passwort der "
        "Datenbank des getrennten Mandanten nicht aufbewahrt werden. Verwenden Sie eine Datenbank ohne Passwort "
        "oder richten Sie einen Schlüsselbund ein."
    ),
    "Only a tenant without data can become separate; move its data first.": (
        "Nur ein Mandant ohne Daten kann getrennt werden; verschieben Sie zuerst seine Daten."
    ),
    "Please choose a tenant with full access.": "Bitte wählen Sie einen Mandanten, auf den Sie Vollzugriff haben.",
    "Please enter where the separate tenant's database lives.": (
        "Bitte geben Sie an, wo die Datenbank des getrennten Mandanten liegt."
    ),
    "Template {number} in the file is damaged; nothing was imported.": (
        "Vorlage {number} in der Datei ist beschädigt; es wurde nichts importiert."
    ),
    "The birthday cannot lie in the future.": "Der Geburtstag kann nicht in der Zukunft liegen.",
    "The newsroom slug {slug} is used by the tenant {name}.": (
        "Das Newsroom-Kürzel {slug} wird bereits vom Mandanten „{name}“ verwendet."
    ),
    "This contact has person-roles in tenants you may not change; it cannot be deleted.": (
        "Dieser Kontakt hat Rollen in Mandanten, die Sie nicht ändern dürfen; er kann nicht gelöscht werden."
    ),
    "This distribution list has members of tenants you may not change; it is read only for you.": (
        "Dieser Verteiler enthält Mitglieder aus Mandanten, die Sie nicht ändern dürfen; Sie können ihn nur lesen."
    ),
    "This tenant has a template named {name} already.": "Dieser Mandant hat bereits eine Vorlage namens „{name}“.",
    "{count} of the chosen person-roles no longer exist or live in another tenant's database.": (
        "{count} der gewählten Rollen gibt es nicht mehr oder sie liegen in der Datenbank eines anderen Mandanten."
    ),
    "{path} is not a template file of this application.": "{path} ist keine Vorlagendatei dieser Anwendung.",
    # ---------------------------------------------------------------- field names
    "city": "Ort",
    "contact type": "Kontaktart",
    "description": "Beschreibung",
    "function": "Funktion",
    "list name": "Name des Verteilers",
    "newsroom name": "Name des Newsrooms",
    "newsroom slug": "Newsroom-Kürzel",
    "organisation": "Organisation",
    "phone": "Telefon",
    "postal code": "Postleitzahl",
    "salutation": "Anrede",
    "street": "Straße",
    "subject": "Betreff",
    "template name": "Name der Vorlage",
    "tenant name": "Name des Mandanten",
    # ---------------------------------------------------------------- access levels and words
    "Full access": "Vollzugriff",
    "Read only": "Nur lesen",
    "Hidden": "Versteckt",
    "Name": "Name",
    "User name": "Benutzername",
    "E-mail": "E-Mail",
    "Access": "Zugriff",
    "Private data": "Private Daten",
    "with private data": "mit privaten Daten",
    "User": "Benutzer",
    "Contacts": "Kontakte",
    "Last name": "Nachname",
    "First name": "Vorname",
    "Salutation": "Anrede",
    "Type": "Art",
    "Phone": "Telefon",
    "Street": "Straße",
    "Postal code": "PLZ",
    "City": "Ort",
    "Birthday": "Geburtstag",
    "Organisation": "Organisation",
    "Function": "Funktion",
    "Members": "Mitglieder",
    "Description": "Beschreibung",
    "Subject": "Betreff",
    "Person-role": "Rolle einer Person",
    "Person-roles": "Rollen",
    "Cancel": "Abbrechen",
    "Save": "Speichern",
    "Open…": "Öffnen…",
    "Export…": "Exportieren…",
    "Import…": "Importieren…",
    "Deactivated": "Deaktiviert",
    "Templates": "Vorlagen",
    "Distribution lists": "Verteiler",
    "Distribution list": "Verteiler",
    "{count} hidden": "{count} versteckt",
    "Read only: you may not change data of this tenant": "Nur lesen: Sie dürfen Daten dieses Mandanten nicht ändern",
    "Read only: you may not change data of this tenant.": "Nur lesen: Sie dürfen Daten dieses Mandanten nicht ändern.",
    # ---------------------------------------------------------------- main window, tenant filter (T9)
    "Leave without saving?": "Ohne Speichern verlassen?",
    "The page {page} has changes that are not saved. Leave it anyway? The changes stay until you save or "
    "discard them there.": (
        "Die Seite {page} hat ungespeicherte Änderungen. Trotzdem verlassen? Die Änderungen bleiben erhalten, bis "
        "Sie sie dort speichern oder verwerfen."
    ),
    "Leave page": "Seite verlassen",
    "All tenants": "Alle Mandanten",
    "Show all tenants": "Alle Mandanten anzeigen",
    "Tenant filter: every page shows all tenants you may see": (
        "Mandantenfilter: Jede Seite zeigt alle Mandanten, die Sie sehen dürfen"
    ),
    "Filter: {name}": "Filter: {name}",
    "Filter: {count} tenants": "Filter: {count} Mandanten",
    "Tenant filter on: only data of {names} is shown": "Mandantenfilter aktiv: Es werden nur Daten von {names} gezeigt",
    # ---------------------------------------------------------------- tenants page (T1-T5)
    "Separate tenant with its own database": "Getrennter Mandant mit eigener Datenbank",
    "May see e-mail, phone, address and birthday of contacts in this tenant": (
        "Darf E-Mail, Telefon, Anschrift und Geburtstag von Kontakten dieses Mandanten sehen"
    ),
    "{count} access changes are not saved yet. Discard them?": (
        "{count} Zugriffsänderungen sind noch nicht gespeichert. Verwerfen?"
    ),
    "Discard unsaved changes?": "Ungespeicherte Änderungen verwerfen?",
    "Discard changes": "Änderungen verwerfen",
    "{count} sub-tenant entries changed.": "{count} Einträge bei Tochtermandanten geändert.",
    "{count} access changes saved.": "{count} Zugriffsänderungen gespeichert.",
    "Delete tenant?": "Mandant löschen?",
    "Delete the tenant {name}? Only a tenant without data can be deleted.": (
        "Den Mandanten „{name}“ löschen? Nur ein Mandant ohne Daten kann gelöscht werden."
    ),
    "Export tenant access": "Mandantenzugriff exportieren",
    "tenant-access.xlsx": "mandantenzugriff.xlsx",
    "Exporting tenant access…": "Mandantenzugriff wird exportiert…",
    "{count} rows exported to {path}.": "{count} Zeilen nach {path} exportiert.",
    "Unsaved changes: {count}": "Ungespeicherte Änderungen: {count}",
    "All changes saved.": "Alle Änderungen sind gespeichert.",
    "No tenant selected": "Kein Mandant ausgewählt",
    "{name} (read only for you)": "{name} (für Sie nur lesbar)",
    "New tenant": "Neuer Mandant",
    "Create a tenant (Ctrl+N)": "Einen Mandanten anlegen (Strg+N)",
    "&New tenant…": "&Neuer Mandant…",
    "New &sub-tenant…": "Neuer &Tochtermandant…",
    "&Properties…": "&Eigenschaften…",
    "Properties…": "Eigenschaften…",
    "Name, main tenant, kind and newsroom of the tenant (F2)": (
        "Name, Hauptmandant, Art und Newsroom des Mandanten (F2)"
    ),
    "&Delete": "&Löschen",
    "Delete the tenant; only possible while it holds no data (Del)": (
        "Den Mandanten löschen; nur möglich, solange er keine Daten enthält (Entf)"
    ),
    "Search users (Ctrl+F)": "Benutzer suchen (Strg+F)",
    "By tenant": "Nach Mandant",
    "By user": "Nach Benutzer",
    "Tenants × users": "Mandanten × Benutzer",
    "Set selected to:": "Auswahl setzen auf:",
    "Private data on": "Private Daten an",
    "Private data off": "Private Daten aus",
    "Apply to sub-tenants": "Auf Tochtermandanten übertragen",
    "Give the selected users the same access on every sub-tenant of this tenant": (
        "Den ausgewählten Benutzern denselben Zugriff auf alle Tochtermandanten dieses Mandanten geben"
    ),
    "Save the access matrix as an Excel file": "Die Zugriffsmatrix als Excel-Datei speichern",
    "Save all access changes (Ctrl+S)": "Alle Zugriffsänderungen speichern (Strg+S)",
    # ---------------------------------------------------------------- tenant dialog (T1, T5, T6, T11)
    "Tenant properties": "Eigenschaften des Mandanten",
    "&Main tenant:": "&Hauptmandant:",
    "&Kind:": "&Art:",
    "News&room name:": "Newsroom-Na&me:",
    "Newsroom &slug:": "Newsroom-&Kürzel:",
    "(none: a main tenant)": "(keiner: ein Hauptmandant)",
    "Inner tenant (data in this database)": "Inner-Mandant (Daten in dieser Datenbank)",
    "Separate tenant (data in its own database)": "Getrennter Mandant (Daten in eigener Datenbank)",
    "A SQLite file or a PostgreSQL / MariaDB database; it is created and set up when you save. The password is "
    "kept only in the system's password store.": (
        "Eine SQLite-Datei oder eine PostgreSQL-/MariaDB-Datenbank; sie wird beim Speichern angelegt und "
        "eingerichtet. Das Passwort liegt nur im Passwortspeicher des Systems."
    ),
    "&Active": "Ak&tiv",
    "e.g. postgresql://mandant@db.example.org/client_x or a file path": (
        "z. B. postgresql://mandant@db.example.org/kunde_x oder ein Dateipfad"
    ),
    "e.g. press-north": "z. B. presse-nord",
    # ---------------------------------------------------------------- contacts page (T7, T8, T10, T12)
    "{count} contacts": "{count} Kontakte",
    "Person-roles of {name}": "Rollen von {name}",
    "New contact": "Neuer Kontakt",
    "Contact": "Kontakt",
    "You have full access to no tenant, so you cannot create contacts.": (
        "Sie haben auf keinen Mandanten Vollzugriff und können daher keine Kontakte anlegen."
    ),
    "You have full access to no tenant.": "Sie haben auf keinen Mandanten Vollzugriff.",
    "Delete contact?": "Kontakt löschen?",
    "Delete {name} with all person-roles? This cannot be undone.": (
        "{name} mit allen Rollen löschen? Das lässt sich nicht rückgängig machen."
    ),
    "Export contacts": "Kontakte exportieren",
    "contacts.xlsx": "kontakte.xlsx",
    "{count} contacts exported.": "{count} Kontakte exportiert.",
    "Delete person-role?": "Rolle löschen?",
    "Delete the role at {organisation}? It also leaves every distribution list.": (
        "Die Rolle bei {organisation} löschen? Sie wird auch aus allen Verteilern entfernt."
    ),
    "Search names and types (Enter)": "Namen und Arten suchen (Eingabe)",
    "Create a contact (Ctrl+N)": "Einen Kontakt anlegen (Strg+N)",
    "Delete the contact (Del)": "Den Kontakt löschen (Entf)",
    "Add role…": "Rolle hinzufügen…",
    "Open role…": "Rolle öffnen…",
    "Delete role": "Rolle löschen",
    "not known": "unbekannt",
    "Hidden: you lack the private-data right for this tenant": (
        "Versteckt: Ihnen fehlt für diesen Mandanten das Recht auf private Daten"
    ),
    "St&reet:": "St&raße:",
    "P&ostal code:": "&PLZ:",
    "&City:": "&Ort:",
    "&Birthday:": "&Geburtstag:",
    "e.g. Press, Politics": "z. B. Presse, Politik",
    "New person-role": "Neue Rolle",
    "&Organisation:": "Or&ganisation:",
    "&Function:": "F&unktion:",
    "Import templates from {file}": "Vorlagen aus {file} importieren",
    "Into &tenant:": "In &Mandant:",
    "When the tenant has a template of the same name:": "Wenn der Mandant schon eine gleichnamige Vorlage hat:",
    "&Skip it": "&Überspringen",
    "Import under a &new name": "Unter &neuem Namen importieren",
    "&Overwrite it": "Über&schreiben",
    "New distribution list": "Neuer Verteiler",
    "&Description:": "&Beschreibung:",
    "&Members:": "&Mitglieder:",
    "Search person-roles": "Rollen suchen",
    "Members of {name}": "Mitglieder von {name}",
    "{count} members hidden": "{count} Mitglieder versteckt",
    "These members belong to tenants you may not see; the list is read only for you.": (
        "Diese Mitglieder gehören zu Mandanten, die Sie nicht sehen dürfen; Sie können den Verteiler nur lesen."
    ),
    "Delete distribution list?": "Verteiler löschen?",
    "Delete the distribution list {name}? The contacts stay.": (
        "Den Verteiler „{name}“ löschen? Die Kontakte bleiben erhalten."
    ),
    "New list": "Neuer Verteiler",
    "Create a distribution list (Ctrl+N)": "Einen Verteiler anlegen (Strg+N)",
    "New template": "Neue Vorlage",
    "Template": "Vorlage",
    "&Subject:": "Be&treff:",
    "&Text:": "Te&xt:",
    "Delete template?": "Vorlage löschen?",
    "Delete the template {name}?": "Die Vorlage „{name}“ löschen?",
    "Export templates": "Vorlagen exportieren",
    "templates.json": "vorlagen.json",
    "{count} templates exported.": "{count} Vorlagen exportiert.",
    "Import templates": "Vorlagen importieren",
    "Templates imported": "Vorlagen importiert",
    "{created} new, {renamed} under a new name, {overwritten} overwritten, {skipped} skipped.": (
        "{created} neu, {renamed} unter neuem Namen, {overwritten} überschrieben, {skipped} übersprungen."
    ),
    "Create a template (Ctrl+N)": "Eine Vorlage anlegen (Strg+N)",
    "Export selected…": "Auswahl exportieren…",
}
# fmt: on

CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    ("objects", "Template"): "Vorlage",
    # &M is taken by "&Mitglieder" and others in these dialogs
    **{(dialog, "&Tenant:"): "Man&dant:" for dialog in ("ContactDialog", "RoleDialog", "ListDialog", "TemplateDialog")},
    ("ContactDialog", "&Salutation:"): "&Anrede:",
    **{(dialog, "&Phone:"): "Tele&fon:" for dialog in ("ContactDialog", "RoleDialog")},
}
