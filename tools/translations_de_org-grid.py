"""German texts of the role assignment grid whose cells load on a worker (issue 8, branch org-grid);
merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    "Loading the roles…": "Die Rollen werden geladen…",
    "The roles of this cell are still loading.": "Die Rollen dieser Zelle werden noch geladen.",
}
