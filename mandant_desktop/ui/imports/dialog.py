"""The import dialog (SPEC S8): choose a file, check it (a dry run), see the errors by row and
column or what would be added, then import — all rows or none.

The *Import* button is enabled only after a check of the same file found no errors, so nothing
is written that the operator has not seen. A file refused as a whole (too big, a zip bomb, not a
workbook, a formula) is named in the summary line; nothing was read into the database.

Check and import run on a worker with a progress dialog and Cancel (S5, E3); a cancelled import
writes nothing. While one runs the dialog's own buttons wait, and it cannot be closed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mandant_desktop.services.imports import ImportKind, ImportResult, ImportService
from mandant_desktop.services.operator import Operator
from mandant_desktop.services.progress import OperationCancelledError
from mandant_desktop.ui import tasks, theme
from mandant_desktop.ui.errors import message_for
from mandant_desktop.ui.formats import number_text
from mandant_desktop.ui.i18n import QT_TRANSLATE_NOOP
from mandant_desktop.ui.text_table import TextTableModel

CONTEXT = "ImportDialog"

#: the words of the users file (the other files use their export's words)
USER_WORDS = (
    QT_TRANSLATE_NOOP("UserImport", "User name"),
    QT_TRANSLATE_NOOP("UserImport", "E-mail"),
    QT_TRANSLATE_NOOP("UserImport", "First name"),
    QT_TRANSLATE_NOOP("UserImport", "Last name"),
    QT_TRANSLATE_NOOP("UserImport", "SSO"),
    QT_TRANSLATE_NOOP("UserImport", "yes"),
)
#: where each import finds the German (or other) words of its file: the export's context
WORD_CONTEXTS = {
    ImportKind.ASSIGNMENTS: "exports",
    ImportKind.USERS: "UserImport",
    ImportKind.CUSTOMERS: "CustomerExport",
}
TITLES = {
    ImportKind.ASSIGNMENTS: QT_TRANSLATE_NOOP("ImportDialog", "Import role assignments"),
    ImportKind.USERS: QT_TRANSLATE_NOOP("ImportDialog", "Import users"),
    ImportKind.CUSTOMERS: QT_TRANSLATE_NOOP("ImportDialog", "Import customers"),
}


def word_translator(kind: ImportKind) -> Callable[[str], str]:
    context = WORD_CONTEXTS[kind]
    return lambda text: QCoreApplication.translate(context, text)


class ImportDialog(QDialog):
    def __init__(
        self,
        service: ImportService,
        operator: Callable[[], Operator],
        kind: ImportKind,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self._service = service
        self._operator = operator
        self.kind = kind
        self._checked: str | None = None
        #: the check or import on its worker, else None
        self._task: tasks.Task[ImportResult] | None = None
        self.result_seen: ImportResult | None = None
        self.imported: ImportResult | None = None
        #: asks for the file; tests replace it
        self.choose_file: Callable[[], str | None] = self._ask_file

        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.textChanged.connect(self._path_changed)
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("importBrowse")
        self.browse_button.clicked.connect(self.browse)
        self.check_button = QPushButton()
        self.check_button.setObjectName("importCheck")
        self.check_button.clicked.connect(self.check)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._third = QCoreApplication.translate("ImportDialog", "Message")
        self.rows_model = TextTableModel(
            lambda: (
                QCoreApplication.translate("ImportDialog", "Row"),
                QCoreApplication.translate("ImportDialog", "Column"),
                self._third,
            ),
            self,
        )
        self.rows = QTableView()
        self.rows.setObjectName("importErrors")
        self.rows.setModel(self.rows_model)
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.setTabKeyNavigation(False)  # E2: Tab leaves the table, the arrow keys move in it
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.verticalHeader().setVisible(False)
        self.rows.horizontalHeader().setStretchLastSection(True)
        self.rows.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.rows.horizontalHeader().resizeSection(1, 160)
        self.rows.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importRun")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        self.file_label = QLabel()
        self.file_label.setBuddy(self.path)
        file_row.addWidget(self.file_label)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse_button)
        file_row.addWidget(self.check_button)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 460)
        self.retranslateUi()

    # ------------------------------------------------------------------ steps

    def _ask_file(self) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ImportDialog", "Choose an Excel file"),
            "",
            QCoreApplication.translate("ImportDialog", "Excel workbook (*.xlsx)"),
        )
        return path or None

    def browse(self) -> None:
        path = self.choose_file()
        if path:
            self.path.setText(path)
            self.check()

    def _path_changed(self, _text: str) -> None:
        self._checked = None
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(bool(self.path.text().strip()))

    @property
    def busy(self) -> bool:
        """True while a check or an import runs."""
        return self._task is not None

    def _run(self, dry_run: bool, on_done: Callable[[ImportResult], None]) -> None:
        """The service on a worker with progress and Cancel; ``on_done`` on the GUI thread."""
        path = self.path.text().strip()
        label = (
            QCoreApplication.translate("ImportDialog", "Checking the file…")
            if dry_run
            else QCoreApplication.translate("ImportDialog", "Importing…")
        )
        task = tasks.run_with_progress(
            self,
            self.windowTitle(),
            label,
            self._service.run,
            self._operator(),
            self.kind,
            Path(path),
            dry_run=dry_run,
            translate=word_translator(self.kind),  # QCoreApplication.translate is thread-safe
            on_done=on_done,
            on_error=lambda exc: self._show_refusal(message_for(exc)),
            shows_error=True,  # in the summary
            writes=not dry_run,
        )
        self._task = task
        self._set_idle(False)

        def ended() -> None:
            if not shiboken6.isValid(self):
                return  # the window closed while the import ran (the program ends)
            self._task = None
            if task.cancelled() and self.imported is None:
                self._show_cancelled()  # a new check first: the list it showed is gone
            self._set_idle(True)

        task.finished.connect(ended)

    def _set_idle(self, idle: bool) -> None:
        for widget in (self.path, self.browse_button, self.buttons):
            widget.setEnabled(idle)
        self.check_button.setEnabled(idle and bool(self.path.text().strip()))
        self.import_button.setEnabled(idle and self._checked == self.path.text().strip())

    def reject(self) -> None:
        if self._task is not None:
            return  # Cancel is in the progress dialog; closing now would lose the answer
        super().reject()

    def check(self) -> None:
        """The dry run: what would be added, what is unchanged, and every error by row and column."""
        if not self.path.text().strip() or self._task is not None:
            return
        self._checked = None
        self.result_seen = None
        self._run(True, self._checked_file)

    def _checked_file(self, result: ImportResult) -> None:
        self.result_seen = result
        self._show(result)
        if result.ok and result.added:
            self._checked = self.path.text().strip()
            self.import_button.setDefault(True)

    def run_import(self) -> None:
        if self._checked != self.path.text().strip() or self._task is not None:
            return
        self._run(False, self._imported)

    def _imported(self, result: ImportResult) -> None:
        if not result.ok:  # the data changed since the check
            self._checked = None
            self._show(result)
            return
        self.imported = result
        self._task = None
        self.accept()

    # ------------------------------------------------------------------ showing results

    def _show_cancelled(self) -> None:
        self._checked = None
        self.summary.setText(message_for(OperationCancelledError("Cancelled; nothing was changed.")))
        self.summary.setStyleSheet("")
        self.rows_model.set_rows([])

    def _show_refusal(self, message: str) -> None:
        self._checked = None
        self.summary.setText(
            QCoreApplication.translate("ImportDialog", "The file was refused; nothing was imported.") + "\n" + message
        )
        self.summary.setStyleSheet("color: palette(bright-text); background: #b3261e; padding: 4px;")
        self.rows_model.set_rows([])
        self.import_button.setEnabled(False)

    def _show(self, result: ImportResult) -> None:
        counts = (
            QCoreApplication.translate("ImportDialog", "%1 would be added, %2 unchanged, %3 errors.")
            .replace("%1", number_text(result.added))
            .replace("%2", number_text(result.unchanged))
            .replace("%3", number_text(len(result.errors)))
        )
        if result.errors:
            self.summary.setText(
                counts
                + " "
                + QCoreApplication.translate(
                    "ImportDialog", "Correct the file and check it again; nothing was imported."
                )
            )
            self.summary.setStyleSheet(f"color: {theme.error_text_colour()};")
            self._third = QCoreApplication.translate("ImportDialog", "Message")
            self.rows_model.set_rows([(str(e.row), e.column, message_for(e.error)) for e in result.errors])
        else:
            tail = (
                QCoreApplication.translate("ImportDialog", "Nothing to import.")
                if not result.added
                else QCoreApplication.translate("ImportDialog", "Press Import to add them.")
            )
            self.summary.setText(counts + " " + tail)
            self.summary.setStyleSheet("")
            self._third = QCoreApplication.translate("ImportDialog", "Would be added")
            self.rows_model.set_rows([("", "", line) for line in result.preview])
        self.rows.resizeRowsToContents()

    def retranslateUi(self) -> None:
        self.setWindowTitle(QCoreApplication.translate(CONTEXT, TITLES[self.kind]))
        self.note.setText(
            QCoreApplication.translate(
                "ImportDialog",
                "Start from an exported file: the columns are those of the export. The file is checked first; "
                "it is imported only when every row is valid, and then all at once.",
            )
        )
        self.file_label.setText(QCoreApplication.translate("ImportDialog", "&File:"))
        self.browse_button.setText(QCoreApplication.translate("ImportDialog", "&Choose…"))
        self.check_button.setText(QCoreApplication.translate("ImportDialog", "Chec&k"))
        self.import_button.setText(QCoreApplication.translate("ImportDialog", "&Import"))
        self.rows_model.retranslate()
        if not self.summary.text():
            self.summary.setText(QCoreApplication.translate("ImportDialog", "Choose a file and check it."))
