"""German texts of the lead's small mends (2026-12-03 evening); merged into tools/translations_de.py
(same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # C2, C9: one wording for the agency check box in "Create customer" and "Properties", the seed's
    # ("dass dieser Kunde zusätzlich als Agentur fungiert", "taucht … in allen Auswahllisten mit Agenturen auf")
    "The customer acts as an agency": "Der Kunde fungiert als Agentur",
    "An agency appears in every list of agencies to choose from, e.g. as the default agency of other "
    "customers.": (
        "Eine Agentur erscheint in allen Auswahllisten mit Agenturen, z. B. als Standard-Agentur anderer Kunden."
    ),
}
# fmt: on

CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    # the customer's folded search key (revision 0027), as the audit log's detail names the field
    ("AuditFields", "Search key"): "Suchschlüssel",
}
