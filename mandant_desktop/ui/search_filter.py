"""A filter proxy that searches as every search of the program does (SPEC E2, C1, U1): the rows whose
shown texts hold every folded word of the search, in any order (:mod:`mandant_desktop.domain.
search_folding`: "strasse" finds "Straße", "jürgen" finds "Juergen"), where a Qt proxy's fixed
string would compare letter case only.

Each row's key is folded once, when a search first asks for it, and kept until the source model's
rows change: the user filter of the role assignment page lists 10,000 users, and a later keystroke
only tests the kept keys.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from mandant_desktop.domain.search_folding import matches, search_key, search_words

Index = QModelIndex | QPersistentModelIndex


class FoldedFilterProxy(QSortFilterProxyModel):
    """Keeps the rows of a flat source model whose shown texts (of the filter key column; all
    columns for -1, as :meth:`setFilterKeyColumn` says) hold every word of :meth:`set_search`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        #: source row → its folded texts, kept until the source's rows change
        self._keys: dict[int, str] = {}
        self.sourceModelChanged.connect(self._watch_source)

    def _watch_source(self) -> None:
        self._keys.clear()
        source = self.sourceModel()
        if source is None:
            return
        for signal in (
            source.modelReset,
            source.rowsInserted,
            source.rowsRemoved,
            source.rowsMoved,
            source.layoutChanged,
        ):
            signal.connect(self._forget)
        source.dataChanged.connect(self._data_changed)

    def _forget(self, *_args: object) -> None:
        self._keys.clear()

    def _data_changed(self, _top: QModelIndex, _bottom: QModelIndex, roles: list[int]) -> None:
        if not roles or Qt.ItemDataRole.DisplayRole in roles:  # a tick box: the texts stay
            self._keys.clear()

    def setFilterKeyColumn(self, column: int) -> None:
        self._keys.clear()
        super().setFilterKeyColumn(column)

    def set_search(self, text: str) -> None:
        """Show the rows that hold every folded word of ``text`` (all rows for an empty text)."""
        words = search_words(text)
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _key(self, row: int, parent: Index) -> str:
        key = self._keys.get(row)
        if key is None:
            source = self.sourceModel()
            column = self.filterKeyColumn()
            columns = range(source.columnCount(parent)) if column < 0 else (column,)
            texts = (source.data(source.index(row, c, parent), Qt.ItemDataRole.DisplayRole) for c in columns)
            key = self._keys[row] = search_key(str(text) if text is not None else "" for text in texts)
        return key

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return not self._words or matches(self._words, self._key(source_row, source_parent))
