"""German texts of the look of the program (colour schemes, icons, scaling; issue 9, SPEC E5);
merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- settings page: appearance
    "Appearance": "Darstellung",
    "Colour &scheme:": "&Farbschema:",
    "As the system": "Wie das System",
    "Light": "Hell",
    "Dark": "Dunkel",
    "Light or dark colours for this workstation; “As the system” follows the desktop setting.": (
        "Helle oder dunkle Farben für diesen Arbeitsplatz; „Wie das System“ folgt der Einstellung des Desktops."
    ),
}
