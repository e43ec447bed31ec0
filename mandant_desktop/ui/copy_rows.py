"""Ctrl+C in every list and table: the selected rows as tab-separated text (SPEC E2).

Qt's item views copy only the text of the current cell. An administrator selects twenty customers
and wants them in a spreadsheet or an e-mail: the selected rows, every visible column in the order
shown, one line per row, cells separated by tabs (what a spreadsheet pastes into cells), and with
Ctrl+Shift+C the column titles as the first line. Views with their own Copy (the audit log copies
its entry) keep theirs.

:func:`install_copy_keys` gives the views of a page the two keys; the Edit menu of the main window
holds the same two commands (:class:`CopyCommands`), which act on the list that has the focus, or
copy the selected text of a text field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionRange, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QTableView,
    QTreeView,
    QWidget,
)

from mandant_desktop.ui.formats import number_text

#: more rows than this are refused with a hint at the export: the rows of a large table are read
#: from the database in windows, and the clipboard is no transport for a hundred thousand rows
MAX_ROWS = 5000


def _copy_key() -> QKeySequence:
    # Made when needed: a standard key needs the QGuiApplication (its platform's binding).
    return QKeySequence(QKeySequence.StandardKey.Copy)


def _copy_with_titles_key() -> QKeySequence:
    return QKeySequence("Ctrl+Shift+C")


def _header(view: QAbstractItemView) -> QHeaderView | None:
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    return None


def _columns(view: QAbstractItemView, wanted: set[int] | None) -> list[int]:
    """The logical columns shown, in the order shown; only ``wanted`` ones when given."""
    model = view.model()
    header = _header(view)
    if header is None:
        return [view.modelColumn()] if hasattr(view, "modelColumn") else [0]
    shown = [header.logicalIndex(visual) for visual in range(header.count())]
    return [
        c
        for c in shown
        if not header.isSectionHidden(c) and (wanted is None or c in wanted) and c < model.columnCount()
    ]


def cell_text(index: QModelIndex) -> str:
    """What a cell shows, on one line; a check box as "Yes"/"No"."""
    value = index.data(Qt.ItemDataRole.DisplayRole)
    if value is None or value == "":
        check = index.data(Qt.ItemDataRole.CheckStateRole)
        if check is not None:
            checked = check == Qt.CheckState.Checked or check == Qt.CheckState.Checked.value
            return (
                QCoreApplication.translate("CopyRows", "Yes")
                if checked
                else QCoreApplication.translate("CopyRows", "No")
            )
        return ""
    text = str(value)
    return " ".join(text.split()) if ("\t" in text or "\n" in text or "\r" in text) else text


def _selected_rows(view: QAbstractItemView) -> tuple[list[QModelIndex], set[int] | None]:
    """The first index of each selected row in view order, and the selected columns (None: all)."""
    selection = view.selectionModel()
    model = view.model()
    if selection is None or model is None:
        return [], None
    chosen = selection.selection()
    ranges: list[QItemSelectionRange] = [chosen.at(i) for i in range(chosen.count())]
    whole_rows = view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    if not ranges:
        # Nothing selected, but a row has the focus frame: that row (or cell) is what is meant.
        current = view.currentIndex()
        if not current.isValid():
            return [], None
        return [current.siblingAtColumn(0)], None if whole_rows else {current.column()}
    columns: set[int] | None = None if whole_rows else set()
    rows: dict[tuple[int, ...], QModelIndex] = {}
    for selected in ranges:
        if columns is not None:
            columns.update(range(selected.left(), selected.right() + 1))
        parent = selected.parent()
        for row in range(selected.top(), selected.bottom() + 1):
            index = model.index(row, 0, parent)
            rows.setdefault(_position(index), index)
            if len(rows) > MAX_ROWS:
                return list(rows.values()), columns
    return [rows[key] for key in sorted(rows)], columns


def _position(index: QModelIndex) -> tuple[int, ...]:
    """Where a row is in a tree: its row numbers from the top, for the order shown."""
    path: list[int] = []
    while index.isValid():
        path.append(index.row())
        index = index.parent()
    return tuple(reversed(path))


def rows_text(view: QAbstractItemView, *, titles: bool = False) -> tuple[str, int]:
    """The selected rows of ``view`` as tab-separated lines and their number; ``titles`` puts the
    column titles first. Raises :class:`TooManyRowsError` above :data:`MAX_ROWS`."""
    rows, wanted = _selected_rows(view)
    if len(rows) > MAX_ROWS:
        raise TooManyRowsError
    model = view.model()
    columns = _columns(view, wanted)
    lines = []
    if titles:
        lines.append("\t".join(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns))
    for first in rows:
        lines.append("\t".join(cell_text(first.siblingAtColumn(c)) for c in columns))
    return "\n".join(lines), len(rows)


class TooManyRowsError(Exception):
    pass


def copy_view(view: QAbstractItemView, show_status: Callable[[str, int], None], *, titles: bool = False) -> None:
    """Put the selected rows on the clipboard and say so in the status bar."""
    try:
        text, count = rows_text(view, titles=titles)
    except TooManyRowsError:
        show_status(
            QCoreApplication.translate("CopyRows", "More than %1 rows are selected; use Export for that many.").replace(
                "%1", number_text(MAX_ROWS)
            ),
            6000,
        )
        return
    if count == 0:
        show_status(QCoreApplication.translate("CopyRows", "Nothing is selected to copy."), 4000)
        return
    QGuiApplication.clipboard().setText(text + "\n" if count > 1 or titles else text)
    show_status(_copied(count), 3000)


def _copied(count: int) -> str:
    return QCoreApplication.translate("CopyRows", "Rows copied to the clipboard: %1.").replace("%1", number_text(count))


def _has_own_copy(view: QWidget) -> bool:
    return any(
        _copy_key() in action.shortcuts() for action in view.actions() if action.objectName() != "copyRowsAction"
    )


def install_copy_keys(root: QWidget, show_status: Callable[[str, int], None]) -> int:
    """Give every item view under ``root`` Ctrl+C and Ctrl+Shift+C, unless it has its own Copy.
    Returns how many views got them (a view is never given them twice)."""
    added = 0
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or view.findChild(QAction, "copyRowsAction") is not None:
            continue
        if _has_own_copy(view):
            continue
        for name, sequence, titles in (
            ("copyRowsAction", _copy_key(), False),
            ("copyRowsWithTitlesAction", _copy_with_titles_key(), True),
        ):
            action = QAction(view)
            action.setObjectName(name)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, v=view, t=titles: copy_view(v, show_status, titles=t))
            view.addAction(action)
        added += 1
    return added


class CopyCommands(QObject):
    """Edit → Copy and Copy with column titles, for the widget that has the focus.

    The menu shows Ctrl+C and Ctrl+Shift+C, but the keys themselves belong to the views (and to
    the text fields, which copy their selected text): a window-wide shortcut would take Ctrl+C
    from a text field. The actions' shortcuts are therefore live only in the open menu itself."""

    def __init__(self, window: QWidget, show_status: Callable[[str, int], None]) -> None:
        super().__init__(window)
        self._show_status = show_status
        self.copy_action = QAction(window)
        self.copy_action.setObjectName("copyAction")
        self.copy_titles_action = QAction(window)
        self.copy_titles_action.setObjectName("copyWithTitlesAction")
        for action, sequence, titles in (
            (self.copy_action, _copy_key(), False),
            (self.copy_titles_action, _copy_with_titles_key(), True),
        ):
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # shown, not taken from the window
            action.triggered.connect(lambda _checked=False, t=titles: self.copy(titles=t))
        self.retranslate()

    def copy(self, *, titles: bool = False) -> None:
        # The text editors' classes when asked: PySide creates a class's enum classes when it is
        # first imported, and the start needs neither (issue 8).
        from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

        focus = QApplication.focusWidget()
        if isinstance(focus, (QLineEdit, QTextEdit, QPlainTextEdit)):
            focus.copy()
            return
        view = focus if isinstance(focus, QAbstractItemView) else None
        if view is None or isinstance(view, QHeaderView):
            self._show_status(
                QCoreApplication.translate(
                    "CopyRows", "Put the cursor into a list first, then copy its selected rows."
                ),
                4000,
            )
            return
        own = [a for a in view.actions() if _copy_key() in a.shortcuts() and a.objectName() != "copyRowsAction"]
        if own and not titles:
            own[0].trigger()
            return
        copy_view(view, self._show_status, titles=titles)

    def retranslate(self) -> None:
        self.copy_action.setText(QCoreApplication.translate("CopyRows", "&Copy"))
        self.copy_action.setToolTip(
            QCoreApplication.translate("CopyRows", "Copy the selected rows as tab-separated text (Ctrl+C)")
        )
        self.copy_titles_action.setText(QCoreApplication.translate("CopyRows", "Copy &with column titles"))
        self.copy_titles_action.setToolTip(
            QCoreApplication.translate(
                "CopyRows", "Copy the selected rows with the column titles as the first line (Ctrl+Shift+C)"
            )
        )


def copy_rows_action(view: QAbstractItemView, show_status: Callable[[str, int], None]) -> QAction:
    """A context-menu entry "Copy rows" for ``view`` (Ctrl+C shown beside it; the key itself is
    the view's, see :func:`install_copy_keys`)."""
    action = QAction(view)
    action.setObjectName("copyRowsMenuAction")
    action.setText(QCoreApplication.translate("CopyRows", "Cop&y rows"))
    action.setShortcut(_copy_key())
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # live only in the open menu
    action.triggered.connect(lambda _checked=False: copy_view(view, show_status))
    return action
