"""German texts of issue 4's last gaps: undo of adding, renaming and deleting org units, "expand
all" on the org units page; merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- undo of the tree's changes (E7)
    "Add %1": "%1 hinzufügen",
    "Rename %1 to %2": "%1 in %2 umbenennen",
    "Delete %1": "%1 löschen",
    "Someone else renamed this org unit to {name} in the meantime, so it keeps that name.": (
        "Jemand anderes hat diese Organisationseinheit inzwischen in {name} umbenannt; sie behält diesen Namen."
    ),
    "The org unit it belonged to no longer exists, so it cannot be restored. Reload the page.": (
        "Die übergeordnete Organisationseinheit gibt es nicht mehr, daher kann diese nicht wiederhergestellt "
        "werden. Laden Sie die Seite neu."
    ),
    "{name} has child units now, added in the meantime, so undo does not delete it. Delete it yourself "
    "if it should go.": (
        "{name} hat inzwischen untergeordnete Einheiten bekommen, daher löscht Rückgängig sie nicht. Löschen "
        "Sie sie selbst, wenn sie weg soll."
    ),
    # ---------------------------------------------------------------- expand all (section 8)
    "Ex&pand all": "Alle auf&klappen",
    "Show every org unit at every level (Ctrl++)": "Alle Organisationseinheiten auf allen Ebenen zeigen (Strg++)",
    "Co&llapse all": "Alle &zuklappen",
    "Show the top level only (Ctrl+-)": "Nur die oberste Ebene zeigen (Strg+-)",
    "Loading all org units…": "Alle Organisationseinheiten werden geladen…",
    "%n org unit(s) shown.": "%n Organisationseinheit(en) angezeigt.",
}
# fmt: on
