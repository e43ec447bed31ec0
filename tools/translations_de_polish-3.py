"""German texts of the polish-3 fixes; merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # ---------------------------------------------------------------- log-in: an empty field (S1)
    "Please enter your password.": "Bitte geben Sie Ihr Passwort ein.",
    # ---------------------------------------------------------------- org units: a unit's name in „…“ (E1)
    "&Move them up to the top level": "In die oberste Ebene &einordnen (eine Ebene höher)",
}

#: one English word, other German by place
CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    # The contact's type is "Kontaktart" in the dialogs and in a customer's contact list; the column
    # of the contacts page and of the contacts sheet of a tenant's export said "Art" (C10, E1).
    ("ContactsPage", "Type"): "Kontaktart",
    ("exports", "Type"): "Kontaktart",
}
# fmt: on
