"""The org units page: the org-unit tree and inherited roles (SPEC A4-A10)."""
