"""Cell values that are safe to hand to a spreadsheet (SPEC S7).

A spreadsheet program treats text that starts with ``=``, ``+``, ``-`` or ``@`` as a formula once
the file passes through CSV or a user edits the cell, and tab or carriage return at the start let
the value break out of its cell on a paste. Names, e-mail addresses and customer names are typed
by people we do not control (external portal users among them), so every exported string is
defused by prefixing a single quote: the value then reads as plain text.
"""

from __future__ import annotations

from typing import TypeVar, overload

#: first characters that make a spreadsheet read a value as a formula or a cell break
FORMULA_TRIGGERS = frozenset({"=", "+", "-", "@", "\t", "\r"})
TEXT_PREFIX = "'"

T = TypeVar("T")


def needs_neutralizing(value: object) -> bool:
    return isinstance(value, str) and value[:1] in FORMULA_TRIGGERS


@overload
def neutralize_cell(value: str) -> str: ...
@overload
def neutralize_cell(value: T) -> T: ...


def neutralize_cell(value: object) -> object:
    """``value`` unchanged, unless it is a string a spreadsheet could run; that gets a ``'`` prefix.

    Numbers, dates and ``None`` are returned as they are: the writer stores them typed, never as
    formulas. The result is a fixed point, so neutralising twice changes nothing.
    """
    if isinstance(value, str) and value[:1] in FORMULA_TRIGGERS:
        return TEXT_PREFIX + value
    return value


__all__ = ["FORMULA_TRIGGERS", "TEXT_PREFIX", "needs_neutralizing", "neutralize_cell"]
