"""German texts of the keyboard, help and language work (issue 9: E1, E2, Help); merged into
tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- keys every page answers (E2)
    "There is nothing to create on this page.": "Auf dieser Seite lässt sich nichts neu anlegen.",
    "There is nothing to delete here. Select a row in a list first.": (
        "Hier gibt es nichts zu löschen. Wählen Sie zuerst eine Zeile in einer Liste."
    ),
    "There is no form to save on this page; changes here are saved at once.": (
        "Auf dieser Seite gibt es kein Formular zum Speichern; Änderungen hier werden sofort gespeichert."
    ),
    "You may not change these settings.": "Sie dürfen diese Einstellungen nicht ändern.",
    "Put the cursor into the e-mail or the naming settings to save them with Ctrl+S.": (
        "Setzen Sie den Cursor in die E-Mail- oder die Benennungseinstellungen, um sie mit Strg+S zu speichern."
    ),
    # ---------------------------------------------------------------- Help menu
    "&What's This?": "&Direkthilfe",
    "Click a control to read what it does (Shift+F1)": (
        "Klicken Sie auf ein Bedienelement, um zu lesen, was es tut (Umschalt+F1)"
    ),
}
