"""Maps the top-level ``resources/`` and ``translations/`` folders into the package.

The folders stay at the top of the repository, where translators and designers find them, and
ship inside the wheel as ``mandant_desktop.resources`` and ``mandant_desktop.translations``, so
that a plain ``pip install .`` (or an editable install) finds icons and ``.qm`` files through
``importlib.resources``. Everything else is declared in pyproject.toml.
"""

from setuptools import find_packages, setup

# Folders without __init__.py that still ship: the Alembic scripts and the icons.
DATA_PACKAGES = [
    "mandant_desktop.db.migrations",
    "mandant_desktop.db.migrations.versions",
    "mandant_desktop.resources",
    "mandant_desktop.resources.icons",
    "mandant_desktop.translations",
]

setup(
    packages=[*find_packages(include=["mandant_desktop", "mandant_desktop.*"]), *DATA_PACKAGES],
    package_dir={
        "mandant_desktop.resources": "resources",
        "mandant_desktop.translations": "translations",
    },
)
