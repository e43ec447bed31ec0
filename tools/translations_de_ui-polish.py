"""German texts of the ui-polish work: the tenants page's user count and matrix legend, the remote
access check box of the customer dialogs (merged into tools/translations_de.py; same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # the tenants page's status line: its users, counted as the other pages count theirs (one, several)
    "%1 of %Ln user(s)": ("%1 von %Ln Benutzer", "%1 von %Ln Benutzern"),
    # the legend of the tenants × users matrix
    "Legend:": "Legende:",
    "Unsaved change (blue frame)": "Nicht gespeicherte Änderung (blauer Rahmen)",
    "Not changeable for you (grey letter)": "Für Sie nicht änderbar (graue Schrift)",
    "A cell's tooltip says whether private data is on.": (
        "Der Tooltip einer Zelle zeigt, ob „Private Daten“ gesetzt ist."
    ),
    "Legend of the access matrix": "Legende der Zugriffsmatrix",
    # C2, C9: one wording in "Create customer" and "Properties", the seed's ("für die Portal Services eingerichtet")
    "Set up for the Portal Services": "Für die Portal Services eingerichtet",
    "The customer works with the Portal Services: it has a customer rights group, external users "
    "and an exchange area of the quota's size.": (
        "Der Kunde arbeitet mit den Portal Services: Er hat eine Kunden-Rechte-Gruppe, externe Benutzer "
        "und einen Daten-Austauschbereich in der Größe des Kontingents."
    ),
}
