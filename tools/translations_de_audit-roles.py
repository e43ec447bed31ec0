"""German texts of the roles page's counting on a worker, the rights groups list loading on a
worker and the audit log's windows from a worker (issue 8 follow-ups); merged into
tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str] = {
    # ---------------------------------------------------------------- roles page (R1, S5)
    "Counting who holds this role …": "Es wird gezählt, wer diese Rolle hat …",
    "Saved: %1 granted. It now applies to everyone who holds this role.": (
        "Gespeichert: %1 erteilt. Das gilt jetzt für alle, die diese Rolle haben."
    ),
    "Saved: %1 withdrawn. This applies to everyone who holds this role.": (
        "Gespeichert: %1 entzogen. Das gilt für alle, die diese Rolle haben."
    ),
}
# fmt: on
