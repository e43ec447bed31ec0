"""The SVG icons of ``resources/icons`` as QIcons in the colours of the current palette (SPEC E5).

The line icons are drawn with ``currentColor``. Qt's SVG renderer does not inherit a colour, so an
icon engine of ours puts in the palette's colour for the icon's mode (text, disabled text, selected
text) each time a size is asked for. An icon therefore follows a switch between light and dark on
its own, in every button, menu and view that already holds it, and is rendered at the device's
pixel ratio, crisp at any scaling. Rendered pixmaps are cached per size and colour, in memory and
as PNG files in the user's cache folder (:func:`_disk_cached`): a start then reads its twenty-odd
icons instead of loading the SVG plugin and rendering them (issue 8).

The files of one Qt version and one version of the program live in a folder of their own
(:data:`CACHE_GENERATION`); an upgrade starts a new one, and :func:`prune_stale_disk_cache`
removes the folders (and the flat files of the first layout) that no version in use writes to any
more, once the start page shows its data, on a thread of its own (:func:`prune_later`).

Icons that carry colours of their own (the application icon) keep them.

Command buttons and actions get their icon from their objectName (:func:`decorate`), so that the
same command shows the same picture on every page.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import threading
import time
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QSize, QStandardPaths, Qt, qVersion
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QImageReader,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractButton, QPushButton, QToolButton

from mandant_desktop import __version__

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

log = logging.getLogger(__name__)

APP_ICON = "app"
#: the sizes an icon says it has (window managers pick the application icon from these)
_SIZES = (16, 20, 24, 32, 48, 64, 128, 256)
_CACHE_LIMIT = 2048
_RECOLOURED = b"currentColor"
#: the folder of this Qt's and this program's rendered icons: a picture depends on both, and a
#: folder per pair lets the old pairs' files go as a whole
CACHE_GENERATION = re.sub(r"[^0-9A-Za-z.+-]", "_", f"qt{qVersion()}-v{__version__}")
#: what a generation folder's name looks like; nothing else in the cache is ever removed
_GENERATION_NAME = re.compile(r"qt[0-9A-Za-z.+_-]+-v[0-9A-Za-z.+_-]+")
#: a stale entry is removed once nothing has written to it for this long: another version of the
#: program still running on the same account may be filling its folder
STALE_AFTER_S = 24 * 3600


@functools.cache
def _folder() -> Traversable:
    return resources.files("mandant_desktop.resources").joinpath("icons")


@functools.cache
def svg_source(name: str) -> bytes:
    """The SVG text of the icon ``name``; FileNotFoundError when there is none. Kept once read:
    the files ship with the program, and a start looks up about sixty (issue 8)."""
    return _folder().joinpath(f"{name}.svg").read_bytes()


def icon_names() -> list[str]:
    """Every icon shipped, by name (file name without ``.svg``)."""
    return sorted(entry.name.removesuffix(".svg") for entry in _folder().iterdir() if entry.name.endswith(".svg"))


def mode_colour(mode: QIcon.Mode, palette: QPalette | None = None) -> str:
    """The colour a line icon is drawn in for ``mode``, as ``#rrggbb``."""
    used = palette if palette is not None else QGuiApplication.palette()
    group, role = QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText
    if mode == QIcon.Mode.Disabled:
        group = QPalette.ColorGroup.Disabled
    elif mode == QIcon.Mode.Selected:
        role = QPalette.ColorRole.HighlightedText
    colour = used.color(group, role)
    return colour.name()


def _disk_root() -> Path | None:
    """The folder of every version's rendered icons in the user's cache (XDG_CACHE_HOME on Linux)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(location) / "icons" if location else None


def _disk_folder() -> Path | None:
    """The folder of this version's rendered icons; None without a cache folder."""
    root = _disk_root()
    return root / CACHE_GENERATION if root is not None else None


def prune_stale_disk_cache(
    root: Path, keep: str = CACHE_GENERATION, *, now: float | None = None, stale_after_s: float = STALE_AFTER_S
) -> int:
    """Remove the rendered icons of other versions below ``root``; returns how many files went.

    Removed are only what this module writes: the PNG files directly in ``root`` (the flat layout
    before generation folders) and generation folders other than ``keep`` with the PNG files in
    them, each only when nothing was written to it for ``stale_after_s``. Symbolic links, other
    files and folders are left alone; a folder that still holds anything else stays. Errors (a
    file gone meanwhile, no permission) skip the entry: the cache is an aid. Cheap when there is
    nothing to prune: one listing of ``root``."""
    limit = (time.time() if now is None else now) - stale_after_s
    removed = 0

    def old_png(entry: os.DirEntry[str]) -> bool:
        return (
            entry.name.endswith(".png")
            and entry.is_file(follow_symlinks=False)
            and entry.stat(follow_symlinks=False).st_mtime < limit
        )

    try:
        entries = list(os.scandir(root))
    except OSError:
        return 0
    for entry in entries:
        try:
            if old_png(entry):
                os.unlink(entry.path)
                removed += 1
            elif (
                entry.name != keep
                and _GENERATION_NAME.fullmatch(entry.name)
                and entry.is_dir(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_mtime < limit
            ):
                with os.scandir(entry.path) as inside:
                    files = [item for item in inside if old_png(item)]
                for item in files:
                    os.unlink(item.path)
                    removed += 1
                os.rmdir(entry.path)  # fails, and keeps the folder, while anything else is in it
        except OSError:
            log.debug("icon cache entry %s not pruned", entry.path, exc_info=True)
    if removed:
        log.info("icon cache: %d files of other versions removed from %s", removed, root)
    return removed


def prune_later() -> threading.Thread | None:
    """:func:`prune_stale_disk_cache` on a thread of its own (the launcher calls it once the start
    page shows its data, off the start's path); None without a cache folder."""
    root = _disk_root()
    if root is None:
        return None
    thread = threading.Thread(target=prune_stale_disk_cache, args=(root,), name="icon-cache-prune", daemon=True)
    thread.start()
    return thread


def _disk_cached(svg: bytes, width: int, height: int) -> tuple[QImage | None, Path | None]:
    """The picture rendered earlier from exactly ``svg`` at ``width`` x ``height`` (the file's name
    is a hash of the SVG text as recoloured, the size and Qt's version, so a changed icon, colour or
    renderer is simply another file), and the file for it; (None, file) when not there yet."""
    folder = _disk_folder()
    if folder is None:
        return None, None
    key = hashlib.blake2b(svg, digest_size=16)
    key.update(f"|{width}x{height}|{qVersion()}".encode("ascii"))
    path = folder / f"{key.hexdigest()}.png"
    image = QImage(str(path))  # a null image when there is no such file yet
    if image.isNull() or image.width() != width or image.height() != height:
        return None, path  # not there yet, damaged or cut short: rendered and written anew
    return image, path


def _store(image: QImage, path: Path) -> None:
    """Write ``image`` to ``path`` whole or not at all (another instance may read it meanwhile);
    the cache is an aid, so a full disk or a read-only folder only means rendering next time."""
    temporary = path.with_name(f"{path.stem}.{os.getpid()}.tmp.png")  # the suffix names the format
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if image.save(str(temporary)):
            os.replace(temporary, path)
    except OSError:
        log.debug("icon cache %s not written", path, exc_info=True)
    finally:
        temporary.unlink(missing_ok=True)


@functools.lru_cache(maxsize=_CACHE_LIMIT)
def _rendered(name: str, colour: str, width: int, height: int) -> QPixmap:
    """``name`` in ``colour`` at ``width`` x ``height`` device pixels.

    Through Qt's SVG image-format plugin rather than ``QtSvg.QSvgRenderer``: the same renderer,
    without importing the QtSvg module at start (issue 8); read from the disk cache when it was
    rendered before, without the plugin.
    """
    svg = svg_source(name)
    if colour:
        svg = svg.replace(_RECOLOURED, colour.encode("ascii"))
    cached, path = _disk_cached(svg, width, height)
    if cached is not None:
        return QPixmap.fromImage(cached)
    buffer = QBuffer()
    buffer.setData(QByteArray(svg))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(width, height))
    image = reader.read()
    if image.isNull():
        log.warning("icon %s could not be rendered: %s", name, reader.errorString())
        pixmap = QPixmap(QSize(width, height))
        pixmap.fill(Qt.GlobalColor.transparent)
        return pixmap
    if path is not None:
        _store(image, path)
    return QPixmap.fromImage(image)


class SvgIconEngine(QIconEngine):
    """Renders one icon of ``resources/icons`` in the palette's colour for the asked mode."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def _colour(self, mode: QIcon.Mode) -> str:
        return mode_colour(mode)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        if size.isEmpty():
            return QPixmap()
        return QPixmap(_rendered(self._name, self._colour(mode), size.width(), size.height()))

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        # ``size`` is in device-independent pixels; the pixmap gets ``scale`` times as many.
        result = self.pixmap(QSize(round(size.width() * scale), round(size.height() * scale)), mode, state)
        result.setDevicePixelRatio(scale)
        return result

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        pixmap = self.pixmap(QSize(round(rect.width() * ratio), round(rect.height() * ratio)), mode, state)
        pixmap.setDevicePixelRatio(ratio)
        painter.drawPixmap(rect, pixmap)

    def availableSizes(self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off) -> list[QSize]:
        return [QSize(size, size) for size in _SIZES]

    def iconName(self) -> str:
        return self._name

    def key(self) -> str:
        return "mandant_svg"

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._name)


class _FixedColourEngine(SvgIconEngine):
    """An icon with colours of its own; only the disabled mode is greyed out by Qt's usual rules."""

    def _colour(self, mode: QIcon.Mode) -> str:
        return ""

    def clone(self) -> QIconEngine:
        return _FixedColourEngine(self._name)


def exists(name: str) -> bool:
    try:
        svg_source(name)
    except FileNotFoundError:
        return False
    return True


@functools.cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (file name without ``.svg``); an empty icon when it does not exist."""
    try:
        source = svg_source(name)
    except FileNotFoundError:
        log.warning("icon %s is missing", name)
        return QIcon()
    engine = SvgIconEngine(name) if _RECOLOURED in source else _FixedColourEngine(name)
    return QIcon(engine)


def clear_cache() -> None:
    """Forget the rendered pixmaps (they are cached per colour, so this only frees memory)."""
    _rendered.cache_clear()


# ------------------------------------------------------------------------------- commands → icons

#: objectNames whose icon the verb rule below would not find, or would find wrong
NAMED_ICONS: dict[str, str] = {
    "accessPrivateButton": "lock",
    "accessApplyToSubTenants": "apply-down",
    "addAccessButton": "add-access",
    "orgUnitAddAccessAction": "add-access",
    "bulkEditButton": "bulk-edit",
    "changeDatabaseButton": "database",
    "changeDatabaseAction": "database",
    "auditResetFilters": "reset",
    "rightsNamingSave": "save",
    "smtpTestButton": "send",
    "userResendButton": "mail",
    "aboutAction": "about",
    "quitAction": "quit",
}

#: the verbs of command objectNames (``customerNewButton``, ``orgUnitDeleteAction`` …), first match wins
VERB_ICONS: tuple[tuple[str, str], ...] = (
    ("undo", "undo"),
    ("redo", "redo"),
    ("new", "add"),
    ("add", "add"),
    ("properties", "edit"),
    ("edit", "edit"),
    ("rename", "rename"),
    ("move", "move"),
    ("duplicate", "duplicate"),
    ("delete", "delete"),
    ("remove", "delete"),
    ("save", "save"),
    ("discard", "discard"),
    ("export", "export"),
    ("import", "import"),
    ("copy", "copy"),
    ("resend", "mail"),
    ("send", "send"),
    ("deactivate", "deactivate"),
    ("reactivate", "reactivate"),
    ("explain", "explain"),
    ("restore", "restore"),
    ("reset", "reset"),
    ("expand", "expand-all"),
    ("collapse", "collapse-all"),
    ("filter", "filter"),
    ("refresh", "refresh"),
    ("find", "search"),
    ("expand", "expand-all"),
    ("collapse", "collapse-all"),
)


def _words(object_name: str) -> list[str]:
    """``customerNewButton`` → ``["customer", "new", "button"]``."""
    words: list[str] = []
    current = ""
    for char in object_name:
        if (char.isupper() or char in "_.-") and current:
            words.append(current.lower())
            current = ""
        if char not in "_.-":
            current += char
    if current:
        words.append(current.lower())
    return words


def command_icon(object_name: str) -> str | None:
    """The icon name of the command widget or action called ``object_name``; None for no command."""
    if object_name in NAMED_ICONS:
        return NAMED_ICONS[object_name]
    words = _words(object_name)
    if not words or words[-1] not in {"button", "action"}:
        return None
    return next((icon_name for verb, icon_name in VERB_ICONS if verb in words), None)


def decorate(root: QObject) -> int:
    """Give the command buttons and actions below ``root`` (and ``root`` itself) their icon, by
    objectName, where they have none yet. One vocabulary for every page: "New" always shows the
    same plus, "Delete" the same bin. Returns how many were given one."""
    given = 0
    candidates: list[QObject] = [root, *root.findChildren(QAction), *root.findChildren(QAbstractButton)]
    for item in candidates:
        if isinstance(item, QAbstractButton) and not isinstance(item, QPushButton | QToolButton):
            continue  # check boxes and radio buttons show their state, not a command
        if not isinstance(item, QAction | QAbstractButton) or not item.icon().isNull():
            continue
        name = command_icon(item.objectName())
        if name is not None and exists(name):
            item.setIcon(icon(name))
            if isinstance(item, QToolButton) and item.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
                # It showed its text while it had no icon; it keeps showing it.
                item.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            given += 1
    return given
