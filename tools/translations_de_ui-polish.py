"""German texts of the ui-polish work: the tenants page's user count and matrix legend, the remote
access check box of the customer dialogs (merged into tools/translations_de.py; same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # C2, C9: one wording in "Create customer" and "Properties", the seed's ("für die Portal Services eingerichtet")
    "Set up for the Portal Services": "Für die Portal Services eingerichtet",
    "The customer works with the Portal Services: it has a customer rights group, external users "
    "and an exchange area of the quota's size.": (
        "Der Kunde arbeitet mit den Portal Services: Er hat eine Kunden-Rechte-Gruppe, externe Benutzer "
        "und einen Daten-Austauschbereich in der Größe des Kontingents."
    ),
}
