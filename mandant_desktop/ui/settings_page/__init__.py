"""The settings page: language, the current connection, and what arrives later (SPEC E1, S6)."""
