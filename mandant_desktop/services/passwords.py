"""Password hashing with argon2id (SPEC S1)."""

from __future__ import annotations

import base64
import binascii
import functools
import hmac
import logging
import sys
from pathlib import Path

from argon2 import Parameters, PasswordHasher, extract_parameters
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
    """:func:`verify_password` with the hash's lanes computed one after another on one thread, and
    where it can be, in a helper process: for a check that runs beside other work (the log-in's
    check at launch, issue 8).

    The hash's parameters (memory, passes, lanes) are the stored ones and the result is the same:
    Argon2's output does not depend on how many threads compute its lanes, only the wall time
    does. The library's verification starts a thread per lane (four), which on a 2-core machine
    takes both cores from the program's start for about 0.1 s; on one thread it takes one.

    A thread of this process that computes on the other core slows the start's main thread down
    by 3 to 5 % (whatever it computes); a process of its own, computing the same, does not
    (docs/profiles/2026-12-04-start-argon). So where the program runs from a Python interpreter
    on Linux (not the bundle, whose executable is the program itself), a helper process
    (:data:`_HELPER`) computes the digest from the password, the salt and the parameters; the
    stored digest stays here and is compared here, in constant time. Should the helper fail, the
    digest is computed on this thread instead. A mismatch, or anything the low-level call does not
    take, is verified again the usual way, so this can only ever answer True sooner, never refuse
    a right password.
    """
    if not stored_hash:
        return False
    matched = False
    for compute in (_helper_matches, _one_thread_matches) if _helper_possible() else (_one_thread_matches,):
        try:
            matched = compute(stored_hash, password)
            break
        except Exception as exc:  # an unusual hash, the binding changed, no helper: the next way decides
            log.debug("argon2 by %s not possible: %s", compute.__name__, type(exc).__name__)
    return matched or verify_password(stored_hash, password)


def _helper_possible() -> bool:
    """A helper process can run this interpreter: Linux, and not a frozen bundle."""
    return sys.platform.startswith("linux") and not getattr(sys, "frozen", False)


def _parsed(stored_hash: str) -> tuple[Parameters, bytes, bytes]:
    """The hash's parameters, salt and digest; InvalidHashError when it is not an argon2 hash."""
    params = extract_parameters(stored_hash)
    salt_text, digest_text = stored_hash.split("$")[-2:]
    try:
        salt, expected = (
            base64.b64decode(text + "=" * (-len(text) % 4), validate=True) for text in (salt_text, digest_text)
        )
    except binascii.Error as exc:
        raise InvalidHashError from exc
    return params, salt, expected


def _one_thread_matches(stored_hash: str, password: str) -> bool:
    # ffi and lib are the binding low_level itself uses (its documented core() takes their context)
    from argon2.low_level import core, ffi, lib  # type: ignore[attr-defined]

    params, salt, expected = _parsed(stored_hash)
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


#: the helper process's program (``python -I -S -c``, the folders of the binding and of cffi's
#: backend as its arguments): reads
#: "t m p version type length saltlength" on one line, then the salt and the password, from its
#: standard input (never the command line), and writes argon2's raw digest, computed on one thread
#: with the binding argon2-cffi itself uses, to its standard output
_HELPER = """
import sys
sys.path[:0] = sys.argv[1:]
from _argon2_cffi_bindings import ffi, lib
head, _, rest = sys.stdin.buffer.read().partition(b"\\n")
t, m, p, version, kind, outlen, saltlen = map(int, head.split())
salt, secret = rest[:saltlen], rest[saltlen:]
out = ffi.new("uint8_t[]", outlen)
c_secret, c_salt = ffi.new("uint8_t[]", secret), ffi.new("uint8_t[]", salt)
context = ffi.new("argon2_context *", {
    "out": out, "outlen": outlen, "pwd": c_secret, "pwdlen": len(secret), "salt": c_salt,
    "saltlen": len(salt), "secret": ffi.NULL, "secretlen": 0, "ad": ffi.NULL, "adlen": 0,
    "t_cost": t, "m_cost": m, "lanes": p, "threads": 1, "version": version,
    "allocate_cbk": ffi.NULL, "free_cbk": ffi.NULL, "flags": lib.ARGON2_DEFAULT_FLAGS})
if lib.argon2_ctx(context, kind) != lib.ARGON2_OK:
    sys.exit(3)
sys.stdout.buffer.write(ffi.buffer(out, outlen))
"""


def _helper_matches(stored_hash: str, password: str) -> bool:
    """:func:`_one_thread_matches`, with the digest computed by a helper process (:data:`_HELPER`)."""
    import subprocess

    import _argon2_cffi_bindings  # the binding argon2.low_level uses
    import _cffi_backend

    params, salt, expected = _parsed(stored_hash)
    package = Path(_argon2_cffi_bindings.__file__).resolve().parent.parent
    folders = dict.fromkeys((str(package), str(Path(_cffi_backend.__file__).resolve().parent)))
    head = (
        f"{params.time_cost} {params.memory_cost} {params.parallelism} {params.version} "
        f"{params.type.value} {len(expected)} {len(salt)}\n"
    ).encode("ascii")
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", _HELPER, *folders],
        input=head + salt + password.encode("utf-8"),
        capture_output=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0 or len(done.stdout) != len(expected):
        raise RuntimeError(f"argon2 helper process failed ({done.returncode})")
    return hmac.compare_digest(done.stdout, expected)
