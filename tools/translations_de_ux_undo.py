"""German texts of undo and redo (Edit menu, undo steps, their refusals; issue 9, E7); merged into
tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- the Edit menu (E7)
    "&Undo": "&Rückgängig",
    "&Redo": "&Wiederholen",
    "&Undo: %1": "&Rückgängig: %1",
    "&Redo: %1": "&Wiederholen: %1",
    "Undo: %1": "Rückgängig: %1",
    "Redo: %1": "Wiederholen: %1",
    "Can't undo: %1": "Nicht rückgängig zu machen: %1",
    "Can't undo “%1”: %2": "„%1“ kann nicht rückgängig gemacht werden: %2",
    "Nothing to undo on this page": "Auf dieser Seite gibt es nichts rückgängig zu machen",
    "Nothing to redo on this page": "Auf dieser Seite gibt es nichts zu wiederholen",
    "Undo and redo": "Rückgängig und Wiederholen",
    # ---------------------------------------------------------------- bulk edits on workers (E3)
    "Reactivate users": "Benutzer reaktivieren",
    "Saving…": "Wird gespeichert…",
    "Sending…": "Wird gesendet…",
    "Deactivate customers": "Kunden deaktivieren",
    "Reactivate customers": "Kunden reaktivieren",
    "Done. Press F5 to reload; your unsaved changes on this page are kept until then.": (
        "Erledigt. Zum Neuladen F5 drücken; Ihre nicht gespeicherten Änderungen auf dieser Seite bleiben bis dahin "
        "erhalten."
    ),
    "Writing %1 rows…": "%1 Zeilen werden geschrieben…",
    # ---------------------------------------------------------------- names of undo steps
    "Create tenant “%1”": "Mandant „%1“ anlegen",
    "Change tenant “%1”": "Mandant „%1“ ändern",
    "Delete tenant “%1”": "Mandant „%1“ löschen",
    "Change tenants (%2)": "Mandanten ändern (%2)",
    "Create customer “%1”": "Kunde „%1“ anlegen",
    "Change customer “%1”": "Kunde „%1“ ändern",
    "Delete customer “%1”": "Kunde „%1“ löschen",
    "Change customers (%2)": "Kunden ändern (%2)",
    "Create role “%1”": "Rolle „%1“ anlegen",
    "Change role “%1”": "Rolle „%1“ ändern",
    "Delete role “%1”": "Rolle „%1“ löschen",
    "Change roles (%2)": "Rollen ändern (%2)",
    "Create rights group “%1”": "Rechte-Gruppe „%1“ anlegen",
    "Change rights group “%1”": "Rechte-Gruppe „%1“ ändern",
    "Delete rights group “%1”": "Rechte-Gruppe „%1“ löschen",
    "Change rights groups (%2)": "Rechte-Gruppen ändern (%2)",
    "Create user “%1”": "Benutzer „%1“ anlegen",
    "Change user “%1”": "Benutzer „%1“ ändern",
    "Delete user “%1”": "Benutzer „%1“ löschen",
    "Change users (%2)": "Benutzer ändern (%2)",
    "Create distribution list “%1”": "Verteiler „%1“ anlegen",
    "Change distribution list “%1”": "Verteiler „%1“ ändern",
    "Delete distribution list “%1”": "Verteiler „%1“ löschen",
    "Change distribution lists (%2)": "Verteiler ändern (%2)",
    "Create template “%1”": "Vorlage „%1“ anlegen",
    "Change template “%1”": "Vorlage „%1“ ändern",
    "Delete template “%1”": "Vorlage „%1“ löschen",
    "Change templates (%2)": "Vorlagen ändern (%2)",
    "Create contact “%1”": "Kontaktperson „%1“ anlegen",
    "Change contact “%1”": "Kontaktperson „%1“ ändern",
    "Delete contact “%1”": "Kontaktperson „%1“ löschen",
    "Change contacts (%2)": "Kontaktpersonen ändern (%2)",
    "Create person-role “%1”": "Rolle einer Person „%1“ anlegen",
    "Change person-role “%1”": "Rolle einer Person „%1“ ändern",
    "Delete person-role “%1”": "Rolle einer Person „%1“ löschen",
    "Change person-roles (%2)": "Rollen von Personen ändern (%2)",
    "Change settings": "Einstellungen ändern",
    "Change access rights (%2)": "Zugriffsrechte ändern (%2)",
    "Assign contact persons (%2)": "Ansprechpartner zuordnen (%2)",
    "Remove contact persons (%2)": "Ansprechpartner entfernen (%2)",
    "Change contact persons (%2)": "Ansprechpartner ändern (%2)",
    "Add members (%2)": "Mitglieder hinzufügen (%2)",
    "Change members (%2)": "Mitglieder ändern (%2)",
    "Remove members (%2)": "Mitglieder entfernen (%2)",
    "Activate or deactivate users (%2)": "Benutzer aktivieren oder deaktivieren (%2)",
    "Deactivate customers (%2)": "Kunden deaktivieren (%2)",
    "Reactivate customers (%2)": "Kunden reaktivieren (%2)",
    "Change the permissions of role “%1”": "Berechtigungen der Rolle „%1“ ändern",
    "Restore the defaults of role “%1”": "Standard der Rolle „%1“ wiederherstellen",
    "Change the permissions of rights group “%1”": "Berechtigungen der Rechte-Gruppe „%1“ ändern",
    "Send activation links (%2)": "Aktivierungslinks senden (%2)",
    "Change the mail settings": "E-Mail-Einstellungen ändern",
    "Change the rights-group name pattern": "Namensmuster der Rechte-Gruppen ändern",
    "Import templates (%2)": "Vorlagen importieren (%2)",
    "Change (%2 rows)": "Änderung (%2 Zeilen)",
    "Import from Excel": "Import aus Excel",
    # ---------------------------------------------------------------- why a step cannot be undone
    "It changed many rows at once, which cannot be taken back row by row.": (
        "Sie hat viele Zeilen auf einmal geändert; das lässt sich nicht Zeile für Zeile zurücknehmen."
    ),
    "A password cannot be changed back.": "Ein Passwort lässt sich nicht zurücksetzen.",
    "A sent mail cannot be called back.": "Eine versendete E-Mail lässt sich nicht zurückholen.",
    # ---------------------------------------------------------------- refused undo (S4)
    "This change cannot be undone.": "Diese Änderung kann nicht rückgängig gemacht werden.",
    "Cannot undo: {who} changed this {object} at {when}, after your change. Nothing was changed.": (
        "Rückgängig nicht möglich: {who} hat dieses Objekt ({object}) am {when} nach Ihrer Änderung geändert. Es "
        "wurde nichts geändert."
    ),
    "Cannot undo: this {object} was deleted on another workstation in the meantime. Nothing was changed.": (
        "Rückgängig nicht möglich: Dieses Objekt ({object}) wurde inzwischen an einem anderen Arbeitsplatz "
        "gelöscht. Es wurde nichts geändert."
    ),
    "Cannot undo: this {object} was changed on another workstation after your change. Nothing was changed.": (
        "Rückgängig nicht möglich: Dieses Objekt ({object}) wurde nach Ihrer Änderung an einem anderen Arbeitsplatz "
        "geändert. Es wurde nichts geändert."
    ),
    "Cannot undo: this {object} exists again; it was created on another workstation in the meantime. "
    "Nothing was changed.": (
        "Rückgängig nicht möglich: Dieses Objekt ({object}) existiert wieder; es wurde inzwischen an einem anderen "
        "Arbeitsplatz angelegt. Es wurde nichts geändert."
    ),
    "Cannot undo: data was added to this {object} afterwards. Nothing was changed.": (
        "Rückgängig nicht möglich: Zu diesem Objekt ({object}) wurden inzwischen Daten hinzugefügt. Es wurde nichts "
        "geändert."
    ),
    "Cannot undo: the data it would bring back clashes with data saved since (a name or number is taken again, "
    "or something it belongs to is gone). Nothing was changed.": (
        "Rückgängig nicht möglich: die zurückgeholten Daten passen nicht zu inzwischen gespeicherten (ein Name oder "
        "eine Nummer ist wieder vergeben, oder etwas, zu dem sie gehören, ist nicht mehr da). Es wurde nichts "
        "geändert."
    ),
}
