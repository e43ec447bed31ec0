"""PySide6's ``__feature__`` import hook, switched off for this program (issue 8, ``startup``).

Importing ``PySide6.QtCore`` replaces ``builtins.__import__`` by ``__feature_import__``, PySide's
support for ``from __feature__ import snake_case, true_property``. From then on every import
statement of the process runs two Python functions of PySide (``shibokensupport.feature``:
``feature_import`` and ``feature_imported``), and each module imported for the first time has its
whole source read back (``inspect.getsource``) to see whether it mentions PySide6. The program uses
no PySide feature, so all of that is spent for nothing: importing SQLAlchemy, the ORM, the models and
the window modules took about a quarter more CPU with the hook than without it.

:func:`drop_feature_import` gives the import statement back the function PySide wrapped
(``builtins.__orig_import__``; on PySide 6.11 shiboken's ``__lazy_import__``, which resolves
``from PySide6.QtX import *`` over the lazily created types and so stays in place). It acts only on
the layout of PySide's internals it knows, and only while no module has selected a feature; on
anything else it leaves the import as it is. tests/ui/test_pyside_import.py pins those internals, so
that a PySide upgrade that changes them fails there instead of silently costing the start again.

Without the hook, a module that imported ``from __feature__ import …`` would get the flag's number
and no feature; the same test keeps ``__feature__`` out of this package.
"""

from __future__ import annotations

import builtins
import sys

#: PySide's module behind ``__feature__`` (shibokensupport.feature, loaded by PySide6.QtCore)
FEATURE_MODULE = "shibokensupport.feature"


def feature_import_active() -> bool:
    """True while ``import`` goes through PySide's ``__feature_import__``."""
    hook = getattr(builtins, "__feature_import__", None)
    return hook is not None and builtins.__import__ is hook


def drop_feature_import() -> bool:
    """Route ``import`` past PySide's feature hook again; True if it was switched off now.

    Does nothing (False) before PySide6.QtCore is imported, when it was done already, when
    PySide's internals are not laid out as expected, or when some module selected a feature."""
    if not feature_import_active():
        return False
    wrapped = getattr(builtins, "__orig_import__", None)
    feature = sys.modules.get(FEATURE_MODULE)
    selections = getattr(feature, "pyside_feature_dict", None)
    if not callable(wrapped) or not isinstance(selections, dict):
        return False
    if any(isinstance(flag, int) and flag > 0 for flag in selections.values()):
        return False  # someone uses snake_case or true_property: the hook must stay
    builtins.__import__ = wrapped
    return True
