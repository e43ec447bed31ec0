"""The searches of users, org units, rights groups and the outbox fold German spellings and match
word by word, as the customer search does (SPEC U1, A4, C4, U4, E2, C1; revision 0029): the stored
keys on each backend, kept up to date on the write paths, and the searches that compare them
(users page, rights group members, the org units' user picker, the tree's search, the groups,
the outbox)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from dbhelpers import BACKENDS, MigratedDatabase, migrated_database
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, event, insert, inspect, select, text

from mandant_desktop.db import migrate, search_keys
from mandant_desktop.db.engine import make_session_factory
from mandant_desktop.db.migrate import head_revision, upgrade_database
from mandant_desktop.db.models import User, UserKind, UserStatus
from mandant_desktop.db.tables import USER_KEY_COLUMNS
from mandant_desktop.domain.search_folding import matches, search_key, search_words
from mandant_desktop.services.operator import system_operator
from mandant_desktop.services.org_units import OrgUnitsService
from mandant_desktop.services.rights_groups import RightsGroupService
from mandant_desktop.services.users import UsersService

SYSTEM = system_operator("test")
BEFORE = "0028_sqlite_ids_never_reused"
#: letters of both cases with the German ones and their spellings out, other accents, LIKE's
#: special characters, a space
ALPHABET = "aAeEsSuUäÄöÖüÜßéÉñ %_-"

_text = st.text(alphabet=ALPHABET, max_size=10)
_users = st.lists(st.tuples(_text, _text, _text), min_size=0, max_size=15)
_searches = st.one_of(
    _text, st.sampled_from(["ue", "ä", "SS", "ß", "é e", "a u", "%", "_", "strasse", "mueller kg", "e-"])
)


@dataclasses.dataclass
class Users:
    db: MigratedDatabase
    service: UsersService


@pytest.fixture(scope="module", params=BACKENDS)
def users_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Users]:
    with migrated_database(request.param, tmp_path_factory.mktemp(request.param)) as db:
        yield Users(db, UsersService(db.session_factory))


def _row(i: int, username: str, first: str, last: str) -> dict[str, Any]:
    name = f"u{i} {username}"
    return {
        "username": name,
        "username_key": f"u{i}",
        "first_name": first,
        "last_name": last,
        "kind": UserKind.INTERNAL,
        "status": UserStatus.ACTIVE,
        "version": 1,
    }


def _stored_keys(db: MigratedDatabase) -> dict[int, tuple[str, str]]:
    """Each user's stored key, and the key of its stored texts."""
    with db.engine.connect() as conn:
        columns = [User.id, User.search_key, *(getattr(User, name) for name in USER_KEY_COLUMNS)]
        return {row[0]: (row[1], search_key(row[2:])) for row in conn.execute(select(*columns))}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(users=_users, search=_searches)
def test_the_search_finds_what_the_rule_finds(users_db: Users, users: list[tuple[str, str, str]], search: str) -> None:
    """U1, E2, C1: on every backend the users page finds exactly the users whose folded user name,
    e-mail, first and last name hold every folded word of the search (the domain rule), counts
    them alike, and the key stored by the insert default is the rule's key."""
    db = users_db.db
    with db.engine.begin() as conn:
        conn.execute(delete(User))
        if users:
            conn.execute(insert(User), [_row(i, *texts) for i, texts in enumerate(users)])
    keys = _stored_keys(db)
    assert all(stored == wanted for stored, wanted in keys.values())
    words = search_words(search)
    expected = sorted(user_id for user_id, (key, _) in keys.items() if matches(words, key))
    found = users_db.service.page(SYSTEM, search=search, limit=100)
    assert sorted(row.id for row in found) == expected
    assert users_db.service.count(SYSTEM, search=search) == len(expected)


def _statements(engine: Engine, run: Callable[[], object]) -> int:
    executed: list[str] = []

    def count(*_args: object, **_kwargs: object) -> None:
        executed.append("")

    event.listen(engine, "before_cursor_execute", count)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(executed)


def test_german_spellings_and_words_in_any_order(users_db: Users) -> None:
    """U1, E2: "jürgen" finds "Juergen", "strasse" an e-mail address with "straße", "MÜLLER jo"
    finds Johanna Müller; the other searches of users fold alike (rights group members, the org
    units' user picker); the statements of a search do not grow with its words (section 8)."""
    db, service = users_db.db, users_db.service
    with db.engine.begin() as conn:
        conn.execute(delete(User))
        conn.execute(
            insert(User),
            [
                {**_row(1, "jschmitz", "Juergen", "Schmitz"), "email": "j.schmitz@straße.example"},
                {**_row(2, "jmueller", "Johanna", "Müller"), "email": None},
                {**_row(3, "cafe", "Renée", "Ñandú"), "email": None},
            ],
        )
    by_name = {row.username.split()[1]: row.id for row in service.page(SYSTEM)}

    def found(search: str) -> set[int]:
        return {row.id for row in service.page(SYSTEM, search=search)}

    assert found("Jürgen") == found("juergen") == found("JUERGEN") == {by_name["jschmitz"]}
    assert found("strasse") == found("STRASSE") == {by_name["jschmitz"]}
    assert found("MÜLLER jo") == found("jo mueller") == found("  jo   müller ") == {by_name["jmueller"]}
    assert found("renee nandu") == {by_name["cafe"]}
    assert found("muller") == set()  # a plain "u" is another name
    assert found("mueller schmitz") == set()  # every word, in one user
    groups = RightsGroupService(db.session_factory)
    assert {row.user_id for row in groups.user_candidates(SYSTEM, "JÜRGEN")} == {by_name["jschmitz"]}
    units = OrgUnitsService(db.session_factory)
    assert [user.id for user in units.users(SYSTEM, "mueller jo")] == [by_name["jmueller"]]
    one = _statements(db.engine, lambda: (service.page(SYSTEM, search="mueller"), service.count(SYSTEM, "mueller")))
    many = "mueller jo ha nna ue ll"
    five = _statements(db.engine, lambda: (service.page(SYSTEM, search=many), service.count(SYSTEM, many)))
    assert five == one


def test_org_units_groups_and_the_outbox_search_folded_words(users_db: Users) -> None:
    """A4, C4, U4, E2: "sued strassen" finds the unit "Straßenbau Süd" (and "Straßenbau Süd" is
    found after a rename by its new name only), "mueller kg" the group "Elektro Müller KG", and
    "JOERG weiss" the mail to joerg@weiß.example; every key stays the key of its texts."""
    from dbhelpers import stale_search_keys

    from mandant_desktop.db.models import OutboxMail
    from mandant_desktop.services.mail import MailService
    from mandant_desktop.services.secrets import MemorySecretStore

    db = users_db.db
    factory = db.session_factory
    units, groups = OrgUnitsService(factory), RightsGroupService(factory)
    top = units.add(SYSTEM, None, "Straßenbau Süd").units_added[0]
    other = units.add(SYSTEM, top, "Gärtnerei").units_added[0]
    assert [path[-1] for path in units.search(SYSTEM, "sued strassen")] == [top]
    assert [path for path in units.search(SYSTEM, "GAERTNEREI")] == [(top, other)]
    units.rename(SYSTEM, other, "Baumschule Köln")
    assert units.search(SYSTEM, "gaertnerei") == [] and units.search(SYSTEM, "koeln baum") == [(top, other)]
    group = groups.create_group(SYSTEM, "Elektro Müller KG")
    assert [row.id for row in groups.groups(SYSTEM, "mueller kg")] == [group]
    assert groups.count(SYSTEM, "KG MÜLLER") == 1 and groups.count(SYSTEM, "muller") == 0
    with factory.begin() as session:
        session.add(OutboxMail(recipient="joerg@weiß.example", subject="Zugang für Jörg", body="", status="queued"))
    mail = MailService(factory, MemorySecretStore)
    assert mail.outbox_count(SYSTEM, search="JOERG weiss") == 1
    assert [row.recipient for row in mail.outbox_page(SYSTEM, 0, 10, search="zugang fuer")] == ["joerg@weiß.example"]
    assert mail.outbox_count(SYSTEM, search="joerg zzz") == 0
    assert stale_search_keys(db.engine) == []


def test_the_revision_fills_the_keys_and_downgrades(
    db_url: str, engines: Callable[[str], Engine], tmp_path: Path
) -> None:
    """S9, U1: the users of a database before revision 0029 get their keys from the upgrade (one
    UPDATE on each backend) and are found by folded words; the downgrade drops the column."""
    engine = engines(db_url)
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), BEFORE)
        conn.execute(
            text(
                "INSERT INTO app_user (username, username_key, email, first_name, last_name, kind, status, sso,"
                " is_external_admin, failed_logins, created_at, version) VALUES"
                " (:u, :k, :e, :f, :l, 'internal', 'active', :no, :no, 0, CURRENT_TIMESTAMP, 1)"
            ),
            [
                {"u": f"User{i}", "k": f"user{i}", "e": f"u{i}@straße.de", "f": "Jürgen", "l": f"Groß {i}", "no": False}
                for i in range(25)
            ],
        )
    report = upgrade_database(engine, backup_dir=tmp_path, confirm=lambda _status: True)
    assert report.after.current == head_revision()
    with engine.connect() as conn:
        keys = dict(conn.execute(select(User.username, User.search_key)).all())
    assert keys == {f"User{i}": search_key((f"User{i}", f"u{i}@straße.de", "Jürgen", f"Groß {i}")) for i in range(25)}
    service = UsersService(make_session_factory(engine))
    assert service.count(SYSTEM, "juergen gross 24") == 1
    assert service.count(SYSTEM, "strasse") == 25
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), BEFORE)
    with engine.connect() as conn:
        names = set(conn.scalars(text("SELECT username FROM app_user")))
        columns = {column["name"] for column in inspect(conn).get_columns("app_user")}
    assert len(names) == 25 and search_keys.KEY_COLUMN not in columns
