"""Instructions per repaint of a 40 x 5 table (100 cells shown) with a Python model: data() per role (as
QStyledItemDelegate's default multiData asks seven roles a cell), or multiData() once per cell.

    QT_QPA_PLATFORM=offscreen valgrind --tool=callgrind python paint_cost.py KIND PAINTS   # PAINTS 0 and 10

KIND: data (display text, None otherwise), empty (None for every role), emptymulti (multiData that
sets nothing), multimin (multiData that sets the display role at its known place), multicheck (the
same after checking the span's length and role, else role by role), multiloop (role by role through
the span). (instructions with 10 paints - with 0) / 10 is one repaint.
"""

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex
from PySide6.QtWidgets import QApplication, QTableView

app = QApplication([])
KIND, PAINTS = sys.argv[1], int(sys.argv[2])


class M(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 40

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index, role=0):
        if role == 0:
            return "cell"
        return None


class MultiMin(M):
    def multiData(self, index, span):
        span[5].setData("cell")


class Empty(M):
    def data(self, index, role=0):
        return None


class EmptyMulti(M):
    def multiData(self, index, span):
        pass


class MultiCheck(M):
    def multiData(self, index, span):
        if len(span) == 7:
            rd = span[5]
            if rd.role() == 0:
                rd.setData("cell")
                return
        for i in range(len(span)):
            rd = span[i]
            value = self.data(index, rd.role())
            if value is not None:
                rd.setData(value)


class MultiLoop(M):
    def multiData(self, index, span):
        for i in range(len(span)):
            rd = span[i]
            value = self.data(index, rd.role())
            if value is not None:
                rd.setData(value)


m = {
    "multicheck": MultiCheck,
    "multiloop": MultiLoop,
    "data": M,
    "multimin": MultiMin,
    "empty": Empty,
    "emptymulti": EmptyMulti,
}[KIND]()
v = QTableView()
v.setModel(m)
v.resize(800, 600)
v.show()
app.processEvents()
for _ in range(PAINTS):
    v.viewport().repaint()
