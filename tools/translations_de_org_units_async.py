"""German texts of the org units page's steps on workers (issue 4c); merged into
tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    "Deleting %1…": "„%1“ wird gelöscht…",
}
# fmt: on
