"""German texts of the screens review (merged into tools/translations_de.py; same rules as there).

A text with a count (``tr(text, None, n)``, ``%Ln`` in the English) has a pair here: German singular
and plural, so that the screen says "1 Organisationseinheit" and "5.000 Organisationseinheiten"
rather than "Organisationseinheit(en)". ``%Ln`` writes the count with the thousands separator."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # the assignments' and org units' export menus are called as on every other page
    "E&xport": "E&xportieren",
    "Expor&t": "E&xportieren",
    # counts: (one, several)
    "%Ln mail(s)": ("%Ln E-Mail", "%Ln E-Mails"),
    "%Ln mail(s) sent.": ("%Ln E-Mail versandt.", "%Ln E-Mails versandt."),
    "%Ln org unit(s)": ("%Ln Organisationseinheit", "%Ln Organisationseinheiten"),
    "%Ln org unit(s) shown.": ("%Ln Organisationseinheit angezeigt.", "%Ln Organisationseinheiten angezeigt."),
    "%Ln permission(s)": ("%Ln Berechtigung", "%Ln Berechtigungen"),
    "%1 (%Ln permission(s))": ("%1 (%Ln Berechtigung)", "%1 (%Ln Berechtigungen)"),
    "%Ln role assignment(s) in it are removed.": (
        "%Ln Rollenzuweisung darin wird entfernt.", "%Ln Rollenzuweisungen darin werden entfernt."
    ),
    "%Ln role assignment(s) in the deleted units are removed.": (
        "%Ln Rollenzuweisung in den gelöschten Einheiten wird entfernt.",
        "%Ln Rollenzuweisungen in den gelöschten Einheiten werden entfernt.",
    ),
    "%Ln role(s)": ("%Ln Rolle", "%Ln Rollen"),
    "%Ln row(s) written to %1.": ("%Ln Zeile nach %1 geschrieben.", "%Ln Zeilen nach %1 geschrieben."),
    "%Ln unit(s)": ("%Ln Einheit", "%Ln Einheiten"),
    "%Ln user(s)": ("%Ln Benutzer", "%Ln Benutzer"),
    "%Ln user(s) deactivated.": ("%Ln Benutzer deaktiviert.", "%Ln Benutzer deaktiviert."),
    "%Ln user(s) reactivated.": ("%Ln Benutzer reaktiviert.", "%Ln Benutzer reaktiviert."),
    "Adds %Ln assignment(s).": ("Fügt %Ln Zuweisung hinzu.", "Fügt %Ln Zuweisungen hinzu."),
    "Already present: %Ln.": ("Bereits vorhanden: %Ln.", "Bereits vorhanden: %Ln."),
    "Bulk edit: %Ln assignment(s) added": (
        "Massenbearbeitung: %Ln Zuweisung hinzugefügt", "Massenbearbeitung: %Ln Zuweisungen hinzugefügt"
    ),
    "Bulk edit: %Ln assignment(s) removed": (
        "Massenbearbeitung: %Ln Zuweisung entfernt", "Massenbearbeitung: %Ln Zuweisungen entfernt"
    ),
    "Deactivate %Ln user(s)? They can no longer log in: %1": (
        "%Ln Benutzer deaktivieren? Er kann sich dann nicht mehr anmelden: %1",
        "%Ln Benutzer deaktivieren? Sie können sich dann nicht mehr anmelden: %1",
    ),
    "Delete &them too (%Ln unit(s) in all)": (
        "Eben&falls löschen (insgesamt %Ln Einheit)", "Eben&falls löschen (insgesamt %Ln Einheiten)"
    ),
    "%1 has %Ln direct child unit(s). What should happen to them?": (
        "„%1“ hat %Ln direkte untergeordnete Einheit. Was soll mit ihr geschehen?",
        "„%1“ hat %Ln direkte untergeordnete Einheiten. Was soll mit ihnen geschehen?",
    ),
    "Left alone because inherited (change on the org units page): %Ln.": (
        "Unverändert, weil geerbt (Änderung auf der Seite Organisationseinheiten): %Ln.",
        "Unverändert, weil geerbt (Änderung auf der Seite Organisationseinheiten): %Ln.",
    ),
    "New activation link(s) for %Ln user(s).": (
        "Neuer Aktivierungslink für %Ln Benutzer.", "Neue Aktivierungslinks für %Ln Benutzer."
    ),
    "Not present: %Ln.": ("Nicht vorhanden: %Ln.", "Nicht vorhanden: %Ln."),
    "Removes %Ln assignment(s).": ("Entfernt %Ln Zuweisung.", "Entfernt %Ln Zuweisungen."),
    "Role deleted with %Ln assignment(s).": (
        "Rolle mit %Ln Zuweisung gelöscht.", "Rolle mit %Ln Zuweisungen gelöscht."
    ),
    "Send a new activation link to %Ln user(s)? Their previous links stop working.": (
        "Einen neuen Aktivierungslink an %Ln Benutzer senden? Der bisherige Link wird ungültig.",
        "Einen neuen Aktivierungslink an %Ln Benutzer senden? Die bisherigen Links werden ungültig.",
    ),
    "… and %Ln more (inherited ones included)": (
        "… und %Ln weitere (geerbte eingeschlossen)", "… und %Ln weitere (geerbte eingeschlossen)"
    ),
}

CONTEXT_TRANSLATIONS: dict[tuple[str, str], str | tuple[str, str]] = {
}

# the audit log's entry of the demo data: its kind, summary and fields (the tables it filled)
TRANSLATIONS.update({
    "Size": "Umfang",
    "Seed": "Startwert",
    "Tenant accesses": "Mandantenzugriffe",
    "Activation links": "Aktivierungslinks",
    "Inheriting units": "Vererbende Einheiten",
    "Rights groups": "Rechte-Gruppen",
    "Rights group permissions": "Berechtigungen der Rechte-Gruppen",
    "Rights group members": "Mitglieder der Rechte-Gruppen",
    "Contact persons of customers": "Ansprechpartner der Kunden",
    "Person roles": "Rollen von Personen",
    "Distribution list members": "Mitglieder der Verteiler",
    "Audit entries": "Protokolleinträge",
    "Mails": "E-Mails",
    "demo data generated": "Demodaten erzeugt",
    "defaults restored": "Standard wiederhergestellt",
    "all members of the deleted group": "alle Mitglieder der gelöschten Gruppe",
})
CONTEXT_TRANSLATIONS.update({
    ("objects", "DemoData"): "Demodaten",
})

TRANSLATIONS.update({
    "Choose a user on the left to see their access to every tenant.": (
        "Wählen Sie links einen Benutzer, um seinen Zugriff auf alle Mandanten zu sehen."
    ),
})
