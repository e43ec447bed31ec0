"""Screenshots of a page with a search typed into its search field (the program's --screenshot
renders a page as it opens). Usage, as mandant-desktop's --screenshot, plus the text:

    SEARCH="juergen" MANDANT_USER=admin MANDANT_PASSWORD=mandant-demo QT_QPA_PLATFORM=offscreen \\
        python shots.py --db URL --screenshot out.png --page users --lang de
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mandant_desktop import __main__ as program
from mandant_desktop.ui import launcher

_shoot = launcher._screenshot


def _with_search(window, target):  # type: ignore[no-untyped-def]
    page = window.current_page()
    field = page.search_field() if hasattr(page, "search_field") else page.search
    window.resize(*launcher.SCREENSHOT_SIZE)
    window.show()
    launcher._settle()
    field.setText(os.environ["SEARCH"])
    QTest.keyClick(field, Qt.Key.Key_Return)
    for name in ("apply_search", "_apply_search"):
        if hasattr(page, name):
            getattr(page, name)()
    launcher._settle()
    return _shoot(window, target)


launcher._screenshot = _with_search
sys.exit(program.main())
