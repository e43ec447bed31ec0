"""Input rules shared by services and dialogs: trimmed names, e-mail syntax, password policy."""

from __future__ import annotations

import re

from mandant_desktop.domain.errors import ValidationError

USERNAME_MAX = 100
NAME_MAX = 100
#: the minimum for every password this application sets (SPEC C10 asks at least 6)
PASSWORD_MIN = 6
#: operators administer everything; they get a longer minimum
OPERATOR_PASSWORD_MIN = 8

_USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]*$")
# Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is the mail server's job.
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def clean_name(value: str, *, field: str, max_length: int = NAME_MAX, required: bool = True) -> str:
    """Trimmed ``value``; refused when empty (if required) or longer than ``max_length``."""
    text = " ".join(value.split())
    if required and not text:
        raise ValidationError("Please enter a {field}.", field=field)
    if len(text) > max_length:
        raise ValidationError("The {field} may be at most {max} characters long.", field=field, max=max_length)
    return text


def name_key(value: str) -> str:
    """The form used for case-insensitive uniqueness (SPEC T1)."""
    return " ".join(value.split()).casefold()


def clean_username(value: str) -> str:
    text = value.strip()
    if not text:
        raise ValidationError("Please enter a user name.", field="username")
    if len(text) > USERNAME_MAX:
        raise ValidationError("The user name may be at most {max} characters long.", field="username", max=USERNAME_MAX)
    if not _USERNAME_RE.match(text):
        raise ValidationError(
            "A user name may contain the letters a-z without umlauts or ß (write ae, oe, ue, ss), digits and "
            ". _ @ - and must start with a letter or digit.",
            field="username",
        )
    return text


def clean_email(value: str, *, required: bool = True) -> str | None:
    text = value.strip()
    if not text:
        if required:
            raise ValidationError("Please enter an e-mail address.", field="email")
        return None
    if len(text) > 254 or not _EMAIL_RE.match(text):
        raise ValidationError("{email} is not a valid e-mail address.", field="email", email=text)
    return text


def check_password(password: str, repeated: str | None = None, *, minimum: int = PASSWORD_MIN) -> None:
    if len(password) < minimum:
        raise ValidationError("The password must have at least {min} characters.", field="password", min=minimum)
    if password != password.strip():
        raise ValidationError("The password must not start or end with a space.", field="password")
    if repeated is not None and password != repeated:
        raise ValidationError("The two passwords do not match.", field="password_repeat")
