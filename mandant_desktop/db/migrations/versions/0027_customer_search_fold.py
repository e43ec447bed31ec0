"""The customer search compares folded texts word by word: "Strasse" finds "Straße", "Mueller"
finds "Müller", and "müller köln" finds a Müller in Köln (SPEC C1).

Revision ID: 0027_customer_search_fold
Revises: 0026_group_permission_code
Create Date: 2026-12-04

The rule is :mod:`mandant_desktop.domain.search_folding`; the database cannot apply it (SQLite
has no such function, and each backend folds differently), so the application stores each
customer's folded number, name and short name in the new column ``customer.search_key`` with
every insert and every change (the models), and the search indexes of revisions 0008, 0018, 0019
and 0022 are made anew on that column instead of the three (described in
:mod:`mandant_desktop.db.customer_search`):

* every backend: ``customer.search_key`` (text, ``''`` by default), filled here for the existing
  customers: on SQLite by one ``UPDATE`` through a function of this connection, elsewhere the
  keys computed from one read of the customers, loaded into a temporary table and written by one
  ``UPDATE … FROM``/``JOIN`` (about 100,000 keys a second);
* SQLite: the FTS5 tables ``customer_search`` (trigrams) and ``customer_search_short`` (substrings
  of two characters) and their triggers, now of the key;
* PostgreSQL: the trigram index ``ix_customer_search_key_trgm`` of the key (where ``pg_trgm`` is
  installed, as revision 0008 left it) and ``ix_customer_key_grams`` of its substrings of one and
  two characters, instead of the three trigram indexes and ``ix_customer_grams``; the functions
  ``mandant_customer_key_first``, ``…_key_hits`` and ``…_key_count``, which take the search's
  words (the functions of 0010, 0013 and 0018 stay for workstations of an older version, whose
  searches then scan);
* MariaDB/MySQL: the triggers of ``customer_search_gram`` cut the grams of the key, and the grams
  are made anew.

A workstation of an older version still inserts customers, with an empty key (the column's
default): they are found once a newer version changes them; the downgrade needs no key.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from mandant_desktop.db import customer_search as search

revision: str = "0027_customer_search_fold"
down_revision: str | Sequence[str] | None = "0026_group_permission_code"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY_GRAMS = "mandant_customer_key_grams"
FIRST = "mandant_customer_key_first(words text[], tenants integer[], first_rows integer, descending boolean)"
HITS = "mandant_customer_key_hits(words text[], tenants integer[])"
COUNT = "mandant_customer_key_count(words text[], tenants integer[])"
SIGNATURES = (
    "mandant_customer_key_first(text[], integer[], integer, boolean)",
    "mandant_customer_key_hits(text[], integer[])",
    "mandant_customer_key_count(text[], integer[])",
)
#: revisions 0008 and 0018: the indexes this revision replaces, made again by its downgrade
OLD_GRAMS = "mandant_customer_grams"

_KEY_GRAMS = f"""
CREATE FUNCTION {KEY_GRAMS}(key text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000 AS $$
    SELECT coalesce(array_agg(DISTINCT substr(key, i, n)), '{{}}')
    FROM generate_series(1, 2) AS n, generate_series(1, length(key) - n + 1) AS i
$$
"""

# The functions' conditions, as in revision 0018 but for words (each function begins with this):
# ``liked`` tests a row, every word by LIKE on the key; ``keep`` is the same for the search indexes
# (the trigram index serves the words of three characters or more, the index of substrings the
# shorter ones, which it answers exactly). The words go into the statement as literals, so that
# the planner sees each pattern. ``tenant_id + 0``: see revision 0018. Parameters of the
# statements: $1 the visible tenants, $2 the tenants asked for (NULL: no further limit).
_CONDITIONS = f"""
    FOREACH word IN ARRAY words LOOP
        liked := liked || ' AND search_key LIKE '
            || quote_literal('%' || replace(replace(replace(word, '/', '//'), '%', '/%'), '_', '/_') || '%')
            || ' ESCAPE ''/''';
        IF length(word) < 3 THEN
            short := short || word;
        END IF;
    END LOOP;
    keep := liked || tenant_kept;
    IF cardinality(short) > 0 THEN
        keep := '{KEY_GRAMS}(search_key) @> ' || quote_literal(short) || '::text[] AND ' || keep;
    END IF;
    liked := '(' || liked || ')' || tenant_kept;"""

_DECLARE = """
    visible integer[] := mandant_visible_tenants();
    tenant_kept text := ' AND tenant_id + 0 = ANY ($1) AND ($2 IS NULL OR tenant_id + 0 = ANY ($2))';
    liked text := 'true';
    keep text;
    short text[] := '{}';
    word text;"""

# Only a bitmap scan (the search indexes) until the body allows more; no JIT for a few ms of work.
_SETTINGS = """SET search_path = %I, pg_temp
        SET enable_seqscan = off SET enable_indexscan = off SET enable_bitmapscan = on SET jit = off"""

# The steps of the first window are those of revision 0018 (see there): the first cap customers in
# number order, else at most cap hits through the indexes, sorted, else the walk of the number order.
_FIRST_BODY = f"""
        DECLARE{_DECLARE}
            direction text := CASE WHEN descending THEN 'DESC' ELSE 'ASC' END;
            ordered text := format(' ORDER BY length(number) %1$s, number %1$s, id', direction);
            cap integer := greatest(1000, ceil(sqrt(first_rows::float8 * greatest(
                (SELECT reltuples FROM pg_class WHERE oid = 'customer'::regclass), 1))))::integer;
            hits integer[];
        BEGIN{_CONDITIONS}
            PERFORM set_config('enable_indexscan', 'on', true);
            PERFORM set_config('enable_bitmapscan', 'off', true);
            EXECUTE 'SELECT array(SELECT id FROM (SELECT * FROM customer' || ordered || ' LIMIT $4) AS walked'
                    ' WHERE ' || liked || ' LIMIT $3)'
                INTO hits USING visible, tenants, first_rows, cap;
            IF cardinality(hits) = first_rows THEN
                RETURN QUERY SELECT unnest(hits);
                RETURN;
            END IF;
            PERFORM set_config('enable_indexscan', 'off', true);
            PERFORM set_config('enable_bitmapscan', 'on', true);
            EXECUTE 'SELECT array(SELECT id FROM (SELECT id, number FROM customer WHERE ' || keep
                    || ' LIMIT $3) AS found' || ordered || ')'
                INTO hits USING visible, tenants, cap;
            IF cardinality(hits) < cap THEN
                RETURN QUERY SELECT unnest(hits[1:first_rows]);
                RETURN;
            END IF;
            PERFORM set_config('enable_indexscan', 'on', true);
            PERFORM set_config('enable_bitmapscan', 'off', true);
            RETURN QUERY EXECUTE 'SELECT id FROM customer WHERE ' || liked || ordered || ' LIMIT $3'
                USING visible, tenants, first_rows;
        END"""

_HITS_BODY = f"""
        DECLARE{_DECLARE}
        BEGIN{_CONDITIONS}
            RETURN QUERY EXECUTE 'SELECT id FROM customer WHERE ' || keep USING visible, tenants;
        END"""

_COUNT_BODY = f"""
        DECLARE{_DECLARE}
            result bigint;
        BEGIN{_CONDITIONS}
            EXECUTE 'SELECT count(*) FROM customer WHERE ' || keep INTO result USING visible, tenants;
            RETURN result;
        END"""


def _function(signature: str, returns: str, rows: str, body: str) -> str:
    # Inside format(): its percent signs doubled, but for the schema's placeholder in the settings.
    return f"""
    EXECUTE format($f$
        CREATE FUNCTION {signature} RETURNS {returns}
        LANGUAGE plpgsql STABLE SECURITY DEFINER {rows}
        {_SETTINGS} AS $body${body.replace("%", "%%")}
        $body$$f$, current_schema());"""


_FUNCTIONS = (
    "DO $do$\nBEGIN"
    + _function(FIRST, "SETOF integer", "ROWS 100", _FIRST_BODY)
    + _function(HITS, "SETOF integer", "ROWS 1000", _HITS_BODY)
    + _function(COUNT, "bigint", "", _COUNT_BODY)
    + "\nEND\n$do$;"
)


def _has_pg_trgm() -> bool:
    return op.get_bind().exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first() is not None


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    if dialect == "postgresql":
        # Before the keys are written: every index less is one less to write 100,000 times.
        for name in (*search.PG_INDEXES.values(), search.PG_GRAMS_INDEX):
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.add_column("customer", sa.Column(search.KEY_COLUMN, sa.Text(), nullable=False, server_default=""))
    search.fill_keys(bind)
    if dialect == "sqlite":
        search.index_sqlite_key(bind)
    elif dialect == "postgresql":
        if _has_pg_trgm():
            op.execute(f"CREATE INDEX {search.PG_KEY_INDEX} ON customer USING gin ({search.KEY_COLUMN} gin_trgm_ops)")
        op.execute(_KEY_GRAMS)
        op.execute(f"CREATE INDEX {search.PG_KEY_GRAMS_INDEX} ON customer USING gin ({KEY_GRAMS}({search.KEY_COLUMN}))")
        op.execute(_FUNCTIONS)
        op.execute(search.pg_app_grants(SIGNATURES))
    elif dialect in ("mysql", "mariadb"):
        search.index_mariadb_key(bind)


def downgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    if dialect == "sqlite":
        search.index_sqlite_key(bind, search.COLUMNS)  # first: its triggers name the column
        op.execute(f"ALTER TABLE customer DROP COLUMN {search.KEY_COLUMN}")
        return
    if dialect == "postgresql":
        for signature in SIGNATURES:
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
        op.execute(f"DROP INDEX IF EXISTS {search.PG_KEY_GRAMS_INDEX}")
        op.execute(f"DROP INDEX IF EXISTS {search.PG_KEY_INDEX}")
        op.execute(f"DROP FUNCTION IF EXISTS {KEY_GRAMS}(text)")
        if _has_pg_trgm():
            for column, name in search.PG_INDEXES.items():
                op.execute(f"CREATE INDEX {name} ON customer USING gin (lower({column}) gin_trgm_ops)")
        op.execute(
            f"CREATE INDEX {search.PG_GRAMS_INDEX} ON customer USING gin ({OLD_GRAMS}(number, name, short_name))"
        )
    elif dialect in ("mysql", "mariadb"):
        search.index_mariadb_key(bind, search.COLUMNS)
    op.drop_column("customer", search.KEY_COLUMN)
