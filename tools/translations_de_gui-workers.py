"""German texts of the roles page's delete question prepared on a worker, the audit log's failed
loads and the rights group read on a worker (branch gui-workers); merged into
tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- roles page (R1, S5)
    "Checking who holds the role …": "Es wird geprüft, wer die Rolle hat …",
    # ---------------------------------------------------------------- audit log (S3, S5)
    "The entries could not be sorted by “%1”. They stay sorted by “%2”; F5 tries again.": (
        "Die Einträge konnten nicht nach „%1“ sortiert werden. Sie bleiben nach „%2“ sortiert; "
        "F5 versucht es erneut."
    ),
    "The entries could not be loaded. The list shows the previous result; F5 tries again.": (
        "Die Einträge konnten nicht geladen werden. Die Liste zeigt weiter das vorige Ergebnis; "
        "F5 versucht es erneut."
    ),
    # ---------------------------------------------------------------- rights groups (C4, C8, S5)
    "The rights group could not be read. F5 tries again.": (
        "Die Rechte-Gruppe konnte nicht gelesen werden. F5 versucht es erneut."
    ),
}
# fmt: on
