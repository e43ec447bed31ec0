"""German texts of the qa-walk-2 fixes; merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # ---------------------------------------------------------------- org units, "Edit roles" (A7, E1)
    "Affected: %1 below, which lose %Ln inherited role assignment(s).": (
        "Betroffen: %1 darunter; %Ln geerbte Rollenzuweisung entfällt.",
        "Betroffen: %1 darunter; %Ln geerbte Rollenzuweisungen entfallen.",
    ),
    "Stop passing the roles of %1 in %2 to its child units? The inherited roles are removed from %3 "
    "(%Ln role assignment(s)); %2 keeps its own roles.": (
        "Die Rollen von %1 in %2 nicht mehr an die untergeordneten Einheiten vererben? Die geerbten Rollen "
        "werden aus %3 entfernt (%Ln Rollenzuweisung); %2 behält die eigenen Rollen.",
        "Die Rollen von %1 in %2 nicht mehr an die untergeordneten Einheiten vererben? Die geerbten Rollen "
        "werden aus %3 entfernt (%Ln Rollenzuweisungen); %2 behält die eigenen Rollen.",
    ),
    # ---------------------------------------------------------------- the system's reasons (E1, S7, S8)
    "No such file or directory": "Datei oder Ordner nicht gefunden",
    "Permission denied": "Zugriff verweigert",
    "Is a directory": "Das ist ein Ordner, keine Datei",
    "Not a directory": "Ein Teil des Pfades ist kein Ordner",
    "No space left on device": "Auf dem Datenträger ist kein Platz mehr frei",
    "Read-only file system": "Das Dateisystem ist schreibgeschützt",
    "File name too long": "Der Dateiname ist zu lang",
    "Disk quota exceeded": "Das Speicherkontingent auf dem Datenträger ist erschöpft",
    "Input/output error": "Fehler beim Lesen oder Schreiben des Datenträgers",
    "Operation not permitted": "Vorgang nicht erlaubt",
}
# fmt: on
