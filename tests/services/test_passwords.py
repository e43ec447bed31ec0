"""Password verification on one thread (SPEC S1; issue 8): the log-in's check at launch computes
the stored hash's lanes one after another and answers exactly as the library's verification."""

from __future__ import annotations

import os
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


@settings(max_examples=25, deadline=None)
@given(password=st.text(max_size=40), other=st.text(max_size=40))
def test_any_password_verifies_as_with_the_library(password: str, other: str) -> None:
    """S1: for any text, the one-thread computation matches exactly when the library's does."""
    stored = HASHERS[2].hash(password)
    assert passwords._one_thread_matches(stored, password)
    assert passwords._one_thread_matches(stored, other) == verify_password(stored, other)


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


def _threads() -> int:
    return len(os.listdir("/proc/self/task"))
