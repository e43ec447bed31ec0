"""Errors that carry a message fit for the user.

The message is an English source string with ``{named}`` placeholders; the UI translates the
template through Qt and then fills in the values, so the German text reaches the user and the
values are never translated by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Tally:
    """Numbers of things named in a message, only those that are not zero: ``Tally((("customer",
    "customers", 173), ("sub-tenant", "sub-tenants", 1)))``. ``str`` says them in English ("173
    customers, 1 sub-tenant"); the UI says them with the plural forms of the operator's language."""

    counts: tuple[tuple[str, str, int], ...]

    @classmethod
    def of(cls, *counts: tuple[str, str, int]) -> Tally:
        return cls(tuple(count for count in counts if count[2]))

    def __str__(self) -> str:
        return ", ".join(f"{n} {one if n == 1 else many}" for one, many, n in self.counts)


class DomainError(Exception):
    """A refusal the user can act on; never a programming error."""

    #: translation context for the message template (see ``ui.errors``)
    context = "errors"

    def __init__(self, template: str, **values: Any) -> None:
        self.template = template
        self.values = values
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.values) if self.values else self.template


class ValidationError(DomainError):
    """Bad input; ``field`` names the input that is wrong, when there is one."""

    def __init__(self, template: str, *, field: str | None = None, **values: Any) -> None:
        self.field = field
        if field is not None and "{field}" in template:
            # The field's name fills the template too ("Please enter a {field}."); the UI translates
            # it in the "fields" context before formatting.
            values.setdefault("field", field)
        super().__init__(template, **values)


class NotFoundError(DomainError):
    pass


class PermissionDeniedError(DomainError):
    pass


class ConflictError(DomainError):
    """Someone else changed the row since it was read (SPEC S4).

    ``current`` may carry the values now stored (field name → text, as the user may see them;
    filled by the service that reloaded the row), so that the conflict dialog shows them beside the
    user's input.
    """

    def __init__(self, template: str, **values: Any) -> None:
        self.current: dict[str, str] = {}
        super().__init__(template, **values)


class InUseError(ConflictError):
    """The object cannot go while something still uses it (a refusal, not someone else's change:
    the UI shows it as a plain message, not as the conflict dialog)."""


class AuthenticationError(DomainError):
    pass


class DatabaseUnavailableError(DomainError):
    """The database cannot be reached or opened; the message never contains a password."""


class SchemaTooNewError(DomainError):
    pass
