"""German texts of undo steps that leave changes made elsewhere (E7, S4); merged into
tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    "Undone; %Ln change(s) made elsewhere in the meantime were kept.": (
        "Rückgängig gemacht; %Ln zwischenzeitlich anderswo gemachte Änderung wurde beibehalten.",
        "Rückgängig gemacht; %Ln zwischenzeitlich anderswo gemachte Änderungen wurden beibehalten.",
    ),
    "Redone; %Ln change(s) made elsewhere in the meantime were kept.": (
        "Wiederholt; %Ln zwischenzeitlich anderswo gemachte Änderung wurde beibehalten.",
        "Wiederholt; %Ln zwischenzeitlich anderswo gemachte Änderungen wurden beibehalten.",
    ),
}
