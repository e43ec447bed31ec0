"""The role assignment page: users' roles per org unit (SPEC A1-A3)."""
