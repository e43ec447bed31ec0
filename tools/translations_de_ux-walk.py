"""German texts of the administrator's walk through the pages (E2: Ctrl+C on every list, context
menus and keys of the contacts and outbox pages, status-bar feedback); merged into
tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- Ctrl+C on every list
    "Copy &with column titles": "&Mit Spaltenüberschriften kopieren",
    "Copy the selected rows as tab-separated text (Ctrl+C)": (
        "Die ausgewählten Zeilen als tabulatorgetrennten Text kopieren (Strg+C)"
    ),
    "Copy the selected rows with the column titles as the first line (Ctrl+Shift+C)": (
        "Die ausgewählten Zeilen mit den Spaltenüberschriften als erster Zeile kopieren (Strg+Umschalt+C)"
    ),
    "More than %1 rows are selected; use Export for that many.": (
        "Mehr als %1 Zeilen sind ausgewählt; nutzen Sie für so viele „Exportieren“."
    ),
    "Nothing is selected to copy.": "Es ist nichts zum Kopieren ausgewählt.",
    "Put the cursor into a list first, then copy its selected rows.": (
        "Setzen Sie den Cursor zuerst in eine Liste; dann werden deren ausgewählte Zeilen kopiert."
    ),
    "Rows copied to the clipboard: %1.": "In die Zwischenablage kopierte Zeilen: %1.",
    # ---------------------------------------------------------------- contacts page: status after a change
    "Person-role at %1 deleted.": "Rolle bei %1 gelöscht.",
    # ---------------------------------------------------------------- context menus: copy, outbox
    "Cop&y rows": "Zeilen &kopieren",
    "Copy &mail text": "&E-Mail-Text kopieren",
    "The mail is on the clipboard.": "Die E-Mail ist in der Zwischenablage.",
    "Customers reactivated: %1.": "Reaktivierte Kunden: %1.",
}
