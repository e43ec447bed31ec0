"""German texts of the pages that load on workers at scale (issue 8: the role assignment grid and
the tenants page); merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    "Loading org units, users and their roles…": "Organisationseinheiten, Benutzer und ihre Rollen werden geladen…",
    "Press F5 to try again.": "Zum erneuten Versuch F5 drücken.",
    "Loading tenants and their access…": "Mandanten und Zugriffe werden geladen…",
}
