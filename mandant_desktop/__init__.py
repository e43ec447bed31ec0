"""mandant_desktop: administration of tenants, users, roles, org units and customers."""

__version__ = "0.1.0"
