"""Password hashing with argon2id (SPEC S1)."""

from __future__ import annotations

import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with parameters older than today's (rehash at next login)."""
    try:
        return _HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


@functools.cache
def _dummy_hash() -> str:
    # Made on first use, not on import: hashing costs a third of a second of every start (issue 8).
    return hash_password("timing-equaliser")


def burn_verification_time(password: str) -> None:
    """Spend the time of one verification, so an unknown user name answers as slowly as a known one."""
    verify_password(_dummy_hash(), password + "x")
