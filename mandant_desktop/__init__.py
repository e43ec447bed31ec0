"""mandant_desktop: administration of tenants, users, roles, org units and customers."""

import sys

__version__ = "0.1.0"

if "PySide6.QtCore" in sys.modules:
    # PySide6 came first (a test run, the start probe of bench/startup.py): its feature import hook
    # need not see the rest of our imports either (mandant_desktop.pyside_import, issue 8).
    from mandant_desktop.pyside_import import drop_feature_import

    drop_feature_import()
