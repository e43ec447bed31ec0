"""Compiled translations (.qm), shipped inside the package (see setup.py)."""
