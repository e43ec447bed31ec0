"""German texts of the roles page's delete question prepared on a worker and the audit log's
failed loads (branch gui-workers); merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- roles page (R1, S5)
    "Checking who holds the role …": "Es wird geprüft, wer die Rolle hat …",
}
# fmt: on
