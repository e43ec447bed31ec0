"""The Qt user interface: widgets, dialogs and item models. Talks to services, never to a database."""

import PySide6.QtCore  # noqa: F401 - loaded first here, so that its import hook goes at once

from mandant_desktop.pyside_import import drop_feature_import

# PySide's import hook for ``from __feature__ import …`` would inspect every module imported from
# here on; the program selects no feature (mandant_desktop.pyside_import, issue 8).
drop_feature_import()
