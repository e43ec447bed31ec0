"""German texts of the dialog keyboard work (issue 9, E2: a unique mnemonic in every dialog);
merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # person-role dialog: "&Organisation:" has the O in English
    "Po&stal code:": "&PLZ:",
    # customer contacts dialog: "&User name:" has the U in English
    "Create u&ser": "Ben&utzer anlegen",
}
