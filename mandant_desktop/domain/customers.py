"""Input rules for customers (SPEC C2, C9): number, names, quota."""

from __future__ import annotations

from mandant_desktop.domain.errors import ValidationError
from mandant_desktop.domain.validation import clean_name

NUMBER_MAX = 32
NAME_MAX = 200
SHORT_NAME_MAX = 50
#: 10 TB: anything larger is a typing error, not a portal exchange area
QUOTA_MAX_MB = 10_000_000


def clean_number(value: str) -> str:
    text = value.strip()
    if not text:
        raise ValidationError("Please enter a {field}.", field="customer number")
    if len(text) > NUMBER_MAX:
        raise ValidationError(
            "The {field} may be at most {max} characters long.", field="customer number", max=NUMBER_MAX
        )
    if any(ch.isspace() for ch in text):
        raise ValidationError("The customer number must not contain spaces.", field="customer number")
    return text


def clean_customer_name(value: str) -> str:
    return clean_name(value, field="name", max_length=NAME_MAX)


def clean_short_name(value: str) -> str:
    return clean_name(value, field="short name", max_length=SHORT_NAME_MAX, required=False)


def clean_quota(value: int | str | None, *, remote_access: bool) -> int | None:
    """The quota in MB: a whole number of at least 0, and only with remote access (None without)."""
    if not remote_access:
        return None
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text.lstrip("-").isdigit():
            raise ValidationError("The quota must be a whole number of megabytes.", field="quota")
        number = int(text)
    else:
        number = value
    if number < 0:
        raise ValidationError("The quota must not be negative.", field="quota")
    if number > QUOTA_MAX_MB:
        raise ValidationError("The quota may be at most {max} MB.", field="quota", max=QUOTA_MAX_MB)
    return number
