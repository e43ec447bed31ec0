"""Icons and other resources, shipped inside the package (see setup.py)."""
