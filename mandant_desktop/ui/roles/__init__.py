"""The roles page: roles and their permissions (SPEC R1-R3)."""
