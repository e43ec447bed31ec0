"""German vocabulary for demo data: people, places, companies, media, org units.

Demo data is what a prospective customer sees first, so it should read like a real German
back office: names with umlauts, firms with their legal forms, press contacts at real-sounding
newspapers. All e-mail domains end in ``.example`` (RFC 2606), so an activation mail sent from a
demo database can never reach a real person.
"""

from __future__ import annotations

# fmt: off

FIRST_NAMES_F: tuple[str, ...] = (
    "Anna", "Mia", "Emma", "Hannah", "Sophie", "Lea", "Marie", "Lena", "Laura", "Julia", "Katharina", "Sabine",
    "Petra", "Claudia", "Andrea", "Susanne", "Birgit", "Monika", "Ute", "Christine", "Stefanie", "Nicole", "Sandra",
    "Melanie", "Jessica", "Franziska", "Johanna", "Charlotte", "Greta", "Frieda", "Ida", "Jana", "Miriam", "Nadine",
    "Tanja", "Heike", "Anne-Marie", "Bärbel", "Ilse", "Renate", "Gisela", "Dörte", "Elif", "Zeynep", "Agnieszka",
)

FIRST_NAMES_M: tuple[str, ...] = (
    "Lukas", "Jonas", "Leon", "Finn", "Paul", "Felix", "Maximilian", "Elias", "Ben", "Noah", "Thomas", "Michael",
    "Andreas", "Stefan", "Christian", "Markus", "Frank", "Jürgen", "Uwe", "Klaus", "Wolfgang", "Peter", "Matthias",
    "Sebastian", "Tobias", "Florian", "Daniel", "Alexander", "Jan", "Tim", "Niklas", "Moritz", "Henrik", "Jörg",
    "Björn", "Sören", "Götz", "Ralf", "Dirk", "Holger", "Günther", "Emre", "Mehmet", "Piotr", "Konstantin",
)

LAST_NAMES: tuple[str, ...] = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
    "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid",
    "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters",
    "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther",
    "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon",
    "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer",
    "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn",
    "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer",
    "Yılmaz", "Kaya", "Nowak", "Kowalski", "Öztürk", "Dąbrowski", "Papadopoulos",
)

CITIES: tuple[str, ...] = (
    "Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig", "Dortmund",
    "Essen", "Bremen", "Dresden", "Hannover", "Nürnberg", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn",
    "Münster", "Mannheim", "Karlsruhe", "Augsburg", "Wiesbaden", "Mönchengladbach", "Gelsenkirchen", "Aachen",
    "Braunschweig", "Kiel", "Chemnitz", "Halle (Saale)", "Magdeburg", "Freiburg im Breisgau", "Krefeld", "Mainz",
    "Lübeck", "Erfurt", "Oberhausen", "Rostock", "Kassel", "Hagen", "Potsdam", "Saarbrücken", "Hamm", "Ludwigshafen",
    "Oldenburg", "Osnabrück", "Leverkusen", "Heidelberg", "Darmstadt", "Solingen", "Regensburg", "Paderborn",
    "Ingolstadt", "Würzburg", "Wolfsburg", "Ulm", "Heilbronn", "Göttingen", "Pforzheim", "Offenbach am Main",
    "Bottrop", "Trier", "Recklinghausen", "Reutlingen", "Jena", "Koblenz", "Bergisch Gladbach", "Erlangen",
    "Remscheid", "Moers", "Siegen", "Hildesheim", "Salzgitter", "Cottbus", "Kaiserslautern", "Gütersloh", "Schwerin",
    "Witten", "Esslingen", "Ludwigsburg", "Tübingen", "Flensburg", "Konstanz", "Villingen-Schwenningen", "Gießen",
    "Marburg", "Lüneburg", "Bamberg", "Bayreuth", "Passau", "Görlitz", "Weimar", "Fulda",
)

STREETS: tuple[str, ...] = (
    "Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenstraße", "Dorfstraße", "Bergstraße", "Kirchstraße",
    "Lindenstraße", "Waldstraße", "Ringstraße", "Goethestraße", "Schillerstraße", "Am Markt", "Mühlenweg",
    "Industriestraße", "Rathausplatz", "Friedrichstraße", "Königsallee", "Marktplatz", "Wiesenweg", "Birkenweg",
    "Poststraße", "Mozartstraße", "Uferstraße",
)

REGIONS: tuple[str, ...] = (
    "Nord", "Süd", "West", "Ost", "Mitte", "Nordost", "Südwest", "Rhein-Main", "Ruhr",
)

#: what a firm does, as it appears in its name ("Druckerei Müller GmbH")
TRADES: tuple[str, ...] = (
    "Druckerei", "Verlag", "Bäckerei", "Autohaus", "Brauerei", "Metzgerei", "Tischlerei", "Gärtnerei", "Reisebüro",
    "Werbeagentur", "Steuerkanzlei", "Zahnarztpraxis", "Apotheke", "Buchhandlung", "Weingut", "Elektro", "Sanitär",
    "Malerbetrieb", "Optik", "Hotel", "Spedition", "Kanzlei", "Architekturbüro", "Ingenieurbüro", "Möbelhaus",
    "Modehaus", "Immobilien", "Versicherungsbüro", "Fahrschule", "Konditorei",
)

LEGAL_FORMS: tuple[str, ...] = (
    "GmbH", "GmbH & Co. KG", "KG", "AG", "e.K.", "OHG", "UG (haftungsbeschränkt)", "e.V.",
)

#: public institutions and municipal utilities, named after a city
CITY_INSTITUTIONS: tuple[str, ...] = (
    "Stadtwerke", "Stadtsparkasse", "Volksbank", "Stadtverwaltung", "Klinikum", "Verkehrsbetriebe", "Theater",
    "Universität", "Handwerkskammer", "IHK", "Messe", "Zoo",
)

INSTITUTION_ABBREVIATIONS: dict[str, str] = {
    "Stadtwerke": "SW", "Stadtsparkasse": "SSK", "Volksbank": "VB", "Stadtverwaltung": "Stadt", "Klinikum": "KLI",
    "Verkehrsbetriebe": "VB", "Theater": "Theater", "Universität": "Uni", "Handwerkskammer": "HWK", "IHK": "IHK",
    "Messe": "Messe", "Zoo": "Zoo",
}

#: agencies that order print jobs for their clients (SPEC C9, C11)
AGENCY_WORDS: tuple[str, ...] = (
    "Werbeagentur", "Kommunikationsagentur", "Designbüro", "Mediaagentur", "PR-Agentur", "Kreativstudio",
)

MEDIA: tuple[str, ...] = (
    "Süddeutsche Zeitung", "Frankfurter Allgemeine", "Handelsblatt", "Die Zeit", "Der Spiegel", "Stern",
    "Hamburger Abendblatt", "Berliner Morgenpost", "Rheinische Post", "Stuttgarter Zeitung", "Kölner Stadt-Anzeiger",
    "Westdeutsche Allgemeine", "Leipziger Volkszeitung", "Sächsische Zeitung", "Badische Zeitung",
    "Rhein-Neckar-Zeitung", "Mannheimer Morgen", "Nürnberger Nachrichten", "Weser-Kurier", "Deutschlandfunk",
    "NDR Info", "SWR Aktuell", "BR24", "WDR 5", "Druck & Medien", "Deutscher Drucker", "W&V", "Horizont", "t3n",
    "Wirtschaftswoche",
)

PRESS_FUNCTIONS: tuple[str, ...] = (
    "Redakteurin", "Redakteur", "Ressortleitung Wirtschaft", "Ressortleitung Lokales", "Chefredaktion",
    "Freie Journalistin", "Freier Journalist", "Volontärin", "Volontär", "Korrespondent", "Chefin vom Dienst",
    "Chef vom Dienst", "Moderatorin", "Fotograf",
)

POLITICAL_FUNCTIONS: tuple[tuple[str, str], ...] = (
    ("Landtag", "Abgeordnete"),
    ("Wahlkreisbüro", "Abgeordneter"),
    ("Ausschuss für Wirtschaft", "Mitglied"),
    ("Stadtrat", "Stadträtin"),
)

CUSTOMER_CONTACT_TYPES: tuple[str, ...] = (
    "Geschäftsführung", "Einkauf", "Marketing", "Buchhaltung", "Produktion", "Vertrieb",
)

SALUTATIONS_F = "Frau"
SALUTATIONS_M = "Herr"

#: top level below the root: business areas
DIVISIONS: tuple[str, ...] = (
    "Vertrieb", "Marketing", "Kommunikation", "Produktion", "Verwaltung", "Personal", "Finanzen", "IT", "Einkauf",
    "Logistik", "Forschung und Entwicklung", "Kundenservice", "Recht und Compliance", "Qualitätsmanagement",
    "Unternehmensentwicklung", "Datenschutz",
)

#: second level: departments, regional or functional
DEPARTMENTS: tuple[str, ...] = (
    *REGIONS,
    "Buchhaltung",
    "Controlling",
    "Innendienst",
    "Außendienst",
    "Presse",
    "Online",
    "Print",
    "Veranstaltungen",
    "Druckvorstufe",
    "Weiterverarbeitung",
    "Versand",
    "Service",
    "Support",
    "Infrastruktur",
    "Anwendungen",
    "Ausbildung",
)

#: from the third level down: teams, groups, projects
TEAM_WORDS: tuple[str, ...] = (
    "Team", "Gruppe", "Projekt", "Arbeitskreis", "Stab", "Referat", "Sachgebiet",
)

TEAM_NAMES: tuple[str, ...] = (
    "Alpha", "Beta", "Gamma", "Delta", "Nordlicht", "Elbe", "Rhein", "Main", "Isar", "Spree", "Neckar", "Weser",
    "Donau", "Havel", "Mosel", "Ems", "Saale", "Lahn", "Fulda", "Ruhr",
)

#: hand-picked tenants for the small demo: teams, subsidiaries and agency clients (SPEC T1, T5)
SMALL_TENANTS: tuple[tuple[str, str | None], ...] = (
    ("Konzernkommunikation", None),
    ("Redaktion Nord", None),
    ("Redaktion Süd", None),
    ("Tochter GmbH Süd", None),
    ("Tochter GmbH Süd – Niederlassung München", "Tochter GmbH Süd"),
    ("Kunde: Stadtwerke Heidelberg", None),
    ("Kunde: Brauerei Rothaus", None),
    ("Landesgesellschaft Österreich", None),
)

TENANT_PATTERNS: tuple[str, ...] = (
    "Redaktion {region}", "Tochter GmbH {region}", "Niederlassung {city}", "Kunde: Stadtwerke {city}",
    "Kunde: {trade} {last}", "Landesgesellschaft {country}", "Team {team}", "Geschäftsstelle {city}",
)

COUNTRIES: tuple[str, ...] = (
    "Österreich", "Schweiz", "Polen", "Tschechien", "Niederlande", "Belgien", "Frankreich", "Dänemark", "Italien",
    "Spanien", "Ungarn", "Slowenien",
)

DISTRIBUTION_LIST_NAMES: tuple[str, ...] = (
    "Presseverteiler Wirtschaft", "Fachpresse Druck und Medien", "Lokalredaktionen", "Hörfunk und TV",
    "Newsletter Kunden", "Politik und Verbände", "Messeeinladungen", "Jahrespressekonferenz", "Produktneuheiten",
    "Krisenkommunikation", "Online-Medien", "Agenturpartner",
)

TEMPLATES: tuple[tuple[str, str, str], ...] = (
    (
        "Pressemitteilung Standard",
        "Pressemitteilung: {thema}",
        "Sehr geehrte Damen und Herren,\n\nanbei erhalten Sie unsere aktuelle Pressemitteilung.\n\n"
        "Mit freundlichen Grüßen\nIhre Pressestelle",
    ),
    (
        "Einladung Pressekonferenz",
        "Einladung zur Pressekonferenz am {datum}",
        "Sehr geehrte Damen und Herren,\n\nwir laden Sie herzlich zu unserer Pressekonferenz ein.\n\n"
        "Um Anmeldung bis eine Woche vorher wird gebeten.",
    ),
    (
        "Newsletter monatlich",
        "Neuigkeiten aus dem {monat}",
        "Liebe Leserinnen und Leser,\n\nhier sind die Neuigkeiten dieses Monats.",
    ),
    (
        "Kundeninformation Wartung",
        "Wartungsarbeiten am Kundenportal",
        "Sehr geehrte Kundin, sehr geehrter Kunde,\n\nam kommenden Wochenende ist das Portal wegen "
        "Wartungsarbeiten nicht erreichbar.",
    ),
    (
        "Druckfreigabe angefordert",
        "Bitte geben Sie Auftrag {auftrag} frei",
        "Guten Tag,\n\nder Proof zu Ihrem Auftrag liegt im Portal zur Freigabe bereit.",
    ),
)

#: extra rights groups that give some external users more than their customer group (SPEC C5)
CUSTOM_RIGHTS_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Freigabeberechtigte", "Externe Benutzer, die Proofs freigeben dürfen.", ("portal.approve_proofs",)),
    ("Rechnungsempfänger", "Externe Benutzer, die Rechnungen einsehen.", ("portal.view_invoices",)),
)

_TRANSLITERATION = str.maketrans(
    {
        "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ı": "i", "ą": "a", "ę": "e",
        "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z", " ": "-", "&": "und", "(": "", ")": "", ".": "",
        ":": "", "'": "", "–": "-",
    }
)

# fmt: on


def ascii_slug(text: str) -> str:
    """``"Anne-Marie Müller"`` → ``"anne-marie-mueller"``: for user names, e-mail addresses, slugs."""
    slug = text.translate(_TRANSLITERATION).lower()
    slug = "".join(ch for ch in slug if ch.isascii() and (ch.isalnum() or ch in "-."))
    while "--" in slug:
        slug = slug.replace("--", "-")
    return slug.strip("-.")
