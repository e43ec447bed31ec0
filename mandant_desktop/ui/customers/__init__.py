"""The customers page: customers, rights groups, contact persons (SPEC C1-C12)."""
