"""What's This texts of the controls whose effect is not obvious from their label (issue 9, Help).

One table keyed by objectName (the names of SPEC section 9 and their neighbours), applied to a page
when it is shown and again after a language switch, and to a dialog from its ``retranslateUi``.
Help → What's This? (Shift+F1) then explains any of them with a click; a control without a
tooltip of its own gets the first sentence as its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Help"

#: objectName → the English What's This text
WHATS_THIS: dict[str, str] = {
    "inheritCheckBox": QT_TRANSLATE_NOOP(
        "Help",
        "Passes the chosen user's roles in this unit down to every child unit. You choose next whether "
        "roles the user already has below are replaced or kept.",
    ),
    "inheritReplace": QT_TRANSLATE_NOOP(
        "Help",
        "Replace: below this unit the user ends up with exactly these roles; roles they had there before are removed.",
    ),
    "inheritKeep": QT_TRANSLATE_NOOP(
        "Help",
        "Keep: the roles are added only in child units where the user has no role yet; nothing the user "
        "holds is taken away.",
    ),
    "editRolesButton": QT_TRANSLATE_NOOP(
        "Help",
        "Breaks the chain of inheritance here: the inherited roles become direct roles of this unit, which "
        "you can then change. Units below inherit from here from then on.",
    ),
    "explainButton": QT_TRANSLATE_NOOP(
        "Help",
        "Shows why the user has each permission: which role grants it, in which unit, and from where it is inherited.",
    ),
    "rightsNamingPrefix": QT_TRANSLATE_NOOP(
        "Help",
        "The first part of the name of every customer's rights group. Changing the naming renames no "
        "existing group; it applies to groups created from now on.",
    ),
    "rightsNamingSecond": QT_TRANSLATE_NOOP(
        "Help", "The second part of a rights group's name; the preview below shows a whole name."
    ),
    "rightsNamingThird": QT_TRANSLATE_NOOP(
        "Help", "The third part of a rights group's name; the preview below shows a whole name."
    ),
    "bulkEditButton": QT_TRANSLATE_NOOP(
        "Help",
        "Opens the bulk edit: add or remove roles for many users in many org units at once. You see how "
        "many assignments change before anything is saved, and the whole change can be undone.",
    ),
    "profileBackend": QT_TRANSLATE_NOOP(
        "Help",
        "The kind of database: a SQLite file on this computer, or a PostgreSQL or MariaDB server that "
        "several workstations share.",
    ),
    "savePasswordCheck": QT_TRANSLATE_NOOP(
        "Help",
        "Keeps the password in the system's keyring, never in a settings file. Without a keyring you are "
        "asked for it at each start.",
    ),
    "accessPrivateButton": QT_TRANSLATE_NOOP(
        "Help",
        "Private data: whether the user may also see the tenant's private customer data, in addition to the "
        "access level.",
    ),
    "accessApplyToSubTenants": QT_TRANSLATE_NOOP(
        "Help", "Copies the selected access levels of the tenant to all its sub-tenants (saved with Save)."
    ),
    "tenantFilter": QT_TRANSLATE_NOOP(
        "Help",
        "Limits every page to the tenants chosen here. It narrows what you see; it never widens your rights.",
    ),
}


def text_for(object_name: str) -> str:
    source = WHATS_THIS.get(object_name)
    return QCoreApplication.translate(CONTEXT, source) if source else ""


def apply(root: QWidget) -> int:
    """Set the What's This text (and, where none is set, the tooltip) of ``root`` and every widget
    under it named in :data:`WHATS_THIS`; returns how many got one."""
    count = 0
    for widget in [root, *root.findChildren(QWidget)]:
        text = text_for(widget.objectName())
        if not text:
            continue
        widget.setWhatsThis(text)
        first = text.split(". ")[0].rstrip(".") + "."
        if not widget.toolTip() or widget.property("helpTip"):
            widget.setToolTip(first)
            widget.setProperty("helpTip", True)
        count += 1
    return count
