"""Dates, times, numbers and sizes in the user's locale (SPEC E1).

The locale is ``QLocale()``, the default the language manager sets on every switch (German:
``03.12.2026``, ``1.234``; English: ``12/3/2026``, ``1,234``). Views and pages format through these
functions only, so that a switch of the language switches the formats too. Times from the database
are UTC-aware and are shown in the workstation's time zone.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

SHORT = QLocale.FormatType.ShortFormat


def _locale(locale: QLocale | None) -> QLocale:
    return locale if locale is not None else QLocale()


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with the full year: an audit trail outlives a century's "26"."""
    fmt = _locale(locale).dateFormat(SHORT)
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy", 1)


def to_qdatetime(value: dt.datetime) -> QDateTime:
    """An aware (or naive-UTC) datetime as a QDateTime in the local time zone."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    local = aware.astimezone()
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second),
        QTimeZone.systemTimeZone(),
    )


def date_text(value: dt.date | QDate | None, locale: QLocale | None = None) -> str:
    """A calendar date in the locale's short format; "" for None."""
    if value is None:
        return ""
    qdate = value if isinstance(value, QDate) else QDate(value.year, value.month, value.day)
    return _locale(locale).toString(qdate, date_format(locale)) if qdate.isValid() else ""


def date_time_text(value: dt.datetime | None, locale: QLocale | None = None, *, seconds: bool = False) -> str:
    """A moment in local time: the locale's short date and its time (with seconds when asked)."""
    if value is None:
        return ""
    when = to_qdatetime(value)
    loc = _locale(locale)
    time = loc.toString(when.time(), loc.timeFormat(SHORT) if not seconds else _with_seconds(loc))
    return f"{loc.toString(when.date(), date_format(loc))} {time}"


def _with_seconds(locale: QLocale) -> str:
    fmt = locale.timeFormat(SHORT)
    return fmt if "s" in fmt else fmt.replace("mm", "mm:ss", 1)


def number_text(value: int | float | None, locale: QLocale | None = None, *, decimals: int = -1) -> str:
    """A number with the locale's group and decimal separators; "" for None."""
    if value is None:
        return ""
    loc = _locale(locale)
    if isinstance(value, int):
        return loc.toString(value)
    return loc.toString(value, "f", decimals if decimals >= 0 else 2)


def whole_number_input(text: str, locale: QLocale | None = None) -> str:
    """A whole number typed as the locale writes it ("1.000" in German, "1,000" in English) in
    digits for the services ("1000"); anything else unchanged, for the service's own message."""
    value, ok = _locale(locale).toLongLong(text.strip())
    return str(value) if ok else text


def size_text(size_bytes: int | None, locale: QLocale | None = None) -> str:
    """A size in bytes as people read it: "1,5 MB" (decimal units, as file managers show them)."""
    if size_bytes is None:
        return ""
    return _locale(locale).formattedDataSize(size_bytes, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def megabytes_text(megabytes: int | None, locale: QLocale | None = None) -> str:
    """A quota kept in megabytes, as a size ("2 GB" rather than "2.000")."""
    return "" if megabytes is None else size_text(megabytes * 1_000_000, locale)
