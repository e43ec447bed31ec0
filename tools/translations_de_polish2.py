"""German texts of the polish2 work: the expiry date in mails, the outbox's language line
(merged into tools/translations_de.py; same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    "Language: %1": "Sprache: %1",
}

CONTEXT_TRANSLATIONS: dict[tuple[str, str], str] = {
    ("mails", "%Y-%m-%d %H:%M"): "%d.%m.%Y %H:%M",
    ("OutboxPage", "German"): "Deutsch",
    ("OutboxPage", "English"): "Englisch",
}
