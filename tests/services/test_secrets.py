"""The keyring adapter (SPEC S6): passwords only in the OS keyring, a clear reason without one."""

from __future__ import annotations

import keyring.backends.fail
import pytest
from keyring.backend import KeyringBackend

from mandant_desktop.services.secrets import KeyringSecretStore, MemorySecretStore, SecretStoreUnavailableError


class DictKeyring(KeyringBackend):
    """A working in-memory keyring backend, standing in for the OS keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username))


class ExplodingKeyring(DictKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError(f"backend broke while storing {password}")


def test_keyring_round_trip() -> None:
    """S6: a password saved for a profile comes back, and is gone after delete."""
    backend = DictKeyring()
    store = KeyringSecretStore(backend)
    assert store.available and store.reason == ""
    store.set("profile:Zentrale", "geheim")
    assert store.get("profile:Zentrale") == "geheim"
    assert backend.store == {("mandant_desktop", "profile:Zentrale"): "geheim"}
    store.delete("profile:Zentrale")
    assert store.get("profile:Zentrale") is None
    store.delete("profile:Zentrale")  # deleting twice is harmless


def test_failing_backend_is_reported_not_used() -> None:
    """S6: with no keyring backend nothing is stored and the reason is given for the dialog."""
    store = KeyringSecretStore(keyring.backends.fail.Keyring())
    assert not store.available
    assert "asked" in store.reason
    assert store.get("profile:x") is None
    with pytest.raises(SecretStoreUnavailableError):
        store.set("profile:x", "geheim")


def test_backend_error_never_carries_the_password() -> None:
    """S6: a backend that fails while storing does not leak the secret through the error."""
    store = KeyringSecretStore(ExplodingKeyring())
    with pytest.raises(SecretStoreUnavailableError) as caught:
        store.set("profile:x", "sehr-geheim")
    assert "sehr-geheim" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_memory_store() -> None:
    store = MemorySecretStore()
    store.set("k", "v")
    assert store.available and store.get("k") == "v"
    store.delete("k")
    assert store.get("k") is None
