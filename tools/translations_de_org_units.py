"""German texts of the org-unit tree's services (issue 4, service side); merged into
tools/translations_de.py (same rules as there). The page's own texts are in
translations_de_org_units_ui.py."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- refusals (context "errors")
    "A unit cannot be moved into its own subtree.": (
        "Eine Organisationseinheit kann nicht in ihren eigenen Teilbaum verschoben werden."
    ),
    "Choose Replace existing or Keep existing.": "Wählen Sie „Vorhandene ersetzen“ oder „Vorhandene beibehalten“.",
    "Choose what happens to the unit's children.": (
        "Wählen Sie, was mit den untergeordneten Organisationseinheiten geschehen soll."
    ),
    "The name may be at most {limit} characters long.": "Der Name darf höchstens {limit} Zeichen lang sein.",
    "The org unit no longer exists. Reload the page.": (
        "Die Organisationseinheit gibt es nicht mehr. Laden Sie die Seite neu."
    ),
    "The user does not hold this role directly in this unit. Reload the page.": (
        "Der Benutzer hat diese Rolle in dieser Organisationseinheit nicht direkt. Laden Sie die Seite neu."
    ),
    "The user holds no direct role in this unit, so there is nothing to inherit.": (
        "Der Benutzer hat in dieser Organisationseinheit keine direkte Rolle, es gibt also nichts zu vererben."
    ),
    "The user no longer exists. Reload the page.": "Den Benutzer gibt es nicht mehr. Laden Sie die Seite neu.",
    "The user's roles in this unit are inherited. Use Edit roles to break the inheritance first.": (
        "Die Rollen des Benutzers in dieser Organisationseinheit sind geerbt. Unterbrechen Sie die Vererbung "
        "zuerst mit „Rollen bearbeiten“."
    ),
    "The user's roles in this unit are not inherited; there is no chain to break.": (
        "Die Rollen des Benutzers in dieser Organisationseinheit sind nicht geerbt; es gibt keine Vererbung "
        "zu unterbrechen."
    ),
    # ---------------------------------------------------------------- audited objects (context "objects")
    "InheritanceBreak": "Unterbrochene Vererbung",
    # ---------------------------------------------------------------- explain (A10): why a permission is missing
    "No role in {unit}.": "Keine Rolle in {unit}.",
    "Chain broken at {unit}.": "Vererbung unterbrochen bei {unit}.",
    "None of the user's roles in {unit} includes this permission.": (
        "Keine der Rollen des Benutzers in {unit} enthält diese Berechtigung."
    ),
}
