"""German texts of audit-detail (QA walk 2026-12-04): the audit log naming the objects a change
refers to by id (S3); merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # ---------------------------------------------------------------- audit log detail (S3)
    "Parent unit": "Übergeordnete Einheit",
    # ---------------------------------------------------------------- the language of the mails (U4, E1)
    "La&nguage of the mails:": "Sprache der E-Ma&ils:",
    "That of the operator who sends them": "Die des Bearbeiters, der sie versendet",
    "Activation links and confirmations go out in this language, whichever workstation sends them. "
    "The test mail goes to you and is written in your language.": (
        "Aktivierungslinks und Bestätigungen gehen in dieser Sprache hinaus, gleich von welchem Arbeitsplatz. "
        "Die Test-E-Mail geht an Sie und ist in Ihrer Sprache geschrieben."
    ),
    "Mails cannot be written in {language}; choose one of {languages}.": (
        "E-Mails können nicht in {language} geschrieben werden; wählen Sie eine von: {languages}."
    ),
    "language of the mails": "Sprache der E-Mails",
}
# fmt: on

# fmt: off
CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    ("SmtpSection", "German"): "Deutsch",
    ("SmtpSection", "English"): "Englisch",
}
# fmt: on
