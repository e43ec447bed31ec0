"""The customer search: number, name or short name contain every typed word (SPEC C1, section 8).

The search folds German spellings, case and accents and matches word by word, by the rule of
:mod:`mandant_desktop.domain.search_folding`: "Strasse" finds "Straße", "Mueller" finds "Müller" and
the other way round, "müller köln" finds a "Müller" whose short name says "Köln". Each word is a
substring ("ärz" finds "Ärztekammer", "12" finds "X-4512"). The database cannot fold as the rule
does, so since revision ``0027_customer_search_fold`` the application stores each customer's folded
texts in :data:`KEY_COLUMN` (inserts: the column's default, or the row the demo and the import make;
changes: the models' ``before_update`` hook), and every index below is built on that column instead
of the three: what follows says "the columns" for what is now the key. A word is looked up in
the index where it can be, and the other words of the search are tested in the rows it found
(:func:`search_clause`), so that a search of several words takes the statements of one.

A ``LIKE '%…%'`` scan reads all 100,000 customers on every key (about 110 ms on SQLite, with the
COUNT twice that), so revision ``0008_customer_search`` gives each backend an index for it:

* **SQLite**: the FTS5 table :data:`FTS_TABLE` with the ``trigram`` tokenizer over the three
  columns, kept in step with ``customer`` by triggers. A phrase query of the text finds exactly the
  rows whose column contains it, folded to lower case by Unicode rules. Texts shorter than
  :data:`MIN_INDEXED_LENGTH` characters hold no trigram: revision ``0019_customer_search_short``
  adds the FTS5 table :data:`SHORT_TABLE` for them (:func:`short_query`), whose tokens are the
  substrings of two characters of each column (and its last character); a text with many hits
  walks the ``(length(number), number)`` index instead, so that the first window (in number order)
  stops early. A SQLite built without FTS5 or the trigram tokenizer (older than 3.34) gets no
  table and scans.
* **PostgreSQL**: GIN trigram indexes (``pg_trgm``) on ``lower(column)``, which the very same
  ``lower(column) LIKE '%…%'`` uses; without the extension (a role that may not create it) the
  same statement scans. Under row security (the application login) no query may use them, and
  the search runs as the owner in the functions of revision ``0018_pg_customer_search_grams``,
  which add an index for texts of one or two characters (each customer's substrings of that
  length) and choose between sorting the hits and walking the number order by the hits they find.
* **MariaDB/MySQL**: MariaDB has no n-gram full-text parser (MySQL's ``ngram`` is MySQL's only), and
  its FULLTEXT indexes match words, not substrings. Revision ``0022_mariadb_customer_search`` adds
  a side table :data:`GRAM_TABLE` of each customer's grams: from every position of each folded
  column the next three characters (fewer at its end), so that every text of one to three
  characters a column contains is the beginning of one of its grams (:func:`mariadb_clause`). Three
  triggers keep it in step with ``customer`` inside the writing statement's transaction; bulk
  inserts fill it with one statement at their end (:func:`filled_in_bulk`). A text of up to three
  characters is answered by the grams alone, a longer one by the customers that have its two
  rarest trigrams, tested with the scan's condition. An invisible virtual column holds
  ``length(number)`` with an index on it and the number (:data:`NUMBER_ORDER_INDEX`), so that a
  window in number order of a text with many hits walks that order and stops early
  (:func:`number_order`). The scan compares the folded texts byte for byte (``utf8mb4_bin``), so
  that it finds what the other backends find: the database's usual collation
  ``utf8mb4_unicode_ci`` would also take "u" for "ü"; the grams are binary strings of the same
  folded text.

The key is folded already: the scan compares it character for character (SQLite ``instr``, the
others ``LIKE``, MariaDB's in the binary collation, :func:`scan_clause`), as the indexes do.

Bulk inserts (the demo, imports) wrap their inserts in :func:`filled_in_bulk`: on SQLite the
per-row trigger costs five times what one ``INSERT … SELECT`` at the end costs.

A later migration that rebuilds ``customer`` with a SQLite batch operation drops the triggers and
the order index with the old table: the migration environment puts them back after every upgrade
(:func:`restore_after_batch`), and the migration tests check that they exist.
"""

from __future__ import annotations

import contextlib
import logging
import weakref
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Connection,
    Engine,
    Integer,
    LargeBinary,
    Text,
    and_,
    bindparam,
    cast,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from mandant_desktop.db import search_keys
from mandant_desktop.db.engine import MYSQL_QUERY_TIMEOUT_S, set_read_timeout
from mandant_desktop.db.models import Customer
from mandant_desktop.db.tables import (
    CUSTOMER_GRAMS_INDEX,
    CUSTOMER_KEY_GRAMS_INDEX,
    CUSTOMER_KEY_TRIGRAM_INDEX,
    CUSTOMER_NUMBER_LENGTH_COLUMN,
    CUSTOMER_NUMBER_ORDER_INDEX,
    CUSTOMER_TRIGRAM_INDEXES,
    EXACT_COLLATION,
)
from mandant_desktop.domain.search_folding import search_words

log = logging.getLogger(__name__)

FTS_TABLE = "customer_search"
#: the columns searched until revision 0027, and the columns of its index tables until then
COLUMNS = ("number", "name", "short_name")
#: the column searched since revision 0027: the folded texts of :data:`COLUMNS`
#: (:func:`mandant_desktop.domain.search_folding.search_key`), which its index tables hold instead
KEY_COLUMN = "search_key"
KEY_COLUMNS = (KEY_COLUMN,)
#: the trigram tokenizer indexes runs of three characters: shorter texts cannot use it
MIN_INDEXED_LENGTH = 3
#: PostgreSQL's trigram index per searched column (revisions 0008 to 0026)
PG_INDEXES = CUSTOMER_TRIGRAM_INDEXES
#: PostgreSQL's trigram index of :data:`KEY_COLUMN` (revision 0027; declared by the models)
PG_KEY_INDEX = CUSTOMER_KEY_TRIGRAM_INDEX
#: the order of the number column (shorter numbers first), for the first window of a scan
NUMBER_ORDER_INDEX = CUSTOMER_NUMBER_ORDER_INDEX

ORDER_INDEX_DDL = f"CREATE INDEX {NUMBER_ORDER_INDEX} ON customer (length(number), number)"

INSERT_TRIGGER = "customer_search_insert"
UPDATE_TRIGGER = "customer_search_update"
DELETE_TRIGGER = "customer_search_delete"

#: SQLite (revision 0019): the index for texts of one or two characters. Its tokens are each
#: column's substrings of two characters and its last character, written out with a space between
#: them (:func:`_grams`), which the ``ascii`` tokenizer splits again: a token holds only ASCII
#: letters and digits and any other (non-ASCII) characters, ASCII letters folded to lower case.
#: A substring with a space or ASCII punctuation in it becomes the one character left of it, or
#: nothing. So the two characters "xy" occur in a column exactly when it has the token "xy", and
#: one character "x" exactly when it has a token beginning with it (a prefix query, served by the
#: index of first characters, ``prefix='1'``), for letters and digits and non-ASCII characters;
#: other texts are not indexed (:func:`short_query`). The table keeps no copy of the text
#: (``content=''``) and no positions (``detail=none``): 5 MB for 100,000 customers.
SHORT_TABLE = "customer_search_short"
#: the numbers 1 to :data:`POSITIONS`, from which the triggers cut the substrings (a trigger may not
#: use a recursive WITH): columns longer than that are indexed up to there (the models allow 200)
POSITION_TABLE = "customer_search_position"
POSITIONS = 1000
SHORT_INSERT_TRIGGER = "customer_search_short_insert"
SHORT_UPDATE_TRIGGER = "customer_search_short_update"
SHORT_DELETE_TRIGGER = "customer_search_short_delete"


def _grams(value: str) -> str:
    """SQL: the tokens of :data:`SHORT_TABLE` for the column value ``value`` (an SQL expression):
    its substrings from every position, two characters long but the last one."""
    return f"(SELECT group_concat(substr({value}, n, 2), ' ') FROM {POSITION_TABLE} WHERE n <= length({value}))"


# The SQLite tables and triggers are written for the columns they index: :data:`COLUMNS` (revisions
# 0008 and 0019, and their downgrade) or :data:`KEY_COLUMNS` (revision 0027 on). The index tables'
# columns are named as the customer columns they index.


def _names(columns: tuple[str, ...]) -> str:
    return ", ".join(columns)


def _values(row: str, columns: tuple[str, ...]) -> str:
    return ", ".join(f"{row}.{name}" for name in columns)


def _short_row(row: str, columns: tuple[str, ...]) -> str:
    return ", ".join(_grams(f"{row}.{name}") for name in columns)


def _sqlite_short_triggers(columns: tuple[str, ...]) -> dict[str, str]:
    insert_row = f"INSERT INTO {SHORT_TABLE} (rowid, {_names(columns)}) VALUES (new.id, {_short_row('new', columns)});"
    # a contentless table forgets a row when told the very tokens it was given
    delete_row = (
        f"INSERT INTO {SHORT_TABLE} ({SHORT_TABLE}, rowid, {_names(columns)}) "
        f"VALUES ('delete', old.id, {_short_row('old', columns)});"
    )
    return {
        SHORT_INSERT_TRIGGER: f"CREATE TRIGGER {SHORT_INSERT_TRIGGER} AFTER INSERT ON customer BEGIN {insert_row} END",
        SHORT_UPDATE_TRIGGER: (
            f"CREATE TRIGGER {SHORT_UPDATE_TRIGGER} AFTER UPDATE OF id, {_names(columns)} ON customer BEGIN "
            f"{delete_row} {insert_row} END"
        ),
        SHORT_DELETE_TRIGGER: f"CREATE TRIGGER {SHORT_DELETE_TRIGGER} AFTER DELETE ON customer BEGIN {delete_row} END",
    }


def _sqlite_short_fill(columns: tuple[str, ...]) -> str:
    return (
        f"INSERT INTO {SHORT_TABLE} (rowid, {_names(columns)}) SELECT id, {_short_row('customer', columns)} "
        "FROM customer"
    )


def _sqlite_fill(columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {FTS_TABLE} (rowid, {_names(columns)}) SELECT id, {_names(columns)} FROM customer"


def _sqlite_triggers(columns: tuple[str, ...]) -> dict[str, str]:
    insert_row = f"INSERT INTO {FTS_TABLE} (rowid, {_names(columns)}) VALUES (new.id, {_values('new', columns)});"
    return {
        INSERT_TRIGGER: f"CREATE TRIGGER {INSERT_TRIGGER} AFTER INSERT ON customer BEGIN {insert_row} END",
        UPDATE_TRIGGER: (
            f"CREATE TRIGGER {UPDATE_TRIGGER} AFTER UPDATE OF id, {_names(columns)} ON customer BEGIN "
            f"DELETE FROM {FTS_TABLE} WHERE rowid = old.id; {insert_row} END"
        ),
        DELETE_TRIGGER: (
            f"CREATE TRIGGER {DELETE_TRIGGER} AFTER DELETE ON customer BEGIN "
            f"DELETE FROM {FTS_TABLE} WHERE rowid = old.id; END"
        ),
    }


#: the triggers of the current schema (revision 0027 on)
_TRIGGERS = _sqlite_triggers(KEY_COLUMNS)
_SHORT_TRIGGERS = _sqlite_short_triggers(KEY_COLUMNS)

#: PostgreSQL (revision 0010): the search as the schema owner, for roles under row-level security
PG_SEARCH_FUNCTION = "mandant_customer_search"
#: the function takes the LIKE pattern (escaped with "/") and returns the ids of the customers that
#: match in tenants the operator of the transaction may see (the read policy of revision 0005)
PG_SEARCH_FUNCTION_DDL = f"""
DO $do$
BEGIN
    EXECUTE format($f$
        CREATE FUNCTION {PG_SEARCH_FUNCTION}(pattern text) RETURNS SETOF integer
        LANGUAGE sql STABLE SECURITY DEFINER ROWS 100 SET search_path = %I, pg_temp AS $body$
            SELECT id FROM customer
            WHERE (lower(number) LIKE pattern ESCAPE '/' OR lower(name) LIKE pattern ESCAPE '/'
                   OR lower(short_name) LIKE pattern ESCAPE '/')
              AND tenant_id = ANY (mandant_visible_tenants())
        $body$$f$, current_schema());
    EXECUTE 'REVOKE ALL ON FUNCTION {PG_SEARCH_FUNCTION}(text) FROM PUBLIC';
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mandant_app') THEN
        EXECUTE 'GRANT EXECUTE ON FUNCTION {PG_SEARCH_FUNCTION}(text) TO mandant_app';
    END IF;
END
$do$;
"""


def pg_app_grants(signatures: Collection[str]) -> str:
    """PostgreSQL: the functions ``signatures`` (``name(types)``) for ``mandant_app`` only, not
    PUBLIC (revisions 0018 and 0027)."""
    statements = [f"EXECUTE 'REVOKE ALL ON FUNCTION {s} FROM PUBLIC';" for s in signatures]
    grants = " ".join(f"EXECUTE 'GRANT EXECUTE ON FUNCTION {s} TO mandant_app';" for s in signatures)
    statements.append(f"IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mandant_app') THEN {grants} END IF;")
    return "DO $do$ BEGIN " + " ".join(statements) + " END $do$;"


#: PostgreSQL (revision 0013): the first hits in the table's number order, for a window of rows
PG_SEARCH_FIRST_FUNCTION = "mandant_customer_search_first"
#: PostgreSQL (revision 0018, which describes them): the search as the application login calls it
#: since, with the search text itself (folded by :func:`normalise`) and the caller's tenants
PG_FIRST_FUNCTION = "mandant_customer_first"
PG_HITS_FUNCTION = "mandant_customer_hits"
PG_COUNT_FUNCTION = "mandant_customer_count"
#: the GIN index of revision 0018 on each customer's substrings of one and two characters
PG_GRAMS_INDEX = CUSTOMER_GRAMS_INDEX
#: PostgreSQL (revision 0027, which describes them): the search of the folded words in the key, as
#: the application login calls it, with the words (:func:`search_words`) and the caller's tenants
PG_KEY_FIRST_FUNCTION = "mandant_customer_key_first"
PG_KEY_HITS_FUNCTION = "mandant_customer_key_hits"
PG_KEY_COUNT_FUNCTION = "mandant_customer_key_count"
#: the GIN index of revision 0027 on the substrings of one and two characters of the key (declared
#: by the models)
PG_KEY_GRAMS_INDEX = CUSTOMER_KEY_GRAMS_INDEX


#: MariaDB/MySQL (revision 0022): the grams of each customer's folded columns, one row per distinct
#: (gram, customer); the key alone (no second index: a customer's rows are found by its grams)
GRAM_TABLE = "customer_search_gram"
#: the longest gram: from every position of a column the next three characters, fewer at its end
GRAM_LENGTH = 3
#: MariaDB/MySQL: the invisible virtual column ``length(number)`` the number order index begins with
NUMBER_LENGTH_COLUMN = CUSTOMER_NUMBER_LENGTH_COLUMN
GRAM_INSERT_TRIGGER = "customer_search_gram_insert"
GRAM_UPDATE_TRIGGER = "customer_search_gram_update"
GRAM_DELETE_TRIGGER = "customer_search_gram_delete"
#: the session variable that tells the insert trigger that :func:`filled_in_bulk` fills the grams
BULK_VARIABLE = "@mandant_customer_search_bulk"


def _mariadb_text(value: str, columns: tuple[str, ...]) -> str:
    """SQL: the text the grams of the column ``value`` are cut from: until revision 0027 each column
    folded as the scan folded it, since then the key itself, folded by the application."""
    return value if columns == KEY_COLUMNS else f"LOWER({value}) COLLATE {EXACT_COLLATION}"


def _mariadb_texts(row: str, columns: tuple[str, ...]) -> str:
    """SQL: the texts of ``row`` (``NEW``, ``OLD``) as a derived table ``v(t)``."""
    parts = " UNION ALL ".join(f"SELECT {_mariadb_text(f'{row}.{name}', columns)} AS t" for name in columns)
    return f"({parts}) v"


def _mariadb_grams(texts: str, customer_id: str, *, distinct: str = "DISTINCT ") -> str:
    """SQL: the distinct (gram, customer) rows of the texts ``texts`` (a derived table ``v`` with the
    text ``t``; ``customer_id`` an expression of it or of the trigger's row; ``distinct``: "" for
    a fill of many customers, where ``INSERT IGNORE`` drops the repeated rows sooner than a
    ``DISTINCT`` of millions of rows would find them). The texts come first
    and each reads its positions from the key (``STRAIGHT_JOIN``): the other way round MariaDB
    compared every position with every text, 50 s instead of 5 s for 100,000 customers."""
    return (
        f"SELECT {distinct}CAST(SUBSTRING(v.t, p.n, {GRAM_LENGTH}) AS BINARY) AS gram, {customer_id} AS customer_id "
        f"FROM {texts} STRAIGHT_JOIN {POSITION_TABLE} p ON p.n <= CHAR_LENGTH(v.t)"
    )


def _mariadb_forget(row: str, columns: tuple[str, ...]) -> str:
    """SQL: delete the grams of the trigger's row ``row`` (found by its key, gram by gram)."""
    return (
        f"DELETE g FROM {GRAM_TABLE} g JOIN ({_mariadb_grams(_mariadb_texts(row, columns), f'{row}.id')}) o "
        "ON g.gram = o.gram AND g.customer_id = o.customer_id"
    )


def _mariadb_add(row: str, columns: tuple[str, ...]) -> str:
    grams = _mariadb_grams(_mariadb_texts(row, columns), f"{row}.id")
    return f"INSERT IGNORE INTO {GRAM_TABLE} (gram, customer_id) {grams}"


def _mariadb_triggers(columns: tuple[str, ...]) -> dict[str, str]:
    """The triggers that keep :data:`GRAM_TABLE` in step with the texts of ``columns``."""
    same = " AND ".join(["OLD.id = NEW.id", *(f"BINARY OLD.{name} = BINARY NEW.{name}" for name in columns)])
    return {
        GRAM_INSERT_TRIGGER: (
            f"CREATE TRIGGER {GRAM_INSERT_TRIGGER} AFTER INSERT ON customer FOR EACH ROW "
            f"BEGIN IF {BULK_VARIABLE} IS NULL THEN {_mariadb_add('NEW', columns)}; END IF; END"
        ),
        GRAM_UPDATE_TRIGGER: (
            f"CREATE TRIGGER {GRAM_UPDATE_TRIGGER} AFTER UPDATE ON customer FOR EACH ROW BEGIN IF NOT ({same}) THEN "
            f"{_mariadb_forget('OLD', columns)}; {_mariadb_add('NEW', columns)}; END IF; END"
        ),
        GRAM_DELETE_TRIGGER: (
            f"CREATE TRIGGER {GRAM_DELETE_TRIGGER} AFTER DELETE ON customer FOR EACH ROW "
            f"BEGIN {_mariadb_forget('OLD', columns)}; END"
        ),
    }


#: the triggers of the current schema (revision 0027 on)
_MARIADB_TRIGGERS = _mariadb_triggers(KEY_COLUMNS)


def _mariadb_fill(where: str = "", columns: tuple[str, ...] = KEY_COLUMNS) -> str:
    """SQL: the grams of the customers (``where``: a condition on ``customer``), in one statement."""
    texts = " UNION ALL ".join(
        f"SELECT id, {_mariadb_text(name, columns)} AS t FROM customer {where}" for name in columns
    )
    grams = _mariadb_grams(f"({texts}) v", "v.id", distinct="")
    return f"INSERT IGNORE INTO {GRAM_TABLE} (gram, customer_id) {grams}"


def create_mariadb_index(connection: Connection) -> None:
    """Revision 0022 on MariaDB/MySQL: the number order column and index, the positions, the gram
    table filled from the customers there are, and its triggers."""
    connection.exec_driver_sql(
        f"ALTER TABLE customer ADD COLUMN {NUMBER_LENGTH_COLUMN} INT AS (length(number)) VIRTUAL INVISIBLE, "
        f"ADD INDEX {NUMBER_ORDER_INDEX} ({NUMBER_LENGTH_COLUMN}, number)"
    )
    connection.exec_driver_sql(f"CREATE TABLE {POSITION_TABLE} (n INT NOT NULL PRIMARY KEY)")
    connection.exec_driver_sql(
        f"INSERT INTO {POSITION_TABLE} (n) WITH RECURSIVE p(n) AS "
        f"(SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < {POSITIONS}) SELECT n FROM p"
    )
    connection.exec_driver_sql(
        f"CREATE TABLE {GRAM_TABLE} (gram VARBINARY({4 * GRAM_LENGTH}) NOT NULL, customer_id INT NOT NULL, "
        "PRIMARY KEY (gram, customer_id))"
    )
    # The triggers before the fill (it ignores the rows they added meanwhile). A server with binary
    # logging refuses triggers to a user without SUPER unless log_bin_trust_function_creators is
    # on: then there is no gram table, and the search scans as before (the number order index stays).
    if _create_mariadb_triggers(connection, COLUMNS):
        connection.exec_driver_sql(_mariadb_fill(columns=COLUMNS))


def _create_mariadb_triggers(connection: Connection, columns: tuple[str, ...]) -> bool:
    """The gram table's triggers for ``columns``; False (the gram table and positions dropped,
    logged) when the server refuses them."""
    try:
        for ddl in _mariadb_triggers(columns).values():
            connection.exec_driver_sql(ddl)
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        log.warning("customer search without the gram index: its triggers cannot be created (%s)", reason)
        _drop(connection, _MARIADB_TRIGGERS, (GRAM_TABLE, POSITION_TABLE))
        return False
    return True


def index_mariadb_key(connection: Connection, columns: tuple[str, ...] = KEY_COLUMNS) -> None:
    """Revisions 0027 (``columns``: :data:`KEY_COLUMNS`) and its downgrade (:data:`COLUMNS`) on
    MariaDB/MySQL with a gram table: its triggers and grams made anew from ``columns``."""
    if not _table_exists_mariadb(connection, GRAM_TABLE):
        return  # revision 0022 could not create its triggers (logged then): the search scans
    _drop(connection, _MARIADB_TRIGGERS, ())
    connection.exec_driver_sql(f"TRUNCATE TABLE {GRAM_TABLE}")  # commits, as the ALTER TABLE before did
    if _create_mariadb_triggers(connection, columns):
        _without_read_timeout(connection, _mariadb_fill(columns=columns))


def _without_read_timeout(connection: Connection, statement: str, parameters: dict[str, Any] | None = None) -> None:
    """Run ``statement``, which fills the grams of many customers, for as long as it takes: those of
    the large demo's 100,000 take longer than the query timeout under load (about 70 s at load 7)."""
    raw = connection.connection.dbapi_connection
    set_read_timeout(raw, None)
    try:
        connection.execute(text(statement), parameters or {})
    finally:
        set_read_timeout(raw, MYSQL_QUERY_TIMEOUT_S)


def _table_exists_mariadb(connection: Connection, name: str) -> bool:
    found = connection.execute(
        text("SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = :name"),
        {"name": name},
    ).first()
    return found is not None


def drop_mariadb_index(connection: Connection) -> None:
    _drop(connection, _MARIADB_TRIGGERS, (GRAM_TABLE, POSITION_TABLE))
    connection.exec_driver_sql(
        f"ALTER TABLE customer DROP INDEX {NUMBER_ORDER_INDEX}, DROP COLUMN {NUMBER_LENGTH_COLUMN}"
    )


# --------------------------------------------------------------------------- the keys (revision 0027)


def fill_keys(connection: Connection) -> None:
    """Revision 0027: every customer's :data:`KEY_COLUMN` from its number, name and short name, by
    one ``UPDATE`` (:func:`mandant_desktop.db.search_keys.fill_keys`)."""
    search_keys.fill_keys(connection, "customer", COLUMNS)


@dataclass(frozen=True, slots=True)
class NumberWindow:
    """The caller wants its rows in number order, up to ``rows`` of them (the window's offset plus
    its length), of the tenants ``tenants`` (None: every tenant row security lets it see)."""

    rows: int
    descending: bool = False
    tenants: Collection[int] | None = None


_fts = table(FTS_TABLE, column("rowid"))
_short = table(SHORT_TABLE, column("rowid"))
#: PostgreSQL engines whose role is under row-level security (it does not change while they run)
_under_row_security: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()
#: engines whose SQLite database is known to have the index (it does not go away while they run)
_indexed: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()
#: engines whose SQLite database is known to have the index of short texts (revision 0019)
_short_indexed: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


# --------------------------------------------------------------------------- the schema (revision 0008)


def sqlite_supports_index(connection: Connection) -> str | None:
    """None when this SQLite can build the index, else why not (for the log)."""
    try:
        connection.exec_driver_sql("CREATE VIRTUAL TABLE temp.customer_search_probe USING fts5(x, tokenize='trigram')")
        connection.exec_driver_sql("DROP TABLE temp.customer_search_probe")
    except Exception as exc:  # sqlite3.OperationalError: no such module / no such tokenizer
        return str(getattr(exc, "orig", exc))
    return None


def create_sqlite_index(connection: Connection, columns: tuple[str, ...] = COLUMNS) -> None:
    """The FTS5 table of ``columns``, filled from the customers there are, and its triggers
    (revision 0008: :data:`COLUMNS`; revision 0027: :data:`KEY_COLUMNS`)."""
    connection.exec_driver_sql(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({_names(columns)}, tokenize='trigram')")
    connection.exec_driver_sql(_sqlite_fill(columns))
    create_sqlite_triggers(connection, columns)


def create_sqlite_triggers(connection: Connection, columns: tuple[str, ...] = KEY_COLUMNS) -> None:
    for ddl in _sqlite_triggers(columns).values():
        connection.exec_driver_sql(ddl)


def _sqlite_indexed_columns(connection: Connection, name: str) -> tuple[str, ...]:
    """The columns of the index table ``name``: which revision made it."""
    columns = tuple(str(row[1]) for row in connection.exec_driver_sql(f"PRAGMA table_info({name})"))
    return KEY_COLUMNS if columns == KEY_COLUMNS else COLUMNS


def restore_after_batch(connection: Connection) -> None:
    """After migrations on SQLite: put back what a batch operation on ``customer`` dropped.

    Such an operation copies the table and drops the original, and with it the triggers and the
    order index (SQLAlchemy cannot even reflect an expression index). Rows it changed on the way
    passed no trigger, so without the triggers the index is filled anew (about a second for
    100,000 customers).
    """
    present = {str(row[0]) for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    if FTS_TABLE not in present:
        return  # before revision 0008, or a SQLite without FTS5
    connection.exec_driver_sql(ORDER_INDEX_DDL.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
    _restore_short_index(connection, present)
    if set(_TRIGGERS) <= present:
        return
    log.info("customer search: triggers missing after the upgrade (customer was rebuilt); filling the index anew")
    columns = _sqlite_indexed_columns(connection, FTS_TABLE)
    for name in _TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    connection.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
    connection.exec_driver_sql(_sqlite_fill(columns))
    create_sqlite_triggers(connection, columns)


def create_sqlite_short_index(connection: Connection, columns: tuple[str, ...] = COLUMNS) -> None:
    """:data:`SHORT_TABLE` of ``columns`` (revision 0019: :data:`COLUMNS`; revision 0027:
    :data:`KEY_COLUMNS`), filled from the customers there are, and its triggers; the positions
    too, unless they exist."""
    connection.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {POSITION_TABLE} (n INTEGER PRIMARY KEY)")
    connection.exec_driver_sql(
        f"WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < {POSITIONS}) "
        f"INSERT OR IGNORE INTO {POSITION_TABLE} (n) SELECT n FROM p"
    )
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {SHORT_TABLE} USING fts5({_names(columns)}, "
        "tokenize='ascii', content='', detail=none, prefix='1')"
    )
    _fill_short_index(connection, columns)


def _fill_short_index(connection: Connection, columns: tuple[str, ...]) -> None:
    connection.exec_driver_sql(_sqlite_short_fill(columns))
    for ddl in _sqlite_short_triggers(columns).values():
        connection.exec_driver_sql(ddl)


def drop_sqlite_short_index(connection: Connection) -> None:
    _drop(connection, _SHORT_TRIGGERS, (SHORT_TABLE, POSITION_TABLE))


def _drop(connection: Connection, triggers: Collection[str], tables: Collection[str]) -> None:
    for name in triggers:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    for name in tables:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")


def _restore_short_index(connection: Connection, present: set[str]) -> None:
    if SHORT_TABLE not in present or set(_SHORT_TRIGGERS) <= present:
        return
    log.info("customer search: short-text triggers missing after the upgrade (customer was rebuilt); filling anew")
    for name in _SHORT_TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    connection.exec_driver_sql(f"INSERT INTO {SHORT_TABLE} ({SHORT_TABLE}) VALUES ('delete-all')")
    _fill_short_index(connection, _sqlite_indexed_columns(connection, SHORT_TABLE))


def drop_sqlite_index(connection: Connection) -> None:
    for name in _TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def index_sqlite_key(connection: Connection, columns: tuple[str, ...] = KEY_COLUMNS) -> None:
    """Revision 0027 (``columns``: :data:`KEY_COLUMNS`) and its downgrade (:data:`COLUMNS`) on a
    SQLite with the index tables: both made anew for ``columns``, with their triggers."""
    present = {str(row[0]) for row in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
    if FTS_TABLE not in present:
        return  # a SQLite without FTS5 (logged by revision 0008): the search scans
    drop_sqlite_index(connection)
    create_sqlite_index(connection, columns)
    if SHORT_TABLE in present:
        _drop(connection, _SHORT_TRIGGERS, (SHORT_TABLE,))
        create_sqlite_short_index(connection, columns)


def is_index_object(name: str | None, type_: str) -> bool:
    """The tables of this module, which the models do not describe (they exist on some backends
    only; :data:`GRAM_TABLE` and :data:`POSITION_TABLE` begin with :data:`FTS_TABLE` too); the
    schema comparison of Alembic leaves them out. Its indexes on ``customer`` the models declare."""
    if name is None or type_ != "table":
        return False
    return name == FTS_TABLE or name.startswith(f"{FTS_TABLE}_")


def include_name(name: str | None, type_: str, parent_names: Any) -> bool:
    """Alembic's ``include_name`` hook: everything but :func:`is_index_object` and MariaDB's
    invisible number length column (revision 0022), which the models cannot declare for MariaDB
    alone (they declare the index on it by its name)."""
    if type_ == "column" and name == NUMBER_LENGTH_COLUMN:
        return (parent_names or {}).get("table_name") != "customer"
    return not is_index_object(name, type_)


# --------------------------------------------------------------------------- searching


def has_short_index(connection: Connection) -> bool:
    """Whether the SQLite database has :data:`SHORT_TABLE` (revision 0019)."""
    return _has_table(connection, SHORT_TABLE, _short_indexed)


def _has_table(connection: Connection, name: str, known: weakref.WeakKeyDictionary[Engine, bool]) -> bool:
    """Whether the SQLite database has the table ``name``; ``known``: the engines known to have it
    (an index table does not go away while they run)."""
    engine = connection.engine
    if known.get(engine):
        return True
    found = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": name}
    ).first()
    if found is not None:
        known[engine] = True
    return found is not None


def short_query(needle: str) -> str | None:
    """The FTS5 query of :data:`SHORT_TABLE` for ``needle`` (one or two characters, normalised), or
    None when the table cannot answer it: it finds what :func:`scan_clause` finds, the characters
    of ``needle`` in either case. ASCII letters the tokenizer folds itself; other characters are
    asked for in each of their cases. Not answered: ASCII characters other than letters and digits
    (the tokenizer drops them), and characters with an ASCII case partner ("ı" and "I"), which the
    tokenizer would fold on to a third one ("i")."""
    alternatives = [""]
    for char in needle:
        if char.isascii():
            if not char.isalnum():
                return None
            variants = [char]
        else:
            variants = sorted({char, *(v for v in (char.lower(), char.upper()) if len(v) == 1)})
            if any(v.isascii() for v in variants):
                return None
        alternatives = [before + variant for before in alternatives for variant in variants]
    prefix = " *" if len(needle) == 1 else ""  # one character: any token beginning with it
    return " OR ".join(f'"{alternative}"{prefix}' for alternative in alternatives)


def _short_clause(query: str) -> ColumnElement[bool]:
    hits = select(_short.c.rowid).where(literal_column(SHORT_TABLE).op("MATCH")(query))
    return Customer.id.in_(hits)


def has_sqlite_index(connection: Connection) -> bool:
    return _has_table(connection, FTS_TABLE, _indexed)


def search_clause(session: Session, search: str, *, window: NumberWindow | None = None) -> ColumnElement[bool] | None:
    """Customers whose folded number, name and short name contain every folded word of ``search``
    (:func:`~mandant_desktop.domain.search_folding.search_words`; None: no search), served by the
    index where the backend has one. ``window``: the rows are wanted in number order (a window
    of the table sorted by number), which a search with many hits finds faster otherwise; the
    clause may then keep only the first ``window.rows`` hits in that order of the customers in
    ``window.tenants``, so the caller's query must keep the same tenants and sort by
    ``length(number), number`` (both ascending or both descending), then ``id``.

    The index looks up the words it can (on SQLite all words of three characters or more at once,
    else the first short word it answers; on MariaDB the two rarest grams of all words); the other
    words are tested in the rows it found, so that a search of several words costs the statements
    of one."""
    words = search_words(search)
    if not words:
        return None
    connection = session.connection()
    if connection.dialect.name == "sqlite" and has_sqlite_index(connection):
        indexed = _sqlite_indexed(connection, words, window)
        if indexed is not None:
            return indexed
    elif connection.dialect.name == "postgresql" and under_row_security(connection):
        # FROM the function, not SELECT it: a scan of a function's rows is read again from memory
        # when PostgreSQL tests the condition row by row, a SELECT of it would call it again each
        # time (on a table it had no statistics of: 2,000 calls, a minute).
        return Customer.id.in_(select(_pg_search(words, window).column_valued()))
    elif connection.dialect.name in ("mysql", "mariadb") and has_gram_table(connection):
        return mariadb_clause(connection, words, window=window)
    return scan_clause(connection.dialect.name, words)


def _sqlite_indexed(
    connection: Connection, words: tuple[str, ...], window: NumberWindow | None
) -> ColumnElement[bool] | None:
    """SQLite: the search through the FTS tables, or None when they cannot answer it (a scan)."""
    long = [word for word in words if len(word) >= MIN_INDEXED_LENGTH]
    if long:
        query = " AND ".join(_phrase(word) for word in long)
        rest = words[len(long) :]  # the words are longest first
        if window is None:
            found = indexed_clause(query)
        else:
            hits = _hits(connection, query, FTS_TABLE, SCAN_HITS)
            if hits >= SCAN_HITS:
                return scan_clause("sqlite", words)
            found = indexed_clause(query, walk=hits >= MANY_HITS)
        return and_(found, scan_clause("sqlite", rest)) if rest else found
    answered = [(word, short) for word in words if (short := short_query(word)) is not None]
    if not answered or not has_short_index(connection):
        return None
    word, short = answered[0]
    # Many hits: the walk of the number order fills the window after a few hundred rows, where the
    # hits through the index would all be looked up and sorted.
    if window is not None and _hits(connection, short, SHORT_TABLE, MANY_HITS) >= MANY_HITS:
        return scan_clause("sqlite", words)
    rest = tuple(other for other in words if other != word)
    return and_(_short_clause(short), scan_clause("sqlite", rest)) if rest else _short_clause(short)


def count_clause(session: Session, search: str, tenants: Collection[int] | None) -> ColumnElement[int] | None:
    """The number of customers that :func:`search_clause` finds for ``search`` in ``tenants``
    (None: every tenant the operator may see) as one value, where the backend counts faster that
    way than by counting the rows of :func:`search_clause`; else None. PostgreSQL under row
    security: :data:`PG_KEY_COUNT_FUNCTION` counts in the search indexes of revision 0027 instead
    of returning every hit to be looked up again."""
    words = search_words(search)
    if not words:
        return None
    connection = session.connection()
    if connection.dialect.name != "postgresql" or not under_row_security(connection):
        return None
    return cast(getattr(func, PG_KEY_COUNT_FUNCTION)(_words_array(words), _tenants_array(tenants)), Integer)


# --------------------------------------------------------------------------- MariaDB (revision 0022)

_gram = table(GRAM_TABLE, column("gram", LargeBinary), column("customer_id", Integer))
#: engines whose MariaDB database is known to have :data:`GRAM_TABLE`
_gram_indexed: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def has_gram_table(connection: Connection) -> bool:
    """Whether the MariaDB/MySQL database has :data:`GRAM_TABLE` (revision 0022)."""
    engine = connection.engine
    if _gram_indexed.get(engine):
        return True
    found = _table_exists_mariadb(connection, GRAM_TABLE)
    if found:
        _gram_indexed[engine] = True
    return found


def number_order(connection: Connection, descending: bool) -> list[Any]:
    """The table's number order, ``length(number), number`` (shorter numbers first keep 99999 before
    100000); on MariaDB from revision 0022 on the invisible column that holds the same length,
    which the number order index begins with (MariaDB indexes no expressions)."""
    length: Any = func.length(Customer.number)
    if connection.dialect.name in ("mysql", "mariadb") and has_gram_table(connection):
        length = literal_column(f"customer.{NUMBER_LENGTH_COLUMN}")
    columns = [length, Customer.number]
    return [c.desc() for c in columns] if descending else columns


def _gram_condition(gram: Any, key: str) -> ColumnElement[bool]:
    """``gram`` (a column of :data:`GRAM_TABLE`) is the text ``key`` of three characters, or begins
    with the shorter ``key``: its bytes up to, not including, ``key`` followed by the byte 0xFF,
    which UTF-8 never holds."""
    data = key.encode()
    if len(key) == GRAM_LENGTH:
        equal: ColumnElement[bool] = gram == data
        return equal
    return and_(gram >= data, gram < data + b"\xff")


def _gram_keys(words: tuple[str, ...]) -> list[str]:
    """The grams a customer must have to contain every word of ``words``: a word of up to three
    characters itself (the beginning of a gram), a longer one its distinct trigrams in their order."""
    keys: list[str] = []
    for word in words:
        if len(word) <= GRAM_LENGTH:
            keys.append(word)
        else:
            keys.extend(word[i : i + GRAM_LENGTH] for i in range(len(word) - GRAM_LENGTH + 1))
    return list(dict.fromkeys(keys))


def _gram_hits(connection: Connection, keys: list[str], most: int) -> list[int]:
    """The rows of :data:`GRAM_TABLE` for each key, counted up to ``most`` (the key's index range
    is read that far, no further): for one to three characters an upper bound of its customers."""
    counts = []
    for key in keys:
        rows: Any = select(literal_column("1")).select_from(_gram).where(_gram_condition(_gram.c.gram, key)).limit(most)
        counts.append(select(func.count()).select_from(rows.subquery()).scalar_subquery())
    return [int(value) for value in connection.execute(select(*counts)).one()]


def mariadb_clause(
    connection: Connection, words: tuple[str, ...], *, window: NumberWindow | None = None
) -> ColumnElement[bool]:
    """MariaDB/MySQL (revisions 0022, 0027): the customers whose key contains every word of
    ``words`` (:func:`search_words`), through :data:`GRAM_TABLE`. A word of up to three characters
    is contained exactly when a gram begins with it, a longer one needs all its trigrams: the
    customers with the rarest gram of all words and the rarest whole trigram besides (counted up
    to :data:`MANY_HITS` each) are the hits when there are no other grams, else they are tested
    with the scan's condition. A
    search with :data:`MANY_HITS` or more hits is not looked up through the grams: a window in
    number order walks the number order index with the scan's condition and stops after the window
    (the caller orders by :func:`number_order`), anything else (the count, other orders) scans,
    which for a text as frequent as "a" (76,402 of 100,000 customers, about 300,000 grams) read
    less than the grams did (0.7–0.9 s against 2.0–2.8 s for the count at load 12)."""
    keys = _gram_keys(words)
    hits = _gram_hits(connection, keys, MANY_HITS)
    by_hits = sorted(range(len(keys)), key=lambda i: hits[i])
    # The second gram is looked up by (gram, customer) for each customer of the first: a whole
    # trigram only. A shorter one is a range of the key, which it would read for every customer of
    # the first ("a e i": 29 s on the large demo); its word is tested by the scan's condition then.
    rarest = [by_hits[0], *[i for i in by_hits[1:] if len(keys[i]) == GRAM_LENGTH][:1]]
    first = _gram.alias("g1")
    candidates = select(first.c.customer_id).where(_gram_condition(first.c.gram, keys[rarest[0]]))
    if len(rarest) > 1:
        second = _gram.alias("g2")
        candidates = candidates.join(
            second,
            (second.c.customer_id == first.c.customer_id) & _gram_condition(second.c.gram, keys[rarest[1]]),
        ).prefix_with("STRAIGHT_JOIN", dialect="mysql")
    if hits[rarest[0]] >= MANY_HITS:
        both = hits[rarest[0]]
        if len(rarest) > 1:
            bounded = candidates.limit(MANY_HITS).subquery()
            both = int(connection.execute(select(func.count()).select_from(bounded)).scalar_one())
        if both >= MANY_HITS:
            if window is None:
                return scan_clause(connection.dialect.name, words)
            return _mariadb_walk(connection, words, window)
    found = Customer.id.in_(candidates)
    if len(rarest) == len(keys) and all(len(word) <= GRAM_LENGTH for word in words):
        return found  # each word is the beginning of a gram the customer has: exactly the hits
    return and_(found, scan_clause(connection.dialect.name, words))


def _mariadb_walk(connection: Connection, words: tuple[str, ...], window: NumberWindow) -> ColumnElement[bool]:
    """The first ``window.rows`` customers in number order of ``window.tenants`` that contain
    ``words``, found by walking the number order index (told so: for a small table MariaDB would
    rather sort) and testing each customer with the scan's condition; a derived table, since
    MariaDB takes no ``LIMIT`` in an ``IN`` subquery."""
    walk = select(Customer.id).where(scan_clause(connection.dialect.name, words))
    if window.tenants is not None:
        walk = walk.where(Customer.tenant_id.in_(sorted(window.tenants)))
    walk = walk.with_hint(Customer, f"FORCE INDEX ({NUMBER_ORDER_INDEX})", "mysql")
    first = walk.order_by(*number_order(connection, window.descending)).limit(window.rows).subquery("walked")
    return Customer.id.in_(select(first.c.id))


def _tenants_array(tenants: Collection[int] | None) -> Any:
    values = None if tenants is None else sorted(tenants)
    return cast(bindparam("tenants", values, type_=ARRAY(Integer), unique=True), ARRAY(Integer))


def _words_array(words: tuple[str, ...]) -> Any:
    return cast(bindparam("words", list(words), type_=ARRAY(Text), unique=True), ARRAY(Text))


def _pg_search(words: tuple[str, ...], window: NumberWindow | None) -> Any:
    """PostgreSQL under row security (revision 0027): every hit (:data:`PG_KEY_HITS_FUNCTION`, for a
    sort by another column), or the window's first hits in number order
    (:data:`PG_KEY_FIRST_FUNCTION`), which the function finds by sorting the hits when there are
    few and by walking the number order when there are many, whatever the planner estimates."""
    if window is None:
        return getattr(func, PG_KEY_HITS_FUNCTION)(_words_array(words), _tenants_array(None))
    return getattr(func, PG_KEY_FIRST_FUNCTION)(
        _words_array(words), _tenants_array(window.tenants), window.rows, window.descending
    )


def under_row_security(connection: Connection) -> bool:
    """PostgreSQL: whether row-level security applies to the connection's role (``mandant_app``),
    which keeps the search indexes from a search (``lower()`` and ``LIKE`` are not leakproof); the
    search then goes through the functions of revision 0018 (:data:`PG_FIRST_FUNCTION`,
    :data:`PG_HITS_FUNCTION`, :data:`PG_COUNT_FUNCTION`), which run as the owner. The owner's
    connections search directly."""
    engine = connection.engine
    known = _under_row_security.get(engine)
    if known is None:
        known = _under_row_security[engine] = not connection.execute(text("SELECT mandant_is_trusted()")).scalar_one()
    return known


def like_pattern(needle: str) -> str:
    """``needle`` anywhere, as a LIKE pattern with "/" as the escape character (as ``contains(…,
    autoescape=True)`` writes it)."""
    escaped = needle.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"%{escaped}%"


#: from this many hits on, a window in number order walks the number order instead of sorting the
#: hits: "gmbh" (17,759 of 100,000 customers) took 14 ms sorted and takes 3 ms walked, while a
#: search with few or no hits would walk far (5 ms for none) and is sorted in about a millisecond
MANY_HITS = 2000
#: from this many hits on (of three or more characters), a window in number order walks the number
#: order testing each customer's text instead of testing it against the hits the index collected
#: first: collecting costs about a quarter of a microsecond a hit, the test of the text about
#: 1.5 µs a customer walked (about 100,000 / hits per row of the window). Measured on the large
#: demo (CPU ms, collected / tested): "gmbh" 17,759 hits 5.0 / 0.6, "gmbh & co. kg" 8,856 hits
#: 9.9 / 1.3, "e.v." 8,737 hits 3.1 / 2.1, "ber" 7,296 hits 3.0 / 2.8.
SCAN_HITS = 7000


def _phrase(needle: str) -> str:
    return '"' + needle.replace('"', '""') + '"'


def _hits(connection: Connection, query: str, table_name: str, most: int) -> int:
    """The hits of the FTS5 ``query`` in ``table_name``, counted up to ``most``: the index stops
    counting there (0.3 ms for 2,000)."""
    hits = connection.execute(
        text(f"SELECT count(*) FROM (SELECT rowid FROM {table_name} WHERE {table_name} MATCH :query LIMIT :most)"),
        {"query": query, "most": most},
    ).scalar_one()
    return int(hits)


def indexed_clause(query: str, *, walk: bool = False) -> ColumnElement[bool]:
    """SQLite: the ids the FTS table finds for the FTS5 ``query`` (phrases of three characters or
    more, :func:`_phrase`).

    ``walk``: the same rows, but SQLite may not look the hits up by id (``id + 0`` is no indexed
    column): it walks the number order index instead and tests each customer against the hits
    (collected once), so that a window in number order stops after its last row."""
    hits = select(_fts.c.rowid).where(literal_column(FTS_TABLE).op("MATCH")(query))
    return (Customer.id + 0).in_(hits) if walk else Customer.id.in_(hits)


def scan_clause(dialect: str, words: Collection[str]) -> ColumnElement[bool]:
    """The search without an index: the key contains every word of ``words`` (folded), compared
    character for character (:func:`mandant_desktop.db.search_keys.contains_words`), which is what
    the indexes must find exactly; PostgreSQL's trigram index of the key serves its ``LIKE``."""
    return search_keys.contains_words(dialect, Customer.search_key, words)


def like_clause(needle: str) -> ColumnElement[bool]:
    """The search as it was before the index: ``lower(column) LIKE '%needle%'`` (for comparisons)."""
    columns = (Customer.number, Customer.name, Customer.short_name)
    return or_(*(func.lower(c).contains(needle, autoescape=True) for c in columns))


# --------------------------------------------------------------------------- bulk inserts


@contextlib.contextmanager
def filled_in_bulk(connection: Connection) -> Iterator[None]:
    """Customers inserted in the block enter the index in one statement at its end.

    On SQLite the insert trigger is dropped for the block and created again afterwards, inside the
    caller's transaction (a rollback brings it back as it was). On MariaDB, where a trigger cannot
    be dropped inside a transaction (DDL commits), the session variable :data:`BULK_VARIABLE` tells
    the insert trigger to leave the rows to the end of the block. The rows inserted must get ids
    above every existing customer's, as autoincrement ids and the demo generator's do.
    """
    if connection.dialect.name in ("mysql", "mariadb") and has_gram_table(connection):
        with _mariadb_filled_in_bulk(connection):
            yield
        return
    if connection.dialect.name != "sqlite" or not has_sqlite_index(connection):
        yield
        return
    before = connection.scalar(select(func.max(Customer.id))) or 0
    short = has_short_index(connection)
    connection.exec_driver_sql(f"DROP TRIGGER {INSERT_TRIGGER}")
    if short:
        connection.exec_driver_sql(f"DROP TRIGGER {SHORT_INSERT_TRIGGER}")
    try:
        yield
    except BaseException:
        # A caller that commits what it inserted before the error still gets a whole index; a
        # connection that broke is rolled back anyway, and its error is the one to report.
        with contextlib.suppress(Exception):
            _index_new_rows(connection, before, short=short)
        raise
    _index_new_rows(connection, before, short=short)


def _index_new_rows(connection: Connection, before: int, *, short: bool) -> None:
    connection.execute(text(f"{_sqlite_fill(KEY_COLUMNS)} WHERE id > :before"), {"before": before})
    connection.exec_driver_sql(_TRIGGERS[INSERT_TRIGGER])
    if short:
        connection.execute(text(f"{_sqlite_short_fill(KEY_COLUMNS)} WHERE id > :before"), {"before": before})
        connection.exec_driver_sql(_SHORT_TRIGGERS[SHORT_INSERT_TRIGGER])


@contextlib.contextmanager
def _mariadb_filled_in_bulk(connection: Connection) -> Iterator[None]:
    before = connection.scalar(select(func.max(Customer.id))) or 0
    connection.exec_driver_sql(f"SET {BULK_VARIABLE} = 1")
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):
            _mariadb_index_new_rows(connection, before)
        raise
    _mariadb_index_new_rows(connection, before)


def _mariadb_index_new_rows(connection: Connection, before: int) -> None:
    # The variable is cleared first: should the fill fail, the connection's later inserts (it goes
    # back to the pool) still enter the index row by row.
    connection.exec_driver_sql(f"SET {BULK_VARIABLE} = NULL")
    _without_read_timeout(connection, _mariadb_fill("WHERE id > :before"), {"before": before})
