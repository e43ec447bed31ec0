"""German texts of audit-detail (QA walk 2026-12-04): the audit log naming the objects a change
refers to by id (S3); merged into tools/translations_de.py (same rules as there)."""

# fmt: off
TRANSLATIONS: dict[str, str | tuple[str, str]] = {
    # ---------------------------------------------------------------- audit log detail (S3)
    "Parent unit": "Übergeordnete Einheit",
}
# fmt: on
