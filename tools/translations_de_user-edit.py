"""German texts of "Edit user" on the users page (U2, U3, S4) and of Del on the operator's own row;
merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # ---------------------------------------------------------------- users page
    "Edit &user…": "Benutzer bea&rbeiten…",
    "Correct the name and e-mail address of the selected user (F2, Enter)": (
        "Namen und E-Mail-Adresse des ausgewählten Benutzers korrigieren (F2, Eingabetaste)"
    ),
    "User %1 saved.": "Benutzer %1 gespeichert.",
    "Nothing changed.": "Es wurde nichts geändert.",
    "User %1 saved; the link sent to the old address no longer works.": (
        "Benutzer %1 gespeichert; der an die alte Adresse gesendete Link funktioniert nicht mehr."
    ),
    "You cannot deactivate your own account: you would lock yourself out. Another administrator can "
    "deactivate it.": (
        "Sie können Ihr eigenes Konto nicht deaktivieren: Sie würden sich selbst aussperren. Ein anderer "
        "Administrator kann es deaktivieren."
    ),
    "Your own account (%1) stays active: you cannot deactivate yourself.": (
        "Ihr eigenes Konto (%1) bleibt aktiv: Sie können sich nicht selbst deaktivieren."
    ),
    # ---------------------------------------------------------------- the dialog
    "Edit user %1": "Benutzer %1 bearbeiten",
    "Correct the user's name and e-mail address. The user name, which they log in with, stays as it is.": (
        "Korrigieren Sie Namen und E-Mail-Adresse des Benutzers. Der Benutzername, mit dem er sich anmeldet, "
        "bleibt, wie er ist."
    ),
    "This user has not activated their account yet. If you change the e-mail address, a new activation link "
    "goes to the new address when you save, and the link sent to %1 stops working.": (
        "Dieser Benutzer hat sein Konto noch nicht aktiviert. Wenn Sie die E-Mail-Adresse ändern, geht beim "
        "Speichern ein neuer Aktivierungslink an die neue Adresse, und der an %1 gesendete Link funktioniert "
        "nicht mehr."
    ),
    # ---------------------------------------------------------------- undo and the service's refusal
    "An activation link that was made invalid stays invalid.": (
        "Ein ungültig gemachter Aktivierungslink bleibt ungültig."
    ),
    "An external user belongs to a contact of a customer and is managed with the customer (Contacts and "
    "users); the users page does not change their name or e-mail address.": (
        "Ein externer Benutzer gehört zu einem Kontakt eines Kunden und wird beim Kunden verwaltet (Kontakte "
        "und Benutzer); auf der Benutzerseite werden Name und E-Mail-Adresse nicht geändert."
    ),
}
