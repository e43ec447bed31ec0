"""Persistence: models, engine setup per backend, migrations and the catalogue sync."""
