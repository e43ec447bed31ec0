"""German texts of the role deletion and the member search run on workers (branch gui-workers2);
merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- roles page (R1, S5)
    "Deleting the role %1 …": "Die Rolle „%1“ wird gelöscht …",
}
# fmt: on
