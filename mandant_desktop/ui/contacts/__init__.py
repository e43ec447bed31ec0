"""The contacts page: contacts, person-roles and distribution lists (SPEC T7-T12)."""
