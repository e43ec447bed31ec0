"""A screenshot of the tenants page with the by-user view (1, its fourth user chosen) or the matrix (2).

    MANDANT_USER=admin MANDANT_PASSWORD=mandant-demo QT_QPA_PLATFORM=offscreen PYTHONPATH=TREE \\
        python shot.py VIEW --db URL --screenshot PNG --page tenants --lang de

The launcher's screenshot settles the window and grabs it; this opens the tab in between, as a
user would, so that old and new code can be compared pixel for pixel.
"""

import sys

from PySide6.QtWidgets import QApplication

from mandant_desktop.__main__ import main
from mandant_desktop.ui import launcher

VIEW = int(sys.argv.pop(1))
_settle = launcher._settle


def settle() -> None:
    _settle()
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
    page = window.current_page()
    page.tabs.setCurrentIndex(VIEW)
    _settle()
    if VIEW == 1:
        page.user_list.setCurrentIndex(page.user_list_model.index(3, 0))
    _settle()


launcher._settle = settle
sys.exit(main(sys.argv[1:]))
