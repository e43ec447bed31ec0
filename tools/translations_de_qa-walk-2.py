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
}
# fmt: on
