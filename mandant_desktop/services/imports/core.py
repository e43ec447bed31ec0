"""The shared core of the Excel imports (SPEC S8, E9): a file is checked before it is parsed.

An .xlsx file is a zip archive of XML. Before openpyxl reads a byte of XML, :func:`check_file`
refuses what could hurt the workstation or the database: a file that is too big, that is no zip
archive (a renamed file), a zip with too many entries, too much uncompressed data or a suspicious
compression ratio (a zip bomb), a sheet with more rows than an import may hold, and XML with a
document type declaration (entity expansion, "billion laughs", external entities — never part of
a workbook Excel writes). openpyxl then parses with defusedxml, which refuses entities again.

:func:`read_sheet` reads the first sheet in read-only mode into plain rows, matching the header
row to the columns of the corresponding export, in English or in the operator's language.
Formula cells are refused: an import takes values, never something a spreadsheet computes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mandant_desktop.domain.cells import FORMULA_TRIGGERS, TEXT_PREFIX
from mandant_desktop.domain.errors import DomainError

Translate = Callable[[str], str]


class ImportFileError(DomainError):
    """The file cannot be imported at all; nothing was read into the database."""


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 20 * 1024 * 1024
    max_entries: int = 200
    max_uncompressed_bytes: int = 200 * 1024 * 1024
    max_ratio: int = 100
    max_rows: int = 50_000


DEFAULT_LIMITS = Limits()
#: ratios of small entries say nothing (a 2 kB sheet of empty cells compresses 1:50 and more)
_RATIO_FLOOR_BYTES = 1024 * 1024
_CHUNK = 64 * 1024
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')


@dataclass(frozen=True, slots=True)
class RowError:
    """A problem in one cell (``column`` empty: the row as a whole); ``row`` is the sheet's row number."""

    row: int
    column: str
    error: DomainError


@dataclass(frozen=True, slots=True)
class SheetRow:
    number: int
    values: dict[str, Any]


@dataclass
class ImportResult:
    """What an import did, or would do on a dry run: added, unchanged, and the errors by row."""

    kind: str
    dry_run: bool
    added: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    #: one short line per added object, for the dry-run list (at most :data:`MAX_PREVIEW`)
    preview: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


MAX_PREVIEW = 500
#: rows read between two progress reports and cancel checks
READ_CHUNK = 1000


def require_defused_xml() -> None:
    """openpyxl must parse with defusedxml (it does whenever defusedxml is installed)."""
    import openpyxl  # a tenth of a second: not while a page with an "Import…" button opens (issue 8)

    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise ImportFileError(
            "Imports are switched off: the XML protection (defusedxml) is not active in this installation."
        )


def check_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a file that is not a plain workbook within the limits, before anything parses it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError("Cannot read {path}: {reason}", path=str(path), reason=exc.strerror or "") from None
    if size > limits.max_file_bytes:
        raise ImportFileError(
            "The file is too large for an import ({size} MB; at most {limit} MB).",
            size=round(size / 1024 / 1024, 1),
            limit=limits.max_file_bytes // 1024 // 1024,
        )
    if not zipfile.is_zipfile(path):
        raise ImportFileError("{name} is not an Excel workbook (.xlsx).", name=path.name)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            if "[Content_Types].xml" not in names or not any(n.startswith("xl/worksheets/") for n in names):
                raise ImportFileError("{name} is not an Excel workbook (.xlsx).", name=path.name)
            if len(entries) > limits.max_entries:
                raise ImportFileError(
                    "The workbook has too many parts ({count}); it is refused as a possible attack.",
                    count=len(entries),
                )
            total = sum(entry.file_size for entry in entries)
            if total > limits.max_uncompressed_bytes:
                raise ImportFileError(
                    "The workbook unpacks to {size} MB (at most {limit} MB); it is refused as a possible zip bomb.",
                    size=total // 1024 // 1024,
                    limit=limits.max_uncompressed_bytes // 1024 // 1024,
                )
            for entry in entries:
                if entry.file_size > _RATIO_FLOOR_BYTES and entry.file_size > limits.max_ratio * max(
                    entry.compress_size, 1
                ):
                    raise ImportFileError(
                        "A part of the workbook is compressed more than {ratio}:1; it is refused as a possible "
                        "zip bomb.",
                        ratio=limits.max_ratio,
                    )
            for entry in entries:
                if entry.filename.endswith((".xml", ".rels")):
                    _scan_xml(archive, entry, limits)
    except zipfile.BadZipFile:
        raise ImportFileError("{name} is not an Excel workbook (.xlsx).", name=path.name) from None


def _scan_xml(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limits: Limits) -> None:
    """Refuse DTDs and entities; read the row count of a sheet from its dimension. Streams the
    entry in chunks, so memory stays small; the sizes were checked before."""
    tail = b""
    read = 0
    with archive.open(entry) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            read += len(chunk)
            if read > entry.file_size or read > limits.max_uncompressed_bytes:
                # The header lied about the size: stop before it costs more.
                raise ImportFileError("The workbook is damaged or manipulated; it is refused.")
            window = tail + chunk
            if _DOCTYPE.search(window):
                raise ImportFileError(
                    "The workbook contains an XML document type declaration, which Excel never writes; it is "
                    "refused as a possible attack."
                )
            if entry.filename.startswith("xl/worksheets/") and read <= _CHUNK:
                match = _DIMENSION.search(window)
                if match and match.group(1) and int(match.group(1)) - 1 > limits.max_rows:
                    raise ImportFileError(
                        "The sheet has {rows} rows; an import takes at most {limit}. Split the file.",
                        rows=int(match.group(1)) - 1,
                        limit=limits.max_rows,
                    )
            tail = chunk[-16:]


def _clean(value: Any) -> Any:
    """A cell value as the export wrote it: strings trimmed, the export's ' prefix before a formula
    character removed (S7 round trip), empty strings as None."""
    if isinstance(value, str):
        if value[:1] == TEXT_PREFIX and value[1:2] in FORMULA_TRIGGERS:
            value = value[1:]
        value = value.strip()
        return value or None
    return value


def read_sheet(
    path: Path,
    headers: Sequence[str],
    *,
    translate: Translate | None = None,
    required: Sequence[str] = (),
    limits: Limits = DEFAULT_LIMITS,
    step: Callable[[int, int], None] | None = None,
) -> list[SheetRow]:
    """The data rows of the workbook's first sheet as ``{English header: value}``.

    ``step(rows read, 0)`` is called every :data:`READ_CHUNK` rows (the total is not known while
    reading); it may raise to stop reading (a cancel).

    The header row must name the columns of the export (``headers``), in English or translated
    with ``translate``; columns may be in any order, unknown columns are refused so that a wrong
    file does not import half its data. Empty rows are skipped.
    """
    import openpyxl
    from openpyxl.utils import get_column_letter

    require_defused_xml()
    check_file(path, limits)
    wanted = {h.casefold(): h for h in headers}
    if translate is not None:
        wanted.update({translate(h).casefold(): h for h in headers})
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except DomainError:
        raise
    except Exception as exc:  # defusedxml's refusals, broken XML, missing parts: all one message
        raise ImportFileError("The workbook cannot be read: {reason}", reason=type(exc).__name__) from None
    try:
        sheet = workbook.worksheets[0]
        rows_iter = sheet.iter_rows()
        try:
            header_cells = next(rows_iter)
        except StopIteration:
            raise ImportFileError("The sheet is empty; the first row must name the columns.") from None
        columns: list[str | None] = []
        for cell in header_cells:
            text = _clean(cell.value)
            if text is None:
                columns.append(None)
                continue
            known = wanted.get(str(text).casefold())
            if known is None:
                raise ImportFileError(
                    "The column {column} is not part of this import. Expected: {expected}.",
                    column=str(text),
                    expected=", ".join(translate(h) if translate else h for h in headers),
                )
            columns.append(known)
        missing = [h for h in required if h not in columns]
        if missing:
            raise ImportFileError(
                "The column {column} is missing; start from an exported file.",
                column=translate(missing[0]) if translate else missing[0],
            )
        result: list[SheetRow] = []
        for cells in rows_iter:
            number = next((c.row for c in cells if getattr(c, "row", None)), None) or len(result) + 2
            values: dict[str, Any] = {}
            for index, cell in enumerate(cells):
                header = columns[index] if index < len(columns) else None
                if header is None:
                    continue
                if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")):
                    raise ImportFileError(
                        "Cell {cell} contains a formula; an import takes plain values only.",
                        cell=f"{get_column_letter(index + 1)}{number}",
                    )
                values[header] = _clean(cell.value)
            if all(value is None for value in values.values()):
                continue
            result.append(SheetRow(int(number or 0), values))
            if len(result) > limits.max_rows:
                raise ImportFileError("The sheet has more than {limit} rows; split the file.", limit=limits.max_rows)
            if step is not None and len(result) % READ_CHUNK == 0:
                step(len(result), 0)
        return result
    finally:
        workbook.close()


def text(row: SheetRow, header: str) -> str:
    value = row.values.get(header)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
