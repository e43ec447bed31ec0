"""The users page: internal and external users (SPEC U1-U4)."""
