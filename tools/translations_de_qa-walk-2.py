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
        "Die Rollen von „%1“ in „%2“ nicht mehr an die untergeordneten Einheiten vererben? Die geerbten Rollen "
        "werden aus %3 entfernt (%Ln Rollenzuweisung); „%2“ behält die eigenen Rollen.",
        "Die Rollen von „%1“ in „%2“ nicht mehr an die untergeordneten Einheiten vererben? Die geerbten Rollen "
        "werden aus %3 entfernt (%Ln Rollenzuweisungen); „%2“ behält die eigenen Rollen.",
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
    # ---------------------------------------------------------------- a failed connection (S5, S6, E1)
    "Cannot connect to {target}: the server name {host} is not known. Check the host name. ({detail})": (
        "Keine Verbindung zu {target}: Der Servername „{host}“ ist unbekannt. Prüfen Sie den Hostnamen. ({detail})"
    ),
    "Cannot connect to {target}: the server does not answer. Is it running, and are host and port right? "
    "({detail})": (
        "Keine Verbindung zu {target}: Der Server antwortet nicht. Läuft er, und stimmen Hostname und Port? "
        "({detail})"
    ),
    "Cannot connect to {target}: the server refused the user {user}; the user name or the password is wrong. "
    "({detail})": (
        "Keine Verbindung zu {target}: Der Server hat die Anmeldung von „{user}“ abgelehnt; Benutzername oder "
        "Passwort ist falsch. ({detail})"
    ),
    "Cannot connect to {target}: there is no database {database} on the server. ({detail})": (
        "Keine Verbindung zu {target}: Auf dem Server gibt es keine Datenbank „{database}“. ({detail})"
    ),
    "Cannot connect to {target}: the file is no SQLite database. ({detail})": (
        "Keine Verbindung zu {target}: Die Datei ist keine SQLite-Datenbank. ({detail})"
    ),
    # ---------------------------------------------------------------- org units' undo steps (E7, E1)
    "Add unit “%1”": "Einheit „%1“ hinzufügen",
    "Rename unit “%1” to “%2”": "Einheit „%1“ in „%2“ umbenennen",
    "Delete unit “%1”": "Einheit „%1“ löschen",
    "Move unit “%1” under “%2”": "Einheit „%1“ unter „%2“ verschieben",
    "Move unit “%1” to the top level": "Einheit „%1“ auf die oberste Ebene verschieben",
}

#: one English word, other German by place
CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    # The contact's type is "Kontaktart" in "Create contact" of a customer and in its contact list;
    # the contact dialog of the contacts page said "Typ" (C10, E1).
    ("ContactDialog", "T&ype:"): "&Kontaktart:",
}
# fmt: on
