"""PostgreSQL: the customer search as the application login chooses its way by the hits it finds,
not by the planner's estimate, and texts of one or two characters get an index (issue 8).

Revision ID: 0018_pg_customer_search_grams
Revises: 0017_outbox_order_index
Create Date: 2026-12-03

``mandant_customer_search_first`` of revision 0013 let the planner choose between walking the
number-order index until the window is full and sorting every hit the trigram indexes find. The
planner chose by its estimate of the hits, which for a ``LIKE '%…%'`` over three columns is often
far off: "münchen" (331 hits) walked about 14,000 customers (47 ms), and a text of one or two
characters, which no trigram index serves, was searched under row security by a walk over every
customer when it had no hit at all ("q", "zz": 80–150 ms; EXPLAIN ANALYZE as the application login
on the large demo, docs/profiles/2026-12-03/pg-search-terms-*.txt).

Created here:

* ``mandant_customer_grams(number, name, short_name)``: the distinct substrings of one and two
  characters of the three columns, folded with ``lower()`` as the trigram indexes are, and the GIN
  index ``ix_customer_grams`` on it (8 MB for 100,000 customers, 6 s to build). A text of one or two
  characters occurs in a column exactly when the column's substrings hold it: the index answers
  such a search exactly, with no scan.
* ``mandant_customer_first(needle, tenants, first_rows, descending)``: the first ``first_rows``
  hits in the table's number order, like the function of 0013, but taking the search text itself
  (folded, not a LIKE pattern), and choosing its way by the hits it finds, giving the planner one
  way at a time (the planner settings of each step are set on the function and end with it):

  1. it tests the first *cap* customers in number order; a frequent text fills the window there
     ("a": 131 customers read for 100 hits);
  2. otherwise it takes at most *cap* hits through the search indexes (a bitmap scan); when fewer
     come, they are every hit, and are sorted;
  3. otherwise (many hits, few of them early in the order) it walks the number order on until the
     window is full.

  *cap* is the square root of ``first_rows`` times the customers in the table (about 3,200 for the
  first window of 100,000 customers, at least 1,000): sorting the hits costs about one row per hit,
  walking about ``first_rows`` times the table over the hits, and the two are equal there. A window
  thus reads at most about two *cap* rows unless its hits are many and clustered late in the
  order (step 3).
* ``mandant_customer_hits(needle, tenants)``: every hit, through the same indexes (for a window in
  another order), and ``mandant_customer_count(needle, tenants)``: their number, counted inside
  the function (the count of 0010/0013 fetched each hit's id and looked it up again).

All three are SECURITY DEFINER with the visibility rule of 0005/0013 (the operator's visible
tenants, read once per call), narrowed to ``tenants`` when given; revoked from PUBLIC, granted to
``mandant_app``. The planner settings they use are set on the function and end with it. The
functions of 0010 and 0013 stay for workstations running an older version. SQLite and MariaDB:
nothing.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018_pg_customer_search_grams"
down_revision: str | Sequence[str] | None = "0017_outbox_order_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GRAMS = "mandant_customer_grams"
GRAMS_INDEX = "ix_customer_grams"
FIRST = "mandant_customer_first(needle text, tenants integer[], first_rows integer, descending boolean)"
HITS = "mandant_customer_hits(needle text, tenants integer[])"
COUNT = "mandant_customer_count(needle text, tenants integer[])"
SIGNATURES = (
    "mandant_customer_first(text, integer[], integer, boolean)",
    "mandant_customer_hits(text, integer[])",
    "mandant_customer_count(text, integer[])",
)

_GRAMS = f"""
CREATE FUNCTION {GRAMS}(number text, name text, short_name text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 1000 AS $$
    SELECT coalesce(array_agg(DISTINCT substr(t, i, n)), '{{}}')
    FROM unnest(ARRAY[lower(number), lower(name), lower(short_name)]) AS t,
         generate_series(1, 2) AS n,
         generate_series(1, length(t) - n + 1) AS i
$$
"""

# (Inside format() below: its percent signs doubled.) The conditions on a customer for the search
# text $1 (LIKE pattern $2), in the visible tenants $3, narrowed to the tenants $4 (NULL: no
# further limit): ``keep`` for the search indexes (one or two characters: the substrings' index,
# exact; longer texts: the trigram indexes of revision 0008, rechecked by LIKE), ``liked`` to test
# one row after another. ``tenant_id + 0`` is no indexed column: the planner cannot take the tenant
# index instead of the search indexes and test each of a tenant's rows (as it did on a table it
# had no statistics of, at 0.06 ms a row for the substrings).
_DECLARE = """
    pattern text := '%' || replace(replace(replace(needle, '/', '//'), '%', '/%'), '_', '/_') || '%';
    visible integer[] := mandant_visible_tenants();
    tenant_kept text := ' AND tenant_id + 0 = ANY ($3) AND ($4 IS NULL OR tenant_id + 0 = ANY ($4))';
    liked text := '(lower(number) LIKE $2 ESCAPE ''/'' OR lower(name) LIKE $2 ESCAPE ''/'''
                  ' OR lower(short_name) LIKE $2 ESCAPE ''/'')' || tenant_kept;
    keep text := CASE WHEN length(needle) < 3
        THEN 'mandant_customer_grams(number, name, short_name) @> ARRAY[$1]' || tenant_kept
        ELSE liked END;""".replace("%", "%%")

# Only a bitmap scan (the search indexes) until the body allows more; no JIT for a few ms of work.
_SETTINGS = """SET search_path = %I, pg_temp
        SET enable_seqscan = off SET enable_indexscan = off SET enable_bitmapscan = on SET jit = off"""

_FUNCTIONS = f"""
DO $do$
BEGIN
    EXECUTE format($f$
        CREATE FUNCTION {FIRST} RETURNS SETOF integer
        LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 100
        {_SETTINGS} AS $body$
        DECLARE{_DECLARE}
            direction text := CASE WHEN descending THEN 'DESC' ELSE 'ASC' END;
            ordered text := format(' ORDER BY length(number) %%1$s, number %%1$s, id', direction);
            cap integer := greatest(1000, ceil(sqrt(first_rows::float8 * greatest(
                (SELECT reltuples FROM pg_class WHERE oid = 'customer'::regclass), 1))))::integer;
            hits integer[];
        BEGIN
            -- 1. The first cap customers in number order: a frequent text fills the window there.
            PERFORM set_config('enable_indexscan', 'on', true);
            PERFORM set_config('enable_bitmapscan', 'off', true);
            EXECUTE 'SELECT array(SELECT id FROM (SELECT * FROM customer' || ordered || ' LIMIT $6) AS walked'
                    ' WHERE ' || liked || ' LIMIT $5)'
                INTO hits USING needle, pattern, visible, tenants, first_rows, cap;
            IF cardinality(hits) = first_rows THEN
                RETURN QUERY SELECT unnest(hits);
                RETURN;
            END IF;
            -- 2. A rarer text: at most cap hits through the search indexes; when fewer come, they are
            -- every hit, sorted.
            PERFORM set_config('enable_indexscan', 'off', true);
            PERFORM set_config('enable_bitmapscan', 'on', true);
            EXECUTE 'SELECT array(SELECT id FROM (SELECT id, number FROM customer WHERE ' || keep
                    || ' LIMIT $5) AS found' || ordered || ')'
                INTO hits USING needle, pattern, visible, tenants, cap;
            IF cardinality(hits) < cap THEN
                RETURN QUERY SELECT unnest(hits[1:first_rows]);
                RETURN;
            END IF;
            -- 3. Many hits, few of them early in the order: the number order, walked on until the
            -- window is full (each row tested by LIKE: making its substrings costs more).
            PERFORM set_config('enable_indexscan', 'on', true);
            PERFORM set_config('enable_bitmapscan', 'off', true);
            RETURN QUERY EXECUTE 'SELECT id FROM customer WHERE ' || liked || ordered || ' LIMIT $5'
                USING needle, pattern, visible, tenants, first_rows;
        END
        $body$$f$, current_schema());
    EXECUTE format($f$
        CREATE FUNCTION {HITS} RETURNS SETOF integer
        LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 1000
        {_SETTINGS} AS $body$
        DECLARE{_DECLARE}
        BEGIN
            RETURN QUERY EXECUTE 'SELECT id FROM customer WHERE ' || keep USING needle, pattern, visible, tenants;
        END
        $body$$f$, current_schema());
    EXECUTE format($f$
        CREATE FUNCTION {COUNT} RETURNS bigint
        LANGUAGE plpgsql STABLE SECURITY DEFINER
        {_SETTINGS} AS $body$
        DECLARE{_DECLARE}
            result bigint;
        BEGIN
            EXECUTE 'SELECT count(*) FROM customer WHERE ' || keep INTO result USING needle, pattern, visible, tenants;
            RETURN result;
        END
        $body$$f$, current_schema());
END
$do$;
"""


def _grants() -> str:
    statements = [f"EXECUTE 'REVOKE ALL ON FUNCTION {s} FROM PUBLIC';" for s in SIGNATURES]
    grants = " ".join(f"EXECUTE 'GRANT EXECUTE ON FUNCTION {s} TO mandant_app';" for s in SIGNATURES)
    statements.append(f"IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mandant_app') THEN {grants} END IF;")
    return "DO $do$ BEGIN " + " ".join(statements) + " END $do$;"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_GRAMS)
        op.execute(f"CREATE INDEX {GRAMS_INDEX} ON customer USING gin ({GRAMS}(number, name, short_name))")
        op.execute(_FUNCTIONS)
        op.execute(_grants())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for signature in SIGNATURES:
            op.execute(f"DROP FUNCTION IF EXISTS {signature}")
        op.execute(f"DROP INDEX IF EXISTS {GRAMS_INDEX}")
        op.execute(f"DROP FUNCTION IF EXISTS {GRAMS}(text, text, text)")
