"""Connection passwords live only in the OS keyring (SPEC S6), behind this small adapter.

Without a usable keyring backend nothing is stored: :attr:`SecretStore.available` is false and
:attr:`SecretStore.reason` says why, so the connection dialog can ask for the password each time
and tell the user the reason.
"""

from __future__ import annotations

import logging
from typing import Protocol

log = logging.getLogger(__name__)

SERVICE_NAME = "mandant_desktop"


class SecretStore(Protocol):
    @property
    def available(self) -> bool: ...

    @property
    def reason(self) -> str: ...

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, secret: str) -> None: ...

    def delete(self, key: str) -> None: ...


class SecretStoreUnavailableError(RuntimeError):
    pass


class MemorySecretStore:
    """For tests and for a session without a keyring: forgotten when the program ends."""

    def __init__(self) -> None:
        self._secrets: dict[str, str] = {}

    @property
    def available(self) -> bool:
        return True

    @property
    def reason(self) -> str:
        return ""

    def get(self, key: str) -> str | None:
        return self._secrets.get(key)

    def set(self, key: str, secret: str) -> None:
        self._secrets[key] = secret

    def delete(self, key: str) -> None:
        self._secrets.pop(key, None)


class KeyringSecretStore:
    """The OS keyring through the ``keyring`` package.

    The backend is looked up when a secret is first asked for, not when the store is built: the
    lookup imports keyring and probes the system (a tenth of a second), which a start that needs
    no saved password should not pay (issue 8).
    """

    def __init__(self, backend: object | None = None, service: str = SERVICE_NAME) -> None:
        self._service = service
        self._given = backend
        self._resolved = False
        self._backend: object = None
        self._available = False
        self._reason = ""

    def _resolve(self) -> None:
        if self._resolved:
            return
        import keyring
        import keyring.backends.fail

        self._backend = self._given if self._given is not None else keyring.get_keyring()
        name = type(self._backend).__name__
        self._available = not isinstance(self._backend, keyring.backends.fail.Keyring) and name != "NullKeyring"
        self._reason = (
            ""
            if self._available
            else "No password store (keyring) is available on this computer, so passwords are not saved "
            "and you are asked for them each time."
        )
        self._resolved = True

    @property
    def available(self) -> bool:
        self._resolve()
        return self._available

    @property
    def reason(self) -> str:
        self._resolve()
        return self._reason

    def get(self, key: str) -> str | None:
        if not self.available:
            return None
        try:
            value = self._backend.get_password(self._service, key)  # type: ignore[attr-defined]
        except Exception:
            log.warning("keyring lookup failed for %s", key)
            return None
        return value if isinstance(value, str) else None

    def set(self, key: str, secret: str) -> None:
        if not self.available:
            raise SecretStoreUnavailableError(self._reason)
        try:
            self._backend.set_password(self._service, key, secret)  # type: ignore[attr-defined]
        except Exception as exc:
            # Never chain the backend's exception: some include the secret in their message.
            raise SecretStoreUnavailableError(
                f"The password could not be saved in the keyring ({type(exc).__name__})."
            ) from None

    def delete(self, key: str) -> None:
        if not self.available:
            return
        try:
            self._backend.delete_password(self._service, key)  # type: ignore[attr-defined]
        except Exception:
            log.info("keyring had no entry for %s", key)
