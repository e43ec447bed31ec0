"""Streaming, atomic Excel writing for exports (SPEC S7, E3).

Rows are streamed into openpyxl's write-only workbook (lxml does the XML), so a million rows never
sit in memory as cells. The file appears under its name only when it is complete: it is written to
a temporary file in the target folder and moved over the target with ``os.replace``, which is
atomic on one file system. An error or a cancel removes the temporary file, so the folder holds
either the old file or the new one, never half of one.

Every string goes through :func:`~mandant_desktop.domain.cells.neutralize_cell`: exported names
and addresses are typed by people outside the company and must never run as formulas.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from mandant_desktop.domain.cells import neutralize_cell
from mandant_desktop.domain.errors import DomainError
from mandant_desktop.services.progress import CancelCheck, CountProgress, OperationCancelledError

log = logging.getLogger(__name__)

#: Excel's limit, header included; longer exports continue on another sheet
MAX_SHEET_ROWS = 1_048_576
#: rows looked at to size the columns before anything is written
_SIZING_ROWS = 200
_MIN_WIDTH = 8
_MAX_WIDTH = 60
#: how often (in rows) cancel is asked and progress reported
_TICK_ROWS = 500
_INVALID_TITLE_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})
#: the control characters XML 1.0 cannot hold (tab, line feed and carriage return it can)
_ILLEGAL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: distinct cleaned strings remembered per export (unit paths, role names, a user's name repeat
#: on every row of a large export); the memo starts afresh when it reaches this size
_MEMO_LIMIT = 50_000
#: Excel's limit of characters in one cell; Excel repairs (empties) a file with a longer one. The
#: audit log's changes of an inherited role name every unit it reached, thousands of them.
MAX_CELL_CHARS = 32_767


def _cell(value: Any) -> Any:
    """``value`` ready for a cell: control characters that the xlsx format cannot hold (openpyxl
    refuses them, which would fail the whole export over one odd name) are dropped first, then the
    result is neutralised (S7) — a value may start with a formula character only once they are gone —
    and cut to the characters a cell holds, its end marked "…"."""
    if isinstance(value, str):
        value = _ILLEGAL_CHARACTERS.sub("", value)
    value = neutralize_cell(value)
    if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
        value = value[: MAX_CELL_CHARS - 1] + "…"
    return value


class ExportFileError(DomainError):
    """The export file cannot be written where the operator asked for it."""


def check_target(path: Path) -> None:
    """Refuse early, before any query runs, when the target folder cannot take the file."""
    folder = path.parent
    if not folder.is_dir():
        raise ExportFileError("The folder {folder} does not exist.", folder=str(folder))
    if path.is_dir():
        raise ExportFileError("{path} is a folder; choose a file name.", path=str(path))
    if not os.access(folder, os.W_OK):
        raise ExportFileError("You may not write to the folder {folder}.", folder=str(folder))


class XlsxExport:
    """``with XlsxExport(path, title, headers, ...) as out: out.add(row) …; out.commit()``

    Leaving the block without :meth:`commit` (an error, a cancel) leaves no file behind.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        title: str,
        headers: Sequence[str],
        *,
        total: int,
        progress: CountProgress | None = None,
        cancel: CancelCheck | None = None,
    ) -> None:
        self.path = Path(path)
        self._title = title
        self._headers = list(headers)
        self.total = total
        self._progress = progress
        self._cancel = cancel
        self.written = 0
        self._sheet_count = 0
        self._sheet_rows = 0
        self._buffer: list[list[Any]] = []
        #: string as given -> string as written (see :func:`_cell`); most values repeat
        self._memo: dict[str, Any] = {}
        # Any: the openpyxl stubs know neither column_dimensions nor auto_filter of write-only sheets
        self._sheet: Any = None
        self._current_widths: list[float] = []
        # openpyxl (with lxml) is imported by the first export, not by the program's start (issue 8).
        from openpyxl import Workbook

        self._workbook = Workbook(write_only=True)
        self._temp: Path | None = None
        self._committed = False

    def __enter__(self) -> Self:
        check_target(self.path)
        try:
            handle, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
        except OSError as exc:
            raise ExportFileError(
                "Cannot write to the folder {folder}: {reason}", folder=str(self.path.parent), reason=exc.strerror
            ) from None
        os.close(handle)
        self._temp = Path(name)
        self._report()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if not self._committed:
            self._discard()

    # ------------------------------------------------------------------ rows

    def add(self, row: Sequence[Any]) -> None:
        memo = self._memo
        values = []
        for value in row:
            if isinstance(value, str):
                cleaned = memo.get(value)
                if cleaned is None:
                    if len(memo) >= _MEMO_LIMIT:
                        memo.clear()
                    cleaned = memo[value] = _cell(value)
                values.append(cleaned)
            else:
                values.append(_cell(value))
        if self._sheet is not None and self._sheet_rows < MAX_SHEET_ROWS:
            self._sheet.append(values)  # the usual case, without the checks of _append
            self._sheet_rows += 1
        elif self._sheet is None and len(self._buffer) < _SIZING_ROWS:
            self._buffer.append(values)
        else:
            self._flush_buffer()
            self._append(values)
        self.written += 1
        if self.written % _TICK_ROWS == 0:
            self._tick()

    def commit(self) -> int:
        """Finish the file and move it into place; returns the number of data rows."""
        self._tick()
        self._flush_buffer()
        self._close_sheet()
        temp = self._temp
        if temp is None:
            raise RuntimeError("the export is not open")
        try:
            self._workbook.save(temp)
            if self.path.exists():
                # Keep the permissions of the file being replaced; a new one keeps mkstemp's
                # owner-only mode, which suits files full of personal data.
                with contextlib.suppress(OSError):
                    shutil.copymode(self.path, temp)
            os.replace(temp, self.path)
        except OSError as exc:
            raise ExportFileError(
                "Cannot write {path}: {reason}. If the file is open in another program, close it and try again.",
                path=str(self.path),
                reason=exc.strerror or type(exc).__name__,
            ) from None
        self._committed = True
        self._temp = None
        if self._progress is not None:
            self._progress(self.written, max(self.total, self.written))
        return self.written

    # ------------------------------------------------------------------ internals

    def _tick(self) -> None:
        if self._cancel is not None and self._cancel():
            raise OperationCancelledError("Export cancelled; no file was written.")
        self._report()

    def _report(self) -> None:
        if self._progress is not None:
            self._progress(self.written, max(self.total, self.written))

    def _flush_buffer(self) -> None:
        if self._sheet is not None:
            return
        self._open_sheet(self._widths(self._buffer))
        buffered, self._buffer = self._buffer, []
        for values in buffered:
            self._append(values)

    def _append(self, values: list[Any]) -> None:
        if self._sheet is None or self._sheet_rows >= MAX_SHEET_ROWS:
            widths = self._current_widths
            self._close_sheet()
            self._open_sheet(widths)
        assert self._sheet is not None
        self._sheet.append(values)
        self._sheet_rows += 1

    def _widths(self, rows: list[list[Any]]) -> list[float]:
        widths = []
        for column, header in enumerate(self._headers):
            longest = max([len(header)] + [len(str(row[column])) for row in rows if row[column] is not None])
            widths.append(float(min(_MAX_WIDTH, max(_MIN_WIDTH, longest + 2))))
        return widths

    def _open_sheet(self, widths: list[float]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        self._sheet_count += 1
        title = self._title.translate(_INVALID_TITLE_CHARS)
        if self._sheet_count > 1:
            title = f"{title[:25]} ({self._sheet_count})"
        sheet: Any = self._workbook.create_sheet(title=title[:31])
        # Column widths and the frozen header go into the XML before the rows: set them first.
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        header_cells = []
        for header in self._headers:
            cell = WriteOnlyCell(sheet, value=_cell(header))
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        self._sheet = sheet
        self._sheet_rows = 1
        self._current_widths = widths

    def _close_sheet(self) -> None:
        sheet: Any = self._sheet
        if sheet is None:
            return
        from openpyxl.utils import get_column_letter

        last_column = get_column_letter(len(self._headers))
        sheet.auto_filter.ref = f"A1:{last_column}{self._sheet_rows}"
        self._sheet = None

    def _discard(self) -> None:
        if self._temp is not None:
            with contextlib.suppress(OSError):
                self._temp.unlink()
            self._temp = None
        # openpyxl spools each write-only sheet to a file in the system temp folder and removes it
        # only on save or at interpreter exit; a cancelled export removes it now.
        for sheet in self._workbook.worksheets:
            writer: Any = getattr(sheet, "_writer", None)
            if writer is None:
                continue
            try:
                rows: Any = getattr(sheet, "_rows", None)
                if rows is not None:
                    rows.close()
                writer.close()
                writer.cleanup()
            except Exception:  # a private openpyxl API; a leftover temp file is no reason to fail
                log.debug("could not remove openpyxl's spool file", exc_info=True)
