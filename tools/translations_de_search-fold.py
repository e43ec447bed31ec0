"""German texts of the folded customer search search-fold (C1): the search field's tooltip; merged
into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # ---------------------------------------------------------------- customers page (C1)
    "Finds the customers whose number, name or short name contain every word, in any order; capitals and "
    "accents do not matter, and ß is ss, ä ae, ö oe, ü ue": (
        "Findet die Kunden, deren Nummer, Name oder Kurzname jedes Wort enthält, in beliebiger Reihenfolge; "
        "Groß- und Kleinschreibung und Akzente spielen keine Rolle, und ß ist ss, ä ae, ö oe, ü ue"
    ),
}
# fmt: on
