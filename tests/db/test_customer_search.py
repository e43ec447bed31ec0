"""The customer search index (SPEC C1, T8, S9, section 8): the same rows as the scan, in the same
order and windows, kept in step with every change, on SQLite, PostgreSQL and MariaDB; and the rows
are those the folding rule of the domain finds (every folded word in the folded texts, revision
0027)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from customerhelpers import World, build_world
from dbhelpers import MigratedDatabase, fresh_database, migrated_database
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, MetaData, Table, delete, func, insert, inspect, select, text, update

from mandant_desktop.db import customer_search, migrate
from mandant_desktop.db.engine import create_engine_for
from mandant_desktop.db.migrate import head_revision, upgrade_database
from mandant_desktop.db.models import Customer, Tenant
from mandant_desktop.domain.search_folding import matches, search_key, search_words
from mandant_desktop.services.customers import CustomerQuery, CustomerService, SortKey
from mandant_desktop.services.operator import system_operator

SYSTEM = system_operator("test")
BEFORE = "0007_login_throttle"
SEARCH_REVISION = "0008_customer_search"

#: letters of both cases with the German ones, LIKE's and GLOB's special characters, quotes, a space
ALPHABET = "aAbBäÄöÖüÜßzZ0129 %_*?[]\"'&-"
#: customers for the deterministic comparison on every backend
FIXED = (
    ("100", "Ärztekammer Nord", "ÄK Nord"),
    ("101", "ÖKO Druck GmbH", "Öko"),
    ("102", "Müller & Söhne KG", "MÜLLER"),
    ("1203", "100%ig Werbung AG", "100%"),
    ("12", "under_score GmbH", "u_s"),
    ("7", 'Zitat "Druck" e.K.', "Zitat"),
    ("99", "Straßenbau Groß", "Groß"),
)
FIXED_SEARCHES = (
    "ärz", "ÄRZTE", "öko", "ÖKO D", "müller", "MÜLLER &", "söh", "gmbh", "%", "%ig", "_", "r_s", "12", "1",
    "groß", "ß", '"druck"', "zitat \"", "nord", " ", "kg", "xyz", "ä", "k n",
    # folded German spellings, several words in any order
    "strasse", "STRASSENBAU gross", "mueller", "MUELLER söhne", "söhne müller", "soehne & kg", "aerzte",
    "nord ärzte", "gross 99", "oeko gmbh", "muller", "werbung 100%",
)  # fmt: skip
#: the customer table before revision 0027: without the key (the other columns' defaults kept)
_OLD_CUSTOMER = Table(
    "customer",
    MetaData(),
    *(c._copy() for c in Customer.__table__.columns if c.name != customer_search.KEY_COLUMN),
)


def _add(db: MigratedDatabase, tenant_id: int, rows: Any) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            insert(Customer),
            [{"tenant_id": tenant_id, "number": n, "name": name, "short_name": short} for n, name, short in rows],
        )


def _found(db: MigratedDatabase, clause: Any) -> set[str]:
    with db.session_factory() as session:
        return set(session.scalars(select(Customer.number).where(clause)))


def _service_numbers(service: CustomerService, query: CustomerQuery, operator: Any = SYSTEM) -> list[str]:
    return [row.number for row in service.rows(operator, query, 0, 1000)]


def _folded_hits(db: MigratedDatabase, search: str) -> set[str]:
    """The customers the domain's rule finds for ``search`` (their numbers), asked of no index;
    and every stored key is the one the rule makes of the customer's texts."""
    with db.session_factory() as session:
        rows = session.execute(select(Customer.number, Customer.name, Customer.short_name, Customer.search_key)).all()
    assert all(row.search_key == search_key(row[:3]) for row in rows)
    words = search_words(search)
    return {row.number for row in rows if matches(words, search_key(row[:3]))}


def _change(db: MigratedDatabase, which: str, **values: Any) -> None:
    """Change the customer numbered ``which`` as the application does (the key follows through the
    models)."""
    with db.session_factory() as session:
        customer = session.scalars(select(Customer).where(Customer.number == which)).one()
        for name, value in values.items():
            setattr(customer, name, value)
        session.commit()


def test_fixed_searches_find_what_the_scan_finds_on_every_backend(migrated_db: MigratedDatabase) -> None:
    """C1: the index finds exactly the rows of the scan and of the domain's folding rule on every
    backend: case-insensitive, "ss" for "ß" and "ue" for "ü" both ways round, every word somewhere
    in number, name or short name in any order, LIKE's wildcards taken literally."""
    world = build_world(migrated_db)
    _add(migrated_db, world.nord, FIXED)
    service = CustomerService(migrated_db.session_factory)
    dialect = migrated_db.engine.dialect.name
    for search in FIXED_SEARCHES:
        expected = _folded_hits(migrated_db, search)
        if search.strip():
            assert expected == _found(migrated_db, customer_search.scan_clause(dialect, search_words(search)))
        found = _service_numbers(service, CustomerQuery(search=search))
        assert set(found) == (expected if search.strip() else {row[0] for row in FIXED}), search
        assert service.count(SYSTEM, CustomerQuery(search=search)) == len(set(found)), search
    # Case-insensitive for umlauts on every backend (SQLite's own LIKE folds ASCII only).
    assert set(_service_numbers(service, CustomerQuery(search="ärztekammer"))) == {"100"}
    assert set(_service_numbers(service, CustomerQuery(search="öko"))) == {"101"}
    assert set(_service_numbers(service, CustomerQuery(search="%ig"))) == {"1203"}
    assert set(_service_numbers(service, CustomerQuery(search="r_s"))) == {"12"}
    # What German administrators type: "Strasse" finds "Straße", "Mueller" finds "Müller" and the
    # other way round, the words in any order and in different columns.
    assert set(_service_numbers(service, CustomerQuery(search="Strasse"))) == {"99"}
    assert set(_service_numbers(service, CustomerQuery(search="GROSS strassenbau"))) == {"99"}
    assert set(_service_numbers(service, CustomerQuery(search="mueller soehne"))) == {"102"}
    assert set(_service_numbers(service, CustomerQuery(search="söhne 102"))) == {"102"}
    assert set(_service_numbers(service, CustomerQuery(search="Muller"))) == set()  # ü is ue, not u
    assert set(_service_numbers(service, CustomerQuery(search="Straße Müller"))) == set()


def test_postgresql_search_uses_the_trigram_indexes(tmp_path: Path) -> None:
    """Section 8: the search's own statement is served by the GIN index of the key (revision 0027),
    for a search of two words too."""
    with migrated_database("postgresql", tmp_path) as db:
        world = build_world(db)
        _add(db, world.nord, FIXED)
        with db.session_factory() as session:
            clause = customer_search.search_clause(session, "müller köln")
            assert clause is not None
            stmt = select(Customer.id).where(clause)
            sql = str(stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
            session.execute(text("SET LOCAL enable_seqscan = off"))
            plan = "\n".join(session.scalars(text(f"EXPLAIN {sql}")))
        assert customer_search.PG_KEY_INDEX in plan, plan


# --------------------------------------------------------------------------- SQLite: hypothesis


@pytest.fixture(scope="module")
def sqlite_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with migrated_database("sqlite", tmp_path_factory.mktemp("search")) as db:
        yield build_world(db)


_text = st.text(alphabet=ALPHABET, max_size=12)
_customers = st.lists(st.tuples(_text, _text), min_size=0, max_size=25)
_searches = st.one_of(_text, st.sampled_from(["ä", "Ä", "öko", "gmbh", "%", "_", "a_", "ß", '"']))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    customers=_customers,
    renamed=st.lists(st.tuples(st.integers(0, 24), _text), max_size=5),
    deleted=st.sets(st.integers(0, 24), max_size=5),
    tenants=st.lists(st.sampled_from("nsh"), min_size=25, max_size=25),
    search=_searches,
    sort=st.sampled_from(list(SortKey)),
    descending=st.booleans(),
    offset=st.integers(0, 12),
)
def test_the_index_finds_what_the_scan_finds(
    sqlite_world: World,
    monkeypatch: pytest.MonkeyPatch,
    customers: list[tuple[str, str]],
    renamed: list[tuple[int, str]],
    deleted: set[int],
    tenants: list[str],
    search: str,
    sort: SortKey,
    descending: bool,
    offset: int,
) -> None:
    """C1, T8, issue 8: for any customers, renamed and deleted afterwards (the triggers), any search,
    sort and window, and an operator who sees some tenants only, the service's rows through the
    index (sorting the hits, or walking the number order past them) are those of the scan, which
    are those whose folded texts contain every folded word of the search."""
    w, db = sqlite_world, sqlite_world.db
    tenant_of = {"n": w.nord, "s": w.sued, "h": w.hidden}
    with db.engine.begin() as conn:
        conn.execute(delete(Customer))
        ids, numbers = [], []
        for index, (name, short) in enumerate(customers):
            numbers.append(f"{index:02d}-{name[:3]}")
            row = {"tenant_id": tenant_of[tenants[index]], "number": numbers[-1], "name": name}
            ids.append(conn.execute(insert(Customer).values(**row, short_name=short)).inserted_primary_key[0])
        for index, name in renamed:
            if index < len(ids):  # as the bulk writes do: with the key
                key = search_key((numbers[index], name, customers[index][1]))
                conn.execute(update(Customer).where(Customer.id == ids[index]).values(name=name, search_key=key))
        conn.execute(delete(Customer).where(Customer.id.in_([ids[i] for i in deleted if i < len(ids)])))
    service = CustomerService(db.session_factory)
    query = CustomerQuery(search=search, sort=sort, descending=descending)

    def both(operator: Any) -> tuple[list[int], list[int], int, int]:
        indexed = [r.id for r in service.rows(operator, query, offset, 10)]
        indexed_count = service.count(operator, query)
        with monkeypatch.context() as patch:
            # Every search "has many hits": windows in number order walk the number order (issue 8).
            patch.setattr(customer_search, "MANY_HITS", 1)
            assert [r.id for r in service.rows(operator, query, offset, 10)] == indexed
            # ... and test each customer's text there instead of collecting the hits first.
            patch.setattr(customer_search, "SCAN_HITS", 1)
            assert [r.id for r in service.rows(operator, query, offset, 10)] == indexed
        with monkeypatch.context() as patch:
            patch.setattr(customer_search, "has_sqlite_index", lambda _connection: False)
            scanned = [r.id for r in service.rows(operator, query, offset, 10)]
            scanned_count = service.count(operator, query)
        return indexed, scanned, indexed_count, scanned_count

    for operator in (SYSTEM, w.mia):
        indexed, scanned, indexed_count, scanned_count = both(operator)
        assert indexed == scanned
        assert indexed_count == scanned_count
    words = search_words(search)
    with db.session_factory() as session:
        everything = session.execute(select(Customer.id, Customer.number, Customer.name, Customer.short_name)).all()
        index_rows = session.execute(text(f"SELECT count(*) FROM {customer_search.FTS_TABLE}")).scalar_one()
    assert index_rows == len(everything)
    expected = {row.id for row in everything if matches(words, search_key(row[1:]))}
    assert service.count(SYSTEM, query) == len(expected)


def test_without_special_letters_the_index_finds_what_like_found(sqlite_world: World) -> None:
    """C1: where SQLite's ASCII-only LIKE was right, a search of one word finds what it found."""
    db = sqlite_world.db
    with db.engine.begin() as conn:
        conn.execute(delete(Customer))
    _add(db, sqlite_world.nord, [(str(i), f"Firma {w} GmbH", w[:4]) for i, w in enumerate(("Alpha", "Beta", "ALPEN"))])
    for needle in ("alp", "ALP", "gmbh", "pha", "be", "1"):
        assert _found(db, customer_search.like_clause(needle.lower())) == _service_set(db, needle), needle


def _service_set(db: MigratedDatabase, search: str) -> set[str]:
    return set(_service_numbers(CustomerService(db.session_factory), CustomerQuery(search=search)))


# --------------------------------------------------------------------------- SQLite: short texts

#: names for the index of one and two characters (revision 0019): a column of one character, its
#: last character, punctuation and spaces between letters, umlauts in both cases, "ß", a dotless
#: and a dotted capital I (their case partners are ASCII), a dash outside ASCII, an empty column
SHORT_NAMES = (
    ("1", "x", ""),
    ("12", "Ärzte & Co", "ÄÖ"),
    ("x9", "a b", "Ab-C"),
    ("7", "Yılmaz İnşaat", "IŞIK"),
    ("2000", "Straße–Nord", "STRASSE"),
    ("12a", "Öl/Ü", "Ü"),
    ("K", "kg", "Q"),
)


def _short_needles() -> set[str]:
    """Every character and pair of characters of :data:`SHORT_NAMES`, both cases, and absent ones."""
    needles = {"zz", "xy", "q", "ü", "Ü", "ı", "i", "I", "ß", "ss", "&", " ", "-", "–", "a ", " b", "/ü", "ş"}
    for row in SHORT_NAMES:
        for value in row:
            for start in range(len(value)):
                for piece in (value[start], value[start : start + 2]):
                    needles.update((piece, piece.lower(), piece.upper()))
    return {needle for needle in needles if (words := search_words(needle)) and all(len(w) < 3 for w in words)}


def _as_the_scan(
    service: CustomerService, needles: list[str], mia: Any, monkeypatch: pytest.MonkeyPatch, has_index: str
) -> None:
    """Each needle finds through the index the window and count the scan finds (``has_index``: the
    function of :mod:`customer_search` that tells whether there is an index), and through the walk
    of the number order (every text with many hits) the same window; operators and orders in turn
    (every needle in all six would take minutes on a busy machine)."""
    ways = [
        (operator, sort, descending)
        for operator in (SYSTEM, mia)
        for sort, descending in ((SortKey.NUMBER, False), (SortKey.NUMBER, True), (SortKey.NAME, False))
    ]
    for index, needle in enumerate(needles):
        operator, sort, descending = ways[index % len(ways)]
        query = CustomerQuery(search=needle, sort=sort, descending=descending)
        found = ([r.id for r in service.rows(operator, query, 1, 3)], service.count(operator, query))
        with monkeypatch.context() as patch:
            patch.setattr(customer_search, "MANY_HITS", 1)  # the walk of the number order
            assert [r.id for r in service.rows(operator, query, 1, 3)] == found[0], needle
        with monkeypatch.context() as patch:
            patch.setattr(customer_search, has_index, lambda _connection: False)
            scanned = ([r.id for r in service.rows(operator, query, 1, 3)], service.count(operator, query))
        assert found == scanned, (needle, sort, descending)


def test_short_query_asks_for_every_case_or_leaves_the_text_to_the_scan() -> None:
    """C1, issue 8: the FTS5 query of a text of one or two characters; ASCII punctuation and
    characters with an ASCII case partner are not asked of the index."""
    assert customer_search.short_query("xy") == '"xy"'
    assert customer_search.short_query("7") == '"7" *'
    assert customer_search.short_query("ä") == '"Ä" * OR "ä" *'
    assert customer_search.short_query("mü") == '"mÜ" OR "mü"'
    assert customer_search.short_query("ß") == '"ß" *'
    for unanswered in ("&", " ", "a ", "e.", '"', "_", "%", "ı", "ſ"):
        assert customer_search.short_query(unanswered) is None, unanswered


def test_short_texts_through_their_index_find_what_the_scan_finds(
    sqlite_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """C1, T8, issue 8: every text of one or two characters finds through the index of revision
    0019 (or the walk, when it has many hits) the rows, order, windows and count of the scan, for
    an operator who sees every tenant and one who sees some; also after renames and deletions (the
    triggers), and the index forgets deleted customers."""
    w, db = sqlite_world, sqlite_world.db
    with db.engine.begin() as conn:
        conn.execute(delete(Customer))
    tenants = (w.nord, w.sued, w.hidden)
    with db.engine.begin() as conn:
        for index, (number, name, short) in enumerate(SHORT_NAMES):
            conn.execute(
                insert(Customer).values(tenant_id=tenants[index % 3], number=number, name=name, short_name=short)
            )
    service = CustomerService(db.session_factory)
    needles = sorted(_short_needles())
    indexed = [n for n in needles if customer_search.short_query(search_words(n)[0]) is not None]
    assert {"ä", "Ü", "ß", "a", "1", "ab", "zz"} <= set(indexed)  # the index answers these

    def compare() -> None:
        _as_the_scan(service, needles, w.mia, monkeypatch, "has_sqlite_index")
        for needle in needles:
            expected = _folded_hits(db, needle)
            assert service.count(SYSTEM, CustomerQuery(search=needle)) == len(expected), needle

    compare()
    _change(db, "12", name="Zürich Öl", short_name="zz")
    _change(db, "K", number="K2", name="Kästner")
    with db.engine.begin() as conn:
        conn.execute(delete(Customer).where(Customer.number.in_(("x9", "2000"))))
    assert _service_set(db, "kae") == {"K2"} and _service_set(db, "zü") == {"12"}
    compare()
    with db.engine.begin() as conn:
        conn.execute(delete(Customer))
    with db.engine.connect() as conn:
        table_name = customer_search.SHORT_TABLE
        for query in ('"a" *', '"zz"', '"Ä" *', '"1" *'):
            rows = conn.execute(text(f"SELECT count(*) FROM {table_name} WHERE {table_name} MATCH :q"), {"q": query})
            assert rows.scalar_one() == 0, query


# --------------------------------------------------------------------------- bulk inserts


def test_bulk_inserts_enter_the_index_at_the_end(sqlite_world: World) -> None:
    """Section 8 (bulk_insert): customers inserted without the per-row trigger are indexed by one
    statement at the end of the block, which puts the trigger back, also after an error."""
    db = sqlite_world.db
    with db.engine.begin() as conn:
        conn.execute(delete(Customer))
    _add(db, sqlite_world.nord, [("1", "Vorher GmbH", "")])
    with db.engine.begin() as conn, customer_search.filled_in_bulk(conn):
        assert not {customer_search.INSERT_TRIGGER, customer_search.SHORT_INSERT_TRIGGER} & _triggers(conn)
        conn.execute(
            insert(Customer),
            [{"tenant_id": sqlite_world.nord, "number": f"b{i}", "name": f"Bulk {i} KG"} for i in range(50)],
        )
    assert len(_service_set(db, "bulk")) == 50 and _service_set(db, "vorher") == {"1"}
    # Texts of one or two characters: through the index of revision 0019, filled at the end too.
    assert len(_service_set(db, "bu")) == 50 and _service_set(db, "vo") == {"1"}
    with pytest.raises(RuntimeError), db.engine.begin() as conn, customer_search.filled_in_bulk(conn):
        conn.execute(insert(Customer).values(tenant_id=sqlite_world.nord, number="x", name="Abgebrochen"))
        raise RuntimeError("cancelled")
    with db.engine.connect() as conn:
        assert {*customer_search._TRIGGERS, *customer_search._SHORT_TRIGGERS} <= _triggers(conn)
    assert _service_set(db, "abgebrochen") == set()
    _add(db, sqlite_world.nord, [("2", "Nachher AG", "")])
    assert _service_set(db, "nachher") == {"2"}
    assert _service_set(db, "ac") == {"2"}


def _triggers(conn: Any) -> set[str]:
    return set(conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))


# --------------------------------------------------------------------------- the migration


def test_search_index_revision_fills_the_index_and_downgrades(
    db_url: str, engines: Callable[[str], Engine], tmp_path: Path
) -> None:
    """S9: a database with customers from before revision 0008 gets its keys (revision 0027) and
    its index filled by the upgrade; the downgrade removes them and leaves the customers — on every
    backend."""
    engine = engines(db_url)
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), BEFORE)
        tenant = conn.execute(insert(Tenant).values(name="Alt", name_key="alt", version=1)).inserted_primary_key[0]
        conn.execute(
            insert(_OLD_CUSTOMER),
            [
                {"tenant_id": tenant, "number": str(i), "name": f"Ärztehaus {i}", "short_name": "", "version": 1}
                for i in range(30)
            ],
        )
    report = upgrade_database(engine, backup_dir=tmp_path, confirm=lambda _status: True)
    assert report.after.current == head_revision()
    dialect = engine.dialect.name
    with engine.connect() as conn:
        tables, indexes = _search_objects(conn)
        if dialect == "sqlite":
            assert customer_search.FTS_TABLE in tables
            assert conn.scalar(text(f"SELECT count(*) FROM {customer_search.FTS_TABLE}")) == 30
            assert set(customer_search._TRIGGERS) <= _triggers(conn)
            # Revision 0019: the index of short texts, filled from the customers there were.
            assert customer_search.SHORT_TABLE in tables
            assert set(customer_search._SHORT_TRIGGERS) <= _triggers(conn)
            short = customer_search.SHORT_TABLE
            assert conn.scalar(text(f"SELECT count(*) FROM {short} WHERE {short} MATCH '\"ae\"'")) == 30
        if dialect == "postgresql":
            assert {customer_search.PG_KEY_INDEX, customer_search.PG_KEY_GRAMS_INDEX} <= indexes
            assert not set(customer_search.PG_INDEXES.values()) & indexes
        if dialect == "mariadb":
            # Revision 0022: the grams of the customers there were, their triggers, the number order.
            assert customer_search.GRAM_TABLE in tables and customer_search.NUMBER_ORDER_INDEX in indexes
            gram_customers = f"SELECT count(DISTINCT customer_id) FROM {customer_search.GRAM_TABLE}"
            assert conn.scalar(text(gram_customers)) == 30
            assert set(customer_search._MARIADB_TRIGGERS) <= _mariadb_triggers(conn)
    with engine.connect() as conn:
        keys = {str(row[0]): row[1] for row in conn.execute(select(Customer.number, Customer.search_key))}
    assert keys == {str(i): search_key((str(i), f"Ärztehaus {i}", "")) for i in range(30)}
    service = CustomerService(_factory(engine))
    assert service.count(SYSTEM, CustomerQuery(search="ÄRZTEHAUS 29")) == 1
    assert service.count(SYSTEM, CustomerQuery(search="29 aerztehaus")) == 1
    assert service.count(SYSTEM, CustomerQuery(search="ä")) == 30
    assert service.count(SYSTEM, CustomerQuery(search="29")) == 1
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0026_group_permission_code")
    with engine.connect() as conn:  # the indexes of the three columns again, with their triggers
        tables, indexes = _search_objects(conn)
        if dialect == "sqlite":
            assert customer_search._sqlite_indexed_columns(conn, customer_search.FTS_TABLE) == customer_search.COLUMNS
            assert customer_search._sqlite_indexed_columns(conn, customer_search.SHORT_TABLE) == customer_search.COLUMNS
            assert conn.scalar(text(f"SELECT count(*) FROM {customer_search.FTS_TABLE}")) == 30
            assert set(customer_search._TRIGGERS) | set(customer_search._SHORT_TRIGGERS) <= _triggers(conn)
        if dialect == "postgresql":
            assert {*customer_search.PG_INDEXES.values(), customer_search.PG_GRAMS_INDEX} <= indexes
        if dialect == "mariadb":
            assert conn.scalar(text(f"SELECT count(DISTINCT customer_id) FROM {customer_search.GRAM_TABLE}")) == 30
            assert set(customer_search._MARIADB_TRIGGERS) <= _mariadb_triggers(conn)
        assert customer_search.KEY_COLUMN not in {c["name"] for c in inspect(conn).get_columns("customer")}
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), BEFORE)
    with engine.connect() as conn:
        tables, indexes = _search_objects(conn)
        assert not {t for t in tables if customer_search.is_index_object(t, "table")}
        assert not {i for i in indexes if customer_search.is_index_object(i, "index")}
        if dialect == "sqlite":
            assert not {*customer_search._TRIGGERS, *customer_search._SHORT_TRIGGERS} & _triggers(conn)
        if dialect == "mariadb":
            assert not set(customer_search._MARIADB_TRIGGERS) & _mariadb_triggers(conn)
            columns = {c["name"] for c in inspect(conn).get_columns("customer")}
            assert customer_search.NUMBER_LENGTH_COLUMN not in columns
        assert conn.scalar(select(func.count()).select_from(_OLD_CUSTOMER)) == 30
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
    fresh = create_engine_for(db_url)  # a new engine: the old one remembers the index
    try:
        assert CustomerService(_factory(fresh)).count(SYSTEM, CustomerQuery(search="aerztehaus 29")) == 1
    finally:
        fresh.dispose()


def _mariadb_triggers(conn: Any) -> set[str]:
    query = "SELECT trigger_name FROM information_schema.triggers WHERE trigger_schema = DATABASE()"
    return {str(name) for name in conn.scalars(text(query))}


def _factory(engine: Engine) -> Any:
    from mandant_desktop.db.engine import make_session_factory

    return make_session_factory(engine)


def _search_objects(conn: Any) -> tuple[set[str], set[str]]:
    """Tables, and the indexes of ``customer`` (from the catalogue: SQLite's reflection skips
    expression indexes)."""
    tables = set(inspect(conn).get_table_names())
    if conn.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer'"
    elif conn.dialect.name == "postgresql":
        query = "SELECT indexname FROM pg_indexes WHERE tablename = 'customer'"
    else:
        query = (
            "SELECT index_name FROM information_schema.statistics "
            "WHERE table_schema = DATABASE() AND table_name = 'customer'"
        )
    return tables, {str(name) for name in conn.scalars(text(query))}


def test_postgresql_without_the_right_to_create_pg_trgm_upgrades_without_index(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """S9: a schema owner that may not create the extension (no CREATE right on the database)
    upgrades all the same; the log says why there is no index, and the search scans."""
    import uuid

    from sqlalchemy.engine import make_url

    role = f"mandant_noext_{uuid.uuid4().hex[:8]}"
    with fresh_database("postgresql", tmp_path) as url:
        admin = create_engine_for(url)
        try:
            with admin.begin() as conn:
                command.upgrade(migrate.alembic_config(conn), BEFORE)
                conn.execute(text(f"CREATE ROLE {role} LOGIN"))
                conn.execute(text(f"GRANT USAGE, CREATE ON SCHEMA public TO {role}"))
                for name in ("customer", "alembic_version"):
                    conn.execute(text(f"ALTER TABLE {name} OWNER TO {role}"))
            owner = create_engine_for(make_url(url).set(username=role))
            try:
                with caplog.at_level(logging.WARNING), owner.begin() as conn:
                    # The revision under test: later ones alter tables this role does not own.
                    command.upgrade(migrate.alembic_config(conn), SEARCH_REVISION)
                with owner.connect() as conn:
                    assert conn.scalar(text("SELECT version_num FROM alembic_version")) == SEARCH_REVISION
                    assert not set(customer_search.PG_INDEXES.values()) & _search_objects(conn)[1]
                    assert conn.scalar(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")) == 0
                    assert conn.scalar(select(Customer.id).where(customer_search.like_clause("ärz"))) is None
            finally:
                owner.dispose()
            assert "pg_trgm" in caplog.text and "without an index" in caplog.text
            with admin.begin() as conn:
                for name in ("customer", "alembic_version"):
                    conn.execute(text(f"ALTER TABLE {name} OWNER TO CURRENT_USER"))
                conn.execute(text(f"DROP OWNED BY {role}"))
                conn.execute(text(f"DROP ROLE {role}"))
        finally:
            admin.dispose()


# --------------------------------------------------------------------------- MariaDB: the grams (0022)


@pytest.fixture(scope="module")
def mariadb_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    with migrated_database("mariadb", tmp_path_factory.mktemp("mariadb")) as db:
        yield build_world(db)


def _gram_rows(conn: Any) -> list[tuple[bytes, int]]:
    rows = conn.execute(text(f"SELECT gram, customer_id FROM {customer_search.GRAM_TABLE} ORDER BY 1, 2"))
    return [(bytes(gram), int(customer_id)) for gram, customer_id in rows]


def _grams_as_filled_anew(db: MigratedDatabase) -> None:
    """The grams the triggers kept are exactly what one fill from the customers makes."""
    with db.engine.begin() as conn:
        kept = _gram_rows(conn)
        conn.execute(text(f"DELETE FROM {customer_search.GRAM_TABLE}"))
        conn.execute(text(customer_search._mariadb_fill()))
        assert _gram_rows(conn) == kept


def test_mariadb_grams_find_what_the_scan_finds_after_every_write(
    mariadb_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """C1, T8, issue 8: on MariaDB every text of one to three characters and the fixed searches
    find through the grams of revision 0022 (or the walk of the number order, when they have many
    hits) the rows, order, windows and count of the scan, for an operator who sees every tenant and
    one who sees some; also after inserts, renames (case and trailing space only, too) and
    deletions, after which the grams are what a fill from the customers makes; the hits are
    those of the domain's folding rule, searches of several words among them."""
    w, db = mariadb_world, mariadb_world.db
    with db.engine.begin() as conn:
        conn.execute(delete(Customer))
    tenants = (w.nord, w.sued, w.hidden)
    with db.engine.begin() as conn:
        fixed = [(f"F-{number}", name, short) for number, name, short in FIXED]
        for index, (number, name, short) in enumerate((*SHORT_NAMES, *fixed)):
            conn.execute(
                insert(Customer).values(tenant_id=tenants[index % 3], number=number, name=name, short_name=short)
            )
    service = CustomerService(db.session_factory)
    needles = sorted(
        {
            *_short_needles(),
            *FIXED_SEARCHES,
            "ärzte & co",
            "straße–nord",
            "yılmaz i",
            "100%i",
            "x9 b a",
            "nord a",
            "a e i",
            "ab c",
            "ü k",
        }
    )

    def compare() -> None:
        _as_the_scan(service, needles, w.mia, monkeypatch, "has_gram_table")
        for needle in needles:
            expected = _folded_hits(db, needle)
            if needle.strip():
                assert _found(db, customer_search.scan_clause("mariadb", search_words(needle))) == expected, needle
            assert _service_set(db, needle) == expected, needle

    compare()
    _grams_as_filled_anew(db)
    _change(db, "12", name="Zürich Öl", short_name="zz")
    _change(db, "K", number="K2", name="Kästner")
    _change(db, "x9", name="A B")  # the case alone: the key stays, and so do the grams
    _change(db, "7", short_name="IŞIK ")  # a space
    _change(db, "F-100", status="deactivated")
    with db.engine.begin() as conn:
        conn.execute(delete(Customer).where(Customer.number.in_(("2000", "F-101"))))
    assert _service_set(db, "işik") == {"7"} and _service_set(db, "isik yilmaz") == {"7"}
    assert _service_set(db, "KAESTNER") == {"K2"} and _service_set(db, "zü") == {"12"}
    assert not _service_set(db, "straße–") and not _service_set(db, "öko d")
    compare()
    _grams_as_filled_anew(db)
    with db.engine.begin() as conn:
        conn.execute(delete(Customer))
        assert _gram_rows(conn) == []


def test_mariadb_bulk_inserts_enter_the_grams_at_the_end(mariadb_world: World) -> None:
    """Section 8 (demo, imports): on MariaDB customers inserted in :func:`filled_in_bulk` enter the
    grams in one statement at the end of the block (the insert trigger leaves them), also after an
    error; inserts after the block, on the same connection, enter them row by row again."""
    db = mariadb_world.db
    with db.engine.begin() as conn:
        conn.execute(delete(Customer))
    _add(db, mariadb_world.nord, [("1", "Vorher GmbH", "")])
    with db.engine.begin() as conn, customer_search.filled_in_bulk(conn):
        conn.execute(
            insert(Customer),
            [{"tenant_id": mariadb_world.nord, "number": f"b{i}", "name": f"Bulk {i} KG"} for i in range(50)],
        )
        in_block = conn.scalar(text(f"SELECT count(*) FROM {customer_search.GRAM_TABLE} WHERE gram = 'bul'"))
        assert in_block == 0  # left to the end of the block
    assert len(_service_set(db, "bulk")) == 50 and _service_set(db, "vorher") == {"1"}
    assert len(_service_set(db, "bu")) == 50 and _service_set(db, "vo") == {"1"}
    with pytest.raises(RuntimeError), db.engine.begin() as conn, customer_search.filled_in_bulk(conn):
        conn.execute(insert(Customer).values(tenant_id=mariadb_world.nord, number="x", name="Abgebrochen"))
        raise RuntimeError("cancelled")
    assert _service_set(db, "abgebrochen") == set()
    with db.engine.begin() as conn:
        assert conn.scalar(text(f"SELECT {customer_search.BULK_VARIABLE} IS NULL")) == 1
        conn.execute(insert(Customer).values(tenant_id=mariadb_world.nord, number="2", name="Nachher AG"))
    assert _service_set(db, "nachher") == {"2"} and _service_set(db, "ac") == {"2"}
    _grams_as_filled_anew(db)


def test_mariadb_search_uses_the_grams_and_the_number_order(mariadb_world: World) -> None:
    """Section 8: on MariaDB a search reads the gram table's key, and a window in number order of a
    text with many hits walks the number order index (no sort of every customer)."""
    db = mariadb_world.db
    with db.engine.begin() as conn:
        conn.execute(delete(Customer))
    _add(db, mariadb_world.nord, [(str(1000 + i), f"Firma {i} GmbH", "F") for i in range(40)])
    window = customer_search.NumberWindow(rows=10)

    def plan(search: str, window: customer_search.NumberWindow | None, order: bool) -> str:
        with db.session_factory() as session:
            clause = customer_search.search_clause(session, search, window=window)
            assert clause is not None
            stmt = select(Customer.id).where(clause)
            if order:
                stmt = stmt.order_by(*customer_search.number_order(session.connection(), False)).limit(10)
            compiled = stmt.compile(session.get_bind())
            explained = session.connection().exec_driver_sql(f"EXPLAIN {compiled}", compiled.params)
            return "\n".join(str(row) for row in explained)

    for search in ("müller", "xy"):  # the gram table is g1 (and g2) in the plan, read by its key
        grams = [row for row in plan(search, None, order=False).splitlines() if "'g1'" in row]
        assert grams and "'PRIMARY'" in grams[0], search
    original = customer_search.MANY_HITS
    customer_search.MANY_HITS = 5
    try:
        walked = plan("gmbh", window, order=True)
    finally:
        customer_search.MANY_HITS = original
    assert customer_search.NUMBER_ORDER_INDEX in walked and "filesort" not in walked, walked


def test_mariadb_without_the_right_to_create_triggers_upgrades_without_grams(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """S9: where the server refuses the triggers (binary logging and a user without SUPER, error
    1419; here a trigger the server cannot create) revision 0022 upgrades all the same without the
    gram table, the log says why, and the search scans and finds what it found before."""
    made = customer_search._mariadb_triggers

    def refused(columns: tuple[str, ...]) -> dict[str, str]:
        triggers = made(columns)
        triggers[customer_search.GRAM_DELETE_TRIGGER] = (
            "CREATE TRIGGER refused AFTER DELETE ON no_such_table FOR EACH ROW BEGIN END"
        )
        return triggers

    monkeypatch.setattr(customer_search, "_mariadb_triggers", refused)
    with fresh_database("mariadb", tmp_path) as url:
        engine = create_engine_for(url)
        try:
            with engine.begin() as conn:
                command.upgrade(migrate.alembic_config(conn), "0019_customer_search_short")
                tenant = conn.execute(insert(Tenant).values(name="Alt", name_key="alt", version=1)).inserted_primary_key
                conn.execute(
                    insert(_OLD_CUSTOMER).values(
                        tenant_id=tenant[0], number="1", name="Ärztehaus", short_name="", version=1
                    )
                )
            with caplog.at_level(logging.WARNING):
                report = upgrade_database(engine, backup_dir=tmp_path, confirm=lambda _status: True)
            assert report.after.current == head_revision()
            assert "without the gram index" in caplog.text
            with engine.connect() as conn:
                tables, indexes = _search_objects(conn)
                assert customer_search.GRAM_TABLE not in tables and not _mariadb_triggers(conn)
                assert customer_search.NUMBER_ORDER_INDEX in indexes
            service = CustomerService(_factory(engine))
            assert service.count(SYSTEM, CustomerQuery(search="ärz")) == 1
            assert service.count(SYSTEM, CustomerQuery(search="AERZTE")) == 1
            assert _service_numbers(service, CustomerQuery(search="ä")) == ["1"]
        finally:
            engine.dispose()
