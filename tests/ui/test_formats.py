"""Dates, numbers and sizes follow the user's locale (SPEC E1)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QLocale

from mandant_desktop.ui import formats
from mandant_desktop.ui.i18n import LanguageManager

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def test_dates_in_german_and_english() -> None:
    day = dt.date(2026, 12, 3)
    assert formats.date_text(day, GERMAN) == "03.12.2026"
    assert formats.date_text(day, ENGLISH) == "12/3/2026"
    assert formats.date_text(QDate(2026, 12, 3), GERMAN) == "03.12.2026"
    assert formats.date_text(None) == ""
    assert formats.date_text(QDate(), GERMAN) == ""


def test_moments_are_shown_in_local_time() -> None:
    at = dt.datetime(2026, 12, 3, 9, 5, 7, tzinfo=dt.UTC)
    local = at.astimezone()
    text = formats.date_time_text(at, GERMAN, seconds=True)
    assert text == f"{local:%d.%m.%Y} {local:%H:%M:%S}"
    assert formats.date_time_text(at, GERMAN) == f"{local:%d.%m.%Y} {local:%H:%M}"
    # A naive value from a backend without time zones is UTC.
    assert formats.date_time_text(at.replace(tzinfo=None), GERMAN) == formats.date_time_text(at, GERMAN)
    assert formats.date_time_text(None) == ""


def test_numbers_and_sizes() -> None:
    assert formats.number_text(1234567, GERMAN) == "1.234.567"
    assert formats.number_text(1234567, ENGLISH) == "1,234,567"
    assert formats.number_text(1234.5, GERMAN) == "1.234,50"
    assert formats.number_text(None) == ""
    assert formats.size_text(1_500_000, GERMAN) == "1,5 MB"
    assert formats.size_text(1_500_000, ENGLISH) == "1.5 MB"
    assert formats.megabytes_text(2000, GERMAN) == "2,0 GB"
    assert formats.megabytes_text(None) == ""


def test_the_language_switch_switches_the_formats(language: LanguageManager) -> None:
    """The default locale is the UI language's: a switch changes every later formatted value."""
    language.choose("de")
    assert formats.number_text(1234) == "1.234"
    language.choose("en")
    assert formats.number_text(1234) == "1,234"


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_german_numbers_read_back(value: int) -> None:
    parsed, ok = GERMAN.toLongLong(formats.number_text(value, GERMAN))
    assert ok and parsed == value
