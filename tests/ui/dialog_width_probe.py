"""Run by ``test_dialog_widths.py`` in a fresh interpreter (a font change reaches every widget of
the process, so it must not meet those of other tests): opens every dialog of the keyboard test's
factories in a language with the application font ``FONT_SCALE`` times as large, and prints one JSON
line per text cut at its opening size or per dialog that can be made narrower than its layout.
Not a test module itself.

Usage: ``FONT_SCALE=1.5 python dialog_width_probe.py LANGUAGE``
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))  # the tests' helpers (uihelpers, xlsxhelpers …), as pytest's pythonpath


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main(language: str) -> None:
    scratch = Path(tempfile.mkdtemp())
    for variable, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        os.environ[variable] = str(scratch / sub)
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    app = QApplication([])
    QCoreApplication.setOrganizationName("mandant_desktop")
    QCoreApplication.setApplicationName("mandant_desktop")
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * float(os.environ.get("FONT_SCALE", "1")))
    app.setFont(font)

    from uihelpers import ADMIN

    from mandant_desktop import bootstrap
    from mandant_desktop.ui.i18n import LanguageManager
    from mandant_desktop.ui.settings import Settings

    keyboard = _module("test_dialog_keyboard")
    problems = _module("scaling_probe").problems
    languages = LanguageManager(Settings(QSettings()))  # kept: its translators live as long as it does
    languages.start(language)
    for number, (name, factory) in enumerate(sorted(keyboard.FACTORIES.items())):
        folder = scratch / str(number)
        folder.mkdir()
        context = bootstrap.open_database(f"sqlite:///{folder / 'mandant.sqlite'}")
        try:
            operator = context.services.auth.create_first_admin(ADMIN)
            dialog = factory((context, operator), folder)
            dialog.show()
            for _ in range(5):
                QApplication.processEvents()
            for item in problems(name, dialog):
                print(json.dumps(item, ensure_ascii=False), flush=True)
            layout = dialog.layout()
            if layout is not None:
                dialog.resize(1, dialog.height())
                needed = layout.minimumSize().width()
                if dialog.width() < needed:
                    print(
                        json.dumps(
                            {
                                "where": name,
                                "widget": "dialog",
                                "text": "(narrower than its layout)",
                                "width": dialog.width(),
                                "needed": needed,
                            }
                        ),
                        flush=True,
                    )
            dialog.close()
            dialog.deleteLater()
            QApplication.processEvents()
        finally:
            context.close()


if __name__ == "__main__":
    main(sys.argv[1])
