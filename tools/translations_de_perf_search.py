"""German texts of the indexed customer search (first window first, then the count); merged into
tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    "Customers: %1 and more, counting…": "Kunden: %1 und mehr, wird gezählt…",
}
# fmt: on
