"""Password verification on one thread (SPEC S1; issue 8): the log-in's check at launch computes
the stored hash's lanes one after another, in a helper process where it can, and answers exactly as
the library's verification."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher, Type
from hypothesis import given, settings
from hypothesis import strategies as st

from mandant_desktop.services import passwords
from mandant_desktop.services.password_check import PasswordCheck
from mandant_desktop.services.passwords import hash_password, verify_password, verify_password_on_one_thread

#: small costs so that the test is quick; the lanes (parallelism) are what the one-thread path changes
HASHERS = [
    PasswordHasher(time_cost=2, memory_cost=1024, parallelism=lanes, type=kind)
    for lanes in (1, 2, 4)
    for kind in (Type.ID, Type.I, Type.D)
]


@pytest.mark.parametrize("hasher", HASHERS, ids=lambda h: f"{h.type.name}-p{h.parallelism}")
def test_one_thread_answers_as_the_library(hasher: PasswordHasher) -> None:
    """S1: the right password matches, a wrong one does not, for every type and number of lanes;
    the match is the one-thread computation's own (not the fallback to the library)."""
    stored = hasher.hash("Sehr-geheim1")
    assert passwords._one_thread_matches(stored, "Sehr-geheim1")
    assert not passwords._one_thread_matches(stored, "Sehr-geheim2")
    assert verify_password_on_one_thread(stored, "Sehr-geheim1")
    assert not verify_password_on_one_thread(stored, "sehr-geheim1")


def test_the_program_s_own_hash_verifies_on_one_thread() -> None:
    """S1: a hash made with the program's parameters (argon2id, four lanes) verifies on one thread."""
    stored = hash_password("Passwort1")
    assert "p=4" in stored
    assert passwords._one_thread_matches(stored, "Passwort1")
    assert verify_password_on_one_thread(stored, "Passwort1") and verify_password(stored, "Passwort1")


@pytest.mark.parametrize("stored", [None, "", "kein-hash", "$argon2id$v=19$m=1024,t=2,p=1$@@@$@@@"])
def test_no_hash_or_a_broken_one_is_refused(stored: str | None) -> None:
    """S1: nothing to verify against refuses, as the library's verification does."""
    assert not verify_password_on_one_thread(stored, "Passwort1")


def test_a_mismatch_is_checked_again_the_usual_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """S1: should the one-thread computation ever disagree, the library's verification decides:
    a right password is never refused because of it."""
    stored = HASHERS[0].hash("Passwort1")
    monkeypatch.setattr(passwords, "_one_thread_matches", lambda *_a: False)
    assert verify_password_on_one_thread(stored, "Passwort1")

    def broken(*_a: object) -> bool:
        raise AttributeError("the binding changed")

    monkeypatch.setattr(passwords, "_one_thread_matches", broken)
    assert verify_password_on_one_thread(stored, "Passwort1")
    assert not verify_password_on_one_thread(stored, "Passwort2")


@settings(max_examples=20, deadline=None)
@given(password=st.text(max_size=40), other=st.text(max_size=40))
def test_any_password_verifies_as_with_the_library(password: str, other: str) -> None:
    """S1: for any text, the one-thread computation and the helper process's digest match exactly
    when the library's verification does."""
    stored = HASHERS[2].hash(password)
    expected = verify_password(stored, other)
    for matches in (passwords._one_thread_matches, passwords._helper_matches):
        assert matches(stored, password)
        assert matches(stored, other) == expected


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts the process's threads in /proc (Linux)")
def test_the_check_at_launch_runs_on_one_thread() -> None:
    """Issue 8: the check started at launch computes the four lanes of the program's hash on its
    own thread alone (the library starts one thread per lane), so it leaves the other core to
    the start's main thread; and it answers as before."""
    stored = hash_password("Passwort1")
    before = _threads()
    most = before
    check = PasswordCheck(stored, "Passwort1")
    while check._thread.is_alive():
        most = max(most, _threads())
    assert most - before <= 2  # the check's thread (one more that something else starts is tolerated)
    assert check.outcome(stored, "Passwort1") is True
    wrong = PasswordCheck(stored, "Passwort2")
    assert wrong.outcome(stored, "Passwort2") is False


@pytest.mark.parametrize("hasher", HASHERS, ids=lambda h: f"{h.type.name}-p{h.parallelism}")
def test_the_helper_process_answers_as_the_library(hasher: PasswordHasher) -> None:
    """S1: the digest the helper process computes matches for the right password only, for every
    type and number of lanes."""
    stored = hasher.hash("Sehr-geheim1")
    assert passwords._helper_matches(stored, "Sehr-geheim1")
    assert not passwords._helper_matches(stored, "Sehr-geheim2")


@pytest.mark.parametrize(
    "hasher",
    [
        PasswordHasher(time_cost=1, memory_cost=512, parallelism=2),
        PasswordHasher(time_cost=4, memory_cost=2048, parallelism=1, hash_len=16, salt_len=8),
        PasswordHasher(time_cost=2, memory_cost=4096, parallelism=3, hash_len=64),
    ],
    ids=("t1-m512-p2", "t4-m2048-p1-short", "t2-m4096-p3-long"),
)
def test_the_helper_takes_the_stored_hash_s_parameters(hasher: PasswordHasher) -> None:
    """S1: a hash made with other parameters than today's (an old one, to be rehashed at the log-in)
    is verified with its own passes, memory, lanes, digest and salt lengths."""
    stored = hasher.hash("Altes-Passwort1")
    assert passwords.needs_rehash(stored)
    assert passwords._helper_matches(stored, "Altes-Passwort1")
    assert not passwords._helper_matches(stored, "Altes-Passwort2")
    assert verify_password_on_one_thread(stored, "Altes-Passwort1")
    assert not verify_password_on_one_thread(stored, "Altes-Passwort2")


def test_the_password_goes_to_the_helper_on_its_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    """S1: the password is never on the helper's command line (which other users may read), and the
    stored digest never leaves the program: only the salt and the parameters go with it."""
    stored = HASHERS[0].hash("Geheim-Wort1")
    seen: list[tuple[list[str], bytes]] = []
    run = subprocess.run

    def watched(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        seen.append((args, kwargs["input"]))  # type: ignore[arg-type]
        return run(args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(subprocess, "run", watched)
    assert verify_password_on_one_thread(stored, "Geheim-Wort1")
    ((args, sent),) = seen
    assert not any("Geheim-Wort1" in arg for arg in args)
    assert sent.endswith(b"Geheim-Wort1")
    digest = stored.rsplit("$", 1)[1]
    assert digest.encode() not in sent and digest not in " ".join(args)


def test_without_a_helper_the_digest_is_computed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """S1: when the helper cannot start (no interpreter) the digest is computed on this thread, and
    in the bundle (whose executable is the program itself) no helper is tried at all."""
    stored = HASHERS[0].hash("Passwort1")
    calls: list[str] = []
    one_thread = passwords._one_thread_matches

    def counted(*args: str) -> bool:
        calls.append("here")
        return one_thread(*args)

    monkeypatch.setattr(passwords, "_one_thread_matches", counted)
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    assert verify_password_on_one_thread(stored, "Passwort1")
    assert not verify_password_on_one_thread(stored, "Passwort2")
    assert calls == ["here", "here"]

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(passwords, "_helper_matches", lambda *_a: pytest.fail("no helper in the bundle"))
    assert not passwords._helper_possible()
    assert verify_password_on_one_thread(stored, "Passwort1")


def test_a_helper_that_answers_wrongly_refuses_no_right_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """S1: whatever the helper writes (here: 32 zero bytes), a right password is accepted and a wrong
    one refused: its digest is compared here with the stored one and alone lets no one in."""
    stored = HASHERS[0].hash("Passwort1")
    monkeypatch.setattr(passwords, "_HELPER", "import sys; sys.stdin.buffer.read(); sys.stdout.buffer.write(bytes(32))")
    assert not passwords._helper_matches(stored, "Passwort1")
    assert verify_password_on_one_thread(stored, "Passwort1")
    assert not verify_password_on_one_thread(stored, "Passwort2")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the helper process is used on Linux")
def test_the_check_at_launch_computes_in_a_helper_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 8: the check started at launch leaves argon2 to a helper process, not to a thread of
    the program (a thread computing beside the start slows its main thread down), and answers as before."""
    stored = hash_password("Passwort1")
    helpers: list[bool] = []
    helper = passwords._helper_matches

    def counted(*args: str) -> bool:
        helpers.append(True)
        return helper(*args)

    monkeypatch.setattr(passwords, "_helper_matches", counted)
    check = PasswordCheck(stored, "Passwort1")
    assert check.outcome(stored, "Passwort1") is True
    assert helpers == [True]


def _threads() -> int:
    return len(os.listdir("/proc/self/task"))
