"""The naming pattern of customer rights groups (SPEC C3).

Element 1 is a fixed string (e.g. "X"), element 2 the customer number or name, element 3 the
number, name, short name or nothing; a hyphen separates elements 2 and 3 when 3 is present.
Number 12345, name Heidelberg and the pattern X + number + name give ``X12345-Heidelberg``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mandant_desktop.domain.errors import ValidationError

#: the longest group name the database holds (``rights_group.name``)
GROUP_NAME_MAX = 150
PREFIX_MAX = 20


class Element(StrEnum):
    NUMBER = "number"
    NAME = "name"
    SHORT_NAME = "short_name"
    NONE = "none"


#: what element 2 may be, and element 3
SECOND_CHOICES: tuple[Element, ...] = (Element.NUMBER, Element.NAME)
THIRD_CHOICES: tuple[Element, ...] = (Element.NUMBER, Element.NAME, Element.SHORT_NAME, Element.NONE)


@dataclass(frozen=True, slots=True)
class NamingPattern:
    prefix: str = "X"
    second: Element = Element.NUMBER
    third: Element = Element.NAME

    def __post_init__(self) -> None:
        if self.second not in SECOND_CHOICES:
            raise ValidationError("Element 2 must be the customer number or the customer name.", field="element 2")
        if self.third not in THIRD_CHOICES:
            raise ValidationError(
                "Element 3 must be the customer number, name, short name or nothing.", field="element 3"
            )
        if self.prefix != self.prefix.strip() or any(ch.isspace() for ch in self.prefix):
            raise ValidationError("Element 1 must not contain spaces.", field="element 1")
        if len(self.prefix) > PREFIX_MAX:
            raise ValidationError("Element 1 may be at most {max} characters long.", field="element 1", max=PREFIX_MAX)

    def to_json(self) -> dict[str, str]:
        return {"prefix": self.prefix, "second": self.second.value, "third": self.third.value}

    @classmethod
    def from_json(cls, value: Any) -> NamingPattern:
        """The stored pattern; anything unreadable gives the default (the seed's X + number + name)."""
        if not isinstance(value, dict):
            return cls()
        try:
            return cls(str(value.get("prefix", "X")), Element(str(value["second"])), Element(str(value["third"])))
        except (KeyError, ValueError, ValidationError):
            return cls()


def _element(element: Element, number: str, name: str, short_name: str) -> str:
    return {Element.NUMBER: number, Element.NAME: name, Element.SHORT_NAME: short_name, Element.NONE: ""}[element]


def group_name(pattern: NamingPattern, number: str, name: str, short_name: str = "") -> str:
    """The rights-group name of a customer under ``pattern``.

    Refused when it would be longer than the database holds: a silently cut name could clash
    with another customer's group.
    """
    result = pattern.prefix + _element(pattern.second, number, name, short_name)
    if pattern.third is not Element.NONE:
        result += "-" + _element(pattern.third, number, name, short_name)
    result = " ".join(result.split())
    if len(result) > GROUP_NAME_MAX:
        raise ValidationError(
            "The rights group name {name} would be longer than {max} characters; shorten the customer name "
            "or change the naming pattern.",
            name=result[:40] + "…",
            max=GROUP_NAME_MAX,
        )
    return result
