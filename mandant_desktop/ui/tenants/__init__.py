"""The tenants page: tenants and who may see their data (SPEC T1-T12)."""
