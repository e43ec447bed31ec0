"""Password hashing with argon2id (SPEC S1)."""

from __future__ import annotations

import base64
import binascii
import functools
import hmac
import logging

from argon2 import PasswordHasher, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError

log = logging.getLogger(__name__)

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


def verify_password_on_one_thread(stored_hash: str | None, password: str) -> bool:
    """:func:`verify_password` with the hash's lanes computed one after another on the calling
    thread, for a check that runs beside other work (the log-in's check at launch, issue 8).

    The hash's parameters (memory, passes, lanes) are the stored ones and the result is the same:
    Argon2's output does not depend on how many threads compute its lanes, only the wall time
    does. The library's verification starts a thread per lane (four), which on a 2-core machine
    takes both cores from the program's start for about 0.1 s; on one thread it takes one.
    A mismatch, or anything the low-level call does not take, is verified again the usual way,
    so this can only ever answer True sooner, never refuse a right password.
    """
    if not stored_hash:
        return False
    try:
        matched = _one_thread_matches(stored_hash, password)
    except Exception as exc:  # an unusual hash, or the binding changed: the usual way decides
        log.debug("argon2 on one thread not possible: %s", type(exc).__name__)
        matched = False
    return matched or verify_password(stored_hash, password)


def _one_thread_matches(stored_hash: str, password: str) -> bool:
    # ffi and lib are the binding low_level itself uses (its documented core() takes their context)
    from argon2.low_level import core, ffi, lib  # type: ignore[attr-defined]

    params = extract_parameters(stored_hash)
    salt_text, digest_text = stored_hash.split("$")[-2:]
    try:
        salt, expected = (
            base64.b64decode(text + "=" * (-len(text) % 4), validate=True) for text in (salt_text, digest_text)
        )
    except binascii.Error as exc:
        raise InvalidHashError from exc
    secret = password.encode("utf-8")
    out = ffi.new("uint8_t[]", len(expected))
    c_secret = ffi.new("uint8_t[]", secret)
    c_salt = ffi.new("uint8_t[]", salt)
    context = ffi.new(
        "argon2_context *",
        {
            "out": out,
            "outlen": len(expected),
            "pwd": c_secret,
            "pwdlen": len(secret),
            "salt": c_salt,
            "saltlen": len(salt),
            "secret": ffi.NULL,
            "secretlen": 0,
            "ad": ffi.NULL,
            "adlen": 0,
            "t_cost": params.time_cost,
            "m_cost": params.memory_cost,
            "lanes": params.parallelism,
            "threads": 1,
            "version": params.version,
            "allocate_cbk": ffi.NULL,
            "free_cbk": ffi.NULL,
            "flags": lib.ARGON2_DEFAULT_FLAGS,
        },
    )
    if core(context, params.type.value) != lib.ARGON2_OK:
        return False
    return hmac.compare_digest(bytes(ffi.buffer(out, len(expected))), expected)
