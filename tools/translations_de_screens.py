"""German texts of the screens review (merged into tools/translations_de.py; same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # the assignments' and org units' export menus are called as on every other page
    "E&xport": "E&xportieren",
    "Expor&t": "E&xportieren",
}

CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
}
