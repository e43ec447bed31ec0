"""German texts of refused undo steps that name the change standing in their way (who, when, which
workstation: from the audit log; E7, S3, S4); merged into tools/translations_de.py (same rules as
there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    "Cannot undo: {who} changed this {object} at {when} on workstation {workstation}, after your change. "
    "Nothing was changed.": (
        "Rückgängig nicht möglich: {who} (Arbeitsplatz {workstation}) hat dieses Objekt ({object}) am {when} nach "
        "Ihrer Änderung geändert. Es wurde nichts geändert."
    ),
    "Cannot undo: {who} deleted this {object} at {when} on workstation {workstation}. Nothing was changed.": (
        "Rückgängig nicht möglich: {who} (Arbeitsplatz {workstation}) hat dieses Objekt ({object}) am {when} "
        "gelöscht. Es wurde nichts geändert."
    ),
    "Cannot undo: you changed this {object} again on this workstation after this change (on another page, "
    "or by an import or a bulk change). Nothing was changed.": (
        "Rückgängig nicht möglich: Sie haben dieses Objekt ({object}) nach dieser Änderung an diesem Arbeitsplatz "
        "noch einmal geändert (auf einer anderen Seite, durch einen Import oder eine Massenänderung). Es wurde "
        "nichts geändert."
    ),
    "Cannot undo: {who} renamed this org unit to {name} at {when} on workstation {workstation}, after your "
    "change. Nothing was changed.": (
        "Rückgängig nicht möglich: {who} (Arbeitsplatz {workstation}) hat die Organisationseinheit am {when} nach "
        "Ihrer Änderung in „{name}“ umbenannt. Es wurde nichts geändert."
    ),
    "Cannot undo: this org unit was renamed to {name} after your change (nobody else is logged: on this "
    "workstation, outside these undo steps). Nothing was changed.": (
        "Rückgängig nicht möglich: Die Organisationseinheit wurde nach Ihrer Änderung in „{name}“ umbenannt (laut "
        "Protokoll von niemand anderem: an diesem Arbeitsplatz, außerhalb dieser Rückgängig-Schritte). Es wurde "
        "nichts geändert."
    ),
}
