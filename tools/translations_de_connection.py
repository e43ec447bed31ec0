"""German texts of the connection area (work off the GUI thread, connection loss, live refresh,
row-level security); merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- live refresh (E8)
    "Changed on another workstation — press F5 to reload. Your unsaved changes on this page are kept until then.": (
        "An einem anderen Arbeitsplatz geändert – zum Neuladen F5 drücken. Ihre nicht gespeicherten Änderungen "
        "auf dieser Seite bleiben bis dahin erhalten."
    ),
    # ---------------------------------------------------------------- connection loss (S5)
    "Connection to the database lost — not saved. What you typed is kept; the program reconnects by itself as "
    "soon as the database answers again.": (
        "Verbindung zur Datenbank unterbrochen – nicht gespeichert. Ihre Eingaben bleiben erhalten; das Programm "
        "verbindet sich von selbst wieder, sobald die Datenbank wieder antwortet."
    ),
    "The connection is back. Press F5 to reload; your unsaved changes are kept until then.": (
        "Die Verbindung ist wieder da. Zum Neuladen F5 drücken; Ihre nicht gespeicherten Änderungen bleiben bis "
        "dahin erhalten."
    ),
    # ---------------------------------------------------------------- work off the GUI thread (S5)
    "Working…": "Wird bearbeitet…",
    "Opening the database…": "Die Datenbank wird geöffnet…",
    "The database is working on a request; the window stays usable.": (
        "Die Datenbank bearbeitet eine Anfrage; das Fenster bleibt bedienbar."
    ),
    # ---------------------------------------------------------------- row-level security (S1)
    "The database refused this change: you lack the rights for it.": (
        "Die Datenbank hat diese Änderung abgelehnt: Ihnen fehlen die Rechte dafür."
    ),
    # ---------------------------------------------------------------- issue 7e: loads on a worker (S5)
    "Customers: searching…": "Kunden: Suche läuft…",
}
# fmt: on
