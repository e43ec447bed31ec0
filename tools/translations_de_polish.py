"""German texts of the demo data's progress (context "demo": mandant-desktop --demo shows them while
it fills an empty database), and the code of the mails' language (context "mails": the outbox
stores it with each mail, domain/mail_texts.py); merged into tools/translations_de.py (same rules
as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    "Demo data": "Demodaten",
    "Preparing demo data": "Demodaten werden vorbereitet",
    "Saving": "Wird gespeichert",
    "Building indexes": "Indizes werden aufgebaut",
    "Creating tenants": "Mandanten werden angelegt",
    "Creating org units": "Organisationseinheiten werden angelegt",
    "Creating users": "Benutzer werden angelegt",
    "Creating activation links": "Aktivierungslinks werden erstellt",
    "Granting tenant access": "Mandantenzugriffe werden vergeben",
    "Assigning roles": "Rollen werden zugewiesen",
    "Setting up role inheritance": "Die Vererbung der Rollen wird eingerichtet",
    "Creating customers": "Kunden werden angelegt",
    "Creating rights groups": "Rechte-Gruppen werden angelegt",
    "Granting portal rights": "Portalrechte werden vergeben",
    "Creating contacts": "Kontakte werden angelegt",
    "Creating person roles": "Rollen der Personen werden angelegt",
    "Filling rights groups": "Rechte-Gruppen werden gefüllt",
    "Assigning contact persons": "Ansprechpartner werden zugeordnet",
    "Creating distribution lists": "Verteiler werden angelegt",
    "Filling distribution lists": "Verteiler werden gefüllt",
    "Creating templates": "Vorlagen werden angelegt",
    "Writing the change history": "Das Änderungsprotokoll wird geschrieben",
    "Filling the outbox": "Der Postausgang wird gefüllt",
}

CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    # not a word: the code of the language the mails are written in (domain.mail_texts.MAIL_LANGUAGE)
    ("mails", "en"): "de",
}
