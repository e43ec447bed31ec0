"""Connection profiles (SPEC S6): a SQLite file, a PostgreSQL or a MariaDB/MySQL server.

Profiles are kept as JSON in the user's config directory. Passwords are never written there: they
go to the :class:`~mandant_desktop.services.secrets.SecretStore` under the key ``profile:<name>``.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import URL

from mandant_desktop.db.engine import create_engine_for, normalize_url, sqlite_path, verify_connection
from mandant_desktop.domain import validation
from mandant_desktop.domain.errors import DatabaseUnavailableError, ValidationError
from mandant_desktop.services.secrets import SecretStore


class Backend(StrEnum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"
    MARIADB = "mariadb"


DEFAULT_PORTS = {Backend.POSTGRESQL: 5432, Backend.MARIADB: 3306}


@dataclass(frozen=True, slots=True)
class ConnectionProfile:
    name: str
    backend: Backend = Backend.SQLITE
    path: str = ""  # SQLite file
    host: str = "127.0.0.1"
    port: int | None = None
    database: str = ""
    username: str = ""
    options: dict[str, str] = field(default_factory=dict)

    @property
    def secret_key(self) -> str:
        return f"profile:{self.name}"

    @property
    def needs_password(self) -> bool:
        return self.backend != Backend.SQLITE

    def url(self, password: str | None = None) -> URL:
        """The SQLAlchemy URL; with ``password`` only when one is given (never stored)."""
        if self.backend == Backend.SQLITE:
            return normalize_url(self.path)
        drivername = "postgresql+psycopg" if self.backend == Backend.POSTGRESQL else "mysql+pymysql"
        query = dict(self.options)
        if self.backend == Backend.MARIADB:
            query.setdefault("charset", "utf8mb4")
        return URL.create(
            drivername,
            username=self.username or None,
            password=password or None,
            host=self.host or None,
            port=self.port or DEFAULT_PORTS[self.backend],
            database=self.database or None,
            query=query,
        )

    def validated(self) -> ConnectionProfile:
        name = validation.clean_name(self.name, field="profile name")
        if self.backend == Backend.SQLITE:
            if not self.path.strip():
                raise ValidationError("Please choose a database file.", field="path")
            return replace(self, name=name, path=self.path.strip())
        if not self.host.strip():
            raise ValidationError("Please enter the server's host name.", field="host")
        if not self.database.strip():
            raise ValidationError("Please enter the database name.", field="database")
        if self.port is not None and not 0 < self.port < 65536:
            raise ValidationError("The port must be a number from 1 to 65535.", field="port")
        return replace(self, name=name, host=self.host.strip(), database=self.database.strip())

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["backend"] = self.backend.value
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ConnectionProfile:
        return cls(
            name=str(data["name"]),
            backend=Backend(data.get("backend", "sqlite")),
            path=str(data.get("path", "")),
            host=str(data.get("host", "127.0.0.1")),
            port=int(data["port"]) if data.get("port") else None,
            database=str(data.get("database", "")),
            username=str(data.get("username", "")),
            options={str(k): str(v) for k, v in dict(data.get("options") or {}).items()},
        )


class ProfileStore:
    """The saved profiles and which one was used last; written atomically."""

    def __init__(self, path: Path, secrets: SecretStore) -> None:
        self._path = path
        self.secrets = secrets

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"profiles": [], "last": None}
        except (OSError, ValueError):
            # A damaged file must not lock the user out; start afresh and keep the old one aside.
            self._path.replace(self._path.with_suffix(".damaged"))
            return {"profiles": [], "last": None}
        return data if isinstance(data, dict) else {"profiles": [], "last": None}

    def _write(self, data: dict[str, Any]) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".profiles-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=2, ensure_ascii=False)
            os.replace(tmp, self._path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def list(self) -> list[ConnectionProfile]:
        return [ConnectionProfile.from_json(item) for item in self._read().get("profiles", [])]

    def get(self, name: str) -> ConnectionProfile | None:
        key = validation.name_key(name)
        return next((p for p in self.list() if validation.name_key(p.name) == key), None)

    def save(self, profile: ConnectionProfile, *, password: str | None = None, replaces: str | None = None) -> None:
        """Add or replace a profile; ``password`` goes to the keyring, never into the file."""
        profile = profile.validated()
        data = self._read()
        # ``replaces`` names the profile being edited; without it this is a new profile.
        old_key = validation.name_key(replaces) if replaces else None
        new_key = validation.name_key(profile.name)
        kept = [p for p in data.get("profiles", []) if validation.name_key(str(p["name"])) != old_key]
        if any(validation.name_key(str(p["name"])) == new_key for p in kept):
            raise ValidationError("A profile named {name} exists already.", field="name", name=profile.name)
        kept.append(profile.to_json())
        data["profiles"] = sorted(kept, key=lambda p: validation.name_key(str(p["name"])))
        if old_key and data.get("last") and validation.name_key(str(data["last"])) == old_key:
            data["last"] = profile.name
        self._write(data)
        if replaces and replaces != profile.name:
            # A renamed profile keeps its saved password under the new name. Compared exactly, not
            # by key: the keyring entry is named after the profile, so "zentrale" → "Zentrale" moves it too.
            carried = self.secrets.get(f"profile:{replaces}")
            self.secrets.delete(f"profile:{replaces}")
            if password is None and carried and profile.needs_password and self.secrets.available:
                self.secrets.set(profile.secret_key, carried)
        if password and profile.needs_password and self.secrets.available:
            self.secrets.set(profile.secret_key, password)

    def delete(self, name: str) -> None:
        data = self._read()
        key = validation.name_key(name)
        data["profiles"] = [p for p in data.get("profiles", []) if validation.name_key(str(p["name"])) != key]
        if data.get("last") and validation.name_key(str(data["last"])) == key:
            data["last"] = None
        self._write(data)
        self.secrets.delete(f"profile:{name}")

    def last_used(self) -> ConnectionProfile | None:
        last = self._read().get("last")
        return self.get(str(last)) if last else None

    def mark_used(self, name: str) -> None:
        data = self._read()
        data["last"] = name
        self._write(data)

    def password_for(self, profile: ConnectionProfile) -> str | None:
        return self.secrets.get(profile.secret_key) if profile.needs_password else None


def test_connection(profile: ConnectionProfile, password: str | None) -> str:
    """Connect once and return the server's version line; a clear error otherwise (no password in it).

    A SQLite file that does not exist yet is not created by a mere test (it is created when the
    profile is used); the test then checks that it could be created there.
    """
    url = profile.validated().url()
    target = sqlite_path(url)
    if target is not None and not target.exists():
        existing = next(folder for folder in target.parents if folder.exists())
        if not existing.is_dir() or not os.access(existing, os.W_OK):
            raise DatabaseUnavailableError(
                "The database file {path} cannot be created: {folder} is not a writable folder.",
                path=str(target),
                folder=str(existing),
            )
        url = url.set(database=":memory:")
    engine = create_engine_for(url, password=password)
    try:
        verify_connection(engine)
        with engine.connect() as connection:
            if profile.backend == Backend.SQLITE:
                version = connection.execute(text("select sqlite_version()")).scalar_one()
                return f"SQLite {version}"
            version = connection.execute(text("select version()")).scalar_one()
            return str(version).split(" on ")[0]
    finally:
        engine.dispose()


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test despite the name
