"""German texts of the tenants page that loads each view's access when it is shown (issue 8,
`startup`); merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    "Loading access…": "Zugriffe werden geladen…",
}
