"""The entry point of the standalone bundle (PyInstaller runs this file, not the package).

One executable serves both programs: started as ``mandant-admin`` (the bundle ships that name as a
link to ``mandant-desktop``) it is the command line, otherwise the GUI. One executable keeps the
bundle to one copy of Python, Qt and SQLAlchemy.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    if Path(sys.argv[0]).name.lower().startswith("mandant-admin"):
        from mandant_desktop.cli import main as admin_main

        return admin_main()
    from mandant_desktop.__main__ import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(main())
