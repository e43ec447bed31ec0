"""Connection profiles (SPEC S6): SQLite, PostgreSQL and MariaDB; passwords only in the keyring."""

from __future__ import annotations

from pathlib import Path

import pytest

from mandant_desktop.domain.errors import DatabaseUnavailableError, ValidationError
from mandant_desktop.services.profiles import Backend, ConnectionProfile, ProfileStore, test_connection
from mandant_desktop.services.secrets import MemorySecretStore


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "profiles.json", MemorySecretStore())


def server_profile(name: str = "Zentrale") -> ConnectionProfile:
    return ConnectionProfile(
        name=name, backend=Backend.POSTGRESQL, host="db.example.org", database="mandant", username="app"
    )


def test_password_goes_to_keyring_not_to_the_file(store: ProfileStore, tmp_path: Path) -> None:
    """S6: the profile file never holds a password; the secret store does."""
    store.save(server_profile(), password="s3cret-Pa55")
    text = (tmp_path / "profiles.json").read_text(encoding="utf-8")
    assert "s3cret-Pa55" not in text
    assert store.password_for(store.get("zentrale") or server_profile()) == "s3cret-Pa55"
    assert "s3cret" not in repr(store.get("Zentrale"))


def test_urls_per_backend(tmp_path: Path) -> None:
    """S6: each backend gets the driver this application ships; no password unless given."""
    pg = server_profile()
    assert pg.url().render_as_string(hide_password=False) == "postgresql+psycopg://app@db.example.org:5432/mandant"
    maria = ConnectionProfile(name="m", backend=Backend.MARIADB, host="h", database="d", username="u", port=3307)
    assert maria.url("pw").render_as_string(hide_password=False) == "mysql+pymysql://u:pw@h:3307/d?charset=utf8mb4"
    lite = ConnectionProfile(name="lokal", path=str(tmp_path / "x.sqlite"))
    assert lite.url().drivername == "sqlite"
    assert lite.url().database == str(tmp_path / "x.sqlite")


def test_rename_keeps_password_and_last_used(store: ProfileStore) -> None:
    """S6: renaming a profile carries its saved password and the "last used" mark along."""
    store.save(server_profile("Alt"), password="pw-alt")
    store.mark_used("Alt")
    store.save(server_profile("Neu"), replaces="Alt")
    assert [p.name for p in store.list()] == ["Neu"]
    assert store.secrets.get("profile:Alt") is None
    assert store.secrets.get("profile:Neu") == "pw-alt"
    last = store.last_used()
    assert last is not None and last.name == "Neu"


def test_delete_removes_secret(store: ProfileStore) -> None:
    store.save(server_profile(), password="pw")
    store.delete("Zentrale")
    assert store.list() == [] and store.secrets.get("profile:Zentrale") is None


def test_validation(store: ProfileStore) -> None:
    """Bad input gets a message naming the field; nothing is written."""
    with pytest.raises(ValidationError) as caught:
        store.save(ConnectionProfile(name="x", backend=Backend.POSTGRESQL, host="h", database=""))
    assert caught.value.field == "database"
    with pytest.raises(ValidationError):
        store.save(ConnectionProfile(name=" ", path="a.sqlite"))
    store.save(ConnectionProfile(name="Lokal", path="a.sqlite"))
    with pytest.raises(ValidationError):
        store.save(ConnectionProfile(name="LOKAL", path="b.sqlite"))
    assert len(store.list()) == 1


def test_damaged_file_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    path.write_text("{not json", encoding="utf-8")
    store = ProfileStore(path, MemorySecretStore())
    assert store.list() == []
    assert path.with_suffix(".damaged").exists()


def test_connection_to_sqlite(tmp_path: Path) -> None:
    version = test_connection(ConnectionProfile(name="l", path=str(tmp_path / "t.sqlite")), None)
    assert version.startswith("SQLite ")


def test_unreachable_server_is_clear_and_hides_password() -> None:
    """S6: an unreachable server answers quickly with a message that never holds the password."""
    profile = ConnectionProfile(
        name="x", backend=Backend.POSTGRESQL, host="127.0.0.1", port=1, database="d", username="u"
    )
    with pytest.raises(DatabaseUnavailableError) as caught:
        test_connection(profile, "topsecret-pw")
    assert "topsecret-pw" not in caught.value.message
    assert "127.0.0.1" in caught.value.message


def test_renaming_only_the_case_keeps_the_password(store: ProfileStore) -> None:
    """S6: "zentrale" → "Zentrale" is a rename too; the saved password follows it and no entry is
    left behind in the keyring under the old spelling."""
    store.save(server_profile("zentrale"), password="pw-zentrale")
    store.save(server_profile("Zentrale"), replaces="zentrale")
    (profile,) = store.list()
    assert profile.name == "Zentrale"
    assert store.password_for(profile) == "pw-zentrale"
    assert store.secrets.get("profile:zentrale") is None


def test_testing_a_new_sqlite_file_does_not_create_it(tmp_path: Path) -> None:
    """S6: Test connection on a file that does not exist yet checks, but leaves nothing behind."""
    target = tmp_path / "neu" / "mandant.sqlite"
    version = test_connection(ConnectionProfile(name="neu", path=str(target)), None)
    assert version.startswith("SQLite ")
    assert not target.exists() and not target.parent.exists()


def test_testing_a_sqlite_file_where_no_folder_can_be_is_refused(tmp_path: Path) -> None:
    """S6: a path below a plain file can never hold a database: a clear refusal, nothing created."""
    blocker = tmp_path / "notiz.txt"
    blocker.write_text("kein Ordner", encoding="utf-8")
    with pytest.raises(DatabaseUnavailableError) as caught:
        test_connection(ConnectionProfile(name="x", path=str(blocker / "x.sqlite")), None)
    assert "notiz.txt" in caught.value.message
